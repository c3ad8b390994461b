"""An HTML view of one document with its entities highlighted by label, in the spirit of
spaCy's displaCy, for notebooks."""

from __future__ import annotations

import html

import pandas as pd

# One colour per label, close to displaCy's so spaCy users read it at a glance.
COLOURS = {
    "PERSON": "#aa9cfc", "NORP": "#c887fb", "FAC": "#9cc9cc", "ORG": "#7aecec", "GPE": "#feca74",
    "LOC": "#ff9561", "PRODUCT": "#bfeeb7", "EVENT": "#ffeb80", "WORK_OF_ART": "#f0d0ff", "LAW": "#ff8197",
    "LANGUAGE": "#ff8197", "DATE": "#bfe1d9", "TIME": "#bfe1d9", "PERCENT": "#e4e7d2", "MONEY": "#e4e7d2",
    "QUANTITY": "#e4e7d2", "ORDINAL": "#e4e7d2", "CARDINAL": "#e4e7d2",
}


class HTML(str):
    """A string that Jupyter displays as HTML."""

    def _repr_html_(self) -> str:
        return str(self)


def render_text(text: str, mentions: pd.DataFrame, title: str | None = None) -> HTML:
    """HTML for ``text`` with ``mentions`` (start, end, label[, canonical]) highlighted.

    >>> import congress_corpus as cc
    >>> m = cc.extract(["Tô Lâm visited Hà Nội."])
    >>> "<mark" in render_text("Tô Lâm visited Hà Nội.", m)
    True
    """
    parts = []
    pos = 0
    for row in mentions.sort_values("start").itertuples(index=False):
        if row.start < pos:
            continue
        parts.append(html.escape(text[pos:row.start]))
        colour = COLOURS.get(str(row.label), "#ddd")
        tip = html.escape(str(getattr(row, "canonical", "") or ""), quote=True)
        value = getattr(row, "value", None)
        if isinstance(value, str):
            tip += html.escape(f" = {value}", quote=True)
        parts.append(
            f'<mark title="{tip}" style="background:{colour};padding:0.1em 0.3em;border-radius:0.3em;line-height:2">'
            f"{html.escape(text[row.start:row.end])}"
            f'<span style="font-size:0.7em;font-weight:bold;margin-left:0.4em;text-transform:uppercase">{row.label}</span></mark>'
        )
        pos = row.end
    parts.append(html.escape(text[pos:]))
    body = "".join(parts).replace("\n\n", "</p><p>").replace("\n", "<br>")
    head = f"<h3>{html.escape(title)}</h3>" if title else ""
    return HTML(f'<div style="font-family:sans-serif;line-height:1.6;max-width:60em">{head}<p>{body}</p></div>')


def render(corpus, doc_id: str) -> HTML:
    """One document of ``corpus`` with its entities highlighted (hover for canonical names and values).

    >>> import congress_corpus as cc
    >>> corpus = cc.load(cc.SAMPLE)
    >>> view = cc.render(corpus, "000_b223d5d76dda60ac")   # displays as HTML in Jupyter
    >>> "Lê Hoài Trung" in view and "PERSON" in view
    True
    """
    docs = corpus.documents
    row = docs[docs.doc_id == doc_id]
    if row.empty:
        raise KeyError(f"no document {doc_id!r} in this corpus")
    row = row.iloc[0]
    m = corpus.mentions
    title = row.title if isinstance(row.title, str) else doc_id
    return render_text(row.text, m[m.doc_id == doc_id], title=title)
