"""Type stubs for the compiled core. The public API is in ``congress_corpus``; these functions
return plain columns (dicts of lists) that the package turns into DataFrames."""

from typing import Any, final

__version__: str

@final
class Plan:
    """The files a load will read, in path order."""

    def __len__(self) -> int: ...
    def issues(self) -> dict[str, list[Any]]:
        """Problems met while finding files, as columns path, kind, message, loaded."""
    def load(
        self, start: int, end: int, n_threads: int = 0, max_bytes: int = 67108864
    ) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
        """Load files ``start..end``: (documents columns, errors columns)."""

def discover(sources: list[str], pattern: str | None = None) -> Plan:
    """Find the files named by folders, files and globs; raises FileNotFoundError for a missing source."""

def is_debug_build() -> bool:
    """True when the extension was compiled without optimisations."""
