"""People's judgements kept beside the evidence: 查漏补缺 marks on required items (`archivist cover`)
and corrections of a record's 题名/责任者/成文日期/文号/类别 (`archivist edit`) that re-extraction
never overwrites."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from .dialect import dialect_of


@dataclass(frozen=True)
class CoverageMark:
    """A user's decision about one required item: covered by a document, or not applicable."""

    code: str
    item_no: int
    item: str
    evidence_id: str | None
    not_applicable: bool
    note: str
    actor: str
    at: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Override:
    """A kept correction, as `show` lists it."""

    field: str
    value: str | None
    note: str
    actor: str
    at: str


class CoverageMarkRepository:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def all(self) -> list[CoverageMark]:
        return [CoverageMark(r["code"], int(r["item_no"]), r["item"], r["evidence_id"], bool(r["not_applicable"]),
                             r["note"] or "", r["actor"] or "", r["at"])
                for r in self.db.execute("SELECT * FROM coverage_marks")]

    def stored(self, key: str) -> dict[str, Any] | None:
        """The mark's row as stored (the audit entry quotes it as it was)."""
        row = self.db.execute("SELECT * FROM coverage_marks WHERE key=?", (key,)).fetchone()
        return dict(row) if row else None

    def put(self, key: str, mark: CoverageMark) -> None:
        self.db.execute(
            dialect_of(self.db).insert_replace(
                "coverage_marks",
                ("key", "code", "item_no", "item", "evidence_id", "not_applicable", "note", "actor", "at"),
                key=("key",)),
            (key, mark.code, mark.item_no, mark.item, mark.evidence_id, int(mark.not_applicable), mark.note,
             mark.actor, mark.at))

    def remove(self, key: str) -> None:
        self.db.execute("DELETE FROM coverage_marks WHERE key=?", (key,))


class OverrideRepository:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def put(self, evidence_id: str, override: Override) -> None:
        self.db.execute(
            "INSERT INTO evidence_overrides(evidence_id, field, value, note, actor, at) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT(evidence_id, field) DO UPDATE SET value=excluded.value, note=excluded.note,"
            " actor=excluded.actor, at=excluded.at",
            (evidence_id, override.field, override.value, override.note, override.actor, override.at),
        )

    def of(self, evidence_id: str) -> list[Override]:
        rows = self.db.execute(
            "SELECT field, value, note, actor, at FROM evidence_overrides WHERE evidence_id=?", (evidence_id,)
        ).fetchall()
        return [Override(r["field"], r["value"], r["note"], r["actor"], r["at"]) for r in rows]
