"""Check the development set: every text present with its manifest sha256, no reserved URL.

    python bench/realdev/check.py            # the 60 articles
    python bench/realdev/check.py heldout    # the 16 annotated blind on 2026-12-05
    python bench/realdev/check.py blind      # the 20 annotated blind on 2026-12-06
    python bench/realdev/check.py blind2     # 20 more, annotated blind later that day, errors unread
"""
import hashlib
import json
import sys
from pathlib import Path

BASE = Path(__file__).resolve().parent
RESERVED = BASE.parents[2] / "shared" / "reserved_urls.sha256"


def main() -> int:
    here = BASE / sys.argv[1] if len(sys.argv) > 1 else BASE
    manifest = [json.loads(l) for l in open(here / "manifest.jsonl", encoding="utf-8") if l.strip()]
    gold_ids = [json.loads(l)["id"] for l in open(here / "gold.jsonl", encoding="utf-8") if l.strip()]
    problems = []
    if sorted(gold_ids) != sorted(m["id"] for m in manifest):
        problems.append("gold.jsonl and manifest.jsonl hold different ids")
    if RESERVED.exists():
        reserved = {l.strip() for l in open(RESERVED) if l.strip() and not l.startswith("#")}
        problems += [f"{m['id']}: reserved URL {m['url']}" for m in manifest if hashlib.sha256(m["url"].encode()).hexdigest() in reserved]
    else:
        print(f"note: {RESERVED} not found; reserved URLs not checked")
    missing = 0
    for m in manifest:
        path = here / "texts" / f"{m['id']}.txt"
        if not path.exists():
            missing += 1
        elif hashlib.sha256(path.read_bytes()).hexdigest() != m["sha256"]:
            problems.append(f"{m['id']}: text differs from the one annotated (sha256)")
    print(f"{len(manifest)} articles, {len({m['outlet'] for m in manifest})} outlets, {missing} texts missing")
    for p in problems:
        print("problem:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
