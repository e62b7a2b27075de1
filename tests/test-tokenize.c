/* test-tokenize.c — the tokenize stage, table by table. */
#include "test-common.h"
#include "stages.h"
#include "strmap.h"

#include <string.h>

typedef struct {
  const char *input;
  const char *forms;   /* expected token forms joined by '|' */
} FormCase;

static const FormCase form_cases[] = {
  /* abbreviations and initials stay whole */
  { "U.S. officials", "U.S.|officials" },
  { "Mr. Smith and Mrs. Jones", "Mr.|Smith|and|Mrs.|Jones" },
  { "on Aug. 14 and Jan. 5", "on|Aug.|14|and|Jan.|5" },
  { "Sen. Rubio and Gen. Milley", "Sen.|Rubio|and|Gen.|Milley" },
  { "Washington, D.C., on Monday", "Washington|,|D.C.|,|on|Monday" },
  { "J. Smith said", "J.|Smith|said" },
  { "at 11:05 a.m. today", "at|11:05|a.m.|today" },
  { "No. 10 Downing Street", "No.|10|Downing|Street" },
  { "she said no. Then", "she|said|no|.|Then" },
  { "the U.S.-China talks", "the|U.S.|-|China|talks" },
  { "the end.", "the|end|." },
  /* a title in capitals keeps its stop, as a line in capitals writes it;
   * other words in capitals before a full stop do not */
  { "ST. LOUIS (AP)", "ST.|LOUIS|(|AP|)" },
  { "GEN. MILLEY SAID", "GEN.|MILLEY|SAID" },
  { "TALKS IN THE US. THEN", "TALKS|IN|THE|US|.|THEN" },
  { "IT WAS THE END. THEN", "IT|WAS|THE|END|.|THEN" },
  /* possessives and hyphenated compounds are split */
  { "China-US dialogue", "China|-|US|dialogue" },
  { "Xi's visit", "Xi|'s|visit" },
  { "Xi\u2019s visit", "Xi|\u2019s|visit" },
  { "XI'S VISIT", "XI|'S|VISIT" },
  { "Washington-based group", "Washington|-|based|group" },
  { "US-made chips", "US|-|made|chips" },
  { "the officials' statement", "the|officials|'|statement" },
  { "a 9-year-old", "a|9|-|year|-|old" },
  /* apostrophes inside words, quotation marks around them */
  { "we'll see", "we'll|see" },
  { "we\u2019ll see", "we\u2019ll|see" },
  { "don't and O'Brien", "don't|and|O'Brien" },
  { "'Hello'", "'|Hello|'" },
  { "\"Hello,\" he said.", "\"|Hello|,|\"|he|said|." },
  { "\u201cYes,\u201d she said", "\u201c|Yes|,|\u201d|she|said" },
  { "\"He said 'no' twice.\"", "\"|He|said|'|no|'|twice|.|\"" },
  { "(\"quoted\")", "(|\"|quoted|\"|)" },
  { "in the \u201990s", "in|the|\u201990s" },
  /* numbers */
  { "$35 billion", "$|35|billion" },
  { "on 2015-09-14 at", "on|2015-09-14|at" },
  { "a 3.5% rise", "a|3.5|%|rise" },
  { "1,200 troops", "1,200|troops" },
  { "the 1990s", "the|1990s" },
  { "F-16 jets and COVID-19", "F-16|jets|and|COVID-19" },
  { "9/11", "9/11" },
  { "\u20ac2.5bn", "\u20ac|2.5bn" },
  /* URLs and e-mail addresses */
  { "see https://example.org/a_b?c=1.", "see|https://example.org/a_b?c=1|." },
  { "(www.state.gov)", "(|www.state.gov|)" },
  { "write to press@example.gov.", "write|to|press@example.gov|." },
  { "@POTUS and #G20", "@POTUS|and|#G20" },
  { "OPEC+ and C++, 2+2", "OPEC+|and|C++|,|2|+|2" },
  /* punctuation */
  { "Wait... what?!", "Wait|...|what|?!" },
  { "yes -- no \u2014 maybe", "yes|--|no|\u2014|maybe" },
  { "(Reuters)", "(|Reuters|)" },
  { "a;b:c", "a|;|b|:|c" },
  /* scripts and marks */
  { "\u4e60\u8fd1\u5e73 said", "\u4e60\u8fd1\u5e73|said" },
  { "Zu\u0308rich", "Zu\u0308rich" },
  { "\U0001F642 ok", "\U0001F642|ok" },
  { "\xef\xbb\xbf" "BOM first", "BOM|first" },
  { "zero\u200bwidth", "zero|width" },
  /* nothing at all */
  { "", "" },
  { " \n\t \r\n ", "" },
};

