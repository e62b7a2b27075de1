/* score.c — standoff annotations, the gold reader, and the scorer. */
#include "score.h"
#include "stage.h"

#include <stdlib.h>
#include <string.h>

static void
entity_clear (gpointer data)
{
  g_free (((SaywhoEntityMention *) data)->id);
}

static void
quote_clear (gpointer data)
{
  g_free (((SaywhoQuoteMention *) data)->speaker);
}

SaywhoAnnotations *
saywho_annotations_new (const char *doc_id)
{
  SaywhoAnnotations *a = g_new0 (SaywhoAnnotations, 1);
  a->doc_id = g_strdup (doc_id);
  a->entities = g_array_new (FALSE, FALSE, sizeof (SaywhoEntityMention));
  g_array_set_clear_func (a->entities, entity_clear);
  a->quotes = g_array_new (FALSE, FALSE, sizeof (SaywhoQuoteMention));
  g_array_set_clear_func (a->quotes, quote_clear);
  return a;
}

void
saywho_annotations_free (SaywhoAnnotations *a)
{
  if (a == NULL)
    return;
  g_free (a->doc_id);
  g_array_unref (a->entities);
  g_array_unref (a->quotes);
  g_free (a);
}

void
saywho_annotations_add_entity (SaywhoAnnotations *a, guint32 start, guint32 end,
                               SaywhoEntityType type, const char *id)
{
  SaywhoEntityMention m = { start, end, type, g_strdup (id) };
  g_array_append_val (a->entities, m);
}

void
saywho_annotations_add_quote (SaywhoAnnotations *a, const SaywhoQuoteMention *quote)
{
  SaywhoQuoteMention q = *quote;
  q.speaker = g_strdup (quote->speaker);
  g_array_append_val (a->quotes, q);
}

/* Character offsets of a token span; SAYWHO_NO_OFFSET for an empty one. */
static void
span_chars (const SaywhoDocument *doc, SaywhoSpan span, guint32 *start, guint32 *end)
{
  if (span.start >= span.end || span.end > doc->tokens->len)
    {
      *start = *end = SAYWHO_NO_OFFSET;
      return;
    }
  *start = saywho_document_token (doc, span.start)->char_start;
  *end = saywho_document_token (doc, span.end - 1)->char_end;
}

SaywhoAnnotations *
saywho_annotations_from_document (const SaywhoDocument *doc)
{
  SaywhoAnnotations *a = saywho_annotations_new (doc->id);
  for (guint i = 0; i < doc->entities->len; i++)
    {
      const SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, i);
      guint32 start, end;
      span_chars (doc, e->span, &start, &end);
      if (start != SAYWHO_NO_OFFSET)
        saywho_annotations_add_entity (a, start, end, e->type, e->id);
    }
  for (guint i = 0; i < doc->quotes->len; i++)
    {
      const SaywhoQuote *q = &g_array_index (doc->quotes, SaywhoQuote, i);
      SaywhoQuoteMention m = { .kind = q->kind, .speaker = (char *) q->speaker };
      span_chars (doc, q->span, &m.start, &m.end);
      span_chars (doc, q->mention, &m.mention_start, &m.mention_end);
      span_chars (doc, q->cue, &m.cue_start, &m.cue_end);
      if (m.start != SAYWHO_NO_OFFSET)
        saywho_annotations_add_quote (a, &m);
    }
  return a;
}

/* ---- the gold reader ------------------------------------------------------ */

static gboolean
parse_offset (const char *s, guint32 *out)
{
  if (strcmp (s, "_") == 0)
    {
      *out = SAYWHO_NO_OFFSET;
      return TRUE;
    }
  char *end = NULL;
  guint64 v = g_ascii_strtoull (s, &end, 10);
  if (end == s || *end != '\0' || v >= SAYWHO_NO_OFFSET)
    return FALSE;
  *out = (guint32) v;
  return TRUE;
}

