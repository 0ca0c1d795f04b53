/*
 * yamldoc.c: reading a YAML file into libyaml's document tree and typed,
 * located access to its nodes.
 */
#include "yamldoc.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static void __attribute__((format(printf, 5, 0)))
yamldoc_vadd(YamlDoc *yd, int line, int column, const char *context, const char *fmt, va_list ap)
{
	char *text = xvasprintf(fmt, ap);

	if (context != NULL)
		diag_add(yd->diag, yd->path, line, column, "%s: %s", context, text);
	else
		diag_add(yd->diag, yd->path, line, column, "%s", text);
	yd->problems++;
	free(text);
}

static void __attribute__((format(printf, 4, 5)))
yamldoc_error_at(YamlDoc *yd, int line, int column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	yamldoc_vadd(yd, line, column, NULL, fmt, ap);
	va_end(ap);
}

void
yamldoc_error_pos(YamlDoc *yd, SourcePos pos, const char *context, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	yamldoc_vadd(yd, pos.line, pos.column, context, fmt, ap);
	va_end(ap);
}

void
yamldoc_error(YamlDoc *yd, const yaml_node_t *node, const char *context, const char *fmt, ...)
{
	SourcePos pos = yamldoc_pos(node);
	va_list ap;

	va_start(ap, fmt);
	yamldoc_vadd(yd, pos.line, pos.column, context, fmt, ap);
	va_end(ap);
}

SourcePos
yamldoc_pos(const yaml_node_t *node)
{
	SourcePos pos = { 0, 0 };

	if (node != NULL) {
		pos.line = (int)node->start_mark.line + 1;
		pos.column = (int)node->start_mark.column + 1;
	}
	return pos;
}

/* Reads at most YAMLDOC_MAX_BYTES + 1 bytes so an oversized file is noticed
 * without reading all of it. */
