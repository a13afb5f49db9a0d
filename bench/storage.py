"""EvidenceStore throughput: LocalStore vs S3Store (SeaweedFS on loopback), the same files in the same run.

    .venv/bin/python bench/storage.py                  # 300 MB across files of mixed sizes
    .venv/bin/python bench/storage.py --size-mb 60     # a quick run

For each store, on the same generated files: put (durable: fsync + rename on disk; Content-MD5 and
sha256 on S3), the verify pass (integrity.hash_keys: list + re-hash every key with two threads), and
local_path with the catalogue's sha256 (what the dossier, export and web view do). Printed as MB/s and
as the ratio S3 / local, so the figure means the same on a faster or slower machine. Loopback S3 is
an upper bound for a real network: the point is the store's own overhead (spooling, hashing, HTTP).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

MB = 1024 * 1024


def make_files(folder: Path, total_mb: int, rng: random.Random) -> list[tuple[Path, str]]:
    """Files summing to about total_mb: a few scans (8–30 MB), documents (0.3–3 MB), photos (50–400 KB)."""
    folder.mkdir(parents=True)
    out, budget = [], total_mb * MB
    shares = ((0.4, 8 * MB, 30 * MB), (0.4, 300 * 1024, 3 * MB), (0.2, 50 * 1024, 400 * 1024))
    n = 0
    for share, low, high in shares:
        left = int(budget * share)
        while left > low:
            size = min(left, rng.randint(low, high))
            data = rng.randbytes(size)
            path = folder / f"{n:05d}-材料.bin"
            path.write_bytes(data)
            out.append((path, hashlib.sha256(data).hexdigest()))
            left -= size
            n += 1
    return out


def run(store, files: list[tuple[Path, str]]) -> dict[str, float]:
    from archivist.integrity import hash_keys

    total = sum(p.stat().st_size for p, _ in files) / MB
    keys = [(f"archive/C-农村人居环境/C01-农村厕所革命/{p.name}", p, sha) for p, sha in files]
    started = time.perf_counter()
    for key, path, sha in keys:
        store.put(key, path, sha)
    put = time.perf_counter() - started
    started = time.perf_counter()
    listed = sorted(store.keys("archive"))
    hashed = hash_keys(store, listed)
    verify = time.perf_counter() - started
    assert all(isinstance(hashed[k], tuple) and hashed[k][0] == sha for k, _p, sha in keys)
    started = time.perf_counter()
    for key, _path, sha in keys:
        with store.local_path(key, sha) as local:
            os.stat(local)
    fetch = time.perf_counter() - started
    return {"put": total / put, "verify": total / verify, "local_path": total / fetch, "mb": total}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from s3server import running_server

    from archivist.storage import LocalStore, StorageConfig
    from archivist.storage.s3 import S3Store

    with tempfile.TemporaryDirectory(prefix="bench-storage-") as tmp:
        base = Path(tmp)
        files = make_files(base / "inbox", args.size_mb, random.Random(args.seed))
        volumes = max(4, args.size_mb // 64 + 2)
        with running_server(base / "weed", volume_mb=128, volumes=volumes) as server:
            os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"] = server.access_key, server.secret_key
            local = run(LocalStore(base / "ws"), files)
            config = StorageConfig(backend="s3", endpoint_url=server.endpoint, bucket=server.bucket, prefix="bench/")
            s3 = run(S3Store(config, base / "scratch"), files)
    print(f"{len(files)} files, {local['mb']:.0f} MB (bench/storage.py --size-mb {args.size_mb} --seed {args.seed})")
    print(f"{'':12}{'local MB/s':>12}{'S3 MB/s':>12}{'S3/local':>10}")
    for step in ("put", "verify", "local_path"):
        label = "local_path*" if step == "local_path" else step
        print(f"{label:12}{local[step]:>12.0f}{s3[step]:>12.0f}{s3[step] / local[step]:>10.2f}")
    print("* local_path on local disk hands out the file itself (no copy): its figure is the call's overhead")


if __name__ == "__main__":
    main()
