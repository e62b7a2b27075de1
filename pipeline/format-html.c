/* format-html.c — one self-contained page for a run, to read the
 * annotations rather than count columns.
 *
 * The page has inline CSS and nothing else: no script runs, nothing is
 * fetched.  Each document is an <article id="doc-N"> (N its place in the
 * input, so anchors stay unique when two documents share an id) with:
 *   - a summary: entities by type, quotations by kind, and a table of who
 *     said how much (quotations and quoted words per speaker);
 *   - its text, paragraph by paragraph, with entities highlighted by type
 *     (<mark class="ent per">, the id and canonical name in the title
 *     shown on hover), quotations underlined and labelled with their
 *     speaker, and each quotation's speaker mention and cue marked;
 *   - its annotations as the jsonl record, in a <script
 *     type="application/json" class="saywho-data"> element on one line,
 *     so that `saywho eval` and other programs read the page exactly.
 * The footer lists the documents (a contents list with anchors) when the
 * page holds more than one; the CSS grid shows it as a side bar even
 * though it comes last, so the page streams with memory for one entry a
 * document rather than for the documents themselves.
 *
 * Spans may nest (an entity inside a quotation, a quotation inside
 * another) or cross (a quotation over several paragraphs); HTML elements
 * may only nest, so a span that crosses a paragraph or an element that
 * closes before it is cut into pieces: every piece carries the title, the
 * first the quotation's label, the last the entity's type.
 */
#include "format.h"
#include "config.h"

#include <string.h>

typedef enum {
  MARK_QUOTE,
  MARK_MENTION,
  MARK_CUE,
  MARK_ENTITY,
} MarkKind;

typedef struct {
  guint32 start, end;   /* token span */
  MarkKind kind;
  guint index;          /* into doc->entities or doc->quotes */
  char *title;
  char *label;          /* quotations: shown at the start; entities: the type */
} Mark;

static void
append_escaped (GString *out, const char *s, gssize len)
{
  const char *end = len < 0 ? s + strlen (s) : s + len;
  const char *run = s;
  for (const char *p = s; p < end; p++)
    {
      const char *entity;
      switch (*p)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = "&#39;"; break;
        default: continue;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, entity);
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
}

static const char *
type_class (SaywhoEntityType type)
{
  switch (type)
    {
    case SAYWHO_ENTITY_PER: return "per";
    case SAYWHO_ENTITY_ORG: return "org";
    case SAYWHO_ENTITY_LOC: return "loc";
    case SAYWHO_ENTITY_MISC: return "misc";
    }
  return "misc";
}

