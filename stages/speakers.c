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

#include <stdlib.h>
#include <string.h>

/* NOUN_BODY: an organization noun that public bodies have in their names
 * ("the ministry", "the committee"): never a company, team or news
 * outlet's stand-in. */
/* NOUN_COMPANY: a noun only businesses answer to ("the company", "the
 * utility"): never a public body, international organization or outlet. */
typedef enum { NOUN_NONE, NOUN_PERSON, NOUN_ORG, NOUN_COUNTRY, NOUN_BODY, NOUN_COMPANY } NounClass;

typedef struct {
  SaywhoStrMap *nouns;   /* norm → NounClass (singular and plural norms) */
} Speakers;

/* "The entity last named before token i that fits" is asked for every
 * pronoun and noun mention.  A walk back over the entities answers it, but
 * grows with the document: past WALK entities, or when a document asks it
 * again and again far from its start, the question gets, once per
 * document, its answer for every entity index (answers), so that a
 * document costs no more than its size times the kinds of question. */
#define WALK 64

typedef struct {
  NounClass want;
  const char *head;      /* the head noun's norm; NULL for any name */
  gint *latest;          /* per entity k: the last entity up to k that fits, or -1 */
  gboolean answered;     /* latest is filled */
  guint asked;           /* times asked far from the start before that */
} Latest;

/* Per-thread scratch, and what the lookups found in the document so far. */
typedef struct {
  gsize size;            /* entities each array below has room for */
  guint8 *quoted;        /* per entity: 0 not asked yet, QUOTED or NOT_QUOTED */
  gboolean spans_known;  /* spans and span_ends hold the document's */
  guint nspans;
  Latest *latest;        /* the document's questions so far */
  guint nlatest;
  guint latest_size;     /* entries of latest allocated, each with `size` gints */
  SaywhoSpan *spans;     /* direct quotations, by start */
  guint *span_ends;      /* their running maximum end */
  gsize spans_size;
  gint *resolved;        /* per quotation q: the last up to q with a speaker, or -1 */
  gsize resolved_size;
  GHashTable *persons;   /* person id → GArray of its entities' indices, once asked */
  GHashTable *genders;   /* person id → MALE or FEMALE where the text says, once asked */
  gboolean genders_known; /* genders holds the document's (else it is empty) */
} Worker;

enum { MALE = 1, FEMALE = 2 };  /* bits: a person the text says both of is neither */

/* One document being resolved. */
typedef struct {
  const Speakers *sp;
  const SaywhoDocument *doc;
  Worker *w;
  guint q;               /* the quotation being resolved */
  gboolean in_order;     /* quotations by start, none with a speaker yet */
  guint hint;            /* where the last entity_from() ended */
} Ctx;

/* saywho_document_entity_from (doc, i), starting from where the last one
 * ended: mentions come nearly in text order, so that a few steps forward
 * most often find it without a search. */
static guint
entity_from (Ctx *c, guint i)
{
  const GArray *entities = c->doc->entities;
  guint k = c->hint;
  if (k <= entities->len && (k == 0 || g_array_index (entities, SaywhoEntity, k - 1).span.end <= i))
    for (guint steps = 0; steps < 8; steps++, k++)
      if (k == entities->len || g_array_index (entities, SaywhoEntity, k).span.end > i)
        return c->hint = k;
  return c->hint = saywho_document_entity_from (c->doc, i);
}

/* How many entities come before token i: those that end by i, less any
 * of them that start at i or later (an empty one). */
static guint
entities_before (Ctx *c, guint i)
{
  const GArray *entities = c->doc->entities;
  guint from = entity_from (c, i);
  while (from > 0 && g_array_index (entities, SaywhoEntity, from - 1).span.start >= i)
    from--;
  return from;
}

/* A spokesperson speaks for a body ("a ministry spokesman"), where other
 * people speak for themselves. */
static gboolean
is_spokesperson (const SaywhoToken *tok)
{
  return saywho_token_norm_is (tok, "spokesperson") || saywho_token_norm_is (tok, "spokesman")
         || saywho_token_norm_is (tok, "spokeswoman");
}

static gboolean
is_country (const SaywhoEntity *e)
{
  return e->type == SAYWHO_ENTITY_LOC && e->id != NULL && g_str_has_prefix (e->id, "country:");
}

static int
compare_spans (const void *a, const void *b)
{
  const SaywhoSpan *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start;
}

enum { NOT_QUOTED = 1, QUOTED = 2 };

