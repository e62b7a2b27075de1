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
#include "../pipeline/strmap.h"

#include <string.h>

/* Every alias starts with a word that has a capital (the loader keeps no
 * other), or a number ("3M"). */
static inline gboolean
can_start (const SaywhoToken *tok)
{
  return (tok->flags & (SAYWHO_TOKEN_CAPITALIZED | SAYWHO_TOKEN_ALL_CAPS))
         || tok->kind == SAYWHO_TOKEN_NUMBER;
}

/* The first token from i on that may start an alias: a capital or a
 * number, and a key that starts one (a bit test); n if none.  Most tokens
 * start none, so this loop is the stage's cost per token. */
static inline guint
next_start (const SaywhoTrieFilter *starts, const SaywhoToken *tokens, guint i, guint n)
{
  const SaywhoToken *tok = tokens + i, *end = tokens + n;
  for (; tok < end; tok++)
    if (can_start (tok)
        && saywho_trie_filter_test (starts, tok->stem != NULL ? tok->stem_hash : tok->norm_hash))
      break;
  return (guint) (tok - tokens);
}

/* The trie is keyed by stems; a token without one (no stem stage) walks by
 * its norm. */
typedef struct {
  const char *s;
  guint32 len, hash;
} Key;

static inline Key
token_key (const SaywhoToken *tok)
{
  return tok->stem != NULL ? (Key) { tok->stem, tok->stem_len, tok->stem_hash }
                           : (Key) { tok->norm, tok->norm_len, tok->norm_hash };
}

/* The step from the root, which brings the node's values along: the walks
 * that go no further (most) read nothing else of the trie. */
static inline guint32
first_step (const SaywhoTrie *trie, const SaywhoTrieNodes *nodes, const SaywhoToken *tok,
            const SaywhoTrieNodeInfo **info)
{
  Key key = token_key (tok);
  return saywho_trie_root_step (trie, nodes, key.s, key.len, key.hash, info);
}

/* A step past the root.  Most find no child, and the inner filter tells
 * them without a call. */
static inline guint32
step (const SaywhoTrie *trie, const SaywhoTrieFilter *inner, guint32 node, const SaywhoToken *tok)
{
  Key key = token_key (tok);
  if (!saywho_trie_inner_test (inner, node, key.hash))
    return SAYWHO_TRIE_NONE;
  return saywho_trie_step (trie, node, key.s, key.len, key.hash);
}

typedef struct {
  guint32 start, end;
  guint32 first_alias, count;  /* into the per-document alias list */
  /* The entry every alias of the match names, or NULL when they name
   * several and the document's votes decide. */
  const SaywhoLexiconEntry *single;
} Match;

/* Plain arrays with room to grow: an append is a store, not a call. */
typedef struct {
  Match *matches;
  guint nmatches, matches_size;
  guint32 *aliases;      /* alias indexes of the matches */
  guint naliases, aliases_size;
  gint8 *caps;           /* per sentence: in capitals (1) or not (0), -1 not measured */
  guint caps_size;
  guint *votes;          /* per country number: unambiguous mentions */
} GazetteerWorker;

static SaywhoCaseClass
token_case (const SaywhoToken *tok)
{
  if (tok->flags & SAYWHO_TOKEN_ALL_CAPS)
    return SAYWHO_CASE_UPPER;
  return tok->flags & SAYWHO_TOKEN_CAPITALIZED ? SAYWHO_CASE_CAPITALIZED : SAYWHO_CASE_LOWER;
}

/* Is token i in a sentence written mostly in capitals (headlines), or in a
 * dateline or headline in capitals itself?  Measured per sentence when a
 * match first asks, since few do. */
static gboolean
in_caps (const SaywhoDocument *doc, GazetteerWorker *w, guint i)
{
  const SaywhoToken *tok = saywho_document_token (doc, i);
  guint s = tok->sentence;
  if (s >= doc->sentences->len)
    return FALSE;
  SaywhoSpan span = g_array_index (doc->sentences, SaywhoSpan, s);
  if (i < span.start || i >= span.end)
    return FALSE;
  /* Datelines and headlines write place names in capitals too. */
  if ((tok->flags & SAYWHO_TOKEN_ALL_CAPS)
      && (tok->flags & (SAYWHO_TOKEN_DATELINE | SAYWHO_TOKEN_HEADLINE)))
    return TRUE;
  if (w->caps[s] < 0)
    {
      guint words = 0, upper = 0;
      for (guint k = span.start; k < span.end; k++)
        {
          const SaywhoToken *t = saywho_document_token (doc, k);
          if (t->kind != SAYWHO_TOKEN_WORD)
            continue;
          words++;
          upper += (t->flags & SAYWHO_TOKEN_ALL_CAPS) != 0;
        }
      w->caps[s] = words >= 3 && upper * 10 >= words * 7;
    }
  return w->caps[s] != 0;
}

