"""Pure helpers that turn catalogue and assessment values into what the templates show.

Kept free of requests and I/O so the escaping rules (the one place where document text meets HTML)
can be tested on plain strings.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from markupsafe import Markup, escape

STATE_LABELS = {"filed": "已归档", "unsorted": "待分类", "duplicate": "重复", "quarantined": "隔离",
                "queued": "已交收件箱", "ignored": "已忽略", "error": "失败"}
COVERAGE_LABELS = {"complete": "齐全", "partial": "部分", "missing": "缺失"}
AUDIT_LABELS = {"filed": "归档", "unsorted": "进入待分类", "duplicate": "判为重复", "quarantined": "隔离",
                "reassigned": "调整归档", "recovered": "崩溃恢复", "pages": "更新页数", "container": "收到压缩包",
                "score_set": "自评打分", "score_cleared": "清除自评", "problem_added": "登记问题",
                "problem_closed": "问题销号", "coverage_marked": "标记覆盖", "coverage_cleared": "取消覆盖标记"}
MIN_SUGGESTION = 0.05  # below this a "suggestion" is noise: the clerk is better served by the full list
MILESTONE_LABELS = {"done": "已完成", "late": "已逾期", "due_soon": "临近", "pending": "进行中", "unknown": "未知"}

# What the browser may show inline, by archive file suffix. Everything else is offered as a
# download (or, for documents, shown as the extracted text): an .html or .svg "evidence" file must
# never be rendered in this origin, where its scripts could act as the logged-in clerk.
INLINE_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".bmp": "image/bmp",
}


def highlight(plain: str, marks: list[tuple[int, int]] | list[list[int]]) -> Markup:
    """Snippet text with <mark> around the matched spans: every piece escaped first, then marked.

    The spans index into `plain` (search.Hit.marks), so no marker characters that a document might
    itself contain (【】) are ever parsed back out of the text.
    """
    out: list[str] = []
    last = 0
    for start, end in sorted((int(s), int(e)) for s, e in marks):
        if start < last or end <= start or end > len(plain):
            continue
        out.append(str(escape(plain[last:start])))
        out.append(f"<mark>{escape(plain[start:end])}</mark>")
        last = end
    out.append(str(escape(plain[last:])))
    return Markup("".join(out))


def viewer_kind(record: dict[str, Any]) -> str:
    """How the document page shows a file: 'pdf', 'image', or 'text' (the extracted text)."""
    if record.get("status") == "quarantined":
        return "text"
    path = record.get("archive_path") or ""
    mime = INLINE_TYPES.get(PurePosixPath(path).suffix.lower())
    if mime == "application/pdf":
        return "pdf"
    if mime and mime.startswith("image/"):
        return "image"
    return "text"


def human_size(size: int | None) -> str:
    if size is None:
        return ""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def split_ids(text: str) -> list[str]:
    """Evidence ids typed or pasted by a clerk: separated by spaces, commas or Chinese punctuation."""
    for sep in ("，", "、", "；", ";", ",", "\n", "\t"):
        text = text.replace(sep, " ")
    return [part for part in text.split() if part]


def score_bar(total: float, line: float, full: float) -> dict[str, float]:
    """Percentages for the self-score bar: the claimed total and where the 优秀 line sits."""
    full = full or max(total, line, 1.0)
    return {
        "total_pct": max(0.0, min(100.0, total / full * 100)),
        "line_pct": max(0.0, min(100.0, line / full * 100)),
    }


def useful_suggestions(suggestions: list[dict[str, Any]] | None, current: str | None = None) -> list[dict[str, Any]]:
    """Suggestions worth a button: not the indicator the file already has, not near-zero guesses."""
    return [s for s in (suggestions or [])[:3]
            if s.get("code") and s.get("code") != current and float(s.get("confidence") or 0) >= MIN_SUGGESTION]
