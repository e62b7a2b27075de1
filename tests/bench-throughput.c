/* bench-throughput.c — whole-pipeline throughput and memory, against a
 * yardstick measured in the same run.
 *
 *   bench-throughput SOURCE_ROOT WORK_DIR [SIZE_MB] [RUNS]
 *
 * Generates a corpus of at least SIZE_MB (default 100) deterministically
 * from SOURCE_ROOT/corpus (paragraphs drawn with a fixed seed), then, RUNS
 * times (default 3) each, interleaved:
 *   - the yardstick: a trivial tokenizer that splits at whitespace and
 *     punctuation and writes one token a line to /dev/null, right before
 *     and right after the one-thread run of saywho, averaged;
 *   - saywho's pipeline, all stages, one worker, CoNLL-U Plus to /dev/null,
 *     in a forked child so that its peak RSS is its own; the same with two
 *     workers; and with the first three stages only (tokenize, segment,
 *     stem), to follow the cost of the entity and quotation stages;
 * and prints the medians: MB/s, tokens/s, peak RSS, and the median of each
 * run's ratio of saywho to its own yardstick.  Also
 * the start-up time (pipeline creation with the full lexicons).
 */
#include "saywho.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static GPtrArray *
corpus_paragraphs (const char *root)
{
  g_autofree char *corpus = g_build_filename (root, "corpus", NULL);
  const char *paths[] = { corpus, NULL };
  g_autoptr (SaywhoSource) source = saywho_source_new (paths, NULL);
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  SaywhoDocument *doc;
  GError *error = NULL;
  SaywhoSourceStatus status;
  while ((status = saywho_source_next (source, &doc, &error)) != SAYWHO_SOURCE_END)
    {
      if (status != SAYWHO_SOURCE_DOCUMENT || !saywho_document_load (doc, &error))
        g_error ("cannot read the corpus: %s", error->message);
      g_auto (GStrv) parts = g_strsplit (doc->text, "\n\n", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        if (*g_strstrip (parts[i]) != '\0')
          g_ptr_array_add (paragraphs, g_strdup (parts[i]));
      saywho_document_free (doc);
    }
  if (paragraphs->len == 0)
    g_error ("no paragraphs in %s", corpus);
  return paragraphs;
}

/* Writes the generated corpus once; a marker file records its size. */
static char *
generate (const char *root, const char *work, guint size_mb, guint64 *bytes, guint *documents)
{
  char *dir = g_build_filename (work, "bench-corpus", NULL);
  g_autofree char *marker = g_build_filename (dir, ".complete", NULL);
  g_autofree char *marker_text = NULL;
  if (g_file_get_contents (marker, &marker_text, NULL, NULL)
      && sscanf (marker_text, "%u %" G_GUINT64_FORMAT " %u", &size_mb, bytes, documents) == 3)
    return dir;

  g_autoptr (GPtrArray) paragraphs = corpus_paragraphs (root);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20151014);
  guint64 target = (guint64) size_mb * 1000 * 1000;
  *bytes = 0;
  *documents = 0;
  GString *text = g_string_new (NULL);
  while (*bytes < target)
    {
      g_string_truncate (text, 0);
      guint count = (guint) g_rand_int_range (rand, 6, 24);
      for (guint i = 0; i < count; i++)
        {
          const char *p = g_ptr_array_index (paragraphs,
                                             g_rand_int_range (rand, 0, (gint32) paragraphs->len));
          g_string_append_printf (text, "%s%s", i ? "\n\n" : "", p);
        }
      g_string_append_c (text, '\n');
      g_autofree char *sub = g_strdup_printf ("%s/%03u", dir, *documents / 1000);
      g_mkdir_with_parents (sub, 0755);
      g_autofree char *path = g_strdup_printf ("%s/doc%06u.txt", sub, *documents);
      if (!g_file_set_contents (path, text->str, (gssize) text->len, NULL))
        g_error ("cannot write %s", path);
      *bytes += text->len;
      (*documents)++;
    }
  g_string_free (text, TRUE);
  g_autofree char *info = g_strdup_printf ("%u %" G_GUINT64_FORMAT " %u\n", size_mb, *bytes,
                                           *documents);
  g_file_set_contents (marker, info, -1, NULL);
  return dir;
}

/* ---- the yardstick ---------------------------------------------------- */

