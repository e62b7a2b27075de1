/* coref.c — the coref stage: one entity, one id, throughout a document.
 *
 *   - Acronyms defined in parentheses: "National Security Agency (NSA)"
 *     makes every "NSA" of the document the same entity, and an acronym
 *     whose letters are the initials of the capitalized run before it
 *     defines an organization the lexicons did not know.
 *   - Partial names: a capitalized word that is the first or last word of a
 *     person named in full anywhere in the document ("Rice" after "Susan
 *     Rice", "Xi" before or after "Xi Jinping") is that person, unless two
 *     people share the word; the last word of a multi-word organization
 *     after "the" ("the Post" for "the Washington Post", "the Commission"
 *     for "the European Commission") is that organization, unless two
 *     organizations of the document end with the word.
 *     Over a place the gazetteer found, the person wins only where the word
 *     reads as a person: before a possessive, a speech verb or after "Mr.".
 *   - Entities the lexicons do not know get a document-local id,
 *     `local:<slug of the longest mention>`, shared by their partial
 *     mentions; their name is that longest mention.
 */
#include "stages.h"
#include "../pipeline/analyzer.h"
#include "../pipeline/format.h"
#include "../pipeline/lexicon.h"
#include "../pipeline/strmap.h"
#include "../pipeline/wordmap.h"

#include <string.h>

typedef struct {
  SaywhoStrMap *person_cues;  /* stems of speech verbs (lexicons/speech-cues.tsv) */
} Coref;

typedef struct {
  const char *id;
  const char *name;
  const char *kind;
  SaywhoEntityType type;
  gboolean ambiguous;
} Target;

/* A word (its norm, or the casefolded text of a hyphenated group). */
typedef struct {
  const char *s;
  gsize len;
  guint32 hash;
} Key;

/* A per-document map from a word to a target (pipeline/wordmap.h), by
 * Key, with a filter of its words' hashes in front: most capitalized words
 * of a document are in none of the maps, which hold a few names each, and
 * a bit test tells them without a probe. */
typedef struct {
  SaywhoWordMap map;
  guint64 filter[4];        /* 256 bits, by the top bits of a word's hash */
} WordIndex;

static inline guint32
word_index_bit (guint32 hash)
{
  return hash >> 24;
}

static void
word_index_init (WordIndex *index)
{
  saywho_word_map_init (&index->map, 64);
  memset (index->filter, 0, sizeof index->filter);
}

/* Forgets every word, for the next document. */
static void
word_index_reset (WordIndex *index)
{
  saywho_word_map_reset (&index->map);
  memset (index->filter, 0, sizeof index->filter);
}

/* Notes a word of this hash in the filter. */
static inline void
word_index_note (WordIndex *index, guint32 hash)
{
  guint32 bit = word_index_bit (hash);
  index->filter[bit >> 6] |= G_GUINT64_CONSTANT (1) << (bit & 63);
}

/* FALSE: the map has no word of this hash. */
static inline gboolean
word_index_may_have (const WordIndex *index, guint32 hash)
{
  guint32 bit = word_index_bit (hash);
  return (index->filter[bit >> 6] >> (bit & 63)) & 1;
}

static inline SaywhoWordSlot *
word_map_find (const WordIndex *index, Key key)
{
  return saywho_word_map_find (&index->map, key.s, key.len, key.hash);
}

/* Adds key, which must not be in the map; the key's bytes must live as
 * long as the document. */
static inline void
word_map_add (WordIndex *index, Key key, guint32 target)
{
  word_index_note (index, key.hash);
  saywho_word_map_add (&index->map, key.s, key.len, key.hash, target);
}

/* Per-worker maps from a word to a target entity. */
typedef struct {
  Target *targets;
  guint ntargets, targets_size;
  WordIndex acronyms;       /* acronym norm → target */
  WordIndex initials;       /* an organization's initials, lower case → target */
  WordIndex words;          /* first or last word of a person → target */
  WordIndex the_words;      /* last word of an organization, after "the" → target */
  GString *scratch;         /* the key of a hyphenated group */
  GArray *pending;          /* SaywhoEntity: partial mentions found, merged at the end */
} CorefWorker;

