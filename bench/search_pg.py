"""Search on PostgreSQL beside Whoosh: the same generated archive and queries on both backends.

What it measures: the time to build each index (SearchIndex.rebuild) and p50/p95 latency of 1-, 2-
and 3-word queries and quoted phrases through `SearchIndex.search` (query parsing, the backend,
snippets: what a user waits for), printed in milliseconds and as PostgreSQL / Whoosh ratios, and
how often the two backends return the same top hit. The archive and the queries are
bench/search_speed.py's (gen_text.Generator). Without --dsn a throwaway PostgreSQL cluster is
started on loopback (tests/pgserver.py, Debian's binaries) and removed afterwards.

    .venv/bin/python bench/search_pg.py                   # 20,000 documents (several minutes)
    .venv/bin/python bench/search_pg.py --docs 2000       # a quick run
    .venv/bin/python bench/search_pg.py --dsn postgresql://archivist@db/archivist   # a real server
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gen_text import Generator  # noqa: E402
from search_speed import make_queries, percentile, time_queries  # noqa: E402

from archivist.search import SearchIndex, analysis  # noqa: E402
from archivist.search.pg_backend import PostgresBackend  # noqa: E402


@contextlib.contextmanager
def server(dsn: str | None) -> Iterator[str]:
    """The DSN to bench against: the given one, or a throwaway cluster's."""
    if dsn:
        yield dsn
        return
    from tests.pgserver import running_server, skip_reason

    reason = skip_reason()
    if reason:
        raise SystemExit(reason)
    with running_server() as started:
        yield started.dsn


def build(index: SearchIndex, records: list[dict]) -> float:
    start = time.perf_counter()
    count = index.rebuild(records)
    assert count == len(records), (count, len(records))
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="archivist search: PostgreSQL backend vs Whoosh")
    parser.add_argument("--docs", type=int, default=20000, help="documents to generate (default 20000)")
    parser.add_argument("--chars", type=int, default=1500, help="characters per document (default 1500)")
    parser.add_argument("--queries", type=int, default=50, help="queries per class (default 50)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--dsn", help="a PostgreSQL server to use (default: start a throwaway one)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="archivist-pgbench-"))
    print(f"工作目录 {work}; 分词 {analysis.segmenter_name()}; CPU {os.cpu_count()} 核")
    gen = Generator(args.seed)
    records = [gen.record(i, args.chars) for i in range(args.docs)]
    chars = sum(len(r["text"]) for r in records) / max(1, len(records))
    print(f"生成 {len(records)} 份文档（平均 {chars:.0f} 字）")
    analysis.warm_up()
    queries = make_queries(gen, records, args.queries, args.seed)

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with server(args.dsn) as dsn:
        whoosh = SearchIndex(work / "whoosh")
        pg = SearchIndex(work / "whoosh", PostgresBackend(dsn, schema))
        try:
            w_build, p_build = build(whoosh, records), build(pg, records)
            rows, same, compared = [], 0, 0
            for cls, qs in queries.items():
                w_times, w_hits = time_queries(lambda q: whoosh.search(q, limit=20), qs)
                p_times, p_hits = time_queries(lambda q: pg.search(q, limit=20), qs)
                for q in qs:
                    w_top, p_top = whoosh.search(q, limit=1), pg.search(q, limit=1)
                    if w_top or p_top:
                        compared += 1
                        same += bool(w_top and p_top and w_top[0].id == p_top[0].id)
                rows.append((cls, w_times, w_hits, p_times, p_hits, qs[0]))
        finally:
            whoosh.close()
            pg.close()
            if args.dsn:  # leave nothing behind on a real server
                import psycopg

                with psycopg.connect(dsn, autocommit=True) as conn:
                    conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')

    n = len(records)
    print()
    print("建索引")
    print(f"  Whoosh      {n / w_build:8.0f} 文档/秒  用时 {w_build:6.1f}s")
    print(f"  PostgreSQL  {n / p_build:8.0f} 文档/秒  用时 {p_build:6.1f}s  （{p_build / w_build:.2f} 倍）")
    print()
    print(f"{'查询':<6}{'Whoosh p50':>12}{'p95':>9}{'PG p50':>10}{'p95':>9}{'p50 倍数':>10}{'p95 倍数':>10}"
          f"{'命中 W/PG':>12}  例")
    all_w = [t for r in rows for t in r[1]]
    all_p = [t for r in rows for t in r[3]]
    for cls, w, wh, p, ph, example in rows + [("全部", all_w, float("nan"), all_p, float("nan"), "")]:
        w50, w95, p50, p95 = percentile(w, 50), percentile(w, 95), percentile(p, 50), percentile(p, 95)
        print(f"{cls:<6}{w50:10.1f}ms{w95:7.1f}ms{p50:8.1f}ms{p95:7.1f}ms{p50 / max(w50, 1e-9):9.2f}x"
              f"{p95 / max(w95, 1e-9):9.2f}x{wh:6.1f}/{ph:<5.1f}  {example}")
    print("（倍数 = PostgreSQL / Whoosh，小于 1 表示 PostgreSQL 更快；命中 = 每个查询返回的平均条数，最多 20）")
    print(f"首条结果相同 {same}/{compared} 个查询")
    print()
    repeat = f"--docs {args.docs} --chars {args.chars} --queries {args.queries} --seed {args.seed}"
    print(f"重复运行: .venv/bin/python bench/search_pg.py {repeat}{' --dsn …' if args.dsn else ''}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
