/* trie.c — token trie: interned keys, edges in one open-addressing table.
 *
 * Edges are keyed by their parent node and the hash of their key string,
 * so that a step along a string probes one table, and compares strings
 * only when parent and hash agree: a step that finds no child (how most
 * walks end) compares none.  Key numbers (saywho_trie_key()) are kept for
 * walks by number.
 *
 * A step in the edge table reads three places: the edge, its key, and
 * the key's string.  Most walks are one step from the root (a capitalized
 * word that starts some name, then nothing), so once sealed the root's
 * edges are also kept in a table of their own with each key's bytes
 * and the child's values inline: a step from the root reads one slot
 * (saywho_trie_root_step(), inline in trie.h).
 * Most steps from a node past the root find no child; a filter of the
 * edges (one bit per parent and key hash) turns them away before the
 * table, which is far larger than the caches. */
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

#define ROOT_INLINE SAYWHO_TRIE_ROOT_INLINE
typedef SaywhoTrieRootSlot RootSlot;

G_STATIC_ASSERT (sizeof (RootSlot) == 32);

/* A slot of the key table: the key's hash and number + 1 (0 = empty). */
typedef struct {
  guint32 hash;
  guint32 number;
} KeySlot;

struct _SaywhoTrie {
  KeySlot *key_slots;
  gsize key_capacity;      /* a power of two */
  Key *keys;               /* by number */
  guint32 nkeys, keys_size;
  GStringChunk *key_strings;
  Edge *edges;
  gsize capacity, used;    /* capacity is a power of two */
  guint32 nodes;
  guint32 *attached;       /* per value: its node, until seal */
  guint32 *attached_values;
  guint nattached, attached_size;
  gboolean unordered;      /* a value was attached after a larger one */
  SaywhoTrieNodeInfo *info;  /* per node, once sealed */
  guint32 *values;         /* values grouped by node, once sealed */
  /* Kept as edges are added, which seal() would otherwise find by a pass
   * over the whole table: */
  guint8 *leaf;            /* per node: no child; until sealed */
  guint32 leaf_size;
  SaywhoTrieFilter *starts;  /* the keys the root has children along */
  SaywhoTrieFilter *inner;   /* the other edges, by parent and key */
  SaywhoTrieNodes view;    /* info and values, for walks */
  RootSlot *root;          /* the root's edges, once sealed */
  gsize root_mask;         /* slots - 1 */
  gboolean sealed;
};

static inline gsize
edge_slot (guint32 node, guint32 hash, gsize mask)
{
  /* Node numbers are small and dense: spread them before the hash. */
  return (hash ^ (node * 0x9e3779b1u)) & mask;
}

static inline void
filter_set (SaywhoTrieFilter *filter, guint32 bit)
{
  filter->bits[bit >> 6] |= G_GUINT64_CONSTANT (1) << (bit & 63);
}

SaywhoTrie *
saywho_trie_new (void)
{
  SaywhoTrie *trie = g_new0 (SaywhoTrie, 1);
  trie->key_capacity = 256;
  trie->key_slots = g_new0 (KeySlot, trie->key_capacity);
  trie->keys_size = 256;
  trie->keys = g_new (Key, trie->keys_size);
  trie->key_strings = g_string_chunk_new (4096);
  trie->capacity = 1024;
  trie->edges = g_new0 (Edge, trie->capacity);
  trie->nodes = 1;  /* the root, a leaf until it has a child */
  trie->leaf_size = 1024;
  trie->leaf = g_new (guint8, trie->leaf_size);
  trie->leaf[SAYWHO_TRIE_ROOT] = TRUE;
  trie->starts = g_new0 (SaywhoTrieFilter, 1);
  trie->inner = g_new0 (SaywhoTrieFilter, 1);
  return trie;
}

void
saywho_trie_free (SaywhoTrie *trie)
{
  if (trie == NULL)
    return;
  g_free (trie->key_slots);
  g_free (trie->keys);
  g_string_chunk_free (trie->key_strings);
  g_free (trie->edges);
  g_free (trie->attached);
  g_free (trie->attached_values);
  g_free (trie->info);
  g_free (trie->values);
  g_free (trie->leaf);
  g_free (trie->starts);
  g_free (trie->inner);
  g_free (trie->root);
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
        if (key_is (&trie->keys[number], key, len))
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
  for (guint32 number = 0; number < trie->nkeys; number++)
    {
      guint32 hash = trie->keys[number].hash;
      gsize s = hash & mask;
      while (trie->key_slots[s].number != 0)
        s = (s + 1) & mask;
      trie->key_slots[s] = (KeySlot) { hash, number + 1 };
    }
}

