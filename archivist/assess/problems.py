"""The rectification ledger (整改台账): problems found by supervision, who must fix them, by when, and proof.

A problem is closed (销号) only with evidence (DESIGN.md "Evidence before claims"):

- at least one cited record, each in the catalogue and readable (not quarantined);
- at least one cited record dated on or after the day the problem was found (or undated): a
  document written before the problem was found cannot show that it was fixed. A "before" photo may
  still be cited next to the "after" photo;
- for a *site problem* (something physical that an inspector will go and look at: a toilet, rubbish,
  sewage, a road, a house, a facility), at least one photo (file_type image) dated strictly after
  the day the problem was found — its EXIF date, else its document date. A photo of the same day
  cannot be told apart from the photo that recorded the problem, and a photo without a date proves
  nothing about "after".

Whether a problem is about a site is decided from its description (`is_site_problem`): it names a
site or facility (SITE_WORDS) and is not merely about paperwork (a paperwork word such as 台账/资料
without any physical-state word such as 破损/堆放/未拆除). `problems add --site/--no-site`
overrides the rule; the decision is stored and shown so that nobody is surprised at 销号 time.

`import_problems` reads a unit's xlsx ledger with lenient header matching (HEADER_SYNONYMS; the
longest synonym wins, so 问题来源 is a source, not a description) and reports every row it could not
read or had to guess about; importing the same sheet twice adds nothing.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import math
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..catalogue.problems import NewProblem, ProblemRow
from ..textnorm import normalize
from . import AssessError
from .status import evidence_date, parse_date

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..framework import FrameworkSet
    from ..workspace import Workspace

OPEN, CLOSED = "open", "closed"
STATUS_LABELS = {OPEN: "未销号", CLOSED: "已销号"}

SITE_WORDS = (
    "场所", "设施", "厕所", "公厕", "户厕", "旱厕", "改厕", "化粪池", "粪污", "垃圾", "污水", "管网", "黑臭", "水体",
    "河道", "河塘", "沟渠", "水渠", "道路", "路面", "路灯", "桥梁", "房屋", "危房", "住房", "农房", "墙体", "屋顶",
    "围墙", "广场", "村容", "村貌", "乱堆", "乱放", "乱搭", "乱建", "杂物", "中转站", "饮水", "水源", "供水", "水厂",
    "场地", "大棚", "圈舍", "电站", "光伏", "宣传栏", "公示栏", "标识牌", "活动室", "卫生室", "校舍", "车间",
    "管护", "绿化", "池塘", "堆放", "破损", "违建", "违章建筑", "棚舍", "棚房", "窝棚", "拆除", "残垣断壁", "断壁残垣",
    "乱堆乱放", "坑塘", "排水", "直排", "垃圾堆", "露天", "护栏", "围栏", "边坡", "塌方", "渗滤液", "猪牛栏", "柴草",
)
PAPER_WORDS = ("台账", "资料", "材料", "档案", "记录", "数据", "信息", "系统", "录入", "填报", "签字", "手续",
               "会议", "制度", "方案", "报表", "统计", "名单", "花名册", "合同", "协议", "资金", "补助", "补贴", "发放",
               "拨付", "公示")
PHYSICAL_WORDS = ("破损", "损坏", "脏", "乱", "堆放", "堆积", "积存", "渗漏", "漏水", "堵塞", "外溢", "溢流", "臭",
                  "未清理", "未清运", "未拆除", "未建成", "未完工", "无法使用", "不能使用", "闲置", "停运", "坍塌",
                  "裂缝", "积水", "损毁", "老化", "不达标", "未硬化", "未整治", "未拆", "未清", "残留", "裸露", "直排",
                  "违建", "残垣", "杂草", "淤积")

# field → header synonyms. Matching picks, for each header cell, the field of the longest synonym
# it contains, so "问题来源" (source) beats "问题" (description).
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "description": ("问题描述", "问题表现", "问题内容", "具体问题", "存在问题", "主要问题", "反馈问题", "发现问题",
                    "问题清单", "问题名称", "问题事项", "问题", "事项"),
    "unit": ("整改责任单位", "责任单位", "责任部门", "整改单位", "责任主体", "牵头单位", "承办单位", "责任科室",
             "主责单位", "整改主体", "单位"),
    "source": ("发现来源", "问题来源", "发现渠道", "反馈渠道", "发现途径", "发现主体", "交办单位", "反馈单位",
               "发现单位", "督查来源", "检查组", "来源"),
    "deadline": ("整改完成时限", "整改时限", "整改期限", "完成时限", "整改完成时间", "完成时间", "截止时间",
                 "截止日期", "整改时间", "时限", "期限"),
    "found": ("问题发现时间", "问题发现日期", "发现时间", "发现日期", "交办时间", "交办日期", "反馈时间", "反馈日期",
              "检查时间", "检查日期", "督查时间", "督查日期", "暗访时间", "暗访日期", "排查时间", "排查日期",
              "登记时间", "登记日期", "发现于", "发现"),
    "indicator": ("关联指标", "对应指标", "考核指标", "所属指标", "指标代码", "指标名称", "涉及指标", "指标"),
    "measures": ("整改措施", "整改举措", "措施"),
    "state": ("整改状态", "整改情况", "整改进展", "是否销号", "销号情况", "是否完成", "完成情况"),
}
FIELD_LABELS = {"description": "问题描述", "unit": "责任单位", "source": "发现来源", "deadline": "整改时限",
                "found": "发现时间", "indicator": "关联指标", "measures": "整改措施", "state": "整改状态"}
IMMEDIATE = ("立行立改", "立即整改", "即知即改", "已整改", "马上整改")
ONGOING = ("长期坚持", "持续整改", "长期", "持续推进", "常态化")
_CODE = re.compile(r"(?<![A-Za-z])([A-Za-z]\d{2})(?!\d)")

# A photo of the state before the work (整改前) proves the problem, not its fix; words in its title,
# caption, file name or folder say which it is.
BEFORE_WORDS = ("整改前", "整治前", "拆除前", "改造前", "治理前", "改厕前", "清理前", "施工前", "维修前", "问题照片",
                "原貌", "before")
AFTER_WORDS = ("整改后", "整治后", "拆除后", "改造后", "治理后", "改厕后", "清理后", "施工后", "维修后", "完工",
               "竣工", "前后对比", "after")
# Place names: two or more characters before 村/镇/乡/社区/街道/组 (杏花村, 河口镇); words that only
# look like one (农村, 部分村, 行政村) are not places.
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:社区|街道|村|镇|乡)")
_PLACE_STOP = ("部分", "个别", "全部", "所有", "各个", "少数", "多个", "有的", "农村", "乡村", "行政", "自然", "美丽",
               "示范", "重点", "薄弱", "脱贫", "相关", "周边", "城乡", "全县", "本县", "各乡", "乡镇", "村镇", "中心",
               "和美", "宜居", "文明", "贫困", "移民", "搬迁")
_PARTICLES = re.compile(r"[的在于和及与对把将了是、，,]")
NEAR_KM = 1.0


@dataclass
class Problem:
    """One entry of the rectification ledger.

    `site` problems need an after-photo to close. `overdue`/`days_left` depend on the day asked
    about, so they are methods taking `today`; `to_json(today)` includes them.
    """

    id: int
    description: str
    unit: str
    source: str
    found_date: str
    deadline: str | None
    indicator: str | None
    site: bool
    measures: str = ""
    origin: str = ""
    status: str = OPEN
    closed_at: str | None = None
    close_note: str = ""
    close_evidence: list[str] = field(default_factory=list)
    created_at: str = ""

    @property
    def closed(self) -> bool:
        return self.status == CLOSED

    def overdue(self, today: dt.date | None = None) -> bool:
        """Open past its deadline (a problem due today is not overdue yet)."""
        deadline = parse_date(self.deadline)
        return not self.closed and deadline is not None and deadline < (today or dt.date.today())

    def days_left(self, today: dt.date | None = None) -> int | None:
        deadline = parse_date(self.deadline)
        return None if deadline is None else (deadline - (today or dt.date.today())).days

    @property
    def closed_late(self) -> bool:
        deadline, closed = parse_date(self.deadline), parse_date(self.closed_at)
        return deadline is not None and closed is not None and closed > deadline

    def to_json(self, today: dt.date | None = None) -> dict[str, Any]:
        return asdict(self) | {
            "status_label": STATUS_LABELS.get(self.status, self.status),
            "overdue": self.overdue(today),
            "days_left": self.days_left(today),
            "closed_late": self.closed_late,
        }


@dataclass
class RowIssue:
    """A row of an imported sheet that was skipped (`skipped`) or imported with a guess (warning)."""

    sheet: str
    row: int
    message: str
    skipped: bool = False


@dataclass
class ImportReport:
    """What `import_problems` did: which columns it recognised, what it added, what it could not read."""

    file: str
    sheets: list[str] = field(default_factory=list)
    columns: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet → field → header text
    imported: list[int] = field(default_factory=list)
    planned: int = 0  # rows that are (or, in a dry run, would be) imported
    duplicates: list[RowIssue] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)

    @property
    def skipped(self) -> list[RowIssue]:
        return [i for i in self.issues if i.skipped]

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"skipped_count": len(self.skipped)}


@dataclass
class UnitProblems:
    """Problem counts of one responsible unit."""

    unit: str
    total: int = 0
    open: int = 0
    overdue: int = 0
    closed: int = 0
    closed_late: int = 0
    overdue_ids: list[int] = field(default_factory=list)


# rules -----------------------------------------------------------------------------------------
def is_site_problem(description: str) -> bool:
    """Whether a problem is about a physical site (see the module docstring for the rule)."""
    text = normalize(description)
    if not any(w in text for w in SITE_WORDS):
        return False
    paper = any(w in text for w in PAPER_WORDS)
    physical = any(w in text for w in PHYSICAL_WORDS)
    return physical or not paper


def parse_deadline(value: Any, reference: dt.date) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD or None, warning or None) for a deadline cell as people write them.

    Accepts dates, Excel serial numbers, 2024-12-31, 2024/12/31, 2024.12.31, 2024年12月31日(前),
    2024年12月(底) (month end), 12月31日前 (year of `reference`, next year if that is earlier),
    立行立改 (= `reference`). 长期坚持 and unreadable text give None with a warning.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 20000 < value < 80000:
            return (dt.date(1899, 12, 30) + dt.timedelta(days=int(value))).isoformat(), None
        return None, f"整改时限“{value}”不是日期"
    text = re.sub(r"\s+", "", normalize(str(value)))
    if any(w in text for w in IMMEDIATE):
        return reference.isoformat(), None
    m = re.search(r"(20\d{2})[年./\-](\d{1,2})[月./\-](\d{1,2})", text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat(), None
        except ValueError:
            return None, f"整改时限“{value}”不是有效日期"
    m = re.search(r"(20\d{2})[年./\-](\d{1,2})月?(底|末)?", text)
    if m and 1 <= int(m[2]) <= 12:
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, calendar.monthrange(year, month)[1]).isoformat(), None
    m = re.search(r"(?<!\d)(\d{1,2})月(\d{1,2})日", text)
    if m:
        try:
            day = dt.date(reference.year, int(m[1]), int(m[2]))
        except ValueError:
            return None, f"整改时限“{value}”不是有效日期"
        if day < reference:
            day = day.replace(year=reference.year + 1)
        return day.isoformat(), f"整改时限“{value}”未写年份，按 {day.year} 年计"
    if any(w in text for w in ONGOING):
        return None, f"整改时限“{value}”为长期任务，未设截止日期"
    return None, f"整改时限“{value}”无法识别为日期，未设截止日期"


def parse_found_date(value: Any, today: dt.date) -> tuple[dt.date | None, str | None]:
    """(date or None, warning or None) for a 发现时间 cell: a date, an Excel serial, 2024-11-20, 2024/11/20,
    2024.11.20, 2024年11月20日, 20241120; 11月20日 takes the latest year not after today (with a warning); a
    month alone (2024年11月) is its 1st, with a warning, so evidence is never judged too late. Else (None, None)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 20000 < value < 80000:
            return dt.date(1899, 12, 30) + dt.timedelta(days=int(value)), None
        if 19000101 <= value <= 21001231:
            return parse_found_date(str(int(value)), today)
        return None, None
    text = re.sub(r"\s+", "", normalize(str(value)))
    m = re.search(r"(20\d{2})[年./\-](\d{1,2})[月./\-](\d{1,2})", text) or re.fullmatch(
        r"(20\d{2})(\d{2})(\d{2})", text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])), None
        except ValueError:
            return None, None
    m = re.search(r"(?<!\d)(\d{1,2})月(\d{1,2})日", text)
    if m:
        try:
            day = dt.date(today.year, int(m[1]), int(m[2]))
        except ValueError:
            return None, None
        if day > today:
            day = day.replace(year=today.year - 1)
        return day, f"发现时间“{value}”未写年份，按 {day.year} 年计"
    m = re.search(r"(20\d{2})[年./\-](\d{1,2})月?$", text)
    if m and 1 <= int(m[2]) <= 12:
        return dt.date(int(m[1]), int(m[2]), 1), f"发现时间“{value}”只写到月，按该月1日计"
    return None, None


