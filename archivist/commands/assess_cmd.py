"""Inspection readiness commands: status, score, problems, countdown (issue #5).

Thin: parse, call archivist.assess, print (a rich table, or --json). Commands that change data
(score set, problems import/add/close) run inside `writing()`, the single-writer preamble.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.table import Table

from ..assess import AssessError
from ..catalogue import open_catalogue
from ..cli_common import console, err_console, fail, get_workspace, print_json
from ..cli_common import safe as esc  # data printed through rich: [ ] and control characters made harmless

STATE_STYLES = {"complete": "green", "partial": "yellow", "missing": "red"}
MILESTONE_STYLES = {"done": "green", "late": "bold red", "due_soon": "yellow", "pending": "", "unknown": "cyan"}

score_app = typer.Typer(help="自查自评：逐项自评打分，引用佐证材料，汇总得分。", no_args_is_help=True)
problems_app = typer.Typer(help="整改台账：问题登记、导入、销号（须附佐证）、逾期提醒、导出。", no_args_is_help=True)


def say(message: str) -> None:
    """One message line on stdout, never hard-wrapped (scripts grep these lines)."""
    console.print(message, highlight=False, soft_wrap=True)


def warn(message: str) -> None:
    """One warning line on stderr, never hard-wrapped."""
    err_console.print(message, highlight=False, soft_wrap=True)


def _today(value: str | None) -> dt.date:
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"日期“{value}”格式不对：请写成 YYYY-MM-DD", 2)


def _ids(values: list[str] | None) -> list[str]:
    """IDs given as --evidence a --evidence b, --evidence a,b or --evidence a b (trailing arguments)."""
    out: list[str] = []
    for value in values or []:
        out.extend(part for part in value.replace("，", ",").replace("、", ",").split(",") if part.strip())
    return [x.strip() for x in out]


# status ----------------------------------------------------------------------------------------
def status(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="输出 JSON（每项指标一条）"),
    xlsx: Path | None = typer.Option(None, "--xlsx", help="同时导出查漏补缺表（.xlsx）"),
    by_unit: bool = typer.Option(False, "--by-unit", help="只看按牵头单位的汇总"),
    no_ledger_checks: bool = typer.Option(False, "--no-ledger-checks", help="跳过台账数字检查（更快）"),
) -> None:
    """Completeness per indicator (查漏补缺): evidence count, covered and missing items, per lead unit."""
    from ..assess.export import write_status_xlsx
    from ..assess.ledger_checks import ledger_findings
    from ..assess.status import compute_status
    from ..assess.summary import summary_of_status
    from ..intake.classify import CLOSE_CALL

    ws = get_workspace(ctx)
    catalogue = open_catalogue(ws)
    try:
        findings = [] if no_ledger_checks else ledger_findings(ws, catalogue)
        statuses = compute_status(ws, catalogue, ledgers=not no_ledger_checks, findings=findings)
        figures = summary_of_status(ws, catalogue, statuses, findings)
        close_calls = [r for r in catalogue.records(status="unsorted")
                       if str(r.get("reason") or "").startswith(CLOSE_CALL)]
    finally:
        catalogue.close()
    units = figures.readiness.units if figures.readiness else []
    unsorted = figures.unsorted
    if xlsx is not None:
        try:
            write_status_xlsx(xlsx, statuses, units, findings)
        except OSError as exc:
            fail(f"无法写入 {xlsx}（{exc.strerror}）：请检查路径或关闭正在打开该文件的 Excel/WPS")
    if as_json:
        if figures.year_warning:
            warn(esc(figures.year_warning))
        print_json([u.to_json() for u in units] if by_unit else [s.to_json() for s in statuses])
        return
    if figures.year_warning:
        say(f"[bold yellow]{esc(figures.year_warning)}[/]")
    say(summary_line(figures))
    if not by_unit:
        console.print(_status_table(statuses, units), highlight=False)
    console.print(_unit_table(units), highlight=False)
    if not by_unit:
        _print_coverage(statuses)
    flagged = [(s.code, f) for s in statuses for f in s.flagged]
    if flagged:
        say(f"[yellow]不计入本年度考核的材料 {len(flagged)} 件：[/]")
        for code, f in flagged[:20]:
            say(esc(f"  {code} {f.id} {f.title}：{f.reason}"))
    if findings:
        say(f"[red]台账数字问题 {len(findings)} 处：[/]")
        for f in findings[:30]:
            say(esc(f"  {f.message}"))
        if len(findings) > 30:
            say(f"  ……其余 {len(findings) - 30} 处请用 --xlsx 导出查看")
    if unsorted:
        say(f"[yellow]待分类材料 {unsorted} 件未计入任何指标：[/]请用 archivist list --status unsorted 查看，"
            "再用 archivist assign 归档")
        for r in close_calls[:20]:  # the classifier could not choose between two indicators: a person must
            say(esc(f"  {r['id']} {r.get('title') or r.get('original_name')}：{r['reason']}"))
    if xlsx is not None:
        say(esc(f"已导出查漏补缺表：{xlsx}"))


def summary_line(figures) -> str:  # noqa: ANN001 - assess.summary.Summary
    """The headline figures of the one summary, worded as the documents word them."""
    line = (f"汇总：接收材料 {figures.received} 件，已归档 {figures.filed} 件，待分类 {figures.unsorted} 件；"
            f"{figures.indicators} 项指标中齐全 {figures.complete} 项、部分齐全 {figures.partial} 项、"
            f"缺失 {figures.missing} 项（缺失或不全共 {figures.incomplete} 项）")
    if figures.ledger_errors:
        line += f"；台账数据逻辑错误 {figures.ledger_errors} 处"
    return line


def score_line(score) -> str:  # noqa: ANN001 - assess.summary.ScoreFigures
    """自评总分 and both distances to the 优秀 line, each named for the total it is measured on."""
    line = f"自评总分 [bold]{score.total:g}[/] 分，优秀线 {score.excellent_line:g} 分："
    line += "[green]已达到[/]" if score.reached else f"[red]按自评总分还差 {score.gap:g} 分[/]"
    line += f"；有佐证支撑 {score.backed_total:g} 分，"
    line += "[green]已达到[/]" if score.backed_reached else f"[red]按有佐证支撑的得分还差 {score.backed_gap:g} 分[/]"
    return line


def _print_coverage(statuses: list) -> None:
    """Why each item counts as covered (the document that is it, or the user's mark), and the numbers
    `archivist cover CODE ITEM_NO` takes for the items still missing."""
    lines = []
    for s in statuses:
        for c in s.items:
            if c.covered:
                lines.append(f"  {s.code} {c.reasons[0] if c.reasons else c.item}")
            elif s.evidence:
                lines.append(f"  {s.code} 第{c.item_no}项“{c.item}”：未找到对应材料")
    if lines:
        say("[bold]佐证材料对应情况[/]（有误可用 archivist cover 指标 序号 --by 材料编号 | --not-applicable 更正）：")
        for line in lines:
            say(esc(line))


def _status_table(statuses: list, units: list) -> Table:
    """Indicators grouped by lead unit (the units with the most missing first), states coloured."""
    from ..assess.status import STATE_LABELS

    done = sum(1 for s in statuses if s.state == "complete")
    table = Table(title=f"佐证材料完成情况（齐全 {done}/{len(statuses)}）")
    for col, kw in [("牵头单位", {"overflow": "fold"}), ("指标", {"no_wrap": True}), ("名称", {"overflow": "fold"}),
                    ("材料", {"justify": "right"}), ("状态", {"no_wrap": True}), ("缺少的佐证", {"overflow": "fold"}),
                    ("提示", {"overflow": "fold"})]:
        table.add_column(col, **kw)
    order = {u.unit: i for i, u in enumerate(units)}
    current = None
    for s in sorted(statuses, key=lambda s: order.get(s.lead_unit, 0)):
        unit_cell = ""
        if s.lead_unit != current:
            if current is not None:
                table.add_section()
            current = s.lead_unit
            unit_cell = f"[bold]{esc(s.lead_unit)}[/]" + ("（按关联指标推定）" if s.lead_unit_inferred else "")
        notes = []
        if s.flagged:
            notes.append(f"{len(s.flagged)} 件不计入")
        if s.undated:
            notes.append(f"{len(s.undated)} 件无日期")
        if s.ledger_errors:
            notes.append(f"台账问题 {len(s.ledger_errors)} 处")
        style = STATE_STYLES[s.state]
        table.add_row(unit_cell, s.code, esc(s.name), str(s.evidence_count), f"[{style}]{STATE_LABELS[s.state]}[/]",
                      esc("；".join(s.missing)), "；".join(notes))
    return table


def _unit_table(units: list) -> Table:
    table = Table(title="按牵头单位")
    for col in ("牵头单位", "指标", "齐全", "部分", "缺失", "材料", "提示"):
        table.add_column(col, justify="right" if col in ("指标", "齐全", "部分", "缺失", "材料") else "left")
    for u in units:
        hint = "[bold red]尚未报送任何材料[/]" if u.sent_nothing else ("[yellow]有缺失指标[/]" if u.missing else "")
        table.add_row(esc(u.unit), str(len(u.indicators)), f"[green]{u.complete}[/]", f"[yellow]{u.partial}[/]",
                      f"[red]{u.missing}[/]", str(u.evidence_count), hint)
    return table


# score -----------------------------------------------------------------------------------------
@score_app.command("set", context_settings={"ignore_unknown_options": True})
def score_set(
    ctx: typer.Context,
    code: str = typer.Argument(..., metavar="CODE", help="指标代码，如 C01"),
    points: float = typer.Argument(..., metavar="POINTS", help="自评分（扣分项填扣除的分数）"),
    more: list[str] = typer.Argument(None, metavar="[ID]...", help="更多佐证材料编号（跟在 --evidence 之后）"),
    note: str = typer.Option("", "--note", help="自评理由"),
    evidence: list[str] = typer.Option(None, "--evidence", help="佐证材料编号，可多个"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Set an indicator's self-score with its rationale and cited evidence (flags unbacked scores)."""
    from ..assess.scores import set_score
    from ..cli import writing

    ws = get_workspace(ctx)
    ids = _ids([*(evidence or []), *(more or [])])
    with writing(ws, "score") as catalogue:
        try:
            entry = set_score(ws, catalogue, code, points, note, ids)
        except AssessError as exc:
            fail(str(exc))
    if as_json:
        print_json(entry.to_json())
        return
    points = entry.points or 0.0
    if entry.kind == "penalty":
        said = f"扣 {abs(points):g} 分（最多扣 {entry.max_points:g} 分）"
    else:
        said = f"自评 {points:g} 分（{'上限' if entry.kind == 'bonus' else '满分'} {entry.max_points:g}）"
    say(f"已记录：{entry.code} {entry.name} {said}")
    if entry.headline:
        warn(f"[bold red]{entry.headline}[/]")
    for flag in entry.flags:
        warn(f"[yellow]警告：[/]{esc(flag)}")


@score_app.command("unset")
def score_unset(ctx: typer.Context, code: str = typer.Argument(..., metavar="CODE")) -> None:
    """Remove an indicator's self-score."""
    from ..assess.scores import clear_score
    from ..cli import writing

    ws = get_workspace(ctx)
    with writing(ws, "score") as catalogue:
        try:
            removed = clear_score(ws, catalogue, code)
        except AssessError as exc:
            fail(str(exc))
    say(f"已删除 {code.upper()} 的自评分" if removed else f"{code.upper()} 尚未自评")


@score_app.command("list")
def score_list(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json"),
    xlsx: Path | None = typer.Option(None, "--xlsx", help="同时导出自评打分表（.xlsx）"),
) -> None:
    """Self-scores with their warnings, totals per category and overall, and the distance to 优秀."""
    from ..assess.export import write_scores_xlsx
    from ..assess.summary import compute_summary

    ws = get_workspace(ctx)
    catalogue = open_catalogue(ws)
    try:
        figures = compute_summary(ws, catalogue)
    finally:
        catalogue.close()
    summary = figures.readiness.scores
    score_figures = {f.framework: f for f in figures.scores}
    if xlsx is not None:
        try:
            write_scores_xlsx(xlsx, summary)
        except OSError as exc:
            fail(f"无法写入 {xlsx}（{exc.strerror}）：请检查路径或关闭正在打开该文件的 Excel/WPS")
    if as_json:
        if figures.year_warning:
            warn(esc(figures.year_warning))
        print_json(summary.to_json())
        return
    if figures.year_warning:
        say(f"[bold yellow]{esc(figures.year_warning)}[/]")
    for fw in summary.frameworks:
        table = Table(title=f"{fw.name} 自评")
        for col in ("指标", "名称", "分值", "自评", "佐证", "提示"):
            table.add_column(col, overflow="fold", justify="right" if col in ("分值", "自评", "佐证") else "left")
        current = None
        for e in (e for e in summary.entries if e.framework == fw.framework):
            if e.category_code != current:
                if current is not None:
                    table.add_section()
                current = e.category_code
                cat = next(c for c in fw.categories if c.code == e.category_code)
                cap = f"{cat.max_points:g}" if cat.max_points else ""
                table.add_row(f"[bold]{e.category_code}[/]", f"[bold]{e.category_name}[/]", cap,
                              f"[bold]{cat.points:g}[/]", "", "")
            score = "" if e.points is None else f"{e.points:g}"
            hints = ([f"[bold red]{e.headline}[/]"] if e.headline else []) + [f"[yellow]{esc(f)}[/]" for f in e.flags]
            table.add_row(e.code, esc(e.name), f"{e.max_points:g}", score, str(len(e.evidence)) if e.evidence else "",
                          "\n".join(hints))
        console.print(table, highlight=False)
        parts = f"基础 {fw.base:g} + 加分 {fw.bonus:g} − 减分 {abs(fw.penalty):g}；"
        say(parts + score_line(score_figures[fw.framework]))
        if fw.unscored:
            say(f"[yellow]尚未自评：[/]{'、'.join(fw.unscored)}")
    if summary.flagged:
        warn(f"[bold red]{len(summary.flagged)} 项自评的佐证有问题[/]，请逐项核实后再上报")
    if xlsx is not None:
        say(esc(f"已导出自评打分表：{xlsx}"))


# problems --------------------------------------------------------------------------------------
@problems_app.command("import")
def problems_import(
    ctx: typer.Context,
    file: Path = typer.Argument(..., metavar="FILE.xlsx", help="整改台账（.xlsx）"),
    dry_run: bool = typer.Option(False, "--dry-run", help="只检查，不导入"),
    as_json: bool = typer.Option(False, "--json"),
    today: str | None = typer.Option(None, "--today", help="导入日期（推算未写年份的时限）"),
    found: str | None = typer.Option(None, "--found", help="表中未写发现时间的行按此日期记（YYYY-MM-DD）"),
) -> None:
    """Import a rectification ledger sheet (headers matched leniently) and report unreadable rows."""
    from ..assess.problems import import_problems
    from ..cli import writing

    if file.is_dir():
        sheets = sorted(p.name for p in file.glob("*.xlsx"))[:5]
        hint = f"（该文件夹中有：{'、'.join(sheets)}）" if sheets else ""
        fail(f"{file} 是文件夹，不是整改台账：请给出 .xlsx 文件的路径{hint}", 2)
    ws = get_workspace(ctx)
    day = _today(today)
    found_day = _today(found) if found else None
    with writing(ws, "problems import") as catalogue:
        try:
            report = import_problems(ws, catalogue, file, today=day, dry_run=dry_run, found=found_day)
        except AssessError as exc:
            fail(str(exc))
    if as_json:
        print_json(report.to_json())
        return
    for sheet, columns in report.columns.items():
        say(esc(f"工作表「{sheet}」识别的列：" + "，".join(f"{k}←“{v}”" for k, v in columns.items())))
    if dry_run:
        say(f"可导入 {report.planned} 个问题（试运行，未写入）")
    else:
        say(f"已导入 {len(report.imported)} 个问题")
    for d in report.duplicates:
        say("[cyan]跳过[/] " + esc(f"「{d.sheet}」第{d.row}行：{d.message}"))
    for issue in report.issues:
        style = "red" if issue.skipped else "yellow"
        label = "未导入" if issue.skipped else "注意"
        warn(f"[{style}]{label}[/] " + esc(f"{report.file}「{issue.sheet}」第{issue.row}行：{issue.message}"))


@problems_app.command("add")
def problems_add(
    ctx: typer.Context,
    desc: str = typer.Option(..., "--desc", help="问题描述"),
    unit: str = typer.Option("", "--unit", help="责任单位"),
    source: str = typer.Option("", "--source", help="发现来源，如 县委督查室暗访"),
    deadline: str | None = typer.Option(None, "--deadline", help="整改时限 YYYY-MM-DD"),
    indicator: str | None = typer.Option(None, "--indicator", help="关联指标代码"),
    found: str | None = typer.Option(None, "--found", help="发现日期 YYYY-MM-DD（默认今天）"),
    site: bool | None = typer.Option(None, "--site/--no-site", help="是否现场类问题（默认按描述判断）"),
    measures: str = typer.Option("", "--measures", help="整改措施"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Register one problem in the rectification ledger."""
    from ..assess.problems import add_problem
    from ..cli import writing

    ws = get_workspace(ctx)
    with writing(ws, "problems add") as catalogue:
        try:
            problem = add_problem(ws, catalogue, desc, unit, source, deadline, indicator, found, site, measures)
        except AssessError as exc:
            fail(str(exc))
    if as_json:
        print_json(problem.to_json())
        return
    kind = "，现场类（销号须附整改后照片）" if problem.site else ""
    say(esc(f"已登记问题 #{problem.id}：{problem.description}（{problem.unit or '未填责任单位'}，"
            f"时限 {problem.deadline or '未定'}{kind}）"))


@problems_app.command("list")
def problems_list(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json"),
    overdue: bool = typer.Option(False, "--overdue", help="只看逾期未销号的问题"),
    open_only: bool = typer.Option(False, "--open", help="只看未销号的问题"),
    unit: str | None = typer.Option(None, "--unit", help="按责任单位筛选"),
    today: str | None = typer.Option(None, "--today", help="按指定日期计算逾期（预演）"),
) -> None:
    """List problems, overdue ones marked, with counts per responsible unit."""
    from ..assess.problems import STATUS_LABELS, list_problems, problems_by_unit

    ws = get_workspace(ctx)
    day = _today(today)
    catalogue = open_catalogue(ws)
    try:
        problems = list_problems(catalogue, status="open" if open_only else None, unit=unit, overdue=overdue,
                                 today=day)
    finally:
        catalogue.close()
    if as_json:
        print_json([p.to_json(day) for p in problems])
        return
    table = Table(title=f"整改台账（{len(problems)} 个）")
    for col in ("编号", "问题", "责任单位", "发现", "时限", "状态", "剩余天数"):
        table.add_column(col, overflow="fold")
    for p in problems:
        left = p.days_left(day)
        if p.closed:
            state, remain = f"[green]{STATUS_LABELS[p.status]}[/]", ("逾期销号" if p.closed_late else "")
        elif p.overdue(day):
            state, remain = "[bold red]逾期[/]", f"[red]{left}[/]"
        else:
            state = STATUS_LABELS[p.status]
            remain = "" if left is None else (f"[yellow]{left}[/]" if left <= 3 else str(left))
        site = "（现场）" if p.site else ""
        table.add_row(f"#{p.id}", esc(p.description + site), esc(p.unit), p.found_date, p.deadline or "", state, remain)
    console.print(table, highlight=False)
    units = problems_by_unit(problems, day)
    if units:
        summary = Table(title="按责任单位")
        for col in ("责任单位", "问题", "未销号", "逾期", "已销号"):
            summary.add_column(col, justify="left" if col == "责任单位" else "right")
        for u in units:
            summary.add_row(esc(u.unit), str(u.total), str(u.open), f"[red]{u.overdue}[/]" if u.overdue else "0",
                            str(u.closed))
        console.print(summary, highlight=False)


@problems_app.command("show")
def problems_show(
    ctx: typer.Context,
    problem_id: str = typer.Argument(..., metavar="ID"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Show one problem with its proof and history."""
    from ..assess.problems import STATUS_LABELS, get_problem

    ws = get_workspace(ctx)
    catalogue = open_catalogue(ws)
    try:
        problem = get_problem(catalogue, problem_id)
        if problem is None:
            fail(f"找不到问题 {problem_id}：请用 archivist problems list 查看问题编号")
        history = [h for h in catalogue.audit_entries() if h["action"].startswith("problem")
                   and f'"problem": {problem.id}' in h["detail"]]
        evidence = [catalogue.get(i) for i in problem.close_evidence]
    finally:
        catalogue.close()
    if as_json:
        print_json(problem.to_json() | {"history": history})
        return
    table = Table(show_header=False, title=f"问题 #{problem.id}")
    rows = [("问题描述", problem.description), ("责任单位", problem.unit), ("发现来源", problem.source),
            ("发现日期", problem.found_date), ("整改时限", problem.deadline or "未定"),
            ("关联指标", problem.indicator or ""), ("现场类", "是（销号须附整改后照片）" if problem.site else "否"),
            ("整改措施", problem.measures), ("状态", STATUS_LABELS.get(problem.status, problem.status)),
            ("是否逾期", "是" if problem.overdue() else ""), ("销号日期", problem.closed_at or ""),
            ("销号说明", problem.close_note), ("来源", problem.origin)]
    for label, value in rows:
        if value:
            table.add_row(label, esc(str(value)))
    for record in evidence:
        if record:
            table.add_row("销号佐证", esc(f"{record['id']} {record.get('title') or record['original_name']}"
                                           f"（{record.get('doc_date') or '无日期'}）"))
    for h in history:
        table.add_row("记录", f"{h['at']} {h['actor']} {h['action']}")
    console.print(table, highlight=False)


@problems_app.command("close")
def problems_close(
    ctx: typer.Context,
    problem_id: str = typer.Argument(..., metavar="ID"),
    more: list[str] = typer.Argument(None, metavar="[EVIDENCE_ID]...", help="更多佐证材料编号"),
    evidence: list[str] = typer.Option(None, "--evidence", help="整改佐证材料编号，可多个"),
    note: str = typer.Option("", "--note", help="销号说明"),
    today: str | None = typer.Option(None, "--today", help="销号日期（默认今天）"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Close (销号) a problem: refused without evidence, and for site problems without an after-photo."""
    from ..assess.problems import close_problem
    from ..cli import writing

    ws = get_workspace(ctx)
    ids = _ids([*(evidence or []), *(more or [])])
    day = _today(today)
    with writing(ws, "problems close") as catalogue:
        try:
            problem = close_problem(ws, catalogue, problem_id, ids, note, today=day)
        except AssessError as exc:
            fail(str(exc))
    if as_json:
        print_json(problem.to_json(day))
        return
    late = "（逾期销号）" if problem.closed_late else ""
    say(esc(f"问题 #{problem.id} 已销号{late}，佐证：{'、'.join(problem.close_evidence)}"))


@problems_app.command("export")
def problems_export(
    ctx: typer.Context,
    out: Path = typer.Option(..., "--out", help="导出文件（.xlsx）"),
    today: str | None = typer.Option(None, "--today", help="按指定日期计算逾期"),
) -> None:
    """Export the rectification ledger to xlsx (overdue problems in red, counts per unit)."""
    from ..assess.export import write_problems_xlsx
    from ..assess.problems import list_problems

    ws = get_workspace(ctx)
    day = _today(today)
    catalogue = open_catalogue(ws)
    try:
        problems = list_problems(catalogue)
    finally:
        catalogue.close()
    try:
        write_problems_xlsx(out, problems, day)
    except OSError as exc:
        fail(f"无法写入 {out}（{exc.strerror}）：请检查路径或关闭正在打开该文件的 Excel/WPS")
    say(esc(f"已导出整改台账（{len(problems)} 个问题）：{out}"))


# countdown -------------------------------------------------------------------------------------
def countdown_cmd(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json"),
    today: str | None = typer.Option(None, "--today", help="按指定日期计算（预演）"),
) -> None:
    """Days left to the inspection, milestones T-N, what is late and whose it is."""
    from ..assess.countdown import STATE_LABELS, countdown

    ws = get_workspace(ctx)
    day = _today(today)
    catalogue = open_catalogue(ws)
    try:
        result = countdown(ws, catalogue, day)
    except AssessError as exc:
        fail(str(exc))
    finally:
        catalogue.close()
    if as_json:
        print_json(result.to_json())
        return
    if result.days_left > 0:
        head = f"距迎检（{result.inspection_date}）还有 [bold]{result.days_left}[/] 天"
    elif result.days_left == 0:
        head = f"今天（{result.inspection_date}）迎检"
    else:
        head = f"迎检日期 {result.inspection_date} 已过 {-result.days_left} 天"
    say(head)
    table = Table(title="倒排时间")
    for col in ("节点", "日期", "剩余天数", "状态", "进度", "责任单位"):
        table.add_column(col, overflow="fold")
    for m in result.milestones:
        style = MILESTONE_STYLES.get(m.state, "")
        state = f"[{style}]{STATE_LABELS[m.state]}[/]" if style else STATE_LABELS[m.state]
        units = "、".join(m.units) if m.state in ("late", "due_soon", "pending") else ""
        table.add_row(esc(m.label), m.due, str(m.days_left), state, esc(m.detail), esc(units))
    console.print(table, highlight=False)
    if result.late:
        say(f"[bold red]已逾期 {len(result.late)} 项：[/]")
        grouped: dict[tuple[str, str, int], list[str]] = {}
        for item in result.late:  # one line per late thing, naming every unit behind it
            grouped.setdefault((item.what, item.due, item.days_late), []).append(item.unit)
        for (what, due, days), units in grouped.items():
            say(esc(f"  {what}（应于 {due} 完成，已逾期 {days} 天）：{'、'.join(units)}"))


def register(app: typer.Typer) -> None:
    app.command("status")(status)
    app.add_typer(score_app, name="score")
    app.add_typer(problems_app, name="problems")
    app.command("countdown")(countdown_cmd)
