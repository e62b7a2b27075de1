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
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define COLUMNS "ID FORM STEM START END NER ENTITY QUOTE SPEAKER"

static void
conllup_header (const SaywhoFormat *format, GString *out)
{
  g_string_append (out, "# global.columns = " COLUMNS "\n");
}

/* The general case of saywho_format_append_oneline(), from the first
 * byte that may start a line break or a tab. */
static void
append_oneline_slow (GString *out, const char *s, gsize len)
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

/* A bit for each of the sixteen bytes at s (bit k for s[k]) that may
 * start something the comment lines replace: a byte up to 0x0D (tab to
 * carriage return are 0x09 to 0x0D) or 0xC2 or 0xE2 (U+0085, U+2028 and
 * U+2029 start with them; they are the bytes that are 0xE2 once bit 0x20
 * is set).  Each flagged byte is then looked at itself. */
static inline guint
oneline_suspects16 (const char *s)
{
#ifdef __SSE2__
  __m128i x = _mm_loadu_si128 ((const __m128i *) (const void *) s);
  __m128i control = _mm_cmpeq_epi8 (_mm_min_epu8 (x, _mm_set1_epi8 (0x0D)), x);
  __m128i lead = _mm_cmpeq_epi8 (_mm_or_si128 (x, _mm_set1_epi8 (0x20)),
                                 _mm_set1_epi8 ((char) 0xE2));
  return (guint) _mm_movemask_epi8 (_mm_or_si128 (control, lead));
#else
  /* Eight bytes at a time: a byte below 0x0E borrows in w - 0x0E…, and
   * C2 or E2 is zero in v, which borrows in v - 0x01…; a borrow may flag a
   * byte above a flagged one too, which is then looked at to no end.  The
   * multiplication gathers the eight high bits into the top byte. */
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  guint mask = 0;
  for (guint half = 0; half < 2; half++)
    {
      guint64 w;
      memcpy (&w, s + 8 * half, 8);
      guint64 v = (w | 0x20 * ones) ^ (0xE2 * ones);
      guint64 flags = (((w - 0x0E * ones) & ~w) | ((v - ones) & ~v)) & (0x80 * ones);
      mask |= (guint) (((flags >> 7) * G_GUINT64_CONSTANT (0x0102040810204080)) >> 56)
              << (8 * half);
    }
  return mask;
#endif
}

/* Looks at the bytes of s flagged in mask (bit k for s[base + k]): turns a
 * tab or an ASCII line break into a space in p; returns the offset of the
 * first multi-byte line break, or len where there is none. */
static inline gsize
oneline_fix (const char *s, char *p, gsize len, gsize base, guint mask)
{
  for (; mask != 0; mask &= mask - 1)
    {
      gsize i = base + (gsize) __builtin_ctz (mask);
      guchar c = (guchar) s[i];
      if (c >= '\t' && c <= '\r')
        p[i] = ' ';
      else if ((c == 0xC2 && i + 1 < len && (guchar) s[i + 1] == 0x85)
               || (c == 0xE2 && i + 2 < len && (guchar) s[i + 1] == 0x80
                   && ((guchar) s[i + 2] == 0xA8 || (guchar) s[i + 2] == 0xA9)))
        return i;
    }
  return len;
}

void
saywho_format_append_oneline (GString *out, const char *s, gsize len)
{
  /* Every sentence's text goes through here.  It is copied whole, then
   * looked at sixteen bytes a step; only the bytes that may start a tab or
   * a line break are looked at one by one (the E2 of a curly quotation
   * mark, mostly).  A tab or an ASCII line break becomes a space in place;
   * the first multi-byte line break, which shortens the text, hands the
   * rest to the general loop. */
  char *p = saywho_format_reserve (out, len);
  memcpy (p, s, len);
  gsize i = 0, stop = len;
  guint mask;
  for (; len - i >= 16; i += 16)
    if (G_UNLIKELY ((mask = oneline_suspects16 (s + i)) != 0)
        && (stop = oneline_fix (s, p, len, i, mask)) < len)
      goto general;
  if (i < len)
    {
      gsize base = 0;
      if (len >= 16)
        {
          /* The last sixteen bytes, less those looked at already. */
          base = len - 16;
          mask = oneline_suspects16 (s + base) & (~0u << (i - base));
        }
      else
        mask = (1u << len) - 1;  /* fewer than sixteen bytes in all: look at each */
      if ((stop = oneline_fix (s, p, len, base, mask)) < len)
        goto general;
    }
  saywho_format_commit (out, p + len);
  return;

general:
  saywho_format_commit (out, p + stop);
  append_oneline_slow (out, s + stop, len - stop);
}


/* A string and its length, worked out once per document. */
typedef struct {
  const char *str;
  guint32 len;
} Field;

/* a where c holds, else b: with a mask, not a branch, which the compiler
 * would otherwise make of a choice between two pointers. */
