"""Hashing throughput of `archivist verify` vs `sha256sum`, on the same files in the same run.

    .venv/bin/python bench/verify.py                 # 2 GB across files of mixed sizes
    .venv/bin/python bench/verify.py --size-mb 200   # a quick run
    .venv/bin/python bench/verify.py --cold          # drop the page cache before each pass (root)

Builds a throwaway workspace whose archive holds files of mixed sizes (a few large scans, many
mid-size documents, lots of small photos and text) catalogued with their sha256, then times:

- `archivist verify` as the command does it (integrity.verify: catalogue snapshot, folder walk,
  re-hash of every file with two threads, audit chain check; the search index is not involved);
- `sha256sum` over the same files (one process, the usual baseline);
- `xargs -P 2 sha256sum` (two processes: the same parallelism verify uses).

Verify is I/O bound on a real disk: the target is ≥ 200 MB/s on this machine. With a warm page
cache the numbers show the hashing itself; with --cold, the disk.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MB = 1024 * 1024


def plan_sizes(total_mb: int, rng: random.Random) -> list[int]:
    """Byte sizes for files summing to about total_mb: ~45% in big scans (20–200 MB), ~35% in
    documents (0.5–8 MB), ~20% in small files (8–500 KB)."""
    total = total_mb * MB
    sizes: list[int] = []
    for share, low, high in ((0.45, 20 * MB, 200 * MB), (0.35, MB // 2, 8 * MB), (0.20, 8 * 1024, 500 * 1024)):
        budget = int(total * share)
        while budget > low:
            size = min(budget, rng.randint(low, high))
            sizes.append(size)
            budget -= size
    rng.shuffle(sizes)
    return sizes


def make_workspace(folder: Path, total_mb: int, seed: int) -> tuple[Path, list[Path]]:
    """A workspace whose catalogue names every generated file (with its sha256 and an audit entry)."""
    from archivist.catalogue import Catalogue, new_id
    from archivist.integrity import hash_file
    from archivist.workspace import init_workspace

    ws = init_workspace(folder / "ws", county="基准县", year=2024)
    target = ws.unsorted_dir
    target.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    block = os.urandom(4 * MB)  # random bytes (incompressible), varied per file by a prefix
    paths = []
    for i, size in enumerate(plan_sizes(total_mb, rng)):
        path = target / f"bench-{i:05d}.bin"
        with open(path, "wb") as fh:
            fh.write(i.to_bytes(8, "little"))
            left = size - 8
            while left > 0:
                fh.write(block[: min(left, len(block))])
                left -= len(block)
        paths.append(path)
    catalogue = Catalogue(ws.catalogue_path)
    with catalogue.transaction():
        for path in paths:
            digest, size = hash_file(path)
            evidence_id = new_id()
            rel = ws.relative(path)
            catalogue.insert({"id": evidence_id, "status": "unsorted", "original_name": path.name, "sha256": digest,
                              "size": size, "archive_path": rel, "indexed": 1})
            catalogue.audit("unsorted", evidence_id, {"name": path.name, "path": rel, "indicator": None})
    catalogue.close()
    return ws.root, paths


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def time_verify(root: Path) -> dict:
    from archivist.catalogue import Catalogue
    from archivist.integrity import verify
    from archivist.workspace import Workspace

    ws = Workspace(root)
    catalogue = Catalogue(ws.catalogue_path)
    start = time.perf_counter()
    report = verify(ws, catalogue, check_index=False)
    seconds = time.perf_counter() - start
    catalogue.close()
    assert report.ok, [f.message for f in report.findings[:5]]
    return {"files": report.files, "bytes": report.bytes, "seconds": seconds}


def time_command(command: list[str], paths: list[Path], stdin: bool = False) -> float:
    start = time.perf_counter()
    if stdin:
        listing = "\0".join(str(p) for p in paths).encode()
        subprocess.run(command, input=listing, check=True, stdout=subprocess.DEVNULL)
    else:
        subprocess.run([*command, *map(str, paths)], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=int, default=2048, help="total size of the generated files (MB)")
    parser.add_argument("--rounds", type=int, default=2, help="timed passes of each tool; the best is reported")
    parser.add_argument("--cold", action="store_true", help="drop the page cache before each pass (needs root)")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--keep", type=Path, help="build the files here and keep them (default: a temp dir)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not shutil.which("sha256sum"):
        sys.exit("sha256sum 不可用：请安装 coreutils")

    folder = args.keep or Path(tempfile.mkdtemp(prefix="archivist-bench-verify-"))
    os.environ.setdefault("ARCHIVIST_KEY_DIR", str(folder / "chain-keys"))  # not the user's ~/.config
    try:
        t0 = time.perf_counter()
        root, paths = make_workspace(folder, args.size_mb, args.seed)
        total = sum(p.stat().st_size for p in paths)
        built = time.perf_counter() - t0
        if args.cold and not drop_caches():
            print("注意：无法清空页缓存（需要 root），以下为热缓存数据", file=sys.stderr)
            args.cold = False
        results: dict[str, list[float]] = {"archivist verify": [], "sha256sum": [], "xargs -P2 sha256sum": []}
        for _ in range(args.rounds):
            for name in results:
                if args.cold:
                    drop_caches()
                if name == "archivist verify":
                    seconds = time_verify(root)["seconds"]
                elif name == "sha256sum":
                    seconds = time_command(["sha256sum"], paths)
                else:
                    seconds = time_command(["xargs", "-0", "-P", "2", "-n", "16", "sha256sum"], paths, stdin=True)
                results[name].append(seconds)
        best = {name: min(times) for name, times in results.items()}
        rate = {name: total / MB / seconds for name, seconds in best.items()}
        summary = {
            "files": len(paths),
            "megabytes": round(total / MB, 1),
            "cache": "cold" if args.cold else "warm",
            "build_seconds": round(built, 1),
            "seconds": {k: round(v, 3) for k, v in best.items()},
            "mb_per_s": {k: round(v, 1) for k, v in rate.items()},
            "ratio_vs_sha256sum": round(rate["archivist verify"] / rate["sha256sum"], 2),
            "ratio_vs_xargs_p2": round(rate["archivist verify"] / rate["xargs -P2 sha256sum"], 2),
            "cpus": os.cpu_count(),
        }
        if args.json:
            print(json.dumps(summary, ensure_ascii=False, indent=2))
            return
        print(f"{len(paths)} 个文件，共 {total / MB:.0f} MB（{summary['cache']} cache，{os.cpu_count()} CPU），"
              f"每个工具测 {args.rounds} 次取最好")
        for name in results:
            print(f"  {name:<22} {best[name]:7.2f} s   {rate[name]:8.1f} MB/s")
        print(f"  archivist verify / sha256sum        = {summary['ratio_vs_sha256sum']:.2f}")
        print(f"  archivist verify / xargs -P2 sha256sum = {summary['ratio_vs_xargs_p2']:.2f}")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
