"""Document commands: ``report KIND``, ``dossier`` and ``export --zip`` (issue #6).

Thin on purpose: parse, call archivist.generate, print what was written and what was left out. The
documents are derived data — they read the catalogue and never change it, except the dossier, which
records the page count of each bound file (页数) under a short writer lock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from ..catalogue import Catalogue, open_catalogue
from ..cli_common import console, err_console, fail, get_workspace, print_json, safe
from ..framework import FrameworkError
from ..workspace import Workspace

KIND_HELP = (
    "self-eval（自评报告）| briefing（情况通报）| speech（讲话稿）| catalogue（归档文件目录）| problems（问题整改台账）"
    "| report（迎检汇报材料）| reminder（催报通知）"
)
DEFAULT_NAMES = {
    "self-eval": "自评报告",
    "briefing": "情况通报",
    "speech": "讲话稿",
    "catalogue": "归档文件目录",
    "problems": "问题整改台账",
    "report": "迎检汇报材料",
    "reminder": "催报通知",
}


@contextmanager
def writing_to(target: Path, ws: Workspace) -> Iterator[Catalogue]:
    """A catalogue for a command that writes a document, with its failures as one clear line each."""
    catalogue = open_catalogue(ws)
    try:
        yield catalogue
    except (ValueError, FrameworkError) as exc:
        fail(str(exc))
    except PermissionError as exc:
        fail(f"无法写入 {exc.filename or target}：文件可能正被 Word/WPS 打开，请关闭后重试")
    except OSError as exc:
        fail(f"无法写入 {exc.filename or target}（{exc.strerror}）：请检查路径、权限和磁盘空间")
    finally:
        catalogue.close()


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"日期 {value} 格式不对：请写成 YYYY-MM-DD，如 2024-12-20", 2)


def _render_pdfs(paths: list[Path], ws_cache: Path) -> list[Path]:
    """Render the .docx files next to themselves as PDF; a missing LibreOffice is one clear line."""
    from ..generate import render
    from ..generate.dossier import font_warning

    if (hint := font_warning()) is not None:
        err_console.print(f"[yellow]警告：[/]{safe(hint)}", highlight=False)
    docx = [p for p in paths if p.suffix.lower() == ".docx"]
    try:
        result = render.to_pdf_many(docx, docx[0].parent if docx else ws_cache)
    except render.RenderUnavailable as exc:
        fail(f"{exc}（.docx 已生成：{'、'.join(str(p) for p in docx)}）")
    for src, reason in result.failed.items():
        err_console.print(f"[yellow]警告：[/]{safe(src.name)} 未能转换为 PDF：{safe(reason)}", highlight=False)
    return [result[p] for p in docx if p in result]


def report(
    ctx: typer.Context,
    kind: str = typer.Argument(..., metavar="KIND", help=KIND_HELP),
    out: Path | None = typer.Option(None, "--out", "-o", help="输出文件（.docx；catalogue 另在旁边写 .xlsx）"),
    pdf: bool = typer.Option(False, "--pdf", help="同时用 LibreOffice 生成 PDF"),
    date: str | None = typer.Option(None, "--date", help="成文日期和统计日期 YYYY-MM-DD（默认今天）"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON：写了哪些文件、用了哪些数字"),
    use_template: bool = typer.Option(
        True,
        "--template/--no-template",
        help="用 templates/docx 下的 Word 模板（工作区自己的优先）；--no-template 用内置版式",
    ),
    unit: str | None = typer.Option(None, "--unit", help="reminder：只催这一个单位（默认所有欠报单位）"),
    red_header: bool | None = typer.Option(
        None, "--red-header/--draft",
        help="briefing、reminder：加红头和版记（发文机关标志、发文字号、红色分隔线、抄送、印发）或印成草稿；"
             "默认按 archivist.toml 的 [documents] red_header",
    ),
    number: str | None = typer.Option(None, "--number", help="红头的发文字号，如 青农办〔2025〕3号"),
) -> None:
    """Write a report from the archive's data: self-eval, briefing, speech, catalogue, problems, report
    (迎检汇报材料) or reminder (催报通知)."""
    from ..generate.reports import ISSUED, KINDS, briefing_figures, gather, write_report

    if kind not in KINDS:
        fail(f"未知的报告类型 {kind}：可用 {' | '.join(KINDS)}", 2)
    if unit and kind != "reminder":
        fail("--unit 只用于 report reminder（催报通知）", 2)
    if red_header and kind not in ISSUED:
        fail(f"{kind} 不是发文，不能加红头：--red-header 只用于 {'、'.join(ISSUED)}（情况通报、催报通知）", 2)
    ws = get_workspace(ctx)
    today = _date(date)
    target = out or ws.root / "out" / f"{DEFAULT_NAMES[kind]}.docx"
    with writing_to(target, ws) as catalogue:
        data = gather(ws, catalogue, today) if kind not in ("catalogue",) else None
        written = write_report(kind, ws, catalogue, target, today=today, data=data, template=use_template,
                               unit=unit, red_header=red_header, number=number)
    pdfs = _render_pdfs(written, ws.cache_dir) if pdf else []
    if as_json:
        payload: dict[str, object] = {"kind": kind, "files": [str(p) for p in [*written, *pdfs]]}
        if data is not None and kind == "briefing":
            payload["figures"] = briefing_figures(data)
        print_json(payload)
        return
    for p in [*written, *pdfs]:
        console.print(f"已生成：{safe(p)}", highlight=False)


def dossier(
    ctx: typer.Context,
    out: Path = typer.Option(..., "--out", "-o", help="输出 PDF 文件"),
    indicator: str | None = typer.Option(None, "--indicator", help="只编一个指标，如 C01"),
    framework: str | None = typer.Option(None, "--framework", help="只编一个考核方案，如 shiji-kaohe"),
    date: str | None = typer.Option(None, "--date", help="编制日期 YYYY-MM-DD（默认今天）"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Bind the evidence into one PDF: cover, 卷内目录, every file, bookmarks and page labels."""
    from ..generate.dossier import build_dossier

    ws = get_workspace(ctx)
    today = _date(date)
    quiet = as_json or not err_console.is_terminal

    def progress(message: str) -> None:
        if not quiet:
            err_console.print(f"[dim]{safe(message)}…[/]", highlight=False)

    with writing_to(out, ws) as catalogue:
        result = build_dossier(
            ws,
            catalogue,
            out,
            indicator=indicator.upper() if indicator else None,
            framework=framework,
            today=today,
            progress=progress,
        )
    if as_json:
        print_json(result.to_json())
        return
    for warning in result.warnings:
        err_console.print(f"[yellow]警告：[/]{safe(warning)}", highlight=False)
    for s in result.skipped:
        err_console.print(f"[yellow]未编入[/] {safe(s.indicator)} {safe(s.title)}：{safe(s.reason)}", highlight=False)
    if result.quarantined:
        err_console.print(
            f"[yellow]隔离材料 {len(result.quarantined)} 件未编入[/]（已列在卷内目录末尾）", highlight=False
        )
    console.print(
        f"已生成：{safe(result.out)}（{result.documents} 件材料，共 {result.pages} 页；"
        f"LibreOffice 转换 {result.converted} 个，缓存 {result.cached} 个；"
        f"更新页数 {result.pages_updated} 条；用时 {result.seconds:.1f} 秒）",
        highlight=False,
    )


