/* test-segment.c — sentences, paragraphs, headlines and datelines. */
#include "test-common.h"

#include <string.h>

typedef struct {
  const char *input;
  const char *sentences;   /* sentence texts joined by " || " */
} SentenceCase;

static const SentenceCase sentence_cases[] = {
  { "He left. She stayed.", "He left. || She stayed." },
  { "He left! She stayed? Yes.", "He left! || She stayed? || Yes." },
  /* abbreviations: titles never end a sentence, others before a starter */
  { "Mr. Smith left. He went home.", "Mr. Smith left. || He went home." },
  { "Gen. Mark Milley spoke.", "Gen. Mark Milley spoke." },
  { "Sanctions hit the U.S. The talks ended.", "Sanctions hit the U.S. || The talks ended." },
  { "U.S. officials met. U.S. Senators too.", "U.S. officials met. || U.S. Senators too." },
  { "They met in Washington, D.C. on Monday.", "They met in Washington, D.C. on Monday." },
  { "He met J. Smith. Smith agreed.", "He met J. Smith. || Smith agreed." },
  { "It began on Sept. 14 in Beijing.", "It began on Sept. 14 in Beijing." },
  { "It is at No. 10 now.", "It is at No. 10 now." },
  { "It cost $3.5 billion. Officials said so.", "It cost $3.5 billion. || Officials said so." },
  /* closing quotes and brackets after the full stop */
  { "\"We will go.\" He left.", "\"We will go.\" || He left." },
  { "\u201cWe will go.\u201d He left.", "\u201cWe will go.\u201d || He left." },
  { "\"Will we?\" he asked.", "\"Will we?\" he asked." },
  { "She said, \"No.\" Then she left.", "She said, \"No.\" || Then she left." },
  { "(It ended.) Then talks began.", "(It ended.) || Then talks began." },
  { "He paused. \"Fine,\" he said.", "He paused. || \"Fine,\" he said." },
  { "Wait... what is it?", "Wait... what is it?" },
  { "Prices rose 3.5%. Stocks fell.", "Prices rose 3.5%. || Stocks fell." },
  { "It rose in 2015. 2016 was worse.", "It rose in 2015. || 2016 was worse." },
  /* lines and paragraphs */
  { "First paragraph.\n\nSecond paragraph.", "First paragraph. || Second paragraph." },
  { "One line\n\nanother", "One line || another" },
  { "The minister said on\nTuesday that talks\nwould go on.\n\nNext.",
    "The minister said on Tuesday that talks would go on. || Next." },
  { "Line one.\nLine two.\nThree", "Line one. || Line two. || Three" },  /* a paragraph a line */
  { "Line one\nline two.", "Line one line two." },                       /* a soft wrap */
  /* headlines, bylines, datelines */
  { "Officials Meet in Beijing\n\nBy Jane Doe\n\nWASHINGTON \u2014 The talks began. They ended.",
    "Officials Meet in Beijing || By Jane Doe || WASHINGTON \u2014 || The talks began. || They ended." },
  { "Officials Meet in Beijing\nBy Jane Doe\n\nThe talks began.",
    "Officials Meet in Beijing || By Jane Doe || The talks began." },
  { "BEIJING, Sept. 14 (Xinhua) -- Officials met on Monday.",
    "BEIJING, Sept. 14 (Xinhua) -- || Officials met on Monday." },
  { "NEW DELHI, March 3 \u2014 India said so.", "NEW DELHI, March 3 \u2014 || India said so." },
  { "NATO said it would act.", "NATO said it would act." },
  { "", "" },
};

static void
test_sentences (gconstpointer data)
{
  const SentenceCase *c = data;
  g_autoptr (SaywhoDocument) doc = test_annotate (c->input);
  g_autofree char *sentences = test_sentence_texts (doc);
  g_assert_cmpstr (sentences, ==, c->sentences);
}

/* Every token belongs to exactly one sentence and one paragraph, the spans
 * tile the token array, and sentences never cross paragraphs. */