/* Lists the direct quotations by start for quoted(). */
static void
list_spans (Ctx *c)
{
  const SaywhoDocument *doc = c->doc;
  Worker *w = c->w;
  guint n = 0;
  if (w->spans_size < doc->quotes->len)
    {
      w->spans_size = MAX (doc->quotes->len, w->spans_size * 2);
      g_free (w->spans);
      g_free (w->span_ends);
      w->spans = g_new (SaywhoSpan, w->spans_size);
      w->span_ends = g_new (guint, w->spans_size);
    }
  gboolean sorted = TRUE;
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      if (quote->kind != SAYWHO_QUOTE_DIRECT || quote->span.end <= quote->span.start)
        continue;
      if (n > 0 && quote->span.start < w->spans[n - 1].start)
        sorted = FALSE;
      w->spans[n++] = quote->span;
    }
  if (!sorted)
    qsort (w->spans, n, sizeof *w->spans, compare_spans);
  guint max = 0;
  for (guint k = 0; k < n; k++)
    w->span_ends[k] = max = MAX (max, w->spans[k].end);
  w->nspans = n;
  memset (w->quoted, 0, doc->entities->len);
  w->spans_known = TRUE;
}

/* Whether entity k starts inside a direct quotation: names there are
 * quoted, not speakers.  A token is inside one when a quotation that
 * starts at or before it ends after it. */
static gboolean
quoted (Ctx *c, guint k)
{
  Worker *w = c->w;
  if (!w->spans_known)
    list_spans (c);
  if (w->quoted[k] == 0)
    {
      guint t = g_array_index (c->doc->entities, SaywhoEntity, k).span.start;
      guint lo = 0, hi = w->nspans;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (w->spans[mid].start <= t)
            lo = mid + 1;
          else
            hi = mid;
        }
      w->quoted[k] = lo > 0 && w->span_ends[lo - 1] > t ? QUOTED : NOT_QUOTED;
    }
  return w->quoted[k] == QUOTED;
}

/* Whether strstr (g_utf8_casefold (name, -1), head) would find it.  Most
 * names are ASCII, whose case folding is lowering their letters: for them
 * the search compares lowered bytes, with no allocation. */
static gboolean
name_holds (const char *name, const char *head)
{
  const char *p = name;
  while (*p != '\0' && (guchar) *p < 0x80)
    p++;
  if (*p != '\0')
    {
      g_autofree char *folded = g_utf8_casefold (name, -1);
      return strstr (folded, head) != NULL;
    }
  if (*head == '\0')
    return TRUE;
  /* head's first byte, and its capital: the only bytes a match can start
   * at, tested before the comparison loop is set up */
  char first = head[0], capital = first >= 'a' && first <= 'z' ? first - 'a' + 'A' : first;
  for (p = name; *p != '\0'; p++)
    {
      if (*p != first && *p != capital)
        continue;
      gsize k = 0;
      /* g_ascii_tolower(), without its call */
      while (head[k] != '\0' && (p[k] >= 'A' && p[k] <= 'Z' ? p[k] - 'A' + 'a' : p[k]) == head[k])
        k++;
      if (head[k] == '\0')
        return TRUE;
    }
  return FALSE;
}

static gboolean
fits (const SaywhoEntity *e, NounClass want)
{
  return (want == NOUN_PERSON && e->type == SAYWHO_ENTITY_PER)
         || ((want == NOUN_ORG || want == NOUN_BODY || want == NOUN_COMPANY)
             && e->type == SAYWHO_ENTITY_ORG)
         || (want == NOUN_COUNTRY && is_country (e));
}

/* May a noun of class want ("the company", "the ministry") stand for e
 * when e's name does not hold it?  Not for a news outlet, which news text
 * names as a source ("polled by Reuters"), and for a public body's noun
 * not for a company or team either. */
/* Does the name end in a word that heads public bodies and other bodies
 * that are no business ("Nuclear Regulation Authority", "Nordic Maritime
 * Institute")? */
