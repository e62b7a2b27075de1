/* test-trie.c — the token trie: steps by string and by key number, the
 * root's own table (keys inline up to 15 bytes, longer ones through the key
 * list), values grouped by node, and the start filter; and the word map's
 * find-or-add, against a find and an add. */
#include "test-common.h"
#include "strmap.h"
#include "trie.h"
#include "wordmap.h"

#include <string.h>

/* Sequences of space-separated keys and their values; keys are chosen
 * around the root table's inline limit (15 bytes). */
static const struct {
  const char *keys;
  guint32 value;
} sequences[] = {
  { "china", 1 },
  { "china daily", 2 },
  { "washington post", 3 },
  { "washington", 4 },
  { "abcdefghijklmno", 5 },              /* 15 bytes: inline */
  { "abcdefghijklmnop", 6 },             /* 16 bytes: through the key list */
  { "abcdefghijklmnopqrstuvwxyz0123 x", 7 },
  { "x", 8 },
  { "china", 9 },                         /* a second value at the same node */
};

static SaywhoTrie *
build (void)
{
  SaywhoTrie *trie = saywho_trie_new ();
  for (guint i = 0; i < G_N_ELEMENTS (sequences); i++)
    {
      g_auto (GStrv) keys = g_strsplit (sequences[i].keys, " ", -1);
      saywho_trie_insert (trie, (const char *const *) keys, g_strv_length (keys),
                          sequences[i].value);
    }
  saywho_trie_seal (trie);
  return trie;
}

/* The node at the end of the walk along the space-separated keys, by
 * strings (saywho_trie_step()) or by key numbers (saywho_trie_key() and
 * saywho_trie_child()), or SAYWHO_TRIE_NONE. */
static guint32
walk (const SaywhoTrie *trie, const char *path, gboolean by_number)
{
  g_auto (GStrv) keys = g_strsplit (path, " ", -1);
  /* (The root is node 0, which is also SAYWHO_TRIE_NONE, "no child".) */
  guint32 node = SAYWHO_TRIE_ROOT;
  for (guint i = 0; keys[i] != NULL; i++)
    {
      gsize len = strlen (keys[i]);
      guint32 hash = saywho_str_hash (keys[i], (gssize) len);
      node = by_number ? saywho_trie_child (trie, node, saywho_trie_key (trie, keys[i], hash))
                       : saywho_trie_step (trie, node, keys[i], len, hash);
      if (node == SAYWHO_TRIE_NONE)
        break;
    }
  return node;
}

static const struct {
  const char *path;
  const char *values;   /* the values at the walk's end, joined by ','; NULL: no node */
} walks[] = {
  { "china", "1,9" },
  { "china daily", "2" },
  { "washington", "4" },
  { "washington post", "3" },
  { "washington times", NULL },
  { "abcdefghijklmno", "5" },
  { "abcdefghijklmnop", "6" },
  { "abcdefghijklmnopq", NULL },          /* one byte longer than a key */
  { "abcdefghijklmn", NULL },             /* one byte shorter */
  { "abcdefghijklmnopqrstuvwxyz0123", "" },  /* a node with no value of its own */
  { "abcdefghijklmnopqrstuvwxyz0123 x", "7" },
  { "x", "8" },
  { "daily", NULL },                      /* a key, but no sequence starts with it */
  { "post", NULL },
  { "chin", NULL },
};

static void
test_walks (void)
{
  g_autoptr (SaywhoTrie) trie = build ();
  for (guint i = 0; i < G_N_ELEMENTS (walks); i++)
    {
      guint32 node = walk (trie, walks[i].path, FALSE);
      g_assert_cmpuint (node, ==, walk (trie, walks[i].path, TRUE));
      if (walks[i].values == NULL)
        {
          g_assert_cmpuint (node, ==, SAYWHO_TRIE_NONE);
          continue;
        }
      g_assert_cmpuint (node, !=, SAYWHO_TRIE_NONE);
      guint n;
      const guint32 *values = saywho_trie_values (trie, node, &n);
      GString *got = g_string_new (NULL);
      for (guint k = 0; k < n; k++)
        g_string_append_printf (got, "%s%u", k ? "," : "", values[k]);
      g_assert_cmpstr (got->str, ==, walks[i].values);
      g_string_free (got, TRUE);
    }
}

