"""Bounded execution: run a parser over an untrusted file with a wall-clock timeout and a memory cap.

A single malformed PDF that sends pypdf into a loop, or a spreadsheet that inflates to gigabytes,
must not stall or kill an intake of ten thousand files. Extraction therefore runs in worker
processes:

- Workers are persistent and reused: a round trip costs well under a millisecond, while starting
  an interpreter per file (~0.1 s) would cost more than reading a small file. They are fresh
  interpreters (`python -m archivist.intake.sandbox`), safe to start from a threaded parent (the
  watcher, a web UI) where fork() is not; see _Worker.
- Each worker lowers its *soft* RLIMIT_AS to `memory_mb`, so an oversized allocation raises
  MemoryError inside the worker instead of swapping the machine. External tools started from the
  worker (tesseract, soffice) raise their own soft limit again (see _common.run_tool).
- A call that runs past its timeout gets its worker frozen and killed, together with the process
  groups of the tools it started; a worker that raised MemoryError or died is replaced. The next
  call simply gets a fresh worker.

Each calling thread uses its own worker, so N threads extract N files in parallel.
"""

from __future__ import annotations

import atexit
import logging
import os
import resource
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

from archivist.model import Extraction, ExtractionError

log = logging.getLogger(__name__)

T = TypeVar("T")

MIB = 1024 * 1024
_PRELOAD = ["archivist.intake.extract", "archivist.intake.identify"]


class SandboxError(RuntimeError):
    """The function raised an unexpected exception in the worker (its traceback is in `details`)."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


def _timeout_error(timeout: float) -> ExtractionError:
    return ExtractionError(
        f"读取超时（超过{timeout:g}秒），文件可能损坏或过于复杂", "请用原软件打开确认文件完好，或另存为PDF后重新报送"
    )


def _memory_error(memory_mb: int) -> ExtractionError:
    return ExtractionError(
        f"读取时内存超限（超过{memory_mb}MB），文件可能过大或已损坏", "请拆分文件或另存为PDF后重新报送"
    )


# --- worker side ---------------------------------------------------------------------------------


def _serve(read_fd: int, write_fd: int, memory_mb: int) -> None:
    """Worker main loop: limit memory, then serve calls until the parent closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory_mb * MIB
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    for module in _PRELOAD:  # warm imports before the first file, under the limit they will run with
        __import__(module)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    inbox = Connection(read_fd, writable=False)
    outbox = Connection(write_fd, readable=False)
    while True:
        try:
            message = inbox.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        func, args, kwargs = message
        try:
            reply: tuple[Any, ...] = ("ok", func(*args, **kwargs))
        except ExtractionError as exc:
            # Sent as fields: ExtractionError pickles with its reason only and would lose the hint.
            reply = ("extraction_error", exc.reason, exc.hint)
        except MemoryError:
            reply = ("memory",)
        except BaseException as exc:  # noqa: BLE001 - everything else is reported to the parent, not lost
            reply = ("error", f"{type(exc).__name__}: {exc}", traceback.format_exc())
        try:
            outbox.send(reply)
        except MemoryError:
            outbox.send(("memory",))
        except Exception as exc:  # noqa: BLE001 - e.g. an unpicklable result
            outbox.send(("error", f"结果无法传回：{type(exc).__name__}: {exc}", traceback.format_exc()))


# --- parent side ---------------------------------------------------------------------------------


class _Worker:
    """One worker process, started as `python -m archivist.intake.sandbox` with two pipes.

    A fresh interpreter (not multiprocessing's fork or forkserver) because fork is unsafe in a
    threaded parent and both spawn and forkserver re-run the parent's __main__ script in the
    child, which breaks callers without an `if __name__ == "__main__"` guard. The worker gets the
    parent's sys.path, so functions from any module the parent can import can be sent to it.
    """

    def __init__(self, memory_mb: int) -> None:
        self.memory_mb = memory_mb
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "archivist.intake.sandbox", str(to_child_r), str(from_child_w), str(memory_mb)],
                pass_fds=(to_child_r, from_child_w),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env=env,
                start_new_session=True,  # its own group: terminal signals go to the parent only
            )
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        self.outbox = Connection(to_child_w, readable=False)
        self.inbox = Connection(from_child_r, writable=False)

    def alive(self) -> bool:
        return self.process.poll() is None

    def call(self, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], timeout: float) -> Any:
        """Send one call; return the worker's reply tuple, or raise TimeoutError / EOFError."""
        self.outbox.send((func, args, kwargs))
        if not self.inbox.poll(timeout):
            raise TimeoutError
        return self.inbox.recv()

    def kill(self) -> None:
        """Stop the worker and every tool it started (tools run in their own sessions)."""
        pid = self.process.pid
        if self.alive():
            try:
                os.kill(pid, signal.SIGSTOP)  # freeze: no new children while we collect them
            except ProcessLookupError:
                pass
            children = _child_pids(pid)
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            for child in children:
                for kill in (os.killpg, os.kill):
                    try:
                        kill(child, signal.SIGKILL)
                    except (ProcessLookupError, PermissionError):
                        pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        self._close_pipes()

    def close(self) -> None:
        try:
            self.outbox.send(None)
        except (OSError, ValueError):
            pass
        try:
            self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.kill()
            return
        self._close_pipes()

    def _close_pipes(self) -> None:
        for conn in (self.inbox, self.outbox):
            try:
                conn.close()
            except OSError:
                pass


