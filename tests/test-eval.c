/* test-eval.c — `saywho eval` and `saywho stats`: conlleval's chunk rules,
 * figures computed by hand (tests/eval/README.md), the same figures as
 * tests/conlleval.pl under Debian's perl, every pair of formats, document
 * matching, and the messages and exit statuses. */
#include "test-common.h"
#include "eval.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

static char *workdir;

typedef struct {
  int status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

/* Runs argv (NULL-terminated) with stdin_text on its standard input. */
static Result
run_argv (const char *const *argv, const char *stdin_text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
    | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, workdir);
  g_autoptr (GSubprocess) proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  Result r = { 0 };
  g_subprocess_communicate_utf8 (proc, stdin_text ? stdin_text : "", NULL, &r.out, &r.err,
                                 &error);
  g_assert_no_error (error);
  r.status = g_subprocess_get_exit_status (proc);
  return r;
}

/* saywho with up to six arguments. */
static Result
saywho (const char *stdin_text, const char *a, const char *b, const char *c, const char *d,
        const char *e, const char *f)
{
  const char *argv[] = { g_getenv ("SAYWHO_BINARY"), a, b, c, d, e, f, NULL };
  return run_argv (argv, stdin_text);
}

static char *
fixture_path (const char *dir, const char *name)
{
  return test_source_path ("tests", dir, name, NULL);
}

