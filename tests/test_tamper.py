"""Direct database edits must not pass `verify`: the keyed audit chain, row digests and anchors.

Each test does what someone with write access to index/catalogue.sqlite3 (but not to the user's
config folder, where the chain key lives) could do in a SQLite browser, and checks that verify
exits 1 naming the record. The chain cannot be rebuilt without the key, cutting off its end shows
against the head record beside the key, and an anchor printed on a dossier or an export lets an
inspector check a later archive.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from archivist import auditchain
from archivist.catalogue import open_catalogue
from archivist.samples import make_text_corpus
from archivist.workspace import Workspace
from tests.conftest import only_sqlite, raw_catalogue


@pytest.fixture()
def ws(catalogue_ws: Workspace) -> Workspace:
    """This module's tests run on both catalogues (SQLite and PostgreSQL)."""
    return catalogue_ws


@pytest.fixture()
def tampered_ws(cli, ws: Workspace, tmp_path: Path) -> Workspace:
    """Filed documents, a self-score and a problem, all written through archivist (verify passes)."""
    make_text_corpus(tmp_path / "来件", 5)
    cli("ingest", str(tmp_path / "来件"))
    cli("score", "set", "C01", "1", "--note", "自评")
    cli("problems", "add", "--desc", "某村厕所未整改", "--unit", "河口镇", "--found", "2024-06-01",
        "--deadline", "2024-12-31")
    assert run_verify(ws)[0] == 0
    return ws


def run_verify(ws: Workspace, *extra: str) -> tuple[int, dict]:
    from archivist.cli import app

    result = CliRunner().invoke(app, ["-w", str(ws.root), "verify", "--json", *extra])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def messages(report: dict) -> str:
    return "\n".join(f["message"] for f in report["findings"])


def sql(ws: Workspace, statement: str, *args: object) -> None:
    db = raw_catalogue(ws)
    db.execute(statement, args)
    db.commit()
    db.close()


def a_filed_row(ws: Workspace) -> dict:
    db = raw_catalogue(ws)
    db.row_factory = sqlite3.Row
    row = dict(db.execute("SELECT * FROM evidence WHERE status='filed' ORDER BY rowid LIMIT 1").fetchone())
    db.close()
    return row


# each direct edit from the field report ------------------------------------------------------------
def _delete_row_and_file(ws: Workspace) -> str:
    row = a_filed_row(ws)
    (ws.root / row["archive_path"]).unlink()
    sql(ws, "DELETE FROM evidence WHERE id=?", row["id"])
    return row["id"]


def _swap_file_and_sha(ws: Workspace) -> str:
    row = a_filed_row(ws)
    forged = "河口镇改厕工作全部完成，群众满意率百分之百。".encode()
    (ws.root / row["archive_path"]).write_bytes(forged)
    sql(ws, "UPDATE evidence SET sha256=?, size=? WHERE id=?", hashlib.sha256(forged).hexdigest(), len(forged),
        row["id"])
    return row["id"]


def _field_edit(column: str, value: str) -> Callable[[Workspace], str]:
    def edit(ws: Workspace) -> str:
        row = a_filed_row(ws)
        sql(ws, f"UPDATE evidence SET {column}=? WHERE id=?", value, row["id"])
        return row["id"]

    edit.__name__ = f"_edit_{column}"
    return edit


def _close_problem(ws: Workspace) -> str:
    sql(ws, "UPDATE problems SET status='closed', closed_at='2024-11-30', close_note='已整改' WHERE id=1")
    return "1"


def _raise_score(ws: Workspace) -> str:
    sql(ws, "UPDATE self_scores SET points=5 WHERE code='C01'")
    return "C01"


def _insert_row(ws: Workspace) -> str:
    row = a_filed_row(ws) | {"id": "feedface0001", "archive_path": None, "status": "duplicate"}
    row["duplicate_of"] = a_filed_row(ws)["id"]
    columns = ", ".join(row)
    sql(ws, f"INSERT INTO evidence({columns}) VALUES ({', '.join('?' * len(row))})", *row.values())
    return "feedface0001"


