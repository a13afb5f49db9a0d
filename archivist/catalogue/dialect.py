"""The few places where the catalogue's SQL differs between SQLite and PostgreSQL, each with a name.

The repositories write their statements once, in the SQL both databases read (`?` placeholders,
`coalesce`, `substr`, `ON CONFLICT … DO UPDATE`, `RETURNING`), and call the dialect for what only
one of them spells its own way: ignoring or replacing a conflicting row, a field of a JSON column,
the order rows were inserted in, finding one text in another, a line break character, how a write
transaction begins. The connection (`db`) a repository holds names its dialect: `dialect_of(db)`.

The one mechanical translation is the parameter style: PostgreSQL's driver takes `%s` where SQLite
takes `?`; archivist/catalogue/pg.py rewrites the placeholders of each statement (outside quoted
text) once and caches the result. Nothing else in a statement is rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class Dialect:
    """SQLite's spelling (the default catalogue)."""

    name = "sqlite"
    begin_write = "BEGIN IMMEDIATE"  # SQLite: take the write lock now (one writer at a time)
    begin_read = "BEGIN"
    insertion_order = "rowid"  # the order rows were inserted in (received_at ties to the second)

    def insert_ignore(self, table: str, columns: Sequence[str]) -> str:
        """INSERT that leaves an existing row with the same key alone."""
        return f"INSERT OR IGNORE INTO {table}({', '.join(columns)}) VALUES ({_marks(columns)})"

    def insert_replace(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        """INSERT that replaces an existing row with the same key (every column given is written)."""
        return f"INSERT OR REPLACE INTO {table}({', '.join(columns)}) VALUES ({_marks(columns)})"

    def json_field(self, column: str, field: str) -> str:
        """One top-level field of a JSON text column, as text (NULL when absent)."""
        return f"json_extract({column}, '$.{field}')"

    def position(self, needle: str, haystack: str) -> str:
        """Where `needle` starts in `haystack` (1-based; 0 when absent)."""
        return f"instr({haystack}, {needle})"

    def char(self, code: int) -> str:
        """A one-character text by its code point (line breaks in expressions)."""
        return f"char({code})"

    def is_unique_violation(self, exc: BaseException) -> bool:
        import sqlite3

        return isinstance(exc, sqlite3.IntegrityError) and "UNIQUE" in str(exc)


class PostgresDialect(Dialect):
    """PostgreSQL's spelling."""

    name = "postgresql"
    begin_write = "BEGIN"  # READ COMMITTED: writers run side by side; the chain head is a row lock
    begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"  # one snapshot, as SQLite's WAL read
    insertion_order = "rowid"  # a bigint identity column of its own on the tables ordered by it

    def insert_ignore(self, table: str, columns: Sequence[str]) -> str:
        return f"INSERT INTO {table}({', '.join(columns)}) VALUES ({_marks(columns)}) ON CONFLICT DO NOTHING"

    def insert_replace(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        rest = [c for c in columns if c not in key]
        sets = ", ".join(f"{c}=excluded.{c}" for c in rest)
        action = f"DO UPDATE SET {sets}" if rest else "DO NOTHING"
        return (f"INSERT INTO {table}({', '.join(columns)}) VALUES ({_marks(columns)})"
                f" ON CONFLICT ({', '.join(key)}) {action}")

    def json_field(self, column: str, field: str) -> str:
        return f"(CAST({column} AS jsonb) ->> '{field}')"

    def position(self, needle: str, haystack: str) -> str:
        return f"strpos({haystack}, {needle})"

    def char(self, code: int) -> str:
        return f"chr({code})"

    def is_unique_violation(self, exc: BaseException) -> bool:
        try:
            import psycopg.errors
        except ImportError:
            return False
        return isinstance(exc, psycopg.errors.UniqueViolation)


SQLITE = Dialect()
POSTGRESQL = PostgresDialect()


def dialect_of(db: Any) -> Dialect:
    """The dialect of a repository's connection (a sqlite3 connection has none of its own)."""
    return getattr(db, "dialect", SQLITE)


def _marks(columns: Sequence[str]) -> str:
    return ", ".join("?" for _ in columns)
