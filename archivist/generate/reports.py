"""The documents leaders read: 自评报告, 情况通报, 讲话稿 and the 问题整改台账 — from data to GongwenDocument.

Every figure in these documents is computed here from the catalogue and the assessment modules
(status, scores, problems, countdown); the wording around the figures comes from an editable phrase
file (templates/phrases/speech.toml, overridable per workspace in phrases/speech.toml). So a county
can change *how* things are said without touching code, and nobody can change *what* the numbers are
without changing the archive. The phrase file contains no digits of its own (a test checks that).

The work is split in two on purpose:

* :func:`gather` reads everything once into a :class:`ReportData` (pure data, easy to test; the
  briefing's figures are compared with ``status --json`` in the tests);
* one ``build_*`` function per document turns that data into a :class:`GongwenDocument`.

An empty workspace is a normal state the week a campaign starts: every builder then says
"暂无佐证材料" in the right places instead of failing.
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.shared import Mm

from ..assess.facts import Statement, without_wrong_totals
from ..assess.status import NO_LEAD_UNIT, IndicatorStatus, UnitStatus, by_lead_unit, parse_date
from ..shipped import shipped
from . import factwords
from .catalogue_doc import (
    StreamedTable,
    StreamingDocument,
    archive_numbers,
    cell_marks,
    display_title,
    streamed_table,
    styled_line,
    supplied_titles,
)
from .factwords import Quoted
from .gongwen import (
    _STYLES,
    BODY_PT,
    HEITI,
    KAITI,
    GongwenDocument,
    RedHeader,
    apply_red_header,
    format_cn_date,
    heading_prefix,
    place_signature,
    run_in,
    title_lines,
)
from .phrases import PHRASES_FILE, Phrases, load_phrases

if TYPE_CHECKING:
    from ..assess.countdown import Countdown
    from ..assess.facts import ArchiveFacts
    from ..assess.ledger_checks import LedgerFinding
    from ..assess.problems import Problem
    from ..assess.scores import ScoreEntry, ScoreSummary
    from ..assess.summary import Summary
    from ..catalogue import Catalogue
    from ..workspace import Workspace

KINDS = ("self-eval", "briefing", "speech", "catalogue", "problems", "report", "reminder")
ISSUED = ("briefing", "reminder")  # documents sent out under the office's name: these may take the 红头
CITE_LIMIT = 5  # evidence cited by name per indicator in the body; the attachment lists them all
LIST_LIMIT = 6  # items named per unit in a sentence before "等N项"
TEMPLATES_DIR = shipped("docx")
_SIGNATURE_STYLE = _STYLES["signature"][0]


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------


def num(value: float | int | None) -> str:
    """A figure as offices write it: 6, 5.5, 88.25 — never "6.0"."""
    if value is None:
        return ""
    value = round(float(value), 2)
    return f"{value:g}" if abs(value) < 1e15 else str(value)


def cn_date(value: str | _dt.date | None) -> str:
    """ISO date → 2024年5月12日 (empty when unknown)."""
    if isinstance(value, _dt.date):
        return format_cn_date(value)
    day = parse_date(value)
    return format_cn_date(day) if day else ""


def join_cn(items: Iterable[str], limit: int = LIST_LIMIT, unit: str = "项") -> str:
    """"A、B、C等5项" — a list as a sentence names it, shortened after ``limit`` items."""
    items = [i for i in items if i]
    if len(items) <= limit:
        return "、".join(items)
    return "、".join(items[:limit]) + f"等{len(items)}{unit}"


@dataclass
class FrameworkFigures:
    """Counts of one framework, exactly as ``status --json`` yields them."""

    id: str
    name: str
    kind: str
    indicators: int = 0
    complete: int = 0
    partial: int = 0
    missing: int = 0


@dataclass
class ReportData:
    """Everything the four documents say, read once from the workspace."""

    ws: Workspace
    today: _dt.date
    statuses: list[IndicatorStatus]
    records: dict[str, dict[str, Any]]  # every record (all states) by id
    numbers: dict[str, tuple[str, int]]  # 档号 of filed records
    scores: ScoreSummary | None
    problems: list[Problem]
    countdown: Countdown | None
    counts: dict[str, int] = field(default_factory=dict)  # records per intake state
    supplied: set[str] = field(default_factory=set)  # ids whose title the archivist supplied ([ ])
    findings: list[LedgerFinding] | None = None  # ledger errors of every xlsx (filed or unsorted)
    summary: Summary | None = None  # the one set of figures (assess.summary); every count printed comes from it
    statements: Mapping[str, list[Statement]] | None = None  # given facts by id; else read per indicator
    _facts_reader: ArchiveFacts | None = field(default=None, init=False, repr=False, compare=False)

    def title_of(self, evidence_id: str) -> str:
        record = self.records.get(evidence_id)
        return display_title(record, evidence_id in self.supplied) if record else evidence_id

    def statements_of(self, s: IndicatorStatus) -> list[Statement]:
        """The facts of one indicator's counted evidence, without the ledger totals found wrong.

        Read from the facts store for this indicator's evidence only (``statements`` given: from it),
        so a report over 20,000 documents holds one indicator's statements at a time.
        """
        ids = [e.id for e in s.evidence]
        if self.statements is not None:
            by_id = self.statements
        else:
            by_id = self._facts().statements(ids)
        found = [st for eid in ids for st in by_id.get(eid, [])]
        return without_wrong_totals(found, self.ledger_findings())

    def _facts(self) -> ArchiveFacts:
        """The facts store and a catalogue connection of its own, opened at the first question
        (the data outlives the caller's catalogue) and closed by :meth:`close`."""
        if self._facts_reader is None:
            from ..assess.facts import ArchiveFacts
            from ..catalogue import open_catalogue

            self._facts_reader = ArchiveFacts(self.ws, open_catalogue(self.ws))
        return self._facts_reader

    def close(self) -> None:
        """Close the facts store's connections (reopened if a statement is asked for again)."""
        if self._facts_reader is not None:
            self._facts_reader.close()
            self._facts_reader.catalogue.close()
            self._facts_reader = None

    def quoted_facts(self, s: IndicatorStatus, limit: int = 4) -> list[Quoted]:
        return self.quoted_facts_of([s], limit)

    def quoted_facts_of(self, statuses: Sequence[IndicatorStatus], limit: int = 4) -> list[Quoted]:
        """The facts one paragraph quotes for these indicators' evidence (one indicator, or a 大类).

        Exactly what :func:`factwords.quoted` picks from all their statements, computed from the
        statements ranked first only (:func:`facts.leading`): the statements are read from the store
        a chunk at a time and not kept, so a 大类 with 90,000 statements holds a few hundred.
        """
        from ..assess.facts import leading

        prefix = leading(lambda: self._statement_stream(statuses),
                         lambda st: factwords.quotable(st, self.records), limit=limit)
        return factwords.quoted(prefix, self.records, self.title_of, limit=limit)

    def _statement_stream(self, statuses: Sequence[IndicatorStatus]) -> Iterator[Statement]:
        """The statements of each indicator's counted evidence in turn, as :meth:`statements_of` lists
        them (ledger totals found wrong left out), read a chunk of records at a time."""
        findings = self.ledger_findings()
        for s in statuses:
            ids = [e.id for e in s.evidence]
            pairs: Iterable[tuple[str, list[Statement]]]
            if self.statements is not None:
                given = self.statements
                pairs = ((eid, given[eid]) for eid in ids if eid in given)
            else:
                pairs = self._facts().iter_statements(ids)
            for _eid, statements in pairs:
                yield from without_wrong_totals(statements, findings)

    @cached_property
    def units(self) -> list[UnitStatus]:
        return by_lead_unit(self.statuses)

    @property
    def named_units(self) -> list[UnitStatus]:
        """Lead units proper (the "no lead unit" bucket is not a unit one can call)."""
        return [u for u in self.units if u.unit != NO_LEAD_UNIT]

    @cached_property
    def frameworks(self) -> list[FrameworkFigures]:
        out: dict[str, FrameworkFigures] = {}
        for fw in self.ws.frameworks.frameworks:
            out[fw.id] = FrameworkFigures(fw.id, fw.short or fw.name, fw.kind)
        for s in self.statuses:
            f = out[s.framework]
            f.indicators += 1
            setattr(f, s.state, getattr(f, s.state) + 1)
        return list(out.values())

    @property
    def filed(self) -> int:
        return self.counts.get("filed", 0)

    @property
    def received(self) -> int:
        return sum(self.counts.values())

    def score_of(self, code: str) -> ScoreEntry | None:
        if self.scores is None:
            return None
        return next((e for e in self.scores.entries if e.code == code), None)

    @property
    def scored_entries(self) -> list[ScoreEntry]:
        return [e for e in (self.scores.entries if self.scores else []) if e.scored]

    @property
    def unbacked(self) -> list[ScoreEntry]:
        return [e for e in self.scored_entries if e.headline]

    def open_problems(self) -> list[Problem]:
        return [p for p in self.problems if not p.closed]

    def overdue_problems(self) -> list[Problem]:
        return [p for p in self.problems if p.overdue(self.today)]

    def ledger_findings(self) -> list[LedgerFinding]:
        """Ledger errors once each: all of ``readiness``, else those attached to the statuses."""
        if self.findings is not None:
            return self.findings
        seen: dict[tuple[Any, ...], LedgerFinding] = {}
        for s in self.statuses:
            for f in s.ledger_errors:
                seen.setdefault((f.evidence_id, f.sheet, f.row, f.column, f.kind), f)
        return list(seen.values())

    def flagged_evidence(self) -> list[tuple[str, str, str]]:
        """(id, title, reason) of evidence not counted for the year, once each."""
        out: dict[str, tuple[str, str, str]] = {}
        for s in self.statuses:
            for f in s.flagged:
                out.setdefault(f.id, (f.id, f.title, f.reason))
        return list(out.values())

    def unit_of_record(self, evidence_id: str, fallback: str = "") -> str:
        record = self.records.get(evidence_id) or {}
        return (record.get("unit") or "").strip() or fallback or "未注明单位"

    def ledger_unit(self, finding: LedgerFinding) -> str:
        """Whom to name for a ledger error: the unit that made the ledger, else the indicator's lead unit."""
        record = self.records.get(finding.evidence_id) or {}
        code = finding.indicator or record.get("indicator") or ""
        lead = next((s.lead_unit for s in self.statuses if s.code == code), "")
        return self.unit_of_record(finding.evidence_id, lead if lead != NO_LEAD_UNIT else "")

    @cached_property
    def figures(self) -> Summary:
        """The summary every count in the documents comes from (computed here when not supplied)."""
        if self.summary is not None:
            return self.summary
        from ..assess import Readiness
        from ..assess.problems import problems_by_unit
        from ..assess.scores import ScoreSummary
        from ..assess.summary import summary_from
        from ..catalogue import open_catalogue

        ready = Readiness(self.today.isoformat(), self.statuses, self.units, self.scores or ScoreSummary([], []),
                          self.problems, problems_by_unit(self.problems, self.today), self.countdown,
                          self.ledger_findings())
        catalogue = open_catalogue(self.ws)
        try:
            self.summary = summary_from(self.ws, catalogue, ready)
        finally:
            catalogue.close()
        return self.summary

    def context(self) -> dict[str, Any]:
        """The placeholders of the phrase file, every figure read from the one summary."""
        f = self.figures
        nothing = f.units_nothing
        ctx: dict[str, Any] = {
            "county": f.county,
            "year": f.year,
            "today": cn_date(f.today),
            "cutoff": cn_date(f.cutoff),
            "inspection": cn_date(f.inspection) if f.inspection else "",
            "days_left": f.days_left if f.days_left is not None else "",
            "days_passed": -f.days_left if f.days_left is not None and f.days_left < 0 else "",
            "excellent_line": num(self.ws.config.excellent_line),
            "indicators": f.indicators,
            "complete": f.complete,
            "partial": f.partial,
            "missing": f.missing,
            "incomplete": f.incomplete,
            "filed": f.filed,
            "unsorted": f.unsorted,
            "quarantined": f.quarantined,
            "duplicate": f.duplicate,
            "received": f.received,
            "units": f.units,
            "units_complete": f.units_complete,
            "units_nothing": len(nothing),
            "units_nothing_list": f"（{join_cn(nothing, unit='个单位')}）" if nothing else "",
            "problems": f.problems,
            "problems_open": f.problems_open,
            "problems_closed": f.problems_closed,
            "problems_overdue": f.problems_overdue,
            "ledger_errors": f.ledger_errors,
            "ledger_files": f.ledger_files,
            "scored": f.score.scored if f.score else 0,
            "year_warning": f.year_warning,
        }
        if f.score is not None:
            ctx.update(score_total=num(f.score.total), score_backed=num(f.score.backed_total),
                       score_gap=num(f.score.gap), score_backed_gap=num(f.score.backed_gap),
                       score_full=num(f.score.total_points))
        return ctx


def _counts(catalogue: Catalogue) -> dict[str, int]:
    return catalogue.evidence.status_counts()


def gather(ws: Workspace, catalogue: Catalogue, today: _dt.date | None = None) -> ReportData:
    """Read status, scores, problems, countdown and ledger checks once (``assess.readiness``).

    The assessment modules are the single source of each figure — the same calls ``status --json``,
    ``score list``, ``problems list`` and ``countdown`` make; without an inspection date the countdown
    is None and the documents say the date is not set instead of counting days.
    """
    from ..assess import readiness
    from ..assess.summary import summary_from

    today = today or _dt.date.today()
    r = readiness(ws, catalogue, today)
    records = {rec["id"]: rec for rec in catalogue.records()}
    numbers = archive_numbers(ws, records.values())
    return ReportData(ws, today, r.statuses, records, numbers, r.scores, r.problems, r.countdown,
                      _counts(catalogue), supplied_titles(catalogue), list(r.ledger_findings),
                      summary_from(ws, catalogue, r))


def briefing_figures(data: ReportData) -> dict[str, Any]:
    """The figures the briefing prints, for tests and ``report --json``: they must equal ``status --json``."""
    ctx = data.context()
    return {
        "frameworks": {f.id: {"indicators": f.indicators, "complete": f.complete, "partial": f.partial,
                              "missing": f.missing} for f in data.frameworks},
        "received": data.received,
        "filed": data.filed,
        "unsorted": ctx["unsorted"],
        "quarantined": ctx["quarantined"],
        "units": ctx["units"],
        "units_complete": ctx["units_complete"],
        "units_nothing": ctx["units_nothing"],
        "missing_by_unit": {u: [f"{code}:{item}" for code, item in items]
                            for u, items in missing_by_unit(data).items()},
        "unbacked_scores": [e.code for e in data.unbacked],
        "overdue_problems": [p.id for p in data.overdue_problems()],
        "ledger_errors": len(data.ledger_findings()),
        "days_left": ctx["days_left"],
    }


def missing_by_unit(data: ReportData) -> dict[str, list[tuple[str, str]]]:
    """Lead unit → (indicator code, missing item) for every indicator not complete, in framework order.

    An indicator with no evidence at all and no required-items list still appears, with the item
    "佐证材料", so that no gap is lost for lack of a list.
    """
    out: dict[str, list[tuple[str, str]]] = {}
    for s in data.statuses:
        if s.state == "complete":
            continue
        items = s.missing or (["佐证材料"] if not s.evidence else [])
        for item in items:
            out.setdefault(s.lead_unit, []).append((s.code, item))
    return out


# ---------------------------------------------------------------------------------------------
# The data model: what each document says, as plain dicts, lists, strings and numbers
# ---------------------------------------------------------------------------------------------
#
# Both ways of writing a report consume the same model: the docx templates in templates/docx/
# (docxtpl, editable in Word/WPS; the default) and the code-built GongwenDocument (``template=False``).
# The model is documented for counties in README ("Report templates and their data").


def score_key(data: ReportData) -> str:
    """Which score sentence fits: gap on the claimed total, reached on it only, or reached on both
    ("" when nothing is scored). Both gaps come from the summary and each sentence names which it is."""
    score = data.figures.score
    if score is None or not score.scored:
        return ""
    if not score.reached:
        return "score_sentence"
    return "score_backed_reached" if score.backed_reached else "score_reached"


def counted(parts: Iterable[tuple[str, int | float, str]]) -> str:
    """"齐全3项、缺失2项": the parts with a count, zeros left out — a clerk does not write "0项"."""
    return "、".join(f"{label}{num(n)}{unit}" for label, n, unit in parts if n)


def _frameworks_sentence(data: ReportData, ph: Phrases, ctx: Mapping[str, Any]) -> str:
    parts = []
    for f in data.figures.frameworks:
        if f.indicators and f.complete == f.indicators:
            breakdown = "佐证材料全部齐全"
        elif f.indicators and f.missing == f.indicators:
            breakdown = "均暂无佐证材料"
        else:
            breakdown = "佐证材料" + counted([("齐全", f.complete, "项"), ("部分齐全", f.partial, "项"),
                                           ("缺失", f.missing, "项")])
        parts.append(ph.fill("common", "framework_sentence", ctx, framework=f.name, indicators=f.indicators,
                             complete=f.complete, partial=f.partial, missing=f.missing, breakdown=breakdown))
    return "；".join(parts)


_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)")


