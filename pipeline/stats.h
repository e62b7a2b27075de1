/* stats.h — `saywho stats`: what a run found, counted.
 *
 * Reads annotation files in any format `saywho eval` reads (eval.h) and
 * counts entities by type, quotations by kind, the most quoted speakers
 * and quotations per document, as a table for people or JSON for programs.
 */
#pragma once

#include <glib.h>
#include "eval.h"

G_BEGIN_DECLS

typedef struct _SaywhoStats SaywhoStats;

SaywhoStats *saywho_stats_new (void);
void         saywho_stats_free (SaywhoStats *stats);
/* Counts one document (does not take it). */
void         saywho_stats_add (SaywhoStats *stats, const SaywhoEvalDocument *doc);
/* top: how many speakers and documents the table lists (JSON lists all). */
void         saywho_stats_report (const SaywhoStats *stats, guint top, GString *out);
char        *saywho_stats_to_json (const SaywhoStats *stats);

/* `saywho stats [--json] [--top N] [--format NAME] [FILE...]`. */
int saywho_stats_main (int argc, char **argv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaywhoStats, saywho_stats_free)

G_END_DECLS
