"""`search` and `reindex`: full-text search over the archive, and rebuilding its index.

Thin: parse, call archivist.search, print. `search --json` prints CLI.md's list
({"id", "archive_path", "indicator", "title", "score", "snippet"}, plus "highlight" with the
matches marked 【】); otherwise a rich table with the matches highlighted.
"""

from __future__ import annotations

import typer
from rich.table import Table
from rich.text import Text

from ..cli_common import console, fail, get_workspace, print_json


def _snippet_text(plain: str, marks: list[tuple[int, int]]) -> Text:
    text = Text(plain)
    for start, end in marks:
        text.stylize("bold reverse yellow", start, end)
    return text


def register(app: typer.Typer) -> None:
    @app.command()
    def search(
        ctx: typer.Context,
        query: str = typer.Argument("", help='查找的词：空格分隔=同时包含，"引号"=整句，-词=排除'),
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

        ws = get_workspace(ctx)
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
            console.print(f"没有找到与“{query}”匹配的材料。", highlight=False)
            return
        table = Table(title=f"检索“{query}”：{len(hits)} 条", show_lines=True)
        table.add_column("#", justify="right")
        table.add_column("指标")
        table.add_column("题名 / 位置", overflow="fold")
        table.add_column("匹配内容", overflow="fold")
        table.add_column("得分", justify="right")
        for number, hit in enumerate(hits, start=1):
            place = Text(hit.title or "", style="bold")
            place.append("\n" + (hit.archive_path or ""), style="dim")
            place.append(f"\nID {hit.id}", style="dim")
            snippet = _snippet_text(hit.plain, hit.marks)
            table.add_row(str(number), hit.indicator or "-", place, snippet, f"{hit.score:.2f}")
        console.print(table)

    @app.command()
    def reindex(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
    ) -> None:
        """Rebuild the search index from the catalogue (the catalogue is the truth; the index is derived)."""
        import time

        from ..catalogue import Catalogue
        from ..search import SearchError, rebuild_from_catalogue
        from ..workspace import WorkspaceBusy

        ws = get_workspace(ctx)
        started = time.perf_counter()
        try:
            with ws.writer_lock(what="archivist reindex"):
                catalogue = Catalogue(ws.catalogue_path)
                try:
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
            print_json({"indexed": count, "seconds": round(seconds, 2), "index": str(ws.whoosh_dir)})
        else:
            console.print(f"已重建检索索引：{count} 件材料，用时 {seconds:.1f} 秒", highlight=False)