static const char page_style[] =
  ":root{--per:#d9d0fe;--org:#bdf4f4;--loc:#fee3b0;--misc:#e6e8d8;--quote:#1f6fab;"
  "--ink:#1d1d1f;--muted:#5f6368;--line:#dadce0;font-family:system-ui,-apple-system,"
  "'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;color:var(--ink);line-height:1.6}\n"
  "body{margin:0;display:grid;grid-template-columns:minmax(12rem,19rem) minmax(0,1fr);"
  "background:#fafafa}\n"
  "body>header{grid-column:1/-1;grid-row:1;padding:.8rem 1.5rem;border-bottom:1px solid "
  "var(--line);background:#fff}\n"
  "body>header h1{margin:0;font-size:1.3rem}\n"
  ".legend{margin:.3rem 0 0;font-size:.85rem;color:var(--muted)}\n"
  "main{grid-column:2;grid-row:2;min-width:0;padding:1rem 1.5rem}\n"
  "main:last-child{grid-column:1/-1}\n"
  "nav#contents{grid-column:1;grid-row:2;position:sticky;top:0;align-self:start;"
  "max-height:100vh;overflow:auto;padding:1rem;border-right:1px solid var(--line);"
  "font-size:.85rem;box-sizing:border-box}\n"
  "nav#contents h2{font-size:1rem;margin:0 0 .5rem}\n"
  "nav#contents ol{margin:0;padding-left:1.4rem}\n"
  "nav#contents li{margin:.2rem 0;overflow-wrap:anywhere}\n"
  "nav#contents .n{color:var(--muted);white-space:nowrap}\n"
  "@media (max-width:50rem){body{display:block}nav#contents{position:static;"
  "max-height:none;border-right:0;border-top:1px solid var(--line)}}\n"
  "article.doc{background:#fff;border:1px solid var(--line);border-radius:8px;"
  "padding:1rem 1.5rem;margin:0 0 1.5rem;max-width:52rem}\n"
  "article.doc h2{font-size:1.05rem;margin:0;overflow-wrap:anywhere}\n"
  "article.doc h2 a{color:inherit;text-decoration:none}\n"
  ".counts{margin:.2rem 0 .6rem;color:var(--muted);font-size:.9rem}\n"
  "table.speakers{border-collapse:collapse;font-size:.88rem;margin:.4rem 0 .8rem;"
  "min-width:60%}\n"
  "table.speakers caption{text-align:left;font-weight:600;padding-bottom:.2rem}\n"
  "table.speakers th,table.speakers td{padding:.15rem .6rem .15rem 0;text-align:left;"
  "border-bottom:1px solid #eee;vertical-align:baseline}\n"
  "table.speakers td.num{text-align:right}\n"
  "table.speakers code{color:var(--muted);font-size:.8rem}\n"
  "table.speakers .bar{display:inline-block;height:.6rem;background:var(--quote);"
  "border-radius:2px;margin-right:.3rem;vertical-align:middle}\n"
  "table.speakers tr.nobody th{font-weight:normal;font-style:italic}\n"
  ".no-quotes{color:var(--muted);font-size:.9rem}\n"
  ".text p{margin:.5rem 0}\n"
  ".text p.headline{font-size:1.2rem;font-weight:600}\n"
  "mark.ent{padding:.05em .2em;border-radius:.3em;color:inherit;"
  "box-decoration-break:clone;-webkit-box-decoration-break:clone}\n"
  "mark.per{background:var(--per)}mark.org{background:var(--org)}"
  "mark.loc{background:var(--loc)}mark.misc{background:var(--misc)}\n"
  "mark.ent .type::after{content:attr(data-type);font-size:.62em;font-weight:700;"
  "margin-left:.3em;vertical-align:middle;opacity:.75;letter-spacing:.02em}\n"
  ".quote{border-bottom:2px solid var(--quote);background:rgba(31,111,171,.06)}\n"
  ".quote.indirect{border-bottom-style:dashed}\n"
  ".quote .who::before{content:attr(data-label);font-size:.7em;font-weight:600;"
  "color:#fff;background:var(--quote);border-radius:.6em;padding:.05em .45em;"
  "margin-right:.25em;vertical-align:middle;white-space:nowrap}\n"
  ".mention{box-shadow:inset 0 -.18em 0 #d6336c}\n"
  ".cue{text-decoration:underline dotted #d6336c;text-underline-offset:.2em}\n";

static void
html_header (const SaywhoFormat *format, GString *out)
{
  g_string_append (out,
    "<!DOCTYPE html>\n"
    "<html lang=\"en\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<meta name=\"generator\" content=\"saywho " SAYWHO_VERSION "\">\n"
    "<title>saywho: who said what</title>\n"
    "<style>\n");
  g_string_append (out, page_style);
  g_string_append (out,
    "</style>\n"
    "</head>\n"
    "<body>\n"
    "<header>\n"
    "<h1>saywho: who said what</h1>\n"
    "<p class=\"legend\">Entities: "
    "<mark class=\"ent per\">person<span class=\"type\" data-type=\"PER\"></span></mark> "
    "<mark class=\"ent org\">organization<span class=\"type\" data-type=\"ORG\"></span></mark> "
    "<mark class=\"ent loc\">place<span class=\"type\" data-type=\"LOC\"></span></mark> "
    "<mark class=\"ent misc\">other<span class=\"type\" data-type=\"MISC\"></span></mark>"
    " &middot; <span class=\"quote direct\">direct quotation</span>"
    " &middot; <span class=\"quote indirect\">reported speech</span>"
    " &middot; <span class=\"mention\">speaker</span>"
    " &middot; <span class=\"cue\">cue</span>"
    " &middot; hover for ids</p>\n"
    "</header>\n"
    "<main>\n");
}

/* ---- the summary ---------------------------------------------------------- */

typedef struct {
  const char *id;     /* NULL: no speaker */
  const char *name;
  guint quotes, words;
} SpeakerTotal;

static int
compare_totals (gconstpointer a, gconstpointer b)
{
  const SpeakerTotal *x = a, *y = b;
  if (x->words != y->words)
    return x->words > y->words ? -1 : 1;
  if (x->quotes != y->quotes)
    return x->quotes > y->quotes ? -1 : 1;
  if ((x->id == NULL) != (y->id == NULL))
    return x->id == NULL ? 1 : -1;   /* the unattributed row goes last */
  return g_strcmp0 (x->id, y->id);
}

