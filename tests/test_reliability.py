"""Hostile corpora, properties of extraction on arbitrary text, determinism, panics, Ctrl-C and
concurrent calls."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import unicodedata

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import congress_corpus as cc
from congress_corpus import _core
from congress_corpus.extract import default_extractor
from conftest import SEEDS


def _names(c):
    return sorted(os.path.basename(p) for p in c.errors.path)


def test_hostile_folder(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "good.txt").write_text("HÀ NỘI — Tô Lâm met delegates. VNS", encoding="utf-8")
    (d / "crlf.txt").write_bytes("Hanoi (VNA) - Line one.\r\nLine two.\rLine three.".encode())
    (d / "cp1252.txt").write_bytes("Caf\u00e9 \u201cquoted\u201d".encode("cp1252"))
    (d / "latin1.txt").write_bytes("Gr\u00fc\u00dfe aus K\u00f6ln".encode("latin-1"))
    (d / "bom.txt").write_bytes(b"\xef\xbb\xbfWith a BOM.")
    (d / "utf16le.txt").write_bytes("\ufeffUTF-16 LE text.".encode("utf-16-le"))
    (d / "utf16be.txt").write_bytes(b"\xfe\xff" + "UTF-16 BE text.".encode("utf-16-be"))
    (d / "nul.txt").write_bytes(b"text\x00with\x00nuls")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (d / "empty.txt").write_bytes(b"")
    (d / "spaces.txt").write_bytes(b" \n\t \r\n")
    (d / "huge.txt").write_bytes(b"x" * 3000)
    (d / "x.txt").mkdir()  # a folder with a text file's name: walked, not read
    (d / "x.txt" / "inner.txt").write_text("Inside a folder named x.txt.", encoding="utf-8")
    (d / ".DS_Store").write_bytes(b"\x00\x01binary")
    (d / ".hidden").mkdir()
    (d / ".hidden" / "secret.txt").write_text("hidden", encoding="utf-8")
    os.symlink(d / "nowhere.txt", d / "dangling.txt")
    os.symlink(d, d / "loop")
    os.mkfifo(d / "fifo.txt")
    badname = os.fsencode(str(d)) + b"/caf\xe9.txt"
    with open(badname, "wb") as f:
        f.write(b"Bad file name, good text.")
    (d / "feed.jsonl").write_text(
        '{"id": "j1", "text": "One."}\n{broken\n{"id": "j2"}\n{"id": "j1", "text": "Again."}\n', encoding="utf-8")

    c = cc.load(d, max_bytes=2048)
    errors = {(os.path.basename(p), k) for p, k in zip(c.errors.path, c.errors.kind)}
    assert errors == {
        ("cp1252.txt", "not_utf8"), ("latin1.txt", "not_utf8"), ("nul.txt", "binary"), ("image.txt", "binary"),
        ("empty.txt", "empty"), ("spaces.txt", "empty"), ("huge.txt", "too_large"), ("dangling.txt", "not_found"),
        ("loop", "symlink_loop"), ("fifo.txt", "not_regular_file"), ("caf\ufffd.txt", "bad_file_name"),
        ("feed.jsonl#2", "bad_json"), ("feed.jsonl#3", "missing_text"), ("feed.jsonl#4", "duplicate_id"),
    }
    docs = dict(zip(c.documents.doc_id, c.documents.text))
    assert set(docs) == {"good", "crlf", "cp1252", "latin1", "bom", "utf16le", "utf16be", "x.txt/inner", "caf\ufffd",
                         "j1", "j1#4"}
    assert docs["crlf"] == "Line one.\nLine two.\nLine three."
    assert docs["cp1252"] == "Café “quoted”"
    assert docs["latin1"] == "Grüße aus Köln"
    assert docs["utf16le"] == "UTF-16 LE text." and docs["utf16be"] == "UTF-16 BE text." and docs["bom"] == "With a BOM."
    loaded = dict(zip(c.errors.kind, c.errors.loaded))
    assert loaded["not_utf8"] and loaded["duplicate_id"] and loaded["bad_file_name"]
    assert not loaded["binary"] and not loaded["too_large"] and not loaded["empty"]


def test_long_line_without_newline(tmp_path):
    p = tmp_path / "long.txt"
    word = "cooperation between Hanoi and Vientiane continues "
    p.write_text(word * (20_000_000 // len(word)), encoding="utf-8")
    c = cc.load(p)
    assert len(c) == 1 and c.errors.empty
    assert c.documents.n_chars[0] == len(word * (20_000_000 // len(word))) - 1  # trailing space trimmed
    gpe = c.mentions[c.mentions.label == "GPE"]
    assert len(gpe) == 2 * (20_000_000 // len(word))


def test_fifty_thousand_tiny_files(tmp_path):
    d = tmp_path / "many"
    d.mkdir()
    for i in range(50_000):
        (d / f"{i:05d}.txt").write_bytes(b"Hanoi.")
    c = cc.load(d, extract=False)
    assert len(c) == 50_000 and c.errors.empty
    assert c.documents.doc_id.iloc[-1] == "49999"


# ---- properties -------------------------------------------------------------------------------

NAMEY = st.sampled_from(["Tô Lâm", "Hà Nội", "Việt Nam", "Lê Hoài Trung", "Communist Party of Việt Nam (CPV)",
                         "14th National Party Congress", "İstanbul", "Đà Nẵng", "January 7", "31,097", "90%"])
TEXT = st.lists(st.one_of(st.text(max_size=30), NAMEY, st.sampled_from(["\u200d", "\u0301", "🇻🇳", "שלום", " ", "\n", ". "])),
                max_size=25).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extraction_on_arbitrary_text(text):
    t = cc.extract_tables([text], dates=["2026-01-08"])
    m = t["mentions"]
    for row in m.itertuples():
        assert text[row.start:row.end] == row.text
        assert 0 <= row.start < row.end <= len(text)
    assert list(m.start) == sorted(m.start)
    assert (m.start.iloc[1:].values >= m.end.iloc[:-1].values).all()  # no overlaps


@settings(max_examples=200, deadline=None)
@given(st.lists(NAMEY, min_size=1, max_size=8).map(" and ".join))
def test_nfc_and_nfd_give_the_same_entities(text):
    nfc = cc.extract([unicodedata.normalize("NFC", text)])
    nfd = cc.extract([unicodedata.normalize("NFD", text)])
    assert list(zip(nfc.label, nfc.entity_id, nfc.value)) == list(zip(nfd.label, nfd.entity_id, nfd.value))


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_load_or_report(tmp_path_factory, data):
    d = tmp_path_factory.mktemp("bytes")
    (d / "f.txt").write_bytes(data)
    c = cc.load(d)
    assert len(c) + int((~c.errors.loaded).sum()) == 1  # loaded, or one row saying why not


# ---- determinism, threads, panics, interrupts --------------------------------------------------

def _generated_corpus(root, n=300):
    """Articles made by recombining the seeds' paragraphs (deterministic)."""
    paras = []
    for p in sorted(SEEDS.glob("*.txt")):
        paras += [x for x in p.read_text(encoding="utf-8").split("\n") if len(x) > 80]
    for i in range(n):
        body = "\n\n".join(paras[(i * 7 + k * 3) % len(paras)] for k in range(4))
        (root / f"{i:04d}.txt").write_text(f" date 2026-01-{1 + i % 28:02d} HANOI — {body}", encoding="utf-8")


