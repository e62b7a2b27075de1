/* names.c — the names stage: names that no lexicon holds.
 *
 * Works on runs of capitalized words (with initials, name particles such as
 * "bin" or "von", and hyphens inside a name) within a sentence, after the
 * gazetteer stage has marked what the lexicons know:
 *   1. organizations, places and events by their head word
 *      (lexicons/name-patterns.tsv): a run, joined by connectors like "of",
 *      "for" and "and", that holds "Ministry", "Association", "River" or
 *      "Agreement" is an ORG, LOC or MISC, complements included
 *      ("Commission for Political and Legal Affairs of the CPC Central
 *      Committee"); a leading nationality is part of the name ("Mexican
 *      Bar Association"), but its own mention before a government's body
 *      or a listed name ("Chinese [Foreign Ministry]");
 *   2. a run right after a title from lexicons/titles.tsv is a person
 *      ("spokesman Ned Price", "Gen. Mark Milley"); the title is not part
 *      of the mention;
 *   3. a run of two words or more that starts with a given name
 *      (lexicons/first-names.txt) is a person, even over a place the
 *      gazetteer saw in it ("Jim Jordan");
 *   4. any other run of two to four words that the lexicons do not know,
 *      none of them used in lower case elsewhere in the document nor a head
 *      word, is taken for a person, the most common unlisted name in news;
 *   5. a combining form, a hyphen and a name are one MISC mention
 *      ("Sino-American");
 *   6. a lone unknown capitalized word after "in", "at", "near" is a place;
 *   7. a listed group, company or outlet and a country's name right after
 *      it are one organization, its branch ("Amnesty International
 *      Kenya");
 *   8. an unknown run after a place noun and "of" is a place ("the city of
 *      El Fasher");
 *   9. a lone unknown word set off by an appositive that names a role is a
 *      person ("Suharyono, an official at the ministry, said").
 * A capitalized word that starts a sentence is not evidence of a name: a
 * run that starts a sentence loses its first word when that word is a
 * sentence starter, or is seen in lower case elsewhere in the document.
 * Lines in capitals (headlines) are left to the gazetteer.
 *
 * One pass over the tokens lists the candidates (the name words), notes
 * what their tokens and the two around them say (token_cues()), and
 * looks up every word's classes; note_cues() then adds what the classes
 * around each candidate say, from those classes only, and lists for each
 * rule's pass the candidates it can apply to, so that the pass skips the
 * others without reading a token, or going over them at all.
 */
#include "stages.h"
#include "../pipeline/analyzer.h"
#include "../pipeline/lexicon.h"
#include "../pipeline/strmap.h"
#include "../pipeline/trie.h"
#include "../pipeline/wordmap.h"

#include <string.h>

typedef enum {
  CLASS_ORG_HEAD = 1 << 0,
  CLASS_ORG_SUFFIX = 1 << 1,
  CLASS_LOC_HEAD = 1 << 2,
  CLASS_MISC_HEAD = 1 << 3,
  CLASS_PARTICLE = 1 << 4,
  CLASS_CONNECTOR = 1 << 5,
  CLASS_NOT_NAME = 1 << 6,
  CLASS_GENERIC = 1 << 7,
  CLASS_PREFIX = 1 << 8,
  CLASS_ORG_NOUN = 1 << 11,    /* group, carmaker, union …: a lone name after it is one */
  CLASS_STATE_BODY = 1 << 12,
  CLASS_PLACE_NOUN = 1 << 13,
  CLASS_ORG_ROLE = 1 << 15,    /* leader, chief …: an unknown acronym before it is an organization */
  CLASS_ORG_OWN = 1 << 16,     /* shares, headquarters …: an unknown name that has them is one */
  /* set at load, not in name-patterns.tsv: */
  CLASS_TITLE_START = 1 << 9,  /* the first word of a title in titles.tsv */
  CLASS_LOCATIVE = 1 << 10,    /* in, at, near …: a lone name after it is a place */
  CLASS_PERSON_NOUN = 1 << 14, /* a person noun of speaker-nouns.tsv */
} WordClass;

#define CLASS_HEADS (CLASS_ORG_HEAD | CLASS_ORG_SUFFIX | CLASS_LOC_HEAD | CLASS_MISC_HEAD)

/* What a candidate (a name word) has around it, noted once for all the
 * passes by token_cues() and note_cues().  Each pass over the candidates
 * skips those whose cues show that its rule cannot apply, without
 * reading their tokens again (each a cache line of its own, a miss in L1
 * for most): most go over only the list of those the cues let apply (see
 * Pick); its full test follows for the rest.  A cue is only ever a necessary
 * condition: before and after mean the tokens right there, whatever the
 * sentence. */
typedef enum {
  CUE_AFTER_THE = 1 << 0,         /* "the" before it */
  CUE_AFTER_LOCATIVE = 1 << 1,    /* a locative before it */
  CUE_AFTER_ORG_NOUN = 1 << 2,    /* an org-noun before it */
  CUE_AFTER_PLACE_OF = 1 << 3,    /* a place noun and "of" before it */
  CUE_BEFORE_JOINER = 1 << 4,     /* a name word, a particle or "-" after it:
                                   * its run of name words may go on */
  CUE_BEFORE_COMMA = 1 << 5,      /* "," after it */
  CUE_BEFORE_POSSESSIVE = 1 << 6, /* a possessive after it */
  CUE_BEFORE_HYPHEN = 1 << 7,     /* "-" after it */
  CUE_BEFORE_ORG_NOUN = 1 << 8,   /* an org-noun after it */
  CUE_BEFORE_PLACE_NOUN = 1 << 9, /* a place noun after it */
  CUE_ACRONYM = 1 << 10,          /* it is in capitals */
  CUE_BYLINE = 1 << 11,           /* it is the "By" that opens a headline's sentence */
  CUE_HEAD_FOLLOWS = 1 << 12,     /* a head word (CLASS_HEADS) that the walk of
                                   * find_headed_names() can go over, it or one
                                   * after it in its sentence */
  /* noted by token_cues() for note_cues() only: */
  CUE_AFTER_OF = 1 << 13,         /* "of" before it (a place noun before that?) */
} Cue;

/* The bit numbers of the cues that note_cues() takes from classes, and
 * of those classes. */
enum {
  CUE_AFTER_LOCATIVE_SHIFT = 1, CUE_AFTER_ORG_NOUN_SHIFT = 2, CUE_BEFORE_JOINER_SHIFT = 4,
  CUE_BEFORE_ORG_NOUN_SHIFT = 8, CUE_BEFORE_PLACE_NOUN_SHIFT = 9,
  CLASS_PARTICLE_SHIFT = 4, CLASS_LOCATIVE_SHIFT = 10, CLASS_ORG_NOUN_SHIFT = 11,
  CLASS_PLACE_NOUN_SHIFT = 13,
};
G_STATIC_ASSERT (CUE_AFTER_LOCATIVE == 1 << CUE_AFTER_LOCATIVE_SHIFT);
G_STATIC_ASSERT (CUE_AFTER_ORG_NOUN == 1 << CUE_AFTER_ORG_NOUN_SHIFT);
G_STATIC_ASSERT (CUE_BEFORE_JOINER == 1 << CUE_BEFORE_JOINER_SHIFT);
G_STATIC_ASSERT (CUE_BEFORE_ORG_NOUN == 1 << CUE_BEFORE_ORG_NOUN_SHIFT);
G_STATIC_ASSERT (CUE_BEFORE_PLACE_NOUN == 1 << CUE_BEFORE_PLACE_NOUN_SHIFT);
G_STATIC_ASSERT (CLASS_PARTICLE == 1 << CLASS_PARTICLE_SHIFT);
G_STATIC_ASSERT (CLASS_LOCATIVE == 1 << CLASS_LOCATIVE_SHIFT);
G_STATIC_ASSERT (CLASS_ORG_NOUN == 1 << CLASS_ORG_NOUN_SHIFT);
G_STATIC_ASSERT (CLASS_PLACE_NOUN == 1 << CLASS_PLACE_NOUN_SHIFT);

/* The passes over the candidates that only some cues let apply, each
 * given by note_cues() the list of those candidates: going over all of
 * them to skip most cost each pass a few instructions a candidate. */
typedef enum {
  PICK_BYLINE,            /* CUE_BYLINE: find_titles() */
  PICK_HEADED,            /* CUE_HEAD_FOLLOWS: find_headed_names() */
  PICK_PLACE_OF,          /* CUE_AFTER_PLACE_OF: find_places_of() */
  PICK_BEFORE_PLACE_NOUN, /* CUE_BEFORE_PLACE_NOUN: find_places_of() */
  PICK_LOCATIVE,          /* CUE_AFTER_LOCATIVE: find_places() */
  PICK_HYPHEN,            /* CUE_BEFORE_HYPHEN: find_places() */
  PICK_AFTER_ORG_NOUN,    /* CUE_AFTER_ORG_NOUN: find_described_orgs() */
  PICK_THE_ORG_NOUN,      /* CUE_AFTER_THE and CUE_BEFORE_ORG_NOUN: find_described_orgs() */
  PICK_ORG_CUES,          /* CUE_BEFORE_POSSESSIVE, CUE_ACRONYM, CUE_BEFORE_COMMA or
                           * CUE_AFTER_THE: find_described_orgs() */
  PICK_COMMA,             /* CUE_BEFORE_COMMA: find_single_names() */
  /* and two by the candidate's own classes: */
  PICK_PREFIX,            /* CLASS_PREFIX: find_prefixed_names() */
  PICK_HEAD_WORD,         /* CLASS_ORG_HEAD, CLASS_LOC_HEAD or CLASS_MISC_HEAD: the
                           * title words before a head word, names_process() */
  N_PICKS
} Pick;

static const struct {
  const char *name;
  WordClass value;
} class_names[] = {
  { "org-head", CLASS_ORG_HEAD }, { "org-suffix", CLASS_ORG_SUFFIX },
  { "loc-head", CLASS_LOC_HEAD }, { "misc-head", CLASS_MISC_HEAD },
  { "particle", CLASS_PARTICLE }, { "connector", CLASS_CONNECTOR },
  { "not-name", CLASS_NOT_NAME }, { "generic", CLASS_GENERIC },
  { "prefix", CLASS_PREFIX }, { "org-noun", CLASS_ORG_NOUN },
  { "state-body", CLASS_STATE_BODY }, { "place-noun", CLASS_PLACE_NOUN },
  { "org-role", CLASS_ORG_ROLE }, { "org-own", CLASS_ORG_OWN },
};

/* A word list of the stage's lexicons: a filter in front of a word map.
 * Looking a word up is inline: a bit test for most words, and for the
 * rest a probe that compares hash, length and bytes where they sit, with
 * no call and no strcmp() (what a SaywhoStrMap costs for each word it
 * holds, and every "the", "of" and "in" is a class word). */
typedef struct {
  SaywhoStrMapFilter filter;
  SaywhoWordMap map;        /* keys in Names.keys */
} WordList;

typedef struct {
  WordList classes;         /* norm → WordClass bits */
  WordList first_names;     /* exact form → 1 */
  WordList starters;        /* norm → 1 */
  GStringChunk *keys;       /* the words of the three lists */
  SaywhoTrie *titles;       /* norms of title words → title index */
  const SaywhoTrieNodes *title_nodes; /* the titles' nodes, once sealed */
  SaywhoAnalyzer *analyzer; /* only while loading */
} Names;

/* The value of a word in list, 0 when it is not there. */
static inline guint32
word_list_get (const WordList *list, const char *key, gsize len, guint32 hash)
{
  if (!saywho_strmap_filter_test (&list->filter, hash))
    return 0;
  const SaywhoWordSlot *slot = saywho_word_map_find (&list->map, key, len, hash);
  return slot != NULL ? slot->value : 0;
}

/* Ors value into the word's value, adding the word (a copy) if new. */
static void
word_list_add (Names *names, WordList *list, const char *key, guint32 value)
{
  gsize len = strlen (key);
  guint32 hash = saywho_str_hash (key, (gssize) len);
  SaywhoWordSlot *slot = saywho_word_map_find (&list->map, key, len, hash);
  if (slot != NULL)
    {
      slot->value |= value;
      return;
    }
  saywho_word_map_add (&list->map, g_string_chunk_insert_len (names->keys, key, (gssize) len), len,
                       hash, value);
  saywho_strmap_filter_add (&list->filter, hash);
}

