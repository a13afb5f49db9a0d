"""Faults an office machine really has: power cuts mid-ingest, a full disk, a read-only share, two
people running archivist at once, readers during an ingest, a file changing under our feet.

After each: nothing lost (every input's bytes are archived exactly once, or still at the source with
a record saying why), nothing doubled, a clear one-line message, and `verify` clean after
`doctor --repair`. Kills use real processes (`python -m archivist`) and the pipeline's crash_point
hook (ARCHIVIST_CRASH_AT=stage:n), which dies with os._exit like kill -9; random SIGKILLs cover the
windows between the hooks.
"""

from __future__ import annotations

import builtins
import errno
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from archivist.catalogue import Catalogue
from archivist.intake import filing
from archivist.samples import make_text_corpus
from archivist.workspace import Workspace
from archivist.writelock import read_holder

STAGES = ("before_copy", "after_copy", "after_commit")


# helpers -------------------------------------------------------------------------------------------
def run(ws: Workspace, *args: str, crash: str | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ARCHIVIST_CRASH", "_ARCHIVIST_CRASH"))}
    if crash:
        env["ARCHIVIST_CRASH_AT"] = crash
    return subprocess.run([sys.executable, "-m", "archivist", "-w", str(ws.root), *args],
                          env=env, capture_output=True, timeout=timeout)


def start(ws: Workspace, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ARCHIVIST_CRASH", "_ARCHIVIST_CRASH"))}
    return subprocess.Popen([sys.executable, "-m", "archivist", "-w", str(ws.root), *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def verify_ok(ws: Workspace) -> dict:
    result = CliRunner().invoke(_app(), ["-w", str(ws.root), "verify", "--json"])
    report = json.loads(result.stdout)
    assert result.exit_code == 0 and report["ok"], report
    return report


def _app() -> Any:
    from archivist.cli import app

    return app


def repair_then_verify(ws: Workspace) -> None:
    result = CliRunner().invoke(_app(), ["-w", str(ws.root), "doctor", "--repair", "--json"])
    assert result.exit_code == 0, (result.output, result.exc_info and "".join(
        __import__("traceback").format_exception(*result.exc_info)))
    verify_ok(ws)


def assert_whole(ws: Workspace, inputs: list[Path], complete: bool = True) -> None:
    """Nothing doubled: each stored sha once, one file per stored row, no temp files, no journal.
    Nothing lost: with `complete`, every input's bytes are archived."""
    catalogue = Catalogue(ws.catalogue_path)
    stored = [r for r in catalogue.records() if r["status"] != "duplicate" and r["archive_path"]]
    shas = [r["sha256"] for r in stored]
    assert len(shas) == len(set(shas)), "the same bytes archived twice"
    files = [p for p in ws.archive.rglob("*") if p.is_file() and p.name != ".gitkeep"]
    containers = catalogue.db.execute("SELECT COUNT(*) FROM containers").fetchone()[0]
    assert len(files) == len(stored) + containers
    assert not [p for p in ws.archive.rglob(".*.part")]
    assert catalogue.journal_entries() == []
    assert catalogue.verify_audit() == []
    if complete:
        assert {sha(p) for p in inputs} <= set(shas)
    catalogue.close()


@pytest.fixture()
def corpus(tmp_path: Path) -> list[Path]:
    return make_text_corpus(tmp_path / "来件", 8)


# kill -9 ---------------------------------------------------------------------------------------------
def ingest_in_process(ws: Workspace, folder: Path) -> None:
    result = CliRunner().invoke(_app(), ["-w", str(ws.root), "ingest", str(folder)])
    assert result.exit_code == 0, result.output


def crash_cycle(ws: Workspace, corpus: list[Path], crashes: list[str]) -> None:
    """Ingest, dying at each hook in turn; after each death doctor --repair must leave verify clean;
    a final run files everything exactly once."""
    folder = corpus[0].parent
    for crash in crashes:
        crashed = run(ws, "ingest", str(folder), crash=crash)
        assert crashed.returncode in (137, 0), crashed.stderr.decode()  # 0: fewer passes left than n
        repair_then_verify(ws)
        assert_whole(ws, corpus, complete=False)
    ingest_in_process(ws, folder)
    assert_whole(ws, corpus)
    assert len(Catalogue(ws.catalogue_path).records()) == len(corpus)  # and no duplicate records
    assert all(p.exists() for p in corpus)  # ingest never touches the source


@pytest.mark.parametrize("stage", STAGES)
def test_kill_9_at_every_stage_then_doctor_then_rerun(ws: Workspace, corpus: list[Path], stage: str) -> None:
    crash_cycle(ws, corpus, [f"{stage}:3"])


@pytest.mark.slow
@pytest.mark.parametrize("stage", STAGES)
def test_kill_9_at_every_stage_many_runs(ws: Workspace, tmp_path: Path, stage: str) -> None:
    corpus = make_text_corpus(tmp_path / "来件", 12, seed=13)
    crash_cycle(ws, corpus, [f"{stage}:{n}" for n in (1, 2, 3, 5, 8)])


def test_kill_9_in_watch_mode_removes_the_source_only_after_commit(ws: Workspace, corpus: list[Path]) -> None:
    """In watch mode the source leaves the inbox last: a crash after the commit leaves it in the
    inbox, and recovery removes it only because its bytes are archived and catalogued."""
    from archivist.watch import Watcher

    config = ws.root / "archivist.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("settle_seconds = 2", "settle_seconds = 0"),
                      encoding="utf-8")
    for path in corpus:
        path.rename(ws.inbox / path.name)
    inputs = sorted(ws.inbox.iterdir())
    digests = {sha(p) for p in inputs}
    crashed = run(ws, "watch", "--once", crash="after_commit:2")
    assert crashed.returncode == 137, crashed.stderr.decode()
    assert len(list(ws.inbox.iterdir())) == len(inputs) - 1  # the first went, the second is committed, still here
    repair_then_verify(ws)  # recover() removes the committed source
    assert len(list(ws.inbox.iterdir())) == len(inputs) - 2
    Watcher(Workspace(ws.root), settle_seconds=0).run_once(timeout=60)
    assert list(ws.inbox.iterdir()) == []
    stored = {r["sha256"] for r in Catalogue(ws.catalogue_path).records()}
    assert digests == stored
    assert_whole(ws, [])
    verify_ok(ws)


def doctor_crash(cli: Any, ws: Workspace, corpus: list[Path], stage: str) -> None:
    """doctor --repair killed while adopting an orphan (pipeline hooks) or putting a file back."""
    rows = [r for r in Catalogue(ws.catalogue_path).records() if r["archive_path"]]
    orphan = ws.archive / f"手工放入-{stage}.txt"
    orphan.write_text(f"石门乡村庄清洁行动简报（{stage}）：拆除危旧房12处，清理垃圾30吨。", encoding="utf-8")
    orphan_sha = sha(orphan)
    row = rows[len(orphan_sha) % len(rows)]
    misplaced = ws.archive / "放错了.txt"
    (ws.root / row["archive_path"]).rename(misplaced)
    crashed = run(ws, "doctor", "--repair", crash=f"{stage}:1")
    assert crashed.returncode == 137, crashed.stderr.decode()
    repair_then_verify(ws)
    assert_whole(ws, [])
    shas = [r["sha256"] for r in Catalogue(ws.catalogue_path).records()]
    assert shas.count(orphan_sha) == 1
    assert (ws.root / row["archive_path"]).is_file() and not misplaced.exists()


@pytest.mark.parametrize("stage", ["after_copy", "doctor_before_relink_commit"])
def test_kill_9_during_doctor_repair(cli, ws: Workspace, corpus: list[Path], stage: str) -> None:
    cli("ingest", str(corpus[0].parent))
    doctor_crash(cli, ws, corpus, stage)


@pytest.mark.slow
def test_kill_9_during_doctor_repair_every_stage(cli, ws: Workspace, corpus: list[Path]) -> None:
    cli("ingest", str(corpus[0].parent))
    for stage in [*STAGES, "doctor_before_relink_commit", "doctor_after_relink"]:
        doctor_crash(cli, ws, corpus, stage)


def random_kills(ws: Workspace, tmp_path: Path, kills: int, seed: int) -> None:
    paths = make_text_corpus(tmp_path / "来件", 30, seed=11)
    rng = random.Random(seed)
    for _ in range(kills):
        before = _row_count(ws)
        proc = start(ws, "ingest", str(tmp_path / "来件"))
        # wait until files are flowing (startup is slow and uninteresting), then kill at a random
        # moment: mid-copy, mid-commit, between a commit and its journal close...
        target = before + rng.randint(1, 4)
        deadline = time.time() + 60
        while proc.poll() is None and _row_count(ws) < target and time.time() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        repair_then_verify(ws)
        assert_whole(ws, paths, complete=False)
    ingest_in_process(ws, tmp_path / "来件")
    assert_whole(ws, paths)


def _row_count(ws: Workspace) -> int:
    if not ws.catalogue_path.exists():
        return 0
    db = sqlite3.connect(ws.catalogue_path, timeout=30)
    try:
        return int(db.execute("SELECT COUNT(*) FROM evidence").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        db.close()


def test_random_sigkills_during_ingest(ws: Workspace, tmp_path: Path) -> None:
    """SIGKILL at random moments (not only at the hooks), then finish the job."""
    random_kills(ws, tmp_path, kills=2, seed=20241015)


@pytest.mark.slow
def test_random_sigkills_many_runs(ws: Workspace, tmp_path: Path) -> None:
    random_kills(ws, tmp_path, kills=10, seed=7)


# a full disk, a read-only archive ------------------------------------------------------------------------
class _Budget:
    """Lets `left` bytes through to the archive's temp files, then fails like a full disk."""

    def __init__(self, left: int, error: int = errno.ENOSPC) -> None:
        self.left = left
        self.error = error

    def open(self, file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = builtins.open(file, mode, *args, **kwargs)
        if "w" in mode and str(file).endswith(".part"):
            return _Limited(handle, self)
        return handle


class _Limited:
    def __init__(self, handle: Any, budget: _Budget) -> None:
        self.handle = handle
        self.budget = budget

    def write(self, data: bytes) -> int:
        if len(data) > self.budget.left:
            self.handle.write(data[: self.budget.left])  # a partial write, as a real full disk gives
            self.handle.flush()
            self.budget.left = 0
            raise OSError(self.budget.error, os.strerror(self.budget.error))
        self.budget.left -= len(data)
        return self.handle.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)

    def __enter__(self) -> _Limited:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.handle.close()


def run_main(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, *args: str
) -> tuple[int, str]:
    """The real entry point (archivist.cli.main) in-process, so a monkeypatched fault applies."""
    from archivist.cli import main

    monkeypatch.setattr(sys, "argv", ["archivist", "-w", str(ws.root), *args])
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        main()
    return int(exit_info.value.code or 0), capsys.readouterr().err


def test_full_disk_mid_copy(ws: Workspace, corpus: list[Path], monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture) -> None:
    budget = _Budget(left=sum(p.stat().st_size for p in corpus[:2]) + 500)
    monkeypatch.setattr(filing, "open", budget.open, raising=False)
    code, err = run_main(ws, monkeypatch, capsys, "ingest", str(corpus[0].parent))
    assert code == 1
    assert "磁盘空间不足" in err and "Traceback" not in err
    assert not [p for p in ws.archive.rglob(".*.part")]  # the half-written copy is gone at once
    monkeypatch.undo()  # space freed
    repair_then_verify(ws)
    assert Catalogue(ws.catalogue_path).journal_entries() == []
    assert len(Catalogue(ws.catalogue_path).records()) == 2
    ingest_in_process(ws, corpus[0].parent)
    assert_whole(ws, corpus)


def test_full_disk_in_the_catalogue(ws: Workspace, corpus: list[Path], monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture) -> None:
    calls = {"n": 0}
    original = Catalogue.insert

    def insert(self: Catalogue, record: dict) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise sqlite3.OperationalError("database or disk is full")
        original(self, record)

    monkeypatch.setattr(Catalogue, "insert", insert)
    code, err = run_main(ws, monkeypatch, capsys, "ingest", str(corpus[0].parent))
    assert code == 1 and "磁盘空间不足" in err
    monkeypatch.undo()
    repair_then_verify(ws)  # the copied-but-uncommitted file is rolled back
    assert len(Catalogue(ws.catalogue_path).records()) == 2
    ingest_in_process(ws, corpus[0].parent)
    assert_whole(ws, corpus)


def test_read_only_archive_simulated(ws: Workspace, corpus: list[Path], monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture) -> None:
    def refuse(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "w" in mode and str(file).endswith(".part"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return builtins.open(file, mode, *args, **kwargs)

    monkeypatch.setattr(filing, "open", refuse, raising=False)
    code, err = run_main(ws, monkeypatch, capsys, "ingest", str(corpus[0].parent))
    assert code == 1 and "归档目录不可写" in err and "Traceback" not in err
    monkeypatch.undo()
    repair_then_verify(ws)
    assert Catalogue(ws.catalogue_path).records() == []


@pytest.mark.skipif(os.geteuid() == 0, reason="以 root 运行时 chmod 不能阻止写入；只读情形由上面的模拟测试覆盖")
def test_read_only_archive_for_real(ws: Workspace, corpus: list[Path]) -> None:
    folders = [ws.archive, *[p for p in ws.archive.rglob("*") if p.is_dir()]]
    for folder in folders:
        folder.chmod(0o555)
    try:
        result = run(ws, "ingest", str(corpus[0].parent))
        err = result.stderr.decode()
        assert result.returncode == 1 and "归档目录不可写" in err and "Traceback" not in err
    finally:
        for folder in folders:
            folder.chmod(0o755)
    repair_then_verify(ws)


# two writers, readers during an ingest ------------------------------------------------------------------
def _wait_for_lock_holder(
    ws: Workspace, what: str, proc: subprocess.Popen, timeout: float = 60, allow_exit: bool = False,
    lock_name: str = ".writer.lock",
) -> None:
    lock = ws.index_dir / lock_name
    deadline = time.time() + timeout
    while time.time() < deadline:
        holder = read_holder(lock)
        if holder is not None and (holder.command, holder.pid) == (what, proc.pid):
            return
        if proc.poll() is not None:
            assert allow_exit, proc.communicate()[1].decode()
            return
        time.sleep(0.05)
    raise AssertionError(f"{what} never took the writer lock")


def test_a_second_watcher_is_refused(ws: Workspace, corpus: list[Path]) -> None:
    first = start(ws, "watch")
    try:
        _wait_for_lock_holder(ws, "watch", first, lock_name=".watch.lock")
        second = run(ws, "watch", "--once", timeout=60)
        err = second.stderr.decode()
        assert second.returncode == 1 and f"已有 watch（进程 {first.pid}" in err and "Traceback" not in err
    finally:
        first.send_signal(signal.SIGINT)
        try:
            first.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            first.kill()
            first.communicate()


def test_two_ingests_at_once_store_each_file_once(ws: Workspace, tmp_path: Path) -> None:
    paths = make_text_corpus(tmp_path / "all", 12, seed=3)
    a, b = tmp_path / "甲", tmp_path / "乙"
    a.mkdir()
    b.mkdir()
    for i, path in enumerate(paths):  # overlapping halves: the middle third goes to both
        if i < 8:
            (a / path.name).write_bytes(path.read_bytes())
        if i >= 4:
            (b / path.name).write_bytes(path.read_bytes())
    procs = [start(ws, "ingest", str(a)), start(ws, "ingest", str(b))]
    for proc in procs:
        _out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err.decode()
    assert_whole(ws, paths)
    records = Catalogue(ws.catalogue_path).records()
    assert len(records) == 16 and sum(r["status"] == "duplicate" for r in records) == 4
    verify_ok(ws)


def test_list_search_verify_and_backup_during_ingest(ws: Workspace, tmp_path: Path) -> None:
    paths = make_text_corpus(tmp_path / "来件", 30, seed=5)
    proc = start(ws, "ingest", str(tmp_path / "来件"))
    runner = CliRunner()
    counts, verifies, searches = [], [], 0
    backup = tmp_path / "备份.tar"
    try:
        _wait_for_lock_holder(ws, "ingest", proc)
        while proc.poll() is None:
            listed = runner.invoke(_app(), ["-w", str(ws.root), "list", "--json"])
            assert listed.exit_code == 0, listed.output
            counts.append(len(json.loads(listed.stdout)))
            result = runner.invoke(_app(), ["-w", str(ws.root), "verify", "--json"])
            report = json.loads(result.stdout)
            assert result.exit_code == 0 and report["ok"], report  # no false alarms while a writer works
            verifies.append(report)
            searches += _search_once(ws)
            if not backup.exists() and counts[-1] >= 5:
                made = runner.invoke(_app(), ["-w", str(ws.root), "backup", "--out", str(backup)])
                assert made.exit_code == 0, made.output
    finally:
        _out, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err.decode()
    assert counts == sorted(counts) and len(verifies) >= 2
    assert_whole(ws, paths)
    verify_ok(ws)
    if backup.exists():  # a snapshot taken mid-ingest restores to a consistent workspace
        restored = runner.invoke(_app(), ["restore", str(backup), "--to", str(tmp_path / "恢复")])
        assert restored.exit_code == 0, restored.output
        copy = Workspace(tmp_path / "恢复")
        verify_ok(copy)
        assert {r["id"] for r in Catalogue(copy.catalogue_path).records()} <= {
            r["id"] for r in Catalogue(ws.catalogue_path).records()}


def _search_once(ws: Workspace) -> int:
    """A search while the ingest writes: must answer (possibly nothing yet), never fail."""
    try:
        from archivist.search import SearchIndex
    except ImportError:
        return 0
    if not (ws.whoosh_dir / "CURRENT").exists():
        return 0
    index = SearchIndex(ws.whoosh_dir)
    try:
        index.search("改厕", limit=5)
    finally:
        index.close()
    return 1


# a file that changes or vanishes between being seen and being read -----------------------------------------
def _pipeline(ws: Workspace) -> tuple[Any, Catalogue]:
    from archivist.intake.pipeline import Pipeline

    catalogue = Catalogue(ws.catalogue_path)
    return Pipeline(ws, catalogue), catalogue


def _finish(ws: Workspace, catalogue: Catalogue) -> None:
    """What a writing command does after its pipeline run: bring the search index up to date."""
    from archivist.cli import sync_search

    sync_search(ws, catalogue)
    catalogue.close()


def _meddle(monkeypatch: pytest.MonkeyPatch, victim: Path, action: str, times: int) -> None:
    """After the pipeline has hashed `victim` (at its identify stage), change or delete it."""
    import archivist.intake.identify as identify_module

    real = identify_module.identify
    left = {"n": times}

    def meddling(path: Path) -> str:
        kind = real(path)
        if Path(path) == victim and left["n"] > 0:
            left["n"] -= 1
            if action == "delete":
                victim.unlink()
            else:
                with open(victim, "a", encoding="utf-8") as fh:
                    fh.write("（补充一行）\n")
        return kind

    monkeypatch.setattr(identify_module, "identify", meddling)


def test_file_changed_after_hashing_is_read_again(ws: Workspace, corpus: list[Path],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from archivist.intake.pipeline import discover

    victim = corpus[2]
    _meddle(monkeypatch, victim, "append", times=1)
    pipeline, catalogue = _pipeline(ws)
    records = pipeline.run(discover([corpus[0].parent]))
    mine = [r for r in records if r["original_name"] == victim.name]
    assert len(mine) == 1 and mine[0]["status"] in ("filed", "unsorted")
    assert mine[0]["sha256"] == sha(victim)  # the bytes as they finally are, and those are archived
    assert sha(ws.root / mine[0]["archive_path"]) == sha(victim)
    _finish(ws, catalogue)
    verify_ok(ws)
    assert_whole(ws, corpus)


def test_file_that_keeps_changing_is_recorded_and_left_in_place(ws: Workspace, corpus: list[Path],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from archivist.intake.pipeline import discover

    victim = corpus[2]
    _meddle(monkeypatch, victim, "append", times=100)
    pipeline, catalogue = _pipeline(ws)
    records = pipeline.run(discover([corpus[0].parent]))
    mine = [r for r in records if r["original_name"] == victim.name]
    assert len(mine) == 1 and mine[0]["status"] == "quarantined"
    assert "修改" in mine[0]["reason"] and mine[0]["archive_path"] is None
    assert victim.exists()  # its bytes were never ours to lose: still at the source
    _finish(ws, catalogue)
    verify_ok(ws)
    assert_whole(ws, [p for p in corpus if p != victim])


def test_file_deleted_after_hashing(ws: Workspace, corpus: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from archivist.intake.pipeline import discover

    victim = corpus[2]
    _meddle(monkeypatch, victim, "delete", times=1)
    pipeline, catalogue = _pipeline(ws)
    records = pipeline.run(discover([corpus[0].parent]))
    mine = [r for r in records if r["original_name"] == victim.name]
    assert len(mine) == 1 and mine[0]["status"] == "quarantined"
    assert "移走或删除" in mine[0]["reason"]
    assert len(records) == len(corpus)  # the run went on
    _finish(ws, catalogue)
    verify_ok(ws)
    assert_whole(ws, [p for p in corpus if p != victim])


def test_file_deleted_between_listing_and_hashing(ws: Workspace, corpus: list[Path]) -> None:
    from archivist.intake.pipeline import discover

    intakes = list(discover([corpus[0].parent]))
    corpus[4].unlink()
    pipeline, catalogue = _pipeline(ws)
    records = pipeline.run(intakes)
    gone = [r for r in records if r["original_name"] == corpus[4].name]
    assert gone[0]["status"] == "quarantined" and "移走或删除" in gone[0]["reason"]
    _finish(ws, catalogue)
    verify_ok(ws)


def test_watch_survives_a_file_vanishing_while_settling(ws: Workspace) -> None:
    from archivist.watch import Watcher

    keep = ws.inbox / "保留.txt"
    keep.write_text("河口镇改厕验收报告，完成改厕320户。", encoding="utf-8")
    gone = ws.inbox / "撤回.txt"
    gone.write_text("临时放错的文件", encoding="utf-8")
    watcher = Watcher(ws, settle_seconds=0.3)
    timer = threading.Timer(0.1, gone.unlink)
    timer.start()
    records = watcher.run_once(timeout=30)
    timer.join()
    assert [r["original_name"] for r in records] == ["保留.txt"]
    verify_ok(ws)
