/*
 * classname.c: one spelling per class.
 */
#include "classname.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The upper-case form of a code point where Russian class names need one. */
static uint32_t
classname_upper(uint32_t c)
{
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 'A';
	if (c >= 0x430 && c <= 0x44f) /* а..я */
		return c - 0x20;
	if (c == 0x451) /* ё */
		return 0x401;
	return c;
}

/* Decodes one UTF-8 character at *p (advancing it); invalid bytes pass as is. */
static uint32_t
classname_next(const unsigned char **p)
{
	const unsigned char *s = *p;

	if (s[0] >= 0xc0 && s[0] < 0xe0 && (s[1] & 0xc0) == 0x80) {
		*p += 2;
		return (uint32_t)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
	}
	*p += 1;
	return s[0];
}

size_t
classname_normalize(const char *in, char *out, size_t cap)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t len = 0;

	while (*p != '\0') {
		const unsigned char *start = p;
		uint32_t c = classname_next(&p);
		char buf[2];
		size_t n;

		if (c == ' ' || c == '\t' || c == '-')
			continue;
		c = classname_upper(c);
		if (p - start == 2) {
			buf[0] = (char)(0xc0 | (c >> 6));
			buf[1] = (char)(0x80 | (c & 0x3f));
			n = 2;
		} else {
			buf[0] = (char)c;
			n = 1;
		}
		if (len + n >= cap)
			break;
		memmove(out + len, buf, n);
		len += n;
	}
	if (cap > 0)
		out[len] = '\0';
	return len;
}

int
classname_compare(const char *a, const char *b)
{
	const char *x = a, *y = b;

	if (strcmp(a, "*") == 0 || strcmp(b, "*") == 0)
		return (strcmp(a, "*") == 0) - (strcmp(b, "*") == 0);
	while (*x != '\0' && *y != '\0') {
		if (isdigit((unsigned char)*x) && isdigit((unsigned char)*y)) {
			char *ex, *ey;
			unsigned long nx = strtoul(x, &ex, 10), ny = strtoul(y, &ey, 10);
			if (nx != ny)
				return nx < ny ? -1 : 1;
			x = ex;
			y = ey;
		} else if (*x != *y) {
			break;
		} else {
			x++;
			y++;
		}
	}
	if ((unsigned char)*x != (unsigned char)*y)
		return (unsigned char)*x < (unsigned char)*y ? -1 : 1;
	return strcmp(a, b);
}
