/* format.h — output formats.
 *
 * A format turns a processed document into bytes.  document() runs on the
 * worker threads (so formatting is parallel) and appends to a GString the
 * driver then writes in input order; it may only read the document and the
 * format.  header() and footer() wrap each output stream (once for
 * --output, once per file for --output-dir) and run on the writing thread.
 *
 * A SaywhoFormat is a writer together with its options: the registry holds
 * each writer with the default options (all zero), and a caller that wants
 * others copies the entry and sets them (cli.c does for --tag-scheme).
 * Every callback gets the format it was called through, so the options
 * travel with it through the sink and the driver, which keep the pointer:
 * the copy must outlive both.
 *
 * A footer that needs to know what its stream holds (the HTML contents
 * list) sets lists_documents; the sink then keeps a SaywhoFormatEntry per
 * document written to the stream and hands them to footer().  Other
 * formats keep nothing per document, so their memory stays bounded by the
 * documents in flight.
 */
#pragma once

#include <glib.h>
#include <string.h>
#include "document.h"

G_BEGIN_DECLS

/* How NER tags mark a mention's tokens.  IOB2: B- on the first token, I-
 * on the rest.  IOB1 (the original CoNLL-2003 files): I- throughout, B-
 * only on the first token of a mention that directly follows another of
 * the same type.  BIOES: B- I- E- for longer mentions, S- for one token.
 * BILOU: BIOES with spaCy's letters (L- last, U- unit). */
typedef enum {
  SAYWHO_TAG_IOB2,
  SAYWHO_TAG_IOB1,
  SAYWHO_TAG_BIOES,
  SAYWHO_TAG_BILOU,
} SaywhoTagScheme;

typedef struct {
  SaywhoTagScheme tag_scheme;   /* the NER tags of conllup, conll2003 and conllu */
} SaywhoFormatOptions;

/* One document a sink wrote to a stream, for footers that list them. */
typedef struct {
  char *id;
  guint64 seq;                  /* the document's place in the input */
  guint tokens, entities, quotes;
} SaywhoFormatEntry;

typedef struct _SaywhoFormat SaywhoFormat;
struct _SaywhoFormat {
  const char *name;        /* as given to --format */
  const char *extension;   /* for --output-dir files, without the dot */
  const char *description; /* one line for --help */
  SaywhoFormatOptions options;
  gboolean lists_documents;  /* footer() gets the stream's SaywhoFormatEntry array */
  void (*header)   (const SaywhoFormat *format, GString *out);
  void (*document) (const SaywhoFormat *format, const SaywhoDocument *doc, GString *out);
  /* written: SaywhoFormatEntry in output order when lists_documents, else NULL */
  void (*footer)   (const SaywhoFormat *format, const GArray *written, GString *out);
};

/* NULL-terminated table of the built-in formats. */
const SaywhoFormat *const *saywho_format_registry (void);
const SaywhoFormat        *saywho_format_lookup (const char *name);

/* Parses a --tag-scheme name (iob1, iob2, bioes, bilou). */
gboolean    saywho_tag_scheme_parse (const char *name, SaywhoTagScheme *out);
const char *saywho_tag_scheme_name (SaywhoTagScheme scheme);

/* Shared helpers for writers. */
void saywho_format_append_uint (GString *out, guint64 value);

/* Fast appends for the per-token loops: reserve room for n bytes, store
 * through the returned pointer, then commit the new end. */
static inline char *
saywho_format_reserve (GString *out, gsize n)
{
  if (out->len + n >= out->allocated_len)
    {
      gsize len = out->len;
      g_string_set_size (out, len + n);  /* grows the allocation geometrically */
      out->len = len;
    }
  return out->str + out->len;
}

/* Makes room for n more bytes in out before a writer starts, as
 * saywho_format_reserve() does; but where out is still empty, a fresh
 * allocation replaces one too small, rather than realloc() copying bytes
 * that hold nothing yet. */
void saywho_format_presize (GString *out, gsize n);

static inline void
saywho_format_commit (GString *out, char *end)
{
  out->len = (gsize) (end - out->str);
  out->str[out->len] = '\0';
}

/* Copies n bytes to p; returns the new end.  Most fields are a few bytes,
 * where a call to memcpy costs more than the copy: up to 16 bytes, two
 * fixed-size copies that overlap (4+4 covers 4 to 8 bytes, 8+8 covers 8 to
 * 16) do it with no loop and no call, and read nothing outside s. */
