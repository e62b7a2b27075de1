/* eval.c — annotation readers for every format, and `saywho eval`.
 *
 * Matching documents: by id where both files have ids — the same id, or
 * else the one id that ends with "/" + the other (a run over "corpus/"
 * gives "asia/x.txt", a run over the file "corpus/asia/x.txt" gives that
 * whole path; the gold files say "asia/x.txt").  conll2003 has no ids, so
 * a conll2003 file is matched to the other document by document, in order,
 * and both must hold as many.  GOLD decides what is scored: a predicted
 * document that GOLD does not have is left out, a GOLD document with no
 * prediction is scored as if nothing had been found in it (and reported).
 *
 * Units: two files with offsets are compared in characters, entities and
 * quotations.  When one of them is conll2003, only tokens can be compared:
 * both must be token-based (conll2003, conllup or conllu), hold the same
 * tokens, and only entities are scored, by token span and type — which
 * is exactly what conlleval does with the same two files side by side.
 */
#include "eval.h"
#include "cli.h"
#include "format.h"
#include "stage.h"

#include <errno.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

static const char *const eval_format_names[] = {
  [SAYWHO_EVAL_AUTO] = "auto",
  [SAYWHO_EVAL_GOLD] = "gold",
  [SAYWHO_EVAL_CONLLUP] = "conllup",
  [SAYWHO_EVAL_CONLL2003] = "conll2003",
  [SAYWHO_EVAL_CONLLU] = "conllu",
  [SAYWHO_EVAL_JSONL] = "jsonl",
  [SAYWHO_EVAL_HTML] = "html",
};

const char *
saywho_eval_format_name (SaywhoEvalFormat format)
{
  return (guint) format < G_N_ELEMENTS (eval_format_names) ? eval_format_names[format] : "?";
}

gboolean
saywho_eval_format_parse (const char *name, SaywhoEvalFormat *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (eval_format_names); i++)
    if (name != NULL && strcmp (name, eval_format_names[i]) == 0)
      {
        *out = (SaywhoEvalFormat) i;
        return TRUE;
      }
  return FALSE;
}

void
saywho_eval_document_free (SaywhoEvalDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->id);
  saywho_annotations_free (doc->chars);
  saywho_annotations_free (doc->tokens);
  if (doc->forms != NULL)
    g_ptr_array_unref (doc->forms);
  if (doc->speaker_names != NULL)
    g_hash_table_unref (doc->speaker_names);
  g_free (doc->origin);
  g_free (doc);
}

static SaywhoEvalDocument *
document_new (const char *id, SaywhoEvalFormat format, gboolean chars, gboolean tokens,
              const char *name, guint64 line)
{
  SaywhoEvalDocument *doc = g_new0 (SaywhoEvalDocument, 1);
  doc->id = g_strdup (id);
  doc->format = format;
  if (chars)
    doc->chars = saywho_annotations_new (id);
  if (tokens)
    {
      doc->tokens = saywho_annotations_new (id);
      doc->forms = g_ptr_array_new_with_free_func (g_free);
    }
  doc->origin = g_strdup_printf ("%s:%" G_GUINT64_FORMAT, name, line);
  return doc;
}

/* ---- conlleval's chunk rules ---------------------------------------------- */

void
saywho_chunk_decoder_init (SaywhoChunkDecoder *decoder)
{
  *decoder = (SaywhoChunkDecoder) { .prev_tag = 'O' };
}

void
saywho_chunk_decoder_clear (SaywhoChunkDecoder *decoder)
{
  g_clear_pointer (&decoder->id, g_free);
}

/* BILOU's letters are BIOES's. */
static char
tag_letter (const char *tag, gsize len)
{
  if (len != 1)
    return '?';   /* no rule names it: only a change of type matters */
  switch (tag[0])
    {
    case 'L': return 'E';
    case 'U': return 'S';
    default: return tag[0];
    }
}

static gboolean
chunk_ends (char prev, char tag, const char *prev_type, const char *type)
{
  switch (prev)
    {
    case 'B':
    case 'I':
      if (tag == 'B' || tag == 'S' || tag == 'O')
        return TRUE;
      break;
    case 'E':
    case 'S':
      if (tag == 'E' || tag == 'I' || tag == 'O' || tag == 'S' || tag == 'B')
        return TRUE;
      break;
    case '[':
    case ']':
      return TRUE;
    default:
      break;
    }
  return prev != 'O' && prev != '.' && strcmp (prev_type, type) != 0;
}

static gboolean
chunk_starts (char prev, char tag, const char *prev_type, const char *type)
{
  switch (tag)
    {
    case 'B':
    case 'S':
      if (prev == 'B' || prev == 'I' || prev == 'O' || prev == 'S' || prev == 'E')
        return TRUE;
      break;
    case 'I':
      if (prev == 'O' || prev == 'S' || prev == 'E')
        return TRUE;
      break;
    case 'E':
      if (prev == 'S' || prev == 'E' || prev == 'O')
        return TRUE;
      break;
    case '[':
    case ']':
      return TRUE;
    default:
      break;
    }
  return tag != 'O' && tag != '.' && strcmp (prev_type, type) != 0;
}

