"""Hostile input: bombs, entries that are not files, formula cells, bad dates and numbers, killed runs.

Each test reproduces one way an outside attack broke intake or verify, through the CLI (a real
subprocess where a hang or a traceback is the failure), and checks what a user would see: the
records, the files in the archive, the disk used, the exit code.
"""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from archivist.catalogue import Catalogue
from archivist.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def run_cli(ws: Workspace, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The real command in a subprocess: a hang fails the test (timeout) instead of stalling the suite."""
    return subprocess.run(
        [sys.executable, "-m", "archivist", "-w", str(ws.root), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def tree_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def zeros_member(zf: zipfile.ZipFile, name: str, size: int) -> None:
    info = zipfile.ZipInfo(name, date_time=(2024, 5, 12, 9, 30, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    chunk = b"\x00" * MB
    with zf.open(info, "w") as out:
        left = size
        while left > 0:
            out.write(chunk[: min(MB, left)])
            left -= MB


def nested_bomb(path: Path, inner: int = 3, members: int = 49, size: int = int(9.9 * MB)) -> Path:
    """The reported bomb: `inner` zips of `members` members of `size` zero bytes, zipped again."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for i in range(members):
            zeros_member(zf, f"台账{i:02d}.txt", size)
    one = buf.getvalue()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for i in range(inner):
            zf.writestr(f"第{i + 1}批.zip", one)
    return path


# --- zips -------------------------------------------------------------------------------------------


def test_nested_zip_bomb_is_refused_before_anything_large_is_written(ws: Workspace, tmp_path: Path) -> None:
    bomb = nested_bomb(tmp_path / "佐证材料.zip")
    assert bomb.stat().st_size < 200 * 1024  # a small file that would inflate to ~1.45 GB
    result = run_cli(ws, "ingest", str(bomb), "--json")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert [r["status"] for r in records] == ["quarantined"]
    assert "压缩炸弹" in records[0]["reason"]
    assert (ws.root / records[0]["archive_path"]).read_bytes() == bomb.read_bytes()  # the input is kept
    assert tree_bytes(ws.root) < 5 * MB  # nothing large was written, not even for a moment in the cache
    assert not list(ws.cache_dir.glob("unzip-*"))


def test_many_small_members_add_up_to_a_bomb(ws: Workspace, tmp_path: Path) -> None:
    """Members under the per-member ratio floor: the input's total ratio still gives it away."""
    bomb = tmp_path / "村级台账.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for i in range(60):
            zeros_member(zf, f"{i}.txt", 1_000_000)
    records = json.loads(run_cli(ws, "ingest", str(bomb), "--json").stdout)
    assert [r["status"] for r in records] == ["quarantined"] and "压缩比" in records[0]["reason"]
    assert tree_bytes(ws.root) < 5 * MB


def test_a_bad_member_costs_only_itself(ws: Workspace, tmp_path: Path) -> None:
    """A symlink member, a damaged member and a path too long for the disk: the valid members are
    filed, the symlink and the damaged one are recorded with their reasons, the long one is filed
    under a shorter name, and nothing is quarantined whole."""
    src = tmp_path / "河口镇材料.zip"
    long_path = "/".join(["很长的文件夹名称" * 10] * 20) + "/深处的验收报告.txt"
    damaged_text = "河口镇户厕改造验收报告原文。" * 50
    with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("验收报告.txt", "河口镇2024年农村户厕改造验收报告，完成改厕320户。")
        zf.writestr("会议纪要.txt", "龙泉乡乡村振兴工作推进会会议纪要。")
        zf.writestr("损坏.txt", damaged_text)
        zf.writestr(long_path, "深处的验收报告：完成改厕58户。")
        link = zipfile.ZipInfo("快捷方式")
        link.create_system = 3
        link.external_attr = 0o120777 << 16
        zf.writestr(link, "/etc/passwd")
    data = bytearray(src.read_bytes())
    at = data.find("损坏.txt".encode()) + len("损坏.txt".encode())  # the local header's name, then its data
    data[at + 5 : at + 9] = b"\xff\xff\xff\xff"  # corrupt the deflate stream of that member only
    src.write_bytes(bytes(data))

    result = run_cli(ws, "ingest", str(src), "--json")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    by_member = {r["provenance"]["member"]: r for r in json.loads(result.stdout)}
    assert set(by_member) == {"验收报告.txt", "会议纪要.txt", "损坏.txt", long_path, "快捷方式"}
    for name in ("验收报告.txt", "会议纪要.txt", long_path):
        assert by_member[name]["status"] in ("filed", "unsorted"), by_member[name]
        assert (ws.root / by_member[name]["archive_path"]).is_file()
    assert "深处的验收报告" in (ws.root / by_member[long_path]["archive_path"]).read_text(encoding="utf-8")
    link_record = by_member["快捷方式"]
    assert link_record["status"] == "quarantined" and "符号链接" in link_record["reason"]
    assert "/etc/passwd" in link_record["reason"] and link_record["archive_path"] is None
    assert by_member["损坏.txt"]["status"] == "quarantined" and "损坏" in by_member["损坏.txt"]["reason"]
    assert list(ws.container_dir.glob("*.zip"))  # the zip itself is kept, bad members' bytes with it


def test_encrypted_member_is_recorded_and_the_rest_filed(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "部分加密.zip"
    with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("公开.txt", "桃源镇人居环境整治工作总结。")
        zf.writestr("保密.txt", "内部材料")
    data = bytearray(src.read_bytes())
    # set the "encrypted" flag bit of the second member in its central directory entry
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 0x1
    src.write_bytes(bytes(data))
    records = {r["provenance"]["member"]: r for r in json.loads(run_cli(ws, "ingest", str(src), "--json").stdout)}
    assert records["公开.txt"]["status"] in ("filed", "unsorted")
    assert records["保密.txt"]["status"] == "quarantined" and "加密" in records["保密.txt"]["reason"]


# --- entries that are not files -----------------------------------------------------------------------


@pytest.fixture()
def hostile_folder(tmp_path: Path) -> Path:
    """A unit's folder with one real file and every kind of entry that is not one."""
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "folder" / "别处的文件.txt").write_text("不应被导入的外部文件", encoding="utf-8")
    (outside / "secret.txt").write_text("外部机密", encoding="utf-8")
    src = tmp_path / "来件"
    src.mkdir()
    (src / "验收报告.txt").write_text("河口镇户厕改造验收报告，完成改厕320户。", encoding="utf-8")
    os.symlink("自己", src / "自己")  # a self-referencing symlink
    os.symlink(outside / "folder", src / "链接的文件夹")
    os.symlink(outside / "secret.txt", src / "外部文件")
    os.symlink("/dev/zero", src / "零设备")
    os.mkfifo(src / "管道")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(src / "套接字"))
    sock.close()
    return src


