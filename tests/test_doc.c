/*
 * test_doc.c: the editable document writer: the parts of a .docx and an
 * .odt read back from the zip, the column widths, writing whole or not at
 * all, and both files opened by LibreOffice Writer (converted to text and
 * to PDF, read with pdftotext).
 */
#include <cairo.h>
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "doc.h"
#include "doc_internal.h"
#include "testutil.h"
#include "util.h"

#define GREEN 0xC6EFCE

typedef struct {
	unsigned char *bytes;
	size_t len;
} Png;

static cairo_status_t
png_append(void *closure, const unsigned char *data, unsigned int length)
{
	Png *png = closure;

	png->bytes = xreallocarray(png->bytes, png->len + length, 1);
	memcpy(png->bytes + png->len, data, length);
	png->len += length;
	return CAIRO_STATUS_SUCCESS;
}

/* A 40 x 20 PNG, all pure blue. */
static Png
blue_png(void)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 40, 20);
	cairo_t *cr = cairo_create(s);
	Png png = { 0 };

	cairo_set_source_rgb(cr, 0, 0, 1);
	cairo_paint(cr);
	cairo_destroy(cr);
	ck_assert_int_eq(cairo_surface_write_to_png_stream(s, png_append, &png),
	                 CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
	return png;
}

/* A document with one of everything, in the order the checks expect. */
static Doc *
sample(const Png *png)
{
	Doc *doc = doc_new("Аналитическая справка");
	DocTable *t;

	doc_heading(doc, 1, "1. Участники");
	doc_paragraph(doc, "Приняли участие ");
	doc_run(doc, "21 обучающийся", true);
	doc_run(doc, " и <родители> & \"педагоги\".", false);
	doc_bullet(doc, "Первый пункт");
	doc_bullet(doc, "Второй  пункт");
	t = doc_table(doc, 3);
	doc_table_set(t, 0, 0, "Класс");
	doc_table_set(t, 0, 1, "Доля, %");
	doc_table_set(t, 0, 2, "Цель");
	doc_table_set(t, doc_table_add_row(t), 0, "5А");
	doc_table_set(t, 1, 1, "72,5");
	doc_table_set(t, 1, 2, "достигнута");
	doc_table_shade(t, 1, 2, GREEN);
	doc_table_set(t, doc_table_add_row(t), 0, "5Б");
	doc_table_set(t, 2, 1, "мало данных\nn = 3");
	doc_image(doc, png->bytes, png->len, 4.0, 2.0);
	doc_page_break(doc);
	doc_heading(doc, 2, "Рекомендации");
	doc_paragraph(doc, "");
	return doc;
}

/* The named file of a zip archive as a NUL-terminated string, its byte
 * count in *len (may be NULL); fails the test when it is not there. */
static char *
zip_entry(const char *path, const char *name, size_t *len)
{
	int error = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &error);
	zip_stat_t st;
	zip_file_t *f;
	char *text;

	ck_assert_msg(z != NULL, "%s is not a zip archive", path);
	ck_assert_msg(zip_stat(z, name, 0, &st) == 0, "%s has no %s", path, name);
	text = xmalloc(st.size + 1);
	f = zip_fopen(z, name, 0);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(zip_fread(f, text, st.size), (zip_int64_t)st.size);
	text[st.size] = '\0';
	zip_fclose(f);
	zip_close(z);
	if (len != NULL)
		*len = st.size;
	return text;
}

/* Writes the sample in format to dir/name and returns the path. */
static char *
write_sample(const char *dir, const char *name, DocFormat format, Png *png)
{
	char *path = xasprintf("%s/%s", dir, name), *cause = NULL;
	Doc *doc = sample(png);

	ck_assert_msg(doc_write(doc, format, path, &cause) == 0, "%s", cause ? cause : "");
	doc_free(doc);
	return path;
}

static void
assert_has(const char *text, const char *needle)
{
	ck_assert_msg(strstr(text, needle) != NULL, "no\n%s\nin\n%s", needle, text);
}