/* g_ascii_tolower() inline: it is a call for every letter. */
static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

static inline Key
token_key (const SaywhoToken *tok)
{
  return (Key) { tok->norm, tok->norm_len, tok->norm_hash };
}

static inline guint32
add_target (CorefWorker *w, const SaywhoEntity *e)
{
  if (G_UNLIKELY (w->ntargets == w->targets_size))
    {
      w->targets_size = MAX (64, 2 * w->targets_size);
      w->targets = g_renew (Target, w->targets, w->targets_size);
    }
  w->targets[w->ntargets] = (Target) { e->id, e->name, e->kind, e->type, FALSE };
  return w->ntargets++;
}

/* The end of the word group starting at i: words joined by hyphens with no
 * space ("al-Ghais", "Raman-Holt"), or i + 1. */
static inline guint
group_end (const SaywhoDocument *doc, guint i, guint limit)
{
  guint j = i + 1;
  while (j + 1 < limit)
    {
      const SaywhoToken *prev = saywho_document_token (doc, j - 1);
      if (prev->flags & SAYWHO_TOKEN_SPACE_AFTER)
        break;
      const SaywhoToken *dash = saywho_document_token (doc, j);
      const SaywhoToken *word = saywho_document_token (doc, j + 1);
      gsize len;
      const char *t = saywho_token_text (doc, dash, &len);
      if ((dash->flags & SAYWHO_TOKEN_SPACE_AFTER) || len != 1 || t[0] != '-'
          || word->kind != SAYWHO_TOKEN_WORD)
        break;
      j += 2;
    }
  return j;
}

/* The start of the word group that ends at end (exclusive). */
static guint
group_start (const SaywhoDocument *doc, guint start, guint end)
{
  guint k = end - 1;
  while (k >= start + 2)
    {
      const SaywhoToken *dash = saywho_document_token (doc, k - 1);
      const SaywhoToken *before = saywho_document_token (doc, k - 2);
      gsize len;
      const char *t = saywho_token_text (doc, dash, &len);
      if ((before->flags & SAYWHO_TOKEN_SPACE_AFTER) || (dash->flags & SAYWHO_TOKEN_SPACE_AFTER)
          || len != 1 || t[0] != '-')
        break;
      k -= 2;
    }
  return k;
}

/* The key of the word group [a, b): the norm for one token, else the
 * casefolded text, in the worker's scratch buffer until the next call. */
static Key
group_key (CorefWorker *w, const SaywhoDocument *doc, guint a, guint b)
{
  const SaywhoToken *x = saywho_document_token (doc, a);
  if (b == a + 1)
    return token_key (x);
  const SaywhoToken *y = saywho_document_token (doc, b - 1);
  const char *text = doc->text + x->byte_start;
  gsize len = y->byte_end - x->byte_start;
  gboolean ascii = TRUE;
  for (gsize i = 0; i < len && ascii; i++)
    ascii = (guchar) text[i] < 0x80;
  if (ascii)
    {
      /* Casefolding ASCII is lowering it. */
      g_string_set_size (w->scratch, len);
      for (gsize i = 0; i < len; i++)
        w->scratch->str[i] = ascii_lower (text[i]);
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (text, (gssize) len);
      g_string_assign (w->scratch, folded);
    }
  return (Key) { w->scratch->str, w->scratch->len,
                 saywho_str_hash (w->scratch->str, (gssize) w->scratch->len) };
}

/* The local id of a name: `local:` and its casefolded letters and digits,
 * each run of other characters a hyphen between them, into out. */
