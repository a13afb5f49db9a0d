"""Rebuild a lost or damaged catalogue from the archive's folder tree.

The folder tree itself says where each file was filed: archive/<category>/<code>-<name>/… gives the
indicator, _待分类 and _隔离 give those states, _压缩包原件 holds the zip originals. So when the
catalogue is gone (deleted, not a SQLite database, failing its integrity check, without its
tables) `doctor --repair` rebuilds it from the tree instead of adopting every file into 待分类:
the damaged file is moved aside (kept, never deleted), each file is read again by the normal
extractors, and the user is told plainly what the tree cannot give back — the audit history,
scores, problems, manual edits, duplicates' records, original names — and that restoring a backup
is the better path when there is one. A rebuilt archive is never reported as "repaired".
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import auditchain
from .catalogue import MARKER_NAME, Catalogue, CatalogueUnusable, open_catalogue
from .catalogue.files import integrity_problem, record_count
from .catalogue.schema import table_names
from .model import FILED, QUARANTINED, UNSORTED, Extraction, ExtractionError
from .workspace import CONTAINER_DIR, QUARANTINE_DIR, UNSORTED_DIR, Workspace

# What the folder tree cannot give back, in the words the user reads.
NOT_RECOVERABLE = (
    "审计日志（此前的全部操作记录）",
    "自评分",
    "整改问题台账",
    "人工调整（assign 改过的归类、编辑过的题名、日期、责任者等）",
    "重复文件的记录（重复件当时未另存）",
    "原始文件名和来源路径（现以归档文件名代替）",
    "压缩包与其中文件的对应关系、隔离原因",
)
REBUILT_REASON = "从归档目录结构重建：归入位置按所在文件夹恢复，原始记录已丢失，请核对"
REQUIRED_TABLES = ("evidence", "audit", "journal", "containers")


@dataclass
class RebuildResult:
    """What a rebuild did and what it could not do."""

    problem: str  # why the catalogue had to be rebuilt
    kept: list[str] = field(default_factory=list)  # where the damaged files were moved
    filed: int = 0
    unsorted: int = 0
    quarantined: int = 0
    containers: int = 0
    skipped: list[str] = field(default_factory=list)  # files left out, each with its reason
    previous_head: auditchain.Head | None = None
    lost: tuple[str, ...] = NOT_RECOVERABLE

    @property
    def records(self) -> int:
        return self.filed + self.unsorted + self.quarantined

    def to_json(self) -> dict[str, Any]:
        return {
            "problem": self.problem,
            "kept": self.kept,
            "filed": self.filed,
            "unsorted": self.unsorted,
            "quarantined": self.quarantined,
            "containers": self.containers,
            "skipped": self.skipped,
            "previous_head": f"{self.previous_head.seq}:{self.previous_head.hash[:16]}" if self.previous_head else None,
            "not_recovered": list(self.lost),
        }


# diagnosis ------------------------------------------------------------------------------------
def archive_files(ws: Workspace) -> list[Path]:
    """Regular files under archive/ that could be evidence (litter, temp files and links excepted)."""
    from .integrity import is_litter, is_temp

    found = []
    if not ws.archive.is_dir():
        return found
    for folder, dirs, files in os.walk(ws.archive):
        dirs[:] = sorted(d for d in dirs if not (Path(folder) / d).is_symlink())
        for name in sorted(files):
            path = Path(folder) / name
            if is_litter(name) or is_temp(name) or path.is_symlink() or not path.is_file():
                continue
            found.append(path)
    return found


def catalogue_problem(ws: Workspace) -> str | None:
    """Why the catalogue cannot be used as it is ("已丢失", "已损坏（…）"), or None when it can.

    A missing catalogue in a workspace that never had one (and has nothing archived) is not a
    problem: the first command creates it. Nor is an empty catalogue over an empty archive.
    """
    if ws.catalogue_config.is_postgresql:
        # a PostgreSQL tenant: its server keeps it whole (pg_dump restores it); opening it checks the
        # tables, and a server that cannot be reached says so in its own line
        catalogue = open_catalogue(ws)
        catalogue.close()
        return None
    path = ws.catalogue_path
    if not path.exists() or path.stat().st_size == 0:
        existed = path.with_name(MARKER_NAME).exists() or auditchain.read_head(path) is not None
        if existed or archive_files(ws):
            return "已丢失" if not path.exists() else "是空文件"
        return None
    try:
        catalogue = Catalogue(path)
    except CatalogueUnusable as exc:
        return exc.problem
    try:
        if (complaint := integrity_problem(catalogue.db)) is not None:
            return f"已损坏（完整性检查：{complaint}）"
        tables = table_names(catalogue.db)
        if missing := [t for t in REQUIRED_TABLES if t not in tables]:
            return f"已损坏（缺少数据表 {', '.join(missing)}）"
        if record_count(catalogue.db) == 0 and (files := archive_files(ws)):
            return f"没有任何记录，但归档目录中有 {len(files)} 个文件"
    except sqlite3.DatabaseError as exc:
        return f"已损坏（{exc}）"
    finally:
        catalogue.close()
    return None


# indicator from folder -----------------------------------------------------------------------
def indicator_for(ws: Workspace, rel_parts: tuple[str, ...]) -> str | None:
    """The indicator a file's folders name: a component equal to a code or starting "<code>-"
    (the template's {indicator} is "<code>-<name>", {code} the bare code); the deepest one wins."""
    codes = sorted((i.code for i in ws.frameworks.indicators()), key=len, reverse=True)
    for part in reversed(rel_parts):
        for code in codes:
            if part == code or re.match(rf"{re.escape(code)}[-_ .　]", part):
                return code
    return None


# rebuild ---------------------------------------------------------------------------------------
def move_aside(ws: Workspace) -> list[str]:
    """Move the damaged catalogue (and its -wal/-shm, which may hold its last writes) into a dated
    folder under index/: kept for a specialist or a later salvage, never deleted."""
    path = ws.catalogue_path
    companions = [p for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
                  if p.exists()]
    if not companions:
        return []
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = ws.index_dir / f"损坏的目录数据库-{stamp}"
    n = 1
    while folder.exists():
        n += 1
        folder = ws.index_dir / f"损坏的目录数据库-{stamp}-{n}"
    folder.mkdir(parents=True)
    kept = []
    for p in companions:
        os.replace(p, folder / p.name)
        kept.append(ws.relative(folder / p.name))
    return kept


def rebuild(ws: Workspace, problem: str, progress: Callable[[str], None] | None = None) -> RebuildResult:
    """Replace the unusable catalogue with one built from the archive tree. Hold the writer lock."""
    result = RebuildResult(problem)
    result.previous_head = auditchain.read_head(ws.catalogue_path)
    result.kept = move_aside(ws)
    auditchain.forget_head(ws.catalogue_path)  # a new chain starts here; the old head is recorded below
    catalogue = Catalogue(ws.catalogue_path, allow_new=True)
    try:
        with catalogue.transaction():
            catalogue.audit(
                auditchain.REBUILT_ACTION, None,
                {
                    "note": "目录数据库从归档目录结构重建",
                    "problem": problem,
                    "kept": result.kept,
                    "previous_head": (
                        {"workspace_id": result.previous_head.workspace_id, "seq": result.previous_head.seq,
                         "hash": result.previous_head.hash} if result.previous_head else None
                    ),
                    "not_recovered": list(NOT_RECOVERABLE),
                },
            )
        _rebuild_records(ws, catalogue, result, progress)
        _rebuild_index(ws, catalogue, result)
    finally:
        catalogue.close()
    return result


def _rebuild_records(
    ws: Workspace, catalogue: Catalogue, result: RebuildResult, progress: Callable[[str], None] | None
) -> None:
    from .intake.identify import identify
    from .intake.pipeline import Intake, Pipeline

    pipeline = Pipeline(ws, catalogue)
    for path in archive_files(ws):
        rel = ws.relative(path)
        parts = Path(os.path.relpath(path.parent, ws.archive)).parts
        parts = tuple(p for p in parts if p not in (".", ""))
        top = parts[0] if parts else ""
        if progress:
            progress(rel)
        intake = Intake(source=path, original_name=path.name, folders=list(parts), provenance={"rebuilt_from": rel})
        problem = pipeline.receive(intake)
        if problem is not None:
            result.skipped.append(f"{rel}：{problem.reason}")
            continue
        if top == CONTAINER_DIR:
            with catalogue.transaction():
                catalogue.containers.add(intake.id, intake.sha256, path.name, rel)
                catalogue.audit("container", intake.id, {"name": path.name, "path": rel, "rebuilt": True})
            result.containers += 1
            continue
        intake.file_type = identify(path)
        record: dict[str, Any] = {}
        if top == QUARANTINE_DIR:
            # not read again: it was quarantined because reading it failed or was unsafe
            intake.extraction = Extraction(intake.file_type or "unknown")
            record = {"status": QUARANTINED, "indicator": None,
                      "reason": "从归档目录结构重建：原隔离原因已丢失；请人工核查此文件"}
        else:
            try:
                intake.extraction = (
                    Extraction("zip") if intake.file_type == "zip" else pipeline.extract(intake)
                )
            except ExtractionError as exc:
                intake.extraction = Extraction(intake.file_type or "unknown", warnings=[exc.reason])
            except Exception as exc:  # noqa: BLE001 - one unreadable file must not stop the rebuild
                intake.extraction = Extraction(intake.file_type or "unknown", warnings=[f"{type(exc).__name__}: {exc}"])
            pipeline.describe(intake)
            pipeline.classify(intake)  # for the suggestions; the folder decides the indicator
            code = None if top == UNSORTED_DIR else indicator_for(ws, parts)
            if code:
                record = {"status": FILED, "indicator": code, "links": ws.frameworks.links_for(code),
                          "reason": REBUILT_REASON}
            else:
                where = "待分类" if top == UNSORTED_DIR else f"文件夹 {'/'.join(parts) or '.'} 不对应任何指标"
                record = {"status": UNSORTED, "indicator": None, "links": None,
                          "reason": f"从归档目录结构重建（{where}）：请核对后用 archivist assign 归档"}
        record = intake.record | record | _base(ws, intake, path)
        with catalogue.transaction():
            catalogue.insert(record)
            catalogue.audit(record["status"], intake.id,
                            {"name": path.name, "path": rel, "indicator": record.get("indicator"), "rebuilt": True})
        if record["status"] == FILED:
            result.filed += 1
        elif record["status"] == UNSORTED:
            result.unsorted += 1
        else:
            result.quarantined += 1


def _base(ws: Workspace, intake: Any, path: Path) -> dict[str, Any]:
    ex = intake.extraction
    return {
        "id": intake.id,
        "original_name": path.name,
        "source_path": None,
        "sha256": intake.sha256,
        "size": intake.size,
        "file_type": intake.file_type or None,
        "archive_path": ws.relative(path),
        "text": ex.text if ex else "",
        "pages": ex.pages if ex else None,
        "meta": (ex.meta | {"warnings": ex.warnings, "ocr_used": ex.ocr_used}) if ex else {},
        "provenance": intake.provenance,
    }


def _rebuild_index(ws: Workspace, catalogue: Catalogue, result: RebuildResult) -> None:
    try:
        from .search import rebuild_from_catalogue
    except ImportError:
        result.skipped.append("检索模块不可用：检索索引未重建（稍后运行 archivist doctor --repair）")
        return
    try:
        rebuild_from_catalogue(ws, catalogue)
    except Exception as exc:  # noqa: BLE001 - derived data: the rebuilt catalogue stands without it
        result.skipped.append(f"检索索引重建失败（{type(exc).__name__}）：稍后运行 archivist doctor --repair")

