"""Near-duplicate detection: congress_corpus against exact Jaccard and datasketch, in one run.

    python bench/duplicates.py                              # 10,000 articles + planted copies, generated once under /tmp
    python bench/duplicates.py --files 100000 --no-anchors  # ~550 MB: detection time against extraction only

The corpus is `bench/generate.py --duplicates`: after a tenth of the articles, a syndicated copy
(own headline, dateline and credit, a paragraph dropped or added, ASCII typography with
`Vietnam`) and a different story on the same event (two of its paragraphs, the rest its own).

Every method compares the same shingle sets (`_core.shingles`: five folded words), so the
figures measure the detection, not the tokenisation:
- exact Jaccard: every pair at or above the threshold, found exactly by prefix filtering (a pair
  with Jaccard >= t shares a token among the first |A| - ceil(t|A|) + 1 of each set, rarest first);
- congress_corpus: `corpus.duplicates(threshold)` (MinHash LSH, candidates verified exactly);
- datasketch (`pip install datasketch`): MinHash(num_perm=128) per document, MinHashLSH at the
  threshold, candidates kept where the MinHash estimate reaches it. Its time excludes making the
  shingles (given to it ready, as 8-byte values), which flatters it.
Clusters are compared as pairs of documents placed in one cluster: recall and precision against
exact Jaccard's, and agreement (same decision) over the union of both. Timings are not asserted
anywhere; the tests never run this file.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))


def _components(n: int, pairs) -> list[int]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(n)]


def _cocluster(roots: list[int]) -> set[tuple[int, int]]:
    groups = defaultdict(list)
    for i, r in enumerate(roots):
        groups[r].append(i)
    return {(a, b) for g in groups.values() for i, a in enumerate(g) for b in g[i + 1:]}


def exact_pairs(sets: list[list[int]], t: float) -> set[tuple[int, int]]:
    """Every pair with Jaccard >= t (prefix filtering: exact, no estimate)."""
    freq = Counter(x for s in sets for x in s)
    ordered = [sorted(s, key=lambda x: (freq[x], x)) for s in sets]
    as_sets = [set(s) for s in sets]
    index: dict[int, list[int]] = defaultdict(list)
    out = set()
    for a in sorted(range(len(sets)), key=lambda i: (len(sets[i]), i)):
        size = len(sets[a])
        if not size:
            continue
        prefix = ordered[a][: size - math.ceil(t * size - 1e-9) + 1]
        seen = set()
        for x in prefix:
            for b in index[x]:
                if b in seen:
                    continue
                seen.add(b)
                # Sets come smallest first: |B| <= |A|, and Jaccard >= t needs |B| >= t|A|.
                if len(sets[b]) < t * size - 1e-9:
                    continue
                both = len(as_sets[a] & as_sets[b])
                if both / (size + len(sets[b]) - both) >= t - 1e-12:
                    out.add((min(a, b), max(a, b)))
        for x in prefix:
            index[x].append(a)
    return out


def datasketch_pairs(sets: list[list[int]], t: float) -> set[tuple[int, int]]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=t, num_perm=128)
    hashes = []
    for i, s in enumerate(sets):
        m = MinHash(num_perm=128)
        m.update_batch([x.to_bytes(8, "little") for x in s])
        hashes.append(m)
        if s:
            lsh.insert(i, m)
    out = set()
    for i, m in enumerate(hashes):
        if not sets[i]:
            continue
        for j in lsh.query(m):
            if j != i and m.jaccard(hashes[j]) >= t:
                out.add((min(i, j), max(i, j)))
    return out


def _compare(name: str, got: set, truth: set) -> str:
    both = len(got & truth)
    recall = both / len(truth) if truth else 1.0
    precision = both / len(got) if got else 1.0
    agree = both / len(got | truth) if got | truth else 1.0
    return f"{name:<18} {len(got):>9,} {recall:>8.4f} {precision:>10.4f} {agree:>10.4f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--duplicates", type=float, default=0.1, help="fraction of articles with planted copies")
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--root", type=Path, default=None)
    ap.add_argument("--no-anchors", action="store_true", help="skip exact Jaccard and datasketch (large corpora)")
    a = ap.parse_args()

    import congress_corpus as cc
    from congress_corpus import _core

    root = a.root or Path(f"/tmp/congress_corpus_dups_{a.files}_{a.seed}_{a.duplicates}")
    if not root.exists():
        from generate import generate

        print(f"generating {a.files} articles (+ plants) into {root} ...", file=sys.stderr)
        generate(root, a.files, a.seed, duplicates=a.duplicates)

    t0 = time.perf_counter()
    corpus = cc.load(root, n_threads=a.threads)
    t_extract = time.perf_counter() - t0
    docs = corpus.documents
    mb = docs.text.str.len().sum() / 1e6
    t0 = time.perf_counter()
    found = corpus.duplicates(a.threshold, n_threads=a.threads)
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    _core.duplicates(corpus._arrow["documents"], a.threshold, 1)  # the native table: `arrow()` hands out pyarrow
    t_ours_1 = time.perf_counter() - t0
    n = len(docs)
    pos = {d: i for i, d in enumerate(docs.doc_id)}
    ours = _cocluster(_components(n, [(pos[d], pos[c]) for d, c in zip(found.doc_id, found.cluster)]))

    print(f"corpus: {n:,} documents, {mb:.1f} M characters of body text, threshold {a.threshold}")
    print(f"cc.load + extract, {a.threads} threads: {t_extract:.2f} s")
    print(f"corpus.duplicates, {a.threads} threads: {t_ours:.2f} s ({t_ours / t_extract:.2f}x the load + extract); "
          f"1 thread: {t_ours_1:.2f} s")

    # The plants: is each copy in its source's cluster, and each other story out of it?
    cluster = dict(zip(found.doc_id, found.cluster))
    copies = [d for d in docs.doc_id if d.endswith("_copy")]
    others = [d for d in docs.doc_id if d.endswith("_other")]
    src = {d: d.rsplit("_", 1)[0] for d in copies + others}
    hit = sum(1 for d in copies if d in cluster and cluster.get(src[d]) == cluster[d])
    wrong = sum(1 for d in others if d in cluster and cluster.get(src[d]) == cluster[d])
    print(f"planted copies in their source's cluster: {hit}/{len(copies)}; "
          f"different stories on the same event wrongly joined: {wrong}/{len(others)}")
    if a.no_anchors:
        return

    t0 = time.perf_counter()
    sets = [_core.shingles(t) for t in docs.text]
    t_shingles = time.perf_counter() - t0
    t0 = time.perf_counter()
    exact = _cocluster(_components(n, exact_pairs(sets, a.threshold)))
    t_exact = time.perf_counter() - t0
    print(f"shingle sets to Python: {t_shingles:.2f} s; exact Jaccard (prefix filtering, Python): {t_exact:.2f} s")
    print()
    print(f"{'method':<18} {'pairs':>9} {'recall':>8} {'precision':>10} {'agreement':>10}   (co-clustered pairs vs exact Jaccard)")
    print(_compare("exact Jaccard", exact, exact))
    print(_compare("congress_corpus", ours, exact))
    try:
        import datasketch  # noqa: F401
    except ImportError:
        print("datasketch not installed (pip install datasketch): no datasketch anchor")
        return
    t0 = time.perf_counter()
    ds = _cocluster(_components(n, datasketch_pairs(sets, a.threshold)))
    t_ds = time.perf_counter() - t0
    print(_compare("datasketch", ds, exact))
    print()
    print(f"datasketch MinHash + LSH (shingles given): {t_ds:.2f} s; congress_corpus "
          f"{a.threads} threads: {t_ours:.2f} s = {t_ds / t_ours:.0f}x datasketch's speed "
          f"(1 thread: {t_ds / t_ours_1:.0f}x)")


if __name__ == "__main__":
    main()
