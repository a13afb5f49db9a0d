"""The `[search]` table of archivist.toml, checked when the workspace loads.

    [search]
    backend = "whoosh"      # the default: an index directory beside the catalogue (index/whoosh/)

One setting today; the PostgreSQL backend (DESIGN.md, "Scale") will add its own name here and the
settings it needs. A wrong value stops every command at once with one line naming the valid ones,
rather than surfacing later as a failed index update behind the user's back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..workspace import WorkspaceError

BACKENDS = ("whoosh",)
_KNOWN = ("backend",)


class SearchConfigError(WorkspaceError):
    """The [search] table is wrong; the one-line message names the file, the setting and the fix."""


@dataclass(frozen=True)
class SearchConfig:
    backend: str = "whoosh"


def search_config(raw: dict[str, Any], config_path: Path) -> SearchConfig:
    """The checked [search] settings of a parsed archivist.toml (default: Whoosh)."""
    table = raw.get("search", {})
    where = f"{config_path} 的 [search]"
    if not isinstance(table, dict):
        raise SearchConfigError(f"{where} 应为一个表（[search]），请修正后重试")
    for name in table:
        if name not in _KNOWN:
            raise SearchConfigError(f"{where} 有未知设置 {name}：可用的设置为 {'、'.join(_KNOWN)}，请删除该行后重试")
    backend = table.get("backend", "whoosh")
    if not isinstance(backend, str) or backend.strip().lower() not in BACKENDS:
        valid = "、".join(f'"{b}"' for b in BACKENDS)
        raise SearchConfigError(f"{where} 的 backend = {backend!r} 不可用：可用的检索后端为 {valid}，请修正后重试")
    return SearchConfig(backend=backend.strip().lower())
