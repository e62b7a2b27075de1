#!/usr/bin/env python3
"""Build tests/gold/<rel>.gold.tsv files from hand-written annotation sources.

Usage:
    python3 tests/gold/tools/make-gold.py [--report] [--corpus DIR] [--out DIR] [ANN ...]

With no ANN arguments every tests/gold/src/**/*.ann is processed.  Each source
names its corpus document; spans are located by their exact text (plus an
occurrence selector), so no offset is ever typed by hand.  Offsets written to
the .gold.tsv are Unicode code point offsets into the document, end exclusive.

--report prints, per document, every Q line with its speaker mention and cue in
context, plus review aids: occurrences of annotated entity strings left
unannotated, capitalised words outside any E span, and quotation-mark segments
not covered by any Q span.

Source format (UTF-8; blank lines and lines starting with '#' are ignored;
fields are split like a POSIX shell, so put every text in double quotes and
escape a literal double quote inside it as \\"):

    doc <path relative to corpus/>
    E <TYPE> <cluster> "<text>" [<occ>]
    Q <kind> <speaker-cluster> <span> mention <anchor>|_ cue <anchor>|_

<occ> selects occurrences of <text> (exact, case-sensitive; an occurrence only
counts if it does not cut a word: when the text begins/ends with a letter or
digit, the character before/after it must not be a letter or digit):
    (omitted)   the text must occur exactly once
    N           the N-th occurrence (1-based); N,M,... several occurrences
    *           every occurrence not overlapping an E span placed by an
                explicit (non-*) line or an earlier * line

<span> (the Q span) is either  "<text>" [N]  or  "<from>" [N] .. "<to>"  ; in
the second form the span runs from the start of the N-th occurrence of <from>
to the end of the first occurrence of <to> that starts at or after it.

<anchor> (speaker mention or cue) is  "<text>" <rel>  where <rel> is
    N    the N-th occurrence in the whole document
    +N   the N-th occurrence starting at or after the Q span start
    >N   the N-th occurrence starting at or after the Q span end
    -N   the N-th occurrence, counting backwards, ending at or before the Q span start
"""
import argparse
import os
import re
import shlex
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD_DIR = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(GOLD_DIR))
TYPES = {"PER", "ORG", "LOC", "MISC"}
KINDS = {"direct", "indirect"}


class AnnError(Exception):
    pass


def is_word(ch):
    return ch.isalnum() or ch == "_"


def occurrences(text, needle):
    """All start offsets of needle in text that do not cut a word."""
    out = []
    i = text.find(needle)
    while i != -1:
        j = i + len(needle)
        ok = True
        if is_word(needle[0]) and i > 0 and is_word(text[i - 1]):
            ok = False
        if is_word(needle[-1]) and j < len(text) and is_word(text[j]):
            ok = False
        if ok:
            out.append(i)
        i = text.find(needle, i + 1)
    return out


def select(text, needle, occ, where):
    occs = occurrences(text, needle)
    if not occs:
        raise AnnError("%s: text %r not found" % (where, needle))
    if occ is None:
        if len(occs) != 1:
            raise AnnError("%s: text %r occurs %d times; give an occurrence number" % (where, needle, len(occs)))
        return [occs[0]]
    res = []
    for part in occ.split(","):
        if not part.isdigit() or int(part) < 1:
            raise AnnError("%s: bad occurrence %r" % (where, occ))
        n = int(part)
        if n > len(occs):
            raise AnnError("%s: text %r has only %d occurrences, asked for #%d" % (where, needle, len(occs), n))
        res.append(occs[n - 1])
    return res


def anchor(text, needle, rel, qs, qe, where):
    occs = occurrences(text, needle)
    m = re.fullmatch(r"([+>-]?)(\d+)", rel or "")
    if not m or int(m.group(2)) < 1:
        raise AnnError("%s: bad anchor position %r for %r" % (where, rel, needle))
    sign, n = m.group(1), int(m.group(2))
    if sign == "":
        cand = occs
    elif sign == "+":
        cand = [o for o in occs if o >= qs]
    elif sign == ">":
        cand = [o for o in occs if o >= qe]
    else:
        cand = [o for o in occs if o + len(needle) <= qs][::-1]
    if n > len(cand):
        raise AnnError("%s: anchor %r %s not found" % (where, needle, rel))
    s = cand[n - 1]
    return s, s + len(needle)


def flat(s):
    return s.replace("\n", " ")


def parse_ann(path):
    doc = None
    items = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            raw = line.rstrip("\n")
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            where = "%s:%d" % (path, lineno)
            try:
                toks = shlex.split(raw, posix=True)
            except ValueError as e:
                raise AnnError("%s: cannot split line: %s" % (where, e))
            if toks[0] == "doc":
                if len(toks) != 2:
                    raise AnnError("%s: doc takes one argument" % where)
                doc = toks[1]
            elif toks[0] in ("E", "Q"):
                items.append((where, toks))
            else:
                raise AnnError("%s: unknown directive %r" % (where, toks[0]))
    if doc is None:
        raise AnnError("%s: no 'doc' line" % path)
    return doc, items


