/* quotes.c — the quotes stage: direct quotations and reported speech, each
 * with its speech cue and the mention of its speaker.
 *
 * Direct quotations are the words between paired quotation marks, paired
 * paragraph by paragraph: single marks inside double ones belong to the
 * outer quotation; a mark left open ends at its paragraph's end, unless the
 * next paragraph opens with a mark (the news convention for quotations over
 * several paragraphs); "A," she said, "B." is one quotation.  A short quoted
 * phrase with no speech cue is a scare quote, not a quotation, unless it
 * sits inside reported speech (a partial quotation of that speaker).
 *
 * Reported speech is found from the speech cues of lexicons/speech-cues.tsv
 * (matched through stems: says, said, saying): "X said (that) CLAUSE",
 * "CLAUSE, X said", "according to X, CLAUSE", "X quoted Y as saying CLAUSE";
 * verbs of kind verb-that count only with "that" ("denied that", not
 * "denied any involvement").
 *
 * The speaker's mention is what the cue's subject is: a name, a pronoun, or
 * a noun phrase ("the ministry", "a report by the SIA": the name inside the
 * phrase wins).  The speakers stage then links it to an entity.
 */
#include "stages.h"
#include "../pipeline/analyzer.h"
#include "../pipeline/lexicon.h"
#include "../pipeline/strmap.h"

#include <string.h>

typedef enum {
  CUE_NONE,
  CUE_VERB,        /* said, told, warned */
  CUE_VERB_THAT,   /* denied that */
  CUE_NOUN,        /* statement, report */
} CueKind;

typedef struct {
  SaywhoStrMap *cues;     /* stem → CueKind */
  SaywhoStrMap *verbs;    /* every verbal form of a verb cue → CueKind */
} Quotes;

typedef struct {
  guint open, close;      /* mark tokens; close == G_MAXUINT when unclosed */
  guint start, end;       /* content tokens [start, end) */
  guint attribution_end;  /* a split quote: where its middle attribution ends */
  gboolean split;
} Raw;

/* ---- small predicates ------------------------------------------------------- */

static gboolean
text_is (const SaywhoDocument *doc, guint i, const char *s)
{
  if (i >= doc->tokens->len)
    return FALSE;
  gsize len;
  const char *t = saywho_token_text (doc, saywho_document_token (doc, i), &len);
  return len == strlen (s) && memcmp (t, s, len) == 0;
}

static gboolean
norm_is (const SaywhoDocument *doc, guint i, const char *s)
{
  return i < doc->tokens->len && strcmp (saywho_document_token (doc, i)->norm, s) == 0;
}


static const char *const pronouns[] = { "he", "she", "it", "they", "we", "i", "you", NULL };
static const char *const determiners[] = {
  "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
  "my", "your", "some", "no", "all", "any", "many", "most", "several", "both", "each", NULL,
};
static const char *const auxiliaries[] = {
  "has", "have", "had", "will", "would", "could", "can", "may", "might", "must", "should",
  "shall", "did", "does", "do", "is", "was", "were", "are", "also", "again", "later", "then",
  "previously", "repeatedly", "once", "often", "publicly", "privately", "separately",
  "earlier", "recently", "already", "always", "never", "not", "subsequently", "further",
  "quickly", "immediately", "simply", "only", "still", NULL,
};

/* Words that cannot start the subject of a reported clause. */
static const char *const not_subjects[] = {
  "on", "in", "at", "to", "for", "with", "by", "from", "about", "after", "before", "during",
  "over", "under", "of", "as", "into", "through", "so", "nothing", "yes", "no", "goodbye",
  "hello", "last", "earlier", "late", "yesterday", "today", "tomorrow", "again", "also",
  "repeatedly", "publicly", "privately", "recently", "later", "separately", "then",
  "afterwards", "out", "up", "down", "off", "more", "less", "little", "much", "when",
  "while", "once", "very", "too", "not", "only", NULL,
};

/* The lists above as one map from a norm to the lists it is on, built
 * once: the stages ask about nearly every word. */
enum {
  ON_PRONOUNS = 1 << 0,
  ON_DETERMINERS = 1 << 1,
  ON_AUXILIARIES = 1 << 2,
  ON_NOT_SUBJECTS = 1 << 3,
};

static SaywhoStrMap *word_lists;

static void
add_list (SaywhoStrMap *map, const char *const *list, guint32 bit)
{
  for (guint k = 0; list[k] != NULL; k++)
    {
      guint32 hash = saywho_str_hash (list[k], -1), bits = 0;
      saywho_strmap_lookup (map, list[k], hash, &bits);
      saywho_strmap_insert (map, list[k], hash, bits | bit);
    }
}

static void
init_word_lists (void)
{
  static gsize done;
  if (g_once_init_enter (&done))
    {
      SaywhoStrMap *map = saywho_strmap_new ();
      add_list (map, pronouns, ON_PRONOUNS);
      add_list (map, determiners, ON_DETERMINERS);
      add_list (map, auxiliaries, ON_AUXILIARIES);
      add_list (map, not_subjects, ON_NOT_SUBJECTS);
      word_lists = map;  /* kept for the life of the process */
      g_once_init_leave (&done, 1);
    }
}

static gboolean
on_list (const SaywhoDocument *doc, guint i, guint32 bit)
{
  if (i >= doc->tokens->len)
    return FALSE;
  const SaywhoToken *tok = saywho_document_token (doc, i);
  guint32 bits = 0;
  return saywho_strmap_lookup (word_lists, tok->norm, tok->norm_hash, &bits) && (bits & bit);
}