static int
yamldoc_read(YamlDoc *yd)
{
	struct stat st;
	size_t cap = 64 * 1024;
	ssize_t got;
	int fd;

	fd = open(yd->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
		int err = fd < 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : errno;
		yamldoc_error_at(yd, 0, 0, _("cannot read the file: %s"), strerror(err));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	yd->bytes = xmalloc(cap);
	while ((got = read(fd, yd->bytes + yd->len, cap - yd->len)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			yamldoc_error_at(yd, 0, 0, _("cannot read the file: %s"), strerror(errno));
			close(fd);
			return -1;
		}
		yd->len += (size_t)got;
		if (yd->len > YAMLDOC_MAX_BYTES)
			break;
		if (yd->len == cap) {
			cap *= 2;
			yd->bytes = xreallocarray(yd->bytes, cap, 1);
		}
	}
	close(fd);
	return 0;
}

static int
yamldoc_check_bytes(YamlDoc *yd)
{
	size_t bad;
	int line, column;

	if (yd->len > YAMLDOC_MAX_BYTES) {
		yamldoc_error_at(yd, 0, 0,
		                 _("the file is larger than 1 MB; a survey or programme file "
		                   "takes a few kilobytes"));
		return -1;
	}
	if (yd->len == 0) {
		yamldoc_error_at(yd, 0, 0, _("the file is empty"));
		return -1;
	}
	bad = util_utf8_bad_at((const char *)yd->bytes, yd->len);
	if (bad < yd->len) {
		/* Where an editor shows it: the first byte that is not UTF-8. */
		util_text_position((const char *)yd->bytes, bad, &line, &column);
		yamldoc_error_at(
		    yd, line, column,
		    _("the file is not UTF-8 text (byte 0x%02x here); save it in UTF-8"),
		    (unsigned char)yd->bytes[bad]);
		return -1;
	}
	return 0;
}

/* Aliases make libyaml share one node between several parents: a survey
 * never needs that, and shared or self-containing nodes would let a small
 * file expand into a huge or endless walk. */
static int
yamldoc_check_aliases(YamlDoc *yd)
{
	yaml_node_t *start = yd->doc.nodes.start, *top = yd->doc.nodes.top;
	int n = (int)(top - start), bad = 0;
	unsigned char *refs = xcalloc((size_t)n + 1, 1);

	for (yaml_node_t *node = start; node < top; node++) {
		if (node->type == YAML_SEQUENCE_NODE) {
			for (yaml_node_item_t *it = node->data.sequence.items.start;
			     it < node->data.sequence.items.top; it++)
				if (*it >= 1 && *it <= n && refs[*it]++ > 0)
					bad = *it;
		} else if (node->type == YAML_MAPPING_NODE) {
			for (yaml_node_pair_t *p = node->data.mapping.pairs.start;
			     p < node->data.mapping.pairs.top; p++) {
				if (p->key >= 1 && p->key <= n && refs[p->key]++ > 0)
					bad = p->key;
				if (p->value >= 1 && p->value <= n && refs[p->value]++ > 0)
					bad = p->value;
			}
		}
		if (bad)
			break;
	}
	if (bad == 0 && n > 0 && refs[1] > 0)
		bad = 1; /* the root reused inside itself */
	free(refs);
	if (bad == 0)
		return 0;
	yamldoc_error(yd, yaml_document_get_node(&yd->doc, bad), NULL,
	              _("anchors and aliases (& and *) are not allowed here; write the value "
	                "out, or use option_sets for repeated answer options"));
	return -1;
}

/* libyaml's scanner takes time quadratic in the nesting depth, so a small
 * file of "[[[[..." could keep the loader busy for hours. A first pass over
 * the events stops at the first node nested too deep; a syntax error is
 * left for the real load to report with its position. */
static int
yamldoc_check_depth(YamlDoc *yd)
{
	yaml_parser_t parser;
	yaml_event_t event;
	int depth = 0, rc = 0;
	bool done = false;

	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, yd->bytes, yd->len);
	while (!done && yaml_parser_parse(&parser, &event)) {
		if (event.type == YAML_SEQUENCE_START_EVENT ||
		    event.type == YAML_MAPPING_START_EVENT)
			depth++;
		else if (event.type == YAML_SEQUENCE_END_EVENT ||
		         event.type == YAML_MAPPING_END_EVENT)
			depth--;
		done = event.type == YAML_STREAM_END_EVENT;
		if (depth > YAMLDOC_MAX_DEPTH) {
			yamldoc_error_at(yd, (int)event.start_mark.line + 1,
			                 (int)event.start_mark.column + 1,
			                 _("lists and fields are nested more than %d levels deep "
			                   "here; a survey needs only a few levels"),
			                 YAMLDOC_MAX_DEPTH);
			done = true;
			rc = -1;
		}
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	return rc;
}

/* libyaml's own sentences, marked here so the catalogue can carry their
 * Russian: yamldoc_syntax_error() passes whichever one libyaml gives
 * through gettext, and an unlisted one stays in English. */
static const char *const yamldoc_libyaml_problems[] __attribute__((unused)) = {
	N_("did not find expected key"),
	N_("mapping values are not allowed in this context"),
	N_("block sequence entries are not allowed in this context"),
	N_("did not find expected ',' or '}'"),
	N_("did not find expected ',' or ']'"),
	N_("could not find expected ':'"),
	N_("control characters are not allowed"),
	N_("found unexpected end of stream"),
	N_("did not find expected '-' indicator"),
	N_("did not find expected node content"),
	N_("did not find expected <document start>"),
	N_("found character that cannot start any token"),
	N_("found a tab character that violates indentation"),
	N_("found a tab character where an indentation space is expected"),
	N_("found unknown escape character"),
	N_("did not find expected comment or line break"),
	N_("found undefined alias"),
	N_("found undefined tag handle"),
};

static void
yamldoc_syntax_error(YamlDoc *yd, const yaml_parser_t *parser)
{
	yamldoc_error_at(yd, (int)parser->problem_mark.line + 1,
	                 (int)parser->problem_mark.column + 1, _("this is not valid YAML: %s"),
	                 parser->problem ? _(parser->problem) : "?");
}

static int
yamldoc_parse(YamlDoc *yd)
{
	yaml_parser_t parser;
	yaml_document_t extra;
	int rc = -1;

	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, yd->bytes, yd->len);
	if (!yaml_parser_load(&parser, &yd->doc)) {
		yamldoc_syntax_error(yd, &parser);
		goto out;
	}
	yd->loaded = true;
	if (yaml_document_get_root_node(&yd->doc) == NULL) {
		yamldoc_error_at(yd, 0, 0, _("the file is empty"));
		goto out;
	}
	if (!yaml_parser_load(&parser, &extra)) {
		yamldoc_syntax_error(yd, &parser);
		goto out;
	}
	if (yaml_document_get_root_node(&extra) != NULL) {
		yamldoc_error_at(yd, (int)extra.start_mark.line + 1,
		                 (int)extra.start_mark.column + 1,
		                 _("the file holds more than one YAML document (---); keep one "
		                   "survey or programme per file"));
		yaml_document_delete(&extra);
		goto out;
	}
	yaml_document_delete(&extra);
	rc = 0;
out:
	yaml_parser_delete(&parser);
	return rc;
}

