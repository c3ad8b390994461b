"""The loader on the seeds (metadata and clean bodies checked against the hand annotations) and
on inputs made for each test."""

from __future__ import annotations

import os
import re
import sys

import pandas as pd
import pytest

import congress_corpus as cc
from conftest import SEEDS


def _doc(corpus, doc_id):
    rows = corpus.documents[corpus.documents.doc_id == doc_id]
    assert len(rows) == 1, doc_id
    return rows.iloc[0]


def test_five_seeds_in_path_order(seeds_corpus, gold):
    assert list(seeds_corpus.documents.doc_id) == sorted(gold)
    assert len(seeds_corpus) == 5
    assert seeds_corpus.errors.empty


@pytest.mark.parametrize("doc_id", sorted(p.stem for p in SEEDS.glob("*.txt")))
def test_metadata_matches_gold(seeds_corpus, gold, doc_id):
    meta = gold[doc_id]["meta"]
    row = _doc(seeds_corpus, doc_id)
    date = None if pd.isna(row.date) else row.date.date().isoformat()
    assert date == meta["date"]
    assert (None if pd.isna(row.dateline) else row.dateline) == meta["dateline"]
    expected_source = "/".join(meta["source"]) or None
    assert (None if pd.isna(row.source) else row.source) == expected_source
    assert (None if pd.isna(row.title) else row.title) == meta["title"]


MISSING_SPACE = re.compile(r"([a-z\)”\"’»])\.([A-Z][a-z])")


def _expected_body_lines(raw: str, mentions: list[dict]) -> list[str]:
    """Every raw line that holds article text, as the body should hold it: lines holding a
    caption or headline mention, and everything from the 'Related News' line on, are left out;
    the date marker, the dateline and the trailing credit are cut from the lines that have them."""
    cut_before = {}  # line start -> offset where the body begins in that line
    cut_after = {}
    for m in mentions:
        if m["zone"] in ("date_marker", "dateline"):
            ls = raw.rfind("\n", 0, m["start"]) + 1
            cut_before[ls] = max(cut_before.get(ls, 0), m["end"])
        if m["zone"] == "credit":
            ls = raw.rfind("\n", 0, m["start"]) + 1
            cut_after[ls] = min(cut_after.get(ls, len(raw)), m["start"])
    skip_lines = {raw.rfind("\n", 0, m["start"]) + 1 for m in mentions if m["zone"] in ("caption", "headline")}
    out = []
    pos = 0
    for line in raw.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if line.strip() in ("Related News", "See Also"):
            break
        if start in skip_lines:
            continue
        end = start + len(line)
        b = max(start, cut_before.get(start, start))
        e = min(end, cut_after.get(start, end))
        seg = raw[b:e]
        # The dateline separator and `./.` end marker belong to neither the place nor the body.
        seg = re.sub(r"^\s*\)?\s*(\(\w+\))?\s*[—–-]?\s*", "", seg)
        seg = re.sub(r"/\.\s*$", "", seg)
        seg = re.sub(r"\s*[—–-]\s*$", "", seg).strip()
        if seg:
            out.append(MISSING_SPACE.sub(r"\1. \2", seg))
    return out


