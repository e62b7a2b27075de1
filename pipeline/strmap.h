/* strmap.h — string → number maps for the per-token lookups of the stages.
 *
 * Tokens carry the hash of their norm and stem (document.h), computed once
 * while tokenizing and stemming, so that every lexicon lookup of a stage is
 * a probe and a string comparison, not a rehash of the word.  Open
 * addressing, keys copied into the map.  Not thread-safe for writers: build
 * a shared map once at start-up, or keep one per worker.
 */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

typedef struct _SaywhoStrMap SaywhoStrMap;

/* A filter in front of every map: one bit per hash, so that looking up a
 * word the map does not hold (most words, for most maps) costs a bit test. */
#define SAYWHO_STRMAP_FILTER_BITS 65536
typedef struct {
  guint64 bits[SAYWHO_STRMAP_FILTER_BITS / 64];
} SaywhoStrMapFilter;

/* Unaligned loads of 8 and 4 bytes, in the machine's byte order. */
static inline guint64
saywho_load64 (const char *p)
{
  guint64 v;
  memcpy (&v, p, 8);
  return v;
}

static inline guint32
saywho_load32 (const char *p)
{
  guint32 v;
  memcpy (&v, p, 4);
  return v;
}

/* The hash of len bytes (len < 0: up to the NUL), eight bytes a step: a
 * word of news text is one or two multiplications rather than one per
 * byte.  The tail is read with loads that overlap, never past the end.
 * Values depend on the machine's byte order; they are never stored. */
static inline guint32
saywho_str_hash (const char *s, gssize len)
{
  gsize n = len < 0 ? strlen (s) : (gsize) len;
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ n;
  for (; n > 8; n -= 8, s += 8)
    h = (h ^ saywho_load64 (s)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  guint64 tail = 0;
  if (n >= 4)
    tail = saywho_load32 (s) | (guint64) saywho_load32 (s + n - 4) << 32;
  else if (n > 0)
    tail = (guchar) s[0] | (guint64) (guchar) s[n / 2] << 8 | (guint64) (guchar) s[n - 1] << 16;
  h = (h ^ tail) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  h ^= h >> 31;
  h *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  return (guint32) (h ^ (h >> 32));
}

/* memcmp (a, b, n) == 0 without a call for the few bytes of a word: two
 * fixed-size loads that overlap, never past either end. */
static inline gboolean
saywho_bytes_equal (const char *a, const char *b, gsize n)
{
  if (n >= 8 && n <= 16)
    {
      guint64 x0, x1, y0, y1;
      memcpy (&x0, a, 8);
      memcpy (&y0, b, 8);
      memcpy (&x1, a + n - 8, 8);
      memcpy (&y1, b + n - 8, 8);
      return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
  if (n >= 4 && n < 8)
    {
      guint32 x0, x1, y0, y1;
      memcpy (&x0, a, 4);
      memcpy (&y0, b, 4);
      memcpy (&x1, a + n - 4, 4);
      memcpy (&y1, b + n - 4, 4);
      return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
  if (n >= 2 && n < 4)
    {
      guint16 x0, x1, y0, y1;
      memcpy (&x0, a, 2);
      memcpy (&y0, b, 2);
      memcpy (&x1, a + n - 2, 2);
      memcpy (&y1, b + n - 2, 2);
      return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
  if (n == 1)
    return a[0] == b[0];
  return n == 0 || memcmp (a, b, n) == 0;
}

SaywhoStrMap *saywho_strmap_new (void);
void          saywho_strmap_free (SaywhoStrMap *map);
/* Removes every key, keeping the memory for reuse. */
void          saywho_strmap_clear (SaywhoStrMap *map);
guint         saywho_strmap_size (const SaywhoStrMap *map);

/* Sets key's value; returns the previous value or `value` if it was new. */
guint32       saywho_strmap_insert (SaywhoStrMap *map, const char *key, guint32 hash,
                                    guint32 value);
/* The same, but keeps the key pointer instead of a copy: the caller keeps
 * the string alive until the map is cleared (a document's norms). */
guint32       saywho_strmap_insert_static (SaywhoStrMap *map, const char *key, guint32 hash,
                                           guint32 value);
gboolean      saywho_strmap_probe (const SaywhoStrMap *map, const char *key, guint32 hash,
                                   guint32 *value);
const SaywhoStrMapFilter *saywho_strmap_filter (const SaywhoStrMap *map);

static inline gboolean
saywho_strmap_filter_test (const SaywhoStrMapFilter *filter, guint32 hash)
{
  guint32 bit = (hash >> 16) ^ (hash & 0xffff);
  return (filter->bits[bit >> 6] >> (bit & 63)) & 1;
}

static inline void
saywho_strmap_filter_add (SaywhoStrMapFilter *filter, guint32 hash)
{
  guint32 bit = (hash >> 16) ^ (hash & 0xffff);
  filter->bits[bit >> 6] |= G_GUINT64_CONSTANT (1) << (bit & 63);
}

static inline gboolean
saywho_strmap_lookup (const SaywhoStrMap *map, const char *key, guint32 hash, guint32 *value)
{
  /* The filter sits at the start of the map: see strmap.c. */
  if (!saywho_strmap_filter_test ((const SaywhoStrMapFilter *) (const void *) map, hash))
    return FALSE;
  return saywho_strmap_probe (map, key, hash, value);
}

static inline gboolean
saywho_strmap_contains (const SaywhoStrMap *map, const char *key, guint32 hash)
{
  return saywho_strmap_lookup (map, key, hash, NULL);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaywhoStrMap, saywho_strmap_free)

G_END_DECLS
