/* cli.c — options, the run, progress and exit statuses. */
#include "cli.h"
#include "saywho.h"
#include "eval.h"
#include "stats.h"
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct {
  gboolean show;
  gint64 last;          /* monotonic µs of the last line */
  guint64 documents, bytes;
  gdouble seconds;
} Progress;

static void
progress_line (guint64 documents, guint64 bytes, gdouble seconds, gpointer user_data)
{
  Progress *progress = user_data;
  progress->documents = documents;
  progress->bytes = bytes;
  progress->seconds = seconds;
  if (!progress->show)
    return;
  gint64 now = g_get_monotonic_time ();
  if (now - progress->last < 200000)
    return;
  progress->last = now;
  gdouble mb = bytes / 1e6;
  g_printerr ("\rsaywho: %" G_GUINT64_FORMAT " document%s, %.1f MB, %.1f MB/s   ",
              documents, documents == 1 ? "" : "s", mb, seconds > 0 ? mb / seconds : 0.0);
}

static char *
format_names (void)
{
  GString *names = g_string_new (NULL);
  for (const SaywhoFormat *const *f = saywho_format_registry (); *f != NULL; f++)
    g_string_append_printf (names, "  %-10s %s\n", (*f)->name, (*f)->description);
  return g_string_free (names, FALSE);
}

static int
usage_error (GOptionContext *context, const char *message)
{
  (void) context;
  g_printerr ("saywho: %s\nTry 'saywho --help' for more information.\n", message);
  return SAYWHO_EXIT_USAGE;
}

