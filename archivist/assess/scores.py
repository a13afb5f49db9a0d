"""Self-assessment (自查自评): a score per indicator, its rationale and the evidence it cites.

"Evidence before claims" (DESIGN.md): a score is stored only within the indicator's points (加减分项
within their maxima), and every score above zero is checked against the evidence it cites, each
time the scores are read — evidence can be re-filed or turn out late after the score was set:

- no evidence cited, or a cited ID that is not in the catalogue;
- cited evidence that is quarantined, unsorted or a duplicate (cite the original instead);
- cited evidence dated after the data cut-off or before the assessment year;
- cited evidence filed under another indicator (and not linked to this one);
- a full mark while the indicator's required evidence items are not all covered (status).

A score none of whose cited evidence is usable is flagged "自评满分但佐证不足" (or "自评得分但佐证不足"
for a partial score): the failure an inspection punishes hardest. Totals are shown both as claimed
and as backed (flagged scores counted as zero), with the distance to the 优秀 line.

Penalty items (扣分项) are stored as negative points; `score set X02 2` and `score set X02 -2` both
mean "2 points deducted". 后评估 items are graded, not scored, and are refused here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from ..catalogue import actor
from ..framework import ADJUSTMENT_CATEGORY, Indicator
from ..validate import InvalidValue, finite_number
from . import AssessError
from .status import COMPLETE, IndicatorStatus, date_problem, evidence_date, serves

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..workspace import Workspace

FULL_UNBACKED = "自评满分但佐证不足"
PARTIAL_UNBACKED = "自评得分但佐证不足"


@dataclass
class ScoreEntry:
    """One indicator's self-score (None when not yet scored), its cited evidence and what is wrong with it.

    `flags` are one-line Chinese warnings; `backed` is True when at least one cited piece of evidence
    is usable (filed, in date, filed under or linked to this indicator); `headline` is
    "自评满分但佐证不足"/"自评得分但佐证不足" when a positive score is not backed at all.
    """

    framework: str
    category_code: str
    category_name: str
    code: str
    name: str
    kind: str  # base | bonus | penalty
    max_points: float  # the indicator's points, or the maximum of a 加减分项
    points: float | None = None
    note: str = ""
    evidence: list[str] = field(default_factory=list)
    updated_at: str = ""
    actor: str = ""
    flags: list[str] = field(default_factory=list)
    backed: bool = False
    headline: str | None = None

    @property
    def scored(self) -> bool:
        return self.points is not None

    @property
    def full_mark(self) -> bool:
        return self.points is not None and self.kind == "base" and self.points >= self.max_points > 0

    @property
    def backed_points(self) -> float:
        """Points that survive a check of the evidence: flagged positive scores count zero, deductions stay."""
        if self.points is None:
            return 0.0
        if self.points > 0 and not self.backed:
            return 0.0
        return self.points

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"scored": self.scored, "full_mark": self.full_mark, "backed_points": self.backed_points}


@dataclass
class CategoryScore:
    """Totals of one 大类 (or of the 加减分项 group) of a scored framework."""

    code: str
    name: str
    max_points: float
    points: float = 0.0
    backed_points: float = 0.0
    scored: int = 0
    indicators: int = 0


@dataclass
class FrameworkScore:
    """Totals of one scored framework: base, bonus, penalty, overall, and the distance to 优秀."""

    framework: str
    name: str
    total_points: float
    excellent_line: float
    categories: list[CategoryScore] = field(default_factory=list)
    base: float = 0.0
    bonus: float = 0.0
    penalty: float = 0.0  # ≤ 0
    backed_total: float = 0.0
    unscored: list[str] = field(default_factory=list)

    @property
    def total(self) -> float:
        return round(self.base + self.bonus + self.penalty, 2)

    @property
    def gap(self) -> float:
        """Points still needed to reach the 优秀 line (0 when reached), on the claimed total."""
        return round(max(self.excellent_line - self.total, 0.0), 2)

    @property
    def backed_gap(self) -> float:
        """Points still needed on the evidence-backed total: what an inspector would likely confirm."""
        return round(max(self.excellent_line - self.backed_total, 0.0), 2)

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"total": self.total, "gap": self.gap, "backed_gap": self.backed_gap}


@dataclass
class ScoreSummary:
    """Everything `score list` shows: per-indicator entries and per-framework totals."""

    entries: list[ScoreEntry]
    frameworks: list[FrameworkScore]

    @property
    def flagged(self) -> list[ScoreEntry]:
        return [e for e in self.entries if e.flags]

    def to_json(self) -> dict[str, Any]:
        return {
            "frameworks": [f.to_json() for f in self.frameworks],
            "entries": [e.to_json() for e in self.entries],
            "flagged": [e.code for e in self.flagged],
        }


# storage ---------------------------------------------------------------------------------------
def _scorable(ws: Workspace, code: str) -> Indicator:
    ind = ws.frameworks.indicator(code)
    if ind is None:
        raise AssessError(f"找不到指标 {code}：请用 archivist status 查看指标代码")
    if ind.kind == "graded":
        fw = ws.frameworks.framework(ind.framework_id)
        name = fw.short if fw else ind.framework_id
        raise AssessError(f"{code} 属于{name}（按等次评价），不自评打分：请只给实绩考核指标打分")
    return ind


def check_points(ind: Indicator, points: float) -> float:
    """The points as stored (penalties negative), or AssessError saying the allowed range."""
    try:  # nan passes every range check below (all comparisons with it are false): refuse it first
        points = finite_number(points, f"{ind.code} 的自评分")
    except InvalidValue as exc:
        raise AssessError(str(exc)) from None
    if ind.kind == "penalty":
        if abs(points) > ind.max_points:
            raise AssessError(f"{ind.code} 最多扣 {ind.max_points:g} 分，不能扣 {abs(points):g} 分："
                              f"请填写 0–{ind.max_points:g}")
        return -abs(points)
    limit = ind.max_points if ind.kind == "bonus" else ind.points
    what = f"加分项 {ind.code}（{ind.name}）的上限" if ind.kind == "bonus" else f"指标 {ind.code}（{ind.name}）的分值"
    if points < 0:
        raise AssessError(f"自评分不能为负数（{points:g}）：请填写 0–{limit:g} 之间的分数")
    if points > limit + 1e-9:
        raise AssessError(f"自评分 {points:g} 超过{what} {limit:g} 分：请填写 0–{limit:g} 之间的分数")
    return points


def set_score(
    ws: Workspace,
    catalogue: Catalogue,
    code: str,
    points: float,
    note: str = "",
    evidence: list[str] | None = None,
) -> ScoreEntry:
    """Store (replace) the self-score of one indicator and return it with its flags.

    Refuses unknown or graded indicators, points outside the indicator's range and evidence IDs not
    in the catalogue (AssessError). A positive score without usable evidence is stored but flagged.
    """
    ind = _scorable(ws, code.upper())
    stored_points = check_points(ind, points)
    ids: list[str] = []
    for raw in evidence or []:
        record = catalogue.get(raw)
        if record is None:
            raise AssessError(f"找不到编号为 {raw} 的材料：请用 archivist list 查看材料编号")
        if record["id"] not in ids:
            ids.append(record["id"])
    with catalogue.transaction():
        catalogue.scores.put(ind.code, stored_points, note, ids, actor())
        catalogue.audit("score_set", ids[0] if len(ids) == 1 else None,
                        {"code": ind.code, "points": stored_points, "note": note, "evidence": ids})
    summary = score_summary(ws, catalogue, codes={ind.code})
    return next(e for e in summary.entries if e.code == ind.code)


def clear_score(ws: Workspace, catalogue: Catalogue, code: str) -> bool:
    """Remove an indicator's self-score (audited). Returns False when there was none."""
    ind = _scorable(ws, code.upper())
    with catalogue.transaction():
        removed = catalogue.scores.remove(ind.code)
        if removed:
            catalogue.audit("score_cleared", None, {"code": ind.code})
    return removed


