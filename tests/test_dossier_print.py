"""Print-ready documents: spreadsheets set up before rendering, the 归档文件目录 as one continuous
table whose 文号 fit and whose 页数 are known without a dossier, and soffice killed as a group."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from fixtures_gen import make_docx, make_text_pdf, make_xlsx
from pypdf import PdfReader

from archivist.catalogue import Catalogue, new_id, now
from archivist.generate import pagecount, render
from archivist.generate.catalogue_doc import build_groups, cell_em, write_catalogue
from archivist.generate.gongwen import text_width
from archivist.generate.printready import print_ready_copy
from archivist.workspace import Workspace, init_workspace

needs_soffice = pytest.mark.skipif(render.soffice_path() is None, reason="LibreOffice (soffice) not installed")

HEADER = ["序号", "乡镇", "村", "户主姓名", "家庭人口", "改厕类型", "施工单位", "开工日期", "完工日期", "验收情况",
          "补助金额（元）", "备注说明"]


NOTE = "该户为脱贫户，已享受县级补助资金，改厕后经回访使用正常，无渗漏"


def _ledger(path: Path, rows: int = 120) -> Path:
    body = [[i + 1, "河口镇", f"第{i % 9 + 1}村", "张建国", 4, "三格式化粪池", "青山县建筑工程有限公司", "2024-03-01",
             "2024-05-01", "已验收合格", 1500, NOTE if i % 5 == 0 else ""]
            for i in range(rows)]
    return make_xlsx(path, {"户厕改造台账": [["河口镇2024年农村户厕改造台账"], HEADER, *body]})


def test_a_wide_ledger_copy_is_set_up_for_printing(tmp_path: Path) -> None:
    src = _ledger(tmp_path / "台账.xlsx")
    before = src.read_bytes()
    ready = print_ready_copy(src, tmp_path / "ready.xlsx")
    assert ready is not None and src.read_bytes() == before  # the archived file is never touched
    sheet = openpyxl.load_workbook(ready).active
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and setup.fitToWidth == 1 and setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$2"  # the title row and the column header on every page
    assert sheet.print_options.gridLines
    assert sheet.column_dimensions["G"].width >= text_width("青山县建筑工程有限公司") * 2
    assert sheet.column_dimensions["A"].width < 20  # the title row (30 characters wide) does not widen 序号
    assert sheet["L3"].alignment.wrap_text  # a long last-column note wraps instead of being clipped


def test_a_narrow_ledger_stays_portrait_and_a_workbook_with_drawings_is_left_alone(tmp_path: Path) -> None:
    narrow = make_xlsx(tmp_path / "n.xlsx", {"表": [["序号", "村", "户数"], *[[i, "杏花村", 3] for i in range(9)]]})
    sheet = openpyxl.load_workbook(print_ready_copy(narrow, tmp_path / "n2.xlsx")).active
    assert sheet.page_setup.orientation == "portrait" and sheet.print_title_rows == "$1:$1"
    drawn = tmp_path / "d.xlsx"
    with zipfile.ZipFile(narrow) as zin, zipfile.ZipFile(drawn, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item))
        zout.writestr("xl/drawings/drawing1.xml", "<xdr:wsDr/>")  # a seal picture openpyxl would drop
    assert print_ready_copy(drawn, tmp_path / "d2.xlsx") is None
    assert print_ready_copy(tmp_path / "no-such.xlsx", tmp_path / "x.xlsx") is None


@needs_soffice
def test_the_rendered_ledger_fits_the_width_and_repeats_its_header(tmp_path: Path) -> None:
    src = _ledger(tmp_path / "台账.xlsx", rows=150)
    ready = print_ready_copy(src, tmp_path / "ready" / "台账.xlsx")
    result = render.to_pdf_many([src, ready], tmp_path / "pdf")
    raw, fitted = PdfReader(str(result[src])), PdfReader(str(result[ready]))
    assert len(fitted.pages) < len(raw.pages)  # no columns spilled onto pages of their own
    for page in fitted.pages:
        assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
        text = page.extract_text()
        assert "补助金额" in text and "备注说明" in text  # every column and the header on every page


# ---------------------------------------------------------------------------------------------
# The 归档文件目录
# ---------------------------------------------------------------------------------------------


def _record(ws: Workspace, cat: Catalogue, path: Path, code: str, title: str, ftype: str, **extra) -> str:
    import hashlib

    rid = new_id()
    cat.insert({"id": rid, "status": "filed", "indicator": code, "archive_path": ws.relative(path),
                "original_name": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                "size": path.stat().st_size, "file_type": ftype, "title": title, "unit": "县农业农村局",
                "doc_date": "2024-06-01", "links": [], "meta": {}, "received_at": now(), "text": title, **extra})
    return rid


def _word_file(path: Path, pages: int | None, words: int) -> Path:
    """A .docx whose app.xml states ``pages`` the way Word writes it (None: python-docx's stale template)."""
    make_docx(path, path.stem, ["正文"])
    if pages is None:
        return path
    with zipfile.ZipFile(path) as zin:
        items = [(i, zin.read(i)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w") as zout:
        for info, blob in items:
            if info.filename == "docProps/app.xml":
                blob = (f'<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/'
                        f'2006/extended-properties"><Application>WPS Office</Application><Pages>{pages}</Pages>'
                        f"<Words>{words}</Words></Properties>").encode()
            zout.writestr(info, blob)
    return path


@pytest.fixture()
def filed(tmp_path: Path) -> tuple[Workspace, dict[str, str]]:
    ws = init_workspace(tmp_path / "ws", county="青山县", inspection_date="2025-01-20", year=2024)
    folder = ws.archive / "C01"
    folder.mkdir(parents=True)
    cat = Catalogue(ws.catalogue_path)
    ids = {}
    with cat.transaction():
        ids["word"] = _record(ws, cat, _word_file(folder / "验收报告.docx", 3, 900), "C01", "户厕改造验收报告",
                              "docx", doc_number="青农组办发〔2024〕112号")
        ids["stale"] = _record(ws, cat, _word_file(folder / "通知.docx", None, 0), "C01", "关于改厕的通知", "docx")
        ids["pdf"] = _record(ws, cat, make_text_pdf(folder / "方案.pdf", [["第一页"], ["第二页"], ["第三页"], ["四"]]),
                             "C02", "垃圾治理方案", "pdf")
        ids["sheet"] = _record(ws, cat, _ledger(folder / "台账.xlsx", 5), "A01", "监测台账", "xlsx")
    cat.close()
    return Workspace(ws.root), ids


def test_catalogue_pages_are_known_without_a_dossier(filed: tuple[Workspace, dict[str, str]]) -> None:
    ws, ids = filed
    cat = Catalogue(ws.catalogue_path)
    try:
        docx_path, xlsx_path = write_catalogue(ws, cat, ws.root / "out" / "目录.docx", date=dt.date(2025, 1, 8))
    finally:
        cat.close()
    sheet = openpyxl.load_workbook(xlsx_path)["归档文件目录"]
    pages = {row[11]: row[6] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert pages[ids["word"]] == 3 and pages[ids["pdf"]] == 4
    assert pages[ids["stale"]] in (None, "") and pages[ids["sheet"]] in (None, "")  # not invented
    cached = (ws.cache_dir / pagecount.CACHE_NAME).read_text(encoding="utf-8")
    assert cached.count(":") == 3  # the word file, the stale one (read once, no count) and the PDF


def test_catalogue_is_one_table_with_headings_and_its_doc_numbers_fit(filed: tuple[Workspace, dict[str, str]]) -> None:
    ws, _ids = filed
    cat = Catalogue(ws.catalogue_path)
    try:
        docx_path, _ = write_catalogue(ws, cat, ws.root / "out" / "目录.docx", date=dt.date(2025, 1, 8))
        groups = build_groups(ws, cat)
    finally:
        cat.close()
    d = docx.Document(str(docx_path))
    assert len(d.tables) == 1 and 'w:type="page"' not in d.element.xml  # no page per indicator
    first = [r.cells[0].text for r in d.tables[0].rows[1:]]
    headings = [t for t in first if not t.isdigit()]
    assert headings == [g.label + f"（{g.framework_name}·{g.category_code} {g.category_name}）"
                        for g in groups if g.entries]
    number = "青农组办发〔2024〕112号"
    grid = d.tables[0]._tbl.tblGrid.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol")
    width_mm = int(grid[2].get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w")) / 56.7
    assert width_mm >= cell_em(number) * 10.5 * 25.4 / 72 + 2  # one line, with the cell padding


@needs_soffice
def test_rendered_catalogue_keeps_each_doc_number_on_one_line(filed: tuple[Workspace, dict[str, str]]) -> None:
    ws, _ids = filed
    cat = Catalogue(ws.catalogue_path)
    try:
        docx_path, _ = write_catalogue(ws, cat, ws.root / "out" / "目录.docx", date=dt.date(2025, 1, 8))
    finally:
        cat.close()
    pdf = render.to_pdf(docx_path, ws.root / "out")
    text = PdfReader(str(pdf)).pages[0].extract_text()
    assert any("青农组办发〔2024〕112号" in line.replace(" ", "") for line in text.splitlines())


# ---------------------------------------------------------------------------------------------
# soffice timeouts
# ---------------------------------------------------------------------------------------------


def test_a_timed_out_soffice_is_killed_with_its_children(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $$ $! > {pids}\nwait\n", encoding="utf-8")
    fake.chmod(0o755)
    with pytest.raises(render.RenderError, match="timed out"):
        render._run_soffice([str(fake)], timeout=1.5)
    shell, child = (int(p) for p in pids.read_text().split())

    def alive(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        try:
            with open(f"/proc/{pid}/stat") as fh:  # a zombie is dead: only its exit status is left
                return fh.read().split(") ")[-1][0] != "Z"
        except FileNotFoundError:
            return False

    deadline = time.monotonic() + 5
    while (alive(shell) or alive(child)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(shell) and not alive(child)  # the grandchild (soffice.bin) too, not just the shell


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_the_page_number_reads_upright_in_the_visible_top_right_corner(tmp_path: Path, rotate: int) -> None:
    from pypdf import PdfWriter

    from archivist.generate.pdfpages import Page, pdf_bytes, stamp_page_numbers

    page = Page()
    page.text(72, 700, "河口镇户厕改造验收报告", 16)
    src = tmp_path / "src.pdf"
    src.write_bytes(pdf_bytes([page]))
    writer = PdfWriter(clone_from=str(src))
    writer.pages[0].rotate(rotate)
    stamp_page_numbers(writer, [(0, "17")])
    out = tmp_path / "out.pdf"
    writer.write(str(out))
    html = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True).stdout
    word = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">17</word>', html)
    assert word, html
    width = 842 if rotate in (90, 270) else 595  # the page as a viewer shows it (pdftotext's coordinates)
    x_min, y_min, x_max, y_max = (float(v) for v in word.groups())
    assert width - 80 < x_min and x_max < width - 20 and 20 < y_min < 80  # top right, as the page is shown
    assert x_max - x_min > y_max - y_min  # "17" runs left to right: upright, not turned
