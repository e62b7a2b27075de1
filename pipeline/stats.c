/* stats.c — counting a run: entities, quotations, speakers, documents.
 *
 * Memory grows with the number of documents and speakers, not with the
 * text: each document leaves its id and two counts behind.
 */
#include "stats.h"
#include "cli.h"
#include "stage.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char *id;
  char *name;              /* canonical name, where the input gives one */
  guint quotes, kind[2], documents;
  guint last_document;     /* 1-based index of the last document counted */
} Speaker;

typedef struct {
  char *id;
  guint entities, quotes;
} DocumentCount;

struct _SaywhoStats {
  guint documents;
  guint entities, by_type[4];
  guint quotes, by_kind[2], attributed;
  gboolean without_quotations;   /* some input has no quotation layer */
  GHashTable *speakers;          /* id → Speaker */
  GArray *per_document;          /* DocumentCount, in input order */
};

static void
speaker_free (gpointer data)
{
  Speaker *speaker = data;
  g_free (speaker->id);
  g_free (speaker->name);
  g_free (speaker);
}

static void
document_count_clear (gpointer data)
{
  g_free (((DocumentCount *) data)->id);
}

SaywhoStats *
saywho_stats_new (void)
{
  SaywhoStats *stats = g_new0 (SaywhoStats, 1);
  stats->speakers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, speaker_free);
  stats->per_document = g_array_new (FALSE, FALSE, sizeof (DocumentCount));
  g_array_set_clear_func (stats->per_document, document_count_clear);
  return stats;
}

void
saywho_stats_free (SaywhoStats *stats)
{
  if (stats == NULL)
    return;
  g_hash_table_unref (stats->speakers);
  g_array_unref (stats->per_document);
  g_free (stats);
}

void
saywho_stats_add (SaywhoStats *stats, const SaywhoEvalDocument *doc)
{
  const SaywhoAnnotations *a = doc->chars != NULL ? doc->chars : doc->tokens;
  stats->documents++;
  if (doc->chars == NULL)
    stats->without_quotations = TRUE;

  DocumentCount count = {
    .id = doc->id != NULL ? g_strdup (doc->id) : g_strdup_printf ("document %u", stats->documents),
    .entities = a != NULL ? a->entities->len : 0,
    .quotes = a != NULL ? a->quotes->len : 0,
  };
  g_array_append_val (stats->per_document, count);
  if (a == NULL)
    return;

  for (guint e = 0; e < a->entities->len; e++)
    {
      const SaywhoEntityMention *m = &g_array_index (a->entities, SaywhoEntityMention, e);
      stats->entities++;
      stats->by_type[m->type]++;
    }
  for (guint q = 0; q < a->quotes->len; q++)
    {
      const SaywhoQuoteMention *m = &g_array_index (a->quotes, SaywhoQuoteMention, q);
      stats->quotes++;
      stats->by_kind[m->kind]++;
      if (m->speaker == NULL)
        continue;
      stats->attributed++;
      Speaker *speaker = g_hash_table_lookup (stats->speakers, m->speaker);
      if (speaker == NULL)
        {
          speaker = g_new0 (Speaker, 1);
          speaker->id = g_strdup (m->speaker);
          g_hash_table_insert (stats->speakers, speaker->id, speaker);
        }
      const char *name = doc->speaker_names != NULL
                           ? g_hash_table_lookup (doc->speaker_names, m->speaker) : NULL;
      if (speaker->name == NULL && name != NULL)
        speaker->name = g_strdup (name);
      speaker->quotes++;
      speaker->kind[m->kind]++;
      if (speaker->last_document != stats->documents)
        {
          speaker->documents++;
          speaker->last_document = stats->documents;
        }
    }
}

static int
compare_speakers (gconstpointer a, gconstpointer b)
{
  const Speaker *x = *(Speaker *const *) a, *y = *(Speaker *const *) b;
  if (x->quotes != y->quotes)
    return x->quotes > y->quotes ? -1 : 1;
  return strcmp (x->id, y->id);
}

