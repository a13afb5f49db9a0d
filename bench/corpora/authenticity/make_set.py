#!/usr/bin/env python3
"""Independent authenticity evaluation set (弄虚作假 checks) for a fictional county, 杉屏县.

Deterministic: every random choice comes from random.Random(<fixed seed>); zip entries get fixed
timestamps and hand-written docProps/core.xml, so two runs give byte-identical files.

Run:  /work/main/.venv/bin/python make_set.py        (writes files/ and groups.json next to this script)

This script PLANTS problems; it does not detect anything.
"""
import io
import json
import os
import random
import shutil
import zipfile
from datetime import datetime, timedelta

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont
import docx
from docx.oxml.ns import qn
from docx.shared import Pt, Cm
from docx.enum.text import WD_ALIGN_PARAGRAPH
import openpyxl
from openpyxl.styles import Font, Alignment

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
FONT_DIR = "/usr/share/fonts/opentype/noto/"
COUNTY = "杉屏县"
W, H = 1024, 768

PLANTED = []
CONTROLS = []


def rel(p):
    return os.path.relpath(p, HERE).replace(os.sep, "/")


def plant(kind, files, note):
    PLANTED.append({"kind": kind, "files": [rel(f) for f in files], "note": note})


def control(kind, files, note):
    CONTROLS.append({"resembles": kind, "files": [rel(f) for f in files], "note": note})


def P(*parts):
    p = os.path.join(OUT, *parts)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


# ----------------------------------------------------------------------------------------------
# geography
# ----------------------------------------------------------------------------------------------
TOWNS = {
    "石门镇": ["柳湾村", "上坪村", "杨家坳村"],
    "杉口镇": ["红岩村", "新塘村", "桥头村"],
    "河埠乡": ["白沙村", "龙井村", "河湾村"],
    "桐岭镇": ["枫树坪村", "古樟村", "黄泥塘村"],
    "龙潭镇": ["长岭村", "水口村"],
}
TOWN_OF = {v: t for t, vs in TOWNS.items() for v in vs}
_g = random.Random(20240101)
GPS = {}
for _t, _vs in TOWNS.items():
    for _v in _vs:
        GPS[_v] = (27.30 + _g.random() * 0.35, 110.55 + _g.random() * 0.45, 380 + _g.random() * 420)


# ----------------------------------------------------------------------------------------------
# fonts
# ----------------------------------------------------------------------------------------------
_font_cache = {}


def font(size, bold=False, serif=False):
    key = (size, bold, serif)
    if key not in _font_cache:
        name = ("NotoSerifCJK-" if serif else "NotoSansCJK-") + ("Bold" if bold else "Regular") + ".ttc"
        try:
            _font_cache[key] = ImageFont.truetype(os.path.join(FONT_DIR, name), size, index=2)
        except OSError:
            _font_cache[key] = ImageFont.truetype(os.path.join(FONT_DIR, name), size)
    return _font_cache[key]


# ----------------------------------------------------------------------------------------------
# photo synthesis (pure pillow)
# ----------------------------------------------------------------------------------------------
def lerp(a, b, t):
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


def vgrad(size, top, bottom):
    w, h = size
    mask = Image.linear_gradient("L").resize((w, h))
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def jit(c, r, d=18):
    return tuple(max(0, min(255, x + r.randint(-d, d))) for x in c)


WEATHER = {
    "sunny": ((92, 150, 222), (200, 226, 246), 1.06, (255, 246, 228)),
    "overcast": ((160, 166, 176), (214, 216, 220), 0.90, (232, 234, 238)),
    "morning": ((140, 170, 214), (246, 214, 182), 0.98, (255, 236, 210)),
    "evening": ((98, 110, 160), (240, 176, 120), 0.86, (255, 214, 170)),
    "haze": ((178, 188, 196), (226, 228, 222), 0.95, (240, 238, 226)),
}


def draw_sign(img, box, text, bg=(20, 90, 170), fg=(255, 255, 255), sub=None):
    d = ImageDraw.Draw(img)
    x0, y0, x1, y1 = box
    d.rectangle(box, fill=bg, outline=(230, 230, 230), width=3)
    size = max(12, int((y1 - y0) * (0.42 if sub else 0.6)))
    f = font(size, bold=True)
    while d.textlength(text, font=f) > (x1 - x0) * 0.92 and size > 10:
        size -= 2
        f = font(size, bold=True)
    tw = d.textlength(text, font=f)
    ty = y0 + (y1 - y0) * (0.12 if sub else 0.18)
    d.text((x0 + (x1 - x0 - tw) / 2, ty), text, font=f, fill=fg)
    if sub:
        f2 = font(max(10, int(size * 0.55)))
        tw2 = d.textlength(sub, font=f2)
        d.text((x0 + (x1 - x0 - tw2) / 2, ty + size * 1.25), sub, font=f2, fill=fg)


def person(d, x, y, s, r):
    shirt = r.choice([(200, 40, 40), (40, 80, 160), (230, 200, 60), (60, 140, 70), (240, 120, 30), (90, 90, 90)])
    pants = r.choice([(40, 40, 60), (70, 60, 50), (30, 50, 90)])
    d.rectangle([x - s * 0.18, y - s * 0.45, x + s * 0.18, y], fill=pants)
    d.rectangle([x - s * 0.24, y - s * 0.85, x + s * 0.24, y - s * 0.42], fill=shirt)
    d.ellipse([x - s * 0.13, y - s * 1.1, x + s * 0.13, y - s * 0.84], fill=(222, 186, 150))
    if r.random() < 0.4:  # hat
        d.ellipse([x - s * 0.2, y - s * 1.14, x + s * 0.2, y - s * 1.02], fill=(240, 220, 120))


def vehicle(d, x, y, s, r, kind=None):
    kind = kind or r.choice(["car", "truck", "moto", "tricycle"])
    col = r.choice([(240, 240, 240), (200, 30, 30), (30, 60, 140), (60, 60, 60), (220, 200, 40), (40, 130, 80)])
    if kind == "car":
        d.rounded_rectangle([x, y - s * 0.45, x + s * 1.6, y - s * 0.1], 8, fill=col)
        d.polygon([(x + s * 0.3, y - s * 0.45), (x + s * 0.5, y - s * 0.75), (x + s * 1.15, y - s * 0.75), (x + s * 1.35, y - s * 0.45)], fill=lerp(col, (30, 40, 60), 0.4))
        for wx in (x + s * 0.35, x + s * 1.25):
            d.ellipse([wx - s * 0.16, y - s * 0.26, wx + s * 0.16, y + s * 0.06], fill=(20, 20, 20))
    elif kind == "truck":
        d.rectangle([x, y - s * 0.9, x + s * 1.5, y - s * 0.15], fill=(40, 140, 70))
        d.rectangle([x + s * 1.5, y - s * 0.7, x + s * 2.0, y - s * 0.15], fill=col)
        d.rectangle([x + s * 1.6, y - s * 0.62, x + s * 1.9, y - s * 0.42], fill=(150, 190, 220))
        for wx in (x + s * 0.3, x + s * 1.1, x + s * 1.75):
            d.ellipse([wx - s * 0.15, y - s * 0.3, wx + s * 0.15, y], fill=(20, 20, 20))
    elif kind == "tricycle":
        d.rectangle([x, y - s * 0.55, x + s * 0.9, y - s * 0.2], fill=(60, 100, 170))
        d.rectangle([x + s * 0.9, y - s * 0.6, x + s * 1.2, y - s * 0.2], fill=col)
        for wx in (x + s * 0.2, x + s * 0.7, x + s * 1.1):
            d.ellipse([wx - s * 0.12, y - s * 0.24, wx + s * 0.12, y], fill=(20, 20, 20))
    else:
        d.line([x, y - s * 0.2, x + s * 0.8, y - s * 0.2], fill=col, width=int(s * 0.15))
        for wx in (x, x + s * 0.8):
            d.ellipse([wx - s * 0.16, y - s * 0.32, wx + s * 0.16, y], outline=(20, 20, 20), width=max(2, int(s * 0.06)))
        person(d, x + s * 0.4, y - s * 0.25, s * 0.7, r)


def hills(img, rl, horizon, w):
    d = ImageDraw.Draw(img)
    for layer in range(3):
        base = horizon - rl.randint(10, 40) * (3 - layer)
        pts = [(0, horizon)]
        x = 0
        yv = base - rl.randint(20, 120)
        while x < w:
            pts.append((x, yv))
            x += rl.randint(40, 140)
            yv = max(horizon - 260, min(horizon - 10, yv + rl.randint(-60, 60)))
        pts += [(w, yv), (w, horizon)]
        g = [(118, 140, 128), (82, 118, 82), (60, 100, 58)][layer]
        d.polygon(pts, fill=jit(g, rl, 12))


def trees(d, rl, rd, xs, y, s):
    for x in xs:
        hh = s * rl.uniform(0.8, 1.4)
        d.rectangle([x - s * 0.06, y - hh * 0.4, x + s * 0.06, y], fill=(90, 64, 40))
        leaf = jit((52, 118, 52), rl, 20)
        if rd.random() < 0.15:
            leaf = lerp(leaf, (190, 150, 60), 0.5)
        d.ellipse([x - s * 0.4, y - hh * 1.1, x + s * 0.4, y - hh * 0.3], fill=leaf)


def litter(d, rd, box, n, heavy=True):
    x0, y0, x1, y1 = box
    for _ in range(n):
        x = rd.uniform(x0, x1)
        y = rd.uniform(y0, y1)
        s = rd.uniform(6, 34 if heavy else 14)
        c = rd.choice([(70, 60, 50), (120, 100, 70), (230, 230, 230), (40, 40, 40), (200, 60, 60), (60, 90, 160), (180, 170, 120)])
        if rd.random() < 0.5:
            d.ellipse([x, y, x + s * 1.4, y + s], fill=c)
        else:
            d.polygon([(x, y), (x + s, y - s * 0.4), (x + s * 1.6, y + s * 0.3), (x + s * 0.3, y + s * 0.6)], fill=c)


