"""RapidOCR's detector is given a page side that follows the print's size: large print is detected on a small
copy (fast), small print on a larger one (read whole), and both pages read right."""

from __future__ import annotations

import numpy as np
import pytest

from archivist.intake.extract import _ocr, _print_size
from bench.ocr import cer
from tests.fixtures_gen import cjk_font
from tests.ocr_pages import A4_200DPI, low_res, notice_page, phone_photo, turned

needs_font = pytest.mark.skipif(cjk_font() is None, reason="no CJK font installed")
needs_rapidocr = pytest.mark.skipif(_ocr.rapidocr_problem() is not None or cjk_font() is None,
                                    reason="rapidocr/onnxruntime or a CJK font not installed")

BODY = ["为巩固拓展脱贫攻坚成果，切实做好防止返贫动态监测和帮扶工作，根据上级有关文件精神，结合我镇实际，"
        "制定本方案。各村要以脱贫户和监测对象为重点，每季度开展一次集中排查，做到应纳尽纳、应扶尽扶。"]


def a4(font_size: int):
    return notice_page("石桥镇防止返贫动态监测和帮扶工作方案", BODY, ["石桥镇人民政府", "2024年3月8日"],
                       size=A4_200DPI, font_size=font_size, margin=160)


@needs_font
@pytest.mark.parametrize("font_size", [16, 20, 29, 44, 72])
@pytest.mark.parametrize("condition", ["scan", "photo", "turned", "half resolution"])
def test_the_print_is_measured_near_its_font_size(font_size, condition):
    page = a4(font_size)
    page, expected = {"scan": (page, font_size), "photo": (phone_photo(page), font_size),
                      "turned": (turned(page, 90), font_size),
                      "half resolution": (low_res(page), font_size / 2)}[condition]
    measured = _print_size.print_height(np.asarray(page.image.convert("L")))
    # never much larger than the print: a larger measure would scale the page down until its lines merge
    assert measured is not None and 0.8 * expected <= measured <= 1.15 * expected


def test_a_page_without_print_is_detected_at_the_default_side():
    blank = np.full((1000, 800), 255, dtype=np.uint8)
    assert _print_size.print_height(blank) is None
    assert _print_size.detection_side(800, 1000, None, _ocr.DET_MAX_SIDE) == _ocr.DET_MAX_SIDE


@needs_rapidocr
def test_large_print_is_detected_smaller_than_small_print_and_both_read_right(monkeypatch):
    sides: list[int] = []
    real = _ocr.detection_side

    def recording(width, height, char_height, fallback):
        sides.append(real(width, height, char_height, fallback))
        return sides[-1]

    monkeypatch.setattr(_ocr, "detection_side", recording)
    large, small = a4(56), a4(22)
    for page in (large, small):
        result = _ocr.ocr_image(page.image.convert("L"), engine="rapidocr")
        assert cer("\n".join(page.paragraphs), result.text) < 0.03, result.text
    assert sides[0] < _ocr.DET_MAX_SIDE < sides[1]  # the large print cost less detection than before
