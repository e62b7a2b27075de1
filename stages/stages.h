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

G_END_DECLS
