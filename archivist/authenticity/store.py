"""Findings and their "explained" marks in the catalogue.

Findings are derived (a check recomputes them), kept in `findings` so the dashboard and the 情况通报
can read the last check without re-running it. A mark ("同一垃圾站，不同日期") is a person's judgement:
`finding_marks` is under the audit chain and every mark is an audit entry. Marks attach to a
finding's stable id (kind + files + subject), so they survive re-running the check.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from ..catalogue import Catalogue, now
from .finding import KIND_LABELS, Finding


class FindingError(ValueError):
    """A mark that cannot be made: the message says why, in one Chinese line."""


@dataclass
class Mark:
    finding_id: str
    kind: str
    evidence_ids: list[str]
    note: str
    actor: str
    at: str

    def to_json(self) -> dict[str, object]:
        return self.__dict__.copy()


def marks(catalogue: Catalogue) -> dict[str, Mark]:
    rows = catalogue.db.execute("SELECT finding_id, kind, evidence_ids, note, actor, at FROM finding_marks")
    return {r[0]: Mark(r[0], r[1], json.loads(r[2]), r[3], r[4], r[5]) for r in rows}


def apply_marks(catalogue: Catalogue, findings: Sequence[Finding]) -> None:
    known = marks(catalogue)
    for f in findings:
        mark = known.get(f.id)
        f.explained = mark is not None
        f.note = mark.note if mark else ""


def save_findings(catalogue: Catalogue, findings: Sequence[Finding], kinds: Sequence[str] | None = None) -> None:
    """Record the check's findings (new ones, still-present ones; vanished ones made inactive) and audit it."""
    at = now()
    scope = list(kinds) if kinds else list(KIND_LABELS)
    with catalogue.transaction() as db:
        marks_kinds = ",".join("?" for _ in scope)
        db.execute(f"UPDATE findings SET active=0 WHERE kind IN ({marks_kinds})", scope)
        for f in findings:
            db.execute(
                "INSERT INTO findings(id, kind, evidence_ids, severity, detail, evidence, subject, first_seen,"
                " last_seen, active) VALUES (?,?,?,?,?,?,?,?,?,1)"
                " ON CONFLICT(id) DO UPDATE SET severity=excluded.severity,"
                " detail=excluded.detail, evidence=excluded.evidence, last_seen=excluded.last_seen, active=1",
                (f.id, f.kind, json.dumps(f.evidence_ids), f.severity, f.detail,
                 json.dumps(f.evidence, ensure_ascii=False, default=str), f.subject, at, at),
            )
        counts: dict[str, int] = {}
        for f in findings:
            counts[f.kind] = counts.get(f.kind, 0) + 1
        catalogue.audit("check", None, {"findings": len(findings), "by_kind": counts, "kinds": scope})


def stored_findings(catalogue: Catalogue, active_only: bool = True) -> list[Finding]:
    """The last check's findings as stored (for the dashboard and reports: no re-run)."""
    sql = "SELECT id, kind, evidence_ids, severity, detail, evidence, subject FROM findings"
    if active_only:
        sql += " WHERE active=1"
    out = []
    for row in catalogue.db.execute(sql + " ORDER BY kind, id"):
        out.append(Finding(row[1], json.loads(row[2]), row[3], row[4], json.loads(row[5]), subject=row[6]))
    apply_marks(catalogue, out)
    return out


def explain(catalogue: Catalogue, finding_id: str, note: str) -> Mark:
    """Mark a finding explained with the reason (audited); the id may be abbreviated to 4+ characters."""
    note = (note or "").strip()
    if not note:
        raise FindingError("标记为已说明须用 --note 写明理由（如“同一垃圾站，不同日期”）")
    wanted = finding_id.strip().lower()
    if len(wanted) < 4:
        raise FindingError(f"核查发现编号 {finding_id} 太短：请至少给出 4 位（见 archivist check 的输出）")
    rows = catalogue.db.execute(
        "SELECT id, kind, evidence_ids FROM findings WHERE id LIKE ?", (wanted + "%",)
    ).fetchall()
    if not rows:
        raise FindingError(f"没有编号为 {finding_id} 的核查发现：请先运行 archivist check，再用其输出中的编号")
    if len(rows) > 1:
        raise FindingError(f"编号 {finding_id} 对应多条核查发现：请给出更长的编号")
    fid, kind, ids = rows[0]
    mark = Mark(fid, kind, json.loads(ids), note, catalogue._actor, now())
    with catalogue.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO finding_marks(finding_id, kind, evidence_ids, note, actor, at)"
            " VALUES (?,?,?,?,?,?)",
            (mark.finding_id, mark.kind, json.dumps(mark.evidence_ids), mark.note, mark.actor, mark.at),
        )
        catalogue.audit("finding_explained", mark.evidence_ids[0] if len(mark.evidence_ids) == 1 else None,
                        {"finding": fid, "kind": kind, "evidence_ids": mark.evidence_ids, "note": note})
    return mark
