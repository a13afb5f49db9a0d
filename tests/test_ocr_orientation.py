"""A scan lying on its side or upside down is read in order from ONE RapidOCR reading: the orientation comes
from the lines' shapes and the angle classifier's votes, not from reading the page twice more turned."""

from __future__ import annotations

import pytest

from archivist.intake.extract import _ocr
from bench.ocr import cer
from tests.fixtures_gen import cjk_font
from tests.ocr_pages import notice_page, turned

pytestmark = pytest.mark.skipif(_ocr.rapidocr_problem() is not None or cjk_font() is None,
                                reason="rapidocr/onnxruntime or a CJK font not installed")

BODY = "对发现的盖板缺失、沟渠堵塞等问题，要建立台账，明确责任人和完成时限，逐项销号，并于月底前上报。"


@pytest.fixture(scope="module")
def page():
    return notice_page("关于做好排水设施维护工作的通知", [BODY], ["青石村村民委员会", "2024年6月3日"],
                       size=(1000, 560), font_size=36)


@pytest.mark.parametrize("degrees", [0, 90, 180, 270])
def test_a_turned_page_reads_in_order_from_one_reading(page, degrees, monkeypatch):
    reads: list[str] = []
    real = _ocr._read

    def counting(image, engine, timeout):
        reads.append(engine)
        return real(image, engine, timeout)

    monkeypatch.setattr(_ocr, "_read", counting)
    image = (turned(page, degrees) if degrees else page).image.convert("L")
    result = _ocr.ocr_image(image, engine="rapidocr")
    assert reads == ["rapidocr"]
    assert result.rotated == (360 - degrees) % 360
    lines = result.text.splitlines()
    assert lines[0] == "关于做好排水设施维护工作的通知", result.text
    assert lines[-1] == "2024年6月3日", result.text
    assert cer("\n".join(page.paragraphs), result.text) < 0.03, result.text
