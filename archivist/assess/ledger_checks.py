"""Ledger quality checks (台账质量): the "数字逻辑错误" inspectors find in xlsx ledgers.

For every xlsx ledger in the archive (filed or awaiting sorting), each sheet is read as a table —
title rows skipped, the header row found (a second header row under merged parent cells joined to
it), notes and signatures under the table ignored — and checked for:

- `total_mismatch`: a 合计/总计/小计 (or 全县/全镇…) row whose number differs from the sum of the rows it
  totals. A 小计 totals the rows since the previous total; a 合计 the detail rows of the whole block
  (so subtotals are not counted twice); a 合计 directly under the header totals the rows below it.
  Averages, rates, years, serial numbers and similar columns are not additive and are skipped.
- `count_mismatch`: a totals cell such as "16户" in a column of names, when the table lists another
  number of rows.
- `percent_mismatch`: a rate column (…率, 比例, 占比, %) whose value differs from numerator ÷ denominator.
  The pair of columns is found from the data (the pair that explains most rows, header words as a
  tie-break), so a row that breaks the pattern is caught without guessing column names.
- `duplicate_id` / `invalid_id`: an ID number (身份证号/证件号码) repeated within a sheet, or one that
  cannot be right (wrong length, wrong check digit, or stored as a number so Excel dropped its last
  digits). Messages show ID numbers masked.
- `empty_cell`: an empty cell in a required column (names, ID numbers, township/village, or a
  column filled in ≥90% of the rows, 备注-like columns excepted).

Each finding names the file, sheet, row, column and header. The archived file itself is read with
openpyxl (exact row numbers, percent formats); when it cannot be (legacy .xls), the sheets the
extractor stored in `meta["sheets"]` are checked instead. Results are cached by the file's sha256
in index/cache, so `status` stays fast on a large archive.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..textnorm import normalize
from .sha_cache import load_by_sha, save_by_sha

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..workspace import Workspace

log = logging.getLogger(__name__)

CHECKS_VERSION = 2  # bump when a rule changes: cached findings are then recomputed
MAX_ROWS = 20000
MAX_COLS = 120
MAX_FINDINGS_PER_SHEET = 30
HEADER_SCAN_ROWS = 15

# '共36人' closes a roster as 合计 does
TOTAL_LABEL = re.compile(r"^.{0,12}(合计|总计|小计|共计|汇总)[:：]?$|^总数[:：]?$"
                         r"|^(?:合计|共计|总计|共)[:：]?\s*\d+\s*(?:户|人|名|个|项|处|条|家|笔)$")
# 全县/全镇 rows total the others only when their numbers say so; 县本级 is a unit of its own, never a total
AREA_LABEL = re.compile(r"^全(县|市|区|镇|乡|村|旗|州)[:：]?$")
# a cell that is a label with its value (发放单位：岚山县乡村振兴局, 监督人：, 日期：2025年1月10日)
LABEL_CELL = re.compile(r"^[\u4e00-\u9fff（）()]{2,8}\s*[:：]")
PART_LABEL = re.compile(r"^(其中|内含|含)[:：]?")
SUBTOTAL_LABEL = re.compile(r"小计")
NOTE_PREFIX = re.compile(r"^(注|说明|备注|制表|填表|填报|审核|审批|负责人|单位负责人|统计人|联系人|数据来源|附注|签字)")
NON_ADDITIVE = re.compile(
    # 年度 only as the year itself (年度, 所属年度（年）): 年度任务（户）, 2024年度收入（万元） are quantities
    r"率|比例|比重|占比|%|百分|均|平均|单价|价格|年龄|序号|编号|号码|代码|日期|时间|年度(?=$|[（(])|年份|年月|电话|手机|身份证|证件"
    r"|排名|名次|得分|分值|标准|指数|增长|增幅|同比|环比|期限|周次|批次"
)
# Headers whose total row is never a column sum: averages, per-unit figures, rates, prices, standards.
AVERAGE_HEADER = re.compile(r"单产|亩产|亩均|人均|户均|村均|平均|均价|单价|标准|率|%|占比|比例|比重|百分|均值")
# Headers of things that add up (counts, money, areas, amounts): a wrong 合计 here is a real error.
ADDITIVE_HEADER = re.compile(
    r"数|户|人|个|万元|元|亩|面积|金额|资金|投资|产量|公里|千米|吨|头|只|套|座|处|家|台|条|件|项|名|次|场|天|收入|支出|总额|规模"
)
RATE_HEADER = re.compile(r"率|比例|占比|%|百分比|比重")
ID_HEADER = re.compile(r"身份证|证件号|身份号码|公民身份")
REQUIRED_HEADER = re.compile(r"姓名|户主|身份证|证件号|乡镇|行政村|^村$|村名|所在村|项目名称|^名称$|联系电话|手机")
OPTIONAL_HEADER = re.compile(r"备注|说明|附注|其他|其它|签字|签名|签章|盖章")
COUNT_CELL = re.compile(r"^(\d+)\s*(户|人|项|个|条|件|名|处|家|所|座|村|宗|笔)$")
NOTHING = {"无", "否", "-", "—", "－", "/", "0", "暂无", "没有"}
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
PAIR_SAMPLE_ROWS = 300
RATE_TOLERANCE = 0.0051  # a percentage shown to whole percent is off by at most half a point


_HAS_DIGIT = re.compile(r"[0-9０-９]")
_NUMBER_WIDTH = str.maketrans("０１２３４５６７８９．％，－＋", "0123456789.%,-+")


class Percent(float):
    """A number known to be a fraction shown as a percentage (a %-formatted cell, or "98.0%")."""


@dataclass
class LedgerFinding:
    """One error in one cell of one ledger, with where it is and what it should be."""

    evidence_id: str
    file: str
    sheet: str
    row: int  # the sheet's own row number (1-based), as Excel shows it
    column: str  # column letter, e.g. "D"
    header: str
    kind: str  # total_mismatch | count_mismatch | percent_mismatch | duplicate_id | invalid_id | empty_cell
    message: str
    expected: Any = None
    actual: Any = None
    indicator: str | None = None
    confidence: float = 1.0  # how sure the check is; below REPORT_CONFIDENCE a finding is kept but not reported
    cells: list[str] = field(default_factory=list)  # the cells the finding rests on, e.g. ["D9=1300", "D3=198"]

    @property
    def location(self) -> str:
        head = f"（{self.header}）" if self.header else ""
        return f"{self.file}「{self.sheet}」第{self.row}行{self.column}列{head}"

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"location": self.location}


REPORT_CONFIDENCE = 0.8


def is_reportable(finding: LedgerFinding) -> bool:
    """Whether a finding is sure enough to show in status and print in a document that names a unit.

    A false 数字逻辑错误 in an official 通报 is worse than a missed one, so unsure findings (a 合计 row
    none of whose numbers add up, check digits in a column of made-up IDs) stay out.
    """
    return finding.confidence >= REPORT_CONFIDENCE


def reportable(findings: list[LedgerFinding]) -> list[LedgerFinding]:
    return [f for f in findings if is_reportable(f)]


KIND_LABELS = {
    "total_mismatch": "合计不符",
    "count_mismatch": "合计数不符",
    "percent_mismatch": "比例不符",
    "duplicate_id": "证件号重复",
    "invalid_id": "证件号有误",
    "empty_cell": "必填为空",
}


@dataclass
class Table:
    """One sheet as a table: its header labels and its rows below the header, with Excel row numbers."""

    name: str
    header_row: int
    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    approximate_rows: bool = False  # rebuilt from the extractor's meta, which drops empty rows


# reading ---------------------------------------------------------------------------------------
def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and to_number(value) is None


def to_number(value: Any) -> float | None:
    """A cell as a number: ints, floats, "1,320", "98.0%" (→ Percent 0.98); None for anything else."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return value if isinstance(value, Percent) else float(value)
    if isinstance(value, str):
        if not _HAS_DIGIT.search(value):
            return None  # the common case for text cells: no need to look further
        text = re.sub(r"[,\s]", "", value.translate(_NUMBER_WIDTH))
        if not text:
            return None
        if text.endswith("%"):
            try:
                return Percent(float(text[:-1]) / 100)
            except ValueError:
                return None
        if re.fullmatch(r"[-+]?\d+(\.\d+)?", text):
            return float(text)
    return None


