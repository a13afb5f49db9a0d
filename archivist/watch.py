"""Watch inbox/ and file what arrives.

A file is taken only once its size and mtime have not changed for `settle_seconds` (units copy
big scans over slow networks). Events from watchdog only nominate candidates; a scan at start and a
periodic rescan catch whatever the events missed (network shares drop events), and the polling
observer serves shares where inotify sees nothing. Files leave the inbox only after their bytes are
archived and catalogued (the pipeline removes the source last).

The writer lock is held per batch, never while idle: `ingest`, `assign`, `score`, `problems` and
`reindex` run while watch waits for files, and web uploads queued meanwhile are filed with the
next batch (archivist/intake/queue.py).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from .catalogue import open_catalogue
from .intake import queue
from .intake.pipeline import Intake, Pipeline, display_name, is_ignored
from .intake.session import IntakeSession, writer_session
from .workspace import Workspace
from .writelock import Notify, print_to_stderr

if TYPE_CHECKING:
    from .search import SearchIndex

log = logging.getLogger(__name__)

BATCH_FILES = 50  # files filed per hold of the writer lock
YIELD_SECONDS = 0.3  # the lock stays free this long between batches when a command waits (it polls every 0.1 s)


def _signature(path: Path) -> tuple[int, float] | None:
    """Size and mtime of the entry itself (a symlink is not followed); None once it is gone."""
    try:
        st = path.lstat()
    except OSError:
        return None
    return st.st_size, st.st_mtime


class _Nominate(FileSystemEventHandler):
    def __init__(self, watcher: Watcher) -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        for raw in (getattr(event, "dest_path", None), event.src_path):
            if raw:
                path = Path(os.fsdecode(raw))
                if event.is_directory:
                    self.watcher.nominate_tree(path)
                else:
                    self.watcher.nominate(path)


class Watcher:
    """Owns the candidate set. The caller holds the watcher lock (one watch per workspace); the
    writer lock is taken only while a batch is filed, so other commands run while watch is idle."""

    def __init__(self, ws: Workspace, polling: bool = False, settle_seconds: float | None = None,
                 on_wait: Notify | None = print_to_stderr) -> None:
        self.ws = ws
        self.on_wait = on_wait
        self.polling = polling
        self.settle = ws.config.settle_seconds if settle_seconds is None else settle_seconds
        self.candidates: dict[Path, tuple[int, float, float]] = {}  # path -> (size, mtime, first seen stable at)
        self.rejected: dict[Path, tuple[int, float] | None] = {}  # left in place after being recorded
        self.lock = threading.Lock()
        self.stop_event = threading.Event()
        self._search: SearchIndex | None = None  # one for the watch's lifetime, opened at the first batch
        ws.ensure_dirs()

    # nomination ------------------------------------------------------------------
    def nominate(self, path: Path) -> None:
        if path.parent == self.ws.inbox.parent and path.name == self.ws.inbox.name:
            return
        if is_ignored(path):
            return
        if path in self.rejected and self.rejected[path] == _signature(path):
            return
        with self.lock:
            self.candidates.setdefault(path, (-1, -1.0, 0.0))

    def nominate_tree(self, folder: Path) -> None:
        if not folder.is_dir():
            return
        for root, _dirs, files in os.walk(folder):
            for name in files:
                self.nominate(Path(root) / name)

    def scan(self) -> None:
        self.ws.check_paths()
        self.nominate_tree(self.ws.inbox)

    # settling ----------------------------------------------------------------------
    def ready(self, now: float | None = None) -> list[Path]:
        """Candidates whose size and mtime have held still for the settle delay."""
        now = time.monotonic() if now is None else now
        ready = []
        with self.lock:
            for path, (size, mtime, since) in list(self.candidates.items()):
                try:
                    st = path.lstat()
                except FileNotFoundError:
                    del self.candidates[path]
                    continue
                if (st.st_size, st.st_mtime) != (size, mtime):
                    self.candidates[path] = (st.st_size, st.st_mtime, now)
                elif now - since >= self.settle and time.time() - st.st_mtime >= self.settle:
                    ready.append(path)
                    del self.candidates[path]
        return sorted(ready)

    def intake_for(self, path: Path) -> Intake:
        rel = path.parent.relative_to(self.ws.inbox).parts if path.parent != self.ws.inbox else ()
        return Intake(path, display_name(path), [display_name(Path(p)) for p in rel], remove_source=True)

    def process(self, paths: list[Path], on_record: Callable[[dict], None] | None = None) -> list[dict[str, Any]]:
        """File `paths` (and any queued web uploads), taking the writer lock per batch of BATCH_FILES.

        Between batches the lock is let go, and held off for YIELD_SECONDS when another command is
        waiting for it, so an `assign` or `score set` behind a big delivery waits for one batch,
        not for the whole delivery. The catalogue and the pipeline stay open across batches.
        """
        if not paths and not queue.pending(self.ws):
            return []
        batches = [paths[i:i + BATCH_FILES] for i in range(0, len(paths), BATCH_FILES)] or [[]]
        records: list[dict[str, Any]] = []
        catalogue = open_catalogue(self.ws)
        pipeline: Pipeline | None = None
        try:
            for number, batch in enumerate(batches):
                if number and self.ws.lock_waiters():
                    self.stop_event.wait(YIELD_SECONDS)
                with writer_session(
                    self.ws,
                    "watch",
                    on_wait=self.on_wait,
                    catalogue=catalogue,
                    before=self.ws.check_paths,  # inbox/ or archive/ may have become a symlink since the start
                    on_recovered=lambda line: log.warning("恢复：%s", line),
                    on_sync_warning=log.warning,
                    search_index=self._search_index,
                ) as session:
                    records += self._queued_records(session, on_record)
                    if batch and pipeline is None:
                        pipeline = Pipeline(self.ws, catalogue, on_record=on_record)
                    records += self._file_batch(pipeline, batch)
        finally:
            catalogue.close()
        self._prune_empty_folders()
        return records

    @staticmethod
    def _queued_records(session: IntakeSession, on_record: Callable[[dict], None] | None) -> list[dict[str, Any]]:
        """The records of the web uploads the session filed from the queue (told like the batch's own)."""
        records: list[dict[str, Any]] = []
        for produced in session.queued.values():
            records.extend(produced)
            for record in produced if on_record else ():
                on_record(record)
        return records

    def _file_batch(self, pipeline: Pipeline | None, paths: list[Path]) -> list[dict[str, Any]]:
        """One batch of inbox files, inside the writer session (recovered before, index synced after)."""
        records: list[dict[str, Any]] = []
        if paths and pipeline is not None:
            wanted = (self.intake_for(p) for p in paths if p.exists() or p.is_symlink())
            for intake, produced in pipeline.run_iter(wanted):
                records.extend(produced)
                if intake.source.is_symlink() or intake.source.exists():
                    # left in the inbox (a symlink, an unreadable file): recorded once, not on every rescan
                    self.rejected[intake.source] = _signature(intake.source)
        return records

    def _search_index(self) -> SearchIndex:
        """The search index the batches write through, opened by the first sync (close() closes it)."""
        from .search import open_search

        if self._search is None:
            self._search = open_search(self.ws)
        return self._search

    def _prune_empty_folders(self) -> None:
        for root, dirs, files in os.walk(self.ws.inbox, topdown=False):
            folder = Path(root)
            if folder != self.ws.inbox and not dirs and not files:
                try:
                    folder.rmdir()
                except OSError:
                    pass

    # modes -------------------------------------------------------------------------
    def run_once(self, timeout: float = 600.0) -> list[dict[str, Any]]:
        """Process everything now in the inbox (waiting for files still being written), then return."""
        self.scan()
        records: list[dict[str, Any]] = []
        deadline = time.monotonic() + timeout
        while self.candidates and time.monotonic() < deadline:
            records += self.process(self.ready())
            if self.candidates:
                time.sleep(min(0.5, max(self.settle / 4, 0.05)))
        records += self.process([])  # web uploads queued while another writer held the lock
        self.close()
        return records

    def run_forever(self, on_record: Callable[[dict], None] | None = None, tick: float = 0.5) -> None:
        observer = PollingObserver(timeout=1) if self.polling else Observer()
        observer.schedule(_Nominate(self), str(self.ws.inbox), recursive=True)
        observer.start()
        try:
            self.scan()
            last_scan = time.monotonic()
            while not self.stop_event.is_set():
                self.process(self.ready(), on_record)
                if time.monotonic() - last_scan >= self.ws.config.rescan_seconds:
                    self.scan()
                    last_scan = time.monotonic()
                self.stop_event.wait(tick)
        except KeyboardInterrupt:
            pass
        finally:
            observer.stop()
            observer.join(timeout=5)
            self.close()

    def stop(self) -> None:
        self.stop_event.set()

    def close(self) -> None:
        """Close the search index the batches wrote through (the next batch opens it again)."""
        index, self._search = self._search, None
        if index is not None:
            index.close()
