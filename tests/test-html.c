/* test-html.c — the HTML page: its structure as written, and as headless
 * Chromium parses it (Debian's chromium; the browser checks are skipped,
 * saying so, where it is not installed).
 *
 * The page holds the formats fixture (tests/formats/talks.*, every kind of
 * annotation, a quotation over two paragraphs) and a document whose text
 * and ids need escaping, so that it has a contents list. */
#include "test-common.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static char *workdir;
static char *page_path;     /* the page, written once */
static char *page;

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;
  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

static SaywhoDocument *
load_fixture (void)
{
  /* The same document as test-formats.c builds: the pipeline's tokens with
   * the layers of talks.layers.tsv. */
  g_autofree char *text_path = test_source_path ("tests", "formats", "talks.txt", NULL);
  g_autofree char *layers_path = test_source_path ("tests", "formats", "talks.layers.tsv", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
  SaywhoDocument *doc = test_annotate (text);
  g_free (doc->id);
  doc->id = g_strdup ("talks.txt");
  g_array_set_size (doc->entities, 0);
  g_array_set_size (doc->quotes, 0);
  g_autoptr (SaywhoAnnotations) layers = saywho_gold_read (layers_path, &error);
  g_assert_no_error (error);

  /* character offsets → token spans */
  guint n = doc->tokens->len;
  g_autofree guint *first_at = g_new0 (guint, 4096), *end_at = g_new0 (guint, 4096);
  for (guint i = 0; i < n; i++)
    {
      const SaywhoToken *tok = saywho_document_token (doc, i);
      g_assert_cmpuint (tok->char_end, <, 4096);
      first_at[tok->char_start] = i + 1;
      end_at[tok->char_end] = i + 1;
    }
#define SPAN(a, b) ((a) == SAYWHO_NO_OFFSET ? (SaywhoSpan) { 0, 0 } \
                    : (SaywhoSpan) { first_at[a] - 1, end_at[b] })
  for (guint e = 0; e < layers->entities->len; e++)
    {
      const SaywhoEntityMention *m = &g_array_index (layers->entities, SaywhoEntityMention, e);
      SaywhoEntity entity = { SPAN (m->start, m->end), m->type,
                              saywho_document_intern (doc, m->id, -1), NULL, NULL };
      g_array_append_val (doc->entities, entity);
    }
  for (guint q = 0; q < layers->quotes->len; q++)
    {
      const SaywhoQuoteMention *m = &g_array_index (layers->quotes, SaywhoQuoteMention, q);
      SaywhoQuote quote = {
        SPAN (m->start, m->end), m->kind, SPAN (m->cue_start, m->cue_end),
        SPAN (m->mention_start, m->mention_end),
        m->speaker != NULL ? saywho_document_intern (doc, m->speaker, -1) : NULL, NULL,
      };
      g_array_append_val (doc->quotes, quote);
    }
#undef SPAN
  return doc;
}

/* Text, id and names that must be escaped, and no quotation. */
static SaywhoDocument *
load_escapes (void)
{
  SaywhoDocument *doc = test_annotate ("Smith & Wesson <b>said</b> \"no\" to O'Brien.");
  g_free (doc->id);
  doc->id = g_strdup ("odd <id> & \"name\".txt");
  doc->seq = 1;
  g_array_set_size (doc->entities, 0);
  g_array_set_size (doc->quotes, 0);
  /* Smith & Wesson: tokens 0..3 */
  SaywhoEntity org = { { 0, 3 }, SAYWHO_ENTITY_ORG, "org:a\"b<c>", "org", "Smith & Wesson <Inc>" };
  g_array_append_val (doc->entities, org);
  return doc;
}

static void
write_page (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SaywhoDocument) talks = load_fixture ();
  g_autoptr (SaywhoDocument) odd = load_escapes ();
  page_path = g_build_filename (workdir, "page.html", NULL);
  const SaywhoFormat *format = saywho_format_lookup ("html");
  SaywhoSink *sink = saywho_sink_new_stream (page_path, format, &error);
  g_assert_no_error (error);
  SaywhoDocument *docs[] = { talks, odd };
  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr (GString) body = g_string_new (NULL);
      format->document (format, docs[i], body);
      g_assert_true (saywho_sink_write (sink, docs[i], body, &error));
    }
  g_assert_true (saywho_sink_close (sink, &error));
  g_assert_true (g_file_get_contents (page_path, &page, NULL, &error));
}

/* ---- the page as written -------------------------------------------------- */

