"""Helpers shared by every CLI command module: workspace lookup, JSON output, one-line errors."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from .textnorm import fold_width
from .workspace import Workspace, WorkspaceError, find_workspace

console = Console()
err_console = Console(stderr=True)


def get_workspace(ctx: typer.Context) -> Workspace:
    """The workspace chosen by -w, $ARCHIVIST_WORKSPACE or the nearest archivist.toml."""
    root = ctx.find_root()
    explicit: Path | None = (root.obj or {}).get("workspace") if root.obj else None
    try:
        ws = find_workspace(explicit)
    except WorkspaceError as exc:
        fail(str(exc))
    from .team import TeamError
    from .team.acting import act_for_cli

    try:
        act_for_cli(ws, (root.obj or {}).get("user") if root.obj else None)  # audit entries name this person
    except (TeamError, WorkspaceError) as exc:
        fail(str(exc))
    return ws


def fail(message: str, code: int = 1) -> NoReturn:
    """One clear line on stderr, then exit: never a bare traceback.

    The message is printed as plain text (never markup) with control characters shown escaped: it
    usually quotes what the user typed or a file name, and a '[/]' or an ESC in those must not break it.
    """
    err_console.print("[bold red]错误：[/]", end="", highlight=False)
    err_console.print(visible(message, keep_newlines=True), markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


# Control characters (C0, DEL, C1) and the invisible format characters that reorder or hide text (bidi
# overrides, zero-width joiners): printed raw, a file name can move the cursor, recolour or rewrite the
# terminal, or show one name while being another.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def visible(value: Any, keep_newlines: bool = False) -> str:
    """`value` as text with every control character shown as an escape (ESC -> \\x1b, RLO -> \\u202e)."""
    text = "" if value is None else str(value)
    if not keep_newlines:
        text = text.replace("\n", " ").replace("\t", " ")

    def shown(m: re.Match[str]) -> str:
        code = ord(m.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSAFE.sub(shown, text)


def safe(value: Any, keep_newlines: bool = False) -> str:
    """Data (titles, names, reasons…) ready for a rich markup string: control characters shown, [ ] escaped."""
    return escape(visible(value, keep_newlines))


def fold_code(code: str | None) -> str | None:
    """An indicator code as typed ('c01', 'Ｃ０１', ' C01 ') in the catalogue's form ('C01')."""
    if code is None:
        return None
    return unicodedata.normalize("NFKC", fold_width(code)).strip().upper() or None


def require_code(ws: Workspace, code: str | None, *, allow_category: bool = False, status: int = 2) -> str | None:
    """The folded code when the workspace's frameworks have it; otherwise exit `status` listing the valid codes."""
    folded = fold_code(code)
    if folded is None:
        return None
    known = [ind.code for ind in ws.frameworks.indicators()]
    if folded in known:
        return folded
    categories = sorted({c[0] for c in known if c})
    if allow_category and folded in categories:
        return folded
    listed = "、".join(known)
    fail(f"指标代码 {code} 不存在：可用的代码有 {listed}", status)


_DATE_PARTS = re.compile(r"^\s*(\d{4})\s*年?\s*(?:[-/.]?\s*(\d{1,2})\s*月?)?\s*(?:[-/.]?\s*(\d{1,2})\s*[日号]?)?\s*$")


def date_input(value: str | None) -> str | None:
    """A date bound as people type it -> '2024', '2024-05' or '2024-05-12' (full-width digits folded).

    ２０２４, 2024年5月, 2024年5月12日, 2024/5/12 and 2024.05 all work; anything else is passed on unchanged
    so the search's own check names it.
    """
    if value is None:
        return None
    folded = unicodedata.normalize("NFKC", fold_width(value)).strip()
    m = _DATE_PARTS.match(folded)
    if not m:
        return folded
    year, month, day = m.groups()
    if day and not month:
        return folded
    if day:
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return f"{year}-{int(month):02d}" if month else year
