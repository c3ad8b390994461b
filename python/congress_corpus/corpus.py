"""Loading a corpus and the `Corpus` object that holds its tables."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Union

import pandas as pd

from . import _core
from ._dependencies import optional

if TYPE_CHECKING:
    from collections.abc import Sequence

Source = Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]

#: Folder of the five sample articles shipped inside the package (the repository's ``seeds/``).
SAMPLE: str = str(Path(__file__).with_name("sample"))

#: Default ``max_bytes``: files larger than this become ``too_large`` rows instead of documents.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

# Files per call into Rust: large enough to keep every core busy, small enough that progress
# moves and Ctrl-C is honoured between slices within about a second.
_SLICE = 2048

# pandas 3 has a native string dtype with NaN for missing values; pandas 2 spells it "string".
STR_DTYPE = "str" if int(pd.__version__.split(".")[0]) >= 3 else "string"

_DOC_COLUMNS = ["doc_id", "path", "title", "date", "dateline", "source", "url", "text",
                "n_chars", "n_words", "n_sentences", "sha256"]
_ERROR_COLUMNS = ["path", "kind", "message", "loaded"]


def _sources(source: Source) -> list[str]:
    if isinstance(source, (str, os.PathLike)):
        items: Sequence[str | os.PathLike[str]] = [source]
    else:
        items = list(source)
    if not items:
        raise ValueError("[E003] no source given: pass a folder, a file, a glob or a list of them")
    return [os.fspath(s) for s in items]


def _documents_frame(cols: dict[str, list]) -> pd.DataFrame:
    df = pd.DataFrame({k: cols[k] for k in _DOC_COLUMNS})
    for k in ("doc_id", "path", "title", "dateline", "source", "url", "text", "sha256"):
        df[k] = df[k].astype(STR_DTYPE)
    df["date"] = pd.to_datetime(df["date"], format="%Y-%m-%d").astype("datetime64[s]")
    for k in ("n_chars", "n_words", "n_sentences"):
        df[k] = df[k].astype("int64")
    return df


def _errors_frame(cols: dict[str, list]) -> pd.DataFrame:
    df = pd.DataFrame({k: cols[k] for k in _ERROR_COLUMNS})
    for k in ("path", "kind", "message"):
        df[k] = df[k].astype(STR_DTYPE)
    df["loaded"] = df["loaded"].astype(bool)
    return df


def _merge(parts: list[dict[str, list]], columns: list[str]) -> dict[str, list]:
    out: dict[str, list] = {k: [] for k in columns}
    for p in parts:
        for k in columns:
            out[k].extend(p[k])
    return out


class _Progress:
    """tqdm where installed, else a line on stderr per tenth of the work."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.done, self.bar, self.enabled = total, 0, None, enabled
        tqdm = optional("tqdm.auto") if enabled else None
        if tqdm is not None:
            self.bar = tqdm.tqdm(total=total, unit="file", desc="loading")

    def update(self, n: int) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
        elif self.enabled and self.total:
            step = max(1, self.total // 10)
            if self.done % step < n or self.done == self.total:
                print(f"loading: {self.done}/{self.total} files", file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class Corpus:
    """A loaded corpus: its documents table and the problems met while loading it.

    Build one with :func:`load`. Tables are pandas DataFrames following the data contract
    (``SPEC.md``).

    >>> import congress_corpus as cc
    >>> corpus = cc.load(cc.SAMPLE)
    >>> len(corpus)
    5
    """

    def __init__(self, documents: pd.DataFrame, errors: pd.DataFrame) -> None:
        self._documents = documents
        self._errors = errors

    @property
    def documents(self) -> pd.DataFrame:
        """One row per document: doc_id, path, title, date, dateline, source, url, text, counts, sha256."""
        return self._documents

    @property
    def errors(self) -> pd.DataFrame:
        """One row per input that could not be loaded cleanly: path, kind, message, loaded."""
        return self._errors

    def __len__(self) -> int:
        return len(self._documents)

    def __repr__(self) -> str:
        return f"<Corpus: {len(self)} documents, {len(self._errors)} errors>"


def load(
    source: Source,
    *,
    pattern: str | None = None,
    n_threads: int | None = None,
    progress: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Corpus:
    """Load a corpus of articles into a :class:`Corpus`.

    ``source`` is a folder (walked recursively; hidden files and folders skipped), a ``.txt`` or
    ``.jsonl`` file, a glob (``"news/**/*.txt"``), or a list of these. Files are read in parallel
    in Rust with the GIL released; the documents come back sorted by path, whatever the number of
    threads. A file that cannot be read cleanly becomes a row of ``corpus.errors``; a source that
    does not exist raises ``FileNotFoundError``.

    Args:
        source: what to load.
        pattern: glob that files found in folders must match, relative to the folder
            (``"*.txt"``, ``"2026/**/*.jsonl"``). Default: ``.txt``/``.text`` and ``.jsonl``/``.ndjson``.
        n_threads: threads to use; default ``CONGRESS_CORPUS_THREADS`` or every core.
        progress: show a progress bar (tqdm where installed).
        max_bytes: larger files are skipped with a ``too_large`` error row.

    >>> import congress_corpus as cc
    >>> corpus = cc.load(cc.SAMPLE, n_threads=2)
    >>> corpus.documents.loc[0, ["doc_id", "dateline", "source"]].tolist()
    ['000_b223d5d76dda60ac', 'HÀ NỘI', 'VNS']
    """
    if n_threads is not None and n_threads < 1:
        raise ValueError(f"[E003] n_threads must be at least 1, not {n_threads}")
    if max_bytes < 1:
        raise ValueError(f"[E003] max_bytes must be positive, not {max_bytes}")
    plan = _core.discover(_sources(source), pattern)
    docs: list[dict[str, list]] = []
    errors: list[dict[str, list]] = [plan.issues()]
    bar = _Progress(len(plan), progress)
    try:
        for start in range(0, len(plan), _SLICE):
            end = min(start + _SLICE, len(plan))
            d, e = plan.load(start, end, n_threads or 0, max_bytes)
            docs.append(d)
            errors.append(e)
            bar.update(end - start)
    finally:
        bar.close()
    return Corpus(_documents_frame(_merge(docs, _DOC_COLUMNS)), _errors_frame(_merge(errors, _ERROR_COLUMNS)))
