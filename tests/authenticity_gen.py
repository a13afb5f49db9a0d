"""Fixtures for the authenticity tests, made by code: synthetic site photos (a place drawn from a layout
seed, the day's light, people, vehicles and litter from a day seed), copies of a photo re-saved the way
staff re-use them (cropped, resized, brightened, JPEG q60, EXIF rewritten), Office files with chosen
core-property times, and valid 身份证号 built with their check digit."""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance

from archivist.authenticity.pii import id_check_char


def scene(layout: int, day: int, size: tuple[int, int] = (800, 600)) -> Image.Image:
    """A village scene: hills, houses, trees and the evidence object fixed by `layout`; light,
    camera position, people, vehicles, litter and sensor noise by `day`."""
    lay, today = random.Random(layout), random.Random(day * 7919 + layout)
    w, h = size
    dx, dy = today.randint(-w // 25, w // 25), today.randint(-h // 25, h // 25)
    zoom = 1 + today.uniform(0, 0.06)
    big = Image.new("RGB", (int(w * 1.2), int(h * 1.2)))
    d = ImageDraw.Draw(big)
    bw, bh = big.size
    light = today.uniform(0.7, 1.15)

    def lit(*rgb: int) -> tuple[int, ...]:
        return tuple(min(255, int(c * light)) for c in rgb)

    d.rectangle([0, 0, bw, bh], fill=lit(lay.randint(90, 150), lay.randint(150, 200), 235))
    for k in range(3):
        pts = [(0, bh)] + [(x, int(bh * 0.45 + lay.randint(-60, 40) + k * 30)) for x in range(0, bw + 80, 80)]
        d.polygon(pts + [(bw, bh)], fill=lit(40, 90 + 30 * k, 50))
    d.rectangle([0, int(bh * 0.7), bw, bh], fill=lit(120, 110, 90))
    for _ in range(lay.randint(3, 6)):
        x, y = lay.randint(0, bw - 150), int(bh * 0.5) + lay.randint(0, 80)
        bx, by = lay.randint(80, 160), lay.randint(60, 110)
        grey = lay.randint(180, 240)
        d.rectangle([x, y, x + bx, y + by], fill=lit(grey, grey, grey))
        d.polygon([(x - 10, y), (x + bx // 2, y - 40), (x + bx + 10, y)], fill=lit(150, 50, 40))
    for _ in range(lay.randint(4, 9)):
        x, y, r = lay.randint(0, bw), int(bh * 0.6) + lay.randint(0, 60), lay.randint(20, 45)
        d.ellipse([x - r, y - r * 2, x + r, y], fill=lit(20, 100, 30))
        d.rectangle([x - 4, y, x + 4, y + 30], fill=lit(90, 60, 30))
    ox, oy = lay.randint(200, bw - 300), int(bh * 0.62)
    d.rectangle([ox, oy, ox + 180, oy + 120], fill=lit(60, 120, 170))
    d.rectangle([ox + 40, oy - 40, ox + 140, oy - 10], fill=(240, 240, 240))
    for _ in range(today.randint(1, 5)):
        x, y = today.randint(0, bw), int(bh * 0.75) + today.randint(0, 60)
        d.ellipse([x - 6, y - 40, x + 6, y - 28], fill=(230, 190, 160))
        d.rectangle([x - 8, y - 28, x + 8, y], fill=tuple(today.randint(0, 255) for _ in range(3)))
    for _ in range(today.randint(0, 2)):
        x, y = today.randint(0, bw - 120), int(bh * 0.8) + today.randint(0, 40)
        d.rectangle([x, y, x + 110, y + 45], fill=tuple(today.randint(0, 255) for _ in range(3)))
    for _ in range(today.randint(3, 15)):
        x, y = today.randint(0, bw), int(bh * 0.72) + today.randint(0, int(bh * 0.28))
        d.rectangle([x, y, x + 6, y + 4], fill=tuple(today.randint(0, 255) for _ in range(3)))
    cx, cy = bw // 2 + dx, bh // 2 + dy
    cw, ch = int(w / zoom), int(h / zoom)
    im = big.crop((cx - cw // 2, cy - ch // 2, cx + cw // 2, cy + ch // 2)).resize(size)
    arr = np.asarray(im).astype(float) + np.random.default_rng(day * 31 + layout).normal(0, 6, (size[1], size[0], 3))
    return Image.fromarray(arr.clip(0, 255).astype("uint8"))


def reused(im: Image.Image, seed: int) -> Image.Image:
    """The same picture as staff re-use it: cropped ≤ 8 %, resized, brightened or darkened, JPEG q60."""
    rnd = random.Random(seed)
    w, h = im.size
    f = rnd.uniform(0.03, 0.08)
    box = (int(w * f * rnd.random()), int(h * f * rnd.random()), w - int(w * f * rnd.random()),
           h - int(h * f * rnd.random()))
    out = im.crop(box)
    scale = rnd.uniform(0.6, 1.2)
    out = out.resize((int(out.size[0] * scale), int(out.size[1] * scale)))
    out = ImageEnhance.Brightness(out).enhance(rnd.uniform(0.85, 1.15))
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=60)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def save_photo(path: Path, im: Image.Image, shot: str | None, caption: str | None = None) -> Path:
    """Save with EXIF DateTimeOriginal ('YYYY-MM-DD HH:MM:SS') and an XPTitle caption."""
    exif = Image.Exif()
    if shot:
        stamp = shot.replace("-", ":")
        exif[0x0132] = stamp
        sub = exif.get_ifd(0x8769)
        sub[36867] = stamp
        sub[36868] = stamp
    if caption:
        exif[0x9C9B] = caption.encode("utf-16-le") + b"\x00\x00"
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


def set_core_times(path: Path, created: str, modified: str | None = None) -> Path:
    """Rewrite an Office file's docProps/core.xml created/modified (ISO, e.g. '2025-01-03T09:00:00Z')."""
    modified = modified or created
    with zipfile.ZipFile(path) as zf:
        items = [(i, zf.read(i)) for i in zf.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in items:
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                for name, value in (("created", created), ("modified", modified)):
                    text = re.sub(rf"<dcterms:{name}[^>]*>[^<]*</dcterms:{name}>", "", text)
                    text = text.replace(
                        "</cp:coreProperties>",
                        f'<dcterms:{name} xsi:type="dcterms:W3CDTF">{value}</dcterms:{name}></cp:coreProperties>',
                    )
                if "xmlns:xsi" not in text:
                    text = text.replace(
                        "<cp:coreProperties ",
                        '<cp:coreProperties xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ', 1)
                if "xmlns:dcterms" not in text:
                    text = text.replace(
                        "<cp:coreProperties ", '<cp:coreProperties xmlns:dcterms="http://purl.org/dc/terms/" ', 1)
                data = text.encode("utf-8")
            zf.writestr(info, data)
    path.write_bytes(out.getvalue())
    return path


def resident_id(region: str = "110105", born: dt.date = dt.date(1975, 3, 8), seq: str = "123") -> str:
    first = f"{region}{born:%Y%m%d}{seq}"
    return first + id_check_char(first)


POLICY = [
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神",
    "坚决守住不发生规模性返贫的底线，持续巩固拓展脱贫攻坚成果同乡村振兴有效衔接",
    "深入学习运用“千万工程”经验，扎实推进宜居宜业和美乡村建设",
    "压紧压实各级责任，确保各项政策措施落地见效",
    "强化防止返贫监测帮扶，做到早发现、早干预、早帮扶",
]


def report_text(seed: int, town: str, sentences: int = 30, policy: bool = True) -> str:
    """A 总结-like text of distinct sentences about `town` (a seed gives different content)."""
    rnd = random.Random(seed)
    subjects = ["人居环境整治", "农村道路建设", "产业帮扶", "就业帮扶", "饮水安全", "危房改造", "垃圾分类",
                "污水治理", "公益岗位管理", "小额信贷", "技能培训", "村集体经济", "庭院经济", "乡风文明"]
    verbs = ["组织开展", "扎实推进", "持续深化", "统筹推进", "全面落实", "着力抓好", "认真开展"]
    tails = ["专项行动", "排查整改", "督导检查", "示范创建", "考核评比", "培训会议", "现场推进会"]
    out = [f"{town}2024年乡村振兴工作总结"]
    for i in range(sentences):
        if policy and i % 6 == 0:
            out.append(POLICY[(i // 6) % len(POLICY)] + "。")
        out.append(f"{town}{rnd.choice(verbs)}{rnd.choice(subjects)}{rnd.choice(tails)}，"
                   f"第{rnd.randint(1, 9)}批次共涉及{rnd.choice(['东岭村', '西坪村', '南溪村', '北山村'])}"
                   f"{rnd.randint(2, 90)}户{rnd.choice(['群众', '农户', '脱贫户'])}，"
                   f"{rnd.choice(['问题已全部销号', '群众满意度较高', '形成长效机制', '台账资料齐全'])}。")
    return "\n".join(out)