static gboolean
names_a_body (const char *name)
{
  static const char *const heads[] = {
    "authority", "agency", "ministry", "commission", "committee", "council", "department",
    "court", "office", "bureau", "parliament", "assembly", "senate", "government", "police",
    "army", "navy", "institute", "university", "association", "union", "party", "board",
    "tribunal", "league", "federation", "organization", "organisation", "society", "alliance",
  };
  if (name == NULL)
    return FALSE;
  const char *last = strrchr (name, ' ');
  last = last != NULL ? last + 1 : name;
  for (guint k = 0; k < G_N_ELEMENTS (heads); k++)
    if (g_ascii_strcasecmp (last, heads[k]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
may_stand_for (const SaywhoEntity *e, NounClass want)
{
  if (want == NOUN_COMPANY)
    return e->kind == NULL ? !names_a_body (e->name)
                           : strcmp (e->kind, "company") == 0 || strcmp (e->kind, "exchange") == 0;
  if (e->kind == NULL)
    return TRUE;
  if (strcmp (e->kind, "media") == 0)
    return FALSE;
  return want != NOUN_BODY || (strcmp (e->kind, "company") != 0 && strcmp (e->kind, "team") != 0);
}

/* The document's entry for a question, made (with no answers yet) when
 * new. */
static Latest *
question (Ctx *c, NounClass want, const char *head)
{
  Worker *w = c->w;
  for (guint k = 0; k < w->nlatest; k++)
    if (w->latest[k].want == want && g_strcmp0 (w->latest[k].head, head) == 0)
      return &w->latest[k];
  if (w->nlatest == w->latest_size)
    {
      w->latest_size = MAX (4, w->latest_size * 2);
      w->latest = g_renew (Latest, w->latest, w->latest_size);
      for (guint k = w->nlatest; k < w->latest_size; k++)
        w->latest[k].latest = g_new (gint, w->size);
    }
  Latest *l = &w->latest[w->nlatest++];
  l->want = want;
  l->head = head;
  l->asked = 0;
  l->answered = FALSE;
  return l;
}

/* For every entity index k, the last entity up to k that is no quoted name
 * and fits the wanted class (and, with a head, holds it in its name or has
 * no name). */
static const gint *
answers (Ctx *c, NounClass want, const char *head)
{
  Latest *l = question (c, want, head);
  if (l->answered)
    return l->latest;
  gint last = -1;
  for (guint k = 0; k < c->doc->entities->len; k++)
    {
      const SaywhoEntity *e = &g_array_index (c->doc->entities, SaywhoEntity, k);
      if (fits (e, want) && !quoted (c, k)
          && (head == NULL ? may_stand_for (e, want)
                           : e->name == NULL || name_holds (e->name, head)))
        last = (gint) k;
      l->latest[k] = last;
    }
  l->answered = TRUE;
  return l->latest;
}

/* The entity last named before token i that fits the wanted class: with a
 * head ("the ministry"), an organization whose name holds the word first. */
static const SaywhoEntity *
last_named (Ctx *c, guint i, NounClass want, const char *head)
{
  const SaywhoDocument *doc = c->doc;
  guint from = entities_before (c, i);
  if (from == 0)
    return NULL;
  /* A question the document keeps asking far from its start gets its
   * answers for every entity at once. */
  Latest *l = question (c, want, head);
  if (!l->answered && from > WALK && ++l->asked > 2)
    answers (c, want, head);
  if (l->answered)
    {
      gint k = l->latest[from - 1];
      if (k < 0 && head != NULL)
        k = answers (c, want, NULL)[from - 1];
      return k >= 0 ? &g_array_index (doc->entities, SaywhoEntity, k) : NULL;
    }
  const SaywhoEntity *fallback = NULL;
  guint stop = from > WALK ? from - WALK : 0;
  for (guint k = from; k-- > stop;)
    {
      const SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, k);
      if (!fits (e, want) || quoted (c, k))
        continue;
      if (head == NULL)
        {
          if (may_stand_for (e, want))
            return e;
          continue;  /* a news outlet for "it": no noun to look for */
        }
      if (e->name == NULL)
        return e;
      /* "the ministry": an organization whose name holds the word wins. */
      if (name_holds (e->name, head))
        return e;
      if (fallback == NULL && may_stand_for (e, want))
        fallback = e;
    }
  if (stop == 0)
    return fallback;
  /* Further back: the answers for every entity. */
  gint k = -1;
  if (head != NULL)
    k = answers (c, want, head)[stop - 1];
  if (k < 0 && fallback != NULL)
    return fallback;
  if (k < 0)
    k = answers (c, want, NULL)[stop - 1];
  return k >= 0 ? &g_array_index (doc->entities, SaywhoEntity, k) : NULL;
}

static void
free_indices (gpointer data)
{
  g_array_unref (data);
}

/* The last person entity before entity index `from` with the given id:
 * WALK entities back, then from the people's index, made once. */
static const SaywhoEntity *
last_person (Ctx *c, guint from, const char *id)
{
  const SaywhoDocument *doc = c->doc;
  Worker *w = c->w;
  guint stop = from > WALK ? from - WALK : 0;
  for (guint k = from; k-- > stop;)
    {
      const SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, k);
      if (e->type == SAYWHO_ENTITY_PER && g_strcmp0 (e->id, id) == 0)
        return e;
    }
  if (stop == 0)
    return NULL;
  from = stop;
  if (w->persons == NULL)
    {
      w->persons = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_indices);
      for (guint k = 0; k < doc->entities->len; k++)
        {
          const SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, k);
          if (e->type != SAYWHO_ENTITY_PER || e->id == NULL)
            continue;
          GArray *indices = g_hash_table_lookup (w->persons, e->id);
          if (indices == NULL)
            {
              indices = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (w->persons, (gpointer) e->id, indices);
            }
          g_array_append_val (indices, k);
        }
    }
  const GArray *indices = g_hash_table_lookup (w->persons, id);
  if (indices == NULL)
    return NULL;
  guint lo = 0, hi = indices->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (indices, guint, mid) < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 ? &g_array_index (doc->entities, SaywhoEntity,
                                  g_array_index (indices, guint, lo - 1))
                : NULL;
}

/* The gender an honorific gives the name after it ("Mr.", "Dame"), or 0;
 * by the first letter, as most words before a name are no honorific. */
