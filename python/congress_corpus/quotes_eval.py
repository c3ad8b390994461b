"""Score the quotes table against hand annotations: who said what, and were the words found.

Gold is JSONL, one line per document: ``{"id": ..., "quotes": [{"speaker", "text", "kind", "cue"}]}``
(``start``/``end`` into ``documents.text`` optional: without them the words are looked up in the
text, first exactly, then with spaces and quotation marks normalised). ``id`` is the doc_id,
the file name without its extension.

The overlap rule: a predicted quote and a gold quote of the same document match when the
characters they share are at least half of the longer of the two spans (so a quote found with
or without a trailing comma, an opening ``that`` or a closing quotation mark matches; one found
with only half its words, or twice as long, does not). Matching is one to one, largest overlap
first. Span precision, recall and F1 count matched quotes. Speaker accuracy is over matched
quotes: the predicted speaker is right when its matching key (diacritics, case and a leading
``the`` ignored) equals the gold speaker's, or when every word of the shorter name is in the
longer (``Pham`` for ``Pham Minh Chinh``).

Command line::

    python -m congress_corpus.quotes_eval tests/data/gold_quotes_seeds.jsonl seeds/ --errors

>>> score([{"doc_id": "a", "start": 0, "end": 10, "speaker": "Lê Hoài Trung"}],
...       [{"doc_id": "a", "start": 1, "end": 10, "speaker": "Le Hoai Trung"}])["span_f1"]
1.0
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


def key(name: str | None) -> str:
    """The matching key of a speaker name: no diacritics, lower case, no leading ``the``."""
    if not name:
        return ""
    s = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").translate(_QUOTES).lower()
    s = re.sub(r"\s+", " ", s).strip()
    return s[4:] if s.startswith("the ") else s


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Whether two speaker names name the same speaker (see the module's rule)."""
    p, g = key(predicted), key(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    pw, gw = set(p.split()), set(g.split())
    return pw <= gw or gw <= pw


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.translate(_QUOTES))


def locate(text: str, words: str, after: int = 0) -> tuple[int, int] | None:
    """The span of ``words`` in ``text``: exact, else with spaces and quotation marks normalised."""
    i = text.find(words, after)
    if i < 0:
        i = text.find(words)
    if i >= 0:
        return i, i + len(words)
    # Normalising keeps one character per character except runs of spaces: map back by index.
    norm_text, back = [], []
    for m in re.finditer(r"\s+|[^\s]", text):
        piece = " " if m.group().isspace() else m.group().translate(_QUOTES)
        norm_text.append(piece)
        back.append(m.start())
    joined = "".join(norm_text)
    j = joined.find(_norm(words).strip())
    if j < 0:
        return None
    end = j + len(_norm(words).strip())
    return back[j], (back[end] if end < len(back) else len(text))


def score(gold: list[dict], predicted: list[dict]) -> dict:
    """Span P/R/F1 and speaker accuracy; each quote a dict with doc_id, start, end, speaker."""
    by_doc: dict[str, tuple[list[dict], list[dict]]] = {}
    for g in gold:
        by_doc.setdefault(g["doc_id"], ([], []))[0].append(g)
    for p in predicted:
        by_doc.setdefault(p["doc_id"], ([], []))[1].append(p)
    pairs = []
    for gs, ps in by_doc.values():
        cands = []
        for gi, g in enumerate(gs):
            for pi, p in enumerate(ps):
                shared = min(g["end"], p["end"]) - max(g["start"], p["start"])
                longer = max(g["end"] - g["start"], p["end"] - p["start"], 1)
                if shared * 2 >= longer:
                    cands.append((shared, gi, pi))
        used_g, used_p = set(), set()
        for _, gi, pi in sorted(cands, reverse=True):
            if gi not in used_g and pi not in used_p:
                used_g.add(gi)
                used_p.add(pi)
                pairs.append((gs[gi], ps[pi]))
    n_gold, n_pred, n_match = len(gold), len(predicted), len(pairs)
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    right = sum(same_speaker(p.get("speaker"), g.get("speaker")) for g, p in pairs)
    return {
        "gold": n_gold, "predicted": n_pred, "matched": n_match,
        "span_precision": round(precision, 3), "span_recall": round(recall, 3), "span_f1": round(f1, 3),
        "speaker_accuracy": round(right / n_match, 3) if n_match else 0.0, "speaker_right": right,
        "pairs": pairs,
    }


