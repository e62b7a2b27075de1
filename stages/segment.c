/* segment.c — the segment stage: paragraphs and sentences over tokens.
 *
 * Paragraphs: a blank line ends one.  A text with no blank line at all, whose
 * line breaks mostly follow a sentence end, holds one paragraph a line (the
 * usual shape of scraped news); otherwise single line breaks are soft wraps.
 *
 * Sentences end
 *   - at a paragraph end;
 *   - after . ! ? … (with any closing quotes and brackets that follow) when
 *     the next token can start a sentence: a capitalized word, a number, an
 *     opening quote or bracket — so `"Will we?" he asked.` stays whole;
 *   - after an abbreviation only when a word from
 *     lexicons/sentence-starters.txt follows (`in the U.S. The talks`), and
 *     never after a title (Mr., Gen.);
 *   - after a headline or byline line that the next line follows without a
 *     blank (a line with no final punctuation, mostly capitalized, or
 *     starting "By");
 *   - after a dateline: capitals at the start of a paragraph, an optional
 *     date and (agency), then a dash (`BEIJING, Sept. 14 (Xinhua) —`).
 * Headline lines at the top of the document and datelines are flagged on
 * their tokens for the later stages.
 */
#include "stages.h"
#include "../pipeline/lexicon.h"

#include <string.h>

typedef struct {
  GHashTable *starters;  /* case-folded words that begin sentences */
} Segmenter;

static inline const SaywhoToken *
tok_at (const SaywhoDocument *doc, guint i)
{
  return saywho_document_token (doc, i);
}

static gboolean
text_is (const SaywhoDocument *doc, const SaywhoToken *tok, const char *s)
{
  gsize len;
  const char *t = saywho_token_text (doc, tok, &len);
  return len == strlen (s) && memcmp (t, s, len) == 0;
}

static gboolean
is_terminal (const SaywhoDocument *doc, const SaywhoToken *tok)
{
  if (tok->kind != SAYWHO_TOKEN_PUNCT)
    return FALSE;
  gsize len;
  const char *t = saywho_token_text (doc, tok, &len);
  return t[0] == '.' || t[0] == '!' || t[0] == '?' || (len == 3 && memcmp (t, "…", 3) == 0);
}

static gboolean
is_closer (const SaywhoDocument *doc, const SaywhoToken *tok)
{
  if (tok->kind == SAYWHO_TOKEN_QUOTE)
    return (tok->flags & SAYWHO_TOKEN_QUOTE_CLOSE) != 0;
  return tok->kind == SAYWHO_TOKEN_PUNCT
         && (text_is (doc, tok, ")") || text_is (doc, tok, "]"));
}

static gboolean
is_dash (const SaywhoDocument *doc, const SaywhoToken *tok)
{
  if (tok->kind != SAYWHO_TOKEN_PUNCT)
    return FALSE;
  return text_is (doc, tok, "—") || text_is (doc, tok, "–") || text_is (doc, tok, "--")
         || (text_is (doc, tok, "-") && (tok->flags & SAYWHO_TOKEN_SPACE_AFTER));
}

static gboolean
can_start_sentence (const SaywhoDocument *doc, const SaywhoToken *tok)
{
  switch ((SaywhoTokenKind) tok->kind)
    {
    case SAYWHO_TOKEN_WORD:
    case SAYWHO_TOKEN_ABBREVIATION:
      /* Capitalized, or a script without case (the norm equals the form). */
      if (tok->flags & SAYWHO_TOKEN_CAPITALIZED)
        return TRUE;
      {
        gsize len;
        const char *t = saywho_token_text (doc, tok, &len);
        return (guchar) t[0] >= 0x80 && strncmp (t, tok->norm, len) == 0
               && g_unichar_isalpha (g_utf8_get_char (t))
               && !g_unichar_islower (g_utf8_get_char (t));
      }
    case SAYWHO_TOKEN_NUMBER:
    case SAYWHO_TOKEN_URL:
    case SAYWHO_TOKEN_EMAIL:
    case SAYWHO_TOKEN_SYMBOL:
      return TRUE;
    case SAYWHO_TOKEN_QUOTE:
      return (tok->flags & SAYWHO_TOKEN_QUOTE_OPEN) != 0;
    case SAYWHO_TOKEN_PUNCT:
      return text_is (doc, tok, "(") || text_is (doc, tok, "[") || is_dash (doc, tok);
    case SAYWHO_TOKEN_POSSESSIVE:
      return FALSE;
    }
  return FALSE;
}

