"""The same extraction on a Dask cluster: each partition of files is loaded and extracted by the
Rust core on a worker, and the corpus-wide parts (display names, the entities table) are reduced
across partitions, so the result equals what ``cc.load`` gives on one machine.

Needs the optional dependency ``dask[distributed]`` (``pip install 'congress_corpus[dask]'``).

>>> import congress_corpus as cc
>>> from congress_corpus import dask as ccd
>>> docs, mentions = ccd.load(cc.SAMPLE, npartitions=2)
>>> int(docs.npartitions), len(docs.compute())
(2, 5)

Text already in a dask DataFrame? Run the extractor per partition::

    mentions = ddf.map_partitions(lambda part: cc.extract(part.text, doc_ids=part.doc_id),
                                  meta=cc.extract([]))

(display names in ``canonical`` are then per partition; ``entities(mentions)`` reconciles them.)
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import pyarrow as pa

from . import _args, _core, _tables
from ._dependencies import require
from .corpus import DEFAULT_MAX_BYTES, Source, _sources
from .extract import Extractor, default_extractor

__all__ = ["entities", "expand_fields", "load", "load_all"]


def _load_part(rows: list, extractor: Extractor, max_bytes: int, n_threads: int) -> tuple[dict[str, pd.DataFrame], Any]:
    """One partition's tables (display names chosen within it) and its partial entities table
    (a pyarrow table: our ArrowTable does not pickle, to travel between workers)."""
    loading = _core.Load(_core.plan_from_inputs(rows), _core.LoadOptions(max_bytes), extractor._core, n_threads)
    partial = pa.table(loading.partial())
    # `documents.fields` stays one JSON column: spread here, each partition would have the
    # columns of its own records, unlike the frame's meta (see `expand_fields`).
    return {name: _tables.from_arrow(t) for name, t in loading.finish().items()}, partial


def _names(partials: list) -> dict[str, str]:
    """entity_id -> display name over the whole corpus, reduced in Rust as ``cc.load`` does."""
    e = _tables.from_arrow(_core.merge_entities(list(partials)))
    return dict(zip(e.entity_id, e.canonical))


def _with_names(part: dict[str, pd.DataFrame], names: dict[str, str], fields: bool) -> dict[str, pd.DataFrame]:
    m = part["mentions"].copy()
    m["canonical"] = pd.Series([names[e] for e in m.entity_id], index=m.index, dtype=_tables.STR_DTYPE)
    r = part["roles"].copy()
    r["person"] = pd.Series([names.get(e, p) for e, p in zip(r.person_entity_id, r.person)], index=r.index, dtype=_tables.STR_DTYPE)
    q = part["quotes"].copy()
    # A speaker who is no entity (null id) keeps the words as written.
    q["speaker"] = pd.Series([s if pd.isna(e) else names.get(e, s) for e, s in zip(q.speaker_entity_id, q.speaker)],
                             index=q.index, dtype=_tables.STR_DTYPE)
    docs = part["documents"] if fields else part["documents"].drop(columns="fields")
    return {**part, "documents": docs, "mentions": m, "roles": r, "quotes": q}


def load(
    source: Source,
    *,
    npartitions: int | None = None,
    pattern: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extractor: Extractor | None = None,
    n_threads: int = 1,
) -> tuple[Any, Any]:
    """Load and extract ``source`` on a Dask cluster: returns (documents, mentions) dask DataFrames.

    Files are found on the client, split into ``npartitions`` contiguous groups (default: about
    2,000 files each), and each group is loaded and extracted by one task. ``n_threads`` is the
    Rust threads per task (default 1, so several workers on one host do not oversubscribe its
    cores; ``CONGRESS_CORPUS_THREADS`` applies when 0). Rows come in the same order as
    ``cc.load``; display names are chosen over the whole corpus. Use :func:`entities` for the
    entities table. ``errors``, ``roles`` and ``quotes`` are in :func:`load_all`.

    When some inputs are records or pages (JSON, CSV, HTML), their other fields stay in one
    ``fields`` column of JSON objects (null for plain text), because a dask frame's columns
    must be known before any file is read; :func:`expand_fields` on a computed frame spreads
    them into the columns ``cc.load`` gives. A corpus of ``.txt`` files has no such column.
    """
    tables = load_all(source, npartitions=npartitions, pattern=pattern, max_bytes=max_bytes,
                      extractor=extractor, n_threads=n_threads)
    return tables["documents"], tables["mentions"]


def load_all(source: Source, *, npartitions: int | None = None, pattern: str | None = None,
             max_bytes: int = DEFAULT_MAX_BYTES, extractor: Extractor | None = None,
             n_threads: int = 1) -> dict[str, Any]:
    """Like :func:`load`, returning every table (documents, errors, mentions, roles, quotes) as dask DataFrames."""
    dask = require("dask", "congress_corpus.dask")
    dd = require("dask.dataframe", "congress_corpus.dask")
    delayed = dask.delayed
    max_bytes, n_threads = _args.max_bytes(max_bytes), _args.n_threads(n_threads)
    plan = _core.discover(_sources(source), pattern)
    rows = plan.inputs()
    if npartitions is None:
        npartitions = max(1, math.ceil(len(rows) / 2000))
    npartitions = _args.integer("npartitions", npartitions, 1, 2**63 - 1)
    npartitions = max(1, min(npartitions, len(rows))) if rows else 1
    # Exactly `npartitions` contiguous groups whose sizes differ by at most one.
    base, extra = divmod(len(rows), npartitions)
    bounds = [0]
    for i in range(npartitions):
        bounds.append(bounds[-1] + base + (1 if i < extra else 0))
    chunks = [rows[a:b] for a, b in zip(bounds, bounds[1:])]
    ex = extractor or default_extractor()
    parts = [delayed(_load_part, pure=True)(chunk, ex, max_bytes, n_threads) for chunk in chunks]
    names = delayed(_names)([p[1] for p in parts])
    # Only records and pages carry fields of their own; a corpus of text files has no `fields`
    # column, as `cc.load` gives none. Known from the file types, before any file is read.
    fields = any(fmt != "txt" for _, _, fmt in rows)
    named = [delayed(_with_names)(p[0], names, fields) for p in parts]
    empty = _with_names(_load_part([], ex, max_bytes, n_threads)[0], {}, fields)
    discovery_errors = _tables.from_arrow(plan.issues())
    out = {}
    # dask would turn the frames' string columns into its own string dtype as soon as one column
    # holds objects (`documents.captions`, lists): the tables keep the dtypes `cc.load` gives.
    with dask.config.set({"dataframe.convert-string": False}):
        for name in ("documents", "errors", "mentions", "roles", "quotes"):
            pieces = [delayed(lambda p, n=name: p[n])(p) for p in named]
            if name == "errors":
                pieces = [delayed(discovery_errors)] + pieces
            out[name] = dd.from_delayed(pieces, meta=empty[name], verify_meta=False)
    return out


def expand_fields(documents: pd.DataFrame) -> pd.DataFrame:
    """A computed documents table with its ``fields`` column spread into one column per record
    field, typed as ``cc.load`` types them (the documents table ``cc.load`` gives).

    >>> import congress_corpus as cc
    >>> docs, _ = load(cc.SAMPLE, npartitions=2)
    >>> expand_fields(docs.compute()).equals(cc.load(cc.SAMPLE).documents)
    True
    """
    if "fields" not in documents.columns:
        return documents.reset_index(drop=True)
    return _tables.expand_fields(documents.reset_index(drop=True))


def _partial(m: pd.DataFrame, dates: tuple[list, list] | None) -> Any:
    """The partial entities table of some rows of a mentions table (counted in Rust), as pyarrow."""
    return pa.table(_core.partial_entities(m.doc_id.tolist(), m.entity_id.tolist(), m.text.tolist(), m.canonical.tolist(), dates))


def entities(mentions, documents=None) -> pd.DataFrame:
    """The entities table from a mentions table (pandas or dask), reduced across partitions.

    Equal to ``cc.load(...).entities`` for the same corpus: display names chosen over the whole
    corpus, the same ids, counts and (with ``documents``, for the dates) first and last dates.
    Each partition is counted and the counts merged by the Rust code that ``cc.load`` uses;
    partitions must be in corpus order (a document cut between two neighbouring partitions
    counts once).

    >>> import congress_corpus as cc
    >>> c = cc.load(cc.SAMPLE)
    >>> entities(c.mentions, c.documents).equals(c.entities)
    True
    """
    dates = None
    if documents is not None:
        docs = documents.compute() if hasattr(documents, "compute") else documents
        days = docs.date.dt.strftime("%Y-%m-%d")
        dates = (docs.doc_id.tolist(), [None if pd.isna(d) else d for d in days])
    if hasattr(mentions, "to_delayed"):
        dask = require("dask", "congress_corpus.dask.entities")
        partials = list(dask.compute(*[dask.delayed(_partial)(p, dates) for p in mentions.to_delayed()]))
    else:
        partials = [_partial(mentions, dates)]
    return _tables.from_arrow(_core.merge_entities(partials))