static void
test_structure (void)
{
  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>\n"));
  g_assert_cmpuint (count (page, "<article class=\"doc\""), ==, 2);
  g_assert_nonnull (strstr (page, "<article class=\"doc\" id=\"doc-1\">"));
  g_assert_nonnull (strstr (page, "<article class=\"doc\" id=\"doc-2\">"));
  /* the contents list, after the documents, links to both */
  const char *nav = strstr (page, "<nav id=\"contents\">");
  g_assert_nonnull (nav);
  g_assert_true (nav > strstr (page, "id=\"doc-2\""));
  g_assert_nonnull (strstr (nav, "<a href=\"#doc-1\">talks.txt</a> <span class=\"n\">12 entities, "
                                 "6 quotations</span>"));
  g_assert_nonnull (strstr (nav, "<a href=\"#doc-2\">odd &lt;id&gt; &amp; &quot;name&quot;.txt"
                                 "</a> <span class=\"n\">1 entity, 0 quotations</span>"));
  /* every entity has a mark with its id and type; every quotation a label */
  g_assert_cmpuint (count (page, "<mark class=\"ent "), ==, 12 + 1 + 4 /* legend */);
  g_assert_cmpuint (count (page, "<mark class=\"ent per\" data-id=\"official:susan-rice\" "
                                 "title=\"PER official:susan-rice\">"), ==, 2);
  g_assert_cmpuint (count (page, "<span class=\"who\" data-label="), ==, 6);
  g_assert_nonnull (strstr (page, "data-label=\"Q1 official:susan-rice\""));
  g_assert_nonnull (strstr (page, "data-label=\"Q4 no named speaker\""));
  /* Q6 runs over two paragraphs: two pieces, one label */
  g_assert_cmpuint (count (page, "data-q=\"Q6\""), ==, 2);
  /* the summary: who said how much */
  g_assert_nonnull (strstr (page, "<caption>Who said how much</caption>"));
  g_assert_nonnull (strstr (page, "<td class=\"num\">3</td><td class=\"num\">28</td>"));
  g_assert_nonnull (strstr (page, "<p class=\"no-quotes\">No quotations found.</p>"));
}

static void
test_escaping (void)
{
  g_assert_nonnull (strstr (page, "Smith &amp; Wesson"));
  g_assert_nonnull (strstr (page, "&lt;b&gt;said&lt;/b&gt; &quot;no&quot; to O&#39;Brien."));
  g_assert_nonnull (strstr (page, "data-id=\"org:a&quot;b&lt;c&gt;\""));
  g_assert_nonnull (strstr (page, "title=\"ORG org:a&quot;b&lt;c&gt;: Smith &amp; Wesson "
                                  "&lt;Inc&gt;\""));
  /* the data for programs cannot end its script element early */
  const char *data = strstr (page, "<script type=\"application/json\" class=\"saywho-data\">"
                                   "{\"id\":\"odd \\u003cid>");
  g_assert_nonnull (data);
}

/* Self-contained: nothing to fetch, nothing to run. */
static void
test_self_contained (void)
{
  static const char *const forbidden[] = {
    " src=", "<link", "url(", "@import", "<script>", "<script src", "<img", "<iframe",
    "href=\"http", "href=\"//",
  };
  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    {
      g_test_message ("looking for %s", forbidden[i]);
      g_assert_null (strstr (page, forbidden[i]));
    }
  g_assert_cmpuint (count (page, "<script"), ==, count (page, "<script type=\"application/json\""));
}

/* Elements open and close in order (void elements aside). */
static void
test_balanced (void)
{
  g_autoptr (GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  const char *p = page;
  while ((p = strchr (p, '<')) != NULL)
    {
      if (g_str_has_prefix (p, "<!"))
        {
          p++;
          continue;
        }
      if (g_str_has_prefix (p, "<script"))
        {
          p = strstr (p, "</script>");
          g_assert_nonnull (p);
          p += strlen ("</script>");
          continue;
        }
      gboolean closing = p[1] == '/';
      const char *name = p + (closing ? 2 : 1);
      gsize len = strcspn (name, " >");
      g_autofree char *tag = g_strndup (name, len);
      if (strcmp (tag, "meta") == 0)
        {
          p++;
          continue;
        }
      if (!closing)
        g_ptr_array_add (stack, g_steal_pointer (&tag));
      else
        {
          g_assert_cmpuint (stack->len, >, 0);
          g_assert_cmpstr (g_ptr_array_index (stack, stack->len - 1), ==, tag);
          g_ptr_array_set_size (stack, stack->len - 1);
        }
      p++;
    }
  g_assert_cmpuint (stack->len, ==, 0);
}

/* ---- the page as Chromium reads it ------------------------------------------ */

static char *
chromium (void)
{
  static const char *const names[] = { "chromium", "chromium-browser", "google-chrome" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      char *path = g_find_program_in_path (names[i]);
      if (path != NULL)
        return path;
    }
  return NULL;
}

/* Runs headless Chromium on the page with the extra argument; returns its
 * standard output. */
static char *
run_chromium (const char *browser, const char *extra)
{
  g_autofree char *profile = g_build_filename (workdir, "profile", NULL);
  g_autofree char *profile_arg = g_strdup_printf ("--user-data-dir=%s", profile);
  g_autofree char *url = g_filename_to_uri (page_path, NULL, NULL);
  const char *argv[] = {
    "timeout", "120", browser, "--headless", "--no-sandbox", "--disable-gpu",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--hide-scrollbars", "--window-size=1200,1400", profile_arg, extra, url,
    NULL,
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                          | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                                    &error);
  g_assert_no_error (error);
  char *out = NULL;
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));
  return out;
}

