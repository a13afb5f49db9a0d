"""The watcher takes a file only once it is complete, moves it out of the inbox after archiving, and is alone."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from archivist.catalogue import Catalogue
from archivist.watch import Watcher
from archivist.workspace import Workspace

TEXT = "河口镇2024年农村户厕改造验收报告\n全镇完成户厕改造320户，验收合格318户。\n河口镇人民政府\n2024年10月15日\n"


def test_slowly_written_file_is_taken_only_when_complete(ws: Workspace) -> None:
    watcher = Watcher(ws, settle_seconds=0.6)
    thread = threading.Thread(target=watcher.run_forever, kwargs={"tick": 0.1}, daemon=True)
    thread.start()
    target = ws.inbox / "河口镇" / "改厕验收报告.txt"
    target.parent.mkdir()
    data = TEXT.encode("utf-8") * 20
    chunks = [data[i : i + 100] for i in range(0, len(data), 100)]
    with open(target, "wb") as fh:
        for chunk in chunks:
            fh.write(chunk)
            fh.flush()
            time.sleep(0.05)  # slower than nothing, faster than the settle delay
    deadline = time.time() + 30
    while time.time() < deadline and target.exists():
        time.sleep(0.1)
    watcher.stop()
    thread.join(timeout=10)
    records = Catalogue(ws.catalogue_path).records(with_text=True)
    assert len(records) == 1, records
    archived = ws.root / records[0]["archive_path"]
    assert archived.read_bytes() == data  # the whole file, not a prefix
    assert not target.exists() and not target.parent.exists()


def test_once_processes_inbox_and_ignores_litter(ws: Workspace) -> None:
    (ws.inbox / "报告.txt").write_text(TEXT, encoding="utf-8")
    (ws.inbox / "~$报告.docx").write_bytes(b"lock")
    (ws.inbox / "Thumbs.db").write_bytes(b"x")
    (ws.inbox / "下载中.crdownload").write_bytes(b"x")
    moved_in = ws.inbox / "石门乡材料" / "子目录"
    moved_in.mkdir(parents=True)
    (moved_in / "村庄清洁行动简报.txt").write_text("石门乡村庄清洁行动简报，拆除危旧房12处。", encoding="utf-8")
    records = Watcher(ws, settle_seconds=0.2).run_once()
    assert {r["original_name"] for r in records} == {"报告.txt", "村庄清洁行动简报.txt"}
    assert (ws.inbox / "~$报告.docx").exists() and (ws.inbox / "Thumbs.db").exists()
    assert not (ws.inbox / "报告.txt").exists()


def test_second_watcher_on_the_same_workspace_is_refused(ws: Workspace) -> None:
    with ws.watcher_lock():
        result = subprocess.run([sys.executable, "-m", "archivist", "-w", str(ws.root), "watch", "--once"],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"已有 watch（进程 {os.getpid()}，自 " in result.stderr and "Traceback" not in result.stderr


def test_watch_once_cli(cli, ws: Workspace) -> None:
    (ws.inbox / "报告.txt").write_text(TEXT, encoding="utf-8")
    cli("watch", "--once")
    records = Catalogue(ws.catalogue_path).records()
    assert [(r["original_name"], r["status"]) for r in records] == [("报告.txt", "filed")]
    assert (ws.root / records[0]["archive_path"]).read_text(encoding="utf-8") == TEXT
    assert not any(p.is_file() for p in Path(ws.inbox).rglob("*") if p.name != ".gitkeep")


def test_a_symlink_in_the_inbox_is_recorded_once_across_rescans(ws: Workspace) -> None:
    (ws.inbox / "快捷方式.txt").symlink_to("/etc/hostname")
    (ws.inbox / "断开的链接.txt").symlink_to("/nonexistent/target")
    watcher = Watcher(ws, settle_seconds=0.0)
    first = watcher.run_once()
    assert {r["original_name"] for r in first} == {"快捷方式.txt", "断开的链接.txt"}
    assert all(r["status"] == "quarantined" for r in first)
    assert watcher.run_once() == []  # the rescan does not record the same links again
    assert len(Catalogue(ws.catalogue_path).records()) == 2


def test_polling_mode_for_network_shares(ws: Workspace) -> None:
    watcher = Watcher(ws, polling=True, settle_seconds=0.3)
    thread = threading.Thread(target=watcher.run_forever, kwargs={"tick": 0.1}, daemon=True)
    thread.start()
    time.sleep(0.5)  # the file arrives after the start-up scan: only the polling observer can see it
    target = ws.inbox / "共享盘" / "村庄清洁行动简报.txt"
    target.parent.mkdir()
    target.write_text("石门乡村庄清洁行动简报，拆除危旧房12处。", encoding="utf-8")
    deadline = time.time() + 30
    while time.time() < deadline and target.exists():
        time.sleep(0.1)
    watcher.stop()
    thread.join(timeout=10)
    assert not target.exists()
    assert [r["original_name"] for r in Catalogue(ws.catalogue_path).records()] == ["村庄清洁行动简报.txt"]
