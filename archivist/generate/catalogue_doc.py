"""归档文件目录 (DA/T 22-2015 item catalogue) per indicator, as .docx and .xlsx, and the shared plan.

The catalogue, the dossier, the export and the self-evaluation report must agree on *which* file is
listed under *which* indicator and on its 档号 (archive number): an inspector holding the printed
catalogue, the PDF binder and the ZIP must find item A01-0003 at the same place in all three. So the
grouping (:func:`build_groups`) and the numbering (:func:`archive_numbers`) live here, once, and the
other generators consume them.

Rules, and why:

* An item's home is the indicator it is *filed* under (its folder in the archive). Its 件号 counts
  within that home, in date order (DA/T 22 arranges items by time within a class), so a number does
  not change when a report is restricted to one framework or one indicator.
* A file that also serves other indicators (``links``, or a 后评估 item declaring ``see_also``) is
  listed there too, as a cross reference (互见) carrying the original's 档号: one archived file serves
  both the 实绩考核 and the 后评估 without being copied.
* Evidence dated after the data cut-off (or before the assessment year) stays in the catalogue — it
  *is* archived — with a 备注 saying it does not count; the dossier leaves it out.
* Titles the archivist supplied (no title in the document, the file name used instead) are put in
  square brackets, as DA/T 22 asks.
"""

from __future__ import annotations

import copy
import datetime as _dt
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.shared import Pt
from docx.text.paragraph import Paragraph

from ..assess.status import date_problem, evidence_date, with_period_text
from ..safety import looks_like_formula
from .gongwen import BODY_PT, FANGSONG, HEITI, GongwenDocument, format_cn_date
from .phrases import load_phrases

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..workspace import Workspace

# DA/T 22-2015 item-level columns (密级 left out: inspection evidence is unclassified by rule).
COLUMNS = ("序号", "档号", "文号", "责任者", "题名", "日期", "页数", "备注")
# Widths in mm on the 225 mm landscape text block; 题名 takes what is left.
COLUMN_WIDTHS_MM = (10.0, 46.0, 24.0, 28.0, 0.0, 20.0, 11.0, 22.0)
EXTRA_XLSX_COLUMNS = ("指标代码", "指标名称", "考核方案", "材料编号", "归档位置")
TABLE_PT = 10.5  # 五号: what fits eight columns on a landscape page
EMPTY_TEXT = "暂无佐证材料"

DEFAULT_RETENTION = "D30"  # 保管期限 30 年: DA/T 22 code for 定期30年
DEFAULT_CLASS = "WS"  # 门类代码: 文书


# ---------------------------------------------------------------------------------------------
# The plan: which file goes where, with which number
# ---------------------------------------------------------------------------------------------


@dataclass
class CatalogueEntry:
    """One row of the 归档文件目录: a filed evidence record under one indicator."""

    seq: int
    archive_no: str
    doc_number: str
    unit: str
    title: str
    date8: str
    pages: int | None
    note: str
    record: dict[str, Any]
    cross_ref: bool = False  # 互见: filed under another indicator, listed here too
    excluded: str | None = None  # why it does not count for this year's assessment (cut-off)

    @property
    def id(self) -> str:
        return str(self.record["id"])


@dataclass
class IndicatorGroup:
    """One indicator of a framework and the catalogue entries under it (possibly none)."""

    framework_id: str
    framework_name: str
    category_code: str
    category_name: str
    code: str
    name: str
    lead_unit: str = ""
    entries: list[CatalogueEntry] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"


def _catalogue_settings(ws: Workspace) -> dict[str, Any]:
    """``[catalogue]`` of archivist.toml: fonds (全宗号), retention (保管期限), class code, template."""
    raw = ws.config.raw.get("catalogue", {}) if isinstance(ws.config.raw, dict) else {}
    return raw if isinstance(raw, dict) else {}


