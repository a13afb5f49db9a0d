"""The imported scheme as the project's framework TOML, and a small TOML writer for that one shape.

The TOML is what every other part of archivist reads (framework.load_framework), so an imported
scheme is stored once, as `frameworks/<id>.toml` in the workspace, and nothing else needs to know it
came from Excel or Word. The writer handles exactly the shape of a framework file: [framework], arrays
of tables ([[category]], [[adjustment]]) with one nested level ([[category.group]], [[category.indicator]]).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .model import BASE, ImportedScheme, Node


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False).replace("\x7f", "\\u007f")


def _is_tables(v: Any) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, dict) for x in v)


def _scalars(table: dict[str, Any], indent: str, out: list[str]) -> None:
    for key, v in table.items():
        if v is None or isinstance(v, dict) or _is_tables(v):
            continue
        out.append(f"{indent}{key} = {_value(v)}")


def dumps(data: dict[str, Any], header: str = "") -> str:
    out: list[str] = [header.rstrip()] if header else []
    for key, v in data.items():
        if isinstance(v, dict):
            out += ["", f"[{key}]"]
            _scalars(v, "", out)
        elif _is_tables(v):
            for item in v:
                out += ["", f"[[{key}]]"]
                _scalars(item, "", out)
                for sub, subv in item.items():
                    if _is_tables(subv):
                        for entry in subv:
                            out += ["", f"  [[{key}.{sub}]]"]
                            _scalars(entry, "  ", out)
    return "\n".join(out).lstrip("\n") + "\n"


HEADER = """# archivist framework file, imported from the province's own scheme table ({source}).
# Edit here or on the web page (方案); re-import the table to start over. Levels: [[category]] = 一级指标,
# [[category.group]] = 二级指标, [[category.indicator]] = the leaves that carry points and evidence."""


def _leaf(leaf: Node, graded: bool, group: str = "") -> dict[str, Any]:
    entry: dict[str, Any] = {"code": leaf.code, "name": leaf.name}
    if group:
        entry["group"] = group
    if not graded:
        entry["points"] = float(leaf.points or 0.0)
    entry |= {
        "lead_unit": leaf.lead_unit,
        "responsible_units": leaf.responsible_units,
        "method": leaf.method,
        "scoring": "\n".join(leaf.scoring),
        "content": leaf.content,
        "evidence": leaf.evidence,
        "path": leaf.path(),
        "source_row": leaf.row,
    }
    return {k: v for k, v in entry.items() if v not in ("", [])}


def to_data(scheme: ImportedScheme, flagged: list[str] | None = None) -> dict[str, Any]:
    graded = scheme.kind == "graded"
    head: dict[str, Any] = {
        "id": scheme.id,
        "name": scheme.name,
        "short": scheme.name if len(scheme.name) <= 12 else scheme.name[:12],
        "kind": scheme.kind,
    }
    if not graded:
        head["total_points"] = scheme.total_points
    else:
        head["grading"] = ["好", "较好", "一般", "较差"]
    head |= {
        "data_cutoff": "12-31",
        "levels": scheme.levels,
        "level_names": scheme.level_names,
        "source": scheme.source,
        "imported_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "own_numbering": scheme.own_numbering,
        "notes": scheme.notes,
        "bonus_max": scheme.block_max("bonus"),
        "penalty_max": scheme.block_max("penalty"),
        "flagged": flagged or [],
    }
    categories: list[dict[str, Any]] = []
    one_level = all(root.is_leaf for root in scheme.roots)
    for root in scheme.roots:
        code = root.category_code or root.code
        if one_level and categories and categories[-1]["code"] == code:
            categories[-1]["indicator"].append(_leaf(root, graded))
            if not graded:
                categories[-1]["points"] += root.total()
            continue
        cat: dict[str, Any] = {"code": code, "name": scheme.name if one_level else root.name}
        if not graded:
            cat["points"] = root.total()
        groups, indicators = [], []
        if root.is_leaf:
            indicators.append(_leaf(root, graded))
        for child in root.children:
            if child.is_leaf:
                indicators.append(_leaf(child, graded))
                continue
            group = {"code": child.code, "name": child.name}
            if not graded:
                group["points"] = child.total()
            groups.append(group)
            indicators += [_leaf(leaf, graded, child.code) for leaf in child.leaves()]
        if groups:
            cat["group"] = groups
        cat["indicator"] = indicators
        categories.append(cat)
    adjustments = []
    for block in scheme.blocks:
        for leaf in block.leaves():
            if leaf is block:
                continue
            entry = _leaf(leaf, True)
            entry["kind"] = block.block if block.block != BASE else "bonus"
            entry["max_points"] = float(leaf.points if leaf.points is not None else (block.declared_points or 0.0))
            adjustments.append(entry)
    data: dict[str, Any] = {"framework": {k: v for k, v in head.items() if v not in ("", [])}, "category": categories}
    if adjustments:
        data["adjustment"] = adjustments
    return data


def to_toml(scheme: ImportedScheme, flagged: list[str] | None = None) -> str:
    return dumps(to_data(scheme, flagged), HEADER.format(source=scheme.source))
