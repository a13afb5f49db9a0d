"""Word .docx: body paragraphs and tables in reading order, text boxes, headers/footers, notes.

Text is read from the XML rather than python-docx's Paragraph.text so that content controls
(w:sdt), tracked insertions and text boxes are included and deleted text and field codes are not.
Chinese red-header documents (红头文件) often put the issuing unit or even the title in a text box.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from lxml import etree

from archivist.intake.extract._common import Options, clean_title, han_count
from archivist.intake.extract._ooxml import check_ooxml
from archivist.model import Extraction, ExtractionError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_NS = {"w": W, "mc": MC}


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


_T, _TAB, _BR, _CR, _P, _TBL, _TR, _TC, _SDT, _SDTCONTENT = (
    _q(t) for t in ("t", "tab", "br", "cr", "p", "tbl", "tr", "tc", "sdt", "sdtContent")
)
# Subtrees whose text is not part of the visible paragraph: deletions, field instructions, text
# boxes (collected separately), and the duplicate legacy copy of drawings (mc:Fallback).
_SKIP = {_q("del"), _q("delText"), _q("instrText"), _q("txbxContent"), f"{{{MC}}}Fallback", _q("rPr"), _q("pPr")}
# Elements that wrap block-level content (content controls, custom XML, tracked insertions).
_BLOCK_WRAPPERS = {_SDTCONTENT, _q("customXml"), _q("ins"), _q("smartTag")}
# Nested blocks inside a paragraph's run tree that would otherwise be flattened into it.
_BLOCKS = {_P, _TBL}

_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)

# Lines of a red-header document that are formatted like a title but are not the title.
_DOC_NUMBER = re.compile(r"[〔\[［【(（]\s*(19|20)\d{2}\s*[〕\]］】)）]\s*\d+\s*号")
_DATE_LINE = re.compile(r"^((19|20)\d{2}|[二〇○零一]{4})\s*年.{1,3}月.{1,3}日$")
_NOT_TITLE = re.compile(r"(文件|签发人.*|^附件.*|^抄送.*|：|:|此件公开发布|^（.*）$|^密级.*|^机密.*|^特急.*|^加急.*)$")


def paragraph_text(p: etree._Element) -> str:
    """Visible text of one w:p: w:t runs, tabs and breaks, without deleted text or field codes."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == _T:
                parts.append(child.text or "")
            elif tag == _TAB:
                parts.append("\t")
            elif tag in (_BR, _CR):
                parts.append("\n")
            elif tag in _BLOCKS:
                continue
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def block_lines(container: etree._Element) -> list[str]:
    """Lines of a block container (body, cell, header, sdtContent) in document order.

    Table rows become one line each with cells separated by tabs; a cell's own paragraphs are
    joined with newlines inside it.
    """
    lines: list[str] = []
    for child in container:
        tag = child.tag
        if tag == _P:
            lines.append(paragraph_text(child))
        elif tag == _TBL:
            lines.extend(table_lines(child))
        elif tag == _SDT:
            content = child.find(_SDTCONTENT)
            if content is not None:
                lines.extend(block_lines(content))
        elif tag in _BLOCK_WRAPPERS:
            lines.extend(block_lines(child))
    return lines


def table_lines(tbl: etree._Element) -> list[str]:
    rows: list[str] = []
    for tr in tbl.iter(_TR):
        if _nearest_table(tr) is not tbl:
            continue  # a row of a nested table: emitted inside its cell
        cells = []
        for tc in tr.iter(_TC):
            if _nearest_row(tc) is not tr:
                continue
            cells.append("\n".join(line for line in block_lines(tc) if line.strip()).strip())
        if any(cells):
            rows.append("\t".join(cells))
    return rows