/* A line that reads as a headline or byline: no final punctuation, and
 * mostly capitalized words or "By …". */
static gboolean
line_is_title (const SaywhoDocument *doc, guint start, guint end)
{
  if (end <= start)
    return FALSE;
  const SaywhoToken *last = tok_at (doc, end - 1);
  if (last->kind == SAYWHO_TOKEN_PUNCT && !is_closer (doc, last))
    return FALSE;
  if (last->kind == SAYWHO_TOKEN_ABBREVIATION || last->kind == SAYWHO_TOKEN_POSSESSIVE)
    return FALSE;
  if (text_is (doc, tok_at (doc, start), "By"))
    return TRUE;
  guint words = 0, capitalized = 0;
  for (guint i = start; i < end; i++)
    {
      const SaywhoToken *tok = tok_at (doc, i);
      if (tok->kind != SAYWHO_TOKEN_WORD)
        continue;
      words++;
      capitalized += (tok->flags & SAYWHO_TOKEN_CAPITALIZED) != 0;
    }
  return words > 0 && capitalized * 2 >= words;
}

/* A word in capitals, or an abbreviation in capitals ("ST. LOUIS"). */
static gboolean
caps_word (const SaywhoToken *tok)
{
  return (tok->flags & SAYWHO_TOKEN_ALL_CAPS)
         && (tok->kind == SAYWHO_TOKEN_WORD || tok->kind == SAYWHO_TOKEN_ABBREVIATION);
}

/* "Paris (AFP) -", "Cebu (Philippines) (AFP) -", "CAIRO (Bloomberg) --":
 * a dateline in mixed case, whose place the agency's parenthesis and the
 * dash after it tell; the end (exclusive) of one starting at token p, or
 * p if none. */
static guint
mixed_dateline_end (const SaywhoDocument *doc, guint p, guint paragraph_end)
{
  guint i = p;
  while (i < paragraph_end && i < p + 4 && (tok_at (doc, i)->flags & SAYWHO_TOKEN_CAPITALIZED)
         && (tok_at (doc, i)->kind == SAYWHO_TOKEN_WORD
             || tok_at (doc, i)->kind == SAYWHO_TOKEN_ABBREVIATION))
    i++;
  if (i == p)
    return p;
  /* one or two parentheses of one to three words each, then a dash */
  for (guint group = 0; group < 2; group++)
    {
      if (i >= paragraph_end || !text_is (doc, tok_at (doc, i), "("))
        break;
      guint close = i + 1;
      while (close < paragraph_end && close < i + 5 && !text_is (doc, tok_at (doc, close), ")"))
        close++;
      if (close >= paragraph_end || close == i + 1 || !text_is (doc, tok_at (doc, close), ")"))
        return p;
      i = close + 1;
      if (i < paragraph_end && is_dash (doc, tok_at (doc, i)))
        return i + 1 < paragraph_end ? i + 1 : p;
    }
  return p;
}

/* The end (exclusive) of a dateline starting at token p, or p if none:
 * capitals, then anything but a sentence end up to a dash, or a dateline
 * in mixed case. */
