/* trie.h — a trie over tokens: sequences of strings mapped to values.
 *
 * Build it once (insert, then seal), then walk it from any token: each step
 * is one hash probe, so the cost per token does not depend on how many
 * sequences the trie holds.  Key strings are interned: a document's tokens
 * are looked up once with saywho_trie_key() and walked by number, or
 * walked by their strings with saywho_trie_step().
 *
 * A sealed trie is read-only and may be shared by threads.
 */
#pragma once

#include <glib.h>
#include "strmap.h"

G_BEGIN_DECLS

typedef struct _SaywhoTrie SaywhoTrie;

#define SAYWHO_TRIE_ROOT 0u
#define SAYWHO_TRIE_NONE 0u   /* "no such child": the root is nobody's child */
#define SAYWHO_TRIE_NO_KEY (-1)

/* One bit per key hash, for the keys that start a sequence: a walk from a
 * token whose bit is clear (most tokens, for most tries) is over before it
 * starts, at the cost of a bit test inline. */
#define SAYWHO_TRIE_FILTER_SHIFT 18
typedef struct {
  guint64 bits[(1u << SAYWHO_TRIE_FILTER_SHIFT) / 64];
} SaywhoTrieFilter;

SaywhoTrie *saywho_trie_new (void);
void        saywho_trie_free (SaywhoTrie *trie);

/* Adds the sequence keys[0..n) and attaches value at its end. */
void        saywho_trie_insert (SaywhoTrie *trie, const char *const *keys, guint n,
                                guint32 value);
/* The number of the key string of len bytes (hash: saywho_str_hash() of
 * it; no NUL needed after it), added if new: a loader that inserts the
 * same words many times looks each up once and inserts by number. */
gint32      saywho_trie_add_key (SaywhoTrie *trie, const char *key, gsize len, guint32 hash);
/* saywho_trie_insert() by key numbers from saywho_trie_add_key(). */
void        saywho_trie_insert_keys (SaywhoTrie *trie, const gint32 *keys, guint n,
                                     guint32 value);
/* Ends building: values are grouped by node.  No inserts after this. */
void        saywho_trie_seal (SaywhoTrie *trie);

/* The number of a key string (hash: saywho_str_hash() of it), or
 * SAYWHO_TRIE_NO_KEY if no sequence has it. */
gint32      saywho_trie_key (const SaywhoTrie *trie, const char *key, guint32 hash);
/* The child of node along key, or SAYWHO_TRIE_NONE. */
guint32     saywho_trie_child (const SaywhoTrie *trie, guint32 node, gint32 key);
/* The child of node along the key string of len bytes (hash:
 * saywho_str_hash() of it; no NUL needed after it), or SAYWHO_TRIE_NONE:
 * saywho_trie_key() and saywho_trie_child() in one probe. */
guint32     saywho_trie_step (const SaywhoTrie *trie, guint32 node, const char *key,
                              gsize len, guint32 hash);
/* The values attached at node (after seal); *n is set, possibly to 0. */
const guint32 *saywho_trie_values (const SaywhoTrie *trie, guint32 node, guint *n);

/* What a walk reads of a node of a sealed trie at every step, in one
 * place: its values and whether a walk ends there.  Most nodes have one
 * value (an alias that ends there), which is kept here instead of an index
 * to it, so that reading it costs no other load. */
typedef struct {
  guint32 values;          /* index of its first value in the values; its value itself when
                            * it has exactly one */
  guint32 count;           /* values << 1 | TRUE when it has no child */
} SaywhoTrieNodeInfo;

/* A slot of the root's table (once sealed): an edge from the root, with
 * the child's info and its key's bytes when they fit (32 bytes, two slots
 * to a cache line): most walks are one step from the root, and read this
 * slot only. */
#define SAYWHO_TRIE_ROOT_INLINE 15
typedef struct {
  guint32 hash;            /* of the key string */
  guint32 child;           /* 0 = empty slot: the root is nobody's child */
  SaywhoTrieNodeInfo info; /* the child's */
  guint8 len;              /* bytes of the key, up to SAYWHO_TRIE_ROOT_INLINE; more: look at keys */
  char bytes[SAYWHO_TRIE_ROOT_INLINE];  /* the key's bytes; a longer key's number */
} SaywhoTrieRootSlot;

typedef struct {
  const SaywhoTrieNodeInfo *info;  /* per node */
  const guint32 *values;   /* the values, grouped by node */
  const SaywhoTrieRootSlot *root;  /* the root's table, open addressing */
  gsize root_mask;         /* its slots - 1 */
} SaywhoTrieNodes;

