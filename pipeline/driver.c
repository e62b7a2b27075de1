/* driver.c — source → workers → in-order writer, with a bounded window.
 *
 * The calling thread reads the source and writes the results; `jobs`
 * worker threads load, process and format documents.  Each document takes
 * a slot in a ring of `in_flight` slots, indexed by its place in the
 * stream; the caller writes slot after slot in stream order and waits for a
 * free slot before reading further.  So output order is input order, and
 * at most `in_flight` documents are in memory.  With one job there are no
 * worker threads: the calling thread annotates each document as it reads
 * it, so `--jobs 1` runs on one thread.
 */
#include "driver.h"

#include <stdio.h>

typedef struct {
  SaywhoDocument *doc;   /* NULL for a source failure */
  GString *body;         /* formatted output */
  GError *error;         /* why the document failed, or NULL */
  gboolean done;
} Slot;

typedef struct {
  SaywhoPipeline *pipeline;
  const SaywhoFormat *format;
  GAsyncQueue *work;     /* Slot * to process; &stop_marker to stop */
  GMutex lock;
  GCond done_cond;
  Slot *awaited;         /* the slot the writer sleeps on, or NULL */
} Run;

static int stop_marker;

static void
default_report (const char *doc_id, const GError *error, gpointer user_data)
{
  (void) doc_id;
  (void) user_data;
  g_printerr ("saywho: %s\n", error->message);
}

/* Loads, processes and formats the slot's document; returns the error
 * that stopped it, or NULL. */
static GError *
annotate (const Run *run, SaywhoWorker *worker, const GError *setup_error, Slot *slot)
{
  GError *error = NULL;
  if (worker == NULL)
    error = g_error_copy (setup_error);
  else if (saywho_document_load (slot->doc, &error)
           && saywho_worker_process (worker, slot->doc, &error))
    {
      slot->body = g_string_new (NULL);  /* formats that can size it do */
      run->format->document (run->format, slot->doc, slot->body);
    }
  else if (slot->doc->text != NULL)
    /* Name the document in stage errors (load errors name the file). */
    g_prefix_error (&error, "%s: ", slot->doc->id);
  return error;
}

static gpointer
worker_main (gpointer data)
{
  Run *run = data;
  g_autoptr (GError) setup_error = NULL;
  g_autoptr (SaywhoWorker) worker = saywho_worker_new (run->pipeline, &setup_error);

  for (;;)
    {
      gpointer item = g_async_queue_pop (run->work);
      if (item == &stop_marker)
        break;
      Slot *slot = item;
      GError *error = annotate (run, worker, setup_error, slot);

      /* Wake the writer only when it sleeps on this very slot: a wake-up
       * is a system call, and one per document cost more than a tenth of
       * the run on small documents. */
      g_mutex_lock (&run->lock);
      slot->error = error;
      slot->done = TRUE;
      if (run->awaited == slot)
        {
          run->awaited = NULL;
          g_cond_signal (&run->done_cond);
        }
      g_mutex_unlock (&run->lock);
    }
  return NULL;
}

static void
slot_clear (Slot *slot)
{
  saywho_document_free (slot->doc);
  if (slot->body != NULL)
    g_string_free (slot->body, TRUE);
  g_clear_error (&slot->error);
  *slot = (Slot) { 0 };
}