static void
test_forms (gconstpointer data)
{
  const FormCase *c = data;
  g_autoptr (SaywhoDocument) doc = test_annotate (c->input);
  g_autofree char *forms = test_token_forms (doc);
  g_assert_cmpstr (forms, ==, c->forms);
}

typedef struct {
  const char *input;
  guint index;
  SaywhoTokenKind kind;
  guint flags_set;     /* all of these must be set */
  guint flags_clear;   /* none of these may be set */
} KindCase;

enum {
  OPEN = SAYWHO_TOKEN_QUOTE_OPEN,
  CLOSE = SAYWHO_TOKEN_QUOTE_CLOSE,
  DBL = SAYWHO_TOKEN_QUOTE_DOUBLE,
  SGL = SAYWHO_TOKEN_QUOTE_SINGLE,
};

static const KindCase kind_cases[] = {
  { "U.S. officials", 0, SAYWHO_TOKEN_ABBREVIATION, SAYWHO_TOKEN_ALL_CAPS, 0 },
  { "Mr. Smith", 0, SAYWHO_TOKEN_ABBREVIATION, SAYWHO_TOKEN_ABBREV_TITLE, 0 },
  { "Jan. 5", 0, SAYWHO_TOKEN_ABBREVIATION, 0, SAYWHO_TOKEN_ABBREV_TITLE },
  { "Xi's", 1, SAYWHO_TOKEN_POSSESSIVE, 0, 0 },
  { "the officials' view", 2, SAYWHO_TOKEN_POSSESSIVE, 0, 0 },
  { "'the officials' view'", 3, SAYWHO_TOKEN_QUOTE, SGL | CLOSE, OPEN },
  { "we'll", 0, SAYWHO_TOKEN_WORD, 0, 0 },
  { "2015-09-14", 0, SAYWHO_TOKEN_NUMBER, 0, 0 },
  { "3.5%", 1, SAYWHO_TOKEN_PUNCT, 0, 0 },
  { "$35", 0, SAYWHO_TOKEN_SYMBOL, 0, 0 },
  { "https://x.org", 0, SAYWHO_TOKEN_URL, 0, 0 },
  { "a@b.org", 0, SAYWHO_TOKEN_EMAIL, 0, 0 },
  { "\"Hi\"", 0, SAYWHO_TOKEN_QUOTE, OPEN | DBL, CLOSE | SGL },
  { "\"Hi\"", 2, SAYWHO_TOKEN_QUOTE, CLOSE | DBL, OPEN },
  { "'Hi'", 0, SAYWHO_TOKEN_QUOTE, OPEN | SGL, CLOSE | DBL },
  { "'Hi'", 2, SAYWHO_TOKEN_QUOTE, CLOSE | SGL, OPEN },
  { "\u201cHi\u201d", 0, SAYWHO_TOKEN_QUOTE, OPEN | DBL, CLOSE },
  { "\u201cHi\u201d", 2, SAYWHO_TOKEN_QUOTE, CLOSE | DBL, OPEN },
  { "\u2018Hi\u2019", 0, SAYWHO_TOKEN_QUOTE, OPEN | SGL, CLOSE },
  { "\u2018Hi\u2019", 2, SAYWHO_TOKEN_QUOTE, CLOSE | SGL, OPEN },
  { "\u00abHi\u00bb", 0, SAYWHO_TOKEN_QUOTE, OPEN | DBL, CLOSE },
  { "said, \"we go\"", 2, SAYWHO_TOKEN_QUOTE, OPEN, CLOSE },
  { "go.\" He", 2, SAYWHO_TOKEN_QUOTE, CLOSE, OPEN },
  { "\"'Yes,' he said\"", 1, SAYWHO_TOKEN_QUOTE, OPEN | SGL, CLOSE },
  { "said: \" no \" ok", 2, SAYWHO_TOKEN_QUOTE, OPEN, CLOSE },
  { "said: \" no \" ok", 4, SAYWHO_TOKEN_QUOTE, CLOSE, OPEN },
  { "WASHINGTON", 0, SAYWHO_TOKEN_WORD, SAYWHO_TOKEN_ALL_CAPS | SAYWHO_TOKEN_CAPITALIZED, 0 },
  { "Washington", 0, SAYWHO_TOKEN_WORD, SAYWHO_TOKEN_CAPITALIZED, SAYWHO_TOKEN_ALL_CAPS },
  { "iPhone", 0, SAYWHO_TOKEN_WORD, 0, SAYWHO_TOKEN_CAPITALIZED },
  { "\u00c9lys\u00e9e", 0, SAYWHO_TOKEN_WORD, SAYWHO_TOKEN_CAPITALIZED, SAYWHO_TOKEN_ALL_CAPS },
  { "a b", 0, SAYWHO_TOKEN_WORD, SAYWHO_TOKEN_SPACE_AFTER, 0 },
  { "a,", 0, SAYWHO_TOKEN_WORD, 0, SAYWHO_TOKEN_SPACE_AFTER },
  { "a\nb", 1, SAYWHO_TOKEN_WORD, SAYWHO_TOKEN_NEWLINE_BEFORE, SAYWHO_TOKEN_BLANK_BEFORE },
  { "a\r\n\r\nb", 1, SAYWHO_TOKEN_WORD,
    SAYWHO_TOKEN_NEWLINE_BEFORE | SAYWHO_TOKEN_BLANK_BEFORE, 0 },
  { "a\n  \t\nb", 1, SAYWHO_TOKEN_WORD, SAYWHO_TOKEN_BLANK_BEFORE, 0 },
};