/* Every key that starts a sequence passes the start filter. */
static void
test_start_filter (void)
{
  g_autoptr (SaywhoTrie) trie = build ();
  const SaywhoTrieFilter *starts = saywho_trie_start_filter (trie);
  const char *firsts[] = { "china", "washington", "abcdefghijklmno",
                           "abcdefghijklmnop", "abcdefghijklmnopqrstuvwxyz0123", "x" };
  for (guint i = 0; i < G_N_ELEMENTS (firsts); i++)
    g_assert_true (saywho_trie_filter_test (starts, saywho_str_hash (firsts[i], -1)));
}

/* A trie with many sequences from the root: the root's table grows past
 * its first size and every step still finds its child. */
static void
test_many (void)
{
  g_autoptr (SaywhoTrie) trie = saywho_trie_new ();
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *first = g_strdup_printf ("w%u", i);
      g_autofree char *longer = g_strdup_printf ("a-rather-long-word-%u", i);
      const char *one[] = { first };
      const char *two[] = { longer, first };
      saywho_trie_insert (trie, one, 1, i);
      saywho_trie_insert (trie, two, 2, 10000 + i);
    }
  saywho_trie_seal (trie);
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *path = g_strdup_printf ("a-rather-long-word-%u w%u", i, i);
      guint n;
      const guint32 *values = saywho_trie_values (trie, walk (trie, path, FALSE), &n);
      g_assert_cmpuint (n, ==, 1);
      g_assert_cmpuint (values[0], ==, 10000 + i);
      g_autofree char *first = g_strdup_printf ("w%u", i);
      values = saywho_trie_values (trie, walk (trie, first, FALSE), &n);
      g_assert_cmpuint (n, ==, 1);
      g_assert_cmpuint (values[0], ==, i);
    }
  g_assert_cmpuint (walk (trie, "w5000", FALSE), ==, SAYWHO_TRIE_NONE);
}

/* saywho_word_map_find_or_add() leaves a map as saywho_word_map_find()
 * and saywho_word_map_add() do, slot for slot, through growth and new
 * generations, and finds what it added. */
static void
test_word_map_find_or_add (void)
{
  SaywhoWordMap a, b;
  saywho_word_map_init (&a, 4);
  saywho_word_map_init (&b, 4);
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < 300; i++)
    g_ptr_array_add (words, g_strdup_printf ("w%u", (i * 7919) % 211));
  for (guint round = 0; round < 3; round++)
    {
      for (guint i = 0; i < words->len; i++)
        {
          const char *word = words->pdata[i];
          gsize len = strlen (word);
          guint32 hash = saywho_str_hash (word, (gssize) len);
          SaywhoWordSlot *found = saywho_word_map_find (&a, word, len, hash);
          if (found == NULL)
            found = saywho_word_map_add (&a, word, len, hash, i);
          gboolean added;
          SaywhoWordSlot *slot = saywho_word_map_find_or_add (&b, word, len, hash, i, &added);
          g_assert_cmpuint (added, ==, found->value == i);
          g_assert_cmpuint (slot->value, ==, found->value);
          g_assert_true (saywho_word_map_find (&b, word, len, hash) == slot);
        }
      g_assert_cmpuint (a.mask, ==, b.mask);
      g_assert_cmpuint (a.used, ==, b.used);
      for (guint s = 0; s <= a.mask; s++)
        {
          g_assert_cmpuint (a.slots[s].generation == a.generation, ==,
                            b.slots[s].generation == b.generation);
          if (a.slots[s].generation == a.generation)
            {
              g_assert_true (a.slots[s].key == b.slots[s].key);
              g_assert_cmpuint (a.slots[s].value, ==, b.slots[s].value);
            }
        }
      saywho_word_map_reset (&a);
      saywho_word_map_reset (&b);
    }
  saywho_word_map_clear (&a);
  saywho_word_map_clear (&b);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/trie/walks", test_walks);
  g_test_add_func ("/trie/start-filter", test_start_filter);
  g_test_add_func ("/trie/many", test_many);
  g_test_add_func ("/wordmap/find-or-add", test_word_map_find_or_add);
  return g_test_run ();
}