static guint
dateline_end (const SaywhoDocument *doc, guint p, guint paragraph_end)
{
  const guint max_tokens = 16;
  if (p < paragraph_end && !caps_word (tok_at (doc, p)))
    return mixed_dateline_end (doc, p, paragraph_end);
  if (p >= paragraph_end || !caps_word (tok_at (doc, p)))
    return p;
  guint i = p;
  while (i < paragraph_end && caps_word (tok_at (doc, i)))
    i++;
  /* Then anything but a sentence end, up to a dash. */
  for (; i < paragraph_end && i - p < max_tokens; i++)
    {
      const SaywhoToken *tok = tok_at (doc, i);
      if (is_dash (doc, tok))
        return i + 1 < paragraph_end ? i + 1 : p;
      if (is_terminal (doc, tok) || tok->kind == SAYWHO_TOKEN_QUOTE)
        return p;
      if (i > p && (tok->flags & SAYWHO_TOKEN_NEWLINE_BEFORE))
        return p;
    }
  return p;
}

/* segment_process() gives spans room for one span a token, and a
 * GArray keeps its room when it shrinks: a span is appended with a store
 * and a count, not a call to g_array_append_val() and its copy.  (The
 * arrays do not clear their elements, so their length is all there is to
 * keep.) */
/* Not inlined: a span opens at few tokens, and inlined, its set-up was
 * done at every token of the sentence loop. */
G_NO_INLINE static void
start_span (GArray *spans, guint start)
{
  SaywhoSpan *data = (SaywhoSpan *) (void *) spans->data;
  if (spans->len > 0)
    {
      SaywhoSpan *last = &data[spans->len - 1];
      if (last->start == start)
        return;  /* already open here */
      last->end = start;
    }
  data[spans->len++] = (SaywhoSpan) { start, start };
}

G_STATIC_ASSERT (G_STRUCT_OFFSET (SaywhoToken, paragraph)
                 == G_STRUCT_OFFSET (SaywhoToken, sentence) + sizeof (guint32));

/* Where assign_spans() is: the sentence and paragraph of the last token
 * it labelled. */
typedef struct {
  guint sentence, paragraph;
} SpanCursor;

/* Tells tokens [from, to) their sentence and paragraph, and flags the
 * first token of each sentence; *from becomes to.  The sentence loop calls
 * it for a paragraph's tokens once the next paragraph has opened its first
 * sentence: every span that covers them is closed then (start_span() only
 * ever changes the last one), and they are still in the core's cache, where
 * a pass of its own over the whole document would read them all again.
 *
 * A token's sentence is the first from the last one's on that it does not
 * end, and likewise its paragraph: they change only where a span ends, so
 * the tokens go by runs between those ends, and a token of a run only has
 * the two numbers written, rather than both ends tested at every token. */
static void
assign_spans (SaywhoDocument *doc, guint *from, guint to, SpanCursor *at)
{
  SaywhoToken *tokens = (SaywhoToken *) (void *) doc->tokens->data;
  const SaywhoSpan *sentences = (const SaywhoSpan *) (const void *) doc->sentences->data;
  const SaywhoSpan *paragraphs = (const SaywhoSpan *) (const void *) doc->paragraphs->data;
  guint s = at->sentence, p = at->paragraph;
  for (guint i = *from; i < to;)
    {
      while (i >= sentences[s].end)
        s++;
      while (i >= paragraphs[p].end)
        p++;
      guint stop = MIN (to, MIN (sentences[s].end, paragraphs[p].end));
      /* the one token of the run where its sentence starts, if any */
      guint start = sentences[s].start;
      if (start >= i && start < stop)
        tokens[start].flags |= SAYWHO_TOKEN_SENTENCE_START;
      /* the two numbers are neighbours in a token: one 8-byte store */
      guint32 numbers[2] = { s, p };
      for (; i < stop; i++)
        memcpy (&tokens[i].sentence, numbers, sizeof numbers);
    }
  *at = (SpanCursor) { s, p };
  *from = to;
}

/* The kinds of token after which no sentence ends (bits by kind). */
#define WORD_LIKE ((1u << SAYWHO_TOKEN_WORD) | (1u << SAYWHO_TOKEN_NUMBER) \
                   | (1u << SAYWHO_TOKEN_POSSESSIVE))

