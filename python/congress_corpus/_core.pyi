"""Type stubs for the compiled core. The public API is in ``congress_corpus``; tables come back as
``ArrowTable`` objects (read through ``__arrow_c_stream__``) that the package turns into
DataFrames, and a few small results as plain lists."""

from typing import Any, final

__version__: str
#: Most threads a call may ask for.
MAX_THREADS: int
#: The 18 entity labels, in the core's order (the categories of ``label`` columns).
LABELS: list[str]
#: The zones a mention may be found in (the categories of the ``zone`` column).
ZONES: list[str]
__all__ = [
    "ArrowTable", "Extractor", "LABELS", "Load", "LoadOptions", "MAX_THREADS", "Plan", "ZONES", "__version__", "_panic_for_test",
    "cooccurrence", "discover", "duplicates", "extract", "html_extract", "is_debug_build", "kwic",
    "merge_entities", "partial_entities", "plan_from_inputs", "pooled_threads", "records", "resolve_threads",
    "shingles",
]

@final
class Extractor:
    """The entity extractor: shipped lexicon plus user patterns (EntityRuler JSONL text) and aliases."""

    def __new__(
        cls, patterns_jsonl: str | None = None, aliases: list[tuple[str, str, str | None]] | None = None
    ) -> Extractor: ...

@final
class ArrowTable:
    """A table held in Rust; read it with ``pd.DataFrame.from_arrow``, ``pa.table`` or ``pl.DataFrame``."""

    column_names: list[str]
    def __len__(self) -> int: ...
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

@final
class LoadOptions:
    """How to load: ``max_bytes``, the record fields holding text, id, date and title (None: found
    by their common names, ``FIELD_NAMES``), the zones searched (``body``, ``title``, ``caption``),
    and whether quotes are read (``quotes``)."""

    DEFAULT_MAX_BYTES: int
    FIELD_NAMES: list[tuple[str, list[str]]]
    @property
    def max_bytes(self) -> int: ...
    def __new__(
        cls,
        max_bytes: int = ...,
        text: str | None = None,
        id: str | None = None,
        date: str | None = None,
        title: str | None = None,
        zones: list[str] = ...,
        quotes: bool = True,
    ) -> LoadOptions: ...

@final
class Plan:
    """The files a load will read, in path order."""

    def __len__(self) -> int: ...
    def inputs(self) -> list[tuple[bytes, str, str]]:
        """The files as (path bytes, doc_id, format: ``txt``, ``jsonl``, ``json``, ``csv``, ``tsv``, ``html``), to split across workers."""
    def issues(self) -> ArrowTable:
        """Problems met while finding files, as an errors table."""

@final
class Load:
    """One load of a plan's inputs ``start..end``: read slice by slice, then made into tables.

    Slices are sized in the core from the thread count, so that progress moves about once a
    second; Ctrl-C raises KeyboardInterrupt from the slice being read. The load that starts at
    input 0 carries the plan's ``issues()``. Used after ``finish``, or after an error, it raises
    RuntimeError [E006]; one thread at a time.
    """

    def __new__(
        cls,
        plan: Plan,
        options: LoadOptions | None = None,
        extractor: Extractor | None = None,
        n_threads: int = 0,
        start: int = 0,
        end: int | None = None,
        slice_inputs: int | None = None,
    ) -> Load:
        """Load (and, with ``extractor``, extract from) inputs ``start..end`` (default: to the end)
        on ``n_threads`` threads; ``slice_inputs`` overrides the inputs per slice (for tests)."""
    def __len__(self) -> int:
        """The inputs this load reads."""
    def next_slice(self) -> int:
        """Read the next slice: how many inputs it read, 0 when none are left."""
    def partial(self) -> ArrowTable:
        """The partial entities table of every input (see ``merge_entities``), reading those left."""
    def finish(self) -> dict[str, ArrowTable]:
        """The tables (documents, errors, and with an extractor mentions, roles, quotes unless
        ``options.quotes`` is False, entities), reading the inputs left; ends the load."""

def discover(sources: list[str], pattern: str | None = None) -> Plan:
    """Find the files named by folders, files and globs; raises FileNotFoundError for a missing source
    or a glob that matches nothing, KeyboardInterrupt on Ctrl-C."""

def plan_from_inputs(rows: list[tuple[bytes, str, str]]) -> Plan:
    """A plan from ``Plan.inputs()`` rows (used on Dask workers)."""

def records(
    source: str,
    doc_ids: list[str],
    texts: list[str | None],
    titles: list[str | None],
    dates: list[str | None],
    n_threads: int = 0,
    extractor: Extractor | None = None,
) -> dict[str, ArrowTable]:
    """Load (and extract from) articles held in memory, cleaned as files are; paths are ``source#row``.
    The tables are those of ``Load.finish``."""

def extract(
    texts: list[str], doc_ids: list[str], dates: list[str | None], extractor: Extractor, n_threads: int = 0
) -> dict[str, ArrowTable]:
    """The mentions, roles, quotes and entities tables of in-memory texts."""

def partial_entities(
    doc_ids: list[str],
    entity_ids: list[str],
    texts: list[str],
    names: list[str],
    documents: tuple[list[str], list[str | None]] | None = None,
) -> ArrowTable:
    """The partial entities table of rows of a mentions table, in document order (``names``: the
    ``canonical`` column; ``documents``: doc ids and their dates)."""

def merge_entities(partials: list[Any]) -> ArrowTable:
    """The entities table from partial entities tables in corpus order (ours, or any Arrow table
    with their columns, such as pyarrow's copy), as one load of their documents gives it."""

def cooccurrence(
    docs: list[int], sentences: list[int], entities: list[int], window: str
) -> tuple[list[int], list[int], list[int]]:
    """Co-occurring entity code pairs and their weights."""

def kwic(texts: list[str], phrase: str, width: int, n_threads: int = 0) -> dict[str, list[Any]]:
    """Keyword-in-context hits as columns doc, start, left, match, right."""

def duplicates(
    documents: ArrowTable, threshold: float = 0.8, n_threads: int = 0
) -> tuple[list[int], list[int], list[float]]:
    """Near-duplicate documents as row indices (document, its cluster's first document) and similarity."""

def shingles(text: str) -> list[int]:
    """The sorted, distinct shingle hashes that ``duplicates`` compares for ``text``."""

def html_extract(html: str) -> dict[str, Any]:
    """An HTML page's article, as ``src/html.rs`` finds it (the loader will call it for ``.html``).

    Keys: ``text`` (main text, paragraphs separated by a blank line; no headline, captions,
    menus, comments, share buttons or related links), ``title``, ``date`` (as the page states
    it), ``author`` (names joined by ``, ``), ``captions`` (list), ``metadata`` (dict: ``url``,
    ``site_name``, ``section``, ``description``, ``keywords``, ``language``, ``modified``,
    ``type``, where the page has them).

    """

def _panic_for_test() -> None:
    """Panics inside the worker pool (tests that a bug becomes RuntimeError, not an abort)."""

def resolve_threads(n_threads: int) -> int:
    """The threads a call given ``n_threads`` uses (0: ``CONGRESS_CORPUS_THREADS``, else every core)."""

def pooled_threads() -> int:
    """The threads of the thread pools kept now (at most two pools are kept)."""

def is_debug_build() -> bool:
    """True when the extension was compiled without optimisations."""
