"""One connection to the catalogue: SQLite, the source of truth for every intake, and its audit chain.

Holds one row per intake (evidence), the move journal that makes filing crash-safe, labelled
examples from `assign` (for learning), containers (zip originals) and an append-only audit log in
which each entry carries the hash of the previous one, so an edited, deleted or reordered entry is
detectable. WAL mode lets readers (search, reports) run while the single writer ingests.

Tamper evidence (archivist/auditchain.py): entries are HMAC'd with a key kept outside the
workspace, and every entry carries digests of the new content of each audited row the change
touched. Which rows a transaction touched is tracked by TEMP triggers (they live in this
connection only, never in the file), so no caller can forget: rows changed without an `audit()`
call are recorded at commit in an automatic "row_changed" entry. After each commit the newest
entry is written to the head record beside the key, so cutting entries off the end shows too.

The domains' reads and writes are its repositories (`catalogue.evidence`, `.users`, `.problems` …),
each on this one connection, so that they share its transaction and its audit chain.
"""

from __future__ import annotations

import hmac
import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .. import auditchain
from ..auditchain import SCHEME_KEYED, ChainKeyMissing, Head, RowDigest
from . import schema
from .containers import ContainerRepository
from .dialect import Dialect, dialect_of
from .errors import CatalogueDamaged, CatalogueLost, damage_message
from .evidence import EvidenceRepository
from .findings import FindingRepository
from .index_state import IndexStateRepository
from .journal import ACTING, GENESIS, AuditLog, MoveJournal, actor, audit_hash, now
from .marks import CoverageMarkRepository, OverrideRepository
from .problems import ProblemRepository
from .schema import AUDITED_TABLES, AUTO_ACTION, MARKER_NAME, UNAUDITED_COLUMNS
from .scheme import SchemeRunRepository
from .scores import ScoreRepository
from .submissions import SubmissionRepository
from .users import UserRepository


@dataclass(frozen=True)
class PgTarget:
    """A PostgreSQL catalogue: the server (DSN, without a password) and the tenant's schema."""

    dsn: str
    schema: str


