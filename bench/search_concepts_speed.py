"""Latency of concept-expanded queries at scale: every concept term of the shipped table as a query.

Uses an index kept by bench/search_speed.py (--keep DIR); runs each query with expansion on and off in the
same run, so the cost of expansion is a ratio against the literal query on the same index.

    .venv/bin/python bench/search_speed.py --keep /tmp/speed20k      # builds 20,000 documents once
    .venv/bin/python bench/search_concepts_speed.py /tmp/speed20k    # target: p95 ≤ 50 ms with expansion
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archivist.concepts import load_concepts  # noqa: E402
from archivist.search import SearchIndex  # noqa: E402


def p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("keep", type=Path, help="the folder search_speed.py --keep built")
    args = ap.parse_args()
    index_dir = next((d for d in [args.keep / "whoosh", args.keep] if (d / "CURRENT").exists()), None)
    if index_dir is None:
        print(f"{args.keep} 下没有检索索引：先运行 bench/search_speed.py --keep {args.keep}")
        return 1
    index = SearchIndex(index_dir, concepts=load_concepts())
    terms = sorted({t for terms in index.concepts.concepts.values() for t in terms})
    index.search(terms[0])  # warm up
    times: dict[bool, list[float]] = {True: [], False: []}
    for term in terms:
        for expand in (False, True):
            t0 = time.perf_counter()
            index.search(term, limit=20, expand=expand)
            times[expand].append((time.perf_counter() - t0) * 1000)
    docs = index.doc_count()
    index.close()
    for expand in (False, True):
        label = "expanded" if expand else "literal "
        print(f"{label} {len(terms)} queries on {docs} docs: p50 {p(times[expand], 0.5):6.1f} ms   "
              f"p95 {p(times[expand], 0.95):6.1f} ms")
    ratio = p(times[True], 0.95) / max(1e-9, p(times[False], 0.95))
    print(f"p95 expanded / literal = {ratio:.2f}")
    print(f"repeat with: .venv/bin/python bench/search_concepts_speed.py {args.keep}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
