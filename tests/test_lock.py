"""The writer lock says who holds it, a waiting command says whom it waits for, and `watch` holds
the lock only while it files — so ingest, assign, score and the rest run while watch is idle."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from archivist import watch as watch_module
from archivist.catalogue import Catalogue
from archivist.watch import Watcher
from archivist.workspace import Workspace, WorkspaceBusy
from archivist.writelock import LockHolder

TEXT = "河口镇2024年农村户厕改造验收报告\n全镇完成户厕改造320户，验收合格318户。\n河口镇人民政府\n2024年10月15日\n"
WAITING = re.compile(r"正在等待 (\S+?)（进程 (\d+)，自 (\d\d:\d\d) 起）释放写锁…")


def archivist(ws: Workspace, *args: str, env: dict[str, str] | None = None,
              timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "archivist", "-w", str(ws.root), *args], capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, **(env or {})})


@contextmanager
def holder_process(ws: Workspace, what: str) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the writer lock as `what` until the block ends (or a line on its stdin)."""
    code = ("import sys; from pathlib import Path; from archivist.workspace import Workspace\n"
            f"ws = Workspace(Path({str(ws.root)!r}))\n"
            f"with ws.writer_lock(what={what!r}):\n"
            "    print('held', flush=True); sys.stdin.readline()\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        release(proc)
        proc.wait(timeout=30)


def release(proc: subprocess.Popen[str]) -> None:
    if proc.stdin and not proc.stdin.closed:
        proc.stdin.write("\n")
        proc.stdin.close()


def start(ws: Workspace, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "archivist", "-w", str(ws.root), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


def wait_until_waiting(ws: Workspace, proc: subprocess.Popen[str], timeout: float = 120) -> None:
    """Until `proc` waits for the writer lock (its marker file is there)."""
    deadline = time.monotonic() + timeout
    while ws.lock_waiters() == 0:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the command never waited for the lock"
        time.sleep(0.05)


def test_the_lock_records_who_holds_it_and_since_when(ws: Workspace) -> None:
    before = time.time()
    with ws.writer_lock(what="ingest"):
        holder = ws.lock_holder()
        assert holder is not None and holder.command == "ingest" and holder.pid == os.getpid()
        assert holder.since is not None and before - 1 <= holder.since.timestamp() <= time.time() + 1
        with pytest.raises(WorkspaceBusy) as busy:
            with ws.writer_lock(wait=False, what="assign"):
                pass
    assert f"ingest（进程 {os.getpid()}，自 {holder.since.strftime('%H:%M')} 起）" in str(busy.value)
    assert LockHolder.parse(b"ingest pid=42") == LockHolder("ingest", 42)  # written by an older version


def test_a_waiting_command_says_whom_it_waits_for_then_runs(ws: Workspace, tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    report.write_text(TEXT, encoding="utf-8")
    with holder_process(ws, "ingest") as other:
        ingest = start(ws, "ingest", str(report))
        wait_until_waiting(ws, ingest)
        time.sleep(0.5)  # several polls while the lock is still taken
        assert ingest.poll() is None  # it waits rather than failing
        release(other)
        _out, err = ingest.communicate(timeout=120)
    assert ingest.returncode == 0, err
    lines = [line for line in err.splitlines() if "正在等待" in line]
    assert len(lines) == 1, err  # one line, not one per poll
    match = WAITING.search(lines[0])
    assert match and match.group(1) == "ingest" and int(match.group(2)) == other.pid, lines[0]
    records = Catalogue(ws.catalogue_path).records()
    assert [r["original_name"] for r in records] == ["报告.txt"]  # and then it did its work


def test_a_waiting_command_gives_up_after_the_documented_time(ws: Workspace, tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    report.write_text(TEXT, encoding="utf-8")
    with holder_process(ws, "watch") as other:
        ingest = start(ws, "ingest", str(report), env={"ARCHIVIST_LOCK_TIMEOUT": "1"})
        _out, err = ingest.communicate(timeout=120)
    assert ingest.returncode == 1
    assert WAITING.search(err)
    assert f"正被 watch（进程 {other.pid}，" in err and "已等待 1 秒" in err
    assert "Traceback" not in err
    assert Catalogue(ws.catalogue_path).records() == []
    assert ws.lock_waiters() == 0  # a command that gave up leaves no marker behind


def test_an_idle_watch_does_not_block_an_ingest(ws: Workspace, tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    report.write_text(TEXT, encoding="utf-8")
    watcher = subprocess.Popen([sys.executable, "-m", "archivist", "-w", str(ws.root), "watch"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert watcher.stdout is not None and "正在监视" in watcher.stdout.readline()
        result = archivist(ws, "ingest", str(report))
        assert result.returncode == 0, result.stderr
        assert "正在等待" not in result.stderr  # watch held nothing while idle
        late = ws.inbox / "晚到的简报.txt"
        late.write_text("石门乡村庄清洁行动简报，拆除危旧房12处。", encoding="utf-8")
        deadline = time.monotonic() + 60
        while late.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not late.exists()  # and the watch still files what arrives afterwards
    finally:
        watcher.terminate()
        watcher.wait(timeout=30)
    names = sorted(r["original_name"] for r in Catalogue(ws.catalogue_path).records())
    assert names == ["报告.txt", "晚到的简报.txt"]


def test_watch_releases_the_lock_between_batches(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(watch_module, "BATCH_FILES", 2)
    monkeypatch.setattr(watch_module, "YIELD_SECONDS", 0.0)
    for number in range(5):
        (ws.inbox / f"简报{number}.txt").write_text(f"第{number}期村庄清洁行动简报，拆除危旧房{number}处。",
                                                    encoding="utf-8")
    holds: list[int] = []
    original = Workspace.writer_lock

    @contextmanager
    def counting(self: Workspace, *args: object, **kwargs: object) -> Iterator[None]:
        with original(self, *args, **kwargs):  # type: ignore[arg-type]
            holds.append(len(Catalogue(self.catalogue_path).records()))
            yield

    monkeypatch.setattr(Workspace, "writer_lock", counting)
    records = Watcher(ws, settle_seconds=0.0).run_once()
    assert len(records) == 5
    assert holds[:3] == [0, 2, 4]  # three holds of the lock, two files each, released in between


def test_a_waiting_command_gets_the_lock_between_two_batches(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(watch_module, "BATCH_FILES", 2)
    for number in range(6):
        (ws.inbox / f"简报{number}.txt").write_text(f"第{number}期村庄清洁行动简报，拆除危旧房{number}处。",
                                                    encoding="utf-8")
    seen: list[int] = []  # records in the catalogue when the waiting command got the lock
    said: list[str] = []

    def assign_like() -> None:
        with ws.writer_lock(what="assign", on_wait=said.append):
            seen.append(len(Catalogue(ws.catalogue_path).records()))

    waiter = threading.Thread(target=assign_like)
    original = Watcher._file_batch

    def first_batch_starts_the_waiter(self: Watcher, *args: object) -> list[dict]:
        if not waiter.is_alive() and not seen:
            waiter.start()
            deadline = time.monotonic() + 10
            while ws.lock_waiters() == 0 and time.monotonic() < deadline:
                time.sleep(0.02)
            assert ws.lock_waiters() == 1  # the waiter announced itself while watch holds the lock
        return original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Watcher, "_file_batch", first_batch_starts_the_waiter)
    records = Watcher(ws, settle_seconds=0.0).run_once()
    waiter.join(timeout=30)
    assert len(records) == 6
    assert seen == [2]  # it got in after the first batch, not after the whole delivery
    assert len(said) == 1 and said[0].startswith(f"正在等待 watch（进程 {os.getpid()}，")
    assert ws.lock_waiters() == 0  # the marker is gone once it got the lock


def test_a_holder_that_takes_the_lock_again_is_announced_once(ws: Workspace) -> None:
    said: list[str] = []
    order: list[str] = []
    got = threading.Event()
    first = ws.writer_lock(what="watch")
    first.__enter__()

    def waiter() -> None:
        with ws.writer_lock(what="assign", on_wait=said.append):
            order.append("assign")
            got.set()

    thread = threading.Thread(target=waiter)
    thread.start()
    while ws.lock_waiters() == 0:
        time.sleep(0.02)
    time.sleep(1.1)  # the next hold starts in another second
    first.__exit__(None, None, None)
    with ws.writer_lock(what="watch"):  # the next batch of the same watch, at once
        order.append("watch again")
        time.sleep(0.5)
    thread.join(timeout=10)
    assert got.is_set() and order == ["watch again", "assign"]  # it really waited through the second hold
    assert len(said) == 1, said  # the same watch process: not a new line per batch
