"""The catalogue: SQLite, the source of truth for every intake.

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
"""

from __future__ import annotations

import contextvars
import datetime as dt
import hmac
import json
import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import auditchain
from .auditchain import SCHEME_KEYED, ChainKeyMissing, Head, RowDigest
from .workspace import WorkspaceError

# Each entry migrates the schema from version i to i+1. Never edit an entry once released: append.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE IF NOT EXISTS evidence (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        indicator TEXT,
        confidence REAL,
        archive_path TEXT,
        original_name TEXT NOT NULL,
        source_path TEXT,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        file_type TEXT,
        title TEXT,
        unit TEXT,
        doc_date TEXT,
        doc_number TEXT,
        kind TEXT,
        pages INTEGER,
        text TEXT,
        meta TEXT,
        suggestions TEXT,
        links TEXT,
        duplicate_of TEXT,
        reason TEXT,
        provenance TEXT,
        indexed INTEGER NOT NULL DEFAULT 0,
        received_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS evidence_sha ON evidence(sha256);
    CREATE INDEX IF NOT EXISTS evidence_status ON evidence(status);
    CREATE INDEX IF NOT EXISTS evidence_indicator ON evidence(indicator);
    CREATE TABLE IF NOT EXISTS journal (
        id INTEGER PRIMARY KEY,
        evidence_id TEXT NOT NULL,
        source TEXT NOT NULL,
        temp TEXT NOT NULL,
        dest TEXT NOT NULL,
        remove_source INTEGER NOT NULL,
        stage TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS examples (
        id INTEGER PRIMARY KEY,
        evidence_id TEXT,
        code TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS containers (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        original_name TEXT NOT NULL,
        archive_path TEXT NOT NULL,
        members INTEGER NOT NULL,
        received_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        evidence_id TEXT,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    """,
    # assess (issue #5): self-assessment scores and the rectification ledger (整改台账).
    """
    CREATE TABLE IF NOT EXISTS self_scores (
        code TEXT PRIMARY KEY,
        points REAL NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL DEFAULT '[]',
        actor TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS problems (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        description TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        found_date TEXT NOT NULL,
        deadline TEXT,
        indicator TEXT,
        site INTEGER NOT NULL DEFAULT 0,
        measures TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open',
        closed_at TEXT,
        close_note TEXT NOT NULL DEFAULT '',
        close_evidence TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS problems_unit ON problems(unit);
    CREATE INDEX IF NOT EXISTS problems_status ON problems(status)
    """,
]

# Tables owned by one feature each (coverage marks, edits, findings, schemes, users…): name → script.
# Applied once each after the numbered migrations and recorded in `schema_parts`, so features added
# side by side never fight over the next version number. Never edit a released entry: add a new name.
SCHEMA_PARTS: dict[str, str] = {
    # the keyed audit chain: a workspace id (names the key file), entry scheme, row digests
    "audit-keyed-chain": """
    CREATE TABLE IF NOT EXISTS catalogue_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT OR IGNORE INTO catalogue_meta(name, value) VALUES ('workspace_id', lower(hex(randomblob(16))));
    ALTER TABLE audit ADD COLUMN scheme INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE audit ADD COLUMN rows TEXT
    """,
}

# Tables whose every row change is covered by the audit chain: table -> key column. A feature
# adding a table of state (marks, edits, findings...) registers it with `register_audited`.
AUDITED_TABLES: dict[str, str] = {
    "evidence": "id",
    "containers": "id",
    "self_scores": "code",
    "problems": "id",
}
# Columns left out of a row's digest: derived bookkeeping that changes without being a state change.
UNAUDITED_COLUMNS: dict[str, frozenset[str]] = {"evidence": frozenset({"indexed"})}
TABLE_LABELS: dict[str, str] = {
    "evidence": "材料", "containers": "压缩包原件", "self_scores": "自评分", "problems": "问题",
}
AUDITED_TABLES["finding_marks"] = "finding_id"  # `check --explain`: a person's judgement on a finding
TABLE_LABELS["finding_marks"] = "核查说明"
AUTO_ACTION = "row_changed"  # rows changed in a transaction that no audit() call covered
MARKER_NAME = "catalogue.id"  # beside the catalogue: "a catalogue existed here" (a lost one is not re-created)


def register_audited(table: str, key: str, label: str = "", skip: frozenset[str] = frozenset()) -> None:
    """Put a table under the audit chain: its row changes are digested into audit entries."""
    AUDITED_TABLES[table] = key
    if label:
        TABLE_LABELS[table] = label
    if skip:
        UNAUDITED_COLUMNS[table] = skip


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


def _damage_message(exc: sqlite3.Error) -> str | None:
    """The damage an error shows, or None for a passing condition (locked, busy, disk full...)."""
    text = str(exc).lower()
    if isinstance(exc, sqlite3.OperationalError):
        if "no such table" in text or "no such column" in text or "malformed" in text:
            return f"已损坏（{exc}）"
        return None
    if isinstance(exc, sqlite3.DatabaseError):
        return f"已损坏（{exc}）"
    return None
# User corrections of 题名/责任者/成文日期/文号/类别 (`archivist edit`): re-extraction never overwrites them.
SCHEMA_PARTS["evidence_overrides"] = """
    CREATE TABLE evidence_overrides (
        evidence_id TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT,
        note TEXT NOT NULL DEFAULT '',
        actor TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        PRIMARY KEY (evidence_id, field)
    )
"""

# The user's 查漏补缺 marks (`archivist cover`): an item covered by a given document, or not applicable.
SCHEMA_PARTS["coverage_marks"] = """
    CREATE TABLE IF NOT EXISTS coverage_marks (
        key TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        item_no INTEGER NOT NULL,
        item TEXT NOT NULL,
        evidence_id TEXT,
        not_applicable INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        actor TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    )
"""

# `scheme migrate`: each run from last year's scheme to this year's, and every file it moved (old → new code).
SCHEMA_PARTS["scheme_migrations"] = """
    CREATE TABLE scheme_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        old_framework TEXT NOT NULL,
        new_framework TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        snapshot TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE scheme_migrations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id INTEGER NOT NULL,
        evidence_id TEXT NOT NULL,
        old_code TEXT NOT NULL,
        new_code TEXT,
        old_path TEXT NOT NULL,
        new_path TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    );
    CREATE INDEX scheme_migrations_evidence ON scheme_migrations(evidence_id)
"""

# `archivist check`: per-file facts (derived, like the search index), the last check's findings, and the
# audited "explained" marks a person puts on a finding.
SCHEMA_PARTS["authenticity"] = """
    CREATE TABLE authenticity_facts (
        evidence_id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        phash TEXT,
        minhash BLOB,
        sentences BLOB,
        created TEXT,
        modified TEXT,
        at TEXT NOT NULL
    );
    CREATE TABLE findings (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        evidence_ids TEXT NOT NULL,
        severity TEXT NOT NULL,
        detail TEXT NOT NULL,
        evidence TEXT NOT NULL DEFAULT '{}',
        subject TEXT NOT NULL DEFAULT '',
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX findings_kind ON findings(kind);
    CREATE TABLE finding_marks (
        finding_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        evidence_ids TEXT NOT NULL,
        note TEXT NOT NULL,
        actor TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    )
"""
# `archivist check`: pictures inside Office files ((member, pHash) pairs as JSON), compared like photos
SCHEMA_PARTS["authenticity-embedded-images"] = """
    ALTER TABLE authenticity_facts ADD COLUMN images TEXT
"""
# `archivist check`: picture pairs already verified (archived bytes never change: aligned once, remembered)
SCHEMA_PARTS["authenticity-picture-pairs"] = """
    CREATE TABLE authenticity_pairs (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        version INTEGER NOT NULL,
        same INTEGER NOT NULL,
        distance INTEGER,
        changed REAL,
        rmse REAL,
        PRIMARY KEY (a, b)
    )
"""

# Team work (archivist/team/): units, named accounts with roles, and units' submissions (报送) into required
# evidence items with every version's bytes. Users' sessions are invalidated by bumping `session_epoch`.
SCHEMA_PARTS["team"] = """
    CREATE TABLE team_units (
        name TEXT PRIMARY KEY,
        contact TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE TABLE team_users (
        username TEXT PRIMARY KEY,
        display_name TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        session_epoch INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE submissions (
        id TEXT PRIMARY KEY,
        unit TEXT NOT NULL,
        indicator TEXT NOT NULL,
        item_no INTEGER NOT NULL,
        item TEXT NOT NULL,
        state TEXT NOT NULL,
        version INTEGER NOT NULL,
        evidence_id TEXT,
        filed_indicator TEXT,
        reason TEXT NOT NULL DEFAULT '',
        submitted_by TEXT NOT NULL DEFAULT '',
        reviewed_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX submissions_unit ON submissions(unit);
    CREATE INDEX submissions_state ON submissions(state);
    CREATE TABLE submission_versions (
        id TEXT PRIMARY KEY,
        submission_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        original_name TEXT NOT NULL,
        stored_path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        suggestion TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        submitted_by TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    );
    CREATE INDEX submission_versions_sub ON submission_versions(submission_id)
"""
for _table, _key, _label in (("team_units", "name", "单位"), ("team_users", "username", "账号"),
                             ("submissions", "id", "报送"), ("submission_versions", "id", "报送版本")):
    AUDITED_TABLES[_table] = _key
    TABLE_LABELS[_table] = _label

# The person a change is recorded under: a named account (web login, `--user`), else the local account.
ACTING: contextvars.ContextVar[str | None] = contextvars.ContextVar("archivist_acting", default=None)


@contextmanager
def acting_as(person: str | None) -> Iterator[None]:
    """Record audit entries written inside this block under `person` (None: the local account)."""
    token = ACTING.set(person or None)
    try:
        yield
    finally:
        ACTING.reset(token)


JSON_FIELDS = ("meta", "suggestions", "links", "provenance")
GENESIS = "0" * 64


def now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def actor() -> str:
    import getpass
    import socket

    try:
        return f"{getpass.getuser()}@{socket.gethostname()}"
    except Exception:  # noqa: BLE001 - an unknown user must not stop an ingest
        return "unknown"


def audit_hash(prev_hash: str, at: str, who: str, action: str, evidence_id: str | None, detail: str) -> str:
    """The unkeyed entry hash of workspaces made before the chain key (kept to verify them)."""
    return auditchain.legacy_hash(prev_hash, at, who, action, evidence_id, detail)


class Catalogue:
    """One connection to the catalogue database. Use `transaction()` for every write."""

    def __init__(self, path: Path, *, allow_new: bool = False) -> None:
        """Open (or create) the catalogue. A catalogue that existed here and is gone or damaged raises
        CatalogueUnusable instead of silently starting an empty one; `allow_new` is for the rebuild."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
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
            self._migrate()
            self.db.execute("SELECT id, status, sha256 FROM evidence LIMIT 0")
            self.db.execute("SELECT seq, hash FROM audit LIMIT 0")
        except sqlite3.Error as exc:
            self.db.close()
            problem = _damage_message(exc)
            if problem is None:
                raise
            raise CatalogueDamaged(path, problem) from exc
        self._actor = actor()
        self._key: bytes | None = None
        self._columns: dict[str, list[str]] = {}
        self._appended: Head | None = None
        self.workspace_id = self._meta("workspace_id") or ""
        if not marker.exists():
            try:
                marker.write_text(self.workspace_id + "\n", encoding="ascii")
            except OSError:
                pass  # a read-only index folder: reading still works
        self._install_triggers()

    def close(self) -> None:
        if self.db.in_transaction is False and self._dirty_count():
            try:
                with self.transaction():
                    pass  # rows changed outside transaction(): record them before the connection goes
            except (sqlite3.Error, ChainKeyMissing):
                pass
        self.db.close()

    def _meta(self, name: str) -> str | None:
        row = self.db.execute("SELECT value FROM catalogue_meta WHERE name=?", (name,)).fetchone()
        return row[0] if row else None

    # row tracking ------------------------------------------------------------
    def _install_triggers(self) -> None:
        """TEMP triggers noting each audited row a statement touches (connection-local, not in the file)."""
        # no unique key: an outer statement's conflict clause (UPSERT, OR REPLACE) would override ours
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS audit_dirty (tbl TEXT NOT NULL, key TEXT NOT NULL)")
        for table, key in AUDITED_TABLES.items():
            columns = self._table_columns(table)
            if not columns:
                continue
            skip = UNAUDITED_COLUMNS.get(table, frozenset())
            watched = ", ".join(f'"{c}"' for c in columns if c not in skip)
            note = "INSERT INTO audit_dirty(tbl, key) VALUES ('{t}', CAST({r}.\"{k}\" AS TEXT));"
            new, old = note.format(t=table, r="NEW", k=key), note.format(t=table, r="OLD", k=key)
            self.db.executescript(
                f'CREATE TEMP TRIGGER IF NOT EXISTS audit_i_{table} AFTER INSERT ON main."{table}" BEGIN {new} END;'
                f'CREATE TEMP TRIGGER IF NOT EXISTS audit_u_{table} AFTER UPDATE OF {watched} ON main."{table}"'
                f" BEGIN {new} {old} END;"
                f'CREATE TEMP TRIGGER IF NOT EXISTS audit_d_{table} AFTER DELETE ON main."{table}" BEGIN {old} END;'
            )

    def _table_columns(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = [r[1] for r in self.db.execute(f'PRAGMA main.table_info("{table}")')]
        return self._columns[table]

    def _dirty_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM temp.audit_dirty").fetchone()[0])

    def row_digest(self, table: str, key: str) -> RowDigest:
        """The digest of one audited row as it is now (None digest when the row does not exist)."""
        key_col = AUDITED_TABLES[table]
        # the key column compared as it is (SQLite converts the text key to an integer key's type):
        # CAST(column) would skip its index and scan the table once per audited row
        row = self.db.execute(f'SELECT * FROM main."{table}" WHERE "{key_col}"=?', (key,)).fetchone()
        return auditchain.row_digest(table, key, dict(row) if row else None, UNAUDITED_COLUMNS.get(table, frozenset()))

    def current_digests(self, fields: bool = False) -> dict[tuple[str, str], RowDigest]:
        """Every audited row's digest, now (call inside a read transaction for one consistent view).
        Without `fields` only the whole-row digest is computed: what verify compares first."""
        found: dict[tuple[str, str], RowDigest] = {}
        for table, key_col in AUDITED_TABLES.items():
            if not self._table_columns(table):
                continue
            skip = UNAUDITED_COLUMNS.get(table, frozenset())
            cursor = self.db.execute(f'SELECT * FROM main."{table}"')
            names = [d[0] for d in cursor.description]
            at = names.index(key_col)
            cursor.row_factory = None  # plain tuples: no per-row dict of sqlite3.Row lookups
            for values in cursor:
                key = str(values[at])
                found[(table, key)] = auditchain.row_digest(table, key, dict(zip(names, values, strict=True)), skip,
                                                            fields=fields)
        return found

    def _take_dirty(self) -> list[RowDigest]:
        rows = self.db.execute("SELECT DISTINCT tbl, key FROM temp.audit_dirty ORDER BY tbl, key").fetchall()
        if not rows:
            return []
        self.db.execute("DELETE FROM temp.audit_dirty")
        return [self.row_digest(tbl, key) for tbl, key in rows]

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in script.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version={number}")
                self.db.execute("COMMIT")
            except Exception:
                self.db.execute("ROLLBACK")
                raise
        self._apply_schema_parts()

    def _apply_schema_parts(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_parts (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {row[0] for row in self.db.execute("SELECT name FROM schema_parts")}
        for name, script in SCHEMA_PARTS.items():
            if name in done:
                continue
            self.db.execute("BEGIN IMMEDIATE")
            try:
                if not self.db.execute("SELECT 1 FROM schema_parts WHERE name=?", (name,)).fetchone():
                    for statement in script.split(";"):
                        if statement.strip():
                            self.db.execute(statement)
                    self.db.execute("INSERT INTO schema_parts(name, applied_at) VALUES (?, ?)", (name, now()))
                self.db.execute("COMMIT")
            except Exception:
                self.db.execute("ROLLBACK")
                raise

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write. Audited rows changed in it and not covered by an audit() call are recorded
        in an automatic entry before COMMIT; the newest entry is then written to the head record."""
        self.db.execute("BEGIN IMMEDIATE")
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
        self._ensure_keyed()
        rows = self._take_dirty()
        if evidence_id is None:
            touched = {r.key for r in rows if r.table == "evidence"}
            evidence_id = touched.pop() if len(touched) == 1 else None
        self._append(action, evidence_id, detail or {}, rows)

    def _append(self, action: str, evidence_id: str | None, detail: dict[str, Any], rows: list[RowDigest]) -> None:
        assert self._key is not None
        last = self.db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        seq = (last["seq"] if last else 0) + 1
        prev = last["hash"] if last else GENESIS
        at = now()
        text = json.dumps(detail, ensure_ascii=False, sort_keys=True)
        rows_text = json.dumps([r.to_json() for r in rows], ensure_ascii=False) if rows else None
        who = ACTING.get() or self._actor
        digest = auditchain.keyed_hash(self._key, seq, prev, at, who, action, evidence_id, text, rows_text)
        self.db.execute(
            "INSERT INTO audit(seq, at, actor, action, evidence_id, detail, prev_hash, hash, scheme, rows)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            (seq, at, who, action, evidence_id, text, prev, digest, SCHEME_KEYED, rows_text),
        )
        self._appended = Head(self.workspace_id, seq, digest)

    def _ensure_keyed(self) -> None:
        """Load the chain key; on a workspace's first keyed write create it and seal the chain: an
        entry that anchors the unkeyed history before it and digests every audited row as it is."""
        if self._key is not None:
            return
        key = auditchain.load_key(self.workspace_id)
        keyed = self.db.execute("SELECT 1 FROM audit WHERE scheme=? LIMIT 1", (SCHEME_KEYED,)).fetchone()
        if key is None and keyed:
            raise ChainKeyMissing(
                f"审计链已启用密钥，但本机没有它（应在 {auditchain.key_path(self.workspace_id)}）："
                "不能写入未签名的记录。请把原机器上的密钥复制到该位置，或用 archivist backup --with-key 的备份恢复"
            )
        if key is None:
            key = auditchain.create_key(self.workspace_id)
        self._key = key
        if not keyed:
            last = self.db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
            if last is None and not self._any_audited_rows():
                self.db.execute("DELETE FROM temp.audit_dirty")  # a new catalogue: nothing to anchor
                self._append(auditchain.SEAL_ACTION, None, {"note": "链密钥启用", "previous_head": None}, [])
                return
            snapshot = sorted(self.current_digests(fields=True).values(), key=lambda r: (r.table, r.key))
            self.db.execute("DELETE FROM temp.audit_dirty")
            previous = {"seq": last["seq"], "hash": last["hash"]} if last else None
            self._append(
                auditchain.SEAL_ACTION, None,
                {"note": "链密钥启用：此前的未签名日志以其链头为准，各记录以本条摘要为准", "previous_head": previous},
                snapshot,
            )

    def _any_audited_rows(self) -> bool:
        return any(
            self._table_columns(t) and self.db.execute(f'SELECT 1 FROM main."{t}" LIMIT 1').fetchone()
            for t in AUDITED_TABLES
        )

    def chain_head(self) -> auditchain.Anchor | None:
        """The newest audit entry as an anchor (seq, hash prefix), or None for an empty chain."""
        row = self.db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        return auditchain.Anchor(int(row[0]), row[1][: auditchain.ANCHOR_HEX]) if row else None

    def audit_entries(self, evidence_id: str | None = None) -> list[dict[str, Any]]:
        if evidence_id:
            rows = self.db.execute("SELECT * FROM audit WHERE evidence_id=? ORDER BY seq", (evidence_id,))
        else:
            rows = self.db.execute("SELECT * FROM audit ORDER BY seq")
        return [dict(r) for r in rows]

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
        for entry in self.db.execute("SELECT * FROM audit ORDER BY seq"):
            seq = entry["seq"]
            if upto is not None and seq > upto:
                break
            last_seq = seq
            if expected_seq is not None and seq != expected_seq:
                problems.append(f"审计日志第 {expected_seq} 条至第 {seq - 1} 条缺失")
            if entry["prev_hash"] != prev:
                problems.append(f"审计日志第 {seq} 条的前序哈希不符：条目被删除或调换顺序")
            if entry["scheme"] == SCHEME_KEYED:
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
                        mac, seq, entry["prev_hash"], entry["at"], entry["actor"], entry["action"],
                        entry["evidence_id"], entry["detail"], entry["rows"],
                    )
                    if not hmac.compare_digest(digest, entry["hash"]):
                        problems.append(f"审计日志第 {seq} 条内容被修改（密钥签名不符）")
            else:
                if keyed_seen:
                    problems.append(f"审计日志第 {seq} 条没有密钥签名，却在启用密钥之后：日志被不持有密钥的人改写")
                digest = audit_hash(
                    entry["prev_hash"], entry["at"], entry["actor"], entry["action"], entry["evidence_id"],
                    entry["detail"],
                )
                if digest != entry["hash"]:
                    problems.append(f"审计日志第 {seq} 条内容被修改")
            prev = entry["hash"]
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
        row = self.db.execute("SELECT hash FROM audit WHERE seq=?", (head.seq,)).fetchone()
        if row is None or row[0] != head.hash:
            return [f"审计日志第 {head.seq} 条与本机记录的链头不符：日志被改写或重建"]
        return []

    def recorded_digests(self, upto: int | None = None) -> dict[tuple[str, str], RowDigest]:
        """Each audited row's digest as its latest audit entry recorded it (signed entries only)."""
        latest: dict[tuple[str, str], RowDigest] = {}
        sql = "SELECT rows FROM audit WHERE rows IS NOT NULL AND scheme=?"
        args: list[Any] = [SCHEME_KEYED]
        if upto is not None:
            sql += " AND seq<=?"
            args.append(upto)
        for (text,) in self.db.execute(sql + " ORDER BY seq", args):
            try:
                items = json.loads(text)
            except ValueError:
                continue
            for item in items:
                digest = RowDigest.from_json(item)
                latest[(digest.table, digest.key)] = digest
        return latest

    def is_keyed(self) -> bool:
        return self.db.execute("SELECT 1 FROM audit WHERE scheme=? LIMIT 1", (SCHEME_KEYED,)).fetchone() is not None

    # evidence --------------------------------------------------------------
    def insert(self, record: dict[str, Any]) -> None:
        row = _to_row(record)
        row.setdefault("received_at", now())
        row["updated_at"] = now()
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.db.execute(f"INSERT INTO evidence({columns}) VALUES ({marks})", tuple(row.values()))

    def update(self, evidence_id: str, **fields: Any) -> None:
        row = _to_row(fields)
        row["updated_at"] = now()
        assignments = ", ".join(f"{k}=?" for k in row)
        self.db.execute(f"UPDATE evidence SET {assignments} WHERE id=?", (*row.values(), evidence_id))

    def get(self, evidence_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM evidence WHERE id=?", (evidence_id,)).fetchone()
        if row is None and len(evidence_id) >= 4:
            rows = self.db.execute("SELECT * FROM evidence WHERE id LIKE ?", (evidence_id + "%",)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return _from_row(row) if row else None

    def find_by_sha(self, sha256: str) -> dict[str, Any] | None:
        """The stored original for these bytes (not a duplicate record)."""
        row = self.db.execute(
            "SELECT * FROM evidence WHERE sha256=? AND status!='duplicate' AND archive_path IS NOT NULL"
            " ORDER BY received_at LIMIT 1",
            (sha256,),
        ).fetchone()
        return _from_row(row) if row else None

    def find_by_source(self, source_path: str, sha256: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT * FROM evidence WHERE source_path=? AND sha256=?"
            " AND (archive_path IS NOT NULL OR status='duplicate') ORDER BY received_at LIMIT 1",
            (source_path, sha256),
        ).fetchone()
        return _from_row(row) if row else None

    def records(
        self, status: str | None = None, indicator: str | None = None, with_text: bool = False
    ) -> list[dict[str, Any]]:
        cols = "*" if with_text else ", ".join(c for c in _COLUMNS if c != "text")
        sql = f"SELECT {cols} FROM evidence WHERE 1=1"
        args: list[Any] = []
        if status:
            sql += " AND status=?"
            args.append(status)
        if indicator:
            sql += " AND (indicator=? OR links LIKE ?)"
            args += [indicator, f'%"{indicator}"%']
        sql += " ORDER BY received_at, rowid"
        return [_from_row(r) for r in self.db.execute(sql, args)]

    def archive_paths(self) -> set[str]:
        rows = self.db.execute("SELECT archive_path FROM evidence WHERE archive_path IS NOT NULL")
        paths = {r[0] for r in rows}
        paths |= {r[0] for r in self.db.execute("SELECT archive_path FROM containers")}
        return paths

    # learning --------------------------------------------------------------
    def add_example(self, evidence_id: str, code: str, text: str) -> None:
        self.db.execute(
            "INSERT INTO examples(evidence_id, code, text, created_at) VALUES (?,?,?,?)",
            (evidence_id, code, text, now()),
        )

    def examples(self) -> list[tuple[str, str]]:
        return [(r["code"], r["text"]) for r in self.db.execute("SELECT code, text FROM examples ORDER BY id")]

    # journal ---------------------------------------------------------------
    def journal_open(self, evidence_id: str, source: Path, temp: Path, dest: Path, remove_source: bool) -> int:
        """Record the intent to move before touching the disk. Paths are stored as raw bytes (BLOB)
        because a GBK-named file in a UTF-8 folder has no text form SQLite accepts."""
        source, temp, dest = (os.fsencode(p) for p in (source, temp, dest))
        cur = self.db.execute(
            "INSERT INTO journal(evidence_id, source, temp, dest, remove_source, stage, created_at)"
            " VALUES (?,?,?,?,?,?,?)",
            (evidence_id, source, temp, dest, int(remove_source), "copying", now()),
        )
        return int(cur.lastrowid or 0)

    def journal_entries(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute("SELECT * FROM journal ORDER BY id")]


_COLUMNS = (
    "id status indicator confidence archive_path original_name source_path sha256 size file_type title unit"
    " doc_date doc_number kind pages text meta suggestions links duplicate_of reason provenance indexed"
    " received_at updated_at"
).split()


def _to_row(record: dict[str, Any]) -> dict[str, Any]:
    row = {}
    for key, value in record.items():
        if key not in _COLUMNS:
            continue
        if key in JSON_FIELDS and value is not None and not isinstance(value, str):
            value = json.dumps(value, ensure_ascii=False)
        row[key] = value
    return row


def _from_row(row: sqlite3.Row) -> dict[str, Any]:
    record = dict(row)
    for key in JSON_FIELDS:
        if key in record and isinstance(record[key], str):
            record[key] = json.loads(record[key])
    return record


def public_record(record: dict[str, Any]) -> dict[str, Any]:
    """The intake record as CLI.md's JSON contract shows it (plus a few extra fields)."""
    keys = (
        "id status indicator confidence archive_path original_name sha256 size title unit doc_date"
        " duplicate_of reason doc_number kind file_type pages links suggestions provenance"
    ).split()
    return {k: record.get(k) for k in keys}
