"""The entity extractor: `Extractor` (shipped knowledge plus your patterns and aliases) and
`extract` for texts you already have in memory."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Union

import pandas as pd

from . import _args, _core, _tables

Patterns = Union[str, "os.PathLike[str]", Iterable[Mapping[str, Any]], None]
#: What an alias stands for: a name, or (label, name).
Alias = Union[str, tuple[str, str]]


class Extractor:
    """Finds people, organisations, places, events, documents, dates and figures.

    Args:
        patterns: extra names, in spaCy EntityRuler format: a path to a ``.jsonl`` file, or a
            list of dicts ``{"label": "ORG", "pattern": "Saolatek", "id": "saolatek"}``
            (``pattern`` is a phrase or a list of ``{"LOWER": ...}`` token dicts).
        aliases: alternative names mapped to the name they stand for, e.g.
            ``{"Uncle Ho": "Hồ Chí Minh"}``; the alias is found as a mention and joins that
            entity, with the label of that name (a known name's, or the one the extractor reads
            it as). Give the label where it cannot tell: ``{"Samsung": ("ORG", "Samsung Electronics Co")}``.

    An extractor pickles (it keeps only its inputs), so it can be shipped to Dask or
    multiprocessing workers.

    >>> import congress_corpus as cc
    >>> ex = cc.Extractor(patterns=[{"label": "ORG", "pattern": "Saolatek"}], aliases={"Uncle Ho": "Hồ Chí Minh"})
    >>> cc.extract(["Uncle Ho founded it; Saolatek agreed."], extractor=ex)[["text", "label", "canonical"]].values.tolist()
    [['Uncle Ho', 'PERSON', 'Hồ Chí Minh'], ['Saolatek', 'ORG', 'Saolatek']]
    """

    def __init__(self, patterns: Patterns = None, aliases: Mapping[str, Alias] | None = None) -> None:
        self._patterns_jsonl = _patterns_text(patterns)
        self._aliases = dict(aliases or {})
        self._core = _core.Extractor(self._patterns_jsonl, _alias_rows(self._aliases))

    def __reduce__(self):
        return (_rebuild, (self._patterns_jsonl, self._aliases))

    def __repr__(self) -> str:
        n = 0 if self._patterns_jsonl is None else self._patterns_jsonl.count("\n") + 1
        return f"<Extractor: {n} user patterns, {len(self._aliases)} aliases>"


def _alias_rows(aliases: dict[str, Alias]) -> list[tuple[str, str, str | None]] | None:
    """(alias, name, label or None) rows for the core."""
    rows = []
    for k, v in aliases.items():
        if isinstance(k, str) and isinstance(v, str):
            rows.append((k, v, None))
        elif isinstance(k, str) and isinstance(v, tuple) and len(v) == 2 and all(isinstance(x, str) for x in v):
            rows.append((k, v[1], v[0]))
        else:
            raise TypeError(f"aliases must map str to a name (str) or to (label, name), got {k!r}: {v!r}")
    return rows or None


def _rebuild(patterns_jsonl: str | None, aliases: dict[str, Alias]) -> Extractor:
    ex = Extractor.__new__(Extractor)
    ex._patterns_jsonl, ex._aliases = patterns_jsonl, aliases
    ex._core = _core.Extractor(patterns_jsonl, _alias_rows(aliases))
    return ex


def _patterns_text(patterns: Patterns) -> str | None:
    if patterns is None:
        return None
    if isinstance(patterns, (str, os.PathLike)):
        path = Path(patterns)
        if not path.exists():
            raise FileNotFoundError(f"[E001] no such patterns file: {path}")
        if not path.is_file():
            raise ValueError(f"[E004] patterns must be a .jsonl file, not a folder or device: {path}")
        try:
            # utf-8-sig: a byte-order mark (as Windows editors write) is not part of the first line.
            return path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as e:
            raise ValueError(f"[E004] patterns file is not UTF-8: {path}: {e}") from None
    return "\n".join(json.dumps(dict(p), ensure_ascii=False) for p in patterns)


_DEFAULT: Extractor | None = None


def default_extractor() -> Extractor:
    """The extractor with only the shipped knowledge (built once)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT


def _extract_arrow(texts, doc_ids, dates, extractor: Extractor | None, n_threads: int | None, na: str):
    """The core's Arrow tables (mentions, entities, roles, quotes) for ``texts``, arguments checked, and
    the doc_ids of the texts skipped as missing."""
    threads = _args.n_threads(n_threads)
    ts, ids, kept, skipped = _args.texts(texts, doc_ids, na)
    all_dates = _args.dates(dates, len(kept) + len(skipped))
    ds = [all_dates[k] for k in kept] if dates is not None else [None] * len(ts)
    ex = extractor or default_extractor()
    return _core.extract(ts, ids, ds, ex._core, threads), skipped


def _frame(table, skipped: list[str]) -> pd.DataFrame:
    df = _tables.from_arrow(table)
    df.attrs["skipped"] = skipped
    return df


def extract_tables(texts, doc_ids=None, dates=None, *, extractor: Extractor | None = None,
                   n_threads: int | None = None, na: str = "raise") -> dict[str, pd.DataFrame]:
    """Like :func:`extract`, but returns every table: ``mentions``, ``entities``, ``roles`` and ``quotes``.

    >>> import congress_corpus as cc
    >>> t = cc.extract_tables(["Minister of Foreign Affairs Lê Hoài Trung met Lao leaders. "
    ...                        "The talks were frank and useful, he said."])
    >>> t["roles"][["person", "role"]].values.tolist()
    [['Lê Hoài Trung', 'Minister of Foreign Affairs']]
    >>> t["quotes"][["speaker", "text", "cue"]].values.tolist()
    [['Lê Hoài Trung', 'The talks were frank and useful', 'said']]
    """
    tables, skipped = _extract_arrow(texts, doc_ids, dates, extractor, n_threads, na)
    return {name: _frame(tables[name], skipped) for name in ("mentions", "entities", "roles", "quotes")}


def extract(texts, doc_ids=None, dates=None, *, extractor: Extractor | None = None,
            n_threads: int | None = None, na: str = "raise") -> pd.DataFrame:
    """The mentions table for strings you already have (a list, or a DataFrame column).

    Offsets are Python string indices into each text. ``doc_ids`` default to a Series' index
    (so the mentions join back to its frame), else to the positions. ``dates`` (ISO
    ``YYYY-MM-DD`` strings, dates or Timestamps; None or NaT for none) resolve year-less dates
    and weekdays. A missing text (None, NaN) is a ``TypeError``; with ``na="skip"`` it is left
    out and its doc_id listed in the result's ``attrs["skipped"]``. Runs in parallel in Rust.

    >>> import congress_corpus as cc
    >>> m = cc.extract(["Tô Lâm met Lao leaders in Vientiane on Monday."], doc_ids=["a"], dates=["2026-02-03"])
    >>> m[["text", "label"]].values.tolist()
    [['Tô Lâm', 'PERSON'], ['Lao', 'NORP'], ['Vientiane', 'GPE'], ['Monday', 'DATE']]
    >>> import pandas as pd
    >>> s = pd.Series(["Hanoi.", None, "Vientiane."], index=["x", "y", "z"])
    >>> m = cc.extract(s, na="skip")
    >>> m.doc_id.tolist(), m.attrs["skipped"]
    (['x', 'z'], ['y'])
    """
    # Only the mentions table is converted to pandas.
    tables, skipped = _extract_arrow(texts, doc_ids, dates, extractor, n_threads, na)
    return _frame(tables["mentions"], skipped)
