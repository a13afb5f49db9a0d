"""The `archivist` command: parse, call, print. Work lives in the modules; this file stays thin.

Command modules under archivist/commands/ add their own commands with `register(app)`.
"""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import commands
from .catalogue import Catalogue, public_record
from .cli_common import console, err_console, fail, get_workspace, print_json
from .framework import FrameworkError
from .model import QUARANTINED, STATES
from .workspace import Workspace, WorkspaceBusy, WorkspaceError, init_workspace

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
) -> None:
    ctx.obj = {"workspace": workspace}


@contextmanager
def writing(ws: Workspace, what: str, wait: bool = True) -> Iterator[Catalogue]:
    """Writer lock + catalogue + crash recovery: the preamble of every command that changes the archive."""
    from .intake.pipeline import recover

    try:
        with ws.writer_lock(wait=wait, what=what):
            catalogue = Catalogue(ws.catalogue_path)
            try:
                for line in recover(ws, catalogue):
                    err_console.print(f"[yellow]恢复：[/]{line}", highlight=False)
                file_queued_uploads(ws, catalogue)
                yield catalogue
                sync_search(ws, catalogue)
            finally:
                catalogue.close()
    except WorkspaceBusy as exc:
        fail(str(exc))


def file_queued_uploads(ws: Workspace, catalogue: Catalogue) -> None:
    """Web uploads that arrived while another writer held the lock are filed by the next writer."""
    from .intake.queue import file_pending

    if filed := file_pending(ws, catalogue):
        err_console.print(f"已归档 {len(filed)} 个排队等候的网页上传文件", highlight=False)


def sync_search(ws: Workspace, catalogue: Catalogue) -> None:
    """Bring the search index up to the catalogue (derived data: a failure here loses nothing)."""
    from .search import sync_after_commit

    if warning := sync_after_commit(ws, catalogue):
        err_console.print(f"[yellow]警告：[/]{warning}", highlight=False)


@app.command(help="新建工作区：archivist.toml、inbox/、archive/、index/。")
def init(
    directory: Path = typer.Argument(..., help="新工作区目录"),
    framework: list[str] = typer.Option(None, "--framework", help="考核方案 id，可多次指定"),
    county: str = typer.Option("本县", "--county", help="县（市、区）名称"),
    inspection_date: str = typer.Option("", "--inspection-date", help="迎检日期 YYYY-MM-DD"),
    year: int | None = typer.Option(None, "--year", help="考核年度"),
) -> None:
    """Create a workspace: archivist.toml, inbox/, archive/, index/."""
    try:
        ws = init_workspace(directory, framework or None, county, inspection_date, year)
        Catalogue(ws.catalogue_path).close()
    except (FrameworkError, WorkspaceError, ValueError) as exc:
        fail(str(exc), 2 if isinstance(exc, ValueError) and not isinstance(exc, FrameworkError) else 1)
    console.print(f"工作区已就绪：{ws.root}（考核方案：{', '.join(ws.config.frameworks)}）")


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
            err_console.print(f"[red]隔离[/] {r['original_name']}：{r.get('reason')}", highlight=False)


@app.command(help="一次性导入文件或整个文件夹（含子文件夹）；不会改动来源文件夹。")
def ingest(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="文件或文件夹（含子文件夹）"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """Ingest files or folder trees once. The source folder is never modified."""
    from .intake.pipeline import Pipeline, discover

    ws = get_workspace(ctx)
    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        fail(f"{missing[0]} 不存在：请检查路径", 2)
    intakes = list(discover(paths))
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
            task = progress.add_task("导入", total=len(intakes))
            records = []
            for intake, produced in pipeline.run_iter(intakes):
                progress.update(task, description=f"导入 {intake.original_name[:30]}")
                records.extend(produced)
                progress.advance(task)
    if as_json:
        print_json([public_record(r) for r in records])
        return
    report_problems(records)
    console.print(summary_table(records))
    for r in records:
        style = STATE_STYLES.get(r["status"], "")
        where = r.get("archive_path") or f"（重复，原件 {r.get('duplicate_of')}）"
        console.print(
            f"[{style}]{STATE_LABELS.get(r['status'], r['status'])}[/] {r['original_name']} → {where}", highlight=False
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
                    f"{r['original_name']} → {r.get('archive_path') or r.get('duplicate_of')}",
                    highlight=False,
                )
            )
    except WorkspaceBusy as exc:
        fail(f"{exc}（同一工作区只能运行一个 watch）")


