/* document.h — the Document: one article and every annotation layer on it.
 *
 * Ownership, once:
 *   - A SaywhoDocument owns everything it points to: its text, its token,
 *     sentence, paragraph, entity and quotation arrays, and every string
 *     reachable from them (norms, stems, entity and speaker ids are copied
 *     into the document's string pool, `strings`).  saywho_document_free()
 *     releases all of it at once.
 *   - A stage may read and extend a document while it processes it, and may
 *     keep no pointer into it after process() returns: the driver frees the
 *     document as soon as it has been written.
 *   - Strings a stage stores in a document must come from
 *     saywho_document_intern() (or point into another document-owned buffer);
 *     lexicon strings that outlive every document (interned by a stage at
 *     start-up) may be stored as they are.
 *
 * Offsets: every token has byte offsets into `text` (for slicing) and
 * character offsets (Unicode code points, end exclusive) into the same text,
 * which are what the output formats print.  Spans of tokens (sentences,
 * paragraphs, entities, quotations) are half-open token index ranges.
 */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* Inline even where the compiler would rather call: for the helpers of the
 * per-token loops, where a call costs as much as the work.  (glib's
 * G_ALWAYS_INLINE is younger than the glib the project asks for.) */
#if defined(__GNUC__) || defined(__clang__)
#define SAYWHO_ALWAYS_INLINE __attribute__ ((always_inline))
#else
#define SAYWHO_ALWAYS_INLINE
#endif

typedef enum {
  SAYWHO_TOKEN_WORD,        /* letters, digits, internal apostrophes */
  SAYWHO_TOKEN_NUMBER,      /* 35, 3.5, 1,200, 2015-09-14, 11:05, 1990s */
  SAYWHO_TOKEN_ABBREVIATION,/* U.S., Mr., Sept., J. (keeps its full stop) */
  SAYWHO_TOKEN_PUNCT,       /* . , ; : ! ? ( ) — … and the like */
  SAYWHO_TOKEN_QUOTE,       /* a quotation mark (see the QUOTE_* flags) */
  SAYWHO_TOKEN_POSSESSIVE,  /* the 's or ' split off a possessive */
  SAYWHO_TOKEN_SYMBOL,      /* $ % € + = and other symbols, emoji */
  SAYWHO_TOKEN_URL,
  SAYWHO_TOKEN_EMAIL,
} SaywhoTokenKind;

typedef enum {
  SAYWHO_TOKEN_SPACE_AFTER     = 1 << 0,  /* whitespace follows in the text */
  SAYWHO_TOKEN_NEWLINE_BEFORE  = 1 << 1,  /* a line break precedes it */
  SAYWHO_TOKEN_BLANK_BEFORE    = 1 << 2,  /* a blank line precedes it */
  SAYWHO_TOKEN_QUOTE_OPEN      = 1 << 3,  /* quotation mark that opens */
  SAYWHO_TOKEN_QUOTE_CLOSE     = 1 << 4,  /* quotation mark that closes */
  SAYWHO_TOKEN_QUOTE_DOUBLE    = 1 << 5,  /* " “ ” „ « » */
  SAYWHO_TOKEN_QUOTE_SINGLE    = 1 << 6,  /* ' ‘ ’ ‚ ‹ › */
  SAYWHO_TOKEN_CAPITALIZED     = 1 << 7,  /* first letter is upper/title case */
  SAYWHO_TOKEN_ALL_CAPS        = 1 << 8,  /* two or more letters, all upper */
  SAYWHO_TOKEN_SENTENCE_START  = 1 << 9,  /* first token of its sentence */
  SAYWHO_TOKEN_ABBREV_TITLE    = 1 << 10, /* abbreviation that never ends a sentence (Mr.) */
  SAYWHO_TOKEN_HEADLINE        = 1 << 11, /* in a headline or byline line */
  SAYWHO_TOKEN_DATELINE        = 1 << 12, /* in a dateline (WASHINGTON, Sept. 14 —) */
} SaywhoTokenFlags;

