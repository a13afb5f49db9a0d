"""The inspection dossier and the ZIP export (issue #6), read back with pypdf and zipfile.

The dossier is built once per module from a copy of the session's sample workspace (LibreOffice
converts the Word/Excel files once, ~20 s); the other tests reuse it, run it again warm (no soffice
allowed), or run without LibreOffice on a copy with a cold cache.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import Cli
from pypdf import PdfReader
from test_reports import DATE, sample_workspace

from archivist.catalogue import Catalogue
from archivist.generate import render
from archivist.generate.dossier import build_dossier
from archivist.workspace import Workspace, init_workspace

needs_soffice = pytest.mark.skipif(
    render.soffice_path() is None,
    reason="LibreOffice (soffice) not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui",
)


class Built:
    def __init__(self, ws: Workspace, cli, out: Path, result: dict) -> None:
        self.ws, self.cli, self.out, self.result = ws, cli, out, result
        self.reader = PdfReader(str(out))

    def records(self, status: str = "filed") -> list[dict]:
        cat = Catalogue(self.ws.catalogue_path)
        try:
            return cat.records(status=status)
        finally:
            cat.close()


def _outline(reader: PdfReader, items=None, depth: int = 0) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of every bookmark, in order."""
    out: list[tuple[int, str, int]] = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            out.extend(_outline(reader, item, depth + 1))
        else:
            out.append((depth, item.title, reader.get_destination_page_number(item)))
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    if render.soffice_path() is None:
        pytest.skip("LibreOffice not installed")
    ws, cli = sample_workspace(tmp_path_factory, "dossier")
    out = ws.root.parent / "迎检材料.pdf"
    result = json.loads(cli("dossier", "--out", str(out), "--date", DATE, "--json"))
    return Built(ws, cli, out, result)


@needs_soffice
def test_outline_is_category_indicator_document(built: Built) -> None:
    marks = _outline(built.reader)
    assert marks[0][:2] == (0, "封面") and marks[1][:2] == (0, "卷内目录")
    tops = [t for d, t, _ in marks if d == 0][2:]
    assert "实绩考核·C 生态宜居" in tops and any(t.startswith("后评估·") for t in tops)
    # depth 1 = indicators, depth 2 = documents; every filed, in-year record is bound exactly once
    docs = {t: p for d, t, p in marks if d == 2 and not t.startswith("（互见）")}
    filed = [r for r in built.records() if (r["doc_date"] or "") <= "2024-12-31"]
    assert len(docs) == len(filed) == built.result["documents"]
    for title, page in docs.items():
        assert re.match(r"WS·2024-D30-[A-Z]\d{2}-\d{4} ", title)
        assert 0 < page < len(built.reader.pages)
    indicators = [t for d, t, _ in marks if d == 1]
    assert "C01 农村厕所革命" in indicators
    # a cross reference (互见) points at the one bound copy
    cross = [(t, p) for d, t, p in marks if d == 2 and t.startswith("（互见）")]
    assert cross
    for title, page in cross:
        assert docs[title.removeprefix("（互见）")] == page


@needs_soffice
def test_page_count_labels_and_write_back(built: Built) -> None:
    reader = built.reader
    assert len(reader.pages) == built.result["pages"]
    labels = reader.page_labels
    assert labels[0] == "封面" and labels[1] == "目录-1"
    body_start = labels.index("1")
    assert labels[-1] == "备考表"  # the 卷内备考表 closes the volume (DA/T 22)
    assert labels[body_start:-1] == [str(i) for i in range(1, built.result["body_pages"] + 1)]
    # 页数 went back into the catalogue, one audit entry per changed record
    marks = sorted({p for d, t, p in _outline(reader) if d == 2 and not t.startswith("（互见）")})
    spans = [b - a for a, b in zip(marks, [*marks[1:], len(reader.pages) - 1], strict=True)]
    bound = [r for r in built.records() if (r["doc_date"] or "") <= "2024-12-31"]
    assert sorted(r["pages"] for r in bound) == sorted(spans)
    assert sum(spans) == built.result["body_pages"]
    cat = Catalogue(built.ws.catalogue_path)
    try:
        audited = [e for e in cat.audit_entries() if e["action"] == "pages"]
        assert cat.verify_audit() == []
    finally:
        cat.close()
    assert len(audited) == built.result["pages_updated"] > 0