def format_archive_number(ws: Workspace, code: str, seq: int) -> str:
    """档号 "全宗号-WS·2024-D30-A01-0001" (DA/T 22: 全宗号—门类代码·年度—保管期限—机构(问题)代码—件号).

    The 问题代码 is the indicator code: the archive is arranged one indicator per box. Without a
    configured 全宗号 the first part is left out rather than invented. ``[catalogue] template`` in
    archivist.toml may replace the whole pattern (fields: fonds, cls, year, retention, code, seq).
    """
    settings = _catalogue_settings(ws)
    fonds = str(settings.get("fonds", "")).strip()
    cls = str(settings.get("class", DEFAULT_CLASS)).strip() or DEFAULT_CLASS
    retention = str(settings.get("retention", DEFAULT_RETENTION)).strip() or DEFAULT_RETENTION
    template = settings.get("template")
    fields = {"fonds": fonds, "cls": cls, "year": ws.config.year, "retention": retention, "code": code, "seq": seq}
    if isinstance(template, str) and template:
        try:
            return template.format(**fields)
        except (KeyError, IndexError, ValueError):
            pass  # a broken template must not stop a catalogue; fall back to the standard form
    parts = [fonds] if fonds else []
    parts += [f"{cls}·{ws.config.year}", retention, code, f"{seq:04d}"]
    return "-".join(parts)


def _sort_key(record: dict[str, Any]) -> tuple[str, str, str, str]:
    return (evidence_date(record) or "9999-99-99", record.get("received_at") or "", record.get("title") or "",
            str(record["id"]))


def archive_numbers(ws: Workspace, records: Iterable[dict[str, Any]]) -> dict[str, tuple[str, int]]:
    """id → (档号, 件号) for filed records, numbered per home indicator in date order.

    Always computed over *all* filed records so that a number does not depend on the scope of the
    report that prints it.
    """
    by_home: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        if record.get("status") == "filed" and record.get("indicator"):
            by_home.setdefault(record["indicator"], []).append(record)
    numbers: dict[str, tuple[str, int]] = {}
    for code, items in by_home.items():
        for seq, record in enumerate(sorted(items, key=_sort_key), start=1):
            numbers[record["id"]] = (format_archive_number(ws, code, seq), seq)
    return numbers


def supplied_titles(catalogue: Catalogue) -> set[str]:
    """Ids of filed records whose title is not found in their own text: the archivist supplied it.

    The intake falls back to the file name when a document carries no recognisable title; DA/T 22
    wants such titles in [ ] so a reader knows they are not the document's words. Whitespace and line
    breaks are ignored (a two-line title is still the document's own); only the top of the text is
    searched, where titles are.
    """
    return catalogue.evidence.supplied_title_ids()


def display_title(record: dict[str, Any], supplied: bool | None = None) -> str:
    """题名 as the catalogue prints it: the document's own, or [title] when the archivist supplied it.

    ``supplied`` comes from :func:`supplied_titles`; without it only a missing title is bracketed
    (then the file name stands in).
    """
    title = (record.get("title") or "").strip()
    if not title:
        stem = Path(record.get("original_name") or "").stem.strip()
        return f"[{stem or record['id']}]"
    return f"[{title}]" if supplied else title


def date8(record: dict[str, Any]) -> str:
    """日期 as DA/T 22 wants it: 8 digits (20240512), or empty when unknown."""
    date = evidence_date(record)
    return re.sub(r"\D", "", date)[:8] if date else ""


def known_pages(record: dict[str, Any]) -> int | None:
    """页数 when it is known without rendering: stored, or 1 for a photo."""
    pages = record.get("pages")
    if isinstance(pages, int) and pages > 0:
        return pages
    if record.get("file_type") == "image":
        return 1
    return None


def load_filed_records(catalogue: Catalogue) -> list[dict[str, Any]]:
    """Filed records without their text (a catalogue never needs the body)."""
    return catalogue.records(status="filed")


