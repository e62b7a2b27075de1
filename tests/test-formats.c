/* test-formats.c — the conll2003, conllu, jsonl and html writers (and
 * conllup's tag schemes): golden files, round trips through the readers
 * of eval.h, and the rules each format's readers depend on.
 *
 * The fixture is tests/formats/talks.txt with hand-made entity and
 * quotation layers in tests/formats/talks.layers.tsv (the gold format of
 * tests/gold/), so that the expected files show every kind of annotation
 * whatever the entity and quotation stages find.  The expected files are
 * tests/formats/talks.*; `test-formats --regen` (run by `meson compile
 * regen-golden`) rewrites them.
 */
#include "test-common.h"
#include "eval.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

static gboolean regen;

/* ---- the fixture ----------------------------------------------------------- */

static guint
token_starting_at (const SaywhoDocument *doc, guint32 offset)
{
  for (guint i = 0; i < doc->tokens->len; i++)
    if (saywho_document_token (doc, i)->char_start == offset)
      return i;
  g_error ("fixture: no token starts at character %u", offset);
}

static guint
token_ending_at (const SaywhoDocument *doc, guint32 offset)
{
  for (guint i = 0; i < doc->tokens->len; i++)
    if (saywho_document_token (doc, i)->char_end == offset)
      return i + 1;
  g_error ("fixture: no token ends at character %u", offset);
}

static SaywhoSpan
token_span (const SaywhoDocument *doc, guint32 start, guint32 end)
{
  if (start == SAYWHO_NO_OFFSET)
    return (SaywhoSpan) { 0, 0 };
  return (SaywhoSpan) { token_starting_at (doc, start), token_ending_at (doc, end) };
}

/* The longest mention of id in doc: the fixture's canonical names. */
static const char *
longest_mention (SaywhoDocument *doc, const char *id)
{
  const char *best = NULL;
  gsize best_len = 0;
  for (guint e = 0; id != NULL && e < doc->entities->len; e++)
    {
      const SaywhoEntity *entity = &g_array_index (doc->entities, SaywhoEntity, e);
      if (g_strcmp0 (entity->id, id) != 0)
        continue;
      const SaywhoToken *first = saywho_document_token (doc, entity->span.start);
      const SaywhoToken *last = saywho_document_token (doc, entity->span.end - 1);
      gsize len = last->byte_end - first->byte_start;
      if (len > best_len)
        {
          best_len = len;
          best = doc->text + first->byte_start;
        }
    }
  return best != NULL ? saywho_document_intern (doc, best, (gssize) best_len) : NULL;
}

/* Runs the pipeline over text, then puts the layers of layers_path in
 * place of what the stages found. */
static SaywhoDocument *
document_with_layers (const char *id, const char *text, const char *layers_path, guint64 seq)
{
  g_autoptr (GError) error = NULL;
  SaywhoDocument *doc = test_annotate (text);
  g_free (doc->id);
  doc->id = g_strdup (id);
  doc->seq = seq;
  g_array_set_size (doc->entities, 0);
  g_array_set_size (doc->quotes, 0);

  g_autoptr (SaywhoAnnotations) layers = saywho_gold_read (layers_path, &error);
  g_assert_no_error (error);
  for (guint e = 0; e < layers->entities->len; e++)
    {
      const SaywhoEntityMention *m = &g_array_index (layers->entities, SaywhoEntityMention, e);
      const char *colon = strchr (m->id, ':');
      SaywhoEntity entity = {
        .span = token_span (doc, m->start, m->end), .type = m->type,
        .id = saywho_document_intern (doc, m->id, -1),
        .kind = colon != NULL && !g_str_has_prefix (m->id, "local:")
                  ? saywho_document_intern (doc, m->id, colon - m->id) : NULL,
      };
      g_array_append_val (doc->entities, entity);
    }
  for (guint e = 0; e < doc->entities->len; e++)
    {
      SaywhoEntity *entity = &g_array_index (doc->entities, SaywhoEntity, e);
      entity->name = longest_mention (doc, entity->id);
    }
  for (guint q = 0; q < layers->quotes->len; q++)
    {
      const SaywhoQuoteMention *m = &g_array_index (layers->quotes, SaywhoQuoteMention, q);
      SaywhoQuote quote = {
        .span = token_span (doc, m->start, m->end), .kind = m->kind,
        .cue = token_span (doc, m->cue_start, m->cue_end),
        .mention = token_span (doc, m->mention_start, m->mention_end),
        .speaker = m->speaker != NULL ? saywho_document_intern (doc, m->speaker, -1) : NULL,
      };
      quote.speaker_name = longest_mention (doc, quote.speaker);
      g_array_append_val (doc->quotes, quote);
    }
  return doc;
}

