/* source-jsonl.h — private to source.c: the records of JSON Lines files
 * as documents (--input jsonl).  See saywho_source_new_jsonl() in source.h.
 */
#pragma once

#include "source.h"

G_BEGIN_DECLS

typedef struct _SaywhoJsonlReader SaywhoJsonlReader;

/* Takes files from files (a text source over the paths given, whose
 * documents are never loaded: only their paths are used) and owns it. */
SaywhoJsonlReader *saywho_jsonl_reader_new (SaywhoSource *files);
void               saywho_jsonl_reader_free (SaywhoJsonlReader *reader);
SaywhoSourceStatus saywho_jsonl_reader_next (SaywhoJsonlReader *reader,
                                             SaywhoDocument   **doc,
                                             GError           **error);

G_END_DECLS
