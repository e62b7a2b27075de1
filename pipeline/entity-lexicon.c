/* entity-lexicon.c — loading the entity lexicons into a token trie.
 *
 * Some 40,000 aliases of some 108,000 words load at every start-up, but
 * they hold only some 15,000 distinct words: what the analyzer makes of
 * each piece of alias text between spaces is kept (see analyze_alias()),
 * so that each is analyzed, copied and measured once, and its stem looked
 * up in the trie once. */
#include "entity-lexicon.h"
#include "analyzer.h"
#include "lexicon.h"
#include "strmap.h"

#include <glib/gstdio.h>
#include <string.h>

/* Lists in the lexicon folder that are not entity lexicons. */
static const char *const other_lists[] = {
  "abbreviations.tsv", "titles.tsv", "speech-cues.tsv", "name-patterns.tsv",
  "speaker-nouns.tsv", NULL,
};

/* Ties between entries claiming the same words go to the kind a reader
 * most likely means (Georgia the country before the US state). */
static const char *const kind_order[] = {
  "country", "territory", "city", "state", "region", "demonym", "agency", "ministry",
  "party", "committee", "org", "ngo", "media", "company", "exchange", "official", "person", "affiliation",
  "religion", "language", "regional", "event", NULL,
};

typedef struct {
  const char *file;
  guint line;
} Origin;

/* What the tokenize and stem stages make of a word of alias text, with
 * what loading asks of it, measured once. */
typedef struct {
  SaywhoLexiconWord word;  /* form and norm in the lexicon's strings */
  const char *stem;        /* in the loader's strings */
  guint32 stem_len, stem_hash;
  gint32 key;              /* the stem's trie key; SAYWHO_TRIE_NO_KEY until an alias has it */
  guint8 starts_name;      /* a capital first, or a number: a name may start with it */
  guint8 ends_name;        /* a capital in it, or not a word: a name may end with it */
  guint8 cuts;             /* , ; or ( alone: the alias is no single name */
  guint8 acronym;          /* an acronym's form, and not punctuation */
} AnalyzedWord;

typedef enum {
  PIECE_NEW,               /* not analyzed (a piece only seen in aliases analyzed whole) */
  PIECE_BATCHED,           /* in the batch of the alias at hand */
  PIECE_ANALYZED,
} PieceState;

/* What the memo knows of a piece of alias text. */
typedef struct {
  guint32 first, n;        /* its words, analyzed[first, first + n), once analyzed */
  guint8 bytes;            /* the BYTE_ classes of its bytes, or-ed */
  guint8 state;            /* PieceState */
  guint8 cuts;             /* a word of it cuts (see AnalyzedWord) */
} Known;

/* A piece of the alias at hand. */
typedef struct {
  const char *text;        /* into the alias */
  guint32 len;
  guint32 known;           /* index into known */
} Piece;

/* Classes of the bytes of alias text, for analyze_alias(). */
enum {
  BYTE_ODD = 1 << 0,       /* a quotation mark, not printable, or not ASCII */
  BYTE_STOP = 1 << 1,      /* . */
  BYTE_DIGIT = 1 << 2,
};

typedef struct {
  SaywhoEntityLexicon *g;
  guint nentries, naliases, nwords;  /* in use of g's arrays (see array_room()) */
  SaywhoAnalyzer *analyzer;
  Origin *origins;         /* of each entry, for duplicate-id messages */
  guint origins_size;
  const char *name;        /* the name of the entry being added */
  gsize name_len;
  const char *aliases;     /* and its aliases, `|`-separated */
  const char *file;
  guint32 order;
  SaywhoWordMap interned;  /* kinds, countries, links, roles → country number (0: none yet) */
  /* The interned kind of the entry before and its rank, its country and
   * its number, and its role: entries of a file mostly share them. */
  const char *kind;
  guint32 kind_rank;
  const char *country;
  guint32 country_number;
  const char *role;

  /* The memo: a piece of alias text → what is known of it. */
  SaywhoWordMap memo;
  Known *known;
  guint nknown, known_size;
  AnalyzedWord *analyzed;
  guint nanalyzed, analyzed_size;
  SaywhoStringPool strings;  /* memo keys and stems, for as long as loading lasts */
  guint8 byte_class[256];

  /* The alias at hand: its pieces, and those not analyzed yet joined by
   * spaces. */
  Piece *cut;
  gsize cut_size;
  char *batch;
  gsize batch_len, batch_size;
} Loader;

/* Makes room for `needed` elements in a plain array of the loader, of
 * `size` elements now. */
