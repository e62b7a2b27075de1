/* format-conllup.c — CoNLL-U Plus, saywho's default output.
 *
 *   # global.columns = ID FORM STEM START END NER ENTITY QUOTE SPEAKER
 *   # newdoc id = asia/talks.txt
 *   # sent_id = asia/talks.txt#1
 *   # text = Xi said so.
 *   1	Xi	xi	0	2	B-PER	official:xi-jinping	O	_
 *
 * START and END are code-point offsets into the document (END exclusive);
 * NER is IOB2 unless the format's options ask for another tag scheme.
 * After the last sentence of a document, one comment line per quotation:
 *   # quote Q1 = kind=direct speaker=ID mention=START:END cue=START:END
 * with character offsets, and `_` where there is no speaker, mention or cue.
 */
#include "format.h"

#include <string.h>

#define COLUMNS "ID FORM STEM START END NER ENTITY QUOTE SPEAKER"

static void
conllup_header (const SaywhoFormat *format, GString *out)
{
  g_string_append (out, "# global.columns = " COLUMNS "\n");
}

void
saywho_format_append_oneline (GString *out, const char *s, gsize len)
{
  /* Bytes that may start a line break or a tab. */
  static const guchar suspect[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [0xC2] = 1, [0xE2] = 1,
  };
  gsize start = 0;
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) s[i];
      if (G_LIKELY (!suspect[c]))
        continue;
      gsize skip = 0;
      if (c < 0x80)
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
conllup_document (const SaywhoFormat *format, const SaywhoDocument *doc, GString *out)
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

      saywho_format_append_sentence_comments (out, doc, s);

      for (guint i = sentence->start; i < sentence->end; i++)
        {
          const SaywhoToken *tok = saywho_document_token (doc, i);
          const SaywhoTokenLabels *label = &labels[i];
          const char *stem = tok->stem != NULL ? tok->stem : "_";
          const char *type = NULL, *entity_id = "_", *speaker = "_";
          guint quote_number = 0;
          if (label->entity >= 0)
            {
              const SaywhoEntity *entity = &g_array_index (doc->entities, SaywhoEntity,
                                                           label->entity);
              type = saywho_entity_type_name (entity->type);
              entity_id = entity->id != NULL ? entity->id : "_";
            }
          if (label->quote >= 0)
            {
              const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote,
                                                         label->quote);
              quote_number = (guint) label->quote + 1;
              speaker = quote->speaker != NULL ? quote->speaker : "_";
            }
          gsize form_len = tok->byte_end - tok->byte_start;
          /* most tokens are outside any entity and quotation: "_" */
          gsize stem_len = strlen (stem);
          gsize entity_len = label->entity >= 0 ? strlen (entity_id) : 1;
          gsize speaker_len = label->quote >= 0 ? strlen (speaker) : 1;

          /* One reservation per line, then plain stores: this loop writes
           * most of saywho's output bytes. */
          char *p = saywho_format_reserve (out, form_len + stem_len + entity_len + speaker_len
                                                  + 4 * 12 + 32);
          p = saywho_format_put_uint (p, i - sentence->start + 1);
          *p++ = '\t';
          p = saywho_format_put_bytes (p, doc->text + tok->byte_start, form_len);
          *p++ = '\t';
          p = saywho_format_put_bytes (p, stem, stem_len);
          *p++ = '\t';
          p = saywho_format_put_uint (p, tok->char_start);
          *p++ = '\t';
          p = saywho_format_put_uint (p, tok->char_end);
          *p++ = '\t';
          if (type != NULL)
            {
              *p++ = saywho_format_ner_prefix (doc, labels, i, format->options.tag_scheme);
              *p++ = '-';
              gsize type_len = strlen (type);
              p = saywho_format_put_bytes (p, type, type_len);
            }
          else
            *p++ = 'O';
          *p++ = '\t';
          p = saywho_format_put_bytes (p, entity_id, entity_len);
          *p++ = '\t';
          if (quote_number > 0)
            {
              *p++ = label->quote_begin ? 'B' : 'I';
              *p++ = '-';
              *p++ = 'Q';
              p = saywho_format_put_uint (p, quote_number);
            }
          else
            *p++ = 'O';
          *p++ = '\t';
          p = saywho_format_put_bytes (p, speaker, speaker_len);
          *p++ = '\n';
          saywho_format_commit (out, p);
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
