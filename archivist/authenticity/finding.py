"""The finding record every detector returns, and the documents they read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

KINDS = (
    "photo_reuse", "before_after_same", "near_duplicate_text", "template_copy",
    "backdated_file", "exif_date_conflict", "figure_conflict", "pii",
)
KIND_LABELS = {
    "photo_reuse": "照片重复使用", "before_after_same": "整改前后照片相同", "near_duplicate_text": "材料内容雷同",
    "template_copy": "套用模板仅改名称", "backdated_file": "文件日期可疑", "exif_date_conflict": "照片拍摄日期不符",
    "figure_conflict": "数据前后不一致", "pii": "个人信息未脱敏",
}
SEVERITIES = ("high", "medium", "low")
SEVERITY_LABELS = {"high": "高", "medium": "中", "low": "低"}


@dataclass
class Finding:
    """One 核查发现: what (kind, detail), which files, the evidence, how serious, and whether explained.

    `subject` distinguishes two findings of one kind on the same files (two different figures stated
    differently in the same pair of documents); with kind and the files it makes the stable id that
    an "explained" mark is attached to, so a mark survives re-running the check.
    """

    kind: str
    evidence_ids: list[str]
    severity: str
    detail: str
    evidence: dict[str, Any] = field(default_factory=dict)
    subject: str = ""
    explained: bool = False
    note: str = ""

    def __post_init__(self) -> None:
        self.evidence_ids = sorted(dict.fromkeys(self.evidence_ids))

    @property
    def id(self) -> str:
        raw = "\x1f".join([self.kind, self.subject, *self.evidence_ids])
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]

    def to_json(self, files: dict[str, str] | None = None) -> dict[str, Any]:
        """CLI.md's `check --json` shape, plus id, files, the evidence and the explanation."""
        out: dict[str, Any] = {
            "kind": self.kind, "evidence_ids": list(self.evidence_ids), "severity": self.severity,
            "detail": self.detail, "explained": self.explained, "id": self.id,
        }
        if files is not None:
            out["files"] = [files.get(i, "") for i in self.evidence_ids]
        out["evidence"] = self.evidence
        if self.note:
            out["note"] = self.note
        return out


@dataclass
class Doc:
    """The parts of one archived file the detectors read (a typed view of its catalogue record)."""

    id: str
    name: str  # original file name
    path: str  # archive path (or source path for a duplicate record)
    file_type: str
    title: str
    unit: str
    doc_date: str
    indicator: str
    received_at: str
    folders: str  # where it came from, as text (source path / zip member), for places and years
    text: str
    meta: dict[str, Any]
    status: str = "filed"
    duplicate_of: str = ""

    @property
    def label(self) -> str:
        return self.path or self.name

    @property
    def is_photo(self) -> bool:
        return self.file_type in ("image", "jpeg", "jpg", "png", "tiff", "webp", "bmp", "gif")
