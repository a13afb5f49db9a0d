"""Re-read the descriptive metadata of catalogued files (`archivist reindex --metadata`).

Why: recognition improves, and a county that ingested with an older version should get the better
题名/责任者/成文日期 without re-ingesting. The archived bytes are extracted again (bounded, cached), the
metadata rules re-run, and the user's corrections (`edit`) put back on top — a re-extraction never
undoes a correction. Files are not renamed here: the catalogue is the truth and `verify` stays clean.
The archived bytes are read through the EvidenceStore: the file itself on local disk, a copy checked
against the catalogue's sha256 from S3.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from ..catalogue import Catalogue
from ..model import DUPLICATE, QUARANTINED, ExtractionError
from ..storage import StoreError, open_store
from ..workspace import Workspace
from .edits import FIELD_LABELS, FieldChange, apply_overrides, overrides
from .metadata import extract_meta


@dataclass
class RefreshReport:
    """What one run changed, per record, and what it could not read."""

    checked: int = 0
    changed: dict[str, list[FieldChange]] = field(default_factory=dict)
    kept_edits: int = 0
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (id, reason)


def source_folders(record: dict[str, Any]) -> list[str]:
    """The folder names a file arrived in, as the intake saw them (nearest last), from its provenance."""
    prov = record.get("provenance") or {}
    if not isinstance(prov, dict):
        return []
    if prov.get("member"):
        outer = PurePath(str(prov.get("container_name") or prov.get("container") or "")).stem
        return [p for p in (outer, *PurePath(str(prov["member"])).parent.parts) if p]
    source = prov.get("source") or record.get("source_path") or ""
    return list(PurePath(str(source)).parent.parts[-3:]) if source else []


def refresh_record(ws: Workspace, catalogue: Catalogue, record: dict[str, Any], report: RefreshReport) -> None:
    """Re-extract one record's metadata and write what changed (one audit entry when anything did)."""
    from .sandbox import extract_bounded

    report.checked += 1
    try:
        with open_store(ws).local_path(record["archive_path"], record.get("sha256")) as path:
            extraction = extract_bounded(
                path, record.get("file_type") or None, timeout=ws.config.extract_timeout,
                memory_mb=ws.config.extract_memory_mb, cache_dir=ws.cache_dir,
            )
    except ExtractionError as exc:
        report.unreadable.append((record["id"], exc.reason))
        return
    except StoreError as exc:  # gone (EvidenceMissing), changed, or the store unreachable: its own one line
        report.unreadable.append((record["id"], str(exc)))
        return
    except OSError as exc:
        report.unreadable.append((record["id"], f"无法读取归档文件（{exc.strerror or exc}）"))
        return
    meta = extract_meta(extraction, record["original_name"], source_folders(record))
    fresh = {"title": meta.title, "unit": meta.unit, "doc_date": meta.doc_date, "doc_number": meta.doc_number,
             "kind": meta.kind}
    kept = overrides(catalogue, record["id"])
    if kept:
        report.kept_edits += 1
    final = apply_overrides(catalogue, record["id"], fresh)
    changes = [FieldChange(k, record.get(k), final[k] or None) for k in FIELD_LABELS
               if (record.get(k) or None) != (final[k] or None)]
    stored_meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    sources = meta.sources() | {f"{o.field.replace('doc_', '')}_source": "user" for o in kept
                                if o.field in ("title", "unit", "doc_date")}
    with catalogue.transaction():
        catalogue.update(record["id"], meta=stored_meta | sources,
                         **({c.field: c.after for c in changes} | ({"indexed": 0} if changes else {})))
        if changes:
            catalogue.audit("metadata_refreshed", record["id"],
                            {"changes": {c.field: {"from": c.before, "to": c.after} for c in changes}})
            report.changed[record["id"]] = changes


def refresh_all(ws: Workspace, catalogue: Catalogue, ids: list[str] | None = None) -> RefreshReport:
    """Refresh every archived record (or the given ids); duplicates and quarantined files are skipped."""
    report = RefreshReport()
    for record in catalogue.records():
        if ids and record["id"] not in ids:
            continue
        if record["status"] in (DUPLICATE, QUARANTINED) or not record.get("archive_path"):
            continue
        refresh_record(ws, catalogue, record, report)
    return report