static void
decoder_step (SaywhoChunkDecoder *decoder, guint32 i, char tag, const char *type,
              const char *id, SaywhoChunkFunc func, gpointer user_data)
{
  if (decoder->open && chunk_ends (decoder->prev_tag, tag, decoder->prev_type, type))
    {
      func (decoder->start, i, decoder->type, decoder->id, user_data);
      decoder->open = FALSE;
      g_clear_pointer (&decoder->id, g_free);
    }
  if (chunk_starts (decoder->prev_tag, tag, decoder->prev_type, type))
    {
      decoder->open = TRUE;
      decoder->start = i;
      g_strlcpy (decoder->type, type, sizeof decoder->type);
      g_free (decoder->id);
      decoder->id = g_strdup (id);
    }
  decoder->prev_tag = tag;
  g_strlcpy (decoder->prev_type, type, sizeof decoder->prev_type);
}

void
saywho_chunk_decoder_feed (SaywhoChunkDecoder *decoder, guint32 i, const char *tag,
                           const char *id, SaywhoChunkFunc func, gpointer user_data)
{
  /* As conlleval splits it: the tag before the first '-', the type after. */
  const char *dash = strchr (tag, '-');
  char letter;
  const char *type;
  if (dash != NULL)
    {
      letter = tag_letter (tag, (gsize) (dash - tag));
      type = dash + 1;
    }
  else
    {
      letter = tag_letter (tag, strlen (tag));
      type = "";
    }
  decoder_step (decoder, i, letter, type, id, func, user_data);
}

void
saywho_chunk_decoder_flush (SaywhoChunkDecoder *decoder, guint32 i,
                            SaywhoChunkFunc func, gpointer user_data)
{
  decoder_step (decoder, i, 'O', "", NULL, func, user_data);
}

/* ---- lines ------------------------------------------------------------- */

typedef struct {
  FILE *stream;
  gboolean owns;
  char *name;           /* for messages */
  guint64 line;
  char *buffer;
  size_t capacity;
  gsize length;
  gboolean pushed_back;
} LineReader;

static gboolean
line_reader_open (LineReader *r, const char *path, GError **error)
{
  *r = (LineReader) { 0 };
  if (strcmp (path, "-") == 0)
    {
      r->stream = stdin;
      r->name = g_strdup ("standard input");
      return TRUE;
    }
  r->stream = fopen (path, "rb");
  if (r->stream == NULL)
    {
      int saved = errno;
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT, "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  r->owns = TRUE;
  r->name = g_strdup (path);
  return TRUE;
}

static void
line_reader_close (LineReader *r)
{
  if (r->stream != NULL && r->owns)
    fclose (r->stream);
  g_free (r->name);
  free (r->buffer);   /* getline()'s */
  *r = (LineReader) { 0 };
}

/* The next line without its line break, or NULL at the end (error set if
 * reading failed). */
static char *
line_reader_next (LineReader *r, gsize *length, GError **error)
{
  if (r->pushed_back)
    {
      r->pushed_back = FALSE;
      *length = r->length;
      return r->buffer;
    }
  errno = 0;
  ssize_t n = getline (&r->buffer, &r->capacity, r->stream);
  if (n < 0)
    {
      if (ferror (r->stream))
        {
          int saved = errno;
          g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT, "%s: cannot read: %s", r->name,
                       g_strerror (saved));
        }
      return NULL;
    }
  r->line++;
  gsize len = (gsize) n;
  while (len > 0 && (r->buffer[len - 1] == '\n' || r->buffer[len - 1] == '\r'))
    len--;
  r->buffer[len] = '\0';
  r->length = *length = len;
  return r->buffer;
}

static gboolean
is_blank (const char *line)
{
  return line[strspn (line, " \t")] == '\0';
}

/* ---- sniffing ------------------------------------------------------------ */

#define HTML_DATA_OPEN "<script type=\"application/json\" class=\"saywho-data\">"

static SaywhoEvalFormat
sniff_line (const char *line)
{
  if (g_str_has_prefix (line, "# doc = "))
    return SAYWHO_EVAL_GOLD;
  if (g_str_has_prefix (line, "# global.columns"))
    return SAYWHO_EVAL_CONLLUP;
  if (g_str_has_prefix (line, "# newdoc") || g_str_has_prefix (line, "# sent_id")
      || g_str_has_prefix (line, "# text"))
    return SAYWHO_EVAL_CONLLU;
  if (line[0] == '{')
    return SAYWHO_EVAL_JSONL;
  if (g_ascii_strncasecmp (line, "<!DOCTYPE html", 14) == 0
      || g_ascii_strncasecmp (line, "<html", 5) == 0)
    return SAYWHO_EVAL_HTML;
  if (g_str_has_prefix (line, "-DOCSTART-"))
    return SAYWHO_EVAL_CONLL2003;
  if (line[0] != '#')
    {
      guint tabs = 0;
      for (const char *p = line; *p; p++)
        tabs += *p == '\t';
      if (tabs == 9)
        return SAYWHO_EVAL_CONLLU;
      if (tabs == 0 && strchr (line, ' ') != NULL)
        return SAYWHO_EVAL_CONLL2003;
    }
  return SAYWHO_EVAL_AUTO;
}

/* ---- the CoNLL family ------------------------------------------------------ */

typedef struct {
  SaywhoEvalFormat format;
  LineReader *reader;
  SaywhoEvalFunc func;
  gpointer user_data;
  SaywhoEvalDocument *doc;
  SaywhoChunkDecoder decoder;
  GArray *starts, *ends;     /* guint32 character offsets of each token */
  gboolean offsets;          /* every token so far has them */
  GError *error;             /* from a chunk callback */
  /* conllup's columns */
  gint form, ner, start, end, entity;
  guint ncolumns;
} ConllReader;

