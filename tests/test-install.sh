#!/bin/sh
# test-install.sh SOURCE_ROOT BUILD_ROOT [SANITIZE] — `meson install` as a
# user meets it (TAP).
#
#  1. This build installed into a DESTDIR: the binary, libsaywho.a, the
#     public headers, saywho.pc, the man page and the lexicons are there; a
#     tiny C program builds with `pkg-config --cflags --libs saywho` against
#     that tree alone and annotates a sentence; the man page renders.
#  2. A scratch build installed into a real prefix: the installed binary
#     finds the installed lexicons with no flag and no $SAYWHO_LEXICONS (the
#     proof: with those files gone it names their installed path), and the
#     library's saywho_lexicon_default_dir() is that folder.
set -u
src=$1
build=$2
sanitize=${3:-none}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/saywho-install-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
unset SAYWHO_LEXICONS

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
not_ok() {
  n=$((n + 1)); failed=1; echo "not ok $n $1"
  [ -f "$tmp/log" ] && sed 's/^/# /' "$tmp/log" | head -40
}
check() {  # check NAME COMMAND...: ok when the command succeeds
  name=$1; shift
  if "$@" >"$tmp/log" 2>&1; then ok "$name"; else not_ok "$name"; fi
}
finish() { echo "1..$n"; exit $failed; }

# Programs built against the library need the sanitizer runtime the
# library was built with.
cflags=""
if [ "$sanitize" != "none" ] && [ -n "$sanitize" ]; then
  cflags="-fsanitize=$sanitize"
fi

cat >"$tmp/tiny.c" <<'EOF'
/* A C program using libsaywho as the README shows. */
#include <saywho.h>
#include <stdio.h>

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  if (argc > 1)
    {
      puts (saywho_lexicon_default_dir ());
      return 0;
    }
  SaywhoConfig config = { saywho_lexicon_default_dir (), "english" };
  g_autoptr (SaywhoPipeline) pipeline = saywho_pipeline_new (&config, NULL, &error);
  if (pipeline == NULL)
    {
      fprintf (stderr, "tiny: %s\n", error->message);
      return 1;
    }
  g_autoptr (SaywhoWorker) worker = saywho_worker_new (pipeline, &error);
  g_autoptr (SaywhoDocument) doc = saywho_document_new ("example",
                                                        "Susan Rice said China would talk.");
  if (!saywho_worker_process (worker, doc, &error))
    {
      fprintf (stderr, "tiny: %s\n", error->message);
      return 1;
    }
  const SaywhoFormat *format = saywho_format_lookup ("jsonl");
  g_autoptr (GString) out = g_string_new (NULL);
  format->document (format, doc, out);
  printf ("saywho %s: %u tokens\n%s", SAYWHO_VERSION_STRING, doc->tokens->len, out->str);
  return 0;
}
EOF

# ---- 1. DESTDIR ----------------------------------------------------------------
dest="$tmp/dest"
if ! meson install -C "$build" --no-rebuild --destdir "$dest" >"$tmp/log" 2>&1; then
  not_ok "meson install --destdir"
  finish
fi
ok "meson install --destdir"

bin=$(find "$dest" -path '*/bin/saywho' -type f | head -n 1)
pc=$(find "$dest" -name saywho.pc | head -n 1)
lib=$(find "$dest" -name libsaywho.a | head -n 1)
header=$(find "$dest" -path '*/include/saywho/saywho.h' | head -n 1)
man=$(find "$dest" -path '*/man1/saywho.1' | head -n 1)
lexicons=$(find "$dest" -path '*/share/saywho/lexicons' -type d | head -n 1)
for what in bin pc lib header man lexicons; do
  eval "path=\$$what"
  if [ -n "$path" ]; then ok "installed: ${path#"$dest"}"; else : >"$tmp/log"; not_ok "installed: $what"; fi
done
[ -n "$bin" ] && [ -n "$pc" ] && [ -n "$lexicons" ] || finish

check "the lexicons are all there" test -f "$lexicons/countries.tsv" -a -f "$lexicons/abbreviations.tsv"
check "the installed headers include each other only" \
  sh -c "printf '#include <saywho.h>\nint main (void) { return 0; }\n' > '$tmp/headers.c' &&
         cc -c -I'$(dirname "$header")' \$(pkg-config --cflags glib-2.0) '$tmp/headers.c' -o '$tmp/headers.o'"

