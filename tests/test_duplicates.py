"""Near-duplicate stories: planted syndicated copies of a seed join it, other stories on the same
event (the other seeds, a follow-up sharing two paragraphs) stay apart; deduplicated counts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import congress_corpus as cc

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _body(name: str) -> list[str]:
    """The paragraphs of a seed, without its date marker, dateline and credit."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    text = re.sub(r"^\s*date \d{4}-\d\d-\d\d\s*HÀ NỘI — ", "", text)
    text = re.sub(r"\s*VNS\s*$", "", text)
    return [p for p in text.split("\n\n") if p.strip()]


def _ascii_typography(p: str) -> str:
    return (p.replace("“", '"').replace("”", '"').replace("’", "'").replace("—", "-").replace("–", "-")
            .replace("Việt Nam", "Vietnam").replace("Hà Nội", "Hanoi"))


def _stories() -> dict[str, str]:
    source = _body("000_b223d5d76dda60ac.txt")
    other = _body("001_2a7f6e7a51b55cc4.txt")
    third = _body("002_d2e10eecdcafdbe8.txt")
    assert len(source) >= 8
    return {
        # The source as its own outlet printed it.
        "source": " date 2026-01-08 HÀ NỘI — " + "\n\n".join(source) + " VNS",
        # VNA's wire copy: a headline, another dateline and credit, ASCII typography, `Vietnam`,
        # and its last paragraph dropped.
        "wire": "Party Central Committee briefs diplomats on 14th Congress\n\nHanoi (VNA) - "
                + "\n\n".join(_ascii_typography(p) for p in source[:-1]) + "\nVNA",
        # A provincial paper's reprint: its own headline and an added closing paragraph.
        "reprint": "Diplomats briefed on upcoming Party congress\n\n"
                   + "\n\n".join(source + ["Readers can follow the congress live on the provincial portal and on our app."])
                   + " — VNA/VNS",
        # A follow-up on the same event: two of the source's paragraphs, the rest another story.
        "follow_up": "\n\n".join(source[:2] + third),
        "other": "\n\n".join(other),
    }


def _write(folder: Path, names: dict[str, str]) -> None:
    folder.mkdir()
    for key, text in _stories().items():
        (folder / f"{names[key]}.txt").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> cc.Corpus:
    folder = tmp_path_factory.mktemp("planted") / "a"
    _write(folder, {"source": "b_source", "wire": "c_wire", "reprint": "d_reprint", "follow_up": "a_follow_up", "other": "e_other"})
    return cc.load(folder)


def _groups(d) -> set[frozenset[str]]:
    return {frozenset(g.doc_id.map(lambda s: s.split("_", 1)[1])) for _, g in d.groupby("cluster")}


def test_syndicated_copies_join_their_source_and_other_stories_stay_apart(planted):
    d = planted.duplicates()
    assert d.columns.tolist() == ["doc_id", "cluster", "similarity"]
    assert d.doc_id.tolist() == ["b_source", "c_wire", "d_reprint"]
    assert d.cluster.tolist() == ["b_source"] * 3
    assert d.similarity.iloc[0] == 1.0
    assert ((d.similarity.iloc[1:] >= 0.8) & (d.similarity.iloc[1:] < 1.0)).all()


def test_seed_stories_on_the_same_congress_are_not_duplicates():
    assert cc.load(cc.SAMPLE).duplicates(threshold=0.5).empty


def test_a_lower_threshold_joins_more(planted):
    # The follow-up shares two paragraphs of the source (Jaccard 0.06): far below 0.8, not below 0.05.
    assert "a_follow_up" not in planted.duplicates(0.8).doc_id.tolist()
    assert "a_follow_up" in planted.duplicates(0.05).doc_id.tolist()


def test_same_clusters_on_one_or_two_threads_and_in_any_order(planted, tmp_path):
    # A fresh load: a corpus keeps its duplicates once computed.
    one = cc.load(Path(planted.documents.path.iloc[0]).parent, n_threads=1).duplicates(n_threads=1)
    two = planted.duplicates(n_threads=2)
    assert one.equals(two)
    # Other file names put the documents in another order: the same groups, named by the new first.
    _write(tmp_path / "b", {"source": "e_source", "wire": "b_wire", "reprint": "c_reprint", "follow_up": "d_follow_up", "other": "a_other"})
    shuffled = cc.load(tmp_path / "b").duplicates()
    assert _groups(shuffled) == _groups(two) == {frozenset({"source", "wire", "reprint"})}
    assert set(shuffled.cluster) == {"b_wire"}


def test_dedupe_counts_each_story_once(planted):
    full = planted.entity_counts(["PERSON"]).set_index("entity_id")
    once = planted.entity_counts(["PERSON"], dedupe=True).set_index("entity_id")
    # Only the source and its two copies name Khamphao Earthavanh; Lê Hoài Trung is in others too.
    lao, trung = "PERSON:khamphao earthavanh", "PERSON:le hoai trung"
    assert (full.loc[lao, "n_docs"], once.loc[lao, "n_docs"]) == (3, 1)
    assert full.loc[trung, "n_docs"] - once.loc[trung, "n_docs"] == 2
    assert once.loc[trung, "n_mentions"] < full.loc[trung, "n_mentions"]
    # Without dedupe the counts are the entities table's.
    e = planted.entities.set_index("entity_id")
    assert (full.n_mentions == e.loc[full.index, "n_mentions"]).all()
    assert (full.n_docs == e.loc[full.index, "n_docs"]).all()
    pairs = planted.cooccurrence(["PERSON", "ORG"], window="document")
    deduped = planted.cooccurrence(["PERSON", "ORG"], window="document", dedupe=True)
    both = pairs.merge(deduped, on=["entity_a", "entity_b"], how="left", suffixes=("", "_once")).fillna({"weight_once": 0})
    assert both.weight.iloc[0] - both.weight_once.iloc[0] == 2
    assert ((both.weight - both.weight_once).between(0, 2)).all()


@pytest.mark.parametrize("threshold", [0, -0.5, 1.01, float("nan")])
def test_a_threshold_outside_0_1_is_refused(planted, threshold):
    with pytest.raises(ValueError, match=r"\[E003\]"):
        planted.duplicates(threshold)
