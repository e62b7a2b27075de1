/* stage.c — the stage registry and the pipeline that chains stages. */
#include "stage.h"
#include "../stages/stages.h"

G_DEFINE_QUARK (saywho-error-quark, saywho_error)

static const SaywhoStageClass *const builtin_stages[] = {
  &saywho_stage_tokenize,
  &saywho_stage_segment,
  &saywho_stage_stem,
  &saywho_stage_gazetteer,
  &saywho_stage_names,
  &saywho_stage_coref,
  &saywho_stage_quotes,
  &saywho_stage_speakers,
  NULL,
};

const SaywhoStageClass *const *
saywho_stage_registry (void)
{
  return builtin_stages;
}

const SaywhoStageClass *
saywho_stage_lookup (const char *name)
{
  for (guint i = 0; builtin_stages[i] != NULL; i++)
    if (g_strcmp0 (builtin_stages[i]->name, name) == 0)
      return builtin_stages[i];
  return NULL;
}

struct _SaywhoPipeline {
  GPtrArray *classes;   /* const SaywhoStageClass * */
  GPtrArray *shared;    /* each stage's create() result, may be NULL */
};

struct _SaywhoWorker {
  SaywhoPipeline *pipeline;
  GPtrArray *states;    /* each stage's worker_new() result, may be NULL */
};

SaywhoPipeline *
saywho_pipeline_new (const SaywhoConfig *config, const char *const *stages, GError **error)
{
  g_autoptr (SaywhoPipeline) pipeline = g_new0 (SaywhoPipeline, 1);
  pipeline->classes = g_ptr_array_new ();
  pipeline->shared = g_ptr_array_new ();

  if (stages == NULL)
    for (guint i = 0; builtin_stages[i] != NULL; i++)
      g_ptr_array_add (pipeline->classes, (gpointer) builtin_stages[i]);
  else
    for (guint i = 0; stages[i] != NULL; i++)
      {
        const SaywhoStageClass *klass = saywho_stage_lookup (stages[i]);
        if (klass == NULL)
          {
            g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_USAGE,
                         "unknown stage '%s'", stages[i]);
            return NULL;
          }
        g_ptr_array_add (pipeline->classes, (gpointer) klass);
      }

  for (guint i = 0; i < pipeline->classes->len; i++)
    {
      const SaywhoStageClass *klass = g_ptr_array_index (pipeline->classes, i);
      gpointer shared = NULL;
      if (klass->create != NULL)
        {
          g_autoptr (GError) local = NULL;
          shared = klass->create (config, &local);
          if (local != NULL)
            {
              g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                          "stage %s: ", klass->name);
              return NULL;
            }
        }
      g_ptr_array_add (pipeline->shared, shared);
    }
  return g_steal_pointer (&pipeline);
}

void
saywho_pipeline_free (SaywhoPipeline *pipeline)
{
  if (pipeline == NULL)
    return;
  /* shared may be shorter than classes when create() failed midway. */
  for (guint i = pipeline->shared->len; i-- > 0;)
    {
      const SaywhoStageClass *klass = g_ptr_array_index (pipeline->classes, i);
      if (klass->destroy != NULL && g_ptr_array_index (pipeline->shared, i) != NULL)
        klass->destroy (g_ptr_array_index (pipeline->shared, i));
    }
  g_ptr_array_unref (pipeline->classes);
  g_ptr_array_unref (pipeline->shared);
  g_free (pipeline);
}

SaywhoWorker *
saywho_worker_new (SaywhoPipeline *pipeline, GError **error)
{
  g_return_val_if_fail (pipeline != NULL, NULL);
  g_autoptr (SaywhoWorker) worker = g_new0 (SaywhoWorker, 1);
  worker->pipeline = pipeline;
  worker->states = g_ptr_array_new ();

  for (guint i = 0; i < pipeline->classes->len; i++)
    {
      const SaywhoStageClass *klass = g_ptr_array_index (pipeline->classes, i);
      gpointer state = NULL;
      if (klass->worker_new != NULL)
        {
          g_autoptr (GError) local = NULL;
          state = klass->worker_new (g_ptr_array_index (pipeline->shared, i), &local);
          if (local != NULL)
            {
              g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                          "stage %s: ", klass->name);
              return NULL;
            }
        }
      g_ptr_array_add (worker->states, state);
    }
  return g_steal_pointer (&worker);
}

void
saywho_worker_free (SaywhoWorker *worker)
{
  if (worker == NULL)
    return;
  for (guint i = worker->states->len; i-- > 0;)
    {
      const SaywhoStageClass *klass = g_ptr_array_index (worker->pipeline->classes, i);
      if (klass->worker_free != NULL && g_ptr_array_index (worker->states, i) != NULL)
        klass->worker_free (g_ptr_array_index (worker->states, i));
    }
  g_ptr_array_unref (worker->states);
  g_free (worker);
}

gboolean
saywho_worker_process (SaywhoWorker *worker, SaywhoDocument *doc, GError **error)
{
  g_return_val_if_fail (worker != NULL && doc != NULL && doc->text != NULL, FALSE);
  SaywhoPipeline *pipeline = worker->pipeline;

  for (guint i = 0; i < pipeline->classes->len; i++)
    {
      const SaywhoStageClass *klass = g_ptr_array_index (pipeline->classes, i);
      g_autoptr (GError) local = NULL;
      if (!klass->process (g_ptr_array_index (pipeline->shared, i),
                           g_ptr_array_index (worker->states, i), doc, &local))
        {
          if (local == NULL)
            g_set_error (&local, SAYWHO_ERROR, SAYWHO_ERROR_STAGE, "failed");
          g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                      "stage %s: ", klass->name);
          return FALSE;
        }
    }
  return TRUE;
}
