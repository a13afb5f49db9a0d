"""`cover`: correct 查漏补缺 by hand — an item is covered by a given document, or does not apply here.

Thin: parse, call archivist.assess.coverage.set_mark inside `writing()`, print one line. The mark is
remembered in the catalogue, audited, and shown by `status` (human and --json).
"""

from __future__ import annotations

import typer
from rich.markup import escape as esc

from ..assess import AssessError
from ..cli_common import console, fail, get_workspace, print_json


def cover(
    ctx: typer.Context,
    code: str = typer.Argument(..., metavar="CODE", help="指标代码，如 D01"),
    item_no: int = typer.Argument(..., metavar="ITEM_NO", help="佐证材料序号（status 中“第N项”）"),
    by: str | None = typer.Option(None, "--by", help="覆盖该项的材料编号"),
    not_applicable: bool = typer.Option(False, "--not-applicable", help="标为不适用（须用 --note 说明理由）"),
    clear: bool = typer.Option(False, "--clear", help="撤销人工认定，恢复自动判断"),
    note: str = typer.Option("", "--note", help="理由"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """人工认定某项佐证材料：由某件材料覆盖（--by），或不适用（--not-applicable），或撤销（--clear）。"""
    from ..assess.coverage import set_mark
    from ..cli import writing

    ws = get_workspace(ctx)
    if clear and (by or not_applicable):
        fail("--clear 不能与 --by 或 --not-applicable 同时使用", 2)
    with writing(ws, "cover") as catalogue:
        try:
            mark = set_mark(ws, catalogue, code, item_no, evidence_id=by, not_applicable=not_applicable, note=note,
                            clear=clear)
        except AssessError as exc:
            fail(str(exc))
    ind = ws.frameworks.indicator(code.upper())
    item = ind.evidence[item_no - 1] if ind else ""
    if as_json:
        print_json(mark.to_json() if mark else {"code": code.upper(), "item_no": item_no, "cleared": True})
        return
    if mark is None:
        console.print(esc(f"已撤销 {code.upper()} 第{item_no}项“{item}”的人工认定，恢复自动判断"), highlight=False)
    elif mark.not_applicable:
        console.print(esc(f"已将 {mark.code} 第{item_no}项“{item}”标为不适用：{mark.note}"), highlight=False)
    else:
        console.print(esc(f"已认定 {mark.code} 第{item_no}项“{item}”由材料 {mark.evidence_id} 覆盖"
                          + (f"：{mark.note}" if mark.note else "")), highlight=False)


def register(app: typer.Typer) -> None:
    app.command("cover")(cover)