def build_groups(
    ws: Workspace,
    catalogue: Catalogue | None = None,
    *,
    indicator: str | None = None,
    framework: str | None = None,
    records: list[dict[str, Any]] | None = None,
) -> list[IndicatorGroup]:
    """Every indicator in scope (framework order) with its entries: own items first, then 互见 items.

    ``indicator`` restricts to one code, ``framework`` to one framework id; unknown values raise
    ValueError with a message naming the valid choices.
    """
    if records is None:
        if catalogue is None:
            raise ValueError("build_groups needs a catalogue or records")
        records = load_filed_records(catalogue)
    records = [r for r in records if r.get("status") == "filed"]
    if catalogue is not None:
        records = with_period_text(ws, catalogue, records)
    numbers = archive_numbers(ws, records)
    supplied = supplied_titles(catalogue) if catalogue is not None else set()
    frameworks = ws.frameworks.frameworks
    if framework:
        frameworks = [fw for fw in frameworks if fw.id == framework]
        if not frameworks:
            ids = "、".join(fw.id for fw in ws.frameworks.frameworks)
            raise ValueError(f"考核方案 {framework} 不在本工作区中：可用 {ids}")
    if indicator and ws.frameworks.indicator(indicator) is None:
        raise ValueError(f"找不到指标 {indicator}：请用 archivist status 查看指标代码")

    by_home: dict[str, list[dict[str, Any]]] = {}
    by_link: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        if record.get("indicator"):
            by_home.setdefault(record["indicator"], []).append(record)
        for code in record.get("links") or []:
            by_link.setdefault(code, []).append(record)

    groups: list[IndicatorGroup] = []
    for fw in frameworks:
        for ind in fw.indicators():
            if indicator and ind.code != indicator:
                continue
            group = IndicatorGroup(fw.id, fw.short or fw.name, ind.category_code, ind.category_name, ind.code,
                                   ind.name, ind.lead_unit)
            own = sorted(by_home.get(ind.code, []), key=_sort_key)
            seen = {r["id"] for r in own}
            others: list[dict[str, Any]] = []
            for record in by_link.get(ind.code, []):
                if record["id"] not in seen:
                    others.append(record)
                    seen.add(record["id"])
            for code in ws.frameworks.links_for(ind.code):
                for record in by_home.get(code, []):
                    if record["id"] not in seen:
                        others.append(record)
                        seen.add(record["id"])
            others.sort(key=lambda r: numbers.get(r["id"], ("~", 0))[0])
            for seq, record in enumerate([*own, *others], start=1):
                cross = record.get("indicator") != ind.code
                number = numbers.get(record["id"], ("", 0))[0]
                excluded = date_problem(ws, evidence_date(record), record)
                notes = []
                if cross:
                    notes.append(f"互见，原件归{record.get('indicator')}")
                if excluded:
                    notes.append("晚于统计截止日期，不计入" if "晚于" in excluded else "早于考核年度，不计入")
                if not evidence_date(record):
                    notes.append("日期待补")
                group.entries.append(
                    CatalogueEntry(
                        seq=seq,
                        archive_no=number,
                        doc_number=(record.get("doc_number") or "").strip(),
                        unit=(record.get("unit") or "").strip(),
                        title=display_title(record, record["id"] in supplied),
                        date8=date8(record),
                        pages=known_pages(record),
                        note="；".join(notes),
                        record=record,
                        cross_ref=cross,
                        excluded=excluded,
                    )
                )
            groups.append(group)
    _fill_pages(ws, groups)
    return groups


def _fill_pages(ws: Workspace, groups: Sequence[IndicatorGroup]) -> None:
    """页数 for entries the catalogue does not know yet, from the files themselves (:mod:`pagecount`)."""
    from .pagecount import known_counts

    missing = {e.id: e.record for g in groups for e in g.entries if e.pages is None}
    if not missing:
        return
    counts = known_counts(ws, missing.values())
    for g in groups:
        for e in g.entries:
            if e.pages is None and e.id in counts:
                e.pages = counts[e.id]


# ---------------------------------------------------------------------------------------------
# Shared docx helpers (the generators need a few lines GongwenDocument has no method for)
# ---------------------------------------------------------------------------------------------


