"""Argument checks shared by every public function, so that one kind of argument follows one rule
wherever it is passed: a number out of range is a ``ValueError [E003]``, a value of the wrong type
a ``TypeError`` saying what to pass."""

from __future__ import annotations

import datetime as _dt
import numbers
import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from . import _core
from ._tables import LABELS

#: Most threads a call may ask for (the core's limit).
MAX_THREADS: int = _core.MAX_THREADS
_U64 = 2**64 - 1
_I64 = 2**63 - 1
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def integer(name: str, value: Any, minimum: int, maximum: int) -> int:
    """``value`` as an int in ``[minimum, maximum]``.

    >>> integer("width", 2**64, 0, 2**63 - 1)
    Traceback (most recent call last):
    ...
    ValueError: [E003] width must be an integer from 0 to 9223372036854775807, not 18446744073709551616
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    value = int(value)
    if not minimum <= value <= maximum:
        raise ValueError(f"[E003] {name} must be an integer from {minimum} to {maximum}, not {value}")
    return value


def n_threads(value: Any) -> int:
    """Threads for the core: ``None`` is the default (0 to the core), else 1 to ``MAX_THREADS``."""
    return 0 if value is None else integer("n_threads", value, 1, MAX_THREADS)


def max_bytes(value: Any) -> int:
    return integer("max_bytes", value, 1, _U64)


def width(value: Any) -> int:
    return integer("width", value, 0, _I64)


def batch_size(value: Any) -> int:
    return integer("batch_size", value, 1, _I64)


def labels(value: Any) -> list[str]:
    """Entity labels: one label or an iterable of them, each one of the 18 labels.

    >>> labels("PERSON")
    ['PERSON']
    >>> labels(["person"])
    Traceback (most recent call last):
    ...
    ValueError: [E003] unknown label 'person'; labels are PERSON, NORP, FAC, ORG, GPE, LOC, PRODUCT, EVENT, WORK_OF_ART, LAW, LANGUAGE, DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL
    """
    items = [value] if isinstance(value, str) else list(value)
    for item in items:
        if item not in LABELS:
            raise ValueError(f"[E003] unknown label {item!r}; labels are {', '.join(LABELS)}")
    return items


def texts(value: Any, ids: Any, na: str) -> tuple[list[str], list[str], list[int], list[str]]:
    """(texts, doc_ids, positions kept, doc_ids skipped) for ``extract``.

    ``doc_ids`` default to a Series' index (so results join back to the frame), else to the
    positions. A missing text (None, NaN) is a ``TypeError`` naming its position, or skipped
    with ``na="skip"``.
    """
    if na not in ("raise", "skip"):
        raise ValueError(f'[E003] na must be "raise" or "skip", not {na!r}')
    if isinstance(value, (str, bytes)):
        raise TypeError(f"texts must be a list or Series of strings, not one {type(value).__name__}: "
                        "pass [text] for a single text")
    if isinstance(value, pd.DataFrame):
        raise TypeError("texts must be one column of strings, not a DataFrame: pass df['text'] "
                        "(and doc_ids=df['id'] if the ids are a column)")
    if not isinstance(value, Iterable):
        raise TypeError(f"texts must be a list or Series of strings, not {type(value).__name__}")
    if isinstance(value, pd.Series):
        labels_, items = list(value.index), list(value)
    else:
        items = list(value)
        labels_ = list(range(len(items)))
    if ids is None:
        id_list = [str(i) for i in labels_]
    else:
        if isinstance(ids, (str, bytes)):
            raise TypeError("doc_ids must be a list or Series of ids, not one string")
        id_list = [str(i) for i in ids]
        if len(id_list) != len(items):
            raise ValueError(f"[E003] texts and doc_ids must have the same length ({len(items)}, {len(id_list)})")
    kept, skipped, out_texts, out_ids = [], [], [], []
    for k, t in enumerate(items):
        if isinstance(t, str):
            kept.append(k)
            out_texts.append(t)
            out_ids.append(id_list[k])
        elif t is None or (isinstance(t, float) and np.isnan(t)) or t is pd.NA:
            if na == "raise":
                raise TypeError(f"texts[{labels_[k]!r}] is missing ({t!r}): drop it, or pass na=\"skip\"")
            skipped.append(id_list[k])
        else:
            raise TypeError(f"texts[{labels_[k]!r}] must be a str, not {type(t).__name__}")
    return out_texts, out_ids, kept, skipped


def dates(value: Any, n: int) -> list[str | None]:
    """One ISO day (or None) per text: ``str`` as ``YYYY-MM-DD``, ``datetime.date``,
    ``pd.Timestamp`` or ``np.datetime64``, and ``None``/``NaT``/``NaN`` for none. Anything else (numbers,
    ``"2026-02-03garbage"``, one string for all texts) is refused with its position.

    >>> dates(["2026-02-03", None], 2)
    ['2026-02-03', None]
    >>> dates([20260203], 1)
    Traceback (most recent call last):
    ...
    TypeError: dates[0] must be an ISO date string, a date or a Timestamp (or None), not int: 20260203
    """
    if value is None:
        return [None] * n
    if isinstance(value, (str, bytes, _dt.date)) or not isinstance(value, Iterable):
        raise TypeError(f"dates must be a list or Series with one date per text, not one {type(value).__name__}")
    items = list(value)
    if len(items) != n:
        raise ValueError(f"[E003] texts and dates must have the same length ({n}, {len(items)})")
    out: list[str | None] = []
    for k, d in enumerate(items):
        if d is None or d is pd.NaT or (isinstance(d, np.datetime64) and np.isnat(d)) or (isinstance(d, float) and np.isnan(d)):
            out.append(None)
        elif isinstance(d, str):
            if not _ISO_DAY.fullmatch(d.strip()):
                raise ValueError(f"[E003] dates[{k}] is not a YYYY-MM-DD date: {d!r}")
            try:
                out.append(_dt.date.fromisoformat(d.strip()).isoformat())
            except ValueError:
                raise ValueError(f"[E003] dates[{k}] is not a valid date: {d!r}") from None
        elif isinstance(d, (_dt.date, np.datetime64)):
            out.append(pd.Timestamp(d).date().isoformat())
        else:
            raise TypeError(f"dates[{k}] must be an ISO date string, a date or a Timestamp (or None), "
                            f"not {type(d).__name__}: {d!r}")
    return out
