/* lexicon.c — line reader for the tab-separated lexicon files. */
#include "lexicon.h"
#include "utf8.h"
#include "stage.h"
#include "config.h"

#include <string.h>

gboolean
saywho_lexicon_read (const char *lexicon_dir, const char *name,
                     guint min_columns, guint max_columns,
                     SaywhoLexiconLineFunc func, gpointer user_data,
                     GError **error)
{
  g_autofree char *path = g_build_filename (lexicon_dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) local = NULL;

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                   "cannot read lexicon: %s", local->message);
      return FALSE;
    }
  const char *bad = NULL;
  if (!saywho_utf8_validate (contents, length, &bad))
    {
      /* Find the line of the first invalid byte for the message. */
      guint line = 1;
      for (const char *p = contents; p < bad; p++)
        line += *p == '\n';
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                   "%s:%u: not valid UTF-8", path, line);
      return FALSE;
    }

  /* One pass finds each line's end, one each column's: start-up reads
   * some 18,000 lines.  (Valid UTF-8 holds no NUL: the text ends at
   * length, where g_file_get_contents() put one.) */
  guint lineno = 0;
  char *cursor = contents, *text_end = contents + length;
  while (cursor < text_end)
    {
      char *line = cursor;
      char *end = memchr (cursor, '\n', (gsize) (text_end - cursor));
      if (end != NULL)
        cursor = end + 1;
      else
        cursor = end = text_end;
      *end = '\0';
      lineno++;

      if (end > line && end[-1] == '\r')
        *--end = '\0';
      gsize n = (gsize) (end - line);
      if (n == 0 || line[0] == '#')
        continue;
      if ((line[0] == ' ' || line[0] == '\t') && strspn (line, " \t") == n)
        continue;

      /* Cut the line in place: no allocation per line. */
      char *columns[SAYWHO_LEXICON_MAX_COLUMNS + 1];
      guint ncolumns = 0;
      for (char *field = line; field != NULL;)
        {
          char *tab = memchr (field, '\t', (gsize) (end - field));
          if (tab != NULL)
            *tab = '\0';
          if (ncolumns < SAYWHO_LEXICON_MAX_COLUMNS)
            columns[ncolumns] = field;
          ncolumns++;
          field = tab != NULL ? tab + 1 : NULL;
        }
      columns[MIN (ncolumns, SAYWHO_LEXICON_MAX_COLUMNS)] = NULL;
      if (ncolumns < min_columns || ncolumns > max_columns)
        {
          if (min_columns == max_columns)
            g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                         "%s:%u: expected %u tab-separated columns, found %u",
                         path, lineno, min_columns, ncolumns);
          else
            g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                         "%s:%u: expected %u to %u tab-separated columns, found %u",
                         path, lineno, min_columns, max_columns, ncolumns);
          return FALSE;
        }
      g_autoptr (GError) line_error = NULL;
      if (!func (columns, ncolumns, lineno, user_data, &line_error))
        {
          g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                       "%s:%u: %s", path, lineno, line_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

const char *
saywho_lexicon_default_dir (void)
{
  static char *dir;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      char *found = NULL;
      const char *env = g_getenv ("SAYWHO_LEXICONS");
      if (env != NULL && *env != '\0')
        found = g_strdup (env);
      else
        {
          /* From the build tree, use the source tree's lexicons so that an
           * edit to a lexicon needs no install to take effect. */
          g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
          g_autofree char *exe_dir = exe ? g_path_get_dirname (exe) : NULL;
          if (exe_dir != NULL && g_str_has_prefix (exe_dir, SAYWHO_BUILD_ROOT)
              && g_file_test (SAYWHO_SOURCE_LEXICONS, G_FILE_TEST_IS_DIR))
            found = g_strdup (SAYWHO_SOURCE_LEXICONS);
          else if (g_file_test (SAYWHO_INSTALLED_LEXICONS, G_FILE_TEST_IS_DIR))
            found = g_strdup (SAYWHO_INSTALLED_LEXICONS);
          else
            found = g_strdup (SAYWHO_SOURCE_LEXICONS);
        }
      dir = found;
      g_once_init_leave (&initialized, 1);
    }
  return dir;
}