typedef struct {
  GArray *pending;          /* SaywhoEntity claimed in the current pass */
  SaywhoWordMap capitalized; /* the document's capitalized words → 1 when
                              * also written in lower case */
  guint64 capitalized_filter[64]; /* a bit per their hash mod 4096: most
                                   * lower-case words are no capitalized
                                   * word, and a bit says so */
  guint8 unmarked[4096];    /* how many capitalized words of a set filter
                             * bit are not yet seen in lower case (255:
                             * that many or more, never counted down) */
  GArray *class_hits;       /* guint32: the words that pass the class filter */
  GArray *lower;            /* guint64: index << 32 | norm_hash of each
                             * lower-case word (one store each) */
  GArray *classes;          /* guint: WordClass bits of each token */
  GByteArray *flags;        /* in_title and after_title of each token */
  GArray *candidates;       /* guint32: the tokens that are name words, in order */
  GArray *cues;             /* guint16: Cue bits of each candidate */
  GArray *picks;            /* guint32: for each Pick, from its index times the
                             * candidates on, the tokens of its candidates */
  guint npicks[N_PICKS];    /* how many each Pick lists */
  GArray *heads;            /* guint32: the tokens of a CLASS_HEADS class that
                             * in_headed_walk(), in order */
  GArray *candidate_sentences; /* guint32: the sentence of each candidate */
  GArray *head_sentences;   /* guint32: the sentence of each of heads */
  GArray *title_starts;     /* guint32: the tokens that may start a title */
  GArray *entity_of;        /* gint32: the entity at each token, or -1 */
} NamesWorker;

/* The index of the entity covering token i, or -1: what
 * saywho_document_entity_at() says, read from w->entity_of, which is
 * rebuilt whenever the entities change (between passes). */
static inline gint
entity_at (const NamesWorker *w, guint i)
{
  return i < w->entity_of->len ? g_array_index (w->entity_of, gint32, i) : -1;
}

/* Sets w->entity_of over the tokens of the entities from index `from`
 * on to their index. */
static void
mark_entities (NamesWorker *w, const SaywhoDocument *doc, guint from)
{
  guint n = doc->tokens->len, count = doc->entities->len;
  gint32 *of = (gint32 *) (void *) w->entity_of->data;
  const SaywhoEntity *entities = (const SaywhoEntity *) (const void *) doc->entities->data;
  for (guint k = from; k < count; k++)
    {
      guint end = MIN (entities[k].span.end, n);
      for (guint i = entities[k].span.start; i < end; i++)
        of[i] = (gint32) k;
    }
}

static void
index_entities (NamesWorker *w, const SaywhoDocument *doc)
{
  guint n = doc->tokens->len;
  g_array_set_size (w->entity_of, n);
  memset (w->entity_of->data, 0xff, n * sizeof (gint32));
  mark_entities (w, doc, 0);
}

/* Sets the filter bit of a capitalized word new to the document, of
 * hash h, and counts it under the bit. */
static inline void
note_capitalized (NamesWorker *w, guint32 h)
{
  guint64 *word = &w->capitalized_filter[(h >> 6) & 63], bit = G_GUINT64_CONSTANT (1) << (h & 63);
  /* (a bit set in this document: its count is the words added since;
   * the counts need no clearing between documents) */
  if (!(*word & bit))
    w->unmarked[h & 4095] = 1;
  else if (w->unmarked[h & 4095] < 255)
    w->unmarked[h & 4095]++;
  *word |= bit;
}

static void
add_capitalized (NamesWorker *w, const SaywhoToken *tok)
{
  /* One probe that finds the word or the free slot where it goes (a find
   * and then an add probed twice for the half of the words that are new). */
  gboolean added;
  saywho_word_map_find_or_add (&w->capitalized, tok->norm, tok->norm_len, tok->norm_hash, 0,
                               &added);
  if (added)
    note_capitalized (w, tok->norm_hash);
}

/* Notes that the document writes the word of tok in lower case
 * ("membership").  Once every capitalized word under a filter
 * bit is so noted, the bit is cleared: the words written most often in
 * lower case ("the", "a", "in", which sentences also start with) then
 * cost a bit test, not a probe of the map, from their second time on. */
static void
mark_lower_case (NamesWorker *w, const SaywhoToken *tok)
{
  guint32 h = tok->norm_hash;
  SaywhoWordSlot *slot = saywho_word_map_find (&w->capitalized, tok->norm, tok->norm_len, h);
  if (slot == NULL || slot->value)
    return;
  slot->value = 1;
  if (w->unmarked[h & 4095] < 255 && --w->unmarked[h & 4095] == 0)
    w->capitalized_filter[(h >> 6) & 63] &= ~(G_GUINT64_CONSTANT (1) << (h & 63));
}

/* Whether a capitalized word of the document is also written in lower
 * case there ("Membership Action Plan" when "membership" occurs). */
static gboolean
seen_in_lower_case (const NamesWorker *w, const SaywhoToken *tok)
{
  const SaywhoWordSlot *slot = saywho_word_map_find (&w->capitalized, tok->norm, tok->norm_len,
                                                     tok->norm_hash);
  return slot != NULL && slot->value;
}



/* ---- what a token is ------------------------------------------------------ */

/* The classes of a token of the document being processed, looked up once
 * per token by names_process(). */
static inline guint
class_of (const NamesWorker *w, const SaywhoDocument *doc, const SaywhoToken *tok)
{
  return g_array_index (w->classes, guint,
                        tok - (const SaywhoToken *) (const void *) doc->tokens->data);
}

static gboolean
text_is (const SaywhoDocument *doc, const SaywhoToken *tok, const char *s)
{
  gsize len;
  const char *t = saywho_token_text (doc, tok, &len);
  return len == strlen (s) && memcmp (t, s, len) == 0;
}

/* A word that can be part of a name: capitalized (an acronym too), or an
 * initial such as "J.". */
static gboolean
is_name_word (const SaywhoToken *tok)
{
  if (tok->kind == SAYWHO_TOKEN_WORD)
    return (tok->flags & SAYWHO_TOKEN_CAPITALIZED) != 0;
  if (tok->kind == SAYWHO_TOKEN_ABBREVIATION)
    return (tok->flags & SAYWHO_TOKEN_CAPITALIZED) && !(tok->flags & SAYWHO_TOKEN_ABBREV_TITLE);
  return FALSE;
}

static gboolean
is_acronym (const SaywhoToken *tok)
{
  return (tok->flags & SAYWHO_TOKEN_ALL_CAPS) != 0;
}

/* Can find_headed_names() walk over tok, of classes cls?  Only over a
 * name word, a connector, a possessive or a hyphen: a head word that is
 * none of these ("the party", "the ministry said", in lower case) heads
 * no name there. */
static gboolean
in_headed_walk (const SaywhoToken *tok, guint cls)
{
  return is_name_word (tok) || (cls & CLASS_CONNECTOR) || tok->kind == SAYWHO_TOKEN_POSSESSIVE
         || (tok->norm_len == 1 && tok->norm[0] == '-');
}

/* Is the norm of tok possibly the word of len bytes and hash?  What
 * saywho_token_norm_is() asks, but by the token's own fields only: no
 * read of the norm's bytes, elsewhere in memory.  Enough for a cue, which
 * is only a necessary condition.  (A token's norm is its text, NFC and
 * case-folded: the norm of the text "," or "-" is that text.) */
static inline gboolean
norm_may_be (const SaywhoToken *tok, gsize len, guint32 hash)
{
  return tok->norm_len == len && tok->norm_hash == hash;
}

/* The cues of the candidate at token i that its token and the two around
 * it give (see Cue), asked by the first pass of names_process() as it
 * reads them, when the three tokens are in the cache: none of them is
 * read again for the cues.  note_cues() adds those of the classes. */
SAYWHO_ALWAYS_INLINE static inline guint
token_cues (const SaywhoDocument *doc, const SaywhoToken *tokens, guint i, guint n)
{
  const guint32 the = saywho_str_hash ("the", 3), of = saywho_str_hash ("of", 2);
  const guint32 comma = saywho_str_hash (",", 1), hyphen = saywho_str_hash ("-", 1);
  const SaywhoToken *tok = &tokens[i];
  guint cue = 0;
  if (is_acronym (tok))
    cue |= CUE_ACRONYM;
  if ((tok->flags & SAYWHO_TOKEN_HEADLINE) && (tok->flags & SAYWHO_TOKEN_SENTENCE_START)
      && text_is (doc, tok, "By"))
    cue |= CUE_BYLINE;
  if (i > 0)
    {
      const SaywhoToken *prev = &tokens[i - 1];
      if (norm_may_be (prev, 3, the))
        cue |= CUE_AFTER_THE;
      if (norm_may_be (prev, 2, of))
        cue |= CUE_AFTER_OF;
    }
  if (i + 1 < n)
    {
      const SaywhoToken *next = &tokens[i + 1];
      gboolean dash = norm_may_be (next, 1, hyphen);
      if (is_name_word (next) || dash)
        cue |= CUE_BEFORE_JOINER;
      if (dash)
        cue |= CUE_BEFORE_HYPHEN;
      if (norm_may_be (next, 1, comma))
        cue |= CUE_BEFORE_COMMA;
      if (next->kind == SAYWHO_TOKEN_POSSESSIVE)
        cue |= CUE_BEFORE_POSSESSIVE;
    }
  return cue;
}

/* Adds to the cues of every candidate those of the classes around it and
 * CUE_HEAD_FOLLOWS, and lists the candidates of each Pick: one pass over
 * them, that reads no token, only w->classes and the sentences of the
 * candidates and heads. */
static void
note_cues (NamesWorker *w, const SaywhoDocument *doc)
{
  guint n = doc->tokens->len;
  const guint *classes = (const guint *) (void *) w->classes->data;
  const guint32 *cand = (const guint32 *) (void *) w->candidates->data;
  const guint32 *cand_sentences = (const guint32 *) (void *) w->candidate_sentences->data;
  const guint32 *heads = (const guint32 *) (void *) w->heads->data;
  const guint32 *head_sentences = (const guint32 *) (void *) w->head_sentences->data;
  guint16 *cues = (guint16 *) (void *) w->cues->data;
  guint ncandidates = w->candidates->len, nheads = w->heads->len;
  g_array_set_size (w->picks, N_PICKS * ncandidates);
  guint32 *picks = (guint32 *) (void *) w->picks->data;
  guint np[N_PICKS] = { 0 };
  guint h = 0;  /* the first head word at or after the candidate */
  for (guint c = 0; c < ncandidates; c++)
    {
      guint i = cand[c];
      guint cue = cues[c];
      /* (a head word in the sentence from i on is the first one at or
       * after i, in i's sentence) */
      while (h < nheads && heads[h] < i)
        h++;
      if (h < nheads && head_sentences[h] == cand_sentences[c])
        cue |= CUE_HEAD_FOLLOWS;
      /* (each cue of a class is that class's bit moved to the cue's: a
       * shift and a mask, not a branch, each) */
      if (i > 0)
        {
          guint before = classes[i - 1];
          cue |= (before & CLASS_LOCATIVE) >> (CLASS_LOCATIVE_SHIFT - CUE_AFTER_LOCATIVE_SHIFT);
          cue |= (before & CLASS_ORG_NOUN) >> (CLASS_ORG_NOUN_SHIFT - CUE_AFTER_ORG_NOUN_SHIFT);
          if (i >= 2 && (cue & CUE_AFTER_OF) && (classes[i - 2] & CLASS_PLACE_NOUN))
            cue |= CUE_AFTER_PLACE_OF;
        }
      if (i + 1 < n)
        {
          guint after = classes[i + 1];
          cue |= (after & CLASS_PARTICLE) << (CUE_BEFORE_JOINER_SHIFT - CLASS_PARTICLE_SHIFT);
          cue |= (after & CLASS_ORG_NOUN) >> (CLASS_ORG_NOUN_SHIFT - CUE_BEFORE_ORG_NOUN_SHIFT);
          cue |= (after & CLASS_PLACE_NOUN) >> (CLASS_PLACE_NOUN_SHIFT - CUE_BEFORE_PLACE_NOUN_SHIFT);
        }
      cue &= ~CUE_AFTER_OF;
      cues[c] = (guint16) cue;
      /* (most cues are rare: these branches are mostly not taken) */
      if (cue & CUE_BYLINE)
        picks[PICK_BYLINE * ncandidates + np[PICK_BYLINE]++] = i;
      if (cue & CUE_HEAD_FOLLOWS)
        picks[PICK_HEADED * ncandidates + np[PICK_HEADED]++] = i;
      if (cue & CUE_AFTER_PLACE_OF)
        picks[PICK_PLACE_OF * ncandidates + np[PICK_PLACE_OF]++] = i;
      if (cue & CUE_BEFORE_PLACE_NOUN)
        picks[PICK_BEFORE_PLACE_NOUN * ncandidates + np[PICK_BEFORE_PLACE_NOUN]++] = i;
      if (cue & CUE_AFTER_LOCATIVE)
        picks[PICK_LOCATIVE * ncandidates + np[PICK_LOCATIVE]++] = i;
      if (cue & CUE_BEFORE_HYPHEN)
        picks[PICK_HYPHEN * ncandidates + np[PICK_HYPHEN]++] = i;
      if (cue & CUE_AFTER_ORG_NOUN)
        picks[PICK_AFTER_ORG_NOUN * ncandidates + np[PICK_AFTER_ORG_NOUN]++] = i;
      if ((cue & (CUE_AFTER_THE | CUE_BEFORE_ORG_NOUN)) == (CUE_AFTER_THE | CUE_BEFORE_ORG_NOUN))
        picks[PICK_THE_ORG_NOUN * ncandidates + np[PICK_THE_ORG_NOUN]++] = i;
      if (cue & (CUE_BEFORE_POSSESSIVE | CUE_ACRONYM | CUE_BEFORE_COMMA | CUE_AFTER_THE))
        picks[PICK_ORG_CUES * ncandidates + np[PICK_ORG_CUES]++] = i;
      if (cue & CUE_BEFORE_COMMA)
        picks[PICK_COMMA * ncandidates + np[PICK_COMMA]++] = i;
      if (classes[i] & CLASS_PREFIX)
        picks[PICK_PREFIX * ncandidates + np[PICK_PREFIX]++] = i;
      if (classes[i] & (CLASS_ORG_HEAD | CLASS_LOC_HEAD | CLASS_MISC_HEAD))
        picks[PICK_HEAD_WORD * ncandidates + np[PICK_HEAD_WORD]++] = i;
    }
  memcpy (w->npicks, np, sizeof np);
}