static guint
honorific_gender (const SaywhoToken *tok)
{
  /* with their lengths, so that a word that starts like one is no
   * strlen() of every honorific */
#define HONORIFIC(word, gender) { word, sizeof word - 1, gender }
  static const struct {
    const char *word;
    guint32 len;
    guint gender;
  } honorifics[] = {
    HONORIFIC ("mr.", MALE), HONORIFIC ("mr", MALE), HONORIFIC ("sir", MALE),
    HONORIFIC ("lord", MALE), HONORIFIC ("king", MALE), HONORIFIC ("prince", MALE),
    HONORIFIC ("ms.", FEMALE), HONORIFIC ("ms", FEMALE), HONORIFIC ("mrs.", FEMALE),
    HONORIFIC ("mrs", FEMALE), HONORIFIC ("miss", FEMALE), HONORIFIC ("madam", FEMALE),
    HONORIFIC ("dame", FEMALE), HONORIFIC ("lady", FEMALE), HONORIFIC ("queen", FEMALE),
    HONORIFIC ("princess", FEMALE),
  };
#undef HONORIFIC
  if (tok->norm_len < 2)
    return 0;
  switch (tok->norm[0])
    {
    case 'm': case 's': case 'l': case 'k': case 'p': case 'd': case 'q':
      break;
    default:
      return 0;
    }
  for (guint m = 0; m < G_N_ELEMENTS (honorifics); m++)
    if (honorifics[m].len == tok->norm_len && honorifics[m].word[0] == tok->norm[0]
        && memcmp (tok->norm, honorifics[m].word, tok->norm_len) == 0)
      return honorifics[m].gender;
  return 0;
}

static void
note_gender (GHashTable *genders, const char *id, guint gender)
{
  guint old = GPOINTER_TO_UINT (g_hash_table_lookup (genders, id));
  g_hash_table_insert (genders, (gpointer) id, GUINT_TO_POINTER (old | gender));
}

/* What the document says of each person's gender: an honorific before a
 * mention ("Mr. Meng", "Ms. Castell"), and a report by a named person that
 * opens with "he" or "she" ("Castell wrote that she could no longer …").
 * A person the text says both of stays unknown. */
static GHashTable *
genders (Ctx *c)
{
  Worker *w = c->w;
  const SaywhoDocument *doc = c->doc;
  if (w->genders_known)
    return w->genders;
  /* One table for all the worker's documents, emptied after each: most
   * documents ask, and a new table for each cost more than filling it. */
  if (w->genders == NULL)
    w->genders = g_hash_table_new (g_str_hash, g_str_equal);
  w->genders_known = TRUE;
  for (guint k = 0; k < doc->entities->len; k++)
    {
      const SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, k);
      if (e->type != SAYWHO_ENTITY_PER || e->id == NULL || e->span.start == 0)
        continue;
      guint gender = honorific_gender (saywho_document_token (doc, e->span.start - 1));
      if (gender != 0)
        note_gender (w->genders, e->id, gender);
    }
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      if (quote->kind != SAYWHO_QUOTE_INDIRECT || quote->mention.end <= quote->mention.start)
        continue;
      gint e = saywho_document_entity_at (doc, quote->mention.start);
      if (e < 0)
        continue;
      const SaywhoEntity *ent = &g_array_index (doc->entities, SaywhoEntity, e);
      if (ent->type != SAYWHO_ENTITY_PER || ent->id == NULL)
        continue;
      const SaywhoToken *first = saywho_document_token (doc, quote->span.start);
      if (saywho_token_norm_is (first, "he"))
        note_gender (w->genders, ent->id, MALE);
      else if (saywho_token_norm_is (first, "she"))
        note_gender (w->genders, ent->id, FEMALE);
    }
  return w->genders;
}

/* May "he" (or "she") stand for e, as far as the text says? */
static gboolean
gender_fits (Ctx *c, const SaywhoEntity *e, guint gender)
{
  if (e == NULL || e->id == NULL)
    return TRUE;
  guint known = GPOINTER_TO_UINT (g_hash_table_lookup (genders (c), e->id));
  return known != (gender == MALE ? FEMALE : MALE);
}

/* The person last named before token i whom the pronoun's gender fits. */
static const SaywhoEntity *
last_person_fitting (Ctx *c, guint i, guint gender)
{
  const SaywhoDocument *doc = c->doc;
  guint from = entities_before (c, i);
  guint stop = from > WALK ? from - WALK : 0;
  for (guint k = from; k-- > stop;)
    {
      const SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, k);
      if (e->type == SAYWHO_ENTITY_PER && !quoted (c, k) && gender_fits (c, e, gender))
        return e;
    }
  return NULL;
}

/* The speaker of the last quotation before token i, when it is recent
 * (the same or the previous two paragraphs) and a person. */
