/* trie.c — token trie: interned keys, edges in one open-addressing table.
 *
 * Edges are keyed by their parent node and the hash of their key string,
 * so that a step along a string probes one table, and compares strings
 * only when parent and hash agree: a step that finds no child (how most
 * walks end) compares none.  Key numbers (saywho_trie_key()) are kept for
 * walks by number. */
#include "trie.h"
#include "strmap.h"

#include <string.h>

typedef struct {
  guint32 node;            /* the parent */
  guint32 hash;            /* of the key string */
  guint32 key;             /* key number + 1; 0 = empty slot */
  guint32 child;
} Edge;

/* A key string, by number. */
typedef struct {
  const char *key;
  guint32 len, hash;
} Key;

/* A slot of the key table: the key's hash and number + 1 (0 = empty). */
typedef struct {
  guint32 hash;
  guint32 number;
} KeySlot;

struct _SaywhoTrie {
  KeySlot *key_slots;
  gsize key_capacity;      /* a power of two */
  GArray *keys;            /* Key, by number */
  GStringChunk *key_strings;
  Edge *edges;
  gsize capacity, used;    /* capacity is a power of two */
  guint32 nodes;
  guint32 *attached;       /* per value: its node, until seal */
  guint32 *attached_values;
  guint nattached, attached_size;
  guint32 *first;          /* per node: index of its first value (nodes + 1 entries) */
  guint32 *values;         /* values grouped by node, once sealed */
  guint8 *leaf;            /* per node: no child, once sealed */
  SaywhoTrieNodes view;    /* first, values and leaf, for walks */
  SaywhoTrieFilter *starts;  /* the keys the root has children along, once sealed */
  gboolean sealed;
};

static inline gsize
edge_slot (guint32 node, guint32 hash, gsize mask)
{
  /* Node numbers are small and dense: spread them before the hash. */
  return (hash ^ (node * 0x9e3779b1u)) & mask;
}

SaywhoTrie *
saywho_trie_new (void)
{
  SaywhoTrie *trie = g_new0 (SaywhoTrie, 1);
  trie->key_capacity = 256;
  trie->key_slots = g_new0 (KeySlot, trie->key_capacity);
  trie->keys = g_array_new (FALSE, FALSE, sizeof (Key));
  trie->key_strings = g_string_chunk_new (4096);
  trie->capacity = 1024;
  trie->edges = g_new0 (Edge, trie->capacity);
  trie->nodes = 1;  /* the root */
  return trie;
}

void
saywho_trie_free (SaywhoTrie *trie)
{
  if (trie == NULL)
    return;
  g_free (trie->key_slots);
  g_array_unref (trie->keys);
  g_string_chunk_free (trie->key_strings);
  g_free (trie->edges);
  g_free (trie->attached);
  g_free (trie->attached_values);
  g_free (trie->first);
  g_free (trie->values);
  g_free (trie->leaf);
  g_free (trie->starts);
  g_free (trie);
}

static inline gboolean
key_is (const Key *k, const char *key, gsize len)
{
  return k->len == len && saywho_bytes_equal (k->key, key, len);
}

static gint32
lookup_key (const SaywhoTrie *trie, const char *key, gsize len, guint32 hash)
{
  gsize mask = trie->key_capacity - 1;
  for (gsize s = hash & mask; trie->key_slots[s].number != 0; s = (s + 1) & mask)
    if (trie->key_slots[s].hash == hash)
      {
        guint32 number = trie->key_slots[s].number - 1;
        if (key_is (&g_array_index (trie->keys, Key, number), key, len))
          return (gint32) number;
      }
  return SAYWHO_TRIE_NO_KEY;
}

static void
grow_keys (SaywhoTrie *trie)
{
  g_free (trie->key_slots);
  trie->key_capacity *= 2;
  trie->key_slots = g_new0 (KeySlot, trie->key_capacity);
  gsize mask = trie->key_capacity - 1;
  for (guint32 number = 0; number < trie->keys->len; number++)
    {
      guint32 hash = g_array_index (trie->keys, Key, number).hash;
      gsize s = hash & mask;
      while (trie->key_slots[s].number != 0)
        s = (s + 1) & mask;
      trie->key_slots[s] = (KeySlot) { hash, number + 1 };
    }
}

