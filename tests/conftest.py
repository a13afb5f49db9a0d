"""Shared fixtures: a fresh workspace per test and a CLI runner that reads its JSON output."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from archivist.workspace import Workspace, init_workspace

os.environ.setdefault("ARCHIVIST_TEST", "1")
# audit-chain keys (one file per workspace id) in a folder of the test run's own, never ~/.config
os.environ["ARCHIVIST_KEY_DIR"] = tempfile.mkdtemp(prefix="archivist-test-keys-")


@pytest.fixture()
def ws(tmp_path: Path) -> Workspace:
    return init_workspace(tmp_path / "ws", county="青山县", inspection_date="2025-01-20", year=2024)


class Cli:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.runner = CliRunner()

    def __call__(self, *args: str, expect: int = 0) -> str:
        from archivist.cli import app

        result = self.runner.invoke(app, ["-w", str(self.ws.root), *args])
        assert result.exit_code == expect, f"exit {result.exit_code}: {result.output}\n{result.exception!r}"
        return result.output

    def json(self, *args: str) -> list | dict:
        from archivist.cli import app

        result = self.runner.invoke(app, ["-w", str(self.ws.root), *args, "--json"])
        assert result.exit_code == 0, f"exit {result.exit_code}: {result.output}\n{result.exception!r}"
        return json.loads(result.stdout)


@pytest.fixture()
def cli(ws: Workspace) -> Cli:
    return Cli(ws)


# search backends: the same search tests on Whoosh and on PostgreSQL ----------------------------
from collections.abc import Callable, Iterator  # noqa: E402

from tests.pgserver import SearchBackendSpec, pg_server  # noqa: E402, F401 - pg_server: a session fixture

SEARCH_BACKENDS = ("whoosh", "postgresql")


@pytest.fixture(params=SEARCH_BACKENDS)
def search_backend(request: pytest.FixtureRequest) -> Iterator[SearchBackendSpec]:
    """Each test that asks for it runs once per backend; PostgreSQL on the session's own throwaway
    server (skipped, saying why, where none can be started), in a schema of the test's own."""
    if request.param == "whoosh":
        yield SearchBackendSpec("whoosh")
        return
    server = request.getfixturevalue("pg_server")
    schema = server.new_schema()
    yield SearchBackendSpec("postgresql", server.dsn, schema)
    server.drop_schema(schema)


@pytest.fixture()
def make_index(search_backend: SearchBackendSpec, tmp_path: Path) -> Callable[[], object]:
    """A function returning a new SearchIndex on the test's backend (all of them on one index)."""
    return lambda: search_backend.open(tmp_path / "whoosh")


@pytest.fixture()
def search_ws(ws: Workspace, search_backend: SearchBackendSpec) -> Workspace:
    """The test workspace with the test's search backend in its archivist.toml."""
    with (ws.root / "archivist.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n" + search_backend.toml())
    return Workspace(ws.root)


# catalogues: the catalogue tests on SQLite and on PostgreSQL -----------------------------------
CATALOGUES = ("sqlite", "postgresql")


def _drop_tenant(server: object, schema: str) -> None:
    """Drop a test's tenant; connections a test left open on it are ended first."""
    import psycopg

    with psycopg.connect(server.dsn, autocommit=True) as conn:  # type: ignore[attr-defined]
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s"
                     " AND pid <> pg_backend_pid()", (f"archivist {schema}",))
    server.drop_schema(schema)  # type: ignore[attr-defined]


@pytest.fixture(params=CATALOGUES)
def catalogue_ws(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workspace]:
    """The test workspace on each catalogue: SQLite in index/, or a PostgreSQL tenant of its own on
    the session's throwaway server (skipped, saying why, where none can be started)."""
    if request.param == "sqlite":
        yield init_workspace(tmp_path / "ws", county="青山县", inspection_date="2025-01-20", year=2024)
        return
    server = request.getfixturevalue("pg_server")
    schema = server.new_schema()
    yield init_workspace(tmp_path / "ws", county="青山县", inspection_date="2025-01-20", year=2024,
                         database=server.dsn, schema=schema)
    _drop_tenant(server, schema)


def raw_catalogue(ws: Workspace):  # noqa: ANN201 - a sqlite3 connection or the PostgreSQL one, rows by name
    """A connection straight to the workspace's catalogue, outside archivist (what someone with write
    access to the database would use): no triggers of archivist's, no audit. `?` placeholders on both."""
    import sqlite3

    config = ws.catalogue_config
    if not config.is_postgresql:
        db = sqlite3.connect(ws.catalogue_path)
        db.row_factory = sqlite3.Row
        return db
    from archivist.catalogue.pg import PgConnection

    return PgConnection(config.database or "", config.schema, "tamper")


def only_sqlite(ws: Workspace, why: str) -> None:
    """Skip the PostgreSQL run of a test of something only the SQLite catalogue has (saying what)."""
    if ws.catalogue_config.is_postgresql:
        pytest.skip(f"SQLite only: {why}")