def load_gold(path: str | Path, texts: dict[str, str]) -> tuple[list[dict], list[str]]:
    """Gold quotes with offsets into ``texts`` (doc_id -> body), and those not found in the text."""
    out, missing = [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        doc = rec["id"]
        if doc not in texts:
            continue
        after = 0
        for q in rec.get("quotes", []):
            if "start" in q and "end" in q:
                span = (q["start"], q["end"])
            else:
                span = locate(texts[doc], q["text"], after)
            if span is None:
                missing.append(f"{doc}: {q['text'][:70]}")
                continue
            after = span[0]
            out.append({"doc_id": doc, "start": span[0], "end": span[1], "speaker": q.get("speaker"),
                        "kind": q.get("kind"), "cue": q.get("cue"), "text": texts[doc][span[0]:span[1]]})
    return out, missing


def evaluate(gold_path: str | Path, folder: str | Path) -> dict:
    """Load ``folder``, find its quotes and score them against ``gold_path`` (documents in both)."""
    from .corpus import load

    corpus = load(str(folder))
    texts = dict(zip(corpus.documents.doc_id, corpus.documents.text))
    gold, missing = load_gold(gold_path, texts)
    gold_docs = {json.loads(l)["id"] for l in Path(gold_path).read_text(encoding="utf-8").splitlines() if l.strip()}
    q = corpus.quotes
    q = q[q.doc_id.isin(gold_docs)]
    predicted = [{"doc_id": r.doc_id, "start": int(r.start), "end": int(r.end), "speaker": r.speaker if isinstance(r.speaker, str) else None,
                  "text": r.text, "kind": r.kind, "cue": r.cue} for r in q.itertuples()]
    out = score(gold, predicted)
    out["documents"] = len(gold_docs & set(texts))
    out["not_located"] = missing
    out["predicted_rows"] = predicted
    out["gold_rows"] = gold
    return out


def _report(res: dict, errors: bool) -> str:
    lines = [
        f"documents {res['documents']}, gold quotes {res['gold']} ({len(res['not_located'])} not found in the text), "
        f"predicted {res['predicted']}, matched {res['matched']}",
        f"span precision {res['span_precision']:.3f}  recall {res['span_recall']:.3f}  F1 {res['span_f1']:.3f}",
        f"speaker accuracy on matched quotes {res['speaker_accuracy']:.3f} ({res['speaker_right']}/{res['matched']})",
    ]
    if errors:
        matched_p = {id(p) for _, p in res["pairs"]}
        matched_g = {(g["doc_id"], g["start"]) for g, _ in res["pairs"]}
        for g, p in res["pairs"]:
            if not same_speaker(p.get("speaker"), g.get("speaker")):
                lines.append(f"  speaker {g['doc_id']}: gold {g['speaker']!r} got {p.get('speaker')!r}: {g['text'][:60]!r}")
        for p in res["predicted_rows"]:
            if id(p) not in matched_p:
                lines.append(f"  extra   {p['doc_id']}: [{p['speaker']}] {p['cue']!r} {p['text'][:90]!r}")
        gold_all = res.get("gold_rows", [])
        for g in gold_all:
            if (g["doc_id"], g["start"]) not in matched_g:
                lines.append(f"  missed  {g['doc_id']}: [{g['speaker']}] {g['cue']!r} {g['text'][:90]!r}")
        for m in res["not_located"]:
            lines.append(f"  not in text: {m}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m congress_corpus.quotes_eval", description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", help="gold JSONL (id, quotes)")
    ap.add_argument("folder", help="the folder of the documents")
    ap.add_argument("--errors", action="store_true", help="list wrong speakers, extra and missed quotes")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    res = evaluate(args.gold, args.folder)
    if args.json:
        print(json.dumps({k: v for k, v in res.items() if k not in ("pairs", "predicted_rows", "gold_rows")}, ensure_ascii=False))
    else:
        print(_report(res, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