#define ENSURE_ROOM(array, size, needed) \
  G_STMT_START \
  { \
    if (G_UNLIKELY ((needed) > (size))) \
      { \
        (size) = MAX ((needed), MAX (64u, 2 * (size))); \
        (array) = g_realloc_n ((array), (size), sizeof *(array)); \
      } \
  } \
  G_STMT_END

/* Room for n elements after the `used` ones of one of the lexicon's
 * arrays.  GArray checks for overflow with a division on every append: the
 * array is sized ahead in large steps and filled in place instead, and
 * given its true length once loaded. */
static inline gpointer
array_room (GArray *array, guint used, guint n, gsize element_size)
{
  if (G_UNLIKELY (used + n > array->len))
    g_array_set_size (array, MAX (used + n, MAX (1024u, 2 * array->len)));
  return array->data + (gsize) used * element_size;
}

static guint32
kind_rank (const char *kind)
{
  for (guint i = 0; kind_order[i] != NULL; i++)
    if (strcmp (kind_order[i], kind) == 0)
      return i;
  return G_N_ELEMENTS (kind_order);
}

/* g_str_has_prefix() for a literal prefix, without measuring s: loading
 * tests a dozen prefixes per entry, and its first byte settles most. */
#define HAS_PREFIX(s, prefix) \
  ((s)[0] == (prefix)[0] && strncmp ((s), (prefix), sizeof (prefix) - 1) == 0)

/* n (at most 8) bytes at p, the first in the lowest bits. */
static inline guint64
load_group (const char *p, gsize n)
{
  guint64 group = 0;
  memcpy (&group, p, n);
  return GUINT64_FROM_LE (group);
}

/* The slot of s in l->interned, s copied into the lexicon's strings the
 * first time: one copy of each kind, country, link and role.  The slot is
 * valid until the next new string. */
static SaywhoWordSlot *
intern_slot (Loader *l, const char *s)
{
  gsize len = strlen (s);
  guint32 hash = saywho_str_hash (s, len);
  SaywhoWordSlot *slot = saywho_word_map_find (&l->interned, s, len, hash);
  if (slot == NULL)
    slot = saywho_word_map_add (&l->interned,
                                saywho_string_pool_intern (&l->g->strings, s, (gssize) len),
                                len, hash, 0);
  return slot;
}

static const char *
intern (Loader *l, const char *s)
{
  return s != NULL ? intern_slot (l, s)->key : NULL;
}

/* The attributes saywho reads from a `;`-separated key=value list. */
typedef struct {
  char *link, *country, *role;
} Attributes;

static void
parse_attributes (char *attributes, Attributes *out)
{
  *out = (Attributes) { 0 };
  if (strcmp (attributes, "_") == 0)
    return;
  for (char *pair = attributes; pair != NULL;)
    {
      char *next = strchr (pair, ';');
      if (next != NULL)
        *next++ = '\0';
      if (HAS_PREFIX (pair, "link="))
        out->link = pair + 5;
      else if (HAS_PREFIX (pair, "country="))
        out->country = pair + 8;
      else if (HAS_PREFIX (pair, "role="))
        out->role = pair + 5;
      pair = next;
    }
}

static gboolean
is_acronym_form (const char *form)
{
  /* Capitals (with digits, dots, hyphens): US, UAE, U.S., G20, NATO. */
  gboolean upper = FALSE;
  for (const char *p = form; *p;)
    {
      guchar b = (guchar) *p;
      if (b < 0x80)
        {
          if (g_ascii_islower (b))
            return FALSE;
          upper |= g_ascii_isupper (b);
          p++;
          continue;
        }
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_islower (c))
        return FALSE;
      upper |= g_unichar_isupper (c);
      p = g_utf8_next_char (p);
    }
  return upper;
}

SaywhoCaseClass
saywho_case_class_of (const char *s, gsize len)
{
  guint letters = 0;
  gboolean first_upper = FALSE;
  for (const char *p = s; p < s + len;)
    {
      gboolean up;
      guchar b = (guchar) *p;
      if (b < 0x80)
        {
          /* ASCII, most forms: no title-case letters there. */
          p++;
          if (!g_ascii_isalpha (b))
            continue;
          up = g_ascii_isupper (b);
        }
      else
        {
          gunichar c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
          if (!g_unichar_isalpha (c))
            continue;
          up = g_unichar_isupper (c) || g_unichar_istitle (c);
        }
      if (letters++ == 0)
        first_upper = up;
      /* After a small letter, only the first letter counts ("China"). */
      if (!up)
        return first_upper ? SAYWHO_CASE_CAPITALIZED : SAYWHO_CASE_LOWER;
    }
  if (letters >= 2)
    return SAYWHO_CASE_UPPER;
  return first_upper ? SAYWHO_CASE_CAPITALIZED : SAYWHO_CASE_LOWER;
}