/* One document as the walks see it, with the arrays they read at every
 * alias found once. */
typedef struct {
  const SaywhoDocument *doc;
  GazetteerWorker *w;
  const SaywhoToken *tokens;
  const SaywhoLexiconAlias *aliases;   /* the lexicon's, by alias index */
  const SaywhoLexiconWord *words;      /* and their words */
} Walk;

/* Does token i, the k-th of an alias of ntokens, pass the case policy for
 * the alias's word? */
static inline gboolean
word_matches (const Walk *x, guint i, const SaywhoLexiconWord *word, gboolean acronym, guint k,
              guint ntokens)
{
  const SaywhoToken *tok = &x->tokens[i];
  gsize len = tok->byte_end - tok->byte_start;
  if (word->form_len == len && saywho_bytes_equal (x->doc->text + tok->byte_start, word->form, len))
    return TRUE;
  SaywhoCaseClass want = word->case_class, have = token_case (tok);
  if (tok->norm_len == word->norm_len && saywho_bytes_equal (tok->norm, word->norm, word->norm_len))
    {
      if (have == want)
        return TRUE;
      if (acronym)
        return FALSE;
      if (want == SAYWHO_CASE_LOWER && k > 0)
        return TRUE;
      return have == SAYWHO_CASE_UPPER && in_caps (x->doc, x->w, i);
    }
  /* Same stem (the trie's key), another inflection. */
  return ntokens >= 2 && k > 0 && !acronym && have == want && want != SAYWHO_CASE_UPPER;
}

/* Does the alias match the tokens from start on?  (Inline in the walk:
 * called for most starts, its call cost as much as its checks.) */
SAYWHO_ALWAYS_INLINE static inline gboolean
alias_matches (const Walk *x, guint32 alias_index, guint start)
{
  const SaywhoLexiconAlias *alias = &x->aliases[alias_index];
  const SaywhoLexiconWord *words = &x->words[alias->forms];
  gboolean acronym = (alias->flags & SAYWHO_ALIAS_ACRONYM) != 0;
  guint ntokens = alias->ntokens;
  for (guint k = 0; k < ntokens; k++)
    if (!word_matches (x, start + k, &words[k], acronym, k, ntokens))
      return FALSE;
  return TRUE;
}

static const SaywhoLexiconEntry *
alias_entry (const SaywhoEntityLexicon *lex, guint32 alias)
{
  return saywho_entity_lexicon_entry (lex, saywho_entity_lexicon_alias (lex, alias)->entry);
}

/* The entry a match stands for: the one whose country the document's
 * unambiguous mentions point to most, then the lexicon's order. */
static const SaywhoLexiconEntry *
resolve (const SaywhoEntityLexicon *lex, const GazetteerWorker *w, const Match *m)
{
  if (m->single != NULL)
    return m->single;
  const SaywhoLexiconEntry *best = NULL;
  guint best_votes = 0;
  for (guint a = 0; a < m->count; a++)
    {
      const SaywhoLexiconEntry *e = alias_entry (lex, w->aliases[m->first_alias + a]);
      /* Entries with no country have number 0, which gets no votes. */
      guint votes = w->votes[e->country_number];
      if (best == NULL || votes > best_votes || (votes == best_votes && e->rank < best->rank))
        {
          best = e;
          best_votes = votes;
        }
    }
  return best;
}

static inline void
add_alias (GazetteerWorker *w, guint32 alias)
{
  if (G_UNLIKELY (w->naliases == w->aliases_size))
    {
      w->aliases_size = MAX (64, 2 * w->aliases_size);
      w->aliases = g_renew (guint32, w->aliases, w->aliases_size);
    }
  w->aliases[w->naliases++] = alias;
}

/* Adds the match of tokens [start, end) by count aliases from first in
 * the worker's list; it is for a single entry when they all name one, and
 * that entry's country gets a vote. */
static inline void
add_match (const Walk *x, const SaywhoEntityLexicon *lex, guint start, guint end, guint first,
           guint count)
{
  GazetteerWorker *w = x->w;
  if (G_UNLIKELY (w->nmatches == w->matches_size))
    {
      w->matches_size = MAX (64, 2 * w->matches_size);
      w->matches = g_renew (Match, w->matches, w->matches_size);
    }
  Match m = { start, end, first, count, NULL };
  guint32 entry = x->aliases[w->aliases[first]].entry;
  guint a = 1;
  while (a < count && x->aliases[w->aliases[first + a]].entry == entry)
    a++;
  if (a == count)
    {
      m.single = saywho_entity_lexicon_entry (lex, entry);
      /* the country it points to gets its vote */
      w->votes[m.single->country_number]++;
    }
  w->matches[w->nmatches++] = m;
}

