/* speakers.c — the speakers stage: who each quotation's speaker is.
 *
 * The quotes stage leaves each quotation with the mention of its speaker
 * at the cue.  Here the mention becomes an entity id:
 *   - a name: its entity;
 *   - a phrase holding a name ("a Commerce Department spokesperson", "a
 *     report by the SIA"): that entity;
 *   - he, she: the person last named before it, outside quotations;
 *     it: the organization (or country) last named; they: the same, or
 *     unknown;
 *   - a definite noun from lexicons/speaker-nouns.tsv ("the ministry", "the
 *     spokesman"): the organization, person or country last named, an
 *     organization whose name holds the noun first; an indefinite one ("an
 *     official", "analysts") stays unknown;
 *   - a quotation with no cue at all continues the speaker of the
 *     quotation just before it, within two paragraphs.
 * The pronoun or noun stays the quotation's mention; the entity becomes
 * its speaker.
 */
#include "stages.h"
#include "../pipeline/lexicon.h"
#include "../pipeline/strmap.h"

#include <string.h>

typedef enum { NOUN_NONE, NOUN_PERSON, NOUN_ORG, NOUN_COUNTRY } NounClass;

typedef struct {
  SaywhoStrMap *nouns;   /* norm → NounClass (singular and plural norms) */
} Speakers;

/* Marks the tokens inside direct quotations: names there are quoted, not
 * speakers. */
static gboolean *
mark_quoted (const SaywhoDocument *doc)
{
  gboolean *in = g_new0 (gboolean, doc->tokens->len + 1);
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      if (quote->kind == SAYWHO_QUOTE_DIRECT)
        for (guint i = quote->span.start; i < quote->span.end; i++)
          in[i] = TRUE;
    }
  return in;
}

static gboolean
is_country (const SaywhoEntity *e)
{
  return e->type == SAYWHO_ENTITY_LOC && e->id != NULL && g_str_has_prefix (e->id, "country:");
}

/* The entity last named before token i that fits the wanted class. */
static const SaywhoEntity *
last_named (const SaywhoDocument *doc, const gboolean *quoted, guint i, NounClass want,
            const char *head)
{
  const SaywhoEntity *fallback = NULL;
  for (guint k = saywho_document_entity_from (doc, i); k-- > 0;)
    {
      const SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, k);
      if (e->span.start >= i || quoted[e->span.start])
        continue;
      gboolean fits = (want == NOUN_PERSON && e->type == SAYWHO_ENTITY_PER)
                      || (want == NOUN_ORG && e->type == SAYWHO_ENTITY_ORG)
                      || (want == NOUN_COUNTRY && is_country (e));
      if (!fits)
        continue;
      if (head == NULL || e->name == NULL)
        return e;
      /* "the ministry": an organization whose name holds the word wins. */
      g_autofree char *name = g_utf8_casefold (e->name, -1);
      if (strstr (name, head) != NULL)
        return e;
      if (fallback == NULL)
        fallback = e;
    }
  return fallback;
}

/* The speaker of the last quotation before token i, when it is recent
 * (the same or the previous two paragraphs) and of the wanted type. */
static const SaywhoEntity *
recent_speaker (const SaywhoDocument *doc, guint i, SaywhoEntityType type)
{
  guint paragraph = saywho_document_token (doc, i)->paragraph;
  for (guint q = doc->quotes->len; q-- > 0;)
    {
      const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      if (quote->span.start >= i || quote->speaker == NULL)
        continue;
      if (saywho_document_token (doc, quote->span.start)->paragraph + 2 < paragraph)
        return NULL;
      for (guint k = saywho_document_entity_from (doc, quote->span.start); k-- > 0;)
        {
          const SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, k);
          if (e->type == type && g_strcmp0 (e->id, quote->speaker) == 0)
            return e;
        }
      return NULL;
    }
  return NULL;
}

