/* document.c — the Document and its string pool. */
#include "document.h"

#include <string.h>

SaywhoDocument *
saywho_document_new_take (const char *id, const char *source, char *text, gsize length)
{
  SaywhoDocument *doc = g_new0 (SaywhoDocument, 1);

  doc->id = g_strdup (id);
  doc->source = g_strdup (source);
  doc->text = text;
  doc->length = length;
  doc->tokens = g_array_new (FALSE, FALSE, sizeof (SaywhoToken));
  doc->sentences = g_array_new (FALSE, FALSE, sizeof (SaywhoSpan));
  doc->paragraphs = g_array_new (FALSE, FALSE, sizeof (SaywhoSpan));
  doc->entities = g_array_new (FALSE, FALSE, sizeof (SaywhoEntity));
  doc->quotes = g_array_new (FALSE, FALSE, sizeof (SaywhoQuote));
  /* Norms and their NULs take at most twice the text; stems and ids
   * that differ from their norm are few. */
  doc->strings.first_size = MIN (MAX (length * 2 + 64, 1024), 64 * 1024 * 1024);
  return doc;
}

SaywhoDocument *
saywho_document_new (const char *id, const char *text)
{
  gsize length = strlen (text);
  return saywho_document_new_take (id, NULL, g_memdup2 (text, length + 1), length);
}

void
saywho_document_free (SaywhoDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->id);
  g_free (doc->source);
  g_free (doc->text);
  g_array_unref (doc->tokens);
  g_array_unref (doc->sentences);
  g_array_unref (doc->paragraphs);
  g_array_unref (doc->entities);
  g_array_unref (doc->quotes);
  saywho_string_pool_clear (&doc->strings);
  g_free (doc->strings.blocks);
  g_free (doc);
}

struct _SaywhoPoolBlock {
  SaywhoPoolBlock *older;
  gsize size;               /* bytes in data */
  char data[];
};

void
saywho_string_pool_reserve (SaywhoStringPool *pool, gsize n)
{
  /* Blocks double, so a document's strings take few of them; a string
   * larger than the next block gets one of its own size. */
  gsize size = pool->blocks != NULL ? pool->blocks->size * 2 : MAX (pool->first_size, 64);
  size = MAX (size, n);
  SaywhoPoolBlock *block = g_malloc (sizeof (SaywhoPoolBlock) + size);
  block->older = pool->blocks;
  block->size = size;
  pool->blocks = block;
  pool->next = block->data;
  pool->end = block->data + size;
}

char *
saywho_string_pool_grow (SaywhoStringPool *pool, gsize n)
{
  saywho_string_pool_reserve (pool, n);
  char *p = pool->next;
  pool->next += n;
  return p;
}

void
saywho_string_pool_clear (SaywhoStringPool *pool)
{
  /* keep the oldest block (the first one) for reuse */
  while (pool->blocks != NULL && pool->blocks->older != NULL)
    {
      SaywhoPoolBlock *older = pool->blocks->older;
      g_free (pool->blocks);
      pool->blocks = older;
    }
  if (pool->blocks != NULL)
    {
      pool->next = pool->blocks->data;
      pool->end = pool->blocks->data + pool->blocks->size;
    }
}

gint
saywho_document_entity_at (const SaywhoDocument *doc, guint i)
{
  return saywho_entities_find ((const SaywhoEntity *) (const void *) doc->entities->data,
                               doc->entities->len, i);
}

guint
saywho_document_entity_from (const SaywhoDocument *doc, guint i)
{
  guint lo = 0, hi = doc->entities->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (doc->entities, SaywhoEntity, mid).span.end <= i)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
saywho_document_merge_entities (SaywhoDocument *doc, const GArray *additions)
{
  if (additions->len == 0)
    return;
  /* In place, where a new array for every merge cost an allocation and a
   * free (thousands of merges a thousand documents).  The old entities
   * that end before the first addition stay where they are; the rest move
   * to the end of the grown array, out of the way, and the merge writes
   * from there on: it never overtakes what it has still to read, as it
   * has written at most the additions taken more than the old ones taken,
   * and the old ones moved by all the additions. */
  GArray *list = doc->entities;
  guint len = list->len, nadd = additions->len;
  const SaywhoEntity *adds = (const SaywhoEntity *) (const void *) additions->data;
  guint keep = 0;
  {
    const SaywhoEntity *old = (const SaywhoEntity *) (const void *) list->data;
    while (keep < len && old[keep].span.end <= adds[0].span.start)
      keep++;
  }
  g_array_set_size (list, len + nadd);
  SaywhoEntity *to = (SaywhoEntity *) (void *) list->data;
  memmove (to + keep + nadd, to + keep, (len - keep) * sizeof *to);
  const SaywhoEntity *from = to + nadd;  /* the old entity o is from[o] */
  guint o = keep, m = keep;
  for (guint a = 0; a < nadd; a++)
    {
      const SaywhoEntity *add = &adds[a];
      /* keep the old entities before it, drop the ones it overlaps */
      while (o < len && from[o].span.end <= add->span.start)
        to[m++] = from[o++];
      while (o < len && from[o].span.start < add->span.end)
        o++;
      /* an addition that overlaps the one before it (a name claimed
       * twice in one pass) is dropped: entities never overlap */
      if (a > 0 && m > 0 && to[m - 1].span.end > add->span.start)
        continue;
      to[m++] = *add;
    }
  while (o < len)
    to[m++] = from[o++];
  g_array_set_size (list, m);
}

void
saywho_document_set_entity (SaywhoDocument *doc, const SaywhoEntity *entity)
{
  GArray *list = doc->entities;
  guint at = 0;
  while (at < list->len && g_array_index (list, SaywhoEntity, at).span.end <= entity->span.start)
    at++;
  guint end = at;
  while (end < list->len && g_array_index (list, SaywhoEntity, end).span.start < entity->span.end)
    end++;
  if (end > at)
    g_array_remove_range (list, at, end - at);
  g_array_insert_val (list, at, *entity);
}

static const char *const entity_type_names[] = {
  [SAYWHO_ENTITY_PER] = "PER",
  [SAYWHO_ENTITY_ORG] = "ORG",
  [SAYWHO_ENTITY_LOC] = "LOC",
  [SAYWHO_ENTITY_MISC] = "MISC",
};

const char *
saywho_entity_type_name (SaywhoEntityType type)
{
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (entity_type_names), "MISC");
  return entity_type_names[type];
}

gboolean
saywho_entity_type_parse (const char *name, SaywhoEntityType *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_type_names); i++)
    if (g_strcmp0 (name, entity_type_names[i]) == 0)
      {
        *out = (SaywhoEntityType) i;
        return TRUE;
      }
  return FALSE;
}
