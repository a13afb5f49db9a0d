"""A real PostgreSQL server for the tests: a throwaway cluster from Debian's binaries, on loopback.

One cluster per test session (initdb and start take a few seconds), in a temp folder of its own, on a
free loopback port with its unix socket in the same folder, so two test runs on one machine do not
meet. Trust authentication (nothing but this machine can reach it) and no fsync: the data is thrown
away. initdb and the server refuse to run as root, and the tests run as root here and in CI: then
the binaries run as the `postgres` system user (Debian's `postgresql` package creates it) through
`runuser`, in a folder that user owns. Without the binaries the PostgreSQL tests skip and say why.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

INSTALL_HINT = (
    "PostgreSQL 未安装，跳过 PostgreSQL 检索测试：apt-get install postgresql"
    " / no PostgreSQL binaries (/usr/lib/postgresql/*/bin/initdb): apt-get install postgresql"
)
START_SECONDS = 60


@dataclass(frozen=True)
class PgServer:
    dsn: str  # postgresql://postgres@127.0.0.1:PORT/postgres
    home: Path
    log: Path

    def new_schema(self) -> str:
        """A schema name no other test uses (each test its own tenant on the one server)."""
        return f"t_{uuid.uuid4().hex[:12]}"

    def drop_schema(self, schema: str) -> None:
        import psycopg

        with psycopg.connect(self.dsn, autocommit=True) as conn:
            conn.execute("SET lock_timeout = '10s'")
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')

    def connections(self, application_name: str) -> int:
        """Server connections open under this application name (what a closed backend must leave)."""
        import psycopg

        with psycopg.connect(self.dsn, autocommit=True) as conn:
            row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
                               (application_name,)).fetchone()
        return int(row[0]) if row else 0


def pg_bindir() -> Path | None:
    """The newest /usr/lib/postgresql/N/bin that has initdb, pg_ctl and postgres."""
    found = []
    for initdb in Path("/usr/lib/postgresql").glob("*/bin/initdb"):
        bindir = initdb.parent
        version = re.match(r"\d+", bindir.parent.name)
        if version and all((bindir / tool).is_file() for tool in ("pg_ctl", "postgres")):
            found.append((int(version.group()), bindir))
    return max(found)[1] if found else None


def skip_reason() -> str | None:
    """Why the PostgreSQL tests cannot run here (None: they can)."""
    if pg_bindir() is None:
        return INSTALL_HINT
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg 未安装，跳过 PostgreSQL 检索测试：.venv/bin/pip install -e '.[dev]'"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "以 root 运行但没有 postgres 系统用户（initdb 拒绝 root），跳过 PostgreSQL 检索测试"
        if shutil.which("runuser") is None:
            return "以 root 运行但没有 runuser，无法以 postgres 用户启动 PostgreSQL，跳过"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_owner(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    with running_server() as server:
        yield server


@contextmanager
def running_server() -> Iterator[PgServer]:
    """initdb + pg_ctl start on a free loopback port in a new temp folder; stopped and removed on exit."""
    bindir = pg_bindir()
    if bindir is None:
        raise RuntimeError(INSTALL_HINT)
    home = Path(tempfile.mkdtemp(prefix="archivist-pg-"))  # under /tmp, so `postgres` can reach it
    try:
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(home, owner.pw_uid, owner.pw_gid)
        data, log = home / "data", home / "server.log"
        subprocess.run(
            _as_owner([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                       "--encoding=UTF8", "--locale=C", "--no-sync"]),
            check=True, capture_output=True, timeout=120,
        )
        port = _free_port()
        options = (f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                   " -c full_page_writes=off -c max_connections=200")
        started = subprocess.run(
            _as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
                       "-w", "-t", str(START_SECONDS), "start"]),
            capture_output=True, timeout=START_SECONDS + 30,
        )
        if started.returncode != 0:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {started.stderr.decode(errors='replace')}\n{tail}")
        try:
            server = PgServer(f"postgresql://postgres@127.0.0.1:{port}/postgres", home, log)
            _wait_until_ready(server)
            yield server
        finally:
            subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                           capture_output=True, timeout=60)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _wait_until_ready(server: PgServer) -> None:
    import psycopg

    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            with psycopg.connect(server.dsn, connect_timeout=2) as conn:
                conn.execute("SELECT 1")
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@dataclass(frozen=True)
class SearchBackendSpec:
    """Which search backend a parametrised test runs on, picklable (a writer in another process
    opens the same index from it). `schema` is the test's own tenant on the session's server."""

    name: str  # whoosh | postgresql
    dsn: str | None = None
    schema: str | None = None

    def open(self, directory: Path):  # noqa: ANN201 - a SearchIndex (imported late, as the tests do)
        """A SearchIndex on this backend; Whoosh keeps its index in `directory`."""
        from archivist.search import SearchIndex

        if self.name == "whoosh":
            return SearchIndex(directory)
        from archivist.search.pg_backend import PostgresBackend

        assert self.dsn and self.schema
        return SearchIndex(directory, PostgresBackend(self.dsn, self.schema))

    def toml(self) -> str:
        """The [search] table of archivist.toml that selects this backend."""
        if self.name == "whoosh":
            return '[search]\nbackend = "whoosh"\n'
        return f'[search]\nbackend = "postgresql"\ndsn = "{self.dsn}"\nschema = "{self.schema}"\n'