static guint
count_words (const SaywhoDocument *doc, SaywhoSpan span)
{
  guint words = 0;
  for (guint i = span.start; i < span.end && i < doc->tokens->len; i++)
    {
      guint16 kind = saywho_document_token (doc, i)->kind;
      words += kind == SAYWHO_TOKEN_WORD || kind == SAYWHO_TOKEN_NUMBER
               || kind == SAYWHO_TOKEN_ABBREVIATION;
    }
  return words;
}

static void
append_summary (GString *out, const SaywhoDocument *doc)
{
  guint by_type[4] = { 0 }, by_kind[2] = { 0 };
  for (guint e = 0; e < doc->entities->len; e++)
    by_type[g_array_index (doc->entities, SaywhoEntity, e).type]++;

  g_autoptr (GArray) totals = g_array_new (FALSE, TRUE, sizeof (SpeakerTotal));
  guint all_words = 0;
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      by_kind[quote->kind]++;
      SpeakerTotal *total = NULL;
      for (guint t = 0; t < totals->len && total == NULL; t++)
        if (g_strcmp0 (g_array_index (totals, SpeakerTotal, t).id, quote->speaker) == 0)
          total = &g_array_index (totals, SpeakerTotal, t);
      if (total == NULL)
        {
          SpeakerTotal fresh = { quote->speaker, quote->speaker_name, 0, 0 };
          g_array_append_val (totals, fresh);
          total = &g_array_index (totals, SpeakerTotal, totals->len - 1);
        }
      if (total->name == NULL)
        total->name = quote->speaker_name;
      guint words = count_words (doc, quote->span);
      total->quotes++;
      total->words += words;
      all_words += words;
    }
  g_array_sort (totals, compare_totals);

  g_string_append_printf (out, "<p class=\"counts\">%u entit%s", doc->entities->len,
                          doc->entities->len == 1 ? "y" : "ies");
  if (doc->entities->len > 0)
    {
      const char *sep = ": ";
      for (guint t = 0; t < G_N_ELEMENTS (by_type); t++)
        if (by_type[t] > 0)
          {
            g_string_append_printf (out, "%s%u %s", sep, by_type[t],
                                    saywho_entity_type_name ((SaywhoEntityType) t));
            sep = ", ";
          }
    }
  g_string_append_printf (out, " &middot; %u quotation%s", doc->quotes->len,
                          doc->quotes->len == 1 ? "" : "s");
  if (doc->quotes->len > 0)
    g_string_append_printf (out, " (%u direct, %u reported)", by_kind[SAYWHO_QUOTE_DIRECT],
                            by_kind[SAYWHO_QUOTE_INDIRECT]);
  g_string_append (out, "</p>\n");

  if (totals->len == 0)
    {
      g_string_append (out, "<p class=\"no-quotes\">No quotations found.</p>\n");
      return;
    }
  g_string_append (out,
    "<table class=\"speakers\">\n<caption>Who said how much</caption>\n"
    "<thead><tr><th scope=\"col\">speaker</th><th scope=\"col\">quotations</th>"
    "<th scope=\"col\">words</th><th scope=\"col\">share of quoted words</th></tr></thead>\n"
    "<tbody>\n");
  for (guint t = 0; t < totals->len; t++)
    {
      const SpeakerTotal *total = &g_array_index (totals, SpeakerTotal, t);
      guint share = all_words > 0 ? (guint) ((100.0 * total->words / all_words) + 0.5) : 0;
      if (total->id == NULL)
        g_string_append (out, "<tr class=\"nobody\"><th scope=\"row\">no named speaker</th>");
      else
        {
          g_string_append (out, "<tr><th scope=\"row\">");
          if (total->name != NULL)
            {
              append_escaped (out, total->name, -1);
              g_string_append_c (out, ' ');
            }
          g_string_append (out, "<code>");
          append_escaped (out, total->id, -1);
          g_string_append (out, "</code></th>");
        }
      g_string_append_printf (out, "<td class=\"num\">%u</td><td class=\"num\">%u</td>"
                              "<td><span class=\"bar\" style=\"width:%.1frem\"></span>%u%%"
                              "</td></tr>\n",
                              total->quotes, total->words, share / 10.0, share);
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

/* ---- the text ------------------------------------------------------------- */

static void
mark_clear (gpointer data)
{
  Mark *mark = data;
  g_free (mark->title);
  g_free (mark->label);
}

static char *
speaker_text (const SaywhoQuote *quote)
{
  if (quote->speaker == NULL)
    return g_strdup ("no named speaker");
  if (quote->speaker_name != NULL)
    return g_strdup_printf ("%s (%s)", quote->speaker_name, quote->speaker);
  return g_strdup (quote->speaker);
}

/* A speaker mention or cue: one mark for every quotation that shares it
 * (a partial quotation shares its attribution with the reported clause). */
static void
add_attribution_mark (GArray *marks, GHashTable *seen, MarkKind kind, SaywhoSpan span,
                      guint q, const SaywhoQuote *quote)
{
  if (span.start >= span.end)
    return;
  char *key = g_strdup_printf ("%d:%u:%u", kind, span.start, span.end);
  guint known = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));
  if (known > 0)
    {
      Mark *mark = &g_array_index (marks, Mark, known - 1);
      char *title = g_strdup_printf ("%s, Q%u", mark->title, q + 1);
      g_free (mark->title);
      mark->title = title;
      g_free (key);
      return;
    }
  g_hash_table_insert (seen, key, GUINT_TO_POINTER (marks->len + 1));
  g_autofree char *who = speaker_text (quote);
  Mark mark = {
    .start = span.start, .end = span.end, .kind = kind, .index = q,
    .title = kind == MARK_MENTION ? g_strdup_printf ("speaker %s of Q%u", who, q + 1)
                                  : g_strdup_printf ("speech cue of Q%u", q + 1),
  };
  g_array_append_val (marks, mark);
}

