"""The Dask path on a real LocalCluster equals the single-process result, row for row."""

from __future__ import annotations

import pickle
from pathlib import Path

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
        if name == "documents":
            got = ccd.expand_fields(got)
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


def test_entities_from_mentions_cut_inside_documents(seeds_corpus):
    dd = pytest.importorskip("dask.dataframe")
    # 7 partitions of the rows of 5 documents: at least two cuts fall inside a document.
    mentions = dd.from_pandas(seeds_corpus.mentions, npartitions=7)
    parts = [p.compute() for p in mentions.to_delayed()]
    inside = sum(a.doc_id.iloc[-1] == b.doc_id.iloc[0] for a, b in zip(parts, parts[1:]) if len(a) and len(b))
    assert inside >= 2
    pd.testing.assert_frame_equal(ccd.entities(mentions, seeds_corpus.documents), seeds_corpus.entities)


def test_partials_travel_as_pyarrow_tables(seeds_corpus):
    import pyarrow as pa

    from congress_corpus import _core

    m = seeds_corpus.mentions
    half = len(m) // 2
    days = seeds_corpus.documents.date.dt.strftime("%Y-%m-%d")
    docs = (seeds_corpus.documents.doc_id.tolist(), [None if pd.isna(d) else d for d in days])
    parts = [pa.table(_core.partial_entities(p.doc_id.tolist(), p.entity_id.tolist(), p.text.tolist(), p.canonical.tolist(), docs))
             for p in (m.iloc[:half], m.iloc[half:])]
    # What a worker sends: the document each half starts and ends with goes along.
    sent = [pickle.loads(pickle.dumps(p)) for p in parts]
    assert sent[1].schema.metadata[b"first_doc"] == m.doc_id.iloc[half].encode()
    got = cc._tables.from_arrow(_core.merge_entities(sent))
    pd.testing.assert_frame_equal(got, seeds_corpus.entities)
    with pytest.raises(ValueError, match=r"\[E003\].*not a partial entities table"):
        _core.merge_entities([pa.table({"label": [1]})])


def test_record_fields_keep_the_declared_columns():
    # Records with fields of their own (CSV, JSON, HTML metadata) in some partitions only: the
    # frame's declared columns are those each partition has, and spreading the fields gives
    # what cc.load gives.
    folder = Path(__file__).parent / "data" / "mixed"
    docs = ccd.load_all(folder, npartitions=3)["documents"]
    got = docs.compute()
    assert list(docs.columns) == list(got.columns)
    assert "fields" in got.columns and got.fields.notna().sum() >= 3
    single = cc.load(folder).documents
    assert "section" in single.columns
    pd.testing.assert_frame_equal(ccd.expand_fields(got), single, check_categorical=False)
