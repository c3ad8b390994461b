"""Normalised values (SPEC: ISO 8601 dates resolved against the document date; plain decimals
and units), on sentences written for the test. Expected values are worked out by hand: the
document date is Thursday 2026-01-08 unless a case says otherwise."""

from __future__ import annotations

import pandas as pd
import pytest

import congress_corpus as cc

DOC_DATE = "2026-01-08"  # a Thursday

CASES = [
    # (sentence, mention text, label, value, unit)
    ("It was adopted on 2026-01-08.", "2026-01-08", "DATE", "2026-01-08", None),
    ("They met on January 7.", "January 7", "DATE", "2026-01-07", None),
    ("They met on Jan. 23.", "Jan. 23", "DATE", "2026-01-23", None),
    ("They met on 23 January 2026.", "23 January 2026", "DATE", "2026-01-23", None),
    ("They met on January 23, 2026.", "January 23, 2026", "DATE", "2026-01-23", None),
    ("It ran from January 19 to January 23.", "January 19 to January 23", "DATE", "2026-01-19/2026-01-23", None),
    ("It ran 19–23 January.", "19–23 January", "DATE", "2026-01-19/2026-01-23", None),
    ("It ran from 19 to 25 January.", "19 to 25 January", "DATE", "2026-01-19/2026-01-25", None),
    ("The term (2021–26) ended.", "2021–26", "DATE", "2021/2026", None),
    ("The plan for 2026–2030 was set.", "2026–2030", "DATE", "2026/2030", None),
    ("The Party's history (1930–2030) was told.", "1930–2030", "DATE", "1930/2030", None),
    ("Voting for the 2026–2031 term began.", "2026–2031", "DATE", "2026/2031", None),
    ("Voting for the 226–2031 term began.", "226–2031", "DATE", None, None),
    ("It started in October 2025.", "October 2025", "DATE", "2025-10", None),
    ("The committee met on Wednesday.", "Wednesday", "DATE", "2026-01-07", None),
    ("The committee met on Thursday.", "Thursday", "DATE", "2026-01-08", None),
    ("It grew last year.", "last year", "DATE", "2025", None),
    ("It opens next month.", "next month", "DATE", "2026-02", None),
    ("It opens in early 2026.", "early 2026", "DATE", "2026", None),
    ("It was set in mid-2024.", "mid-2024", "DATE", "2024", None),
    ("It marked 40 years of renewal.", "40 years", "DATE", "P40Y", None),
    ("After five days of work it closed.", "five days", "DATE", "P5D", None),
    ("The 15-year review ended.", "15-year", "DATE", "P15Y", None),
    ("A vision for the next 100 years.", "the next 100 years", "DATE", "P100Y", None),
    ("It reached 31,097 sites.", "31,097", "CARDINAL", "31097", None),
    ("More than 1.9 million people watched.", "1.9 million", "CARDINAL", "1900000", None),
    ("About 5.6 million voted.", "5.6 million", "CARDINAL", "5600000", None),
    ("It has three parts.", "three", "CARDINAL", "3", None),
    ("It has twenty-five parts.", "twenty-five", "CARDINAL", "25", None),
    ("It was the first time.", "first", "ORDINAL", "1", None),
    ("Coverage reached 90% of people.", "90%", "PERCENT", "90", None),
    ("Exports rose 10 percent.", "10 percent", "PERCENT", "10", None),
    ("Remittances were 15 billion USD.", "15 billion USD", "MONEY", "15000000000", "USD"),
    ("Investment reached US$1.7 billion.", "US$1.7 billion", "MONEY", "1700000000", "USD"),
    ("The budget is VND 100 trillion.", "VND 100 trillion", "MONEY", "100000000000000", "VND"),
    ("It raised $2 million.", "$2 million", "MONEY", "2000000", "USD"),
    ("The network spans 30,000 km.", "30,000 km", "QUANTITY", "30000", "km"),
    ("The plant makes 500 MW.", "500 MW", "QUANTITY", "500", "MW"),
]


@pytest.mark.parametrize("sentence, text, label, value, unit", CASES)
def test_value(sentence, text, label, value, unit):
    m = cc.extract([sentence], dates=[DOC_DATE])
    rows = m[m.text == text]
    assert len(rows) == 1, m[["text", "label", "value"]].values.tolist()
    row = rows.iloc[0]
    assert str(row.label) == label
    assert (None if pd.isna(row.value) else row.value) == value
    assert (None if pd.isna(row.unit) else row.unit) == unit


def test_year_comes_from_a_full_date_in_the_document_when_undated():
    m = cc.extract(["The congress ran from January 19 to January 23. Directive No. 1 is dated January 23, 2026."])
    assert m[m.text == "January 19 to January 23"].value.tolist() == ["2026-01-19/2026-01-23"]


def test_unresolvable_dates_stay_null():
    m = cc.extract(["They met on Friday and again on January 26."])
    assert m[m.label == "DATE"].value.isna().all()
    assert set(m.text) >= {"Friday", "January 26"}


TYPED = [
    # (sentence, mention text, value_num, date_start, date_end), worked out by hand; doc date 2026-01-08
    ("About 1.9 million people voted.", "1.9 million", 1_900_000.0, None, None),
    ("Growth reached 6.5% last year.", "6.5%", 6.5, None, None),
    ("It raised 15 billion USD.", "15 billion USD", 15e9, None, None),
    ("It was adopted on 2026-01-08.", "2026-01-08", None, "2026-01-08", "2026-01-08"),
    ("It started in October 2025.", "October 2025", None, "2025-10-01", "2025-10-31"),
    ("The term (2021–26) ended.", "2021–26", None, "2021-01-01", "2026-12-31"),
    ("It ran 19–23 January.", "19–23 January", None, "2026-01-19", "2026-01-23"),
    ("The committee met on Wednesday.", "Wednesday", None, "2026-01-07", "2026-01-07"),
]


@pytest.mark.parametrize(("sentence", "text", "num", "first", "last"), TYPED)
def test_typed_values(sentence, text, num, first, last):
    m = cc.extract([sentence], dates=[DOC_DATE])
    row = m[m.text == text]
    assert len(row) == 1, m[["text", "label", "value"]]
    row = row.iloc[0]
    assert (pd.isna(row.value_num) if num is None else row.value_num == num), row.value_num
    for got, want in ((row.date_start, first), (row.date_end, last)):
        assert (pd.isna(got) if want is None else got == pd.Timestamp(want)), (got, want)


def test_typed_value_dtypes_and_durations_are_nat():
    m = cc.extract(["The Party has led for 40 years and 3 ministers spoke."], dates=[DOC_DATE])
    assert str(m.value_num.dtype) == "float64"
    assert str(m.date_start.dtype) == str(m.date_end.dtype) == "datetime64[s]"
    years = m[m.value == "P40Y"].iloc[0]
    assert pd.isna(years.date_start) and pd.isna(years.date_end) and pd.isna(years.value_num)
    assert m[m.label == "CARDINAL"].value_num.tolist() == [3.0]