static const char *
slug_id (SaywhoDocument *doc, GString *out, const char *text, gsize len)
{
  gsize prefix = strlen ("local:");
  g_string_truncate (out, 0);
  g_string_append_len (out, "local:", (gssize) prefix);
  gboolean gap = FALSE;
  for (const char *p = text, *end = text + len; p < end;)
    {
      guchar b = (guchar) *p;
      if (b < 0x80)
        {
          /* ASCII, most names: casefolding is lowering. */
          p++;
          if (g_ascii_isalnum (b))
            {
              if (gap)
                g_string_append_c (out, '-');
              g_string_append_c (out, b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
              gap = FALSE;
            }
          else
            gap = out->len > prefix;
          continue;
        }
      /* Casefolding goes a character at a time, and may make several. */
      const char *next = g_utf8_next_char (p);
      g_autofree char *folded = g_utf8_casefold (p, next - p);
      for (const char *q = folded; *q; q = g_utf8_next_char (q))
        {
          gunichar c = g_utf8_get_char (q);
          if (g_unichar_isalnum (c))
            {
              if (gap)
                g_string_append_c (out, '-');
              g_string_append_unichar (out, c);
              gap = FALSE;
            }
          else
            gap = out->len > prefix;
        }
      p = next;
    }
  return saywho_document_intern (doc, out->str, (gssize) out->len);
}

/* Gives an entity the lexicons did not know its local id and its name, the
 * text of its mention on one line.  (Line breaks are no letters: the id is
 * the same from the text or from the line.) */
static void
name_local (CorefWorker *w, SaywhoDocument *doc, SaywhoEntity *e)
{
  const SaywhoToken *a = saywho_document_token (doc, e->span.start);
  const SaywhoToken *b = saywho_document_token (doc, e->span.end - 1);
  const char *text = doc->text + a->byte_start;
  gsize len = b->byte_end - a->byte_start;
  /* ASCII names (most): the id in one pass, into room for the longest one
   * (a hyphen stands for one character or more). */
  gsize prefix = strlen ("local:"), n = prefix, i;
  char *id = saywho_document_alloc (doc, prefix + len + 1);
  memcpy (id, "local:", prefix);
  gboolean gap = FALSE, plain = TRUE;
  for (i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];
      if (g_ascii_isalnum (c))
        {
          if (gap)
            id[n++] = '-';
          id[n++] = (char) (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
          gap = FALSE;
        }
      else if (c >= 0x80)
        break;
      else
        {
          gap = n > prefix;
          plain = plain && c >= 0x20 && c < 0x7f;
        }
    }
  if (i == len)
    {
      id[n] = '\0';
      e->id = id;
    }
  else
    {
      plain = FALSE;
      e->id = slug_id (doc, w->scratch, text, len);
    }
  /* Printable ASCII is already one line. */
  if (plain)
    {
      e->name = saywho_document_intern (doc, text, (gssize) len);
      return;
    }
  g_string_truncate (w->scratch, 0);
  saywho_format_append_oneline (w->scratch, text, len);
  e->name = saywho_document_intern (doc, w->scratch->str, (gssize) w->scratch->len);
}

static gboolean
is_acronym_token (const SaywhoToken *tok)
{
  return (tok->kind == SAYWHO_TOKEN_WORD || tok->kind == SAYWHO_TOKEN_ABBREVIATION)
         && (tok->flags & SAYWHO_TOKEN_ALL_CAPS);
}

static inline gboolean
punct_is (const SaywhoDocument *doc, guint i, char c)
{
  const SaywhoToken *tok = saywho_document_token (doc, i);
  return tok->kind == SAYWHO_TOKEN_PUNCT && tok->byte_end == tok->byte_start + 1
         && doc->text[tok->byte_start] == c;
}

/* Is token i "the" or "The"? */
static inline gboolean
is_the (const SaywhoDocument *doc, guint i)
{
  gsize len;
  const char *t = saywho_token_text (doc, saywho_document_token (doc, i), &len);
  return len == 3 && (t[0] == 't' || t[0] == 'T') && t[1] == 'h' && t[2] == 'e';
}

/* Do the capitalized words of [start, end) begin with the acronym's
 * letters, in order (allowing the acronym to skip "of", "the", …)? */
static gboolean
initials_match (const SaywhoDocument *doc, guint start, guint end, const char *acronym)
{
  const char *a = acronym;
  for (guint i = start; i < end && *a; i++)
    {
      const SaywhoToken *tok = saywho_document_token (doc, i);
      if (!(tok->flags & SAYWHO_TOKEN_CAPITALIZED))
        continue;
      gsize len;
      const char *t = saywho_token_text (doc, tok, &len);
      while (*a == '.' || *a == '&')
        a++;
      if (g_ascii_toupper (t[0]) != g_ascii_toupper (*a))
        return FALSE;
      a++;
    }
  while (*a == '.')
    a++;
  return *a == '\0';
}

/* The token that starts at byte offset, or n. */
static guint
token_at_byte (const SaywhoDocument *doc, gsize offset)
{
  guint lo = 0, hi = doc->tokens->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const SaywhoToken *tok = saywho_document_token (doc, mid);
      if (tok->byte_start < offset)
        lo = mid + 1;
      else if (tok->byte_start > offset)
        hi = mid;
      else
        return mid;
    }
  return doc->tokens->len;
}