@pytest.mark.parametrize("doc_id", sorted(p.stem for p in SEEDS.glob("*.txt")))
def test_body_keeps_all_article_text(seeds_corpus, gold, doc_id):
    raw = (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")
    text = _doc(seeds_corpus, doc_id).text
    lines = _expected_body_lines(raw, gold[doc_id]["mentions"])
    assert lines, "the article has body text"
    for line in lines:
        assert line in text, f"lost from the body: {line[:80]!r}"
    # Nothing else: the body is exactly those lines (paragraph breaks aside).
    assert re.sub(r"\s+", " ", " ".join(lines)).strip() == re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("doc_id", sorted(p.stem for p in SEEDS.glob("*.txt")))
def test_body_has_no_boilerplate(seeds_corpus, gold, doc_id):
    text = _doc(seeds_corpus, doc_id).text
    assert not re.search(r"\bdate \d{4}-\d\d-\d\d", text)
    for marker in ("Related News", "See Also", "Photo: VNA", "(Photo", "./.", "VNA/VNS", "(VNA)"):
        assert marker not in text, marker
    assert not text.endswith((" VNS", "/."))
    assert not re.match(r"\s*(HÀ NỘI|Hanoi)\s*(\(VNA\))?\s*[—–-]", text)
    assert "lives.Responding" not in text and "lives. Responding" in text or doc_id != "002_d2e10eecdcafdbe8"
    # Mentions of the non-body zones that occur nowhere in the body are gone.
    body_texts = {m["text"] for m in gold[doc_id]["mentions"] if m["zone"] == "body"}
    for m in gold[doc_id]["mentions"]:
        if m["zone"] in ("related", "caption") and m["text"] not in body_texts and len(m["text"]) > 8:
            assert m["text"] not in text, (m["zone"], m["text"])


def test_counts(seeds_corpus):
    for row in seeds_corpus.documents.itertuples():
        assert row.n_chars == len(row.text)
        assert row.n_words == len([w for w in row.text.split() if any(c.isalnum() for c in w)])
        assert 1 <= row.n_sentences <= row.text.count(".") + row.text.count("?") + row.text.count("!") + 1


def test_sha256_is_of_raw_bytes(seeds_corpus):
    import hashlib

    for row in seeds_corpus.documents.itertuples():
        assert row.sha256 == hashlib.sha256((SEEDS / f"{row.doc_id}.txt").read_bytes()).hexdigest()


def test_documents_dtypes(seeds_corpus):
    df = seeds_corpus.documents
    assert str(df["date"].dtype).startswith("datetime64")
    for col in ("n_chars", "n_words", "n_sentences"):
        assert df[col].dtype == "int64"
    assert df["doc_id"].map(type).eq(str).all()


def test_bundled_sample_is_the_seeds_byte_for_byte():
    sample = sorted(os.listdir(cc.SAMPLE))
    assert sample == sorted(p.name for p in SEEDS.glob("*.txt"))
    for name in sample:
        with open(os.path.join(cc.SAMPLE, name), "rb") as f:
            assert f.read() == (SEEDS / name).read_bytes()


def test_sources_single_file_glob_and_list(tmp_path):
    one = SEEDS / "001_2a7f6e7a51b55cc4.txt"
    c = cc.load(one)
    assert list(c.documents.doc_id) == ["001_2a7f6e7a51b55cc4"]
    c = cc.load(str(SEEDS / "00[34]*.txt"))
    assert list(c.documents.doc_id) == ["003_0bd0bde2bb0ce5f2", "004_9ebf1ee7a7ea8587"]
    c = cc.load([one, SEEDS / "000_b223d5d76dda60ac.txt", one])
    assert list(c.documents.doc_id) == ["000_b223d5d76dda60ac", "001_2a7f6e7a51b55cc4"]
    c = cc.load(SEEDS, pattern="00[01]*")
    assert len(c) == 2


def test_thread_count_does_not_change_tables():
    a = cc.load(SEEDS, n_threads=1)
    b = cc.load(SEEDS, n_threads=2)
    pd.testing.assert_frame_equal(a.documents, b.documents)


def test_nested_folders_hidden_skipped_and_doc_ids(tmp_path):
    (tmp_path / "2026" / "jan").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    (tmp_path / "2026" / "jan" / "a.txt").write_text("HANOI (AP) — One.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Two.", encoding="utf-8")
    (tmp_path / ".cache" / "c.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\0\0")
    c = cc.load(tmp_path)
    assert list(c.documents.doc_id) == ["2026/jan/a", "b"]
    assert c.errors.empty


def test_jsonl(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text(
        '{"id": "x1", "text": "HANOI (Reuters) - Vietnam\'s party met.", "date": "2026-01-20", "title": "Met", "url": "http://e/1"}\n'
        '{"text": "No id here."}\n'
        "not json\n"
        '{"id": "x1", "text": "Same id again."}\n'
        '{"id": "x3"}\n',
        encoding="utf-8",
    )
    c = cc.load(p)
    d = c.documents
    assert list(d.doc_id) == ["x1", "feed#2", "x1#4"]
    assert d.loc[0, "date"] == pd.Timestamp("2026-01-20")
    assert (d.loc[0, "title"], d.loc[0, "url"], d.loc[0, "dateline"], d.loc[0, "source"]) == ("Met", "http://e/1", "HANOI", "Reuters")
    assert d.loc[0, "text"] == "Vietnam's party met."
    assert d.loc[1, "path"].endswith("feed.jsonl#2")
    e = c.errors
    assert list(e.kind) == ["bad_json", "duplicate_id", "missing_text"]
    assert list(e.loaded) == [False, True, False]


def _write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_missing_root_raises():
    with pytest.raises(FileNotFoundError, match="E001"):
        cc.load("/no/such/corpus")


def test_bad_arguments_raise():
    with pytest.raises(ValueError):
        cc.load([])
    with pytest.raises(ValueError):
        cc.load(SEEDS, n_threads=0)
    with pytest.raises(ValueError, match="glob"):
        cc.load(SEEDS, pattern="[unclosed")


def test_each_bad_input_is_one_error_row(tmp_path):
    _write(tmp_path, "good.txt", "Tô Lâm met Lao leaders.".encode())
    _write(tmp_path, "empty.txt", b"")
    _write(tmp_path, "blank.txt", b"  \n \r\n")
    _write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    _write(tmp_path, "latin1.txt", "Café in Hà Nội".encode("cp1252", errors="replace"))
    _write(tmp_path, "big.txt", b"x" * 5000)
    _write(tmp_path, "nul.txt", b"abc\x00def")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
    c = cc.load(tmp_path, max_bytes=4096)
    kinds = dict(zip(c.errors.path.map(os.path.basename), c.errors.kind))
    expected = {"empty.txt": "empty", "blank.txt": "empty", "image.txt": "binary", "latin1.txt": "not_utf8",
                "big.txt": "too_large", "nul.txt": "binary", "dangling.txt": "not_found"}
    if hasattr(os, "mkfifo"):
        expected["pipe.txt"] = "not_regular_file"
    assert kinds == expected
    assert sorted(c.documents.doc_id) == ["good", "latin1"]
    latin = c.documents.set_index("doc_id").loc["latin1", "text"]
    assert latin.startswith("Café in H")
    loaded = dict(zip(c.errors.kind, c.errors.loaded))
    assert loaded["not_utf8"] and not loaded["binary"] and not loaded["empty"]


def test_utf16_and_bom_and_crlf(tmp_path):
    _write(tmp_path, "u16.txt", b"\xff\xfe" + "Hà Nội.\r\nSecond line.".encode("utf-16-le"))
    _write(tmp_path, "u16be.txt", b"\xfe\xff" + "Hà Nội.".encode("utf-16-be"))
    _write(tmp_path, "bom.txt", b"\xef\xbb\xbfTo Lam spoke.\rThen left.")
    c = cc.load(tmp_path)
    t = dict(zip(c.documents.doc_id, c.documents.text))
    assert t["u16"] == "Hà Nội.\nSecond line."
    assert t["u16be"] == "Hà Nội."
    assert t["bom"] == "To Lam spoke.\nThen left."
    assert c.errors.empty


def test_progress_reports(tmp_path, capsys):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Article {i}.", encoding="utf-8")
    c = cc.load(tmp_path, progress=True)
    assert len(c) == 3
    err = capsys.readouterr().err
    assert "3/3" in err or "3 file" in err


def test_repr_and_len(seeds_corpus):
    assert re.fullmatch(r"<Corpus: 5 documents, \d+ mentions, 0 errors>", repr(seeds_corpus))
    assert repr(cc.load(SEEDS, extract=False)) == "<Corpus: 5 documents, 0 errors>"


def test_iter_batches_concatenate_to_a_whole_load(seeds_corpus):
    batches = list(cc.iter_batches(SEEDS, batch_size=2))
    assert [len(b) for b in batches] == [2, 2, 1]
    docs = pd.concat([b.documents for b in batches], ignore_index=True)
    pd.testing.assert_frame_equal(docs, seeds_corpus.documents)
    m = pd.concat([b.mentions for b in batches], ignore_index=True)
    whole = seeds_corpus.mentions
    assert list(m.entity_id) == list(whole.entity_id) and list(m.start) == list(whole.start)
    with pytest.raises(ValueError):
        next(cc.iter_batches(SEEDS, batch_size=0))


def test_captions_and_related_are_kept_aside(seeds_corpus, gold):
    docs = seeds_corpus.documents.set_index("doc_id")
    for doc_id, g in gold.items():
        captions = " ".join(docs.loc[doc_id, "captions"])
        for m in g["mentions"]:
            if m["zone"] == "caption":
                assert m["text"] in captions, (doc_id, m["text"])
            if m["zone"] == "related":
                assert m["text"] in docs.loc[doc_id, "related"], (doc_id, m["text"])
    assert docs.loc["004_9ebf1ee7a7ea8587", "related"].startswith("Related News\n\n14th National Party Congress")


@pytest.mark.parametrize("head", ["Latest news", "Keywords", "Tags", "See Also", "Related News"])
def test_a_heading_inside_an_article_cuts_nothing(tmp_path, head):
    body = f"HANOI — The Congress opened.\n\n{head}\n\nTô Lâm was re-elected general secretary.\n\nDelegates voted."
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    row = cc.load(tmp_path).documents.iloc[0]
    assert row.text == f"The Congress opened.\n\n{head}\n\nTô Lâm was re-elected general secretary.\n\nDelegates voted."
    assert pd.isna(row.related)
