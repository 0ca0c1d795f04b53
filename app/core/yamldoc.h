/*
 * yamldoc.h: a YAML file read into libyaml's document tree, with typed,
 * located access for the survey and programme loaders.
 *
 * Every accessor that finds a problem adds one Diag entry at the node's
 * 1-based line and column and returns false, so loaders go on and report
 * every problem of a file at once.
 */
#ifndef ANKETA_YAMLDOC_H
#define ANKETA_YAMLDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "diag.h"
#include "survey.h"

/* The largest survey or programme file we read: real ones are a few kB. */
#define YAMLDOC_MAX_BYTES (1024 * 1024)
/* The deepest nesting of lists and mappings we parse: a survey needs 5. */
#define YAMLDOC_MAX_DEPTH 32

typedef struct {
	const char *path; /* borrowed; names the file in messages */
	Diag *diag;       /* borrowed; where problems go */
	int problems;     /* entries added through this document */
	unsigned char *bytes;
	size_t len;
	yaml_document_t doc;
	bool loaded; /* doc holds a document to delete */
} YamlDoc;

/* One field a mapping may hold: filled by yamldoc_fields(). */
typedef struct {
	const char *name;
	bool required;
	yaml_node_t *value; /* NULL when absent */
} YamlField;

/*
 * Reads path (at most YAMLDOC_MAX_BYTES of UTF-8) and parses it. The root
 * must be a mapping. Returns 0, or -1 with the reason in diag (yd needs
 * yamldoc_free() either way).
 */
int yamldoc_load(YamlDoc *yd, const char *path, Diag *diag);

/* The same for text already in memory (a survey file stored in the
 * database); name stands for the file in messages. bytes is copied. */
int yamldoc_load_buffer(YamlDoc *yd, const char *name, const char *bytes, size_t len, Diag *diag);

/* Frees what yamldoc_load() allocated; safe on a zeroed or failed YamlDoc. */
void yamldoc_free(YamlDoc *yd);

/* The root mapping of a loaded document. */
yaml_node_t *yamldoc_root(YamlDoc *yd);

/* A node's position, 1-based. */
SourcePos yamldoc_pos(const yaml_node_t *node);

/* Adds a problem at node's position, prefixed with "context: " when context
 * (already translated) is not NULL. */
void yamldoc_error(YamlDoc *yd, const yaml_node_t *node, const char *context, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The same at a position remembered earlier. */
void yamldoc_error_pos(YamlDoc *yd, SourcePos pos, const char *context, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/*
 * Matches the keys of a mapping node to fields[n]: unknown keys (with a
 * close known name suggested), repeated keys and missing required fields
 * are reported. Returns false when node is not a mapping (reported too).
 */
bool yamldoc_fields(YamlDoc *yd, yaml_node_t *node, const char *context, YamlField *fields, int n);

/* The i-th item of a sequence node and the i-th key/value of a mapping. */
yaml_node_t *yamldoc_item(YamlDoc *yd, const yaml_node_t *seq, int i);
int yamldoc_length(const yaml_node_t *node);
yaml_node_t *yamldoc_key(YamlDoc *yd, const yaml_node_t *map, int i);
yaml_node_t *yamldoc_value(YamlDoc *yd, const yaml_node_t *map, int i);

/* The value of the first key called name in a mapping node, or NULL. */
yaml_node_t *yamldoc_lookup(YamlDoc *yd, const yaml_node_t *map, const char *name);

/* A scalar's text (borrowed), or NULL when node is not a scalar. */
const char *yamldoc_scalar(const yaml_node_t *node);

/* A scalar's text, or fallback when node is NULL or not a scalar. */
const char *yamldoc_scalar_or(const yaml_node_t *node, const char *fallback);

/* Typed values of field `name`; each reports a wrong type and returns false. */
bool yamldoc_get_sequence(YamlDoc *yd, yaml_node_t *node, const char *context, const char *name);
bool yamldoc_get_string(YamlDoc *yd, yaml_node_t *node, const char *context, const char *name,
                        char **out);
bool yamldoc_get_int(YamlDoc *yd, yaml_node_t *node, const char *context, const char *name, long lo,
                     long hi, int *out);
bool yamldoc_get_number(YamlDoc *yd, yaml_node_t *node, const char *context, const char *name,
                        double *out);
bool yamldoc_get_bool(YamlDoc *yd, yaml_node_t *node, const char *context, const char *name,
                      bool *out);

/* Reports and returns true when a list or mapping holds more than max
 * entries: the loaders' limits keep a hostile file from costing minutes. */
bool yamldoc_too_long(YamlDoc *yd, yaml_node_t *node, const char *context, const char *name,
                      int max);

/* Parses a whole scalar as a finite number ("12", "-1.5"); false otherwise. */
bool yamldoc_parse_number(const char *text, double *out);

/* True when s is non-empty and made only of the bytes in allowed. */
bool yamldoc_id_valid(const char *s, const char *allowed);

#endif
