/* test-common.h — what the test programs share. */
#pragma once

#include "saywho.h"

/* The pipeline over the source tree's lexicons, built once per program. */
SaywhoPipeline *test_pipeline (void);
/* A worker for the calling test (one per program; tests are sequential). */
SaywhoWorker *test_worker (void);
/* Runs every stage over text; fails the test if a stage fails. */
SaywhoDocument *test_annotate (const char *text);
/* The forms of the document's tokens, joined by '|'. */
char *test_token_forms (const SaywhoDocument *doc);
/* The text of each sentence (line breaks as spaces), joined by " || ". */
char *test_sentence_texts (const SaywhoDocument *doc);
/* Path of a file in the source tree: test_source_path ("corpus", NULL). */
char *test_source_path (const char *first, ...) G_GNUC_NULL_TERMINATED;
/* Runs the pipeline over every article with gold annotations in tests/gold/
 * and adds each comparison to score; with out, appends per-document lines. */
void test_score_gold (SaywhoScore *score, GString *out);
/* The same over another set: its gold files under gold_dir, the articles
 * they name under corpus_dir (tests/wire2/gold and tests/wire2/corpus). */
void test_score_set (SaywhoScore *score, const char *gold_dir, const char *corpus_dir,
                     GString *out);
/* With errors, test_score_gold() also lists each missed and spurious entity. */
extern gboolean test_score_list_errors;
/* Shows `diff -u expected_path actual` (its first 200 lines) as a test
 * message: how golden and fixture tests report a mismatch. */
void test_show_diff (const char *expected_path, const char *actual);
/* Removes a folder and everything below it; links are removed, not
 * followed. */
void test_remove_tree (const char *path);
/* Frees the cached pipeline and worker (call before exit, for valgrind). */
void test_common_cleanup (void);