/* Has the text of a token of this kind a capital?  Not a word counts as
 * one. */
static gboolean
has_capital (const char *text, gsize len, SaywhoTokenKind kind)
{
  const char *end = text + len;
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if ((guchar) *p < 0x80 ? g_ascii_isupper (*p) : g_unichar_isupper (g_utf8_get_char (p)))
      return TRUE;
  return kind != SAYWHO_TOKEN_WORD;
}

/* Is form (len bytes) the entry's name or one of its aliases? */
static gboolean
has_form (const Loader *l, const char *form, gsize len)
{
  if (l->name_len == len && memcmp (l->name, form, len) == 0)
    return TRUE;
  for (const char *p = l->aliases; p != NULL && *p;)
    {
      const char *bar = strchr (p, '|');
      gsize n = bar != NULL ? (gsize) (bar - p) : strlen (p);
      if (n == len && memcmp (p, form, len) == 0)
        return TRUE;
      p = bar != NULL ? bar + 1 : NULL;
    }
  return FALSE;
}

static void
classify_bytes (guint8 *classes)
{
  for (guint c = 0; c < 256; c++)
    classes[c] = c < ' ' || c >= 0x7f || c == '"' || c == '\'' ? BYTE_ODD
                 : c == '.' ? BYTE_STOP
                 : g_ascii_isdigit (c) ? BYTE_DIGIT : 0;
}

/* Adds the piece of text (len bytes, hash) to the memo; returns its index
 * in l->known.  Out of line: know() is inlined where aliases are cut, and
 * finds most pieces. */
static G_GNUC_NO_INLINE guint32
learn (Loader *l, const char *text, guint32 len, guint32 hash)
{
  guint bytes = 0;
  for (guint32 i = 0; i < len; i++)
    bytes |= l->byte_class[(guchar) text[i]];
  ENSURE_ROOM (l->known, l->known_size, l->nknown + 1);
  l->known[l->nknown] = (Known) { 0, 0, (guint8) bytes, PIECE_NEW, FALSE };
  saywho_word_map_add (&l->memo, saywho_string_pool_intern (&l->strings, text, (gssize) len),
                       len, hash, l->nknown);
  return l->nknown++;
}

/* The index in l->known of the piece of text (len bytes, hash), added if
 * new. */
static inline guint32
know (Loader *l, const char *text, guint32 len, guint32 hash)
{
  const SaywhoWordSlot *slot = saywho_word_map_find (&l->memo, text, len, hash);
  return slot != NULL ? slot->value : learn (l, text, len, hash);
}

/* Cuts the alias (len bytes) at its spaces into l->cut, each piece with
 * its index in l->known; returns how many pieces.  *bytes gets the BYTE_
 * classes of the alias, *pending whether a piece is not analyzed yet. */
static guint
cut_alias (Loader *l, const char *alias, gsize len, guint *bytes, gboolean *pending)
{
  /* Pieces are not empty, and one space at least apart. */
  if (l->cut_size < len / 2 + 1)
    {
      l->cut_size = MAX (len / 2 + 1, 2 * l->cut_size);
      l->cut = g_renew (Piece, l->cut, l->cut_size);
    }
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  Piece *cut = l->cut;
  guint n = 0, classes = 0;
  gboolean unknown = FALSE;
  const char *p = alias, *end = alias + len;
  while (p < end)
    {
      if (*p == ' ')
        {
          p++;
          continue;
        }
      /* A piece, eight bytes at a time (fewer at the end of the alias,
       * read as if zeros followed): the first zero byte of the group
       * xor-ed with spaces is where it ends.  (The zero-byte test flags
       * that byte exactly; only bytes after it may be flagged wrongly.) */
      const char *start = p;
      for (gsize left; (left = (gsize) (end - p)) > 0;)
        {
          guint64 group;
          if (G_LIKELY (left >= 8))
            group = load_group (p, 8);
          else if (len >= 8)
            group = load_group (end - 8, 8) >> (8 * (8 - left));  /* the alias's last eight */
          else
            group = load_group (p, left);
          guint64 x = group ^ (ones * ' ');
          guint64 zeros = (x - ones) & ~x & (ones << 7);
          gsize k = zeros != 0 ? (gsize) __builtin_ctzll (zeros) / 8 : 8;
          k = MIN (k, left);
          p += k;
          if (k < 8)
            break;
        }
      guint32 piece_len = (guint32) (p - start);
      guint32 hash = saywho_str_hash (start, (gssize) piece_len);
      guint32 index = know (l, start, piece_len, hash);
      const Known *known = &l->known[index];
      classes |= known->bytes;
      unknown |= known->state != PIECE_ANALYZED;
      cut[n++] = (Piece) { start, piece_len, index };
    }
  *bytes = classes;
  *pending = unknown;
  return n;
}