def build(ann_path, corpus_dir):
    doc, items = parse_ann(ann_path)
    doc_path = os.path.join(corpus_dir, doc)
    with open(doc_path, encoding="utf-8") as fh:
        text = fh.read()
    ents = []  # (start, end, type, cluster, where, star)
    star_lines = []
    qs = []
    for where, toks in items:
        if toks[0] == "E":
            if len(toks) not in (4, 5):
                raise AnnError("%s: E needs TYPE cluster \"text\" [occ]" % where)
            _, typ, cl, needle = toks[:4]
            occ = toks[4] if len(toks) == 5 else None
            if typ not in TYPES:
                raise AnnError("%s: bad type %r" % (where, typ))
            if occ == "*":
                star_lines.append((where, typ, cl, needle))
                continue
            for s in select(text, needle, occ, where):
                ents.append((s, s + len(needle), typ, cl, where))
        else:
            qs.append((where, toks))
    for where, typ, cl, needle in star_lines:
        n = 0
        for s in occurrences(text, needle):
            e = s + len(needle)
            if any(s < b and a < e for a, b, *_ in ents):
                continue
            ents.append((s, e, typ, cl, where))
            n += 1
        if n == 0:
            raise AnnError("%s: '*' matched nothing for %r" % (where, needle))
    # warn when an explicitly placed span sits inside an occurrence of a longer
    # annotated string (e.g. "European" 1 landing inside "European Union")
    needles = {t[3] for _, t in items if t[0] == "E" and len(t) >= 4}
    for a, b, typ, cl, where in ents:
        if where in {w for w, *_ in star_lines}:
            continue
        for nd in needles:
            if len(nd) <= b - a:
                continue
            for o in occurrences(text, nd):
                if o <= a and b <= o + len(nd):
                    print("WARNING: %s: span %r at %d lies inside an occurrence of %r at %d"
                          % (where, text[a:b], a, nd, o), file=sys.stderr)
    ents.sort()
    for (a1, b1, *r1), (a2, b2, *r2) in zip(ents, ents[1:]):
        if a2 < b1:
            raise AnnError("overlapping E spans %r (%s) and %r (%s)" % (text[a1:b1], r1[-1], text[a2:b2], r2[-1]))
    seen = set()
    for a, b, *r in ents:
        if (a, b) in seen:
            raise AnnError("duplicate E span %r" % text[a:b])
        seen.add((a, b))

    qlines = []
    for where, toks in qs:
        t = toks[1:]
        if len(t) < 3:
            raise AnnError("%s: Q too short" % where)
        kind, spk = t[0], t[1]
        if kind not in KINDS:
            raise AnnError("%s: bad kind %r" % (where, kind))
        rest = t[2:]
        start_txt = rest.pop(0)
        start_occ = None
        if rest and rest[0] not in ("..", "mention", "cue"):
            start_occ = rest.pop(0)
        st = select(text, start_txt, start_occ, where)[0]
        if rest and rest[0] == "..":
            rest.pop(0)
            end_txt = rest.pop(0)
            j = text.find(end_txt, st)
            if j == -1:
                raise AnnError("%s: end text %r not found after start" % (where, end_txt))
            en = j + len(end_txt)
        else:
            en = st + len(start_txt)
        spans = {}
        while rest:
            key = rest.pop(0)
            if key not in ("mention", "cue") or not rest:
                raise AnnError("%s: expected 'mention'/'cue' clauses, got %r" % (where, key))
            val = rest.pop(0)
            if val == "_":
                spans[key] = None
            else:
                if not rest:
                    raise AnnError("%s: %s needs a position" % (where, key))
                spans[key] = anchor(text, val, rest.pop(0), st, en, where)
        if "mention" not in spans or "cue" not in spans:
            raise AnnError("%s: Q needs both mention and cue clauses (use _ for none)" % where)
        qlines.append((st, en, kind, spk, spans["mention"], spans["cue"], where))
    qlines.sort()
    clusters = {c for _, _, _, c, _ in ents}
    for st, en, kind, spk, m, c, where in qlines:
        if spk != "_" and spk not in clusters:
            raise AnnError("%s: speaker cluster %r has no E mention in the document" % (where, spk))
    return doc, text, ents, qlines, star_lines


def fmt(x):
    return "_\t_" if x is None else "%d\t%d" % x


