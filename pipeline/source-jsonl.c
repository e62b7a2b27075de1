/* source-jsonl.c — JSON Lines records as documents (--input jsonl).
 *
 * Every line of every file is one object {"id": …, "text": …}; each record
 * becomes one document, in file order, so that saywho can run as a filter
 * under Hadoop Streaming, Spark's pipe() or GNU parallel and its output
 * lines up with its input.  The files come from a text source over the
 * paths given (folders walked as usual), which the reader wraps: it uses
 * the documents that source yields only for their paths.
 *
 * A line is parsed here, on the thread that reads the source: json-glib
 * parses a long string at about 150 MB/s, several times what one worker
 * annotates, so parsing is not what limits a run on a few cores, and the
 * worker threads get documents as they get them from files.
 *
 * A bad record (not JSON, not an object, no string "text", an "id" that is
 * neither a string nor an integer) is returned as SAYWHO_SOURCE_FAILED with
 * "FILE:LINE: message" and reading goes on at the next line; blank lines
 * are no records and are skipped silently.  A record without an id gets
 * "<file>:<line>", where <file> is what the file's id would be as a text
 * document (its path relative to the folder given, or as given), and
 * "stdin:<line>" on standard input.
 */
#include "source-jsonl.h"
#include "utf8.h"
#include "stage.h"

#include <errno.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

struct _SaywhoJsonlReader {
  SaywhoSource *files;
  FILE *stream;          /* the file being read; NULL between files */
  gboolean owns_stream;
  char *path;            /* as given, or "-" */
  char *name;            /* for messages: the path, or "standard input" */
  char *id_prefix;       /* for records without an id: the file's id as a text
                          * document would have it, or "stdin" */
  guint64 line;
  char *buffer;          /* getline()'s, grown to the longest line */
  size_t capacity;
  JsonParser *parser;
  guint64 seq;
};

SaywhoJsonlReader *
saywho_jsonl_reader_new (SaywhoSource *files)
{
  SaywhoJsonlReader *reader = g_new0 (SaywhoJsonlReader, 1);
  reader->files = files;
  reader->parser = json_parser_new_immutable ();
  return reader;
}

static void
close_file (SaywhoJsonlReader *reader)
{
  if (reader->stream != NULL && reader->owns_stream)
    fclose (reader->stream);
  reader->stream = NULL;
  g_clear_pointer (&reader->path, g_free);
  g_clear_pointer (&reader->name, g_free);
  g_clear_pointer (&reader->id_prefix, g_free);
}

void
saywho_jsonl_reader_free (SaywhoJsonlReader *reader)
{
  if (reader == NULL)
    return;
  close_file (reader);
  saywho_source_free (reader->files);
  g_object_unref (reader->parser);
  free (reader->buffer);   /* getline() allocates with malloc */
  g_free (reader);
}

/* Opens the next file of the walk; FALSE with error set if it cannot be
 * opened (the walk goes on at the next call). */
static gboolean
open_file (SaywhoJsonlReader *reader, SaywhoDocument *file, GError **error)
{
  const char *path = file->source != NULL ? file->source : file->id;
  if (strcmp (path, "-") == 0)
    {
      reader->stream = stdin;
      reader->owns_stream = FALSE;
      reader->name = g_strdup ("standard input");
      reader->id_prefix = g_strdup ("stdin");
    }
  else
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT, "%s: is a directory", path);
          return FALSE;
        }
      FILE *stream = fopen (path, "rb");
      if (stream == NULL)
        {
          int saved = errno;
          g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT, "%s: %s", path,
                       g_strerror (saved));
          return FALSE;
        }
      reader->stream = stream;
      reader->owns_stream = TRUE;
      reader->name = g_strdup (path);
      reader->id_prefix = g_strdup (file->id);
    }
  reader->path = g_strdup (path);
  reader->line = 0;
  return TRUE;
}

/* json-glib says "<data>:1:10: Parse error: unexpected …": keep the column
 * and the reason, the line is ours to give. */
static char *
parse_error_text (const char *message)
{
  const char *p = message;
  if (g_str_has_prefix (p, "<data>:"))
    {
      p += strlen ("<data>:");
      const char *colon = strchr (p, ':');            /* after the line */
      if (colon != NULL)
        {
          const char *column = colon + 1;
          const char *end = strchr (column, ':');
          if (end != NULL)
            {
              const char *reason = end + 1;
              while (*reason == ' ')
                reason++;
              if (g_str_has_prefix (reason, "Parse error: "))
                reason += strlen ("Parse error: ");
              return g_strdup_printf ("column %.*s: %s", (int) (end - column), column, reason);
            }
        }
    }
  return g_strdup (message);
}

/* Whether the line holds a \u0000 escape: json-glib ends the string there,
 * so the text would lose its tail without a word. */