static inline const char *
pick (gboolean c, const char *a, const char *b)
{
  guintptr mask = (guintptr) 0 - (guintptr) (c != 0);
  return (const char *) (((guintptr) a & mask) | ((guintptr) b & ~mask));
}

/* Copies the n bytes at s to p, like saywho_format_put_bytes(), but may
 * write up to four bytes of garbage past p + n (there must be room), and
 * s must be NUL-terminated, as a token's stem is: below eight bytes it
 * takes no branch on n, which changes from one stem to the next beyond
 * what a branch predictor can follow.  It reads nothing outside s and its
 * NUL: the four-byte copies, which would for fewer than four bytes, are
 * then made from a buffer of zeros, and the byte copies after them put the
 * right bytes over what they wrote. */
static inline char *
put_stem (char *p, const char *s, gsize n)
{
  static const char zeros[4];
  if (n >= 8)
    return saywho_format_put_bytes (p, s, n);
  /* 4 to 7 bytes: the first four and the last four */
  const char *from = pick (n >= 4, s, zeros);
  gsize last = (n - 4) & (gsize) -(gssize) (n >= 4);
  memcpy (p, from, 4);
  memcpy (p + last, from + last, 4);
  /* 1 to 3 bytes: the first, the middle and the last (for none, the NUL) */
  last = (n - 1) & (gsize) -(gssize) (n >= 1);
  p[0] = s[0];
  p[n / 2] = s[n / 2];
  p[last] = s[last];
  return p + n;
}

/* The token lines of sentence span, written from p (the end of out, not
 * committed yet; there is room for `longest` bytes there); returns the new
 * end, still not committed, with room for a few more bytes after it.
 * longest bounds what a line takes beyond its form and stem, with some
 * slack. */
static char *
put_tokens (GString *out, char *p, const SaywhoDocument *doc, const SaywhoTokenLabels *labels,
            SaywhoTagScheme scheme, SaywhoSpan span, const Field *types,
            const Field *entity_ids, const Field *speakers, gsize longest)
{
  /* Everything the loop reads is in locals: a store through p may alias
   * any memory as far as the compiler knows, which would make it read the
   * document's fields again after every store. */
  const SaywhoToken *tokens = saywho_document_token (doc, 0);
  const char *text = doc->text;
  gsize readable = doc->length + 1;  /* the text and its NUL */
  const SaywhoEntity *entities = (const SaywhoEntity *) (void *) doc->entities->data;
  const SaywhoQuote *quotes = (const SaywhoQuote *) (void *) doc->quotes->data;
  char *limit = out->str + out->allocated_len;
  guint number = 1;
  for (guint i = span.start; i < span.end; i++, number++)
    {
      const SaywhoToken *tok = &tokens[i];
      const SaywhoTokenLabels *label = &labels[i];
      const char *stem = tok->stem;
      gsize stem_len = tok->stem_len;
      if (stem == NULL)
        {
          stem = "_";
          stem_len = 1;
        }
      guint32 byte_start = tok->byte_start;
      gsize form_len = tok->byte_end - byte_start;

      /* One check for room per line, then plain stores: this loop writes
       * most of saywho's output bytes.  A line takes some 110 bytes besides
       * its form, its stem and the longest entity and speaker columns;
       * longest counts 128, so a blank line and the NUL fit after it. */
      gsize need = form_len + stem_len + longest;
      if ((gsize) (limit - p) <= need)
        {
          saywho_format_commit (out, p);
          p = saywho_format_reserve (out, need);
          limit = out->str + out->allocated_len;
        }
      p = saywho_format_put_uint (p, number);
      *p++ = '\t';
      /* The text is NUL-terminated, so up to doc->length + 1 bytes may be
       * read: a short form is then one fixed 16-byte copy, the bytes after
       * it overwritten by the next columns (longest leaves room for it). */
      if (form_len <= 16 && byte_start + 16 <= readable)
        {
          memcpy (p, text + byte_start, 16);
          p += form_len;
        }
      else
        p = saywho_format_put_bytes (p, text + byte_start, form_len);
      *p++ = '\t';
      p = put_stem (p, stem, stem_len);
      *p++ = '\t';
      p = saywho_format_put_uint (p, tok->char_start);
      *p++ = '\t';
      p = saywho_format_put_uint (p, tok->char_end);
      *p++ = '\t';
      /* Most tokens are outside every entity and quotation: each of those
       * halves of the line is then one 4-byte store. */
      if (label->entity < 0)
        p = SAYWHO_FORMAT_PUT_LITERAL (p, "O\t_\t");
      else
        {
          const Field *type = &types[label->entity], *id = &entity_ids[label->entity];
          if (scheme == SAYWHO_TAG_IOB2)
            *p++ = entities[label->entity].span.start == i ? 'B' : 'I';
          else
            *p++ = saywho_format_ner_prefix (doc, labels, i, scheme);
          *p++ = '-';
          p = saywho_format_put_bytes (p, type->str, type->len);
          *p++ = '\t';
          p = saywho_format_put_bytes (p, id->str, id->len);
          *p++ = '\t';
        }
      if (label->quote < 0)
        p = SAYWHO_FORMAT_PUT_LITERAL (p, "O\t_\n");
      else
        {
          const Field *speaker = &speakers[label->quote];
          *p++ = quotes[label->quote].span.start == i ? 'B' : 'I';
          *p++ = '-';
          *p++ = 'Q';
          p = saywho_format_put_uint (p, (guint) label->quote + 1);
          *p++ = '\t';
          p = saywho_format_put_bytes (p, speaker->str, speaker->len);
          *p++ = '\n';
        }
    }
  return p;
}

