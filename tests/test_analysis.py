"""Roles, co-occurrence and keyword in context, on texts written for the test and on the seeds."""

from __future__ import annotations

import pytest

import congress_corpus as cc
from congress_corpus.evaluate import score
from conftest import load_gold


def roles_of(text: str) -> set[tuple[str, str]]:
    r = cc.extract_tables([text])["roles"]
    return set(zip(r.person, r.role))


def test_titles_before_a_name_split_at_and():
    got = roles_of("Politburo member and Minister of Foreign Affairs Bui Thanh Son met the press.")
    assert got == {("Bui Thanh Son", "Politburo member"), ("Bui Thanh Son", "Minister of Foreign Affairs")}


def test_apposition_after_a_name():
    got = roles_of("Nguyen Van Nam, Politburo member, Secretary of the Party Central Committee and Chairman of "
                   "its Commission for Information, Education and Mass Mobilisation, spoke on Friday.")
    assert got == {
        ("Nguyen Van Nam", "Politburo member"),
        ("Nguyen Van Nam", "Secretary of the Party Central Committee"),
        ("Nguyen Van Nam", "Chairman of its Commission for Information, Education and Mass Mobilisation"),
    }


def test_title_with_a_coordinated_complement_stays_whole():
    got = roles_of("Minister of Science and Technology Nguyen Manh Hung opened the fair.")
    assert got == {("Nguyen Manh Hung", "Minister of Science and Technology")}


def test_org_entity_id_of_a_ministerial_title():
    r = cc.extract_tables(["Minister of Public Security Luong Tam Quang spoke."])["roles"]
    assert r.org_entity_id.tolist() == ["ORG:ministry of public security"]


def test_no_role_without_a_title():
    assert roles_of("Nguyen Van Nam, a farmer from Nghe An, said prices rose.") == set()


def test_roles_against_gold(seeds_corpus):
    s = score(seeds_corpus.mentions, load_gold(), seeds_corpus.roles)
    p, r = s.roles_pr()
    assert p >= 0.95 and r >= 0.90, (p, r, [e for e in s.errors if "role" in e[1]])


def test_roles_table_columns(seeds_corpus):
    r = seeds_corpus.roles
    assert r.columns.tolist() == ["doc_id", "sentence", "start", "end", "person_entity_id", "person", "role", "org_entity_id"]
    texts = dict(zip(seeds_corpus.documents.doc_id, seeds_corpus.documents.text))
    for row in r.itertuples():
        assert texts[row.doc_id][row.start:row.end].removeprefix("the ") in (row.role, row.role + "s")
        assert row.person_entity_id.startswith("PERSON:")


def test_cooccurrence_sentence_and_document():
    c = cc.extract_tables(["Tô Lâm met Lương Cường. Lương Cường met Phạm Minh Chính.", "Tô Lâm and Lương Cường spoke."], doc_ids=["a", "b"])
    m = c["mentions"]
    corpus = cc.Corpus({"documents": None, "errors": None, "mentions": m, "entities": c["entities"], "roles": c["roles"]})
    s = corpus.cooccurrence(labels=["PERSON"], window="sentence")
    pairs = {frozenset((r.canonical_a, r.canonical_b)): r.weight for r in s.itertuples()}
    assert pairs == {frozenset({"Tô Lâm", "Lương Cường"}): 2, frozenset({"Lương Cường", "Phạm Minh Chính"}): 1}
    d = corpus.cooccurrence(labels=["PERSON"], window="document")
    pairs = {frozenset((r.canonical_a, r.canonical_b)): r.weight for r in d.itertuples()}
    assert pairs[frozenset({"Tô Lâm", "Lương Cường"})] == 2
    assert pairs[frozenset({"Tô Lâm", "Phạm Minh Chính"})] == 1
    with pytest.raises(ValueError, match="window"):
        corpus.cooccurrence(window="paragraph")


def test_cooccurrence_on_seeds(seeds_corpus):
    d = seeds_corpus.cooccurrence(labels=("PERSON", "ORG"), window="document")
    assert (d.entity_a < d.entity_b).all()
    assert list(d.weight) == sorted(d.weight, reverse=True)
    top = d.iloc[0]
    assert top.weight >= 3


def test_kwic(seeds_corpus):
    k = seeds_corpus.kwic("strategic autonomy", width=40)
    assert len(k) == 3  # twice in 000, once in 002, counted by hand
    texts = dict(zip(seeds_corpus.documents.doc_id, seeds_corpus.documents.text))
    for row in k.itertuples():
        t = texts[row.doc_id]
        assert t[row.start:row.start + len(row.match)] == row.match
        assert t[:row.start].endswith(row.left) and len(row.left) <= 40
    assert len(seeds_corpus.kwic("DOI MOI")) == 3  # đổi mới twice in 000, Doi moi once in 002
