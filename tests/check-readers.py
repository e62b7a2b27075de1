#!/usr/bin/env python3
"""check-readers.py — saywho's output as other NLP tools read it (TAP).

None of those tools can be installed here, so each reader's rules for
taking a file apart are written out below, from their documented
behaviour, and applied to the expected files of tests/formats/ (the
hand-annotated fixture, whose entities are known) and to a real run over
corpus/:

  conlleval    every line has as many white-space separated fields; the
               tag is the last field
  spaCy ner    `spacy convert -c ner`: documents at -DOCSTART-, sentences at
               blank lines, word = first field, tag = last, IOB (1 or 2) read
               with iob_to_biluo
  Flair        ColumnCorpus with {0: "text", 3: "ner"}: fields split at
               white space, -DOCSTART- sentences separate documents, spans
               from B/I/E/S tags (I- after O opens a span)
  HuggingFace  the conll2003 builder: line.split(" "), four fields, and
               every POS, chunk and NER value one of its ClassLabel names
  spaCy conllu `spacy convert -c conllu`: blocks split at blank lines,
               leading comments dropped, ten tab-separated columns, NE from
               MISC by spaCy's pattern, then iob_to_biluo
  JSON Schema  each jsonl line validates against
               pipeline/saywho-jsonl.schema.json (python3-jsonschema), and
               every span's text is the article's text[start:end] in code
               points

Usage: check-readers.py SOURCE_ROOT (SAYWHO_BINARY names the program).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FORMATS = os.path.join(ROOT, "tests", "formats")

HF_POS = ['"', "''", "#", "$", "(", ")", ",", ".", ":", "``", "CC", "CD", "DT", "EX", "FW", "IN",
          "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNP", "NNPS", "NNS", "NN|SYM", "PDT", "POS",
          "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN",
          "VBP", "VBZ", "WDT", "WP", "WP$", "WRB"]
HF_CHUNK = ["O"] + [f"{p}-{t}" for t in ("ADJP", "ADVP", "CONJP", "INTJ", "LST", "NP", "PP",
                                          "PRT", "SBAR", "UCP", "VP") for p in "BI"]
HF_NER = ["O"] + [f"{p}-{t}" for t in ("PER", "ORG", "LOC", "MISC") for p in "BI"]
SPACY_NE = re.compile(r"^((?:name|NE)=)?([BILU])-([A-Z_]+)|O$")

results = []


def check(name, condition, detail=""):
    results.append((bool(condition), name, detail if not condition else ""))


def skip(name, why):
    results.append((None, name, why))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def expected_entities():
    """(type, text) of every entity of the fixture, in order."""
    out = []
    for line in read(os.path.join(FORMATS, "talks.layers.tsv")).splitlines():
        f = line.split("\t")
        if f[0] == "E":
            out.append((f[3], f[5]))
    return out


# ---- spaCy's IOB → BILUO, as spacy.training.iob_utils does it ----

def iob_to_biluo(tags):
    out, tags = [], list(tags)
    while tags:
        while tags and tags[0] == "O":
            out.append(tags.pop(0))
        if not tags:
            break
        tag = tags.pop(0)
        label = tag[2:]
        length = 1
        while tags and tags[0] in ("I-" + label, "L-" + label):
            length += 1
            tags.pop(0)
        if not label:
            raise ValueError(f"tag {tag} has no label")
        out += ["U-" + label] if length == 1 else \
            ["B-" + label] + ["I-" + label] * (length - 2) + ["L-" + label]
    return out


def biluo_spans(words, tags):
    spans, start = [], None
    for i, tag in enumerate(tags):
        if tag.startswith("U-"):
            spans.append((tag[2:], " ".join(words[i:i + 1])))
        elif tag.startswith("B-"):
            start = i
        elif tag.startswith("L-"):
            spans.append((tag[2:], " ".join(words[start:i + 1])))
    return spans


# ---- the readers ----

def conlleval_columns(text):
    counts = {len(line.split()) for line in text.splitlines() if line.strip()}
    return counts


def spacy_ner(text):
    """Entities per document, as `spacy convert -c ner` makes them."""
    docs = []
    for doc in re.split(r"^-DOCSTART-.*$", text, flags=re.M):
        ents = []
        for sentence in doc.strip().split("\n\n"):
            lines = [l for l in sentence.splitlines() if l.strip()]
            if not lines:
                continue
            words = [l.split()[0] for l in lines]
            tags = [l.split()[-1] for l in lines]
            ents += biluo_spans(words, iob_to_biluo(tags))
        if doc.strip():
            docs.append(ents)
    return docs


def flair_spans(words, tags):
    spans, current, ctype = [], [], None
    for word, tag in zip(words + [None], tags + ["O"]):
        prefix, _, typ = tag.partition("-")
        starts = prefix in ("B", "S") or (prefix in ("I", "E") and (ctype != typ or not current))
        if current and (prefix == "O" or starts):
            spans.append((ctype, " ".join(current)))
            current, ctype = [], None
        if prefix != "O":
            if starts:
                current, ctype = [word], typ
            else:
                current.append(word)
            if prefix in ("E", "S"):
                spans.append((ctype, " ".join(current)))
                current, ctype = [], None
    return spans


def flair(text):
    docs, ents = [], None
    for sentence in re.split(r"\n\s*\n", text):
        rows = [re.split(r"\s+", l.rstrip()) for l in sentence.splitlines() if l.strip()]
        if not rows:
            continue
        if rows[0][0] == "-DOCSTART-":
            ents = []
            docs.append(ents)
            continue
        if ents is None:
            ents = []
            docs.append(ents)
        ents += flair_spans([r[0] for r in rows], [r[3] for r in rows])
    return docs


def huggingface(text):
    """Problems the conll2003 builder would meet; [] when it loads."""
    problems, examples, tokens = [], 0, 0
    for n, line in enumerate(text.splitlines(keepends=True), 1):
        if line.startswith("-DOCSTART-") or line == "" or line == "\n":
            continue
        splits = line.split(" ")
        if len(splits) != 4:
            problems.append(f"line {n}: {len(splits)} fields")
            continue
        tokens += 1
        pos, chunk, ner = splits[1], splits[2], splits[3].rstrip()
        for value, names, what in ((pos, HF_POS, "POS"), (chunk, HF_CHUNK, "chunk"),
                                   (ner, HF_NER, "NER")):
            if value not in names:
                problems.append(f"line {n}: {what} {value!r} is no class label")
    return problems, tokens


def spacy_conllu(text):
    """Entities per sentence block, as `spacy convert -c conllu` reads them."""
    ents, problems = [], []
    for block in text.strip().split("\n\n"):
        lines = block.strip().split("\n")
        while lines and lines[0].startswith("#"):
            lines.pop(0)
        if not lines:
            problems.append("a block of comments only")
            continue
        words, iob = [], []
        for line in lines:
            parts = line.split("\t")
            if len(parts) != 10:
                problems.append(f"{len(parts)} columns: {line!r}")
                continue
            if "-" in parts[0] or "." in parts[0]:
                continue
            words.append(parts[1])
            tag = "O"
            for misc in parts[9].split("|"):
                m = SPACY_NE.match(misc)
                if m:
                    if m.group(2) and m.group(3):
                        tag = m.group(2) + "-" + m.group(3)
                    break
            iob.append(tag)
        ents += biluo_spans(words, iob_to_biluo(iob))
    return ents, problems


# ---- the fixture ----

def fixture_checks():
    expected = expected_entities()
    for name in ("talks.conll", "talks.iob1.conll", "talks.bioes.conll"):
        text = read(os.path.join(FORMATS, name))
        check(f"conlleval: {name} has 4 fields on every line", conlleval_columns(text) == {4},
              str(conlleval_columns(text)))
        flat = [e for doc in flair(text) for e in doc]
        check(f"Flair: {name} gives the fixture's entities", flat == expected,
              f"{flat} != {expected}")
        if "bioes" in name:
            skip(f"spaCy ner: {name}", "spaCy's ner converter reads IOB only: BIOES is for "
                                       "Flair and conlleval")
            skip(f"HuggingFace: {name}", "the conll2003 features label IOB2 tags only")
            continue
        docs = spacy_ner(text)
        flat = [e for doc in docs for e in doc]
        check(f"spaCy ner: {name} gives the fixture's entities in one document",
              len(docs) == 1 and flat == expected, f"{docs} != {expected}")
        problems, tokens = huggingface(text)
        check(f"HuggingFace: {name} loads ({tokens} tokens)", not problems and tokens > 0,
              "; ".join(problems[:5]))

    for name in ("talks.conllu", "talks.bilou.conllu"):
        ents, problems = spacy_conllu(read(os.path.join(FORMATS, name)))
        check(f"spaCy conllu: {name} parses", not problems, "; ".join(problems[:5]))
        check(f"spaCy conllu: {name} gives the fixture's entities", ents == expected,
              f"{ents} != {expected}")

    text = read(os.path.join(FORMATS, "talks.txt"))
    records = [json.loads(l) for l in read(os.path.join(FORMATS, "talks.jsonl")).splitlines()]
    check("jsonl: one record", len(records) == 1)
    validate_records("talks.jsonl", records, {"talks.txt": text})
    got = [(e["type"], e["text"]) for e in records[0]["entities"]]
    check("jsonl: the fixture's entities", got == expected, f"{got} != {expected}")


def validate_records(name, records, texts):
    try:
        import jsonschema
    except ImportError:
        skip(f"JSON Schema: {name}", "python3-jsonschema is not installed: the records were "
                                     "not validated against the schema")
        jsonschema = None
    if jsonschema is not None:
        schema = json.loads(read(os.path.join(ROOT, "pipeline", "saywho-jsonl.schema.json")))
        validator = jsonschema.Draft202012Validator(schema)
        errors = [f"{r['id']}: {e.message}" for r in records for e in validator.iter_errors(r)]
        check(f"JSON Schema: {name} ({len(records)} records) validates", not errors,
              "; ".join(errors[:3]))
    wrong = []
    for r in records:
        text = texts.get(r["id"])
        if text is None:
            wrong.append(f"{r['id']}: no text to check against")
            continue
        spans = [e for e in r["entities"]] + [q for q in r["quotes"]]
        spans += [q[k] for q in r["quotes"] for k in ("cue", "mention") if q[k] is not None]
        for s in spans:
            if text[s["start"]:s["end"]] != s["text"]:
                wrong.append(f"{r['id']}: [{s['start']}:{s['end']}] is "
                             f"{text[s['start']:s['end']]!r}, not {s['text']!r}")
    check(f"jsonl: {name}: every span is text[start:end] in code points", not wrong,
          "; ".join(wrong[:3]))


# ---- a real run ----

def run_checks():
    binary = os.environ.get("SAYWHO_BINARY")
    if not binary:
        skip("a run over corpus/", "SAYWHO_BINARY is not set (run through meson test)")
        return
    corpus = os.path.join(ROOT, "corpus")

    def saywho(*args):
        return subprocess.run([binary, "--quiet", *args, corpus], check=True,
                              capture_output=True, text=True).stdout

    conll = saywho("--format", "conll2003")
    ndocs = conll.count("-DOCSTART-")
    check("conlleval: corpus conll2003 has 4 fields on every line",
          conlleval_columns(conll) == {4}, str(conlleval_columns(conll)))
    problems, tokens = huggingface(conll)
    check(f"HuggingFace: corpus conll2003 loads ({tokens} tokens)", not problems,
          "; ".join(problems[:5]))
    check(f"spaCy ner: corpus conll2003 gives {ndocs} documents", len(spacy_ner(conll)) == ndocs)
    check(f"Flair: corpus conll2003 gives {ndocs} documents", len(flair(conll)) == ndocs)
    check("Flair and spaCy agree on the corpus's entities", flair(conll) == spacy_ner(conll))

    ents, problems = spacy_conllu(saywho("--format", "conllu"))
    check("spaCy conllu: the corpus parses", not problems, "; ".join(problems[:5]))
    check("spaCy conllu and spaCy ner agree on the corpus's entities",
          ents == [e for doc in spacy_ner(conll) for e in doc])

    records = [json.loads(l) for l in saywho("--format", "jsonl").splitlines()]
    texts = {}
    for r in records:
        with open(os.path.join(corpus, r["id"]), encoding="utf-8") as f:
            texts[r["id"]] = f.read()
    check(f"jsonl: the corpus gives {ndocs} records", len(records) == ndocs)
    validate_records("corpus jsonl", records, texts)


fixture_checks()
run_checks()
print(f"1..{len(results)}")
for n, (ok, name, detail) in enumerate(results, 1):
    if ok is None:
        print(f"ok {n} {name} # SKIP {detail}")
    elif ok:
        print(f"ok {n} {name}")
    else:
        print(f"not ok {n} {name}")
        for line in detail.splitlines() or [""]:
            print(f"# {line}")
sys.exit(0 if all(ok is not False for ok, _, _ in results) else 1)
