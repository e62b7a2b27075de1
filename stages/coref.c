/* coref.c — the coref stage: one entity, one id, throughout a document.
 *
 *   - Acronyms defined in parentheses: "National Security Agency (NSA)"
 *     makes every "NSA" of the document the same entity, and an acronym
 *     whose letters are the initials of the capitalized run before it
 *     defines an organization the lexicons did not know.
 *   - Partial names: a capitalized word that is the first or last word of a
 *     person named in full anywhere in the document ("Rice" after "Susan
 *     Rice", "Xi" before or after "Xi Jinping") is that person, unless two
 *     people share the word; the last word of a multi-word organization
 *     after "the" ("the Post" for "the Washington Post") is that
 *     organization, unless the word is a generic head like "Ministry".
 *     Over a place the gazetteer found, the person wins only where the word
 *     reads as a person: before a possessive, a speech verb or after "Mr.".
 *   - Entities the lexicons do not know get a document-local id,
 *     `local:<slug of the longest mention>`, shared by their partial
 *     mentions; their name is that longest mention.
 */
#include "stages.h"
#include "../pipeline/analyzer.h"
#include "../pipeline/format.h"
#include "../pipeline/lexicon.h"
#include "../pipeline/strmap.h"

#include <string.h>

typedef struct {
  SaywhoStrMap *generic;      /* norms of heads too general to stand alone */
  SaywhoStrMap *person_cues;  /* stems of speech verbs (lexicons/speech-cues.tsv) */
} Coref;

typedef struct {
  const char *id;
  const char *name;
  const char *kind;
  SaywhoEntityType type;
  gboolean ambiguous;
} Target;

static char *
token_text (const SaywhoDocument *doc, guint i)
{
  gsize len;
  const char *t = saywho_token_text (doc, saywho_document_token (doc, i), &len);
  return g_strndup (t, len);
}

/* The casefolded text of tokens [a, b). */
static char *
folded_text (const SaywhoDocument *doc, guint a, guint b)
{
  const SaywhoToken *x = saywho_document_token (doc, a);
  const SaywhoToken *y = saywho_document_token (doc, b - 1);
  return g_utf8_casefold (doc->text + x->byte_start, y->byte_end - x->byte_start);
}

/* The end of the word group starting at i: words joined by hyphens with no
 * space ("al-Ghais", "Raman-Holt"), or i + 1. */
static guint
group_end (const SaywhoDocument *doc, guint i, guint limit)
{
  guint j = i + 1;
  while (j + 1 < limit)
    {
      const SaywhoToken *prev = saywho_document_token (doc, j - 1);
      const SaywhoToken *dash = saywho_document_token (doc, j);
      const SaywhoToken *word = saywho_document_token (doc, j + 1);
      gsize len;
      const char *t = saywho_token_text (doc, dash, &len);
      if ((prev->flags & SAYWHO_TOKEN_SPACE_AFTER) || (dash->flags & SAYWHO_TOKEN_SPACE_AFTER)
          || len != 1 || t[0] != '-' || word->kind != SAYWHO_TOKEN_WORD)
        break;
      j += 2;
    }
  return j;
}

/* The start of the word group that ends at end (exclusive). */
static guint
group_start (const SaywhoDocument *doc, guint start, guint end)
{
  guint k = end - 1;
  while (k >= start + 2)
    {
      const SaywhoToken *dash = saywho_document_token (doc, k - 1);
      const SaywhoToken *before = saywho_document_token (doc, k - 2);
      gsize len;
      const char *t = saywho_token_text (doc, dash, &len);
      if ((before->flags & SAYWHO_TOKEN_SPACE_AFTER) || (dash->flags & SAYWHO_TOKEN_SPACE_AFTER)
          || len != 1 || t[0] != '-')
        break;
      k -= 2;
    }
  return k;
}

static char *
span_text (const SaywhoDocument *doc, SaywhoSpan span)
{
  const SaywhoToken *a = saywho_document_token (doc, span.start);
  const SaywhoToken *b = saywho_document_token (doc, span.end - 1);
  GString *out = g_string_new (NULL);
  saywho_format_append_oneline (out, doc->text + a->byte_start, b->byte_end - a->byte_start);
  return g_string_free (out, FALSE);
}

