"""What a server process keeps between requests: one search index, and the dashboard summary computed
once per catalogue change.

Opening the index checks it against the catalogue (hundreds of milliseconds at 20,000 documents);
computing the summary reads every filed record. Both only change when the catalogue does, and every
catalogue change appends an audit entry (automatic ones included), so the newest audit seq is the
change counter: read with one indexed query on a read-only connection per thread. Entries about
accounts and held submissions are passed over: they change neither.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from ..catalogue.journal import AuditLog
from ..catalogue.readonly import connect_reader
from ..team import HELD_ONLY_ACTIONS
from ..workspace import Workspace

T = TypeVar("T")


class ProcessCache:
    """Per workspace: the change counter, the long-lived SearchIndex and the cached summary."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.local = threading.local()
        self.lock = threading.Lock()
        self._index: Any = None
        self._index_at: int | None = None
        self._summary: tuple[tuple[int, str], Any] | None = None
        self.summary_computed = 0  # how many times the summary was actually computed (bench, tests)

    def change_counter(self) -> int:
        """The newest audit seq of a change to the archive: it moves with every catalogue change but
        those to accounts and held submissions (team.HELD_ONLY_ACTIONS)."""
        db = getattr(self.local, "db", None)
        if db is None:
            db = connect_reader(self.ws, any_thread=True)
            if db is None:
                return 0
            self.local.db = db
        return AuditLog(db).newest_seq_except(tuple(HELD_ONLY_ACTIONS))

    def search_index(self) -> Any:
        """One SearchIndex for the process, checked against the catalogue (open_index) again only after a
        change; it opens a fresh Whoosh searcher itself when the index has a newer commit."""
        from ..search import open_index

        at = self.change_counter()
        with self.lock:
            if self._index is None or self._index_at != at:
                old, self._index = self._index, open_index(self.ws)
                self._index_at = at
                if old is not None:
                    old.close()
            return self._index

    def close(self) -> None:
        """Close the process's search index (server shutdown); the next search opens it again."""
        with self.lock:
            index, self._index, self._index_at = self._index, None, None
        if index is not None:
            index.close()

    def summary(self, compute: Callable[[], T]) -> T:
        """The summary for the current catalogue and day, computed once per change."""
        key = (self.change_counter(), dt.date.today().isoformat())
        cached = self._summary
        if cached is not None and cached[0] == key:
            return cached[1]
        value = compute()
        self.summary_computed += 1
        self._summary = (key, value)
        return value


_caches: dict[str, ProcessCache] = {}
_caches_lock = threading.Lock()


def current_summary(ws: Workspace) -> Any:
    """The workspace's summary now, computed at most once per catalogue change: the dashboard, the
    任务清单 and 催报 (which items are already covered) all read this one."""
    from ..assess.summary import compute_summary
    from ..catalogue import open_catalogue

    def compute() -> Any:
        catalogue = open_catalogue(ws)
        try:
            return compute_summary(ws, catalogue)  # the one summary: the same figures as status and the reports
        finally:
            catalogue.close()

    return cache_for(ws).summary(compute)


def close_cache(ws: Workspace) -> None:
    """Close what the process keeps open for `ws` (its search index), at server shutdown."""
    with _caches_lock:
        cache = _caches.get(str(ws.root))
    if cache is not None:
        cache.close()


def cache_for(ws: Workspace) -> ProcessCache:
    with _caches_lock:
        key = str(ws.root)
        if key not in _caches or _caches[key].ws is not ws:
            _caches[key] = ProcessCache(ws)
        return _caches[key]
