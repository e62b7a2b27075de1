/* driver.h — runs a pipeline over a source on a pool of worker threads.
 *
 * The main thread pulls documents from the source; `jobs` workers read,
 * process and format them; the writer puts them out strictly in input
 * order, so the bytes written do not depend on `jobs`.  At most
 * `in_flight` documents exist at once (a bounded window), so memory is
 * bounded by the largest documents in flight, not by the corpus.
 *
 * A document that fails (unreadable, not UTF-8, a stage error) is reported
 * through `report` and skipped; the run goes on.  Only an output error stops
 * the run.
 */
#pragma once

#include <glib.h>
#include "stage.h"
#include "source.h"
#include "sink.h"

G_BEGIN_DECLS

typedef void (*SaywhoReportFunc) (const char *doc_id, const GError *error,
                                  gpointer user_data);
typedef void (*SaywhoProgressFunc) (guint64 documents, guint64 bytes,
                                    gdouble seconds, gpointer user_data);

typedef struct {
  guint jobs;                    /* worker threads; 0: number of cores */
  guint in_flight;               /* window size; 0: 16 × jobs (one job: 1) */
  const SaywhoFormat *format;
  SaywhoReportFunc report;       /* NULL: print "saywho: ID: message" */
  SaywhoProgressFunc progress;   /* NULL: none; called from the writer */
  gpointer user_data;
} SaywhoDriverOptions;

typedef struct {
  guint64 documents;   /* written */
  guint64 failed;      /* reported and skipped */
  guint64 bytes;       /* input bytes of written documents */
  guint64 tokens;
} SaywhoRunStats;

gboolean saywho_driver_run (SaywhoPipeline            *pipeline,
                            SaywhoSource              *source,
                            SaywhoSink                *sink,
                            const SaywhoDriverOptions *options,
                            SaywhoRunStats            *stats,
                            GError                   **error);

G_END_DECLS