static const SaywhoEntity *
recent_person (Ctx *c, guint i)
{
  const SaywhoDocument *doc = c->doc;
  guint paragraph = saywho_document_token (doc, i)->paragraph;
  const SaywhoQuote *quote = NULL;
  if (c->in_order)
    {
      /* Those after the current quotation have no speaker yet, and those
       * before it that start before i come first: the last of them with a
       * speaker is known (resolved). */
      guint lo = 0, hi = c->q;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (g_array_index (doc->quotes, SaywhoQuote, mid).span.start < i)
            lo = mid + 1;
          else
            hi = mid;
        }
      gint j = lo > 0 ? c->w->resolved[lo - 1] : -1;
      if (j >= 0)
        quote = &g_array_index (doc->quotes, SaywhoQuote, j);
    }
  else
    for (guint q = doc->quotes->len; q-- > 0 && quote == NULL;)
      {
        const SaywhoQuote *other = &g_array_index (doc->quotes, SaywhoQuote, q);
        if (other->span.start < i && other->speaker != NULL)
          quote = other;
      }
  if (quote == NULL)
    return NULL;
  if (saywho_document_token (doc, quote->span.start)->paragraph + 2 < paragraph)
    return NULL;
  /* Its last mention before i: the attribution may follow the quotation's
   * start ("“…,” said X") or lie inside it ("“…,” X said. “…”"). */
  return last_person (c, entity_from (c, i), quote->speaker);
}

/* Is e the first person named in the sentence just before tok's, near its
 * start, where a sentence's subject stands ("The founder of Brightwater,
 * Sergei Volkov, pleaded guilty")? */
static gboolean
opens_previous_sentence (const SaywhoDocument *doc, const SaywhoEntity *e, const SaywhoToken *tok)
{
  const SaywhoToken *first = saywho_document_token (doc, e->span.start);
  if (tok->sentence == 0 || first->sentence != tok->sentence - 1)
    return FALSE;
  SaywhoSpan sentence = g_array_index (doc->sentences, SaywhoSpan, first->sentence);
  if (e->span.start > sentence.start + 8)
    return FALSE;
  for (guint k = saywho_document_entity_from (doc, sentence.start); k < doc->entities->len; k++)
    {
      const SaywhoEntity *other = &g_array_index (doc->entities, SaywhoEntity, k);
      if (other->span.start >= e->span.start)
        break;
      if (other->type == SAYWHO_ENTITY_PER)
        return FALSE;
    }
  return TRUE;
}

/* The organization (of the wanted class) that opens the sentence before
 * token i's, within its first three tokens; NULL when none does. */
static const SaywhoEntity *
previous_subject (Ctx *c, guint i, NounClass want)
{
  const SaywhoDocument *doc = c->doc;
  guint s = saywho_document_token (doc, i)->sentence;
  if (s == 0 || s > doc->sentences->len)
    return NULL;
  SaywhoSpan sentence = g_array_index (doc->sentences, SaywhoSpan, s - 1);
  for (guint k = sentence.start; k < sentence.end && k < sentence.start + 3; k++)
    {
      gint e = saywho_document_entity_at (doc, k);
      if (e < 0)
        continue;
      const SaywhoEntity *ent = &g_array_index (doc->entities, SaywhoEntity, e);
      return fits (ent, want) && may_stand_for (ent, want) ? ent : NULL;
    }
  return NULL;
}

/* The entity an earlier appositive described with head's noun ("the
 * Foobar Forces, a paramilitary group,"), looking back from token i over
 * a few hundred tokens; NULL when none did. */
static const SaywhoEntity *
described_by (Ctx *c, guint i, const SaywhoToken *head)
{
  const SaywhoDocument *doc = c->doc;
  guint stop = i > 400 ? i - 400 : 0;
  /* The walk back compares hundreds of tokens with head: through a
   * pointer and with head's hash and length at hand, not read again
   * through doc and head after every token. */
  const SaywhoToken *tokens = (const SaywhoToken *) (const void *) doc->tokens->data;
  guint32 hash = head->norm_hash, len = head->norm_len;
  for (guint k = i; k-- > stop + 2;)
    {
      const SaywhoToken *t = &tokens[k];
      if (t->norm_hash != hash || t->norm_len != len || memcmp (t->norm, head->norm, len) != 0)
        continue;
      /* ", a|an [up to two words] noun" right after a name */
      for (guint d = 1; d <= 3 && d + 1 <= k - stop; d++)
        {
          const SaywhoToken *det = saywho_document_token (doc, k - d);
          if (!saywho_token_norm_is (det, "a") && !saywho_token_norm_is (det, "an"))
            {
              if (det->kind != SAYWHO_TOKEN_WORD)
                break;
              continue;
            }
          const SaywhoToken *comma = saywho_document_token (doc, k - d - 1);
          if (!saywho_token_norm_is (comma, ",") || k - d - 1 == 0)
            break;
          gint e = saywho_document_entity_at (doc, k - d - 2);
          if (e >= 0 && g_array_index (doc->entities, SaywhoEntity, e).type != SAYWHO_ENTITY_MISC)
            return &g_array_index (doc->entities, SaywhoEntity, e);
          /* "the Rapid Support Forces (RSF), a paramilitary group" */
          if (saywho_token_norm_is (saywho_document_token (doc, k - d - 2), ")") && k - d >= 5)
            {
              e = saywho_document_entity_at (doc, k - d - 3);
              if (e >= 0
                  && g_array_index (doc->entities, SaywhoEntity, e).type != SAYWHO_ENTITY_MISC)
                return &g_array_index (doc->entities, SaywhoEntity, e);
            }
          break;
        }
    }
  return NULL;
}

