"""Writers side by side on a PostgreSQL catalogue, and the few commands that must be alone.

On SQLite one file lock admits one writer at a time. A PostgreSQL tenant takes many writers at once
(transactions, unique indexes and the audit chain's head row keep them apart), but a command that
rewrites the whole catalogue at once — `scheme migrate` moving every file of a renamed indicator,
`scheme import` replacing the scheme under everyone's feet — must not interleave with an ingest
filing under the old codes. So every writer session holds the tenant's writers lock: shared for
ordinary writers, exclusive for those commands. It is a session-level advisory lock on the
catalogue's own connection, so it goes when the process does, crash included.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from ..workspace import WorkspaceBusy
from ..writelock import Notify, env_timeout
from .connection import Catalogue

WRITERS_LOCK = 0x61727772  # with hashtext(schema): the tenant's writers lock
# the commands that take the writers lock exclusively (the `what` of their writer session)
ALONE = frozenset({"scheme migrate", "scheme import"})
POLL_SECONDS = 0.25


@contextmanager
def writers_lock(catalogue: Catalogue, what: str, *, wait: bool = True, timeout: float | None = None,
                 on_wait: Notify | None = None) -> Iterator[None]:
    """Hold the tenant's writers lock (exclusive when `what` is in ALONE) for the block; nothing on SQLite."""
    if not catalogue.is_postgresql:
        yield
        return
    alone = what in ALONE
    kind = "" if alone else "_shared"
    take = f"SELECT pg_try_advisory_lock{kind}(CAST(? AS integer), hashtext(current_schema()))"
    limit = timeout if timeout is not None else env_timeout()
    started, told = time.monotonic(), False
    while not catalogue.db.execute(take, (WRITERS_LOCK,)).fetchone()[0]:
        waited = time.monotonic() - started
        if not wait or (limit is not None and waited >= limit):
            others = "其他写入者" if alone else "独占操作（scheme migrate / scheme import）"
            tenant = catalogue.database.schema if catalogue.database else ""
            raise WorkspaceBusy(f"目录数据库 schema {tenant} 正被{others}使用，已等待 {waited:.0f} 秒："
                                "请等它结束后再试")
        if on_wait is not None and not told:
            on_wait(f"正在等待{'其他写入者结束' if alone else '独占操作结束'}…")
            told = True
        time.sleep(POLL_SECONDS)
    try:
        yield
    finally:
        catalogue.db.execute(f"SELECT pg_advisory_unlock{kind}(CAST(? AS integer), hashtext(current_schema()))",
                             (WRITERS_LOCK,))
