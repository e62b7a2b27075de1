/* stages.h — the built-in stages, one file each, in pipeline order. */
#pragma once

#include "../pipeline/stage.h"

G_BEGIN_DECLS

extern const SaywhoStageClass saywho_stage_tokenize;  /* tokenize.c */
extern const SaywhoStageClass saywho_stage_segment;   /* segment.c */
extern const SaywhoStageClass saywho_stage_stem;      /* stem.c */
extern const SaywhoStageClass saywho_stage_gazetteer; /* gazetteer.c */
extern const SaywhoStageClass saywho_stage_names;     /* names.c */
extern const SaywhoStageClass saywho_stage_coref;     /* coref.c */
extern const SaywhoStageClass saywho_stage_quotes;    /* quotes.c */
extern const SaywhoStageClass saywho_stage_speakers;  /* speakers.c */

/* For tests: a tokenize worker (what saywho_stage_tokenize.worker_new()
 * made) that takes every chunk through the general rules and every norm
 * through utf8proc, none through the fast paths, which must give the same
 * tokens (test-tokenize compares the two). */
void saywho_tokenize_worker_set_general_only (gpointer worker_data, gboolean general_only);

G_END_DECLS