class Catalogue:
    """One connection to the catalogue database. Use `transaction()` for every write."""

    def __init__(self, path: Path, *, allow_new: bool = False, database: PgTarget | None = None) -> None:
        """Open (or create) the catalogue. A catalogue that existed here and is gone or damaged raises
        CatalogueUnusable instead of silently starting an empty one; `allow_new` is for the rebuild.
        With `database` the catalogue is that PostgreSQL schema; `path` then only names the head
        record beside the chain key (see open_catalogue)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.session = uuid.uuid4().hex  # this writer, on its journal rows (recovery skips a live writer's)
        self.database = database
        if database is not None:
            self._open_pg(database)
            return
        marker = path.with_name(MARKER_NAME)
        existed = marker.exists() or auditchain.read_head(path) is not None
        if not allow_new and existed and (not path.exists() or path.stat().st_size == 0):
            raise CatalogueLost(path, "已丢失" if not path.exists() else "是空文件")
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.execute("PRAGMA busy_timeout=30000")
            schema.migrate(self.db, now)
            schema.check_tables(self.db)
        except sqlite3.Error as exc:
            self.db.close()
            problem = damage_message(exc)
            if problem is None:
                raise
            raise CatalogueDamaged(path, problem) from exc
        self._opened()
        if not marker.exists():
            try:
                marker.write_text(self.workspace_id + "\n", encoding="ascii")
            except OSError:
                pass  # a read-only index folder: reading still works
        self._install_triggers()

    def _opened(self) -> None:
        self._actor = actor()
        self._key: bytes | None = None
        self._columns: dict[str, list[str]] = {}
        self._appended: Head | None = None
        self.workspace_id = self._meta("workspace_id") or ""

    def _open_pg(self, database: PgTarget) -> None:
        """PostgreSQL: connect, bring the tenant's schema up to date, hold this writer's session lock."""
        from .pg import CatalogueUnreachable, PgConnection, unreachable_message

        self.db = PgConnection(database.dsn, database.schema, f"archivist {database.schema}")  # type: ignore[assignment]
        try:
            schema.migrate_pg(self.db, now)
            schema.check_tables(self.db)  # type: ignore[arg-type]
            # held while this connection lives: recovery takes over only the journal rows of writers gone
            self.db.execute("SELECT pg_advisory_lock(hashtext(?))", (self._writer_lock_name(self.session),))
        except Exception as exc:
            self.db.close()
            import psycopg

            if isinstance(exc, psycopg.OperationalError):  # the server went away while opening
                raise CatalogueUnreachable(unreachable_message(database.dsn, exc)) from None
            raise
        self._opened()
        self._install_triggers()

    def _writer_lock_name(self, session: str | None) -> str:
        schema_name = self.database.schema if self.database else ""
        return f"archivist-writer:{schema_name}:{session or ''}"

    @property
    def dialect(self) -> Dialect:
        return dialect_of(self.db)

    @property
    def is_postgresql(self) -> bool:
        return self.database is not None

    def _table(self, name: str) -> str:
        """A table of the catalogue, qualified so a temporary one of the same name never answers."""
        return f'"{name}"' if self.is_postgresql else f'main."{name}"'

    @property
    def _dirty(self) -> str:
        return "pg_temp.audit_dirty" if self.is_postgresql else "temp.audit_dirty"

    def close(self) -> None:
        if self.db.in_transaction is False and self._dirty_count():
            try:
                with self.transaction():
                    pass  # rows changed outside transaction(): record them before the connection goes
            except Exception:  # noqa: BLE001 - a failing database (either kind) must not stop the close
                pass
        self.db.close()

    def _meta(self, name: str) -> str | None:
        row = self.db.execute("SELECT value FROM catalogue_meta WHERE name=?", (name,)).fetchone()
        return row[0] if row else None

    # row tracking ------------------------------------------------------------
    def _install_triggers(self) -> None:
        """TEMP triggers noting each audited row a statement touches (connection-local, not in the file)."""
        if self.is_postgresql:
            self._install_pg_triggers()
            return
        # no unique key: an outer statement's conflict clause (UPSERT, OR REPLACE) would override ours
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS audit_dirty (tbl TEXT NOT NULL, key TEXT NOT NULL)")
        for table, key, watched in self._watched():
            note = "INSERT INTO audit_dirty(tbl, key) VALUES ('{t}', CAST({r}.\"{k}\" AS TEXT));"
            new, old = note.format(t=table, r="NEW", k=key), note.format(t=table, r="OLD", k=key)
            self.db.executescript(
                f'CREATE TEMP TRIGGER IF NOT EXISTS audit_i_{table} AFTER INSERT ON main."{table}" BEGIN {new} END;'
                f'CREATE TEMP TRIGGER IF NOT EXISTS audit_u_{table} AFTER UPDATE OF {watched} ON main."{table}"'
                f" BEGIN {new} {old} END;"
                f'CREATE TEMP TRIGGER IF NOT EXISTS audit_d_{table} AFTER DELETE ON main."{table}" BEGIN {old} END;'
            )

    def _install_pg_triggers(self) -> None:
        """PostgreSQL: permanent triggers (one function, archivist_note_row, in the tenant's schema)
        write each touched audited row into this connection's temporary table; a connection without
        that table (psql, another tool) is not tracked, as on SQLite, and verify finds its changes."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS audit_dirty (tbl TEXT NOT NULL, key TEXT NOT NULL)")
        present = {r[0] for r in self.db.execute(
            "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE c.relnamespace = CAST(current_schema() AS regnamespace) AND NOT t.tgisinternal")}
        wanted = []
        for table, key, watched in self._watched():
            for suffix, event in (("i", "INSERT"), ("u", f"UPDATE OF {watched}"), ("d", "DELETE")):
                name = f"audit_{suffix}_{table}"
                if name not in present:
                    wanted.append(f'CREATE OR REPLACE TRIGGER {name} AFTER {event} ON "{table}"'
                                  f" FOR EACH ROW EXECUTE FUNCTION archivist_note_row('{key}')")
        if wanted:
            self.db.execute("BEGIN")
            try:
                self.db.execute("SELECT pg_advisory_xact_lock(CAST(? AS integer), hashtext(current_schema()))",
                                (schema.PG_MIGRATION_LOCK,))
                for statement in wanted:
                    self.db.execute(statement)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def _watched(self) -> Iterator[tuple[str, str, str]]:
        """(table, key column, the quoted columns an UPDATE must touch to be audited) per audited table present."""
        for table, key in AUDITED_TABLES.items():
            columns = self._table_columns(table)
            if columns:
                skip = UNAUDITED_COLUMNS.get(table, frozenset())
                yield table, key, ", ".join(f'"{c}"' for c in columns if c not in skip)

    def _table_columns(self, table: str) -> list[str]:
        if table not in self._columns:
            if self.is_postgresql:
                self._columns[table] = schema.pg_table_columns(self.db, table)
            else:
                self._columns[table] = schema.table_columns(self.db, table)
        return self._columns[table]

    def _dirty_count(self) -> int:
        return int(self.db.execute(f"SELECT COUNT(*) FROM {self._dirty}").fetchone()[0])

    def row_digest(self, table: str, key: str) -> RowDigest:
        """The digest of one audited row as it is now (None digest when the row does not exist)."""
        key_col = AUDITED_TABLES[table]
        # the key column compared as it is (SQLite converts the text key to an integer key's type):
        # CAST(column) would skip its index and scan the table once per audited row
        row = self.db.execute(f'SELECT * FROM {self._table(table)} WHERE "{key_col}"=?', (key,)).fetchone()
        return auditchain.row_digest(table, key, dict(row) if row else None, UNAUDITED_COLUMNS.get(table, frozenset()))

    def current_digests(self, fields: bool = False) -> dict[tuple[str, str], RowDigest]:
        """Every audited row's digest, now (call inside a read transaction for one consistent view).
        Without `fields` only the whole-row digest is computed: what verify compares first."""
        found: dict[tuple[str, str], RowDigest] = {}
        for table, key_col in AUDITED_TABLES.items():
            if not self._table_columns(table):
                continue
            skip = UNAUDITED_COLUMNS.get(table, frozenset())
            columns = ", ".join(f'"{c}"' for c in self._table_columns(table)) if self.is_postgresql else "*"
            cursor = self.db.execute(f"SELECT {columns} FROM {self._table(table)}")
            names = [d[0] for d in cursor.description]
            at = names.index(key_col)
            cursor.row_factory = None  # plain tuples: no per-row dict of sqlite3.Row lookups
            for values in cursor:
                key = str(values[at])
                found[(table, key)] = auditchain.row_digest(table, key, dict(zip(names, values, strict=True)), skip,
                                                            fields=fields)
        return found

    def _take_dirty(self) -> list[RowDigest]:
        rows = self.db.execute(f"SELECT DISTINCT tbl, key FROM {self._dirty} ORDER BY tbl, key").fetchall()
        if not rows:
            return []
        self.db.execute(f"DELETE FROM {self._dirty}")
        return [self.row_digest(tbl, key) for tbl, key in rows]

    @contextmanager
    def read_transaction(self) -> Iterator[None]:
        """One consistent view (WAL) for several reads; nothing may be written inside it."""
        self.db.execute(self.dialect.begin_read)
        try:
            yield
        finally:
            self.db.execute("COMMIT")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write. Audited rows changed in it and not covered by an audit() call are recorded
        in an automatic entry before COMMIT; the newest entry is then written to the head record."""
        self.db.execute(self.dialect.begin_write)
        self._appended = None
        try:
            yield self.db
            if self._dirty_count():
                self.audit(AUTO_ACTION, None)
        except BaseException:
            self.db.execute("ROLLBACK")
            self._appended = None
            raise
        self.db.execute("COMMIT")
        if self._appended is not None:
            auditchain.write_head(self.path, self._appended)
            self._appended = None

    # audit -----------------------------------------------------------------
    def audit(self, action: str, evidence_id: str | None, detail: dict[str, Any] | None = None) -> None:
        """Append an audit entry. Call inside a transaction, after the change it records: the entry
        carries the digests of every audited row changed since the previous entry."""
        if self.is_postgresql:
            # the chain's head row, locked until COMMIT: concurrent writers append one after another
            # (taken before the key check too, so two first writers never both seal the chain)
            self.audit_log.lock_head()
        self._ensure_keyed()
        rows = self._take_dirty()
        if evidence_id is None:
            touched = {r.key for r in rows if r.table == "evidence"}
            evidence_id = touched.pop() if len(touched) == 1 else None
        self._append(action, evidence_id, detail or {}, rows)

    def _append(self, action: str, evidence_id: str | None, detail: dict[str, Any], rows: list[RowDigest]) -> None:
        assert self._key is not None
        self._appended = self.audit_log.append(self._key, self.workspace_id, self.acting_person(), action,
                                               evidence_id, detail, rows)

    def acting_person(self) -> str:
        """Who changes are recorded under now: the named account acting, else the local account."""
        return ACTING.get() or self._actor

    def _ensure_keyed(self) -> None:
        """Load the chain key; on a workspace's first keyed write create it and seal the chain: an
        entry that anchors the unkeyed history before it and digests every audited row as it is."""
        if self._key is not None:
            return
        key = auditchain.load_key(self.workspace_id)
        keyed = self.audit_log.is_keyed()
        if key is None and keyed:
            raise ChainKeyMissing(
                f"审计链已启用密钥，但本机没有它（应在 {auditchain.key_path(self.workspace_id)}）："
                "不能写入未签名的记录。请把原机器上的密钥复制到该位置，或用 archivist backup --with-key 的备份恢复"
            )
        if key is None:
            key = auditchain.create_key(self.workspace_id)
        self._key = key
        if not keyed:
            last = self.audit_log.last()
            if last is None and not self._any_audited_rows():
                self.db.execute(f"DELETE FROM {self._dirty}")  # a new catalogue: nothing to anchor
                self._append(auditchain.SEAL_ACTION, None, {"note": "链密钥启用", "previous_head": None}, [])
                return
            snapshot = sorted(self.current_digests(fields=True).values(), key=lambda r: (r.table, r.key))
            self.db.execute(f"DELETE FROM {self._dirty}")
            previous = {"seq": last[0], "hash": last[1]} if last else None
            self._append(
                auditchain.SEAL_ACTION, None,
                {"note": "链密钥启用：此前的未签名日志以其链头为准，各记录以本条摘要为准", "previous_head": previous},
                snapshot,
            )

    def _any_audited_rows(self) -> bool:
        return any(
            self._table_columns(t) and self.db.execute(f"SELECT 1 FROM {self._table(t)} LIMIT 1").fetchone()
            for t in AUDITED_TABLES
        )

    def chain_head(self) -> auditchain.Anchor | None:
        """The newest audit entry as an anchor (seq, hash prefix), or None for an empty chain."""
        last = self.audit_log.last()
        return auditchain.Anchor(last[0], last[1][: auditchain.ANCHOR_HEX]) if last else None

    def audit_entries(self, evidence_id: str | None = None) -> list[dict[str, Any]]:
        """Entries as dicts, the shape `show --json` and the web page print."""
        return [e.to_dict() for e in self.audit_log.entries(evidence_id)]

    def verify_audit(self, upto: int | None = None) -> list[str]:
        """Problems in the audit chain, each naming the entry: edited, deleted, reordered, signed
        without the key, cut off at the end (against the head record beside the key)."""
        head = auditchain.read_head(self.path) if upto is None else None  # before the entries: see _check_head
        problems = []
        prev = GENESIS
        expected_seq = None
        key = auditchain.load_key(self.workspace_id) if self.workspace_id else None
        mac = auditchain.chain_mac(key) if key is not None else None
        keyed_seen = False
        key_reported = False
        last_seq = 0
        for entry in self.audit_log.entries():
            seq = entry.seq
            if upto is not None and seq > upto:
                break
            last_seq = seq
            if expected_seq is not None and seq != expected_seq:
                problems.append(f"审计日志第 {expected_seq} 条至第 {seq - 1} 条缺失")
            if entry.prev_hash != prev:
                problems.append(f"审计日志第 {seq} 条的前序哈希不符：条目被删除或调换顺序")
            if entry.scheme == SCHEME_KEYED:
                keyed_seen = True
                if key is None:
                    if not key_reported:
                        problems.append(
                            f"审计日志已用密钥签名，但本机没有密钥（{auditchain.key_path(self.workspace_id)}）："
                            "无法核验；请复制原机器上的密钥或用 backup --with-key 的备份恢复"
                        )
                        key_reported = True
                else:
                    digest = auditchain.keyed_hash(
                        mac, seq, entry.prev_hash, entry.at, entry.actor, entry.action,
                        entry.evidence_id, entry.detail, entry.rows,
                    )
                    if not hmac.compare_digest(digest, entry.hash):
                        problems.append(f"审计日志第 {seq} 条内容被修改（密钥签名不符）")
            else:
                if keyed_seen:
                    problems.append(f"审计日志第 {seq} 条没有密钥签名，却在启用密钥之后：日志被不持有密钥的人改写")
                digest = audit_hash(entry.prev_hash, entry.at, entry.actor, entry.action, entry.evidence_id,
                                    entry.detail)
                if digest != entry.hash:
                    problems.append(f"审计日志第 {seq} 条内容被修改")
            prev = entry.hash
            expected_seq = seq + 1
        if key is not None and not keyed_seen and last_seq and upto is None:
            problems.append("本工作区的审计链已启用密钥，但日志中没有任何签名条目：日志被不持有密钥的人重建")
        if head is not None:
            problems += self._check_head(head, last_seq)
        return problems

    def _check_head(self, head: Head, last_seq: int) -> list[str]:
        """The entries against the head record, read BEFORE them: a writer records its head only after
        committing, so a head read first can never be ahead of an honest chain read afterwards."""
        if head is None:
            return []
        if head.workspace_id != self.workspace_id:
            return [f"目录数据库的工作区标识（{self.workspace_id or '无'}）与本机记录（{head.workspace_id}）不符："
                    "数据库被替换或改写"]
        if head.seq > last_seq:
            return [f"审计日志末尾被截去：本机记录的最新条目为第 {head.seq} 条，日志只到第 {last_seq} 条"]
        if self.audit_log.hash_of(head.seq) != head.hash:
            return [f"审计日志第 {head.seq} 条与本机记录的链头不符：日志被改写或重建"]
        return []

    def recorded_digests(self, upto: int | None = None) -> dict[tuple[str, str], RowDigest]:
        """Each audited row's digest as its latest audit entry recorded it (signed entries only)."""
        latest: dict[tuple[str, str], RowDigest] = {}
        for text in self.audit_log.signed_row_texts(upto):
            try:
                items = json.loads(text)
            except ValueError:
                continue
            for item in items:
                digest = RowDigest.from_json(item)
                latest[(digest.table, digest.key)] = digest
        return latest

    def is_keyed(self) -> bool:
        return self.audit_log.is_keyed()

    # repositories ----------------------------------------------------------
    @cached_property
    def audit_log(self) -> AuditLog:
        return AuditLog(self.db)

    @cached_property
    def journal(self) -> MoveJournal:
        return MoveJournal(self.db, self.session)

    @cached_property
    def evidence(self) -> EvidenceRepository:
        return EvidenceRepository(self.db)

    @cached_property
    def containers(self) -> ContainerRepository:
        return ContainerRepository(self.db)

    @cached_property
    def index_state(self) -> IndexStateRepository:
        return IndexStateRepository(self.db)

    @cached_property
    def users(self) -> UserRepository:
        return UserRepository(self.db)

    @cached_property
    def submissions(self) -> SubmissionRepository:
        return SubmissionRepository(self.db)

    @cached_property
    def problems(self) -> ProblemRepository:
        return ProblemRepository(self.db)

    @cached_property
    def scores(self) -> ScoreRepository:
        return ScoreRepository(self.db)

    @cached_property
    def scheme_runs(self) -> SchemeRunRepository:
        return SchemeRunRepository(self.db)

    @cached_property
    def findings(self) -> FindingRepository:
        return FindingRepository(self.db)

    @cached_property
    def coverage_marks(self) -> CoverageMarkRepository:
        return CoverageMarkRepository(self.db)

    @cached_property
    def overrides(self) -> OverrideRepository:
        return OverrideRepository(self.db)

    def reader_for_thread(self) -> EvidenceRepository:
        """Evidence look-ups on a read-only connection of their own, for a worker thread."""
        if self.database is not None:
            from .pg import PgConnection

            return EvidenceRepository(PgConnection(self.database.dsn, self.database.schema,  # type: ignore[arg-type]
                                                   f"archivist {self.database.schema}"))
        from .readonly import connect_read_only

        return EvidenceRepository(connect_read_only(self.path, any_thread=True))

    @property
    def local_account(self) -> str:
        """The local account (user@host) changes are recorded under when no named account acts."""
        return self._actor

    # evidence (the record dicts every command prints; see EvidenceRepository) ---------------
    def insert(self, record: dict[str, Any]) -> None:
        self.evidence.insert(record)

    def update(self, evidence_id: str, **fields: Any) -> None:
        self.evidence.update(evidence_id, **fields)

    def get(self, evidence_id: str) -> dict[str, Any] | None:
        return self.evidence.get(evidence_id)

    def find_by_sha(self, sha256: str) -> dict[str, Any] | None:
        """The stored original for these bytes (not a duplicate record)."""
        return self.evidence.find_by_sha(sha256)

    def find_by_source(self, source_path: str, sha256: str) -> dict[str, Any] | None:
        return self.evidence.find_by_source(source_path, sha256)

    def records(
        self, status: str | None = None, indicator: str | None = None, with_text: bool = False
    ) -> list[dict[str, Any]]:
        return self.evidence.records(status, indicator, with_text)

    def archive_paths(self) -> set[str]:
        return self.evidence.archive_paths()

    # learning --------------------------------------------------------------
    def add_example(self, evidence_id: str, code: str, text: str) -> None:
        self.evidence.add_example(evidence_id, code, text)

    def examples(self) -> list[tuple[str, str]]:
        return self.evidence.examples()

    # journal ---------------------------------------------------------------
    def journal_open(self, evidence_id: str, source: Path, temp: Path, dest: Path, remove_source: bool) -> int:
        """Record the intent to move before touching the disk (see MoveJournal)."""
        return self.journal.open(evidence_id, source, temp, dest, remove_source)

    def journal_entries(self) -> list[dict[str, Any]]:
        """The journal rows to recover, as stored (recover() reads them by column name).

        SQLite: every row (the workspace's file lock keeps any other writer out while recovery runs).
        PostgreSQL: the rows of writers that are gone. Each writer holds an advisory lock named by its
        session while its connection lives; a row's writer whose lock can be taken is gone, and the
        lock, once taken, stays with this connection, so two recoveries never take over the same rows.
        """
        rows = self.journal.rows()
        if not self.is_postgresql:
            return rows
        gone: dict[str, bool] = {}
        for row in rows:
            writer = row.get("writer") or ""
            if writer == self.session:
                continue
            if writer not in gone:
                got = self.db.execute("SELECT pg_try_advisory_lock(hashtext(?))",
                                      (self._writer_lock_name(writer),)).fetchone()
                gone[writer] = bool(got[0])
        return [r for r in rows if r.get("writer") != self.session and gone.get(r.get("writer") or "")]
