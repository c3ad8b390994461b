"""What a load reads and refuses (issue 17): limits, types, globs, Ctrl-C while finding files,
unique doc_ids, corpora cut into record batches by size."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

import congress_corpus as cc


def _kinds(c):
    return {os.path.basename(p): k for p, k in zip(c.errors.path, c.errors.kind)}


def test_damaged_text_is_reported(tmp_path):
    (tmp_path / "late.txt").write_bytes(b"Hanoi. " * 2000 + b"\x00\x01\x02binary tail")
    (tmp_path / "lone.txt").write_bytes(b"\xff\xfe" + "Hà Nội".encode("utf-16-le") + b"\x00\xd8" + "x".encode("utf-16-le"))
    (tmp_path / "odd.txt").write_bytes(b"\xff\xfe" + "Hà Nội".encode("utf-16-le") + b"!")
    (tmp_path / "zw.txt").write_text("\u200b\u200d\u2060\ufeff \u200b\n", encoding="utf-8")
    c = cc.load(tmp_path)
    assert _kinds(c) == {"late.txt": "binary", "lone.txt": "not_utf8", "odd.txt": "not_utf8", "zw.txt": "empty"}
    assert sorted(c.documents.doc_id) == ["lone", "odd"]
    assert c.documents.text.str.contains("\ufffd").all()


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs /proc")
def test_max_bytes_holds_for_files_that_claim_no_size(tmp_path):
    os.symlink("/proc/self/status", tmp_path / "status.txt")  # says 0 bytes, holds more
    c = cc.load(tmp_path / "status.txt", max_bytes=64)
    assert list(c.errors.kind) == ["too_large"] and len(c) == 0


def test_other_types_are_rows_not_silence(tmp_path):
    (tmp_path / "a.txt").write_text("Hanoi.", encoding="utf-8")
    for name in ("notes.md", "report.docx", "data.xml", "README"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    c = cc.load(tmp_path)
    assert list(c.documents.doc_id) == ["a"]
    kinds = _kinds(c)
    assert kinds == dict.fromkeys(["README", "data.xml", "notes.md", "report.docx"], "unsupported_type")
    assert not c.errors.loaded.any()
    assert list(cc.load(tmp_path / "notes.md").errors.kind) == ["unsupported_type"]


def test_a_glob_matching_nothing_raises(tmp_path):
    (tmp_path / "a.txt").write_text("Hanoi.", encoding="utf-8")
    for glob in ("nonexistent/*.txt", "*.csv"):
        with pytest.raises(FileNotFoundError, match="E001"):
            cc.load(str(tmp_path / glob))


def test_a_glob_reads_and_reports_only_what_it_matches(tmp_path):
    (tmp_path / "mix").mkdir()
    (tmp_path / "mix" / "sub").mkdir()
    (tmp_path / "mix" / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "mix" / "b.txt").write_text("Hanoi.", encoding="utf-8")
    (tmp_path / "mix" / "sub" / "c.txt").write_text("Hue.", encoding="utf-8")
    os.symlink(tmp_path / "gone", tmp_path / "mix" / "dangling.txt")
    c = cc.load(str(tmp_path / "mix" / "*.md"))
    assert _kinds(c) == {"a.md": "unsupported_type"}
    c = cc.load(str(tmp_path / "mix" / "*.txt"))
    assert list(c.documents.doc_id) == ["b"]  # `*` stays in one folder, as in a shell
    assert _kinds(c) == {"dangling.txt": "not_found"}
    assert list(cc.load(str(tmp_path / "mix" / "**" / "*.txt")).documents.doc_id) == ["b", "sub/c"]


def _fan_of_links(root, levels=40):
    """Folders whose links fan out 2^levels ways: walking them never ends."""
    for level in range(levels + 1):
        (root / f"l{level}").mkdir()
    for level in range(levels):
        for name in "xy":
            os.symlink(root / f"l{level + 1}", root / f"l{level}" / name)
    return root / "l0"


def test_ctrl_c_interrupts_finding_files(tmp_path):
    fan = _fan_of_links(tmp_path)
    script = textwrap.dedent(f"""
        import congress_corpus as cc
        print("ready", flush=True)
        cc.load({str(fan)!r})
    """)
    p = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert p.stdout.readline().strip() == "ready"
        time.sleep(1.0)
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=30)
    finally:
        p.kill()
        p.wait()
    assert "KeyboardInterrupt" in err, err[-2000:]


def test_a_glob_walks_only_below_its_literal_prefix(tmp_path):
    (tmp_path / "fan").mkdir()
    _fan_of_links(tmp_path / "fan")
    (tmp_path / "a.txt").write_text("Hanoi.", encoding="utf-8")
    # One folder is read: the endless fan of links below it is never entered.
    assert list(cc.load(str(tmp_path / "*.txt")).documents.doc_id) == ["a"]


def _ids_unique(c):
    ids = list(c.documents.doc_id)
    assert len(ids) == len(set(ids)), ids
    return ids


def test_doc_ids_are_unique_and_render_their_own_document(tmp_path):
    for name, text in [("a.txt", "Hanoi."), ("a.TXT", "Hue and Hanoi."), ("a.text", "Da Nang.")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text('{"id": "a", "text": "Vietnam."}\n{"id": "x", "text": "Laos."}\n'
                                         '{"id": "x#3", "text": "Cambodia."}\n{"id": "x", "text": "Thailand."}\n',
                                         encoding="utf-8")
    for c in (cc.load(tmp_path), cc.load(tmp_path, n_threads=1)):
        ids = _ids_unique(c)
        assert ids == ["a", "a#2", "a#3", "a#4", "x", "x#3", "x#4"]
        assert sorted(c.errors[c.errors.kind == "duplicate_id"].loaded) == [True] * 4
        texts = dict(zip(c.documents.doc_id, c.documents.text))
        for m in c.mentions.itertuples():
            assert texts[m.doc_id][m.start:m.end] == m.text
    # The same ids, batch by batch.
    batches = [b.documents.doc_id.tolist() for b in cc.iter_batches(tmp_path, batch_size=1)]
    assert sum(batches, []) == ids


def test_same_file_name_under_two_sources(tmp_path):
    for d in ("d1", "d2"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "a.txt").write_text(f"Hanoi {d}.", encoding="utf-8")
    c = cc.load([tmp_path / "d1", tmp_path / "d2"])
    assert _ids_unique(c) == ["a", "a#2"]
    assert list(c.errors.kind) == ["duplicate_id"]


def test_a_file_reached_twice_is_loaded_once(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "a.txt").write_text("Tô Lâm met Lao leaders in Hanoi.", encoding="utf-8")
    (d / "b.txt").write_text("Hanoi.", encoding="utf-8")
    os.symlink(d, tmp_path / "link")
    once = cc.load(d)
    for sources in ([d, str(d) + "/."], [d, d / "a.txt"], [d, tmp_path / "link"], [tmp_path]):
        c = cc.load(sources)
        assert len(c) == 2 and c.errors.empty, sources
        assert len(c.mentions) == len(once.mentions), sources