static void
test_spans_tile (void)
{
  const char *text = "Headline Here\n\nBy A. Writer\n\nLONDON \u2014 One. Two \"three.\"\n"
                     "Four.\n\n\"Five,\" he said. Six!\n\n\n";
  g_autoptr (SaywhoDocument) doc = test_annotate (text);
  for (guint pass = 0; pass < 2; pass++)
    {
      GArray *spans = pass == 0 ? doc->sentences : doc->paragraphs;
      guint next = 0;
      for (guint s = 0; s < spans->len; s++)
        {
          SaywhoSpan span = g_array_index (spans, SaywhoSpan, s);
          g_assert_cmpuint (span.start, ==, next);
          g_assert_cmpuint (span.end, >, span.start);
          for (guint i = span.start; i < span.end; i++)
            {
              const SaywhoToken *tok = saywho_document_token (doc, i);
              g_assert_cmpuint (pass == 0 ? tok->sentence : tok->paragraph, ==, s);
            }
          next = span.end;
        }
      g_assert_cmpuint (next, ==, doc->tokens->len);
    }
  for (guint s = 0; s < doc->sentences->len; s++)
    {
      SaywhoSpan span = g_array_index (doc->sentences, SaywhoSpan, s);
      g_assert_cmpuint (saywho_document_token (doc, span.start)->paragraph, ==,
                        saywho_document_token (doc, span.end - 1)->paragraph);
      g_assert_true (saywho_document_token (doc, span.start)->flags & SAYWHO_TOKEN_SENTENCE_START);
    }
  g_assert_cmpuint (doc->paragraphs->len, ==, 4);
}

typedef struct {
  const char *input;
  const char *word;
  guint flag;
  gboolean set;
} FlagCase;

static const FlagCase flag_cases[] = {
  { "Officials Meet in Beijing\n\nBy Jane Doe\n\nBEIJING \u2014 Talks began.", "Meet",
    SAYWHO_TOKEN_HEADLINE, TRUE },
  { "Officials Meet in Beijing\n\nBy Jane Doe\n\nBEIJING \u2014 Talks began.", "Jane",
    SAYWHO_TOKEN_HEADLINE, TRUE },
  { "Officials Meet in Beijing\n\nBy Jane Doe\n\nBEIJING \u2014 Talks began.", "Talks",
    SAYWHO_TOKEN_HEADLINE, FALSE },
  { "Officials Meet in Beijing\n\nBy Jane Doe\n\nBEIJING \u2014 Talks began.", "BEIJING",
    SAYWHO_TOKEN_DATELINE, TRUE },
  { "Officials Meet in Beijing\n\nBy Jane Doe\n\nBEIJING \u2014 Talks began.", "Talks",
    SAYWHO_TOKEN_DATELINE, FALSE },
  { "Storm hits\n\nST. LOUIS (AP) \u2014 A storm struck.", "LOUIS",
    SAYWHO_TOKEN_DATELINE, TRUE },
  /* AFP's datelines, in mixed case: the agency's parenthesis and a dash */
  { "Budget vote\n\nParis (AFP) - The talks began.", "Paris", SAYWHO_TOKEN_DATELINE, TRUE },
  { "Budget vote\n\nParis (AFP) - The talks began.", "talks", SAYWHO_TOKEN_DATELINE, FALSE },
  { "Budget vote\n\nCebu (Philippines) (AFP) - The talks began.", "Cebu",
    SAYWHO_TOKEN_DATELINE, TRUE },
  { "Budget vote\n\nKenya (the country) is big - really.", "Kenya",
    SAYWHO_TOKEN_DATELINE, FALSE },
  { "Talks began. More came.\n\nSecond Paragraph Here", "Here",
    SAYWHO_TOKEN_HEADLINE, FALSE },
};

static void
test_flags (gconstpointer data)
{
  const FlagCase *c = data;
  g_autoptr (SaywhoDocument) doc = test_annotate (c->input);
  gboolean found = FALSE;
  for (guint i = 0; i < doc->tokens->len; i++)
    {
      const SaywhoToken *tok = saywho_document_token (doc, i);
      gsize len;
      const char *form = saywho_token_text (doc, tok, &len);
      if (len != strlen (c->word) || memcmp (form, c->word, len) != 0)
        continue;
      found = TRUE;
      g_assert_cmpint (!!(tok->flags & c->flag), ==, c->set);
    }
  g_assert_true (found);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (sentence_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/segment/sentences/%u", i);
      g_test_add_data_func (path, &sentence_cases[i], test_sentences);
    }
  for (guint i = 0; i < G_N_ELEMENTS (flag_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/segment/flags/%u", i);
      g_test_add_data_func (path, &flag_cases[i], test_flags);
    }
  g_test_add_func ("/segment/spans-tile", test_spans_tile);

  int status = g_test_run ();
  test_common_cleanup ();
  return status;
}
