/* test-cli.c — the saywho program as a user runs it: exit statuses,
 * messages, inputs and outputs. */
#include "test-common.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

static char *workdir;

typedef struct {
  int status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

/* Runs saywho with the arguments (NULL-terminated), feeding stdin_text if
 * not NULL, in workdir. */
static Result
run (const char *stdin_text, const char *first, ...)
{
  GPtrArray *argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) g_getenv ("SAYWHO_BINARY"));
  va_list args;
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
    | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, workdir);
  g_autoptr (GSubprocess) proc = g_subprocess_launcher_spawnv (
    launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  Result r = { 0 };
  g_subprocess_communicate_utf8 (proc, stdin_text ? stdin_text : "", NULL, &r.out, &r.err,
                                 &error);
  g_assert_no_error (error);
  r.status = g_subprocess_get_exit_status (proc);
  g_ptr_array_unref (argv);
  return r;
}

static void
put (const char *rel, const char *contents)
{
  g_autofree char *path = g_build_filename (workdir, rel, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_mkdir_with_parents (parent, 0755);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

typedef struct {
  const char *args[6];
  int status;
  const char *err;   /* substring of stderr */
  const char *out;   /* substring of stdout, or NULL */
} UsageCase;

static const UsageCase usage_cases[] = {
  { { "--help" }, 0, NULL, "Formats:" },
  { { "--version" }, 0, NULL, "saywho 0.1.0" },
  { { NULL }, 2, "no input: give files, folders, or - for standard input", NULL },
  { { "--format", "nope", "in" }, 2, "unknown format 'nope'", NULL },
  { { "--jobs", "-1", "in" }, 2, "--jobs takes a number", NULL },
  { { "--jobs", "many", "in" }, 2, "Cannot parse integer value", NULL },
  { { "--bogus", "in" }, 2, "Unknown option --bogus", NULL },
  { { "--language", "klingon", "in" }, 2, "unknown language 'klingon'", NULL },
  { { "--lexicons", "/nonexistent", "in" }, 2, "--lexicons: /nonexistent is not a folder", NULL },
  { { "-o", "x", "-d", "y", "in" }, 2, "cannot be used together", NULL },
  { { "-o", "/nonexistent/dir/out.conllup", "in" }, 2, "/nonexistent/dir/out.conllup", NULL },
  { { "--tag-scheme", "iobes2", "in" }, 2, "--tag-scheme takes iob1, iob2, bioes or bilou", NULL },
  { { "--input", "csv", "in" }, 2, "--input takes text or jsonl, not 'csv'", NULL },
  { { "--help" }, 0, NULL, "saywho eval GOLD PRED" },
  { { "eval", "--help" }, 0, NULL, "GOLD PRED" },
  { { "stats", "--help" }, 0, NULL, "saywho stats" },
};

static void
test_usage (gconstpointer data)
{
  const UsageCase *c = data;
  const char **a = (const char **) c->args;
  Result r = run (NULL, a[0], a[1], a[2], a[3], a[4], a[5], NULL);
  g_assert_cmpint (r.status, ==, c->status);
  if (c->err != NULL)
    g_assert_nonnull (strstr (r.err, c->err));
  else
    g_assert_cmpstr (r.err, ==, "");
  if (c->out != NULL)
    g_assert_nonnull (strstr (r.out, c->out));
  result_clear (&r);
}

/* A bad document is reported with its path and skipped; the others are
 * written and the status is 1. */
static void
test_bad_documents (void)
{
  put ("mixed/a.txt", "Good one.");
  put ("mixed/b.txt", "caf\xe9");
  put ("mixed/c.txt", "Good two.");
  Result r = run (NULL, "mixed", "missing.txt", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "mixed/b.txt:1: not valid UTF-8 at byte offset 3"));
  g_assert_nonnull (strstr (r.err, "missing.txt"));
  g_assert_nonnull (strstr (r.err, "2 of 4 documents could not be annotated"));
  g_assert_nonnull (strstr (r.out, "# newdoc id = a.txt"));
  g_assert_nonnull (strstr (r.out, "# newdoc id = c.txt"));
  g_assert_null (strstr (r.out, "b.txt"));
  result_clear (&r);
}

static void
test_stdin (void)
{
  Result r = run ("Kerry said so.", "-", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");   /* no progress line when stderr is no terminal */
  g_assert_nonnull (strstr (r.out, "# newdoc id = stdin\n"));
  g_assert_nonnull (strstr (r.out, "2\tsaid\tsaid\t6\t10\t"));
  result_clear (&r);
}

static void
test_output_dir (void)
{
  put ("tree/x/one.txt", "One.");
  put ("tree/two.txt", "Two.");
  put ("tree/skip.md", "Not read.");
  Result r = run (NULL, "--quiet", "--output-dir", "out", "tree", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  g_autofree char *one = g_build_filename (workdir, "out", "x", "one.conllup", NULL);
  g_autofree char *two = g_build_filename (workdir, "out", "two.conllup", NULL);
  g_autofree char *skip = g_build_filename (workdir, "out", "skip.conllup", NULL);
  g_autofree char *contents = NULL;
  g_assert_true (g_file_get_contents (one, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "# global.columns = "));
  g_assert_nonnull (strstr (contents, "# newdoc id = x/one.txt\n"));
  g_assert_true (g_file_test (two, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (skip, G_FILE_TEST_EXISTS));
  result_clear (&r);

  /* --glob picks other files */
  r = run (NULL, "--glob", "*.md", "tree", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "# newdoc id = skip.md"));
  g_assert_null (strstr (r.out, "one.txt"));
  result_clear (&r);
}

static void
test_output_file (void)
{
  put ("single.txt", "Alone.");
  Result r = run (NULL, "-o", "result.conllup", "single.txt", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  g_autofree char *path = g_build_filename (workdir, "result.conllup", NULL);
  g_autofree char *contents = NULL;
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "# newdoc id = single.txt\n"));
  result_clear (&r);
}

/* --jobs changes nothing in the output. */
static void
test_jobs_bytes (void)
{
  g_autofree char *corpus = test_source_path ("corpus", NULL);
  Result one = run (NULL, "--jobs", "1", corpus, NULL);
  Result two = run (NULL, "--jobs", "2", corpus, NULL);
  g_assert_cmpint (one.status, ==, 0);
  g_assert_cmpint (two.status, ==, 0);
  g_assert_cmpuint (strlen (one.out), >, 10000);
  g_assert_true (strcmp (one.out, two.out) == 0);
  result_clear (&one);
  result_clear (&two);
}

/* On a terminal, a progress line and a summary go to stderr; `script`
 * gives the program one. */
static void
test_progress_on_terminal (void)
{
  g_autofree char *script = g_find_program_in_path ("script");
  if (script == NULL)
    {
      g_test_skip ("`script` (util-linux) is not installed: no terminal to test with");
      return;
    }
  g_autofree char *corpus = test_source_path ("corpus", NULL);
  g_autofree char *command = g_strdup_printf ("%s -o /dev/null %s", g_getenv ("SAYWHO_BINARY"),
                                              corpus);
  const char *argv[] = { script, "-qec", command, "/dev/null", NULL };
  g_autofree char *out = NULL;
  int status = -1;
  g_autoptr (GError) error = NULL;
  g_spawn_sync (workdir, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "\rsaywho: 16 documents, "));
  g_assert_nonnull (strstr (out, " MB in "));
}

/* --input jsonl on standard input: one output record per good input
 * record, in order; each bad line reported with its number and skipped. */
static void
test_jsonl_stdin (void)
{
  Result r = run ("{\"id\": \"a\", \"text\": \"Kerry said so.\"}\n"
                  "{\"id\": \"b\", \"text\": \n"
                  "{\"id\": \"c\", \"body\": \"no text\"}\n"
                  "{\"text\": \"No id here.\", \"extra\": [1, 2]}\n"
                  "\n"
                  "{\"id\": 7, \"text\": \"A number for an id.\"}\n"
                  "[\"not\", \"an object\"]\n"
                  "{\"id\": \"z\", \"text\": \"Last.\"}",
                  "--input", "jsonl", "--format", "jsonl", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "saywho: standard input:2: not valid JSON (column "));
  g_assert_nonnull (strstr (r.err, "saywho: standard input:3: no string \"text\" in the object"));
  g_assert_nonnull (strstr (r.err, "saywho: standard input:7: not a JSON object"));
  g_assert_nonnull (strstr (r.err, "3 of 7 documents could not be annotated"));
  g_auto (GStrv) lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);   /* four records and the end */
  g_assert_true (g_str_has_prefix (lines[0], "{\"id\":\"a\","));
  g_assert_true (g_str_has_prefix (lines[1], "{\"id\":\"stdin:4\","));
  g_assert_true (g_str_has_prefix (lines[2], "{\"id\":\"7\","));
  g_assert_true (g_str_has_prefix (lines[3], "{\"id\":\"z\","));
  result_clear (&r);
}

