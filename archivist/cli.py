"""The `archivist` command: parse, call, print. Work lives in the modules; this file stays thin.

Command modules under archivist/commands/ add their own commands with `register(app)`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter
from contextlib import nullcontext
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import cli_i18n, commands
from .catalogue import DATABASE_ERRORS, open_catalogue, public_record
from .cli_common import console, err_console, fail, get_workspace, print_json, require_code, safe
from .cli_writing import sync_search, writing
from .framework import FrameworkError
from .model import QUARANTINED, STATES
from .workspace import WorkspaceBusy, WorkspaceError, assessment_year, init_workspace

cli_i18n.install()  # click's and typer's own messages (usage errors, help panels) in Chinese

__all__ = ["app", "main", "sync_search", "writing"]  # writing(): commands/ use it from here

app = typer.Typer(
    help="迎检档案助手：接收、归档、检索佐证材料，查漏补缺，生成报告和档案。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

STATE_LABELS = {"filed": "已归档", "unsorted": "待分类", "duplicate": "重复", "quarantined": "隔离"}
STATE_STYLES = {"filed": "green", "unsorted": "yellow", "duplicate": "cyan", "quarantined": "red"}


@app.callback()
def main_callback(
    ctx: typer.Context,
    workspace: Path | None = typer.Option(None, "-w", "--workspace", help="工作区目录（含 archivist.toml）"),
    user: str | None = typer.Option(None, "--user", help="以此账号的名义操作（审计记录写此人；默认本机账户）"),
) -> None:
    ctx.obj = {"workspace": workspace, "user": user}


@app.command(help="新建工作区：archivist.toml、inbox/、archive/、index/。")
def init(
    directory: Path = typer.Argument(..., help="新工作区目录"),
    framework: list[str] = typer.Option(None, "--framework", help="考核方案 id，可多次指定"),
    county: str = typer.Option("本县", "--county", help="县（市、区）名称"),
    inspection_date: str = typer.Option("", "--inspection-date", help="迎检日期 YYYY-MM-DD"),
    year: int | None = typer.Option(None, "--year", help="考核年度（不指定时：1—3月取上一年度，其余月份取当年）"),
    database: str = typer.Option("", "--database", help="目录放在 PostgreSQL：postgresql://用户@主机:端口/库名"),
    schema: str = typer.Option("", "--schema", help="与 --database 同用：本工作区的 schema（默认按工作区目录名）"),
) -> None:
    """Create a workspace: archivist.toml, inbox/, archive/, index/."""
    from .catalogue.pg import CatalogueUnreachable

    existed = (directory / "archivist.toml").exists()
    chosen = year if year is not None else assessment_year()
    if schema and not database:
        fail("--schema 需与 --database 同用：请加上 --database postgresql://用户@主机:5432/库名", 2)
    try:
        ws = init_workspace(directory, framework or None, county, inspection_date, chosen,
                            database=database or None, schema=schema or None)
        open_catalogue(ws).close()
    except CatalogueUnreachable as exc:
        fail(str(exc))
    except (FrameworkError, WorkspaceError, ValueError) as exc:
        fail(str(exc), 2 if isinstance(exc, ValueError) and not isinstance(exc, FrameworkError) else 1)
    console.print(f"工作区已就绪：{safe(ws.root)}（考核方案：{', '.join(ws.config.frameworks)}）", highlight=False)
    if ws.catalogue_config.is_postgresql:
        from .pgdsn import masked

        console.print(f"目录数据库：{safe(masked(ws.catalogue_config.database or ''))}，schema "
                      f"{ws.catalogue_config.schema}", highlight=False)
    if existed:
        console.print(f"已有 archivist.toml，保留原设置：考核年度 {ws.config.year}", highlight=False)
    elif year is None:
        console.print(
            f"考核年度：{ws.config.year}（未指定 --year：1—3月按上一年度，其余月份按当年；"
            "不对时请改 archivist.toml 的 assessment.year）",
            highlight=False,
        )


def parse_status(value: str | None) -> str | None:
    """--status as typed (filed, FILED, 已归档, 待分类…) -> the state name; exit 2 naming the valid ones."""
    if value is None:
        return None
    folded = value.strip().lower()
    by_label = {label: state for state, label in STATE_LABELS.items()}
    if folded in STATES:
        return folded
    if value.strip() in by_label:
        return by_label[value.strip()]
    valid = "、".join(f"{s}（{STATE_LABELS[s]}）" for s in STATES)
    fail(f"未知状态 {value}：可用 {valid}", 2)


def summary_table(records: list[dict]) -> Table:
    counts = Counter(r["status"] for r in records)
    table = Table(title="导入结果")
    table.add_column("状态")
    table.add_column("数量", justify="right")
    for state in STATES:
        table.add_row(f"[{STATE_STYLES[state]}]{STATE_LABELS[state]}[/]", str(counts.get(state, 0)))
    return table


def report_problems(records: list[dict]) -> None:
    """One line per quarantined file: which file, what is wrong, what to do."""
    for r in records:
        if r["status"] == QUARANTINED:
            err_console.print(f"[red]隔离[/] {safe(r['original_name'])}：{safe(r.get('reason'))}", highlight=False)


def where_text(r: dict) -> str:
    """Where an intake ended, in words: its archive path, the original it duplicates, or why no bytes are kept."""
    if r.get("archive_path"):
        return safe(r["archive_path"])
    if r["status"] == "duplicate":
        return f"（重复，原件 {safe(r.get('duplicate_of'))}）"
    if r["status"] == QUARANTINED:
        return f"（未能保存原件：{safe(r.get('reason') or '原因未记录')}）"
    return ""


_PRINTED = ("status", "original_name", "archive_path", "duplicate_of", "reason")  # what ingest's table shows


@app.command(help="一次性导入文件或整个文件夹（含子文件夹）；不会改动来源文件夹。")
def ingest(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="文件或文件夹（含子文件夹）"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """Ingest files or folder trees once. The source folder is never modified."""
    from .intake.pipeline import Pipeline, discover
    from .jsonstream import JsonArrayWriter

    ws = get_workspace(ctx)
    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        fail(f"{missing[0]} 不存在：请检查路径", 2)
    total = sum(1 for _ in discover(paths))  # counted, then streamed: 20,000 files are never one list
    with writing(ws, "ingest") as catalogue:
        try:
            pipeline = Pipeline(ws, catalogue)
        except FrameworkError as exc:
            fail(str(exc))
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            disable=as_json or not err_console.is_terminal,
        ) as progress:
            task = progress.add_task("导入", total=total)
            records = []  # table mode: the few fields printed; --json: each record written once filed
            with JsonArrayWriter() if as_json else nullcontext() as out:
                for intake, produced in pipeline.run_iter(discover(paths)):
                    progress.update(task, description=f"导入 {intake.original_name[:30]}")
                    for r in produced:
                        if out is not None:
                            out.write(public_record(r))
                        else:
                            records.append({k: r.get(k) for k in _PRINTED})
                    progress.advance(task)
    if as_json:
        return
    report_problems(records)
    console.print(summary_table(records))
    for r in records:
        style = STATE_STYLES.get(r["status"], "")
        console.print(
            f"[{style}]{STATE_LABELS.get(r['status'], r['status'])}[/] {safe(r['original_name'])} → {where_text(r)}",
            highlight=False,
        )


@app.command(help="监视 inbox/，文件写完（大小稳定）后自动归档。")
def watch(
    ctx: typer.Context,
    once: bool = typer.Option(False, "--once", help="处理收件箱中现有文件后退出"),
    polling: bool | None = typer.Option(None, "--polling/--no-polling", help="轮询模式（网络共享目录）"),
) -> None:
    """Watch inbox/ and file whatever arrives (files are taken once their size stops changing)."""
    from .watch import Watcher

    ws = get_workspace(ctx)
    try:
        with ws.watcher_lock():
            watcher = Watcher(ws, polling=ws.config.polling if polling is None else polling)
            if once:
                records = watcher.run_once()
                console.print(summary_table(records))
                return
            console.print(f"正在监视 {ws.inbox}（Ctrl+C 停止）")
            watcher.run_forever(
                lambda r: console.print(
                    f"[{STATE_STYLES.get(r['status'], '')}]{STATE_LABELS.get(r['status'])}[/] "
                    f"{safe(r['original_name'])} → {where_text(r)}",
                    highlight=False,
                )
            )
    except WorkspaceBusy as exc:
        fail(f"{exc}（同一工作区只能运行一个 watch）")
    except WorkspaceError as exc:  # a configured folder became unsafe while watching
        fail(str(exc))


@app.command("list", help="列出材料记录（可按状态、指标筛选）。")
def list_cmd(
    ctx: typer.Context,
    status: str | None = typer.Option(
        None, "--status", help="状态：filed(已归档) | unsorted(待分类) | duplicate(重复) | quarantined(隔离)"
    ),
    indicator: str | None = typer.Option(None, "--indicator", help="指标代码，如 C01（大小写均可）"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
    ocr_review: bool = typer.Option(False, "--ocr-review", help="只列出OCR置信度低、需人工核对的扫描件/照片"),
) -> None:
    """List intake records."""
    from .intake.extract._ocr import review_pages

    status = parse_status(status)
    ws = get_workspace(ctx)
    indicator = require_code(ws, indicator)
    catalogue = open_catalogue(ws)
    records = catalogue.records(status=status, indicator=indicator)
    if ocr_review:
        records = [r for r in records if review_pages(r.get("meta"))]
    if as_json:
        print_json([public_record(r) for r in records])
        return
    table = Table(title=f"材料清单（{len(records)} 件）")
    for col in ("编号", "状态", "指标", "置信度", "题名", "责任者", "日期", "位置 / 建议"):
        table.add_column(col, overflow="fold")
    for r in records:
        where = safe(r.get("archive_path") or "")
        if r["status"] == "unsorted":
            where = "建议：" + "；".join(
                safe(f"{s['code']} {s['confidence']:.2f}（{'、'.join(s.get('matched', [])[:4])}）")
                for s in r.get("suggestions") or []
            )
        elif r["status"] == "quarantined":
            where = f"{where or '未能保存原件'}\n原因：{safe(r.get('reason'))}"
        elif r["status"] == "duplicate":
            where = f"重复，原件 {safe(r.get('duplicate_of'))}"
        if review_pages(r.get("meta")):
            where += f"\nOCR待核：第 {'、'.join(map(str, review_pages(r.get('meta'))))} 页"
        table.add_row(
            safe(r["id"]),
            f"[{STATE_STYLES.get(r['status'], '')}]{STATE_LABELS.get(r['status'], safe(r['status']))}[/]",
            safe(r.get("indicator") or ""),
            f"{r['confidence']:.2f}" if r.get("confidence") is not None else "",
            safe(r.get("title") or r["original_name"]),
            safe(r.get("unit") or ""),
            safe(r.get("doc_date") or ""),
            where,
        )
    console.print(table)


@app.command(help="查看一件材料：元数据及其来源、分类依据、人工更正和操作记录。")
def show(
    ctx: typer.Context,
    evidence_id: str = typer.Argument(..., metavar="ID", help="材料编号（可只写前几位）"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """Show one record: metadata with sources, suggestions with their reasons, corrections and history."""
    from . import cli_show
    from .intake.edits import overrides

    ws = get_workspace(ctx)
    catalogue = open_catalogue(ws)
    record = catalogue.get(evidence_id.strip())
    if record is None:
        fail(f"找不到编号为 {evidence_id} 的材料：请用 archivist list 查看编号")
    history = catalogue.audit_entries(record["id"])
    kept = overrides(catalogue, record["id"])
    if as_json:
        print_json(public_record(record) | {
            "text": record.get("text"), "meta": record.get("meta"), "history": history,
            "edits": [o.__dict__ for o in kept],
        })
        return
    try:
        frameworks = ws.frameworks
    except FrameworkError:
        frameworks = None
    table = Table(show_header=False, title=f"材料 {safe(record['id'])}")
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in cli_show.rows(record, history, kept, frameworks):
        table.add_row(label, value)
    table.add_row("正文摘录", safe((record.get("text") or "")[:300], keep_newlines=True))
    console.print(table, highlight=False)


@app.command(help="调整归档：把材料移到指标 CODE 下，系统据此学习；--note 写明理由（记入审计日志）。")
def assign(
    ctx: typer.Context,
    evidence_id: str = typer.Argument(..., metavar="ID", help="材料编号"),
    code: str = typer.Argument(..., metavar="CODE", help="指标代码，如 C01（大小写均可）"),
    note: str = typer.Option("", "--note", help="调整理由"),
) -> None:
    """Correct a filing: move the file under indicator CODE; the classifier learns from it."""
    from .intake.assign import AssignError
    from .intake.assign import assign as do_assign

    ws = get_workspace(ctx)
    folded = require_code(ws, code, status=1)  # exit 1 as before: scripts test for it
    with writing(ws, "assign") as catalogue:
        try:
            record = do_assign(ws, catalogue, evidence_id.strip(), folded or "", note=note.strip())
        except AssignError as exc:
            fail(str(exc))
    console.print(f"已调整：{safe(record['original_name'])} → {safe(record['archive_path'])}", highlight=False)


@app.command(help="生成示例材料并完整演示：导入、检索、查漏补缺、报告、档案。")
def demo(directory: Path = typer.Argument(Path("demo-workspace"), help="示例工作区目录")) -> None:
    """Build a sample workspace from generated evidence and run the whole job."""
    from .demo import run_demo

    run_demo(directory, app)


def _register_command_modules() -> None:
    for info in pkgutil.iter_modules(commands.__path__):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        if hasattr(module, "register"):
            module.register(app)


_register_command_modules()

# Help in the users' language; the docstrings stay for developers.
CHINESE_HELP = {
    "status": "查漏补缺：各指标佐证材料是否齐全、缺哪些、由哪个牵头单位负责。",
    "countdown": "倒排时间：距迎检天数、各时间节点、哪些已逾期、由谁负责。",
    "verify": "校验：逐个核对归档文件、目录、检索索引和审计日志；有任何不一致时退出码为 1。",
    "doctor": "诊断工作区；加 --repair 完成或回滚中断的操作、收编孤立文件、重建索引。",
    "backup": "备份：目录数据库和全部归档文件的一致快照（watch 运行时也可以）。",
    "restore": "从备份恢复到新目录，逐个校验文件哈希，不符则拒绝。",
    "report": "生成报告：自评报告、情况通报、讲话稿、归档文件目录、问题整改台账。",
    "dossier": "编制 PDF 档案汇编：封面、卷内目录、全部材料、书签和页码标签。",
    "export": "导出 ZIP：归档目录结构、归档文件目录.xlsx 和可离线打开的 index.html。",
    "search": '全文检索（含扫描件识别文字、照片标题）；多个词同时满足，"短语" 精确匹配，-词 排除。',
    "reindex": "根据目录数据库重建检索索引。",
    "serve": "启动本机网页工作台：检索、总览、待分类、上传、问题整改、报告。",
}
for _command in app.registered_commands:
    _name = _command.name or (_command.callback.__name__ if _command.callback else "")
    if _name in CHINESE_HELP:
        _command.help = CHINESE_HELP[_name]


def main() -> None:
    try:
        app()
    except (WorkspaceError, FrameworkError) as exc:
        err_console.print(f"[bold red]错误：[/]{safe(exc)}", highlight=False)
        raise SystemExit(1) from exc
    except DATABASE_ERRORS as exc:
        err_console.print(
            f"[bold red]错误：[/]目录数据库出错（{safe(exc)}）：请稍后重试；若反复出现，运行 archivist doctor",
            highlight=False,
        )
        raise SystemExit(1) from exc
    except OSError as exc:
        where = safe(exc.filename or "文件系统")
        err_console.print(
            f"[bold red]错误：[/]{where}：{safe(exc.strerror or exc)}（请检查该路径、权限和磁盘空间后重试；"
            "已归档的文件不受影响，重新运行会接着处理）",
            highlight=False,
        )
        raise SystemExit(1) from exc
