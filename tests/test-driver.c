/* test-driver.c — ordering, failures and the bounded window of the driver. */
#include "test-common.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

typedef struct {
  GString *reports;
} Collected;

static void
collect_report (const char *doc_id, const GError *error, gpointer user_data)
{
  Collected *collected = user_data;
  g_string_append_printf (collected->reports, "%s\n", error->message);
  (void) doc_id;
}

/* Runs the pipeline over paths with the given jobs and window; returns the
 * bytes written, and the reports in *reports. */
static char *
run_to_string (const char *const *paths, guint jobs, guint in_flight,
               SaywhoRunStats *stats, char **reports)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out_path = NULL;
  int fd = g_file_open_tmp ("saywho-driver-XXXXXX", &out_path, &error);
  g_assert_no_error (error);
  close (fd);

  const SaywhoFormat *format = saywho_format_lookup ("conllup");
  SaywhoSink *sink = saywho_sink_new_stream (out_path, format, &error);
  g_assert_no_error (error);
  g_autoptr (SaywhoSource) source = saywho_source_new (paths, NULL);
  Collected collected = { g_string_new (NULL) };
  SaywhoDriverOptions options = {
    .jobs = jobs, .in_flight = in_flight, .format = format,
    .report = collect_report, .user_data = &collected,
  };
  g_assert_true (saywho_driver_run (test_pipeline (), source, sink, &options, stats, &error));
  g_assert_no_error (error);
  g_assert_true (saywho_sink_close (sink, &error));

  char *contents = NULL;
  g_assert_true (g_file_get_contents (out_path, &contents, NULL, NULL));
  g_unlink (out_path);
  if (reports != NULL)
    *reports = g_string_free (collected.reports, FALSE);
  else
    g_string_free (collected.reports, TRUE);
  return contents;
}

/* The same bytes for every number of workers and window size. */
static void
test_jobs_identical (void)
{
  g_autofree char *corpus = test_source_path ("corpus", NULL);
  const char *paths[] = { corpus, NULL };
  SaywhoRunStats base_stats;
  g_autofree char *base = run_to_string (paths, 1, 1, &base_stats, NULL);
  g_assert_cmpuint (base_stats.documents, >=, 12);
  g_assert_cmpuint (base_stats.failed, ==, 0);
  g_assert_cmpuint (base_stats.tokens, >, 1000);

  static const guint configs[][2] = { { 2, 0 }, { 2, 1 }, { 3, 2 }, { 4, 64 } };
  for (guint i = 0; i < G_N_ELEMENTS (configs); i++)
    {
      SaywhoRunStats stats;
      g_autofree char *other = run_to_string (paths, configs[i][0], configs[i][1], &stats, NULL);
      g_assert_cmpuint (stats.documents, ==, base_stats.documents);
      g_assert_cmpuint (stats.tokens, ==, base_stats.tokens);
      g_assert_true (strcmp (base, other) == 0);
    }
}

/* Failed documents are reported in input order, skipped, and do not stop
 * or reorder the others. */
static void
test_failures_in_order (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("saywho-driver-XXXXXX", &error);
  const char *names[] = { "01.txt", "02.txt", "03.txt", "04.txt", "05.txt", "06.txt" };
  const char *texts[] = { "One.", "caf\xe9", "Three.", "a\0b", "Five.", "Six." };
  const gssize lengths[] = { -1, -1, -1, 3, -1, -1 };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_assert_true (g_file_set_contents (path, texts[i], lengths[i], NULL));
    }
  g_autofree char *missing = g_build_filename (dir, "gone.txt", NULL);
  const char *paths[] = { dir, missing, NULL };

  for (guint jobs = 1; jobs <= 3; jobs++)
    {
      SaywhoRunStats stats;
      g_autofree char *reports = NULL;
      g_autofree char *out = run_to_string (paths, jobs, 2, &stats, &reports);
      g_assert_cmpuint (stats.documents, ==, 4);
      g_assert_cmpuint (stats.failed, ==, 3);
      const char *first = strstr (reports, "02.txt");
      const char *second = strstr (reports, "04.txt");
      const char *third = strstr (reports, "gone.txt");
      g_assert_nonnull (first);
      g_assert_nonnull (second);
      g_assert_nonnull (third);
      g_assert_true (first < second && second < third);
      const char *a = strstr (out, "# newdoc id = 01.txt");
      const char *b = strstr (out, "# newdoc id = 03.txt");
      const char *c = strstr (out, "# newdoc id = 05.txt");
      const char *d = strstr (out, "# newdoc id = 06.txt");
      g_assert_true (a && b && c && d && a < b && b < c && c < d);
      g_assert_null (strstr (out, "02.txt"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* An empty source writes the header and nothing else. */
static void
test_empty (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("saywho-driver-XXXXXX", &error);
  const char *paths[] = { dir, NULL };
  SaywhoRunStats stats;
  g_autofree char *out = run_to_string (paths, 2, 0, &stats, NULL);
  g_assert_cmpstr (out, ==, "# global.columns = ID FORM STEM START END NER ENTITY QUOTE SPEAKER\n");
  g_assert_cmpuint (stats.documents, ==, 0);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  g_test_add_func ("/driver/jobs-identical", test_jobs_identical);
  g_test_add_func ("/driver/failures-in-order", test_failures_in_order);
  g_test_add_func ("/driver/empty", test_empty);
  int status = g_test_run ();
  test_common_cleanup ();
  return status;
}
