#!/usr/bin/env python3
"""Validate the saywho gazetteer lexicons (standard library only).

Usage:
    python3 lexicons/tools/check-lexicons.py [--strict] [--quiet] [FILE.tsv ...]

Without file arguments every ``lexicons/*.tsv`` file next to this tool's parent
directory is checked.  ``titles.tsv`` uses its own 3-column format; every other
``*.tsv`` file must use the 6-column entity format described in
``lexicons/README.md``.  Errors are printed as ``file:line: message`` and make the
exit status 1.  Warnings (same alias claimed by two entries of the same kind)
are printed with a ``warning:`` prefix and only fail the run with ``--strict``.
Files owned by other components (abbreviations.tsv, speech-cues.tsv) are skipped
unless given explicitly.
"""

import os
import re
import sys

ENTITY_TYPES = {"PER", "ORG", "LOC", "MISC"}
KIND_TYPE = {
    "country": "LOC", "territory": "LOC", "city": "LOC", "region": "LOC",
    "state": "LOC", "demonym": "MISC", "agency": "ORG", "ministry": "ORG",
    "committee": "ORG", "org": "ORG", "ngo": "ORG", "party": "ORG", "media": "ORG",
    "official": "PER", "person": "PER", "company": "ORG", "exchange": "ORG", "team": "ORG",
    "affiliation": "MISC", "religion": "MISC", "language": "MISC", "regional": "MISC",
    "event": "MISC",
}
# id prefixes and the kinds that may use them
PREFIX_KINDS = {
    "country": {"country", "territory"},
    "demonym": {"demonym"},
    "place": {"city", "region", "state", "territory"},
    "agency": {"agency", "ministry", "committee", "org"},
    "ministry": {"ministry"},
    "committee": {"committee"},
    "org": {"org"},
    "ngo": {"ngo"},
    "party": {"party"},
    "media": {"media"},
    "official": {"official", "person"},
    "person": {"person", "official"},
    "affiliation": {"affiliation"},
    "religion": {"religion"},
    "language": {"language"},
    "region": {"regional"},
    "event": {"event"},
    "company": {"company", "exchange"},
    "team": {"team"},
}
TITLE_KINDS = {"honorific", "political", "military", "religious", "royal", "job"}
KNOWN_KEYS = {
    "country", "role", "start", "end", "parent", "party", "state", "acronym",
    "link", "source", "roles", "terms", "status", "withdrawn", "alpha3",
    "numeric", "wikidata", "chamber", "district", "note", "family",
    # titles.tsv
    "abbrev_of", "plural_of", "female_of", "male_of", "variant_of",
}
ID_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO2_RE = re.compile(r"^[A-Z]{2}$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")
KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
REF_KEYS = {"parent", "link"}
SKIP_FILES = {"abbreviations.tsv", "speech-cues.tsv", "name-patterns.tsv", "speaker-nouns.tsv"}


def _valid_date(v):
    if not DATE_RE.match(v):
        return False
    if len(v) == 10:
        y, m, d = int(v[:4]), int(v[5:7]), int(v[8:10])
        return 1 <= m <= 12 and 1 <= d <= 31 and y > 0
    return True


def check_id(eid):
    """Return an error message for a malformed id, or None."""
    if ":" not in eid:
        return "id %r has no prefix" % eid
    prefix, rest = eid.split(":", 1)
    if prefix not in PREFIX_KINDS:
        return "id %r has unknown prefix %r" % (eid, prefix)
    if prefix in ("country", "demonym"):
        if not ISO2_RE.match(rest):
            return "id %r: expected two uppercase letters after %s:" % (eid, prefix)
    elif not ID_SLUG_RE.match(rest):
        return "id %r: expected a lowercase ascii slug after %s:" % (eid, prefix)
    return None


def parse_attributes(field):
    """Parse an attribute field into a list of (key, value); raise ValueError."""
    if field == "_":
        return []
    out = []
    for part in field.split(";"):
        if "=" not in part:
            raise ValueError("attribute %r is not key=value" % part)
        k, v = part.split("=", 1)
        out.append((k, v))
    return out


def read_rows(path):
    """Yield (lineno, fields) for the non-comment, non-blank lines of a TSV file."""
    with open(path, "rb") as fh:
        data = fh.read()
    text = data.decode("utf-8")  # raises on invalid UTF-8
    for i, line in enumerate(text.split("\n"), 1):
        if line.endswith("\r"):
            line = line[:-1]
        if not line.strip() or line.startswith("#"):
            continue
        yield i, line.split("\t")


