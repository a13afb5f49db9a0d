"""Uploads waiting for the writer lock: kept durably in index/queue/ and filed when the lock frees.

A browser upload must not wait for minutes behind an ingest, and must not be handed to a watcher
that may not be running. So an upload is first made durable here — its bytes and what the browser
said about it (name, unit, client) in one folder per upload, fsynced, renamed into place only when
complete — and then filed by whichever writer gets the lock first: the web process itself (a
background filer), the next CLI command that takes the lock, or `watch` between batches.

Crash safety: an entry folder appears by rename, so a half-written one is never seen (its
`.partial-*` folder is only ever ours). Filing goes through the pipeline with the payload as its
source (remove_source), whose journal removes the payload only after the record commits; the
entry folder is removed after that. An entry whose payload is gone was therefore filed already.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..workspace import Workspace

log = logging.getLogger(__name__)

QUEUE_DIR = "queue"
PAYLOAD_DIR = "file"  # the bytes, under the uploaded name: extractors and soffice look at its suffix
MANIFEST = "upload.json"
CHUNK = 1024 * 1024


@dataclass
class QueuedUpload:
    """One upload waiting to be filed: its folder under index/queue/ and what the browser sent."""

    id: str
    folder: Path
    original_name: str
    unit: str = ""
    provenance: dict[str, Any] = field(default_factory=dict)
    queued_at: str = ""
    payload_name: str = ""

    @property
    def payload(self) -> Path:
        return self.folder / PAYLOAD_DIR / (self.payload_name or payload_name(self.original_name))


def queue_dir(ws: Workspace) -> Path:
    return ws.index_dir / QUEUE_DIR


def payload_name(original_name: str) -> str:
    """The file name the bytes are kept under: the uploaded name made safe as one path component."""
    from .filing import sanitize_component

    return sanitize_component(original_name)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def enqueue(ws: Workspace, source: Path, original_name: str, unit: str = "",
            provenance: dict[str, Any] | None = None) -> QueuedUpload:
    """Move `source` into the queue durably (payload + manifest fsynced, then the folder renamed in)."""
    base = queue_dir(ws)
    base.mkdir(parents=True, exist_ok=True)
    entry_id = dt.datetime.now().strftime("%Y%m%d%H%M%S") + "-" + uuid.uuid4().hex[:8]
    partial = base / f".partial-{entry_id}"
    partial.mkdir()
    name = payload_name(original_name)
    payload = partial / PAYLOAD_DIR / name
    try:
        payload.parent.mkdir()
        try:
            os.replace(source, payload)  # same file system (index/cache → index/queue): no copy
        except OSError:
            shutil.copyfile(source, payload)
        with open(payload, "rb+") as fh:
            os.fsync(fh.fileno())
        queued_at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        manifest = {"id": entry_id, "original_name": original_name, "payload_name": name, "unit": unit,
                    "provenance": provenance or {}, "queued_at": queued_at}
        with open(partial / MANIFEST, "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        _fsync_dir(payload.parent)
        _fsync_dir(partial)
        final = base / entry_id
        os.rename(partial, final)
        _fsync_dir(base)
    except BaseException:
        if payload.exists() and not source.exists():
            os.replace(payload, source)  # the caller still has the upload; nothing is lost
        shutil.rmtree(partial, ignore_errors=True)
        raise
    source.unlink(missing_ok=True)
    return QueuedUpload(entry_id, final, original_name, unit, provenance or {}, queued_at, name)


def pending(ws: Workspace) -> list[QueuedUpload]:
    """Complete entries, oldest first. An unreadable manifest is skipped (kept for a person to look at)."""
    base = queue_dir(ws)
    if not base.is_dir():
        return []
    entries = []
    for folder in sorted(base.iterdir()):
        if folder.name.startswith(".") or folder.is_symlink() or not folder.is_dir():
            continue
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            entries.append(QueuedUpload(folder.name, folder, str(data["original_name"]), str(data.get("unit") or ""),
                                        dict(data.get("provenance") or {}), str(data.get("queued_at") or ""),
                                        str(data.get("payload_name") or "")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("上传队列中的 %s 无法读取（%s），已跳过", folder, exc)
    return entries


def file_pending(ws: Workspace, catalogue: Catalogue,
                 on_filed: Callable[[QueuedUpload, list[dict[str, Any]]], None] | None = None
                 ) -> dict[str, list[dict[str, Any]]]:
    """File every queued upload through the pipeline. The caller holds the writer lock.

    Returns {entry id: its records}. A failure of the disk or the catalogue stops here and leaves
    the remaining entries queued for the next writer.
    """
    entries = pending(ws)
    if not entries:
        return {}
    from .pipeline import Intake, Pipeline

    pipeline = Pipeline(ws, catalogue)
    filed: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        records: list[dict[str, Any]] = []
        if entry.payload.is_file() and not entry.payload.is_symlink():
            intake = Intake(source=entry.payload, original_name=entry.original_name,
                            folders=[entry.unit] if entry.unit else [], remove_source=True,
                            provenance=entry.provenance | {"queued_at": entry.queued_at})
            records = pipeline.process(intake)
        # filed now, or before a crash (the journal removed the payload after its commit)
        shutil.rmtree(entry.folder, ignore_errors=True)
        filed[entry.id] = records
        if on_filed:
            on_filed(entry, records)
    return filed
