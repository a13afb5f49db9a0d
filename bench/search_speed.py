"""Search speed: build a generated archive, time queries, compare with SQLite FTS5 (trigram).

What it measures (issue #4): index build rate (docs/s, wall and per CPU-second, so a busy machine
can be told apart from a slow index) and index size; p50/p95 latency of 1-, 2- and 3-word queries
and of quoted phrases through `SearchIndex.search` (query parsing, Whoosh, snippets: what a user
waits for); the same queries against SQLite FTS5 with the trigram tokenizer over the same prepared
texts, as the baseline. FTS5's trigram index cannot look up a term shorter than three characters —
and most Chinese words are two — so such terms fall back to LIKE scans, as they would in an
application built on it.

    .venv/bin/python bench/search_speed.py                 # 20,000 documents (several minutes)
    .venv/bin/python bench/search_speed.py --docs 2000     # a quick run
Targets: p95 <= 50 ms, p50 <= 20 ms, build >= 200 docs/s.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gen_text import Generator  # noqa: E402

from archivist.search import SearchIndex, analysis  # noqa: E402

KIND_WORDS = ["验收", "台账", "方案", "通知", "总结", "纪要", "简报"]


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the index writer's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def make_queries(gen: Generator, records: list[dict], per_class: int, seed: int) -> dict[str, list[str]]:
    """Queries a clerk might type, drawn from the generated archive's own vocabulary."""
    rng = random.Random(seed)
    topic_words = sorted(
        {w for t in gen.topics for c in t.clauses for w in analysis.cut(c) if len(w) >= 2 and analysis.has_han(w)}
    )
    towns = gen.towns
    villages = [v for vs in gen.villages.values() for v in vs]
    counts = sorted({m for r in records[:2000] for m in re.findall(r"(?<![\d.,])\d{3,5}户", r["text"])})
    numbers = [r["doc_number"] for r in records[:2000] if r["doc_number"]]

    def one() -> str:
        pick = rng.random()
        if pick < 0.5:
            return rng.choice(topic_words)
        if pick < 0.7:
            return rng.choice(villages)
        if pick < 0.8:
            return rng.choice(towns)
        if pick < 0.9 and counts:
            return rng.choice(counts)
        return rng.choice(numbers) if numbers else rng.choice(topic_words)

    def phrase() -> str:
        text = analysis.prepare(rng.choice(records)["text"])
        runs = [r for r in re.findall(f"[{analysis.HAN}]{{6,}}", text)]
        run = rng.choice(runs)
        size = rng.randint(4, min(8, len(run)))
        start = rng.randint(0, len(run) - size)
        return f'"{run[start:start + size]}"'

    return {
        "1 词": [one() for _ in range(per_class)],
        "2 词": [f"{rng.choice(towns + villages)} {rng.choice(topic_words)}" for _ in range(per_class)],
        "3 词": [
            f"{rng.choice(towns)} {rng.choice(topic_words)} {rng.choice(KIND_WORDS)}" for _ in range(per_class)
        ],
        "短语": [phrase() for _ in range(per_class)],
    }


# SQLite FTS5 baseline ----------------------------------------------------------------------------
def build_fts(path: Path, records: list[dict]) -> float:
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='trigram')")
    start = time.perf_counter()
    with db:
        db.executemany(
            "INSERT INTO docs(id, title, body) VALUES (?,?,?)",
            ((r["id"], analysis.prepare(r["title"]), analysis.prepare(r["text"])) for r in records),
        )
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed


