"""Findings and their "explained" marks in the catalogue.

Findings are derived (a check recomputes them), kept in `findings` so the dashboard and the 情况通报
can read the last check without re-running it. A mark ("同一垃圾站，不同日期") is a person's judgement:
`finding_marks` is under the audit chain and every mark is an audit entry. Marks attach to a
finding's stable id (kind + files + subject), so they survive re-running the check.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..catalogue import Catalogue, now
from ..catalogue.findings import Mark, StoredFinding
from .finding import KIND_LABELS, Finding


class FindingError(ValueError):
    """A mark that cannot be made: the message says why, in one Chinese line."""


def marks(catalogue: Catalogue) -> dict[str, Mark]:
    return catalogue.findings.marks()


def apply_marks(catalogue: Catalogue, findings: Sequence[Finding]) -> None:
    known = marks(catalogue)
    for f in findings:
        mark = known.get(f.id)
        f.explained = mark is not None
        f.note = mark.note if mark else ""


def save_findings(catalogue: Catalogue, findings: Sequence[Finding], kinds: Sequence[str] | None = None) -> None:
    """Record the check's findings (new ones, still-present ones; vanished ones made inactive) and audit it."""
    scope = list(kinds) if kinds else list(KIND_LABELS)
    with catalogue.transaction():
        catalogue.findings.replace_findings(scope, [
            StoredFinding(f.id, f.kind, f.evidence_ids, f.severity, f.detail, f.evidence, f.subject) for f in findings
        ], now())
        counts: dict[str, int] = {}
        for f in findings:
            counts[f.kind] = counts.get(f.kind, 0) + 1
        catalogue.audit("check", None, {"findings": len(findings), "by_kind": counts, "kinds": scope})


def stored_findings(catalogue: Catalogue, active_only: bool = True) -> list[Finding]:
    """The last check's findings as stored (for the dashboard and reports: no re-run)."""
    out = [Finding(r.kind, r.evidence_ids, r.severity, r.detail, r.evidence, subject=r.subject)
           for r in catalogue.findings.findings(active_only)]
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
    rows = catalogue.findings.with_prefix(wanted)
    if not rows:
        raise FindingError(f"没有编号为 {finding_id} 的核查发现：请先运行 archivist check，再用其输出中的编号")
    if len(rows) > 1:
        raise FindingError(f"编号 {finding_id} 对应多条核查发现：请给出更长的编号")
    fid, kind, ids = rows[0]
    mark = Mark(fid, kind, ids, note, catalogue.local_account, now())
    with catalogue.transaction():
        catalogue.findings.put_mark(mark)
        catalogue.audit("finding_explained", mark.evidence_ids[0] if len(mark.evidence_ids) == 1 else None,
                        {"finding": fid, "kind": kind, "evidence_ids": mark.evidence_ids, "note": note})
    return mark