gint32
saywho_trie_add_key (SaywhoTrie *trie, const char *key, gsize len, guint32 hash)
{
  g_return_val_if_fail (!trie->sealed, SAYWHO_TRIE_NO_KEY);
  gint32 number = lookup_key (trie, key, len, hash);
  if (number != SAYWHO_TRIE_NO_KEY)
    return number;
  /* Half full at most: a lookup of a word that is no key ends soon. */
  if ((trie->nkeys + 1) * 2 > trie->key_capacity)
    grow_keys (trie);
  if (trie->nkeys == trie->keys_size)
    {
      trie->keys_size *= 2;
      trie->keys = g_renew (Key, trie->keys, trie->keys_size);
    }
  number = (gint32) trie->nkeys++;
  trie->keys[number] = (Key) {
    g_string_chunk_insert_len (trie->key_strings, key, (gssize) len), (guint32) len, hash
  };
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
  guint32 hash = trie->keys[key].hash;
  gsize mask = trie->capacity - 1;
  for (gsize s = edge_slot (node, hash, mask); trie->edges[s].key != 0; s = (s + 1) & mask)
    if (trie->edges[s].key == (guint32) key + 1 && trie->edges[s].node == node)
      return trie->edges[s].child;
  return SAYWHO_TRIE_NONE;
}

/* Adds the edge from node along key (its hash) at slot s, found empty:
 * out of line, so that child_or_add() is inlined into the insert loops. */
static G_GNUC_NO_INLINE guint32
add_edge (SaywhoTrie *trie, guint32 node, gint32 key, guint32 hash, gsize s)
{
  /* Half full at most, for the same reason as the keys. */
  if ((trie->used + 1) * 2 > trie->capacity)
    {
      grow (trie);
      gsize mask = trie->capacity - 1;
      s = edge_slot (node, hash, mask);
      while (trie->edges[s].key != 0)
        s = (s + 1) & mask;
    }
  guint32 added = trie->nodes++;
  trie->edges[s] = (Edge) { node, hash, (guint32) key + 1, added };
  trie->used++;
  if (G_UNLIKELY (added == trie->leaf_size))
    {
      trie->leaf_size *= 2;
      trie->leaf = g_renew (guint8, trie->leaf, trie->leaf_size);
    }
  trie->leaf[added] = TRUE;
  trie->leaf[node] = FALSE;
  if (node == SAYWHO_TRIE_ROOT)
    filter_set (trie->starts, saywho_trie_filter_bit (hash));
  else
    filter_set (trie->inner, saywho_trie_filter_bit (saywho_trie_inner_hash (node, hash)));
  return added;
}

static inline guint32
child_or_add (SaywhoTrie *trie, guint32 node, gint32 key)
{
  /* One probe finds the edge or the empty slot it goes in. */
  guint32 hash = trie->keys[key].hash;
  gsize mask = trie->capacity - 1;
  gsize s = edge_slot (node, hash, mask);
  for (; trie->edges[s].key != 0; s = (s + 1) & mask)
    if (trie->edges[s].key == (guint32) key + 1 && trie->edges[s].node == node)
      return trie->edges[s].child;
  return add_edge (trie, node, key, hash, s);
}

/* Attaches value at node. */
static inline void
attach (SaywhoTrie *trie, guint32 node, guint32 value)
{
  if (trie->nattached == trie->attached_size)
    {
      trie->attached_size = MAX (1024, 2 * trie->attached_size);
      trie->attached = g_renew (guint32, trie->attached, trie->attached_size);
      trie->attached_values = g_renew (guint32, trie->attached_values, trie->attached_size);
    }
  if (trie->nattached > 0 && value < trie->attached_values[trie->nattached - 1])
    trie->unordered = TRUE;
  trie->attached[trie->nattached] = node;
  trie->attached_values[trie->nattached++] = value;
}

void
saywho_trie_insert (SaywhoTrie *trie, const char *const *keys, guint n, guint32 value)
{
  g_return_if_fail (!trie->sealed);
  guint32 node = SAYWHO_TRIE_ROOT;
  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (keys[i]);
      guint32 hash = saywho_str_hash (keys[i], (gssize) len);
      node = child_or_add (trie, node, saywho_trie_add_key (trie, keys[i], len, hash));
    }
  attach (trie, node, value);
}

void
saywho_trie_insert_keys (SaywhoTrie *trie, const gint32 *keys, guint n, guint32 value)
{
  g_return_if_fail (!trie->sealed);
  guint32 node = SAYWHO_TRIE_ROOT;
  for (guint i = 0; i < n; i++)
    node = child_or_add (trie, node, keys[i]);
  attach (trie, node, value);
}

