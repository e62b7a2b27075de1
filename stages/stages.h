/* stages.h — the built-in stages, one file each, in pipeline order. */
#pragma once

#include "../pipeline/stage.h"

G_BEGIN_DECLS

extern const SaywhoStageClass saywho_stage_tokenize;  /* tokenize.c */
extern const SaywhoStageClass saywho_stage_segment;   /* segment.c */
extern const SaywhoStageClass saywho_stage_stem;      /* stem.c */

G_END_DECLS
