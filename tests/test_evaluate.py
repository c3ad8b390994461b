"""The document-level evaluation command and the real-article development set it scores."""

from __future__ import annotations

import gc
import hashlib
import importlib.util
import io
import json
import random
from pathlib import Path

import pytest

from congress_corpus import evaluate

HERE = Path(__file__).resolve().parent
REALDEV = HERE.parent / "bench" / "realdev"
RESERVED = HERE.parents[1] / "shared" / "reserved_urls.sha256"


def reference():
    """The annotation guide's reference scorer (a copy of shared/tools/score_docs.py)."""
    spec = importlib.util.spec_from_file_location("score_docs", HERE / "data" / "reference_score_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def random_case(rng: random.Random):
    names = ["Tô Lâm", "To Lam", "Lam", "Hà Nội", "Hanoi", "the Party", "Party's", "CPV", "VNA", "Reuters", "Paris"]
    labels = ["PERSON", "ORG", "GPE"]
    gold, pred = {}, {}
    for d in range(8):
        doc = f"d{d}"
        ents = {lab: [" | ".join(rng.sample(names, rng.randint(1, 2))) for _ in range(rng.randint(0, 3))] for lab in labels}
        ents["DATE"] = rng.sample(["2026-01-19", "P5Y", "2026"], rng.randint(0, 2))
        optional = [{"label": rng.choice(labels), "name": rng.choice(names)} for _ in range(rng.randint(0, 2))]
        gold[doc] = {"id": doc, "entities": ents, "optional": optional}
        pred[doc] = {"id": doc, "entities": [{"label": rng.choice(labels), "names": rng.sample(names, rng.randint(1, 3))} for _ in range(rng.randint(0, 5))],
                     "values": [{"label": "DATE", "value": v} for v in rng.sample(["2026-01-19", "P5Y", "2026", "2025"], rng.randint(0, 3))]}
    return gold, pred


# The reference scorer leaves its files to the garbage collector.
REFERENCE_LEAKS = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning", "ignore::ResourceWarning")


@REFERENCE_LEAKS
def test_scores_agree_with_the_reference_scorer(tmp_path):
    ref = reference()
    rng = random.Random(7)
    for case in range(25):
        gold, pred = random_case(rng)
        g, p = tmp_path / f"g{case}.jsonl", tmp_path / f"p{case}.jsonl"
        g.write_text("".join(json.dumps(x) + "\n" for x in gold.values()), encoding="utf-8")
        p.write_text("".join(json.dumps(x) + "\n" for x in pred.values()), encoding="utf-8")
        named, values, per_label = ref.score(str(g), str(p), out=io.StringIO())
        ours = evaluate.score_documents(gold, pred)
        assert ours.prf("NAMED")[2] == pytest.approx(named)
        assert ours.prf("VALUES")[2] == pytest.approx(values)
        for label, f1 in per_label.items():
            assert ours.prf(label)[2] == pytest.approx(f1), (case, label)
    gc.collect()  # its leaked files are closed here, under this test's filter


@REFERENCE_LEAKS
def test_the_command_scores_a_folder(tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    # A paragraph written for this test, in wire style.
    (folder / "a1.txt").write_text(
        "HANOI (Reuters) - Prime Minister Pham Minh Chinh met executives of Samsung Electronics in Hanoi on "
        "January 19, 2026. Chinh said the company would invest $2 billion.", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a1", "entities": {
        "PERSON": ["Pham Minh Chinh | Chinh"], "ORG": ["Samsung Electronics | Samsung", "Reuters"], "GPE": ["Hanoi"],
        "DATE": ["2026-01-19"], "MONEY": ["2000000000"]}, "optional": []}) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    assert evaluate.main(["--gold", str(gold), str(folder), "--errors", "--pred", str(pred)]) == 0
    out = capsys.readouterr().out
    assert "named F1 1.000 values F1 1.000" in out, out
    # The predictions it wrote score the same with the reference scorer.
    named, values, _ = reference().score(str(gold), str(pred), out=io.StringIO())
    assert (named, values) == (1.0, 1.0)
    gc.collect()


def test_a_miss_and_an_extra_are_reported_per_article(tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "b1.txt").write_text("Officials in Hanoi met Jan Kowalczyk on Monday.", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "b1", "entities": {"PERSON": ["Maria Wojcik"], "GPE": ["Hanoi"]}, "optional": []}) + "\n", encoding="utf-8")
    evaluate.main(["--gold", str(gold), str(folder), "--errors"])
    out = capsys.readouterr().out
    assert "b1 PERSON: missed ['mariawojcik'] extra [['jankowalczyk']]" in out, out


def manifest(part: str = "") -> list[dict]:
    return [json.loads(l) for l in (REALDEV / part / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]


# The sixty, then the sixteen and the two twenties annotated blind later.
PARTS = ("", "heldout", "blind", "blind2")


def test_no_article_is_in_two_sets():
    urls = [x["url"] for part in PARTS for x in manifest(part)]
    assert len(urls) == len(set(urls)) == 116


def test_the_development_set_is_as_the_issue_asks():
    m = manifest()
    gold = [json.loads(l) for l in (REALDEV / "gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    assert len(m) >= 60 and [x["id"] for x in m] == [g["id"] for g in gold]
    assert len({x["outlet"] for x in m}) >= 20
    assert sum(x["foreign"] for x in m) >= 15
    assert sum(not x["congress"] for x in m) >= len(m) / 2
    assert len({x["url"] for x in m}) == len(m)
    for g in gold:
        assert set(g["entities"]) >= {"PERSON", "ORG", "GPE", "DATE"}, g["id"]
        assert all(isinstance(v, list) for v in g["entities"].values()), g["id"]


@pytest.mark.skipif(not RESERVED.exists(), reason="shared/reserved_urls.sha256 is not beside the repository")
def test_no_reserved_article_is_in_the_development_sets():
    reserved = {l.strip() for l in RESERVED.read_text().splitlines() if l.strip() and not l.startswith("#")}
    hits = [x["url"] for part in PARTS for x in manifest(part) if hashlib.sha256(x["url"].encode()).hexdigest() in reserved]
    assert not hits
