/* format-jsonl.c — one JSON object a line per document: standoff spans.
 *
 *   {"id":"asia/talks.txt",
 *    "entities":[{"start":14,"end":24,"type":"PER","id":"official:xi-jinping",
 *                 "kind":"official","name":"Xi Jinping","text":"Xi Jinping"}],
 *    "quotes":[{"n":1,"start":1,"end":6,"kind":"direct","text":"We go,",
 *               "cue":{"start":9,"end":13,"text":"said"},
 *               "mention":{"start":14,"end":24,"text":"Xi Jinping"},
 *               "speaker":{"id":"official:xi-jinping","name":"Xi Jinping"}}]}
 *
 * (one line in the output).  Offsets are Unicode code points into the
 * document's text, end exclusive, as in every saywho format: Python's
 * text[start:end]; JavaScript and Java count UTF-16 units instead and must
 * convert.  Every key is always present; what is unknown is null.  The
 * schema is pipeline/saywho-jsonl.schema.json.  "n" is the quotation's
 * number, Qn in the CoNLL formats.
 */
#include "format.h"

#include <json-glib/json-glib.h>
#include <string.h>

static gboolean
span_chars (const SaywhoDocument *doc, SaywhoSpan span, guint32 *start, guint32 *end,
            const char **text, gsize *len)
{
  if (span.start >= span.end || span.end > doc->tokens->len)
    return FALSE;
  const SaywhoToken *first = saywho_document_token (doc, span.start);
  const SaywhoToken *last = saywho_document_token (doc, span.end - 1);
  *start = first->char_start;
  *end = last->char_end;
  *text = doc->text + first->byte_start;
  *len = last->byte_end - first->byte_start;
  return TRUE;
}

static void
add_string_or_null (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_text (JsonBuilder *b, const char *text, gsize len)
{
  g_autofree char *copy = g_strndup (text, len);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, copy);
}

/* {"start", "end", "text"} for a span, or null when it is empty. */
static void
add_span (JsonBuilder *b, const char *member, const SaywhoDocument *doc, SaywhoSpan span)
{
  guint32 start, end;
  const char *text;
  gsize len;
  json_builder_set_member_name (b, member);
  if (!span_chars (doc, span, &start, &end, &text, &len))
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "start");
  json_builder_add_int_value (b, start);
  json_builder_set_member_name (b, "end");
  json_builder_add_int_value (b, end);
  add_text (b, text, len);
  json_builder_end_object (b);
}

char *
saywho_format_jsonl_record (const SaywhoDocument *doc)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  /* A file name need not be UTF-8; JSON must be. */
  g_autofree char *id = g_utf8_make_valid (doc->id, -1);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);

  json_builder_set_member_name (b, "entities");
  json_builder_begin_array (b);
  for (guint e = 0; e < doc->entities->len; e++)
    {
      const SaywhoEntity *entity = &g_array_index (doc->entities, SaywhoEntity, e);
      guint32 start, end;
      const char *text;
      gsize len;
      if (!span_chars (doc, entity->span, &start, &end, &text, &len))
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, start);
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, end);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, saywho_entity_type_name (entity->type));
      add_string_or_null (b, "id", entity->id);
      add_string_or_null (b, "kind", entity->kind);
      add_string_or_null (b, "name", entity->name);
      add_text (b, text, len);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "quotes");
  json_builder_begin_array (b);
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      guint32 start, end;
      const char *text;
      gsize len;
      if (!span_chars (doc, quote->span, &start, &end, &text, &len))
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "n");
      json_builder_add_int_value (b, q + 1);
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, start);
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, end);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, quote->kind == SAYWHO_QUOTE_DIRECT ? "direct"
                                                                           : "indirect");
      add_text (b, text, len);
      add_span (b, "cue", doc, quote->cue);
      add_span (b, "mention", doc, quote->mention);
      json_builder_set_member_name (b, "speaker");
      if (quote->speaker != NULL)
        {
          json_builder_begin_object (b);
          add_string_or_null (b, "id", quote->speaker);
          add_string_or_null (b, "name", quote->speaker_name);
          json_builder_end_object (b);
        }
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  g_autoptr (JsonNode) root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static void
jsonl_document (const SaywhoFormat *format, const SaywhoDocument *doc, GString *out)
{
  g_autofree char *record = saywho_format_jsonl_record (doc);
  g_string_append (out, record);
  g_string_append_c (out, '\n');
}

const SaywhoFormat saywho_format_jsonl = {
  .name = "jsonl",
  .extension = "jsonl",
  .description = "JSON Lines: one object per document, entity and quotation spans as offsets",
  .document = jsonl_document,
};
