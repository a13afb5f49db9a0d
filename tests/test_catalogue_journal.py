"""The one journal: every move-journal row and audit entry in one time format, and the rows and
chains written before it still read and verify (rows of the old format: test_integrity's
test_recover_rolls_back_an_interrupted_assign)."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from archivist import auditchain
from archivist.catalogue import Catalogue, PgTarget, new_id
from tests.conftest import CATALOGUES, _drop_tenant


@pytest.fixture(params=CATALOGUES)
def open_new(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], Catalogue]]:
    """A new catalogue, on SQLite or on a PostgreSQL tenant of this test's own."""
    path = tmp_path / "index" / "catalogue.sqlite3"
    if request.param == "sqlite":
        yield lambda: Catalogue(path)
        return
    server = request.getfixturevalue("pg_server")
    schema = server.new_schema()
    yield lambda: Catalogue(path, database=PgTarget(server.dsn, schema))
    _drop_tenant(server, schema)


def _record(evidence_id: str, name: str) -> dict:
    return {"id": evidence_id, "status": "filed", "indicator": "A01", "original_name": name, "sha256": "0" * 64,
            "size": 1, "archive_path": f"archive/A/{name}"}


def _offset_time(text: str) -> dt.datetime:
    when = dt.datetime.fromisoformat(text)
    assert when.utcoffset() is not None, f"{text} has no UTC offset"
    return when


def test_moves_and_audit_entries_carry_one_time_format(tmp_path: Path, open_new) -> None:
    catalogue = open_new()
    try:
        with catalogue.transaction():
            catalogue.insert(_record("a1", "通知.pdf"))
            catalogue.audit("filed", "a1")
            catalogue.journal.open_move("a1", tmp_path / "archive/A/通知.pdf", tmp_path / "archive/B/通知.pdf")
        (entry,) = catalogue.journal.entries()
        moved = _offset_time(entry.created_at)
        audited = [_offset_time(e["at"]) for e in catalogue.audit_entries()]
        assert entry.stage == "moving" and entry.dest == tmp_path / "archive/B/通知.pdf"
        assert all(abs((moved - at).total_seconds()) < 60 for at in audited)
    finally:
        catalogue.close()


def test_a_move_of_a_gbk_named_file_is_journaled(tmp_path: Path, open_new) -> None:
    """A name that is not UTF-8 (a GBK zip member) has no text form SQLite accepts: kept as bytes."""
    name = os.fsdecode("中期报告.pdf".encode("gbk"))
    source, dest = tmp_path / "archive" / "A" / name, tmp_path / "archive" / "B" / name
    catalogue = open_new()
    try:
        with catalogue.transaction():
            catalogue.journal.open_move("a1", source, dest)
        (entry,) = catalogue.journal.entries()
        assert (entry.source, entry.dest) == (source, dest)
    finally:
        catalogue.close()


def _old_chain(tmp_path: Path) -> Path:
    """A catalogue with the unkeyed entries of an old workspace, in both time formats it wrote."""
    path = tmp_path / "index" / "catalogue.sqlite3"
    Catalogue(path).close()
    db = sqlite3.connect(path)
    prev = "0" * 64
    for seq, at in enumerate(("2024-10-15 01:30:00", "2024-10-15T09:31:00+08:00"), start=1):
        detail = json.dumps({"n": seq}, ensure_ascii=False, sort_keys=True)
        digest = auditchain.legacy_hash(prev, at, "clerk@pc", "filed", None, detail)
        db.execute("INSERT INTO audit(seq, at, actor, action, evidence_id, detail, prev_hash, hash)"
                   " VALUES (?,?,?,?,?,?,?,?)", (seq, at, "clerk@pc", "filed", None, detail, prev, digest))
        prev = digest
    db.commit()
    db.close()
    return path


def test_a_chain_written_before_still_verifies(tmp_path: Path) -> None:
    """The old entries verify after new keyed ones are appended (the seal anchors them)."""
    catalogue = Catalogue(_old_chain(tmp_path))
    try:
        with catalogue.transaction():
            catalogue.insert(_record(new_id(), "验收报告.docx"))
            catalogue.audit("filed", None)
        actions = [e["action"] for e in catalogue.audit_entries()]
        assert actions == ["filed", "filed", auditchain.SEAL_ACTION, "filed"]
        assert catalogue.verify_audit() == []
    finally:
        catalogue.close()


def test_an_edited_old_entry_still_shows(tmp_path: Path) -> None:
    path = _old_chain(tmp_path)
    db = sqlite3.connect(path)
    db.execute("UPDATE audit SET actor='someone-else' WHERE seq=1")
    db.commit()
    db.close()
    catalogue = Catalogue(path)
    try:
        assert catalogue.verify_audit() == ["审计日志第 1 条内容被修改"]
    finally:
        catalogue.close()


def test_what_the_intake_asks_the_catalogue(tmp_path: Path, open_new) -> None:
    """The look-ups the intake makes before filing: stored bytes, a zip member seen before, a skipped entry."""
    catalogue = open_new()
    try:
        with catalogue.transaction():
            catalogue.insert(_record("m1", "成员.pdf") | {
                "sha256": "a" * 64, "provenance": {"container_sha256": "z" * 64, "member": "乡镇/成员.pdf"}})
            catalogue.insert({"id": "q1", "status": "quarantined", "original_name": "坏.zip", "sha256": "b" * 64,
                              "size": 0, "source_path": "/来件/坏.zip", "reason": "压缩包加密：请解密后重发"})
            catalogue.containers.add("c1", "z" * 64, "乡镇.zip", "archive/_压缩包原件/乡镇.zip")
        assert catalogue.evidence.is_archived("a" * 64) and not catalogue.evidence.is_archived("b" * 64)
        assert catalogue.evidence.member_of("z" * 64, "乡镇/成员.pdf") == "m1"
        assert catalogue.evidence.member_of("z" * 64, "乡镇/别的.pdf") is None
        assert catalogue.evidence.skipped_before("/来件/坏.zip", "压缩包加密") == "q1"
        assert catalogue.containers.find_by_sha("z" * 64) == "c1"
    finally:
        catalogue.close()