def _nearest_table(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != _TBL:
        parent = parent.getparent()
    return parent


def _nearest_row(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != _TR:
        parent = parent.getparent()
    return parent


def textbox_lines(root: etree._Element) -> list[str]:
    lines: list[str] = []
    for box in root.iter(_q("txbxContent")):
        if any(anc.tag == f"{{{MC}}}Fallback" for anc in box.iterancestors()):
            continue
        lines.extend(block_lines(box))
    return lines


def extract(path: Path, opts: Options) -> Extraction:
    check_ooxml(path, "Word文档")
    import docx  # python-docx; imported late so that identify/text do not pay for it

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises KeyError/ValueError/lxml errors on damaged parts
        raise ExtractionError(
            f"Word文档已损坏或格式不受支持（{type(exc).__name__}）", "请用Word/WPS打开后另存为.docx再报送"
        ) from exc

    body = document.element.body
    warnings: list[str] = []
    body_lines = block_lines(body)
    boxes = textbox_lines(body)
    header_lines, note_lines = _story_lines(document, warnings)

    sections = []
    if boxes:
        sections.append("\n".join(boxes))
    sections.append("\n".join(body_lines))
    if note_lines:
        sections.append("\n".join(note_lines))
    if header_lines:
        sections.append("\n".join(header_lines))
    text = "\n".join(s for s in sections if s.strip())
    text = re.sub(r"\n{3,}", "\n\n", text).strip()

    core = document.core_properties
    meta: dict[str, Any] = {}
    if core.author:
        meta["author"] = core.author
    if core.last_modified_by:
        meta["last_modified_by"] = core.last_modified_by
    if core.created:
        meta["created"] = core.created.date().isoformat()
    if core.modified:
        meta["modified"] = core.modified.date().isoformat()
    core_title = clean_title(core.title)
    if core_title:
        meta["core_title"] = core_title
    meta["tables"] = len(body.findall(_TBL))

    # The visible title is what a reader sees; core.title is often left over from a template, so it
    # only fills in when no formatted title line is found.
    title = _visible_title(document) or core_title
    return Extraction(file_type="docx", text=text, title_hint=title, meta=meta, warnings=warnings)


_STORY_KINDS = {"header": "页眉", "footer": "页脚", "footnotes": "脚注", "endnotes": "尾注"}


def _story_lines(document: Any, warnings: list[str]) -> tuple[list[str], list[str]]:
    """Headers/footers (deduplicated: every section repeats them) and foot/endnotes."""
    headers: list[str] = []
    notes: list[str] = []
    seen: set[str] = set()
    rels = [rel for rel in document.part.rels.values() if not rel.is_external]
    rels = [rel for rel in rels if rel.reltype.rsplit("/", 1)[-1] in _STORY_KINDS]
    rels.sort(key=lambda rel: (list(_STORY_KINDS).index(rel.reltype.rsplit("/", 1)[-1]), str(rel.target_ref)))
    for rel in rels:
        kind = rel.reltype.rsplit("/", 1)[-1]
        part = rel.target_part
        element = getattr(part, "element", None)
        if element is None:
            try:
                element = etree.fromstring(part.blob, _SAFE_PARSER)
            except etree.XMLSyntaxError:
                warnings.append(f"文档的{_STORY_KINDS[kind]}部分已损坏，已跳过")
                continue
        if kind in ("footnotes", "endnotes"):
            # Each note is a w:footnote/w:endnote block container (the separators have no text).
            notes.extend(line for note in element for line in block_lines(note) if line.strip())
            continue
        for line in block_lines(element) + textbox_lines(element):
            if not line.strip():
                continue
            if line not in seen:
                seen.add(line)
                headers.append(line)
    return headers, notes


def _visible_title(document: Any) -> str | None:
    """The first title-looking paragraph: centred and larger than body text, or bold/Title style.

    Skips the red masthead ("XX县乡村振兴局文件"), the document number, the signer line and dates;
    joins a title broken over up to three consecutive lines of the same look.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraphs = [p for p in document.paragraphs if p.text.strip()][:25]
    if not paragraphs:
        return None
    styles: dict[str | None, Any] = {}  # paragraph.style re-scans every style each call: look each id up once

    def style_of(paragraph: Any) -> Any:
        style_id = paragraph._p.style
        if style_id not in styles:
            styles[style_id] = paragraph.style
        return styles[style_id]

    looks = [_look(p, WD_ALIGN_PARAGRAPH.CENTER, style_of(p)) for p in paragraphs]
    sizes = Counter(look[1] for look in looks if look[1])
    body_size = sizes.most_common(1)[0][0] if sizes else 10.5

    def score(i: int) -> int:
        centred, size, bold, styled, red = looks[i]
        if red:
            return 0  # GB/T 9704: the masthead (版头) is red, the title is black
        value = 2 * centred + bold + 2 * styled
        if size and size >= body_size + 2:
            value += 2
        return value

    for i, para in enumerate(paragraphs):
        line = para.text.strip()
        if score(i) < 3 or not _titleish(line):
            continue
        parts = [line]
        j = i + 1
        while j < len(paragraphs) and len(parts) < 3 and looks[j] == looks[i]:
            nxt = paragraphs[j].text.strip()
            if not _titleish(nxt):
                break
            parts.append(nxt)
            j += 1
        return clean_title("".join(parts))
    return None


def _titleish(line: str) -> bool:
    if len(line) < 4 or len(line) > 80 or han_count(line) < 2:
        return False
    if _DOC_NUMBER.search(line) or _DATE_LINE.match(line.replace(" ", "")):
        return False
    return not _NOT_TITLE.search(line)


def _look(paragraph: Any, centre: Any, style: Any) -> tuple[bool, float | None, bool, bool, bool]:
    """(centred, font size in pt, bold, title/heading style, red) with style inheritance resolved."""
    align = paragraph.alignment
    s = style
    while align is None and s is not None:
        align = s.paragraph_format.alignment
        s = s.base_style
    size = None
    bold_runs = []
    red_runs = []
    for run in paragraph.runs:
        if not run.text.strip():
            continue
        try:
            rgb = run.font.color.rgb
        except (AttributeError, ValueError):
            rgb = None
        red_runs.append(rgb is not None and rgb[0] >= 0xB0 and rgb[1] < 0x60 and rgb[2] < 0x60)
        run_size = run.font.size
        s = style
        while run_size is None and s is not None:
            run_size = s.font.size
            s = s.base_style
        if run_size is not None:
            size = max(size or 0.0, run_size.pt)
        bold = run.bold
        s = style
        while bold is None and s is not None:
            bold = s.font.bold
            s = s.base_style
        bold_runs.append(bool(bold))
    name = (style.name or "").lower() if style is not None else ""
    styled = name in ("title", "标题") or name in ("heading 1", "标题 1", "heading1")
    return (align == centre, size, bool(bold_runs) and all(bold_runs), styled, bool(red_runs) and all(red_runs))