static gint32
intern_key (SaywhoTrie *trie, const char *key)
{
  gsize len = strlen (key);
  guint32 hash = saywho_str_hash (key, (gssize) len);
  gint32 number = lookup_key (trie, key, len, hash);
  if (number != SAYWHO_TRIE_NO_KEY)
    return number;
  /* Half full at most: a lookup of a word that is no key ends soon. */
  if ((trie->keys->len + 1) * 2 > trie->key_capacity)
    grow_keys (trie);
  Key k = { g_string_chunk_insert_len (trie->key_strings, key, (gssize) len), (guint32) len,
            hash };
  number = (gint32) trie->keys->len;
  g_array_append_val (trie->keys, k);
  gsize mask = trie->key_capacity - 1;
  gsize s = hash & mask;
  while (trie->key_slots[s].number != 0)
    s = (s + 1) & mask;
  trie->key_slots[s] = (KeySlot) { hash, (guint32) number + 1 };
  return number;
}

static void
grow (SaywhoTrie *trie)
{
  Edge *old = trie->edges;
  gsize old_capacity = trie->capacity;
  trie->capacity *= 2;
  trie->edges = g_new0 (Edge, trie->capacity);
  gsize mask = trie->capacity - 1;
  for (gsize i = 0; i < old_capacity; i++)
    if (old[i].key != 0)
      {
        gsize s = edge_slot (old[i].node, old[i].hash, mask);
        while (trie->edges[s].key != 0)
          s = (s + 1) & mask;
        trie->edges[s] = old[i];
      }
  g_free (old);
}

/* The child of node along key number key, or SAYWHO_TRIE_NONE. */
static inline guint32
child (const SaywhoTrie *trie, guint32 node, gint32 key)
{
  if (key < 0)
    return SAYWHO_TRIE_NONE;
  guint32 hash = g_array_index (trie->keys, Key, key).hash;
  gsize mask = trie->capacity - 1;
  for (gsize s = edge_slot (node, hash, mask); trie->edges[s].key != 0; s = (s + 1) & mask)
    if (trie->edges[s].key == (guint32) key + 1 && trie->edges[s].node == node)
      return trie->edges[s].child;
  return SAYWHO_TRIE_NONE;
}

static guint32
child_or_add (SaywhoTrie *trie, guint32 node, gint32 key)
{
  guint32 found = child (trie, node, key);
  if (found != SAYWHO_TRIE_NONE)
    return found;
  /* Half full at most, for the same reason as the keys. */
  if ((trie->used + 1) * 2 > trie->capacity)
    grow (trie);
  guint32 hash = g_array_index (trie->keys, Key, key).hash;
  gsize mask = trie->capacity - 1;
  gsize s = edge_slot (node, hash, mask);
  while (trie->edges[s].key != 0)
    s = (s + 1) & mask;
  trie->edges[s] = (Edge) { node, hash, (guint32) key + 1, trie->nodes++ };
  trie->used++;
  return trie->edges[s].child;
}

void
saywho_trie_insert (SaywhoTrie *trie, const char *const *keys, guint n, guint32 value)
{
  g_return_if_fail (!trie->sealed);
  guint32 node = SAYWHO_TRIE_ROOT;
  for (guint i = 0; i < n; i++)
    node = child_or_add (trie, node, intern_key (trie, keys[i]));
  if (trie->nattached == trie->attached_size)
    {
      trie->attached_size = MAX (1024, 2 * trie->attached_size);
      trie->attached = g_renew (guint32, trie->attached, trie->attached_size);
      trie->attached_values = g_renew (guint32, trie->attached_values, trie->attached_size);
    }
  trie->attached[trie->nattached] = node;
  trie->attached_values[trie->nattached++] = value;
}

