/* trie.c — token trie: interned keys, edges in one open-addressing table. */
#include "trie.h"
#include "strmap.h"

#include <string.h>

typedef struct {
  guint64 key;    /* (parent node << 32) | (key number + 1); 0 = empty */
  guint32 child;
} Edge;

typedef struct {
  guint32 node, value;
} Attached;

struct _SaywhoTrie {
  SaywhoStrMap *keys;      /* key string → key number */
  Edge *edges;
  gsize capacity, used;    /* capacity is a power of two */
  guint32 nodes;
  GArray *attached;        /* Attached, sorted by node once sealed */
  guint32 *first;          /* per node: index of its first value (nodes + 1 entries) */
  guint32 *values;         /* values grouped by node, once sealed */
  gboolean sealed;
};

static inline gsize
edge_slot (guint64 key, gsize mask)
{
  /* A 64-bit mix: node and key numbers are small and dense. */
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdull;
  key ^= key >> 33;
  return (gsize) key & mask;
}

SaywhoTrie *
saywho_trie_new (void)
{
  SaywhoTrie *trie = g_new0 (SaywhoTrie, 1);
  trie->keys = saywho_strmap_new ();
  trie->capacity = 1024;
  trie->edges = g_new0 (Edge, trie->capacity);
  trie->nodes = 1;  /* the root */
  trie->attached = g_array_new (FALSE, FALSE, sizeof (Attached));
  return trie;
}

void
saywho_trie_free (SaywhoTrie *trie)
{
  if (trie == NULL)
    return;
  saywho_strmap_free (trie->keys);
  g_free (trie->edges);
  g_array_unref (trie->attached);
  g_free (trie->first);
  g_free (trie->values);
  g_free (trie);
}

static gint32
intern_key (SaywhoTrie *trie, const char *key)
{
  guint32 hash = saywho_str_hash (key, -1), number;
  if (saywho_strmap_lookup (trie->keys, key, hash, &number))
    return (gint32) number;
  number = saywho_strmap_size (trie->keys);
  saywho_strmap_insert (trie->keys, key, hash, number);
  return (gint32) number;
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
        gsize s = edge_slot (old[i].key, mask);
        while (trie->edges[s].key != 0)
          s = (s + 1) & mask;
        trie->edges[s] = old[i];
      }
  g_free (old);
}

static guint32
child_or_add (SaywhoTrie *trie, guint32 node, gint32 key)
{
  if ((trie->used + 1) * 4 > trie->capacity * 3)
    grow (trie);
  guint64 k = ((guint64) node << 32) | (guint64) (key + 1);
  gsize mask = trie->capacity - 1;
  gsize s = edge_slot (k, mask);
  while (trie->edges[s].key != 0)
    {
      if (trie->edges[s].key == k)
        return trie->edges[s].child;
      s = (s + 1) & mask;
    }
  trie->edges[s].key = k;
  trie->edges[s].child = trie->nodes++;
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
  Attached a = { node, value };
  g_array_append_val (trie->attached, a);
}

static int
compare_attached (gconstpointer a, gconstpointer b)
{
  const Attached *x = a, *y = b;
  if (x->node != y->node)
    return x->node < y->node ? -1 : 1;
  return x->value < y->value ? -1 : x->value > y->value;
}

void
saywho_trie_seal (SaywhoTrie *trie)
{
  g_array_sort (trie->attached, compare_attached);
  trie->first = g_new0 (guint32, trie->nodes + 1);
  trie->values = g_new (guint32, MAX (trie->attached->len, 1));
  guint32 i = 0;
  for (guint32 node = 0; node <= trie->nodes; node++)
    {
      trie->first[node] = i;
      while (i < trie->attached->len
             && g_array_index (trie->attached, Attached, i).node == node)
        {
          trie->values[i] = g_array_index (trie->attached, Attached, i).value;
          i++;
        }
    }
  g_array_set_size (trie->attached, 0);
  trie->sealed = TRUE;
}

gint32
saywho_trie_key (const SaywhoTrie *trie, const char *key, guint32 hash)
{
  guint32 number;
  return saywho_strmap_lookup (trie->keys, key, hash, &number) ? (gint32) number
                                                               : SAYWHO_TRIE_NO_KEY;
}

guint32
saywho_trie_child (const SaywhoTrie *trie, guint32 node, gint32 key)
{
  if (key < 0)
    return SAYWHO_TRIE_NONE;
  guint64 k = ((guint64) node << 32) | (guint64) (key + 1);
  gsize mask = trie->capacity - 1;
  gsize s = edge_slot (k, mask);
  while (trie->edges[s].key != 0)
    {
      if (trie->edges[s].key == k)
        return trie->edges[s].child;
      s = (s + 1) & mask;
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

guint
saywho_trie_size (const SaywhoTrie *trie)
{
  return trie->nodes;
}