const SaywhoTrieNodes *saywho_trie_nodes (const SaywhoTrie *trie);

/* The values of the node of info, *n of them. */
static inline const guint32 *
saywho_trie_info_values (const SaywhoTrieNodes *nodes, const SaywhoTrieNodeInfo *info, guint *n)
{
  /* (Both addresses first: a select, not a branch that a mix of nodes
   * with one value and nodes with several would mispredict.) */
  const guint32 *one = &info->values, *several = &nodes->values[info->values];
  *n = info->count >> 1;
  return *n == 1 ? one : several;
}

/* TRUE when a walk ends at the node of info: every step from it finds no
 * child. */
static inline gboolean
saywho_trie_info_leaf (const SaywhoTrieNodeInfo *info)
{
  return info->count & 1;
}

/* saywho_trie_values() inline: the values at node, *n of them. */
static inline const guint32 *
saywho_trie_nodes_values (const SaywhoTrieNodes *nodes, guint32 node, guint *n)
{
  return saywho_trie_info_values (nodes, &nodes->info[node], n);
}

static inline gboolean
saywho_trie_nodes_leaf (const SaywhoTrieNodes *nodes, guint32 node)
{
  return saywho_trie_info_leaf (&nodes->info[node]);
}

/* Is the key of slot, longer than SAYWHO_TRIE_ROOT_INLINE bytes, key?
 * (Out of line: long keys are rare.) */
gboolean    saywho_trie_root_long_key_is (const SaywhoTrie *trie, const SaywhoTrieRootSlot *slot,
                                          const char *key, gsize len);

/* saywho_trie_step() from the root of a sealed trie, inline, which also
 * points *info at the child's info: a copy read with the step, in the
 * same cache line. */
static inline guint32
saywho_trie_root_step (const SaywhoTrie *trie, const SaywhoTrieNodes *nodes, const char *key,
                       gsize len, guint32 hash, const SaywhoTrieNodeInfo **info)
{
  gsize mask = nodes->root_mask;
  for (gsize r = hash & mask; nodes->root[r].child != 0; r = (r + 1) & mask)
    {
      const SaywhoTrieRootSlot *slot = &nodes->root[r];
      if (slot->hash != hash)
        continue;
      if (len <= SAYWHO_TRIE_ROOT_INLINE
            ? slot->len == len && saywho_bytes_equal (slot->bytes, key, len)
            : saywho_trie_root_long_key_is (trie, slot, key, len))
        {
          *info = &slot->info;
          return slot->child;
        }
    }
  return SAYWHO_TRIE_NONE;
}

/* The filter of the keys that start a sequence (after seal). */
const SaywhoTrieFilter *saywho_trie_start_filter (const SaywhoTrie *trie);

static inline guint32
saywho_trie_filter_bit (guint32 hash)
{
  /* The high bits of a multiplicative mix: the key table probes by the
   * low bits of the same hash. */
  return (hash * 0x9e3779b1u) >> (32 - SAYWHO_TRIE_FILTER_SHIFT);
}

/* FALSE: no sequence starts with a key of this hash. */
static inline gboolean
saywho_trie_filter_test (const SaywhoTrieFilter *filter, guint32 hash)
{
  guint32 bit = saywho_trie_filter_bit (hash);
  return (filter->bits[bit >> 6] >> (bit & 63)) & 1;
}

/* The filter of the other edges, by parent and key (after seal): most
 * steps past the root find no child, and this tells them at the cost of a
 * bit test inline, before the edge table. */
const SaywhoTrieFilter *saywho_trie_inner_filter (const SaywhoTrie *trie);

/* What the inner filter is keyed by for the edge from node along a key of
 * hash: mixed otherwise than the edge table's slots, so that edges whose
 * slots are neighbours do not share a bit. */
static inline guint32
saywho_trie_inner_hash (guint32 node, guint32 hash)
{
  return hash ^ (node * 0x85ebca6bu);
}

/* FALSE: node (not the root) has no child along a key of this hash. */
static inline gboolean
saywho_trie_inner_test (const SaywhoTrieFilter *filter, guint32 node, guint32 hash)
{
  return saywho_trie_filter_test (filter, saywho_trie_inner_hash (node, hash));
}

guint       saywho_trie_size (const SaywhoTrie *trie);   /* nodes */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaywhoTrie, saywho_trie_free)

G_END_DECLS