def render_scene(kind, layout_seed, day_seed, state="after", sign=None, sub=None):
    """Same layout_seed + different day_seed = same place, another day (different lighting, people,
    vehicles, litter, camera position). Different layout_seed = a different place."""
    rl = random.Random(layout_seed)
    rd = random.Random(day_seed)
    cw, ch = int(W * 1.08), int(H * 1.08)
    weather = rd.choice(list(WEATHER))
    top, bot, bright, tint = WEATHER[weather]
    horizon = int(ch * rl.uniform(0.36, 0.5))
    img = vgrad((cw, horizon + 2), jit(top, rd, 8), jit(bot, rd, 8))
    canvas = Image.new("RGB", (cw, ch))
    canvas.paste(img, (0, 0))
    # clouds
    d = ImageDraw.Draw(canvas)
    for _ in range(rd.randint(0, 6)):
        cx, cy = rd.randint(0, cw), rd.randint(10, max(20, horizon - 120))
        for k in range(4):
            r0 = rd.randint(20, 50)
            d.ellipse([cx + k * 30 - r0, cy - r0 * 0.6, cx + k * 30 + r0, cy + r0 * 0.6], fill=lerp(bot, (255, 255, 255), 0.6))
    hills(canvas, rl, horizon, cw)
    ground_top = jit((120, 140, 90), rl, 20)
    ground_bot = jit((150, 140, 110), rl, 20)
    if kind in ("road", "river", "pond"):
        ground_top, ground_bot = jit((96, 136, 72), rl, 14), jit((112, 150, 80), rl, 14)
    canvas.paste(vgrad((cw, ch - horizon), ground_top, ground_bot), (0, horizon))
    d = ImageDraw.Draw(canvas)
    gy = int(ch * rl.uniform(0.78, 0.9))  # main ground line for objects
    # background houses
    for _ in range(rl.randint(2, 5)):
        hx = rl.randint(0, cw - 120)
        hw, hh = rl.randint(60, 130), rl.randint(40, 80)
        wall = rl.choice([(235, 232, 222), (214, 196, 170), (200, 200, 205)])
        d.rectangle([hx, horizon - hh + 10, hx + hw, horizon + 10], fill=wall)
        d.polygon([(hx - 8, horizon - hh + 10), (hx + hw / 2, horizon - hh - 25), (hx + hw + 8, horizon - hh + 10)], fill=rl.choice([(150, 60, 50), (70, 80, 90), (60, 90, 120)]))
    trees(d, rl, rd, [rl.randint(0, cw) for _ in range(rl.randint(3, 8))], horizon + 14, rl.randint(40, 70))

    X = lambda f: int(cw * f)
    if kind == "garbage":
        x0 = X(rl.uniform(0.18, 0.42))
        bw = X(rl.uniform(0.32, 0.46))
        bh = int(ch * rl.uniform(0.22, 0.3))
        roof = rl.choice([(40, 110, 70), (30, 80, 150), (160, 50, 40), (90, 90, 100)])
        d.rectangle([x0, gy - bh, x0 + bw, gy], fill=(226, 226, 220))
        for ty in range(gy - bh, gy, 18):
            d.line([x0, ty, x0 + bw, ty], fill=(205, 205, 200))
        d.polygon([(x0 - 20, gy - bh), (x0 + bw + 20, gy - bh), (x0 + bw, gy - bh - 40), (x0, gy - bh - 40)], fill=roof)
        draw_sign(canvas, (x0 + bw * 0.12, gy - bh + 10, x0 + bw * 0.88, gy - bh + 60), sign or "生活垃圾收集点", bg=roof, sub=sub)
        nb = rl.randint(3, 5)
        cols = [rl.choice([(40, 140, 60), (90, 90, 90), (40, 90, 180), (190, 50, 40)]) for _ in range(nb)]
        for i in range(nb):
            bx = x0 + 20 + i * (bw - 40) / nb
            bwid = (bw - 40) / nb * 0.8
            top_y = gy - bh * 0.45
            d.rectangle([bx, top_y, bx + bwid, gy - 4], fill=cols[i])
            if rd.random() < 0.5:  # lid open
                d.polygon([(bx, top_y), (bx + bwid, top_y), (bx + bwid * 0.9, top_y - 22), (bx + bwid * 0.1, top_y - 26)], fill=lerp(cols[i], (0, 0, 0), 0.3))
            else:
                d.rectangle([bx - 3, top_y - 8, bx + bwid + 3, top_y], fill=lerp(cols[i], (0, 0, 0), 0.3))
            if rd.random() < 0.3:
                d.ellipse([bx + 4, top_y - 18, bx + bwid - 4, top_y + 6], fill=(235, 235, 235))
        # concrete pad
        d.rectangle([x0 - 40, gy, x0 + bw + 40, gy + 40], fill=(176, 176, 170))
        if state == "before":
            litter(d, rd, (x0 - 80, gy - 40, x0 + bw + 80, gy + 60), 160)
            litter(d, rd, (X(0.05), gy + 30, X(0.95), ch - 20), 90)
        else:
            litter(d, rd, (X(0.05), gy + 20, X(0.95), ch - 20), rd.randint(0, 6), heavy=False)
        if rd.random() < 0.6:
            vehicle(d, X(rd.uniform(0.62, 0.78)), gy + 50, rd.randint(90, 130), rd, "truck")
        for _ in range(rd.randint(0, 3)):
            person(d, X(rd.uniform(0.05, 0.95)), gy + rd.randint(40, 120), rd.randint(110, 160), rd)
    elif kind == "road":
        vx = X(rl.uniform(0.35, 0.65))
        top_w = rl.randint(16, 40)
        bot_l, bot_r = X(rl.uniform(0.05, 0.25)), X(rl.uniform(0.75, 0.95))
        surf = (168, 168, 162) if state == "after" else (150, 118, 82)
        d.polygon([(vx - top_w, horizon + 6), (vx + top_w, horizon + 6), (bot_r, ch), (bot_l, ch)], fill=surf)
        if state == "after":
            for k in range(1, 14):
                t = (k / 14) ** 1.8
                y = horizon + 6 + (ch - horizon) * t
                xl = vx - top_w + (bot_l - vx + top_w) * t
                xr = vx + top_w + (bot_r - vx - top_w) * t
                d.line([xl, y, xr, y], fill=(140, 140, 136), width=2)
            d.line([(vx - top_w, horizon + 6), (bot_l, ch)], fill=(240, 240, 240), width=4)
            d.line([(vx + top_w, horizon + 6), (bot_r, ch)], fill=(240, 240, 240), width=4)
        else:
            for _ in range(40):
                t = rd.uniform(0.1, 1.0) ** 1.5
                y = horizon + (ch - horizon) * t
                xx = vx + (rd.uniform(bot_l, bot_r) - vx) * t
                s = 8 + 60 * t
                d.ellipse([xx - s, y - s * 0.3, xx + s, y + s * 0.3], fill=rd.choice([(110, 84, 58), (120, 130, 140), (96, 72, 50)]))
        side = [X(rl.uniform(0.0, 0.3)) for _ in range(3)] + [X(rl.uniform(0.7, 1.0)) for _ in range(3)]
        trees(d, rl, rd, side, gy, rl.randint(80, 140))
        if sign:
            draw_sign(canvas, (X(0.72), gy - 190, X(0.97), gy - 110), sign, bg=(20, 110, 60), sub=sub)
            d.rectangle([X(0.84) - 4, gy - 110, X(0.84) + 4, gy], fill=(120, 120, 120))
        for _ in range(rd.randint(0, 3)):
            t = rd.uniform(0.3, 0.9)
            vehicle(d, vx + (X(0.5) - vx) * t - 60 * t, horizon + (ch - horizon) * t, int(40 + 140 * t), rd)
        for _ in range(rd.randint(0, 2)):
            person(d, X(rd.uniform(0.1, 0.3)), gy + rd.randint(0, 80), rd.randint(100, 150), rd)
    elif kind == "toilet":
        x0 = X(rl.uniform(0.22, 0.5))
        bw, bh = X(rl.uniform(0.22, 0.3)), int(ch * rl.uniform(0.28, 0.34))
        if state == "after":
            d.rectangle([x0, gy - bh, x0 + bw, gy], fill=(240, 240, 236))
            for ty in range(gy - bh, gy, 16):
                d.line([x0, ty, x0 + bw, ty], fill=(215, 215, 212))
            d.rectangle([x0 - 12, gy - bh - 18, x0 + bw + 12, gy - bh], fill=rl.choice([(60, 110, 170), (170, 60, 50), (70, 70, 80)]))
            d.rectangle([x0 + bw * 0.35, gy - bh * 0.62, x0 + bw * 0.65, gy], fill=(120, 80, 50))
            draw_sign(canvas, (x0 + bw * 0.1, gy - bh + 8, x0 + bw * 0.9, gy - bh + 50), sign or "卫生厕所", bg=(30, 100, 170), sub=sub)
        else:
            d.polygon([(x0, gy), (x0 + 6, gy - bh * 0.8), (x0 + bw - 4, gy - bh * 0.86), (x0 + bw, gy)], fill=(128, 96, 64))
            for k in range(6):
                xx = x0 + k * bw / 6
                d.line([xx, gy, xx + 4, gy - bh * 0.8], fill=(90, 66, 42), width=3)
            d.polygon([(x0 - 20, gy - bh * 0.8), (x0 + bw + 25, gy - bh * 0.9), (x0 + bw + 10, gy - bh), (x0 - 8, gy - bh * 0.92)], fill=(150, 150, 156))
            litter(d, rd, (x0 - 100, gy - 30, x0 + bw + 100, gy + 40), 50)
        d.rectangle([x0 - 60, gy, x0 + bw + 60, gy + 30], fill=(170, 166, 160))
        for _ in range(rd.randint(0, 2)):
            person(d, X(rd.uniform(0.05, 0.95)), gy + rd.randint(30, 110), rd.randint(110, 160), rd)
    elif kind == "pond":
        px0, px1 = X(rl.uniform(0.05, 0.2)), X(rl.uniform(0.8, 0.95))
        py0 = horizon + rl.randint(40, 90)
        water = (44, 56, 40) if state == "before" else (86, 140, 170)
        water = lerp(water, tint, 0.1)
        d.ellipse([px0, py0, px1, ch + rl.randint(40, 200)], fill=water)
        if state == "before":
            litter(d, rd, (px0 + 60, py0 + 20, px1 - 60, ch - 40), 120)
            for _ in range(30):
                x = rd.uniform(px0, px1)
                yy = py0 + rd.uniform(10, 200)
                d.ellipse([x, yy, x + 60, yy + 14], fill=(70, 96, 40))
        else:
            for _ in range(20):
                x = rd.uniform(px0 + 40, px1 - 40)
                y = rd.uniform(py0 + 20, ch - 20)
                d.line([x, y, x + rd.uniform(20, 80), y], fill=lerp(water, (255, 255, 255), 0.35), width=2)
            for k in range(0, cw, 40):
                d.line([k, py0 - 10, k, py0 - 50], fill=(200, 200, 200), width=4)
            d.line([0, py0 - 46, cw, py0 - 46], fill=(210, 210, 210), width=5)
        if sign:
            draw_sign(canvas, (X(0.04), py0 - 180, X(0.32), py0 - 70), sign, bg=(20, 80, 150), sub=sub)
        for _ in range(rd.randint(0, 2)):
            person(d, X(rd.uniform(0.6, 0.95)), py0 - 10, rd.randint(90, 130), rd)
    elif kind == "house":
        x0 = X(rl.uniform(0.15, 0.4))
        bw, bh = X(rl.uniform(0.36, 0.5)), int(ch * rl.uniform(0.26, 0.34))
        if state == "before":
            d.polygon([(x0, gy), (x0 + 10, gy - bh), (x0 + bw + 16, gy - bh + 18), (x0 + bw, gy)], fill=(150, 110, 76))
            d.polygon([(x0 - 20, gy - bh), (x0 + bw * 0.5, gy - bh - 80), (x0 + bw + 36, gy - bh + 12)], fill=(96, 84, 76))
            for _ in range(8):
                cx = rd.uniform(x0 + 20, x0 + bw - 20)
                cy = rd.uniform(gy - bh + 10, gy - 20)
                d.line([cx, cy, cx + rd.uniform(-30, 30), cy + rd.uniform(20, 70)], fill=(60, 40, 26), width=3)
            d.rectangle([x0 + bw * 0.2, gy - bh * 0.5, x0 + bw * 0.34, gy - bh * 0.3], fill=(30, 24, 20))
            litter(d, rd, (x0 - 80, gy - 20, x0 + bw + 80, gy + 50), 60)
        else:
            d.rectangle([x0 - 40, gy - 16, x0 + bw + 40, gy + 30], fill=(120, 150, 90))
            for k in range(14):
                xx = x0 - 20 + k * (bw + 40) / 14
                d.line([xx, gy - 14, xx, gy - 44], fill=(150, 110, 70), width=3)
            d.line([x0 - 20, gy - 36, x0 + bw + 20, gy - 36], fill=(150, 110, 70), width=3)
            for _ in range(30):
                xx = rd.uniform(x0, x0 + bw)
                d.ellipse([xx, gy - 10, xx + 16, gy + 6], fill=rd.choice([(60, 130, 50), (200, 60, 80), (230, 200, 60)]))
        if sign:
            draw_sign(canvas, (X(0.7), gy - 210, X(0.96), gy - 130), sign, bg=(150, 40, 40), sub=sub)
        for _ in range(rd.randint(0, 3)):
            person(d, X(rd.uniform(0.05, 0.95)), gy + rd.randint(30, 100), rd.randint(110, 150), rd)
    elif kind == "pv":
        rows = rl.randint(3, 5)
        for i in range(rows):
            y = horizon + 30 + i * ((gy - horizon) / rows)
            xl, xr = X(rl.uniform(0.02, 0.12)), X(rl.uniform(0.7, 0.98))
            hgt = 30 + i * 18
            d.polygon([(xl, y + hgt), (xl + 30, y), (xr + 30, y), (xr, y + hgt)], fill=lerp((30, 50, 110), tint, 0.15))
            for k in range(int((xr - xl) / 40)):
                xx = xl + k * 40
                d.line([xx, y + hgt, xx + 30, y], fill=(160, 170, 190), width=1)
            d.line([xl + 15, y + hgt / 2, xr + 15, y + hgt / 2], fill=(160, 170, 190), width=1)
        for k in range(0, cw, 60):
            d.line([k, gy + 10, k, gy - 50], fill=(80, 90, 80), width=3)
        d.line([0, gy - 40, cw, gy - 40], fill=(110, 120, 110), width=2)
        draw_sign(canvas, (X(0.6), gy - 10, X(0.95), gy + 80), sign or "村级光伏电站", bg=(30, 70, 140), sub=sub)
        for _ in range(rd.randint(0, 2)):
            person(d, X(rd.uniform(0.1, 0.5)), gy + rd.randint(40, 110), rd.randint(110, 150), rd)
    elif kind in ("center", "workshop"):
        x0 = X(rl.uniform(0.08, 0.3))
        bw, bh = X(rl.uniform(0.5, 0.66)), int(ch * rl.uniform(0.3, 0.38))
        wall = (236, 230, 214) if kind == "center" else (200, 206, 214)
        d.rectangle([x0, gy - bh, x0 + bw, gy], fill=wall)
        if kind == "center":
            d.polygon([(x0 - 20, gy - bh), (x0 + bw / 2, gy - bh - 60), (x0 + bw + 20, gy - bh)], fill=(70, 70, 80))
            for k in range(rl.randint(3, 6)):
                wx = x0 + 30 + k * (bw - 60) / 6
                d.rectangle([wx, gy - bh * 0.6, wx + 40, gy - bh * 0.3], fill=(120, 160, 190))
            d.line([x0 + bw + 80, gy, x0 + bw + 80, gy - bh - 80], fill=(200, 200, 200), width=5)
            d.rectangle([x0 + bw + 82, gy - bh - 80, x0 + bw + 150, gy - bh - 36], fill=(220, 30, 30))
            d.rectangle([x0 - 60, gy, x0 + bw + 180, gy + 60], fill=(190, 180, 170))
            draw_sign(canvas, (x0 + bw * 0.08, gy - bh + 10, x0 + bw * 0.92, gy - bh + 64), sign or "综合文化服务中心", bg=(180, 30, 30), fg=(255, 230, 120), sub=sub)
        else:
            d.rectangle([x0 + bw * 0.1, gy - bh * 0.6, x0 + bw * 0.4, gy], fill=(150, 156, 164))
            for ty in range(int(gy - bh * 0.6), gy, 10):
                d.line([x0 + bw * 0.1, ty, x0 + bw * 0.4, ty], fill=(130, 136, 144))
            for k in range(4):
                wx = x0 + bw * 0.5 + k * bw * 0.12
                d.rectangle([wx, gy - bh * 0.7, wx + bw * 0.08, gy - bh * 0.45], fill=(110, 150, 180))
            draw_sign(canvas, (x0 + bw * 0.05, gy - bh - 60, x0 + bw * 0.95, gy - bh - 4), sign or "帮扶车间", bg=(30, 70, 150), sub=sub)
        for _ in range(rd.randint(0, 6)):
            person(d, X(rd.uniform(0.05, 0.95)), gy + rd.randint(20, 120), rd.randint(100, 150), rd)
        if rd.random() < 0.5:
            vehicle(d, X(rd.uniform(0.6, 0.85)), gy + 70, rd.randint(80, 110), rd)
    elif kind == "farm":
        for i in range(10):
            t0, t1 = (i / 10) ** 1.6, ((i + 1) / 10) ** 1.6
            y0, y1 = horizon + (ch - horizon) * t0, horizon + (ch - horizon) * t1
            c = jit((96, 150, 60) if i % 2 else (130, 168, 74), rl, 10)
            c = lerp(c, tint, 0.12)
            d.rectangle([0, y0, cw, y1], fill=c)
            d.line([0, y1, cw, y1], fill=(150, 130, 90), width=max(1, int(6 * t1)))
        cx = X(rl.uniform(0.3, 0.7))
        d.polygon([(cx - 6, horizon), (cx + 6, horizon), (cx + 90, ch), (cx - 30, ch)], fill=(150, 160, 166))
        d.polygon([(cx - 2, horizon), (cx + 2, horizon), (cx + 60, ch), (cx, ch)], fill=(90, 130, 160))
        draw_sign(canvas, (X(0.05), gy - 200, X(0.42), gy - 90), sign or "高标准农田建设项目区", bg=(30, 110, 60), sub=sub)
        d.rectangle([X(0.23) - 4, gy - 90, X(0.23) + 4, gy], fill=(120, 120, 120))
        for _ in range(rd.randint(0, 3)):
            person(d, X(rd.uniform(0.4, 0.95)), gy + rd.randint(-60, 80), rd.randint(80, 130), rd)
        if rd.random() < 0.4:
            vehicle(d, X(rd.uniform(0.5, 0.8)), gy, rd.randint(70, 100), rd, "tricycle")
    elif kind == "river":
        y0 = horizon + rl.randint(30, 80)
        d.polygon([(0, y0), (cw, y0 + rl.randint(-30, 30)), (cw, y0 + 170), (0, y0 + 210)], fill=lerp((90, 130, 150), tint, 0.15))
        for _ in range(25):
            x = rd.uniform(0, cw)
            y = rd.uniform(y0 + 20, y0 + 180)
            d.line([x, y, x + rd.uniform(20, 90), y], fill=(180, 200, 210), width=2)
        d.rectangle([0, y0 + 210, cw, y0 + 260], fill=(176, 170, 160))
        draw_sign(canvas, (X(0.55), y0 + 260 - 230, X(0.9), y0 + 260 - 110), sign or "河长公示牌", bg=(20, 80, 160), sub=sub)
        d.rectangle([X(0.6), y0 + 150, X(0.62), y0 + 260], fill=(110, 110, 110))
        d.rectangle([X(0.83), y0 + 150, X(0.85), y0 + 260], fill=(110, 110, 110))
        for _ in range(rd.randint(1, 3)):
            person(d, X(rd.uniform(0.05, 0.5)), y0 + 260 + rd.randint(10, 60), rd.randint(110, 150), rd)
    # camera position: the photographer never stands on exactly the same spot
    ox, oy = rd.randint(0, cw - W), rd.randint(0, ch - H)
    img = canvas.crop((ox, oy, ox + W, oy + H))
    # lighting and colour temperature of that day
    img = Image.blend(img, Image.new("RGB", img.size, tint), 0.08)
    img = ImageEnhance.Brightness(img).enhance(bright * rd.uniform(0.96, 1.04))
    img = ImageEnhance.Contrast(img).enhance(rd.uniform(0.92, 1.08))
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    # sensor noise (deterministic: from rd)
    coarse = Image.frombytes("L", (W // 8, H // 8), rd.randbytes((W // 8) * (H // 8))).resize((W, H), Image.BICUBIC)
    fine = Image.frombytes("L", (W, H), rd.randbytes(W * H))
    noise = Image.blend(coarse, fine, 0.5).convert("RGB")
    img = Image.blend(img, noise, 0.045)
    # vignette
    mask = Image.radial_gradient("L").resize((W, H))
    img = Image.composite(ImageEnhance.Brightness(img).enhance(0.82), img, mask.point(lambda v: max(0, v - 110) * 2))
    return img


# ----------------------------------------------------------------------------------------------
# EXIF
# ----------------------------------------------------------------------------------------------
def _dms(v):
    deg = int(v)
    m = (v - deg) * 60
    mi = int(m)
    s = round((m - mi) * 60, 2)
    return (float(deg), float(mi), float(s))


def make_exif(dt=None, caption=None, village=None, gps=None, camera=None, seed=0):
    r = random.Random(seed)
    ex = Image.Exif()
    make, model = camera or r.choice([("HUAWEI", "ELS-AN00"), ("Xiaomi", "M2102K1C"), ("OPPO", "PEGM00"), ("vivo", "V2154A"), ("Canon", "Canon EOS 200D")])
    ex[0x010F] = make
    ex[0x0110] = model
    ex[0x0131] = model + " V12.0.1"
    if caption:
        ex[0x010E] = caption.encode("utf-8")  # many phones/apps write UTF-8 into ImageDescription
        ex[0x9C9B] = caption.encode("utf-16le") + b"\x00\x00"  # XPTitle
    if dt:
        s = dt.strftime("%Y:%m:%d %H:%M:%S")
        ex[0x0132] = s
        e = ex.get_ifd(0x8769)
        e[0x9003] = s
        e[0x9004] = s
    if gps is None and village:
        la, lo, alt = GPS[village]
        gps = (la + r.uniform(-0.002, 0.002), lo + r.uniform(-0.002, 0.002), alt)
    if gps:
        g = ex.get_ifd(0x8825)
        g[0x0000] = b"\x02\x02\x00\x00"
        g[0x0001] = "N"
        g[0x0002] = _dms(gps[0])
        g[0x0003] = "E"
        g[0x0004] = _dms(gps[1])
        g[0x0005] = b"\x00"
        g[0x0006] = float(round(gps[2], 1))
    return ex


def save_jpeg(img, path, exif=None, quality=88):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if exif is None:
        img.save(path, "JPEG", quality=quality)
    else:
        img.save(path, "JPEG", quality=quality, exif=exif)
    return path


def variant(img, scale=None, crop=None, brightness=None, seed=0):
    """A re-used picture: slight crop (fraction of each dimension removed), resize, brightness nudge."""
    r = random.Random(seed)
    out = img
    if crop:
        w, h = out.size
        dx, dy = int(w * crop), int(h * crop)
        lx, ty = r.randint(0, dx), r.randint(0, dy)
        out = out.crop((lx, ty, w - (dx - lx), h - (dy - ty)))
    if scale:
        out = out.resize((int(out.size[0] * scale), int(out.size[1] * scale)), Image.LANCZOS)
    if brightness:
        out = ImageEnhance.Brightness(out).enhance(brightness)
    return out


def photo(path, kind, layout, day, state="after", sign=None, sub=None, dt=None, caption=None, village=None, quality=88, exif=True, gps=None, seed=None):
    img = render_scene(kind, layout, day, state, sign, sub)
    ex = make_exif(dt, caption, village, gps=gps, seed=seed if seed is not None else day) if exif else None
    save_jpeg(img, path, ex, quality)
    return img


# ----------------------------------------------------------------------------------------------
# OOXML helpers: fixed zip timestamps and hand-written core properties
# ----------------------------------------------------------------------------------------------
def _w3c(local_dt):
    return (local_dt - timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%SZ")  # Beijing time -> UTC


def set_core(path, created, modified, creator, last_by=None, title="", revision=3):
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>"
        f"<cp:lastModifiedBy>{last_by or creator}</cp:lastModifiedBy><cp:revision>{revision}</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{_w3c(created)}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{_w3c(modified)}</dcterms:modified>'
        "</cp:coreProperties>"
    )
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    stamp = modified.timetuple()[:6]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        names = [n for n, _ in items]
        for n, data in items:
            if n == "docProps/core.xml":
                data = core.encode("utf-8")
            z.writestr(zipfile.ZipInfo(n, date_time=stamp), data, compress_type=zipfile.ZIP_DEFLATED)
        if "docProps/core.xml" not in names:
            z.writestr(zipfile.ZipInfo("docProps/core.xml", date_time=stamp), core.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    with open(path, "wb") as f:
        f.write(buf.getvalue())
    ts = modified.timestamp()
    os.utime(path, (ts, ts))


def D(s):
    """'2024-06-18 09:30' -> datetime (Beijing time)."""
    return datetime.strptime(s, "%Y-%m-%d %H:%M") if " " in s else datetime.strptime(s, "%Y-%m-%d")


def cn_date(dt):
    return f"{dt.year}年{dt.month}月{dt.day}日"


def write_docx(path, title, paras, sign=None, date=None, docno=None, created=None, modified=None, author="办公室", last_by=None, tables=(), images=()):
    doc = docx.Document()
    st = doc.styles["Normal"]
    st.font.name = "仿宋"
    st.font.size = Pt(14)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")
    if docno:
        p = doc.add_paragraph(docno)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(title)
    r.bold = True
    r.font.size = Pt(20)
    r.font.name = "宋体"
    r._element.rPr.rFonts.set(qn("w:eastAsia"), "方正小标宋简体")
    for t in paras:
        p = doc.add_paragraph(t)
        if not (t.startswith("（") or t[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")):
            p.paragraph_format.first_line_indent = Pt(28)
    for header, rows in tables:
        tb = doc.add_table(rows=1, cols=len(header))
        tb.style = "Table Grid"
        for i, h in enumerate(header):
            tb.rows[0].cells[i].text = str(h)
        for row in rows:
            cells = tb.add_row().cells
            for i, v in enumerate(row):
                cells[i].text = str(v)
    for cap, img in images:
        b = io.BytesIO()
        img.save(b, "JPEG", quality=80)
        b.seek(0)
        doc.add_picture(b, width=Cm(14))
        doc.add_paragraph(cap).alignment = WD_ALIGN_PARAGRAPH.CENTER
    if sign:
        for s in sign.split("\n"):
            doc.add_paragraph(s).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if date:
        doc.add_paragraph(cn_date(date)).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    os.makedirs(os.path.dirname(path), exist_ok=True)
    doc.core_properties.title = title
    doc.save(path)
    if created is None:
        created = (date or D("2024-06-01")) - timedelta(days=3, hours=-9)
    if modified is None:
        modified = (date or created) + timedelta(hours=16)
    set_core(path, created, modified, author, last_by, title)
    return path


def write_xlsx(path, title, header, rows, created, modified, author="办公室", last_by=None, sheet="Sheet1", notes=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(list(header))
    for c in ws[2]:
        c.font = Font(bold=True)
        c.alignment = Alignment(horizontal="center")
    for row in rows:
        ws.append(list(row))
    for n in notes:
        ws.append([n])
    for i in range(len(header)):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = 16
    os.makedirs(os.path.dirname(path), exist_ok=True)
    wb.save(path)
    set_core(path, created, modified, author, last_by, title)
    return path


def write_txt(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


# ----------------------------------------------------------------------------------------------
# identifiers
# ----------------------------------------------------------------------------------------------
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_check(s17):
    return "10X98765432"[sum(int(c) * w for c, w in zip(s17, ID_W)) % 11]


def id_valid(s):
    if len(s) != 18 or not s[:17].isdigit():
        return False
    try:
        datetime.strptime(s[6:14], "%Y%m%d")
    except ValueError:
        return False
    return id_check(s[:17]) == s[17].upper()


REGION = ["433127", "433125", "433130"]  # plausible 6-digit 行政区划 prefixes for the fictional county's area


def make_id(r, sex=None, year=None):
    y = year or r.randint(1948, 2003)
    b = datetime(y, 1, 1) + timedelta(days=r.randint(0, 364))
    seq = r.randint(10, 99) * 10
    g = sex if sex is not None else r.randint(0, 1)
    seq += r.choice([1, 3, 5, 7, 9]) if g else r.choice([0, 2, 4, 6, 8])
    s17 = r.choice(REGION) + b.strftime("%Y%m%d") + f"{seq:03d}"
    return s17 + id_check(s17)


def make_mobile(r):
    return r.choice(["138", "139", "135", "150", "151", "158", "159", "177", "180", "186", "189", "199"]) + "".join(str(r.randint(0, 9)) for _ in range(8))


USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def make_uscc(r):
    while True:
        org8 = "".join(r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY"[:10 if r.random() < 0.5 else 31]) for _ in range(8))
        vals = [int(c, 36) if c.isalpha() else int(c) for c in org8]
        c9 = 11 - sum(v * w for v, w in zip(vals, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
        c9 = {10: "X", 11: "0"}.get(c9, str(c9))
        s17 = "91" + "433127" + org8 + c9
        c18 = (31 - sum(USCC_CH.index(c) * w for c, w in zip(s17, USCC_W)) % 31) % 31
        code = s17 + USCC_CH[c18]
        if not id_valid(code):
            return code


SURN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐向彭田覃龙符"
GIVEN = ["建国", "秀英", "桂兰", "志强", "海波", "春梅", "德明", "玉华", "小军", "金花", "长林", "永红", "文静", "光辉", "冬生", "翠莲", "国平", "丽娟", "双喜", "满妹", "新民", "菊香", "少华", "银生"]


def name(r):
    return r.choice(SURN) + r.choice(GIVEN)


# ----------------------------------------------------------------------------------------------
# text material
# ----------------------------------------------------------------------------------------------
NUMS = "一二三四五六七八九十"
PROB = [
    "部分村产业规模偏小、链条较短，带动群众持续增收的能力还不强",
    "农村基础设施管护机制还不健全，建管脱节的问题在个别村仍然存在",
    "少数干部对政策理解不深不透，入户宣传解读不够到位",
    "村级集体经济收入来源单一，对资产租赁收入的依赖度较高",
    "人居环境长效管护经费保障不足，保洁队伍年龄普遍偏大",
    "返乡创业人才总量不足，懂经营、会管理的带头人缺乏",
    "部分项目前期工作不够充分，开工和资金支出进度偏慢",
    "群众参与乡村建设的主动性还没有充分调动起来，等靠要思想仍有存在",
    "监测帮扶信息比对还不够及时，部门间数据共享存在时间差",
    "移风易俗在部分村停留在制度层面，红白喜事大操大办现象未完全杜绝",
    "农产品品牌影响力不强，线上销售渠道拓展不够",
    "部分村级文化设施利用率不高，开放时间不够规律",
    "危旧房拆除后的土地利用谋划滞后，部分地块闲置",
    "村级组织负担仍然偏重，台账报表多、迎检任务重",
    "基层网格员队伍流动性大，业务培训跟不上",
    "灌溉水利设施老化，部分田块旱涝保收能力不足",
]
NEXT = [
    "紧盯监测帮扶重点人群，做到早发现、早干预、早帮扶，坚决守住不发生规模性返贫底线",
    "围绕优势特色产业延链补链，培育一批带动能力强的新型经营主体",
    "健全农村公共基础设施管护责任清单，落实管护主体和管护经费",
    "持续开展村庄清洁行动，推动人居环境整治由集中整治向常态长效转变",
    "深化党支部领办合作社模式，多渠道拓宽村级集体经济增收路径",
    "加大返乡入乡创业扶持力度，落实场地、信贷、培训等配套政策",
    "加快衔接资金项目实施进度，确保资金支出进度达到序时要求",
    "推广积分制、清单制等治理方式，激发群众参与乡村治理的内生动力",
    "深化移风易俗，发挥红白理事会作用，持续整治高价彩礼、大操大办",
    "实施农村公路提质改造，完善通组道路和安全防护设施",
    "推进农村电商服务站点提质，帮助农户拓宽农产品销售渠道",
    "加强驻村干部日常管理，严格落实驻村考勤和工作日志制度",
    "持续开展控辍保学、参保动员等专项工作，巩固“三保障”成果",
    "统筹推进高标准农田建设和撂荒地整治，稳定粮食播种面积",
    "加强村级综合文化服务中心管理，常态化开展群众性文化活动",
    "强化村干部和后备力量培训，提升基层干部履职能力",
]


def intro(year, unit, specific):
    spirit = "党的二十大和二十届二中、三中全会精神" if year >= 2024 else "党的二十大精神"
    return (f"{year}年，{unit}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平总书记关于“三农”工作的重要论述，"
            f"全面贯彻落实{spirit}，坚持农业农村优先发展，学习运用“千万工程”经验，{specific}现将有关情况总结如下。")


def summary_paras(year, unit, specific, items, slot):
    ps = [intro(year, unit, specific), f"一、{year}年主要工作及成效"]
    for i, (head, body) in enumerate(items):
        ps.append(f"（{NUMS[i]}）{head}。{body}")
    ps.append("二、存在的问题")
    ps.append("一是" + PROB[(2 * slot) % 16] + "；二是" + PROB[(2 * slot + 1) % 16] + "。")
    ps.append(f"三、{year + 1}年工作打算")
    ps.append(f"{year + 1}年，我们将坚持问题导向，重点抓好以下工作：一是" + NEXT[(2 * slot) % 16] + "；二是" + NEXT[(2 * slot + 1) % 16] + "；三是" + NEXT[(2 * slot + 7) % 16] + "。")
    return ps


def subst(paras, pairs):
    out = []
    for p in paras:
        for a, b in pairs:
            p = p.replace(a, b)
        out.append(p)
    return out


def similarity(a, b, n=5):
    """character n-gram containment, only used to assert our own planting (not a detector under test)."""
    A = {a[i:i + n] for i in range(len(a) - n + 1)}
    B = {b[i:i + n] for i in range(len(b) - n + 1)}
    return len(A & B) / max(1, min(len(A), len(B)))


# --- 工作总结 bodies -------------------------------------------------------------------------------
SHIMEN_2023 = [
    ("巩固拓展脱贫攻坚成果", "全镇纳入防止返贫监测对象47户163人，已消除风险31户112人，对未消除风险户逐户落实“一户一策”帮扶措施。全年开展集中排查4轮，镇村干部入户走访2860户次，发现并及时处置因病、因灾风险线索19条。"),
    ("特色产业发展", "以柳湾村油茶、上坪村高山蔬菜、杨家坳村黄桃为重点，新发展油茶1200亩，高山蔬菜基地扩大到850亩。新培育农民专业合作社5家，通过订单收购、务工带动等方式联结脱贫户312户。"),
    ("农村人居环境整治", "开展村庄清洁行动“春夏秋冬”四季战役，清理生活垃圾和杂物620吨，拆除危旧房和附属设施86处，建成小菜园、小果园等“四小园”134个。柳湾村新建垃圾清运点2处，实现生活垃圾日产日清。"),
    ("乡村治理", "3个村全面推行积分制管理，累计发放积分卡1900余张，群众凭积分兑换生活用品。全年排查调处矛盾纠纷58起，调处成功率98.3%。各村修订完善村规民约，成立红白理事会3个。"),
    ("村级集体经济", "3个村集体经济收入均超过10万元，其中柳湾村依托油茶加工厂租赁和社会化服务，集体经济收入达到21.6万元。"),
]
SHIMEN_NUM = [("47户163人", "39户131人"), ("31户112人", "28户97人"), ("4轮", "5轮"), ("2860户次", "3120户次"), ("19条", "23条"),
              ("1200亩", "900亩"), ("850亩", "1100亩"), ("5家", "4家"), ("312户", "356户"), ("620吨", "540吨"), ("86处", "73处"),
              ("134个", "158个"), ("1900余张", "2300余张"), ("58起", "47起"), ("98.3%", "98.9%"), ("21.6万元", "24.3万元"),
              ("柳湾村新建垃圾清运点2处", "杨家坳村新建垃圾清运点2处")]

NONG_2023 = [
    ("生活垃圾治理", "全县建成乡镇垃圾中转站6座，配置村级垃圾收集点412个、勾臂箱186个，农村生活垃圾收运处置体系覆盖全部行政村。推行“户分类、村收集、镇转运、县处理”模式，农村生活垃圾无害化处理率稳定在95%以上。"),
    ("生活污水治理", "完成12个行政村生活污水治理任务，新建小型污水处理设施23座，铺设收集管网41公里。完成农村黑臭水体整治5条，整治后水体透明度和溶解氧指标明显改善。"),
    ("村容村貌提升", "开展“美丽庭院”创建评选，评出示范户560户；清理河塘沟渠180公里，整治乱搭乱建、乱堆乱放点位1340处。"),
    ("长效管护机制", "推行“政府主导、企业运营、村民参与”的管护模式，与第三方保洁公司签订合同，覆盖8个乡镇；全县聘用村级保洁员1260名，落实管护经费1480万元。"),
]
NONG_NUM = [("6座", "7座"), ("412个", "436个"), ("186个", "203个"), ("95%", "96%"), ("12个行政村", "15个行政村"), ("23座", "29座"),
            ("41公里", "52公里"), ("5条", "4条"), ("560户", "610户"), ("180公里", "205公里"), ("1340处", "1185处"), ("8个乡镇", "10个乡镇"),
            ("1260名", "1288名"), ("1480万元", "1560万元")]

HONGYAN_ZC = [
    ("建强村级组织", "工作队协助村党支部开展“三会一课”24次，发展党员2名，培养入党积极分子3名。推动红岩村“两委”班子按时换届，选优配强村级后备力量6名。"),
    ("发展富民产业", "争取衔接资金86万元建设红岩村茶叶加工厂，配套建成标准化茶园320亩，带动脱贫户58户户均增收4200元。联系派出单位县财政局开展消费帮扶，销售茶叶、腊肉等农产品21.5万元。"),
    ("落实监测帮扶", "工作队与村干部分片包户，每月入户走访监测对象和脱贫不稳定户，全年走访1080户次。新识别纳入监测对象3户11人，落实医疗救助、临时救助等帮扶措施，消除风险4户15人。"),
    ("为民办实事", "协调修建通组公路2.3公里、安装路灯65盏，解决了桥边、老屋场两个组群众出行难问题。组织开展义诊、法律咨询等志愿服务活动9场次。"),
]
HONGYAN_SUB = [("红岩村", "白沙村"), ("杉口镇", "河埠乡"), ("县财政局", "县住建局"), ("刘志远", "陈立新"), ("桥边、老屋场", "沙湾、上岭"),
               ("茶叶加工厂", "竹笋加工厂"), ("标准化茶园", "竹林基地"), ("茶叶、腊肉", "竹笋、茶油"), ("86万元", "92万元"), ("58户", "61户"),
               ("21.5万元", "23.8万元"), ("1080户次", "1140户次")]

HEBU_2024 = [
    ("防返贫监测帮扶", "全乡纳入监测对象52户178人，其中已消除风险34户119人。依托防返贫监测预警平台，每月比对医保、教育、残联等部门数据，推送预警线索41条，核实后新纳入监测对象9户。"),
    ("产业发展", "围绕河湾村莲藕、龙井村茶叶、白沙村竹笋三大产业，新建莲藕基地600亩，改造低产茶园450亩。引进加工企业2家，新建冷链仓储设施1处，全乡农产品加工转化率提高到58%。"),
    ("乡村建设", "实施乡村建设项目17个，完成投资2160万元。新建通组公路8.6公里，改造提质农村供水工程3处，解决2100余人饮水安全问题。"),
    ("乡风文明", "在3个村设立新时代文明实践站，全年开展志愿服务活动126场次；评选“好媳妇”“好婆婆”等先进典型48人，红白喜事简办率提高到92%。"),
]
HEBU_SUB = [("河埠乡", "龙潭镇"), ("全乡", "全镇"), ("河湾村莲藕、龙井村茶叶、白沙村竹笋", "长岭村油茶、水口村生姜、镇区周边蔬菜"), ("莲藕基地", "油茶基地"),
            ("低产茶园", "生姜基地"), ("52户178人", "49户165人"), ("34户119人", "31户104人"), ("3个村", "2个村"), ("17个", "15个"),
            ("2160万元", "1980万元")]

SHANKOU_2023 = [
    ("稳住粮食生产", "全镇落实粮食播种面积2.16万亩，推广“稻油轮作”6800亩，建立水稻集中育秧点4个。整治撂荒地420亩，全部复耕种植水稻和油菜。"),
    ("抓好产业带动", "红岩村、桥头村茶叶产业持续壮大，新建茶叶加工厂1座。组建镇级农业社会化服务中心，为小农户提供代耕代收服务1.2万亩次。"),
    ("做实就业帮扶", "组织脱贫劳动力外出务工2140人，开发乡村公益性岗位96个，在桥头村帮扶车间吸纳本地群众就业38人。"),
    ("守好安全底线", "完成农村危房改造和抗震改造27户，排查整治农村自建房安全隐患113处；汛期转移避险群众460人次，未发生人员伤亡。"),
]
SHANKOU_2024 = [
    ("推动茶旅融合", "以红岩村千亩茶园为核心，打造“茶山步道+民宿+研学”线路，全年接待游客3.6万人次，带动周边农户经营民宿和农家乐14家，户均增收1.1万元。"),
    ("盘活闲置资源", "开展闲置农房和宅基地摸底，盘活闲置农房22栋，引进社会资本建设乡村工坊2个。新塘村将废弃村小改造为农产品展销中心，村集体年租金收入8万元。"),
    ("完善基础设施", "投入资金1350万元实施桥头村至新塘村道路提质改造4.8公里，新建机耕道6.2公里、灌溉渠道3.1公里，解决了1800余亩农田灌溉难题。"),
    ("提升治理效能", "在全镇推行“屋场恳谈会”制度，围绕修路、分红、人居环境等议题召开恳谈会64场，收集群众意见建议290条，办结率96%。建立镇村两级网格143个，实现网格员全覆盖。"),
]
WENLV_2023 = [
    ("公共文化设施建设", "新建和提质改造村级综合文化服务中心18个，新增农家书屋图书2.1万册，县图书馆在乡镇设立分馆5个。"),
    ("送文化下乡", "开展送戏下乡演出86场、农村公益电影放映2900场次，组织“村晚”展演12场，观众累计超过9万人次。"),
    ("文化遗产保护", "完成2处省级传统村落保护规划编制，新申报县级非遗代表性项目6项，组织非遗传承人开展技艺培训4期。"),
]
WENLV_2024 = [
    ("“和美乡村”文体赛事", "举办首届“村BA”篮球邀请赛和乡村趣味运动会，参赛村队104支，线上直播观看量超过120万人次，带动赛事周边农产品销售46万元。"),
    ("文化阵地运营", "推行村级文化中心“错时开放+预约服务”，每周开放时间不少于42小时；引入群众文艺团队自主管理，全年组织广场舞、花灯、山歌等活动740余场。"),
    ("非遗活化利用", "将杉屏傩戏、竹编技艺纳入中小学课后服务课程，设立非遗工坊3个，吸纳脱贫群众从事竹编生产67人，年人均增收6300元。"),
    ("文旅线路推介", "策划推出“古樟·茶山·傩戏”等3条乡村旅游精品线路，全年乡村旅游接待游客58万人次。"),
]
QIAOTOU_ZC = [
    ("抓党建促振兴", "工作队推动桥头村党支部开展“主题党日”活动12次，建立党员联系户制度，46名党员联系农户318户，带头参与环境整治和矛盾调解。"),
    ("帮扶车间稳就业", "协调引进箱包加工企业入驻桥头村帮扶车间，车间常年用工38人，其中脱贫劳动力和监测对象21人，月均工资2600元。"),
    ("解决急难愁盼", "针对老年人就医不便，协调县人民医院每季度开展巡回义诊，全年服务村民760余人次；为12户独居老人安装“一键呼”智能设备。"),
]
XINTANG_ZC = [
    ("谋划集体经济", "工作队帮助新塘村制定集体经济发展三年规划，利用废弃村小改建农产品展销中心，对外出租后每年为村集体增加收入8万元。"),
    ("推动移风易俗", "指导新塘村修订村规民约，明确红白喜事操办标准，全年劝导简办婚丧事宜29起，为群众节约开支约70万元。"),
    ("发展庭院经济", "推广“小菜园、小果园、小禽舍”庭院经济模式，引导156户农户发展庭院种养，户均增收1800元；对接县城学校食堂开展消费帮扶，采购金额13.4万元。"),
    ("改善人居环境", "组织党员、志愿者开展周末清洁日活动40次，清理房前屋后杂物120余吨，建成村级垃圾分类示范点1个。"),
]

# --- 实施方案 task pools (disjoint slices go to independently written plans) ----------------------
CLEAN_TASKS = [
    ("清理农村生活垃圾", "全面清理村庄道路两侧、房前屋后、河塘沟渠的积存垃圾，重点整治垃圾乱扔乱倒、焚烧垃圾等行为，做到垃圾不落地、不露天。"),
    ("清理村内塘沟", "以房前屋后河塘沟渠和排水沟为重点，清理水域漂浮物和淤泥，打通断头沟渠，逐步消除农村黑臭水体。"),
    ("清理畜禽养殖粪污", "规范畜禽散养，推动人畜分离，清理露天粪堆，严禁畜禽粪污直排入河。"),
    ("整治乱堆乱放", "集中整治柴草、建材、农机具乱堆乱放，引导农户规范堆放在指定位置，实现整齐有序。"),
    ("建设“四小园”", "利用拆除危旧房后的空闲地块，因地制宜建设小菜园、小果园、小花园、小公园，做到宜菜则菜、宜果则果。"),
    ("开展“最美庭院”评比", "每季度在各村开展一次庭院评比，评选结果在村务公开栏公示，对先进户给予积分奖励，对后进户上门帮助整改。"),
    ("落实门前“三包”", "与沿街农户和经营户签订门前“三包”责任书，包卫生、包秩序、包绿化，村干部每周巡查并通报。"),
    ("推行垃圾分类减量", "在中心村试点“两次四分”垃圾分类法，可腐烂垃圾就地堆肥还田，可回收物由供销网点统一回收。"),
    ("规范保洁员管理", "按照每200户配备1名保洁员的标准落实保洁力量，实行“定人、定岗、定责、定薪”，保洁员考勤与绩效挂钩。"),
    ("整治农村公厕", "对村级公厕逐个排查，落实专人管护，配齐洗手池、照明等设施，做到每日清扫、无异味。"),
    ("开展“清洁星期五”", "每周五下午组织党员、村民小组长和志愿者开展集中清扫，镇包村干部带头参加，形成常态化机制。"),
    ("强化宣传发动", "通过村村响广播、微信群、院坝会等方式宣传村庄清洁行动，引导群众从“旁观者”变为“参与者”。"),
]
TOILET_TASKS = [
    ("全面摸排问题厕所", "以2018年以来改造的户厕为重点，逐户核查厕屋、化粪池、管道和使用情况，建立问题厕所台账，做到户不漏厕、厕不漏项。"),
    ("分类实施整改", "对渗漏、破损的化粪池限期修复；对建而未用的户厕查明原因，逐户制定整改措施；对确实无法整改的，纳入下一年度改厕计划。"),
    ("规范验收程序", "整改完成后由村级初验、乡镇复验，验收合格后拍摄整改前后对比照片，录入农村改厕信息系统。"),
    ("健全粪污收运体系", "按照“户收集、村转运、镇处理”的思路，配备吸粪车，建立预约抽厕服务，粪污经无害化处理后还田利用。"),
    ("落实管护责任", "明确户主是户厕管护第一责任人，村级设立管护员，定期上门检查，发现问题及时维修。"),
    ("严把产品质量", "改厕所用化粪池、便器等产品统一采购，严格执行国家标准，进场前抽样检测，不合格产品一律退场。"),
    ("推进公厕提质", "对村级公厕实施改造提质，落实“所长制”，公示管护人员和监督电话，接受群众监督。"),
    ("强化技术指导", "组建由住建、农业农村、卫健部门技术人员组成的指导组，分片包干开展施工指导和技术培训。"),
    ("群众满意度回访", "整改完成一个月后组织回访，了解使用效果和群众意见，回访不满意的重新整改。"),
    ("建立长效机制", "将户厕管护纳入村规民约和积分制管理，对管护好的农户给予积分奖励，推动管好用好。"),
    ("加强资金监管", "改厕奖补资金实行先建后补、以奖代补，资金拨付前在村务公开栏公示，严禁虚报冒领。"),
    ("推进厕污共治", "在具备条件的村将户厕改造与生活污水治理统筹推进，优先接入污水管网。"),
]
FPFX_TASKS = [
    ("精准识别监测对象", "坚持农户自主申报、基层干部排查、部门筛查预警相结合，对收入不稳定、存在返贫致贫风险的农户及时纳入监测。"),
    ("落实分类帮扶", "对有劳动能力的监测户，落实产业和就业帮扶；对无劳动能力的，落实低保、特困供养等兜底保障。"),
    ("规范风险消除", "严格按照收入稳定、“三保障”和饮水安全持续巩固的标准消除风险，不得简单以收入达标消除风险。"),
    ("开展常态化走访", "镇村干部和驻村工作队每月至少走访监测户一次，填写入户走访记录，动态掌握家庭变化。"),
    ("强化数据比对", "每月与医保、民政、教育、残联等部门比对数据，对预警线索逐条核实，15日内完成核查反馈。"),
    ("落实“一户一策”", "为每户监测对象制定帮扶计划，明确帮扶责任人、帮扶措施和完成时限，帮扶措施录入监测系统。"),
    ("用好防贫保险", "推广防返贫综合保险，对因病、因灾、因意外导致支出骤增的农户及时理赔，降低返贫风险。"),
    ("开展集中排查", "每年组织不少于两次集中排查，重点排查大病、重残、独居老人等特殊群体。"),
    ("加强政策宣传", "印制防返贫监测明白卡，公开申报渠道，确保群众知晓申报流程。"),
    ("提升就业质量", "对监测户劳动力开展技能培训，优先安排公益性岗位，落实务工交通补贴。"),
    ("防范化解风险", "对突发严重困难户启动快速响应机制，做到风险发现后7日内落实帮扶措施。"),
    ("强化考核督导", "将防返贫监测帮扶工作纳入村级年度考核，对工作不力的村进行约谈。"),
]
JTJJ_TASKS = [
    ("盘活集体资源", "对村集体所有的山林、水塘、闲置校舍进行清查登记，通过公开发包、租赁等方式盘活利用。"),
    ("发展社会化服务", "由村集体组建农机服务队，为农户提供机耕、机收、植保等有偿服务。"),
    ("推进党支部领办合作社", "由村党支部领办种养专业合作社，吸收农户以土地、资金入股，按股分红。"),
    ("规范财务管理", "严格执行村级财务“四议两公开”，集体收益分配方案经村民代表会议通过后实施。"),
]
GUARANTEE = [
    "成立工作领导小组，由{sec}任组长，{mayor}任常务副组长，分管领导{dep}任副组长，领导小组办公室设在{office}。",
    "各村要落实主体责任，村党组织书记为第一责任人，细化任务分工，确保各项任务落地落实。",
    "{town}将工作完成情况纳入年度绩效考核，实行月调度、季通报，对工作滞后的村进行约谈。",
    "统筹整合相关资金，{town}财政安排专项经费，对工作成效明显的村给予以奖代补。",
    "充分发挥新闻媒体和村级宣传阵地作用，总结推广先进经验，营造比学赶超的良好氛围。",
    "纪检监察部门加强监督，严禁弄虚作假、形式主义，对敷衍塞责的严肃追责问责。",
    "建立群众监督机制，公开监督电话（{tel}，办公电话），及时回应群众关切。",
    "加强技术培训，每年对村干部和管护人员开展不少于两次业务培训。",
    "建立工作台账，做到一村一档、一项一档，资料真实完整、可追溯。",
]
GUIDE = ("以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平总书记关于“三农”工作的重要论述，"
         "坚持农业农村优先发展，学习运用“千村示范、万村整治”工程经验，以{topic}为重点，扎实推进乡村全面振兴。")


def plan_paras(town, topic, goal, tasks, guars, phases, names):
    ps = ["一、指导思想", GUIDE.format(topic=topic), "二、工作目标", goal, "三、主要任务"]
    for i, (h, b) in enumerate(tasks):
        ps.append(f"（{NUMS[i]}）{h}。{b}")
    ps.append("四、保障措施")
    for i, g in enumerate(guars):
        ps.append(f"（{NUMS[i]}）" + g.format(town=town, **names))
    ps.append("五、时间安排")
    ps += phases
    return ps


# ----------------------------------------------------------------------------------------------
# the set
# ----------------------------------------------------------------------------------------------
LEAD = {  # 书记, 镇(乡)长, 分管领导, office, landline
    "石门镇": ("向德明", "田海波", "符春梅", "镇乡村振兴办", "0745-7221368"),
    "杉口镇": ("龙光辉", "彭志强", "覃丽娟", "镇农业综合服务中心", "0745-7316025"),
    "河埠乡": ("杨新民", "吴长林", "唐文静", "乡乡村振兴办", "0745-7452290"),
    "桐岭镇": ("郭国平", "罗永红", "梁少华", "镇农业农村办", "0745-7538816"),
    "龙潭镇": ("谢冬生", "宋玉华", "马菊香", "镇乡村振兴办", "0745-7607743"),
}


def names_of(town):
    s, m, d, o, t = LEAD[town]
    return {"sec": f"镇党委书记{s}" if town.endswith("镇") else f"乡党委书记{s}",
            "mayor": f"镇长{m}" if town.endswith("镇") else f"乡长{m}", "dep": d, "office": o, "tel": t}


def gov(town):
    return f"中共{town}委员会\n{town}人民政府"


def photos():
    # ---------------- photo_reuse ----------------
    reuse = [
        # kind, layout, day, orig village, orig caption, orig date, copies: (village, caption, date, transform)
        ("garbage", 11, 1101, "柳湾村", "柳湾村 垃圾清运点 整治后", "2024-05-20 10:12",
         [("新塘村", "新塘村 垃圾清运点 整治后", "2024-08-11 15:40", dict(scale=0.75))], "石门镇"),
        ("road", 12, 1201, "上坪村", "上坪村 通组公路硬化 完工", "2024-07-03 09:25",
         [("白沙村", "白沙村 通组公路硬化 完工", "2024-10-16 11:02", dict(crop=0.06, scale=0.9))], "石门镇"),
        ("toilet", 13, 1301, "杨家坳村", "杨家坳村 户厕改造 验收", "2023-09-14 14:31",
         [("杨家坳村", "杨家坳村 户厕改造 验收", "2024-09-20 10:05", dict(brightness=1.08, crop=0.03))], "石门镇"),
        ("center", 14, 1401, "龙井村", "龙井村 农家书屋 开放", "2024-04-23 16:20",
         [("长岭村", "长岭村 新时代文明实践站 活动", "2024-06-28 09:48", dict(crop=0.05, brightness=0.94))], "河埠乡"),
        ("pv", 15, 1501, "红岩村", "红岩村 村级光伏电站 运行维护", "2024-03-18 11:37",
         [("龙井村", "龙井村 村级光伏电站 运行维护", "2024-09-09 10:15", dict(scale=0.8, crop=0.04)),
          ("水口村", "水口村 村级光伏电站 巡检", "2024-11-22 14:03", dict(crop=0.07, brightness=1.05))], "杉口镇"),
    ]
    signs = {"garbage": "{v}生活垃圾收集点", "road": "{v}通组公路", "toilet": "卫生户厕", "center": "{v}综合文化服务中心", "pv": "{v}村级光伏电站"}
    for i, (kind, lay, day, v, cap, dt, copies, town) in enumerate(reuse):
        sign = signs[kind].format(v=v)
        d0 = D(dt)
        f0 = P(town, v, "照片", f"IMG_{d0:%Y%m%d_%H%M%S}.jpg")
        img = photo(f0, kind, lay, day, "after", sign=sign, dt=d0, caption=cap, village=v)
        files = [f0]
        for j, (v2, cap2, dt2, tf) in enumerate(copies):
            d2 = D(dt2)
            var = variant(img, seed=i * 10 + j, **tf)
            f2 = P(TOWN_OF[v2], v2, "照片", f"IMG_{d2:%Y%m%d_%H%M%S}.jpg")
            save_jpeg(var, f2, make_exif(d2, cap2, v2, seed=9000 + i * 10 + j), quality=60)
            files.append(f2)
        plant("photo_reuse", files, f"one {kind} picture ({cap}, {dt[:10]}) re-offered as: " + "; ".join(f"{c[1]} {c[2][:10]} ({', '.join(f'{k}={x}' for k, x in c[3].items())}, JPEG q60, EXIF date/caption/GPS rewritten)" for c in copies))
    # controls: same place, another day (same composition, different pixels/content)
    same_place = [
        ("garbage", 21, (2101, "2024-03-08 09:10"), (2102, "2024-06-21 16:45"), "新塘村", "新塘村 垃圾清运点 日常保洁"),
        ("road", 22, (2201, "2024-04-11 08:30"), (2202, "2024-09-27 17:20"), "古樟村", "古樟村 进村公路 日常养护"),
        ("pv", 23, (2301, "2024-02-26 13:05"), (2302, "2024-08-14 10:40"), "枫树坪村", "枫树坪村 村级光伏电站 巡检"),
        ("river", 24, (2401, "2024-05-06 09:00"), (2402, "2024-10-09 15:30"), "河湾村", "河湾村 河长巡河"),
    ]
    sigs = {"garbage": "{v}生活垃圾收集点", "road": "{v}进村公路", "pv": "{v}村级光伏电站", "river": "{v}河长公示牌"}
    for kind, lay, a, b, v, cap in same_place:
        fs = []
        for day, dt in (a, b):
            d0 = D(dt)
            f = P(TOWN_OF[v], v, "照片", f"IMG_{d0:%Y%m%d_%H%M%S}.jpg")
            photo(f, kind, lay, day, "after", sign=sigs[kind].format(v=v), dt=d0, caption=f"{cap} {d0.month}月{d0.day}日", village=v)
            fs.append(f)
        control("photo_reuse", fs, f"same {kind} site photographed on two different days ({a[1][:10]} / {b[1][:10]}): same composition and sign, but new lighting, people, vehicles, litter and camera position — not the same pixels")
    # two villages, the same standard-design collection point (built from one county drawing) — different places
    fs = []
    for v, lay, day, dt in (("龙井村", 25, 2501, "2024-07-15 10:00"), ("水口村", 26, 2601, "2024-07-19 15:12")):
        d0 = D(dt)
        f = P(TOWN_OF[v], v, "照片", f"IMG_{d0:%Y%m%d_%H%M%S}.jpg")
        photo(f, "garbage", lay, day, "after", sign=f"{v}生活垃圾收集点", dt=d0, caption=f"{v} 标准化垃圾收集点 建成", village=v)
        fs.append(f)
    control("photo_reuse", fs, "two villages' collection points of the same county standard design, photographed separately: same subject type, different scenes")

    # ---------------- before_after_same ----------------
    bas = [
        ("pond", 31, 3101, "桥头村", "桥头村 黑臭水体 整治前", "2024-03-02 10:20", "桥头村 黑臭水体 整治后", "2024-06-12 15:05", dict(), 60, "after picture is the before picture re-encoded at q60 (identical content, state 'after' never photographed)"),
        ("toilet", 32, 3201, "古樟村", "古樟村 户厕 改造前", "2024-04-09 09:40", "古樟村 户厕 改造后", "2024-07-22 16:10", None, 88, "identical pixels, only EXIF date/caption changed"),
        ("house", 33, 3301, "河湾村", "河湾村 危旧房拆除 整治前", "2024-05-13 11:00", "河湾村 危旧房拆除 整治后", "2024-08-30 10:30", dict(brightness=1.1), 60, "after = before brightened by 10% and re-encoded"),
        ("garbage", 34, 3401, "黄泥塘村", "黄泥塘村 垃圾堆放点 整治前", "2024-02-19 14:15", "黄泥塘村 垃圾堆放点 整治后", "2024-05-27 09:50", dict(crop=0.05), 60, "after = before cropped 5% and re-encoded"),
        ("road", 35, 3501, "长岭村", "长岭村 通组道路 整治前", "2024-03-25 08:55", "长岭村 通组道路 整治后", "2024-10-08 16:30", dict(scale=0.8), 60, "after = before resized to 80% and re-encoded"),
    ]
    ba_sign = {"pond": "{v}黑臭水体整治公示牌", "toilet": "卫生户厕", "house": "{v}危旧房拆除点", "garbage": "{v}生活垃圾收集点", "road": "{v}通组道路"}
    for kind, lay, day, v, c1, t1, c2, t2, tf, q, note in bas:
        town = TOWN_OF[v]
        d1, d2 = D(t1), D(t2)
        state = "after" if kind == "toilet" else "before"
        f1 = P(town, v, "整改前后对比", f"{c1.split()[1]}_整改前_{d1:%Y%m%d}.jpg")
        img = photo(f1, kind, lay, day, state, sign=ba_sign[kind].format(v=v), dt=d1, caption=c1, village=v)
        f2 = P(town, v, "整改前后对比", f"{c1.split()[1]}_整改后_{d2:%Y%m%d}.jpg")
        save_jpeg(variant(img, seed=lay, **tf) if tf else img, f2, make_exif(d2, c2, v, seed=lay + 77), quality=q)
        plant("before_after_same", [f1, f2], note)
    # a 对比照片 docx whose two pictures are the same
    img = render_scene("toilet", 36, 3601, "after", sign="卫生户厕")
    fdoc = P("桐岭镇", "枫树坪村", "枫树坪村户厕改造前后对比照片.docx")
    write_docx(fdoc, "枫树坪村户厕改造前后对比照片", ["农户：枫树坪村3组，改造时间：2024年6月。"], sign="枫树坪村村民委员会", date=D("2024-06-28"),
               images=[("改造前", img), ("改造后", ImageEnhance.Brightness(img).enhance(1.04))], author="枫树坪村")
    plant("before_after_same", [fdoc], "docx evidence sheet: the 改造前 and 改造后 pictures embedded are the same image (second one 4% brighter)")
    # controls: genuine before/after of the same spot
    ok = [("garbage", 41, (4101, 4102), "柳湾村", "柳湾村 垃圾清运点", ("2024-02-27 10:05", "2024-05-20 15:30")),
          ("pond", 42, (4201, 4202), "新塘村", "新塘村 山塘", ("2024-03-14 09:20", "2024-07-02 10:45")),
          ("house", 43, (4301, 4302), "上坪村", "上坪村 危旧房拆除点", ("2024-04-02 14:00", "2024-06-18 11:10")),
          ("road", 44, (4401, 4402), "水口村", "水口村 通组道路", ("2024-03-06 09:35", "2024-09-12 16:05"))]
    for kind, lay, days, v, cap, (t1, t2) in ok:
        town = TOWN_OF[v]
        fs = []
        for st, day, t, lab in (("before", days[0], t1, "整治前"), ("after", days[1], t2, "整治后")):
            d0 = D(t)
            f = P(town, v, "整改前后对比", f"{cap.split()[1]}_{lab}_{d0:%Y%m%d}.jpg")
            photo(f, kind, lay, day, st, sign=ba_sign.get(kind, "{v}").format(v=v), dt=d0, caption=f"{cap} {lab}", village=v)
            fs.append(f)
        control("before_after_same", fs, "real before/after of one spot: same place and sign, but the before picture shows the problem and the after picture is a new photograph of the fixed state")

    # ---------------- exif_date_conflict ----------------
    ec = [
        ("center", 51, 5101, "上坪村", "IMG_20240612_093015.jpg", "2024-11-03 09:30", "上坪村 新时代文明实践站 志愿服务", "file name says 2024-06-12, DateTimeOriginal 2024-11-03"),
        ("river", 52, 5201, "桥头村", "桥头村_巡河_01.jpg", "2024-08-27 16:02", "2024年3月15日 桥头村 河长巡河", "caption date 2024-03-15, DateTimeOriginal 2024-08-27"),
        ("toilet", 53, 5301, "古樟村", "20240405_古樟村_公厕.jpg", "2023-04-05 10:11", "古樟村 村级公厕 管护检查", "file name 2024-04-05, DateTimeOriginal 2023-04-05 (a year earlier)"),
        ("farm", 54, 5401, "龙井村", "龙井村_秸秆禁烧巡查.jpg", "2025-01-10 14:20", "龙井村 秸秆禁烧巡查 2024.10.08", "caption 2024-10-08, DateTimeOriginal 2025-01-10 (also after the cut-off)"),
        ("workshop", 55, 5501, "桥头村", "IMG_20240920_101544.jpg", "2024-09-02 10:15", "桥头村 帮扶车间 2024年9月20日 用工核查", "file name and caption 2024-09-20, DateTimeOriginal 2024-09-02"),
    ]
    for kind, lay, day, v, fn, dt, cap, note in ec:
        f = P(TOWN_OF[v], v, "照片", fn)
        photo(f, kind, lay, day, "after", sign={"center": f"{v}新时代文明实践站", "river": f"{v}河长公示牌", "toilet": "公共厕所",
                                                 "farm": "秸秆禁烧 人人有责", "workshop": f"{v}帮扶车间"}[kind], dt=D(dt), caption=cap, village=v)
        plant("exif_date_conflict", [f], note)
    oke = [
        ("farm", 61, 6101, "黄泥塘村", "IMG_20240916_102233.jpg", "2024-09-16 10:22", "黄泥塘村 高标准农田 建成 2024年9月16日", "file name, caption and DateTimeOriginal all 2024-09-16"),
        ("workshop", 62, 6201, "红岩村", "红岩村_茶叶加工厂_20240530.jpg", "2024-05-30 18:47", "红岩村 茶叶加工厂 投产 5月30日", "evening shot: name/caption/EXIF agree (2024-05-30)"),
        ("center", 63, 6301, "白沙村", "白沙村_综合文化服务中心.jpg", None, "", "no EXIF at all (exported from a chat app) — absence is not a conflict"),
        ("river", 64, 6401, "长岭村", "IMG_20241231_235210.jpg", "2024-12-31 23:52", "长岭村 河长巡河 12月31日夜间", "taken late on 2024-12-31: still inside the cut-off, name/EXIF agree"),
    ]
    for kind, lay, day, v, fn, dt, cap, note in oke:
        f = P(TOWN_OF[v], v, "照片", fn)
        photo(f, kind, lay, day, "after", sign={"farm": "高标准农田建设项目区", "workshop": f"{v}茶叶加工厂", "center": f"{v}综合文化服务中心", "river": f"{v}河长公示牌"}[kind],
              dt=D(dt) if dt else None, caption=cap or None, village=v, exif=dt is not None)
        control("exif_date_conflict", [f], note)


def texts():
    checks = []
    # ---------------- near_duplicate_text ----------------
    p23 = summary_paras(2023, "石门镇", "聚焦巩固拓展脱贫攻坚成果和乡村建设，各项工作取得新进展。", SHIMEN_2023, 0)
    f23 = write_docx(P("石门镇", "2023年资料", "石门镇2023年乡村振兴工作总结.docx"), "石门镇2023年乡村振兴工作总结", p23, gov("石门镇"), D("2023-12-26"), author="石门镇党政办")
    p24 = subst(p23, SHIMEN_NUM + [("2023年", "2024年"), ("2024年工作打算", "2025年工作打算"), ("2024年，我们将", "2025年，我们将"), ("党的二十大精神", "党的二十大和二十届二中、三中全会精神")])
    p24 = [x.replace("2025年工作打算", "2025年工作打算") for x in p24]
    f24 = write_docx(P("石门镇", "石门镇2024年乡村振兴工作总结.docx"), "石门镇2024年乡村振兴工作总结", p24, gov("石门镇"), D("2024-12-27"), author="石门镇党政办")
    plant("near_duplicate_text", [f24, f23], "2024 总结 is the 2023 总结 with year words, ~17 figures and one village name changed; structure and sentences identical")
    checks.append(("nd", p23, p24))

    n23 = summary_paras(2023, "县农业农村局", "以农村生活垃圾、生活污水治理和村容村貌提升为重点，农村人居环境持续改善。", NONG_2023, 1)
    g23 = write_docx(P("县农业农村局", "2023年", "杉屏县2023年农村人居环境整治工作总结.docx"), "杉屏县2023年农村人居环境整治工作总结", n23, "杉屏县农业农村局", D("2023-12-20"), author="农业农村局")
    n24 = subst(n23, NONG_NUM + [("2023年", "2024年"), ("2024年，我们将", "2025年，我们将"), ("2024年工作打算", "2025年工作打算"), ("党的二十大精神", "党的二十大和二十届二中、三中全会精神")])
    g24 = write_docx(P("县农业农村局", "杉屏县2024年农村人居环境整治工作总结.docx"), "杉屏县2024年农村人居环境整治工作总结", n24, "杉屏县农业农村局", D("2024-12-23"), author="农业农村局")
    plant("near_duplicate_text", [g24, g23], "county 人居环境 总结 2024 = 2023 text with dates and 14 numbers changed")
    checks.append(("nd", n23, n24))

    h = summary_paras(2024, "红岩村驻村工作队", "在杉口镇党委和派出单位县财政局的领导下，第一书记刘志远带领工作队扎根一线，较好完成了年度驻村任务。", HONGYAN_ZC, 2)
    fh = write_docx(P("杉口镇", "红岩村", "红岩村驻村工作队2024年工作总结.docx"), "红岩村驻村工作队2024年工作总结", h, "县财政局驻红岩村工作队", D("2024-12-18"), author="刘志远")
    b = subst(h, HONGYAN_SUB)
    fb = write_docx(P("河埠乡", "白沙村", "白沙村驻村工作队2024年工作总结.docx"), "白沙村驻村工作队2024年工作总结", b, "县住建局驻白沙村工作队", D("2024-12-20"), author="陈立新")
    plant("near_duplicate_text", [fb, fh], "another unit's report copied: 白沙村 work team's 总结 is 红岩村's with village/town/派出单位/person names, products and a few numbers substituted")
    checks.append(("nd", h, b))

    hb = summary_paras(2024, "河埠乡", "紧盯年度目标任务，统筹推进产业发展、乡村建设和乡村治理。", HEBU_2024, 3)
    fhb = write_docx(P("河埠乡", "河埠乡2024年乡村振兴工作总结.docx"), "河埠乡2024年乡村振兴工作总结", hb, gov("河埠乡"), D("2024-12-24"), author="河埠乡党政办")
    lt = subst(hb, HEBU_SUB)
    flt = write_docx(P("龙潭镇", "龙潭镇2024年乡村振兴工作总结.docx"), "龙潭镇2024年乡村振兴工作总结", lt, gov("龙潭镇"), D("2024-12-26"), author="龙潭镇党政办")
    plant("near_duplicate_text", [flt, fhb], "龙潭镇's 2024 总结 copies 河埠乡's 2024 总结 (names, industries and some numbers swapped)")
    checks.append(("nd", hb, lt))

    # controls: standard policy sentences shared, substance new
    s23 = summary_paras(2023, "杉口镇", "围绕稳粮保供和群众增收，扎实做好各项工作。", SHANKOU_2023, 4)
    s24 = summary_paras(2024, "杉口镇", "立足茶产业和生态资源优势，着力推进农文旅融合发展。", SHANKOU_2024, 5)
    a = write_docx(P("杉口镇", "2023年资料", "杉口镇2023年乡村振兴工作总结.docx"), "杉口镇2023年乡村振兴工作总结", s23, gov("杉口镇"), D("2023-12-22"), author="杉口镇党政办")
    c = write_docx(P("杉口镇", "杉口镇2024年乡村振兴工作总结.docx"), "杉口镇2024年乡村振兴工作总结", s24, gov("杉口镇"), D("2024-12-25"), author="杉口镇党政办")
    control("near_duplicate_text", [c, a], "same unit, consecutive years: both open with the standard formula (深入学习贯彻习近平总书记关于“三农”工作的重要论述… 坚持农业农村优先发展) but the substance was written anew")
    checks.append(("ctl", s23, s24))
    w23 = summary_paras(2023, "县文化旅游广电体育局", "着力完善农村公共文化服务体系。", WENLV_2023, 6)
    w24 = summary_paras(2024, "县文化旅游广电体育局", "以文化赋能乡村振兴，推动乡村文化繁荣兴盛。", WENLV_2024, 7)
    a = write_docx(P("县文旅广体局", "2023年", "2023年乡村公共文化服务工作总结.docx"), "2023年乡村公共文化服务工作总结", w23, "杉屏县文化旅游广电体育局", D("2023-12-15"), author="文旅广体局")
    c = write_docx(P("县文旅广体局", "2024年乡村公共文化服务工作总结.docx"), "2024年乡村公共文化服务工作总结", w24, "杉屏县文化旅游广电体育局", D("2024-12-16"), author="文旅广体局")
    control("near_duplicate_text", [c, a], "same unit and genre, two years, independently written content; only the boilerplate opening and section headings repeat")
    checks.append(("ctl", w23, w24))
    q = summary_paras(2024, "桥头村驻村工作队", "在杉口镇党委领导下，工作队围绕抓党建促乡村振兴开展工作。", QIAOTOU_ZC, 8)
    x = summary_paras(2024, "新塘村驻村工作队", "在杉口镇党委领导下，工作队立足新塘村实际，突出集体经济和乡风文明。", XINTANG_ZC, 9)
    a = write_docx(P("杉口镇", "桥头村", "桥头村驻村工作队2024年工作总结.docx"), "桥头村驻村工作队2024年工作总结", q, "县人社局驻桥头村工作队", D("2024-12-17"), author="桥头村工作队")
    c = write_docx(P("杉口镇", "新塘村", "新塘村驻村工作队2024年工作总结.docx"), "新塘村驻村工作队2024年工作总结", x, "县卫健局驻新塘村工作队", D("2024-12-19"), author="新塘村工作队")
    control("near_duplicate_text", [a, c], "two work teams in the same town, same year and template headings, different work reported")
    checks.append(("ctl", q, x))

    # ---------------- template_copy ----------------
    def plan(town, topic_title, topic, goal, tasks, guars, phases, docno, date, fname=None):
        ps = plan_paras(town, topic, goal, tasks, guars, phases, names_of(town))
        ps = [f"为深入推进{topic}，结合{town}实际，制定本方案。"] + ps
        title = f"{town}{topic_title}实施方案"
        f = write_docx(P(town, fname or f"{title}.docx"), title, ps, gov(town), date, docno=docno, author=f"{town}党政办")
        return f, ps

    def swap_town(ps, a, b):
        pairs = [(a, b)] + list(zip(TOWNS[a], TOWNS[b])) + [(x, y) for x, y in zip(LEAD[a], LEAD[b])]
        if a.endswith("乡") and b.endswith("镇"):
            pairs += [("乡党委书记", "镇党委书记"), ("乡长", "镇长"), ("全乡", "全镇")]
        if a.endswith("镇") and b.endswith("乡"):
            pairs += [("镇党委书记", "乡党委书记"), ("镇长", "乡长"), ("全镇", "全乡")]
        return subst(ps, pairs)

    ph = ["2024年3月至4月为动员部署阶段，4月至10月为集中整治阶段，11月至12月为总结验收阶段。"]
    tp = [
        ("石门镇", "杉口镇", "2024年村庄清洁行动", "村庄清洁行动",
         "到2024年底，全镇3个村村庄清洁行动覆盖率达到100%，农户庭院卫生达标率达到90%以上，创建“美丽庭院”示范户150户。",
         CLEAN_TASKS[0:4], [GUARANTEE[0], GUARANTEE[2], GUARANTEE[6]], ph, "石政发〔2024〕8号", "杉政发〔2024〕11号", "2024-03-06", "2024-03-12"),
        ("河埠乡", "桐岭镇", "农村问题厕所排查整改", "农村户厕问题排查整改",
         "2024年6月底前完成全乡问题厕所摸排，10月底前完成整改，整改完成率100%，群众满意度达到90%以上。",
         TOILET_TASKS[0:4], [GUARANTEE[0], GUARANTEE[3], GUARANTEE[8]], ["2024年4月至6月为摸排阶段，7月至10月为整改阶段，11月为验收阶段。"], "河政发〔2024〕5号", "桐政发〔2024〕7号", "2024-04-02", "2024-04-15"),
        ("龙潭镇", "石门镇", "2024年防止返贫监测帮扶", "防止返贫动态监测和帮扶",
         "全年不发生规模性返贫，监测对象帮扶措施落实率100%，有劳动能力监测户家庭劳动力就业率达到90%以上。",
         FPFX_TASKS[0:4], [GUARANTEE[0], GUARANTEE[1], GUARANTEE[5]], ["常年开展，每年3月、9月各组织一次集中排查。"], "龙政发〔2024〕3号", "石政发〔2024〕4号", "2024-02-20", "2024-02-28"),
    ]
    for a, b, tt, topic, goal, tasks, gs, phs, no_a, no_b, da, db in tp:
        fa, pa = plan(a, tt, topic, goal, tasks, gs, phs, no_a, D(da))
        pb = swap_town(pa, a, b)
        title = f"{b}{tt}实施方案"
        fb = write_docx(P(b, f"{title}.docx"), title, pb, gov(b), D(db), docno=no_b, author=f"{b}党政办")
        plant("template_copy", [fa, fb], f"{b}'s 实施方案 is {a}'s with only town/village names, leader names, office and phone swapped (every task, target and date identical)")
    # village level: 柳湾村 -> 上坪村 -> 杨家坳村 collective economy plans (3-way copy)
    base = ["为发展壮大柳湾村集体经济，结合本村实际，经村“两委”会议研究，制定本方案。", "一、发展目标", "到2024年底，村集体经济经营性收入达到15万元以上，力争建成油茶加工、农机服务两个增收项目。", "二、主要措施"]
    base += [f"（{NUMS[i]}）{hd}。{bd}" for i, (hd, bd) in enumerate(JTJJ_TASKS)]
    base += ["三、组织保障", "成立由村党支部书记黄长林任组长、村委会主任何少华任副组长的工作专班，每季度向村民代表会议报告进展。"]
    vil = [("柳湾村", "黄长林", "何少华", "油茶加工"), ("上坪村", "林德明", "周秀英", "蔬菜分拣"), ("杨家坳村", "郑海波", "朱翠莲", "黄桃冷库")]
    fs = []
    for v, s1, s2, prj in vil:
        t = subst(base, [("柳湾村", v), ("黄长林", s1), ("何少华", s2), ("油茶加工", prj)])
        fs.append(write_docx(P("石门镇", v, f"{v}2024年发展壮大村级集体经济实施方案.docx"), f"{v}2024年发展壮大村级集体经济实施方案", t, f"中共{v}支部委员会\n{v}村民委员会", D("2024-03-18"), author=f"{v}"))
    plant("template_copy", fs, "three villages' 集体经济 实施方案: identical text, only village name, the two leaders and the project name differ")
    # controls: same topic, written independently (disjoint task/guarantee slices, own goals and phases)
    cp = [
        ("桐岭镇", "龙潭镇", "2024年村庄清洁行动", "村庄清洁行动", CLEAN_TASKS[4:8], CLEAN_TASKS[8:12],
         "全镇黄泥塘村、古樟村、枫树坪村全面完成“三清一改”，建成“四小园”200个以上，村庄保洁实现常态化。",
         "以“干净整洁、有序宜居”为目标，全年评选“最美庭院”100户，公厕管护达标率达到95%以上，长岭村、水口村垃圾分类试点取得实效。",
         "桐政发〔2024〕9号", "龙政发〔2024〕12号", "2024-03-20", "2024-04-01"),
        ("杉口镇", "龙潭镇", "农村户厕改造提质", "农村户厕改造和管护", TOILET_TASKS[4:8], TOILET_TASKS[8:12],
         "2024年新改建卫生户厕412户，户厕粪污收运服务覆盖红岩村、新塘村、桥头村全部农户。",
         "全年新改建卫生户厕265户，完成首批改厕回访，把户厕管护纳入积分制管理，厕污共治在集镇周边率先推开。",
         "杉政发〔2024〕15号", "龙政发〔2024〕14号", "2024-04-10", "2024-04-22"),
        ("河埠乡", "杉口镇", "防止返贫监测帮扶工作", "防止返贫动态监测和帮扶", FPFX_TASKS[4:8], FPFX_TASKS[8:12],
         "监测预警线索核查反馈及时率100%，监测户“一户一策”帮扶计划全覆盖。",
         "防返贫综合保险参保覆盖全部监测户，突发严重困难户7日内落实帮扶措施，全年开展两轮集中排查。",
         "河政发〔2024〕3号", "杉政发〔2024〕6号", "2024-02-26", "2024-03-04"),
    ]
    for a, b, tt, topic, ta, tb, ga, gb, na, nb, da, db in cp:
        fa, pa = plan(a, tt, topic, ga, ta, [GUARANTEE[4], GUARANTEE[7]], ["分三个阶段推进：3月部署，4月至11月实施，12月考核。"], na, D(da), fname=f"{a}{tt}工作方案.docx")
        fb, pb = plan(b, tt, topic, gb, tb, [GUARANTEE[2], GUARANTEE[3], GUARANTEE[6]], ["全年分季度推进，每季度末开展一次督查。"], nb, D(db), fname=f"{b}{tt}推进方案.docx")
        control("template_copy", [fa, fb], f"{a} and {b} wrote plans on the same topic ({topic}) independently: shared 指导思想 formula and headings, different goals, tasks and measures")
        checks.append(("ctl", pa, pb))
    return checks


def records():
    # ---------------- backdated_file ----------------
    f = write_docx(P("石门镇", "柳湾村", "柳湾村2024年第四季度“四议两公开”会议记录.docx"), "柳湾村2024年第四季度“四议两公开”会议记录",
                   ["会议时间：2024年11月20日上午9时", "会议地点：柳湾村村民服务中心", "主持人：黄长林", "议题：审议村集体油茶加工厂2024年收益分配方案。",
                    "经党员大会审议、村民代表会议决议，同意将收益的30%用于脱贫户和监测户分红，决议结果于11月22日在村务公开栏公开。"],
                   "柳湾村村民委员会", D("2024-11-20"), created=D("2025-01-15 10:21"), modified=D("2025-01-16 08:47"), author="柳湾村", last_by="石门镇党政办")
    plant("backdated_file", [f], "meeting record dated 2024-11-20 but docx created 2025-01-15 / modified 2025-01-16, after the 2024-12-31 cut-off: written after the fact")
    rows = [["石门镇", "柳湾村油茶加工厂扩建", 120.0, 118.4], ["杉口镇", "桥头村帮扶车间配套", 86.0, 86.0], ["河埠乡", "河湾村莲藕冷链仓储", 150.0, 141.2], ["桐岭镇", "古樟村民宿改造", 95.0, 90.5], ["龙潭镇", "水口村生姜分拣中心", 110.0, 104.8]]
    rows = [r + [f"{r[3] / r[2] * 100:.1f}%"] for r in rows]
    f = write_xlsx(P("县财政局", "重点帮扶项目资金支出进度表（截至2024年12月31日）.xlsx"), "重点帮扶项目资金支出进度表（截至2024年12月31日） 填报日期：2024年12月31日",
                   ["乡镇", "项目名称", "下达资金（万元）", "已支出（万元）", "支出进度"], rows, created=D("2025-02-03 15:10"), modified=D("2025-02-05 09:02"), author="财政局农业股")
    plant("backdated_file", [f], "xlsx says 填报日期 2024-12-31 but was created 2025-02-03 and modified 2025-02-05")
    f = write_docx(P("杉口镇", "杉口镇2024年高标准农田建设项目初步验收意见.docx"), "杉口镇2024年高标准农田建设项目初步验收意见",
                   ["2024年10月18日，镇人民政府组织农业、水利技术人员和村民代表，对红岩村、桥头村高标准农田建设项目进行初步验收。", "验收组认为：项目完成了田块整治、灌排渠系和田间道路建设内容，工程质量总体合格，同意通过初步验收。"],
                   "杉口镇人民政府", D("2024-10-18"), created=D("2025-01-08 16:30"), modified=D("2025-01-08 17:05"), author="杉口镇农业综合服务中心")
    plant("backdated_file", [f], "验收意见 dated 2024-10-18, docx created 2025-01-08")
    log = ["驻村考勤记录（2024年7月—12月）", "第一书记：陈立新（县住建局）"]
    rr = random.Random(77)
    for m in range(7, 13):
        log.append(f"2024年{m}月：在岗{rr.randint(20, 23)}天，入户走访{rr.randint(30, 60)}户次，参加村“两委”会议{rr.randint(2, 4)}次。")
    f = write_docx(P("河埠乡", "白沙村", "白沙村驻村工作队2024年下半年考勤和工作日志.docx"), "白沙村驻村工作队2024年下半年考勤和工作日志", log, "县住建局驻白沙村工作队", D("2024-12-31"),
                   created=D("2025-01-20 20:14"), modified=D("2025-01-21 22:40"), author="陈立新")
    plant("backdated_file", [f], "six months of 'daily' attendance/work log, dated 2024-12-31, created in one sitting 2025-01-20..21")
    rep = write_docx(P("河埠乡", "关于2024年上半年防返贫监测帮扶工作情况的报告.docx"), "关于2024年上半年防返贫监测帮扶工作情况的报告",
                     ["县乡村振兴局：", "2024年上半年，我乡开展集中排查一轮，新识别纳入监测对象5户17人，消除风险8户26人，各项帮扶措施落实到位。", "特此报告。"],
                     "河埠乡人民政府", D("2024-06-18"), docno="河政报〔2024〕9号", author="河埠乡党政办")
    reg = write_xlsx(P("县乡村振兴局", "2024年收文登记簿.xlsx"), "杉屏县乡村振兴局2024年收文登记簿", ["收文日期", "来文单位", "文号", "标题", "登记人"],
                     [["2024-05-28", "县财政局", "杉财农〔2024〕21号", "关于下达第二批衔接资金的通知", "彭满妹"],
                      ["2024-06-05", "河埠乡人民政府", "河政报〔2024〕9号", "关于2024年上半年防返贫监测帮扶工作情况的报告", "彭满妹"],
                      ["2024-06-11", "石门镇人民政府", "石政报〔2024〕12号", "关于油茶产业发展情况的报告", "彭满妹"]],
                     created=D("2024-01-02 09:00"), modified=D("2024-12-30 17:20"), author="振兴局办公室")
    plant("backdated_file", [rep, reg], "report 河政报〔2024〕9号 is dated 2024-06-18 but the 收文登记簿 logs it as received 2024-06-05: the filed version was re-dated/rewritten after receipt")
    # controls
    f = write_docx(P("桐岭镇", "桐岭镇2024年秸秆综合利用工作方案.docx"), "桐岭镇2024年秸秆综合利用工作方案",
                   ["为推进秸秆综合利用，结合我镇实际，制定本方案。", "全年秸秆综合利用率达到88%以上，推广秸秆还田1.1万亩。"], gov("桐岭镇"), D("2024-05-20"),
                   docno="桐政发〔2024〕13号", created=D("2024-04-28 10:00"), modified=D("2024-05-20 11:30"), author="桐岭镇农业农村办")
    control("backdated_file", [f], "drafted 2024-04-28, dated/issued 2024-05-20: core properties predate the document date — normal drafting")
    f = write_docx(P("龙潭镇", "龙潭镇2024年度村级组织运转经费拨付情况说明.docx"), "龙潭镇2024年度村级组织运转经费拨付情况说明",
                   ["2024年全镇2个村村级组织运转经费已全部拨付到位，每村均足额拨付。"], "龙潭镇人民政府", D("2024-12-20"),
                   created=D("2024-12-16 09:40"), modified=D("2024-12-28 16:05"), author="龙潭镇财政所")
    control("backdated_file", [f], "dated 2024-12-20, last modified 2024-12-28 (a correction) — still before the cut-off")
    f = write_docx(P("县乡村振兴局", "杉屏县2024年度推进乡村振兴战略实绩考核自评报告.docx"), "杉屏县2024年度推进乡村振兴战略实绩考核自评报告",
                   ["按照考核工作安排，我县对照考核指标对2024年度工作进行了全面自评，自评得分情况如下。", "各项指标数据统计时间截至2024年12月31日。"],
                   "杉屏县乡村振兴局", D("2025-01-10"), created=D("2025-01-06 09:00"), modified=D("2025-01-10 18:00"), author="振兴局综合股")
    control("backdated_file", [f], "self-assessment written in January 2025 and dated 2025-01-10: core properties after the cut-off, but so is the document's own date — consistent")
    rep2 = write_docx(P("杉口镇", "关于2024年上半年村级集体经济发展情况的报告.docx"), "关于2024年上半年村级集体经济发展情况的报告",
                      ["县农业农村局：", "上半年全镇3个村集体经营性收入合计31.6万元，同比增长12%。", "特此报告。"], "杉口镇人民政府", D("2024-07-02"), docno="杉政报〔2024〕14号", author="杉口镇党政办")
    reg2 = write_xlsx(P("县农业农村局", "2024年收文登记簿.xlsx"), "杉屏县农业农村局2024年收文登记簿", ["收文日期", "来文单位", "文号", "标题", "登记人"],
                      [["2024-07-04", "杉口镇人民政府", "杉政报〔2024〕14号", "关于2024年上半年村级集体经济发展情况的报告", "田双喜"],
                       ["2024-07-09", "桐岭镇人民政府", "桐政报〔2024〕10号", "关于农村土地承包经营权流转情况的报告", "田双喜"]],
                      created=D("2024-01-03 08:50"), modified=D("2024-12-27 17:00"), author="农业农村局办公室")
    control("backdated_file", [rep2, reg2], "report dated 2024-07-02, logged as received 2024-07-04: receipt after the document date, as it should be")

    # ---------------- figure_conflict ----------------
    a = write_docx(P("县农业农村局", "杉屏县2024年农村厕所革命工作总结.docx"), "杉屏县2024年农村厕所革命工作总结",
                   ["2024年，全县完成农村户厕改造1280户，排查问题厕所2147户，已整改2081户，整改率96.9%。", "新建和改造农村公厕36座，全部落实专人管护。"],
                   "杉屏县农业农村局", D("2024-12-19"), author="农业农村局")
    b = write_docx(P("县乡村振兴局", "杉屏县2024年推进乡村振兴工作情况汇报.docx"), "杉屏县2024年推进乡村振兴工作情况汇报",
                   ["一、生态宜居方面。全年户厕改造完成1350户，新建改造农村公厕36座，农村生活垃圾收运处置体系覆盖全部行政村。",
                    "二、巩固脱贫成果方面。全县共识别纳入监测对象1,236户4,015人，已消除风险782户2,569人。"], "杉屏县乡村振兴局", D("2024-12-26"), author="振兴局综合股")
    plant("figure_conflict", [a, b], "户厕改造 2024: 1280户 in the 农业农村局 总结 vs 1350户 in the 汇报 (公厕 36座 agrees)")
    led = [["1", "古樟村民宿改造", 95.00, 90.50], ["2", "枫树坪村茶园提质", 180.00, 171.30], ["3", "黄泥塘村机耕道", 210.00, 205.60], ["4", "桐岭集镇农产品冷库", 160.00, 142.80], ["5", "古樟村光伏电站维护", 35.00, 33.20], ["6", "枫树坪村产业路", 98.00, 92.20]]
    tot_b = round(sum(r[2] for r in led), 2)
    tot_s = round(sum(r[3] for r in led), 2)
    led.append(["合计", "", tot_b, tot_s])
    a = write_xlsx(P("桐岭镇", "桐岭镇2024年衔接资金项目支出台账.xlsx"), "桐岭镇2024年衔接资金项目支出台账（单位：万元）", ["序号", "项目名称", "下达资金", "已支出"], led,
                   created=D("2024-02-10 09:00"), modified=D("2024-12-30 16:00"), author="桐岭镇财政所")
    b = write_docx(P("桐岭镇", "桐岭镇关于2024年衔接资金项目实施情况的报告.docx"), "桐岭镇关于2024年衔接资金项目实施情况的报告",
                   [f"2024年我镇共实施衔接资金项目6个，下达资金{tot_b:.2f}万元，截至12月底累计支出786.20万元，支出进度达到预期。"], "桐岭镇人民政府", D("2024-12-31"), author="桐岭镇财政所")
    plant("figure_conflict", [a, b], f"ledger 合计 已支出 {tot_s:.2f}万元 (= sum of rows) vs report 累计支出 786.20万元; 下达 {tot_b:.2f} agrees")
    vrows = [["石门镇", "柳湾村", 24.3], ["石门镇", "上坪村", 13.8], ["杉口镇", "新塘村", 16.1], ["桐岭镇", "古樟村", 15.2], ["桐岭镇", "枫树坪村", 11.6], ["龙潭镇", "长岭村", 12.9]]
    a = write_xlsx(P("县农业农村局", "2024年村级集体经济收入统计表.xlsx"), "杉屏县2024年村级集体经济收入统计表（部分村，单位：万元）", ["乡镇", "村", "集体经济收入"], vrows,
                   created=D("2024-12-05 10:00"), modified=D("2024-12-29 11:00"), author="农业农村局经管站")
    b = write_docx(P("桐岭镇", "桐岭镇2024年村级集体经济发展情况报告.docx"), "桐岭镇2024年村级集体经济发展情况报告",
                   ["2024年，古樟村依托民宿改造和光伏电站收益，村集体经济收入达到18.6万元；枫树坪村通过茶园托管服务，集体经济收入达到11.6万元。"], "桐岭镇人民政府", D("2024-12-20"), author="桐岭镇农业农村办")
    plant("figure_conflict", [a, b], "古樟村 集体经济收入 15.2万元 in the county 统计表 vs 18.6万元 in the town report (枫树坪村 11.6 agrees)")
    emp = [["石门镇", 5012], ["杉口镇", 4876], ["河埠乡", 4530], ["桐岭镇", 4721], ["龙潭镇", 4279]]
    emp.append(["合计", sum(r[1] for r in emp)])
    a = write_xlsx(P("县人社局", "2024年脱贫劳动力务工就业统计表.xlsx"), "杉屏县2024年脱贫劳动力（含监测对象）务工就业统计表（单位：人）", ["乡镇", "务工就业人数"], emp,
                   created=D("2024-11-28 09:00"), modified=D("2024-12-24 17:00"), author="人社局就业股")
    b = write_docx(P("县人社局", "杉屏县2024年脱贫人口稳岗就业工作汇报.docx"), "杉屏县2024年脱贫人口稳岗就业工作汇报",
                   ["2024年，全县脱贫劳动力（含监测对象）务工就业24,105人，完成省下目标任务的103%。", "全县认定帮扶车间14个，开发乡村公益性岗位680个。"], "杉屏县人力资源和社会保障局", D("2024-12-27"), author="人社局就业股")
    plant("figure_conflict", [a, b], f"务工就业 合计 {emp[-1][1]:,}人 in the 统计表 vs 24,105人 in the 汇报")
    a = write_docx(P("县农业农村局", "杉屏县2024年度高标准农田建设项目竣工验收报告.docx"), "杉屏县2024年度高标准农田建设项目竣工验收报告",
                   ["项目涉及杉口镇、桐岭镇、石门镇等5个乡镇，批复建设面积1.2万亩，实际建成高标准农田1.2万亩，总投资3,240万元。"], "杉屏县农业农村局", D("2024-12-10"), author="农业农村局农田建设股")
    b = write_docx(P("县农业农村局", "杉屏县农业农村局2024年工作总结.docx"), "杉屏县农业农村局2024年工作总结",
                   ["全年粮食播种面积稳定在38.6万亩，新建高标准农田1.5万亩，完成撂荒地整治3,100亩。"], "杉屏县农业农村局", D("2024-12-28"), author="农业农村局办公室")
    plant("figure_conflict", [a, b], "2024 新建高标准农田: 1.2万亩 in the 竣工验收报告 vs 1.5万亩 in the annual 总结")
    # controls
    mon = [["石门镇", 268, 871], ["杉口镇", 251, 806], ["河埠乡", 243, 789], ["桐岭镇", 247, 812], ["龙潭镇", 227, 737]]
    mon.append(["合计", sum(r[1] for r in mon), sum(r[2] for r in mon)])
    a = write_xlsx(P("县乡村振兴局", "2024年防止返贫监测对象统计表.xlsx"), "杉屏县2024年防止返贫监测对象统计表", ["乡镇", "户数", "人数"], mon,
                   created=D("2024-12-02 09:00"), modified=D("2024-12-25 10:00"), author="振兴局监测股")
    control("figure_conflict", [a, b_huibao := P("县乡村振兴局", "杉屏县2024年推进乡村振兴工作情况汇报.docx")], f"监测对象 {mon[-1][1]:,}户{mon[-1][2]:,}人 stated identically in the 统计表 合计 and the 汇报 (1,236户4,015人)")
    a = write_xlsx(P("石门镇", "石门镇2024年户厕改造验收台账.xlsx"), "石门镇2024年户厕改造验收台账（汇总）", ["村", "改造户数", "验收合格户数"],
                   [["柳湾村", 118, 118], ["上坪村", 104, 104], ["杨家坳村", 104, 104], ["合计", 326, 326]], created=D("2024-05-06 10:00"), modified=D("2024-11-30 15:00"), author="石门镇农业农村办")
    b = write_xlsx(P("杉口镇", "杉口镇2024年户厕改造验收台账.xlsx"), "杉口镇2024年户厕改造验收台账（汇总）", ["村", "改造户数", "验收合格户数"],
                   [["红岩村", 152, 152], ["新塘村", 131, 131], ["桥头村", 129, 129], ["合计", 412, 412]], created=D("2024-05-09 10:00"), modified=D("2024-12-02 15:00"), author="杉口镇农业综合服务中心")
    control("figure_conflict", [a, b], "户厕改造 户数 of two different towns (326户 vs 412户): different quantities, not a contradiction")
    a = write_docx(P("县人社局", "杉屏县2024年脱贫劳动力技能培训实施方案.docx"), "杉屏县2024年脱贫劳动力技能培训实施方案",
                   ["全年计划开展脱贫劳动力和监测对象技能培训1,500人次，其中家政、电工、焊工等就业技能培训900人次。"], "杉屏县人力资源和社会保障局", D("2024-02-22"), author="人社局职培股")
    b = write_docx(P("县人社局", "杉屏县2024年脱贫劳动力技能培训工作总结.docx"), "杉屏县2024年脱贫劳动力技能培训工作总结",
                   ["全年实际完成技能培训1,632人次，完成计划的108.8%，培训后实现就业1,104人。"], "杉屏县人力资源和社会保障局", D("2024-12-18"), author="人社局职培股")
    control("figure_conflict", [a, b], "计划数 1,500人次 (方案) vs 完成数 1,632人次 (总结): plan vs actual, explicitly labelled")
    c = write_docx(P("县财政局", "杉屏县2024年衔接推进乡村振兴补助资金使用情况报告.docx"), "杉屏县2024年衔接推进乡村振兴补助资金使用情况报告",
                   ["2024年全县共下达衔接资金9,820万元，截至12月31日支出9,315万元，支出进度94.9%；用于产业发展的资金6,170万元，占比62.8%。"], "杉屏县财政局", D("2024-12-31"), author="财政局农业股")
    d = write_xlsx(P("县财政局", "2024年衔接资金分配和支出进度表.xlsx"), "杉屏县2024年衔接资金分配和支出进度表（单位：万元）", ["资金批次", "下达", "支出"],
                   [["第一批", 4200, 4086], ["第二批", 3560, 3420], ["第三批", 2060, 1809], ["合计", 9820, 9315]], created=D("2024-03-01 09:00"), modified=D("2024-12-31 17:30"), author="财政局农业股")
    control("figure_conflict", [c, d], "衔接资金 下达 9,820 / 支出 9,315万元: same figures in report and 进度表 (合计 = sum of rows); 下达 ≠ 支出 is expected")


def personal():
    r = random.Random(4242)
    # ---------------- pii ----------------
    recs = [(name(r), make_id(r), make_mobile(r)) for _ in range(3)]
    paras = ["走访时间：2024年8月14日", "走访人：石门镇干部符春梅、柳湾村监测信息员"]
    for n, i, m in recs:
        paras.append(f"户主{n}，身份证号{i}，联系电话{m}。家庭成员因病住院，医疗自付费用较高，已申请医疗救助和临时救助。")
    f = write_docx(P("石门镇", "柳湾村", "柳湾村监测对象入户走访记录（8月）.docx"), "柳湾村监测对象入户走访记录", paras, "柳湾村村民委员会", D("2024-08-14"), author="柳湾村")
    plant("pii", [f], "docx走访记录 with 3 full 身份证号 (valid GB 11643 check digits) and 3 mobile numbers in running text")
    rows = []
    for k in range(8):
        rows.append([k + 1, name(r), make_id(r), make_mobile(r), r.choice(["保洁员", "护林员", "护路员", "水管员"]), "红岩村" if k < 4 else "桥头村", 800])
    f = write_xlsx(P("杉口镇", "杉口镇2024年乡村公益性岗位聘用台账.xlsx"), "杉口镇2024年乡村公益性岗位聘用台账", ["序号", "姓名", "身份证号码", "联系电话", "岗位", "所在村", "月补贴（元）"], rows,
                   created=D("2024-01-15 09:00"), modified=D("2024-12-20 16:00"), author="杉口镇社保站")
    plant("pii", [f], "xlsx 公益性岗位 台账: 8 rows with 身份证号 and mobile columns")
    lines = ["河埠乡2024年12月农村低保资金发放名单（导出）", "序号\t姓名\t身份证号\t保障人数\t发放金额（元）"]
    for k in range(10):
        lines.append(f"{k + 1}\t{name(r)}\t{make_id(r, year=r.randint(1940, 1975))}\t{r.randint(1, 4)}\t{r.choice([460, 690, 920, 1150])}")
    f = write_txt(P("河埠乡", "河埠乡2024年12月低保发放名单.txt"), "\n".join(lines) + "\n")
    plant("pii", [f], "tab-separated txt export of a 低保 list: 10 full 身份证号")
    trs = [[k + 1, name(r), r.choice(["男", "女"]), make_id(r, year=r.randint(1970, 2000)), make_mobile(r), r.choice(["茶叶加工", "电工", "家政服务"])] for k in range(6)]
    f = write_docx(P("县人社局", "2024年第二期脱贫劳动力技能培训花名册.docx"), "2024年第二期脱贫劳动力技能培训花名册", ["培训时间：2024年9月9日至9月18日，培训地点：杉屏县职业中专。"],
                   "杉屏县人力资源和社会保障局", D("2024-09-20"), author="人社局职培股", tables=[(["序号", "姓名", "性别", "身份证号", "手机号码", "培训工种"], trs)])
    plant("pii", [f], "docx 花名册 table: 6 身份证号 + 6 mobiles")
    n1, i1, m1 = name(r), make_id(r), make_mobile(r)
    f = write_xlsx(P("桐岭镇", "黄泥塘村", "黄泥塘村矛盾纠纷排查调处台账.xlsx"), "黄泥塘村2024年矛盾纠纷排查调处台账", ["序号", "纠纷类型", "当事人情况", "调处结果"],
                   [[1, "宅基地边界", f"{n1}（身份证{i1}，电话{m1}）与邻居因滴水线争议", "已调解"], [2, "土地流转租金", "流转方与3户农户因租金支付时间争议", "已调解"]],
                   created=D("2024-03-02 10:00"), modified=D("2024-12-18 15:00"), author="黄泥塘村")
    plant("pii", [f], "xlsx free-text cell: a 当事人's 身份证号 and mobile inside a sentence")
    # controls: look like IDs / phones but are not personal data
    u1, u2 = make_uscc(r), make_uscc(r)
    f = write_docx(P("县农业农村局", "杉屏县农村生活垃圾第三方保洁服务合同（摘要）.docx"), "杉屏县农村生活垃圾第三方保洁服务合同（摘要）",
                   ["甲方：杉屏县农业农村局，地址：杉屏县城南路18号，邮编：419600，办公电话：0745-7826315。",
                    f"乙方：杉屏县洁源环境服务有限公司，统一社会信用代码：{u1}，开户行：中国农业银行杉屏县支行，账号：6228 4807 3519 2046 015。",
                    "合同编号：SPNY-2024-BJ-017，服务期限：2024年1月1日至2024年12月31日，合同金额：1,560万元。"],
                   "杉屏县农业农村局", D("2023-12-28"), author="农业农村局")
    control("pii", [f], f"18-char 统一社会信用代码 {u1} (valid GB 32100 check, NOT a valid 身份证号), 19-digit company bank account, 邮编 419600, office landline 0745-7826315 (not personal), 合同编号")
    pr = [[f"SPXM2024{k:04d}", t, v, f"{a:.2f}"] for k, (t, v, a) in enumerate([("油茶加工厂扩建", "柳湾村", 120), ("帮扶车间配套", "桥头村", 86), ("冷链仓储", "河湾村", 150), ("生姜分拣中心", "水口村", 110)], 1)]
    f = write_xlsx(P("县乡村振兴局", "2024年巩固衔接项目库入库项目清单.xlsx"), "杉屏县2024年巩固衔接项目库入库项目清单", ["项目编号", "项目名称", "实施村", "投资（万元）"], pr,
                   created=D("2023-11-20 09:00"), modified=D("2024-03-15 10:00"), author="振兴局项目股", notes=[f"项目业主统一社会信用代码：{u2}", "咨询电话：0745-7823019（县乡村振兴局项目股，办公电话）"])
    control("pii", [f], "项目编号 SPXM20240001…, an 18-char 统一社会信用代码 and an office landline — no personal data")
    masked = []
    for k in range(5):
        i = make_id(r)
        m = make_mobile(r)
        masked.append(f"{k + 1}. {name(r)[0]}*{r.choice(GIVEN)[-1]}  身份证号：{i[:4]}**********{i[-4:]}  联系电话：{m[:3]}****{m[-4:]}")
    f = write_txt(P("龙潭镇", "水口村", "水口村2024年产业奖补公示.txt"), "水口村2024年产业奖补对象公示\n" + "\n".join(masked) + "\n公示期：2024年11月4日至11月10日。监督电话：0745-7607743（龙潭镇乡村振兴办办公电话）。\n")
    control("pii", [f], "公示 with properly masked 身份证号 (4**********4) and masked mobiles (3****4); office landline labelled")
    meters = []
    while len(meters) < 4:
        s = "".join(str(r.randint(0, 9)) for _ in range(18))
        if not id_valid(s):
            meters.append(s)
    f = write_xlsx(P("杉口镇", "红岩村", "红岩村光伏电站运行维护记录.xlsx"), "红岩村村级光伏电站运行维护记录（2024年）", ["日期", "电表户号", "发电量（kWh）", "维护内容", "收款账号"],
                   [["2024-03-18", meters[0], 6120, "组件清洗", "82010000012345678"], ["2024-06-20", meters[1], 7985, "逆变器检查", "82010000012345678"],
                    ["2024-09-09", meters[2], 7340, "线路巡检", "82010000012345678"], ["2024-12-12", meters[3], 5210, "除草、紧固", "82010000012345678"]],
                   created=D("2024-01-05 09:00"), modified=D("2024-12-12 16:00"), author="红岩村")
    control("pii", [f], "18-digit 电表户号 that fail the GB 11643 check (not IDs) and a 17-digit village collective bank account")


def write_readme():
    from collections import Counter
    pc = Counter(g["kind"] for g in PLANTED)
    cc = Counter(g["resembles"] for g in CONTROLS)
    kinds = ["photo_reuse", "before_after_same", "near_duplicate_text", "template_copy", "backdated_file", "exif_date_conflict", "figure_conflict", "pii"]
    table = "\n".join(f"| {k} | {pc[k]} | {cc[k]} |" for k in kinds)
    txt = f"""# Authenticity evaluation set (independent)

Written by an outside author, without reading the product code or its tests. It exercises checks for
弄虚作假 in evidence folders prepared for the 推进乡村振兴战略实绩考核: reused photos, before/after photos that
are the same picture, copied reports and plans, back-dated files, EXIF date conflicts, contradicting figures
and exposed personal data.

Fictional **杉屏县** (towns 石门镇, 杉口镇, 河埠乡, 桐岭镇, 龙潭镇 and their villages), year assessed 2024,
data cut-off 2024-12-31. All people, IDs, phone numbers, companies and figures are invented.

## Contents

* `files/` — docx / xlsx / txt / jpg evidence, in unit (`县…局`) and town/village folders; photos have EXIF
  (DateTimeOriginal, GPS, Make/Model, ImageDescription as UTF-8 bytes and XPTitle as UTF-16LE captions) unless
  noted.
* `groups.json` — ground truth. `planted`: problems put in on purpose (`kind`, `files`, `note`).
  `controls`: legitimate material that resembles a problem kind (`resembles`, `files`, `note`); a detector
  should not flag it. Paths are relative to this folder. A few files appear in more than one group (e.g.
  the county 汇报 carries a planted 户厕 figure conflict and a consistent 监测对象 figure used as a control).
* Everything not named in a planted group is meant to be clean; in particular all other core
  properties lie between the document's date and the cut-off, photo file names/captions/EXIF agree, and
  no other file holds a full 身份证号 or a mobile number.

| kind | planted groups | control groups |
|---|---|---|
{table}

Photos are synthetic scenes drawn with pillow (sky, hills, houses, trees, the object of the evidence, a
Chinese sign, people, vehicles, noise, vignette). A *layout seed* fixes a place and a *day seed* fixes the
day (lighting, people, vehicles, litter, camera position), so "same place, another day" controls share
composition but not pixels, while planted reuses are the same render transformed (crop ≤ 8 %, resize,
brightness, JPEG q60) with rewritten EXIF.

## Regenerate

    /work/main/.venv/bin/python make_set.py

Deterministic (fixed seeds, fixed zip timestamps, hand-written `docProps/core.xml`); it deletes and
rewrites `files/` and `groups.json`, takes a few seconds. It uses python-docx, openpyxl and pillow only.
Core-property times are written in UTC (`Z`) from Beijing-time values.
"""
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as fh:
        fh.write(txt)


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    photos()
    checks = texts()
    records()
    personal()
    for kind, a, b in checks:
        s = similarity("".join(a), "".join(b))
        if kind == "nd":
            assert s >= 0.8, ("near-duplicate too different", s)
        else:
            assert s < 0.5, ("control too similar", s)
    for g in PLANTED + CONTROLS:
        for f in g["files"]:
            assert os.path.exists(os.path.join(HERE, f)), f
    with open(os.path.join(HERE, "groups.json"), "w", encoding="utf-8") as fh:
        json.dump({"county": COUNTY, "year": 2024, "cutoff": "2024-12-31", "planted": PLANTED, "controls": CONTROLS}, fh, ensure_ascii=False, indent=1)
    write_readme()
    print(len(PLANTED), "planted,", len(CONTROLS), "controls")


if __name__ == "__main__":
    main()
