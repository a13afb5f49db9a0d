"""The one summary (汇总): every figure the dashboard, ``status``, ``score list``, the reports and the
speech print, computed once from the same assessment results.

Before this module each page counted for itself — the dashboard and ``score list`` printed the gap to
the 优秀 line on the claimed total while the 自评报告 printed it on the evidence-backed total, and a
speech said "缺失0项" next to "15项指标佐证材料缺失或不全" because one sentence counted the indicators
with *no* evidence and the next those *not complete*. Here each figure has one name and one meaning:

* ``missing`` — indicators with no counted evidence at all (状态“缺失”);
* ``incomplete`` — indicators not complete (缺失 + 部分齐全): what "缺失或不全" means;
* ``ScoreFigures.gap`` — distance to the 优秀 line on the claimed total (自评总分);
* ``ScoreFigures.backed_gap`` — the same on the evidence-backed total (有佐证支撑的得分).

Wherever a page prints "还差N分" it names which of the two it is, and the numbers come from here.

The summary also checks the assessment year: a workspace set up for 2026 whose evidence is all
dated 2024 shows most indicators empty for a reason nobody sees. :class:`YearCheck` says so and names
the year the evidence belongs to, and every page that prints figures prints that warning first.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..authenticity.summary import FindingsLine
    from ..catalogue import Catalogue
    from ..workspace import Workspace
    from . import Readiness

# The year check speaks only when it has enough dated evidence to say something and most of it
# falls outside the workspace's year.
YEAR_CHECK_MIN_DATED = 5
YEAR_CHECK_SHARE = 0.5


@dataclass(frozen=True)
class FrameworkFigures:
    """Indicator counts of one framework, exactly as ``status --json`` yields them."""

    id: str
    name: str
    kind: str
    indicators: int
    complete: int
    partial: int
    missing: int

    @property
    def incomplete(self) -> int:
        return self.partial + self.missing


@dataclass(frozen=True)
class ScoreFigures:
    """The self-score totals of one scored framework (as ``score list`` computes them)."""

    framework: str
    name: str
    total_points: float
    excellent_line: float
    scored: int
    unscored: int
    total: float
    backed_total: float
    gap: float  # on the claimed total
    backed_gap: float  # on the evidence-backed total

    @property
    def reached(self) -> bool:
        return self.gap <= 0

    @property
    def backed_reached(self) -> bool:
        return self.backed_gap <= 0


@dataclass(frozen=True)
class YearCheck:
    """Where the dated evidence falls against the workspace's assessment year."""

    year: int
    dated: int
    in_year: int
    likely_year: int | None
    likely_in_year: int

    @property
    def outside(self) -> int:
        return self.dated - self.in_year

    @property
    def warns(self) -> bool:
        """Most evidence outside the year, and another year would hold more of it."""
        return (self.dated >= YEAR_CHECK_MIN_DATED and self.outside > self.dated * YEAR_CHECK_SHARE
                and self.likely_year is not None and self.likely_year != self.year
                and self.likely_in_year > self.in_year)

    @property
    def message(self) -> str:
        """One line in Chinese for status, the dashboard and every report ("" when all is well)."""
        if not self.warns:
            return ""
        share = round(self.outside * 100 / self.dated)
        return (f"注意：本工作区的考核年度是{self.year}年，但已归档材料中有{share}%（{self.outside}件/{self.dated}件）"
                f"的日期不在该年度内，多数材料属于{self.likely_year}年；考核年度可能应为{self.likely_year}年，"
                f"请核对 archivist.toml 中的 assessment.year 后再使用各项统计数字")

    @property
    def document_note(self) -> str:
        """The same warning as an editor's note inside a generated document (no file or setting names)."""
        if not self.warns:
            return ""
        share = round(self.outside * 100 / self.dated)
        return (f"【请核实考核年度：本文按{self.year}年度统计，但已归档材料中有{share}%的日期不在该年度内，"
                f"多数材料属于{self.likely_year}年，考核年度可能应为{self.likely_year}年；核实前本文的统计数字不能使用。】")

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"outside": self.outside, "warns": self.warns, "message": self.message}


