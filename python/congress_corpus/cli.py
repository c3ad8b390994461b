"""`python -m congress_corpus`: load a corpus (the bundled sample by default), print a short
report, and optionally write every table as Parquet. The place a new user starts."""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from pathlib import Path

import pandas as pd

from . import __version__
from .corpus import SAMPLE, Corpus, load


def _cell(value: object, width: int) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        s = "-"
    elif isinstance(value, pd.Timestamp):
        s = value.date().isoformat()
    else:
        s = str(value)
    return s if len(s) <= width else s[: width - 1] + "…"


#: Themes of the Congress whose statements the report lists by speaker.
THEMES = ("strategic autonomy", "breakthrough")


def report(corpus: Corpus, out=sys.stdout, themes: tuple[str, ...] = THEMES) -> None:
    """Print the documents and errors of ``corpus`` as a short plain-text report.

    >>> import congress_corpus as cc, io
    >>> out = io.StringIO(); report(cc.load(cc.SAMPLE), out)
    >>> out.getvalue().splitlines()[0].endswith("5 documents, 0 errors")
    True
    """
    docs, errors = corpus.documents, corpus.errors
    w = out.write
    w(f"congress_corpus {__version__}: {len(docs)} documents, {len(errors)} errors\n\n")
    cols = [("doc_id", 24), ("date", 10), ("dateline", 10), ("source", 9), ("n_words", 7), ("title", 44)]
    w("  ".join(name.ljust(width) for name, width in cols).rstrip() + "\n")
    for row in docs.itertuples(index=False):
        cells = [_cell(getattr(row, name), width).ljust(width) for name, width in cols]
        w("  ".join(cells).rstrip() + "\n")
    total_words = int(docs["n_words"].sum()) if len(docs) else 0
    w(f"\n{total_words} words in all")
    if len(docs):
        dates = docs["date"].dropna()
        if len(dates):
            w(f"; dated {dates.min().date()} to {dates.max().date()} ({len(dates)} of {len(docs)} documents)")
    w("\n")
    if "mentions" in corpus.table_names:
        top_entities(corpus, out)
    if "quotes" in corpus.table_names:
        who_said(corpus, themes, out)
    if len(errors):
        w(f"\nErrors ({len(errors)}):\n")
        for row in errors.itertuples(index=False):
            state = "loaded" if row.loaded else "skipped"
            w(f"  {row.kind:<14} {state:<8} {row.path}\n")
            w(textwrap.indent(textwrap.fill(str(row.message), 90), " " * 26) + "\n")


def top_entities(corpus: Corpus, out=sys.stdout, n: int = 8) -> None:
    """Print the most-mentioned people, organisations and places, and who holds which titles.

    >>> import congress_corpus as cc, io
    >>> out = io.StringIO(); top_entities(cc.load(cc.SAMPLE), out)
    >>> "Lê Hoài Trung" in out.getvalue()
    True
    """
    e = corpus.entities
    w = out.write
    w(f"\n{len(corpus.mentions)} mentions of {len(e)} entities\n")
    for title, labels in (("People", ["PERSON"]), ("Organisations", ["ORG"]), ("Places", ["GPE", "LOC", "FAC"]),
                          ("Events and documents", ["EVENT", "LAW"])):
        rows = e[e.label.isin(labels)].sort_values(["n_docs", "n_mentions", "entity_id"], ascending=[False, False, True]).head(n)
        if not len(rows):
            continue
        w(f"\n{title} (documents, mentions):\n")
        for r in rows.itertuples(index=False):
            w(f"  {r.n_docs:>3} {r.n_mentions:>4}  {r.canonical}\n")
    roles = corpus.roles
    if len(roles):
        w("\nWho holds which titles:\n")
        for person, g in roles.groupby("person", sort=True):
            titles = list(dict.fromkeys(g.role))
            w(textwrap.fill(f"{person}: " + "; ".join(titles), 96, subsequent_indent="    ", initial_indent="  ") + "\n")


def who_said(corpus: Corpus, phrases: tuple[str, ...] = THEMES, out=sys.stdout, width: int = 96) -> None:
    """Print who said what about ``phrases``: each statement that contains one, by speaker.

    >>> import congress_corpus as cc, io
    >>> out = io.StringIO(); who_said(cc.load(cc.SAMPLE), ("strategic autonomy",), out)
    >>> print(out.getvalue().splitlines()[2])
    Who said what about "strategic autonomy" (3 statements; speaker, cue, document):
    """
    q = corpus.quotes
    w = out.write
    w(f"\n{len(q)} statements attributed ({(q.kind == 'direct').sum()} in quotation marks)\n")
    for phrase in phrases:
        hits = q[q.text.str.contains(phrase, case=False, regex=False)]
        w(f"Who said what about \"{phrase}\" ({len(hits)} statements; speaker, cue, document):\n")
        for speaker, g in hits.groupby(hits.speaker.fillna("(unknown)"), sort=True):
            for r in g.itertuples(index=False):
                words = " ".join(r.text.split())
                w(textwrap.fill(f"{speaker}, {r.cue}, {r.doc_id}: {words}", width, initial_indent="  ",
                                subsequent_indent="      ", max_lines=3, placeholder=" …") + "\n")


def write_parquet(corpus: Corpus, out_dir: Path) -> list[Path]:
    """Write each table of ``corpus`` to ``out_dir/<table>.parquet``; returns the paths written.

    >>> import congress_corpus as cc, tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     [p.name for p in write_parquet(cc.load(cc.SAMPLE), pathlib.Path(d))]
    ['documents.parquet', 'errors.parquet', 'mentions.parquet', 'entities.parquet', 'roles.parquet', 'quotes.parquet']
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in corpus.table_names:
        path = out_dir / f"{name}.parquet"
        getattr(corpus, name).to_parquet(path, index=False)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m congress_corpus``; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m congress_corpus",
        description="Load news articles and report what is in them.",
    )
    parser.add_argument("paths", nargs="*", help="folders, files or globs (default: the bundled sample)")
    parser.add_argument("--out", type=Path, help="write every table as Parquet into this folder")
    parser.add_argument("--threads", type=int, default=None, help="threads to use (default: all cores)")
    parser.add_argument("--progress", action="store_true", help="show a progress bar")
    parser.add_argument("--themes", nargs="+", default=list(THEMES), metavar="PHRASE",
                        help="list the statements that contain these phrases, by speaker (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        corpus = load(args.paths or [SAMPLE], n_threads=args.threads, progress=args.progress)
    except (FileNotFoundError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    try:
        report(corpus, themes=tuple(args.themes))
        if args.out is not None:
            for path in write_parquet(corpus, args.out):
                print(f"wrote {path}")
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`| head`): as with any Unix tool, stop quietly. stdout is pointed
        # at /dev/null so that the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
