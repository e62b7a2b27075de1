/* tokenize.c — the tokenize stage: text → tokens with offsets and norms.
 *
 * The text is cut at whitespace into chunks; each chunk is cut into tokens
 * by the rules below, working on the chunk's code points (utf8proc):
 *   - URLs (http://, https://, www.) and e-mail addresses stay whole, less
 *     trailing punctuation;
 *   - abbreviations from lexicons/abbreviations.tsv and letter-dot runs
 *     (U.S., D.C., a.m., J.) keep their full stops;
 *   - a word is a run of letters, digits and marks, joined across an
 *     apostrophe between letters (we'll, O'Brien), across . , : / between
 *     digits (3.5, 1,200, 11:05, 9/11), and across a hyphen between digits
 *     (2015-09-14) or after a short capitalized code (F-16, COVID-19); other
 *     hyphens split (China-US, Washington-based);
 *   - a possessive 's (or the ' after a plural) is its own token; one or
 *     two plus signs ending a word stay with it (OPEC+, C++);
 *   - quotation marks are told apart from apostrophes and get a direction,
 *     from the mark itself (“ ”) or from what surrounds it (" ');
 *   - runs of . ! ? and of - are one token (..., --); any other punctuation
 *     or symbol is a token of its own.
 * Offsets index the original text; norms are NFC, case-folded, with ’ as '.
 */
#include "stages.h"
#include "../pipeline/lexicon.h"
#include "../pipeline/strmap.h"

#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef enum {
  ABBREV_GENERAL,  /* may end a sentence (U.S., Inc.) */
  ABBREV_TITLE,    /* never ends a sentence (Mr., Gen.) */
  ABBREV_NUMERIC,  /* an abbreviation only before a number (No. 10) */
} AbbrevClass;

typedef struct {
  GHashTable *abbreviations;  /* form → AbbrevClass + 1 */
  SaywhoStrMap *abbreviation_forms; /* the same forms, for the fast path's test */
  guint longest;              /* code points in the longest form */
  guint32 mark_hashes[6];     /* saywho_str_hash() of each of plain_marks */
  guint32 quote_hashes[3];    /* and of each of plain_quotes */
  guint32 possessive_hash;    /* and of "'s" */
  guint32 hyphen_hash;        /* and of "-" */
  guint32 percent_hash;       /* and of "%" */
  guint32 paren_hashes[2];    /* and of "(" and ")" */
} Tokenizer;

typedef struct {
  guint32 cp;
  guint32 byte;   /* offset of the code point in the text */
} CodePoint;

/* The norm of one character of two UTF-8 bytes (U+0080 to U+07FF: the
 * accented Latin letters, Greek, Cyrillic, …), worked out by utf8proc the
 * first time a worker meets it. */
typedef struct {
  guint8 state;      /* FOLD_UNKNOWN, FOLD_GENERAL or FOLD_SIMPLE */
  guint8 len;        /* bytes of its norm (FOLD_SIMPLE) */
  char norm[6];
} FoldEntry;

enum { FOLD_UNKNOWN, FOLD_GENERAL, FOLD_SIMPLE };

typedef struct {
  CodePoint *chunk;  /* the chunk's code points, and one that marks its end */
  gsize capacity;
  GString *scratch;
  FoldEntry fold[0x800 - 0x80];  /* by code point, from U+0080 */
  gboolean general_only;         /* no fast path, no fold table: for tests */
} TokenizerWorker;

/* State of one tokenize() call. */
typedef struct {
  const Tokenizer *tk;
  SaywhoDocument *doc;
  const CodePoint *c;      /* the chunk */
  guint n;                 /* code points in the chunk */
  gboolean has_at;         /* the chunk holds an @ */
  guint32 char0;           /* character offset of the chunk */
  guint pending_newlines;  /* line breaks since the previous token */
  SaywhoToken *tokens;     /* doc->tokens->data, sized ahead of need */
  guint ntokens, captokens;
  gint open_double, open_single;  /* quotation marks open on this line */
  GString *scratch;
  FoldEntry *fold;         /* the worker's */
} Scan;

/* ---- character classes ------------------------------------------------ */

static inline gboolean
is_space (guint32 cp)
{
  if (cp < 0x80)
    return cp == ' ' || (cp >= '\t' && cp <= '\r');
  if (cp == 0x85 || cp == 0xFEFF || cp == 0x200B)
    return TRUE;
  utf8proc_category_t cat = utf8proc_category ((utf8proc_int32_t) cp);
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL
         || cat == UTF8PROC_CATEGORY_ZP;
}

