# -*- coding: utf-8 -*-
"""Builders used by make_set.py: docx / xlsx / jpg (with hand-built EXIF) / image-only PDF.

Everything here is deterministic: no wall-clock time, fixed zip timestamps, seeded RNGs.
"""
import io
import math
import random
import struct
import zipfile
import datetime as dt
from xml.sax.saxutils import escape

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageEnhance

SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SANS_B = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SERIF_B = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
_FONTS = {}


def font(size, kind="sans"):
    key = (size, kind)
    if key not in _FONTS:
        path = {"sans": SANS, "sansb": SANS_B, "serif": SERIF, "serifb": SERIF_B}[kind]
        _FONTS[key] = ImageFont.truetype(path, size, index=2)  # index 2 = SC
    return _FONTS[key]


TZ8 = dt.timedelta(hours=8)


def utc_str(local):
    """local Beijing datetime -> W3CDTF UTC string"""
    return (local - TZ8).strftime("%Y-%m-%dT%H:%M:%SZ")


# --------------------------------------------------------------------------- zip / core.xml

def core_xml(title, creator, last_by, created, modified, revision=2, category=None):
    cat = f"<cp:category>{escape(category)}</cp:category>" if category else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title or '')}</dc:title><dc:creator>{escape(creator)}</dc:creator>{cat}"
        f"<cp:lastModifiedBy>{escape(last_by)}</cp:lastModifiedBy><cp:revision>{revision}</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{utc_str(created)}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{utc_str(modified)}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def rezip(raw, core, stamp):
    """Rewrite an OOXML package: replace docProps/core.xml, fixed timestamps, fixed order."""
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    names = src.namelist()
    if "docProps/core.xml" not in names:
        names.append("docProps/core.xml")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in names:
            data = core.encode("utf-8") if n == "docProps/core.xml" else src.read(n)
            if n == "[Content_Types].xml" and b"core-properties" not in data:
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>')
            zi = zipfile.ZipInfo(n, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return out.getvalue()


def zip_stamp(d):
    d = max(d, dt.datetime(1980, 1, 2))
    return (d.year, d.month, d.day, d.hour, d.minute, d.second - d.second % 2)


# --------------------------------------------------------------------------- docx
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor, Twips

STYLES = {
    # body font, body size, line spacing rule, heading1 font, heading2 font, title font
    "formal": dict(body="仿宋_GB2312", size=16, line=("exact", 28), h1="黑体", h2="楷体_GB2312",
                   title="方正小标宋简体", tsize=22, margins=(2098, 1474, 1984, 1588), pgnum="outer"),
    "internal": dict(body="仿宋_GB2312", size=16, line=("exact", 28.95), h1="黑体", h2="楷体_GB2312",
                     title="方正小标宋简体", tsize=22, margins=(2098, 1474, 1984, 1588), pgnum="center"),
    "office": dict(body="仿宋", size=16, line=("multiple", 1.5), h1="黑体", h2="楷体",
                   title="宋体", tsize=20, margins=(1440, 1800, 1440, 1800), pgnum="center", tbold=True),
    "sloppy": dict(body="宋体", size=12, line=("multiple", 1.5), h1="宋体", h2="宋体",
                   title="宋体", tsize=18, margins=(1440, 1800, 1440, 1800), pgnum=None, tbold=True, hbold=True),
}


def _set_run_font(run, name, size, bold=False, color=None):
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold if bold else None
    rpr = run._element.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = OxmlElement("w:rFonts")
        rpr.insert(0, rf)
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rf.set(qn(a), name)
    if color:
        run.font.color.rgb = RGBColor(*color)


def _fmt_par(p, st, indent=True, align=None, space_before=0):
    pf = p.paragraph_format
    kind, val = st["line"]
    if kind == "exact":
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(val)
    else:
        pf.line_spacing = val
    pf.space_after = Pt(0)
    pf.space_before = Pt(space_before)
    if indent:
        pf.first_line_indent = Pt(st["size"] * 2)
    if align is not None:
        p.alignment = align


def _page_field(par):
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        r = par.add_run()
        if kind:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            r._element.append(fc)
        else:
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = text
            r._element.append(it)
        _set_run_font(r, "宋体", 14)


def _bottom_border(p, color="FF0000", sz=12):
    ppr = p._element.get_or_add_pPr()
    b = OxmlElement("w:pBdr")
    bot = OxmlElement("w:bottom")
    bot.set(qn("w:val"), "single")
    bot.set(qn("w:sz"), str(sz))
    bot.set(qn("w:space"), "1")
    bot.set(qn("w:color"), color)
    b.append(bot)
    ppr.append(b)


def build_docx(spec):
    """spec keys: title, body [(kind, text|payload)], style, banner (发文机关标志), wenhao, recipient,
    sign, date_text, attachments, props (title, creator, last_by, created, modified, revision)."""
    st = STYLES[spec.get("style", "internal")]
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Twips(11906), Twips(16838)
    top, right, bottom, left = st["margins"]
    sec.top_margin, sec.right_margin, sec.bottom_margin, sec.left_margin = (Twips(top), Twips(right), Twips(bottom), Twips(left))
    normal = doc.styles["Normal"]
    normal.font.name = st["body"]
    normal.font.size = Pt(st["size"])
    normal.element.get_or_add_rPr()
    rf = normal.element.rPr.find(qn("w:rFonts"))
    if rf is None:
        rf = OxmlElement("w:rFonts")
        normal.element.rPr.insert(0, rf)
    rf.set(qn("w:eastAsia"), st["body"])
    size = st["size"]

    if spec.get("banner"):
        p = doc.add_paragraph()
        _fmt_par(p, st, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, space_before=60)
        _set_run_font(p.add_run(spec["banner"]), "方正小标宋简体", 36, color=(0xE6, 0, 0))
        doc.add_paragraph()
        p = doc.add_paragraph()
        _fmt_par(p, st, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
        _set_run_font(p.add_run(spec.get("wenhao", "")), st["body"], size)
        _bottom_border(p)
        doc.add_paragraph()
    elif spec.get("wenhao"):
        p = doc.add_paragraph()
        _fmt_par(p, st, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
        _set_run_font(p.add_run(spec["wenhao"]), st["body"], size)

    for i, line in enumerate(spec["title"].split("\n")):
        p = doc.add_paragraph()
        _fmt_par(p, st, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
        if st["line"][0] == "exact":
            p.paragraph_format.line_spacing = Pt(max(st["line"][1], st["tsize"] + 10))
        _set_run_font(p.add_run(line), st["title"], st["tsize"], bold=st.get("tbold", False))
    if spec.get("subtitle"):
        p = doc.add_paragraph()
        _fmt_par(p, st, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
        _set_run_font(p.add_run(spec["subtitle"]), "楷体_GB2312", size)
    doc.add_paragraph()
    if spec.get("recipient"):
        p = doc.add_paragraph()
        _fmt_par(p, st, indent=False)
        _set_run_font(p.add_run(spec["recipient"]), st["body"], size)

    for item in spec["body"]:
        kind, text = item[0], item[1]
        if kind == "table":
            _add_table(doc, text, st)
            continue
        if kind == "image":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run().add_picture(io.BytesIO(text), width=Cm(item[2] if len(item) > 2 else 12))
            continue
        p = doc.add_paragraph()
        if kind == "h1":
            _fmt_par(p, st)
            _set_run_font(p.add_run(text), st["h1"], size, bold=st.get("hbold", False))
        elif kind == "h2":
            _fmt_par(p, st)
            _set_run_font(p.add_run(text), st["h2"], size, bold=st.get("hbold", False))
        elif kind == "center":
            _fmt_par(p, st, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
            _set_run_font(p.add_run(text), st["body"], size)
        elif kind == "left":
            _fmt_par(p, st, indent=False)
            _set_run_font(p.add_run(text), st["body"], size)
        elif kind == "right":
            _fmt_par(p, st, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
            _set_run_font(p.add_run(text), st["body"], size)
        else:  # p
            _fmt_par(p, st)
            _set_run_font(p.add_run(text), st["body"], size)

    if spec.get("attachments"):
        doc.add_paragraph()
        for j, a in enumerate(spec["attachments"]):
            p = doc.add_paragraph()
            _fmt_par(p, st)
            _set_run_font(p.add_run(("附件：" if j == 0 else "　　　") + f"{j + 1}．{a}"), st["body"], size)
    if spec.get("sign") or spec.get("date_text"):
        doc.add_paragraph()
        doc.add_paragraph()
        for t in (spec.get("sign"), spec.get("date_text")):
            if not t:
                continue
            p = doc.add_paragraph()
            _fmt_par(p, st, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
            p.paragraph_format.right_indent = Pt(size * 2)
            _set_run_font(p.add_run(t), st["body"], size)
    if spec.get("tail"):
        for t in spec["tail"]:
            p = doc.add_paragraph()
            _fmt_par(p, st, indent=False)
            _set_run_font(p.add_run(t), st["body"], 14)

    if st["pgnum"]:
        fp = sec.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER if st["pgnum"] == "center" else WD_ALIGN_PARAGRAPH.RIGHT
        r = fp.add_run("— ")
        _set_run_font(r, "宋体", 14)
        _page_field(fp)
        r = fp.add_run(" —")
        _set_run_font(r, "宋体", 14)

    buf = io.BytesIO()
    doc.save(buf)
    pr = spec["props"]
    core = core_xml(pr.get("title", spec["title"].replace("\n", "")), pr["creator"], pr.get("last_by", pr["creator"]),
                    pr["created"], pr["modified"], pr.get("revision", 3))
    return rezip(buf.getvalue(), core, zip_stamp(pr["modified"]))


def _add_table(doc, rows, st):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            c = t.cell(i, j)
            c.text = ""
            r = c.paragraphs[0].add_run(str(v))
            _set_run_font(r, "仿宋_GB2312" if st["body"].startswith("仿宋") else st["body"], 10.5, bold=(i == 0))
    doc.add_paragraph()


# --------------------------------------------------------------------------- xlsx
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter


def build_xlsx(spec):
    """spec: sheets [(name, title, header, rows, footer_lines)], props"""
    wb = Workbook()
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for si, sh in enumerate(spec["sheets"]):
        name, title, header, rows = sh[:4]
        footer = sh[4] if len(sh) > 4 else []
        ws = wb.active if si == 0 else wb.create_sheet()
        ws.title = name
        ncol = len(header)
        r0 = 1
        if title:
            ws.cell(1, 1, title).font = Font(name="宋体", size=16, bold=True)
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
            ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
            ws.row_dimensions[1].height = 30
            r0 = 2
            if len(sh) > 5 and sh[5]:
                ws.cell(2, 1, sh[5]).font = Font(name="宋体", size=10)
                ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol)
                r0 = 3
        for j, h in enumerate(header):
            c = ws.cell(r0, j + 1, h)
            c.font = Font(name="黑体", size=11, bold=True)
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            c.border = border
        widths = [max(6, len(str(h)) * 2 + 2) for h in header]
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                c = ws.cell(r0 + 1 + i, j + 1, v)
                c.font = Font(name="宋体", size=10)
                c.border = border
                if isinstance(v, float):
                    c.number_format = "0.00" if abs(v - round(v, 2)) < 1e-9 and round(v, 1) != v else "0.0"
                widths[j] = min(40, max(widths[j], len(str(v)) * 2 if isinstance(v, str) else 10))
        for j, w in enumerate(widths):
            ws.column_dimensions[get_column_letter(j + 1)].width = w
        rr = r0 + len(rows) + 2
        for f in footer:
            ws.cell(rr, 1, f).font = Font(name="宋体", size=10)
            rr += 1
    buf = io.BytesIO()
    wb.save(buf)
    pr = spec["props"]
    core = core_xml(pr.get("title", ""), pr["creator"], pr.get("last_by", pr["creator"]), pr["created"], pr["modified"], 1)
    return rezip(buf.getvalue(), core, zip_stamp(pr["modified"]))


# --------------------------------------------------------------------------- EXIF (hand-built TIFF)

def _ascii(s):
    b = s.encode("utf-8") if isinstance(s, str) else s
    return b + b"\0"


def _rat(v):
    return v


def _ifd(entries, start):
    """entries: list of (tag, type, count, payload bytes). returns bytes; offsets relative to TIFF start."""
    entries = sorted(entries, key=lambda e: e[0])
    n = len(entries)
    head = 2 + n * 12 + 4
    data = b""
    out = struct.pack("<H", n)
    for tag, typ, count, payload in entries:
        if len(payload) <= 4:
            out += struct.pack("<HHI", tag, typ, count) + payload.ljust(4, b"\0")
        else:
            off = start + head + len(data)
            out += struct.pack("<HHII", tag, typ, count, off)
            data += payload
            if len(data) % 2:
                data += b"\0"
    out += struct.pack("<I", 0)
    return out + data


def _ifd_size(entries):
    n = len(entries)
    size = 2 + n * 12 + 4
    for e in entries:
        if len(e[3]) > 4:
            size += len(e[3]) + (len(e[3]) % 2)
    return size


def exif_bytes(when=None, make=None, model=None, desc=None, xptitle=None, xpcomment=None, gps=None,
               software=None, size=None):
    def a(tag, s):
        b = _ascii(s)
        return (tag, 2, len(b), b)

    ifd0 = []
    if make:
        ifd0.append(a(0x010F, make))
    if model:
        ifd0.append(a(0x0110, model))
    if desc:
        ifd0.append(a(0x010E, desc))
    if software:
        ifd0.append(a(0x0131, software))
    if when:
        ifd0.append(a(0x0132, when.strftime("%Y:%m:%d %H:%M:%S")))
    for tag, s in ((0x9C9B, xptitle), (0x9C9C, xpcomment)):
        if s:
            b = s.encode("utf-16-le") + b"\0\0"
            ifd0.append((tag, 1, len(b), b))
    exif = []
    if when:
        exif.append((0x9000, 7, 4, b"0231"))
        exif.append(a(0x9003, when.strftime("%Y:%m:%d %H:%M:%S")))
        exif.append(a(0x9004, when.strftime("%Y:%m:%d %H:%M:%S")))
        if size:
            exif.append((0xA002, 4, 1, struct.pack("<I", size[0])))
            exif.append((0xA003, 4, 1, struct.pack("<I", size[1])))
    gpse = []
    if gps:
        lat, lon = gps

        def dms(v):
            v = abs(v)
            d = int(v)
            m = int((v - d) * 60)
            s = round(((v - d) * 60 - m) * 60 * 1000)
            return struct.pack("<IIIIII", d, 1, m, 1, s, 1000)

        gpse = [(0, 1, 4, bytes([2, 3, 0, 0])), (1, 2, 2, b"N\0" if lat >= 0 else b"S\0"), (2, 5, 3, dms(lat)),
                (3, 2, 2, b"E\0" if lon >= 0 else b"W\0"), (4, 5, 3, dms(lon))]
    # pointers placeholders
    if exif:
        ifd0.append((0x8769, 4, 1, b"\0\0\0\0"))
    if gpse:
        ifd0.append((0x8825, 4, 1, b"\0\0\0\0"))
    off0 = 8
    s0 = _ifd_size(ifd0)
    off_exif = off0 + s0
    s_exif = _ifd_size(exif) if exif else 0
    off_gps = off_exif + s_exif
    ifd0 = [(t, ty, c, struct.pack("<I", off_exif) if t == 0x8769 else struct.pack("<I", off_gps) if t == 0x8825 else p)
            for t, ty, c, p in ifd0]
    tiff = b"II*\0" + struct.pack("<I", 8) + _ifd(ifd0, off0)
    if exif:
        tiff += _ifd(exif, off_exif)
    if gpse:
        tiff += _ifd(gpse, off_gps)
    return b"Exif\0\0" + tiff


def save_jpg(img, quality=82, exif=None):
    buf = io.BytesIO()
    kw = dict(quality=quality, optimize=False, subsampling=2)
    if exif:
        kw["exif"] = exif
    img.convert("RGB").save(buf, "JPEG", **kw)
    return buf.getvalue()


# --------------------------------------------------------------------------- scenes

def _lerp(c1, c2, t):
    return tuple(int(a + (b - a) * t) for a, b in zip(c1, c2))


def _text_box(d, xy, text, fsize, fill=(255, 255, 255), bg=(180, 20, 20), pad=6, kind="sansb"):
    f = font(fsize, kind)
    x, y = xy
    bb = d.textbbox((x, y), text, font=f)
    d.rectangle((bb[0] - pad, bb[1] - pad, bb[2] + pad, bb[3] + pad), fill=bg)
    d.text((x, y), text, font=f, fill=fill)
    return bb


def person(d, x, y, h, rng, vest=None):
    skin = (rng.randint(190, 230), rng.randint(150, 180), rng.randint(120, 150))
    body = vest or rng.choice([(40, 60, 120), (90, 90, 90), (150, 40, 40), (230, 120, 20), (30, 110, 60), (200, 200, 190)])
    w = h * 0.28
    d.ellipse((x - w * 0.35, y - h, x + w * 0.35, y - h + w * 0.7), fill=skin)
    d.rectangle((x - w / 2, y - h + w * 0.7, x + w / 2, y - h * 0.45), fill=body)
    legs = rng.choice([(30, 30, 40), (60, 50, 40), (20, 40, 80)])
    d.rectangle((x - w / 2, y - h * 0.45, x - w * 0.05, y), fill=legs)
    d.rectangle((x + w * 0.05, y - h * 0.45, x + w / 2, y), fill=legs)


def tree(d, x, y, s, rng, season=0.0):
    d.rectangle((x - s * 0.06, y - s * 0.5, x + s * 0.06, y), fill=(90, 60, 35))
    base = _lerp((40, 110, 45), (150, 130, 60), season)
    for _ in range(5):
        dx, dy, r = rng.uniform(-.25, .25) * s, rng.uniform(-.95, -.55) * s, rng.uniform(.18, .3) * s
        col = tuple(max(0, min(255, c + rng.randint(-20, 20))) for c in base)
        d.ellipse((x + dx - r, y + dy - r, x + dx + r, y + dy + r), fill=col)


class Scene:
    """A site is fixed by site_seed (composition); a shot by shot_seed (light, people, noise, small camera shift)."""

    def __init__(self, kind, site_seed, W=1024, H=768):
        self.kind, self.W, self.H = kind, W, H
        r = random.Random(site_seed)
        self.site = r
        self.p = dict(
            horizon=r.uniform(0.30, 0.58),
            mtn=[(r.uniform(0, 1), r.uniform(0.05, 0.28)) for _ in range(r.randint(3, 7))],
            mtn_col=r.choice([(70, 110, 90), (90, 120, 110), (60, 95, 80), (110, 125, 120)]),
            ground=r.choice([(110, 140, 70), (130, 125, 80), (95, 130, 60), (140, 130, 100)]),
            objx=r.uniform(0.22, 0.72), objw=r.uniform(0.28, 0.5), objh=r.uniform(0.18, 0.32),
            trees=[(r.uniform(0, 1), r.uniform(0.0, 0.25), r.uniform(0.08, 0.2)) for _ in range(r.randint(1, 6))],
            roof=r.choice([(60, 70, 90), (150, 60, 40), (90, 90, 95), (40, 90, 140), (120, 40, 30)]),
            wall=r.choice([(235, 232, 222), (220, 215, 200), (240, 240, 238), (210, 200, 185)]),
            side=r.random() < 0.5, houses=[(r.uniform(0, 1), r.uniform(0.05, 0.13)) for _ in range(r.randint(0, 4))],
            road_vp=r.uniform(0.35, 0.65), road_w=r.uniform(0.35, 0.7),
        )

    def render(self, shot_seed, state="normal", sign=None, watermark=None, season=0.0, weather=None):
        W, H, p = self.W, self.H, self.p
        r = random.Random(shot_seed)
        img = Image.new("RGB", (W, H))
        d = ImageDraw.Draw(img)
        weather = weather or r.choice(["clear", "clear", "cloudy", "overcast"])
        top = {"clear": (95, 150, 215), "cloudy": (140, 170, 205), "overcast": (170, 175, 180)}[weather]
        bot = {"clear": (200, 220, 240), "cloudy": (210, 220, 230), "overcast": (205, 205, 205)}[weather]
        hy = int(H * (p["horizon"] + r.uniform(-0.02, 0.02)))
        for y in range(hy + 1):
            d.line((0, y, W, y), fill=_lerp(top, bot, y / max(1, hy)))
        for _ in range(r.randint(0, 5) if weather != "overcast" else 0):
            cx, cy, cw = r.uniform(0, W), r.uniform(0, hy * 0.6), r.uniform(60, 200)
            for k in range(4):
                d.ellipse((cx + k * cw * 0.25 - cw * 0.3, cy - cw * 0.12, cx + k * cw * 0.25 + cw * 0.3, cy + cw * 0.14), fill=(245, 245, 248))
        # mountains
        pts = [(0, hy)]
        for mx, mh in sorted(p["mtn"]):
            pts.append((mx * W, hy - mh * H))
        pts += [(W, hy)]
        smooth = []
        for i in range(len(pts) - 1):
            (x1, y1), (x2, y2) = pts[i], pts[i + 1]
            for t in np.linspace(0, 1, 12):
                smooth.append((x1 + (x2 - x1) * t, y1 + (y2 - y1) * (1 - math.cos(t * math.pi)) / 2))
        haze = 0.25 if weather == "overcast" else 0.0
        d.polygon(smooth + [(W, hy), (0, hy)], fill=_lerp(p["mtn_col"], bot, haze))
        # ground
        g = _lerp(p["ground"], (150, 130, 80), season)
        for y in range(hy, H):
            t = (y - hy) / max(1, H - hy)
            d.line((0, y, W, y), fill=_lerp(_lerp(g, (200, 200, 200), 0.15), g, t))
        sh = r.uniform(-0.03, 0.03) * W  # camera shift
        for hx, hs in p["houses"]:
            x0 = hx * W + sh
            hh = hs * H
            d.rectangle((x0, hy - hh, x0 + hh * 1.4, hy + 4), fill=_lerp(p["wall"], (180, 170, 160), 0.4))
            d.polygon([(x0 - 5, hy - hh), (x0 + hh * 0.7, hy - hh * 1.5), (x0 + hh * 1.4 + 5, hy - hh)], fill=(110, 80, 70))
        getattr(self, "_" + self.kind)(d, img, r, hy, sh, state, season)
        for tx, ty, ts in p["trees"]:
            tree(d, tx * W + sh, hy + ty * (H - hy), ts * H * (1 + ty), random.Random(int(tx * 1e6)), season)
        if state in ("before",) and self.kind not in ("road",):
            for _ in range(r.randint(2, 5)):
                cx, cy, s = r.uniform(0.05, 0.95) * W, r.uniform(hy + 40, H - 20), r.uniform(15, 45)
                for k in range(6):
                    col = r.choice([(120, 100, 80), (80, 80, 80), (200, 200, 210), (60, 90, 150), (170, 50, 50)])
                    ex, ey = cx + r.uniform(-s, s), cy + r.uniform(-s / 2, 0)
                    d.ellipse((ex, ey, ex + r.uniform(s * .4, s * 1.2), ey + r.uniform(s * .2, s * .6)), fill=col)
        for _ in range(r.randint(0, 4)):
            px = r.uniform(0.05, 0.95) * W
            py = r.uniform(hy + 0.25 * (H - hy), H - 10)
            person(d, px, py, (py - hy) * 0.55 + 20, r, vest=r.choice([None, (235, 110, 20), (200, 30, 30)]))
        if sign:
            sx, sy = int(W * r.uniform(0.05, 0.2)), int(hy + (H - hy) * 0.15)
            f = font(26, "sansb")
            bw = max(d.textlength(s, font=f) for s in sign.split("\n")) + 30
            bh = 40 * len(sign.split("\n")) + 16
            d.rectangle((sx + bw * 0.2, sy + bh, sx + bw * 0.2 + 8, sy + bh + 90), fill=(120, 120, 120))
            d.rectangle((sx + bw * 0.8, sy + bh, sx + bw * 0.8 + 8, sy + bh + 90), fill=(120, 120, 120))
            d.rectangle((sx, sy, sx + bw, sy + bh), fill=(20, 80, 160), outline=(240, 240, 240), width=3)
            for k, s in enumerate(sign.split("\n")):
                d.text((sx + 15, sy + 8 + 40 * k), s, font=f, fill=(255, 255, 255))
        # lighting
        arr = np.asarray(img).astype(np.float32)
        gain = r.uniform(0.88, 1.1)
        tint = np.array([r.uniform(0.96, 1.04), 1.0, r.uniform(0.95, 1.05)])
        arr = arr * gain * tint
        yy = np.linspace(-1, 1, H)[:, None]
        xx = np.linspace(-1, 1, W)[None, :]
        vign = 1 - 0.18 * (xx ** 2 + yy ** 2)
        arr *= vign[..., None]
        nrng = np.random.default_rng(shot_seed & 0xFFFFFFFF)
        arr += nrng.normal(0, r.uniform(3, 7), arr.shape)
        img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        img = img.filter(ImageFilter.GaussianBlur(r.uniform(0.3, 0.8)))
        if watermark:
            d = ImageDraw.Draw(img)
            lines = watermark.split("\n")
            f = font(22, "sans")
            y0 = H - 34 * len(lines) - 18
            bw = max(d.textlength(s, font=f) for s in lines) + 24
            d.rectangle((12, y0 - 6, 12 + bw, H - 12), fill=(30, 30, 30))
            d.rectangle((12, y0 - 6, 18, H - 12), fill=(250, 190, 20))
            for k, s in enumerate(lines):
                d.text((26, y0 + 34 * k), s, font=f, fill=(255, 255, 255))
        return img

    # ---- objects
    def _box_building(self, d, x0, y0, w, h, wall, roof, doors=2, tiles=True, broken=False, r=None):
        d.rectangle((x0, y0, x0 + w, y0 + h), fill=wall)
        if tiles and not broken:
            for k in range(int(h / 14)):
                d.line((x0, y0 + h - k * 14, x0 + w, y0 + h - k * 14), fill=_lerp(wall, (150, 150, 150), 0.25))
        d.polygon([(x0 - w * 0.05, y0), (x0 + w * 0.5, y0 - h * 0.35), (x0 + w * 1.05, y0)], fill=roof)
        for k in range(doors):
            dx = x0 + w * (0.15 + 0.5 * k)
            d.rectangle((dx, y0 + h * 0.35, dx + w * 0.2, y0 + h), fill=(90, 70, 55) if not broken else (60, 50, 45))
        if broken and r:
            for _ in range(6):
                cx, cy = x0 + r.uniform(0, w), y0 + r.uniform(0, h)
                d.line((cx, cy, cx + r.uniform(-40, 40), cy + r.uniform(10, 50)), fill=(70, 60, 50), width=3)
            d.polygon([(x0 + w * 0.6, y0), (x0 + w, y0 + h * 0.4), (x0 + w, y0)], fill=(150, 140, 120))

    def _toilet(self, d, img, r, hy, sh, state, season):
        p, W, H = self.p, self.W, self.H
        w, h = p["objw"] * W * 0.8, p["objh"] * H
        x0 = p["objx"] * W - w / 2 + sh
        y0 = hy + (H - hy) * 0.35 - h
        if state == "before":
            d.rectangle((x0, y0 + h * 0.2, x0 + w * 0.6, y0 + h), fill=(150, 120, 90))
            d.polygon([(x0 - 10, y0 + h * 0.2), (x0 + w * 0.3, y0), (x0 + w * 0.6 + 10, y0 + h * 0.2)], fill=(120, 110, 80))
            d.rectangle((x0 + w * 0.2, y0 + h * 0.5, x0 + w * 0.4, y0 + h), fill=(50, 40, 30))
        else:
            self._box_building(d, x0, y0, w, h, p["wall"], p["roof"], doors=2)
            f = font(max(14, int(h * 0.12)), "sansb")
            d.text((x0 + w * 0.18, y0 + h * 0.12), "男", font=f, fill=(30, 60, 150))
            d.text((x0 + w * 0.68, y0 + h * 0.12), "女", font=f, fill=(180, 30, 60))

    def _garbage(self, d, img, r, hy, sh, state, season):
        p, W, H = self.p, self.W, self.H
        w, h = p["objw"] * W, p["objh"] * H * 0.8
        x0 = p["objx"] * W - w / 2 + sh
        y0 = hy + (H - hy) * 0.45 - h
        if state != "before":
            d.rectangle((x0, y0, x0 + w, y0 + 12), fill=p["roof"])
            d.rectangle((x0 + 5, y0 + 12, x0 + 12, y0 + h), fill=(150, 150, 150))
            d.rectangle((x0 + w - 12, y0 + 12, x0 + w - 5, y0 + h), fill=(150, 150, 150))
            cols = [(40, 130, 60), (80, 80, 90), (200, 40, 40), (40, 90, 180)]
            bw = (w - 30) / 4
            for k, c in enumerate(cols):
                bx = x0 + 15 + k * bw
                d.rectangle((bx + 4, y0 + h * 0.45, bx + bw - 4, y0 + h), fill=c)
                d.rectangle((bx + 2, y0 + h * 0.4, bx + bw - 2, y0 + h * 0.47), fill=_lerp(c, (0, 0, 0), 0.3))
        else:
            for _ in range(40):
                cx, cy = x0 + r.uniform(0, w), y0 + h * r.uniform(0.4, 1.0)
                s = r.uniform(8, 30)
                d.ellipse((cx - s, cy - s * 0.6, cx + s, cy + s * 0.4), fill=r.choice([(90, 80, 70), (200, 200, 200), (50, 60, 150), (160, 40, 40), (120, 110, 60), (30, 30, 30)]))

    def _road(self, d, img, r, hy, sh, state, season):
        p, W, H = self.p, self.W, self.H
        vp = p["road_vp"] * W + sh
        bw = p["road_w"] * W
        col = (170, 170, 165) if state != "before" else (125, 100, 70)
        d.polygon([(vp - 6, hy + 2), (vp + 6, hy + 2), (vp + bw, H), (vp - bw, H)], fill=col)
        if state != "before":
            for k in range(8):
                t1, t2 = k / 8, (k + 0.45) / 8
                y1, y2 = hy + (H - hy) * t1 ** 1.6, hy + (H - hy) * t2 ** 1.6
                d.line((vp, y1, vp, y2), fill=(240, 240, 230), width=max(1, int(6 * t2)))
            d.line((vp - 6, hy + 2, vp - bw, H), fill=(230, 230, 230), width=4)
            d.line((vp + 6, hy + 2, vp + bw, H), fill=(230, 230, 230), width=4)
        else:
            for _ in range(12):
                t = r.uniform(0.2, 1)
                y = hy + (H - hy) * t
                x = vp + r.uniform(-0.7, 0.7) * bw * t
                s = 40 * t
                d.ellipse((x - s, y - s * 0.25, x + s, y + s * 0.25), fill=(95, 105, 110))

    def _canal(self, d, img, r, hy, sh, state, season):
        p, W, H = self.p, self.W, self.H
        vp = p["road_vp"] * W + sh
        bw = p["road_w"] * W * 0.6
        bank = (190, 188, 180) if state != "before" else (110, 95, 60)
        d.polygon([(vp - 10, hy + 2), (vp + 10, hy + 2), (vp + bw * 1.3, H), (vp - bw * 1.3, H)], fill=bank)
        water = (70, 120, 130) if state != "before" else (70, 75, 45)
        d.polygon([(vp - 6, hy + 2), (vp + 6, hy + 2), (vp + bw, H), (vp - bw, H)], fill=water)
        if state == "before":
            for _ in range(30):
                t = r.uniform(0.1, 1)
                x = vp + r.uniform(-1, 1) * bw * t
                y = hy + (H - hy) * t
                d.line((x, y, x + r.uniform(-8, 8), y - 30 * t), fill=(60, 110, 40), width=2)
        else:
            for k in range(1, 10):
                y = hy + (H - hy) * (k / 10) ** 1.5
                d.line((vp - bw * (y - hy) / (H - hy), y, vp + bw * (y - hy) / (H - hy), y), fill=(110, 160, 170), width=1)

    def _house(self, d, img, r, hy, sh, state, season):
        p, W, H = self.p, self.W, self.H
        w, h = p["objw"] * W, p["objh"] * H
        x0 = p["objx"] * W - w / 2 + sh
        y0 = hy + (H - hy) * 0.3 - h
        if state == "before":
            self._box_building(d, x0, y0, w, h, (165, 130, 95), (100, 80, 60), doors=1, tiles=False, broken=True, r=r)
        elif state == "cleared":
            d.rectangle((x0, y0 + h * 0.8, x0 + w, y0 + h), fill=(150, 140, 110))
            for k in range(6):
                d.rectangle((x0 + k * w / 6 + 5, y0 + h * 0.6, x0 + k * w / 6 + w / 8, y0 + h * 0.8), fill=(60, 140, 60))
        else:
            self._box_building(d, x0, y0, w, h, p["wall"], p["roof"], doors=1)
            for k in range(2):
                d.rectangle((x0 + w * (0.55 + k * 0.2), y0 + h * 0.3, x0 + w * (0.68 + k * 0.2), y0 + h * 0.6), fill=(120, 160, 190))

    def _culture(self, d, img, r, hy, sh, state, season):
        p, W, H = self.p, self.W, self.H
        w, h = p["objw"] * W * 1.2, p["objh"] * H
        x0 = p["objx"] * W - w / 2 + sh
        y0 = hy + (H - hy) * 0.25 - h
        d.rectangle((x0, y0, x0 + w, y0 + h), fill=p["wall"])
        d.rectangle((x0, y0 - 10, x0 + w, y0), fill=p["roof"])
        for k in range(5):
            d.rectangle((x0 + w * (0.08 + k * 0.18), y0 + h * 0.45, x0 + w * (0.18 + k * 0.18), y0 + h * 0.8), fill=(110, 150, 185))
        f = font(max(14, int(h * 0.14)), "sansb")
        d.rectangle((x0 + w * 0.1, y0 + h * 0.08, x0 + w * 0.9, y0 + h * 0.3), fill=(190, 20, 20))
        d.text((x0 + w * 0.13, y0 + h * 0.1), "新时代文明实践站", font=f, fill=(255, 230, 120))

    def _solar(self, d, img, r, hy, sh, state, season):
        p, W, H = self.p, self.W, self.H
        rows = 4
        for k in range(rows):
            t = 0.3 + k * 0.17
            y = hy + (H - hy) * t
            w = W * (0.3 + 0.5 * t)
            x0 = p["objx"] * W - w / 2 + sh
            ph = 30 + 40 * t
            d.polygon([(x0, y), (x0 + w, y), (x0 + w - 10, y - ph), (x0 + 10, y - ph)], fill=(30, 50, 110))
            n = 12
            for j in range(n + 1):
                d.line((x0 + w * j / n, y, x0 + 10 + (w - 20) * j / n, y - ph), fill=(160, 170, 190), width=1)
            d.line((x0 + 5, y - ph / 2, x0 + w - 5, y - ph / 2), fill=(160, 170, 190), width=1)

    def _field(self, d, img, r, hy, sh, state, season):
        p, W, H = self.p, self.W, self.H
        vp = p["road_vp"] * W + sh
        for k in range(-14, 15):
            d.line((vp, hy, vp + k * W * 0.12, H), fill=_lerp(p["ground"], (60, 90, 30), 0.5), width=3)
        d.polygon([(vp - 4, hy), (vp + 4, hy), (vp + W * 0.06, H), (vp - W * 0.06, H)], fill=(175, 170, 160))


# --------------------------------------------------------------------------- transforms for reuse

def transform(img, resize=None, crop=None, bright=None, contrast=None):
    if crop:
        l, t, rgt, b = crop
        W, H = img.size
        img = img.crop((int(W * l), int(H * t), int(W * (1 - rgt)), int(H * (1 - b))))
    if resize:
        img = img.resize((int(img.size[0] * resize), int(img.size[1] * resize)), Image.LANCZOS)
    if bright:
        img = ImageEnhance.Brightness(img).enhance(bright)
    if contrast:
        img = ImageEnhance.Contrast(img).enhance(contrast)
    return img


# --------------------------------------------------------------------------- scans

def scan_pages(pages, seed, seal=None, color=True):
    """pages: list of list of (kind, text). returns list of PIL images (A4 at 120 dpi)."""
    W, H = 992, 1403
    out = []
    r = random.Random(seed)
    for pi, lines in enumerate(pages):
        img = Image.new("RGB", (W, H), (250, 250, 246))
        d = ImageDraw.Draw(img)
        y = 110
        for kind, text in lines:
            if kind == "title":
                f = font(34, "serifb")
                for seg in text.split("\n"):
                    tw = d.textlength(seg, font=f)
                    d.text(((W - tw) / 2, y), seg, font=f, fill=(25, 25, 25))
                    y += 56
                y += 16
                continue
            f = font(22, "serif")
            if kind == "right":
                tw = d.textlength(text, font=f)
                d.text((W - 130 - tw, y), text, font=f, fill=(25, 25, 25))
                y += 40
                continue
            if kind == "table":
                cols = len(text[0])
                cw = (W - 200) / cols
                for row in text:
                    for j, v in enumerate(row):
                        d.rectangle((100 + j * cw, y, 100 + (j + 1) * cw, y + 38), outline=(40, 40, 40))
                        d.text((106 + j * cw, y + 7), str(v), font=font(17, "serif"), fill=(25, 25, 25))
                    y += 38
                y += 14
                continue
            indent = 44 if kind == "p" else 0
            maxw = W - 230
            line = ""
            x0 = 110 + indent
            for ch in text:
                if d.textlength(line + ch, font=f) > maxw - (indent if x0 > 110 else 0):
                    d.text((x0, y), line, font=f, fill=(25, 25, 25))
                    y += 40
                    line, x0 = "", 110
                line += ch
            if line:
                d.text((x0, y), line, font=f, fill=(25, 25, 25))
                y += 40
        if seal and pi == len(pages) - 1:
            cx, cy, R = W - 280, y - 70, 95
            d.ellipse((cx - R, cy - R, cx + R, cy + R), outline=(220, 40, 40), width=6)
            d.regular_polygon((cx, cy, 26), 5, fill=(220, 40, 40), rotation=r.uniform(-5, 5))
            f = font(20, "sansb")
            for k, ch in enumerate(seal):
                ang = math.radians(200 + k * (140 / max(1, len(seal) - 1)))
                d.text((cx + 68 * math.cos(ang) - 10, cy + 68 * math.sin(ang) - 12), ch, font=f, fill=(220, 40, 40))
        arr = np.asarray(img).astype(np.float32)
        nrng = np.random.default_rng(seed + pi)
        arr += nrng.normal(0, 5, arr.shape)
        arr[:, :, 0] *= r.uniform(0.98, 1.0)
        img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        img = img.rotate(r.uniform(-0.7, 0.7), resample=Image.BICUBIC, fillcolor=(245, 245, 240))
        if not color:
            img = img.convert("L")
        out.append(img)
    return out


def build_pdf(pages, info):
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", save_all=True, append_images=pages[1:], resolution=120.0, quality=55,
                  title=info.get("title"), author=info.get("author"), producer=info.get("producer", "Scanner PDF"),
                  creator=info.get("creator", "Scan"), creationDate=info["created"].timetuple(),
                  modDate=info.get("modified", info["created"]).timetuple())
    return buf.getvalue()


# --------------------------------------------------------------------------- PII helpers

W_ID = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHK = "10X98765432"


def id_number(area, birth, seq):
    body = f"{area}{birth}{seq:03d}"
    s = sum(int(c) * w for c, w in zip(body, W_ID))
    return body + CHK[s % 11]


def mask_id(idn):
    return idn[:4] + "*" * 10 + idn[-4:]
