"""verify, doctor, the tamper-evident audit log, backup and restore.

Each test damages a freshly ingested workspace the way an office machine does (a file deleted in
Explorer, edited in place, copied into the wrong folder, an audit row edited in a SQLite browser)
and checks that verify names it, and that doctor --repair fixes what can be fixed safely and
refuses to paper over what cannot.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import sqlite3
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from archivist.catalogue import Catalogue
from archivist.integrity import hash_file, verify, writer_active
from archivist.samples import make_text_corpus
from archivist.workspace import Workspace

HAN = re.compile(r"[\u4e00-\u9fff]")


def tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def filed(ws: Workspace) -> list[dict]:
    """Catalogue rows that own a file, oldest first."""
    return [r for r in Catalogue(ws.catalogue_path).records() if r.get("archive_path")]


def search_available() -> bool:
    try:
        import archivist.search  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture()
def ingested(cli, ws: Workspace, tmp_path: Path) -> Workspace:
    """Six text documents, one exact duplicate, ingested and indexed."""
    paths = make_text_corpus(tmp_path / "来件", 6)
    (tmp_path / "来件" / "副本.txt").write_bytes(paths[0].read_bytes())
    cli("ingest", str(tmp_path / "来件"))
    return ws


def verify_json(cli) -> dict:
    from typer.testing import CliRunner

    from archivist.cli import app

    result = CliRunner().invoke(app, ["-w", str(cli.ws.root), "verify", "--json"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert (result.exit_code == 0) == report["ok"]
    return report


def kinds(report: dict) -> set[str]:
    return {f["kind"] for f in report["findings"]}


# verify --------------------------------------------------------------------------------------------
def test_verify_clean_after_ingest(cli, ingested: Workspace) -> None:
    report = verify_json(cli)
    assert report["ok"], report
    assert report["checked"]["files"] == 6  # the duplicate is not stored twice
    assert "核验通过" in cli("verify")


def test_litter_from_office_tools_is_not_a_finding(cli, ingested: Workspace) -> None:
    folder = ingested.root / filed(ingested)[0]["archive_path"]
    for name in ("Thumbs.db", ".DS_Store", "desktop.ini", "~$报告.docx", ".~lock.报告.docx#", ".gitkeep"):
        (folder.parent / name).write_bytes(b"x")
    assert verify_json(cli)["ok"]


Damage = Callable[[Workspace], None]


def _delete(ws: Workspace) -> None:
    (ws.root / filed(ws)[0]["archive_path"]).unlink()


def _modify(ws: Workspace) -> None:
    with open(ws.root / filed(ws)[1]["archive_path"], "ab") as fh:
        fh.write("（篡改）".encode())


def _stray(ws: Workspace) -> None:
    (ws.archive / "C-生态宜居").mkdir(exist_ok=True)
    (ws.archive / "C-生态宜居" / "手工放入.txt").write_text("手工复制进来的材料", encoding="utf-8")


def _temp(ws: Workspace) -> None:
    ws.unsorted_dir.mkdir(exist_ok=True)
    (ws.unsorted_dir / ".半成品.txt.part").write_bytes(b"half")


def _orphan_duplicate(ws: Workspace) -> None:
    db = sqlite3.connect(ws.catalogue_path)
    dup = db.execute("SELECT duplicate_of FROM evidence WHERE status='duplicate'").fetchone()[0]
    path = db.execute("SELECT archive_path FROM evidence WHERE id=?", (dup,)).fetchone()[0]
    db.execute("DELETE FROM evidence WHERE id=?", (dup,))
    db.commit()
    db.close()
    (ws.root / path).unlink()


def _edit_audit(ws: Workspace) -> None:
    db = sqlite3.connect(ws.catalogue_path)
    db.execute("UPDATE audit SET detail=detail || ' ' WHERE seq=2")
    db.commit()
    db.close()


def _delete_audit(ws: Workspace) -> None:
    db = sqlite3.connect(ws.catalogue_path)
    db.execute("DELETE FROM audit WHERE seq=3")
    db.commit()
    db.close()


def _reorder_audit(ws: Workspace) -> None:
    db = sqlite3.connect(ws.catalogue_path)
    rows = db.execute("SELECT seq, at, actor, action, evidence_id, detail, prev_hash, hash FROM audit"
                      " WHERE seq IN (2, 3) ORDER BY seq").fetchall()
    for (seq, *_), (_seq, *rest) in zip(rows, reversed(rows), strict=True):
        db.execute("UPDATE audit SET at=?, actor=?, action=?, evidence_id=?, detail=?, prev_hash=?, hash=?"
                   " WHERE seq=?", (*rest, seq))
    db.commit()
    db.close()


def _truncate_audit(ws: Workspace) -> None:
    db = sqlite3.connect(ws.catalogue_path)
    db.execute("DELETE FROM audit WHERE seq=(SELECT max(seq) FROM audit)")  # the chain alone cannot see this
    db.commit()
    db.close()


def _edit_row(ws: Workspace) -> None:
    db = sqlite3.connect(ws.catalogue_path)
    db.execute("UPDATE evidence SET indicator='A01' WHERE id=(SELECT id FROM evidence WHERE status='filed' "
               "AND indicator != 'A01' LIMIT 1)")
    db.commit()
    db.close()


@pytest.mark.parametrize(
    ("damage", "kind", "needle"),
    [
        (_delete, "missing", "不存在"),
        (_modify, "modified", "修改"),
        (_stray, "extra", "手工放入.txt"),
        (_temp, "extra", "临时文件"),
        (_orphan_duplicate, "orphan_row", "原件"),
        (_edit_audit, "audit", "第 2 条内容被修改"),
        (_delete_audit, "audit", "第 3 条"),
        (_reorder_audit, "audit", "第 2 条"),
        (_truncate_audit, "audit", "没有任何审计记录"),
        (_edit_row, "audit", "被改动：指标"),
    ],
    ids=lambda v: v.__name__ if callable(v) else None,
)
def test_verify_names_each_kind_of_damage(cli, ingested: Workspace, damage: Damage, kind: str, needle: str) -> None:
    damage(ingested)
    report = verify_json(cli)
    assert not report["ok"]
    found = [f for f in report["findings"] if f["kind"] == kind]
    assert found, report
    assert any(needle in f["message"] for f in found), found
    assert all(HAN.search(f["message"]) for f in report["findings"])  # said in Chinese
    assert all(f["path"] or f["id"] or f["kind"] == "audit" for f in report["findings"])
    out = cli("verify", expect=1)  # the human form exits 1 too
    assert "核验发现" in out


@pytest.mark.skipif(not search_available(), reason="archivist.search 不可用")
def test_verify_sees_the_index_out_of_step(cli, ingested: Workspace) -> None:
    from archivist.search import SearchIndex

    victim = filed(ingested)[0]["id"]
    index = SearchIndex(ingested.whoosh_dir)
    index.delete([victim])
    index.close()
    report = verify_json(cli)
    assert {"kind": "index_missing", "id": victim} in [{"kind": f["kind"], "id": f["id"]} for f in report["findings"]]
    db = sqlite3.connect(ingested.catalogue_path)
    other = db.execute("SELECT id FROM evidence WHERE status='filed' AND id != ?", (victim,)).fetchone()[0]
    db.execute("DELETE FROM evidence WHERE id=?", (other,))  # gone from the catalogue, still in the index
    db.commit()
    db.close()
    assert "index_extra" in kinds(verify_json(cli))
    # re-indexes the victim, drops the stale entry, adopts the row-less file; the deletion itself is
    # tampering and stays on record (exit 1)
    cli("doctor", "--repair", expect=1)
    report = verify_json(cli)
    assert kinds(report) == {"audit"}, report
    assert [f["id"] for f in report["findings"]] == [other] and "删除" in report["findings"][0]["message"]


@pytest.mark.skipif(not search_available(), reason="archivist.search 不可用")
def test_doctor_rebuilds_a_deleted_or_corrupt_index(cli, ingested: Workspace) -> None:
    import shutil

    shutil.rmtree(ingested.whoosh_dir)
    report = verify_json(cli)
    assert kinds(report) == {"index_missing"}
    out = cli("doctor", "--repair")
    assert "检索索引" in out
    assert verify_json(cli)["ok"]
    current = ingested.whoosh_dir / "CURRENT"
    if current.exists():  # the search module's layout: a garbled pointer is a corrupt index
        current.write_text("{garbage", encoding="utf-8")
        assert "index_missing" in kinds(verify_json(cli))
        cli("doctor", "--repair")
        assert verify_json(cli)["ok"]


def test_writer_active_probe(ws: Workspace) -> None:
    """verify tells a live writer's in-flight files from leftovers by probing the writer lock."""
    assert not writer_active(ws)
    with ws.writer_lock(what="ingest"):
        assert writer_active(ws)  # (another open file description: what a second process sees)
    assert not writer_active(ws)


