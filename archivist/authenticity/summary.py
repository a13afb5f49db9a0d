"""What the last `check` found, for the 情况通报's internal section and the dashboard panel.

Read from the stored findings (no re-run while a report is written or a page is served); explained
findings are counted apart, since a finding marked "同一垃圾站，不同日期" is answered and no longer a
risk to report. The sentences are written in the documents' register (numbers set close to the
characters, no zero counts), because they go into a 情况通报 unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalogue import Catalogue
from ..workspace import Workspace
from .finding import KIND_LABELS, KINDS, SEVERITY_LABELS
from .store import stored_findings

EXAMPLES = 3  # open findings of each kind shown on the dashboard


@dataclass(frozen=True)
class OpenFinding:
    """One finding not yet explained, as the dashboard lists it (id to pass to `check --explain`)."""

    id: str
    severity: str
    severity_label: str
    detail: str


@dataclass(frozen=True)
class FindingsLine:
    kind: str
    label: str  # 照片重复使用 …
    open: int  # not yet explained
    high: int  # of them, high severity
    explained: int
    text: str  # the sentence for the report
    examples: list[OpenFinding] = field(default_factory=list)  # the most serious open ones

    def to_json(self) -> dict[str, object]:
        out = self.__dict__.copy()
        out["examples"] = [e.__dict__.copy() for e in self.examples]
        return out


def findings_summary(ws: Workspace, catalogue: Catalogue) -> list[FindingsLine]:
    """One line per kind with findings from the last check (none when nothing was found or not yet run)."""
    findings = stored_findings(catalogue)
    order = {"high": 0, "medium": 1, "low": 2}
    lines = []
    for kind in KINDS:
        mine = [f for f in findings if f.kind == kind]
        if not mine:
            continue
        still = sorted((f for f in mine if not f.explained), key=lambda f: (order.get(f.severity, 9), f.id))
        high = sum(1 for f in still if f.severity == "high")
        explained = len(mine) - len(still)
        label = KIND_LABELS[kind]
        if still:
            text = f"{label}{len(still)}处待核实" + (f"（其中高风险{high}处）" if high else "")
            if explained:
                text += f"，已说明{explained}处"
        else:
            text = f"{label}{explained}处均已说明"
        examples = [OpenFinding(f.id, f.severity, SEVERITY_LABELS.get(f.severity, f.severity), f.detail)
                    for f in still[:EXAMPLES]]
        lines.append(FindingsLine(kind, label, len(still), high, explained, text, examples))
    return lines


def briefing_sentence(lines: list[FindingsLine]) -> str:
    """The internal section's paragraph of the 情况通报 ("" when the last check found nothing)."""
    if not lines:
        return ""
    still = sum(line.open for line in lines)
    head = "经对已归档材料开展真实性核查，" + "；".join(line.text for line in lines) + "。"
    if not still:
        return head + "上述情况均已核实说明。"
    return (head + "以上情况仅供内部掌握，请资料组逐条核实：属实的督促相关单位重新提供真实材料，"
            "确有合理原因的写明理由后标为已说明，迎检前全部清零。")
