"""OCR: RapidOCR from its packaged models (never a download), layout join, confidence, and the fallback."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from archivist.catalogue import Catalogue
from archivist.intake.extract import _ocr, extract
from archivist.intake.extract._ocr import OcrLine, join_lines
from archivist.search import SearchIndex, sync_index
from archivist.workspace import init_workspace
from tests.fixtures_gen import cjk_font, has_tesseract_chi_sim
from tests.ocr_pages import form_page, notice_page, phone_photo

needs_rapidocr = pytest.mark.skipif(_ocr.rapidocr_problem() is not None or cjk_font() is None,
                                    reason="rapidocr/onnxruntime or a CJK font not installed")

# a phrase that the page wraps across two lines: 排水沟清 | 淤疏浚 (22 characters a line)
NOTICE_BODY = ("各村民小组：为保障汛期群众生命财产安全，经村两委会议研究决定，"
               "现对村内主干道两侧排水沟清淤疏浚进行集中整治，限本月底前完成。")


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Every attempt to open a connection is recorded and refused."""
    attempts: list[tuple] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append((self.family, address))
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(socket.socket(), a[0]))
    _ocr._rapid_engine.cache_clear()  # the models load inside the test, with the network off
    return attempts


def _wrapped_notice() -> object:
    page = notice_page("关于开展排水设施整治的通知", [NOTICE_BODY], ["青石村村民委员会", "2024年6月3日"],
                       size=(1040, 640), font_size=40)
    # the phrase really is broken by the line end in the picture
    per_line = (1040 - 160) // 40
    lines = [NOTICE_BODY[i:i + per_line] for i in range(0, len(NOTICE_BODY), per_line)]
    assert any(line.endswith("排水沟清") for line in lines)
    return page


def _ingest_and_search(tmp_path: Path, source: Path, phrase: str) -> list:
    from archivist.intake.pipeline import Pipeline, discover

    ws = init_workspace(tmp_path / "ws", county="测试县", year=2024)
    catalogue = Catalogue(ws.catalogue_path)
    try:
        Pipeline(ws, catalogue).run(discover([source]))
        sync_index(ws, catalogue)
        records = {r["id"]: r for r in catalogue.records()}
    finally:
        catalogue.close()
    index = SearchIndex(ws.whoosh_dir)
    try:
        return [records[h.id] for h in index.search(f'"{phrase}"')]
    finally:
        index.close()


@needs_rapidocr
def test_scanned_page_is_found_by_a_phrase_that_wraps(tmp_path: Path, no_network: list) -> None:
    folder = tmp_path / "来件"
    folder.mkdir()
    _wrapped_notice().image.save(folder / "扫描件001.pdf", "PDF", resolution=150)
    found = _ingest_and_search(tmp_path, folder, "排水沟清淤疏浚")
    assert [r["original_name"] for r in found] == ["扫描件001.pdf"]
    meta = found[0]["meta"]
    assert meta["ocr"]["engine"] == "rapidocr" and meta["ocr"]["pages"][0]["confidence"] > 0.9
    assert no_network == []  # nothing was downloaded, not even tried


@needs_rapidocr
def test_photographed_form_is_found_by_its_wrapped_note(tmp_path: Path, no_network: list) -> None:
    form = form_page("入户核查表", [("户主姓名", "李大山"), ("核查日期", "2024年7月9日")],
                     "备注：院内杂物已清理，圈舍粪污未及时清运，已告知户主限期整改。", size=(900, 620), font_size=34)
    folder = tmp_path / "来件"
    folder.mkdir()
    phone_photo(form).image.save(folder / "微信图片_20240709101010.jpg", quality=85)
    found = _ingest_and_search(tmp_path, folder, "粪污未及时清运")
    assert [r["original_name"] for r in found] == ["微信图片_20240709101010.jpg"]
    assert no_network == []


@needs_rapidocr
def test_a_missing_model_is_named_and_nothing_is_downloaded(
    tmp_path: Path, no_network: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_ocr, "RAPIDOCR_MODELS", (*_ocr.RAPIDOCR_MODELS[:2], "PP-OCRv6_rec_gone.onnx"))
    problem = _ocr.rapidocr_problem()
    assert problem and "模型文件缺失" in problem and "PP-OCRv6_rec_gone.onnx" in problem and "不会联网下载" in problem
    if has_tesseract_chi_sim():
        path = tmp_path / "扫描件.pdf"
        _wrapped_notice().image.save(path, "PDF", resolution=150)
        ex = extract(path)
        assert ex.meta["ocr"]["engine"] == "tesseract"
        assert any("模型文件缺失" in w for w in ex.warnings)
    assert no_network == []


