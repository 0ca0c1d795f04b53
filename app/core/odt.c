/*
 * odt.c: the OpenDocument text back end of doc.h (a .odt for LibreOffice
 * Writer and MS Word), ODF 1.2: the package's "mimetype" first and
 * uncompressed, the common styles in styles.xml, the text and its
 * automatic styles (tables' columns, shaded cells) in content.xml.
 */
#include <stdlib.h>
#include <string.h>

#include "doc_internal.h"
#include "docpkg.h"
#include "util.h"

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define MIMETYPE "application/vnd.oasis.opendocument.text"
#define NS_ODF                                                                                     \
	"xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "                       \
	"xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "                         \
	"xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "                           \
	"xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "                         \
	"xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "                        \
	"xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "                \
	"xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "                  \
	"xmlns:xlink=\"http://www.w3.org/1999/xlink\" "                                            \
	"xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "                                           \
	"xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" office:version=\"1.2\""

/* Times New Roman 12 pt, Russian; A4 with the margins doc.h names. */
static const char styles[] = XML_HEAD
    "<office:document-styles " NS_ODF ">"
    "<office:font-face-decls><style:font-face style:name=\"Times New Roman\" "
    "svg:font-family=\"'Times New Roman'\" style:font-family-generic=\"roman\" "
    "style:font-pitch=\"variable\"/></office:font-face-decls>"
    "<office:styles>"
    "<style:default-style style:family=\"paragraph\">"
    "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.21cm\" "
    "fo:line-height=\"110%\"/>"
    "<style:text-properties style:font-name=\"Times New Roman\" fo:font-size=\"12pt\" "
    "fo:language=\"ru\" fo:country=\"RU\"/></style:default-style>"
    "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>"
    "<style:style style:name=\"Title\" style:family=\"paragraph\" "
    "style:parent-style-name=\"Standard\" style:next-style-name=\"Standard\" "
    "style:class=\"chapter\"><style:paragraph-properties fo:text-align=\"center\" "
    "fo:margin-bottom=\"0.42cm\"/><style:text-properties fo:font-size=\"16pt\" "
    "fo:font-weight=\"bold\"/></style:style>"
    "<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
    "style:next-style-name=\"Standard\" style:default-outline-level=\"1\" "
    "style:class=\"text\"><style:paragraph-properties fo:margin-top=\"0.64cm\" "
    "fo:margin-bottom=\"0.21cm\" fo:keep-with-next=\"always\"/>"
    "<style:text-properties fo:font-size=\"14pt\" fo:font-weight=\"bold\"/></style:style>"
    "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
    "style:next-style-name=\"Standard\" style:default-outline-level=\"2\" "
    "style:class=\"text\"><style:paragraph-properties fo:margin-top=\"0.42cm\" "
    "fo:margin-bottom=\"0.21cm\" fo:keep-with-next=\"always\"/>"
    "<style:text-properties fo:font-size=\"13pt\" fo:font-weight=\"bold\"/></style:style>"
    "<style:style style:name=\"Heading_20_3\" style:display-name=\"Heading 3\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
    "style:next-style-name=\"Standard\" style:default-outline-level=\"3\" "
    "style:class=\"text\"><style:paragraph-properties fo:margin-top=\"0.42cm\" "
    "fo:margin-bottom=\"0.1cm\" fo:keep-with-next=\"always\"/>"
    "<style:text-properties fo:font-weight=\"bold\" fo:font-style=\"italic\"/></style:style>"
    "<style:style style:name=\"List_20_Paragraph\" style:display-name=\"List Paragraph\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"list\">"
    "<style:paragraph-properties fo:margin-bottom=\"0.1cm\"/></style:style>"
    "<style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\">"
    "<style:paragraph-properties fo:margin-bottom=\"0cm\" fo:line-height=\"100%\"/>"
    "<style:text-properties fo:font-size=\"11pt\"/></style:style>"
    "<style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\" "
    "style:class=\"extra\"><style:text-properties fo:font-weight=\"bold\"/></style:style>"
    "<text:list-style style:name=\"Bullets\">"
    "<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"\xE2\x80\xA2\">"
    "<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
    "<style:list-level-label-alignment text:label-followed-by=\"listtab\" "
    "text:list-tab-stop-position=\"1.27cm\" fo:text-indent=\"-0.635cm\" "
    "fo:margin-left=\"1.27cm\"/></style:list-level-properties>"
    "</text:list-level-style-bullet></text:list-style>"
    "</office:styles>"
    "<office:automatic-styles><style:page-layout style:name=\"A4\">"
    "<style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" "
    "style:print-orientation=\"portrait\" fo:margin-top=\"2cm\" fo:margin-bottom=\"2cm\" "
    "fo:margin-left=\"3cm\" fo:margin-right=\"1.5cm\"/></style:page-layout>"
    "</office:automatic-styles>"
    "<office:master-styles><style:master-page style:name=\"Standard\" "
    "style:page-layout-name=\"A4\"/></office:master-styles>"
    "</office:document-styles>";