static void
test_kinds (gconstpointer data)
{
  const KindCase *c = data;
  g_autoptr (SaywhoDocument) doc = test_annotate (c->input);
  g_assert_cmpuint (c->index, <, doc->tokens->len);
  if (c->index >= doc->tokens->len)
    return;
  const SaywhoToken *tok = saywho_document_token (doc, c->index);
  g_assert_cmpint (tok->kind, ==, c->kind);
  g_assert_cmphex (tok->flags & c->flags_set, ==, c->flags_set);
  g_assert_cmphex (tok->flags & c->flags_clear, ==, 0);
}

typedef struct {
  const char *input;
  const char *norms;   /* expected norms joined by '|' */
} NormCase;

static const NormCase norm_cases[] = {
  { "WASHINGTON Post", "washington|post" },
  { "we\u2019ll", "we'll" },
  { "Xi\u2019s", "xi|'s" },
  { "Stra\u00dfe", "strasse" },
  { "Zu\u0308rich", "z\u00fcrich" },           /* NFC */
  { "\u00c9LYS\u00c9E", "\u00e9lys\u00e9e" },
  { "U.S.", "u.s." },
  { "co\u00adoperate", "cooperate" },           /* soft hyphen ignored */
};

static void
test_norms (gconstpointer data)
{
  const NormCase *c = data;
  g_autoptr (SaywhoDocument) doc = test_annotate (c->input);
  GString *norms = g_string_new (NULL);
  for (guint i = 0; i < doc->tokens->len; i++)
    g_string_append_printf (norms, "%s%s", i ? "|" : "", saywho_document_token (doc, i)->norm);
  g_assert_cmpstr (norms->str, ==, c->norms);
  g_string_free (norms, TRUE);
}