def _delete_problem(ws: Workspace) -> str:
    sql(ws, "DELETE FROM problems WHERE id=1")
    return "1"


@pytest.mark.parametrize(
    ("damage", "needles"),
    [
        (_delete_row_and_file, ["已不在目录数据库中", "删除"]),
        (_swap_file_and_sha, ["被改动：SHA-256、大小"]),
        (_field_edit("status", "unsorted"), ["被改动：状态"]),
        (_field_edit("indicator", "A01"), ["被改动：指标"]),
        (_field_edit("doc_date", "2023-01-01"), ["被改动：成文日期"]),
        (_field_edit("title", "伪造的题名"), ["被改动：题名"]),
        (_field_edit("unit", "伪造单位"), ["被改动：责任者"]),
        (_close_problem, ["问题 #1", "状态"]),
        (_raise_score, ["指标 C01 的自评分", "被改动：分值"]),
        (_insert_row, ["没有任何审计记录"]),
        (_delete_problem, ["问题 1 已不在目录数据库中"]),
    ],
    ids=lambda v: v.__name__ if callable(v) else None,
)
def test_direct_sql_edit_fails_verify_naming_the_record(
    tampered_ws: Workspace, damage: Callable[[Workspace], str], needles: list[str]
) -> None:
    key = damage(tampered_ws)
    code, report = run_verify(tampered_ws)
    assert code == 1
    audit = [f for f in report["findings"] if f["kind"] == "audit"]
    assert any(f["id"] == key for f in audit), report
    named = [f["message"] for f in audit if f["id"] == key]
    assert all(any(n in m for m in named) for n in needles), named


def test_cutting_off_the_last_entries_shows(tampered_ws: Workspace) -> None:
    sql(tampered_ws, "DELETE FROM audit WHERE seq > (SELECT MAX(seq) - 3 FROM audit)")
    code, report = run_verify(tampered_ws)
    assert code == 1 and "审计日志末尾被截去" in messages(report)


def test_cutting_off_entries_and_rows_together_shows(tampered_ws: Workspace) -> None:
    """The clean cut: the newest problem and its entries removed, so every row matches its entry."""
    db = raw_catalogue(tampered_ws)
    first = db.execute("SELECT MIN(seq) FROM audit WHERE action='problem_added'").fetchone()[0]
    db.execute("DELETE FROM audit WHERE seq >= ?", (first,))
    db.execute("DELETE FROM problems")
    db.commit()
    db.close()
    code, report = run_verify(tampered_ws)
    assert code == 1 and "审计日志末尾被截去" in messages(report)


# rebuilding the chain without the key ---------------------------------------------------------------
def _rechain(ws: Workspace, key: bytes | None, *, workspace_id: str | None = None) -> None:
    """Recompute every entry (and every row digest to match the rows as they are now): what a forger
    with write access to the database but not to the key folder can do."""
    catalogue = open_catalogue(ws)
    current = catalogue.current_digests()
    catalogue.close()
    db = raw_catalogue(ws)
    db.row_factory = sqlite3.Row
    if workspace_id:
        db.execute("UPDATE catalogue_meta SET value=? WHERE name='workspace_id'", (workspace_id,))
    prev = "0" * 64
    entries = [dict(r) for r in db.execute("SELECT * FROM audit ORDER BY seq")]
    for entry in entries:
        rows = entry["rows"]
        if rows:
            fixed = [current.get((t, k), auditchain.RowDigest(t, k, None, {})).to_json()
                     for t, k, *_ in json.loads(rows)]
            rows = json.dumps(fixed, ensure_ascii=False)
        if key is None:
            digest, scheme, rows = auditchain.legacy_hash(prev, entry["at"], entry["actor"], entry["action"],
                                                          entry["evidence_id"], entry["detail"]), 0, None
        else:
            digest, scheme = auditchain.keyed_hash(key, entry["seq"], prev, entry["at"], entry["actor"],
                                                   entry["action"], entry["evidence_id"], entry["detail"], rows), 1
        db.execute("UPDATE audit SET prev_hash=?, hash=?, scheme=?, rows=? WHERE seq=?",
                   (prev, digest, scheme, rows, entry["seq"]))
        prev = digest
    db.commit()
    db.close()


