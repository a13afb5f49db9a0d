"""Authenticity checks (`archivist check`): per-file facts and verified picture pairs (derived, like
the search index), the last check's findings, and the audited "explained" marks people put on them.

Facts are stored as the check hands them over (hash arrays as raw bytes, image lists as JSON text):
decoding them is the check's business, not the catalogue's."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .dialect import dialect_of


@dataclass(frozen=True)
class StoredFacts:
    evidence_id: str
    phash: str | None
    minhash: bytes | None
    sentences: bytes | None
    created: str | None
    modified: str | None
    images: str | None  # JSON: [[member, pHash], …]


@dataclass(frozen=True)
class PictureVerdict:
    a: str
    b: str
    same: bool
    distance: int | None
    changed: float | None
    rmse: float | None


@dataclass(frozen=True)
class StoredFinding:
    id: str
    kind: str
    evidence_ids: list[str]
    severity: str
    detail: str
    evidence: dict[str, Any]
    subject: str


@dataclass(frozen=True)
class Mark:
    """A person's "explained" judgement on a finding, kept by the finding's stable id."""

    finding_id: str
    kind: str
    evidence_ids: list[str]
    note: str
    actor: str
    at: str

    def to_json(self) -> dict[str, object]:
        return self.__dict__.copy()


class FindingRepository:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    # facts ---------------------------------------------------------------------------------------
    def put_facts(self, version: int, facts: Iterable[StoredFacts], at: str) -> None:
        self.db.executemany(
            dialect_of(self.db).insert_replace(
                "authenticity_facts",
                ("evidence_id", "version", "phash", "minhash", "sentences", "created", "modified", "at", "images"),
                key=("evidence_id",)),
            [(f.evidence_id, version, f.phash, f.minhash, f.sentences, f.created, f.modified, at, f.images)
             for f in facts],
        )

    def facts(self, version: int) -> list[StoredFacts]:
        rows = self.db.execute(
            "SELECT evidence_id, phash, minhash, sentences, created, modified, images FROM authenticity_facts"
            " WHERE version=?", (version,))
        return [StoredFacts(*r) for r in rows]

    def without_facts(self, version: int) -> list[str]:
        """Archived records (filed or unsorted) with no facts of this version yet, in the order received."""
        rows = self.db.execute(
            "SELECT e.id FROM evidence e LEFT JOIN authenticity_facts f ON f.evidence_id = e.id"
            " WHERE e.status IN ('filed','unsorted') AND e.archive_path IS NOT NULL"
            " AND (f.evidence_id IS NULL OR f.version != ?) ORDER BY e.rowid",
            (version,),
        )
        return [r[0] for r in rows]

    def verdicts(self, version: int) -> list[PictureVerdict]:
        rows = self.db.execute(
            "SELECT a, b, same, distance, changed, rmse FROM authenticity_pairs WHERE version=?", (version,))
        return [PictureVerdict(r[0], r[1], bool(r[2]), r[3], r[4], r[5]) for r in rows]

    def put_verdicts(self, version: int, verdicts: Iterable[PictureVerdict]) -> None:
        self.db.executemany(
            dialect_of(self.db).insert_replace(
                "authenticity_pairs", ("a", "b", "version", "same", "distance", "changed", "rmse"), key=("a", "b")),
            [(v.a, v.b, version, int(v.same), v.distance, v.changed, v.rmse) for v in verdicts])

    # findings ------------------------------------------------------------------------------------
    def replace_findings(self, kinds: list[str], findings: Iterable[StoredFinding], at: str) -> None:
        """The findings of a check of these kinds: those not found again become inactive, kept."""
        marks = ",".join("?" for _ in kinds)
        self.db.execute(f"UPDATE findings SET active=0 WHERE kind IN ({marks})", kinds)
        for f in findings:
            self.db.execute(
                "INSERT INTO findings(id, kind, evidence_ids, severity, detail, evidence, subject, first_seen,"
                " last_seen, active) VALUES (?,?,?,?,?,?,?,?,?,1)"
                " ON CONFLICT(id) DO UPDATE SET severity=excluded.severity,"
                " detail=excluded.detail, evidence=excluded.evidence, last_seen=excluded.last_seen, active=1",
                (f.id, f.kind, json.dumps(f.evidence_ids), f.severity, f.detail,
                 json.dumps(f.evidence, ensure_ascii=False, default=str), f.subject, at, at),
            )

    def findings(self, active_only: bool = True) -> list[StoredFinding]:
        sql = "SELECT id, kind, evidence_ids, severity, detail, evidence, subject FROM findings"
        if active_only:
            sql += " WHERE active=1"
        return [StoredFinding(r[0], r[1], json.loads(r[2]), r[3], r[4], json.loads(r[5]), r[6])
                for r in self.db.execute(sql + " ORDER BY kind, id")]

    def with_prefix(self, prefix: str) -> list[tuple[str, str, list[str]]]:
        """(id, kind, evidence ids) of the findings whose id starts so."""
        rows = self.db.execute("SELECT id, kind, evidence_ids FROM findings WHERE id LIKE ?", (prefix + "%",))
        return [(r[0], r[1], json.loads(r[2])) for r in rows]

    # marks ---------------------------------------------------------------------------------------
    def marks(self) -> dict[str, Mark]:
        rows = self.db.execute("SELECT finding_id, kind, evidence_ids, note, actor, at FROM finding_marks")
        return {r[0]: Mark(r[0], r[1], json.loads(r[2]), r[3], r[4], r[5]) for r in rows}

    def put_mark(self, mark: Mark) -> None:
        self.db.execute(
            dialect_of(self.db).insert_replace(
                "finding_marks", ("finding_id", "kind", "evidence_ids", "note", "actor", "at"), key=("finding_id",)),
            (mark.finding_id, mark.kind, json.dumps(mark.evidence_ids), mark.note, mark.actor, mark.at),
        )