static void
add_chunk (guint32 start, guint32 end, const char *type, const char *id, gpointer user_data)
{
  ConllReader *cr = user_data;
  SaywhoEntityType parsed;
  if (!saywho_entity_type_parse (type, &parsed))
    {
      if (cr->error == NULL)
        g_set_error (&cr->error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                     "%s:%" G_GUINT64_FORMAT ": entity type '%s' is none of PER, ORG, LOC, MISC",
                     cr->reader->name, cr->reader->line, type);
      return;
    }
  saywho_annotations_add_entity (cr->doc->tokens, start, end, parsed, id);
}

static void
start_document (ConllReader *cr, const char *id)
{
  gboolean chars = cr->format != SAYWHO_EVAL_CONLL2003;
  cr->doc = document_new (id, cr->format, chars, TRUE, cr->reader->name, cr->reader->line);
  saywho_chunk_decoder_init (&cr->decoder);
  g_array_set_size (cr->starts, 0);
  g_array_set_size (cr->ends, 0);
  cr->offsets = chars;
}

static gboolean
finish_document (ConllReader *cr, GError **error)
{
  if (cr->doc == NULL)
    return TRUE;
  saywho_chunk_decoder_flush (&cr->decoder, cr->doc->forms->len, add_chunk, cr);
  saywho_chunk_decoder_clear (&cr->decoder);
  SaywhoEvalDocument *doc = g_steal_pointer (&cr->doc);
  if (cr->error != NULL)
    {
      saywho_eval_document_free (doc);
      g_propagate_error (error, g_steal_pointer (&cr->error));
      return FALSE;
    }
  if (doc->chars != NULL && !cr->offsets)
    g_clear_pointer (&doc->chars, saywho_annotations_free);
  if (doc->chars != NULL)
    for (guint e = 0; e < doc->tokens->entities->len; e++)
      {
        const SaywhoEntityMention *m = &g_array_index (doc->tokens->entities,
                                                       SaywhoEntityMention, e);
        saywho_annotations_add_entity (doc->chars, g_array_index (cr->starts, guint32, m->start),
                                       g_array_index (cr->ends, guint32, m->end - 1),
                                       m->type, m->id);
      }
  return cr->func (doc, cr->user_data, error);
}

static gboolean
parse_uint32 (const char *s, guint32 *out)
{
  char *end = NULL;
  if (!g_ascii_isdigit (*s))
    return FALSE;
  guint64 v = g_ascii_strtoull (s, &end, 10);
  if (*end != '\0' || v >= G_MAXUINT32)
    return FALSE;
  *out = (guint32) v;
  return TRUE;
}

/* "a:b" or "_". */
static gboolean
parse_range (const char *s, guint32 *start, guint32 *end)
{
  if (strcmp (s, "_") == 0)
    {
      *start = *end = SAYWHO_NO_OFFSET;
      return TRUE;
    }
  const char *colon = strchr (s, ':');
  if (colon == NULL)
    return FALSE;
  g_autofree char *a = g_strndup (s, (gsize) (colon - s));
  return parse_uint32 (a, start) && parse_uint32 (colon + 1, end) && *end >= *start;
}

/* "# quote Q1 = kind=direct speaker=ID span=a:b mention=a:b cue=a:b" */
static gboolean
parse_quote_comment (ConllReader *cr, const char *line, GError **error)
{
  const char *equals = strstr (line, " = ");
  SaywhoQuoteMention q = { .start = SAYWHO_NO_OFFSET };
  gboolean kind_seen = FALSE;
  g_auto (GStrv) fields = g_strsplit (equals != NULL ? equals + 3 : "", " ", -1);
  gboolean ok = equals != NULL;
  for (guint i = 0; ok && fields[i] != NULL; i++)
    {
      const char *f = fields[i];
      if (*f == '\0')
        continue;
      if (g_str_has_prefix (f, "kind="))
        {
          kind_seen = TRUE;
          if (strcmp (f + 5, "direct") == 0)
            q.kind = SAYWHO_QUOTE_DIRECT;
          else if (strcmp (f + 5, "indirect") == 0)
            q.kind = SAYWHO_QUOTE_INDIRECT;
          else
            ok = FALSE;
        }
      else if (g_str_has_prefix (f, "speaker="))
        q.speaker = strcmp (f + 8, "_") == 0 ? NULL : (char *) f + 8;
      else if (g_str_has_prefix (f, "span="))
        ok = parse_range (f + 5, &q.start, &q.end);
      else if (g_str_has_prefix (f, "mention="))
        ok = parse_range (f + 8, &q.mention_start, &q.mention_end);
      else if (g_str_has_prefix (f, "cue="))
        ok = parse_range (f + 4, &q.cue_start, &q.cue_end);
    }
  if (!ok || !kind_seen || q.start == SAYWHO_NO_OFFSET)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s:%" G_GUINT64_FORMAT ": not a quotation line "
                   "(# quote Qn = kind=… speaker=… span=START:END mention=… cue=…)",
                   cr->reader->name, cr->reader->line);
      return FALSE;
    }
  if (cr->doc == NULL)
    start_document (cr, NULL);
  if (cr->doc->chars != NULL)
    saywho_annotations_add_quote (cr->doc->chars, &q);
  return TRUE;
}

