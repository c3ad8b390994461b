"""The HTML reader through its binding (the Rust unit tests in src/html.rs hold the detail)."""

from __future__ import annotations

from pathlib import Path

from congress_corpus import _core

PAGES = Path(__file__).parent / "data" / "html"


def test_news_page_gives_article_and_metadata():
    page = _core.html_extract((PAGES / "vn_news.html").read_text(encoding="utf-8"))
    assert page["title"] == "14th National Party Congress opens in Hà Nội"
    assert page["date"] == "2026-01-19T08:30:00+07:00"
    assert page["author"] == "Minh Anh, Trần Hương"
    assert page["text"].split("\n\n")[1].startswith("Party General Secretary Tô Lâm")
    assert "Related News" not in page["text"] and "Great news" not in page["text"]
    assert page["captions"] == ["Delegates attend the opening session at the National Convention Centre. — VNA/VNS Photo"]
    assert page["metadata"]["section"] == "Politics & Laws"


def test_any_string_is_a_page():
    page = _core.html_extract("<title>Rain - Daily</title><nav><a href='/'>Home</a></nav>"
                              "<p>Heavy rain fell on Hà Nội, officials said on Sunday.</p>")
    assert (page["title"], page["text"]) == ("Rain", "Heavy rain fell on Hà Nội, officials said on Sunday.")
    for junk in ["", "<", "\x00", "<p>" * 10_000]:
        assert _core.html_extract(junk)["text"] == ""