/* Does the noun of head come with "a" or "an" (and at most two words
 * between) in [from, to)? */
static gboolean
introduced_unnamed (const SaywhoDocument *doc, guint from, guint to, const SaywhoToken *head)
{
  for (guint k = from; k < to; k++)
    {
      const SaywhoToken *t = saywho_document_token (doc, k);
      if (t->norm_hash != head->norm_hash || t->norm_len != head->norm_len
          || memcmp (t->norm, head->norm, t->norm_len) != 0)
        continue;
      for (guint d = 1; d <= 3 && d <= k - from; d++)
        {
          const SaywhoToken *det = saywho_document_token (doc, k - d);
          if (saywho_token_norm_is (det, "a") || saywho_token_norm_is (det, "an"))
            return TRUE;
          if (det->kind != SAYWHO_TOKEN_WORD)
            break;
        }
    }
  return FALSE;
}

/* "A spokesperson said", "a company spokesman said": an unnamed
 * spokesperson speaks for the organization the story has just named (in
 * that sentence or the two before), of the class a modifier gives ("a
 * ministry spokesman"); an indefinite "an official" stays unknown. */
static const SaywhoEntity *
unnamed_spokesperson (Ctx *c, guint det, SaywhoSpan mention)
{
  const SaywhoDocument *doc = c->doc;
  const SaywhoToken *head = saywho_document_token (doc, mention.end - 1);
  if (!is_spokesperson (head))
    return NULL;
  NounClass want = NOUN_ORG;
  const char *noun = NULL;
  for (guint k = det; k + 1 < mention.end; k++)
    {
      const SaywhoToken *t = saywho_document_token (doc, k);
      guint32 cls = NOUN_NONE;
      if (saywho_strmap_lookup (c->sp->nouns, t->norm, t->norm_hash, &cls) && cls != NOUN_PERSON
          && cls != NOUN_COUNTRY)
        {
          want = (NounClass) cls;
          noun = t->norm;
        }
    }
  const SaywhoEntity *e = last_named (c, mention.start, want, noun);
  if (e == NULL || saywho_document_token (doc, e->span.start)->sentence + 2 < head->sentence)
    return NULL;
  return e;
}

/* "he" or "she" at token at: the person just quoted is the likeliest;
 * then the person last named; either only if the text says nothing of
 * their gender that the pronoun contradicts. */
static const SaywhoEntity *
person_pronoun (Ctx *c, guint at, guint gender)
{
  const SaywhoDocument *doc = c->doc;
  const SaywhoToken *first = saywho_document_token (doc, at);
  const SaywhoEntity *speaker = recent_person (c, at);
  const SaywhoEntity *named = last_named (c, at, NOUN_PERSON, NULL);
  if (!gender_fits (c, speaker, gender))
    speaker = NULL;
  if (!gender_fits (c, named, gender))
    named = last_person_fitting (c, at, gender);
  /* Unless the sentence before introduced someone as its subject:
   * "Sergei Volkov pleaded guilty. He told the court …" */
  if (speaker != NULL && named != NULL && speaker != named
      && opens_previous_sentence (doc, named, first))
    return named;
  if (speaker != NULL && (named == NULL
                          || saywho_document_token (doc, named->span.start)->sentence
                               != first->sentence))
    return speaker;
  return named;
}

