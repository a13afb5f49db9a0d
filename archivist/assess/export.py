"""xlsx exports for the office (openpyxl): status (查漏补缺表), the rectification ledger, the self-scores.

Each workbook has a bold, filled, frozen header row, sensible column widths and the states coloured
the way the terminal tables colour them, so the sheet can be printed or sent to units as is. Files
are written to a temporary name and renamed, so a half-written workbook never replaces a good one.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..safety import protect_workbook

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from .ledger_checks import LedgerFinding
    from .problems import Problem
    from .scores import ScoreSummary
    from .status import IndicatorStatus, UnitStatus

HEADER_FILL = "DDEBF7"
STATE_FILLS = {"complete": "C6EFCE", "partial": "FFEB9C", "missing": "FFC7CE"}
RED, YELLOW, GREEN = "FFC7CE", "FFEB9C", "C6EFCE"


def _sheet(wb: Workbook, title: str, headers: Sequence[str], widths: Sequence[int], first: bool = False) -> Worksheet:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.active if first else wb.create_sheet()
    assert ws is not None
    ws.title = title
    ws.append(list(headers))
    for j, width in enumerate(widths, start=1):
        cell = ws.cell(row=1, column=j)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = "A2"
    return ws


def _append(ws: Worksheet, values: Iterable[Any], fill: str | None = None, fill_cols: Iterable[int] = ()) -> None:
    from openpyxl.styles import Alignment, PatternFill

    ws.append(list(values))
    row = ws.max_row
    for cell in ws[row]:
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    if fill:
        for j in fill_cols:
            ws.cell(row=row, column=j).fill = PatternFill("solid", fgColor=fill)


def save_workbook(wb: Workbook, path: Path) -> Path:
    """Write atomically (temp file + rename) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    protect_workbook(wb)  # descriptions, titles, units come from data: text, never formulas
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def write_status_xlsx(path: Path, statuses: list[IndicatorStatus], units: list[UnitStatus] | None = None,
                      findings: list[LedgerFinding] | None = None) -> Path:
    """查漏补缺表: one row per indicator, then per lead unit, evidence not counted, and ledger errors."""
    from openpyxl import Workbook

    from .status import STATE_LABELS, by_lead_unit

    wb = Workbook()
    ws = _sheet(wb, "指标佐证情况",
                ["考核", "大类", "指标代码", "指标名称", "分值", "牵头单位", "材料数", "状态", "已具备的佐证",
                 "缺少的佐证", "不计入的材料", "台账问题"],
                [10, 16, 9, 24, 7, 16, 7, 8, 40, 40, 30, 9], first=True)
    for s in statuses:
        points = s.points if s.points else (s.max_points or "")
        _append(ws, [s.framework_name, s.category_name, s.code, s.name, points, s.lead_unit, s.evidence_count,
                     STATE_LABELS[s.state], "\n".join(s.covered), "\n".join(s.missing),
                     "\n".join(f"{f.title}（{f.doc_date}）" for f in s.flagged), len(s.ledger_errors)],
                STATE_FILLS[s.state], [8])
    ws = _sheet(wb, "按牵头单位", ["牵头单位", "指标数", "齐全", "部分", "缺失", "材料数", "缺少佐证项", "不计入材料",
                                  "台账问题", "提示"], [18, 8, 7, 7, 7, 8, 10, 10, 9, 20])
    for u in units if units is not None else by_lead_unit(statuses):
        hint = "尚未报送任何材料" if u.sent_nothing else ("有缺失指标" if u.missing else "")
        _append(ws, [u.unit, len(u.indicators), u.complete, u.partial, u.missing, u.evidence_count, u.missing_items,
                     u.flagged, u.ledger_errors, hint], RED if u.sent_nothing else (YELLOW if u.missing else None),
                [1, 10])
    ws = _sheet(wb, "不计入的材料", ["指标代码", "材料编号", "题名", "日期", "原因"], [9, 14, 40, 12, 50])
    for s in statuses:
        for f in s.flagged:
            _append(ws, [s.code, f.id, f.title, f.doc_date, f.reason])
    ws = _sheet(wb, "台账数字问题", ["文件", "工作表", "行", "列", "列名", "问题类型", "说明", "应为", "表中"],
                [40, 12, 6, 5, 16, 10, 60, 10, 10])
    from .ledger_checks import KIND_LABELS

    seen: set[tuple[str, str, int, str, str]] = set()
    for f in findings if findings is not None else [f for s in statuses for f in s.ledger_errors]:
        key = (f.file, f.sheet, f.row, f.column, f.kind)
        if key in seen:  # a ledger serving two indicators is listed once
            continue
        seen.add(key)
        _append(ws, [f.file, f.sheet, f.row, f.column, f.header, KIND_LABELS.get(f.kind, f.kind), f.message,
                     f.expected, f.actual])
    return save_workbook(wb, path)


