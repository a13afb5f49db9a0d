"""Why a catalogue cannot be opened: lost or damaged while the archive says one existed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..workspace import WorkspaceError


class CatalogueUnusable(WorkspaceError):
    """The catalogue is missing or damaged while the archive says one existed; the message says what to do."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(
            f"目录数据库 {path} {problem}：归档文件仍在，但没有目录就不能继续。请用 archivist restore 从备份恢复"
            "（最完整），或运行 archivist doctor --repair 从归档目录结构重建（审计记录、评分、问题等无法恢复）"
        )


class CatalogueLost(CatalogueUnusable):
    """A catalogue existed here (marker or head record) and is gone."""


class CatalogueDamaged(CatalogueUnusable):
    """Not a SQLite database, malformed, or without its tables."""


def damage_message(exc: sqlite3.Error) -> str | None:
    """The damage an error shows, or None for a passing condition (locked, busy, disk full...)."""
    text = str(exc).lower()
    if isinstance(exc, sqlite3.OperationalError):
        if "no such table" in text or "no such column" in text or "malformed" in text:
            return f"已损坏（{exc}）"
        return None
    if isinstance(exc, sqlite3.DatabaseError):
        return f"已损坏（{exc}）"
    return None


def _database_errors() -> tuple[type[BaseException], ...]:
    try:
        import psycopg
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)


# What a failing catalogue raises, on either database (callers that stop a run on a database error).
DATABASE_ERRORS = _database_errors()