static void
add_token (ConllReader *cr, const char *form, const char *tag, const char *id,
           const char *start, const char *end)
{
  if (cr->doc == NULL)
    start_document (cr, NULL);
  guint32 index = cr->doc->forms->len;
  /* Forms as conll2003 writes them, so that every token-based format
   * compares equal on the same tokens. */
  GString *field = g_string_new (NULL);
  saywho_format_append_field (field, form, strlen (form));
  g_ptr_array_add (cr->doc->forms, g_string_free (field, FALSE));
  saywho_chunk_decoder_feed (&cr->decoder, index, tag, id, add_chunk, cr);

  guint32 s = 0, e = 0;
  if (cr->offsets && start != NULL && end != NULL && parse_uint32 (start, &s)
      && parse_uint32 (end, &e) && e >= s)
    {
      g_array_append_val (cr->starts, s);
      g_array_append_val (cr->ends, e);
    }
  else
    cr->offsets = FALSE;
}

static gint
column_index (char **names, const char *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return (gint) i;
  return -1;
}

static gboolean
conllup_columns (ConllReader *cr, const char *line, GError **error)
{
  const char *equals = strchr (line, '=');
  g_auto (GStrv) names = g_strsplit_set (equals != NULL ? equals + 1 : "", " \t", -1);
  /* g_strsplit_set leaves empty strings between separators: squeeze them. */
  guint n = 0;
  for (guint i = 0; names[i] != NULL; i++)
    if (names[i][0] != '\0')
      names[n++] = names[i];
    else
      g_free (names[i]);
  names[n] = NULL;
  cr->ncolumns = n;
  cr->form = column_index (names, "FORM");
  cr->ner = column_index (names, "NER");
  cr->start = column_index (names, "START");
  cr->end = column_index (names, "END");
  cr->entity = column_index (names, "ENTITY");
  if (cr->form < 0 || cr->ner < 0)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s:%" G_GUINT64_FORMAT ": global.columns names no FORM or no NER column",
                   cr->reader->name, cr->reader->line);
      return FALSE;
    }
  return TRUE;
}

static gboolean
conllup_line (ConllReader *cr, char *line, GError **error)
{
  if (line[0] == '#')
    {
      if (g_str_has_prefix (line, "# global.columns"))
        return conllup_columns (cr, line, error);
      if (g_str_has_prefix (line, "# newdoc"))
        {
          if (!finish_document (cr, error))
            return FALSE;
          const char *id = strstr (line, "id = ");
          start_document (cr, id != NULL ? id + 5 : NULL);
          return TRUE;
        }
      if (g_str_has_prefix (line, "# quote "))
        return parse_quote_comment (cr, line, error);
      return TRUE;
    }
  if (cr->ncolumns == 0)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s:%" G_GUINT64_FORMAT ": a token before '# global.columns'",
                   cr->reader->name, cr->reader->line);
      return FALSE;
    }
  g_auto (GStrv) f = g_strsplit (line, "\t", -1);
  if (g_strv_length (f) != cr->ncolumns)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s:%" G_GUINT64_FORMAT ": expected %u tab-separated columns, found %u",
                   cr->reader->name, cr->reader->line, cr->ncolumns, g_strv_length (f));
      return FALSE;
    }
  const char *id = cr->entity >= 0 && strcmp (f[cr->entity], "_") != 0 ? f[cr->entity] : NULL;
  add_token (cr, f[cr->form], f[cr->ner], id,
             cr->start >= 0 ? f[cr->start] : NULL, cr->end >= 0 ? f[cr->end] : NULL);
  return TRUE;
}

/* MISC: Key=Value pairs separated by '|'. */
static const char *
misc_value (char **pairs, const char *key)
{
  gsize n = strlen (key);
  for (guint i = 0; pairs[i] != NULL; i++)
    if (strncmp (pairs[i], key, n) == 0 && pairs[i][n] == '=')
      return pairs[i] + n + 1;
  return NULL;
}

static gboolean
conllu_line (ConllReader *cr, char *line, GError **error)
{
  if (line[0] == '#')
    {
      if (g_str_has_prefix (line, "# newdoc"))
        {
          if (!finish_document (cr, error))
            return FALSE;
          const char *id = strstr (line, "id = ");
          start_document (cr, id != NULL ? id + 5 : NULL);
          return TRUE;
        }
      if (g_str_has_prefix (line, "# quote "))
        return parse_quote_comment (cr, line, error);
      return TRUE;
    }
  g_auto (GStrv) f = g_strsplit (line, "\t", -1);
  if (g_strv_length (f) != 10)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s:%" G_GUINT64_FORMAT ": expected the 10 tab-separated columns of "
                   "CoNLL-U, found %u", cr->reader->name, cr->reader->line, g_strv_length (f));
      return FALSE;
    }
  /* Multiword tokens (1-2) and empty nodes (1.1) are not tokens of the text. */
  if (strchr (f[0], '-') != NULL || strchr (f[0], '.') != NULL)
    return TRUE;
  g_auto (GStrv) misc = g_strsplit (f[9], "|", -1);
  const char *tag = misc_value (misc, "NE");
  const char *id = misc_value (misc, "Entity");
  const char *range = misc_value (misc, "TokenRange");
  g_autofree char *start = NULL, *end = NULL;
  if (range != NULL && strchr (range, ':') != NULL)
    {
      start = g_strndup (range, (gsize) (strchr (range, ':') - range));
      end = g_strdup (strchr (range, ':') + 1);
    }
  add_token (cr, f[1], tag != NULL ? tag : "O", id, start, end);
  return TRUE;
}

