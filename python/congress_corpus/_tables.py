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

_SCHEMAS: dict[str, dict[str, str]] = {
    "documents": {"doc_id": "str", "path": "str", "title": "str", "date": "date", "dateline": "str",
                  "source": "str", "url": "str", "text": "str", "n_chars": "int", "n_words": "int",
                  "n_sentences": "int", "sha256": "str", "captions": "list", "related": "str"},
    "errors": {"path": "str", "kind": "str", "message": "str", "loaded": "bool"},
    "mentions": {"doc_id": "str", "sentence": "pos", "start": "pos", "end": "pos", "text": "str",
                 "label": "label", "entity_id": "str", "canonical": "str", "value": "str", "unit": "str",
                 "value_num": "float", "date_start": "date", "date_end": "date"},
    "entities": {"entity_id": "str", "label": "label", "canonical": "str", "aliases": "list",
                 "n_mentions": "int", "n_docs": "int", "first_date": "date", "last_date": "date"},
    "roles": {"doc_id": "str", "sentence": "pos", "start": "pos", "end": "pos", "person_entity_id": "str",
              "person": "str", "role": "str", "org_entity_id": "str"},
    "quotes": {"doc_id": "str", "sentence": "pos", "start": "pos", "end": "pos", "text": "str", "kind": "str",
               "speaker_entity_id": "str", "speaker": "str", "speaker_start": "opt_pos", "speaker_end": "opt_pos", "cue": "str"},
}


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


def frame(name: str, cols: dict[str, list]) -> pd.DataFrame:
    """The ``name`` table from its columns, with contract dtypes."""
    schema = _SCHEMAS[name]
    data = {}
    for col, kind in schema.items():
        values = cols[col]
        if kind == "str":
            data[col] = pd.Series(values, dtype=STR_DTYPE)
        elif kind == "int":
            data[col] = pd.Series(values, dtype="int64")
        elif kind == "float":
            data[col] = pd.Series(values, dtype="float64")
        elif kind == "pos":  # sentence indices and offsets: int32, as the core builds them
            data[col] = pd.Series(values, dtype="int32")
        elif kind == "opt_pos":
            data[col] = pd.Series(values, dtype="Int32")
        elif kind == "bool":
            data[col] = pd.Series(values, dtype=bool)
        elif kind == "date":
            data[col] = pd.Series(pd.to_datetime(pd.Series(values, dtype=object), format="%Y-%m-%d")).astype("datetime64[s]")
        elif kind == "label":
            data[col] = pd.Series(values, dtype=LABEL_DTYPE)
        else:
            data[col] = pd.Series(values, dtype=object)
    return pd.DataFrame(data)