void
saywho_trie_seal (SaywhoTrie *trie)
{
  /* Values grouped by node, each node's in increasing order: counted into
   * place, then each group (a few values) sorted by insertion, unless they
   * were attached in order, as loaders do. */
  guint32 *first = g_new0 (guint32, trie->nodes + 1);
  trie->values = g_new (guint32, MAX (trie->nattached, 1));
  for (guint i = 0; i < trie->nattached; i++)
    first[trie->attached[i] + 1]++;
  for (guint32 node = 0; node < trie->nodes; node++)
    first[node + 1] += first[node];
  guint32 *fill = g_new (guint32, trie->nodes);
  memcpy (fill, first, trie->nodes * sizeof *fill);
  for (guint i = 0; i < trie->nattached; i++)
    trie->values[fill[trie->attached[i]]++] = trie->attached_values[i];
  g_free (fill);
  if (trie->unordered)
    for (guint32 node = 0; node < trie->nodes; node++)
      for (guint32 i = first[node] + 1; i < first[node + 1]; i++)
        {
          guint32 value = trie->values[i], k = i;
          for (; k > first[node] && trie->values[k - 1] > value; k--)
            trie->values[k] = trie->values[k - 1];
          trie->values[k] = value;
        }
  g_clear_pointer (&trie->attached, g_free);
  g_clear_pointer (&trie->attached_values, g_free);
  trie->nattached = trie->attached_size = 0;
  trie->info = g_new (SaywhoTrieNodeInfo, trie->nodes);
  for (guint32 node = 0; node < trie->nodes; node++)
    {
      guint32 n = first[node + 1] - first[node];
      trie->info[node] = (SaywhoTrieNodeInfo) {
        n == 1 ? trie->values[first[node]] : first[node], n << 1 | trie->leaf[node]
      };
    }
  g_free (first);
  g_clear_pointer (&trie->leaf, g_free);

  /* The root's table, at most half full. */
  gsize nroot = 0;
  for (gsize s = 0; s < trie->capacity; s++)
    nroot += trie->edges[s].key != 0 && trie->edges[s].node == SAYWHO_TRIE_ROOT;
  gsize slots = 16;
  while (slots < 2 * nroot)
    slots *= 2;
  trie->root = g_new0 (RootSlot, slots);
  trie->root_mask = slots - 1;
  for (gsize s = 0; s < trie->capacity; s++)
    {
      const Edge *edge = &trie->edges[s];
      if (edge->key == 0 || edge->node != SAYWHO_TRIE_ROOT)
        continue;
      const Key *k = &trie->keys[edge->key - 1];
      gsize r = edge->hash & trie->root_mask;
      while (trie->root[r].child != 0)
        r = (r + 1) & trie->root_mask;
      RootSlot *slot = &trie->root[r];
      *slot = (RootSlot) { edge->hash, edge->child, trie->info[edge->child], 0, { 0 } };
      slot->len = (guint8) MIN (k->len, (guint32) ROOT_INLINE + 1);
      if (k->len <= ROOT_INLINE)
        memcpy (slot->bytes, k->key, k->len);
      else
        {
          guint32 number = edge->key - 1;
          memcpy (slot->bytes, &number, sizeof number);
        }
    }
  trie->view = (SaywhoTrieNodes) { trie->info, trie->values, trie->root, trie->root_mask };
  trie->sealed = TRUE;
}

gboolean
saywho_trie_root_long_key_is (const SaywhoTrie *trie, const RootSlot *slot, const char *key,
                              gsize len)
{
  guint32 number;
  memcpy (&number, slot->bytes, sizeof number);
  return slot->len > ROOT_INLINE && key_is (&trie->keys[number], key, len);
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
  if (node == SAYWHO_TRIE_ROOT && trie->root != NULL)
    {
      const SaywhoTrieNodeInfo *info;
      return saywho_trie_root_step (trie, &trie->view, key, len, hash, &info);
    }
  if (node != SAYWHO_TRIE_ROOT && !saywho_trie_inner_test (trie->inner, node, hash))
    return SAYWHO_TRIE_NONE;
  gsize mask = trie->capacity - 1;
  for (gsize s = edge_slot (node, hash, mask); trie->edges[s].key != 0; s = (s + 1) & mask)
    {
      const Edge *edge = &trie->edges[s];
      if (edge->hash == hash && edge->node == node
          && key_is (&trie->keys[edge->key - 1], key, len))
        return edge->child;
    }
  return SAYWHO_TRIE_NONE;
}

const guint32 *
saywho_trie_values (const SaywhoTrie *trie, guint32 node, guint *n)
{
  g_return_val_if_fail (trie->sealed && node < trie->nodes, (*n = 0, NULL));
  const guint32 *values = saywho_trie_nodes_values (&trie->view, node, n);
  return *n > 0 ? values : NULL;
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

const SaywhoTrieFilter *
saywho_trie_inner_filter (const SaywhoTrie *trie)
{
  g_return_val_if_fail (trie->sealed, NULL);
  return trie->inner;
}

guint
saywho_trie_size (const SaywhoTrie *trie)
{
  return trie->nodes;
}
