/* test-stem.c — Snowball stems of norms, per language. */
#include "test-common.h"
#include "config.h"

#include <string.h>

typedef struct {
  const char *language;
  const char *input;
  const char *stems;   /* joined by '|' */
} StemCase;

static const StemCase stem_cases[] = {
  { "english", "running officials Ministries", "run|offici|ministri" },
  { "english", "RUNNING Running", "run|run" },          /* stems of the folded form */
  { "english", "said says saying", "said|say|say" },
  { "english", "U.S. 2015-09-14 , \"", "u.s.|2015-09-14|,|\"" },  /* non-words: the norm */
  { "english", "we\u2019ll", "we'll" },
  { "english", "Xi's", "xi|'s" },
  { "french", "continuation continuellement", "continu|continuel" },
  { "german", "Ministerien", "ministeri" },
  { "russian", "\u043c\u0438\u043d\u0438\u0441\u0442\u0440\u0430\u043c\u0438",
    "\u043c\u0438\u043d\u0438\u0441\u0442\u0440" },
};

static void
test_stems (gconstpointer data)
{
  const StemCase *c = data;
  g_autoptr (GError) error = NULL;
  SaywhoConfig config = { SAYWHO_SOURCE_LEXICONS, c->language };
  g_autoptr (SaywhoPipeline) pipeline = saywho_pipeline_new (&config, NULL, &error);
  g_assert_no_error (error);
  g_autoptr (SaywhoWorker) worker = saywho_worker_new (pipeline, &error);
  g_assert_no_error (error);
  g_autoptr (SaywhoDocument) doc = saywho_document_new ("t", c->input);
  g_assert_true (saywho_worker_process (worker, doc, &error));

  GString *stems = g_string_new (NULL);
  for (guint i = 0; i < doc->tokens->len; i++)
    g_string_append_printf (stems, "%s%s", i ? "|" : "", saywho_document_token (doc, i)->stem);
  g_assert_cmpstr (stems->str, ==, c->stems);
  g_string_free (stems, TRUE);
}

static void
test_unknown_language (void)
{
  g_autoptr (GError) error = NULL;
  SaywhoConfig config = { SAYWHO_SOURCE_LEXICONS, "klingon" };
  g_autoptr (SaywhoPipeline) pipeline = saywho_pipeline_new (&config, NULL, &error);
  g_assert_null (pipeline);
  g_assert_error (error, SAYWHO_ERROR, SAYWHO_ERROR_USAGE);
  g_assert_nonnull (strstr (error->message, "klingon"));
  g_assert_nonnull (strstr (error->message, "english"));
}

/* Far more words than cache slots: collisions replace slots, stems stay right. */
static void
test_cache_turnover (void)
{
  GString *text = g_string_new (NULL);
  for (guint i = 0; i < 70000; i++)
    g_string_append_printf (text, "w%uings ", i);
  g_string_append (text, "running");
  g_autoptr (SaywhoDocument) doc = test_annotate (text->str);
  g_string_free (text, TRUE);
  g_assert_cmpuint (doc->tokens->len, ==, 70001);
  g_assert_cmpstr (saywho_document_token (doc, 0)->stem, ==, "w0ing");
  g_assert_cmpstr (saywho_document_token (doc, 69999)->stem, ==, "w69999ing");
  g_assert_cmpstr (saywho_document_token (doc, 70000)->stem, ==, "run");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  for (guint i = 0; i < G_N_ELEMENTS (stem_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/stem/%s/%u", stem_cases[i].language, i);
      g_test_add_data_func (path, &stem_cases[i], test_stems);
    }
  g_test_add_func ("/stem/unknown-language", test_unknown_language);
  g_test_add_func ("/stem/cache-turnover", test_cache_turnover);
  int status = g_test_run ();
  test_common_cleanup ();
  return status;
}