/* Keeps what loading needs of token tok of doc in l->analyzed. */
static void
add_analyzed (Loader *l, const SaywhoDocument *doc, const SaywhoToken *tok)
{
  gsize len = tok->byte_end - tok->byte_start;
  const char *text = doc->text + tok->byte_start;
  gsize stem_len = strlen (tok->stem);
  AnalyzedWord w = {
    .word = {
      .form = saywho_string_pool_intern (&l->g->strings, text, (gssize) len),
      .norm = saywho_string_pool_intern (&l->g->strings, tok->norm, (gssize) tok->norm_len),
      .form_len = (guint32) len,
      .norm_len = tok->norm_len,
      .case_class = saywho_case_class_of (text, len),
    },
    .stem_len = (guint32) stem_len,
    .stem_hash = saywho_str_hash (tok->stem, (gssize) stem_len),
    .key = SAYWHO_TRIE_NO_KEY,
    .starts_name = (tok->flags & (SAYWHO_TOKEN_CAPITALIZED | SAYWHO_TOKEN_ALL_CAPS))
                   || tok->kind == SAYWHO_TOKEN_NUMBER,
    .ends_name = has_capital (text, len, tok->kind),
    .cuts = len == 1 && (text[0] == ',' || text[0] == ';' || text[0] == '('),
  };
  w.acronym = tok->kind != SAYWHO_TOKEN_PUNCT && is_acronym_form (w.word.form);
  /* Most words are their own stem (and all but words are). */
  w.stem = tok->stem == tok->norm && stem_len == tok->norm_len
             ? w.word.norm
             : saywho_string_pool_intern (&l->strings, tok->stem, (gssize) stem_len);
  ENSURE_ROOM (l->analyzed, l->analyzed_size, l->nanalyzed + 1);
  l->analyzed[l->nanalyzed++] = w;
}

/* Analyzes l->batch, the batched pieces of l->cut (npieces) joined by
 * spaces, and gives each its words. */
static gboolean
analyze_batch (Loader *l, guint npieces, GError **error)
{
  const SaywhoDocument *doc = saywho_analyzer_run (l->analyzer, l->batch, error);
  if (doc == NULL)
    return FALSE;
  guint t = 0, ntokens = doc->tokens->len;
  gsize end = 0;  /* of the piece in the batch */
  for (guint k = 0; k < npieces; k++)
    {
      const Piece *p = &l->cut[k];
      if (l->known[p->known].state != PIECE_BATCHED)
        continue;  /* analyzed before, or a repeat */
      end += p->len;
      guint32 first = l->nanalyzed;
      gboolean cuts = FALSE;
      for (; t < ntokens && saywho_document_token (doc, t)->byte_start < end; t++)
        {
          add_analyzed (l, doc, saywho_document_token (doc, t));
          cuts |= l->analyzed[l->nanalyzed - 1].cuts;
        }
      Known *known = &l->known[p->known];
      known->first = first;
      known->n = l->nanalyzed - first;
      known->cuts = (guint8) cuts;
      known->state = PIECE_ANALYZED;
      end++;  /* the space after it */
    }
  return TRUE;
}

/* Cuts the alias (len bytes) into pieces, l->cut (*npieces of them), each
 * with its words in the memo: analyzed here if new.
 *
 * The tokenizer cuts its text at spaces and each piece by itself, but for
 * two things that reach across a space: quotation marks (whether one is
 * open decides the direction of the next, and whether the ' after an s is
 * a possessive), and an abbreviation that counts only before a number
 * ("No. 10"), which looks at the next piece.  The stem stage stems each
 * token by itself.  So an alias of printable ASCII without quotation marks
 * or apostrophes, and without both a full stop and a digit, gives the
 * tokens of its pieces between spaces, each analyzed alone, one after the
 * other; they differ only in what the loader does not read (character
 * offsets, spaces after).  Any other alias is one piece, analyzed whole.
 * The pieces new to the memo are analyzed together, joined by spaces: by
 * the same reasoning, that cuts them as it would each alone. */
