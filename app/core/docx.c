/*
 * docx.c: the Office Open XML back end of doc.h (a .docx for MS Word and
 * LibreOffice). Elements are written in the order the WordprocessingML
 * schema requires, which Word checks strictly.
 */
#include <stdlib.h>
#include <string.h>

#include "doc_internal.h"
#include "docpkg.h"
#include "util.h"

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_W     "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R     "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL   "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT_WORD  "application/vnd.openxmlformats-officedocument.wordprocessingml."

/* Twentieths of a point and English Metric Units per centimetre. */
#define TWIPS_PER_CM 566.929
#define EMU_PER_CM   360000.0

static const char content_types[] = XML_HEAD
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Default Extension=\"png\" ContentType=\"image/png\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"" CT_WORD "document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"" CT_WORD "styles+xml\"/>"
    "<Override PartName=\"/word/numbering.xml\" ContentType=\"" CT_WORD "numbering+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" ContentType=\"" CT_WORD "settings+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" "
    "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "</Types>";

static const char package_rels[] =
    XML_HEAD "<Relationships xmlns=\"" NS_REL "\">"
             "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" "
             "Target=\"word/document.xml\"/>"
             "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
             "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
             "</Relationships>";

/* Times New Roman 12 pt, Russian; headings as Word's own ("heading 1"), so
 * that Word and Writer list them in their navigators. */
static const char styles[] =
    XML_HEAD "<w:styles xmlns:w=\"" NS_W "\">"
             "<w:docDefaults><w:rPrDefault><w:rPr>"
             "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
             "w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
             "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"ru-RU\"/>"
             "</w:rPr></w:rPrDefault>"
             "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>"
             "</w:pPr></w:pPrDefault></w:docDefaults>"
             "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
             "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
             "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
             "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
             "<w:pPr><w:spacing w:after=\"240\"/><w:jc w:val=\"center\"/></w:pPr>"
             "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>"
             "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
             "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
             "<w:pPr><w:keepNext/><w:spacing w:before=\"360\" w:after=\"120\"/>"
             "<w:outlineLvl w:val=\"0\"/></w:pPr>"
             "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>"
             "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
             "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
             "<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/>"
             "<w:outlineLvl w:val=\"1\"/></w:pPr>"
             "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>"
             "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/>"
             "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
             "<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"60\"/>"
             "<w:outlineLvl w:val=\"2\"/></w:pPr>"
             "<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr></w:style>"
             "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\">"
             "<w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
             "<w:pPr><w:spacing w:after=\"60\"/></w:pPr></w:style>"
             "<w:style w:type=\"paragraph\" w:styleId=\"TableText\">"
             "<w:name w:val=\"Table Contents\"/><w:basedOn w:val=\"Normal\"/>"
             "<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
             "<w:rPr><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr></w:style>"
             "</w:styles>";

/* One bullet list definition, numId 1. */
static const char numbering[] =
    XML_HEAD "<w:numbering xmlns:w=\"" NS_W "\">"
             "<w:abstractNum w:abstractNumId=\"0\">"
             "<w:multiLevelType w:val=\"singleLevel\"/>"
             "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>"
             "<w:lvlText w:val=\"\xE2\x80\xA2\"/><w:lvlJc w:val=\"left\"/>"
             "<w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl>"
             "</w:abstractNum>"
             "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
             "</w:numbering>";

/* Word 2013 and later: without it Word opens the file in compatibility mode. */
static const char settings[] =
    XML_HEAD "<w:settings xmlns:w=\"" NS_W "\"><w:defaultTabStop w:val=\"709\"/>"
             "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
             "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
             "</w:settings>";

static long
twips(double cm)
{
	return (long)(cm * TWIPS_PER_CM + 0.5);
}

/* The text of a run: <w:t> pieces with <w:br/> for each '\n'. */
static void
run_text(FILE *out, const char *text)
{
	const char *nl;

	for (;;) {
		nl = strchr(text, '\n');
		fputs("<w:t xml:space=\"preserve\">", out);
		doc_xml_text(out, text, nl ? (size_t)(nl - text) : strlen(text));
		fputs("</w:t>", out);
		if (nl == NULL)
			break;
		fputs("<w:br/>", out);
		text = nl + 1;
	}
}

static void
write_run(FILE *out, const char *text, bool bold)
{
	fputs(bold ? "<w:r><w:rPr><w:b/><w:bCs/></w:rPr>" : "<w:r>", out);
	run_text(out, text);
	fputs("</w:r>", out);
}