/* The styles of content.xml that do not depend on the document. */
static const char fixed_automatic_styles[] =
    "<style:style style:name=\"PageBreak\" style:family=\"paragraph\" "
    "style:parent-style-name=\"Standard\"><style:paragraph-properties "
    "fo:break-before=\"page\"/></style:style>"
    "<style:style style:name=\"Picture\" style:family=\"paragraph\" "
    "style:parent-style-name=\"Standard\"><style:paragraph-properties "
    "fo:margin-top=\"0.21cm\" fo:margin-bottom=\"0.21cm\" fo:text-align=\"center\"/>"
    "</style:style>"
    "<style:style style:name=\"Bold\" style:family=\"text\"><style:text-properties "
    "fo:font-weight=\"bold\" style:font-weight-complex=\"bold\"/></style:style>"
    "<style:style style:name=\"Frame\" style:family=\"graphic\"><style:graphic-properties "
    "style:vertical-pos=\"top\" style:vertical-rel=\"baseline\" fo:border=\"none\" "
    "fo:padding=\"0cm\"/></style:style>"
    "<style:style style:name=\"Row\" style:family=\"table-row\"><style:table-row-properties "
    "fo:keep-together=\"always\"/></style:style>"
    "<style:style style:name=\"Cell\" style:family=\"table-cell\">"
    "<style:table-cell-properties fo:padding=\"0.1cm\" fo:border=\"0.5pt solid #000000\"/>"
    "</style:style>";

/* Text as ODF keeps it: a '\n' is a line break, a tab a tab, and a space
 * after a space (or at the start of a paragraph) is written out, since XML
 * space would collapse. *after_space carries over from run to run. */
static void
write_text(FILE *out, const char *text, bool *after_space)
{
	const char *p = text, *start = text;

	for (; *p != '\0'; p++) {
		const char *special = NULL;
		if (*p == '\n')
			special = "<text:line-break/>";
		else if (*p == '\t')
			special = "<text:tab/>";
		else if (*p == ' ' && *after_space)
			special = "<text:s/>";
		*after_space = *p == ' ' || *p == '\n';
		if (special == NULL)
			continue;
		doc_xml_text(out, start, (size_t)(p - start));
		fputs(special, out);
		start = p + 1;
	}
	doc_xml_text(out, start, (size_t)(p - start));
}

static void
write_runs(FILE *out, const DocBlock *block)
{
	bool after_space = true;

	for (int r = 0; r < block->n_runs; r++) {
		if (block->runs[r].bold)
			fputs("<text:span text:style-name=\"Bold\">", out);
		write_text(out, block->runs[r].text, &after_space);
		if (block->runs[r].bold)
			fputs("</text:span>", out);
	}
}

static void
write_paragraph(FILE *out, const DocBlock *block, const char *style)
{
	fprintf(out, "<text:p text:style-name=\"%s\">", style);
	write_runs(out, block);
	fputs("</text:p>", out);
}

static void
write_heading(FILE *out, const DocBlock *block)
{
	fprintf(out, "<text:h text:style-name=\"Heading_20_%d\" text:outline-level=\"%d\">",
	        block->level, block->level);
	write_runs(out, block);
	fputs("</text:h>", out);
}

static void
write_row(FILE *out, const DocTable *table, int row)
{
	fputs("<table:table-row table:style-name=\"Row\">", out);
	for (int c = 0; c < table->n_cols; c++) {
		size_t i = (size_t)row * (size_t)table->n_cols + (size_t)c;
		if (table->shades[i] == DOC_NO_SHADE)
			fputs("<table:table-cell table:style-name=\"Cell\" "
			      "office:value-type=\"string\">",
			      out);
		else
			fprintf(out,
			        "<table:table-cell table:style-name=\"Cell%06X\" "
			        "office:value-type=\"string\">",
			        table->shades[i]);
		fprintf(out, "<text:p text:style-name=\"%s\">",
		        row == 0 ? "Table_20_Heading" : "Table_20_Contents");
		write_text(out, table->cells[i], &(bool){ true });
		fputs("</text:p></table:table-cell>", out);
	}
	fputs("</table:table-row>", out);
}

