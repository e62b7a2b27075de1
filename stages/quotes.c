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

/* What the patterns ask of a token, as bits.  Every question they put to a
 * word (is it on a list, is it "that", is it a cue verb, is it a comma) is
 * answered once per token, so that the passes test a bit where they
 * compared strings; and one pass over the document (scan_tokens) lists the
 * few tokens where a pattern can start, which the passes look at instead
 * of at every token. */
enum {
  /* the word lists below */
  ON_PRONOUNS = 1u << 0,
  ON_DETERMINERS = 1u << 1,
  ON_AUXILIARIES = 1u << 2,
  ON_NOT_SUBJECTS = 1u << 3,
  /* a verbal form of a verb cue, on a word token */
  CUE_VERB_FORM = 1u << 4,
  CUE_VERB_THAT_FORM = 1u << 5,
  /* the words the patterns name */
  IS_THAT = 1u << 6,
  IS_AND = 1u << 7,
  IS_ACCORDING = 1u << 8,
  IS_TO = 1u << 9,
  IS_QUOTED = 1u << 10,
  IS_AS = 1u << 11,
  IS_SAYING = 1u << 12,
  IS_DESCRIBED = 1u << 13,
  IS_HOW = 1u << 14,
  IS_TELL = 1u << 15,         /* told, tell, tells, telling */
  IS_LISTENER = 1u << 16,     /* reporters, journalists */
  IS_I_WE_YOU = 1u << 17,
  IS_BACKSHIFTED = 1u << 18,  /* was, were, had, would, … */
  /* the text of one-byte tokens */
  IS_COMMA = 1u << 19,
  IS_OPEN_PAREN = 1u << 20,
  IS_CLOSE_PAREN = 1u << 21,
  IS_COLON = 1u << 22,
  IS_STRAIGHT_QUOTE = 1u << 23,
  /* a cue form that is no verb unless it opens the span searched: after
   * an article or a possessive, or capitalized mid-sentence */
  CUE_NOT_INSIDE = 1u << 24,
  /* set per document: inside a direct quotation, marks included; the cue
   * of a direct quotation's attribution */
  IN_RAW = 1u << 25,
  USED = 1u << 26,
  /* the token's LAZY_BITS have been looked up */
  KNOWN = 1u << 27,
  /* a noun for a person in lexicons/speaker-nouns.tsv, but the
   * spokesperson's, who speaks for a body ("player", "official") */
  ON_PERSON_NOUNS = 1u << 28,
  /* a verb in the past that puts words in its subject's mouth: called,
   * branded, accused … */
  IS_EVALUATIVE = 1u << 29,
  /* a conjunction that opens a subordinate clause: though, while … */
  IS_SUBORDINATOR = 1u << 30,
};

#define CUE_FORM (CUE_VERB_FORM | CUE_VERB_THAT_FORM)

/* Only the bits that tell where a pattern may start are found for every
 * token: the cue verbs, "according" and "quoted" (from the cue table, one
 * filter test for most words), and the punctuation.  The other word bits
 * are looked up when a pattern first asks about a token (word_bits), and
 * the patterns ask about a few tokens around each cue only. */
#define LAZY_BITS (ON_PRONOUNS | ON_DETERMINERS | ON_AUXILIARIES | ON_NOT_SUBJECTS | IS_THAT \
                   | IS_AND | IS_TO | IS_AS | IS_SAYING | IS_DESCRIBED | IS_HOW | IS_TELL \
                   | IS_LISTENER | IS_I_WE_YOU | IS_BACKSHIFTED | ON_PERSON_NOUNS | IS_EVALUATIVE \
                   | IS_SUBORDINATOR)

/* Norm → bits for the words of the lists and patterns and every verbal
 * form of the verb cues, looked up by the tokens' own norm hashes.  Open
 * addressing, a quarter full at most; a slot is a hash and its bits (8
 * bytes, eight to a cache line), so that a probe reads hashes only, and a
 * word's bytes are compared only where its hash is.  A word in the table
 * has bits: 0 marks an empty slot. */
typedef struct {
  guint32 hash, bits;
} WordSlot;

typedef struct {
  const char *key;
  guint32 len;
} WordKey;

typedef struct {
  WordSlot *slots;
  WordKey *keys;          /* per slot */
  guint32 mask, used;     /* slots - 1 (a power of two), words */
  GStringChunk *strings;  /* the words */
} WordTable;

/* One bit per word of a table, by the high bits of its hash: most words
 * are in neither table, and a bit test in 2 KB that stay in the cache
 * tells them without a probe. */
#define WORD_FILTER_SHIFT 14
typedef struct {
  guint64 bits[(1u << WORD_FILTER_SHIFT) / 64];
} WordFilter;

static inline gboolean
word_filter_test (const WordFilter *filter, guint32 hash)
{
  guint32 bit = hash >> (32 - WORD_FILTER_SHIFT);
  return (filter->bits[bit >> 6] >> (bit & 63)) & 1;
}

/* The filter of every word of t. */
static void
word_filter_fill (WordFilter *filter, const WordTable *t)
{
  for (guint32 i = 0; i <= t->mask; i++)
    if (t->slots[i].bits != 0)
      {
        guint32 bit = t->slots[i].hash >> (32 - WORD_FILTER_SHIFT);
        filter->bits[bit >> 6] |= G_GUINT64_CONSTANT (1) << (bit & 63);
      }
}

typedef struct {
  SaywhoStrMap *cues;     /* stem → CueKind */
  WordTable cue_words;    /* norm → the bits of every token: cue verbs' forms, according, quoted */
  WordFilter cue_filter;  /* cue_words' */
  WordTable words;        /* norm → the LAZY_BITS */
  WordFilter words_filter;  /* words' */
} Quotes;

typedef struct {
  guint open, close;      /* mark tokens; close == G_MAXUINT when unclosed */
  guint start, end;       /* content tokens [start, end) */
  guint attribution_start, attribution_end;  /* a split quote: the tokens between
                                              * its first part's closing mark and
                                              * its second part's opening one */
  gboolean split;
  /* its attribute_direct() result, found once for the final raws */
  gboolean attributed;
  SaywhoSpan cue, mention;
} Raw;

/* Per-thread scratch, kept from document to document: once the largest
 * document has been seen, a document allocates nothing here. */
typedef struct {
  guint32 *bits;          /* per token, and two zeros past the end */
  guint *marks;           /* the quotation mark tokens, in order */
  guint *cands;           /* the tokens where reported speech may start */
  gsize size;             /* tokens the three have room for */
  Raw *raws;
  guint nraws;
  gsize raws_size;
  SaywhoQuote *quotes;    /* the document's, before they are sorted */
  guint nquotes;
  gsize quotes_size;
  SaywhoQuote *room;      /* room for merging them */
  gsize room_size;
  guint *max_end;         /* reported quotations: running maximum of ends */
  guint *min_start;       /* and running minimum of starts, from the right */
  gsize reported_size;    /* quotations the two have room for */
} Worker;

/* One document as the passes see it. */
typedef struct {
  const Quotes *q;
  const SaywhoDocument *doc;
  Worker *w;
  const SaywhoToken *toks;
  guint32 *bits;
  guint n;                /* tokens */
  const guint *marks;
  guint nmarks;
  const guint *cands;
  guint ncands;
  const SaywhoEntity *entities;  /* the document's */
  guint nentities;
} Scan;

/* ---- the word table --------------------------------------------------------- */

/* The slot of word, or of the empty slot where it would go. */
static inline guint32
word_table_slot (const WordTable *t, const char *word, guint32 len, guint32 hash)
{
  guint32 s = hash & t->mask;
  for (; t->slots[s].bits != 0; s = (s + 1) & t->mask)
    if (t->slots[s].hash == hash && t->keys[s].len == len
        && saywho_bytes_equal (t->keys[s].key, word, len))
      break;
  return s;
}

/* The bits of word, 0 when the table lacks it. */
static inline guint32
word_table_bits (const WordTable *t, const char *word, guint32 len, guint32 hash)
{
  return t->slots[word_table_slot (t, word, len, hash)].bits;
}

static void
word_table_init (WordTable *t, guint32 slots)
{
  t->mask = slots - 1;
  t->used = 0;
  t->slots = g_new0 (WordSlot, slots);
  t->keys = g_new0 (WordKey, slots);
  t->strings = g_string_chunk_new (1024);
}

static void
word_table_clear (WordTable *t)
{
  g_clear_pointer (&t->slots, g_free);
  g_clear_pointer (&t->keys, g_free);
  g_clear_pointer (&t->strings, g_string_chunk_free);
}

/* Twice the room. */
static void
word_table_grow (WordTable *t)
{
  WordSlot *slots = t->slots;
  WordKey *keys = t->keys;
  guint32 size = t->mask + 1;
  t->mask = 2 * size - 1;
  t->slots = g_new0 (WordSlot, 2 * size);
  t->keys = g_new0 (WordKey, 2 * size);
  for (guint32 i = 0; i < size; i++)
    if (slots[i].bits != 0)
      {
        guint32 s = word_table_slot (t, keys[i].key, keys[i].len, slots[i].hash);
        t->slots[s] = slots[i];
        t->keys[s] = keys[i];
      }
  g_free (slots);
  g_free (keys);
}

/* Adds bit (not 0) to word's bits, unless it has one of `unless`. */
static void
word_table_add (WordTable *t, const char *word, guint32 bit, guint32 unless)
{
  guint32 len = (guint32) strlen (word), hash = saywho_str_hash (word, len);
  guint32 s = word_table_slot (t, word, len, hash);
  if (t->slots[s].bits == 0)
    {
      if ((t->used + 1) * 4 > t->mask + 1)
        {
          word_table_grow (t);
          s = word_table_slot (t, word, len, hash);
        }
      t->slots[s].hash = hash;
      t->keys[s] = (WordKey) { g_string_chunk_insert_len (t->strings, word, len), len };
      t->used++;
    }
  if (!(t->slots[s].bits & unless))
    t->slots[s].bits |= bit;
}

/* ---- small predicates ------------------------------------------------------- */

/* Is tok's norm the literal word? */
#define NORM_IS(tok, word) saywho_token_norm_is ((tok), (word))
/* Is tok's norm a word of more than four bytes that ends in the literal
 * suffix ("saying", "challenged")? */
#define NORM_ENDS(tok, suffix) \
  ((tok)->norm_len > 4 \
   && memcmp ((tok)->norm + (tok)->norm_len - (sizeof (suffix) - 1), suffix, \
              sizeof (suffix) - 1) == 0)

/* Is tok a verb's past form: a word that ends in -ed and loses it to the
 * stemmer ("challenged", "vindicated"; not "speed" or "proceed")? */
static inline gboolean
is_past_form (const SaywhoToken *tok)
{
  return tok->kind == SAYWHO_TOKEN_WORD && NORM_ENDS (tok, "ed") && tok->stem_len < tok->norm_len;
}