typedef struct {
  guint32 byte_start, byte_end;  /* into text */
  guint32 char_start, char_end;  /* code points into text */
  guint32 sentence;              /* index into sentences */
  guint32 paragraph;             /* index into paragraphs */
  guint16 kind;                  /* SaywhoTokenKind */
  guint16 flags;                 /* SaywhoTokenFlags */
  guint32 norm_len;              /* bytes in norm, without its NUL */
  const char *norm;              /* NFC, case-folded, ’ → ' : for matching */
  const char *stem;              /* Snowball stem of norm; norm where no stem */
  guint32 norm_hash, stem_hash;  /* saywho_str_hash() of norm and stem */
  guint32 stem_len;              /* bytes in stem, without its NUL */
} SaywhoToken;

/* A half-open token range [start, end). */
typedef struct {
  guint32 start, end;
} SaywhoSpan;

/* CoNLL-2003 entity types. */
typedef enum {
  SAYWHO_ENTITY_PER,
  SAYWHO_ENTITY_ORG,
  SAYWHO_ENTITY_LOC,
  SAYWHO_ENTITY_MISC,
} SaywhoEntityType;

typedef struct {
  SaywhoSpan span;
  SaywhoEntityType type;
  const char *id;        /* canonical lexicon id, or a document-local id */
  const char *kind;      /* lexicon kind (official, agency, …) or NULL */
  const char *name;      /* canonical name ("Xi Jinping"); for a document-local
                          * entity, its longest mention; may be NULL */
} SaywhoEntity;

typedef enum {
  SAYWHO_QUOTE_DIRECT,
  SAYWHO_QUOTE_INDIRECT,
} SaywhoQuoteKind;

typedef struct {
  SaywhoSpan span;          /* the quoted content */
  SaywhoQuoteKind kind;
  SaywhoSpan cue;           /* the speech cue; start == end when none */
  SaywhoSpan mention;       /* the speaker's mention at the cue; may be empty */
  const char *speaker;      /* speaker entity id, or NULL when unknown */
  const char *speaker_name; /* the speaker's canonical name, or NULL */
} SaywhoQuote;

/* The document's string pool: bump allocation in blocks that live as long
 * as the document.  Tokenizing stores a norm for nearly every token, so an
 * allocation is a pointer bump inline, not a call. */
typedef struct _SaywhoPoolBlock SaywhoPoolBlock;
typedef struct {
  char *next, *end;         /* free bytes of the current block */
  SaywhoPoolBlock *blocks;  /* every block, newest first */
  gsize first_size;         /* bytes in the first block */
} SaywhoStringPool;

typedef struct {
  char *id;                 /* path relative to the folder given, or as given */
  char *source;             /* the file it came from ("-" for stdin), or NULL */
  char *text;               /* original UTF-8 text, NUL-terminated */
  gsize length;             /* bytes in text */
  guint64 seq;              /* position in the input stream */

  GArray *tokens;           /* SaywhoToken */
  GArray *sentences;        /* SaywhoSpan */
  GArray *paragraphs;       /* SaywhoSpan */
  GArray *entities;         /* SaywhoEntity, sorted by span.start, no overlaps */
  GArray *quotes;           /* SaywhoQuote, in text order; Qn is index n-1 */

  SaywhoStringPool strings; /* pool for norms, stems and ids */
} SaywhoDocument;

/* Takes ownership of text (g_malloc'ed, NUL-terminated, length bytes). */
SaywhoDocument *saywho_document_new_take (const char *id,
                                          const char *source,
                                          char       *text,
                                          gsize       length);
SaywhoDocument *saywho_document_new (const char *id, const char *text);
void            saywho_document_free (SaywhoDocument *doc);

/* Room for n bytes in the document's pool, which live as long as doc;
 * the caller fills them (a string and its NUL). */
char *saywho_string_pool_grow (SaywhoStringPool *pool, gsize n);
/* Makes at least n bytes free in a new block, without taking them. */
void  saywho_string_pool_reserve (SaywhoStringPool *pool, gsize n);
/* Forgets every string of the pool, keeping its first block. */
void  saywho_string_pool_clear (SaywhoStringPool *pool);

/* n bytes of pool, a pointer bump inline; they live as long as the pool. */
static inline char *
saywho_string_pool_alloc (SaywhoStringPool *pool, gsize n)
{
  if (G_UNLIKELY ((gsize) (pool->end - pool->next) < n))
    return saywho_string_pool_grow (pool, n);
  char *p = pool->next;
  pool->next += n;
  return p;
}

