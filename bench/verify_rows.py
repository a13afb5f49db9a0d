"""The catalogue side of `archivist verify` on a record-heavy archive: many small files.

    .venv/bin/python bench/verify_rows.py                # 5,000 records
    .venv/bin/python bench/verify_rows.py --records 20000

bench/verify.py measures hashing throughput on big files, where the catalogue is a rounding error.
Here the archive is thousands of small records (photos of a village's toilets, one-page notices),
each with extracted text and metadata, each filed through the catalogue API with its audit entry,
so the per-record work of verify shows: the snapshot, the audit chain check and — with the keyed
chain — recomputing every row's digest against its latest entry. Reported as the ratio of
`verify` to hashing the same files alone (integrity.hash_files), both measured in this run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_workspace(folder: Path, records: int, seed: int) -> tuple[Path, list[Path]]:
    from archivist.catalogue import Catalogue, new_id
    from archivist.integrity import hash_file
    from archivist.workspace import init_workspace

    ws = init_workspace(folder / "ws", county="基准县", year=2024)
    target = ws.archive / "C-生态宜居" / "C01-农村厕所革命"
    target.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    words = "改厕 验收 村委会 户厕 粪污 资源化 整改 台账 镇政府 农业农村局 群众 满意度".split()
    catalogue = Catalogue(ws.catalogue_path)
    paths = []
    for start in range(0, records, 500):
        with catalogue.transaction():
            for i in range(start, min(records, start + 500)):
                text = "".join(rng.choice(words) for _ in range(400))
                path = target / f"20240{1 + i % 9}01-镇政府-改厕验收记录{i:05d}.txt"
                path.write_text(text, encoding="utf-8")
                digest, size = hash_file(path)
                evidence_id = new_id()
                rel = ws.relative(path)
                catalogue.insert({
                    "id": evidence_id, "status": "filed", "indicator": "C01", "confidence": 0.9,
                    "original_name": path.name, "sha256": digest, "size": size, "archive_path": rel,
                    "file_type": "text", "title": f"改厕验收记录{i:05d}", "unit": "镇政府", "doc_date": "2024-05-01",
                    "text": text, "meta": {"warnings": [], "ocr_used": False}, "links": [], "indexed": 1,
                    "suggestions": [{"code": "C01", "confidence": 0.9, "matched": ["改厕"]}],
                })
                catalogue.audit("filed", evidence_id, {"name": path.name, "path": rel, "indicator": "C01"})
                paths.append(path)
    catalogue.close()
    return ws.root, paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3, help="timed passes of each; the best is reported")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from archivist.catalogue import Catalogue
    from archivist.integrity import hash_files, verify
    from archivist.workspace import Workspace

    folder = Path(tempfile.mkdtemp(prefix="archivist-bench-rows-"))
    os.environ.setdefault("ARCHIVIST_KEY_DIR", str(folder / "chain-keys"))  # not the user's ~/.config
    try:
        root, paths = make_workspace(folder, args.records, args.seed)
        ws = Workspace(root)
        verify_s, hash_s = [], []
        for _ in range(args.rounds):
            catalogue = Catalogue(ws.catalogue_path)
            start = time.perf_counter()
            report = verify(ws, catalogue, check_index=False, writer=False)
            verify_s.append(time.perf_counter() - start)
            catalogue.close()
            assert report.ok, [f.message for f in report.findings[:5]]
            start = time.perf_counter()
            hash_files(paths)
            hash_s.append(time.perf_counter() - start)
        summary = {
            "records": args.records,
            "verify_seconds": round(min(verify_s), 3),
            "hash_only_seconds": round(min(hash_s), 3),
            "ratio_verify_vs_hash_only": round(min(verify_s) / min(hash_s), 2),
            "catalogue_bytes": ws.catalogue_path.stat().st_size,
        }
        if args.json:
            print(json.dumps(summary, ensure_ascii=False, indent=2))
            return
        print(f"{args.records} 条记录：verify {summary['verify_seconds']} s，仅哈希 {summary['hash_only_seconds']} s，"
              f"比值 {summary['ratio_verify_vs_hash_only']}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