def styled_line(
    doc: GongwenDocument,
    text: str,
    font: str = FANGSONG,
    size_pt: float = BODY_PT,
    *,
    align: str = "left",
    indent: bool = False,
    keep_with_next: bool = False,
) -> Paragraph:
    """A one-off line in a given face (cover lines, unnumbered headings, a 楷体 byline).

    Built on ``GongwenDocument.paragraph`` so it inherits the fixed line pitch, then re-fonted run by
    run with all four rFonts slots (w:eastAsia included) as the builder does.
    """
    p = doc.paragraph("", indent=indent, align=align)  # type: ignore[arg-type]
    for run in list(p.runs):
        run._element.getparent().remove(run._element)
    GongwenDocument._run(p, text, font, size_pt)
    if size_pt > BODY_PT + 1:
        # Bigger type needs a taller fixed line, or LibreOffice clips the glyph tops.
        p.paragraph_format.line_spacing = Pt(size_pt * 1.6)
    p.paragraph_format.keep_with_next = keep_with_next
    return p


def fast_table(
    doc: GongwenDocument,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    col_widths_mm: Sequence[float],
    font_size_pt: float,
    align: Sequence[str],
) -> Any:
    """``GongwenDocument.table`` returning the ``w:tbl`` element (kept for the catalogue and dossier).

    The table builder itself formats the header and one row and copies the rest (see
    :func:`gongwen.fill_row`), so long catalogues no longer need a cache of their own.
    """
    table = doc.table(header, rows, col_widths_mm=col_widths_mm, font_size_pt=font_size_pt,
                      align=align)  # type: ignore[arg-type]
    return table._tbl


def _widths(doc: GongwenDocument, widths: Sequence[float]) -> list[float]:
    fixed = sum(w for w in widths)
    rest = max(doc.text_width_mm - fixed, 30.0)
    return [w if w else rest for w in widths]


PT_MM = 25.4 / 72
UNIT_CAP_MM = 32.0  # a long 责任者 (县人力资源和社会保障局) wraps rather than narrowing every 题名
CELL_PADDING_MM = 2.2  # 1 mm each side (gongwen.CELL_PADDING_TWIPS) and a little slack for the border


def cell_em(text: str) -> float:
    """Printed width of a cell text in em, on the safe side: Latin capitals and digits in the CJK
    faces are wider than half an em, and ambiguous marks (· “ ”) take the East Asian full width."""
    width = 0.0
    for ch in text:
        if ord(ch) > 0x2E7F or unicodedata.east_asian_width(ch) in ("W", "F", "A"):
            width += 1.0
        elif ch.isupper():
            width += 0.7
        else:
            width += 0.55
    return width


def fitted_widths(
    doc: GongwenDocument,
    base: Sequence[float],
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    fit: Sequence[str] = ("档号", "文号", "责任者"),
    font_size_pt: float = TABLE_PT,
    title_min_mm: float = 44.0,
    cap_mm: float = 48.0,
) -> list[float]:
    """Column widths with 档号, 文号 and 责任者 as wide as their longest value on one line.

    "青农组办发〔2024〕112号" wrapped over three lines is what a clerk notices first. Those columns
    take what their values need (at least their header, at most ``cap_mm`` — a freak value wraps
    rather than squeezing every title); the 题名 column (width 0 in ``base``) gets the rest, and
    when that falls below ``title_min_mm`` the fitted columns give back in proportion.
    """
    widths = list(base)
    em_mm = font_size_pt * PT_MM
    index = {name: i for i, name in enumerate(columns)}
    need = {index[name]: max(cell_em(name) * em_mm + CELL_PADDING_MM, 12.0) for name in fit if name in index}
    for row in rows:
        for i in need:
            value = str(row[i] or "")
            if value:
                need[i] = max(need[i], cell_em(value) * em_mm + CELL_PADDING_MM)
    for i, mm in need.items():
        widths[i] = min(mm, cap_mm if columns[i] != "责任者" else UNIT_CAP_MM)
    if 0.0 in widths:
        title = widths.index(0.0)
        room = doc.text_width_mm - sum(widths)
        if room < title_min_mm:
            over = title_min_mm - room
            total = sum(widths[i] for i in need)
            for i in need:
                widths[i] -= over * widths[i] / total
            room = title_min_mm
        widths[title] = room
    return widths


