/* stage.h — the Stage interface and the pipeline that chains stages.
 *
 * A stage is a small table of functions (SaywhoStageClass).  Its life:
 *   create()      once per run, on the main thread: loads what it needs from
 *                 the lexicon folder and returns shared state that is
 *                 read-only from then on (NULL is a valid state);
 *   worker_new()  once per worker thread: state that is not thread-safe
 *                 (a Snowball stemmer, scratch buffers); optional;
 *   process()     once per document, on a worker thread, with that worker's
 *                 state; adds layers to the document or fails with a GError,
 *                 which fails that document only;
 *   worker_free(), destroy()  the reverse.
 *
 * Ownership: the pipeline owns each stage's shared and worker state; a stage
 * owns nothing in a document (see document.h) and keeps no pointer into one
 * after process() returns.
 */
#pragma once

#include <glib.h>
#include "document.h"

G_BEGIN_DECLS

#define SAYWHO_ERROR (saywho_error_quark ())
GQuark saywho_error_quark (void);

typedef enum {
  SAYWHO_ERROR_USAGE,      /* bad argument or option */
  SAYWHO_ERROR_LEXICON,    /* a lexicon file is missing or malformed */
  SAYWHO_ERROR_INPUT,      /* a document cannot be read or is not UTF-8 text */
  SAYWHO_ERROR_OUTPUT,     /* output cannot be written */
  SAYWHO_ERROR_STAGE,      /* a stage failed on a document */
} SaywhoError;

/* What every stage may read at create() time. */
typedef struct {
  const char *lexicon_dir;   /* folder holding the lexicon files */
  const char *language;      /* Snowball language name, e.g. "english" */
} SaywhoConfig;

typedef struct {
  const char *name;
  gpointer  (*create)      (const SaywhoConfig *config, GError **error);
  void      (*destroy)     (gpointer shared);
  gpointer  (*worker_new)  (gpointer shared, GError **error);
  void      (*worker_free) (gpointer worker);
  gboolean  (*process)     (gpointer shared, gpointer worker,
                            SaywhoDocument *doc, GError **error);
} SaywhoStageClass;

/* The built-in stages, in pipeline order; NULL-terminated. */
const SaywhoStageClass *const *saywho_stage_registry (void);
const SaywhoStageClass *saywho_stage_lookup (const char *name);

/* A chain of stages with their shared state. */
typedef struct _SaywhoPipeline SaywhoPipeline;
/* Per-thread state for every stage of a pipeline. */
typedef struct _SaywhoWorker SaywhoWorker;

/* stages: names to run in order, or NULL for every built-in stage. */
SaywhoPipeline *saywho_pipeline_new (const SaywhoConfig *config,
                                     const char *const  *stages,
                                     GError            **error);
void            saywho_pipeline_free (SaywhoPipeline *pipeline);

SaywhoWorker   *saywho_worker_new (SaywhoPipeline *pipeline, GError **error);
void            saywho_worker_free (SaywhoWorker *worker);

/* Runs every stage on doc; on failure names the stage in the message. */
gboolean        saywho_worker_process (SaywhoWorker   *worker,
                                       SaywhoDocument *doc,
                                       GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaywhoPipeline, saywho_pipeline_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaywhoWorker, saywho_worker_free)

G_END_DECLS
