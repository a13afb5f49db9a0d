"""`archivist demo`: a newcomer sees the whole job run on generated sample evidence in a few minutes.

Each step is the same command a user types; the demo just runs them in order against a fresh
workspace and says what happened.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import typer
from rich.console import Console
from rich.rule import Rule
from typer.testing import CliRunner

from .samples import make_sample_evidence

console = Console()


def _run(app: typer.Typer, args: list[str]) -> str:
    from . import cli_common

    cli_common.console.width = max(120, shutil.get_terminal_size((120, 40)).columns)

    console.print(Rule(f"$ archivist {' '.join(args)}"))
    result = CliRunner().invoke(app, args)
    console.print(result.output, highlight=False, markup=False)
    return result.output


def run_demo(directory: Path, app: typer.Typer) -> None:
    """Build a sample workspace in `directory` and run the whole job through `app`, the CLI itself (passed in
    by the `demo` command, so this module does not import the CLI that imports it)."""
    directory = directory.resolve()
    marker = directory / "index" / ".demo"
    catalogue = directory / "index" / "catalogue.sqlite3"
    if catalogue.exists() and not marker.exists():
        raise SystemExit(
            f"{directory} 已有真实的归档数据，demo 不会覆盖它：请换一个目录，例如 archivist demo demo-workspace"
        )
    for sub in ("archive", "index", "inbox", "来件", "out"):
        target = directory / sub
        if target.is_dir():
            for child in target.iterdir():  # keep the folder itself (and the repository's .gitkeep)
                if child.name != ".gitkeep":
                    shutil.rmtree(child) if child.is_dir() else child.unlink()
    incoming = make_sample_evidence(directory / "来件")
    console.print(f"示例材料已生成：{incoming}（{sum(1 for p in incoming.rglob('*') if p.is_file())} 个文件）")
    ws = str(directory)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text("archivist demo workspace: `archivist demo` may reset it\n", encoding="utf-8")
    _run(app, ["init", ws, "--county", "青山县", "--inspection-date", "2025-01-20", "--year", "2024"])
    _run(app, ["-w", ws, "ingest", str(incoming)])
    _run(app, ["-w", ws, "list", "--status", "unsorted"])
    _run(app, ["-w", ws, "list", "--status", "quarantined"])
    commands = {c.name or c.callback.__name__ for c in app.registered_commands}
    if "search" in commands:
        _run(app, ["-w", ws, "search", "河口镇 改厕 验收"])
        _run(app, ["-w", ws, "search", "公益性岗位 考勤"])
    if "status" in commands:
        _run(app, ["-w", ws, "status"])
    if "report" in commands:
        for kind in ("self-eval", "briefing", "speech", "catalogue", "problems"):
            _run(app, ["-w", ws, "report", kind, "--out", str(directory / "out" / f"{kind}.docx")])
    if "dossier" in commands:
        _run(app, ["-w", ws, "dossier", "--out", str(directory / "out" / "dossier.pdf")])
    if "verify" in commands:
        _run(app, ["-w", ws, "verify"])
    console.print(Rule("完成"))
    console.print(f"工作区：{directory}；归档目录：{directory / 'archive'}")