@lru_cache(maxsize=65536)
def _label_text(text: str) -> str:
    return re.sub(r"\s+", "", normalize(text))


def _label(value: Any) -> str:
    """A cell as a label: normalised (合計 → 合计), no spaces; cached, ledgers repeat their labels."""
    return _label_text(str(value)) if not _is_blank(value) else ""


def find_header(rows: list[list[Any]]) -> int | None:
    """Index (in `rows`) of the header row: the first row of several text cells and no numbers.

    A title row (one merged cell) has a single value; a header row has at least two text cells
    (three when the table is wider than three columns) and no numbers.
    """
    width = max((sum(1 for v in r if not _is_blank(v)) for r in rows[:HEADER_SCAN_ROWS]), default=0)
    need = 2 if width <= 3 else 3
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        filled = [v for v in row if not _is_blank(v)]
        if len(filled) >= need and all(_is_text(v) for v in filled) and not any(_FILL_FIELD.search(_label(v))
                                                                                 for v in filled):
            return i
    return None


# '填报单位：' | '青溪镇人民政府' | '填报日期：2024.9.30' — the form's fill line in cells, not its header
_FILL_FIELD = re.compile(r"[:：]\s*$|^(?:填报|制表|报送|编制|统计|审核|填表)[^，。]{0,6}[:：]|日期[:：]")


def _sequence_row(row: list[Any]) -> bool:
    """A 栏次 row under a statistics header: 1, 2, 3 … (or 甲 乙 1 2 3) across the columns."""
    numbers = [to_number(v) for v in row if not _is_blank(v)]
    numbers = [n for n in numbers if n is not None]
    return len(numbers) >= 3 and numbers == [float(i) for i in range(int(numbers[0]), int(numbers[0]) + len(numbers))]


def build_table(name: str, rows: list[list[Any]], first_row: int = 1) -> Table | None:
    """A table from raw sheet rows (`first_row` is the sheet row number of rows[0])."""
    at = find_header(rows)
    if at is None:
        return None
    header = list(rows[at])
    body_start = at + 1
    # A second header row under merged parent cells: parent gaps filled forward, labels joined.
    if body_start < len(rows):
        nxt = rows[body_start]
        gaps = [j for j, v in enumerate(header) if _is_blank(v)]
        filled = [v for v in nxt if not _is_blank(v)]
        if gaps and filled and all(_is_text(v) for v in filled) and any(
            j < len(nxt) and not _is_blank(nxt[j]) for j in gaps
        ):
            parent = ""
            joined = []
            for j in range(max(len(header), len(nxt))):
                top = header[j] if j < len(header) else None
                parent = _label(top) if not _is_blank(top) else parent
                child = _label(nxt[j]) if j < len(nxt) and not _is_blank(nxt[j]) else ""
                joined.append(f"{parent}{child}" if child and child != parent else (parent if not child else child))
            header = joined
            body_start += 1
    # read-only openpyxl pads every row to the widest column any row ever touched: trim to the data
    width = max((j + 1 for r in rows[at:] for j, v in enumerate(r) if not _is_blank(v)), default=0)
    width = max(width, max((j + 1 for j, v in enumerate(header) if not _is_blank(v)), default=0))
    headers = [_label(v) for v in header[:width]] + [""] * max(0, width - len(header))
    table = Table(name, first_row + at, headers)
    for k in range(body_start, len(rows)):
        row = list(rows[k])[:width]
        if all(_is_blank(v) for v in row):
            continue
        if _sequence_row(row) and k == body_start:
            continue
        table.rows.append((first_row + k, row + [None] * (width - len(row))))
    return table


def read_workbook(path: Path) -> list[Table]:
    """Every sheet of an xlsx file that has a header row, read with cached values and % formats."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    tables = []
    try:
        for sheet in wb.worksheets:
            # junk formatting can declare the sheet as wide as column XFD; read what is really there
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()
            rows: list[list[Any]] = []
            for r, cells in enumerate(sheet.iter_rows()):
                if r >= MAX_ROWS:
                    break
                values = []
                for cell in cells[:MAX_COLS]:
                    value = getattr(cell, "value", None)
                    fmt = getattr(cell, "number_format", "") or ""
                    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in fmt:
                        value = Percent(value)
                    values.append(value)
                rows.append(values)
            table = build_table(sheet.title, rows)
            if table:
                tables.append(table)
    finally:
        wb.close()
    return tables


def tables_from_meta(meta: dict[str, Any] | None) -> list[Table]:
    """Tables from the extractor's `meta["sheets"]` ([{name, header, rows}], optional header_row)."""
    tables = []
    for sheet in (meta or {}).get("sheets") or []:
        if not isinstance(sheet, dict):
            continue
        header = list(sheet.get("header") or [])
        rows = [list(r) for r in sheet.get("rows") or [] if isinstance(r, list | tuple)]
        header_row = int(sheet.get("header_row") or 1)
        table = build_table(str(sheet.get("name") or "Sheet1"), [header, *rows], first_row=header_row)
        if table:
            table.approximate_rows = True
            tables.append(table)
    return tables


# the checks ------------------------------------------------------------------------------------
def _row_label(row: list[Any]) -> str:
    """The first text cells of a row, joined: where 合计/小计 labels sit."""
    texts = [_label(v) for v in row[:4] if _is_text(v)]
    return texts[0] if texts else ""