/* The tokens of the candidates that pick lists (see Pick), in order, and
 * how many in *count. */
static inline const guint32 *
picks_of (const NamesWorker *w, Pick pick, guint *count)
{
  *count = w->npicks[pick];
  return (const guint32 *) (void *) w->picks->data + pick * w->candidates->len;
}

/* ---- replacing entities ---------------------------------------------------- */

/* Is the text of tokens [start, end) the string s, spaces aside ("Barack
 * Obama" for Barack Obama)? */
static gboolean
span_text_is (const SaywhoDocument *doc, guint start, guint end, const char *s)
{
  if (s == NULL || end <= start)
    return FALSE;
  const char *p = s;
  for (guint k = start; k < end; k++)
    {
      gsize len;
      const char *t = saywho_token_text (doc, saywho_document_token (doc, k), &len);
      while (*p == ' ')
        p++;
      if (strncmp (p, t, len) != 0)
        return FALSE;
      p += len;
    }
  while (*p == ' ')
    p++;
  return *p == '\0';
}

/* Sets [start, end) as an entity of type, unless an entity that does not
 * fit inside it overlaps it.  Takes the id of a same-type entity inside. */
static gboolean
claim_as (NamesWorker *w, SaywhoDocument *doc, guint start, guint end, SaywhoEntityType type,
          guint keep_types, gboolean adopt_id)
{
  const char *id = NULL, *name = NULL, *kind = NULL;
  for (guint k = saywho_document_entity_from (doc, start); k < doc->entities->len; k++)
    {
      const SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, k);
      if (e->span.start >= end)
        break;
      /* ("[The Australian] National Audit Office": a listed name that
       * only its "The" keeps out of the claim is part of it) */
      if (e->span.start + 1 == start && e->span.end <= end
          && saywho_token_norm_is (saywho_document_token (doc, e->span.start), "the"))
        continue;
      if (e->span.start < start || e->span.end > end)
        return FALSE;  /* it reaches outside: the lexicon knows better */
      if (e->span.start == start && e->span.end == end && e->type == type)
        return TRUE;   /* already so */
      if (e->span.start == start && e->span.end == end && e->id != NULL)
        return FALSE;  /* listed as it is: "Crystal Palace" is a club, not a palace */
      if (keep_types & (1u << e->type))
        return FALSE;
      /* (a person's listed surname inside a longer name is that person
       * only when the longer name is the listed one: "Melania Trump" is
       * not Donald Trump) */
      if (adopt_id && e->type == type && id == NULL
          && (type != SAYWHO_ENTITY_PER || e->span.end - e->span.start > 1
              || span_text_is (doc, start, end, e->name)))
        {
          id = e->id;
          name = e->name;
          kind = e->kind;
        }
    }
  /* A mention around a listed one of its type keeps the listed id
   * ("Barack Obama" around "Obama").  Claims wait in w->pending until the
   * pass ends (flush_claims). */
  SaywhoEntity entity = { { start, end }, type, id, kind, name };
  g_array_append_val (w->pending, entity);
  return TRUE;
}

static gboolean
claim (NamesWorker *w, SaywhoDocument *doc, guint start, guint end, SaywhoEntityType type,
       guint keep_types)
{
  return claim_as (w, doc, start, end, type, keep_types, TRUE);
}

static int
compare_spans (gconstpointer a, gconstpointer b)
{
  const SaywhoEntity *x = a, *y = b;
  return (x->span.start > y->span.start) - (x->span.start < y->span.start);
}

/* Applies a pass's claims in one merge, and indexes the entities again. */
static void
flush_claims (NamesWorker *w, SaywhoDocument *doc)
{
  if (w->pending->len == 0)
    return;
  /* (the passes claim in text order, mostly: a stable sort, which
   * g_array_sort() is, leaves claims already in order as they are) */
  const SaywhoEntity *claims = (const SaywhoEntity *) (const void *) w->pending->data;
  for (guint p = 1; p < w->pending->len; p++)
    if (claims[p].span.start < claims[p - 1].span.start)
      {
        g_array_sort (w->pending, compare_spans);
        break;
      }
  /* Rather than every token of the document, only these are indexed
   * again: the merge removes the entities that a claim overlaps (each
   * covers a token of the claim), whose tokens are cleared before it; and
   * it keeps the entities that end before the first claim where they
   * are, at the same index, so that only the tokens of the entities from
   * there on are set after it.  Tokens no entity covers stay -1. */
  guint n = doc->tokens->len;
  gint32 *of = (gint32 *) (void *) w->entity_of->data;
  for (guint p = 0; p < w->pending->len; p++)
    {
      SaywhoSpan claimed = g_array_index (w->pending, SaywhoEntity, p).span;
      for (guint i = claimed.start; i < claimed.end && i < n; i++)
        if (of[i] >= 0)
          {
            SaywhoSpan span = g_array_index (doc->entities, SaywhoEntity, of[i]).span;
            for (guint k = span.start; k < span.end && k < n; k++)
              of[k] = -1;
          }
    }
  guint first = g_array_index (w->pending, SaywhoEntity, 0).span.start;
  guint from = saywho_document_entity_from (doc, first);
  saywho_document_merge_entities (doc, w->pending);
  g_array_set_size (w->pending, 0);
  mark_entities (w, doc, from);
}

/* ---- titles --------------------------------------------------------------- */

/* Marks title words, and returns for each token whether a title ends right
 * before it (so a name there follows a title). */
static void
find_titles (const Names *names, const NamesWorker *w, const SaywhoDocument *doc,
             guint8 *in_title, guint8 *after_title)
{
  guint n = doc->tokens->len;
  const guint32 *starts = (const guint32 *) (void *) w->title_starts->data;
  guint resume = 0;  /* the first token this pass has not gone past */
  for (guint c = 0; c < w->title_starts->len; c++)
    {
      guint i = starts[c];
      if (i < resume)
        continue;
      /* (a step a token, by the norm's bytes and hash: no key number to
       * look up first; and a leaf ends the walk without one more step) */
      guint32 node = SAYWHO_TRIE_ROOT;
      guint best = 0;
      for (guint j = i; j < n; j++)
        {
          const SaywhoToken *t = saywho_document_token (doc, j);
          node = saywho_trie_step (names->titles, node, t->norm, t->norm_len, t->norm_hash);
          if (node == SAYWHO_TRIE_NONE)
            break;
          guint count;
          saywho_trie_nodes_values (names->title_nodes, node, &count);
          if (count > 0)
            best = j + 1;
          if (saywho_trie_nodes_leaf (names->title_nodes, node))
            break;
        }
      if (best == 0)
        continue;
      resume = best;
      /* A title inside a person the lexicons know ("Pope Francis") stays a name. */
      gint e = entity_at (w, i);
      if (e >= 0 && g_array_index (doc->entities, SaywhoEntity, e).type == SAYWHO_ENTITY_PER)
        continue;
      for (guint k = i; k < best; k++)
        in_title[k] = TRUE;
      if (best < n)
        after_title[best] = TRUE;
    }
  /* A byline: "By Jane Doe" on a line of its own. */
  guint npicks;
  const guint32 *picks = picks_of (w, PICK_BYLINE, &npicks);
  for (guint p = 0; p < npicks && picks[p] + 1 < n; p++)
    {
      guint i = picks[p];
      const SaywhoToken *tok = saywho_document_token (doc, i);
      if (!(tok->flags & SAYWHO_TOKEN_HEADLINE) || !(tok->flags & SAYWHO_TOKEN_SENTENCE_START)
          || !text_is (doc, tok, "By"))
        continue;
      after_title[i + 1] = TRUE;
      /* "By Jane Doe and John Roe", "By A, B and C": each name after a
       * comma or "and" on the line is a byline's too */
      for (guint k = i + 1; k + 1 < n; k++)
        {
          const SaywhoToken *t = saywho_document_token (doc, k);
          if (t->sentence != tok->sentence)
            break;
          if ((text_is (doc, t, "and") || text_is (doc, t, ","))
              && is_name_word (saywho_document_token (doc, k + 1)))
            after_title[k + 1] = TRUE;
        }
    }
}

/* ---- runs ------------------------------------------------------------------ */

/* Is the hyphen at token j, between a capitalized word of at most five
 * letters and a lower-case word of two to five letters, with no space on
 * either side, the middle of a hyphenated given name ("Seung-woo",
 * "Jong-un", "Teng-hui")?  The lower-case half is no English word that
 * follows names in compounds ("Tokyo-based", "Obama-era", "Kiev-run"). */
static gboolean
hyphen_syllable (const SaywhoDocument *doc, guint j)
{
  static const char *const compounds[] = {
    "era", "run", "led", "born", "made", "like", "wide", "free", "held", "only", "type", "size",
    "style", "year", "old", "day", "week", "term", "time", "bred", "fed", "rich", "poor",
    "hit", "area", "zone", "bound", "owned", "based", "less", "level", "class", "linked",
    "plus", "lite", "sized", "proof", "ready", "long", "wise", "ward", "side", "news",
  };
  guint n = doc->tokens->len;
  if (j == 0 || j + 1 >= n)
    return FALSE;
  const SaywhoToken *before = saywho_document_token (doc, j - 1);
  const SaywhoToken *after = saywho_document_token (doc, j + 1);
  const SaywhoToken *dash = saywho_document_token (doc, j);
  if (before->kind != SAYWHO_TOKEN_WORD || after->kind != SAYWHO_TOKEN_WORD
      || !(before->flags & SAYWHO_TOKEN_CAPITALIZED) || (before->flags & SAYWHO_TOKEN_ALL_CAPS)
      || (after->flags & SAYWHO_TOKEN_CAPITALIZED) || (before->flags & SAYWHO_TOKEN_SPACE_AFTER)
      || (dash->flags & SAYWHO_TOKEN_SPACE_AFTER) || before->norm_len > 5
      || after->norm_len < 2 || after->norm_len > 5)
    return FALSE;
  /* the lower-case half ends the word: no further hyphen or letters */
  if (j + 2 < n && !(after->flags & SAYWHO_TOKEN_SPACE_AFTER)
      && saywho_document_token (doc, j + 2)->kind == SAYWHO_TOKEN_WORD)
    return FALSE;
  if (j + 2 < n && !(after->flags & SAYWHO_TOKEN_SPACE_AFTER)
      && text_is (doc, saywho_document_token (doc, j + 2), "-"))
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (compounds); k++)
    if (saywho_token_norm_is (after, compounds[k]))
      return FALSE;
  return TRUE;
}

/* Is token i + 1 a hyphen with no space around it, joining token i to
 * token i + 2 ("Sino-American", "Gothenburg-based", "Raman-Holt")? */
static gboolean
hyphen_joins (const SaywhoDocument *doc, guint i)
{
  if (i + 2 >= doc->tokens->len)
    return FALSE;
  const SaywhoToken *tok = saywho_document_token (doc, i);
  const SaywhoToken *dash = saywho_document_token (doc, i + 1);
  return text_is (doc, dash, "-") && !(tok->flags & SAYWHO_TOKEN_SPACE_AFTER)
         && !(dash->flags & SAYWHO_TOKEN_SPACE_AFTER);
}

