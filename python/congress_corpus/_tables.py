"""Columns from the Rust core -> pandas DataFrames with the dtypes of the data contract."""

from __future__ import annotations

import pandas as pd

# pandas 3 has a native string dtype with NaN for missing values; pandas 2 spells it "string".
STR_DTYPE = "str" if int(pd.__version__.split(".")[0]) >= 3 else "string"

LABELS = ["PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
          "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"]
LABEL_DTYPE = pd.CategoricalDtype(LABELS)

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
        elif pd.api.types.is_object_dtype(df[col].dtype) or str(df[col].dtype) in ("string", "large_string[pyarrow]", "string[pyarrow]"):
            df[col] = df[col].astype(STR_DTYPE)
    return df
