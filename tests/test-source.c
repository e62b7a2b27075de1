/* test-source.c — walking paths and folders, loading and checking text. */
#include "test-common.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static char *tree;  /* a temporary folder of test files */

static void
put (const char *rel, const char *contents, gssize len)
{
  g_autofree char *path = g_build_filename (tree, rel, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_mkdir_with_parents (parent, 0755);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

static void
make_tree (void)
{
  g_autoptr (GError) error = NULL;
  tree = g_dir_make_tmp ("saywho-source-XXXXXX", &error);
  g_assert_no_error (error);
  put ("z.txt", "last", -1);
  put ("a/b.txt", "first", -1);
  put ("a/c.md", "markdown", -1);
  put ("a/sub/d.txt", "nested", -1);
  put ("a/B.txt", "capital sorts first", -1);
  put (".hidden/x.txt", "hidden", -1);
  put ("bad/latin1.txt", "caf\xe9\n", -1);
  put ("bad/nul.txt", "a\0b", 3);
  /* a link back up must not loop */
  g_autofree char *loop = g_build_filename (tree, "a", "sub", "up", NULL);
  g_assert_cmpint (symlink ("..", loop), ==, 0);
}

/* Collects "id" or "!message" for everything the source yields. */
static char *
walk (const char *const *paths, const char *glob)
{
  g_autoptr (SaywhoSource) source = saywho_source_new (paths, glob);
  GString *out = g_string_new (NULL);
  for (;;)
    {
      SaywhoDocument *doc = NULL;
      g_autoptr (GError) error = NULL;
      SaywhoSourceStatus status = saywho_source_next (source, &doc, &error);
      if (status == SAYWHO_SOURCE_END)
        break;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      if (status == SAYWHO_SOURCE_FAILED)
        g_string_append_printf (out, "!%s", error->message);
      else
        {
          g_string_append (out, doc->id);
          g_assert_null (doc->text);  /* read later, by a worker */
          saywho_document_free (doc);
        }
    }
  return g_string_free (out, FALSE);
}

static void
test_walk_sorted (void)
{
  const char *paths[] = { tree, NULL };
  g_autofree char *ids = walk (paths, NULL);
  g_assert_cmpstr (ids, ==, "a/B.txt a/b.txt a/sub/d.txt bad/latin1.txt bad/nul.txt z.txt");
}

static void
test_walk_glob (void)
{
  const char *paths[] = { tree, NULL };
  g_autofree char *ids = walk (paths, "*.md");
  g_assert_cmpstr (ids, ==, "a/c.md");
}

static void
test_paths_in_order (void)
{
  g_autofree char *z = g_build_filename (tree, "z.txt", NULL);
  g_autofree char *a = g_build_filename (tree, "a", NULL);
  const char *paths[] = { z, a, "-", NULL };
  g_autofree char *ids = walk (paths, NULL);
  g_autofree char *expected = g_strdup_printf ("%s B.txt b.txt sub/d.txt stdin", z);
  g_assert_cmpstr (ids, ==, expected);
}

typedef struct {
  const char *rel;
  const char *error;   /* substring, or NULL for success */
  const char *text;
} LoadCase;

static const LoadCase load_cases[] = {
  { "a/b.txt", NULL, "first" },
  { "bad/latin1.txt", "latin1.txt:1: not valid UTF-8 at byte offset 3", NULL },
  { "bad/nul.txt", "nul.txt:1: not text: NUL byte at byte offset 1", NULL },
  { "missing.txt", "missing.txt", NULL },
  { "a", "a: is a directory", NULL },
};

static void
test_load (gconstpointer data)
{
  const LoadCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (tree, c->rel, NULL);
  g_autoptr (SaywhoDocument) doc = saywho_document_new_take (c->rel, path, NULL, 0);
  gboolean ok = saywho_document_load (doc, &error);
  if (c->error == NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (doc->text, ==, c->text);
      g_assert_cmpuint (doc->length, ==, strlen (c->text));
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT);
      g_assert_nonnull (strstr (error->message, c->error));
      g_assert_nonnull (strstr (error->message, tree));  /* names the file */
    }
}

static void
test_text_check_line (void)
{
  g_autoptr (GError) error = NULL;
  const char *text = "line one\nline two\nline \xc3\x28 three";
  g_assert_false (saywho_text_check ("x.txt", text, strlen (text), &error));
  g_assert_cmpstr (error->message, ==, "x.txt:3: not valid UTF-8 at byte offset 23");
}


int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  make_tree ();
  g_test_add_func ("/source/walk-sorted", test_walk_sorted);
  g_test_add_func ("/source/walk-glob", test_walk_glob);
  g_test_add_func ("/source/paths-in-order", test_paths_in_order);
  for (guint i = 0; i < G_N_ELEMENTS (load_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/source/load/%u", i);
      g_test_add_data_func (path, &load_cases[i], test_load);
    }
  g_test_add_func ("/source/text-check-line", test_text_check_line);
  int status = g_test_run ();
  test_remove_tree (tree);
  g_free (tree);
  return status;
}