def resolve_indicator(value: Any, frameworks: FrameworkSet) -> tuple[str | None, str | None]:
    """(code or None, warning or None) for an indicator cell: a code (C01) or an indicator name."""
    if value is None or not str(value).strip():
        return None, None
    text = normalize(str(value)).strip()
    for m in _CODE.finditer(text):
        code = m.group(1).upper()
        if frameworks.indicator(code):
            return code, None
    compact = re.sub(r"\s+", "", text)
    for ind in frameworks.indicators():
        name = normalize(ind.name)
        if name and (name in compact or (len(compact) >= 4 and compact in name)):
            return ind.code, None
    return None, f"关联指标“{value}”未能对应到考核方案中的指标，已留空"


# storage ---------------------------------------------------------------------------------------
def _from_row(r: ProblemRow) -> Problem:
    return Problem(**asdict(r))


def get_problem(catalogue: Catalogue, problem_id: int | str) -> Problem | None:
    try:
        pid = int(str(problem_id).lstrip("#"))
    except ValueError:
        return None
    row = catalogue.problems.get(pid)
    return _from_row(row) if row else None


def list_problems(
    catalogue: Catalogue,
    *,
    status: str | None = None,
    unit: str | None = None,
    overdue: bool = False,
    indicator: str | None = None,
    today: dt.date | None = None,
) -> list[Problem]:
    """Problems in ledger order; `overdue=True` keeps only open problems past their deadline."""
    rows = catalogue.problems.list(status=status, unit_part=unit, indicator=indicator.upper() if indicator else None)
    problems = [_from_row(r) for r in rows]
    if overdue:
        problems = [p for p in problems if p.overdue(today)]
    return problems


