/* entity-lexicon.c — loading the entity lexicons into a token trie. */
#include "entity-lexicon.h"
#include "analyzer.h"
#include "lexicon.h"

#include <string.h>

/* Lists in the lexicon folder that are not entity lexicons. */
static const char *const other_lists[] = {
  "abbreviations.tsv", "titles.tsv", "speech-cues.tsv", "name-patterns.tsv",
  "speaker-nouns.tsv", NULL,
};

/* Ties between entries claiming the same words go to the kind a reader
 * most likely means (Georgia the country before the US state). */
static const char *const kind_order[] = {
  "country", "territory", "city", "state", "region", "demonym", "agency", "ministry",
  "party", "committee", "org", "media", "company", "exchange", "official", "person", "affiliation",
  "religion", "language", "regional", "event", NULL,
};

typedef struct {
  const char *file;
  guint line;
} Origin;

typedef struct {
  SaywhoEntityLexicon *g;
  SaywhoAnalyzer *analyzer;
  GArray *origins;         /* Origin of each entry, for duplicate-id messages */
  const char *name;        /* the name of the entry being added */
  const char *aliases;     /* and its aliases, `|`-separated */
  const char *file;
  guint32 order;
  GHashTable *countries;   /* interned country → its number */
  const char *kind;        /* the interned kind of the entry before, and its rank */
  guint32 kind_rank;
} Loader;

static guint32
kind_rank (const char *kind)
{
  for (guint i = 0; kind_order[i] != NULL; i++)
    if (strcmp (kind_order[i], kind) == 0)
      return i;
  return G_N_ELEMENTS (kind_order);
}

/* g_str_has_prefix() for a literal prefix, without measuring s: loading
 * tests a dozen prefixes per entry. */
#define HAS_PREFIX(s, prefix) (strncmp ((s), (prefix), sizeof (prefix) - 1) == 0)

static const char *
intern (SaywhoEntityLexicon *g, const char *s)
{
  return s != NULL ? g_string_chunk_insert_const (g->strings, s) : NULL;
}

/* The attributes saywho reads from a `;`-separated key=value list. */
typedef struct {
  char *link, *country, *role;
} Attributes;

static void
parse_attributes (char *attributes, Attributes *out)
{
  *out = (Attributes) { 0 };
  if (strcmp (attributes, "_") == 0)
    return;
  for (char *pair = attributes; pair != NULL;)
    {
      char *next = strchr (pair, ';');
      if (next != NULL)
        *next++ = '\0';
      if (HAS_PREFIX (pair, "link="))
        out->link = pair + 5;
      else if (HAS_PREFIX (pair, "country="))
        out->country = pair + 8;
      else if (HAS_PREFIX (pair, "role="))
        out->role = pair + 5;
      pair = next;
    }
}

static gboolean
is_acronym_form (const char *form)
{
  /* Capitals (with digits, dots, hyphens): US, UAE, U.S., G20, NATO. */
  gboolean upper = FALSE;
  for (const char *p = form; *p;)
    {
      guchar b = (guchar) *p;
      if (b < 0x80)
        {
          if (g_ascii_islower (b))
            return FALSE;
          upper |= g_ascii_isupper (b);
          p++;
          continue;
        }
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_islower (c))
        return FALSE;
      upper |= g_unichar_isupper (c);
      p = g_utf8_next_char (p);
    }
  return upper;
}

SaywhoCaseClass
saywho_case_class_of (const char *s, gsize len)
{
  guint letters = 0;
  gboolean first_upper = FALSE;
  for (const char *p = s; p < s + len;)
    {
      gboolean up;
      guchar b = (guchar) *p;
      if (b < 0x80)
        {
          /* ASCII, most forms: no title-case letters there. */
          p++;
          if (!g_ascii_isalpha (b))
            continue;
          up = g_ascii_isupper (b);
        }
      else
        {
          gunichar c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
          if (!g_unichar_isalpha (c))
            continue;
          up = g_unichar_isupper (c) || g_unichar_istitle (c);
        }
      if (letters++ == 0)
        first_upper = up;
      /* After a small letter, only the first letter counts ("China"). */
      if (!up)
        return first_upper ? SAYWHO_CASE_CAPITALIZED : SAYWHO_CASE_LOWER;
    }
  if (letters >= 2)
    return SAYWHO_CASE_UPPER;
  return first_upper ? SAYWHO_CASE_CAPITALIZED : SAYWHO_CASE_LOWER;
}

static gboolean
has_capital (const SaywhoDocument *doc, const SaywhoToken *tok)
{
  const char *end = doc->text + tok->byte_end;
  for (const char *p = doc->text + tok->byte_start; p < end; p = g_utf8_next_char (p))
    if ((guchar) *p < 0x80 ? g_ascii_isupper (*p) : g_unichar_isupper (g_utf8_get_char (p)))
      return TRUE;
  return tok->kind != SAYWHO_TOKEN_WORD;
}

/* Forms that are descriptions rather than names, which news text would not
 * mark as one mention: "China's parliament" (a lower-case word at an end),
 * "Washington, D.C." (two mentions).  A name starts with a capital or a
 * number (the gazetteer stage starts its walks only there): "eBay" and
 * "iPhone" forms are left out. */
