/* eval.h — reading annotations back from saywho's formats and from the
 * gold files, and `saywho eval`, which scores one against the other.
 *
 * Every format comes back as SaywhoEvalDocuments: a document's entities
 * and quotations as SaywhoAnnotations (score.h), in one or two units:
 *   - characters (code points, end exclusive), from every format that
 *     carries offsets: conllup (START/END), conllu (TokenRange), jsonl and
 *     html (the jsonl record), the gold files;
 *   - token indices in the document (counted over all its sentences), from
 *     every token-based format: conllup, conllu, conll2003; with the token
 *     forms, so two token-based files can be checked to hold the same
 *     tokens before their spans are compared.
 * conll2003 has tokens only and no quotations; its NER tags, and those of
 * conllup and conllu, are read into mentions with conlleval's chunk rules
 * (see saywho_chunk_decoder_*), so an ill-formed sequence means what it
 * means to conlleval.
 *
 * Ownership: a document read is handed to the callback, which owns it.
 */
#pragma once

#include <glib.h>
#include "score.h"

G_BEGIN_DECLS

typedef enum {
  SAYWHO_EVAL_AUTO,         /* sniffed from the content */
  SAYWHO_EVAL_GOLD,         /* the files of tests/gold/, or a folder of them */
  SAYWHO_EVAL_CONLLUP,
  SAYWHO_EVAL_CONLL2003,
  SAYWHO_EVAL_CONLLU,
  SAYWHO_EVAL_JSONL,
  SAYWHO_EVAL_HTML,
} SaywhoEvalFormat;

const char *saywho_eval_format_name (SaywhoEvalFormat format);
gboolean    saywho_eval_format_parse (const char *name, SaywhoEvalFormat *out);

typedef struct {
  char *id;                    /* NULL where the format has no ids (conll2003) */
  SaywhoAnnotations *chars;    /* offsets in characters, or NULL */
  SaywhoAnnotations *tokens;   /* offsets in tokens, or NULL; no quotations */
  GPtrArray *forms;            /* char *: the tokens, when tokens != NULL */
  GHashTable *speaker_names;   /* speaker id → canonical name (jsonl, html), or NULL */
  SaywhoEvalFormat format;
  char *origin;                /* FILE:LINE where the document starts */
} SaywhoEvalDocument;

void saywho_eval_document_free (SaywhoEvalDocument *doc);

/* Called with each document read, in file order; takes ownership of doc.
 * Return FALSE with error set to stop reading. */
typedef gboolean (*SaywhoEvalFunc) (SaywhoEvalDocument *doc, gpointer user_data,
                                    GError **error);

/* Reads path ("-": standard input; a folder: its files named *.gold.tsv,
 * *.conllup, *.conll, *.conll2003, *.conllu, *.jsonl or *.html, walked in
 * sorted order).  format AUTO sniffs each file's content.  Errors name
 * FILE:LINE. */
gboolean saywho_eval_read (const char *path, SaywhoEvalFormat format,
                           SaywhoEvalFunc func, gpointer user_data, GError **error);

/* conlleval's chunk rules: which tags start and end a mention.  Tags are
 * read as conlleval reads them: the letters before the first '-' and the
 * type after it; BIOES's S- and E- follow the rules of the conlleval
 * copies that accept IOBES, and BILOU's U- and L- count as S- and E-. */
typedef struct {
  char prev_tag;               /* 'O', 'B', 'I', 'E', 'S', … */
  char prev_type[32];
  gboolean open;
  guint32 start;               /* token index where the open mention starts */
  char type[32];
  char *id;                    /* the entity id on its first token */
} SaywhoChunkDecoder;

typedef void (*SaywhoChunkFunc) (guint32 start, guint32 end, const char *type,
                                 const char *id, gpointer user_data);

void saywho_chunk_decoder_init (SaywhoChunkDecoder *decoder);
/* Token index i has tag; emits the mention that ends before it, if any. */
void saywho_chunk_decoder_feed (SaywhoChunkDecoder *decoder, guint32 i, const char *tag,
                                const char *id, SaywhoChunkFunc func, gpointer user_data);
/* A sentence or document boundary before token index i. */
void saywho_chunk_decoder_flush (SaywhoChunkDecoder *decoder, guint32 i,
                                 SaywhoChunkFunc func, gpointer user_data);
void saywho_chunk_decoder_clear (SaywhoChunkDecoder *decoder);

/* `saywho eval [--gold-format F] [--pred-format F] GOLD PRED`. */
int saywho_eval_main (int argc, char **argv);

G_END_DECLS