@app.command("list", help="列出材料记录（可按状态、指标筛选）。")
def list_cmd(
    ctx: typer.Context,
    status: str | None = typer.Option(None, "--status", help="filed | unsorted | duplicate | quarantined"),
    indicator: str | None = typer.Option(None, "--indicator", help="指标代码，如 C01"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List intake records."""
    if status and status not in STATES:
        fail(f"未知状态 {status}：可用 {', '.join(STATES)}", 2)
    ws = get_workspace(ctx)
    catalogue = Catalogue(ws.catalogue_path)
    records = catalogue.records(status=status, indicator=indicator)
    if as_json:
        print_json([public_record(r) for r in records])
        return
    table = Table(title=f"材料清单（{len(records)} 件）")
    for col in ("编号", "状态", "指标", "置信度", "题名", "责任者", "日期", "位置 / 建议"):
        table.add_column(col, overflow="fold")
    for r in records:
        where = r.get("archive_path") or ""
        if r["status"] == "unsorted":
            where = "建议：" + "；".join(
                f"{s['code']} {s['confidence']:.2f}（{'、'.join(s.get('matched', [])[:4])}）"
                for s in r.get("suggestions") or []
            )
        elif r["status"] == "quarantined":
            where = f"{where}\n原因：{r.get('reason')}"
        elif r["status"] == "duplicate":
            where = f"重复，原件 {r.get('duplicate_of')}"
        table.add_row(
            r["id"],
            f"[{STATE_STYLES[r['status']]}]{STATE_LABELS[r['status']]}[/]",
            r.get("indicator") or "",
            f"{r['confidence']:.2f}" if r.get("confidence") is not None else "",
            r.get("title") or r["original_name"],
            r.get("unit") or "",
            r.get("doc_date") or "",
            where,
        )
    console.print(table)


@app.command(help="查看一件材料：元数据、分类依据、来源和操作记录。")
def show(
    ctx: typer.Context,
    evidence_id: str = typer.Argument(..., metavar="ID"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Show one record: metadata, suggestions with their reasons, provenance and audit history."""
    ws = get_workspace(ctx)
    catalogue = Catalogue(ws.catalogue_path)
    record = catalogue.get(evidence_id)
    if record is None:
        fail(f"找不到编号为 {evidence_id} 的材料：请用 archivist list 查看编号")
    history = catalogue.audit_entries(record["id"])
    if as_json:
        print_json(public_record(record) | {"text": record.get("text"), "meta": record.get("meta"), "history": history})
        return
    table = Table(show_header=False, title=f"材料 {record['id']}")
    for key, label in [
        ("status", "状态"),
        ("indicator", "指标"),
        ("links", "关联指标"),
        ("confidence", "置信度"),
        ("title", "题名"),
        ("unit", "责任者"),
        ("doc_date", "成文日期"),
        ("doc_number", "文号"),
        ("kind", "类别"),
        ("original_name", "原文件名"),
        ("archive_path", "归档位置"),
        ("sha256", "SHA-256"),
        ("size", "字节数"),
        ("pages", "页数"),
        ("reason", "原因"),
        ("duplicate_of", "重复于"),
        ("provenance", "来源"),
    ]:
        value = record.get(key)
        if value not in (None, "", []):
            table.add_row(label, str(value))
    for s in record.get("suggestions") or []:
        table.add_row("建议", f"{s['code']}（{s['confidence']:.2f}）依据：{'、'.join(s.get('matched', []))}")
    for h in history:
        table.add_row("记录", f"{h['at']} {h['actor']} {h['action']}")
    table.add_row("正文摘录", (record.get("text") or "")[:300])
    console.print(table, highlight=False)


@app.command(help="调整归档：把材料移到指标 CODE 下，系统据此学习。")
def assign(
    ctx: typer.Context,
    evidence_id: str = typer.Argument(..., metavar="ID"),
    code: str = typer.Argument(..., metavar="CODE"),
) -> None:
    """Correct a filing: move the file under indicator CODE; the classifier learns from it."""
    from .intake.assign import AssignError
    from .intake.assign import assign as do_assign

    ws = get_workspace(ctx)
    with writing(ws, "assign") as catalogue:
        try:
            record = do_assign(ws, catalogue, evidence_id, code.upper())
        except AssignError as exc:
            fail(str(exc))
    console.print(f"已调整：{record['original_name']} → {record['archive_path']}", highlight=False)


@app.command(help="生成示例材料并完整演示：导入、检索、查漏补缺、报告、档案。")
def demo(directory: Path = typer.Argument(Path("demo-workspace"), help="示例工作区目录")) -> None:
    """Build a sample workspace from generated evidence and run the whole job."""
    from .demo import run_demo

    run_demo(directory)


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
        err_console.print(f"[bold red]错误：[/]{exc}", highlight=False)
        raise SystemExit(1) from exc
    except sqlite3.Error as exc:
        err_console.print(
            f"[bold red]错误：[/]目录数据库出错（{exc}）：请稍后重试；若反复出现，运行 archivist doctor",
            highlight=False,
        )
        raise SystemExit(1) from exc
    except OSError as exc:
        where = exc.filename or "文件系统"
        err_console.print(
            f"[bold red]错误：[/]{where}：{exc.strerror or exc}（请检查该路径、权限和磁盘空间后重试；"
            "已归档的文件不受影响，重新运行会接着处理）",
            highlight=False,
        )
        raise SystemExit(1) from exc
