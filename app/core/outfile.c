/*
 * outfile.c: all-or-nothing output files (see outfile.h).
 */
#include "outfile.h"

#include <dirent.h>
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

/* ---- Names that never replace an earlier file, and the USB stick ---- */

/* Bytes a FAT stick or Windows refuses in a name, and the space. */
static bool
outfile_bad_byte(unsigned char c)
{
	return c < 0x20 || c == 0x7f || strchr("/\\:*?\"<>| ", c) != NULL;
}

char *
outfile_name_part(const char *text, size_t max)
{
	size_t len = strlen(text), cut = len < max ? len : max;
	char *part;

	/* Never cut inside a UTF-8 character. */
	while (cut > 0 && cut < len && ((unsigned char)text[cut] & 0xc0) == 0x80)
		cut--;
	part = xcalloc(cut + 1, 1);
	for (size_t i = 0; i < cut; i++)
		part[i] = outfile_bad_byte((unsigned char)text[i]) ? '_' : text[i];
	return part;
}

char *
outfile_report_stem(const char *kind, const char *school, const char *wave, const char *day)
{
	const char *parts[] = { kind, school, wave, day };
	char *stem = xstrdup(""), *part, *next;

	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (parts[i] == NULL || parts[i][0] == '\0')
			continue;
		part = outfile_name_part(parts[i], 60);
		next = xasprintf("%s%s%s", stem, stem[0] ? "-" : "", part);
		free(part);
		free(stem);
		stem = next;
	}
	return stem;
}

char *
outfile_free_name(const char *dir, const char *stem, const char *ext)
{
	char *path = xasprintf("%s/%s.%s", dir, stem, ext);
	struct stat st;

	for (int n = 2; lstat(path, &st) == 0; n++) {
		free(path);
		path = xasprintf("%s/%s-%d.%s", dir, stem, n, ext);
	}
	return path;
}

/* True when path is a folder of its own file system (a mount point) that
 * this account may write into. */
static bool
outfile_is_mount(const char *path, const struct stat *parent)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode) && st.st_dev != parent->st_dev &&
	       access(path, W_OK) == 0;
}

/* The first mount point at depth 1 or 2 under root, or NULL. */
static char *
outfile_media_under(const char *root, int depth)
{
	DIR *dir = opendir(root);
	struct dirent *e;
	struct stat st;
	char *found = NULL;

	if (dir == NULL || stat(root, &st) != 0) {
		if (dir != NULL)
			closedir(dir);
		return NULL;
	}
	while (found == NULL && (e = readdir(dir)) != NULL) {
		char *path;
		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", root, e->d_name);
		if (outfile_is_mount(path, &st))
			found = xstrdup(path);
		else if (depth > 1)
			found = outfile_media_under(path, depth - 1);
		free(path);
	}
	closedir(dir);
	return found;
}

char *
outfile_media_dir(void)
{
	const char *env = getenv("ANKETA_MEDIA_DIRS");
	char *roots = xstrdup(env != NULL && env[0] != '\0' ? env : "/media:/run/media");
	char *found = NULL, *save = NULL;

	for (char *root = strtok_r(roots, ":", &save); root != NULL && found == NULL;
	     root = strtok_r(NULL, ":", &save))
		found = outfile_media_under(root, 2);
	free(roots);
	return found;
}

int
outfile_copy(const char *path, const char *dir, char **copied, char **cause)
{
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	const char *dot = strrchr(name, '.');
	char *stem = dot ? xasprintf("%.*s", (int)(dot - name), name) : xstrdup(name);
	char *target = outfile_free_name(dir, stem, dot ? dot + 1 : "");
	FILE *in = fopen(path, "rb");
	OutFile *out = in != NULL ? outfile_open(target, cause) : NULL;
	char buf[65536];
	size_t n;

	free(stem);
	if (in == NULL)
		*cause = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
	if (out == NULL)
		goto fail;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, outfile_stream(out));
	if (ferror(in)) {
		*cause = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
		outfile_abort(out);
		goto fail;
	}
	fclose(in);
	if (outfile_commit(out, cause) != 0) {
		free(target);
		return -1;
	}
	*copied = target;
	return 0;
fail:
	if (in != NULL)
		fclose(in);
	free(target);
	return -1;
}
