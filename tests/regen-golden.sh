#!/bin/sh
# Rewrites tests/golden/ from corpus/ with the saywho binary given.
# Run it as `meson compile -C build regen-golden`, then review `git diff`.
set -eu
saywho=$1
root=$2
golden="$root/tests/golden"
rm -rf "$golden"
"$saywho" --quiet --jobs 2 --lexicons "$root/lexicons" --output-dir "$golden" "$root/corpus"
echo "regenerated $(find "$golden" -type f | wc -l) golden files in $golden"
