"""The catalogue file as a whole: a consistent copy for a backup, what a copy names, and the health
checks `doctor` runs before trusting it. These open the file directly (a backup's copy is not a
workspace's catalogue: no migrations, no triggers, no audit)."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .journal import MOVING, MoveJournal
from .schema import table_names


@dataclass(frozen=True)
class NamedFile:
    """A file the catalogue names: an evidence file, a zip original, or a version a unit submitted."""

    id: str
    path: str
    sha256: str


def copy_consistent(source_path: Path, target: Path) -> dict[str, str]:
    """Copy the live catalogue into `target` with SQLite's online backup API, in one step, as one
    self-contained file (no -wal beside it), without the moves in flight at that moment.

    Moves in flight are not part of the copy (their rows are uncommitted, or committed with only the
    source's removal left, which belongs to the live workspace). Their journal rows name absolute
    paths in the *live* workspace: a restored copy running recover() on them would touch the
    original's files. Returns {evidence id: destination} of the 'moving' ones, then drops them all.
    """
    source = sqlite3.connect(source_path, timeout=30)
    try:
        source.execute("PRAGMA busy_timeout=30000")
        dest = sqlite3.connect(target, isolation_level=None)
        dest.row_factory = sqlite3.Row
        try:
            source.backup(dest, pages=-1)  # all pages in one step: one consistent read transaction
            dest.execute("PRAGMA journal_mode=DELETE")
            journal = MoveJournal(dest)
            moving = {e.evidence_id: os.fsdecode(e.dest) for e in journal.entries(MOVING)}
            journal.clear()
        finally:
            dest.close()
    finally:
        source.close()
    return moving


def named_files(db_path: Path) -> list[NamedFile]:
    """Every file a catalogue names, by path: evidence rows with an archive path, zip containers, and
    every version a unit submitted (held under index/submissions/ until review; kept after it)."""
    db = sqlite3.connect(db_path)
    try:
        team = "submission_versions" in table_names(db)
        rows = db.execute(
            "SELECT id, archive_path, sha256 FROM evidence WHERE archive_path IS NOT NULL"
            " UNION ALL SELECT id, archive_path, sha256 FROM containers"
            + (" UNION ALL SELECT id, stored_path, sha256 FROM submission_versions" if team else "")
            + " ORDER BY 2"
        ).fetchall()
    finally:
        db.close()
    return [NamedFile(r[0], r[1], r[2]) for r in rows]


def archive_path_of(db_path: Path, record_id: str) -> str | None:
    """Where a catalogue says an evidence file or zip original is now."""
    db = sqlite3.connect(db_path, timeout=30)
    try:
        row = db.execute(
            "SELECT archive_path FROM evidence WHERE id=? UNION ALL SELECT archive_path FROM containers WHERE id=?",
            (record_id, record_id),
        ).fetchone()
    finally:
        db.close()
    return row[0] if row else None


def workspace_id_of(db_path: Path) -> str:
    """The workspace id a catalogue file carries ("" when it has none or cannot be read)."""
    db = sqlite3.connect(db_path)
    try:
        row = db.execute("SELECT value FROM catalogue_meta WHERE name='workspace_id'").fetchone()
    except sqlite3.Error:
        row = None
    finally:
        db.close()
    return row[0] if row else ""


def evidence_count_of(db_path: Path) -> int:
    db = sqlite3.connect(db_path)
    try:
        return int(db.execute("SELECT COUNT(*) FROM evidence").fetchone()[0])
    finally:
        db.close()


# health ------------------------------------------------------------------------------------------
def integrity_problem(db: sqlite3.Connection) -> str | None:
    """SQLite's quick_check: its first complaint, or None when the file is sound."""
    check = db.execute("PRAGMA quick_check").fetchall()
    return None if [tuple(r) for r in check] == [("ok",)] else str(check[0][0])


def record_count(db: sqlite3.Connection) -> int:
    """Evidence records and zip originals together."""
    return int(db.execute("SELECT (SELECT COUNT(*) FROM evidence) + (SELECT COUNT(*) FROM containers)").fetchone()[0])
