"""The Dask path on a real LocalCluster equals the single-process result, row for row."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest

import congress_corpus as cc
from test_reliability import _generated_corpus

distributed = pytest.importorskip("distributed")
cloudpickle = pytest.importorskip("cloudpickle")
from congress_corpus import dask as ccd  # noqa: E402


@pytest.fixture(scope="module")
def client():
    # The scheduler's HTTP server on a free port: its default, 8787, may be taken by another test
    # run on the same machine, and the warning that says so fails the tests (filterwarnings=error).
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0")
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_cluster_equals_single_process(client, tmp_path):
    _generated_corpus(tmp_path, 300)
    (tmp_path / "bad.txt").write_bytes(b"")
    ex = cc.Extractor(patterns=[{"label": "ORG", "pattern": "Press Centre"}], aliases={"Uncle Ho": "Hồ Chí Minh"})
    single = cc.load(tmp_path, extractor=ex)
    tables = ccd.load_all(tmp_path, npartitions=5, extractor=ex)
    assert tables["mentions"].npartitions == 5
    for name in ("documents", "errors", "mentions", "roles", "quotes"):
        got = tables[name].compute().reset_index(drop=True)
        pd.testing.assert_frame_equal(got, getattr(single, name), check_categorical=False)
    ents = ccd.entities(tables["mentions"], tables["documents"])
    pd.testing.assert_frame_equal(ents, single.entities)


def test_npartitions_is_exact(client):
    import congress_corpus as cc
    docs, mentions = ccd.load(cc.SAMPLE, npartitions=4)
    assert docs.npartitions == 4 and mentions.npartitions == 4
    assert len(docs.compute()) == 5


def test_entities_from_pandas_mentions(seeds_corpus):
    pd.testing.assert_frame_equal(ccd.entities(seeds_corpus.mentions, seeds_corpus.documents), seeds_corpus.entities)


def test_extractor_pickles_with_pickle_and_cloudpickle():
    ex = cc.Extractor(patterns=[{"label": "ORG", "pattern": "Saolatek"}], aliases={"Uncle Ho": "Hồ Chí Minh"})
    text = ["Uncle Ho visited Saolatek in Hà Nội on January 7."]
    want = cc.extract(text, extractor=ex)
    for mod in (pickle, cloudpickle):
        pd.testing.assert_frame_equal(cc.extract(text, extractor=mod.loads(mod.dumps(ex))), want)
