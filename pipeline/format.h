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

static inline void
saywho_format_commit (GString *out, char *end)
{
  out->len = (gsize) (end - out->str);
  out->str[out->len] = '\0';
}

/* Copies n bytes to p; returns the new end.  Most fields are a few bytes,
 * where a plain loop beats a call to memcpy. */
static inline char *
saywho_format_put_bytes (char *p, const char *s, gsize n)
{
  if (n >= 8 && n <= 16)
    {
      /* two fixed-size copies that overlap: no loop, no call */
      memcpy (p, s, 8);
      memcpy (p + n - 8, s + n - 8, 8);
      return p + n;
    }
  if (n > 16)
    {
      memcpy (p, s, n);
      return p + n;
    }
  for (gsize i = 0; i < n; i++)
    p[i] = s[i];
  return p + n;
}

/* Writes value in decimal at p (at most 20 bytes); returns the new end.
 * Two digits a step from a table: offsets and ids are most of the numbers
 * saywho prints. */
static inline char *
saywho_format_put_uint (char *p, guint64 value)
{
  static const char pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";
  guint digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4
                 : value < 100000 ? 5 : value < 1000000 ? 6 : 7;
  for (guint64 v = value / 10000000; v > 0; v /= 10)
    digits++;
  char *end = p + digits;
  char *q = end;
  while (value >= 100)
    {
      guint pair = (guint) (value % 100) * 2;
      value /= 100;
      *--q = pairs[pair + 1];
      *--q = pairs[pair];
    }
  if (value >= 10)
    {
      *--q = pairs[value * 2 + 1];
      *--q = pairs[value * 2];
    }
  else
    *--q = (char) ('0' + value);
  return end;
}

/* The "# sent_id = <doc id>#<n>" and "# text = …" comments of CoNLL-U and
 * CoNLL-U Plus for sentence s (spaces in the id become `_`). */
void saywho_format_append_sentence_comments (GString *out, const SaywhoDocument *doc, guint s);
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
/* Per-token NER tags (IOB2) and entity/quote indexes, computed once. */
typedef struct {
  gint32 entity;   /* index into doc->entities, or -1 */
  gint32 quote;    /* index into doc->quotes, or -1 */
  gboolean entity_begin, quote_begin;
} SaywhoTokenLabels;
SaywhoTokenLabels *saywho_format_token_labels (const SaywhoDocument *doc);
/* The letter of token i's NER tag under scheme ('B', 'I', 'E', 'S', 'L' or
 * 'U'), or 0 outside every entity. */
char saywho_format_ner_prefix (const SaywhoDocument *doc, const SaywhoTokenLabels *labels,
                               guint i, SaywhoTagScheme scheme);

G_END_DECLS
