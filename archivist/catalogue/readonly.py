"""Read-only connections of their own, for readers that must not open the catalogue (migrations,
triggers) nor wait for the writer: per-request account checks, dashboard counts, the page cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def connect_read_only(path: Path, *, timeout: float = 30, any_thread: bool = False) -> sqlite3.Connection:
    """A read-only connection (WAL: it sees the last commit, never blocks the writer); rows by name."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout, check_same_thread=not any_thread)
    db.row_factory = sqlite3.Row
    return db


def missing_table(exc: sqlite3.OperationalError) -> bool:
    """The error of a catalogue made before a feature's tables (created at its next open)."""
    return "no such table" in str(exc)