/* The end of the run of name words starting at i (i itself a name word). */
static guint
run_end (const NamesWorker *w, const SaywhoDocument *doc, const guint8 *in_title, guint i)
{
  guint n = doc->tokens->len;
  guint32 sentence = saywho_document_token (doc, i)->sentence;
  guint j = i + 1;
  while (j < n)
    {
      const SaywhoToken *tok = saywho_document_token (doc, j);
      if (tok->sentence != sentence || in_title[j])
        break;
      if (is_name_word (tok) && !(class_of (w, doc, tok) & CLASS_NOT_NAME))
        {
          j++;
          continue;
        }
      const SaywhoToken *next = j + 1 < n ? saywho_document_token (doc, j + 1) : NULL;
      gboolean joins_next = next != NULL && next->sentence == sentence && is_name_word (next)
                            && !in_title[j + 1];
      /* bin, von: inside a name when a name word follows; al-, el-: when a
       * hyphen and a name word follow. */
      if ((class_of (w, doc, tok) & CLASS_PARTICLE) && !(tok->flags & SAYWHO_TOKEN_CAPITALIZED))
        {
          if (joins_next)
            {
              j++;
              continue;
            }
          if (next != NULL && text_is (doc, next, "-") && !(tok->flags & SAYWHO_TOKEN_SPACE_AFTER)
              && !(next->flags & SAYWHO_TOKEN_SPACE_AFTER) && j + 2 < n
              && is_name_word (saywho_document_token (doc, j + 2)))
            {
              j += 3;
              continue;
            }
        }
      /* Han Seung-woo, Kim Jong-un: a short given name's hyphenated
       * syllable in lower case, inside a run of two name words or more
       * ("Washington-based", "Obama-era" are no names). */
      if (text_is (doc, tok, "-") && j >= i + 2 && next != NULL && next->sentence == sentence
          && hyphen_syllable (doc, j))
        {
          j += 2;
          continue;
        }
      /* Raman-Holt: a hyphen with no space around it. */
      if (joins_next && hyphen_joins (doc, j - 1))
        {
          j += 2;
          continue;
        }
      break;
    }
  return j;
}

/* Drops a first word that only looks like a name because it starts a
 * sentence. */
static guint
trim_sentence_start (const Names *names, NamesWorker *w, const SaywhoDocument *doc,
                     guint start, guint end, gboolean headed)
{
  while (start < end)
    {
      const SaywhoToken *tok = saywho_document_token (doc, start);
      gboolean first = (tok->flags & SAYWHO_TOKEN_SENTENCE_START) != 0;
      if (!first && start > 0)
        {
          /* the first word after an opening quote starts a sentence too */
          const SaywhoToken *prev = saywho_document_token (doc, start - 1);
          first = prev->kind == SAYWHO_TOKEN_QUOTE && (prev->flags & SAYWHO_TOKEN_QUOTE_OPEN);
        }
      if (class_of (w, doc, tok) & CLASS_NOT_NAME)
        {
          start++;
          continue;
        }
      /* (a word of a headed name the document also writes in lower
       * case stays: "Foreign Ministry spokesperson Fang Yu said") */
      if (first && entity_at (w, start) < 0
          && (word_list_get (&names->starters, tok->norm, tok->norm_len, tok->norm_hash)
              || (!headed && seen_in_lower_case (w, tok))))
        {
          start++;
          continue;
        }
      /* "Officials of the Arab League": a first word that is no head word
       * and is followed by "of" is a common noun. */
      if (first && start + 1 < end && entity_at (w, start) < 0
          && !(class_of (w, doc, tok) & (CLASS_ORG_HEAD | CLASS_LOC_HEAD | CLASS_MISC_HEAD))
          && (class_of (w, doc, saywho_document_token (doc, start + 1)) & CLASS_CONNECTOR)
          && !(saywho_document_token (doc, start + 1)->flags & SAYWHO_TOKEN_CAPITALIZED))
        {
          start++;
          while (start < end && !is_name_word (saywho_document_token (doc, start)))
            start++;
          continue;
        }
      break;
    }
  return start;
}

/* 1. Head words: organizations, places, events. */
/* Is tok a given name of lexicons/first-names.txt (as written)? */
static gboolean
is_given_name (const Names *names, const SaywhoDocument *doc, const SaywhoToken *tok)
{
  gsize len;
  const char *text = saywho_token_text (doc, tok, &len);
  /* (no longer form is looked up, as when the list was a SaywhoStrMap
   * that compared a NUL-terminated copy of 64 bytes at most) */
  if (len >= 64)
    return FALSE;
  return word_list_get (&names->first_names, text, len, saywho_str_hash (text, (gssize) len)) != 0;
}

static void
find_headed_names (const Names *names, NamesWorker *w, SaywhoDocument *doc,
                   const guint8 *in_title, const guint8 *after_title)
{
  guint n = doc->tokens->len;
  guint resume = 0;  /* the first token this pass has not gone past */
  /* (a name claimed here holds a head word: with none from a candidate
   * to the sentence's end, no run from it or after it in the sentence is
   * claimed, and where such a run ends, resume, matters to no later
   * sentence: only the candidates with CUE_HEAD_FOLLOWS are gone over) */
  guint npicks;
  const guint32 *picks = picks_of (w, PICK_HEADED, &npicks);
  for (guint p = 0; p < npicks; p++)
    {
      guint i = picks[p];
      if (i < resume)
        continue;
      const SaywhoToken *tok = saywho_document_token (doc, i);
      if (in_title[i])
        continue;
      guint32 sentence = tok->sentence;
      /* Extend over name words, hyphens inside names, and connectors
       * followed by a name word; "the" only right after "of".  An "and"
       * outside an of/for complement is noted: it joins two names, unless
       * the head word makes the whole one name ("CHIPS and Science Act"). */
      guint j = i, last_name = i;
      gboolean complement = FALSE;
      gint outside_and = -1;
      while (j < n)
        {
          const SaywhoToken *t = saywho_document_token (doc, j);
          if (t->sentence != sentence || in_title[j])
            break;
          guint cls = class_of (w, doc, t);
          if (is_name_word (t) && !(cls & CLASS_NOT_NAME))
            {
              last_name = j;
              j++;
              continue;
            }
          const SaywhoToken *next = j + 1 < n ? saywho_document_token (doc, j + 1) : NULL;
          if (next == NULL || next->sentence != sentence)
            break;
          if (text_is (doc, t, "-") && j > i
              && !(saywho_document_token (doc, j - 1)->flags & SAYWHO_TOKEN_SPACE_AFTER)
              && !(t->flags & SAYWHO_TOKEN_SPACE_AFTER) && is_name_word (next))
            {
              j++;
              continue;
            }
          /* "Palestinian Prisoners' Club", "Las Lajas Workers' Union": a
           * plural's apostrophe inside a name; and "People's Party" */
          if (t->kind == SAYWHO_TOKEN_POSSESSIVE
              && (t->norm_len == 1
                  || saywho_token_norm_is (saywho_document_token (doc, j - 1), "people"))
              && j > i
              && (t->flags & SAYWHO_TOKEN_SPACE_AFTER) && is_name_word (next)
              && !(saywho_document_token (doc, j - 1)->flags & SAYWHO_TOKEN_SPACE_AFTER))
            {
              j++;
              continue;
            }
          gboolean lower = t->kind == SAYWHO_TOKEN_WORD && !(t->flags & SAYWHO_TOKEN_CAPITALIZED);
          if (!(cls & CLASS_CONNECTOR) || !(lower || text_is (doc, t, "&")) || j == i)
            break;
          gboolean is_the = text_is (doc, t, "the"), is_and = text_is (doc, t, "and")
                                                              || text_is (doc, t, "&");
          if (is_the && !text_is (doc, saywho_document_token (doc, j - 1), "of")
              && !text_is (doc, saywho_document_token (doc, j - 1), "for"))
            break;
          if (is_and && !is_name_word (next))
            break;
          if (is_and && !complement)
            outside_and = (gint) j;
          if (!is_the && !is_and && !is_name_word (next) && !text_is (doc, next, "the"))
            break;
          if (!is_the && !is_and)
            complement = TRUE;
          j++;
        }
      guint end = last_name + 1;
      if (end <= i)
        {
          resume = i + 1;
          continue;
        }
      /* The last head word before the complements decides: "University
       * of Prince Edward Island" is no island, "Gulf of Mexico" no ORG. */
      gint head = -1;
      guint head_class = 0;
      for (guint k = i; k < end; k++)
        {
          if (head >= 0 && (text_is (doc, saywho_document_token (doc, k), "of")
                            || text_is (doc, saywho_document_token (doc, k), "for")))
            break;
          guint cls = class_of (w, doc, saywho_document_token (doc, k));
          if (cls & (CLASS_ORG_HEAD | CLASS_ORG_SUFFIX | CLASS_LOC_HEAD | CLASS_MISC_HEAD))
            {
              head = (gint) k;
              head_class = cls;
            }
        }
      if (head < 0 || end - i < 2)
        {
          resume = end;
          continue;
        }
      SaywhoEntityType type = (head_class & (CLASS_ORG_HEAD | CLASS_ORG_SUFFIX)) ? SAYWHO_ENTITY_ORG
                              : (head_class & CLASS_LOC_HEAD) ? SAYWHO_ENTITY_LOC
                                                              : SAYWHO_ENTITY_MISC;
      /* Two names joined by "and" ("Micron and Taiwan Semiconductor
       * Manufacturing Co."): when the words before "and" are a name of
       * their own (a known entity, or headed), the organization is the
       * part with the head; otherwise "and" is inside one name
       * ("Information Technology and Innovation Foundation"). */
      guint from = i;
      if (type == SAYWHO_ENTITY_ORG && outside_and >= 0)
        {
          guint a = (guint) outside_and;
          if (a > (guint) head)
            end = a;
          else
            {
              gboolean named = entity_at (w, a - 1) >= 0
                               || (class_of (w, doc, saywho_document_token (doc, a - 1))
                                   & CLASS_ORG_SUFFIX);
              if (named)
                from = a + 1;
            }
        }
      /* "Central Sulawesi and Weda Bay on Halmahera": a place's name
       * holds no "and" or "on"; the part with the head is the place. */
      if (type == SAYWHO_ENTITY_LOC)
        {
          for (guint k = from; k < end; k++)
            {
              const SaywhoToken *t = saywho_document_token (doc, k);
              if (!text_is (doc, t, "and") && !text_is (doc, t, "on") && !text_is (doc, t, "&"))
                continue;
              if (k < (guint) head)
                {
                  /* a place of its own before it ("Foobar Strait and …") */
                  gboolean headed = FALSE;
                  for (guint m = from; m < k; m++)
                    headed |= (class_of (w, doc, saywho_document_token (doc, m)) & CLASS_LOC_HEAD)
                              != 0;
                  if (headed && k - from >= 2)
                    claim_as (w, doc, from, k, SAYWHO_ENTITY_LOC, 0, FALSE);
                  from = k + 1;
                }
              else
                {
                  end = k;
                  break;
                }
            }
        }
      /* "for Syria", "on Ukraine" after a head is not part of a name. */
      for (guint k = (guint) head + 1; k < end; k++)
        {
          const SaywhoToken *t = saywho_document_token (doc, k);
          if (!text_is (doc, t, "for") && !text_is (doc, t, "on"))
            continue;
          gint e = entity_at (w, k + 1);
          if (e >= 0 && g_array_index (doc->entities, SaywhoEntity, e).span.end == end
              && g_array_index (doc->entities, SaywhoEntity, e).span.start == k + 1)
            end = k;
        }
      guint start = trim_sentence_start (names, w, doc, from, end, TRUE);
      /* "The" is never part of the name, even where a listed name starts
       * with it ("[The Australian] National Audit Office") */
      while (start < (guint) head && saywho_token_norm_is (saywho_document_token (doc, start), "the"))
        start++;
      /* A leading nationality is a mention of its own before an
       * organization ("Chinese Foreign Ministry"); a place is part of the
       * name ("China Development Bank", "Jordan Valley"). */
      while (type == SAYWHO_ENTITY_ORG && start < (guint) head)
        {
          gint e = entity_at (w, start);
          if (e < 0)
            break;
          const SaywhoEntity *ent = &g_array_index (doc->entities, SaywhoEntity, e);
          if (ent->span.end > (guint) head)
            break;
          /* "[U.S.] [State Department]": a place before a listed
           * organization that ends the name, as the gazetteer split them */
          gint next = entity_at (w, ent->span.end);
          gboolean place_of_org
            = ent->type == SAYWHO_ENTITY_LOC && next >= 0
              && g_array_index (doc->entities, SaywhoEntity, next).type == SAYWHO_ENTITY_ORG
              && g_array_index (doc->entities, SaywhoEntity, next).span.start == ent->span.end
              && g_array_index (doc->entities, SaywhoEntity, next).span.end == end;
          /* A nationality before a government's own body is its own
           * mention ("Chinese [Foreign Ministry]", "Kenyan [Interior
           * Ministry]"), as before a listed organization; before any
           * other organization it is part of the name ("Mexican Bar
           * Association", "Turkish Statistical Institute", "Nigerian
           * Navy"). */
          gboolean nationality_apart
            = ent->type == SAYWHO_ENTITY_MISC
              && ((class_of (w, doc, saywho_document_token (doc, (guint) head)) & CLASS_STATE_BODY)
                  || (next >= 0 && g_array_index (doc->entities, SaywhoEntity, next).id != NULL
                      && g_array_index (doc->entities, SaywhoEntity, next).span.start
                           == ent->span.end
                      && g_array_index (doc->entities, SaywhoEntity, next).span.end == end));
          /* "[U.S.] National Weather Service", "[UK] Met Office": a
           * country's abbreviation only says whose body it is ("China
           * Development Bank" keeps its place) */
          const SaywhoToken *first_tok = saywho_document_token (doc, ent->span.start);
          gboolean abbreviated_place
            = ent->type == SAYWHO_ENTITY_LOC && ent->span.end == ent->span.start + 1
              && (first_tok->kind == SAYWHO_TOKEN_ABBREVIATION
                  || ((first_tok->flags & SAYWHO_TOKEN_ALL_CAPS) && first_tok->norm_len <= 3));
          if (!nationality_apart && !place_of_org && !abbreviated_place)
            break;
          start = ent->span.end;
        }
      /* "Ada Lovel of the Foobar Institute": a person of an organization,
       * when the two to four words before "of" hold no head word (an
       * organization's head comes before its "of": "Bank of England");
       * the person is left to find_people(). */
      if (type == SAYWHO_ENTITY_ORG && start + 2 <= (guint) head)
        for (guint k = start; k < (guint) head && k <= start + 4; k++)
          {
            const SaywhoToken *t = saywho_document_token (doc, k);
            if (class_of (w, doc, t)
                & (CLASS_ORG_HEAD | CLASS_ORG_SUFFIX | CLASS_LOC_HEAD | CLASS_MISC_HEAD))
              break;
            if (k >= start + 2 && text_is (doc, t, "of"))
              {
                start = k + 1 + (text_is (doc, saywho_document_token (doc, k + 1), "the"));
                break;
              }
          }
      if (end - start >= 2 && (guint) head >= start)
        claim_as (w, doc, start, end, type, 0, FALSE);  /* "Emirates Stadium" is no country */
      resume = end;
    }
}