# A relocatable saywho.pc finds the DESTDIR tree from where it lies; one made
# by an older configuration of this build folder gets the prefix written in.
pcdir=$(dirname "$pc")
if ! grep -q 'pcfiledir' "$pc"; then
  echo "# saywho.pc is not relocatable here (reconfigure with -Dpkgconfig.relocatable=true);"
  echo "# testing a copy with the DESTDIR prefix written in"
  mkdir -p "$tmp/pc"
  prefix=$(sed -n 's/^prefix=//p' "$pc")
  sed "s|^prefix=.*|prefix=$dest$prefix|" "$pc" >"$tmp/pc/saywho.pc"
  pcdir="$tmp/pc"
fi
flags=$(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs saywho 2>"$tmp/log")
if [ $? -eq 0 ]; then ok "pkg-config --cflags --libs saywho: $flags"; else not_ok "pkg-config saywho"; fi
case "$flags" in
  *"$dest"*) ok "pkg-config points into the installed tree" ;;
  *) : >"$tmp/log"; not_ok "pkg-config points into the installed tree: $flags" ;;
esac
# shellcheck disable=SC2086
check "a tiny C program builds against the installed library" \
  cc $cflags "$tmp/tiny.c" -o "$tmp/tiny" $flags
if SAYWHO_LEXICONS="$lexicons" "$tmp/tiny" >"$tmp/out" 2>"$tmp/log" \
   && grep -q '^saywho [0-9.]*: [1-9][0-9]* tokens$' "$tmp/out" \
   && grep -q '"id":"example"' "$tmp/out"; then
  ok "the tiny program annotates a sentence: $(head -n 1 "$tmp/out")"
else
  cat "$tmp/out" >>"$tmp/log"; not_ok "the tiny program annotates a sentence"
fi
if printf 'Kerry said so.' | "$bin" --quiet --lexicons "$lexicons" -f jsonl - >"$tmp/out" 2>"$tmp/log" \
   && grep -q '"id":"stdin"' "$tmp/out"; then
  ok "the installed binary runs"
else
  not_ok "the installed binary runs"
fi

if command -v groff >/dev/null 2>&1; then
  if groff -man -Tutf8 -ww -z "$man" >"$tmp/log" 2>&1 && [ ! -s "$tmp/log" ]; then
    ok "the man page renders without a warning"
  else
    not_ok "the man page renders without a warning"
  fi
else
  n=$((n + 1)); echo "ok $n the man page renders # SKIP groff is not installed"
fi
if grep -q '@[A-Z]*@' "$man"; then
  grep -n '@[A-Z]*@' "$man" >"$tmp/log"; not_ok "the man page has its version and paths filled in"
else
  ok "the man page has its version and paths filled in"
fi

# ---- 2. a real prefix --------------------------------------------------------
prefix="$tmp/prefix"
if meson setup "$tmp/build" "$src" --prefix "$prefix" -Dbuildtype=plain >"$tmp/log" 2>&1 \
   && ninja -C "$tmp/build" saywho >>"$tmp/log" 2>&1 \
   && meson install -C "$tmp/build" --no-rebuild >>"$tmp/log" 2>&1; then
  ok "a scratch build installs into $prefix"
else
  not_ok "a scratch build installs into a prefix"
  finish
fi
installed="$prefix/share/saywho/lexicons"
cd "$tmp" || exit 1
if printf 'Susan Rice said so.' | "$prefix/bin/saywho" --quiet - >"$tmp/out" 2>"$tmp/log" \
   && grep -q '^# newdoc id = stdin$' "$tmp/out"; then
  ok "the installed binary runs with no --lexicons and no SAYWHO_LEXICONS"
else
  not_ok "the installed binary runs with no --lexicons and no SAYWHO_LEXICONS"
fi
flags=$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$(dirname "$(find "$prefix" -name saywho.pc | head -n 1)")" \
        pkg-config --cflags --libs saywho)
# shellcheck disable=SC2086
if cc "$tmp/tiny.c" -o "$tmp/tiny2" $flags >"$tmp/log" 2>&1 \
   && [ "$("$tmp/tiny2" dir)" = "$installed" ]; then
  ok "saywho_lexicon_default_dir() is the installed folder"
else
  "$tmp/tiny2" dir >>"$tmp/log" 2>&1; not_ok "saywho_lexicon_default_dir() is the installed folder"
fi
# With the installed files gone, the error names the installed folder:
# the binary was reading them, not the source tree's.
rm -f "$installed"/*
if printf 'x' | "$prefix/bin/saywho" --quiet - >/dev/null 2>"$tmp/log"; then
  not_ok "without its lexicons the installed binary fails"
elif grep -q "$installed" "$tmp/log"; then
  ok "without its lexicons the installed binary fails naming $installed"
else
  not_ok "without its lexicons the installed binary names the installed folder"
fi
finish
