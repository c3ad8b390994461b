"""Time per MB of extraction on hostile text, at two sizes per pattern: linear time shows as the
same seconds per MB at both sizes (a quadratic cost doubles it). The anchor, measured in the
same run, is ordinary article text (the seeds repeated to the same sizes).

    python bench/hostile.py            # 1 and 4 MB per pattern (about a minute)
    python bench/hostile.py --mb 2 8
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import congress_corpus as cc

PATTERNS = {
    "places": "Hanoi ",
    "people": "Tô Lâm ",
    "comma list": "To Lam, ",
    "documents": "Resolution No. ",
    "U+2028": "Hanoi\u2028",
    "U+00A0": "Tô Lâm\u00a0",
    "short refs": "Lê Hoài Trung Trung ",
    "lone Party": "Party ",
    "abbreviations": "Communist Party of Vietnam (CPV) CPV ",
    "congress run": "14th National Party Congress of CPV of Xi and the Congress and ",
}


def seconds_per_mb(text: str) -> float:
    mb = len(text.encode()) / 1e6
    start = time.perf_counter()
    cc.extract([text], n_threads=1)
    return (time.perf_counter() - start) / mb


def sized(unit: str, mb: float) -> str:
    return unit * max(1, int(mb * 1e6) // len(unit.encode()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, nargs=2, default=[1.0, 4.0], help="the two sizes, in MB")
    args = ap.parse_args()
    small, large = args.mb
    cc.extract(["warm-up: Hanoi, 2026."])  # the rules' automata are built on first use
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")))
    anchor = seconds_per_mb(sized(seeds + "\n\n", large))
    print(f"{'pattern':<16}{'s/MB at ' + str(small):>14}{'s/MB at ' + str(large):>14}{'growth':>9}{'vs articles':>13}")
    print(f"{'articles':<16}{seconds_per_mb(sized(seeds + chr(10) * 2, small)):>14.3f}{anchor:>14.3f}{'':>9}{'1.0x':>13}")
    for name, unit in PATTERNS.items():
        a, b = seconds_per_mb(sized(unit, small)), seconds_per_mb(sized(unit, large))
        print(f"{name:<16}{a:>14.3f}{b:>14.3f}{b / a:>8.2f}x{b / anchor:>12.1f}x")
    print(f"\ngrowth: seconds per MB at {large:g} MB over {small:g} MB (1.0 = linear; quadratic would be {large / small:g})")


if __name__ == "__main__":
    main()
