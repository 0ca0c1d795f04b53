/*
 * util.c: small helpers shared by every module.
 */
#include "util.h"

#include <dirent.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"

static void
util_oom(void)
{
	fputs("anketa: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (p == NULL)
		util_oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		util_oom();
	return p;
}

void *
xreallocarray(void *ptr, size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		util_oom();
	p = realloc(ptr, n * size != 0 ? n * size : 1);
	if (p == NULL)
		util_oom();
	return p;
}

char *
xstrdup(const char *s)
{
	char *p = strdup(s);
	if (p == NULL)
		util_oom();
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = strndup(s, n);
	if (p == NULL)
		util_oom();
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list ap2;
	int len;
	char *s;

	/* The analyser loses track of a va_list handed in by the caller. */
	va_copy(ap2, ap);
	len = vsnprintf(NULL, 0, fmt, ap2); /* NOLINT(clang-analyzer-valist.Uninitialized) */
	va_end(ap2);
	if (len < 0)
		util_oom();
	s = xmalloc((size_t)len + 1);
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	return s;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

size_t
util_utf8_bad_at(const char *s, size_t len)
{
	const unsigned char *start = (const unsigned char *)s, *p = start, *end = p + len;

	while (p < end) {
		unsigned c = *p;
		int n;
		uint32_t cp;

		if (c < 0x80) {
			p++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3, cp = c & 0x07;
		else
			break;
		if (end - p <= n)
			break;
		for (int i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return (size_t)(p - start);
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			break;
		p += n + 1;
	}
	return (size_t)(p - start);
}

bool
util_utf8_valid(const char *s, size_t len)
{
	return util_utf8_bad_at(s, len) == len;
}

void
util_text_position(const char *s, size_t offset, int *line, int *column)
{
	*line = 1;
	*column = 1;
	for (size_t i = 0; i < offset; i++) {
		if (s[i] == '\n') {
			(*line)++;
			*column = 1;
		} else if (((unsigned char)s[i] & 0xc0) != 0x80) {
			(*column)++;
		}
	}
}

double
util_round(double value, int decimals)
{
	double scale = pow(10.0, decimals);
	/* A tiny nudge keeps 2.675 (stored as 2.67499...) rounding the way a
	 * person rounds the printed number. */
	double scaled = value * scale;
	double r = round(scaled + (scaled >= 0 ? 1e-9 : -1e-9));
	return r / scale;
}

void
util_now_iso8601(char buf[21])
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void
util_iso8601(int64_t seconds, char buf[21])
{
	time_t t = (time_t)seconds;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The number in the n decimal digits at text, or -1 when one is no digit. */
static int
util_digits(const char *text, int n)
{
	int value = 0;

	for (int i = 0; i < n; i++) {
		if (text[i] < '0' || text[i] > '9')
			return -1;
		value = value * 10 + (text[i] - '0');
	}
	return value;
}

int
util_iso8601_parse(const char *text, int64_t *seconds)
{
	struct tm tm = { 0 };
	char again[21];
	time_t t;

	/* "2026-09-15T10:23:05Z": the fields at fixed places. */
	if (strlen(text) != 20)
		return -1;
	tm.tm_year = util_digits(text, 4) - 1900;
	tm.tm_mon = util_digits(text + 5, 2) - 1;
	tm.tm_mday = util_digits(text + 8, 2);
	tm.tm_hour = util_digits(text + 11, 2);
	tm.tm_min = util_digits(text + 14, 2);
	tm.tm_sec = util_digits(text + 17, 2);
	t = timegm(&tm);
	/* A field that is no number, or out of range (carried over by timegm()),
	 * or a wrong separator reads back otherwise. */
	util_iso8601((int64_t)t, again);
	if (strcmp(again, text) != 0)
		return -1;
	*seconds = (int64_t)t;
	return 0;
}

int64_t
util_wall_seconds(void)
{
	return (int64_t)time(NULL);
}

/* <prefix> when the running program is <prefix>/bin/<name> and
 * <prefix>/share/anketa holds the surveys, else NULL; cached. */
static const char *
util_install_prefix(void)
{
	static char prefix[4096];
	static int known; /* 0 not looked yet, 1 installed, -1 not */
	char exe[4096], *slash, *probe;
	ssize_t len;

	if (known != 0)
		return known > 0 ? prefix : NULL;
	known = -1;
	len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len <= 0)
		return NULL;
	exe[len] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0'; /* <prefix>/bin */
	if ((slash = strrchr(exe, '/')) == NULL || strcmp(slash, "/bin") != 0)
		return NULL;
	*slash = '\0';
	probe = xasprintf("%s/share/anketa/surveys", exe);
	if (access(probe, R_OK) == 0) {
		snprintf(prefix, sizeof prefix, "%s", exe);
		known = 1;
	}
	free(probe);
	return known > 0 ? prefix : NULL;
}

const char *
util_data_dir(void)
{
	static char dir[4096 + 16];
	const char *prefix = util_install_prefix();

	if (prefix == NULL)
		return ANKETA_SOURCE_DIR;
	snprintf(dir, sizeof dir, "%s/share/anketa", prefix);
	return dir;
}

/* The installed catalogue's folder, or the build tree's. */
static const char *
util_locale_dir(void)
{
	static char dir[4096 + 16];
	const char *prefix = util_install_prefix();

	if (prefix == NULL)
		return ANKETA_LOCALE_DIR;
	snprintf(dir, sizeof dir, "%s/share/locale", prefix);
	return dir;
}

void
util_i18n_init(const char *localedir)
{
	const char *loc = setlocale(LC_ALL, "");
	const char *language;

	/* In the plain C locale gettext ignores LANGUAGE; C.UTF-8 is always
	 * present on Debian and lets the catalogue apply. */
	if (loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		setlocale(LC_ALL, "C.UTF-8");
	setlocale(LC_NUMERIC, "C"); /* numbers in files and CSV use a dot */
	language = getenv("LANGUAGE");
	if (language == NULL || language[0] == '\0')
		setenv("LANGUAGE", "ru", 1);
	bindtextdomain("anketa", localedir ? localedir : util_locale_dir());
	bind_textdomain_codeset("anketa", "UTF-8");
	textdomain("anketa");
}

static int
util_is_yaml_name(const struct dirent *e)
{
	size_t len = strlen(e->d_name);

	return e->d_name[0] != '.' && len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0;
}

int
util_yaml_files(const char *dir, char ***paths)
{
	struct dirent **names;
	int n = scandir(dir, &names, util_is_yaml_name, alphasort);

	if (n < 0)
		return -1;
	*paths = xcalloc((size_t)n + 1, sizeof **paths);
	for (int i = 0; i < n; i++) {
		(*paths)[i] = xasprintf("%s/%s", dir, names[i]->d_name);
		free(names[i]);
	}
	free(names);
	return n;
}

void
util_paths_free(char **paths, int n)
{
	for (int i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}