static GArray *
collect_marks (const SaywhoDocument *doc)
{
  GArray *marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  g_array_set_clear_func (marks, mark_clear);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = doc->tokens->len;
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      if (quote->span.start >= quote->span.end || quote->span.end > n)
        continue;
      g_autofree char *who = speaker_text (quote);
      const char *kind = quote->kind == SAYWHO_QUOTE_DIRECT ? "direct" : "reported";
      Mark mark = {
        .start = quote->span.start, .end = quote->span.end, .kind = MARK_QUOTE, .index = q,
        .title = g_strdup_printf ("Q%u, %s: %s", q + 1, kind, who),
        .label = g_strdup_printf ("Q%u %s", q + 1,
                                  quote->speaker == NULL ? "no named speaker"
                                  : quote->speaker_name != NULL ? quote->speaker_name
                                  : quote->speaker),
      };
      g_array_append_val (marks, mark);
      if (quote->mention.end <= n)
        add_attribution_mark (marks, seen, MARK_MENTION, quote->mention, q, quote);
      if (quote->cue.end <= n)
        add_attribution_mark (marks, seen, MARK_CUE, quote->cue, q, quote);
    }
  for (guint e = 0; e < doc->entities->len; e++)
    {
      const SaywhoEntity *entity = &g_array_index (doc->entities, SaywhoEntity, e);
      if (entity->span.start >= entity->span.end || entity->span.end > n)
        continue;
      const char *type = saywho_entity_type_name (entity->type);
      GString *title = g_string_new (type);
      if (entity->id != NULL)
        g_string_append_printf (title, " %s", entity->id);
      if (entity->name != NULL)
        g_string_append_printf (title, ": %s", entity->name);
      Mark mark = {
        .start = entity->span.start, .end = entity->span.end, .kind = MARK_ENTITY,
        .index = e, .title = g_string_free (title, FALSE), .label = g_strdup (type),
      };
      g_array_append_val (marks, mark);
    }
  return marks;
}

/* The order marks open in where several start at once: quotations
 * outermost, then speaker and cue, entities innermost; among equals the
 * longer one outside. */
static int
compare_marks (const Mark *a, const Mark *b)
{
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end > b->end ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

static int
compare_mark_pointers (gconstpointer a, gconstpointer b)
{
  return compare_marks (*(Mark *const *) a, *(Mark *const *) b);
}

static void
open_mark (GString *out, const SaywhoDocument *doc, const Mark *mark, guint at)
{
  gboolean first = at == mark->start;
  switch (mark->kind)
    {
    case MARK_QUOTE:
      {
        const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, mark->index);
        g_string_append_printf (out, "<span class=\"quote %s\" data-q=\"Q%u\" title=\"",
                                quote->kind == SAYWHO_QUOTE_DIRECT ? "direct" : "indirect",
                                mark->index + 1);
        append_escaped (out, mark->title, -1);
        g_string_append (out, "\">");
        if (first)
          {
            g_string_append (out, "<span class=\"who\" data-label=\"");
            append_escaped (out, mark->label, -1);
            g_string_append (out, "\"></span>");
          }
        break;
      }
    case MARK_MENTION:
    case MARK_CUE:
      g_string_append_printf (out, "<span class=\"%s\" title=\"",
                              mark->kind == MARK_MENTION ? "mention" : "cue");
      append_escaped (out, mark->title, -1);
      g_string_append (out, "\">");
      break;
    case MARK_ENTITY:
      {
        const SaywhoEntity *entity = &g_array_index (doc->entities, SaywhoEntity, mark->index);
        g_string_append_printf (out, "<mark class=\"ent %s\"", type_class (entity->type));
        if (entity->id != NULL)
          {
            g_string_append (out, " data-id=\"");
            append_escaped (out, entity->id, -1);
            g_string_append_c (out, '"');
          }
        g_string_append (out, " title=\"");
        append_escaped (out, mark->title, -1);
        g_string_append (out, "\">");
        break;
      }
    }
}