def _insert(catalogue: Catalogue, p: dict[str, Any]) -> int:
    pid = catalogue.problems.add(NewProblem(
        p["description"], p.get("unit") or "", p.get("source") or "", p["found_date"], p.get("deadline"),
        p.get("indicator"), bool(p.get("site")), p.get("measures") or "", p.get("origin") or ""), OPEN)
    catalogue.audit("problem_added", None, {"problem": pid, "description": p["description"][:80],
                                            "unit": p.get("unit"), "deadline": p.get("deadline")})
    return pid


def add_problem(
    ws: Workspace,
    catalogue: Catalogue,
    description: str,
    unit: str = "",
    source: str = "",
    deadline: str | None = None,
    indicator: str | None = None,
    found_date: str | None = None,
    site: bool | None = None,
    measures: str = "",
    today: dt.date | None = None,
) -> Problem:
    """Register one problem. Dates are YYYY-MM-DD (or anything `parse_deadline` reads); found defaults to today."""
    description = description.strip()
    if not description:
        raise AssessError("问题描述不能为空：请用 --desc 写明问题")
    found = parse_date(found_date) if found_date else (today or dt.date.today())
    if found is None:
        raise AssessError(f"发现日期“{found_date}”格式不对：请写成 YYYY-MM-DD")
    due = None
    if deadline:
        due, warning = parse_deadline(deadline, found)
        if due is None:
            raise AssessError(f"{warning}：请写成 YYYY-MM-DD")
        due_day = parse_date(due)
        if due_day is not None and due_day < found:
            raise AssessError(f"整改时限 {due} 早于发现日期 {found.isoformat()}：请检查日期")
    code = None
    if indicator:
        code, warning = resolve_indicator(indicator, ws.frameworks)
        if code is None:
            raise AssessError(f"找不到指标 {indicator}：请用 archivist status 查看指标代码")
    with catalogue.transaction():
        pid = _insert(catalogue, {
            "description": description, "unit": unit.strip(), "source": source.strip(),
            "found_date": found.isoformat(), "deadline": due, "indicator": code,
            "site": is_site_problem(description) if site is None else site, "measures": measures,
            "origin": "手工登记",
        })
    problem = get_problem(catalogue, pid)
    assert problem is not None
    return problem


