"""Renderers for the 南坪县 corpus (written from scratch for this corpus)."""
import datetime as dt
import io
import os
import random
import zlib

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SERIF_B = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
KAI = "/usr/share/fonts/truetype/arphic/ukai.ttc"

_FONTS = {}


def font(path, size):
    k = (path, size)
    if k not in _FONTS:
        _FONTS[k] = ImageFont.truetype(path, size)
    return _FONTS[k]


def rng_for(key):
    return random.Random(zlib.crc32(key.encode("utf-8")))


# ---------------------------------------------------------------- text of blocks
def blocks_text(blocks):
    out = []
    for b in blocks:
        if b[0] == "table":
            for r in b[1]:
                out.append("\t".join(str(c) for c in r))
        elif b[0] == "line":
            continue
        else:
            out.append(b[1])
    return "\n".join(out)


# ---------------------------------------------------------------- docx
def _set_font(run, name, size=None, bold=None, color=None):
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        rfonts.set(qn(a), name)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    if color:
        run.font.color.rgb = RGBColor(*color)


def write_docx(path, blocks, author="Administrator", when=None):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, Twips
    d = docx.Document()
    s = d.sections[0]
    s.page_width, s.page_height = Twips(11906), Twips(16838)
    s.top_margin, s.left_margin = Twips(2098), Twips(1588)
    s.right_margin, s.bottom_margin = Twips(1474), Twips(1984)
    st = d.styles["Normal"]
    st.font.size = Pt(16)

    def para(text, fontname="仿宋_GB2312", size=16, align=None, indent=True, color=None, bold=None):
        p = d.add_paragraph()
        pf = p.paragraph_format
        pf.line_spacing = Pt(28)
        pf.space_after = Pt(0)
        pf.space_before = Pt(0)
        if indent:
            pf.first_line_indent = Pt(size * 2)
        if align:
            p.alignment = align
        r = p.add_run(text)
        _set_font(r, fontname, size, bold, color)
        return p

    C, R = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    for b in blocks:
        k = b[0]
        if k == "red":
            para(b[1], "方正小标宋简体", 36, C, False, (0xE0, 0, 0))
        elif k == "wh":
            para(b[1], align=C, indent=False)
        elif k == "line":
            para("━" * 21, "宋体", 16, C, False, (0xE0, 0, 0))
        elif k == "title":
            para(b[1], "方正小标宋简体", 22, C, False)
        elif k == "sub":
            para(b[1], "楷体_GB2312", 16, C, False)
        elif k == "to":
            para(b[1], indent=False)
        elif k == "h1":
            para(b[1], "黑体")
        elif k == "h2":
            para(b[1], "楷体_GB2312")
        elif k == "p":
            para(b[1])
        elif k == "att":
            para(b[1])
        elif k in ("sign", "date"):
            p = para(b[1] + "　　", align=R, indent=False)
        elif k == "cc":
            para(b[1], size=14, indent=False)
        elif k == "table":
            rows = b[1]
            ncol = max(len(r) for r in rows)
            t = d.add_table(rows=len(rows), cols=ncol)
            t.style = "Table Grid"
            for i, r in enumerate(rows):
                for j in range(ncol):
                    c = t.cell(i, j)
                    c.text = ""
                    run = c.paragraphs[0].add_run(str(r[j]) if j < len(r) else "")
                    _set_font(run, "仿宋_GB2312", 12, i == 0)
        elif k == "blank":
            para("", indent=False)
    cp = d.core_properties
    cp.author = author or ""
    cp.last_modified_by = author or ""
    when = when or dt.datetime(2024, 6, 1, 9, 0, 0)
    cp.created = when
    cp.modified = when + dt.timedelta(hours=3)
    cp.revision = 1
    d.save(path)