gboolean
saywho_driver_run (SaywhoPipeline *pipeline, SaywhoSource *source, SaywhoSink *sink,
                   const SaywhoDriverOptions *options, SaywhoRunStats *stats,
                   GError **error)
{
  guint jobs = options->jobs > 0 ? options->jobs : g_get_num_processors ();
  /* One job is done on the calling thread, document after document:
   * there is nothing to overlap but reading and writing, which cost little
   * next to the stages, and handing each document to another thread and
   * back costs more (wake-ups, and the document's memory moving between
   * cores).  The ring then holds the one document in hand. */
  gboolean on_caller = jobs == 1;
  guint window = on_caller ? 1 : options->in_flight > 0 ? options->in_flight : 16 * jobs;
  SaywhoReportFunc report = options->report != NULL ? options->report : default_report;
  Run run = { .pipeline = pipeline, .format = options->format };
  Slot *slots = g_new0 (Slot, window);
  guint64 next_read = 0, next_write = 0;
  gboolean source_done = FALSE;
  GError *output_error = NULL;
  gint64 started = g_get_monotonic_time ();

  *stats = (SaywhoRunStats) { 0 };
  g_mutex_init (&run.lock);
  g_cond_init (&run.done_cond);
  run.work = g_async_queue_new ();

  GThread **threads = g_new0 (GThread *, jobs);
  GError *setup_error = NULL;
  SaywhoWorker *caller_worker = NULL;
  if (on_caller)
    caller_worker = saywho_worker_new (pipeline, &setup_error);
  else
    for (guint i = 0; i < jobs; i++)
      threads[i] = g_thread_new ("saywho-worker", worker_main, &run);

  while (!(source_done && next_write == next_read))
    {
      /* Read while there is room in the window. */
      if (!source_done && output_error == NULL && next_read - next_write < window)
        {
          SaywhoDocument *doc = NULL;
          GError *source_error = NULL;
          SaywhoSourceStatus status = saywho_source_next (source, &doc, &source_error);
          if (status == SAYWHO_SOURCE_END)
            {
              source_done = TRUE;
              continue;
            }
          Slot *slot = &slots[next_read % window];
          next_read++;
          if (status == SAYWHO_SOURCE_FAILED)
            {
              slot->error = source_error;
              slot->done = TRUE;  /* no worker will touch it */
            }
          else if (on_caller)
            {
              slot->doc = doc;
              slot->error = annotate (&run, caller_worker, setup_error, slot);
              slot->done = TRUE;
            }
          else
            {
              slot->doc = doc;
              g_async_queue_push (run.work, slot);
            }
          continue;
        }
      if (output_error != NULL)
        source_done = TRUE;

      /* Write the oldest slot once its worker is done with it.  When it is
       * not done yet, sleep until half of the documents in flight are: the
       * workers take slots in stream order, so the writer then has a batch
       * to write and to refill while they go on with the other half. */
      Slot *slot = &slots[next_write % window];
      g_mutex_lock (&run.lock);
      if (!slot->done)
        {
          Slot *target = &slots[(next_write + (next_read - next_write - 1) / 2) % window];
          while (!target->done)
            {
              run.awaited = target;
              g_cond_wait (&run.done_cond, &run.lock);
            }
          run.awaited = NULL;
          while (!slot->done)
            {
              run.awaited = slot;
              g_cond_wait (&run.done_cond, &run.lock);
            }
          run.awaited = NULL;
        }
      g_mutex_unlock (&run.lock);

      if (slot->error != NULL)
        {
          stats->failed++;
          report (slot->doc != NULL ? slot->doc->id : NULL, slot->error, options->user_data);
        }
      else if (output_error == NULL)
        {
          if (saywho_sink_write (sink, slot->doc, slot->body, &output_error))
            {
              stats->documents++;
              stats->bytes += slot->doc->length;
              stats->tokens += slot->doc->tokens->len;
              if (options->progress != NULL)
                options->progress (stats->documents, stats->bytes,
                                   (g_get_monotonic_time () - started) / 1e6,
                                   options->user_data);
            }
        }
      slot_clear (slot);
      next_write++;
    }

  if (on_caller)
    {
      g_clear_pointer (&caller_worker, saywho_worker_free);
      g_clear_error (&setup_error);
    }
  else
    {
      for (guint i = 0; i < jobs; i++)
        g_async_queue_push (run.work, &stop_marker);
      for (guint i = 0; i < jobs; i++)
        g_thread_join (threads[i]);
    }
  g_free (threads);
  g_async_queue_unref (run.work);
  g_mutex_clear (&run.lock);
  g_cond_clear (&run.done_cond);
  g_free (slots);

  if (output_error != NULL)
    {
      g_propagate_error (error, output_error);
      return FALSE;
    }
  return TRUE;
}