def test_hash_file_matches_hashlib(tmp_path: Path) -> None:
    data = bytes(range(256)) * 40000  # 10 MB, several chunks
    path = tmp_path / "x.bin"
    path.write_bytes(data)
    assert hash_file(path) == (hashlib.sha256(data).hexdigest(), len(data))


# doctor ------------------------------------------------------------------------------------------
def test_doctor_without_repair_changes_nothing(cli, ingested: Workspace) -> None:
    _stray(ingested)
    _temp(ingested)
    _delete(ingested)
    def state() -> tuple[dict[str, str], list[str]]:
        db = sqlite3.connect(ingested.catalogue_path)  # the content, not the bytes: WAL checkpoints move pages
        try:
            return tree_digest(ingested.archive), list(db.iterdump())
        finally:
            db.close()

    before = state()
    out = cli("doctor", expect=1)
    assert "--repair 将收入待分类" in out and "--repair 将清除半成品临时文件" in out
    result = json.loads(cli("doctor", "--json", expect=1))
    assert result["repair"] is False and not result["ok"] and result["actions"]
    assert state() == before


def test_doctor_repair_adopts_relinks_and_cleans(cli, ingested: Workspace) -> None:
    ws = ingested
    rows = filed(ws)
    # a file moved by hand within the archive: put back
    moved_row = rows[0]
    moved_to = ws.archive / "挪错了.txt"
    (ws.root / moved_row["archive_path"]).rename(moved_to)
    # a copy of an archived file: redundant, removed (the original is verified first)
    (ws.archive / "C-生态宜居").mkdir(exist_ok=True)
    ws.unsorted_dir.mkdir(exist_ok=True)
    copy = ws.archive / "C-生态宜居" / "副本（2）.txt"
    copy.write_bytes((ws.root / rows[1]["archive_path"]).read_bytes())
    # an unknown file: adopted into 待分类
    stray = ws.archive / "C-生态宜居" / "手工放入的验收报告.txt"
    stray.write_text("河口镇2024年农村户厕改造验收报告\n完成改厕320户。\n河口镇人民政府\n2024年10月15日\n",
                     encoding="utf-8")
    stray_sha = hashlib.sha256(stray.read_bytes()).hexdigest()
    # a half-written copy from a crash: removed
    temp = ws.archive / "_待分类" / ".中断.txt.part"
    temp.write_bytes(b"half")

    result = json.loads(cli("doctor", "--repair", "--json"))
    assert result["ok"], result
    done = {a["kind"] for a in result["actions"]}
    assert {"relinked", "removed_copy", "adopted", "removed_temp"} <= done
    assert all(HAN.search(a["message"]) for a in result["actions"])
    assert (ws.root / moved_row["archive_path"]).is_file() and not moved_to.exists()
    assert not copy.exists() and not temp.exists() and not stray.exists()
    catalogue = Catalogue(ws.catalogue_path)
    adopted = [r for r in catalogue.records() if r["sha256"] == stray_sha]
    assert len(adopted) == 1
    record = adopted[0]
    assert record["status"] == "unsorted" and record["archive_path"].startswith("archive/_待分类/")
    assert hashlib.sha256((ws.root / record["archive_path"]).read_bytes()).hexdigest() == stray_sha
    assert record["provenance"]["adopted_from"] == "archive/C-生态宜居/手工放入的验收报告.txt"
    actions = [e["action"] for e in catalogue.audit_entries(record["id"])]
    assert "adopted" in actions
    assert "relinked" in [e["action"] for e in catalogue.audit_entries(moved_row["id"])]
    assert catalogue.verify_audit() == []
    assert verify_json(cli)["ok"]
    assert "一切正常" in cli("doctor", "--repair")  # idempotent


