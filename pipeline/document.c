/* document.c — the Document and its string pool. */
#include "document.h"

#include <string.h>

SaywhoDocument *
saywho_document_new_take (const char *id, const char *source, char *text, gsize length)
{
  SaywhoDocument *doc = g_new0 (SaywhoDocument, 1);

  doc->id = g_strdup (id);
  doc->source = g_strdup (source);
  doc->text = text;
  doc->length = length;
  doc->tokens = g_array_new (FALSE, FALSE, sizeof (SaywhoToken));
  doc->sentences = g_array_new (FALSE, FALSE, sizeof (SaywhoSpan));
  doc->paragraphs = g_array_new (FALSE, FALSE, sizeof (SaywhoSpan));
  doc->entities = g_array_new (FALSE, FALSE, sizeof (SaywhoEntity));
  doc->quotes = g_array_new (FALSE, FALSE, sizeof (SaywhoQuote));
  /* Norms and stems take roughly as many bytes as the text. */
  doc->strings = g_string_chunk_new (MAX (length, 1024));
  return doc;
}

SaywhoDocument *
saywho_document_new (const char *id, const char *text)
{
  gsize length = strlen (text);
  return saywho_document_new_take (id, NULL, g_memdup2 (text, length + 1), length);
}

void
saywho_document_free (SaywhoDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->id);
  g_free (doc->source);
  g_free (doc->text);
  g_array_unref (doc->tokens);
  g_array_unref (doc->sentences);
  g_array_unref (doc->paragraphs);
  g_array_unref (doc->entities);
  g_array_unref (doc->quotes);
  g_string_chunk_free (doc->strings);
  g_free (doc);
}

const char *
saywho_document_intern (SaywhoDocument *doc, const char *s, gssize len)
{
  return g_string_chunk_insert_len (doc->strings, s, len);
}

static const char *const entity_type_names[] = {
  [SAYWHO_ENTITY_PER] = "PER",
  [SAYWHO_ENTITY_ORG] = "ORG",
  [SAYWHO_ENTITY_LOC] = "LOC",
  [SAYWHO_ENTITY_MISC] = "MISC",
};

const char *
saywho_entity_type_name (SaywhoEntityType type)
{
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (entity_type_names), "MISC");
  return entity_type_names[type];
}

gboolean
saywho_entity_type_parse (const char *name, SaywhoEntityType *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_type_names); i++)
    if (g_strcmp0 (name, entity_type_names[i]) == 0)
      {
        *out = (SaywhoEntityType) i;
        return TRUE;
      }
  return FALSE;
}