def _child_pids(pid: int) -> list[int]:
    """Direct children of `pid`, from /proc (Linux); empty where /proc is unavailable."""
    children = []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return children
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        # Format: pid (comm) state ppid ...; comm may contain spaces and parentheses.
        fields = stat[stat.rfind(b")") + 2 :].split()
        if len(fields) > 1 and int(fields[1]) == pid:
            children.append(int(entry))
    return children


class _Pool:
    """Idle workers by memory limit; a worker belongs to one calling thread at a time."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.idle: dict[int, list[_Worker]] = {}
        self.owner = os.getpid()
        self.max_idle = max(2, os.cpu_count() or 2)

    def acquire(self, memory_mb: int) -> _Worker:
        with self.lock:
            if self.owner != os.getpid():  # we are a forked child: the parent's workers are not ours
                self.idle = {}
                self.owner = os.getpid()
            workers = self.idle.get(memory_mb, [])
            while workers:
                worker = workers.pop()
                if worker.alive():
                    return worker
                worker.kill()
        return _Worker(memory_mb)

    def release(self, worker: _Worker) -> None:
        with self.lock:
            workers = self.idle.setdefault(worker.memory_mb, [])
            if len(workers) < self.max_idle and self.owner == os.getpid():
                workers.append(worker)
                return
        worker.close()

    def shutdown(self) -> None:
        with self.lock:
            workers = [w for ws in self.idle.values() for w in ws]
            self.idle = {}
        for worker in workers:
            worker.close()


_pool = _Pool()
atexit.register(_pool.shutdown)


def shutdown() -> None:
    """Stop all idle workers (they are restarted on demand)."""
    _pool.shutdown()


def run_bounded(func: Callable[..., T], *args: Any, timeout: float, memory_mb: int, **kwargs: Any) -> T:
    """Run `func(*args, **kwargs)` in a worker limited to `timeout` seconds and `memory_mb` MiB.

    `func` and its arguments must be picklable (module-level functions, builtins). Raises
    ExtractionError on timeout, on memory exhaustion or a crashed worker, and passes through an
    ExtractionError raised by `func` (reason and hint intact). Any other exception raised by `func`
    comes back as SandboxError with the worker's traceback in `details`.
    """
    worker = _pool.acquire(memory_mb)
    try:
        reply = worker.call(func, args, kwargs, timeout)
    except TimeoutError:
        worker.kill()
        raise _timeout_error(timeout) from None
    except (EOFError, OSError, BrokenPipeError):
        # The worker died mid-call: the kernel's OOM killer, a segfault in a C library.
        worker.kill()
        raise ExtractionError(
            f"读取时内存超限或解析程序崩溃（上限{memory_mb}MB），文件可能已损坏", "请用原软件打开确认文件完好后重新报送"
        ) from None
    except BaseException:
        worker.kill()  # e.g. KeyboardInterrupt while waiting: do not leave a busy worker behind
        raise
    kind = reply[0]
    if kind == "memory":
        worker.kill()  # a worker that hit its limit may be left fragmented: start afresh
        raise _memory_error(memory_mb)
    _pool.release(worker)
    if kind == "ok":
        return reply[1]
    if kind == "extraction_error":
        raise ExtractionError(reply[1], reply[2])
    raise SandboxError(reply[1], reply[2])


def extract_bounded(
    path: Path,
    file_type: str | None = None,
    timeout: float = 60,
    memory_mb: int = 1024,
    cache_dir: Path | None = None,
    ocr: bool = True,
) -> Extraction:
    """archivist.intake.extract.extract in a bounded worker.

    OCR is told to stop at 85% of `timeout`, so that a long scan comes back with the pages read so
    far and a warning, rather than timing out as a whole. A bug in an extractor (any exception
    other than ExtractionError) quarantines the file with the exception named, instead of stopping
    the intake run.
    """
    from archivist.intake.extract import extract

    deadline = time.monotonic() + timeout * 0.85
    try:
        return run_bounded(
            extract,
            Path(path),
            file_type,
            timeout=timeout,
            memory_mb=memory_mb,
            cache_dir=cache_dir,
            ocr=ocr,
            deadline=deadline,
        )
    except SandboxError as exc:
        log.warning("extractor failed on %s: %s\n%s", path, exc, exc.details)
        raise ExtractionError(f"读取文件时程序出错（{exc}）"[:200], "请将该文件反馈给系统维护人员") from exc


if __name__ == "__main__":
    _serve(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