def _span_row(tr: Any, ncols: int, width_mm: float, font: str) -> None:
    """Turn a table row into one cell spanning all columns, its text set in ``font`` (group heading)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    cells = tr.findall(qn("w:tc"))
    first = cells[0]
    for extra in cells[1:]:
        tr.remove(extra)
    tc_pr = first.find(qn("w:tcPr"))
    if tc_pr is None:
        tc_pr = OxmlElement("w:tcPr")
        first.insert(0, tc_pr)
    tc_w = tc_pr.find(qn("w:tcW"))
    if tc_w is not None:
        tc_w.set(qn("w:w"), str(int(Mm(width_mm).twips)))
        tc_w.set(qn("w:type"), "dxa")
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), str(ncols))
    if tc_w is not None:
        tc_w.addnext(span)
    else:
        tc_pr.insert(0, span)
    p = first.find(qn("w:p"))
    p_pr = p.find(qn("w:pPr"))
    if p_pr is None:
        p_pr = OxmlElement("w:pPr")
        p.insert(0, p_pr)
    jc = p_pr.find(qn("w:jc"))
    if jc is not None:
        jc.set(qn("w:val"), "left")
    p_pr.append(OxmlElement("w:keepNext"))  # a heading never ends a page alone
    for rfonts in p.iter(qn("w:rFonts")):
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(attr), font)


def grouped_table(
    doc: GongwenDocument,
    columns: Sequence[str],
    sections: Sequence[tuple[str, Sequence[Sequence[object]]]],
    *,
    col_widths_mm: Sequence[float],
    font_size_pt: float,
    align: Sequence[str],
) -> Any:
    """One continuous table for all groups: a heading row spanning the columns before each group.

    The catalogue runs on from one indicator to the next instead of starting a page per indicator
    (a 21-indicator catalogue of 30 items was 21 mostly empty pages); the column header repeats on
    every printed page and each group is still found by its heading.
    """
    from docx.oxml.ns import qn

    rows: list[Sequence[object]] = []
    headings: list[tuple[int, str]] = []
    for heading, body in sections:
        headings.append((len(rows), heading))
        rows.append([heading, *[""] * (len(columns) - 1)])
        rows.extend(body)
    tbl = fast_table(doc, columns, rows, col_widths_mm=col_widths_mm, font_size_pt=font_size_pt, align=align)
    trs = tbl.findall(qn("w:tr"))
    for index, _heading in headings:
        _span_row(trs[index + 1], len(columns), sum(col_widths_mm), HEITI)
    return tbl


def entry_cells(entry: CatalogueEntry) -> list[object]:
    return [entry.seq, entry.archive_no, entry.doc_number, entry.unit, entry.title, entry.date8,
            "" if entry.pages is None else entry.pages, entry.note]


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------


def issuer(ws: Workspace) -> str:
    """The compiling office (编制单位), from the editable phrase file like every other piece of wording."""
    phrases = load_phrases(ws)
    return phrases.fill("common", "issuer", {"county": ws.config.county, "year": ws.config.year})


def catalogue_title(ws: Workspace, groups: Sequence[IndicatorGroup]) -> str:
    names = list(dict.fromkeys(g.framework_name for g in groups))
    scope = "和".join(names) if names else "乡村振兴考核"
    return f"{ws.config.county}{ws.config.year}年度{scope}佐证材料归档文件目录"


_MARK = re.compile("§ARCHIVIST-(?P<tag>[0-9]+)-(?:CELL(?P<cell>[0-9]+)|HEADING)§")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def heading_mark(tag: int) -> str:
    return f"§ARCHIVIST-{tag}-HEADING§"


def cell_marks(tag: int, ncols: int) -> list[str]:
    """The placeholder values of a streamed table's sample row, one per column (or model key)."""
    return [f"§ARCHIVIST-{tag}-CELL{i}§" for i in range(ncols)]