typedef struct {
  gdouble seconds;
  guint64 tokens;
  gdouble peak_rss_mb;
} Measure;

/* Output is gathered in a buffer and written in large blocks, as a careful
 * C programmer would write even a trivial tokenizer. */
typedef struct {
  FILE *out;
  char buffer[1 << 16];
  gsize used;
} Writer;

static inline void
writer_put (Writer *w, const char *s, gsize n)
{
  if (w->used + n + 1 > sizeof w->buffer)
    {
      fwrite (w->buffer, 1, w->used, w->out);
      w->used = 0;
    }
  if (n + 1 > sizeof w->buffer)
    {
      fwrite (s, 1, n, w->out);
      fputc ('\n', w->out);
      return;
    }
  memcpy (w->buffer + w->used, s, n);
  w->buffer[w->used + n] = '\n';
  w->used += n + 1;
}

static void
yardstick_file (const char *path, Writer *out, guint64 *tokens)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  if (!g_file_get_contents (path, &text, &len, NULL))
    return;
  gsize i = 0;
  while (i < len)
    {
      guchar c = (guchar) text[i];
      if (g_ascii_isspace (c))
        {
          i++;
          continue;
        }
      gsize start = i;
      if (g_ascii_isalnum (c) || c >= 0x80)
        while (i < len && (g_ascii_isalnum (text[i]) || (guchar) text[i] >= 0x80))
          i++;
      else
        i++;  /* one punctuation character */
      writer_put (out, text + start, i - start);
      (*tokens)++;
    }
}

static void
yardstick_walk (const char *dir, Writer *out, guint64 *tokens)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_dir_close (d);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        yardstick_walk (path, out, tokens);
      else
        yardstick_file (path, out, tokens);
    }
}

static Measure
run_yardstick (const char *dir)
{
  Measure m = { 0 };
  Writer *out = g_new0 (Writer, 1);
  out->out = fopen ("/dev/null", "w");
  gint64 start = g_get_monotonic_time ();
  yardstick_walk (dir, out, &m.tokens);
  fwrite (out->buffer, 1, out->used, out->out);
  fclose (out->out);
  g_free (out);
  m.seconds = (g_get_monotonic_time () - start) / 1e6;
  return m;
}

/* ---- the pipeline, in a child ------------------------------------------ */

/* stages: NULL for all of them. */
static Measure
run_pipeline (const char *root, const char *dir, guint jobs, const char *const *stages)
{
  int fds[2];
  if (pipe (fds) != 0)
    g_error ("pipe failed");
  pid_t pid = fork ();
  if (pid == 0)
    {
      close (fds[0]);
      g_autoptr (GError) error = NULL;
      g_autofree char *lexicons = g_build_filename (root, "lexicons", NULL);
      SaywhoConfig config = { lexicons, "english" };
      gint64 start = g_get_monotonic_time ();
      SaywhoPipeline *pipeline = saywho_pipeline_new (&config, stages, &error);
      if (pipeline == NULL)
        g_error ("%s", error->message);
      const SaywhoFormat *format = saywho_format_lookup ("conllup");
      SaywhoSink *sink = saywho_sink_new_stream ("/dev/null", format, &error);
      const char *paths[] = { dir, NULL };
      SaywhoSource *source = saywho_source_new (paths, NULL);
      SaywhoDriverOptions options = { .jobs = jobs, .format = format };
      SaywhoRunStats stats;
      if (!saywho_driver_run (pipeline, source, sink, &options, &stats, &error))
        g_error ("%s", error->message);
      saywho_sink_close (sink, NULL);
      Measure m = { (g_get_monotonic_time () - start) / 1e6, stats.tokens, 0 };
      if (write (fds[1], &m, sizeof m) != sizeof m)
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  Measure m = { 0 };
  if (read (fds[0], &m, sizeof m) != sizeof m)
    g_error ("the pipeline child failed");
  close (fds[0]);
  int status;
  struct rusage usage;
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status))
    g_error ("the pipeline child failed");
  m.peak_rss_mb = usage.ru_maxrss / 1024.0;
  return m;
}