SaywhoAnnotations *
saywho_gold_read (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &contents, NULL, &local))
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT, "%s", local->message);
      return NULL;
    }
  g_autoptr (SaywhoAnnotations) a = saywho_annotations_new (NULL);
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  for (guint n = 0; lines[n] != NULL; n++)
    {
      char *line = lines[n];
      g_strchomp (line);
      if (g_str_has_prefix (line, "# doc = "))
        {
          g_free (a->doc_id);
          a->doc_id = g_strdup (line + strlen ("# doc = "));
          continue;
        }
      if (line[0] == '\0' || line[0] == '#')
        continue;
      g_auto (GStrv) f = g_strsplit (line, "\t", -1);
      guint nf = g_strv_length (f);
      gboolean ok = FALSE;
      if (f[0][0] == 'E' && f[0][1] == '\0' && nf >= 5)
        {
          guint32 start, end;
          SaywhoEntityType type;
          ok = parse_offset (f[1], &start) && parse_offset (f[2], &end)
               && start != SAYWHO_NO_OFFSET && end > start
               && saywho_entity_type_parse (f[3], &type);
          if (ok)
            saywho_annotations_add_entity (a, start, end, type, f[4]);
        }
      else if (f[0][0] == 'Q' && f[0][1] == '\0' && nf >= 9)
        {
          SaywhoQuoteMention q = { 0 };
          ok = parse_offset (f[1], &q.start) && parse_offset (f[2], &q.end)
               && q.start != SAYWHO_NO_OFFSET && q.end > q.start
               && (strcmp (f[3], "direct") == 0 || strcmp (f[3], "indirect") == 0)
               && parse_offset (f[5], &q.mention_start) && parse_offset (f[6], &q.mention_end)
               && parse_offset (f[7], &q.cue_start) && parse_offset (f[8], &q.cue_end);
          if (ok)
            {
              q.kind = strcmp (f[3], "direct") == 0 ? SAYWHO_QUOTE_DIRECT : SAYWHO_QUOTE_INDIRECT;
              q.speaker = strcmp (f[4], "_") == 0 ? NULL : f[4];
              saywho_annotations_add_quote (a, &q);
            }
        }
      if (!ok)
        {
          g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                       "%s:%u: not a gold line (E or Q with offsets, see tests/gold/README.md)",
                       path, n + 1);
          return NULL;
        }
    }
  if (a->doc_id == NULL)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT, "%s: no '# doc = ' line", path);
      return NULL;
    }
  return g_steal_pointer (&a);
}

/* ---- scoring ----------------------------------------------------------- */

static gboolean
same_entity (const SaywhoEntityMention *a, const SaywhoEntityMention *b)
{
  return a->start == b->start && a->end == b->end && a->type == b->type;
}

static guint32
overlap (guint32 a0, guint32 a1, guint32 b0, guint32 b1)
{
  guint32 lo = MAX (a0, b0), hi = MIN (a1, b1);
  return hi > lo ? hi - lo : 0;
}

static gboolean
spans_overlap (guint32 a0, guint32 a1, guint32 b0, guint32 b1)
{
  return a0 != SAYWHO_NO_OFFSET && b0 != SAYWHO_NO_OFFSET && overlap (a0, a1, b0, b1) > 0;
}

/* Which reference entity each predicted id stands for: the reference id
 * whose mentions its own mentions overlap most. */
static GHashTable *
map_ids (const SaywhoAnnotations *reference, const SaywhoAnnotations *predicted)
{
  g_autoptr (GHashTable) votes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint p = 0; p < predicted->entities->len; p++)
    {
      const SaywhoEntityMention *pm = &g_array_index (predicted->entities, SaywhoEntityMention, p);
      if (pm->id == NULL)
        continue;
      for (guint r = 0; r < reference->entities->len; r++)
        {
          const SaywhoEntityMention *rm = &g_array_index (reference->entities,
                                                          SaywhoEntityMention, r);
          if (rm->id == NULL || !spans_overlap (pm->start, pm->end, rm->start, rm->end))
            continue;
          char *key = g_strdup_printf ("%s\t%s", pm->id, rm->id);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (votes, key));
          g_hash_table_replace (votes, key, GUINT_TO_POINTER (count + 1));
        }
    }
  GHashTable *best = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTable *best_count = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, votes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *tab = strchr (key, '\t');
      g_autofree char *pid = g_strndup (key, (gsize) (tab - (const char *) key));
      guint count = GPOINTER_TO_UINT (value);
      guint current = GPOINTER_TO_UINT (g_hash_table_lookup (best_count, pid));
      const char *current_id = g_hash_table_lookup (best, pid);
      /* Ties go to the smaller id, so the result does not depend on hashing. */
      if (count > current || (count == current && current_id && strcmp (tab + 1, current_id) < 0))
        {
          g_hash_table_replace (best_count, g_strdup (pid), GUINT_TO_POINTER (count));
          g_hash_table_replace (best, g_strdup (pid), g_strdup (tab + 1));
        }
    }
  g_hash_table_unref (best_count);
  return best;
}

static gboolean
speaker_right (const SaywhoQuoteMention *r, const SaywhoQuoteMention *p, GHashTable *ids,
               const SaywhoAnnotations *reference)
{
  if (p->speaker == NULL)
    return FALSE;
  const char *mapped = g_hash_table_lookup (ids, p->speaker);
  if (mapped != NULL)
    return strcmp (mapped, r->speaker) == 0;
  /* The predicted speaker has no mention that overlaps a reference one: it
   * is right only if its own id is the reference's (same-system outputs). */
  (void) reference;
  return strcmp (p->speaker, r->speaker) == 0;
}

