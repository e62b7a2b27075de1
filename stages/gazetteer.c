/* gazetteer.c — the gazetteer stage: mentions of listed entities.
 *
 * Every entity lexicon is compiled into one token trie keyed by stems
 * (pipeline/entity-lexicon.h).  From each token the trie is walked as far as
 * it goes; the longest alias whose words also pass the case policy wins
 * (leftmost-longest), so "China Daily" beats "China" and "Washington Post"
 * beats "Washington".
 *
 * Case policy, word by word, for a text word against the alias's word:
 *   - the same form, or the same norm with the same capitalization
 *     (Capitalized, ALL CAPS, lower) matches: "China" but not "china";
 *   - an acronym alias (US, IN, WHO) matches only its own capitals;
 *   - a lower-case word inside an alias matches its capitalized form
 *     ("Bank Of England" in a title);
 *   - in a line written all in capitals (headlines), and in datelines,
 *     capitals match any alias that is not an acronym;
 *   - past the first word of a multi-word alias, another inflection of the
 *     same stem matches when capitalization agrees ("Joint Chief of Staff").
 *
 * When several entries claim the words (Georgia the country and the US
 * state), the one whose country the document's other, unambiguous mentions
 * point to most wins; then the lexicon's own order (by kind, then file).
 */
#include "stages.h"
#include "../pipeline/entity-lexicon.h"

#include <string.h>

typedef enum { CASE_LOWER, CASE_CAPITALIZED, CASE_UPPER } CaseClass;

#define KEY_UNKNOWN (-2)

static gint32
key_of (const SaywhoEntityLexicon *lex, const SaywhoDocument *doc, gint32 *keys, guint i)
{
  if (keys[i] == KEY_UNKNOWN)
    {
      const SaywhoToken *tok = saywho_document_token (doc, i);
      keys[i] = tok->stem != NULL ? saywho_trie_key (lex->trie, tok->stem, tok->stem_hash)
                                  : saywho_trie_key (lex->trie, tok->norm, tok->norm_hash);
    }
  return keys[i];
}

/* Every alias starts with a word that has a capital (the loader keeps no
 * other), or a number ("3M"). */
static gboolean
can_start (const SaywhoToken *tok)
{
  return (tok->flags & (SAYWHO_TOKEN_CAPITALIZED | SAYWHO_TOKEN_ALL_CAPS))
         || tok->kind == SAYWHO_TOKEN_NUMBER;
}

typedef struct {
  guint32 start, end;
  guint first_alias, count;  /* into the per-document alias list */
} Match;

typedef struct {
  GArray *matches;     /* Match */
  GArray *aliases;     /* guint32 alias indexes of the matches */
  GArray *keys;        /* gint32 trie key of each token */
  GArray *caps;        /* gboolean: token in an all-capitals line */
  GHashTable *votes;   /* country → mentions */
} GazetteerWorker;

static CaseClass
case_class_of (const char *s, gsize len)
{
  guint letters = 0, upper = 0;
  gboolean first_upper = FALSE;
  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isalpha (c))
        continue;
      gboolean up = g_unichar_isupper (c) || g_unichar_istitle (c);
      if (letters++ == 0)
        first_upper = up;
      upper += up;
    }
  if (letters >= 2 && upper == letters)
    return CASE_UPPER;
  return first_upper ? CASE_CAPITALIZED : CASE_LOWER;
}

static CaseClass
token_case (const SaywhoToken *tok)
{
  if (tok->flags & SAYWHO_TOKEN_ALL_CAPS)
    return CASE_UPPER;
  return tok->flags & SAYWHO_TOKEN_CAPITALIZED ? CASE_CAPITALIZED : CASE_LOWER;
}

static gboolean
word_matches (const SaywhoDocument *doc, const SaywhoToken *tok, const char *form,
              const char *norm, gboolean acronym, gboolean caps, guint k, guint ntokens)
{
  gsize len;
  const char *text = saywho_token_text (doc, tok, &len);
  if (strlen (form) == len && memcmp (text, form, len) == 0)
    return TRUE;
  CaseClass want = case_class_of (form, strlen (form)), have = token_case (tok);
  if (strcmp (tok->norm, norm) == 0)
    {
      if (have == want)
        return TRUE;
      if (acronym)
        return FALSE;
      if (want == CASE_LOWER && k > 0)
        return TRUE;
      return caps && have == CASE_UPPER;
    }
  /* Same stem (the trie's key), another inflection. */
  return ntokens >= 2 && k > 0 && !acronym && have == want && want != CASE_UPPER;
}