static const SaywhoEntity *
resolve (const Speakers *sp, const SaywhoDocument *doc, const gboolean *quoted, SaywhoSpan mention)
{
  if (mention.end <= mention.start || mention.end > doc->tokens->len)
    return NULL;
  /* A name in the mention. */
  for (guint i = mention.start; i < mention.end; i++)
    {
      gint e = saywho_document_entity_at (doc, i);
      if (e >= 0)
        {
          const SaywhoEntity *ent = &g_array_index (doc->entities, SaywhoEntity, e);
          /* "Chinese officials": a nationality is no speaker; but "the
           * Dutchman" stands for a person */
          if (ent->type != SAYWHO_ENTITY_MISC)
            return ent;
          if (ent->span.end == mention.end && ent->span.start > 0
              && strcmp (saywho_document_token (doc, ent->span.start - 1)->norm, "the") == 0)
            return last_named (doc, quoted, mention.start, NOUN_PERSON, NULL);
          /* "the Jordanian government": the country itself, which is the
           * nationality's link */
          if (ent->id != NULL && g_str_has_prefix (ent->id, "country:"))
            {
              const SaywhoToken *head = saywho_document_token (doc, mention.end - 1);
              guint32 cls = NOUN_NONE;
              if (saywho_strmap_lookup (sp->nouns, head->norm, head->norm_hash, &cls)
                  && cls == NOUN_COUNTRY)
                return ent;
            }
        }
    }
  const SaywhoToken *first = saywho_document_token (doc, mention.start);
  if (mention.end == mention.start + 1)
    {
      const char *p = first->norm;
      if (strcmp (p, "he") == 0 || strcmp (p, "she") == 0)
        {
          /* The person just quoted is the likeliest "he" or "she"; then
           * the person last named. */
          const SaywhoEntity *speaker = recent_speaker (doc, mention.start, SAYWHO_ENTITY_PER);
          const SaywhoEntity *named = last_named (doc, quoted, mention.start, NOUN_PERSON, NULL);
          if (speaker != NULL && (named == NULL
                                  || saywho_document_token (doc, named->span.start)->sentence
                                       != saywho_document_token (doc, mention.start)->sentence))
            return speaker;
          return named;
        }
      if (strcmp (p, "it") == 0 || strcmp (p, "they") == 0)
        {
          const SaywhoEntity *org = last_named (doc, quoted, mention.start, NOUN_ORG, NULL);
          const SaywhoEntity *country = last_named (doc, quoted, mention.start, NOUN_COUNTRY, NULL);
          if (org == NULL)
            return strcmp (p, "it") == 0 ? country : NULL;
          if (country != NULL && country->span.start > org->span.start && strcmp (p, "it") == 0)
            return country;
          return org;
        }
    }
  /* A definite noun phrase: its head noun. */
  if (mention.start == 0)
    return NULL;
  const SaywhoToken *before = saywho_document_token (doc, mention.start - 1);
  gboolean definite = strcmp (before->norm, "the") == 0 || strcmp (before->norm, "this") == 0;
  if (!definite)
    return NULL;
  const SaywhoToken *head = saywho_document_token (doc, mention.end - 1);
  guint32 cls = NOUN_NONE;
  if (!saywho_strmap_lookup (sp->nouns, head->norm, head->norm_hash, &cls))
    return NULL;
  return last_named (doc, quoted, mention.start, (NounClass) cls, head->norm);
}

static gboolean
speakers_process (gpointer shared, gpointer worker, SaywhoDocument *doc, GError **error)
{
  const Speakers *sp = shared;
  (void) worker;
  (void) error;
  const SaywhoQuote *previous = NULL;
  g_autofree gboolean *quoted = mark_quoted (doc);
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      const SaywhoEntity *e = resolve (sp, doc, quoted, quote->mention);
      if (e != NULL)
        {
          quote->speaker = e->id;
          quote->speaker_name = e->name;
        }
      else if (quote->cue.end <= quote->cue.start && previous != NULL && previous->speaker != NULL
               && quote->kind == SAYWHO_QUOTE_DIRECT
               && saywho_document_token (doc, quote->span.start)->paragraph
                    <= saywho_document_token (doc, previous->span.end - 1)->paragraph + 2)
        {
          /* No attribution: the speaker goes on talking. */
          quote->speaker = previous->speaker;
          quote->speaker_name = previous->speaker_name;
        }
      if (quote->kind == SAYWHO_QUOTE_DIRECT || quote->speaker != NULL)
        previous = quote;
    }
  return TRUE;
}

static gboolean
add_noun (char **c, guint ncolumns, guint line, gpointer user_data, GError **error)
{
  Speakers *sp = user_data;
  (void) ncolumns;
  (void) line;
  NounClass cls;
  if (strcmp (c[1], "person") == 0)
    cls = NOUN_PERSON;
  else if (strcmp (c[1], "org") == 0)
    cls = NOUN_ORG;
  else if (strcmp (c[1], "country") == 0)
    cls = NOUN_COUNTRY;
  else
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                   "unknown class '%s' (person, org or country)", c[1]);
      return FALSE;
    }
  g_autofree char *norm = g_utf8_casefold (c[0], -1);
  saywho_strmap_insert (sp->nouns, norm, saywho_str_hash (norm, -1), cls);
  return TRUE;
}

static void
speakers_destroy (gpointer shared)
{
  Speakers *sp = shared;
  saywho_strmap_free (sp->nouns);
  g_free (sp);
}

static gpointer
speakers_create (const SaywhoConfig *config, GError **error)
{
  Speakers *sp = g_new0 (Speakers, 1);
  sp->nouns = saywho_strmap_new ();
  if (!saywho_lexicon_read (config->lexicon_dir, "speaker-nouns.tsv", 2, 2, add_noun, sp, error))
    {
      speakers_destroy (sp);
      return NULL;
    }
  return sp;
}

const SaywhoStageClass saywho_stage_speakers = {
  .name = "speakers",
  .create = speakers_create,
  .destroy = speakers_destroy,
  .process = speakers_process,
};