void
saywho_score_add (SaywhoScore *score, const SaywhoAnnotations *reference,
                  const SaywhoAnnotations *predicted)
{
  score->documents++;

  /* Entities: exact span and type. */
  guint nr = reference->entities->len, np = predicted->entities->len;
  g_autofree gboolean *used = g_new0 (gboolean, MAX (np, 1));
  for (guint r = 0; r < nr; r++)
    {
      const SaywhoEntityMention *rm = &g_array_index (reference->entities, SaywhoEntityMention, r);
      gboolean found = FALSE;
      for (guint p = 0; p < np && !found; p++)
        if (!used[p] && same_entity (rm, &g_array_index (predicted->entities,
                                                         SaywhoEntityMention, p)))
          found = used[p] = TRUE;
      SaywhoCounts *counts[] = { &score->type[rm->type], &score->entities,
                                 rm->type != SAYWHO_ENTITY_MISC ? &score->entities_plo : NULL };
      for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
        if (counts[k] != NULL)
          {
            if (found)
              counts[k]->tp++;
            else
              counts[k]->fn++;
          }
    }
  for (guint p = 0; p < np; p++)
    if (!used[p])
      {
        const SaywhoEntityMention *pm = &g_array_index (predicted->entities,
                                                        SaywhoEntityMention, p);
        score->type[pm->type].fp++;
        score->entities.fp++;
        if (pm->type != SAYWHO_ENTITY_MISC)
          score->entities_plo.fp++;
      }

  /* Quotations: overlap of at least half the longer one, one-to-one, the
   * best overlap first. */
  g_autoptr (GHashTable) ids = map_ids (reference, predicted);
  guint qr = reference->quotes->len, qp = predicted->quotes->len;
  g_autofree gboolean *quote_used = g_new0 (gboolean, MAX (qp, 1));
  for (guint r = 0; r < qr; r++)
    {
      const SaywhoQuoteMention *rq = &g_array_index (reference->quotes, SaywhoQuoteMention, r);
      gint best = -1;
      guint32 best_overlap = 0;
      for (guint p = 0; p < qp; p++)
        {
          const SaywhoQuoteMention *pq = &g_array_index (predicted->quotes,
                                                         SaywhoQuoteMention, p);
          if (quote_used[p] || pq->kind != rq->kind)
            continue;
          guint32 o = overlap (rq->start, rq->end, pq->start, pq->end);
          guint32 longer = MAX (rq->end - rq->start, pq->end - pq->start);
          if (2 * o >= longer && o > best_overlap)
            {
              best = (gint) p;
              best_overlap = o;
            }
        }
      SaywhoCounts *kind = &score->quotes_kind[rq->kind];
      if (best < 0)
        {
          kind->fn++;
          score->quotes.fn++;
          continue;
        }
      quote_used[best] = TRUE;
      kind->tp++;
      score->quotes.tp++;
      if (rq->speaker != NULL)
        {
          score->speakers_matched++;
          const SaywhoQuoteMention *pq = &g_array_index (predicted->quotes, SaywhoQuoteMention,
                                                         best);
          if (speaker_right (rq, pq, ids, reference))
            score->speakers_right++;
        }
    }
  for (guint p = 0; p < qp; p++)
    if (!quote_used[p])
      {
        const SaywhoQuoteMention *pq = &g_array_index (predicted->quotes, SaywhoQuoteMention, p);
        score->quotes_kind[pq->kind].fp++;
        score->quotes.fp++;
      }
}

double
saywho_counts_precision (SaywhoCounts c)
{
  return c.tp + c.fp > 0 ? (double) c.tp / (c.tp + c.fp) : 0.0;
}

double
saywho_counts_recall (SaywhoCounts c)
{
  return c.tp + c.fn > 0 ? (double) c.tp / (c.tp + c.fn) : 0.0;
}

double
saywho_counts_f1 (SaywhoCounts c)
{
  double p = saywho_counts_precision (c), r = saywho_counts_recall (c);
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static void
report_line (GString *out, const char *label, SaywhoCounts c)
{
  g_string_append_printf (out, "%-17s precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %u\n",
                          label, 100 * saywho_counts_precision (c),
                          100 * saywho_counts_recall (c), 100 * saywho_counts_f1 (c),
                          c.tp + c.fp);
}

void
saywho_score_report (const SaywhoScore *score, GString *out)
{
  SaywhoCounts e = score->entities;
  g_string_append_printf (out, "documents: %u\n", score->documents);
  g_string_append_printf (out, "entities: found %u phrases; correct: %u; reference: %u.\n",
                          e.tp + e.fp, e.tp, e.tp + e.fn);
  report_line (out, "entities (all)", e);
  report_line (out, "entities PER+ORG+LOC", score->entities_plo);
  for (guint t = 0; t < G_N_ELEMENTS (score->type); t++)
    {
      g_autofree char *label = g_strdup_printf ("%17s", saywho_entity_type_name (t));
      report_line (out, label, score->type[t]);
    }
  report_line (out, "quotations (all)", score->quotes);
  report_line (out, "           direct", score->quotes_kind[SAYWHO_QUOTE_DIRECT]);
  report_line (out, "         indirect", score->quotes_kind[SAYWHO_QUOTE_INDIRECT]);
  g_string_append_printf (out, "speaker accuracy: %6.2f%% (%u of %u matched quotations)\n",
                          score->speakers_matched
                            ? 100.0 * score->speakers_right / score->speakers_matched
                            : 0.0,
                          score->speakers_right, score->speakers_matched);
}
