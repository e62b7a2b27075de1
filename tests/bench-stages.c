/* bench-stages.c — what each stage costs, in wall time per token.
 *
 *   bench-stages LEXICON_DIR PATH [PASSES]
 *
 * Reads every document under PATH into memory once, then PASSES times
 * (default 3) runs each document through every built-in stage and the
 * CoNLL-U Plus writer on one thread, timing each stage's process() call on
 * its own, and prints nanoseconds per token and the share of the whole
 * for each stage, for the writer, and for making and freeing documents.
 * No reading, no writing: only the work per document.
 *
 * Time moves with the machine (run it twice; compare two builds in turns,
 * not one after the other); the shares move less.  To tell a stage that
 * waits for memory from one that computes, run it once on a large folder
 * and once on a few documents with many passes: a stage whose time does
 * not drop on the small one is not waiting for its tables.
 */
#include "saywho.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct {
  const SaywhoStageClass *klass;
  gpointer shared, worker;
  gint64 ns;
} Timed;

/* Nanoseconds: g_get_monotonic_time() counts microseconds, too coarse for
 * one stage on one short document. */
static gint64
now_ns (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return (gint64) t.tv_sec * 1000000000 + t.tv_nsec;
}

static GPtrArray *
read_documents (const char *path, GPtrArray **ids)
{
  const char *paths[] = { path, NULL };
  g_autoptr (SaywhoSource) source = saywho_source_new (paths, NULL);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  *ids = g_ptr_array_new_with_free_func (g_free);
  SaywhoDocument *doc;
  SaywhoSourceStatus status;
  while ((status = saywho_source_next (source, &doc, NULL)) != SAYWHO_SOURCE_END)
    {
      g_autoptr (GError) error = NULL;
      if (status != SAYWHO_SOURCE_DOCUMENT)
        continue;
      if (!saywho_document_load (doc, &error))
        g_printerr ("bench-stages: %s: %s (skipped)\n", doc->id, error->message);
      else
        {
          g_ptr_array_add (texts, g_strdup (doc->text));
          g_ptr_array_add (*ids, g_strdup (doc->id));
        }
      saywho_document_free (doc);
    }
  return texts;
}

int
main (int argc, char **argv)
{
  if (argc < 3)
    {
      g_printerr ("usage: %s LEXICON_DIR PATH [PASSES]\n", argv[0]);
      return 2;
    }
  guint passes = argc > 3 ? (guint) atoi (argv[3]) : 3;
  if (passes == 0)
    return 2;

  SaywhoConfig config = { argv[1], "english" };
  const SaywhoStageClass *const *registry = saywho_stage_registry ();
  g_autoptr (GArray) stages = g_array_new (FALSE, TRUE, sizeof (Timed));
  for (guint i = 0; registry[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      Timed t = { registry[i], NULL, NULL, 0 };
      if (t.klass->create != NULL && (t.shared = t.klass->create (&config, &error)) == NULL
          && error != NULL)
        g_error ("%s: %s", t.klass->name, error->message);
      if (t.klass->worker_new != NULL
          && (t.worker = t.klass->worker_new (t.shared, &error)) == NULL && error != NULL)
        g_error ("%s: %s", t.klass->name, error->message);
      g_array_append_val (stages, t);
    }

  g_autoptr (GPtrArray) ids = NULL;
  g_autoptr (GPtrArray) texts = read_documents (argv[2], &ids);
  if (texts->len == 0)
    g_error ("no documents under %s", argv[2]);

  const SaywhoFormat *format = saywho_format_lookup ("conllup");
  g_autoptr (GString) out = g_string_new (NULL);
  gint64 format_ns = 0, document_ns = 0, total_ns = 0;
  guint64 tokens = 0;
  for (guint pass = 0; pass < passes; pass++)
    for (guint d = 0; d < texts->len; d++)
      {
        gint64 start = now_ns ();
        SaywhoDocument *doc = saywho_document_new (g_ptr_array_index (ids, d),
                                                   g_ptr_array_index (texts, d));
        gint64 a = now_ns ();
        document_ns += a - start;
        for (guint i = 0; i < stages->len; i++)
          {
            Timed *t = &g_array_index (stages, Timed, i);
            g_autoptr (GError) error = NULL;
            if (!t->klass->process (t->shared, t->worker, doc, &error))
              g_printerr ("bench-stages: %s: %s: %s\n", doc->id, t->klass->name,
                          error != NULL ? error->message : "failed");
            gint64 b = now_ns ();
            t->ns += b - a;
            a = b;
          }
        g_string_truncate (out, 0);
        format->document (format, doc, out);
        gint64 b = now_ns ();
        format_ns += b - a;
        tokens += doc->tokens->len;
        saywho_document_free (doc);
        gint64 end = now_ns ();
        document_ns += end - b;
        total_ns += end - start;
      }

  if (tokens == 0)
    g_error ("no tokens");
  g_print ("%u documents, %u passes, %" G_GUINT64_FORMAT " tokens\n", texts->len, passes, tokens);
  g_print ("%-22s %8s %7s\n", "", "ns/token", "share");
  for (guint i = 0; i < stages->len; i++)
    {
      const Timed *t = &g_array_index (stages, Timed, i);
      g_print ("%-22s %8.1f %6.1f%%\n", t->klass->name, (double) t->ns / tokens,
               100.0 * t->ns / total_ns);
    }
  g_print ("%-22s %8.1f %6.1f%%\n", "conllup writer", (double) format_ns / tokens,
           100.0 * format_ns / total_ns);
  g_print ("%-22s %8.1f %6.1f%%\n", "documents made, freed", (double) document_ns / tokens,
           100.0 * document_ns / total_ns);
  g_print ("%-22s %8.1f          (%.2f M tokens/s)\n", "all", (double) total_ns / tokens,
           tokens / (total_ns / 1e9) / 1e6);

  for (guint i = stages->len; i-- > 0;)
    {
      Timed *t = &g_array_index (stages, Timed, i);
      if (t->klass->worker_free != NULL && t->worker != NULL)
        t->klass->worker_free (t->worker);
      if (t->klass->destroy != NULL)
        t->klass->destroy (t->shared);
    }
  return 0;
}
