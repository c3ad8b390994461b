"""`python -m congress_corpus`: the report on the bundled sample and the Parquet export."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import congress_corpus as cc
from conftest import REPO, load_gold


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
    assert max(map(len, section.splitlines())) <= 100
    assert 'Who said what about "breakthrough"' in section
    assert "Lê Hoài Trung (2 statements), noted, 000_b223d5d76dda60ac" in section


def _generated(tmp_path, files: int):
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import generate
    finally:
        sys.path.pop(0)
    generate.generate(tmp_path / "corpus", files, seed=3)
    return tmp_path / "corpus"


def _check_fits_a_screen(out: str, files: int) -> None:
    lines = out.splitlines()
    assert len(lines) < 80, "\n".join(lines)
    assert max(map(len, lines)) <= 100
    assert f"{files:,} documents" in lines[0]
    assert "doc_id " not in out, "no row per document at scale"
    assert "and " in out and " more" in out
    for label in ("PERSON", "ORG", "GPE", "DATE"):
        assert any(line.startswith(f"  {label} ") for line in lines), label


def test_report_on_many_documents_fits_a_screen(tmp_path):
    # Generated articles with many distinct people and places, the small version of the slow test.
    r = _run(str(_generated(tmp_path, 400)), "--top", "3")
    assert r.returncode == 0, r.stderr
    _check_fits_a_screen(r.stdout, 400)
    assert "Sources: " in r.stdout and "Who holds which titles" in r.stdout


@pytest.mark.slow
def test_report_on_the_10000_file_bench_corpus_fits_a_screen(tmp_path):
    r = _run(str(_generated(tmp_path, 10_000)))
    assert r.returncode == 0, r.stderr
    _check_fits_a_screen(r.stdout, 10_000)


def test_top_n_bounds_every_list():
    few, more = _run("--top", "1"), _run("--top", "4")
    assert few.returncode == more.returncode == 0
    person = [line for line in few.stdout.splitlines() if line.startswith("  PERSON ")][0]
    assert person.count("(") == 1 and "more" in person
    assert len(few.stdout.splitlines()) < len(more.stdout.splitlines())
    assert _run("--top", "0").returncode == 2


def test_version():
    r = _run("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"congress_corpus {cc.__version__}"


def test_out_that_is_a_file_is_a_clear_message(tmp_path):
    f = tmp_path / "taken"
    f.write_text("x")
    r = _run("--out", str(f))
    assert r.returncode == 2
    assert "is a file" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_out_in_other_formats(tmp_path, fmt):
    r = _run("--out", str(tmp_path / "o"), "--format", fmt)
    assert r.returncode == 0, r.stderr
    read = pd.read_csv if fmt == "csv" else (lambda p: pd.read_json(p, lines=True))
    mentions = read(tmp_path / "o" / f"mentions.{fmt}")
    assert len(mentions) == len(cc.load(cc.SAMPLE).mentions)
    assert {"value_num", "date_start"} <= set(mentions.columns)


def test_pattern_patterns_and_aliases(tmp_path):
    (tmp_path / "pat.jsonl").write_text('{"label": "ORG", "pattern": "Saolatek"}\n', encoding="utf-8")
    (tmp_path / "aliases.tsv").write_text("# alias<TAB>canonical\nUncle Ho\tHồ Chí Minh\n", encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Uncle Ho and Saolatek agreed.", encoding="utf-8")
    (tmp_path / "news" / "b.md").write_text("Uncle Ho.", encoding="utf-8")
    r = _run(str(tmp_path / "news"), "--pattern", "*.txt", "--patterns", str(tmp_path / "pat.jsonl"),
             "--aliases", str(tmp_path / "aliases.tsv"))
    assert r.returncode == 0, r.stderr
    assert "1 documents" in r.stdout.splitlines()[0]
    assert "Saolatek" in r.stdout and "Hồ Chí Minh" in r.stdout
    (tmp_path / "bad.tsv").write_text("no tab here\n", encoding="utf-8")
    bad = _run(str(tmp_path / "news"), "--aliases", str(tmp_path / "bad.tsv"))
    assert bad.returncode == 2 and "[E004]" in bad.stderr and "Traceback" not in bad.stderr
