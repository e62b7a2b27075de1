/* test-format.c — the CoNLL-U Plus writer, column by column. */
#include "test-common.h"

#include <string.h>

static char *
format_doc (const SaywhoDocument *doc)
{
  GString *out = g_string_new (NULL);
  const SaywhoFormat *format = saywho_format_lookup ("conllup");
  format->header (format, out);
  format->document (format, doc, out);
  return g_string_free (out, FALSE);
}

static void
test_plain (void)
{
  g_autoptr (SaywhoDocument) doc = test_annotate ("We said\nso. Yes.");
  g_free (doc->id);
  doc->id = g_strdup ("dir/my file.txt");
  g_autofree char *out = format_doc (doc);
  g_assert_cmpstr (out, ==,
    "# global.columns = ID FORM STEM START END NER ENTITY QUOTE SPEAKER\n"
    "# newdoc id = dir/my file.txt\n"
    "# sent_id = dir/my_file.txt#1\n"
    "# text = We said so.\n"
    "1\tWe\twe\t0\t2\tO\t_\tO\t_\n"
    "2\tsaid\tsaid\t3\t7\tO\t_\tO\t_\n"
    "3\tso\tso\t8\t10\tO\t_\tO\t_\n"
    "4\t.\t.\t10\t11\tO\t_\tO\t_\n"
    "\n"
    "# sent_id = dir/my_file.txt#2\n"
    "# text = Yes.\n"
    "1\tYes\tyes\t12\t15\tO\t_\tO\t_\n"
    "2\t.\t.\t15\t16\tO\t_\tO\t_\n"
    "\n");
}

/* Entity and quotation layers fill NER, ENTITY, QUOTE and SPEAKER, and each
 * quotation gets a comment line after the sentences. */
static void
test_layers (void)
{
  g_autoptr (SaywhoDocument) doc = test_annotate ("\"We go,\" said Xi Jinping.");
  /* tokens: " We go , " said Xi Jinping . — the layers are set by hand here */
  g_array_set_size (doc->entities, 0);
  g_array_set_size (doc->quotes, 0);
  SaywhoEntity entity = { { 6, 8 }, SAYWHO_ENTITY_PER, "official:xi-jinping", "official",
                          "Xi Jinping" };
  g_array_append_val (doc->entities, entity);
  SaywhoQuote quote = { { 1, 3 }, SAYWHO_QUOTE_DIRECT, { 5, 6 }, { 6, 8 },
                        "official:xi-jinping", "Xi Jinping" };
  g_array_append_val (doc->quotes, quote);
  g_autofree char *out = format_doc (doc);
  g_assert_nonnull (strstr (out, "2\tWe\twe\t1\t3\tO\t_\tB-Q1\tofficial:xi-jinping\n"));
  g_assert_nonnull (strstr (out, "3\tgo\tgo\t4\t6\tO\t_\tI-Q1\tofficial:xi-jinping\n"));
  g_assert_nonnull (strstr (out, "4\t,\t,\t6\t7\tO\t_\tO\t_\n"));
  g_assert_nonnull (strstr (out, "7\tXi\txi\t14\t16\tB-PER\tofficial:xi-jinping\tO\t_\n"));
  g_assert_nonnull (strstr (out, "8\tJinping\tjinp\t17\t24\tI-PER\tofficial:xi-jinping\tO\t_\n"));
  g_assert_true (g_str_has_suffix (out,
    "# quote Q1 = kind=direct speaker=official:xi-jinping span=1:6 mention=14:24 cue=9:13\n\n"));
}

/* Line and paragraph separators never break a comment line. */
static void
test_oneline (void)
{
  GString *out = g_string_new (NULL);
  const char *s = "a\tb\r\nc\u2028d\xc2\x85" "e";
  saywho_format_append_oneline (out, s, strlen (s));
  g_assert_cmpstr (out->str, ==, "a b  c d e");
  g_string_free (out, TRUE);
}

typedef struct {
  guint64 value;
  const char *text;
} UintCase;

static void
test_uint (void)
{
  static const UintCase cases[] = {
    { 0, "0" }, { 7, "7" }, { 10, "10" }, { 4294967295u, "4294967295" },
    { G_MAXUINT64, "18446744073709551615" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GString *out = g_string_new (NULL);
      saywho_format_append_uint (out, cases[i].value);
      g_assert_cmpstr (out->str, ==, cases[i].text);
      g_string_free (out, TRUE);
    }
}

static void
test_registry (void)
{
  g_assert_nonnull (saywho_format_lookup ("conllup"));
  g_assert_null (saywho_format_lookup ("nope"));
  for (const SaywhoFormat *const *f = saywho_format_registry (); *f != NULL; f++)
    {
      g_assert_nonnull ((*f)->name);
      g_assert_nonnull ((*f)->extension);
      g_assert_nonnull ((*f)->document);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  g_test_add_func ("/format/conllup/plain", test_plain);
  g_test_add_func ("/format/conllup/layers", test_layers);
  g_test_add_func ("/format/oneline", test_oneline);
  g_test_add_func ("/format/uint", test_uint);
  g_test_add_func ("/format/registry", test_registry);
  int status = g_test_run ();
  test_common_cleanup ();
  return status;
}
