"""Run every authenticity check over the archive: the `archivist check` engine.

Reads the catalogue once (documents + the per-file facts made on ingest, backfilling any that are
missing), runs each detector (a pure function of the documents and facts), attaches the explained
marks and returns the findings, most serious first.

The photo comparison needs the pictures themselves: each is asked of the EvidenceStore once per run
(the file itself on local disk; from S3 a checked copy, from the read cache when it has one).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from ..catalogue import Catalogue
from ..storage import StoreError, open_store
from ..workspace import Workspace
from . import dates, figures, index, photos, pii, store, text
from .finding import KINDS, SEVERITIES, Doc, Finding


@dataclass
class CheckResult:
    findings: list[Finding]
    documents: int
    seconds: float
    backfilled: int = 0
    files: dict[str, str] = field(default_factory=dict)  # evidence id -> archive path, for links


def load_docs(catalogue: Catalogue) -> list[Doc]:
    """Every archived record (filed or 待分类), and photos received twice from different places."""
    docs: list[Doc] = []
    originals: dict[str, Doc] = {}
    duplicates = []
    for row in catalogue.evidence.checkable():
        try:
            meta = json.loads(row["meta"]) if row["meta"] else {}
        except ValueError:
            meta = {}
        provenance = row["provenance"] or ""
        folders = " ".join(x for x in (row["source_path"] or "", provenance) if x)
        doc = Doc(
            id=row["id"], name=row["original_name"] or "", path=row["archive_path"] or "",
            file_type=row["file_type"] or "", title=row["title"] or "", unit=row["unit"] or "",
            doc_date=row["doc_date"] or "", indicator=row["indicator"] or "", received_at=row["received_at"] or "",
            folders=folders, text=row["text"] or "", meta=meta if isinstance(meta, dict) else {},
            status=row["status"], duplicate_of=row["duplicate_of"] or "",
        )
        if doc.status == "duplicate":
            duplicates.append(doc)
        else:
            docs.append(doc)
            originals[doc.id] = doc
    for dup in duplicates:
        original = originals.get(dup.duplicate_of)
        if original is None or not original.is_photo:
            continue
        if _folder(dup.folders) == _folder(original.folders):
            continue  # sent again from the same place: a re-submission, not a reuse
        dup.path, dup.meta, dup.text = original.path, original.meta, original.text
        dup.file_type = original.file_type
        docs.append(dup)
    return docs


def _folder(where: str) -> str:
    return where.rsplit("/", 1)[0] if "/" in where else where


def run_check(
    ws: Workspace, catalogue: Catalogue, kinds: Sequence[str] | None = None, *, backfill: bool = True,
    save: bool = True,
) -> CheckResult:
    started = time.perf_counter()
    backfilled = index.backfill(ws, catalogue) if backfill else 0
    docs = load_docs(catalogue)
    facts = index.load_facts(catalogue)
    for d in docs:  # a duplicate record shares its original's facts (same bytes)
        if d.status == "duplicate" and d.duplicate_of in facts:
            facts[d.id] = facts[d.duplicate_of]
    wanted = set(kinds or KINDS)
    verdicts = index.load_verdicts(catalogue)
    found: list[Finding] = []
    cutoff = ws.config.cutoff_date
    evidence = open_store(ws)
    pictured = {i for i, f in facts.items() if f.phash or f.images}
    shas = catalogue.evidence.sha_by_path()
    paths: dict[str, Path] = {}
    copies = ExitStack()

    def path_of(doc: Doc) -> Path | None:
        """A readable file for a picture (only those are compared: no download for anything else)."""
        if not doc.path:
            return None
        if doc.id not in pictured:
            return ws.absolute(doc.path)  # never opened
        if doc.path not in paths:
            try:
                paths[doc.path] = copies.enter_context(evidence.local_path(doc.path, shas.get(doc.path)))
            except StoreError:  # gone or unreadable: a path that is not there, so the picture is not compared
                paths[doc.path] = ws.absolute(doc.path)
        return paths[doc.path]

    runs: list[tuple[set[str], Callable[[], list[Finding]]]] = [
        ({"photo_reuse", "before_after_same"},
         lambda: photos.photo_findings(docs, {i: f.phash for i, f in facts.items() if f.phash}, path_of,
                                       {i: f.images for i, f in facts.items() if f.images}, verdicts)),
        ({"near_duplicate_text", "template_copy"},
         lambda: text.text_findings(
             docs, {i: f.minhash for i, f in facts.items() if f.minhash is not None},
             {i: f.sentences for i, f in facts.items() if f.sentences is not None})),
        ({"backdated_file"},
         lambda: dates.backdated_findings(docs, {i: f.times() for i, f in facts.items() if f.times()}, cutoff)
         + dates.after_receipt_findings(docs)),
        ({"exif_date_conflict"}, lambda: dates.exif_findings(docs)),
        ({"figure_conflict"}, lambda: figures.figure_findings(docs, figures.concepts_for(ws.root))),
        ({"pii"}, lambda: pii.pii_findings(docs)),
    ]
    with copies:
        for produces, run in runs:
            if produces & wanted:
                found += [f for f in run() if f.kind in wanted]
    if verdicts.new:
        index.store_verdicts(catalogue, verdicts.new)
    found = _merge_same_files(found)
    order = {s: i for i, s in enumerate(SEVERITIES)}
    found.sort(key=lambda f: (order.get(f.severity, 9), KINDS.index(f.kind), f.evidence_ids))
    if save:
        store.save_findings(catalogue, found, sorted(wanted))
    store.apply_marks(catalogue, found)
    files = {d.id: d.path or d.name for d in docs}
    return CheckResult(found, len(docs), time.perf_counter() - started, backfilled, files)


def _merge_same_files(findings: list[Finding]) -> list[Finding]:
    """One backdated finding per file (made after the cut-off and dated after receipt say one thing)."""
    seen: dict[tuple[str, tuple[str, ...]], Finding] = {}
    out = []
    for f in findings:
        if f.kind != "backdated_file":
            out.append(f)
            continue
        key = (f.kind, tuple(f.evidence_ids))
        if key in seen:
            first = seen[key]
            first.detail += "；" + f.detail.split("：", 1)[-1]
            first.evidence = {**first.evidence, **f.evidence}
            continue
        seen[key] = f
        out.append(f)
    return out