def _xml_text(value: object) -> str:
    """A cell value as the inside of a <w:t>: escaped, control characters dropped, lines as <w:br/>."""
    text = _XML_ILLEGAL.sub("", "" if value is None else str(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')


def _enclosing(xml: str, pos: int, tag: str) -> tuple[int, int] | None:
    """(start, end) of the innermost ``<tag>`` element around ``pos``, or None when there is none."""
    start = max(xml.rfind(f"<{tag}>", 0, pos), xml.rfind(f"<{tag} ", 0, pos))
    close = f"</{tag}>"
    if start < 0 or xml.find(close, start, pos) >= 0:
        return None
    end = xml.find(close, pos)
    return (start, end + len(close)) if end >= 0 else None


def _deflated(info: Any) -> Any:
    """The zip entry for the rewritten document.xml: compressed (a bare ZipInfo is stored, and 20,000
    rows of table XML are 80 MB uncompressed against a few MB deflated)."""
    import zipfile

    entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    entry.compress_type = zipfile.ZIP_DEFLATED
    return entry


def _row_around(xml: str, pos: int) -> tuple[int, int] | None:
    """The table row holding a mark; a paragraph when a template prints the rows as paragraphs."""
    return _enclosing(xml, pos, "w:tr") or _enclosing(xml, pos, "w:p")


@dataclass
class StreamedTable:
    """Table rows written straight into word/document.xml when the file is saved.

    Only a sample row (and, for a grouped table, a sample heading row) exists as XML, formatted by
    python-docx or by a Word template as every row should look, its cells holding placeholder marks
    (:func:`cell_marks`); every real row is that row's serialised text with the values put in where
    the marks stand, in whatever order the row has them. A 20,000-row catalogue or 自评报告 annex
    held as lxml elements took over a gigabyte; streamed, the document costs what its rows' text
    costs. Sections without a heading (``None``) are plain runs of rows; when the document holds no
    mark (a county's template left the table out) the file is left as it is.
    """

    sections: Sequence[tuple[str | None, Iterable[Sequence[object]]]]
    ncols: int
    tag: int = 0

    def save_into(self, docx_path: Path) -> None:
        import zipfile

        tmp = docx_path.with_name(f".{docx_path.name}.rows.tmp")
        with zipfile.ZipFile(docx_path) as zin:
            xml = zin.read("word/document.xml").decode("utf-8")
            marks = [m for m in _MARK.finditer(xml) if int(m.group("tag")) == self.tag]
            cells = [m for m in marks if m.group("cell") is not None]
            if not cells:
                return
            body = _row_around(xml, cells[0].start())
            if body is None:
                return
            heading_at = next((m.start() for m in marks if m.group("cell") is None), None)
            heading = _row_around(xml, heading_at) if heading_at is not None else None
            start = min(body[0], heading[0]) if heading else body[0]
            end = max(body[1], heading[1]) if heading else body[1]
            heading_parts = xml[heading[0]:heading[1]].split(heading_mark(self.tag)) if heading else None
            # the body row cut at its marks: text, value index, text, value index, …, text
            row = xml[body[0]:body[1]]
            parts: list[str] = []
            order: list[int] = []
            last = 0
            for m in _MARK.finditer(row):
                if int(m.group("tag")) != self.tag or m.group("cell") is None:
                    continue
                parts.append(row[last:m.start()])
                order.append(int(m.group("cell")))
                last = m.end()
            parts.append(row[last:])
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
                for info in zin.infolist():
                    if info.filename != "word/document.xml":
                        zout.writestr(info, zin.read(info.filename))
                        continue
                    with zout.open(_deflated(info), "w") as fh:
                        fh.write(xml[:start].encode("utf-8"))
                        for title, rows in self.sections:
                            if title is not None and heading_parts is not None:
                                fh.write(_xml_text(title).join(heading_parts).encode("utf-8"))
                            chunk: list[str] = []
                            for values in rows:
                                chunk.append(parts[0])
                                for index, part in zip(order, parts[1:], strict=True):
                                    chunk += [_xml_text(values[index] if index < len(values) else ""), part]
                                if len(chunk) > 20_000:
                                    fh.write("".join(chunk).encode("utf-8"))
                                    chunk = []
                            fh.write("".join(chunk).encode("utf-8"))
                        fh.write(xml[end:].encode("utf-8"))
        os.replace(tmp, docx_path)


class StreamingDocument(GongwenDocument):
    """A :class:`GongwenDocument` whose streamed tables are written into the file as it is saved."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.streamed: list[StreamedTable] = []

    def save(self, path: str | Path) -> Path:
        saved = super().save(path)
        for table in self.streamed:
            table.save_into(saved)
        return saved


def _register(doc: GongwenDocument, sections: Sequence[tuple[str | None, Iterable[Sequence[object]]]],
              ncols: int) -> StreamedTable:
    streamed = getattr(doc, "streamed", None)
    table = StreamedTable(sections, ncols, len(streamed) if streamed is not None else 0)
    if streamed is not None:
        streamed.append(table)
    return table


def streamed_grouped_table(
    doc: GongwenDocument,
    columns: Sequence[str],
    sections: Sequence[tuple[str, Sequence[Sequence[object]]]],
    *,
    col_widths_mm: Sequence[float],
    font_size_pt: float,
    align: Sequence[str],
) -> StreamedTable:
    """:func:`grouped_table` for any number of rows. A :class:`StreamingDocument` writes the rows when
    it is saved; for another document call ``save_into`` on the saved .docx."""
    table = _register(doc, sections, len(columns))
    grouped_table(doc, columns, [(heading_mark(table.tag), [cell_marks(table.tag, len(columns))])],
                  col_widths_mm=col_widths_mm, font_size_pt=font_size_pt, align=align)
    return table


def streamed_table(
    doc: GongwenDocument,
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    col_widths_mm: Sequence[float],
    font_size_pt: float,
    align: Sequence[str],
) -> StreamedTable:
    """``GongwenDocument.table`` for any number of rows (header repeated on every page), streamed the
    same way as :func:`streamed_grouped_table`."""
    table = _register(doc, [(None, rows)], len(columns))
    doc.table(columns, [cell_marks(table.tag, len(columns))], col_widths_mm=col_widths_mm,
              font_size_pt=font_size_pt, align=align)  # type: ignore[arg-type]
    return table


def write_docx(
    ws: Workspace,
    groups: Sequence[IndicatorGroup],
    out: Path,
    *,
    page_per_indicator: bool = False,
    date: _dt.date | None = None,
) -> Path:
    """The catalogue as an A4 landscape GB/T 9704 document: one continuous table, a heading row per indicator.

    ``page_per_indicator`` gives each indicator its own table starting on a new page instead, for an
    office that files the printed catalogue into each indicator's box ("一指标一档案"). Indicators
    without evidence are named together at the end instead of printing empty tables.
    """
    doc = StreamingDocument(landscape=True)
    doc.title(catalogue_title(ws, groups))
    total = sum(1 for g in groups for e in g.entries if not e.cross_ref)
    made = date or _dt.date.today()
    count = f"　　共{total}件" if total else ""  # an empty catalogue says so below, not "共0件"
    styled_line(doc, f"编制单位：{issuer(ws)}　　编制日期：{format_cn_date(made)}{count}", FANGSONG, 12,
                align="center")
    if total == 0:
        styled_line(doc, f"{EMPTY_TEXT}：档案中还没有已归档的材料。", FANGSONG, BODY_PT, align="center")
    listed = [g for g in groups if g.entries]
    cells = {g.code: [entry_cells(e) for e in g.entries] for g in listed}
    widths = fitted_widths(doc, COLUMN_WIDTHS_MM, COLUMNS, (row for rows in cells.values() for row in rows))
    aligns = ["center", "left", "left", "left", "left", "center", "center", "left"]
    if page_per_indicator:
        for n, g in enumerate(listed):
            if n:
                doc.page_break()
            styled_line(doc, group_heading(g), HEITI, 14, keep_with_next=True)
            fast_table(doc, COLUMNS, cells[g.code], col_widths_mm=widths, font_size_pt=TABLE_PT, align=aligns)
    if listed and not page_per_indicator:
        streamed_grouped_table(doc, COLUMNS, [(group_heading(g), cells[g.code]) for g in listed],
                               col_widths_mm=widths, font_size_pt=TABLE_PT, align=aligns)
    if total:
        for fw_id in dict.fromkeys(g.framework_id for g in groups):
            empty = [g for g in groups if g.framework_id == fw_id and not g.entries]
            if empty:
                styled_line(doc, f"{empty[0].framework_name}以下{len(empty)}项指标{EMPTY_TEXT}："
                                 + "、".join(g.label for g in empty), FANGSONG, 12, indent=True)
    return doc.save(out)


def group_heading(g: IndicatorGroup) -> str:
    """The heading of one indicator's rows: "A01 防止返贫监测帮扶（实绩考核·A 巩固拓展脱贫攻坚成果）"."""
    return f"{g.label}（{g.framework_name}·{g.category_code} {g.category_name}）"


def write_xlsx(ws: Workspace, groups: Sequence[IndicatorGroup], out: Path) -> Path:
    """The same catalogue as a spreadsheet: the DA/T 22 columns first, then columns to filter by.

    Offices keep working in Excel/WPS (sorting, adding 页数 by hand), so the sheet is flat — one row per
    item, the indicator in its own column — with a title row, a frozen header, an autofilter and A4
    landscape print settings that repeat the header on every printed page.

    Written in openpyxl's streaming (write-only) mode with one style array per kind of cell copied
    onto each: 20,000 rows held as cell objects took 1.7 GB and styling them one by one minutes.
    Formula-looking titles and units are written as text (quote prefix) as they are streamed.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("归档文件目录")
    header = [*COLUMNS, *EXTRA_XLSX_COLUMNS]
    rows = sum(len(g.entries) for g in groups)
    last = 2 + max(rows, 1)
    for i, w in enumerate([6, 24, 20, 20, 44, 11, 6, 20, 9, 24, 10, 14, 50], start=1):
        sheet.column_dimensions[get_column_letter(i)].width = w
    sheet.freeze_panes = "A3"
    if rows:
        sheet.auto_filter.ref = f"A2:{get_column_letter(len(header))}{last}"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_area = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    sheet.merged_cells.add(f"A1:{get_column_letter(len(COLUMNS))}1")

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)

    def style(font: Font, alignment: Alignment, *, text: bool = False, quoted: bool = False) -> Any:
        cell = WriteOnlyCell(sheet)
        cell.font, cell.alignment = font, alignment
        if font.name != "方正小标宋简体":
            cell.border = border
        if text:
            cell.number_format = "@"  # 日期 stays "20240512", not 20,240,512
        if quoted:
            cell.quotePrefix = True
        return cell._style

    body_font, body_align = Font(name="仿宋_GB2312", size=11), Alignment(vertical="center", wrap_text=True)
    styles = {
        "title": style(Font(name="方正小标宋简体", size=16), Alignment(horizontal="center", vertical="center")),
        "header": style(Font(name="黑体", size=11), Alignment(horizontal="center", vertical="center", wrap_text=True)),
        "body": style(body_font, body_align),
        "date": style(body_font, body_align, text=True),
        "quoted": style(body_font, body_align, quoted=True),
    }

    def cell(value: object, kind: str) -> Any:
        c = WriteOnlyCell(sheet, value=value)
        if looks_like_formula(value):  # titles and units come from the units' files: text, never formulas
            c.data_type = "s"
            kind = "quoted"
        c._style = copy.copy(styles[kind])
        return c

    sheet.row_dimensions[1].height = 30
    sheet.append([cell(catalogue_title(ws, groups), "title")])
    sheet.append([cell(name, "header") for name in header])
    for g in groups:
        for e in g.entries:
            values = [*entry_cells(e), g.code, g.name, g.framework_name, e.id, e.record.get("archive_path") or ""]
            values[5] = e.date8
            sheet.append([cell(v, "date" if col == 5 else "body") for col, v in enumerate(values)])
    if rows == 0:
        sheet.append([cell(EMPTY_TEXT, "body")])
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def write_catalogue(
    ws: Workspace,
    catalogue: Catalogue,
    out: Path,
    *,
    indicator: str | None = None,
    framework: str | None = None,
    date: _dt.date | None = None,
) -> tuple[Path, Path]:
    """``report catalogue``: FILE.docx and FILE.xlsx beside it; returns both paths."""
    groups = build_groups(ws, catalogue, indicator=indicator, framework=framework)
    docx_path = out if out.suffix.lower() == ".docx" else out.with_suffix(".docx")
    xlsx_path = docx_path.with_suffix(".xlsx")
    write_docx(ws, groups, docx_path, date=date)
    write_xlsx(ws, groups, xlsx_path)
    return docx_path, xlsx_path
