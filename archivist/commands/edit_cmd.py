"""`archivist edit ID [--title T] [--unit U] [--date YYYY-MM-DD] [--number N] [--kind K] --note WHY`.

Thin: parse, call archivist.intake.edits, print. The correction is audited (from → to, who, why), kept
over any later re-extraction, and renames the archived file when the filing template uses the field.
"""

from __future__ import annotations

import typer

from ..cli_common import console, fail, get_workspace, print_json, safe


def register(app: typer.Typer) -> None:
    @app.command(help="更正一件材料的题名、责任者、成文日期、文号或类别；须用 --note 写明理由（记入审计日志）。")
    def edit(
        ctx: typer.Context,
        evidence_id: str = typer.Argument(..., metavar="ID", help="材料编号（可只写前几位）"),
        title: str | None = typer.Option(None, "--title", help="题名"),
        unit: str | None = typer.Option(None, "--unit", help="责任者（如 县农业农村局）；空字符串表示清除"),
        date: str | None = typer.Option(None, "--date", help="成文日期 YYYY-MM-DD；空字符串表示清除"),
        number: str | None = typer.Option(None, "--number", help="文号（如 青农发〔2024〕12号）；空字符串表示清除"),
        kind: str | None = typer.Option(None, "--kind", help="类别：方案/通知/纪要/台账/照片/验收/总结……"),
        note: str = typer.Option("", "--note", help="更正理由（必填）"),
        as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
    ) -> None:
        """Correct descriptive metadata; the correction survives re-extraction."""
        from ..catalogue import public_record
        from ..cli import writing
        from ..intake.edits import EditError
        from ..intake.edits import edit as do_edit

        values = {"title": title, "unit": unit, "doc_date": date, "doc_number": number, "kind": kind}
        if not note.strip():
            fail("请用 --note 写明更正理由（会记入审计日志），例如 --note \"落款为县农业农村局\"", 2)
        if all(v is None for v in values.values()):
            fail("没有给出要更正的内容：用 --title / --unit / --date / --number / --kind", 2)
        ws = get_workspace(ctx)
        with writing(ws, "edit") as catalogue:
            try:
                result = do_edit(ws, catalogue, evidence_id.strip(), values, note)
            except EditError as exc:
                fail(str(exc), 2 if exc.usage else 1)
        if as_json:
            print_json(public_record(result.record) | {
                "changes": [{"field": c.field, "from": c.before, "to": c.after} for c in result.changes],
                "moved_from": result.moved_from,
            })
            return
        for c in result.changes:
            before, after = safe(c.before or "（空）"), safe(c.after or "（空）")
            console.print(f"已更正 {c.label}：{before} → {after}", highlight=False)
        if result.moved_from:
            console.print(f"文件已改名：{safe(result.moved_from)} → {safe(result.record.get('archive_path'))}",
                          highlight=False)