/* Files and folders of JSON Lines; ids default to FILE:LINE. */
static void
test_jsonl_files (void)
{
  put ("records/one.jsonl", "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n");
  put ("records/sub/two.jsonl", "{\"id\": \"x\", \"text\": \"caf\\u00e9 \\ud800x\"}\n"
                                "{\"id\": \"y\", \"text\": \"Three.\"}\n");
  put ("records/skip.txt", "{\"text\": \"not read\"}\n");
  put ("nul.jsonl", "{\"id\": \"n\", \"text\": \"a\\u0000b\"}\n");
  Result r = run (NULL, "--input", "jsonl", "records", "nul.jsonl", "missing.jsonl", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "# newdoc id = one.jsonl:1\n"));
  g_assert_nonnull (strstr (r.out, "# newdoc id = one.jsonl:2\n"));
  g_assert_nonnull (strstr (r.out, "# newdoc id = y\n"));
  g_assert_null (strstr (r.out, "not read"));
  g_assert_true (strstr (r.out, "one.jsonl:2") < strstr (r.out, "newdoc id = y"));
  g_assert_nonnull (strstr (r.err, "records/sub/two.jsonl:1: \"text\" is not valid Unicode"));
  g_assert_nonnull (strstr (r.err, "nul.jsonl:1: not text: the record holds \\u0000"));
  g_assert_nonnull (strstr (r.err, "missing.jsonl"));
  result_clear (&r);
}