static double
startup_ms (const char *root)
{
  g_autofree char *lexicons = g_build_filename (root, "lexicons", NULL);
  SaywhoConfig config = { lexicons, "english" };
  gint64 start = g_get_monotonic_time ();
  SaywhoPipeline *pipeline = saywho_pipeline_new (&config, NULL, NULL);
  double ms = (g_get_monotonic_time () - start) / 1e3;
  saywho_pipeline_free (pipeline);
  return ms;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof *values, compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int argc, char **argv)
{
  if (argc < 3)
    {
      g_printerr ("usage: %s SOURCE_ROOT WORK_DIR [SIZE_MB] [RUNS]\n", argv[0]);
      return 2;
    }
  const char *root = argv[1];
  guint size_mb = argc > 3 ? (guint) atoi (argv[3]) : 100;
  guint runs = argc > 4 ? (guint) atoi (argv[4]) : 3;
  if (size_mb == 0 || runs == 0)
    return 2;

  guint64 bytes;
  guint documents;
  g_autofree char *dir = generate (root, argv[2], size_mb, &bytes, &documents);
  double mb = bytes / 1e6;
  g_print ("corpus: %.1f MB in %u documents (generated from corpus/, fixed seed)\n",
           mb, documents);

  double *y_mbs = g_new (double, runs), *y_tps = g_new (double, runs);
  double *p_mbs = g_new (double, runs), *p_tps = g_new (double, runs);
  double *p_rss = g_new (double, runs), *p2_mbs = g_new (double, runs);
  double *base_mbs = g_new (double, runs);
  static const char *const base_stages[] = { "tokenize", "segment", "stem", NULL };
  double *start = g_new (double, runs);
  guint64 p_tokens = 0;
  double *ratio = g_new (double, runs);
  for (guint r = 0; r < runs; r++)
    {
      /* The yardstick right before and right after the one-thread run,
       * averaged: this machine's speed drifts within a run, and the ratio
       * is taken against the yardstick of the same moment. */
      Measure y = run_yardstick (dir);
      Measure p = run_pipeline (root, dir, 1, NULL);
      Measure y_after = run_yardstick (dir);
      y.seconds = (y.seconds + y_after.seconds) / 2;
      Measure p2 = run_pipeline (root, dir, 2, NULL);
      Measure base = run_pipeline (root, dir, 1, base_stages);
      base_mbs[r] = mb / base.seconds;
      y_mbs[r] = mb / y.seconds;
      y_tps[r] = y.tokens / y.seconds / 1e6;
      p_mbs[r] = mb / p.seconds;
      p_tps[r] = p.tokens / p.seconds / 1e6;
      p_rss[r] = p.peak_rss_mb;
      p2_mbs[r] = mb / p2.seconds;
      start[r] = startup_ms (root);
      p_tokens = p.tokens;
      ratio[r] = p_mbs[r] / y_mbs[r];
      g_print ("run %u: yardstick %.1f MB/s, saywho -j1 %.1f MB/s (%.1f MB RSS, ratio 1/%.1f), "
               "-j2 %.1f MB/s\n", r + 1, y_mbs[r], p_mbs[r], p_rss[r], 1 / ratio[r], p2_mbs[r]);
    }
  double ym = median (y_mbs, runs), pm = median (p_mbs, runs);
  g_print ("\nmedians of %u runs\n", runs);
  g_print ("yardstick (split at spaces and punctuation, a token a line to /dev/null):\n"
           "  %.1f MB/s, %.2f M tokens/s\n", ym, median (y_tps, runs));
  g_print ("saywho, all stages, --jobs 1, conllup to /dev/null (%" G_GUINT64_FORMAT " tokens):\n"
           "  %.1f MB/s, %.2f M tokens/s, peak RSS %.1f MB\n",
           p_tokens, pm, median (p_tps, runs), median (p_rss, runs));
  g_print ("saywho --jobs 2: %.1f MB/s\n", median (p2_mbs, runs));
  g_print ("saywho, tokenize + segment + stem only, --jobs 1: %.1f MB/s (1/%.1f of the yardstick)\n",
           median (base_mbs, runs), ym / median (base_mbs, runs));
  double rm = median (ratio, runs);
  g_print ("ratio saywho/yardstick (one thread; median of the runs' own ratios): %.3f (1/%.1f)\n",
           rm, 1 / rm);
  g_print ("start-up (pipeline with all lexicons): %.1f ms\n", median (start, runs));
  return 0;
}
