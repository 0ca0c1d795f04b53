/*
 * classname.c: one spelling per class.
 */
#include "classname.h"

#include <ctype.h>
#include <stdio.h>
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

/* The keys of the Latin layout and the Cyrillic letters at their places on
 * the ЙЦУКЕН layout: one row per key, its plain and shifted character. */
static const struct {
	char key, shifted;
	const char *letter;
} classname_keys[] = {
	{ 'q', 'Q', "Й" }, { 'w', 'W', "Ц" }, { 'e', 'E', "У" },  { 'r', 'R', "К" },
	{ 't', 'T', "Е" }, { 'y', 'Y', "Н" }, { 'u', 'U', "Г" },  { 'i', 'I', "Ш" },
	{ 'o', 'O', "Щ" }, { 'p', 'P', "З" }, { '[', '{', "Х" },  { ']', '}', "Ъ" },
	{ 'a', 'A', "Ф" }, { 's', 'S', "Ы" }, { 'd', 'D', "В" },  { 'f', 'F', "А" },
	{ 'g', 'G', "П" }, { 'h', 'H', "Р" }, { 'j', 'J', "О" },  { 'k', 'K', "Л" },
	{ 'l', 'L', "Д" }, { ';', ':', "Ж" }, { '\'', '"', "Э" }, { 'z', 'Z', "Я" },
	{ 'x', 'X', "Ч" }, { 'c', 'C', "С" }, { 'v', 'V', "М" },  { 'b', 'B', "И" },
	{ 'n', 'N', "Т" }, { 'm', 'M', "Ь" }, { ',', '<', "Б" },  { '.', '>', "Ю" },
	{ '`', '~', "Ё" },
};

const char *
classname_key(const char *ch)
{
	if (ch[0] == '\0' || ch[1] != '\0')
		return NULL;
	for (size_t i = 0; i < sizeof classname_keys / sizeof classname_keys[0]; i++)
		if (ch[0] == classname_keys[i].key || ch[0] == classname_keys[i].shifted)
			return classname_keys[i].letter;
	return NULL;
}

bool
classname_read_key(const char *ch, int len, char out[5])
{
	unsigned char c = (unsigned char)ch[0];
	char one[5];
	const char *letter;

	out[0] = '\0';
	if (len < 1 || len > 4)
		return false;
	memcpy(one, ch, (size_t)len);
	one[len] = '\0';
	if ((letter = classname_key(one)) != NULL) {
		snprintf(out, 5, "%s", letter);
		return true;
	}
	if ((len == 1 && ((c >= '0' && c <= '9') || c == '-' || c == ' ')) ||
	    (len == 2 && (c == 0xd0 || c == 0xd1))) {
		memcpy(out, one, (size_t)len + 1);
		return true;
	}
	return false;
}

int
classname_grade(const char *name)
{
	int grade = 0, digits = 0;

	if (name[0] == '0')
		return 0;
	while (isdigit((unsigned char)name[digits]) && digits < 2)
		grade = grade * 10 + (name[digits++] - '0');
	if (isdigit((unsigned char)name[digits]) || grade < 1 || grade > 11)
		return 0;
	return grade;
}

bool
classname_valid(const char *name)
{
	const unsigned char *p = (const unsigned char *)name;
	uint32_t c;

	if (classname_grade(name) == 0)
		return false;
	while (isdigit(*p))
		p++;
	if (*p == '\0')
		return true;
	c = classname_next(&p);
	/* А..Я and Ё, upper case as the spelling makes them */
	return *p == '\0' && ((c >= 0x410 && c <= 0x42f) || c == 0x401);
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