static gboolean
segment_process (gpointer shared, gpointer worker, SaywhoDocument *doc, GError **error)
{
  const Segmenter *seg = shared;
  guint n = doc->tokens->len;
  /* The stage adds no token: its tokens stay where they are.  Read through
   * this pointer, not doc, which the compiler would fetch again after
   * every write to a span. */
  SaywhoToken *tokens = (SaywhoToken *) (void *) doc->tokens->data;
  (void) worker;
  (void) error;

  /* Room for as many spans as there can be, so that appending never
   * reallocates (start_span() counts on it): a GArray keeps its room when
   * it shrinks.  A paragraph opens a sentence at its start, perhaps one
   * after its dateline, and at most one at each of its other tokens: one
   * more than its tokens, so never more than two a token. */
  g_array_set_size (doc->sentences, 2 * n);
  g_array_set_size (doc->sentences, 0);
  g_array_set_size (doc->paragraphs, n);
  g_array_set_size (doc->paragraphs, 0);
  if (n == 0)
    return TRUE;

  /* Paragraphs start after blank lines.  Without blank lines, line breaks
   * are paragraph breaks when most of them follow the end of a sentence
   * (one paragraph a line), and soft wraps otherwise (hard-wrapped text):
   * one pass finds the blank lines and counts the line breaks, and the
   * rare text with no blank line takes a second pass. */
  gboolean line_mode;
  {
    guint blanks = 0, breaks = 0, after_end = 0;
    start_span (doc->paragraphs, 0);
    for (const SaywhoToken *tok = &tokens[1]; tok < &tokens[n]; tok++)
      {
        /* most tokens follow no line break: one test passes them */
        guint16 flags = tok->flags;
        if (G_LIKELY (!(flags & (SAYWHO_TOKEN_BLANK_BEFORE | SAYWHO_TOKEN_NEWLINE_BEFORE))))
          continue;
        guint i = (guint) (tok - tokens);
        if (flags & SAYWHO_TOKEN_BLANK_BEFORE)
          {
            blanks++;
            start_span (doc->paragraphs, i);
          }
        if (flags & SAYWHO_TOKEN_NEWLINE_BEFORE)
          {
            const SaywhoToken *prev = &tokens[i - 1];
            breaks++;
            after_end += is_terminal (doc, prev) || is_closer (doc, prev);
          }
      }
    line_mode = blanks == 0 && breaks > 0 && after_end * 2 >= breaks;
  }
  if (line_mode)
    for (guint i = 1; i < n; i++)
      if (tokens[i].flags & SAYWHO_TOKEN_NEWLINE_BEFORE)
        start_span (doc->paragraphs, i);
  g_array_index (doc->paragraphs, SaywhoSpan, doc->paragraphs->len - 1).end = n;

  /* Headlines: leading paragraphs without final punctuation. */
  gboolean in_header = TRUE;
  for (guint p = 0; p < doc->paragraphs->len && in_header; p++)
    {
      SaywhoSpan para = g_array_index (doc->paragraphs, SaywhoSpan, p);
      if (!line_is_title (doc, para.start, para.end) && para.end - para.start > 0)
        {
          const SaywhoToken *last = tok_at (doc, para.end - 1);
          if (is_terminal (doc, last) || is_closer (doc, last)
              || last->kind == SAYWHO_TOKEN_ABBREVIATION)
            in_header = FALSE;
        }
      if (in_header && dateline_end (doc, para.start, para.end) > para.start)
        in_header = FALSE;
      if (in_header)
        for (guint i = para.start; i < para.end; i++)
          saywho_document_token (doc, i)->flags |= SAYWHO_TOKEN_HEADLINE;
    }

  /* Sentences, paragraph by paragraph; each token learns its sentence and
   * paragraph a paragraph later (assign_spans). */
  guint assigned = 0;
  SpanCursor at = { 0, 0 };
  for (guint p = 0; p < doc->paragraphs->len; p++)
    {
      SaywhoSpan para = g_array_index (doc->paragraphs, SaywhoSpan, p);
      start_span (doc->sentences, para.start);
      assign_spans (doc, &assigned, para.start, &at);

      guint dateline = dateline_end (doc, para.start, para.end);
      for (guint i = para.start; i < dateline; i++)
        saywho_document_token (doc, i)->flags |= SAYWHO_TOKEN_DATELINE;
      if (dateline > para.start)
        start_span (doc->sentences, dateline);

      guint line_start = para.start;
      const SaywhoToken *para_end = &tokens[para.end];
      for (const SaywhoToken *tok = &tokens[para.start + 1]; tok < para_end; tok++)
        {
          /* Most tokens follow a word on the same line: nothing to do
           * (the tests below, taken first and by pointer). */
          if (!(tok->flags & SAYWHO_TOKEN_NEWLINE_BEFORE)
              && ((WORD_LIKE >> (tok[-1].kind & 31)) & 1))
            continue;
          guint i = (guint) (tok - tokens);

          /* A headline or byline line followed by text on the next line. */
          if (tok->flags & SAYWHO_TOKEN_NEWLINE_BEFORE)
            {
              gboolean header = (tokens[para.start].flags & SAYWHO_TOKEN_HEADLINE)
                                || text_is (doc, &tokens[line_start], "By");
              gboolean title = header && line_is_title (doc, line_start, i);
              line_start = i;
              if (title)
                {
                  start_span (doc->sentences, i);
                  continue;
                }
            }

          /* Only a mark or an abbreviation ends a sentence: after a word or
           * a number (most tokens), nothing to look at.  The three kinds
           * are bits of one mask, so that this is one test, not three. */
          guint16 prev_kind = tokens[i - 1].kind;
          if ((WORD_LIKE >> (prev_kind & 31)) & 1)
            continue;

          /* Look back over closing quotes and brackets to the terminal. */
          guint k = i - 1;
          while (k > para.start && is_closer (doc, &tokens[k]))
            k--;
          const SaywhoToken *end = &tokens[k];
          gboolean breaks = FALSE;
          if (is_terminal (doc, end))
            breaks = can_start_sentence (doc, tok);
          else if (end->kind == SAYWHO_TOKEN_ABBREVIATION
                   && !(end->flags & SAYWHO_TOKEN_ABBREV_TITLE) && k == i - 1)
            breaks = (tok->flags & SAYWHO_TOKEN_CAPITALIZED)
                     && g_hash_table_contains (seg->starters, tok->norm);
          if (breaks)
            start_span (doc->sentences, i);
        }
    }
  g_array_index (doc->sentences, SaywhoSpan, doc->sentences->len - 1).end = n;

  /* The last paragraph's tokens. */
  assign_spans (doc, &assigned, n, &at);
  return TRUE;
}

static gboolean
add_starter (char **columns, guint ncolumns, guint line, gpointer user_data, GError **error)
{
  (void) line;
  GHashTable *starters = user_data;
  (void) ncolumns;
  (void) error;
  g_hash_table_add (starters, g_utf8_casefold (columns[0], -1));
  return TRUE;
}

static void
segment_destroy (gpointer shared)
{
  Segmenter *seg = shared;
  g_hash_table_unref (seg->starters);
  g_free (seg);
}

static gpointer
segment_create (const SaywhoConfig *config, GError **error)
{
  Segmenter *seg = g_new0 (Segmenter, 1);
  seg->starters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!saywho_lexicon_read (config->lexicon_dir, "sentence-starters.txt", 1, 1,
                            add_starter, seg->starters, error))
    {
      segment_destroy (seg);
      return NULL;
    }
  return seg;
}

const SaywhoStageClass saywho_stage_segment = {
  .name = "segment",
  .create = segment_create,
  .destroy = segment_destroy,
  .process = segment_process,
};
