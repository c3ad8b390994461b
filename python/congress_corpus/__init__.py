"""congress_corpus: load folders of news articles in parallel and get their documents, entities,
dates and figures as pandas DataFrames. The work is done by a Rust core (``congress_corpus._core``).

>>> import congress_corpus as cc
>>> corpus = cc.load(cc.SAMPLE)
>>> corpus.documents[["doc_id", "date", "dateline", "source"]].shape
(5, 4)
"""

from __future__ import annotations

import warnings

from . import _core
from .corpus import DEFAULT_MAX_BYTES, SAMPLE, Corpus, iter_batches, load
from .extract import Extractor, extract, extract_tables
from .frames import from_pandas
from .render import render, render_text

__version__: str = _core.__version__

__all__ = ["DEFAULT_MAX_BYTES", "SAMPLE", "Corpus", "Extractor", "__version__", "extract", "extract_tables", "from_pandas", "iter_batches", "load", "render", "render_text"]

if _core.is_debug_build():
    # A debug build is 10-50x slower; say so, so that a slow bug report explains itself.
    warnings.warn(
        "congress_corpus was compiled without optimisations (debug build); "
        "install with `pip install .` for a release build",
        RuntimeWarning,
        stacklevel=2,
    )