START_TEST(docx_holds_every_block)
{
	char *dir = testutil_tmpdir();
	Png png = blue_png();
	char *path = write_sample(dir, "a.docx", DOC_DOCX, &png);
	char *body = zip_entry(path, "word/document.xml", NULL);
	char *rels = zip_entry(path, "word/_rels/document.xml.rels", NULL);
	char *core = zip_entry(path, "docProps/core.xml", NULL);
	size_t len;
	char *image = zip_entry(path, "word/media/image1.png", &len);

	assert_has(body, "<w:body><w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t "
	                 "xml:space=\"preserve\">Аналитическая справка</w:t></w:r></w:p>"
	                 "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>");
	assert_has(body, "<w:p><w:r><w:t xml:space=\"preserve\">Приняли участие </w:t></w:r>"
	                 "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">21 "
	                 "обучающийся</w:t></w:r><w:r><w:t xml:space=\"preserve\"> и "
	                 "&lt;родители&gt; &amp; &quot;педагоги&quot;.</w:t></w:r></w:p>");
	assert_has(body, "<w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/>"
	                 "<w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t "
	                 "xml:space=\"preserve\">Второй  пункт</w:t>");
	/* 16.5 cm split 5:11:10 ("Класс", "мало данных", "достигнута"):
	 * 3.173, 6.981 and 6.346 cm, at 566.929 twips a centimetre. */
	assert_has(body, "<w:tblGrid><w:gridCol w:w=\"1799\"/><w:gridCol w:w=\"3958\"/>"
	                 "<w:gridCol w:w=\"3598\"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/>"
	                 "<w:tblHeader/></w:trPr>");
	assert_has(body, "<w:tcPr><w:tcW w:w=\"3598\" w:type=\"dxa\"/><w:shd w:val=\"clear\" "
	                 "w:color=\"auto\" w:fill=\"C6EFCE\"/></w:tcPr>");
	assert_has(body, "<w:t xml:space=\"preserve\">мало данных</w:t><w:br/><w:t "
	                 "xml:space=\"preserve\">n = 3</w:t>");
	/* 4 x 2 cm in EMU. */
	assert_has(body, "<wp:extent cx=\"1440000\" cy=\"720000\"/>");
	assert_has(body, "<a:blip r:embed=\"img1\"/>");
	assert_has(body, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p><w:p><w:pPr><w:pStyle "
	                 "w:val=\"Heading2\"/>");
	assert_has(rels, "<Relationship Id=\"img1\" Type=\"http://schemas.openxmlformats.org/"
	                 "officeDocument/2006/relationships/image\" Target=\"media/image1.png\"/>");
	assert_has(core, "<dc:title>Аналитическая справка</dc:title>");
	ck_assert_uint_eq(len, png.len);
	ck_assert_mem_eq(image, png.bytes, len);
	free(image);
	free(core);
	free(rels);
	free(body);
	free(path);
	free(png.bytes);
	free(dir);
}
END_TEST

START_TEST(odt_mimetype_first_and_stored)
{
	char *dir = testutil_tmpdir();
	Png png = blue_png();
	char *path = write_sample(dir, "a.odt", DOC_ODT, &png);
	int error = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &error);
	zip_stat_t st;
	char *mimetype;

	ck_assert_ptr_nonnull(z);
	ck_assert_int_eq(zip_stat_index(z, 0, 0, &st), 0);
	ck_assert_str_eq(st.name, "mimetype");
	ck_assert_int_eq(st.comp_method, ZIP_CM_STORE);
	zip_close(z);
	mimetype = zip_entry(path, "mimetype", NULL);
	ck_assert_str_eq(mimetype, "application/vnd.oasis.opendocument.text");
	/* The type is readable at offset 38 of the file, as ODF asks. */
	{
		char *bytes = testutil_read_bytes(path, &(size_t){ 0 });
		ck_assert_mem_eq(bytes + 30, "mimetypeapplication/vnd.oasis.opendocument.text", 47);
		free(bytes);
	}
	free(mimetype);
	free(path);
	free(png.bytes);
	free(dir);
}
END_TEST

