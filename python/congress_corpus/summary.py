"""What a corpus holds, in a few numbers and top-N lists: the facts behind the CLI report and the
notebook card (`Corpus._repr_html_`), computed once so the two never disagree."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

from ._tables import LABELS


@dataclass
class Top:
    """The ``n`` most frequent items of a list, and how many other distinct items there are."""

    items: list[tuple[str, int]]
    more: int

    @classmethod
    def of(cls, counts: pd.Series, n: int) -> Top:
        counts = counts[counts > 0]
        # Most frequent first; ties by name, so the report is the same on every run.
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
        return cls([(str(k), int(v)) for k, v in ordered[:n]], max(0, len(ordered) - n))

    def text(self) -> str:
        s = ", ".join(f"{name} ({count:,})" for name, count in self.items)
        return s + (f", and {self.more:,} more" if self.more else "")


@dataclass
class Summary:
    documents: int
    errors: int
    words: int
    first_date: pd.Timestamp | None
    last_date: pd.Timestamp | None
    dated: int
    sources: Top
    errors_by_kind: Top
    titles: Top
    mentions: int | None = None
    entities: int | None = None
    #: label -> (distinct entities, the top ones by documents they appear in)
    by_label: dict[str, tuple[int, Top]] = field(default_factory=dict)

    def date_range(self) -> str:
        if self.first_date is None or self.last_date is None:
            return "no dates"
        return f"{self.first_date.date()} to {self.last_date.date()} ({self.dated:,} of {self.documents:,} documents dated)"


def summarise(corpus, top: int = 5) -> Summary:
    """The counts, date range, sources, errors by kind, top titles and top entities of each label.

    >>> import congress_corpus as cc
    >>> s = summarise(cc.load(cc.SAMPLE), top=2)
    >>> s.documents, s.errors, s.by_label["PERSON"][1].items[0][0]
    (5, 0, 'Lê Hoài Trung')
    """
    docs, errors = corpus.documents, corpus.errors
    dates = docs["date"].dropna()
    sources = docs["source"].dropna().str.split("/").explode()
    titles = docs["title"].dropna()
    s = Summary(
        documents=len(docs),
        errors=len(errors),
        words=int(docs["n_words"].sum()) if len(docs) else 0,
        first_date=dates.min() if len(dates) else None,
        last_date=dates.max() if len(dates) else None,
        dated=len(dates),
        sources=Top.of(sources.value_counts(), top),
        errors_by_kind=Top.of(errors["kind"].value_counts(), top),
        titles=Top.of(titles[titles.duplicated(keep=False)].value_counts(), top),
    )
    if "mentions" in corpus.table_names:
        e = corpus.entities
        s.mentions, s.entities = corpus._n_rows("mentions"), len(e)
        for label in LABELS:
            rows = e[e["label"] == label]
            if len(rows):
                counts = pd.Series(rows["n_docs"].to_numpy(), index=rows["canonical"].to_numpy())
                counts = counts.groupby(level=0).sum()
                s.by_label[label] = (len(rows), Top.of(counts, top))
    return s


def html_card(corpus, top: int = 5) -> str:
    """The notebook card: documents, date range, sources, errors, top entities (escaped HTML)."""
    s = summarise(corpus, top)
    esc = html.escape
    rows = [("documents", f"{s.documents:,} ({s.words:,} words)"), ("dates", s.date_range())]
    if s.sources.items:
        rows.append(("sources", s.sources.text()))
    rows.append(("errors", f"{s.errors:,}" + (f": {s.errors_by_kind.text()}" if s.errors else "")))
    if s.mentions is not None:
        rows.append(("mentions", f"{s.mentions:,} of {s.entities:,} entities"))
        for label in ("PERSON", "ORG", "GPE", "EVENT", "LAW"):
            if label in s.by_label:
                rows.append((label, s.by_label[label][1].text()))
    body = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{esc(k)}</th><td style='text-align:left'>{esc(v)}</td></tr>"
                   for k, v in rows)
    return (f"<div style='border:1px solid #ccc;border-radius:4px;padding:6px 10px;display:inline-block'>"
            f"<b>Corpus</b><table style='margin-top:4px'>{body}</table></div>")