static gboolean
conll2003_line (ConllReader *cr, char *line, GError **error)
{
  g_auto (GStrv) raw = g_strsplit_set (line, " \t", -1);
  g_autoptr (GPtrArray) f = g_ptr_array_new ();
  for (guint i = 0; raw[i] != NULL; i++)
    if (raw[i][0] != '\0')
      g_ptr_array_add (f, raw[i]);
  if (f->len > 0 && strcmp (g_ptr_array_index (f, 0), "-DOCSTART-") == 0)
    {
      if (!finish_document (cr, error))
        return FALSE;
      start_document (cr, NULL);
      return TRUE;
    }
  if (f->len < 2)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s:%" G_GUINT64_FORMAT ": expected a token and a tag at least",
                   cr->reader->name, cr->reader->line);
      return FALSE;
    }
  add_token (cr, g_ptr_array_index (f, 0), g_ptr_array_index (f, f->len - 1), NULL, NULL, NULL);
  return TRUE;
}

static gboolean
read_conll (LineReader *reader, SaywhoEvalFormat format, SaywhoEvalFunc func,
            gpointer user_data, GError **error)
{
  ConllReader cr = {
    .format = format, .reader = reader, .func = func, .user_data = user_data,
    .starts = g_array_new (FALSE, FALSE, sizeof (guint32)),
    .ends = g_array_new (FALSE, FALSE, sizeof (guint32)),
  };
  gboolean ok = TRUE;
  char *line;
  gsize length;
  GError *read_error = NULL;
  while (ok && (line = line_reader_next (reader, &length, &read_error)) != NULL)
    {
      if (is_blank (line))
        {
          if (cr.doc != NULL)
            saywho_chunk_decoder_flush (&cr.decoder, cr.doc->forms->len, add_chunk, &cr);
        }
      else if (format == SAYWHO_EVAL_CONLLUP)
        ok = conllup_line (&cr, line, error);
      else if (format == SAYWHO_EVAL_CONLLU)
        ok = conllu_line (&cr, line, error);
      else
        ok = conll2003_line (&cr, line, error);
      if (ok && cr.error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&cr.error));
          ok = FALSE;
        }
    }
  if (ok && read_error != NULL)
    {
      g_propagate_error (error, read_error);
      ok = FALSE;
    }
  else
    g_clear_error (&read_error);
  if (ok)
    ok = finish_document (&cr, error);
  if (cr.doc != NULL)
    {
      saywho_chunk_decoder_clear (&cr.decoder);
      saywho_eval_document_free (cr.doc);
    }
  g_clear_error (&cr.error);
  g_array_unref (cr.starts);
  g_array_unref (cr.ends);
  return ok;
}

/* ---- jsonl and html -------------------------------------------------------- */

static gboolean
get_offset (JsonObject *object, const char *member, guint32 *out)
{
  JsonNode *node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  gint64 v = json_node_get_int (node);
  if (v < 0 || v >= G_MAXUINT32)
    return FALSE;
  *out = (guint32) v;
  return TRUE;
}

static const char *
get_string (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
get_object (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
get_array (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* An optional {"start", "end"}: absent or null is no span. */
static gboolean
get_span (JsonObject *object, const char *member, guint32 *start, guint32 *end)
{
  *start = *end = SAYWHO_NO_OFFSET;
  JsonNode *node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  JsonObject *span = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  return span != NULL && get_offset (span, "start", start) && get_offset (span, "end", end)
         && *end >= *start;
}

/* One jsonl record (or an html page's data); line is where it is. */
static SaywhoEvalDocument *
record_document (JsonParser *parser, const char *json, gsize length, SaywhoEvalFormat format,
                 const char *name, guint64 line, GError **error)
{
  g_autoptr (GError) local = NULL;
  if (!json_parser_load_from_data (parser, json, (gssize) length, &local))
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s:%" G_GUINT64_FORMAT ": not valid JSON: %s", name, line, local->message);
      return NULL;
    }
  JsonNode *root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s:%" G_GUINT64_FORMAT ": not a JSON object", name, line);
      return NULL;
    }
  JsonObject *object = json_node_get_object (root);
  SaywhoEvalDocument *doc = document_new (get_string (object, "id"), format, TRUE, FALSE,
                                          name, line);
  const char *problem = NULL;
  JsonArray *entities = get_array (object, "entities");
  for (guint i = 0; entities != NULL && problem == NULL && i < json_array_get_length (entities);
       i++)
    {
      JsonObject *e = json_array_get_object_element (entities, i);
      guint32 start, end;
      SaywhoEntityType type;
      if (e == NULL || !get_offset (e, "start", &start) || !get_offset (e, "end", &end)
          || end <= start || !saywho_entity_type_parse (get_string (e, "type"), &type))
        problem = "an entity without start, end and a type PER, ORG, LOC or MISC";
      else
        saywho_annotations_add_entity (doc->chars, start, end, type, get_string (e, "id"));
    }
  JsonArray *quotes = get_array (object, "quotes");
  for (guint i = 0; quotes != NULL && problem == NULL && i < json_array_get_length (quotes); i++)
    {
      JsonObject *q = json_array_get_object_element (quotes, i);
      SaywhoQuoteMention m = { 0 };
      const char *kind = q != NULL ? get_string (q, "kind") : NULL;
      if (q == NULL || !get_offset (q, "start", &m.start) || !get_offset (q, "end", &m.end)
          || m.end <= m.start || kind == NULL
          || (strcmp (kind, "direct") != 0 && strcmp (kind, "indirect") != 0)
          || !get_span (q, "mention", &m.mention_start, &m.mention_end)
          || !get_span (q, "cue", &m.cue_start, &m.cue_end))
        {
          problem = "a quotation without start, end, a kind direct or indirect, "
                    "or with a malformed mention or cue";
          continue;
        }
      m.kind = strcmp (kind, "direct") == 0 ? SAYWHO_QUOTE_DIRECT : SAYWHO_QUOTE_INDIRECT;
      JsonObject *speaker = get_object (q, "speaker");
      m.speaker = speaker != NULL ? (char *) get_string (speaker, "id") : NULL;
      saywho_annotations_add_quote (doc->chars, &m);
      const char *speaker_name = speaker != NULL ? get_string (speaker, "name") : NULL;
      if (m.speaker != NULL && speaker_name != NULL)
        {
          if (doc->speaker_names == NULL)
            doc->speaker_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          g_hash_table_replace (doc->speaker_names, g_strdup (m.speaker), g_strdup (speaker_name));
        }
    }
  if (problem != NULL)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "%s:%" G_GUINT64_FORMAT ": %s", name, line, problem);
      saywho_eval_document_free (doc);
      return NULL;
    }
  return doc;
}