def row_role(row: list[Any]) -> str:
    """'total', 'subtotal', 'county' (a 全县-like row: a total only if its numbers say so), 'part' (其中…),
    'note' or 'detail'."""
    filled = [v for v in row if not _is_blank(v)]
    first_texts = [_label(v) for v in row[:4] if _is_text(v)]
    for text in first_texts[:2]:
        if PART_LABEL.match(text):
            return "part"
        if TOTAL_LABEL.match(text):
            return "subtotal" if SUBTOTAL_LABEL.search(text) else "total"
        if AREA_LABEL.match(text):
            return "county"
    if len(filled) >= 2 and all(isinstance(v, str) and LABEL_CELL.match(v.strip()) for v in filled):
        return "note"  # 经办人：　审核人：　日期：2025年1月10日 — a signature line under the table
    if filled and isinstance(filled[0], str) and NOTE_PREFIX.match(_label(filled[0])):
        numbers = [v for v in filled[1:] if to_number(v) is not None and not _looks_like_phone(v)]
        if len(filled) <= 2 or not numbers:
            return "note"
    if len(filled) == 1 and isinstance(filled[0], str) and len(filled[0].strip()) > 12:
        return "note"
    return "detail"


def _looks_like_phone(value: Any) -> bool:
    return bool(re.fullmatch(r"1\d{10}|0\d{2,3}-?\d{7,8}", re.sub(r"\s", "", str(value))))


def _fmt(value: float) -> str:
    if isinstance(value, Percent):
        return f"{value * 100:.1f}%"
    return f"{value:.0f}" if abs(value - round(value)) < 1e-9 else f"{value:.2f}".rstrip("0").rstrip(".")


def _rows_span(rows: list[int]) -> str:
    if not rows:
        return "（无）"
    return f"第{rows[0]}行" if len(rows) == 1 else f"第{rows[0]}–{rows[-1]}行"


def _decimals(value: float) -> int:
    text = repr(float(value))
    return 0 if "e" in text or "." not in text else min(len(text.split(".")[1].rstrip("0")), 4)


def _close(shown: float, computed: float) -> bool:
    """Whether a shown figure is the computed one as people round it (display precision, or 0.2 %)."""
    tolerance = max(0.5 * 10 ** -_decimals(shown) + 1e-9, 0.002 * abs(computed))
    return abs(shown - computed) <= tolerance


def _sum_close(total: float, values: list[float]) -> bool:
    expected = sum(values)
    integral = all(abs(v - round(v)) < 1e-9 for v in [*values, total])
    tolerance = 1e-6 if integral else 0.005 * (len(values) + 1)
    return abs(expected - total) <= tolerance


Block = list[tuple[int, list[Any]]]


@dataclass
class _ColumnCheck:
    """One number of a total row against one block of rows: how the total relates to them."""

    col: int
    total: float
    values: list[float]
    rows: list[int]
    how: str | None  # "sum" | "mean" | "weighted" | "ratio" | "parents" | None (explained by nothing)