static gboolean
is_quote_mark (const SaywhoToken *tok, guint flag)
{
  return tok->kind == SAYWHO_TOKEN_QUOTE && (tok->flags & flag);
}

static CueKind
verb_kind_at (const Quotes *q, const SaywhoDocument *doc, guint i)
{
  const SaywhoToken *tok = saywho_document_token (doc, i);
  if (tok->kind != SAYWHO_TOKEN_WORD)
    return CUE_NONE;
  guint32 kind = CUE_NONE;
  saywho_strmap_lookup (q->verbs, tok->norm, tok->norm_hash, &kind);
  return (CueKind) kind;
}

/* A speech verb used as a verb: one of its verbal forms (says, said,
 * saying, but not "accusations" that shares a stem with "accuse"), not
 * after an article or possessive ("the report", "his remarks"). */
static gboolean
verb_cue_at (const Quotes *q, const SaywhoDocument *doc, guint i, guint sentence_start)
{
  CueKind kind = verb_kind_at (q, doc, i);
  if (kind != CUE_VERB && kind != CUE_VERB_THAT)
    return FALSE;
  const SaywhoToken *tok = saywho_document_token (doc, i);
  if (i > sentence_start && on_list (doc, i - 1, ON_DETERMINERS) && !norm_is (doc, i - 1, "that"))
    return FALSE;
  if (i > sentence_start && saywho_document_token (doc, i - 1)->kind == SAYWHO_TOKEN_POSSESSIVE)
    return FALSE;
  /* Capitalized mid-sentence is a name ("Said"), not a verb. */
  if ((tok->flags & SAYWHO_TOKEN_CAPITALIZED) && i > sentence_start
      && !(tok->flags & SAYWHO_TOKEN_SENTENCE_START))
    return FALSE;
  return TRUE;
}

/* Marks the tokens of the raw quotations, marks included. */
static gboolean *
mark_raws (const SaywhoDocument *doc, const GArray *raws)
{
  gboolean *in = g_new0 (gboolean, doc->tokens->len + 1);
  for (guint k = 0; k < raws->len; k++)
    {
      const Raw *r = &g_array_index (raws, Raw, k);
      guint last = r->close == G_MAXUINT ? r->end : r->close + 1;
      for (guint i = r->open; i < last && i < doc->tokens->len; i++)
        in[i] = TRUE;
    }
  return in;
}

static guint
sentence_end_of (const SaywhoDocument *doc, guint i)
{
  return g_array_index (doc->sentences, SaywhoSpan, saywho_document_token (doc, i)->sentence).end;
}

static guint
sentence_start_of (const SaywhoDocument *doc, guint i)
{
  return g_array_index (doc->sentences, SaywhoSpan,
                        saywho_document_token (doc, i)->sentence).start;
}

/* ---- the speaker's mention ------------------------------------------------ */

/* The mention a subject search lands on, from token i backwards to limit:
 * the nearest name, pronoun or noun phrase before a verb cue, skipping
 * auxiliaries, adverbs and appositives ("Ned Price, the council's
 * spokesman, said").  Returns FALSE when there is none. */