static gboolean
analyze_alias (Loader *l, const char *alias, gsize len, guint *npieces, GError **error)
{
  guint bytes;
  gboolean pending;
  guint n = cut_alias (l, alias, len, &bytes, &pending);
  if ((bytes & BYTE_ODD) || (bytes & (BYTE_STOP | BYTE_DIGIT)) == (BYTE_STOP | BYTE_DIGIT))
    {
      guint32 hash = saywho_str_hash (alias, len);
      guint32 index = know (l, alias, (guint32) len, hash);
      l->cut[0] = (Piece) { alias, (guint32) len, index };
      pending = l->known[index].state != PIECE_ANALYZED;
      n = 1;
    }
  *npieces = n;
  if (!pending)
    return TRUE;

  l->batch_len = 0;
  for (guint k = 0; k < n; k++)
    {
      const Piece *p = &l->cut[k];
      Known *known = &l->known[p->known];
      if (known->state != PIECE_NEW)
        continue;  /* analyzed before, or a repeat */
      known->state = PIECE_BATCHED;
      ENSURE_ROOM (l->batch, l->batch_size, l->batch_len + p->len + 2);
      if (l->batch_len > 0)
        l->batch[l->batch_len++] = ' ';
      memcpy (l->batch + l->batch_len, p->text, p->len);
      l->batch_len += p->len;
      l->batch[l->batch_len] = '\0';
    }
  return analyze_batch (l, n, error);
}

static gboolean
add_alias (Loader *l, guint32 entry, const char *alias, gsize len, GError **error)
{
  /* "The White House": news marks "White House"; "The Hague" stays whole. */
  if (len >= 4 && HAS_PREFIX (alias, "The ") && l->name != NULL
      && has_form (l, alias + 4, len - 4))
    return TRUE;
  guint npieces;
  if (!analyze_alias (l, alias, len, &npieces, error))
    return FALSE;

  /* Forms that are descriptions rather than names, which news text would
   * not mark as one mention: "China's parliament" (a lower-case word at an
   * end), "Washington, D.C." (two mentions).  A name starts with a capital
   * or a number (the gazetteer stage starts its walks only there): "eBay"
   * and "iPhone" forms are left out. */
  const Piece *cut = l->cut;
  const Known *known = l->known;
  AnalyzedWord *analyzed = l->analyzed;
  guint32 found[64];       /* its words, as indexes into analyzed */
  guint32 last = 0;
  guint n = 0;
  gboolean cuts = FALSE;
  for (guint k = 0; k < npieces; k++)
    {
      const Known *piece = &known[cut[k].known];
      cuts |= piece->cuts;
      for (guint32 w = piece->first; w < piece->first + piece->n; w++, n++)
        {
          if (n < G_N_ELEMENTS (found))
            found[n] = w;
          last = w;
        }
    }
  if (n == 0 || cuts || !analyzed[found[0]].starts_name || !analyzed[last].ends_name)
    return TRUE;
  if (n > 64)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                   "alias '%.*s' is longer than 64 tokens", (int) len, alias);
      return FALSE;
    }

  SaywhoEntityLexicon *g = l->g;
  gint32 keys[64];
  SaywhoLexiconAlias a = { entry, (guint16) n, 0, l->nwords };
  SaywhoLexiconWord *words = array_room (g->words, l->nwords, n, sizeof *words);
  l->nwords += n;
  for (guint i = 0; i < n; i++)
    {
      AnalyzedWord *w = &analyzed[found[i]];
      /* Keys are added as the aliases first use them, as the trie would
       * from their strings: it holds no key that no sequence has. */
      if (w->key == SAYWHO_TRIE_NO_KEY)
        w->key = saywho_trie_add_key (g->trie, w->stem, w->stem_len, w->stem_hash);
      keys[i] = w->key;
      words[i] = w->word;
    }
  if (n == 1 && analyzed[found[0]].acronym)
    a.flags |= SAYWHO_ALIAS_ACRONYM;
  saywho_trie_insert_keys (g->trie, keys, n, l->naliases);
  *(SaywhoLexiconAlias *) array_room (g->aliases, l->naliases++, 1, sizeof a) = a;
  return TRUE;
}