static gboolean
read_records (LineReader *reader, SaywhoEvalFormat format, SaywhoEvalFunc func,
              gpointer user_data, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  char *line;
  gsize length;
  GError *read_error = NULL;
  while ((line = line_reader_next (reader, &length, &read_error)) != NULL)
    {
      const char *json = line;
      gsize json_length = length;
      if (format == SAYWHO_EVAL_HTML)
        {
          /* The page keeps each document's data on one line of its own. */
          const char *open = strstr (line, HTML_DATA_OPEN);
          const char *close = open != NULL ? strstr (open, "</script>") : NULL;
          if (close == NULL)
            continue;
          json = open + strlen (HTML_DATA_OPEN);
          json_length = (gsize) (close - json);
        }
      else if (is_blank (line))
        continue;
      SaywhoEvalDocument *doc = record_document (parser, json, json_length, format,
                                                 reader->name, reader->line, error);
      if (doc == NULL || !func (doc, user_data, error))
        return FALSE;
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return FALSE;
    }
  return TRUE;
}

/* ---- files and folders ------------------------------------------------------- */

static gboolean
read_gold (const char *path, SaywhoEvalFunc func, gpointer user_data, GError **error)
{
  if (strcmp (path, "-") == 0)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                   "gold files are read from files or folders, not standard input");
      return FALSE;
    }
  SaywhoAnnotations *gold = saywho_gold_read (path, error);
  if (gold == NULL)
    return FALSE;
  SaywhoEvalDocument *doc = document_new (gold->doc_id, SAYWHO_EVAL_GOLD, FALSE, FALSE, path, 1);
  doc->chars = gold;
  return func (doc, user_data, error);
}

static gboolean
read_file (const char *path, SaywhoEvalFormat format, SaywhoEvalFunc func, gpointer user_data,
           GError **error)
{
  LineReader reader;
  if (!line_reader_open (&reader, path, error))
    return FALSE;
  if (format == SAYWHO_EVAL_AUTO)
    {
      char *line;
      gsize length;
      GError *read_error = NULL;
      while ((line = line_reader_next (&reader, &length, &read_error)) != NULL && is_blank (line))
        ;
      if (read_error != NULL)
        {
          g_propagate_error (error, read_error);
          line_reader_close (&reader);
          return FALSE;
        }
      if (line == NULL)
        {
          /* Nothing at all: no documents, which every format allows. */
          line_reader_close (&reader);
          return TRUE;
        }
      format = sniff_line (line);
      reader.pushed_back = TRUE;
      if (format == SAYWHO_EVAL_AUTO)
        {
          g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT,
                       "%s:%" G_GUINT64_FORMAT ": cannot tell the format (none of gold, "
                       "conllup, conll2003, conllu, jsonl, html): name it with --gold-format "
                       "or --pred-format", reader.name, reader.line);
          line_reader_close (&reader);
          return FALSE;
        }
    }
  gboolean ok;
  switch (format)
    {
    case SAYWHO_EVAL_GOLD:
      line_reader_close (&reader);
      return read_gold (path, func, user_data, error);
    case SAYWHO_EVAL_CONLLUP:
    case SAYWHO_EVAL_CONLL2003:
    case SAYWHO_EVAL_CONLLU:
      ok = read_conll (&reader, format, func, user_data, error);
      break;
    case SAYWHO_EVAL_JSONL:
    case SAYWHO_EVAL_HTML:
      ok = read_records (&reader, format, func, user_data, error);
      break;
    case SAYWHO_EVAL_AUTO:
    default:
      ok = FALSE;
      break;
    }
  line_reader_close (&reader);
  return ok;
}