# ---------------------------------------------------------------- xlsx
def write_xlsx(path, sheet, creator="Administrator"):
    """sheet: dict(title, info, head1, head2, merges, rows, total, notitle, blank_rows, name)"""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet.get("name", "Sheet1")
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    r = 1
    ncol = len(sheet["head1"])
    if sheet.get("title"):
        ws.cell(r, 1, sheet["title"]).font = Font(name="宋体", size=16, bold=True)
        ws.cell(r, 1).alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
        r += 1
    if sheet.get("info"):
        ws.cell(r, 1, sheet["info"])
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
        r += 1
    hr = r
    for j, v in enumerate(sheet["head1"]):
        c = ws.cell(r, j + 1, v if v else None)
        c.font = Font(bold=True)
        c.border = border
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    r += 1
    if sheet.get("head2"):
        for j, v in enumerate(sheet["head2"]):
            c = ws.cell(r, j + 1, v if v else None)
            c.font = Font(bold=True)
            c.border = border
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        # merge: columns whose head2 empty merge vertically; runs of equal head1 with head2 merge horizontally
        j = 0
        h1, h2 = sheet["head1"], sheet["head2"]
        while j < ncol:
            if not h2[j]:
                ws.merge_cells(start_row=hr, start_column=j + 1, end_row=hr + 1, end_column=j + 1)
                j += 1
                continue
            k = j
            while k + 1 < ncol and h2[k + 1] and not h1[k + 1]:
                k += 1
            if k > j:
                ws.merge_cells(start_row=hr, start_column=j + 1, end_row=hr, end_column=k + 1)
            j = k + 1
        r += 1
    for row in sheet.get("rows", []):
        for j, v in enumerate(row):
            c = ws.cell(r, j + 1, v)
            c.border = border
        r += 1
    for _ in range(sheet.get("blank_rows", 0)):
        for j in range(ncol):
            ws.cell(r, j + 1).border = border
        r += 1
    if sheet.get("total"):
        for j, v in enumerate(sheet["total"]):
            c = ws.cell(r, j + 1, v)
            c.border = border
            c.font = Font(bold=True)
        r += 1
    for line in sheet.get("foot", []):
        ws.cell(r, 1, line)
        r += 1
    for j in range(ncol):
        ws.column_dimensions[get_column_letter(j + 1)].width = 12 if j else 8
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.created = dt.datetime(2024, 12, 20, 10, 0, 0)
    wb.properties.modified = dt.datetime(2024, 12, 28, 10, 0, 0)
    wb.save(path)


def sheet_text(sheet):
    out = [sheet.get("title") or "", sheet.get("info") or "",
           "\t".join(sheet["head1"]), "\t".join(sheet.get("head2") or [])]
    for row in sheet.get("rows", []):
        out.append("\t".join("" if v is None else str(v) for v in row))
    if sheet.get("total"):
        out.append("\t".join("" if v is None else str(v) for v in sheet["total"]))
    out.extend(sheet.get("foot", []))
    return "\n".join(out)


# ---------------------------------------------------------------- page images (scans)
W, H = 1000, 1414   # ~120 dpi A4


def _wrap(text, n):
    return [text[i:i + n] for i in range(0, len(text), n)] or [""]