static gboolean
subject_before (const SaywhoDocument *doc, guint cue, guint limit, SaywhoSpan *mention)
{
  if (cue == 0 || cue <= limit)
    return FALSE;
  gint i = (gint) cue - 1;
  while (i >= (gint) limit && (on_list (doc, (guint) i, ON_AUXILIARIES)))
    i--;
  /* "the Department of Homeland Security (DHS) said": past a parenthesis */
  if (i >= (gint) limit && text_is (doc, (guint) i, ")"))
    {
      gint k = i - 1;
      while (k >= (gint) limit && !text_is (doc, (guint) k, "("))
        k--;
      if (k > (gint) limit)
        i = k - 1;
    }
  /* "X cut its forecast ... and said": the sentence's own subject */
  if (i >= (gint) limit && norm_is (doc, (guint) i, "and"))
    {
      for (guint k = limit; k < (guint) i && k < limit + 8; k++)
        {
          gint e = saywho_document_entity_at (doc, k);
          if (e >= 0 && !(saywho_document_token (doc, k)->flags & SAYWHO_TOKEN_DATELINE))
            {
              *mention = g_array_index (doc->entities, SaywhoEntity, e).span;
              return TRUE;
            }
          if (on_list (doc, k, ON_PRONOUNS))
            {
              *mention = (SaywhoSpan) { k, k + 1 };
              return TRUE;
            }
        }
      return FALSE;
    }
  /* An appositive between commas: look before it for a name. */
  if (i >= (gint) limit && text_is (doc, (guint) i, ","))
    {
      gint k = i - 1;
      while (k >= (gint) limit && !text_is (doc, (guint) k, ",")
             && saywho_document_token (doc, (guint) k)->kind != SAYWHO_TOKEN_QUOTE)
        k--;
      if (k >= (gint) limit && text_is (doc, (guint) k, ",") && k > (gint) limit)
        {
          /* "Ted Cruz (R-Texas), the panel's top Republican, said" */
          if (text_is (doc, (guint) (k - 1), ")"))
            {
              gint p = k - 1;
              while (p > (gint) limit && !text_is (doc, (guint) p, "("))
                p--;
              k = p;
            }
          gint e = saywho_document_entity_at (doc, (guint) (k - 1));
          if (e >= 0)
            {
              *mention = g_array_index (doc->entities, SaywhoEntity, e).span;
              return TRUE;
            }
        }
      return FALSE;
    }
  if (i < (gint) limit)
    return FALSE;
  /* A name, or a phrase that holds one ("a report by the SIA", "the NSC
   * spokesman Ned Price", "a White House statement"). */
  for (gint k = i; k >= (gint) limit; k--)
    {
      const SaywhoToken *tok = saywho_document_token (doc, (guint) k);
      gint e = saywho_document_entity_at (doc, (guint) k);
      /* "American officials": a nationality only modifies the subject */
      if (e >= 0 && g_array_index (doc->entities, SaywhoEntity, e).type != SAYWHO_ENTITY_MISC)
        {
          *mention = g_array_index (doc->entities, SaywhoEntity, e).span;
          return TRUE;
        }
      if (e >= 0 && k < i)
        {
          guint start = g_array_index (doc->entities, SaywhoEntity, e).span.start;
          *mention = (SaywhoSpan) { start, (guint) i + 1 };
          return TRUE;
        }
      if (on_list (doc, (guint) k, ON_PRONOUNS) && tok->kind == SAYWHO_TOKEN_WORD)
        {
          *mention = (SaywhoSpan) { (guint) k, (guint) k + 1 };
          return TRUE;
        }
      if (text_is (doc, (guint) k, ")"))
        {
          while (k > (gint) limit && !text_is (doc, (guint) k, "("))
            k--;
          continue;
        }
      /* Stop at what cannot be inside a subject phrase. */
      if (tok->kind == SAYWHO_TOKEN_PUNCT || tok->kind == SAYWHO_TOKEN_QUOTE
          || norm_is (doc, (guint) k, "that") || norm_is (doc, (guint) k, "and"))
        break;
      if (on_list (doc, (guint) k, ON_DETERMINERS) || (guint) k == limit
          || (tok->flags & SAYWHO_TOKEN_SENTENCE_START))
        {
          /* A noun phrase with no name: from after the article to the head
           * noun before the cue. */
          guint start = on_list (doc, (guint) k, ON_DETERMINERS) ? (guint) k + 1 : (guint) k;
          if (start <= (guint) i)
            {
              *mention = (SaywhoSpan) { start, (guint) i + 1 };
              return TRUE;
            }
          break;
        }
    }
  /* A bare noun phrase ("officials said"): its last word. */
  const SaywhoToken *head = saywho_document_token (doc, (guint) i);
  if (head->kind == SAYWHO_TOKEN_WORD)
    {
      *mention = (SaywhoSpan) { (guint) i, (guint) i + 1 };
      return TRUE;
    }
  return FALSE;
}

