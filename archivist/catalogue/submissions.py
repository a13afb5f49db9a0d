"""Units' submissions (报送) into required evidence items, with every version's held bytes."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any

from .journal import now


@dataclass(frozen=True)
class Version:
    number: int
    original_name: str
    stored_path: str  # workspace-relative, under index/submissions/
    sha256: str
    size: int
    suggestion: str
    note: str
    submitted_by: str
    at: str


@dataclass(frozen=True)
class Submission:
    id: str
    unit: str
    indicator: str
    item_no: int
    item: str
    state: str
    version: int
    evidence_id: str | None
    filed_indicator: str | None
    reason: str
    submitted_by: str
    reviewed_by: str
    created_at: str
    updated_at: str
    versions: list[Version] = field(default_factory=list)

    @property
    def current(self) -> Version:
        return next(v for v in self.versions if v.number == self.version)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Latest:
    """The newest submission of one unit's item: what a new upload continues."""

    id: str
    state: str
    version: int


@dataclass(frozen=True)
class UnitCountRow:
    """One unit's submissions by state, each item counted once, and when it last sent a file."""

    unit: str
    submitted: int
    pending: int
    accepted: int
    returned: int
    last_submitted: str


# The newest version of each submission is when the unit last sent something for it: `updated_at`
# also moves on review, so it would date a unit's activity by the 资料组's.
_COUNTS_SQL = """
    SELECT s.unit, COUNT(*), SUM(CASE WHEN s.state = ? THEN 1 ELSE 0 END), SUM(CASE WHEN s.state = ? THEN 1 ELSE 0 END),
           SUM(CASE WHEN s.state = ? THEN 1 ELSE 0 END), MAX(v.last)
    FROM submissions s
    LEFT JOIN (SELECT submission_id, MAX(at) AS last FROM submission_versions GROUP BY submission_id) v
           ON v.submission_id = s.id
    {where}
    GROUP BY s.unit
"""


class SubmissionRepository:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def _load(self, rows: list[Any]) -> list[Submission]:
        versions: dict[str, list[Version]] = {r["id"]: [] for r in rows}
        if rows:
            marks = ",".join("?" for _ in rows)
            for v in self.db.execute(
                    f"SELECT * FROM submission_versions WHERE submission_id IN ({marks}) ORDER BY version",
                    list(versions)):
                versions[v["submission_id"]].append(Version(
                    v["version"], v["original_name"], v["stored_path"], v["sha256"], v["size"], v["suggestion"],
                    v["note"], v["submitted_by"], v["at"]))
        names = [f for f in Submission.__dataclass_fields__ if f != "versions"]
        return [Submission(**{k: r[k] for k in names}, versions=versions[r["id"]]) for r in rows]

    def list(self, *, unit: str | None = None, state: str | None = None) -> list[Submission]:
        """Submissions (of a unit, in a state), oldest change first."""
        sql, args = "SELECT * FROM submissions WHERE 1=1", []
        if unit is not None:
            sql += " AND unit=?"
            args.append(unit)
        if state is not None:
            sql += " AND state=?"
            args.append(state)
        return self._load(self.db.execute(sql + " ORDER BY updated_at, id", args).fetchall())

    def get(self, submission_id: str) -> Submission | None:
        found = self._load(self.db.execute("SELECT * FROM submissions WHERE id=?", (submission_id,)).fetchall())
        return found[0] if found else None

    def latest(self, unit: str, indicator: str, item_no: int) -> Latest | None:
        row = self.db.execute("SELECT id, state, version FROM submissions WHERE unit=? AND indicator=? AND item_no=?"
                              " ORDER BY created_at DESC LIMIT 1", (unit, indicator, item_no)).fetchone()
        return Latest(row["id"], row["state"], int(row["version"])) if row else None

    def add(self, sub_id: str, unit: str, indicator: str, item_no: int, item: str, state: str, version: int,
            submitted_by: str, at: str) -> None:
        self.db.execute(
            "INSERT INTO submissions(id, unit, indicator, item_no, item, state, version, submitted_by,"
            " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (sub_id, unit, indicator, item_no, item, state, version, submitted_by, at, at))

    def resubmit(self, sub_id: str, state: str, version: int, submitted_by: str, at: str) -> None:
        """A new version of an item not yet accepted: back to review, the old reason cleared."""
        self.db.execute("UPDATE submissions SET state=?, version=?, reason='', submitted_by=?, updated_at=?"
                        " WHERE id=?", (state, version, submitted_by, at, sub_id))

    def add_version(self, version_id: str, sub_id: str, version: Version) -> None:
        self.db.execute(
            "INSERT INTO submission_versions(id, submission_id, version, original_name, stored_path, sha256, size,"
            " suggestion, note, submitted_by, at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (version_id, sub_id, version.number, version.original_name, version.stored_path, version.sha256,
             version.size, version.suggestion, version.note, version.submitted_by, version.at))

    def set_returned(self, sub_id: str, state: str, reason: str, reviewer: str) -> None:
        self.db.execute("UPDATE submissions SET state=?, reason=?, reviewed_by=?, updated_at=? WHERE id=?",
                        (state, reason, reviewer, now(), sub_id))

    def set_accepted(self, sub_id: str, state: str, reviewer: str, evidence_id: str, code: str) -> None:
        self.db.execute("UPDATE submissions SET state=?, reason='', reviewed_by=?, evidence_id=?,"
                        " filed_indicator=?, updated_at=? WHERE id=?",
                        (state, reviewer, evidence_id, code, now(), sub_id))

    def unit_counts(self, pending: str, accepted: str, returned: str, unit: str | None = None) -> list[UnitCountRow]:
        """Per unit (or only `unit`): items submitted, and how many are in each of the three states."""
        where, args = ("WHERE s.unit = ?", [unit]) if unit is not None else ("", [])
        rows = self.db.execute(_COUNTS_SQL.format(where=where), [pending, accepted, returned, *args]).fetchall()
        return [UnitCountRow(r[0], int(r[1]), int(r[2] or 0), int(r[3] or 0), int(r[4] or 0), r[5] or "")
                for r in rows]