START_TEST(odt_holds_every_block)
{
	char *dir = testutil_tmpdir();
	Png png = blue_png();
	char *path = write_sample(dir, "a.odt", DOC_ODT, &png);
	char *content = zip_entry(path, "content.xml", NULL);
	char *manifest = zip_entry(path, "META-INF/manifest.xml", NULL);
	char *meta = zip_entry(path, "meta.xml", NULL);
	size_t len;
	char *image = zip_entry(path, "Pictures/image1.png", &len);

	assert_has(content, "<office:text><text:p text:style-name=\"Title\">Аналитическая "
	                    "справка</text:p><text:h text:style-name=\"Heading_20_1\" "
	                    "text:outline-level=\"1\">1. Участники</text:h>");
	assert_has(content, "<text:p text:style-name=\"Standard\">Приняли участие <text:span "
	                    "text:style-name=\"Bold\">21 обучающийся</text:span> и "
	                    "&lt;родители&gt; &amp; &quot;педагоги&quot;.</text:p>");
	assert_has(content, "<text:list text:style-name=\"Bullets\"><text:list-item><text:p "
	                    "text:style-name=\"List_20_Paragraph\">Первый пункт</text:p>"
	                    "</text:list-item><text:list-item><text:p "
	                    "text:style-name=\"List_20_Paragraph\">Второй <text:s/>пункт</text:p>"
	                    "</text:list-item></text:list><table:table");
	assert_has(content, "<style:style style:name=\"Table1.C1\" style:family=\"table-column\">"
	                    "<style:table-column-properties style:column-width=\"3.173cm\"/>");
	assert_has(content, "<style:style style:name=\"CellC6EFCE\" style:family=\"table-cell\">"
	                    "<style:table-cell-properties fo:padding=\"0.1cm\" fo:border=\"0.5pt "
	                    "solid #000000\" fo:background-color=\"#C6EFCE\"/>");
	assert_has(content, "<table:table-header-rows><table:table-row "
	                    "table:style-name=\"Row\"><table:table-cell table:style-name=\"Cell\" "
	                    "office:value-type=\"string\"><text:p "
	                    "text:style-name=\"Table_20_Heading\">Класс</text:p>");
	assert_has(content, "<table:table-cell table:style-name=\"CellC6EFCE\" "
	                    "office:value-type=\"string\"><text:p "
	                    "text:style-name=\"Table_20_Contents\">достигнута</text:p>");
	assert_has(content, ">мало данных<text:line-break/>n = 3</text:p>");
	assert_has(content, "svg:width=\"4.000cm\" svg:height=\"2.000cm\" draw:z-index=\"0\">"
	                    "<draw:image xlink:href=\"Pictures/image1.png\"");
	assert_has(content, "<text:p text:style-name=\"PageBreak\"/><text:h "
	                    "text:style-name=\"Heading_20_2\"");
	assert_has(manifest, "<manifest:file-entry manifest:full-path=\"Pictures/image1.png\" "
	                     "manifest:media-type=\"image/png\"/>");
	assert_has(meta, "<dc:title>Аналитическая справка</dc:title>");
	ck_assert_uint_eq(len, png.len);
	ck_assert_mem_eq(image, png.bytes, len);
	free(image);
	free(meta);
	free(manifest);
	free(content);
	free(path);
	free(png.bytes);
	free(dir);
}
END_TEST

