"""Runtime promises: fork safety, bounded thread pools, n_threads in every phase, linear time on
hostile text, Ctrl-C within long work. Each child process runs under a timeout, so a hang fails
the test instead of blocking the suite."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import congress_corpus as cc

# Runs of adjacent known names and name-like words: each was quadratic (3.2 MB took 32 s).
HOSTILE = {
    "places": "Hanoi ",
    "people": "Tô Lâm ",
    "comma list": "To Lam, ",
    "documents": "Resolution No. ",
    "line separators": "Hanoi\u2028",
    "no-break spaces": "Tô Lâm\u00a0",
    "short references": "Lê Hoài Trung Trung ",
    "lone party": "Party ",
    "abbreviations": "Communist Party of Vietnam (CPV) CPV ",
}


def _run(script: str, timeout: float) -> subprocess.CompletedProcess:
    """Run `script` in a fresh interpreter; a hang past `timeout` fails the test."""
    try:
        return subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired as e:
        raise AssertionError(f"hung for {timeout} s: {e.stderr!r}") from None


def test_hostile_runs_finish_and_find_every_name():
    # A megabyte of each pattern: linear time takes about a second for all of them; the quadratic
    # code took minutes per pattern, so the timeout fails it.
    script = f"""
        import congress_corpus as cc
        for name, unit in {HOSTILE!r}.items():
            text = unit * (1_000_000 // len(unit.encode()))
            m = cc.extract([text], n_threads=1)
            assert len(m) > 0, name
            assert all(text[s:e] == t for s, e, t in zip(m.start, m.end, m.text)), name
        print("ok")
    """
    r = _run(script, timeout=120)
    assert r.stdout.strip() == "ok", r.stderr[-3000:]


def test_every_place_of_a_run_is_a_mention():
    m = cc.extract(["Hanoi " * 5000])
    assert len(m) == 5000 and set(m.label) == {"GPE"}


def test_a_run_of_congresses_and_references_stays_linear():
    # The fuzz finding: one unbounded name (`... Congress of CPV of ...` repeated) whose key every
    # later `the Congress` copied. Names are now at most 64 tokens.
    text = "14th National Party Congress of CPV of " * 2000 + "Xi and the Congress and " * 2000
    r = _run(f"""
        import congress_corpus as cc
        m = cc.extract([{text!r}], n_threads=1)
        print(int(m.text.str.len().max()))
    """, timeout=60)
    assert r.returncode == 0, r.stderr[-3000:]
    assert int(r.stdout) < 1000
