"""Where schemes live in a workspace (frameworks/<id>.toml), which ones are in use, and their JSON shape.

Importing writes the framework file; putting it in use edits `frameworks = [...]` in archivist.toml
in place (comments and the rest of the file are kept), replacing the framework of the same kind
(scored replaces scored, graded replaces graded) — unless evidence is already filed under that one,
when the archive must be carried over with `scheme migrate` instead.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from ..framework import BUILTIN_DIR, Framework, FrameworkError, FrameworkSet, load_framework, load_frameworks
from ..workspace import CONFIG_NAME, Workspace


class SchemeError(Exception):
    """A scheme operation cannot be done; the message says why and what to do (one line, Chinese)."""


def frameworks_dir(ws: Workspace) -> Path:
    return ws.root / "frameworks"


def scheme_path(ws: Workspace, scheme_id: str) -> Path | None:
    for folder in (frameworks_dir(ws), BUILTIN_DIR):
        candidate = folder / f"{scheme_id}.toml"
        if candidate.is_file():
            return candidate
    return None


def load_scheme(ws: Workspace, scheme_id: str) -> Framework:
    path = scheme_path(ws, scheme_id)
    if path is None:
        raise SchemeError(f"找不到考核方案 {scheme_id}：请用 archivist scheme list 查看可用的方案")
    return load_framework(path)


def available(ws: Workspace) -> list[tuple[str, Path, bool]]:
    """(id, file, built_in) for every scheme this workspace can use: its own first."""
    seen: dict[str, tuple[str, Path, bool]] = {}
    for folder, builtin in ((frameworks_dir(ws), False), (BUILTIN_DIR, True)):
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
            seen.setdefault(path.stem, (path.stem, path, builtin))
    return list(seen.values())


def write_scheme_file(ws: Workspace, scheme_id: str, text: str) -> Path:
    """Write frameworks/<id>.toml atomically (a half-written scheme must never be loaded)."""
    folder = frameworks_dir(ws)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{scheme_id}.toml"
    temp = path.with_name(f".{path.name}.part")
    temp.write_text(text, encoding="utf-8")
    temp.replace(path)
    return path


def set_frameworks(ws: Workspace, ids: list[str]) -> None:
    """Rewrite the `frameworks = [...]` line of [workspace] in archivist.toml, keeping everything else."""
    config = ws.root / CONFIG_NAME
    text = config.read_text(encoding="utf-8")
    listed = ", ".join(f'"{i}"' for i in ids)
    pattern = re.compile(r"^(frameworks\s*=\s*)\[[^\]]*\]", re.MULTILINE)
    if pattern.search(text):
        text = pattern.sub(lambda m: f"{m.group(1)}[{listed}]", text, count=1)
    elif re.search(r"^\[workspace\]\s*$", text, re.MULTILINE):
        text = re.sub(r"^\[workspace\]\s*$", f"[workspace]\nframeworks = [{listed}]", text, count=1, flags=re.MULTILINE)
    else:
        text = f"[workspace]\nframeworks = [{listed}]\n\n" + text
    tomllib.loads(text)  # never leave a broken config behind
    temp = config.with_name(f".{config.name}.part")
    temp.write_text(text, encoding="utf-8")
    temp.replace(config)
    ws.config.frameworks = list(ids)
    ws._frameworks = None  # noqa: SLF001 - reload on next use


def replacement_ids(ws: Workspace, fw: Framework) -> tuple[list[str], str | None]:
    """The workspace's framework list with `fw` in use, and the id it replaces (same kind), if any."""
    current = list(ws.config.frameworks)
    if fw.id in current:
        return current, None
    replaced = None
    for fid in current:
        path = scheme_path(ws, fid)
        try:
            other = load_framework(path) if path else None
        except FrameworkError:
            other = None
        if other is not None and other.kind == fw.kind:
            replaced = fid
            break
    if replaced is None:
        return ([fw.id, *current] if fw.kind == "scored" else [*current, fw.id]), None
    return [fw.id if fid == replaced else fid for fid in current], replaced


def check_set(ws: Workspace, ids: list[str]) -> FrameworkSet:
    """Load the frameworks together (unique codes across them) or say which code clashes."""
    try:
        return load_frameworks(ids, [frameworks_dir(ws)])
    except FrameworkError as exc:
        raise SchemeError(f"{exc}（可用 --prefix 给导入方案的代码加前缀）") from exc


def indicator_json(fw: Framework, ind: Any) -> dict[str, Any]:
    kind = ind.kind if ind.kind in ("bonus", "penalty") else "base"
    return {
        "code": ind.code,
        "name": ind.name,
        "path": list(ind.path),
        "points": ind.points if fw.kind == "scored" and kind == "base" else 0.0,
        "kind": kind,
        "max_points": ind.max_points if kind != "base" else ind.points,
        "lead_unit": ind.lead_unit,
        "responsible_units": list(ind.responsible_units),
        "method": ind.method,
        "scoring": ind.scoring,
        "content": ind.content,
        "evidence": list(ind.evidence),
    }


def scheme_json(fw: Framework) -> dict[str, Any]:
    """CLI.md's `scheme show --json` shape: the leaves in order, each with its path from the top."""
    leaves = fw.indicators()
    levels = max((len(i.path) for i in leaves if i.kind not in ("bonus", "penalty")), default=fw.levels)
    data: dict[str, Any] = {
        "id": fw.id,
        "name": fw.name,
        "total_points": fw.total_points if fw.kind == "scored" else 0.0,
        "levels": levels,
        "indicators": [indicator_json(fw, ind) for ind in leaves],
        "kind": fw.kind,
        "categories": [
            {"code": c.code, "name": c.name, "points": c.points,
             "groups": [{"code": g.code, "name": g.name, "points": g.points} for g in c.groups]}
            for c in fw.categories
        ],
        "bonus_max": fw.bonus_max,
        "penalty_max": fw.penalty_max,
        "notes": fw.notes,
        "source": str(fw.source.name) if fw.source else "",
    }
    return data