static void
write_table(FILE *out, const DocTable *table)
{
	fprintf(out, "<table:table table:name=\"Table%d\" table:style-name=\"Table%d\">",
	        table->number, table->number);
	for (int c = 0; c < table->n_cols; c++)
		fprintf(out, "<table:table-column table:style-name=\"Table%d.C%d\"/>",
		        table->number, c + 1);
	fputs("<table:table-header-rows>", out);
	write_row(out, table, 0);
	fputs("</table:table-header-rows>", out);
	for (int r = 1; r < table->n_rows; r++)
		write_row(out, table, r);
	fputs("</table:table>", out);
}

static void
write_image(FILE *out, const DocImage *image)
{
	fprintf(out,
	        "<text:p text:style-name=\"Picture\"><draw:frame draw:style-name=\"Frame\" "
	        "draw:name=\"Picture%d\" text:anchor-type=\"as-char\" svg:width=\"%.3fcm\" "
	        "svg:height=\"%.3fcm\" draw:z-index=\"0\"><draw:image "
	        "xlink:href=\"Pictures/image%d.png\" xlink:type=\"simple\" xlink:show=\"embed\" "
	        "xlink:actuate=\"onLoad\"/></draw:frame></text:p>",
	        image->number, image->width_cm, image->height_cm, image->number);
}

static void
write_block(FILE *out, const DocBlock *block)
{
	switch (block->kind) {
	case DOC_BLOCK_TITLE:
		write_paragraph(out, block, "Title");
		break;
	case DOC_BLOCK_HEADING:
		write_heading(out, block);
		break;
	case DOC_BLOCK_PARAGRAPH:
		write_paragraph(out, block, "Standard");
		break;
	case DOC_BLOCK_BULLET:
		fputs("<text:list-item>", out);
		write_paragraph(out, block, "List_20_Paragraph");
		fputs("</text:list-item>", out);
		break;
	case DOC_BLOCK_TABLE:
		write_table(out, block->table);
		break;
	case DOC_BLOCK_IMAGE:
		write_image(out, &block->image);
		break;
	case DOC_BLOCK_PAGE_BREAK:
		fputs("<text:p text:style-name=\"PageBreak\"/>", out);
		break;
	}
}

/* A table's style and its columns' widths. */
static void
write_table_styles(FILE *out, const DocTable *table)
{
	double *widths = xcalloc((size_t)table->n_cols, sizeof *widths);

	doc_table_widths(table, widths);
	fprintf(out,
	        "<style:style style:name=\"Table%d\" style:family=\"table\">"
	        "<style:table-properties style:width=\"%.3fcm\" table:align=\"margins\"/>"
	        "</style:style>",
	        table->number, DOC_TEXT_WIDTH_CM);
	for (int c = 0; c < table->n_cols; c++)
		fprintf(out,
		        "<style:style style:name=\"Table%d.C%d\" style:family=\"table-column\">"
		        "<style:table-column-properties style:column-width=\"%.3fcm\"/>"
		        "</style:style>",
		        table->number, c + 1, widths[c]);
	free(widths);
}

/* True when a cell of a table before block, or one before index i of
 * block's own table, has the shade already (its style is written). */
static bool
shade_seen(const Doc *doc, int block, size_t i, unsigned shade)
{
	for (int b = 0; b <= block; b++) {
		const DocTable *t = doc->blocks[b].table;
		size_t n;
		if (doc->blocks[b].kind != DOC_BLOCK_TABLE)
			continue;
		n = b < block ? (size_t)t->n_rows * (size_t)t->n_cols : i;
		for (size_t k = 0; k < n; k++)
			if (t->shades[k] == shade)
				return true;
	}
	return false;
}