def clerk_text(text: str) -> str:
    """A message written for the command line made fit for a document: ISO dates in words, no spaces
    around figures, no signed differences ("相差 -180" → "相差180")."""
    text = _ISO.sub(lambda m: f"{int(m.group(1))}年{int(m.group(2))}月{int(m.group(3))}日", text)
    text = re.sub(r"相差\s*[-+]\s*", "相差", text)
    text = re.sub(r"\s*(?=[\u3400-\u9fff（），。；：、“”])|(?<=[\u3400-\u9fff（），。；：、“”])\s+", "", text)
    return text


def ledger_place(data: ReportData, f: LedgerFinding) -> str:
    """Where a ledger error is, as a clerk names it: 《题名》（工作表“…”）第9行“完成数（户）”栏."""
    record = data.records.get(f.evidence_id) or {}
    title = display_title(record, f.evidence_id in data.supplied) if record else "台账"
    sheets = (record.get("meta") or {}).get("sheets") if isinstance(record.get("meta"), dict) else None
    sheet = f"工作表“{f.sheet}”" if f.sheet and not re.fullmatch(r"(?i)sheet\d*|台账|表\d*", f.sheet) and \
        (sheets is None or len(sheets) > 1) else ""
    column = f"“{f.header}”栏" if f.header else f"第{_column_number(f.column)}列"
    return f"《{title}》{sheet}第{f.row}行{column}"