def test_doctor_never_touches_a_modified_file(cli, ingested: Workspace) -> None:
    _modify(ingested)
    target = ingested.root / filed(ingested)[1]["archive_path"]
    tampered = target.read_bytes()
    out = cli("doctor", "--repair", expect=1)
    assert "无法自动修复" in out and "从备份恢复" in out
    assert target.read_bytes() == tampered  # the evidence of tampering is kept as found


def test_doctor_repair_refuses_while_a_writer_runs(cli, ingested: Workspace) -> None:
    with ingested.writer_lock(what="watch"):
        out = cli("doctor", "--repair", expect=1)
    assert "正被" in out and "写入" in out


def test_recover_rolls_back_an_interrupted_assign(cli, ingested: Workspace) -> None:
    """A crash between assign's move and its commit: the move is undone (stage 'moving')."""
    ws = ingested
    row = filed(ws)[0]
    source = ws.root / row["archive_path"]
    dest = ws.archive / "B-乡风文明" / "移动中.txt"
    catalogue = Catalogue(ws.catalogue_path)
    with catalogue.transaction():
        catalogue.db.execute(
            "INSERT INTO journal(evidence_id, source, temp, dest, remove_source, stage, created_at)"
            " VALUES (?,?,?,?,0,'moving',datetime('now'))",
            (row["id"], str(source), str(dest), str(dest)),
        )
    dest.parent.mkdir(parents=True)
    source.rename(dest)  # the move happened, the commit did not
    report = verify_json(cli)
    assert "interrupted" in kinds(report)
    out = cli("doctor", "--repair")
    assert "回滚" in out
    assert source.is_file() and not dest.exists()
    assert verify_json(cli)["ok"]