static SaywhoDocument *
fixture (void)
{
  g_autofree char *text_path = test_source_path ("tests", "formats", "talks.txt", NULL);
  g_autofree char *layers_path = test_source_path ("tests", "formats", "talks.layers.tsv", NULL);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
  return document_with_layers ("talks.txt", text, layers_path, 0);
}

/* The format named, with a tag scheme. */
static SaywhoFormat
format_with (const char *name, SaywhoTagScheme scheme)
{
  const SaywhoFormat *registered = saywho_format_lookup (name);
  g_assert_nonnull (registered);
  SaywhoFormat format = *registered;
  format.options.tag_scheme = scheme;
  return format;
}

/* Writes docs through a stream sink, as a run does, and returns the bytes. */
static char *
render (const SaywhoFormat *format, SaywhoDocument **docs, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("saywho-formats-XXXXXX", &path, &error);
  g_assert_no_error (error);
  close (fd);
  SaywhoSink *sink = saywho_sink_new_stream (path, format, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GString) body = g_string_new (NULL);
      format->document (format, docs[i], body);
      g_assert_true (saywho_sink_write (sink, docs[i], body, &error));
    }
  g_assert_true (saywho_sink_close (sink, &error));
  char *contents = NULL;
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_unlink (path);
  return contents;
}

static char *
render_fixture (const char *name, SaywhoTagScheme scheme)
{
  g_autoptr (SaywhoDocument) doc = fixture ();
  SaywhoFormat format = format_with (name, scheme);
  return render (&format, &doc, 1);
}

/* ---- golden files --------------------------------------------------------- */

typedef struct {
  const char *format;
  SaywhoTagScheme scheme;
  const char *expected;      /* in tests/formats/ */
} GoldenCase;

static const GoldenCase golden_cases[] = {
  { "conllup", SAYWHO_TAG_IOB2, "talks.conllup" },
  { "conllup", SAYWHO_TAG_BIOES, "talks.bioes.conllup" },
  { "conll2003", SAYWHO_TAG_IOB2, "talks.conll" },
  { "conll2003", SAYWHO_TAG_IOB1, "talks.iob1.conll" },
  { "conll2003", SAYWHO_TAG_BIOES, "talks.bioes.conll" },
  { "conllu", SAYWHO_TAG_IOB2, "talks.conllu" },
  { "conllu", SAYWHO_TAG_BILOU, "talks.bilou.conllu" },
  { "jsonl", SAYWHO_TAG_IOB2, "talks.jsonl" },
  { "html", SAYWHO_TAG_IOB2, "talks.html" },
};


static void
test_golden (gconstpointer data)
{
  const GoldenCase *c = data;
  g_autofree char *actual = render_fixture (c->format, c->scheme);
  g_autofree char *path = test_source_path ("tests", "formats", c->expected, NULL);
  if (regen)
    {
      g_assert_true (g_file_set_contents (path, actual, -1, NULL));
      return;
    }
  g_autofree char *expected = NULL;
  if (!g_file_get_contents (path, &expected, NULL, NULL))
    {
      g_test_message ("no expected file %s: run `meson compile -C build regen-golden`", path);
      g_test_fail ();
      return;
    }
  if (strcmp (expected, actual) != 0)
    {
      test_show_diff (path, actual);
      g_test_fail ();
    }
}

/* ---- round trips ------------------------------------------------------------ */

