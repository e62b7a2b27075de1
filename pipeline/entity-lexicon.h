/* entity-lexicon.h — every entity lexicon compiled into one token trie.
 *
 * The entity lexicons are the `*.tsv` files of the lexicon folder other
 * than the lists with formats of their own (abbreviations.tsv, titles.tsv,
 * speech-cues.tsv, name-patterns.tsv); their format is in
 * lexicons/README.md.  Each alias is cut by the same tokenize and stem
 * stages as documents, and the trie is keyed by the tokens' stems; the
 * alias's own token forms are kept to check case when it matches (see the
 * gazetteer stage).
 *
 * Loading fails, naming FILE:LINE, on a malformed entry or an id defined
 * twice.  A form claimed by two entries is allowed: context decides
 * between them at run time (lexicons/tools/check-lexicons.py lists them).
 *
 * Read-only once loaded: stages share one gazetteer between threads.
 */
#pragma once

#include <glib.h>
#include "document.h"
#include "stage.h"
#include "trie.h"
#include "wordmap.h"

G_BEGIN_DECLS

typedef struct {
  const char *id;          /* country:CN, official:xi-jinping */
  const char *name;        /* canonical name */
  const char *kind;        /* country, city, official, agency, … */
  const char *link;        /* the id a mention is linked to: `link=` or id */
  const char *country;     /* ISO alpha-2 of the entry's country, or NULL */
  const char *role;        /* `role=`, or NULL */
  SaywhoEntityType type;
  guint32 rank;            /* lower wins a tie between entries: kind, then order */
  guint32 country_number;  /* country as a number in [1, ncountries], 0 for none */
} SaywhoLexiconEntry;

typedef struct {
  guint32 entry;           /* index into entries */
  guint16 ntokens;
  guint16 flags;           /* SaywhoAliasFlags */
  guint32 forms;           /* index of its first token in words */
} SaywhoLexiconAlias;

typedef enum {
  SAYWHO_ALIAS_ACRONYM = 1 << 0,   /* all capitals or short: matches its own case only */
} SaywhoAliasFlags;

/* The alias's leading tokens that name its country, not it, by the CoNLL
 * convention: "[Russia]'s [Foreign Ministry]" (2: the country and the 's),
 * "[U.S.] [State Department]" (1, when "State Department" is an alias of
 * the same entry), "[Chinese] [Foreign Ministry]" (1, a nationality of
 * the entry's country before a ministry or department).  The alias matches whole, so that the country picks
 * the entry, and the mention leaves them out.  Kept in the flags' high
 * byte. */
#define SAYWHO_ALIAS_LEAD_SHIFT 8

static inline guint
saywho_lexicon_alias_lead (const SaywhoLexiconAlias *alias)
{
  return alias->flags >> SAYWHO_ALIAS_LEAD_SHIFT;
}

/* How a word is written: the case classes the gazetteer's case policy
 * compares (a first letter in title case counts as a capital). */
typedef enum {
  SAYWHO_CASE_LOWER,
  SAYWHO_CASE_CAPITALIZED,  /* first letter a capital */
  SAYWHO_CASE_UPPER,        /* two or more letters, all capitals */
} SaywhoCaseClass;

/* One token of an alias.  What matching compares is measured here once,
 * at load time, rather than for every candidate match in every document. */
typedef struct {
  const char *form;        /* the token as the lexicon writes it */
  const char *norm;        /* its norm */
  guint32 form_len;        /* bytes in form, without its NUL */
  guint32 norm_len;        /* bytes in norm, without its NUL */
  SaywhoCaseClass case_class;  /* of form */
} SaywhoLexiconWord;

typedef struct {
  GArray *entries;         /* SaywhoLexiconEntry */
  GArray *aliases;         /* SaywhoLexiconAlias; trie values index this */
  GArray *words;           /* SaywhoLexiconWord: each alias's tokens, in order */
  guint ncountries;        /* distinct countries of the entries */
  SaywhoTrie *trie;        /* stems → aliases */
  SaywhoWordMap by_id;     /* id → entry index */
  SaywhoStringPool strings;  /* ids, names, forms, norms, kinds, … */
  guint files;
} SaywhoEntityLexicon;

SaywhoEntityLexicon *saywho_entity_lexicon_load (const SaywhoConfig *config, GError **error);
void             saywho_entity_lexicon_free (SaywhoEntityLexicon *gazetteer);

static inline const SaywhoLexiconEntry *
saywho_entity_lexicon_entry (const SaywhoEntityLexicon *g, guint32 i)
{
  return &g_array_index (g->entries, SaywhoLexiconEntry, i);
}

static inline const SaywhoLexiconAlias *
saywho_entity_lexicon_alias (const SaywhoEntityLexicon *g, guint32 i)
{
  return &g_array_index (g->aliases, SaywhoLexiconAlias, i);
}

/* The words of alias, alias->ntokens of them. */
static inline const SaywhoLexiconWord *
saywho_entity_lexicon_words (const SaywhoEntityLexicon *g, const SaywhoLexiconAlias *alias)
{
  return &g_array_index (g->words, SaywhoLexiconWord, alias->forms);
}

/* The case class of a word's text (len bytes of UTF-8). */
SaywhoCaseClass saywho_case_class_of (const char *s, gsize len);

/* The entry with this id, or NULL. */
const SaywhoLexiconEntry *saywho_entity_lexicon_lookup (const SaywhoEntityLexicon *g, const char *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaywhoEntityLexicon, saywho_entity_lexicon_free)

G_END_DECLS
