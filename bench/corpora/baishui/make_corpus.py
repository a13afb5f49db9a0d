#!/usr/bin/env python3
"""Generate the 白水县 (fictional) evaluation corpus for the 迎检资料 filing/search tool.

Written from scratch from the brief and the two framework tomls + GONGWEN.md only.
Deterministic: fixed seeds; fixed timestamps in docx/xlsx core properties.
Run from /work/main:  .venv/bin/python bench/corpora/baishui/make_corpus.py
"""
import datetime as dt
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import tomllib

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, Mm, RGBColor
import openpyxl
from openpyxl.styles import Alignment, Font, Border, Side

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
REF = "/work/shared/reference"
SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SERIF_B = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
KAI = "/usr/share/fonts/truetype/arphic/ukai.ttc"
FIXED_TS = dt.datetime(2025, 1, 6, 9, 0, 0)

with open(os.path.join(REF, "framework-shiji-kaohe.toml"), "rb") as f:
    SK = tomllib.load(f)
with open(os.path.join(REF, "framework-hou-pinggu.toml"), "rb") as f:
    HP = tomllib.load(f)
EVID = {}
for c in SK["category"]:
    for i in c["indicator"]:
        EVID[i["code"]] = i["evidence"]
for a in SK["adjustment"]:
    EVID[a["code"]] = a["evidence"]
SEE_ALSO = {}
for c in HP["category"]:
    for i in c["item"]:
        EVID[i["code"]] = i["evidence"]
        SEE_ALSO[i["code"]] = i.get("see_also", [])
SK_CODES = {c for c in EVID if c[0] in "ABCDEFX"}


def font(path, size, idx=None):
    if idx is None:
        idx = 2 if "Noto" in path else 0
    return ImageFont.truetype(path, size, index=idx)


# ---------------------------------------------------------------- dates
CN_DIG = "〇一二三四五六七八九"


def cn_num(n):
    if n < 10:
        return CN_DIG[n]
    if n < 20:
        return "十" + (CN_DIG[n % 10] if n % 10 else "")
    return CN_DIG[n // 10] + "十" + (CN_DIG[n % 10] if n % 10 else "")


def fmt_date(d, style="arabic"):
    y, m, dd = (int(x) for x in d.split("-"))
    if style == "cn":
        return "".join(CN_DIG[int(c)] for c in str(y)) + "年" + cn_num(m) + "月" + cn_num(dd) + "日"
    if style == "dot":
        return f"{y}.{m}.{dd}"
    if style == "dash":
        return d
    return f"{y}年{m}月{dd}日"


# ---------------------------------------------------------------- docx
def set_font(run, name="仿宋_GB2312", size=16, bold=False, color=None):
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rf)
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        rf.set(qn(a), name)
    if color:
        run.font.color.rgb = RGBColor.from_string(color)


def para(doc, text, fontname="仿宋_GB2312", size=16, align=None, indent=True, bold=False, color=None):
    p = doc.add_paragraph()
    pf = p.paragraph_format
    pf.line_spacing = Pt(28)
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    if indent:
        pf.first_line_indent = Pt(size * 2)
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if text:
        r = p.add_run(text)
        set_font(r, fontname, size, bold, color)
    return p


def body_style(line):
    if len(line) > 2 and line[0] in "一二三四五六七八九十" and "、" in line[:4]:
        return "黑体"
    if line.startswith("（") and "）" in line[:5] and line[1] in "一二三四五六七八九十":
        return "楷体_GB2312"
    return "仿宋_GB2312"


def add_page_number(doc):
    sec = doc.sections[0]
    p = sec.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("— ")
    set_font(r, "宋体", 14)
    r = p.add_run()
    set_font(r, "宋体", 14)
    for t, txt in (("begin", None), (None, "PAGE"), ("end", None)):
        if t:
            el = r._element.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): t})
        else:
            el = r._element.makeelement(qn("w:instrText"), {})
            el.text = txt
        r._element.append(el)
    r = p.add_run(" —")
    set_font(r, "宋体", 14)


def add_table(doc, rows, size=12):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            c = t.cell(i, j)
            c.text = ""
            r = c.paragraphs[0].add_run(str(v))
            set_font(r, "仿宋_GB2312", size, bold=(i == 0))
    return t


def make_docx(path, g, author="Administrator"):
    """g: dict with optional keys header, wenhao, qianfa, title, subtitle, zhusong, body, attach, sign, date_text, cc, yinfa"""
    doc = docx.Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(37), Mm(35)
    sec.left_margin, sec.right_margin = Mm(28), Mm(26)
    st = doc.styles["Normal"]
    st.font.name = "仿宋_GB2312"
    st.element.get_or_add_rPr()
    if g.get("header"):
        para(doc, "", indent=False)
        para(doc, g["header"], "方正小标宋简体", 30, "center", False, color="FF0000")
        para(doc, "", indent=False)
    if g.get("wenhao"):
        if g.get("qianfa"):
            para(doc, g["wenhao"] + "　　　　　　　签发人：" + g["qianfa"], indent=False)
        else:
            para(doc, g["wenhao"], align="center", indent=False)
    if g.get("header"):
        para(doc, "━" * 22, "宋体", 16, "center", False, color="FF0000")
        para(doc, "", indent=False)
    if g.get("title"):
        for tl in g["title"].split("\n"):
            para(doc, tl, "方正小标宋简体", 22, "center", False)
    if g.get("subtitle"):
        para(doc, g["subtitle"], "楷体_GB2312", 16, "center", False)
    para(doc, "", indent=False)
    if g.get("zhusong"):
        para(doc, g["zhusong"], indent=False)
    for line in g.get("body", []):
        if isinstance(line, tuple) and line[0] == "table":
            add_table(doc, line[1])
            continue
        para(doc, line, body_style(line))
    if g.get("attach"):
        para(doc, "", indent=False)
        for k, a in enumerate(g["attach"]):
            pre = "附件：" if k == 0 else "　　　"
            para(doc, pre + (f"{k+1}．" if len(g["attach"]) > 1 else "") + a)
    if g.get("sign") or g.get("date_text"):
        para(doc, "", indent=False)
        para(doc, "", indent=False)
        for s in (g.get("sign") or "").split("\n"):
            if s:
                para(doc, s + "　　", align="right", indent=False)
        if g.get("date_text"):
            para(doc, g["date_text"] + "　　", align="right", indent=False)
    if g.get("cc") or g.get("yinfa"):
        para(doc, "", indent=False)
        para(doc, "─" * 26, "宋体", 14, indent=False)
        if g.get("cc"):
            para(doc, "抄送：" + g["cc"] + "。", size=14, indent=False)
        if g.get("yinfa"):
            para(doc, g["yinfa"], size=14, indent=False)
        para(doc, "─" * 26, "宋体", 14, indent=False)
    add_page_number(doc)
    cp = doc.core_properties
    cp.author = author or ""
    cp.last_modified_by = author or ""
    cp.title = ""
    cp.created = FIXED_TS
    cp.modified = FIXED_TS
    cp.revision = 1
    doc.save(path)


def gongwen_text(g):
    out = []
    for k in ("header", "wenhao", "title", "subtitle", "zhusong"):
        if g.get(k):
            out.append(g[k].replace("\n", ""))
    for line in g.get("body", []):
        if isinstance(line, tuple):
            out.extend(" ".join(str(c) for c in r) for r in line[1])
        else:
            out.append(line)
    for a in g.get("attach", []):
        out.append(a)
    for k in ("sign", "date_text", "cc", "yinfa"):
        if g.get(k):
            out.append(g[k])
    return "\n".join(out)


# ---------------------------------------------------------------- xlsx
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def make_xlsx(path, x, creator="Administrator"):
    """x: title, meta (list of strings for row 2), h1, h2 (h2 None => single header), rows, total (label or None),
    sum_cols (indices), sheet, extra_sheets, no_title"""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = x.get("sheet", "Sheet1")
    ncol = len(x["h1"])
    r = 1
    if x.get("title"):
        ws.cell(r, 1, x["title"]).font = Font(name="方正小标宋简体", size=16)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
        ws.cell(r, 1).alignment = Alignment(horizontal="center")
        r += 1
    if x.get("meta"):
        meta = x["meta"]
        ws.cell(r, 1, meta[0])
        if len(meta) > 1:
            ws.cell(r, max(2, ncol - 2), meta[1])
        r += 1
    hr = r
    h2 = x.get("h2")
    for j, v in enumerate(x["h1"]):
        if v != "":
            c = ws.cell(r, j + 1, v)
            c.font = Font(bold=True)
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.cell(r, j + 1).border = BOX
    if h2:
        for j, v in enumerate(h2):
            ws.cell(r + 1, j + 1).border = BOX
            if v:
                c = ws.cell(r + 1, j + 1, v)
                c.font = Font(bold=True)
                c.alignment = Alignment(horizontal="center", wrap_text=True)
        # merges: vertical where h2 empty, horizontal where h1 "" continues
        j = 0
        while j < ncol:
            if not h2[j]:
                ws.merge_cells(start_row=r, start_column=j + 1, end_row=r + 1, end_column=j + 1)
                j += 1
                continue
            k = j
            while k + 1 < ncol and x["h1"][k + 1] == "" and h2[k + 1]:
                k += 1
            if k > j:
                ws.merge_cells(start_row=r, start_column=j + 1, end_row=r, end_column=k + 1)
            j = k + 1
        r += 2
    else:
        r += 1
    first = r
    for row in x.get("rows", []):
        for j, v in enumerate(row):
            c = ws.cell(r, j + 1, v)
            c.border = BOX
        r += 1
    if x.get("total"):
        ws.cell(r, 1, x["total"]).border = BOX
        for j in x.get("sum_cols", []):
            col = openpyxl.utils.get_column_letter(j + 1)
            tot = sum((row[j] or 0) for row in x["rows"] if isinstance(row[j], (int, float)))
            ws.cell(r, j + 1, tot if x.get("total_values") else f"=SUM({col}{first}:{col}{r-1})")
            ws.cell(r, j + 1).border = BOX
        r += 1
    for line in x.get("foot", []):
        ws.cell(r, 1, line)
        r += 1
    for j in range(ncol):
        ws.column_dimensions[openpyxl.utils.get_column_letter(j + 1)].width = 14
    for name, rows in x.get("extra_sheets", []):
        w2 = wb.create_sheet(name)
        for row in rows:
            w2.append(row)
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.created = FIXED_TS
    wb.properties.modified = FIXED_TS
    wb.save(path)


def xlsx_text(path):
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            out.append(" ".join(str(v) for v in row if v is not None))
    return "\n".join(out)


def docx_text(path):
    d = docx.Document(path)
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            out.append(" ".join(c.text for c in row.cells))
    return "\n".join(out)