static const char *const pronouns[] = { "he", "she", "it", "they", "we", "i", "you", NULL };
static const char *const determiners[] = {
  "the", "a", "an", "one", "two", "three", "four", "this", "that", "these", "those", "its", "his", "her", "their", "our",
  "my", "your", "some", "no", "all", "any", "many", "most", "several", "both", "each", NULL,
};
static const char *const auxiliaries[] = {
  "has", "have", "had", "will", "would", "could", "can", "may", "might", "must", "should",
  "shall", "did", "does", "do", "is", "was", "were", "are", "also", "again", "later", "then",
  "previously", "repeatedly", "once", "often", "publicly", "privately", "separately",
  "earlier", "recently", "already", "always", "never", "not", "subsequently", "further",
  "quickly", "immediately", "simply", "only", "still", "long", NULL,
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

/* The single words the patterns below look for, but for "according" and
 * "quoted", which are in the cue table (add_pattern_words). */
static const struct {
  const char *word;
  guint32 bit;
} pattern_words[] = {
  { "that", IS_THAT }, { "and", IS_AND }, { "but", IS_AND }, { "to", IS_TO }, { "as", IS_AS },
  { "saying", IS_SAYING },
  { "described", IS_DESCRIBED }, { "how", IS_HOW },
  { "told", IS_TELL }, { "tell", IS_TELL }, { "tells", IS_TELL }, { "telling", IS_TELL },
  { "reporters", IS_LISTENER }, { "journalists", IS_LISTENER },
  { "i", IS_I_WE_YOU }, { "we", IS_I_WE_YOU }, { "you", IS_I_WE_YOU },
  /* a backshifted verb after a pronoun goes on with reported speech */
  { "was", IS_BACKSHIFTED }, { "were", IS_BACKSHIFTED }, { "had", IS_BACKSHIFTED },
  { "would", IS_BACKSHIFTED }, { "could", IS_BACKSHIFTED }, { "might", IS_BACKSHIFTED },
  { "should", IS_BACKSHIFTED }, { "must", IS_BACKSHIFTED },
  { "called", IS_EVALUATIVE }, { "branded", IS_EVALUATIVE }, { "labelled", IS_EVALUATIVE },
  { "labeled", IS_EVALUATIVE }, { "termed", IS_EVALUATIVE }, { "dubbed", IS_EVALUATIVE },
  { "accused", IS_EVALUATIVE }, { "dismissed", IS_EVALUATIVE }, { "described", IS_EVALUATIVE },
  { "decried", IS_EVALUATIVE }, { "hailed", IS_EVALUATIVE }, { "denounced", IS_EVALUATIVE },
  { "condemned", IS_EVALUATIVE }, { "praised", IS_EVALUATIVE },
  { "though", IS_SUBORDINATOR }, { "although", IS_SUBORDINATOR }, { "while", IS_SUBORDINATOR },
  { "even", IS_SUBORDINATOR }, { "whereas", IS_SUBORDINATOR }, { "because", IS_SUBORDINATOR },
};

static void
add_list (WordTable *words, const char *const *list, guint32 bit)
{
  for (guint k = 0; list[k] != NULL; k++)
    word_table_add (words, list[k], bit, 0);
}

static void
add_pattern_words (Quotes *q)
{
  add_list (&q->words, pronouns, ON_PRONOUNS);
  add_list (&q->words, determiners, ON_DETERMINERS);
  add_list (&q->words, auxiliaries, ON_AUXILIARIES);
  add_list (&q->words, not_subjects, ON_NOT_SUBJECTS);
  for (guint k = 0; k < G_N_ELEMENTS (pattern_words); k++)
    word_table_add (&q->words, pattern_words[k].word, pattern_words[k].bit, 0);
  word_table_add (&q->cue_words, "according", IS_ACCORDING, 0);
  word_table_add (&q->cue_words, "quoted", IS_QUOTED, 0);
}

static inline const SaywhoToken *
tok_at (const Scan *s, guint i)
{
  return &s->toks[i];
}

/* The entity token i is in, or -1: saywho_document_entity_at() inline,
 * which the patterns ask tens of times per cue. */
static inline gint
entity_at (const Scan *s, guint i)
{
  return saywho_entities_find (s->entities, s->nentities, i);
}

/* The bits of token i found for every token; none past the last token
 * (nor for an index that wrapped below 0). */
static inline guint32
bits_at (const Scan *s, guint i)
{
  return i < s->n ? s->bits[i] : 0;
}

/* The LAZY_BITS of a word that passed the filter: out of line, where the
 * probe's registers are saved only for the words that need it. */
static G_GNUC_NO_INLINE guint32
lookup_words (const Quotes *q, const SaywhoToken *tok)
{
  return word_table_bits (&q->words, tok->norm, tok->norm_len, tok->norm_hash);
}

static inline guint32
learn (const Scan *s, guint i)
{
  const SaywhoToken *tok = tok_at (s, i);
  guint32 b = s->bits[i] | KNOWN;
  if (word_filter_test (&s->q->words_filter, tok->norm_hash))
    b |= lookup_words (s->q, tok);
  s->bits[i] = b;
  return b;
}

/* Every bit of token i, the LAZY_BITS looked up on first use. */
static inline guint32
word_bits (const Scan *s, guint i)
{
  if (i >= s->n)
    return 0;
  guint32 b = s->bits[i];
  return (b & KNOWN) ? b : learn (s, i);
}

static inline gboolean
has (const Scan *s, guint i, guint32 bit)
{
  return ((bit & LAZY_BITS) ? word_bits (s, i) : bits_at (s, i)) & bit;
}

static gboolean
is_quote_mark (const SaywhoToken *tok, guint flag)
{
  return tok->kind == SAYWHO_TOKEN_QUOTE && (tok->flags & flag);
}

/* A speech verb used as a verb: one of its verbal forms (says, said,
 * saying, but not "accusations" that shares a stem with "accuse"), not
 * after an article or possessive ("the report", "his remarks"), and not
 * capitalized mid-sentence, which is a name ("Said"). */
static inline gboolean
verb_cue_at (const Scan *s, guint i, guint sentence_start)
{
  guint32 b = bits_at (s, i);
  return (b & CUE_FORM) && (i <= sentence_start || !(b & CUE_NOT_INSIDE));
}

/* The bits of a token of one byte that is one of the marks the patterns
 * name.  (By a table: the switch it was mispredicted its jump two times in
 * three.) */
static inline guint32
mark_bits (const char *text, const SaywhoToken *tok)
{
  static const guint32 of_byte[256] = {
    [','] = IS_COMMA, ['('] = IS_OPEN_PAREN, [')'] = IS_CLOSE_PAREN, [':'] = IS_COLON,
    ['"'] = IS_STRAIGHT_QUOTE,
  };
  if (tok->byte_end - tok->byte_start != 1)
    return 0;
  return of_byte[(guchar) text[tok->byte_start]];
}

/* Does an entity end at token i, a possessive inside it ("Moody's")? */
static gboolean
name_ends_at (const Scan *s, guint i)
{
  gint e = entity_at (s, i - 1);
  return e >= 0 && g_array_index (s->doc->entities, SaywhoEntity, e).span.end == i;
}

/* The cue table's bits of a word that passed its filter (a few in a
 * hundred): out of line, so that the loop over every token keeps its
 * values in registers rather than making room for the probe's. */
static G_GNUC_NO_INLINE guint32
cue_word_bits (const Quotes *q, const SaywhoToken *tok)
{
  return word_table_bits (&q->cue_words, tok->norm, tok->norm_len, tok->norm_hash);
}

/* The bits every token needs, and the tokens the passes start from: the
 * quotation marks, and the cue verbs and words of reported speech. */
static void
scan_tokens (Scan *s, Worker *w)
{
  guint n = s->n;
  if (w->size < n)
    {
      w->size = MAX (n, w->size * 2);
      g_free (w->bits);
      g_free (w->marks);
      g_free (w->cands);
      w->bits = g_new (guint32, w->size + 2);
      w->marks = g_new (guint, w->size);
      w->cands = g_new (guint, w->size);
    }
  const char *text = s->doc->text;
  const Quotes *q = s->q;
  const SaywhoToken *toks = s->toks;
  guint32 *bits = w->bits;
  guint nmarks = 0, ncands = 0;
  for (guint i = 0; i < n; i++)
    {
      const SaywhoToken *tok = &toks[i];
      guint32 b = 0;
      if (tok->kind == SAYWHO_TOKEN_WORD)
        {
          /* a word of one byte is a letter or a digit, none of the marks */
          if (word_filter_test (&q->cue_filter, tok->norm_hash))
            {
              b = cue_word_bits (q, tok);
              if (b != 0)
                w->cands[ncands++] = i;
            }
        }
      else if (tok->kind == SAYWHO_TOKEN_QUOTE || tok->kind == SAYWHO_TOKEN_PUNCT)
        {
          if (tok->kind == SAYWHO_TOKEN_QUOTE)
            w->marks[nmarks++] = i;
          /* punctuation is none of the words of the tables */
          b = KNOWN | mark_bits (text, tok);
        }
      else
        {
          /* a number or an abbreviation, say: "according" at most, as a cue
           * verb is a word */
          if (word_filter_test (&q->cue_filter, tok->norm_hash))
            {
              b = cue_word_bits (q, tok) & ~(guint32) CUE_FORM;
              if (b != 0)
                w->cands[ncands++] = i;
            }
          b |= mark_bits (text, tok);
        }
      bits[i] = b;
    }
  bits[n] = bits[n + 1] = 0;
  s->bits = bits;
  s->marks = w->marks;
  s->nmarks = nmarks;
  s->cands = w->cands;
  s->ncands = ncands;
  /* A cue form after an article or a possessive, or capitalized
   * mid-sentence, is no verb (verb_cue_at). */
  for (guint k = 0; k < ncands; k++)
    {
      guint i = w->cands[k];
      const SaywhoToken *tok = &toks[i];
      if (!(bits[i] & CUE_FORM) || i == 0)
        continue;
      /* (a possessive inside a name is none: "Moody's said") */
      if ((word_bits (s, i - 1) & (ON_DETERMINERS | IS_THAT)) == ON_DETERMINERS
          || (toks[i - 1].kind == SAYWHO_TOKEN_POSSESSIVE && !name_ends_at (s, i))
          || ((tok->flags & SAYWHO_TOKEN_CAPITALIZED)
              && !(tok->flags & SAYWHO_TOKEN_SENTENCE_START)))
        bits[i] |= CUE_NOT_INSIDE;
    }
}

/* The index of the first of a[0..n), sorted, that is at least x. */
static guint
lower_bound (const guint *a, guint n, guint x)
{
  guint lo = 0, hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (a[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The index of the first of a[0..n), sorted, that is at least x; *hint is
 * where the last search ended, so that searches for growing x walk the
 * array once. */
static inline guint
first_at_least (const guint *a, guint n, guint *hint, guint x)
{
  guint k = *hint;
  if (k > 0 && a[k - 1] >= x)
    k = lower_bound (a, k, x);
  else
    while (k < n && a[k] < x)
      k++;
  *hint = k;
  return k;
}


/* Marks the tokens of the raw quotations, marks included. */
static void
mark_raws (const Scan *s)
{
  for (guint k = 0; k < s->w->nraws; k++)
    {
      const Raw *r = &s->w->raws[k];
      guint last = MIN (r->close == G_MAXUINT ? r->end : r->close + 1, s->n);
      for (guint i = r->open; i < last; i++)
        s->bits[i] |= IN_RAW;
    }
}

static guint
sentence_end_of (const Scan *s, guint i)
{
  return g_array_index (s->doc->sentences, SaywhoSpan, tok_at (s, i)->sentence).end;
}

static guint
sentence_start_of (const Scan *s, guint i)
{
  return g_array_index (s->doc->sentences, SaywhoSpan, tok_at (s, i)->sentence).start;
}

/* ---- the speaker's mention ------------------------------------------------ */

/* The subject of the clause that starts at limit, among its first words:
 * the first name (not a dateline) or pronoun.  "X cut its forecast … and
 * said", "X cut rates, saying …".  A name that only modifies the subject
 * is passed over ("Dubai-based Emirates", "Chinese"), and a possessive
 * hands on to the name it owns ("Russia's Foreign Ministry"). */
static gboolean
clause_subject (const Scan *s, guint limit, guint before, SaywhoSpan *mention)
{
  const SaywhoDocument *doc = s->doc;
  /* past a quotation that opens the sentence: `"…," the ministry said,
   * adding …` */
  while (limit < before && has (s, limit, IN_RAW))
    limit++;
  for (guint k = limit; k < before && k < limit + 8; k++)
    {
      gint e = entity_at (s, k);
      /* "In Kyiv, Volodymyr Zelensky thanked …": a place after a
       * preposition only sets the scene */
      if (e >= 0 && k > limit
          && (NORM_IS (tok_at (s, k - 1), "in") || NORM_IS (tok_at (s, k - 1), "at")
              || NORM_IS (tok_at (s, k - 1), "from") || NORM_IS (tok_at (s, k - 1), "during")
              || NORM_IS (tok_at (s, k - 1), "after") || NORM_IS (tok_at (s, k - 1), "outside")))
        {
          k = g_array_index (doc->entities, SaywhoEntity, e).span.end - 1;
          continue;
        }
      if (e >= 0 && !(tok_at (s, k)->flags & SAYWHO_TOKEN_DATELINE))
        {
          const SaywhoEntity *ent = &g_array_index (doc->entities, SaywhoEntity, e);
          guint end = ent->span.end;
          const SaywhoToken *after = end < s->n ? tok_at (s, end) : NULL;
          if (ent->type == SAYWHO_ENTITY_MISC
              || (after != NULL && after->norm_len == 1 && after->norm[0] == '-'))
            {
              k = end - 1;
              continue;
            }
          if (after != NULL && after->kind == SAYWHO_TOKEN_POSSESSIVE && end + 1 < before)
            {
              gint owned = entity_at (s, end + 1);
              if (owned >= 0)
                ent = &g_array_index (doc->entities, SaywhoEntity, owned);
            }
          /* "EFF lawmaker Sizwe Mthembu", "Foreign Ministry spokesman Wang
           * Wenbin": a body and a role before the person */
          else if (ent->type != SAYWHO_ENTITY_PER)
            for (guint j = end; j < before && j < end + 3; j++)
              {
                const SaywhoToken *t = tok_at (s, j);
                gint p = entity_at (s, j);
                if (j > end && p >= 0
                    && g_array_index (doc->entities, SaywhoEntity, p).type == SAYWHO_ENTITY_PER)
                  {
                    ent = &g_array_index (doc->entities, SaywhoEntity, p);
                    break;
                  }
                if (t->kind != SAYWHO_TOKEN_WORD || (t->flags & SAYWHO_TOKEN_CAPITALIZED)
                    || has (s, j, ON_NOT_SUBJECTS | ON_AUXILIARIES))
                  break;
              }
          *mention = ent->span;
          return TRUE;
        }
      if (has (s, k, ON_PRONOUNS))
        {
          *mention = (SaywhoSpan) { k, k + 1 };
          return TRUE;
        }
    }
  return FALSE;
}

/* A name that opens the clause at limit and is set off by a comma or a
 * bracket: "Ned Price, the council's spokesman, said", "Halidou Tinto, a
 * researcher at …, Burkina Faso, said". */
static gboolean
clause_opens_with_name (const Scan *s, guint limit, guint before, SaywhoSpan *mention)
{
  const SaywhoDocument *doc = s->doc;
  guint k = limit;
  if (k < before && has (s, k, ON_DETERMINERS))
    k++;
  /* a title before the name: "Sen. Ada Lovel, a Maine Republican who …," */
  for (guint t = 0; t < 4 && k < before && entity_at (s, k) < 0; t++, k++)
    {
      const SaywhoToken *tok = tok_at (s, k);
      if (!(tok->flags & (SAYWHO_TOKEN_ABBREV_TITLE | SAYWHO_TOKEN_CAPITALIZED))
          || tok->kind == SAYWHO_TOKEN_PUNCT || has (s, k, ON_NOT_SUBJECTS | ON_DETERMINERS))
        return FALSE;  /* "In Washington, Sen. X, …, said" opens with no name */
    }
  gint e = k < before ? entity_at (s, k) : -1;
  if (e < 0)
    return FALSE;
  const SaywhoEntity *ent = &g_array_index (doc->entities, SaywhoEntity, e);
  if (ent->type == SAYWHO_ENTITY_MISC || ent->span.start != k || ent->span.end >= before
      || !has (s, ent->span.end, IS_COMMA | IS_OPEN_PAREN))
    return FALSE;
  *mention = ent->span;
  return TRUE;
}

/* The person a place or body describes, from limit on: "Ada Lovel of
 * Ohio", "Ned Pricey of the Foobar Institute" give Ada Lovel and Ned
 * Pricey; any other mention is itself. */
static SaywhoSpan
person_of (const Scan *s, guint limit, SaywhoSpan mention)
{
  const SaywhoDocument *doc = s->doc;
  if (mention.start < limit + 2)
    return mention;
  guint of = mention.start - 1;
  /* (and up to two adjectives: "of the conservative National Action
   * Party") */
  for (guint a = 0; a < 2 && of > limit + 2 && tok_at (s, of)->kind == SAYWHO_TOKEN_WORD
                    && !(tok_at (s, of)->flags & SAYWHO_TOKEN_CAPITALIZED)
                    && !has (s, of, ON_DETERMINERS) && !NORM_IS (tok_at (s, of), "of");
       a++)
    of--;
  if (has (s, of, ON_DETERMINERS) && of > limit + 1)
    of--;
  const SaywhoToken *t = tok_at (s, of);
  if (!NORM_IS (t, "of"))
    return mention;
  gint person = entity_at (s, of - 1);
  if (person < 0 || g_array_index (doc->entities, SaywhoEntity, person).type != SAYWHO_ENTITY_PER)
    return mention;
  return g_array_index (doc->entities, SaywhoEntity, person).span;
}

/* A participle (saying, adding, warning): its subject is the clause's. */
static gboolean
is_participle (const SaywhoToken *tok)
{
  return NORM_ENDS (tok, "ing");
}

/* The mention a subject search lands on, from token i backwards to limit:
 * the nearest name, pronoun or noun phrase before a verb cue, skipping
 * auxiliaries, adverbs and appositives ("Ned Price, the council's
 * spokesman, said").  Returns FALSE when there is none. */
/* Does a name fill tokens [from, to), after a rank or title of up to three
 * capitalized words and with "of" and a place or body after it ("Rep.
 * Warren Pike of Missouri")?  Sets *mention to the name.  persons_only:
 * only a person's name. */
static gboolean
name_fills (const Scan *s, guint from, guint to, gboolean persons_only, SaywhoSpan *mention)
{
  const SaywhoDocument *doc = s->doc;
  guint start = from;
  while (start + 1 < to && entity_at (s, start) < 0
         && (tok_at (s, start)->flags & SAYWHO_TOKEN_CAPITALIZED) && start < from + 3)
    start++;
  gint e = start < to ? entity_at (s, start) : -1;
  if (e < 0)
    return FALSE;
  const SaywhoEntity *ent = &g_array_index (doc->entities, SaywhoEntity, e);
  guint after = ent->span.end;
  if (after + 1 < to && NORM_IS (tok_at (s, after), "of"))
    {
      gint of = entity_at (s, after + 1);
      if (of < 0 && NORM_IS (tok_at (s, after + 1), "the"))
        of = entity_at (s, after + 2);
      if (of >= 0)
        after = g_array_index (doc->entities, SaywhoEntity, of).span.end;
    }
  if (ent->type == SAYWHO_ENTITY_MISC || (persons_only && ent->type != SAYWHO_ENTITY_PER)
      || ent->span.start != start || (ent->span.end != to && after != to))
    return FALSE;
  *mention = ent->span;
  return TRUE;
}

static gboolean
subject_before (const Scan *s, guint cue, guint limit, SaywhoSpan *mention)
{
  const SaywhoDocument *doc = s->doc;
  if (cue == 0 || cue <= limit)
    return FALSE;
  gint i = (gint) cue - 1;
  /* "with Qatar saying …, and Israel insisting …": a participle right
   * after a name has that name for its subject */
  if (i >= (gint) limit && is_participle (tok_at (s, cue)))
    {
      gint e = entity_at (s, (guint) i);
      if (e >= 0 && g_array_index (doc->entities, SaywhoEntity, e).type != SAYWHO_ENTITY_MISC
          && g_array_index (doc->entities, SaywhoEntity, e).span.end == cue)
        {
          *mention = g_array_index (doc->entities, SaywhoEntity, e).span;
          return TRUE;
        }
    }
  while (i >= (gint) limit && has (s, (guint) i, ON_AUXILIARIES))
    i--;
  /* "the Department of Homeland Security (DHS) said": past a parenthesis */
  if (i >= (gint) limit && has (s, (guint) i, IS_CLOSE_PAREN))
    {
      gint k = i - 1;
      while (k >= (gint) limit && !has (s, (guint) k, IS_OPEN_PAREN))
        k--;
      if (k > (gint) limit)
        i = k - 1;
    }
  /* "Ada Lovel, who told reporters": the name the relative clause is on */
  if (i > (gint) limit + 1 && NORM_IS (tok_at (s, (guint) i), "who")
      && has (s, (guint) i - 1, IS_COMMA))
    {
      gint e = entity_at (s, (guint) i - 2);
      if (e >= 0 && g_array_index (doc->entities, SaywhoEntity, e).type != SAYWHO_ENTITY_MISC)
        {
          *mention = g_array_index (doc->entities, SaywhoEntity, e).span;
          return TRUE;
        }
    }
  /* `dismissed the claims as "pure fiction," saying …` */
  if (i >= (gint) limit && is_participle (tok_at (s, cue))
      && tok_at (s, (guint) i)->kind == SAYWHO_TOKEN_QUOTE)
    return clause_subject (s, limit, (guint) i, mention);
  /* "X projected that A, but warned that B": the subject of the cue before
   * it; "X cut its forecast … and said": the sentence's own subject */
  if (i >= (gint) limit && has (s, (guint) i, IS_AND))
    {
      for (gint k = i - 1; k > (gint) limit; k--)
        if (verb_cue_at (s, (guint) k, limit) && !has (s, (guint) k, IN_RAW))
          return subject_before (s, (guint) k, limit, mention);
      return clause_subject (s, limit, (guint) i, mention);
    }
  /* An appositive between commas: look before it for a name. */
  if (i >= (gint) limit && has (s, (guint) i, IS_COMMA))
    {
      /* "The bank cut rates, saying …"; `"…," the ministry said, adding
       * that …`: the subject of the verb before the comma if it is a cue */
      if (is_participle (tok_at (s, cue)))
        {
          /* (not an infinitive: "too slow to respond, saying") */
          if (i > (gint) limit && verb_cue_at (s, (guint) i - 1, limit)
              && !(i - 2 >= (gint) limit && has (s, (guint) i - 2, IS_TO))
              && subject_before (s, (guint) i - 1, limit, mention))
            return TRUE;
          /* (the sentence's subject, even when a clause reported before
           * the participle set the limit: "Falk rejected suggestions that
           * the firm was slow, saying …") */
          return clause_subject (s, MIN (limit, sentence_start_of (s, cue)), (guint) i, mention);
        }
      if (clause_opens_with_name (s, limit, (guint) i, mention))
        return TRUE;
      gint k = i - 1;
      while (k >= (gint) limit && !has (s, (guint) k, IS_COMMA)
             && tok_at (s, (guint) k)->kind != SAYWHO_TOKEN_QUOTE)
        k--;
      if (k >= (gint) limit && has (s, (guint) k, IS_COMMA) && k > (gint) limit)
        {
          /* "Ted Cruz (R-Texas), the panel's top Republican, said" */
          if (has (s, (guint) (k - 1), IS_CLOSE_PAREN))
            {
              gint p = k - 1;
              while (p > (gint) limit && !has (s, (guint) p, IS_OPEN_PAREN))
                p--;
              k = p;
            }
          gint e = entity_at (s, (guint) (k - 1));
          /* "Strimly's head of privacy for Europe, Lena Vogt, said", "The
           * committee's top Democrat, Sen. Denise Whitaker of Minnesota,
           * said": a person that fills the commas is the speaker, not a
           * place, a body or an affiliation the description before them
           * ends with */
          if (e >= 0 && g_array_index (doc->entities, SaywhoEntity, e).type != SAYWHO_ENTITY_PER
              && name_fills (s, (guint) k + 1, (guint) i, TRUE, mention))
            return TRUE;
          if (e >= 0)
            {
              *mention = person_of (s, limit,
                                    g_array_index (doc->entities, SaywhoEntity, e).span);
              return TRUE;
            }
          /* "His spokesman, Stephane Dujarric, said", "The bloc's foreign
           * policy chief, Kaja Kallas, told": a description, then the
           * name as its appositive (past a rank or title: "A navy
           * spokesman, Commodore Adamu Bello, said") */
          if (name_fills (s, (guint) k + 1, (guint) i, FALSE, mention))
            return TRUE;
        }
      return FALSE;
    }
  if (i < (gint) limit)
    return FALSE;
  /* "an official familiar with the talks said", "a source close to the
   * Kremlin said": the phrase after the head names no speaker */
  for (gint k = i - 1; k > (gint) limit && k >= i - 6; k--)
    {
      const SaywhoToken *tok = tok_at (s, (guint) k);
      if (tok->kind != SAYWHO_TOKEN_WORD && entity_at (s, (guint) k) < 0)
        break;
      if ((NORM_IS (tok, "familiar") || NORM_IS (tok, "close") || NORM_IS (tok, "briefed")
           || NORM_IS (tok, "involved"))
          && has (s, (guint) k + 1, ON_NOT_SUBJECTS))
        {
          i = k - 1;
          break;
        }
    }
  /* A name, or a phrase that holds one ("a report by the SIA", "the NSC
   * spokesman Ned Price", "a White House statement"). */
  for (gint k = i; k >= (gint) limit; k--)
    {
      const SaywhoToken *tok = tok_at (s, (guint) k);
      guint32 b = word_bits (s, (guint) k);
      gint e = entity_at (s, (guint) k);
      /* "American officials": a nationality only modifies the subject; so
       * does a name before a plural head ("two EU diplomats", "U.S.
       * officials"): a group of unnamed people. */
      const SaywhoToken *head_tok = tok_at (s, (guint) i);
      gboolean plural_head = e >= 0 && k < i && head_tok->kind == SAYWHO_TOKEN_WORD
                             && !(head_tok->flags & SAYWHO_TOKEN_CAPITALIZED)
                             && head_tok->norm_len > 3
                             && head_tok->norm[head_tok->norm_len - 1] == 's'
                             && head_tok->norm[head_tok->norm_len - 2] != 's'
                             && g_array_index (doc->entities, SaywhoEntity, e).span.end == (guint) i;
      /* "the Munster player", "a NATO official": a name before a person
       * noun heads no mention; the phrase is the mention, for the speakers
       * stage to resolve */
      gboolean person_head = e >= 0 && k < i
                             && g_array_index (doc->entities, SaywhoEntity, e).span.end == (guint) i
                             && head_tok->kind == SAYWHO_TOKEN_WORD
                             && !(head_tok->flags & SAYWHO_TOKEN_CAPITALIZED)
                             && (word_bits (s, (guint) i) & ON_PERSON_NOUNS);
      if (person_head)
        {
          *mention = (SaywhoSpan) { g_array_index (doc->entities, SaywhoEntity, e).span.start,
                                    (guint) i + 1 };
          return TRUE;
        }
      if (e >= 0 && g_array_index (doc->entities, SaywhoEntity, e).type != SAYWHO_ENTITY_MISC
          && !plural_head)
        {
          *mention = person_of (s, limit, g_array_index (doc->entities, SaywhoEntity, e).span);
          return TRUE;
        }
      if (e >= 0 && k < i)
        {
          guint start = g_array_index (doc->entities, SaywhoEntity, e).span.start;
          *mention = (SaywhoSpan) { start, (guint) i + 1 };
          return TRUE;
        }
      if ((b & ON_PRONOUNS) && tok->kind == SAYWHO_TOKEN_WORD)
        {
          *mention = (SaywhoSpan) { (guint) k, (guint) k + 1 };
          return TRUE;
        }
      if (b & IS_CLOSE_PAREN)
        {
          while (k > (gint) limit && !has (s, (guint) k, IS_OPEN_PAREN))
            k--;
          continue;
        }
      /* Stop at what cannot be inside a subject phrase. */
      if (tok->kind == SAYWHO_TOKEN_PUNCT || tok->kind == SAYWHO_TOKEN_QUOTE
          || (b & (IS_THAT | IS_AND)))
        break;
      if ((b & ON_DETERMINERS) || (guint) k == limit
          || (tok->flags & SAYWHO_TOKEN_SENTENCE_START))
        {
          /* A noun phrase with no name: from after the article to the head
           * noun before the cue. */
          guint start = (b & ON_DETERMINERS) ? (guint) k + 1 : (guint) k;
          if (start <= (guint) i)
            {
              *mention = (SaywhoSpan) { start, (guint) i + 1 };
              return TRUE;
            }
          break;
        }
    }
  /* A bare noun phrase ("officials said"): its last word. */
  const SaywhoToken *head = tok_at (s, (guint) i);
  if (head->kind == SAYWHO_TOKEN_WORD)
    {
      *mention = (SaywhoSpan) { (guint) i, (guint) i + 1 };
      return TRUE;
    }
  return FALSE;
}

/* The subject after an inverted cue ("said Kerry", "said the ministry"). */
static gboolean
subject_after (const Scan *s, guint cue, guint limit, SaywhoSpan *mention)
{
  const SaywhoDocument *doc = s->doc;
  gboolean phrase = cue + 1 < limit && has (s, cue + 1, ON_DETERMINERS);
  for (guint k = cue + 1; k < limit && k < cue + 8; k++)
    {
      const SaywhoToken *tok = tok_at (s, k);
      gint e = entity_at (s, k);
      /* "said one London-based economist", "said a Chinese official": a
       * place or nationality inside a noun phrase only modifies it. */
      if (e >= 0 && phrase
          && g_array_index (doc->entities, SaywhoEntity, e).type >= SAYWHO_ENTITY_LOC)
        {
          k = g_array_index (doc->entities, SaywhoEntity, e).span.end - 1;
          continue;
        }
      if (e >= 0)
        {
          const SaywhoEntity *ent = &g_array_index (doc->entities, SaywhoEntity, e);
          /* "said Philippine Foreign Secretary Ramon Estrella", "said NATO
           * Secretary General Mark Rutte": past a nationality or a body
           * and a title to the person */
          if (ent->type != SAYWHO_ENTITY_PER)
            {
              guint j = ent->span.end;
              while (j < limit && j < ent->span.end + 4 && entity_at (s, j) < 0
                     && (tok_at (s, j)->flags & SAYWHO_TOKEN_CAPITALIZED)
                     && (tok_at (s, j)->kind == SAYWHO_TOKEN_WORD
                         || tok_at (s, j)->kind == SAYWHO_TOKEN_ABBREVIATION))
                j++;
              gint p = j < limit ? entity_at (s, j) : -1;
              if (p >= 0 && g_array_index (doc->entities, SaywhoEntity, p).type == SAYWHO_ENTITY_PER
                  && g_array_index (doc->entities, SaywhoEntity, p).span.start == j)
                {
                  *mention = g_array_index (doc->entities, SaywhoEntity, p).span;
                  return TRUE;
                }
              if (ent->type == SAYWHO_ENTITY_MISC)
                {
                  k = ent->span.end - 1;
                  continue;
                }
            }
          *mention = ent->span;
          return TRUE;
        }
      if (has (s, k, ON_PRONOUNS))
        {
          *mention = (SaywhoSpan) { k, k + 1 };
          return TRUE;
        }
      if (phrase && tok->norm_len == 1 && tok->norm[0] == '-')
        continue;  /* "London-based" */
      /* "said a Japanese diplomat who accompanied Kishida": the phrase ends
       * where its relative clause starts. */
      if (phrase && k > cue + 2 && tok->kind == SAYWHO_TOKEN_WORD
          && (NORM_IS (tok, "who") || NORM_IS (tok, "which")))
        {
          *mention = (SaywhoSpan) { cue + 2, k };
          return TRUE;
        }
      if (tok->kind == SAYWHO_TOKEN_PUNCT || tok->kind == SAYWHO_TOKEN_QUOTE)
        {
          if (k > cue + 1 && !has (s, cue + 1, ON_DETERMINERS))
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

/* Is what follows cue, up to the sentence's end or a comma, only the
 * subject of an inverted attribution: a name (after titles), a pronoun,
 * one capitalized
 * word, or a short phrase that opens with a determiner and holds no verb
 * in the past ("…, said John Kerry.", "…, said Gonzalez.", "…, said the
 * finance minister, who …"), not a clause ("…, said prices would rise")? */
static gboolean
inverted_subject (const Scan *s, guint cue, guint s_end)
{
  guint k = cue + 1, end = k;
  while (end < s_end && !has (s, end, IS_COMMA) && tok_at (s, end)->kind != SAYWHO_TOKEN_PUNCT
         && tok_at (s, end)->kind != SAYWHO_TOKEN_QUOTE)
    end++;
  if (end == k || !(end + 1 >= s_end || has (s, end, IS_COMMA)))
    return FALSE;
  /* a name that ends the phrase, after titles if any ("said Minister Ada
   * Lovel", "said Philippine Foreign Secretary Ramon Estrella") */
  gint e = entity_at (s, end - 1);
  if (e >= 0 && g_array_index (s->doc->entities, SaywhoEntity, e).span.end == end)
    {
      for (guint j = k; j < g_array_index (s->doc->entities, SaywhoEntity, e).span.start; j++)
        if (!(tok_at (s, j)->flags & SAYWHO_TOKEN_CAPITALIZED))
          return FALSE;
      return TRUE;
    }
  if (end == k + 1)
    return has (s, k, ON_PRONOUNS) || (tok_at (s, k)->flags & SAYWHO_TOKEN_CAPITALIZED);
  if (!has (s, k, ON_DETERMINERS) || end > k + 5)
    return FALSE;
  for (guint j = k + 1; j < end; j++)
    if (is_past_form (tok_at (s, j)) || has (s, j, IS_BACKSHIFTED))
      return FALSE;
  return TRUE;
}

/* The comma before token `at` (a comma itself), within eight tokens and
 * the sentence from start, or -1. */
static gint
comma_before (const Scan *s, guint start, guint at)
{
  for (guint k = at; k-- > start && at - k <= 8;)
    {
      if (has (s, k, IS_COMMA))
        return (gint) k;
      if (tok_at (s, k)->kind == SAYWHO_TOKEN_QUOTE
          || (tok_at (s, k)->kind == SAYWHO_TOKEN_PUNCT && !NORM_IS (tok_at (s, k), "-")
              && !has (s, k, IS_OPEN_PAREN | IS_CLOSE_PAREN)))
        return -1;
    }
  return -1;
}

/* Do the two comma-delimited groups before the comma at `last` hold a
 * name and a description that opens with a determiner or a possessive, in
 * either order ("his spokeswoman, Jen Psaki,", "Jen Psaki, his
 * spokeswoman,")?  Sets *mention to the name and *end to the comma before
 * both, where the clause they follow ends. */
static gboolean
inverted_pair (const Scan *s, guint start, guint last, SaywhoSpan *mention, guint *end)
{
  gint c1 = last > start ? comma_before (s, start, last) : -1;
  if (c1 < 0)
    return FALSE;
  gint c2 = comma_before (s, start, (guint) c1);
  if (c2 < 0 || (guint) c2 < start + 3)
    return FALSE;
  SaywhoSpan name;
  gboolean name_last = name_fills (s, (guint) c1 + 1, last, FALSE, &name);
  gboolean name_first = !name_last && name_fills (s, (guint) c2 + 1, (guint) c1, FALSE, &name);
  if (!name_last && !name_first)
    return FALSE;
  guint d = name_last ? (guint) c2 + 1 : (guint) c1 + 1;  /* the description */
  gboolean described = has (s, d, ON_DETERMINERS)
                       || (d + 1 < s->n && tok_at (s, d + 1)->kind == SAYWHO_TOKEN_POSSESSIVE);
  if (!described)
    return FALSE;
  *mention = name;
  *end = (guint) c2;
  return TRUE;
}

/* Is there, within eight words before the mark at open and in its
 * sentence, a verb in the past that puts words in its subject's mouth
 * ("called", "branded", "accused … of", "dismissed … as")? */
static gboolean
evaluative_verb_before (const Scan *s, guint open)
{
  guint start = sentence_start_of (s, open);
  for (guint k = open; k-- > start && open - k <= 8;)
    {
      if (tok_at (s, k)->kind == SAYWHO_TOKEN_QUOTE)
        return FALSE;
      /* (not "so-called") */
      if (has (s, k, IS_EVALUATIVE) && !(k > start && NORM_IS (tok_at (s, k - 1), "-")))
        return TRUE;
    }
  return FALSE;
}

/* ---- direct quotations ------------------------------------------------------ */

static guint clause_after (const Scan *s, guint cue, guint s_end);

static void
close_raw (Worker *w, guint open, guint close, guint end)
{
  Raw r = { .open = open, .close = close, .start = open + 1, .end = end };
  if (r.end <= r.start)
    return;
  if (w->nraws == w->raws_size)
    {
      w->raws_size = MAX (16, w->raws_size * 2);
      w->raws = g_renew (Raw, w->raws, w->raws_size);
    }
  w->raws[w->nraws++] = r;
}

/* Pairs the quotation marks of the document into raw quotations.  It walks
 * the marks found by scan_tokens(), not the tokens between them. */
static void
pair_marks (const Scan *s)
{
  const SaywhoDocument *doc = s->doc;
  const guint *marks = s->marks;
  guint nmarks = s->nmarks, hint = 0;
  guint n = s->n;
  for (guint p = 0; p < doc->paragraphs->len; p++)
    {
      SaywhoSpan para = g_array_index (doc->paragraphs, SaywhoSpan, p);
      gint open = -1;           /* the outer mark */
      guint outer = 0;          /* its flag: double or single */
      for (guint m = first_at_least (marks, nmarks, &hint, para.start);
           m < nmarks && marks[m] < para.end; m++)
        {
          guint i = marks[m];
          const SaywhoToken *tok = tok_at (s, i);
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
              close_raw (s->w, (guint) open, i, i);
              open = -1;
            }
          else
            {
              /* An opening mark while one is open: the first was never
               * closed; it ends here. */
              close_raw (s->w, (guint) open, G_MAXUINT, i);
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
          const SaywhoToken *first = tok_at (s, next.start);
          if (!is_quote_mark (first, SAYWHO_TOKEN_QUOTE_OPEN) || !(first->flags & outer))
            break;
          p++;
          /* Does it close in this paragraph? */
          gint close = -1;
          for (guint m = first_at_least (marks, nmarks, &hint, next.start + 1);
               m < nmarks && marks[m] < next.end && close < 0; m++)
            {
              const SaywhoToken *tok = tok_at (s, marks[m]);
              if ((tok->flags & outer) && (tok->flags & SAYWHO_TOKEN_QUOTE_CLOSE))
                close = (gint) marks[m];
            }
          if (close >= 0)
            {
              close_raw (s->w, start, (guint) close, (guint) close);
              /* the rest of the paragraph may hold more quotations */
              start = G_MAXUINT;
              SaywhoSpan rest = { (guint) close + 1, next.end };
              gint o = -1;
              for (guint m = first_at_least (marks, nmarks, &hint, rest.start);
                   m < nmarks && marks[m] < rest.end; m++)
                {
                  guint i = marks[m];
                  const SaywhoToken *tok = tok_at (s, i);
                  if (!is_quote_mark (tok, 0xffff) || !(tok->flags & outer))
                    continue;
                  if (o < 0 && (tok->flags & SAYWHO_TOKEN_QUOTE_OPEN))
                    o = (gint) i;
                  else if (o >= 0 && (tok->flags & SAYWHO_TOKEN_QUOTE_CLOSE))
                    {
                      close_raw (s->w, (guint) o, i, i);
                      o = -1;
                    }
                }
              if (o >= 0)
                close_raw (s->w, (guint) o, G_MAXUINT, rest.end);
              break;
            }
          para = next;
        }
      if (start != G_MAXUINT)
        {
          /* Unclosed: it ends with its (last) paragraph, never later. */
          guint end = para.end;
          close_raw (s->w, start, G_MAXUINT, MIN (end, n));
        }
    }
}

/* Words of content in a quotation. */
static guint
word_count (const Scan *s, guint start, guint end)
{
  guint words = 0;
  for (guint i = start; i < end; i++)
    words += tok_at (s, i)->kind == SAYWHO_TOKEN_WORD;
  return words;
}

/* The cue and mention of a direct quotation's attribution: right after its
 * closing mark ("...," she said / said Kerry / was how X described it),
 * else right before its opening mark (Price said: "..."). */
static gboolean
attribute_direct (const Scan *s, guint open, guint close, SaywhoSpan *cue, SaywhoSpan *mention)
{
  const SaywhoDocument *doc = s->doc;
  guint n = s->n;
  if (close != G_MAXUINT && close + 1 < n)
    {
      guint para_end = g_array_index (doc->paragraphs, SaywhoSpan,
                                      tok_at (s, close)->paragraph).end;
      guint s_end = sentence_end_of (s, close);
      /* the sentence may end inside the quotation: ".” he said" is the
       * same attribution; never past the paragraph */
      gboolean next_sentence = s_end <= close + 1;
      if (next_sentence)
        s_end = sentence_end_of (s, close + 1);
      s_end = MIN (s_end, para_end);
      for (guint k = close + 1; k < s_end && k < close + 20; k++)
        {
          const SaywhoToken *tok = tok_at (s, k);
          if (tok->kind == SAYWHO_TOKEN_QUOTE)
            break;
          /* `said the fine was "…" but warned that …`: a cue past "and"
           * or "but" heads a clause of its own */
          if (has (s, k, IS_AND))
            break;
          gboolean described = has (s, k, IS_DESCRIBED);
          if (verb_cue_at (s, k, close + 1) || (described && has (s, k - 2, IS_HOW)))
            {
              /* `“… starved.” She said the RSF must …`: a sentence of its
               * own that reports a clause is no attribution of this one */
              if (next_sentence && clause_after (s, k, s_end) > 0)
                break;
              /* nor one that leads into a quotation of its own: `"…."
               * X described the budget as "…"` */
              gboolean leads_in = FALSE;
              for (guint j = k + 1; next_sentence && j < s_end && !leads_in; j++)
                leads_in = tok_at (s, j)->kind == SAYWHO_TOKEN_QUOTE
                           && (tok_at (s, j)->flags & SAYWHO_TOKEN_QUOTE_OPEN);
              if (leads_in)
                break;
              *cue = (SaywhoSpan) { k, k + 1 };
              /* `dismissed the claims as "…," saying …`: a participle's
               * subject is its clause's, never a name after it */
              if (is_participle (tok) && k <= close + 2)
                {
                  if (!clause_subject (s, sentence_start_of (s, open), open, mention))
                    *mention = (SaywhoSpan) { 0, 0 };
                  return TRUE;
                }
              /* inverted: ", said Kerry" */
              if (k == close + 1 || (k == close + 2 && has (s, close + 1, IS_COMMA)))
                {
                  if (subject_after (s, k, s_end, mention))
                    return TRUE;
                }
              if (described)
                {
                  /* "was how X described it" */
                  if (subject_before (s, k, k - 1, mention))
                    return TRUE;
                }
              if (subject_before (s, k, close + 1, mention))
                return TRUE;
              if (subject_after (s, k, s_end, mention))
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
  guint s_start = sentence_start_of (s, open);
  guint k = open;
  /* (a place after the listener too: "told reporters in Doha:") */
  while (k > s_start && open - k <= 7)
    {
      k--;
      if (verb_cue_at (s, k, s_start))
        {
          *cue = (SaywhoSpan) { k, k + 1 };
          if (!subject_before (s, k, s_start, mention))
            *mention = (SaywhoSpan) { 0, 0 };
          return TRUE;
        }
      gboolean filler = has (s, k, IS_COLON | IS_COMMA | IS_THAT | IS_LISTENER)
                        || entity_at (s, k) >= 0
                        || (open - k > 1 && k + 1 < open && has (s, k, ON_NOT_SUBJECTS)
                            && tok_at (s, k)->kind == SAYWHO_TOKEN_WORD
                            && entity_at (s, k + 1) >= 0);
      if (!filler)
        break;
    }
  return FALSE;
}

/* ---- reported speech --------------------------------------------------------- */


/* A noun for what a speaker issues: "said in a statement …". */
static gboolean
is_statement_noun (const SaywhoToken *tok)
{
  static const char *const nouns[] = {
    "statement", "interview", "speech", "post", "note", "letter", "report", "briefing",
    "message", "video", "broadcast", "address", "email", "release", "filing", "tweet",
    "editorial", "column", "ruling", "judgment", "judgement", "order", "decision", NULL,
  };
  for (guint i = 0; nouns[i] != NULL; i++)
    if (tok->norm_len == strlen (nouns[i]) && memcmp (tok->norm, nouns[i], tok->norm_len) == 0)
      return TRUE;
  return FALSE;
}

/* Past the time phrases that may stand between a cue and its bare clause:
 * "said on Tuesday it would …", "said last week he was …", "told
 * reporters late on Monday the deal …", "said earlier this year". */
static guint
skip_time (const Scan *s, guint k, guint s_end)
{
  guint start = k;
  for (guint round = 0; round < 3 && k + 1 < s_end; round++)
    {
      const SaywhoToken *tok = tok_at (s, k), *next = tok_at (s, k + 1);
      if (tok->kind != SAYWHO_TOKEN_WORD)
        break;
      if (NORM_IS (tok, "on") && (next->flags & SAYWHO_TOKEN_CAPITALIZED)
          && entity_at (s, k + 1) < 0)
        {
          /* on Tuesday, on March 3, on Tuesday night */
          k += 2;
          if (k < s_end && tok_at (s, k)->kind == SAYWHO_TOKEN_NUMBER)
            k++;
          if (k < s_end && (NORM_IS (tok_at (s, k), "night") || NORM_IS (tok_at (s, k), "morning")
                            || NORM_IS (tok_at (s, k), "evening")
                            || NORM_IS (tok_at (s, k), "afternoon")))
            k++;
          continue;
        }
      if ((NORM_IS (tok, "last") || NORM_IS (tok, "this") || NORM_IS (tok, "earlier")
           || NORM_IS (tok, "late"))
          && (NORM_IS (next, "week") || NORM_IS (next, "month") || NORM_IS (next, "year")
              || NORM_IS (next, "weekend") || NORM_IS (next, "night") || NORM_IS (next, "on")
              || NORM_IS (next, "this") || NORM_IS (next, "last") || NORM_IS (next, "morning")
              || NORM_IS (next, "evening") || NORM_IS (next, "afternoon")
              || ((next->flags & SAYWHO_TOKEN_CAPITALIZED)
                  && entity_at (s, k + 1) < 0)))
        {
          /* "late on Monday", "earlier this year": the word, then the rest */
          k += NORM_IS (next, "on") || NORM_IS (next, "this") || NORM_IS (next, "last") ? 1 : 2;
          continue;
        }
      /* "in a statement", "in a televised address", "in an interview with
       * Reuters" (up to its end: "that" after it is found before) */
      if (NORM_IS (tok, "in") && has (s, k + 1, ON_DETERMINERS))
        {
          guint j = k + 2;
          while (j < s_end && j < k + 5 && tok_at (s, j)->kind == SAYWHO_TOKEN_WORD
                 && !is_statement_noun (tok_at (s, j)))
            j++;
          if (j < s_end && j < k + 5 && is_statement_noun (tok_at (s, j)))
            {
              k = j + 1;
              /* "with Reuters", "on X", "to parliament" */
              gint e = k + 1 < s_end ? entity_at (s, k + 1) : -1;
              if (e >= 0 && (NORM_IS (tok_at (s, k), "with") || NORM_IS (tok_at (s, k), "on")
                             || NORM_IS (tok_at (s, k), "to")))
                k = g_array_index (s->doc->entities, SaywhoEntity, e).span.end;
              continue;
            }
        }
      if (NORM_IS (tok, "yesterday") || NORM_IS (tok, "today") || NORM_IS (tok, "tonight")
          || NORM_IS (tok, "earlier") || NORM_IS (tok, "previously") || NORM_IS (tok, "again")
          || NORM_IS (tok, "repeatedly") || NORM_IS (tok, "separately"))
        {
          k++;
          continue;
        }
      break;
    }
  /* "said last year's deal was bad", "said this week was the worst": the
   * time phrase is the clause's subject */
  if (k > start && k < s_end
      && (tok_at (s, k)->kind == SAYWHO_TOKEN_POSSESSIVE || has (s, k, ON_AUXILIARIES))
      && !has (s, k, IS_THAT))
    return start;
  return k;
}

/* Where the reported clause after a verb cue starts, or 0 if it has none. */
static guint
clause_after (const Scan *s, guint cue, guint s_end)
{
  const SaywhoDocument *doc = s->doc;
  guint32 cue_bits = word_bits (s, cue);
  guint k = cue + 1;
  /* "told reporters", "told the Financial Times on Tuesday", "said on
   * Tuesday", "added in a statement", "pointed out": up to "that". */
  gboolean past = FALSE;  /* a verb in the past seen: the clause may have begun */
  for (guint j = k; j < s_end && j < cue + (past ? 9 : 14); j++)
    {
      guint32 b = word_bits (s, j);  /* (asked twice below) */
      /* "that" after a preposition is a determiner ("at that meeting") */
      if ((b & IS_THAT) && !has (s, j - 1, ON_NOT_SUBJECTS))
        return j + 1 < s_end ? j + 1 : 0;
      /* (past nine words only a phrase with no verb in it leads to
       * "that": "told reporters after a two-day meeting of the committee
       * that", not "said the decision vindicated its position that") */
      const SaywhoToken *tok = tok_at (s, j);
      if (is_past_form (tok))
        past = TRUE;
      /* "said exports fell and added that …": that "that" is the next
       * cue's; "saying NATO had offered no proof that …": the clause has
       * begun */
      if (b & (IS_AND | IS_BACKSHIFTED))
        break;
      /* (a hyphen inside a word is none of the breaks: "a two-day
       * meeting") */
      if ((tok->kind == SAYWHO_TOKEN_PUNCT
           && !(tok->norm_len == 1 && tok->norm[0] == '-' && !(tok->flags & SAYWHO_TOKEN_SPACE_AFTER)
                && !(tok_at (s, j - 1)->flags & SAYWHO_TOKEN_SPACE_AFTER)))
          || tok->kind == SAYWHO_TOKEN_QUOTE)
        break;
    }
  if ((cue_bits & CUE_VERB_THAT_FORM) || k >= s_end)
    return 0;
  /* told + object: skip the object (a name, pronoun or short phrase). */
  if (cue_bits & IS_TELL)
    {
      gint e = entity_at (s, k);
      if (e >= 0)
        k = g_array_index (doc->entities, SaywhoEntity, e).span.end;
      else if (has (s, k, ON_DETERMINERS))
        {
          k += 2;
          /* "told a news conference in …": a longer object, no clause */
          if (k + 1 < s_end && tok_at (s, k)->kind == SAYWHO_TOKEN_WORD
              && !(tok_at (s, k)->flags & SAYWHO_TOKEN_CAPITALIZED)
              && (has (s, k + 1, ON_NOT_SUBJECTS) || tok_at (s, k + 1)->kind == SAYWHO_TOKEN_PUNCT))
            return 0;
        }
      else
        k += 1;
    }
  k = skip_time (s, k, s_end);
  if (k >= s_end)
    return 0;
  /* A bare clause starts with its subject: a name, a pronoun, a number, or
   * a noun phrase; a preposition or "to" there means no clause follows
   * ("said on Tuesday", "told to leave") unless "that" did. */
  const SaywhoToken *tok = tok_at (s, k);
  /* "said about 14,000 cars were stranded", "said only one in three
   * trains ran", "said at least 12 died" */
  if (k + 1 < s_end && (tok_at (s, k + 1)->kind == SAYWHO_TOKEN_NUMBER
                        || NORM_IS (tok_at (s, k + 1), "one") || NORM_IS (tok_at (s, k + 1), "two")
                        || NORM_IS (tok_at (s, k + 1), "three") || NORM_IS (tok_at (s, k + 1), "half")
                        || NORM_IS (tok_at (s, k + 1), "dozens")
                        || NORM_IS (tok_at (s, k + 1), "hundreds")
                        || NORM_IS (tok_at (s, k + 1), "thousands"))
      && (NORM_IS (tok, "about") || NORM_IS (tok, "around") || NORM_IS (tok, "nearly")
          || NORM_IS (tok, "almost") || NORM_IS (tok, "roughly") || NORM_IS (tok, "over")
          || NORM_IS (tok, "some") || NORM_IS (tok, "only") || NORM_IS (tok, "just")))
    return k;
  if (k + 2 < s_end && NORM_IS (tok, "at") && NORM_IS (tok_at (s, k + 1), "least")
      && tok_at (s, k + 2)->kind == SAYWHO_TOKEN_NUMBER)
    return k;
  if (tok->kind != SAYWHO_TOKEN_WORD && tok->kind != SAYWHO_TOKEN_NUMBER
      && tok->kind != SAYWHO_TOKEN_ABBREVIATION)
    return 0;
  /* "said no decision had been made" (but not "said no to …") */
  if (has (s, k, ON_NOT_SUBJECTS)
      && !(has (s, k, ON_DETERMINERS) && k + 1 < s_end
           && tok_at (s, k + 1)->kind == SAYWHO_TOKEN_WORD && !has (s, k + 1, ON_NOT_SUBJECTS)))
    return 0;
  return k;
}

/* "… and Israel insisting …": when the cue at k is a participle right
 * after a name that follows "and", the position of that "and"; else 0. */
static guint
and_name_participle (const Scan *s, guint k, guint start)
{
  if (k < start + 3 || !is_participle (tok_at (s, k)) || !verb_cue_at (s, k, start))
    return 0;
  gint e = entity_at (s, k - 1);
  if (e < 0)
    return 0;
  SaywhoSpan span = g_array_index (s->doc->entities, SaywhoEntity, e).span;
  if (span.end != k || span.start < start + 3 || !has (s, span.start - 1, IS_AND))
    return 0;
  return span.start - 1;
}

/* The end of a reported clause: the sentence's end less its final stop,
 * but through a closing quotation mark after the stop. */
static guint
clause_end (const Scan *s, guint start, guint s_end)
{
  guint end = s_end;
  const SaywhoToken *last = tok_at (s, end - 1);
  if (!(last->kind == SAYWHO_TOKEN_QUOTE && (last->flags & SAYWHO_TOKEN_QUOTE_CLOSE)))
    while (end > start && tok_at (s, end - 1)->kind == SAYWHO_TOKEN_PUNCT)
      end--;
  /* ", according to X" closes a clause too; "according" is a candidate,
   * so the candidates in the clause are where to look */
  guint lo = lower_bound (s->cands, s->ncands, start);
  /* `said the bill was "clean" and challenged the others …`: after a
   * quoted phrase, a verb in the past right after "and" or "but" goes on
   * with the reporting subject (without one, "said Baghdad was committed
   * and expected exports to rise" goes on with the clause's).  The
   * phrase (of words, not a scare-quoted “mini-budget”) ends at a closing
   * mark, found among the marks: the tokens before it need no look. */
  guint quoted = end;  /* the phrase's closing mark */
  for (guint m = lower_bound (s->marks, s->nmarks, start + 1);
       m < s->nmarks && s->marks[m] + 1 < end; m++)
    {
      guint k = s->marks[m];
      if ((tok_at (s, k)->flags & SAYWHO_TOKEN_QUOTE_CLOSE) && k >= 3 && has (s, k - 1, IN_RAW)
          && has (s, k - 2, IN_RAW) && (tok_at (s, k - 2)->flags & SAYWHO_TOKEN_SPACE_AFTER))
        {
          quoted = k;
          break;
        }
    }
  for (guint k = quoted; k + 1 < end; k++)
    {
      const SaywhoToken *tok = tok_at (s, k);
      if (is_past_form (tok) && !(tok->flags & SAYWHO_TOKEN_CAPITALIZED)
          && has (s, k - 1, IS_AND) && !has (s, k, IN_RAW))
        {
          end = k - 1;
          while (end > start && has (s, end - 1, IS_COMMA))
            end--;
          break;
        }
    }
  for (guint c = lo; c < s->ncands && s->cands[c] + 1 < end; c++)
    {
      guint k = s->cands[c];
      guint stop = 0;
      if (has (s, k, IS_ACCORDING) && has (s, k + 1, IS_TO))
        stop = k;
      /* "… but warned that …", "… and added that …": a clause of its own,
       * with the same subject */
      else if (k > start + 1 && has (s, k - 1, IS_AND) && verb_cue_at (s, k, start))
        stop = k - 1;
      /* "X, who has long argued that A, told reporters that B": the
       * relative clause ends where the sentence's own verb comes */
      else if (k > start + 1 && has (s, k - 1, IS_COMMA) && verb_cue_at (s, k, start)
               && !is_participle (tok_at (s, k)))
        stop = k - 1;
      /* "with Qatar saying A and Israel insisting B": another name's
       * participle after "and" */
      else if ((stop = and_name_participle (s, k, start)) > 0)
        ;
      /* "…, and the charity Foobar Relief said …", "…, while the transit
       * authority said …": another speaker's */
      else if (verb_cue_at (s, k, start))
        for (guint j = k - 1; j > start + 1 && j + 8 > k; j--)
          {
            if (has (s, j, IS_THAT) || tok_at (s, j)->kind == SAYWHO_TOKEN_QUOTE)
              break;
            if ((has (s, j, IS_AND)
                 || ((NORM_IS (tok_at (s, j), "while") || NORM_IS (tok_at (s, j), "whereas"))
                     && !is_participle (tok_at (s, k))))
                && has (s, j - 1, IS_COMMA))
              {
                stop = j - 1;
                break;
              }
          }
      if (stop > start)
        {
          end = stop;
          while (end > start && has (s, end - 1, IS_COMMA))
            end--;
          break;
        }
    }
  return end;
}

/* Adds a quotation to the worker's list; the document gets them all,
 * sorted, at the end. */
static void
add_quote (Worker *w, SaywhoQuoteKind kind, guint start, guint end, SaywhoSpan cue,
           SaywhoSpan mention)
{
  if (end <= start)
    return;
  if (w->nquotes == w->quotes_size)
    {
      w->quotes_size = MAX (16, w->quotes_size * 2);
      w->quotes = g_renew (SaywhoQuote, w->quotes, w->quotes_size);
    }
  w->quotes[w->nquotes++] = (SaywhoQuote) {
    .span = { start, end },
    .kind = kind,
    .cue = cue,
    .mention = mention,
  };
}

/* A sentence that goes on with the reported speech of the one before it:
 * same paragraph, no quotation or speech cue of its own, and it opens with a
 * pronoun and a backshifted verb ("It was ready …", "They would …"). */
static gboolean
continues_report (const Scan *s, SaywhoSpan next)
{
  if (next.end - next.start < 4 || next.start == 0
      || tok_at (s, next.start)->paragraph != tok_at (s, next.start - 1)->paragraph)
    return FALSE;
  guint32 first = word_bits (s, next.start);
  if (!(first & ON_PRONOUNS) || (first & IS_I_WE_YOU))
    return FALSE;
  if (!has (s, next.start + 1, IS_BACKSHIFTED))
    return FALSE;
  for (guint i = next.start; i < next.end; i++)
    if (has (s, i, IN_RAW) || tok_at (s, i)->kind == SAYWHO_TOKEN_QUOTE
        || verb_cue_at (s, i, next.start)
        || (has (s, i, IS_ACCORDING) && has (s, i + 1, IS_TO)))
      return FALSE;
  return TRUE;
}

/* Reported speech, from the candidates of scan_tokens(): a pattern starts
 * at a cue verb, "according" or "quoted", and at no other token. */
static void
find_reported (const Scan *s)
{
  const SaywhoDocument *doc = s->doc;
  Worker *w = s->w;
  const guint *cands = s->cands;
  guint ncands = s->ncands, hint = 0;
  for (guint si = 0; si < doc->sentences->len; si++)
    {
      SaywhoSpan sent = g_array_index (doc->sentences, SaywhoSpan, si);
      guint first = first_at_least (cands, ncands, &hint, sent.start);
      /* the first cue of the sentence outside quotations, once needed */
      guint free_cue = 0;
      gboolean free_cue_known = FALSE;
      guint from = sent.start;  /* where the next pattern may start */
      for (guint ci = first; ci < ncands && cands[ci] < sent.end; ci++)
        {
          guint c = cands[ci];
          if (c < from || has (s, c, IN_RAW | USED))
            continue;
          guint32 b = bits_at (s, c);
          SaywhoSpan cue = { c, c + 1 }, mention = { 0, 0 };

          /* according to X, CLAUSE / CLAUSE, according to X */
          if ((b & IS_ACCORDING) && has (s, c + 1, IS_TO))
            {
              cue = (SaywhoSpan) { c, c + 2 };
              guint after = c + 2;
              gint e = -1;
              /* the name in the phrase: "according to Minister Ada Lovel" */
              for (guint k = after; k < sent.end && k < after + 4 && e < 0; k++)
                {
                  if (tok_at (s, k)->kind == SAYWHO_TOKEN_PUNCT)
                    break;
                  e = entity_at (s, k);
                }
              guint x_end = after;
              if (e >= 0)
                {
                  const SaywhoEntity *ent = &g_array_index (doc->entities, SaywhoEntity, e);
                  /* "according to Spain's Interior Ministry": the owned */
                  if (ent->span.end + 1 < sent.end
                      && tok_at (s, ent->span.end)->kind == SAYWHO_TOKEN_POSSESSIVE)
                    {
                      gint owned = entity_at (s, ent->span.end + 1);
                      if (owned >= 0
                          && g_array_index (doc->entities, SaywhoEntity, owned).span.start
                               == ent->span.end + 1
                          && g_array_index (doc->entities, SaywhoEntity, owned).type
                               != SAYWHO_ENTITY_MISC)
                        ent = &g_array_index (doc->entities, SaywhoEntity, owned);
                    }
                  mention = ent->span;
                  x_end = mention.end;
                  /* "the Georgian government": the phrase, up to its noun */
                  if (ent->type == SAYWHO_ENTITY_MISC)
                    while (x_end < sent.end && tok_at (s, x_end)->kind == SAYWHO_TOKEN_WORD
                           && !(tok_at (s, x_end)->flags & SAYWHO_TOKEN_CAPITALIZED))
                      mention.end = ++x_end;
                }
              else
                {
                  while (x_end < sent.end && !has (s, x_end, IS_COMMA)
                         && tok_at (s, x_end)->kind == SAYWHO_TOKEN_WORD)
                    x_end++;
                  guint start = after + (has (s, after, ON_DETERMINERS) ? 1 : 0);
                  if (x_end > start)
                    mention = (SaywhoSpan) { start, x_end };
                }
              if (c == sent.start)
                {
                  guint start = x_end;
                  while (start < sent.end && !has (s, start, IS_COMMA))
                    start++;
                  start++;
                  /* past an appositive: "According to the Foobar Club, an
                   * advocacy group, more than …" */
                  if (start < sent.end && has (s, start, ON_DETERMINERS))
                    for (guint k = start + 1; k < sent.end && k < start + 7; k++)
                      {
                        if (has (s, k, IS_COMMA))
                          {
                            start = k + 1;
                            break;
                          }
                        /* (no verb in it: "According to the State
                         * Department, the delegations also discussed
                         * migration, which …" is the clause) */
                        const SaywhoToken *word = tok_at (s, k);
                        if ((word->kind != SAYWHO_TOKEN_WORD
                             && word->kind != SAYWHO_TOKEN_POSSESSIVE)
                            || has (s, k, ON_AUXILIARIES | IS_BACKSHIFTED | CUE_FORM)
                            || is_past_form (word))
                          break;
                      }
                  add_quote (w, SAYWHO_QUOTE_INDIRECT, start, clause_end (s, start, sent.end),
                             cue, mention);
                }
              else
                {
                  guint end = c;
                  while (end > sent.start && has (s, end - 1, IS_COMMA))
                    end--;
                  /* the clause is the one reported by another cue if any:
                   * one before its end, as every cue is a candidate */
                  if (!free_cue_known)
                    {
                      free_cue = sent.end;
                      for (guint k = first; k < ncands && cands[k] < sent.end; k++)
                        if (verb_cue_at (s, cands[k], sent.start) && !has (s, cands[k], IN_RAW))
                          {
                            free_cue = cands[k];
                            break;
                          }
                      free_cue_known = TRUE;
                    }
                  gboolean other = free_cue < end;
                  if (!other && !has (s, sent.start, IN_RAW))
                    add_quote (w, SAYWHO_QUOTE_INDIRECT, sent.start, end, cue, mention);
                }
              from = x_end + 1;
              continue;
            }

          /* X quoted Y as saying CLAUSE */
          if (b & IS_QUOTED)
            {
              guint as = c + 1;
              while (as < sent.end && as < c + 10 && !has (s, as, IS_AS))
                as++;
              if (as < sent.end && has (s, as + 1, IS_SAYING))
                {
                  gint e = -1;
                  for (guint k = c + 1; k < as && e < 0; k++)
                    e = entity_at (s, k);
                  if (e >= 0)
                    mention = g_array_index (doc->entities, SaywhoEntity, e).span;
                  else
                    mention = (SaywhoSpan) { c + 1, as };
                  guint start = as + 2 + (has (s, as + 2, IS_THAT) ? 1 : 0);
                  if (start < sent.end && !has (s, start, IN_RAW))
                    add_quote (w, SAYWHO_QUOTE_INDIRECT, start,
                               clause_end (s, start, sent.end), cue, mention);
                  break;
                }
            }

          if (!verb_cue_at (s, c, sent.start))
            continue;
          /* "challenged them to explain their votes", "declined to say":
           * an infinitive reports nothing, unless "that" follows ("went on
           * to say that …") */
          if (c > sent.start && has (s, c - 1, IS_TO) && !has (s, c + 1, IS_THAT))
            continue;

          /* X said (that) CLAUSE */
          guint start = clause_after (s, c, sent.end);
          /* "…, said John Kerry.", "…, said the finance minister, who …":
           * after a comma, a subject that ends the sentence or is set off
           * by a comma is the inverted attribution's, no clause */
          if (start == c + 1 && c > sent.start + 2 && has (s, c - 1, IS_COMMA)
              && inverted_subject (s, c, sent.end))
            start = 0;
          if (start > 0 && !has (s, start, IN_RAW))
            {
              if (!subject_before (s, c, sent.start, &mention))
                mention = (SaywhoSpan) { 0, 0 };
              guint end = clause_end (s, start, sent.end);
              guint sentence = si;
              /* The next sentence may go on reporting: "Meng said China
               * opposed hacking. It was ready to help." */
              while (si + 1 < doc->sentences->len
                     && continues_report (s, g_array_index (doc->sentences, SaywhoSpan, si + 1)))
                {
                  si++;
                  sent = g_array_index (doc->sentences, SaywhoSpan, si);
                  end = clause_end (s, sent.start, sent.end);
                }
              add_quote (w, SAYWHO_QUOTE_INDIRECT, start, end, cue, mention);
              /* "X said A but warned that B": the clause ended at a cue of
               * its own, which the sentence goes on with */
              if (si == sentence && end < sent.end)
                {
                  from = end;
                  continue;
                }
              break;
            }

          /* "The AAP, she said, had left them in ruins.", "Without them,
           * he said, his government could not sign": an attribution set
           * off by commas inside the clause it reports.  The report is the
           * sentence, the attribution inside it, as a split quotation
           * holds its own. */
          /* (not when what follows is a tail of the attribution's own:
           * "…, organisers said, although …", "…, the ministry said,
           * adding that …") */
          const SaywhoToken *tail = c + 2 < sent.end ? tok_at (s, c + 2) : NULL;
          gboolean own_tail = tail != NULL
                              && (is_participle (tail)
                                  || has (s, c + 2, IS_AND | IS_AS | IS_SUBORDINATOR)
                                  || NORM_IS (tail, "which") || NORM_IS (tail, "who")
                                  || NORM_IS (tail, "after"));
          if (has (s, c + 1, IS_COMMA) && c + 3 < sent.end && !has (s, c + 2, IS_THAT)
              && !own_tail && (b & CUE_VERB_FORM) && !has (s, sent.start, IN_RAW))
            {
              guint p = c;
              while (p > sent.start && !has (s, p - 1, IS_COMMA) && c - p < 5)
                p--;
              SaywhoSpan m;
              if (p > sent.start + 1 && has (s, p - 1, IS_COMMA)
                  && tok_at (s, p - 2)->kind != SAYWHO_TOKEN_QUOTE
                  && subject_before (s, c, p, &m) && m.start >= p && m.end <= c)
                {
                  add_quote (w, SAYWHO_QUOTE_INDIRECT, sent.start, clause_end (s, c + 2, sent.end),
                             cue, m);
                  break;
                }
            }
          /* CLAUSE, X said. / CLAUSE, said X. : the cue ends the sentence,
           * or only its subject follows it. */
          /* what may follow: "said.", "said Kerry.", "said in an update.",
           * "told a news conference in the capital.", "told Reuters by
           * telephone from Calama, the nearest city." */
          guint rest = c + 1;
          while (rest + 1 < sent.end && rest < c + 14 && !has (s, rest, IS_THAT | IS_BACKSHIFTED)
                 && !verb_cue_at (s, rest, sent.start)
                 && tok_at (s, rest)->kind != SAYWHO_TOKEN_QUOTE)
            rest++;
          gboolean at_end = rest + 1 >= sent.end
                            && (rest == c + 1 || entity_at (s, c + 1) >= 0
                                || has (s, c + 1, ON_PRONOUNS | ON_DETERMINERS | IS_LISTENER)
                                || (tok_at (s, c + 1)->flags & SAYWHO_TOKEN_CAPITALIZED)
                                || (has (s, c + 1, ON_NOT_SUBJECTS)
                                    && tok_at (s, c + 1)->kind == SAYWHO_TOKEN_WORD));
          /* "…, his lawyer said, though Khan will stay in jail": a
           * subordinate clause after the cue's comma */
          if (!at_end && c + 2 < sent.end && has (s, c + 1, IS_COMMA))
            at_end = has (s, c + 2, IS_SUBORDINATOR);
          if (!at_end || !(b & CUE_VERB_FORM) || has (s, sent.start, IN_RAW))
            continue;
          /* the comma before the cue, no more than 6 steps back, a name
           * or a parenthesis one step ("the Nigerian Upstream Petroleum
           * Regulatory Commission (NUPRC) said") */
          guint comma = c, steps = 0;
          while (comma > sent.start && !has (s, comma - 1, IS_COMMA) && steps <= 6)
            {
              comma--;
              steps++;
              gint e = entity_at (s, comma);
              if (e >= 0)
                comma = MAX (g_array_index (doc->entities, SaywhoEntity, e).span.start,
                             sent.start);
              else if (has (s, comma, IS_CLOSE_PAREN))
                while (comma > sent.start + 1 && !has (s, comma, IS_OPEN_PAREN) && c - comma < 12)
                  comma--;
            }
          /* "CLAUSE, his spokeswoman, Jen Psaki, said.", "CLAUSE, the
           * mine's operator, Minera Tamarugal, said.", "CLAUSE, Jen Psaki,
           * his spokeswoman, said.": a name and a description between
           * commas before the cue are its subject, and the clause ends
           * before both */
          if (steps == 0 && comma > sent.start + 3
              && inverted_pair (s, sent.start, comma - 1, &mention, &comma))
            {
              add_quote (w, SAYWHO_QUOTE_INDIRECT, sent.start, comma, cue, mention);
              break;
            }
          if (comma > sent.start + 2 && steps <= 6)
            {
              if (!subject_before (s, c, comma, &mention)
                  && !subject_after (s, c, sent.end, &mention))
                mention = (SaywhoSpan) { 0, 0 };
              guint end = comma - 1;
              add_quote (w, SAYWHO_QUOTE_INDIRECT, sent.start, end, cue, mention);
              break;
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

/* Gives the document the worker's quotations in the order g_array_sort()
 * puts them in, which is a stable sort.  They come as two runs, each
 * nearly always in order, reported speech and then direct quotations: a
 * stable merge of the two is that order, for a fraction of a sort. */
static void
give_quotes (Worker *w, SaywhoDocument *doc)
{
  SaywhoQuote *all = w->quotes;
  guint n = w->nquotes, mid = 1;
  while (mid < n && compare_quotes (&all[mid - 1], &all[mid]) <= 0)
    mid++;
  if (mid < n)
    {
      for (guint i = mid + 1; i < n; i++)
        if (compare_quotes (&all[i - 1], &all[i]) > 0)
          {
            g_array_append_vals (doc->quotes, all, n);
            g_array_sort (doc->quotes, compare_quotes);
            return;
          }
      /* all[0, mid) and all[mid, n) are each in order: merge them, the
       * first run first among equals, as the stable sort would. */
      if (w->room_size < mid)
        {
          w->room_size = MAX (mid, w->room_size * 2);
          g_free (w->room);
          w->room = g_new (SaywhoQuote, w->room_size);
        }
      SaywhoQuote *first = w->room;
      memcpy (first, all, mid * sizeof *all);
      guint a = 0, b = mid, out = 0;
      while (a < mid && b < n)
        all[out++] = compare_quotes (&first[a], &all[b]) <= 0 ? first[a++] : all[b++];
      while (a < mid)
        all[out++] = first[a++];
    }
  g_array_append_vals (doc->quotes, all, n);
}

/* The first of the reported quotations, w->quotes[0, reported), that holds
 * [r->open, r->end), or -1.  max_end and min_start (filled here when
 * *known is FALSE) bound the search: before the first quotation whose
 * running maximum end reaches r->end, none ends late enough; from the first
 * whose minimum start to the right is past r->open on, none starts early
 * enough.  So a quotation costs a search, not a pass over every reported
 * one. */
static gint
holding_report (Worker *w, guint reported, gboolean *known, const Raw *r)
{
  const SaywhoQuote *quotes = w->quotes;
  if (!*known)
    {
      if (w->reported_size < reported)
        {
          w->reported_size = MAX (reported, w->reported_size * 2);
          g_free (w->max_end);
          g_free (w->min_start);
          w->max_end = g_new (guint, w->reported_size);
          w->min_start = g_new (guint, w->reported_size);
        }
      guint max = 0;
      for (guint j = 0; j < reported; j++)
        w->max_end[j] = max = MAX (max, quotes[j].span.end);
      guint min = G_MAXUINT;
      for (guint j = reported; j-- > 0;)
        w->min_start[j] = min = MIN (min, quotes[j].span.start);
      *known = TRUE;
    }
  guint lo = 0, hi = reported;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (w->max_end[mid] < r->end)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint j = lo; j < reported && w->min_start[j] <= r->open; j++)
    if (r->open >= quotes[j].span.start && r->end <= quotes[j].span.end)
      return (gint) j;
  return -1;
}

static gboolean
quotes_process (gpointer shared, gpointer worker, SaywhoDocument *doc, GError **error)
{
  const Quotes *q = shared;
  Worker *w = worker;
  (void) error;
  g_array_set_size (doc->quotes, 0);
  if (doc->tokens->len == 0)
    return TRUE;

  Scan scan = {
    .q = q,
    .doc = doc,
    .w = w,
    .toks = (const SaywhoToken *) (const void *) doc->tokens->data,
    .n = doc->tokens->len,
    .entities = (const SaywhoEntity *) (const void *) doc->entities->data,
    .nentities = doc->entities->len,
  };
  const Scan *s = &scan;
  scan_tokens (&scan, w);

  w->nraws = 0;
  pair_marks (s);

  /* Split quotations: "A," she said, "B." — and "A," she said. "B." when
   * the second has no attribution of its own.  The raws are merged in
   * place, each looked at once. */
  Raw *raws = w->raws;
  guint kept = 0;
  for (guint k = 1; k < w->nraws; k++)
    {
      Raw *a = &raws[kept];
      const Raw *b = &raws[k];
      gboolean merge = FALSE;
      /* (a's words end in a comma or a stop inside the marks, as a
       * sentence's first part does: a partial quotation that ends in a
       * word, `would "clean up" the courts`, is no first part) */
      /* (nor is a quotation that ends a sentence and one that a word
       * of the next sentence leads into: `"…." X described it as "…"`) */
      /* (past a nested quotation's closing mark: `I thought, ‘Now or
       * never,’”`) */
      guint last = a->close != G_MAXUINT && a->close > a->start ? a->close - 1 : 0;
      while (last > a->start && tok_at (s, last)->kind == SAYWHO_TOKEN_QUOTE)
        last--;
      if (a->close != G_MAXUINT && tok_at (s, a->close)->paragraph == tok_at (s, b->open)->paragraph
          && b->open - a->close <= 40 && a->close > a->start
          && tok_at (s, last)->kind == SAYWHO_TOKEN_PUNCT
          && !((NORM_IS (tok_at (s, last), ".") || NORM_IS (tok_at (s, last), "?")
                || NORM_IS (tok_at (s, last), "!"))
               && tok_at (s, b->open - 1)->kind == SAYWHO_TOKEN_WORD))
        {
          SaywhoSpan cue, mention;
          gboolean attributed_between = FALSE, reports_between = FALSE;
          for (guint i = a->close + 1; i < b->open && !attributed_between; i++)
            attributed_between = verb_cue_at (s, i, a->close + 1);
          /* `"…," the ministry said, adding that licences were processed
           * "within the deadlines"`: b is a partial quotation of the
           * clause a cue and "that" report between them (not of "a news
           * conference that ended …") */
          for (guint i = a->close + 2; attributed_between && i < b->open && !reports_between; i++)
            reports_between = has (s, i, IS_THAT) && verb_cue_at (s, i - 1, a->close + 1);
          attributed_between = attributed_between && !reports_between;
          /* `"A," said X, an analyst. The result, he said, showed that
           * Punjab "B."`: b belongs to a sentence with a cue of its own
           * between them */
          for (guint i = a->close + 1; attributed_between && i < b->open; i++)
            if (tok_at (s, i)->sentence != tok_at (s, a->close)->sentence
                && verb_cue_at (s, i, a->close + 1))
              attributed_between = FALSE;
          /* b must not carry its own attribution after it */
          merge = attributed_between
                  && !(b->close != G_MAXUINT && attribute_direct (s, b->open, b->close, &cue,
                                                                  &mention)
                       && cue.start > b->close);
        }
      if (merge)
        {
          if (!a->split)
            {
              a->attribution_start = a->close + 1;
              a->attribution_end = b->open;
            }
          a->close = b->close;
          a->end = b->end;
          a->split = TRUE;
        }
      else
        raws[++kept] = *b;
    }
  if (w->nraws > 0)
    w->nraws = kept + 1;

  /* The cues of direct quotations' attributions are theirs, not reported
   * speech's.  Each raw's attribution is found once, here, for the loop
   * at the end too. */
  for (guint k = 0; k < w->nraws; k++)
    {
      Raw *r = &raws[k];
      r->attributed = attribute_direct (s, r->open, r->close, &r->cue, &r->mention);
      /* (A participle after the quotation also heads the clause it
       * reports: `as "pure fiction," saying Norway had no proof`.) */
      if (r->attributed && r->cue.start < scan.n
          && (r->cue.start < r->open
              || (r->cue.start > r->end && !is_participle (tok_at (s, r->cue.start)))))
        scan.bits[r->cue.start] |= USED;
    }

  /* Reported speech first: partial quotations inside it take its speaker. */
  mark_raws (s);
  w->nquotes = 0;
  find_reported (s);
  guint reported = w->nquotes;
  gboolean reports_known = FALSE;

  for (guint k = 0; k < w->nraws; k++)
    {
      const Raw *r = &raws[k];
      SaywhoSpan cue = { 0, 0 }, mention = { 0, 0 };
      gboolean attributed = r->attributed;
      if (attributed)
        {
          cue = r->cue;
          mention = r->mention;
        }
      /* a split quotation's attribution sits inside it */
      if (r->split && !attributed)
        for (guint i = r->attribution_start; i < r->attribution_end && !attributed; i++)
          if (verb_cue_at (s, i, r->attribution_start))
            {
              cue = (SaywhoSpan) { i, i + 1 };
              attributed = TRUE;
              if (!subject_before (s, i, r->attribution_start, &mention)
                  && !subject_after (s, i, r->attribution_end, &mention))
                mention = (SaywhoSpan) { 0, 0 };
            }
      if (!attributed && reported > 0)
        {
          /* inside reported speech: a partial quotation of its speaker */
          gint j = holding_report (w, reported, &reports_known, r);
          if (j >= 0)
            {
              cue = w->quotes[j].cue;
              mention = w->quotes[j].mention;
              attributed = TRUE;
            }
        }
      /* A quotation whose closing mark is missing may hold its own
       * attribution: "...words, said X." ends at the comma. */
      guint end = r->end;
      if (!attributed && r->close == G_MAXUINT)
        for (guint i = r->start + 1; i + 1 < r->end && !attributed; i++)
          if (has (s, i, IS_COMMA) && verb_cue_at (s, i + 1, i + 1))
            {
              cue = (SaywhoSpan) { i + 1, i + 2 };
              if (subject_after (s, i + 1, r->end, &mention))
                {
                  attributed = TRUE;
                  end = i + 1;
                }
            }
      /* Short quoted words with no cue are scare quotes, unless a verb
       * that puts words in its subject's mouth leads into them: `called
       * the Kremlin's response "cynical but predictable"`, `accused the
       * West of "encouraging terror"` (two words at least). */
      if (!attributed && word_count (s, r->start, end) < 5
          && !(word_count (s, r->start, end) >= 2 && evaluative_verb_before (s, r->open)))
        continue;
      /* A longer one inside a sentence with no speech cue is the words of
       * that sentence's subject: `X described the budget as "…"`, `X
       * called the amendment "…"`; the verb after the subject is the cue. */
      if (!attributed && r->open > 0 && tok_at (s, r->open - 1)->kind == SAYWHO_TOKEN_WORD)
        {
          /* the verb: the last word in the past before the quotation, the
           * subject the one before it ("…, while the group Demand Justice
           * called Marsh …") */
          guint s_start = sentence_start_of (s, r->open);
          guint v = r->open;
          while (v > s_start + 1
                 && !(is_past_form (tok_at (s, v - 1))
                      && !(tok_at (s, v - 1)->flags & SAYWHO_TOKEN_CAPITALIZED))
                 && r->open - v < 12)
            v--;
          if (v > s_start + 1 && r->open - v < 12 && subject_before (s, v - 1, s_start, &mention)
              && mention.end > mention.start
              && entity_at (s, mention.end - 1) >= 0)
            {
              cue = (SaywhoSpan) { v - 1, v };
              attributed = TRUE;
            }
          else
            mention = (SaywhoSpan) { 0, 0 };
        }
      add_quote (w, SAYWHO_QUOTE_DIRECT, r->start, end, cue, mention);
    }
  give_quotes (w, doc);
  return TRUE;
}

/* ---- set-up ---------------------------------------------------------------- */

static gpointer
quotes_worker_new (gpointer shared, GError **error)
{
  (void) shared;
  (void) error;
  return g_new0 (Worker, 1);
}

static void
quotes_worker_free (gpointer worker)
{
  Worker *w = worker;
  g_free (w->bits);
  g_free (w->marks);
  g_free (w->cands);
  g_free (w->raws);
  g_free (w->quotes);
  g_free (w->room);
  g_free (w->max_end);
  g_free (w->min_start);
  g_free (w);
}

typedef struct {
  Quotes *q;
  SaywhoAnalyzer *analyzer;
} Loader;

static gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* A verbal form keeps the kind of the first cue that has it. */
static void
add_form (WordTable *words, const char *form, CueKind kind)
{
  word_table_add (words, form, kind == CUE_VERB_THAT ? CUE_VERB_THAT_FORM : CUE_VERB_FORM,
                  CUE_FORM);
}

/* The regular inflections of an English verb, with both spellings where a
 * final consonant may double (admitted, visited): the list gives the base
 * form and any irregular forms (said, told). */
static void
add_verb_forms (WordTable *words, const char *base, CueKind kind)
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
      add_form (words, forms[i], kind);
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
    add_verb_forms (&l->q->cue_words, tok->norm, kind);
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
  word_table_clear (&q->cue_words);
  word_table_clear (&q->words);
  g_free (q);
}

/* The person nouns of speaker-nouns.tsv, but the spokesperson's. */
static gboolean
add_person_noun (char **c, guint ncolumns, guint line, gpointer user_data, GError **error)
{
  Quotes *q = user_data;
  (void) ncolumns;
  (void) line;
  (void) error;
  if (strcmp (c[1], "person") != 0 || g_str_has_prefix (c[0], "spokes"))
    return TRUE;
  g_autofree char *norm = g_utf8_casefold (c[0], -1);
  word_table_add (&q->words, norm, ON_PERSON_NOUNS, 0);
  return TRUE;
}

static gpointer
quotes_create (const SaywhoConfig *config, GError **error)
{
  Quotes *q = g_new0 (Quotes, 1);
  q->cues = saywho_strmap_new ();
  word_table_init (&q->cue_words, 1024);
  word_table_init (&q->words, 1024);
  add_pattern_words (q);
  g_autoptr (SaywhoAnalyzer) analyzer = saywho_analyzer_new (config, error);
  Loader l = { q, analyzer };
  if (analyzer == NULL
      || !saywho_lexicon_read (config->lexicon_dir, "speech-cues.tsv", 2, 2, add_cue, &l, error)
      || !saywho_lexicon_read (config->lexicon_dir, "speaker-nouns.tsv", 2, 2, add_person_noun, q,
                               error))
    {
      quotes_destroy (q);
      return NULL;
    }
  word_filter_fill (&q->cue_filter, &q->cue_words);
  word_filter_fill (&q->words_filter, &q->words);
  return q;
}

const SaywhoStageClass saywho_stage_quotes = {
  .name = "quotes",
  .create = quotes_create,
  .destroy = quotes_destroy,
  .worker_new = quotes_worker_new,
  .worker_free = quotes_worker_free,
  .process = quotes_process,
};