static const char *
slug_id (SaywhoDocument *doc, const char *text)
{
  /* ASCII names (most): lower and join the words with hyphens in place. */
  char buffer[256];
  gsize n = strlen ("local:"), len = strlen (text);
  gboolean ascii = len < sizeof buffer - n - 1;
  for (gsize i = 0; i < len && ascii; i++)
    ascii = (guchar) text[i] < 0x80;
  if (ascii)
    {
      memcpy (buffer, "local:", n);
      gboolean gap = FALSE;
      for (gsize i = 0; i < len; i++)
        {
          char c = text[i];
          if (g_ascii_isalnum (c))
            {
              if (gap && n > strlen ("local:"))
                buffer[n++] = '-';
              buffer[n++] = g_ascii_tolower (c);
              gap = FALSE;
            }
          else
            gap = TRUE;
        }
      return saywho_document_intern (doc, buffer, (gssize) n);
    }
  GString *id = g_string_new ("local:");
  gboolean dash = FALSE;
  g_autofree char *folded = g_utf8_casefold (text, -1);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        {
          if (dash && id->len > strlen ("local:"))
            g_string_append_c (id, '-');
          g_string_append_unichar (id, c);
          dash = FALSE;
        }
      else
        dash = TRUE;
    }
  const char *interned = saywho_document_intern (doc, id->str, (gssize) id->len);
  g_string_free (id, TRUE);
  return interned;
}

static gboolean
is_acronym_token (const SaywhoToken *tok)
{
  return (tok->kind == SAYWHO_TOKEN_WORD || tok->kind == SAYWHO_TOKEN_ABBREVIATION)
         && (tok->flags & SAYWHO_TOKEN_ALL_CAPS);
}

static inline gboolean
punct_is (const SaywhoDocument *doc, guint i, char c)
{
  const SaywhoToken *tok = saywho_document_token (doc, i);
  return tok->kind == SAYWHO_TOKEN_PUNCT && tok->byte_end == tok->byte_start + 1
         && doc->text[tok->byte_start] == c;
}

static gboolean
text_is (const SaywhoDocument *doc, guint i, const char *s)
{
  gsize len;
  const char *t = saywho_token_text (doc, saywho_document_token (doc, i), &len);
  return len == strlen (s) && memcmp (t, s, len) == 0;
}

/* Do the capitalized words of [start, end) begin with the acronym's
 * letters, in order (allowing the acronym to skip "of", "the", …)? */
static gboolean
initials_match (const SaywhoDocument *doc, guint start, guint end, const char *acronym)
{
  const char *a = acronym;
  for (guint i = start; i < end && *a; i++)
    {
      const SaywhoToken *tok = saywho_document_token (doc, i);
      if (!(tok->flags & SAYWHO_TOKEN_CAPITALIZED))
        continue;
      gsize len;
      const char *t = saywho_token_text (doc, tok, &len);
      while (*a == '.' || *a == '&')
        a++;
      if (g_ascii_toupper (t[0]) != g_ascii_toupper (*a))
        return FALSE;
      a++;
    }
  while (*a == '.')
    a++;
  return *a == '\0';
}

/* Per-worker maps from a word (its norm, or the casefolded text of a
 * hyphenated group) to a target entity. */
typedef struct {
  GArray *targets;          /* Target */
  SaywhoStrMap *acronyms;   /* acronym norm → target */
  SaywhoStrMap *words;      /* first or last word of a person → target */
  SaywhoStrMap *the_words;  /* last word of an organization, after "the" → target */
  GArray *pending;          /* SaywhoEntity: partial mentions found, merged at the end */
} CorefWorker;