static void
conllup_document (const SaywhoFormat *format, const SaywhoDocument *doc, GString *out)
{
  g_autofree SaywhoTokenLabels *labels = saywho_format_token_labels (doc);
  SaywhoTagScheme scheme = format->options.tag_scheme;
  guint n_tokens = doc->tokens->len, n_entities = doc->entities->len;
  guint n_quotes = doc->quotes->len;

  gsize prefix_len;
  g_autofree char *sent_id_prefix = saywho_format_sent_id_prefix (doc, &prefix_len);

  /* The NER type, entity id and speaker columns repeat for every token of a
   * mention or quotation: measure them once, not once per token.  longest
   * bounds what one line needs beyond its form and stem; size estimates the
   * whole output (a line is some 24 bytes besides its form and stem, which
   * are about the text twice over, and the comments hold the text once
   * more), so that the buffer is allocated once, not grown and copied. */
  g_autofree Field *fields = g_new (Field, 2 * n_entities + n_quotes + 1);
  Field *types = fields, *entity_ids = fields + n_entities, *speakers = fields + 2 * n_entities;
  gsize longest_entity = 0, longest_speaker = 0;
  gsize size = 3 * doc->length + 28 * (gsize) n_tokens
               + (prefix_len + 32) * doc->sentences->len + strlen (doc->id) + 64;
  Field type_names[4] = { { NULL, 0 } };  /* by type, measured once */
  for (guint e = 0; e < n_entities; e++)
    {
      const SaywhoEntity *entity = &g_array_index (doc->entities, SaywhoEntity, e);
      const char *id = entity->id != NULL ? entity->id : "_";
      guint type = (guint) entity->type;
      if (type < G_N_ELEMENTS (type_names))
        {
          if (type_names[type].str == NULL)
            {
              const char *name = saywho_entity_type_name (entity->type);
              type_names[type] = (Field) { name, (guint32) strlen (name) };
            }
          types[e] = type_names[type];
        }
      else
        {
          const char *name = saywho_entity_type_name (entity->type);
          types[e] = (Field) { name, (guint32) strlen (name) };
        }
      entity_ids[e] = (Field) { id, (guint32) strlen (id) };
      longest_entity = MAX (longest_entity, (gsize) types[e].len + entity_ids[e].len);
      size += saywho_span_length (entity->span) * (types[e].len + entity_ids[e].len);
    }
  for (guint q = 0; q < n_quotes; q++)
    {
      const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      const char *speaker = quote->speaker != NULL ? quote->speaker : "_";
      speakers[q] = (Field) { speaker, (guint32) strlen (speaker) };
      longest_speaker = MAX (longest_speaker, (gsize) speakers[q].len);
      size += saywho_span_length (quote->span) * (speakers[q].len + 8)
              + speakers[q].len + 200;
    }
  /* Four numbers of at most 20 digits, nine separators, the tags, and the
   * 16-byte copy of a short form. */
  gsize longest = longest_entity + longest_speaker + 4 * 20 + 48;
  saywho_format_presize (out, size);

  g_string_append (out, "# newdoc id = ");
  saywho_format_append_oneline (out, doc->id, strlen (doc->id));
  g_string_append_c (out, '\n');

  for (guint s = 0; s < doc->sentences->len; s++)
    {
      SaywhoSpan sentence = g_array_index (doc->sentences, SaywhoSpan, s);
      if (sentence.start >= sentence.end)
        continue;

      saywho_format_append_sentence_comments_with (out, doc, s, sent_id_prefix, prefix_len);
      char *p = saywho_format_reserve (out, longest);
      p = put_tokens (out, p, doc, labels, scheme, sentence, types, entity_ids, speakers,
                      longest);
      *p++ = '\n';  /* the blank line after the sentence */
      saywho_format_commit (out, p);
    }

  for (guint q = 0; q < n_quotes; q++)
    saywho_format_append_quote_comment (out, doc, q, speakers[q].str, speakers[q].len);
  if (n_quotes > 0)
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