# import ----------------------------------------------------------------------------------------
def _header_key(value: Any) -> str:
    return re.sub(r"[\s*＊:：]", "", normalize(str(value))) if value is not None else ""


def match_headers(cells: list[Any]) -> dict[str, int]:
    """field → column index for one candidate header row (the longest matching synonym wins)."""
    candidates: list[tuple[int, int, str, int]] = []  # (-length, exactness, field, column)
    for col, cell in enumerate(cells):
        key = _header_key(cell)
        if not key or len(key) > 30:
            continue
        for name, synonyms in HEADER_SYNONYMS.items():
            for syn in synonyms:
                if syn in key:
                    candidates.append((-len(syn), 0 if syn == key else 1, name, col))
                    break
    candidates.sort()
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for _length, _exact, name, col in candidates:
        if name in mapping or col in used:
            continue
        mapping[name] = col
        used.add(col)
    return mapping


def read_problem_sheets(path: Path, frameworks: FrameworkSet, today: dt.date,
                        found_default: dt.date | None = None) -> tuple[list[dict[str, Any]], ImportReport]:
    """Rows of every sheet that has a problem header, as problem dicts, plus the report. No database.

    The 发现日期 of each row comes from the sheet; a row without one takes `found_default` (the user's
    --found) or is not imported: the import day is not when a problem was found, and 销号 evidence is
    judged against that date.
    """
    from openpyxl import load_workbook

    from ..intake.extract._ooxml import check_ooxml
    from ..model import ExtractionError

    report = ImportReport(file=path.name)
    if not path.is_file():
        raise AssessError(f"{path} 不存在：请检查路径")
    try:
        check_ooxml(path, "Excel表格")
        wb = load_workbook(path, read_only=True, data_only=True)
    except ExtractionError as exc:
        raise AssessError(f"{path.name}：{exc.reason}") from exc
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook gets the same one-line answer
        raise AssessError(f"{path.name} 不是可读取的 xlsx 表格（{type(exc).__name__}）："
                          "请用 Excel/WPS 另存为 .xlsx 后重试") from exc
    out: list[dict[str, Any]] = []
    try:
        for sheet in wb.worksheets:
            rows = [list(r) for _, r in zip(range(5000), sheet.iter_rows(values_only=True), strict=False)]
            best: tuple[int, dict[str, int]] | None = None
            for i, row in enumerate(rows[:12]):
                mapping = match_headers(row)
                if "description" in mapping and len(mapping) >= 2 and (best is None or len(mapping) > len(best[1])):
                    best = (i, mapping)
            if best is None:
                continue
            at, mapping = best
            report.sheets.append(sheet.title)
            report.columns[sheet.title] = {FIELD_LABELS[k]: str(rows[at][c]).strip() for k, c in mapping.items()}
            for needed in ("unit", "deadline"):
                if needed not in mapping:
                    report.issues.append(RowIssue(sheet.title, at + 1, f"未找到“{FIELD_LABELS[needed]}”列，该项留空"))
            if "found" not in mapping and found_default is None:
                report.issues.append(RowIssue(sheet.title, at + 1,
                                              "未找到“发现时间”列：各行缺少发现日期，未导入。请在表中补“发现时间”列，"
                                              "或用 --found YYYY-MM-DD 指定这些问题的发现日期"))
            for k in range(at + 1, len(rows)):
                row = rows[k]
                number = k + 1
                if all(_blank(row[c]) for c in mapping.values() if c < len(row)):
                    continue  # a blank template row, or a 填表人/审核 line under the table
                item = _problem_from_row(row, mapping, frameworks, today, sheet.title, number, report, found_default)
                if item is not None:
                    item |= {"origin": f"{path.name}「{sheet.title}」第{number}行", "sheet": sheet.title, "row": number}
                    out.append(item)
    finally:
        wb.close()
    if not report.sheets:
        raise AssessError(f"{path.name} 中找不到含“问题描述”“责任单位”等列名的表头：请检查表格第一行或前几行的列名")
    return out, report


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell(row: list[Any], mapping: dict[str, int], name: str) -> Any:
    col = mapping.get(name)
    if col is None or col >= len(row):
        return None
    value = row[col]
    return value.strip() if isinstance(value, str) else value


