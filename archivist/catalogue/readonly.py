"""Read-only connections of their own, for readers that must not open the catalogue (migrations,
triggers) nor wait for the writer: per-request account checks, dashboard counts, the page cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def connect_read_only(path: Path, *, timeout: float = 30, any_thread: bool = False) -> sqlite3.Connection:
    """A read-only connection (WAL: it sees the last commit, never blocks the writer); rows by name."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout, check_same_thread=not any_thread)
    db.row_factory = sqlite3.Row
    return db


def missing_table(exc: sqlite3.OperationalError) -> bool:
    """The error of a catalogue made before a feature's tables (created at its next open)."""
    return "no such table" in str(exc)


def connect_reader(ws: Any, *, any_thread: bool = False) -> Any:
    """A read-only connection of its own to the workspace's catalogue, on either database (None: no
    catalogue yet). On PostgreSQL a plain connection to the tenant (it never writes)."""
    config = ws.catalogue_config
    if config.is_postgresql:
        from .pg import PgConnection

        db = PgConnection(config.database or "", config.schema, f"archivist {config.schema}")
        if db.execute("SELECT to_regclass('schema_parts')").fetchone()[0] is None:
            db.close()  # a tenant not opened yet: no catalogue, as a missing SQLite file
            return None
        return db
    if not ws.catalogue_path.exists():
        return None
    return connect_read_only(ws.catalogue_path, any_thread=any_thread)
