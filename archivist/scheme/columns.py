"""Find the header row(s) of a scheme table and what each column means, from lenient header names.

Real tables put a title row above the header, split the header over two rows ("责任分工" over
"牵头单位 | 责任单位"), and name the same column many ways (分值/分数/标准分, 佐证材料/备查资料…). The
roles below are matched in order, first hit wins; level columns are the explicit 一/二/三级指标, else the
"content-like" columns (评估内容, 评估要点, 考核项目…) from left to right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .table import Cell, Grid

# role -> header pattern (whitespace removed before matching)
ROLE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("number", re.compile(r"^(序号|编号|序|代码|指标代码|指标编号)$")),
    ("level", re.compile(r"^([一二三四1-4])级(指标|项目|内容)?")),
    ("lead", re.compile(r"牵头")),
    ("responsible", re.compile(r"责任单位|责任部门|配合|协同|参与单位|协办|责任分工|责任主体|承办")),
    ("evidence", re.compile(r"佐证|备查|印证|证明材料|支撑材料|需提供|资料清单|材料清单|所需材料|档案资料")),
    ("points", re.compile(r"分值|分数|标准分|权重|满分|赋分|基准分|^分$")),
    ("scoring", re.compile(r"评分标准|评分细则|计分|扣分标准|评分办法|评分方法|考核标准|评分依据|评价标准|评分")),
    ("method", re.compile(r"方式|方法|考核途径|评估途径")),
    ("levelish", re.compile(r"评估内容|评估要点|考核项目|考核指标|指标名称|考核内容|考核要点|评估项目|指标内容|主要内容"
                            r"|具体内容|考核要求|评估指标|测评内容|工作任务|指标|内容|要点|项目")),
    ("note", re.compile(r"^备注")),
]
ROLE_LABELS = {
    "number": "序号", "level": "指标层级", "lead": "牵头单位", "responsible": "责任单位", "evidence": "佐证材料",
    "points": "分值", "scoring": "评分标准", "method": "考核方式", "content": "考核内容", "note": "备注",
}
HEADER_SCAN_ROWS = 12


def role_of(header: str) -> str | None:
    name = re.sub(r"\s+", "", header)
    if not name or len(name) > 20:
        return None
    for role, pattern in ROLE_PATTERNS:
        if pattern.search(name):
            return role
    return None


@dataclass
class Layout:
    """Where the header is and which column holds what. Columns are 1-based."""

    header_rows: list[int]  # indexes into grid.rows
    names: dict[int, str]  # column -> header text
    levels: list[int]  # level columns, top level first
    roles: dict[str, int] = field(default_factory=dict)  # role -> column (first of its kind)
    level_names: list[str] = field(default_factory=list)
    explicit_levels: bool = False  # headed 一级/二级/三级指标 (else inferred from content-like names)

    @property
    def data_start(self) -> int:
        return self.header_rows[-1] + 1

    def col(self, role: str) -> int | None:
        return self.roles.get(role)


def _roles(cells: list[Cell]) -> dict[int, str]:
    return {c.col: r for c in cells if c.text and not (c.merged_copy and c.origin[1] != c.col)
            and (r := role_of(c.text))}


def detect_layout(grid: Grid) -> Layout | None:
    """The first row naming at least two known columns (one of them a level or content column) is the header;
    the row below is its second line when it only adds names under merged header cells."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN_ROWS]):
        roles = _roles(row)
        if len(roles) < 2 or not any(r in ("level", "levelish") for r in roles.values()):
            continue
        names = {c.col: re.sub(r"\s+", "", c.text) for c in row if c.text}
        header_rows = [index]
        if index + 1 < len(grid.rows):
            below = grid.rows[index + 1]
            below_roles = {c.col: r for c in below if c.text and not c.merged_copy and (r := role_of(c.text))}
            only_header = all(c.merged_copy and c.origin[0] <= row[0].row or not c.text or c.col in below_roles
                              for c in below)
            if below_roles and only_header:
                header_rows.append(index + 1)
                for c in below:
                    if c.col in below_roles:
                        names[c.col] = re.sub(r"\s+", "", c.text)
                        roles[c.col] = below_roles[c.col]
                    elif c.merged_copy and c.col not in roles and (r := role_of(c.text)):
                        roles[c.col] = r
        return _assign(header_rows, names, roles)
    return None


def _assign(header_rows: list[int], names: dict[int, str], roles: dict[int, str]) -> Layout:
    explicit = sorted((c for c, r in roles.items() if r == "level"), key=lambda c: _level_number(names.get(c, "")))
    levelish = sorted(c for c, r in roles.items() if r == "levelish")
    layout = Layout(header_rows, names, [])
    if explicit:
        layout.explicit_levels = True
        layout.levels = explicit[:3]
        after = [c for c in levelish if c > explicit[-1]]
        if after:
            layout.roles["content"] = after[0]
    else:
        layout.levels = levelish[:3]
        if len(levelish) > 3:
            layout.roles["content"] = levelish[3]
    for col in sorted(roles):
        role = roles[col]
        if role in ("level", "levelish"):
            continue
        if role == "responsible" and "lead" not in roles.values() and "lead" not in layout.roles:
            # a scheme with only 责任单位 (the usual 后评估 table): its first unit leads
            layout.roles.setdefault("lead", col)
            layout.roles.setdefault("responsible", col)
            continue
        layout.roles.setdefault(role, col)
    layout.level_names = [names.get(c, "") for c in layout.levels]
    return layout


def _level_number(name: str) -> int:
    m = re.match(r"([一二三四1-4])级", name)
    return "一二三四".find(m.group(1)) + 1 if m and m.group(1) in "一二三四" else int(m.group(1)) if m else 9


def demote_descriptions(grid: Grid, layout: Layout) -> None:
    """"考核指标 | 考核内容" side by side, one row each: the right column describes the left one, it is not a
    level below it. A column is only a level above another when some of its cells span (or, unmerged, repeat
    over) several rows; headed 一级/二级/三级指标 columns are always levels."""
    if layout.explicit_levels or len(layout.levels) < 2:
        return
    rows = [r for r in grid.rows[layout.data_start:] if len({c.origin for c in r if c.text}) >= 2]
    kept = [layout.levels[0]]
    for lower in layout.levels[1:]:
        upper = kept[-1]
        groups = False
        previous = None
        for row in rows:
            if upper > len(row) or lower > len(row):
                continue
            cell = row[upper - 1]
            if cell.merged_copy or not cell.text or (previous is not None and cell.text == previous):
                groups = True
                break
            previous = cell.text
        if groups:
            kept.append(lower)
        elif "content" not in layout.roles:
            layout.roles["content"] = lower
    layout.levels = kept
    layout.level_names = [layout.names.get(c, "") for c in kept]
