/* wordmap.c — word → number maps emptied by generation (wordmap.h). */
#include "wordmap.h"

#include <string.h>

void
saywho_word_map_init (SaywhoWordMap *map, guint32 slots)
{
  guint32 size = 16;
  while (size < slots)
    size *= 2;
  map->mask = size - 1;
  map->slots = g_new0 (SaywhoWordSlot, size);
  map->used = 0;
  map->generation = 1;
}

void
saywho_word_map_clear (SaywhoWordMap *map)
{
  g_clear_pointer (&map->slots, g_free);
  map->mask = map->used = 0;
}

void
saywho_word_map_reset (SaywhoWordMap *map)
{
  map->used = 0;
  if (G_UNLIKELY (++map->generation == 0))
    {
      memset (map->slots, 0, (map->mask + 1) * sizeof *map->slots);
      map->generation = 1;
    }
}

/* Twice the room; only the current generation's words move over. */
static void
grow (SaywhoWordMap *map)
{
  SaywhoWordSlot *old = map->slots;
  guint32 old_size = map->mask + 1;
  map->mask = 2 * old_size - 1;
  map->slots = g_new0 (SaywhoWordSlot, map->mask + 1);
  for (guint32 i = 0; i < old_size; i++)
    if (old[i].generation == map->generation)
      {
        guint32 s = old[i].hash & map->mask;
        while (map->slots[s].generation == map->generation)
          s = (s + 1) & map->mask;
        map->slots[s] = old[i];
      }
  g_free (old);
}

SaywhoWordSlot *
saywho_word_map_add (SaywhoWordMap *map, const char *key, gsize len, guint32 hash,
                     guint32 value)
{
  if ((map->used + 1) * 2 > map->mask + 1)
    grow (map);
  guint32 s = hash & map->mask;
  while (map->slots[s].generation == map->generation)
    s = (s + 1) & map->mask;
  map->slots[s] = (SaywhoWordSlot) { key, (guint32) len, hash, map->generation, value };
  map->used++;
  return &map->slots[s];
}