/* A 10 MB text on one line is one document like any other.  (Lower case
 * and no speech: what is tested is reading the line, not how the entity
 * stages fare on one huge document.) */
static void
test_jsonl_large (void)
{
  GString *line = g_string_sized_new (11 << 20);
  g_string_append (line, "{\"id\": \"big\", \"text\": \"");
  while (line->len < (10u << 20))
    g_string_append (line, "the talks would go on and on for days. ");
  g_string_append (line, "The end.\"}\n{\"id\": \"after\", \"text\": \"Small.\"}\n");
  g_autofree char *path = g_build_filename (workdir, "big.jsonl", NULL);
  g_assert_true (g_file_set_contents (path, line->str, (gssize) line->len, NULL));
  g_string_free (line, TRUE);
  Result r = run (NULL, "--input", "jsonl", "-f", "jsonl", "-o", "big.out", "big.jsonl", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_autofree char *out_path = g_build_filename (workdir, "big.out", NULL);
  g_autofree char *out = NULL;
  g_assert_true (g_file_get_contents (out_path, &out, NULL, NULL));
  g_assert_true (g_str_has_prefix (out, "{\"id\":\"big\","));
  g_assert_nonnull (strstr (out, "]}\n{\"id\":\"after\","));   /* one line, then the next */
  g_assert_nonnull (strstr (out, "\n{\"id\":\"after\","));
  result_clear (&r);
}

/* Every format runs from the command line, to a stream and to a folder. */
static void
test_formats (void)
{
  put ("fmt/a.txt", "Susan Rice said China would talk.");
  put ("fmt/b.txt", "Xi Jinping agreed.");
  static const char *const starts[][2] = {
    { "conllup", "# global.columns = " }, { "conll2003", "-DOCSTART- -X- -X- O\n\n" },
    { "conllu", "# newdoc id = a.txt\n" }, { "jsonl", "{\"id\":\"a.txt\"," },
    { "html", "<!DOCTYPE html>\n" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      Result r = run (NULL, "-f", starts[i][0], "--tag-scheme", "bioes", "fmt", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_str_has_prefix (r.out, starts[i][1]));
      result_clear (&r);
    }
  Result r = run (NULL, "-q", "-f", "html", "-d", "pages", "fmt", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_autofree char *page_path = g_build_filename (workdir, "pages", "a.html", NULL);
  g_autofree char *page = NULL;
  g_assert_true (g_file_get_contents (page_path, &page, NULL, NULL));
  g_assert_true (g_str_has_suffix (page, "</html>\n"));
  g_assert_null (strstr (page, "<nav"));   /* a page of one document lists nothing */
  result_clear (&r);
  r = run (NULL, "-f", "html", "fmt", NULL);
  g_assert_nonnull (strstr (r.out, "<a href=\"#doc-2\">b.txt</a>"));
  result_clear (&r);
}


int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  if (g_getenv ("SAYWHO_BINARY") == NULL)
    {
      g_printerr ("test-cli: SAYWHO_BINARY is not set (run it through meson test)\n");
      return 1;
    }
  workdir = g_dir_make_tmp ("saywho-cli-XXXXXX", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/usage/%u", i);
      g_test_add_data_func (path, &usage_cases[i], test_usage);
    }
  g_test_add_func ("/cli/bad-documents", test_bad_documents);
  g_test_add_func ("/cli/stdin", test_stdin);
  g_test_add_func ("/cli/output-dir", test_output_dir);
  g_test_add_func ("/cli/output-file", test_output_file);
  g_test_add_func ("/cli/jobs-bytes", test_jobs_bytes);
  g_test_add_func ("/cli/progress-on-terminal", test_progress_on_terminal);
  g_test_add_func ("/cli/jsonl/stdin", test_jsonl_stdin);
  g_test_add_func ("/cli/jsonl/files", test_jsonl_files);
  g_test_add_func ("/cli/jsonl/large", test_jsonl_large);
  g_test_add_func ("/cli/formats", test_formats);
  int status = g_test_run ();
  test_remove_tree (workdir);
  g_free (workdir);
  return status;
}
