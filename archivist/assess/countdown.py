"""Countdown to the inspection (倒排时间): milestones T-N, what is late, and whose it is.

The inspection date and the milestones come from archivist.toml ([assessment] inspection_date and
[assessment.milestones] "name" = N days before). A milestone is *measured* when its name says what
it is about, so that "late" means something concrete and names the units to chase:

- evidence (名称含 佐证/材料/收集/查漏): done when every indicator's required evidence is covered; late
  units are the lead units of incomplete indicators;
- problems (整改/销号/问题): done when no problem is open; late units are those with open problems;
- scores (自评/打分/评分): done when every scored indicator has a self-score and none is flagged;
- freeze (冻结/定稿/封存): done once its day has come; late if evidence arrived after that day.

Other milestones are shown with their dates only (state "unknown" once due). States: done, late
(past due and not done), due_soon (not done, due within DUE_SOON_DAYS), pending.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from . import AssessError

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..workspace import Workspace
    from .problems import Problem
    from .status import IndicatorStatus

DUE_SOON_DAYS = 3
DONE, LATE, DUE_SOON, PENDING, UNKNOWN = "done", "late", "due_soon", "pending", "unknown"
STATE_LABELS = {DONE: "已完成", LATE: "已逾期", DUE_SOON: "临近", PENDING: "未到期", UNKNOWN: "待确认"}

MILESTONE_KINDS: list[tuple[str, tuple[str, ...]]] = [
    ("problems", ("整改", "销号", "问题")),
    ("scores", ("自评", "打分", "评分")),
    ("freeze", ("冻结", "定稿", "封存")),
    ("evidence", ("佐证", "材料", "收集", "查漏")),
]


@dataclass
class Milestone:
    """One T-N milestone: its due date, state, and the units that have not done their part."""

    name: str
    days_before: int
    due: str
    days_left: int  # until the milestone's own due date (negative: past)
    kind: str  # evidence | problems | scores | freeze | other
    state: str
    detail: str = ""
    units: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"T-{self.days_before} {self.name}"


@dataclass
class LateItem:
    """Something past its date, and whose it is: a milestone not met or an overdue problem."""

    what: str
    unit: str
    due: str
    days_late: int


@dataclass
class Countdown:
    """Days left to the inspection, each milestone, and everything that is late."""

    today: str
    inspection_date: str
    days_left: int
    milestones: list[Milestone] = field(default_factory=list)
    late: list[LateItem] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"milestones": [asdict(m) | {"label": m.label} for m in self.milestones]}


def milestone_kind(name: str) -> str:
    for kind, words in MILESTONE_KINDS:
        if any(w in name for w in words):
            return kind
    return "other"


def countdown(
    ws: Workspace,
    catalogue: Catalogue | None = None,
    today: dt.date | None = None,
    *,
    statuses: list[IndicatorStatus] | None = None,
    problems: list[Problem] | None = None,
) -> Countdown:
    """The countdown as of `today` (default: the real today).

    Without a catalogue one is opened on the workspace. `statuses`/`problems` may be passed when
    the caller already has them (a report that shows all three).
    """
    inspection = ws.config.inspection
    if inspection is None:
        raise AssessError('archivist.toml 未设置迎检日期：请在 [assessment] 中填写 inspection_date = "YYYY-MM-DD"')
    today = today or dt.date.today()
    own = catalogue is None
    if catalogue is None:
        from ..catalogue import open_catalogue

        catalogue = open_catalogue(ws)
    try:
        if statuses is None:
            from .status import compute_status

            statuses = compute_status(ws, catalogue, ledgers=False)
        if problems is None:
            from .problems import list_problems

            problems = list_problems(catalogue)
        result = Countdown(today.isoformat(), inspection.isoformat(), (inspection - today).days)
        for name, days in sorted(ws.config.milestones.items(), key=lambda kv: -int(kv[1])):
            due = inspection - dt.timedelta(days=int(days))
            m = Milestone(name, int(days), due.isoformat(), (due - today).days, milestone_kind(name), PENDING)
            done = _measure(ws, catalogue, m, due, today, statuses, problems)
            if done is None:
                m.state = UNKNOWN if today >= due else PENDING
            elif done:
                m.state = DONE
            elif today > due:
                m.state = LATE
            elif (due - today).days <= DUE_SOON_DAYS:
                m.state = DUE_SOON
            result.milestones.append(m)
            if m.state == LATE:
                for unit in m.units or ["（未明确）"]:
                    result.late.append(LateItem(m.label, unit, m.due, (today - due).days))
        for p in problems:
            if p.overdue(today):
                deadline = dt.date.fromisoformat(p.deadline or today.isoformat())
                result.late.append(LateItem(f"问题 #{p.id} 整改逾期：{p.description[:40]}", p.unit or "未明确责任单位",
                                            p.deadline or "", (today - deadline).days))
        result.late.sort(key=lambda x: (-x.days_late, x.unit))
        return result
    finally:
        if own:
            catalogue.close()


def _measure(ws: Workspace, catalogue: Catalogue, m: Milestone, due: dt.date, today: dt.date,
             statuses: list[IndicatorStatus], problems: list[Problem]) -> bool | None:
    """Whether the milestone's work is done (filling detail and units), or None when it cannot be told."""
    if m.kind == "evidence":
        behind = [s for s in statuses if s.state != "complete"]
        m.units = sorted({s.lead_unit for s in behind})
        m.detail = f"{len(statuses) - len(behind)}/{len(statuses)} 项指标佐证齐全"
        return not behind
    if m.kind == "problems":
        open_ = [p for p in problems if not p.closed]
        m.units = sorted({p.unit or "未明确责任单位" for p in open_})
        m.detail = f"{len(problems) - len(open_)}/{len(problems)} 个问题已销号"
        return not open_
    if m.kind == "scores":
        from .scores import score_summary

        summary = score_summary(ws, catalogue, statuses=statuses)
        base = [e for e in summary.entries if e.kind == "base"]
        behind_codes = {e.code for e in base if not e.scored or e.flags}
        m.units = sorted({s.lead_unit for s in statuses if s.code in behind_codes})
        m.detail = f"{len(base) - len(behind_codes)}/{len(base)} 项指标已自评且有佐证"
        return not behind_codes
    if m.kind == "freeze":
        if today < due:
            m.detail = f"{due.isoformat()} 起档案冻结"
            return False
        units = catalogue.evidence.units_received_since(due.isoformat())
        late = len(units)
        m.units = sorted({u or "未注明单位" for u in units})
        m.detail = f"冻结后又收到 {late} 件材料" if late else "已冻结"
        return late == 0
    return None
