"""`verify`, `doctor`, `backup`, `restore`: prove the archive is whole, repair it, keep a copy of it.

Thin: parse, call archivist.integrity / archivist.backup, print. Findings are printed one line each
in Chinese, grouped by kind; `--json` prints the whole report (CLI.md: exit 1 on any mismatch).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn, TransferSpeedColumn

from ..catalogue import Catalogue, CatalogueUnusable
from ..catalogue import open_catalogue as open_workspace_catalogue
from ..cli_common import console, err_console, fail, get_workspace, print_json, safe
from ..workspace import Workspace, WorkspaceBusy

SHOWN_PER_KIND = 20  # a damaged archive can have thousands of findings: the terminal shows a sample


@contextmanager
def hashing_progress(enabled: bool, label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar (bytes, MB/s) on stderr while hashing; nothing when not on a terminal."""
    if not enabled or not err_console.is_terminal:
        yield None
        return
    with Progress(
        TextColumn(label), BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeElapsedColumn(),
        console=err_console, transient=True,
    ) as progress:
        task = progress.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        yield update


def print_findings(findings: list, header: str) -> None:
    from ..integrity import KIND_LABELS, KINDS

    console.print(header, highlight=False)
    for kind in KINDS:
        group = [f for f in findings if f.kind == kind]
        if not group:
            continue
        console.print(f"[bold red]{KIND_LABELS[kind]}[/]（{len(group)}）", highlight=False)
        for f in group[:SHOWN_PER_KIND]:
            console.print(f"  {safe(f.message)}", highlight=False, soft_wrap=True)
        if len(group) > SHOWN_PER_KIND:
            console.print(f"  ……另有 {len(group) - SHOWN_PER_KIND} 条（用 --json 查看全部）", highlight=False)


def open_catalogue(ws: Workspace) -> Catalogue:
    """The catalogue, or one line saying it is lost/damaged and what to do (restore or rebuild)."""
    try:
        return open_workspace_catalogue(ws)
    except CatalogueUnusable as exc:
        fail(str(exc))


def print_rebuild(result: object) -> None:
    from ..rebuild import RebuildResult

    assert isinstance(result, RebuildResult)
    say = lambda text: console.print(text, highlight=False, soft_wrap=True)  # noqa: E731
    say(f"[bold yellow]目录数据库{result.problem}[/]：已从归档目录结构重建，这不是修复，请核对。")
    for kept in result.kept:
        say(f"• 原数据库已移到 {safe(kept)}（保留，未删除）")
    say(f"• 重建记录 {result.records} 件：已归档 {result.filed}、待分类 {result.unsorted}、隔离 {result.quarantined}；"
        f"压缩包原件 {result.containers} 个（指标按所在文件夹恢复，元数据重新读取）")
    for line in result.skipped:
        say(f"[red]•[/] 未能收入：{safe(line)}")
    say("[bold red]已从目录重建，以下内容无法恢复[/]：" + "；".join(result.lost))
    if result.previous_head:
        head = result.previous_head
        say(f"• 原审计链最后记录于第 {head.seq} 条（{head.hash[:16]}），新链从第 1 条重新开始")
    say("如有备份，从备份恢复更完整：archivist restore 备份文件 --to 新目录（恢复后核对再替换本工作区）")


