/* strmap.c — open-addressing string map with caller-supplied hashes. */
#include "strmap.h"

#include <string.h>

typedef struct {
  const char *key;   /* NULL: empty */
  guint32 hash;
  guint32 value;
} Slot;

struct _SaywhoStrMap {
  SaywhoStrMapFilter filter;  /* first, for saywho_strmap_lookup() in strmap.h */
  Slot *slots;
  gsize capacity;    /* a power of two */
  gsize used;
  GStringChunk *keys;
  guint16 dirty[SAYWHO_STRMAP_FILTER_BITS / 64];  /* filter words set since the last clear */
  guint ndirty;
};

SaywhoStrMap *
saywho_strmap_new (void)
{
  SaywhoStrMap *map = g_new0 (SaywhoStrMap, 1);
  map->capacity = 64;
  map->slots = g_new0 (Slot, map->capacity);
  map->keys = g_string_chunk_new (4096);
  return map;
}

void
saywho_strmap_free (SaywhoStrMap *map)
{
  if (map == NULL)
    return;
  g_free (map->slots);
  g_string_chunk_free (map->keys);
  g_free (map);
}

void
saywho_strmap_clear (SaywhoStrMap *map)
{
  if (map->used == 0)
    return;
  /* Per-document maps are cleared once per document: zero only the filter
   * words in use, and give back a table that the largest document grew
   * far beyond what this one needed, so that clearing costs what the
   * document put in, not the 8 KiB filter and the largest table. */
  if (map->ndirty < G_N_ELEMENTS (map->filter.bits) / 8)
    for (guint i = 0; i < map->ndirty; i++)
      map->filter.bits[map->dirty[i]] = 0;
  else
    memset (&map->filter, 0, sizeof map->filter);
  map->ndirty = 0;
  if (map->capacity > 64 && map->used * 16 < map->capacity)
    {
      g_free (map->slots);
      map->capacity = MAX (64, map->capacity / 4);
      map->slots = g_new0 (Slot, map->capacity);
    }
  else
    memset (map->slots, 0, map->capacity * sizeof (Slot));
  map->used = 0;
  g_string_chunk_clear (map->keys);
}

guint
saywho_strmap_size (const SaywhoStrMap *map)
{
  return (guint) map->used;
}

static void
grow (SaywhoStrMap *map)
{
  Slot *old = map->slots;
  gsize old_capacity = map->capacity;
  map->capacity *= 2;
  map->slots = g_new0 (Slot, map->capacity);
  gsize mask = map->capacity - 1;
  for (gsize i = 0; i < old_capacity; i++)
    if (old[i].key != NULL)
      {
        gsize s = old[i].hash & mask;
        while (map->slots[s].key != NULL)
          s = (s + 1) & mask;
        map->slots[s] = old[i];
      }
  g_free (old);
}

static guint32
insert (SaywhoStrMap *map, const char *key, guint32 hash, guint32 value, gboolean copy)
{
  if ((map->used + 1) * 2 > map->capacity)
    grow (map);
  gsize mask = map->capacity - 1;
  gsize s = hash & mask;
  while (map->slots[s].key != NULL)
    {
      if (map->slots[s].hash == hash && strcmp (map->slots[s].key, key) == 0)
        {
          guint32 previous = map->slots[s].value;
          map->slots[s].value = value;
          return previous;
        }
      s = (s + 1) & mask;
    }
  map->slots[s] = (Slot) { copy ? g_string_chunk_insert (map->keys, key) : key, hash, value };
  map->used++;
  guint32 bit = (hash >> 16) ^ (hash & 0xffff);
  if (map->filter.bits[bit >> 6] == 0)
    map->dirty[map->ndirty++] = (guint16) (bit >> 6);  /* once per word: no overflow */
  saywho_strmap_filter_add (&map->filter, hash);
  return value;
}

guint32
saywho_strmap_insert (SaywhoStrMap *map, const char *key, guint32 hash, guint32 value)
{
  return insert (map, key, hash, value, TRUE);
}

guint32
saywho_strmap_insert_static (SaywhoStrMap *map, const char *key, guint32 hash, guint32 value)
{
  return insert (map, key, hash, value, FALSE);
}

const SaywhoStrMapFilter *
saywho_strmap_filter (const SaywhoStrMap *map)
{
  return &map->filter;
}

gboolean
saywho_strmap_probe (const SaywhoStrMap *map, const char *key, guint32 hash, guint32 *value)
{
  gsize mask = map->capacity - 1;
  gsize s = hash & mask;
  while (map->slots[s].key != NULL)
    {
      if (map->slots[s].hash == hash && strcmp (map->slots[s].key, key) == 0)
        {
          if (value != NULL)
            *value = map->slots[s].value;
          return TRUE;
        }
      s = (s + 1) & mask;
    }
  return FALSE;
}