static inline char *
saywho_format_put_bytes (char *p, const char *s, gsize n)
{
  if (n >= 8)
    {
      if (n > 16)
        memcpy (p, s, n);
      else
        {
          memcpy (p, s, 8);
          memcpy (p + n - 8, s + n - 8, 8);
        }
    }
  else if (n >= 4)
    {
      memcpy (p, s, 4);
      memcpy (p + n - 4, s + n - 4, 4);
    }
  else if (n >= 2)
    {
      memcpy (p, s, 2);
      memcpy (p + n - 2, s + n - 2, 2);
    }
  else if (n == 1)
    *p = *s;
  return p + n;
}

/* The two decimal digits of 0 to 99, for saywho_format_put_uint(). */
extern const char saywho_format_digit_pairs[201];

/* Writes value (0 to 99) in decimal at p; returns the new end. */
SAYWHO_ALWAYS_INLINE static inline char *
saywho_format_put_uint_small (char *p, guint value)
{
  if (value < 10)
    {
      *p = (char) ('0' + value);
      return p + 1;
    }
  memcpy (p, saywho_format_digit_pairs + value * 2, 2);
  return p + 2;
}

/* Writes value (at least 1000000) in decimal at p; returns the new end. */
char *saywho_format_put_uint_large (char *p, guint64 value);

/* Writes value in decimal at p (at most 20 bytes); returns the new end.
 * Offsets and token numbers are most of the numbers saywho prints, and
 * nearly all of them have fewer than seven digits: those take a path of
 * their own, two digits a step from a table with 32-bit arithmetic, inlined
 * even where the compiler would rather call (a call costs as much as the
 * digits). */
SAYWHO_ALWAYS_INLINE static inline char *
saywho_format_put_uint (char *p, guint64 value)
{
  const char *pairs = saywho_format_digit_pairs;
  if (value < 100)
    return saywho_format_put_uint_small (p, (guint) value);
  if (value < 10000)
    {
      guint v = (guint) value, high = v / 100, low = v - high * 100;
      if (high < 10)
        *p++ = (char) ('0' + high);
      else
        {
          memcpy (p, pairs + high * 2, 2);
          p += 2;
        }
      memcpy (p, pairs + low * 2, 2);
      return p + 2;
    }
  if (value < 1000000)
    {
      guint v = (guint) value, high = v / 10000, low = v - high * 10000;
      guint mid = low / 100;
      p = saywho_format_put_uint_small (p, high);
      memcpy (p, pairs + mid * 2, 2);
      memcpy (p + 2, pairs + (low - mid * 100) * 2, 2);
      return p + 4;
    }
  return saywho_format_put_uint_large (p, value);
}

/* Stores the string literal lit at p; evaluates to the new end. */
#define SAYWHO_FORMAT_PUT_LITERAL(p, lit) \
  (memcpy ((p), (lit), sizeof (lit) - 1), (p) + sizeof (lit) - 1)

/* The number of tokens in span, for size estimates. */
static inline gsize
saywho_span_length (SaywhoSpan span)
{
  return span.end > span.start ? span.end - span.start : 0;
}

/* START:END in code points of the tokens of span, or `_` when it is empty
 * or out of range (at most 41 bytes): the spans of the # quote lines. */
static inline char *
saywho_format_put_span (char *p, const SaywhoDocument *doc, SaywhoSpan span)
{
  if (span.start >= span.end || span.end > doc->tokens->len)
    {
      *p++ = '_';
      return p;
    }
  p = saywho_format_put_uint (p, saywho_document_token (doc, span.start)->char_start);
  *p++ = ':';
  return saywho_format_put_uint (p, saywho_document_token (doc, span.end - 1)->char_end);
}

/* The "# quote Qn = kind=… speaker=… span=… mention=… cue=…" line of
 * CoNLL-U and CoNLL-U Plus for quotation q (counted from 0), its speaker
 * given as len bytes (`_` for none). */
void saywho_format_append_quote_comment (GString *out, const SaywhoDocument *doc, guint q,
                                         const char *speaker, gsize speaker_len);

/* The "# sent_id = <doc id>#<n>" and "# text = …" comments of CoNLL-U and
 * CoNLL-U Plus for sentence s (spaces in the id become `_`). */
void saywho_format_append_sentence_comments (GString *out, const SaywhoDocument *doc, guint s);
/* The same for writers that print every sentence of a document: prefix is
 * what saywho_format_sent_id_prefix() returned for doc, so that the id is
 * rewritten once per document rather than once per sentence. */
void saywho_format_append_sentence_comments_with (GString *out, const SaywhoDocument *doc,
                                                  guint s, const char *prefix,
                                                  gsize prefix_len);
/* "# sent_id = <doc id>#" with the spaces in the id turned into `_`;
 * *len is its length.  g_free() it. */
