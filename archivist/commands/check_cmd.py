"""`check`: authenticity findings (reused photos, copied text, dates that do not fit, contradicting
figures, exposed personal data), and `check --explain ID --note WHY` to mark one explained (audited).

Thin: parse, run archivist.authenticity.check inside `writing()` (it stores the findings and backfills
per-file facts), print a table or CLI.md's JSON list.
"""

from __future__ import annotations

import typer
from rich.markup import escape as esc
from rich.table import Table

from ..cli_common import console, fail, get_workspace, print_json, visible


def check(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
    kind: list[str] = typer.Option([], "--kind", help="只检查这一类（可重复）：photo_reuse、pii…"),
    explain: str | None = typer.Option(None, "--explain", metavar="FINDING", help="把这条核查发现标为已说明"),
    note: str = typer.Option("", "--note", help="已说明的理由（与 --explain 一起用）"),
    include_explained: bool = typer.Option(True, "--all/--open", help="--open：只列出尚未说明的"),
) -> None:
    """核查弄虚作假风险：照片重复使用、材料雷同、日期不符、数据矛盾、个人信息泄露。"""
    from ..authenticity.check import run_check
    from ..authenticity.finding import KIND_LABELS, KINDS, SEVERITY_LABELS
    from ..authenticity.store import FindingError
    from ..authenticity.store import explain as explain_finding
    from ..cli import writing

    ws = get_workspace(ctx)
    unknown = [k for k in kind if k not in KINDS]
    if unknown:
        fail(f"未知的核查类别 {'、'.join(unknown)}：可用 {'、'.join(KINDS)}", 2)
    if explain is not None:
        with writing(ws, "check") as catalogue:
            try:
                mark = explain_finding(catalogue, explain, note)
            except FindingError as exc:
                fail(str(exc))
        if as_json:
            print_json(mark.to_json())
        else:
            console.print(esc(f"已将核查发现 {mark.finding_id}（{KIND_LABELS.get(mark.kind, mark.kind)}）标为已说明："
                              f"{mark.note}"), highlight=False)
        return
    if note:
        fail("--note 须与 --explain 一起使用", 2)
    with writing(ws, "check") as catalogue:
        result = run_check(ws, catalogue, kind or None)
    findings = [f for f in result.findings if include_explained or not f.explained]
    if as_json:
        print_json([f.to_json(result.files) for f in findings])
        return
    if not findings:
        console.print(f"核查了 {result.documents} 件材料，未发现问题（用时 {result.seconds:.1f} 秒）", highlight=False)
        return
    table = Table(title=f"核查发现 {len(findings)} 条（{result.documents} 件材料，用时 {result.seconds:.1f} 秒）")
    for column in ("编号", "类别", "严重程度", "说明", "已说明"):
        table.add_column(column, overflow="fold")
    for f in findings:
        table.add_row(f.id, KIND_LABELS.get(f.kind, f.kind), SEVERITY_LABELS.get(f.severity, f.severity),
                      esc(visible(f.detail)), esc(f.note) if f.explained else "")
    console.print(table)
    console.print("核实后可用 archivist check --explain 编号 --note 理由 标为已说明（记入审计日志）", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("check")(check)
