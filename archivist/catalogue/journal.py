"""The one journal: every move-journal row and every audit entry is written here, in one time format.

Two logs live in the catalogue. The move journal records the intent of a file operation before the
disk is touched (copy → fsync → rename, or a move inside the archive), so that `recover()` can
finish or roll it back after a crash. The audit log is the append-only, hash-chained history
(archivist/auditchain.py): who changed what, when.

One time format for both: local time with its UTC offset, to the second (ISO 8601,
`2024-10-15T09:30:00+08:00`) — what the audit log always wrote and what `show`, reports and the
chain read. Older move-journal rows written with SQLite's `datetime('now')` (UTC, no offset) are
still read; nothing parses a journal row's time. An audit entry's `at` is part of its hash as the
text stored, so the entries written before keep verifying whatever format they carry.

One type for journal paths: raw bytes (BLOB), because a GBK-named file in a UTF-8 folder has no
text form SQLite accepts; rows written before with text paths are read the same (os.fsdecode).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import auditchain
from ..auditchain import SCHEME_KEYED, Head, RowDigest
from .dialect import dialect_of

GENESIS = "0" * 64

# journal stages: a new file being copied in; its record committed with only the source's removal
# left; a file moving inside the archive (assign, doctor, scheme migrate), rolled back on a crash
COPYING = "copying"
COMMITTED = "committed"
MOVING = "moving"

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


def now() -> str:
    """The catalogue's one time format: local time with offset, to the second."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


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


# move journal -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class JournalEntry:
    """One file operation in flight. Paths are absolute, as they were when the entry was written."""

    id: int
    evidence_id: str
    source: Path
    temp: Path
    dest: Path
    remove_source: bool
    stage: str
    created_at: str


class MoveJournal:
    """The move journal's rows. Call its writes inside the catalogue's transaction()."""

    def __init__(self, db: sqlite3.Connection, writer: str | None = None) -> None:
        self.db = db
        self.writer = writer  # the session of the connection writing (recovery skips a live writer's rows)

    def open(self, evidence_id: str, source: Path, temp: Path, dest: Path, remove_source: bool,
             stage: str = COPYING) -> int:
        """Record the intent before touching the disk; returns the entry's id. On PostgreSQL a
        destination another writer is filling at the same moment is refused (unique per dest)."""
        raw = tuple(os.fsencode(p) for p in (source, temp, dest))
        row = self.db.execute(
            "INSERT INTO journal(evidence_id, source, temp, dest, remove_source, stage, created_at, writer)"
            " VALUES (?,?,?,?,?,?,?,?) RETURNING id",
            (evidence_id, *raw, int(remove_source), stage, now(), self.writer),
        ).fetchone()
        return int(row[0])

    def open_move(self, evidence_id: str, source: Path, dest: Path) -> int:
        """A move inside the archive (assign, doctor's relink, scheme migrate): undone if it does not commit."""
        return self.open(evidence_id, source, dest, dest, False, MOVING)

    def mark_committed(self, entry_id: int) -> None:
        self.db.execute("UPDATE journal SET stage=? WHERE id=?", (COMMITTED, entry_id))

    def close(self, entry_id: int) -> None:
        self.db.execute("DELETE FROM journal WHERE id=?", (entry_id,))

    def clear(self) -> None:
        self.db.execute("DELETE FROM journal")

    def rows(self) -> list[dict[str, Any]]:
        """The rows as stored (paths as bytes or text), for the readers that compare raw values."""
        return [dict(r) for r in self.db.execute("SELECT * FROM journal ORDER BY id")]

    def entries(self, stage: str | None = None) -> list[JournalEntry]:
        return [
            JournalEntry(int(r["id"]), r["evidence_id"], *(Path(os.fsdecode(r[k])) for k in ("source", "temp", "dest")),
                         bool(r["remove_source"]), r["stage"], r["created_at"])
            for r in self.rows() if stage is None or r["stage"] == stage
        ]