/* A paragraph of the block's runs; style may be NULL (Normal). */
static void
write_paragraph(FILE *out, const DocBlock *block, const char *style, bool bullet)
{
	fputs("<w:p>", out);
	if (style != NULL) {
		fprintf(out, "<w:pPr><w:pStyle w:val=\"%s\"/>", style);
		if (bullet)
			fputs("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>",
			      out);
		fputs("</w:pPr>", out);
	}
	for (int r = 0; r < block->n_runs; r++)
		write_run(out, block->runs[r].text, block->runs[r].bold);
	fputs("</w:p>", out);
}

static void
write_table_start(FILE *out, const DocTable *table, const double *widths)
{
	static const char *const sides[] = {
		"top", "left", "bottom", "right", "insideH", "insideV"
	};

	fprintf(out, "<w:tbl><w:tblPr><w:tblW w:w=\"%ld\" w:type=\"dxa\"/><w:tblBorders>",
	        twips(DOC_TEXT_WIDTH_CM));
	for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++)
		fprintf(out, "<w:%s w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>",
		        sides[i]);
	fputs("</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
	      "<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/>"
	      "<w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
	      "<w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>",
	      out);
	for (int c = 0; c < table->n_cols; c++)
		fprintf(out, "<w:gridCol w:w=\"%ld\"/>", twips(widths[c]));
	fputs("</w:tblGrid>", out);
}

