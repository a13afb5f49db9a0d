"""User corrections of descriptive metadata (`archivist edit`, the web document page's 更正 form).

Why a table of overrides and not just an UPDATE: recognition will be re-run (a better extractor, a
rebuilt catalogue, `reindex --metadata`), and a correction that a re-run silently undoes is worse than
none — the office fixed a wrong 成文日期 precisely so the file counts for the year. Each corrected field
is kept in `evidence_overrides`; every path that recomputes metadata passes its result through
`apply_overrides()`, so the user's value always wins. Each edit is one audit entry with from → to for
every field, who and why. A corrected title, date, unit or 文号 renames the archived file to what the
filing template now says, with the same crash-safe journaled move as `assign`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..catalogue import Catalogue, now
from ..catalogue.marks import Override
from ..model import DUPLICATE, QUARANTINED
from ..textnorm import fold_width
from ..workspace import Workspace
from .assign import AssignError, relocate, target_path

# The editable fields, in display order, with their DA/T 22 names.
FIELD_LABELS: dict[str, str] = {
    "title": "题名",
    "unit": "责任者",
    "doc_date": "成文日期",
    "doc_number": "文号",
    "kind": "类别",
}
# Fields that appear in the filing template's file name: changing one renames the file.
NAMED_FIELDS = ("title", "unit", "doc_date", "doc_number")
MAX_LENGTH = {"title": 200, "unit": 60, "doc_number": 60, "kind": 20}


class EditError(Exception):
    """The edit cannot be made; the message says why and what to do. `usage`: the input itself is wrong."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


@dataclass
class FieldChange:
    """One corrected field: what the catalogue said and what the user says."""

    field: str
    before: str | None
    after: str | None

    @property
    def label(self) -> str:
        return FIELD_LABELS[self.field]


@dataclass
class EditResult:
    record: dict[str, Any]
    changes: list[FieldChange] = field(default_factory=list)
    moved_from: str | None = None


def parse_user_date(value: str) -> str:
    """2024-10-08, 2024/10/8, 2024年10月8日, full-width digits -> '2024-10-08'; EditError otherwise."""
    text = unicodedata.normalize("NFKC", fold_width(value)).strip()
    m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?", text)
    if not m:
        raise EditError(f"日期“{value}”无法识别：请写成 YYYY-MM-DD，如 2024-10-08", usage=True)
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError as exc:
        raise EditError(f"日期“{value}”不存在：请检查月份和日", usage=True) from exc


def clean_value(name: str, value: str) -> str | None:
    """The value as stored: trimmed, control characters refused; '' clears a field (None), except the title."""
    text = value.strip()
    if re.search(r"[\x00-\x1f\x7f-\x9f]", text):
        raise EditError(f"{FIELD_LABELS[name]}含有控制字符：请重新输入", usage=True)
    if not text:
        if name == "title":
            raise EditError("题名不能为空", usage=True)
        return None
    if name == "doc_date":
        return parse_user_date(text)
    limit = MAX_LENGTH.get(name)
    if limit and len(text) > limit:
        raise EditError(f"{FIELD_LABELS[name]}过长（{len(text)} 字，最多 {limit} 字）", usage=True)
    return text


def edit(
    ws: Workspace, catalogue: Catalogue, evidence_id: str, values: dict[str, str | None], note: str
) -> EditResult:
    """Correct the given fields of one record; None in `values` means "not given"."""
    note = (note or "").strip()
    if not note:
        raise EditError("请用 --note 写明更正理由（会记入审计日志）", usage=True)
    record = catalogue.get(evidence_id)
    if record is None:
        raise EditError(f"找不到编号为 {evidence_id} 的材料：请用 archivist list 查看编号")
    if record["status"] == DUPLICATE:
        raise EditError(f"{record['id']} 是重复文件，请更正其原件 {record['duplicate_of']}")
    unknown = [k for k in values if k not in FIELD_LABELS]
    if unknown:
        raise EditError(f"不能更正的字段：{'、'.join(unknown)}", usage=True)
    wanted = {k: clean_value(k, v) for k, v in values.items() if v is not None}
    if not wanted:
        raise EditError("没有给出要更正的内容：用 --title / --unit / --date / --number / --kind", usage=True)
    changes = [FieldChange(k, record.get(k), v) for k, v in wanted.items() if (record.get(k) or None) != v]
    if not changes:
        raise EditError(f"{record['id']} 的这些字段已经是给出的值，没有改动")

    updated = record | {c.field: c.after for c in changes}
    moves = (
        record["status"] != QUARANTINED
        and record.get("archive_path")
        and any(c.field in NAMED_FIELDS for c in changes)
    )
    dest = target_path(ws, updated, record.get("indicator")) if moves else None
    stamp = now()

    def commit(relative: str) -> None:
        fields: dict[str, Any] = {c.field: c.after for c in changes}
        if relative != record.get("archive_path"):
            fields["archive_path"] = relative
        catalogue.update(record["id"], indexed=0, **fields)
        for c in changes:
            catalogue.overrides.put(record["id"], Override(c.field, c.after, note, catalogue.local_account, stamp))
        detail: dict[str, Any] = {
            "changes": {c.field: {"from": c.before, "to": c.after} for c in changes},
            "note": note,
        }
        if relative != record.get("archive_path"):
            detail |= {"from_path": record.get("archive_path"), "to_path": relative}
        catalogue.audit("edited", record["id"], detail)

    try:
        if dest is not None:
            relative = relocate(ws, catalogue, record, dest, commit)
        else:
            with catalogue.transaction():
                commit(record.get("archive_path") or "")
            relative = record.get("archive_path") or ""
    except AssignError as exc:
        raise EditError(str(exc)) from exc
    moved_from = record["archive_path"] if relative and relative != record.get("archive_path") else None
    return EditResult(catalogue.get(record["id"]) or {}, changes, moved_from)


def overrides(catalogue: Catalogue, evidence_id: str) -> list[Override]:
    """The corrections kept for one record, in field order."""
    order = list(FIELD_LABELS)
    kept = catalogue.overrides.of(evidence_id)
    return sorted(kept, key=lambda o: order.index(o.field) if o.field in order else len(order))


def apply_overrides(catalogue: Catalogue, evidence_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    """`fields` (freshly recognised metadata) with the user's corrections put back on top.

    Every path that recomputes title/unit/doc_date/doc_number/kind for a catalogued record calls this
    before writing, so a correction survives any re-extraction.
    """
    out = dict(fields)
    for o in overrides(catalogue, evidence_id):
        out[o.field] = o.value
    return out