/* The checks and the parse shared by a file and a buffer. */
static int
yamldoc_load_bytes(YamlDoc *yd)
{
	yaml_node_t *root;

	if (yamldoc_check_bytes(yd) != 0 || yamldoc_check_depth(yd) != 0 ||
	    yamldoc_parse(yd) != 0 || yamldoc_check_aliases(yd) != 0)
		return -1;
	root = yamldoc_root(yd);
	if (root->type != YAML_MAPPING_NODE) {
		yamldoc_error(yd, root, NULL,
		              _("the file must be a YAML mapping of fields (id: ..., title: ...)"));
		return -1;
	}
	return 0;
}

int
yamldoc_load(YamlDoc *yd, const char *path, Diag *diag)
{
	memset(yd, 0, sizeof *yd);
	yd->path = path;
	yd->diag = diag;
	if (yamldoc_read(yd) != 0)
		return -1;
	return yamldoc_load_bytes(yd);
}

int
yamldoc_load_buffer(YamlDoc *yd, const char *name, const char *bytes, size_t len, Diag *diag)
{
	memset(yd, 0, sizeof *yd);
	yd->path = name;
	yd->diag = diag;
	yd->bytes = xmalloc(len + 1);
	if (len > 0)
		memcpy(yd->bytes, bytes, len);
	yd->len = len;
	return yamldoc_load_bytes(yd);
}

void
yamldoc_free(YamlDoc *yd)
{
	if (yd->loaded)
		yaml_document_delete(&yd->doc);
	free(yd->bytes);
	yd->bytes = NULL;
	yd->loaded = false;
}

yaml_node_t *
yamldoc_root(YamlDoc *yd)
{
	return yaml_document_get_root_node(&yd->doc);
}

int
yamldoc_length(const yaml_node_t *node)
{
	if (node == NULL)
		return 0;
	if (node->type == YAML_SEQUENCE_NODE)
		return (int)(node->data.sequence.items.top - node->data.sequence.items.start);
	if (node->type == YAML_MAPPING_NODE)
		return (int)(node->data.mapping.pairs.top - node->data.mapping.pairs.start);
	return 0;
}

yaml_node_t *
yamldoc_item(YamlDoc *yd, const yaml_node_t *seq, int i)
{
	return yaml_document_get_node(&yd->doc, seq->data.sequence.items.start[i]);
}

yaml_node_t *
yamldoc_key(YamlDoc *yd, const yaml_node_t *map, int i)
{
	return yaml_document_get_node(&yd->doc, map->data.mapping.pairs.start[i].key);
}

yaml_node_t *
yamldoc_value(YamlDoc *yd, const yaml_node_t *map, int i)
{
	return yaml_document_get_node(&yd->doc, map->data.mapping.pairs.start[i].value);
}

yaml_node_t *
yamldoc_lookup(YamlDoc *yd, const yaml_node_t *map, const char *name)
{
	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (int k = 0; k < yamldoc_length(map); k++)
		if (strcmp(yamldoc_scalar_or(yamldoc_key(yd, map, k), ""), name) == 0)
			return yamldoc_value(yd, map, k);
	return NULL;
}

const char *
yamldoc_scalar(const yaml_node_t *node)
{
	if (node == NULL || node->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)node->data.scalar.value;
}

const char *
yamldoc_scalar_or(const yaml_node_t *node, const char *fallback)
{
	const char *text = yamldoc_scalar(node);

	return text != NULL ? text : fallback;
}

/* Edit distance, to suggest "title" for "tilte"; names are short. */
static int
yamldoc_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int row[64];

	if (la >= 64 || lb >= 64)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j];
			int best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static void
yamldoc_unknown_field(YamlDoc *yd, yaml_node_t *key, const char *context, const YamlField *fields,
                      int n)
{
	const char *name = yamldoc_scalar(key);
	const char *close = NULL;
	int best = 3;

	if (name == NULL) {
		yamldoc_error(yd, key, context, _("a field name must be a plain word"));
		return;
	}
	for (int i = 0; i < n; i++) {
		int d = yamldoc_distance(name, fields[i].name);
		if (d < best && d < (int)strlen(fields[i].name)) {
			best = d;
			close = fields[i].name;
		}
	}
	if (close != NULL)
		yamldoc_error(yd, key, context, _("unknown field «%s»; did you mean «%s»?"), name,
		              close);
	else
		yamldoc_error(yd, key, context, _("unknown field «%s»"), name);
}

