/* format.h — output formats.
 *
 * A format turns a processed document into bytes.  document() runs on the
 * worker threads (so formatting is parallel) and appends to a GString the
 * driver then writes in input order; header() and footer() wrap each output
 * stream (once for --output, once per file for --output-dir).
 */
#pragma once

#include <glib.h>
#include "document.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;        /* as given to --format */
  const char *extension;   /* for --output-dir files, without the dot */
  const char *description; /* one line for --help */
  void (*header)   (GString *out);
  void (*document) (const SaywhoDocument *doc, GString *out);
  void (*footer)   (GString *out);
} SaywhoFormat;

/* NULL-terminated table of the built-in formats. */
const SaywhoFormat *const *saywho_format_registry (void);
const SaywhoFormat        *saywho_format_lookup (const char *name);

/* Shared helpers for writers. */
void saywho_format_append_uint (GString *out, guint64 value);
/* Appends s with line breaks and tabs turned into spaces, so that a comment
 * stays on one line for every reader (U+0085, U+2028 and U+2029 too). */
void saywho_format_append_oneline (GString *out, const char *s, gsize len);
/* Per-token NER tags (IOB2) and entity/quote indexes, computed once. */
typedef struct {
  gint32 entity;   /* index into doc->entities, or -1 */
  gint32 quote;    /* index into doc->quotes, or -1 */
  gboolean entity_begin, quote_begin;
} SaywhoTokenLabels;
SaywhoTokenLabels *saywho_format_token_labels (const SaywhoDocument *doc);

G_END_DECLS
