/* format-conllu.c — plain CoNLL-U: the ten standard columns, saywho's
 * layers in MISC.
 *
 *   # newdoc id = asia/talks.txt
 *   # quote Q1 = kind=direct speaker=official:xi-jinping span=1:6 mention=14:24 cue=9:13
 *   # sent_id = asia/talks.txt#1
 *   # text = "We go," said Xi Jinping.
 *   1	"	"	_	_	_	_	_	_	SpaceAfter=No|TokenRange=0:1
 *   2	We	we	_	_	_	_	_	_	Quote=B-Q1|Speaker=official:xi-jinping|TokenRange=1:3
 *   …
 *   7	Xi	xi	_	_	_	_	_	_	NE=B-PER|Entity=official:xi-jinping|TokenRange=14:16
 *
 * LEMMA holds the Snowball stem; UPOS to DEPS are `_`, as CoNLL-U allows for
 * layers a tool does not produce.  MISC carries, in this order: NE=<tag>
 * (the form spaCy's CoNLL-U converter reads: NE=B-PER; absent means O),
 * Entity=<id>, Quote=B-Qn / I-Qn, Speaker=<id>, SpaceAfter=No where no
 * white space follows the token, and TokenRange=start:end in code points
 * into the document, as UDPipe writes it.
 *
 * Comments only ever precede a sentence (a reader such as spaCy's strips
 * them from the front of each block), so the quotation lines that conllup
 * puts after the last sentence come here before the first one, after
 * `# newdoc id`.  A document without tokens has no sentence to carry its
 * comments and is left out.
 */
#include "format.h"

#include <string.h>

static void
append_span (GString *out, const SaywhoDocument *doc, SaywhoSpan span)
{
  if (span.start >= span.end || span.end > doc->tokens->len)
    {
      g_string_append_c (out, '_');
      return;
    }
  saywho_format_append_uint (out, saywho_document_token (doc, span.start)->char_start);
  g_string_append_c (out, ':');
  saywho_format_append_uint (out, saywho_document_token (doc, span.end - 1)->char_end);
}

/* MISC values may hold neither '|' nor white space. */
static void
append_misc_value (GString *out, const char *value)
{
  gsize start = out->len;
  saywho_format_append_field (out, value, strlen (value));
  for (gsize i = start; i < out->len; i++)
    if (out->str[i] == '|')
      out->str[i] = '_';
}

static void
append_quote_comments (GString *out, const SaywhoDocument *doc)
{
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      g_string_append (out, "# quote Q");
      saywho_format_append_uint (out, q + 1);
      g_string_append (out, quote->kind == SAYWHO_QUOTE_DIRECT ? " = kind=direct"
                                                               : " = kind=indirect");
      g_string_append (out, " speaker=");
      if (quote->speaker != NULL)
        append_misc_value (out, quote->speaker);
      else
        g_string_append_c (out, '_');
      g_string_append (out, " span=");
      append_span (out, doc, quote->span);
      g_string_append (out, " mention=");
      append_span (out, doc, quote->mention);
      g_string_append (out, " cue=");
      append_span (out, doc, quote->cue);
      g_string_append_c (out, '\n');
    }
}

static void
conllu_document (const SaywhoFormat *format, const SaywhoDocument *doc, GString *out)
{
  if (doc->tokens->len == 0)
    return;
  g_autofree SaywhoTokenLabels *labels = saywho_format_token_labels (doc);

  g_string_append (out, "# newdoc id = ");
  saywho_format_append_oneline (out, doc->id, strlen (doc->id));
  g_string_append_c (out, '\n');
  append_quote_comments (out, doc);

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
          gsize len;
          const char *form = saywho_token_text (doc, tok, &len);

          saywho_format_append_uint (out, i - sentence->start + 1);
          g_string_append_c (out, '\t');
          saywho_format_append_field (out, form, len);
          g_string_append_c (out, '\t');
          if (tok->stem != NULL && *tok->stem != '\0')
            saywho_format_append_field (out, tok->stem, strlen (tok->stem));
          else
            g_string_append_c (out, '_');
          g_string_append (out, "\t_\t_\t_\t_\t_\t_\t");

          char prefix = saywho_format_ner_prefix (doc, labels, i, format->options.tag_scheme);
          if (prefix != 0)
            {
              const SaywhoEntity *entity = &g_array_index (doc->entities, SaywhoEntity,
                                                           label->entity);
              g_string_append (out, "NE=");
              g_string_append_c (out, prefix);
              g_string_append_c (out, '-');
              g_string_append (out, saywho_entity_type_name (entity->type));
              if (entity->id != NULL)
                {
                  g_string_append (out, "|Entity=");
                  append_misc_value (out, entity->id);
                }
              g_string_append_c (out, '|');
            }
          if (label->quote >= 0)
            {
              const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, label->quote);
              g_string_append (out, label->quote_begin ? "Quote=B-Q" : "Quote=I-Q");
              saywho_format_append_uint (out, (guint64) label->quote + 1);
              if (quote->speaker != NULL)
                {
                  g_string_append (out, "|Speaker=");
                  append_misc_value (out, quote->speaker);
                }
              g_string_append_c (out, '|');
            }
          if (!(tok->flags & SAYWHO_TOKEN_SPACE_AFTER))
            g_string_append (out, "SpaceAfter=No|");
          g_string_append (out, "TokenRange=");
          saywho_format_append_uint (out, tok->char_start);
          g_string_append_c (out, ':');
          saywho_format_append_uint (out, tok->char_end);
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }
}

const SaywhoFormat saywho_format_conllu = {
  .name = "conllu",
  .extension = "conllu",
  .description = "CoNLL-U: 10 columns, stem as LEMMA, NE= Entity= Quote= Speaker= in MISC",
  .document = conllu_document,
};
