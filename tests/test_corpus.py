"""The `Corpus` object itself: it pickles with every table (for Dask and multiprocessing) and
shows a small card in Jupyter."""

from __future__ import annotations

import pickle

import pandas as pd
import pandas.testing as pdt
import pytest

import congress_corpus as cc

from conftest import SEEDS
from test_frames import _seed_frame


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pdt.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))


@pytest.mark.parametrize("make", [lambda: cc.load(SEEDS), lambda: cc.from_pandas(_seed_frame())])
def test_corpus_pickles_with_every_table(make):
    corpus = make()
    corpus.mentions  # one table converted to pandas, the others still Arrow
    back = pickle.loads(pickle.dumps(corpus))
    assert back.table_names == corpus.table_names
    for name in corpus.table_names:
        _same(getattr(back, name), getattr(corpus, name))
    assert len(back.kwic("Congress")) == len(corpus.kwic("Congress"))


def test_repr_html_is_a_small_escaped_card():
    df = pd.DataFrame({"text": ["Tô Lâm met <b>Lao</b> leaders in Vientiane on 7 January 2026."]})
    card = cc.from_pandas(df, date=None)._repr_html_()
    assert card.startswith("<div") and "<b>Lao</b>" not in card
    for needle in ("documents", "1 (", "dates", "errors", "Tô Lâm", "Vientiane"):
        assert needle in card, needle
    seeds = cc.load(SEEDS)._repr_html_()
    assert "VNS" in seeds and "Lê Hoài Trung" in seeds and seeds.count("<tr>") <= 12