/* Sino-American, Franco-German: a combining form, a hyphen and a name
 * make one MISC mention. */
static void
find_prefixed_names (NamesWorker *w, SaywhoDocument *doc)
{
  guint n = doc->tokens->len;
  guint npicks;
  const guint32 *picks = picks_of (w, PICK_PREFIX, &npicks);
  for (guint p = 0; p < npicks && picks[p] + 2 < n; p++)
    {
      guint i = picks[p];
      const SaywhoToken *tok = saywho_document_token (doc, i);
      if (!(tok->flags & SAYWHO_TOKEN_CAPITALIZED) || !hyphen_joins (doc, i) || !is_name_word (saywho_document_token (doc, i + 2)))
        continue;
      guint end = i + 3;
      gint e = entity_at (w, i + 2);
      if (e >= 0)
        end = MAX (end, g_array_index (doc->entities, SaywhoEntity, e).span.end);
      claim_as (w, doc, i, end, SAYWHO_ENTITY_MISC, 1u << SAYWHO_ENTITY_LOC | 1u << SAYWHO_ENTITY_ORG,
                FALSE);
    }
}

/* "Amnesty International Kenya", "Greenpeace Indonesia", "Shell Nigeria":
 * a listed group, company or outlet right before a country's name, with
 * no name word after it, is the group's branch there, one organization. */
static void
find_branches (NamesWorker *w, SaywhoDocument *doc)
{
  guint n = doc->tokens->len;
  for (guint k = 0; k + 1 < doc->entities->len; k++)
    {
      const SaywhoEntity *org = &g_array_index (doc->entities, SaywhoEntity, k);
      const SaywhoEntity *place = &g_array_index (doc->entities, SaywhoEntity, k + 1);
      if (org->type != SAYWHO_ENTITY_ORG || org->kind == NULL || place->type != SAYWHO_ENTITY_LOC
          || place->span.start != org->span.end || place->id == NULL
          || !g_str_has_prefix (place->id, "country:")
          || (strcmp (org->kind, "ngo") != 0 && strcmp (org->kind, "company") != 0
              && strcmp (org->kind, "media") != 0))
        continue;
      const SaywhoToken *last = saywho_document_token (doc, org->span.end - 1);
      if (!(last->flags & SAYWHO_TOKEN_SPACE_AFTER) || (last->flags & SAYWHO_TOKEN_HEADLINE)
          || (place->span.end < n && is_name_word (saywho_document_token (doc, place->span.end))))
        continue;
      claim_as (w, doc, org->span.start, place->span.end, SAYWHO_ENTITY_ORG, 0, FALSE);
    }
}

/* Is token i a word nothing says is a name's or a common word: no entity
 * holds it, no head, generic, not-name or `also` class word is it, the
 * document never writes it in lower case, and it is no sentence starter?
 * What each pass that takes a lone word for a name asks of it. */
static gboolean
unknown_word (const Names *names, const NamesWorker *w, const SaywhoDocument *doc, guint i,
              guint also)
{
  const SaywhoToken *tok = saywho_document_token (doc, i);
  return entity_at (w, i) < 0
         && !(class_of (w, doc, tok) & (CLASS_NOT_NAME | CLASS_ORG_HEAD | CLASS_LOC_HEAD
                                        | CLASS_MISC_HEAD | CLASS_GENERIC | also))
         && !seen_in_lower_case (w, tok)
         && !word_list_get (&names->starters, tok->norm, tok->norm_len, tok->norm_hash);
}

/* Is token i a lone unknown capitalized word mid-sentence right after a
 * word of class `after`: no name word or hyphen follows, no entity or
 * class word holds it, the document never writes it in lower case, and it
 * is no sentence starter?  What find_described_orgs() and find_places()
 * ask first. */
static gboolean
lone_name_after (const Names *names, NamesWorker *w, SaywhoDocument *doc,
                 const guint8 *in_title, guint i, guint after)
{
  if (i == 0)
    return FALSE;
  guint n = doc->tokens->len;
  const SaywhoToken *tok = saywho_document_token (doc, i);
  const SaywhoToken *prev = saywho_document_token (doc, i - 1);
  if (tok->kind != SAYWHO_TOKEN_WORD || !(tok->flags & SAYWHO_TOKEN_CAPITALIZED)
      || (tok->flags & SAYWHO_TOKEN_SENTENCE_START) || in_title[i]
      || prev->sentence != tok->sentence || !(class_of (w, doc, prev) & after))
    return FALSE;
  if (i + 1 < n && (is_name_word (saywho_document_token (doc, i + 1))
                    || text_is (doc, saywho_document_token (doc, i + 1), "-")))
    return FALSE;
  return unknown_word (names, w, doc, i, 0);
}

/* Is the lone name at i set off by an appositive whose last word, before
 * the comma that closes it, is a noun for an organization: "The CFDT,
 * France's largest union, said", "Sernageomin, the mining regulator,"?
 * The appositive opens with a determiner or a possessive name and holds
 * at most six words. */
static gboolean
appositive_org (const NamesWorker *w, const SaywhoDocument *doc, guint i)
{
  guint n = doc->tokens->len;
  guint32 sentence = saywho_document_token (doc, i)->sentence;
  if (i + 3 >= n || !text_is (doc, saywho_document_token (doc, i + 1), ","))
    return FALSE;
  const SaywhoToken *first = saywho_document_token (doc, i + 2);
  gboolean opens = saywho_token_norm_is (first, "the") || saywho_token_norm_is (first, "a")
                   || saywho_token_norm_is (first, "an") || saywho_token_norm_is (first, "its")
                   || (i + 3 < n && saywho_document_token (doc, i + 3)->kind
                                      == SAYWHO_TOKEN_POSSESSIVE);
  if (!opens)
    return FALSE;
  for (guint j = i + 3; j < n && j <= i + 8; j++)
    {
      const SaywhoToken *tok = saywho_document_token (doc, j);
      if (tok->sentence != sentence)
        return FALSE;
      if (text_is (doc, tok, ","))
        {
          const SaywhoToken *head = saywho_document_token (doc, j - 1);
          return j > i + 3 && head->kind == SAYWHO_TOKEN_WORD
                 && !(head->flags & SAYWHO_TOKEN_CAPITALIZED)
                 && (class_of (w, doc, head) & CLASS_ORG_NOUN);
        }
      if (tok->kind != SAYWHO_TOKEN_WORD && tok->kind != SAYWHO_TOKEN_POSSESSIVE
          && !text_is (doc, tok, "-"))
        return FALSE;
    }
  return FALSE;
}

static void claim_described (NamesWorker *w, SaywhoDocument *doc, const guint8 *in_title,
                             guint i);

/* A lone unknown capitalized word right after a noun that describes an
 * organization is that organization: "the fishermen's group Pamalakaya",
 * "statistics agency IBGE", "cloud company Stratocore"; and so is one
 * between "the" and such a noun ("the Wagner group"). */
static void
find_described_orgs (const Names *names, NamesWorker *w, SaywhoDocument *doc,
                     const guint8 *in_title)
{
  guint n = doc->tokens->len;
  guint npicks;
  const guint32 *picks = picks_of (w, PICK_AFTER_ORG_NOUN, &npicks);
  for (guint p = 0; p < npicks; p++)
    {
      guint i = picks[p];
      if (!lone_name_after (names, w, doc, in_title, i, CLASS_ORG_NOUN))
        continue;
      const SaywhoToken *tok = saywho_document_token (doc, i);
      if ((saywho_document_token (doc, i - 1)->flags & SAYWHO_TOKEN_CAPITALIZED)
          || (class_of (w, doc, tok) & CLASS_TITLE_START) || is_given_name (names, doc, tok))
        continue;
      claim_described (w, doc, in_title, i);
    }
  /* "the Wagner group", "the Ifo institute": the noun after the name
   * (once the claims above are in, so that none is claimed twice) */
  flush_claims (w, doc);
  picks = picks_of (w, PICK_THE_ORG_NOUN, &npicks);
  for (guint p = 0; p < npicks; p++)
    {
      guint i = picks[p];
      if (i == 0 || i + 2 >= n)
        continue;
      const SaywhoToken *tok = saywho_document_token (doc, i);
      const SaywhoToken *prev = saywho_document_token (doc, i - 1);
      const SaywhoToken *noun = saywho_document_token (doc, i + 1);
      /* (an acronym of two letters is more often a common noun's: "the
       * AI company") */
      if (tok->kind != SAYWHO_TOKEN_WORD || (tok->flags & SAYWHO_TOKEN_SENTENCE_START)
          || (is_acronym (tok) && tok->norm_len < 3)
          || in_title[i] || !saywho_token_norm_is (prev, "the")
          || noun->kind != SAYWHO_TOKEN_WORD
          || (noun->flags & SAYWHO_TOKEN_CAPITALIZED) || !(class_of (w, doc, noun) & CLASS_ORG_NOUN)
          || prev->sentence != tok->sentence || noun->sentence != tok->sentence
          || !unknown_word (names, w, doc, i, CLASS_TITLE_START) || is_given_name (names, doc, tok))
        continue;
      claim_described (w, doc, in_title, i);
    }
  flush_claims (w, doc);
  /* "CGT leader Marc Lemaire", "the UAW's president": an unknown acronym
   * right before a role in an organization; and "The CFDT, France's
   * largest union, said", "Sernageomin, the mining regulator,": an
   * unknown word set off by an appositive that ends in a noun for an
   * organization. */
  /* (most name words are none of these: a possessive or a comma after,
   * an acronym, "the" before) */
  picks = picks_of (w, PICK_ORG_CUES, &npicks);
  for (guint p = 0; p < npicks; p++)
    {
      guint i = picks[p];
      if (i + 2 >= n || in_title[i] || entity_at (w, i) >= 0)
        continue;
      const SaywhoToken *tok = saywho_document_token (doc, i);
      const SaywhoToken *next = saywho_document_token (doc, i + 1);
      if (next->kind != SAYWHO_TOKEN_POSSESSIVE && !is_acronym (tok) && !text_is (doc, next, ",")
          && !(i > 0 && saywho_token_norm_is (saywho_document_token (doc, i - 1), "the")))
        continue;
      if (tok->kind != SAYWHO_TOKEN_WORD || !(tok->flags & SAYWHO_TOKEN_CAPITALIZED)
          || (i > 0 && saywho_document_token (doc, i - 1)->sentence == tok->sentence
              && is_name_word (saywho_document_token (doc, i - 1))
              && !saywho_token_norm_is (saywho_document_token (doc, i - 1), "the")))
        continue;
      /* "Norvik's shares", "Quillfeather's biggest market": what only an
       * organization has, right after the possessive or one word on */
      gboolean owns = FALSE;
      if (next->kind == SAYWHO_TOKEN_POSSESSIVE && i + 2 < n)
        {
          next = saywho_document_token (doc, i + 2);
          for (guint k = i + 2; k < n && k <= i + 3 && !owns; k++)
            {
              const SaywhoToken *noun = saywho_document_token (doc, k);
              if (noun->kind != SAYWHO_TOKEN_WORD || (noun->flags & SAYWHO_TOKEN_CAPITALIZED))
                break;
              owns = (class_of (w, doc, noun) & CLASS_ORG_OWN) != 0;
            }
        }
      gboolean acronym_role = is_acronym (tok) && tok->norm_len >= 3
                              && next->sentence == tok->sentence
                              && next->kind == SAYWHO_TOKEN_WORD
                              && !(next->flags & SAYWHO_TOKEN_CAPITALIZED)
                              && (class_of (w, doc, next) & CLASS_ORG_ROLE);
      /* "the Treasury", "the Parliament": a head word alone after "the",
       * when it is not one too general to name ("the Ministry") */
      gboolean lone_head = i > 0 && saywho_token_norm_is (saywho_document_token (doc, i - 1), "the")
                           && (class_of (w, doc, tok) & CLASS_ORG_HEAD)
                           && !(class_of (w, doc, tok) & CLASS_GENERIC)
                           && !is_name_word (saywho_document_token (doc, i + 1));
      /* (each claim is flushed at once: it claims the name's other
       * mentions too, which this loop must then see taken) */
      /* (not a word that ends a name the document gives: "the Post"
       * after "the Washington Post" is that, for coref to link) */
      for (guint k = 0; lone_head && k < doc->entities->len; k++)
        {
          const SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, k);
          const SaywhoToken *last = saywho_document_token (doc, e->span.end - 1);
          if (e->span.end - e->span.start >= 2 && last->norm_hash == tok->norm_hash
              && last->norm_len == tok->norm_len
              && saywho_bytes_equal (last->norm, tok->norm, tok->norm_len))
            lone_head = FALSE;
        }
      if (lone_head && entity_at (w, i) < 0 && !(tok->flags & SAYWHO_TOKEN_SENTENCE_START))
        {
          claim_described (w, doc, in_title, i);
          flush_claims (w, doc);
          continue;
        }
      if ((owns || acronym_role || appositive_org (w, doc, i))
          && unknown_word (names, w, doc, i, CLASS_TITLE_START) && !is_given_name (names, doc, tok))
        {
          claim_described (w, doc, in_title, i);
          flush_claims (w, doc);
        }
    }
}