static const SaywhoEntity *
resolve (Ctx *c, SaywhoSpan mention)
{
  const Speakers *sp = c->sp;
  const SaywhoDocument *doc = c->doc;
  if (mention.end <= mention.start || mention.end > doc->tokens->len)
    return NULL;
  /* A name in the mention: the entities are in order, so the one at each
   * token is the one at the token before or the next. */
  guint next = entity_from (c, mention.start);
  for (guint i = mention.start; i < mention.end; i++)
    {
      while (next < doc->entities->len
             && g_array_index (doc->entities, SaywhoEntity, next).span.end <= i)
        next++;
      if (next >= doc->entities->len)
        break;
      const SaywhoEntity *ent = &g_array_index (doc->entities, SaywhoEntity, next);
      if (i < ent->span.start)
        continue;
      /* A name that only modifies the phrase's head is no speaker:
       * "one London-based economist", "two EU diplomats", "U.S.
       * officials" (unnamed people); "a White House statement", "an RSF
       * spokesman" speak for the name. */
      if (ent->type != SAYWHO_ENTITY_MISC && ent->span.end < mention.end)
        {
          const SaywhoToken *after = saywho_document_token (doc, ent->span.end);
          const SaywhoToken *head = saywho_document_token (doc, mention.end - 1);
          gboolean hyphen = after->norm_len == 1 && after->norm[0] == '-';
          gboolean plural = head->kind == SAYWHO_TOKEN_WORD
                            && !(head->flags & SAYWHO_TOKEN_CAPITALIZED) && head->norm_len > 3
                            && head->norm[head->norm_len - 1] == 's'
                            && head->norm[head->norm_len - 2] != 's';
          /* "the Munster player", "a NATO official": a person the name
           * describes, named before or not at all (but "an RSF
           * spokesman" speaks for the RSF) */
          guint32 cls = NOUN_NONE;
          gboolean person = saywho_strmap_lookup (sp->nouns, head->norm, head->norm_hash, &cls)
                            && cls == NOUN_PERSON && !is_spokesperson (head);
          if (hyphen || plural || person)
            {
              i = ent->span.end - 1;
              continue;
            }
        }
      /* "Chinese officials": a nationality is no speaker; but "the
       * Dutchman" stands for a person */
      if (ent->type != SAYWHO_ENTITY_MISC)
        return ent;
      if (ent->span.end == mention.end && ent->span.start > 0
          && saywho_token_norm_is (saywho_document_token (doc, ent->span.start - 1), "the"))
        return last_named (c, mention.start, NOUN_PERSON, NULL);
      /* "the Jordanian government": the country itself, which is the
       * nationality's link */
      if (ent->id != NULL && g_str_has_prefix (ent->id, "country:"))
        {
          const SaywhoToken *head = saywho_document_token (doc, mention.end - 1);
          guint32 cls = NOUN_NONE;
          if (saywho_strmap_lookup (sp->nouns, head->norm, head->norm_hash, &cls)
              && cls == NOUN_COUNTRY)
            return ent;
          /* "Brazilian government data", "Japanese government figures":
           * a document of that government speaks for the country */
          if (saywho_token_norm_is (head, "data") || saywho_token_norm_is (head, "figures") || saywho_token_norm_is (head, "statistics")
              || saywho_token_norm_is (head, "estimates") || saywho_token_norm_is (head, "statement")
              || saywho_token_norm_is (head, "report"))
            for (guint k = ent->span.end; k + 1 < mention.end; k++)
              {
                const SaywhoToken *t = saywho_document_token (doc, k);
                if (saywho_strmap_lookup (sp->nouns, t->norm, t->norm_hash, &cls)
                    && cls == NOUN_COUNTRY)
                  return ent;
              }
        }
    }
  const SaywhoToken *first = saywho_document_token (doc, mention.start);
  if (mention.end == mention.start + 1)
    {
      if (saywho_token_norm_is (first, "he") || saywho_token_norm_is (first, "she"))
        return person_pronoun (c, mention.start,
                               saywho_token_norm_is (first, "he") ? MALE : FEMALE);
      /* "Her office said", "his office said": the person's own (as news
       * writes "Netanyahu's office said" for Netanyahu) */
      if (mention.start > 0 && saywho_token_norm_is (first, "office"))
        {
          const SaywhoToken *owner = saywho_document_token (doc, mention.start - 1);
          if (saywho_token_norm_is (owner, "his") || saywho_token_norm_is (owner, "her"))
            return person_pronoun (c, mention.start - 1,
                                   saywho_token_norm_is (owner, "his") ? MALE : FEMALE);
        }
      gboolean it = saywho_token_norm_is (first, "it");
      if (it || saywho_token_norm_is (first, "they"))
        {
          const SaywhoEntity *org = last_named (c, mention.start, NOUN_ORG, NULL);
          const SaywhoEntity *country = last_named (c, mention.start, NOUN_COUNTRY, NULL);
          /* "The Commission fined Stratocore on Monday. It said …": a
           * sentence that opens with "it" goes on with the organization
           * that opened the sentence before, over one named after it */
          if (it && org != NULL && (first->flags & SAYWHO_TOKEN_SENTENCE_START))
            {
              const SaywhoEntity *subject = previous_subject (c, mention.start, NOUN_ORG);
              if (subject != NULL && subject != org)
                return subject;
            }
          if (org == NULL)
            return it ? country : NULL;
          if (country != NULL && country->span.start > org->span.start && it)
            return country;
          return org;
        }
    }
  /* A definite noun phrase: its head noun, after "the" and at most three
   * modifiers ("the Washington-based lender"). */
  guint det = mention.start;
  for (guint k = 0; k < 4 && det > 0; k++)
    {
      const SaywhoToken *t = saywho_document_token (doc, det - 1);
      if (saywho_token_norm_is (t, "the") || saywho_token_norm_is (t, "this") || saywho_token_norm_is (t, "a") || saywho_token_norm_is (t, "an"))
        break;
      if (t->kind != SAYWHO_TOKEN_WORD && !saywho_token_norm_is (t, "-"))
        return NULL;
      det--;
    }
  if (det == 0)
    return NULL;
  const SaywhoToken *before = saywho_document_token (doc, det - 1);
  const SaywhoToken *head = saywho_document_token (doc, mention.end - 1);
  if (saywho_token_norm_is (before, "a") || saywho_token_norm_is (before, "an"))
    return unnamed_spokesperson (c, det, mention);
  if (!saywho_token_norm_is (before, "the") && !saywho_token_norm_is (before, "this"))
    return NULL;
  guint32 cls = NOUN_NONE;
  if (!saywho_strmap_lookup (sp->nouns, head->norm, head->norm_hash, &cls))
    return NULL;
  /* "the Rapid Support Forces, a paramilitary group, …. The paramilitary
   * group said": the one the noun described in an appositive */
  const SaywhoEntity *described = described_by (c, det - 1, head);
  if (described != NULL)
    return described;
  const SaywhoEntity *named = last_named (c, mention.start, (NounClass) cls, head->norm);
  /* "The RSF has been fighting the army since April. … the paramilitary
   * group said": the subject that opens the sentence before, over an
   * object named after it */
  if (named != NULL && cls != NOUN_PERSON && !name_holds (named->name, head->norm))
    {
      const SaywhoEntity *subject = previous_subject (c, mention.start, (NounClass) cls);
      if (subject != NULL && subject != named)
        named = subject;
    }
  /* "An Argentine official … said …. '…,' the official said": the same
   * noun brought in unnamed since the entity was named is that unnamed
   * one */
  if (named != NULL && introduced_unnamed (doc, named->span.end, det - 1, head))
    return NULL;
  return named;
}