typedef struct {
  const char *format;
  SaywhoTagScheme scheme;
  gboolean has_chars, has_tokens, has_id;
} RoundTripCase;

static const RoundTripCase round_trip_cases[] = {
  { "conllup", SAYWHO_TAG_IOB2, TRUE, TRUE, TRUE },
  { "conllup", SAYWHO_TAG_IOB1, TRUE, TRUE, TRUE },
  { "conllup", SAYWHO_TAG_BIOES, TRUE, TRUE, TRUE },
  { "conllup", SAYWHO_TAG_BILOU, TRUE, TRUE, TRUE },
  { "conll2003", SAYWHO_TAG_IOB2, FALSE, TRUE, FALSE },
  { "conll2003", SAYWHO_TAG_IOB1, FALSE, TRUE, FALSE },
  { "conll2003", SAYWHO_TAG_BIOES, FALSE, TRUE, FALSE },
  { "conll2003", SAYWHO_TAG_BILOU, FALSE, TRUE, FALSE },
  { "conllu", SAYWHO_TAG_IOB2, TRUE, TRUE, TRUE },
  { "conllu", SAYWHO_TAG_IOB1, TRUE, TRUE, TRUE },
  { "conllu", SAYWHO_TAG_BIOES, TRUE, TRUE, TRUE },
  { "conllu", SAYWHO_TAG_BILOU, TRUE, TRUE, TRUE },
  { "jsonl", SAYWHO_TAG_IOB2, TRUE, FALSE, TRUE },
  { "html", SAYWHO_TAG_IOB2, TRUE, FALSE, TRUE },
};

static gboolean
collect (SaywhoEvalDocument *doc, gpointer user_data, GError **error)
{
  g_ptr_array_add (user_data, doc);
  return TRUE;
}

static GPtrArray *
read_back (const char *contents)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("saywho-formats-read-XXXXXX", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) saywho_eval_document_free);
  gboolean ok = saywho_eval_read (path, SAYWHO_EVAL_AUTO, collect, docs, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_unlink (path);
  return docs;
}

static void
assert_same_entities (const SaywhoAnnotations *expected, const SaywhoAnnotations *actual)
{
  g_assert_cmpuint (actual->entities->len, ==, expected->entities->len);
  for (guint e = 0; e < MIN (expected->entities->len, actual->entities->len); e++)
    {
      const SaywhoEntityMention *x = &g_array_index (expected->entities, SaywhoEntityMention, e);
      const SaywhoEntityMention *y = &g_array_index (actual->entities, SaywhoEntityMention, e);
      g_assert_cmpuint (y->start, ==, x->start);
      g_assert_cmpuint (y->end, ==, x->end);
      g_assert_cmpint (y->type, ==, x->type);
      g_assert_cmpstr (y->id, ==, x->id);
    }
}

