"""Personal data in archived files: 身份证号 (GB 11643 check digit) and mobile numbers.

A full 18-digit 居民身份证号码 is recognised by its structure — a region code, a real birth date, a
sequence and the ISO 7064 MOD 11-2 check character — never by length alone, so 统一社会信用代码
(letters, their own check), 项目编号, bank account numbers (longer digit runs) and landlines
(area code + 7/8 digits) are not reported. Numbers labelled as codes or accounts just before them are
skipped too. The same patterns mask what `export --zip` and its offline index write.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .finding import Doc, Finding

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
# not preceded or followed by another digit/letter: a longer run is an account or a code, not an ID
_ID = re.compile(r"(?<![0-9A-Za-z])([1-9]\d{16}[0-9Xx])(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9A-Za-z\-])(1[3-9]\d)[ \-]?(\d{4})[ \-]?(\d{4})(?![0-9A-Za-z])")
# a label right before the number saying it is a code, an account or a project number
_NOT_PERSONAL = re.compile(
    r"(信用代码|机构代码|组织代码|税号|纳税人识别号|注册号|编号|编码|代码|账号|帐号|账户|帐户|卡号|单号|合同号|文号|项目号|"
    r"批次号|流水号|登记号|No\.?|NO\.?)[：:\s#]*$"
)
_LOOKBACK = 14


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits."""
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def is_resident_id(number: str) -> bool:
    """A structurally valid 18-digit 身份证号: region, birth date (not in the future), check character."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    if number[0] not in "12345678":
        return False
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if born.year < 1900 or born > dt.date.today():
        return False
    return id_check_char(number[:17]) == number[17].upper()


@dataclass(frozen=True)
class PiiHit:
    kind: str  # "身份证号" | "手机号"
    value: str
    start: int
    end: int

    @property
    def masked(self) -> str:
        return mask_value(self.kind, self.value)


def mask_value(kind: str, value: str) -> str:
    digits = re.sub(r"[ \-]", "", value)
    if kind == "身份证号":
        return digits[:6] + "*" * 8 + digits[14:]
    return digits[:3] + "****" + digits[7:]


def _labelled_as_code(text: str, start: int) -> bool:
    return bool(_NOT_PERSONAL.search(text[max(0, start - _LOOKBACK):start]))


def find_pii(text: str) -> list[PiiHit]:
    """Every full 身份证号 and mobile number in `text`, in order."""
    hits: list[PiiHit] = []
    for m in _ID.finditer(text):
        if is_resident_id(m.group(1)) and not _labelled_as_code(text, m.start()):
            hits.append(PiiHit("身份证号", m.group(1), m.start(), m.end()))
    taken = [(h.start, h.end) for h in hits]
    for m in _MOBILE.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or _labelled_as_code(text, m.start()):
            continue
        hits.append(PiiHit("手机号", m.group(0), m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


def mask_text(text: str) -> str:
    """`text` with every 身份证号 and mobile number masked (330102********1234, 138****5678)."""
    hits = find_pii(text)
    if not hits:
        return text
    out, pos = [], 0
    for h in hits:
        out.append(text[pos:h.start])
        out.append(h.masked)
        pos = h.end
    out.append(text[pos:])
    return "".join(out)


def pii_findings(docs: Iterable[Doc]) -> list[Finding]:
    """One finding per file holding personal data, with counts and masked examples (never the values)."""
    findings = []
    for doc in docs:
        hits = find_pii(doc.text or "")
        if not hits:
            continue
        ids = sorted({h.value for h in hits if h.kind == "身份证号"})
        mobiles = sorted({re.sub(r"[ \-]", "", h.value) for h in hits if h.kind == "手机号"})
        parts = []
        if ids:
            parts.append(f"身份证号 {len(ids)} 个")
        if mobiles:
            parts.append(f"手机号 {len(mobiles)} 个")
        examples = [h.masked for h in hits[:5]]
        findings.append(Finding(
            kind="pii", evidence_ids=[doc.id], severity="high" if ids else "medium",
            detail=f"{doc.label} 含未脱敏的个人信息：{'、'.join(parts)}（如 {'、'.join(examples[:3])}）；"
                   "对外提供前请脱敏，导出时已默认遮盖",
            evidence={"id_numbers": len(ids), "mobiles": len(mobiles), "examples": examples},
        ))
    return findings


MASKABLE_SUFFIXES = (".docx", ".xlsx", ".pptx", ".docm", ".xlsm", ".txt", ".csv", ".md", ".html", ".htm", ".xml",
                     ".json")
_OOXML_SUFFIXES = (".docx", ".xlsx", ".pptx", ".docm", ".xlsm")
_NUMERIC_CELL = re.compile(r'<c ([^>]*?)(?<!t="s")(?<!t="str")>(<f>[^<]*</f>)?<v>(\d{11}|\d{17}[0-9X])</v></c>')
# a text node of WordprocessingML (w:t), DrawingML (a:t) or SpreadsheetML (t, in shared and inline strings)
_TEXT_NODE = re.compile(r"<((?:\w+:)?t)(?:\s[^>]*)?>([^<]*)</\1>")
# markup between two text nodes that ends a paragraph, a cell or a line: the two are not one number
_BREAK = re.compile(r"</(?:\w+:)?(?:p|si|is|c|row|tc|tr)>|<(?:\w+:)?(?:tab|br|cr)\b")


def _mask_numeric_cell(m: re.Match[str]) -> str:
    value = m.group(3)
    masked = mask_text(value)
    if masked == value:
        return m.group(0)
    attrs = re.sub(r'\s*t="[^"]*"', "", m.group(1))
    return f'<c {attrs} t="inlineStr"><is><t>{masked}</t></is></c>'


def _star_digits(text: str, hit: PiiHit) -> str:
    """The hit's characters with the digits a mask hides replaced by * (same length: offsets stay)."""
    hidden = range(6, 14) if hit.kind == "身份证号" else range(3, 7)
    out, n = [], 0
    for ch in text[hit.start:hit.end]:
        if ch.isdigit():
            out.append("*" if n in hidden else ch)
            n += 1
        else:
            out.append(ch)
    return "".join(out)


