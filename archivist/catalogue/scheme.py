"""`scheme migrate` runs: each move of an archive from last year's scheme to this year's, and every
file it moved (old → new code), so that an interrupted run resumes where it stopped."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from .journal import now


@dataclass(frozen=True)
class SchemeRun:
    id: int
    old_framework: str
    new_framework: str
    started_at: str
    finished_at: str | None
    snapshot: str  # workspace-relative folder of the archive as it was before the run


@dataclass(frozen=True)
class SchemeMove:
    evidence_id: str
    old_code: str
    new_code: str | None  # None: left unsorted (待分类) with the reason
    old_path: str
    new_path: str
    reason: str


class SchemeRunRepository:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def latest(self, old_framework: str, new_framework: str) -> SchemeRun | None:
        row = self.db.execute(
            "SELECT id, old_framework, new_framework, started_at, finished_at, snapshot FROM scheme_runs"
            " WHERE old_framework=? AND new_framework=? ORDER BY id DESC LIMIT 1",
            (old_framework, new_framework)).fetchone()
        return SchemeRun(int(row[0]), *row[1:]) if row else None

    def start(self, old_framework: str, new_framework: str, snapshot: str) -> None:
        self.db.execute("INSERT INTO scheme_runs(old_framework, new_framework, started_at, snapshot)"
                        " VALUES (?,?,?,?)", (old_framework, new_framework, now(), snapshot))

    def finish(self, run_id: int) -> None:
        self.db.execute("UPDATE scheme_runs SET finished_at=? WHERE id=?", (now(), run_id))

    def moved_ids(self, run_id: int) -> set[str]:
        """The records this run has already moved (or left unsorted)."""
        return {r[0] for r in self.db.execute("SELECT evidence_id FROM scheme_migrations WHERE run_id=?", (run_id,))}

    def record_move(self, run_id: int, move: SchemeMove) -> None:
        self.db.execute(
            "INSERT INTO scheme_migrations(run_id, evidence_id, old_code, new_code, old_path, new_path, reason, at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (run_id, move.evidence_id, move.old_code, move.new_code, move.old_path, move.new_path, move.reason, now()))
