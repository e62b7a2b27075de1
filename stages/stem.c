/* stem.c — the stem stage: a Snowball stem for every word.
 *
 * Stems are taken of the token's norm (NFC, case-folded), as libstemmer
 * expects.  An sb_stemmer is not thread-safe and its result buffer dies at
 * the next call, so each worker has its own, and every stem is copied into
 * the document.  News vocabulary is small next to its token count, so each
 * worker keeps a bounded cache of norm → stem.
 */
#include "stages.h"

#include <libstemmer.h>
#include <string.h>

#define CACHE_LIMIT 65536

typedef struct {
  char *language;
} Stemmer;

typedef struct {
  struct sb_stemmer *stemmer;
  GHashTable *cache;       /* norm → stem, both in `strings` */
  GStringChunk *strings;
} StemWorker;

static gboolean
language_known (const char *language)
{
  for (const char **l = sb_stemmer_list (); *l != NULL; l++)
    if (strcmp (*l, language) == 0)
      return TRUE;
  return FALSE;
}

static gpointer
stem_create (const SaywhoConfig *config, GError **error)
{
  const char *language = config->language != NULL ? config->language : "english";
  if (!language_known (language))
    {
      g_autoptr (GString) known = g_string_new (NULL);
      for (const char **l = sb_stemmer_list (); *l != NULL; l++)
        g_string_append_printf (known, "%s%s", known->len ? ", " : "", *l);
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_USAGE,
                   "unknown language '%s'; Snowball knows: %s", language, known->str);
      return NULL;
    }
  Stemmer *stemmer = g_new0 (Stemmer, 1);
  stemmer->language = g_strdup (language);
  return stemmer;
}

static void
stem_destroy (gpointer shared)
{
  Stemmer *stemmer = shared;
  g_free (stemmer->language);
  g_free (stemmer);
}

static gpointer
stem_worker_new (gpointer shared, GError **error)
{
  Stemmer *stemmer = shared;
  struct sb_stemmer *sb = sb_stemmer_new (stemmer->language, "UTF_8");
  if (sb == NULL)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_STAGE,
                   "cannot create a Snowball stemmer for '%s'", stemmer->language);
      return NULL;
    }
  StemWorker *worker = g_new0 (StemWorker, 1);
  worker->stemmer = sb;
  worker->cache = g_hash_table_new (g_str_hash, g_str_equal);
  worker->strings = g_string_chunk_new (65536);
  return worker;
}

static void
stem_worker_free (gpointer data)
{
  StemWorker *worker = data;
  sb_stemmer_delete (worker->stemmer);
  g_hash_table_unref (worker->cache);
  g_string_chunk_free (worker->strings);
  g_free (worker);
}

/* The stem of norm, from the cache or the stemmer; it lives in the worker
 * until the cache is next cleared. */
static const char *
stem_of (StemWorker *worker, const char *norm)
{
  const char *stem = g_hash_table_lookup (worker->cache, norm);
  if (stem != NULL)
    return stem;
  if (g_hash_table_size (worker->cache) >= CACHE_LIMIT)
    {
      g_hash_table_remove_all (worker->cache);
      g_string_chunk_clear (worker->strings);
    }
  const sb_symbol *result = sb_stemmer_stem (worker->stemmer, (const sb_symbol *) norm,
                                             (int) strlen (norm));
  if (result == NULL)  /* out of memory inside Snowball: keep the word */
    return norm;
  const char *key = g_string_chunk_insert (worker->strings, norm);
  stem = g_string_chunk_insert_len (worker->strings, (const char *) result,
                                    sb_stemmer_length (worker->stemmer));
  g_hash_table_insert (worker->cache, (gpointer) key, (gpointer) stem);
  return stem;
}

static gboolean
stem_process (gpointer shared, gpointer worker_data, SaywhoDocument *doc, GError **error)
{
  StemWorker *worker = worker_data;
  (void) shared;
  (void) error;

  for (guint i = 0; i < doc->tokens->len; i++)
    {
      SaywhoToken *tok = saywho_document_token (doc, i);
      if (tok->kind != SAYWHO_TOKEN_WORD)
        {
          tok->stem = tok->norm;
          continue;
        }
      const char *stem = stem_of (worker, tok->norm);
      /* Many stems are the norm itself: no copy needed then. */
      tok->stem = strcmp (stem, tok->norm) == 0 ? tok->norm
                                                : saywho_document_intern (doc, stem, -1);
    }
  return TRUE;
}

const SaywhoStageClass saywho_stage_stem = {
  .name = "stem",
  .create = stem_create,
  .destroy = stem_destroy,
  .worker_new = stem_worker_new,
  .worker_free = stem_worker_free,
  .process = stem_process,
};
