/* lexicon.h — reading the plain data files in lexicons/.
 *
 * Every lexicon is UTF-8 text: one entry a line, tab-separated columns,
 * '#' starts a comment line, blank lines are skipped.  The reader hands each
 * entry's columns to a callback; errors name the file and the line.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called per entry with its columns (ncolumns ≥ 1, no trailing newline) and
 * its line number.  Return FALSE with error set to stop; the reader adds
 * "FILE:LINE: " to the message. */
typedef gboolean (*SaywhoLexiconLineFunc) (char **columns, guint ncolumns, guint line,
                                           gpointer user_data, GError **error);

#define SAYWHO_LEXICON_MAX_COLUMNS 16

/* Reads lexicon_dir/name.  min/max_columns (at most
 * SAYWHO_LEXICON_MAX_COLUMNS) bound the column count of every entry (a
 * malformed line is an error naming the file and line).  The columns handed
 * to func may be modified, and live until func returns. */
gboolean saywho_lexicon_read (const char *lexicon_dir, const char *name,
                              guint min_columns, guint max_columns,
                              SaywhoLexiconLineFunc func, gpointer user_data,
                              GError **error);

/* The folder saywho reads lexicons from when --lexicons is not given:
 * $SAYWHO_LEXICONS if set, the source tree's lexicons/ when running from
 * the build tree, else the installed data folder. */
const char *saywho_lexicon_default_dir (void);

G_END_DECLS