static void
test_round_trip (gconstpointer data)
{
  const RoundTripCase *c = data;
  g_autoptr (SaywhoDocument) doc = fixture ();
  SaywhoFormat format = format_with (c->format, c->scheme);
  g_autofree char *contents = render (&format, &doc, 1);
  g_autoptr (GPtrArray) docs = read_back (contents);
  g_assert_cmpuint (docs->len, ==, 1);
  const SaywhoEvalDocument *back = g_ptr_array_index (docs, 0);
  g_assert_cmpstr (back->id, ==, c->has_id ? "talks.txt" : NULL);

  g_autoptr (SaywhoAnnotations) expected = saywho_annotations_from_document (doc);
  if (c->has_chars)
    {
      g_assert_nonnull (back->chars);
      assert_same_entities (expected, back->chars);
      g_assert_cmpuint (back->chars->quotes->len, ==, expected->quotes->len);
      for (guint q = 0; q < MIN (expected->quotes->len, back->chars->quotes->len); q++)
        {
          const SaywhoQuoteMention *x = &g_array_index (expected->quotes, SaywhoQuoteMention, q);
          const SaywhoQuoteMention *y = &g_array_index (back->chars->quotes,
                                                         SaywhoQuoteMention, q);
          g_assert_cmpuint (y->start, ==, x->start);
          g_assert_cmpuint (y->end, ==, x->end);
          g_assert_cmpint (y->kind, ==, x->kind);
          g_assert_cmpstr (y->speaker, ==, x->speaker);
          g_assert_cmpuint (y->mention_start, ==, x->mention_start);
          g_assert_cmpuint (y->mention_end, ==, x->mention_end);
          g_assert_cmpuint (y->cue_start, ==, x->cue_start);
          g_assert_cmpuint (y->cue_end, ==, x->cue_end);
        }
    }
  else
    g_assert_null (back->chars);

  if (c->has_tokens)
    {
      g_assert_nonnull (back->tokens);
      g_assert_cmpuint (back->forms->len, ==, doc->tokens->len);
      g_autoptr (SaywhoAnnotations) spans = saywho_annotations_new ("talks.txt");
      for (guint e = 0; e < doc->entities->len; e++)
        {
          const SaywhoEntity *entity = &g_array_index (doc->entities, SaywhoEntity, e);
          /* conll2003 carries no ids */
          saywho_annotations_add_entity (spans, entity->span.start, entity->span.end,
                                         entity->type, c->has_chars ? entity->id : NULL);
        }
      assert_same_entities (spans, back->tokens);
    }
  else
    g_assert_null (back->tokens);
}

/* ---- tag schemes ------------------------------------------------------------ */

typedef struct {
  SaywhoTagScheme scheme;
  const char *tags;   /* the NER column of "Xi Jinping met U.S. China officials ." */
} SchemeCase;

static const SchemeCase scheme_cases[] = {
  { SAYWHO_TAG_IOB2, "B-PER I-PER O B-LOC B-LOC O O" },
  { SAYWHO_TAG_IOB1, "I-PER I-PER O I-LOC B-LOC O O" },
  { SAYWHO_TAG_BIOES, "B-PER E-PER O S-LOC S-LOC O O" },
  { SAYWHO_TAG_BILOU, "B-PER L-PER O U-LOC U-LOC O O" },
};

static SaywhoDocument *
scheme_document (void)
{
  SaywhoDocument *doc = test_annotate ("Xi Jinping met U.S. China officials.");
  g_assert_cmpuint (doc->tokens->len, ==, 7);
  g_array_set_size (doc->entities, 0);
  g_array_set_size (doc->quotes, 0);
  SaywhoEntity entities[] = {
    { { 0, 2 }, SAYWHO_ENTITY_PER, "official:xi-jinping", "official", "Xi Jinping" },
    { { 3, 4 }, SAYWHO_ENTITY_LOC, "country:US", "country", "United States" },
    { { 4, 5 }, SAYWHO_ENTITY_LOC, "country:CN", "country", "China" },
  };
  g_array_append_vals (doc->entities, entities, G_N_ELEMENTS (entities));
  return doc;
}

static void
test_scheme (gconstpointer data)
{
  const SchemeCase *c = data;
  g_autoptr (SaywhoDocument) doc = scheme_document ();

  /* conll2003: the last field of each token line */
  SaywhoFormat conll = format_with ("conll2003", c->scheme);
  g_autofree char *out = render (&conll, &doc, 1);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr (GString) tags = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' || g_str_has_prefix (lines[i], "-DOCSTART-"))
        continue;
      g_auto (GStrv) f = g_strsplit (lines[i], " ", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 4);
      g_string_append_printf (tags, "%s%s", tags->len ? " " : "", f[3]);
    }
  g_assert_cmpstr (tags->str, ==, c->tags);

  /* conllup: the NER column */
  SaywhoFormat conllup = format_with ("conllup", c->scheme);
  g_autofree char *plus = render (&conllup, &doc, 1);
  g_strfreev (lines);
  lines = g_strsplit (plus, "\n", -1);
  g_string_truncate (tags, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      g_string_append_printf (tags, "%s%s", tags->len ? " " : "", f[5]);
    }
  g_assert_cmpstr (tags->str, ==, c->tags);
}