char *saywho_format_sent_id_prefix (const SaywhoDocument *doc, gsize *len);
/* Appends s with line breaks and tabs turned into spaces, so that a comment
 * stays on one line for every reader (U+0085, U+2028 and U+2029 too). */
void saywho_format_append_oneline (GString *out, const char *s, gsize len);
/* The document's entities and quotations as one line of JSON (no newline),
 * as the jsonl format writes it; g_free() it. */
char *saywho_format_jsonl_record (const SaywhoDocument *doc);

/* Appends s with every character that splits a column for some reader
 * (ASCII and Unicode white space, the C0 separators Python's str.split()
 * honours) turned into '_', so that a token or a value stays one field. */
void saywho_format_append_field (GString *out, const char *s, gsize len);
/* saywho_format_put_field() for fields that are not all printable ASCII. */
char *saywho_format_put_field_general (char *p, const char *s, gsize len);

/* Nonzero where a byte of w is not printable ASCII (0x21 to 0x7E): a byte
 * below 0x21 borrows in w - 0x21…, 0x7F carries into the high bit in
 * w + 0x01…, and a byte from 0x80 has it already.  A borrow or a carry
 * only flags bytes above a byte that is flagged anyway. */
static inline guint64
saywho_format_unprintable64 (guint64 w)
{
  return (((w - G_GUINT64_CONSTANT (0x2121212121212121)) & ~w)
          | (w + G_GUINT64_CONSTANT (0x0101010101010101)) | w)
         & G_GUINT64_CONSTANT (0x8080808080808080);
}

static inline guint32
saywho_format_unprintable32 (guint32 w)
{
  return (((w - 0x21212121u) & ~w) | (w + 0x01010101u) | w) & 0x80808080u;
}

/* Whether the n bytes at s are all printable ASCII, reading nothing
 * outside them: up to 16 bytes, two words that overlap. */
static inline gboolean
saywho_format_printable (const char *s, gsize n)
{
  if (n >= 8)
    {
      guint64 a, b, bad = 0;
      gsize i = 0;
      for (; i + 8 < n; i += 8)
        {
          memcpy (&a, s + i, 8);
          bad |= saywho_format_unprintable64 (a);
        }
      memcpy (&b, s + n - 8, 8);
      return !(bad | saywho_format_unprintable64 (b));
    }
  if (n >= 4)
    {
      guint32 a, b;
      memcpy (&a, s, 4);
      memcpy (&b, s + n - 4, 4);
      return !(saywho_format_unprintable32 (a) | saywho_format_unprintable32 (b));
    }
  for (gsize i = 0; i < n; i++)
    if ((guchar) s[i] <= 0x20 || (guchar) s[i] >= 0x7F)
      return FALSE;
  return TRUE;
}

/* saywho_format_append_field() at p, which has room for len bytes (a
 * field never grows); returns the new end.  Most fields are printable
 * ASCII, copied as they are. */
static inline char *
saywho_format_put_field (char *p, const char *s, gsize len)
{
  if (saywho_format_printable (s, len))
    return saywho_format_put_bytes (p, s, len);
  return saywho_format_put_field_general (p, s, len);
}
/* Per-token entity/quote indexes, computed once.  Eight bytes a token,
 * -1 for none, so that the array starts as one memset(); whether a token
 * begins its mention or quotation is asked of the span instead (the
 * helpers below), since few tokens are in either. */
typedef struct {
  gint32 entity;   /* index into doc->entities, or -1 */
  gint32 quote;    /* index into doc->quotes, or -1 */
} SaywhoTokenLabels;
SaywhoTokenLabels *saywho_format_token_labels (const SaywhoDocument *doc);

/* Whether token i is the first of the mention labels[i] names (which must
 * be one: labels[i].entity >= 0). */
static inline gboolean
saywho_format_entity_begins (const SaywhoDocument *doc, const SaywhoTokenLabels *labels, guint i)
{
  return g_array_index (doc->entities, SaywhoEntity, labels[i].entity).span.start == i;
}

/* Whether token i is the first of the quotation labels[i] names (which
 * must be one: labels[i].quote >= 0). */
static inline gboolean
saywho_format_quote_begins (const SaywhoDocument *doc, const SaywhoTokenLabels *labels, guint i)
{
  return g_array_index (doc->quotes, SaywhoQuote, labels[i].quote).span.start == i;
}

/* The letter of token i's NER tag under scheme ('B', 'I', 'E', 'S', 'L' or
 * 'U'), or 0 outside every entity. */
char saywho_format_ner_prefix (const SaywhoDocument *doc, const SaywhoTokenLabels *labels,
                               guint i, SaywhoTagScheme scheme);

G_END_DECLS