static void
test_chromium_dom (void)
{
  g_autofree char *browser = chromium ();
  if (browser == NULL)
    {
      g_test_skip ("Chromium is not installed (apt-get install chromium): the page was not "
                   "rendered in a browser");
      return;
    }
  g_autofree char *dom = run_chromium (browser, "--dump-dom");
  g_assert_nonnull (dom);
  /* Had the parser to mend the markup (a block inside an inline element, a
   * stray end tag), it would have added or moved elements: each kind is
   * there as often as written. */
  static const char *const elements[] = {
    "<article", "<mark class=\"ent ", "<span class=\"quote ", "<span class=\"who\"",
    "<span class=\"mention\"", "<span class=\"cue\"", "<span class=\"type\"", "<p>",
    "<p class=\"headline\">", "</p>", "<table", "<tr", "<li>",
  };
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    {
      g_test_message ("%s: written %u, in the DOM %u", elements[i], count (page, elements[i]),
                      count (dom, elements[i]));
      g_assert_cmpuint (count (dom, elements[i]), ==, count (page, elements[i]));
    }
  /* every entity mark carries its title; the contents list reaches each article */
  g_assert_cmpuint (count (dom, "<mark class=\"ent per\" data-id=\"official:xi-jinping\" "
                                "title=\"PER official:xi-jinping\">"), ==, 2);
  g_assert_cmpuint (count (dom, "<mark class=\"ent "), ==, count (dom, "title=\"PER ")
                                                          + count (dom, "title=\"ORG ")
                                                          + count (dom, "title=\"LOC ")
                                                          + count (dom, "title=\"MISC ")
                                                          + 4 /* the legend's */);
  g_assert_nonnull (strstr (dom, "<a href=\"#doc-1\">"));
  g_assert_nonnull (strstr (dom, "<a href=\"#doc-2\">"));
  g_assert_nonnull (strstr (dom, "id=\"doc-1\""));
  g_assert_nonnull (strstr (dom, "id=\"doc-2\""));
  g_assert_nonnull (strstr (dom, "Smith &amp; Wesson"));
}

static void
test_chromium_screenshot (void)
{
  g_autofree char *browser = chromium ();
  if (browser == NULL)
    {
      g_test_skip ("Chromium is not installed (apt-get install chromium): no screenshot");
      return;
    }
  /* Kept in the build folder for a person to look at. */
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *png = g_build_filename (builddir != NULL ? builddir : workdir,
                                           "html-page.png", NULL);
  g_autofree char *arg = g_strdup_printf ("--screenshot=%s", png);
  g_unlink (png);
  g_autofree char *out = run_chromium (browser, arg);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 20000);   /* a page with text and colour, not a blank one */
  g_assert_true (memcmp (contents, "\x89PNG\r\n\x1a\n", 8) == 0);
  g_test_message ("screenshot: %s", png);
}


int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  workdir = g_dir_make_tmp ("saywho-html-XXXXXX", NULL);
  write_page ();
  g_test_add_func ("/html/structure", test_structure);
  g_test_add_func ("/html/escaping", test_escaping);
  g_test_add_func ("/html/self-contained", test_self_contained);
  g_test_add_func ("/html/balanced", test_balanced);
  g_test_add_func ("/html/chromium/dom", test_chromium_dom);
  g_test_add_func ("/html/chromium/screenshot", test_chromium_screenshot);
  int status = g_test_run ();
  test_remove_tree (workdir);
  g_free (workdir);
  g_free (page_path);
  g_free (page);
  test_common_cleanup ();
  return status;
}
