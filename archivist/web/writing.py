"""How the web workbench writes: `web_writing()` and the filer of queued uploads.

A change from the browser goes through the same writer session as the CLI (archivist/intake/session.py:
writer lock, crash recovery, queued uploads, search sync), so a browser, `ingest` and `watch` never
write the catalogue at the same time; the session's lines go to the server log. A click waits at
most WRITE_WAIT_SECONDS for another writer; an upload that cannot get the lock is queued durably and
filed by QueueFiler as soon as the lock frees. Its own module so that the page modules, the team
pages and the application can all use it without importing one another.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ..catalogue import Catalogue
from ..workspace import Workspace, WorkspaceBusy

log = logging.getLogger("archivist.web.app")  # the server log the workbench has always written to

WRITE_WAIT_SECONDS = 8.0  # how long a click waits for another writer (an ingest batch) before saying "busy"


@contextmanager
def web_writing(ws: Workspace, what: str, timeout: float | None = None, *,
                file_queue: bool = True) -> Iterator[Catalogue]:
    """Writer lock (waiting at most `timeout` seconds: a web request must not hang behind a long
    ingest) + catalogue + crash recovery (+ queued uploads), then search sync: the CLI's `writing()`
    for the web. Raises WorkspaceBusy naming the holder."""
    from ..intake.session import writer_session

    with writer_session(
        ws,
        f"web {what}",
        timeout=WRITE_WAIT_SECONDS if timeout is None else timeout,
        on_wait=log.info,
        file_queue=file_queue,
        on_recovered=lambda line: log.warning("恢复：%s", line),
        on_sync_warning=log.warning,
    ) as session:
        yield session.catalogue


class QueueFiler:
    """Files queued uploads (archivist/intake/queue.py) in the background as soon as the writer
    lock frees: an upload that had to queue behind an `ingest` is filed by this process itself,
    whether or not a `watch` runs. One thread at a time; it ends when the queue is empty."""

    RETRY_SECONDS = 5.0

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.stopped = threading.Event()

    def kick(self) -> None:
        """Make sure a filer runs (called after queueing, and at start for entries a crash left)."""
        with self.lock:
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="archivist-upload-queue", daemon=True)
                self.thread.start()

    def _run(self) -> None:
        from ..intake.queue import pending

        while not self.stopped.is_set() and (left := len(pending(self.ws))):
            try:
                with web_writing(self.ws, "upload queue", timeout=self.RETRY_SECONDS):
                    pass  # web_writing files the queue once it holds the lock
            except WorkspaceBusy:
                continue  # still busy: wait again (checking for shutdown between tries)
            except Exception:  # noqa: BLE001 - a disk error: keep the entries, retry later
                log.exception("排队的上传文件归档失败，稍后重试")
                self.stopped.wait(self.RETRY_SECONDS)
                continue
            if len(pending(self.ws)) >= left:  # nothing could be taken out (a folder not removable): no busy loop
                log.warning("上传队列 %s 中有 %d 项无法移出，稍后重试", self.ws.index_dir / "queue", left)
                self.stopped.wait(self.RETRY_SECONDS)

    def join(self, timeout: float = 30.0) -> None:
        """Wait until the filer has finished (tests and scripts)."""
        thread = self.thread
        if thread is not None:
            thread.join(timeout)

    def stop(self) -> None:
        self.stopped.set()
