"""A small builder for GB/T 9704-2012 official documents (公文) with python-docx.

The reports, notices, speeches and catalogues that archivist writes are read by leaders and
inspectors who judge the format before the content: A4, margins 37/28/26/35 mm, a 方正小标宋简体
title, 仿宋_GB2312 body at a fixed 28 pt line, headings 一、（一）1.（1）, a 落款 two characters in
from the right and page numbers "— 1 —". This module owns those facts so that the generators only say
*what* to write.

Design choices, and why:

* Every style is built in code on python-docx's default template instead of shipping a binary
  .docx: the format is reviewable in a diff and cannot drift from the tests.
* The canonical Windows font names stay in the file (users open it in Word/WPS where those fonts
  exist); rendering on Linux maps them with fontconfig (see ``render.py`` and ``fonts.conf``).
* python-docx's ``font.name`` writes only ``w:ascii``/``w:hAnsi``. East Asian text uses
  ``w:eastAsia`` and, if that is missing, the theme's East Asian font — MS Mincho in the default
  template. So every ``w:rFonts`` written here carries all four slots and no theme attributes, on the
  document defaults, on each style *and* on each run (runs keep their look when pasted elsewhere).
* Heading numbers are literal text ("一、"), not Word list numbering: WPS and older Word versions
  renumber auto-lists unpredictably, and offices edit these documents by hand afterwards.
"""

from __future__ import annotations

import copy
import datetime as _dt
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

__all__ = [
    "FANGSONG",
    "HEITI",
    "KAITI",
    "SONGTI",
    "XIAOBIAOSONG",
    "BODY_PT",
    "TITLE_PT",
    "LINE_PT",
    "PAGE_NUMBER_PT",
    "GongwenDocument",
    "RedHeader",
    "apply_red_header",
    "cn_numeral",
    "fill_row",
    "place_signature",
    "run_in",
    "text_block_mm",
    "title_lines",
    "heading_prefix",
    "format_cn_date",
    "split_title",
    "text_width",
]

# Canonical font names (GB/T 9704 practice on Windows); kept verbatim in the .docx.
FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"
XIAOBIAOSONG = "方正小标宋简体"

# Chinese point sizes: 二号 22 pt, 三号 16 pt, 四号 14 pt.
TITLE_PT = 22.0
BODY_PT = 16.0
PAGE_NUMBER_PT = 14.0
LINE_PT = 28.0
"""Fixed line pitch of body text: 28 pt is the common office setting (22 lines in 225 mm ≈ 28.95)."""
TITLE_LINE_PT = 35.0
"""Title lines are 22 pt characters; a 35 pt pitch keeps multi-line titles airy but compact."""

# Margins in twips (1/20 pt): GB/T 9704 top 37, left 28, right 26, bottom 35 mm.
MARGINS_TWIPS = {"top": 2098, "left": 1588, "right": 1474, "bottom": 1984}
# Landscape pages (catalogues) are the portrait layout turned a quarter: the binding edge (left in
# portrait) becomes the top, so the text block stays 225 x 156 mm and punches fall in the margin.
LANDSCAPE_MARGINS_TWIPS = {"top": 1588, "left": 1984, "right": 2098, "bottom": 1474}

A4_MM = (210.0, 297.0)

CELL_PADDING_TWIPS = 57  # 1 mm left/right inside table cells

# Fonts-table entries so that Word/WPS substitute sensibly when a canonical font is missing
# (Windows 10 ships 仿宋 and 楷体 but not the *_GB2312 variants); charset 86 = GB2312.
_FONT_TABLE = {
    FANGSONG: ("仿宋", "modern"),
    KAITI: ("楷体", "modern"),
    HEITI: ("SimHei", "modern"),
    SONGTI: ("SimSun", "auto"),
    XIAOBIAOSONG: ("宋体", "script"),
}

_CN_DIGITS = "零一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """Chinese numeral for heading numbers: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.

    Level-1 headings count with these; "十一、" (not "一十一、") is how offices write 11.
    """
    if n < 0:
        raise ValueError("heading numbers are positive")
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n - 10] if n > 10 else "")
    if n >= 10000:
        return str(n)
    units = ["", "十", "百", "千"]
    digits = [int(c) for c in str(n)]
    out: list[str] = []
    zero = False
    for i, d in enumerate(digits):
        place = len(digits) - 1 - i
        if d == 0:
            zero = True
            continue
        if zero and out:
            out.append("零")
        zero = False
        out.append(_CN_DIGITS[d] + units[place])
    return "".join(out)


def heading_prefix(level: int, n: int) -> str:
    """The literal number of the ``n``-th heading of a level: 一、 （一） 1. （1）."""
    return {1: f"{cn_numeral(n)}、", 2: f"（{cn_numeral(n)}）", 3: f"{n}.", 4: f"（{n}）"}[level]


def run_in(text: str, body: str | None) -> str:
    """A run-in heading is a sentence: "压实工作责任" + body → "压实工作责任。" (then the body)."""
    text = text.strip()
    if body and text and text[-1] not in "。．.：:！？!?；;":
        text += "。"
    return text


def format_cn_date(date: _dt.date) -> str:
    """成文日期 as GB/T 9704 wants it: Arabic numerals, full year, no leading zeros (2024年5月12日)."""
    return f"{date.year}年{date.month}月{date.day}日"


def _char_width(ch: str) -> float:
    """Width of one character in em: full-width Han and punctuation 1, Latin and digits 0.5."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F", "A") and ord(ch) > 0x2000 else 0.5


def text_width(text: str) -> float:
    """Width of ``text`` in em (Chinese characters), used to place 落款 and to break titles."""
    return sum(_char_width(ch) for ch in text)


# ---------------------------------------------------------------------------------------------
# Title line breaking
# ---------------------------------------------------------------------------------------------

