"""Dates that do not fit: a file made after the data cut-off, a photo whose EXIF contradicts its
caption or file name, a document dated after it was received.

Office files carry their own history in docProps/core.xml (created, modified, written in UTC);
they are compared in Beijing time, since 23:30 on 31 December in the county is already 1 January in
UTC+8 but not in UTC. A file whose properties *predate* its date is normal (made from a template,
drafted early) and is not reported; only properties after the cut-off for a document dated before it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .finding import Doc, Finding

BEIJING = dt.timezone(dt.timedelta(hours=8))
EXIF_TOLERANCE_DAYS = 1  # a caption written the next morning, a camera clock a few hours off

_CORE = re.compile(r"<dcterms:(created|modified)[^>]*>([^<]+)</dcterms:\1>")


def core_times(xml: str) -> dict[str, str]:
    """{'created', 'modified'}: ISO datetimes in Beijing time from a docProps/core.xml text."""
    out = {}
    for name, value in _CORE.findall(xml):
        when = parse_iso(value.strip())
        if when is not None:
            out[name] = when.isoformat(timespec="seconds")
    return out


def parse_iso(value: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        return when.replace(tzinfo=BEIJING)  # no zone written: the county's own clock
    return when.astimezone(BEIJING)


@dataclass(frozen=True)
class LooseDate:
    """A date read from free text, as precise as it was written (day may be unknown)."""

    year: int
    month: int
    day: int | None
    text: str

    def conflicts(self, when: dt.date, tolerance: int = EXIF_TOLERANCE_DAYS) -> bool:
        if self.day is None:
            return (self.year, self.month) != (when.year, when.month)
        try:
            mine = dt.date(self.year, self.month, self.day)
        except ValueError:
            return False
        return abs((mine - when).days) > tolerance

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")


_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"),
    re.compile(r"(?<!\d)(20\d{2})[-./_](\d{1,2})[-./_](\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)"),
    re.compile(r"(?<!\d)(20\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d)"),
)


def loose_dates(text: str) -> list[LooseDate]:
    """Dates written in a caption or a file name (2024年5月12日, 2024-05-12, 20240512, IMG_20240512_…)."""
    found: list[LooseDate] = []
    spans: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            groups = m.groups()
            year, month = int(groups[0]), int(groups[1])
            day = int(groups[2]) if len(groups) > 2 else None
            if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
                continue
            spans.append(m.span())
            found.append(LooseDate(year, month, day, m.group(0)))
    return found


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def backdated_findings(docs: Iterable[Doc], times: dict[str, dict[str, str]], cutoff: dt.date) -> list[Finding]:
    """Office files created or last saved after the cut-off while dated on or before it."""
    out = []
    for doc in docs:
        props = times.get(doc.id) or {}
        dated = _date(doc.doc_date)
        if not props or (dated is not None and dated > cutoff):
            continue
        created, modified = _date(props.get("created")), _date(props.get("modified"))
        late = [(n, d) for n, d in (("创建", created), ("修改", modified)) if d is not None and d > cutoff]
        if not late:
            continue
        made_late = created is not None and created > cutoff
        what = "；".join(f"文件属性{n}于 {props['created' if n == '创建' else 'modified'][:16].replace('T', ' ')}"
                        for n, _d in late)
        dated_text = f"落款日期 {dated.isoformat()}" if dated else "未标注日期"
        out.append(Finding(
            kind="backdated_file", evidence_ids=[doc.id], severity="high" if made_late else "medium",
            detail=f"{doc.label}：{dated_text}，但{what}，晚于数据截止日 {cutoff.isoformat()}"
                   "（疑似事后补做或改动）",
            evidence={"doc_date": dated.isoformat() if dated else None, "cutoff": cutoff.isoformat(), **props},
            subject="props",
        ))
    return out


_RECEIVED_IN_TEXT = re.compile(
    r"(收文日期|收文时间|收到日期|收件日期|签收日期|接收日期|登记日期|收文)[:：\s]*"
    r"((?:20\d{2})\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]|[-./]\d{1,2}[-./]\d{1,2}))"
)
_RECEIVED_HEADER = ("收文日期", "收到日期", "接收日期", "签收日期", "收文时间", "报送日期", "报送时间", "收件日期")
_TITLE_HEADER = ("文件名称", "文件标题", "标题", "题名", "材料名称", "文件题名", "名称")


def received_dates(docs: Iterable[Doc]) -> dict[str, tuple[dt.date, str, str]]:
    """When each document was received, and where that is written: its own 收文 stamp, a 收文登记 register
    (a sheet with a title column and a received-date column) naming it by title, else its intake."""
    docs = list(docs)
    by_title: dict[str, list[Doc]] = {}
    for doc in docs:
        key = _title_key(doc.title)
        if len(key) >= 6:
            by_title.setdefault(key, []).append(doc)
    found: dict[str, tuple[dt.date, str, str]] = {}  # id -> (received, where it is written, register id)
    for doc in docs:
        m = _RECEIVED_IN_TEXT.search(doc.text or "")
        if m and (day := _loose_to_date(m.group(2))):
            found[doc.id] = (day, f"文中收文记录“{m.group(0).strip()}”", "")
    for register in docs:
        for sheet in (register.meta or {}).get("sheets") or []:
            header = [str(h or "") for h in sheet.get("header") or []]
            r_col = next((i for i, h in enumerate(header) if any(k in h for k in _RECEIVED_HEADER)), None)
            t_col = next((i for i, h in enumerate(header) if any(k in h for k in _TITLE_HEADER)), None)
            if r_col is None or t_col is None:
                continue
            for row in sheet.get("rows") or []:
                if max(r_col, t_col) >= len(row):
                    continue
                day = _loose_to_date(str(row[r_col]))
                key = _title_key(str(row[t_col]))
                if day is None or len(key) < 6:
                    continue
                for doc in by_title.get(key, []):
                    if doc.id != register.id and doc.id not in found:
                        found[doc.id] = (day, f"{register.label} 登记的{header[r_col]}", register.id)
    for doc in docs:
        if doc.id not in found and (day := _date(doc.received_at)):
            found[doc.id] = (day, "本系统接收时间", "")
    return found


def _title_key(title: str | None) -> str:
    return re.sub(r"[\W_]+", "", title or "")


def _loose_to_date(text: str) -> dt.date | None:
    dates = loose_dates(text.replace(" ", ""))
    if not dates or dates[0].day is None:
        m = re.match(r"(20\d{2})-(\d{2})-(\d{2})", text.strip())
        if not m:
            return None
        return _date(m.group(0))
    d = dates[0]
    try:
        return dt.date(d.year, d.month, d.day or 1)
    except ValueError:
        return None


def signed_date(text: str) -> dt.date | None:
    """The 落款 date: the last full date in the closing lines (a 收文 stamp at the top is not it)."""
    lines = [ln for ln in (text or "").splitlines() if ln.strip()][-6:]
    for line in reversed(lines):
        if _RECEIVED_IN_TEXT.search(line):
            continue
        found = [d for d in loose_dates(line) if d.day is not None]
        if found:
            try:
                return dt.date(found[-1].year, found[-1].month, found[-1].day or 1)
            except ValueError:
                return None
    return None


def after_receipt_findings(docs: Iterable[Doc]) -> list[Finding]:
    """Documents whose own date is later than the day they were received."""
    docs = list(docs)
    by_id = {d.id: d for d in docs}
    out = []
    for doc_id, (received, where, register) in received_dates(docs).items():
        doc = by_id[doc_id]
        dated = signed_date(doc.text) or _date(doc.doc_date)
        if dated is None or dated <= received:
            continue
        out.append(Finding(
            kind="backdated_file", evidence_ids=[doc.id, register] if register else [doc.id], severity="high",
            detail=f"{doc.label}：落款日期 {dated.isoformat()} 晚于收到日期 {received.isoformat()}（{where}），"
                   "日期被改动或材料为事后补做",
            evidence={"doc_date": dated.isoformat(), "received": received.isoformat(), "received_from": where},
            subject="received",
        ))
    return out


def caption_text(doc: Doc) -> str:
    meta = doc.meta or {}
    return " ".join(str(meta[k]) for k in ("xp_title", "xp_subject", "xp_comment", "description") if meta.get(k))


def exif_findings(docs: Iterable[Doc]) -> list[Finding]:
    """Photos whose EXIF DateTimeOriginal contradicts the date in their caption or file name."""
    out = []
    for doc in docs:
        if not doc.is_photo:
            continue
        shot = _date((doc.meta or {}).get("exif_datetime") or (doc.meta or {}).get("exif_date"))
        if shot is None:
            continue
        for where, text in (("说明文字", caption_text(doc)), ("文件名", doc.name)):
            bad = [d for d in loose_dates(text) if d.conflicts(shot)]
            if not bad:
                continue
            stated = bad[0]
            out.append(Finding(
                kind="exif_date_conflict", evidence_ids=[doc.id],
                severity="high" if abs(_days(stated, shot)) > 31 else "medium",
                detail=f"{doc.label}：照片EXIF拍摄时间 {shot.isoformat()}，"
                       f"{where}写的是 {stated.text}（{stated.iso()}），二者不符",
                evidence={"exif": (doc.meta or {}).get("exif_datetime"), "stated": stated.iso(), "where": where},
                subject="exif",
            ))
            break
    return out


def _days(stated: LooseDate, shot: dt.date) -> int:
    try:
        return (dt.date(stated.year, stated.month, stated.day or 15) - shot).days
    except ValueError:
        return 0