static gboolean
has_nul_escape (const char *line, gsize length)
{
  for (const char *p = line; (p = memchr (p, '\\', length - (gsize) (p - line))) != NULL; )
    {
      gsize run = 0;
      while (p + run < line + length && p[run] == '\\')
        run++;
      /* An odd run ends in an escape; an even one is escaped backslashes. */
      if (run % 2 == 1 && p + run + 5 <= line + length
          && g_ascii_strncasecmp (p + run, "u0000", 5) == 0)
        return TRUE;
      p += run;
      if (p >= line + length)
        break;
    }
  return FALSE;
}

/* One record; FALSE with error set (the message names the file and line). */
static gboolean
record_document (SaywhoJsonlReader *reader, const char *line, gsize length,
                 SaywhoDocument **doc, GError **error)
{
  g_autoptr (GError) local = NULL;
  if (!json_parser_load_from_data (reader->parser, line, (gssize) length, &local))
    {
      g_autofree char *why = parse_error_text (local->message);
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s:%" G_GUINT64_FORMAT ": not valid JSON (%s)", reader->name, reader->line,
                   why);
      return FALSE;
    }
  JsonNode *root = json_parser_get_root (reader->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s:%" G_GUINT64_FORMAT ": not a JSON object", reader->name, reader->line);
      return FALSE;
    }
  JsonObject *object = json_node_get_object (root);
  JsonNode *text = json_object_get_member (object, "text");
  if (text == NULL || !JSON_NODE_HOLDS_VALUE (text)
      || json_node_get_value_type (text) != G_TYPE_STRING)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s:%" G_GUINT64_FORMAT ": no string \"text\" in the object",
                   reader->name, reader->line);
      return FALSE;
    }

  g_autofree char *id = NULL;
  JsonNode *id_node = json_object_get_member (object, "id");
  if (id_node == NULL || JSON_NODE_HOLDS_NULL (id_node))
    id = g_strdup_printf ("%s:%" G_GUINT64_FORMAT, reader->id_prefix, reader->line);
  else if (JSON_NODE_HOLDS_VALUE (id_node) && json_node_get_value_type (id_node) == G_TYPE_STRING)
    id = g_strdup (json_node_get_string (id_node));
  else if (JSON_NODE_HOLDS_VALUE (id_node) && json_node_get_value_type (id_node) == G_TYPE_INT64)
    id = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id_node));
  else
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s:%" G_GUINT64_FORMAT ": \"id\" is neither a string nor an integer",
                   reader->name, reader->line);
      return FALSE;
    }

  const char *value = json_node_get_string (text);
  gsize text_length = strlen (value);
  if (!saywho_utf8_validate (value, text_length, NULL))
    {
      /* Input bytes are checked by the parser; this is an escape such as a
       * lone surrogate \ud800. */
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s:%" G_GUINT64_FORMAT ": \"text\" is not valid Unicode "
                   "(an unpaired surrogate escape?)", reader->name, reader->line);
      return FALSE;
    }
  if (has_nul_escape (line, length))
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s:%" G_GUINT64_FORMAT ": not text: the record holds \\u0000, a NUL "
                   "character", reader->name, reader->line);
      return FALSE;
    }
  if (text_length > G_MAXUINT32 - 1)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s:%" G_GUINT64_FORMAT ": larger than 4 GiB, the most one document may be",
                   reader->name, reader->line);
      return FALSE;
    }
  *doc = saywho_document_new_take (id, reader->path, g_strndup (value, text_length),
                                   text_length);
  (*doc)->seq = reader->seq++;
  return TRUE;
}

SaywhoSourceStatus
saywho_jsonl_reader_next (SaywhoJsonlReader *reader, SaywhoDocument **doc, GError **error)
{
  *doc = NULL;
  for (;;)
    {
      if (reader->stream == NULL)
        {
          SaywhoDocument *file = NULL;
          SaywhoSourceStatus status = saywho_source_next (reader->files, &file, error);
          if (status != SAYWHO_SOURCE_DOCUMENT)
            return status;
          gboolean opened = open_file (reader, file, error);
          saywho_document_free (file);
          if (!opened)
            return SAYWHO_SOURCE_FAILED;
        }

      errno = 0;
      ssize_t n = getline (&reader->buffer, &reader->capacity, reader->stream);
      if (n < 0)
        {
          gboolean failed = ferror (reader->stream);
          int saved = errno;
          if (!reader->owns_stream)
            clearerr (reader->stream);
          if (failed)
            g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT, "%s: cannot read: %s",
                         reader->name, g_strerror (saved));
          close_file (reader);
          if (failed)
            return SAYWHO_SOURCE_FAILED;
          continue;
        }
      reader->line++;
      gsize length = (gsize) n;
      while (length > 0 && (reader->buffer[length - 1] == '\n'
                            || reader->buffer[length - 1] == '\r'))
        length--;
      if (strspn (reader->buffer, " \t") >= length)
        continue;
      if (!record_document (reader, reader->buffer, length, doc, error))
        return SAYWHO_SOURCE_FAILED;
      return SAYWHO_SOURCE_DOCUMENT;
    }
}