bool
yamldoc_fields(YamlDoc *yd, yaml_node_t *node, const char *context, YamlField *fields, int n)
{
	for (int i = 0; i < n; i++)
		fields[i].value = NULL;
	if (node->type != YAML_MAPPING_NODE) {
		yamldoc_error(yd, node, context,
		              _("expected fields written as «name: value» here"));
		return false;
	}
	for (int k = 0; k < yamldoc_length(node); k++) {
		yaml_node_t *key = yamldoc_key(yd, node, k);
		const char *name = yamldoc_scalar(key);
		int i;

		for (i = 0; i < n && (name == NULL || strcmp(name, fields[i].name) != 0); i++)
			;
		if (i == n)
			yamldoc_unknown_field(yd, key, context, fields, n);
		else if (fields[i].value != NULL)
			yamldoc_error(yd, key, context, _("the field «%s» is given twice"), name);
		else
			fields[i].value = yamldoc_value(yd, node, k);
	}
	for (int i = 0; i < n; i++)
		if (fields[i].required && fields[i].value == NULL)
			yamldoc_error(yd, node, context, _("the field «%s» is missing"),
			              fields[i].name);
	return true;
}

bool
yamldoc_get_sequence(YamlDoc *yd, yaml_node_t *node, const char *context, const char *name)
{
	if (node->type == YAML_SEQUENCE_NODE)
		return true;
	yamldoc_error(yd, node, context, _("the field «%s» must be a list, like [a, b]"), name);
	return false;
}

bool
yamldoc_get_string(YamlDoc *yd, yaml_node_t *node, const char *context, const char *name,
                   char **out)
{
	const char *text = yamldoc_scalar(node);

	if (text == NULL) {
		yamldoc_error(yd, node, context, _("the field «%s» must be text"), name);
		return false;
	}
	if (text[0] == '\0' || (node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	                        (strcmp(text, "~") == 0 || strcmp(text, "null") == 0))) {
		yamldoc_error(yd, node, context, _("the field «%s» is empty"), name);
		return false;
	}
	*out = xstrdup(text);
	return true;
}

bool
yamldoc_too_long(YamlDoc *yd, yaml_node_t *node, const char *context, const char *name, int max)
{
	int n = yamldoc_length(node);

	if (n <= max)
		return false;
	yamldoc_error(yd, node, context, _("the field «%s» has %d entries; at most %d are allowed"),
	              name, n, max);
	return true;
}

bool
yamldoc_parse_number(const char *text, double *out)
{
	char *end;
	double v;

	if (text == NULL || text[0] == '\0' || strchr(" \t\n", text[0]) != NULL)
		return false;
	errno = 0;
	v = strtod(text, &end);
	if (*end != '\0' || errno == ERANGE || !isfinite(v))
		return false;
	/* strtod also takes hex, "inf" and "nan": a survey means decimal. */
	for (const char *p = text; *p; p++)
		if (strchr("0123456789.-+eE", *p) == NULL)
			return false;
	*out = v;
	return true;
}

bool
yamldoc_get_number(YamlDoc *yd, yaml_node_t *node, const char *context, const char *name,
                   double *out)
{
	if (yamldoc_parse_number(yamldoc_scalar(node), out) && fabs(*out) <= 1e9)
		return true;
	yamldoc_error(yd, node, context, _("the field «%s» must be a number, like 3 or 2.5"), name);
	return false;
}

bool
yamldoc_get_int(YamlDoc *yd, yaml_node_t *node, const char *context, const char *name, long lo,
                long hi, int *out)
{
	double v;

	if (yamldoc_parse_number(yamldoc_scalar(node), &v) && v == floor(v) && v >= (double)lo &&
	    v <= (double)hi) {
		*out = (int)v;
		return true;
	}
	yamldoc_error(yd, node, context, _("the field «%s» must be a whole number from %ld to %ld"),
	              name, lo, hi);
	return false;
}

bool
yamldoc_get_bool(YamlDoc *yd, yaml_node_t *node, const char *context, const char *name, bool *out)
{
	const char *text = yamldoc_scalar(node);

	if (text != NULL && strcmp(text, "true") == 0) {
		*out = true;
		return true;
	}
	if (text != NULL && strcmp(text, "false") == 0) {
		*out = false;
		return true;
	}
	yamldoc_error(yd, node, context, _("the field «%s» must be true or false"), name);
	return false;
}

bool
yamldoc_id_valid(const char *s, const char *allowed)
{
	if (s == NULL || s[0] == '\0')
		return false;
	return strspn(s, allowed) == strlen(s);
}
