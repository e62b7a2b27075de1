/* sink.c — one output stream, or one file per document under a folder. */
#include "sink.h"
#include "stage.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The buffer of a stream sink.  A document's output is often more than
 * stdio's default buffer (the file system's block size, often 4 kB)
 * holds, so each fwrite() of one went out as two write() calls; 256 kB
 * gathers many small documents into one. */
#define STREAM_BUFFER (256 * 1024)

/* A body of this size or more goes to the file with write() of its own,
 * after what the buffer holds: copying it into the buffer would cost more
 * than the write() it saves (some 60 ns a kB against a microsecond). */
#define DIRECT_WRITE (16 * 1024)

struct _SaywhoSink {
  const SaywhoFormat *format;
  FILE *stream;        /* stream sink; NULL for a directory sink */
  gboolean owns_stream;
  char *name;          /* the stream's file name, for messages */
  char *buffer;        /* the stream's stdio buffer when we gave it one */
  char *dir;           /* directory sink */
  GHashTable *written; /* paths written by a directory sink */
  GArray *entries;     /* SaywhoFormatEntry, for a format that lists documents */
  GString *scratch;
};

static void
entry_clear (gpointer data)
{
  g_free (((SaywhoFormatEntry *) data)->id);
}

/* What a listing footer needs of doc, kept after doc is freed. */
static void
add_entry (SaywhoSink *sink, const SaywhoDocument *doc)
{
  if (sink->entries == NULL)
    return;
  SaywhoFormatEntry entry = {
    .id = g_strdup (doc->id), .seq = doc->seq, .tokens = doc->tokens->len,
    .entities = doc->entities->len, .quotes = doc->quotes->len,
  };
  g_array_append_val (sink->entries, entry);
}

static gboolean
write_all (FILE *stream, const char *name, const char *data, gsize length, GError **error)
{
  if (length > 0 && fwrite (data, 1, length, stream) != length)
    {
      int saved = errno;
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_OUTPUT,
                   "%s: cannot write: %s", name, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_error (const char *name, int saved, GError **error)
{
  g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_OUTPUT,
               "%s: cannot write: %s", name, g_strerror (saved));
  return FALSE;
}

/* write_all() for a stream sink's documents: small ones through the
 * stream's buffer, large ones straight to its file descriptor. */
static gboolean
write_body (SaywhoSink *sink, const char *data, gsize length, GError **error)
{
  if (length < DIRECT_WRITE)
    return write_all (sink->stream, sink->name, data, length, error);
  if (fflush (sink->stream) != 0)
    return write_error (sink->name, errno, error);
  int fd = fileno (sink->stream);
  while (length > 0)
    {
      gssize n = write (fd, data, length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return write_error (sink->name, n < 0 ? errno : EIO, error);
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

SaywhoSink *
saywho_sink_new_stream (const char *path, const SaywhoFormat *format, GError **error)
{
  FILE *stream = stdout;
  gboolean owns = FALSE;
  if (path != NULL && strcmp (path, "-") != 0)
    {
      stream = fopen (path, "wb");
      if (stream == NULL)
        {
          int saved = errno;
          g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_OUTPUT,
                       "%s: cannot open for writing: %s", path, g_strerror (saved));
          return NULL;
        }
      owns = TRUE;
    }
  SaywhoSink *sink = g_new0 (SaywhoSink, 1);
  sink->format = format;
  sink->stream = stream;
  sink->owns_stream = owns;
  sink->name = g_strdup (owns ? path : "standard output");
  /* A terminal keeps its line buffering, so that output shows as it comes.
   * Standard output gets a static buffer: stdio keeps using it after the
   * sink is gone.  glibc flushes a stream before it changes the buffer;
   * the fflush() is for C libraries that do not. */
  if (!isatty (fileno (stream)))
    {
      if (owns)
        {
          sink->buffer = g_malloc (STREAM_BUFFER);
          setvbuf (stream, sink->buffer, _IOFBF, STREAM_BUFFER);
        }
      else if (fflush (stream) == 0)
        {
          static char stdout_buffer[STREAM_BUFFER];
          setvbuf (stream, stdout_buffer, _IOFBF, sizeof stdout_buffer);
        }
    }
  sink->scratch = g_string_new (NULL);
  if (format->lists_documents)
    {
      sink->entries = g_array_new (FALSE, FALSE, sizeof (SaywhoFormatEntry));
      g_array_set_clear_func (sink->entries, entry_clear);
    }
  if (format->header != NULL)
    {
      format->header (format, sink->scratch);
      if (!write_all (stream, sink->name, sink->scratch->str, sink->scratch->len, error))
        {
          saywho_sink_close (sink, NULL);
          return NULL;
        }
    }
  return sink;
}

SaywhoSink *
saywho_sink_new_directory (const char *dir, const SaywhoFormat *format, GError **error)
{
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int saved = errno;
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_OUTPUT,
                   "%s: cannot create folder: %s", dir, g_strerror (saved));
      return NULL;
    }
  SaywhoSink *sink = g_new0 (SaywhoSink, 1);
  sink->format = format;
  sink->dir = g_strdup (dir);
  sink->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sink->scratch = g_string_new (NULL);
  if (format->lists_documents)
    {
      sink->entries = g_array_new (FALSE, FALSE, sizeof (SaywhoFormatEntry));
      g_array_set_clear_func (sink->entries, entry_clear);
    }
  return sink;
}

/* The output path of a document under the sink's folder: its id less any
 * component that would climb out of the folder, with the format's extension
 * in place of its own (talks.txt → talks.conllup), or after it where two
 * documents would otherwise share a name (talks.txt and talks.md). */
static char *
document_path (SaywhoSink *sink, const SaywhoDocument *doc)
{
  g_auto (GStrv) parts = g_strsplit (doc->id, "/", -1);
  GString *rel = g_string_new (NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0 || strcmp (parts[i], "..") == 0)
        continue;
      if (rel->len > 0)
        g_string_append_c (rel, '/');
      g_string_append (rel, parts[i]);
    }
  if (rel->len == 0)
    g_string_append (rel, "document");

  gsize full = rel->len;
  const char *base = strrchr (rel->str, '/');
  const char *dot = strrchr (base != NULL ? base + 1 : rel->str, '.');
  if (dot != NULL && dot != (base != NULL ? base + 1 : rel->str))
    g_string_truncate (rel, (gsize) (dot - rel->str));
  g_string_append_printf (rel, ".%s", sink->format->extension);
  char *path = g_build_filename (sink->dir, rel->str, NULL);
  if (g_hash_table_contains (sink->written, path))
    {
      g_free (path);
      g_string_truncate (rel, full);
      g_string_append_printf (rel, ".%s", sink->format->extension);
      path = g_build_filename (sink->dir, rel->str, NULL);
    }
  g_hash_table_add (sink->written, g_strdup (path));
  g_string_free (rel, TRUE);
  return path;
}

