#!/bin/sh
# Rewrites tests/golden/ from corpus/ with the saywho binary given, and
# tests/formats/talks.* (every output format on the hand-annotated
# fixture) with test-formats, when given.
# Run it as `meson compile -C build regen-golden`, then review `git diff`.
set -eu
saywho=$1
root=$2
golden="$root/tests/golden"
rm -rf "$golden"
"$saywho" --quiet --jobs 2 --lexicons "$root/lexicons" --output-dir "$golden" "$root/corpus"
echo "regenerated $(find "$golden" -type f | wc -l) golden files in $golden"
if [ $# -ge 3 ]; then
  SAYWHO_LEXICONS="$root/lexicons" "$3" --regen >/dev/null
  echo "regenerated the expected files of every format in $root/tests/formats"
fi