/* The subject after an inverted cue ("said Kerry", "said the ministry"). */
static gboolean
subject_after (const SaywhoDocument *doc, guint cue, guint limit, SaywhoSpan *mention)
{
  for (guint k = cue + 1; k < limit && k < cue + 8; k++)
    {
      const SaywhoToken *tok = saywho_document_token (doc, k);
      gint e = saywho_document_entity_at (doc, k);
      if (e >= 0)
        {
          *mention = g_array_index (doc->entities, SaywhoEntity, e).span;
          return TRUE;
        }
      if (on_list (doc, k, ON_PRONOUNS))
        {
          *mention = (SaywhoSpan) { k, k + 1 };
          return TRUE;
        }
      if (tok->kind == SAYWHO_TOKEN_PUNCT || tok->kind == SAYWHO_TOKEN_QUOTE)
        {
          if (k > cue + 1 && !on_list (doc, cue + 1, ON_DETERMINERS))
            *mention = (SaywhoSpan) { cue + 1, k };
          else if (k > cue + 2)
            *mention = (SaywhoSpan) { cue + 2, k };
          else
            return FALSE;
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- direct quotations ------------------------------------------------------ */

static void
close_raw (GArray *raws, guint open, guint close, guint end)
{
  Raw r = { open, close, open + 1, end, 0, FALSE };
  if (r.end > r.start)
    g_array_append_val (raws, r);
}

/* Pairs the quotation marks of the document into raw quotations. */
static void
pair_marks (const SaywhoDocument *doc, GArray *raws)
{
  guint n = doc->tokens->len;
  for (guint p = 0; p < doc->paragraphs->len; p++)
    {
      SaywhoSpan para = g_array_index (doc->paragraphs, SaywhoSpan, p);
      gint open = -1;           /* the outer mark */
      guint outer = 0;          /* its flag: double or single */
      for (guint i = para.start; i < para.end; i++)
        {
          const SaywhoToken *tok = saywho_document_token (doc, i);
          if (tok->kind != SAYWHO_TOKEN_QUOTE)
            continue;
          guint kind = tok->flags & (SAYWHO_TOKEN_QUOTE_DOUBLE | SAYWHO_TOKEN_QUOTE_SINGLE);
          if (open < 0)
            {
              if (tok->flags & SAYWHO_TOKEN_QUOTE_OPEN)
                {
                  open = (gint) i;
                  outer = kind;
                }
              continue;  /* a stray closing mark */
            }
          if (kind != outer)
            continue;    /* nested: part of the outer quotation */
          if (tok->flags & SAYWHO_TOKEN_QUOTE_CLOSE)
            {
              close_raw (raws, (guint) open, i, i);
              open = -1;
            }
          else
            {
              /* An opening mark while one is open: the first was never
               * closed; it ends here. */
              close_raw (raws, (guint) open, G_MAXUINT, i);
              open = (gint) i;
            }
        }
      if (open < 0)
        continue;
      /* Open at the end of the paragraph: the news convention continues it
       * into a next paragraph that opens with a mark of the same kind. */
      guint start = (guint) open;
      while (p + 1 < doc->paragraphs->len)
        {
          SaywhoSpan next = g_array_index (doc->paragraphs, SaywhoSpan, p + 1);
          const SaywhoToken *first = saywho_document_token (doc, next.start);
          if (!is_quote_mark (first, SAYWHO_TOKEN_QUOTE_OPEN) || !(first->flags & outer))
            break;
          p++;
          /* Does it close in this paragraph? */
          gint close = -1;
          for (guint i = next.start + 1; i < next.end && close < 0; i++)
            {
              const SaywhoToken *tok = saywho_document_token (doc, i);
              if (tok->kind == SAYWHO_TOKEN_QUOTE && (tok->flags & outer)
                  && (tok->flags & SAYWHO_TOKEN_QUOTE_CLOSE))
                close = (gint) i;
            }
          if (close >= 0)
            {
              close_raw (raws, start, (guint) close, (guint) close);
              /* the rest of the paragraph may hold more quotations */
              start = G_MAXUINT;
              SaywhoSpan rest = { (guint) close + 1, next.end };
              gint o = -1;
              for (guint i = rest.start; i < rest.end; i++)
                {
                  const SaywhoToken *tok = saywho_document_token (doc, i);
                  if (!is_quote_mark (tok, 0xffff) || !(tok->flags & outer))
                    continue;
                  if (o < 0 && (tok->flags & SAYWHO_TOKEN_QUOTE_OPEN))
                    o = (gint) i;
                  else if (o >= 0 && (tok->flags & SAYWHO_TOKEN_QUOTE_CLOSE))
                    {
                      close_raw (raws, (guint) o, i, i);
                      o = -1;
                    }
                }
              if (o >= 0)
                close_raw (raws, (guint) o, G_MAXUINT, rest.end);
              break;
            }
          para = next;
        }
      if (start != G_MAXUINT)
        {
          /* Unclosed: it ends with its (last) paragraph, never later. */
          guint end = para.end;
          while (end > start + 1 && saywho_document_token (doc, end - 1)->kind == SAYWHO_TOKEN_PUNCT
                 && end - 1 > start + 1)
            break;
          close_raw (raws, start, G_MAXUINT, MIN (end, n));
        }
    }
}

/* Words of content in a quotation. */
static guint
word_count (const SaywhoDocument *doc, guint start, guint end)
{
  guint words = 0;
  for (guint i = start; i < end; i++)
    words += saywho_document_token (doc, i)->kind == SAYWHO_TOKEN_WORD;
  return words;
}

/* The cue and mention of a direct quotation's attribution: right after its
 * closing mark ("...," she said / said Kerry / was how X described it),
 * else right before its opening mark (Price said: "..."). */
static gboolean
attribute_direct (const Quotes *q, const SaywhoDocument *doc, guint open, guint close,
                  guint limit, SaywhoSpan *cue, SaywhoSpan *mention)
{
  guint n = doc->tokens->len;
  if (close != G_MAXUINT && close + 1 < n)
    {
      guint para_end = g_array_index (doc->paragraphs, SaywhoSpan,
                                      saywho_document_token (doc, close)->paragraph).end;
      guint s_end = MIN (sentence_end_of (doc, close), limit);
      /* the sentence may end inside the quotation: ".” he said" is the
       * same attribution; never past the paragraph */
      if (s_end <= close + 1)
        s_end = MIN (sentence_end_of (doc, close + 1), limit);
      s_end = MIN (s_end, para_end);
      for (guint k = close + 1; k < s_end && k < close + 12; k++)
        {
          const SaywhoToken *tok = saywho_document_token (doc, k);
          if (tok->kind == SAYWHO_TOKEN_QUOTE)
            break;
          if (verb_cue_at (q, doc, k, close + 1) || (norm_is (doc, k, "described")
                                                      && norm_is (doc, k - 2, "how")))
            {
              *cue = (SaywhoSpan) { k, k + 1 };
              /* inverted: ", said Kerry" */
              if (k == close + 1 || (k == close + 2 && text_is (doc, close + 1, ",")))
                {
                  if (subject_after (doc, k, s_end, mention))
                    return TRUE;
                }
              if (norm_is (doc, k, "described"))
                {
                  /* "was how X described it" */
                  if (subject_before (doc, k, k - 1, mention))
                    return TRUE;
                }
              if (subject_before (doc, k, close + 1, mention))
                return TRUE;
              if (subject_after (doc, k, s_end, mention))
                return TRUE;
              *mention = (SaywhoSpan) { 0, 0 };
              return TRUE;
            }
        }
    }
  /* Before, introducing it: X said: "...", X said, "...", X told
   * reporters: "..." — only a colon, a comma, "that" or the listener may
   * stand between the cue and the mark; words between make the quotation
   * a partial one inside reported speech. */
  guint s_start = sentence_start_of (doc, open);
  guint k = open;
  while (k > s_start && open - k <= 4)
    {
      k--;
      if (verb_cue_at (q, doc, k, s_start))
        {
          *cue = (SaywhoSpan) { k, k + 1 };
          if (!subject_before (doc, k, s_start, mention))
            *mention = (SaywhoSpan) { 0, 0 };
          return TRUE;
        }
      gboolean filler = text_is (doc, k, ":") || text_is (doc, k, ",") || norm_is (doc, k, "that")
                        || norm_is (doc, k, "reporters") || norm_is (doc, k, "journalists")
                        || saywho_document_entity_at (doc, k) >= 0;
      if (!filler)
        break;
    }
  return FALSE;
}

/* ---- reported speech --------------------------------------------------------- */


/* Where the reported clause after a verb cue starts, or 0 if it has none. */
static guint
clause_after (const Quotes *q, const SaywhoDocument *doc, guint cue, guint s_end)
{
  CueKind kind = verb_kind_at (q, doc, cue);
  guint k = cue + 1;
  /* "told reporters", "told the Financial Times on Tuesday", "said on
   * Tuesday", "added in a statement", "pointed out": up to "that". */
  for (guint j = k; j < s_end && j < cue + 9; j++)
    {
      /* "that" after a preposition is a determiner ("at that meeting") */
      if (norm_is (doc, j, "that") && !on_list (doc, j - 1, ON_NOT_SUBJECTS))
        return j + 1 < s_end ? j + 1 : 0;
      const SaywhoToken *tok = saywho_document_token (doc, j);
      if (tok->kind == SAYWHO_TOKEN_PUNCT || tok->kind == SAYWHO_TOKEN_QUOTE)
        break;
    }
  if (kind == CUE_VERB_THAT || k >= s_end)
    return 0;
  /* told + object: skip the object (a name, pronoun or short phrase). */
  if (norm_is (doc, cue, "told") || norm_is (doc, cue, "tell") || norm_is (doc, cue, "tells")
      || norm_is (doc, cue, "telling"))
    {
      gint e = saywho_document_entity_at (doc, k);
      if (e >= 0)
        k = g_array_index (doc->entities, SaywhoEntity, e).span.end;
      else if (on_list (doc, k, ON_DETERMINERS))
        k += 2;
      else
        k += 1;
    }
  if (k >= s_end)
    return 0;
  /* A bare clause starts with its subject: a name, a pronoun, a number, or
   * a noun phrase; a preposition or "to" there means no clause follows
   * ("said on Tuesday", "told to leave") unless "that" did. */
  const SaywhoToken *tok = saywho_document_token (doc, k);
  if (tok->kind != SAYWHO_TOKEN_WORD && tok->kind != SAYWHO_TOKEN_NUMBER
      && tok->kind != SAYWHO_TOKEN_ABBREVIATION)
    return 0;
  if (on_list (doc, k, ON_NOT_SUBJECTS))
    return 0;
  return k;
}

/* The end of a reported clause: the sentence's end less its final stop,
 * but through a closing quotation mark after the stop. */
static guint
clause_end (const SaywhoDocument *doc, guint start, guint s_end)
{
  guint end = s_end;
  const SaywhoToken *last = saywho_document_token (doc, end - 1);
  if (last->kind == SAYWHO_TOKEN_QUOTE && (last->flags & SAYWHO_TOKEN_QUOTE_CLOSE))
    return end;
  while (end > start && saywho_document_token (doc, end - 1)->kind == SAYWHO_TOKEN_PUNCT)
    end--;
  /* ", according to X" closes a clause too */
  for (guint k = start; k + 1 < end; k++)
    if (norm_is (doc, k, "according") && norm_is (doc, k + 1, "to"))
      {
        end = k;
        while (end > start && text_is (doc, end - 1, ","))
          end--;
        break;
      }
  return end;
}

static void
add_quote (SaywhoDocument *doc, SaywhoQuoteKind kind, guint start, guint end, SaywhoSpan cue,
           SaywhoSpan mention)
{
  if (end <= start)
    return;
  SaywhoQuote quote = {
    .span = { start, end },
    .kind = kind,
    .cue = cue,
    .mention = mention,
  };
  g_array_append_val (doc->quotes, quote);
}

/* A sentence that goes on with the reported speech of the one before it:
 * same paragraph, no quotation or speech cue of its own, and it opens with a
 * pronoun and a backshifted verb ("It was ready …", "They would …"). */
static gboolean
continues_report (const Quotes *q, const SaywhoDocument *doc, SaywhoSpan next,
                  const gboolean *in_raw)
{
  static const char *const backshifted[] = {
    "was", "were", "had", "would", "could", "might", "should", "must", NULL,
  };
  if (next.end - next.start < 4 || next.start == 0
      || saywho_document_token (doc, next.start)->paragraph
           != saywho_document_token (doc, next.start - 1)->paragraph)
    return FALSE;
  const SaywhoToken *first = saywho_document_token (doc, next.start);
  if (!on_list (doc, next.start, ON_PRONOUNS) || strcmp (first->norm, "i") == 0
      || strcmp (first->norm, "we") == 0 || strcmp (first->norm, "you") == 0)
    return FALSE;
  if (!g_strv_contains (backshifted, saywho_document_token (doc, next.start + 1)->norm))
    return FALSE;
  for (guint i = next.start; i < next.end; i++)
    if (in_raw[i] || saywho_document_token (doc, i)->kind == SAYWHO_TOKEN_QUOTE
        || verb_cue_at (q, doc, i, next.start)
        || (norm_is (doc, i, "according") && norm_is (doc, i + 1, "to")))
      return FALSE;
  return TRUE;
}

static void
find_reported (const Quotes *q, SaywhoDocument *doc, const gboolean *in_raw, const gboolean *used)
{
  for (guint s = 0; s < doc->sentences->len; s++)
    {
      SaywhoSpan sent = g_array_index (doc->sentences, SaywhoSpan, s);
      for (guint c = sent.start; c < sent.end; c++)
        {
          if (in_raw[c] || used[c])
            continue;
          SaywhoSpan cue = { c, c + 1 }, mention = { 0, 0 };

          /* according to X, CLAUSE / CLAUSE, according to X */
          if (norm_is (doc, c, "according") && norm_is (doc, c + 1, "to"))
            {
              cue = (SaywhoSpan) { c, c + 2 };
              guint after = c + 2;
              gint e = -1;
              /* the name in the phrase: "according to Minister Ada Lovel" */
              for (guint k = after; k < sent.end && k < after + 4 && e < 0; k++)
                {
                  if (saywho_document_token (doc, k)->kind == SAYWHO_TOKEN_PUNCT)
                    break;
                  e = saywho_document_entity_at (doc, k);
                }
              guint x_end = after;
              if (e >= 0)
                {
                  const SaywhoEntity *ent = &g_array_index (doc->entities, SaywhoEntity, e);
                  mention = ent->span;
                  x_end = mention.end;
                  /* "the Georgian government": the phrase, up to its noun */
                  if (ent->type == SAYWHO_ENTITY_MISC)
                    while (x_end < sent.end && saywho_document_token (doc, x_end)->kind
                                                 == SAYWHO_TOKEN_WORD
                           && !(saywho_document_token (doc, x_end)->flags
                                & SAYWHO_TOKEN_CAPITALIZED))
                      mention.end = ++x_end;
                }
              else
                {
                  while (x_end < sent.end && !text_is (doc, x_end, ",")
                         && saywho_document_token (doc, x_end)->kind == SAYWHO_TOKEN_WORD)
                    x_end++;
                  guint start = after + (on_list (doc, after, ON_DETERMINERS) ? 1 : 0);
                  if (x_end > start)
                    mention = (SaywhoSpan) { start, x_end };
                }
              if (c == sent.start)
                {
                  guint start = x_end;
                  while (start < sent.end && !text_is (doc, start, ","))
                    start++;
                  start++;
                  add_quote (doc, SAYWHO_QUOTE_INDIRECT, start, clause_end (doc, start, sent.end),
                             cue, mention);
                }
              else
                {
                  guint end = c;
                  while (end > sent.start && text_is (doc, end - 1, ","))
                    end--;
                  /* the clause is the one reported by another cue if any */
                  gboolean other = FALSE;
                  for (guint k = sent.start; k < end; k++)
                    other |= verb_cue_at (q, doc, k, sent.start) && !in_raw[k];
                  if (!other && !in_raw[sent.start])
                    add_quote (doc, SAYWHO_QUOTE_INDIRECT, sent.start, end, cue, mention);
                }
              c = x_end;
              continue;
            }

          /* X quoted Y as saying CLAUSE */
          if (norm_is (doc, c, "quoted"))
            {
              guint as = c + 1;
              while (as < sent.end && as < c + 10 && !norm_is (doc, as, "as"))
                as++;
              if (as < sent.end && norm_is (doc, as + 1, "saying"))
                {
                  gint e = -1;
                  for (guint k = c + 1; k < as && e < 0; k++)
                    e = saywho_document_entity_at (doc, k);
                  if (e >= 0)
                    mention = g_array_index (doc->entities, SaywhoEntity, e).span;
                  else
                    mention = (SaywhoSpan) { c + 1, as };
                  guint start = as + 2 + (norm_is (doc, as + 2, "that") ? 1 : 0);
                  if (start < sent.end && !in_raw[start])
                    add_quote (doc, SAYWHO_QUOTE_INDIRECT, start,
                               clause_end (doc, start, sent.end), cue, mention);
                  c = sent.end;
                  continue;
                }
            }

          if (!verb_cue_at (q, doc, c, sent.start))
            continue;

          /* X said (that) CLAUSE */
          guint start = clause_after (q, doc, c, sent.end);
          if (start > 0 && !in_raw[start])
            {
              if (!subject_before (doc, c, sent.start, &mention))
                mention = (SaywhoSpan) { 0, 0 };
              guint end = clause_end (doc, start, sent.end);
              /* The next sentence may go on reporting: "Meng said China
               * opposed hacking. It was ready to help." */
              while (s + 1 < doc->sentences->len
                     && continues_report (q, doc, g_array_index (doc->sentences, SaywhoSpan, s + 1),
                                          in_raw))
                {
                  s++;
                  sent = g_array_index (doc->sentences, SaywhoSpan, s);
                  end = clause_end (doc, sent.start, sent.end);
                }
              add_quote (doc, SAYWHO_QUOTE_INDIRECT, start, end, cue, mention);
              c = sent.end;
              continue;
            }

          /* CLAUSE, X said. / CLAUSE, said X. : the cue ends the sentence,
           * or only its subject follows it. */
          guint rest = c + 1;
          while (rest < sent.end && rest < c + 5
                 && saywho_document_token (doc, rest)->kind != SAYWHO_TOKEN_PUNCT)
            rest++;
          gboolean at_end = rest + 1 >= sent.end
                            && (rest == c + 1 || saywho_document_entity_at (doc, c + 1) >= 0
                                || on_list (doc, c + 1, ON_PRONOUNS)
                                || on_list (doc, c + 1, ON_DETERMINERS));
          guint comma = c;
          while (comma > sent.start && !text_is (doc, comma - 1, ","))
            comma--;
          if (at_end && comma > sent.start + 2 && c - comma <= 6 && !in_raw[sent.start]
              && verb_kind_at (q, doc, c) == CUE_VERB)
            {
              if (!subject_before (doc, c, comma, &mention)
                  && !subject_after (doc, c, sent.end, &mention))
                mention = (SaywhoSpan) { 0, 0 };
              guint end = comma - 1;
              add_quote (doc, SAYWHO_QUOTE_INDIRECT, sent.start, end, cue, mention);
              c = sent.end;
            }
        }
    }
}

/* ---- putting it together ------------------------------------------------------ */

static int
compare_quotes (gconstpointer a, gconstpointer b)
{
  const SaywhoQuote *x = a, *y = b;
  if (x->span.start != y->span.start)
    return x->span.start < y->span.start ? -1 : 1;
  return x->span.end > y->span.end ? -1 : x->span.end < y->span.end;
}

static gboolean
quotes_process (gpointer shared, gpointer worker, SaywhoDocument *doc, GError **error)
{
  const Quotes *q = shared;
  (void) worker;
  (void) error;
  g_array_set_size (doc->quotes, 0);
  if (doc->tokens->len == 0)
    return TRUE;

  g_autoptr (GArray) raws = g_array_new (FALSE, FALSE, sizeof (Raw));
  pair_marks (doc, raws);

  /* Split quotations: "A," she said, "B." — and "A," she said. "B." when
   * the second has no attribution of its own. */
  for (guint k = 0; k + 1 < raws->len; k++)
    {
      Raw *a = &g_array_index (raws, Raw, k);
      Raw *b = &g_array_index (raws, Raw, k + 1);
      if (a->close == G_MAXUINT
          || saywho_document_token (doc, a->close)->paragraph
               != saywho_document_token (doc, b->open)->paragraph)
        continue;
      SaywhoSpan cue, mention;
      gboolean attributed_between = FALSE;
      for (guint i = a->close + 1; i < b->open; i++)
        attributed_between |= verb_cue_at (q, doc, i, a->close + 1);
      if (!attributed_between || b->open - a->close > 40)
        continue;
      /* b must not carry its own attribution after it */
      if (b->close != G_MAXUINT && attribute_direct (q, doc, b->open, b->close,
                                                     G_MAXUINT, &cue, &mention)
          && cue.start > b->close)
        continue;
      a->close = b->close;
      a->end = b->end;
      a->split = TRUE;
      g_array_remove_index (raws, k + 1);
      k--;
    }

  /* The cues of direct quotations' attributions are theirs, not reported
   * speech's. */
  g_autofree gboolean *used = g_new0 (gboolean, doc->tokens->len);
  for (guint k = 0; k < raws->len; k++)
    {
      const Raw *r = &g_array_index (raws, Raw, k);
      SaywhoSpan cue, mention;
      if (attribute_direct (q, doc, r->open, r->close, G_MAXUINT, &cue, &mention)
          && cue.start < doc->tokens->len && (cue.start < r->open || cue.start > r->end))
        used[cue.start] = TRUE;
    }

  /* Reported speech first: partial quotations inside it take its speaker. */
  g_autofree gboolean *in_raw = mark_raws (doc, raws);
  find_reported (q, doc, in_raw, used);
  guint reported = doc->quotes->len;

  for (guint k = 0; k < raws->len; k++)
    {
      const Raw *r = &g_array_index (raws, Raw, k);
      SaywhoSpan cue = { 0, 0 }, mention = { 0, 0 };
      gboolean attributed = attribute_direct (q, doc, r->open, r->close, G_MAXUINT, &cue,
                                              &mention);
      /* a split quotation's attribution sits inside it */
      if (r->split && !attributed)
        for (guint i = r->start; i < r->end && !attributed; i++)
          if (verb_cue_at (q, doc, i, r->start) && !text_is (doc, i - 1, "\""))
            {
              cue = (SaywhoSpan) { i, i + 1 };
              attributed = TRUE;
              if (!subject_before (doc, i, r->start, &mention)
                  && !subject_after (doc, i, r->end, &mention))
                mention = (SaywhoSpan) { 0, 0 };
            }
      if (!attributed)
        {
          /* inside reported speech: a partial quotation of its speaker */
          for (guint j = 0; j < reported && !attributed; j++)
            {
              const SaywhoQuote *ind = &g_array_index (doc->quotes, SaywhoQuote, j);
              if (r->open >= ind->span.start && r->end <= ind->span.end)
                {
                  cue = ind->cue;
                  mention = ind->mention;
                  attributed = TRUE;
                }
            }
        }
      /* A quotation whose closing mark is missing may hold its own
       * attribution: "...words, said X." ends at the comma. */
      guint end = r->end;
      if (!attributed && r->close == G_MAXUINT)
        for (guint i = r->start + 1; i + 1 < r->end && !attributed; i++)
          if (text_is (doc, i, ",") && verb_cue_at (q, doc, i + 1, i + 1))
            {
              cue = (SaywhoSpan) { i + 1, i + 2 };
              if (subject_after (doc, i + 1, r->end, &mention))
                {
                  attributed = TRUE;
                  end = i + 1;
                }
            }
      /* Short quoted words with no cue are scare quotes. */
      if (!attributed && word_count (doc, r->start, end) < 5)
        continue;
      add_quote (doc, SAYWHO_QUOTE_DIRECT, r->start, end, cue, mention);
    }
  g_array_sort (doc->quotes, compare_quotes);
  return TRUE;
}

/* ---- set-up ---------------------------------------------------------------- */

typedef struct {
  Quotes *q;
  SaywhoAnalyzer *analyzer;
} Loader;

static gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static void
add_form (SaywhoStrMap *verbs, const char *form, CueKind kind)
{
  guint32 old;
  if (!saywho_strmap_lookup (verbs, form, saywho_str_hash (form, -1), &old))
    saywho_strmap_insert (verbs, form, saywho_str_hash (form, -1), kind);
}

/* The regular inflections of an English verb, with both spellings where a
 * final consonant may double (admitted, visited): the list gives the base
 * form and any irregular forms (said, told). */
static void
add_verb_forms (SaywhoStrMap *verbs, const char *base, CueKind kind)
{
  gsize n = strlen (base);
  if (n == 0)
    return;
  char last = base[n - 1];
  g_autofree char *stem_e = last == 'e' ? g_strndup (base, n - 1) : g_strdup (base);
  gboolean y_after_consonant = last == 'y' && n > 1 && !is_vowel (base[n - 2]);
  g_autofree char *stem_y = y_after_consonant ? g_strndup (base, n - 1) : NULL;
  gboolean sibilant = g_str_has_suffix (base, "s") || g_str_has_suffix (base, "sh")
                      || g_str_has_suffix (base, "ch") || g_str_has_suffix (base, "x")
                      || g_str_has_suffix (base, "z") || g_str_has_suffix (base, "o");
  gboolean cvc = n >= 3 && !is_vowel (last) && last != 'w' && last != 'x' && last != 'y'
                 && is_vowel (base[n - 2]) && !is_vowel (base[n - 3]);
  char *forms[8] = { 0 };
  guint f = 0;
  forms[f++] = g_strdup (base);
  forms[f++] = y_after_consonant ? g_strconcat (stem_y, "ies", NULL)
               : g_strconcat (base, sibilant ? "es" : "s", NULL);
  forms[f++] = y_after_consonant ? g_strconcat (stem_y, "ied", NULL)
               : g_strconcat (stem_e, "ed", NULL);
  forms[f++] = g_strconcat (stem_e, "ing", NULL);
  if (cvc)
    {
      forms[f++] = g_strdup_printf ("%s%ced", base, last);
      forms[f++] = g_strdup_printf ("%s%cing", base, last);
    }
  for (guint i = 0; i < f; i++)
    {
      add_form (verbs, forms[i], kind);
      g_free (forms[i]);
    }
}

static gboolean
add_cue (char **c, guint ncolumns, guint line, gpointer user_data, GError **error)
{
  Loader *l = user_data;
  (void) ncolumns;
  (void) line;
  CueKind kind;
  if (strcmp (c[1], "verb") == 0)
    kind = CUE_VERB;
  else if (strcmp (c[1], "verb-that") == 0)
    kind = CUE_VERB_THAT;
  else if (strcmp (c[1], "noun") == 0)
    kind = CUE_NOUN;
  else
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                   "unknown cue kind '%s' (verb, verb-that or noun)", c[1]);
      return FALSE;
    }
  const SaywhoDocument *doc = saywho_analyzer_run (l->analyzer, c[0], error);
  if (doc == NULL)
    return FALSE;
  if (doc->tokens->len != 1)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON, "a cue is one word");
      return FALSE;
    }
  const SaywhoToken *tok = saywho_document_token (doc, 0);
  if (kind != CUE_NOUN)
    add_verb_forms (l->q->verbs, tok->norm, kind);
  guint32 old = CUE_NONE;
  /* a verb reading wins over a noun one (report, comment) */
  if (!saywho_strmap_lookup (l->q->cues, tok->stem, tok->stem_hash, &old) || old == CUE_NOUN)
    saywho_strmap_insert (l->q->cues, tok->stem, tok->stem_hash, kind);
  return TRUE;
}

static void
quotes_destroy (gpointer shared)
{
  Quotes *q = shared;
  saywho_strmap_free (q->cues);
  saywho_strmap_free (q->verbs);
  g_free (q);
}

static gpointer
quotes_create (const SaywhoConfig *config, GError **error)
{
  init_word_lists ();
  Quotes *q = g_new0 (Quotes, 1);
  q->cues = saywho_strmap_new ();
  q->verbs = saywho_strmap_new ();
  g_autoptr (SaywhoAnalyzer) analyzer = saywho_analyzer_new (config, error);
  Loader l = { q, analyzer };
  if (analyzer == NULL
      || !saywho_lexicon_read (config->lexicon_dir, "speech-cues.tsv", 2, 2, add_cue, &l, error))
    {
      quotes_destroy (q);
      return NULL;
    }
  return q;
}

const SaywhoStageClass saywho_stage_quotes = {
  .name = "quotes",
  .create = quotes_create,
  .destroy = quotes_destroy,
  .process = quotes_process,
};