def test_verify_api_progress_and_speed_fields(ingested: Workspace) -> None:
    seen: list[tuple[int, int]] = []
    catalogue = Catalogue(ingested.catalogue_path)
    report = verify(ingested, catalogue, progress=lambda done, total: seen.append((done, total)))
    assert report.ok and report.files == 6 and report.bytes > 0
    assert seen and seen[-1][0] == seen[-1][1] == report.bytes


# backup / restore --------------------------------------------------------------------------------
def test_backup_and_restore_round_trip(cli, ingested: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "备份" / "青山县.tar"
    summary = json.loads(cli("backup", "--out", str(out), "--json"))
    assert summary["files"] == 6 and summary["records"] == 7 and out.is_file()
    target = tmp_path / "恢复"
    restored = json.loads(cli("restore", str(out), "--to", str(target), "--json"))
    assert restored["files"] == 6
    assert tree_digest(target / "archive") == tree_digest(ingested.archive)
    from typer.testing import CliRunner

    from archivist.cli import app

    result = CliRunner().invoke(app, ["-w", str(target), "verify", "--json"])
    assert result.exit_code == 0, result.output
    def rows(db: Path) -> list[tuple]:
        return [(r["id"], r["sha256"], r["archive_path"]) for r in Catalogue(db).records()]

    assert rows(ingested.catalogue_path) == rows(target / "index" / "catalogue.sqlite3")
    # restore never overwrites
    assert "已存在且不为空" in cli("restore", str(out), "--to", str(target), expect=1)


def test_backup_gz_and_restore(cli, ingested: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "b.tar.gz"
    cli("backup", "--out", str(out))
    cli("restore", str(out), "--to", str(tmp_path / "r"))
    assert tree_digest(tmp_path / "r" / "archive") == tree_digest(ingested.archive)


Change = Callable[[tarfile.TarInfo, bytes], tuple[tarfile.TarInfo, bytes]]


def _rewrite_tar(src: Path, dest: Path, change: Change) -> None:
    with tarfile.open(src) as tin, tarfile.open(dest, "w", format=tarfile.PAX_FORMAT) as tout:
        for member in tin.getmembers():
            fh = tin.extractfile(member)
            data = fh.read() if fh else b""
            member, data = change(member, data)
            member.size = len(data)
            tout.addfile(member, io.BytesIO(data))


def test_restore_refuses_a_tampered_file(cli, ingested: Workspace, tmp_path: Path) -> None:
    good = tmp_path / "good.tar"
    cli("backup", "--out", str(good))
    victim = filed(ingested)[2]["archive_path"]

    def flip(member: tarfile.TarInfo, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
        if member.name.endswith(victim):
            data = data.replace("户".encode(), "戶".encode(), 1)
        return member, data

    bad = tmp_path / "bad.tar"
    _rewrite_tar(good, bad, flip)
    target = tmp_path / "恢复"
    out = cli("restore", str(bad), "--to", str(target), expect=1)
    assert "SHA-256" in out and "拒绝恢复" in out
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if ".restoring-" in p.name]  # no half-restored folder left


def test_restore_refuses_path_escapes(cli, ingested: Workspace, tmp_path: Path) -> None:
    good = tmp_path / "good.tar"
    cli("backup", "--out", str(good))

    def escape(member: tarfile.TarInfo, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
        if member.name.endswith("archivist.toml"):
            member.name = "archivist-backup/../../逃逸.toml"
        return member, data

    bad = tmp_path / "bad.tar"
    _rewrite_tar(good, bad, escape)
    out = cli("restore", str(bad), "--to", str(tmp_path / "r"), expect=1)
    assert "不安全" in out
    assert not (tmp_path.parent / "逃逸.toml").exists()


def test_backup_refuses_a_damaged_archive(cli, ingested: Workspace, tmp_path: Path) -> None:
    _modify(ingested)
    out = tmp_path / "b.tar"
    message = cli("backup", "--out", str(out), expect=1)
    assert "SHA-256" in message and "verify" in message
    assert not out.exists() and not list(tmp_path.glob(".b.tar*"))
