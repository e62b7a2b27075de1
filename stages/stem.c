/* stem.c — the stem stage: a Snowball stem for every word.
 *
 * Stems are taken of the token's norm (NFC, case-folded), as libstemmer
 * expects.  An sb_stemmer is not thread-safe and its result buffer dies at
 * the next call, so each worker has its own, and every stem is copied into
 * the document.  News vocabulary is small next to its token count, so each
 * worker keeps a cache of norm → stem: fixed size, so its memory is
 * bounded, and two-way: a word has two slots, so that two frequent words
 * of the same slot ("and" and "thing") do not evict each other at every
 * turn, as they did when each word had one.  A miss moves the newer word
 * of the pair to the second slot and takes the first.
 *
 * A slot is 32 bytes and a pair one cache line, so a lookup touches one
 * line: the cache is read at every word, and on a busy machine a second
 * line is a second wait.  An English stem is the start of its word and a
 * short ending ("ministers" → "minist", "policy" → "polici"), so a slot
 * keeps the norm and only how much of it the stem shares and what follows.
 * Words of more than 16 bytes, and stems that end in more than 4 bytes of
 * their own, are stemmed every time (few in news).
 */
#include "stages.h"

#include "../pipeline/strmap.h"

#include <libstemmer.h>
#include <string.h>

#define CACHE_SLOTS 32768          /* a power of two: 1 MB, in pairs; few misses on news */
#define CACHE_WORD 16              /* longer words are not cached */
#define CACHE_ENDING 4             /* nor stems with more bytes of their own */

typedef struct {
  guint32 norm_hash, stem_hash;
  guint8 norm_len;                 /* 0: empty slot */
  guint8 stem_len;
  guint8 shared;                   /* bytes of the stem that start the norm */
  guint8 room;                     /* pool bytes a copy of the stem takes; 0: the norm */
  char norm[CACHE_WORD];
  char ending[CACHE_ENDING];       /* the stem's bytes after the shared ones */
} CacheSlot;

G_STATIC_ASSERT (sizeof (CacheSlot) == 32);

typedef struct {
  char *language;
} Stemmer;

typedef struct {
  struct sb_stemmer *stemmer;
  CacheSlot *cache;        /* CACHE_SLOTS slots, at a 64-byte boundary in block */
  gpointer block;
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
  /* Aligned, so that a pair of slots is one cache line.  g_malloc0() of a
   * block this large maps pages the kernel zeroes when first touched (most
   * never are, for the loaders' short runs), where g_aligned_alloc0()
   * would clear all of it up front. */
  worker->block = g_malloc0 (CACHE_SLOTS * sizeof (CacheSlot) + 64);
  worker->cache = (CacheSlot *) (((guintptr) worker->block + 63) & ~(guintptr) 63);
  return worker;
}

static void
stem_worker_free (gpointer data)
{
  StemWorker *worker = data;
  sb_stemmer_delete (worker->stemmer);
  g_free (worker->block);
  g_free (worker);
}

/* Sets the stem of tok, a word the cache does not hold, from the stemmer,
 * and puts it in slot (its pair in the cache; NULL: not to be cached).
 * Not inlined: most words hit, and the stemmer's call and the slot's
 * filling inline kept registers of the hit path busy at every word. */