/* The acronym "ACRONYM" defined at token i, in "Long Name (ACRONYM)". */
static void
define_acronym (CorefWorker *w, SaywhoDocument *doc, guint i)
{
  const SaywhoToken *acr = saywho_document_token (doc, i);
  if (!is_acronym_token (acr))
    return;
  gsize acronym_len;
  const char *acronym_text = saywho_token_text (doc, acr, &acronym_len);
  g_autofree char *acronym = g_strndup (acronym_text, acronym_len);
  gint e = saywho_document_entity_at (doc, i - 2);
  const SaywhoEntity *defined = NULL;
  SaywhoEntity made;
  if (e >= 0)
    defined = &g_array_index (doc->entities, SaywhoEntity, e);
  else
    {
      /* An unknown run of capitalized words before the parenthesis. */
      guint start = i - 1;
      while (start > 0)
        {
          const SaywhoToken *t = saywho_document_token (doc, start - 1);
          gboolean cap = (t->flags & SAYWHO_TOKEN_CAPITALIZED) && t->kind == SAYWHO_TOKEN_WORD;
          gboolean small = t->kind == SAYWHO_TOKEN_WORD && !(t->flags & SAYWHO_TOKEN_CAPITALIZED)
                           && t->char_end - t->char_start <= 3 && start - 1 > 0
                           && (saywho_document_token (doc, start - 2)->flags
                               & SAYWHO_TOKEN_CAPITALIZED);
          if (!cap && !small)
            break;
          start--;
        }
      /* The longest tail of the run whose initials spell the acronym. */
      while (start + 1 < i - 1
             && (!(saywho_document_token (doc, start)->flags & SAYWHO_TOKEN_CAPITALIZED)
                 || !initials_match (doc, start, i - 1, acronym)))
        start++;
      if (start + 1 >= i - 1 || !initials_match (doc, start, i - 1, acronym))
        return;
      made = (SaywhoEntity) { { start, i - 1 }, SAYWHO_ENTITY_ORG, NULL, NULL, NULL };
      saywho_document_set_entity (doc, &made);
      defined = &g_array_index (doc->entities, SaywhoEntity,
                                saywho_document_entity_at (doc, start));
    }
  if (defined->span.end != i - 1)
    return;
  /* A known name defines an acronym that does not spell its initials
   * ("Doctors Without Borders (MSF)", "Ministerial Conference (MC12)")
   * only when it is an organization or an event and the acronym is no
   * name of its own: "TOKYO (AP)" credits a news agency, it does not name
   * Tokyo. */
  if (e >= 0 && !initials_match (doc, defined->span.start, defined->span.end, acronym)
      && (defined->type == SAYWHO_ENTITY_LOC || defined->type == SAYWHO_ENTITY_PER
          || saywho_document_entity_at (doc, i) >= 0))
    return;
  if (defined->id == NULL)
    name_local (w, doc, (SaywhoEntity *) defined);
  /* The newest definition wins. */
  guint32 target = add_target (w, defined);
  SaywhoWordSlot *slot = word_map_find (&w->acronyms, token_key (acr));
  if (slot != NULL)
    slot->value = target;
  else
    word_map_add (&w->acronyms, token_key (acr), target);
}

