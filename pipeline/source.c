/* source.c — paths, folders and standard input as a stream of documents. */
#include "source.h"
#include "utf8.h"
#include "source-jsonl.h"
#include "stage.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What readdir() says an entry is, where the file system says it. */
typedef enum {
  ENTRY_UNKNOWN,   /* a symbolic link, or no type given: stat() it */
  ENTRY_DIR,
  ENTRY_OTHER,     /* a file, a pipe, a device: anything but a folder */
} EntryType;

typedef struct {
  char *name;
  EntryType type;
} DirEntry;

/* One folder being walked: its sorted entries and how far we are. */
typedef struct {
  char *path;        /* the folder on disk */
  char *id_prefix;   /* its path relative to the root given, "" at the root */
  GArray *entries;   /* DirEntry, sorted by name */
  guint next;
} DirFrame;

struct _SaywhoSource {
  GStrv paths;
  guint next_path;
  GPatternSpec *glob;
  GPtrArray *stack;      /* DirFrame *, innermost last */
  GHashTable *visited;   /* "dev:ino" of folders entered, against link loops */
  guint64 seq;
  SaywhoJsonlReader *jsonl;  /* --input jsonl: records of the files walked */
};

static void
dir_frame_free (gpointer data)
{
  DirFrame *frame = data;
  g_free (frame->path);
  g_free (frame->id_prefix);
  g_array_unref (frame->entries);
  g_free (frame);
}

static void
dir_entry_clear (gpointer data)
{
  g_free (((DirEntry *) data)->name);
}

SaywhoSource *
saywho_source_new (const char *const *paths, const char *glob)
{
  SaywhoSource *source = g_new0 (SaywhoSource, 1);
  source->paths = g_strdupv ((char **) paths);
  source->glob = g_pattern_spec_new (glob != NULL ? glob : "*.txt");
  source->stack = g_ptr_array_new_with_free_func (dir_frame_free);
  source->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return source;
}

void
saywho_source_free (SaywhoSource *source)
{
  if (source == NULL)
    return;
  g_strfreev (source->paths);
  g_pattern_spec_free (source->glob);
  g_ptr_array_unref (source->stack);
  g_hash_table_unref (source->visited);
  saywho_jsonl_reader_free (source->jsonl);
  g_free (source);
}

SaywhoSource *
saywho_source_new_jsonl (const char *const *paths, const char *glob)
{
  static const char *const standard_input[] = { "-", NULL };
  if (paths == NULL || paths[0] == NULL)
    paths = standard_input;
  SaywhoSource *source = saywho_source_new (NULL, NULL);
  source->jsonl = saywho_jsonl_reader_new (saywho_source_new (paths,
                                                              glob != NULL ? glob : "*.jsonl"));
  return source;
}

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  return strcmp (((const DirEntry *) a)->name, ((const DirEntry *) b)->name);
}

static EntryType
entry_type (const struct dirent *entry)
{
#ifdef _DIRENT_HAVE_D_TYPE
  switch (entry->d_type)
    {
    case DT_DIR:
      return ENTRY_DIR;
    case DT_LNK:
    case DT_UNKNOWN:
      return ENTRY_UNKNOWN;
    default:
      return ENTRY_OTHER;
    }
#else
  return ENTRY_UNKNOWN;
#endif
}

/* Enters a folder: reads and sorts its entries.  FALSE with error set if it
 * cannot be read; TRUE and nothing pushed if it was entered before. */
static gboolean
push_dir (SaywhoSource *source, const char *path, const char *id_prefix, GError **error)
{
  struct stat st;
  if (stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT, "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  char *key = g_strdup_printf ("%lu:%lu", (unsigned long) st.st_dev, (unsigned long) st.st_ino);
  if (!g_hash_table_add (source->visited, key))
    return TRUE;  /* a link back to a folder already walked */

  /* readdir() rather than GDir: it tells folders from files, which saves
   * a stat() per file of the walk. */
  DIR *dir = opendir (path);
  if (dir == NULL)
    {
      /* GLib's words for the error, as the walk has always given them. */
      int saved = errno;
      g_autoptr (GError) local = NULL;
      GDir *gdir = g_dir_open (path, 0, &local);
      if (gdir != NULL)
        {
          g_dir_close (gdir);
          g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT, "%s: %s", path,
                       g_strerror (saved));
        }
      else
        g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT, "%s", local->message);
      return FALSE;
    }
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (DirEntry));
  g_array_set_clear_func (entries, dir_entry_clear);
  const struct dirent *entry;
  while ((entry = readdir (dir)) != NULL)
    if (entry->d_name[0] != '.')  /* hidden files and folders are not articles */
      {
        DirEntry e = { g_strdup (entry->d_name), entry_type (entry) };
        g_array_append_val (entries, e);
      }
  closedir (dir);
  g_array_sort (entries, compare_entries);

  DirFrame *frame = g_new0 (DirFrame, 1);
  frame->path = g_strdup (path);
  frame->id_prefix = g_strdup (id_prefix);
  frame->entries = entries;
  g_ptr_array_add (source->stack, frame);
  return TRUE;
}