def fts_query(db: sqlite3.Connection, query: str, limit: int = 20) -> list[tuple]:
    """The same query for FTS5: terms of 3+ characters through MATCH (ranked by bm25), shorter
    ones as LIKE conditions (the trigram index cannot hold them)."""
    parts = re.findall(r'"([^"]+)"|(\S+)', query)
    terms = [analysis.prepare(a or b) for a, b in parts]
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    where, args = [], []
    if long_terms:
        where.append("docs MATCH ?")
        args.append(" AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms))
    for t in short_terms:
        where.append("(title LIKE ? OR body LIKE ?)")
        args += [f"%{t}%", f"%{t}%"]
    order = "ORDER BY rank" if long_terms else ""
    snippet = "snippet(docs, 2, '【', '】', '…', 24)" if long_terms else "substr(body, 1, 60)"
    sql = f"SELECT id, {snippet} FROM docs WHERE {' AND '.join(where)} {order} LIMIT {limit}"
    return db.execute(sql, args).fetchall()


# running -----------------------------------------------------------------------------------------
def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def time_queries(run, queries: list[str]) -> tuple[list[float], float]:
    for q in queries[:5]:  # warm caches
        run(q)
    times, hits = [], 0
    for q in queries:
        start = time.perf_counter()
        found = run(q)
        times.append((time.perf_counter() - start) * 1000)
        hits += len(found)
    return times, hits / max(1, len(queries))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="archivist search speed vs SQLite FTS5 trigram")
    parser.add_argument("--docs", type=int, default=20000, help="documents to generate (default 20000)")
    parser.add_argument("--chars", type=int, default=1500, help="characters per document (default 1500)")
    parser.add_argument("--queries", type=int, default=50, help="queries per class (default 50)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it (reused if present)")
    args = parser.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="archivist-speed-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"工作目录 {work}; 分词 {analysis.segmenter_name()}; CPU {os.cpu_count()} 核")

    gen = Generator(args.seed)
    t0 = time.perf_counter()
    records = [gen.record(i, args.chars) for i in range(args.docs)]
    chars = sum(len(r["text"]) for r in records) / max(1, len(records))
    print(f"生成 {len(records)} 份文档（平均 {chars:.0f} 字）用时 {time.perf_counter() - t0:.1f}s")

    index_dir = work / "whoosh"
    index = SearchIndex(index_dir)
    if args.keep and index.is_healthy() and index.doc_count() == len(records):
        print("复用已有索引（--keep）：不计建索引速度")
        build_s = build_cpu = float("nan")
    else:
        analysis.warm_up()
        cpu0, t0 = cpu_seconds(), time.perf_counter()
        count = index.rebuild(records)
        build_s, build_cpu = time.perf_counter() - t0, cpu_seconds() - cpu0
        assert count == len(records), (count, len(records))
    whoosh_size = dir_size(index_dir)

    fts_path = work / "fts5.sqlite3"
    if fts_path.exists() and not args.keep:
        fts_path.unlink()
    fts_build = build_fts(fts_path, records) if not fts_path.exists() else float("nan")
    fts_size = fts_path.stat().st_size
    db = sqlite3.connect(fts_path)

    queries = make_queries(gen, records, args.queries, args.seed)
    rows = []
    for cls, qs in queries.items():
        w_times, w_hits = time_queries(lambda q: index.search(q, limit=20), qs)
        f_times, f_hits = time_queries(lambda q: fts_query(db, q), qs)
        rows.append((cls, w_times, w_hits, f_times, f_hits, qs[0]))
    all_w = [t for r in rows for t in r[1]]

    n = len(records)
    print()
    print("建索引")
    print(
        f"  Whoosh   {n / build_s:8.0f} 文档/秒（墙钟）  {n / build_cpu:6.0f} 文档/CPU秒"
        f"  用时 {build_s:6.1f}s  大小 {whoosh_size / 1e6:7.1f} MB"
    )
    print(
        f"  FTS5     {n / fts_build:8.0f} 文档/秒（墙钟）                 "
        f"用时 {fts_build:6.1f}s  大小 {fts_size / 1e6:7.1f} MB"
    )
    print()
    head = f"{'查询':<6}{'Whoosh p50':>12}{'p95':>9}{'命中':>6}{'FTS5 p50':>11}{'p95':>9}{'命中':>6}"
    print(f"{head}{'p50 倍数':>10}  例")
    for cls, w, wh, f, fh, example in rows:
        ratio = percentile(f, 50) / max(percentile(w, 50), 1e-9)
        print(
            f"{cls:<6}{percentile(w, 50):10.1f}ms{percentile(w, 95):7.1f}ms{wh:6.1f}"
            f"{percentile(f, 50):9.1f}ms{percentile(f, 95):7.1f}ms{fh:6.1f}{ratio:9.1f}x  {example}"
        )
    print(
        f"全部   p50 {percentile(all_w, 50):.1f} ms, p95 {percentile(all_w, 95):.1f} ms, "
        f"平均 {statistics.mean(all_w):.1f} ms（目标 p50 ≤ 20 ms, p95 ≤ 50 ms; 建索引 ≥ 200 文档/秒）"
    )
    print("（倍数 = FTS5 p50 / Whoosh p50；命中 = 每个查询返回的平均条数，最多 20）")
    print()
    repeat = f"--docs {args.docs} --queries {args.queries} --seed {args.seed}"
    print(f"重复运行: .venv/bin/python bench/search_speed.py {repeat}")
    db.close()
    index.close()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