/* Claims the name at i for an organization, and the document's other
 * mentions of it written the same way ("Stratocore said it would
 * appeal"). */
static void
claim_described (NamesWorker *w, SaywhoDocument *doc, const guint8 *in_title, guint i)
{
  guint n = doc->tokens->len;
  const guint32 *cand = (const guint32 *) (void *) w->candidates->data;
  const SaywhoToken *tok = saywho_document_token (doc, i);
  claim (w, doc, i, i + 1, SAYWHO_ENTITY_ORG, ~0u);
  for (guint d = 0; d < w->candidates->len; d++)
    {
      guint j = cand[d];
      const SaywhoToken *other = saywho_document_token (doc, j);
      if (j != i && other->kind == SAYWHO_TOKEN_WORD && !in_title[j]
          && other->norm_hash == tok->norm_hash && other->norm_len == tok->norm_len
          && saywho_bytes_equal (other->norm, tok->norm, tok->norm_len)
          && (other->flags & SAYWHO_TOKEN_CAPITALIZED) && entity_at (w, j) < 0
          && (j + 1 >= n || !is_name_word (saywho_document_token (doc, j + 1))))
        claim (w, doc, j, j + 1, SAYWHO_ENTITY_ORG, ~0u);
    }
}

/* A lone unknown capitalized word after "in", "at", "near" … is a place
 * ("matches in Durban", "talks at Highbury"). */
static void
find_places (const Names *names, NamesWorker *w, SaywhoDocument *doc, const guint8 *in_title)
{
  guint n = doc->tokens->len;
  guint npicks;
  const guint32 *picks = picks_of (w, PICK_LOCATIVE, &npicks);
  for (guint p = 0; p < npicks; p++)
    {
      guint i = picks[p];
      if (!lone_name_after (names, w, doc, in_title, i, CLASS_LOCATIVE)
          || (saywho_document_token (doc, i)->flags & SAYWHO_TOKEN_ALL_CAPS)
          || appositive_org (w, doc, i)
          || (i + 1 < n && saywho_document_token (doc, i + 1)->kind == SAYWHO_TOKEN_POSSESSIVE))
        continue;
      claim (w, doc, i, i + 1, SAYWHO_ENTITY_LOC, ~0u);
    }
  /* "the Gothenburg-based company": a name before "-based" is a place */
  picks = picks_of (w, PICK_HYPHEN, &npicks);
  for (guint p = 0; p < npicks; p++)
    {
      guint i = picks[p];
      if (i + 2 >= n || in_title[i] || entity_at (w, i) >= 0)
        continue;
      const SaywhoToken *tok = saywho_document_token (doc, i);
      if (tok->kind != SAYWHO_TOKEN_WORD || !(tok->flags & SAYWHO_TOKEN_CAPITALIZED)
          || !hyphen_joins (doc, i)
          || !saywho_token_norm_is (saywho_document_token (doc, i + 2), "based")
          || (i > 0 && is_name_word (saywho_document_token (doc, i - 1))
              && !(saywho_document_token (doc, i - 1)->flags & SAYWHO_TOKEN_SENTENCE_START))
          || !unknown_word (names, w, doc, i, CLASS_TITLE_START))
        continue;
      /* ("St. Louis-based": with the abbreviation that starts the name) */
      guint start = i;
      if (i > 0 && saywho_document_token (doc, i - 1)->kind == SAYWHO_TOKEN_ABBREVIATION
          && (saywho_document_token (doc, i - 1)->flags & SAYWHO_TOKEN_CAPITALIZED)
          && saywho_document_token (doc, i - 1)->sentence == tok->sentence)
        start = i - 1;
      claim (w, doc, start, i + 1, SAYWHO_ENTITY_LOC, ~0u);
    }
}

/* A word of a dateline's place: a capitalized word or abbreviation
 * ("ST. LOUIS", "SANTA CRUZ DE TENERIFE", AFP's "Cebu (Philippines)"). */
static gboolean
is_dateline_word (const SaywhoToken *tok)
{
  return (tok->flags & SAYWHO_TOKEN_DATELINE)
         && (tok->flags & (SAYWHO_TOKEN_ALL_CAPS | SAYWHO_TOKEN_CAPITALIZED))
         && (tok->kind == SAYWHO_TOKEN_WORD || tok->kind == SAYWHO_TOKEN_ABBREVIATION);
}

/* "GUWAHATI, India (AP) —", "UNITED NATIONS (AP) —", "NEW YORK/LONDON,
 * May 2 (Reuters) -": the words in capitals that open a dateline name the
 * place the story was filed from, one place on each side of a slash.  A
 * place no list holds is claimed as one; a listed name that covers it
 * otherwise (an organization, or a shorter place inside it) gives way to
 * the whole, in capitals, as a place.  The place must be followed by a
 * comma, an opening parenthesis or a slash, as datelines write it, so
 * that a headline in capitals before a dash is no place. */
static void
find_dateline_places (NamesWorker *w, SaywhoDocument *doc)
{
  guint n = doc->tokens->len;
  for (guint p = 0; p < doc->paragraphs->len; p++)
    {
      /* (a dateline opens its paragraph) */
      guint i = g_array_index (doc->paragraphs, SaywhoSpan, p).start;
      while (i < n && is_dateline_word (saywho_document_token (doc, i)))
        {
          guint end = i;
          while (end < n && is_dateline_word (saywho_document_token (doc, end)))
            end++;
          const SaywhoToken *next = end < n ? saywho_document_token (doc, end) : NULL;
          if (next == NULL
              || !(saywho_token_norm_is (next, ",") || saywho_token_norm_is (next, "(")
                   || saywho_token_norm_is (next, "/")))
            break;
          gint k = entity_at (w, i);
          const SaywhoEntity *e = k >= 0 ? &g_array_index (doc->entities, SaywhoEntity, k) : NULL;
          gboolean whole = e != NULL && e->span.start == i && e->span.end == end;
          gboolean inside = TRUE;
          for (guint j = i; j < end && inside; j++)
            {
              gint kj = entity_at (w, j);
              if (kj >= 0)
                {
                  SaywhoSpan span = g_array_index (doc->entities, SaywhoEntity, kj).span;
                  inside = span.start >= i && span.end <= end;
                }
            }
          if (!(whole && e->type == SAYWHO_ENTITY_LOC) && inside)
            {
              SaywhoEntity place = { { i, end }, SAYWHO_ENTITY_LOC, NULL, NULL, NULL };
              g_array_append_val (w->pending, place);
            }
          if (!saywho_token_norm_is (next, "/"))
            break;
          i = end + 1;  /* a slash, then another place */
        }
    }
}

/* "the city of El Fasher", "the northeastern state of Foo": an unknown
 * capitalized run after a place noun and "of" is a place. */
static void
find_places_of (const Names *names, NamesWorker *w, SaywhoDocument *doc, const guint8 *in_title)
{
  guint n = doc->tokens->len;
  guint resume = 0;
  guint npicks;
  const guint32 *picks = picks_of (w, PICK_PLACE_OF, &npicks);
  for (guint p = 0; p < npicks; p++)
    {
      guint i = picks[p];
      if (i < 2 || i < resume || in_title[i])
        continue;
      const SaywhoToken *of = saywho_document_token (doc, i - 1);
      const SaywhoToken *noun = saywho_document_token (doc, i - 2);
      if (!saywho_token_norm_is (of, "of") || noun->kind != SAYWHO_TOKEN_WORD
          || (noun->flags & SAYWHO_TOKEN_CAPITALIZED)
          || !(class_of (w, doc, noun) & CLASS_PLACE_NOUN))
        continue;
      guint end = run_end (w, doc, in_title, i);
      resume = end;
      gboolean known = FALSE;
      for (guint k = i; k < end && !known; k++)
        known = entity_at (w, k) >= 0
                || (class_of (w, doc, saywho_document_token (doc, k))
                    & (CLASS_ORG_HEAD | CLASS_ORG_SUFFIX | CLASS_MISC_HEAD | CLASS_NOT_NAME))
                || is_acronym (saywho_document_token (doc, k));
      if (known || end - i > 3)
        continue;
      claim (w, doc, i, end, SAYWHO_ENTITY_LOC, ~0u);
      /* "the states of Kano and Kaduna": the next one too */
      if (end + 1 < n && text_is (doc, saywho_document_token (doc, end), "and")
          && is_name_word (saywho_document_token (doc, end + 1)) && entity_at (w, end + 1) < 0
          && !in_title[end + 1])
        {
          guint next_end = run_end (w, doc, in_title, end + 1);
          if (next_end - (end + 1) <= 3 && next_end > end + 1)
            {
              claim (w, doc, end + 1, next_end, SAYWHO_ENTITY_LOC, ~0u);
              resume = next_end;
            }
        }
    }
  /* "Seoul's Seocho district", "Iwate prefecture": a lone unknown name
   * right before a lower-case place noun */
  picks = picks_of (w, PICK_BEFORE_PLACE_NOUN, &npicks);
  for (guint p = 0; p < npicks; p++)
    {
      guint i = picks[p];
      if (i + 1 >= n || in_title[i])
        continue;
      const SaywhoToken *tok = saywho_document_token (doc, i);
      const SaywhoToken *noun = saywho_document_token (doc, i + 1);
      if (noun->kind != SAYWHO_TOKEN_WORD || (noun->flags & SAYWHO_TOKEN_CAPITALIZED)
          || !(class_of (w, doc, noun) & CLASS_PLACE_NOUN) || noun->norm[noun->norm_len - 1] == 's'
          || tok->kind != SAYWHO_TOKEN_WORD || (tok->flags & (SAYWHO_TOKEN_SENTENCE_START
                                                              | SAYWHO_TOKEN_ALL_CAPS))
          || (i > 0 && is_name_word (saywho_document_token (doc, i - 1)))
          || !unknown_word (names, w, doc, i, CLASS_TITLE_START))
        continue;
      claim (w, doc, i, i + 1, SAYWHO_ENTITY_LOC, ~0u);
    }
}

