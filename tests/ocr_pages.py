"""Generated pages with known text for OCR tests and bench/ocr.py: scans and phone photos of paper.

Each page is drawn with Pillow in a Noto CJK font, so the truth is exactly the text drawn. Conditions mirror
what units send: a clean 200 dpi scan, a skewed scan, a low-resolution fax-like scan, a phone photo with
uneven light and perspective-like tilt, a page with a red round stamp over the signature, a page scanned
upside down or on its side, and a photographed form (a ruled table with cells).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any

from tests.fixtures_gen import load_cjk_font

A4_200DPI = (1654, 2339)


@dataclass
class Page:
    name: str
    image: Any  # PIL image
    paragraphs: list[str]  # the text as a reader would give it, one paragraph per item


def _wrap(text: str, per_line: int) -> list[str]:
    return [text[i:i + per_line] for i in range(0, len(text), per_line)]


def notice_page(title: str, body: list[str], signature: list[str], size: tuple[int, int] = (1240, 1000),
                font_size: int = 40, margin: int = 80) -> Page:
    """A 公文-like page: centred title, body paragraphs wrapped at the right margin, a signature block."""
    from PIL import Image, ImageDraw

    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = load_cjk_font(font_size)
    per_line = (size[0] - 2 * margin) // font_size
    y = margin
    width = draw.textlength(title, font=font)
    draw.text(((size[0] - width) / 2, y), title, fill=0, font=font)
    y += int(font_size * 2.2)
    for paragraph in body:
        for i, line in enumerate(_wrap(paragraph, per_line)):
            indent = 0 if i else 0
            draw.text((margin + indent, y), line, fill=0, font=font)
            y += int(font_size * 1.6)
        y += int(font_size * 0.6)
    for line in signature:
        width = draw.textlength(line, font=font)
        draw.text((size[0] - margin - width - font_size, y), line, fill=0, font=font)
        y += int(font_size * 1.6)
    return Page("clean", image, [title, *body, *signature])


def form_page(title: str, rows: list[tuple[str, str]], note: str, size: tuple[int, int] = (1240, 900),
              font_size: int = 36) -> Page:
    """A paper form: a ruled two-column table and a 备注 line that wraps across the form's width."""
    from PIL import Image, ImageDraw

    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = load_cjk_font(font_size)
    margin = 70
    y = margin
    width = draw.textlength(title, font=font)
    draw.text(((size[0] - width) / 2, y), title, fill=0, font=font)
    y += int(font_size * 2)
    split = margin + 300
    row_h = int(font_size * 1.9)
    for label, value in rows:
        draw.rectangle([margin, y, size[0] - margin, y + row_h], outline=0, width=2)
        draw.line([split, y, split, y + row_h], fill=0, width=2)
        draw.text((margin + 14, y + (row_h - font_size) / 2 - 4), label, fill=0, font=font)
        draw.text((split + 14, y + (row_h - font_size) / 2 - 4), value, fill=0, font=font)
        y += row_h
    y += int(font_size * 0.8)
    per_line = (size[0] - 2 * margin) // font_size
    for line in _wrap(note, per_line):
        draw.text((margin, y), line, fill=0, font=font)
        y += int(font_size * 1.5)
    return Page("form", image, [title, *(f"{a} {b}" for a, b in rows), note])


# ---- degradations ----------------------------------------------------------------------------------
def skewed(page: Page, degrees: float = 3.0) -> Page:
    return Page("skewed", page.image.rotate(degrees, expand=True, fillcolor=255, resample=3), page.paragraphs)


def low_res(page: Page, factor: float = 0.5) -> Page:
    from PIL import Image

    w, h = page.image.size
    small = page.image.resize((int(w * factor), int(h * factor)), Image.Resampling.BILINEAR)
    return Page("low-res", small, page.paragraphs)


def turned(page: Page, degrees: int = 90) -> Page:
    return Page(f"rotated-{degrees}", page.image.rotate(degrees, expand=True, fillcolor=255), page.paragraphs)