def test_chain_rebuilt_unkeyed_is_detected(tampered_ws: Workspace) -> None:
    _raise_score(tampered_ws)
    _rechain(tampered_ws, None)
    code, report = run_verify(tampered_ws)
    assert code == 1 and "日志被不持有密钥的人重建" in messages(report)


def test_chain_rebuilt_with_another_key_is_detected(tampered_ws: Workspace) -> None:
    victim = _field_edit("indicator", "A01")(tampered_ws)
    _rechain(tampered_ws, secrets.token_bytes(32))
    code, report = run_verify(tampered_ws)
    text = messages(report)
    assert code == 1 and "密钥签名不符" in text
    assert victim not in {f["id"] for f in report["findings"]}  # the forged digests match: only the MAC tells


def test_chain_rebuilt_under_a_new_workspace_id_is_detected(tampered_ws: Workspace) -> None:
    _raise_score(tampered_ws)
    _rechain(tampered_ws, None, workspace_id="0" * 32)  # no key for this id: looks like an old workspace
    code, report = run_verify(tampered_ws)
    assert code == 1 and "工作区标识" in messages(report)


def test_the_key_lives_outside_the_workspace_with_mode_0600(tampered_ws: Workspace) -> None:
    catalogue = open_catalogue(tampered_ws)
    path = auditchain.key_path(catalogue.workspace_id)
    catalogue.close()
    assert path.is_file() and not path.resolve().is_relative_to(tampered_ws.root)
    assert path.stat().st_mode & 0o777 == 0o600
    assert not any(p.read_bytes().strip() == path.read_bytes().strip()
                   for p in tampered_ws.root.rglob("*") if p.is_file() and p.stat().st_size < 200)


# an old, unkeyed workspace --------------------------------------------------------------------------
def test_an_unkeyed_chain_is_sealed_on_the_first_write(cli, tampered_ws: Workspace) -> None:
    catalogue = open_catalogue(tampered_ws)
    key_file = auditchain.key_path(catalogue.workspace_id)
    catalogue.close()
    _rechain(tampered_ws, None)  # as a workspace made before the key existed
    key_file.unlink()
    auditchain.forget_head(tampered_ws.catalogue_path)
    code, report = run_verify(tampered_ws)
    assert code == 0 and any("尚未启用链密钥" in n for n in report["notes"])
    db = raw_catalogue(tampered_ws)
    old_head = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    db.close()

    cli("score", "set", "C01", "2", "--note", "复核后调整")  # the first write seals the chain
    assert key_file.is_file()
    catalogue = open_catalogue(tampered_ws)
    seal = [e for e in catalogue.audit_entries() if e["action"] == auditchain.SEAL_ACTION][-1]
    catalogue.close()
    assert seal["seq"] == old_head[0] + 1 and seal["prev_hash"] == old_head[1]
    assert json.loads(seal["detail"])["previous_head"] == {"seq": old_head[0], "hash": old_head[1]}
    assert run_verify(tampered_ws)[0] == 0
    _field_edit("title", "伪造的题名")(tampered_ws)  # from now on a direct edit shows
    code, report = run_verify(tampered_ws)
    assert code == 1 and "被改动：题名" in messages(report)


# anchors --------------------------------------------------------------------------------------------
def head_anchor(ws: Workspace) -> str:
    catalogue = open_catalogue(ws)
    try:
        return str(catalogue.chain_head())
    finally:
        catalogue.close()


