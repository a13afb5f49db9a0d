"""A city or province server: many counties' archives on PostgreSQL, beside one county on Whoosh.

What it measures, in one run so the ratios compare like with like on a noisy machine:
- search on PostgreSQL across every county (one province-wide index of counties × docs documents, the
  county named in each document's unit) and within one county (its own schema of `docs` documents), p50
  and p95 of 1-, 2-, 3-word queries and phrases through `SearchIndex.search` (parsing, backend, snippets:
  what a user waits for);
- the same county's documents on Whoosh, the county office's default, as the baseline of the ratios.
The documents are bench/gen_text.py's, one generator per county (its own towns, villages and 文号).
Without --dsn a throwaway PostgreSQL cluster is started on loopback (tests/pgserver.py) and removed after.

    .venv/bin/python bench/server.py                          # 100 counties × 2,000 documents (long)
    .venv/bin/python bench/server.py --counties 5 --docs 400  # a quick run
    .venv/bin/python bench/server.py --dsn postgresql://archivist@db/archivist
    .venv/bin/python bench/server.py --dsn postgresql://postgres@127.0.0.1:55432/postgres --reuse
                                # keep the built schemas and, next time, measure on them without building

Targets (issue: a city or province server): search p95 ≤ 100 ms at 200,000 documents.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gen_text import Generator  # noqa: E402
from search_pg import server  # noqa: E402
from search_speed import make_queries, percentile, time_queries  # noqa: E402

from archivist.search import SearchIndex, analysis  # noqa: E402
from archivist.search.pg_backend import PostgresBackend  # noqa: E402


def county_records(county: int, docs: int, chars: int, seed: int) -> tuple[Generator, list[dict]]:
    """One county's generated archive; ids and units carry the county so 100 of them can share an index."""
    gen = Generator(seed + county)
    name = f"第{county + 1:03d}县"
    records = []
    for i in range(docs):
        record = gen.record(i, chars)
        record["id"] = f"c{county:03d}-{record['id']}"
        record["unit"] = f"{name}{record.get('unit') or ''}"
        records.append(record)
    return gen, records


def province_records(counties: int, docs: int, chars: int, seed: int) -> Iterator[dict]:
    """Every county's documents, one county at a time (the index is fed a stream: memory stays bounded)."""
    for county in range(counties):
        yield from county_records(county, docs, chars, seed)[1]


def timed_build(index: SearchIndex, records: Iterable[dict]) -> tuple[int, float]:
    start = time.perf_counter()
    count = index.rebuild(records)
    return count, time.perf_counter() - start


def reused(index: SearchIndex, expected: int) -> float | None:
    """0.0 (no build time to report) when `index` already holds `expected` documents, else None."""
    try:
        count = index.backend.doc_count()
    except Exception:  # noqa: BLE001 - missing, of an older format, unreachable: build it
        return None
    return 0.0 if count == expected else None


def build_rate(docs: int, seconds: float) -> str:
    return f"{docs / seconds:8.0f} 文档/秒" if seconds else "（沿用已建索引）"


def summary(rows: dict[str, list[float]]) -> tuple[float, float]:
    every = [t for times in rows.values() for t in times]
    return percentile(every, 50), percentile(every, 95)


