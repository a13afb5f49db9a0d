"""Self-assessment scores (自查自评): one row per indicator, with its note and cited evidence."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from .journal import now


@dataclass(frozen=True)
class SelfScore:
    code: str
    points: float
    note: str
    evidence: list[str]
    actor: str
    updated_at: str


class ScoreRepository:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def all(self) -> dict[str, SelfScore]:
        """Every stored score by indicator code."""
        return {
            r["code"]: SelfScore(r["code"], float(r["points"]), r["note"] or "", json.loads(r["evidence"] or "[]"),
                                 r["actor"] or "", r["updated_at"] or "")
            for r in self.db.execute("SELECT * FROM self_scores")
        }

    def put(self, code: str, points: float, note: str, evidence_ids: list[str], actor: str) -> None:
        self.db.execute(
            "INSERT INTO self_scores(code, points, note, evidence, actor, updated_at) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT(code) DO UPDATE SET points=excluded.points, note=excluded.note,"
            " evidence=excluded.evidence, actor=excluded.actor, updated_at=excluded.updated_at",
            (code, points, note, json.dumps(evidence_ids, ensure_ascii=False), actor, now()),
        )

    def remove(self, code: str) -> bool:
        """False when there was no score for the code."""
        return bool(self.db.execute("DELETE FROM self_scores WHERE code=?", (code,)).rowcount)