def export(
    ctx: typer.Context,
    zip_path: Path = typer.Option(..., "--zip", help="输出 ZIP 文件"),
    indicator: str | None = typer.Option(None, "--indicator", help="只导出一个指标"),
    framework: str | None = typer.Option(None, "--framework", help="只导出一个考核方案"),
    as_json: bool = typer.Option(False, "--json"),
    unmasked: bool = typer.Option(False, "--unmasked", help="不遮盖身份证号和手机号（仅供考核组，记入审计日志）"),
) -> None:
    """Export the archive as a ZIP: folder tree, 归档文件目录.xlsx and an offline index.html."""
    from ..generate.export import export_zip

    ws = get_workspace(ctx)
    with writing_to(zip_path, ws) as catalogue:
        result = export_zip(
            ws, catalogue, zip_path, indicator=indicator.upper() if indicator else None, framework=framework,
            unmasked=unmasked,
        )
    if as_json:
        print_json(result.to_json())
        return
    for rel in result.missing_files:
        err_console.print(f"[yellow]警告：[/]归档文件不存在，未导出：{safe(rel)}（请运行 archivist verify）",
                          highlight=False)
    for member in result.withheld:
        err_console.print(f"[yellow]提示：[/]{safe(member)} 含身份证号或手机号，格式无法遮盖，未放入导出包"
                          "（考核组需要时用 --unmasked 导出，记入审计日志）", highlight=False)
    console.print(
        f"已导出：{safe(result.out)}（{result.files} 个文件，{result.indicators} 项指标；解压后打开 index.html）",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    app.command("report")(report)
    app.command("dossier")(dossier)
    app.command("export")(export)