# Words of this domain that must never be split across title lines, whatever a segmenter says
# (jieba reads "成果同乡村振兴" as 成果/同乡/村振兴).
_PROTECTED_WORDS = (
    "巩固拓展",
    "脱贫攻坚",
    "乡村振兴",
    "有效衔接",
    "考核评估",
    "实绩考核",
    "后评估",
    "自查自评",
    "自评报告",
    "情况通报",
    "整改台账",
    "防止返贫",
    "动态监测",
    "帮扶",
    "人民政府",
    "领导小组",
    "办公室",
    "工作要点",
    "实施方案",
    "脱贫人口",
    "监测对象",
)
# Places where a title may break at no cost: (lookbehind, lookahead) regexes.
_GOOD_BREAKS = [
    re.compile(r"(?<=[、，,：:；;）)》」』”])"),  # after punctuation and closing brackets
    re.compile(r"(?=[《（(「『“])"),  # before opening brackets
    re.compile(r"(?<=关于)"),
    re.compile(r"(?<=印发|转发|做好|开展|加强)"),
    re.compile(r"(?<=\d年度)|(?<=\d年)(?!度)"),
    re.compile(r"(?=同乡村振兴|与乡村振兴)"),
    re.compile(r"(?<=的)(?=[^的])"),
    re.compile(r"(?<=工作|成果|情况)(?!的)"),
]
# Breaks that readers expect: between the issuing body and "关于…" (a bonus, not just allowed).
_BEST_BREAKS = re.compile(r"(?<=[^\s])(?=关于)")
_DOC_TYPE_TAIL = re.compile(
    r"的(通知|报告|通报|请示|意见|方案|讲话|函|批复|决定|纪要|总结|计划|目录|自评报告|情况通报)$"
)


def _segment_boundaries(text: str) -> set[int]:
    """Word boundaries from jieba when it is installed (a soft hint; rules come first)."""
    import logging
    import warnings

    try:
        with warnings.catch_warnings():  # jieba imports pkg_resources, which warns on import
            warnings.simplefilter("ignore")
            import jieba  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - jieba is a project dependency, but stay usable
        return set()

    logging.getLogger("jieba").setLevel(logging.WARNING)
    bounds: set[int] = set()
    pos = 0
    for word in jieba.cut(text, HMM=False):
        pos += len(word)
        bounds.add(pos)
    return bounds


def _forbidden_breaks(text: str) -> set[int]:
    """Positions that would split a number, a Latin word, a protected word or a document type."""
    bad: set[int] = set()
    for m in re.finditer(r"[0-9A-Za-z.%]+", text):
        bad.update(range(m.start() + 1, m.end()))
    for word in _PROTECTED_WORDS:
        for m in re.finditer(re.escape(word), text):
            bad.update(range(m.start() + 1, m.end()))
    for m in re.finditer(r"[同与和及](?=乡村振兴)", text):  # a conjunction stays with its object
        bad.add(m.start() + 1)
    tail = _DOC_TYPE_TAIL.search(text)
    if tail:  # "…的通知" stays together on the last line
        bad.update(range(tail.start() + 1, tail.end()))
    for i, ch in enumerate(text):
        if ch in "、，,。：:；;）)》」』”！？!?":  # no punctuation at a line start
            bad.add(i)
        if ch in "《（(「『“":  # no opening bracket at a line end
            bad.add(i + 1)
    return bad


def split_title(text: str, max_width: float = 20.0) -> list[str]:
    """Break a long title into lines that fit ``max_width`` em, at sensible places, balanced.

    GB/T 9704 asks for titles broken "词意完整、排列对称" — whole words, a trapezoid or diamond
    shape. The rule here: breaks are scored (rule-based places are free, jieba word boundaries cost
    a little, anything else a lot and only as a last resort), numbers/Latin/protected words are
    never split, and among the fewest lines that fit, the most even split wins, with a slight
    preference for a longer last line (a 正梯形). Explicit ``\\n`` in the title is respected as is.
    """
    text = text.strip()
    if "\n" in text:
        return [line.strip() for line in text.splitlines() if line.strip()]
    total = text_width(text)
    if total <= max_width:
        return [text]

    n = len(text)
    good: set[int] = set()
    for rx in _GOOD_BREAKS:
        good.update(m.start() for m in rx.finditer(text))
    best_breaks = {m.start() for m in _BEST_BREAKS.finditer(text) if m.start() >= 4}
    soft = _segment_boundaries(text)
    bad = _forbidden_breaks(text)

    def cost_of(pos: int) -> float | None:
        if pos <= 0 or pos >= n or pos in bad:
            return None
        if pos in best_breaks:
            return -30.0
        if pos in good:
            return 0.0
        if pos in soft:
            return 6.0
        return 400.0

    widths = [0.0]
    for ch in text:
        widths.append(widths[-1] + _char_width(ch))

    def width(a: int, b: int) -> float:
        return widths[b] - widths[a]

    candidates = [p for p in range(1, n) if cost_of(p) is not None]
    min_lines = max(2, math.ceil(total / max_width))
    chosen: tuple[float, list[int]] | None = None
    for lines in range(min_lines, min_lines + 3):
        target = total / lines
        # best[(k, pos)] = (cost, breaks) for k lines ending exactly at pos
        best: dict[tuple[int, int], tuple[float, list[int]]] = {(0, 0): (0.0, [])}
        for k in range(1, lines + 1):
            ends = [n] if k == lines else candidates
            for end in ends:
                for (kk, start), (c0, brk) in list(best.items()):
                    if kk != k - 1 or start >= end:
                        continue
                    w = width(start, end)
                    if w > max_width:
                        continue
                    # evenness, and a mild wish for the last line to be the longest
                    shape = (w - target) ** 2
                    if k == lines and w < target:
                        shape += (target - w) * 0.5
                    c = c0 + shape + (cost_of(start) or 0.0)
                    key = (k, end)
                    if key not in best or c < best[key][0]:
                        best[key] = (c, [*brk, start] if start else brk)
        final = best.get((lines, n))
        if final is not None:
            # an extra line costs about as much as a jarring break inside a word
            score = final[0] + 150.0 * (lines - min_lines)
            if chosen is None or score < chosen[0]:
                chosen = (score, final[1])
    if chosen is None:
        # Pathological input (one unbreakable run longer than a line): let Word wrap it.
        return [text]
    out: list[str] = []
    prev = 0
    for cut in [*chosen[1], n]:
        out.append(text[prev:cut])
        prev = cut
    return out