static void
close_mark (GString *out, const Mark *mark, guint at)
{
  if (mark->kind == MARK_ENTITY)
    {
      if (at >= mark->end)
        g_string_append_printf (out, "<span class=\"type\" data-type=\"%s\"></span>",
                                mark->label);
      g_string_append (out, "</mark>");
    }
  else
    g_string_append (out, "</span>");
}

static gboolean
mark_covers (const Mark *mark, guint i)
{
  return mark->start <= i && i < mark->end;
}

static int
compare_starts (gconstpointer a, gconstpointer b)
{
  const Mark *x = *(Mark *const *) a, *y = *(Mark *const *) b;
  return x->start < y->start ? -1 : x->start > y->start;
}

/* The marks that cover token i, kept up to date as i grows: the marks by
 * start, how many of them have been taken in, and those still running.
 * A long document has many marks and few at once, so each token looks at
 * the few. */
typedef struct {
  GPtrArray *by_start;
  guint next;
  GPtrArray *active;
} Cover;

static void
cover_advance (Cover *cover, guint i)
{
  for (guint a = 0; a < cover->active->len;)
    if (!mark_covers (g_ptr_array_index (cover->active, a), i))
      g_ptr_array_remove_index_fast (cover->active, a);
    else
      a++;
  while (cover->next < cover->by_start->len)
    {
      Mark *mark = g_ptr_array_index (cover->by_start, cover->next);
      if (mark->start > i)
        break;
      cover->next++;
      if (mark_covers (mark, i))
        g_ptr_array_add (cover->active, mark);
    }
}

/* Brings the open elements in line with the marks that cover token i:
 * closes what ends or must reopen inside a newly opened mark, then opens
 * what is missing, outermost first. */
static void
sync_marks (GString *out, const SaywhoDocument *doc, GPtrArray *stack, GPtrArray *wanted,
            const Cover *cover, guint i, gboolean in_paragraph)
{
  g_ptr_array_set_size (wanted, 0);
  if (in_paragraph)
    for (guint m = 0; m < cover->active->len; m++)
      g_ptr_array_add (wanted, g_ptr_array_index (cover->active, m));
  g_ptr_array_sort (wanted, compare_mark_pointers);

  /* Keep the bottom of the stack as long as it matches the order wanted. */
  guint keep = 0;
  while (keep < stack->len && keep < wanted->len
         && g_ptr_array_index (stack, keep) == g_ptr_array_index (wanted, keep))
    keep++;
  while (stack->len > keep)
    {
      close_mark (out, g_ptr_array_index (stack, stack->len - 1), i);
      g_ptr_array_set_size (stack, stack->len - 1);
    }
  for (guint w = keep; w < wanted->len; w++)
    {
      Mark *mark = g_ptr_array_index (wanted, w);
      open_mark (out, doc, mark, i);
      g_ptr_array_add (stack, mark);
    }
}