gboolean
saywho_sink_write (SaywhoSink *sink, const SaywhoDocument *doc, const GString *body,
                   GError **error)
{
  if (sink->stream != NULL)
    {
      add_entry (sink, doc);
      return write_body (sink, body->str, body->len, error);
    }

  g_autofree char *path = document_path (sink, doc);
  /* Most documents go to a folder that is there already: try the file
   * first, and create its folder (which costs a stat() per component of
   * the path) only when that fails.  Any failure takes the way it always
   * did, so the messages stay the same. */
  FILE *stream = fopen (path, "wb");
  if (stream == NULL)
    {
      g_autofree char *parent = g_path_get_dirname (path);
      if (g_mkdir_with_parents (parent, 0777) != 0)
        {
          int saved = errno;
          g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_OUTPUT,
                       "%s: cannot create folder: %s", parent, g_strerror (saved));
          return FALSE;
        }
      stream = fopen (path, "wb");
    }
  if (stream == NULL)
    {
      int saved = errno;
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_OUTPUT,
                   "%s: cannot open for writing: %s", path, g_strerror (saved));
      return FALSE;
    }
  /* The file is written with one fwrite(): unbuffered, that is one
   * write() where a buffered stream makes two (the whole blocks, then the
   * rest at fclose()). */
  setvbuf (stream, NULL, _IONBF, 0);
  g_string_truncate (sink->scratch, 0);
  if (sink->format->header != NULL)
    sink->format->header (sink->format, sink->scratch);
  g_string_append_len (sink->scratch, body->str, (gssize) body->len);
  /* Each file is a stream of its own: its footer lists this document only. */
  if (sink->entries != NULL)
    g_array_set_size (sink->entries, 0);
  add_entry (sink, doc);
  if (sink->format->footer != NULL)
    sink->format->footer (sink->format, sink->entries, sink->scratch);
  gboolean ok = write_all (stream, path, sink->scratch->str, sink->scratch->len, error);
  if (fclose (stream) != 0 && ok)
    {
      int saved = errno;
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_OUTPUT,
                   "%s: cannot write: %s", path, g_strerror (saved));
      ok = FALSE;
    }
  return ok;
}

gboolean
saywho_sink_close (SaywhoSink *sink, GError **error)
{
  gboolean ok = TRUE;
  if (sink->stream != NULL)
    {
      g_string_truncate (sink->scratch, 0);
      if (sink->format->footer != NULL)
        sink->format->footer (sink->format, sink->entries, sink->scratch);
      ok = write_all (sink->stream, sink->name, sink->scratch->str, sink->scratch->len, error);
      int rc = sink->owns_stream ? fclose (sink->stream) : fflush (sink->stream);
      if (rc != 0 && ok)
        {
          int saved = errno;
          g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_OUTPUT,
                       "%s: cannot write: %s", sink->name, g_strerror (saved));
          ok = FALSE;
        }
    }
  g_free (sink->buffer);  /* after fclose(), which flushed it */
  g_free (sink->name);
  g_free (sink->dir);
  if (sink->written != NULL)
    g_hash_table_unref (sink->written);
  if (sink->entries != NULL)
    g_array_unref (sink->entries);
  g_string_free (sink->scratch, TRUE);
  g_free (sink);
  return ok;
}
