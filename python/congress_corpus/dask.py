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

from . import _args, _core, _tables
from ._dependencies import require
from .corpus import DEFAULT_MAX_BYTES, Source, _sources
from .extract import Extractor, default_extractor

__all__ = ["entities", "load"]


def _load_part(rows: list, extractor: Extractor, max_bytes: int, n_threads: int) -> dict[str, pd.DataFrame]:
    plan = _core.plan_from_inputs(rows)
    acc = _core.Accumulator()
    batch = plan.load(0, len(plan), n_threads, _core.LoadOptions(max_bytes), extractor._core, acc)
    tables = {name: _tables.from_arrow(t) for name, t in _core.assemble([batch], acc, True, n_threads).items()}
    return {**tables, "documents": _tables.expand_fields(tables["documents"])}


def _better(a: str, b: str) -> bool:
    """Is ``a`` a more complete display form than ``b``? The rule of the Rust core (entities.rs)."""
    if len(a) != len(b):
        return len(a) > len(b)
    da = any(not c.isascii() and c.isalpha() for c in a)
    db = any(not c.isascii() and c.isalpha() for c in b)
    if da != db:
        return da
    return a < b


def _names_of(part: dict[str, pd.DataFrame]) -> dict[str, str]:
    e = part["entities"]
    return dict(zip(e.entity_id, e.canonical))


def _best_names(name_maps: list[dict[str, str]]) -> dict[str, str]:
    best: dict[str, str] = {}
    for names in name_maps:
        for eid, name in names.items():
            if eid not in best or _better(name, best[eid]):
                best[eid] = name
    return best


def _with_names(part: dict[str, pd.DataFrame], names: dict[str, str]) -> dict[str, pd.DataFrame]:
    m = part["mentions"].copy()
    m["canonical"] = pd.Series([names[e] for e in m.entity_id], index=m.index, dtype=_tables.STR_DTYPE)
    r = part["roles"].copy()
    r["person"] = pd.Series([names.get(e, p) for e, p in zip(r.person_entity_id, r.person)], index=r.index, dtype=_tables.STR_DTYPE)
    return {**part, "mentions": m, "roles": r}


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
    entities table. ``errors`` and ``roles`` are in :func:`load_all`.
    """
    tables = load_all(source, npartitions=npartitions, pattern=pattern, max_bytes=max_bytes,
                      extractor=extractor, n_threads=n_threads)
    return tables["documents"], tables["mentions"]


def load_all(source: Source, *, npartitions: int | None = None, pattern: str | None = None,
             max_bytes: int = DEFAULT_MAX_BYTES, extractor: Extractor | None = None,
             n_threads: int = 1) -> dict[str, Any]:
    """Like :func:`load`, returning every table (documents, errors, mentions, roles) as dask DataFrames."""
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
    names = delayed(_best_names)([delayed(_names_of)(p) for p in parts])
    named = [delayed(_with_names)(p, names) for p in parts]
    empty = _load_part([], ex, max_bytes, n_threads)
    discovery_errors = _tables.from_arrow(_core.assemble([plan.issues()], _core.Accumulator(), False)["errors"])
    out = {}
    # dask would turn the frames' string columns into its own string dtype as soon as one column
    # holds objects (`documents.captions`, lists): the tables keep the dtypes `cc.load` gives.
    with dask.config.set({"dataframe.convert-string": False}):
        for name in ("documents", "errors", "mentions", "roles"):
            pieces = [delayed(lambda p, n=name: p[n])(p) for p in named]
            if name == "errors":
                pieces = [delayed(discovery_errors)] + pieces
            out[name] = dd.from_delayed(pieces, meta=empty[name], verify_meta=False)
    return out


def _partial_entities(m: pd.DataFrame, dates: dict[str, Any] | None) -> pd.DataFrame:
    rows = []
    for eid, g in m.groupby("entity_id", sort=False):
        surfaces = g.text.str.replace(r"^(the|The) ", "", regex=True).str.replace("’s$", "", regex=True).str.replace("'s$", "", regex=True)
        ds = [dates.get(d) for d in g.doc_id.unique()] if dates is not None else []
        ds = [d for d in ds if d is not None and not pd.isna(d)]
        rows.append({"entity_id": eid, "label": str(g.label.iloc[0]), "canonical": g.canonical.iloc[0],
                     "aliases": set(surfaces), "n_mentions": len(g), "docs": set(g.doc_id),
                     "first_date": min(ds) if ds else None, "last_date": max(ds) if ds else None})
    return pd.DataFrame(rows, columns=["entity_id", "label", "canonical", "aliases", "n_mentions", "docs", "first_date", "last_date"])


def entities(mentions, documents=None) -> pd.DataFrame:
    """The entities table from a mentions table (pandas or dask), reduced across partitions.

    Equal to ``cc.load(...).entities`` for the same corpus: display names chosen over the whole
    corpus, the same ids, counts and (with ``documents``, for the dates) first and last dates.

    >>> import congress_corpus as cc
    >>> c = cc.load(cc.SAMPLE)
    >>> entities(c.mentions, c.documents).equals(c.entities)
    True
    """
    dates = None
    if documents is not None:
        docs = documents.compute() if hasattr(documents, "compute") else documents
        dates = dict(zip(docs.doc_id, docs.date))
    if hasattr(mentions, "to_delayed"):
        dask = require("dask", "congress_corpus.dask.entities")
        partials = dask.compute(*[dask.delayed(_partial_entities)(p, dates) for p in mentions.to_delayed()])
    else:
        partials = [_partial_entities(mentions, dates)]
    acc: dict[str, dict] = {}
    for part in partials:
        for r in part.itertuples(index=False):
            a = acc.get(r.entity_id)
            if a is None:
                acc[r.entity_id] = {"label": r.label, "canonical": r.canonical, "aliases": set(r.aliases),
                                    "n_mentions": r.n_mentions, "docs": set(r.docs), "first": r.first_date, "last": r.last_date}
                continue
            if _better(r.canonical, a["canonical"]):
                a["canonical"] = r.canonical
            a["aliases"] |= r.aliases
            a["n_mentions"] += r.n_mentions
            a["docs"] |= r.docs
            for k, v, f in (("first", r.first_date, min), ("last", r.last_date, max)):
                if v is not None and not pd.isna(v):
                    a[k] = v if a[k] is None or pd.isna(a[k]) else f(a[k], v)
    ids = sorted(acc, key=lambda e: (-acc[e]["n_mentions"], e))
    cols = {
        "entity_id": ids,
        "label": [acc[e]["label"] for e in ids],
        "canonical": [acc[e]["canonical"] for e in ids],
        "aliases": [sorted(acc[e]["aliases"]) for e in ids],
        "n_mentions": [acc[e]["n_mentions"] for e in ids],
        "n_docs": [len(acc[e]["docs"]) for e in ids],
        "first_date": [None if acc[e]["first"] is None or pd.isna(acc[e]["first"]) else pd.Timestamp(acc[e]["first"]).date().isoformat() for e in ids],
        "last_date": [None if acc[e]["last"] is None or pd.isna(acc[e]["last"]) else pd.Timestamp(acc[e]["last"]).date().isoformat() for e in ids],
    }
    return _tables.frame("entities", cols)