static void
append_text (GString *out, const SaywhoDocument *doc)
{
  guint n = doc->tokens->len;
  if (n == 0)
    return;
  g_autoptr (GArray) marks = collect_marks (doc);
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();
  g_autoptr (GPtrArray) wanted = g_ptr_array_new ();
  g_autoptr (GPtrArray) by_start = g_ptr_array_sized_new (marks->len);
  g_autoptr (GPtrArray) active = g_ptr_array_new ();
  for (guint m = 0; m < marks->len; m++)
    g_ptr_array_add (by_start, &g_array_index (marks, Mark, m));
  g_ptr_array_sort (by_start, compare_starts);
  Cover cover = { by_start, 0, active };

  /* Paragraphs as the segmenter found them; the whole text if it found none. */
  SaywhoSpan whole = { 0, n };
  guint nparagraphs = doc->paragraphs->len > 0 ? doc->paragraphs->len : 1;

  g_string_append (out, "<div class=\"text\">\n");
  for (guint p = 0; p < nparagraphs; p++)
    {
      SaywhoSpan para = doc->paragraphs->len > 0
                          ? g_array_index (doc->paragraphs, SaywhoSpan, p) : whole;
      if (para.start >= para.end || para.end > n)
        continue;
      gboolean headline = saywho_document_token (doc, para.start)->flags & SAYWHO_TOKEN_HEADLINE;
      g_string_append (out, headline ? "<p class=\"headline\">" : "<p>");
      for (guint i = para.start; i < para.end; i++)
        {
          const SaywhoToken *tok = saywho_document_token (doc, i);
          if (i > para.start)
            {
              /* Close what ends here before the space, open after it. */
              const SaywhoToken *prev = saywho_document_token (doc, i - 1);
              guint keep = 0;
              while (keep < stack->len && mark_covers (g_ptr_array_index (stack, keep), i))
                keep++;
              while (stack->len > keep)
                {
                  close_mark (out, g_ptr_array_index (stack, stack->len - 1), i);
                  g_ptr_array_set_size (stack, stack->len - 1);
                }
              append_escaped (out, doc->text + prev->byte_end,
                              (gssize) (tok->byte_start - prev->byte_end));
            }
          cover_advance (&cover, i);
          sync_marks (out, doc, stack, wanted, &cover, i, TRUE);
          gsize len;
          const char *form = saywho_token_text (doc, tok, &len);
          append_escaped (out, form, (gssize) len);
        }
      sync_marks (out, doc, stack, wanted, &cover, para.end, FALSE);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</div>\n");
}

static void
html_document (const SaywhoFormat *format, const SaywhoDocument *doc, GString *out)
{
  g_string_append_printf (out, "<article class=\"doc\" id=\"doc-%" G_GUINT64_FORMAT "\">\n"
                          "<h2><a href=\"#doc-%" G_GUINT64_FORMAT "\">",
                          doc->seq + 1, doc->seq + 1);
  /* A file name need not be UTF-8; the page is. */
  g_autofree char *id = g_utf8_make_valid (doc->id, -1);
  append_escaped (out, id, -1);
  g_string_append (out, "</a></h2>\n");
  append_summary (out, doc);
  append_text (out, doc);

  /* In a script element only "</" could end it early; "<" escaped as
   * \u003c is the same JSON. */
  g_autofree char *record = saywho_format_jsonl_record (doc);
  g_string_append (out, "<script type=\"application/json\" class=\"saywho-data\">");
  const char *run = record;
  for (const char *p = record; *p; p++)
    if (*p == '<')
      {
        g_string_append_len (out, run, p - run);
        g_string_append (out, "\\u003c");
        run = p + 1;
      }
  g_string_append (out, run);
  g_string_append (out, "</script>\n</article>\n");
}

static void
html_footer (const SaywhoFormat *format, const GArray *written, GString *out)
{
  g_string_append (out, "</main>\n");
  if (written != NULL && written->len > 1)
    {
      g_string_append_printf (out, "<nav id=\"contents\">\n<h2>%u documents</h2>\n<ol>\n",
                              written->len);
      for (guint i = 0; i < written->len; i++)
        {
          const SaywhoFormatEntry *entry = &g_array_index (written, SaywhoFormatEntry, i);
          g_string_append_printf (out, "<li><a href=\"#doc-%" G_GUINT64_FORMAT "\">",
                                  entry->seq + 1);
          g_autofree char *id = g_utf8_make_valid (entry->id, -1);
          append_escaped (out, id, -1);
          g_string_append_printf (out, "</a> <span class=\"n\">%u entit%s, %u quotation%s</span>"
                                  "</li>\n",
                                  entry->entities, entry->entities == 1 ? "y" : "ies",
                                  entry->quotes, entry->quotes == 1 ? "" : "s");
        }
      g_string_append (out, "</ol>\n</nav>\n");
    }
  g_string_append (out, "</body>\n</html>\n");
}

const SaywhoFormat saywho_format_html = {
  .name = "html",
  .extension = "html",
  .description = "one self-contained HTML page: highlighted entities, quotations, speakers",
  .lists_documents = TRUE,
  .header = html_header,
  .document = html_document,
  .footer = html_footer,
};