static gboolean
add_entry (char **c, guint ncolumns, guint line, gpointer user_data, GError **error)
{
  Loader *l = user_data;
  SaywhoEntityLexicon *g = l->g;
  (void) ncolumns;

  const char *id = c[0], *type_name = c[1], *kind = c[2], *name = c[3];
  const char *aliases = c[4];
  SaywhoEntityType type;
  const char *colon = strchr (id, ':');
  if (colon == NULL || colon == id || colon[1] == '\0' || strpbrk (id, " |;") != NULL)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                   "id '%s' is not of the form prefix:name", id);
      return FALSE;
    }
  if (!saywho_entity_type_parse (type_name, &type))
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                   "type '%s' is none of PER, ORG, LOC, MISC", type_name);
      return FALSE;
    }
  if (*kind == '\0' || *name == '\0' || strcmp (name, "_") == 0)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON, "empty kind or name");
      return FALSE;
    }
  gsize id_len = strlen (id);
  guint32 id_hash = saywho_str_hash (id, id_len);
  const SaywhoWordSlot *before = saywho_word_map_find (&g->by_id, id, id_len, id_hash);
  if (before != NULL)
    {
      const Origin *o = &l->origins[before->value];
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                   "id '%s' is defined twice (first at %s:%u)", id, o->file, o->line);
      return FALSE;
    }

  Attributes attr;
  parse_attributes (c[5], &attr);
  const char *country = attr.country;
  if (country == NULL && HAS_PREFIX (id, "country:"))
    country = id + strlen ("country:");
  if (country == NULL && attr.link != NULL && HAS_PREFIX (attr.link, "country:"))
    country = attr.link + strlen ("country:");

  const char *own_id = saywho_string_pool_intern (&g->strings, id, (gssize) id_len);
  if (l->kind == NULL || strcmp (kind, l->kind) != 0)
    {
      l->kind = intern (l, kind);
      l->kind_rank = kind_rank (kind);
    }
  /* Countries by number, so that the gazetteer counts a document's votes
   * for them in an array. */
  const char *own_country = NULL;
  guint32 country_number = 0;
  if (country != NULL)
    {
      if (l->country == NULL || strcmp (country, l->country) != 0)
        {
          SaywhoWordSlot *slot = intern_slot (l, country);
          if (slot->value == 0)
            slot->value = ++g->ncountries;
          l->country = slot->key;
          l->country_number = slot->value;
        }
      own_country = l->country;
      country_number = l->country_number;
    }
  if (attr.role != NULL && (l->role == NULL || strcmp (attr.role, l->role) != 0))
    l->role = intern (l, attr.role);
  gsize name_len = strlen (name);
  SaywhoLexiconEntry entry = {
    .id = own_id,
    .name = saywho_string_pool_intern (&g->strings, name, (gssize) name_len),
    .kind = l->kind,
    .link = attr.link != NULL ? intern (l, attr.link) : own_id,
    .country = own_country,
    .role = attr.role != NULL ? l->role : NULL,
    .type = type,
    .rank = (l->kind_rank << 24) | (l->order++ & 0xffffff),
    .country_number = country_number,
  };
  guint32 index = l->nentries++;
  *(SaywhoLexiconEntry *) array_room (g->entries, index, 1, sizeof entry) = entry;
  saywho_word_map_add (&g->by_id, own_id, id_len, id_hash, index);
  ENSURE_ROOM (l->origins, l->origins_size, index + 1);
  l->origins[index] = (Origin) { l->file, line };

  l->name = name;
  l->name_len = name_len;
  l->aliases = strcmp (aliases, "_") == 0 ? "" : aliases;
  gboolean ok = add_alias (l, index, name, name_len, error);
  /* the aliases, each up to its | (has_form() reads them all) */
  for (const char *p = l->aliases; ok && p != NULL;)
    {
      const char *bar = strchr (p, '|');
      gsize len = bar != NULL ? (gsize) (bar - p) : strlen (p);
      if (len > 0 && !(len == name_len && memcmp (p, name, len) == 0))
        ok = add_alias (l, index, p, len, error);
      p = bar != NULL ? bar + 1 : NULL;
    }
  l->name = l->aliases = NULL;
  return ok;
}

/* The forms of words [from, n) of an alias, each followed by a space, in
 * out (emptied first); the callers add the entry's number in its bytes. */
static void
alias_forms (const SaywhoEntityLexicon *g, const SaywhoLexiconAlias *alias, guint from,
             GString *out)
{
  const SaywhoLexiconWord *words = saywho_entity_lexicon_words (g, alias);
  g_string_truncate (out, 0);
  for (guint k = from; k < alias->ntokens; k++)
    {
      g_string_append_len (out, words[k].form, words[k].form_len);
      g_string_append_c (out, ' ');
    }
}

/* Sets the lead of every organization's alias that starts with a place
 * (see saywho_lexicon_alias_lead()): "China's Foreign Ministry" when
 * "China" alone is a place's alias; "U.S. State Department" when "U.S."
 * alone is an alias of the organization's own country and "State
 * Department" one of the organization's.  ("China Daily" and "US
 * Cremonese" keep their first word.) */
