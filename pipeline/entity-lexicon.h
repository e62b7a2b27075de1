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
} SaywhoLexiconEntry;

typedef struct {
  guint32 entry;           /* index into entries */
  guint16 ntokens;
  guint16 flags;           /* SaywhoAliasFlags */
  guint32 forms;           /* index of its first token form in forms */
} SaywhoLexiconAlias;

typedef enum {
  SAYWHO_ALIAS_ACRONYM = 1 << 0,   /* all capitals or short: matches its own case only */
} SaywhoAliasFlags;

typedef struct {
  GArray *entries;         /* SaywhoLexiconEntry */
  GArray *aliases;         /* SaywhoLexiconAlias; trie values index this */
  GPtrArray *forms;        /* const char *: each alias's token forms, in order */
  GPtrArray *norms;        /* const char *: the same tokens' norms */
  SaywhoTrie *trie;        /* stems → aliases */
  GHashTable *by_id;       /* id → entry index + 1 */
  GStringChunk *strings;
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

/* The entry with this id, or NULL. */
const SaywhoLexiconEntry *saywho_entity_lexicon_lookup (const SaywhoEntityLexicon *g, const char *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaywhoEntityLexicon, saywho_entity_lexicon_free)

G_END_DECLS