def write_gold(out_path, ann_rel, doc, text, ents, qlines):
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# doc = %s\n" % doc)
        fh.write("# generated by tests/gold/tools/make-gold.py from tests/gold/%s; do not edit by hand\n" % ann_rel)
        fh.write("# E\tstart\tend\tTYPE\tcluster\ttext\n")
        fh.write("# Q\tstart\tend\tkind\tspeaker-cluster\tmention-start\tmention-end\tcue-start\tcue-end\ttext\n")
        for a, b, typ, cl, _ in ents:
            fh.write("E\t%d\t%d\t%s\t%s\t%s\n" % (a, b, typ, cl, flat(text[a:b])))
        for st, en, kind, spk, m, c, _ in qlines:
            fh.write("Q\t%d\t%d\t%s\t%s\t%s\t%s\t%s\n" % (st, en, kind, spk, fmt(m), fmt(c), flat(text[st:en])))


STOP = set("""A An The In On At As For From By To Of And But Or If When While After Before Since Until
Under Over Among Asked Some Several Most Much Many Other Others Both Neither Each Every All Any No Not
It Its This That These Those There Their They He His Him She Her We Our Us You Your I My
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec
Mr Mrs Ms Dr Sen Rep Gov Gen Adm President Secretary Minister Prime Foreign General Attorney Chancellor
Governor Director Commerce Energy Finance Deputy Chief Commissioner Premier""".split())


def report(doc, text, ents, qlines, star_lines):
    print("=" * 78)
    print("DOC %s: %d E, %d Q" % (doc, len(ents), len(qlines)))
    covered = [False] * len(text)
    for a, b, *_ in ents:
        for i in range(a, b):
            covered[i] = True
    # annotated strings that also occur unannotated
    names = sorted({text[a:b] for a, b, *_ in ents})
    for nm in names:
        for s in occurrences(text, nm):
            if not any(covered[s:s + len(nm)]):
                ctx = flat(text[max(0, s - 30):s + len(nm) + 30])
                print("  UNANNOTATED %r at %d: ...%s..." % (nm, s, ctx))
    # capitalised words outside E spans
    caps = {}
    for m in re.finditer(r"[^\W\d_][\w.\-’']*", text):
        w = m.group(0)
        if not w[0].isupper() or any(covered[m.start():m.end()]):
            continue
        key = w.rstrip(".’'").split("’")[0].split("'")[0]
        if key in STOP:
            continue
        caps.setdefault(key, []).append(m.start())
    if caps:
        print("  capitalised words outside E spans:", ", ".join("%s(%d)" % (k, len(v)) for k, v in sorted(caps.items())))
    # quotation segments not inside any Q
    segs = []
    for m in re.finditer(r"“([^”]*)”", text):
        segs.append((m.start(1), m.end(1)))
    pos = [m.start() for m in re.finditer(r'"', text)]
    for a, b in zip(pos[0::2], pos[1::2]):
        segs.append((a + 1, b))
    for a, b in sorted(segs):
        if not any(st <= a and b <= en for st, en, *_ in qlines):
            print("  QUOTE SEGMENT NOT IN ANY Q: %r" % flat(text[a:b])[:90])
    for st, en, kind, spk, m, c, where in qlines:
        def show(sp):
            if sp is None:
                return "_"
            a, b = sp
            return "[%s] ...%s..." % (text[a:b], flat(text[max(0, a - 25):b + 25]))
        print("  Q %-8s %-22s %s" % (kind, spk, flat(text[st:en])[:100] + ("..." if en - st > 100 else "")))
        print("      mention: %s" % show(m))
        print("      cue:     %s" % show(c))


def main():
    ap = argparse.ArgumentParser(description="Generate .gold.tsv files from .ann sources")
    ap.add_argument("ann", nargs="*")
    ap.add_argument("--corpus", default=os.path.join(REPO, "corpus"))
    ap.add_argument("--out", default=GOLD_DIR)
    ap.add_argument("--report", action="store_true")
    args = ap.parse_args()
    src_dir = os.path.join(GOLD_DIR, "src")
    anns = args.ann
    if not anns:
        anns = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(src_dir) for f in fs if f.endswith(".ann"))
    status = 0
    for ann in anns:
        try:
            doc, text, ents, qlines, star = build(ann, args.corpus)
        except (AnnError, OSError) as e:
            print("ERROR: %s" % e, file=sys.stderr)
            status = 1
            continue
        rel = doc[:-4] if doc.endswith(".txt") else doc
        out = os.path.join(args.out, rel + ".gold.tsv")
        ann_rel = os.path.relpath(os.path.abspath(ann), GOLD_DIR)
        write_gold(out, ann_rel, doc, text, ents, qlines)
        print("wrote %s (%d E, %d Q)" % (os.path.relpath(out), len(ents), len(qlines)))
        if args.report:
            report(doc, text, ents, qlines, star)
    return status


if __name__ == "__main__":
    sys.exit(main())