static gboolean
speakers_process (gpointer shared, gpointer worker, SaywhoDocument *doc, GError **error)
{
  Worker *w = worker;
  (void) error;
  guint nquotes = doc->quotes->len;
  if (nquotes == 0)
    return TRUE;
  Ctx c = { .sp = shared, .doc = doc, .w = w, .in_order = TRUE };

  /* Room for the document's entities and quotations. */
  if (w->size < doc->entities->len)
    {
      w->size = MAX (doc->entities->len, w->size * 2);
      g_free (w->quoted);
      w->quoted = g_new (guint8, w->size);
      for (guint k = 0; k < w->latest_size; k++)
        {
          g_free (w->latest[k].latest);
          w->latest[k].latest = g_new (gint, w->size);
        }
    }
  if (w->resolved_size < nquotes)
    {
      w->resolved_size = MAX (nquotes, w->resolved_size * 2);
      g_free (w->resolved);
      w->resolved = g_new (gint, w->resolved_size);
    }
  w->spans_known = FALSE;
  w->nlatest = 0;
  /* As the quotes stage leaves them, the quotations are by start and have
   * no speaker yet: recent_person() can then search them (in_order). */
  for (guint q = 0; q < nquotes; q++)
    {
      const SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      if (quote->speaker != NULL
          || (q > 0 && quote->span.start < g_array_index (doc->quotes, SaywhoQuote,
                                                          q - 1).span.start))
        c.in_order = FALSE;
    }

  const SaywhoQuote *previous = NULL;
  for (guint q = 0; q < nquotes; q++)
    {
      SaywhoQuote *quote = &g_array_index (doc->quotes, SaywhoQuote, q);
      c.q = q;
      const SaywhoEntity *e = resolve (&c, quote->mention);
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
      w->resolved[q] = quote->speaker != NULL ? (gint) q : q > 0 ? w->resolved[q - 1] : -1;
    }
  if (w->persons != NULL)
    {
      g_hash_table_unref (w->persons);
      w->persons = NULL;
    }
  if (w->genders_known)
    {
      g_hash_table_remove_all (w->genders);
      w->genders_known = FALSE;
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
  else if (strcmp (c[1], "body") == 0)
    cls = NOUN_BODY;
  else if (strcmp (c[1], "country") == 0)
    cls = NOUN_COUNTRY;
  else if (strcmp (c[1], "company") == 0)
    cls = NOUN_COMPANY;
  else
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                   "unknown class '%s' (person, org, body, company or country)", c[1]);
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

static gpointer
speakers_worker_new (gpointer shared, GError **error)
{
  (void) shared;
  (void) error;
  Worker *w = g_new0 (Worker, 1);
  return w;
}

static void
speakers_worker_free (gpointer worker)
{
  Worker *w = worker;
  for (guint k = 0; k < w->latest_size; k++)
    g_free (w->latest[k].latest);
  g_free (w->latest);
  g_free (w->quoted);
  g_free (w->spans);
  g_free (w->span_ends);
  g_free (w->resolved);
  if (w->persons != NULL)
    g_hash_table_unref (w->persons);
  if (w->genders != NULL)
    g_hash_table_unref (w->genders);
  g_free (w);
}

const SaywhoStageClass saywho_stage_speakers = {
  .name = "speakers",
  .create = speakers_create,
  .destroy = speakers_destroy,
  .worker_new = speakers_worker_new,
  .worker_free = speakers_worker_free,
  .process = speakers_process,
};
