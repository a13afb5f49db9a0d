"""Recognise descriptive metadata (题名, 责任者, 成文日期, 文号, kind) in extracted text (first version)."""

from __future__ import annotations

import re
from pathlib import PurePath

from ..model import DocMeta, Extraction
from ..textnorm import normalize

_DATE = re.compile(r"(20\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?")
_COMPACT_DATE = re.compile(r"(?<!\d)(20\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?!\d)")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［(（](20\d{2})[〕\]］)）]\s*\d{1,4}\s*号")
_KINDS = ["纪要", "方案", "通知", "台账", "验收", "总结", "报告", "简报", "通报", "合同", "意见", "办法", "统计"]


def _valid(y: str, m: str, d: str) -> str | None:
    yi, mi, di = int(y), int(m), int(d)
    if 1 <= mi <= 12 and 1 <= di <= 31:
        return f"{yi:04d}-{mi:02d}-{di:02d}"
    return None


def find_date(text: str) -> str | None:
    found = None
    for match in _DATE.finditer(text):
        found = _valid(*match.groups()) or found
    return found


def extract_meta(extraction: Extraction, original_name: str) -> DocMeta:
    text = normalize(extraction.text)
    stem = PurePath(original_name).stem
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    title = extraction.title_hint or next((ln for ln in lines[:5] if 6 <= len(ln) <= 60), "") or stem
    date = extraction.meta.get("exif_date") or find_date(text[-400:]) or find_date(stem)
    if not date:
        m = _COMPACT_DATE.search(stem)
        date = _valid(*m.groups()) if m else None
    number = _DOC_NUMBER.search(text[:800])
    kind = next((k for k in _KINDS if k in title), "照片" if extraction.file_type == "image" else "")
    unit = ""
    for ln in reversed(lines[-8:]):
        if re.search(r"(局|委|办|政府|部|乡|镇|中心|公司|室)$", ln) and len(ln) <= 25:
            unit = ln
            break
    return DocMeta(title=title[:120], unit=unit, doc_date=date, doc_number=number.group(0) if number else "", kind=kind)
