"""Shared value types passed between the intake stages, the catalogue and the generators.

Kept free of I/O so every stage can be tested with plain values.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# The four terminal states of an intake (DESIGN.md "Nothing is lost").
FILED = "filed"
UNSORTED = "unsorted"
DUPLICATE = "duplicate"
QUARANTINED = "quarantined"
STATES = (FILED, UNSORTED, DUPLICATE, QUARANTINED)


class ExtractionError(Exception):
    """A file cannot be read. `reason` is a one-line Chinese explanation for the quarantine record."""

    def __init__(self, reason: str, hint: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


@dataclass
class Extraction:
    """What an extractor learned from one file's bytes.

    `file_type` is the detected type (by content, not extension): pdf, docx, xlsx, image, text,
    legacy (doc/xls/wps/rtf/html-as-doc), zip.
    `text` is everything searchable, joined: body, tables, headers/footers, sheet cells, OCR text,
    photo titles. `title_hint` is a title the file itself carries (docx core title, XPTitle, a PDF
    title) when there is one. `meta` carries format-specific facts, e.g. exif_date (YYYY-MM-DD),
    gps (lat, lon), xp_title, xp_comment, sheets (list of {name, header, rows}), author.
    """

    file_type: str
    text: str = ""
    title_hint: str | None = None
    pages: int | None = None
    ocr_used: bool = False
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Suggestion:
    """One candidate indicator for a document, with the terms that made the classifier pick it."""

    code: str
    confidence: float
    matched: list[str] = field(default_factory=list)


@dataclass
class DocMeta:
    """Descriptive metadata recognised in a document (DA/T 22 columns)."""

    title: str = ""
    unit: str = ""  # 责任者
    doc_date: str | None = None  # YYYY-MM-DD
    doc_number: str = ""  # 文号, e.g. 清农办〔2024〕12号
    kind: str = ""  # 方案/通知/纪要/台账/照片/验收/总结/报告/...
    # Where each value was read (metadata.SOURCE_LABELS names them): shown by `show`, so a user can judge it.
    title_source: str = ""
    unit_source: str = ""
    date_source: str = ""

    def sources(self) -> dict[str, str]:
        return {"title_source": self.title_source, "unit_source": self.unit_source, "date_source": self.date_source}