G_NO_INLINE static void
stem_miss (StemWorker *worker, SaywhoDocument *doc, SaywhoToken *tok, CacheSlot *slot)
{
  const char *norm = tok->norm;
  gsize len = tok->norm_len;
  const sb_symbol *result = sb_stemmer_stem (worker->stemmer, (const sb_symbol *) norm,
                                             (int) len);
  if (result == NULL)  /* out of memory inside Snowball: keep the word */
    {
      tok->stem = norm;
      tok->stem_len = tok->norm_len;
      tok->stem_hash = tok->norm_hash;
      return;
    }
  gsize stem_len = (gsize) sb_stemmer_length (worker->stemmer);
  /* how much of the norm the stem starts with: all of it, and nothing
   * more, when the word is its own stem */
  gsize shared = 0;
  while (shared < stem_len && shared < len && result[shared] == (sb_symbol) norm[shared])
    shared++;
  gboolean is_norm = shared == len && stem_len == len;
  tok->stem_len = (guint32) stem_len;
  tok->stem_hash = is_norm ? tok->norm_hash : saywho_str_hash ((const char *) result,
                                                               (gssize) stem_len);
  tok->stem = is_norm ? norm : saywho_document_intern (doc, (const char *) result,
                                                       (gssize) stem_len);
  if (slot != NULL && stem_len - shared <= CACHE_ENDING)
    {
      if (slot->norm_len != 0)
        slot[1] = slot[0];
      slot->norm_hash = tok->norm_hash;
      slot->norm_len = (guint8) len;
      memcpy (slot->norm, norm, len);
      slot->stem_hash = tok->stem_hash;
      slot->stem_len = (guint8) stem_len;
      slot->shared = (guint8) shared;
      slot->room = is_norm ? 0 : (guint8) MAX (CACHE_WORD, shared + CACHE_ENDING + 1);
      memcpy (slot->ending, result + shared, stem_len - shared);
    }
}

/* Sets the stem of tok, a word: from the cache, or from the stemmer (and
 * then into the cache). */
static void
stem_token (StemWorker *worker, SaywhoDocument *doc, SaywhoToken *tok)
{
  const char *norm = tok->norm;
  gsize len = tok->norm_len;
  CacheSlot *slot = NULL;
  if (len <= CACHE_WORD)
    {
      CacheSlot *pair = &worker->cache[tok->norm_hash & (CACHE_SLOTS - 2)];
      for (guint k = 0; k < 2; k++)
        if (pair[k].norm_hash == tok->norm_hash && pair[k].norm_len == len
            && saywho_bytes_equal (pair[k].norm, norm, len))
          {
            const CacheSlot *hit = &pair[k];
            tok->stem_hash = hit->stem_hash;
            tok->stem_len = hit->stem_len;
            if (hit->room == 0)
              tok->stem = norm;
            else
              {
                /* The slot's norm and the ending are copied whole, two
                 * fixed-size moves rather than a call for the shared part:
                 * room holds both, whatever the stem's length. */
                char *stem = saywho_document_alloc (doc, hit->room);
                memcpy (stem, hit->norm, CACHE_WORD);
                memcpy (stem + hit->shared, hit->ending, CACHE_ENDING);
                stem[hit->stem_len] = '\0';
                tok->stem = stem;
              }
            return;
          }
      slot = pair;
    }
  stem_miss (worker, doc, tok, slot);
}

static gboolean
stem_process (gpointer shared, gpointer worker_data, SaywhoDocument *doc, GError **error)
{
  StemWorker *worker = worker_data;
  (void) shared;
  (void) error;

  SaywhoToken *tokens = (SaywhoToken *) (void *) doc->tokens->data;
  guint n = doc->tokens->len;
  /* The cache line of a word a few tokens on is asked for now, so that it
   * is there when its turn comes: the cache is larger than the core's own
   * caches, and a line read cold stalled the stage for most of its time. */
  enum { AHEAD = 8 };
  const CacheSlot *cache = worker->cache;
  for (guint i = 0; i < n; i++)
    {
      /* near the end, the last token's line again: no test to skip it */
      guint ahead = MIN (i + AHEAD, n - 1);
      __builtin_prefetch (&cache[tokens[ahead].norm_hash & (CACHE_SLOTS - 2)]);
      SaywhoToken *tok = &tokens[i];
      if (tok->kind == SAYWHO_TOKEN_WORD)
        stem_token (worker, doc, tok);
      else
        {
          tok->stem = tok->norm;
          tok->stem_len = tok->norm_len;
          tok->stem_hash = tok->norm_hash;
        }
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