def test_engine_failure_falls_back_to_tesseract(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    calls: list[str] = []

    def fake_read(image: object, engine: str, timeout: float) -> tuple[list[OcrLine], int | None]:
        calls.append(engine)
        if engine == "rapidocr":
            raise MemoryError("bad_alloc")
        return [OcrLine("乡村振兴工作通知", 10, 10, 400, 50, 0.9)], None

    monkeypatch.setattr(_ocr, "_read", fake_read)
    monkeypatch.setattr(_ocr, "tesseract_problem", lambda: None)
    page = _ocr.ocr_image(Image.new("L", (500, 300), 255), engine="rapidocr")
    assert calls[:2] == ["rapidocr", "tesseract"]  # the fault fired, then the fallback read the page
    assert page.engine == "tesseract" and page.text == "乡村振兴工作通知" and "改用 tesseract" in page.note


def _line(text: str, left: float, top: float, right: float, score: float = 0.99) -> OcrLine:
    return OcrLine(text, left, top, right, top + 40, score)


def test_layout_join_glues_wrapped_lines_and_keeps_paragraphs() -> None:
    lines = [
        _line("关于整改情况的报告", 300, 50, 660),  # centred title
        _line("经排查，全村共有问题厕所十二户，其中化粪", 80, 150, 900),  # runs to the margin
        _line("池盖板破损五户，已全部整改。", 80, 205, 640),  # ends short: paragraph ends
        _line("下一步，将建立长效管护机制，定期开展回头", 80, 290, 900),
        _line("看。", 80, 345, 120),
        _line("2024年9月30日", 640, 430, 900),
    ]
    text = join_lines(lines)
    assert text.split("\n") == [
        "关于整改情况的报告",
        "经排查，全村共有问题厕所十二户，其中化粪池盖板破损五户，已全部整改。",
        "下一步，将建立长效管护机制，定期开展回头看。",
        "2024年9月30日",
    ]


def test_tilted_lines_stay_in_their_rows() -> None:
    # a photo tilted by ~2°: the long line's box is tall enough to cover the next line's middle
    long = OcrLine("备注：院内杂物已清理，圈舍粪污未及时清运，已当场告知户主限期", 80, 100, 1160, 180, 0.99,
                   slope=-0.035, line_height=40)
    short = OcrLine("整改并于下周复查。", 80, 165, 420, 205, 0.99, slope=-0.035, line_height=40)
    assert join_lines([short, long]) == "备注：院内杂物已清理，圈舍粪污未及时清运，已当场告知户主限期整改并于下周复查。"


def test_a_date_under_its_signature_stays_under_it_when_its_box_leans() -> None:
    # a short box can lean a few degrees on a straight page; carried across the page it would lift the date
    signature = OcrLine("石桥镇人民政府", 1225, 936, 1470, 983, 0.99)
    date = OcrLine("2024年3月8日", 1239, 982, 1466, 1042, 0.99, slope=0.042, line_height=51)
    body = OcrLine("对工作不力、排查不实的村，将在全镇范围内通报批评并约谈相关负责人。", 155, 867, 1480, 914, 0.99)
    assert join_lines([body, signature, date]).split("\n")[-2:] == ["石桥镇人民政府", "2024年3月8日"]


def test_low_confidence_pages_are_listed_for_review() -> None:
    from archivist.intake.extract.pdf import ocr_meta

    pages = [_ocr.OcrPage("清楚的一页", 0.97, "rapidocr"), _ocr.OcrPage("模糊的一页", 0.55, "rapidocr")]
    meta = ocr_meta([1, 2], pages)
    assert meta["review"] == [2] and meta["pages"][1]["confidence"] == 0.55


def test_list_ocr_review_shows_only_weak_scans(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from archivist.cli import app
    from archivist.workspace import Workspace
    from tests.fixtures_gen import insert_record

    root = tmp_path / "ws"
    init_workspace(root, county="测试县", year=2024)
    ws = Workspace(root)
    weak = {"ocr": {"engine": "rapidocr", "pages": [{"page": 1, "confidence": 0.95}, {"page": 2, "confidence": 0.6}],
                    "review": [2], "review_below": 0.8}}
    insert_record(ws, title="模糊的扫描件", meta=weak, file_type="pdf")
    insert_record(ws, title="清楚的扫描件", meta={"ocr": {"engine": "rapidocr", "pages": [], "review": []}})
    result = CliRunner().invoke(app, ["-w", str(root), "list", "--ocr-review"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "模糊的扫描件" in result.output and "OCR待核：第 2 页" in result.output
    assert "清楚的扫描件" not in result.output
