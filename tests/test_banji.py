"""The 版记 (抄送, 印发机关 and 印发日期) of an issued document stands at the foot of its last page (GB/T
9704 7.4), proved on the PDF LibreOffice renders: each text's place read back with pypdf, for bodies
ending anywhere on a page, and for a real 情况通报 with the 红头."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_reports import DATE, sample_workspace

from archivist.generate import render
from archivist.generate.gongwen import LINE_PT, MARGINS_TWIPS, GongwenDocument, RedHeader, apply_red_header

needs_soffice = pytest.mark.skipif(render.soffice_path() is None, reason="LibreOffice (soffice) not installed")

LINE_MM = LINE_PT / 72 * 25.4
TEXT_BOTTOM_MM = 297 - MARGINS_TWIPS["bottom"] / 1440 * 25.4  # the text block ends 35 mm above the page edge
HEADER = RedHeader("青山县委农村工作领导小组办公室文件", "青农办〔2025〕3号",
                   ["市委农村工作领导小组办公室", "县委办公室"], "县委农村工作领导小组办公室", dt.date(2025, 1, 8))


def places(pdf: Path) -> list[list[tuple[str, float]]]:
    """Per page, (line, baseline in mm from the top of the page) of every printed line: the text runs
    on one baseline joined (LibreOffice writes a justified line character by character)."""
    pages = []
    for page in PdfReader(str(pdf)).pages:
        height = float(page.mediabox.height)
        lines: dict[float, str] = {}

        def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object,
                  lines: dict[float, str] = lines, height: float = height) -> None:
            if text.strip():
                y = round((height - (tm[5] * cm[3] + cm[5])) / 72 * 25.4, 1)
                lines[y] = lines.get(y, "") + text.strip()

        page.extract_text(visitor_text=visit)
        pages.append(sorted(((t, y) for y, t in lines.items()), key=lambda line: line[1]))
    return pages


def check_record_at_foot(pdf: Path) -> None:
    """The 印发 line ends the text block of the last page; the 版记's first line (抄送, or the 印发
    line without one) is below every line of the body, with room for its rule between them; nothing
    of it on another page."""
    pages = places(pdf)
    last = pages[-1]
    assert not any(t.endswith("印发") for page in pages[:-1] for t, _y in page)  # on the last page only
    [printed] = [y for t, y in last if t.endswith("印发")]
    assert TEXT_BOTTOM_MM - 6 <= printed <= TEXT_BOTTOM_MM, (printed, TEXT_BOTTOM_MM)  # its last line at the foot
    top = min([y for t, y in last if t.startswith("抄送")] or [printed])
    assert len([y for _t, y in last if top <= y <= printed]) <= 3  # 抄送 (one or two lines) and 印发
    body = [y for _t, y in last if y < top]
    assert all(y < top - LINE_MM / 2 for y in body), (body, top)  # the body ends above it: nothing overlaps
    if not body:
        # a page of its own only when the page before had no room left: the 版记 is its visible lines,
        # its first line's height and the line of space above it
        free = TEXT_BOTTOM_MM - max(y for _t, y in pages[-2] if y < TEXT_BOTTOM_MM)
        assert free < (TEXT_BOTTOM_MM - top) + 2 * LINE_MM, (free, top)


def _issued(paragraphs: int) -> GongwenDocument:
    doc = GongwenDocument(page_numbers="center")
    doc.title("关于乡村振兴考核佐证材料报送情况的通报")
    doc.recipient("各乡镇党委、政府，县直各单位")
    for i in range(paragraphs):
        doc.paragraph(f"{i + 1}．按照考核工作安排，各单位认真开展佐证材料收集整理工作，按时报送台账和影像资料。"
                      "请尚未报送的单位抓紧补齐。")
    doc.signature("县委农村工作领导小组办公室", dt.date(2025, 1, 8))
    apply_red_header(doc.document, HEADER)
    return doc


@needs_soffice
def test_the_record_stands_at_the_foot_of_the_last_page_wherever_the_text_ends(tmp_path: Path) -> None:
    # 1–20 paragraphs: the text ends high, low and at the very bottom of a page, on pages 1 to 4
    sources = [_issued(n).save(tmp_path / f"通报{n:02d}.docx") for n in range(1, 21)]
    pdfs = render.to_pdf_many(sources, tmp_path / "pdf")
    assert len(pdfs) == len(sources), pdfs.failed
    for src in sources:
        check_record_at_foot(pdfs[src])
    assert len({len(PdfReader(str(p)).pages) for p in pdfs.values()}) >= 3


@needs_soffice
def test_an_issued_briefing_has_its_record_at_the_foot(tmp_path_factory: pytest.TempPathFactory) -> None:
    ws, cli = sample_workspace(tmp_path_factory, "banji")
    out = ws.root.parent / "out" / "情况通报.docx"
    result = json.loads(cli("report", "briefing", "--red-header", "--number", "青农办〔2025〕3号", "--pdf",
                            "--out", str(out), "--date", DATE, "--json"))
    pdf = next(Path(f) for f in result["files"] if f.endswith(".pdf"))
    check_record_at_foot(pdf)
