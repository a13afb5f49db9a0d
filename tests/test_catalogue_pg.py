"""What is particular to the PostgreSQL catalogue (the shared behaviour runs on both catalogues in
test_catalogue_journal, test_intake, test_tamper and test_cli): writers side by side on one tenant,
recovery of the moves of a writer that is gone (and only those), the [catalogue] settings, `init
--database`, and the one-line message when the server cannot be reached.

Runs against the session's throwaway cluster (tests/pgserver.py); skipped, saying why, where none
can be started.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from archivist.catalogue import Catalogue, PgTarget, open_catalogue
from archivist.samples import make_text_corpus
from archivist.workspace import Workspace, WorkspaceError, init_workspace
from tests.conftest import _drop_tenant
from tests.pgserver import PgServer

WRITERS = 4


@pytest.fixture()
def tenant(pg_server: PgServer):  # noqa: ANN201 - (server, schema)
    schema = pg_server.new_schema()
    yield pg_server, schema
    _drop_tenant(pg_server, schema)


def _pg_ws(root: Path, server: PgServer, schema: str) -> Workspace:
    return init_workspace(root, county="青山县", inspection_date="2025-01-20", year=2024, database=server.dsn,
                          schema=schema)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_four_writers_ingesting_overlapping_inboxes_file_each_file_once(tenant, tmp_path: Path) -> None:
    """Four processes at once on one tenant, each with an inbox that shares files with the others (the
    same bytes under other paths): every file is filed exactly once, the rest are duplicates of it,
    nothing is lost or doubled, the journal is closed and the audit chain verifies."""
    server, schema = tenant
    ws = _pg_ws(tmp_path / "ws", server, schema)
    pool = make_text_corpus(tmp_path / "pool", 16)
    inboxes = []
    for writer in range(WRITERS):
        inbox = tmp_path / f"来件{writer}"
        inbox.mkdir()
        for n in range(writer * 3, writer * 3 + 8):  # 8 files each, overlapping the next writer's
            shutil.copy2(pool[n % len(pool)], inbox / pool[n % len(pool)].name)
        inboxes.append(inbox)
    inputs = sum(len(list(i.iterdir())) for i in inboxes)
    distinct = {p.read_bytes() for i in inboxes for p in i.iterdir()}
    env = os.environ | {"ARCHIVIST_LOCK_TIMEOUT": "5"}  # a file lock taken by mistake would fail fast
    runs = [subprocess.Popen([sys.executable, "-m", "archivist", "-w", str(ws.root), "ingest", str(inbox), "--json"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for inbox in inboxes]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err.decode()
    printed = [r for out, _err in outputs for r in json.loads(out)]
    assert len(printed) == inputs

    catalogue = open_catalogue(ws)
    try:
        records = catalogue.records()
        assert len(records) == inputs  # one record per input: nothing lost, nothing recorded twice
        originals = [r for r in records if r["status"] != "duplicate"]
        assert Counter(r["sha256"] for r in originals).most_common(1)[0][1] == 1
        assert len(originals) == len(distinct)
        by_id = {r["id"]: r for r in originals}
        for dup in (r for r in records if r["status"] == "duplicate"):
            assert by_id[dup["duplicate_of"]]["sha256"] == dup["sha256"]
        files = [p for p in ws.archive.rglob("*") if p.is_file() and p.name != ".gitkeep"]
        assert sorted(ws.relative(p) for p in files) == sorted(r["archive_path"] for r in originals)
        assert {p.read_bytes() for p in files} == distinct
        assert catalogue.journal.rows() == []
        assert catalogue.verify_audit() == []
        assert len({e["seq"] for e in catalogue.audit_entries()}) == len(catalogue.audit_entries())
    finally:
        catalogue.close()
    verified = CliRunner().invoke(__import__("archivist.cli", fromlist=["app"]).app,
                                  ["-w", str(ws.root), "verify", "--json"])
    assert verified.exit_code == 0, verified.output
    doctor = CliRunner().invoke(__import__("archivist.cli", fromlist=["app"]).app, ["-w", str(ws.root), "doctor"])
    assert doctor.exit_code == 0, doctor.output  # no SQLite file to miss: the tenant is the catalogue


def test_recovery_takes_over_only_the_moves_of_a_writer_that_is_gone(tenant, tmp_path: Path) -> None:
    server, schema = tenant
    path = tmp_path / "index" / "catalogue.sqlite3"
    target = PgTarget(server.dsn, schema)
    alive, other = Catalogue(path, database=target), Catalogue(path, database=target)
    try:
        with alive.transaction():
            alive.journal.open_move("e1", tmp_path / "archive/A/a.pdf", tmp_path / "archive/B/a.pdf")
        assert other.journal_entries() == []  # its writer is alive: not ours to recover
        assert len(other.journal.rows()) == 1
        alive.close()
        later = Catalogue(path, database=target)
        try:
            (entry,) = later.journal_entries()  # the writer is gone: recovered by the next one
            assert entry["evidence_id"] == "e1"
            assert other.journal_entries() == []  # and by one writer only
        finally:
            later.close()
    finally:
        other.close()


def test_init_writes_the_catalogue_table_and_the_schema_is_created(tenant, tmp_path: Path) -> None:
    from archivist.cli import app

    server, schema = tenant
    root = tmp_path / "县档案"
    result = CliRunner().invoke(app, ["init", str(root), "--database", server.dsn, "--schema", schema])
    assert result.exit_code == 0, result.output
    text = (root / "archivist.toml").read_text(encoding="utf-8")
    assert "[catalogue]" in text and f'schema = "{schema}"' in text
    ws = Workspace(root)
    assert ws.catalogue_config.is_postgresql and ws.catalogue_config.schema == schema
    assert not ws.catalogue_path.exists()  # nothing of the catalogue on local disk
    import psycopg

    with psycopg.connect(server.dsn) as conn:
        tables = {r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", (schema,))}
        version = conn.execute(f'SELECT version FROM "{schema}".schema_version').fetchone()
    assert {"evidence", "journal", "audit", "audit_head", "schema_version", "schema_parts", "team_users"} <= tables
    from archivist.catalogue import MIGRATIONS

    assert version == (len(MIGRATIONS),)


def test_an_unreachable_server_is_one_line_without_the_password(tmp_path: Path, monkeypatch) -> None:
    from archivist.cli import app

    port = _closed_port()
    monkeypatch.setenv("ARCHIVIST_CATALOGUE_DSN", f"postgresql://clerk:s3cret@127.0.0.1:{port}/archivist")
    result = CliRunner().invoke(app, ["init", str(tmp_path / "ws"), "--database",
                                      f"postgresql://clerk@127.0.0.1:{port}/archivist"])
    assert result.exit_code == 1
    line = result.output.strip()
    assert "无法连接目录数据库" in line and f"postgresql://clerk:***@127.0.0.1:{port}/archivist" in line
    assert "s3cret" not in line and "请确认 PostgreSQL 已启动" in line


def test_wrong_catalogue_settings_are_refused_in_one_line(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws", county="青山县", year=2024)
    config = ws.root / "archivist.toml"
    base = config.read_text(encoding="utf-8")
    for table, expected in (
        ('[catalogue]\ndatabase = "mysql://x@h/db"\n', "应以 postgresql:// 开头"),
        ('[catalogue]\ndatabase = "postgresql://u:pw@h/db"\n', "不能写入密码"),
        ('[catalogue]\ndatabase = "postgresql://u@h/db"\nschema = "Bad-Name"\n', "schema"),
        ('[catalogue]\nschema = "qingshan"\n', "没有 database"),
        ('[catalogue]\nserver = "x"\n', "未知设置 server"),
    ):
        config.write_text(base + "\n" + table, encoding="utf-8")
        with pytest.raises(WorkspaceError, match=expected):
            Workspace(ws.root)
    config.write_text(base, encoding="utf-8")
    assert not Workspace(ws.root).catalogue_config.is_postgresql  # no table: SQLite, as before


def test_the_web_page_reads_accounts_from_the_postgresql_tenant(tenant, tmp_path: Path) -> None:
    """Accounts in a PostgreSQL catalogue make every page ask for a login, as they do on SQLite."""
    from fixtures_gen import add_users

    from archivist.team.unit_counts import read_unit_counts
    from archivist.web.team_routes import AccountReader

    server, schema = tenant
    ws = _pg_ws(tmp_path / "ws", server, schema)
    reader = AccountReader(ws)
    assert not reader.active()
    add_users(ws.root, {"zhang": ("资料组", "", "correct-horse-battery")})
    assert AccountReader(ws).active()
    assert AccountReader(ws).user("zhang") is not None
    assert read_unit_counts(ws) == []


def test_a_postgresql_tenant_has_the_tables_and_columns_of_a_sqlite_catalogue(tenant, tmp_path: Path) -> None:
    """The two schemas are written twice (schema.py: SQLite's steps and their PostgreSQL twins); a column
    added to one and forgotten in the other would make a command fail on one catalogue only."""
    from archivist.catalogue import schema as catalogue_schema

    server, name = tenant
    local = init_workspace(tmp_path / "本机", county="青山县", inspection_date="2025-01-20", year=2024)
    sqlite_side = open_catalogue(local)
    tables = catalogue_schema.table_names(sqlite_side.db) - {"sqlite_sequence"}
    on_sqlite = {t: catalogue_schema.table_columns(sqlite_side.db, t) for t in tables}
    sqlite_side.close()
    pg_side = open_catalogue(_pg_ws(tmp_path / "服务器", server, name))
    tables = catalogue_schema.pg_table_names(pg_side.db) - {"audit_head", "schema_version"}
    on_pg = {t: catalogue_schema.pg_table_columns(pg_side.db, t) for t in tables}
    pg_side.close()
    assert {"evidence", "journal", "audit", "team_users"} <= set(on_sqlite)
    assert sorted(on_pg) == sorted(on_sqlite)
    for table, columns in on_sqlite.items():
        assert sorted(on_pg[table]) == sorted(columns), table


def test_a_unit_short_name_expands_to_a_unit_of_a_server_catalogue(tenant, tmp_path: Path) -> None:
    """水保站 stands for the 水土保持监督站 this county's records name — read from the tenant, there being no
    catalogue file on local disk for a server workspace."""
    from archivist.concepts import load_concepts
    from tests.fixtures_gen import insert_record

    server, schema = tenant
    ws = _pg_ws(tmp_path / "ws", server, schema)
    insert_record(ws, title="2024年水土流失治理台账", unit="县水土保持监督站", text="填报单位：水土保持监督站")
    assert not ws.catalogue_path.exists()
    assert load_concepts(ws.root).alternatives("水保站") == ["水保站", "水土保持监督站"]


def test_writers_share_a_server_catalogue_but_a_scheme_migration_is_alone(tenant, tmp_path: Path) -> None:
    """Writers work side by side on one tenant; `scheme migrate` rewrites the whole archive, so it waits for
    them (and they for it) and gives up after the lock timeout with one line, as on SQLite's file lock."""
    from archivist.intake.session import writer_session
    from archivist.workspace import WorkspaceBusy

    server, schema = tenant
    ws = _pg_ws(tmp_path / "ws", server, schema)
    with writer_session(ws, "ingest", on_wait=None):
        with writer_session(ws, "assign", on_wait=None, timeout=0.5):
            pass  # a second ordinary writer is not held up
        with pytest.raises(WorkspaceBusy, match="正被其他写入者使用"):
            with writer_session(ws, "scheme migrate", on_wait=None, timeout=0.5):
                pytest.fail("the migration ran beside an ingest")
    with writer_session(ws, "scheme migrate", on_wait=None):
        with pytest.raises(WorkspaceBusy, match="正被独占操作"):
            with writer_session(ws, "ingest", on_wait=None, timeout=0.5):
                pytest.fail("an ingest ran during the migration")
    with writer_session(ws, "scheme migrate", on_wait=None, timeout=0.5):
        pass  # released when each session ended
