"""`scheme export`: a scheme back to an Excel table (the shape provinces publish, re-importable) or TOML."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..framework import ADJUSTMENT_CATEGORY, Framework

LEVEL_HEADERS = ["一级指标", "二级指标", "三级指标"]


def export_toml(fw: Framework, out: Path) -> Path:
    if fw.source is None:
        raise ValueError("scheme has no file")
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(fw.source, out)
    return out


def export_xlsx(fw: Framework, out: Path) -> Path:
    """One row per leaf; level cells merged over the rows they cover; 加分项 / 扣分项 blocks below; notes last."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    scored = fw.kind == "scored"
    base = [i for c in fw.categories if c.code != ADJUSTMENT_CATEGORY for i in c.indicators]
    adjustments = [i for c in fw.categories if c.code == ADJUSTMENT_CATEGORY for i in c.indicators]
    levels = max((len(i.path) for i in base), default=1)
    headers = [*LEVEL_HEADERS[:levels], "考核内容", "代码"] + (["分值"] if scored else []) + [
        "评分标准", "考核方式", "佐证材料", "牵头单位", "责任单位"]
    width = len(headers)
    wb = Workbook()
    ws = wb.active
    ws.title = "考核细则"
    ws.append([fw.name + (f"（{fw.total_points:g}分）" if scored else "")] + [None] * (width - 1))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.append(headers)
    wrap = Alignment(wrap_text=True, vertical="center")
    points_of = {c.code: c.points for c in fw.categories}
    group_points = {g.code: g.points for c in fw.categories for g in c.groups}

    def row_for(ind, block: bool = False) -> list:  # noqa: ANN001 - an Indicator
        path = list(ind.path) if not block else [ind.name]
        names: list = [None] * levels
        if block:
            names[-1] = ind.name
        else:
            for k, name in enumerate(path[:-1]):
                names[k] = name
            names[levels - 1 if len(path) > 1 else 0] = path[-1]
        if not block and scored and len(path) > 1:
            names[0] = f"{path[0]}（{points_of.get(ind.category_code, 0):g}分）"
            if ind.group_code and len(path) > 2:
                names[1] = f"{path[1]}（{group_points.get(ind.group_code, 0):g}分）"
        points = ([f"最高{'加' if ind.kind == 'bonus' else '扣'}{ind.max_points:g}分" if block else ind.points]
                  if scored else [])
        evidence = "\n".join(f"{n}.{item}" for n, item in enumerate(ind.evidence, start=1))
        return [*names, ind.content, ind.code, *points, ind.scoring, ind.method, evidence, ind.lead_unit,
                "、".join(ind.responsible_units)]

    first = ws.max_row + 1
    for ind in base:
        ws.append(row_for(ind))
    last = ws.max_row
    for col in range(1, levels):
        start = first
        for r in range(first + 1, last + 2):
            if r > last or ws.cell(r, col).value != ws.cell(start, col).value or ws.cell(start, col).value is None:
                if r - 1 > start and ws.cell(start, col).value is not None:
                    for k in range(start + 1, r):
                        ws.cell(k, col).value = None
                    ws.merge_cells(start_row=start, start_column=col, end_row=r - 1, end_column=col)
                start = r
    for kind, label, limit in (("bonus", "加分项", fw.bonus_max), ("penalty", "扣分项", fw.penalty_max)):
        items = [i for i in adjustments if i.kind == kind]
        if not items:
            continue
        head = f"{label}（最高{'加' if kind == 'bonus' else '扣'}{limit:g}分）" if limit else label
        ws.append([head] + [None] * (width - 1))
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=width)
        for ind in items:
            ws.append(row_for(ind, block=True))
    for note in fw.notes:
        ws.append([note] + [None] * (width - 1))
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=width)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    for col, size in zip("ABCDEFGHIJKLM", [16, 18, 22, 40, 8, 8, 30, 12, 36, 14, 18], strict=False):
        ws.column_dimensions[col].width = size
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(out))
    return out
