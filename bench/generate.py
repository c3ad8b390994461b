"""Generate a scaled corpus from the seeds, deterministically from a seed number.

Articles are made by shuffling the seeds' paragraphs across articles and substituting people
(new Vietnamese names built from the shipped surname list), places (from the shipped places
gazetteer) and dates, so that caches, aliases and canonicalisation work as on real coverage.
Each article gets one of the seeds' header styles (date marker, dateline, credits, captions,
Related News tail).

    python bench/generate.py /tmp/corpus --files 10000 --seed 1          # ~50 MB of .txt
    python bench/generate.py /tmp/corpus.jsonl --files 10000 --jsonl     # the same as JSONL
    python bench/generate.py /tmp/dups --files 10000 --duplicates 0.1    # plus planted near-duplicates
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

DATELINES = ["HÀ NỘI — ", "Hanoi (VNA) - ", "HANOI, Vietnam (AP) — ", "HANOI, Jan 20 (Reuters) – ", "Vientiane (VNA) - ", "HÀ NỘI – ", ""]
CREDITS = [" VNS", " — VNA/VNS", "./.", "\nVNA", " (Source: VNA)", "\n(Reporting by Khanh Vu; Editing by Ed Davies)", ""]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
# Any month, not just the seeds' January and February, so that other outlets' seeds vary too.
_MONTH_DAY = re.compile(rf"\b({'|'.join(MONTHS)}) (\d{{1,2}})\b")


def _pools():
    import congress_corpus as cc

    seeds = sorted((REPO / "seeds").glob("*.txt"))
    paragraphs = []
    for p in seeds:
        for line in p.read_text(encoding="utf-8").split("\n"):
            line = re.sub(r"^\s*date \d{4}-\d\d-\d\d\s*", "", line).strip()
            if len(line) > 120 and "Photo" not in line:
                paragraphs.append(line)
    corpus = cc.load(REPO / "seeds")
    m = corpus.mentions
    people = sorted(set(m[(m.label == "PERSON") & (m.text.str.count(" ") >= 1)].text))
    surnames = [l.strip() for l in (REPO / "src/data/surnames.txt").read_text(encoding="utf-8").splitlines()
                if l.strip() and not l.startswith("#")][:60]
    places = [l.split("\t")[1] for l in (REPO / "src/data/places.tsv").read_text(encoding="utf-8").splitlines()
              if l.startswith("GPE\t")]
    seed_places = sorted(set(m[m.label == "GPE"].text) - {"Việt Nam", "Vietnam"})
    return paragraphs, people, surnames, places, seed_places


def _name(rng: random.Random, surnames: list[str]) -> str:
    syll = ["Văn", "Thị", "Minh", "Hoài", "Thanh", "Quốc", "Đức", "Thu", "Hải", "Lan", "Hùng", "Dũng", "Tâm", "Phương", "Long"]
    return f"{rng.choice(surnames)} {rng.choice(syll)} {rng.choice(syll)}"


def _story(rng: random.Random, pools) -> tuple[str, list[str]]:
    """A date and the body paragraphs of a new article."""
    paragraphs, people, surnames, places, seed_places = pools
    swap_people = {p: _name(rng, surnames) for p in people if rng.random() < 0.7}
    swap_places = {p: rng.choice(places) for p in seed_places if rng.random() < 0.5}
    body = []
    for _ in range(rng.randint(9, 17)):
        para = rng.choice(paragraphs)
        for old, new in {**swap_people, **swap_places}.items():
            para = para.replace(old, new)
        para = _MONTH_DAY.sub(lambda m: f"{rng.choice(MONTHS)} {rng.randint(1, 28)}", para)
        body.append(para)
    date = f"2026-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
    return date, body


def _dress(rng: random.Random, date: str, body: list[str], paragraphs: list[str]) -> str:
    """The file text of a body: one of the seeds' header styles, a credit, a Related News tail."""
    marker = f" date {date} " if rng.random() < 0.6 else ""
    text = marker + rng.choice(DATELINES) + "\n\n".join(body) + rng.choice(CREDITS)
    if rng.random() < 0.3:
        text += "\n\nRelated News\n\n" + rng.choice(paragraphs)
    return text


def article(rng: random.Random, pools) -> tuple[str, str]:
    date, body = _story(rng, pools)
    return date, _dress(rng, date, body, pools[0])


_ASCII = {"“": '"', "”": '"', "’": "'", "‘": "'", "—": "-", "–": "-", "Việt Nam": "Vietnam", "Hà Nội": "Hanoi"}


def syndicated(rng: random.Random, date: str, body: list[str], pools) -> str:
    """Another outlet's copy of a story: its own headline, dateline and credit, a paragraph
    dropped or added, and (half the time) ASCII typography with `Vietnam` and `Hanoi`."""
    paras = list(body)
    if rng.random() < 0.5 and len(paras) > 9:
        del paras[rng.randrange(len(paras))]
    if rng.random() < 0.5:
        paras.insert(rng.randrange(len(paras) + 1), rng.choice(pools[0]))
    if rng.random() < 0.5:
        for old, new in _ASCII.items():
            paras = [p.replace(old, new) for p in paras]
    headline = " ".join(rng.choice(paras).split()[:rng.randint(6, 11)]).rstrip(",.;:")
    return headline + "\n\n" + _dress(rng, date, paras, pools[0])


def same_event(rng: random.Random, date: str, body: list[str], pools) -> str:
    """A different story on the same event: two of the story's paragraphs, the rest its own."""
    _, own = _story(rng, pools)
    return _dress(rng, date, rng.sample(body, 2) + own[: rng.randint(7, 10)], pools[0])


def _articles(files: int, seed: int, duplicates: float):
    """(name, date, text) of `files` articles and, after a `duplicates` fraction of them, a
    syndicated copy and a different story on the same event (named `_copy`, `_other`). The
    plants draw from their own random stream, so the articles are the same with or without."""
    rng, plant = random.Random(seed), random.Random(seed + 1_000_003)
    pools = _pools()
    for i in range(files):
        date, body = _story(rng, pools)
        yield f"{i:06d}", date, _dress(rng, date, body, pools[0])
        if duplicates and plant.random() < duplicates:
            yield f"{i:06d}_copy", date, syndicated(plant, date, body, pools)
            yield f"{i:06d}_other", date, same_event(plant, date, body, pools)


def generate(out: Path, files: int, seed: int = 1, jsonl: bool = False, duplicates: float = 0.0) -> int:
    """Write ``files`` articles under ``out`` (a folder, or a .jsonl file), with planted copies
    after a ``duplicates`` fraction of them; returns bytes written."""
    total = 0
    if jsonl:
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "w", encoding="utf-8") as f:
            for name, date, text in _articles(files, seed, duplicates):
                line = json.dumps({"id": f"a{name}", "date": date, "text": text}, ensure_ascii=False)
                f.write(line + "\n")
                total += len(line.encode()) + 1
        return total
    for name, _, text in _articles(files, seed, duplicates):
        sub = out / f"{int(name[:6]) // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (sub / f"{name}.txt").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jsonl", action="store_true")
    ap.add_argument("--duplicates", type=float, default=0.0,
                    help="fraction of articles followed by a syndicated copy and a different story on the same event")
    a = ap.parse_args()
    n = generate(a.out, a.files, a.seed, a.jsonl, a.duplicates)
    print(f"wrote {a.files} articles, {n / 1e6:.1f} MB, to {a.out}")


if __name__ == "__main__":
    main()
