"""Search quality: recall@10 and MRR over a corpus's judged queries, literal-only and concept-expanded.

Ingests ../shared/dev-corpus/files into a temporary workspace with the real pipeline (identify,
extract incl. OCR, classify, file), syncs the search index as `archivist ingest` does, then runs
every query of ../shared/dev-corpus/queries.json (or --corpus DIR) through `SearchIndex.search` twice in
the same run — typed words only (expand=False) and with the concept table — and scores the top 10 against
the judged relevant files (by their path under files/), with recall and MRR per query kind.

    .venv/bin/python bench/search_quality.py
    .venv/bin/python bench/search_quality.py --workspace /tmp/dev-ws   # keep/reuse the ingested workspace
    .venv/bin/python bench/search_quality.py --corpus bench/corpora/zhangyuan --workspace /tmp/zy-ws
Targets: recall@10 >= 0.95, MRR >= 0.80. The dev corpus is for calibration by hand: the real
evaluation is on unseen files, so nothing in archivist is tuned to its file names or villages.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archivist.catalogue import Catalogue  # noqa: E402
from archivist.search import SearchIndex, open_search, sync_index  # noqa: E402
from archivist.workspace import Workspace, init_workspace  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-corpus"


def ingest(ws: Workspace, files: Path) -> int:
    """Run the intake pipeline over the corpus folder (sources are left in place)."""
    from archivist.intake.pipeline import Pipeline, discover

    with ws.writer_lock(what="search_quality bench"):
        catalogue = Catalogue(ws.catalogue_path)
        try:
            records = Pipeline(ws, catalogue).run(discover([files]))
            sync_index(ws, catalogue)
        finally:
            catalogue.close()
    return len(records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="archivist search quality (recall@10, MRR) on the dev corpus")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with files/ and queries.json")
    parser.add_argument("--workspace", type=Path, help="workspace to ingest into and keep (reused if it exists)")
    parser.add_argument("-k", type=int, default=10, help="cut-off for recall (default 10)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show the top hits of every query")
    args = parser.parse_args(argv)

    queries = json.loads((args.corpus / "queries.json").read_text(encoding="utf-8"))
    root = args.workspace or Path(tempfile.mkdtemp(prefix="archivist-quality-"))
    reuse = (root / "archivist.toml").exists() and (root / "index" / "catalogue.sqlite3").exists()
    ws = init_workspace(root, county="云岭县", year=2024) if not reuse else Workspace(root)
    if reuse:
        print(f"复用已导入的工作区 {root}")
        catalogue = Catalogue(ws.catalogue_path)
        sync_index(ws, catalogue)
        catalogue.close()
    else:
        started = time.perf_counter()
        count = ingest(ws, args.corpus / "files")
        print(f"导入 {count} 条记录用时 {time.perf_counter() - started:.0f}s → {root}")

    catalogue = Catalogue(ws.catalogue_path)
    files_root = (args.corpus / "files").resolve()
    names = {r["id"]: corpus_name(r, files_root) for r in catalogue.records()}
    catalogue.close()
    index = open_search(ws)

    runs = {mode: run_queries(index, queries, names, args.k, expand=(mode == "expanded"),
                              verbose=args.verbose and mode == "expanded", show=(mode == "expanded"))
            for mode in ("literal", "expanded")}
    index.close()

    print()
    kinds = sorted({q.get("kind", "") for q in queries})
    print(f"{'':10}{'recall@' + str(args.k):>10}{'MRR':>8}{'p95 ms':>9}   " + "   ".join(f"{k} R/MRR" for k in kinds))
    for mode, run in runs.items():
        cells = []
        for kind in kinds:
            rows = [r for r, q in zip(run["rows"], queries, strict=True) if q.get("kind", "") == kind]
            cells.append(f"{mean([r[0] for r in rows]):.2f}/{mean([r[1] for r in rows]):.2f}")
        print(f"{mode:10}{run['recall']:>10.3f}{run['mrr']:>8.3f}{run['p95']:>9.1f}   " + "   ".join(cells))
    print(f"（目标 recall@{args.k} ≥ 0.90，MRR ≥ 0.80；{len(queries)} 个查询；"
          "literal = 只查原词，expanded = 概念扩展）")
    print(f"重复运行: .venv/bin/python bench/search_quality.py --corpus {args.corpus}"
          f"{' --workspace ' + str(root) if args.workspace else ''}")
    if not args.workspace:
        shutil.rmtree(root, ignore_errors=True)
    return 0


def corpus_name(record: dict, files_root: Path) -> str:
    """The file's path under the corpus's files/ (how queries.json names it), else its original name."""
    source = record.get("source_path") or ""
    try:
        return Path(source).resolve().relative_to(files_root).as_posix()
    except ValueError:
        return record["original_name"]


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def run_queries(index: SearchIndex, queries: list[dict], names: dict[str, str], k: int, expand: bool,
                verbose: bool, show: bool) -> dict:
    rows, latencies = [], []
    if show:
        print(f"{'R@' + str(k):>6} {'首个相关':>6}  查询 → 前几条")
    for item in queries:
        relevant = set(item["relevant"])
        started = time.perf_counter()
        try:
            hits = index.search(item["q"], limit=k, expand=expand)
        except TypeError:  # an archivist without concept expansion: only one mode exists
            hits = index.search(item["q"], limit=k)
        latencies.append((time.perf_counter() - started) * 1000)
        found = [names.get(h.id, h.id) for h in hits]
        got = relevant & set(found)
        recall = len(got) / len(relevant) if relevant else 1.0
        rank = next((i for i, name in enumerate(found, start=1) if name in relevant), None)
        rows.append((recall, 1 / rank if rank else 0.0))
        if show:
            mark = "" if recall == 1 else "  ✗ 缺 " + "、".join(sorted(relevant - got))
            short = [Path(f).name for f in found[:3]]
            print(f"{recall:6.2f} {rank or '-':>6}  [{item.get('kind', '')}] {item['q']} → {' | '.join(short)}{mark}")
        if verbose:
            for h in hits:
                print(f"         {h.score:7.2f} {names.get(h.id, h.id)}: {h.snippet[:70]}")
    latencies.sort()
    return {"rows": rows, "recall": mean([r[0] for r in rows]), "mrr": mean([r[1] for r in rows]),
            "p95": latencies[max(0, int(0.95 * len(latencies)) - 1)]}


if __name__ == "__main__":
    raise SystemExit(main())
