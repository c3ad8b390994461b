"""Generate a scaled corpus from the seeds, deterministically from a seed number.

Articles are made by shuffling the seeds' paragraphs across articles and substituting people
(new Vietnamese names built from the shipped surname list), places (from the shipped places
gazetteer) and dates, so that caches, aliases and canonicalisation work as on real coverage.
Each article gets one of the seeds' header styles (date marker, dateline, credits, captions,
Related News tail).

    python bench/generate.py /tmp/corpus --files 10000 --seed 1          # ~50 MB of .txt
    python bench/generate.py /tmp/corpus.jsonl --files 10000 --jsonl     # the same as JSONL
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


def article(rng: random.Random, pools) -> tuple[str, str]:
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
    marker = f" date {date} " if rng.random() < 0.6 else ""
    text = marker + rng.choice(DATELINES) + "\n\n".join(body) + rng.choice(CREDITS)
    if rng.random() < 0.3:
        text += "\n\nRelated News\n\n" + rng.choice(paragraphs)
    return date, text


def generate(out: Path, files: int, seed: int = 1, jsonl: bool = False) -> int:
    """Write ``files`` articles under ``out`` (a folder, or a .jsonl file); returns bytes written."""
    rng = random.Random(seed)
    pools = _pools()
    total = 0
    if jsonl:
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "w", encoding="utf-8") as f:
            for i in range(files):
                date, text = article(rng, pools)
                line = json.dumps({"id": f"a{i:06d}", "date": date, "text": text}, ensure_ascii=False)
                f.write(line + "\n")
                total += len(line.encode()) + 1
        return total
    for i in range(files):
        sub = out / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        _, text = article(rng, pools)
        data = text.encode("utf-8")
        (sub / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jsonl", action="store_true")
    a = ap.parse_args()
    n = generate(a.out, a.files, a.seed, a.jsonl)
    print(f"wrote {a.files} articles, {n / 1e6:.1f} MB, to {a.out}")


if __name__ == "__main__":
    main()
