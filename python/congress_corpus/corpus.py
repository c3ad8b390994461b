"""Loading a corpus and the `Corpus` object that holds its tables."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Union

import numpy as np
import pandas as pd

from . import _args, _core, _tables
from ._dependencies import optional
from .extract import Extractor, default_extractor

if TYPE_CHECKING:
    from collections.abc import Sequence

Source = Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]

#: Folder of the five sample articles shipped inside the package (the repository's ``seeds/``).
SAMPLE: str = str(Path(__file__).with_name("sample"))

#: Default ``max_bytes``: files larger than this become ``too_large`` rows instead of documents.
DEFAULT_MAX_BYTES: int = _core.LoadOptions.DEFAULT_MAX_BYTES

def _sources(source: Source) -> list[str]:
    if isinstance(source, (str, os.PathLike)):
        items: Sequence[str | os.PathLike[str]] = [source]
    else:
        items = list(source)
    if not items:
        raise ValueError("[E003] no source given: pass a folder, a file, a glob or a list of them")
    return [os.fspath(s) for s in items]


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
    """A loaded corpus: its documents, the entities found in them, and the problems met loading.

    Build one with :func:`load`. Every table is a pandas DataFrame following the data contract
    (``SPEC.md``).

    >>> import congress_corpus as cc
    >>> corpus = cc.load(cc.SAMPLE)
    >>> len(corpus)
    5
    >>> corpus.mentions.columns.tolist()[:6]
    ['doc_id', 'sentence', 'start', 'end', 'text', 'label']
    """

    def __init__(self, tables: dict[str, object], n_threads: int | None = None) -> None:
        # Tables stay Arrow (in Rust memory) until first asked for as pandas.
        self._arrow = {k: v for k, v in tables.items() if not isinstance(v, pd.DataFrame)}
        self._tables: dict[str, pd.DataFrame] = {k: v for k, v in tables.items() if isinstance(v, pd.DataFrame)}
        # The threads it was loaded with, for its own parallel work (kwic).
        self._n_threads = n_threads
        self._duplicates: dict[float, pd.DataFrame] = {}

    def __reduce__(self):
        # Pickled (and deep-copied) as its pandas tables: the Arrow tables live in Rust memory.
        return (Corpus, ({name: self._table(name) for name in self.table_names}, self._n_threads))

    @property
    def table_names(self) -> list[str]:
        """The tables this corpus has: documents, errors, and with extraction mentions, entities, roles, quotes."""
        return [n for n in ("documents", "errors", "mentions", "entities", "roles", "quotes") if n in self._arrow or n in self._tables]

    def _table(self, name: str) -> pd.DataFrame:
        if name not in self._tables:
            if name not in self._arrow:
                why = "quotes=False" if name == "quotes" and "mentions" in self._arrow else "extract=False"
                raise AttributeError(f"this corpus was loaded with {why}: it has no {name} table")
            table = _tables.from_arrow(self._arrow[name])
            self._tables[name] = _tables.expand_fields(table) if name == "documents" else table
        return self._tables[name]

    def arrow(self, name: str):
        """The ``name`` table as an Arrow object (``__arrow_c_stream__``), without pandas.

        >>> import congress_corpus as cc
        >>> import pyarrow as pa
        >>> pa.table(cc.load(cc.SAMPLE).arrow("mentions")).num_rows > 100
        True

        polars: ``pl.DataFrame(corpus.arrow("mentions"))``; DuckDB: ``duckdb.sql("select * from t")``
        after ``t = corpus.arrow("mentions")``.
        """
        if name == "documents" and name in self._arrow:
            import pyarrow as pa

            # Records' other fields travel as one JSON column: spread into columns they need
            # pandas; without any, the empty column is dropped (zero-copy).
            t = pa.table(self._arrow[name])
            if "fields" not in t.column_names:
                return t
            if t.column("fields").null_count == t.num_rows:
                return t.drop_columns(["fields"])
            return pa.Table.from_pandas(self.documents, preserve_index=False)
        if name in self._arrow:
            return self._arrow[name]
        if name in self._tables:
            import pyarrow as pa

            return pa.Table.from_pandas(self._tables[name], preserve_index=False)
        raise KeyError(f"no table {name!r}; tables: {', '.join(self.table_names)}")

    @property
    def documents(self) -> pd.DataFrame:
        """One row per document: doc_id, path, title, date, dateline, source, url, text, counts, sha256, captions, related."""
        return self._table("documents")

    @property
    def errors(self) -> pd.DataFrame:
        """One row per input that could not be loaded cleanly: path, kind, message, loaded."""
        return self._table("errors")

    @property
    def mentions(self) -> pd.DataFrame:
        """One row per entity mention: doc_id, sentence, start, end, text, label, entity_id, canonical, value, unit,
        and typed values: value_num (float64) for figures, date_start/date_end (the days a DATE covers)."""
        return self._table("mentions")

    @property
    def entities(self) -> pd.DataFrame:
        """One row per entity: entity_id, label, canonical, aliases, n_mentions, n_docs, first_date, last_date."""
        return self._table("entities")

    @property
    def roles(self) -> pd.DataFrame:
        """One row per (person, title) a document states: doc_id, sentence, start, end, person_entity_id, person, role, org_entity_id."""
        return self._table("roles")

    @property
    def quotes(self) -> pd.DataFrame:
        """One row per statement a document attributes to someone: who said what, and where.

        Columns: doc_id, sentence, start, end (the quoted or reported words, offsets into
        ``documents.text``), text, kind (``direct`` in quotation marks, ``indirect`` for
        ``X said that ...`` and ``according to X``), speaker_entity_id and speaker (the canonical
        entity; a speaker who is no entity, such as ``lawyers``, has the words as written and a
        null id), speaker_start, speaker_end (the words naming the speaker in that sentence, a
        pronoun or title included; null when named earlier), cue (``said``, ``according to``).

        >>> import congress_corpus as cc
        >>> q = cc.load(cc.SAMPLE).quotes
        >>> q[q.text.str.contains("strategic autonomy")][["speaker", "cue"]].values.tolist()
        [['Lê Hoài Trung', 'highlighted'], ['Saadi Salama', 'expressed confidence'], ['Trinh Van Quyet', 'stressed']]
        """
        return self._table("quotes")

    def duplicates(self, threshold: float = 0.8, *, n_threads: int | None = None) -> pd.DataFrame:
        """Documents that tell the same story: syndicated copies, reprints, lightly edited versions.

        Bodies are compared by their sets of five-word shingles after folding case, diacritics,
        quotes, dashes and joined spellings (``Việt Nam``/``Vietnam``, ``Hà Nội``/``Hanoi``), so a
        copy with its own headline, dateline and credit, or a paragraph dropped or added, still
        matches. Candidates come from MinHash LSH, each verified by the exact Jaccard similarity
        of the two shingle sets; a cluster is the documents linked by pairs of at least
        ``threshold``. Computed in Rust, in parallel; the same clusters on any number of threads.

        Returns one row per document in a cluster of two or more: doc_id, cluster (the doc_id
        of the cluster's first document in corpus order), similarity (Jaccard of the document's
        shingles to that first document's; 1.0 for itself), ordered by cluster, then document.

        >>> import congress_corpus as cc
        >>> cc.load(cc.SAMPLE).duplicates().columns.tolist()
        ['doc_id', 'cluster', 'similarity']
        """
        if not 0 < threshold <= 1:
            raise ValueError(f"[E003] threshold must be in (0, 1], not {threshold}")
        if n_threads is not None and n_threads < 1:
            raise ValueError(f"[E003] n_threads must be at least 1, not {n_threads}")
        key = float(threshold)
        if key not in self._duplicates:
            # A corpus rebuilt from pandas tables (unpickled) hands its texts over through Arrow.
            documents = self._arrow.get("documents")
            if documents is None:
                import pyarrow as pa

                documents = pa.Table.from_pandas(self.documents[["doc_id", "text"]], preserve_index=False)
            docs, clusters, sims = _core.duplicates(documents, key, n_threads or 0)
            ids = self._doc_ids()
            self._duplicates[key] = pd.DataFrame({
                "doc_id": pd.Series(ids.take(np.asarray(docs, dtype=np.intp)), dtype=_tables.STR_DTYPE),
                "cluster": pd.Series(ids.take(np.asarray(clusters, dtype=np.intp)), dtype=_tables.STR_DTYPE),
                "similarity": pd.Series(sims, dtype="float64"),
            })
        return self._duplicates[key].copy()

    def _doc_ids(self) -> np.ndarray:
        # From Arrow, so asking for duplicates does not convert every text to pandas.
        if "documents" in self._tables:
            return self._tables["documents"].doc_id.to_numpy(dtype=object)
        import pyarrow as pa

        return pa.table(self._arrow["documents"]).column("doc_id").to_numpy()

    def _mentions(self, labels: Iterable[str] | None, dedupe: bool, threshold: float) -> pd.DataFrame:
        """The mentions of ``labels`` (all when None); with ``dedupe``, only of each cluster's first document."""
        m = self.mentions
        if labels is not None:
            m = m[m.label.isin(_args.labels(labels))]
        if dedupe:
            d = self.duplicates(threshold)
            copies = d.doc_id[d.doc_id != d.cluster]
            m = m[~m.doc_id.isin(copies)]
        return m

    def entity_counts(self, labels: Iterable[str] | None = None, *, dedupe: bool = False, threshold: float = 0.8) -> pd.DataFrame:
        """How often each entity is mentioned, and in how many documents; with ``dedupe=True``
        each story counts once.

        ``dedupe=True`` counts one document per cluster of :meth:`duplicates` (at ``threshold``):
        the cluster's first document, so a VNA story reprinted by five papers is one document,
        not six. Documents in no cluster all count. ``labels`` keeps entities of those labels.
        Returns columns entity_id, label, canonical, n_mentions, n_docs, most mentioned first
        (ties by entity_id). Without dedupe, the counts are those of :attr:`entities`.

        >>> import congress_corpus as cc
        >>> counts = cc.load(cc.SAMPLE).entity_counts(["PERSON"], dedupe=True)
        >>> counts.columns.tolist()
        ['entity_id', 'label', 'canonical', 'n_mentions', 'n_docs']
        """
        m = self._mentions(labels, dedupe, threshold)
        g = m.groupby("entity_id", sort=True, observed=True)
        out = pd.DataFrame({
            "label": g.label.first(),
            "canonical": g.canonical.first(),
            "n_mentions": g.size().astype("int64"),
            "n_docs": g.doc_id.nunique().astype("int64"),
        }).reset_index()
        out["entity_id"] = out.entity_id.astype(_tables.STR_DTYPE)
        return out.sort_values(["n_mentions", "entity_id"], ascending=[False, True], kind="stable").reset_index(drop=True)

    def cooccurrence(self, labels: str | Iterable[str] = ("PERSON", "ORG"), window: str = "sentence", *,
                     dedupe: bool = False, threshold: float = 0.8) -> pd.DataFrame:
        """Pairs of entities mentioned together, and in how many windows.

        ``window`` is ``"sentence"`` or ``"document"``; ``labels`` (one label or several) keeps
        mentions of those labels, and an unknown label is a ``ValueError``;
        ``dedupe=True`` counts one document per cluster of :meth:`duplicates` (see
        :meth:`entity_counts`). Returns columns entity_a, entity_b (entity ids, ``a < b``),
        canonical_a, canonical_b, weight, most frequent first. Computed in Rust.

        >>> import congress_corpus as cc
        >>> pairs = cc.load(cc.SAMPLE).cooccurrence(labels=["PERSON", "ORG"], window="document", dedupe=True)
        >>> pairs.columns.tolist()
        ['entity_a', 'entity_b', 'canonical_a', 'canonical_b', 'weight']
        """
        wanted = _args.labels(labels)
        m = self._mentions(wanted, dedupe, threshold)
        doc_codes, _ = pd.factorize(m.doc_id)
        ent_codes, ents = pd.factorize(m.entity_id, sort=True)
        a, b, w = _core.cooccurrence(doc_codes.astype("uint32").tolist(), m.sentence.astype("uint32").tolist(),
                                     ent_codes.astype("uint32").tolist(), window)
        # Each entity's display name, by code: every mention of an entity carries the same one.
        names = m.canonical.groupby(ent_codes, sort=True).first().to_numpy()
        a, b = np.asarray(a, dtype=np.intp), np.asarray(b, dtype=np.intp)
        return pd.DataFrame({
            "entity_a": pd.Series(ents.take(a), dtype=_tables.STR_DTYPE),
            "entity_b": pd.Series(ents.take(b), dtype=_tables.STR_DTYPE),
            "canonical_a": pd.Series(names[a], dtype=_tables.STR_DTYPE),
            "canonical_b": pd.Series(names[b], dtype=_tables.STR_DTYPE),
            "weight": pd.Series(w, dtype="int64"),
        })

    def kwic(self, phrase: str, width: int = 60, *, n_threads: int | None = None) -> pd.DataFrame:
        """Every occurrence of ``phrase`` in the bodies, with ``width`` characters either side.

        Diacritic- and case-insensitive (``"doi moi"`` finds ``đổi mới``), on word boundaries.
        Runs on ``n_threads`` threads (default: those the corpus was loaded with).
        Returns columns doc_id, start (offset into ``text``), left, match, right.

        >>> import congress_corpus as cc
        >>> k = cc.load(cc.SAMPLE).kwic("strategic autonomy", width=30)
        >>> k["match"].str.lower().unique().tolist()
        ['strategic autonomy']
        """
        width = _args.width(width)
        threads = _args.n_threads(self._n_threads if n_threads is None else n_threads)
        docs = self.documents
        cols = _core.kwic(docs.text.tolist(), phrase, width, threads)
        ids = docs.doc_id.tolist()
        return pd.DataFrame({
            "doc_id": pd.Series([ids[i] for i in cols["doc"]], dtype=_tables.STR_DTYPE),
            "start": pd.Series(cols["start"], dtype="int64"),
            "left": pd.Series(cols["left"], dtype=_tables.STR_DTYPE),
            "match": pd.Series(cols["match"], dtype=_tables.STR_DTYPE),
            "right": pd.Series(cols["right"], dtype=_tables.STR_DTYPE),
        })

    def _n_rows(self, name: str) -> int:
        # Counted on the Arrow table when it has not been converted: no pandas copy of every text.
        return len(self._tables[name]) if name in self._tables else len(self._arrow[name])

    def __len__(self) -> int:
        return self._n_rows("documents")

    def __repr__(self) -> str:
        extra = f", {self._n_rows('mentions')} mentions" if "mentions" in self.table_names else ""
        return f"<Corpus: {len(self)} documents{extra}, {self._n_rows('errors')} errors>"

    def __reduce__(self):
        # The tables are the corpus: pickled as pyarrow tables (zero-copy from Rust) or, once
        # converted, as the DataFrames themselves, so Dask and multiprocessing can ship a corpus.
        import pyarrow as pa

        tables = {n: self._tables[n] if n in self._tables else pa.table(self._arrow[n]) for n in self.table_names}
        return (Corpus, (tables,))

    def _repr_html_(self) -> str:
        """A small card for Jupyter: documents, date range, sources, errors and the top entities."""
        from .summary import html_card

        return html_card(self)


def _plan(source: Source, pattern: str | None, n_threads: int | None, extract: bool, extractor: Extractor | None):
    """The files to load (checked arguments) and the core extractor to run, if any."""
    _args.n_threads(n_threads)
    plan = _core.discover(_sources(source), pattern)
    return plan, (extractor or default_extractor())._core if extract else None


def _options(max_bytes: int, text: str | None, id: str | None, date: str | None, title: str | None,  # noqa: A002
             zones: str | Iterable[str], quotes: bool = True) -> _core.LoadOptions:
    """The core's load options from checked arguments (an unknown zone is a ValueError)."""
    names = {"text": text, "id": id, "date": date, "title": title}
    for what, v in names.items():
        if v is not None and not isinstance(v, str):
            raise TypeError(f"[E003] {what}= names a field: a str or None, not {type(v).__name__}")
    zone_list = [zones] if isinstance(zones, str) else list(zones)
    if not all(isinstance(z, str) for z in zone_list):
        raise TypeError(f"[E003] zones= takes zone names (\"body\", \"title\", \"caption\"), not {zones!r}")
    return _core.LoadOptions(_args.max_bytes(max_bytes), text, id, date, title, zone_list, bool(quotes))


def load(
    source: Source,
    *,
    pattern: str | None = None,
    n_threads: int | None = None,
    progress: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extract: bool = True,
    extractor: Extractor | None = None,
    quotes: bool = True,
    text: str | None = None,
    id: str | None = None,  # noqa: A002 - the name pandas users expect beside text=, date=
    date: str | None = None,
    title: str | None = None,
    zones: str | Iterable[str] = ("body",),
) -> Corpus:
    """Load a corpus of articles into a :class:`Corpus`, finding the entities in them.

    ``source`` is a folder (walked recursively; hidden files and folders skipped), a file, a glob
    (``"news/**/*.txt"``), or a list of these. The readers: ``.txt``/``.text`` (an article each),
    ``.html``/``.htm`` (a saved page: its article, title, date, author, captions), ``.jsonl``/
    ``.ndjson``, ``.json`` (an array of articles, an object holding one, or one article as
    news-please writes it), ``.csv`` and ``.tsv`` (a header row; an article per row). Files are read, cleaned and
    their entities found in parallel in Rust with the GIL released; the documents come back
    sorted by path, whatever the number of threads, each file once and each ``doc_id`` unique. A
    file that cannot be read cleanly, or of a type without a reader, becomes a row of
    ``corpus.errors``; a source that does not exist, or a glob that matches no file, raises
    ``FileNotFoundError``.

    Args:
        source: what to load.
        pattern: glob that files found in folders must match, relative to the folder
            (``"*.txt"``, ``"2026/**/*.jsonl"``). Default: every file with a reader (see above).
        n_threads: threads to use; default ``CONGRESS_CORPUS_THREADS`` or every core.
        progress: show a progress bar (tqdm where installed).
        max_bytes: larger files are skipped with a ``too_large`` error row.
        extract: find entities (mentions, entities and roles tables); ``False`` loads documents only.
        extractor: a configured :class:`Extractor` (user patterns, aliases); default: the shipped one.
        quotes: with extraction, find who said what (the ``quotes`` table); ``False`` leaves the
            table out and saves its cost (about a sixth of the extraction's).
        text, id, date, title: the field of a JSON, JSON Lines, CSV or TSV record holding each;
            default the first present of ``text``, ``body``, ``content``, ``maintext``,
            ``article``, ``article_text``, ``full_text``; ``id``, ``uuid``, ``url``; ``date``,
            ``published``, ``date_publish``, ``publish_date``, ``published_at``,
            ``publication_date``, ``pubdate``, ``datepublished``; ``title``, ``headline``
            (case-insensitive). A record without text is a ``missing_text`` row of ``errors``;
            without an id it is ``FILE#N`` (``N`` its line, or its place in a JSON array).
            Every other field is a column of ``documents``, typed as it came.
        zones: where to look for mentions: ``"body"`` (always), ``"title"``, ``"caption"``.
            Mentions of a title or caption have ``zone`` ``title``/``caption`` and offsets into
            ``documents.title`` / ``documents.captions[zone_index]``.

    >>> import congress_corpus as cc
    >>> corpus = cc.load(cc.SAMPLE, n_threads=2)
    >>> corpus.documents.loc[0, ["doc_id", "dateline", "source"]].tolist()
    ['000_b223d5d76dda60ac', 'HÀ NỘI', 'VNS']

    Records keep their other fields as columns:

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "feed.csv").write_text("uuid,story,section\\nu1,Tô Lâm met Lao leaders.,World\\n", encoding="utf-8")
    >>> cc.load(folder, text="story").documents[["doc_id", "text", "section"]].values.tolist()
    [['u1', 'Tô Lâm met Lao leaders.', 'World']]
    """
    options = _options(max_bytes, text, id, date, title, zones, quotes)
    plan, core_extractor = _plan(source, pattern, n_threads, extract, extractor)
    # Slices (sized in Rust) move the progress bar; Ctrl-C stops the slice being read.
    loading = _core.Load(plan, options, core_extractor, _args.n_threads(n_threads))
    bar = _Progress(len(loading), progress)
    try:
        while n := loading.next_slice():
            bar.update(n)
    finally:
        bar.close()
    return Corpus(dict(loading.finish()), n_threads)


def iter_batches(
    source: Source,
    *,
    batch_size: int = 2000,
    pattern: str | None = None,
    n_threads: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extract: bool = True,
    extractor: Extractor | None = None,
    text: str | None = None,
    id: str | None = None,  # noqa: A002
    date: str | None = None,
    title: str | None = None,
    zones: str | Iterable[str] = ("body",),
    quotes: bool = True,
) -> Iterator[Corpus]:
    """Load a corpus ``batch_size`` files at a time, yielding one :class:`Corpus` per batch.

    Memory stays bounded by a batch whatever the size of the corpus: write each batch out
    (``batch.arrow("mentions")`` to Parquet, DuckDB or polars) before the next is read. Rows come
    in the same order as :func:`load`; ``entity_id`` is the same as a whole load gives, while
    display names and the entities table are per batch (``congress_corpus.dask.entities``
    reduces the concatenated mentions to the corpus-wide table). Problems met while finding
    files are in the first batch's ``errors``. The other arguments are those of :func:`load`.

    >>> import congress_corpus as cc
    >>> [len(b) for b in cc.iter_batches(cc.SAMPLE, batch_size=2)]
    [2, 2, 1]
    """
    batch_size = _args.batch_size(batch_size)
    options = _options(max_bytes, text, id, date, title, zones, quotes)
    plan, core_extractor = _plan(source, pattern, n_threads, extract, extractor)
    threads = _args.n_threads(n_threads)
    for start in range(0, max(len(plan), 1), batch_size):
        yield Corpus(dict(_core.Load(plan, options, core_extractor, threads, start, start + batch_size).finish()), n_threads)
