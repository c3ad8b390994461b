"""`python -m congress_corpus`: the report on the bundled sample and the Parquet export."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from conftest import load_gold


def _run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "congress_corpus", *args], capture_output=True, text=True, cwd=cwd, check=False)


def test_report_on_bundled_sample_from_any_directory(tmp_path):
    r = _run(cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "5 documents, 0 errors" in out
    for doc_id, g in load_gold().items():
        line = next(line for line in out.splitlines() if line.startswith(doc_id))
        meta = g["meta"]
        assert (meta["date"] or "-") in line
        assert (meta["dateline"] or "-") in line
        assert ("/".join(meta["source"]) or "-") in line
        if meta["title"]:
            assert meta["title"][:30] in line


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
