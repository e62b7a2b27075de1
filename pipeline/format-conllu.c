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


/* A MISC value, written once per document into a pool: at offset in it,
 * len bytes; present is FALSE where there is no value at all. */
typedef struct {
  gsize offset;
  guint32 len;
  gboolean present;
} MiscValue;

/* MISC values may hold neither '|' nor white space. */
static MiscValue
add_misc_value (GString *pool, const char *value)
{
  if (value == NULL)
    return (MiscValue) { 0 };
  gsize start = pool->len;
  saywho_format_append_field (pool, value, strlen (value));
  for (gsize i = start; i < pool->len; i++)
    if (pool->str[i] == '|')
      pool->str[i] = '_';
  return (MiscValue) { start, (guint32) (pool->len - start), TRUE };
}

static void
conllu_document (const SaywhoFormat *format, const SaywhoDocument *doc, GString *out)
{
  if (doc->tokens->len == 0)
    return;
  g_autofree SaywhoTokenLabels *labels = saywho_format_token_labels (doc);
  SaywhoTagScheme scheme = format->options.tag_scheme;
  guint n_entities = doc->entities->len, n_quotes = doc->quotes->len;

  /* The entity ids and speakers as MISC values, and the type names, once
   * per document rather than once per token of a mention or quotation.
   * longest bounds what a token line takes beyond its form and stem. */
  g_autoptr (GString) pool = g_string_new (NULL);
  g_autofree MiscValue *values = g_new (MiscValue, n_entities + n_quotes + 1);
  MiscValue *entity_ids = values, *speakers = values + n_entities;
  g_autofree const char **types = g_new (const char *, n_entities + 1);
  g_autofree guint32 *type_lens = g_new (guint32, n_entities + 1);
  gsize longest_entity = 0, longest_speaker = 0;
  gsize prefix_len;
  g_autofree char *sent_id_prefix = saywho_format_sent_id_prefix (doc, &prefix_len);
  /* size estimates the whole output, so that it is allocated once rather
   * than grown and copied: a token line is some 40 bytes besides its form
   * and stem (about the text twice over), the comments hold the text once
   * more. */
  gsize size = 3 * doc->length + 44 * (gsize) doc->tokens->len
               + (prefix_len + 32) * doc->sentences->len + strlen (doc->id) + 64;
  for (guint e = 0; e < n_entities; e++)
    {
      const SaywhoEntity *entity = &g_array_index (doc->entities, SaywhoEntity, e);
      entity_ids[e] = add_misc_value (pool, entity->id);
      types[e] = saywho_entity_type_name (entity->type);
      type_lens[e] = (guint32) strlen (types[e]);
      longest_entity = MAX (longest_entity, (gsize) entity_ids[e].len + type_lens[e]);
      size += saywho_span_length (entity->span)
              * (entity_ids[e].len + type_lens[e] + 16);
    }
  for (guint q = 0; q < n_quotes; q++)
    {
      const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      speakers[q] = add_misc_value (pool, quote->speaker);
      longest_speaker = MAX (longest_speaker, (gsize) speakers[q].len);
      size += saywho_span_length (quote->span) * (speakers[q].len + 24)
              + speakers[q].len + 200;
    }
  saywho_format_presize (out, size);
  /* Four numbers of at most 20 digits and the fixed text of the columns
   * (under 80 bytes). */
  gsize longest = longest_entity + longest_speaker + 4 * 20 + 96;
  const char *misc = pool->str;

  g_string_append (out, "# newdoc id = ");
  saywho_format_append_oneline (out, doc->id, strlen (doc->id));
  g_string_append_c (out, '\n');

  for (guint q = 0; q < n_quotes; q++)
    {
      if (speakers[q].present)
        saywho_format_append_quote_comment (out, doc, q, misc + speakers[q].offset,
                                            speakers[q].len);
      else
        saywho_format_append_quote_comment (out, doc, q, "_", 1);
    }

  const SaywhoToken *tokens = saywho_document_token (doc, 0);
  for (guint s = 0; s < doc->sentences->len; s++)
    {
      SaywhoSpan sentence = g_array_index (doc->sentences, SaywhoSpan, s);
      if (sentence.start >= sentence.end)
        continue;

      saywho_format_append_sentence_comments_with (out, doc, s, sent_id_prefix, prefix_len);

      for (guint i = sentence.start; i < sentence.end; i++)
        {
          const SaywhoToken *tok = &tokens[i];
          const SaywhoTokenLabels *label = &labels[i];
          gsize len;
          const char *form = saywho_token_text (doc, tok, &len);

          /* One reservation per line, then plain stores. */
          char *p = saywho_format_reserve (out, len + tok->stem_len + longest);
          p = saywho_format_put_uint (p, i - sentence.start + 1);
          *p++ = '\t';
          p = saywho_format_put_field (p, form, len);
          *p++ = '\t';
          if (tok->stem != NULL && tok->stem_len > 0)
            p = saywho_format_put_field (p, tok->stem, tok->stem_len);
          else
            *p++ = '_';
          p = SAYWHO_FORMAT_PUT_LITERAL (p, "\t_\t_\t_\t_\t_\t_\t");

          if (label->entity >= 0)
            {
              guint e = (guint) label->entity;
              p = SAYWHO_FORMAT_PUT_LITERAL (p, "NE=");
              *p++ = saywho_format_ner_prefix (doc, labels, i, scheme);
              *p++ = '-';
              p = saywho_format_put_bytes (p, types[e], type_lens[e]);
              if (entity_ids[e].present)
                {
                  p = SAYWHO_FORMAT_PUT_LITERAL (p, "|Entity=");
                  p = saywho_format_put_bytes (p, misc + entity_ids[e].offset, entity_ids[e].len);
                }
              *p++ = '|';
            }
          if (label->quote >= 0)
            {
              guint q = (guint) label->quote;
              if (saywho_format_quote_begins (doc, labels, i))
                p = SAYWHO_FORMAT_PUT_LITERAL (p, "Quote=B-Q");
              else
                p = SAYWHO_FORMAT_PUT_LITERAL (p, "Quote=I-Q");
              p = saywho_format_put_uint (p, (guint64) q + 1);
              if (speakers[q].present)
                {
                  p = SAYWHO_FORMAT_PUT_LITERAL (p, "|Speaker=");
                  p = saywho_format_put_bytes (p, misc + speakers[q].offset, speakers[q].len);
                }
              *p++ = '|';
            }
          if (!(tok->flags & SAYWHO_TOKEN_SPACE_AFTER))
            p = SAYWHO_FORMAT_PUT_LITERAL (p, "SpaceAfter=No|");
          p = SAYWHO_FORMAT_PUT_LITERAL (p, "TokenRange=");
          p = saywho_format_put_uint (p, tok->char_start);
          *p++ = ':';
          p = saywho_format_put_uint (p, tok->char_end);
          *p++ = '\n';
          saywho_format_commit (out, p);
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
