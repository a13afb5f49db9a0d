"""OCR title correction: a scanned notice whose title OCR gives as 清浴县 is filed as 清溪县 (the workspace's
county), its unit against the team's units; real words one character from a known name are left alone, and
typed documents are never touched. The web OCR 待核 page lists weak pages and the corrections."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archivist.catalogue import Catalogue
from archivist.framework import load_frameworks
from archivist.intake.extract import _ocr
from archivist.intake.ocr_titles import NameList, generic_words, places_in
from archivist.workspace import Workspace, init_workspace
from tests.fixtures_gen import cjk_font, insert_record
from tests.ocr_pages import notice_page

needs_rapidocr = pytest.mark.skipif(_ocr.rapidocr_problem() is not None or cjk_font() is None,
                                    reason="rapidocr/onnxruntime or a CJK font not installed")


@pytest.fixture(scope="module")
def names() -> NameList:
    own = places_in(["清溪县", "龙口镇人民政府", "柳溪镇柳湾村村民委员会"])
    return NameList.build(own, generic_words(load_frameworks(["shiji-kaohe"])))


@pytest.mark.parametrize(("read", "right"), [
    ("清浴县2024年农村户厕改造实施方案", "清溪县2024年农村户厕改造实施方案"),
    ("龙录镇人民政府", "龙口镇人民政府"),
    ("柳溪镇柳湾材村民委员会", "柳溪镇柳湾村村民委员会"),
    ("柳湾村防止返贪监测帮扶台账", "柳湾村防止返贫监测帮扶台账"),
])
def test_a_name_misread_by_one_character_is_put_right(names, read, right):
    fixed, fixes = names.correct(read)
    assert fixed == right and fixes


@pytest.mark.parametrize("text", [
    "清溪县乡村振兴局关于做好排水设施维护工作的通知",  # already right
    "龙门镇人民政府",  # 龙门 is a word: another town, not a misread 龙口镇
    "农村户厕改造台账",  # 户厕 is a word: not a misread 农村公厕
])
def test_real_words_near_a_known_name_are_left_alone(names, text):
    assert names.correct(text) == (text, [])


def _ingest(ws: Workspace, folder: Path) -> list[dict]:
    from archivist.intake.pipeline import Pipeline, discover

    catalogue = Catalogue(ws.catalogue_path)
    try:
        Pipeline(ws, catalogue).run(discover([folder]))
        return catalogue.records()
    finally:
        catalogue.close()


@needs_rapidocr
def test_a_scan_title_is_corrected_to_the_county_and_a_typed_one_is_not(tmp_path: Path):
    from typer.testing import CliRunner

    from archivist.cli import app

    ws = init_workspace(tmp_path / "ws", county="清溪县", year=2024)
    folder = tmp_path / "来件"
    folder.mkdir()
    title = "清浴县2024年农村户厕改造工作方案"  # what tesseract made of 清溪县: the scan itself says so here
    page = notice_page(title, ["各乡镇：为推进农村厕所革命，现将户厕改造工作方案印发给你们，请认真抓好落实。"],
                       ["清浴县农业农村局", "2024年3月20日"], size=(1100, 640), font_size=38)
    page.image.save(folder / "扫描件003.pdf", "PDF", resolution=150)
    (folder / "方案.txt").write_text(title + "\n正文。\n清浴县农业农村局\n2024年3月20日\n", encoding="utf-8")
    records = {r["original_name"]: r for r in _ingest(ws, folder)}

    scan = records["扫描件003.pdf"]
    assert scan["title"] == "清溪县2024年农村户厕改造工作方案", scan["title"]
    assert scan["meta"]["ocr_fixes"]["title"] == ["清浴县→清溪县"]
    assert records["方案.txt"]["title"] == title  # typed text is what its author wrote
    shown = CliRunner().invoke(app, ["-w", str(ws.root), "show", scan["id"]], env={"COLUMNS": "200"})
    assert shown.exit_code == 0 and "清浴县→清溪县" in shown.output


def test_the_web_ocr_review_page_lists_weak_pages_and_corrections(tmp_path: Path):
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from archivist.web import create_app

    root = tmp_path / "ws"
    init_workspace(root, county="测试县", year=2024)
    ws = Workspace(root)
    weak = {"ocr": {"engine": "rapidocr", "pages": [{"page": 1, "confidence": 0.95}, {"page": 2, "confidence": 0.61}],
                    "review": [2], "review_below": 0.8}}
    insert_record(ws, title="模糊的扫描件", meta=weak, file_type="pdf")
    insert_record(ws, title="测试县户厕改造方案", file_type="pdf",
                  meta={"ocr": {"engine": "rapidocr", "pages": [{"page": 1, "confidence": 0.97}], "review": []},
                        "ocr_fixes": {"title": ["测武县→测试县"]}})
    insert_record(ws, title="清楚的扫描件", meta={"ocr": {"engine": "rapidocr", "pages": [], "review": []}})
    client = TestClient(create_app(ws, host="127.0.0.1"), base_url="http://127.0.0.1:8000")
    page = client.get("/ocr-review")
    assert page.status_code == 200
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.text))
    assert "模糊的扫描件" in text and "第 2 页" in text and "0.61" in text
    assert "测试县户厕改造方案" in text and "测武县→测试县" in text
    assert "清楚的扫描件" not in text
    assert text.index("模糊的扫描件") < text.index("测试县户厕改造方案")  # the weakest first
    assert 'href="/ocr-review"' in client.get("/").text  # reachable from the menu


def test_a_character_that_makes_a_word_with_its_neighbour_outside_the_window_is_kept():
    # 园村工作队 is one character from 驻村工作队, but its 园 is the 园 of 茶园: nothing was misread
    names = NameList.build(["清溪县"], ["驻村工作队"])
    assert names.correct("驻茶园村工作队2024年11月考勤表") == ("驻茶园村工作队2024年11月考勤表", [])
    assert names.correct("清浴县驻材工作队")[0] == "清溪县驻村工作队"
