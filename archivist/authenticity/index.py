"""The per-file facts the checks compare, made once per file on ingest (and backfilled by `check`).

A photo's perceptual hash, a document's MinHash signature and sentence hashes, an Office file's
created/modified times (Beijing time) are derived data — like the search index they can be rebuilt
from the archive, so they are stored unaudited in `authenticity_facts`, keyed by evidence id and by
`FACTS_VERSION` (a change in how a fact is computed recomputes it).

Photos and Office files are read through the EvidenceStore (`local_path`: the file itself on local
disk, a checked copy from S3). A file the store cannot read just now (network, a changed object)
gets no facts row at all, so the next `check` computes them again; a file that is gone gets a row
without file facts, as on local disk.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..catalogue import Catalogue, now
from ..catalogue.findings import PictureVerdict, StoredFacts
from ..storage import EvidenceMissing, StoreError, open_store
from ..workspace import Workspace

if TYPE_CHECKING:  # numpy, imagehash and the detectors load only when a file is indexed or checked
    import numpy as np

    from . import photos as photos_module

log = logging.getLogger(__name__)

FACTS_VERSION = 2  # 2: pictures inside Office files
OFFICE_TYPES = {"docx", "xlsx", "pptx"}
IMAGE_TYPES = {"image"}
BATCH = 200


@dataclass
class Facts:
    evidence_id: str
    phash: str | None = None
    minhash: np.ndarray | None = None
    sentences: np.ndarray | None = None
    created: str | None = None
    modified: str | None = None
    images: list[tuple[str, str]] | None = None  # (member, pHash) of pictures inside an Office file

    def times(self) -> dict[str, str]:
        return {k: v for k, v in (("created", self.created), ("modified", self.modified)) if v}


def office_times(path: Path) -> dict[str, str]:
    """created/modified from an Office file's docProps/core.xml, in Beijing time."""
    from . import dates

    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("docProps/core.xml")
            if info.file_size > 1 << 20:
                return {}
            return dates.core_times(zf.read(info).decode("utf-8", "replace"))
    except (KeyError, OSError, zipfile.BadZipFile, ValueError):
        return {}


def compute_facts(ws: Workspace, record: dict[str, Any]) -> Facts:
    """The facts of one archived record (what its type has: a hash, a signature, core times).

    Raises StoreError when the store cannot read the file now (it is not missing: try again later)."""
    from . import photos, text

    facts = Facts(record["id"])
    rel = record.get("archive_path")
    kind = record.get("file_type") or ""
    if rel and kind in IMAGE_TYPES | OFFICE_TYPES:  # only these are read: no download for a PDF
        try:
            with open_store(ws).local_path(rel, record.get("sha256")) as path:
                if kind in IMAGE_TYPES:
                    facts.phash = photos.perceptual_hash(path)
                if kind in OFFICE_TYPES:
                    times = office_times(path)
                    facts.created, facts.modified = times.get("created"), times.get("modified")
                    facts.images = photos.embedded_hashes(path) or None
        except EvidenceMissing:
            pass
    body = record.get("text") or ""
    if kind in text.TEXT_TYPES and body:
        facts.minhash = text.signature(body)
        facts.sentences = text.sentence_hashes(body)
    return facts


def store_facts(catalogue: Catalogue, facts: Iterable[Facts]) -> None:
    import numpy as np

    rows = [
        StoredFacts(f.evidence_id, f.phash,
                    f.minhash.astype(np.uint32).tobytes() if f.minhash is not None else None,
                    f.sentences.astype(np.uint64).tobytes() if f.sentences is not None else None,
                    f.created, f.modified, json.dumps(f.images) if f.images else None)
        for f in facts
    ]
    with catalogue.transaction():
        catalogue.findings.put_facts(FACTS_VERSION, rows, now())


def index_filed(ws: Workspace, catalogue: Catalogue, record: dict[str, Any]) -> dict[str, Any]:
    """Called by the intake pipeline once a file is committed: hash it once, for every later check;
    returns the record. Derived data: a failure here never fails the ingest (`check` backfills it)."""
    if not record or record.get("status") not in ("filed", "unsorted") or not record.get("archive_path"):
        return record
    try:
        store_facts(catalogue, [compute_facts(ws, record)])
    except (OSError, sqlite3.Error, ValueError, StoreError):
        pass
    return record


def _computed(ws: Workspace, record: dict[str, Any]) -> Facts | None:
    try:
        return compute_facts(ws, record)
    except StoreError as exc:  # left without a row: the next check tries again
        log.warning("authenticity facts of %s not computed: %s", record.get("archive_path"), exc)
        return None


def missing(catalogue: Catalogue) -> list[str]:
    return catalogue.findings.without_facts(FACTS_VERSION)


def backfill(ws: Workspace, catalogue: Catalogue) -> int:
    """Compute the facts of every archived file that has none yet (archived before this feature)."""
    todo = missing(catalogue)
    for start in range(0, len(todo), BATCH):
        batch = [catalogue.get(i) for i in todo[start:start + BATCH]]
        store_facts(catalogue, [f for r in batch if r and (f := _computed(ws, r)) is not None])
    return len(todo)


def load_facts(catalogue: Catalogue) -> dict[str, Facts]:
    import numpy as np

    out = {}
    for row in catalogue.findings.facts(FACTS_VERSION):
        out[row.evidence_id] = Facts(
            row.evidence_id, row.phash,
            np.frombuffer(row.minhash, dtype=np.uint32) if row.minhash is not None else None,
            np.frombuffer(row.sentences, dtype=np.uint64) if row.sentences is not None else None,
            row.created, row.modified, [tuple(x) for x in json.loads(row.images)] if row.images else None,
        )
    return out


def load_verdicts(catalogue: Catalogue) -> photos_module.Verdicts:
    """Picture pairs verified by earlier checks (see photos.Verdicts)."""
    from .photos import PhotoMatch, Verdicts

    known: dict[tuple[str, str], PhotoMatch | None] = {}
    for v in catalogue.findings.verdicts(FACTS_VERSION):
        known[(v.a, v.b)] = PhotoMatch(v.distance, v.changed, v.rmse) if v.same else None
    return Verdicts(known)


def store_verdicts(catalogue: Catalogue, new: dict[tuple[str, str], photos_module.PhotoMatch | None]) -> None:
    rows = [PictureVerdict(a, b, m is not None, m.distance if m else None, m.changed if m else None,
                           m.rmse if m else None) for (a, b), m in new.items()]
    with catalogue.transaction():
        catalogue.findings.put_verdicts(FACTS_VERSION, rows)
