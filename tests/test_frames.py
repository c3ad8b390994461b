"""`cc.from_pandas`: articles already in a DataFrame (or polars / pyarrow table) give the same tables
as the same texts loaded from files, and keep every other column."""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt
import pytest

import congress_corpus as cc

from conftest import SEEDS


def _seed_frame() -> pd.DataFrame:
    paths = sorted(SEEDS.glob("*.txt"))
    return pd.DataFrame({"body": [p.read_text(encoding="utf-8") for p in paths],
                         "section": [f"s{i}" for i in range(len(paths))],
                         "score": [float(i) / 2 for i in range(len(paths))]},
                        index=pd.Index([p.stem for p in paths], name="uuid"))


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pdt.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))


def test_from_pandas_gives_the_tables_of_the_same_texts_loaded_from_files(tmp_path):
    df = _seed_frame()
    for doc_id, text in df.body.items():
        (tmp_path / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    files = cc.load(tmp_path)
    mem = cc.from_pandas(df, text="body")
    contract = [c for c in files.documents.columns if c != "path"]
    _same(mem.documents[contract], files.documents[contract])
    for name in ("mentions", "entities", "roles"):
        _same(getattr(mem, name), getattr(files, name))
    assert len(mem.mentions) > 100 and len(mem.roles) > 10
    assert mem.documents.path.tolist() == [f"<DataFrame>#{i}" for i in range(len(df))]


def test_other_columns_are_kept_with_their_dtypes_and_index_is_the_id():
    df = _seed_frame()
    docs = cc.from_pandas(df).documents  # `body` found without being named
    assert docs.doc_id.tolist() == df.index.tolist()
    assert docs.section.tolist() == df.section.tolist()
    assert docs.score.dtype == "float64" and docs.score.tolist() == df.score.tolist()


def test_named_columns_win_over_what_the_text_says():
    df = pd.DataFrame({"uuid": ["x", "y"], "maintext": ["Tô Lâm met Lao leaders.", "Trung spoke."],
                       "date_publish": ["2026-01-20T08:00:00Z", None], "headline": ["Talks", None],
                       "url": ["https://a.vn/1", "https://a.vn/2"], "text": ["raw a", "raw b"]})
    docs = cc.from_pandas(df, text="maintext", id="uuid").documents
    assert docs.doc_id.tolist() == ["x", "y"]
    assert docs.date[0] == pd.Timestamp("2026-01-20")
    assert docs.title[0] == "Talks" and docs.title.isna()[1]
    assert docs.text.tolist() == ["Tô Lâm met Lao leaders.", "Trung spoke."]
    # `url` fills the documents' empty column; `text` clashes with the cleaned body and is kept apart.
    assert docs.url.tolist() == ["https://a.vn/1", "https://a.vn/2"]
    assert docs.text_input.tolist() == ["raw a", "raw b"]


def test_bad_rows_are_error_rows_and_repeated_ids_kept_apart():
    df = pd.DataFrame({"text": ["Tô Lâm spoke.", None, "   ", "Lê Hoài Trung spoke."]}, index=["a", "b", "c", "a"])
    corpus = cc.from_pandas(df)
    assert corpus.documents.doc_id.tolist() == ["a", "a#3"]
    kinds = dict(zip(corpus.errors.path, corpus.errors.kind))
    assert kinds == {"<DataFrame>#1": "missing_text", "<DataFrame>#2": "empty", "<DataFrame>#3": "duplicate_id"}
    assert corpus.mentions.doc_id.tolist() == ["a", "a#3"]


def test_bad_arguments_raise_clear_errors():
    with pytest.raises(ValueError, match=r"\[E003\] no text column"):
        cc.from_pandas(pd.DataFrame({"x": ["a"]}))
    with pytest.raises(ValueError, match=r"\[E003\] no column 'nope'"):
        cc.from_pandas(pd.DataFrame({"text": ["a"]}), id="nope")
    with pytest.raises(TypeError, match=r"\[E003\] the text column must hold strings"):
        cc.from_pandas(pd.DataFrame({"text": [1, 2]}))
    with pytest.raises(ValueError, match=r"cannot read date"):
        cc.from_pandas(pd.DataFrame({"text": ["a"], "date": ["yesterday"]}))
    with pytest.raises(TypeError, match=r"\[E003\] from_pandas takes"):
        cc.from_pandas([["a"]])


def test_polars_and_pyarrow_tables_give_the_same_corpus():
    pl = pytest.importorskip("polars")
    import pyarrow as pa

    df = _seed_frame().reset_index()
    expected = cc.from_pandas(df, id="uuid")
    for table in (pl.from_pandas(df), pa.Table.from_pandas(df, preserve_index=False)):
        got = cc.from_pandas(table, id="uuid")
        _same(got.mentions, expected.mentions)
        assert got.documents.doc_id.tolist() == expected.documents.doc_id.tolist()
        assert got.documents.section.tolist() == expected.documents.section.tolist()


def test_extract_false_loads_documents_only():
    corpus = cc.from_pandas(pd.DataFrame({"text": ["Tô Lâm spoke."]}), extract=False)
    assert corpus.table_names == ["documents", "errors"]
    assert corpus.documents.n_sentences.tolist() == [1]
