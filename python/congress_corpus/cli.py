"""`python -m congress_corpus`: load a corpus (the bundled sample by default), print a report
that fits a screen whatever the corpus size, and optionally write every table (Parquet, CSV or
JSONL). The place a new user starts."""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from pathlib import Path

import pandas as pd

from . import __version__, _core
from .corpus import SAMPLE, Corpus, load
from .extract import Extractor
from .summary import Summary, summarise


def _cell(value: object, width: int) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        s = "-"
    elif isinstance(value, pd.Timestamp):
        s = value.date().isoformat()
    else:
        s = str(value)
    return s if len(s) <= width else s[: width - 1] + "…"


#: Up to this many documents, the report lists them one per line; beyond, it summarises them.
LIST_DOCUMENTS = 20

#: Themes of the Congress whose statements the report lists by speaker.
THEMES = ("strategic autonomy", "breakthrough")



def report(corpus: Corpus, out=None, top: int = 5, themes: tuple[str, ...] = THEMES) -> None:
    """Print what ``corpus`` holds as a plain-text report that fits a screen at any size.

    A small corpus lists its documents; a large one is summarised: counts, date range, sources,
    errors by kind, the ``top`` entities of each label ("and K more"), the most repeated titles,
    and who said what about ``themes`` (the ``top`` speakers of each).

    >>> import congress_corpus as cc, io
    >>> out = io.StringIO(); report(cc.load(cc.SAMPLE), out)
    >>> out.getvalue().splitlines()[0].endswith("5 documents, 0 errors")
    True
    """
    # sys.stdout looked up now, not when the module was imported (it may have been replaced since).
    out = out or sys.stdout
    docs, errors = corpus.documents, corpus.errors
    s = summarise(corpus, top)
    w = out.write
    w(f"congress_corpus {__version__}: {len(docs):,} documents, {len(errors):,} errors\n\n")
    if len(docs) <= LIST_DOCUMENTS:
        cols = [("doc_id", 24), ("date", 10), ("dateline", 10), ("source", 9), ("n_words", 7), ("title", 44)]
        w("  ".join(name.ljust(width) for name, width in cols).rstrip() + "\n")
        for row in docs.itertuples(index=False):
            cells = [_cell(getattr(row, name), width).ljust(width) for name, width in cols]
            w("  ".join(cells).rstrip() + "\n")
        w("\n")
    w(f"{s.words:,} words in all; dated {s.date_range()}\n")
    if s.sources.items:
        w(_fill(f"Sources: {s.sources.text()}"))
    if s.titles.items:
        w(_fill(f"Most repeated titles: {s.titles.text()}"))
    if "mentions" in corpus.table_names:
        top_entities(corpus, out, n=top, summary=s)
    if "quotes" in corpus.table_names:
        who_said(corpus, themes, out, top=top)
    if len(errors):
        w(f"\nErrors ({len(errors):,}): {s.errors_by_kind.text()}\n")
        for row in errors.head(top).itertuples(index=False):
            state = "loaded" if row.loaded else "skipped"
            w(_cut(f"  {row.kind:<14} {state:<8} {row.path}: {row.message}") + "\n")
        if len(errors) > top:
            w(f"  and {len(errors) - top:,} more: see corpus.errors or --out\n")


def _fill(text: str) -> str:
    return textwrap.fill(text, WIDTH, subsequent_indent="    ") + "\n"


def _cut(text: str) -> str:
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


WIDTH = 100


def top_entities(corpus: Corpus, out=None, n: int = 5, summary: Summary | None = None) -> None:
    """Print the ``n`` most frequent entities of each label (by documents), and who holds which titles.

    >>> import congress_corpus as cc, io
    >>> out = io.StringIO(); top_entities(cc.load(cc.SAMPLE), out)
    >>> "Lê Hoài Trung" in out.getvalue()
    True
    """
    s = summary or summarise(corpus, n)
    out = out or sys.stdout
    w = out.write
    w(f"\n{s.mentions:,} mentions of {s.entities:,} entities; the most frequent of each label (documents):\n")
    for label, (count, top) in s.by_label.items():
        w(textwrap.fill(f"{label} {count:,}: {top.text()}", WIDTH, initial_indent="  ", subsequent_indent="      ") + "\n")
    roles = corpus.roles
    if len(roles):
        people = roles.groupby("person", sort=True)["role"].agg(lambda r: list(dict.fromkeys(r)))
        docs = roles.groupby("person")["doc_id"].nunique()
        shown = sorted(people.index, key=lambda p: (-docs[p], p))[:n]
        w(f"\nWho holds which titles ({len(people):,} people; the {len(shown)} in most documents):\n")
        for person in sorted(shown):
            w(_cut(f"  {person}: " + "; ".join(people[person])) + "\n")
        if len(people) > len(shown):
            w(f"  and {len(people) - len(shown):,} more: see corpus.roles\n")


def who_said(corpus: Corpus, phrases: tuple[str, ...] = THEMES, out=sys.stdout, top: int = 5) -> None:
    """Print who said what about ``phrases``: for each, the ``top`` speakers of the statements
    that contain it (most statements first), each with the first such statement, one line each.

    >>> import congress_corpus as cc, io
    >>> out = io.StringIO(); who_said(cc.load(cc.SAMPLE), ("strategic autonomy",), out)
    >>> print(out.getvalue().splitlines()[2])
    Who said what about "strategic autonomy" (3 statements by 3 speakers):
    """
    q = corpus.quotes
    w = out.write
    w(f"\n{len(q):,} statements attributed ({int((q.kind == 'direct').sum()):,} in quotation marks); "
      "by theme: speaker, cue, document: words\n")
    for phrase in phrases:
        hits = q[q.text.str.contains(phrase, case=False, regex=False)]
        speakers = hits.speaker.fillna("(unknown)")
        counts = speakers.value_counts()
        order = sorted(counts.index, key=lambda p: (-counts[p], p))
        w(_cut(f"Who said what about \"{phrase}\" ({len(hits):,} statements by {len(order):,} speakers):") + "\n")
        for speaker in order[:top]:
            r = hits[speakers == speaker].iloc[0]
            n = f" ({counts[speaker]} statements)" if counts[speaker] > 1 else ""
            w(_cut(f"  {speaker}{n}, {r.cue}, {r.doc_id}: {' '.join(r.text.split())}") + "\n")
        if len(order) > top:
            w(f"  and {len(order) - top:,} more speakers: see corpus.quotes\n")


