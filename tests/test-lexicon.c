/* test-lexicon.c — the lexicon reader and the errors it gives. */
#include "test-common.h"
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct {
  const char *contents;
  guint min, max;
  const char *error;   /* expected substring of the message, or NULL: success */
  guint entries;
} ReadCase;

static const ReadCase read_cases[] = {
  { "# comment\n\na\tb\nc\td\n", 2, 2, NULL, 2 },
  { "a\tb\r\nc\td\r\n", 2, 2, NULL, 2 },          /* CRLF line ends */
  { "a\tb", 2, 2, NULL, 1 },                      /* no final newline */
  { "  \t \n", 1, 1, NULL, 0 },                   /* blank with spaces */
  { "a\tb\nc\n", 2, 2, "test.tsv:2: expected 2 tab-separated columns, found 1", 0 },
  { "a\n# x\n\nb\tc\td\te\n", 1, 3, "test.tsv:4: expected 1 to 3 tab-separated columns, found 4", 0 },
  { "ok\n\xff\n", 1, 1, "test.tsv:2: not valid UTF-8", 0 },
  { "stop\n", 1, 1, "test.tsv:1: refused", 0 },
};

static gboolean
count_entry (char **columns, guint ncolumns, guint line, gpointer user_data, GError **error)
{
  g_assert_cmpuint (line, >=, 1);
  if (strcmp (columns[0], "stop") == 0)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON, "refused");
      return FALSE;
    }
  (*(guint *) user_data)++;
  g_assert_cmpuint (ncolumns, >=, 1);
  return TRUE;
}

static void
test_read (gconstpointer data)
{
  const ReadCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("saywho-lexicon-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *path = g_build_filename (dir, "test.tsv", NULL);
  g_assert_true (g_file_set_contents (path, c->contents, -1, NULL));

  guint entries = 0;
  gboolean ok = saywho_lexicon_read (dir, "test.tsv", c->min, c->max, count_entry, &entries,
                                     &error);
  if (c->error == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpuint (entries, ==, c->entries);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON);
      g_assert_nonnull (strstr (error->message, c->error));
      g_assert_nonnull (strstr (error->message, dir));  /* the full path */
    }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_missing (void)
{
  g_autoptr (GError) error = NULL;
  guint entries = 0;
  g_assert_false (saywho_lexicon_read ("/nonexistent", "x.tsv", 1, 1, count_entry, &entries,
                                       &error));
  g_assert_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON);
  g_assert_nonnull (strstr (error->message, "/nonexistent/x.tsv"));
}

/* A stage's own checks on a lexicon name the file and line too. */
static void
test_bad_abbreviation (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("saywho-lexicon-XXXXXX", &error);
  g_autofree char *abbrev = g_build_filename (dir, "abbreviations.tsv", NULL);
  g_autofree char *starters = g_build_filename (dir, "sentence-starters.txt", NULL);
  g_assert_true (g_file_set_contents (abbrev, "Mr.\ttitle\nSen.\tsenator\n", -1, NULL));
  g_assert_true (g_file_set_contents (starters, "The\n", -1, NULL));

  SaywhoConfig config = { dir, "english" };
  g_autoptr (SaywhoPipeline) pipeline = saywho_pipeline_new (&config, NULL, &error);
  g_assert_null (pipeline);
  g_assert_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON);
  g_assert_nonnull (strstr (error->message, "abbreviations.tsv:2: unknown abbreviation class"));
  g_assert_nonnull (strstr (error->message, "stage tokenize"));
  g_unlink (abbrev);
  g_unlink (starters);
  g_rmdir (dir);
}

/* The shipped lexicons load. */
static void
test_shipped (void)
{
  g_assert_nonnull (test_pipeline ());
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  for (guint i = 0; i < G_N_ELEMENTS (read_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lexicon/read/%u", i);
      g_test_add_data_func (path, &read_cases[i], test_read);
    }
  g_test_add_func ("/lexicon/missing", test_missing);
  g_test_add_func ("/lexicon/bad-abbreviation", test_bad_abbreviation);
  g_test_add_func ("/lexicon/shipped", test_shipped);
  int status = g_test_run ();
  test_common_cleanup ();
  return status;
}