def _problem_from_row(row: list[Any], mapping: dict[str, int], frameworks: FrameworkSet, today: dt.date,
                      sheet: str, number: int, report: ImportReport,
                      found_default: dt.date | None = None) -> dict[str, Any] | None:
    description = _cell(row, mapping, "description")
    if description is None or not str(description).strip():
        report.issues.append(RowIssue(sheet, number, "缺少问题描述，未导入", skipped=True))
        return None
    description = str(description).strip()
    if re.fullmatch(r"[\d.]+", description):
        report.issues.append(RowIssue(sheet, number, f"问题描述“{description}”只是数字，未导入", skipped=True))
        return None
    found_cell = _cell(row, mapping, "found")
    found, warning = parse_found_date(found_cell, today)
    if warning:
        report.issues.append(RowIssue(sheet, number, warning))
    if found is None:
        if found_default is None:
            what = f"发现时间“{found_cell}”无法识别" if found_cell not in (None, "") else "未填发现时间"
            report.issues.append(RowIssue(sheet, number, f"{what}，未导入：请在表中补填，或用 --found YYYY-MM-DD 指定",
                                          skipped=True))
            return None
        found = found_default
    if found > today:
        report.issues.append(RowIssue(sheet, number, f"发现时间 {found.isoformat()} 晚于今天，未导入：请检查日期",
                                      skipped=True))
        return None
    deadline, warning = parse_deadline(_cell(row, mapping, "deadline"), found)
    if warning:
        report.issues.append(RowIssue(sheet, number, warning))
    due_day = parse_date(deadline)
    if due_day is not None and due_day < found:
        report.issues.append(RowIssue(sheet, number, f"整改时限 {deadline} 早于发现日期 {found.isoformat()}，未导入："
                                                     "请检查日期", skipped=True))
        return None
    code, warning = resolve_indicator(_cell(row, mapping, "indicator"), frameworks)
    if warning:
        report.issues.append(RowIssue(sheet, number, warning))
    unit = str(_cell(row, mapping, "unit") or "").strip()
    if not unit and "unit" in mapping:
        report.issues.append(RowIssue(sheet, number, "未填责任单位：已导入，请补填"))
    state = str(_cell(row, mapping, "state") or "")
    if re.search(r"已销号|已完成|已整改", state):
        report.issues.append(RowIssue(sheet, number, f"表中标为“{state}”，但销号须附佐证：已按未销号导入，"
                                                     "请用 archivist problems close 附佐证销号"))
    return {
        "description": description,
        "unit": unit,
        "source": str(_cell(row, mapping, "source") or "").strip(),
        "found_date": found.isoformat(),
        "deadline": deadline,
        "indicator": code,
        "site": is_site_problem(description),
        "measures": str(_cell(row, mapping, "measures") or "").strip(),
    }


