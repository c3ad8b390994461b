"""The entity extractor: `Extractor` (shipped knowledge plus your patterns and aliases) and
`extract` for texts you already have in memory."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Union

import pandas as pd

from . import _core, _tables

Patterns = Union[str, "os.PathLike[str]", Iterable[Mapping[str, Any]], None]


class Extractor:
    """Finds people, organisations, places, events, documents, dates and figures.

    Args:
        patterns: extra names, in spaCy EntityRuler format: a path to a ``.jsonl`` file, or a
            list of dicts ``{"label": "ORG", "pattern": "Saolatek", "id": "saolatek"}``
            (``pattern`` is a phrase or a list of ``{"LOWER": ...}`` token dicts).
        aliases: alternative names mapped to a canonical name, e.g.
            ``{"Uncle Ho": "Hồ Chí Minh"}``; the alias is found as a mention and joins that entity.

    An extractor pickles (it keeps only its inputs), so it can be shipped to Dask or
    multiprocessing workers.

    >>> import congress_corpus as cc
    >>> ex = cc.Extractor(patterns=[{"label": "ORG", "pattern": "Saolatek"}], aliases={"Uncle Ho": "Hồ Chí Minh"})
    >>> cc.extract(["Uncle Ho founded it; Saolatek agreed."], extractor=ex)[["text", "label", "canonical"]].values.tolist()
    [['Uncle Ho', 'PERSON', 'Hồ Chí Minh'], ['Saolatek', 'ORG', 'Saolatek']]
    """

    def __init__(self, patterns: Patterns = None, aliases: Mapping[str, str] | None = None) -> None:
        self._patterns_jsonl = _patterns_text(patterns)
        self._aliases = dict(aliases or {})
        for k, v in self._aliases.items():
            if not isinstance(k, str) or not isinstance(v, str):
                raise TypeError(f"aliases must map str to str, got {k!r}: {v!r}")
        self._core = _core.Extractor(self._patterns_jsonl, list(self._aliases.items()) or None)

    def __reduce__(self):
        return (_rebuild, (self._patterns_jsonl, self._aliases))

    def __repr__(self) -> str:
        n = 0 if self._patterns_jsonl is None else self._patterns_jsonl.count("\n") + 1
        return f"<Extractor: {n} user patterns, {len(self._aliases)} aliases>"


def _rebuild(patterns_jsonl: str | None, aliases: dict[str, str]) -> Extractor:
    ex = Extractor.__new__(Extractor)
    ex._patterns_jsonl, ex._aliases = patterns_jsonl, aliases
    ex._core = _core.Extractor(patterns_jsonl, list(aliases.items()) or None)
    return ex


def _patterns_text(patterns: Patterns) -> str | None:
    if patterns is None:
        return None
    if isinstance(patterns, (str, os.PathLike)):
        path = Path(patterns)
        if not path.exists():
            raise FileNotFoundError(f"[E001] no such patterns file: {path}")
        return path.read_text(encoding="utf-8")
    return "\n".join(json.dumps(dict(p), ensure_ascii=False) for p in patterns)


_DEFAULT: Extractor | None = None


def default_extractor() -> Extractor:
    """The extractor with only the shipped knowledge (built once)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT


def _dates(dates, n: int) -> list[str | None]:
    if dates is None:
        return [None] * n
    out = []
    for d in dates:
        if d is None or (not isinstance(d, str) and pd.isna(d)):
            out.append(None)
        elif isinstance(d, str):
            out.append(d)
        else:
            out.append(pd.Timestamp(d).date().isoformat())
    return out


def _extract_arrow(texts, doc_ids, dates, extractor: Extractor | None, n_threads: int | None) -> dict:
    """The core's Arrow tables (mentions, entities, roles, quotes) for ``texts``, arguments checked."""
    texts = list(texts)
    for t in texts:
        if not isinstance(t, str):
            raise TypeError(f"texts must be strings, got {type(t).__name__}")
    ids = [str(i) for i in range(len(texts))] if doc_ids is None else [str(i) for i in doc_ids]
    ds = _dates(dates, len(texts))
    ex = extractor or default_extractor()
    return _core.extract(texts, ids, ds, ex._core, n_threads or 0)


def extract_tables(texts, doc_ids=None, dates=None, *, extractor: Extractor | None = None,
                   n_threads: int | None = None) -> dict[str, pd.DataFrame]:
    """Like :func:`extract`, but returns every table: ``mentions``, ``entities``, ``roles`` and ``quotes``.

    >>> import congress_corpus as cc
    >>> t = cc.extract_tables(["Minister of Foreign Affairs Lê Hoài Trung met Lao leaders. "
    ...                        "The talks were frank and useful, he said."])
    >>> t["roles"][["person", "role"]].values.tolist()
    [['Lê Hoài Trung', 'Minister of Foreign Affairs']]
    >>> t["quotes"][["speaker", "text", "cue"]].values.tolist()
    [['Lê Hoài Trung', 'The talks were frank and useful', 'said']]
    """
    tables = _extract_arrow(texts, doc_ids, dates, extractor, n_threads)
    return {name: _tables.from_arrow(tables[name]) for name in ("mentions", "entities", "roles", "quotes")}


def extract(texts, doc_ids=None, dates=None, *, extractor: Extractor | None = None,
            n_threads: int | None = None) -> pd.DataFrame:
    """The mentions table for strings you already have (a list, or a DataFrame column).

    Offsets are Python string indices into each text. ``dates`` (ISO strings, dates or
    timestamps) resolve year-less dates and weekdays. Runs in parallel in Rust.

    >>> import congress_corpus as cc
    >>> m = cc.extract(["Tô Lâm met Lao leaders in Vientiane on Monday."], doc_ids=["a"], dates=["2026-02-03"])
    >>> m[["text", "label"]].values.tolist()
    [['Tô Lâm', 'PERSON'], ['Lao', 'NORP'], ['Vientiane', 'GPE'], ['Monday', 'DATE']]
    """
    # Only the mentions table is converted to pandas.
    return _tables.from_arrow(_extract_arrow(texts, doc_ids, dates, extractor, n_threads)["mentions"])
