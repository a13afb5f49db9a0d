"""`archivist city …`: a city's (or province's) view over its counties' workspaces (archivist/city/).

    archivist city init DIR --name 云江市 [--county 青山县=counties/青山县]...
    archivist city add DIR 青山县 counties/青山县
    archivist city status [-c DIR] [--json]     # each county: indicators, materials, problems, findings
    archivist city gaps [-c DIR] [--json]       # each county's incomplete indicators and who leads them
    archivist city findings [-c DIR] [--json]   # authenticity findings per county, by kind
    archivist city report --out FILE.docx [-c DIR]

Read-only over the counties: a county's lock, catalogue and files are never written. The JSON shapes
are in docs/city.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.markup import escape as esc
from rich.table import Table

from ..cli_common import console, err_console, fail, print_json

city_app = typer.Typer(help="市（省）级汇总：各县迎检准备情况、查漏补缺、真实性核查和推进通报。", no_args_is_help=True)

CITY_OPTION = typer.Option(Path("."), "-c", "--city", help="含 city.toml 的目录（默认当前目录）")
DATE_OPTION = typer.Option(None, "--date", help="按指定日期计算（YYYY-MM-DD，默认今天）")


def _view(city_dir: Path, date: str | None):  # noqa: ANN202 - city.view.CityView
    from ..city.config import CityError, load_city
    from ..city.view import read_city

    try:
        city = load_city(city_dir)
    except CityError as exc:
        fail(str(exc))
    try:
        today = dt.date.fromisoformat(date) if date else None
    except ValueError:
        fail(f"日期“{date}”格式不对：请写成 YYYY-MM-DD", 2)
    view = read_city(city, today)
    for c in view.counties:
        if c.problem:
            err_console.print(f"[yellow]未汇总：[/]{esc(c.problem)}", highlight=False)
    return view


@city_app.command("init")
def init(
    directory: Path = typer.Argument(..., help="市（省）级汇总目录"),
    name: str = typer.Option(..., "--name", help="市（省）名称，例如 云江市"),
    county: list[str] = typer.Option([], "--county", help="县名=工作区目录（可重复）"),
) -> None:
    """新建市（省）级汇总：写出 city.toml。"""
    from ..city.config import CityError, init_city, parse_county

    try:
        city = init_city(directory, name, [parse_county(c) for c in county])
    except CityError as exc:
        fail(str(exc))
    console.print(esc(f"已新建 {city.path}：{city.name}，{len(city.counties)} 个县"), highlight=False)


@city_app.command("add")
def add(
    directory: Path = typer.Argument(..., help="市（省）级汇总目录"),
    name: str = typer.Argument(..., help="县名（与该县 archivist.toml 中的 county 一致）"),
    workspace: Path = typer.Argument(..., help="该县的工作区目录"),
) -> None:
    """在 city.toml 中增加一个县。"""
    from ..city.config import CityError, add_county

    try:
        city = add_county(directory, name, workspace)
    except CityError as exc:
        fail(str(exc))
    console.print(esc(f"已加入 {name}：{city.path} 现有 {len(city.counties)} 个县"), highlight=False)


@city_app.command("status")
def status(city_dir: Path = CITY_OPTION, as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
           date: str | None = DATE_OPTION) -> None:
    """各县迎检准备情况：指标齐全、材料件数、整改问题、核查发现、迎检倒计时，并按齐全率排名。"""
    view = _view(city_dir, date)
    if as_json:
        print_json(view.status_json())
        return
    t = view.totals()
    table = Table(title=f"{view.city.name}：{t['readable']}/{t['counties']} 个县已汇总（{view.seconds:.1f} 秒）")
    for column in ("排名", "县", "归档", "齐全/指标", "部分", "缺失", "未销号问题", "待说明核查", "距迎检"):
        table.add_column(column)
    rank = {name: n for n, name in enumerate(view.ranking, start=1)}
    for c in sorted(view.readable, key=lambda c: rank[c.county]):
        s = c.summary
        assert s is not None
        table.add_row(str(rank[c.county]), esc(c.county), str(s.filed), f"{s.complete}/{s.indicators}", str(s.partial),
                      str(s.missing), str(s.problems_open), str(c.findings_open),
                      "" if s.days_left is None else f"{s.days_left} 天")
    console.print(table)
    console.print(f"全市：归档 {t['filed']} 件，指标齐全 {t['complete']}/{t['indicators']} 项次，未销号问题 "
                  f"{t['problems_open']} 个，待说明核查 {t['findings_open']} 条", highlight=False)


@city_app.command("gaps")
def gaps(city_dir: Path = CITY_OPTION, as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
         date: str | None = DATE_OPTION) -> None:
    """各县查漏补缺：尚不齐全的指标、缺的材料和牵头单位。"""
    view = _view(city_dir, date)
    if as_json:
        print_json(view.gaps_json())
        return
    for c in view.readable:
        console.print(f"[bold]{esc(c.county)}[/]：{len(c.gaps)} 项指标不齐全", highlight=False)
        for g in c.gaps:
            lacking = "、".join(g.missing) or "全部材料"
            console.print(esc(f"  {g.code} {g.name}（{g.lead_unit or '牵头单位未定'}）缺：{lacking}"), highlight=False)


@city_app.command("findings")
def findings(city_dir: Path = CITY_OPTION, as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
             date: str | None = DATE_OPTION) -> None:
    """各县材料真实性核查发现（最近一次 archivist check 的结果），按类别统计。"""
    view = _view(city_dir, date)
    if as_json:
        print_json(view.findings_json())
        return
    for c in view.readable:
        console.print(f"[bold]{esc(c.county)}[/]：待说明 {c.findings_open} 条（严重 {c.findings_high} 条）",
                      highlight=False)
        for line in c.findings:
            console.print(esc(f"  {line.label}：待说明 {line.open}，严重 {line.high}，已说明 {line.explained}"),
                          highlight=False)


@city_app.command("report")
def report(out: Path = typer.Option(..., "--out", help="输出的 .docx"), city_dir: Path = CITY_OPTION,
           date: str | None = DATE_OPTION) -> None:
    """全市推进情况通报（.docx），数字取自各县自己的汇总。"""
    from ..city.report import write_city_report

    view = _view(city_dir, date)
    try:
        write_city_report(view, out)
    except OSError as exc:
        fail(f"无法写入 {out}（{exc.strerror}）：请检查路径或关闭正在打开该文件的 Word/WPS")
    console.print(esc(f"已生成 {out}"), highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(city_app, name="city")
