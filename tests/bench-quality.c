/* bench-quality.c — scores saywho against the hand-checked annotations in
 * tests/gold/ and prints the figures: entities by exact span and type
 * (conlleval rules), per type and micro-averaged; quotations by overlap,
 * direct, indirect and all; speaker accuracy over matched quotations.
 *
 *   meson test -C build --benchmark quality     (or build/tests/bench-quality)
 *   build/tests/bench-quality --errors          (lists each missed and spurious entity)
 */
#include "test-common.h"

int
main (int argc, char **argv)
{
  test_score_list_errors = argc > 1 && g_strcmp0 (argv[1], "--errors") == 0;
  SaywhoScore score = { 0 };
  g_autoptr (GString) out = g_string_new (NULL);
  test_score_gold (&score, out);
  g_string_append_c (out, '\n');
  saywho_score_report (&score, out);
  g_print ("%s", out->str);
  test_common_cleanup ();
  return 0;
}
