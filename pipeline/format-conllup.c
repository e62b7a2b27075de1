/* format-conllup.c — CoNLL-U Plus, saywho's default output.
 *
 *   # global.columns = ID FORM STEM START END NER ENTITY QUOTE SPEAKER
 *   # newdoc id = asia/talks.txt
 *   # sent_id = asia/talks.txt#1
 *   # text = Xi said so.
 *   1	Xi	xi	0	2	B-PER	official:xi-jinping	O	_
 *
 * START and END are code-point offsets into the document (END exclusive).
 * After the last sentence of a document, one comment line per quotation:
 *   # quote Q1 = kind=direct speaker=ID mention=START:END cue=START:END
 * with character offsets, and `_` where there is no speaker, mention or cue.
 */
#include "format.h"

#include <string.h>

#define COLUMNS "ID FORM STEM START END NER ENTITY QUOTE SPEAKER"

static void
conllup_header (GString *out)
{
  g_string_append (out, "# global.columns = " COLUMNS "\n");
}

void
saywho_format_append_oneline (GString *out, const char *s, gsize len)
{
  gsize start = 0;
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) s[i];
      gsize skip = 0;
      if (c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f')
        skip = 1;
      else if (c == 0xC2 && i + 1 < len && (guchar) s[i + 1] == 0x85)
        skip = 2;
      else if (c == 0xE2 && i + 2 < len && (guchar) s[i + 1] == 0x80
               && ((guchar) s[i + 2] == 0xA8 || (guchar) s[i + 2] == 0xA9))
        skip = 3;
      if (skip == 0)
        continue;
      g_string_append_len (out, s + start, (gssize) (i - start));
      g_string_append_c (out, ' ');
      i += skip - 1;
      start = i + 1;
    }
  g_string_append_len (out, s + start, (gssize) (len - start));
}

/* Doc ids may hold spaces; a sent_id may not. */
static void
append_id_nospace (GString *out, const char *id)
{
  for (const char *p = id; *p; p++)
    g_string_append_c (out, g_ascii_isspace (*p) ? '_' : *p);
}

static void
append_span (GString *out, const SaywhoDocument *doc, SaywhoSpan span)
{
  if (span.start >= span.end)
    {
      g_string_append_c (out, '_');
      return;
    }
  saywho_format_append_uint (out, saywho_document_token (doc, span.start)->char_start);
  g_string_append_c (out, ':');
  saywho_format_append_uint (out, saywho_document_token (doc, span.end - 1)->char_end);
}

static void
conllup_document (const SaywhoDocument *doc, GString *out)
{
  g_autofree SaywhoTokenLabels *labels = saywho_format_token_labels (doc);

  g_string_append (out, "# newdoc id = ");
  saywho_format_append_oneline (out, doc->id, strlen (doc->id));
  g_string_append_c (out, '\n');

  for (guint s = 0; s < doc->sentences->len; s++)
    {
      const SaywhoSpan *sentence = &g_array_index (doc->sentences, SaywhoSpan, s);
      if (sentence->start >= sentence->end)
        continue;
      const SaywhoToken *first = saywho_document_token (doc, sentence->start);
      const SaywhoToken *last = saywho_document_token (doc, sentence->end - 1);

      g_string_append (out, "# sent_id = ");
      append_id_nospace (out, doc->id);
      g_string_append_c (out, '#');
      saywho_format_append_uint (out, s + 1);
      g_string_append (out, "\n# text = ");
      saywho_format_append_oneline (out, doc->text + first->byte_start,
                                    last->byte_end - first->byte_start);
      g_string_append_c (out, '\n');

      for (guint i = sentence->start; i < sentence->end; i++)
        {
          const SaywhoToken *tok = saywho_document_token (doc, i);
          const SaywhoTokenLabels *label = &labels[i];

          saywho_format_append_uint (out, i - sentence->start + 1);
          g_string_append_c (out, '\t');
          g_string_append_len (out, doc->text + tok->byte_start,
                               (gssize) (tok->byte_end - tok->byte_start));
          g_string_append_c (out, '\t');
          g_string_append (out, tok->stem != NULL ? tok->stem : "_");
          g_string_append_c (out, '\t');
          saywho_format_append_uint (out, tok->char_start);
          g_string_append_c (out, '\t');
          saywho_format_append_uint (out, tok->char_end);
          g_string_append_c (out, '\t');
          if (label->entity >= 0)
            {
              const SaywhoEntity *entity = &g_array_index (doc->entities, SaywhoEntity,
                                                           label->entity);
              g_string_append (out, label->entity_begin ? "B-" : "I-");
              g_string_append (out, saywho_entity_type_name (entity->type));
              g_string_append_c (out, '\t');
              g_string_append (out, entity->id != NULL ? entity->id : "_");
            }
          else
            g_string_append (out, "O\t_");
          g_string_append_c (out, '\t');
          if (label->quote >= 0)
            {
              const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote,
                                                         label->quote);
              g_string_append (out, label->quote_begin ? "B-Q" : "I-Q");
              saywho_format_append_uint (out, (guint) label->quote + 1);
              g_string_append_c (out, '\t');
              g_string_append (out, quote->speaker != NULL ? quote->speaker : "_");
            }
          else
            g_string_append (out, "O\t_");
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }

  for (guint q = 0; q < doc->quotes->len; q++)
    {
      const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      g_string_append (out, "# quote Q");
      saywho_format_append_uint (out, q + 1);
      g_string_append (out, quote->kind == SAYWHO_QUOTE_DIRECT ? " = kind=direct"
                                                               : " = kind=indirect");
      g_string_append (out, " speaker=");
      g_string_append (out, quote->speaker != NULL ? quote->speaker : "_");
      g_string_append (out, " span=");
      append_span (out, doc, quote->span);
      g_string_append (out, " mention=");
      append_span (out, doc, quote->mention);
      g_string_append (out, " cue=");
      append_span (out, doc, quote->cue);
      g_string_append_c (out, '\n');
    }
  if (doc->quotes->len > 0)
    g_string_append_c (out, '\n');
}

const SaywhoFormat saywho_format_conllup = {
  .name = "conllup",
  .extension = "conllup",
  .description = "CoNLL-U Plus: ID FORM STEM START END NER ENTITY QUOTE SPEAKER (default)",
  .header = conllup_header,
  .document = conllup_document,
  .footer = NULL,
};