static void
mark_leads (SaywhoEntityLexicon *g)
{
  SaywhoWordMap places;    /* one-word form of a place → its entry */
  SaywhoWordMap own;       /* forms and entry of an alias of a candidate entry */
  saywho_word_map_init (&places, 4096);
  saywho_word_map_init (&own, 1024);
  for (guint a = 0; a < g->aliases->len; a++)
    {
      const SaywhoLexiconAlias *alias = saywho_entity_lexicon_alias (g, a);
      const SaywhoLexiconWord *words = saywho_entity_lexicon_words (g, alias);
      const SaywhoLexiconEntry *entry = saywho_entity_lexicon_entry (g, alias->entry);
      if (alias->ntokens != 1
          || (entry->type != SAYWHO_ENTITY_LOC
              && !(entry->type == SAYWHO_ENTITY_MISC && g_strcmp0 (entry->kind, "demonym") == 0)))
        continue;
      guint32 hash = saywho_str_hash (words[0].form, words[0].form_len);
      if (saywho_word_map_find (&places, words[0].form, words[0].form_len, hash) == NULL)
        saywho_word_map_add (&places, words[0].form, words[0].form_len, hash, alias->entry);
    }
  /* The organizations' aliases that start with a place, and the entries
   * they belong to (few: their other aliases are what a lead needs). */
  typedef struct {
    guint32 alias, place;  /* the alias and the entry of the place it starts with */
  } Candidate;
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint8 *wanted = g_new0 (guint8, g->entries->len);
  for (guint a = 0; a < g->aliases->len; a++)
    {
      const SaywhoLexiconAlias *alias = saywho_entity_lexicon_alias (g, a);
      const SaywhoLexiconWord *words = saywho_entity_lexicon_words (g, alias);
      if (alias->ntokens < 2
          || saywho_entity_lexicon_entry (g, alias->entry)->type != SAYWHO_ENTITY_ORG)
        continue;
      const SaywhoWordSlot *place = saywho_word_map_find (
        &places, words[0].form, words[0].form_len,
        saywho_str_hash (words[0].form, words[0].form_len));
      if (place == NULL)
        continue;
      Candidate candidate = { a, place->value };
      g_array_append_val (candidates, candidate);
      wanted[alias->entry] = TRUE;
    }
  GStringChunk *keys = g_string_chunk_new (4096);
  GString *key = g_string_new (NULL);
  for (guint a = 0; a < g->aliases->len; a++)
    {
      const SaywhoLexiconAlias *alias = saywho_entity_lexicon_alias (g, a);
      if (!wanted[alias->entry])
        continue;
      alias_forms (g, alias, 0, key);
      g_string_append_len (key, (const char *) &alias->entry, sizeof alias->entry);
      saywho_word_map_add (&own, g_string_chunk_insert_len (keys, key->str, (gssize) key->len),
                           key->len, saywho_str_hash (key->str, (gssize) key->len), 1);
    }
  for (guint c = 0; c < candidates->len; c++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, c);
      SaywhoLexiconAlias *alias = &g_array_index (g->aliases, SaywhoLexiconAlias,
                                                  candidate->alias);
      const SaywhoLexiconEntry *e = saywho_entity_lexicon_entry (g, alias->entry);
      const SaywhoLexiconWord *words = saywho_entity_lexicon_words (g, alias);
      guint lead = 0;
      const SaywhoLexiconEntry *c_place = saywho_entity_lexicon_entry (g, candidate->place);
      const SaywhoLexiconWord *last = &words[alias->ntokens - 1];
      if (alias->ntokens >= 3 && words[1].norm_len == 2 && memcmp (words[1].norm, "'s", 2) == 0)
        lead = 2;
      else if (c_place->type == SAYWHO_ENTITY_MISC)
        {
          /* "[Chinese] [Foreign Ministry]": a nationality before a
           * government's ministry or department of that country is a
           * mention of its own (not before "Chinese Communist Party") */
          gboolean body = (last->norm_len == 8 && memcmp (last->norm, "ministry", 8) == 0)
                          || (last->norm_len == 10 && memcmp (last->norm, "department", 10) == 0);
          if (body && alias->ntokens >= 3 && e->country != NULL && c_place->link != NULL
              && g_str_has_prefix (c_place->link, "country:")
              && strcmp (c_place->link + 8, e->country) == 0)
            lead = 1;
        }
      else
        {
          const SaywhoLexiconEntry *c_entry = saywho_entity_lexicon_entry (g, candidate->place);
          alias_forms (g, alias, 1, key);
          g_string_append_len (key, (const char *) &alias->entry, sizeof alias->entry);
          if (e->country != NULL && g_strcmp0 (e->country, c_entry->country) == 0
              && saywho_word_map_find (&own, key->str, key->len,
                                       saywho_str_hash (key->str, (gssize) key->len)) != NULL)
            lead = 1;
        }
      alias->flags |= (guint16) (lead << SAYWHO_ALIAS_LEAD_SHIFT);
    }
  g_string_free (key, TRUE);
  g_string_chunk_free (keys);
  g_free (wanted);
  g_array_unref (candidates);
  saywho_word_map_clear (&places);
  saywho_word_map_clear (&own);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