/* "Suharyono, an official at the ministry, said", "said Pele, the Santos
 * striker": a lone unknown capitalized word set off by an appositive that
 * names a person's role is a person, at a sentence's start too. */
static void
find_single_names (const Names *names, NamesWorker *w, SaywhoDocument *doc,
                   const guint8 *in_title)
{
  guint n = doc->tokens->len;
  guint npicks;
  const guint32 *picks = picks_of (w, PICK_COMMA, &npicks);
  for (guint p = 0; p < npicks; p++)
    {
      guint i = picks[p];
      if (i + 4 >= n || in_title[i])
        continue;
      const SaywhoToken *tok = saywho_document_token (doc, i);
      const SaywhoToken *comma = saywho_document_token (doc, i + 1);
      const SaywhoToken *det = saywho_document_token (doc, i + 2);
      gboolean the = saywho_token_norm_is (det, "the");
      if (!saywho_token_norm_is (comma, ",")
          || !(the || saywho_token_norm_is (det, "a") || saywho_token_norm_is (det, "an")))
        continue;
      /* (at a sentence's start only "a" or "an": "Officials, the minister
       * said, left" holds an attribution, not an appositive) */
      if ((tok->flags & SAYWHO_TOKEN_SENTENCE_START) && the)
        continue;
      if (tok->kind != SAYWHO_TOKEN_WORD || (tok->flags & SAYWHO_TOKEN_ALL_CAPS)
          || (i > 0 && is_name_word (saywho_document_token (doc, i - 1))
              && saywho_document_token (doc, i - 1)->sentence == tok->sentence)
          || !unknown_word (names, w, doc, i, CLASS_TITLE_START))
        continue;
      /* the role: a person noun within the appositive's first four words */
      gboolean role = FALSE;
      for (guint k = i + 3; k < n && k < i + 7 && !role; k++)
        {
          const SaywhoToken *t = saywho_document_token (doc, k);
          if (t->kind != SAYWHO_TOKEN_WORD && t->kind != SAYWHO_TOKEN_POSSESSIVE
              && !saywho_token_norm_is (t, "-"))
            break;
          role = t->kind == SAYWHO_TOKEN_WORD && !(t->flags & SAYWHO_TOKEN_CAPITALIZED)
                 && (class_of (w, doc, t) & CLASS_PERSON_NOUN);
          /* "Analysts, an economist said, were upbeat": an attribution */
          if (role && k + 1 < n)
            {
              const SaywhoToken *v = saywho_document_token (doc, k + 1);
              static const char *const verbs[] = { "said", "says", "told", "added", "noted",
                                                   "warned", "argued", "wrote" };
              for (guint m = 0; m < G_N_ELEMENTS (verbs); m++)
                role = role && !saywho_token_norm_is (v, verbs[m]);
            }
        }
      if (role)
        claim (w, doc, i, i + 1, SAYWHO_ENTITY_PER, ~0u);
    }
}

/* "( ACRONYM )" at i: people are not given acronyms. */
static gboolean
defines_acronym (const SaywhoDocument *doc, guint i)
{
  return i + 2 < doc->tokens->len && text_is (doc, saywho_document_token (doc, i), "(")
         && (saywho_document_token (doc, i + 1)->flags & SAYWHO_TOKEN_ALL_CAPS)
         && text_is (doc, saywho_document_token (doc, i + 2), ")");
}

/* Does the document also use a word of [start, end) in lower case
 * ("Membership Action Plan"), or does one head another kind of name?
 * Such words are not a person's.  Particles and what is no word aside. */
static gboolean
common_words (const NamesWorker *w, const SaywhoDocument *doc, guint start, guint end)
{
  for (guint k = start; k < end; k++)
    {
      const SaywhoToken *t = saywho_document_token (doc, k);
      if (t->kind != SAYWHO_TOKEN_WORD || (class_of (w, doc, t) & CLASS_PARTICLE))
        continue;
      if (seen_in_lower_case (w, t)
          || (class_of (w, doc, t) & (CLASS_ORG_HEAD | CLASS_LOC_HEAD | CLASS_MISC_HEAD)))
        return TRUE;
    }
  return FALSE;
}

/* 2-4. People. */
static void
find_people (const Names *names, NamesWorker *w, SaywhoDocument *doc, const guint8 *in_title,
             const guint8 *after_title)
{
  const guint32 *cand = (const guint32 *) (void *) w->candidates->data;
  const guint16 *cues = (const guint16 *) (void *) w->cues->data;
  guint resume = 0;  /* the first token this pass has not gone past */
  for (guint c = 0; c < w->candidates->len; c++)
    {
      guint i = cand[c];
      /* (a lone word with no title before it is no claim here: its run
       * is itself, as no joiner follows, and every claim below is of a
       * titled name or of two words or more) */
      if (i < resume || (!(cues[c] & CUE_BEFORE_JOINER) && !after_title[i]))
        continue;
      const SaywhoToken *tok = saywho_document_token (doc, i);
      if (in_title[i] || (class_of (w, doc, tok) & CLASS_NOT_NAME))
        continue;
      guint end = run_end (w, doc, in_title, i);
      /* A title or "By" inside the run starts a name of its own there. */
      for (guint k = i + 1; k < end; k++)
        if (after_title[k])
          {
            end = k;
            break;
          }
      gboolean titled = after_title[i];
      /* A titled name ends where a listed organization starts: "By MARI
       * YAMAMOTO Associated Press" on one line. */
      for (guint k = i + 2; titled && k < end; k++)
        {
          gint e = entity_at (w, k);
          if (e >= 0 && g_array_index (doc->entities, SaywhoEntity, e).type == SAYWHO_ENTITY_ORG
              && g_array_index (doc->entities, SaywhoEntity, e).span.start == k)
            end = k;
        }
      /* In a line in capitals every word looks like a name: a titled
       * name there is taken as a given name and a surname at most
       * ("GEN. MARK MILLEY SPOKE"). */
      if (titled && end > i + 2 && (tok->flags & SAYWHO_TOKEN_ALL_CAPS)
          && (saywho_document_token (doc, i + 2)->flags & SAYWHO_TOKEN_ALL_CAPS))
        end = i + 2;
      guint start = titled ? i : trim_sentence_start (names, w, doc, i, end, FALSE);
      if (start >= end)
        {
          resume = end;
          continue;
        }
      /* Organizations and places the head-word pass or the lexicons found
       * stay as they are. */
      gboolean known = FALSE, only_acronyms = TRUE, any_entity = FALSE;
      for (guint k = start; k < end; k++)
        {
          gint e = entity_at (w, k);
          if (e >= 0)
            {
              const SaywhoEntity *ent = &g_array_index (doc->entities, SaywhoEntity, e);
              any_entity = TRUE;
              if (ent->type == SAYWHO_ENTITY_ORG || ent->span.start < start || ent->span.end > end
                  || (ent->type == SAYWHO_ENTITY_LOC && ent->span.end - ent->span.start > 1))
                known = TRUE;
            }
          if (!is_acronym (saywho_document_token (doc, k)))
            only_acronyms = FALSE;
        }
      /* "Melania Trump", "Hunter Biden": unknown given names before a
       * listed person's surname make another person */
      gboolean kin = FALSE;
      if (!titled && end - start >= 2 && end - start <= 4)
        {
          gint last = entity_at (w, end - 1);
          kin = last >= 0
                && g_array_index (doc->entities, SaywhoEntity, last).type == SAYWHO_ENTITY_PER
                && g_array_index (doc->entities, SaywhoEntity, last).span.start == end - 1
                && g_array_index (doc->entities, SaywhoEntity, last).span.end == end;
          for (guint k = start; kin && k + 1 < end; k++)
            kin = entity_at (w, k) < 0
                  && !(class_of (w, doc, saywho_document_token (doc, k))
                       & (CLASS_ORG_HEAD | CLASS_LOC_HEAD | CLASS_MISC_HEAD | CLASS_ORG_SUFFIX))
                  && !is_acronym (saywho_document_token (doc, k));
          if (kin)
            {
              claim (w, doc, start, end, SAYWHO_ENTITY_PER, 1u << SAYWHO_ENTITY_ORG);
              resume = end;
              continue;
            }
        }
      /* (names in capitals after a title or in a byline are names:
       * "By KENJI WATANABE") */
      if (known || (only_acronyms && !(titled && end - start >= 2)))
        {
          resume = end;
          continue;
        }
      /* "La Laguna", "Las Lajas", "El Teniente": an article starts a
       * place's or a firm's name, not a person's; a place after "in" */
      const SaywhoToken *first_word = saywho_document_token (doc, start);
      gboolean article = !titled && end - start >= 2 && end - start <= 4
                         && (text_is (doc, first_word, "La") || text_is (doc, first_word, "Las")
                             || text_is (doc, first_word, "Los") || text_is (doc, first_word, "El"));
      if (article)
        {
          if (start > 0 && (class_of (w, doc, saywho_document_token (doc, start - 1)) & CLASS_LOCATIVE)
              && !any_entity)
            claim (w, doc, start, end, SAYWHO_ENTITY_LOC, 1u << SAYWHO_ENTITY_ORG);
        }
      else if (titled)
        claim (w, doc, start, end, SAYWHO_ENTITY_PER, 1u << SAYWHO_ENTITY_ORG);
      /* (whether the first word is a given name and whether the words are
       * common ones are asked only here, where they decide: most runs
       * are one word, which neither question concerns) */
      else if (end - start >= 2 && is_given_name (names, doc, first_word)
               && !defines_acronym (doc, end))
        claim (w, doc, start, end, SAYWHO_ENTITY_PER, 1u << SAYWHO_ENTITY_ORG);
      else if (end - start >= 2 && end - start <= 4 && !any_entity
               && !common_words (w, doc, start, end)
               && !(tok->flags & SAYWHO_TOKEN_HEADLINE) && !defines_acronym (doc, end))
        {
          /* With no given name and no title, what comes before decides
           * against a person: "the" ("the Rose Garden", "the West
           * Midlands") names a thing, and "in", "at", "near" … a place
           * ("in Baton Rouge", "at Swanson Dock"). */
          const SaywhoToken *before = start > 0 ? saywho_document_token (doc, start - 1) : NULL;
          if (before != NULL && before->sentence != first_word->sentence)
            before = NULL;
          gboolean possessive = end < doc->tokens->len && saywho_document_token (doc, end)->kind
                                             == SAYWHO_TOKEN_POSSESSIVE;
          if (before != NULL && (class_of (w, doc, before) & CLASS_LOCATIVE) && !possessive)
            claim (w, doc, start, end, SAYWHO_ENTITY_LOC, 1u << SAYWHO_ENTITY_ORG);
          else if (before == NULL || !saywho_token_norm_is (before, "the"))
            claim (w, doc, start, end, SAYWHO_ENTITY_PER, 1u << SAYWHO_ENTITY_ORG);
        }
      resume = end;
    }
}

/* The last token of the sentence of token i (the last token when there
 * are no sentences): where the class pass below ends a sentence, without
 * reading the next token at every step. */
static guint
last_of_sentence (const SaywhoDocument *doc, guint i)
{
  guint n = doc->tokens->len;
  if (i >= n)
    return n;
  guint s = saywho_document_token (doc, i)->sentence;
  if (s >= doc->sentences->len)
    return n - 1;
  guint end = g_array_index (doc->sentences, SaywhoSpan, s).end;
  return MIN (MAX (end, i + 1), n) - 1;
}