# ---------------------------------------------------------------------------------------------
# Low-level XML helpers
# ---------------------------------------------------------------------------------------------


def _set_rfonts(rpr: etree._Element, font: str, *, hint_east_asia: bool = True) -> None:
    """Give ``rPr`` one font in all four slots and drop theme fonts (they override names)."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        style = rpr.find(qn("w:rStyle"))  # schema order: rStyle, then rFonts
        if style is not None:
            style.addnext(rfonts)
        else:
            rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), font)
    if hint_east_asia:
        # Ambiguous characters (“” — …) then take the East Asian font: full-width, as in Chinese.
        rfonts.set(qn("w:hint"), "eastAsia")


def _set_run_font(run: Run, font: str, size_pt: float, *, bold: bool = False) -> None:
    run.font.size = Pt(size_pt)
    run.font.bold = bold
    _set_rfonts(run._element.get_or_add_rPr(), font)


def _set_style_font(style: ParagraphStyle, font: str, size_pt: float, *, bold: bool = False) -> None:
    style.font.size = Pt(size_pt)
    style.font.bold = bold
    style.font.italic = False
    _set_rfonts(style.element.get_or_add_rPr(), font)
    # No colour: headings must not inherit Word's blue heading colour.
    rpr = style.element.get_or_add_rPr()
    color = rpr.find(qn("w:color"))
    if color is not None:
        rpr.remove(color)


def _add_field(paragraph: Paragraph, instr: str, placeholder: str, font: str, size_pt: float) -> None:
    """Append a complex field (``w:fldChar`` begin/separate/end) — how Word stores PAGE."""

    def run_with(child: etree._Element) -> None:
        run = paragraph.add_run()
        _set_run_font(run, font, size_pt)
        run._element.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr_el = OxmlElement("w:instrText")
    instr_el.set(qn("xml:space"), "preserve")
    instr_el.text = f" {instr} "
    run_with(instr_el)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    shown = paragraph.add_run(placeholder)
    _set_run_font(shown, font, size_pt)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


# pPr children that must follow w:autoSpaceDE/DN (ECMA-376 CT_PPrBase sequence).
_PPR_AFTER_AUTOSPACE = (
    "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
)  # fmt: skip

Align = Literal["left", "center", "right", "justify"]
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}

# Style names (Chinese, as users see them in Word's style pane) and ASCII style ids.
_STYLES = {
    "title": ("公文标题", "GwTitle"),
    "recipient": ("主送机关", "GwRecipient"),
    "h1": ("一级标题", "GwHeading1"),
    "h2": ("二级标题", "GwHeading2"),
    "h3": ("三级标题", "GwHeading3"),
    "h4": ("四级标题", "GwHeading4"),
    "signature": ("落款", "GwSignature"),
    "attachment": ("附件说明", "GwAttachment"),
    "table": ("表格文字", "GwTableText"),
    "page_number": ("页码", "GwPageNumber"),
}


def text_block_mm(landscape: bool = False) -> float:
    """Width of the text block: 156 mm portrait, 225 mm landscape (A4 less GB/T 9704 margins)."""
    m = LANDSCAPE_MARGINS_TWIPS if landscape else MARGINS_TWIPS
    page = A4_MM[1] if landscape else A4_MM[0]
    return page - (m["left"] + m["right"]) / 1440 * 25.4


def title_lines(text: str, *, landscape: bool = False) -> list[str]:
    """The title broken into the lines :meth:`GongwenDocument.title` prints (for templates, too)."""
    return split_title(text, max_width=math.floor(text_block_mm(landscape) / (TITLE_PT * 25.4 / 72)))


def place_signature(p_unit: Paragraph, p_date: Paragraph, text_width_mm: float) -> None:
    """Indent the 落款 lines by their texts (see :meth:`GongwenDocument.signature` for the rule).

    Public so that a docx template's 落款 is placed after rendering, when the unit's name is known.
    """
    u, d = text_width(p_unit.text), text_width(p_date.text)
    line = text_width_mm / (BODY_PT * 25.4 / 72)  # text block width in characters
    unit_start = line - 2 - u if u - d >= 2 else line - 4 - d
    unit_start = max(unit_start, 0.0)
    p_unit.paragraph_format.left_indent = Pt(unit_start * BODY_PT)
    p_date.paragraph_format.left_indent = Pt(min(unit_start + 2, line - d) * BODY_PT)


def fill_row(template: etree._Element, values: Sequence[object]) -> etree._Element:
    """A copy of a formatted table row (``w:tr``) with its cell texts replaced (line breaks as w:br).

    Each cell keeps its first run's formatting (rPr); further runs are dropped.
    """
    tr = copy.deepcopy(template)
    for tc, value in zip(tr.findall(qn("w:tc")), values, strict=True):
        p = tc.find(qn("w:p"))
        runs = p.findall(qn("w:r"))
        if not runs:
            runs = [OxmlElement("w:r")]
            p.append(runs[0])
        keep = runs[0]
        for extra in runs[1:]:
            p.remove(extra)
        for child in list(keep):
            if child.tag != qn("w:rPr"):
                keep.remove(child)
        text = "" if value is None else str(value)
        for i, line in enumerate(text.split("\n")):
            if i:
                keep.append(OxmlElement("w:br"))
            if line:
                t = OxmlElement("w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = line
                keep.append(t)
    return tr


class GongwenDocument:
    """A GB/T 9704-2012 document being written, top to bottom.

    Typical use::

        doc = GongwenDocument()
        doc.title("关于2024年度巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作的自评报告")
        doc.recipient("市委农村工作领导小组")
        doc.heading1("基本情况")
        doc.paragraph("……")
        doc.signature("县委农村工作领导小组办公室", datetime.date(2024, 5, 12))
        doc.save("自评报告.docx")

    ``landscape=True`` gives an A4 landscape page for catalogues (归档文件目录). ``page_numbers``
    is "center" (internal reports) or "odd_even" (right on odd pages, left on even, one character
    in — the formal GB/T 9704 placement) or "none".
    """

    def __init__(
        self,
        landscape: bool = False,
        *,
        page_numbers: Literal["center", "odd_even", "none"] = "center",
    ) -> None:
        self._doc: DocxDocument = Document()
        self.landscape = landscape
        self._counters = [0, 0, 0, 0]
        self._tables: dict[tuple[object, ...], etree._Element] = {}  # formatted table per shape
        # The body holds only what the caller adds (python-docx's template has no text, but be sure).
        for p in list(self._doc.paragraphs):
            p._element.getparent().remove(p._element)
        cp = self._doc.core_properties  # not "python-docx", 2013: the file says who made it and when
        cp.author = cp.last_modified_by = "archivist"
        cp.language = "zh-CN"
        cp.created = cp.modified = _dt.datetime.now(_dt.UTC).replace(microsecond=0, tzinfo=None)
        cp.revision = 1
        self._setup_page()
        self._setup_defaults()
        self._setup_styles()
        self._setup_font_table()
        if page_numbers != "none":
            self._setup_page_numbers(odd_even=page_numbers == "odd_even")

    # -- setup ---------------------------------------------------------------------------------

    @property
    def document(self) -> DocxDocument:
        """The underlying python-docx document, for generators that need more than the builder."""
        return self._doc

    @property
    def text_width_mm(self) -> float:
        """Width of the text block (156 mm portrait, 225 mm landscape) — for table columns."""
        sec = self._doc.sections[0]
        return (sec.page_width - sec.left_margin - sec.right_margin) / Mm(1)

    def _setup_page(self) -> None:
        sec = self._doc.sections[0]
        w, h = A4_MM
        margins = MARGINS_TWIPS
        if self.landscape:
            sec.orientation = WD_ORIENT.LANDSCAPE
            sec.page_width, sec.page_height = Mm(h), Mm(w)
            margins = LANDSCAPE_MARGINS_TWIPS
        else:
            sec.orientation = WD_ORIENT.PORTRAIT
            sec.page_width, sec.page_height = Mm(w), Mm(h)
        sec.top_margin = Twips(margins["top"])
        sec.bottom_margin = Twips(margins["bottom"])
        sec.left_margin = Twips(margins["left"])
        sec.right_margin = Twips(margins["right"])
        sec.gutter = Twips(0)
        sec.header_distance = Mm(15)
        # The page number's dash sits 7 mm below the text block: footer baseline area starts at
        # (bottom margin − 7 mm − one 14 pt line ≈ 5 mm) from the page edge.
        bottom_mm = sec.bottom_margin / Mm(1)
        sec.footer_distance = Mm(max(bottom_mm - 7 - 5, 5))

    def _setup_defaults(self) -> None:
        styles_el = self._doc.styles.element
        rpr_default = styles_el.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr_default is not None:
            _set_rfonts(rpr_default, FANGSONG)
            sz = rpr_default.find(qn("w:sz"))
            if sz is not None:
                sz.set(qn("w:val"), str(int(BODY_PT * 2)))
            szcs = rpr_default.find(qn("w:szCs"))
            if szcs is not None:
                szcs.set(qn("w:val"), str(int(BODY_PT * 2)))
            lang = rpr_default.find(qn("w:lang"))
            if lang is not None:
                lang.set(qn("w:eastAsia"), "zh-CN")
        ppr_default = styles_el.find(qn("w:docDefaults") + "/" + qn("w:pPrDefault") + "/" + qn("w:pPr"))
        if ppr_default is not None:
            spacing = ppr_default.find(qn("w:spacing"))
            if spacing is not None:
                ppr_default.remove(spacing)
        # Built-in styles (Heading 1, Title, …) stay available to users but lose their theme fonts,
        # so whatever a user applies falls back to 仿宋_GB2312 rather than Calibri/MS Mincho.
        for rfonts in styles_el.iter(qn("w:rFonts")):
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                rfonts.attrib.pop(qn(attr), None)
        # Theme East Asian language zh-CN instead of ja-JP: no MS Mincho fallback anywhere.
        settings = self._doc.settings.element
        tfl = settings.find(qn("w:themeFontLang"))
        if tfl is not None:
            tfl.set(qn("w:eastAsia"), "zh-CN")

        normal = self._doc.styles["Normal"]
        assert isinstance(normal, ParagraphStyle)
        _set_style_font(normal, FANGSONG, BODY_PT)
        pf = normal.paragraph_format
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(LINE_PT)
        pf.space_before = Pt(0)
        pf.space_after = Pt(0)
        pf.first_line_indent = Pt(2 * BODY_PT)
        pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        pf.widow_control = False  # offices fill pages line by line; no orphan juggling
        self._set_first_line_chars(normal.element.get_or_add_pPr(), 200)
        # No automatic extra space between Chinese and Latin/digits: dates and the 落款 keep their
        # computed widths, lines keep the character count, and "86户" is not extracted as "86 户".
        ppr = normal.element.get_or_add_pPr()
        for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
            el = OxmlElement(tag)
            el.set(qn("w:val"), "0")
            ppr.insert_element_before(el, *_PPR_AFTER_AUTOSPACE)

    @staticmethod
    def _set_first_line_chars(ppr: etree._Element, hundredths: int) -> None:
        """Also record the indent in character units (w:firstLineChars) as Word/WPS do."""
        ind = ppr.get_or_add_ind()  # type: ignore[attr-defined]
        ind.set(qn("w:firstLineChars"), str(hundredths))
        if hundredths == 0:
            ind.set(qn("w:firstLine"), "0")

    def _style(self, key: str) -> ParagraphStyle:
        name, _sid = _STYLES[key]
        style = self._doc.styles[name]
        assert isinstance(style, ParagraphStyle)
        return style

    def _add_style(
        self,
        key: str,
        font: str,
        size_pt: float,
        *,
        align: Align = "justify",
        indent_chars: float = 2,
        line_pt: float = LINE_PT,
        outline_level: int | None = None,
        keep_with_next: bool = False,
    ) -> ParagraphStyle:
        name, sid = _STYLES[key]
        style = self._doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        assert isinstance(style, ParagraphStyle)
        style.style_id = sid
        style.base_style = self._doc.styles["Normal"]
        style.quick_style = True
        _set_style_font(style, font, size_pt)
        pf = style.paragraph_format
        pf.alignment = _ALIGN[align]
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(line_pt)
        pf.first_line_indent = Pt(indent_chars * BODY_PT)
        pf.keep_with_next = keep_with_next
        self._set_first_line_chars(style.element.get_or_add_pPr(), int(indent_chars * 100))
        if outline_level is not None:
            # Outline levels make the headings show in Word's navigation pane and in a TOC.
            ppr = style.element.get_or_add_pPr()
            ppr.get_or_add_outlineLvl().set(qn("w:val"), str(outline_level))
        return style

    def _setup_styles(self) -> None:
        self._add_style("title", XIAOBIAOSONG, TITLE_PT, align="center", indent_chars=0, line_pt=TITLE_LINE_PT)
        self._add_style("recipient", FANGSONG, BODY_PT, align="left", indent_chars=0)
        self._add_style("h1", HEITI, BODY_PT, outline_level=0, keep_with_next=True)
        self._add_style("h2", KAITI, BODY_PT, outline_level=1, keep_with_next=True)
        self._add_style("h3", FANGSONG, BODY_PT, outline_level=2)
        self._add_style("h4", FANGSONG, BODY_PT, outline_level=3)
        self._add_style("signature", FANGSONG, BODY_PT, align="left", indent_chars=0)
        self._add_style("attachment", FANGSONG, BODY_PT, align="left")
        table_style = self._add_style("table", FANGSONG, 12, align="left", indent_chars=0)
        table_style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        table_style.paragraph_format.space_before = Pt(2)
        table_style.paragraph_format.space_after = Pt(2)
        self._add_style("page_number", SONGTI, PAGE_NUMBER_PT, align="center", indent_chars=0)

    def _setup_font_table(self) -> None:
        part = None
        for rel in self._doc.part.rels.values():
            if rel.reltype.endswith("/fontTable"):
                part = rel.target_part
                break
        if part is None:  # pragma: no cover - the default template has one
            return
        root = etree.fromstring(part.blob)
        existing = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
        for name, (alt, family) in _FONT_TABLE.items():
            if name in existing:
                continue
            font = OxmlElement("w:font")
            font.set(qn("w:name"), name)
            for tag, val in (("w:altName", alt), ("w:charset", "86"), ("w:family", family), ("w:pitch", "variable")):
                child = OxmlElement(tag)
                child.set(qn("w:val"), val)
                font.append(child)
            root.append(font)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _setup_page_numbers(self, *, odd_even: bool) -> None:
        sec = self._doc.sections[0]
        style = self._style("page_number")

        def fill(paragraph: Paragraph, align: Align) -> None:
            paragraph.style = style
            paragraph.alignment = _ALIGN[align]
            pf = paragraph.paragraph_format
            if align == "right":
                pf.right_indent = Pt(PAGE_NUMBER_PT)
            elif align == "left":
                pf.left_indent = Pt(PAGE_NUMBER_PT)
            # GB/T 9704: "— 1 —", half-width digits between em dashes (一字线), 四号 宋体.
            lead = paragraph.add_run("— ")
            _set_run_font(lead, SONGTI, PAGE_NUMBER_PT)
            _add_field(paragraph, "PAGE", "1", SONGTI, PAGE_NUMBER_PT)
            tail = paragraph.add_run(" —")
            _set_run_font(tail, SONGTI, PAGE_NUMBER_PT)

        if odd_even:
            self._doc.settings.odd_and_even_pages_header_footer = True
            fill(sec.footer.paragraphs[0], "right")
            fill(sec.even_page_footer.paragraphs[0], "left")
        else:
            fill(sec.footer.paragraphs[0], "center")

    # -- content ---------------------------------------------------------------------------------

    def _para(self, key: str, text: str = "", font: str | None = None, size_pt: float = BODY_PT) -> Paragraph:
        p = self._doc.add_paragraph(style=self._style(key))
        if text:
            self._run(p, text, font or FANGSONG, size_pt)
        return p

    @staticmethod
    def _run(paragraph: Paragraph, text: str, font: str, size_pt: float = BODY_PT, *, bold: bool = False) -> Run:
        run = paragraph.add_run(text)
        _set_run_font(run, font, size_pt, bold=bold)
        return run

    def blank_line(self) -> Paragraph:
        """One empty body line (the standard's 空一行 before recipient, attachments, 落款)."""
        return self._doc.add_paragraph(style=self._doc.styles["Normal"])

    def title(self, text: str, *, blank_after: bool = True) -> list[Paragraph]:
        """The title (标题): 二号 方正小标宋简体, centred, broken into balanced lines.

        One paragraph per line (not a soft break) so each line centres on its own and Word users can
        adjust the break. A blank line follows, where GB/T 9704 puts the recipient.
        """
        lines = title_lines(text, landscape=self.landscape)
        out = [self._para("title", line, XIAOBIAOSONG, TITLE_PT) for line in lines]
        if not self._doc.core_properties.title:
            self._doc.core_properties.title = "".join(lines)
        if blank_after:
            self.blank_line()
        return out

    def recipient(self, text: str) -> Paragraph:
        """主送机关: flush left, ends with a full-width colon."""
        text = text.strip().rstrip(":：")
        return self._para("recipient", text + "：")

    def _heading(self, level: int, text: str, body: str | None) -> Paragraph:
        self._counters[level - 1] += 1
        for i in range(level, len(self._counters)):
            self._counters[i] = 0
        n = self._counters[level - 1]
        return self.heading_line(level, heading_prefix(level, n) + run_in(text, body), body)

    def heading_line(self, level: int, text: str, body: str | None = None) -> Paragraph:
        """A heading paragraph whose number is already in ``text`` (pre-numbered data, templates).

        Same style and face as :meth:`heading1` … :meth:`heading4`, but the counters are not used.
        """
        font = {1: HEITI, 2: KAITI, 3: FANGSONG, 4: FANGSONG}[level]
        p = self._para(f"h{level}", text, font)
        if body:
            # Run-in heading ("1.标题。正文…"): the body keeps 仿宋 after the heading's own face.
            self._run(p, body, FANGSONG)
            p.paragraph_format.keep_with_next = False
        return p

    def heading1(self, text: str, body: str | None = None) -> Paragraph:
        """一级标题 "一、…" in 黑体 (no bold); resets the lower counters."""
        return self._heading(1, text, body)

    def heading2(self, text: str, body: str | None = None) -> Paragraph:
        """二级标题 "（一）…" in 楷体_GB2312; ``body`` continues in 仿宋 on the same line."""
        return self._heading(2, text, body)

    def heading3(self, text: str, body: str | None = None) -> Paragraph:
        """三级标题 "1.…" in 仿宋_GB2312."""
        return self._heading(3, text, body)

    def heading4(self, text: str, body: str | None = None) -> Paragraph:
        """四级标题 "（1）…" in 仿宋_GB2312."""
        return self._heading(4, text, body)

    def paragraph(self, text: str, *, indent: bool = True, align: Align = "justify") -> Paragraph:
        """A body paragraph: 三号 仿宋_GB2312, first line indented two characters."""
        p = self._doc.add_paragraph(style=self._doc.styles["Normal"])
        if not indent:
            p.paragraph_format.first_line_indent = Pt(0)
            self._set_first_line_chars(p._element.get_or_add_pPr(), 0)
        if align != "justify":
            p.alignment = _ALIGN[align]
        for i, line in enumerate(text.split("\n")):
            if i:  # an explicit newline is a line break inside the paragraph, not a new one
                p.add_run().add_break()
            self._run(p, line, FANGSONG)
        return p

    def table(
        self,
        header: Sequence[str],
        rows: Iterable[Sequence[object]],
        col_widths_mm: Sequence[float] | None = None,
        font_size_pt: float = 12,
        *,
        align: Sequence[Align] | None = None,
        header_font: str = HEITI,
    ) -> Table:
        """A bordered table whose header row repeats on every page (w:tblHeader).

        ``font_size_pt`` is 10.5 (五号) or 12 (小四) in practice; cells use 仿宋_GB2312 and the header
        黑体. ``col_widths_mm`` defaults to equal columns over the text block; widths are fixed
        (w:tblLayout fixed) so Word and LibreOffice lay the catalogue out identically.
        """
        ncols = len(header)
        if col_widths_mm is None:
            col_widths_mm = [self.text_width_mm / ncols] * ncols
        if len(col_widths_mm) != ncols:
            raise ValueError(f"{ncols} columns but {len(col_widths_mm)} widths")
        aligns: Sequence[Align] = align if align is not None else ["left"] * ncols
        body_rows = [list(r) for r in rows]
        for r, values in enumerate(body_rows, start=1):
            if len(values) != ncols:
                raise ValueError(f"row {r} has {len(values)} cells, header has {ncols}")
        # Tables of one shape (the catalogue prints one per indicator) are formatted once per
        # document: later ones are copies of the first one's header and row, with texts replaced.
        key = (tuple(header), tuple(round(w, 2) for w in col_widths_mm), font_size_pt, tuple(aligns), header_font)
        cached = self._tables.get(key)
        if cached is not None:
            tbl = copy.deepcopy(cached)
            row_template = tbl.findall(qn("w:tr"))[1]
            tbl.remove(row_template)
            for values in body_rows:
                tbl.append(fill_row(row_template, values))
            body = self._doc.element.body
            sect = body.find(qn("w:sectPr"))
            if sect is not None:
                sect.addprevious(tbl)
            else:
                body.append(tbl)
            return Table(tbl, self._doc._body)
        table = self._doc.add_table(rows=2, cols=ncols)
        table.style = self._doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        tbl_pr = table._tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tbl_pr.insert_element_before(layout, "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
        # 1 mm cell padding instead of Word's 1.9 mm: catalogue columns (日期 20240512, 页数) are narrow.
        margins = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            m = OxmlElement(f"w:{side}")
            m.set(qn("w:w"), str(CELL_PADDING_TWIPS))
            m.set(qn("w:type"), "dxa")
            margins.append(m)
        tbl_pr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")
        for idx, gc in enumerate(table._tbl.tblGrid.findall(qn("w:gridCol"))):
            gc.set(qn("w:w"), str(int(Mm(col_widths_mm[idx]).twips)))

        table_style_id = self._style("table").style_id  # looked up once: python-docx scans all styles

        def fill(cell_row: int, values: Sequence[object], *, is_header: bool) -> None:
            row = table.rows[cell_row]
            tr_pr = row._tr.get_or_add_trPr()
            cant_split = OxmlElement("w:cantSplit")
            tr_pr.append(cant_split)
            if is_header:
                tr_pr.append(OxmlElement("w:tblHeader"))
            for c, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                cell.width = Mm(col_widths_mm[c])
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                p = cell.paragraphs[0]
                p._p.style = table_style_id
                p.alignment = _ALIGN["center" if is_header else aligns[c]]
                text = "" if value is None else str(value)
                for i, line in enumerate(text.split("\n")):
                    if i:
                        p.add_run().add_break()
                    self._run(p, line, header_font if is_header else FANGSONG, font_size_pt)

        # Only the header and the first data row go through python-docx (all the formatting lives
        # there); every further row is a deep copy of the first with its texts replaced — identical
        # XML, about a thousand times faster than formatting cell by cell (500-row catalogues).
        fill(0, header, is_header=True)
        fill(1, body_rows[0] if body_rows else [""] * ncols, is_header=False)
        self._tables[key] = copy.deepcopy(table._tbl)
        if not body_rows:
            table._tbl.remove(table._tbl.findall(qn("w:tr"))[1])
        else:
            template = table._tbl.findall(qn("w:tr"))[1]
            for values in body_rows[1:]:
                table._tbl.append(fill_row(template, values))
        return table

    def attachments(self, names: Sequence[str]) -> list[Paragraph]:
        """附件说明: a blank line, then "附件：1．…" with later items aligned under the first name.

        No closing punctuation after names (GB/T 9704 7.3.4); a single attachment takes no number.
        """
        names = [n.strip().rstrip("。.；;，,") for n in names if n.strip()]
        if not names:
            return []
        self.blank_line()
        out: list[Paragraph] = []
        label = "附件："
        if len(names) == 1:
            out.append(self._para("attachment", label + names[0]))
            return out
        hang = text_width(label) * BODY_PT
        for i, name in enumerate(names, start=1):
            p = self._para("attachment", (label if i == 1 else "") + f"{i}．{name}")
            if i > 1:
                pf = p.paragraph_format
                pf.left_indent = Pt(hang)
                # first line starts two characters in, like the "附件" line above it
                ind = p._element.get_or_add_pPr().find(qn("w:ind"))
                if ind is not None:
                    ind.attrib.pop(qn("w:firstLineChars"), None)
            out.append(p)
        return out

    def signature(self, unit: str, date: _dt.date, *, blank_before: bool = True) -> tuple[Paragraph, Paragraph]:
        """落款 without a seal (GB/T 9704 7.3.5.2): unit two characters in from the right, date below.

        The standard defines the date by its *first* character: two characters right of the unit's
        first character; when the date is the longer of the two, the date keeps two characters from
        the right and the unit moves left instead. So both lines are left-aligned with computed left
        indents (a right-aligned date would drift wherever a renderer sets digits wider — LibreOffice
        ignores w:autoSpaceDN and adds space between digits and Han characters). "Longer" is read as
        "would come closer than two characters to the right edge": a date that ends flush with the
        margin wraps as soon as a renderer sets it a little wider.
        """
        date_text = format_cn_date(date)
        if blank_before:
            self.blank_line()
        p_unit = self._para("signature", unit)
        p_date = self._para("signature", date_text)
        place_signature(p_unit, p_date, self.text_width_mm)
        return p_unit, p_date

    def page_break(self) -> None:
        """Start a new page (a run-level page break in its own paragraph)."""
        p = self._doc.add_paragraph(style=self._doc.styles["Normal"])
        p.add_run().add_break(WD_BREAK.PAGE)

    def save(self, path: str | Path) -> Path:
        """Write the .docx (parents created) and return its path."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._doc.save(str(path))
        return path


# ---------------------------------------------------------------------------------------------
# 红头 and 版记 of an issued document (GB/T 9704 7.2, 7.4)
# ---------------------------------------------------------------------------------------------

RED = "FF0000"
MARK_MAX_PT = 42.0  # 发文机关标志: as large as fits the text block, at most about 小初
MARK_LINE_FACTOR = 1.25
MARK_TOP_MM = 35.0  # 发文机关标志上边缘至版心上边缘 35 mm (下行文)
RULE_GAP_MM = 4.0  # 红色分隔线 4 mm under the 发文字号
RECORD_PT = 14.0  # 版记 四号 仿宋
THICK_RULE = 8  # w:sz in eighths of a point: ≈ 0.35 mm (首条、末条分隔线)
THIN_RULE = 6  # ≈ 0.25 mm (中间分隔线)


@dataclass(frozen=True)
class RedHeader:
    """What the 版头 and 版记 of an issued document print (from ``[documents]`` in archivist.toml)."""

    mark: str  # 发文机关标志, e.g. "青山县委农村工作领导小组办公室文件"
    number: str  # 发文字号, e.g. "青农办〔2025〕3号"
    cc: list[str]  # 抄送机关
    printer: str  # 印发机关
    printed: _dt.date  # 印发日期


def _border(paragraph: Paragraph, side: str, size: int, color: str, space_pt: float = 0) -> None:
    ppr = paragraph._element.get_or_add_pPr()
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = OxmlElement("w:pBdr")
        # CT_PPrBase order: pBdr comes after pStyle/keepNext/…/numPr/suppressLineNumbers
        anchor = next((ppr.find(qn(t)) for t in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                                                  "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
                                                  "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                                                  "w:snapToGrid", "w:spacing", "w:ind", "w:jc")
                       if ppr.find(qn(t)) is not None), None)
        if anchor is not None:
            anchor.addprevious(bdr)
        else:
            ppr.append(bdr)
    line = OxmlElement(f"w:{side}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(size))
    line.set(qn("w:space"), str(int(round(space_pt))))
    line.set(qn("w:color"), color)
    bdr.append(line)


def _plain(paragraph: Paragraph, align: Align, line_pt: float) -> None:
    """No first-line indent, the given alignment and an exact line pitch (GB/T 9704 fixed lines)."""
    pf = paragraph.paragraph_format
    pf.first_line_indent = Pt(0)
    GongwenDocument._set_first_line_chars(paragraph._element.get_or_add_pPr(), 0)
    paragraph.alignment = _ALIGN[align]
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(line_pt)
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)


def _text_width_mm(document: DocxDocument) -> float:
    sec = document.sections[0]
    return (sec.page_width - sec.left_margin - sec.right_margin) / Mm(1)


def apply_red_header(document: DocxDocument, header: RedHeader) -> None:
    """Turn a draft into an issued document: the 版头 above the title, the 版记 after the body.

    版头: the 发文机关标志 in red 方正小标宋简体, centred, as large as fits; two blank lines; the
    发文字号 centred in 仿宋; a red rule the width of the text block 4 mm under it; two blank lines;
    then the title that was already there. 版记: 抄送 (四号, one character in from each side, a full
    stop after the last name) between a thick and a thin rule, then the 印发机关 one character from the
    left and "…日印发" one from the right above the closing thick rule. The 版记 stands at the foot
    of the last page (GB/T 9704 7.4), in a floating table both Word and LibreOffice place there
    (:func:`at_page_foot`).
    """
    width_mm = _text_width_mm(document)
    first = next((p for p in document.paragraphs if p.text.strip()), None)
    if first is None:
        return
    width_pt = width_mm / 25.4 * 72
    size = min(MARK_MAX_PT, math.floor(width_pt / max(text_width(header.mark), 1.0)))
    mark = first.insert_paragraph_before()
    line = max(size * MARK_LINE_FACTOR, 30.0)
    _plain(mark, "center", line)
    # the glyphs' top edge 35 mm under the text block's: the exact line's spare room sits above them
    mark.paragraph_format.space_before = Pt(max(MARK_TOP_MM / 25.4 * 72 - (line - size), 0))
    run = mark.add_run(header.mark)
    _set_run_font(run, XIAOBIAOSONG, size)
    run.font.color.rgb = RGBColor.from_string(RED)
    for _ in range(2):
        _plain(first.insert_paragraph_before(), "center", LINE_PT)
    number = first.insert_paragraph_before()
    _plain(number, "center", LINE_PT)
    _set_run_font(number.add_run(header.number), FANGSONG, BODY_PT)
    _border(number, "bottom", 18, RED, RULE_GAP_MM / 25.4 * 72)
    for _ in range(2):
        _plain(first.insert_paragraph_before(), "center", LINE_PT)

    rows: list[Paragraph] = []
    if header.cc:
        cc = document.add_paragraph()
        _plain(cc, "left", LINE_PT)
        label = "抄送："
        cc.paragraph_format.left_indent = Pt(RECORD_PT * (1 + text_width(label)))
        cc.paragraph_format.first_line_indent = Pt(-RECORD_PT * text_width(label))
        cc.paragraph_format.right_indent = Pt(RECORD_PT)
        _set_run_font(cc.add_run(label + "，".join(header.cc).rstrip("。") + "。"), FANGSONG, RECORD_PT)
        rows.append(cc)
    printed = document.add_paragraph()
    _plain(printed, "left", LINE_PT)
    printed.paragraph_format.left_indent = Pt(RECORD_PT)
    printed.paragraph_format.right_indent = Pt(RECORD_PT)
    tab_mm = width_mm - 2 * RECORD_PT / 72 * 25.4
    printed.paragraph_format.tab_stops.add_tab_stop(Mm(tab_mm), WD_TAB_ALIGNMENT.RIGHT)
    _set_run_font(printed.add_run(f"{header.printer}\t{format_cn_date(header.printed)}印发"), FANGSONG, RECORD_PT)
    rows.append(printed)
    _border(rows[0], "top", THICK_RULE, "000000", 1)
    if len(rows) == 2:
        _border(rows[0], "bottom", THIN_RULE, "000000", 1)
    _border(rows[-1], "bottom", THICK_RULE, "000000", 1)
    for p in rows:
        p.paragraph_format.keep_together = True
    rows[0].paragraph_format.keep_with_next = True
    rows[0].paragraph_format.space_before = Pt(LINE_PT)
    at_page_foot(document, rows)


def _element(tag: str, **attrs: str) -> etree._Element:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(key), value)
    return el


def at_page_foot(document: DocxDocument, paragraphs: Sequence[Paragraph]) -> None:
    """Move ``paragraphs`` (the 版记) to the foot of the page they end on: into a one-cell floating table
    positioned at the bottom of the text block (GB/T 9704 7.4: 版记 at the bottom of the last page).

    What both Word and LibreOffice honour, measured by rendering: a floating table (``w:tblpPr``)
    with ``tblpYSpec="bottom"`` relative to the margin. LibreOffice turns a floating table into a
    positioned frame only when it is narrower than the text block or placed relative to the page, so
    its horizontal place is given from the page edge (the left margin) and it keeps the full width
    of the text block, as the 版记's rules must. A paragraph frame (``w:framePr``) with an absolute
    position and a section with ``w:vAlign="bottom"`` are both ignored by LibreOffice 7.4. The
    table is anchored to an empty, hairline-high paragraph after it (a body must end in a
    paragraph), so the 版记 lands on the page where the text ends; when that page is full it moves
    to the foot of the next page with the anchor.
    """
    if not paragraphs:
        return
    sec = document.sections[-1]
    width = int((sec.page_width - sec.left_margin - sec.right_margin) / Twips(1))
    left = int(sec.left_margin / Twips(1))
    tbl = _element("w:tbl")
    pr = _element("w:tblPr")
    pr.append(_element("w:tblpPr", **{"w:leftFromText": "0", "w:rightFromText": "0", "w:topFromText": "0",
                                      "w:bottomFromText": "0", "w:vertAnchor": "margin", "w:horzAnchor": "page",
                                      "w:tblpX": str(left), "w:tblpYSpec": "bottom"}))
    pr.append(_element("w:tblOverlap", **{"w:val": "never"}))
    pr.append(_element("w:tblW", **{"w:w": str(width), "w:type": "dxa"}))
    borders = _element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_element(f"w:{side}", **{"w:val": "nil"}))
    pr.append(borders)
    pr.append(_element("w:tblLayout", **{"w:type": "fixed"}))
    margins = _element("w:tblCellMar")
    for side in ("left", "right"):
        margins.append(_element(f"w:{side}", **{"w:w": "0", "w:type": "dxa"}))
    pr.append(margins)
    tbl.append(pr)
    grid = _element("w:tblGrid")
    grid.append(_element("w:gridCol", **{"w:w": str(width)}))
    tbl.append(grid)
    tr = _element("w:tr")
    tr_pr = _element("w:trPr")
    tr_pr.append(_element("w:cantSplit"))
    tr.append(tr_pr)
    tc = _element("w:tc")
    tc_pr = _element("w:tcPr")
    tc_pr.append(_element("w:tcW", **{"w:w": str(width), "w:type": "dxa"}))
    tc.append(tc_pr)
    tr.append(tc)
    tbl.append(tr)
    first = paragraphs[0]._element
    first.addprevious(tbl)
    for p in paragraphs:
        tc.append(p._element)
    anchor = Paragraph(_element("w:p"), paragraphs[0]._parent)
    tbl.addnext(anchor._element)
    _plain(anchor, "left", 1)
