"""`remind [--unit U] [--json]`: what each unit still owes — items 未报送, 退回 (with the reason), late
against the evidence milestone — and its 待审核/已通过 counts. Reads only; the 催报通知 prints the same."""

from __future__ import annotations

import typer
from rich.markup import escape as esc

from ..cli_common import console, get_workspace, print_json


def remind(
    ctx: typer.Context,
    unit: str | None = typer.Option(None, "--unit", help="只看这个单位"),
    all_units: bool = typer.Option(False, "--all", help="也列出没有欠报的单位"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """催报：列出各单位未报送、退回、逾期的佐证材料。"""
    from ..catalogue import open_catalogue
    from ..team.remind import reminders

    ws = get_workspace(ctx)
    catalogue = open_catalogue(ws)
    try:
        found = reminders(ws, catalogue, unit)
    finally:
        catalogue.close()
    if as_json:
        print_json([r.to_json() for r in found])
        return
    shown = [r for r in found if unit or all_units or r.owes]
    if not shown:
        console.print("各单位的佐证材料均已报送或已有材料，无需催报", highlight=False)
    for r in shown:
        c = r.counts
        left = "已逾期" if (r.days_left or 0) < 0 else f"剩 {r.days_left} 天"
        due = f"；截止 {r.deadline}（{left}）" if r.deadline else ""
        console.print(esc(f"{r.unit}：未报送 {c['未报送']}，退回 {c['退回']}，待审核 {c['待审核']}，"
                          f"已通过 {c['已通过']}{due}"), highlight=False)
        for i in r.items:
            if i.state in ("未报送", "退回"):
                why = f"：{i.reason}" if i.reason else ""
                late = "【逾期】" if i.late else ""
                console.print(esc(f"  {late}{i.indicator} 第{i.item_no}项 {i.item}（{i.state}{why}）"), highlight=False)


def register(app: typer.Typer) -> None:
    app.command("remind")(remind)
