"""`search` and `reindex`: full-text search over the archive, and rebuilding its index.

Thin: parse, call archivist.search, print. `search --json` prints CLI.md's list
({"id", "archive_path", "indicator", "title", "score", "snippet"}, plus "highlight" with the
matches marked 【】); otherwise a rich table with the matches highlighted.
"""

from __future__ import annotations

import typer
from rich.table import Table
from rich.text import Text

from ..cli_common import console, date_input, fail, get_workspace, print_json, require_code, safe, visible


def _snippet_text(plain: str, marks: list[tuple[int, int]]) -> Text:
    """The snippet with its matches highlighted; control characters shown escaped, piece by piece so
    that an escape (which is longer than the character) does not shift the marks."""
    text = Text()
    at = 0
    for start, end in sorted(marks):
        if start < at:
            continue
        text.append(visible(plain[at:start]))
        text.append(visible(plain[start:end]), style="bold reverse yellow")
        at = end
    text.append(visible(plain[at:]))
    return text


def register(app: typer.Typer) -> None:
    @app.command(context_settings={"ignore_unknown_options": True})
    def search(
        ctx: typer.Context,
        words: list[str] = typer.Argument(
            None, metavar="词...", help='查找的词：多个词=同时包含（可分开写，也可整体加引号），"引号"=整句，-词=排除'
        ),
        indicator: str | None = typer.Option(None, "--indicator", help="指标代码（如 C01）或大类字母（如 C）"),
        unit: str | None = typer.Option(None, "--unit", help="责任单位（包含即可，如 农业农村局）"),
        since: str | None = typer.Option(None, "--since", help="成文日期不早于（2024-05-12 / 2024-05 / 2024）"),
        until: str | None = typer.Option(None, "--until", help="成文日期不晚于（同上）"),
        kind: str | None = typer.Option(None, "--kind", help="文种：方案/通知/纪要/台账/照片/验收/总结……"),
        status: str | None = typer.Option(None, "--status", help="filed | unsorted | quarantined"),
        limit: int = typer.Option(20, "--limit", help="最多显示条数"),
        as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
    ) -> None:
        """Search the archive's text (including OCR text and photo titles). Best match first."""
        from ..search import IndexMissing, QueryError, SearchError, open_index

        words = words or []
        for word in words:  # unknown options are let through so that '-词' can exclude; a '--typo' cannot
            if word.startswith("--"):
                fail(f"未知选项 {word}：用 archivist search --help 查看可用的选项", 2)
        query = " ".join(w for w in words if w.strip())
        ws = get_workspace(ctx)
        indicator = require_code(ws, indicator, allow_category=True)
        since, until = date_input(since), date_input(until)
        if status is not None:
            status = status.strip().lower()
        try:
            index = open_index(ws)
            try:
                hits = index.search(
                    query, indicator=indicator, unit=unit, since=since, until=until, kind=kind, status=status,
                    limit=limit,
                )
            finally:
                index.close()
        except QueryError as exc:
            fail(str(exc), 2)
        except IndexMissing as exc:
            fail(f"{exc}：请运行 archivist reindex 重建检索索引")
        except SearchError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"检索索引无法读取（{exc}）：请运行 archivist reindex 重建检索索引")
        if as_json:
            print_json([h.to_json() for h in hits])
            return
        if not hits:
            console.print(f"没有找到与“{safe(query)}”匹配的材料。", highlight=False)
            return
        table = Table(title=f"检索“{safe(query)}”：{len(hits)} 条", show_lines=True)
        table.add_column("#", justify="right")
        table.add_column("指标")
        table.add_column("题名 / 位置", overflow="fold")
        table.add_column("匹配内容", overflow="fold")
        table.add_column("得分", justify="right")
        for number, hit in enumerate(hits, start=1):
            place = Text(visible(hit.title or ""), style="bold")
            place.append("\n" + visible(hit.archive_path or ""), style="dim")
            place.append(f"\nID {visible(hit.id)}", style="dim")
            snippet = _snippet_text(hit.plain, hit.marks)
            table.add_row(str(number), safe(hit.indicator or "-"), place, snippet, f"{hit.score:.2f}")
        console.print(table)

    @app.command()
    def reindex(
        ctx: typer.Context,
        metadata: bool = typer.Option(
            False, "--metadata", help="同时重新识别题名、责任者、日期、文号、类别（保留人工更正）"
        ),
        as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
    ) -> None:
        """Rebuild the search index from the catalogue (the catalogue is the truth; the index is derived)."""
        import time

        from ..catalogue import open_catalogue
        from ..intake.reextract import refresh_all
        from ..search import SearchError, rebuild_from_catalogue
        from ..workspace import WorkspaceBusy

        ws = get_workspace(ctx)
        started = time.perf_counter()
        try:
            with ws.writer_lock(what="archivist reindex"):
                catalogue = open_catalogue(ws)
                try:
                    refreshed = refresh_all(ws, catalogue) if metadata else None
                    count = rebuild_from_catalogue(ws, catalogue)
                finally:
                    catalogue.close()
        except WorkspaceBusy as exc:
            fail(str(exc))
        except SearchError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"重建检索索引失败（{exc}）：请检查 {ws.whoosh_dir} 所在磁盘的空间和权限")
        seconds = time.perf_counter() - started
        if as_json:
            out = {"indexed": count, "seconds": round(seconds, 2), "index": str(ws.whoosh_dir)}
            if refreshed is not None:
                out["metadata"] = {
                    "checked": refreshed.checked,
                    "changed": {i: [c.__dict__ for c in cs] for i, cs in refreshed.changed.items()},
                    "kept_edits": refreshed.kept_edits,
                    "unreadable": [{"id": i, "reason": r} for i, r in refreshed.unreadable],
                }
            print_json(out)
            return
        if refreshed is not None:
            console.print(
                f"已重新识别 {refreshed.checked} 件材料的元数据：{len(refreshed.changed)} 件有变化，"
                f"{refreshed.kept_edits} 件保留了人工更正",
                highlight=False,
            )
            for evidence_id, reason in refreshed.unreadable:
                console.print(f"[yellow]未能重新读取[/] {safe(evidence_id)}：{safe(reason)}", highlight=False)
        console.print(f"已重建检索索引：{count} 件材料，用时 {seconds:.1f} 秒", highlight=False)
