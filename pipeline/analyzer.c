/* analyzer.c — tokenize + stem on short strings, reusing one document. */
#include "analyzer.h"

#include <string.h>

struct _SaywhoAnalyzer {
  SaywhoPipeline *pipeline;
  SaywhoWorker *worker;
  SaywhoDocument *doc;
  gsize text_size;         /* bytes allocated at doc->text */
};

SaywhoAnalyzer *
saywho_analyzer_new (const SaywhoConfig *config, GError **error)
{
  static const char *const stages[] = { "tokenize", "stem", NULL };
  g_autoptr (SaywhoPipeline) pipeline = saywho_pipeline_new (config, stages, error);
  if (pipeline == NULL)
    return NULL;
  SaywhoWorker *worker = saywho_worker_new (pipeline, error);
  if (worker == NULL)
    return NULL;
  SaywhoAnalyzer *analyzer = g_new0 (SaywhoAnalyzer, 1);
  analyzer->pipeline = g_steal_pointer (&pipeline);
  analyzer->worker = worker;
  analyzer->doc = saywho_document_new ("lexicon", "");
  return analyzer;
}

void
saywho_analyzer_free (SaywhoAnalyzer *analyzer)
{
  if (analyzer == NULL)
    return;
  saywho_document_free (analyzer->doc);
  saywho_worker_free (analyzer->worker);
  saywho_pipeline_free (analyzer->pipeline);
  g_free (analyzer);
}

const SaywhoDocument *
saywho_analyzer_run (SaywhoAnalyzer *analyzer, const char *text, GError **error)
{
  SaywhoDocument *doc = analyzer->doc;
  gsize length = strlen (text);
  /* Loaders run thousands of short strings: the text's room is kept. */
  if (length + 1 > analyzer->text_size)
    {
      analyzer->text_size = MAX (length + 1, 2 * analyzer->text_size);
      g_free (doc->text);
      doc->text = g_malloc (analyzer->text_size);
    }
  memcpy (doc->text, text, length + 1);
  doc->length = length;
  g_array_set_size (doc->tokens, 0);
  saywho_string_pool_clear (&doc->strings);
  if (!saywho_worker_process (analyzer->worker, doc, error))
    return NULL;
  return doc;
}
