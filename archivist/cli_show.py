"""How one catalogue record reads in Chinese (`archivist show`): labels, states, dates, history.

Why a module of its own: `show` is what a staff member reads to decide whether the system got a file
right, so it must say everything in their terms — 已归档 not "filed", 2024年10月8日 not an ISO string,
"县农业农村局（来源：落款）" not a dict — and it must print hostile text (brackets, ESC) harmlessly.
Every value from the record passes through `safe()`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .cli_common import safe
from .intake.edits import FIELD_LABELS, Override
from .intake.metadata import SOURCE_LABELS

STATE_LABELS = {"filed": "已归档", "unsorted": "待分类", "duplicate": "重复", "quarantined": "隔离"}

ACTION_LABELS = {
    "filed": "归档",
    "unsorted": "转入待分类",
    "duplicate": "登记为重复文件",
    "quarantined": "隔离",
    "reassigned": "调整归档",
    "edited": "更正元数据",
    "metadata_refreshed": "重新识别元数据",
    "adopted": "收编孤立文件",
    "relinked": "恢复文件位置",
    "recovered": "中断恢复",
    "redundant_removed": "清除多余副本",
    "pages": "登记页数",
    "coverage_marked": "标记覆盖",
    "coverage_cleared": "取消覆盖标记",
    "row_changed": "记录变更",
}

_FIELD_NAMES = FIELD_LABELS | {"indicator": "指标", "status": "状态", "archive_path": "归档位置"}


def cn_date(value: str | None) -> str:
    """'2024-10-08' -> '2024年10月8日'; anything else unchanged."""
    if not value:
        return ""
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{day.year}年{day.month}月{day.day}日"


def cn_time(value: str | None) -> str:
    """An ISO timestamp -> '2024年10月8日 09:31'."""
    if not value:
        return ""
    try:
        when = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{when.year}年{when.month}月{when.day}日 {when:%H:%M}"


def size_text(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return f"{size} 字节"
    for unit, scale in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3)):
        if size < scale * 1024 or unit == "GB":
            return f"{size / scale:.1f} {unit}（{size} 字节）"
    return f"{size} 字节"


def indicator_text(frameworks: Any, code: str | None) -> str:
    """'C01' -> 'C01 农村厕所革命' when the framework knows it."""
    if not code:
        return ""
    indicator = frameworks.indicator(code) if frameworks is not None else None
    return f"{code} {indicator.name}" if indicator is not None else code


def provenance_text(record: dict[str, Any]) -> str:
    prov = record.get("provenance")
    if isinstance(prov, dict):
        if prov.get("member"):
            return f"压缩包 {prov.get('container') or ''} 中的 {prov['member']}"
        if prov.get("source"):
            return str(prov["source"])
        return "，".join(f"{k}：{v}" for k, v in prov.items())
    return str(prov or record.get("source_path") or "")


def _value(value: Any) -> str:
    if value in (None, ""):
        return "（空）"
    return str(value)


def history_text(entry: dict[str, Any], frameworks: Any) -> str:
    """One audit entry as a sentence: when, who, what, from → to, why."""
    action = entry.get("action") or ""
    try:
        detail = json.loads(entry.get("detail") or "{}")
    except (TypeError, ValueError):
        detail = {}
    parts = [cn_time(entry.get("at")), entry.get("actor") or "", ACTION_LABELS.get(action, action)]
    if not isinstance(detail, dict):
        detail = {}
    if action == "reassigned":
        parts.append(f"{indicator_text(frameworks, detail.get('from')) or '待分类'} → "
                     f"{indicator_text(frameworks, detail.get('to'))}")
    changes = detail.get("changes")
    if isinstance(changes, dict):
        parts.append("；".join(
            f"{_FIELD_NAMES.get(k, k)}：{_value(v.get('from') if isinstance(v, dict) else '')} → "
            f"{_value(v.get('to') if isinstance(v, dict) else v)}"
            for k, v in changes.items()))
    if action in ("filed", "unsorted", "quarantined") and detail.get("path"):
        parts.append(f"→ {detail['path']}")
    elif detail.get("to_path"):
        parts.append(f"文件移至 {detail['to_path']}")
    if detail.get("note"):
        parts.append(f"理由：{detail['note']}")
    return " ".join(p for p in parts if p)


def source_text(record: dict[str, Any], key: str, kept: dict[str, Override]) -> str:
    """'（来源：落款）' for a recognised value, '（人工更正：理由）' for a corrected one."""
    field = {"title": "title", "unit": "unit", "doc_date": "doc_date"}.get(key)
    if key in kept:
        return f"（人工更正：{kept[key].note}）"
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    if field is None:
        return ""
    source = meta.get(f"{field.replace('doc_', '')}_source")
    fixes = (meta.get("ocr_fixes") or {}).get(field) if isinstance(meta.get("ocr_fixes"), dict) else None
    fixed = f"；OCR 误识已按本县名称更正：{'、'.join(map(str, fixes))}" if fixes else ""
    return f"（来源：{SOURCE_LABELS.get(source, source)}{fixed}）" if source else ""


def rows(record: dict[str, Any], history: list[dict[str, Any]], kept: list[Override],
         frameworks: Any) -> list[tuple[str, str]]:
    """(label, escaped value) rows for the `show` table, in reading order."""
    by_field = {o.field: o for o in kept}
    out: list[tuple[str, str]] = []

    def add(label: str, value: Any, suffix: str = "") -> None:
        if value not in (None, "", []):
            out.append((label, safe(f"{value}{suffix}")))

    add("状态", STATE_LABELS.get(record.get("status") or "", record.get("status")))
    add("指标", indicator_text(frameworks, record.get("indicator")))
    links = record.get("links") or []
    if isinstance(links, list):
        add("关联指标", "、".join(indicator_text(frameworks, c) for c in links))
    if record.get("confidence") is not None:
        add("置信度", f"{record['confidence']:.2f}")
    add("题名", record.get("title"), source_text(record, "title", by_field) if record.get("title") else "")
    add("责任者", record.get("unit"), source_text(record, "unit", by_field) if record.get("unit") else "")
    add("成文日期", cn_date(record.get("doc_date")),
        source_text(record, "doc_date", by_field) if record.get("doc_date") else "")
    add("文号", record.get("doc_number"), "（人工更正）" if "doc_number" in by_field else "")
    add("类别", record.get("kind"), "（人工更正）" if "kind" in by_field else "")
    add("原文件名", record.get("original_name"))
    add("归档位置", record.get("archive_path") or ("未保存原件" if record.get("status") == "quarantined" else ""))
    add("SHA-256", record.get("sha256"))
    add("大小", size_text(record.get("size")))
    add("页数", record.get("pages"))
    add("原因", record.get("reason"))
    add("重复于", record.get("duplicate_of"))
    add("来源", provenance_text(record))
    add("接收时间", cn_time(record.get("received_at")))
    for s in record.get("suggestions") or []:
        if isinstance(s, dict):
            add("建议", f"{indicator_text(frameworks, s.get('code'))}（{s.get('confidence', 0):.2f}）"
                      f"依据：{'、'.join(s.get('matched') or []) or '—'}")
    for o in kept:
        add("人工更正", f"{FIELD_LABELS.get(o.field, o.field)}：{_value(o.value)}（{o.actor}，{cn_time(o.at)}；"
                      f"理由：{o.note}）")
    for h in history:
        add("记录", history_text(h, frameworks))
    return out