static void
set_target (CorefWorker *w, SaywhoStrMap *map, const char *key, guint32 hash,
            const SaywhoEntity *e)
{
  guint32 index;
  if (saywho_strmap_lookup (map, key, hash, &index))
    {
      Target *old = &g_array_index (w->targets, Target, index);
      if (g_strcmp0 (old->id, e->id) != 0)
        old->ambiguous = TRUE;
      return;
    }
  Target t = { e->id, e->name, e->kind, e->type, FALSE };
  g_array_append_val (w->targets, t);
  saywho_strmap_insert (map, key, hash, w->targets->len - 1);
}

static const Target *
get_target (CorefWorker *w, SaywhoStrMap *map, const char *key, guint32 hash)
{
  guint32 index;
  if (!saywho_strmap_lookup (map, key, hash, &index))
    return NULL;
  return &g_array_index (w->targets, Target, index);
}

/* The key of the word group [a, b): the norm for one token, else the
 * casefolded text (written to *owned). */
static const char *
group_key (const SaywhoDocument *doc, guint a, guint b, char **owned, guint32 *hash)
{
  if (b == a + 1)
    {
      const SaywhoToken *tok = saywho_document_token (doc, a);
      *owned = NULL;
      *hash = tok->norm_hash;
      return tok->norm;
    }
  *owned = folded_text (doc, a, b);
  *hash = saywho_str_hash (*owned, -1);
  return *owned;
}

static void
define_acronyms (CorefWorker *w, SaywhoDocument *doc)
{
  guint n = doc->tokens->len;
  for (guint i = 2; i + 1 < n; i++)
    {
      /* ( ACRONYM ) */
      if (!punct_is (doc, i - 1, '(') || !punct_is (doc, i + 1, ')'))
        continue;
      const SaywhoToken *acr = saywho_document_token (doc, i);
      if (!is_acronym_token (acr))
        continue;
      g_autofree char *acronym = token_text (doc, i);
      gint e = saywho_document_entity_at (doc, i - 2);
      const SaywhoEntity *defined = NULL;
      SaywhoEntity made;
      if (e >= 0)
        defined = &g_array_index (doc->entities, SaywhoEntity, e);
      else
        {
          /* An unknown run of capitalized words before the parenthesis. */
          guint start = i - 1;
          while (start > 0)
            {
              const SaywhoToken *t = saywho_document_token (doc, start - 1);
              gboolean cap = (t->flags & SAYWHO_TOKEN_CAPITALIZED) && t->kind == SAYWHO_TOKEN_WORD;
              gboolean small = t->kind == SAYWHO_TOKEN_WORD && !(t->flags & SAYWHO_TOKEN_CAPITALIZED)
                               && t->char_end - t->char_start <= 3 && start - 1 > 0
                               && (saywho_document_token (doc, start - 2)->flags
                                   & SAYWHO_TOKEN_CAPITALIZED);
              if (!cap && !small)
                break;
              start--;
            }
          /* The longest tail of the run whose initials spell the acronym. */
          while (start + 1 < i - 1
                 && (!(saywho_document_token (doc, start)->flags & SAYWHO_TOKEN_CAPITALIZED)
                     || !initials_match (doc, start, i - 1, acronym)))
            start++;
          if (start + 1 >= i - 1 || !initials_match (doc, start, i - 1, acronym))
            continue;
          made = (SaywhoEntity) { { start, i - 1 }, SAYWHO_ENTITY_ORG, NULL, NULL, NULL };
          saywho_document_set_entity (doc, &made);
          defined = &g_array_index (doc->entities, SaywhoEntity,
                                    saywho_document_entity_at (doc, start));
        }
      if (defined->span.end != i - 1)
        continue;
      if (defined->id == NULL)
        {
          g_autofree char *text = span_text (doc, defined->span);
          SaywhoEntity *mut = (SaywhoEntity *) defined;
          mut->id = slug_id (doc, text);
          mut->name = saywho_document_intern (doc, text, -1);
        }
      /* The newest definition wins. */
      Target t = { defined->id, defined->name, defined->kind, defined->type, FALSE };
      g_array_append_val (w->targets, t);
      saywho_strmap_insert (w->acronyms, acr->norm, acr->norm_hash, w->targets->len - 1);
    }
}

/* A lone word reads as a person here: Mr./Ms. before it, or a possessive
 * or a speech verb after it. */
