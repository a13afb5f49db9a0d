"""`scheme import | list | show | export | diff | migrate`: the province's own 考核细则.

Thin: parse, call archivist.scheme, print. `scheme import … --json` and `scheme show ID --json` print
CLI.md's shape ({"id", "name", "total_points", "levels", "indicators": [...]}, plus import's
"issues", "stored", "active").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.table import Table

from ..cli_common import console, err_console, fail, get_workspace, print_json

if TYPE_CHECKING:
    from ..framework import Framework
    from ..workspace import Workspace

scheme_app = typer.Typer(help="考核细则：从 Excel/Word 导入本省（市）方案，查看、导出，跨年度比对和迁移档案。",
                         no_args_is_help=True)


def _parse_maps(values: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for value in values or []:
        if "=" not in value:
            fail(f"--map {value} 格式不对：应为 旧代码=新代码（多个新代码用逗号分隔，留空表示删除）", 2)
        old, new = value.split("=", 1)
        out[old.strip()] = [c.strip() for c in new.split(",") if c.strip()]
    return out


def _diff_table(diff) -> Table:  # noqa: ANN001 - a SchemeDiff
    from ..scheme.diff import LABELS

    table = Table(title=f"方案比对：{diff.old_id} → {diff.new_id}")
    for col in ("变化", "原指标", "新指标", "分值", "相似度"):
        table.add_column(col, overflow="fold")
    styles = {"same": "", "recoded": "cyan", "renamed": "yellow", "merged": "magenta", "split": "magenta",
              "new": "green", "removed": "red"}
    for ch in diff.changes:
        old = "；".join(f"{c} {n}" for c, n in zip(ch.old, ch.old_names, strict=True))
        new = "；".join(f"{c} {n}" for c, n in zip(ch.new, ch.new_names, strict=True))
        points = f"{ch.points[0]:g} → {ch.points[1]:g}" if ch.points else ""
        label = LABELS[ch.kind] + ("、分值调整" if ch.points and ch.kind != "same" else "分值调整" if ch.points else "")
        if ch.kind == "same" and ch.points:
            label = "分值调整"
        style = styles.get(ch.kind, "") or ("yellow" if ch.points else "")
        table.add_row(f"[{style}]{label}[/]" if style else label, old, new, points,
                      f"{ch.similarity:.2f}" if ch.old and ch.new else "")
    return table


def _load_pair(ws, old: str, new: str, maps: list[str]):  # noqa: ANN001, ANN202
    from ..scheme.diff import diff_schemes
    from ..scheme.store import SchemeError, load_scheme

    try:
        return diff_schemes(load_scheme(ws, old), load_scheme(ws, new), _parse_maps(maps))
    except SchemeError as exc:
        fail(str(exc))


def register(app: typer.Typer) -> None:
    app.add_typer(scheme_app, name="scheme")


@scheme_app.command("import", help="导入考核细则（.xlsx 或 .docx 表格）：预览层级、分值和佐证材料；有问题时拒绝导入。")
def import_cmd(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="考核细则文件（.xlsx / .docx）"),
    scheme_id: str = typer.Option("", "--id", help="方案 id（默认按类型和年度生成，如 kaohe-2025）"),
    name: str = typer.Option("", "--name", help="方案名称（默认取表格标题）"),
    force: bool = typer.Option(False, "--force", help="有问题也导入（问题记录在方案文件中）"),
    use: bool = typer.Option(True, "--use/--no-use", help="导入后在本工作区启用（替换同类方案）"),
    prefix: str | None = typer.Option(None, "--prefix",
                                      help="指标代码前缀（默认：计分方案无前缀，评等方案为 P，如 PA01）"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """Import a scheme table; refuse (exit 1) with row/column-named issues unless --force."""
    from ..cli import writing
    from ..scheme.importer import import_scheme
    from ..scheme.preview import issues_view, scheme_tree
    from ..scheme.store import SchemeError, scheme_json

    ws = get_workspace(ctx)
    if not file.is_file():
        fail(f"{file} 不存在：请检查路径", 2)
    with writing(ws, "scheme import") as catalogue:
        try:
            result = import_scheme(ws, catalogue, file, scheme_id, name, force, use, prefix)
        except SchemeError as exc:
            fail(str(exc))
    scheme = result.scheme
    if as_json:
        data = scheme_json(result.framework) if result.framework else {
            "id": scheme.id, "name": scheme.name, "total_points": scheme.total_points, "levels": scheme.levels,
            "indicators": []}
        data |= {"issues": [i.to_json() | {"message": i.line()} for i in scheme.issues], "stored": result.stored,
                 "path": ws.relative(result.path) if result.path else None, "active": result.active,
                 "replaced": result.replaced, "notes_for_user": result.notes}
        print_json(data)
    else:
        if result.framework is not None:
            console.print(scheme_tree(result.framework))
        if scheme.issues:
            err_console.print(issues_view(scheme.issues), soft_wrap=True)
        for note in result.notes:
            err_console.print(f"[yellow]提示：[/]{note}", highlight=False, soft_wrap=True)
        if result.stored:
            where = ws.relative(result.path) if result.path else ""
            state = "，已启用" + (f"（替换 {result.replaced}）" if result.replaced else "") if result.active else ""
            console.print(f"已导入方案 {scheme.id}：{len(result.framework.indicators())} 项 → {where}{state}",
                          highlight=False)
    if not result.stored:
        if not as_json:
            err_console.print(f"[bold red]错误：[/]{file.name} 有 {len(scheme.issues)} 个问题，未导入："
                              "请按上面的行列位置修改表格后重新导入，或加 --force 保留这些问题导入", highlight=False,
                              soft_wrap=True)
        raise typer.Exit(1)


@scheme_app.command("list", help="列出本工作区可用的考核方案（在用的标 ✓）。")
def list_cmd(ctx: typer.Context, as_json: bool = typer.Option(False, "--json")) -> None:
    from ..framework import FrameworkError, load_framework
    from ..scheme.store import available

    ws = get_workspace(ctx)
    rows = []
    for sid, path, builtin in available(ws):
        try:
            fw = load_framework(path)
        except FrameworkError as exc:
            rows.append({"id": sid, "name": "", "error": str(exc), "active": sid in ws.config.frameworks,
                         "builtin": builtin})
            continue
        rows.append({"id": sid, "name": fw.name, "kind": fw.kind, "levels": fw.levels,
                     "indicators": len(fw.indicators()), "total_points": fw.total_points,
                     "active": sid in ws.config.frameworks, "builtin": builtin, "path": str(path)})
    if as_json:
        print_json(rows)
        return
    table = Table(title="考核方案")
    for col in ("", "id", "名称", "类型", "指标数", "来源"):
        table.add_column(col)
    for r in rows:
        table.add_row("✓" if r["active"] else "", r["id"], r.get("name") or r.get("error", ""),
                      {"scored": "计分", "graded": "评等"}.get(r.get("kind", ""), ""), str(r.get("indicators", "")),
                      "内置" if r["builtin"] else "本工作区")
    console.print(table)


def _load_or_fail(ws: Workspace, scheme_id: str) -> Framework:
    """The scheme by id, or one line saying why it cannot be read (exit 1)."""
    from ..framework import FrameworkError
    from ..scheme.store import SchemeError, load_scheme

    try:
        return load_scheme(ws, scheme_id)
    except (SchemeError, FrameworkError) as exc:
        fail(str(exc))


@scheme_app.command("show", help="查看一个考核方案：层级树、分值、佐证材料。")
def show_cmd(
    ctx: typer.Context,
    scheme_id: str = typer.Argument(..., metavar="ID"),
    as_json: bool = typer.Option(False, "--json"),
    items: bool = typer.Option(True, "--items/--no-items", help="显示佐证材料清单"),
) -> None:
    from ..scheme.preview import scheme_tree
    from ..scheme.store import scheme_json

    ws = get_workspace(ctx)
    fw = _load_or_fail(ws, scheme_id)
    if as_json:
        print_json(scheme_json(fw))
        return
    console.print(scheme_tree(fw, show_items=items))


@scheme_app.command("export", help="导出考核方案为 Excel 表格（.xlsx）或方案文件（.toml）。")
def export_cmd(
    ctx: typer.Context,
    scheme_id: str = typer.Argument(..., metavar="ID"),
    out: Path = typer.Option(..., "--out", help="输出文件：.xlsx 或 .toml"),
) -> None:
    from ..scheme.export import export_toml, export_xlsx

    ws = get_workspace(ctx)
    fw = _load_or_fail(ws, scheme_id)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".toml"):
        fail(f"{out.name}：只能导出为 .xlsx 或 .toml", 2)
    try:
        (export_xlsx if suffix == ".xlsx" else export_toml)(fw, out)
    except OSError as exc:
        fail(f"{out} 无法写入（{exc.strerror or exc}）：请检查文件夹权限，或关闭正在打开该文件的 Excel/WPS")
    console.print(f"已导出：{out}", highlight=False)


@scheme_app.command("diff", help="比对两个年度的方案：更名、合并、拆分、新增、删除、分值调整。")
def diff_cmd(
    ctx: typer.Context,
    old: str = typer.Argument(..., metavar="OLD"),
    new: str = typer.Argument(..., metavar="NEW"),
    maps: list[str] = typer.Option(None, "--map", help="人工指定对应关系 旧代码=新代码[,新代码]（留空=删除）"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    ws = get_workspace(ctx)
    diff = _load_pair(ws, old, new, maps)
    if as_json:
        print_json(diff.to_json())
        return
    console.print(_diff_table(diff))
    counts = diff.counts()
    from ..scheme.diff import LABELS

    console.print("；".join(f"{LABELS[k]} {v}" for k, v in counts.items()), highlight=False)


@scheme_app.command("migrate", help="把档案从旧方案迁到新方案：按比对结果移动文件（留审计），无对应指标的进待分类；"
                                    "旧年度档案另存于 往年档案/。")
def migrate_cmd(
    ctx: typer.Context,
    old: str = typer.Argument(..., metavar="OLD"),
    new: str = typer.Argument(..., metavar="NEW"),
    maps: list[str] = typer.Option(None, "--map", help="人工指定对应关系 旧代码=新代码[,新代码]（留空=删除）"),
    yes: bool = typer.Option(False, "--yes", "-y", help="不再询问，直接迁移"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    from ..cli import writing
    from ..scheme.migrate import migrate
    from ..scheme.store import SchemeError

    ws = get_workspace(ctx)
    diff = _load_pair(ws, old, new, maps)
    if not as_json:
        console.print(_diff_table(diff))
    if not yes:
        if as_json or not console.is_terminal:
            fail("迁移会移动归档文件：请先用 archivist scheme diff 核对，确认后加 --yes 运行", 2)
        if not typer.confirm("按以上对应关系迁移档案？"):
            raise typer.Exit(1)
    with writing(ws, "scheme migrate") as catalogue:
        try:
            report = migrate(ws, catalogue, diff)
        except SchemeError as exc:
            fail(str(exc))
    if as_json:
        print_json(report.to_json())
        return
    for m in report.unsorted:
        err_console.print(f"[yellow]待分类[/] {m.name}：{m.reason}", highlight=False, soft_wrap=True)
    console.print(f"已迁移 {len(report.moved)} 件到 {report.new_id}，{len(report.unsorted)} 件进入待分类；"
                  f"{report.old_id} 的档案原样保存在 {report.snapshot}", highlight=False)