/* spaCy's CoNLL-U converter takes the first MISC part that matches its
 * pattern as the token's tag and "O" where none does: NE= must be found,
 * and nothing else saywho puts in MISC may look like a tag. */
static void
test_conllu_spacy_pattern (gconstpointer data)
{
  const SchemeCase *c = data;
  if (c->scheme == SAYWHO_TAG_BIOES)
    {
      g_test_skip ("spaCy's pattern knows B I L U only: BIOES's E- and S- are for other "
                   "readers (use --tag-scheme bilou for spaCy)");
      return;
    }
  g_autoptr (SaywhoDocument) doc = scheme_document ();
  SaywhoFormat conllu = format_with ("conllu", c->scheme);
  g_autofree char *out = render (&conllu, &doc, 1);
  g_autoptr (GRegex) pattern = g_regex_new ("^((?:name|NE)=)?([BILU])-([A-Z_]+)|O$", 0, 0,
                                            NULL);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr (GString) tags = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 10);
      g_auto (GStrv) misc = g_strsplit (f[9], "|", -1);
      const char *tag = "O";
      g_autofree char *found = NULL;
      for (guint m = 0; misc[m] != NULL && found == NULL; m++)
        {
          g_autoptr (GMatchInfo) match = NULL;
          if (g_regex_match (pattern, misc[m], 0, &match))
            {
              g_autofree char *prefix = g_match_info_fetch (match, 2);
              g_autofree char *type = g_match_info_fetch (match, 3);
              g_assert_true (g_str_has_prefix (misc[m], "NE="));
              if (prefix != NULL && *prefix && type != NULL && *type)
                found = g_strdup_printf ("%s-%s", prefix, type);
            }
        }
      if (found != NULL)
        tag = found;
      g_string_append_printf (tags, "%s%s", tags->len ? " " : "", tag);
    }
  g_assert_cmpstr (tags->str, ==, c->tags);
}

/* MISC in the fixture: SpaceAfter=No exactly where no space follows, and
 * TokenRange on every token. */
static void
test_conllu_misc (void)
{
  g_autoptr (SaywhoDocument) doc = fixture ();
  SaywhoFormat conllu = format_with ("conllu", SAYWHO_TAG_IOB2);
  g_autofree char *out = render (&conllu, &doc, 1);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  guint token = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      const SaywhoToken *tok = saywho_document_token (doc, token++);
      g_autofree char *range = g_strdup_printf ("TokenRange=%u:%u", tok->char_start,
                                                tok->char_end);
      g_assert_true (g_str_has_suffix (f[9], range));
      gboolean no_space = strstr (f[9], "SpaceAfter=No") != NULL;
      g_assert_cmpint (no_space, ==, !(tok->flags & SAYWHO_TOKEN_SPACE_AFTER));
      g_assert_cmpstr (f[3], ==, "_");
      g_assert_cmpstr (f[6], ==, "_");
    }
  g_assert_cmpuint (token, ==, doc->tokens->len);
}

/* A character that Python's str.split() splits at cannot end up inside a
 * conll2003 field. */
static void
test_conll2003_fields (void)
{
  g_autoptr (SaywhoDocument) doc = test_annotate ("A \x1c B.");
  SaywhoFormat conll = format_with ("conll2003", SAYWHO_TAG_IOB2);
  g_autofree char *out = render (&conll, &doc, 1);
  g_assert_nonnull (strstr (out, "\n_ NN O O\n"));
  g_assert_null (strchr (out, '\x1c'));
}

/* A document without tokens leaves no comment-only block in conllu. */
static void
test_conllu_empty (void)
{
  g_autoptr (SaywhoDocument) doc = test_annotate ("   ");
  SaywhoFormat conllu = format_with ("conllu", SAYWHO_TAG_IOB2);
  g_autofree char *out = render (&conllu, &doc, 1);
  g_assert_cmpstr (out, ==, "");
}