SaywhoEntityLexicon *
saywho_entity_lexicon_load (const SaywhoConfig *config, GError **error)
{
  g_autoptr (GError) local = NULL;
  GDir *dir = g_dir_open (config->lexicon_dir, 0, &local);
  if (dir == NULL)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON, "%s", local->message);
      return NULL;
    }
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".tsv") && !g_strv_contains (other_lists, name))
      g_ptr_array_add (files, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (files, compare_names);

  /* The arrays sized ahead from the files' bytes, generously (the
   * lexicons hold an entry per 160 bytes, an alias per 75, a word per 28),
   * rather than copied over as they grow: some 5 MB would be. */
  gsize bytes = 0;
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_build_filename (config->lexicon_dir,
                                                g_ptr_array_index (files, i), NULL);
      GStatBuf st;
      if (g_stat (path, &st) == 0 && st.st_size > 0)
        bytes += (gsize) st.st_size;
    }
  bytes = MIN (bytes, 1u << 28);
  g_autoptr (SaywhoEntityLexicon) g = g_new0 (SaywhoEntityLexicon, 1);
  g->entries = g_array_sized_new (FALSE, FALSE, sizeof (SaywhoLexiconEntry), bytes / 128);
  g->aliases = g_array_sized_new (FALSE, FALSE, sizeof (SaywhoLexiconAlias), bytes / 64);
  g->words = g_array_sized_new (FALSE, FALSE, sizeof (SaywhoLexiconWord), bytes / 24);
  g->trie = saywho_trie_new ();
  /* Room for some 18,000 ids without growing. */
  saywho_word_map_init (&g->by_id, 1 << 16);
  /* Some 1.3 MB of ids, names, forms and norms: one block. */
  g->strings.first_size = 2 << 20;

  g_autoptr (SaywhoAnalyzer) analyzer = saywho_analyzer_new (config, error);
  if (analyzer == NULL)
    return NULL;
  Loader l = {
    .g = g,
    .analyzer = analyzer,
    .origins_size = MAX (bytes / 128, 1),
    .strings.first_size = 1 << 16,
  };
  l.origins = g_new (Origin, l.origins_size);
  saywho_word_map_init (&l.interned, 1024);
  saywho_word_map_init (&l.memo, 1 << 15);
  classify_bytes (l.byte_class);
  gboolean ok = TRUE;
  for (guint i = 0; i < files->len && ok; i++)
    {
      l.file = g_ptr_array_index (files, i);
      ok = saywho_lexicon_read (config->lexicon_dir, l.file, 6, 6, add_entry, &l, error);
    }
  g_free (l.origins);
  saywho_word_map_clear (&l.interned);
  saywho_word_map_clear (&l.memo);
  g_free (l.known);
  g_free (l.analyzed);
  saywho_string_pool_clear (&l.strings);
  g_free (l.strings.blocks);
  g_free (l.batch);
  g_free (l.cut);
  if (!ok)
    return NULL;
  g_array_set_size (g->entries, l.nentries);
  g_array_set_size (g->aliases, l.naliases);
  g_array_set_size (g->words, l.nwords);
  g->files = files->len;
  mark_leads (g);
  saywho_trie_seal (g->trie);
  return g_steal_pointer (&g);
}

void
saywho_entity_lexicon_free (SaywhoEntityLexicon *g)
{
  if (g == NULL)
    return;
  g_array_unref (g->entries);
  g_array_unref (g->aliases);
  g_array_unref (g->words);
  saywho_trie_free (g->trie);
  saywho_word_map_clear (&g->by_id);
  saywho_string_pool_clear (&g->strings);
  g_free (g->strings.blocks);
  g_free (g);
}

const SaywhoLexiconEntry *
saywho_entity_lexicon_lookup (const SaywhoEntityLexicon *g, const char *id)
{
  gsize len = strlen (id);
  const SaywhoWordSlot *slot = saywho_word_map_find (&g->by_id, id, len, saywho_str_hash (id, len));
  return slot != NULL ? saywho_entity_lexicon_entry (g, slot->value) : NULL;
}