static void
define_acronyms (CorefWorker *w, SaywhoDocument *doc)
{
  /* ( ACRONYM ): found by their opening parenthesis, a byte that few texts
   * have many of, rather than by looking at every token. */
  guint n = doc->tokens->len;
  for (const char *p = doc->text; (p = memchr (p, '(', doc->length - (gsize) (p - doc->text)));
       p++)
    {
      guint open = token_at_byte (doc, (gsize) (p - doc->text));
      guint i = open + 1;
      if (open >= n || i < 2 || i + 1 >= n || !punct_is (doc, open, '(')
          || !punct_is (doc, i + 1, ')'))
        continue;
      define_acronym (w, doc, i);
    }
}

/* Maps key to entity e's target, unless it is there: then the word is
 * ambiguous if it stands for another entity too. */
static void
set_target (CorefWorker *w, SaywhoDocument *doc, WordIndex *map, Key key, gboolean owned,
            const SaywhoEntity *e)
{
  /* One probe finds the key or the free slot where it goes. */
  gboolean added;
  SaywhoWordSlot *slot = saywho_word_map_find_or_add (&map->map, key.s, key.len, key.hash, 0,
                                                      &added);
  if (!added)
    {
      Target *old = &w->targets[slot->value];
      if (old->id != e->id && g_strcmp0 (old->id, e->id) != 0)
        old->ambiguous = TRUE;
      return;
    }
  /* A key in the scratch buffer moves to the document's pool. */
  if (owned)
    slot->key = saywho_document_intern (doc, key.s, (gssize) key.len);
  slot->value = add_target (w, e);
  word_index_note (map, key.hash);
}

/* (Inline: the filter's answer, mostly no, is then a test and a branch
 * in the loop over the capitalized words.) */
SAYWHO_ALWAYS_INLINE static inline const Target *
get_target (const CorefWorker *w, const WordIndex *map, Key key)
{
  if (!word_index_may_have (map, key.hash))
    return NULL;
  const SaywhoWordSlot *slot = word_map_find (map, key);
  return slot != NULL ? &w->targets[slot->value] : NULL;
}

/* The first capitalized word from i on, or n: a tight loop past the
 * others, which are most tokens.  Both questions are asked at once (&,
 * not &&): a branch on each would mispredict as often as words and
 * capitals come and go. */
static inline guint
next_capitalized (const SaywhoToken *tokens, guint i, guint n)
{
  const SaywhoToken *tok = tokens + i, *end = tokens + n;
  while (tok < end
         && !((tok->kind == SAYWHO_TOKEN_WORD) & ((tok->flags & SAYWHO_TOKEN_CAPITALIZED) != 0)))
    tok++;
  return (guint) (tok - tokens);
}

/* A lone word reads as a person here: Mr./Ms. before it, or a possessive
 * or a speech verb after it. */
static gboolean
reads_as_person (const Coref *coref, const SaywhoDocument *doc, guint i)
{
  guint n = doc->tokens->len;
  if (i > 0)
    {
      const SaywhoToken *prev = saywho_document_token (doc, i - 1);
      if (prev->flags & SAYWHO_TOKEN_ABBREV_TITLE)
        return TRUE;
    }
  if (i + 1 < n)
    {
      const SaywhoToken *next = saywho_document_token (doc, i + 1);
      if (next->kind == SAYWHO_TOKEN_POSSESSIVE)
        return TRUE;
      if (next->stem != NULL
          && saywho_strmap_contains (coref->person_cues, next->stem, next->stem_hash))
        return TRUE;
    }
  return FALSE;
}

/* "the Rapid Support Forces … the RSF": the initials of an organization
 * named in full stand for it even where no parenthesis defined them.  They
 * are used only for a word that is no name of its own (coref_process), and
 * the first organization with those initials keeps them. */
