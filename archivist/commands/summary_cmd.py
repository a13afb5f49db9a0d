"""``archivist summary``: the one set of figures every page and document prints, as text or JSON.

Scripts and the tests compare the dashboard, ``status``, ``score list`` and the reports with this;
it is also the quickest answer to "where do we stand" before a 推进会.
"""

from __future__ import annotations

import typer
from rich.markup import escape as esc

from ..catalogue import open_catalogue
from ..cli_common import console, fail, get_workspace, print_json


def summary(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
    date: str | None = typer.Option(None, "--date", help="按指定日期计算（YYYY-MM-DD，默认今天）"),
) -> None:
    """汇总：材料件数、指标齐全情况、牵头单位、问题整改、自评得分和迎检倒计时（各页面和报告用的同一组数字）。"""
    import datetime as dt

    from ..assess.summary import compute_summary
    from .assess_cmd import score_line, summary_line

    ws = get_workspace(ctx)
    try:
        today = dt.date.fromisoformat(date) if date else None
    except ValueError:
        fail(f"日期“{date}”格式不对：请写成 YYYY-MM-DD", 2)
    catalogue = open_catalogue(ws)
    try:
        figures = compute_summary(ws, catalogue, today)
    finally:
        catalogue.close()
    if as_json:
        print_json(figures.to_json())
        return

    def say(text: str) -> None:
        console.print(text, highlight=False, soft_wrap=True)

    if figures.year_warning:
        say(f"[bold yellow]{esc(figures.year_warning)}[/]")
    say(summary_line(figures))
    names = f"（{esc('、'.join(figures.units_nothing))}）" if figures.units_nothing else ""
    say(f"牵头单位 {figures.units} 个：材料全部齐全 {figures.units_complete} 个，尚未报送任何材料 "
        f"{len(figures.units_nothing)} 个{names}")
    say(f"整改问题 {figures.problems} 个：未销号 {figures.problems_open} 个，逾期 {figures.problems_overdue} 个")
    for score in figures.scores:
        if score.scored:
            say(f"{esc(score.name)}：" + score_line(score))
    if figures.days_left is None:
        say("迎检日期未设定")
    elif figures.days_left >= 0:
        say(f"距迎检（{figures.inspection}）还有 {figures.days_left} 天")
    else:
        say(f"迎检日期 {figures.inspection} 已过去 {-figures.days_left} 天")


def register(app: typer.Typer) -> None:
    app.command("summary")(summary)