def register(app: typer.Typer) -> None:
    @app.command()
    def verify(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
        anchor: list[str] = typer.Option(
            [], "--anchor", metavar="SEQ:HASH", help="核对早先卷内备考表或导出清单上的审计链锚点（可多次）"
        ),
    ) -> None:
        """Re-hash every archived file; check catalogue, search index and audit log agree. Exit 1 on any mismatch."""
        from ..auditchain import Anchor
        from ..integrity import verify as run_verify

        try:
            anchors = [Anchor.parse(a) for a in anchor]
        except ValueError as exc:
            fail(str(exc), code=2)
        ws = get_workspace(ctx)
        catalogue = open_catalogue(ws)
        try:
            with hashing_progress(not as_json, "核验文件") as progress:
                report = run_verify(ws, catalogue, progress=progress, anchors=anchors)
        finally:
            catalogue.close()
        if as_json:
            print_json(report.to_json())
        else:
            for note in report.notes:
                err_console.print(f"[yellow]提示：[/]{note}", highlight=False)
            summary = (
                f"已核验 {report.files} 个文件，{report.bytes / 1e6:.1f} MB，用时 {report.seconds:.1f} 秒"
                f"（{report.mb_per_second:.0f} MB/s）"
            )
            if report.ok:
                console.print(f"[green]核验通过[/]：{summary}；目录、文件、检索索引和审计日志一致", highlight=False)
            else:
                print_findings(report.findings, f"[bold red]核验发现 {len(report.findings)} 个问题[/]：{summary}")
        if not report.ok:
            raise typer.Exit(1)

    @app.command()
    def doctor(
        ctx: typer.Context,
        repair: bool = typer.Option(False, "--repair", help="修复能安全修复的问题（否则只报告）"),
        as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
    ) -> None:
        """Diagnose the workspace; with --repair finish interrupted moves, adopt orphans, rebuild the index."""
        from ..integrity import doctor as run_doctor
        from ..rebuild import catalogue_problem, rebuild

        ws = get_workspace(ctx)
        rebuilt = None
        try:
            if repair:
                lock = ws.writer_lock(wait=False, what="doctor")
            else:
                lock = _no_lock()
            with lock:
                problem = catalogue_problem(ws)
                if problem and not repair:
                    message = (f"目录数据库 {ws.catalogue_path} {problem}：请用 archivist restore 从备份恢复"
                               "（最完整），或运行 archivist doctor --repair 从归档目录结构重建"
                               "（审计记录、评分、问题等无法恢复）")
                    if as_json:
                        print_json({"ok": False, "repair": False, "catalogue": problem, "actions": [],
                                    "findings": [], "notes": [message]})
                        raise typer.Exit(1)
                    fail(message)
                if problem:
                    rebuilt = rebuild(ws, problem)
                catalogue = open_catalogue(ws)
                try:
                    with hashing_progress(not as_json, "检查文件") as progress:
                        result = run_doctor(ws, catalogue, repair, progress=progress)
                finally:
                    catalogue.close()
        except WorkspaceBusy as exc:
            fail(f"{exc}（修复需要独占工作区：请先停止 watch 或等待导入结束）")
        if rebuilt is not None:
            # a rebuilt archive is never "repaired": what was lost is said, and the exit status is 1
            if as_json:
                print_json(result.to_json(repair) | {"ok": False, "rebuilt": rebuilt.to_json()})
            else:
                print_rebuild(rebuilt)
                for action in result.actions:
                    console.print(f"[red]•[/] {safe(action.message)}", highlight=False, soft_wrap=True)
            raise typer.Exit(1)
        if as_json:
            print_json(result.to_json(repair))
        else:
            for action in result.actions:
                style = "red" if action.kind in ("unrepaired", "found") else "green"
                console.print(f"[{style}]•[/] {safe(action.message)}", highlight=False, soft_wrap=True)
            if result.ok and not result.actions:
                console.print("[green]一切正常[/]：没有需要修复的问题", highlight=False)
            elif result.ok:
                console.print("[green]修复完成[/]：核验通过", highlight=False)
            elif not repair:
                count = len(result.after.findings)
                console.print(f"发现 {count} 个问题；运行 archivist doctor --repair 修复能修复的部分", highlight=False)
        if not result.ok:
            raise typer.Exit(1)

    @app.command()
    def backup(
        ctx: typer.Context,
        out: Path = typer.Option(..., "--out", help="备份文件（.tar，或 .tar.gz 压缩）"),
        with_key: bool = typer.Option(
            False, "--with-key", help="同时备份审计链密钥（迁移到另一台电脑时用；带密钥的备份须妥善保管）"
        ),
        as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
    ) -> None:
        """A consistent snapshot (catalogue + every archived file it names), safe while watch is running."""
        from ..backup import BackupError, make_backup

        ws = get_workspace(ctx)
        try:
            with hashing_progress(not as_json, "备份") as progress:
                summary = make_backup(ws, out, progress=progress, with_key=with_key)
        except BackupError as exc:
            fail(str(exc))
        if as_json:
            print_json(summary)
            return
        console.print(
            f"[green]备份完成[/]：{summary['out']}（{summary['files']} 个文件，{summary['bytes'] / 1e6:.1f} MB，"
            f"{summary['records']} 条记录）",
            highlight=False,
        )
        if summary["with_key"]:
            warning = "[yellow]提示：[/]备份中含审计链密钥：持有它的人可以伪造审计记录，请妥善保管"
            err_console.print(warning, highlight=False)

    @app.command()
    def restore(
        backup_file: Path = typer.Argument(..., metavar="F", help="archivist backup 生成的备份文件"),
        to: Path = typer.Option(..., "--to", help="恢复到的新目录（不存在或为空）"),
        as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
    ) -> None:
        """Restore a backup into a new directory, checking every file's hash; refuse on any mismatch."""
        from ..backup import BackupError, restore_backup

        try:
            with hashing_progress(not as_json, "恢复") as progress:
                summary = restore_backup(backup_file, to, progress=progress)
        except BackupError as exc:
            fail(str(exc))
        if as_json:
            print_json(summary)
            return
        for note in summary["notes"]:
            err_console.print(f"[yellow]提示：[/]{note}", highlight=False)
        console.print(
            f"[green]恢复完成[/]：{summary['to']}（{summary['files']} 个文件全部通过 SHA-256 校验，"
            f"{summary['records']} 条记录）",
            highlight=False,
        )


@contextmanager
def _no_lock() -> Iterator[None]:
    yield
