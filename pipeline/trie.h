/* trie.h — a trie over tokens: sequences of strings mapped to values.
 *
 * Build it once (insert, then seal), then walk it from any token: each step
 * is one hash probe, so the cost per token does not depend on how many
 * sequences the trie holds.  Key strings are interned: a document's tokens
 * are looked up once with saywho_trie_key() and walked by number.
 *
 * A sealed trie is read-only and may be shared by threads.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SaywhoTrie SaywhoTrie;

#define SAYWHO_TRIE_ROOT 0u
#define SAYWHO_TRIE_NONE 0u   /* "no such child": the root is nobody's child */
#define SAYWHO_TRIE_NO_KEY (-1)

SaywhoTrie *saywho_trie_new (void);
void        saywho_trie_free (SaywhoTrie *trie);

/* Adds the sequence keys[0..n) and attaches value at its end. */
void        saywho_trie_insert (SaywhoTrie *trie, const char *const *keys, guint n,
                                guint32 value);
/* Ends building: values are grouped by node.  No inserts after this. */
void        saywho_trie_seal (SaywhoTrie *trie);

/* The number of a key string (hash: saywho_str_hash() of it), or
 * SAYWHO_TRIE_NO_KEY if no sequence has it. */
gint32      saywho_trie_key (const SaywhoTrie *trie, const char *key, guint32 hash);
/* The child of node along key, or SAYWHO_TRIE_NONE. */
guint32     saywho_trie_child (const SaywhoTrie *trie, guint32 node, gint32 key);
/* The values attached at node (after seal); *n is set, possibly to 0. */
const guint32 *saywho_trie_values (const SaywhoTrie *trie, guint32 node, guint *n);

guint       saywho_trie_size (const SaywhoTrie *trie);   /* nodes */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaywhoTrie, saywho_trie_free)

G_END_DECLS
