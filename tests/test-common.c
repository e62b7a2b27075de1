/* test-common.c — helpers shared by the test programs. */
#include "test-common.h"
#include "config.h"

#include <stdarg.h>

static SaywhoPipeline *pipeline;
static SaywhoWorker *worker;

SaywhoPipeline *
test_pipeline (void)
{
  if (pipeline == NULL)
    {
      g_autoptr (GError) error = NULL;
      SaywhoConfig config = { SAYWHO_SOURCE_LEXICONS, "english" };
      pipeline = saywho_pipeline_new (&config, NULL, &error);
      g_assert_no_error (error);
    }
  return pipeline;
}

SaywhoWorker *
test_worker (void)
{
  if (worker == NULL)
    {
      g_autoptr (GError) error = NULL;
      worker = saywho_worker_new (test_pipeline (), &error);
      g_assert_no_error (error);
    }
  return worker;
}

SaywhoDocument *
test_annotate (const char *text)
{
  g_autoptr (GError) error = NULL;
  SaywhoDocument *doc = saywho_document_new ("test", text);
  saywho_worker_process (test_worker (), doc, &error);
  g_assert_no_error (error);
  return doc;
}

char *
test_token_forms (const SaywhoDocument *doc)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < doc->tokens->len; i++)
    {
      gsize len;
      const char *text = saywho_token_text (doc, saywho_document_token (doc, i), &len);
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, text, (gssize) len);
    }
  return g_string_free (out, FALSE);
}

char *
test_sentence_texts (const SaywhoDocument *doc)
{
  GString *out = g_string_new (NULL);
  for (guint s = 0; s < doc->sentences->len; s++)
    {
      SaywhoSpan span = g_array_index (doc->sentences, SaywhoSpan, s);
      const SaywhoToken *first = saywho_document_token (doc, span.start);
      const SaywhoToken *last = saywho_document_token (doc, span.end - 1);
      if (s > 0)
        g_string_append (out, " || ");
      saywho_format_append_oneline (out, doc->text + first->byte_start,
                                    last->byte_end - first->byte_start);
    }
  return g_string_free (out, FALSE);
}

char *
test_source_path (const char *first, ...)
{
  va_list args;
  GPtrArray *parts = g_ptr_array_new ();
  g_ptr_array_add (parts, (gpointer) SAYWHO_SOURCE_ROOT);
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  char *path = g_build_filenamev ((char **) parts->pdata);
  g_ptr_array_unref (parts);
  return path;
}

void
test_common_cleanup (void)
{
  g_clear_pointer (&worker, saywho_worker_free);
  g_clear_pointer (&pipeline, saywho_pipeline_free);
}