def test_export_manifest_carries_the_anchor_and_verify_checks_it(cli, tampered_ws: Workspace) -> None:
    out = tampered_ws.root.parent / "export.zip"
    result = json.loads(cli("export", "--zip", str(out), "--json"))
    with zipfile.ZipFile(out) as zf:
        listing = json.loads(zf.read("manifest.json"))
        members = set(zf.namelist())
    anchor = head_anchor(tampered_ws)
    assert listing["audit_anchor"] == anchor == result["anchor"]
    assert {f["path"] for f in listing["files"]} <= members and listing["files"]
    cli("score", "set", "C01", "2", "--note", "later")  # the archive goes on after the export
    assert run_verify(tampered_ws, "--anchor", anchor)[0] == 0

    seq = int(anchor.split(":")[0])
    _rechain_from(tampered_ws, seq)
    code, report = run_verify(tampered_ws, "--anchor", anchor)
    assert code == 1 and f"锚点 {anchor}" in messages(report)


def _rechain_from(ws: Workspace, seq: int) -> None:
    """Rewrite one entry's hash with the real key (the strongest forger: they stole the key too),
    so only the external anchor can tell."""
    catalogue = open_catalogue(ws)
    key = auditchain.load_key(catalogue.workspace_id)
    catalogue.close()
    assert key is not None
    db = raw_catalogue(ws)
    db.row_factory = sqlite3.Row
    prev = db.execute("SELECT hash FROM audit WHERE seq=?", (seq - 1,)).fetchone()[0]
    for entry in [dict(r) for r in db.execute("SELECT * FROM audit WHERE seq>=? ORDER BY seq", (seq,))]:
        detail = entry["detail"] + (" " if entry["seq"] == seq else "")
        digest = auditchain.keyed_hash(key, entry["seq"], prev, entry["at"], entry["actor"], entry["action"],
                                       entry["evidence_id"], detail, entry["rows"])
        db.execute("UPDATE audit SET detail=?, prev_hash=?, hash=? WHERE seq=?", (detail, prev, digest, entry["seq"]))
        prev = digest
    db.commit()
    db.close()
    auditchain.forget_head(ws.catalogue_path)


def test_anchor_is_printed_on_the_dossier_beikao(
    cli, tampered_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARCHIVIST_SOFFICE", str(tmp_path / "no-such-soffice"))  # Pillow front matter: fast
    out = tmp_path / "卷.pdf"
    result = json.loads(cli("dossier", "--out", str(out), "--json"))
    reader = PdfReader(str(out))
    last = reader.pages[-1].extract_text()
    assert "卷内备考表" in last
    assert result["anchor"] and result["anchor"] in last
    assert reader.page_labels[-1] == "备考表"
    assert run_verify(tampered_ws, "--anchor", result["anchor"])[0] == 0


def test_wrong_anchor_syntax_is_usage_error(cli, tampered_ws: Workspace) -> None:
    out = cli("verify", "--anchor", "not-an-anchor", expect=2)
    assert "锚点格式" in out


# the key and backups --------------------------------------------------------------------------------
def test_backup_leaves_the_key_out_unless_asked(
    cli, tampered_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tarfile

    only_sqlite(tampered_ws, "archivist backup copies the SQLite file (a PostgreSQL tenant is pg_dump's)")
    plain, keyed = tmp_path / "plain.tar", tmp_path / "keyed.tar"
    cli("backup", "--out", str(plain))
    cli("backup", "--out", str(keyed), "--with-key")
    with tarfile.open(plain) as tar:
        assert not any(n.endswith("chain.key") for n in tar.getnames())
    with tarfile.open(keyed) as tar:
        assert any(n.endswith("chain.key") for n in tar.getnames())

    monkeypatch.setenv("ARCHIVIST_KEY_DIR", str(tmp_path / "other-machine-keys"))  # another computer
    cli("restore", str(plain), "--to", str(tmp_path / "r1"))
    code, report = run_verify(Workspace(tmp_path / "r1"))
    assert code == 1 and "本机没有密钥" in messages(report)
    cli("restore", str(keyed), "--to", str(tmp_path / "r2"))
    assert run_verify(Workspace(tmp_path / "r2"))[0] == 0
    installed = list((tmp_path / "other-machine-keys").glob("*.key"))
    assert len(installed) == 1 and installed[0].stat().st_mode & 0o777 == 0o600
