"""Search quality on the development corpus: recall@10 and MRR over its queries.

Ingests ../shared/dev-corpus/files into a temporary workspace with the real pipeline (identify,
extract incl. OCR, classify, file), syncs the search index as `archivist ingest` does, then runs
every query of ../shared/dev-corpus/queries.json through `SearchIndex.search` and scores the top 10
against the judged relevant files (by original file name).

    .venv/bin/python bench/search_quality.py
    .venv/bin/python bench/search_quality.py --workspace /tmp/dev-ws   # keep/reuse the ingested workspace
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
from archivist.search import SearchIndex, sync_index  # noqa: E402
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
    names = {r["id"]: r["original_name"] for r in catalogue.records()}
    catalogue.close()
    index = SearchIndex(ws.whoosh_dir)

    recalls, reciprocal = [], []
    latencies = []
    print()
    print(f"{'R@' + str(args.k):>6} {'首个相关':>6}  查询 → 前几条")
    for item in queries:
        relevant = set(item["relevant"])
        started = time.perf_counter()
        hits = index.search(item["q"], limit=args.k)
        latencies.append((time.perf_counter() - started) * 1000)
        found = [names.get(h.id, h.id) for h in hits]
        got = relevant & set(found)
        recall = len(got) / len(relevant) if relevant else 1.0
        rank = next((i for i, name in enumerate(found, start=1) if name in relevant), None)
        recalls.append(recall)
        reciprocal.append(1 / rank if rank else 0.0)
        mark = "" if recall == 1 else "  ✗ 缺 " + "、".join(sorted(relevant - got))
        print(f"{recall:6.2f} {rank or '-':>6}  {item['q']} → {' | '.join(found[:3])}{mark}")
        if args.verbose:
            for h in hits:
                print(f"         {h.score:7.2f} {names.get(h.id, h.id)}: {h.snippet[:70]}")
    index.close()

    recall_at_k = sum(recalls) / len(recalls)
    mrr = sum(reciprocal) / len(reciprocal)
    print()
    print(f"recall@{args.k} = {recall_at_k:.3f}（目标 ≥ 0.95）   MRR = {mrr:.3f}（目标 ≥ 0.80）   "
          f"{len(queries)} 个查询，平均 {sum(latencies) / len(latencies):.1f} ms")
    print(f"重复运行: .venv/bin/python bench/search_quality.py{' --workspace ' + str(root) if args.workspace else ''}")
    if not args.workspace:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
