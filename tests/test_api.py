"""The Python API refuses what it cannot read (a clear exception, never a wrong table), and its
objects travel (pickle, deepcopy)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle

import numpy as np
import pandas as pd
import pytest

import congress_corpus as cc
from conftest import SEEDS


def test_a_bare_string_or_a_frame_is_not_a_list_of_texts():
    with pytest.raises(TypeError, match=r"\[text\]"):
        cc.extract("Tô Lâm met delegates in Hanoi.")
    with pytest.raises(TypeError, match=r"df\['text'\]"):
        cc.extract(pd.DataFrame({"text": ["Hanoi."]}))
    with pytest.raises(TypeError, match=r"texts\[1\] must be a str"):
        cc.extract(["Hanoi.", 3])


def test_a_series_gives_its_index_as_doc_ids():
    s = pd.Series(["Tô Lâm spoke.", "Hanoi hosted."], index=["a17", "b42"])
    m = cc.extract(s)
    assert m.doc_id.tolist() == ["a17", "b42"]
    assert cc.extract(s, doc_ids=["x", "y"]).doc_id.tolist() == ["x", "y"]


def test_missing_texts_raise_with_their_position_or_are_skipped():
    s = pd.Series(["Hanoi.", None, np.nan, "Vientiane."], index=[10, 11, 12, 13])
    with pytest.raises(TypeError, match=r"texts\[11\] is missing"):
        cc.extract(s)
    m = cc.extract(s, na="skip", dates=["2026-01-01", None, None, "2026-01-02"])
    assert m.doc_id.tolist() == ["10", "13"] and m.attrs["skipped"] == ["11", "12"]
    with pytest.raises(ValueError, match="E003"):
        cc.extract(s, na="ignore")


@pytest.mark.parametrize("bad", [[20260203], [1.5], ["2026-02-03garbage"], ["2026-02-30"], [b"2026-02-03"]])
def test_dates_that_are_not_dates_are_refused_with_their_position(bad):
    with pytest.raises((TypeError, ValueError), match=r"dates\[0\]"):
        cc.extract(["On Monday, Hanoi."], dates=bad)


def test_a_scalar_date_is_refused_and_every_kind_of_date_is_read():
    with pytest.raises(TypeError, match="one date per text"):
        cc.extract(["On Monday, Hanoi."], dates="2026-02-03")
    kinds = ["2026-02-03", dt.date(2026, 2, 3), dt.datetime(2026, 2, 3, 9), pd.Timestamp("2026-02-03"),
             np.datetime64("2026-02-03")]
    for d in kinds:
        m = cc.extract(["On Monday, Hanoi."], dates=[d])
        assert m[m.label == "DATE"].value.tolist() == ["2026-02-02"], d
    for none in [None, pd.NaT, np.nan]:
        m = cc.extract(["On Monday, Hanoi."], dates=[none])
        assert m[m.label == "DATE"].value.isna().all()
    with pytest.raises(ValueError, match="same length"):
        cc.extract(["a", "b"], dates=["2026-02-03"])


def test_cooccurrence_labels_are_checked():
    c = cc.load(SEEDS)
    assert c.cooccurrence(labels="PERSON").equals(c.cooccurrence(labels=["PERSON"]))
    assert len(c.cooccurrence(labels="PERSON", window="document")) > 0
    for bad in (["person"], ["FOO"], "PER"):
        with pytest.raises(ValueError, match=r"unknown label .*PERSON, NORP"):
            c.cooccurrence(labels=bad)


def test_aliases_take_the_label_of_their_name():
    ex = cc.Extractor(aliases={"Sammy": ("ORG", "Samsung Electronics Co"), "HN": "Hanoi", "Uncle Ho": "Hồ Chí Minh"})
    m = cc.extract(["Sammy opened in HN, Uncle Ho said."], extractor=ex)
    got = dict(zip(m.text, zip(m.label, m.canonical)))
    assert got["Sammy"] == ("ORG", "Samsung Electronics Co")
    assert got["HN"] == ("GPE", "Hà Nội")
    assert got["Uncle Ho"] == ("PERSON", "Hồ Chí Minh")
    # Read as the extractor reads the name: `... Commission` is an ORG, not a PERSON.
    ex = cc.Extractor(aliases={"the Board": "Saolatek Oversight Commission"})
    m = cc.extract(["the Board met."], extractor=ex)
    assert m.label.tolist() == ["ORG"]
    with pytest.raises(ValueError, match=r"E004.*give its label"):
        cc.Extractor(aliases={"zz": "qqq zzz"})
    with pytest.raises(ValueError, match="unknown label"):
        cc.Extractor(aliases={"zz": ("THING", "qqq zzz")})
    assert pickle.loads(pickle.dumps(ex))._aliases == ex._aliases


@pytest.mark.parametrize("call", [
    lambda v: cc.load(SEEDS, n_threads=v),
    lambda v: cc.extract(["Hanoi."], n_threads=v),
    lambda v: list(cc.iter_batches(SEEDS, n_threads=v)),
    lambda v: cc.load(SEEDS).kwic("Hanoi", n_threads=v),
], ids=["load", "extract", "iter_batches", "kwic"])
@pytest.mark.parametrize("value", [0, -1, 2**64, 1025])
def test_one_rule_for_thread_counts(call, value):
    with pytest.raises(ValueError, match=r"\[E003\] n_threads"):
        call(value)


@pytest.mark.parametrize("call", [
    lambda: cc.load(SEEDS, max_bytes=0),
    lambda: cc.load(SEEDS, max_bytes=2**64),
    lambda: list(cc.iter_batches(SEEDS, max_bytes=0)),
    lambda: list(cc.iter_batches(SEEDS, batch_size=0)),
    lambda: cc.load(SEEDS).kwic("Hanoi", width=2**64),
    lambda: cc.load(SEEDS).kwic("Hanoi", width=-1),
])
def test_one_rule_for_every_other_number(call):
    with pytest.raises(ValueError, match=r"\[E003\]"):
        call()


def test_patterns_file_with_a_bom_or_a_folder(tmp_path):
    p = tmp_path / "patterns.jsonl"
    p.write_bytes("\ufeff".encode() + json.dumps({"label": "ORG", "pattern": "Saolatek"}).encode() + b"\n")
    m = cc.extract(["Saolatek agreed."], extractor=cc.Extractor(patterns=p))
    assert m.label.tolist() == ["ORG"]
    with pytest.raises(ValueError, match=r"E004.*not a folder"):
        cc.Extractor(patterns=tmp_path)
    (tmp_path / "latin1.jsonl").write_bytes('{"label": "ORG", "pattern": "Caf\u00e9"}'.encode("latin-1"))
    with pytest.raises(ValueError, match=r"E004.*not UTF-8"):
        cc.Extractor(patterns=tmp_path / "latin1.jsonl")


def test_a_corpus_pickles_and_deep_copies():
    c = cc.load(SEEDS)
    for other in (pickle.loads(pickle.dumps(c)), copy.deepcopy(c)):
        assert other.table_names == c.table_names
        for name in c.table_names:
            pd.testing.assert_frame_equal(getattr(other, name), getattr(c, name))
        assert other.kwic("Hanoi").equals(c.kwic("Hanoi"))


def test_empty_tables_keep_their_dtypes():
    t = cc.extract_tables([])
    assert t["entities"].aliases.dtype == object
    assert t["mentions"].start.dtype == "int32"


def test_integer_looking_jsonl_ids_keep_their_digits(tmp_path):
    (tmp_path / "feed.jsonl").write_text('{"id": 123456789012345678901234567890, "text": "Hanoi."}\n'
                                         '{"id": 1.50, "text": "Vientiane."}\n', encoding="utf-8")
    assert cc.load(tmp_path).documents.doc_id.tolist() == ["123456789012345678901234567890", "1.50"]