START_TEST(columns_follow_their_longest_line)
{
	Doc *doc = doc_new("t");
	DocTable *t = doc_table(doc, 4);
	double w[4];

	/* Longest lines: 2 (counted as the least, 4), 10, 3 + 7 on two lines
	 * (7), and 55 (counted as the most, 40): 4 + 10 + 7 + 40 = 61 shares. */
	doc_table_set(t, 0, 0, "№");
	doc_table_set(t, doc_table_add_row(t), 0, "5А");
	doc_table_set(t, 1, 1, "Обучающихся");
	doc_table_set(t, 0, 1, "Десять бук");
	doc_table_set(t, 1, 1, "");
	doc_table_set(t, 1, 2, "abc\nабвгдеж");
	doc_table_set(t, 1, 3, "Очень длинный текст ячейки, который займёт много строк");
	doc_table_widths(t, w);
	ck_assert_double_eq_tol(w[0], 16.5 * 4 / 61, 1e-9);
	ck_assert_double_eq_tol(w[1], 16.5 * 10 / 61, 1e-9);
	ck_assert_double_eq_tol(w[2], 16.5 * 7 / 61, 1e-9);
	ck_assert_double_eq_tol(w[3], 16.5 * 40 / 61, 1e-9);
	doc_free(doc);
}
END_TEST

START_TEST(format_by_file_ending)
{
	DocFormat f = DOC_ODT;

	ck_assert_int_eq(doc_format_of("справка.DOCX", &f), 0);
	ck_assert_int_eq(f, DOC_DOCX);
	ck_assert_int_eq(doc_format_of("/tmp/x.odt", &f), 0);
	ck_assert_int_eq(f, DOC_ODT);
	ck_assert_int_eq(doc_format_of("report.pdf", &f), -1);
	ck_assert_int_eq(doc_format_of("docx", &f), -1);
	ck_assert_int_eq(doc_format_of(".odt", &f), -1);
}
END_TEST