static inline gboolean
is_alpha (guint32 cp)
{
  if (cp < 0x80)
    return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  utf8proc_category_t cat = utf8proc_category ((utf8proc_int32_t) cp);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

static inline gboolean
is_digit (guint32 cp)
{
  if (cp < 0x80)
    return cp >= '0' && cp <= '9';
  utf8proc_category_t cat = utf8proc_category ((utf8proc_int32_t) cp);
  return cat == UTF8PROC_CATEGORY_ND;
}

/* Letters, digits, and the marks and format characters that live inside
 * words (combining accents, soft hyphens, joiners). */
static inline gboolean
is_word (guint32 cp)
{
  if (cp < 0x80)
    return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (cp == 0xFEFF || cp == 0x200B)
    return FALSE;
  utf8proc_category_t cat = utf8proc_category ((utf8proc_int32_t) cp);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
         || (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_NO)
         || cat == UTF8PROC_CATEGORY_CF;
}

static inline gboolean
is_upper (guint32 cp)
{
  if (cp < 0x80)
    return cp >= 'A' && cp <= 'Z';
  utf8proc_category_t cat = utf8proc_category ((utf8proc_int32_t) cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

static inline gboolean
is_lower (guint32 cp)
{
  if (cp < 0x80)
    return cp >= 'a' && cp <= 'z';
  return utf8proc_category ((utf8proc_int32_t) cp) == UTF8PROC_CATEGORY_LL;
}

/* ' ’ ʼ: apostrophe inside a word, or a single quotation mark. */
static inline gboolean
is_apostrophe (guint32 cp)
{
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

static inline gboolean
is_hyphen (guint32 cp)
{
  return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* Quotation marks: which kind, and the direction the mark itself states. */
typedef enum { QUOTE_NONE, QUOTE_OPEN, QUOTE_CLOSE, QUOTE_EITHER } QuoteDirection;

static QuoteDirection
quote_mark (guint32 cp, gboolean *is_double)
{
  *is_double = TRUE;
  switch (cp)
    {
    case '"': case 0xFF02: return QUOTE_EITHER;
    case 0x201C: case 0x201E: case 0x201F: case 0x00AB: case 0x300C: case 0x300E:
      return QUOTE_OPEN;
    case 0x201D: case 0x00BB: case 0x300D: case 0x300F:
      return QUOTE_CLOSE;
    default: break;
    }
  *is_double = FALSE;
  switch (cp)
    {
    case '\'': case 0x2019: return QUOTE_EITHER;
    case 0x2018: case 0x201A: case 0x201B: case 0x2039: return QUOTE_OPEN;
    case 0x203A: return QUOTE_CLOSE;
    default: return QUOTE_NONE;
    }
}

/* ---- emitting tokens --------------------------------------------------- */

static const utf8proc_option_t norm_options =
  UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;

/* Works out entry e, for code point cp (U+0080 to U+07FF).  A character
 * is simple when its norm on its own is its part of the norm of any word
 * it is in: when it and every character of its norm are starters
 * (combining class 0) below U+0800.  Then nothing reorders or composes
 * across it: below U+0800, a starter composes only with a non-starter
 * after it.  Its norm is kept with ʼ as ' (as make_norm() does). */
static void
fold_entry_fill (FoldEntry *e, guint32 cp)
{
  e->state = FOLD_GENERAL;
  utf8proc_uint8_t in[4];
  utf8proc_ssize_t in_len = utf8proc_encode_char ((utf8proc_int32_t) cp, in);
  if (utf8proc_get_property ((utf8proc_int32_t) cp)->combining_class != 0)
    return;
  utf8proc_uint8_t *mapped = NULL;
  utf8proc_ssize_t n = utf8proc_map (in, in_len, &mapped, norm_options);
  guint len = 0;
  gboolean simple = n > 0;
  for (utf8proc_ssize_t i = 0; simple && i < n;)
    {
      utf8proc_int32_t out;
      utf8proc_ssize_t step = utf8proc_iterate (mapped + i, n - i, &out);
      if (step <= 0 || out >= 0x800 || utf8proc_get_property (out)->combining_class != 0)
        simple = FALSE;
      else if (out == 0x02BC)
        e->norm[len++] = '\'';
      else if (len + (guint) step > sizeof e->norm)
        simple = FALSE;
      else
        {
          memcpy (e->norm + len, mapped + i, (gsize) step);
          len += (guint) step;
        }
      i += step > 0 ? step : 1;
    }
  free (mapped);
  if (simple)
    {
      e->state = FOLD_SIMPLE;
      e->len = (guint8) len;
    }
}

/* The norm of a token that is not all ASCII, from its characters' norms
 * where they are all ASCII, ’ or simple (see fold_entry_fill()): nearly
 * every name with an accent.  NULL where the general rules are needed. */
static const char *
make_norm_simple (Scan *s, const char *text, gsize len, guint32 *norm_len)
{
  GString *out = s->scratch;
  g_string_truncate (out, 0);
  for (gsize i = 0; i < len;)
    {
      guchar c = (guchar) text[i];
      if (c < 0x80)
        {
          g_string_append_c (out, (char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
          i++;
        }
      else if (c == 0xE2 && i + 2 < len && (guchar) text[i + 1] == 0x80
               && (guchar) text[i + 2] == 0x99)
        {
          g_string_append_c (out, '\'');
          i += 3;
        }
      else if ((c & 0xE0) == 0xC0 && i + 1 < len && ((guchar) text[i + 1] & 0xC0) == 0x80)
        {
          guint32 cp = ((guint32) (c & 0x1F) << 6) | ((guchar) text[i + 1] & 0x3F);
          if (cp < 0x80)
            return NULL;  /* overlong: the text is checked, but leave it to utf8proc */
          FoldEntry *e = &s->fold[cp - 0x80];
          if (e->state == FOLD_UNKNOWN)
            fold_entry_fill (e, cp);
          if (e->state != FOLD_SIMPLE)
            return NULL;
          g_string_append_len (out, e->norm, e->len);
          i += 2;
        }
      else
        return NULL;
    }
  *norm_len = (guint32) out->len;
  return saywho_document_intern (s->doc, out->str, (gssize) out->len);
}

static const char *
make_norm (Scan *s, const char *text, gsize len, guint32 *norm_len)
{
  *norm_len = (guint32) len;
  /* ASCII (nearly every token of English news), with ’ as ' (Xi’s):
   * copy and lower in one go. */
  char *norm = saywho_document_alloc (s->doc, len + 1);
  gboolean ascii = TRUE;
  gsize o = 0;
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];
      if (c >= 0x80)
        {
          if (c == 0xE2 && i + 2 < len && (guchar) text[i + 1] == 0x80
              && (guchar) text[i + 2] == 0x99)
            {
              norm[o++] = '\'';
              i += 2;
              continue;
            }
          ascii = FALSE;
          break;
        }
      norm[o++] = (char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
  if (ascii)
    {
      norm[o] = '\0';
      *norm_len = (guint32) o;
      return norm;
    }
  norm[len] = '\0';
  /* One mark of General Punctuation (dashes, curly quotes, ellipsis, …):
   * NFC and case folding leave U+2010–U+2027 and U+2030–U+205E as they
   * are, so their norm is their text; ’ (U+2019) becomes ' below, and
   * the format characters around them would be dropped. */
  if (len == 3 && (guchar) text[0] == 0xE2)
    {
      guint32 cp = 0x2000 + (((guint32) (guchar) text[1] & 0x3F) << 6)
                   + ((guint32) (guchar) text[2] & 0x3F);
      if (((guchar) text[1] & 0xC0) == 0x80 && ((guchar) text[2] & 0xC0) == 0x80
          && ((cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E)) && cp != 0x2019)
        {
          memcpy (norm, text, 3);
          return norm;
        }
    }
  const char *simple = s->fold != NULL ? make_norm_simple (s, text, len, norm_len) : NULL;
  if (simple != NULL)
    return simple;
  utf8proc_uint8_t *mapped = NULL;
  utf8proc_ssize_t n = utf8proc_map ((const utf8proc_uint8_t *) text, (utf8proc_ssize_t) len,
                                     &mapped, norm_options);
  if (n < 0)
    return saywho_document_intern (s->doc, text, (gssize) len);
  /* ’ and ʼ match as the ASCII apostrophe. */
  g_string_truncate (s->scratch, 0);
  for (utf8proc_ssize_t i = 0; i < n; i++)
    {
      if (i + 2 < n && mapped[i] == 0xE2 && mapped[i + 1] == 0x80 && mapped[i + 2] == 0x99)
        {
          g_string_append_c (s->scratch, '\'');
          i += 2;
        }
      else if (i + 1 < n && mapped[i] == 0xCA && mapped[i + 1] == 0xBC)
        {
          g_string_append_c (s->scratch, '\'');
          i += 1;
        }
      else
        g_string_append_c (s->scratch, (char) mapped[i]);
    }
  free (mapped);
  *norm_len = (guint32) s->scratch->len;
  return saywho_document_intern (s->doc, s->scratch->str, (gssize) s->scratch->len);
}

/* A slot for the next token, with the line breaks seen before it in
 * *flags. */
static SaywhoToken *
next_token (Scan *s, guint *flags)
{
  if (s->pending_newlines > 0)
    {
      *flags |= SAYWHO_TOKEN_NEWLINE_BEFORE;
      if (s->pending_newlines > 1)
        *flags |= SAYWHO_TOKEN_BLANK_BEFORE;
      s->pending_newlines = 0;
    }
  /* GArray checks for overflow with a division on every append: grow the
   * array in large steps and fill it directly instead. */
  if (s->ntokens == s->captokens)
    {
      s->captokens = MAX (64, s->captokens * 2);
      g_array_set_size (s->doc->tokens, s->captokens);
      s->tokens = (SaywhoToken *) (void *) s->doc->tokens->data;
    }
  return &s->tokens[s->ntokens++];
}

/* Adds the token made of chunk code points [a, b). */
static void
emit (Scan *s, SaywhoTokenKind kind, guint a, guint b, guint flags)
{
  SaywhoDocument *doc = s->doc;
  guint32 byte_start = s->c[a].byte, byte_end = s->c[b].byte;
  guint32 len = byte_end - byte_start;
  const char *norm;
  guint32 norm_len;
#ifdef __SSE2__
  /* ASCII of sixteen bytes or fewer (as many bytes as code points), nearly
   * every token here: its flags and its norm from one load of the text,
   * which is NUL-terminated, so that the load may reach its NUL, not past
   * it. */
  if (len == b - a && len <= 16 && byte_start + 16 <= doc->length + 1)
    {
      __m128i x = _mm_loadu_si128 ((const __m128i *) (const void *) (doc->text + byte_start));
      /* A-Z are the bytes that land on -128 to -103 when 0x80 - 'A' is
       * added, a-z those of x | 0x20 that do when 0x80 - 'a' is. */
      __m128i upper = _mm_cmplt_epi8 (_mm_add_epi8 (x, _mm_set1_epi8 (0x80 - 'A')),
                                      _mm_set1_epi8 (-128 + 26));
      __m128i letter = _mm_cmplt_epi8 (_mm_add_epi8 (_mm_or_si128 (x, _mm_set1_epi8 (0x20)),
                                                     _mm_set1_epi8 (0x80 - 'a')),
                                       _mm_set1_epi8 (-128 + 26));
      guint in_token = (1u << len) - 1;
      guint letters = (guint) _mm_movemask_epi8 (letter) & in_token;
      guint uppers = (guint) _mm_movemask_epi8 (upper) & in_token;
      if (letters & uppers & -letters)
        flags |= SAYWHO_TOKEN_CAPITALIZED;  /* the first letter is a capital */
      if ((letters & (letters - 1)) != 0 && uppers == letters)
        flags |= SAYWHO_TOKEN_ALL_CAPS;     /* two letters or more, all capitals */
      char *room = saywho_document_room (doc, 17);
      _mm_storeu_si128 ((__m128i *) (void *) room,
                        _mm_or_si128 (x, _mm_and_si128 (upper, _mm_set1_epi8 (0x20))));
      room[len] = '\0';
      saywho_document_take (doc, len + 1);
      norm = room;
      norm_len = len;
    }
  else
#endif
    {
      guint letters = 0, uppers = 0;
      for (guint i = a; i < b; i++)
        {
          guint32 cp = s->c[i].cp;
          if (!is_alpha (cp))
            continue;
          gboolean up = is_upper (cp);
          if (letters++ == 0 && up)
            flags |= SAYWHO_TOKEN_CAPITALIZED;
          if (!up && is_lower (cp))
            break;  /* it cannot be all capitals any more */
          uppers += up;
        }
      if (letters >= 2 && uppers == letters)
        flags |= SAYWHO_TOKEN_ALL_CAPS;
      norm = make_norm (s, doc->text + byte_start, len, &norm_len);
    }
  guint32 hash = saywho_str_hash (norm, norm_len);
  SaywhoToken *tok = next_token (s, &flags);
  *tok = (SaywhoToken) {
    .byte_start = byte_start, .byte_end = byte_end,
    .char_start = s->char0 + a, .char_end = s->char0 + b,
    .kind = (guint16) kind, .flags = (guint16) flags,
    .norm = norm, .norm_len = norm_len, .norm_hash = hash,
    .stem_len = norm_len, .stem_hash = hash,
  };
}

/* The ASCII letters of text from pos on, up to 63 of them and not past
 * len: how many there are, lowered into norm (which has room for 64 bytes;
 * the bytes past the letters are garbage).  *any_lower is non-zero when
 * one of them is in lower case.  Sixteen bytes a step with SSE2, else
 * eight (SWAR: a bit per byte says "letter"), where the text has them, so
 * a word costs a step or two and one unpredictable branch rather than one
 * per letter.  Inlined even where it is called twice: a call would cost as
 * much as scanning a short word. */
SAYWHO_ALWAYS_INLINE static inline guint32
scan_letters (const char *text, guint32 pos, guint32 len, char *norm, guint64 *any_lower)
{
  enum { LONGEST = 63 };
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  guint32 limit = MIN (len, pos + LONGEST);
  guint32 n = 0;
#ifdef __SSE2__
  /* Sixteen bytes a step, a bit per byte in a mask: most words take one
   * step, and the constants stay in vector registers, which leaves the
   * general ones to the caller's loop.  The text is NUL-terminated: a load
   * may reach its NUL, not past it. */
  while (pos + n + 16 <= len + 1)
    {
      __m128i x = _mm_loadu_si128 ((const __m128i *) (const void *) (text + pos + n));
      __m128i y = _mm_or_si128 (x, _mm_set1_epi8 (0x20));  /* lowers letters, and only them into a-z */
      /* a-z are the bytes of y that land on -128 to -103 when 0x80 - 'a'
       * is added; no other byte does. */
      __m128i letter = _mm_cmplt_epi8 (_mm_add_epi8 (y, _mm_set1_epi8 (0x80 - 'a')),
                                       _mm_set1_epi8 (-128 + 26));
      _mm_storeu_si128 ((__m128i *) (void *) (norm + n), y);
      guint letters = (guint) _mm_movemask_epi8 (letter);
      /* Bit 0x20 of each byte, moved to its top bit: set in lower case. */
      guint lowers = (guint) _mm_movemask_epi8 (_mm_slli_epi16 (x, 2));
      if (letters == 0xFFFF)
        {
          *any_lower |= lowers;
          n += 16;
          if (pos + n >= limit)
            return MIN (n, limit - pos);
          continue;
        }
      guint k = (guint) __builtin_ctz (~letters);  /* letters before the first other byte */
      *any_lower |= lowers & ((1u << k) - 1);
      /* Within the limit: this step had 15 bytes or more before len, and
       * began at most 48 bytes on. */
      return n + k;
    }
#endif
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  /* The text is NUL-terminated: a load may reach its NUL, not past it. */
  while (pos + n + 8 <= len + 1)
    {
      guint64 x = saywho_load64 (text + pos + n);
      guint64 y = x | (0x20 * ones);           /* lowers letters, and only them into a-z */
      guint64 low7 = y & (0x7f * ones);
      guint64 at_least_a = low7 + (0x80 - 'a') * ones;
      guint64 past_z = low7 + (0x80 - 'z' - 1) * ones;
      guint64 letter = at_least_a & ~past_z & ~y & (0x80 * ones);
      guint64 other = ~letter & (0x80 * ones);
      memcpy (norm + n, &y, 8);
      if (other == 0)
        {
          *any_lower |= x & (0x20 * ones);
          n += 8;
          if (pos + n >= limit)
            return MIN (n, limit - pos);
          continue;
        }
      guint k = (guint) __builtin_ctzll (other) >> 3;   /* letters before the first other byte */
      guint64 before = k == 0 ? 0 : (G_GUINT64_CONSTANT (1) << (8 * k)) - 1;
      *any_lower |= x & before & (0x20 * ones);
      n += k;
      return MIN (n, limit - pos);
    }
#endif
  for (; pos + n < limit; n++)
    {
      guchar c = (guchar) text[pos + n];
      guchar lower = c | 0x20;
      if ((guchar) (lower - 'a') > 'z' - 'a')
        break;
      *any_lower |= c & 0x20;
      norm[n] = (char) lower;
    }
  return n;
}

/* Turns form, an ASCII word in capitals of two letters or more and its
 * full stop ("ST."), into its capitalized form ("St.") in place; FALSE,
 * and form unchanged, for any other form.  Titles are listed capitalized,
 * and lines in capitals write them in capitals. */
static gboolean
capitalized_form (char *form)
{
  gsize n = strlen (form);
  if (n < 3 || form[n - 1] != '.')
    return FALSE;
  for (gsize k = 0; k + 1 < n; k++)
    if (!g_ascii_isupper (form[k]))
      return FALSE;
  for (gsize k = 1; k + 1 < n; k++)
    form[k] = g_ascii_tolower (form[k]);
  return TRUE;
}

/* What follows a word's letters, for the fast path below: one space (the
 * common case), another ASCII space, one of the marks , ; : ? ! . (1 + its
 * index in plain_marks), or anything else. */
enum { AFTER_OTHER = 0, AFTER_MARK_LAST = 6, AFTER_SPACE, AFTER_BREAK };
static const guint8 after_word[256] = {
  [','] = 1, [';'] = 2, [':'] = 3, ['?'] = 4, ['!'] = 5, ['.'] = 6,
  [' '] = AFTER_SPACE,
  ['\t'] = AFTER_BREAK, ['\n'] = AFTER_BREAK, ['\v'] = AFTER_BREAK, ['\f'] = AFTER_BREAK,
  ['\r'] = AFTER_BREAK,
};
static const char *const plain_marks[] = { ",", ";", ":", "?", "!", "." };

static inline gboolean
is_ascii_letter (guchar c)
{
  return (guchar) ((c | 0x20) - 'a') <= 'z' - 'a';
}

/* The double quotation marks the fast path takes, which are their own
 * norms: " (either way), “ (opening), ” (closing). */
enum { PLAIN_QUOTE_ASCII, PLAIN_QUOTE_OPEN, PLAIN_QUOTE_CLOSE };
static const char *const plain_quotes[] = { "\"", "\xe2\x80\x9c", "\xe2\x80\x9d" };

/* The plain_quotes index + 1 of a double quotation mark at text + i, or
 * 0: the straight one, or the curly one whose last byte is `last` (kind
 * `curly`); *bytes is its length (0 for none).  The text is
 * NUL-terminated: a byte that is not the one looked for (the NUL at worst)
 * stops the reading. */
static inline guint
quote_at (const char *text, guint32 i, guchar last, guint curly, guint *bytes)
{
  if (text[i] == '"')
    {
      *bytes = 1;
      return PLAIN_QUOTE_ASCII + 1;
    }
  if ((guchar) text[i] == 0xE2 && (guchar) text[i + 1] == 0x80 && (guchar) text[i + 2] == last)
    {
      *bytes = 3;
      return curly + 1;
    }
  *bytes = 0;
  return 0;
}

/* One that may open a chunk (" “), and one that may end it (" ”). */
static inline guint
opening_quote (const char *text, guint32 i, guint *bytes)
{
  return quote_at (text, i, 0x9C, PLAIN_QUOTE_OPEN, bytes);
}

static inline guint
closing_quote (const char *text, guint32 i, guint *bytes)
{
  return quote_at (text, i, 0x9D, PLAIN_QUOTE_CLOSE, bytes);
}

static inline gboolean
is_ascii_digit (guchar c)
{
  return (guchar) (c - '0') <= 9;
}

/* What joins two runs of digits into one number (see scan_word()). */
static inline gboolean
is_number_joint (guchar c)
{
  return c == '.' || c == ',' || c == ':' || c == '/' || c == '-';
}

/* Whether a chunk at text + i may be one of the fast path's: it starts
 * with an ASCII letter or digit, a double quotation mark that may open or
 * an opening bracket. */
static inline gboolean
starts_plain_chunk (const char *text, guint32 i)
{
  guint bytes;
  return is_ascii_letter ((guchar) text[i]) || is_ascii_digit ((guchar) text[i])
         || opening_quote (text, i, &bytes) != 0 || text[i] == '(';
}

/* The ASCII digits of text from pos on, up to 63 of them and not past len:
 * how many there are, copied to norm (which has room for 64 bytes).
 * Numbers are short: a byte a step. */
static inline guint32
scan_digits (const char *text, guint32 pos, guint32 len, char *norm)
{
  enum { LONGEST = 63 };
  guint32 n = 0;
  while (n < LONGEST && pos + n < len && is_ascii_digit ((guchar) text[pos + n]))
    {
      norm[n] = text[pos + n];
      n++;
    }
  return n;
}

/* The abbreviation that the word of n letters at text (n >= 2) and the
 * full stop after it may be under the general rules (match_abbreviation(),
 * which, for a word with one full stop, has this one form to look up): its
 * AbbrevClass + 1 ("Inc.", "Sept.", and titles in capitals, "GEN.", as
 * ABBREV_TITLE), or 0 where the stop is a token of its own.  An
 * ABBREV_NUMERIC one also depends on what follows.  Out of line: few
 * words end a sentence, and its buffer would cost the fast path's loop
 * registers. */
static G_GNUC_NO_INLINE guint
plain_word_abbreviation (const Scan *s, const char *text, guint32 n, gboolean capitals)
{
  char form[64 + 2];
  memcpy (form, text, n);
  form[n] = '.';
  form[n + 1] = '\0';
  guint32 klass;
  if (saywho_strmap_lookup (s->tk->abbreviation_forms, form, saywho_str_hash (form, n + 1),
                            &klass))
    return klass + 1;
  if (capitals && capitalized_form (form)
      && saywho_strmap_lookup (s->tk->abbreviation_forms, form,
                               saywho_str_hash (form, n + 1), &klass)
      && klass == ABBREV_TITLE)
    return ABBREV_TITLE + 1;
  return 0;
}

/* Writes the token of double quotation mark `quote` (a plain_quotes index
 * + 1) at tok: bytes [at, at + bytes), one character. */
static inline void
put_plain_quote (const Scan *s, SaywhoToken *tok, guint quote, guint32 at, guint bytes,
                 guint32 char_at, guint flags)
{
  guint32 hash = s->tk->quote_hashes[quote - 1];
  tok->byte_start = at;
  tok->byte_end = at + bytes;
  tok->char_start = char_at;
  tok->char_end = char_at + 1;
  tok->sentence = 0;
  tok->paragraph = 0;
  tok->kind = SAYWHO_TOKEN_QUOTE;
  tok->flags = (guint16) (flags | SAYWHO_TOKEN_QUOTE_DOUBLE);
  tok->norm_len = bytes;
  tok->norm = plain_quotes[quote - 1];
  tok->stem = NULL;
  tok->norm_hash = hash;
  tok->stem_hash = hash;
  tok->stem_len = bytes;
}

/* Where a run of the fast path has got to (see emit_plain_words()). */
typedef struct {
  SaywhoToken *tok;            /* the next token (there is room for a chunk's) */
  SaywhoToken *tok_end;        /* the end of the room for tokens */
  char *room;                  /* the pool's free bytes (room for a chunk's norm) */
  char *room_end;              /* and their end */
  /* Bytes and characters go together but for the quotation marks and
   * apostrophes of three bytes: a character's offset is its byte's plus
   * char_shift (modulo 2^32), which each of those lowers by two. */
  guint32 char_shift;
  gint open_double;            /* as in Scan, for the run */
} PlainRun;

/* Longer words take the general rules; the room a chunk of the fast path
 * may need for its norms (one word's, lowered sixteen bytes at a time),
 * and for its tokens (a quotation mark, a bracket, a word, 's, a bracket,
 * a mark, a quotation mark).  A hyphenated word's further parts need as
 * much again each, which the chunk checks for itself. */
enum { PLAIN_LONGEST = 63, PLAIN_ROOM = PLAIN_LONGEST + 1, PLAIN_TOKENS = 7 };

/* Writes the token of a punctuation mark of one byte at `at`, whose norm
 * is norm, a string that outlives the document. */
static inline void
put_plain_mark (SaywhoToken *tok, guint32 at, guint32 char_shift, const char *norm,
                guint32 hash, guint flags)
{
  tok->byte_start = at;
  tok->byte_end = at + 1;
  tok->char_start = at + char_shift;
  tok->char_end = at + 1 + char_shift;
  tok->sentence = 0;
  tok->paragraph = 0;
  tok->kind = SAYWHO_TOKEN_PUNCT;
  tok->flags = (guint16) flags;
  tok->norm_len = 1;
  tok->norm = norm;
  tok->stem = NULL;
  tok->norm_hash = hash;
  tok->stem_hash = hash;
  tok->stem_len = 1;
}

/* The parts of a hyphenated word the fast path takes (state-run,
 * Export-Import, weaker-than-expected): more go to the general rules. */
enum { PLAIN_PARTS = 4 };

/* Writes the token of a word of the fast path's: bytes [at, at + n), all
 * ASCII letters or all digits, its norm at norm. */
static inline void
put_plain_word (SaywhoToken *tok, SaywhoTokenKind kind, guint32 at, guint32 n,
                guint32 char_shift, const char *norm, guint flags)
{
  guint32 hash = saywho_str_hash (norm, n);
  tok->byte_start = at;
  tok->byte_end = at + n;
  tok->char_start = at + char_shift;
  tok->char_end = at + n + char_shift;
  tok->sentence = 0;
  tok->paragraph = 0;
  tok->kind = (guint16) kind;
  tok->flags = (guint16) flags;
  tok->norm_len = n;
  tok->norm = norm;
  tok->stem = NULL;
  tok->norm_hash = hash;
  tok->stem_hash = hash;
  tok->stem_len = n;
}

/* One chunk of the fast path's other than a word and a space, at pos (a
 * chunk's start, starts_plain_chunk()): [" or “] [(] a word or a number
 * ['s or ’s] [)] [, ; : ? ! .] [" or ”], then ASCII whitespace or the end,
 * where the word may be up to PLAIN_PARTS runs of letters joined by single
 * hyphens, each hyphen a token of its own (state-run: state, -, run), and
 * the number runs of digits joined by . , : / or - (3.5, 2015-09-14), with
 * %, a token of its own, in the place of 's (3.5%); a word and the full
 * stop after it are one token where they are an abbreviation (Inc.).  The
 * general rules split it so (the quotation marks open and close as the
 * general rules find them to at a chunk's ends).  The run has room for its
 * norm and its tokens.  Returns where the next token may start, after one
 * space (*spaced) if there is one, or G_MAXUINT32, with nothing written,
 * where the chunk needs the general rules.  Made twice from one body:
 * emit_plain_chunk() for chunks of one word, emit_plain_hyphenated() for
 * hyphenated words (few), which the first hands over to, so that the loop
 * over their parts costs the others nothing. */
static guint32 emit_plain_hyphenated (Scan *s, PlainRun *run, guint32 pos, gboolean *spaced);

SAYWHO_ALWAYS_INLINE static inline guint32
emit_plain_chunk_with (Scan *s, PlainRun *run, guint32 pos, gboolean *spaced,
                       gboolean hyphens)
{
  const char *text = s->doc->text;
  guint32 len = (guint32) s->doc->length;

  /* What the chunk is made of, before anything is written. */
  guint open_bytes = 0, open = 0;
  gboolean open_paren = FALSE;
  guint32 word = pos;
  if (!is_ascii_letter ((guchar) text[pos]) && !is_ascii_digit ((guchar) text[pos]))
    {
      open = opening_quote (text, pos, &open_bytes);
      word += open_bytes;
      open_paren = text[word] == '(';
      word += open_paren;
      if (open == 0 && !open_paren)
        return G_MAXUINT32;
    }
  char *norm = run->room;
  guint64 any_lower = 0;
  guint32 n;
  gboolean number = FALSE;
  if (is_ascii_letter ((guchar) text[word]))
    n = scan_letters (text, word, len, norm, &any_lower);
  else if (is_ascii_digit ((guchar) text[word]))
    {
      n = scan_digits (text, word, len, norm);
      number = TRUE;
      /* . , : / and - between digits join them (3.5, 1,200, 11:05, 9/11,
       * 2015-09-14: see scan_word()); the text is NUL-terminated, so the
       * byte after a joint may be read. */
      while (n + 1 < PLAIN_LONGEST && is_number_joint ((guchar) text[word + n])
             && is_ascii_digit ((guchar) text[word + n + 1]))
        {
          norm[n] = text[word + n];
          n++;
          while (n < PLAIN_LONGEST && is_ascii_digit ((guchar) text[word + n]))
            {
              norm[n] = text[word + n];
              n++;
            }
        }
    }
  else
    return G_MAXUINT32;
  guint32 end = word + n;
  if (n == PLAIN_LONGEST)
    return G_MAXUINT32;
  /* A hyphen between letters splits (see scan_word()): the parts of
   * state-run are words of their own, each checked like the first, their
   * norms one after another in the pool.  Each further part needs the
   * room of a word for its norm, and two more tokens; where they are not
   * there, or after PLAIN_PARTS parts, the hyphen left after the last
   * part sends the chunk to the general rules below. */
  guint parts = 1;
  guint32 part_start[PLAIN_PARTS], part_len[PLAIN_PARTS];
  guint64 part_lower[PLAIN_PARTS];
  char *last_norm = norm;
  part_start[0] = word;
  part_len[0] = n;
  part_lower[0] = any_lower;
  if (!hyphens && !number && text[end] == '-' && is_ascii_letter ((guchar) text[end + 1]))
    return emit_plain_hyphenated (s, run, pos, spaced);
  while (hyphens && !number && text[end] == '-' && is_ascii_letter ((guchar) text[end + 1])
         && parts < PLAIN_PARTS
         && (gsize) (run->room_end - (last_norm + n + 1)) >= PLAIN_ROOM
         && run->tok_end - run->tok >= PLAIN_TOKENS + 2 * (gssize) parts)
    {
      last_norm += n + 1;
      any_lower = 0;
      guint32 start = end + 1;
      n = scan_letters (text, start, len, last_norm, &any_lower);
      if (n == PLAIN_LONGEST)
        return G_MAXUINT32;
      part_start[parts] = start;
      part_len[parts] = n;
      part_lower[parts] = any_lower;
      parts++;
      end = start + n;
    }
  guint32 tail = end;    /* after the word, its 's and its mark */
  guint32 next = end;    /* where the next token may start */
  guint possessive_bytes = 0, mark = 0, close = 0, close_bytes = 0;
  guint abbreviation = 0;  /* the last word's AbbrevClass + 1, with the stop after it */
  gboolean percent = FALSE, close_paren = FALSE;
  guint space_flags = 0;
  if (text[end] == ' ')
    space_flags = SAYWHO_TOKEN_SPACE_AFTER;
  else
    {
      /* 's or ’s, then no letter or digit (a possessive, split off by the
       * general rules; the text is NUL-terminated, and a byte that is not
       * the one looked for stops the reading); or, after a number, % (a
       * token of its own, 3.5%) */
      guchar c = (guchar) text[end];
      if (number && c == '%')
        {
          percent = TRUE;
          tail++;
        }
      else if (c == '\''
               || (c == 0xE2 && (guchar) text[end + 1] == 0x80 && (guchar) text[end + 2] == 0x99))
        {
          guint apostrophe = c == '\'' ? 1 : 3;
          if ((text[end + apostrophe] | 0x20) != 's')
            return G_MAXUINT32;
          possessive_bytes = apostrophe + 1;
          tail += possessive_bytes;
        }
      close_paren = text[tail] == ')';
      tail += close_paren;
      mark = after_word[(guchar) text[tail]];
      if (mark != 0 && mark <= AFTER_MARK_LAST)
        tail++;
      else
        mark = 0;
      close = closing_quote (text, tail, &close_bytes);
      next = tail + close_bytes;
      guint follow = after_word[(guchar) text[next]];
      if (follow == AFTER_SPACE)
        space_flags = SAYWHO_TOKEN_SPACE_AFTER;
      else if (follow != AFTER_BREAK && next < len)
        return G_MAXUINT32;
      /* AFTER_BREAK, or the end: the main loop takes what follows. */
      /* A full stop after a word: the word and the stop may be an
       * abbreviation, one token; a single letter and its stop (J., a.)
       * and one that depends on the number after it (No. 10) take the
       * general rules. */
      if (mark == 6 && !number && possessive_bytes == 0 && !close_paren)
        {
          if (n < 2)
            return G_MAXUINT32;
          abbreviation = plain_word_abbreviation (s, text + end - n, n, any_lower == 0);
          if (abbreviation == ABBREV_NUMERIC + 1)
            return G_MAXUINT32;
          if (abbreviation != 0)
            mark = 0;  /* the stop is the abbreviation's */
        }
    }

  /* The last word's norm, and the abbreviation's full stop. */
  guint32 last_len = n;
  if (abbreviation != 0)
    last_norm[last_len++] = '.';
  last_norm[last_len] = '\0';
  run->room = last_norm + last_len + 1;
  SaywhoToken *tok = run->tok;
  guint32 char_shift = run->char_shift;
  guint flags = 0;
  if (open != 0)
    {
      put_plain_quote (s, tok++, open, pos, open_bytes, pos + char_shift,
                       flags | SAYWHO_TOKEN_QUOTE_OPEN);
      run->open_double++;
      char_shift -= open_bytes - 1;
      flags = 0;
    }
  if (open_paren)
    put_plain_mark (tok++, word - 1, char_shift, "(", s->tk->paren_hashes[0], 0);
  if (number)
    put_plain_word (tok++, SAYWHO_TOKEN_NUMBER, word, n, char_shift, norm, flags);
  else
    for (guint k = 0; k < parts; k++)
      {
        guint32 at = part_start[k], part_n = part_len[k];
        if ((guchar) text[at] < 'a')
          flags |= SAYWHO_TOKEN_CAPITALIZED;
        if (part_n >= 2 && part_lower[k] == 0)
          flags |= SAYWHO_TOKEN_ALL_CAPS;
        if (k + 1 == parts)
          {
            if (abbreviation == 0)
              put_plain_word (tok++, SAYWHO_TOKEN_WORD, at, part_n, char_shift, norm, flags);
            else
              put_plain_word (tok++, SAYWHO_TOKEN_ABBREVIATION, at, last_len, char_shift, norm,
                              flags
                              | (abbreviation == ABBREV_TITLE + 1 ? SAYWHO_TOKEN_ABBREV_TITLE
                                                                  : 0));
            break;
          }
        norm[part_n] = '\0';
        put_plain_word (tok++, SAYWHO_TOKEN_WORD, at, part_n, char_shift, norm, flags);
        norm += part_n + 1;
        flags = 0;
        put_plain_mark (tok++, at + part_n, char_shift, "-", s->tk->hyphen_hash, 0);
      }
  guint32 after = end;  /* where the next of the chunk's tokens starts */
  if (percent)
    put_plain_mark (tok++, after++, char_shift, "%", s->tk->percent_hash, 0);
  if (possessive_bytes != 0)
    {
      /* Its norm is "'s", whatever its apostrophe and its case. */
      guint32 possessive_hash = s->tk->possessive_hash;
      tok->byte_start = after;
      tok->byte_end = after + possessive_bytes;
      tok->char_start = after + char_shift;
      tok->char_end = after + char_shift + 2;
      tok->sentence = 0;
      tok->paragraph = 0;
      tok->kind = SAYWHO_TOKEN_POSSESSIVE;
      tok->flags = (guint16) (text[after + possessive_bytes - 1] == 'S'
                                ? SAYWHO_TOKEN_CAPITALIZED : 0);
      tok->norm_len = 2;
      tok->norm = "'s";
      tok->stem = NULL;
      tok->norm_hash = possessive_hash;
      tok->stem_hash = possessive_hash;
      tok->stem_len = 2;
      tok++;
      char_shift -= possessive_bytes - 2;
      after += possessive_bytes;
    }
  if (close_paren)
    put_plain_mark (tok++, after++, char_shift, ")", s->tk->paren_hashes[1], 0);
  if (mark != 0)
    put_plain_mark (tok++, after, char_shift, plain_marks[mark - 1],
                    s->tk->mark_hashes[mark - 1], 0);
  if (close != 0)
    {
      put_plain_quote (s, tok++, close, tail, close_bytes, tail + char_shift,
                       SAYWHO_TOKEN_QUOTE_CLOSE);
      if (run->open_double > 0)
        run->open_double--;
      char_shift -= close_bytes - 1;
    }
  /* The space goes with the chunk's last token. */
  tok[-1].flags |= (guint16) space_flags;
  run->tok = tok;
  run->char_shift = char_shift;
  *spaced = space_flags != 0;
  return next + (space_flags != 0);
}

/* Out of line: they would cost the loop of words and spaces its
 * registers. */
static G_GNUC_NO_INLINE guint32
emit_plain_chunk (Scan *s, PlainRun *run, guint32 pos, gboolean *spaced)
{
  return emit_plain_chunk_with (s, run, pos, spaced, FALSE);
}

static G_GNUC_NO_INLINE guint32
emit_plain_hyphenated (Scan *s, PlainRun *run, guint32 pos, gboolean *spaced)
{
  return emit_plain_chunk_with (s, run, pos, spaced, TRUE);
}

/* The common cases, without decoding: runs of chunks that are ASCII
 * letters alone, or with one , ; : ? ! or . after them, each followed by
 * ASCII whitespace or the end; the same with 's after them, hyphenated,
 * between double quotation marks or brackets; abbreviations of one word;
 * and numbers likewise (see emit_plain_chunk()).  Chunks one space apart
 * (most of a news text) are taken in one loop rather than one trip through
 * the main loop for the chunk and one for its space, and a word with a
 * space after it (most chunks) in a few instructions.  Returns where it
 * stopped, with *chars moved along: after a chunk followed by other
 * whitespace, or, with *general set, at a chunk that needs the general
 * rules.  pos is at the start of a chunk (starts_plain_chunk()). */
static guint32
emit_plain_words (Scan *s, guint32 pos, guint32 *chars_io, gboolean *general)
{
  enum { LONGEST = PLAIN_LONGEST };
  /* Everything the loop reads and writes is in locals, written back when
   * it ends: the build allows any store to alias anything, so fields read
   * through s or doc would be read again after every store of a token. */
  SaywhoDocument *doc = s->doc;
  SaywhoStringPool *pool = &doc->strings;
  const char *text = doc->text;
  guint32 len = (guint32) doc->length;
  guint32 char_shift = *chars_io - pos;
  SaywhoToken *tok = s->tokens + s->ntokens;
  SaywhoToken *tok_end = s->tokens + s->captokens;
  char *room = pool->next, *room_end = pool->end;
  gboolean stopped_at_general = TRUE;

  for (;;)
    {
      /* Room for a chunk's norms and tokens. */
      if (G_UNLIKELY ((gsize) (room_end - room) < PLAIN_ROOM))
        {
          pool->next = room;
          saywho_string_pool_reserve (pool, PLAIN_ROOM);
          room = pool->next;
          room_end = pool->end;
        }
      if (G_UNLIKELY (tok_end - tok < PLAIN_TOKENS))
        {
          guint ntokens = (guint) (tok - s->tokens);
          s->captokens = MAX (64, s->captokens * 2);
          g_array_set_size (doc->tokens, s->captokens);
          s->tokens = (SaywhoToken *) (void *) doc->tokens->data;
          tok = s->tokens + ntokens;
          tok_end = s->tokens + s->captokens;
        }
      if (is_ascii_letter ((guchar) text[pos]))
        {
          /* A word with a space after it: most chunks. */
          char *norm = room;
          guint64 any_lower = 0;
          guint32 n = scan_letters (text, pos, len, norm, &any_lower);
          guint32 end = pos + n;
          if (text[end] == ' ' && n != LONGEST)
            {
              norm[n] = '\0';
              room += n + 1;
              guint32 hash = saywho_str_hash (norm, n);
              guint flags = SAYWHO_TOKEN_SPACE_AFTER;
              if ((guchar) text[pos] < 'a')
                flags |= SAYWHO_TOKEN_CAPITALIZED;
              if (n >= 2 && any_lower == 0)
                flags |= SAYWHO_TOKEN_ALL_CAPS;
              /* Field by field: an initializer would zero the token first.
               * (What put_plain_word() does, written out: through it this
               * loop cost 3% more instructions, the hash computed ahead of
               * the flags keeping one more value live.) */
              tok->byte_start = pos;
              tok->byte_end = end;
              tok->char_start = pos + char_shift;
              tok->char_end = end + char_shift;
              tok->sentence = 0;
              tok->paragraph = 0;
              tok->kind = SAYWHO_TOKEN_WORD;
              tok->flags = (guint16) flags;
              tok->norm_len = n;
              tok->norm = norm;
              tok->stem = NULL;
              tok->norm_hash = hash;
              tok->stem_hash = hash;
              tok->stem_len = n;
              tok++;
              pos = end + 1;
              if (!starts_plain_chunk (text, pos))
                {
                  stopped_at_general = FALSE;
                  break;
                }
              continue;
            }
        }
      /* Any other chunk of the fast path's. */
      PlainRun run = { tok, tok_end, room, room_end, char_shift, s->open_double };
      gboolean spaced;
      guint32 next = emit_plain_chunk (s, &run, pos, &spaced);
      if (next == G_MAXUINT32)
        break;
      tok = run.tok;
      room = run.room;
      char_shift = run.char_shift;
      s->open_double = run.open_double;
      pos = next;
      if (!spaced || !starts_plain_chunk (text, pos))
        {
          stopped_at_general = FALSE;
          break;
        }
    }
  guint ntokens = (guint) (tok - s->tokens);
  if (ntokens != s->ntokens && s->pending_newlines > 0)
    {
      /* Only the run's first token can follow a line break: its flags
       * are set here rather than carried through the loop. */
      s->tokens[s->ntokens].flags |= SAYWHO_TOKEN_NEWLINE_BEFORE
                                     | (s->pending_newlines > 1 ? SAYWHO_TOKEN_BLANK_BEFORE : 0);
      s->pending_newlines = 0;
    }
  s->ntokens = ntokens;
  pool->next = room;
  *chars_io = pos + char_shift;
  *general = stopped_at_general;
  return pos;
}

/* ---- the rules ----------------------------------------------------------- */

static gboolean
ascii_prefix_ci (const Scan *s, guint i, const char *prefix)
{
  for (guint k = 0; prefix[k] != '\0'; k++)
    if (i + k >= s->n || s->c[i + k].cp >= 0x80
        || (s->c[i + k].cp | (g_ascii_isalpha ((char) s->c[i + k].cp) ? 0x20 : 0)) != (guint32) prefix[k])
      return FALSE;
  return TRUE;
}

/* Trailing characters that end a sentence or a clause, not a URL or address. */
static gboolean
is_trailing_punct (guint32 cp)
{
  return cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?'
         || cp == '"' || cp == '\'' || cp == 0x2019 || cp == 0x201D || cp == ']'
         || cp == '>' || cp == '}' || cp == 0x00BB;
}

/* A URL starting at i: returns its end, or i when there is none. */
static guint
match_url (const Scan *s, guint i)
{
  guint32 first = s->c[i].cp | 0x20;
  if (first != 'h' && first != 'w')
    return i;
  if (i > 0 && is_word (s->c[i - 1].cp))
    return i;
  if (!ascii_prefix_ci (s, i, "http://") && !ascii_prefix_ci (s, i, "https://")
      && !ascii_prefix_ci (s, i, "www."))
    return i;
  guint end = s->n;
  for (;;)
    {
      if (end <= i + 4)
        return i;
      guint32 last = s->c[end - 1].cp;
      if (is_trailing_punct (last))
        {
          end--;
          continue;
        }
      if (last == ')')
        {
          /* Keep a closing bracket the URL itself opened (wiki links). */
          gint depth = 0;
          for (guint k = i; k < end; k++)
            depth += (s->c[k].cp == '(') - (s->c[k].cp == ')');
          if (depth < 0)
            {
              end--;
              continue;
            }
        }
      return end;
    }
}

static inline gboolean
is_email_local (guint32 cp)
{
  return cp < 0x80 && (g_ascii_isalnum ((char) cp) || strchr ("._%+-", (int) cp) != NULL);
}

/* An e-mail address starting at i: returns its end, or i. */
static guint
match_email (const Scan *s, guint i)
{
  guint at = i;
  while (at < s->n && is_email_local (s->c[at].cp))
    at++;
  if (at == i || at >= s->n || s->c[at].cp != '@')
    return i;
  guint end = at + 1;
  while (end < s->n && s->c[end].cp < 0x80
         && (g_ascii_isalnum ((char) s->c[end].cp) || s->c[end].cp == '.'
             || s->c[end].cp == '-'))
    end++;
  while (end > at + 1 && (s->c[end - 1].cp == '.' || s->c[end - 1].cp == '-'))
    end--;
  /* The domain needs a dot followed by a top-level part of two letters. */
  guint dot = end;
  while (dot > at + 1 && s->c[dot - 1].cp != '.')
    dot--;
  if (dot <= at + 2 || end - dot < 2)
    return i;
  for (guint k = dot; k < end; k++)
    if (!g_ascii_isalpha ((char) s->c[k].cp))
      return i;
  return end;
}

/* The next non-space character of the text after byte offset `byte`. */
static guint32
next_char_after (const Scan *s, guint32 byte)
{
  const char *p = s->doc->text + byte;
  const char *end = s->doc->text + s->doc->length;
  while (p < end)
    {
      utf8proc_int32_t cp;
      utf8proc_ssize_t len = utf8proc_iterate ((const utf8proc_uint8_t *) p, end - p, &cp);
      if (len <= 0)
        return 0;
      if (!is_space ((guint32) cp))
        return (guint32) cp;
      p += len;
    }
  return 0;
}

/* An abbreviation starting at i: its end (after its full stop), or i. */
static guint
match_abbreviation (const Scan *s, guint i, gboolean *title)
{
  *title = FALSE;
  if (!is_alpha (s->c[i].cp))
    return i;
  /* Every abbreviation has a full stop right after its first letters. */
  guint stop = i + 1;
  while (stop < s->n && is_alpha (s->c[stop].cp))
    stop++;
  if (stop >= s->n || s->c[stop].cp != '.')
    return i;
  guint limit = i;
  while (limit < s->n && limit - i < s->tk->longest + 1
         && (is_alpha (s->c[limit].cp) || s->c[limit].cp == '.'))
    limit++;

  for (guint end = limit; end > i + 1; end--)
    {
      if (s->c[end - 1].cp != '.')
        continue;
      if (end < s->n && is_word (s->c[end].cp))
        continue;
      /* Single letters with full stops: U.S., D.C., a.m., J. */
      gboolean letter_dots = TRUE;
      for (guint k = i; k < end; k += 2)
        if (k + 1 >= end || !is_alpha (s->c[k].cp) || s->c[k + 1].cp != '.')
          {
            letter_dots = FALSE;
            break;
          }
      if (letter_dots && (end - i > 2 || is_upper (s->c[i].cp)))
        return end;

      gsize len = s->c[end].byte - s->c[i].byte;
      g_autofree char *form = g_strndup (s->doc->text + s->c[i].byte, len);
      gpointer value = g_hash_table_lookup (s->tk->abbreviations, form);
      gboolean capitals = FALSE;
      if (value == NULL && capitalized_form (form))
        {
          /* "ST. LOUIS", "GEN. SMITH": a title in a line in capitals */
          value = g_hash_table_lookup (s->tk->abbreviations, form);
          capitals = TRUE;
        }
      if (value == NULL)
        continue;
      AbbrevClass klass = (AbbrevClass) (GPOINTER_TO_UINT (value) - 1);
      if (capitals && klass != ABBREV_TITLE)
        continue;
      if (klass == ABBREV_NUMERIC && !is_digit (next_char_after (s, s->c[end].byte)))
        continue;
      *title = klass == ABBREV_TITLE;
      return end;
    }
  return i;
}

/* The end of the word or number starting at i (see the rules on top). */
static guint
scan_word (const Scan *s, guint i)
{
  guint j = i;
  guint segment = i;  /* start of the part after the last connector */
  for (;;)
    {
      while (j < s->n && is_word (s->c[j].cp))
        j++;
      if (j + 1 >= s->n || j == i || !is_word (s->c[j + 1].cp))
        return j;
      guint32 x = s->c[j].cp, left = s->c[j - 1].cp, right = s->c[j + 1].cp;
      gboolean join = FALSE;
      if (is_apostrophe (x) && is_alpha (left) && is_alpha (right))
        {
          /* A final 's is the possessive, split off; we'll, don't, O'Brien stay. */
          gboolean final_s = (right == 's' || right == 'S')
                             && (j + 2 >= s->n || !is_word (s->c[j + 2].cp));
          join = !final_s;
        }
      else if ((x == '.' || x == ',' || x == ':' || x == '/') && is_digit (left)
               && is_digit (right))
        join = TRUE;
      else if (is_hyphen (x))
        {
          if (is_digit (left) && is_digit (right))
            join = TRUE;
          else if (is_digit (right) && j - segment <= 5)
            {
              /* F-16, COVID-19, G-20, MH-17: a short code of capitals. */
              join = TRUE;
              for (guint k = segment; k < j; k++)
                if (!is_upper (s->c[k].cp))
                  join = FALSE;
            }
        }
      if (!join)
        return j;
      j++;
      segment = j;
    }
}

/* A word with one or two plus signs that belong to it: OPEC+, C++. */
static guint
plus_suffix (const Scan *s, guint i, guint end)
{
  guint k = end;
  while (k < s->n && k - end < 2 && s->c[k].cp == '+')
    k++;
  if (k == end || (k < s->n && (is_word (s->c[k].cp) || s->c[k].cp == '+')) || end == i)
    return end;
  return k;
}

/* Decides the direction of a quotation mark that does not state one, from
 * what surrounds it in its chunk and, where that says nothing, from whether
 * a mark of its kind is open on this line. */
static gboolean
opens_here (const Scan *s, guint i, gboolean is_double)
{
  gboolean nothing_open = is_double ? s->open_double <= 0 : s->open_single <= 0;
  if (i == 0)
    return s->n > 1 ? TRUE : nothing_open;   /* "Hello, or a lone mark */
  if (i + 1 == s->n)
    return FALSE;                             /* hello" */
  guint32 prev = s->c[i - 1].cp, next = s->c[i + 1].cp;
  gboolean unused;
  if (prev == '(' || prev == '[' || prev == '{' || prev == 0x2014 || prev == 0x2013
      || is_hyphen (prev) || prev == '/'
      || (quote_mark (prev, &unused) != QUOTE_NONE && !is_word (s->c[i - 1].cp)
          && i == 1))
    return TRUE;                              /* ("Hello, —'Hello, "'Hello */
  if (!is_word (next) && quote_mark (next, &unused) == QUOTE_NONE)
    return FALSE;                             /* hello"), hello", */
  return nothing_open;                        /* hello"world: guess */
}

static guint
scan_quote (Scan *s, guint i)
{
  gboolean is_double;
  QuoteDirection dir = quote_mark (s->c[i].cp, &is_double);
  guint flags = is_double ? SAYWHO_TOKEN_QUOTE_DOUBLE : SAYWHO_TOKEN_QUOTE_SINGLE;

  if (!is_double && is_apostrophe (s->c[i].cp) && i + 2 < s->n && is_digit (s->c[i + 1].cp)
      && is_digit (s->c[i + 2].cp) && (i == 0 || !is_word (s->c[i - 1].cp)))
    {
      /* ’90s, '08: an elided century, part of the number. */
      guint end = scan_word (s, i + 1);
      if (end == i + 3 || (end == i + 4 && s->c[i + 3].cp == 's'))
        {
          emit (s, SAYWHO_TOKEN_NUMBER, i, end, 0);
          return end;
        }
    }

  if (dir == QUOTE_EITHER)
    dir = opens_here (s, i, is_double) ? QUOTE_OPEN : QUOTE_CLOSE;
  gint *open = is_double ? &s->open_double : &s->open_single;
  if (dir == QUOTE_OPEN)
    {
      flags |= SAYWHO_TOKEN_QUOTE_OPEN;
      (*open)++;
    }
  else
    {
      flags |= SAYWHO_TOKEN_QUOTE_CLOSE;
      if (*open > 0)
        (*open)--;
    }
  emit (s, SAYWHO_TOKEN_QUOTE, i, i + 1, flags);
  return i + 1;
}

static SaywhoTokenKind
punct_or_symbol (guint32 cp)
{
  utf8proc_category_t cat = utf8proc_category ((utf8proc_int32_t) cp);
  return cat >= UTF8PROC_CATEGORY_SM && cat <= UTF8PROC_CATEGORY_SO
           ? SAYWHO_TOKEN_SYMBOL
           : SAYWHO_TOKEN_PUNCT;
}

static gboolean
is_sentence_punct (guint32 cp)
{
  return cp == '.' || cp == '!' || cp == '?';
}

static void
scan_chunk (Scan *s)
{
  gboolean has_at = s->has_at;
  guint i = 0;
  while (i < s->n)
    {
      guint32 cp = s->c[i].cp;
      guint end;

      if ((end = match_url (s, i)) > i)
        {
          emit (s, SAYWHO_TOKEN_URL, i, end, 0);
          i = end;
          continue;
        }
      if (has_at && (i == 0 || !is_email_local (s->c[i - 1].cp))
          && (end = match_email (s, i)) > i)
        {
          emit (s, SAYWHO_TOKEN_EMAIL, i, end, 0);
          i = end;
          continue;
        }
      if (is_word (cp))
        {
          gboolean title;
          if ((end = match_abbreviation (s, i, &title)) > i)
            {
              emit (s, SAYWHO_TOKEN_ABBREVIATION, i, end,
                    title ? SAYWHO_TOKEN_ABBREV_TITLE : 0);
              i = end;
              continue;
            }
          end = plus_suffix (s, i, scan_word (s, i));
          emit (s, is_digit (cp) ? SAYWHO_TOKEN_NUMBER : SAYWHO_TOKEN_WORD, i, end, 0);
          i = end;
          /* Possessive: Xi's, Xi’s, officials' (when no single quote is open). */
          if (i < s->n && is_apostrophe (s->c[i].cp))
            {
              if (i + 1 < s->n && (s->c[i + 1].cp == 's' || s->c[i + 1].cp == 'S')
                  && (i + 2 >= s->n || !is_word (s->c[i + 2].cp)))
                {
                  emit (s, SAYWHO_TOKEN_POSSESSIVE, i, i + 2, 0);
                  i += 2;
                }
              else if ((s->c[i - 1].cp == 's' || s->c[i - 1].cp == 'S')
                       && s->open_single <= 0
                       && (i + 1 >= s->n || !is_word (s->c[i + 1].cp)))
                {
                  emit (s, SAYWHO_TOKEN_POSSESSIVE, i, i + 1, 0);
                  i += 1;
                }
            }
          continue;
        }
      gboolean is_double;
      if (quote_mark (cp, &is_double) != QUOTE_NONE)
        {
          i = scan_quote (s, i);
          continue;
        }
      if ((cp == '@' || cp == '#') && i + 1 < s->n && is_alpha (s->c[i + 1].cp)
          && (i == 0 || !is_word (s->c[i - 1].cp)))
        {
          /* @handle, #hashtag */
          end = scan_word (s, i + 1);
          emit (s, SAYWHO_TOKEN_WORD, i, end, 0);
          i = end;
          continue;
        }
      end = i + 1;
      if (is_sentence_punct (cp))
        while (end < s->n && is_sentence_punct (s->c[end].cp))
          end++;
      else if (cp == '-')
        while (end < s->n && s->c[end].cp == '-')
          end++;
      emit (s, punct_or_symbol (cp), i, end, 0);
      i = end;
    }
}

/* The code point at text + pos that is not ASCII (or is a NUL) into *cp
 * and its length into *cplen; FALSE where the text is not valid UTF-8
 * there, or holds a NUL. */
static gboolean
decode_wide (const guchar *text, guint32 pos, guint32 len, guint32 *cp, guint32 *cplen)
{
  utf8proc_int32_t wide;
  utf8proc_ssize_t n = utf8proc_iterate (text + pos, len - pos, &wide);
  if (n <= 0 || wide == 0)
    return FALSE;
  *cp = (guint32) wide;
  *cplen = (guint32) n;
  return TRUE;
}

static gboolean
tokenize_process (gpointer shared, gpointer worker_data, SaywhoDocument *doc, GError **error)
{
  TokenizerWorker *worker = worker_data;
  /* (a worker set to the general rules alone, for tests, has no fold
   * table and takes no chunk on the fast path) */
  Scan s = { .tk = shared, .doc = doc, .scratch = worker->scratch,
             .fold = worker->general_only ? NULL : worker->fold };

  if (doc->length >= G_MAXUINT32)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT, "larger than 4 GiB");
      return FALSE;
    }
  s.captokens = (guint) MIN (doc->length / 4 + 16, G_MAXUINT / 2);
  g_array_set_size (doc->tokens, s.captokens);
  s.tokens = (SaywhoToken *) (void *) doc->tokens->data;

  const guchar *text = (const guchar *) doc->text;
  guint32 pos = 0, chars = 0, len = (guint32) doc->length;
  while (pos < len)
    {
      guint32 cp = text[pos];
      guint32 cplen = 1;
      if (starts_plain_chunk ((const char *) text, pos) && G_LIKELY (s.fold != NULL))
        {
          gboolean general;
          pos = emit_plain_words (&s, pos, &chars, &general);
          if (!general)
            continue;
        }
      else
        {
          if ((cp >= 0x80 || cp == 0) && !decode_wide (text, pos, len, &cp, &cplen))
            goto invalid;
          if (cp == ' ')
            {
              if (s.ntokens > 0)
                s.tokens[s.ntokens - 1].flags |= SAYWHO_TOKEN_SPACE_AFTER;
              pos++;
              chars++;
              continue;
            }
          if (is_space (cp))
            {
              /* \r\n counts once; a lone \r, U+2028 and U+2029 are line breaks too. */
              if (cp == '\n' || cp == 0x2028
                  || (cp == '\r' && (pos + 1 >= len || text[pos + 1] != '\n')))
                s.pending_newlines++;
              else if (cp == 0x2029)
                s.pending_newlines += 2;
              if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029)
                s.open_double = s.open_single = 0;
              if (s.ntokens > 0 && cp != 0xFEFF)
                s.tokens[s.ntokens - 1].flags |= SAYWHO_TOKEN_SPACE_AFTER;
              pos += cplen;
              chars++;
              continue;
            }
        }

      /* Decode the chunk up to the next space. */
      guint n = 0;
      guint32 chunk_chars = chars;
      while (pos < len)
        {
          cp = text[pos];
          cplen = 1;
          if ((cp >= 0x80 || cp == 0) && !decode_wide (text, pos, len, &cp, &cplen))
            goto invalid;
          if (is_space (cp))
            break;
          if (n + 1 >= worker->capacity)
            {
              worker->capacity *= 2;
              worker->chunk = g_renew (CodePoint, worker->chunk, worker->capacity);
            }
          worker->chunk[n++] = (CodePoint) { cp, pos };
          pos += cplen;
          chars++;
        }
      worker->chunk[n] = (CodePoint) { ' ', pos };

      s.c = worker->chunk;
      s.n = n;
      s.has_at = memchr (text + worker->chunk[0].byte, '@', pos - worker->chunk[0].byte) != NULL;
      s.char0 = chunk_chars;
      scan_chunk (&s);
    }
  g_array_set_size (doc->tokens, s.ntokens);
  return TRUE;

invalid:
  /* Sources check their text; a library caller's may be unchecked. */
  g_array_set_size (doc->tokens, 0);
  g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
               "not valid UTF-8 text at byte offset %u", pos);
  return FALSE;
}

/* ---- set-up ---------------------------------------------------------------- */

static gboolean
add_abbreviation (char **columns, guint ncolumns, guint line, gpointer user_data,
                  GError **error)
{
  (void) line;
  Tokenizer *tk = user_data;
  const char *form = columns[0];
  const char *klass = ncolumns > 1 ? columns[1] : "general";
  AbbrevClass value;

  if (g_strcmp0 (klass, "general") == 0)
    value = ABBREV_GENERAL;
  else if (g_strcmp0 (klass, "title") == 0)
    value = ABBREV_TITLE;
  else if (g_strcmp0 (klass, "numeric") == 0)
    value = ABBREV_NUMERIC;
  else
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                   "unknown abbreviation class '%s' (general, title or numeric)", klass);
      return FALSE;
    }
  if (!g_str_has_suffix (form, ".") || strchr (form, ' ') != NULL)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                   "abbreviation '%s' must end with a full stop and hold no space", form);
      return FALSE;
    }
  tk->longest = MAX (tk->longest, (guint) g_utf8_strlen (form, -1));
  g_hash_table_replace (tk->abbreviations, g_strdup (form), GUINT_TO_POINTER (value + 1));
  saywho_strmap_insert (tk->abbreviation_forms, form, saywho_str_hash (form, -1), value);
  return TRUE;
}

