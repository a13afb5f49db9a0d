"""The catalogue's connection to PostgreSQL, shaped like the sqlite3 connection the repositories hold.

The repositories call `db.execute(sql, params)` and read rows by position or by column name; this
wraps one psycopg 3 connection (autocommit: `Catalogue.transaction()` says BEGIN and COMMIT itself,
as it does on SQLite) so that they run unchanged: `?` placeholders become `%s` (see dialect.py),
Python booleans are written as the integers SQLite stored, and a row reads like a sqlite3.Row.

Every statement runs with the tenant's schema first on the search_path, so the repositories name
their tables unqualified; a connection's temporary table (the rows a transaction touched, for the
audit chain) lives in its own pg_temp schema. Columns named `rowid` (the insertion order on tables
that have no integer key) are readable by name but left out of a row's keys: `SELECT *` reads as it
does on SQLite, where rowid is hidden too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ..pgdsn import masked
from ..workspace import WorkspaceError
from .dialect import POSTGRESQL

HIDDEN = "rowid"


class CatalogueUnreachable(WorkspaceError):
    """The PostgreSQL catalogue cannot be reached; the message is one line in Chinese (every
    command prints a WorkspaceError as its one error line and exits 1)."""


@lru_cache(maxsize=2048)
def paramstyle(sql: str) -> str:
    """`?` → `%s` and a literal `%` → `%%`, outside quoted text and identifiers."""
    out: list[str] = []
    quote = ""
    for ch in sql:
        if quote:
            out.append("%%" if ch == "%" else ch)
            if ch == quote:
                quote = ""
        elif ch in ("'", '"'):
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
    return "".join(out)


def _param(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _params(params: Sequence[Any] | None) -> tuple[Any, ...]:
    return tuple(_param(v) for v in params) if params else ()


class PgRow:
    """A row read like sqlite3.Row: by position, by column name, `dict(row)`, unpacking."""

    __slots__ = ("_names", "_values", "_index")

    def __init__(self, names: tuple[str, ...], index: dict[str, int], values: tuple[Any, ...]) -> None:
        self._names = names
        self._index = index
        self._values = values

    def __getitem__(self, item: int | str) -> Any:
        if isinstance(item, str):
            return self._values[self._index[item]]
        return self._values[item]

    def keys(self) -> list[str]:
        return [n for n in self._names if n != HIDDEN]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"PgRow({dict(zip(self._names, self._values, strict=True))!r})"


def _value(value: Any) -> Any:
    if isinstance(value, Decimal):  # SUM over bigint: SQLite gave an integer
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


class PgCursor:
    """The result of one statement: fetchone, fetchall, iteration, rowcount, description."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor
        self.rowcount = cursor.rowcount
        self.lastrowid = None  # PostgreSQL has none: statements that need the new key say RETURNING
        desc = cursor.description
        self.description = [(d.name, None, None, None, None, None, None) for d in desc] if desc else None
        names = tuple(d.name for d in desc) if desc else ()
        self._names = names
        # the visible columns, in order (a hidden rowid is not one of them)
        self._index = {n: i for i, n in enumerate(names)}
        self.row_factory: Any = PgRow

    def _make(self, raw: tuple[Any, ...]) -> Any:
        values = tuple(_value(v) for v in raw)
        if self.row_factory is None:
            return values
        return PgRow(self._names, self._index, values)

    def fetchone(self) -> Any:
        if self.description is None:
            return None
        raw = self._cursor.fetchone()
        return None if raw is None else self._make(raw)

    def fetchall(self) -> list[Any]:
        if self.description is None:
            return []
        return [self._make(r) for r in self._cursor.fetchall()]

    def __iter__(self) -> Iterator[Any]:
        if self.description is None:
            return
        for raw in self._cursor:
            yield self._make(raw)


class PgConnection:
    """One catalogue connection to PostgreSQL, with the tenant schema first on its search_path."""

    dialect = POSTGRESQL

    def __init__(self, dsn: str, schema: str, application_name: str = "archivist") -> None:
        import psycopg

        self.dsn = dsn
        self.schema = schema
        self._psycopg = psycopg
        try:
            self.raw = psycopg.connect(dsn, autocommit=True, connect_timeout=10,
                                       application_name=application_name[:63])
        except psycopg.Error as exc:
            raise CatalogueUnreachable(unreachable_message(dsn, exc)) from None
        if _missing_schema(self.raw, schema):
            try:
                self.raw.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
            except (psycopg.errors.UniqueViolation, psycopg.errors.DuplicateSchema):
                pass  # another writer's first open made it at the same moment
        self.raw.execute(f'SET search_path TO "{schema}"')

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != self._psycopg.pq.TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> PgCursor:
        cursor = self.raw.cursor()
        if params:
            cursor.execute(paramstyle(sql), _params(params))  # type: ignore[arg-type]  # our own statements
        else:  # no parameters: the statement as written (a script of several statements, too)
            cursor.execute(sql)  # type: ignore[arg-type]
        return PgCursor(cursor)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> PgCursor:
        cursor = self.raw.cursor()
        cursor.executemany(paramstyle(sql), [_params(r) for r in rows])  # type: ignore[arg-type]
        return PgCursor(cursor)

    def commit(self) -> None:
        """Nothing to do: each statement outside `BEGIN` commits itself (sqlite3's name, for callers)."""

    def close(self) -> None:
        self.raw.close()

    @property
    def closed(self) -> bool:
        return bool(self.raw.closed)


def _missing_schema(raw: Any, schema: str) -> bool:
    row = raw.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,)).fetchone()
    return row is None


def unreachable_message(dsn: str, exc: BaseException) -> str:
    reason = next((line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
    return (f"无法连接目录数据库 {masked(dsn)}：{reason}；请确认 PostgreSQL 已启动、地址端口、用户和库名正确"
            "（archivist.toml 的 [catalogue] database），或去掉 [catalogue] 表改回本机 SQLite")
