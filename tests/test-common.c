/* test-common.c — helpers shared by the test programs. */
#include "test-common.h"
#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

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
      if (pipeline == NULL)
        g_error ("cannot build the pipeline: %s", error->message);
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
      if (worker == NULL)
        g_error ("cannot make a worker: %s", error->message);
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

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
collect_gold_files (const char *dir, GPtrArray *out)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (d);
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          collect_gold_files (path, out);
          g_free (path);
        }
      else if (g_str_has_suffix (path, ".gold.tsv"))
        g_ptr_array_add (out, path);
      else
        g_free (path);
    }
}

gboolean test_score_list_errors;

static void
list_entity_errors (GString *out, const SaywhoDocument *doc, const SaywhoAnnotations *gold,
                    const SaywhoAnnotations *predicted)
{
  const SaywhoAnnotations *sides[2] = { gold, predicted };
  for (guint side = 0; side < 2; side++)
    for (guint i = 0; i < sides[side]->entities->len; i++)
      {
        const SaywhoEntityMention *m = &g_array_index (sides[side]->entities, SaywhoEntityMention, i);
        gboolean found = FALSE;
        const SaywhoAnnotations *other = sides[1 - side];
        for (guint k = 0; k < other->entities->len && !found; k++)
          {
            const SaywhoEntityMention *o = &g_array_index (other->entities, SaywhoEntityMention, k);
            found = o->start == m->start && o->end == m->end && o->type == m->type;
          }
        if (found)
          continue;
        const char *a = g_utf8_offset_to_pointer (doc->text, m->start);
        const char *b = g_utf8_offset_to_pointer (doc->text, m->end);
        g_string_append_printf (out, "  %s %-4s %.*s\n", side == 0 ? "missed  " : "spurious",
                                saywho_entity_type_name (m->type), (int) (b - a), a);
      }
}

/* For listing only: gold clusters ("susan-rice") and saywho ids
 * ("official:susan-rice") rarely match letter for letter; the scorer maps
 * them through the mentions. */
static gboolean
speaker_looks_right (const char *gold, const char *got)
{
  if (gold == NULL || got == NULL)
    return gold == got;
  const char *dash = strrchr (gold, '-');
  g_autofree char *tail = g_ascii_strdown (dash != NULL ? dash + 1 : gold, -1);
  g_autofree char *lower = g_ascii_strdown (got, -1);
  return strstr (lower, tail) != NULL;
}

static void
list_quote_errors (GString *out, const SaywhoDocument *doc, const SaywhoAnnotations *gold,
                   const SaywhoAnnotations *predicted)
{
  const SaywhoAnnotations *sides[2] = { gold, predicted };
  for (guint side = 0; side < 2; side++)
    for (guint i = 0; i < sides[side]->quotes->len; i++)
      {
        const SaywhoQuoteMention *m = &g_array_index (sides[side]->quotes, SaywhoQuoteMention, i);
        const SaywhoAnnotations *other = sides[1 - side];
        const SaywhoQuoteMention *match = NULL;
        for (guint k = 0; k < other->quotes->len && match == NULL; k++)
          {
            const SaywhoQuoteMention *o = &g_array_index (other->quotes, SaywhoQuoteMention, k);
            guint32 lo = MAX (o->start, m->start), hi = MIN (o->end, m->end);
            guint32 longer = MAX (o->end - o->start, m->end - m->start);
            if (o->kind == m->kind && hi > lo && 2 * (hi - lo) >= longer)
              match = o;
          }
        const char *a = g_utf8_offset_to_pointer (doc->text, m->start);
        const char *b = g_utf8_offset_to_pointer (doc->text, MIN (m->end, m->start + 70));
        if (match == NULL)
          g_string_append_printf (out, "  %s %-8s %s: %.*s\n", side == 0 ? "missed  " : "spurious",
                                  m->kind == SAYWHO_QUOTE_DIRECT ? "direct" : "indirect",
                                  m->speaker ? m->speaker : "_", (int) (b - a), a);
        else if (side == 0 && !speaker_looks_right (m->speaker, match->speaker))
          g_string_append_printf (out, "  speaker  %-8s gold %s, got %s: %.*s\n",
                                  m->kind == SAYWHO_QUOTE_DIRECT ? "direct" : "indirect",
                                  m->speaker ? m->speaker : "_",
                                  match->speaker ? match->speaker : "_", (int) (b - a), a);
      }
}

void
test_score_gold (SaywhoScore *score, GString *out)
{
  g_autofree char *gold_dir = test_source_path ("tests", "gold", NULL);
  g_autofree char *corpus_dir = test_source_path ("corpus", NULL);
  test_score_set (score, gold_dir, corpus_dir, out);
}

void
test_score_set (SaywhoScore *score, const char *gold_dir, const char *corpus_dir, GString *out)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  collect_gold_files (gold_dir, files);
  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (SaywhoAnnotations) gold = saywho_gold_read (g_ptr_array_index (files, i), &error);
      g_assert_no_error (error);
      g_autofree char *article = g_build_filename (corpus_dir, gold->doc_id, NULL);
      g_autoptr (SaywhoDocument) doc = saywho_document_new_take (gold->doc_id, article, NULL, 0);
      g_assert_true (saywho_document_load (doc, &error));
      g_assert_true (saywho_worker_process (test_worker (), doc, &error));
      g_autoptr (SaywhoAnnotations) predicted = saywho_annotations_from_document (doc);
      SaywhoScore one = { 0 };
      saywho_score_add (&one, gold, predicted);
      saywho_score_add (score, gold, predicted);
      if (out != NULL)
        g_string_append_printf (out, "%-60s entities F1 %5.1f%%  quotations F1 %5.1f%%\n",
                                gold->doc_id, 100 * saywho_counts_f1 (one.entities),
                                100 * saywho_counts_f1 (one.quotes));
      if (out != NULL && test_score_list_errors)
        {
          list_entity_errors (out, doc, gold, predicted);
          list_quote_errors (out, doc, gold, predicted);
        }
    }
}

void
test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      const char *name;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            test_remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

void
test_show_diff (const char *expected_path, const char *actual)
{
  g_autofree char *actual_path = NULL;
  int fd = g_file_open_tmp ("saywho-actual-XXXXXX", &actual_path, NULL);
  if (fd < 0)
    return;
  close (fd);
  g_file_set_contents (actual_path, actual, -1, NULL);
  const char *argv[] = { "diff", "-u", expected_path, actual_path, NULL };
  g_autofree char *out = NULL;
  if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                    NULL, NULL) && out != NULL)
    {
      /* Keep the message readable: the first 200 lines of the diff. */
      char *cut = out;
      for (guint lines = 0; cut != NULL && lines < 200; lines++)
        cut = strchr (cut + 1, '\n');
      if (cut != NULL)
        strcpy (cut, "\n[diff cut at 200 lines]\n");
      g_test_message ("%s", out);
    }
  g_unlink (actual_path);
}