/* Every line of jsonl is one object with the keys the schema requires. */
static void
test_jsonl_keys (void)
{
  g_autoptr (SaywhoDocument) doc = fixture ();
  SaywhoFormat jsonl = format_with ("jsonl", SAYWHO_TAG_IOB2);
  g_autofree char *out = render (&jsonl, &doc, 1);
  g_assert_true (g_str_has_suffix (out, "}\n"));
  guint newlines = 0;
  for (const char *p = out; *p; p++)
    newlines += *p == '\n';
  g_assert_cmpuint (newlines, ==, 1);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, "talks.txt");
  JsonArray *quotes = json_object_get_array_member (root, "quotes");
  g_assert_cmpuint (json_array_get_length (quotes), ==, 6);
  JsonObject *first = json_array_get_object_element (quotes, 0);
  g_assert_cmpint (json_object_get_int_member (first, "n"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "direct");
  JsonObject *speaker = json_object_get_object_member (first, "speaker");
  g_assert_cmpstr (json_object_get_string_member (speaker, "id"), ==, "official:susan-rice");
  g_assert_cmpstr (json_object_get_string_member (speaker, "name"), ==, "Susan Rice");
  JsonObject *cue = json_object_get_object_member (first, "cue");
  g_assert_cmpstr (json_object_get_string_member (cue, "text"), ==, "said");
  /* a quotation with no named speaker has "speaker": null */
  JsonObject *fourth = json_array_get_object_element (quotes, 3);
  g_assert_true (json_object_get_null_member (fourth, "speaker"));

  /* the schema itself is JSON and names the same keys */
  g_autofree char *schema_path = test_source_path ("pipeline", "saywho-jsonl.schema.json", NULL);
  g_autoptr (JsonParser) schema = json_parser_new ();
  g_assert_true (json_parser_load_from_file (schema, schema_path, &error));
  g_assert_no_error (error);
}

static void
test_registry (void)
{
  static const char *const names[] = { "conllup", "conll2003", "conllu", "jsonl", "html" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const SaywhoFormat *f = saywho_format_lookup (names[i]);
      g_assert_nonnull (f);
      g_assert_cmpint (f->options.tag_scheme, ==, SAYWHO_TAG_IOB2);
    }
  SaywhoTagScheme scheme;
  g_assert_true (saywho_tag_scheme_parse ("BIOES", &scheme));
  g_assert_cmpint (scheme, ==, SAYWHO_TAG_BIOES);
  g_assert_false (saywho_tag_scheme_parse ("iobes2", &scheme));
  g_assert_cmpstr (saywho_tag_scheme_name (SAYWHO_TAG_IOB1), ==, "iob1");
}

int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--regen") == 0)
      regen = TRUE;
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (golden_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/formats/golden/%s", golden_cases[i].expected);
      g_test_add_data_func (path, &golden_cases[i], test_golden);
    }
  if (!regen)
    {
      for (guint i = 0; i < G_N_ELEMENTS (round_trip_cases); i++)
        {
          const RoundTripCase *c = &round_trip_cases[i];
          g_autofree char *path = g_strdup_printf ("/formats/round-trip/%s/%s", c->format,
                                                   saywho_tag_scheme_name (c->scheme));
          g_test_add_data_func (path, c, test_round_trip);
        }
      for (guint i = 0; i < G_N_ELEMENTS (scheme_cases); i++)
        {
          const char *name = saywho_tag_scheme_name (scheme_cases[i].scheme);
          g_autofree char *path = g_strdup_printf ("/formats/tag-scheme/%s", name);
          g_test_add_data_func (path, &scheme_cases[i], test_scheme);
          g_autofree char *spacy = g_strdup_printf ("/formats/conllu/spacy-pattern/%s", name);
          g_test_add_data_func (spacy, &scheme_cases[i], test_conllu_spacy_pattern);
        }
      g_test_add_func ("/formats/conllu/misc", test_conllu_misc);
      g_test_add_func ("/formats/conllu/empty", test_conllu_empty);
      g_test_add_func ("/formats/conll2003/fields", test_conll2003_fields);
      g_test_add_func ("/formats/jsonl/keys", test_jsonl_keys);
      g_test_add_func ("/formats/registry", test_registry);
    }
  int status = g_test_run ();
  test_common_cleanup ();
  return status;
}