static gboolean
alias_matches (const SaywhoEntityLexicon *lex, const SaywhoDocument *doc, const gboolean *caps,
               guint32 alias_index, guint start)
{
  const SaywhoLexiconAlias *alias = saywho_entity_lexicon_alias (lex, alias_index);
  gboolean acronym = (alias->flags & SAYWHO_ALIAS_ACRONYM) != 0;
  for (guint k = 0; k < alias->ntokens; k++)
    {
      const char *form = g_ptr_array_index (lex->forms, alias->forms + k);
      const char *norm = g_ptr_array_index (lex->norms, alias->forms + k);
      if (!word_matches (doc, saywho_document_token (doc, start + k), form, norm, acronym,
                         caps[start + k], k, alias->ntokens))
        return FALSE;
    }
  return TRUE;
}

/* Marks the tokens of sentences written mostly in capitals (headlines). */
static void
find_caps (const SaywhoDocument *doc, gboolean *caps)
{
  for (guint s = 0; s < doc->sentences->len; s++)
    {
      SaywhoSpan span = g_array_index (doc->sentences, SaywhoSpan, s);
      guint words = 0, upper = 0;
      for (guint i = span.start; i < span.end; i++)
        {
          const SaywhoToken *tok = saywho_document_token (doc, i);
          if (tok->kind != SAYWHO_TOKEN_WORD)
            continue;
          words++;
          upper += (tok->flags & SAYWHO_TOKEN_ALL_CAPS) != 0;
        }
      gboolean all_caps = words >= 3 && upper * 10 >= words * 7;
      for (guint i = span.start; i < span.end; i++)
        {
          /* Datelines and headlines write place names in capitals too. */
          guint16 flags = saywho_document_token (doc, i)->flags;
          caps[i] = all_caps || ((flags & SAYWHO_TOKEN_ALL_CAPS)
                                 && (flags & (SAYWHO_TOKEN_DATELINE | SAYWHO_TOKEN_HEADLINE)));
        }
    }
}

static const SaywhoLexiconEntry *
resolve (const SaywhoEntityLexicon *lex, GazetteerWorker *w, const Match *m)
{
  const SaywhoLexiconEntry *best = NULL;
  guint best_votes = 0;
  for (guint a = 0; a < m->count; a++)
    {
      guint32 alias = g_array_index (w->aliases, guint32, m->first_alias + a);
      const SaywhoLexiconEntry *e = saywho_entity_lexicon_entry (
        lex, saywho_entity_lexicon_alias (lex, alias)->entry);
      guint votes = e->country != NULL
                      ? GPOINTER_TO_UINT (g_hash_table_lookup (w->votes, e->country))
                      : 0;
      if (best == NULL || votes > best_votes || (votes == best_votes && e->rank < best->rank))
        {
          best = e;
          best_votes = votes;
        }
    }
  return best;
}

static gboolean
single_entry (const SaywhoEntityLexicon *lex, GazetteerWorker *w, const Match *m)
{
  guint32 first = saywho_entity_lexicon_alias (lex, g_array_index (w->aliases, guint32,
                                                                  m->first_alias))->entry;
  for (guint a = 1; a < m->count; a++)
    if (saywho_entity_lexicon_alias (lex, g_array_index (w->aliases, guint32,
                                                         m->first_alias + a))->entry != first)
      return FALSE;
  return TRUE;
}

