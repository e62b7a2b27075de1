/* format-conll2003.c — the four-column CoNLL-2003 layout.
 *
 *   -DOCSTART- -X- -X- O
 *
 *   China NN O B-LOC
 *   and NN O O
 *
 * One token a line, four fields separated by single spaces: the token, a
 * part-of-speech tag, a chunk tag and the NER tag; a blank line after each
 * sentence and `-DOCSTART- -X- -X- O` plus a blank line before each
 * document.  saywho tags neither parts of speech nor chunks: every token
 * gets the placeholders NN and O, which are labels the HuggingFace
 * conll2003 features know, so that loader accepts the file as it accepts
 * the shared-task data.  Readers that take the token from the first column
 * and the tag from the last (conlleval, spaCy's ner converter, Flair's
 * column corpus) need no placeholder at all.
 *
 * A token never holds white space in saywho, but a control character can
 * be a token of its own; since the readers split lines at any white space
 * (Python's str.split() counts some C0 controls as such), every character
 * that would split a field is written as '_'.  Documents have no ids in
 * this layout: the n-th -DOCSTART- is the n-th document.
 */
#include "format.h"

#include <string.h>

static void
conll2003_document (const SaywhoFormat *format, const SaywhoDocument *doc, GString *out)
{
  g_autofree SaywhoTokenLabels *labels = saywho_format_token_labels (doc);
  SaywhoTagScheme scheme = format->options.tag_scheme;

  g_string_append (out, "-DOCSTART- -X- -X- O\n\n");
  for (guint s = 0; s < doc->sentences->len; s++)
    {
      const SaywhoSpan *sentence = &g_array_index (doc->sentences, SaywhoSpan, s);
      if (sentence->start >= sentence->end)
        continue;
      for (guint i = sentence->start; i < sentence->end; i++)
        {
          gsize len;
          const char *form = saywho_token_text (doc, saywho_document_token (doc, i), &len);
          /* One reservation per line, then plain stores: the form (a field
           * never grows), the placeholders and a tag of at most 7 bytes. */
          char *p = saywho_format_reserve (out, len + 16);
          p = saywho_format_put_field (p, form, len);
          memcpy (p, " NN O ", 6);
          p += 6;
          char prefix = saywho_format_ner_prefix (doc, labels, i, scheme);
          if (prefix == 0)
            *p++ = 'O';
          else
            {
              const SaywhoEntity *entity = &g_array_index (doc->entities, SaywhoEntity,
                                                           labels[i].entity);
              const char *type = saywho_entity_type_name (entity->type);
              *p++ = prefix;
              *p++ = '-';
              p = saywho_format_put_bytes (p, type, strlen (type));
            }
          *p++ = '\n';
          saywho_format_commit (out, p);
        }
      g_string_append_c (out, '\n');
    }
}

const SaywhoFormat saywho_format_conll2003 = {
  .name = "conll2003",
  .extension = "conll",
  .description = "CoNLL-2003: token POS chunk NER, POS and chunk as placeholders NN and O",
  .document = conll2003_document,
};