def import_problems(ws: Workspace, catalogue: Catalogue, path: Path, *, today: dt.date | None = None,
                    dry_run: bool = False, found: dt.date | None = None) -> ImportReport:
    """Import a rectification ledger sheet; problems already registered (same description and unit) are skipped.

    `found`: the 发现日期 of rows that have none (the user says it; never assumed).
    """
    today = today or dt.date.today()
    items, report = read_problem_sheets(path, ws.frameworks, today, found)
    existing = {
        (_same(r.description), _same(r.unit)): r.id
        for r in catalogue.problems.list()
    }
    fresh = []
    for item in items:
        key = (_same(item["description"]), _same(item["unit"]))
        if key in existing:
            what = f"问题 #{existing[key]}" if existing[key] else f"本表第{item['row']}行之前的同一问题"
            report.duplicates.append(RowIssue(item["sheet"], item["row"], f"与已登记的{what}相同，未重复导入"))
            continue
        existing[key] = 0
        fresh.append(item)
    report.planned = len(fresh)
    if dry_run or not fresh:
        return report
    with catalogue.transaction():
        for item in fresh:
            report.imported.append(_insert(catalogue, item))
        catalogue.audit("problems_imported", None, {"file": path.name, "count": len(report.imported)})
    return report


def _same(text: str) -> str:
    return re.sub(r"[\s，。；、,.;]", "", normalize(text or ""))