# audit log --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AuditEntry:
    """One audit entry as stored: the fields its hash covers, and the hash."""

    seq: int
    at: str
    actor: str
    action: str
    evidence_id: str | None
    detail: str
    prev_hash: str
    hash: str
    scheme: int
    rows: str | None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class AuditLog:
    """The audit table: append (the only writer) and the reads verify and `show` need."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def lock_head(self) -> None:
        """PostgreSQL: lock the chain's head row until COMMIT (the next appender waits here)."""
        self.db.execute("SELECT seq FROM audit_head WHERE id=1 FOR UPDATE")

    def last(self) -> tuple[int, str] | None:
        """(seq, hash) of the newest entry."""
        row = self.db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        return (int(row[0]), row[1]) if row else None

    def newest_seq(self) -> int:
        """The newest entry's seq (0 for an empty log)."""
        return int(self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM audit").fetchone()[0])

    def append(self, key: bytes, workspace_id: str, who: str, action: str, evidence_id: str | None,
               detail: dict[str, Any], rows: list[RowDigest]) -> Head:
        """Write the next keyed entry; returns the head it makes (for the record beside the key)."""
        last = self.last()
        seq = (last[0] if last else 0) + 1
        prev = last[1] if last else GENESIS
        at = now()
        text = json.dumps(detail, ensure_ascii=False, sort_keys=True)
        rows_text = json.dumps([r.to_json() for r in rows], ensure_ascii=False) if rows else None
        digest = auditchain.keyed_hash(key, seq, prev, at, who, action, evidence_id, text, rows_text)
        self.db.execute(
            "INSERT INTO audit(seq, at, actor, action, evidence_id, detail, prev_hash, hash, scheme, rows)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            (seq, at, who, action, evidence_id, text, prev, digest, SCHEME_KEYED, rows_text),
        )
        if dialect_of(self.db).name == "postgresql":
            self.db.execute("UPDATE audit_head SET seq=?, hash=? WHERE id=1", (seq, digest))
        return Head(workspace_id, seq, digest)

    def newest_seq_except(self, actions: tuple[str, ...]) -> int:
        """The newest entry's seq among those whose action is not one of `actions` (0 if none)."""
        marks = ",".join("?" for _ in actions)
        # newest first along the primary key: stops at the first entry that qualifies
        row = self.db.execute(f"SELECT seq FROM audit WHERE action NOT IN ({marks}) ORDER BY seq DESC LIMIT 1",
                              actions).fetchone()
        return int(row[0]) if row else 0

    def is_keyed(self) -> bool:
        return self.db.execute("SELECT 1 FROM audit WHERE scheme=? LIMIT 1", (SCHEME_KEYED,)).fetchone() is not None

    def hash_of(self, seq: int) -> str | None:
        row = self.db.execute("SELECT hash FROM audit WHERE seq=?", (seq,)).fetchone()
        return row[0] if row else None

    def entries(self, evidence_id: str | None = None) -> Iterator[AuditEntry]:
        """Entries in order (of one record, when given), read lazily: a chain can be long."""
        if evidence_id:
            cursor = self.db.execute("SELECT * FROM audit WHERE evidence_id=? ORDER BY seq", (evidence_id,))
        else:
            cursor = self.db.execute("SELECT * FROM audit ORDER BY seq")
        for r in cursor:
            yield AuditEntry(int(r["seq"]), r["at"], r["actor"], r["action"], r["evidence_id"], r["detail"],
                             r["prev_hash"], r["hash"], int(r["scheme"] or 0), r["rows"])

    def signed_row_texts(self, upto: int | None = None) -> Iterator[str]:
        """The `rows` column of each signed entry, oldest first."""
        sql = "SELECT rows FROM audit WHERE rows IS NOT NULL AND scheme=?"
        args: list[Any] = [SCHEME_KEYED]
        if upto is not None:
            sql += " AND seq<=?"
            args.append(upto)
        for (text,) in self.db.execute(sql + " ORDER BY seq", args):
            yield text