class _Checker:
    def __init__(self, evidence_id: str, file: str, indicator: str | None) -> None:
        self.evidence_id = evidence_id
        self.file = file
        self.indicator = indicator
        self.findings: list[LedgerFinding] = []

    def add(self, table: Table, row: int, col: int, kind: str, what: str, expected: Any = None,
            actual: Any = None, *, confidence: float = 0.9, cells: list[str] | None = None) -> None:
        header = table.headers[col] if col < len(table.headers) else ""
        finding = LedgerFinding(self.evidence_id, self.file, table.name, row, column_letter(col), header, kind,
                                "", expected, actual, self.indicator, round(confidence, 2), list(cells or [])[:60])
        finding.message = f"{finding.location}：{what}"
        if table.approximate_rows:
            finding.message += "（行号按提取内容推算，可能与原表略有出入）"
        self.findings.append(finding)

    def check(self, table: Table) -> None:
        start = len(self.findings)
        roles = [(r, row, row_role(row)) for r, row in table.rows]
        roles = _continued_parts(_without_notes(roles))
        self.check_totals(table, roles)
        self.check_percentages(table, roles)
        self.check_growth(table, roles)
        self.check_ids(table, roles)
        self.check_empty(table, roles)
        sure = [f for f in self.findings[start:] if is_reportable(f)]
        extra = len(sure) - MAX_FINDINGS_PER_SHEET
        if extra > 0:
            kept = sure[:MAX_FINDINGS_PER_SHEET]
            del self.findings[start:]
            self.findings.extend(kept)
            last = kept[-1]
            summary = LedgerFinding(self.evidence_id, self.file, table.name, last.row, last.column, last.header,
                                    last.kind, "", None, extra, self.indicator, last.confidence, [])
            summary.message = f"{self.file}「{table.name}」：另有 {extra} 处问题未逐条列出，请逐行核对该表"
            self.findings.append(summary)

    # 合计 / 小计 ------------------------------------------------------------------------------
    def check_totals(self, table: Table, roles: list[tuple[int, list[Any], str]]) -> None:
        """Walk the rows keeping the blocks a total may close: details since the last total, since the
        last 小计, and the 小计 rows themselves; a 全县-like row joins the details unless its numbers
        make it a total."""
        details: Block = []
        since_sub: Block = []
        subs: Block = []
        for index, (r, row, role) in enumerate(roles):
            if role == "detail":
                details.append((r, row))
                since_sub.append((r, row))
                continue
            if role not in ("total", "subtotal", "county"):
                continue  # 其中 rows are parts of the row above, not added to any total
            below = _block_below(roles, index, stop_at_subtotal=role == "subtotal")
            if role == "subtotal":
                blocks = [b for b in (since_sub, below) if b]
            elif role == "total":
                blocks = [b for b in (details, subs, below if not details else []) if b]
            else:
                blocks = [b for b in (details if details else below,) if b]
            if role == "county" and not self._is_total(table, row, blocks):
                details.append((r, row))
                since_sub.append((r, row))
                continue
            self._compare(table, r, row, blocks, role)
            if role == "subtotal":
                subs.append((r, row))
                since_sub = []
            else:
                details, since_sub, subs = [], [], []

    def _column_checks(self, table: Table, total_row: list[Any], block: Block) -> list[_ColumnCheck]:
        """Each number of the total row against one block, with the way it relates to the block's values."""
        label_col = next((j for j, v in enumerate(total_row[:4]) if _is_text(v)), -1)
        checks = []
        numeric = _numeric_block(block, len(table.headers))
        for j, cell in enumerate(total_row):
            if j == label_col or j >= len(table.headers):
                continue
            total = to_number(cell)
            if total is None or isinstance(total, Percent) or j not in numeric:
                continue
            if re.search(r"序号|编号|代码|年度(?=$|[（(])|年份|日期|时间|电话|身份证|排名|名次", table.headers[j]):
                continue
            values = numeric[j]
            rows = [rr for rr, _ in block]
            checks.append(_ColumnCheck(j, total, values, rows,
                                       _explain(total, j, values, numeric, total_row, table.headers[j])))
        return checks

    def _is_total(self, table: Table, row: list[Any], blocks: list[Block]) -> bool:
        """A 全县/全镇 row is a total when most of its additive numbers are sums of the block (never on
        the label alone: a county-level project listed as 全县 is an ordinary row)."""
        for block in blocks:
            checks = [c for c in self._column_checks(table, row, block) if not _never_summed(table.headers[c.col])]
            sums = sum(1 for c in checks if c.how in ("sum", "parents"))
            if checks and sums >= 1 and sums * 2 >= len(checks):
                return True
        return False

    def _compare(self, table: Table, r: int, total_row: list[Any], blocks: list[Block], role: str) -> None:
        if not blocks:
            return
        label_col = next((j for j, v in enumerate(total_row[:4]) if _is_text(v)), -1)
        # the block that explains the most columns is the one this total closes
        scored = []
        for block in blocks:
            checks = self._column_checks(table, total_row, block)
            scored.append((sum(1 for c in checks if c.how), -len(scored), block, checks))
        scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
        explained_cols = {c.col for _, _, _, checks in scored for c in checks if c.how}
        _, _, block, checks = scored[0]
        for j, cell in enumerate(total_row):
            if j != label_col and isinstance(cell, str) and (m := COUNT_CELL.match(_label(cell))):
                self._compare_count(table, r, j, int(m.group(1)), block)
        additive = [c for c in checks if not _never_summed(table.headers[c.col])]
        agreeing = sum(1 for c in additive if c.how)
        label = _row_label(total_row) or "合计"
        for c in additive:
            if c.how or c.col in explained_cols:
                continue
            header = table.headers[c.col]
            if agreeing >= 1:
                confidence = 0.92 if ADDITIVE_HEADER.search(header) else 0.85
            elif len(additive) == 1:
                # the only number of the row: nothing else confirms that this row totals these rows
                confidence = 0.85 if ADDITIVE_HEADER.search(header) and len(c.values) >= 2 else 0.6
            elif _stale_total(additive, block):
                confidence = 0.8  # every column a little off: a 合计 typed in before the rows changed
            else:
                confidence = 0.4  # no column adds up: this row does not total these rows at all
            if role == "county":
                confidence = min(confidence, 0.85)
            expected = sum(c.values)
            letter = column_letter(c.col)
            cells = [f"{letter}{r}={_fmt(c.total)}"] + [f"{letter}{rr}={_fmt(v)}" for rr, v in
                                                         _row_values(block, c.col)]
            self.add(table, r, c.col, "total_mismatch",
                     f"{label}为 {_fmt(c.total)}，但{_rows_span(c.rows)}之和为 {_fmt(expected)}"
                     f"（相差 {_fmt(c.total - expected)}）", round(expected, 6), c.total,
                     confidence=confidence, cells=cells)

    def _compare_count(self, table: Table, r: int, j: int, stated: int, block: Block) -> None:
        values = [row[j] for _, row in block if j < len(row) and not _is_blank(row[j])]
        if not values or any(not _is_text(v) and to_number(v) != 0 for v in values):
            return
        values = [v for v in values if _is_text(v) and _label(v) not in NOTHING]
        counts = [COUNT_CELL.match(_label(v)) for v in values]
        if values and all(counts):  # '3户', '4户' … under '53户': the total adds the counts, not the rows
            if sum(int(m.group(1)) for m in counts if m) != stated:
                self.add(table, r, j, "count_mismatch",
                         f"合计写 {stated}，但{_rows_span([rr for rr, _ in block])}之和为 "
                         f"{sum(int(m.group(1)) for m in counts if m)}", None, stated, confidence=0.85,
                         cells=[f"{column_letter(j)}{r}={stated}"])
            return
        if len(values) != stated:
            letter = column_letter(j)
            distinct = len({_label(v) for v in values})
            # "16户" over a list of people (several rows per household) counts something else
            confidence = 0.85 if distinct == len(values) or distinct != stated else 0.5
            self.add(table, r, j, "count_mismatch",
                     f"合计写 {stated}，但明细列有 {len(values)} 行（{_rows_span([rr for rr, _ in block])}）",
                     len(values), stated, confidence=confidence,
                     cells=[f"{letter}{r}={stated}"] + [f"{letter}{rr}" for rr, _ in block])

    # 比例 ------------------------------------------------------------------------------------
    def check_percentages(self, table: Table, roles: list[tuple[int, list[Any], str]]) -> None:
        data = [(r, row, role) for r, row, role in roles if role in ("detail", "total", "subtotal", "county")]
        if not data:
            return
        width = len(table.headers)
        nums = [[to_number(row[j]) if j < len(row) else None for j in range(width)] for _, row, _ in data]
        numeric_cols = [
            j for j in range(width)
            if not NON_ADDITIVE.search(table.headers[j])
            and any(v[j] is not None and not isinstance(v[j], Percent) for v in nums)
        ]
        sample = range(min(len(data), PAIR_SAMPLE_ROWS))  # enough rows to recognise the pair of columns
        for c in range(width):
            header = table.headers[c]
            rated = [i for i in range(len(data)) if nums[i][c] is not None]
            is_rate_col = RATE_HEADER.search(header) or (rated and all(isinstance(nums[i][c], Percent) for i in rated))
            if not is_rate_col or len(rated) < 2 or re.search(r"增长|增幅|同比|环比|下降|降低", header):
                continue
            percent_header = "%" in header
            best: tuple[tuple[int, int, int], int, int] | None = None
            for a in numeric_cols:
                for b in numeric_cols:
                    if a == b or c in (a, b):
                        continue
                    matches, tried = self._rate_fit(nums, sample, c, a, b, percent_header)
                    if tried == 0:
                        continue
                    key = (matches, _affinity(header, table.headers[a], table.headers[b]), -abs(c - a) - abs(c - b))
                    if best is None or key > best[0]:
                        best = (key, a, b)
            if best is None:
                continue
            (_, affinity, _), a, b = best
            matches, tried = self._rate_fit(nums, range(len(data)), c, a, b, percent_header)
            if matches < 2 or matches < 0.6 * tried:
                continue
            if matches >= 3 and matches >= 0.7 * tried:
                confidence = 0.92
            elif affinity > 0:
                confidence = 0.8
            else:
                confidence = 0.6  # two rows fit by chance as easily as by design
            detail_rates = [nums[i][c] for i in range(len(data)) if data[i][2] == "detail" and nums[i][c] is not None]
            names = (table.headers[a] or column_letter(a), table.headers[b] or column_letter(b))
            for i, (r, _row, role) in enumerate(data):
                rate, num, den = nums[i][c], nums[i][a], nums[i][b]
                if rate is None or num is None or not den or _rate_matches(rate, num / den, percent_header):
                    continue
                if role != "detail" and detail_rates and _close(rate, sum(detail_rates) / len(detail_rates)):
                    continue  # a 合计 that shows the mean of the rows' rates is an average, not an error
                if role != "detail" and any(f.kind == "total_mismatch" and f.sheet == table.name and f.row == r
                                            and f.column in (column_letter(a), column_letter(b))
                                            for f in self.findings):
                    continue  # the wrong 合计 it is computed from is the error, already reported
                if isinstance(rate, Percent):
                    shown = rate
                else:
                    shown = Percent(rate / 100) if percent_header or rate > 1.5 else Percent(rate)
                expected = Percent(num / den)
                formula = f"{names[0]} {_fmt(num)} ÷ {names[1]} {_fmt(den)}"
                cells = [f"{column_letter(c)}{r}={_fmt(shown)}", f"{column_letter(a)}{r}={_fmt(num)}",
                         f"{column_letter(b)}{r}={_fmt(den)}"]
                self.add(table, r, c, "percent_mismatch", f"应为 {_fmt(expected)}（{formula}），表中为 {_fmt(shown)}",
                         round(expected * 100, 2), round(shown * 100, 2), confidence=confidence, cells=cells)

    def check_growth(self, table: Table, roles: list[tuple[int, list[Any], str]]) -> None:
        """A 增长率/增幅/同比 column is (this − last) ÷ last of two other columns: found from the rows that fit,
        reported where a row does not (confident only when most rows fit the same pair)."""
        data = [(r, row, role) for r, row, role in roles if role in ("detail", "total", "subtotal", "county")]
        width = len(table.headers)
        nums = [[to_number(row[j]) if j < len(row) else None for j in range(width)] for _, row, _ in data]
        # 人均 columns are operands here
        operand = re.compile(r"序号|编号|号码|代码|日期|时间|电话|身份证|证件|率|%|增")
        numeric_cols = [j for j in range(width) if not operand.search(table.headers[j])
                        and any(v[j] is not None and not isinstance(v[j], Percent) for v in nums)]
        for c in range(width):
            header = table.headers[c]
            if not re.search(r"增长|增幅|同比", header) or re.search(r"下降|降低|额|量|数$", header):
                continue
            percent_header = "%" in header or "率" in header
            tolerance = _shown_tolerance([v[c] for v in nums], percent_header)
            best: tuple[int, int, int, int] | None = None  # (matches, tried, a, b)
            for a in numeric_cols:
                for b in numeric_cols:
                    if a == b or c in (a, b):
                        continue
                    fit = [_rate_matches(nums[i][c], (nums[i][a] - nums[i][b]) / nums[i][b], percent_header,
                                         tolerance)
                           for i in range(len(data)) if nums[i][c] is not None and nums[i][a] is not None
                           and nums[i][b]]
                    if fit and (best is None or sum(fit) > best[0]):
                        best = (sum(fit), len(fit), a, b)
            # three rows fitting one pair of columns; or, in a table of three, two of them (the header says 增长)
            if best is None or best[0] < min(3, max(best[1] - 1, 2)) or best[0] < 0.6 * best[1]:
                continue
            _, _, a, b = best
            names = (table.headers[a] or column_letter(a), table.headers[b] or column_letter(b))
            for i, (r, _row, _role) in enumerate(data):
                rate, now_, before = nums[i][c], nums[i][a], nums[i][b]
                if rate is None or now_ is None or not before:
                    continue
                growth = (now_ - before) / before
                if _rate_matches(rate, growth, percent_header, tolerance):
                    continue
                shown = rate if isinstance(rate, Percent) else Percent(rate / 100 if percent_header else rate)
                self.add(table, r, c, "percent_mismatch",
                         f"应为 {_fmt(Percent(growth))}（（{names[0]} {_fmt(now_)} − {names[1]} {_fmt(before)}）÷ "
                         f"{names[1]} {_fmt(before)}），表中为 {_fmt(shown)}", round(growth * 100, 2),
                         round(shown * 100, 2), confidence=0.9,
                         cells=[f"{column_letter(c)}{r}", f"{column_letter(a)}{r}={_fmt(now_)}",
                                f"{column_letter(b)}{r}={_fmt(before)}"])

    @staticmethod
    def _rate_fit(nums: list[list[float | None]], rows: range, c: int, a: int, b: int,
                  percent_header: bool) -> tuple[int, int]:
        """(rows where column c equals a ÷ b, rows where all three are numbers and b ≠ 0)."""
        matches = tried = 0
        for i in rows:
            rate, num, den = nums[i][c], nums[i][a], nums[i][b]
            if rate is None or num is None or not den:
                continue
            tried += 1
            matches += _rate_matches(rate, num / den, percent_header)
        return matches, tried

    # 证件号码 ----------------------------------------------------------------------------------
    def check_ids(self, table: Table, roles: list[tuple[int, list[Any], str]]) -> None:
        for c, header in enumerate(table.headers):
            if not ID_HEADER.search(header):
                continue
            entries: list[tuple[int, str]] = []
            for r, row, role in roles:
                if role not in ("detail", "part") or c >= len(row) or _is_blank(row[c]):
                    continue
                raw = row[c]
                if isinstance(raw, int | float) and not isinstance(raw, bool):
                    digits = str(raw) if isinstance(raw, int) else f"{raw:.0f}"  # an int has every digit
                    if len(digits) < 15:
                        continue
                    # Excel keeps 15 significant digits: an 18-digit number read as a float, or ending in the
                    # zeros of that rounding, that no longer validates has lost its tail. One that validates
                    # is intact.
                    rounded = isinstance(raw, float) or digits[15:] == "000"
                    if len(digits) == 18 and rounded and id_problem(digits):
                        self.add(table, r, c, "invalid_id",
                                 f"证件号码 {mask_id(digits)} 以数字格式保存，Excel 已丢失末几位："
                                 "请把该列设为文本后重新录入", None, mask_id(digits), confidence=0.9,
                                 cells=[f"{column_letter(c)}{r}"])
                        continue
                    entries.append((r, digits))
                    continue
                value = re.sub(r"[\s'‘’]", "", normalize(str(raw))).upper()
                if "*" in value or len(re.findall(r"\d", value)) < 15:
                    continue  # masked on purpose, a repeated header, 无, 待补: nothing to judge
                entries.append((r, value))
            if not entries:
                continue
            shaped = [v for _, v in entries if re.fullmatch(r"\d{17}[\dX]|\d{15}", v)]
            valid = sum(1 for v in shaped if id_problem(v) is None)
            # IDs that are mostly "wrong" are made-up or test data: one check digit then proves nothing
            trust_check_digits = len(entries) >= 3 and valid >= 0.8 * len(entries)
            # a household's ID on every member's row repeats on purpose — only where the rows are members
            member_rows = any(re.search(r"与户主关系|家庭成员|成员姓名|关系", h) for h in table.headers)
            head_of_household = bool(re.search(r"户主|家长", header)) and member_rows
            counts: dict[str, int] = {}
            for _, v in entries:
                counts[v] = counts.get(v, 0) + 1
            repeated_share = sum(n for n in counts.values() if n > 1) / len(entries)
            seen: dict[str, int] = {}
            for r, value in entries:
                letter = column_letter(c)
                if value in seen:
                    if head_of_household or (repeated_share > 0.5 and len(entries) >= 6):
                        continue  # a household's ID on every member's row, not a duplicate entry
                    ok = id_problem(value) is None
                    self.add(table, r, c, "duplicate_id", f"证件号码 {mask_id(value)} 与第{seen[value]}行重复",
                             seen[value], mask_id(value), confidence=0.95 if ok else 0.85,
                             cells=[f"{letter}{seen[value]}", f"{letter}{r}"])
                    continue
                seen[value] = r
                problem = id_problem(value)
                if problem:
                    self.add(table, r, c, "invalid_id", f"证件号码 {mask_id(value)} {problem}", None, mask_id(value),
                             confidence=0.85 if trust_check_digits else 0.5, cells=[f"{letter}{r}"])

    def check_ids_across(self, tables: list[Table]) -> None:
        """The same 身份证号 on two sheets of one workbook (one person entered for two towns). Sheets that
        share many IDs are a 汇总 copying the data sheets, not duplicates: they are left alone."""
        ids: list[tuple[Table, dict[str, int]]] = []
        for table in tables:
            found: dict[str, int] = {}
            for c, header in enumerate(table.headers):
                if not ID_HEADER.search(header) or re.search(r"户主|家长", header):
                    continue
                for r, row in table.rows:
                    if c < len(row) and not _is_blank(row[c]):
                        raw = row[c]
                        v = str(raw) if isinstance(raw, int) else re.sub(r"[\s'‘’]", "", normalize(str(raw))).upper()
                        if re.fullmatch(r"\d{17}[\dX]", v):
                            found.setdefault(v, r)
            if found:
                ids.append((table, found))
        for i, (first, a) in enumerate(ids):
            for second, b in ids[i + 1:]:
                shared = a.keys() & b.keys()
                if not shared or len(shared) > 0.2 * min(len(a), len(b)):
                    continue
                for v in sorted(shared, key=lambda x: b[x]):
                    c = next(j for j, h in enumerate(second.headers) if ID_HEADER.search(h))
                    self.add(second, b[v], c, "duplicate_id",
                             f"证件号码 {mask_id(v)} 与「{first.name}」第{a[v]}行重复", a[v], mask_id(v),
                             confidence=0.9, cells=[f"「{first.name}」{a[v]}", f"{column_letter(c)}{b[v]}"])

    # 必填 ------------------------------------------------------------------------------------
    def check_empty(self, table: Table, roles: list[tuple[int, list[Any], str]]) -> None:
        # a 县本级 row is a unit of its own: no 序号, no village
        details = [(r, row) for r, row, role in roles if role == "detail" and _is_data_row(row, table)
                   and not any(isinstance(v, str) and (LEVEL_ROW.match(_label(v)) or REFERENCE_ROW.match(v.strip()))
                               for v in row[:4])]
        if len(details) < 3:
            return
        for c, header in enumerate(table.headers):
            if not header or OPTIONAL_HEADER.search(header) or SERIAL_HEADER.match(header):
                continue  # an unnumbered row (a 县本级, a late addition) is no omission
            values = [row[c] for _, row in details if c < len(row) and not _is_blank(row[c])]
            filled = len(values)
            if filled == 0 or filled == len(details):
                continue
            # A mostly filled *numeric* column is required too (a blank 实出勤天数 is an omission); a
            # mostly filled text column is not: 结业证书编号 stays blank for the one who did not finish.
            numeric = all(to_number(v) is not None for v in values)
            mostly_filled = filled >= 0.9 * len(details) or (len(details) >= 8 and len(details) - filled == 1)
            if REQUIRED_HEADER.search(header) and filled >= 0.8 * len(details):
                confidence = 0.9
            elif numeric and len(details) >= 5 and mostly_filled and not re.search(
                    r"时间|日期|金额|补助|补贴|资金|收入", header):
                confidence = 0.8
            elif numeric and len(details) >= 5 and mostly_filled and re.search(r"金额", header) \
                    and any(re.search(r"发放账号|银行卡|账号|领款|发放", h) for h in table.headers):
                confidence = 0.85  # a payment roster: every row is paid, a blank 金额 is an omission
            elif not numeric and len(details) >= 8 and len(details) - filled <= max(1, len(details) // 20) \
                    and not LATER_EVENT_HEADER.search(header):
                # a text column filled on every row but one (整改措施, 责任单位, 产权归属): the one blank is an
                # omission — unless the row says why (未结业, 不合格, 退出, 否): then it is the row's state
                confidence = 0.8
            else:
                continue
            for r, row in details:
                if not numeric and not REQUIRED_HEADER.search(header) and _row_says_not(row, c):
                    continue
                if c >= len(row) or _is_blank(row[c]):
                    self.add(table, r, c, "empty_cell", f"“{header}”未填写", None, None, confidence=confidence,
                             cells=[f"{column_letter(c)}{r}"])


LEVEL_ROW = re.compile(r"^(?:县|市|乡|镇|区)?本级$")
REFERENCE_ROW = re.compile(r"^(?:参考|对比|比较|附)[:：]")  # 参考：城镇居民 — a figure for comparison, not a record
SERIAL_HEADER = re.compile(r"^(?:序号|编号|No\.?|NO\.?)$")
# What is filled in only once something has happened: blank on the rows where it has not.
LATER_EVENT_HEADER = re.compile(r"时间|日期|时限|完成|销号|退出|验收|结果|去向|原因|备注|说明|意见|情况|签字|签名")
# a short status cell that says no (否, 未结业, 不合格, 退出, 放弃) — not a description (水量不足)
_NOT_DONE = re.compile(r"^(?:[未不否无缺][\u4e00-\u9fff]{0,3}|已?(?:退出|放弃|暂缓|中止|终止|迁出|死亡|取消))$")


def _row_says_not(row: list[Any], column: int) -> bool:
    """Whether another cell of the row states a negative (未结业, 否, 退出) that can explain a blank."""
    return any(j != column and isinstance(v, str) and _NOT_DONE.match(v.strip()) for j, v in enumerate(row))


def _stale_total(checks: list[_ColumnCheck], block: Block) -> bool:
    """Whether a total row that matches in no column is still plainly meant as this block's total.

    Yes when every column is within 15 % of its sum and no single row explains the difference (if
    leaving one row out makes every column add up, that row is a sub-item or outside the total: the
    layout is not understood, so nothing is said).
    """
    if len(checks) < 2 or any(not c.values or not sum(c.values) for c in checks):
        return False
    if any(abs(c.total - sum(c.values)) > 0.15 * abs(sum(c.values)) for c in checks):
        return False
    for r, _ in block:
        if all(_sum_close(c.total, [v for r2, v in _row_values(block, c.col) if r2 != r]) for c in checks):
            return False
    return True


def _never_summed(header: str) -> bool:
    """A column whose total row is not compared with the column sum (averages, rates, ages, scores…)."""
    return bool(AVERAGE_HEADER.search(header) or NON_ADDITIVE.search(header))


def _block_below(roles: list[tuple[int, list[Any], str]], index: int, *, stop_at_subtotal: bool) -> Block:
    """Detail rows under a total placed above its rows (a 合计 right under the header)."""
    below: Block = []
    for r2, row2, role2 in roles[index + 1:]:
        if role2 in ("total", "county") or (stop_at_subtotal and role2 == "subtotal"):
            break
        if role2 == "detail":
            below.append((r2, row2))
    return below


def _numeric_block(block: Block, width: int) -> dict[int, list[float]]:
    """Column → the block's numbers, for columns whose non-empty cells are all numbers (text → skipped)."""
    out: dict[int, list[float]] = {}
    for j in range(width):
        values = []
        for _, row in block:
            v = row[j] if j < len(row) else None
            if _is_blank(v) or (isinstance(v, str) and _label(v) in NOTHING):
                continue
            n = to_number(v)
            if n is None or isinstance(n, Percent):
                values = []
                break
            values.append(n)
        if values:
            out[j] = values
    return out


def _row_values(block: Block, j: int) -> list[tuple[int, float]]:
    out = []
    for r, row in block:
        n = to_number(row[j]) if j < len(row) else None
        if n is not None:
            out.append((r, n))
    return out


def _explain(total: float, j: int, values: list[float], numeric: dict[int, list[float]],
             total_row: list[Any], header: str = "") -> str | None:
    """How a total relates to its column: a sum, a mean, a mean weighted by another column, a ratio of
    two other columns' totals (单产 = 产量 ÷ 面积), or a sum of parents and their children; None if none.

    An amount or a count (下达资金（万元）, 户数) adds up and nothing else: when its 合计 is wrong and the row's
    支出进度 was computed from that wrong 合计, the wrong figure is "explained" as 已支出 ÷ 进度 — so the
    ratio reading is kept for averages, rates and per-unit columns. (A total equal to the mean weighted
    by another column is an average whatever its header says: 上年（元） under a 人均收入 title.)"""
    if _sum_close(total, values):
        return "sum"
    if len(values) >= 2 and _sum_close(2 * total, values):
        return "parents"  # town rows and their village rows both listed: the total counts each once
    if len(values) >= 2 and _close(total, sum(values) / len(values)):
        return "mean"
    for w, weights in numeric.items():
        if w == j or len(weights) != len(values) or sum(weights) <= 0:
            continue
        if _close(total, sum(a * b for a, b in zip(weights, values, strict=True)) / sum(weights)):
            return "weighted"
    if ADDITIVE_HEADER.search(header) and not AVERAGE_HEADER.search(header):
        return None
    for a, tops in numeric.items():
        for b, bottoms in numeric.items():
            if j in (a, b) or a == b or len(tops) != len(values) or len(bottoms) != len(values):
                continue
            scale = _ratio_scale(values, tops, bottoms)
            if scale is None:
                continue
            top = to_number(total_row[a]) if a < len(total_row) else None
            bottom = to_number(total_row[b]) if b < len(total_row) else None
            top = sum(tops) if top is None else top
            bottom = sum(bottoms) if bottom is None else bottom
            if bottom and _close(total, scale * top / bottom):
                return "ratio"
    return None


def _ratio_scale(values: list[float], tops: list[float], bottoms: list[float]) -> float | None:
    """The constant k with value ≈ k·top/bottom on every row (k a power of ten), or None."""
    ks = [v * b / t for v, t, b in zip(values, tops, bottoms, strict=True) if t and b]
    if len(ks) < 2 or len(ks) < 0.8 * len(values):
        return None
    k = sorted(ks)[len(ks) // 2]
    if k <= 0:
        return None
    power = round(math.log10(k))
    scale = 10.0 ** power
    if abs(k - scale) > 0.02 * scale:
        return None
    if sum(1 for x in ks if abs(x - scale) <= 0.02 * scale) < 0.8 * len(ks):
        return None
    return scale


def _is_data_row(row: list[Any], table: Table) -> bool:
    """A row holding a record: at least two filled cells besides a 序号 (an empty numbered template row is not)."""
    filled = [j for j, v in enumerate(row) if not _is_blank(v)
              and not (j < len(table.headers) and re.search(r"序号|编号", table.headers[j]))]
    return len(filled) >= 2


def _filled_columns(row: list[Any]) -> frozenset[int]:
    return frozenset(j for j, v in enumerate(row) if not _is_blank(v))


def _continued_parts(roles: list[tuple[int, list[Any], str]]) -> list[tuple[int, list[Any], str]]:
    """Rows that continue a 其中 breakdown without repeating 其中 ('其中：三格式 130' then '双瓮式 112'):
    right after a part row, a row filled in exactly the same columns — fewer than its parent row — is a
    part too, so it is not added into the 合计."""
    out = list(roles)
    for i in range(1, len(out)):
        r, row, role = out[i]
        prev_r, prev_row, prev_role = out[i - 1]
        if role != "detail" or prev_role != "part":
            continue
        parent = next((rw for _, rw, rl in reversed(out[:i]) if rl == "detail"), None)
        cols = _filled_columns(row)
        if parent is not None and cols == _filled_columns(prev_row) and len(cols) < len(_filled_columns(parent)):
            out[i] = (r, row, "part")
    return out


def _without_notes(roles: list[tuple[int, list[Any], str]]) -> list[tuple[int, list[Any], str]]:
    """Rows that hold only a note or signatures (填报单位：…, 注：…) are not data: they neither sum nor need filling."""
    return [x for x in roles if x[2] != "note"]


def _rate_matches(rate: float, fraction: float, percent_header: bool, tolerance: float = RATE_TOLERANCE) -> bool:
    if isinstance(rate, Percent):
        return abs(rate - fraction) <= tolerance
    if percent_header:
        return abs(rate / 100 - fraction) <= tolerance
    return abs(rate - fraction) <= RATE_TOLERANCE or abs(rate / 100 - fraction) <= RATE_TOLERANCE


def _shown_tolerance(values: list[float | None], percent_header: bool) -> float:
    """How far a shown rate may be from the computed one: one unit of the column's last decimal (a column shown
    as 5.8, 6.3 … is exact to a tenth of a point; 5.8 for 6.19 % is wrong), at most half a point (a column of
    whole percentages). Bare numbers of unknown scale keep the half point."""
    shown = [v for v in values if v is not None]
    if not shown or not (percent_header or all(isinstance(v, Percent) for v in shown)):
        return RATE_TOLERANCE
    places = max(_decimals(v) for v in shown)
    unit = 10.0 ** -places / (100 if percent_header and not isinstance(shown[0], Percent) else 1)
    return min(RATE_TOLERANCE, unit * 1.01)


def _affinity(rate_header: str, num_header: str, den_header: str) -> int:
    """How well two headers read as numerator and denominator of a rate header (word overlap)."""
    stem = re.sub(r"[（(].*?[)）]|率|比例|占比|%|百分比|比重", "", rate_header)
    score = 0
    for i in range(len(stem) - 1):
        if stem[i : i + 2] in num_header:
            score += 2
    if re.search(r"任务|计划|应|总|目标|下达|户数|人数|合计", den_header):
        score += 1
    return score


def mask_id(value: str) -> str:
    """An ID number with its middle hidden: 4101**********1234."""
    return value if len(value) < 8 else f"{value[:4]}{'*' * (len(value) - 8)}{value[-4:]}"


def id_problem(value: str) -> str | None:
    """Why an 18- or 15-character mainland ID number cannot be right, or None."""
    if re.fullmatch(r"\d{15}", value):
        return None
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return f"位数或字符不对（{len(value)}位）"
    try:
        born = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return f"出生日期 {value[6:14]} 不存在"
    if not 1900 <= born.year <= dt.date.today().year:
        return f"出生年份 {born.year} 不可能"
    total = sum(int(d) * w for d, w in zip(value[:17], ID_WEIGHTS, strict=True))
    if ID_CHECK[total % 11] != value[17]:
        return "校验位不对（可能录错一位）"
    return None


# entry points ----------------------------------------------------------------------------------
def check_tables(tables: list[Table], evidence_id: str = "", file: str = "", indicator: str | None = None,
                 *, include_unsure: bool = False) -> list[LedgerFinding]:
    """Findings for already-read tables: the pure core, used by tests and by `check_file`.

    Only reportable findings unless `include_unsure` (then every finding, each with its confidence).
    """
    checker = _Checker(evidence_id, file, indicator)
    for table in tables:
        checker.check(table)
    checker.check_ids_across(tables)
    copies = _copy_sheets(tables)
    if copies:  # a 汇总 sheet repeats the town sheets' IDs, and with them the errors already reported there
        checker.findings = [f for f in checker.findings
                            if not (f.sheet in copies and f.kind in ("duplicate_id", "invalid_id"))]
    return checker.findings if include_unsure else reportable(checker.findings)


def _sheet_ids(table: Table) -> set[str]:
    ids: set[str] = set()
    for c, header in enumerate(table.headers):
        if ID_HEADER.search(header):
            for _, row in table.rows:
                if c < len(row) and not _is_blank(row[c]):
                    ids.add(re.sub(r"\s", "", str(row[c])).upper())
    return ids


def _copy_sheets(tables: list[Table]) -> set[str]:
    """Sheets whose 身份证号 are (nearly) all on the workbook's other sheets: a 汇总 copying the data sheets."""
    if len(tables) < 2:
        return set()
    ids = [(t.name, _sheet_ids(t)) for t in tables]
    copies = set()
    for name, own in ids:
        others = set().union(*(o for n, o in ids if n != name))
        if len(own) >= 3 and len(own & others) >= 0.8 * len(own) and len(own) > max(
                (len(o) for n, o in ids if n != name), default=0):
            copies.add(name)
    return copies


def check_file(path: Path, evidence_id: str = "", file: str | None = None, indicator: str | None = None,
               meta: dict[str, Any] | None = None, *, include_unsure: bool = False) -> list[LedgerFinding]:
    """Findings for one xlsx file (or, if it cannot be opened, for the sheets in `meta`)."""
    try:
        tables = read_workbook(path)
    except Exception:  # noqa: BLE001 - a legacy or damaged file: fall back to what the extractor stored
        tables = tables_from_meta(meta)
    return check_tables(tables, evidence_id, file or path.name, indicator, include_unsure=include_unsure)


def _load_cache(path: Path) -> dict[str, Any]:
    return load_by_sha(path, CHECKS_VERSION)


def _save_cache(path: Path, by_sha: dict[str, Any]) -> None:
    save_by_sha(path, CHECKS_VERSION, by_sha)


def _check_archived(ws: Workspace, record: dict[str, Any], shown: str, meta: dict[str, Any]) -> list[LedgerFinding]:
    """The findings of one archived ledger, read through the EvidenceStore (the file itself on local
    disk, a checked copy from S3); a file that is gone is judged by the tables kept in its record.
    A store that cannot answer now raises: nothing is cached, the next run reads the file."""
    from ..storage import EvidenceMissing, open_store

    rel = record.get("archive_path")
    if rel:
        try:
            with open_store(ws).local_path(rel, record["sha256"]) as path:
                return check_file(path, record["id"], shown, record.get("indicator"), meta, include_unsure=True)
        except EvidenceMissing:
            pass
    return check_tables(tables_from_meta(meta), record["id"], shown, record.get("indicator"), include_unsure=True)


def ledger_findings(ws: Workspace, catalogue: Catalogue, *, use_cache: bool = True,
                    include_unsure: bool = False) -> list[LedgerFinding]:
    """Findings for every xlsx ledger in the archive (filed or unsorted), cached by content hash.

    What status, the reports and the documents print: reportable findings only, unless `include_unsure`.
    """
    rows = catalogue.evidence.spreadsheets()
    cache_path = ws.cache_dir / "ledger-checks.json"
    cache = _load_cache(cache_path) if use_cache else {}
    changed = False
    findings: list[LedgerFinding] = []
    for row in rows:
        record = dict(row)
        sha = record["sha256"]
        shown = record.get("archive_path") or record["original_name"]
        if sha in cache:
            for item in cache[sha]:
                own = {"evidence_id": record["id"], "indicator": record.get("indicator"), "file": shown,
                       "message": item["message"].replace("\x00FILE\x00", shown)}
                findings.append(LedgerFinding(**(item | own)))
            continue
        meta: dict[str, Any] = {}
        if record.get("meta"):
            try:
                meta = json.loads(record["meta"]) or {}
            except ValueError:
                meta = {}
        try:
            found = _check_archived(ws, record, shown, meta)
        except Exception as exc:  # noqa: BLE001 - one odd ledger must not stop status for all the others
            log.warning("ledger check of %s failed: %r", shown, exc)
            continue
        findings.extend(found)
        cache[sha] = [
            {k: v for k, v in asdict(f).items() if k not in ("evidence_id", "indicator", "file")}
            | {"message": f.message.replace(shown, "\x00FILE\x00", 1)}
            for f in found
        ]
        changed = True
    if use_cache and changed:
        _save_cache(cache_path, cache)
    return findings if include_unsure else reportable(findings)