static gboolean
names_process (gpointer shared, gpointer worker_data, SaywhoDocument *doc, GError **error)
{
  const Names *names = shared;
  NamesWorker *w = worker_data;
  guint n = doc->tokens->len;
  (void) error;
  if (n == 0)
    return TRUE;

  /* Two flags a token, in the worker's buffer: kept between documents. */
  g_byte_array_set_size (w->flags, 2 * n);
  memset (w->flags->data, 0, 2 * n);
  guint8 *in_title = w->flags->data, *after_title = w->flags->data + n;

  saywho_word_map_reset (&w->capitalized);
  memset (w->capitalized_filter, 0, sizeof w->capitalized_filter);
  /* Filled in place: GArray appends cost a call each. */
  g_array_set_size (w->classes, n);
  g_array_set_size (w->candidates, n);
  g_array_set_size (w->title_starts, n);
  g_array_set_size (w->heads, n);
  /* (these three keep room for n: the candidates' and heads' lengths are
   * theirs) */
  g_array_set_size (w->head_sentences, n);
  g_array_set_size (w->cues, n);
  g_array_set_size (w->candidate_sentences, n);
  g_array_set_size (w->lower, n);
  g_array_set_size (w->class_hits, n);
  const SaywhoToken *tokens = (const SaywhoToken *) (void *) doc->tokens->data;
  guint *classes = (guint *) (void *) w->classes->data;
  guint32 *candidates = (guint32 *) (void *) w->candidates->data;
  guint32 *heads = (guint32 *) (void *) w->heads->data;
  guint32 *head_sentences = (guint32 *) (void *) w->head_sentences->data;
  guint16 *cues = (guint16 *) (void *) w->cues->data;
  guint32 *candidate_sentences = (guint32 *) (void *) w->candidate_sentences->data;
  guint32 *title_starts = (guint32 *) (void *) w->title_starts->data;
  guint64 *lower = (guint64 *) (void *) w->lower->data;
  guint32 *class_hits = (guint32 *) (void *) w->class_hits->data;
  guint ncandidates = 0, ntitle_starts = 0, nlower = 0, nheads = 0, nclass_hits = 0;
  guint sentence_start = 0, words = 0, upper = 0;
  guint sentence_last = last_of_sentence (doc, 0);
  for (guint i = 0; i < n; i++)
    {
      const SaywhoToken *tok = &tokens[i];
      gboolean word = tok->kind == SAYWHO_TOKEN_WORD;
      /* Headlines in capitals: the gazetteer's word only. */
      words += word;
      upper += word && (tok->flags & SAYWHO_TOKEN_ALL_CAPS);
      if (i == sentence_last)
        {
          sentence_last = last_of_sentence (doc, i + 1);
          if (words >= 2 && upper * 10 >= words * 7)
            memset (in_title + sentence_start, 1, i + 1 - sentence_start);
          sentence_start = i + 1;
          words = upper = 0;
        }
      classes[i] = 0;
      if (word || tok->kind == SAYWHO_TOKEN_ABBREVIATION || tok->kind == SAYWHO_TOKEN_PUNCT)
        {
          /* The words that pass the class filter (a third) are listed
           * for the lookup below, the list growing by the test's result
           * rather than by a branch on it, which would be mispredicted. */
          class_hits[nclass_hits] = i;
          nclass_hits += saywho_strmap_filter_test (&names->classes.filter, tok->norm_hash);
          if (is_name_word (tok))
            {
              cues[ncandidates] = (guint16) token_cues (doc, tokens, i, n);
              candidate_sentences[ncandidates] = tok->sentence;
              candidates[ncandidates++] = i;
            }
          if (tok->flags & SAYWHO_TOKEN_CAPITALIZED)
            add_capitalized (w, tok);
          else if (word)
            {
              /* (the hash beside the index: the pass below reads no
               * token whose hash misses the filter) */
              lower[nlower++] = (guint64) i << 32 | tok->norm_hash;
            }
        }
    }
  /* The classes of the words that passed the filter: the passes below
   * read them from w->classes. */
  for (guint k = 0; k < nclass_hits; k++)
    {
      guint i = class_hits[k];
      const SaywhoToken *tok = &tokens[i];
      const SaywhoWordSlot *slot = saywho_word_map_find (&names->classes.map, tok->norm,
                                                         tok->norm_len, tok->norm_hash);
      guint cls = slot != NULL ? slot->value : 0;
      classes[i] = cls;
      if ((cls & CLASS_HEADS) && in_headed_walk (tok, cls))
        {
          head_sentences[nheads] = tok->sentence;
          heads[nheads++] = i;
        }
      if (cls & CLASS_TITLE_START)
        title_starts[ntitle_starts++] = i;
    }
  g_array_set_size (w->candidates, ncandidates);
  g_array_set_size (w->heads, nheads);
  g_array_set_size (w->title_starts, ntitle_starts);
  /* Which capitalized words the document also writes in lower case: a
   * bit test per lower-case word, and a lookup, in a map as small as the
   * names, for the few that pass it. */
  for (guint k = 0; k < nlower; k++)
    {
      guint32 h = (guint32) lower[k];
      if ((w->capitalized_filter[(h >> 6) & 63] >> (h & 63)) & 1)
        mark_lower_case (w, &tokens[lower[k] >> 32]);
    }

  note_cues (w, doc);
  index_entities (w, doc);
  find_titles (names, w, doc, in_title, after_title);

  /* "Premier League", "President Hotel": a title word right before a
   * head word is part of a name, not a title.  (The head word is a name
   * word: the candidates hold every token that can be one, and
   * PICK_HEAD_WORD those of a head word's class.) */
  guint nhead_words;
  const guint32 *head_words = picks_of (w, PICK_HEAD_WORD, &nhead_words);
  for (guint p = 0; p < nhead_words; p++)
    {
      guint j = head_words[p];
      const SaywhoToken *head = saywho_document_token (doc, j);
      if (j == 0 || !in_title[j - 1] || in_title[j] || !after_title[j]
          || !(head->flags & SAYWHO_TOKEN_CAPITALIZED))
        continue;
      after_title[j] = FALSE;
      for (guint k = j; k-- > 0 && in_title[k];)
        in_title[k] = FALSE;
    }

  find_dateline_places (w, doc);
  flush_claims (w, doc);
  find_prefixed_names (w, doc);
  find_branches (w, doc);
  find_places_of (names, w, doc, in_title);
  flush_claims (w, doc);
  find_headed_names (names, w, doc, in_title, after_title);
  flush_claims (w, doc);
  find_people (names, w, doc, in_title, after_title);
  flush_claims (w, doc);
  find_places (names, w, doc, in_title);
  flush_claims (w, doc);
  find_described_orgs (names, w, doc, in_title);
  flush_claims (w, doc);
  find_single_names (names, w, doc, in_title);
  flush_claims (w, doc);
  return TRUE;
}

/* ---- set-up ------------------------------------------------------------------ */

static void
add_class_bits (Names *names, const char *norm, guint32 value)
{
  word_list_add (names, &names->classes, norm, value);
}

static gboolean
add_class (char **c, guint ncolumns, guint line, gpointer user_data, GError **error)
{
  Names *names = user_data;
  (void) ncolumns;
  (void) line;
  for (guint k = 0; k < G_N_ELEMENTS (class_names); k++)
    if (strcmp (c[1], class_names[k].name) == 0)
      {
        g_autofree char *key = g_utf8_casefold (c[0], -1);
        add_class_bits (names, key, class_names[k].value);
        return TRUE;
      }
  g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON, "unknown class '%s'", c[1]);
  return FALSE;
}

/* The nouns for people of speaker-nouns.tsv: an unknown single name set
 * off by an appositive holding one is a person ("Suharyono, an official
 * at the ministry"). */
static gboolean
add_person_noun (char **c, guint ncolumns, guint line, gpointer user_data, GError **error)
{
  (void) ncolumns;
  (void) line;
  (void) error;
  if (strcmp (c[1], "person") == 0)
    {
      g_autofree char *key = g_utf8_casefold (c[0], -1);
      add_class_bits (user_data, key, CLASS_PERSON_NOUN);
    }
  return TRUE;
}

static gboolean
add_first_name (char **c, guint ncolumns, guint line, gpointer user_data, GError **error)
{
  (void) ncolumns;
  (void) line;
  (void) error;
  Names *names = user_data;
  word_list_add (names, &names->first_names, c[0], 1);
  return TRUE;
}

static gboolean
add_starter (char **c, guint ncolumns, guint line, gpointer user_data, GError **error)
{
  (void) ncolumns;
  (void) line;
  (void) error;
  Names *names = user_data;
  g_autofree char *key = g_utf8_casefold (c[0], -1);
  word_list_add (names, &names->starters, key, 1);
  return TRUE;
}

static gboolean
add_title (char **c, guint ncolumns, guint line, gpointer user_data, GError **error)
{
  Names *names = user_data;
  (void) ncolumns;
  const SaywhoDocument *doc = saywho_analyzer_run (names->analyzer, c[0], error);
  if (doc == NULL)
    return FALSE;
  if (doc->tokens->len == 0 || doc->tokens->len > 16)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON, "a title of 1 to 16 words");
      return FALSE;
    }
  const char *keys[16];
  for (guint i = 0; i < doc->tokens->len; i++)
    keys[i] = saywho_document_token (doc, i)->norm;
  saywho_trie_insert (names->titles, keys, doc->tokens->len, line);
  add_class_bits (names, keys[0], CLASS_TITLE_START);
  return TRUE;
}

static void
names_destroy (gpointer shared)
{
  Names *names = shared;
  saywho_word_map_clear (&names->classes.map);
  saywho_word_map_clear (&names->first_names.map);
  saywho_word_map_clear (&names->starters.map);
  g_string_chunk_free (names->keys);
  saywho_trie_free (names->titles);
  g_free (names);
}

static gpointer
names_create (const SaywhoConfig *config, GError **error)
{
  Names *names = g_new0 (Names, 1);
  saywho_word_map_init (&names->classes.map, 64);
  saywho_word_map_init (&names->first_names.map, 64);
  saywho_word_map_init (&names->starters.map, 64);
  names->keys = g_string_chunk_new (4096);
  names->titles = saywho_trie_new ();
  names->analyzer = saywho_analyzer_new (config, error);
  gboolean ok = names->analyzer != NULL
    && saywho_lexicon_read (config->lexicon_dir, "name-patterns.tsv", 2, 2, add_class, names, error)
    && saywho_lexicon_read (config->lexicon_dir, "first-names.txt", 1, 1, add_first_name,
                            names, error)
    && saywho_lexicon_read (config->lexicon_dir, "sentence-starters.txt", 1, 1, add_starter,
                            names, error)
    && saywho_lexicon_read (config->lexicon_dir, "titles.tsv", 3, 3, add_title, names, error)
    && saywho_lexicon_read (config->lexicon_dir, "speaker-nouns.tsv", 2, 2, add_person_noun,
                            names, error);
  /* Words after which a lone unknown name is a place (rule 6). */
  static const char *const locatives[] = { "in", "at", "near", "outside", "around" };
  for (guint k = 0; ok && k < G_N_ELEMENTS (locatives); k++)
    add_class_bits (names, locatives[k], CLASS_LOCATIVE);
  g_clear_pointer (&names->analyzer, saywho_analyzer_free);
  if (!ok)
    {
      names_destroy (names);
      return NULL;
    }
  saywho_trie_seal (names->titles);
  names->title_nodes = saywho_trie_nodes (names->titles);
  return names;
}

static gpointer
names_worker_new (gpointer shared, GError **error)
{
  (void) shared;
  (void) error;
  NamesWorker *w = g_new0 (NamesWorker, 1);
  w->pending = g_array_new (FALSE, FALSE, sizeof (SaywhoEntity));
  w->flags = g_byte_array_new ();
  w->candidates = g_array_new (FALSE, FALSE, sizeof (guint32));
  w->cues = g_array_new (FALSE, FALSE, sizeof (guint16));
  w->picks = g_array_new (FALSE, FALSE, sizeof (guint32));
  w->heads = g_array_new (FALSE, FALSE, sizeof (guint32));
  w->head_sentences = g_array_new (FALSE, FALSE, sizeof (guint32));
  w->candidate_sentences = g_array_new (FALSE, FALSE, sizeof (guint32));
  w->title_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  w->entity_of = g_array_new (FALSE, FALSE, sizeof (gint32));
  w->lower = g_array_new (FALSE, FALSE, sizeof (guint64));
  w->class_hits = g_array_new (FALSE, FALSE, sizeof (guint32));
  saywho_word_map_init (&w->capitalized, 1024);
  w->classes = g_array_new (FALSE, TRUE, sizeof (guint));
  return w;
}

static void
names_worker_free (gpointer data)
{
  NamesWorker *w = data;
  g_array_unref (w->pending);
  saywho_word_map_clear (&w->capitalized);
  g_byte_array_unref (w->flags);
  g_array_unref (w->candidates);
  g_array_unref (w->cues);
  g_array_unref (w->picks);
  g_array_unref (w->heads);
  g_array_unref (w->head_sentences);
  g_array_unref (w->candidate_sentences);
  g_array_unref (w->title_starts);
  g_array_unref (w->entity_of);
  g_array_unref (w->lower);
  g_array_unref (w->class_hits);
  g_array_unref (w->classes);
  g_free (w);
}

const SaywhoStageClass saywho_stage_names = {
  .name = "names",
  .create = names_create,
  .destroy = names_destroy,
  .worker_new = names_worker_new,
  .worker_free = names_worker_free,
  .process = names_process,
};
