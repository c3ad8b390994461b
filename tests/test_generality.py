"""Generality: names the library has never seen.

`data/invented_names.jsonl` holds sentences (or 2-3 sentence paragraphs) written for this test in
which every person, company, agency, place, event and document is invented, so none of them is in a
list the library ships; real names appear only as context (countries, capitals) and are labelled too.
The labels were read off by hand following the project's annotation guide (PERSON without titles,
ORG as the longest formal name, a possessive splits, outer span only; provinces, cities, districts and
communes GPE, economic zones and other regions LOC). Each line is

    {"id", "text", "entities": [{"label", "text"}, ...], "not_entities": [...], "note"?}

`entities` lists every named mention (PERSON, NORP, FAC, ORG, GPE, LOC, PRODUCT, EVENT, LAW) in reading
order, once per occurrence; `not_entities` lists capitalised words that must not be, or start, any named
mention at the place where they stand outside a gold entity: sentence starters, titles, plural titles,
month and weekday words, agency credits, Title Case headline fragments. Dates and numbers are scored
elsewhere and ignored here.

The extractor runs once over all sentences (each sentence is one document, so a later surname-only
mention can join its full name).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

import congress_corpus as cc

DATA = Path(__file__).with_name("data") / "invented_names.jsonl"
NAMED = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "LAW"})

MICRO_F1_FLOOR = 0.9  # issue 20 asked 0.85; 0.939 on 2026-12-05
PERSON_PRECISION_FLOOR = 0.93  # 0.966 on 2026-12-05
MIN_SENTENCES = 150
WORST_SHOWN = 30


def load_data() -> list[dict]:
    with DATA.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gold_spans(item: dict) -> list[tuple[int, int, str, str]] | None:
    """(start, end, label, text) of each gold entity, found left to right; None if one is missing."""
    spans, pos = [], 0
    for e in item["entities"]:
        j = item["text"].find(e["text"], pos)
        if j < 0:
            return None
        spans.append((j, j + len(e["text"]), e["label"], e["text"]))
        pos = j + len(e["text"])
    return spans


def free_occurrences(text: str, word: str, spans) -> list[int]:
    """Where `word` stands as a whole word outside every gold entity span."""
    pattern = r"(?<!\w)" + re.escape(word) + r"(?!\w)"
    return [m.start() for m in re.finditer(pattern, text)
            if not any(a <= m.start() < b for a, b, *_ in spans)]


_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


def norm(text: str) -> str:
    """Compare forms without a leading `the ` and a trailing `'s` / `’s` (or a plural possessive `s'`)."""
    t = " ".join(text.split())
    t = _LEADING_THE.sub("", t)
    return _TRAILING_POSSESSIVE.sub("", t).strip()


@pytest.fixture(scope="module")
def data() -> list[dict]:
    return load_data()


@pytest.fixture(scope="module")
def predicted(data) -> dict[str, list[tuple[int, int, str, str]]]:
    """Named mentions per sentence id as (start, end, label, text), from one `extract` call."""
    ids = [d["id"] for d in data]
    m = cc.extract([d["text"] for d in data], doc_ids=ids)
    out: dict[str, list] = {i: [] for i in ids}
    for row in m.itertuples(index=False):
        label = str(row.label)
        if label in NAMED:
            out[str(row.doc_id)].append((int(row.start), int(row.end), label, str(row.text)))
    return out


def per_sentence(data, predicted):
    """(item, gold Counter, predicted Counter) of normalised (label, text) pairs per sentence."""
    for d in data:
        gold = Counter((e["label"], norm(e["text"])) for e in d["entities"])
        pred = Counter((label, norm(text)) for _, _, label, text in predicted[d["id"]])
        yield d, gold, pred


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def report(data, predicted) -> tuple[tuple[float, float, float], str]:
    tp = n_pred = n_gold = 0
    by_label = {lab: [0, 0, 0] for lab in sorted(NAMED)}
    rows = []
    for d, gold, pred in per_sentence(data, predicted):
        hit = gold & pred
        tp, n_pred, n_gold = tp + sum(hit.values()), n_pred + sum(pred.values()), n_gold + sum(gold.values())
        for (lab, _), n in hit.items():
            by_label[lab][0] += n
        for (lab, _), n in pred.items():
            by_label.setdefault(lab, [0, 0, 0])[1] += n
        for (lab, _), n in gold.items():
            by_label[lab][2] += n
        missed, extra = gold - hit, pred - hit
        if missed or extra:
            rows.append((sum(missed.values()) + sum(extra.values()), d, missed, extra))
    total = prf(tp, n_pred, n_gold)
    lines = [f"micro P={total[0]:.3f} R={total[1]:.3f} F1={total[2]:.3f} "
             f"(tp={tp}, predicted={n_pred}, gold={n_gold}, sentences with errors={len(rows)}/{len(data)})"]
    for lab, (t, np_, ng) in by_label.items():
        if np_ or ng:
            p, r, f = prf(t, np_, ng)
            lines.append(f"  {lab:8} P={p:.3f} R={r:.3f} F1={f:.3f} (tp={t}, predicted={np_}, gold={ng})")
    lines.append(f"worst sentences (up to {WORST_SHOWN}):")
    for _, d, missed, extra in sorted(rows, key=lambda x: (-x[0], x[1]["id"]))[:WORST_SHOWN]:
        lines.append(f"  {d['id']}: {d['text']!r}")
        if missed:
            lines.append("      missed: " + "; ".join(f"{lab} {t!r}" for (lab, t) in sorted(missed.elements())))
        if extra:
            lines.append("      extra:  " + "; ".join(f"{lab} {t!r}" for (lab, t) in sorted(extra.elements())))
    return total, "\n".join(lines)


def test_data_sanity(data):
    assert len(data) >= MIN_SENTENCES, len(data)
    ids = [d["id"] for d in data]
    assert len(set(ids)) == len(ids), "duplicate ids"
    assert len({d["text"] for d in data}) == len(data), "duplicate sentences"
    problems = []
    labels = set()
    for d in data:
        assert set(d) <= {"id", "text", "entities", "not_entities", "note"}, (d["id"], set(d))
        for e in d["entities"]:
            labels.add(e["label"])
            if e["text"] not in d["text"]:
                problems.append((d["id"], "entity not in sentence", e["text"]))
            if e["text"] != e["text"].strip() or not e["text"]:
                problems.append((d["id"], "entity text not trimmed", e["text"]))
        spans = gold_spans(d)
        if spans is None:
            problems.append((d["id"], "entities not found left to right"))
            continue
        for w in d["not_entities"]:
            if not free_occurrences(d["text"], w, spans):
                problems.append((d["id"], "not_entities string not found outside the entities", w))
    assert not problems, problems
    assert labels == NAMED, sorted(labels ^ NAMED)


def test_micro_f1_on_invented_names(data, predicted):
    (p, r, f), message = report(data, predicted)
    assert f >= MICRO_F1_FLOOR, message


def test_person_precision(data, predicted):
    tp = n_pred = 0
    extras = []
    for d, gold, pred in per_sentence(data, predicted):
        g = Counter({k: n for k, n in gold.items() if k[0] == "PERSON"})
        q = Counter({k: n for k, n in pred.items() if k[0] == "PERSON"})
        tp, n_pred = tp + sum((g & q).values()), n_pred + sum(q.values())
        extras += [(d["id"], t, d["text"]) for (_, t) in (q - g).elements()]
    precision = tp / n_pred if n_pred else 1.0
    assert precision >= PERSON_PRECISION_FLOOR, (
        f"PERSON precision {precision:.3f} (tp={tp}, predicted={n_pred}); predicted PERSONs not in the gold:\n"
        + "\n".join(f"  {i}: {t!r} in {s!r}" for i, t, s in extras))


def test_not_entities_are_not_named(data, predicted):
    """No named mention may be, or start with, a `not_entities` word where that word stands outside
    the gold entities (leading punctuation such as `(` or `— ` before the word is allowed for)."""
    violations = []
    for d in data:
        text, spans = d["text"], gold_spans(d) or []
        for w in d["not_entities"]:
            for occ in free_occurrences(text, w, spans):
                for start, end, label, mention in predicted[d["id"]]:
                    starts_here = start <= occ and not re.search(r"\w", text[start:occ])
                    if starts_here and end >= occ + len(w):
                        violations.append(f"{d['id']}: {w!r} -> {label} {mention!r} in {text!r}")
    assert not violations, f"{len(violations)} violations:\n" + "\n".join(violations)