/* Character offsets count code points; byte offsets slice the original. */
static void
test_offsets (void)
{
  const char *text = "Z\u00fcrich \u2014 \u201cHi\u201d \U0001F642 Xi\u2019s";
  g_autoptr (SaywhoDocument) doc = test_annotate (text);
  static const struct { guint cs, ce; const char *form; } expected[] = {
    { 0, 6, "Z\u00fcrich" },
    { 7, 8, "\u2014" },
    { 9, 10, "\u201c" },
    { 10, 12, "Hi" },
    { 12, 13, "\u201d" },
    { 14, 15, "\U0001F642" },
    { 16, 18, "Xi" },
    { 18, 20, "\u2019s" },
  };
  g_assert_cmpuint (doc->tokens->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SaywhoToken *tok = saywho_document_token (doc, i);
      gsize len;
      const char *form = saywho_token_text (doc, tok, &len);
      g_assert_cmpuint (tok->char_start, ==, expected[i].cs);
      g_assert_cmpuint (tok->char_end, ==, expected[i].ce);
      g_assert_cmpuint (len, ==, strlen (expected[i].form));
      g_assert_cmpmem (form, len, expected[i].form, strlen (expected[i].form));
      /* the character offsets agree with the byte offsets */
      g_assert_cmpint (g_utf8_pointer_to_offset (doc->text, form), ==, tok->char_start);
    }
}

/* A library caller may hand the stage text that was never checked. */
static void
test_invalid_utf8 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SaywhoDocument) doc = saywho_document_new ("bad", "ok \xff\xfe here");
  g_assert_false (saywho_worker_process (test_worker (), doc, &error));
  g_assert_error (error, SAYWHO_ERROR, SAYWHO_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_assert_nonnull (strstr (error->message, "tokenize"));
}

static void
test_huge_token (void)
{
  gsize n = 1024 * 1024;
  g_autofree char *text = g_malloc (n + 3);
  memset (text, 'a', n);
  memcpy (text + n, " b", 3);
  g_autoptr (SaywhoDocument) doc = test_annotate (text);
  g_assert_cmpuint (doc->tokens->len, ==, 2);
  g_assert_cmpuint (saywho_document_token (doc, 0)->char_end, ==, n);
  g_assert_cmpuint (strlen (saywho_document_token (doc, 0)->norm), ==, n);
  g_assert_cmpuint (saywho_document_token (doc, 1)->char_start, ==, n + 1);
}

/* Stages find words in their lexicons by the hashes tokens carry, so a
 * token's norm_hash and stem_hash must be saywho_str_hash() of its norm
 * and stem, however the tokenizer reached them: words of every length from
 * 1 to 70 letters (past the fast path's 63), in mixed case, followed by
 * nothing, a space, a mark, or a letter outside ASCII. */
static void
test_hashes (void)
{
  static const char *const endings[] = { "", " x", ".", ", y", "\u00e9", "'s" };
  for (guint len = 1; len <= 70; len++)
    for (guint e = 0; e < G_N_ELEMENTS (endings); e++)
      {
        GString *text = g_string_new (NULL);
        for (guint k = 0; k < len; k++)
          g_string_append_c (text, (char) ((k % 3 == 0 ? 'A' : 'a') + (k * 7) % 26));
        g_string_append (text, endings[e]);
        g_autoptr (SaywhoDocument) doc = test_annotate (text->str);
        g_assert_cmpuint (doc->tokens->len, >, 0);
        for (guint i = 0; i < doc->tokens->len; i++)
          {
            const SaywhoToken *tok = saywho_document_token (doc, i);
            g_assert_cmpuint (tok->norm_len, ==, strlen (tok->norm));
            g_assert_cmpuint (tok->norm_hash, ==, saywho_str_hash (tok->norm, -1));
            g_assert_cmpuint (tok->norm_hash, ==, saywho_str_hash (tok->norm, tok->norm_len));
            g_assert_cmpuint (tok->stem_hash, ==, saywho_str_hash (tok->stem, tok->stem_len));
          }
        g_string_free (text, TRUE);
      }
}