SKIPPED = {"自己": "循环", "链接的文件夹": "链接的文件夹", "外部文件": "符号链接", "零设备": "符号链接",
           "管道": "管道", "套接字": "套接字"}


def test_entries_that_are_not_files_are_recorded_once_never_followed(ws: Workspace, hostile_folder: Path) -> None:
    result = run_cli(ws, "ingest", str(hostile_folder), "--json", timeout=60)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    records = {r["original_name"]: r for r in json.loads(result.stdout)}
    assert records["验收报告.txt"]["status"] in ("filed", "unsorted")
    for name, word in SKIPPED.items():
        assert records[name]["status"] == "quarantined", name
        assert word in records[name]["reason"] and records[name]["archive_path"] is None, records[name]
    archived = "".join(p.read_text(encoding="utf-8", errors="replace") for p in ws.archive.rglob("*") if p.is_file())
    assert "外部" not in archived and "不应被导入" not in archived  # nothing behind a link was read

    again = run_cli(ws, "ingest", str(hostile_folder), "--json", timeout=60)
    assert again.returncode == 0, again.stderr
    catalogue = Catalogue(ws.catalogue_path)
    assert len(catalogue.records(status="quarantined")) == len(SKIPPED)  # recorded once, not per run


def test_a_symlink_loop_given_by_name_is_recorded(ws: Workspace, tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    os.symlink("loop", loop)
    result = run_cli(ws, "ingest", str(loop), "--json", timeout=60)
    assert result.returncode == 0 and "RuntimeError" not in result.stderr, result.stderr
    [record] = json.loads(result.stdout)
    assert record["status"] == "quarantined" and "循环" in record["reason"]


def test_watch_survives_a_fifo_and_a_symlink_loop(ws: Workspace) -> None:
    os.mkfifo(ws.inbox / "管道")
    os.symlink("自己", ws.inbox / "自己")
    (ws.inbox / "通知.txt").write_text("关于开展农村人居环境整治的通知。", encoding="utf-8")
    for _ in range(2):  # a second run (a restarted watcher) does not record them again
        result = run_cli(ws, "watch", "--once", timeout=60)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    records = Catalogue(ws.catalogue_path).records()
    assert sorted(r["original_name"] for r in records) == sorted(["管道", "自己", "通知.txt"])
    assert not (ws.inbox / "通知.txt").exists()  # filed and removed from the inbox
    assert (ws.inbox / "管道").exists() and (ws.inbox / "自己").is_symlink()  # left where they are


# --- verify -------------------------------------------------------------------------------------------


def test_verify_opens_only_regular_files(ws: Workspace, tmp_path: Path) -> None:
    """A catalogued file replaced by a symlink to /dev/zero, a FIFO and a link to a file outside the
    workspace in archive/: verify finishes, reads none of them, and names each once."""
    src = tmp_path / "验收报告.txt"
    src.write_text("河口镇户厕改造验收报告，完成改厕320户。", encoding="utf-8")
    [record] = json.loads(run_cli(ws, "ingest", str(src), "--json").stdout)
    stored = ws.root / record["archive_path"]
    stored.unlink()
    os.symlink("/dev/zero", stored)
    os.mkfifo(ws.archive / "管道")
    secret = tmp_path / "shadow"
    secret.write_text("root:x:外部机密", encoding="utf-8")
    os.symlink(secret, ws.archive / "shadow")
    before = secret.stat().st_atime_ns
    result = run_cli(ws, "verify", "--json", timeout=60)
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    text = result.stdout
    report = json.loads(text)
    messages = [f["message"] for f in report["findings"]]
    for name in (record["archive_path"], "archive/管道", "archive/shadow"):
        assert sum(name in m for m in messages) == 1, (name, messages)
    assert "不是普通文件" in text or "符号链接" in text
    assert secret.stat().st_atime_ns == before  # the file behind the link was not read


# --- spreadsheet formula injection -----------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example/","点击查看验收报告")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)",
            "\t=1+1", "＝1+1"]