static gboolean
is_name_form (const SaywhoDocument *doc)
{
  guint n = doc->tokens->len;
  const SaywhoToken *first = saywho_document_token (doc, 0);
  if (!(first->flags & (SAYWHO_TOKEN_CAPITALIZED | SAYWHO_TOKEN_ALL_CAPS))
      && first->kind != SAYWHO_TOKEN_NUMBER)
    return FALSE;
  if (!has_capital (doc, saywho_document_token (doc, n - 1)))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gsize len;
      const char *t = saywho_token_text (doc, saywho_document_token (doc, i), &len);
      if (len == 1 && (t[0] == ',' || t[0] == ';' || t[0] == '('))
        return FALSE;
    }
  return TRUE;
}

/* Is form the entry's name or one of its aliases? */
static gboolean
has_form (const Loader *l, const char *form)
{
  gsize len = strlen (form);
  if (strcmp (l->name, form) == 0)
    return TRUE;
  for (const char *p = l->aliases; p != NULL && *p;)
    {
      const char *bar = strchr (p, '|');
      gsize n = bar != NULL ? (gsize) (bar - p) : strlen (p);
      if (n == len && memcmp (p, form, len) == 0)
        return TRUE;
      p = bar != NULL ? bar + 1 : NULL;
    }
  return FALSE;
}

static gboolean
add_alias (Loader *l, guint32 entry, const char *alias, GError **error)
{
  /* "The White House": news marks "White House"; "The Hague" stays whole. */
  if (HAS_PREFIX (alias, "The ") && l->name != NULL && has_form (l, alias + 4))
    return TRUE;
  const SaywhoDocument *doc = saywho_analyzer_run (l->analyzer, alias, error);
  if (doc == NULL)
    return FALSE;
  guint n = doc->tokens->len;
  if (n == 0 || !is_name_form (doc))
    return TRUE;
  if (n > 64)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                   "alias '%s' is longer than 64 tokens", alias);
      return FALSE;
    }
  const char *keys[64];
  SaywhoLexiconAlias a = { entry, (guint16) n, 0, l->g->words->len };
  gboolean acronym = n == 1;
  guint first_word = l->g->words->len;
  g_array_set_size (l->g->words, first_word + n);
  SaywhoLexiconWord *words = &g_array_index (l->g->words, SaywhoLexiconWord, first_word);
  for (guint i = 0; i < n; i++)
    {
      const SaywhoToken *tok = saywho_document_token (doc, i);
      gsize len = tok->byte_end - tok->byte_start;
      SaywhoLexiconWord word = {
        .form = g_string_chunk_insert_len (l->g->strings, doc->text + tok->byte_start,
                                           (gssize) len),
        .norm = g_string_chunk_insert_len (l->g->strings, tok->norm, tok->norm_len),
        .form_len = (guint32) len,
        .norm_len = tok->norm_len,
        .case_class = saywho_case_class_of (doc->text + tok->byte_start, len),
      };
      keys[i] = tok->stem;
      words[i] = word;
      if (acronym && (!is_acronym_form (word.form) || tok->kind == SAYWHO_TOKEN_PUNCT))
        acronym = FALSE;
    }
  if (acronym)
    a.flags |= SAYWHO_ALIAS_ACRONYM;
  saywho_trie_insert (l->g->trie, keys, n, l->g->aliases->len);
  g_array_append_val (l->g->aliases, a);
  return TRUE;
}