# closing (销号) ---------------------------------------------------------------------------------
def close_problem(
    ws: Workspace,
    catalogue: Catalogue,
    problem_id: int | str,
    evidence: list[str],
    note: str = "",
    today: dt.date | None = None,
) -> Problem:
    """Close a problem with evidence, or raise AssessError saying exactly what proof is missing."""
    problem = get_problem(catalogue, problem_id)
    if problem is None:
        raise AssessError(f"找不到问题 {problem_id}：请用 archivist problems list 查看问题编号")
    if problem.closed:
        raise AssessError(f"问题 #{problem.id} 已于 {problem.closed_at} 销号，无需重复销号")
    if not evidence:
        raise AssessError(f"问题 #{problem.id} 未附整改佐证，不能销号：请用 --evidence 指定至少一件材料编号"
                          "（archivist list 查看编号）")
    found = dt.date.fromisoformat(problem.found_date)
    records = []
    for raw in evidence:
        record = catalogue.get(raw)
        if record is None:
            raise AssessError(f"找不到编号为 {raw} 的材料：请先导入整改佐证（archivist ingest），再用其编号销号")
        if record["status"] == "quarantined":
            raise AssessError(f"材料 {record['id']} 已隔离（{record.get('reason') or '无法读取'}），不能作为销号佐证："
                              "请重新提交可读的文件")
        if record["status"] == "duplicate" and record.get("duplicate_of"):
            record = catalogue.get(record["duplicate_of"]) or record
        if all(r["id"] != record["id"] for r in records):
            records.append(record)

    def dated(record: dict[str, Any]) -> dt.date | None:
        return parse_date(evidence_date(record))

    if not any((d := dated(r)) is None or d >= found for r in records):
        raise AssessError(f"问题 #{problem.id} 发现于 {problem.found_date}，所附材料均早于该日期，不能证明已整改："
                          "请附整改后形成的材料")
    if problem.site:
        _check_site_photos(problem, records, found)
    ids = [r["id"] for r in records]
    closed_on = (today or dt.date.today()).isoformat()
    with catalogue.transaction():
        catalogue.problems.close(problem.id, CLOSED, closed_on, note, ids)
        catalogue.audit("problem_closed", ids[0] if len(ids) == 1 else None,
                        {"problem": problem.id, "evidence": ids, "note": note})
    closed = get_problem(catalogue, problem.id)
    assert closed is not None
    return closed


def place_names(text: str) -> list[str]:
    """Village/town names in a text: 杏花村, 河口镇 (not 农村, 部分村)."""
    out: list[str] = []
    for m in _PLACE.finditer(normalize(text or "")):
        name = _PARTICLES.split(m[0])[-1]
        suffix = re.search(r"(社区|街道|村|镇|乡)$", name)
        if suffix is None:
            continue
        stem = name[: suffix.start()]
        while len(stem) > 2 and any(stem.startswith(w) for w in _PLACE_STOP):
            stem = stem[2:]
        if len(stem) < 2 or any(stem.endswith(w) for w in _PLACE_STOP):
            continue
        if stem + suffix[0] not in out:
            out.append(stem + suffix[0])
    return out


def _village_level(name: str) -> bool:
    return name.endswith(("村", "社区"))


def photo_text(record: dict[str, Any]) -> str:
    """Everything that says what a photo shows: title, file name, folder, unit, caption/EXIF text, source path."""
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    parts = [str(record.get(k) or "") for k in ("title", "original_name", "archive_path", "unit")]
    parts.append(str(record.get("text") or "")[:500])
    parts += [str(v) for k, v in (meta or {}).items() if isinstance(v, str) and re.search(
        r"title|comment|subject|keyword|description|caption", k)]
    provenance = record.get("provenance")
    if provenance:
        parts.append(json.dumps(provenance, ensure_ascii=False) if not isinstance(provenance, str) else provenance)
    return normalize(" | ".join(parts))  # a separator, so one field's name never runs into the next


def photo_phase(record: dict[str, Any]) -> str:
    """'before' (整改前/整治前… and no after word), 'after' (整改后…), or '' when the photo does not say."""
    text = photo_text(record).lower()
    if any(w in text for w in AFTER_WORDS):
        return "after"
    if any(w in text for w in BEFORE_WORDS):
        return "before"
    return ""