WANTED = sorted({text.strip() for text in FORMULAS})  # documents may trim the leading tab


def formula_cells(path: Path) -> tuple[list[str], list[str]]:
    """(cells that are live formulas, formula-looking texts that are safe text) in a workbook."""
    from openpyxl import load_workbook

    live, safe = [], []
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    live.append(f"{sheet.title}!{cell.coordinate}={cell.value}")
                elif isinstance(cell.value, str) and cell.value.strip() in WANTED:
                    assert cell.quotePrefix, cell.coordinate  # stays text when someone edits the cell
                    safe.append(cell.value.strip())
    return live, safe


def test_titles_that_look_like_formulas_stay_text_in_catalogue_and_export(cli, ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "来件"
    src.mkdir()
    for i, _ in enumerate(FORMULAS):
        (src / f"验收报告{i}.txt").write_text(f"河口镇户厕改造验收报告第{i}份，完成改厕{i + 300}户。", encoding="utf-8")
    records = cli.json("ingest", str(src))
    catalogue = Catalogue(ws.catalogue_path)
    with catalogue.transaction():  # titles and units as a unit's file (or a correction) may carry them
        for record, text in zip(records, FORMULAS, strict=True):
            catalogue.update(record["id"], title=text, unit=text, status="filed", indicator="C01")
    catalogue.close()
    cli("report", "catalogue")
    live, safe = formula_cells(ws.root / "out" / "归档文件目录.xlsx")
    assert live == [] and sorted(set(safe)) == WANTED

    out = tmp_path / "给检查组.zip"
    cli("export", "--zip", str(out))
    with zipfile.ZipFile(out) as zf:
        (tmp_path / "目录.xlsx").write_bytes(zf.read("归档文件目录.xlsx"))
    live, safe = formula_cells(tmp_path / "目录.xlsx")
    assert live == [] and sorted(set(safe)) == WANTED


def test_problem_ledger_export_writes_formula_text_as_text(tmp_path: Path) -> None:
    from archivist.assess.export import write_problems_xlsx
    from archivist.assess.problems import Problem

    problems = [Problem(i + 1, text, text, "县委督查", "2024-05-01", "2024-06-30", "C01", False, measures=text)
                for i, text in enumerate(FORMULAS)]
    path = write_problems_xlsx(tmp_path / "整改台账.xlsx", problems)
    live, safe = formula_cells(path)
    assert live == [] and sorted(set(safe)) == WANTED


def test_csv_fields_get_the_owasp_quote() -> None:
    from archivist.safety import csv_text

    assert [csv_text(t)[0] for t in FORMULAS] == ["'"] * len(FORMULAS)
    assert csv_text("河口镇验收报告") == "河口镇验收报告" and csv_text(None) == "" and csv_text(-3) == "'-3"


# --- dates and numbers at the edge -------------------------------------------------------------------


@pytest.mark.parametrize("date", ["2024-13-45", "2024-02-30", "20250120", "明年一月", "9999-01-01"])
def test_init_refuses_an_impossible_inspection_date(tmp_path: Path, date: str) -> None:
    from typer.testing import CliRunner

    from archivist.cli import app

    result = CliRunner().invoke(app, ["init", str(tmp_path / "ws"), "--inspection-date", date])
    assert result.exit_code == 2 and date in result.output
    assert "YYYY-MM-DD" in result.output or "年份" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (tmp_path / "ws").exists()  # refused before anything was created


def test_a_hand_edited_bad_date_is_one_line_not_a_traceback(ws: Workspace) -> None:
    config = ws.root / "archivist.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('inspection_date = "2025-01-20"',
                                                                  'inspection_date = "2024-13-45"'), encoding="utf-8")
    for command in (["countdown"], ["status"], ["report", "briefing"]):
        result = run_cli(ws, *command)
        assert result.returncode == 1 and "Traceback" not in result.stderr, (command, result.stderr)
        assert "2024-13-45" in result.stderr and "archivist.toml" in result.stderr


