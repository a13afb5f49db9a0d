"""The internal section of the 情况通报: what the last `check` found, one typed line per kind.

Read from the stored findings (no re-run while a report is written); explained findings are counted
apart, since a finding marked "同一垃圾站，不同日期" is answered and no longer a risk to report.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogue import Catalogue
from ..workspace import Workspace
from .finding import KIND_LABELS, KINDS
from .store import stored_findings


@dataclass(frozen=True)
class FindingsLine:
    kind: str
    label: str  # 照片重复使用 …
    open: int  # not yet explained
    high: int  # of them, high severity
    explained: int
    text: str  # the sentence for the report

    def to_json(self) -> dict[str, object]:
        return self.__dict__.copy()


def findings_summary(ws: Workspace, catalogue: Catalogue) -> list[FindingsLine]:
    """One line per kind with findings from the last check (none when nothing was found or not yet run)."""
    findings = stored_findings(catalogue)
    lines = []
    for kind in KINDS:
        mine = [f for f in findings if f.kind == kind]
        if not mine:
            continue
        still = [f for f in mine if not f.explained]
        high = sum(1 for f in still if f.severity == "high")
        explained = len(mine) - len(still)
        label = KIND_LABELS[kind]
        text = f"{label} {len(still)} 处待核实" + (f"（其中高风险 {high} 处）" if high else "")
        if explained:
            text += f"，已说明 {explained} 处"
        lines.append(FindingsLine(kind, label, len(still), high, explained, text))
    return lines