static gboolean
reads_as_person (const Coref *coref, const SaywhoDocument *doc, guint i)
{
  guint n = doc->tokens->len;
  if (i > 0)
    {
      const SaywhoToken *prev = saywho_document_token (doc, i - 1);
      if (prev->flags & SAYWHO_TOKEN_ABBREV_TITLE)
        return TRUE;
    }
  if (i + 1 < n)
    {
      const SaywhoToken *next = saywho_document_token (doc, i + 1);
      if (next->kind == SAYWHO_TOKEN_POSSESSIVE)
        return TRUE;
      if (next->stem != NULL
          && saywho_strmap_contains (coref->person_cues, next->stem, next->stem_hash))
        return TRUE;
    }
  return FALSE;
}

static gboolean
coref_process (gpointer shared, gpointer worker, SaywhoDocument *doc, GError **error)
{
  const Coref *coref = shared;
  CorefWorker *w = worker;
  guint n = doc->tokens->len;
  (void) error;

  g_array_set_size (w->targets, 0);
  saywho_strmap_clear (w->acronyms);
  saywho_strmap_clear (w->words);
  saywho_strmap_clear (w->the_words);

  /* Local ids and names for what the lexicons did not know. */
  for (guint k = 0; k < doc->entities->len; k++)
    {
      SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, k);
      if (e->id != NULL)
        continue;
      g_autofree char *text = span_text (doc, e->span);
      e->id = slug_id (doc, text);
      e->name = saywho_document_intern (doc, text, -1);
    }

  define_acronyms (w, doc);

  /* Words that stand for a whole name. */
  for (guint k = 0; k < doc->entities->len; k++)
    {
      const SaywhoEntity *e = &g_array_index (doc->entities, SaywhoEntity, k);
      if (e->span.end - e->span.start < 2)
        continue;
      if (e->type == SAYWHO_ENTITY_PER)
        {
          guint first_end = group_end (doc, e->span.start, e->span.end);
          guint last_start = group_start (doc, e->span.start, e->span.end);
          guint32 hash;
          if (first_end < e->span.end
              && saywho_document_token (doc, e->span.start)->kind == SAYWHO_TOKEN_WORD)
            {
              g_autofree char *owned = NULL;
              const char *key = group_key (doc, e->span.start, first_end, &owned, &hash);
              set_target (w, w->words, key, hash, e);
            }
          if (last_start > e->span.start)
            {
              g_autofree char *owned = NULL;
              const char *key = group_key (doc, last_start, e->span.end, &owned, &hash);
              set_target (w, w->words, key, hash, e);
            }
        }
      else if (e->type == SAYWHO_ENTITY_ORG)
        {
          const SaywhoToken *tok = saywho_document_token (doc, e->span.end - 1);
          if (tok->kind == SAYWHO_TOKEN_WORD
              && !saywho_strmap_contains (coref->generic, tok->norm, tok->norm_hash))
            set_target (w, w->the_words, tok->norm, tok->norm_hash, e);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      const SaywhoToken *tok = saywho_document_token (doc, i);
      if (tok->kind != SAYWHO_TOKEN_WORD || !(tok->flags & SAYWHO_TOKEN_CAPITALIZED))
        continue;
      guint end = group_end (doc, i, n);
      gint at = saywho_document_entity_at (doc, i);
      const SaywhoEntity *here = at >= 0 ? &g_array_index (doc->entities, SaywhoEntity, at) : NULL;
      if (here != NULL && (here->span.start != i || here->span.end != end))
        continue;

      const Target *t = NULL;
      if (end == i + 1 && (tok->flags & SAYWHO_TOKEN_ALL_CAPS))
        t = get_target (w, w->acronyms, tok->norm, tok->norm_hash);
      if (t == NULL)
        {
          g_autofree char *owned = NULL;
          guint32 hash;
          const char *key = group_key (doc, i, end, &owned, &hash);
          t = get_target (w, w->words, key, hash);
          if (t != NULL && here != NULL && here->type != SAYWHO_ENTITY_PER
              && !reads_as_person (coref, doc, end - 1))
            t = NULL;
        }
      if (t == NULL && end == i + 1 && i > 0 && here == NULL
          && (text_is (doc, i - 1, "the") || text_is (doc, i - 1, "The")))
        t = get_target (w, w->the_words, tok->norm, tok->norm_hash);
      if (t == NULL || t->ambiguous)
        {
          i = end - 1;
          continue;
        }
      if (here == NULL || g_strcmp0 (here->id, t->id) != 0)
        {
          SaywhoEntity entity = { { i, end }, t->type, t->id, t->kind, t->name };
          g_array_append_val (w->pending, entity);
        }
      i = end - 1;
    }
  saywho_document_merge_entities (doc, w->pending);
  g_array_set_size (w->pending, 0);
  return TRUE;
}

