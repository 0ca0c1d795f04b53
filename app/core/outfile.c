/*
 * outfile.c: all-or-nothing output files (see outfile.h).
 */
#include "outfile.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

struct OutFile {
	FILE *stream;
	char *path; /* NULL for standard output */
	char *temp;
};

OutFile *
outfile_open(const char *path, char **cause)
{
	OutFile *out = xcalloc(1, sizeof *out);
	int fd;

	if (path == NULL || strcmp(path, "-") == 0) {
		out->stream = stdout;
		return out;
	}
	out->path = xstrdup(path);
	out->temp = xasprintf("%s.tmp-XXXXXX", path);
	fd = mkstemp(out->temp);
	if (fd < 0) {
		*cause = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
		goto fail;
	}
	/* Exports and reports hold children's answers: readable by their owner
	 * only (mkstemp makes 0600 at most; say it whatever the umask). */
	fchmod(fd, 0600);
	out->stream = fdopen(fd, "wb");
	if (out->stream == NULL) {
		close(fd);
		unlink(out->temp);
		*cause = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
		goto fail;
	}
	return out;
fail:
	free(out->temp);
	free(out->path);
	free(out);
	return NULL;
}

FILE *
outfile_stream(OutFile *out)
{
	return out->stream;
}

const char *
outfile_temp_path(const OutFile *out)
{
	return out->path ? out->temp : NULL;
}

static void
outfile_free(OutFile *out)
{
	free(out->temp);
	free(out->path);
	free(out);
}

int
outfile_commit(OutFile *out, char **cause)
{
	bool ok;
	int saved;

	if (out->path == NULL) {
		ok = fflush(stdout) == 0 && !ferror(stdout);
		saved = errno;
		outfile_free(out);
		if (!ok)
			*cause = xasprintf(_("cannot write the output: %s"), strerror(saved));
		return ok ? 0 : -1;
	}
	ok = fflush(out->stream) == 0 && !ferror(out->stream) && fsync(fileno(out->stream)) == 0;
	saved = errno;
	ok = (fclose(out->stream) == 0) && ok;
	out->stream = NULL;
	if (ok && rename(out->temp, out->path) != 0) {
		ok = false;
		saved = errno;
	}
	if (!ok) {
		*cause = xasprintf(_("cannot write %s: %s; nothing was written"), out->path,
		                   strerror(saved));
		unlink(out->temp);
	}
	outfile_free(out);
	return ok ? 0 : -1;
}

void
outfile_abort(OutFile *out)
{
	if (out == NULL)
		return;
	if (out->path != NULL) {
		if (out->stream != NULL)
			fclose(out->stream);
		unlink(out->temp);
	}
	outfile_free(out);
}