START_TEST(a_failed_write_leaves_nothing)
{
	char *dir = testutil_tmpdir();
	char *missing = xasprintf("%s/no/such.odt", dir);
	char *target = xasprintf("%s/busy.docx", dir);
	char *cause = NULL, *listing;
	Doc *doc = doc_new("Справка");
	struct stat st;

	ck_assert_int_eq(doc_write(doc, DOC_ODT, missing, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, missing));
	free(cause);
	cause = NULL;
	/* A folder where the file should go: made whole, then not renamed. */
	ck_assert_int_eq(mkdir(target, 0755), 0);
	ck_assert_int_eq(doc_write(doc, DOC_DOCX, target, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "nothing was written"));
	ck_assert_int_eq(stat(target, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	listing = xasprintf("ls -A '%s' | tr '\\n' ' '", dir);
	{
		FILE *p = popen(listing, "r");
		char line[256] = "";
		ck_assert_ptr_nonnull(p);
		ck_assert_ptr_nonnull(fgets(line, sizeof line, p));
		pclose(p);
		ck_assert_str_eq(line, "busy.docx ");
	}
	free(listing);
	free(cause);
	doc_free(doc);
	free(target);
	free(missing);
	free(dir);
}
END_TEST

/* Runs cmd (a shell command) and returns its standard output. */
static char *
run(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	char *text = NULL;
	size_t cap = 0, len = 0, n;
	char chunk[4096];

	ck_assert_msg(p != NULL, "cannot run %s", cmd);
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0) {
		if (len + n + 1 > cap)
			text = xreallocarray(text, cap = 2 * (len + n + 1), 1);
		memcpy(text + len, chunk, n);
		len += n;
	}
	ck_assert_msg(pclose(p) == 0, "failed: %s", cmd);
	text = xreallocarray(text, len + 1, 1);
	text[len] = '\0';
	return text;
}

/* The same document read by LibreOffice Writer from either file: as text
 * (every cell on a line of its own) and as a PDF. */
static void
assert_writer_reads(const char *dir, const char *name)
{
	char *path = xasprintf("%s/txt/%s.txt", dir, name);
	char *text = testutil_read_file(path);
	char *cmd = xasprintf("pdftotext -layout '%s/lo/%s.pdf' - | tr -s ' '", dir, name);
	char *pdf = run(cmd);

	ck_assert_str_eq(text, "\xEF\xBB\xBF"
	                       "Аналитическая справка\n1. Участники\n"
	                       "Приняли участие 21 обучающийся и <родители> & \"педагоги\".\n"
	                       "    • Первый пункт\n    • Второй  пункт\n"
	                       "Класс\nДоля, %\nЦель\n5А\n72,5\nдостигнута\n5Б\nмало данных\n"
	                       "n = 3\n\n\n\nРекомендации\n\n");
	assert_has(pdf, "Аналитическая справка\n");
	assert_has(pdf, "\n1. Участники\n");
	assert_has(pdf, "\nПриняли участие 21 обучающийся и <родители> & \"педагоги\".\n");
	assert_has(pdf, "• Первый пункт\n");
	/* The table's rows, their cells side by side. */
	assert_has(pdf, "\nКласс Доля, % Цель\n5А 72,5 достигнута\n5Б мало данных\n");
	free(cmd);
	free(pdf);
	/* The page break: the last heading is alone on page 2. */
	cmd = xasprintf("pdftotext -f 2 -l 2 '%s/lo/%s.pdf' - ", dir, name);
	pdf = run(cmd);
	ck_assert_str_eq(pdf, "Рекомендации\n\n\f");
	free(cmd);
	free(pdf);
	cmd = xasprintf("pdfinfo '%s/lo/%s.pdf' | grep -E '^(Title|Pages|Page size):' | tr -s ' '",
	                dir, name);
	pdf = run(cmd);
	ck_assert_str_eq(pdf, "Title: Аналитическая справка\nPages: 2\n"
	                      "Page size: 595.304 x 841.89 pts (A4)\n");
	free(cmd);
	free(pdf);
	free(text);
	free(path);
}

/* The picture in the PDF is the blue PNG at 4 x 2 cm (113 x 57 points). */
static void
assert_picture(const char *dir, const char *name)
{
	char *cmd = xasprintf("pdfimages -list '%s/lo/%s.pdf' | tail -n +3 | awk '{print $4, $5}'",
	                      dir, name);
	char *list = run(cmd);

	ck_assert_str_eq(list, "40 20\n");
	free(list);
	free(cmd);
}

/* Converts the files to format into dir/outdir with LibreOffice. */
static void
convert(const char *dir, const char *format, const char *outdir, const char *a, const char *b)
{
	char *cmd = xasprintf("HOME='%s' timeout 240 soffice --headless --norestore "
	                      "'-env:UserInstallation=file://%s/profile' --convert-to '%s' "
	                      "--outdir '%s/%s' '%s' '%s' >/dev/null 2>&1 && echo ok",
	                      dir, dir, format, dir, outdir, a, b);
	char *out = run(cmd);

	ck_assert_str_eq(out, "ok\n");
	free(out);
	free(cmd);
}

START_TEST(libreoffice_writer_opens_both)
{
	char *dir = testutil_tmpdir();
	Png png = blue_png();
	char *docx = write_sample(dir, "from_docx.docx", DOC_DOCX, &png);
	char *odt = write_sample(dir, "from_odt.odt", DOC_ODT, &png);
	char *cmd = xasprintf("rm -rf '%s'", dir);

	convert(dir, "pdf", "lo", docx, odt);
	convert(dir, "txt:Text (encoded):UTF8", "txt", docx, odt);
	assert_writer_reads(dir, "from_docx");
	assert_writer_reads(dir, "from_odt");
	assert_picture(dir, "from_docx");
	assert_picture(dir, "from_odt");
	/* LibreOffice's profile is large: not left behind when all is well. */
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	free(odt);
	free(docx);
	free(png.bytes);
	free(dir);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("doc");
	TCase *tc = tcase_create("doc");
	TCase *lo = tcase_create("libreoffice");

	tcase_add_test(tc, docx_holds_every_block);
	tcase_add_test(tc, odt_mimetype_first_and_stored);
	tcase_add_test(tc, odt_holds_every_block);
	tcase_add_test(tc, columns_follow_their_longest_line);
	tcase_add_test(tc, format_by_file_ending);
	tcase_add_test(tc, a_failed_write_leaves_nothing);
	suite_add_tcase(s, tc);
	/* LibreOffice starts slowly on an old machine. */
	tcase_set_timeout(lo, 280);
	tcase_add_test(lo, libreoffice_writer_opens_both);
	suite_add_tcase(s, lo);
	return testutil_run(s);
}