# ---------------------------------------------------------------- images
def draw_seal(img, cx, cy, r, text, rng):
    """red round seal with star and unit name around the rim"""
    lay = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    col = (200 + rng.randint(0, 40), 20, 30, 170)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=col, width=max(3, r // 14))
    import math
    pts = []
    for k in range(10):
        ang = -math.pi / 2 + k * math.pi / 5
        rr = r * 0.28 if k % 2 == 0 else r * 0.11
        pts.append((cx + rr * math.cos(ang), cy + rr * math.sin(ang)))
    d.polygon(pts, fill=col)
    n = len(text)
    fs = max(12, int(r * 0.30))
    f = font(SANS, fs)
    span = math.radians(250)
    for k, ch in enumerate(text):
        ang = -math.pi / 2 - span / 2 + span * (k + 0.5) / n
        tx = cx + (r * 0.72) * math.cos(ang)
        ty = cy + (r * 0.72) * math.sin(ang)
        ci = Image.new("RGBA", (fs + 6, fs + 6), (0, 0, 0, 0))
        ImageDraw.Draw(ci).text((3, 0), ch, font=f, fill=col)
        ci = ci.rotate(-math.degrees(ang) - 90, expand=True)
        lay.alpha_composite(ci, (int(tx - ci.width / 2), int(ty - ci.height / 2)))
    img.paste(Image.alpha_composite(img.convert("RGBA"), lay).convert("RGB"))


def wrap(text, n):
    return [text[i:i + n] for i in range(0, len(text), n)] or [""]


def render_page_lines(lines, W=1000, H=1414, seal=None, rng=None, hand=False):
    """lines: list of (text, style) style in title/body/right/center/plain/table"""
    img = Image.new("RGB", (W, H), (250, 249, 244))
    d = ImageDraw.Draw(img)
    fb = font(KAI if hand else SERIF, 26)
    ft = font(SERIF_B, 38)
    y = 110
    x0 = 100
    seal_pos = None
    for text, style in lines:
        if y > H - 120:
            break
        if style == "title":
            w = d.textlength(text, font=ft)
            d.text(((W - w) / 2, y), text, font=ft, fill=(20, 20, 20))
            y += 62
        elif style == "right":
            w = d.textlength(text, font=fb)
            d.text((W - 110 - w, y), text, font=fb, fill=(25, 25, 25))
            if seal_pos is None:
                seal_pos = (int(W - 110 - w / 2), y + 10)
            y += 44
        elif style == "center":
            w = d.textlength(text, font=fb)
            d.text(((W - w) / 2, y), text, font=fb, fill=(25, 25, 25))
            y += 44
        elif style == "gap":
            y += 30
        else:
            ink = (30, 30, 60) if hand else (25, 25, 25)
            d.text((x0 + (52 if style == "indent" else 0), y), text, font=fb, fill=ink)
            y += 44
    if seal and rng is not None:
        sx, sy = seal_pos or (W - 260, y - 40)
        draw_seal(img, sx, sy, 95, seal, rng)
    return img


def gongwen_lines(g, n=29):
    L = []
    if g.get("wenhao"):
        L.append((g["wenhao"], "center"))
    for t in (g.get("title") or "").split("\n"):
        if t:
            L.append((t, "title"))
    L.append(("", "gap"))
    if g.get("zhusong"):
        L.append((g["zhusong"], "plain"))
    for p in g.get("body", []):
        if isinstance(p, tuple):
            for row in p[1]:
                L.append(("  ".join(str(c) for c in row), "plain"))
            continue
        ws = wrap("　　" + p, n)
        for k, w in enumerate(ws):
            L.append((w, "plain"))
    if g.get("attach"):
        L.append(("", "gap"))
        for a in g["attach"]:
            L.append(("　　附件：" + a, "plain"))
    L.append(("", "gap"))
    for s in (g.get("sign") or "").split("\n"):
        if s:
            L.append((s, "right"))
    if g.get("date_text"):
        L.append((g["date_text"], "right"))
    return L


def degrade(img, rng, rot=None, blur=0.8, noise=10):
    rot = rng.uniform(-2.2, 2.2) if rot is None else rot
    img = img.rotate(rot, resample=Image.BICUBIC, expand=False, fillcolor=(235, 235, 230))
    a = np.asarray(img).astype(np.int16)
    nrng = np.random.default_rng(rng.randint(0, 10 ** 6))
    a = a + nrng.normal(0, noise, a.shape[:2])[..., None].astype(np.int16)
    # specks
    for _ in range(60):
        yy, xx = nrng.integers(0, a.shape[0]), nrng.integers(0, a.shape[1])
        a[yy:yy + 2, xx:xx + 2] = 60
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    img = img.filter(ImageFilter.GaussianBlur(blur))
    return img


def make_scan_pdf(path, pages):
    pages = [p.convert("RGB") for p in pages]   # keep colour: the red seal must stay red
    pages[0].save(path, "PDF", resolution=120, save_all=True, append_images=pages[1:], quality=55)


def perspective_coeffs(src, dst):
    m = []
    for (x, y), (u, v) in zip(dst, src):
        m.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        m.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    A = np.array(m, dtype=float)
    B = np.array(src, dtype=float).reshape(8)
    return np.linalg.solve(A, B).tolist()


def phone_photo(paper, rng, W=1200, H=1600):
    """place a paper image on a desk with perspective and uneven light"""
    bg = Image.new("RGB", (W, H), (120 + rng.randint(0, 30), 90 + rng.randint(0, 20), 60))
    bd = ImageDraw.Draw(bg)
    for k in range(0, H, 23):
        bd.line([(0, k), (W, k + rng.randint(-5, 5))], fill=(110, 82, 55), width=2)
    pw, ph = paper.size
    j = lambda: rng.randint(-40, 40)
    dst = [(120 + j(), 150 + j()), (W - 110 + j(), 190 + j()), (W - 60 + j(), H - 140 + j()), (70 + j(), H - 110 + j())]
    coeffs = perspective_coeffs([(0, 0), (pw, 0), (pw, ph), (0, ph)], dst)
    warped = paper.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    mask = Image.new("L", paper.size, 255).transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    bg.paste(warped, (0, 0), mask)
    a = np.asarray(bg).astype(float)
    yy, xx = np.mgrid[0:H, 0:W]
    cx, cy = rng.uniform(0.2, 0.8) * W, rng.uniform(0.1, 0.5) * H
    light = 1.08 - 0.45 * np.sqrt(((xx - cx) / W) ** 2 + ((yy - cy) / H) ** 2)
    shadow = np.where(xx + yy * 0.4 > W * 0.95, 0.82, 1.0)
    a = a * (light * shadow)[..., None]
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.1))
    return img.resize((W * 3 // 4, H * 3 // 4))


def form_paper(title, header, rows, foot, rng, W=1000, H=1300):
    img = Image.new("RGB", (W, H), (246, 244, 236))
    d = ImageDraw.Draw(img)
    ft = font(SERIF_B, 34)
    fp = font(SERIF, 20)
    fh = font(KAI, 22)
    w = d.textlength(title, font=ft)
    d.text(((W - w) / 2, 50), title, font=ft, fill=(15, 15, 15))
    y = 120
    for line in foot[:1]:
        d.text((60, y), line, font=fp, fill=(20, 20, 20))
        y += 40
    n = len(header)
    cw = (W - 120) / n
    rh = 52
    for r, row in enumerate([header] + rows):
        for c in range(n):
            x = 60 + c * cw
            d.rectangle([x, y, x + cw, y + rh], outline=(40, 40, 40), width=2)
            txt = str(row[c]) if c < len(row) else ""
            f = fp if r == 0 else fh
            col = (20, 20, 20) if r == 0 else (20, 30, 110)
            d.text((x + 6, y + 12 + rng.randint(-3, 3)), txt, font=f, fill=col)
        y += rh
    y += 20
    for line in foot[1:]:
        d.text((60, y), line, font=fh if "：" not in line[:4] else fp, fill=(20, 20, 40))
        y += 40
    return img


def scene_photo(rng, kind, W=960, H=720):
    img = Image.new("RGB", (W, H))
    d = ImageDraw.Draw(img)
    sky = (150 + rng.randint(0, 40), 180 + rng.randint(0, 40), 220)
    d.rectangle([0, 0, W, H // 2], fill=sky)
    ground = (110 + rng.randint(-20, 20), 120 + rng.randint(-20, 30), 70)
    d.rectangle([0, H // 2, W, H], fill=ground)
    if kind in ("toilet", "building", "station", "room"):
        x = rng.randint(150, 450)
        d.rectangle([x, H // 2 - 180, x + 300, H // 2 + 80], fill=(200, 195, 185), outline=(90, 90, 90), width=3)
        d.polygon([(x - 20, H // 2 - 180), (x + 150, H // 2 - 260), (x + 320, H // 2 - 180)], fill=(140, 60, 50))
        d.rectangle([x + 120, H // 2 - 60, x + 180, H // 2 + 80], fill=(90, 70, 50))
    if kind == "toilet_old":
        x = rng.randint(150, 450)
        d.rectangle([x, H // 2 - 100, x + 200, H // 2 + 60], fill=(120, 100, 80), outline=(60, 50, 40), width=4)
        d.line([(x, H // 2 - 100), (x + 200, H // 2 + 60)], fill=(70, 60, 50), width=3)
    if kind in ("field", "garden"):
        for k in range(12):
            yy = H // 2 + 20 + k * 30
            d.line([(0, yy), (W, yy + rng.randint(-10, 10))], fill=(70, 130 + rng.randint(0, 40), 50), width=6)
    if kind == "garden":
        d.rectangle([100, H // 2 + 10, W - 100, H // 2 + 20], fill=(180, 160, 120))
        for k in range(100, W - 100, 40):
            d.rectangle([k, H // 2 - 40, k + 6, H // 2 + 15], fill=(180, 160, 120))
    if kind == "road":
        d.polygon([(W // 2 - 60, H // 2), (W // 2 + 60, H // 2), (W - 100, H), (100, H)], fill=(70, 70, 75))
    if kind == "meeting":
        d.rectangle([0, 0, W, H], fill=(210, 200, 180))
        d.rectangle([80, 60, W - 80, 260], fill=(160, 20, 20))
        d.rectangle([100, 420, W - 100, 520], fill=(120, 80, 50))
        for k in range(8):
            cx = 140 + k * 95
            d.ellipse([cx, 340, cx + 50, 390], fill=(40, 30, 30))
            d.rectangle([cx - 5, 390, cx + 55, 460], fill=(50, 60, 90))
    if kind == "board":
        d.rectangle([120, 120, W - 120, H // 2 + 120], fill=(40, 90, 160), outline=(200, 200, 200), width=6)
        for k in range(6):
            d.rectangle([160 + k * 110, 190, 250 + k * 110, 420], fill=(245, 245, 240))
    a = np.asarray(img).astype(np.int16)
    nrng = np.random.default_rng(rng.randint(0, 10 ** 6))
    a = a + nrng.normal(0, 6, a.shape).astype(np.int16)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))


def burn_caption(img, lines):
    d = ImageDraw.Draw(img, "RGBA")
    f = font(SANS, 24)
    h = 34 * len(lines) + 20
    d.rectangle([10, img.height - h - 10, 10 + max(d.textlength(l, font=f) for l in lines) + 24, img.height - 10],
                fill=(0, 0, 0, 110))
    for k, l in enumerate(lines):
        d.text((22, img.height - h + k * 34), l, font=f, fill=(255, 255, 255))
    return img


def save_jpg(img, path, exif=None):
    if exif is None:
        img.save(path, "JPEG", quality=72)
        return
    ex = Image.Exif()
    ex[0x010F] = exif.get("make", "HUAWEI")
    ex[0x0110] = exif.get("model", "ALN-AL00")
    ex[0x0132] = exif["dt"]
    if exif.get("artist"):
        ex[0x013B] = exif["artist"].encode("utf-8")
    if exif.get("desc"):
        ex[0x010E] = exif["desc"].encode("utf-8")
    if exif.get("xptitle"):
        ex[0x9C9B] = exif["xptitle"].encode("utf-16le") + b"\x00\x00"
    ifd = ex.get_ifd(0x8769)
    ifd[0x9003] = exif["dt"]
    ifd[0x9004] = exif["dt"]
    if exif.get("gps"):
        lat, lon = exif["gps"]
        def dms(v):
            d0 = int(v); m0 = int((v - d0) * 60); s0 = round(((v - d0) * 60 - m0) * 60 * 100)
            return (float(d0), float(m0), s0 / 100.0)
        g = ex.get_ifd(0x8825)
        g[1] = "N"; g[2] = dms(lat); g[3] = "E"; g[4] = dms(lon)
    img.save(path, "JPEG", quality=72, exif=ex.tobytes())


# ---------------------------------------------------------------- spec registry
FILES = []
# written but left out to keep the corpus near 110 files
SKIP = {"学生资助发放明细（秋季）.xlsx", "县卫健局/家庭医生签约服务名单.xlsx", "行业部门责任清单.docx", "消费帮扶统计表.xlsx",
        "农技推广人员服务情况.xlsx", "网格员名单.xlsx", "返乡入乡创业情况统计.xlsx", "关于保障乡村产业发展用地的通知.docx",
        "农村公路建设养护台账.xlsx", "2024年志愿服务活动统计.xlsx", "公务用车使用登记.xlsx", "县人社局/关于组织干部职工健康体检的通知.docx",
        "软弱涣散村党组织整顿台账.xlsx", "农村生活污水治理设施清单.xlsx", "危旧房拆除台账.xlsx", "矛盾纠纷排查调处台账.xlsx"}


def seed_of(s):
    return int(hashlib.sha256(s.encode("utf-8")).hexdigest()[:8], 16)


def add(path, fmt, kind, ind, covers, unit, date, title, content, unit_stated=True, date_stated=None,
        title_stated=None, author="Administrator", also_extra=None):
    if path in SKIP:
        return
    if date_stated is None:
        date_stated = date is not None
    if title_stated is None:
        title_stated = title is not None
    cov = []
    for c in covers:
        code, item = c.split(".")
        item = int(item)
        cov.append({"code": code, "item": item, "text": EVID[code][item - 1]})
    also = []
    for c in cov:
        if c["code"] != ind and c["code"] not in also:
            also.append(c["code"])
    FILES.append(dict(path=path, fmt=fmt, content=content, author=author, label={
        "indicator": ind, "also": also, "unit": unit, "unit_stated": unit_stated,
        "date": date, "date_stated": date_stated, "title": title, "title_stated": title_stated,
        "kind": kind, "covers": cov}))


SUR = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董袁潘蒋蔡余杜叶程魏苏吕丁任雷"
GIV = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文红玉兰海波鹏飞志宏春梅小龙云峰"


def names(rng, n):
    out = []
    while len(out) < n:
        s = rng.choice(SUR) + rng.choice(GIV) + (rng.choice(GIV) if rng.random() < 0.6 else "")
        if s not in out:
            out.append(s)
    return out


TOWNS = {"柳湾镇": ["王家庄村", "柳湾村", "河西村", "上坡村"], "石门镇": ["石门村", "南坡村", "后沟村", "冯家村"],
         "白沙乡": ["白沙村", "马家堡村", "槐树村"], "东塬镇": ["东塬村", "杨家塬村", "坡头村", "西沟村"],
         "桑园镇": ["桑园村", "西庄村", "郭家河村"], "龙泉乡": ["龙泉村", "北沟村", "峪口村"]}
ALLVIL = [(t, v) for t, vs in TOWNS.items() for v in vs]


def vrows(rng, n, f):
    """rows over random villages: f(rng, k, town, village) -> row"""
    pick = sorted(rng.sample(range(len(ALLVIL)), min(n, len(ALLVIL))))
    return [f(rng, k + 1, *ALLVIL[i]) for k, i in enumerate(pick)]


def D(d):
    return d


# ====================================================================== A 巩固拓展脱贫攻坚成果
def spec_A():
    r = random.Random(101)
    add("县乡村振兴局/白水县2024年防止返贫动态监测和帮扶工作实施方案.docx", "docx", "plan", "A01", ["A01.1", "R01.2"],
        "县乡村振兴局", "2024-03-08", "白水县2024年防止返贫动态监测和帮扶工作实施方案", dict(
            header="白水县乡村振兴局文件", wenhao="白乡振发〔2024〕6号",
            title="白水县2024年防止返贫动态监测和帮扶\n工作实施方案",
            zhusong="各镇（乡）人民政府，县级有关部门：",
            body=["为守牢不发生规模性返贫底线，巩固拓展脱贫攻坚成果同乡村振兴有效衔接，根据省、市有关要求，结合我县过渡期工作安排，制定本方案。",
                  "一、监测范围和标准",
                  "监测对象为脱贫不稳定户、边缘易致贫户和突发严重困难户（简称“三类户”）。2024年监测收入标准调整为7600元，各镇（乡）要对照标准开展集中排查。",
                  "二、识别纳入程序",
                  "（一）农户自主申报。依托“一键申报”小程序和村级公示栏，群众可随时申报。",
                  "（二）基层干部排查。村“两委”、驻村工作队、帮扶责任人每月走访一次，发现风险苗头及时上报。",
                  "（三）部门筛查预警。教育、医保、民政、残联、住建、水务等部门每月推送预警信息，镇（乡）15个工作日内核实反馈。",
                  "三、精准落实帮扶措施",
                  "对纳入的监测户逐户制定“一户一策”帮扶计划，有劳动能力的优先落实产业和就业帮扶，无劳动能力的纳入兜底保障。",
                  "四、规范风险消除",
                  "监测户收入持续稳定超过监测标准且“两不愁三保障”及饮水安全巩固的，经村级评议、镇（乡）审核、县级确认后标注风险消除，消除后继续跟踪一年。",
                  "五、工作要求",
                  "各镇（乡）于2024年3月底前完成首轮集中排查，每季度报送一次工作进展。"],
            attach=["防止返贫监测对象识别纳入流程图"],
            sign="白水县乡村振兴局", date_text="2024年3月8日", cc="县委农办，县乡村振兴领导小组各成员单位",
            yinfa="白水县乡村振兴局办公室　　　　　　2024年3月8日印发"))

    def mon_row(rng, k, t, v):
        nm = names(rng, 1)[0]
        typ = rng.choice(["脱贫不稳定户", "边缘易致贫户", "突发严重困难户"])
        risk = rng.choice(["因病", "因残", "因学", "因意外事故", "缺劳力", "因灾"])
        eli = rng.random() < 0.55
        return [k, t, v, nm, rng.randint(1, 6), typ, risk, f"2024-0{rng.randint(1,9)}-{rng.randint(10,28)}",
                "产业帮扶+就业帮扶" if risk in ("缺劳力", "因灾") else rng.choice(["医疗救助", "低保兜底", "教育资助", "公益岗"]),
                "已消除" if eli else "未消除", f"2024-{rng.randint(10,12)}-{rng.randint(10,28)}" if eli else ""]
    rows = []
    for i in range(2):
        rows += vrows(r, 14, mon_row)
    for k, row in enumerate(rows):
        row[0] = k + 1
    add("县乡村振兴局/监测对象台账（截至12月底）.xlsx", "xlsx", "ledger", "A01", ["A01.2", "P01.1", "S03.1"],
        "县乡村振兴局", "2024-12-31", "白水县防止返贫监测对象信息台账", dict(
            title="白水县防止返贫监测对象信息台账", meta=["填报单位：白水县乡村振兴局", "截至2024年12月31日"],
            h1=["序号", "镇（乡）", "村", "户主姓名", "家庭人口", "监测类型", "主要风险", "纳入时间", "帮扶措施", "风险消除", ""],
            h2=["", "", "", "", "", "", "", "", "", "状态", "消除时间"],
            rows=rows, total="合计", sum_cols=[4], foot=["填表人：刘芳　　审核人：杜建国"]))

    add("附件2.docx", "docx", "plan", "A01", ["A01.3"], "王家庄村村民委员会", "2024-04-16",
        "王家庄村监测户“一户一策”帮扶计划", dict(
            title="王家庄村监测户“一户一策”帮扶计划", subtitle="（2024年度）",
            body=["根据镇上统一安排，结合入户走访情况，对本村7户监测户逐户制定帮扶措施如下：",
                  ("table", [["户主", "人口", "风险类型", "帮扶责任人", "帮扶措施", "预期效果"],
                             ["王建国", "4", "因病", "周志明", "申请医疗救助；妻子安排村保洁公益岗", "年增收6000元"],
                             ["王小龙", "3", "因学", "周志明", "落实雨露计划；发展苹果2亩", "稳定增收"],
                             ["李秀英", "2", "缺劳力", "杨春梅", "纳入低保；落实产业奖补", "兜底保障"],
                             ["王海波", "5", "因意外事故", "杨春梅", "申请临时救助；推荐县城务工", "年增收2万元"],
                             ["张桂兰", "1", "因残", "何建华", "残疾人两项补贴；家庭医生签约", "兜底保障"],
                             ["王明", "4", "因灾", "何建华", "冰雹灾后补种；农业保险理赔", "恢复生产"],
                             ["王勇", "3", "因病", "周志明", "慢病签约；帮扶车间就业", "年增收1.8万元"]]),
                  "以上措施由帮扶责任人每月跟踪落实，村委会每季度评估一次。"],
            sign="柳湾镇王家庄村村民委员会", date_text="2024年4月16日"), author="user")

    g = dict(title="帮扶责任人入户走访记录表",
             body=["走访对象：王建国（柳湾镇王家庄村二组）　家庭人口：4人　类型：监测户",
                   "走访时间：2024年9月12日　走访人：周志明（县农业农村局）",
                   "家庭基本情况：户主患慢性肾病，每月透析两次，妻子在村上做保洁，儿子在西安务工，孙女在镇中心小学上学。",
                   "“两不愁三保障”及饮水：吃穿不愁；孙女义务教育正常就学；全家参加城乡居民医保；住房为2019年新建砖混房，安全；自来水入户，水质水量达标。",
                   "收入情况：预计全年家庭纯收入38600元，人均9650元，高于监测标准。",
                   "存在问题及下步措施：医疗自付费用偏高，已协助申请医疗救助，下次走访核实到账情况。",
                   "户主签字：王建国　　走访人签字：周志明"],
             sign="柳湾镇王家庄村（盖章）", date_text="2024年9月12日")
    add("扫描件012.pdf", "scan", "scan", "A01", ["A01.4", "R03.2"], "王家庄村村民委员会", "2024-09-12",
        "帮扶责任人入户走访记录表", dict(pages=[g], seal="白水县柳湾镇王家庄村村民委员会"))

    add("石门镇/关于部门预警信息核实情况的报告.docx", "docx", "report", "A01", ["A01.5", "W03.1"], "石门镇人民政府",
        "2024-07-22", "石门镇人民政府关于第二季度部门预警信息核实情况的报告", dict(
            wenhao="石政发〔2024〕41号", qianfa="冯海涛",
            title="石门镇人民政府\n关于第二季度部门预警信息核实情况的报告",
            zhusong="县乡村振兴局：",
            body=["2024年第二季度，县级行业部门共向我镇推送预警信息63条，其中医保大额自付28条、残联新增残疾人9条、教育系统疑似失学2条、民政临时救助11条、住建房屋安全6条、水务供水异常7条。现将核实情况报告如下：",
                  "一、核实方式。镇上抽调包村干部和驻村工作队组成4个核查组，逐户上门核对，对照国家防返贫监测信息系统逐条比对数据。",
                  "二、核实结果。63条预警信息已全部核实完毕，其中新识别纳入监测对象5户17人，已是监测对象的21条，经核实不存在返贫风险的37条，均已在系统中反馈标注。",
                  "三、数据修正。比对中发现系统内家庭人口信息与户籍不一致4户、务工信息未更新9人，已于7月15日前完成修正。",
                  "四、下步工作。建立“部门推送—镇村核实—系统反馈”周调度机制，确保预警信息10日内核实办结。"],
            sign="石门镇人民政府", date_text="2024年7月22日"), author="石门镇党政办")

    add("防返贫风险消除情况.txt", "txt", "text", "A01", ["S03.1"], "县乡村振兴局", "2024-12-20",
        "全县防返贫监测户风险消除情况统计（2024年）", dict(enc="utf-8", text="\n".join([
            "全县防返贫监测户风险消除情况统计（2024年）", "",
            "统计口径：国家防返贫监测信息系统，数据截至2024年12月20日。", "",
            "镇（乡）\t监测户数\t已消除户数\t未消除户数\t消除率",
            "柳湾镇\t86\t61\t25\t70.9%", "石门镇\t74\t49\t25\t66.2%", "白沙乡\t39\t27\t12\t69.2%",
            "东塬镇\t92\t68\t24\t73.9%", "桑园镇\t55\t37\t18\t67.3%", "龙泉乡\t31\t22\t9\t71.0%",
            "全县\t377\t264\t113\t70.0%", "",
            "说明：全年未发生规模性返贫，新识别纳入41户。未消除户均已落实帮扶措施，春节前再开展一轮排查。",
            "县乡村振兴局监测股　2024年12月20日"])))

    # A02
    def kc_row(rng, k, t, v):
        nm = names(rng, 1)[0]
        return [k, t, v, nm, rng.choice(["男", "女"]), rng.randint(7, 15), rng.choice(["疑似失学", "长期请假", "休学"]),
                rng.choice(["动员复学", "送教上门", "转入职校"]), rng.choice(["已复学", "已送教", "已入学"]), names(rng, 1)[0]]
    add("县教育局/2024年秋季学期控辍保学工作台账.xlsx", "xlsx", "ledger", "A02", ["A02.1", "P02.1"], "县教育局",
        "2024-11-30", "白水县2024年秋季学期控辍保学动态监测台账", dict(
            title="白水县2024年秋季学期控辍保学动态监测台账", meta=["填报单位：白水县教育局（盖章）", "截至：2024年11月30日"],
            h1=["序号", "镇（乡）", "村", "学生姓名", "性别", "年龄", "情形", "劝返措施", "目前状态", "包联责任人"],
            rows=vrows(r, 9, kc_row), foot=["注：适龄少年儿童失学情况动态清零，数据每月更新。"]))

    add("县医保局2024年脱贫人口参保资助及医疗救助情况报告.doc", "doc", "report", "A02", ["A02.2", "P03.1", "P03.2"],
        "县医疗保障局", "2024-12-16", "白水县医疗保障局关于2024年脱贫人口参保资助和医疗救助落实情况的报告", dict(
            wenhao="白医保发〔2024〕37号",
            title="白水县医疗保障局\n关于2024年脱贫人口参保资助和医疗救助\n落实情况的报告",
            zhusong="县乡村振兴领导小组：",
            body=["今年以来，我局坚持基本医保、大病保险、医疗救助三重制度综合保障，健康帮扶各项政策落实落细。现将有关情况报告如下：",
                  "一、参保资助情况。全县脱贫人口和监测对象应参保42316人，已参保42316人，参保率100%。对特困人员全额资助、低保对象和返贫致贫人口定额资助，共资助参保27845人，资助资金836.2万元。",
                  "二、待遇落实情况。截至11月底，脱贫人口住院报销5.93万人次，政策范围内住院费用报销比例稳定在80%以上；大病保险倾斜支付1.21万人次。",
                  "三、医疗救助情况。全年实施医疗救助3.46万人次，支出救助资金1528万元，对高额医疗费用负担患者开展依申请救助212人次。",
                  "四、存在问题。部分外出务工人员在务工地重复参保，信息比对仍有滞后。下一步将每月与税务、乡村振兴部门开展数据比对。"],
            sign="白水县医疗保障局", date_text="2024年12月16日"))

    gw = dict(title="农村低收入群体危房改造竣工验收表",
              body=["户主姓名：马秀兰　　身份类别：低保户　　家庭人口：3人",
                    "住址：白沙乡马家堡村三组　　改造方式：原址翻建　　结构：砖混一层",
                    "开工日期：2024年4月2日　竣工日期：2024年6月25日　建筑面积：62平方米",
                    "补助资金：3.5万元（中央、省级补助资金）",
                    "验收意见：经现场查看，房屋基础、墙体、屋面符合农村危房改造抗震设防要求，门窗齐全，水电入户，已入住，验收合格。",
                    "验收人员：雷志强（县住建局）　马家堡村：马玉兰　白沙乡：邓伟",
                    "户主签字：马秀兰"],
              sign="白沙乡人民政府（盖章）", date_text="2024年7月3日")
    add("未命名.pdf", "scan", "scan", "A02", ["A02.3", "P04.1"], "白沙乡人民政府", "2024-07-03",
        "农村低收入群体危房改造竣工验收表", dict(pages=[gw], seal="白水县白沙乡人民政府"))

    def ys_row(rng, k, t, v):
        prob = rng.choice(["管网老化漏水", "水源季节性不足", "水质浑浊", "入户管冻裂", "水压不足", "无"])
        return [k, t, v, rng.choice(["集中供水", "分散供水"]), rng.randint(80, 460), prob,
                "—" if prob == "无" else rng.choice(["更换管网1.2公里", "新打机井1眼", "加装净化消毒设备", "维修入户管", "加压泵站维修"]),
                "—" if prob == "无" else rng.choice(["已整改", "已整改", "整改中"]), "县水务局"]
    add("县水务局/农村饮水安全排查整改台账.xlsx", "xlsx", "ledger", "A02", ["A02.4", "P04.2", "R02.1"], "县水务局",
        "2024-10-31", "白水县2024年农村供水工程排查问题整改台账", dict(
            title="白水县2024年农村供水工程排查问题整改台账", meta=["填报单位：县水务局", "截至2024年10月31日"],
            h1=["序号", "镇（乡）", "行政村", "供水方式", "受益户数", "排查发现问题", "整改措施", "整改进度", "责任单位"],
            rows=vrows(r, 12, ys_row), total="合计", sum_cols=[4]))

    fp = dict(title="农村房屋安全性鉴定表（简易）", header=["鉴定项目", "检查情况", "结论"],
              rows=[["地基基础", "无明显沉降", "安全"], ["承重墙体", "西墙有竖向裂缝", "局部危险"],
                    ["屋面楼盖", "檩条完好", "安全"], ["门窗", "基本完好", "安全"], ["综合评定", "C级", "需加固"]],
              foot=["户主：郭小平　住址：桑园镇郭家河村五组　结构：土木", "鉴定人：唐建华　杜鹏　　2024年7月16日",
                    "处理意见：列入2024年度危房改造计划，先行加固西墙"])
    add("桑园镇/IMG_20240716_103512.jpg", "form_photo", "form_photo", "A02", ["A02.5"], "桑园镇人民政府", "2024-07-16",
        "农村房屋安全性鉴定表（简易）", dict(form=fp, exif=dict(dt="2024:07:16 10:35:12", model="V2309A", make="vivo")),
        unit_stated=False)

    def zz_row(rng, k, t, v):
        nm = names(rng, 1)[0]
        return [k, t, v, nm, rng.choice(["小学", "初中", "高中", "中职", "大专"]), rng.choice(["义务教育营养餐", "国家助学金", "雨露计划", "免学费"]),
                rng.choice([500, 1000, 1500, 2000, 3000]), "2024-" + rng.choice(["06", "10", "11"]) + "-15"]
    zrows = vrows(r, 15, zz_row)
    add("学生资助发放明细（秋季）.xlsx", "xlsx", "ledger", "A02", ["P02.2"], "县学生资助管理中心", "2024-11-20",
        "白水县2024年秋季学期脱贫家庭学生资助发放明细", dict(
            title="白水县2024年秋季学期脱贫家庭学生资助发放明细", meta=["填报单位：白水县学生资助管理中心", "填报日期：2024年11月20日"],
            h1=["序号", "镇（乡）", "村", "学生姓名", "学段", "资助项目", "金额（元）", "发放时间"],
            rows=zrows, total="合计", sum_cols=[6]))

    def qy_row(rng, k, t, v):
        return [k, t, v, names(rng, 1)[0], rng.choice(["脱贫户", "监测户"]), rng.choice(["高血压", "糖尿病", "严重精神障碍", "慢阻肺", "无"]),
                names(rng, 1)[0], f"{v[:-1]}卫生室", "2024-0" + str(rng.randint(1, 6)) + "-" + str(rng.randint(10, 28))]
    add("县卫健局/家庭医生签约服务名单.xlsx", "xlsx", "ledger", "A02", ["P03.3"], "县卫生健康局", None,
        "白水县脱贫人口家庭医生签约服务花名册", dict(
            title="白水县脱贫人口家庭医生签约服务花名册", meta=["填报单位：县卫生健康局", "统计时段：2024年1月—6月"],
            h1=["序号", "镇（乡）", "村", "姓名", "人员类别", "慢病类型", "签约医生", "签约机构", "签约日期"],
            rows=vrows(r, 14, qy_row)), date_stated=False)

    add("行业部门责任清单.docx", "docx", "list", "A02", ["R02.2"], "县乡村振兴领导小组办公室", "2024-02-26",
        "白水县巩固拓展脱贫攻坚成果行业部门责任清单", dict(
            title="白水县巩固拓展脱贫攻坚成果行业部门责任清单",
            body=[("table", [["领域", "牵头单位", "主要责任", "完成时限"],
                             ["义务教育", "县教育局", "控辍保学动态清零、学生资助应助尽助", "全年"],
                             ["基本医疗", "县医保局、县卫健局", "参保资助、医疗救助、家庭医生签约", "全年"],
                             ["住房安全", "县住建局", "低收入群体住房安全动态监测、危房改造", "10月底"],
                             ["饮水安全", "县水务局", "农村供水工程排查整改、运行管护", "全年"],
                             ["兜底保障", "县民政局、县残联", "低保特困及时纳入、残疾人两项补贴", "全年"],
                             ["就业帮扶", "县人社局", "务工规模稳定、公益岗管理", "全年"]]),
                  "各牵头单位每月5日前向县乡村振兴领导小组办公室报送上月排查整改情况。"],
            sign="白水县乡村振兴领导小组办公室", date_text="2024年2月26日"))

    add("两不愁三保障入户核查表.pdf" if False else "附件3.pdf", "scan", "scan", "A02", ["S01.1"], "龙泉乡人民政府", "2024-11-06",
        "巩固脱贫成果入户核查表", dict(pages=[dict(title="巩固脱贫成果入户核查表",
            body=["户主：吕文华　　龙泉乡峪口村　　户类型：脱贫户　　人口：5人",
                  "一、义务教育：适龄子女2人，均在校就读，无失学辍学。",
                  "二、基本医疗：全员参加城乡居民医保，已签约家庭医生。",
                  "三、住房安全：砖木结构，2020年鉴定为A级，无安全隐患。",
                  "四、饮水安全：自来水入户，全年供水正常，水质达标。",
                  "五、吃穿：有余粮，四季衣被齐全。",
                  "核查结论：未发现“两不愁三保障”和饮水安全问题。",
                  "核查人：宋海波　潘丽　　户主签字：吕文华"],
            sign="龙泉乡人民政府（章）", date_text="2024年11月6日")], seal="白水县龙泉乡人民政府"))

    # A03
    def wg_row(rng, k, t, v):
        a = rng.randint(120, 520)
        b = int(a * rng.uniform(0.55, 0.75)); c = int(a * rng.uniform(0.15, 0.3)); d = a - b - c
        return [k, t, v, a + rng.randint(10, 60), a, b, c, d, round(a / (a + 40) * 100, 1)]
    add("县人社局/2024年脱贫劳动力务工就业统计表.xlsx", "xlsx", "ledger", "A03", ["A03.1", "P05.2"],
        "县人力资源和社会保障局", "2024-12-25", "白水县2024年脱贫劳动力（含监测对象）务工就业情况统计表", dict(
            title="白水县2024年脱贫劳动力（含监测对象）务工就业情况统计表",
            meta=["填报单位：白水县人力资源和社会保障局", "截至2024年12月25日"],
            h1=["序号", "镇（乡）", "村", "劳动力人数", "务工就业人数", "其中", "", "", "务工率（%）"],
            h2=["", "", "", "", "", "县外省内", "省外", "县内（含公益岗、帮扶车间）", ""],
            rows=vrows(r, 16, wg_row), total="合计", sum_cols=[3, 4, 5, 6, 7]))

    add("县人社局/关于认定2024年度就业帮扶车间的通知.docx", "docx", "notice", "A03", ["A03.2"], "县人力资源和社会保障局",
        "2024-05-20", "关于认定2024年度就业帮扶车间的通知", dict(
            header="白水县人力资源和社会保障局", wenhao="白人社发〔2024〕23号",
            title="关于认定2024年度就业帮扶车间的通知", zhusong="各镇（乡）人民政府，县级有关部门：",
            body=["根据《关于进一步支持就业帮扶车间发展的若干措施》，经镇（乡）申报、县级实地核查和公示，认定白水县桑园果品分拣车间等9家经营主体为2024年度就业帮扶车间。现将有关事项通知如下：",
                  "一、认定名单。白水县桑园果品分拣车间、东塬镇杨家塬手工编织社区工厂、柳湾镇苹果纸袋加工点、石门镇服装加工车间、白沙乡中药材初加工车间、龙泉乡花椒烘干车间、东塬镇鞋垫加工点、桑园镇电商包装车间、柳湾镇食用菌大棚基地。",
                  "二、吸纳就业要求。每个车间吸纳脱贫劳动力和监测对象不少于5人，签订劳动合同或用工协议，按月足额发放工资。",
                  "三、扶持政策。对认定的车间给予一次性奖补1万元；每吸纳1名脱贫劳动力稳定就业6个月以上，给予1000元岗位补贴。",
                  "四、动态管理。各镇（乡）每季度核查运行情况，对停产、吸纳人数不足的，取消认定资格。"],
            attach=["2024年度就业帮扶车间认定名单"],
            sign="白水县人力资源和社会保障局", date_text="2024年5月20日"), author="hrss")

    def gy_row(rng, k, t, v):
        nm = names(rng, 1)[0]
        days = [rng.choice([22, 21, 20, 22, 19]) for _ in range(3)]
        return [k, t, v, nm, rng.choice(["村保洁", "护林", "道路养护", "河道巡查", "治安协管", "村务协理"]), days[0], days[1], days[2], sum(days), 500 * 3]
    add("表1.xlsx", "xlsx", "ledger", "A03", ["A03.3", "P05.3"], "石门镇人民政府", None,
        "石门镇2024年第四季度乡村公益岗人员出勤登记表", dict(
            title="石门镇2024年第四季度乡村公益岗人员出勤登记表", meta=["单位：石门镇人民政府（盖章）", "2024年10月—12月"],
            h1=["序号", "镇", "村", "姓名", "岗位类别", "出勤天数", "", "", "合计天数", "补贴金额（元）"],
            h2=["", "", "", "", "", "10月", "11月", "12月", "", ""],
            rows=[gy_row(r, k + 1, "石门镇", v) for k, v in enumerate(["石门村", "石门村", "南坡村", "南坡村", "后沟村", "后沟村", "冯家村", "冯家村", "冯家村", "石门村"])],
            total="合计", sum_cols=[8, 9]), date_stated=False)

    def px_row(rng, k, t, v):
        nm = names(rng, 1)[0]
        return [k, nm, rng.choice(["男", "女"]), rng.randint(22, 55), t + v, rng.choice(["脱贫户", "监测户", "一般农户"]),
                rng.choice(["果树修剪", "家政服务", "电工", "中式烹调", "电商直播"]), "合格", "2024" + str(rng.randint(100000, 999999))]
    add("县人社局/技能培训花名册（第三期）.xlsx", "xlsx", "ledger", "A03", ["A03.4"], "县人力资源和社会保障局", "2024-08-30",
        "白水县2024年第三期脱贫劳动力职业技能培训花名册", dict(
            title="白水县2024年第三期脱贫劳动力职业技能培训花名册",
            meta=["培训机构：白水县职业技术教育中心", "填报日期：2024年8月30日"],
            h1=["序号", "姓名", "性别", "年龄", "镇村", "户类型", "培训工种", "考核结果", "结业证书编号"],
            rows=vrows(r, 18, px_row)))

    add("劳务协作协议.docx", "docx", "contract", "A03", ["A03.5", "A05.4"], "县人力资源和社会保障局", "2024-03-18",
        "苏陕劳务协作协议", dict(
            title="苏陕劳务协作协议",
            body=["甲方：白水县人力资源和社会保障局", "乙方：江苏省宜兴市人力资源和社会保障局",
                  "为深化东西部协作，促进白水县脱贫劳动力到江苏稳定就业，双方本着优势互补、互利共赢的原则，达成如下协议：",
                  "一、乙方每年向甲方提供不少于800个适合岗位，优先安排脱贫劳动力和监测对象，岗位月工资不低于4500元。",
                  "二、甲方负责组织招聘、岗前培训和输送，对有组织输出的人员落实一次性交通补贴。",
                  "三、双方在宜兴市设立白水籍务工人员服务站，协调解决劳动权益保障问题。",
                  "四、本协议有效期自2024年3月18日至2025年12月31日。",
                  "五、本协议一式四份，甲乙双方各执两份。",
                  "甲方（盖章）：白水县人力资源和社会保障局　　乙方（盖章）：宜兴市人力资源和社会保障局",
                  "代表签字：韩志强　　　　　　　　　　　　　　代表签字：许文"],
            date_text="2024年3月18日"))

    # A04
    def zj_row(rng, k, name, fund):
        paid = round(fund * rng.uniform(0.82, 1.0), 1)
        return [k, name, rng.choice(["产业发展", "产业发展", "就业", "基础设施", "项目管理费"]), fund, paid, round(paid / fund * 100, 1)]
    projs = ["柳湾镇苹果矮化密植园建设", "石门镇冷链仓储设施", "东塬镇设施农业大棚", "白沙乡中药材种植基地", "桑园镇果品分拣线",
             "龙泉乡花椒产业园", "脱贫劳动力外出务工交通补贴", "雨露计划职业教育补助", "杨家塬村产业路硬化", "小额信贷贴息", "后沟村灌溉管网", "项目管理费"]
    add("县财政局/2024年衔接资金支出进度表（12.27）.xlsx", "xlsx", "ledger", "A04", ["A04.1", "P05.1"], "县财政局", "2024-12-27",
        "白水县2024年中央和省级财政衔接推进乡村振兴补助资金分配及支出进度表", dict(
            title="白水县2024年中央和省级财政衔接推进乡村振兴补助资金分配及支出进度表",
            meta=["填报单位：白水县财政局　单位：万元", "截至2024年12月27日"],
            h1=["序号", "项目名称", "资金用途", "下达资金", "已支出", "支出进度（%）"],
            rows=[zj_row(r, k + 1, n, r.choice([120.0, 260.5, 480.0, 95.0, 330.0, 58.0])) for k, n in enumerate(projs)],
            total="合计", sum_cols=[3, 4], foot=["产业发展资金占比：62.3%"]))

    add("县乡村振兴局/关于做好2025年度项目库建设工作的通知.docx", "docx", "notice", "A04", ["A04.2", "W01.1"], "县乡村振兴局",
        "2024-09-10", "关于做好2025年度巩固拓展脱贫攻坚成果和乡村振兴项目库建设工作的通知", dict(
            header="白水县乡村振兴局文件", wenhao="白乡振发〔2024〕29号",
            title="关于做好2025年度巩固拓展脱贫攻坚成果\n和乡村振兴项目库建设工作的通知",
            zhusong="各镇（乡）人民政府，县级各行业部门：",
            body=["按照项目库管理办法，现就2025年度项目库建设有关事项通知如下：",
                  "一、入库程序。严格执行村申报、镇审核、县审定的程序，村级申报项目须经村民代表大会讨论并公示不少于10天。",
                  "二、入库重点。重点支持联农带农成效明显的产业项目，产业类项目占比原则上不低于60%，不得将不符合要求的项目纳入。",
                  "三、时间安排。各镇（乡）于10月15日前报送申报项目及公示照片，县级行业部门10月底前完成论证，11月中旬县级审定后公告。",
                  "四、有关要求。入库项目要明确绩效目标和联农带农机制，未入库项目原则上不得安排衔接资金。"],
            sign="白水县乡村振兴局", date_text="2024年9月10日"))

    def zc_row(rng, k, t, v):
        typ = rng.choice(["经营性", "公益性", "到户类"])
        nm = rng.choice(["光伏电站", "冷库", "产业路", "灌溉管网", "大棚", "分拣车间", "饮水工程"])
        val = rng.choice([35.6, 120.0, 86.4, 210.0, 48.0, 15.2])
        return [k, t, v, v + nm, typ, 2019 + rng.randint(0, 5), val, f"{v}股份经济合作社", rng.choice(["已确权", "已确权", "待确权"]), names(rng, 1)[0]]
    add("县农业农村局/帮扶项目资产确权登记台账.xlsx", "xlsx", "ledger", "A04", ["A04.3", "W01.2"], "县农业农村局", "2024-12-31",
        "白水县帮扶项目资产确权登记台账", dict(
            title="白水县帮扶项目资产确权登记台账", meta=["填报单位：县农业农村局（盖章）", "截至2024年12月31日"],
            h1=["序号", "镇（乡）", "村", "资产名称", "资产类别", "形成年度", "资产原值（万元）", "产权归属", "确权状态", "管护责任人"],
            rows=vrows(r, 16, zc_row), total="合计", sum_cols=[6]))

    add("东塬镇/杨家塬村光伏收益分配方案.docx", "docx", "plan", "A04", ["A04.4", "W01.3"], "杨家塬村股份经济合作社",
        "2024-06-28", "杨家塬村2024年度村级光伏电站收益分配方案", dict(
            title="杨家塬村2024年度村级光伏电站收益分配方案",
            body=["为规范村级光伏电站收益使用，根据县上资产收益分配有关规定，经村党支部提议、“两委”会商议、党员大会审议、村民代表会议决议，制定本方案。",
                  "一、收益情况。村级光伏电站装机容量300千瓦，2024年上半年发电收益13.6万元。",
                  "二、分配原则。收益的80%以上用于设置公益岗位、小型公益事业和奖励补助，不得简单平均分配，不得发放给不劳动的群众。",
                  "三、分配用途。（一）设置村保洁、护林等公益岗位12个，每人每月500元；（二）困难群众临时救助2万元；（三）村内道路维修3.2万元；（四）提取运维费1.2万元。",
                  "四、发放方式。通过“一卡通”发放到人，在村务公开栏公示7天。"],
            sign="白水县东塬镇杨家塬村股份经济合作社\n杨家塬村村民委员会", date_text="2024年6月28日"), unit_stated=True)

    add("20241108.pdf", "scan", "scan", "A04", ["A04.5"], "杨家塬村村民委员会", None, "村级光伏电站巡检维护记录", dict(pages=[dict(
        title="村级光伏电站巡检维护记录",
        body=["电站名称：东塬镇杨家塬村300千瓦村级光伏电站　　运维单位：陕西晶阳新能源运维公司",
              "11月5日　逆变器运行正常，组件表面积尘较多，已组织人员清洗，清洗后发电量提升约6%。",
              "11月6日　2号汇流箱熔断器损坏一只，已更换；围栏东侧有破损，已报村委会维修。",
              "11月7日　全站巡视，电缆沟无积水，监控系统在线，当日发电量1086千瓦时。",
              "11月8日　配合县农业农村局检查，资料台账齐全。",
              "巡检人：雷鹏　　村负责人：杨建军"],
        sign="杨家塬村村民委员会", date_text="2024年11月")], seal="白水县东塬镇杨家塬村村民委员会"), date_stated=False)

    fq = dict(title="杨家塬村光伏收益公益岗补贴签领表", header=["序号", "姓名", "岗位", "月份", "金额（元）", "签字"],
              rows=[[1, "杨小红", "保洁", "7-9月", 1500, "杨小红"], [2, "杨志明", "护林", "7-9月", 1500, "杨志明"],
                    [3, "雷秀英", "保洁", "7-9月", 1500, "雷秀英"], [4, "杨涛", "道路养护", "7-9月", 1500, "杨涛"],
                    [5, "曹桂兰", "保洁", "7-9月", 1500, "曹桂兰"], ["", "合计", "", "", 7500, ""]],
              foot=["发放单位：杨家塬村股份经济合作社", "经办人：杨建军　　监督人：雷鹏", "2024年10月9日"])
    add("东塬镇/微信图片_20241010160233.jpg", "form_photo", "form_photo", "A04", ["A04.4", "W01.3"], "杨家塬村股份经济合作社",
        "2024-10-09", "杨家塬村光伏收益公益岗补贴签领表", dict(form=fq, exif=None))

    # A05
    add("关于调整充实驻村第一书记和工作队的通知.docx", "docx", "notice", "A05", ["A05.1"], "县委组织部", "2024-01-19",
        "关于调整充实驻村第一书记和工作队的通知", dict(
            header="中共白水县委组织部", wenhao="白组通〔2024〕5号",
            title="关于调整充实驻村第一书记和工作队的通知",
            zhusong="各镇（乡）党委，县级各部门党组（党委、支部）：",
            body=["根据工作需要，经研究，决定对全县驻村第一书记和工作队进行轮换调整。现将有关事项通知如下：",
                  "一、调整范围。任职满两年的第一书记和工作队员原则上予以轮换，本次共轮换第一书记23名、工作队员41名。",
                  "二、人选要求。选派政治素质好、工作能力强、身体健康的优秀干部，优先选派后备干部和年轻干部。",
                  "三、交接要求。新老人员于2月5日前完成工作交接，原派出单位“派驻不派人”“挂名不驻村”的，严肃追责。",
                  "四、管理考核。第一书记和工作队员每月在村工作不少于20天，由镇（乡）党委负责日常管理。"],
            attach=["白水县2024年驻村第一书记和工作队员调整名单"],
            sign="中共白水县委组织部", date_text="2024年1月19日"), author="zzb")

    def kq_row(rng, k, t, v):
        nm = names(rng, 1)[0]
        ds = [rng.randint(18, 24) for _ in range(3)]
        return [k, t, v, nm, rng.choice(["第一书记", "队长", "队员"]), rng.choice(["县农业农村局", "县财政局", "县教育局", "县交通局", "县医院"]), ds[0], ds[1], ds[2], "在岗" if min(ds) >= 20 else "已提醒"]
    add("石门镇/驻村工作队在岗情况统计（10-12月）.xlsx", "xlsx", "ledger", "A05", ["A05.2", "R03.3"], "石门镇人民政府", None,
        "石门镇驻村工作队员在岗情况统计表（第四季度）", dict(
            title="石门镇驻村工作队员在岗情况统计表（第四季度）", meta=["石门镇党委组织办", "2024年10—12月"],
            h1=["序号", "镇", "村", "姓名", "职务", "派出单位", "在村天数", "", "", "情况"],
            h2=["", "", "", "", "", "", "10月", "11月", "12月", ""],
            rows=[kq_row(r, k + 1, "石门镇", v) for k, v in enumerate(["石门村", "石门村", "南坡村", "南坡村", "南坡村", "后沟村", "后沟村", "冯家村", "冯家村"])]),
        date_stated=False)

    add("石门镇/扫描全能王 2024-10-15 10.23.pdf", "scan", "scan", "A05", ["A05.2"], "石门镇人民政府", None,
        "驻村工作日志", dict(hand=True, pages=[dict(title="驻村工作日志",
            body=["10月8日　晴　和村支书到南坡村三组走访监测户冯小军家，了解苹果销售情况，帮助联系收购商。",
                  "10月9日　阴　参加镇上防返贫集中排查培训会，回村后召开队员会议分工。",
                  "10月10日　晴　入户核对12户医保缴费信息，发现2户未续缴，已通知村医协助办理。",
                  "10月11日　雨　整理村级光伏收益分配资料，起草村务公开内容。",
                  "10月14日　晴　陪同县农业农村局技术员查看冷库建设进度，预计11月底完工。",
                  "记录人：潘志强（南坡村第一书记）"])]), unit_stated=False, date_stated=False)

    add("省农业农村厅定点帮扶白水县2024年工作总结.pdf", "pdf", "summary", "A05", ["A05.3"], "县乡村振兴局", "2024-12-12",
        "省农业农村厅定点帮扶白水县2024年工作总结", dict(
            title="省农业农村厅定点帮扶白水县2024年工作总结",
            body=["2024年，在省农业农村厅的倾力帮扶下，我县定点帮扶工作取得明显成效。现将全年工作总结如下：",
                  "一、组织领导持续加强。厅主要领导两次带队来县调研，召开定点帮扶联席会议3次，选派挂职副县长1名、驻村第一书记3名。",
                  "二、帮扶投入稳定增加。全年直接投入帮扶资金860万元，引进帮扶资金2300万元，实施苹果有机肥替代化肥、冷链物流等项目11个。",
                  "三、消费帮扶成效明显。组织厅属单位和系统干部职工购买我县农产品1460万元，帮助销售白水苹果2100吨。",
                  "四、人才技术帮扶深入开展。培训基层干部和技术骨干620人次，专家团队开展田间指导46场次。",
                  "五、下步打算。围绕苹果全产业链升级，争取更多项目资金和政策支持。"],
            sign="白水县乡村振兴局", date_text="2024年12月12日"))

    add("县乡村振兴局/苏陕协作项目资金使用情况汇报.docx", "docx", "report", "A05", ["A05.4"], "县乡村振兴局", "2024-11-18",
        "白水县2024年苏陕协作项目资金使用情况汇报", dict(
            title="白水县2024年苏陕协作项目资金使用情况汇报",
            body=["今年，宜兴市安排我县苏陕协作财政援助资金4200万元，共实施项目18个，截至11月15日已支出3870万元，支出进度92.1%。",
                  "一、产业协作。建设苹果智慧果园2个、冷链仓储中心1个，引导宜兴企业在白水落地投资3家，实际到位投资1.2亿元。",
                  "二、劳务协作。组织脱贫劳动力赴江苏就业326人，省内就近就业1890人。",
                  "三、人才交流。两地互派挂职干部12名、专业技术人才45名。",
                  "四、存在问题。个别项目因用地手续滞后影响进度，已督促镇（乡）加快办理。"],
            sign="白水县乡村振兴局", date_text="2024年11月18日"), author="李静")

    def xf_row(rng, k, name):
        return [k, name, rng.choice(["单位食堂采购", "工会福利", "832平台采购", "展销会"]), rng.randint(2, 60) * 1.0, rng.choice(["苹果", "花椒", "小米", "核桃", "苹果醋"])]
    units = ["县委办", "县政府办", "县财政局", "县教育局", "县卫健局", "县人民医院", "县公安局", "县税务局", "县农业农村局", "县交通运输局", "县总工会", "白水县中学"]
    add("消费帮扶统计表.xlsx", "xlsx", "ledger", "A05", ["A05.5"], "县乡村振兴局", "2024-12-20",
        "白水县2024年机关单位消费帮扶采购情况统计表", dict(
            title="白水县2024年机关单位消费帮扶采购情况统计表", meta=["填报单位：县乡村振兴局", "截至2024年12月20日　单位：万元"],
            h1=["序号", "采购单位", "采购方式", "采购金额", "主要产品"],
            rows=[xf_row(r, k + 1, u) for k, u in enumerate(units)], total="合计", sum_cols=[3]))

    def bf_row(rng, k, t, v):
        nm = names(rng, 1)[0]
        return [k, t, v, nm, rng.choice(["县财政局", "县教育局", "镇干部", "村干部", "县医院"]), rng.randint(2, 5), "、".join(names(rng, 3)), "1" + str(rng.randint(3000000000, 9999999999))]
    add("县乡村振兴局/帮扶责任人名册.xlsx", "xlsx", "list", "A05", ["R03.1"], "县乡村振兴局", "2024-06-30",
        "白水县脱贫户和监测户帮扶责任人名册", dict(
            title="白水县脱贫户和监测户帮扶责任人名册", meta=["填报单位：县乡村振兴局", "截至2024年6月30日"],
            h1=["序号", "镇（乡）", "村", "帮扶责任人", "工作单位", "结对户数", "结对户户主", "联系电话"],
            rows=vrows(r, 15, bf_row)))


# ====================================================================== B 产业兴旺
def spec_B():
    r = random.Random(202)

    def ls_row(rng, k, t):
        a = rng.randint(5, 14) * 1000 + rng.randint(0, 999)
        b = rng.randint(2, 6) * 1000
        return [k, t, a, b, a + b, round(a * 0.36, 1), round(b * 0.42, 1), round(a * 0.36 + b * 0.42, 1)]
    add("县统计局/2024年粮食播种面积和产量统计.xlsx", "xlsx", "ledger", "B01", ["B01.1"], "县统计局", "2024-12-10",
        "白水县2024年粮食播种面积和产量统计表", dict(
            title="白水县2024年粮食播种面积和产量统计表", meta=["填报单位：白水县统计局", "填报日期：2024年12月10日"],
            h1=["序号", "镇（乡）", "播种面积（亩）", "", "", "产量（吨）", "", ""],
            h2=["", "", "小麦", "玉米", "合计", "小麦", "玉米", "合计"],
            rows=[ls_row(r, k + 1, t) for k, t in enumerate(TOWNS)], total="全县合计", sum_cols=[2, 3, 4, 5, 6, 7]))

    add("2024年度高标准农田建设项目竣工验收报告.pdf", "pdf", "report", "B01", ["B01.2"], "县农业农村局", "2024-11-28",
        "白水县2024年度高标准农田建设项目竣工验收报告", dict(
            title="白水县2024年度高标准农田建设项目\n竣工验收报告",
            body=["项目名称：白水县2024年度高标准农田建设项目（东塬镇、白沙乡片区）",
                  "建设规模：新建高标准农田2.3万亩，其中东塬镇1.4万亩、白沙乡0.9万亩。",
                  "一、建设内容完成情况。完成土地平整1.1万亩，新打机井26眼，铺设地埋管道38.6公里，新修田间道路21.4公里，配套农田林网和土壤改良措施。",
                  "二、资金使用情况。项目总投资4600万元，亩均投资2000元，已支付4210万元，其余为质保金。",
                  "三、验收程序。2024年11月20日至26日，县农业农村局会同财政、自然资源、水务等部门组成验收组，采取查阅资料和实地抽查相结合的方式进行验收，抽查比例12%。",
                  "四、验收结论。项目建设内容与批复一致，工程质量合格，资料齐全，同意通过竣工验收，并在全国农田建设综合监测监管平台上图入库。"],
            sign="白水县农业农村局", date_text="2024年11月28日"))

    add("县农业农村局/耕地保护目标责任书（柳湾镇）.docx", "docx", "other", "B01", ["B01.3"], "白水县人民政府", "2024-03-01",
        "2024年度耕地保护目标责任书", dict(
            title="2024年度耕地保护目标责任书",
            body=["为严格落实耕地保护党政同责，坚决遏制耕地“非农化”、防止“非粮化”，县人民政府与柳湾镇人民政府签订本责任书。",
                  "一、目标任务。柳湾镇耕地保有量不低于8.62万亩，永久基本农田保护面积不低于7.35万亩，粮食播种面积稳定在4.1万亩以上。",
                  "二、工作责任。镇长为耕地保护第一责任人，建立镇村两级田长制，落实网格化巡查，发现违法占用耕地行为及时制止上报。",
                  "三、考核奖惩。责任书执行情况纳入年度目标责任考核，对未完成任务的，实行“一票否决”。",
                  "四、本责任书期限自2024年1月1日至12月31日。",
                  "白水县人民政府（盖章）　　　　柳湾镇人民政府（盖章）",
                  "县长：任志强　　　　　　　　　镇长：罗海燕"],
            date_text="2024年3月1日"))

    def lh_row(rng, k, v):
        a = round(rng.uniform(3, 60), 1)
        return [k, "石门镇", v, names(rng, 1)[0], a, rng.choice(["缺劳力外出", "地块偏远", "灌溉条件差", "种植效益低"]),
                rng.choice(["村集体统一流转种植", "引导大户托管", "恢复种植小麦", "种植玉米"]), a, "已复耕"]
    vil = ["石门村", "石门村", "南坡村", "后沟村", "后沟村", "冯家村", "冯家村", "南坡村"]
    add("石门镇/撂荒地整治台账.xlsx", "xlsx", "ledger", "B01", ["B01.4"], "石门镇人民政府", "2024-09-30",
        "石门镇撂荒地排查整治台账", dict(
            title="石门镇撂荒地排查整治台账", meta=["填报单位：石门镇农业综合服务站", "截至2024年9月30日"],
            h1=["序号", "镇", "村", "承包户", "撂荒面积（亩）", "撂荒原因", "整治措施", "已复耕面积（亩）", "状态"],
            rows=[lh_row(r, k + 1, v) for k, v in enumerate(vil)], total="合计", sum_cols=[4, 7]), unit_stated=True)

    add("关于2024年度粮食安全党政同责考核自查情况的报告.doc", "doc", "report", "B01", ["B01.5"], "白水县人民政府", "2024-12-05",
        "白水县人民政府关于2024年度粮食安全党政同责考核自查情况的报告", dict(
            wenhao="白政字〔2024〕88号",
            title="白水县人民政府\n关于2024年度粮食安全党政同责考核\n自查情况的报告",
            zhusong="市人民政府：",
            body=["按照市粮食安全党政同责考核工作安排，我县对照考核细则逐项开展自查，现将情况报告如下：",
                  "一、粮食生产任务完成情况。全年粮食播种面积50.3万亩、总产量16.8万吨，均完成市下达目标任务。",
                  "二、耕地保护情况。全县耕地保有量和永久基本农田保护任务全面落实，违法占用耕地问题动态清零，闲置耕地复耕复种3200亩。",
                  "三、粮食储备和应急保障。县级储备粮规模、结构符合要求，应急供应网点覆盖全部镇（乡）。",
                  "四、自评得分。经自查，我县粮食安全党政同责考核自评得分94分。"],
            sign="白水县人民政府", date_text="2024年12月5日", cc="市农业农村局，市粮食和物资储备局"))

    add("白水县苹果产业高质量发展实施方案（2024—2026年）.docx", "docx", "plan", "B02", ["B02.1"], "白水县人民政府办公室", "2024-04-02",
        "白水县苹果产业高质量发展实施方案（2024—2026年）", dict(
            header="白水县人民政府办公室文件", wenhao="白政办发〔2024〕14号",
            title="白水县人民政府办公室\n关于印发白水县苹果产业高质量发展实施方案\n（2024—2026年）的通知",
            zhusong="各镇（乡）人民政府，县政府各工作部门：",
            body=["《白水县苹果产业高质量发展实施方案（2024—2026年）》已经县政府同意，现印发给你们，请认真抓好落实。",
                  "白水县苹果产业高质量发展实施方案（2024—2026年）",
                  "一、发展目标。到2026年，全县苹果面积稳定在55万亩，矮化密植果园达到12万亩，苹果全产业链产值突破100亿元。",
                  "二、重点任务。（一）老果园改造提升；（二）有机肥替代化肥；（三）冷链仓储和分拣包装能力建设；（四）“白水苹果”区域公用品牌培育；（五）果农技能培训。",
                  "三、保障措施。县财政每年安排苹果产业发展专项资金不少于5000万元，衔接资金优先支持联农带农的果业项目。"],
            sign="白水县人民政府办公室", date_text="2024年4月2日"))

    def lt_row(rng, k, t, v):
        typ = rng.choice(["省级龙头企业", "市级龙头企业", "国家级示范社", "省级示范社", "市级示范社", "省级示范家庭农场"])
        nm = v[:-1] + rng.choice(["果业专业合作社", "农业科技有限公司", "家庭农场", "种植专业合作社", "果品有限公司"])
        return [k, nm, t, typ, rng.choice(["苹果", "花椒", "中药材", "设施蔬菜", "生猪"]), rng.randint(5, 260), names(rng, 1)[0]]
    add("县农业农村局/新型农业经营主体名录.xlsx", "xlsx", "list", "B02", ["B02.2"], "县农业农村局", "2024-10-31",
        "白水县农业产业化龙头企业、示范合作社和家庭农场名录", dict(
            title="白水县农业产业化龙头企业、示范合作社和家庭农场名录", meta=["县农业农村局经管站", "截至2024年10月31日"],
            h1=["序号", "主体名称", "所在镇（乡）", "级别", "主导产业", "带动农户（户）", "负责人"],
            rows=vrows(r, 16, lt_row), total="合计", sum_cols=[5]))

    add("关于白水县农业产业强镇建设推进情况的简报.docx", "docx", "briefing", "B02", ["B02.3"], "县农业农村局", "2024-08-15",
        "乡村振兴工作简报（第12期）", dict(
            title="乡村振兴工作简报", subtitle="第12期\n县农业农村局编　　　　2024年8月15日",
            body=["东塬镇农业产业强镇建设项目加快推进",
                  "东塬镇以苹果为主导产业，统筹布局种植、加工、仓储、销售和乡村旅游，今年以来建成苹果分拣包装车间2个、气调库1座，新增冷藏能力8000吨，带动周边2100户果农。",
                  "镇上依托杨家塬苹果主题公园发展采摘体验游，上半年接待游客3.6万人次，农家乐收入达420万元。",
                  "下一步，东塬镇将加快苹果醋、果脯等精深加工项目建设，推动一二三产业融合发展。"],
            cc="县委农办，各镇（乡）"), unit_stated=True, author="农业农村局办公室")

    def dz_row(rng, k, t):
        return [k, t, rng.randint(3, 18), rng.randint(20000, 90000), round(rng.uniform(80, 600), 1), rng.randint(30, 400), round(rng.uniform(300, 3200), 1)]
    add("2024年乡村旅游和农村电商发展情况统计.xlsx", "xlsx", "ledger", "B02", ["B02.4"], "县文化和旅游局", None,
        "白水县2024年1—11月乡村旅游和农村电商发展情况统计表", dict(
            title="白水县2024年1—11月乡村旅游和农村电商发展情况统计表", meta=["填报单位：县文化和旅游局、县商务局", "单位：人次、万元"],
            h1=["序号", "镇（乡）", "乡村旅游", "", "", "农村电商", ""],
            h2=["", "", "经营点（个）", "接待游客（人次）", "旅游收入（万元）", "网店（个）", "网络零售额（万元）"],
            rows=[dz_row(r, k + 1, t) for k, t in enumerate(TOWNS)], total="合计", sum_cols=[2, 3, 4, 5, 6]), date_stated=False)

    add("扫描件003.pdf", "scan", "scan", "B02", ["B02.5"], "中国绿色食品发展中心", "2024-05-20", "绿色食品证书", dict(pages=[dict(
        title="绿色食品证书",
        body=["证书编号：LB-18-24051208862A",
              "企业名称：白水县东塬果业专业合作社",
              "产品名称：白水苹果（红富士）　商标：塬上红",
              "产量：3500吨　　核准使用面积：4200亩",
              "经审核，上述产品符合绿色食品标准，准予使用绿色食品标志。",
              "有效期：2024年5月20日至2027年5月19日"],
        sign="中国绿色食品发展中心", date_text="2024年5月20日")], seal="中国绿色食品发展中心"))

    def jj_row(rng, k, t, v):
        a = round(rng.uniform(8, 60), 2); b = round(a * rng.uniform(0.2, 0.6), 2)
        return [k, t, v, a, b, round(a - b, 2), rng.choice(["资源发包", "物业租赁", "光伏收益", "入股分红", "社会化服务"]), "是" if a >= 10 else "否"]
    add("村级集体经济收入统计表.xlsx", "xlsx", "ledger", "B03", ["B03.1"], "县农业农村局", "2024-12-31",
        "白水县2024年村级集体经济收入统计表", dict(
            title="白水县2024年村级集体经济收入统计表", meta=["填报单位：县农业农村局农村经营管理站", "截至2024年12月31日　单位：万元"],
            h1=["序号", "镇（乡）", "村", "集体经济总收入", "其中", "", "主要收入来源", "是否达10万元"],
            h2=["", "", "", "", "经营收入", "其他收入", "", ""],
            rows=vrows(r, 20, jj_row), total="合计", sum_cols=[3, 4, 5]), author="经管站")

    add("关于加快集体经济薄弱村提升的实施方案.docx", "docx", "plan", "B03", ["B03.2"], "县委组织部", "2024-03-26",
        "白水县集体经济薄弱村提升三年行动实施方案", dict(
            wenhao="白组发〔2024〕9号",
            title="白水县集体经济薄弱村提升三年行动\n实施方案",
            body=["为加快发展壮大新型农村集体经济，全面消除集体经济年收入低于10万元的薄弱村，制定本方案。",
                  "一、目标任务。2024年全县集体经济年收入10万元以下的村减少至8个以内，2025年全面消除。",
                  "二、主要路径。（一）盘活资源发包；（二）发展物业经济；（三）开展农业社会化服务；（四）村企联建入股分红；（五）党支部领办合作社。",
                  "三、支持政策。每个薄弱村安排扶持资金50万元，实行“一村一策”，由县级领导包抓。",
                  "四、考核办法。将薄弱村提升纳入镇（乡）党委书记抓基层党建述职评议。"],
            sign="中共白水县委组织部\n白水县农业农村局", date_text="2024年3月26日"))

    add("柳湾镇/柳湾村党支部领办合作社情况介绍.docx", "docx", "report", "B03", ["B03.3"], "柳湾村党支部", "2024-06-05",
        "柳湾村党支部领办合作社情况介绍", dict(
            title="柳湾村党支部领办合作社情况介绍",
            body=["2022年，柳湾村党支部牵头成立白水县柳湾村果业专业合作社，村集体以扶持资金和土地入股，群众以果园、资金和劳动力入股，目前入社农户186户。",
                  "合作社统一购买农资、统一技术服务、统一品牌销售，2023年实现经营收入286万元，村集体分红18.6万元，社员户均增收3200元。",
                  "今年，合作社新建冷库一座，发展直播带货，上半年线上销售苹果36万斤。",
                  "主要经验：支部带头、群众参与、利益共享，实现了集体增收和群众致富“双赢”。"],
            sign="中共白水县柳湾镇柳湾村支部委员会", date_text="2024年6月5日"), author="Administrator")

    add("柳湾镇/IMG_20241015_094418.jpg", "photo", "photo", "B03", ["B03.4"], "柳湾镇人民政府", "2024-10-15",
        "河西村第三季度村务财务公开栏", dict(scene="board", exif=dict(dt="2024:10:15 09:44:18", xptitle="河西村第三季度村务财务公开栏"), caption=None),
        unit_stated=False)


# ====================================================================== C 生态宜居
def spec_C():
    r = random.Random(303)

    def hc_row(rng, k, t, v):
        a = rng.randint(20, 90); b = a - rng.randint(0, 3)
        return [k, t, v, a, rng.choice(["三格式化粪池", "双瓮漏斗式", "完整下水道水冲式"]), b, b - rng.randint(0, 2), rng.choice(["2024-08", "2024-09", "2024-10"])]
    add("县农业农村局/2024年农村户厕改造任务及验收台账.xlsx", "xlsx", "ledger", "C01", ["C01.1"], "县农业农村局", "2024-11-15",
        "白水县2024年农村卫生户厕改造任务分解及验收台账", dict(
            title="白水县2024年农村卫生户厕改造任务分解及验收台账", meta=["填报单位：县农业农村局", "截至2024年11月15日"],
            h1=["序号", "镇（乡）", "村", "下达任务（户）", "改造模式", "完工（户）", "验收合格（户）", "验收时间"],
            rows=vrows(r, 18, hc_row), total="合计", sum_cols=[3, 5, 6]))

    def wt_row(rng, k, v):
        p = rng.choice(["化粪池渗漏", "冲水设施损坏", "厕屋未建", "粪污未及时清掏", "建而未用"])
        return [k, "柳湾镇", v, names(rng, 1)[0], p, rng.choice(["更换化粪池", "维修冲水设备", "补建厕屋", "联系抽粪车清掏", "入户动员使用"]), "已整改", "2024-" + str(rng.randint(5, 10)) + "-" + str(rng.randint(10, 28))]
    add("柳湾镇/问题厕所排查整改台账.xlsx", "xlsx", "ledger", "C01", ["C01.2"], "柳湾镇人民政府", "2024-10-30",
        "柳湾镇农村问题厕所摸排整改台账", dict(
            title="柳湾镇农村问题厕所摸排整改台账", meta=["填报单位：柳湾镇人民政府", "截至2024年10月30日"],
            h1=["序号", "镇", "村", "户主", "存在问题", "整改措施", "整改情况", "完成时间"],
            rows=[wt_row(r, k + 1, v) for k, v in enumerate(["王家庄村", "王家庄村", "柳湾村", "柳湾村", "河西村", "河西村", "上坡村", "上坡村", "上坡村", "柳湾村", "河西村"])]))

    add("农村公厕管护制度.pdf", "pdf", "charter", "C01", ["C01.3"], "县农业农村局", "2024-05-08",
        "白水县农村公共厕所管护制度", dict(
            title="白水县农村公共厕所管护制度",
            body=["第一条　为加强农村公共厕所日常管理维护，保持干净整洁、正常使用，制定本制度。",
                  "第二条　农村公厕实行“镇（乡）监管、村级负责、专人管护”，每座公厕明确1名管护员，管护员优先从公益岗人员中选聘。",
                  "第三条　管护员每日清扫不少于2次，保持无积水、无异味、无蚊蝇，洗手设施完好。",
                  "第四条　公厕门口公示管护员姓名和监督电话，群众可随时反映问题。",
                  "第五条　镇（乡）每月检查一次，检查结果与管护员补贴挂钩。",
                  "附：柳湾镇农村公厕管护员名单：王家庄村 王秀英；柳湾村 张海；河西村 刘桂兰；上坡村 杨明。"],
            sign="白水县农业农村局", date_text="2024年5月8日"))

    add("IMG_20240612_101530.jpg", "photo", "photo", "C01", ["C01.4"], None, "2024-06-12", "王家庄村改厕前（旱厕）",
        dict(scene="toilet_old", exif=dict(dt="2024:06:12 10:15:30", xptitle="王家庄村改厕前（旱厕）", gps=(35.178, 109.592))))
    add("IMG_20240825_153012.jpg", "photo", "photo", "C01", ["C01.4"], None, "2024-08-25", "王家庄村户厕改造完工",
        dict(scene="toilet", exif=dict(dt="2024:08:25 15:30:12", gps=(35.178, 109.592)),
             caption=["白水县柳湾镇王家庄村", "2024-08-25 15:30", "户厕改造完工"]))

    add("doc00231.pdf", "scan", "scan", "C01", ["C01.5"], "东塬镇人民政府", None, "粪污集中处理站运行记录",
        dict(pages=[dict(title="粪污集中处理站运行记录",
             body=["站点：东塬镇坡头村粪污资源化利用处理站　设计处理能力：20吨/日",
                   "9月2日　抽粪车进站3车，约12吨，发酵罐运行正常。",
                   "9月9日　进站2车，出料有机肥4吨，供坡头村果园使用。",
                   "9月16日　搅拌电机异响，已联系厂家维修，停运半天。",
                   "9月23日　进站4车，沼液还田约60亩。",
                   "9月30日　月度小结：本月处理粪污46吨，还田利用率100%。",
                   "记录人：曹勇　　负责人：彭建华"],
             sign="东塬镇农业综合服务站", date_text="2024年9月")], seal="白水县东塬镇人民政府"), date_stated=False)

    add("扫描件005.pdf", "scan", "scan", "C01", ["C01.1"], "石门镇人民政府", "2024-10-21", "石门镇2024年农村户厕改造验收合格证明",
        dict(pages=[dict(title="证　明",
             body=["兹证明，石门镇2024年度承担的农村户厕改造任务共计326户（其中南坡村88户、后沟村102户、冯家村71户、石门村65户），已于2024年10月18日全部完工。",
                   "经镇村联合验收组逐户验收，化粪池容积、防渗和厕屋建设符合技术规范，验收合格326户，合格率100%，群众满意。",
                   "特此证明。"],
             sign="石门镇人民政府", date_text="2024年10月21日")], seal="白水县石门镇人民政府"), author=None)

    add("关于建立农村生活垃圾收运处置体系的实施意见.docx", "docx", "plan", "C02", ["C02.1"], "县住房和城乡建设局", "2024-02-20",
        "关于健全农村生活垃圾收运处置体系的实施意见", dict(
            wenhao="白建发〔2024〕8号",
            title="关于健全农村生活垃圾收运处置体系的\n实施意见",
            zhusong="各镇（乡）人民政府：",
            body=["为推进农村人居环境整治提升，建立“户分类、村收集、镇转运、县处理”的农村生活垃圾收运处置体系，提出如下意见。",
                  "一、配齐收集设施。每10户至15户配置1个分类垃圾桶，每个行政村设1个以上垃圾收集点。",
                  "二、规范转运处理。各镇（乡）垃圾中转站每日转运，运至县生活垃圾焚烧发电厂处理，实现行政村全覆盖。",
                  "三、推进分类减量。在柳湾镇、东塬镇开展垃圾分类试点，推行“积分兑换”激励群众参与。",
                  "四、落实运行经费。县财政按每人每年20元标准补助运行经费。"],
            sign="白水县住房和城乡建设局", date_text="2024年2月20日"))

    def zzz_row(rng, k, day):
        return [k, f"2024-12-{day:02d}", rng.randint(3, 6), round(rng.uniform(12, 26), 1), "县焚烧发电厂", rng.choice(["正常", "正常", "压缩机检修"]), names(rng, 1)[0]]
    add("东塬镇/垃圾中转站运行台账（12月）.xlsx", "xlsx", "ledger", "C02", ["C02.2"], "东塬镇人民政府", None,
        "东塬镇生活垃圾中转站运行台账", dict(
            title="东塬镇生活垃圾中转站运行台账", meta=["东塬镇环卫所", "2024年12月"],
            h1=["序号", "日期", "转运车次", "转运量（吨）", "去向", "设备运行", "记录人"],
            rows=[zzz_row(r, k + 1, d) for k, d in enumerate(range(1, 21))], total="合计", sum_cols=[2, 3]),
        unit_stated=True, date_stated=False)

    def ws_row(rng, k, t, v):
        return [k, t, v, rng.choice(["一体化处理设备", "人工湿地", "氧化塘", "纳入城镇管网"]), rng.choice([20, 30, 50, 80, 100]),
                round(rng.uniform(1, 6), 1), rng.choice(["正常运行", "正常运行", "维修中"]), rng.choice(["第三方运维", "村级管护"])]
    add("农村生活污水治理设施清单.xlsx", "xlsx", "ledger", "C02", ["C02.3"], "渭南市生态环境局白水分局", "2024-10-31",
        "白水县农村生活污水处理设施清单及运行情况", dict(
            title="白水县农村生活污水处理设施清单及运行情况", meta=["填报单位：渭南市生态环境局白水分局", "截至2024年10月31日"],
            h1=["序号", "镇（乡）", "村", "处理工艺", "设计规模（吨/日）", "配套管网（公里）", "运行状态", "运维方式"],
            rows=vrows(r, 12, ws_row)))

    add("黑臭水体整治情况.doc", "doc", "report", "C02", ["C02.4"], "渭南市生态环境局白水分局", "2024-09-25",
        "关于农村黑臭水体整治进展情况的报告", dict(
            title="关于农村黑臭水体整治进展情况的报告", zhusong="县人居环境整治领导小组办公室：",
            body=["我县纳入国家监管清单的农村黑臭水体共4处，分别为石门镇后沟村涝池、桑园镇西庄村排水沟、龙泉乡北沟村坑塘、白沙乡槐树村涝池。",
                  "一、整治进展。截至9月20日，后沟村涝池、西庄村排水沟已完成清淤和截污，水质监测达标；北沟村坑塘完成控源截污，正在开展生态修复；槐树村涝池已进场施工。",
                  "二、长效管护。已落实村级管护责任人，纳入河湖长巡查范围，每月开展一次水质监测。",
                  "三、下步计划。11月底前全面完成整治任务，并组织验收销号。"],
            sign="渭南市生态环境局白水分局", date_text="2024年9月25日"))

    add("新建 Microsoft Word 文档.docx", "docx", "contract", "C02", ["C02.5"], "桑园镇人民政府", "2024-01-10",
        "桑园镇农村环境卫生保洁服务合同", dict(
            title="桑园镇农村环境卫生保洁服务合同",
            body=["甲方：白水县桑园镇人民政府", "乙方：陕西洁美环境服务有限公司",
                  "根据政府采购结果，甲方将桑园镇3个行政村的道路清扫保洁、生活垃圾收集和转运服务委托乙方实施，签订本合同。",
                  "一、服务范围：桑园村、西庄村、郭家河村村内主次道路、公共场所及垃圾收集点。",
                  "二、服务标准：道路每日普扫一次、全天保洁；垃圾日产日清，收集点周边无散落垃圾。",
                  "三、服务期限：2024年1月15日至2025年1月14日。",
                  "四、合同价款：人民币贰拾捌万陆仟元整（￥286000元），按季度考核后支付。",
                  "五、考核办法：甲方每月检查不少于2次，考核不合格的按比例扣减服务费。",
                  "甲方（盖章）：白水县桑园镇人民政府　　　乙方（盖章）：陕西洁美环境服务有限公司",
                  "法定代表人或委托代理人：苏海峰　　　　　法定代表人或委托代理人：田小军"],
            date_text="2024年1月10日"), author="user")

    add("关于开展村庄清洁行动的通知.docx", "docx", "notice", "C03", ["C03.1"], "县委农村工作领导小组办公室", "2024-03-12",
        "关于开展2024年村庄清洁行动春季战役的通知", dict(
            header="中共白水县委农村工作领导小组办公室", wenhao="白农办发〔2024〕3号",
            title="关于开展2024年村庄清洁行动春季战役的通知",
            zhusong="各镇（乡）党委、人民政府，县级有关部门：",
            body=["为迎接春季农村人居环境集中整治，县委农办决定在全县开展村庄清洁行动春季战役。现将有关事项通知如下：",
                  "一、时间安排。2024年3月15日至4月30日。",
                  "二、主要内容。以“三清三拆三整治”为重点，清理生活垃圾、清理沟渠塘坝、清理畜禽养殖粪污；拆除残垣断壁、拆除乱搭乱建、拆除广告牌匾；整治道路环境、整治村容村貌、整治乱堆乱放。",
                  "三、工作要求。各镇（乡）每周五报送工作进展和整治前后照片，县委农办将组织暗访，结果在全县通报。"],
            sign="中共白水县委农村工作领导小组办公室", date_text="2024年3月12日"))

    add("村庄清洁行动简报第3期.docx", "docx", "briefing", "C03", ["C03.1"], "龙泉乡人民政府", "2024-04-12",
        "龙泉乡人居环境整治简报（第3期）", dict(
            title="人居环境整治简报", subtitle="第3期\n龙泉乡人民政府　　　　2024年4月12日",
            body=["龙泉乡掀起村庄清洁春季战役热潮",
                  "4月以来，龙泉乡组织干部群众1200余人次，清理生活垃圾380余吨、沟渠12公里，拆除残垣断壁46处、乱搭乱建21处，村容村貌明显改观。",
                  "峪口村组织党员志愿者清理房前屋后，动员群众把废弃空地改建为小菜园、小果园。",
                  "北沟村对主干道两侧乱堆乱放的柴草、农机具集中清理，设置临时堆放点。"]), author="龙泉乡党政办")

    def wj_row(rng, k, t, v):
        return [k, t, v, names(rng, 1)[0], rng.choice(["危旧土坯房", "废弃猪圈", "残垣断壁", "违章搭建彩钢棚"]), rng.randint(8, 120), "已拆除", rng.choice(["复垦", "建小菜园", "硬化", "绿化"])]
    add("危旧房拆除台账.xlsx", "xlsx", "ledger", "C03", ["C03.2"], "县住房和城乡建设局", "2024-08-31",
        "白水县2024年农村危旧房和残垣断壁拆除台账", dict(
            title="白水县2024年农村危旧房和残垣断壁拆除台账", meta=["填报单位：县住建局村镇股", "截至2024年8月31日"],
            h1=["序号", "镇（乡）", "村", "户主", "拆除类型", "面积（㎡）", "拆除情况", "后续利用"],
            rows=vrows(r, 15, wj_row), total="合计", sum_cols=[5]))

    add("龙泉乡/微信图片_20240918093015.jpg", "photo", "photo", "C03", ["C03.3"], "龙泉乡人民政府", None, None,
        dict(scene="garden", exif=None, caption=None), unit_stated=False)
    add("龙泉乡/峪口村小菜园建设情况.docx", "docx", "report", "C03", ["C03.3"], "龙泉乡人民政府", "2024-09-20",
        "峪口村“四小园”建设情况", dict(
            title="峪口村“四小园”建设情况",
            body=["峪口村利用拆除残垣断壁后的空闲地，建成小菜园46个、小果园12个、小花园8个、小游园2个，总面积约18亩。",
                  "小菜园统一用竹篱笆围挡，由农户自种自管；小游园配置健身器材和休闲座椅，由村保洁员管护。",
                  "通过“四小园”建设，既美化了环境，又方便了群众生活。"],
            sign="龙泉乡人民政府", date_text="2024年9月20日"))

    def gl_row(rng, k, t, v):
        return [k, t, v, v + rng.choice(["至镇道路", "通组路", "产业路"]), round(rng.uniform(0.8, 6.5), 1), rng.choice(["新建", "养护", "提升改造"]),
                names(rng, 1)[0], rng.choice(["日常养护", "路面修补", "边沟清理"])]
    add("农村公路建设养护台账.xlsx", "xlsx", "ledger", "C03", ["C03.4"], "县交通运输局", "2024-12-31",
        "白水县2024年农村公路建设和养护台账", dict(
            title="白水县2024年农村公路建设和养护台账", meta=["填报单位：县交通运输局", "截至2024年12月31日"],
            h1=["序号", "镇（乡）", "村", "路线名称", "里程（公里）", "类型", "路长/养护员", "养护内容"],
            rows=vrows(r, 14, gl_row), total="合计", sum_cols=[4]))

    add("DSC_0231.jpg", "photo", "photo", "C03", ["C03.5"], None, "2024-04-08", "Beigou village before-after cleanup",
        dict(scene="road", exif=dict(dt="2024:04:08 16:02:44", desc="Beigou village before-after cleanup", make="Canon", model="EOS 200D")))

    add("2024年化肥农药减量增效工作总结.doc", "doc", "summary", "C04", ["C04.1"], "县农业农村局", "2024-12-18",
        "白水县2024年化肥农药减量增效工作总结", dict(
            title="白水县2024年化肥农药减量增效工作总结",
            body=["今年，我县围绕苹果、小麦、玉米等主要作物，深入推进化肥农药减量增效，农业面源污染防治取得积极成效。",
                  "一、主要成效。全县化肥使用量（折纯）2.31万吨，较上年减少2.6%；农药使用量286吨，较上年减少3.1%，实现连续负增长。",
                  "二、主要措施。推广测土配方施肥52万亩次、有机肥替代化肥8.5万亩；建设病虫害绿色防控示范区6个，统防统治覆盖率46%。",
                  "三、下步打算。继续实施果园有机肥替代，扩大统防统治服务面积。"],
            sign="白水县农业农村局", date_text="2024年12月18日"))

    def fw_row(rng, k, t, v):
        a = rng.randint(800, 9000)
        return [k, v + rng.choice(["生猪养殖场", "肉牛养殖场", "蛋鸡养殖场"]), t, rng.choice(["生猪", "肉牛", "蛋鸡"]), a, round(a * 1.8, 0), rng.choice(["堆肥还田", "沼气发酵", "有机肥加工"]), round(rng.uniform(90, 98), 1)]
    add("畜禽粪污资源化利用台账.xlsx", "xlsx", "ledger", "C04", ["C04.2", "C04.5"], "县农业农村局", "2024-12-31",
        "白水县规模养殖场畜禽粪污资源化利用台账", dict(
            title="白水县规模养殖场畜禽粪污资源化利用台账", meta=["填报单位：县畜牧兽医发展中心", "截至2024年12月31日"],
            h1=["序号", "养殖场名称", "镇（乡）", "畜种", "存栏量", "年产粪污（吨）", "利用方式", "综合利用率（%）"],
            rows=vrows(r, 10, fw_row)), unit_stated=True)

    add("关于做好秋季秸秆综合利用和禁烧工作的通知.docx", "docx", "notice", "C04", ["C04.3"], "白水县人民政府办公室", "2024-09-27",
        "关于做好2024年秋季秸秆综合利用和农膜回收工作的通知", dict(
            wenhao="白政办函〔2024〕61号",
            title="关于做好2024年秋季秸秆综合利用\n和农膜回收工作的通知",
            zhusong="各镇（乡）人民政府，县政府有关部门：",
            body=["秋收在即，为防止焚烧秸秆污染大气环境，提高秸秆综合利用率和废旧农膜回收率，现就有关工作通知如下：",
                  "一、推进秸秆“五化”利用。以肥料化、饲料化为主，玉米秸秆机械化粉碎还田面积不低于20万亩，综合利用率达到92%以上。",
                  "二、开展废旧农膜回收。各镇（乡）设立回收网点，引导使用加厚高强度地膜，回收率稳定在85%以上。",
                  "三、落实禁烧责任。实行县包镇、镇包村、村包组、组包户网格化管理。"],
            sign="白水县人民政府办公室", date_text="2024年9月27日"))

    fh = dict(title="河长巡河记录表", header=["巡河时间", "河段", "发现问题", "处理情况"],
              rows=[["10月8日", "白水河桑园段", "岸边有生活垃圾", "已清理"], ["10月15日", "白水河桑园段", "无", "—"],
                    ["10月22日", "西庄支沟", "排污口有异味", "报镇环保站"], ["10月29日", "白水河桑园段", "无", "—"]],
              foot=["村级河长：郭建军（桑园镇郭家河村）", "巡河人签字：郭建军", "2024年10月"])
    add("微信图片_20241103152207.jpg", "form_photo", "form_photo", "C04", ["C04.4"], None, None, "河长巡河记录表",
        dict(form=fh, exif=None))

    add("关于规模养殖场环保问题整改情况的通报.docx", "docx", "bulletin", "C04", ["C04.5"], "渭南市生态环境局白水分局", "2024-07-09",
        "关于畜禽规模养殖场环境问题排查整改情况的通报", dict(
            wenhao="白环发〔2024〕19号",
            title="关于畜禽规模养殖场环境问题排查整改\n情况的通报",
            zhusong="各镇（乡）人民政府，各规模养殖场：",
            body=["5月至6月，我分局联合县农业农村局对全县43家畜禽规模养殖场开展环境问题专项排查，发现问题17个。现将有关情况通报如下：",
                  "一、主要问题。部分养殖场环评手续不全，雨污分流设施不完善，粪污储存池防渗防溢不到位。",
                  "二、整改情况。截至7月5日，已整改到位14个，剩余3个限期8月底前完成整改。",
                  "三、有关要求。各镇（乡）要落实属地监管责任，对逾期未整改的养殖场依法查处。"],
            sign="渭南市生态环境局白水分局", date_text="2024年7月9日"))


# ====================================================================== D 乡风文明
def spec_D():
    r = random.Random(404)
    add("桑园镇/扫描0001.pdf", "scan", "scan", "D01", ["D01.1"], "桑园镇人民政府", "2024-06-28", "西庄村新时代文明实践站活动记录",
        dict(pages=[dict(title="西庄村新时代文明实践站活动记录",
             body=["活动名称：“我们的节日·端午”包粽子敬老活动",
                   "活动时间：2024年6月8日上午　活动地点：西庄村文化广场",
                   "参加人员：村“两委”干部、巾帼志愿者、留守老人等56人",
                   "活动内容：志愿者为村里70岁以上老人包粽子、送香包，开展健康义诊和防诈骗宣讲，发放宣传资料120份。",
                   "活动效果：增进邻里感情，弘扬敬老孝亲传统美德。",
                   "记录人：蔡秀英　　审核：郭志明"],
             sign="桑园镇西庄村新时代文明实践站", date_text="2024年6月28日")], seal="白水县桑园镇西庄村村民委员会"), unit_stated=False)

    def zy_row(rng, k, t, v):
        return [k, f"2024-{rng.randint(1,12):02d}-{rng.randint(1,28):02d}", t + v, rng.choice(["环境整治", "关爱留守儿童", "敬老助残", "政策宣讲", "义诊", "防溺水宣传"]),
                rng.randint(8, 60), rng.randint(2, 6) * 1.0, names(rng, 1)[0]]
    add("2024年志愿服务活动统计.xlsx", "xlsx", "ledger", "D01", ["D01.2"], "县委宣传部（县文明办）", "2024-12-15",
        "白水县2024年新时代文明实践志愿服务活动统计表", dict(
            title="白水县2024年新时代文明实践志愿服务活动统计表", meta=["填报单位：县新时代文明实践中心", "截至2024年12月15日"],
            h1=["序号", "活动日期", "实践所（站）", "服务项目", "参与志愿者（人）", "服务时长（小时）", "负责人"],
            rows=vrows(r, 18, zy_row), total="合计", sum_cols=[4, 5]), unit_stated=True)

    add("柳湾镇/王家庄村村规民约.docx", "docx", "charter", "D01", ["D01.3"], "王家庄村村民委员会", "2024-05-06",
        "王家庄村村规民约", dict(
            title="王家庄村村规民约",
            body=["为推进乡村治理，弘扬文明新风，经村民代表会议讨论通过，制定本村规民约。",
                  "一、爱党爱国，遵纪守法，不参与黄赌毒，不信谣传谣。",
                  "二、孝敬老人，和睦邻里，子女要尽赡养义务，不得虐待遗弃老人。",
                  "三、爱护环境，垃圾入桶，不乱堆乱放柴草粪土，门前三包落实到户。",
                  "四、红白喜事从简办理，彩礼不超过本村规定标准，不大操大办、不攀比。",
                  "五、保护耕地，不撂荒，不在承包地上乱建房屋。",
                  "六、遵守本约的农户在积分评比中予以加分，违反的由村委会批评教育并扣分。",
                  "本村规民约自村民代表会议通过之日起施行。"],
            sign="柳湾镇王家庄村村民委员会", date_text="2024年5月6日"), author="Administrator")

    add("东塬村红白理事会章程.docx", "docx", "charter", "D01", ["D01.4"], "东塬村红白理事会", "2024-03-20",
        "东塬村红白理事会章程", dict(
            title="东塬村红白理事会章程",
            body=["第一章　总则",
                  "第一条　为破除陈规陋习，倡导喜事新办、丧事简办，减轻群众负担，成立东塬村红白理事会。",
                  "第二条　理事会在村党支部领导下开展工作，由会长1名、副会长2名、理事5名组成，由村民代表会议推选产生。",
                  "第二章　职责",
                  "第三条　宣传移风易俗政策，提前介入村民红白事，帮助主家制定简办方案。",
                  "第四条　红事宴席不超过10桌、每桌标准不超过400元；白事不搞吹打攀比，提倡文明祭扫。",
                  "第五条　彩礼原则上不超过5万元，理事会负责劝导和登记。",
                  "第三章　附则",
                  "第六条　本章程经村民代表会议通过后施行，由理事会负责解释。"],
            sign="东塬镇东塬村红白理事会", date_text="2024年3月20日"))

    add("移风易俗倡议书.txt", "txt", "text", "D01", ["D01.5"], "县委宣传部（县文明办）", "2024-02-02",
        "移风易俗倡议书", dict(enc="gb18030", text="\n".join([
            "移风易俗　文明过节倡议书", "",
            "全县广大农民群众：",
            "春节将至，为树立文明新风，县文明办向大家发出如下倡议：",
            "一、喜事新办。提倡简约婚礼，不要天价彩礼，不搞铺张浪费。",
            "二、丧事简办。不大搞吹打，不燃放大量烟花爆竹，文明低碳祭扫。",
            "三、其他事宜不办。不办升学宴、乔迁宴、满月宴等，不借机敛财。",
            "四、邻里互助。关心留守老人和儿童，共建和谐乡村。",
            "让我们从自己做起，从现在做起，过一个文明、祥和、节俭的春节！", "",
            "白水县精神文明建设委员会办公室",
            "2024年2月2日"])))

    add("扫描件(2).pdf", "scan", "scan", "D02", ["D02.1"], "白沙乡人民政府", None, "槐树村综合文化服务中心开放登记",
        dict(pages=[dict(title="槐树村综合文化服务中心开放登记",
             body=["开放时间：每周二至周日　上午9:00—12:00　下午14:30—17:30",
                   "11月5日　开放　图书阅览、乒乓球活动，来访群众23人　管理员：邓玉兰",
                   "11月6日　开放　秦腔自乐班排练，来访群众31人",
                   "11月8日　开放　电影《我和我的家乡》放映，观众86人",
                   "11月12日　开放　老年人智能手机使用培训，参加19人",
                   "11月15日　开放　儿童绘本阅读，来访12人",
                   "（本页共记录5次，下页续）"],
             sign="白沙乡槐树村村民委员会")], seal="白水县白沙乡槐树村村民委员会"), unit_stated=False, date_stated=False)

    fb = dict(title="农家书屋图书借阅登记簿", header=["借阅日期", "借阅人", "书名", "归还日期"],
              rows=[["8月3日", "梁秀芳", "苹果树高效栽培技术", "8月17日"], ["8月5日", "梁小龙", "西游记", "8月20日"],
                    ["8月9日", "任桂兰", "农村常见病防治", "8月30日"], ["8月12日", "梁志", "家庭农场经营", ""],
                    ["8月16日", "朱红", "平凡的世界", "9月2日"], ["8月21日", "梁海波", "花椒种植与病虫害防治", ""]],
              foot=["坡头村农家书屋（东塬镇）　管理员：梁玉", "", "2024年8月"])
    add("东塬镇/IMG_20240903_111942.jpg", "form_photo", "form_photo", "D02", ["D02.2"], "东塬镇人民政府", "2024-09-03",
        "农家书屋图书借阅登记簿", dict(form=fb, exif=dict(dt="2024:09:03 11:19:42", make="Xiaomi", model="23013RK75C")),
        unit_stated=False)

    def sx_row(rng, k, t):
        return [k, t, rng.randint(4, 12), rng.randint(3, 8), rng.randint(30, 52), rng.randint(30, 52), rng.randint(3000, 9000)]
    add("送戏下乡和电影放映场次统计.xlsx", "xlsx", "ledger", "D02", ["D02.3"], "县文化和旅游局", "2024-12-10",
        "白水县2024年送戏下乡和农村公益电影放映场次统计", dict(
            title="白水县2024年送戏下乡和农村公益电影放映场次统计", meta=["填报单位：县文化和旅游局", "填报日期：2024年12月10日"],
            h1=["序号", "镇（乡）", "送戏下乡", "", "公益电影放映", "", "受众人次"],
            h2=["", "", "演出场次", "文艺小分队场次", "计划场次", "完成场次", ""],
            rows=[sx_row(r, k + 1, t) for k, t in enumerate(TOWNS)], total="合计", sum_cols=[2, 3, 4, 5, 6]))

    add("IMG_20240519_201533.jpg", "photo", "photo", "D02", ["D02.3"], "县文化馆", "2024-05-19", "送戏下乡·桑园村",
        dict(scene="meeting", exif=dict(dt="2024:05:19 20:15:33", artist="白水县文化馆", xptitle="送戏下乡·桑园村")))

    add("关于传统村落保护利用情况的报告.docx", "docx", "report", "D02", ["D02.4"], "县文化和旅游局", "2024-10-16",
        "关于我县传统村落和非物质文化遗产保护利用情况的报告", dict(
            wenhao="白文旅发〔2024〕27号",
            title="关于我县传统村落和非物质文化遗产\n保护利用情况的报告",
            zhusong="县人民政府：",
            body=["我县现有中国传统村落3个（石门镇冯家村、龙泉乡峪口村、桑园镇郭家河村），省级非物质文化遗产项目5项，县级31项。",
                  "一、保护措施。编制传统村落保护发展规划，对冯家村明清古民居21院实施抢救性修缮；设立非遗传承工作室6个。",
                  "二、活化利用。峪口村依托古窑洞群发展民宿，郭家河村举办“蔡伦造纸”非遗展演，今年吸引游客5.8万人次。",
                  "三、存在困难。修缮资金缺口大，部分传承人年龄偏大，后继乏人。"],
            sign="白水县文化和旅游局", date_text="2024年10月16日"))


# ====================================================================== E 治理有效
def spec_E():
    r = random.Random(505)
    rows = [["序号", "姓名", "性别", "出生年月", "学历", "职务"]]
    for k, (nm, job) in enumerate([("冯海军", "党支部书记、村委会主任"), ("冯秀梅", "党支部副书记"), ("张磊", "村委会委员"),
                                   ("冯建华", "党支部委员"), ("李娜", "村务监督委员会主任"), ("冯小平", "村委会委员、报账员")]):
        rows.append([k + 1, nm, "女" if nm[-1] in "梅娜" else "男", f"19{r.randint(68,95)}.{r.randint(1,12):02d}", r.choice(["大专", "高中", "本科", "中专"]), job])
    add("石门镇/冯家村两委班子成员名单.docx", "docx", "list", "E01", ["E01.1"], "石门镇人民政府", None,
        "冯家村“两委”班子成员名单", dict(title="冯家村“两委”班子成员名单", body=[("table", rows)]),
        unit_stated=False, author="石门镇组织办")

    def rr_row(rng, k, t, v):
        return [k, t, v, rng.choice(["班子不团结", "集体经济薄弱", "带头人能力不强", "矛盾纠纷多"]), names(rng, 1)[0] + "（县级领导）",
                rng.choice(["调整支部书记", "选派第一书记", "开展集中培训", "化解历史遗留问题"]), rng.choice(["已转化", "已转化", "巩固提升中"])]
    add("软弱涣散村党组织整顿台账.xlsx", "xlsx", "ledger", "E01", ["E01.2"], "县委组织部", "2024-11-30",
        "白水县2024年软弱涣散村党组织整顿转化台账", dict(
            title="白水县2024年软弱涣散村党组织整顿转化台账", meta=["填报单位：县委组织部组织一科", "截至2024年11月30日"],
            h1=["序号", "镇（乡）", "村", "软弱涣散类型", "包联领导", "整顿措施", "转化情况"],
            rows=vrows(r, 7, rr_row)))

    add("柳湾镇/河西村四议两公开会议记录.docx", "docx", "record", "E01", ["E01.3"], "河西村党支部", "2024-07-11",
        "河西村“四议两公开”会议记录", dict(
            title="河西村“四议两公开”会议记录",
            body=["议题：河西村产业路硬化项目（1.8公里）",
                  "一、党支部提议（2024年6月20日）：支部书记刘建军提出硬化三组至果园产业路。",
                  "二、“两委”会商议（6月22日）：“两委”成员7人全部到会，同意提交党员大会审议。",
                  "三、党员大会审议（6月26日）：应到党员32人，实到28人，同意27人。",
                  "四、村民代表会议决议（7月3日）：应到代表41人，实到37人，同意36人，形成决议。",
                  "五、决议公开：7月4日在村务公开栏公示，公示期7天，群众无异议。",
                  "六、实施结果公开：项目完工后公开资金使用和验收情况。",
                  "记录人：刘小红"],
            sign="中共白水县柳湾镇河西村支部委员会", date_text="2024年7月11日"))

    add("关于拨付村级组织运转经费的请示.docx", "docx", "request", "E01", ["E01.4"], "龙泉乡人民政府", "2024-06-14",
        "龙泉乡人民政府关于拨付2024年村级组织运转经费的请示", dict(
            wenhao="龙政发〔2024〕22号", qianfa="丁志刚",
            title="龙泉乡人民政府\n关于拨付2024年村级组织运转经费的请示",
            zhusong="县财政局：",
            body=["我乡辖3个行政村，按照全县村级组织运转经费保障标准，每村每年办公经费5万元，村“两委”主干报酬每人每年4.2万元。上半年县级资金尚未拨付，部分村已垫支办公开支。",
                  "为保障村级组织正常运转，恳请拨付我乡2024年上半年村级组织运转经费及村干部报酬共计38.6万元。",
                  "妥否，请批示。"],
            sign="龙泉乡人民政府", date_text="2024年6月14日", yinfa="（联系人：丁志刚　电话：0913-6213xxx）"))
    add("县财政局/关于龙泉乡拨付村级组织运转经费的批复.docx", "docx", "reply", "E01", ["E01.4"], "县财政局", "2024-06-25",
        "白水县财政局关于拨付龙泉乡村级组织运转经费的批复", dict(
            wenhao="白财字〔2024〕105号",
            title="白水县财政局\n关于拨付龙泉乡村级组织运转经费的批复",
            zhusong="龙泉乡人民政府：",
            body=["你乡《关于拨付2024年村级组织运转经费的请示》（龙政发〔2024〕22号）收悉。经研究，批复如下：",
                  "一、同意拨付你乡2024年上半年村级组织运转经费及村干部报酬38.6万元，资金从县级财政预算中列支。",
                  "二、请严格按规定用途使用，不得挤占挪用，年底前报送资金使用情况。",
                  "此复。"],
            sign="白水县财政局", date_text="2024年6月25日"))

    def md_row(rng, k, t, v):
        return [k, f"2024-{rng.randint(1,11):02d}-{rng.randint(1,28):02d}", t, v, rng.choice(["土地边界", "邻里纠纷", "婚姻家庭", "赡养", "劳务费", "宅基地"]),
                names(rng, 1)[0] + "、" + names(rng, 1)[0], rng.choice(["村调委会调解", "镇综治中心调处", "司法所调解"]), rng.choice(["调解成功", "调解成功", "调解成功", "引导诉讼"])]
    add("矛盾纠纷排查调处台账.xlsx", "xlsx", "ledger", "E02", ["E02.1"], "县委政法委", "2024-12-31",
        "白水县2024年矛盾纠纷排查调处台账", dict(
            title="白水县2024年矛盾纠纷排查调处台账", meta=["填报单位：县委政法委（县综治中心）", "截至2024年12月31日"],
            h1=["序号", "受理日期", "镇（乡）", "村", "纠纷类型", "当事人", "调处方式", "结果"],
            rows=vrows(r, 16, md_row)))

    add("未命名(1).pdf", "scan", "scan", "E02", ["E02.2"], "北沟村人民调解委员会", "2024-08-19", "人民调解协议书",
        dict(pages=[dict(title="人民调解协议书",
             body=["编号：龙泉调〔2024〕第017号",
                   "当事人：丁建国，男，龙泉乡北沟村一组村民；丁小军，男，龙泉乡北沟村一组村民。",
                   "纠纷简要情况：双方因承包地地界及地头一棵核桃树归属发生争执，多次口角。",
                   "经调解，自愿达成如下协议：一、以村里2016年确权测绘图为准重新埋设界桩；二、核桃树归丁建国所有，丁建国补偿丁小军300元；三、双方今后互谅互让。",
                   "履行方式、时限：协议签订当日履行完毕。",
                   "当事人签名：丁建国　丁小军　　调解员：魏志强"],
             sign="龙泉乡北沟村人民调解委员会", date_text="2024年8月19日")], seal="白水县龙泉乡北沟村人民调解委员会"))

    add("乡村治理积分制实施方案.docx", "docx", "plan", "E02", ["E02.3"], "桑园镇人民政府", "2024-04-10",
        "桑园镇推行乡村治理“积分超市”实施方案", dict(
            wenhao="桑政发〔2024〕17号",
            title="桑园镇推行乡村治理“积分超市”实施方案",
            zhusong="各村党支部、村委会，镇属各单位：",
            body=["为激发群众参与乡村治理内生动力，在全镇推行积分制管理。",
                  "一、积分内容。设置环境卫生、孝老爱亲、移风易俗、志愿服务、遵纪守法5类20项积分指标，实行“一户一册”。",
                  "二、积分评定。村级评议小组每月评定一次，结果公示3天。",
                  "三、积分兑换。每个村设立积分超市，群众凭积分兑换生活用品，1分等于1元。",
                  "四、结果运用。积分排名靠前的农户优先评选“文明家庭”“最美庭院”。"],
            sign="桑园镇人民政府", date_text="2024年4月10日"))

    def wg(rng, k, t, v):
        return [k, t, v, f"{v}第{rng.randint(1,4)}网格", names(rng, 1)[0], rng.choice(["专职", "兼职"]), "1" + str(rng.randint(3000000000, 9999999999)), rng.randint(90, 320)]
    add("网格员名单.xlsx", "xlsx", "list", "E02", ["E02.4"], "县委政法委", "2024-09-30",
        "白水县农村网格员花名册", dict(
            title="白水县农村网格员花名册", meta=["填报单位：县委政法委", "截至2024年9月30日"],
            h1=["序号", "镇（乡）", "村", "网格名称", "网格员", "类别", "联系电话", "服务户数"],
            rows=vrows(r, 18, wg)))

    add("土地经营权流转合同.docx", "docx", "contract", "E03", ["E03.1"], "东塬村股份经济合作社", "2024-02-28",
        "农村土地经营权流转合同", dict(
            title="农村土地经营权流转合同", subtitle="合同编号：DY-2024-013",
            body=["甲方（流出方）：白水县东塬镇东塬村股份经济合作社（受托代表承包农户）",
                  "乙方（流入方）：白水县塬上红果业有限公司",
                  "依据《农村土地承包法》和《农村土地经营权流转管理办法》，双方就土地经营权流转事宜签订本合同。",
                  "一、流转土地：东塬村三组、四组承包地共计326.5亩，四至见附图。",
                  "二、流转期限：2024年3月1日至2034年2月28日，共10年。",
                  "三、流转用途：发展矮化密植苹果种植，不得改变土地农业用途。",
                  "四、流转价款：每亩每年650元，每三年递增5%，每年2月底前一次性支付。",
                  "五、本合同一式四份，甲乙双方各一份，镇农村经营管理站备案一份、村委会存档一份。",
                  "甲方（盖章）：东塬村股份经济合作社　　乙方（盖章）：白水县塬上红果业有限公司",
                  "鉴证单位：东塬镇农村经营管理站"],
            date_text="2024年2月28日"))

    add("县农业农村局/宅基地制度改革试点工作进展情况.docx", "docx", "report", "E03", ["E03.2"], "县农业农村局", "2024-10-12",
        "白水县农村宅基地制度改革试点工作进展情况", dict(
            title="白水县农村宅基地制度改革试点工作进展情况",
            body=["我县在柳湾镇、桑园镇开展宅基地制度改革试点，今年以来主要推进了以下工作：",
                  "一、摸清底数。完成2个镇27个村宅基地和农房利用现状调查，摸排闲置宅基地1136宗、闲置农房842套。",
                  "二、规范审批。建立“村级初审、镇级审批、部门联审”的宅基地审批机制，全年审批农户建房126宗。",
                  "三、盘活利用。通过村集体统一收储、农户出租入股等方式，盘活闲置农房146套，发展民宿、农家乐和小作坊。",
                  "四、有偿退出。柳湾村试点自愿有偿退出宅基地23宗，腾退土地复垦11.6亩。"],
            sign="白水县农业农村局", date_text="2024年10月12日"))

    add("白水县苹果产业“托管服务”改革经验材料.docx", "docx", "summary", "E03", ["E03.4", "X01.2"], "县委农村工作领导小组办公室", "2024-09-05",
        "小托管撬动大产业——白水县探索果园全程托管服务的做法", dict(
            title="小托管撬动大产业\n——白水县探索果园全程托管服务的做法",
            body=["针对果园“谁来种、怎么种”问题，白水县以农村集体经济组织为纽带，探索“村集体+服务主体+农户”的果园全程托管模式。",
                  "一、主要做法。（一）村集体统一组织，农户自愿委托；（二）服务主体提供修剪、施肥、打药、套袋、采摘全链条服务；（三）统一收费标准，签订托管协议。",
                  "二、取得成效。全县托管果园6.2万亩，亩均节本增效800元以上，村集体通过收取服务费增收310万元。",
                  "三、经验启示。托管服务破解了农村劳动力短缺难题，实现了小农户与现代农业有机衔接。"],
            sign="中共白水县委农村工作领导小组办公室", date_text="2024年9月5日"))

    def gs_row(rng, k, t, v):
        return [k, names(rng, 1)[0], rng.choice(["男", "女"]), rng.randint(25, 56), t + v, rng.choice(["苹果生产经营", "农业经理人", "电商带头人", "乡村工匠"]),
                rng.choice(["初中", "高中", "大专"]), "已结业"]
    add("2024年高素质农民培育花名册.xlsx", "xlsx", "ledger", "E04", ["E04.1"], "县农业技术推广中心", "2024-07-25",
        "白水县2024年高素质农民培育学员花名册", dict(
            title="白水县2024年高素质农民培育学员花名册", meta=["培训单位：县农业技术推广中心", "填报日期：2024年7月25日"],
            h1=["序号", "姓名", "性别", "年龄", "镇村", "培育类型", "文化程度", "状态"],
            rows=vrows(r, 20, gs_row)))

    def fx_row(rng, k, t):
        a = rng.randint(20, 90)
        return [k, t, a, int(a * 0.6), a - int(a * 0.6), rng.randint(60, 400), round(rng.uniform(120, 900), 1)]
    add("返乡入乡创业情况统计.xlsx", "xlsx", "ledger", "E04", ["E04.2"], "县人力资源和社会保障局", "2024-12-20",
        "白水县2024年返乡入乡创业情况统计表", dict(
            title="白水县2024年返乡入乡创业情况统计表", meta=["填报单位：县人社局就业服务中心", "截至2024年12月20日"],
            h1=["序号", "镇（乡）", "创业人数", "其中", "", "带动就业（人）", "创业担保贷款（万元）"],
            h2=["", "", "", "返乡", "入乡", "", ""],
            rows=[fx_row(r, k + 1, t) for k, t in enumerate(TOWNS)], total="合计", sum_cols=[2, 3, 4, 5, 6]))

    add("关于加强乡村人才振兴的若干措施.docx", "docx", "notice", "E04", ["E04.3"], "中共白水县委办公室", "2024-05-30",
        "关于加强乡村人才振兴的若干措施", dict(
            header="中共白水县委办公室\n白水县人民政府办公室", wenhao="白办字〔2024〕31号",
            title="中共白水县委办公室　白水县人民政府办公室\n印发《关于加强乡村人才振兴的若干措施》的通知",
            zhusong="各镇（乡）党委、人民政府，县委各部门，县级国家机关各部门：",
            body=["《关于加强乡村人才振兴的若干措施》已经县委、县政府同意，现印发给你们，请结合实际认真贯彻落实。",
                  "一、对到村工作的高校毕业生给予每人每月500元生活补贴，服务满3年的优先招录为镇（乡）事业编制人员。",
                  "二、对返乡创办经营主体、带动就业10人以上的，给予一次性创业奖补2万元。",
                  "三、乡村教师、乡村医生在职称评聘上单列指标、优先考虑。",
                  "四、每年评选“白水乡村工匠”20名，每人奖励5000元。"],
            sign="中共白水县委办公室\n白水县人民政府办公室", date_text="2024年5月30日"))

    def nj_row(rng, k, t, v):
        return [k, names(rng, 1)[0], rng.choice(["农艺师", "高级农艺师", "助理农艺师", "兽医师"]), t + "农业综合服务站", v + "、" + rng.choice(ALLVIL)[1],
                rng.randint(12, 60), rng.choice(["果树修剪", "病虫害防治", "测土配方", "动物防疫"])]
    add("农技推广人员服务情况.xlsx", "xlsx", "list", "E04", ["E04.4"], "县农业技术推广中心", "2024-12-15",
        "白水县基层农技推广人员名单及服务情况", dict(
            title="白水县基层农技推广人员名单及服务情况", meta=["填报单位：县农业技术推广中心", "截至2024年12月15日"],
            h1=["序号", "姓名", "职称", "工作单位", "包抓村", "年度服务次数", "主要服务内容"],
            rows=vrows(r, 12, nj_row)))


# ====================================================================== F, 后评估-only, adjustments, distractors
def spec_F():
    r = random.Random(606)
    add("2024年前三季度农村居民收入情况分析.pdf", "pdf", "report", "F01", ["F01.1"], "国家统计局白水调查队", "2024-10-28",
        "2024年前三季度白水县城乡居民收入情况分析", dict(
            title="2024年前三季度白水县城乡居民收入情况分析",
            body=["据城乡住户一体化调查，2024年前三季度，全县农村居民人均可支配收入11860元，同比增长7.6%，高于城镇居民增速2.5个百分点。",
                  "一、工资性收入稳定增长。人均工资性收入5120元，增长8.9%，主要得益于务工规模稳定和公益岗位带动。",
                  "二、经营净收入较快增长。人均经营净收入4930元，增长6.8%，苹果价格企稳回升是主要因素。",
                  "三、财产净收入和转移净收入。人均财产净收入236元，增长10.2%；转移净收入1574元，增长4.1%。",
                  "四、需关注的问题。四季度苹果集中上市，价格波动可能影响全年增速。"],
            sign="国家统计局白水调查队", date_text="2024年10月28日"))

    def sr_row(rng, k, t, v):
        a = rng.randint(120, 600)
        y23 = rng.randint(13000, 16000)
        y24 = int(y23 * rng.uniform(1.08, 1.14))
        return [k, t, v, a, y23, y24, round((y24 / y23 - 1) * 100, 1), rng.randint(0, 4)]
    add("县乡村振兴局/脱贫人口收入监测数据（2024年）.xlsx", "xlsx", "ledger", "F01", ["F01.2", "S02.1"], "县乡村振兴局", "2024-12-31",
        "白水县2024年脱贫人口人均纯收入监测表", dict(
            title="白水县2024年脱贫人口人均纯收入监测表", meta=["填报单位：县乡村振兴局", "截至2024年12月31日"],
            h1=["序号", "镇（乡）", "村", "脱贫户数", "人均纯收入（元）", "", "增幅（%）", "低于1万元户数"],
            h2=["", "", "", "", "2023年", "2024年", "", ""],
            rows=vrows(r, 16, sr_row)))

    add("白水县2024年促进农民增收若干措施.docx", "docx", "plan", "F01", ["F01.3"], "白水县人民政府", "2024-03-15",
        "白水县2024年促进农民持续增收工作方案", dict(
            header="白水县人民政府文件", wenhao="白政发〔2024〕7号",
            title="白水县人民政府\n关于印发白水县2024年促进农民持续增收工作方案的通知",
            zhusong="各镇（乡）人民政府，县政府各工作部门：",
            body=["现将《白水县2024年促进农民持续增收工作方案》印发给你们，请认真组织实施。",
                  "一、目标。全年农村居民人均可支配收入增长7.5%以上，脱贫人口人均纯收入增长10%以上。",
                  "二、拓宽工资性收入。稳定外出务工规模，开发乡村公益岗位2800个，以工代赈项目劳务报酬占比不低于30%。",
                  "三、提高经营性收入。实施苹果提质增效工程，发展设施农业和庭院经济。",
                  "四、增加财产性收入。深化集体产权制度改革，推动资源变资产、资金变股金、农民变股东。"],
            sign="白水县人民政府", date_text="2024年3月15日", cc="县委办公室，县人大常委会办公室，县政协办公室"))

    def ws_row(rng, k, t, v):
        return [k, t, v, f"{v}卫生室", rng.choice(["达标", "达标", "提升中"]), names(rng, 1)[0], rng.choice(["执业助理医师", "乡村医生", "执业医师"]), rng.randint(28, 62)]
    add("村卫生室和乡村医生名单.xlsx", "xlsx", "list", "F02", ["F02.1"], "县卫生健康局", "2024-08-31",
        "白水县村卫生室标准化建设及乡村医生配备名单", dict(
            title="白水县村卫生室标准化建设及乡村医生配备名单", meta=["填报单位：县卫健局基层卫生股", "截至2024年8月31日"],
            h1=["序号", "镇（乡）", "村", "卫生室名称", "标准化建设", "乡村医生", "执业类别", "年龄"],
            rows=vrows(r, 16, ws_row)))

    add("县民政局/农村养老服务设施清单.docx", "docx", "list", "F02", ["F02.2"], "县民政局", "2024-09-12",
        "白水县农村养老服务设施清单", dict(
            title="白水县农村养老服务设施清单",
            body=[("table", [["序号", "名称", "类型", "床位/面积", "运营方式"],
                             [1, "柳湾镇中心敬老院", "特困供养机构", "80张", "公办"],
                             [2, "石门镇区域养老服务中心", "区域性中心", "60张", "公建民营"],
                             [3, "东塬村互助幸福院", "互助养老", "300㎡", "村集体"],
                             [4, "桑园村日间照料中心", "日间照料", "260㎡", "村集体"],
                             [5, "白沙乡白沙村老年餐桌", "助餐点", "120㎡", "志愿服务"],
                             [6, "龙泉乡龙泉村互助幸福院", "互助养老", "240㎡", "村集体"]]),
                  "说明：全县农村养老服务设施共6处覆盖6个镇（乡），统计截至2024年9月。"],
            sign="白水县民政局", date_text="2024年9月12日"))

    def db_row(rng, k, t, v):
        typ = rng.choice(["农村低保", "农村低保", "特困供养"])
        return [k, t, v, names(rng, 1)[0], typ, rng.randint(1, 5), rng.choice([420, 560, 610, 780]) if typ == "农村低保" else 1020, 12, "一卡通"]
    rws = vrows(r, 18, db_row)
    for row in rws:
        row.append(row[6] * 12)
    add("县民政局/2024年农村低保特困供养资金发放台账.xlsx", "xlsx", "ledger", "F02", ["F02.3", "P06.1"], "县民政局", "2024-12-31",
        "白水县2024年农村低保和特困人员供养金发放台账", dict(
            title="白水县2024年农村低保和特困人员供养金发放台账", meta=["填报单位：县民政局社会救助股", "截至2024年12月31日"],
            h1=["序号", "镇（乡）", "村", "户主", "保障类别", "保障人数", "月保障金（元）", "发放月数", "发放方式", "全年发放（元）"],
            rows=rws, total="合计", sum_cols=[5, 9]))

    add("残疾人两项补贴发放情况.txt", "txt", "text", "F02", ["P06.2"], "县残疾人联合会", "2024-12-09",
        "2024年残疾人两项补贴发放情况", dict(enc="gb18030", text="\n".join([
            "2024年残疾人两项补贴发放情况", "",
            "县民政局、县乡村振兴局：",
            "2024年1-11月，全县发放困难残疾人生活补贴4216人、重度残疾人护理补贴5038人，累计发放资金1076.4万元，其中脱贫人口和监测对象中的残疾人2983人全部应享尽享。",
            "补贴标准：困难残疾人生活补贴每人每月90元，重度残疾人护理补贴一级每人每月110元、二级每人每月90元。",
            "下一步将与民政、乡村振兴部门每月比对数据，确保新增残疾人及时纳入。", "",
            "白水县残疾人联合会", "2024年12月9日"])))

    add("关于2024年土地出让收入用于农业农村情况的报告.docx", "docx", "report", "F03", ["F03.1"], "县财政局", "2024-12-20",
        "关于2024年土地出让收入用于农业农村情况的报告", dict(
            wenhao="白财农〔2024〕46号",
            title="关于2024年土地出让收入用于农业农村情况的报告", zhusong="县委农村工作领导小组：",
            body=["2024年全县土地出让收入9.86亿元，按照土地出让收益口径计算，用于农业农村支出1.23亿元，占土地出让收益比例10.3%，达到不低于10%的要求。",
                  "支出主要用于高标准农田建设0.46亿元、农村人居环境整治0.28亿元、农村基础设施建设0.31亿元、其他支出0.18亿元。",
                  "下一步，我局将按季度调度支出进度，确保资金优先保障农业农村发展。"],
            sign="白水县财政局", date_text="2024年12月20日"))

    add("白水县2024年涉农资金统筹整合实施方案.docx", "docx", "plan", "F03", ["F03.2"], "白水县人民政府", "2024-04-18",
        "白水县2024年统筹整合财政涉农资金实施方案", dict(
            wenhao="白政发〔2024〕11号",
            title="白水县2024年统筹整合财政涉农资金\n实施方案",
            body=["为提高财政涉农资金使用效益，集中力量支持巩固拓展脱贫攻坚成果和乡村振兴，制定本方案。",
                  "一、整合范围。中央、省、市下达我县的衔接资金、农田建设补助、农村综合改革转移支付等17项涉农资金，预计整合3.42亿元。",
                  "二、使用方向。重点用于产业发展、农村基础设施和公共服务，整合资金必须纳入项目库管理。",
                  "三、管理要求。县财政局牵头建立整合资金台账，实行“县级统筹、部门实施、全程监管”。"],
            sign="白水县人民政府", date_text="2024年4月18日"))

    add("2024年三农干部选拔任用情况.docx", "docx", "report", "F03", ["F03.3"], "县委组织部", "2025-01-06",
        "2024年全县“三农”干部选拔任用情况", dict(
            title="2024年全县“三农”干部选拔任用情况",
            body=["2024年，县委坚持在干部配备上优先考虑“三农”，全年提拔重用有农村工作经历的干部46名，占提拔总数的51.1%。",
                  "一、从驻村第一书记中提拔使用12名，从乡镇干部中选拔县直部门领导干部9名。",
                  "二、镇（乡）党政正职中具有三年以上农村工作经历的占100%。",
                  "三、选派32名年轻干部到乡村振兴一线挂职锻炼。"],
            sign="中共白水县委组织部", date_text="2025年1月6日"))

    add("关于保障乡村产业发展用地的通知.docx", "docx", "notice", "F03", ["F03.4"], "县自然资源局", "2024-06-03",
        "关于保障乡村产业发展用地的通知", dict(
            wenhao="白自然资发〔2024〕15号", title="关于保障乡村产业发展用地的通知",
            zhusong="各镇（乡）人民政府，县级有关部门：",
            body=["为支持乡村产业发展，现就用地保障有关事项通知如下：",
                  "一、年度新增建设用地计划指标安排不少于5%用于乡村重点产业和项目。",
                  "二、设施农业用地实行备案制，冷库、分拣等农产品初加工用地优先保障。",
                  "三、鼓励盘活闲置宅基地和集体经营性建设用地发展乡村产业。"],
            sign="白水县自然资源局", date_text="2024年6月3日"))


def spec_other():
    r = random.Random(707)
    add("县委常委会会议纪要（第15次）.docx", "docx", "minutes", None, ["R01.1"], "中共白水县委办公室", "2024-05-17",
        "中共白水县委常委会会议纪要", dict(
            wenhao="〔2024〕15号", title="中共白水县委常委会会议纪要",
            body=["2024年5月16日，县委书记任建华主持召开县委常委会会议，研究巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作。纪要如下：",
                  "一、会议听取了县乡村振兴局关于一季度防返贫监测帮扶工作的汇报，认为全县巩固成果总体平稳。",
                  "二、会议强调，要压实五级书记抓巩固衔接责任，县级领导每月至少到包联镇（乡）调研一次。",
                  "三、会议议定：（一）同意追加衔接资金1200万元用于产业发展；（二）6月开展巩固成果“回头看”专项排查。",
                  "出席：任建华、马志强、……　列席：县委办、县政府办、县乡村振兴局主要负责同志"],
            sign="中共白水县委办公室", date_text="2024年5月17日"))

    add("关于巩固脱贫成果专项督查情况的通报.docx", "docx", "bulletin", None, ["R04.1"], "县委督查室", "2024-08-08",
        "关于巩固脱贫攻坚成果专项督查暗访情况的通报", dict(
            header="中共白水县委督查室", wenhao="白督通〔2024〕9号",
            title="关于巩固脱贫攻坚成果专项督查暗访情况的通报",
            zhusong="各镇（乡）党委、政府，县级有关部门：",
            body=["7月22日至8月2日，县委督查室会同县乡村振兴局组成3个暗访组，采取“四不两直”方式，对6个镇（乡）18个村开展暗访。现将情况通报如下：",
                  "一、总体情况。东塬镇、柳湾镇工作扎实，监测户帮扶措施精准。",
                  "二、发现问题。（一）石门镇个别村监测户信息更新不及时；（二）白沙乡部分帮扶责任人对政策不熟悉；（三）龙泉乡1处供水点水压不足。",
                  "三、整改要求。相关镇（乡）于8月20日前报送整改情况，县委督查室将适时组织“回头看”。"],
            sign="中共白水县委督查室", date_text="2024年8月8日"))

    add("县乡村振兴局/问题整改清单.docx", "docx", "list", None, ["W02.1", "W02.3", "R04.2"], "县乡村振兴领导小组办公室", "2024-11-25",
        "省级后评估反馈问题整改清单", dict(
            title="省级后评估反馈问题整改清单",
            body=[("table", [["序号", "反馈问题", "整改措施", "责任单位", "整改时限", "销号情况"],
                             [1, "部分监测户风险消除程序不规范", "重新入户核实，补齐评议公示资料", "各镇（乡）", "2024年10月底", "已销号"],
                             [2, "个别村饮水工程管护不到位", "落实管护员，更换老化管网", "县水务局", "2024年11月底", "已销号"],
                             [3, "帮扶项目资产台账不完整", "开展资产清查，补登记", "县农业农村局", "2024年12月底", "整改中"],
                             [4, "部分群众政策知晓率不高", "开展政策宣讲进村入户", "县乡村振兴局", "2024年12月底", "已销号"]]),
                  "注：本清单根据2023年度省级后评估反馈意见制定，实行月调度、动态销号。"],
            sign="白水县乡村振兴领导小组办公室", date_text="2024年11月25日"))

    add("扫描件018.pdf", "scan", "scan", None, ["W04.1"], "县乡村振兴局", "2024-06-20", "全县帮扶干部业务培训会签到表",
        dict(pages=[dict(title="全县帮扶干部业务培训会签到表",
             body=["时间：2024年6月20日上午9:00　地点：县委党校报告厅",
                   ("table", [["序号", "姓名", "单位", "签到"], [1, "冯海涛", "石门镇", "冯海涛"], [2, "罗海燕", "柳湾镇", "罗海燕"],
                              [3, "邓伟", "白沙乡", "邓伟"], [4, "彭建华", "东塬镇", "彭建华"], [5, "郭志明", "桑园镇", "郭志明"],
                              [6, "丁志刚", "龙泉乡", "丁志刚"], [7, "周志明", "县农业农村局", "周志明"]]),
                   "培训内容：防返贫监测政策解读、监测信息系统操作"],
             sign="白水县乡村振兴局")], seal="白水县乡村振兴局"))

    add("作风问题专项整治情况.doc", "doc", "report", None, ["W05.1"], "县乡村振兴局", "2024-10-30",
        "关于乡村振兴领域形式主义官僚主义问题专项整治情况的报告", dict(
            title="关于乡村振兴领域形式主义官僚主义问题\n专项整治情况的报告",
            zhusong="县纪委监委：",
            body=["按照专项整治安排，我局聚焦基层减负，开展了以下工作：",
                  "一、精简台账资料。将村级各类报表由37种压减为12种，取消重复填报表格。",
                  "二、规范督查检查。全年县级层面涉及村级的督查检查合并为3次。",
                  "三、查纠问题。发现并整改“层层加码”问题4个、“材料过度留痕”问题6个。"],
            sign="白水县乡村振兴局", date_text="2024年10月30日"))

    def my_row(rng, k, t):
        a = rng.randint(60, 160)
        return [k, t, a, int(a * rng.uniform(0.85, 0.93)), int(a * 0.05), round(rng.uniform(95, 99.5), 1)]
    add("群众认可度调查汇总.xlsx", "xlsx", "ledger", None, ["S04.1"], "县乡村振兴局", "2024-11-29",
        "白水县2024年巩固脱贫成果群众认可度调查汇总表", dict(
            title="白水县2024年巩固脱贫成果群众认可度调查汇总表", meta=["调查单位：县乡村振兴局", "填报日期：2024年11月29日"],
            h1=["序号", "镇（乡）", "调查户数", "认可", "不认可", "认可度（%）"],
            rows=[my_row(r, k + 1, t) for k, t in enumerate(TOWNS)], total="合计", sum_cols=[2, 3, 4]))

    add("关于转发白水县果园托管服务经验做法的通知.pdf", "pdf", "notice", "X01", ["X01.1"], "省农业农村厅办公室", "2024-11-05",
        "关于推广白水县果园全程托管服务经验做法的通知", dict(
            wenhao="陕农办发〔2024〕88号",
            title="陕西省农业农村厅办公室\n关于推广白水县果园全程托管服务经验做法的通知",
            zhusong="各市（区）农业农村局：",
            body=["近年来，白水县以农村集体经济组织为纽带，探索果园全程托管服务模式，有效解决了“谁来种果”难题，取得了良好成效。现将其经验做法印发你们，请结合实际学习借鉴。",
                  "附：白水县果园全程托管服务经验做法"],
            sign="陕西省农业农村厅办公室", date_text="2024年11月5日"))

    add("扫描件021.pdf", "scan", "scan", "X02", ["X02.1"], "桑园镇人民政府", "2024-08-14", "关于桑园村冷库施工意外事故的情况说明",
        dict(pages=[dict(title="关于桑园村冷库施工意外事故的情况说明", zhusong="县应急管理局、县农业农村局：",
             body=["2024年8月11日下午，桑园村果品冷库建设项目施工现场发生一起脚手架坍塌意外，造成2名工人轻微受伤，已送县医院治疗，无生命危险。",
                   "事故发生后，镇上立即责令施工方停工，组织安全排查，并安排专人做好伤者家属安抚工作。网络上出现的“冷库倒塌多人伤亡”的说法与事实不符，镇上已发布情况通报。",
                   "下一步，我镇将督促施工单位落实安全生产主体责任，全面排查在建涉农项目安全隐患。"],
             sign="桑园镇人民政府", date_text="2024年8月14日")], seal="白水县桑园镇人民政府"))
    add("关于桑园村冷库施工事故整改情况的报告.docx", "docx", "report", "X02", ["X02.2"], "桑园镇人民政府", "2024-09-10",
        "桑园镇人民政府关于桑园村冷库施工事故整改情况的报告", dict(
            wenhao="桑政发〔2024〕39号",
            title="桑园镇人民政府\n关于桑园村冷库施工事故整改情况的报告", zhusong="县人民政府：",
            body=["8月11日桑园村冷库施工意外发生后，我镇高度重视，立即开展整改。",
                  "一、对施工单位约谈并处罚，更换项目现场负责人。",
                  "二、全镇在建涉农项目12个全部开展安全检查，整改隐患19处。",
                  "三、建立项目安全周巡查制度，镇包抓领导每周到现场检查。",
                  "目前冷库项目已于9月2日复工，整改工作全部完成。"],
            sign="桑园镇人民政府", date_text="2024年9月10日"))

    # ---- distractors: meet no evidence item
    add("2024年国庆节假期值班表.xlsx", "xlsx", "ledger", None, [], "县农业农村局", "2024-09-26", "县农业农村局2024年国庆节假期值班表", dict(
        title="县农业农村局2024年国庆节假期值班表", meta=["白水县农业农村局办公室", "2024年9月26日"],
        h1=["日期", "带班领导", "值班人员", "联系电话"],
        rows=[[f"10月{d}日", r.choice(["杜建国", "马文", "高志强"]), "、".join(names(r, 2)), "0913-621" + str(r.randint(1000, 9999))] for d in range(1, 8)]))
    add("关于举办2024年职工趣味运动会的通知.docx", "docx", "notice", None, [], "县总工会", "2024-10-08", "关于举办2024年全县职工趣味运动会的通知", dict(
        wenhao="白工发〔2024〕21号", title="关于举办2024年全县职工趣味运动会的通知", zhusong="各基层工会：",
        body=["为丰富职工文化生活，县总工会决定举办2024年全县职工趣味运动会。",
              "一、时间地点：2024年10月26日，县体育场。", "二、比赛项目：拔河、跳绳、托球跑、四人板鞋。",
              "三、报名：各基层工会于10月18日前报送参赛名单。"],
        sign="白水县总工会", date_text="2024年10月8日"))
    add("文档1.docx", "docx", "notice", None, [], "县农业农村局", "2024-11-11", "关于开展冬季消防安全检查的通知", dict(
        title="关于开展冬季消防安全检查的通知", zhusong="局属各单位、各股室：",
        body=["冬季天干物燥，为防范火灾事故，决定于11月15日至30日开展办公楼消防安全检查。",
              "各股室要清理楼道杂物，下班前关闭电源，严禁使用大功率电器。"],
        sign="县农业农村局办公室", date_text="2024年11月11日"), author="Administrator")
    add("县人社局/关于组织干部职工健康体检的通知.docx", "docx", "notice", None, [], "县人力资源和社会保障局", "2024-04-22", "关于组织干部职工健康体检的通知", dict(
        title="关于组织干部职工健康体检的通知", zhusong="各股室、二级单位：",
        body=["经研究，定于2024年5月6日至10日组织干部职工在县人民医院体检中心进行年度健康体检。请体检当日空腹。"],
        sign="白水县人力资源和社会保障局办公室", date_text="2024年4月22日"))
    add("公务用车使用登记.xlsx", "xlsx", "ledger", None, [], "县乡村振兴局", None, "公务用车使用登记表", dict(
        title="公务用车使用登记表", meta=["车牌：陕E·3X2XX", "2024年11月"],
        h1=["日期", "用车人", "事由", "出发里程", "返回里程", "驾驶员"],
        rows=[[f"11月{d}日", names(r, 1)[0], r.choice(["下乡", "市上开会", "送文件"]), 52000 + d * 60, 52000 + d * 60 + r.randint(20, 58), "高强"] for d in (4, 7, 12, 18, 26)]),
        date_stated=False)
    add("Book1.xlsx", "xlsx", "other", None, [], None, None, None, dict(
        h1=["品名", "规格", "数量", "单价", "金额"],
        rows=[["A4复印纸", "70g", 20, 23.5, 470], ["中性笔", "0.5mm", 50, 1.5, 75], ["档案盒", "5cm", 100, 4.8, 480], ["订书钉", "24/6", 10, 3, 30]]))
    add("微信图片_20241127083355.jpg", "photo", "photo", None, [], None, None, None, dict(scene="meeting", exif=None, caption=None))
    add("石门镇/关于做好党员冬训工作的通知.docx", "docx", "notice", None, [], "石门镇党委", "2024-12-02", "关于做好2024年度农村党员冬训工作的通知", dict(
        title="关于做好2024年度农村党员冬训工作的通知", zhusong="各村党支部：",
        body=["按照县委组织部安排，今冬明春开展农村党员冬训，集中学习时间不少于3天。各支部于12月10日前报送冬训计划。"],
        sign="中共白水县石门镇委员会", date_text="2024年12月2日"))
    # blank 样表 (a ledger template; meets no item)
    add("附件1.xlsx", "xlsx", "ledger", None, [], None, None, "户厕改造问题摸排表（样表）", dict(
        title="户厕改造问题摸排表（样表）", meta=["填报单位：", "截至　　年　月　日"],
        h1=["序号", "镇（乡）", "村", "户主", "存在问题", "整改措施", "整改时限", "备注"], rows=[[None] * 8 for _ in range(8)]),
        date_stated=False)


# ====================================================================== build
FILETEXT = {}
IMAGE_ONLY = set()


def paginate(lines, per=27):
    pages, cur = [], []
    for ln in lines:
        cur.append(ln)
        if len(cur) >= per:
            pages.append(cur)
            cur = []
    if cur:
        pages.append(cur)
    return pages


def build():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    stage = tempfile.mkdtemp(prefix="baishui_stage_")
    conv = {"doc": [], "pdf": []}
    for idx, f in enumerate(FILES):
        path = os.path.join(OUT, f["path"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        c = f["content"]
        rng = random.Random(seed_of(f["path"]))
        fmt = f["fmt"]
        if fmt == "docx":
            make_docx(path, c, f["author"])
            FILETEXT[f["path"]] = docx_text(path)
        elif fmt in ("doc", "pdf"):
            tmp = os.path.join(stage, f"f{idx:03d}.docx")
            make_docx(tmp, c, f["author"])
            conv[fmt].append((tmp, path))
            FILETEXT[f["path"]] = gongwen_text(c)
        elif fmt == "xlsx":
            make_xlsx(path, c, f["author"] or "")
            FILETEXT[f["path"]] = xlsx_text(path)
        elif fmt == "txt":
            data = c["text"]
            if c["enc"] == "gb18030":
                open(path, "wb").write(data.replace("\n", "\r\n").encode("gb18030"))
            else:
                open(path, "wb").write(data.encode("utf-8"))
            FILETEXT[f["path"]] = data
        elif fmt == "scan":
            imgs, texts = [], []
            for g in c["pages"]:
                lines = gongwen_lines(g)
                pg = paginate(lines)
                for k, pl in enumerate(pg):
                    img = render_page_lines(pl, seal=c.get("seal") if k == len(pg) - 1 else None, rng=rng, hand=c.get("hand", False))
                    imgs.append(degrade(img, rng))
                texts.append(gongwen_text(g))
            make_scan_pdf(path, imgs)
            FILETEXT[f["path"]] = "\n".join(texts)
            IMAGE_ONLY.add(f["path"])
        elif fmt == "photo":
            img = scene_photo(rng, c["scene"])
            t = []
            if c.get("caption"):
                img = burn_caption(img, c["caption"])
                t += c["caption"]
            ex = c.get("exif")
            if ex:
                t += [ex.get("xptitle", ""), ex.get("desc", ""), ex.get("artist", "")]
            save_jpg(img, path, ex)
            FILETEXT[f["path"]] = "\n".join(x for x in t if x)
            IMAGE_ONLY.add(f["path"])
        elif fmt == "form_photo":
            fm = c["form"]
            paper = form_paper(fm["title"], fm["header"], fm["rows"], fm["foot"], rng)
            img = phone_photo(paper, rng)
            save_jpg(img, path, c.get("exif"))
            FILETEXT[f["path"]] = "\n".join([fm["title"], " ".join(fm["header"])] +
                                            [" ".join(str(x) for x in row) for row in fm["rows"]] + fm["foot"])
            IMAGE_ONLY.add(f["path"])
        else:
            raise ValueError(fmt)
    prof = "file://" + os.path.join(stage, "lo_profile")
    for fmt, items in conv.items():
        if not items:
            continue
        outd = os.path.join(stage, "out_" + fmt)
        os.makedirs(outd, exist_ok=True)
        filt = "doc:MS Word 97" if fmt == "doc" else "pdf:writer_pdf_Export"
        subprocess.run(["soffice", "-env:UserInstallation=" + prof, "--headless", "--convert-to", filt, "--outdir", outd]
                       + [t for t, _ in items], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
        for tmp, dst in items:
            src = os.path.join(outd, os.path.splitext(os.path.basename(tmp))[0] + "." + fmt)
            shutil.move(src, dst)
    shutil.rmtree(stage, ignore_errors=True)


def main():
    spec_A(); spec_B(); spec_C(); spec_D(); spec_E(); spec_F(); spec_other()
    paths = [f["path"] for f in FILES]
    assert len(paths) == len(set(paths)), "duplicate paths"
    build()
    labels = {f["path"]: f["label"] for f in sorted(FILES, key=lambda f: f["path"])}
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as fh:
        json.dump(labels, fh, ensure_ascii=False, indent=1, sort_keys=True)
    qs = queries()
    with open(os.path.join(HERE, "queries.json"), "w", encoding="utf-8") as fh:
        json.dump(qs, fh, ensure_ascii=False, indent=1)
    with open("/tmp/baishui_texts.json", "w", encoding="utf-8") as fh:
        json.dump({"text": FILETEXT, "image_only": sorted(IMAGE_ONLY)}, fh, ensure_ascii=False, indent=0, sort_keys=True)
    print(len(FILES), "files,", len(qs), "queries")


def queries():
    return QUERIES


QUERIES = []

def Q(q, kind, means, *paths):
    QUERIES.append({"q": q, "relevant": list(paths), "kind": kind, "means": means})


# ---- literal: the words occur in the relevant files
Q("柳湾镇 问题厕所 整改", "literal", "柳湾镇问题厕所排查整改台账", "柳湾镇/问题厕所排查整改台账.xlsx")
Q("监测对象 信息台账", "literal", "全县防返贫监测对象台账", "县乡村振兴局/监测对象台账（截至12月底）.xlsx")
Q("一户一策 帮扶计划", "literal", "监测户一户一策帮扶计划", "附件2.docx")
Q("控辍保学 台账", "literal", "控辍保学动态监测台账", "县教育局/2024年秋季学期控辍保学工作台账.xlsx")
Q("农村供水 排查 整改", "literal", "农村饮水安全排查整改台账", "县水务局/农村饮水安全排查整改台账.xlsx")
Q("就业帮扶车间 认定", "literal", "帮扶车间认定文件", "县人社局/关于认定2024年度就业帮扶车间的通知.docx")
Q("务工就业 统计表", "literal", "脱贫劳动力务工就业统计", "县人社局/2024年脱贫劳动力务工就业统计表.xlsx")
Q("项目库 入库", "literal", "衔接项目库建设材料", "县乡村振兴局/关于做好2025年度项目库建设工作的通知.docx")
Q("光伏电站 收益分配方案", "literal", "村级光伏收益分配方案", "东塬镇/杨家塬村光伏收益分配方案.docx")
Q("第一书记 轮换", "literal", "驻村第一书记选派轮换文件", "关于调整充实驻村第一书记和工作队的通知.docx")
Q("定点帮扶 工作总结", "literal", "省农业农村厅定点帮扶年度总结", "省农业农村厅定点帮扶白水县2024年工作总结.pdf")
Q("高标准农田 竣工验收", "literal", "高标准农田项目验收报告", "2024年度高标准农田建设项目竣工验收报告.pdf")
Q("耕地保护 目标责任书", "literal", "耕地保护目标责任书", "县农业农村局/耕地保护目标责任书（柳湾镇）.docx")
Q("粮食安全党政同责 自查", "literal", "粮食安全党政同责考核材料", "关于2024年度粮食安全党政同责考核自查情况的报告.doc")
Q("苹果产业 实施方案", "literal", "特色产业（苹果）发展方案", "白水县苹果产业高质量发展实施方案（2024—2026年）.docx")
Q("柳湾村 党支部领办合作社", "literal", "党支部领办合作社材料", "柳湾镇/柳湾村党支部领办合作社情况介绍.docx")
Q("户厕改造 任务分解", "literal", "户厕改造任务分解和验收台账", "县农业农村局/2024年农村户厕改造任务及验收台账.xlsx")
Q("公厕 管护员", "literal", "农村公厕管护制度和管护人员名单", "农村公厕管护制度.pdf")
Q("黑臭水体 整治", "literal", "农村黑臭水体整治材料", "黑臭水体整治情况.doc")
Q("村庄清洁 春季战役", "literal", "村庄清洁行动方案和简报", "关于开展村庄清洁行动的通知.docx", "村庄清洁行动简报第3期.docx")
Q("化肥 农药 减量增效", "literal", "化肥农药减量统计和总结", "2024年化肥农药减量增效工作总结.doc")
Q("红白理事会 章程", "literal", "红白理事会章程", "东塬村红白理事会章程.docx")
Q("送戏下乡", "literal", "送戏下乡场次统计和活动照片", "送戏下乡和电影放映场次统计.xlsx", "IMG_20240519_201533.jpg")
Q("村级组织运转经费", "literal", "村级组织运转经费请示和批复", "关于拨付村级组织运转经费的请示.docx", "县财政局/关于龙泉乡拨付村级组织运转经费的批复.docx")
Q("土地经营权流转合同", "literal", "土地流转合同", "土地经营权流转合同.docx")
Q("宅基地 改革试点", "literal", "宅基地制度改革试点进展", "县农业农村局/宅基地制度改革试点工作进展情况.docx")
Q("托管服务 经验", "literal", "托管服务改革经验和省级推广文件", "白水县苹果产业“托管服务”改革经验材料.docx", "关于转发白水县果园托管服务经验做法的通知.pdf")
Q("残疾人两项补贴", "literal", "残疾人两项补贴发放情况", "残疾人两项补贴发放情况.txt")
Q("县委常委会 巩固衔接", "literal", "常委会研究巩固脱贫成果的会议纪要", "县委常委会会议纪要（第15次）.docx")
Q("桑园村 冷库 事故", "literal", "桑园村冷库施工事故情况说明和整改报告", "关于桑园村冷库施工事故整改情况的报告.docx", "扫描件021.pdf")
Q("国庆节 值班表", "literal", "假期值班安排（与考核无关）", "2024年国庆节假期值班表.xlsx")

# ---- synonym: the clerk's words do not occur in the relevant files
Q("抛荒地", "synonym", "撂荒地整治台账", "石门镇/撂荒地整治台账.xlsx")
Q("公益性岗位 考勤", "synonym", "公益岗人员出勤登记", "表1.xlsx")
Q("扶贫车间", "synonym", "就业帮扶车间认定", "县人社局/关于认定2024年度就业帮扶车间的通知.docx")
Q("扶贫资产", "synonym", "帮扶项目资产确权登记台账", "县农业农村局/帮扶项目资产确权登记台账.xlsx")
Q("婚丧嫁娶", "synonym", "红白事简办、移风易俗材料", "东塬村红白理事会章程.docx", "移风易俗倡议书.txt", "柳湾镇/王家庄村村规民约.docx")
Q("空壳村", "synonym", "集体经济薄弱村消除方案", "关于加快集体经济薄弱村提升的实施方案.docx")
Q("贫困户收入", "synonym", "脱贫人口收入监测数据", "县乡村振兴局/脱贫人口收入监测数据（2024年）.xlsx")
Q("养老院", "synonym", "农村养老服务设施清单（敬老院、幸福院）", "县民政局/农村养老服务设施清单.docx")
Q("网上销售额", "synonym", "农村电商网络零售额统计", "2024年乡村旅游和农村电商发展情况统计.xlsx")
Q("村干部工资", "synonym", "村干部报酬和运转经费拨付", "关于拨付村级组织运转经费的请示.docx", "县财政局/关于龙泉乡拨付村级组织运转经费的批复.docx")
Q("包户干部", "synonym", "帮扶责任人名册", "县乡村振兴局/帮扶责任人名册.xlsx")
Q("土地出让金", "synonym", "土地出让收入用于农业农村情况", "关于2024年土地出让收入用于农业农村情况的报告.docx")
Q("外出打工", "synonym", "脱贫劳动力务工就业统计", "县人社局/2024年脱贫劳动力务工就业统计表.xlsx")
Q("种粮面积", "synonym", "粮食播种面积统计", "县统计局/2024年粮食播种面积和产量统计.xlsx", "关于2024年度粮食安全党政同责考核自查情况的报告.doc")
Q("满意度", "synonym", "群众认可度调查", "群众认可度调查汇总.xlsx")
Q("辍学学生", "synonym", "控辍保学台账（疑似失学）", "县教育局/2024年秋季学期控辍保学工作台账.xlsx")
Q("驻村干部 签到", "synonym", "驻村工作队在岗（考勤）情况", "石门镇/驻村工作队在岗情况统计（10-12月）.xlsx")
Q("垃圾清运 外包", "synonym", "第三方保洁服务合同", "新建 Microsoft Word 文档.docx")
Q("厕所改造 照片", "synonym", "改厕前后对比照片", "IMG_20240612_101530.jpg", "IMG_20240825_153012.jpg")
Q("调解书", "synonym", "人民调解协议书（案卷）", "未命名(1).pdf")

# ---- abbrev: short forms offices use
Q("衔接资金 支出进度", "abbrev", "衔接推进乡村振兴补助资金支出进度表", "县财政局/2024年衔接资金支出进度表（12.27）.xlsx")
Q("高标农田", "abbrev", "高标准农田建设验收", "2024年度高标准农田建设项目竣工验收报告.pdf")
Q("苏陕协作", "abbrev", "东西部（苏陕）协作项目资金和劳务协作", "县乡村振兴局/苏陕协作项目资金使用情况汇报.docx", "劳务协作协议.docx")
Q("防返贫 方案", "abbrev", "防止返贫动态监测和帮扶工作方案", "县乡村振兴局/白水县2024年防止返贫动态监测和帮扶工作实施方案.docx")
Q("两委 名单", "abbrev", "村“两委”班子成员名单", "石门镇/冯家村两委班子成员名单.docx")
Q("人社局 培训花名册", "abbrev", "人力资源和社会保障局技能培训花名册", "县人社局/技能培训花名册（第三期）.xlsx")
Q("农办 村庄清洁", "abbrev", "县委农村工作领导小组办公室村庄清洁行动通知", "关于开展村庄清洁行动的通知.docx")
Q("医保局 医疗救助", "abbrev", "医疗保障局参保资助和医疗救助报告", "县医保局2024年脱贫人口参保资助及医疗救助情况报告.doc")
Q("文明实践站 活动", "abbrev", "新时代文明实践站活动记录", "桑园镇/扫描0001.pdf")
Q("三清三拆", "abbrev", "三清三拆三整治（村庄清洁行动）", "关于开展村庄清洁行动的通知.docx")
Q("环境分局 养殖场", "abbrev", "生态环境局白水分局养殖场整改通报", "关于规模养殖场环保问题整改情况的通报.docx")
Q("调查队 农民收入", "abbrev", "国家统计局白水调查队农村居民收入分析", "2024年前三季度农村居民收入情况分析.pdf")

# ---- scan_only: the words are only inside an image-only scan or a photo of a form
Q("王家庄村 走访记录", "scan_only", "帮扶责任人入户走访记录", "扫描件012.pdf")
Q("马家堡村 危房改造 验收", "scan_only", "危房改造竣工验收表", "未命名.pdf")
Q("白水苹果 绿色食品", "scan_only", "农产品品牌认证（绿色食品证书）", "扫描件003.pdf")
Q("杨家塬村 光伏电站 巡检", "scan_only", "光伏电站运行维护记录", "20241108.pdf")
Q("南坡村 工作日志", "scan_only", "驻村第一书记工作日志", "石门镇/扫描全能王 2024-10-15 10.23.pdf")
Q("石门镇 户厕改造 证明", "scan_only", "石门镇户厕改造验收合格证明", "扫描件005.pdf")
Q("坡头村 粪污 处理站", "scan_only", "粪污处理设施运行记录", "doc00231.pdf")
Q("西庄村 端午 文明实践", "scan_only", "文明实践站活动记录", "桑园镇/扫描0001.pdf")
Q("槐树村 文化服务中心 开放", "scan_only", "村级综合文化服务中心开放记录", "扫描件(2).pdf")
Q("北沟村 调解协议", "scan_only", "人民调解协议书", "未命名(1).pdf")
Q("峪口村 入户核查", "scan_only", "两不愁三保障入户核查表", "附件3.pdf")
Q("帮扶干部 培训 签到表", "scan_only", "帮扶干部业务培训签到表", "扫描件018.pdf")
Q("冷库 脚手架 坍塌", "scan_only", "冷库施工事故情况说明", "扫描件021.pdf")
Q("郭家河村 房屋安全 鉴定", "scan_only", "农村房屋安全鉴定表（手机拍照）", "桑园镇/IMG_20240716_103512.jpg")
Q("白水河 巡河记录", "scan_only", "河长巡河记录（手机拍照）", "微信图片_20241103152207.jpg")
Q("坡头村 农家书屋 借阅", "scan_only", "农家书屋借阅登记（手机拍照）", "东塬镇/IMG_20240903_111942.jpg")
Q("杨家塬村 公益岗 签领", "scan_only", "光伏收益公益岗补贴签领表（发放凭证）", "东塬镇/微信图片_20241010160233.jpg")

if __name__ == "__main__":
    main()