class Checker:
    def __init__(self):
        self.errors = []
        self.warnings = []
        self.ids = {}          # id -> (file, line)
        self.refs = []         # (file, line, key, target)
        self.alias_index = {}  # (kind, alias) -> [(id, file, line)]
        self.counts = {}

    def err(self, path, line, msg):
        self.errors.append("%s:%d: %s" % (path, line, msg))

    def warn(self, path, line, msg):
        self.warnings.append("%s:%d: warning: %s" % (path, line, msg))

    def check_file(self, path):
        base = os.path.basename(path)
        try:
            rows = list(read_rows(path))
        except UnicodeDecodeError as e:
            self.err(path, 0, "not valid UTF-8: %s" % e)
            return
        except OSError as e:
            self.err(path, 0, "cannot read: %s" % e)
            return
        if base == "titles.tsv":
            self.check_titles(path, rows)
        else:
            self.check_entities(path, rows)
        self.counts[path] = len(rows)

    def check_titles(self, path, rows):
        seen = {}
        for ln, f in rows:
            if len(f) != 3:
                self.err(path, ln, "expected 3 tab-separated columns, got %d" % len(f))
                continue
            title, kind, attrs = f
            if not title.strip() or title != title.strip():
                self.err(path, ln, "empty title or surrounding whitespace")
            if kind not in TITLE_KINDS:
                self.err(path, ln, "unknown title kind %r" % kind)
            if title in seen:
                self.err(path, ln, "duplicate title %r (first on line %d)" % (title, seen[title]))
            seen[title] = ln
            try:
                for k, v in parse_attributes(attrs):
                    if not KEY_RE.match(k) or not v or "|" in v:
                        self.err(path, ln, "bad attribute %s=%s" % (k, v))
            except ValueError as e:
                self.err(path, ln, str(e))

    def check_entities(self, path, rows):
        for ln, f in rows:
            if len(f) != 6:
                self.err(path, ln, "expected 6 tab-separated columns, got %d" % len(f))
                continue
            eid, etype, kind, name, aliases, attrs = f
            for col, val in zip(("id", "type", "kind", "name", "aliases", "attributes"), f):
                if val != val.strip():
                    self.err(path, ln, "%s has leading/trailing whitespace" % col)
                if not val:
                    self.err(path, ln, "empty %s column" % col)
            msg = check_id(eid)
            if msg:
                self.err(path, ln, msg)
            if eid in self.ids:
                pf, pl = self.ids[eid]
                self.err(path, ln, "duplicate id %s (first in %s:%d)" % (eid, pf, pl))
            else:
                self.ids[eid] = (path, ln)
            if etype not in ENTITY_TYPES:
                self.err(path, ln, "unknown type %r" % etype)
            if kind not in KIND_TYPE:
                self.err(path, ln, "unknown kind %r" % kind)
            elif KIND_TYPE[kind] != etype:
                self.err(path, ln, "kind %s should have type %s, not %s" % (kind, KIND_TYPE[kind], etype))
            prefix = eid.split(":", 1)[0]
            if prefix in PREFIX_KINDS and kind in KIND_TYPE and kind not in PREFIX_KINDS[prefix]:
                self.err(path, ln, "kind %s does not fit id prefix %s:" % (kind, prefix))
            if name == "_" or not name.strip():
                self.err(path, ln, "empty name")
            if "|" in name:
                self.err(path, ln, "name contains '|'")
            if re.search(r"<[a-zA-Z/][^>]*>|&[a-zA-Z]+;|&#\d+;", name + aliases):
                self.err(path, ln, "HTML tag or entity in name/aliases")
            al = []
            if aliases != "_":
                al = aliases.split("|")
                seen = set()
                for a in al:
                    if not a.strip() or a != a.strip():
                        self.err(path, ln, "empty alias or alias with surrounding whitespace")
                    elif a == "_":
                        self.err(path, ln, "alias '_' inside a list")
                    if a in seen:
                        self.err(path, ln, "duplicate alias %r" % a)
                    seen.add(a)
                    if a == name:
                        self.err(path, ln, "alias %r repeats the name" % a)
            for a in [name] + al:
                self.alias_index.setdefault((kind, a), []).append((eid, path, ln))
            try:
                pairs = parse_attributes(attrs)
            except ValueError as e:
                self.err(path, ln, str(e))
                pairs = []
            keys = set()
            for k, v in pairs:
                if not KEY_RE.match(k):
                    self.err(path, ln, "bad attribute key %r" % k)
                elif k not in KNOWN_KEYS:
                    self.err(path, ln, "unknown attribute key %r" % k)
                if k in keys:
                    self.err(path, ln, "attribute %r repeated" % k)
                keys.add(k)
                if not v or "|" in v or "\t" in v:
                    self.err(path, ln, "bad value for attribute %r: %r" % (k, v))
                if k in ("start", "end", "withdrawn") and not _valid_date(v):
                    self.err(path, ln, "attribute %s=%s is not YYYY or YYYY-MM-DD" % (k, v))
                if k == "country" and not ISO2_RE.match(v):
                    self.err(path, ln, "country=%s is not an ISO alpha-2 code" % v)
                if k in REF_KEYS:
                    self.refs.append((path, ln, k, v))
            if kind == "demonym" and "link" not in keys:
                self.err(path, ln, "demonym without link= attribute")

    def finish(self):
        for path, ln, k, v in self.refs:
            if v not in self.ids:
                self.err(path, ln, "%s=%s refers to an unknown id" % (k, v))
        for (kind, alias), owners in sorted(self.alias_index.items()):
            ids = sorted(set(o[0] for o in owners))
            if len(ids) > 1:
                _, path, ln = owners[-1]
                self.warn(path, ln, "%s form %r claimed by %s" % (kind, alias, ", ".join(ids)))


def default_files(lexdir):
    out = []
    for fn in sorted(os.listdir(lexdir)):
        if fn.endswith(".tsv") and fn not in SKIP_FILES:
            out.append(os.path.join(lexdir, fn))
    return out


def run(files, strict=False, quiet=False, out=sys.stdout):
    c = Checker()
    for f in files:
        c.check_file(f)
    c.finish()
    for e in c.errors:
        print(e, file=out)
    if not quiet:
        for w in c.warnings:
            print(w, file=out)
    n_err = len(c.errors) + (len(c.warnings) if strict else 0)
    return c, n_err


def main(argv):
    strict = "--strict" in argv
    quiet = "--quiet" in argv
    files = [a for a in argv if not a.startswith("--")]
    if not files:
        lexdir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        files = default_files(lexdir)
    c, n_err = run(files, strict=strict, quiet=quiet)
    total = sum(c.counts.values())
    print("checked %d files, %d entries: %d errors, %d warnings"
          % (len(files), total, len(c.errors), len(c.warnings)))
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
