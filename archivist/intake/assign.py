"""Correct a filing (`archivist assign ID CODE`): move the file, update the record, learn from it.

The move is journaled like an intake (stage 'moving'): a crash between the rename and the commit is
rolled back by `recover()`, so the catalogue and the disk never disagree for long.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..catalogue import Catalogue
from ..model import DUPLICATE, FILED, QUARANTINED
from ..workspace import Workspace
from . import filing


class AssignError(Exception):
    """The correction cannot be made; the message says why and what to do."""


def example_text(record: dict[str, Any]) -> str:
    """What the classifier learns from: title, file name and the head of the text."""
    return "\n".join([record.get("title") or "", record.get("original_name") or "", (record.get("text") or "")[:3000]])


def assign(ws: Workspace, catalogue: Catalogue, evidence_id: str, code: str) -> dict[str, Any]:
    record = catalogue.get(evidence_id)
    if record is None:
        raise AssignError(f"找不到编号为 {evidence_id} 的材料：请用 archivist list 查看编号")
    indicator = ws.frameworks.indicator(code)
    if indicator is None:
        raise AssignError(f"指标代码 {code} 不存在：请用 archivist status 查看可用的指标代码")
    if record["status"] == DUPLICATE:
        raise AssignError(f"{evidence_id} 是重复文件，请调整其原件 {record['duplicate_of']} 的归档")
    if record["status"] == QUARANTINED:
        raise AssignError(f"{evidence_id} 已隔离（{record.get('reason')}），无法归档：请向报送单位索取可读的版本")
    source = ws.absolute(record["archive_path"])
    fields = {
        "category": f"{indicator.category_code}-{indicator.category_name}",
        "indicator": indicator.label,
        "code": indicator.code,
        "date": (record.get("doc_date") or "").replace("-", ""),
        "unit": record.get("unit") or "",
        "title": record.get("title") or Path(record["original_name"]).stem,
        "number": record.get("doc_number") or "",
        "year": (record.get("doc_date") or "")[:4],
    }
    parts = filing.render_template(ws.config.filename_template, fields)
    folder = ws.archive.joinpath(*[filing.sanitize_component(p) for p in parts[:-1] if p])
    if source.parent == folder:
        dest = source
    else:
        dest = filing.unique_path(folder, parts[-1] or "未命名", source.suffix)
    with catalogue.transaction():
        cur = catalogue.db.execute(
            "INSERT INTO journal(evidence_id, source, temp, dest, remove_source, stage, created_at)"
            " VALUES (?,?,?,?,0,'moving',datetime('now'))",
            (evidence_id, str(source), str(dest), str(dest)),
        )
        journal_id = cur.lastrowid
    if dest != source:
        filing.move_durably(source, dest)
    with catalogue.transaction():
        catalogue.update(
            record["id"],
            status=FILED,
            indicator=code,
            confidence=1.0,
            archive_path=ws.relative(dest),
            links=ws.frameworks.links_for(code),
            indexed=0,
        )
        catalogue.add_example(record["id"], code, example_text(record))
        catalogue.audit(
            "reassigned",
            record["id"],
            {
                "from": record.get("indicator"),
                "to": code,
                "from_path": record["archive_path"],
                "to_path": ws.relative(dest),
            },
        )
        catalogue.db.execute("DELETE FROM journal WHERE id=?", (journal_id,))
    return catalogue.get(record["id"]) or {}
