"""Edit one indicator of a workspace scheme (its 佐证材料 items and 牵头单位), audited.

The change is written into frameworks/<id>.toml — the scheme everything else reads — after the edited
file has been loaded back successfully, and recorded in the audit log with the old and new values.
Built-in frameworks are never edited: the clerk exports and re-imports them to get a copy of their own.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import Any

from ..catalogue import Catalogue
from ..framework import BUILTIN_DIR
from ..workspace import Workspace
from .importer import parse_back
from .store import SchemeError, scheme_path, write_scheme_file
from .toml_io import dumps

MAX_ITEMS = 60
MAX_ITEM_CHARS = 200


@dataclass
class IndicatorEdit:
    scheme_id: str
    code: str
    old_evidence: list[str]
    new_evidence: list[str]
    old_lead: str
    new_lead: str

    @property
    def changed(self) -> bool:
        return self.old_evidence != self.new_evidence or self.old_lead != self.new_lead


def clean_items(lines: list[str]) -> list[str]:
    items: list[str] = []
    for line in lines:
        item = " ".join(line.split()).strip("；;。 ")[:MAX_ITEM_CHARS]
        if item and item not in items:
            items.append(item)
    return items[:MAX_ITEMS]


def _header(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return "\n".join(lines)


def _entry(data: dict[str, Any], code: str) -> dict[str, Any] | None:
    for cat in data.get("category", []):
        for ind in cat.get("indicator", []):
            if ind.get("code") == code:
                return ind
    return next((a for a in data.get("adjustment", []) if a.get("code") == code), None)


def edit_indicator(ws: Workspace, catalogue: Catalogue, scheme_id: str, code: str, evidence: list[str],
                   lead_unit: str) -> IndicatorEdit:
    path = scheme_path(ws, scheme_id)
    if path is None:
        raise SchemeError(f"找不到考核方案 {scheme_id}")
    if path.parent == BUILTIN_DIR:
        raise SchemeError(f"{scheme_id} 是内置方案，不能直接修改：请先 archivist scheme export {scheme_id} "
                          f"--out 方案.xlsx，再用 archivist scheme import 方案.xlsx --id 新id 导入自己的副本")
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    entry = _entry(data, code)
    if entry is None:
        raise SchemeError(f"方案 {scheme_id} 中没有指标 {code}")
    items = clean_items(evidence)
    if not items:
        raise SchemeError(f"{code} 的佐证材料不能为空：每行填写一项")
    lead = " ".join(lead_unit.split())[:60]
    edit = IndicatorEdit(scheme_id, code, list(entry.get("evidence", [])), items, entry.get("lead_unit", ""), lead)
    if not edit.changed:
        return edit
    entry["evidence"] = items
    if lead:
        entry["lead_unit"] = lead
    else:
        entry.pop("lead_unit", None)
    new_text = dumps(data, _header(text))
    parse_back(new_text, scheme_id)  # never write a scheme that does not load
    write_scheme_file(ws, scheme_id, new_text)
    ws._frameworks = None  # noqa: SLF001 - reload on next use
    with catalogue.transaction():
        catalogue.audit("scheme_edited", None, {
            "scheme": scheme_id, "code": code, "evidence": {"from": edit.old_evidence, "to": edit.new_evidence},
            "lead_unit": {"from": edit.old_lead, "to": edit.new_lead}})
    return edit
