"""Correct a filing (`archivist assign ID CODE`): move the file, update the record, learn from it.

The move is journaled like an intake (stage 'moving'): a crash between the rename and the commit is
rolled back by `recover()`, so the catalogue and the archive never disagree for long. The file is moved
through the workspace's EvidenceStore (local disk or S3: archivist/storage). `relocate()` is the
one crash-safe "move a catalogued file to where the filing template now puts it" step; `edit` uses it
too when a corrected title, date or unit changes the file's name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..catalogue import Catalogue
from ..model import DUPLICATE, FILED, QUARANTINED, UNSORTED
from ..storage import open_store
from ..workspace import Workspace
from . import filing


class AssignError(Exception):
    """The correction cannot be made; the message says why and what to do."""


def example_text(record: dict[str, Any]) -> str:
    """What the classifier learns from: title, file name and the head of the text."""
    return "\n".join([record.get("title") or "", record.get("original_name") or "", (record.get("text") or "")[:3000]])


def target_path(ws: Workspace, record: dict[str, Any], code: str | None) -> Path:
    """Where the filing template puts `record` under indicator `code` (None: the 待分类 folder)."""
    source = ws.absolute(record["archive_path"])
    date = (record.get("doc_date") or "").replace("-", "")
    fields = {
        "date": date,
        "unit": record.get("unit") or "",
        "title": record.get("title") or Path(record["original_name"]).stem,
        "number": record.get("doc_number") or "",
        "year": date[:4],
    }
    indicator = ws.frameworks.indicator(code) if code else None
    if indicator is not None:
        fields |= {
            "category": f"{indicator.category_code}-{indicator.category_name}",
            "indicator": indicator.label,
            "code": indicator.code,
        }
        parts = filing.render_template(ws.config.filename_template, fields)
        folder = ws.archive.joinpath(*[filing.sanitize_component(p) for p in parts[:-1] if p])
    else:
        parts = filing.render_template(ws.config.filename_template.split("/")[-1], fields)
        folder = source.parent
    stem = parts[-1] or "未命名"
    if source.parent == folder and not _renames(source, stem):
        return source
    store = open_store(ws)
    return filing.unique_path(folder, stem, source.suffix, occupied=lambda p: store.occupied(ws.relative(p)))


def _renames(source: Path, stem: str) -> bool:
    """True when the file's current name is not the template's name for it (ignoring a -2, -3 suffix)."""
    current = source.stem
    wanted = Path(filing.sanitize_component(stem, keep_suffix=source.suffix)).stem
    return not (current == wanted or (current.startswith(wanted + "-") and current[len(wanted) + 1:].isdigit()))


def relocate(
    ws: Workspace,
    catalogue: Catalogue,
    record: dict[str, Any],
    dest: Path,
    commit: Callable[[str], None],
) -> str:
    """Move the record's file to `dest` crash-safely and run `commit(new_relative_path)` in the same
    transaction that closes the journal. Returns the new relative path."""
    source = ws.absolute(record["archive_path"])
    if dest == source:
        with catalogue.transaction():
            commit(record["archive_path"])
        return record["archive_path"]
    store = open_store(ws)
    if not store.exists(record["archive_path"]):
        raise AssignError(
            f"{record['archive_path']} 不在归档位置：请先运行 archivist verify 查明原因，"
            "再用 archivist doctor --repair 修复"
        )
    with catalogue.transaction():
        journal_id = catalogue.journal.open_move(record["id"], source, dest)
    try:
        store.move(record["archive_path"], ws.relative(dest))
    except filing.SourceChanged as exc:  # deleted after the check above: close the journal, say so
        with catalogue.transaction():
            catalogue.journal.close(journal_id)
        raise AssignError(
            f"{record['archive_path']} 在调整归档时已不在原位置（{exc.reason}）：请先运行 archivist verify 查明原因"
        ) from None
    relative = ws.relative(dest)
    with catalogue.transaction():
        commit(relative)
        catalogue.journal.close(journal_id)
    return relative


def assign(ws: Workspace, catalogue: Catalogue, evidence_id: str, code: str, note: str = "") -> dict[str, Any]:
    record = catalogue.get(evidence_id)
    if record is None:
        raise AssignError(f"找不到编号为 {evidence_id} 的材料：请用 archivist list 查看编号")
    indicator = ws.frameworks.indicator(code)
    if indicator is None:
        codes = "、".join(i.code for i in ws.frameworks.indicators())
        raise AssignError(f"指标代码 {code} 不存在：可用的代码有 {codes}")
    if record["status"] == DUPLICATE:
        raise AssignError(f"{evidence_id} 是重复文件，请调整其原件 {record['duplicate_of']} 的归档")
    if record["status"] == QUARANTINED:
        raise AssignError(f"{evidence_id} 已隔离（{record.get('reason')}），无法归档：请向报送单位索取可读的版本")
    dest = target_path(ws, record, code)

    def commit(relative: str) -> None:
        catalogue.update(
            record["id"],
            status=FILED,
            indicator=code,
            confidence=1.0,
            archive_path=relative,
            links=ws.frameworks.links_for(code),
            indexed=0,
            **({"reason": None} if record["status"] == UNSORTED else {}),  # why it waited no longer applies
        )
        catalogue.add_example(record["id"], code, example_text(record))
        detail = {"from": record.get("indicator"), "to": code, "from_path": record["archive_path"], "to_path": relative}
        if note:
            detail["note"] = note
        catalogue.audit("reassigned", record["id"], detail)

    relocate(ws, catalogue, record, dest, commit)
    return catalogue.get(record["id"]) or {}