int
saywho_cli_main (int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *output_dir = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *language = NULL;
  g_autofree char *lexicons = NULL;
  g_autofree char *glob = NULL;
  g_autofree char *tag_scheme = NULL;
  g_autofree char *input = NULL;
  g_auto (GStrv) paths = NULL;
  gint jobs = 0;
  gboolean quiet = FALSE, version = FALSE;
  g_autoptr (GError) error = NULL;

  setlocale (LC_ALL, "");

  /* Subcommands come first; a file called "eval" can be given as ./eval. */
  if (argc > 1 && strcmp (argv[1], "eval") == 0)
    return saywho_eval_main (argc - 1, argv + 1);
  if (argc > 1 && strcmp (argv[1], "stats") == 0)
    return saywho_stats_main (argc - 1, argv + 1);

  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write all output to FILE (default: standard output)", "FILE" },
    { "output-dir", 'd', 0, G_OPTION_ARG_FILENAME, &output_dir,
      "Write one file per document under DIR, mirroring the input tree", "DIR" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      "Output format (default: conllup; see below)", "NAME" },
    { "tag-scheme", 0, 0, G_OPTION_ARG_STRING, &tag_scheme,
      "NER tags: iob2 (default), iob1, bioes or bilou", "SCHEME" },
    { "input", 'i', 0, G_OPTION_ARG_STRING, &input,
      "text (default: each file is a document) or jsonl (one {\"id\", \"text\"} a line)",
      "KIND" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      "Worker threads (default: number of cores)", "N" },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language,
      "Snowball stemmer language (default: english)", "NAME" },
    { "lexicons", 0, 0, G_OPTION_ARG_FILENAME, &lexicons,
      "Read lexicons from DIR (default: the installed ones)", "DIR" },
    { "glob", 'g', 0, G_OPTION_ARG_STRING, &glob,
      "Names of the files to read in folders (default: *.txt; *.jsonl for jsonl input)",
      "PATTERN" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      "No progress line and no summary (errors are still reported)", NULL },
    { "version", 'V', 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  g_autoptr (GOptionContext) context = g_option_context_new ("PATH...");
  g_option_context_set_summary (context,
    "Find the officials, agencies and countries in news articles and say who\n"
    "said what. PATH is a file, a folder (read recursively, sorted by path) or\n"
    "- for standard input. Annotations go to standard output.\n"
    "\n"
    "  saywho eval GOLD PRED     score annotations against a reference\n"
    "  saywho stats FILE...      count entities, quotations and speakers\n"
    "(saywho eval --help, saywho stats --help for theirs)");
  g_autofree char *formats = format_names ();
  g_autofree char *description = g_strdup_printf (
    "Formats:\n%s\n"
    "Exit status: 0 when every document was annotated, 1 when some document\n"
    "could not be read or output could not be written (the others are still\n"
    "annotated), 2 when the run could not start (bad arguments, lexicons).",
    formats);
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (version)
    {
      g_print ("saywho %s\n", SAYWHO_VERSION);
      return SAYWHO_EXIT_OK;
    }
  gboolean jsonl_input = FALSE;
  if (input != NULL && strcmp (input, "jsonl") == 0)
    jsonl_input = TRUE;
  else if (input != NULL && strcmp (input, "text") != 0)
    {
      g_autofree char *message = g_strdup_printf ("--input takes text or jsonl, not '%s'", input);
      return usage_error (context, message);
    }
  /* A JSON Lines filter reads standard input when given no path. */
  if (!jsonl_input && (paths == NULL || paths[0] == NULL))
    return usage_error (context, "no input: give files, folders, or - for standard input");
  if (jobs < 0 || jobs > 1024)
    return usage_error (context, "--jobs takes a number from 1 to 1024 (0: one per core)");
  if (output != NULL && output_dir != NULL)
    return usage_error (context, "--output and --output-dir cannot be used together");

  const SaywhoFormat *registered = saywho_format_lookup (format_name ? format_name : "conllup");
  if (registered == NULL)
    {
      g_autofree char *message = g_strdup_printf ("unknown format '%s'; formats:\n%s",
                                                  format_name, formats);
      g_strchomp (message);
      return usage_error (context, message);
    }
  /* The registry's writer with this run's options. */
  SaywhoFormat configured = *registered;
  const SaywhoFormat *format = &configured;
  if (tag_scheme != NULL && !saywho_tag_scheme_parse (tag_scheme, &configured.options.tag_scheme))
    {
      g_autofree char *message = g_strdup_printf (
        "--tag-scheme takes iob1, iob2, bioes or bilou, not '%s'", tag_scheme);
      return usage_error (context, message);
    }
  if (lexicons != NULL && !g_file_test (lexicons, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *message = g_strdup_printf ("--lexicons: %s is not a folder", lexicons);
      return usage_error (context, message);
    }

  SaywhoConfig config = {
    .lexicon_dir = lexicons != NULL ? lexicons : saywho_lexicon_default_dir (),
    .language = language != NULL ? language : "english",
  };
  g_autoptr (SaywhoPipeline) pipeline = saywho_pipeline_new (&config, NULL, &error);
  if (pipeline == NULL)
    {
      g_printerr ("saywho: %s\n", error->message);
      return SAYWHO_EXIT_USAGE;
    }

  SaywhoSink *sink = output_dir != NULL ? saywho_sink_new_directory (output_dir, format, &error)
                                        : saywho_sink_new_stream (output, format, &error);
  if (sink == NULL)
    {
      g_printerr ("saywho: %s\n", error->message);
      return SAYWHO_EXIT_USAGE;
    }

  Progress progress = { .show = !quiet && isatty (STDERR_FILENO) };
  SaywhoDriverOptions options = {
    .jobs = (guint) jobs,
    .format = format,
    .progress = progress_line,
    .user_data = &progress,
  };
  g_autoptr (SaywhoSource) source =
    jsonl_input ? saywho_source_new_jsonl ((const char *const *) paths, glob)
                : saywho_source_new ((const char *const *) paths, glob);
  SaywhoRunStats stats;
  gboolean ok = saywho_driver_run (pipeline, source, sink, &options, &stats, &error);
  g_autoptr (GError) close_error = NULL;
  ok = saywho_sink_close (sink, ok ? &close_error : NULL) && ok;
  if (error == NULL && close_error != NULL)
    error = g_steal_pointer (&close_error);

  if (progress.show)
    g_printerr ("\rsaywho: %" G_GUINT64_FORMAT " documents, %.1f MB in %.2f s%*s\n",
                stats.documents, stats.bytes / 1e6, progress.seconds, 12, "");
  if (error != NULL)
    g_printerr ("saywho: %s\n", error->message);
  if (stats.failed > 0 && !quiet)
    g_printerr ("saywho: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
                " documents could not be annotated\n",
                stats.failed, stats.failed + stats.documents);
  return ok && stats.failed == 0 ? SAYWHO_EXIT_OK : SAYWHO_EXIT_FAILED;
}