def measure(index: SearchIndex, queries: dict[str, list[str]]) -> dict[str, list[float]]:
    return {cls: time_queries(lambda q: index.search(q, limit=20), qs)[0] for cls, qs in queries.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="archivist: a province on PostgreSQL vs one county on Whoosh")
    parser.add_argument("--counties", type=int, default=100)
    parser.add_argument("--docs", type=int, default=2000, help="documents per county (default 2000)")
    parser.add_argument("--chars", type=int, default=1200, help="characters per document (default 1200)")
    parser.add_argument("--queries", type=int, default=30, help="queries per class (default 30)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--dsn", help="a PostgreSQL server to use (default: start a throwaway one)")
    parser.add_argument("--reuse", action="store_true",
                        help="with --dsn: schemas named after the corpus, kept after the run; an index already"
                             " built there (same document count) is measured without building it again")
    args = parser.parse_args(argv)
    if args.reuse and not args.dsn:
        parser.error("--reuse needs --dsn (a server that outlives the run)")

    work = Path(tempfile.mkdtemp(prefix="archivist-serverbench-"))
    total = args.counties * args.docs
    print(f"工作目录 {work}; 分词 {analysis.segmenter_name()}; CPU {os.cpu_count()} 核; "
          f"{args.counties} 个县 × {args.docs} 份 = {total} 份文档")
    analysis.warm_up()
    gen, county = county_records(0, args.docs, args.chars, args.seed)
    queries = make_queries(gen, county, args.queries, args.seed)

    if args.reuse:  # named after the corpus, so a later run finds them
        corpus = f"{args.docs}_{args.chars}_{args.seed}"
        schemas = [f"bench_county_{corpus}", f"bench_province_{args.counties}_{corpus}"]
    else:
        schemas = [f"bench_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    with server(args.dsn) as dsn:
        whoosh = SearchIndex(work / "whoosh")
        one = SearchIndex(work / "unused", PostgresBackend(dsn, schemas[0]))
        province = SearchIndex(work / "unused", PostgresBackend(dsn, schemas[1]))
        try:
            _, w_build = timed_build(whoosh, county)
            c_build = reused(one, args.docs) if args.reuse else None
            if c_build is None:
                _, c_build = timed_build(one, county)
            p_build = reused(province, total) if args.reuse else None
            if p_build is None:
                p_count, p_build = timed_build(
                    province, province_records(args.counties, args.docs, args.chars, args.seed))
                assert p_count == total, (p_count, total)
            w_rows, c_rows, p_rows = measure(whoosh, queries), measure(one, queries), measure(province, queries)
        finally:
            for index in (whoosh, one, province):
                index.close()
            if args.dsn and not args.reuse:  # leave nothing behind on a real server
                import psycopg

                with psycopg.connect(dsn, autocommit=True) as conn:
                    for schema in schemas:
                        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')

    print()
    print("建索引")
    print(f"  一个县 Whoosh       {args.docs / w_build:8.0f} 文档/秒")
    ratio = f"（{c_build / w_build:.2f} 倍 Whoosh 用时）" if c_build else ""
    print(f"  一个县 PostgreSQL   {build_rate(args.docs, c_build)}{ratio}")
    print(f"  全省 PostgreSQL     {build_rate(total, p_build)}" + (f"  用时 {p_build:6.1f}s" if p_build else ""))
    print()
    print(f"{'查询':<6}{'县 Whoosh p50':>14}{'p95':>8}{'县 PG p50':>11}{'p95':>8}{'全省 PG p50':>12}{'p95':>8}"
          f"{'全省/Whoosh p95':>16}")
    for cls in queries:
        w, c, p = w_rows[cls], c_rows[cls], p_rows[cls]
        print(f"{cls:<6}{percentile(w, 50):12.1f}ms{percentile(w, 95):6.1f}ms{percentile(c, 50):9.1f}ms"
              f"{percentile(c, 95):6.1f}ms{percentile(p, 50):10.1f}ms{percentile(p, 95):6.1f}ms"
              f"{percentile(p, 95) / max(percentile(w, 95), 1e-9):14.2f}x")
    (w50, w95), (c50, c95), (p50, p95) = summary(w_rows), summary(c_rows), summary(p_rows)
    print(f"{'全部':<6}{w50:12.1f}ms{w95:6.1f}ms{c50:9.1f}ms{c95:6.1f}ms{p50:10.1f}ms{p95:6.1f}ms"
          f"{p95 / max(w95, 1e-9):14.2f}x")
    verdict = "达到" if p95 <= 100 else "未达到"
    print(f"全省 {total} 份文档检索 p95 = {p95:.1f} ms（目标 ≤ 100 ms：{verdict}）")
    print()
    repeat = (f"--counties {args.counties} --docs {args.docs} --chars {args.chars} --queries {args.queries}"
              f" --seed {args.seed}")
    print(f"重复运行: .venv/bin/python bench/server.py {repeat}{' --dsn …' if args.dsn else ''}"
          f"{' --reuse' if args.reuse else ''}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
