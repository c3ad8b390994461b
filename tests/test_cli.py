"""`python -m congress_corpus`: the report on the bundled sample and the Parquet export."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from conftest import load_gold


def _run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "congress_corpus", *args], capture_output=True, text=True, cwd=cwd, check=False)


def _cells(out: str) -> dict[str, dict[str, str]]:
    """The report's documents table, cell by cell: columns are fixed-width under the header."""
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("doc_id "))
    names = lines[header].split()
    starts = [lines[header].index(n) for n in names] + [None]
    rows = {}
    for line in lines[header + 1:]:
        if not line.strip():
            break
        cells = {n: line[a:b].strip() for n, a, b in zip(names, starts, starts[1:])}
        rows[cells["doc_id"]] = cells
    return rows


def _shown(value: str | None, width: int) -> str:
    """How the report prints a value in a column ``width`` wide: ``-`` when missing, cut with `…`."""
    if not value:
        return "-"
    return value if len(value) <= width else value[: width - 1] + "…"


def test_report_on_bundled_sample_from_any_directory(tmp_path):
    r = _run(cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "5 documents, 0 errors" in out
    rows = _cells(out)
    gold = load_gold()
    assert sorted(rows) == sorted(gold)
    for doc_id, g in gold.items():
        meta, cells = g["meta"], rows[doc_id]
        assert cells["date"] == _shown(meta["date"], 10), doc_id
        assert cells["dateline"] == _shown(meta["dateline"], 10), doc_id
        assert cells["source"] == _shown("/".join(meta["source"]), 9), doc_id
        assert cells["title"] == _shown(meta["title"], 44), doc_id


def test_report_into_a_closed_pipe_exits_quietly():
    # `python -m congress_corpus | head` closes the pipe early. Closing it before the report is
    # written makes every write fail: no traceback, exit status 0.
    with subprocess.Popen([sys.executable, "-m", "congress_corpus"], stdout=subprocess.PIPE, stderr=subprocess.PIPE) as p:
        p.stdout.close()
        err = p.stderr.read().decode()
        assert p.wait(timeout=120) == 0, err
    assert "Traceback" not in err and "Broken pipe" not in err, err


def test_out_writes_parquet(tmp_path):
    r = _run("--out", str(tmp_path / "o"))
    assert r.returncode == 0, r.stderr
    docs = pd.read_parquet(tmp_path / "o" / "documents.parquet")
    assert len(docs) == 5 and "text" in docs.columns
    assert (tmp_path / "o" / "errors.parquet").exists()


def test_missing_path_is_a_clear_error(tmp_path):
    r = _run(str(tmp_path / "nope"))
    assert r.returncode == 2
    assert "no such file or folder" in r.stderr


def test_report_shows_who_said_what_about_the_themes():
    r = _run("--themes", "strategic autonomy", "breakthrough")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    section = out[out.index('Who said what about "strategic autonomy"'):]
    assert "Trinh Van Quyet, stressed, 002_d2e10eecdcafdbe8: the need to promote strategic autonomy" in section
    assert 'Who said what about "breakthrough"' in section
    assert "Lê Hoài Trung, noted, 000_b223d5d76dda60ac" in section
