/* wordmap.h — maps from a word to a number, for the stages' lookups.
 *
 * A word is given as its bytes, their length and saywho_str_hash() of them
 * (tokens carry the three for their norm and stem, document.h).  Open
 * addressing; keys are compared by hash and length before their bytes,
 * and are not copied: a key must live as long as the generation it was
 * added in (a document's norm, for a map of that document) or the map
 * (strings its owner keeps).
 *
 * A map is emptied by starting a new generation, which costs nothing
 * whatever it held: per-document maps start every document that way.
 */
#pragma once

#include <glib.h>
#include "strmap.h"

G_BEGIN_DECLS

typedef struct {
  const char *key;
  guint32 len, hash;
  guint32 generation;   /* a slot is in use when it carries the map's */
  guint32 value;
} SaywhoWordSlot;

typedef struct {
  SaywhoWordSlot *slots;
  guint32 mask;         /* slots - 1; slots is a power of two */
  guint32 used;
  guint32 generation;
} SaywhoWordMap;

/* slots: the room to start with, rounded up to a power of two. */
void saywho_word_map_init (SaywhoWordMap *map, guint32 slots);
void saywho_word_map_clear (SaywhoWordMap *map);
/* Forgets every word: a new generation. */
void saywho_word_map_reset (SaywhoWordMap *map);
/* Adds key, which must not be in the map; returns its slot, valid until
 * the next addition. */
SaywhoWordSlot *saywho_word_map_add (SaywhoWordMap *map, const char *key, gsize len,
                                     guint32 hash, guint32 value);

/* key's slot, or NULL. */
static inline SaywhoWordSlot *
saywho_word_map_find (const SaywhoWordMap *map, const char *key, gsize len, guint32 hash)
{
  for (guint32 s = hash & map->mask; map->slots[s].generation == map->generation;
       s = (s + 1) & map->mask)
    {
      SaywhoWordSlot *slot = &map->slots[s];
      if (slot->hash == hash && slot->len == len && saywho_bytes_equal (slot->key, key, len))
        return slot;
    }
  return NULL;
}

/* key's slot, which is added with value when the map does not hold key
 * yet (*added tells which): one probe, inline, where a find() and then
 * an add() probed twice and called.  The map grows exactly when add()
 * would have, so that its slots are where find() and add() put them. */
static inline SaywhoWordSlot *
saywho_word_map_find_or_add (SaywhoWordMap *map, const char *key, gsize len, guint32 hash,
                             guint32 value, gboolean *added)
{
  guint32 s = hash & map->mask;
  for (; map->slots[s].generation == map->generation; s = (s + 1) & map->mask)
    {
      SaywhoWordSlot *slot = &map->slots[s];
      if (slot->hash == hash && slot->len == len && saywho_bytes_equal (slot->key, key, len))
        {
          *added = FALSE;
          return slot;
        }
    }
  *added = TRUE;
  if (G_UNLIKELY ((map->used + 1) * 2 > map->mask + 1))
    return saywho_word_map_add (map, key, len, hash, value);  /* grows, then finds room */
  map->slots[s] = (SaywhoWordSlot) { key, (guint32) len, hash, map->generation, value };
  map->used++;
  return &map->slots[s];
}

G_END_DECLS