def _column_number(letters: str) -> int:
    n = 0
    for ch in (letters or "A").upper():
        if "A" <= ch <= "Z":
            n = n * 26 + ord(ch) - 64
    return n or 1


def ledger_what(f: LedgerFinding) -> str:
    """What is wrong in a ledger cell, without the command line's file path and cell letters."""
    text = f.message
    if "：" in text and (f.file and text.startswith(f.file)):
        text = text.split("：", 1)[1]
    text = re.sub(r"(?<![A-Za-z])[A-Z]{1,2}(\d+)=", r"第\1行为", text)
    return clerk_text(text.rstrip("。"))


def _cite(data: ReportData, evidence_id: str) -> str:
    """《题名》（文号，2024年3月12日，档号 …） — how the self-evaluation cites one piece of evidence."""
    record = data.records.get(evidence_id)
    if record is None:
        return evidence_id
    title = display_title(record, evidence_id in data.supplied)
    bits = [b for b in ((record.get("doc_number") or "").strip(), cn_date(record.get("doc_date")),
                        f"档号{data.numbers[evidence_id][0]}" if evidence_id in data.numbers else "") if b]
    return f"《{title}》" + (f"（{'，'.join(bits)}）" if bits else "")


def _evidence_item(data: ReportData, evidence_id: str) -> dict[str, str]:
    record = data.records.get(evidence_id) or {}
    return {
        "id": evidence_id,
        "title": display_title(record, evidence_id in data.supplied) if record else evidence_id,
        "doc_number": (record.get("doc_number") or "").strip(),
        "date": cn_date(record.get("doc_date")),
        "archive_no": data.numbers[evidence_id][0] if evidence_id in data.numbers else "",
        "citation": _cite(data, evidence_id),
    }


def plain_flag(flag: str) -> str:
    """A score warning without its command-line advice ("：请用 --evidence …"): leaders read these."""
    text = flag.split("：请")[0] if "：请" in flag else flag
    return text.rstrip("。；; ")


class Numbering:
    """Heading numbers 一、（一）1.（1） computed with the data, so templates print them as text."""

    def __init__(self) -> None:
        self.counters = [0, 0, 0, 0]

    def heading(self, level: int, text: str, body: str = "", **extra: Any) -> dict[str, Any]:
        self.counters[level - 1] += 1
        for i in range(level, len(self.counters)):
            self.counters[i] = 0
        number = heading_prefix(level, self.counters[level - 1])
        text = run_in(text, body)
        node: dict[str, Any] = {"number": number, "text": text, "heading": number + text, "body": body,
                                "paragraphs": []}
        if level == 1:
            node.update(subsections=[], table=[], tail=[])
        elif level == 2:
            node.update(entries=[])
        node.update(extra)
        return node


def _common(data: ReportData, ph: Phrases, ctx: Mapping[str, Any], section: str, *,
            landscape: bool = False) -> dict[str, Any]:
    """The fields every document's model has (title, 落款, figures)."""
    title = ph.fill(section, "title", ctx)
    return {
        "kind": section.replace("_", "-"),
        "title": title,
        "title_lines": title_lines(title, landscape=landscape),
        "recipient": "",
        "opening": "",
        "sections": [],
        "closing": [],
        "unit": ph.fill("common", "issuer", ctx),
        "date": data.today.isoformat(),
        "date_cn": cn_date(data.today),
        "county": data.ws.config.county,
        "year": data.ws.config.year,
        "figures": {k: v for k, v in ctx.items() if isinstance(v, (str, int, float))},
    }


def self_eval_model(data: ReportData, phrases: Phrases | None = None) -> dict[str, Any]:
    """自评报告: per category and indicator what was done, the self-score, the evidence cited; totals;
    problems and next steps. Every indicator of every framework appears — with a plain sentence when
    there is no evidence — followed by the score table as 附件."""
    ph = phrases or load_phrases(data.ws)
    ctx = data.context()
    m = _common(data, ph, ctx, "self_eval")
    m["recipient"] = ph.fill("self_eval", "recipient", ctx).strip().rstrip(":：")
    m["opening"] = ph.fill("self_eval", "opening", ctx)
    num_ = Numbering()

    overview = ph.fill("self_eval", "overview", ctx, frameworks_sentence=_frameworks_sentence(data, ph, ctx))
    if data.filed == 0:  # "共归档0件" is not how anyone writes it
        overview = f"{ph.fill('common', 'empty', ctx)}。{_frameworks_sentence(data, ph, ctx)}。"
    section = num_.heading(1, ph.fill("self_eval", "overview_heading", ctx))
    section["paragraphs"].append(overview)
    if score_key(data):
        section["paragraphs"].append(ph.fill("self_eval", score_key(data), ctx))
    else:
        section["paragraphs"].append(ph.fill("self_eval", "no_scores", ctx))
    m["sections"].append(section)

    by_code = {s.code: s for s in data.statuses}
    for fw in data.ws.frameworks.frameworks:
        section = num_.heading(1, ph.fill("self_eval", "framework_heading", ctx, framework=fw.short or fw.name),
                               framework=fw.short or fw.name)
        cat_scores = {}
        if data.scores:
            for f in data.scores.frameworks:
                if f.framework == fw.id:
                    cat_scores = {c.code: c for c in f.categories}
        for cat in fw.categories:
            cs = cat_scores.get(cat.code)
            scored_cat = fw.kind == "scored" and cs is not None and cs.scored and cat.points
            if scored_cat:
                heading = ph.fill("self_eval", "category_points", ctx, category=cat.name, points=num(cat.points),
                                  score=num(cs.points))
            else:
                heading = ph.fill("self_eval", "category_heading", ctx, category=cat.name)
            sub = num_.heading(2, heading, category=cat.name, points=num(cat.points) if cat.points else "",
                               score=num(cs.points) if scored_cat else "")
            for ind in cat.indicators:
                status = by_code.get(ind.code)
                if status is not None:
                    sub["entries"].append(_self_eval_indicator(num_, data, ph, ctx, status, fw.kind))
            section["subsections"].append(sub)
        m["sections"].append(section)

    m["sections"].extend(problems_and_next_steps(num_, data, ph, ctx, "self_eval"))

    scored = {fw.id for fw in data.ws.frameworks.frameworks if fw.kind == "scored"}
    m["attachment"] = ph.fill("self_eval", "attachment", ctx) if scored else ""
    m["score_rows"] = _score_rows(data, scored) if scored else []
    m["evidence_rows"] = evidence_rows(data)
    m["evidence_attachment"] = ph.fill("self_eval", "evidence_attachment", ctx) if m["evidence_rows"] else ""
    m["attachments"] = [t for t in (m["attachment"], m["evidence_attachment"]) if t]
    # the same 附件说明 and labels for the Word template: "附件：1．…" / "2．…", "附件1" / "附件2"
    many = len(m["attachments"]) > 1
    numbered = [f"{n}．{t}" if many else t for n, t in enumerate(m["attachments"], start=1)]
    m["attachment_first"] = numbered[0] if numbered else ""
    m["attachment_rest"] = numbered[1:]
    m["attachment_label"] = "附件1" if many and m["attachment"] else "附件"
    m["evidence_label"] = f"附件{len(m['attachments'])}" if many else "附件"
    return m


def evidence_rows(data: ReportData) -> list[dict[str, Any]]:
    """附件 佐证材料目录: every piece of counted evidence under its indicator, as the catalogue names it."""
    from .catalogue_doc import date8

    rows: list[dict[str, Any]] = []
    for s in data.statuses:
        for e in s.evidence:
            record = data.records.get(e.id)
            if record is None:
                continue
            rows.append({"seq": len(rows) + 1, "indicator": s.code, "title": data.title_of(e.id),
                         "doc_number": (record.get("doc_number") or "").strip(), "date": date8(record),
                         "archive_no": data.numbers[e.id][0] if e.id in data.numbers else ""})
    return rows


MEASURE_TITLE = re.compile(r"(方案|办法|制度|意见|规划|细则|机制|通知|计划|要点|规定)$")
MEASURE_LIMIT = 3


def evidence_due(data: ReportData) -> str:
    """The evidence milestone's date in words when it is still ahead ("" otherwise)."""
    if data.countdown is None:
        return ""
    due = next((m for m in data.countdown.milestones if m.kind == "evidence" and m.days_left >= 0), None)
    return cn_date(due.due) if due else ""


