"""The single-writer lock of a workspace, and who holds it.

One process at a time changes the catalogue and the archive: it holds an exclusive `flock` on
index/.writer.lock and writes into that file who it is (command, pid, start time). The kernel
drops the lock when the holder exits, however it exits, so a crash never leaves a stale lock.

Why a waiting command says what it waits for: a clerk who starts `assign` while `watch` files a
batch of 300 scans must see "正在等待 watch（进程 N，自 HH:MM 起）释放写锁…", not a silent hang.
Waiting polls a non-blocking flock (every POLL_SECONDS) rather than blocking in the kernel, so a
time limit can be kept and a change of holder can be announced again.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

POLL_SECONDS = 0.1
# Scripts may set this to give up instead of waiting for ever (seconds; unset or 0 = wait).
TIMEOUT_ENV = "ARCHIVIST_LOCK_TIMEOUT"

Notify = Callable[[str], None]


@dataclass(frozen=True)
class LockHolder:
    """Who holds a lock: the command, its process id and when it took the lock."""

    command: str
    pid: int
    since: dt.datetime | None = None

    def encode(self) -> bytes:
        since = self.since.isoformat(timespec="seconds") if self.since else ""
        return json.dumps({"command": self.command, "pid": self.pid, "since": since}, ensure_ascii=False).encode()

    @classmethod
    def parse(cls, raw: bytes) -> LockHolder | None:
        """The holder written by `encode` (or by an older version: "ingest pid=123"); None if unreadable."""
        text = raw.decode("utf-8", "replace").strip()
        if not text:
            return None
        try:
            data = json.loads(text)
            since = dt.datetime.fromisoformat(data["since"]) if data.get("since") else None
            return cls(str(data["command"]), int(data["pid"]), since)
        except (ValueError, KeyError, TypeError):
            command, _, pid = text.rpartition(" pid=")
            return cls(command or text, int(pid)) if pid.isdigit() else cls(text, 0)

    def describe(self) -> str:
        """"watch（进程 123，自 08:15 起）": one phrase for every message that names the holder."""
        parts = [f"进程 {self.pid}"] if self.pid else []
        if self.since:
            parts.append(f"自 {self.since.astimezone().strftime('%H:%M')} 起")
        return f"{self.command}（{'，'.join(parts)}）" if parts else self.command


class LockBusy(Exception):
    """The lock is held by someone else (and we were not to wait, or waited long enough)."""

    def __init__(self, holder: LockHolder | None, waited: float = 0.0) -> None:
        super().__init__(holder.describe() if holder else "未知进程")
        self.holder = holder
        self.waited = waited


def waiting_line(holder: LockHolder | None) -> str:
    return f"正在等待 {holder.describe() if holder else '另一个进程'}释放写锁…"


def print_to_stderr(line: str) -> None:
    """The default way to tell a waiting user: one line on stderr (stdout may be --json)."""
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def env_timeout() -> float | None:
    value = os.environ.get(TIMEOUT_ENV, "").strip()
    try:
        seconds = float(value) if value else 0.0
    except ValueError:
        seconds = 0.0
    return seconds if seconds > 0 else None


def read_holder(path: Path) -> LockHolder | None:
    try:
        return LockHolder.parse(path.read_bytes()[:400])
    except OSError:
        return None


def _waiting_marker(path: Path) -> Path:
    return path.with_name(f"{path.name}.waiting-{os.getpid()}-{threading.get_ident()}")


def waiters(path: Path) -> int:
    """How many processes are waiting for the lock at `path` now (each leaves a marker file while it
    waits; markers of processes that died are removed). Lets a holder that works in batches, like
    `watch`, leave the lock free for a moment only when someone actually wants it."""
    count = 0
    for marker in path.parent.glob(f"{path.name}.waiting-*"):
        pid = marker.name.rsplit(".waiting-", 1)[1].split("-", 1)[0]
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            marker.unlink(missing_ok=True)
            continue
        except (ValueError, PermissionError):
            pass
        count += 1
    return count


@contextmanager
def hold(
    path: Path,
    command: str,
    *,
    wait: bool = True,
    timeout: float | None = None,
    on_wait: Notify | None = print_to_stderr,
) -> Iterator[LockHolder]:
    """Hold the exclusive lock on `path` for the block, writing our LockHolder into it.

    wait=False: one try, LockBusy at once if taken. wait=True: poll until free, calling `on_wait`
    with the waiting line once per holder (command and process); with `timeout` (seconds), LockBusy
    after that long. While waiting, a marker file says so (see `waiters`).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    marker: Path | None = None
    try:
        started = time.monotonic()
        announced: tuple[str, int] | None = None  # whom we said we wait for (a watch re-taking it is the same)
        empty_since: float | None = None  # when the holder record was first seen empty, in this stretch
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = LockHolder.parse(os.pread(fd, 400, 0))
                waited = time.monotonic() - started
                if not wait or (timeout is not None and waited >= timeout):
                    raise LockBusy(holder, waited) from None
                if marker is None:
                    marker = _waiting_marker(path)
                    marker.touch()
                who = (holder.command, holder.pid) if holder else ("", 0)
                # an empty holder is the instant between another's flock and its pwrite (a watch taking the
                # lock again): say it only if it lasts, counted from when it went empty, not from our start
                now = time.monotonic()
                empty_since = None if holder is not None else (empty_since if empty_since is not None else now)
                lasting = holder is not None or now - (empty_since or now) > 0.5
                if on_wait is not None and who != announced and lasting:
                    on_wait(waiting_line(holder))
                    announced = who
                time.sleep(POLL_SECONDS)
        if marker is not None:
            marker.unlink(missing_ok=True)
            marker = None
        me = LockHolder(command, os.getpid(), dt.datetime.now().astimezone())
        os.ftruncate(fd, 0)
        os.pwrite(fd, me.encode(), 0)
        yield me
    finally:
        if marker is not None:
            marker.unlink(missing_ok=True)
        os.close(fd)  # closing the descriptor releases the flock
