"""A catalogue record as every search backend sees it: `IndexDoc`, prepared text plus filter values.

The catalogue is the truth; what a backend stores is derived from `to_index_doc()` alone, so a
backend never reads a catalogue record itself and two backends index exactly the same text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import analysis
from .analysis import prepare

MAX_BODY_CHARS = 500_000  # a giant ledger is still found by its first half million characters
DUPLICATE = "duplicate"


@dataclass
class IndexDoc:
    """One catalogue record as the index sees it: prepared text plus filter values."""

    id: str
    archive_path: str
    title: str  # as recorded, for display
    indicator: str
    codes: list[str]  # indicator, linked codes, category letters: what --indicator matches
    unit: str
    doc_date: str
    kind: str
    status: str
    head: str  # prepared: title, file name, unit, 文号, kind — parts separated by PART_SEPARATOR
    body: str  # prepared: text incl. OCR, photo titles, sheet cells
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (id, original name) of identical files


def _category(code: str) -> str:
    """The category letter(s) of an indicator code: A01 -> A (framework codes are letters + digits)."""
    return re.sub(r"\d.*$", "", code)


def to_index_doc(record: dict[str, Any]) -> IndexDoc:
    """A catalogue record (Catalogue.records(with_text=True) shape) as an index document."""
    indicator = record.get("indicator") or ""
    links = [c for c in (record.get("links") or []) if c]
    codes: list[str] = []
    for code in [indicator, *links]:
        if code:
            codes += [code, _category(code)]
    meta = record.get("meta") or {}
    if not isinstance(meta, dict):
        meta = {}
    title = record.get("title") or ""
    parts = [
        title,
        record.get("original_name") or "",
        record.get("unit") or "",
        record.get("doc_number") or "",
        record.get("kind") or "",
    ]
    # Byte-identical files that arrived later are not indexed themselves (their catalogue rows say
    # `duplicate`); the original carries their ids and names, so a search reports them too and the
    # name another sender gave the same file is one more way to find it.
    duplicates = [(str(d["id"]), d.get("original_name") or "") for d in record.get("duplicates") or []]
    parts += [name for _, name in duplicates]
    # Photo titles and comments may live only in meta when an extractor did not fold them into text.
    body = record.get("text") or ""
    for key in ("xp_title", "xp_comment"):
        extra = meta.get(key)
        if isinstance(extra, str) and extra and extra not in body:
            body = f"{body}\n{extra}" if body else extra
    head = analysis.PART_SEPARATOR.join(prepare(p) for p in parts if p)
    return IndexDoc(
        id=str(record["id"]),
        archive_path=record.get("archive_path") or "",
        title=title or record.get("original_name") or "",
        indicator=indicator,
        codes=list(dict.fromkeys(codes)),
        unit=record.get("unit") or "",
        doc_date=record.get("doc_date") or "",
        kind=prepare(record.get("kind") or ""),
        status=record.get("status") or "",
        head=head,
        body=prepare(body[:MAX_BODY_CHARS]),
        duplicates=duplicates,
    )