@needs_soffice
def test_catalogue_pages_list_what_is_not_bound(built: Built) -> None:
    labels = built.reader.page_labels
    pages = [built.reader.pages[i] for i, label in enumerate(labels) if label.startswith("目录")]
    front = "\n".join(page.extract_text() for page in pages)
    assert "卷内目录" in front and "未编入材料" in front
    for q in built.records("quarantined"):
        assert q["original_name"] in front.replace("\n", "")
    late = [s for s in built.result["skipped"] if "截止" in s["reason"]]
    assert late, "evidence dated after the cut-off is listed, not bound"
    assert {q["id"] for q in built.records("quarantined")} == {s["id"] for s in built.result["quarantined"]}


@needs_soffice
def test_photo_becomes_an_a4_page(built: Built) -> None:
    photo = next(r for r in built.records() if r["file_type"] == "image" and r["title"].startswith("杏花村"))
    page_index = next(p for d, t, p in _outline(built.reader) if d == 2 and t.endswith(photo["title"]))
    page = built.reader.pages[page_index]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2
    assert page.images, "the photo is on the page"
    assert photo["pages"] == 1


@needs_soffice
def test_cjk_fonts_are_embedded(built: Built) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils not installed")
    fonts = render.embedded_fonts(built.out)
    cjk = [f for f in fonts if re.search(r"CJK|UKai|Fandol|Hei|Song|Kai", str(f["name"]))]
    assert cjk and all(f["emb"] for f in cjk)
    assert not [f for f in fonts if f["type"] == "Type 3"]


