"""Helpers shared by every CLI command module: workspace lookup, JSON output, one-line errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console

from .workspace import Workspace, WorkspaceError, find_workspace

console = Console()
err_console = Console(stderr=True)


def get_workspace(ctx: typer.Context) -> Workspace:
    """The workspace chosen by -w, $ARCHIVIST_WORKSPACE or the nearest archivist.toml."""
    root = ctx.find_root()
    explicit: Path | None = (root.obj or {}).get("workspace") if root.obj else None
    try:
        return find_workspace(explicit)
    except WorkspaceError as exc:
        fail(str(exc))


def fail(message: str, code: int = 1) -> NoReturn:
    """One clear line on stderr, then exit: never a bare traceback."""
    err_console.print(f"[bold red]错误：[/]{message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