static GPtrArray *
sorted_speakers (const SaywhoStats *stats)
{
  GPtrArray *list = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;
  g_hash_table_iter_init (&iter, stats->speakers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (list, value);
  g_ptr_array_sort (list, compare_speakers);
  return list;
}

static int
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

typedef struct {
  double mean, median;
  guint max;
} Spread;

static Spread
quotes_spread (const SaywhoStats *stats)
{
  Spread spread = { 0 };
  guint n = stats->per_document->len;
  if (n == 0)
    return spread;
  g_autofree guint *counts = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    counts[i] = g_array_index (stats->per_document, DocumentCount, i).quotes;
  qsort (counts, n, sizeof (guint), compare_uint);
  spread.mean = (double) stats->quotes / n;
  spread.median = n % 2 == 1 ? counts[n / 2] : (counts[n / 2 - 1] + counts[n / 2]) / 2.0;
  spread.max = counts[n - 1];
  return spread;
}

static int
compare_documents (gconstpointer a, gconstpointer b)
{
  const DocumentCount *x = *(DocumentCount *const *) a, *y = *(DocumentCount *const *) b;
  if (x->quotes != y->quotes)
    return x->quotes > y->quotes ? -1 : 1;
  /* Input order among equals: the array holds pointers into per_document. */
  return x < y ? -1 : x > y;
}

void
saywho_stats_report (const SaywhoStats *stats, guint top, GString *out)
{
  g_string_append_printf (out, "documents   %8u\n", stats->documents);
  g_string_append_printf (out, "entities    %8u  (", stats->entities);
  for (guint t = 0; t < G_N_ELEMENTS (stats->by_type); t++)
    g_string_append_printf (out, "%s%s %u", t > 0 ? ", " : "",
                            saywho_entity_type_name ((SaywhoEntityType) t), stats->by_type[t]);
  g_string_append (out, ")\n");
  g_string_append_printf (out, "quotations  %8u  (direct %u, indirect %u; %u with a named "
                          "speaker)\n", stats->quotes, stats->by_kind[SAYWHO_QUOTE_DIRECT],
                          stats->by_kind[SAYWHO_QUOTE_INDIRECT], stats->attributed);
  Spread spread = quotes_spread (stats);
  g_string_append_printf (out, "quotations per document: mean %.2f, median %g, most %u\n",
                          spread.mean, spread.median, spread.max);
  if (stats->without_quotations)
    g_string_append (out, "(some input has no quotation layer: conll2003 carries entities "
                          "only)\n");

  g_autoptr (GPtrArray) speakers = sorted_speakers (stats);
  if (speakers->len > 0)
    {
      g_string_append_printf (out, "\nmost quoted speakers (%u of %u)\n",
                              MIN (top, speakers->len), speakers->len);
      g_string_append (out, "  quotations  direct  indirect  documents  speaker\n");
      for (guint i = 0; i < speakers->len && i < top; i++)
        {
          const Speaker *s = g_ptr_array_index (speakers, i);
          g_string_append_printf (out, "  %10u  %6u  %8u  %9u  ", s->quotes,
                                  s->kind[SAYWHO_QUOTE_DIRECT], s->kind[SAYWHO_QUOTE_INDIRECT],
                                  s->documents);
          if (s->name != NULL)
            g_string_append_printf (out, "%s  (%s)\n", s->name, s->id);
          else
            g_string_append_printf (out, "%s\n", s->id);
        }
    }

  if (stats->per_document->len > 0)
    {
      g_autoptr (GPtrArray) docs = g_ptr_array_new ();
      for (guint i = 0; i < stats->per_document->len; i++)
        g_ptr_array_add (docs, &g_array_index (stats->per_document, DocumentCount, i));
      g_ptr_array_sort (docs, compare_documents);
      g_string_append_printf (out, "\nquotations per document (%u of %u, most first)\n",
                              MIN (top, docs->len), docs->len);
      g_string_append (out, "  quotations  entities  document\n");
      for (guint i = 0; i < docs->len && i < top; i++)
        {
          const DocumentCount *d = g_ptr_array_index (docs, i);
          g_string_append_printf (out, "  %10u  %8u  %s\n", d->quotes, d->entities, d->id);
        }
    }
}

char *
saywho_stats_to_json (const SaywhoStats *stats)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "documents");
  json_builder_add_int_value (b, stats->documents);

  json_builder_set_member_name (b, "entities");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, stats->entities);
  for (guint t = 0; t < G_N_ELEMENTS (stats->by_type); t++)
    {
      json_builder_set_member_name (b, saywho_entity_type_name ((SaywhoEntityType) t));
      json_builder_add_int_value (b, stats->by_type[t]);
    }
  json_builder_end_object (b);

  Spread spread = quotes_spread (stats);
  json_builder_set_member_name (b, "quotations");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "layer");
  json_builder_add_boolean_value (b, !stats->without_quotations);
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, stats->quotes);
  json_builder_set_member_name (b, "direct");
  json_builder_add_int_value (b, stats->by_kind[SAYWHO_QUOTE_DIRECT]);
  json_builder_set_member_name (b, "indirect");
  json_builder_add_int_value (b, stats->by_kind[SAYWHO_QUOTE_INDIRECT]);
  json_builder_set_member_name (b, "with_speaker");
  json_builder_add_int_value (b, stats->attributed);
  json_builder_set_member_name (b, "per_document_mean");
  json_builder_add_double_value (b, spread.mean);
  json_builder_set_member_name (b, "per_document_median");
  json_builder_add_double_value (b, spread.median);
  json_builder_set_member_name (b, "per_document_max");
  json_builder_add_int_value (b, spread.max);
  json_builder_end_object (b);

  g_autoptr (GPtrArray) speakers = sorted_speakers (stats);
  json_builder_set_member_name (b, "speakers");
  json_builder_begin_array (b);
  for (guint i = 0; i < speakers->len; i++)
    {
      const Speaker *s = g_ptr_array_index (speakers, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, s->id);
      json_builder_set_member_name (b, "name");
      if (s->name != NULL)
        json_builder_add_string_value (b, s->name);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "quotations");
      json_builder_add_int_value (b, s->quotes);
      json_builder_set_member_name (b, "direct");
      json_builder_add_int_value (b, s->kind[SAYWHO_QUOTE_DIRECT]);
      json_builder_set_member_name (b, "indirect");
      json_builder_add_int_value (b, s->kind[SAYWHO_QUOTE_INDIRECT]);
      json_builder_set_member_name (b, "documents");
      json_builder_add_int_value (b, s->documents);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "per_document");
  json_builder_begin_array (b);
  for (guint i = 0; i < stats->per_document->len; i++)
    {
      const DocumentCount *d = &g_array_index (stats->per_document, DocumentCount, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, d->id);
      json_builder_set_member_name (b, "entities");
      json_builder_add_int_value (b, d->entities);
      json_builder_set_member_name (b, "quotations");
      json_builder_add_int_value (b, d->quotes);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static gboolean
count_document (SaywhoEvalDocument *doc, gpointer user_data, GError **error)
{
  saywho_stats_add (user_data, doc);
  saywho_eval_document_free (doc);
  return TRUE;
}

static int
stats_usage (const char *message)
{
  g_printerr ("saywho: %s\nTry 'saywho stats --help' for more information.\n", message);
  return SAYWHO_EXIT_USAGE;
}

int
saywho_stats_main (int argc, char **argv)
{
  gboolean json = FALSE;
  gint top = 10;
  g_autofree char *format_name = NULL;
  g_auto (GStrv) files = NULL;
  g_autoptr (GError) error = NULL;

  setlocale (LC_ALL, "");
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Write JSON (every speaker and document)", NULL },
    { "top", 'n', 0, G_OPTION_ARG_INT, &top,
      "How many speakers and documents the table lists (default 10)", "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      "Read the files as NAME instead of telling from their content", "NAME" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[FILE...]");
  g_option_context_set_summary (context,
    "Count what a run found: entities by type, quotations by kind, the most\n"
    "quoted speakers and quotations per document. FILE is saywho output in any\n"
    "format, a gold file, or a folder of them; none or - reads standard input:\n"
    "  saywho -f jsonl corpus/ | saywho stats");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return stats_usage (error->message);
  if (top < 0)
    return stats_usage ("--top takes a number from 0");
  SaywhoEvalFormat format = SAYWHO_EVAL_AUTO;
  if (format_name != NULL && !saywho_eval_format_parse (format_name, &format))
    return stats_usage ("--format takes gold, conllup, conll2003, conllu, jsonl or html");

  static const char *const standard_input[] = { "-", NULL };
  const char *const *paths = files != NULL && files[0] != NULL
                               ? (const char *const *) files : standard_input;
  g_autoptr (SaywhoStats) stats = saywho_stats_new ();
  for (guint i = 0; paths[i] != NULL; i++)
    if (!saywho_eval_read (paths[i], format, count_document, stats, &error))
      {
        g_printerr ("saywho: %s\n", error->message);
        return SAYWHO_EXIT_USAGE;
      }

  if (json)
    {
      g_autofree char *text = saywho_stats_to_json (stats);
      puts (text);
    }
  else
    {
      g_autoptr (GString) out = g_string_new (NULL);
      saywho_stats_report (stats, (guint) top, out);
      fputs (out->str, stdout);
    }
  return fflush (stdout) == 0 ? SAYWHO_EXIT_OK : SAYWHO_EXIT_FAILED;
}
