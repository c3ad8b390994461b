"""Columns from the Rust core -> pandas DataFrames with the dtypes of the data contract."""

from __future__ import annotations

import json

import pandas as pd

from . import _core

# pandas 3 has a native string dtype with NaN for missing values; pandas 2 spells it "string".
STR_DTYPE = "str" if int(pd.__version__.split(".")[0]) >= 3 else "string"

LABELS: list[str] = list(_core.LABELS)
LABEL_DTYPE = pd.CategoricalDtype(LABELS)
ZONE_DTYPE = pd.CategoricalDtype(list(_core.ZONES))

# Offsets that may be missing (a quote's speaker named in an earlier sentence): pandas' nullable
# Int32, so they stay integers instead of becoming floats with NaN.
_OPTIONAL_POSITIONS = ("speaker_start", "speaker_end")


def from_arrow(table) -> pd.DataFrame:
    """A DataFrame from an Arrow table of the core (anything with ``__arrow_c_stream__``).

    Strings arrive as pandas' string dtype, labels as a categorical with the 18 labels, dates as
    ``datetime64[s]``; list columns (entity aliases, captions) become Python lists.
    """
    if hasattr(pd.DataFrame, "from_arrow"):
        df = pd.DataFrame.from_arrow(table)
    else:  # pandas < 3
        import pyarrow as pa

        df = pa.table(table).to_pandas()
    for col in df.columns:
        if col in ("aliases", "captions"):
            # As an object Series: an empty list would make the column float64.
            df[col] = pd.Series([list(v) for v in df[col]], index=df.index, dtype=object)
        elif col == "label":
            df[col] = df[col].astype(LABEL_DTYPE)
        elif col in _OPTIONAL_POSITIONS:
            df[col] = df[col].astype("Int32")
        elif col == "zone":
            df[col] = df[col].astype(ZONE_DTYPE)
        elif pd.api.types.is_object_dtype(df[col].dtype) or str(df[col].dtype) in ("string", "large_string[pyarrow]", "string[pyarrow]"):
            df[col] = df[col].astype(STR_DTYPE)
    return df


def expand_fields(docs: pd.DataFrame) -> pd.DataFrame:
    """The documents table with its ``fields`` column (each record's other fields as a JSON
    object, from the core) spread into one column per field, typed as pandas types a list of
    records (``pd.DataFrame(list_of_dicts)``: integers int64, or float64 when some rows lack
    them; booleans bool, or object with gaps; strings the string dtype; lists and objects as
    Python values), in order of first appearance."""
    if "fields" not in docs.columns:
        return docs
    raw = docs["fields"]
    docs = docs.drop(columns="fields")
    if raw.isna().all():
        return docs
    meta = pd.DataFrame([json.loads(s) if isinstance(s, str) else {} for s in raw], index=docs.index)
    for col in meta.columns:
        values = meta[col].dropna()
        if pd.api.types.is_object_dtype(meta[col].dtype) and len(values) and all(isinstance(v, str) for v in values):
            meta[col] = meta[col].astype(STR_DTYPE)
    return add_columns(docs, meta)


def add_columns(docs: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """``docs`` with the columns of ``meta`` (same rows) added: a name the documents table
    already uses replaces ours when ours is null in every row, else is kept as ``NAME_input``."""
    docs = docs.copy()
    for c in meta.columns:
        if c not in docs.columns or docs[c].isna().all():
            docs[c] = meta[c].set_axis(docs.index)
        else:
            docs[f"{c}_input"] = meta[c].set_axis(docs.index)
    return docs
