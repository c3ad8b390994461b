"""Loading a corpus and the `Corpus` object that holds its tables."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Union

import numpy as np
import pandas as pd

from . import _core, _tables
from ._dependencies import optional
from .extract import Extractor, default_extractor

if TYPE_CHECKING:
    from collections.abc import Sequence

Source = Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]

#: Folder of the five sample articles shipped inside the package (the repository's ``seeds/``).
SAMPLE: str = str(Path(__file__).with_name("sample"))

#: Default ``max_bytes``: files larger than this become ``too_large`` rows instead of documents.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

# Files per thread per call into Rust: large enough to keep every core busy (each call ends
# waiting for its last task; measured on 10,000 files and 2 threads, slices of 512 / 2,048 /
# 8,192 files took 1.13 / 1.06 / 1.00 s), small enough that progress moves and Ctrl-C is
# honoured between calls within about a second. A multiple of the core's 128-file tasks, so the
# record batches are the same whatever the number of threads.
_SLICE_PER_THREAD = 2048


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

    def __init__(self, tables: dict[str, object]) -> None:
        # Tables stay Arrow (in Rust memory) until first asked for as pandas.
        self._arrow = {k: v for k, v in tables.items() if not isinstance(v, pd.DataFrame)}
        self._tables: dict[str, pd.DataFrame] = {k: v for k, v in tables.items() if isinstance(v, pd.DataFrame)}

    @property
    def table_names(self) -> list[str]:
        """The tables this corpus has: documents, errors, and with extraction mentions, entities, roles, quotes."""
        return [n for n in ("documents", "errors", "mentions", "entities", "roles", "quotes") if n in self._arrow or n in self._tables]

    def _table(self, name: str) -> pd.DataFrame:
        if name not in self._tables:
            if name not in self._arrow:
                raise AttributeError(f"this corpus was loaded with extract=False: it has no {name} table")
            self._tables[name] = _tables.from_arrow(self._arrow[name])
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
        if name in self._arrow:
            return self._arrow[name]
        if name in self._tables:
            import pyarrow as pa

            return pa.Table.from_pandas(self._tables[name], preserve_index=False)
        raise KeyError(f"no table {name!r}; tables: {', '.join(self.table_names)}")

    @property
    def documents(self) -> pd.DataFrame:
        """One row per document: doc_id, path, title, date, dateline, source, url, text, counts, sha256."""
        return self._table("documents")

    @property
    def errors(self) -> pd.DataFrame:
        """One row per input that could not be loaded cleanly: path, kind, message, loaded."""
        return self._table("errors")

    @property
    def mentions(self) -> pd.DataFrame:
        """One row per entity mention: doc_id, sentence, start, end, text, label, entity_id, canonical, value, unit."""
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

    def cooccurrence(self, labels: Iterable[str] = ("PERSON", "ORG"), window: str = "sentence") -> pd.DataFrame:
        """Pairs of entities mentioned together, and in how many windows.

        ``window`` is ``"sentence"`` or ``"document"``; ``labels`` keeps mentions of those labels.
        Returns columns entity_a, entity_b (entity ids, ``a < b``), canonical_a, canonical_b,
        weight, most frequent first. Computed in Rust.

        >>> import congress_corpus as cc
        >>> pairs = cc.load(cc.SAMPLE).cooccurrence(labels=["PERSON", "ORG"], window="document")
        >>> pairs.columns.tolist()
        ['entity_a', 'entity_b', 'canonical_a', 'canonical_b', 'weight']
        """
        m = self.mentions
        m = m[m.label.isin(list(labels))]
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

    def kwic(self, phrase: str, width: int = 60) -> pd.DataFrame:
        """Every occurrence of ``phrase`` in the bodies, with ``width`` characters either side.

        Diacritic- and case-insensitive (``"doi moi"`` finds ``đổi mới``), on word boundaries.
        Returns columns doc_id, start (offset into ``text``), left, match, right.

        >>> import congress_corpus as cc
        >>> k = cc.load(cc.SAMPLE).kwic("strategic autonomy", width=30)
        >>> k["match"].str.lower().unique().tolist()
        ['strategic autonomy']
        """
        if width < 0:
            raise ValueError(f"[E003] width must be >= 0, not {width}")
        docs = self.documents
        cols = _core.kwic(docs.text.tolist(), phrase, width)
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


def _plan(source: Source, pattern: str | None, n_threads: int | None, extract: bool, extractor: Extractor | None):
    """The files to load (checked arguments) and the core extractor to run, if any."""
    if n_threads is not None and n_threads < 1:
        raise ValueError(f"[E003] n_threads must be at least 1, not {n_threads}")
    plan = _core.discover(_sources(source), pattern)
    return plan, (extractor or default_extractor())._core if extract else None


def load(
    source: Source,
    *,
    pattern: str | None = None,
    n_threads: int | None = None,
    progress: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extract: bool = True,
    extractor: Extractor | None = None,
) -> Corpus:
    """Load a corpus of articles into a :class:`Corpus`, finding the entities in them.

    ``source`` is a folder (walked recursively; hidden files and folders skipped), a ``.txt`` or
    ``.jsonl`` file, a glob (``"news/**/*.txt"``), or a list of these. Files are read, cleaned and
    their entities found in parallel in Rust with the GIL released; the documents come back
    sorted by path, whatever the number of threads. A file that cannot be read cleanly becomes a
    row of ``corpus.errors``; a source that does not exist raises ``FileNotFoundError``.

    Args:
        source: what to load.
        pattern: glob that files found in folders must match, relative to the folder
            (``"*.txt"``, ``"2026/**/*.jsonl"``). Default: ``.txt``/``.text`` and ``.jsonl``/``.ndjson``.
        n_threads: threads to use; default ``CONGRESS_CORPUS_THREADS`` or every core.
        progress: show a progress bar (tqdm where installed).
        max_bytes: larger files are skipped with a ``too_large`` error row.
        extract: find entities (mentions, entities and roles tables); ``False`` loads documents only.
        extractor: a configured :class:`Extractor` (user patterns, aliases); default: the shipped one.

    >>> import congress_corpus as cc
    >>> corpus = cc.load(cc.SAMPLE, n_threads=2)
    >>> corpus.documents.loc[0, ["doc_id", "dateline", "source"]].tolist()
    ['000_b223d5d76dda60ac', 'HÀ NỘI', 'VNS']
    """
    if max_bytes < 1:
        raise ValueError(f"[E003] max_bytes must be positive, not {max_bytes}")
    plan, core_extractor = _plan(source, pattern, n_threads, extract, extractor)
    # Each slice becomes Arrow tables as soon as it is loaded; its entities are counted into
    # `acc`, which names them once the whole corpus has been seen.
    acc = _core.Accumulator()
    batches = [plan.issues()]
    bar = _Progress(len(plan), progress)
    try:
        step = _SLICE_PER_THREAD * _core.resolve_threads(n_threads or 0)
        for start in range(0, len(plan), step):
            end = min(start + step, len(plan))
            batches.append(plan.load(start, end, n_threads or 0, max_bytes, core_extractor, acc))
            bar.update(end - start)
    finally:
        bar.close()
    return Corpus(dict(_core.assemble(batches, acc, extract)))


def iter_batches(
    source: Source,
    *,
    batch_size: int = 2000,
    pattern: str | None = None,
    n_threads: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extract: bool = True,
    extractor: Extractor | None = None,
) -> Iterator[Corpus]:
    """Load a corpus ``batch_size`` files at a time, yielding one :class:`Corpus` per batch.

    Memory stays bounded by a batch whatever the size of the corpus: write each batch out
    (``batch.arrow("mentions")`` to Parquet, DuckDB or polars) before the next is read. Rows come
    in the same order as :func:`load`; ``entity_id`` is the same as a whole load gives, while
    display names and the entities table are per batch (``congress_corpus.dask.entities``
    reduces the concatenated mentions to the corpus-wide table). Problems met while finding
    files are in the first batch's ``errors``.

    >>> import congress_corpus as cc
    >>> [len(b) for b in cc.iter_batches(cc.SAMPLE, batch_size=2)]
    [2, 2, 1]
    """
    if batch_size < 1:
        raise ValueError(f"[E003] batch_size must be at least 1, not {batch_size}")
    plan, core_extractor = _plan(source, pattern, n_threads, extract, extractor)
    pending = [plan.issues()]
    for start in range(0, max(len(plan), 1), batch_size):
        end = min(start + batch_size, len(plan))
        acc = _core.Accumulator()
        pending.append(plan.load(start, end, n_threads or 0, max_bytes, core_extractor, acc))
        yield Corpus(dict(_core.assemble(pending, acc, extract)))
        pending = []