/* Every byte of the text is either inside a token or whitespace, tokens are
 * in order and do not overlap: checked over a mixed paragraph. */
static void
test_coverage (void)
{
  const char *text = "BEIJING, Sept. 14 (Xinhua) \u2014 China's \u201cnew\u201d plan, "
                     "worth $35bn (3.5%), was \"welcomed\" by U.S.-based firms... 'Fine.'";
  g_autoptr (SaywhoDocument) doc = test_annotate (text);
  guint32 at = 0;
  for (guint i = 0; i < doc->tokens->len; i++)
    {
      const SaywhoToken *tok = saywho_document_token (doc, i);
      g_assert_cmpuint (tok->byte_start, >=, at);
      for (guint32 b = at; b < tok->byte_start; b++)
        g_assert_true (g_ascii_isspace (text[b]));
      g_assert_cmpuint (tok->byte_end, >, tok->byte_start);
      at = tok->byte_end;
    }
  g_assert_cmpuint (at, ==, strlen (text));
}


/* ---- the fast paths against the general rules --------------------------- */

/* Pieces of news text that the tokenizer's fast paths take, or nearly
 * take: plain, capitalized and all-caps words, possessives, hyphenated
 * words, abbreviations, numbers, quotation marks of every kind, brackets,
 * marks, URLs, accents and other scripts. */
static const char *const pieces[] = {
  "the", "The", "said", "THE", "Xi", "O'Brien", "we'll", "Xi's", "Xi\u2019s", "states'",
  "U.S.", "U.S.-China", "Mr.", "Gen.", "GEN.", "ST.", "Inc.", "Corp.", "No.", "Jan.", "a.m.",
  "J.", "D.C.", "Washington-based", "state-run", "Export-Import", "a-b-c-d-e", "well--known",
  "F-16", "COVID-19", "2015-09-14", "3.5", "3.5%", "1,200", "11:05", "9/11", "14th", "$35bn",
  "(ABC)", "(AP)", "(3)", "(", ")", "[", "]", "\"", "\u201c", "\u201d", "'", "\u2018", "\u2019",
  "\u00ab", "\u00bb", ",", ".", ";", ":", "?", "!", "...", "\u2026", "--", "-", "\u2014", "\u2013",
  "\"Yes,\"", "\"No.\"", "\u201cWe", "will.\u201d", "'quote'", "x\"y", "OPEC+", "C++",
  "http://example.org/a?b=1.", "www.example.com,", "a@b.org", "na\u00efve", "Z\u00fcrich",
  "S\u00e3o", "caf\u00e9", "\u00c9lys\u00e9e", "\u0130stanbul",
  "\u0391\u0398\u0397\u039d\u0391", "\u041c\u043e\u0441\u043a\u0432\u0430",
  "\u5317\u4eac", "e\u0301", "\ufb01", "so\u00adcial", "\u2167", "\u00bd", "\u0663", "#tag",
  "@user", "&", "/", "*", "=", "+", "_",
};

static const char *const separators[] = {
  " ", " ", " ", " ", "  ", "\n", "\n\n", "\t", " \n", "\r\n", "\u00a0", "\u2028", "\u200b", "",
};

/* A document of `count` pieces drawn by rand, some in capitals, some run
 * together, with separators between them. */
static char *
random_text (GRand *rand, guint count)
{
  GString *text = g_string_new (NULL);
  for (guint i = 0; i < count; i++)
    {
      const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];
      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          g_autofree char *upper = g_utf8_strup (piece, -1);
          g_string_append (text, upper);
        }
      else
        g_string_append (text, piece);
      if (g_rand_int_range (rand, 0, 20) != 0)
        g_string_append (text, separators[g_rand_int_range (rand, 0, G_N_ELEMENTS (separators))]);
    }
  return g_string_free (text, FALSE);
}

/* Tokenizes text with worker; the document is the caller's. */
static SaywhoDocument *
tokenize_with (gpointer shared, gpointer worker, const char *text)
{
  g_autoptr (GError) error = NULL;
  SaywhoDocument *doc = saywho_document_new ("fast-path", text);
  g_assert_true (saywho_stage_tokenize.process (shared, worker, doc, &error));
  g_assert_no_error (error);
  return doc;
}