# checking --------------------------------------------------------------------------------------
def evidence_problem(ws: Workspace, code: str, record: dict[str, Any] | None, raw_id: str) -> str | None:
    """Why one cited record does not back a score of indicator `code`, or None if it does."""
    if record is None:
        return f"引用的材料 {raw_id} 不在档案中"
    title = record.get("title") or record.get("original_name") or record["id"]
    status = record.get("status")
    if status == "quarantined":
        return f"引用的材料 {record['id']}（{title}）已隔离，无法作为佐证"
    if status == "unsorted":
        return f"引用的材料 {record['id']}（{title}）尚未归档（待分类）：请先 archivist assign 归入 {code}"
    if status == "duplicate":
        return f"引用的材料 {record['id']} 是重复件：请改为引用原件 {record.get('duplicate_of')}"
    problem = date_problem(ws, evidence_date(record), record)
    if problem:
        return f"引用的材料 {record['id']}（{title}）{problem}"
    if not serves(ws, code, record):
        where = record.get("indicator") or "无"
        return f"引用的材料 {record['id']}（{title}）归在其他指标（{where}）下，不是 {code} 的佐证"
    return None


def check_entry(ws: Workspace, catalogue: Catalogue, entry: ScoreEntry, status: IndicatorStatus | None) -> None:
    """Fill `flags`, `backed` and `headline` of a scored entry."""
    entry.flags, entry.backed, entry.headline = [], False, None
    if entry.points is None or entry.kind == "penalty":
        entry.backed = entry.points is not None
        return
    usable = 0
    for raw in entry.evidence:
        problem = evidence_problem(ws, entry.code, catalogue.get(raw), raw)
        if problem:
            entry.flags.append(problem)
        else:
            usable += 1
    entry.backed = usable > 0
    if entry.points > 0 and not entry.evidence:
        entry.flags.insert(0, "未引用任何佐证材料：请用 --evidence 指定材料编号")
    if entry.points > 0 and not entry.backed:
        entry.headline = FULL_UNBACKED if entry.full_mark or (
            entry.kind == "bonus" and entry.points >= entry.max_points) else PARTIAL_UNBACKED
    if entry.full_mark and status is not None and status.state != COMPLETE:
        missing = "、".join(status.missing) if status.missing else "全部佐证"
        entry.flags.append(f"自评满分，但指标佐证材料不全（缺：{missing}）")
        if entry.backed:
            entry.headline = entry.headline or FULL_UNBACKED