static gboolean
gazetteer_process (gpointer shared, gpointer worker_data, SaywhoDocument *doc, GError **error)
{
  const SaywhoEntityLexicon *lex = shared;
  GazetteerWorker *w = worker_data;
  guint n = doc->tokens->len;
  (void) error;

  w->nmatches = 0;
  w->naliases = 0;
  if (w->caps_size < doc->sentences->len)
    {
      w->caps_size = MAX (doc->sentences->len, 2 * w->caps_size);
      w->caps = g_renew (gint8, w->caps, w->caps_size);
    }
  if (doc->sentences->len > 0)
    memset (w->caps, -1, doc->sentences->len);

  /* Leftmost-longest walk, from the tokens that may start an alias. */
  const SaywhoTrie *trie = lex->trie;
  const SaywhoTrieFilter *starts = saywho_trie_start_filter (trie);
  const SaywhoTrieFilter *inner = saywho_trie_inner_filter (trie);
  const SaywhoTrieNodes *nodes = saywho_trie_nodes (trie);
  const SaywhoToken *tokens = (const SaywhoToken *) (const void *) doc->tokens->data;
  const Walk x = {
    doc, w, tokens,
    (const SaywhoLexiconAlias *) (const void *) lex->aliases->data,
    (const SaywhoLexiconWord *) (const void *) lex->words->data,
  };
  for (guint i = next_start (starts, tokens, 0, n); i < n; i = next_start (starts, tokens, i, n))
    {
      const SaywhoTrieNodeInfo *info = NULL;
      guint32 node = first_step (trie, nodes, &tokens[i], &info);
      guint best_end = 0, best_first = w->naliases, best_count = 0;
      for (guint j = i; node != SAYWHO_TRIE_NONE; node = step (trie, inner, node, &tokens[j]),
                info = &nodes->info[node])
        {
          guint nvalues;
          const guint32 *values = saywho_trie_info_values (nodes, info, &nvalues);
          guint first = w->naliases, count = 0;
          for (guint v = 0; v < nvalues; v++)
            if (alias_matches (&x, values[v], i))
              {
                add_alias (w, values[v]);
                count++;
              }
          if (count > 0)
            {
              best_end = j + 1;
              best_first = first;
              best_count = count;
            }
          if (saywho_trie_info_leaf (info) || ++j == n)
            break;
        }
      if (best_end == 0)
        {
          i++;
          continue;
        }
      /* "[Russia]'s [Foreign Ministry]", "[U.S.] [State Department]": the
       * place that leads the alias is a mention of its own. */
      guint lead = G_MAXUINT;
      for (guint a = 0; a < best_count; a++)
        lead = MIN (lead, saywho_lexicon_alias_lead (&x.aliases[w->aliases[best_first + a]]));
      if (lead > 0 && best_end - i > lead)
        {
          guint32 place = first_step (trie, nodes, &tokens[i], &info);
          guint nvalues = 0;
          const guint32 *values = place != SAYWHO_TRIE_NONE
                                    ? saywho_trie_info_values (nodes, info, &nvalues)
                                    : NULL;
          guint first = w->naliases, count = 0;
          for (guint v = 0; v < nvalues; v++)
            if (x.aliases[values[v]].ntokens == 1 && alias_matches (&x, values[v], i))
              {
                add_alias (w, values[v]);
                count++;
              }
          if (count > 0)
            add_match (&x, lex, i, i + 1, first, count);
          add_match (&x, lex, i + lead, best_end, best_first, best_count);
        }
      else
        add_match (&x, lex, i, best_end, best_first, best_count);
      i = best_end;
    }

  /* Countries the unambiguous mentions point to (their votes were counted
   * as they were added), then the ambiguous ones. */
  w->votes[0] = 0;
  g_array_set_size (doc->entities, w->nmatches);
  SaywhoEntity *entities = (SaywhoEntity *) (void *) doc->entities->data;
  for (guint k = 0; k < w->nmatches; k++)
    {
      const Match *m = &w->matches[k];
      const SaywhoLexiconEntry *e = resolve (lex, w, m);
      entities[k] = (SaywhoEntity) {
        .span = { m->start, m->end },
        .type = e->type,
        .id = e->link,
        .kind = e->kind,
        .name = e->name,
      };
    }
  for (guint k = 0; k < w->nmatches; k++)
    if (w->matches[k].single != NULL)
      w->votes[w->matches[k].single->country_number] = 0;
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
  const SaywhoEntityLexicon *lex = shared;
  (void) error;
  GazetteerWorker *w = g_new0 (GazetteerWorker, 1);
  w->votes = g_new0 (guint, lex->ncountries + 1);
  return w;
}

static void
gazetteer_worker_free (gpointer data)
{
  GazetteerWorker *w = data;
  g_free (w->matches);
  g_free (w->aliases);
  g_free (w->caps);
  g_free (w->votes);
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
