"""The rectification ledger (整改台账): one row per problem, closed (销号) only with evidence cited."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from .journal import now


@dataclass(frozen=True)
class NewProblem:
    """What a person enters for a problem (the ledger's columns before it is stored)."""

    description: str
    unit: str
    source: str
    found_date: str
    deadline: str | None
    indicator: str | None
    site: bool
    measures: str
    origin: str


@dataclass(frozen=True)
class ProblemRow(NewProblem):
    """A stored problem: what was entered, plus its number, state and closing (销号)."""

    id: int
    status: str
    closed_at: str | None
    close_note: str
    close_evidence: list[str]
    created_at: str


def _problem(r: sqlite3.Row) -> ProblemRow:
    return ProblemRow(
        description=r["description"], unit=r["unit"] or "", source=r["source"] or "", found_date=r["found_date"],
        deadline=r["deadline"], indicator=r["indicator"], site=bool(r["site"]), measures=r["measures"] or "",
        origin=r["origin"] or "", id=int(r["id"]), status=r["status"], closed_at=r["closed_at"],
        close_note=r["close_note"] or "", close_evidence=json.loads(r["close_evidence"] or "[]"),
        created_at=r["created_at"],
    )


class ProblemRepository:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def get(self, problem_id: int) -> ProblemRow | None:
        row = self.db.execute("SELECT * FROM problems WHERE id=?", (problem_id,)).fetchone()
        return _problem(row) if row else None

    def list(self, *, status: str | None = None, unit_part: str | None = None,
             indicator: str | None = None) -> list[ProblemRow]:
        """In ledger order; `unit_part` matches any unit whose name contains it."""
        sql, args = "SELECT * FROM problems WHERE 1=1", []
        if status:
            sql += " AND status=?"
            args.append(status)
        if unit_part:
            sql += " AND unit LIKE ?"
            args.append(f"%{unit_part}%")
        if indicator:
            sql += " AND indicator=?"
            args.append(indicator)
        return [_problem(r) for r in self.db.execute(sql + " ORDER BY id", args)]

    def add(self, p: NewProblem, status: str) -> int:
        stamp = now()
        row = self.db.execute(
            "INSERT INTO problems(description, unit, source, found_date, deadline, indicator, site, measures, origin,"
            " status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
            (p.description, p.unit, p.source, p.found_date, p.deadline, p.indicator, int(p.site), p.measures,
             p.origin, status, stamp, stamp),
        ).fetchone()
        return int(row[0])

    def close(self, problem_id: int, status: str, closed_on: str, note: str, evidence_ids: list[str]) -> None:
        self.db.execute(
            "UPDATE problems SET status=?, closed_at=?, close_note=?, close_evidence=?, updated_at=? WHERE id=?",
            (status, closed_on, note, json.dumps(evidence_ids, ensure_ascii=False), now(), problem_id),
        )
