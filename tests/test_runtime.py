"""Runtime promises: fork safety, bounded thread pools, n_threads in every phase, linear time on
hostile text, Ctrl-C within long work. Each child process runs under a timeout, so a hang fails
the test instead of blocking the suite."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

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


# ---- fork, pools, threads --------------------------------------------------------------------

def test_forked_children_work_after_the_parent_used_the_pools():
    # The parent's pools hold threads that do not exist in a child made by fork: the child must
    # build its own instead of waiting on them forever.
    r = _run("""
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor
        import congress_corpus as cc

        def child(q):
            q.put(len(cc.load(cc.SAMPLE)))

        def task(i):
            return len(cc.extract(["Tô Lâm met delegates in Hanoi."], n_threads=2)) + i

        cc.extract(["Hanoi"])
        cc.load(cc.SAMPLE, n_threads=2)
        ctx = mp.get_context("fork")
        q = ctx.Queue()
        p = ctx.Process(target=child, args=(q,))
        p.start()
        print(q.get(timeout=60))
        p.join(60)
        with ProcessPoolExecutor(2, mp_context=ctx) as ex:
            print(list(ex.map(task, range(4))))
        print(len(cc.load(cc.SAMPLE)))  # and the parent still works
    """, timeout=120)
    assert r.stdout.split("\n")[:3] == ["5", "[2, 3, 4, 5]", "5"], r.stderr[-3000:]


def _thread_count_script(body: str) -> str:
    return f"""
        import os, congress_corpus as cc
        from congress_corpus import _core

        def pool_threads():
            names = []
            for t in os.listdir("/proc/self/task"):
                with open(f"/proc/self/task/{{t}}/comm") as f:
                    names.append(f.read().strip())
            return sum(n.startswith("congress-corp") for n in names)
        {textwrap.indent(textwrap.dedent(body), " " * 8).strip()}
    """


def test_a_sweep_of_thread_counts_keeps_a_bounded_number_of_threads():
    # Each size once kept its own pool forever: 1..40 left 820 threads.
    r = _run(_thread_count_script("""
        for n in range(1, 41):
            cc.extract(["Hanoi"], n_threads=n)
        print(pool_threads(), _core.pooled_threads())
    """), timeout=120)
    threads, pooled = map(int, r.stdout.split())
    assert pooled <= 40 + 39 and threads <= 40 + 39, r.stderr[-3000:]


def test_every_phase_uses_the_threads_asked_for(tmp_path):
    # With 5 as the default, a phase that ignored n_threads=3 (assemble, kwic) would build a
    # pool of 5. Discovery is serial (a pool of 1).
    script = _thread_count_script("""
        c = cc.load(cc.SAMPLE, n_threads=3)
        c.kwic("Hanoi")
        c.kwic("Hanoi", n_threads=3)
        cc.extract(["Hanoi"], n_threads=3)
        print(pool_threads())
    """)
    r = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True, timeout=120,
                       env={**os.environ, "CONGRESS_CORPUS_THREADS": "5"})
    assert int(r.stdout) <= 3 + 1, r.stderr[-3000:]


# ---- Ctrl-C ----------------------------------------------------------------------------------

@pytest.mark.parametrize("texts", [
    # Between documents: 100 texts of half a megabyte take ~20 s on one thread.
    "['Hanoi Tô Lâm ' * 40_000] * 100",
    # Within one long document: bounded by the document's (linear) time, here ~1-2 s.
    "['Hanoi ' * 700_000]",
], ids=["between documents", "within a document"])
def test_ctrl_c_interrupts_a_long_extract(texts):
    script = textwrap.dedent(f"""
        import congress_corpus as cc
        texts = {texts}
        print("ready", flush=True)
        while True:
            cc.extract(texts, n_threads=1)
    """)
    p = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert p.stdout.readline().strip() == "ready"
        time.sleep(1.5)
        sent = time.monotonic()
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=30)
        elapsed = time.monotonic() - sent
    finally:
        p.kill()
    assert "KeyboardInterrupt" in err, err[-2000:]
    assert elapsed < 10  # a hang guard: typically well under a second