static void
tokenize_destroy (gpointer shared)
{
  Tokenizer *tk = shared;
  g_hash_table_unref (tk->abbreviations);
  saywho_strmap_free (tk->abbreviation_forms);
  g_free (tk);
}

static gpointer
tokenize_create (const SaywhoConfig *config, GError **error)
{
  Tokenizer *tk = g_new0 (Tokenizer, 1);
  tk->abbreviations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  tk->abbreviation_forms = saywho_strmap_new ();
  for (guint i = 0; i < G_N_ELEMENTS (plain_marks); i++)
    tk->mark_hashes[i] = saywho_str_hash (plain_marks[i], 1);
  for (guint i = 0; i < G_N_ELEMENTS (plain_quotes); i++)
    tk->quote_hashes[i] = saywho_str_hash (plain_quotes[i], -1);
  tk->possessive_hash = saywho_str_hash ("'s", 2);
  tk->hyphen_hash = saywho_str_hash ("-", 1);
  tk->percent_hash = saywho_str_hash ("%", 1);
  tk->paren_hashes[0] = saywho_str_hash ("(", 1);
  tk->paren_hashes[1] = saywho_str_hash (")", 1);
  if (!saywho_lexicon_read (config->lexicon_dir, "abbreviations.tsv", 1, 2,
                            add_abbreviation, tk, error))
    {
      tokenize_destroy (tk);
      return NULL;
    }
  return tk;
}

static gpointer
tokenize_worker_new (gpointer shared, GError **error)
{
  (void) shared;
  (void) error;
  TokenizerWorker *worker = g_new0 (TokenizerWorker, 1);
  worker->capacity = 256;
  worker->chunk = g_new (CodePoint, worker->capacity);
  worker->scratch = g_string_new (NULL);
  return worker;
}

void
saywho_tokenize_worker_set_general_only (gpointer worker_data, gboolean general_only)
{
  ((TokenizerWorker *) worker_data)->general_only = general_only;
}

static void
tokenize_worker_free (gpointer data)
{
  TokenizerWorker *worker = data;
  g_free (worker->chunk);
  g_string_free (worker->scratch, TRUE);
  g_free (worker);
}

const SaywhoStageClass saywho_stage_tokenize = {
  .name = "tokenize",
  .create = tokenize_create,
  .destroy = tokenize_destroy,
  .worker_new = tokenize_worker_new,
  .worker_free = tokenize_worker_free,
  .process = tokenize_process,
};