static void
add_initials (CorefWorker *w, SaywhoDocument *doc)
{
  for (guint k = 0; k < doc->entities->len; k++)
    {
      const SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, k);
      if (e->type != SAYWHO_ENTITY_ORG || e->span.end - e->span.start < 2)
        continue;
      char letters[8];
      guint n = 0;
      gboolean ok = TRUE;
      for (guint i = e->span.start; i < e->span.end && ok; i++)
        {
          const SaywhoToken *tok = saywho_document_token (doc, i);
          if (!(tok->flags & SAYWHO_TOKEN_CAPITALIZED))
            continue;
          char c = doc->text[tok->byte_start];
          ok = tok->kind == SAYWHO_TOKEN_WORD && g_ascii_isalpha (c) && n < sizeof letters;
          if (ok)
            letters[n++] = ascii_lower (c);
        }
      if (!ok || n < 2)
        continue;
      Key key = { saywho_document_intern (doc, letters, n), n, saywho_str_hash (letters, n) };
      if (word_map_find (&w->acronyms, key) == NULL && word_map_find (&w->initials, key) == NULL)
        word_map_add (&w->initials, key, add_target (w, e));
    }
}

static gboolean
coref_process (gpointer shared, gpointer worker, SaywhoDocument *doc, GError **error)
{
  const Coref *coref = shared;
  CorefWorker *w = worker;
  guint n = doc->tokens->len;
  (void) error;

  w->ntargets = 0;
  word_index_reset (&w->acronyms);
  word_index_reset (&w->initials);
  word_index_reset (&w->words);
  word_index_reset (&w->the_words);

  /* Local ids and names for what the lexicons did not know. */
  for (guint k = 0; k < doc->entities->len; k++)
    {
      SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, k);
      if (e->id == NULL)
        name_local (w, doc, e);
    }

  define_acronyms (w, doc);
  add_initials (w, doc);

  /* Words that stand for a whole name. */
  for (guint k = 0; k < doc->entities->len; k++)
    {
      const SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, k);
      if (e->span.end - e->span.start < 2)
        continue;
      if (e->type == SAYWHO_ENTITY_PER)
        {
          guint first_end = group_end (doc, e->span.start, e->span.end);
          guint last_start = group_start (doc, e->span.start, e->span.end);
          if (first_end < e->span.end
              && saywho_document_token (doc, e->span.start)->kind == SAYWHO_TOKEN_WORD)
            set_target (w, doc, &w->words, group_key (w, doc, e->span.start, first_end),
                        first_end > e->span.start + 1, e);
          if (last_start > e->span.start)
            set_target (w, doc, &w->words, group_key (w, doc, last_start, e->span.end),
                        e->span.end > last_start + 1, e);
        }
      else if (e->type == SAYWHO_ENTITY_ORG)
        {
          const SaywhoToken *tok = saywho_document_token (doc, e->span.end - 1);
          if (tok->kind == SAYWHO_TOKEN_WORD)
            set_target (w, doc, &w->the_words, token_key (tok), FALSE, e);
        }
    }

  /* Entities do not change until the merge below: the one covering each
   * token is found by walking them along with the tokens. */
  const SaywhoEntity *entities = (const SaywhoEntity *) (const void *) doc->entities->data;
  guint nentities = doc->entities->len, at = 0;
  const SaywhoToken *tokens = (const SaywhoToken *) (const void *) doc->tokens->data;
  for (guint i = next_capitalized (tokens, 0, n); i < n; i = next_capitalized (tokens, i + 1, n))
    {
      const SaywhoToken *tok = &tokens[i];
      guint end = group_end (doc, i, n);
      while (at < nentities && entities[at].span.end <= i)
        at++;
      const SaywhoEntity *here = at < nentities && entities[at].span.start <= i ? &entities[at]
                                                                              : NULL;
      /* (Inside a name, or at one that is not this word group: so are the
       * name's other words, which are skipped.) */
      if (here != NULL && (here->span.start != i || here->span.end != end))
        {
          i = here->span.end - 1;
          continue;
        }

      const Target *t = NULL;
      if (end == i + 1 && (tok->flags & SAYWHO_TOKEN_ALL_CAPS))
        t = get_target (w, &w->acronyms, token_key (tok));
      if (t == NULL && end == i + 1 && (tok->flags & SAYWHO_TOKEN_ALL_CAPS) && here == NULL)
        t = get_target (w, &w->initials, token_key (tok));
      if (t == NULL)
        {
          t = get_target (w, &w->words,
                          end == i + 1 ? token_key (tok) : group_key (w, doc, i, end));
          if (t != NULL && here != NULL && here->type != SAYWHO_ENTITY_PER
              && !reads_as_person (coref, doc, end - 1))
            t = NULL;
        }
      if (t == NULL && end == i + 1 && i > 0 && here == NULL)
        {
          t = get_target (w, &w->the_words, token_key (tok));
          if (t != NULL && !is_the (doc, i - 1))
            t = NULL;
        }
      /* (a listed person stays: "President Trump" after "Melania Trump") */
      if (t == NULL || t->ambiguous
          || (here != NULL && here->type == SAYWHO_ENTITY_PER && here->id != NULL
              && !g_str_has_prefix (here->id, "local:") && g_str_has_prefix (t->id, "local:")))
        {
          i = end - 1;
          continue;
        }
      if (here == NULL || g_strcmp0 (here->id, t->id) != 0)
        {
          SaywhoEntity entity = { { i, end }, t->type, t->id, t->kind, t->name };
          g_array_append_val (w->pending, entity);
        }
      i = end - 1;
    }
  saywho_document_merge_entities (doc, w->pending);
  g_array_set_size (w->pending, 0);
  return TRUE;
}

