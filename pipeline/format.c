/* format.c — the format registry and what every writer shares. */
#include "format.h"

extern const SaywhoFormat saywho_format_conllup;
extern const SaywhoFormat saywho_format_conll2003;
extern const SaywhoFormat saywho_format_conllu;
extern const SaywhoFormat saywho_format_jsonl;
extern const SaywhoFormat saywho_format_html;

static const SaywhoFormat *const builtin_formats[] = {
  &saywho_format_conllup,
  &saywho_format_conll2003,
  &saywho_format_conllu,
  &saywho_format_jsonl,
  &saywho_format_html,
  NULL,
};

static const char *const tag_scheme_names[] = {
  [SAYWHO_TAG_IOB2] = "iob2",
  [SAYWHO_TAG_IOB1] = "iob1",
  [SAYWHO_TAG_BIOES] = "bioes",
  [SAYWHO_TAG_BILOU] = "bilou",
};

gboolean
saywho_tag_scheme_parse (const char *name, SaywhoTagScheme *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (tag_scheme_names); i++)
    if (name != NULL && g_ascii_strcasecmp (name, tag_scheme_names[i]) == 0)
      {
        *out = (SaywhoTagScheme) i;
        return TRUE;
      }
  return FALSE;
}

const char *
saywho_tag_scheme_name (SaywhoTagScheme scheme)
{
  return (guint) scheme < G_N_ELEMENTS (tag_scheme_names) ? tag_scheme_names[scheme] : "iob2";
}

const SaywhoFormat *const *
saywho_format_registry (void)
{
  return builtin_formats;
}

const SaywhoFormat *
saywho_format_lookup (const char *name)
{
  for (guint i = 0; builtin_formats[i] != NULL; i++)
    if (g_strcmp0 (builtin_formats[i]->name, name) == 0)
      return builtin_formats[i];
  return NULL;
}

static gboolean
splits_fields (gunichar c)
{
  return c <= 0x20 || c == 0x7F || c == 0x85 || c == 0xA0 || c == 0x1680
         || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F
         || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

void
saywho_format_append_field (GString *out, const char *s, gsize len)
{
  const char *end = s + len, *run = s;
  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    {
      /* Every splitting character but the ASCII ones starts with a byte
       * of 0xC2, 0xE1, 0xE2, 0xE3 or 0xEF: skip the rest cheaply. */
      guchar c = (guchar) *p;
      if (c > 0x20 && c != 0x7F && c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3
          && c != 0xEF)
        continue;
      if (!splits_fields (g_utf8_get_char (p)))
        continue;
      g_string_append_len (out, run, p - run);
      g_string_append_c (out, '_');
      run = g_utf8_next_char (p);
    }
  g_string_append_len (out, run, end - run);
}

void
saywho_format_append_uint (GString *out, guint64 value)
{
  saywho_format_commit (out, saywho_format_put_uint (saywho_format_reserve (out, 20), value));
}

SaywhoTokenLabels *
saywho_format_token_labels (const SaywhoDocument *doc)
{
  guint n = doc->tokens->len;
  SaywhoTokenLabels *labels = g_new (SaywhoTokenLabels, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    labels[i] = (SaywhoTokenLabels) { .entity = -1, .quote = -1 };

  for (guint e = 0; e < doc->entities->len; e++)
    {
      const SaywhoEntity *entity = &g_array_index (doc->entities, SaywhoEntity, e);
      for (guint i = entity->span.start; i < entity->span.end && i < n; i++)
        {
          labels[i].entity = (gint32) e;
          labels[i].entity_begin = i == entity->span.start;
        }
    }
  /* Where quotations nest, the inner one (later in the array) labels its
   * tokens: it is the more specific attribution. */
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      for (guint i = quote->span.start; i < quote->span.end && i < n; i++)
        {
          labels[i].quote = (gint32) q;
          labels[i].quote_begin = i == quote->span.start;
        }
    }
  return labels;
}

char
saywho_format_ner_prefix (const SaywhoDocument *doc, const SaywhoTokenLabels *labels,
                          guint i, SaywhoTagScheme scheme)
{
  const SaywhoTokenLabels *label = &labels[i];
  if (label->entity < 0)
    return 0;
  guint n = doc->tokens->len;
  gboolean last = i + 1 >= n || labels[i + 1].entity != label->entity
                  || labels[i + 1].entity_begin;
  switch (scheme)
    {
    case SAYWHO_TAG_IOB2:
      return label->entity_begin ? 'B' : 'I';
    case SAYWHO_TAG_IOB1:
      {
        /* B- only tells two touching mentions of one type apart; a sentence
         * break already separates them for every reader. */
        if (!label->entity_begin || i == 0 || labels[i - 1].entity < 0)
          return 'I';
        const SaywhoEntity *here = &g_array_index (doc->entities, SaywhoEntity, label->entity);
        const SaywhoEntity *before = &g_array_index (doc->entities, SaywhoEntity,
                                                     labels[i - 1].entity);
        gboolean same_sentence = saywho_document_token (doc, i - 1)->sentence
                                 == saywho_document_token (doc, i)->sentence;
        return before->type == here->type && same_sentence ? 'B' : 'I';
      }
    case SAYWHO_TAG_BIOES:
      return label->entity_begin ? (last ? 'S' : 'B') : (last ? 'E' : 'I');
    case SAYWHO_TAG_BILOU:
      return label->entity_begin ? (last ? 'U' : 'B') : (last ? 'L' : 'I');
    }
  return 'I';
}

void
saywho_format_append_sentence_comments (GString *out, const SaywhoDocument *doc, guint s)
{
  const SaywhoSpan *sentence = &g_array_index (doc->sentences, SaywhoSpan, s);
  const SaywhoToken *first = saywho_document_token (doc, sentence->start);
  const SaywhoToken *last = saywho_document_token (doc, sentence->end - 1);
  g_string_append (out, "# sent_id = ");
  for (const char *p = doc->id; *p; p++)
    g_string_append_c (out, g_ascii_isspace (*p) ? '_' : *p);
  g_string_append_c (out, '#');
  saywho_format_append_uint (out, s + 1);
  g_string_append (out, "\n# text = ");
  saywho_format_append_oneline (out, doc->text + first->byte_start,
                                last->byte_end - first->byte_start);
  g_string_append_c (out, '\n');
}
