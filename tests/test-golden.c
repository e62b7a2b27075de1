/* test-golden.c — the whole output for every corpus article, against the
 * expected files in tests/golden/ (one test per article, Pango style).
 *
 * When they differ the test fails and shows `diff -u expected actual`.
 * `meson compile -C build regen-golden` rewrites the expected files; the
 * diff then shows in review what a change did to the output.
 */
#include "test-common.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

typedef struct {
  char *id;
  char *path;      /* the article */
  char *expected;  /* the golden file */
} GoldenCase;

static GPtrArray *cases;

static char *
golden_path_for (const char *id, const char *extension)
{
  g_autofree char *stem = g_strdup (id);
  char *slash = strrchr (stem, '/');
  char *dot = strrchr (slash ? slash + 1 : stem, '.');
  if (dot != NULL && dot != (slash ? slash + 1 : stem))
    *dot = '\0';
  g_autofree char *name = g_strdup_printf ("%s.%s", stem, extension);
  return test_source_path ("tests", "golden", name, NULL);
}


static void
test_golden (gconstpointer data)
{
  const GoldenCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SaywhoDocument) doc = saywho_document_new_take (c->id, c->path, NULL, 0);
  g_assert_true (saywho_document_load (doc, &error));
  g_assert_no_error (error);
  g_assert_true (saywho_worker_process (test_worker (), doc, &error));
  g_assert_no_error (error);

  const SaywhoFormat *format = saywho_format_lookup ("conllup");
  g_autoptr (GString) actual = g_string_new (NULL);
  format->header (format, actual);
  format->document (format, doc, actual);

  g_autofree char *expected = NULL;
  if (!g_file_get_contents (c->expected, &expected, NULL, &error))
    {
      g_test_message ("no golden file %s: run `meson compile -C build regen-golden`",
                      c->expected);
      g_test_fail ();
      return;
    }
  if (strcmp (expected, actual->str) != 0)
    {
      test_show_diff (c->expected, actual->str);
      g_test_fail ();
    }
}

static void
collect_golden (const char *dir, const char *rel, GPtrArray *out)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return;
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *child = *rel ? g_strconcat (rel, "/", name, NULL) : g_strdup (name);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_golden (path, child, out);
      else
        g_ptr_array_add (out, g_steal_pointer (&path));
    }
  g_dir_close (d);
}

/* Every golden file belongs to an article: none is left from a removed one. */
static void
test_no_orphans (void)
{
  g_autofree char *golden_dir = test_source_path ("tests", "golden", NULL);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  collect_golden (golden_dir, "", files);
  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      gboolean known = FALSE;
      for (guint k = 0; k < cases->len && !known; k++)
        {
          const GoldenCase *c = g_ptr_array_index (cases, k);
          g_autofree char *stem = g_strndup (c->expected, strrchr (c->expected, '.') - c->expected);
          known = g_str_has_prefix (file, stem) && strchr (file + strlen (stem) + 1, '.') == NULL
                  && file[strlen (stem)] == '.';
        }
      if (!known)
        {
          g_test_message ("%s has no article in corpus/: regenerate the golden files", file);
          g_test_fail ();
        }
    }
}

static void
golden_case_free (gpointer data)
{
  GoldenCase *c = data;
  g_free (c->id);
  g_free (c->path);
  g_free (c->expected);
  g_free (c);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_autofree char *corpus = test_source_path ("corpus", NULL);
  const char *paths[] = { corpus, NULL };
  g_autoptr (SaywhoSource) source = saywho_source_new (paths, NULL);
  cases = g_ptr_array_new_with_free_func (golden_case_free);
  SaywhoDocument *doc;
  GError *error = NULL;
  SaywhoSourceStatus status;
  while ((status = saywho_source_next (source, &doc, &error)) != SAYWHO_SOURCE_END)
    {
      g_assert_cmpint (status, ==, SAYWHO_SOURCE_DOCUMENT);
      GoldenCase *c = g_new0 (GoldenCase, 1);
      c->id = g_strdup (doc->id);
      c->path = g_strdup (doc->source);
      c->expected = golden_path_for (doc->id, "conllup");
      g_ptr_array_add (cases, c);
      saywho_document_free (doc);
      g_autofree char *test_path = g_strdup_printf ("/golden/conllup/%s", c->id);
      g_test_add_data_func (test_path, c, test_golden);
    }
  g_test_add_func ("/golden/no-orphans", test_no_orphans);

  int result = g_test_run ();
  g_ptr_array_unref (cases);
  test_common_cleanup ();
  return result;
}