/* The fast paths (words, quoted words, numbers, possessives, hyphenated
 * words and abbreviations read without decoding; accented norms from a
 * table) must give exactly the tokens the general rules and utf8proc give:
 * every field, over random documents made of the pieces above, and over
 * every piece alone and between quotation marks. */
static void
test_fast_paths (void)
{
  g_autofree char *lexicons = test_source_path ("lexicons", NULL);
  SaywhoConfig config = { lexicons, "english" };
  g_autoptr (GError) error = NULL;
  gpointer shared = saywho_stage_tokenize.create (&config, &error);
  g_assert_no_error (error);
  gpointer fast = saywho_stage_tokenize.worker_new (shared, &error);
  gpointer general = saywho_stage_tokenize.worker_new (shared, &error);
  g_assert_no_error (error);
  saywho_tokenize_worker_set_general_only (general, TRUE);

  g_autoptr (GRand) rand = g_rand_new_with_seed (20261126);
  guint ndocs = 600, compared = 0;
  for (guint d = 0; d < ndocs + G_N_ELEMENTS (pieces); d++)
    {
      g_autofree char *text = NULL;
      if (d < ndocs)
        text = random_text (rand, (guint) g_rand_int_range (rand, 1, 200));
      else
        text = g_strdup_printf ("%s \"%s\" (%s), %s.", pieces[d - ndocs], pieces[d - ndocs],
                                pieces[d - ndocs], pieces[d - ndocs]);
      g_autoptr (SaywhoDocument) a = tokenize_with (shared, fast, text);
      g_autoptr (SaywhoDocument) b = tokenize_with (shared, general, text);
      g_assert_cmpuint (a->tokens->len, ==, b->tokens->len);
      for (guint i = 0; i < a->tokens->len && i < b->tokens->len; i++)
        {
          const SaywhoToken *x = saywho_document_token (a, i), *y = saywho_document_token (b, i);
          if (x->byte_start != y->byte_start || x->byte_end != y->byte_end
              || x->char_start != y->char_start || x->char_end != y->char_end
              || x->kind != y->kind || x->flags != y->flags || x->norm_len != y->norm_len
              || strcmp (x->norm, y->norm) != 0 || x->norm_hash != y->norm_hash
              || x->stem_len != y->stem_len || x->stem_hash != y->stem_hash
              || (x->stem == NULL) != (y->stem == NULL))
            {
              g_test_message ("document %u, token %u (bytes %u-%u) of: %s", d, i,
                              y->byte_start, y->byte_end, text);
              g_test_message ("fast: kind %u flags %#x norm '%s'; general: kind %u flags %#x "
                              "norm '%s'", x->kind, x->flags, x->norm, y->kind, y->flags,
                              y->norm);
              g_test_fail ();
              break;
            }
          compared++;
        }
    }
  g_assert_cmpuint (compared, >, 50000);
  saywho_stage_tokenize.worker_free (fast);
  saywho_stage_tokenize.worker_free (general);
  saywho_stage_tokenize.destroy (shared);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (form_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tokenize/forms/%u", i);
      g_test_add_data_func (path, &form_cases[i], test_forms);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kind_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tokenize/kinds/%u", i);
      g_test_add_data_func (path, &kind_cases[i], test_kinds);
    }
  for (guint i = 0; i < G_N_ELEMENTS (norm_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tokenize/norms/%u", i);
      g_test_add_data_func (path, &norm_cases[i], test_norms);
    }
  g_test_add_func ("/tokenize/offsets", test_offsets);
  g_test_add_func ("/tokenize/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/tokenize/huge-token", test_huge_token);
  g_test_add_func ("/tokenize/coverage", test_coverage);
  g_test_add_func ("/tokenize/hashes", test_hashes);
  g_test_add_func ("/tokenize/fast-paths", test_fast_paths);

  int status = g_test_run ();
  test_common_cleanup ();
  return status;
}