FORMATS = ("parquet", "csv", "jsonl")


def write_tables(corpus: Corpus, out_dir: Path, fmt: str = "parquet") -> list[Path]:
    """Write each table of ``corpus`` to ``out_dir/<table>.<fmt>`` (parquet, csv or jsonl).

    >>> import congress_corpus as cc, tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     [p.name for p in write_tables(cc.load(cc.SAMPLE), pathlib.Path(d))]
    ['documents.parquet', 'errors.parquet', 'mentions.parquet', 'entities.parquet', 'roles.parquet', 'quotes.parquet']
    """
    if fmt not in FORMATS:
        raise ValueError(f"[E003] format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in corpus.table_names:
        path = out_dir / f"{name}.{fmt}"
        df = getattr(corpus, name)
        if fmt == "parquet":
            _parquet_safe(df).to_parquet(path, index=False)
        elif fmt == "csv":
            df.to_csv(path, index=False)
        else:
            df.to_json(path, orient="records", lines=True, date_format="iso", force_ascii=False)
        written.append(path)
    return written


def _parquet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with each object column that Parquet cannot type (a record field holding numbers in
    one file and text in another) written as text (JSON for what is not a string), rather than
    failing the whole write."""
    import pyarrow as pa

    bad = []
    for col in df.columns:
        if df[col].dtype == object:
            try:
                pa.array(df[col], from_pandas=True)
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                bad.append(col)
    if not bad:
        return df
    df = df.copy()
    for col in bad:
        df[col] = [None if v is None or (isinstance(v, float) and pd.isna(v)) else v if isinstance(v, str)
                   else json.dumps(v, ensure_ascii=False, default=str) for v in df[col]]
    return df


def _aliases(path: str) -> dict[str, str]:
    """An aliases file: a JSON object ``{"alias": "canonical"}``, or lines ``alias<TAB>canonical``."""
    text = Path(path).read_text(encoding="utf-8")
    if path.endswith(".json"):
        return dict(json.loads(text))
    out = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        alias, sep, canonical = line.partition("\t")
        if not sep:
            raise ValueError(f"[E004] {path}:{n}: expected alias<TAB>canonical name")
        out[alias.strip()] = canonical.strip()
    return out


# The names each record field is found by without an option, for --help (from the core).
_FIELD_HELP = {role: ", ".join(names[:4]) + (", ..." if len(names) > 4 else "") for role, names in _core.LoadOptions.FIELD_NAMES}


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m congress_corpus``; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m congress_corpus",
        description="Load news articles and report what is in them.",
    )
    parser.add_argument("paths", nargs="*", help="folders, files or globs (default: the bundled sample)")
    parser.add_argument("--version", action="version", version=f"congress_corpus {__version__}")
    parser.add_argument("--out", type=Path, help="write every table into this folder")
    parser.add_argument("--format", choices=FORMATS, default="parquet", help="file format of --out (default: parquet)")
    parser.add_argument("--top", type=int, default=5, metavar="N", help="entities, titles and sources listed per kind (default: 5)")
    parser.add_argument("--pattern", help="glob that files in folders must match, e.g. '2026/**/*.txt'")
    parser.add_argument("--patterns", metavar="FILE", help="extra names, spaCy EntityRuler JSONL")
    parser.add_argument("--aliases", metavar="FILE", help="alias<TAB>canonical lines, or a JSON object")
    for role, names in _FIELD_HELP.items():
        parser.add_argument(f"--{role}", metavar="FIELD", help=f"field of JSON/JSONL/CSV/TSV records holding the {role} (default: {names})")
    parser.add_argument("--zones", default="body", help="where to find mentions: body, title, caption, comma-separated (default: body)")
    parser.add_argument("--threads", type=int, default=None, help="threads to use (default: all cores)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="progress bar (default: on when stderr is a terminal)")
    parser.add_argument("--themes", nargs="+", default=list(THEMES), metavar="PHRASE",
                        help="list who said what about these phrases (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.top < 1:
        parser.error("--top must be at least 1")
    if args.out is not None and args.out.exists() and not args.out.is_dir():
        print(f"error: --out {args.out} is a file; give a folder to write the tables into", file=sys.stderr)
        return 2
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    try:
        extractor = None
        if args.patterns or args.aliases:
            extractor = Extractor(patterns=args.patterns, aliases=_aliases(args.aliases) if args.aliases else None)
        corpus = load(args.paths or [SAMPLE], pattern=args.pattern, n_threads=args.threads, progress=progress,
                      extractor=extractor, text=args.text, id=args.id, date=args.date, title=args.title,
                      zones=[z.strip() for z in args.zones.split(",") if z.strip()])
    except (FileNotFoundError, ValueError, TypeError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    try:
        report(corpus, top=args.top, themes=tuple(args.themes))
        if args.out is not None:
            for path in write_tables(corpus, args.out, args.format):
                print(f"wrote {path}")
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`| head`): as with any Unix tool, stop quietly. stdout is pointed
        # at /dev/null so that the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
