"""`from_pandas`: a :class:`Corpus` from articles already in a DataFrame (pandas, or any table that
exports Arrow: polars, pyarrow, DuckDB results)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from . import _args, _core, _tables
from .corpus import Corpus
from .extract import Extractor, default_extractor

# Column names scrapers and exports commonly use, tried in this order when none is given
# (news-please: maintext, date_publish; Media Cloud: publish_date; many CSV exports: body, content):
# the core's lists, which `cc.load` uses for JSON, JSONL and CSV records.
_NAMES = dict(_core.LoadOptions.FIELD_NAMES)
TEXT_NAMES = tuple(_NAMES["text"])
DATE_NAMES = tuple(_NAMES["date"])
TITLE_NAMES = tuple(_NAMES["title"])

# The `path` of a row: where it came from and its position, as JSONL rows are `file#line`.
_SOURCE = "<DataFrame>"


def _as_pandas(df) -> pd.DataFrame:
    if isinstance(df, pd.DataFrame):
        return df
    if hasattr(df, "__arrow_c_stream__") or type(df).__module__.startswith("pyarrow"):
        import pyarrow as pa

        return pa.table(df).to_pandas()
    raise TypeError(f"[E003] from_pandas takes a pandas DataFrame or an Arrow-exportable table, not {type(df).__name__}")


def _pick(df: pd.DataFrame, given: str | None, names: Sequence[str], what: str, required: bool = False) -> str | None:
    if given is not None:
        if given not in df.columns:
            raise ValueError(f"[E003] no column {given!r} for the {what}; columns: {', '.join(map(str, df.columns))}")
        return given
    found = next((n for n in names if n in df.columns), None)
    if found is None and required:
        raise ValueError(f"[E003] no {what} column: name it with {what}=...; looked for {', '.join(names)}; "
                         f"columns: {', '.join(map(str, df.columns))}")
    return found


def _strings(values, what: str) -> list[str | None]:
    out: list[str | None] = []
    for v in values:
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            out.append(None)
        elif isinstance(v, str):
            out.append(v)
        else:
            raise TypeError(f"[E003] the {what} column must hold strings, got {type(v).__name__}: {v!r}")
    return out


def from_pandas(
    df,
    text: str | None = None,
    id: str | None = None,  # noqa: A002 - the name pandas users expect beside text=, date=
    date: str | None = None,
    title: str | None = None,
    *,
    n_threads: int | None = None,
    extract: bool = True,
    extractor: Extractor | None = None,
) -> Corpus:
    """A :class:`Corpus` from articles held in a DataFrame, cleaned and extracted as :func:`load` does files.

    Each text goes through the same Rust cleaner and extractor as a ``.txt`` file, so a text gives
    the same documents, mentions, entities and roles rows from a DataFrame as from a file. Any
    table that exports Arrow (polars, pyarrow, DuckDB) is read through pyarrow.

    Args:
        df: the articles, one per row.
        text: the column holding the article text; default the first of ``text``, ``body``,
            ``content``, ``maintext``, ``article``.
        id: the column holding document ids; default the DataFrame's index (row numbers for
            an Arrow table). Ids are strings in ``doc_id``; a repeated one is kept apart as
            ``id#row`` with a ``duplicate_id`` row in ``errors``.
        date: the publication date column (ISO strings, dates or timestamps); default the first
            of ``date``, ``published``, ``date_publish``, ``publish_date``, else the date the
            text itself gives.
        title: the headline column; default ``title`` or ``headline``, else the text's first line
            when it reads as a headline.
        n_threads, extract, extractor: as for :func:`load`.

    Every other column is kept in ``documents``, with its dtype (a name the documents table already
    uses replaces ours when ours is null in every row, else is kept as ``NAME_input``). A row
    whose text is missing or blank is a row of ``errors`` (``missing_text``, ``empty``), whose
    ``path`` is ``<DataFrame>#ROW``, as are the documents' paths.

    >>> import pandas as pd, congress_corpus as cc
    >>> df = pd.DataFrame({"body": ["Tô Lâm met Lao leaders in Vientiane."], "section": ["world"]}, index=["a1"])
    >>> corpus = cc.from_pandas(df)
    >>> corpus.documents[["doc_id", "section"]].values.tolist()
    [['a1', 'world']]
    >>> corpus.mentions[["text", "label"]].values.tolist()
    [['Tô Lâm', 'PERSON'], ['Lao', 'NORP'], ['Vientiane', 'GPE']]
    """
    n_threads = _args.n_threads(n_threads)
    df = _as_pandas(df)
    text_col = _pick(df, text, TEXT_NAMES, "text", required=True)
    id_col = _pick(df, id, (), "id")
    date_col = _pick(df, date, DATE_NAMES, "date")
    title_col = _pick(df, title, TITLE_NAMES, "title")
    n = len(df)
    ids = [str(v) for v in (df[id_col] if id_col is not None else df.index)]
    texts = _strings(df[text_col], "text")
    titles = _strings(df[title_col], "title") if title_col is not None else [None] * n
    dates = _dates(df[date_col]) if date_col is not None else [None] * n
    core_extractor = (extractor or default_extractor())._core if extract else None
    tables = dict(_core.records(_SOURCE, ids, texts, titles, dates, n_threads, core_extractor))
    corpus = Corpus(tables)
    docs = corpus.documents
    used = {c for c in (text_col, id_col, date_col, title_col) if c is not None}
    meta = df[[c for c in df.columns if c not in used]]
    if len(meta.columns):
        rows = docs.path.str.rsplit("#", n=1).str[1].astype("int64").to_numpy()
        docs = _tables.add_columns(docs, meta.iloc[rows])
    return Corpus({**tables, "documents": docs})


def _dates(values) -> list[str | None]:
    """A date column as strings for the core, which reads ISO days and datetimes
    (``2026-01-20T08:00:00Z``) and refuses the rest with the row; timestamps as their day."""
    out: list[str | None] = []
    for d in values:
        if d is None or (not isinstance(d, str) and pd.isna(d)):
            out.append(None)
        elif isinstance(d, str):
            out.append(d)
        else:
            out.append(pd.Timestamp(d).date().isoformat())
    return out