static SaywhoDocument *
pending_document (SaywhoSource *source, const char *id, const char *path)
{
  SaywhoDocument *doc = saywho_document_new_take (id, path, NULL, 0);
  doc->seq = source->seq++;
  return doc;
}

SaywhoSourceStatus
saywho_source_next (SaywhoSource *source, SaywhoDocument **doc, GError **error)
{
  *doc = NULL;
  if (source->jsonl != NULL)
    return saywho_jsonl_reader_next (source->jsonl, doc, error);
  for (;;)
    {
      if (source->stack->len > 0)
        {
          DirFrame *frame = g_ptr_array_index (source->stack, source->stack->len - 1);
          if (frame->next >= frame->entries->len)
            {
              g_ptr_array_remove_index (source->stack, source->stack->len - 1);
              continue;
            }
          const DirEntry *entry = &g_array_index (frame->entries, DirEntry, frame->next++);
          const char *name = entry->name;
          g_autofree char *path = g_build_filename (frame->path, name, NULL);
          g_autofree char *id = *frame->id_prefix
                                  ? g_strconcat (frame->id_prefix, "/", name, NULL)
                                  : g_strdup (name);
          /* A link is followed, as stat() follows it. */
          if (entry->type == ENTRY_DIR
              || (entry->type == ENTRY_UNKNOWN && g_file_test (path, G_FILE_TEST_IS_DIR)))
            {
              if (!push_dir (source, path, id, error))
                return SAYWHO_SOURCE_FAILED;
              continue;
            }
          if (!g_pattern_spec_match_string (source->glob, name))
            continue;
          *doc = pending_document (source, id, path);
          return SAYWHO_SOURCE_DOCUMENT;
        }

      if (source->paths == NULL || source->paths[source->next_path] == NULL)
        return SAYWHO_SOURCE_END;
      const char *path = source->paths[source->next_path++];

      if (strcmp (path, "-") == 0)
        {
          *doc = pending_document (source, "stdin", "-");
          return SAYWHO_SOURCE_DOCUMENT;
        }
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (!push_dir (source, path, "", error))
            return SAYWHO_SOURCE_FAILED;
          continue;
        }
      /* A file named on the command line is read whatever its name; a path
       * that does not exist fails when it is loaded, in its turn. */
      *doc = pending_document (source, path, path);
      return SAYWHO_SOURCE_DOCUMENT;
    }
}


gboolean
saywho_text_check (const char *name, const char *text, gsize length, GError **error)
{
  const char *end = NULL;
  if (saywho_utf8_validate (text, length, &end))
    return TRUE;

  gsize offset = (gsize) (end - text);
  guint line = 1;
  for (gsize i = 0; i < offset; i++)
    line += text[i] == '\n';
  if (*end == '\0')
    g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                 "%s:%u: not text: NUL byte at byte offset %" G_GSIZE_FORMAT,
                 name, line, offset);
  else
    g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                 "%s:%u: not valid UTF-8 at byte offset %" G_GSIZE_FORMAT,
                 name, line, offset);
  return FALSE;
}

static gboolean
read_stdin (char **contents, gsize *length, GError **error)
{
  GString *buffer = g_string_sized_new (65536);
  char chunk[65536];
  size_t n;
  while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
    g_string_append_len (buffer, chunk, (gssize) n);
  if (ferror (stdin))
    {
      int saved = errno;
      g_string_free (buffer, TRUE);
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "standard input: %s", g_strerror (saved));
      return FALSE;
    }
  *length = buffer->len;
  *contents = g_string_free (buffer, FALSE);
  return TRUE;
}

gboolean
saywho_document_load (SaywhoDocument *doc, GError **error)
{
  if (doc->text != NULL)
    return TRUE;

  char *contents = NULL;
  gsize length = 0;
  const char *name = doc->source != NULL ? doc->source : doc->id;

  if (g_strcmp0 (doc->source, "-") == 0)
    {
      if (!read_stdin (&contents, &length, error))
        return FALSE;
      name = "standard input";
    }
  else
    {
      /* Reading a folder fails (EISDIR), so whether it is one is only
       * asked then: a stat() less for every file that reads. */
      g_autoptr (GError) local = NULL;
      if (!g_file_get_contents (name, &contents, &length, &local))
        {
          if (g_file_test (name, G_FILE_TEST_IS_DIR))
            g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT, "%s: is a directory", name);
          else
            g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT, "%s", local->message);
          return FALSE;
        }
    }
  if (length > G_MAXUINT32 - 1)
    {
      g_free (contents);
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s: larger than 4 GiB, the most one document may be", name);
      return FALSE;
    }
  if (!saywho_text_check (name, contents, length, error))
    {
      g_free (contents);
      return FALSE;
    }
  doc->text = contents;
  doc->length = length;
  return TRUE;
}