@pytest.mark.parametrize("points", ["nan", "inf", "-inf", "NaN"])
def test_score_set_refuses_numbers_that_are_not_numbers(cli, ws: Workspace, points: str) -> None:
    out = cli("score", "set", "C01", points, "--note", "试", expect=1)
    assert "不是有效数字" in out
    db = Catalogue(ws.catalogue_path).db
    assert db.execute("SELECT count(*) FROM self_scores").fetchone()[0] == 0  # nothing reached SQLite


# --- killed runs leave nothing behind ------------------------------------------------------------------


def test_a_killed_restore_is_cleaned_up_by_the_next(cli, ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "来件"
    src.mkdir()
    for i in range(4):
        (src / f"验收报告{i}.txt").write_text(f"河口镇户厕改造验收报告第{i}份，完成改厕{i + 300}户。", encoding="utf-8")
    cli("ingest", str(src))
    backup = tmp_path / "备份.tar"
    cli("backup", "--out", str(backup))
    target = tmp_path / "恢复"
    killed = subprocess.run([sys.executable, "-m", "archivist", "restore", str(backup), "--to", str(target)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT,
                            env=os.environ | {"ARCHIVIST_CRASH_AT": "restore_file:2"})
    assert killed.returncode == 137  # the fault fired: killed like kill -9, mid-restore
    left = list(tmp_path.glob(".恢复.restoring-*"))
    assert left and not target.exists()

    again = subprocess.run([sys.executable, "-m", "archivist", "restore", str(backup), "--to", str(target)],
                           capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert again.returncode == 0, again.stderr
    assert not list(tmp_path.glob(".*.restoring-*")) and "已清理" in again.stderr
    assert len(list((target / "archive").rglob("*.txt"))) == 4


FAKE_SOFFICE = """#!/bin/sh
# a LibreOffice that hangs: what a killed dossier leaves running
echo $$ >> "{pids}"
sleep 300
"""


def test_a_killed_dossier_leaves_no_soffice_and_no_temp_folder(cli, ws: Workspace, tmp_path: Path) -> None:
    import signal
    import time

    from docx import Document

    doc = Document()
    doc.add_paragraph("河口镇2024年农村户厕改造验收报告：完成改厕320户，验收合格。")
    src = tmp_path / "验收报告.docx"
    doc.save(src)
    [record] = cli.json("ingest", str(src))
    cli("assign", record["id"], "C01")
    pids = tmp_path / "soffice.pids"
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text(FAKE_SOFFICE.format(pids=pids))
    fake.chmod(0o755)
    env = os.environ | {"ARCHIVIST_SOFFICE": str(fake)}
    before = set(Path(tempfile_dir()).glob("archivist-dossier-*"))
    dossier = subprocess.Popen([sys.executable, "-m", "archivist", "-w", str(ws.root), "dossier", "--out",
                                str(tmp_path / "卷.pdf")], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not (pids.exists() and pids.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.2)
    soffice_pid = int(pids.read_text().split()[0])
    dossier.send_signal(signal.SIGKILL)
    assert dossier.wait(timeout=30) == -signal.SIGKILL  # the fault fired: killed mid-conversion
    left = set(Path(tempfile_dir()).glob("archivist-dossier-*")) - before
    assert left and alive(soffice_pid)  # what kill -9 leaves: its temp folder and a running soffice

    result = run_cli(ws, "dossier", "--out", str(tmp_path / "卷2.pdf"), timeout=180)
    assert "Traceback" not in result.stderr, result.stderr
    deadline = time.monotonic() + 10
    while alive(soffice_pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(soffice_pid)
    assert not any(p.exists() for p in left)


def tempfile_dir() -> str:
    import tempfile

    return tempfile.gettempdir()


def alive(pid: int) -> bool:
    """Running and not a zombie (a killed child of a dead parent is reaped by init)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


# --- assign on a record whose file is gone ---------------------------------------------------------------


def test_assign_when_the_file_was_deleted_is_one_line_and_leaves_no_journal(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "验收报告.txt"
    src.write_text("河口镇户厕改造验收报告，完成改厕320户。", encoding="utf-8")
    [record] = json.loads(run_cli(ws, "ingest", str(src), "--json").stdout)
    (ws.root / record["archive_path"]).unlink()
    result = run_cli(ws, "assign", record["id"], "A01")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert record["archive_path"] in result.stderr and "verify" in result.stderr
    assert Catalogue(ws.catalogue_path).journal_entries() == []


def test_assign_when_the_file_vanishes_during_the_move(ws: Workspace, tmp_path: Path, monkeypatch) -> None:
    """The file is deleted after assign checked it and before the move (fault injected): one clear
    error, the journal row closed, the record unchanged."""
    from archivist.intake import assign as assign_mod
    from archivist.intake import filing

    src = tmp_path / "验收报告.txt"
    src.write_text("河口镇户厕改造验收报告，完成改厕320户。", encoding="utf-8")
    [record] = json.loads(run_cli(ws, "ingest", str(src), "--json").stdout)
    real_move = filing.move_durably
    fired = []

    def vanish_then_move(source: Path, dest: Path) -> None:
        source.unlink()
        fired.append(source)
        real_move(source, dest)

    monkeypatch.setattr(filing, "move_durably", vanish_then_move)
    catalogue = Catalogue(ws.catalogue_path)
    with pytest.raises(assign_mod.AssignError, match="不在原位置"):
        assign_mod.assign(ws, catalogue, record["id"], "A01")
    assert fired  # the fault fired
    assert catalogue.journal_entries() == []
    assert catalogue.get(record["id"])["archive_path"] == record["archive_path"]