static gboolean
gazetteer_process (gpointer shared, gpointer worker_data, SaywhoDocument *doc, GError **error)
{
  const SaywhoEntityLexicon *lex = shared;
  GazetteerWorker *w = worker_data;
  guint n = doc->tokens->len;
  (void) error;

  g_array_set_size (w->keys, n);
  g_array_set_size (w->caps, n);
  g_array_set_size (w->matches, 0);
  g_array_set_size (w->aliases, 0);
  g_hash_table_remove_all (w->votes);
  gint32 *keys = (gint32 *) (void *) w->keys->data;
  gboolean *caps = (gboolean *) (void *) w->caps->data;
  /* Keys are looked up when a walk needs them: most words start none. */
  for (guint i = 0; i < n; i++)
    keys[i] = KEY_UNKNOWN;
  memset (caps, 0, n * sizeof *caps);
  find_caps (doc, caps);

  /* Leftmost-longest walk. */
  for (guint i = 0; i < n;)
    {
      if (!can_start (saywho_document_token (doc, i)))
        {
          i++;
          continue;
        }
      guint32 node = SAYWHO_TRIE_ROOT;
      guint best_end = 0, best_first = w->aliases->len, best_count = 0;
      for (guint j = i; j < n; j++)
        {
          node = saywho_trie_child (lex->trie, node, key_of (lex, doc, keys, j));
          if (node == SAYWHO_TRIE_NONE)
            break;
          guint nvalues;
          const guint32 *values = saywho_trie_values (lex->trie, node, &nvalues);
          guint first = w->aliases->len, count = 0;
          for (guint v = 0; v < nvalues; v++)
            if (alias_matches (lex, doc, caps, values[v], i))
              {
                g_array_append_val (w->aliases, values[v]);
                count++;
              }
          if (count > 0)
            {
              best_end = j + 1;
              best_first = first;
              best_count = count;
            }
        }
      if (best_end == 0)
        {
          i++;
          continue;
        }
      Match m = { i, best_end, best_first, best_count };
      g_array_append_val (w->matches, m);
      i = best_end;
    }

  /* Countries the unambiguous mentions point to, then the ambiguous ones. */
  for (guint k = 0; k < w->matches->len; k++)
    {
      const Match *m = &g_array_index (w->matches, Match, k);
      if (!single_entry (lex, w, m))
        continue;
      const SaywhoLexiconEntry *e = resolve (lex, w, m);
      if (e->country != NULL)
        g_hash_table_replace (w->votes, (gpointer) e->country,
                              GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                g_hash_table_lookup (w->votes, e->country)) + 1));
    }
  g_array_set_size (doc->entities, 0);
  for (guint k = 0; k < w->matches->len; k++)
    {
      const Match *m = &g_array_index (w->matches, Match, k);
      const SaywhoLexiconEntry *e = resolve (lex, w, m);
      SaywhoEntity entity = {
        .span = { m->start, m->end },
        .type = e->type,
        .id = e->link,
        .kind = e->kind,
        .name = e->name,
      };
      g_array_append_val (doc->entities, entity);
    }
  return TRUE;
}

static gpointer
gazetteer_create (const SaywhoConfig *config, GError **error)
{
  return saywho_entity_lexicon_load (config, error);
}

static void
gazetteer_destroy (gpointer shared)
{
  saywho_entity_lexicon_free (shared);
}

static gpointer
gazetteer_worker_new (gpointer shared, GError **error)
{
  (void) shared;
  (void) error;
  GazetteerWorker *w = g_new0 (GazetteerWorker, 1);
  w->matches = g_array_new (FALSE, FALSE, sizeof (Match));
  w->aliases = g_array_new (FALSE, FALSE, sizeof (guint32));
  w->keys = g_array_new (FALSE, FALSE, sizeof (gint32));
  w->caps = g_array_new (FALSE, FALSE, sizeof (gboolean));
  w->votes = g_hash_table_new (g_str_hash, g_str_equal);
  return w;
}

static void
gazetteer_worker_free (gpointer data)
{
  GazetteerWorker *w = data;
  g_array_unref (w->matches);
  g_array_unref (w->aliases);
  g_array_unref (w->keys);
  g_array_unref (w->caps);
  g_hash_table_unref (w->votes);
  g_free (w);
}

const SaywhoStageClass saywho_stage_gazetteer = {
  .name = "gazetteer",
  .create = gazetteer_create,
  .destroy = gazetteer_destroy,
  .worker_new = gazetteer_worker_new,
  .worker_free = gazetteer_worker_free,
  .process = gazetteer_process,
};
