/* source.h — where documents come from.
 *
 * A source yields documents in a fixed order: the paths in the order given,
 * a folder walked recursively with each folder's entries sorted by name
 * (bytewise) and only files whose name matches the glob.  The walk is lazy:
 * memory grows with the depth and width of the tree, not with the corpus.
 *
 * saywho_source_next() returns documents whose text may not be read yet
 * (text == NULL, source set): saywho_document_load() reads and checks it, so
 * that reading happens on the worker threads.  A path that cannot be walked
 * is returned as SAYWHO_SOURCE_FAILED with the error; the walk goes on.
 */
#pragma once

#include <glib.h>
#include "document.h"

G_BEGIN_DECLS

typedef struct _SaywhoSource SaywhoSource;

typedef enum {
  SAYWHO_SOURCE_DOCUMENT,  /* *doc set; the caller owns it */
  SAYWHO_SOURCE_FAILED,    /* *error set, naming the path; go on */
  SAYWHO_SOURCE_END,
} SaywhoSourceStatus;

/* paths: files, folders, or "-" for standard input (one document). */
SaywhoSource      *saywho_source_new (const char *const *paths, const char *glob);
/* JSON Lines: each path (a file, a folder walked for glob, default
 * "*.jsonl", or "-"; no paths: standard input) holds one object
 * {"id": …, "text": …} a line, and each becomes a document with its text
 * read, in order.  A bad line is returned as SAYWHO_SOURCE_FAILED naming
 * FILE:LINE; the next call goes on at the line after it.  A record without
 * an id gets "<file>:<line>", <file> being the id the file would have as a
 * text document ("stdin:<line>" on standard input). */
SaywhoSource      *saywho_source_new_jsonl (const char *const *paths, const char *glob);
void               saywho_source_free (SaywhoSource *source);
SaywhoSourceStatus saywho_source_next (SaywhoSource    *source,
                                       SaywhoDocument **doc,
                                       GError         **error);

/* Reads doc->source into doc->text if not read yet; checks that it is UTF-8
 * text (no NUL bytes); the message names the file and the byte offset. */
gboolean saywho_document_load (SaywhoDocument *doc, GError **error);

/* Checks text for valid UTF-8 without NULs; sets error naming `name`. */
gboolean saywho_text_check (const char *name, const char *text, gsize length,
                            GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaywhoSource, saywho_source_free)

G_END_DECLS
