"""Inputs as researchers hold them (issue 21): one folder mixing `.txt`, `.jsonl`, `.json`
(news-please), `.csv` and saved `.html`/`.htm` pages (written for these tests in the markup of
real news sites: menus, related links, comments, scripts, JSON-LD), field mapping, kept metadata,
bad records as error rows, and title/caption zones."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pandas.testing as pdt
import pytest

import congress_corpus as cc

from pathlib import Path

MIXED = Path(__file__).parent / "data" / "mixed"


@pytest.fixture(scope="module")
def mixed():
    return cc.load(MIXED)


def _doc(corpus, doc_id):
    d = corpus.documents.set_index("doc_id")
    return d.loc[doc_id]


def test_every_reader_gives_its_documents_in_path_order(mixed):
    assert mixed.documents.doc_id.tolist() == [
        "c-01", "c-02",                      # export.csv: the uuid column
        "feed-001", "feed-004",              # feed.jsonl: the id field
        "https://news.example/politics/congress-presidium.html",  # newsplease.json: no id, so its url
        "page_a", "page_b",                  # page_a.html, page_b.htm: the file name
        "wire",                              # wire.txt
    ]
    assert mixed.documents.path.str.replace(str(MIXED) + "/", "").tolist() == [
        "export.csv#2", "export.csv#5", "feed.jsonl#1", "feed.jsonl#4", "newsplease.json",
        "page_a.html", "page_b.htm", "wire.txt"]


def test_bad_records_are_error_rows_with_their_place(mixed):
    e = mixed.errors
    got = list(zip(e.path.str.replace(str(MIXED) + "/", ""), e.kind, e.loaded))
    assert got == [("export.csv#6", "bad_csv", False), ("feed.jsonl#2", "bad_json", False),
                   ("feed.jsonl#3", "missing_text", False)]
    assert "9 fields" in e.message[0] and "`body`" in e.message[2]


def test_html_pages_give_the_article_without_the_page_around_it(mixed):
    a = _doc(mixed, "page_a")
    assert a.title == "Congress closes with new Central Committee"
    assert a.date == pd.Timestamp("2026-01-23")
    paragraphs = a.text.split("\n\n")
    # The standfirst and three paragraphs; not the date stamp, share links, tags, signature,
    # related news, comments, most-read box, ads or footer.
    assert len(paragraphs) == 4, paragraphs
    assert paragraphs[0].startswith("The 14th National Party Congress closed in Hà Nội on Friday")
    assert paragraphs[-1] == "Delegates also adopted targets for growth, digital transformation and green energy for the period to 2030."
    for junk in ("Facebook", "Related news", "presidium", "Great news", "Most read", "beaches", "©", "showAd", "GMT+7", "Politburo</a>"):
        assert junk not in a.text, junk
    assert a.captions == ["Party General Secretary Tô Lâm speaks at the closing session at the National Convention Centre in Hà Nội."]
    assert (a.author, a.section, a.site_name) == ("Nguyễn Lan", "Politics", "Hanoi Daily Example")
    assert a.url == "https://hanoidaily.example/politics/congress-closes-4471.html"

    b = _doc(mixed, "page_b")
    assert (b.title, b.date) == ("Vietnam sets 2030 growth goal at party meeting", pd.Timestamp("2026-01-22"))
    # The wire dateline and credit are read by the same cleaner as a text file's.
    assert (b.dateline, b.source) == ("HANOI", "World Wire")
    assert b.text.startswith("Vietnam's Communist Party set a goal of double-digit economic growth")
    assert "economist at a bank in Singapore" in b.text and "exports of electronics" in b.text
    for junk in ("cookies", "Markets", "Share", "Advertisement", "Thailand", "Careers", "Jane Example"):
        assert junk not in b.text, junk
    assert (b.author, b.section, b.keywords) == ("Jane Example", "Asia Pacific", "Vietnam, economy, politics")
    assert b.captions == ["A view of Hanoi's skyline, January 20, 2026. World Wire/Photo Example"]


def test_records_give_text_title_date_and_keep_every_other_field_typed(mixed):
    docs = mixed.documents
    f = _doc(mixed, "feed-001")
    assert f.title == "Lao delegation arrives in Hà Nội" and f.date == pd.Timestamp("2026-01-18")
    assert f.text.startswith("A delegation of the Lao People's Revolutionary Party") and "\n\nThe delegation" in f.text
    assert (f.section, list(f.tags), f.word_count) == ("World", ["Laos", "Party Congress"], 42)
    # pandas' conventions for a list of records: integers with gaps are float64, booleans with
    # gaps object, strings the string dtype, lists Python lists.
    assert docs.word_count.dtype == "float64" and docs.section.dtype == docs.title.dtype
    assert _doc(mixed, "feed-004").pinned is True and pd.isna(f.pinned)

    n = _doc(mixed, "https://news.example/politics/congress-presidium.html")
    assert (n.title, n.date) == ("Congress elects its presidium", pd.Timestamp("2026-01-20"))
    assert n.text.startswith("The 14th National Party Congress on Tuesday elected its presidium")
    assert (list(n.authors), n.source_domain, n.date_download, n.language) == (["Thu Hằng"], "news.example", "2026-01-20 11:02:13", "en")
    assert n.url == "https://news.example/politics/congress-presidium.html"

    c1, c2 = _doc(mixed, "c-01"), _doc(mixed, "c-02")
    assert (c1.title, c1.date, c1.outlet, c1.shares, c1.paywall) == ("Turnout high in Đà Nẵng", pd.Timestamp("2026-01-19"), "Đà Nẵng Today", 120, False)
    assert c1.text == "Voters in Đà Nẵng followed the congress on screens in public squares on Monday.\n\nThe city's Party Committee said more than 3,000 people attended."
    assert pd.isna(c2.shares) and c2.paywall is True

    w = _doc(mixed, "wire")
    assert (w.date, w.dateline, w.source) == (pd.Timestamp("2026-01-21"), "HÀ NỘI", "VNS")
    # A field of one reader is null in the other readers' rows.
    assert pd.isna(w.section) and pd.isna(w.author) and pd.isna(c1.author)


def test_mentions_hold_offsets_into_the_body_of_every_reader(mixed):
    docs = mixed.documents.set_index("doc_id").text
    m = mixed.mentions
    assert set(m.doc_id) == set(docs.index)
    assert all(docs[d][s:e] == t for d, s, e, t in zip(m.doc_id, m.start, m.end, m.text))
    assert (m.zone == "body").all() and (m.zone_index == 0).all()
    assert {"Tô Lâm", "Lê Hoài Trung", "Đà Nẵng", "Singapore"} <= set(m.text)


def test_field_mapping_names_the_fields(tmp_path):
    (tmp_path / "stories.json").write_text(json.dumps({"meta": {"n": 2}, "data": {"stories": [
        {"stories_id": 7, "story": "Tô Lâm met Lao leaders in Vientiane.", "when": "2026-01-25", "hed": "Talks", "media": "VNA"},
        {"stories_id": 8, "story": "Hue hosted a festival.", "when": "25/01/2026", "hed": "Festival", "body": "not this"},
    ]}}), encoding="utf-8")
    c = cc.load(tmp_path, text="story", id="stories_id", date="when", title="hed")
    d = c.documents
    assert d.doc_id.tolist() == ["7", "8"]
    assert d.title.tolist() == ["Talks", "Festival"]
    assert d.text.tolist() == ["Tô Lâm met Lao leaders in Vientiane.", "Hue hosted a festival."]
    assert d.date[0] == pd.Timestamp("2026-01-25") and pd.isna(d.date[1])
    assert d.media[0] == "VNA" and d.body[1] == "not this"
    # A date that is not one: the document is loaded without it, and the row says so.
    assert list(zip(c.errors.kind, c.errors.loaded)) == [("bad_date", True)]
    assert "25/01/2026" in c.errors.message[0]
    # A field name that no record has: every record is a missing_text row.
    c = cc.load(tmp_path, text="maintext")
    assert len(c) == 0 and c.errors.kind.tolist() == ["missing_text", "missing_text"]
    with pytest.raises(ValueError, match="unknown zone"):
        cc.load(tmp_path, zones=("body", "footer"))
    with pytest.raises(TypeError, match="text="):
        cc.load(tmp_path, text=3)


def test_zones_add_title_and_caption_mentions_with_their_own_offsets():
    c = cc.load(MIXED, zones=("body", "title", "caption"))
    default = cc.load(MIXED)
    m = c.mentions
    body = m[m.zone == "body"].reset_index(drop=True)
    pdt.assert_frame_equal(body, default.mentions)
    docs = c.documents.set_index("doc_id")
    titles, captions = m[m.zone == "title"], m[m.zone == "caption"]
    assert len(titles) and len(captions)
    for r in titles.itertuples():
        assert docs.title[r.doc_id][r.start:r.end] == r.text and r.zone_index == 0
    for r in captions.itertuples():
        assert docs.captions[r.doc_id][r.zone_index][r.start:r.end] == r.text
    assert ("page_a", "Tô Lâm", 0) in set(zip(captions.doc_id, captions.text, captions.zone_index))
    assert ("c-01", "Đà Nẵng") in set(zip(titles.doc_id, titles.text))
    # An entity in a page's caption and body counts that page once.
    e = c.entities.set_index("entity_id").loc["PERSON:to lam"]
    e0 = default.entities.set_index("entity_id").loc["PERSON:to lam"]
    assert (e.n_mentions, e.n_docs) == (e0.n_mentions + 1, e0.n_docs)


def test_from_pandas_gives_the_tables_of_the_same_records_loaded_from_a_file(tmp_path):
    shutil.copy(MIXED / "export.csv", tmp_path)
    (tmp_path / "export.csv").write_text("\n".join((MIXED / "export.csv").read_text(encoding="utf-8").splitlines()[:-1]) + "\n", encoding="utf-8")
    files = cc.load(tmp_path)
    df = pd.read_csv(tmp_path / "export.csv", dtype={"uuid": str})
    mem = cc.from_pandas(df, id="uuid")
    cols = [c for c in files.documents.columns if c not in ("path", "paywall", "shares")]
    pdt.assert_frame_equal(mem.documents[cols], files.documents[cols])
    assert mem.documents.shares.tolist()[0] == files.documents.shares.tolist()[0] == 120
    for name in ("mentions", "entities", "roles"):
        pdt.assert_frame_equal(getattr(mem, name), getattr(files, name))


def test_the_cli_reads_every_type_and_maps_fields(tmp_path, capsys):
    from congress_corpus.cli import main

    (tmp_path / "a.csv").write_text("key,story\nk1,Tô Lâm met Lao leaders in Vientiane.\n", encoding="utf-8")
    assert main([str(tmp_path), "--text", "story", "--id", "key", "--zones", "body,title,caption", "--out", str(tmp_path / "out"), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "1 documents, 0 errors" in out and "k1" in out
    written = pd.read_csv(tmp_path / "out" / "mentions.csv")
    assert written.text.tolist() == ["Tô Lâm", "Lao", "Vientiane"] and set(written.zone) == {"body"}


def test_the_cli_writes_a_mixed_folder_to_parquet_with_its_fields(tmp_path, capsys):
    from congress_corpus.cli import main

    (tmp_path / "in").mkdir()
    for p in MIXED.iterdir():
        shutil.copy(p, tmp_path / "in")
    # One field holding numbers in one file and text in another cannot be one Parquet type.
    (tmp_path / "in" / "more.jsonl").write_text('{"text": "Hue hosted a festival.", "word_count": "about ten"}\n', encoding="utf-8")
    assert main([str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == 0
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert len(docs) == 9 and docs.set_index("doc_id").author["page_a"] == "Nguyễn Lan"
    assert docs.set_index("doc_id").word_count[["feed-001", "more#1"]].tolist() == ["42", "about ten"]
    assert "9 documents, 3 errors" in capsys.readouterr().out