static gboolean
add_generic (char **c, guint ncolumns, guint line, gpointer user_data, GError **error)
{
  (void) ncolumns;
  (void) line;
  (void) error;
  if (strcmp (c[1], "generic") == 0)
    {
      g_autofree char *key = g_utf8_casefold (c[0], -1);
      saywho_strmap_insert (user_data, key, saywho_str_hash (key, -1), 1);
    }
  return TRUE;
}

typedef struct {
  SaywhoAnalyzer *analyzer;
  SaywhoStrMap *stems;
} Cues;

/* Speech verbs after a lone name make it a person ("Rice said"). */
static gboolean
add_cue (char **c, guint ncolumns, guint line, gpointer user_data, GError **error)
{
  Cues *cues = user_data;
  (void) ncolumns;
  (void) line;
  if (!g_str_has_prefix (c[1], "verb"))
    return TRUE;
  const SaywhoDocument *doc = saywho_analyzer_run (cues->analyzer, c[0], error);
  if (doc == NULL)
    return FALSE;
  if (doc->tokens->len == 1)
    {
      const SaywhoToken *tok = saywho_document_token (doc, 0);
      saywho_strmap_insert (cues->stems, tok->stem, tok->stem_hash, 1);
    }
  return TRUE;
}

static void
coref_destroy (gpointer shared)
{
  Coref *coref = shared;
  saywho_strmap_free (coref->generic);
  saywho_strmap_free (coref->person_cues);
  g_free (coref);
}

static gpointer
coref_create (const SaywhoConfig *config, GError **error)
{
  Coref *coref = g_new0 (Coref, 1);
  coref->generic = saywho_strmap_new ();
  coref->person_cues = saywho_strmap_new ();
  g_autoptr (SaywhoAnalyzer) analyzer = saywho_analyzer_new (config, error);
  Cues cues = { analyzer, coref->person_cues };
  if (analyzer == NULL
      || !saywho_lexicon_read (config->lexicon_dir, "name-patterns.tsv", 2, 2, add_generic,
                               coref->generic, error)
      || !saywho_lexicon_read (config->lexicon_dir, "speech-cues.tsv", 2, 2, add_cue, &cues,
                               error))
    {
      coref_destroy (coref);
      return NULL;
    }
  return coref;
}

static gpointer
coref_worker_new (gpointer shared, GError **error)
{
  (void) shared;
  (void) error;
  CorefWorker *w = g_new0 (CorefWorker, 1);
  w->targets = g_array_new (FALSE, FALSE, sizeof (Target));
  w->acronyms = saywho_strmap_new ();
  w->words = saywho_strmap_new ();
  w->the_words = saywho_strmap_new ();
  w->pending = g_array_new (FALSE, FALSE, sizeof (SaywhoEntity));
  return w;
}

static void
coref_worker_free (gpointer data)
{
  CorefWorker *w = data;
  g_array_unref (w->targets);
  saywho_strmap_free (w->acronyms);
  saywho_strmap_free (w->words);
  saywho_strmap_free (w->the_words);
  g_array_unref (w->pending);
  g_free (w);
}

const SaywhoStageClass saywho_stage_coref = {
  .name = "coref",
  .create = coref_create,
  .destroy = coref_destroy,
  .worker_new = coref_worker_new,
  .worker_free = coref_worker_free,
  .process = coref_process,
};
