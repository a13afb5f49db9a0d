"""Inspection readiness (issue #5): gaps, evidence-backed self-scores, the rectification ledger, countdown.

What the evidence group and the leaders steer by in the weeks before an inspection. Everything here
is a pure function of the workspace (archivist.toml, frameworks) and the catalogue; the CLI
(archivist/commands/assess_cmd.py) and the report generators only format the results. Dates that
depend on "today" take a `today: datetime.date | None` (None = the real today) so that a report or
a rehearsal can be computed for any day.

API for report generators (all dataclasses have `to_json()` unless noted)
-----------------------------------------------------------------------
Completeness — archivist.assess.status
    compute_status(ws, catalogue, *, ledgers=True, records=None) -> list[IndicatorStatus]
        One per indicator of every framework in use, in framework order. IndicatorStatus: framework,
        framework_name, category_code, category_name, code, name, points, kind, max_points,
        lead_unit, lead_unit_inferred, evidence: list[EvidenceRef], items: list[ItemCoverage]
        (item, covered, evidence ids, score), flagged: list[FlaggedEvidence] (id, title, doc_date,
        reason — late/early evidence, not counted), undated: list[str], ledger_errors:
        list[LedgerFinding]; properties evidence_count, required, covered, missing, state
        ("complete" | "partial" | "missing"). to_json() is CLI.md's `status --json` entry.
    by_lead_unit(statuses) -> list[UnitStatus]
        Per 牵头单位: indicators, complete/partial/missing counts, evidence_count, missing_items,
        flagged, ledger_errors, sent_nothing. Worst first.
    evidence_date(record), date_problem(ws, date), serves(ws, code, record): the shared rules.

Self-scoring — archivist.assess.scores
    score_summary(ws, catalogue, statuses=None, codes=None) -> ScoreSummary
        .entries: list[ScoreEntry] (code, name, kind, max_points, points | None, note, evidence,
        flags, backed, headline — "自评满分但佐证不足"/"自评得分但佐证不足" — backed_points);
        .frameworks: list[FrameworkScore] (base, bonus, penalty ≤ 0, total, backed_total,
        excellent_line, gap, backed_gap, unscored, categories: list[CategoryScore]); .flagged.
    set_score(ws, catalogue, code, points, note="", evidence=None) -> ScoreEntry   (AssessError)
    clear_score(ws, catalogue, code) -> bool

Rectification ledger — archivist.assess.problems
    list_problems(catalogue, *, status=None, unit=None, overdue=False, indicator=None, today=None)
        -> list[Problem] (id, description, unit, source, found_date, deadline, indicator, site,
        measures, origin, status "open"|"closed", closed_at, close_note, close_evidence;
        overdue(today), days_left(today), closed_late; to_json(today)).
    problems_by_unit(problems, today=None) -> list[UnitProblems] (total, open, overdue, closed,
        closed_late, overdue_ids). Most overdue first.
    get_problem, add_problem, import_problems -> ImportReport, close_problem (AssessError),
    is_site_problem(description) -> bool.

Countdown — archivist.assess.countdown
    countdown(ws, catalogue=None, today=None, *, statuses=None, problems=None) -> Countdown
        today, inspection_date, days_left, milestones: list[Milestone] (name, days_before, due,
        days_left, kind, state "done"|"late"|"due_soon"|"pending"|"unknown", detail, units),
        late: list[LateItem] (what, unit, due, days_late). AssessError without inspection_date.

Ledger checks — archivist.assess.ledger_checks
    ledger_findings(ws, catalogue, *, use_cache=True) -> list[LedgerFinding]
        (evidence_id, file, sheet, row, column, header, kind, message, expected, actual, indicator;
        location). check_file(path) / check_tables(tables) for a single file.

Everything at once — this module
    readiness(ws, catalogue, today=None) -> Readiness
        statuses, units, scores, problems, problem_units, countdown (None without an inspection
        date) and the ledger findings of every xlsx in the archive (filed or unsorted), each
        computed once: what a 自评报告 or 情况通报 needs.

xlsx exports — archivist.assess.export
    write_status_xlsx(path, statuses, units=None, findings=None), write_problems_xlsx(path,
    problems, today=None), write_scores_xlsx(path, summary) -> Path (written atomically).

Storage: tables `self_scores` and `problems` (catalogue migration 2); every change is written to
the catalogue's hash-chained audit log (score_set, score_cleared, problem_added,
problems_imported, problem_closed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..workspace import Workspace
    from .countdown import Countdown
    from .ledger_checks import LedgerFinding
    from .problems import Problem, UnitProblems
    from .scores import ScoreSummary
    from .status import IndicatorStatus, UnitStatus


class AssessError(Exception):
    """A refused assessment action; the message is one Chinese line saying what to do."""


@dataclass
class Readiness:
    """The whole readiness picture for one day, computed once for a report."""

    today: str
    statuses: list[IndicatorStatus]
    units: list[UnitStatus]
    scores: ScoreSummary
    problems: list[Problem]
    problem_units: list[UnitProblems]
    countdown: Countdown | None
    ledger_findings: list[LedgerFinding] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today,
            "status": [s.to_json() for s in self.statuses],
            "units": [u.to_json() for u in self.units],
            "scores": self.scores.to_json(),
            "problems": [p.to_json(dt.date.fromisoformat(self.today)) for p in self.problems],
            "problem_units": [vars(u) for u in self.problem_units],
            "countdown": self.countdown.to_json() if self.countdown else None,
            "ledger_findings": [f.to_json() for f in self.ledger_findings],
        }


def readiness(ws: Workspace, catalogue: Catalogue, today: dt.date | None = None) -> Readiness:
    """Status, scores, problems, countdown and ledger findings in one pass (no double work)."""
    from .countdown import countdown
    from .ledger_checks import ledger_findings
    from .problems import list_problems, problems_by_unit
    from .scores import score_summary
    from .status import by_lead_unit, compute_status

    today = today or dt.date.today()
    findings = ledger_findings(ws, catalogue)
    statuses = compute_status(ws, catalogue, findings=findings)
    problems = list_problems(catalogue)
    try:
        clock = countdown(ws, catalogue, today, statuses=statuses, problems=problems)
    except AssessError:
        clock = None
    return Readiness(
        today=today.isoformat(),
        statuses=statuses,
        units=by_lead_unit(statuses),
        scores=score_summary(ws, catalogue, statuses=statuses),
        problems=problems,
        problem_units=problems_by_unit(problems, today),
        countdown=clock,
        ledger_findings=findings,
    )
