/*
 * plural.c: counts with their nouns (see plural.h), one ngettext() per noun
 * so that xgettext finds every form and the compiler checks each format.
 */
#include "plural.h"

#include <stdlib.h>

#include "util.h"

char *
plural_count(unsigned long n, PluralNoun noun)
{
	switch (noun) {
	case PLURAL_STUDENT:
		return xasprintf(ngettext("%lu student", "%lu students", n), n);
	case PLURAL_PARENT:
		return xasprintf(ngettext("%lu parent", "%lu parents", n), n);
	case PLURAL_TEACHER:
		return xasprintf(ngettext("%lu teacher", "%lu teachers", n), n);
	case PLURAL_HEAD:
		return xasprintf(ngettext("%lu head", "%lu heads", n), n);
	case PLURAL_CLASS:
		return xasprintf(ngettext("%lu class", "%lu classes", n), n);
	case PLURAL_PERSON:
		return xasprintf(ngettext("%lu person", "%lu people", n), n);
	case PLURAL_SITTING:
		return xasprintf(ngettext("%lu questionnaire", "%lu questionnaires", n), n);
	}
	abort(); /* a noun missing above */
}