def indicator_work(data: ReportData, ph: Phrases, ctx: Mapping[str, Any], s: IndicatorStatus,
                   section: str = "self_eval") -> tuple[str, list[Quoted]]:
    """工作开展情况 of one indicator from its evidence: the measures (documents it issued, by title) and
    the facts quoted from the documents, each cited; an editor's 【待补充】 where the archive has none."""
    if not s.evidence:
        key = "work_adjustment" if s.kind in ("bonus", "penalty") else "work_none"
        return ph.fill(section, key, ctx), []
    items = data.quoted_facts(s)
    cited = {q.statement.evidence_id for q in items}
    measures = [e for e in s.evidence if e.id not in cited and MEASURE_TITLE.search(e.title or "")
                and e.id in data.records][:MEASURE_LIMIT]
    text = ""
    if measures:
        text = ph.fill(section, "work_measures", ctx, titles="".join(f"《{data.title_of(e.id)}》" for e in measures))
    if items:
        text += factwords.sentence(items)
    else:
        text += ph.fill(section, "work_no_figures", ctx, count=len(s.evidence))
    return text, items


def _self_eval_indicator(num_: Numbering, data: ReportData, ph: Phrases, ctx: Mapping[str, Any],
                         s: IndicatorStatus, fw_kind: str) -> dict[str, Any]:
    """One indicator: （1）工作开展情况 with the evidence's own facts, （2）得分情况 with the self-score and
    its rationale (scored frameworks), （3）存在问题, （4）下步打算; the evidence itself is listed in 附件."""
    from ..assess.status import STATE_LABELS

    entry = data.score_of(s.code)
    points = s.max_points if s.kind in ("bonus", "penalty") else s.points
    scored = entry is not None and entry.scored
    if fw_kind != "scored":
        head = ph.fill("self_eval", "indicator_heading", ctx, code=s.code, name=s.name)
    elif s.kind in ("bonus", "penalty"):
        key = f"indicator_{s.kind}" + ("" if scored else "_unscored")
        head = ph.fill("self_eval", key, ctx, code=s.code, name=s.name, points=num(points),
                       score=num(abs(entry.points or 0)) if entry is not None and scored else "")
    elif scored:
        head = ph.fill("self_eval", "indicator_points", ctx, code=s.code, name=s.name, points=num(points),
                       score=num(entry.points))
    else:
        head = ph.fill("self_eval", "indicator_unscored", ctx, code=s.code, name=s.name, points=num(points))
    cited = [c for c in (entry.evidence if entry is not None and entry.evidence else [e.id for e in s.evidence])
             if c in data.records]
    item = num_.heading(3, head, "", code=s.code, name=s.name, state=s.state,
                        state_label=STATE_LABELS.get(s.state, s.state), points=num(points),
                        score=num(entry.points) if entry is not None and scored else "",
                        evidence_count=s.evidence_count, missing=list(s.missing),
                        evidence=[_evidence_item(data, c) for c in cited])
    parts: list[tuple[str, str]] = []
    work, facts = indicator_work(data, ph, ctx, s)
    item["facts"] = [{"text": q.text, "words": q.words, "title": q.title, "evidence_id": q.statement.evidence_id}
                     for q in facts]
    parts.append((ph.fill("self_eval", "work_heading", ctx), work))

    if fw_kind == "scored":
        if s.kind in ("bonus", "penalty") and not scored:
            score_text = ph.fill("self_eval", f"score_{s.kind}_none", ctx)
        elif scored:
            score_text = ph.fill("self_eval", "score_points" if s.kind == "base" else f"score_{s.kind}", ctx,
                                 points=num(points), score=num(abs(entry.points or 0)))
            if entry.note:
                score_text += ph.fill("self_eval", "score_rationale", ctx, note=entry.note.rstrip("。"))
            else:
                score_text += ph.fill("self_eval", "score_rationale_missing", ctx)
            if cited:
                score_text += ph.fill("self_eval", "score_basis", ctx, count=len(cited), annex="附件2")
        else:
            score_text = ph.fill("self_eval", "score_unscored", ctx, points=num(points))
        parts.append((ph.fill("self_eval", "score_heading", ctx), score_text))

    issues: list[str] = []
    if s.evidence and s.missing:
        issues.append(ph.fill("self_eval", "missing_items", ctx, items="、".join(f"“{m}”" for m in s.missing)))
    elif not s.evidence and s.kind not in ("bonus", "penalty"):
        issues.append(ph.fill("self_eval", "no_evidence_issue", ctx))
    if s.flagged:
        issues.append(ph.fill("self_eval", "flagged_dates", ctx, count=len(s.flagged)))
    if entry is not None and entry.flags:
        issues.append(ph.fill("self_eval", "score_flags", ctx, flags="；".join(plain_flag(f) for f in entry.flags)))
    errors = [f for f in data.ledger_findings() if f.indicator == s.code]
    if errors:
        issues.append(ph.fill("self_eval", "ledger_issue", ctx, count=len(errors)))
    none = "issues_adjustment" if s.kind in ("bonus", "penalty") and not s.evidence else "issues_none"
    parts.append((ph.fill("self_eval", "issues_heading", ctx), "".join(issues) or ph.fill("self_eval", none, ctx)))

    unit = s.lead_unit if s.lead_unit and s.lead_unit != NO_LEAD_UNIT else ""
    gaps = list(s.missing) if s.evidence else (list(s.missing) or ["佐证材料"])
    if s.kind in ("bonus", "penalty") and not s.evidence:
        plan = ph.fill("self_eval", "plan_adjustment", ctx)
    elif gaps or issues:
        what = join_cn([f"“{g}”" for g in gaps], 3) if gaps else ph.fill("self_eval", "plan_issues_items", ctx)
        due = evidence_due(data)
        key = "plan_fill" + ("" if unit else "_nounit") + ("" if due else "_nodate")
        plan = ph.fill("self_eval", key, ctx, unit=unit, due=due, items=what)
    else:
        plan = ph.fill("self_eval", "plan_keep", ctx)
    parts.append((ph.fill("self_eval", "plan_heading", ctx), plan))
    for n, (label, text) in enumerate(parts, start=1):
        item["paragraphs"].append(f"{heading_prefix(4, n)}{label}。{text}")
    return item