def score_summary(
    ws: Workspace,
    catalogue: Catalogue,
    statuses: list[IndicatorStatus] | None = None,
    codes: set[str] | None = None,
) -> ScoreSummary:
    """Every scorable indicator with its score and flags, and the totals per category and framework.

    `statuses` (from compute_status) is used to flag full marks on incomplete indicators; when not
    given it is computed without the ledger checks. `codes` limits the flag checks to some entries
    (the totals still cover everything).
    """
    if statuses is None:
        from .status import compute_status

        statuses = compute_status(ws, catalogue, ledgers=False)
    status_by_code = {s.code: s for s in statuses}
    stored = catalogue.scores.all()
    entries: list[ScoreEntry] = []
    frameworks: list[FrameworkScore] = []
    for fw in ws.frameworks.frameworks:
        if fw.kind != "scored":
            continue
        total = FrameworkScore(fw.id, fw.short or fw.name, fw.total_points, ws.config.excellent_line)
        for cat in fw.categories:
            is_adjustment = cat.code == ADJUSTMENT_CATEGORY
            cat_total = CategoryScore(cat.code, cat.name, 0.0 if is_adjustment else cat.points)
            for ind in cat.indicators:
                row = stored.get(ind.code)
                entry = ScoreEntry(
                    framework=fw.id,
                    category_code=cat.code,
                    category_name=cat.name,
                    code=ind.code,
                    name=ind.name,
                    kind=ind.kind,
                    max_points=ind.max_points if ind.kind in ("bonus", "penalty") else ind.points,
                )
                if row:
                    entry.points = row.points
                    entry.note = row.note
                    entry.evidence = list(row.evidence)
                    entry.updated_at = row.updated_at
                    entry.actor = row.actor
                    if codes is None or ind.code in codes:
                        check_entry(ws, catalogue, entry, status_by_code.get(ind.code))
                entries.append(entry)
                cat_total.indicators += 1
                if entry.points is None:
                    if ind.kind == "base":
                        total.unscored.append(ind.code)
                    continue
                cat_total.scored += 1
                cat_total.points += entry.points
                cat_total.backed_points += entry.backed_points
                if ind.kind == "bonus":
                    total.bonus += entry.points
                elif ind.kind == "penalty":
                    total.penalty += entry.points
                else:
                    total.base += entry.points
                total.backed_total += entry.backed_points
            cat_total.points = round(cat_total.points, 2)
            cat_total.backed_points = round(cat_total.backed_points, 2)
            total.categories.append(cat_total)
        total.base, total.bonus, total.penalty = round(total.base, 2), round(total.bonus, 2), round(total.penalty, 2)
        total.backed_total = round(total.backed_total, 2)
        frameworks.append(total)
    return ScoreSummary(entries, frameworks)
