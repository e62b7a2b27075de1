#!/usr/bin/env python3
"""Verify gold annotation files against the corpus.

Usage:
    python3 tests/gold/tools/check-gold.py [--corpus DIR] [GOLD.tsv ...]

With no arguments every tests/gold/**/*.gold.tsv is checked.  Exit status is 0
when every file passes, 1 otherwise.  Checks:
  * the first line is '# doc = <path relative to corpus/>' and the file exists;
  * every non-comment line is a well-formed E (6 fields) or Q (10 fields) line;
  * offsets are integers with 0 <= start < end <= len(text), counted in Unicode
    code points; the last field equals text[start:end] with each newline
    replaced by a space;
  * E: TYPE is PER/ORG/LOC/MISC; the span lies on word boundaries (it does not
    start or end inside a word and has no outer whitespace); no two E spans
    overlap; no duplicate spans;
  * Q: kind is direct/indirect; the speaker cluster is '_' or a cluster with an
    E mention in the same file; mention and cue are both '_' or valid spans;
    when the mention coincides with an E span, that span's cluster is the
    speaker cluster; a direct quote is delimited by quotation marks (the
    character before start and the one at end are quote marks); no span has
    outer whitespace.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD_DIR = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(GOLD_DIR))
TYPES = {"PER", "ORG", "LOC", "MISC"}
KINDS = {"direct", "indirect"}
OPEN_Q = "\"“‘'"
CLOSE_Q = "\"”’'"


def is_word(ch):
    return ch.isalnum() or ch == "_"


def check_file(path, corpus):
    errs = []

    def err(lineno, msg):
        errs.append("%s:%s: %s" % (path, lineno, msg))

    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or not lines[0].startswith("# doc = "):
        err(1, "first line must be '# doc = <path>'")
        return errs
    doc = lines[0][len("# doc = "):].strip()
    try:
        with open(os.path.join(corpus, doc), encoding="utf-8") as fh:
            text = fh.read()
    except OSError as e:
        err(1, "cannot read corpus document: %s" % e)
        return errs
    n = len(text)

    def span(lineno, a, b, what):
        try:
            a, b = int(a), int(b)
        except ValueError:
            err(lineno, "%s offsets not integers: %r %r" % (what, a, b))
            return None
        if not (0 <= a < b <= n):
            err(lineno, "%s span %d-%d out of range (document has %d code points)" % (what, a, b, n))
            return None
        if text[a].isspace() or text[b - 1].isspace():
            err(lineno, "%s span %d-%d has leading/trailing whitespace" % (what, a, b))
        return a, b

    ents = []
    qs = []
    seen = set()
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line in seen:
            err(lineno, "duplicate line")
        seen.add(line)
        f = line.split("\t")
        if f[0] == "E":
            if len(f) != 6:
                err(lineno, "E line needs 6 tab-separated fields, has %d" % len(f))
                continue
            sp = span(lineno, f[1], f[2], "E")
            if sp is None:
                continue
            a, b = sp
            if f[3] not in TYPES:
                err(lineno, "bad TYPE %r" % f[3])
            if not f[4] or f[4] == "_" or any(c.isspace() for c in f[4]):
                err(lineno, "bad cluster %r" % f[4])
            if text[a:b].replace("\n", " ") != f[5]:
                err(lineno, "text mismatch: gold %r, corpus %r" % (f[5], text[a:b]))
            if a > 0 and is_word(text[a - 1]) and is_word(text[a]):
                err(lineno, "E span %r starts inside a word" % f[5])
            if b < n and is_word(text[b - 1]) and is_word(text[b]):
                err(lineno, "E span %r ends inside a word" % f[5])
            ents.append((a, b, f[4], lineno))
        elif f[0] == "Q":
            if len(f) != 10:
                err(lineno, "Q line needs 10 tab-separated fields, has %d" % len(f))
                continue
            sp = span(lineno, f[1], f[2], "Q")
            if sp is None:
                continue
            a, b = sp
            if f[3] not in KINDS:
                err(lineno, "bad kind %r" % f[3])
            if text[a:b].replace("\n", " ") != f[9]:
                err(lineno, "text mismatch: gold %r, corpus %r" % (f[9], text[a:b]))
            if f[3] == "direct":
                if a == 0 or text[a - 1] not in OPEN_Q or b >= n or text[b] not in CLOSE_Q:
                    err(lineno, "direct quote %r is not delimited by quotation marks" % f[9][:40])
            sub = []
            for i, what in ((5, "mention"), (7, "cue")):
                if f[i] == "_" and f[i + 1] == "_":
                    sub.append(None)
                elif f[i] == "_" or f[i + 1] == "_":
                    err(lineno, "%s: give both offsets or '_ _'" % what)
                    sub.append(None)
                else:
                    sub.append(span(lineno, f[i], f[i + 1], what))
            qs.append((a, b, f[4], sub[0], lineno))
        else:
            err(lineno, "unknown line type %r" % f[0])

    ents.sort()
    for (a1, b1, c1, l1), (a2, b2, c2, l2) in zip(ents, ents[1:]):
        if a2 < b1:
            err(l2, "E span %d-%d overlaps E span %d-%d (line %d)" % (a2, b2, a1, b1, l1))
    clusters = {c for _, _, c, _ in ents}
    by_span = {(a, b): c for a, b, c, _ in ents}
    for a, b, spk, m, lineno in qs:
        if spk != "_" and spk not in clusters:
            err(lineno, "speaker cluster %r has no E mention in this file" % spk)
        if m is not None and m in by_span and spk != by_span[m]:
            err(lineno, "mention is E span of cluster %r but speaker is %r" % (by_span[m], spk))
    return errs


def main():
    ap = argparse.ArgumentParser(description="Check .gold.tsv files against the corpus")
    ap.add_argument("gold", nargs="*")
    ap.add_argument("--corpus", default=os.path.join(REPO, "corpus"))
    args = ap.parse_args()
    files = args.gold or sorted(
        os.path.join(dp, f) for dp, _, fs in os.walk(GOLD_DIR) for f in fs if f.endswith(".gold.tsv"))
    if not files:
        print("no gold files found", file=sys.stderr)
        return 1
    bad = 0
    for path in files:
        errs = check_file(path, args.corpus)
        if errs:
            bad += 1
            for e in errs:
                print(e)
        else:
            print("ok %s" % os.path.relpath(path))
    print("%d file(s) checked, %d with errors" % (len(files), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
