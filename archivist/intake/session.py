"""One hold of the workspace's writer: lock → catalogue → recover → queued uploads → the work → index sync.

Every command that changes the archive (the CLI's `writing()`, the web's `web_writing()`, each watch
batch, `reindex`) goes through `writer_session`, so the order of the steps is written once: a
crash's half-done move is finished or rolled back before anything new is written, web uploads that
had to queue behind another writer are filed by the next one, and the search index (derived data)
catches up after the catalogue has committed. Each caller says where the session's lines go (the
terminal, the log), so its messages stay its own.

On a PostgreSQL catalogue there is no file lock: writers run side by side under the tenant's shared
writers lock, and `scheme migrate`/`scheme import` take it alone (catalogue/writers.py).

`doctor --repair` may have to rebuild a broken catalogue before one can be opened; it holds the lock
itself and runs the same recovery step through `IntakeSession.recover`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..catalogue import Catalogue, open_catalogue
from ..catalogue.writers import writers_lock
from ..writelock import Notify, print_to_stderr

if TYPE_CHECKING:
    from ..search import SearchIndex
    from ..workspace import Workspace

Say = Callable[[str], None]
Filed = dict[str, list[dict[str, Any]]]  # queued upload id -> the records it produced


def _quiet(_line: str) -> None:
    return None


class IntakeSession:
    """The writer's hold on one workspace: its open catalogue and the steps every writer runs."""

    def __init__(
        self,
        ws: Workspace,
        catalogue: Catalogue,
        *,
        on_recovered: Say = _quiet,
        on_sync_warning: Say = _quiet,
        search_index: Callable[[], SearchIndex | None] | None = None,
    ) -> None:
        self.ws = ws
        self.catalogue = catalogue
        self.on_recovered = on_recovered
        self.on_sync_warning = on_sync_warning
        self.search_index = search_index  # a long-lived index to write through (watch); else one per sync
        self.recovered: list[str] = []
        self.queued: Filed = {}

    def recover(self) -> list[str]:
        """Finish or roll back the moves a crash interrupted; each line is said, then returned."""
        from .pipeline import recover

        lines = recover(self.ws, self.catalogue)
        for line in lines:
            self.on_recovered(line)
        self.recovered += lines
        return lines

    def file_queue(self) -> Filed:
        """File the web uploads that queued while another writer held the lock."""
        from .queue import file_pending

        filed = file_pending(self.ws, self.catalogue)
        self.queued |= filed
        return filed

    def sync(self) -> None:
        """Bring the search index up to the committed catalogue; a failure is said, never raised
        (the index is derived: the next sync or `archivist reindex` repairs it)."""
        from ..search import sync_after_commit

        index = self.search_index() if self.search_index else None
        if warning := sync_after_commit(self.ws, self.catalogue, index=index):
            self.on_sync_warning(warning)


@contextmanager
def writer_session(
    ws: Workspace,
    what: str,
    *,
    wait: bool = True,
    timeout: float | None = None,
    on_wait: Notify | None = print_to_stderr,
    catalogue: Catalogue | None = None,
    before: Callable[[], None] | None = None,
    file_queue: bool = True,
    on_queued: Callable[[Filed], None] | None = None,
    on_recovered: Say = _quiet,
    on_sync_warning: Say = _quiet,
    search_index: Callable[[], SearchIndex | None] | None = None,
    sync: bool = True,
) -> Iterator[IntakeSession]:
    """Hold the writer lock for `what` and yield the session once the archive is consistent.

    `catalogue` is reused (and left open) when given, as a watch does across its batches; otherwise
    one is opened and closed here. `before` runs first thing under the lock (watch checks that its
    folders are still inside the workspace). `on_queued` hears of queued uploads filed, when any were.
    The index is synced only when the work returned normally: an exception leaves it to the next writer.
    Raises WorkspaceBusy (naming the holder) when the lock cannot be had.
    """
    with ws.writer_lock(wait=wait, what=what, timeout=timeout, on_wait=on_wait):
        if before is not None:
            before()
        owned = catalogue is None
        db = open_catalogue(ws) if catalogue is None else catalogue
        try:
            with writers_lock(db, what, wait=wait, timeout=timeout, on_wait=on_wait):
                session = IntakeSession(
                    ws, db, on_recovered=on_recovered, on_sync_warning=on_sync_warning, search_index=search_index
                )
                session.recover()
                if file_queue and (filed := session.file_queue()) and on_queued is not None:
                    on_queued(filed)
                yield session
                if sync:
                    session.sync()
        finally:
            if owned:
                db.close()