/* A cell style "CellRRGGBB" for each shade used. */
static void
write_shade_styles(FILE *out, const Doc *doc, int block)
{
	const DocTable *t = doc->blocks[block].table;

	for (size_t i = 0; i < (size_t)t->n_rows * (size_t)t->n_cols; i++) {
		unsigned shade = t->shades[i];
		if (shade == DOC_NO_SHADE || shade_seen(doc, block, i, shade))
			continue;
		fprintf(out,
		        "<style:style style:name=\"Cell%06X\" style:family=\"table-cell\">"
		        "<style:table-cell-properties fo:padding=\"0.1cm\" "
		        "fo:border=\"0.5pt solid #000000\" fo:background-color=\"#%06X\"/>"
		        "</style:style>",
		        shade, shade);
	}
}

static void
write_content(const Doc *doc, FILE *out)
{
	fputs(XML_HEAD "<office:document-content " NS_ODF "><office:automatic-styles>", out);
	fputs(fixed_automatic_styles, out);
	for (int b = 0; b < doc->n_blocks; b++) {
		if (doc->blocks[b].kind != DOC_BLOCK_TABLE)
			continue;
		write_table_styles(out, doc->blocks[b].table);
		write_shade_styles(out, doc, b);
	}
	fputs("</office:automatic-styles><office:body><office:text>", out);
	for (int b = 0; b < doc->n_blocks; b++) {
		bool bullet = doc->blocks[b].kind == DOC_BLOCK_BULLET;
		bool after_bullet = b > 0 && doc->blocks[b - 1].kind == DOC_BLOCK_BULLET;
		if (bullet && !after_bullet)
			fputs("<text:list text:style-name=\"Bullets\">", out);
		else if (!bullet && after_bullet)
			fputs("</text:list>", out);
		write_block(out, &doc->blocks[b]);
	}
	if (doc->blocks[doc->n_blocks - 1].kind == DOC_BLOCK_BULLET)
		fputs("</text:list>", out);
	fputs("</office:text></office:body></office:document-content>", out);
}

static void
write_meta(const Doc *doc, FILE *out)
{
	fputs(XML_HEAD "<office:document-meta " NS_ODF "><office:meta>"
	               "<meta:generator>Anketa</meta:generator><dc:title>",
	      out);
	doc_xml_text(out, doc->title, strlen(doc->title));
	fputs("</dc:title><dc:language>ru-RU</dc:language></office:meta></office:document-meta>",
	      out);
}

static void
write_manifest(const Doc *doc, FILE *out)
{
	fputs(XML_HEAD "<manifest:manifest "
	               "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
	               "manifest:version=\"1.2\">"
	               "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
	               "manifest:media-type=\"" MIMETYPE "\"/>"
	               "<manifest:file-entry manifest:full-path=\"content.xml\" "
	               "manifest:media-type=\"text/xml\"/>"
	               "<manifest:file-entry manifest:full-path=\"styles.xml\" "
	               "manifest:media-type=\"text/xml\"/>"
	               "<manifest:file-entry manifest:full-path=\"meta.xml\" "
	               "manifest:media-type=\"text/xml\"/>",
	      out);
	for (int i = 1; i <= doc->n_images; i++)
		fprintf(out,
		        "<manifest:file-entry manifest:full-path=\"Pictures/image%d.png\" "
		        "manifest:media-type=\"image/png\"/>",
		        i);
	fputs("</manifest:manifest>", out);
}

static void
add_images(DocPkg *pkg, const Doc *doc)
{
	for (int b = 0; b < doc->n_blocks; b++) {
		const DocImage *image = &doc->blocks[b].image;
		char *name;
		if (doc->blocks[b].kind != DOC_BLOCK_IMAGE)
			continue;
		name = xasprintf("Pictures/image%d.png", image->number);
		docpkg_add(pkg, name, image->png, image->len, true);
		free(name);
	}
}

int
odt_write(const Doc *doc, FILE *out, char **cause)
{
	DocPkg *pkg = docpkg_new();
	DocPart part;

	/* First and stored, so that the type can be read at a fixed offset. */
	docpkg_add(pkg, "mimetype", MIMETYPE, strlen(MIMETYPE), true);
	write_manifest(doc, doc_part_open(&part));
	docpkg_add_stream(pkg, "META-INF/manifest.xml", part.out, &part.text, &part.len);
	docpkg_add(pkg, "styles.xml", styles, strlen(styles), false);
	write_content(doc, doc_part_open(&part));
	docpkg_add_stream(pkg, "content.xml", part.out, &part.text, &part.len);
	write_meta(doc, doc_part_open(&part));
	docpkg_add_stream(pkg, "meta.xml", part.out, &part.text, &part.len);
	add_images(pkg, doc);
	return docpkg_finish(pkg, out, cause);
}