@needs_soffice
def test_warm_cache_starts_no_libreoffice(built: Built, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def forbidden(*_args, **_kwargs):
        raise AssertionError("soffice must not run: every PDF is cached")

    monkeypatch.setattr(render, "_run_soffice", forbidden)
    cat = Catalogue(built.ws.catalogue_path)
    try:
        import datetime as dt

        result = build_dossier(built.ws, cat, tmp_path / "again.pdf", today=dt.date.fromisoformat(DATE))
    finally:
        cat.close()
    assert result.converted == 0 and result.cached == built.result["converted"] + built.result["cached"]
    assert result.pages == built.result["pages"] and result.pages_updated == 0
    assert result.seconds < 10


def test_without_libreoffice_binds_what_it_can(tmp_path_factory: pytest.TempPathFactory,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    ws, cli = sample_workspace(tmp_path_factory, "no-soffice")
    shutil.rmtree(ws.cache_dir / "pdf", ignore_errors=True)
    monkeypatch.setenv("ARCHIVIST_SOFFICE", str(ws.root / "no-such-soffice"))
    out = ws.root.parent / "C01.pdf"
    result = json.loads(cli("dossier", "--out", str(out), "--indicator", "c01", "--date", DATE, "--json"))
    assert result["front_matter"] == "pillow"
    assert any("LibreOffice" in w and "apt-get install" in w for w in result["warnings"])
    skipped = {s["title"]: s["reason"] for s in result["skipped"]}
    assert skipped and all("LibreOffice" in reason for reason in skipped.values())
    reader = PdfReader(str(out))
    marks = _outline(reader)
    assert [t for d, t, _ in marks if d == 1] == ["C01 农村厕所革命"]
    bound = sorted(t.split(" ", 1)[1] for d, t, _ in marks if d == 2)
    c01 = [r for r in cli.json("list", "--indicator", "C01") if r["status"] == "filed" and r["indicator"] == "C01"]
    assert bound == sorted(r["title"] for r in c01 if r["file_type"] in ("image", "pdf"))  # no LibreOffice needed
    assert sorted(skipped) == sorted(r["title"] for r in c01 if r["file_type"] not in ("image", "pdf"))
    assert reader.page_labels[:2] == ["封面", "目录-1"]


def test_export_zip_has_index_and_files(tmp_path_factory: pytest.TempPathFactory) -> None:
    ws, cli = sample_workspace(tmp_path_factory, "export")
    from docx import Document

    hostile = ws.root.parent / "来件2" / "河口镇<改厕>验收&整改 #1.docx"
    hostile.parent.mkdir()
    d = Document()
    for line in ("河口镇<改厕>验收&整改情况报告", "全镇完成户厕改造320户，问题厕所整改到位。", "河口镇人民政府",
                 "2024年10月15日"):
        d.add_paragraph(line)
    d.save(str(hostile))
    cli("ingest", str(hostile))
    out = ws.root.parent / "export.zip"
    result = json.loads(cli("export", "--zip", str(out), "--json"))
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        page = zf.read("index.html").decode("utf-8")
    assert {"index.html", "归档文件目录.xlsx"} <= names
    filed = [r for r in cli.json("list") if r["status"] == "filed"]
    assert result["files"] == len(filed)
    links = [unquote(h) for h in re.findall(r'href="([^"#][^"]*)"', page)]
    assert links and all(link in names for link in links)
    for r in filed:
        assert any(link.endswith(Path(r["archive_path"]).name) for link in links), r["archive_path"]
    assert "<改厕>" not in page and "河口镇&lt;改厕&gt;验收&amp;整改" in page
    for ind in ws.frameworks.indicators():
        assert f'id="{ind.code}"' in page
    assert "暂无佐证材料" in page


def test_empty_workspace_still_gives_a_binder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = init_workspace(tmp_path / "empty", county="青山县", inspection_date="2025-01-20", year=2024)
    monkeypatch.setenv("ARCHIVIST_SOFFICE", str(tmp_path / "no-such-soffice"))  # Pillow front matter: fast
    out = tmp_path / "empty.pdf"
    result = json.loads(Cli(ws)("dossier", "--out", str(out), "--json"))
    assert result["documents"] == 0 and result["pages"] >= 2
    reader = PdfReader(str(out))
    assert [t for _, t, _ in _outline(reader)] == ["封面", "卷内目录", "卷内备考表"]
    zipped = tmp_path / "empty.zip"
    Cli(ws)("export", "--zip", str(zipped))
    with zipfile.ZipFile(zipped) as zf:
        assert "暂无佐证材料" in zf.read("index.html").decode("utf-8")


def _stamp(page) -> tuple[str, float, float]:
    """The last text drawn on a page (the stamped 页号) and where: (text, x, y) in points."""
    seen: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            seen.append((text.strip(), float(tm[4]), float(tm[5])))

    page.extract_text(visitor_text=visit)
    return seen[-1] if seen else ("", 0.0, 0.0)


@needs_soffice
def test_printed_page_numbers_match_the_catalogue(built: Built) -> None:
    reader, labels = built.reader, built.reader.page_labels
    body = [i for i, label in enumerate(labels) if label.isdigit()]
    assert len(body) == built.result["body_pages"]
    for i in body:  # every evidence page carries its 页号, printed in the top right corner
        text, x, y = _stamp(reader.pages[i])
        box = reader.pages[i].cropbox
        assert text == labels[i], (i, text)
        assert x > float(box.right) - 120 and y > float(box.top) - 80, (i, x, y)
    # the 卷内目录 row of each bound document names the page where its bookmark lands, by that number
    front = "\n".join(reader.pages[i].extract_text() for i, label in enumerate(labels) if label.startswith("目录"))
    # a row: 档号 (on one line) … [日期] 页数 页号 — rows are matched from their 档号 to the next one
    rows = {m[1]: m[2] for m in re.finditer(r"(WS·2024-D30-[A-Z]+\d{2}-\d{4})(?:(?!WS·).)*?(?:\d{8} )?"
                                               r"(?<!\d)\d{1,4} (\d{1,4})(?=\s|$)", front, re.S)}
    docs = [(t.split(" ", 1)[0], p) for d, t, p in _outline(reader) if d == 2 and not t.startswith("（互见）")]
    assert docs
    for number, page in docs:
        assert rows.get(number) == _stamp(reader.pages[page])[0] == labels[page], number

