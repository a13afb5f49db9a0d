"""``archivist lint-doc``: what a proof-reader of a GB/T 9704 document would circle in red.

Two kinds of fault are looked for in a .docx, by reading its XML the way Word resolves it:

* **layout** — Chinese text in a run whose font has no ``w:eastAsia`` anywhere in its chain (run, its
  character style, the paragraph style and its bases, the document defaults): Word then shows it in
  whatever East-Asian font the machine picks; full-width quotes and dashes (“” ‘’ — …) in a run whose
  Latin font would draw them (no ``w:hint="eastAsia"`` and a Latin ascii font); body paragraphs whose
  line spacing is not a fixed 28–29 pt; page margins other than 37/35/28/26 mm (top/bottom/left/right;
  a landscape table section may have them turned by a quarter);
* **machine artefacts** in the text — file paths, 12-hex record ids, ISO dates (2025-01-31), negative
  counts ("-682天"), zero-count sentences ("0个单位尚未报送"), English words, ``None``/``nan``, and
  cell addresses in the spreadsheet's own notation (「Sheet1」, B9).

Editor's placeholders in 【】 (【待补充：…】, 【请核实…】) are meant for a person and are not faults.
Every finding names the paragraph (its first characters) so a clerk can find it in Word.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
CJK_PUNCT = re.compile("[“”‘’—…]")
LATIN_FONTS = {"times new roman", "arial", "calibri", "cambria", "helvetica", "courier new", "verdana", "georgia"}
BODY_LINE_PT = (28.0, 29.0)
MARGINS_MM = {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}
MARGIN_TOLERANCE_MM = 1.0
TWIPS_PER_MM = 1440 / 25.4

# Artefacts, each with the reason a clerk would give. Placeholders in 【】 are removed before matching.
ARTEFACTS: list[tuple[str, re.Pattern[str]]] = [
    ("文件路径", re.compile(r"(?:[A-Za-z]:\\|(?:^|[\s（(“《])/[\w.-]+/|\b(?:archive|inbox|index|out)/"
                        r"|[\w\u4e00-\u9fff)）-]+\.(?:docx?|xlsx?|pdf|jpe?g|png|txt|zip|csv|toml)\b)", re.I)),
    ("记录编号（十六进制）",
     re.compile(r"(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{8,64}(?![0-9A-Za-z])")),
    ("ISO 日期（应写作2025年1月31日）", re.compile(r"(?<!\d)(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?!\d)")),
    ("负数计数", re.compile(r"(?:^|[^\d.A-Za-z])-\s?\d+(?:\.\d+)?\s?(?:天|个|项|件|处|户|人|次)")),
    ("零计数句（没有就不写）", re.compile(r"(?<![\d.．第])0(?:个单位|个|项|件|处|户|人|次)")),
    ("英文单词", re.compile(r"(?<![A-Za-z])(?:[A-Za-z]{2,}[a-z][A-Za-z]*|[a-z]{3,})(?![A-Za-z])")),
    ("程序空值", re.compile(r"(?<![A-Za-z])(?:None|null|nan|NaN|undefined|True|False)(?![A-Za-z])")),
    ("表格内部写法（工作表「」、单元格地址）",
     re.compile(r"「[^」]*」|(?<![A-Za-z0-9])[A-Z]{1,2}\d{1,5}=|第\d+行[A-Z]{1,2}列")),
]
PLACEHOLDER = re.compile(r"【[^】]*】")


@dataclass(frozen=True)
class LintFinding:
    """One fault: its kind, where (paragraph number and its opening words) and what was found."""

    kind: str
    where: str
    detail: str

    def line(self, file: str) -> str:
        return f"{file}：{self.where}：{self.kind}：{self.detail}"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


class _Styles:
    """Style chain lookups for rFonts attributes and paragraph spacing."""

    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, etree._Element] = {}
        self.default_rpr = None
        self.default_ppr = None
        if root is None:
            return
        for st in root.findall("w:style", NS):
            self.styles[st.get(_q("styleId")) or ""] = st
        self.default_rpr = root.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
        self.default_ppr = root.find("w:docDefaults/w:pPrDefault/w:pPr", NS)
        self.default_para = next((sid for sid, st in self.styles.items()
                                  if st.get(_q("type")) == "paragraph" and st.get(_q("default")) in ("1", "true")),
                                 None)

    def chain(self, style_id: str | None) -> Iterator[etree._Element]:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            st = self.styles[style_id]
            yield st
            based = st.find("w:basedOn", NS)
            style_id = based.get(_q("val")) if based is not None else None

    def font(self, attr: str, run: etree._Element, para_style: str | None) -> str | None:
        rpr = run.find("w:rPr", NS)
        candidates: list[etree._Element | None] = [rpr]
        rstyle = rpr.find("w:rStyle", NS) if rpr is not None else None
        if rstyle is not None:
            candidates += [st.find("w:rPr", NS) for st in self.chain(rstyle.get(_q("val")))]
        candidates += [st.find("w:rPr", NS) for st in self.chain(para_style or getattr(self, "default_para", None))]
        candidates.append(self.default_rpr)
        for c in candidates:
            if c is None:
                continue
            fonts = c.find("w:rFonts", NS)
            if fonts is not None and fonts.get(_q(attr)):
                return fonts.get(_q(attr))
        return None

    def spacing(self, para: etree._Element, para_style: str | None) -> tuple[str | None, str | None]:
        ppr = para.find("w:pPr", NS)
        chain = self.chain(para_style or getattr(self, "default_para", None))
        candidates = [ppr] + [st.find("w:pPr", NS) for st in chain] + [self.default_ppr]
        line = rule = None
        for c in candidates:
            if c is None:
                continue
            sp = c.find("w:spacing", NS)
            if sp is None:
                continue
            line = line or sp.get(_q("line"))
            rule = rule or sp.get(_q("lineRule"))
            if line and rule:
                break
        return line, rule


def _text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(_q("t")))


def _where(n: int, text: str) -> str:
    head = text.strip()[:16]
    return f"第{n}段“{head}”" if head else f"第{n}段"


def artefacts(text: str) -> list[tuple[str, str]]:
    """(kind, matched text) of every machine artefact in one paragraph's text."""
    clean = PLACEHOLDER.sub("", text)
    out = []
    for kind, pattern in ARTEFACTS:
        for m in pattern.finditer(clean):
            out.append((kind, m.group(0).strip()))
    return out


