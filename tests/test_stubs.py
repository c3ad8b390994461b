"""The type stubs of the compiled module cannot drift from it (mypy's stubtest)."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("mypy")


def test_stubs_match_the_compiled_module(tmp_path):
    r = subprocess.run([sys.executable, "-m", "mypy.stubtest", "congress_corpus._core"],
                       capture_output=True, text=True, cwd=tmp_path, check=False)
    assert r.returncode == 0, r.stdout + r.stderr