static gboolean
has_annotation_extension (const char *name)
{
  static const char *const extensions[] = {
    ".gold.tsv", ".conllup", ".conll", ".conll2003", ".conllu", ".jsonl", ".html",
  };
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (name, extensions[i]))
      return TRUE;
  return FALSE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
read_folder (const char *dir, SaywhoEvalFormat format, SaywhoEvalFunc func,
             gpointer user_data, guint depth, GError **error)
{
  if (depth > 64)
    return TRUE;   /* a link loop: stop descending */
  g_autoptr (GError) local = NULL;
  GDir *d = g_dir_open (dir, 0, &local);
  if (d == NULL)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT, "%s", local->message);
      return FALSE;
    }
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_dir_close (d);
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      gboolean ok = TRUE;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        ok = read_folder (path, format, func, user_data, depth + 1, error);
      else if (has_annotation_extension (path))
        ok = read_file (path, format, func, user_data, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
saywho_eval_read (const char *path, SaywhoEvalFormat format, SaywhoEvalFunc func,
                  gpointer user_data, GError **error)
{
  if (strcmp (path, "-") != 0 && g_file_test (path, G_FILE_TEST_IS_DIR))
    return read_folder (path, format, func, user_data, 0, error);
  return read_file (path, format, func, user_data, error);
}

/* ---- scoring ---------------------------------------------------------- */

static gboolean
collect_document (SaywhoEvalDocument *doc, gpointer user_data, GError **error)
{
  g_ptr_array_add (user_data, doc);
  return TRUE;
}

static gboolean
all_have_ids (GPtrArray *docs)
{
  for (guint i = 0; i < docs->len; i++)
    if (((SaywhoEvalDocument *) g_ptr_array_index (docs, i))->id == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
id_suffix (const char *longer, const char *shorter)
{
  gsize a = strlen (longer), b = strlen (shorter);
  return a > b && strcmp (longer + a - b, shorter) == 0 && longer[a - b - 1] == '/';
}

/* The predicted document for gold's, by id; NULL if none or ambiguous. */
static SaywhoEvalDocument *
find_by_id (GPtrArray *predicted, GHashTable *by_id, const SaywhoEvalDocument *gold)
{
  SaywhoEvalDocument *found = g_hash_table_lookup (by_id, gold->id);
  if (found != NULL)
    return found;
  for (guint i = 0; i < predicted->len; i++)
    {
      SaywhoEvalDocument *p = g_ptr_array_index (predicted, i);
      if (id_suffix (p->id, gold->id) || id_suffix (gold->id, p->id))
        {
          if (found != NULL)
            return NULL;
          found = p;
        }
    }
  return found;
}

/* Whether the two hold the same tokens; if not, says where they part. */
static gboolean
same_tokens (const SaywhoEvalDocument *a, const SaywhoEvalDocument *b, GString *why)
{
  guint n = MIN (a->forms->len, b->forms->len);
  for (guint i = 0; i < n; i++)
    if (strcmp (g_ptr_array_index (a->forms, i), g_ptr_array_index (b->forms, i)) != 0)
      {
        g_string_append_printf (why, "token %u is '%s' in one and '%s' in the other", i + 1,
                                (char *) g_ptr_array_index (a->forms, i),
                                (char *) g_ptr_array_index (b->forms, i));
        return FALSE;
      }
  if (a->forms->len != b->forms->len)
    {
      g_string_append_printf (why, "one has %u tokens, the other %u", a->forms->len,
                              b->forms->len);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  SaywhoScore score;
  guint compared, missing, incomparable;
  gboolean by_tokens;     /* some pair was compared by tokens only */
} EvalRun;

static const char *
doc_label (const SaywhoEvalDocument *doc, guint index)
{
  static char buffer[32];
  if (doc->id != NULL)
    return doc->id;
  g_snprintf (buffer, sizeof buffer, "document %u", index + 1);
  return buffer;
}

static void
score_pair (EvalRun *run, const SaywhoEvalDocument *gold, const SaywhoEvalDocument *pred,
            guint index)
{
  if (pred == NULL)
    {
      /* Nothing predicted: every reference mention is missed. */
      SaywhoAnnotations *reference = gold->chars != NULL ? gold->chars : gold->tokens;
      g_autoptr (SaywhoAnnotations) none = saywho_annotations_new (reference->doc_id);
      saywho_score_add (&run->score, reference, none);
      run->missing++;
      g_printerr ("saywho: %s (%s): no prediction for this document; scored as empty\n",
                  doc_label (gold, index), gold->origin);
      return;
    }
  if (gold->chars != NULL && pred->chars != NULL)
    {
      saywho_score_add (&run->score, gold->chars, pred->chars);
      run->compared++;
      return;
    }
  if (gold->tokens != NULL && pred->tokens != NULL)
    {
      g_autoptr (GString) why = g_string_new (NULL);
      if (!same_tokens (gold, pred, why))
        {
          g_printerr ("saywho: %s (%s, %s): cannot compare by tokens: %s\n",
                      doc_label (gold, index), gold->origin, pred->origin, why->str);
          run->incomparable++;
          return;
        }
      saywho_score_add (&run->score, gold->tokens, pred->tokens);
      run->compared++;
      run->by_tokens = TRUE;
      return;
    }
  const SaywhoEvalDocument *plain = gold->chars == NULL ? gold : pred;
  const SaywhoEvalDocument *other = plain == gold ? pred : gold;
  g_printerr ("saywho: %s: cannot compare %s with %s: %s has no character offsets and %s no "
              "tokens; compare conll2003 with conll2003, conllup or conllu\n",
              doc_label (gold, index), saywho_eval_format_name (plain->format),
              saywho_eval_format_name (other->format), saywho_eval_format_name (plain->format),
              saywho_eval_format_name (other->format));
  run->incomparable++;
}

static int
eval_usage (const char *message)
{
  g_printerr ("saywho: %s\nTry 'saywho eval --help' for more information.\n", message);
  return SAYWHO_EXIT_USAGE;
}

int
saywho_eval_main (int argc, char **argv)
{
  g_autofree char *gold_format_name = NULL;
  g_autofree char *pred_format_name = NULL;
  g_auto (GStrv) files = NULL;
  g_autoptr (GError) error = NULL;

  setlocale (LC_ALL, "");
  GOptionEntry entries[] = {
    { "gold-format", 0, 0, G_OPTION_ARG_STRING, &gold_format_name,
      "Read GOLD as NAME instead of telling from its content", "NAME" },
    { "pred-format", 0, 0, G_OPTION_ARG_STRING, &pred_format_name,
      "Read PRED as NAME instead of telling from its content", "NAME" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("GOLD PRED");
  g_option_context_set_summary (context,
    "Score the entities and quotations of PRED against those of GOLD.\n"
    "Each is a file in any saywho format (conllup, conll2003, conllu, jsonl,\n"
    "html), a gold file of tests/gold/, a folder of such files, or - for\n"
    "standard input; the format is told from the content.");
  g_option_context_set_description (context,
    "Entities count as conlleval counts chunks: right when span and type are\n"
    "both exact; precision, recall and F1 per type and over all (micro).\n"
    "Quotations match when they overlap by at least half of the longer one;\n"
    "speaker accuracy is over matched quotations whose reference names a\n"
    "speaker. Documents are matched by id (or in order, for conll2003, which\n"
    "has none). With conll2003 on either side only entities are scored, by\n"
    "token spans, and both files must hold the same tokens.\n"
    "\n"
    "Exit status: 0 when every GOLD document was scored, 1 when some had no\n"
    "prediction or could not be compared, 2 when the files could not be read.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return eval_usage (error->message);
  if (files == NULL || g_strv_length (files) != 2)
    return eval_usage ("eval takes two files: GOLD PRED");

  SaywhoEvalFormat gold_format = SAYWHO_EVAL_AUTO, pred_format = SAYWHO_EVAL_AUTO;
  if (gold_format_name != NULL && !saywho_eval_format_parse (gold_format_name, &gold_format))
    return eval_usage ("--gold-format takes gold, conllup, conll2003, conllu, jsonl or html");
  if (pred_format_name != NULL && !saywho_eval_format_parse (pred_format_name, &pred_format))
    return eval_usage ("--pred-format takes gold, conllup, conll2003, conllu, jsonl or html");

  g_autoptr (GPtrArray) gold = g_ptr_array_new_with_free_func (
    (GDestroyNotify) saywho_eval_document_free);
  g_autoptr (GPtrArray) pred = g_ptr_array_new_with_free_func (
    (GDestroyNotify) saywho_eval_document_free);
  if (!saywho_eval_read (files[0], gold_format, collect_document, gold, &error)
      || !saywho_eval_read (files[1], pred_format, collect_document, pred, &error))
    {
      g_printerr ("saywho: %s\n", error->message);
      return SAYWHO_EXIT_USAGE;
    }

  EvalRun run = { 0 };
  if (all_have_ids (gold) && all_have_ids (pred))
    {
      g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = pred->len; i-- > 0;)   /* the first of a repeated id wins */
        {
          SaywhoEvalDocument *p = g_ptr_array_index (pred, i);
          g_hash_table_insert (by_id, p->id, p);
        }
      for (guint i = 0; i < gold->len; i++)
        {
          SaywhoEvalDocument *g = g_ptr_array_index (gold, i);
          score_pair (&run, g, find_by_id (pred, by_id, g), i);
        }
    }
  else if (gold->len != pred->len)
    {
      g_printerr ("saywho: documents without ids (conll2003) are matched in order, but %s "
                  "holds %u and %s %u\n", files[0], gold->len, files[1], pred->len);
      return SAYWHO_EXIT_USAGE;
    }
  else
    for (guint i = 0; i < gold->len; i++)
      score_pair (&run, g_ptr_array_index (gold, i), g_ptr_array_index (pred, i), i);

  g_autoptr (GString) report = g_string_new (NULL);
  saywho_score_report (&run.score, report);
  if (run.by_tokens)
    g_string_append (report, "(compared by tokens: conll2003 has no quotations, so the "
                             "quotation and speaker figures are empty)\n");
  if (run.missing > 0 || run.incomparable > 0)
    g_string_append_printf (report, "(%u GOLD document%s had no prediction, %u could not be "
                            "compared)\n", run.missing, run.missing == 1 ? "" : "s",
                            run.incomparable);
  fputs (report->str, stdout);
  if (fflush (stdout) != 0)
    return SAYWHO_EXIT_FAILED;
  return run.missing > 0 || run.incomparable > 0 ? SAYWHO_EXIT_FAILED : SAYWHO_EXIT_OK;
}
