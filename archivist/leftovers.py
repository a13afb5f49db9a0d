"""What a killed run leaves behind — temp folders and a running LibreOffice — removed on the next start.

kill -9 runs no `finally`, no atexit: a killed `dossier` leaves its temp folder and a soffice that
keeps converting (it runs in a session of its own so that a timeout can kill its whole group); a
killed `restore` leaves its half-written `.NAME.restoring-…` copy; a killed `ingest` leaves the
folder a zip was unpacked into. Every such folder is therefore named with the pid of the process
that made it (`owned_temp_dir`), and the next run removes those whose process is gone
(`remove_stale_dirs`). A soffice is an orphan when the profile it runs in is no longer held: a
conversion holds its profile's flock (render.py) or names its owner's pid in the profile path
(legacy.py) for as long as it runs, so a free lock or a dead pid means nobody waits for it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

_PROFILE_ARG = re.compile(rb"-env:UserInstallation=file://(\S+)")
_LEGACY_PROFILE = re.compile(r"archivist-lo-(\d+)$")
_RENDER_PROFILE = re.compile(r"(lo-profiles|archivist-lo-profiles-\d+)/p(\d+)$")


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive, and not ours to judge
    return True


@contextlib.contextmanager
def owned_temp_dir(prefix: str, parent: Path | None = None) -> Iterator[Path]:
    """A temp folder named `prefix<pid>-…`, removed on exit — or by the next run if this one is killed."""
    with tempfile.TemporaryDirectory(prefix=f"{prefix}{os.getpid()}-", dir=parent) as tmp:
        yield Path(tmp)


def owned_mkdtemp(prefix: str, parent: Path | None = None) -> Path:
    """mkdtemp with the owner's pid in the name (the caller removes it; the next run does if it cannot)."""
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=parent))


def remove_stale_dirs(parent: Path, pattern: re.Pattern[str]) -> list[Path]:
    """Remove folders in `parent` whose name matches `pattern` (group 1: the owner's pid) and whose
    owner is gone; returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(Path(parent).iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = pattern.match(entry.name)
        if not match or pid_alive(int(match.group(1))) or entry.is_symlink() or not entry.is_dir():
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


def owned_pattern(prefix: str) -> re.Pattern[str]:
    """The names owned_temp_dir/owned_mkdtemp give for `prefix`."""
    return re.compile(re.escape(prefix) + r"(\d+)-")


RESTORING = re.compile(r"\..+\.restoring-(\d+)-")  # backup.restore_backup's staging folders


def orphan_soffice() -> list[int]:
    """Pids of soffice processes running in an archivist profile that nobody holds any more."""
    found: list[int] = []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return found
    for entry in entries:
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                cmdline = fh.read()
        except OSError:
            continue
        if b"soffice" not in cmdline:
            continue
        match = _PROFILE_ARG.search(cmdline.replace(b"\x00", b" "))
        if match and _profile_abandoned(Path(unquote(os.fsdecode(match.group(1))))):
            found.append(int(entry))
    return found


def _profile_abandoned(profile: Path) -> bool:
    text = profile.as_posix().rstrip("/")
    if legacy := _LEGACY_PROFILE.search(text):
        return not pid_alive(int(legacy.group(1)))
    if _RENDER_PROFILE.search(text):
        lock = profile.with_name(f"{profile.name}.lock")
        try:
            fh = lock.open("a+")
        except OSError:
            return False
        with fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # a conversion holds it: in use
            fcntl.flock(fh, fcntl.LOCK_UN)
            return True
    return False


def kill_orphan_soffice() -> list[int]:
    """Kill abandoned soffice processes with their process group (soffice.bin too); returns the pids."""
    killed = []
    for pid in orphan_soffice():
        for kill in (os.killpg, os.kill):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                kill(pid, signal.SIGKILL)
        killed.append(pid)
    return killed


def clean_after_killed_runs(cache_dir: Path | None = None) -> list[str]:
    """Everything a killed run may have left: stale temp folders and orphaned soffice. One line each."""
    lines = []
    tmp = Path(tempfile.gettempdir())
    for parent, prefix in ((tmp, "archivist-dossier-"), (cache_dir, "unzip-")):
        if parent is not None:
            for path in remove_stale_dirs(parent, owned_pattern(prefix)):
                lines.append(f"已清理中断运行留下的临时文件夹 {path.name}")
    for pid in kill_orphan_soffice():
        lines.append(f"已结束中断运行遗留的 LibreOffice 进程（pid {pid}）")
    return lines