/* A copy of len bytes of s and a NUL in pool (len < 0: up to s's NUL). */
static inline const char *
saywho_string_pool_intern (SaywhoStringPool *pool, const char *s, gssize len)
{
  gsize n = len < 0 ? strlen (s) : (gsize) len;
  char *p = saywho_string_pool_alloc (pool, n + 1);
  memcpy (p, s, n);
  p[n] = '\0';
  return p;
}

static inline char *
saywho_document_alloc (SaywhoDocument *doc, gsize n)
{
  return saywho_string_pool_alloc (&doc->strings, n);
}

/* At least n free bytes at the returned pointer, not yet taken: a caller
 * that does not know a string's length yet writes it there, then takes
 * what it used with saywho_document_take(). */
static inline char *
saywho_document_room (SaywhoDocument *doc, gsize n)
{
  SaywhoStringPool *pool = &doc->strings;
  if (G_UNLIKELY ((gsize) (pool->end - pool->next) < n))
    saywho_string_pool_reserve (pool, n);
  return pool->next;
}

static inline void
saywho_document_take (SaywhoDocument *doc, gsize n)
{
  doc->strings.next += n;
}

/* Copy a string into the document's pool; it lives as long as doc. */
static inline const char *
saywho_document_intern (SaywhoDocument *doc, const char *s, gssize len)
{
  return saywho_string_pool_intern (&doc->strings, s, len);
}

static inline SaywhoToken *
saywho_document_token (const SaywhoDocument *doc, guint i)
{
  return &g_array_index (doc->tokens, SaywhoToken, i);
}

/* The token's original text, not NUL-terminated: *len bytes at the pointer. */
static inline const char *
saywho_token_text (const SaywhoDocument *doc, const SaywhoToken *tok, gsize *len)
{
  *len = tok->byte_end - tok->byte_start;
  return doc->text + tok->byte_start;
}

/* Is the token's norm the word (lower case, as norms are: "the", "-")? */
static inline gboolean
saywho_token_norm_is (const SaywhoToken *tok, const char *word)
{
  gsize len = strlen (word);
  return tok->norm_len == len && memcmp (tok->norm, word, len) == 0;
}

/* Adds an entity, keeping entities sorted; entities it overlaps are removed
 * (the caller has decided that the new one wins). */
void        saywho_document_set_entity (SaywhoDocument *doc, const SaywhoEntity *entity);
/* The index of the entity of entities[0..n) (sorted, not overlapping) that
 * holds token i, or -1: the last one that starts at i or before, if it
 * holds i.  The search halves the entities by selects, not branches, which
 * the tokens asked about would mispredict half of the time; stages that
 * ask it at every turn call it inline on the document's array. */
static inline gint
saywho_entities_find (const SaywhoEntity *entities, guint n, guint i)
{
  if (n == 0)
    return -1;
  const SaywhoEntity *e = entities;
  while (n > 1)
    {
      guint half = n / 2;
      e = e[half].span.start <= i ? e + half : e;
      n -= half;
    }
  return e->span.start <= i && i < e->span.end ? (gint) (e - entities) : -1;
}

/* The index of the entity covering token i, or -1. */
gint        saywho_document_entity_at (const SaywhoDocument *doc, guint i);
/* The index of the first entity that ends after token i (entities->len if
 * none): where a scan for entities overlapping [i, …) starts. */
guint       saywho_document_entity_from (const SaywhoDocument *doc, guint i);
/* Adds many entities at once, in one pass: additions are sorted by start;
 * one that overlaps the addition before it is dropped, and each other
 * replaces the entities it overlaps.  Stages that
 * add entities by the hundred use this rather than set_entity(), whose
 * cost grows with the entities already there. */
void        saywho_document_merge_entities (SaywhoDocument *doc, const GArray *additions);

const char *saywho_entity_type_name (SaywhoEntityType type);
gboolean    saywho_entity_type_parse (const char *name, SaywhoEntityType *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaywhoDocument, saywho_document_free)

G_END_DECLS
