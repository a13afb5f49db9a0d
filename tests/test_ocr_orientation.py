"""A scan lying on its side or upside down is read in order from ONE RapidOCR reading: the orientation comes
from the lines' shapes and the angle classifier's votes, not from reading the page twice more turned."""

from __future__ import annotations

import pytest

from archivist.intake.extract import _ocr
from bench.ocr import cer
from tests.fixtures_gen import cjk_font, has_tesseract_chi_sim
from tests.ocr_pages import A4_200DPI, notice_page, turned

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


LONG_BODY = ("为巩固拓展脱贫攻坚成果，切实做好防止返贫动态监测和帮扶工作，根据上级有关文件精神，结合我镇实际，"
             "制定本方案。各村要以脱贫户和监测对象为重点，每季度开展一次集中排查，做到应纳尽纳、应扶尽扶。")


@pytest.fixture(scope="module")
def a4_small_print():
    """An A4 page at 200 dpi in 24 px print: 55 characters a line, which the angle classifier sees squeezed."""
    return notice_page("石桥镇防止返贫动态监测和帮扶工作方案", [LONG_BODY], ["石桥镇人民政府", "2024年3月8日"],
                       size=A4_200DPI, font_size=24, margin=160)


@pytest.mark.parametrize("degrees", [90, 270])
def test_the_long_lines_of_a_turned_a4_page_are_read_too(a4_small_print, degrees):
    result = _ocr.ocr_image(turned(a4_small_print, degrees).image.convert("L"), engine="rapidocr")
    assert result.rotated == (360 - degrees) % 360
    assert cer("\n".join(a4_small_print.paragraphs), result.text) < 0.03, result.text


def test_lines_are_turned_the_way_the_page_lies_not_each_its_own_way():
    import numpy as np

    crops = [np.arange(12, dtype=np.uint8).reshape(3, 4) for _ in range(4)]
    # standing lines: most say 180° (two unsure, as on squeezed long lines), one says 0° weakly; one lying line
    tall = [True, True, True, False]
    votes = [("180", 0.82), ("0", 0.60), ("180", 1.0), ("0", 0.99)]
    out = _ocr._one_way_per_page(crops, tall, votes)
    assert all((o == np.rot90(c, 2)).all() for o, c in zip(out[:3], crops[:3], strict=True))
    assert (out[3] == crops[3]).all()  # the lying line keeps its own group's way


@pytest.mark.skipif(not has_tesseract_chi_sim(), reason="tesseract chi_sim not installed")
def test_tesseract_reads_a_page_turned_270_in_order(page):
    # tesseract reads such a page as it lies, in standing lines, as confidently as turned: the lying reading
    # is the one the layout join can put in order
    result = _ocr.ocr_image(turned(page, 270).image.convert("L"), engine="tesseract")
    assert result.rotated == 90
    assert cer("\n".join(page.paragraphs), result.text) < 0.03, result.text