def _load_in_slices(folder, n_threads, slice_inputs):
    """``cc.load(folder, n_threads=n_threads)`` read ``slice_inputs`` files per slice."""
    plan = _core.discover([str(folder)], None)
    loading = _core.Load(plan, _core.LoadOptions(), default_extractor()._core, n_threads, slice_inputs=slice_inputs)
    while loading.next_slice():
        pass
    return cc.Corpus(dict(loading.finish()), n_threads)


def test_same_tables_on_1_2_and_8_threads(tmp_path):
    _generated_corpus(tmp_path)
    # Slices of 128 files per thread here, so each thread count slices the corpus differently
    # (128, 256, 1024 files): rows and record batches must not depend on it.
    runs = [_load_in_slices(tmp_path, n, 128 * n) for n in (1, 2, 8, 2)]
    for name in ("documents", "errors", "mentions", "entities", "roles", "quotes"):
        pd.testing.assert_frame_equal(getattr(runs[0], name), getattr(cc.load(tmp_path, n_threads=2), name))
    for other in runs[1:]:
        for name in ("documents", "errors", "mentions", "entities", "roles"):
            pd.testing.assert_frame_equal(getattr(runs[0], name), getattr(other, name))
            batches = [len(b) for b in pa.table(runs[0].arrow(name)).to_batches()]
            assert batches == [len(b) for b in pa.table(other.arrow(name)).to_batches()], name


def test_a_finished_load_says_so():
    loading = _core.Load(_core.discover([str(SEEDS)], None))
    assert len(loading.finish()["documents"]) == 5
    for again in (loading.next_slice, loading.partial, loading.finish):
        with pytest.raises(RuntimeError, match=r"E006.*Load is finished"):
            again()


def test_thread_count_resolution(monkeypatch):
    assert _core.resolve_threads(3) == 3
    monkeypatch.setenv("CONGRESS_CORPUS_THREADS", "5")
    assert _core.resolve_threads(0) == 5
    # A value that is not a count is ignored for the next source, RAYON_NUM_THREADS.
    monkeypatch.setenv("CONGRESS_CORPUS_THREADS", "not a number")
    monkeypatch.setenv("RAYON_NUM_THREADS", "4")
    assert _core.resolve_threads(0) == 4


def test_panic_becomes_an_exception():
    with pytest.raises(RuntimeError, match=r"E006.*deliberate test panic"):
        _core._panic_for_test()
    # The library still works afterwards.
    assert len(cc.load(SEEDS)) == 5


def test_gil_released_during_load(tmp_path):
    _generated_corpus(tmp_path, 400)
    ticks = 0
    done = threading.Event()

    def work():
        for _ in range(3):
            cc.load(tmp_path, n_threads=1)
        done.set()

    t = threading.Thread(target=work)
    t.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    t.join()
    assert ticks > 20


def test_concurrent_calls_agree():
    results = [None] * 4

    def work(i):
        results[i] = cc.load(SEEDS).mentions

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results[1:]:
        pd.testing.assert_frame_equal(results[0], r)


def test_ctrl_c_interrupts_a_long_load(tmp_path):
    _generated_corpus(tmp_path, 3000)
    script = textwrap.dedent(f"""
        import sys, congress_corpus as cc
        print("ready", flush=True)
        while True:
            cc.load({str(tmp_path)!r})
    """)
    p = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "ready"
    time.sleep(1.5)
    sent = time.monotonic()
    p.send_signal(signal.SIGINT)
    try:
        _, err = p.communicate(timeout=10)
    finally:
        p.kill()
    elapsed = time.monotonic() - sent
    assert "KeyboardInterrupt" in err, err[-2000:]
    assert p.returncode != 0
    assert elapsed < 10  # generous for a loaded CI machine; typically well under a second