static gboolean
add_entry (char **c, guint ncolumns, guint line, gpointer user_data, GError **error)
{
  Loader *l = user_data;
  SaywhoEntityLexicon *g = l->g;
  (void) ncolumns;

  const char *id = c[0], *type_name = c[1], *kind = c[2], *name = c[3];
  const char *aliases = c[4];
  SaywhoEntityType type;
  const char *colon = strchr (id, ':');
  if (colon == NULL || colon == id || colon[1] == '\0' || strpbrk (id, " |;") != NULL)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                   "id '%s' is not of the form prefix:name", id);
      return FALSE;
    }
  if (!saywho_entity_type_parse (type_name, &type))
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                   "type '%s' is none of PER, ORG, LOC, MISC", type_name);
      return FALSE;
    }
  if (*kind == '\0' || *name == '\0' || strcmp (name, "_") == 0)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON, "empty kind or name");
      return FALSE;
    }
  gpointer before = g_hash_table_lookup (g->by_id, id);
  if (before != NULL)
    {
      const Origin *o = &g_array_index (l->origins, Origin, GPOINTER_TO_UINT (before) - 1);
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON,
                   "id '%s' is defined twice (first at %s:%u)", id, o->file, o->line);
      return FALSE;
    }

  Attributes attr;
  parse_attributes (c[5], &attr);
  const char *country = attr.country;
  if (country == NULL && HAS_PREFIX (id, "country:"))
    country = id + strlen ("country:");
  if (country == NULL && attr.link != NULL && HAS_PREFIX (attr.link, "country:"))
    country = attr.link + strlen ("country:");

  const char *own_id = g_string_chunk_insert (g->strings, id);
  /* Countries by number, so that the gazetteer counts a document's votes
   * for them in an array. */
  /* Entries of a file mostly share their kind. */
  const char *own_kind = intern (g, kind);
  if (own_kind != l->kind)
    {
      l->kind = own_kind;
      l->kind_rank = kind_rank (kind);
    }
  const char *own_country = intern (g, country);
  guint32 country_number = 0;
  if (own_country != NULL)
    {
      country_number = GPOINTER_TO_UINT (g_hash_table_lookup (l->countries, own_country));
      if (country_number == 0)
        {
          country_number = ++g->ncountries;
          g_hash_table_insert (l->countries, (gpointer) own_country,
                               GUINT_TO_POINTER (country_number));
        }
    }
  SaywhoLexiconEntry entry = {
    .id = own_id,
    .name = g_string_chunk_insert (g->strings, name),
    .kind = own_kind,
    .link = attr.link != NULL ? intern (g, attr.link) : own_id,
    .country = own_country,
    .role = intern (g, attr.role),
    .type = type,
    .rank = (l->kind_rank << 24) | (l->order++ & 0xffffff),
    .country_number = country_number,
  };
  guint32 index = g->entries->len;
  g_array_append_val (g->entries, entry);
  g_hash_table_insert (g->by_id, (gpointer) entry.id, GUINT_TO_POINTER (index + 1));
  Origin origin = { l->file, line };
  g_array_append_val (l->origins, origin);

  l->name = name;
  l->aliases = strcmp (aliases, "_") == 0 ? "" : aliases;
  gboolean ok = add_alias (l, index, name, error);
  /* the aliases, cut at each | in a copy (has_form() reads the original) */
  g_autofree char *copy = g_strdup (aliases);
  for (char *p = copy; ok && p != NULL && strcmp (aliases, "_") != 0;)
    {
      char *bar = strchr (p, '|');
      char saved = 0;
      if (bar != NULL)
        {
          saved = *bar;
          *bar = '\0';
        }
      if (*p != '\0' && strcmp (p, name) != 0)
        ok = add_alias (l, index, p, error);
      if (bar != NULL)
        *bar = saved;
      p = bar != NULL ? bar + 1 : NULL;
    }
  l->name = l->aliases = NULL;
  return ok;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

SaywhoEntityLexicon *
saywho_entity_lexicon_load (const SaywhoConfig *config, GError **error)
{
  g_autoptr (GError) local = NULL;
  GDir *dir = g_dir_open (config->lexicon_dir, 0, &local);
  if (dir == NULL)
    {
      g_set_error (error, SAYWHO_ERROR, SAYWHO_ERROR_LEXICON, "%s", local->message);
      return NULL;
    }
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".tsv") && !g_strv_contains (other_lists, name))
      g_ptr_array_add (files, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (files, compare_names);

  g_autoptr (SaywhoEntityLexicon) g = g_new0 (SaywhoEntityLexicon, 1);
  g->entries = g_array_new (FALSE, FALSE, sizeof (SaywhoLexiconEntry));
  g->aliases = g_array_new (FALSE, FALSE, sizeof (SaywhoLexiconAlias));
  g->words = g_array_new (FALSE, FALSE, sizeof (SaywhoLexiconWord));
  g->trie = saywho_trie_new ();
  g->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g->strings = g_string_chunk_new (1 << 20);

  g_autoptr (SaywhoAnalyzer) analyzer = saywho_analyzer_new (config, error);
  if (analyzer == NULL)
    return NULL;
  Loader l = {
    .g = g,
    .analyzer = analyzer,
    .origins = g_array_new (FALSE, FALSE, sizeof (Origin)),
    .countries = g_hash_table_new (g_direct_hash, g_direct_equal),
  };
  gboolean ok = TRUE;
  for (guint i = 0; i < files->len && ok; i++)
    {
      l.file = g_ptr_array_index (files, i);
      ok = saywho_lexicon_read (config->lexicon_dir, l.file, 6, 6, add_entry, &l, error);
    }
  g_array_unref (l.origins);
  g_hash_table_unref (l.countries);
  if (!ok)
    return NULL;
  g->files = files->len;
  saywho_trie_seal (g->trie);
  return g_steal_pointer (&g);
}

void
saywho_entity_lexicon_free (SaywhoEntityLexicon *g)
{
  if (g == NULL)
    return;
  g_array_unref (g->entries);
  g_array_unref (g->aliases);
  g_array_unref (g->words);
  saywho_trie_free (g->trie);
  g_hash_table_unref (g->by_id);
  g_string_chunk_free (g->strings);
  g_free (g);
}

const SaywhoLexiconEntry *
saywho_entity_lexicon_lookup (const SaywhoEntityLexicon *g, const char *id)
{
  gpointer found = g_hash_table_lookup (g->by_id, id);
  return found != NULL ? saywho_entity_lexicon_entry (g, GPOINTER_TO_UINT (found) - 1) : NULL;
}
