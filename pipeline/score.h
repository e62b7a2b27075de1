/* score.h — scoring annotations against a reference.
 *
 * Both sides are standoff annotations of one document: entity mentions and
 * quotations as character offsets (code points, end exclusive) into its
 * text.  Entities match by exact span and type, as conlleval counts chunks;
 * quotations match when they overlap by at least half of the longer one;
 * a matched quotation's speaker is right when the predicted speaker stands
 * for the same entity as the reference speaker (see saywho_score_add).
 *
 * Ownership: annotations own their strings; a score owns nothing.
 */
#pragma once

#include <glib.h>
#include "document.h"

G_BEGIN_DECLS

#define SAYWHO_NO_OFFSET G_MAXUINT32

typedef struct {
  guint32 start, end;
  SaywhoEntityType type;
  char *id;              /* canonical id, document-local id or gold cluster; may be NULL */
} SaywhoEntityMention;

typedef struct {
  guint32 start, end;    /* the quoted content */
  SaywhoQuoteKind kind;
  char *speaker;         /* speaker's entity id or gold cluster; NULL if unknown */
  guint32 mention_start, mention_end;  /* SAYWHO_NO_OFFSET when none */
  guint32 cue_start, cue_end;          /* SAYWHO_NO_OFFSET when none */
} SaywhoQuoteMention;

typedef struct {
  char *doc_id;
  GArray *entities;      /* SaywhoEntityMention, in text order */
  GArray *quotes;        /* SaywhoQuoteMention, in text order */
} SaywhoAnnotations;

SaywhoAnnotations *saywho_annotations_new (const char *doc_id);
void               saywho_annotations_free (SaywhoAnnotations *annotations);
/* Copies the strings. */
void saywho_annotations_add_entity (SaywhoAnnotations *a, guint32 start, guint32 end,
                                    SaywhoEntityType type, const char *id);
void saywho_annotations_add_quote (SaywhoAnnotations *a, const SaywhoQuoteMention *quote);

/* The entities and quotations of a processed document, as offsets. */
SaywhoAnnotations *saywho_annotations_from_document (const SaywhoDocument *doc);

/* Reads one gold file of tests/gold/ (format in tests/gold/README.md): the
 * document id is taken from its `# doc = ` line.  Errors name file:line. */
SaywhoAnnotations *saywho_gold_read (const char *path, GError **error);

typedef struct {
  guint tp, fp, fn;
} SaywhoCounts;

typedef struct {
  SaywhoCounts type[4];           /* entities per SaywhoEntityType */
  SaywhoCounts entities;          /* entities, all types (micro) */
  SaywhoCounts entities_plo;      /* PER, ORG and LOC only */
  SaywhoCounts quotes_kind[2];    /* per SaywhoQuoteKind */
  SaywhoCounts quotes;            /* all quotations */
  guint speakers_matched;         /* matched quotations with a reference speaker */
  guint speakers_right;
  guint documents;
} SaywhoScore;

/* Adds one document's comparison to score. */
void   saywho_score_add (SaywhoScore *score, const SaywhoAnnotations *reference,
                         const SaywhoAnnotations *predicted);
double saywho_counts_precision (SaywhoCounts c);
double saywho_counts_recall (SaywhoCounts c);
double saywho_counts_f1 (SaywhoCounts c);
/* A report in the manner of conlleval, plus quotations and speakers. */
void   saywho_score_report (const SaywhoScore *score, GString *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaywhoAnnotations, saywho_annotations_free)

G_END_DECLS