def write_problems_xlsx(path: Path, problems: list[Problem], today: dt.date | None = None) -> Path:
    """整改台账: every problem with its state and proof (overdue ones red), then counts per unit."""
    from openpyxl import Workbook

    from .problems import STATUS_LABELS, problems_by_unit

    today = today or dt.date.today()
    wb = Workbook()
    ws = _sheet(wb, "整改台账",
                ["编号", "问题描述", "责任单位", "发现来源", "发现日期", "整改时限", "关联指标", "现场类", "整改措施",
                 "状态", "是否逾期", "销号日期", "销号佐证", "备注"],
                [6, 50, 16, 14, 11, 11, 9, 7, 30, 8, 8, 11, 20, 24], first=True)
    for p in problems:
        late = p.overdue(today)
        flag = "逾期" if late else ("逾期销号" if p.closed_late else "")
        fill = RED if late else (GREEN if p.closed else None)
        _append(ws, [p.id, p.description, p.unit, p.source, p.found_date, p.deadline or "", p.indicator or "",
                     "是" if p.site else "", p.measures, STATUS_LABELS.get(p.status, p.status), flag,
                     p.closed_at or "", "、".join(p.close_evidence), p.close_note], fill, [10, 11])
    ws = _sheet(wb, "按责任单位", ["责任单位", "问题数", "未销号", "逾期", "已销号", "逾期销号", "逾期问题编号"],
                [20, 8, 8, 8, 8, 9, 24])
    for u in problems_by_unit(problems, today):
        _append(ws, [u.unit, u.total, u.open, u.overdue, u.closed, u.closed_late,
                     "、".join(f"#{i}" for i in u.overdue_ids)], RED if u.overdue else None, [1, 4])
    return save_workbook(wb, path)


def write_scores_xlsx(path: Path, summary: ScoreSummary) -> Path:
    """自评打分表: each indicator's self-score, cited evidence and warnings, then totals per framework."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = _sheet(wb, "自评得分", ["大类", "指标代码", "指标名称", "分值/上限", "自评分", "佐证材料", "说明", "提示"],
                [16, 9, 26, 9, 8, 24, 40, 50], first=True)
    for e in summary.entries:
        fill = RED if e.headline else (YELLOW if e.flags else None)
        _append(ws, [e.category_name, e.code, e.name, e.max_points, "" if e.points is None else e.points,
                     "、".join(e.evidence), e.note, "\n".join(([e.headline] if e.headline else []) + e.flags)],
                fill, [5, 8])
    ws = _sheet(wb, "得分汇总", ["考核", "基础分", "加分", "减分", "自评总分", "有佐证支撑的得分", "优秀线", "距优秀线",
                              "未自评指标"], [12, 9, 7, 7, 10, 16, 8, 9, 30])
    for f in summary.frameworks:
        _append(ws, [f.name, f.base, f.bonus, f.penalty, f.total, f.backed_total, f.excellent_line, f.gap,
                     "、".join(f.unscored)], RED if f.gap > 0 else GREEN, [8])
    return save_workbook(wb, path)
