# -*- coding: utf-8 -*-
"""Helpers for make_corpus.py (雁川县 evaluation corpus). Deterministic."""
import os, random, math, io, json, subprocess, shutil, datetime
from docx import Document
from docx.shared import Pt, Mm, RGBColor
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
import openpyxl
from openpyxl.styles import Font, Alignment, Border, Side
from PIL import Image, ImageDraw, ImageFont, ImageFilter
from PIL.TiffImagePlugin import IFDRational

FONT_SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
FONT_SERIF_B = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
FONT_SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FONT_SANS_B = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"

R = random.Random(20240917)

# ---------------------------------------------------------------- people / ids
SURN = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱覃向")
GIV_M = list("建国华军明伟强平勇志刚永福国庆德海东林春生金山文斌红兵云峰成贵忠祥荣")
GIV_F = list("秀英兰芳玉珍桂凤梅霞丽娟萍红琴燕艳翠莲菊香淑芬敏静")
REGION = "433127"   # fictional 6-digit prefix used for 雁川县
USED_IDS = set()

def name(sex=None, rng=R):
    sex = sex or rng.choice("男女")
    g = GIV_M if sex == "男" else GIV_F
    n = rng.choice(SURN) + rng.choice(g)
    if rng.random() < 0.7:
        n += rng.choice(g)
    return n

def id_check(s17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(a) * b for a, b in zip(s17, w)) % 11]

def idno(sex="男", y0=1950, y1=2005, rng=R, region=REGION):
    while True:
        y = rng.randint(y0, y1); m = rng.randint(1, 12); d = rng.randint(1, 28)
        seq = rng.randint(1, 499) * 2 + (1 if sex == "男" else 0)
        s17 = "%s%04d%02d%02d%03d" % (region, y, m, d, seq % 1000)
        s = s17 + id_check(s17)
        if s not in USED_IDS:
            USED_IDS.add(s); return s

def phone(rng=R):
    return rng.choice(["13", "15", "17", "18", "19"]) + "".join(str(rng.randint(0, 9)) for _ in range(9))