static char *
put (const char *name, const char *contents)
{
  char *path = g_build_filename (workdir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* ---- conlleval's chunk rules ---------------------------------------------- */

typedef struct {
  const char *tags;     /* space-separated; "|" is a sentence boundary */
  const char *chunks;   /* "start:end:TYPE" … */
} ChunkCase;

static const ChunkCase chunk_cases[] = {
  { "B-PER I-PER O B-LOC", "0:2:PER 3:4:LOC" },
  { "I-PER I-PER B-PER", "0:2:PER 2:3:PER" },              /* IOB1 */
  { "O I-ORG O", "1:2:ORG" },                               /* I- after O starts one */
  { "B-PER I-LOC", "0:1:PER 1:2:LOC" },                     /* a change of type */
  { "B-PER B-PER", "0:1:PER 1:2:PER" },
  { "S-PER S-PER", "0:1:PER 1:2:PER" },                     /* BIOES */
  { "B-PER E-PER B-PER E-PER", "0:2:PER 2:4:PER" },
  { "B-LOC I-LOC E-LOC S-LOC O", "0:3:LOC 3:4:LOC" },
  { "U-LOC B-LOC L-LOC", "0:1:LOC 1:3:LOC" },               /* BILOU */
  { "B-PER | I-PER", "0:1:PER 1:2:PER" },                   /* a boundary ends it */
  { "I-MISC I-MISC O O", "0:2:MISC" },
  { "O O O", "" },
  { "E-ORG", "0:1:ORG" },
};

static void
add_to (guint32 start, guint32 end, const char *type, const char *id, gpointer user_data)
{
  GString *out = user_data;
  g_string_append_printf (out, "%s%u:%u:%s", out->len ? " " : "", start, end, type);
}

static void
test_chunks (gconstpointer data)
{
  const ChunkCase *c = data;
  g_auto (GStrv) tags = g_strsplit (c->tags, " ", -1);
  g_autoptr (GString) out = g_string_new (NULL);
  SaywhoChunkDecoder decoder;
  saywho_chunk_decoder_init (&decoder);
  guint32 i = 0;
  for (guint t = 0; tags[t] != NULL; t++)
    {
      if (strcmp (tags[t], "|") == 0)
        saywho_chunk_decoder_flush (&decoder, i, add_to, out);
      else
        saywho_chunk_decoder_feed (&decoder, i++, tags[t], NULL, add_to, out);
    }
  saywho_chunk_decoder_flush (&decoder, i, add_to, out);
  saywho_chunk_decoder_clear (&decoder);
  g_assert_cmpstr (out->str, ==, c->chunks);
}

/* ---- reading figures back ------------------------------------------------- */

typedef struct {
  double precision, recall, f1;
  guint found;
  gboolean seen;
} Figures;

/* From saywho eval's report: the line whose label is label. */
static Figures
saywho_figures (const char *report, const char *label)
{
  Figures f = { 0 };
  g_autofree char *quoted = g_regex_escape_string (label, -1);
  g_autofree char *pattern = g_strdup_printf (
    "^\\s*%s\\s+precision:\\s*([0-9.]+)%%; recall:\\s*([0-9.]+)%%; FB1:\\s*([0-9.]+)\\s+"
    "([0-9]+)$", quoted);
  g_autoptr (GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  if (g_regex_match (regex, report, 0, &match))
    {
      g_autofree char *p = g_match_info_fetch (match, 1), *r = g_match_info_fetch (match, 2);
      g_autofree char *f1 = g_match_info_fetch (match, 3), *n = g_match_info_fetch (match, 4);
      f = (Figures) { g_ascii_strtod (p, NULL), g_ascii_strtod (r, NULL),
                      g_ascii_strtod (f1, NULL), (guint) g_ascii_strtoull (n, NULL, 10), TRUE };
    }
  return f;
}

/* From conlleval's report: "TYPE: precision: …  N", or the overall line
 * (type NULL), whose guessed count is on the first line. */
static Figures
conlleval_figures (const char *report, const char *type)
{
  Figures f = { 0 };
  g_autoptr (GMatchInfo) match = NULL;
  if (type == NULL)
    {
      g_autoptr (GRegex) overall = g_regex_new (
        "precision:\\s*([0-9.]+)%; recall:\\s*([0-9.]+)%; FB1:\\s*([0-9.]+)$",
        G_REGEX_MULTILINE, 0, NULL);
      g_autoptr (GRegex) found = g_regex_new ("found: ([0-9]+) phrases", 0, 0, NULL);
      g_autoptr (GMatchInfo) found_match = NULL;
      if (g_regex_match (overall, report, 0, &match)
          && g_regex_match (found, report, 0, &found_match))
        {
          g_autofree char *p = g_match_info_fetch (match, 1), *r = g_match_info_fetch (match, 2);
          g_autofree char *f1 = g_match_info_fetch (match, 3);
          g_autofree char *n = g_match_info_fetch (found_match, 1);
          f = (Figures) { g_ascii_strtod (p, NULL), g_ascii_strtod (r, NULL),
                          g_ascii_strtod (f1, NULL), (guint) g_ascii_strtoull (n, NULL, 10),
                          TRUE };
        }
      return f;
    }
  g_autofree char *pattern = g_strdup_printf (
    "^\\s*%s: precision:\\s*([0-9.]+)%%; recall:\\s*([0-9.]+)%%; FB1:\\s*([0-9.]+)\\s+"
    "([0-9]+)$", type);
  g_autoptr (GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
  if (g_regex_match (regex, report, 0, &match))
    {
      g_autofree char *p = g_match_info_fetch (match, 1), *r = g_match_info_fetch (match, 2);
      g_autofree char *f1 = g_match_info_fetch (match, 3), *n = g_match_info_fetch (match, 4);
      f = (Figures) { g_ascii_strtod (p, NULL), g_ascii_strtod (r, NULL),
                      g_ascii_strtod (f1, NULL), (guint) g_ascii_strtoull (n, NULL, 10), TRUE };
    }
  return f;
}

static void
assert_figures (Figures actual, Figures expected, const char *what)
{
  g_test_message ("%s: %.2f %.2f %.2f %u (expected %.2f %.2f %.2f %u)", what, actual.precision,
                  actual.recall, actual.f1, actual.found, expected.precision, expected.recall,
                  expected.f1, expected.found);
  g_assert_true (actual.seen);
  g_assert_cmpfloat_with_epsilon (actual.precision, expected.precision, 0.005);
  g_assert_cmpfloat_with_epsilon (actual.recall, expected.recall, 0.005);
  g_assert_cmpfloat_with_epsilon (actual.f1, expected.f1, 0.005);
  g_assert_cmpuint (actual.found, ==, expected.found);
}

/* ---- figures by hand ---------------------------------------------------- */

typedef struct {
  const char *label;
  Figures expected;
} HandCase;

static const HandCase hand_cases[] = {
  { "entities (all)", { 57.14, 50.00, 53.33, 7, TRUE } },
  { "PER", { 50.00, 50.00, 50.00, 2, TRUE } },
  { "ORG", { 66.67, 100.00, 80.00, 3, TRUE } },
  { "LOC", { 0.00, 0.00, 0.00, 1, TRUE } },
  { "MISC", { 100.00, 100.00, 100.00, 1, TRUE } },
};

static void
test_by_hand (void)
{
  g_autofree char *gold = fixture_path ("eval", "gold.conll");
  g_autofree char *pred = fixture_path ("eval", "pred.conll");
  Result r = saywho (NULL, "eval", gold, pred, NULL, NULL, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "entities: found 7 phrases; correct: 4; reference: 8."));
  g_assert_nonnull (strstr (r.out, "compared by tokens"));
  for (guint i = 0; i < G_N_ELEMENTS (hand_cases); i++)
    assert_figures (saywho_figures (r.out, hand_cases[i].label), hand_cases[i].expected,
                    hand_cases[i].label);
  result_clear (&r);
}

/* ---- against conlleval.pl ------------------------------------------------ */

typedef struct {
  const char *dir, *gold, *pred;
} ConllevalCase;

static const ConllevalCase conlleval_cases[] = {
  { "eval", "gold.conll", "pred.conll" },
  { "formats", "talks.conll", "talks.iob1.conll" },
  { "formats", "talks.conll", "talks.bioes.conll" },
  { "eval", "pred.conll", "gold.conll" },
};

/* conlleval's input: each token line of gold with pred's tag after it. */
static char *
side_by_side (const char *gold_path, const char *pred_path)
{
  g_autofree char *gold = NULL, *pred = NULL;
  g_assert_true (g_file_get_contents (gold_path, &gold, NULL, NULL));
  g_assert_true (g_file_get_contents (pred_path, &pred, NULL, NULL));
  g_auto (GStrv) g = g_strsplit (gold, "\n", -1);
  g_auto (GStrv) p = g_strsplit (pred, "\n", -1);
  g_assert_cmpuint (g_strv_length (g), ==, g_strv_length (p));
  GString *out = g_string_new (NULL);
  for (guint i = 0; g[i] != NULL; i++)
    {
      if (g[i][0] == '\0')
        {
          if (g[i + 1] != NULL)
            g_string_append_c (out, '\n');
          continue;
        }
      const char *tag = strrchr (p[i], ' ');
      g_assert_nonnull (tag);
      g_string_append_printf (out, "%s%s\n", g[i], tag);
    }
  return g_string_free (out, FALSE);
}

static void
test_conlleval (gconstpointer data)
{
  const ConllevalCase *c = data;
  g_autofree char *perl = g_find_program_in_path ("perl");
  if (perl == NULL)
    {
      g_test_skip ("perl is not installed: cannot run tests/conlleval.pl (figures by hand are "
                   "checked in /eval/by-hand)");
      return;
    }
  g_autofree char *gold = fixture_path (c->dir, c->gold);
  g_autofree char *pred = fixture_path (c->dir, c->pred);
  g_autofree char *script = test_source_path ("tests", "conlleval.pl", NULL);
  g_autofree char *input = side_by_side (gold, pred);
  const char *argv[] = { perl, script, NULL };
  Result ce = run_argv (argv, input);
  g_assert_cmpint (ce.status, ==, 0);
  g_assert_cmpstr (ce.err, ==, "");
  Result sw = saywho (NULL, "eval", gold, pred, NULL, NULL, NULL);
  g_assert_cmpint (sw.status, ==, 0);
  g_test_message ("conlleval.pl:\n%s\nsaywho eval:\n%s", ce.out, sw.out);

  assert_figures (saywho_figures (sw.out, "entities (all)"), conlleval_figures (ce.out, NULL),
                  "overall");
  for (guint t = 0; t < 4; t++)
    {
      const char *type = saywho_entity_type_name ((SaywhoEntityType) t);
      Figures expected = conlleval_figures (ce.out, type);
      if (!expected.seen)
        {
          /* conlleval lists only the types it met; saywho lists all four. */
          Figures none = { 0, 0, 0, 0, TRUE };
          expected = none;
        }
      assert_figures (saywho_figures (sw.out, type), expected, type);
    }
  result_clear (&ce);
  result_clear (&sw);
}

/* ---- every format against the gold layers -------------------------------- */

typedef struct {
  const char *gold, *pred;
  gboolean quotations;   /* both sides carry them */
} PairCase;

static const PairCase pair_cases[] = {
  { "talks.layers.tsv", "talks.conllup", TRUE },
  { "talks.layers.tsv", "talks.bioes.conllup", TRUE },
  { "talks.layers.tsv", "talks.conllu", TRUE },
  { "talks.layers.tsv", "talks.bilou.conllu", TRUE },
  { "talks.layers.tsv", "talks.jsonl", TRUE },
  { "talks.layers.tsv", "talks.html", TRUE },
  { "talks.jsonl", "talks.html", TRUE },
  { "talks.conllu", "talks.conllup", TRUE },
  { "talks.conllup", "talks.conll", FALSE },
  { "talks.conll", "talks.bilou.conllu", FALSE },
};

static void
test_pair (gconstpointer data)
{
  const PairCase *c = data;
  g_autofree char *gold = fixture_path ("formats", c->gold);
  g_autofree char *pred = fixture_path ("formats", c->pred);
  Result r = saywho (NULL, "eval", gold, pred, NULL, NULL, NULL);
  g_test_message ("%s%s", r.out, r.err);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  Figures perfect = { 100, 100, 100, 12, TRUE };
  assert_figures (saywho_figures (r.out, "entities (all)"), perfect, "entities");
  if (c->quotations)
    {
      Figures quotes = { 100, 100, 100, 6, TRUE };
      assert_figures (saywho_figures (r.out, "quotations (all)"), quotes, "quotations");
      g_assert_nonnull (strstr (r.out, "speaker accuracy: 100.00% (4 of 4 matched quotations)"));
    }
  else
    g_assert_nonnull (strstr (r.out, "compared by tokens"));
  result_clear (&r);
}

/* ---- matching and failures ----------------------------------------------- */

static void
test_missing_document (void)
{
  g_autofree char *gold = fixture_path ("formats", "talks.layers.tsv");
  g_autofree char *pred = put ("other.jsonl", "{\"id\":\"other.txt\",\"entities\":[],"
                                              "\"quotes\":[]}\n");
  Result r = saywho (NULL, "eval", gold, pred, NULL, NULL, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "talks.txt ("));
  g_assert_nonnull (strstr (r.err, "no prediction for this document; scored as empty"));
  g_assert_nonnull (strstr (r.out, "reference: 12."));
  g_assert_nonnull (strstr (r.out, "1 GOLD document had no prediction"));
  result_clear (&r);
}

/* A prediction made from the path "corpus/x/talks.txt" is the gold's
 * "talks.txt"; an unrelated longer id is not. */
static void
test_id_suffix (void)
{
  g_autofree char *gold = fixture_path ("formats", "talks.layers.tsv");
  g_autofree char *text = NULL;
  g_autofree char *jsonl = fixture_path ("formats", "talks.jsonl");
  g_assert_true (g_file_get_contents (jsonl, &text, NULL, NULL));
  g_autoptr (GString) moved = g_string_new (text);
  g_string_replace (moved, "\"id\":\"talks.txt\"", "\"id\":\"corpus/x/talks.txt\"", 1);
  g_string_append (moved, "{\"id\":\"corpus/x/mytalks.txt\",\"entities\":[],\"quotes\":[]}\n");
  g_autofree char *pred = put ("moved.jsonl", moved->str);
  Result r = saywho (NULL, "eval", gold, pred, NULL, NULL, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "documents: 1\n"));
  g_assert_nonnull (strstr (r.out, "entities: found 12 phrases; correct: 12; reference: 12."));
  result_clear (&r);
}

typedef struct {
  const char *args[4];
  const char *pred_contents;   /* written to pred.txt when not NULL */
  int status;
  const char *err;
} FailureCase;

static const FailureCase failure_cases[] = {
  { { "eval" }, NULL, 2, "eval takes two files: GOLD PRED" },
  { { "eval", "a" }, NULL, 2, "eval takes two files: GOLD PRED" },
  { { "eval", "missing.conll", "missing.conll" }, NULL, 2, "missing.conll" },
  { { "eval", "--gold-format=xml", "x", "y" }, NULL, 2, "--gold-format takes" },
  { { "eval", "@talks.conllup", "pred.txt" }, "{\"id\": 3,\n", 2, "pred.txt:1: not valid JSON" },
  { { "eval", "@talks.conllup", "pred.txt" }, "hello\n", 2, "pred.txt:1: cannot tell the format" },
  { { "eval", "@talks.conllup", "pred.txt" },
    "# global.columns = ID FORM NER\n1\tXi\tB-XYZ\n", 2,
    "pred.txt:2: entity type 'XYZ' is none of PER, ORG, LOC, MISC" },
  { { "eval", "@talks.conllup", "pred.txt" }, "# global.columns = ID FORM NER\n1\tXi\n", 2,
    "pred.txt:2: expected 3 tab-separated columns, found 2" },
  { { "eval", "@talks.conll", "pred.txt" }, "-DOCSTART- -X- -X- O\n\n-DOCSTART- -X- -X- O\n", 2,
    "matched in order, but" },
  { { "eval", "@talks.conll", "@talks.jsonl" }, NULL, 1,
    "cannot compare conll2003 with jsonl" },
  { { "stats", "--top", "-1" }, NULL, 2, "--top takes a number" },
  { { "stats", "pred.txt" }, "{\"id\": \"a\", \"entities\": [{\"start\": 5}]}\n", 2,
    "pred.txt:1: an entity without start, end and a type" },
};

static void
test_failure (gconstpointer data)
{
  const FailureCase *c = data;
  if (c->pred_contents != NULL)
    g_free (put ("pred.txt", c->pred_contents));
  char *args[4] = { NULL };
  for (guint i = 0; i < G_N_ELEMENTS (c->args) && c->args[i] != NULL; i++)
    args[i] = c->args[i][0] == '@' ? fixture_path ("formats", c->args[i] + 1)
                                   : g_strdup (c->args[i]);
  Result r = saywho (NULL, args[0], args[1], args[2], args[3], NULL, NULL);
  g_test_message ("%s", r.err);
  g_assert_cmpint (r.status, ==, c->status);
  g_assert_nonnull (strstr (r.err, c->err));
  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    g_free (args[i]);
  result_clear (&r);
}

/* ---- stats --------------------------------------------------------------- */

static void
test_stats_json (void)
{
  g_autofree char *jsonl = fixture_path ("formats", "talks.jsonl");
  g_autofree char *conll = fixture_path ("formats", "talks.conll");
  Result r = saywho (NULL, "stats", "--json", jsonl, conll, NULL, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "documents"), ==, 2);
  JsonObject *entities = json_object_get_object_member (root, "entities");
  g_assert_cmpint (json_object_get_int_member (entities, "total"), ==, 24);
  g_assert_cmpint (json_object_get_int_member (entities, "PER"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (entities, "LOC"), ==, 12);
  JsonObject *quotes = json_object_get_object_member (root, "quotations");
  g_assert_cmpint (json_object_get_int_member (quotes, "total"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (quotes, "direct"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (quotes, "with_speaker"), ==, 4);
  g_assert_false (json_object_get_boolean_member (quotes, "layer"));   /* conll2003 has none */
  g_assert_cmpfloat (json_object_get_double_member (quotes, "per_document_mean"), ==, 3.0);
  JsonArray *speakers = json_object_get_array_member (root, "speakers");
  g_assert_cmpuint (json_array_get_length (speakers), ==, 2);
  JsonObject *first = json_array_get_object_element (speakers, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "official:susan-rice");
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Susan Rice");
  g_assert_cmpint (json_object_get_int_member (first, "quotations"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (first, "indirect"), ==, 1);
  JsonArray *docs = json_object_get_array_member (root, "per_document");
  g_assert_cmpuint (json_array_get_length (docs), ==, 2);
  JsonObject *second = json_array_get_object_element (docs, 1);
  g_assert_cmpstr (json_object_get_string_member (second, "id"), ==, "document 2");
  result_clear (&r);
}

/* The table, from standard input (a pipe from a run). */
static void
test_stats_table (void)
{
  g_autofree char *jsonl = fixture_path ("formats", "talks.jsonl");
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (jsonl, &text, NULL, NULL));
  Result r = saywho (text, "stats", "--top", "1", NULL, NULL, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_nonnull (strstr (r.out, "documents          1\n"));
  g_assert_nonnull (strstr (r.out, "entities          12  (PER 5, ORG 0, LOC 6, MISC 1)\n"));
  g_assert_nonnull (strstr (r.out, "quotations         6  (direct 4, indirect 2; 4 with a named "
                                   "speaker)\n"));
  g_assert_nonnull (strstr (r.out, "most quoted speakers (1 of 2)\n"));
  g_assert_nonnull (strstr (r.out, "           3       2         1          1  Susan Rice  "
                                   "(official:susan-rice)\n"));
  g_assert_null (strstr (r.out, "Xi Jinping"));
  result_clear (&r);
}

/* A run's output piped to stats: every corpus document is counted. */
static void
test_stats_run (void)
{
  g_autofree char *corpus = test_source_path ("corpus", NULL);
  Result run = saywho (NULL, "--quiet", "--format", "conllup", corpus, NULL, NULL);
  g_assert_cmpint (run.status, ==, 0);
  Result r = saywho (run.out, "stats", "--json", NULL, NULL, NULL, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, NULL));
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  guint articles = 0;
  for (const char *p = run.out; (p = strstr (p, "# newdoc id")) != NULL; p++)
    articles++;
  g_assert_cmpint (json_object_get_int_member (root, "documents"), ==, articles);
  g_assert_cmpuint (articles, >, 10);
  result_clear (&run);
  result_clear (&r);
}


int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  if (g_getenv ("SAYWHO_BINARY") == NULL)
    {
      g_printerr ("test-eval: SAYWHO_BINARY is not set (run it through meson test)\n");
      return 1;
    }
  workdir = g_dir_make_tmp ("saywho-eval-XXXXXX", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (chunk_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/eval/chunks/%u", i);
      g_test_add_data_func (path, &chunk_cases[i], test_chunks);
    }
  g_test_add_func ("/eval/by-hand", test_by_hand);
  for (guint i = 0; i < G_N_ELEMENTS (conlleval_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/eval/conlleval/%s-%s", conlleval_cases[i].gold,
                                               conlleval_cases[i].pred);
      g_test_add_data_func (path, &conlleval_cases[i], test_conlleval);
    }
  for (guint i = 0; i < G_N_ELEMENTS (pair_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/eval/pair/%s-%s", pair_cases[i].gold,
                                               pair_cases[i].pred);
      g_test_add_data_func (path, &pair_cases[i], test_pair);
    }
  g_test_add_func ("/eval/missing-document", test_missing_document);
  g_test_add_func ("/eval/id-suffix", test_id_suffix);
  for (guint i = 0; i < G_N_ELEMENTS (failure_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/eval/failure/%u", i);
      g_test_add_data_func (path, &failure_cases[i], test_failure);
    }
  g_test_add_func ("/stats/json", test_stats_json);
  g_test_add_func ("/stats/table", test_stats_table);
  g_test_add_func ("/stats/run", test_stats_run);
  int status = g_test_run ();
  test_remove_tree (workdir);
  g_free (workdir);
  test_common_cleanup ();
  return status;
}