typedef struct {
  SaywhoAnalyzer *analyzer;
  SaywhoStrMap *stems;
} Cues;

/* Speech verbs after a lone name make it a person ("Rice said"). */
static gboolean
add_cue (char **c, guint ncolumns, guint line, gpointer user_data, GError **error)
{
  Cues *cues = user_data;
  (void) ncolumns;
  (void) line;
  if (!g_str_has_prefix (c[1], "verb"))
    return TRUE;
  const SaywhoDocument *doc = saywho_analyzer_run (cues->analyzer, c[0], error);
  if (doc == NULL)
    return FALSE;
  if (doc->tokens->len == 1)
    {
      const SaywhoToken *tok = saywho_document_token (doc, 0);
      saywho_strmap_insert (cues->stems, tok->stem, tok->stem_hash, 1);
    }
  return TRUE;
}

static void
coref_destroy (gpointer shared)
{
  Coref *coref = shared;
  saywho_strmap_free (coref->person_cues);
  g_free (coref);
}

static gpointer
coref_create (const SaywhoConfig *config, GError **error)
{
  Coref *coref = g_new0 (Coref, 1);
  coref->person_cues = saywho_strmap_new ();
  g_autoptr (SaywhoAnalyzer) analyzer = saywho_analyzer_new (config, error);
  Cues cues = { analyzer, coref->person_cues };
  if (analyzer == NULL
      || !saywho_lexicon_read (config->lexicon_dir, "speech-cues.tsv", 2, 2, add_cue, &cues,
                               error))
    {
      coref_destroy (coref);
      return NULL;
    }
  return coref;
}

static gpointer
coref_worker_new (gpointer shared, GError **error)
{
  (void) shared;
  (void) error;
  CorefWorker *w = g_new0 (CorefWorker, 1);
  word_index_init (&w->acronyms);
  word_index_init (&w->initials);
  word_index_init (&w->words);
  word_index_init (&w->the_words);
  w->scratch = g_string_new (NULL);
  w->pending = g_array_new (FALSE, FALSE, sizeof (SaywhoEntity));
  return w;
}

static void
coref_worker_free (gpointer data)
{
  CorefWorker *w = data;
  g_free (w->targets);
  saywho_word_map_clear (&w->acronyms.map);
  saywho_word_map_clear (&w->initials.map);
  saywho_word_map_clear (&w->words.map);
  saywho_word_map_clear (&w->the_words.map);
  g_string_free (w->scratch, TRUE);
  g_array_unref (w->pending);
  g_free (w);
}

const SaywhoStageClass saywho_stage_coref = {
  .name = "coref",
  .create = coref_create,
  .destroy = coref_destroy,
  .worker_new = coref_worker_new,
  .worker_free = coref_worker_free,
  .process = coref_process,
};