CN_NUM = "〇一二三四五六七八九"
def cn_date(y, m, d):
    def num(n):
        if n < 10: return "〇一二三四五六七八九"[n]
        if n == 10: return "十"
        if n < 20: return "十" + CN_NUM[n - 10]
        return CN_NUM[n // 10] + "十" + (CN_NUM[n % 10] if n % 10 else "")
    return "".join(CN_NUM[int(c)] for c in str(y)) + "年" + num(m) + "月" + num(d) + "日"

# ---------------------------------------------------------------- docx
def _set_font(run, east="仿宋_GB2312", size=16, bold=None, color=None, ascii_font=None):
    run.font.size = Pt(size)
    run.font.name = ascii_font or "Times New Roman"
    rpr = run._element.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = OxmlElement("w:rFonts"); rpr.insert(0, rf)
    rf.set(qn("w:eastAsia"), east)
    if bold is not None: run.font.bold = bold
    if color: run.font.color.rgb = RGBColor.from_string(color)

class Doc:
    """A docx written the way a county clerk would; records its plain text."""
    def __init__(self, gongwen=True, base_font="仿宋_GB2312", base_size=16, spacing=28):
        self.d = Document()
        self.text = []
        self.base_font, self.base_size, self.spacing = base_font, base_size, spacing
        sec = self.d.sections[0]
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        if gongwen:
            sec.top_margin, sec.left_margin, sec.right_margin, sec.bottom_margin = Mm(37), Mm(28), Mm(26), Mm(35)
        else:
            sec.top_margin = sec.bottom_margin = Mm(25.4); sec.left_margin = sec.right_margin = Mm(31.8)
        st = self.d.styles["Normal"]
        st.font.name = "Times New Roman"; st.font.size = Pt(base_size)
        st.element.get_or_add_rPr()
        rf = st.element.rPr.find(qn("w:rFonts"))
        if rf is None:
            rf = OxmlElement("w:rFonts"); st.element.rPr.insert(0, rf)
        rf.set(qn("w:eastAsia"), base_font)

    def _p(self, text, east=None, size=None, align=None, indent=True, bold=None, color=None, record=True, space_after=0):
        p = self.d.add_paragraph()
        pf = p.paragraph_format
        if self.spacing: pf.line_spacing = Pt(self.spacing)
        pf.space_after = Pt(space_after); pf.space_before = Pt(0)
        if align == "c": p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif align == "r": p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif align == "j": p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if indent and align not in ("c", "r"):
            pf.first_line_indent = Pt((size or self.base_size) * 2)
        if text:
            r = p.add_run(text)
            _set_font(r, east or self.base_font, size or self.base_size, bold, color)
            if record: self.text.append(text)
        return p

    def blank(self): return self._p("", indent=False)
    def redhead(self, org, suffix="文件"):
        self._p(org + suffix, east="方正小标宋简体", size=36, align="c", indent=False, color="FF0000")
    def line(self, text, align=None, indent=False, east=None, size=None, bold=None):
        return self._p(text, east=east, size=size, align=align, indent=indent, bold=bold)
    def docno(self, text): self._p(text, align="c", indent=False)
    def rule(self):
        p = self._p("", indent=False)
        pPr = p._p.get_or_add_pPr(); bdr = OxmlElement("w:pBdr"); b = OxmlElement("w:bottom")
        b.set(qn("w:val"), "single"); b.set(qn("w:sz"), "12"); b.set(qn("w:color"), "FF0000")
        bdr.append(b); pPr.append(bdr)
    def title(self, *lines, size=22):
        for l in lines:
            self._p(l, east="方正小标宋简体", size=size, align="c", indent=False)
    def to(self, text): self._p(text, indent=False)
    def p(self, text): self._p(text, indent=True, align="j")
    def h1(self, text): self._p(text, east="黑体", indent=True)
    def h2(self, text): self._p(text, east="楷体_GB2312", indent=True)
    def sign(self, unit, date, seal=True):
        self.blank()
        if unit:
            for u in (unit if isinstance(unit, (list, tuple)) else [unit]):
                self._p(u + ("　　" if seal else "　　　　"), align="r", indent=False)
        if date: self._p(date + ("　　　　" if seal else "　　"), align="r", indent=False)
    def table(self, rows, widths=None, size=11, header_rows=1):
        t = self.d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        t.style = "Table Grid"
        for i, r in enumerate(rows):
            for j, v in enumerate(r):
                c = t.cell(i, j); c.text = ""
                run = c.paragraphs[0].add_run(str(v))
                _set_font(run, "黑体" if i < header_rows else "仿宋_GB2312", size)
        self.text.append("\n".join("\t".join(str(v) for v in r) for r in rows))
        return t
    def footer_pageno(self):
        sec = self.d.sections[0]
        p = sec.footer.paragraphs[0]; p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run("— "); _set_font(r, "宋体", 14)
        r2 = p.add_run(); f1 = OxmlElement("w:fldChar"); f1.set(qn("w:fldCharType"), "begin")
        it = OxmlElement("w:instrText"); it.text = "PAGE"; f2 = OxmlElement("w:fldChar"); f2.set(qn("w:fldCharType"), "end")
        r2._r.append(f1); r2._r.append(it); r2._r.append(f2)
        r3 = p.add_run(" —"); _set_font(r3, "宋体", 14)
    def banji(self, chaosong, yinfa, date):
        self.blank()
        if chaosong: self._p("抄送：" + chaosong + "。", size=14, indent=False)
        self._p(yinfa + "　　　　　　　　" + date + "印发", size=14, indent=False)
    def save(self, path, author="Administrator", core_title="", created=None, modified_by=None):
        cp = self.d.core_properties
        cp.author = author or ""
        cp.title = core_title or ""
        cp.last_modified_by = modified_by if modified_by is not None else (author or "")
        if created:
            cp.created = created; cp.modified = created + datetime.timedelta(hours=R.randint(1, 60))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        self.d.save(path)
        return "\n".join(self.text)

# ---------------------------------------------------------------- xlsx
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

class SB:
    """Sheet builder: appends rows, remembers 1-based row numbers."""
    def __init__(self, ws):
        self.ws = ws; self.r = 0; self.header_map = {}
    def title(self, text, ncols, size=16, font="方正小标宋简体", height=30):
        self.r += 1
        c = self.ws.cell(self.r, 1, text); c.font = Font(name=font, size=size, bold=True)
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if ncols > 1: self.ws.merge_cells(start_row=self.r, start_column=1, end_row=self.r, end_column=ncols)
        self.ws.row_dimensions[self.r].height = height
        return self.r
    def line(self, cells, merge_to=None, font=None, align=None):
        self.r += 1
        if isinstance(cells, str): cells = [cells]
        for j, v in enumerate(cells):
            if v is None: continue
            c = self.ws.cell(self.r, j + 1, v)
            c.font = font or Font(name="宋体", size=10)
            if align: c.alignment = Alignment(horizontal=align)
        if merge_to and merge_to > 1:
            self.ws.merge_cells(start_row=self.r, start_column=1, end_row=self.r, end_column=merge_to)
        return self.r
    def blank(self):
        self.r += 1; return self.r
    def header(self, rows, merges=(), widths=None):
        """rows: list of header rows; merges: (r, c, r2, c2) 0-based relative. Column names: lowest non-empty."""
        r0 = self.r + 1
        for i, hr in enumerate(rows):
            self.r += 1
            for j, v in enumerate(hr):
                c = self.ws.cell(self.r, j + 1, v if v != "" else None)
                c.font = Font(name="黑体", size=10); c.border = BOX
                c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for (a, b, c2, d) in merges:
            self.ws.merge_cells(start_row=r0 + a, start_column=b + 1, end_row=r0 + c2, end_column=d + 1)
        ncol = max(len(h) for h in rows)
        for j in range(ncol):
            nm = None
            for hr in reversed(rows):
                if j < len(hr) and hr[j] not in ("", None):
                    nm = hr[j]; break
            self.header_map[j + 1] = nm
        if widths:
            for j, w in enumerate(widths):
                self.ws.column_dimensions[openpyxl.utils.get_column_letter(j + 1)].width = w
        return self.r
    def row(self, vals, fmt=None, bold=False):
        self.r += 1
        for j, v in enumerate(vals):
            c = self.ws.cell(self.r, j + 1, v)
            c.border = BOX; c.font = Font(name="宋体", size=10, bold=bold)
            if fmt and j < len(fmt) and fmt[j] and not isinstance(v, str): c.number_format = fmt[j]
        return self.r
    def col(self, header):
        for k, v in self.header_map.items():
            if v == header: return k
        raise KeyError(header)

def wb_text(wb):
    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if v is not None: out.append(str(v))
    return "\n".join(out)

def save_wb(wb, path, author=None, created=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    wb.properties.creator = author or "Administrator"
    wb.properties.lastModifiedBy = author or "Administrator"
    if created: wb.properties.created = created; wb.properties.modified = created
    wb.save(path)
    return wb_text(wb)

# ---------------------------------------------------------------- images
def font(sz, bold=False, sans=False):
    f = (FONT_SANS_B if bold else FONT_SANS) if sans else (FONT_SERIF_B if bold else FONT_SERIF)
    return ImageFont.truetype(f, sz, index=2)  # index 2 = SC in the ttc

def render_page(lines, w=1240, h=1754, margin=110, rng=R, seal=None, table=None):
    """Render a paper page. lines: list of (text, size, align, bold). table: (y0, rows, colw) drawn after lines."""
    im = Image.new("L", (w, h), 250)
    dr = ImageDraw.Draw(im)
    y = margin
    for it in lines:
        if it is None: y += 30; continue
        if it[0] == "__TABLE__":
            _, rows, colw, rh = it
            x0 = margin; tw = sum(colw)
            for i, r in enumerate(rows):
                dr.rectangle([x0, y, x0 + tw, y + rh], outline=30, width=2)
                x = x0
                for j, v in enumerate(r):
                    if j: dr.line([x, y, x, y + rh], fill=30, width=2)
                    f = font(24 if i else 24, bold=(i == 0))
                    dr.text((x + 6, y + (rh - 28) // 2), str(v), font=f, fill=20)
                    x += colw[j]
                y += rh
            y += 20; continue
        text, sz, al, bd = it
        f = font(sz, bold=bd)
        tw = dr.textlength(text, font=f)
        x = margin if al == "l" else ((w - tw) / 2 if al == "c" else w - margin - tw)
        if al == "i": x = margin + sz * 2
        dr.text((x, y), text, font=f, fill=rng.randint(10, 40))
        y += int(sz * 1.75)
    if seal:
        cx, cy, txt = seal
        sim = Image.new("L", (w, h), 0); sd = ImageDraw.Draw(sim)
        sd.ellipse([cx - 120, cy - 120, cx + 120, cy + 120], outline=255, width=8)
        sd.text((cx - 20, cy - 25), "★", font=font(50), fill=255)
        ff = font(26, bold=True)
        for k, ch in enumerate(txt):
            ang = math.radians(200 + k * (140 / max(1, len(txt) - 1)))
            sd.text((cx + 88 * math.cos(ang) - 13, cy + 88 * math.sin(ang) - 13), ch, font=ff, fill=255)
        im = im.convert("RGB")
        red = Image.new("RGB", (w, h), (210, 40, 40))
        im = Image.composite(red, im, sim.point(lambda v: int(v * 0.75)))
    return im

def degrade(im, rng=R, angle=None, noise=18, blur=0.6):
    im = im.convert("RGB")
    a = angle if angle is not None else rng.uniform(-1.6, 1.6)
    im = im.rotate(a, resample=Image.BICUBIC, expand=False, fillcolor=(235, 235, 232))
    px = im.load(); w, h = im.size
    for _ in range(int(w * h * 0.004)):
        x, y = rng.randrange(w), rng.randrange(h); v = rng.randint(80, 200)
        px[x, y] = (v, v, v)
    im = im.filter(ImageFilter.GaussianBlur(blur))
    return im

def save_scan_pdf(pages, path, dpi=150):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    pages = [p.convert("L") for p in pages]
    buf = []
    for p in pages:
        b = io.BytesIO(); p.save(b, "JPEG", quality=55); b.seek(0); buf.append(Image.open(b))
    buf[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=buf[1:])

def make_exif(dt=None, desc=None, artist=None, xptitle=None, gps=None, make="HUAWEI", model="ELE-AL00"):
    ex = Image.Exif()
    ex[0x010F] = make; ex[0x0110] = model
    if desc: ex[0x010E] = desc.encode("utf-8")
    if artist: ex[0x013B] = artist.encode("utf-8")
    if xptitle: ex[0x9C9B] = xptitle.encode("utf-16le") + b"\x00\x00"
    if dt:
        s = dt.strftime("%Y:%m:%d %H:%M:%S")
        ex[0x0132] = s
        e2 = ex.get_ifd(0x8769); e2[0x9003] = s; e2[0x9004] = s
    if gps:
        lat, lon = gps
        def dms(v):
            d = int(v); m = int((v - d) * 60); s = round(((v - d) * 60 - m) * 60, 2)
            return (IFDRational(d), IFDRational(m), IFDRational(int(s * 100), 100))
        g = ex.get_ifd(0x8825)
        g[0] = b"\x02\x02\x00\x00"; g[1] = "N"; g[2] = dms(lat); g[3] = "E"; g[4] = dms(lon)
    return ex

def scene(kind, rng=R, w=1280, h=960):
    """A synthetic outdoor/indoor photo: gradient sky, ground, simple shapes."""
    im = Image.new("RGB", (w, h)); dr = ImageDraw.Draw(im)
    sky = [(rng.randint(120, 180), rng.randint(160, 200), rng.randint(200, 240)), (230, 235, 240)]
    hz = int(h * rng.uniform(0.35, 0.5))
    for y in range(hz):
        t = y / hz; dr.line([0, y, w, y], fill=tuple(int(sky[0][i] * (1 - t) + sky[1][i] * t) for i in range(3)))
    ground = {"field": (90, 140, 60), "road": (120, 120, 115), "village": (140, 125, 100), "indoor": (180, 170, 150),
              "water": (70, 110, 130), "toilet": (150, 140, 130), "solar": (110, 130, 80)}[kind]
    for y in range(hz, h):
        t = (y - hz) / (h - hz); dr.line([0, y, w, y], fill=tuple(max(0, int(c * (1 - 0.35 * t))) for c in ground))
    if kind == "indoor":
        dr.rectangle([0, 0, w, hz], fill=(225, 222, 210))
        for i in range(rng.randint(6, 12)):
            x = rng.randint(0, w - 120); y = rng.randint(hz - 40, h - 160)
            dr.rectangle([x, y, x + rng.randint(60, 140), y + rng.randint(80, 160)], fill=(rng.randint(30, 90), rng.randint(30, 90), rng.randint(60, 140)))
        dr.rectangle([w // 4, 60, 3 * w // 4, 180], fill=(190, 30, 30))
    for i in range(rng.randint(3, 7)):
        x = rng.randint(0, w - 200); bw = rng.randint(120, 300); bh = rng.randint(100, 260)
        col = (rng.randint(200, 245), rng.randint(195, 240), rng.randint(185, 230))
        if kind in ("village", "toilet", "road"):
            dr.rectangle([x, hz - bh + 40, x + bw, hz + 40], fill=col, outline=(90, 80, 70))
            dr.polygon([(x - 10, hz - bh + 40), (x + bw // 2, hz - bh - 30), (x + bw + 10, hz - bh + 40)], fill=(90, 90, 100))
    if kind == "solar":
        for i in range(6):
            for j in range(3):
                x = 80 + i * 190; y = hz + 40 + j * 140
                dr.polygon([(x, y + 100), (x + 160, y + 100), (x + 190, y), (x + 30, y)], fill=(30, 45, 90), outline=(200, 200, 210))
    if kind == "road":
        dr.polygon([(w * 0.4, hz), (w * 0.6, hz), (w * 0.95, h), (w * 0.05, h)], fill=(70, 70, 72))
        for k in range(6):
            yy = hz + (h - hz) * k / 6; dr.line([w / 2, yy, w / 2, yy + 30], fill=(240, 240, 240), width=6)
    for i in range(rng.randint(4, 12)):
        x = rng.randint(0, w); y = rng.randint(hz - 80, hz + 60); r = rng.randint(25, 70)
        dr.ellipse([x - r, y - r, x + r, y + r], fill=(rng.randint(30, 70), rng.randint(90, 130), rng.randint(30, 60)))
    im = im.filter(ImageFilter.GaussianBlur(1.2))
    px = im.load()
    for _ in range(w * h // 60):
        x, y = rng.randrange(w), rng.randrange(h); c = px[x, y]; d = rng.randint(-18, 18)
        px[x, y] = tuple(max(0, min(255, v + d)) for v in c)
    return im

def burn_caption(im, lines, corner="bl"):
    dr = ImageDraw.Draw(im, "RGBA"); f = font(30, sans=True, bold=True)
    w, h = im.size; lh = 42; bh = lh * len(lines) + 24
    bw = max(dr.textlength(l, font=f) for l in lines) + 40
    x0 = 20 if corner == "bl" else w - bw - 20; y0 = h - bh - 20
    dr.rectangle([x0, y0, x0 + bw, y0 + bh], fill=(0, 0, 0, 120))
    for i, l in enumerate(lines):
        dr.text((x0 + 20, y0 + 12 + i * lh), l, font=f, fill=(255, 255, 255, 255))
    return im

def save_jpeg(im, path, exif=None, quality=78):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if exif is not None: im.save(path, "JPEG", quality=quality, exif=exif)
    else: im.save(path, "JPEG", quality=quality)

def form_photo(page, rng=R):
    """A phone photo of a paper form lying on a desk: perspective-ish, shadow, warm light."""
    page = page.convert("RGB").resize((page.width * 3 // 4, page.height * 3 // 4))
    W, H = page.width + 260, page.height + 200
    bg = Image.new("RGB", (W, H), (118, 92, 66)); dr = ImageDraw.Draw(bg)
    for i in range(0, W, 7):
        dr.line([i, 0, i + rng.randint(-30, 30), H], fill=(rng.randint(100, 130), rng.randint(78, 98), rng.randint(55, 72)))
    pg = page.rotate(rng.uniform(-5, 5), expand=True, fillcolor=(118, 92, 66))
    bg.paste(pg, (rng.randint(60, 150), rng.randint(40, 110)))
    w, h = bg.size
    coeffs = (1 + rng.uniform(-0.03, 0.03), rng.uniform(-0.04, 0.04), 0, rng.uniform(-0.02, 0.02), 1, 0,
              rng.uniform(-0.00004, 0.00004), rng.uniform(-0.00003, 0.00003))
    bg = bg.transform((w, h), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=(110, 88, 60))
    shade = Image.new("L", (w, h), 0); sd = ImageDraw.Draw(shade)
    sd.ellipse([-w // 2, h // 3, w // 2, h + h // 2], fill=70); shade = shade.filter(ImageFilter.GaussianBlur(120))
    bg = Image.composite(Image.new("RGB", (w, h), (40, 30, 20)), bg, shade)
    bg = bg.filter(ImageFilter.GaussianBlur(0.9))
    return bg.resize((w * 2 // 3, h * 2 // 3))