def mask_text_nodes(xml: str) -> str:
    """Mask numbers that Word or Excel split over several text runs (`<w:t>1101</w:t>…<w:t>05…</w:t>`).

    Word starts a new run at every edit, spell-check mark or font change, so a 身份证号 typed in two
    goes is stored in pieces that no pattern over the raw XML sees. The text nodes are read as the
    reader sees them — joined within a paragraph or cell, separated at a paragraph, cell, tab or line
    break — and each digit a mask hides is starred in the node that holds it."""
    nodes = list(_TEXT_NODE.finditer(xml))
    if not nodes:
        return xml
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for i, m in enumerate(nodes):
        if i and _BREAK.search(xml, nodes[i - 1].end(), m.start()):
            parts.append("\n")
            pos += 1
        spans.append((pos, pos + len(m.group(2))))
        parts.append(m.group(2))
        pos += len(m.group(2))
    joined = "".join(parts)
    hits = find_pii(joined)
    if not hits:
        return xml
    chars = list(joined)
    for h in hits:
        chars[h.start:h.end] = _star_digits(joined, h)
    masked = "".join(chars)
    out, last = [], 0
    for m, (a, b) in zip(nodes, spans, strict=True):
        out.append(xml[last:m.start(2)])
        out.append(masked[a:b])
        last = m.end(2)
    out.append(xml[last:])
    return "".join(out)


def mask_file_bytes(name: str, data: bytes) -> bytes:
    """The file with 身份证号 and mobile numbers masked where its text is stored: every XML part of a
    .docx/.xlsx/.pptx (numbers split over runs, typed into number cells, in comments, headers, core
    properties, link targets, and Office files embedded in it) and plain text; other formats as-is."""
    lower = name.lower()
    if lower.endswith(_OOXML_SUFFIXES):
        return _mask_ooxml(data)
    if lower.endswith(MASKABLE_SUFFIXES):
        for encoding in ("utf-8", "gb18030"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            masked = mask_text(text)
            return data if masked == text else masked.encode(encoding)
    return data


def can_mask(name: str) -> bool:
    """Whether `mask_file_bytes` can mask this kind of file (PDFs, scans, photos, old .doc/.xls cannot)."""
    return name.lower().endswith(MASKABLE_SUFFIXES)


def _mask_ooxml(data: bytes, depth: int = 0) -> bytes:
    import io
    import zipfile

    try:
        source = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        return data
    out = io.BytesIO()
    changed = False
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            lower = info.filename.lower()
            if lower.endswith((".xml", ".rels", ".vml")):
                text = part.decode("utf-8", "replace")
                masked = _NUMERIC_CELL.sub(_mask_numeric_cell, text) if lower.startswith("xl/worksheets/") else text
                masked = mask_text(mask_text_nodes(masked))
                if masked != text:
                    part, changed = masked.encode("utf-8"), True
            elif lower.endswith(_OOXML_SUFFIXES) and depth < 3:  # a workbook embedded in a Word report
                inner = _mask_ooxml(part, depth + 1)
                if inner is not part and inner != part:
                    part, changed = inner, True
            target.writestr(info, part)
    return out.getvalue() if changed else data


def masked_copy(path: Path) -> bytes | None:
    """The bytes of `path` with personal data masked, or None when nothing in it needed masking."""
    data = path.read_bytes()
    masked = mask_file_bytes(path.name, data)
    return None if masked is data or masked == data else masked
