/* sink.h — where formatted documents go.
 *
 * A stream sink writes every document to one file (or stdout), wrapped in
 * the format's header and footer.  A directory sink writes each document to
 * DIR/<id>.<ext>, creating folders as needed, each file wrapped on its own.
 * Write errors are returned as SAYWHO_ERROR_OUTPUT naming the file.
 */
#pragma once

#include <glib.h>
#include "document.h"
#include "format.h"

G_BEGIN_DECLS

typedef struct _SaywhoSink SaywhoSink;

/* path NULL or "-": standard output. */
SaywhoSink *saywho_sink_new_stream (const char *path, const SaywhoFormat *format,
                                    GError **error);
SaywhoSink *saywho_sink_new_directory (const char *dir, const SaywhoFormat *format,
                                       GError **error);
/* body: what format->document() produced for doc. */
gboolean    saywho_sink_write (SaywhoSink *sink, const SaywhoDocument *doc,
                               const GString *body, GError **error);
/* Writes the footer, flushes and closes; frees the sink. */
gboolean    saywho_sink_close (SaywhoSink *sink, GError **error);

G_END_DECLS
