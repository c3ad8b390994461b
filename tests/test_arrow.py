"""Tables leave Rust through the Arrow C stream interface: pyarrow, polars and pandas read the
same capsule and agree."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

import congress_corpus as cc


@pytest.mark.parametrize("name", ["documents", "errors", "mentions", "entities", "roles"])
def test_pyarrow_reads_every_table(seeds_corpus, name):
    table = pa.table(seeds_corpus.arrow(name))
    df = getattr(seeds_corpus, name)
    assert table.column_names == list(df.columns)
    assert table.num_rows == len(df)
    # Read twice: each call hands over a fresh stream.
    assert pa.table(seeds_corpus.arrow(name)).num_rows == len(df)


def test_polars_reads_mentions(seeds_corpus):
    pl = pytest.importorskip("polars")
    m = pl.DataFrame(seeds_corpus.arrow("mentions"))
    assert m.height == len(seeds_corpus.mentions)
    assert m["text"].to_list() == seeds_corpus.mentions.text.tolist()
    assert set(m["label"].cast(pl.String).unique().to_list()) == set(seeds_corpus.mentions.label.astype(str))


def test_schema_types(seeds_corpus):
    s = pa.table(seeds_corpus.arrow("mentions")).schema
    assert pa.types.is_dictionary(s.field("label").type)
    # Positions are int32 (a tenth of the mentions table); counts stay int64.
    for col in ("sentence", "start", "end"):
        assert s.field(col).type == pa.int32()
    assert pa.table(seeds_corpus.arrow("roles")).schema.field("start").type == pa.int32()
    d = pa.table(seeds_corpus.arrow("documents")).schema
    assert d.field("date").type == pa.timestamp("s")


def test_empty_corpus_tables_have_schemas(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    c = cc.load(tmp_path)
    assert len(c) == 0 and len(c.errors) == 1
    assert list(c.mentions.columns)[:4] == ["doc_id", "sentence", "start", "end"]
    assert pa.table(c.arrow("entities")).num_rows == 0
    pd.testing.assert_index_equal(c.documents.columns, cc.load(cc.SAMPLE).documents.columns)