@dataclass
class Summary:
    """Every figure of one day's readiness picture, with the detail it was computed from."""

    today: dt.date
    county: str
    year: int
    cutoff: dt.date
    inspection: dt.date | None
    received: int
    filed: int
    unsorted: int
    duplicate: int
    quarantined: int
    frameworks: list[FrameworkFigures]
    units: int
    units_complete: int
    units_nothing: list[str]
    problems: int
    problems_open: int
    problems_overdue: int
    ledger_errors: int
    ledger_files: int
    scores: list[ScoreFigures]
    year_check: YearCheck
    readiness: Readiness | None = field(default=None, repr=False, compare=False)
    authenticity: list[FindingsLine] = field(default_factory=list)  # the last `check`, one line per kind

    # -- derived, never stored twice ------------------------------------------------------------
    @property
    def indicators(self) -> int:
        return sum(f.indicators for f in self.frameworks)

    @property
    def complete(self) -> int:
        return sum(f.complete for f in self.frameworks)

    @property
    def partial(self) -> int:
        return sum(f.partial for f in self.frameworks)

    @property
    def missing(self) -> int:
        return sum(f.missing for f in self.frameworks)

    @property
    def incomplete(self) -> int:
        return self.partial + self.missing

    @property
    def problems_closed(self) -> int:
        return self.problems - self.problems_open

    @property
    def days_left(self) -> int | None:
        """Days to the inspection; negative once it has passed, None when no date is set."""
        return (self.inspection - self.today).days if self.inspection else None

    @property
    def score(self) -> ScoreFigures | None:
        """The scored framework's totals (the 实绩考核), None when no framework is scored."""
        return self.scores[0] if self.scores else None

    @property
    def year_warning(self) -> str:
        return self.year_check.message

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "county": self.county,
            "year": self.year,
            "cutoff": self.cutoff.isoformat(),
            "inspection": self.inspection.isoformat() if self.inspection else None,
            "days_left": self.days_left,
            "received": self.received,
            "filed": self.filed,
            "unsorted": self.unsorted,
            "duplicate": self.duplicate,
            "quarantined": self.quarantined,
            "indicators": self.indicators,
            "complete": self.complete,
            "partial": self.partial,
            "missing": self.missing,
            "incomplete": self.incomplete,
            "frameworks": [asdict(f) | {"incomplete": f.incomplete} for f in self.frameworks],
            "units": self.units,
            "units_complete": self.units_complete,
            "units_nothing": list(self.units_nothing),
            "problems": self.problems,
            "problems_open": self.problems_open,
            "problems_closed": self.problems_closed,
            "problems_overdue": self.problems_overdue,
            "ledger_errors": self.ledger_errors,
            "ledger_files": self.ledger_files,
            "scores": [asdict(s) for s in self.scores],
            "year_check": self.year_check.to_json(),
            "authenticity": [line.to_json() for line in self.authenticity],
        }


# -- computing -----------------------------------------------------------------------------------


def _counts(catalogue: Catalogue) -> Counter[str]:
    return Counter(catalogue.evidence.status_counts())


def _evidence_days(catalogue: Catalogue) -> list[dt.date]:
    """The counting date of every filed or unsorted record (document date, else a photo's EXIF date)."""
    from .status import parse_date

    return [d for d in (parse_date(v) for v in catalogue.evidence.counting_dates()) if d is not None]