def phone_photo(page: Page, seed: int = 7) -> Page:
    """Uneven light (a dark corner fading to a bright one), a small tilt, sensor noise, JPEG-like softness."""
    from PIL import Image, ImageChops, ImageFilter

    rng = random.Random(seed)
    image = page.image.convert("L").rotate(-2.0, expand=True, fillcolor=230, resample=3)
    w, h = image.size
    light = Image.linear_gradient("L").resize((w, h)).rotate(35, fillcolor=128)
    light = light.point(lambda v: 150 + int(v * 105 / 255))  # 150 (shadow) .. 255 (lit)
    image = ImageChops.multiply(image, light)
    noise = Image.effect_noise((w, h), 18).point(lambda v: 128 + (v - 128) // 3)
    image = ImageChops.add(image, noise, scale=1.0, offset=-128)
    image = image.filter(ImageFilter.GaussianBlur(0.8))
    _ = rng
    return Page(f"photo-{page.name}", image.convert("RGB"), page.paragraphs)


def stamped(page: Page) -> Page:
    """A red round seal with its own text over the signature block (the seal text is not part of the truth)."""
    from PIL import ImageDraw

    image = page.image.convert("RGB")
    draw = ImageDraw.Draw(image)
    w, h = image.size
    cx, cy, r = int(w * 0.78), int(h * 0.60), 120
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=(220, 30, 30), width=8)
    font = load_cjk_font(34)
    for i, ch in enumerate("乡村振兴工作专用章"):
        angle = math.radians(200 + i * 18)
        draw.text((cx + 0.72 * r * math.cos(angle) - 17, cy + 0.72 * r * math.sin(angle) - 17), ch,
                  fill=(220, 30, 30), font=font)
    draw.regular_polygon((cx, cy, 30), 5, fill=(220, 30, 30))
    return Page("stamp", image, page.paragraphs)


def sample_pages() -> list[Page]:
    """The bench's pages: one notice and one form under every condition."""
    notice = notice_page(
        "关于做好村内排水设施维护工作的通知",
        ["各村民小组：为保障汛期群众安全，经村两委研究决定，对全村主干道两侧的排水沟清淤疏浚进行集中整治，"
         "请各组长于本月二十日前组织人员完成排查并上报问题清单。",
         "对发现的盖板缺失、沟渠堵塞等问题，要建立台账，明确责任人和完成时限，逐项销号。"],
        ["青石村村民委员会", "2024年6月3日"],
    )
    form = form_page(
        "农户人居环境整治入户核查表",
        [("户主姓名", "王小明"), ("家庭人口", "4人"), ("厕所类型", "三格式化粪池"), ("核查日期", "2024年7月9日")],
        "备注：院内杂物已清理，圈舍粪污未及时清运，已当场告知户主限期整改并于下周复查。",
    )
    return [notice, skewed(notice), low_res(notice), phone_photo(notice), stamped(notice), turned(notice, 90),
            form, phone_photo(form), a4_page()]


def a4_page() -> Page:
    """A whole A4 page scanned at 200 dpi in 小四 (12 pt ≈ 33 px): the size real scans come in, where the
    text is small against the page (detection scaled down too far loses it)."""
    body = [
        "为巩固拓展脱贫攻坚成果，切实做好防止返贫动态监测和帮扶工作，根据上级有关文件精神，结合我镇实际，"
        "制定本方案。各村要以脱贫户和监测对象为重点，每季度开展一次集中排查，做到应纳尽纳、应扶尽扶。",
        "一、工作目标。全年新识别纳入监测对象须在十五日内落实帮扶措施，风险消除户须经村民代表评议和公示。"
        "对因病因灾因意外事故导致刚性支出较大的农户，要及时启动临时救助和医疗救助，防止出现规模性返贫。",
        "二、重点任务。一是加强农村饮水安全保障，对供水设施开展巡查维护；二是落实控辍保学责任，适龄儿童"
        "少年无失学辍学；三是开展农村危房排查，发现问题立即整改；四是稳定脱贫劳动力务工就业规模。",
        "三、保障措施。镇党委政府成立工作专班，驻村第一书记和工作队员要坚持入户走访，建立帮扶台账，"
        "每月报送工作进展。对工作不力、排查不实的村，将在全镇范围内通报批评并约谈相关负责人。",
    ]
    page = notice_page("石桥镇2024年防止返贫动态监测和帮扶工作方案", body, ["石桥镇人民政府", "2024年3月8日"],
                       size=A4_200DPI, font_size=33, margin=160)
    return Page("a4-dense", page.image, page.paragraphs)
