/* format.c — the format registry and what every writer shares. */
#include "format.h"

extern const SaywhoFormat saywho_format_conllup;

static const SaywhoFormat *const builtin_formats[] = {
  &saywho_format_conllup,
  NULL,
};

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
