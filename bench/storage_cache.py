"""S3 read cache: what a second `local_path` of the same object costs, against the first (a download).

    .venv/bin/python bench/storage_cache.py                 # 120 MB across files of mixed sizes
    .venv/bin/python bench/storage_cache.py --size-mb 40    # a quick run

On the same generated files in SeaweedFS on loopback: local_path with the catalogue's sha256 from a
cold cache (GET + hash + copy), then again from the warm cache (a HEAD and a hard link), and the
GetObject requests each pass sent. Printed as MB/s and as warm/cold, so the figure means the same on
a faster or slower machine; on a real network the cold pass is slower and the ratio larger.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))


def timed_pass(store, keys: list[tuple[str, str]], counter: list[int]) -> tuple[float, int]:
    before = counter[0]
    started = time.perf_counter()
    for key, sha in keys:
        with store.local_path(key, sha) as local:
            os.stat(local)
    return time.perf_counter() - started, counter[0] - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from botocore.client import BaseClient
    from s3server import running_server
    from storage import MB, make_files

    from archivist.storage import StorageConfig
    from archivist.storage.cache import ReadCache
    from archivist.storage.s3 import S3Store

    gets = [0]
    real = BaseClient._make_api_call

    def counting(self, operation_name, api_params):  # noqa: ANN001, ANN202
        if operation_name == "GetObject":
            gets[0] += 1
        return real(self, operation_name, api_params)

    BaseClient._make_api_call = counting  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as tmp:
        base = Path(tmp)
        files = make_files(base / "inbox", args.size_mb, random.Random(args.seed))
        total = sum(p.stat().st_size for p, _ in files) / MB
        with running_server(base / "weed", volume_mb=128, volumes=max(4, args.size_mb // 64 + 2)) as server:
            os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"] = server.access_key, server.secret_key
            config = StorageConfig(backend="s3", endpoint_url=server.endpoint, bucket=server.bucket, prefix="bench/")
            cache = ReadCache(base / "objects", max_bytes=4 * args.size_mb * MB)
            store = S3Store(config, base / "scratch", cache=cache)
            keys = []
            for path, sha in files:
                key = f"archive/C-农村人居环境/C01-农村厕所革命/{path.name}"
                store.put(key, path, sha)
                keys.append((key, sha))
            shutil.rmtree(base / "objects")  # cold: as after a restart with an emptied cache
            cold, cold_gets = timed_pass(store, keys, gets)
            warm, warm_gets = timed_pass(store, keys, gets)
    print(f"{len(files)} files, {total:.0f} MB (bench/storage_cache.py --size-mb {args.size_mb} --seed {args.seed})")
    n = len(files)
    print(f"{'local_path':12}{'MB/s':>10}{'ms/file':>9}{'GETs':>7}")
    print(f"{'cold cache':12}{total / cold:>10.0f}{1000 * cold / n:>9.1f}{cold_gets:>7}")
    print(f"{'warm cache':12}{total / warm:>10.0f}{1000 * warm / n:>9.1f}{warm_gets:>7}")
    print("warm: one HEAD (is the object unchanged?) and a hard link per file, no body transferred")
    print(f"warm/cold speed: {cold / warm:.1f}x")


if __name__ == "__main__":
    main()
