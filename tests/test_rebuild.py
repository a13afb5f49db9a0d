"""A lost or corrupt catalogue: rebuilt from the folder tree, never "repaired" into 待分类.

The folder tree says where each file was filed; doctor --repair must restore the indicators from
it, keep the damaged database, say what could not be recovered and point to a backup restore. Every
other command must refuse with that advice instead of starting an empty catalogue.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures_gen import make_zip  # tests/ is on sys.path under pytest
from typer.testing import CliRunner

from archivist.catalogue import Catalogue, CatalogueUnusable
from archivist.samples import make_text_corpus
from archivist.workspace import Workspace


@pytest.fixture()
def filed_ws(cli, ws: Workspace, tmp_path: Path) -> Workspace:
    """Eight documents filed on their indicators, one zip (kept under _压缩包原件), one unsorted file."""
    incoming = tmp_path / "来件"
    make_text_corpus(incoming, 8)
    (incoming / "杂项说明.txt").write_text("这是一份与任何指标都无关的说明。" * 3, encoding="utf-8")
    make_zip(tmp_path / "打包.zip", {"包内材料.txt": "河口镇2024年农村人居环境整治工作总结。户厕改造320户。".encode()})
    cli("ingest", str(incoming), str(tmp_path / "打包.zip"))
    return ws


def placement(ws: Workspace) -> dict[str, tuple[str, str | None]]:
    """archive path -> (status, indicator) of every record that owns a file."""
    catalogue = Catalogue(ws.catalogue_path)
    try:
        return {r["archive_path"]: (r["status"], r["indicator"]) for r in catalogue.records() if r["archive_path"]}
    finally:
        catalogue.close()


def run_cli(ws: Workspace, *args: str) -> subprocess.CompletedProcess[str]:
    """The real command line (what the user sees on stderr), not CliRunner's captured exception."""
    return subprocess.run(
        [sys.executable, "-m", "archivist", "-w", str(ws.root), *args],
        capture_output=True, text=True, timeout=120, env=os.environ.copy(),
    )


def doctor_repair(ws: Workspace) -> tuple[int, str]:
    from archivist.cli import app

    result = CliRunner().invoke(app, ["-w", str(ws.root), "doctor", "--repair"])
    return result.exit_code, result.output


def test_lost_catalogue_is_rebuilt_from_the_folder_tree(cli, filed_ws: Workspace) -> None:
    before = placement(filed_ws)
    assert sum(1 for s, _ in before.values() if s == "filed") >= 6  # the fixture really filed things
    containers_before = sorted(p.name for p in filed_ws.container_dir.iterdir())
    for path in filed_ws.index_dir.glob("catalogue.sqlite3*"):
        path.unlink()

    # every other command refuses, naming both ways out, instead of starting an empty catalogue
    listed = run_cli(filed_ws, "list")
    assert listed.returncode == 1
    assert "已丢失" in listed.stderr and "doctor --repair" in listed.stderr and "restore" in listed.stderr
    assert "请稍后重试" not in listed.stderr
    assert not filed_ws.catalogue_path.exists()
    out = cli("doctor", expect=1)  # diagnosis only: says so, changes nothing
    assert "已丢失" in out
    assert not filed_ws.catalogue_path.exists()

    code, out = doctor_repair(filed_ws)
    assert code == 1, out  # a rebuilt archive is not a repaired one
    assert "修复完成" not in out and "核验通过" not in out
    assert "已从目录重建，以下内容无法恢复" in out
    for lost in ("审计日志", "自评分", "整改问题", "原始文件名"):
        assert lost in out
    assert "archivist restore" in out

    after = placement(filed_ws)
    assert set(after) == set(before)  # nothing moved: no file flattened into _待分类
    for path, (status, indicator) in before.items():
        if status == "filed":
            assert after[path] == ("filed", indicator), path
    assert not any(p.startswith("archive/_待分类/") for p in set(after) - {p for p, (s, _) in before.items()
                                                                        if s == "unsorted"})
    catalogue = Catalogue(filed_ws.catalogue_path)
    try:
        containers = [r["archive_path"] for r in catalogue.db.execute("SELECT archive_path FROM containers")]
        record = next(r for r in catalogue.records(with_text=True) if r["status"] == "filed")
    finally:
        catalogue.close()
    assert sorted(Path(c).name for c in containers) == containers_before
    assert record["text"] and record["title"]  # metadata re-extracted by the normal extractors
    # the rebuilt catalogue is whole and its new chain verifies
    assert cli("verify").count("核验通过") == 1


def test_corrupt_catalogue_is_kept_aside_and_rebuilt(cli, filed_ws: Workspace) -> None:
    before = placement(filed_ws)
    garbage = b"this is not a database " * 200
    for path in filed_ws.index_dir.glob("catalogue.sqlite3-*"):
        path.unlink()
    filed_ws.catalogue_path.write_bytes(garbage)

    listed = run_cli(filed_ws, "list")
    assert listed.returncode == 1 and "已损坏" in listed.stderr and "doctor --repair" in listed.stderr
    assert "请稍后重试" not in listed.stderr

    code, out = doctor_repair(filed_ws)
    assert code == 1 and "已从目录重建，以下内容无法恢复" in out and "修复完成" not in out
    kept = list(filed_ws.index_dir.glob("损坏的目录数据库-*/catalogue.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == garbage  # kept, byte for byte, never deleted
    after = placement(filed_ws)
    assert {p: v for p, v in after.items() if v[0] == "filed"} == {p: v for p, v in before.items() if v[0] == "filed"}


def test_catalogue_without_its_tables_counts_as_damaged(cli, filed_ws: Workspace) -> None:
    db = sqlite3.connect(filed_ws.catalogue_path)
    db.execute("DROP TABLE evidence")
    db.commit()
    db.close()
    with pytest.raises(CatalogueUnusable, match="已损坏"):
        Catalogue(filed_ws.catalogue_path)
    report = json.loads(CliRunner().invoke(
        __import__("archivist.cli", fromlist=["app"]).app, ["-w", str(filed_ws.root), "doctor", "--json"]
    ).stdout)
    assert report["ok"] is False and "已损坏" in report["catalogue"]
    code, out = doctor_repair(filed_ws)
    assert code == 1 and "已从目录重建" in out
    assert any(s == "filed" for s, _ in placement(filed_ws).values())


def test_fresh_workspace_is_not_a_lost_catalogue(cli, ws: Workspace) -> None:
    for path in ws.index_dir.glob("catalogue*"):
        path.unlink()
    (ws.index_dir / "catalogue.id").unlink(missing_ok=True)
    assert "一切正常" in cli("doctor", "--repair")  # nothing archived, nothing lost: no rebuild
