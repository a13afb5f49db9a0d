"""催报: per unit, each required evidence item it owes and where it stands — 未报送, 待审核, 退回 (with the
reason), 已通过, or covered by evidence already in the archive — with the deadline from the evidence
milestone ([assessment.milestones]) and whether it is past. The 催报通知 document and the web page print this.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from ..catalogue import Catalogue
from ..workspace import Workspace
from .submissions import ACCEPTED, NOT_SENT, PENDING, RETURNED, list_submissions, unit_indicators

COVERED = "已有材料"  # covered by evidence filed some other way (inbox, ingest): nothing to chase
OWED = (NOT_SENT, RETURNED)


@dataclass
class ItemState:
    indicator: str
    indicator_name: str
    item_no: int
    item: str
    state: str
    role: str  # 牵头 | 配合
    reason: str = ""
    submission: str | None = None
    version: int = 0
    late: bool = False


@dataclass
class UnitReminder:
    unit: str
    deadline: str | None
    days_left: int | None
    items: list[ItemState] = field(default_factory=list)

    @property
    def missing(self) -> list[ItemState]:
        return [i for i in self.items if i.state == NOT_SENT]

    @property
    def returned(self) -> list[ItemState]:
        return [i for i in self.items if i.state == RETURNED]

    @property
    def late(self) -> list[ItemState]:
        return [i for i in self.items if i.late]

    @property
    def counts(self) -> dict[str, int]:
        keys = (NOT_SENT, PENDING, RETURNED, ACCEPTED, COVERED)
        return {k: sum(i.state == k for i in self.items) for k in keys}

    @property
    def owes(self) -> bool:
        return any(i.state in OWED for i in self.items)

    def to_json(self) -> dict[str, Any]:
        return {"unit": self.unit, "deadline": self.deadline, "days_left": self.days_left, "counts": self.counts,
                "missing": len(self.missing), "returned": len(self.returned), "late": len(self.late),
                "items": [asdict(i) for i in self.items]}


def evidence_deadline(ws: Workspace) -> dt.date | None:
    """The earliest evidence milestone (佐证/材料/收集/查漏) before the inspection, or None when not configured."""
    from ..assess.countdown import milestone_kind

    inspection = ws.config.inspection
    if inspection is None:
        return None
    days = [int(n) for name, n in ws.config.milestones.items() if milestone_kind(name) == "evidence"]
    return inspection - dt.timedelta(days=max(days)) if days else inspection


def all_units(ws: Workspace, catalogue: Catalogue) -> list[str]:
    from .users import units

    names = set(units(catalogue))
    for ind in ws.frameworks.indicators():
        if ind.lead_unit:
            names.add(ind.lead_unit)
        names.update(u for u in (ind.responsible_units or []) if u)
    return sorted(names)


def reminders(ws: Workspace, catalogue: Catalogue, unit: str | None = None,
              today: dt.date | None = None, statuses: list[Any] | None = None) -> list[UnitReminder]:
    """What each unit (or one) owes, the units owing most first. `statuses` are the indicators'
    completeness already computed (the web server keeps them per catalogue change); without them they
    are computed here, a pass over every filed record."""
    from ..assess.status import compute_status

    today = today or dt.date.today()
    deadline = evidence_deadline(ws)
    if statuses is None:
        statuses = compute_status(ws, catalogue, ledgers=False)
    covered = {(s.code, c.item_no) for s in statuses for c in s.items if c.covered}
    subs = {(s.unit, s.indicator, s.item_no): s for s in list_submissions(catalogue, unit=unit)}
    result = []
    for name in ([unit] if unit else all_units(ws, catalogue)):
        r = UnitReminder(name, deadline.isoformat() if deadline else None,
                         (deadline - today).days if deadline else None)
        for ind in unit_indicators(ws, name):
            role = "牵头" if ind.lead_unit == name else "配合"
            for n, item in enumerate(ind.evidence, 1):
                sub = subs.get((name, ind.code, n))
                state = sub.state if sub else (COVERED if (ind.code, n) in covered else NOT_SENT)
                r.items.append(ItemState(
                    ind.code, ind.name, n, item, state, role, reason=sub.reason if sub else "",
                    submission=sub.id if sub else None, version=sub.version if sub else 0,
                    late=state in OWED and deadline is not None and today > deadline))
        if r.items or unit:
            result.append(r)
    return sorted(result, key=lambda r: (-len(r.late), -len(r.missing) - len(r.returned), r.unit))
