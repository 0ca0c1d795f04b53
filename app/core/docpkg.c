/*
 * docpkg.c: an office document's zip container (see docpkg.h). libzip
 * builds the archive in a memory buffer, which is copied to the output
 * stream only once it is complete.
 */
#include "docpkg.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "util.h"

struct DocPkg {
	zip_source_t *buffer; /* the archive's bytes */
	zip_t *zip;
	char *error; /* the first thing that failed, in English (libzip's words) */
};

static void
docpkg_fail(DocPkg *pkg, const char *what)
{
	if (pkg->error == NULL)
		pkg->error = xstrdup(what);
}

DocPkg *
docpkg_new(void)
{
	DocPkg *pkg = xcalloc(1, sizeof *pkg);
	zip_error_t error;

	zip_error_init(&error);
	pkg->buffer = zip_source_buffer_create(NULL, 0, 0, &error);
	if (pkg->buffer != NULL) {
		pkg->zip = zip_open_from_source(pkg->buffer, ZIP_TRUNCATE, &error);
		if (pkg->zip == NULL) {
			zip_source_free(pkg->buffer);
			pkg->buffer = NULL;
		} else {
			/* Kept past zip_close(), which is when the bytes are there. */
			zip_source_keep(pkg->buffer);
		}
	}
	if (pkg->zip == NULL)
		docpkg_fail(pkg, zip_error_strerror(&error));
	zip_error_fini(&error);
	return pkg;
}

void
docpkg_add(DocPkg *pkg, const char *name, const void *data, size_t len, bool store)
{
	zip_source_t *source;
	void *copy;
	zip_int64_t index;

	if (pkg->zip == NULL)
		return;
	copy = xmalloc(len);
	memcpy(copy, data, len);
	source = zip_source_buffer(pkg->zip, copy, len, 1);
	if (source == NULL) {
		free(copy);
		docpkg_fail(pkg, zip_strerror(pkg->zip));
		return;
	}
	index = zip_file_add(pkg->zip, name, source, ZIP_FL_ENC_UTF_8);
	if (index < 0) {
		zip_source_free(source);
		docpkg_fail(pkg, zip_strerror(pkg->zip));
		return;
	}
	if (zip_set_file_compression(pkg->zip, (zip_uint64_t)index,
	                             store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) != 0)
		docpkg_fail(pkg, zip_strerror(pkg->zip));
}

void
docpkg_add_stream(DocPkg *pkg, const char *name, FILE *stream, char **text, size_t *len)
{
	if (fclose(stream) != 0)
		docpkg_fail(pkg, strerror(errno));
	else
		docpkg_add(pkg, name, *text, *len, false);
	free(*text);
	*text = NULL;
	*len = 0;
}

/* Copies the finished archive's bytes to out. */
static int
copy_out(DocPkg *pkg, FILE *out)
{
	char chunk[16384];
	zip_int64_t n;
	int rc = 0;

	if (zip_source_open(pkg->buffer) != 0) {
		docpkg_fail(pkg, zip_error_strerror(zip_source_error(pkg->buffer)));
		return -1;
	}
	while ((n = zip_source_read(pkg->buffer, chunk, sizeof chunk)) > 0) {
		if (fwrite(chunk, 1, (size_t)n, out) != (size_t)n) {
			docpkg_fail(pkg, strerror(errno));
			rc = -1;
			break;
		}
	}
	if (n < 0) {
		docpkg_fail(pkg, zip_error_strerror(zip_source_error(pkg->buffer)));
		rc = -1;
	}
	zip_source_close(pkg->buffer);
	return rc;
}

int
docpkg_finish(DocPkg *pkg, FILE *out, char **cause)
{
	int rc = -1;

	if (pkg->error == NULL) {
		if (zip_close(pkg->zip) != 0)
			docpkg_fail(pkg, zip_strerror(pkg->zip));
		else {
			pkg->zip = NULL;
			rc = copy_out(pkg, out);
		}
	}
	if (rc != 0)
		*cause = xasprintf(_("cannot make the document: %s"), pkg->error);
	docpkg_free(pkg);
	return rc;
}

void
docpkg_free(DocPkg *pkg)
{
	if (pkg == NULL)
		return;
	if (pkg->zip != NULL)
		zip_discard(pkg->zip);
	if (pkg->buffer != NULL)
		zip_source_free(pkg->buffer);
	free(pkg->error);
	free(pkg);
}