static void
write_cell(FILE *out, const DocTable *table, int row, int col, double width)
{
	size_t i = (size_t)row * (size_t)table->n_cols + (size_t)col;

	fprintf(out, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/>", twips(width));
	if (table->shades[i] != DOC_NO_SHADE)
		fprintf(out, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%06X\"/>",
		        table->shades[i]);
	fputs("</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>", out);
	if (table->cells[i][0] != '\0')
		write_run(out, table->cells[i], row == 0);
	fputs("</w:p></w:tc>", out);
}

static void
write_table(FILE *out, const DocTable *table)
{
	double *widths = xcalloc((size_t)table->n_cols, sizeof *widths);

	doc_table_widths(table, widths);
	write_table_start(out, table, widths);
	for (int r = 0; r < table->n_rows; r++) {
		/* The header row repeats on every page; no row is split. */
		fputs(r == 0 ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
		             : "<w:tr><w:trPr><w:cantSplit/></w:trPr>",
		      out);
		for (int c = 0; c < table->n_cols; c++)
			write_cell(out, table, r, c, widths[c]);
		fputs("</w:tr>", out);
	}
	fputs("</w:tbl>", out);
	free(widths);
}

/* A picture inline in a centred paragraph of its own; it refers to the
 * relationship "img<N>" of word/_rels/document.xml.rels. */
static void
write_image(FILE *out, const DocImage *image)
{
	long cx = (long)(image->width_cm * EMU_PER_CM + 0.5);
	long cy = (long)(image->height_cm * EMU_PER_CM + 0.5);
	int n = image->number;

	fprintf(out,
	        "<w:p><w:pPr><w:spacing w:before=\"120\" w:after=\"120\"/><w:jc w:val=\"center\"/>"
	        "</w:pPr><w:r><w:drawing>"
	        "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
	        "<wp:extent cx=\"%ld\" cy=\"%ld\"/><wp:docPr id=\"%d\" name=\"Picture %d\"/>"
	        "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
	        "</wp:cNvGraphicFramePr><a:graphic><a:graphicData "
	        "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
	        "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"%d\" name=\"image%d.png\"/><pic:cNvPicPr/>"
	        "</pic:nvPicPr><pic:blipFill><a:blip r:embed=\"img%d\"/>"
	        "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
	        "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"%ld\" cy=\"%ld\"/></a:xfrm>"
	        "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
	        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
	        cx, cy, n, n, n, n, n, cx, cy);
}

static void
write_block(FILE *out, const DocBlock *block)
{
	static const char *const headings[] = { "Heading1", "Heading2", "Heading3" };

	switch (block->kind) {
	case DOC_BLOCK_TITLE:
		write_paragraph(out, block, "Title", false);
		break;
	case DOC_BLOCK_HEADING:
		write_paragraph(out, block, headings[block->level - 1], false);
		break;
	case DOC_BLOCK_PARAGRAPH:
		write_paragraph(out, block, NULL, false);
		break;
	case DOC_BLOCK_BULLET:
		write_paragraph(out, block, "ListParagraph", true);
		break;
	case DOC_BLOCK_TABLE:
		write_table(out, block->table);
		break;
	case DOC_BLOCK_IMAGE:
		write_image(out, &block->image);
		break;
	case DOC_BLOCK_PAGE_BREAK:
		fputs("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>", out);
		break;
	}
}

static void
write_document(const Doc *doc, FILE *out)
{
	fputs(XML_HEAD "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\" "
	               "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/"
	               "wordprocessingDrawing\" "
	               "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
	               "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
	               "<w:body>",
	      out);
	for (int b = 0; b < doc->n_blocks; b++) {
		write_block(out, &doc->blocks[b]);
		/* Word joins two tables with nothing between them into one,
		 * and wants a paragraph between a table and the body's end. */
		if (doc->blocks[b].kind == DOC_BLOCK_TABLE &&
		    (b + 1 == doc->n_blocks || doc->blocks[b + 1].kind == DOC_BLOCK_TABLE))
			fputs("<w:p/>", out);
	}
	fprintf(
	    out,
	    "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
	    "<w:pgMar w:top=\"%ld\" w:right=\"%ld\" w:bottom=\"%ld\" w:left=\"%ld\" "
	    "w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
	    twips(2.0), twips(1.5), twips(2.0), twips(3.0));
}

static void
write_document_rels(const Doc *doc, FILE *out)
{
	fputs(XML_HEAD "<Relationships xmlns=\"" NS_REL "\">"
	               "<Relationship Id=\"rId1\" Type=\"" REL_TYPE
	               "styles\" Target=\"styles.xml\"/>"
	               "<Relationship Id=\"rId2\" Type=\"" REL_TYPE "numbering\" "
	               "Target=\"numbering.xml\"/>"
	               "<Relationship Id=\"rId3\" Type=\"" REL_TYPE "settings\" "
	               "Target=\"settings.xml\"/>",
	      out);
	for (int i = 1; i <= doc->n_images; i++)
		fprintf(out,
		        "<Relationship Id=\"img%d\" Type=\"" REL_TYPE "image\" "
		        "Target=\"media/image%d.png\"/>",
		        i, i);
	fputs("</Relationships>", out);
}

static void
write_core(const Doc *doc, FILE *out)
{
	fputs(XML_HEAD "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/"
	               "2006/metadata/core-properties\" "
	               "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>",
	      out);
	doc_xml_text(out, doc->title, strlen(doc->title));
	fputs("</dc:title><dc:creator>Anketa</dc:creator><dc:language>ru-RU</dc:language>"
	      "</cp:coreProperties>",
	      out);
}

static void
add_images(DocPkg *pkg, const Doc *doc)
{
	for (int b = 0; b < doc->n_blocks; b++) {
		const DocImage *image = &doc->blocks[b].image;
		char *name;
		if (doc->blocks[b].kind != DOC_BLOCK_IMAGE)
			continue;
		name = xasprintf("word/media/image%d.png", image->number);
		/* PNG is compressed already. */
		docpkg_add(pkg, name, image->png, image->len, true);
		free(name);
	}
}

int
docx_write(const Doc *doc, FILE *out, char **cause)
{
	DocPkg *pkg = docpkg_new();
	DocPart part;

	docpkg_add(pkg, "[Content_Types].xml", content_types, strlen(content_types), false);
	docpkg_add(pkg, "_rels/.rels", package_rels, strlen(package_rels), false);
	write_core(doc, doc_part_open(&part));
	docpkg_add_stream(pkg, "docProps/core.xml", part.out, &part.text, &part.len);
	write_document(doc, doc_part_open(&part));
	docpkg_add_stream(pkg, "word/document.xml", part.out, &part.text, &part.len);
	write_document_rels(doc, doc_part_open(&part));
	docpkg_add_stream(pkg, "word/_rels/document.xml.rels", part.out, &part.text, &part.len);
	docpkg_add(pkg, "word/styles.xml", styles, strlen(styles), false);
	docpkg_add(pkg, "word/numbering.xml", numbering, strlen(numbering), false);
	docpkg_add(pkg, "word/settings.xml", settings, strlen(settings), false);
	add_images(pkg, doc);
	return docpkg_finish(pkg, out, cause);
}