def problems_and_next_steps(num_: Any, data: Any, ph: Any, ctx: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """The 存在问题 and 下步打算 sections, the same findings in the same words for the 自评报告 and the 汇报材料
    (`kind` names the phrase table: problems_heading, problems_none, next_heading, next_steps)."""
    problems = num_.heading(1, ph.fill(kind, "problems_heading", ctx))
    lines = _self_eval_problems(data)
    for head, body in lines:
        problems["subsections"].append(num_.heading(2, head, body))
    if not lines:
        problems["paragraphs"].append(ph.fill(kind, "problems_none", ctx))
    steps = num_.heading(1, ph.fill(kind, "next_heading", ctx))
    steps["paragraphs"] = [*_next_steps(data, ph, ctx), *ph.fill_list(kind, "next_steps", ctx)]
    return [problems, steps]


def _self_eval_problems(data: ReportData) -> list[tuple[str, str]]:
    """(heading, body) pairs for 存在问题, each sentence built from the data."""
    out: list[tuple[str, str]] = []
    gaps = [s for s in data.statuses if s.state != "complete"]
    if gaps:
        named = join_cn([f"{s.code} {s.name}" for s in gaps])
        out.append(("部分指标佐证材料不全", f"共{len(gaps)}项指标佐证材料缺失或不全：{named}。"))
    if data.unbacked:
        named = join_cn([f"{e.code} {e.name}（自评{num(e.points)}分）" for e in data.unbacked])
        out.append(("部分自评得分缺少佐证", f"共{len(data.unbacked)}项：{named}。"))
    open_ = data.open_problems()
    if open_:
        overdue = data.overdue_problems()
        out.append(("部分问题尚未整改销号",
                    f"整改台账共有问题{len(data.problems)}个，尚未销号{len(open_)}个，其中逾期{len(overdue)}个。"))
    findings = data.ledger_findings()
    if findings:
        files = len({f.evidence_id for f in findings})
        out.append(("部分台账数据存在逻辑错误", f"{files}份台账中发现数据逻辑错误{len(findings)}处。"))
    return out


def _next_steps(data: ReportData, ph: Phrases, ctx: Mapping[str, Any]) -> list[str]:
    """下一步打算 in the register of a report sent upward: what the county will do, by when — no orders
    to "各单位", and a passed or missing inspection date said in words."""
    days = data.figures.days_left
    if data.countdown is None or days is None:
        return [ph.fill("self_eval", "next_unknown", ctx)]
    if days < 0:
        return [ph.fill("self_eval", "next_passed", ctx)]
    ahead = [m for m in data.countdown.milestones if m.days_left >= 0]
    items = "；".join(ph.fill("self_eval", "next_milestone", ctx, name=m.name, due=cn_date(m.due)) for m in ahead)
    return [ph.fill("self_eval", "next_ahead" if items else "next_unknown", ctx, items=items)]


def _score_rows(data: ReportData, frameworks: set[str]) -> list[dict[str, Any]]:
    """附件: one row per indicator of the scored frameworks — points, self-score, evidence, state."""
    from ..assess.status import STATE_LABELS

    rows: list[dict[str, Any]] = []
    for n, s in enumerate([s for s in data.statuses if s.framework in frameworks], start=1):
        entry = data.score_of(s.code)
        scored = entry is not None and entry.scored
        adjustment = s.kind in ("bonus", "penalty")
        if adjustment:
            sign = "加" if s.kind == "bonus" else "减"
            points = f"{sign}{num(s.max_points)}"
            score = f"{sign}{num(abs(entry.points or 0))}" if entry is not None and scored else "未申报"
            # 加减分项 are claimed when something happened; no material is not a gap
            state = STATE_LABELS.get(s.state, s.state) if s.evidence else "—"
        else:
            points = num(s.points)
            score = num(entry.points) if entry is not None and scored else "未自评"
            state = STATE_LABELS.get(s.state, s.state)
        note = entry.headline if entry is not None and entry.headline else ""
        if not note and s.missing and s.evidence:
            note = f"缺{len(s.missing)}项"
        rows.append({"seq": n, "indicator": f"{s.code} {s.name}", "points": points, "score": score,
                     "evidence": s.evidence_count, "state": state, "note": note})
    if data.scores:
        for f in data.scores.frameworks:
            rows.append({"seq": "", "indicator": f"{f.name}合计", "points": num(f.total_points), "score": num(f.total),
                         "evidence": "", "state": "", "note": f"有佐证{num(f.backed_total)}分"})
    return rows


# 情况通报 ---------------------------------------------------------------------------------------


def briefing_model(data: ReportData, phrases: Phrases | None = None) -> dict[str, Any]:
    """情况通报 read at a 推进会: 一、总体情况 二、存在问题 (naming units) 三、下一步工作意见."""
    ph = phrases or load_phrases(data.ws)
    ctx = data.context()
    m = _common(data, ph, ctx, "briefing")
    m["recipient"] = ph.fill("briefing", "recipient", ctx).strip().rstrip(":：")
    m["opening"] = ph.fill("briefing", "opening", ctx)
    num_ = Numbering()

    section = num_.heading(1, ph.fill("briefing", "overall_heading", ctx))
    paragraphs = section["paragraphs"]
    fig = data.figures
    received = ph.fill("briefing", "received" if fig.received else "received_none", ctx)
    if fig.received:
        received += "，其中" + counted([("已归档", fig.filed, "件"), ("待分类", fig.unsorted, "件"),
                                      ("重复报送", fig.duplicate, "件"),
                                      ("因无法读取等原因隔离", fig.quarantined, "件")])
    received += "。"
    if data.filed == 0:
        received += f"{ph.fill('common', 'empty', ctx)}。"
    paragraphs.append(received)
    paragraphs.append(_frameworks_sentence(data, ph, ctx) + "。")
    if fig.units:
        key = "units" if fig.units_complete else "units_none_complete"
        units = ph.fill("briefing", key, ctx)
        if fig.units_nothing:
            units += ph.fill("briefing", "units_nothing", ctx)
        paragraphs.append(units + "。")
    if score_key(data):
        paragraphs.append(ph.fill("self_eval", score_key(data), ctx))
    if data.named_units:
        paragraphs.append(ph.fill("briefing", "units_table", ctx))
        section["table"] = [{"seq": i, "unit": u.unit, "indicators": len(u.indicators), "complete": u.complete,
                             "partial": u.partial, "missing": u.missing, "missing_items": u.missing_items}
                            for i, u in enumerate(data.named_units, start=1)]
    m["sections"].append(section)

    section = num_.heading(1, ph.fill("briefing", "issues_heading", ctx))
    subs = section["subsections"]
    # (一) missing evidence, by unit
    sub = num_.heading(2, ph.fill("briefing", "missing_heading", ctx))
    gaps = missing_by_unit(data)
    if not gaps:
        sub["paragraphs"].append(ph.fill("briefing", "missing_none", ctx))
    for unit, items in gaps.items():
        per_code: dict[str, list[str]] = {}
        for code, item in items:
            per_code.setdefault(code, []).append(item)
        text = "；".join(f"{code}缺" + join_cn([f"“{i}”" for i in its], limit=2) for code, its in per_code.items())
        if unit == NO_LEAD_UNIT:  # nobody to name: say so once, as a task for the office
            sub["paragraphs"].append(ph.fill("briefing", "missing_no_unit", ctx, items=text))
        else:
            sub["paragraphs"].append(ph.fill("briefing", "missing_unit", ctx, unit=unit, items=text))
    subs.append(sub)
    # (二) scores without proof
    sub = num_.heading(2, ph.fill("briefing", "unbacked_heading", ctx))
    if not data.unbacked:
        sub["paragraphs"].append(ph.fill("briefing", "unbacked_none", ctx))
    for e in data.unbacked:
        sub["paragraphs"].append(ph.fill(
            "briefing", "unbacked_item", ctx, code=e.code, name=e.name, points=num(e.points),
            headline=e.headline or "", flags=plain_flag(e.flags[0]) if e.flags else "未引用佐证材料"))
    subs.append(sub)
    # (三) overdue problems, by unit
    sub = num_.heading(2, ph.fill("briefing", "overdue_heading", ctx))
    overdue = data.overdue_problems()
    if not overdue:
        sub["paragraphs"].append(ph.fill("briefing", "overdue_none", ctx))
    by_unit: dict[str, list[Problem]] = {}
    for p in overdue:
        by_unit.setdefault(p.unit or "", []).append(p)
    for unit, problems in by_unit.items():
        items_text = "；".join(f"{clerk_text(p.description.rstrip('。'))}（整改时限{cn_date(p.deadline)}）"
                              for p in problems[:LIST_LIMIT])
        if len(problems) > LIST_LIMIT:
            items_text += f"等{len(problems)}个问题"
        key = "overdue_unit" if unit else "overdue_no_unit"
        sub["paragraphs"].append(ph.fill("briefing", key, ctx, unit=unit, items=items_text))
    subs.append(sub)
    # (四) ledger errors, naming the units that sent the ledgers
    sub = num_.heading(2, ph.fill("briefing", "ledger_heading", ctx))
    findings = data.ledger_findings()
    if not findings:
        sub["paragraphs"].append(ph.fill("briefing", "ledger_none", ctx))
    ledger_units: dict[str, list[LedgerFinding]] = {}
    for f in findings:
        ledger_units.setdefault(data.ledger_unit(f), []).append(f)
    for unit, fs in ledger_units.items():
        items_text = "；".join(f"{ledger_place(data, f)}：{ledger_what(f)}" for f in fs[:3])
        if len(fs) > 3:
            items_text += f"等{len(fs)}处"
        sub["paragraphs"].append(ph.fill("briefing", "ledger_unit", ctx, unit=unit, items=items_text))
    subs.append(sub)
    # (五) evidence outside the assessment year (only when there is some)
    flagged = data.flagged_evidence()
    if flagged:
        sub = num_.heading(2, ph.fill("briefing", "dates_heading", ctx))
        sub["paragraphs"].append("；".join(ph.fill("briefing", "dates_item", ctx, title=f"《{t}》",
                                                   reason=clerk_text(r).replace("，不计入本年度考核", ""))
                                          for _i, t, r in flagged[:LIST_LIMIT]) + "。")
        subs.append(sub)
    # (六) what the last authenticity check found (internal: only when it found something)
    from ..authenticity.summary import briefing_sentence

    checked = briefing_sentence(data.figures.authenticity)
    if checked:
        sub = num_.heading(2, "材料真实性核查情况（内部掌握）")
        sub["paragraphs"].append(checked)
        subs.append(sub)
    m["sections"].append(section)

    section = num_.heading(1, ph.fill("briefing", "next_heading", ctx))
    _briefing_next(num_, section, data, ph, ctx)
    m["sections"].append(section)
    m["closing"] = [ph.fill("briefing", "closing", ctx)]
    return m


def _briefing_next(num_: Numbering, section: dict[str, Any], data: ReportData, ph: Phrases,
                   ctx: Mapping[str, Any]) -> None:
    cd = data.countdown
    if cd is None:
        section["paragraphs"].append(ph.fill("briefing", "countdown_unknown", ctx))
        return
    days = data.figures.days_left or 0
    key = "countdown" if days > 0 else "countdown_today" if days == 0 else "countdown_passed"
    section["paragraphs"].append(ph.fill("briefing", key, ctx))
    evidence_due: str | None = None
    for m in cd.milestones:
        if m.kind == "evidence" and evidence_due is None:
            evidence_due = m.due
        if m.state == "late":
            text = ph.fill("briefing", "milestone_late", ctx, name=m.name, due=cn_date(m.due),
                           units=join_cn(m.units, unit="个单位"))
        elif m.days_left < 0:
            text = ph.fill("briefing", "milestone_passed", ctx, name=m.name, due=cn_date(m.due))
        else:
            text = ph.fill("briefing", "milestone", ctx, name=m.name, due=cn_date(m.due))
        section["subsections"].append(num_.heading(2, text, name=m.name, due=cn_date(m.due), state=m.state))
    gaps = missing_by_unit(data)
    if gaps and evidence_due:
        for unit, items in gaps.items():
            codes = list(dict.fromkeys(code for code, _ in items))
            key = "deadline_no_unit" if unit == NO_LEAD_UNIT else "deadline_unit"
            section["tail"].append(ph.fill("briefing", key, ctx, unit=unit, due=cn_date(evidence_due),
                                           items=join_cn(codes, limit=5) + "的佐证材料"))


# 讲话稿 -----------------------------------------------------------------------------------------


def at_risk(data: ReportData) -> list[IndicatorStatus]:
    """Indicators not complete — all of them, so the count equals the summary's ``incomplete`` — the
    heaviest first (points decide), 扣分项 last (no material there is no loss)."""
    risky = [s for s in data.statuses if s.state != "complete"]
    return sorted(risky, key=lambda s: (s.kind == "penalty", -(s.points or 0), s.state != "missing", s.code))


def units_behind(data: ReportData) -> list[UnitStatus]:
    """Lead units with indicators still missing evidence, those that sent nothing first."""
    behind = [u for u in data.named_units if u.missing or u.partial]
    return sorted(behind, key=lambda u: (not u.sent_nothing, -u.missing, -u.partial, u.unit))


def documents_config(ws: Workspace) -> dict[str, Any]:
    """The ``[documents]`` table of archivist.toml (speaker, 红头 settings), empty when absent."""
    path = ws.root / "archivist.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    value = data.get("documents")
    return value if isinstance(value, dict) else {}


def inspection_words(data: ReportData, ph: Phrases, ctx: Mapping[str, Any], section: str) -> str:
    """The inspection date in words: days ahead, today, already past, or not set — never a negative count."""
    days = data.figures.days_left
    if days is None:
        return ph.fill(section, "facts_unknown", ctx)
    if days > 0:
        return ph.fill(section, "facts_ahead", ctx)
    if days == 0:
        return ph.fill(section, "facts_today", ctx)
    return ph.fill(section, "facts_passed", ctx)


def milestone_words(m: Any, ph: Phrases, ctx: Mapping[str, Any], section: str) -> str:
    """One milestone in words by its state: ahead (days left), today, late (whose), done or passed."""
    due = cn_date(m.due)
    if m.state == "late":
        key = "milestone_late" if m.units else "milestone_late_nobody"
        return ph.fill(section, key, ctx, name=m.name, due=due, days=-m.days_left if m.days_left < 0 else 0,
                       units=join_cn(m.units, 5, "个单位"))
    if m.days_left > 0:
        return ph.fill(section, "milestone_ahead", ctx, name=m.name, due=due, days=m.days_left)
    if m.days_left == 0:
        return ph.fill(section, "milestone_today", ctx, name=m.name, due=due)
    return ph.fill(section, "milestone_done" if m.state == "done" else "milestone_passed", ctx, name=m.name, due=due)


def speech_model(data: ReportData, phrases: Phrases | None = None) -> dict[str, Any]:
    """讲话稿 for the leader at the 推进会: 认识与形势 → 问题短板 (the real gaps, units named) → 倒排时间
    (the real milestones) → 压实责任、严肃纪律; every figure from the summary, the wording from the phrases."""
    ph = phrases or load_phrases(data.ws)
    ctx = data.context()
    fig = data.figures
    m = _common(data, ph, ctx, "speech")
    speaker = str(documents_config(data.ws).get("speaker") or "").strip() or ph.fill("speech", "speaker", ctx).strip()
    m["speaker"] = speaker or ph.fill("speech", "speaker_missing", ctx)
    m["byline"] = f"（{cn_date(data.today)}）"
    m["greeting"] = ph.fill("speech", "greeting", ctx)
    m["opening"] = ph.fill("speech", "opening", ctx)
    num_ = Numbering()

    # 一、认识与形势
    section = num_.heading(1, ph.fill("speech", "part1_heading", ctx))
    section["paragraphs"].extend(ph.fill_list("speech", "part1", ctx))
    frameworks = _frameworks_sentence(data, ph, ctx)
    if fig.filed == 0:
        status = ph.fill("speech", "part1_empty", ctx, frameworks_sentence=frameworks,
                         empty=ph.fill("common", "empty", ctx))
    else:
        key = "part1_status" if fig.incomplete else "part1_status_ok"
        status = ph.fill("speech", key, ctx, frameworks_sentence=frameworks)
    section["paragraphs"].append(inspection_words(data, ph, ctx, "speech") + status)
    key = score_key(data)
    goal = ph.fill("speech", "goal", ctx)
    goal += ph.fill("speech", {"score_sentence": "goal_gap", "score_reached": "goal_reached",
                               "score_backed_reached": "goal_backed_reached"}[key], ctx) if key else \
        ph.fill("speech", "goal_unscored", ctx)
    section["paragraphs"].append(goal)
    m["sections"].append(section)

    # 二、问题短板
    section = num_.heading(1, ph.fill("speech", "part2_heading", ctx))
    section["paragraphs"].append(ph.fill("speech", "part2_intro", ctx))
    risky = at_risk(data)
    if risky:
        items = join_cn([f"{s.name}（{num(s.points)}分）" if s.points else s.name for s in risky], limit=5)
        if fig.missing and fig.partial:
            breakdown = "，其中" + counted([("完全没有材料的", fig.missing, "项"), ("部分齐全的", fig.partial, "项")])
        else:
            breakdown = "，均完全没有材料" if fig.missing else ""
        body = ph.fill("speech", "gaps", ctx, items=items, breakdown=breakdown)
        gaps = missing_by_unit(data)
        named = [(u, items) for u, items in gaps.items() if u != NO_LEAD_UNIT][:LIST_LIMIT]
        if named:
            parts = []
            for n, (u, its) in enumerate(named):
                names = join_cn(list(dict.fromkeys(_indicator_name(data, c) for c, _ in its)), 3)
                if n < 3:  # the units furthest behind: what exactly they still owe
                    missing = join_cn([f"“{item}”" for _c, item in its], 3)
                    parts.append(ph.fill("speech", "gaps_unit_items", ctx, unit=u, items=names, missing=missing))
                else:
                    parts.append(ph.fill("speech", "gaps_unit", ctx, unit=u, items=names))
            body += ph.fill("speech", "gaps_units", ctx, units="；".join(parts))
        body += ph.fill("speech", "gaps_tail", ctx)
    else:
        body = ph.fill("speech", "gaps_none", ctx)
    section["subsections"].append(num_.heading(2, ph.fill("speech", "gaps_heading", ctx), body))
    if data.unbacked:
        items = join_cn([f"{e.name}（自评{num(e.points)}分）" for e in data.unbacked], 5)
        body = ph.fill("speech", "scores_unbacked", ctx, count=len(data.unbacked), items=items)
    else:
        body = ph.fill("speech", "scores_ok", ctx)
    section["subsections"].append(num_.heading(2, ph.fill("speech", "scores_heading", ctx), body))
    findings = data.ledger_findings()
    if findings:
        units = list(dict.fromkeys(data.ledger_unit(f) for f in findings))
        body = ph.fill("speech", "ledger", ctx, count=fig.ledger_errors, units=join_cn(units, 4, "个单位"))
    else:
        body = ph.fill("speech", "ledger_none", ctx)
    section["subsections"].append(num_.heading(2, ph.fill("speech", "ledger_heading", ctx), body))
    if fig.problems:
        body = ph.fill("speech", "problems_fact", ctx, breakdown=counted(
            [("已整改销号", fig.problems_closed, "个"), ("尚未销号", fig.problems_open, "个")]),
            overdue=f"，其中逾期{fig.problems_overdue}个" if fig.problems_overdue and fig.problems_open else "")
        overdue_units = list(dict.fromkeys(p.unit for p in data.overdue_problems() if p.unit))
        if overdue_units:
            body += ph.fill("speech", "problems_overdue_units", ctx, units=join_cn(overdue_units, 5, "个单位"))
        if fig.problems_open:
            body += ph.fill("speech", "problems_open_tail", ctx)
    else:
        body = ph.fill("speech", "problems_none", ctx)
    section["subsections"].append(num_.heading(2, ph.fill("speech", "problems_heading", ctx), body))
    flagged = data.flagged_evidence()
    if flagged:
        section["subsections"].append(num_.heading(2, ph.fill("speech", "dates_heading", ctx),
                                                   ph.fill("speech", "dates", ctx, count=len(flagged))))
    section["tail"].extend(ph.fill_list("speech", "part2_tail", ctx))
    m["sections"].append(section)

    # 三、倒排时间
    section = num_.heading(1, ph.fill("speech", "part3_heading", ctx))
    if data.countdown is None:
        section["paragraphs"].append(ph.fill("speech", "part3_unknown", ctx))
    else:
        section["paragraphs"].append(ph.fill("speech", "part3_intro", ctx))
        for mi in data.countdown.milestones:
            section["paragraphs"].append(milestone_words(mi, ph, ctx, "speech"))
    section["paragraphs"].append(ph.fill("speech", "part3_tail", ctx))
    section["paragraphs"].extend(ph.fill_list("speech", "part3_requirements", ctx))
    m["sections"].append(section)

    # 四、压实责任、严肃纪律
    section = num_.heading(1, ph.fill("speech", "part4_heading", ctx))
    behind = units_behind(data)
    if behind:
        text = ph.fill("speech", "behind", ctx, units=join_cn([u.unit for u in behind], 5, "个单位"))
        nothing = [u.unit for u in behind if u.sent_nothing]
        if nothing:
            text += ph.fill("speech", "behind_nothing", ctx, units=join_cn(nothing, 5, "个单位"))
    else:
        text = ph.fill("speech", "behind_none", ctx)
    text += "".join(ph.fill_list("speech", "responsibility", ctx))
    section["subsections"].append(num_.heading(2, ph.fill("speech", "duty_heading", ctx), text))
    section["subsections"].append(num_.heading(2, ph.fill("speech", "together_heading", ctx),
                                               "".join(ph.fill_list("speech", "together", ctx))))
    section["subsections"].append(num_.heading(2, ph.fill("speech", "supervision_heading", ctx),
                                               "".join(ph.fill_list("speech", "supervision", ctx))))
    section["subsections"].append(num_.heading(2, ph.fill("speech", "discipline_heading", ctx),
                                               "".join(ph.fill_list("speech", "discipline", ctx))))
    m["sections"].append(section)
    m["closing"] = [ph.fill("speech", "closing", ctx)]
    return m


def _indicator_name(data: ReportData, code: str) -> str:
    return next((s.name for s in data.statuses if s.code == code), code)


# 问题整改台账 -------------------------------------------------------------------------------------


def problems_model(data: ReportData, phrases: Phrases | None = None) -> dict[str, Any]:
    """问题清单/整改台账: one row per problem, overdue ones first and marked."""
    ph = phrases or load_phrases(data.ws)
    ctx = data.context()
    m = _common(data, ph, ctx, "problems", landscape=True)
    m["empty"] = ph.fill("problems", "empty", ctx)
    fig = data.figures
    breakdown = counted([("已整改销号", fig.problems_closed, "个"), ("整改中", fig.problems_open, "个")])
    if fig.problems_overdue:
        breakdown += f"，其中逾期未销号{fig.problems_overdue}个"
    m["summary"] = ph.fill("problems", "summary", ctx, breakdown=breakdown) if data.problems else ""
    rows: list[dict[str, Any]] = []
    ordered = sorted(data.problems, key=lambda p: (p.closed, not p.overdue(data.today), p.unit, p.deadline or "", p.id))
    for i, p in enumerate(ordered, start=1):
        if p.closed:
            state = "已销号" + ("（逾期）" if p.closed_late else "")
        elif p.overdue(data.today):
            state = f"逾期{-(p.days_left(data.today) or 0)}天"
        else:
            state = "整改中"
        proof = "；".join(_cite_short(data, e) for e in p.close_evidence) if p.close_evidence else ""
        rows.append({"seq": i, "description": p.description, "source": p.source, "unit": p.unit,
                     "indicator": p.indicator or "", "found": _date8(p.found_date), "deadline": _date8(p.deadline),
                     "measures": p.measures, "state": state, "proof": proof})
    m["rows"] = rows
    return m


def _date8(value: str | None) -> str:
    day = parse_date(value)
    return day.strftime("%Y%m%d") if day else (value or "")


def _cite_short(data: ReportData, evidence_id: str) -> str:
    if evidence_id in data.numbers:
        return data.numbers[evidence_id][0]
    record = data.records.get(evidence_id)
    return display_title(record, evidence_id in data.supplied) if record else evidence_id


def with_year_note(model: dict[str, Any], data: ReportData) -> dict[str, Any]:
    """Put the summary's year warning at the head of the body, where the editor cannot miss it: when
    most evidence is dated outside the workspace's year, every figure below it is suspect."""
    note = data.figures.year_check.document_note
    if not note:
        return model
    if model.get("sections"):
        model["sections"][0]["paragraphs"].insert(0, note)
    elif "summary" in model:
        model["summary"] = note + (model["summary"] or "")
        model["empty"] = note + (model.get("empty") or "")
    model["year_note"] = note
    return model


def huibao_model(data: ReportData, phrases: Phrases | None = None) -> dict[str, Any]:
    """迎检汇报材料 (archivist/generate/huibao.py)."""
    from .huibao import huibao_model as model

    return model(data, phrases)


def reminder_model(data: ReportData, phrases: Phrases | None = None, unit: str | None = None) -> dict[str, Any]:
    """催报通知 (archivist/generate/reminder.py)."""
    from .reminder import reminder_model as model

    return model(data, phrases, unit)


MODELS = {
    "self-eval": self_eval_model,
    "briefing": briefing_model,
    "speech": speech_model,
    "problems": problems_model,
    "report": huibao_model,
    "reminder": reminder_model,
}

# Table layouts: (header, model keys, widths in mm, alignment) — shared by the code path and the
# template generator (archivist/generate/templates_docx.py).
TABLES: dict[str, tuple[list[str], list[str], list[float], list[str]]] = {
    "evidence_rows": (["序号", "指标", "题名", "文号", "日期", "档号"],
                      ["seq", "indicator", "title", "doc_number", "date", "archive_no"],
                      [10, 13, 63, 24, 17, 29],
                      ["center", "center", "left", "center", "center", "center"]),
    "score_rows": (["序号", "指标", "分值", "自评得分", "佐证（件）", "材料情况", "备注"],
                   ["seq", "indicator", "points", "score", "evidence", "state", "note"],
                   [11, 55, 14, 17, 17, 17, 25],
                   ["center", "left", "center", "center", "center", "center", "left"]),
    "units": (["序号", "牵头单位", "牵头指标", "齐全", "部分", "缺失", "缺少佐证项"],
              ["seq", "unit", "indicators", "complete", "partial", "missing", "missing_items"],
              [12, 50, 20, 16, 16, 16, 26],
              ["center", "left", "center", "center", "center", "center", "center"]),
    "problems": (["序号", "问题描述", "发现来源", "责任单位", "关联指标", "发现日期", "整改时限", "整改措施",
                  "整改状态", "销号佐证"],
                 ["seq", "description", "source", "unit", "indicator", "found", "deadline", "measures", "state",
                  "proof"],
                 [10, 44, 22, 24, 18, 20, 20, 24, 19, 24],
                 ["center", "left", "left", "left", "center", "center", "center", "left", "center", "left"]),
}
TABLE_PT = 10.5


# ---------------------------------------------------------------------------------------------
# Code path: the model written with GongwenDocument
# ---------------------------------------------------------------------------------------------


def _byline(doc: GongwenDocument, text: str) -> None:
    styled_line(doc, text, KAITI, BODY_PT, align="center")


def _label_line(doc: GongwenDocument, text: str) -> None:
    """"附件1" at the top left of an attachment page, 黑体 三号 (GB/T 9704 7.4)."""
    styled_line(doc, text, HEITI, BODY_PT)


STREAMED = ("evidence_rows",)  # tables one row per document: written into the file as it is saved


def _table(doc: GongwenDocument, name: str, rows: Sequence[Mapping[str, Any]]) -> None:
    header, keys, widths, align = TABLES[name]
    if name in STREAMED:
        streamed_table(doc, header, ([r[k] for k in keys] for r in rows), col_widths_mm=widths,
                       font_size_pt=TABLE_PT, align=align)
        return
    doc.table(header, [[r[k] for k in keys] for r in rows], col_widths_mm=widths, font_size_pt=TABLE_PT,
              align=align)  # type: ignore[arg-type]


def streamed_model(model: Mapping[str, Any]) -> tuple[dict[str, Any], list[StreamedTable]]:
    """The model a Word template renders, with each :data:`STREAMED` table cut to one row of marks,
    and the tables that put the real rows in after rendering (docxtpl builds every row of a loop as
    XML in memory: the 20,000-row annex took over a gigabyte and most of a minute)."""
    out = dict(model)
    tables = []
    for tag, name in enumerate(STREAMED):
        rows = model.get(name)
        if not rows:
            continue
        _header, keys, _widths, _align = TABLES[name]
        marks = cell_marks(tag, len(keys))
        out[name] = [dict(zip(keys, marks, strict=True))]
        tables.append(StreamedTable([(None, ([r.get(k, "") for k in keys] for r in rows))], len(keys), tag))
    return out, tables


def _signature(doc: GongwenDocument, model: Mapping[str, Any], attachments: Sequence[str] = ()) -> None:
    """附件说明 and 落款, kept on one page with the last body paragraph.

    GB/T 9704 does not let the 落款 stand alone on a page; Word/WPS/LibreOffice honour keep-with-next,
    so the last paragraph, the attachment note and the blank lines are chained to the signature.
    """
    body = doc.document.paragraphs
    start = len(body) - 1
    doc.attachments(list(attachments))
    unit, _date = doc.signature(model["unit"], _dt.date.fromisoformat(model["date"]))
    paragraphs = doc.document.paragraphs
    for p in paragraphs[max(start, 0):]:
        if p._element is unit._element:
            p.paragraph_format.keep_with_next = True
            break
        p.paragraph_format.keep_with_next = True


def _write_sections(doc: GongwenDocument, sections: Sequence[Mapping[str, Any]]) -> None:
    for s in sections:
        doc.heading_line(1, s["heading"], s["body"] or None)
        for text in s["paragraphs"]:
            doc.paragraph(text)
        if s["table"]:
            _table(doc, "units", s["table"])
        for sub in s["subsections"]:
            doc.heading_line(2, sub["heading"], sub["body"] or None)
            for text in sub["paragraphs"]:
                doc.paragraph(text)
            for entry in sub["entries"]:
                doc.heading_line(3, entry["heading"], entry["body"] or None)
                for text in entry["paragraphs"]:
                    doc.paragraph(text)
        for text in s["tail"]:
            doc.paragraph(text)


def document_from_model(kind: str, m: Mapping[str, Any]) -> GongwenDocument:
    """The code-built document of a model (``report --no-template``; also the reference layout)."""
    if kind == "problems":
        doc = GongwenDocument(landscape=True)
        doc.title(m["title"])
        if not m["rows"]:
            doc.paragraph(m["empty"], indent=False, align="center")
            return doc
        doc.paragraph(m["summary"])
        _table(doc, "problems", m["rows"])
        return doc
    doc = StreamingDocument(page_numbers="center")
    if kind in ("speech", "report"):
        doc.title(m["title"], blank_after=False)
        if m["speaker"]:
            _byline(doc, m["speaker"])
        _byline(doc, m["byline"])
        doc.blank_line()
        doc.paragraph(m["greeting"], indent=False)
    else:
        doc.title(m["title"])
        doc.recipient(m["recipient"])
    doc.paragraph(m["opening"])
    _write_sections(doc, m["sections"])
    for text in m["closing"]:
        doc.paragraph(text)
    if kind in ("speech", "report"):
        return doc
    attachments = list(m.get("attachments") or ([m["attachment"]] if m.get("attachment") else []))
    _signature(doc, m, attachments)
    tables = {m.get("attachment") or "": ("score_rows", m.get("score_rows") or []),
              m.get("evidence_attachment") or "": ("evidence_rows", m.get("evidence_rows") or [])}
    for n, title in enumerate(attachments, start=1):
        doc.page_break()
        _label_line(doc, "附件" if len(attachments) == 1 else f"附件{n}")
        doc.title(title)
        name, rows = tables.get(title, ("", []))
        if name:
            _table(doc, name, rows)
    return doc


def build_self_eval(data: ReportData, phrases: Phrases | None = None) -> GongwenDocument:
    return document_from_model("self-eval", self_eval_model(data, phrases))


def build_briefing(data: ReportData, phrases: Phrases | None = None) -> GongwenDocument:
    return document_from_model("briefing", briefing_model(data, phrases))


def build_speech(data: ReportData, phrases: Phrases | None = None) -> GongwenDocument:
    return document_from_model("speech", speech_model(data, phrases))


def build_problems(data: ReportData, phrases: Phrases | None = None) -> GongwenDocument:
    return document_from_model("problems", problems_model(data, phrases))


# ---------------------------------------------------------------------------------------------
# Template path: templates/docx/<kind>.docx rendered with docxtpl
# ---------------------------------------------------------------------------------------------


def template_for(kind: str, ws: Workspace | None = None) -> Path | None:
    """The county's own ``<workspace>/templates/docx/<kind>.docx``, else the built-in one, else None."""
    candidates = [ws.root / "templates" / "docx" / f"{kind}.docx"] if ws is not None else []
    candidates.append(TEMPLATES_DIR / f"{kind}.docx")
    return next((p for p in candidates if p.is_file()), None)


def render_with_template(kind: str, context: Mapping[str, Any], out_path: Path,
                         ws: Workspace | None = None) -> Path:
    """Render ``context`` (a model from :data:`MODELS`) into the kind's docx template and save it.

    A tag the data does not provide stays visible in the output (``{{ titel }}``) rather than
    vanishing, as with the phrase file. The 落款 lines are placed after rendering, by the width of
    the unit's name (GB/T 9704 7.3.5.2), wherever the template keeps the 落款 style.
    """
    from docxtpl import DocxTemplate
    from jinja2 import DebugUndefined, Environment

    path = template_for(kind, ws)
    if path is None:
        raise FileNotFoundError(f"没有 {kind} 的模板：templates/docx/{kind}.docx")
    tpl = DocxTemplate(str(path))
    context, streamed = streamed_model(context)
    try:
        tpl.render(context, Environment(undefined=DebugUndefined, autoescape=True))
    except Exception as exc:  # noqa: BLE001 - jinja raises many kinds; the clerk needs the file named
        raise ValueError(f"模板 {path} 无法套用：{exc}（请检查 {{{{ }}}} 和 {{% %}} 标记是否完整）") from exc
    _place_signatures(tpl.docx)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tpl.save(str(out_path))
    for table in streamed:
        table.save_into(out_path)
    return out_path


def _place_signatures(document: Any) -> None:
    sec = document.sections[0]
    width_mm = (sec.page_width - sec.left_margin - sec.right_margin) / Mm(1)
    lines = [p for p in document.paragraphs if p.style is not None and p.style.name == _SIGNATURE_STYLE]
    for unit, date in zip(lines[0::2], lines[1::2], strict=False):
        place_signature(unit, date, width_mm)


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------

BUILDERS = {
    "self-eval": build_self_eval,
    "briefing": build_briefing,
    "speech": build_speech,
    "problems": build_problems,
    "report": lambda data, phrases=None: document_from_model("report", huibao_model(data, phrases)),
    "reminder": lambda data, phrases=None: document_from_model("reminder", reminder_model(data, phrases)),
}


def write_report(kind: str, ws: Workspace, catalogue: Catalogue, out: Path, *,
                 today: _dt.date | None = None, data: ReportData | None = None,
                 template: bool = True, unit: str | None = None, red_header: bool | None = None,
                 number: str | None = None) -> list[Path]:
    """Write one report; returns the files written (the catalogue writes a .docx and an .xlsx).

    ``template`` (the default) renders templates/docx/<kind>.docx — the workspace's own copy when
    there is one, so a clerk's edit in Word/WPS takes effect; ``template=False`` builds the same
    model in code with :class:`GongwenDocument`.
    """
    if kind not in KINDS:
        raise ValueError(f"未知的报告类型 {kind}：可用 {' | '.join(KINDS)}")
    if out.suffix.lower() != ".docx":
        out = out.with_suffix(".docx")
    if kind == "catalogue":
        from .catalogue_doc import write_catalogue

        return list(write_catalogue(ws, catalogue, out, date=today))
    data = data or gather(ws, catalogue, today)
    phrases = load_phrases(ws)
    raw = reminder_model(data, phrases, unit) if kind == "reminder" else MODELS[kind](data, phrases)
    model = with_year_note(raw, data)
    if template and template_for(kind, ws) is not None:
        written = render_with_template(kind, model, out, ws)
    else:
        written = document_from_model(kind, model).save(out)
    data.close()
    header = red_header_for(kind, ws, red_header, number, data.today)
    if header is not None:
        import docx

        document = docx.Document(str(written))
        apply_red_header(document, header)
        document.save(str(written))
    return [written]


def red_header_for(kind: str, ws: Workspace, wanted: bool | None, number: str | None,
                   today: _dt.date) -> RedHeader | None:
    """The 红头 of an issued document: ``--red-header``/``--draft`` decide, else ``[documents] red_header``.

    Only the documents the office issues (通报, 通知) take one; asking for it on another kind is a
    usage error the command reports. Everything printed in it comes from ``[documents]``: the
    发文机关标志 (``issuer_mark``, default the issuer's name + 文件), the 发文字号 (``--number`` or
    ``number``), 抄送 (``cc``) and the 印发机关 (``printer``, default the issuer).
    """
    cfg = documents_config(ws)
    on = bool(cfg.get("red_header", False)) if wanted is None else wanted
    if not on:
        return None
    if kind not in ISSUED:
        if wanted:
            raise ValueError(f"{kind} 不是发文，不能加红头：红头只用于 {'、'.join(ISSUED)}（通报、通知）")
        return None
    county = ws.config.county
    issuer = str(cfg.get("issuer") or f"{county}委农村工作领导小组办公室").strip()
    cc = cfg.get("cc") or []
    cc_list = [str(c).strip() for c in (cc if isinstance(cc, list) else str(cc).replace("，", "、").split("、"))
               if str(c).strip()]
    return RedHeader(
        mark=str(cfg.get("issuer_mark") or f"{issuer}文件").strip(),
        number=(number or str(cfg.get("number") or "")).strip() or "【待补充：发文字号】",
        cc=cc_list,
        printer=str(cfg.get("printer") or issuer).strip(),
        printed=today,
    )


def phrase_placeholders(sections: Sequence[str] | None = None) -> set[str]:
    """Placeholder names used in the built-in phrase file (for documentation and tests)."""
    import string

    data = tomllib.loads(PHRASES_FILE.read_text(encoding="utf-8"))
    names: set[str] = set()
    for section, entries in data.items():
        if sections and section not in sections:
            continue
        for value in entries.values():
            for text in value if isinstance(value, list) else [value]:
                names |= {f for _, f, _, _ in string.Formatter().parse(str(text)) if f}
    return names