def _shift_year(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def year_check(ws: Workspace, days: list[dt.date]) -> YearCheck:
    """How many dates fall in the workspace's year (1 January to the data cut-off), and which year
    — its window shifted by whole years — would hold the most of them."""
    year = ws.config.year
    cutoff = ws.config.cutoff_date

    def inside(y: int) -> int:
        start, end = dt.date(y, 1, 1), _shift_year(cutoff, y - year)
        return sum(1 for d in days if start <= d <= end)

    in_year = inside(year)
    candidates = sorted({d.year for d in days} | {d.year - 1 for d in days if d.month <= 3})
    likely, likely_n = None, -1
    for y in candidates:
        n = inside(y)
        if n > likely_n or (n == likely_n and y == year):
            likely, likely_n = y, n
    return YearCheck(year, len(days), in_year, likely, max(likely_n, 0))


def summary_from(ws: Workspace, catalogue: Catalogue, ready: Readiness) -> Summary:
    """The summary of an already computed readiness picture (no second pass over the archive)."""
    from ..authenticity.summary import findings_summary
    from .status import NO_LEAD_UNIT

    today = dt.date.fromisoformat(ready.today)
    counts = _counts(catalogue)
    figures: dict[str, dict[str, Any]] = {}
    for fw in ws.frameworks.frameworks:
        figures[fw.id] = {"id": fw.id, "name": fw.short or fw.name, "kind": fw.kind, "indicators": 0,
                          "complete": 0, "partial": 0, "missing": 0}
    for s in ready.statuses:
        f = figures[s.framework]
        f["indicators"] += 1
        f[s.state] += 1
    named = [u for u in ready.units if u.unit != NO_LEAD_UNIT]
    scores = [ScoreFigures(f.framework, f.name, f.total_points, f.excellent_line,
                           sum(1 for e in ready.scores.entries if e.framework == f.framework and e.scored),
                           len(f.unscored), f.total, f.backed_total, f.gap, f.backed_gap)
              for f in ready.scores.frameworks]
    findings = ready.ledger_findings
    return Summary(
        today=today,
        county=ws.config.county,
        year=ws.config.year,
        cutoff=ws.config.cutoff_date,
        inspection=ws.config.inspection,
        received=sum(counts.values()),
        filed=counts.get("filed", 0),
        unsorted=counts.get("unsorted", 0),
        duplicate=counts.get("duplicate", 0),
        quarantined=counts.get("quarantined", 0),
        frameworks=[FrameworkFigures(**f) for f in figures.values()],
        units=len(named),
        units_complete=sum(1 for u in named if u.missing == 0 and u.partial == 0),
        units_nothing=[u.unit for u in named if u.sent_nothing],
        problems=len(ready.problems),
        problems_open=sum(1 for p in ready.problems if not p.closed),
        problems_overdue=sum(1 for p in ready.problems if p.overdue(today)),
        ledger_errors=len(findings),
        ledger_files=len({f.evidence_id for f in findings}),
        scores=scores,
        year_check=year_check(ws, _evidence_days(catalogue)),
        readiness=ready,
        authenticity=findings_summary(ws, catalogue),
    )


def compute_summary(ws: Workspace, catalogue: Catalogue, today: dt.date | None = None) -> Summary:
    """Status, scores, problems, countdown and ledger checks once (``assess.readiness``), summed up."""
    from . import readiness

    return summary_from(ws, catalogue, readiness(ws, catalogue, today))


def summary_of_status(ws: Workspace, catalogue: Catalogue, statuses: list[Any], findings: list[Any],
                      today: dt.date | None = None) -> Summary:
    """The summary around statuses ``status`` already computed (its ``--no-ledger-checks`` included):
    scores, problems and countdown are added from the same statuses, as :func:`assess.readiness` does."""
    from . import AssessError, Readiness
    from .countdown import countdown
    from .problems import list_problems, problems_by_unit
    from .scores import score_summary
    from .status import by_lead_unit

    today = today or dt.date.today()
    problems = list_problems(catalogue)
    try:
        clock = countdown(ws, catalogue, today, statuses=statuses, problems=problems)
    except AssessError:
        clock = None
    ready = Readiness(today.isoformat(), statuses, by_lead_unit(statuses),
                      score_summary(ws, catalogue, statuses=statuses), problems,
                      problems_by_unit(problems, today), clock, list(findings))
    return summary_from(ws, catalogue, ready)