def render_pages(blocks, rng, hand=False, seal=None, cpl=30):
    """Render blocks onto white page images; returns list of RGB images."""
    body_font = font(KAI if hand else SERIF, 26)
    title_font = font(SERIF_B, 38)
    pages = []
    img = Image.new("RGB", (W, H), "white")
    dr = ImageDraw.Draw(img)
    x0, y = 110, 130
    lh = 44

    def newpage():
        nonlocal img, dr, y
        pages.append(img)
        img = Image.new("RGB", (W, H), "white")
        dr = ImageDraw.Draw(img)
        y = 130

    seal_pos = None
    for b in blocks:
        k = b[0]
        if k == "red":
            f = font(SERIF_B, 54)
            tw = dr.textlength(b[1], font=f)
            dr.text(((W - tw) / 2, y), b[1], font=f, fill=(200, 20, 20))
            y += 90
        elif k == "line":
            dr.line((x0, y, W - x0, y), fill=(200, 20, 20), width=3)
            y += 30
        elif k in ("title", "wh", "sub"):
            f = title_font if k == "title" else body_font
            for ln in _wrap(b[1], 20 if k == "title" else 34):
                tw = dr.textlength(ln, font=f)
                dr.text(((W - tw) / 2, y), ln, font=f, fill="black")
                y += 56 if k == "title" else lh
            y += 10
        elif k == "table":
            rows = b[1]
            ncol = max(len(r) for r in rows)
            cw = (W - 2 * x0) / ncol
            f = font(KAI if hand else SERIF, 20)
            for r in rows:
                if y > H - 160:
                    newpage()
                for j in range(ncol):
                    cx = x0 + j * cw
                    dr.rectangle((cx, y, cx + cw, y + 40), outline="black", width=1)
                    t = str(r[j]) if j < len(r) else ""
                    maxc = max(1, int(cw // 21))
                    dr.text((cx + 4, y + 8), t[:maxc], font=f, fill=(20, 20, 30) if hand else "black")
                y += 40
            y += 14
        elif k == "blank":
            y += lh
        else:
            text = b[1]
            if k in ("sign", "date"):
                tw = dr.textlength(text, font=body_font)
                dr.text((W - x0 - tw - 40, y), text, font=body_font, fill="black")
                if k == "sign":
                    seal_pos = (W - x0 - tw / 2 - 40, y + 20)
                y += lh
                continue
            ind = 0 if k in ("to", "cc") else 2
            lines = _wrap("　" * ind + text, cpl)
            for ln in lines:
                if y > H - 140:
                    newpage()
                dr.text((x0 + (rng.randint(-2, 2) if hand else 0), y), ln, font=body_font,
                        fill=(25, 25, 60) if hand else "black")
                y += lh
    if seal and seal_pos:
        draw_seal(img, seal_pos, seal, rng)
    pages.append(img)
    return pages


def draw_seal(img, center, text, rng):
    """Red round seal with text round the rim and a star."""
    import math
    R = 95
    lay = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    cx, cy = center[0] + rng.randint(-20, 20), center[1] + rng.randint(-10, 10)
    col = (215, 30, 35, 170)
    d.ellipse((cx - R, cy - R, cx + R, cy + R), outline=col, width=7)
    f = font(SERIF_B, 24)
    n = len(text)
    span = min(250, 22 * n)
    for i, ch in enumerate(text):
        a = math.radians(-90 - span / 2 + span * (i + 0.5) / n)
        px, py = cx + (R - 28) * math.cos(a), cy + (R - 28) * math.sin(a)
        g = Image.new("RGBA", (34, 34), (0, 0, 0, 0))
        ImageDraw.Draw(g).text((5, 0), ch, font=f, fill=col)
        g = g.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        lay.alpha_composite(g, (int(px - 17), int(py - 17)))
    pts = []
    for i in range(10):
        rr = 30 if i % 2 == 0 else 12
        a = math.radians(-90 + 36 * i)
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=col)
    img.paste(Image.alpha_composite(img.convert("RGBA"), lay).convert("RGB"))


def degrade(img, rng, rot=None, noise=10, blur=0.8, gray=False):
    rot = rng.uniform(-1.6, 1.6) if rot is None else rot
    img = img.rotate(rot, resample=Image.BICUBIC, expand=False, fillcolor=(250, 250, 246))
    a = np.asarray(img).astype(np.int16)
    nr = np.random.default_rng(rng.randint(0, 2 ** 31))
    a = a + nr.normal(0, noise, a.shape).astype(np.int16)
    a = np.clip(a - 6, 0, 255).astype(np.uint8)
    img = Image.fromarray(a)
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    if gray:
        img = img.convert("L")
    return img


def write_scan_pdf(path, blocks, key, hand=False, seal=None, gray=False):
    rng = rng_for(key)
    pages = render_pages(blocks, rng, hand=hand, seal=seal)
    pages = [degrade(p, rng, gray=gray and not seal).resize((827, 1169)) for p in pages]
    bufs = []
    for p in pages:
        b = io.BytesIO()
        p.save(b, "JPEG", quality=45)
        bufs.append(Image.open(io.BytesIO(b.getvalue())))
    bufs[0].save(path, "PDF", resolution=100.0, save_all=True, append_images=bufs[1:])


# ---------------------------------------------------------------- photos
def _exif(date_time=None, title=None, desc=None, artist=None, gps=None, make="HUAWEI", model="ELE-AL00"):
    ex = Image.Exif()
    ex[0x010F] = make
    ex[0x0110] = model
    if desc:
        ex[0x010E] = desc.encode("utf-8")
    if artist:
        ex[0x013B] = artist.encode("utf-8")
    if title:
        ex[0x9C9B] = title.encode("utf-16-le") + b"\x00\x00"
    if date_time:
        ex[0x0132] = date_time
        ifd = ex.get_ifd(0x8769)
        ifd[0x9003] = date_time
        ifd[0x9004] = date_time
    if gps:
        lat, lon = gps

        def dms(v):
            d = int(v)
            m = int((v - d) * 60)
            s = round(((v - d) * 60 - m) * 60, 2)
            return (float(d), float(m), float(s))
        g = ex.get_ifd(0x8825)
        g[1] = "N"
        g[2] = dms(lat)
        g[3] = "E"
        g[4] = dms(lon)
    return ex


def scene(rng, kind="village", size=(960, 720)):
    w, h = size
    img = Image.new("RGB", size)
    d = ImageDraw.Draw(img)
    sky = (rng.randint(150, 200), rng.randint(180, 215), rng.randint(215, 245))
    for yy in range(h // 2):
        f = yy / (h / 2)
        d.line((0, yy, w, yy), fill=tuple(int(c * (1 - 0.2 * f)) for c in sky))
    # hills
    for k in range(3):
        base = h // 2 - 40 + k * 30
        pts = [(0, h)] + [(x, base - int(40 * np.sin(x / (80 + 30 * k) + k + rng.random()))) for x in range(0, w + 40, 40)] + [(w, h)]
        g = (60 + 20 * k + rng.randint(0, 20), 110 + 15 * k + rng.randint(0, 20), 60 + rng.randint(0, 20))
        d.polygon(pts, fill=g)
    ground = (rng.randint(120, 160), rng.randint(110, 140), rng.randint(80, 100))
    d.rectangle((0, int(h * 0.68), w, h), fill=ground)
    if kind in ("village", "toilet", "garden", "clean", "office"):
        for i in range(rng.randint(2, 4)):
            bx = rng.randint(0, w - 220)
            by = int(h * 0.42) + rng.randint(0, 60)
            bw, bh = rng.randint(140, 230), rng.randint(110, 170)
            d.rectangle((bx, by, bx + bw, by + bh), fill=(rng.randint(200, 235),) * 3, outline=(90, 90, 90))
            d.polygon([(bx - 10, by), (bx + bw // 2, by - 50), (bx + bw + 10, by)], fill=(70, 70, 80))
            d.rectangle((bx + bw // 3, by + bh // 2, bx + bw // 3 + 30, by + bh), fill=(110, 70, 40))
    if kind == "toilet":
        d.rectangle((w // 2 - 60, int(h * 0.5), w // 2 + 60, int(h * 0.8)), fill=(230, 225, 215), outline=(60, 60, 60), width=3)
        d.rectangle((w // 2 - 25, int(h * 0.6), w // 2 + 25, int(h * 0.8)), fill=(60, 110, 160))
    if kind == "field":
        for i in range(0, w, 36):
            d.line((i, int(h * 0.68), w // 2 + (i - w // 2) * 3, h), fill=(90, 140, 50), width=8)
        d.rectangle((rng.randint(50, 500), int(h * 0.6), rng.randint(600, 900), int(h * 0.64)), fill=(170, 160, 150))
    if kind == "garden":
        for i in range(40):
            x, yy = rng.randint(0, w), rng.randint(int(h * 0.7), h)
            d.ellipse((x, yy, x + 18, yy + 18), fill=(rng.randint(20, 80), rng.randint(120, 180), 40))
        for x in range(0, w, 24):
            d.line((x, int(h * 0.72), x, int(h * 0.8)), fill=(150, 110, 60), width=4)
    if kind == "solar":
        for r_ in range(3):
            for c_ in range(6):
                x = 60 + c_ * 145
                yy = int(h * 0.55) + r_ * 60
                d.polygon([(x, yy + 50), (x + 130, yy + 50), (x + 110, yy), (x + 20, yy)], fill=(30, 50, 110), outline=(200, 200, 210))
    if kind == "meeting":
        d.rectangle((0, 0, w, h), fill=(200, 190, 175))
        d.rectangle((80, 60, w - 80, 250), fill=(180, 20, 20))
        for i in range(12):
            x = 40 + (i % 6) * 150
            yy = 360 + (i // 6) * 170
            d.ellipse((x + 40, yy, x + 90, yy + 50), fill=(40, 30, 30))
            d.rectangle((x + 25, yy + 50, x + 105, yy + 140), fill=(rng.randint(20, 90),) * 3)
    if kind == "river":
        d.polygon([(0, int(h * 0.75)), (w, int(h * 0.7)), (w, int(h * 0.85)), (0, int(h * 0.92))], fill=(80, 120, 140))
    a = np.asarray(img).astype(np.int16)
    nr = np.random.default_rng(rng.randint(0, 2 ** 31))
    a = np.clip(a + nr.normal(0, 6, a.shape), 0, 255).astype(np.uint8)
    return Image.fromarray(a).filter(ImageFilter.GaussianBlur(0.6))


def burn_caption(img, lines):
    d = ImageDraw.Draw(img)
    f = font(SANS, 24)
    y = img.size[1] - 20 - 34 * len(lines)
    d.rectangle((10, y - 10, 10 + 14 + max(d.textlength(t, font=f) for t in lines), img.size[1] - 14), fill=(0, 0, 0))
    for t in lines:
        d.text((18, y), t, font=f, fill=(255, 220, 60))
        y += 34


def write_photo(path, key, kind="village", caption=None, exif=None, quality=68):
    rng = rng_for(key)
    img = scene(rng, kind)
    if caption:
        burn_caption(img, caption)
    if exif is not None:
        img.save(path, "JPEG", quality=quality, exif=exif.tobytes())
    else:
        img.save(path, "JPEG", quality=quality)


def write_form_photo(path, key, blocks, exif=None, hand=True):
    """Photo of a paper form on a desk: perspective, uneven light."""
    rng = rng_for(key)
    page = render_pages(blocks, rng, hand=hand)[0].resize((700, 990))
    Wd, Hd = 1000, 1200
    desk = Image.new("RGB", (Wd, Hd), (120 + rng.randint(0, 30), 85 + rng.randint(0, 20), 55))
    # perspective: map output quad back to page
    dx = [rng.randint(60, 130), rng.randint(40, 110), rng.randint(20, 80), rng.randint(60, 140)]
    quad = [(dx[0], 60 + rng.randint(0, 40)), (Wd - dx[1], 40 + rng.randint(0, 40)),
            (Wd - dx[2], Hd - 50 - rng.randint(0, 30)), (dx[3], Hd - 30 - rng.randint(0, 30))]
    coeffs = _persp_coeffs(quad, [(0, 0), (700, 0), (700, 990), (0, 990)])
    warped = page.transform((Wd, Hd), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=None)
    mask = Image.new("L", page.size, 255).transform((Wd, Hd), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    desk.paste(warped, (0, 0), mask)
    a = np.asarray(desk).astype(np.float32)
    yy, xx = np.mgrid[0:Hd, 0:Wd]
    cx, cy = rng.randint(100, 900), rng.randint(100, 500)
    light = 1.05 - 0.45 * np.sqrt(((xx - cx) / Wd) ** 2 + ((yy - cy) / Hd) ** 2)
    a = a * light[..., None]
    nr = np.random.default_rng(rng.randint(0, 2 ** 31))
    a = np.clip(a + nr.normal(0, 7, a.shape), 0, 255).astype(np.uint8)
    img = Image.fromarray(a).filter(ImageFilter.GaussianBlur(0.9))
    if exif is not None:
        img.save(path, "JPEG", quality=62, exif=exif.tobytes())
    else:
        img.save(path, "JPEG", quality=62)


def _persp_coeffs(src_quad, dst_quad):
    # coefficients mapping output (src_quad) -> input (dst_quad)
    A, B = [], []
    for (x, y), (u, v) in zip(src_quad, dst_quad):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        B += [u, v]
    return np.linalg.solve(np.array(A, float), np.array(B, float)).tolist()