def _gps(record: dict[str, Any]) -> tuple[float, float] | None:
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    value = (meta or {}).get("gps")
    if isinstance(value, list | tuple) and len(value) == 2:
        try:
            return float(value[0]), float(value[1])
        except (TypeError, ValueError):
            return None
    return None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine) between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _photo_name(record: dict[str, Any]) -> str:
    return str(record.get("original_name") or record.get("title") or record.get("id"))


def site_photo_problem(problem: Problem, photo: dict[str, Any], found: dt.date,
                       references: list[tuple[float, float]]) -> str | None:
    """Why one photo cannot prove a site problem fixed (the first rule it fails, in Chinese), or None.

    Rules: it is not a before photo; it was taken after the problem was found; it shows the same
    place — its GPS within NEAR_KM of a photo that recorded the problem, else a village/town named in
    the problem (description, else the responsible unit) named in its title/caption/folder/unit, and
    no other village when the problem names one.
    """
    name = _photo_name(photo)
    if photo_phase(photo) == "before":
        return f"{name} 是整改前照片（题名、说明或文件夹写明“整改前/整治前”），不能证明已整改"
    day = parse_date(evidence_date(photo))
    if day is None:
        return f"{name} 没有拍摄日期，不能证明拍摄于发现问题之后"
    if day <= found:
        return f"{name} 拍摄于 {day.isoformat()}，不晚于发现日期 {found.isoformat()}"
    here = _gps(photo)
    if here is not None and references:
        nearest = min(distance_km(here, ref) for ref in references)
        if nearest <= NEAR_KM:
            return None
        return f"{name} 的拍摄位置距问题现场照片约 {nearest:.1f} 公里，不是同一地点"
    wanted = place_names(problem.description)
    villages = [p for p in wanted if _village_level(p)]
    if not wanted:
        wanted = place_names(problem.unit)
    if not wanted:
        return None  # the problem names no place: nothing to compare
    shown = place_names(photo_text(photo))
    if villages:
        other = [p for p in shown if _village_level(p) and not any(v in p for v in villages)]
        if other and not any(v in photo_text(photo) for v in villages):
            return f"{name} 拍摄的是{'、'.join(other)}，与问题所在的{'、'.join(villages)}不符"
    text = photo_text(photo)
    if any(p in text for p in wanted):
        return None
    return (f"{name} 的题名、说明、文件夹和报送单位都看不出拍摄于{'、'.join(wanted)}：请附写明地点的整改后照片，"
            "或附带定位的整改前照片以便比对位置")


def _check_site_photos(problem: Problem, records: list[dict[str, Any]], found: dt.date) -> None:
    """A site problem closes only with an after photo of the same place taken after it was found."""
    photos = [r for r in records if r.get("file_type") == "image"]
    if not photos:
        raise AssessError(f"问题 #{problem.id} 属现场类问题，销号须附发现日期（{problem.found_date}）之后拍摄的"
                          "整改后照片，所附材料中没有照片：请导入现场照片后用 --evidence 指定其编号")
    references = [g for r in records if (g := _gps(r)) is not None and (
        photo_phase(r) == "before" or ((d := parse_date(evidence_date(r))) is not None and d <= found))]
    reasons = []
    for photo in sorted(photos, key=lambda r: photo_phase(r) != "after"):
        why = site_photo_problem(problem, photo, found, references)
        if why is None:
            return
        reasons.append(why)
    raise AssessError(f"问题 #{problem.id} 属现场类问题，销号须附同一地点、发现日期（{problem.found_date}）之后拍摄的"
                      f"整改后照片：{'；'.join(reasons)}")


def problems_by_unit(problems: list[Problem], today: dt.date | None = None) -> list[UnitProblems]:
    """Counts per responsible unit, the units with the most overdue problems first."""
    units: dict[str, UnitProblems] = {}
    for p in problems:
        u = units.setdefault(p.unit or "未明确责任单位", UnitProblems(p.unit or "未明确责任单位"))
        u.total += 1
        if p.closed:
            u.closed += 1
            u.closed_late += int(p.closed_late)
        else:
            u.open += 1
            if p.overdue(today):
                u.overdue += 1
                u.overdue_ids.append(p.id)
    return sorted(units.values(), key=lambda u: (-u.overdue, -u.open, u.unit))
