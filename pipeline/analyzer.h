/* analyzer.h — the tokenize and stem stages run on a short string.
 *
 * Lexicon loaders use it to cut their entries exactly as documents are
 * cut, so that an alias and the text it should match give the same tokens,
 * norms and stems.  Not thread-safe: one analyzer per loader.
 */
#pragma once

#include <glib.h>
#include "document.h"
#include "stage.h"

G_BEGIN_DECLS

typedef struct _SaywhoAnalyzer SaywhoAnalyzer;

SaywhoAnalyzer *saywho_analyzer_new (const SaywhoConfig *config, GError **error);
void            saywho_analyzer_free (SaywhoAnalyzer *analyzer);

/* Tokenizes and stems text; the document returned belongs to the analyzer
 * and is valid until the next call. */
const SaywhoDocument *saywho_analyzer_run (SaywhoAnalyzer *analyzer, const char *text,
                                           GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaywhoAnalyzer, saywho_analyzer_free)

G_END_DECLS