void
saywho_trie_seal (SaywhoTrie *trie)
{
  /* Values grouped by node, each node's in increasing order: counted into
   * place, then each group (a few values) sorted by insertion, which costs
   * nothing when they were attached in order, as loaders do. */
  trie->first = g_new0 (guint32, trie->nodes + 1);
  trie->values = g_new (guint32, MAX (trie->nattached, 1));
  for (guint i = 0; i < trie->nattached; i++)
    trie->first[trie->attached[i] + 1]++;
  for (guint32 node = 0; node < trie->nodes; node++)
    trie->first[node + 1] += trie->first[node];
  guint32 *fill = g_new (guint32, trie->nodes);
  memcpy (fill, trie->first, trie->nodes * sizeof *fill);
  for (guint i = 0; i < trie->nattached; i++)
    trie->values[fill[trie->attached[i]]++] = trie->attached_values[i];
  g_free (fill);
  for (guint32 node = 0; node < trie->nodes; node++)
    for (guint32 i = trie->first[node] + 1; i < trie->first[node + 1]; i++)
      {
        guint32 value = trie->values[i], k = i;
        for (; k > trie->first[node] && trie->values[k - 1] > value; k--)
          trie->values[k] = trie->values[k - 1];
        trie->values[k] = value;
      }
  g_clear_pointer (&trie->attached, g_free);
  g_clear_pointer (&trie->attached_values, g_free);
  trie->nattached = trie->attached_size = 0;

  /* Which nodes have children, and along which keys the root has them. */
  trie->leaf = g_new (guint8, trie->nodes);
  memset (trie->leaf, TRUE, trie->nodes);
  trie->starts = g_new0 (SaywhoTrieFilter, 1);
  for (gsize s = 0; s < trie->capacity; s++)
    if (trie->edges[s].key != 0)
      {
        trie->leaf[trie->edges[s].node] = FALSE;
        if (trie->edges[s].node == SAYWHO_TRIE_ROOT)
          {
            guint32 bit = saywho_trie_filter_bit (trie->edges[s].hash);
            trie->starts->bits[bit >> 6] |= G_GUINT64_CONSTANT (1) << (bit & 63);
          }
      }
  trie->view = (SaywhoTrieNodes) { trie->first, trie->values, trie->leaf };
  trie->sealed = TRUE;
}

gint32
saywho_trie_key (const SaywhoTrie *trie, const char *key, guint32 hash)
{
  return lookup_key (trie, key, strlen (key), hash);
}

guint32
saywho_trie_child (const SaywhoTrie *trie, guint32 node, gint32 key)
{
  return child (trie, node, key);
}

guint32
saywho_trie_step (const SaywhoTrie *trie, guint32 node, const char *key, gsize len,
                  guint32 hash)
{
  gsize mask = trie->capacity - 1;
  for (gsize s = edge_slot (node, hash, mask); trie->edges[s].key != 0; s = (s + 1) & mask)
    {
      const Edge *edge = &trie->edges[s];
      if (edge->hash == hash && edge->node == node
          && key_is (&g_array_index (trie->keys, Key, edge->key - 1), key, len))
        return edge->child;
    }
  return SAYWHO_TRIE_NONE;
}

const guint32 *
saywho_trie_values (const SaywhoTrie *trie, guint32 node, guint *n)
{
  g_return_val_if_fail (trie->sealed && node < trie->nodes, (*n = 0, NULL));
  guint32 a = trie->first[node], b = trie->first[node + 1];
  *n = b - a;
  return b > a ? &trie->values[a] : NULL;
}

const SaywhoTrieNodes *
saywho_trie_nodes (const SaywhoTrie *trie)
{
  g_return_val_if_fail (trie->sealed, NULL);
  return &trie->view;
}

const SaywhoTrieFilter *
saywho_trie_start_filter (const SaywhoTrie *trie)
{
  g_return_val_if_fail (trie->sealed, NULL);
  return trie->starts;
}

guint
saywho_trie_size (const SaywhoTrie *trie)
{
  return trie->nodes;
}
