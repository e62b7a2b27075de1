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

char *
saywho_format_put_field_general (char *p, const char *s, gsize len)
{
  /* Every splitting character but the ASCII ones starts with a byte of
   * 0xC2, 0xE1, 0xE2, 0xE3 or 0xEF: skip the others cheaply. */
  const char *end = s + len, *run = s;
  for (const char *q = s; q < end; q = g_utf8_next_char (q))
    {
      guchar c = (guchar) *q;
      if (c > 0x20 && c != 0x7F && c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3
          && c != 0xEF)
        continue;
      if (!splits_fields (g_utf8_get_char (q)))
        continue;
      p = saywho_format_put_bytes (p, run, (gsize) (q - run));
      *p++ = '_';
      run = g_utf8_next_char (q);
    }
  if (run < end)
    p = saywho_format_put_bytes (p, run, (gsize) (end - run));
  return p;
}

void
saywho_format_append_field (GString *out, const char *s, gsize len)
{
  saywho_format_commit (out, saywho_format_put_field (saywho_format_reserve (out, len), s, len));
}

void
saywho_format_presize (GString *out, gsize n)
{
  if (out->len + n < out->allocated_len)
    return;
  if (out->len > 0)
    {
      saywho_format_reserve (out, n);
      return;
    }
  /* str, len and allocated_len are GString's public fields; str is
   * g_free()d with it. */
  g_free (out->str);
  out->allocated_len = n + 1;
  out->str = g_malloc (out->allocated_len);
  out->str[0] = '\0';
}

const char saywho_format_digit_pairs[201] =
  "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
  "8081828384858687888990919293949596979899";

char *
saywho_format_put_uint_large (char *p, guint64 value)
{
  const char *pairs = saywho_format_digit_pairs;
  guint digits = 7;
  for (guint64 v = value / 10000000; v > 0; v /= 10)
    digits++;
  char *end = p + digits;
  char *q = end;
  while (value >= 100)
    {
      guint pair = (guint) (value % 100) * 2;
      value /= 100;
      *--q = pairs[pair + 1];
      *--q = pairs[pair];
    }
  if (value >= 10)
    {
      *--q = pairs[value * 2 + 1];
      *--q = pairs[value * 2];
    }
  else
    *--q = (char) ('0' + value);
  return end;
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
  memset (labels, 0xFF, n * sizeof *labels);  /* every index -1 */

  for (guint e = 0; e < doc->entities->len; e++)
    {
      const SaywhoEntity *entity = &g_array_index (doc->entities, SaywhoEntity, e);
      guint end = MIN (entity->span.end, n);
      for (guint i = entity->span.start; i < end; i++)
        labels[i].entity = (gint32) e;
    }
  /* Where quotations nest, the inner one (later in the array) labels its
   * tokens: it is the more specific attribution. */
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      guint end = MIN (quote->span.end, n);
      for (guint i = quote->span.start; i < end; i++)
        labels[i].quote = (gint32) q;
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
  gboolean begin = saywho_format_entity_begins (doc, labels, i);
  gboolean last = i + 1 >= n || labels[i + 1].entity != label->entity
                  || saywho_format_entity_begins (doc, labels, i + 1);
  switch (scheme)
    {
    case SAYWHO_TAG_IOB2:
      return begin ? 'B' : 'I';
    case SAYWHO_TAG_IOB1:
      {
        /* B- only tells two touching mentions of one type apart; a sentence
         * break already separates them for every reader. */
        if (!begin || i == 0 || labels[i - 1].entity < 0)
          return 'I';
        const SaywhoEntity *here = &g_array_index (doc->entities, SaywhoEntity, label->entity);
        const SaywhoEntity *before = &g_array_index (doc->entities, SaywhoEntity,
                                                     labels[i - 1].entity);
        gboolean same_sentence = saywho_document_token (doc, i - 1)->sentence
                                 == saywho_document_token (doc, i)->sentence;
        return before->type == here->type && same_sentence ? 'B' : 'I';
      }
    case SAYWHO_TAG_BIOES:
      return begin ? (last ? 'S' : 'B') : (last ? 'E' : 'I');
    case SAYWHO_TAG_BILOU:
      return begin ? (last ? 'U' : 'B') : (last ? 'L' : 'I');
    }
  return 'I';
}

char *
saywho_format_sent_id_prefix (const SaywhoDocument *doc, gsize *len)
{
  static const char label[] = "# sent_id = ";
  gsize id_len = strlen (doc->id);
  char *prefix = g_malloc (sizeof label + id_len + 1);
  memcpy (prefix, label, sizeof label - 1);
  char *p = prefix + sizeof label - 1;
  for (gsize i = 0; i < id_len; i++)
    *p++ = g_ascii_isspace (doc->id[i]) ? '_' : doc->id[i];
  *p++ = '#';
  *p = '\0';
  *len = (gsize) (p - prefix);
  return prefix;
}

void
saywho_format_append_quote_comment (GString *out, const SaywhoDocument *doc, guint q,
                                    const char *speaker, gsize speaker_len)
{
  const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
  /* The line's fixed text, its number, three spans and the speaker. */
  char *p = saywho_format_reserve (out, 128 + 20 + 3 * 41 + speaker_len);
  p = SAYWHO_FORMAT_PUT_LITERAL (p, "# quote Q");
  p = saywho_format_put_uint (p, q + 1);
  if (quote->kind == SAYWHO_QUOTE_DIRECT)
    p = SAYWHO_FORMAT_PUT_LITERAL (p, " = kind=direct speaker=");
  else
    p = SAYWHO_FORMAT_PUT_LITERAL (p, " = kind=indirect speaker=");
  p = saywho_format_put_bytes (p, speaker, speaker_len);
  p = SAYWHO_FORMAT_PUT_LITERAL (p, " span=");
  p = saywho_format_put_span (p, doc, quote->span);
  p = SAYWHO_FORMAT_PUT_LITERAL (p, " mention=");
  p = saywho_format_put_span (p, doc, quote->mention);
  p = SAYWHO_FORMAT_PUT_LITERAL (p, " cue=");
  p = saywho_format_put_span (p, doc, quote->cue);
  *p++ = '\n';
  saywho_format_commit (out, p);
}

void
saywho_format_append_sentence_comments_with (GString *out, const SaywhoDocument *doc, guint s,
                                             const char *prefix, gsize prefix_len)
{
  static const char text_label[] = "\n# text = ";
  const SaywhoSpan *sentence = &g_array_index (doc->sentences, SaywhoSpan, s);
  char *p = saywho_format_reserve (out, prefix_len + 20 + sizeof text_label);
  p = saywho_format_put_bytes (p, prefix, prefix_len);
  p = saywho_format_put_uint (p, s + 1);
  memcpy (p, text_label, sizeof text_label - 1);
  saywho_format_commit (out, p + sizeof text_label - 1);
  const SaywhoToken *first = saywho_document_token (doc, sentence->start);
  const SaywhoToken *last = saywho_document_token (doc, sentence->end - 1);
  saywho_format_append_oneline (out, doc->text + first->byte_start,
                                last->byte_end - first->byte_start);
  g_string_append_c (out, '\n');
}

void
saywho_format_append_sentence_comments (GString *out, const SaywhoDocument *doc, guint s)
{
  gsize prefix_len;
  g_autofree char *prefix = saywho_format_sent_id_prefix (doc, &prefix_len);
  saywho_format_append_sentence_comments_with (out, doc, s, prefix, prefix_len);
}
