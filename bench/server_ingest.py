"""Ingest on a server: one county tenant on PostgreSQL (catalogue and search) with its files in S3, written by
one and by four `archivist ingest` processes at once, beside a county office (SQLite, Whoosh, local disk).

Everything is started here on loopback for the run — a throwaway PostgreSQL cluster (tests/pgserver.py) and a
SeaweedFS S3 server (tests/s3server.py) — and removed afterwards. The documents are archivist.samples'
plain-text corpus (about 1,000 characters each, distinct bytes). Printed: documents per second for each setup
and the ratios against the county office measured in the same run; after the four writers, the tenant holds
every document exactly once and its audit chain verifies (`archivist verify`).

    .venv/bin/python bench/server_ingest.py                 # 800 documents per setup
    .venv/bin/python bench/server_ingest.py --docs 200      # a quick run
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archivist.samples import make_text_corpus  # noqa: E402
from archivist.workspace import init_workspace  # noqa: E402
from tests import pgserver, s3server  # noqa: E402

WRITERS = 4


def server_toml(dsn: str, schema: str, s3: s3server.S3Server, prefix: str) -> str:
    return (f'\n[search]\nbackend = "postgresql"\ndsn = "{dsn}"\nschema = "{schema}_s"\n'
            f'\n[storage]\nbackend = "s3"\nendpoint_url = "{s3.endpoint}"\nbucket = "{s3.bucket}"\n'
            f'prefix = "{prefix}/"\nregion = "us-east-1"\naddressing_style = "path"\n')


def ingest(ws_root: Path, inboxes: list[Path], env: dict[str, str]) -> float:
    """`archivist ingest` once per inbox, all at the same time; the wall time until the last one ends."""
    start = time.perf_counter()
    runs = [subprocess.Popen([sys.executable, "-m", "archivist", "-w", str(ws_root), "ingest", str(box)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env) for box in inboxes]
    for run in runs:
        _out, err = run.communicate()
        if run.returncode != 0:
            raise SystemExit(f"ingest failed: {err.decode()[-2000:]}")
    return time.perf_counter() - start


def split(pool: list[Path], work: Path, name: str, parts: int) -> list[Path]:
    boxes = [work / f"{name}-{n}" for n in range(parts)]
    for box in boxes:
        box.mkdir()
    for i, path in enumerate(pool):
        shutil.copy2(path, boxes[i % parts] / path.name)
    return boxes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="archivist ingest: a PostgreSQL + S3 tenant vs a county office")
    parser.add_argument("--docs", type=int, default=800, help="documents per setup (default 800)")
    args = parser.parse_args(argv)
    if reason := pgserver.skip_reason():
        raise SystemExit(reason)
    work = Path(tempfile.mkdtemp(prefix="archivist-ingestbench-"))
    env = os.environ | {"ARCHIVIST_KEY_DIR": str(work / "keys"), "AWS_ACCESS_KEY_ID": s3server.ACCESS_KEY,
                        "AWS_SECRET_ACCESS_KEY": s3server.SECRET_KEY, "PYTHONPATH": str(Path.cwd())}
    os.environ["ARCHIVIST_KEY_DIR"] = env["ARCHIVIST_KEY_DIR"]
    print(f"工作目录 {work}; CPU {os.cpu_count()} 核; 每种部署 {args.docs} 份文档")
    pool = make_text_corpus(work / "pool", args.docs * 3)  # distinct documents for the three runs
    thirds = [pool[i::3] for i in range(3)]
    results: dict[str, float] = {}
    with pgserver.running_server() as pg, s3server.running_server(work / "s3", volume_mb=256, volumes=8) as s3:
        office = init_workspace(work / "县办公室", county="青山县", inspection_date="2025-01-20", year=2024)
        results["县办公室：SQLite + Whoosh + 本地磁盘，1 个写入进程"] = ingest(
            office.root, split(thirds[0], work, "office", 1), env)
        for label, part, writers in (("1 个写入进程", thirds[1], 1), (f"{WRITERS} 个写入进程同时", thirds[2], WRITERS)):
            schema = f"t_{uuid.uuid4().hex[:10]}"
            ws = init_workspace(work / f"服务器-{writers}", county="青山县", inspection_date="2025-01-20", year=2024,
                                database=pg.dsn, schema=schema)
            with (ws.root / "archivist.toml").open("a", encoding="utf-8") as fh:
                fh.write(server_toml(pg.dsn, schema, s3, f"青山县-{writers}"))
            boxes = split(part, work, f"server{writers}", writers)
            results[f"服务器：PostgreSQL + S3，{label}"] = ingest(ws.root, boxes, env)
            if writers == WRITERS:
                listed = subprocess.run([sys.executable, "-m", "archivist", "-w", str(ws.root), "list", "--json"],
                                        capture_output=True, text=True, env=env, check=True)
                records = json.loads(listed.stdout)
                verify = subprocess.run([sys.executable, "-m", "archivist", "-w", str(ws.root), "verify"],
                                        capture_output=True, text=True, env=env)
                print(f"四个写入进程之后：{len(records)} 条记录（应为 {len(part)}），"
                      f"verify 退出码 {verify.returncode}（0 = 目录、文件、索引和审计链一致）")
                if verify.returncode:
                    print((verify.stdout + verify.stderr)[-3000:])
    base = args.docs / results["县办公室：SQLite + Whoosh + 本地磁盘，1 个写入进程"]
    print()
    for label, seconds in results.items():
        rate = args.docs / seconds
        print(f"  {label:<40} {rate:7.1f} 份/秒  {seconds:7.1f}s  {rate / base:5.2f} 倍县办公室")
    print()
    print(f"重复运行: .venv/bin/python bench/server_ingest.py --docs {args.docs}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
