/* utf8.c — UTF-8 validation for input text and lexicons. */
#include "utf8.h"

#include <string.h>

/* g_utf8_validate_len(), faster on text that is mostly ASCII: the same
 * verdict, and *end (may be NULL) at the same place. */
gboolean
saywho_utf8_validate (const char *text, gsize length, const char **end)
{
  /* g_utf8_validate_len() takes about nine instructions a byte; news text
   * is mostly ASCII, which is checked here eight bytes at a time, and its
   * other characters mostly take two or three bytes, which are checked
   * inline.  Whatever else there is (four-byte sequences, the lead bytes
   * E0, ED and EF, whose ranges have holes, and every invalid byte) goes to
   * GLib one character at a time, so that what is accepted and where an
   * error is placed stay GLib's. */
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  const guchar *s = (const guchar *) text, *stop = s + length;
  while (s < stop)
    {
      /* A byte of a word that is NUL or not ASCII sets its high bit in
       * (w - ones) | w; a borrow may set more, which only sends those
       * bytes the slow way. */
      guint64 w;
      while (stop - s >= 8)
        {
          memcpy (&w, s, 8);
          if (((w - ones) | w) & highs)
            break;
          s += 8;
        }
      if (s == stop)
        break;
      guchar c = *s;
      if (c != 0 && c < 0x80)
        {
          s++;
          continue;
        }
      if (c >= 0xC2 && c <= 0xDF && stop - s >= 2 && (s[1] & 0xC0) == 0x80)
        {
          s += 2;  /* U+0080 to U+07FF */
          continue;
        }
      if (c >= 0xE1 && c <= 0xEE && c != 0xED && stop - s >= 3 && (s[1] & 0xC0) == 0x80
          && (s[2] & 0xC0) == 0x80)
        {
          s += 3;  /* U+1000 to U+CFFF, U+E000 to U+EFFF */
          continue;
        }
      gsize n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      n = MIN (n, (gsize) (stop - s));
      const char *bad = NULL;
      if (!g_utf8_validate_len ((const char *) s, n, &bad))
        {
          if (end != NULL)
            *end = bad;
          return FALSE;
        }
      s += n;
    }
  if (end != NULL)
    *end = (const char *) stop;
  return TRUE;
}
