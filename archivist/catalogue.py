"""The catalogue: SQLite, the source of truth for every intake.

Holds one row per intake (evidence), the move journal that makes filing crash-safe, labelled
examples from `assign` (for learning), containers (zip originals) and an append-only audit log in
which each entry carries the hash of the previous one, so an edited, deleted or reordered entry is
detectable. WAL mode lets readers (search, reports) run while the single writer ingests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# Each entry migrates the schema from version i to i+1. Never edit an entry once released: append.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE evidence (
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
    CREATE INDEX evidence_sha ON evidence(sha256);
    CREATE INDEX evidence_status ON evidence(status);
    CREATE INDEX evidence_indicator ON evidence(indicator);
    CREATE TABLE journal (
        id INTEGER PRIMARY KEY,
        evidence_id TEXT NOT NULL,
        source TEXT NOT NULL,
        temp TEXT NOT NULL,
        dest TEXT NOT NULL,
        remove_source INTEGER NOT NULL,
        stage TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE examples (
        id INTEGER PRIMARY KEY,
        evidence_id TEXT,
        code TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE containers (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        original_name TEXT NOT NULL,
        archive_path TEXT NOT NULL,
        members INTEGER NOT NULL,
        received_at TEXT NOT NULL
    );
    CREATE TABLE audit (
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
    CREATE TABLE self_scores (
        code TEXT PRIMARY KEY,
        points REAL NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL DEFAULT '[]',
        actor TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    );
    CREATE TABLE problems (
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
    CREATE INDEX problems_unit ON problems(unit);
    CREATE INDEX problems_status ON problems(status)
    """,
]

# Tables owned by one feature each (coverage marks, edits, findings, schemes, users…): name → script.
# Applied once each after the numbered migrations and recorded in `schema_parts`, so features added
# side by side never fight over the next version number. Never edit a released entry: add a new name.
SCHEMA_PARTS: dict[str, str] = {}
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
    payload = json.dumps([prev_hash, at, who, action, evidence_id, detail], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Catalogue:
    """One connection to the catalogue database. Use `transaction()` for every write."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("PRAGMA busy_timeout=30000")
        self._migrate()
        self._actor = actor()

    def close(self) -> None:
        self.db.close()

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
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # audit -----------------------------------------------------------------
    def audit(self, action: str, evidence_id: str | None, detail: dict[str, Any] | None = None) -> None:
        """Append an audit entry. Call inside a transaction so it commits with the change it records."""
        row = self.db.execute("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        prev = row["hash"] if row else GENESIS
        at = now()
        text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)
        digest = audit_hash(prev, at, self._actor, action, evidence_id, text)
        self.db.execute(
            "INSERT INTO audit(at, actor, action, evidence_id, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?)",
            (at, self._actor, action, evidence_id, text, prev, digest),
        )

    def audit_entries(self, evidence_id: str | None = None) -> list[dict[str, Any]]:
        if evidence_id:
            rows = self.db.execute("SELECT * FROM audit WHERE evidence_id=? ORDER BY seq", (evidence_id,))
        else:
            rows = self.db.execute("SELECT * FROM audit ORDER BY seq")
        return [dict(r) for r in rows]

    def verify_audit(self) -> list[str]:
        """Problems in the audit chain, each naming the entry: edited, deleted or reordered."""
        problems = []
        prev = GENESIS
        expected_seq = None
        for entry in self.audit_entries():
            if expected_seq is not None and entry["seq"] != expected_seq:
                problems.append(f"审计日志第 {expected_seq} 条至第 {entry['seq'] - 1} 条缺失")
            if entry["prev_hash"] != prev:
                problems.append(f"审计日志第 {entry['seq']} 条的前序哈希不符：条目被删除或调换顺序")
            digest = audit_hash(
                entry["prev_hash"], entry["at"], entry["actor"], entry["action"], entry["evidence_id"], entry["detail"]
            )
            if digest != entry["hash"]:
                problems.append(f"审计日志第 {entry['seq']} 条内容被修改")
            prev = entry["hash"]
            expected_seq = entry["seq"] + 1
        return problems

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
