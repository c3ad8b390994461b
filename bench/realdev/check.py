"""Check the development set: every text present with its manifest sha256, no reserved URL.

    python bench/realdev/check.py
"""
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESERVED = HERE.parents[2] / "shared" / "reserved_urls.sha256"


def main() -> int:
    manifest = [json.loads(l) for l in open(HERE / "manifest.jsonl", encoding="utf-8") if l.strip()]
    gold_ids = [json.loads(l)["id"] for l in open(HERE / "gold.jsonl", encoding="utf-8") if l.strip()]
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
        path = HERE / "texts" / f"{m['id']}.txt"
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
