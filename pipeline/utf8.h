/* utf8.h — UTF-8 validation, fast on text that is mostly ASCII.
 *
 * saywho_utf8_validate() gives g_utf8_validate_len()'s verdict, and puts
 * *end (may be NULL) where it does: at the first byte that is not valid,
 * or at the end.  NUL bytes are invalid, as GLib has them.  Documents and
 * lexicons are checked with it before anything reads them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean saywho_utf8_validate (const char *text, gsize length, const char **end);

G_END_DECLS