def lint_docx(path: str | Path) -> list[LintFinding]:
    """Every layout fault and machine artefact of one .docx, in document order."""
    with zipfile.ZipFile(path) as z:
        document = etree.fromstring(z.read("word/document.xml"))
        styles = _Styles(etree.fromstring(z.read("word/styles.xml")) if "word/styles.xml" in z.namelist() else None)
    findings: list[LintFinding] = []
    body = document.find("w:body", NS)
    paragraphs = list(body.iter(_q("p"))) if body is not None else []
    for n, para in enumerate(paragraphs, start=1):
        text = _text(para)
        if not text.strip():
            continue
        where = _where(n, text)
        ppr = para.find("w:pPr", NS)
        pstyle_el = ppr.find("w:pStyle", NS) if ppr is not None else None
        pstyle = pstyle_el.get(_q("val")) if pstyle_el is not None else None
        in_table = any(a.tag == _q("tc") for a in para.iterancestors())
        findings.extend(_font_faults(para, pstyle, styles, where))
        if not in_table:
            findings.extend(_spacing_faults(para, pstyle, styles, where, text))
        for kind, found in artefacts(text):
            findings.append(LintFinding(kind, where, found))
    findings.extend(_margin_faults(document))
    return findings


def _font_faults(para: etree._Element, pstyle: str | None, styles: _Styles, where: str) -> Iterable[LintFinding]:
    east_missing = latin_punct = ""
    for run in para.iter(_q("r")):
        text = _text(run)
        if not text:
            continue
        if HAN.search(text) and not styles.font("eastAsia", run, pstyle):
            east_missing = east_missing or text[:12]
        if CJK_PUNCT.search(text):
            rpr = run.find("w:rPr", NS)
            fonts = rpr.find("w:rFonts", NS) if rpr is not None else None
            hint = fonts.get(_q("hint")) if fonts is not None else None
            ascii_font = (styles.font("ascii", run, pstyle) or "").lower()
            if hint != "eastAsia" and (ascii_font in LATIN_FONTS or not ascii_font):
                latin_punct = latin_punct or CJK_PUNCT.search(text).group(0)  # type: ignore[union-attr]
    if east_missing:
        yield LintFinding("中文未设置中文字体（w:eastAsia）", where, east_missing)
    if latin_punct:
        yield LintFinding("中文引号或破折号使用西文字体", where, latin_punct)


def _spacing_faults(para: etree._Element, pstyle: str | None, styles: _Styles, where: str,
                    text: str) -> Iterable[LintFinding]:
    if not HAN.search(text):
        return
    line, rule = styles.spacing(para, pstyle)
    if rule != "exact" or line is None:
        yield LintFinding("行距不是固定值", where, f"行距规则 {rule or '未设置'}")
        return
    pt = int(line) / 20
    if not BODY_LINE_PT[0] <= pt <= BODY_LINE_PT[1] and pt < 30:  # titles (二号) may sit on wider fixed lines
        yield LintFinding("行距不在28–29磅", where, f"{pt:g}磅")


def _margin_faults(document: etree._Element) -> Iterable[LintFinding]:
    for n, sect in enumerate(document.iter(_q("sectPr")), start=1):
        mar = sect.find("w:pgMar", NS)
        size = sect.find("w:pgSz", NS)
        if mar is None:
            yield LintFinding("页边距未设置", f"第{n}节", "")
            continue
        got = {k: int(mar.get(_q(k)) or 0) / TWIPS_PER_MM for k in MARGINS_MM}
        landscape = size is not None and int(size.get(_q("w")) or 0) > int(size.get(_q("h")) or 0)
        wanted = [MARGINS_MM]
        if landscape:
            m = MARGINS_MM
            wanted.append({"top": m["left"], "bottom": m["right"], "left": m["bottom"], "right": m["top"]})
            wanted.append({"top": m["right"], "bottom": m["left"], "left": m["top"], "right": m["bottom"]})
        if not any(all(abs(got[k] - w[k]) <= MARGIN_TOLERANCE_MM for k in w) for w in wanted):
            detail = "，".join(f"{k} {got[k]:.0f}mm" for k in MARGINS_MM)
            yield LintFinding("页边距不符合 GB/T 9704（上37 下35 左28 右26 mm）", f"第{n}节", detail)
