#!/usr/bin/env python3
"""Independent evaluation corpus generator: 漳源县 (fictional county), assessment year 2024.

Run:  /work/main/.venv/bin/python make_corpus.py
Writes files/, labels.json, ledgers.json, queries.json next to this script.
Deterministic: every random choice uses a fixed seed (byte-level zip/PDF timestamps aside).
"""
import json, math, os, random, re, shutil, subprocess, sys, tempfile, tomllib, datetime as dt
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Mm, RGBColor
import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
OUT = HERE / "files"
FWDIR = HERE.parents[2] / "templates" / "frameworks"
FONTDIR = "/usr/share/fonts/opentype/noto/"
SOFFICE = "/usr/bin/soffice" if os.path.exists("/usr/bin/soffice") else None

EV = {}
for fw in ("shiji-kaohe.toml", "hou-pinggu.toml"):
    data = tomllib.loads((FWDIR / fw).read_text(encoding="utf-8"))
    for cat in data.get("category", []):
        for ind in cat.get("indicator", []):
            EV[ind["code"]] = ind["evidence"]
    for adj in data.get("adjustment", []):
        EV[adj["code"]] = adj["evidence"]

LABELS, TEXTS, LEDGERS, KEYS = {}, {}, {}, {}
PENDING_CONVERT = []   # (docx temp path, final rel path, fmt)


def rng(seed):
    return random.Random(seed)


# ----------------------------------------------------------------- labels
def label(key, rel, indicator, covers=(), also=(), unit=None, unit_stated=None, date=None,
          date_stated=True, title=None, title_stated=None, kind="other"):
    cov = []
    for c in covers:
        code, item = c
        assert code in EV and 1 <= item <= len(EV[code]), (rel, c)
        cov.append({"code": code, "item": item, "text": EV[code][item - 1]})
    if unit_stated is None:
        unit_stated = unit is not None
    if title_stated is None:
        title_stated = title is not None
    codes = {c["code"] for c in cov}
    also = list(dict.fromkeys(list(also) + sorted(codes - {indicator})))
    LABELS[rel] = {"indicator": indicator, "also": also, "unit": unit, "unit_stated": unit_stated,
                   "date": date, "date_stated": date_stated, "title": title, "title_stated": title_stated,
                   "kind": kind, "covers": cov}
    assert key not in KEYS, key
    KEYS[key] = rel


def add_text(rel, text="", image_text=""):
    t = TEXTS.setdefault(rel, {"text": "", "image_text": ""})
    t["text"] += text + "\n"
    t["image_text"] += image_text + "\n"


CN_DIG = "〇一二三四五六七八九"


def cn_num(n):
    if n < 10:
        return CN_DIG[n]
    if n < 20:
        return "十" + (CN_DIG[n % 10] if n % 10 else "")
    return CN_DIG[n // 10] + "十" + (CN_DIG[n % 10] if n % 10 else "")


def d_ar(d):   # 2024年10月8日
    y, m, dd = map(int, d.split("-"))
    return f"{y}年{m}月{dd}日"


def d_cn(d):   # 二〇二四年十月八日
    y, m, dd = map(int, d.split("-"))
    return "".join(CN_DIG[int(c)] for c in str(y)) + "年" + cn_num(m) + "月" + cn_num(dd) + "日"


# ----------------------------------------------------------------- people / ID numbers
SURN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN_M = "国建明军伟强平华志勇永海春德学林杰成发光文兴全福寿顺贵祥金宝有才忠良富荣生山"
GIVEN_F = "秀英芳兰玉珍桂花梅丽琴翠萍红霞凤云娟淑芬香艳燕菊莲敏静"
REGION = "433126"
_used_ids = set()


def id_check(body17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(a) * b for a, b in zip(body17, w))
    return "10X98765432"[s % 11]


def person(r, female=None, age=(25, 75)):
    if female is None:
        female = r.random() < 0.45
    name = r.choice(SURN) + "".join(r.choice(GIVEN_F if female else GIVEN_M) for _ in range(r.choice([1, 2, 2])))
    while True:
        y = 2024 - r.randint(*age)
        birth = dt.date(y, 1, 1) + dt.timedelta(days=r.randint(0, 364))
        seq = r.randint(1, 99)
        g = r.choice([0, 2, 4, 6, 8]) if female else r.choice([1, 3, 5, 7, 9])
        body = f"{REGION}{birth:%Y%m%d}{seq:02d}{g}"
        pid = body + id_check(body)
        if pid not in _used_ids:
            _used_ids.add(pid)
            return name, pid, ("女" if female else "男"), 2024 - y


def phone(r):
    return "1" + r.choice(["35", "39", "58", "82", "87", "51", "36", "77", "99"]) + "".join(str(r.randint(0, 9)) for _ in range(8))


# ----------------------------------------------------------------- county facts
COUNTY = "漳源县"
TOWNS = {
    "柳溪镇": ["柳湾村", "杏林村", "下河村", "柳溪社区"],
    "石桥镇": ["石桥村", "冯家岭村", "王庄村", "黄泥坳村"],
    "龙口乡": ["龙口村", "桦树沟村", "三岔村"],
    "马坊镇": ["马坊村", "东坡村", "高庄村", "白果村"],
    "沙河镇": ["沙河村", "柴家湾村", "新民村"],
    "青岗乡": ["青岗村", "石门村", "庙湾村"],
}
TOWN_LIST = list(TOWNS)


# ----------------------------------------------------------------- docx
FS, HT, KT, XBS, SONG = "仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体"


def _font(run, name, size, bold=False, color=None):
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = OxmlElement("w:rFonts")
        rpr.insert(0, rf)
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        rf.set(qn(a), name)
    if color:
        run.font.color.rgb = RGBColor(*color)


def _bottom_border(p, color="FF0000", sz=12):
    ppr = p._p.get_or_add_pPr()
    b = OxmlElement("w:pBdr")
    e = OxmlElement("w:bottom")
    e.set(qn("w:val"), "single"); e.set(qn("w:sz"), str(sz)); e.set(qn("w:space"), "4"); e.set(qn("w:color"), color)
    b.append(e)
    ppr.append(b)


def _page_number_footer(doc):
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("— "); _font(r, SONG, 14)
    r = p.add_run()
    for kind, txt in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            f = OxmlElement("w:fldChar"); f.set(qn("w:fldCharType"), kind); r._r.append(f)
        else:
            t = OxmlElement("w:instrText"); t.set(qn("xml:space"), "preserve"); t.text = txt; r._r.append(t)
    _font(r, SONG, 14)
    r = p.add_run(" —"); _font(r, SONG, 14)


FIXED_TIME = dt.datetime(2024, 12, 20, 9, 0, 0)


def write_docx(rel, blocks, author="", untidy=False, convert=None, when=None, title_prop=None, last_by=None):
    """blocks: list of (kind, text[, extra]). convert: None | 'pdf' | 'doc' (final file gets that suffix)."""
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    if untidy:
        sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(25.4), Mm(25.4), Mm(31.8), Mm(31.8)
    else:
        sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
        _page_number_footer(doc)
    body_font, body_size = (SONG, 12) if untidy else (FS, 16)
    texts = []
    for b in blocks:
        kind, text = b[0], b[1]
        if kind == "table":
            rows = text
            t = doc.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, val in enumerate(row):
                    cell = t.cell(i, j)
                    cell.text = ""
                    r = cell.paragraphs[0].add_run(str(val))
                    _font(r, HT if i == 0 and not untidy else SONG, 10.5, bold=(i == 0 and untidy))
                texts.append("\t".join(str(v) for v in row))
            continue
        p = doc.add_paragraph()
        pf = p.paragraph_format
        if not untidy:
            pf.line_spacing = Pt(28)
        pf.space_after = Pt(0); pf.space_before = Pt(0)
        texts.append(text)
        if kind == "org":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(text), XBS, 36 if len(text) < 12 else 26, color=(230, 0, 0))
        elif kind == "wh":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(text), FS, 16)
            _bottom_border(p)
        elif kind == "whl":   # 上行文: 文号 left, 签发人 right, same line
            _font(p.add_run(text), FS, 16)
            _bottom_border(p)
        elif kind == "title":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(text), SONG if untidy else XBS, 18 if untidy else 22, bold=untidy)
        elif kind == "sub":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(text), KT, 14 if untidy else 16)
        elif kind == "to":
            _font(p.add_run(text), body_font, body_size)
        elif kind in ("h1", "h2", "h3"):
            if not untidy:
                pf.first_line_indent = Pt(32)
            _font(p.add_run(text), {"h1": HT, "h2": KT, "h3": FS}[kind], body_size, bold=untidy)
        elif kind == "p":
            if untidy and len(b) > 2 and b[2] == "spaces":
                p.add_run("    ")
            else:
                pf.first_line_indent = Pt(body_size * 2)
            _font(p.add_run(text), body_font, body_size)
        elif kind == "pre":   # plain left line: 报送单位：…, 附件1, 发文机关：…
            _font(p.add_run(text), HT if text.startswith("附件") and not untidy else body_font, body_size)
        elif kind == "att":
            pf.first_line_indent = Pt(body_size * 2)
            _font(p.add_run(text), body_font, body_size)
        elif kind in ("sign", "date"):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            pf.right_indent = Pt(body_size * (4 if kind == "date" else 2))
            _font(p.add_run(text), body_font, body_size)
        elif kind == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(text), body_font, body_size)
        elif kind == "cc":
            _bottom_border(p, "000000", 8)
            _font(p.add_run(text), FS, 14)
        elif kind == "blank":
            pass
        else:
            raise ValueError(kind)
    cp = doc.core_properties
    cp.author = author or ""
    cp.last_modified_by = last_by if last_by is not None else (author or "Administrator")
    t0 = when or FIXED_TIME
    cp.created = t0; cp.modified = t0
    cp.title = title_prop or ""
    cp.comments = ""
    full = "\n".join(texts)
    if convert:
        tmpdir = Path(tempfile.gettempdir()) / "zy_convert"
        tmpdir.mkdir(exist_ok=True)
        final = OUT / rel
        tmp = tmpdir / (final.stem + ".docx")
        doc.save(tmp)
        PENDING_CONVERT.append((tmp, rel, convert))
    else:
        (OUT / rel).parent.mkdir(parents=True, exist_ok=True)
        doc.save(OUT / rel)
    add_text(rel, full)
    return full


def run_conversions():
    if not PENDING_CONVERT:
        return []
    skipped = []
    if not SOFFICE:
        for tmp, rel, fmt in PENDING_CONVERT:
            skipped.append(rel)
        return skipped
    for fmt in ("pdf", "doc"):
        items = [x for x in PENDING_CONVERT if x[2] == fmt]
        if not items:
            continue
        od = Path(tempfile.gettempdir()) / f"zy_out_{fmt}"
        shutil.rmtree(od, ignore_errors=True); od.mkdir()
        prof = Path(tempfile.gettempdir()) / "zy_lo_profile"
        cmd = [SOFFICE, f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to",
               "doc:MS Word 97" if fmt == "doc" else "pdf", "--outdir", str(od)] + [str(t) for t, _, _ in items]
        subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=150)
        for tmp, rel, _ in items:
            src = od / (tmp.stem + "." + fmt)
            if src.exists():
                (OUT / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.move(src, OUT / rel)
            else:
                skipped.append(rel)
    return skipped


# ----------------------------------------------------------------- images: fonts, stamps, scans
from PIL import ImageChops

_FC = {}


def font(size, serif=True, bold=False, tc=False):
    key = (size, serif, bold, tc)
    if key not in _FC:
        name = ("NotoSerifCJK-" if serif else "NotoSansCJK-") + ("Bold" if bold else "Regular") + ".ttc"
        _FC[key] = ImageFont.truetype(FONTDIR + name, size, index=3 if tc else 2)
    return _FC[key]


def stamp(text, radius=92, color=(214, 28, 36), r=None, bottom=""):
    r = r or random.Random(len(text))
    S = radius * 2 + 10
    im = Image.new("L", (S, S), 0)
    d = ImageDraw.Draw(im)
    c = S // 2
    d.ellipse([c - radius, c - radius, c + radius, c + radius], outline=255, width=max(5, radius // 14))
    # star
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = radius * (0.26 if k % 2 == 0 else 0.105)
        pts.append((c + rr * math.cos(a), c + rr * math.sin(a)))
    d.polygon(pts, fill=255)
    n = len(text)
    span = min(250, 18 * n + 40)
    fs = int(radius * (0.30 if n <= 12 else 0.25))
    f = font(fs, serif=False, bold=True)
    for i, ch in enumerate(text):
        ang = -span / 2 + span * (i + 0.5) / n          # degrees from top, clockwise
        g = Image.new("L", (fs + 8, fs + 8), 0)
        ImageDraw.Draw(g).text((4, 0), ch, font=f, fill=255)
        g = g.rotate(-ang, resample=Image.BICUBIC, expand=True)
        rad = math.radians(ang - 90)
        rr = radius - fs * 0.85
        x = c + rr * math.cos(rad) - g.width / 2
        y = c + rr * math.sin(rad) - g.height / 2
        im.paste(255, (int(x), int(y)), g)
    if bottom:
        fb = font(int(fs * 0.8), serif=False)
        w = d.textlength(bottom, font=fb)
        d.text((c - w / 2, c + radius * 0.42), bottom, font=fb, fill=255)
    # ink unevenness
    noise = Image.effect_noise((S, S), 60).point(lambda v: 255 if v > 70 else 120)
    im = ImageChops.multiply(im, noise).filter(ImageFilter.GaussianBlur(0.8))
    im = im.rotate(r.uniform(-25, 25), resample=Image.BICUBIC)
    return im, color


def _apply_stamp(page, st, xy):
    mask, color = st
    layer = Image.new("RGB", mask.size, color)
    region = page.crop((xy[0], xy[1], xy[0] + mask.width, xy[1] + mask.height))
    blended = ImageChops.multiply(region, layer)
    region.paste(blended, (0, 0), mask.point(lambda v: int(v * 0.85)))
    page.paste(region, xy)


def wrap(text, width):
    out, cur = [], ""
    for ch in text:
        cur += ch
        if len(cur) >= width:
            out.append(cur); cur = ""
    if cur:
        out.append(cur)
    return out


def render_page(items, r, dpi=110, stamps=(), tc=False):
    """items: list of ('title'|'c'|'l'|'r'|'p'|'gap'|'table', ...). Returns (RGB image, list of text lines)."""
    W, H = int(8.27 * dpi), int(11.69 * dpi)
    pg = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(pg)
    ml, mr, y = int(1.1 * dpi), int(1.0 * dpi), int(1.3 * dpi)
    body = font(int(dpi * 0.2), tc=tc)
    lines = []
    anchor = {}
    for it in items:
        k = it[0]
        if k == "gap":
            y += int(dpi * 0.25); continue
        if k == "title":
            f = font(int(dpi * 0.3), bold=True, tc=tc)
            for ln in it[1].split("\n"):
                w = d.textlength(ln, font=f)
                d.text(((W - w) / 2, y), ln, font=f, fill=(25, 25, 25)); lines.append(ln)
                y += int(dpi * 0.45)
            y += int(dpi * 0.1); continue
        if k in ("c", "l", "r"):
            for ln in it[1].split("\n"):
                f = body
                w = d.textlength(ln, font=f)
                if w > W - ml - mr:
                    f = font(max(12, int(dpi * 0.2 * (W - ml - mr) / w)), tc=tc)
                    w = d.textlength(ln, font=f)
                x = (W - w) / 2 if k == "c" else (ml if k == "l" else W - mr - w - dpi * 0.3)
                d.text((x, y), ln, font=f, fill=(30, 30, 30)); lines.append(ln)
                if len(it) > 2:
                    anchor[it[2]] = (int(x + w / 2), y)
                y += int(dpi * 0.36)
            continue
        if k == "p":
            per = int((W - ml - mr) / (dpi * 0.2))
            txt = "\u3000\u3000" + it[1]
            for ln in wrap(txt, per):
                d.text((ml, y), ln, font=body, fill=(30, 30, 30)); lines.append(ln.strip("\u3000"))
                y += int(dpi * 0.36)
            continue
        if k == "table":
            rows, cw = it[1], it[2]
            tot = sum(cw)
            xs = [ml]
            for c in cw:
                xs.append(xs[-1] + (W - ml - mr) * c / tot)
            rh = int(dpi * 0.42)
            ft = font(int(dpi * 0.16), tc=tc)
            for i, row in enumerate(rows):
                for j, val in enumerate(row):
                    d.rectangle([xs[j], y, xs[j + 1], y + rh], outline=(40, 40, 40), width=1)
                    d.text((xs[j] + 5, y + rh * 0.2), str(val), font=ft, fill=(30, 30, 30))
                lines.append(" ".join(str(v) for v in row))
                y += rh
            y += int(dpi * 0.2); continue
        raise ValueError(k)
    for text, where, bottom in stamps:
        st = stamp(text, radius=int(dpi * 0.82), r=r, bottom=bottom)
        x0, y0 = anchor.get(where, (W - int(2.6 * dpi), y - int(1.6 * dpi)))
        _apply_stamp(pg, st, (int(x0 - st[0].width / 2 + r.randint(-20, 20)), int(y0 - st[0].height / 2 + r.randint(-10, 10))))
    return pg, lines


def scanify(pg, r, angle=None):
    W, H = pg.size
    grey = r.randint(208, 226)
    pg = ImageChops.multiply(pg, Image.new("RGB", pg.size, (grey, grey, grey - 5)))
    noise = Image.effect_noise((W, H), 13).convert("RGB")
    pg = ImageChops.add(pg, noise, scale=1.0, offset=-128)
    dr = ImageDraw.Draw(pg)
    for _ in range(r.randint(40, 120)):
        x, y = r.randint(0, W), r.randint(0, H)
        dr.point((x, y), fill=(70, 70, 70))
    ang = angle if angle is not None else r.choice([-1, 1]) * r.uniform(0.6, 1.9)
    bg = (grey - 30, grey - 30, grey - 32)
    pg = pg.rotate(ang, resample=Image.BICUBIC, expand=False, fillcolor=bg)
    return pg.filter(ImageFilter.GaussianBlur(0.55))


def write_scan(rel, pages, seed, stamps_per_page=None, dpi=110, tc=False):
    r = rng(seed)
    imgs, all_lines = [], []
    for i, items in enumerate(pages):
        st = (stamps_per_page or {}).get(i, ())
        pg, lines = render_page(items, r, dpi=dpi, stamps=st, tc=tc)
        imgs.append(scanify(pg, r))
        all_lines += lines
    p = OUT / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    imgs[0].save(p, "PDF", resolution=dpi, save_all=True, append_images=imgs[1:], quality=55)
    add_text(rel, "", "\n".join(all_lines))


# ----------------------------------------------------------------- photos
def _exif(dtime, gps=None, xptitle=None, desc=None, artist=None, make="HUAWEI", model="ELE-AL00", xpcomment=None):
    ex = Image.Exif()
    ex[0x010F] = make
    ex[0x0110] = model
    ex[0x0132] = dtime.strftime("%Y:%m:%d %H:%M:%S")
    if desc:
        ex[0x010E] = desc.encode("utf-8")
    if artist:
        ex[0x013B] = artist.encode("utf-8")
    if xptitle:
        ex[0x9C9B] = xptitle.encode("utf-16le") + b"\0\0"
    if xpcomment:
        ex[0x9C9C] = xpcomment.encode("utf-16le") + b"\0\0"
    ei = ex.get_ifd(0x8769)
    ei[0x9003] = dtime.strftime("%Y:%m:%d %H:%M:%S")
    ei[0x9004] = dtime.strftime("%Y:%m:%d %H:%M:%S")
    if gps:
        lat, lon = gps
        g = ex.get_ifd(0x8825)
        def dms(v):
            d0 = int(v); m = int((v - d0) * 60); s = round(((v - d0) * 60 - m) * 60, 2)
            return (float(d0), float(m), float(s))
        g[0] = b"\x02\x02\x00\x00"
        g[1] = "N"; g[2] = dms(lat); g[3] = "E"; g[4] = dms(lon)
    return ex


def _sky_ground(r, W, H, horizon, ground=(120, 110, 90)):
    im = Image.new("RGB", (W, H))
    d = ImageDraw.Draw(im)
    top = (r.randint(120, 160), r.randint(160, 190), r.randint(200, 235))
    for y in range(horizon):
        t = y / max(1, horizon)
        d.line([(0, y), (W, y)], fill=tuple(int(top[i] * (1 - t) + 235 * t) for i in range(3)))
    # hills
    pts = [(0, horizon)]
    for x in range(0, W + 80, 80):
        pts.append((x, horizon - r.randint(20, 110)))
    pts.append((W, horizon))
    d.polygon(pts, fill=(r.randint(70, 100), r.randint(110, 140), r.randint(70, 95)))
    for y in range(horizon, H):
        t = (y - horizon) / max(1, H - horizon)
        d.line([(0, y), (W, y)], fill=tuple(int(ground[i] * (0.85 + 0.3 * t)) for i in range(3)))
    return im, d


def _sign(d, box, text, bg=(30, 80, 160), fg=(255, 255, 255), size=34):
    d.rectangle(box, fill=bg)
    f = font(size, serif=False, bold=True)
    lines = text.split("\n")
    y = box[1] + 8
    for ln in lines:
        w = d.textlength(ln, font=f)
        d.text(((box[0] + box[2]) / 2 - w / 2, y), ln, font=f, fill=fg)
        y += size + 8


def scene(kind, r, sign=None, W=1280, H=960):
    """Procedural picture; sign text (if any) is painted into the image."""
    hz = r.randint(330, 420)
    if kind in ("toilet_old", "village_dirty"):
        im, d = _sky_ground(r, W, H, hz, ground=(128, 108, 80))
    else:
        im, d = _sky_ground(r, W, H, hz, ground=(150, 150, 145))
    if kind == "toilet_old":
        x0, y0 = r.randint(350, 500), hz - 120
        d.rectangle([x0, y0, x0 + 330, y0 + 330], fill=(135, 90, 60))
        for yy in range(y0, y0 + 330, 22):
            d.line([(x0, yy), (x0 + 330, yy)], fill=(105, 70, 48), width=2)
        d.polygon([(x0 - 30, y0 + 10), (x0 + 170, y0 - 70), (x0 + 370, y0 + 20)], fill=(90, 85, 80))
        d.rectangle([x0 + 110, y0 + 120, x0 + 210, y0 + 330], fill=(40, 30, 25))
        for _ in range(40):
            gx = r.randint(0, W); gy = r.randint(hz + 200, H)
            d.line([(gx, gy), (gx + r.randint(-8, 8), gy - r.randint(15, 45))], fill=(70, 110, 50), width=3)
    elif kind == "toilet_new":
        x0, y0 = r.randint(330, 480), hz - 150
        d.rectangle([x0, y0, x0 + 380, y0 + 360], fill=(236, 236, 230))
        for yy in range(y0 + 200, y0 + 360, 20):
            d.line([(x0, yy), (x0 + 380, yy)], fill=(200, 200, 195), width=1)
        d.rectangle([x0 - 20, y0 - 30, x0 + 400, y0], fill=(160, 60, 50))
        d.rectangle([x0 + 140, y0 + 150, x0 + 240, y0 + 360], fill=(120, 150, 175))
        d.rectangle([x0 + 280, y0 + 80, x0 + 350, y0 + 130], fill=(150, 190, 220))
        if sign:
            _sign(d, [x0 + 110, y0 + 60, x0 + 270, y0 + 120], sign, size=30)
        d.rectangle([x0 + 420, y0 + 300, x0 + 520, y0 + 360], fill=(60, 120, 70))  # tank lid
    elif kind == "village_dirty":
        d.polygon([(W * 0.35, hz), (W * 0.65, hz), (W, H), (0, H)], fill=(140, 125, 100))
        d.rectangle([0, hz - 200, 300, hz + 80], fill=(170, 160, 140))
        for _ in range(60):
            gx, gy = r.randint(0, W), r.randint(hz + 20, H)
            c = r.choice([(220, 220, 220), (200, 40, 40), (40, 70, 160), (60, 60, 60), (230, 200, 60)])
            d.ellipse([gx, gy, gx + r.randint(8, 40), gy + r.randint(6, 25)], fill=c)
        d.line([(300, hz - 120), (W, hz - 160)], fill=(40, 40, 40), width=2)
    elif kind in ("village_clean", "garden"):
        d.polygon([(W * 0.38, hz), (W * 0.62, hz), (W * 0.95, H), (W * 0.05, H)], fill=(165, 165, 160))
        d.rectangle([0, hz - 200, 300, hz + 80], fill=(240, 236, 225))
        for i in range(8):
            y = hz + 40 + i * 70
            d.rectangle([0, y, int(W * 0.04 + i * 18), y + 40], fill=(60, 140, 60))
            d.rectangle([W - int(W * 0.04 + i * 18), y, W, y + 40], fill=(60, 140, 60))
        if kind == "garden":
            for i in range(14):
                x = 80 + i * 85
                d.line([(x, hz + 120), (x, H - 60)], fill=(150, 110, 60), width=6)
            d.line([(60, hz + 180), (W - 60, hz + 180)], fill=(150, 110, 60), width=5)
            for _ in range(120):
                gx, gy = r.randint(80, W - 80), r.randint(hz + 200, H - 40)
                d.ellipse([gx, gy, gx + 18, gy + 12], fill=(r.randint(40, 90), r.randint(130, 180), 50))
        if sign:
            _sign(d, [W - 420, hz - 230, W - 60, hz - 120], sign, bg=(200, 40, 40), size=32)
    elif kind == "station":
        d.rectangle([260, hz - 180, 1020, hz + 200], fill=(210, 215, 220))
        d.rectangle([360, hz - 20, 620, hz + 200], fill=(80, 90, 100))
        d.rectangle([680, hz - 20, 940, hz + 200], fill=(80, 90, 100))
        if sign:
            _sign(d, [330, hz - 160, 950, hz - 80], sign, bg=(20, 110, 60), size=40)
        d.rectangle([120, hz + 120, 240, hz + 260], fill=(30, 130, 60))
    elif kind == "meeting":
        im = Image.new("RGB", (W, H), (225, 220, 210)); d = ImageDraw.Draw(im)
        d.rectangle([0, H * 0.62, W, H], fill=(150, 120, 90))
        d.rectangle([120, 70, W - 120, 200], fill=(190, 20, 25))
        if sign:
            f = font(46, serif=False, bold=True)
            lines = sign.split("\n")
            for k, ln in enumerate(lines):
                w = d.textlength(ln, font=f)
                d.text((W / 2 - w / 2, 85 + k * 54), ln, font=f, fill=(255, 230, 120))
        for row in range(4):
            for col in range(9):
                x = 90 + col * 125 + (row % 2) * 30; y = 470 + row * 110
                d.ellipse([x, y, x + 56, y + 64], fill=(30 + r.randint(0, 30),) * 3)
                d.rectangle([x - 10, y + 60, x + 66, y + 150], fill=r.choice([(40, 60, 110), (90, 90, 90), (120, 40, 40), (30, 30, 30)]))
    elif kind == "board":
        d.rectangle([160, hz - 260, 1120, hz + 160], fill=(30, 70, 140))
        d.rectangle([190, hz - 230, 1090, hz + 130], fill=(245, 245, 240))
        if sign:
            f = font(30, serif=False, bold=True)
            for k, ln in enumerate(sign.split("\n")):
                w = d.textlength(ln, font=f)
                d.text((640 - w / 2, hz - 215 + k * 44), ln, font=f, fill=(30, 30, 30) if k else (200, 30, 30))
        d.rectangle([200, hz + 160, 230, hz + 380], fill=(90, 90, 90))
        d.rectangle([1050, hz + 160, 1080, hz + 380], fill=(90, 90, 90))
    elif kind == "river":
        d.polygon([(0, hz + 120), (W, hz + 60), (W, hz + 300), (0, hz + 420)], fill=(90, 130, 150))
        for _ in range(30):
            x, y = r.randint(0, W), r.randint(hz + 150, hz + 330)
            d.line([(x, y), (x + 40, y)], fill=(170, 200, 215), width=2)
        if sign:
            _sign(d, [80, hz - 200, 520, hz - 40], sign, bg=(20, 80, 160), size=30)
    elif kind == "field":
        for i in range(12):
            y = hz + i * 50
            d.line([(0, y), (W, y + 20)], fill=(90 + i * 6, 150, 60), width=26)
        if sign:
            _sign(d, [W - 520, hz - 230, W - 60, hz - 60], sign, bg=(240, 240, 235), fg=(180, 20, 20), size=30)
    else:
        raise ValueError(kind)
    return im.filter(ImageFilter.GaussianBlur(0.7))


def burn_caption(im, lines):
    d = ImageDraw.Draw(im, "RGBA")
    f = font(30, serif=False, bold=True)
    h = 44 * len(lines) + 24
    w = max(d.textlength(l, font=f) for l in lines) + 40
    y0 = im.height - h - 30
    d.rectangle([24, y0, 24 + w, y0 + h], fill=(0, 0, 0, 110))
    d.rectangle([24, y0, 32, y0 + h], fill=(255, 190, 0, 255))
    for k, ln in enumerate(lines):
        d.text((46, y0 + 12 + k * 44), ln, font=f, fill=(255, 255, 255, 255))


def write_photo(rel, kind, dtime, seed, gps=None, xptitle=None, desc=None, artist=None, sign=None,
                burn=None, make="HUAWEI", model="ELE-AL00", xpcomment=None):
    r = rng(seed)
    im = scene(kind, r, sign=sign)
    if burn:
        burn_caption(im, burn)
    p = OUT / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    ex = _exif(dtime, gps, xptitle, desc, artist, make, model, xpcomment)
    im.save(p, "JPEG", quality=72, exif=ex)
    meta = " ".join(x for x in (xptitle, desc, artist, xpcomment) if x)
    add_text(rel, meta, "\n".join(([sign] if sign else []) + (burn or [])))


def _solve(A, b):
    n = len(b)
    M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for i in range(n):
        piv = max(range(i, n), key=lambda k: abs(M[k][i]))
        M[i], M[piv] = M[piv], M[i]
        for k in range(n):
            if k != i:
                f = M[k][i] / M[i][i]
                for j in range(i, n + 1):
                    M[k][j] -= f * M[i][j]
    return [M[i][n] / M[i][i] for i in range(n)]


def _persp_coeffs(dst, src):
    A, b = [], []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); b.append(u)
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y]); b.append(v)
    return _solve(A, b)


def write_phone_form(rel, title, header_lines, cols, widths, rows, footer_lines, dtime, seed,
                     make="OPPO", model="PCLM10", gps=None, hand_cols=None):
    """A printed form filled in by hand, photographed with a phone at an angle under uneven light."""
    r = rng(seed)
    PW, PH = 1100, 1550
    paper = Image.new("RGB", (PW, PH), (250, 248, 240))
    d = ImageDraw.Draw(paper)
    ft, fb, fh = font(44, bold=True), font(26), font(28, serif=False)
    lines = []
    w = d.textlength(title, font=ft)
    d.text(((PW - w) / 2, 70), title, font=ft, fill=(20, 20, 20)); lines.append(title)
    y = 150
    for hl in header_lines:
        d.text((70, y), hl, font=fb, fill=(25, 25, 25)); lines.append(hl); y += 44
    tot = sum(widths)
    xs = [60]
    for c in widths:
        xs.append(xs[-1] + (PW - 120) * c / tot)
    rh = 62
    ink = (25, 45, 120)
    for i, row in enumerate([cols] + rows):
        for j, val in enumerate(row):
            d.rectangle([xs[j], y, xs[j + 1], y + rh], outline=(30, 30, 30), width=2)
            if i == 0:
                d.text((xs[j] + 6, y + 15), str(val), font=fb, fill=(20, 20, 20))
            else:
                hand = hand_cols is None or j in hand_cols
                txt = str(val)
                # hand-written entries can run over two lines of small text inside the cell
                cw = xs[j + 1] - xs[j] - 10
                fsz = 26
                f = font(fsz, serif=False)
                parts = [txt]
                if d.textlength(txt, font=f) > cw:
                    per = max(1, int(cw // fsz))
                    parts = wrap(txt, per)
                    fsz = 22 if len(parts) == 2 else 18
                    f = font(fsz, serif=False)
                    per = max(1, int(cw // fsz)); parts = wrap(txt, per)
                for k, part in enumerate(parts):
                    d.text((xs[j] + 6 + r.randint(-2, 3), y + 6 + k * (fsz + 2) + (14 if len(parts) == 1 else 0) + r.randint(-3, 3)),
                           part, font=f, fill=ink if hand else (20, 20, 20))
        lines.append(" ".join(str(v) for v in row))
        y += rh
    y += 30
    for fl in footer_lines:
        d.text((70, y), fl, font=fh, fill=ink); lines.append(fl); y += 46
    PH = max(int(y + 90), 760)
    paper = paper.crop((0, 0, PW, PH))
    # photograph it: perspective on a desk, uneven light
    W, H = 1600, 1200
    desk = Image.new("RGB", (W, H), (r.randint(120, 150), r.randint(85, 100), r.randint(55, 70)))
    dd = ImageDraw.Draw(desk)
    for k in range(0, H, 9):
        dd.line([(0, k), (W, k + r.randint(-6, 6))], fill=(r.randint(105, 140), r.randint(75, 95), r.randint(50, 65)), width=3)
    sx = 0.62
    cx, cy = W / 2 + r.randint(-60, 60), H / 2
    hw, hh = PW * sx / 2, PH * sx / 2
    quad = [(cx - hw + r.randint(30, 90), cy - hh + r.randint(0, 40)), (cx + hw - r.randint(0, 60), cy - hh + r.randint(20, 70)),
            (cx + hw + r.randint(40, 110), cy + hh - r.randint(0, 30)), (cx - hw - r.randint(30, 90), cy + hh + r.randint(-10, 20))]
    quad = [(x, min(H - 5, max(5, y))) for x, y in quad]
    coeffs = _persp_coeffs(quad, [(0, 0), (PW, 0), (PW, PH), (0, PH)])
    warped = paper.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    mask = Image.new("L", (PW, PH), 255).transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    desk.paste(warped, (0, 0), mask)
    light = Image.radial_gradient("L").resize((W * 2, H * 2))
    ox, oy = r.randint(0, W), r.randint(0, H // 2)
    light = light.crop((ox, oy, ox + W, oy + H)).point(lambda v: int(255 - v * 0.45))
    img = ImageChops.multiply(desk, Image.merge("RGB", [light] * 3))
    img = img.filter(ImageFilter.GaussianBlur(1.0))
    p = OUT / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    img.save(p, "JPEG", quality=70, exif=_exif(dtime, gps, make=make, model=model))
    add_text(rel, "", "\n".join(lines))


# ----------------------------------------------------------------- document helpers
H1 = re.compile(r"^[一二三四五六七八九十]+、")
H2 = re.compile(r"^（[一二三四五六七八九十]+）")


def paras_to_blocks(paras, untidy=False):
    out = []
    for x in paras:
        if isinstance(x, tuple):
            out.append(x)
        elif H1.match(x) and len(x) < 40:
            out.append(("h1", x))
        elif H2.match(x) and len(x) < 40:
            out.append(("h2", x))
        else:
            out.append(("p", x, "spaces") if untidy and len(x) % 3 == 0 else ("p", x))
    return out


def doc(key, rel, *, title, paras, indicator, covers=(), also=(), kind, org=None, wh=None, to=None,
        sign=None, date=None, date_fmt="ar", sub=None, pre=(), atts=(), cc=None, author="", untidy=False,
        convert=None, unit=None, unit_stated=None, date_label=None, date_stated=True, title_label=None,
        after=(), last_by=None):
    blocks = [("pre", x) for x in pre]
    if org:
        blocks.append(("org", org))
    if wh:
        blocks.append(("whl" if "签发人" in wh else "wh", wh))
    if org or wh:
        blocks.append(("blank", ""))
    if title:
        for ln in title.split("\n"):
            blocks.append(("title", ln))
    if sub:
        blocks.append(("sub", sub))
    blocks.append(("blank", ""))
    if to:
        blocks.append(("to", to))
    blocks += paras_to_blocks(paras, untidy)
    if atts:
        blocks.append(("blank", ""))
        for i, a in enumerate(atts):
            blocks.append(("att", ("附件：" if i == 0 else "\u3000\u3000\u3000") + (f"{i + 1}．" if len(atts) > 1 else "") + a))
    if sign or date:
        blocks.append(("blank", ""))
    if sign:
        for ln in sign.split("\n"):
            blocks.append(("sign", ln))
    if date:
        blocks.append(("date", d_ar(date) if date_fmt == "ar" else d_cn(date)))
    blocks += list(after)
    if cc:
        blocks.append(("blank", ""))
        blocks.append(("cc", cc))
    final_rel = rel
    write_docx(final_rel, blocks, author=author, untidy=untidy, convert=convert, last_by=last_by,
               when=dt.datetime.fromisoformat((date or "2024-12-20") + "T09:30:00"))
    if unit is None and sign:
        unit = sign.split("\n")[-1]
    label(key, final_rel, indicator, covers, also, unit=unit, unit_stated=unit_stated,
          date=date_label or date, date_stated=date_stated if (date_label or date) else False,
          title=title_label if title_label is not None else (title.replace("\n", "") if title else None),
          kind=kind)


# ================================================================= CONTENT: documents
XZ = "漳源县乡村振兴局"
NY = "漳源县农业农村局"


def docs_A():
    # A01 -------------------------------------------------------------
    doc("a01_plan", f"{XZ}/漳振组〔2024〕3号 防返贫监测帮扶方案.docx",
        org="漳源县巩固拓展脱贫攻坚成果同乡村振兴\n领导小组文件".replace("\n", ""), wh="漳振组〔2024〕3号",
        title="关于印发《漳源县2024年防止返贫动态监测\n和帮扶工作实施方案》的通知",
        to="各乡镇党委、人民政府，县直各有关单位：",
        paras=["现将《漳源县2024年防止返贫动态监测和帮扶工作实施方案》印发给你们，请结合实际认真抓好落实。",
               ("pre", "附件"),
               ("title", "漳源县2024年防止返贫动态监测和帮扶工作实施方案"),
               "为守住不发生规模性返贫的底线，进一步健全防止返贫动态监测和帮扶机制，结合我县实际，制定本方案。",
               "一、监测对象和范围",
               "监测对象为脱贫不稳定户、边缘易致贫户和突发严重困难户，重点关注有大病重病和负担较重的慢性病患者、重度残疾人、失能老年人口等特殊群体的家庭。2024年全县监测收入标准确定为7400元，各乡镇不得自行提高或降低。",
               "二、监测程序",
               "（一）农户自主申报。通过“漳源防返贫”小程序、村级申报点和12317热线受理农户申报，村“两委”在3个工作日内完成入户核实。",
               "（二）基层干部排查。驻村工作队、村干部、网格员每月至少开展一次走访，对重点人群做到每季度全覆盖。",
               "（三）部门筛查预警。医疗保障、民政、教育、住建、水利、人社、残联等部门每月10日前向县乡村振兴局推送预警信息，县乡村振兴局汇总比对后分解到乡镇核实，7日内反馈核实结果。",
               "三、精准帮扶",
               "对识别纳入的监测对象，按照缺什么补什么的原则，逐户制定帮扶计划，明确帮扶责任人和帮扶措施。有劳动能力的优先落实产业和就业帮扶，无劳动能力的及时纳入兜底保障。",
               "四、风险消除",
               "监测对象收入持续稳定、“两不愁三保障”及饮水安全持续巩固、返贫致贫风险已经稳定消除的，经村级评议、乡镇审核、县级确认后标注风险消除。帮扶时间原则上不少于半年，不得搞数字消除、突击消除。",
               "五、工作要求",
               "各乡镇要建立监测帮扶工作周调度机制，每月25日前将工作进展报县乡村振兴局。县委农办将把监测帮扶情况纳入乡镇实绩考核。"],
        sign="漳源县巩固拓展脱贫攻坚成果同乡村振兴领导小组", date="2024-03-05",
        indicator="A01", covers=[("A01", 1)], kind="plan",
        cc="抄送：市乡村振兴局。", author="县乡村振兴局")

    doc("a01_paicha", f"{XZ}/关于开展2024年防返贫集中排查的通知.docx",
        wh="漳振办〔2024〕17号",
        title="关于开展2024年防返贫集中排查的通知",
        to="各乡镇人民政府：",
        paras=["为全面摸清农户“两不愁三保障”及饮水安全状况，经研究，决定于2024年6月至7月在全县开展一次防返贫集中排查，现将有关事项通知如下。",
               "一、排查范围。全县所有农户，重点是脱贫户、监测户和收入骤减户。",
               "二、时间安排。6月10日前完成动员培训；6月11日至7月10日入户排查；7月20日前完成数据录入和问题整改。",
               "三、工作要求。排查要做到不漏一户、不落一人，排查表须由户主签字确认。对排查发现的问题，能立即整改的立即整改，不能立即整改的建立清单，明确整改时限。",
               "联系人：向春梅，联系电话：0743-5821367。"],
        sign="漳源县巩固拓展脱贫攻坚成果同乡村振兴领导小组办公室", date="2024-06-03",
        indicator="A01", covers=[], kind="notice")

    doc("a01_yihuyice", "石桥镇/冯家岭村监测户帮扶计划（2024）.docx",
        title="冯家岭村监测户“一户一策”帮扶计划",
        sub="（2024年度）",
        paras=["根据镇党委、政府安排，结合入户核实情况，对本村2024年新识别的3户监测户逐户制定帮扶计划如下。",
               ("table", [["户主", "人口", "主要风险", "帮扶措施", "帮扶责任人", "计划完成时间"],
                          ["冯德顺", "4", "因病（妻子肾病透析）", "落实医疗救助；申请临时救助；安排公益性岗位1个", "冯建军（镇农业服务中心）", "2025年3月"],
                          ["黄玉兰", "2", "因残（本人二级肢体残疾）", "纳入低保；发放残疾人两项补贴；发展庭院养鸡50只", "周志勇（驻村工作队）", "2025年6月"],
                          ["冯国平", "5", "因意外（房屋受损）", "落实危房改造补助；介绍儿子到浙江务工", "冯建军（镇农业服务中心）", "2025年1月"]]),
               "村“两委”每月对帮扶措施落实情况进行一次跟踪，帮扶责任人每月入户不少于一次，并在帮扶手册上做好记录。",
               ("sign", "冯家岭村村民委员会"), ("sign", "石桥镇冯家岭村驻村工作队"),
               ("date", "2024年7月26日")],
        indicator="A01", covers=[("A01", 3)], kind="plan", unit="冯家岭村村民委员会", date="2024-07-26",
        untidy=True, author="Administrator")

    doc("a01_bidui", f"{XZ}/2024年第三季度预警数据比对核实情况.docx",
        pre=["报送单位：漳源县乡村振兴局"],
        title="关于2024年第三季度部门预警数据比对核实情况的报告",
        to="县巩固拓展脱贫攻坚成果同乡村振兴领导小组：",
        paras=["第三季度，县乡村振兴局会同医疗保障、民政、教育、住建、水利、残联等6个部门，将部门业务数据与防返贫监测信息系统开展了比对，现将有关情况报告如下。",
               "一、比对总体情况",
               "本季度共接收部门推送预警信息1236条，其中医疗费用个人自付超过1万元的412条，新增残疾人88条，低保退出34条，住房安全预警57条，学生信息异常19条，其他626条。经系统自动去重后，需乡镇入户核实的信息673条。",
               "二、核实处置情况",
               "截至9月30日，673条信息已全部完成核实。其中，新识别纳入监测对象28户96人；已是监测对象、补充落实帮扶措施的41户；经核实不存在风险的604户。核实结果已逐条回录系统。",
               "三、存在问题",
               "一是个别乡镇核实不够及时，龙口乡有17条信息超过7个工作日才反馈；二是部门数据口径不一致，教育部门学籍信息中的身份证号与公安户籍信息存在差异9条，已移交县教育局核对；三是少数核实记录填写过于简单，只写“无风险”，缺少佐证。",
               "四、下一步工作",
               "建立比对信息核实时限提醒制度，对超时的乡镇进行通报；每季度组织一次部门数据会商，统一数据口径。"],
        sign="漳源县乡村振兴局", date="2024-10-12", date_fmt="cn",
        indicator="A01", covers=[("A01", 5), ("W03", 1)], kind="report")

    # A02 -------------------------------------------------------------
    doc("a02_yinshui", "漳源县水利局/农村饮水安全排查整改清单（截至11月底）.docx",
        title="2024年农村供水保障排查问题整改清单",
        sub="（截至2024年11月30日）",
        paras=[("table", [["序号", "乡镇", "村", "问题描述", "整改措施", "整改时限", "整改情况"],
                          ["1", "马坊镇", "高庄村", "3组水源点枯水期水量不足，12户季节性缺水", "新打机井1口，铺设管网1.2公里", "2024年9月", "已完成"],
                          ["2", "龙口乡", "桦树沟村", "蓄水池无消毒设施", "安装次氯酸钠发生器", "2024年8月", "已完成"],
                          ["3", "沙河镇", "柴家湾村", "入户管道老化漏水", "更换管道680米", "2024年10月", "已完成"],
                          ["4", "青岗乡", "庙湾村", "水质检测浑浊度超标", "增设慢滤池，加密检测", "2025年3月", "正在整改"],
                          ["5", "石桥镇", "黄泥坳村", "管护员未落实", "聘用管护员1名并签订协议", "2024年7月", "已完成"]]),
               "说明：问题来源为2024年6—7月防返贫集中排查和水质抽检。"],
        indicator="A02", covers=[("A02", 4), ("P04", 2), ("R02", 1)], kind="report",
        unit="漳源县水利局", unit_stated=False, date="2024-11-30", author="")

    doc("a02_xuezizhu", "漳源县教育局/2024年秋季学期脱贫家庭学生资助发放明细（节选）.docx",
        pre=["附件1"],
        title="2024年秋季学期脱贫家庭学生资助发放明细（节选）",
        paras=[("pre", "填报单位：漳源县教育局学生资助管理中心"),
               ("table", [["序号", "学校", "学生姓名", "学段", "资助项目", "金额（元）", "发放方式"],
                          ["1", "柳溪镇中心小学", "王欣怡", "小学", "生活补助", "500", "一卡通"],
                          ["2", "石桥镇初级中学", "冯子豪", "初中", "生活补助", "625", "一卡通"],
                          ["3", "漳源县第一中学", "李梦瑶", "高中", "国家助学金", "1000", "一卡通"],
                          ["4", "漳源县第一中学", "李梦瑶", "高中", "免学杂费", "600", "学校减免"],
                          ["5", "漳源县职业中专", "黄浩然", "中职", "国家助学金", "1000", "一卡通"],
                          ["6", "马坊镇九年一贯制学校", "高雨涵", "初中", "生活补助", "625", "一卡通"]]),
               "全县秋季学期共资助脱贫家庭和监测对象家庭学生4127人次，发放资金318.6万元。完整明细见系统导出表。",
               ("pre", "填报日期：2024年11月18日")],
        indicator="A02", covers=[("P02", 2)], kind="other", unit="漳源县教育局学生资助管理中心",
        date="2024-11-18")

    doc("a02_jiayi", "漳源县卫生健康局/柳溪镇脱贫人口家庭医生签约服务名单.docx",
        title="柳溪镇脱贫人口和监测对象家庭医生签约服务名单",
        paras=[("table", [["序号", "村", "签约人", "家庭人口", "签约团队", "签约医生", "签约日期", "重点人群类别"],
                          ["1", "柳湾村", "王德明", "3", "柳溪镇卫生院第一团队", "孙桂芳", "2024.3.12", "高血压"],
                          ["2", "柳湾村", "王春花", "2", "柳溪镇卫生院第一团队", "孙桂芳", "2024.3.12", "糖尿病"],
                          ["3", "杏林村", "郭永福", "5", "柳溪镇卫生院第二团队", "何建华", "2024.3.15", "—"],
                          ["4", "杏林村", "郭秀英", "1", "柳溪镇卫生院第二团队", "何建华", "2024.3.15", "65岁以上老人"],
                          ["5", "下河村", "陆金宝", "4", "柳溪镇卫生院第三团队", "邹丽", "2024.4.2", "严重精神障碍"]]),
               "本名单共5页，此为第1页。签约履约情况以基本公共卫生服务系统为准。"],
        indicator="A02", covers=[("P03", 3)], kind="other", unit="柳溪镇卫生院", date=None, date_stated=False,
        author="柳溪镇卫生院")

    # A03 -------------------------------------------------------------
    doc("a03_chejian", "县人社局/漳人社发〔2024〕21号 就业帮扶车间认定.docx",
        org="漳源县人力资源和社会保障局文件", wh="漳人社发〔2024〕21号",
        title="关于认定2024年度第一批就业帮扶车间的通知",
        to="各乡镇人民政府，县直有关单位：",
        paras=["根据《漳源县就业帮扶车间认定管理办法》，经乡镇推荐、实地核查和公示，认定以下5家经营主体为2024年度第一批就业帮扶车间：",
               "1．漳源县巧手竹编工艺品有限公司柳湾车间（柳溪镇柳湾村），吸纳脱贫劳动力和监测对象23人；",
               "2．漳源县绿源农业科技有限公司茶叶分拣车间（石桥镇冯家岭村），吸纳18人；",
               "3．马坊镇鑫达服装加工厂（马坊镇东坡村），吸纳31人；",
               "4．漳源县沙河电子线束加工点（沙河镇新民村），吸纳15人；",
               "5．龙口乡桦树沟村手工布鞋加工车间，吸纳12人。",
               "对认定的就业帮扶车间，按规定落实一次性奖补和吸纳就业补贴。各乡镇要加强日常监管，车间吸纳脱贫劳动力和监测对象人数低于10人或停产超过3个月的，及时报县人社局。"],
        sign="漳源县人力资源和社会保障局", date="2024-04-22",
        indicator="A03", covers=[("A03", 2)], kind="notice", cc="抄送：县乡村振兴局，县财政局。")

    doc("a03_laowu", "县人社局/鄞州区—漳源县劳务协作协议（2024）.docx",
        title="宁波市鄞州区—漳源县2024年劳务协作协议",
        paras=["甲方：宁波市鄞州区人力资源和社会保障局",
               "乙方：漳源县人力资源和社会保障局",
               "为深化东西部协作，促进漳源县农村劳动力特别是脱贫劳动力到鄞州区稳定就业，经双方协商，签订本协议。",
               "第一条　甲方每年组织区内企业提供适合漳源县劳动力的就业岗位不少于2000个，并在漳源县举办专场招聘会不少于2场。",
               "第二条　乙方负责做好劳动力摸底、组织动员和岗前培训，2024年组织到鄞州区务工的农村劳动力不少于600人，其中脱贫劳动力不少于200人。",
               "第三条　对乙方有组织输送、在甲方辖区稳定就业3个月以上的脱贫劳动力，甲方按规定给予一次性交通补贴和稳岗补贴。",
               "第四条　双方各确定一名联络员，每季度通报一次劳务协作进展。",
               "第五条　本协议有效期自签订之日起至2024年12月31日止。未尽事宜，双方协商解决。",
               "甲方（盖章）：                                 乙方（盖章）：",
               "代表签字：                                       代表签字："],
        date="2024-03-28", indicator="A03", covers=[("A03", 5)], also=["A05"], kind="other",
        unit="漳源县人力资源和社会保障局", author="")

    doc("a03_summary", "县人社局/2024年稳岗就业工作总结.docx",
        title="漳源县人社局2024年脱贫人口稳岗就业工作总结",
        paras=["2024年，我局坚持把脱贫人口稳岗就业作为巩固拓展脱贫攻坚成果的重要抓手，全县脱贫人口务工规模保持稳定。现将全年工作总结如下。",
               "一、主要成效",
               "截至12月31日，全县脱贫劳动力和监测对象劳动力务工就业32186人，完成市下达目标任务（31500人）的102.2%。其中县外务工19874人，县内务工12312人。",
               "二、主要做法",
               "（一）抓有组织劳务输出。与宁波市鄞州区签订劳务协作协议，开通“点对点”返岗专车26趟，输送1136人。",
               "（二）抓就业帮扶车间。新认定就业帮扶车间5家，全县就业帮扶车间达到38家，吸纳脱贫劳动力和监测对象就近就业1012人。",
               "（三）抓公益性岗位兜底。全县开发乡村公益性岗位2680个，优先安置弱劳力、半劳力，实行“按月考勤、按月发放”。",
               "（四）抓技能培训。围绕育婴、电工、焊工、中式烹调等工种开展培训43期，培训2019人，取证率81.6%。",
               "三、存在问题",
               "部分帮扶车间订单不稳定，用工时多时少；公益性岗位存在个别人员“重发放、轻管理”的情况。",
               "四、2025年打算",
               "继续巩固劳务协作渠道，推动帮扶车间提档升级，规范公益性岗位动态管理。"],
        sign="漳源县人力资源和社会保障局", date="2025-01-06",
        indicator="A03", covers=[], kind="summary", author="就业股")

    # A04 -------------------------------------------------------------
    doc("a04_xiada", "漳源县财政局/漳财农〔2024〕15号 下达第二批衔接资金.docx",
        org="漳源县财政局\n漳源县乡村振兴局".replace("\n", "  "), wh="漳财农〔2024〕15号",
        title="关于下达2024年第二批中央和省级财政衔接推进\n乡村振兴补助资金的通知",
        to="各乡镇人民政府，县直有关单位：",
        paras=["根据省财政厅、省乡村振兴局有关文件精神和县巩固拓展脱贫攻坚成果同乡村振兴领导小组审定的2024年度项目计划，现将第二批中央和省级财政衔接推进乡村振兴补助资金8736万元下达给你们（详见附件），并就有关事项通知如下：",
               "一、本批资金中用于产业发展的5942万元，占68.0%。",
               "二、请各项目实施单位加快项目实施和资金支出进度，确保9月底前支出进度达到80%以上，11月底前全部支出完毕。",
               "三、资金使用严格执行负面清单，不得用于偿还债务、购买交通工具、发放工作人员补贴等。"],
        atts=["2024年第二批衔接推进乡村振兴补助资金分配表"],
        sign="漳源县财政局\u3000\u3000\u3000\u3000漳源县乡村振兴局", date="2024-05-16",
        indicator="A04", covers=[("A04", 1)], kind="notice", unit="漳源县财政局")

    doc("a04_xiangmuku", "漳源县财政局/2025年度项目库入库项目公示.docx",
        title="漳源县2025年度巩固拓展脱贫攻坚成果和乡村振兴项目库\n入库项目公示",
        paras=["按照项目库建设管理有关规定，经村级申报、乡镇审核、县级行业部门论证，拟将以下214个项目纳入2025年度县级项目库，总投资3.26亿元。其中产业发展类项目132个，就业项目9个，乡村建设行动项目61个，其他项目12个。",
               "现将入库项目予以公示，公示期为2024年11月25日至12月1日。对公示内容有异议的，请在公示期内向县乡村振兴局反映。",
               "举报电话：0743-5821366",
               "附：2025年度项目库入库项目清单（共14页，略）"],
        sign="漳源县乡村振兴局", date="2024-11-25",
        indicator="A04", covers=[("A04", 2), ("W01", 1)], kind="notice")

    doc("a04_shouyi", "柳溪镇/柳湾村光伏电站2024年收益分配方案.docx",
        title="柳湾村村级光伏电站2024年度收益分配方案",
        paras=["为规范村级光伏电站收益分配和使用，根据县有关文件要求，经村“两委”提议、村党员大会审议、村民代表会议决议，制定本方案。",
               "一、收益情况",
               "本村300千瓦村级光伏电站2024年1—11月发电量32.6万千瓦时，实现收益25.4万元，扣除运维费用1.8万元后，可分配收益23.6万元。",
               "二、分配办法",
               "（一）设置公益性岗位。安排保洁、护林、水管等公益性岗位24个，每人每月500元，全年支出14.4万元。",
               "（二）开展小型公益事业。用于村组道路维修、路灯维护4.2万元。",
               "（三）奖励补助。对参加公益劳动、人居环境评比先进的农户给予奖励，支出2.0万元。",
               "（四）其余3.0万元留作村级光伏电站维修基金。",
               "三、监督管理",
               "收益分配情况在村务公开栏公示，接受群众监督。严禁将收益用于发放村干部补贴或简单发钱发物。"],
        sign="柳溪镇柳湾村股份经济合作社", date="2024-12-06",
        indicator="A04", covers=[("A04", 4), ("W01", 3)], kind="plan", author="柳湾村")

    # A05 -------------------------------------------------------------
    doc("a05_xuanpai", "县委组织部/关于选派驻村第一书记和工作队员的通知.docx",
        wh="漳组通〔2024〕9号",
        title="关于选派第五批驻村第一书记和工作队员的通知",
        to="各乡镇党委，县直各单位党组（党委）：",
        paras=["根据中央和省委关于向重点乡村持续选派驻村第一书记和工作队的部署，经县委研究，决定选派第五批驻村第一书记和工作队员，现将有关事项通知如下。",
               "一、选派范围。全县脱贫村、易地扶贫搬迁安置社区、乡村振兴任务重的村和党组织软弱涣散村共86个，每村选派第一书记1名、工作队员2名。",
               "二、人员条件。政治素质好，具有一定农村工作经验，身体健康，原则上为45岁以下的科级或科级以下干部。",
               "三、任期与轮换。第一书记和工作队员任期2年，到期轮换，轮换前做好工作交接，确保工作不断档。",
               "四、管理考核。驻村干部每月驻村时间不少于20天，实行“乡镇管理、派出单位负责、县委组织部考核”的管理办法。",
               "附件：第五批驻村第一书记和工作队员名单（86个村，258人，另发）"],
        sign="中共漳源县委组织部", date="2024-04-08", date_fmt="cn",
        indicator="A05", covers=[("A05", 1)], kind="notice", author="组织部")

    doc("a05_dingdian", "县委组织部/省交通运输厅定点帮扶漳源县2024年工作总结.docx",
        title="省交通运输厅2024年定点帮扶漳源县工作总结",
        paras=["2024年，省交通运输厅认真落实定点帮扶责任，围绕交通基础设施、产业发展和人才帮扶，全年直接投入帮扶资金1650万元，引进帮扶资金3200万元，培训基层干部和技术人员1120人次，购买和帮助销售农产品586万元。",
               "一、持续改善交通条件。支持石桥镇冯家岭村至黄泥坳村联网公路建设，全长7.8公里；完成沙河镇危桥改造2座。",
               "二、扶持特色产业。帮助石桥镇建设茶叶加工厂1座，带动周边农户增收。",
               "三、加强人才帮扶。厅机关选派1名处级干部挂任县委常委、副县长，选派3名干部担任驻村第一书记。",
               "四、推进消费帮扶。厅系统工会采购漳源县农产品212万元，帮助对接销售374万元。"],
        sign="省交通运输厅驻漳源县帮扶工作队", date="2024-12-18",
        indicator="A05", covers=[("A05", 3)], kind="summary")

    doc("a05_dongxi", "漳源县乡村振兴局/东西部协作2024年项目和资金情况.docx",
        title="2024年鄞州区—漳源县东西部协作项目和资金使用情况",
        paras=["2024年，宁波市鄞州区共安排漳源县财政援助资金6200万元，实施协作项目27个，截至12月20日，已完工项目24个，资金支出5734万元，支出率92.5%。",
               ("table", [["项目类别", "项目个数", "安排资金（万元）", "已支出（万元）"],
                          ["产业发展", "15", "3980", "3712"],
                          ["劳务协作", "3", "520", "520"],
                          ["乡村建设", "6", "1300", "1152"],
                          ["人才交流", "3", "400", "350"],
                          ["合计", "27", "6200", "5734"]]),
               "主要项目有：石桥镇茶叶精深加工项目、马坊镇农产品冷链仓储项目、柳溪镇竹编产业园标准化厂房项目等。",
               "消费协作方面，在鄞州区设立漳源农特产品展销中心1个，全年销售漳源县农特产品1.08亿元。"],
        sign="漳源县乡村振兴局", date="2024-12-20", indicator="A05", covers=[("A05", 4)], kind="report")


def docs_houpinggu():
    doc("r01_jiyao", "县委办/县委常委会会议纪要（第21次）.docx",
        org="中共漳源县委常委会会议纪要",
        wh="〔2024〕21号",
        title=None,
        paras=["2024年8月15日下午，县委书记罗志刚主持召开县委常委会会议。县委常委出席，县人大常委会、县政府、县政协有关负责同志和县直有关单位主要负责同志列席。会议研究了以下事项：",
               "一、关于巩固拓展脱贫攻坚成果工作",
               "会议听取了县乡村振兴局关于2024年上半年巩固拓展脱贫攻坚成果工作情况的汇报，以及省级后评估反馈问题整改进展情况。会议指出，今年是过渡期第四年，守住不发生规模性返贫底线的任务依然艰巨。会议要求：（一）各乡镇党委书记要落实第一责任人责任，每月至少研究一次巩固衔接工作；（二）防返贫集中排查发现的问题9月底前全部整改到位；（三）县纪委监委要加强对衔接资金使用的监督。",
               "二、关于农村人居环境整治提升工作",
               "会议同意《漳源县2024年村庄清洁行动方案》，由县农业农村局牵头组织实施。",
               "三、其他事项（略）",
               "出席：罗志刚、邓文杰、郭明华、曾建平、苏永强、吕秀芳、严海军",
               "列席：县乡村振兴局、县农业农村局、县财政局主要负责同志"],
        sign="中共漳源县委办公室", date="2024-08-16",
        indicator=None, covers=[("R01", 1)], kind="minutes", cc="分送：县委常委，县人大常委会、县政府、县政协党组。",
        title_label="中共漳源县委常委会会议纪要")

    doc("r01_guoduqi", f"{XZ}/过渡期工作方案（2024年修订）.docx",
        title="漳源县巩固拓展脱贫攻坚成果同乡村振兴有效衔接\n过渡期工作方案",
        sub="（2024年修订）",
        paras=["为做好过渡期后两年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作，根据省、市相关部署，对2021年印发的过渡期工作方案进行修订。",
               "一、总体要求",
               "坚持摘帽不摘责任、不摘政策、不摘帮扶、不摘监管，保持主要帮扶政策总体稳定，确保到2025年底脱贫攻坚成果巩固拓展、乡村振兴全面推进。",
               "二、目标任务",
               "到2025年，全县脱贫人口人均纯收入年均增长不低于10%，衔接资金用于产业发展比例不低于60%，脱贫劳动力务工规模稳定在3.1万人以上。",
               "三、重点措施",
               "（一）健全常态化防止返贫监测帮扶机制。（二）促进脱贫人口持续增收。（三）加强帮扶项目资产管理。（四）做好易地搬迁后续扶持。（五）推进乡村建设和乡村治理。",
               "四、保障措施",
               "落实五级书记抓巩固衔接责任，县级领导联乡包村，县直单位结对帮扶，强化考核评估结果运用。"],
        sign="漳源县巩固拓展脱贫攻坚成果同乡村振兴领导小组", date="2024-02-27",
        indicator=None, covers=[("R01", 2)], kind="plan")

    doc("r04_tongbao", f"{XZ}/专项督查问题通报（第二轮）.docx",
        wh="漳振办〔2024〕26号",
        title="关于2024年第二轮巩固脱贫成果专项督查情况的通报",
        to="各乡镇党委、人民政府，县直有关单位：",
        paras=["9月9日至20日，县巩固拓展脱贫攻坚成果同乡村振兴领导小组办公室抽调18名干部组成6个督查组，采取“四不两直”方式，对全县16个乡镇开展了第二轮专项督查暗访，共走访农户862户。现将有关情况通报如下。",
               "一、总体情况",
               "从督查情况看，各乡镇对巩固脱贫成果工作重视程度较高，监测帮扶机制运行总体顺畅。但也发现问题41个，其中监测帮扶类15个、“三保障”和饮水安全类9个、产业就业类7个、项目资产类6个、基础资料类4个。",
               "二、典型问题",
               "（一）龙口乡三岔村1户监测户帮扶措施仅有“政策宣传”，针对性不强。（二）沙河镇柴家湾村2户脱贫户家中自来水压力不足，未及时反映。（三）马坊镇白果村扶贫车间设备闲置。（四）青岗乡庙湾村帮扶手册填写与实际不符。",
               "三、整改要求",
               "各乡镇要对照问题清单，10月31日前完成整改，整改情况报县领导小组办公室。对整改不力、问题反弹的，将按规定约谈问责。"],
        atts=["2024年第二轮专项督查问题清单"],
        sign="漳源县巩固拓展脱贫攻坚成果同乡村振兴领导小组办公室", date="2024-09-27",
        indicator=None, covers=[("R04", 1), ("W02", 1)], kind="notice")

    doc("w02_xiaohao", f"{XZ}/后评估反馈问题整改销号清单.docx",
        title="2023年度省级后评估反馈问题整改销号清单",
        sub="（截至2024年10月31日）",
        paras=[("table", [["序号", "反馈问题", "责任单位", "整改措施", "整改时限", "销号情况"],
                          ["1", "个别监测对象风险消除把关不严", "县乡村振兴局", "对2023年风险消除户逐户复核", "2024年3月", "已销号"],
                          ["2", "部分村帮扶项目资产管护责任不清", "县农业农村局", "逐项明确管护主体，签订管护协议", "2024年6月", "已销号"],
                          ["3", "公益性岗位人员超龄", "县人社局", "清退超龄人员37人", "2024年4月", "已销号"],
                          ["4", "部分脱贫户饮水季节性不足", "县水利局", "新建改造供水工程12处", "2024年9月", "已销号"],
                          ["5", "产业项目联农带农机制不完善", "县农业农村局", "完善利益联结机制，签订带动协议", "2025年6月", "持续整改"]]),
               "说明：共反馈问题5个，已整改销号4个，持续整改1个。"],
        indicator=None, covers=[("W02", 3), ("R04", 2)], kind="report", unit=XZ, unit_stated=False, date="2024-10-31",
        author="")

    doc("s04_manyi", f"{XZ}/群众满意度抽样调查情况.docx",
        title="关于2024年巩固脱贫成果群众满意度抽样调查情况的报告",
        paras=["为客观掌握群众对帮扶工作和巩固成效的评价，11月中旬，县乡村振兴局委托漳源县社情民意调查中心，采取电话访问和入户访谈相结合的方式，在全县16个乡镇随机抽取1200户开展满意度调查。",
               "一、调查结果",
               "有效样本1168户。群众对帮扶工作的总体满意度为96.3%，其中“非常满意”占58.7%，“比较满意”占37.6%。对帮扶干部工作作风的满意度为97.1%，对产业就业帮扶的满意度为92.4%，对住房和饮水安全的满意度为95.8%。",
               "二、群众反映的主要问题",
               "一是部分农户反映务工岗位信息获取渠道少；二是个别村组道路维护不及时；三是少数群众对低保政策不够了解。",
               "三、建议",
               "加强政策宣传，建立群众意见反馈和回应机制。"],
        sign="漳源县乡村振兴局", date="2024-12-02", indicator=None, covers=[("S04", 1)], kind="report")

    doc("w04_peixun", f"{XZ}/关于举办全县帮扶干部业务培训班的通知.docx",
        wh="漳振办〔2024〕19号",
        title="关于举办全县巩固衔接帮扶干部业务培训班的通知",
        to="各乡镇人民政府，县直有关单位：",
        paras=["为提升帮扶干部政策水平和业务能力，经研究，决定举办全县巩固衔接帮扶干部业务培训班。",
               "一、培训时间：2024年6月20日至21日，会期2天。",
               "二、培训地点：县委党校二楼报告厅。",
               "三、参训对象：各乡镇分管领导、乡村振兴工作站站长，驻村第一书记，县直有关单位业务骨干，共约220人。",
               "四、培训内容：防返贫监测帮扶政策、帮扶项目资产管理、信息系统操作、入户走访方法等。",
               "五、请各单位于6月17日前将参训人员名单报县乡村振兴局综合股。参训人员须按时签到，不得请人代签。",
               ("pre", "附件"),
               ("title", "培训班签到表"),
               ("table", [["序号", "单位", "姓名", "职务", "6月20日上午", "6月20日下午", "6月21日上午"],
                          ["1", "柳溪镇", "邹建华", "副镇长", "邹建华", "邹建华", "邹建华"],
                          ["2", "柳溪镇", "刘玉珍", "站长", "刘玉珍", "刘玉珍", "刘玉珍"],
                          ["3", "石桥镇", "冯建军", "站长", "冯建军", "冯建军", "请假"],
                          ["4", "石桥镇冯家岭村", "周志勇", "第一书记", "周志勇", "周志勇", "周志勇"],
                          ["5", "龙口乡", "熊海", "副乡长", "熊海", "熊海", "熊海"]])],
        sign="漳源县巩固拓展脱贫攻坚成果同乡村振兴领导小组办公室", date="2024-06-12",
        indicator=None, covers=[("W04", 1)], kind="notice")

    doc("w05_jianfu", "新建 Microsoft Word 文档.docx",
        title="关于精简基层台账资料切实为基层减负的通知",
        paras=["各乡镇、各村（社区）：",
               "近期督查发现，部分村仍存在台账资料过多、重复填报、层层加码等问题。为切实减轻基层负担，现就有关事项通知如下：",
               "一、巩固衔接工作台账统一精简为“一本账、一张表”，各乡镇不得自行增设台账表格。",
               "二、凡能通过信息系统导出的数据，不再要求村级纸质报送。",
               "三、不得以留痕代替工作实绩，不得要求驻村干部每日拍照打卡上传。",
               "四、县纪委监委将对形式主义、官僚主义问题开展专项监督检查，发现一起查处一起。"],
        indicator=None, covers=[("W05", 1)], kind="notice", unit=None, date=None, date_stated=False,
        untidy=True, author="Administrator")

    doc("r03_mingce", "石桥镇/石桥镇帮扶责任人名册.docx",
        title="石桥镇脱贫户和监测户帮扶责任人名册",
        paras=[("pre", "制表单位：石桥镇人民政府"),
               ("table", [["序号", "村", "帮扶对象（户主）", "户类型", "帮扶责任人", "工作单位", "联系电话"],
                          ["1", "冯家岭村", "冯德顺", "监测户", "冯建军", "石桥镇农业服务中心", "13907435826"],
                          ["2", "冯家岭村", "黄玉兰", "监测户", "周志勇", "省交通运输厅", "13574320619"],
                          ["3", "冯家岭村", "冯国平", "监测户", "冯建军", "石桥镇农业服务中心", "13907435826"],
                          ["4", "王庄村", "王有才", "脱贫户", "邓丽娟", "县财政局", "18207431150"],
                          ["5", "王庄村", "王桂花", "脱贫户", "邓丽娟", "县财政局", "18207431150"],
                          ["6", "石桥村", "石金山", "脱贫户", "田志明", "县交通运输局", "13874398201"]]),
               ("pre", "制表时间：2024年5月20日")],
        indicator="A05", covers=[("R03", 1)], kind="other", unit="石桥镇人民政府", date="2024-05-20")


def docs_BF():
    # B01 -------------------------------------------------------------
    doc("b01_yanshou", f"{NY}/2023年度高标准农田建设项目竣工验收报告.pdf",
        title="漳源县2023年度高标准农田建设项目\n竣工验收报告",
        paras=["项目名称：漳源县2023年度高标准农田建设项目（石桥镇、马坊镇片区）",
               "建设单位：漳源县农业农村局",
               "一、项目概况",
               "项目批复建设面积2.1万亩，其中新建1.6万亩、改造提升0.5万亩，涉及石桥镇冯家岭村、王庄村、石桥村和马坊镇马坊村、东坡村等9个行政村。批复总投资4200万元，亩均投资2000元。",
               "二、建设内容完成情况",
               "完成土地平整3860亩，新建和改造渠道46.3公里，新建机耕路28.7公里、生产路19.2公里，新建提灌站4座，配套农田防护林网带5.6公里，实施土壤改良1.1万亩。各项工程量均达到或超过设计要求。",
               "三、验收组织",
               "2024年5月20日至23日，县农业农村局会同县财政局、县自然资源局、县水利局，邀请3名市级专家组成验收组，采取查阅资料、现场抽查、走访群众等方式对项目进行了竣工验收。现场抽查工程点位62个，抽查率达到15%。",
               "四、验收结论",
               "验收组认为，项目建设程序规范，工程质量合格，资金使用符合规定，档案资料齐全，同意通过竣工验收。项目区新增耕地214亩，预计亩均增产粮食80公斤以上。",
               "五、后续管护",
               "项目移交乡镇和村集体经济组织管护，签订管护协议，落实管护经费每亩每年10元。"],
        sign="漳源县2023年度高标准农田建设项目竣工验收组", date="2024-05-28",
        indicator="B01", covers=[("B01", 2)], kind="report", convert="pdf")

    doc("b01_kaohe", f"{NY}/乡镇粮食安全责任制考核结果通报.docx",
        wh="漳粮安〔2024〕2号",
        title="关于2023年度乡镇粮食安全党政同责考核结果的通报",
        to="各乡镇党委、人民政府：",
        paras=["根据《漳源县粮食安全党政同责考核办法》，县粮食安全党政同责考核工作组对16个乡镇2023年度粮食生产、耕地保护、高标准农田建设、撂荒地整治等情况进行了考核。现将考核结果通报如下：",
               "优秀等次（4个）：石桥镇、马坊镇、柳溪镇、沙河镇。",
               "良好等次（10个）：龙口乡、青岗乡等。",
               "合格等次（2个）：略。",
               "考核结果纳入乡镇年度综合绩效考核。各乡镇要对照考核中发现的问题，抓好整改落实，确保2024年粮食播种面积稳定在61.5万亩以上、产量稳定在22.8万吨以上。"],
        sign="漳源县粮食安全党政同责考核工作组", date="2024-02-19",
        indicator="B01", covers=[("B01", 5)], kind="notice")

    # B02 -------------------------------------------------------------
    doc("b02_fangan", f"{NY}/漳源县茶叶产业发展三年行动方案.docx",
        wh="漳政办发〔2024〕8号",
        title="漳源县茶叶产业高质量发展三年行动方案\n（2024—2026年）",
        paras=["茶叶是我县传统优势产业和富民产业。截至2023年底，全县茶园面积12.6万亩，年产干茶4800吨，综合产值18.2亿元，带动脱贫户1.1万户。为推动茶叶产业提质增效，制定本方案。",
               "一、发展目标",
               "到2026年，全县茶园面积稳定在13万亩，其中良种茶园占比达到85%；年产干茶6000吨以上，综合产值突破25亿元；培育年产值亿元以上茶叶企业3家。",
               "二、重点任务",
               "（一）建设标准化生态茶园。（二）提升茶叶加工水平。（三）打响“漳源毛尖”区域公用品牌。（四）推动茶旅融合发展，建设柳溪—石桥茶旅精品线路。",
               "三、保障措施",
               "县财政每年统筹安排茶叶产业发展资金不少于3000万元，衔接资金用于茶叶产业的比例不低于20%。"],
        sign="漳源县人民政府办公室", date="2024-03-18",
        indicator="B02", covers=[("B02", 1)], kind="plan")

    doc("b02_minglu", f"{NY}/农业产业化龙头企业和示范合作社名录（2024年更新）.docx",
        title="漳源县农业产业化龙头企业和农民合作社示范社名录",
        sub="（2024年更新）",
        paras=[("h1", "一、农业产业化龙头企业"),
               ("table", [["序号", "企业名称", "级别", "主营产品", "所在乡镇"],
                          ["1", "漳源县绿源农业科技有限公司", "省级", "茶叶", "石桥镇"],
                          ["2", "漳源县丰禾粮油有限公司", "市级", "大米、菜籽油", "马坊镇"],
                          ["3", "漳源县山里红食品有限公司", "市级", "辣椒制品", "沙河镇"],
                          ["4", "漳源县竹韵工艺品有限公司", "县级", "竹编", "柳溪镇"]]),
               ("h1", "二、农民合作社示范社"),
               ("table", [["序号", "合作社名称", "级别", "成员数", "所在村"],
                          ["1", "漳源县金穗种植专业合作社", "国家级", "286", "石桥镇冯家岭村"],
                          ["2", "漳源县柳湾竹编专业合作社", "省级", "132", "柳溪镇柳湾村"],
                          ["3", "漳源县高庄生猪养殖专业合作社", "市级", "48", "马坊镇高庄村"],
                          ["4", "漳源县桦树沟中药材专业合作社", "县级", "67", "龙口乡桦树沟村"]])],
        indicator="B02", covers=[("B02", 2)], kind="other", unit=NY, unit_stated=False, date=None,
        date_stated=False, author="农经站")

    doc("b02_ronghe", "马坊镇/马坊镇农产品加工园项目情况汇报.docx",
        title="马坊镇农产品加工园建设情况汇报",
        paras=["马坊镇农产品加工园位于马坊村，规划面积320亩，总投资1.8亿元，是我镇推进一二三产业融合发展的重点项目。",
               "一、建设进展。一期已建成标准化厂房2.4万平方米、冷链仓储库容1.2万吨，入驻企业7家，其中漳源县丰禾粮油有限公司年加工稻谷3万吨。",
               "二、联农带农。园区企业与周边4个村1860户农户签订订单收购协议，带动脱贫户624户，户均年增收3200元；吸纳当地劳动力就业386人。",
               "三、存在困难。园区污水处理设施尚未配套，二期用地指标需县里统筹解决。"],
        sign="马坊镇人民政府", date="2024-09-10", date_fmt="cn",
        indicator="B02", covers=[("B02", 3)], also=["F03"], kind="report")

    # B03 -------------------------------------------------------------
    doc("b03_boruocun", f"{NY}/消除集体经济薄弱村工作方案.docx",
        wh="漳农发〔2024〕12号",
        title="漳源县2024年消除村级集体经济薄弱村工作方案",
        paras=["为加快发展壮大新型农村集体经济，2024年全县要实现村级集体经济年经营性收入10万元以下的薄弱村全部清零，制定本方案。",
               "一、摸清底数。2023年底全县有集体经营性收入10万元以下的村23个，其中5万元以下的7个。",
               "二、分类施策。资源型村盘活闲置土地、山林和房屋；区位型村发展物业经济；产业型村由党支部领办合作社，发展订单农业和社会化服务。",
               "三、结对帮扶。每个薄弱村明确1名县级领导联系、1个县直单位结对。",
               "四、考核激励。对年内实现脱薄的村，按照收入增量给予村干部绩效奖励。"],
        sign="漳源县农业农村局", date="2024-03-22",
        indicator="B03", covers=[("B03", 2)], kind="plan")

    doc("b03_lingban", "石桥镇/冯家岭村党支部领办合作社情况.docx",
        title="党建引领聚合力　抱团发展促增收",
        sub="——冯家岭村党支部领办金穗种植专业合作社情况介绍",
        paras=["冯家岭村地处石桥镇西部，全村386户1452人，耕地2860亩。2021年村党支部领办漳源县金穗种植专业合作社，村集体以集体土地和高标准农田设施入股，占股30%，农户以土地经营权入股。",
               "合作社实行“党支部＋合作社＋农户”模式，统一育秧、统一机耕、统一植保、统一收储。2024年流转入股土地2130亩，种植优质稻1800亩，实现经营收入412万元，村集体分红18.6万元，入社农户户均分红2100元。",
               "下一步，合作社计划新建烘干中心1座，延伸稻米加工链条，注册“冯家岭”大米商标。"],
        indicator="B03", covers=[("B03", 3)], kind="report", unit="石桥镇", unit_stated=False,
        date=None, date_stated=False, author="")

    # C01 -------------------------------------------------------------
    doc("c01_guanhu", "柳溪镇/柳溪镇农村公厕管护制度.docx",
        title="柳溪镇农村公共厕所管护制度",
        paras=["第一条　为加强农村公共厕所日常管护，保障公厕干净、卫生、好用，制定本制度。",
               "第二条　公厕管护实行“镇统筹、村负责、专人管”，每座公厕落实1名管护员。",
               "第三条　管护员每天保洁不少于2次，做到地面无积水、便池无污垢、室内无异味、设施无损坏，并填写保洁记录。",
               "第四条　镇农业服务中心每月对公厕管护情况进行检查，检查结果与管护员报酬挂钩。",
               ("pre", "附：公厕管护人员名单"),
               ("table", [["序号", "公厕位置", "管护员", "联系电话"],
                          ["1", "柳湾村村部", "王春兰", "13787412093"],
                          ["2", "柳湾村文化广场", "王德贵", "15874392216"],
                          ["3", "杏林村集镇", "郭小梅", "18774306521"],
                          ["4", "下河村渡口", "陆永胜", "13974326680"],
                          ["5", "柳溪社区农贸市场", "江秀珍", "13574398125"]])],
        sign="柳溪镇人民政府", date="2024-04-15",
        indicator="C01", covers=[("C01", 3)], kind="other")

    # C02 -------------------------------------------------------------
    doc("c02_hetong", "柳溪镇/柳溪镇农村环卫保洁服务合同.docx",
        title="柳溪镇农村生活垃圾收运及环卫保洁服务合同",
        paras=["合同编号：LXZ-HW-2024-01",
               "甲方：漳源县柳溪镇人民政府",
               "乙方：漳源县清源环卫服务有限公司",
               "根据公开招标结果，甲方委托乙方承担柳溪镇辖区内4个村（社区）的农村生活垃圾收集、转运和公共区域保洁服务，双方签订本合同。",
               "一、服务范围：柳湾村、杏林村、下河村、柳溪社区的主次干道、公共场所保洁，垃圾收集点清运，镇垃圾中转站运行管理。",
               "二、服务期限：2024年1月1日至2026年12月31日。",
               "三、服务费用：每年186万元，按季度考核后支付。",
               "四、考核标准：垃圾日产日清，清运率100%；主干道每日普扫2次；收集点周边无散落垃圾。考核得分低于80分的，按比例扣减服务费。",
               "五、乙方须配备保洁员不少于42人、垃圾收运车辆不少于6台，为保洁员购买意外伤害保险。",
               "甲方（盖章）：柳溪镇人民政府　　　　乙方（盖章）：漳源县清源环卫服务有限公司",
               "签订日期：2023年12月26日"],
        indicator="C02", covers=[("C02", 5)], kind="other", unit="漳源县柳溪镇人民政府", date="2023-12-26")

    doc("c02_tixi", "漳源县住房和城乡建设局/农村生活垃圾收运处置体系建设情况.docx",
        title="关于全县农村生活垃圾收运处置体系建设情况的报告",
        to="县人民政府：",
        paras=["按照“户分类、村收集、镇转运、县处理”的模式，我县农村生活垃圾收运处置体系已实现行政村全覆盖。现将有关情况报告如下。",
               "一、设施建设。全县建成乡镇垃圾中转站16座，配置压缩式转运车32台、村级收集车218台，设置垃圾收集点（池、桶）1.36万个，县生活垃圾焚烧发电厂日处理能力600吨。",
               "二、运行机制。16个乡镇中有11个采取市场化方式委托第三方运营，5个由乡镇环卫所自行运营。全县配备农村保洁员2142名。",
               "三、分类减量。在柳溪镇、沙河镇开展农村生活垃圾分类试点，试点村垃圾减量约30%。",
               "四、存在问题。部分偏远村组收运频次偏低，个别中转站渗滤液处理不达标。"],
        sign="漳源县住房和城乡建设局", date="2024-07-30",
        indicator="C02", covers=[("C02", 1)], kind="report")

    doc("c02_heichou", "生态环境局漳源分局/农村黑臭水体整治台账.docx",
        title="漳源县农村黑臭水体整治清单",
        paras=[("pre", "报送单位：市生态环境局漳源分局"),
               ("table", [["序号", "水体名称", "所在村", "面积（平方米）", "主要成因", "整治措施", "计划完成时间", "进展"],
                          ["1", "柳湾村后塘", "柳溪镇柳湾村", "2600", "生活污水直排", "截污纳管、清淤", "2024年10月", "已完成"],
                          ["2", "高庄村沟渠", "马坊镇高庄村", "1800", "养殖废水", "养殖场关停、生态修复", "2024年11月", "已完成"],
                          ["3", "新民村池塘", "沙河镇新民村", "3200", "垃圾堆积、内源污染", "清淤、岸坡整治", "2025年5月", "整治中"]]),
               ("pre", "截至2024年12月15日")],
        indicator="C02", covers=[("C02", 4)], kind="report", unit="市生态环境局漳源分局", date="2024-12-15")

    # C03 -------------------------------------------------------------
    doc("c03_fangan", f"{NY}/2024年村庄清洁行动方案.docx",
        wh="漳农发〔2024〕7号",
        title="漳源县2024年村庄清洁行动方案",
        to="各乡镇人民政府，县直有关单位：",
        paras=["为持续改善农村人居环境，建设宜居宜业和美乡村，决定在全县深入开展村庄清洁行动，制定本方案。",
               "一、行动内容",
               "以“三清三拆三整治”为重点：清理农村生活垃圾、清理村内塘沟、清理畜禽养殖粪污等农业生产废弃物；拆除危旧房、拆除乱搭乱建、拆除违规广告牌；整治房前屋后、整治村内道路、整治公共空间。",
               "二、时间安排",
               "春节前后、春耕前、夏季和秋冬季分四个阶段开展集中行动，每月最后一周的周五为全县“村庄清洁日”。",
               "三、工作要求",
               "各乡镇每季度报送一次工作简报，县农业农村局每季度组织一次交叉检查，检查结果在全县通报，排名后三位的乡镇作表态发言。"],
        sign="漳源县农业农村局", date="2024-02-26",
        indicator="C03", covers=[("C03", 1)], kind="plan")

    doc("c03_jianbao", "柳溪镇/村庄清洁行动简报第5期.docx",
        title="村庄清洁行动简报",
        sub="第5期",
        pre=["柳溪镇人居环境整治工作专班　　　　　　　　　　2024年8月30日"],
        paras=["【工作动态】8月以来，我镇以“清洁家园迎丰收”为主题，组织干部群众1860人次开展集中整治，清理垃圾326吨，清理沟渠14.2公里，拆除乱搭乱建43处、残垣断壁28处。",
               "【经验做法】柳湾村推行“红黑榜”，每月评选“清洁庭院”20户，在村务公开栏张榜公布，对上“黑榜”的农户由村干部上门督促整改。",
               "【下步打算】9月重点整治集镇周边和沿河环境，迎接县交叉检查。",
               "报：县农业农村局",
               "送：镇党委、政府班子成员"],
        indicator="C03", covers=[("C03", 1)], kind="other", unit="柳溪镇人居环境整治工作专班",
        date="2024-08-30", title_label="村庄清洁行动简报")

    doc("c03_weijiu", "马坊镇/危旧房拆除台账（马坊镇）.docx",
        title="马坊镇2024年农村危旧房和残垣断壁拆除台账",
        paras=[("pre", "填报单位：马坊镇人民政府（盖章）"),
               ("table", [["序号", "村", "户主", "房屋类型", "面积（㎡）", "拆除时间", "拆后利用"],
                          ["1", "马坊村", "马国强", "闲置土坯房", "86", "2024.4.10", "四小园"],
                          ["2", "马坊村", "马德兴", "残垣断壁", "32", "2024.4.11", "停车场"],
                          ["3", "东坡村", "汤建平", "D级危房（无人居住）", "120", "2024.5.6", "复垦"],
                          ["4", "高庄村", "高永福", "倒塌畜圈", "45", "2024.6.18", "绿化"],
                          ["5", "白果村", "严秀兰", "闲置厨房", "28", "2024.7.2", "四小园"]]),
               ("pre", "填报日期：2024年7月15日")],
        indicator="C03", covers=[("C03", 2)], kind="report", unit="马坊镇人民政府", date="2024-07-15")

    # C04 -------------------------------------------------------------
    doc("c04_jiegan", f"{NY}/2024年秸秆综合利用和农膜回收工作总结.docx",
        title="2024年全县秸秆综合利用和农膜回收工作总结",
        paras=["2024年，全县农作物秸秆可收集量31.8万吨，综合利用量29.6万吨，综合利用率93.1%，比上年提高1.4个百分点。其中肥料化利用17.2万吨，饲料化利用7.9万吨，燃料化利用2.6万吨，基料化和原料化利用1.9万吨。",
               "农膜回收方面，全县农膜使用量1260吨，回收1083吨，回收率86.0%。建成乡镇农膜回收网点16个、村级回收点132个，与漳源县再生资源回收有限公司签订统一收购协议。",
               "存在的问题主要是丘陵山区秸秆收储运成本高，地膜回收后的再利用渠道少。"],
        sign=NY, date="2024-12-26",
        indicator="C04", covers=[("C04", 3)], kind="summary")

    doc("c04_yangzhi", "生态环境局漳源分局/高庄村养殖场环境问题整改报告.docx",
        title="关于马坊镇高庄村生猪养殖场环境问题整改情况的报告",
        to="市生态环境局：",
        paras=["2024年4月，群众反映马坊镇高庄村漳源县高庄生猪养殖专业合作社养殖场废水直排沟渠。我分局接报后立即会同马坊镇政府开展调查，现将整改情况报告如下。",
               "一、基本情况。该养殖场年出栏生猪3200头，2019年办理了环境影响登记表备案，配套建设沼气池300立方米，但雨污分流设施损坏，部分废水经雨水沟外溢。",
               "二、处理情况。我分局依法下达责令改正违法行为决定书，并处罚款5万元。",
               "三、整改情况。养殖场投入46万元，新建雨污分流管网860米、干粪棚200平方米，扩建沼液储存池1200立方米，与周边种植大户签订沼液消纳协议，消纳土地680亩。6月12日经现场复核，整改到位。"],
        sign="市生态环境局漳源分局", date="2024-06-20",
        indicator="C04", covers=[("C04", 5)], kind="report")

    # D01 -------------------------------------------------------------
    doc("d01_cunguiminyue", "柳溪镇/柳湾村村规民约.docx",
        title="柳湾村村规民约",
        sub="（2024年3月10日村民代表会议修订通过）",
        paras=["一、爱党爱国守法纪，遵规守约树新风。",
               "二、婚事新办不攀比，彩礼不超过三万元；丧事简办不铺张，酒席不超过十五桌。",
               "三、房前屋后勤打扫，垃圾分类入桶箱；不乱搭乱建，不占道堆放柴草。",
               "四、孝老爱亲讲和睦，邻里有事好商量。",
               "五、不赌博、不迷信，远离毒品和邪教。",
               "六、爱护公共设施，保护山林水源，不在河道倾倒垃圾。",
               "七、违反本村规民约的，由村民委员会进行批评教育，取消当年评先评优资格。",
               "本村规民约自通过之日起施行。"],
        sign="柳湾村村民委员会", indicator="D01", covers=[("D01", 3)], kind="other", date="2024-03-10",
        date_label="2024-03-10", untidy=True)

    doc("d01_hongbai", "龙口乡/龙口村红白理事会章程.docx",
        title="龙口村红白理事会章程",
        paras=["第一条　本会是在村党支部领导下，由村民推选产生的群众性自治组织，负责指导和管理本村婚丧事宜。",
               "第二条　理事会设会长1名、副会长2名、理事4名，由村民代表会议选举产生，任期与村民委员会相同。",
               "第三条　红事标准：彩礼不超过3万元，婚宴不超过15桌，每桌标准不超过600元。",
               "第四条　白事标准：提倡火化和生态安葬，丧事办理一般不超过3天，不请乐队、不放高音喇叭。",
               "第五条　村民办理婚丧事宜须提前3天向理事会报备，理事会派员帮助操办。",
               ("pre", "附：2024年理事会活动记录（摘要）"),
               ("table", [["日期", "事项", "参加人员", "备注"],
                          ["2024.2.18", "指导龙玉祥家婚事简办", "龙金生、谭春花", "婚宴12桌"],
                          ["2024.5.3", "帮助办理龙德海老人丧事", "龙金生、谭德明", "3天办结"],
                          ["2024.10.6", "理事会例会，学习移风易俗政策", "全体理事", ""]])],
        sign="龙口村红白理事会", date="2024-10-08", date_fmt="cn",
        indicator="D01", covers=[("D01", 4)], kind="other")

    # D02 -------------------------------------------------------------
    doc("d02_chuantong", f"漳源县文化广电旅游体育局/传统村落和非物质文化遗产保护工作情况.docx",
        title="关于2024年传统村落和非物质文化遗产保护工作情况的报告",
        paras=["我县现有中国传统村落3个（龙口乡桦树沟村、石桥镇黄泥坳村、青岗乡石门村），省级传统村落5个；有省级非物质文化遗产代表性项目4项、市级12项、县级37项。",
               "一、传统村落保护。完成桦树沟村保护发展规划修编，实施传统民居修缮28栋、古巷道修复1.6公里，投入资金860万元。",
               "二、非物质文化遗产保护传承。“漳源花灯”入选第六批省级非物质文化遗产代表性项目名录。新认定县级代表性传承人15名，在中小学开展传承进校园活动42场。",
               "三、下一步。推动石门村申报第七批中国传统村落，启动漳源花灯数字化记录工程。"],
        sign="漳源县文化广电旅游体育局", date="2024-11-22",
        indicator="D02", covers=[("D02", 4)], kind="report")

    # E01 -------------------------------------------------------------
    doc("e01_ruanruo", "县委组织部/软弱涣散村党组织整顿转化台账.docx",
        title="2024年软弱涣散村党组织整顿转化台账",
        paras=[("table", [["序号", "乡镇", "村", "主要问题", "整顿措施", "县级联系领导", "转化情况"],
                          ["1", "龙口乡", "三岔村", "班子不团结，党组织书记长期外出", "调整党组织书记，选派第一书记", "曾建平", "已转化"],
                          ["2", "沙河镇", "柴家湾村", "集体经济薄弱，为民办事少", "党支部领办合作社，完善议事规则", "苏永强", "已转化"],
                          ["3", "青岗乡", "庙湾村", "宗族势力干扰，村务不公开", "开展专项治理，规范四议两公开", "吕秀芳", "巩固提升"]]),
               ("pre", "中共漳源县委组织部组织一股　2024年12月10日")],
        indicator="E01", covers=[("E01", 2)], kind="report", unit="中共漳源县委组织部组织一股",
        date="2024-12-10")

    # E02 -------------------------------------------------------------
    doc("e02_jifen", "县委政法委/乡村治理积分制实施方案.pdf",
        wh="漳政法〔2024〕5号",
        title="漳源县推行乡村治理积分制实施方案",
        paras=["为激发村民参与乡村治理的积极性，在全县推行乡村治理积分制，制定本方案。",
               "一、积分内容。设置遵纪守法、孝老爱亲、环境卫生、移风易俗、志愿服务、产业发展6类28项积分指标，实行基础分＋加减分。",
               "二、积分管理。以户为单位建立积分档案，村级积分评议小组每月评议一次，结果在村务公开栏公示。",
               "三、积分运用。设立积分超市，积分可兑换生活用品；积分结果作为评先评优、入党推荐、贷款授信的重要参考。",
               "四、实施步骤。2024年4月在每个乡镇选择2个村试点，2024年底前全县推开。"],
        sign="中共漳源县委政法委员会", date="2024-03-29",
        indicator="E02", covers=[("E02", 3)], kind="plan", convert="pdf")

    doc("e02_wangge", "沙河镇/沙河镇网格员名单及巡查情况.docx",
        title="沙河镇综治网格员名单",
        paras=[("table", [["网格编号", "网格名称", "网格员", "联系电话", "10月巡查次数", "发现问题", "已处置"],
                          ["SH-01", "沙河村一网格", "雷春生", "13617435210", "22", "3", "3"],
                          ["SH-02", "沙河村二网格", "雷小燕", "18874301962", "21", "2", "2"],
                          ["SH-03", "柴家湾村网格", "柴国荣", "15907439875", "20", "4", "3"],
                          ["SH-04", "新民村网格", "段永红", "13974305548", "23", "1", "1"]]),
               "注：柴家湾村网格1件问题（占道堆放建材）已交村委会限期清理。",
               "沙河镇综治中心　2024年11月4日"],
        indicator="E02", covers=[("E02", 4)], kind="other", unit="沙河镇综治中心", date="2024-11-04")

    doc("e02_pingan", "县委政法委/平安村命名通报.docx",
        wh="漳平安办〔2024〕6号",
        title="关于命名2024年度“平安村（社区）”的通报",
        paras=["经乡镇申报、县平安建设领导小组办公室考评和公示，决定命名柳溪镇柳湾村等42个村（社区）为2024年度“平安村（社区）”。希望受命名的村（社区）珍惜荣誉，持续做好矛盾纠纷化解和治安防范工作。",
               "附件：2024年度“平安村（社区）”名单"],
        sign="漳源县平安建设领导小组办公室", date="2024-12-16",
        indicator="E02", covers=[("E02", 5)], kind="notice")

    # E03 -------------------------------------------------------------
    doc("e03_zhaijidi", f"{NY}/宅基地制度改革试点进展.docx",
        title="柳溪镇农村宅基地制度改革试点工作进展情况",
        paras=["柳溪镇是全省农村宅基地制度改革试点镇。2024年以来，试点工作取得阶段性进展。",
               "一、完成宅基地基础信息调查。全镇调查宅基地4862宗，建立宅基地数据库。",
               "二、探索闲置宅基地和闲置住宅盘活利用。柳湾村、杏林村通过村集体统一收储、农户自主经营、引进社会资本等方式，盘活闲置农房62栋，发展民宿和茶旅体验项目，村集体年增收21万元。",
               "三、规范宅基地审批。全面推行“一个窗口对外受理、多部门内部联动运行”的审批模式，全年审批新建住房宅基地86宗。",
               "四、下一步。完成宅基地有偿退出办法的起草。"],
        sign="柳溪镇人民政府", date="2024-10-25",
        indicator="E03", covers=[("E03", 2)], kind="report")

    doc("e03_jingyan", f"{NY}/“三变”改革经验材料.docx",
        title="盘活“沉睡资源”　激活发展动能",
        sub="——漳源县深化农村集体产权制度改革的实践",
        paras=["近年来，漳源县在完成农村集体产权制度改革的基础上，推动资源变资产、资金变股金、农民变股东，全县村级集体经济收入超过10万元的村占比由2021年的38%提高到2024年的100%。",
               "一、清产核资摸清家底。全县清查核实集体资产14.8亿元、集体土地等资源性资产326万亩，确认集体经济组织成员41.6万人。",
               "二、股权量化到人到户。以村为单位成立股份经济合作社258个，颁发股权证10.3万本。",
               "三、多元路径发展壮大。推行“党支部领办合作社”“村企联建”“强村带弱村”等模式。",
               "该经验做法在全省农村改革工作会议上作了交流发言，并被《省农村改革简报》第8期刊发推广。"],
        indicator="E03", covers=[("E03", 3), ("E03", 4), ("X01", 1), ("X01", 2)], kind="summary",
        unit=None, date=None, date_stated=False, author="")

    # E04 -------------------------------------------------------------
    doc("e04_rencai", "县委组织部/引进乡村振兴人才若干措施.docx",
        wh="漳办发〔2024〕4号",
        title="中共漳源县委办公室　漳源县人民政府办公室\n关于印发《漳源县引进乡村振兴人才若干措施》的通知",
        paras=["各乡镇党委、人民政府，县直各单位：",
               "《漳源县引进乡村振兴人才若干措施》已经县委、县政府同意，现印发给你们，请认真贯彻执行。",
               "一、对到乡镇工作的全日制本科以上毕业生，给予每月800元生活补贴，连续补贴3年。",
               "二、对返乡入乡创办农业经营主体并带动就业10人以上的，给予最高5万元一次性创业补贴。",
               "三、对在村卫生室、乡村学校工作满5年的医生、教师，在职称评审中单列指标。",
               "四、为引进人才提供人才公寓或租房补贴。"],
        sign="中共漳源县委办公室\n漳源县人民政府办公室", date="2024-05-06",
        indicator="E04", covers=[("E04", 3)], kind="notice", unit="中共漳源县委办公室",
        title_label="中共漳源县委办公室　漳源县人民政府办公室关于印发《漳源县引进乡村振兴人才若干措施》的通知")

    doc("e04_gaosuzhi", f"{NY}/2024年高素质农民培育班学员名单.docx",
        title="2024年高素质农民培育（茶叶生产经营班）学员花名册",
        paras=[("pre", "承办单位：漳源县农业广播电视学校"),
               ("table", [["序号", "姓名", "性别", "年龄", "乡镇", "村", "从事产业", "结业证号"],
                          ["1", "冯秀兰", "女", "42", "石桥镇", "冯家岭村", "茶叶", "ZY2024GS001"],
                          ["2", "王建华", "男", "38", "柳溪镇", "柳湾村", "茶叶", "ZY2024GS002"],
                          ["3", "黄志强", "男", "45", "石桥镇", "黄泥坳村", "茶叶", "ZY2024GS003"],
                          ["4", "郭翠萍", "女", "36", "柳溪镇", "杏林村", "茶叶加工", "ZY2024GS004"],
                          ["5", "向明", "男", "29", "青岗乡", "石门村", "电商销售", "ZY2024GS005"]]),
               "培训时间：2024年7月8日至7月17日，共10天，集中授课与田间实训相结合。",
               ("pre", "2024年7月18日")],
        indicator="E04", covers=[("E04", 1)], kind="other", unit="漳源县农业广播电视学校", date="2024-07-18")

    # F ---------------------------------------------------------------
    doc("f01_zengshou", f"{XZ}/促进农民和脱贫人口增收工作方案.docx",
        title="漳源县2024年促进农民和脱贫人口持续增收工作方案",
        paras=["为确保2024年全县农村居民人均可支配收入增长7%以上、脱贫人口人均纯收入增长10%以上，制定本方案。",
               "一、稳定工资性收入。稳住务工规模，全年脱贫劳动力务工就业稳定在3.1万人以上。",
               "二、提高经营性收入。发展茶叶、油茶、中药材、生猪等特色产业，推广订单农业和保底收购。",
               "三、增加财产性收入。推动集体资产股份分红，探索闲置农房出租、入股。",
               "四、落实转移性收入。及时足额发放各项惠民惠农补贴。",
               "五、强化收入监测。每季度开展一次脱贫户收入抽样监测，对收入下降的农户及时预警帮扶。"],
        sign="漳源县巩固拓展脱贫攻坚成果同乡村振兴领导小组办公室", date="2024-04-02", date_fmt="cn",
        indicator="F01", covers=[("F01", 3)], kind="plan")

    doc("f02_jiaoyu", "漳源县教育局/城乡义务教育资源配置情况.docx",
        title="关于2024年城乡义务教育资源均衡配置情况的汇报",
        paras=["全县有义务教育学校128所，其中乡村学校96所（含小规模学校41所），在校学生5.2万人。",
               "一、经费保障。乡村学校公用经费按每校不低于10万元保障，小规模学校按100人核定。",
               "二、师资配置。全年交流轮岗教师386名，其中县城学校到乡村学校162名；新招聘教师210名，全部充实到乡村学校。",
               "三、办学条件。新改扩建乡村学校校舍2.3万平方米，为12所乡村学校建设标准化食堂。",
               "四、信息化。实现“专递课堂”乡村学校全覆盖。"],
        sign="漳源县教育局", date="2024-10-16",
        indicator="F02", covers=[("F02", 4)], kind="report")

    doc("f03_zhenghe", "县委农办/涉农资金统筹整合方案.docx",
        wh="漳政发〔2024〕3号",
        title="漳源县2024年统筹整合使用财政涉农资金实施方案",
        paras=["为提高财政涉农资金使用效益，集中财力支持巩固拓展脱贫攻坚成果和乡村振兴，制定本方案。",
               "一、整合范围。纳入统筹整合的财政涉农资金共20项，2024年计划整合资金5.86亿元。",
               "二、使用方向。重点用于产业发展、就业帮扶、乡村建设和农村基础设施建设，其中用于产业发展的比例不低于60%。",
               "三、管理要求。整合资金实行“县级统筹、项目管理、绩效考核”，项目原则上从项目库中选取。"],
        sign="漳源县人民政府", date="2024-01-30",
        indicator="F03", covers=[("F03", 2)], kind="plan")

    doc("f03_ganbu", "县委组织部/三农干部选拔任用情况.docx",
        title="2024年选拔使用“三农”工作干部情况",
        paras=["2024年，县委坚持在干部配备上优先考虑“三农”，全年提拔重用乡镇和涉农部门干部68名，占提拔干部总数的41.7%。其中，从驻村第一书记中提拔使用14名，从优秀村党组织书记中考录乡镇公务员3名、招聘事业编制人员6名。",
               "乡镇领导班子中具有农村工作经历的占92%，16个乡镇党委书记全部具有3年以上乡镇工作经历。"],
        sign="中共漳源县委组织部", date="2024-12-12",
        indicator="F03", covers=[("F03", 3)], kind="report", author="干部股")

    doc("f03_yongdi", "漳源县自然资源局/关于保障乡村产业发展用地的通知.docx",
        wh="漳自然资发〔2024〕11号",
        title="关于做好乡村产业发展用地保障工作的通知",
        paras=["各乡镇人民政府，县直有关单位：",
               "为落实乡村产业用地优先保障要求，现将有关事项通知如下：",
               "一、每年安排不少于5%的新增建设用地指标保障乡村重点产业和项目用地。2024年安排乡村产业用地指标312亩。",
               "二、在国土空间规划中预留不超过5%的建设用地机动指标，用于零星分散的单独选址农业设施、乡村旅游设施等建设。",
               "三、支持农村集体经营性建设用地入市用于乡村产业发展。"],
        sign="漳源县自然资源局", date="2024-06-24",
        indicator="F03", covers=[("F03", 4)], kind="notice")

    # X02 -------------------------------------------------------------
    doc("x02_zhenggai", "马坊镇/关于高庄村停水问题舆情的整改报告.docx",
        title="关于高庄村停水网络舆情处置和整改情况的报告",
        to="县委、县政府：",
        paras=["2024年8月6日，有网民在短视频平台发布“马坊镇高庄村连续一周停水无人管”的视频，播放量超过12万次。镇党委、政府高度重视，现将处置和整改情况报告如下。",
               "一、基本情况。经核实，高庄村3组、4组因持续干旱，水源点出水量下降，加上一处主管道破裂，导致68户群众用水困难，时间为7月30日至8月6日。",
               "二、处置情况。8月6日当晚组织消防车和送水车为群众送水；8月8日完成主管道抢修；8月10日恢复正常供水，并在平台发布情况通报。",
               "三、整改措施。新打机井1口，安装水位监测设备；建立村组供水管护员巡查制度；对相关责任人进行了约谈。",
               "四、举一反三。在全镇开展农村供水安全大排查，排查出隐患5处，已全部整改。"],
        sign="中共马坊镇委员会\n马坊镇人民政府", date="2024-08-26",
        indicator="X02", covers=[("X02", 1), ("X02", 2)], also=["A02"], kind="report", unit="中共马坊镇委员会")


def docs_misc():
    # legacy .doc (converted by LibreOffice)
    doc("a05_rizhi", "县委组织部/冯家岭村驻村工作日志（2024年9月）.doc",
        title="驻村工作队工作日志",
        paras=["驻村单位：省交通运输厅　　　驻村地点：石桥镇冯家岭村　　　2024年9月",
               ("table", [["日期", "在岗人员", "工作内容", "记录人"],
                          ["9月2日", "周志勇、田志明、冯雪", "召开村“两委”会议，研究秋收和监测户帮扶", "冯雪"],
                          ["9月3日", "周志勇、冯雪", "走访监测户冯德顺、黄玉兰，核实医疗救助到位情况", "冯雪"],
                          ["9月5日", "周志勇、田志明、冯雪", "协调金穗合作社烘干设备安装", "田志明"],
                          ["9月9日", "田志明、冯雪", "参加镇防返贫工作调度会（周志勇请假1天，已报备）", "冯雪"],
                          ["9月12日", "周志勇、田志明、冯雪", "组织村民代表议定村级光伏收益使用", "冯雪"],
                          ["9月20日", "周志勇、田志明、冯雪", "配合县督查组入户", "田志明"]]),
               "本月应在岗22天，周志勇在岗21天，田志明在岗22天，冯雪在岗22天。"],
        indicator="A05", covers=[("A05", 2), ("R03", 3)], kind="legacy_doc", unit="省交通运输厅",
        date="2024-09-30", date_stated=False, convert="doc", untidy=True)
    # the doc states only the month: no own date
    LABELS[KEYS["a05_rizhi"]]["date"] = None

    doc("d01_shijianzhan", "柳溪镇/柳湾村新时代文明实践站活动记录.doc",
        title="柳湾村新时代文明实践站活动记录",
        paras=[("table", [["时间", "活动名称", "活动地点", "参加人数", "负责人"],
                          ["2024年3月5日", "学雷锋志愿服务：义务理发、量血压", "村文化广场", "46", "王春兰"],
                          ["2024年4月3日", "清明文明祭扫宣传", "村部", "30", "王德明"],
                          ["2024年6月14日", "端午包粽子送孤寡老人", "村老年活动中心", "25", "王春兰"],
                          ["2024年9月10日", "“最美家庭”评选表彰", "村文化广场", "120", "刘玉珍"],
                          ["2024年11月20日", "反诈宣传进村入户", "各村民小组", "58", "王德明"]]),
               "记录人：王春兰"],
        indicator="D01", covers=[("D01", 1), ("D01", 2)], kind="legacy_doc", unit=None, date=None,
        date_stated=False, convert="doc", untidy=True, author="柳湾村", last_by="柳湾村")
    LABELS[KEYS["d01_shijianzhan"]]["unit"] = "柳湾村"   # core-properties author

    doc("e04_nongji", f"{NY}/基层农技推广人员名单和服务记录.doc",
        title="漳源县基层农技推广人员名单和服务记录（2024）",
        paras=[("pre", "制表单位：漳源县农业技术推广中心"),
               ("table", [["姓名", "所在站所", "专业", "职称", "包联村", "全年下村天数", "服务主要内容"],
                          ["邱国华", "石桥镇农业服务中心", "茶学", "高级农艺师", "冯家岭村、王庄村", "126", "茶园病虫害绿色防控"],
                          ["孟丽", "柳溪镇农业服务中心", "植保", "农艺师", "柳湾村、杏林村", "118", "水稻病虫害统防统治"],
                          ["苏德明", "马坊镇农业服务中心", "畜牧兽医", "兽医师", "高庄村、白果村", "131", "生猪防疫、粪污处理指导"],
                          ["韦春燕", "沙河镇农业服务中心", "土肥", "助理农艺师", "新民村、柴家湾村", "104", "测土配方施肥"]]),
               ("pre", "2024年12月28日")],
        indicator="E04", covers=[("E04", 4)], kind="legacy_doc", unit="漳源县农业技术推广中心",
        date="2024-12-28", convert="doc")

    # text-layer PDF of a statistics table
    doc("a05_xiaofei", f"{XZ}/2024年消费帮扶情况统计.pdf",
        title="2024年漳源县消费帮扶情况统计表",
        sub="（截至2024年12月31日）",
        paras=[("table", [["渠道", "销售额（万元）", "带动脱贫户（户）", "备注"],
                          ["预算单位采购（832平台）", "3862", "—", "全县预算单位应采购3600万元"],
                          ["东西部协作地区采购和帮销", "10800", "4120", "鄞州区展销中心"],
                          ["定点帮扶单位购买帮销", "586", "910", "省交通运输厅"],
                          ["消费帮扶专馆专柜专区", "2230", "1650", "专馆3个、专柜46个"],
                          ["合计", "17478", "—", ""]]),
               "制表：县乡村振兴局开发指导股"],
        indicator="A05", covers=[("A05", 5)], kind="report", unit="县乡村振兴局开发指导股",
        date="2024-12-31", convert="pdf")

    # Traditional characters: letter from a Hong Kong charity
    import opencc
    s2t = opencc.OpenCC("s2t")
    paras = ["漳源县乡村振兴局：",
             "本基金会于2024年4月至10月在贵县实施“助学圆梦”和“乡村卫生室设备更新”两个公益项目，现将捐赠款物情况确认如下：",
             "一、助学圆梦项目：资助贵县脱贫家庭高中学生120名，每人每学年资助人民币3000元，合计人民币36万元，已于2024年9月全部汇入漳源县教育基金会专户。",
             "二、乡村卫生室设备更新项目：为龙口乡、青岗乡18个村卫生室捐赠心电图机、血压计、药品柜等设备，价值人民币54万元。",
             "以上捐赠款物合计人民币90万元。感谢贵县对项目实施的大力支持。",
             "香港仁心慈善基金会",
             "2024年10月28日"]
    tp = [s2t.convert(x) for x in paras]
    doc("a05_hk", "收文/香港仁心慈善基金會捐贈確認函.docx",
        title=s2t.convert("关于捐赠款物的确认函"),
        paras=[("to", tp[0])] + tp[1:5] + [("sign", tp[5]), ("date", tp[6])],
        indicator="A05", covers=[], kind="other", unit=tp[5], date="2024-10-28", untidy=True,
        author="Chan Wing Yee")

    # plain-text files ---------------------------------------------------
    def txt(key, rel, body, enc, **kw):
        p = OUT / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(body.replace("\n", "\r\n").encode(enc))
        add_text(rel, body)
        label(key, rel, kind="text", **kw)

    txt("e04_fanxiang", "新建文本文档.txt",
        "返乡入乡创业情况统计（报县委组织部人才办）\n\n"
        "截至2024年12月20日，全县返乡入乡创业人员累计2863人，其中2024年新增412人。\n"
        "按类型分：农民工返乡创业351人，大中专毕业生入乡创业38人，退役军人返乡创业23人。\n"
        "按领域分：种养殖业186人，农产品加工67人，乡村旅游和民宿42人，农村电商73人，其他44人。\n"
        "带动就业：新增创业主体带动就业3120人，其中脱贫劳动力716人。\n"
        "兑现创业补贴：一次性创业补贴发放61人，金额213万元；创业担保贷款发放3860万元。\n\n"
        "漳源县人力资源和社会保障局创业指导中心\n2024年12月23日\n",
        "gb18030", indicator="E04", covers=[("E04", 2)], unit="漳源县人力资源和社会保障局创业指导中心",
        date="2024-12-23", title="返乡入乡创业情况统计")

    txt("f03_churang", "漳源县财政局/土地出让收入用于农业农村情况.txt",
        "2024年土地出让收入用于农业农村支出情况\n"
        "=====================================\n"
        "一、全年土地出让收入 86420 万元（调入口径），按规定计提用于农业农村的资金 10370 万元，占土地出让收益的 52.6%，\n"
        "    占土地出让收入的 12.0%。\n"
        "二、支出方向：\n"
        "    1. 高标准农田建设及配套 3860 万元\n"
        "    2. 农村人居环境整治 2240 万元\n"
        "    3. 农村供水保障 1380 万元\n"
        "    4. 乡村产业发展 1960 万元\n"
        "    5. 其他农业农村支出 930 万元\n"
        "三、截至12月31日已支出 9876 万元，支出进度 95.2%。\n"
        "（县财政局综合股  何文华  2025年1月8日整理）\n",
        "gb18030", indicator="F03", covers=[("F03", 1)], unit="县财政局综合股", date="2025-01-08",
        title="2024年土地出让收入用于农业农村支出情况")

    txt("b02_dianshang", "微信聊天记录_乡村旅游电商数据.txt",
        "【转发】县商务局 周红 2024/12/30 17:42\n"
        "各位，年度数据汇总如下，请核对，无误后我这边正式报市里：\n"
        "1、全县农村电商网络零售额 9.86 亿元，同比增长 18.2%；其中农产品网络零售额 4.12 亿元。\n"
        "2、建成县级电商公共服务中心1个、乡镇电商服务站16个、村级电商服务点204个。\n"
        "3、乡村旅游接待游客 386.5 万人次，综合收入 28.7 亿元；星级农家乐 58 家，乡村民宿 133 家。\n"
        "4、“漳源毛尖”“冯家岭大米”“桦树沟天麻”三个单品直播带货销售额 1.3 亿元。\n"
        "（乡村旅游数据由县文旅体局提供）\n"
        "收到请回复\n"
        "县农业农村局 产业股 孟丽：收到，数据无误。\n",
        "utf-8", indicator="B02", covers=[("B02", 4)], unit="县商务局", date="2024-12-30", title=None)

    # noise / not evidence
    doc("noise_gonghui", "县委组织部/机关工会羽毛球比赛通知.docx",
        title="关于举办县直机关职工羽毛球比赛的通知",
        paras=["各分工会：", "为丰富职工业余文化生活，县直机关工会定于2024年11月15日在县体育馆举办职工羽毛球比赛，设男子单打、女子单打、混合双打三个项目。请各分工会于11月8日前报名。"],
        sign="县直机关工会委员会", date="2024-10-30", indicator=None, covers=[], kind="notice", untidy=True)

    doc("noise_yangbiao", "附件1 入户走访记录表（样表）.docx",
        pre=["附件1"],
        title="防止返贫监测入户走访记录表",
        paras=[("table", [["户主姓名", "", "身份证号", "", "家庭人口", ""],
                          ["走访时间", "", "走访人", "", "联系电话", ""],
                          ["家庭收入变化情况", "", "", "", "", ""],
                          ["“三保障”及饮水情况", "", "", "", "", ""],
                          ["存在风险及需求", "", "", "", "", ""],
                          ["户主签字", "", "走访人签字", "", "", ""]]),
               "填表说明：1．每户每次走访填写一张；2．走访记录须在3个工作日内录入系统。"],
        indicator="A01", covers=[], kind="other", unit=None, date=None, date_stated=False, untidy=True)


# ================================================================= CONTENT: scans, photos, phone forms
def scans():
    L = lambda s: ("l", s)
    write_scan("扫描件003.pdf", [[
        ("title", "耕地保护目标责任书"), ("c", "（2024年度）"),
        L("　　为落实耕地保护党政同责，确保本镇耕地保有量和永久基本"),
        L("农田保护面积不减少、质量有提高，漳源县人民政府（甲方）与"),
        L("石桥镇人民政府（乙方）签订本责任书。"),
        L("　　一、乙方2024年度耕地保有量不低于38650亩，永久基本农"),
        L("田保护面积不低于32410亩，全面完成上级下达的撂荒地复耕复"),
        L("种任务1260亩。"),
        L("　　二、严格落实耕地“进出平衡”，严禁违规占用耕地植树造林、"),
        L("挖塘养鱼和建设非农设施。"),
        L("　　三、本责任书执行情况纳入年度乡镇粮食安全党政同责考核。"),
        ("gap",),
        L("甲方：漳源县人民政府　　　　　　　乙方：石桥镇人民政府"),
        L("代表（签字）：　苏永强　　　　　　代表（签字）：　田国强"),
        ("gap",), ("r", "二〇二四年三月十二日", "d")]],
        seed=101, stamps_per_page={0: [("漳源县人民政府", "d", ""), ]})
    label("scan_gengdi", "扫描件003.pdf", "B01", [("B01", 3)], unit="漳源县人民政府", date="2024-03-12",
          title="耕地保护目标责任书", kind="scan")

    write_scan("漳源县住房和城乡建设局/扫描全能王 2024-08-14 10.32.pdf", [[
        ("title", "农村房屋安全性鉴定表"),
        L("编号：ZY-JD-2024-0317"),
        ("table", [["户主", "冯国平", "身份证号", "433126197305126718"],
                   ["房屋地址", "石桥镇冯家岭村3组", "结构类型", "砖木"],
                   ["建造年代", "1992年", "层数/面积", "1层/96㎡"],
                   ["鉴定依据", "农村住房安全性鉴定技术导则", "鉴定日期", "2024年8月12日"]], [2, 3, 2, 3]),
        L("鉴定情况：房屋东侧承重墙体出现贯通裂缝，屋面檩条局部"),
        L("腐朽，因2024年6月持续强降雨导致后墙局部坍塌。"),
        L("鉴定结论：　A级 □　　B级 □　　C级 □　　D级 ☑"),
        L("处理建议：属整体危险房屋，建议拆除重建，纳入2024年农村"),
        L("低收入群体危房改造。"),
        ("gap",),
        L("鉴定人员（签字）：尹志明　钱海涛"),
        ("r", "鉴定单位：漳源县住房和城乡建设局", "s"), ("r", "2024年8月12日")]],
        seed=102, stamps_per_page={0: [("漳源县住房和城乡建设局", "s", "")]})
    label("scan_jianding", "漳源县住房和城乡建设局/扫描全能王 2024-08-14 10.32.pdf", "A02", [("A02", 5)],
          unit="漳源县住房和城乡建设局", date="2024-08-12", title="农村房屋安全性鉴定表", kind="scan")

    write_scan("石桥镇/风险消除审批（冯家岭村）.pdf", [[
        ("title", "防止返贫监测对象风险消除审批表"),
        L("乡镇：石桥镇　村：冯家岭村　批次：2024年第2批"),
        ("table", [["序号", "户主", "人口", "纳入时间", "风险类型", "帮扶后人均纯收入（元）"],
                   ["1", "冯德海", "3", "2023.5", "因病", "11860"],
                   ["2", "王秀珍", "2", "2023.8", "因灾", "10420"],
                   ["3", "黄金山", "4", "2023.6", "因学", "12930"]], [1, 2, 1, 2, 2, 4]),
        L("村级评议意见：经村民代表会议评议，以上3户收入持续稳定，"),
        L("“两不愁三保障”及饮水安全有保障，同意风险消除。"),
        L("　　　　　　　　　　　　　村党支部书记（签字）：冯建国"),
        L("乡镇审核意见：经入户核实，情况属实，同意上报。"),
        ("r", "石桥镇人民政府", "s"), ("r", "2024年11月6日")]],
        seed=103, stamps_per_page={0: [("石桥镇人民政府", "s", "")]})
    label("scan_xiaochu", "石桥镇/风险消除审批（冯家岭村）.pdf", "A01", [("P01", 2), ("A01", 2)],
          unit="石桥镇人民政府", date="2024-11-06", title="防止返贫监测对象风险消除审批表", kind="scan")

    write_scan("马坊镇/东坡村四议两公开记录扫描.pdf", [[
        ("title", "东坡村“四议两公开”工作记录"),
        L("议题：东坡村3组至5组道路硬化项目（长2.6公里）"),
        L("一、党支部提议（4月2日）：为解决柑橘运输难，拟实施产业路硬"),
        L("化，资金拟申请衔接资金和村集体自筹。"),
        L("二、村“两委”商议（4月3日）：7名成员全部同意。"),
        L("三、党员大会审议（4月7日）：应到党员31人，实到27人，同意27人。"),
        L("四、村民代表会议决议（4月9日）：应到代表35人，实到32人，同意31人，"),
        L("弃权1人，决议通过。"),
        L("决议公开：4月10日至16日在村务公开栏公开，无异议。"),
        L("实施结果公开：项目竣工后另行公开。"),
        ("gap",),
        ("r", "中共马坊镇东坡村支部委员会", "s"), ("r", "东坡村村民委员会"), ("r", "2024年4月16日")]],
        seed=104, stamps_per_page={0: [("中共马坊镇东坡村支部委员会", "s", "")]})
    label("scan_siyi", "马坊镇/东坡村四议两公开记录扫描.pdf", "E01", [("E01", 3)],
          unit="中共马坊镇东坡村支部委员会", date="2024-04-16", title="东坡村“四议两公开”工作记录", kind="scan")

    write_scan("县委政法委/扫描件_人民调解.pdf", [[
        ("title", "人民调解协议书"),
        L("编号：漳沙调〔2024〕第37号"),
        L("当事人：雷德贵，男，58岁，住沙河镇沙河村4组"),
        L("当事人：段春生，男，61岁，住沙河镇沙河村4组"),
        L("纠纷简要情况：双方因宅基地边界"),
        L("纠纷发生争执。段春生建围墙时占用雷德贵家屋后排水沟约"),
        L("0.6米，双方多次争吵，邻里关系紧张。"),
        L("经调解，自愿达成如下协议："),
        L("　　1．段春生于2024年5月30日前将围墙后移0.6米，恢复排水沟原状；"),
        L("　　2．雷德贵承担拆除费用的一半，计800元；"),
        L("　　3．双方今后和睦相处，不再就此事发生争执。"),
        L("本协议一式三份，双方当事人和人民调解委员会各持一份。"),
        ("gap",),
        L("当事人（签名）：雷德贵　段春生　　　调解员（签名）：柴国荣"),
        ("r", "沙河镇沙河村人民调解委员会", "s"), ("r", "二〇二四年五月二十日")]],
        seed=105, stamps_per_page={0: [("沙河村人民调解委员会", "s", "")]})
    label("scan_tiaojie", "县委政法委/扫描件_人民调解.pdf", "E02", [("E02", 2)],
          unit="沙河镇沙河村人民调解委员会", date="2024-05-20", title="人民调解协议书", kind="scan")

    write_scan("扫描件007.pdf", [[
        ("title", "绿色食品证书"), ("c", "GREEN FOOD CERTIFICATE"), ("gap",),
        L("　　漳源县绿源农业科技有限公司生产的“漳源毛尖”绿茶，"),
        L("经审核，符合绿色食品标准，被认定为绿色食品A级产品，"),
        L("许可使用绿色食品标志。"),
        ("gap",),
        L("产品名称：漳源毛尖（绿茶）　　　商标：绿源山"),
        L("核准产量：120吨　　企业信息码：GF433126240318"),
        L("产品编号：LB-11-24031205618A"),
        L("有效期：2024年3月18日至2027年3月17日"),
        ("gap",), ("r", "中国绿色食品发展中心", "s"), ("r", "2024年3月18日")]],
        seed=106, stamps_per_page={0: [("中国绿色食品发展中心", "s", "")]})
    label("scan_lvshi", "扫描件007.pdf", "B02", [("B02", 5)], unit="中国绿色食品发展中心", date="2024-03-18",
          title="绿色食品证书", kind="scan")

    write_scan("扫描件011.pdf", [[
        ("title", "漳源县财政局拨款通知单"),
        L("拨款日期：2024年7月5日　　　　编号：2024-农-0385"),
        ("table", [["收款单位", "各乡镇财政所（转拨各村）"],
                   ["拨款事由", "2024年下半年村级组织运转经费及村干部基本报酬"],
                   ["预算科目", "2130705 对村民委员会和村党支部的补助"],
                   ["金额（大写）", "壹仟贰佰肆拾捌万元整"],
                   ["金额（小写）", "¥12,480,000.00"]], [2, 5]),
        L("备注：按每村每年不低于11万元标准拨付，具体分配见附表。"),
        ("gap",), ("r", "漳源县财政局", "s"), ("r", "2024年7月5日")]],
        seed=107, stamps_per_page={0: [("漳源县财政局", "s", "")]})
    label("scan_yunzhuan", "扫描件011.pdf", "E01", [("E01", 4)], unit="漳源县财政局", date="2024-07-05",
          title="漳源县财政局拨款通知单", kind="scan")

    write_scan("龙口乡/入户核查表_龙口乡桦树沟村.pdf", [[
        ("title", "巩固脱贫成果入户核查表"),
        L("乡镇：龙口乡　村：桦树沟村　组：2组　户主：谭德明　人口：4"),
        ("table", [["核查内容", "核查结果", "备注"],
                   ["吃穿不愁", "有保障", "粮食自给，四季衣被齐全"],
                   ["义务教育", "有保障", "孙子在龙口小学就读"],
                   ["基本医疗", "有保障", "全家参加城乡居民基本医疗保险"],
                   ["住房安全", "有保障", "2019年新建砖混房"],
                   ["饮水安全", "有保障", "集中供水入户"],
                   ["2024年家庭纯收入", "52300元", "人均13075元"]], [3, 2, 5]),
        L("核查人（签字）：熊海　谭春花　　　户主（签字或按印）：谭德明"),
        ("r", "核查日期：2024年8月21日")]], seed=108)
    label("scan_hecha", "龙口乡/入户核查表_龙口乡桦树沟村.pdf", None, [("S01", 1)], also=["A02"],
          unit="龙口乡", unit_stated=False, date="2024-08-21", title="巩固脱贫成果入户核查表", kind="scan")

    write_scan("石桥镇/石桥村综合文化服务中心开放登记.pdf", [
        [("title", "石桥村综合文化服务中心开放登记"),
         ("table", [["日期", "开放时间", "活动内容", "人数", "管理员"]] +
          [[f"10月{d}日", "8:30-11:30 14:30-17:30", c, n, "冯秀兰"] for d, c, n in
           [(8, "阅览、棋牌", "23"), (9, "广场舞排练", "41"), (10, "阅览", "12"), (11, "电脑培训", "18"),
            (12, "阅览、乒乓球", "26"), (15, "老年协会活动", "37"), (16, "阅览", "9")]], [2, 4, 3, 1, 2])],
        [("table", [["日期", "开放时间", "活动内容", "人数", "管理员"]] +
          [[f"10月{d}日", "8:30-11:30 14:30-17:30", c, n, "冯秀兰"] for d, c, n in
           [(17, "科普讲座", "52"), (18, "阅览", "14"), (21, "棋牌", "20"), (22, "腰鼓队排练", "28")]], [2, 4, 3, 1, 2]),
         ("r", "石桥镇石桥村村民委员会", "s"), ("r", "2024年10月31日")]],
        seed=109, stamps_per_page={1: [("石桥镇石桥村村民委员会", "s", "")]})
    label("scan_wenhua", "石桥镇/石桥村综合文化服务中心开放登记.pdf", "D02", [("D02", 1)],
          unit="石桥镇石桥村村民委员会", date="2024-10-31", title="石桥村综合文化服务中心开放登记", kind="scan")

    write_scan("扫描件015.pdf", [[
        ("title", "帮扶项目资产确权登记表"),
        L("资产所在地：柳溪镇柳湾村　　登记日期：2024年6月28日"),
        ("table", [["资产名称", "资产类别", "形成年份", "原值（万元）", "确权对象", "管护主体"],
                   ["柳湾村300千瓦光伏电站", "经营性", "2018", "216", "柳湾村股份经济合作社", "柳湾村委会"],
                   ["柳湾村竹编加工厂房", "经营性", "2020", "138", "柳湾村股份经济合作社", "漳源县竹韵工艺品有限公司"],
                   ["柳湾村3组至5组通组公路", "公益性", "2019", "96", "柳湾村村民委员会", "柳湾村委会"],
                   ["下河村集中供水工程", "公益性", "2017", "54", "下河村村民委员会", "下河村委会"]], [4, 2, 2, 2, 4, 4]),
        L("以上资产已完成确权登记，录入全国防返贫监测信息系统资产管理模块。"),
        ("r", "漳源县农业农村局", "s"), ("r", "柳溪镇人民政府"), ("r", "2024年6月28日")]],
        seed=110, stamps_per_page={0: [("漳源县农业农村局", "s", "")]})
    label("scan_zichan", "扫描件015.pdf", "A04", [("A04", 3), ("W01", 2)], unit="漳源县农业农村局",
          date="2024-06-28", title="帮扶项目资产确权登记表", kind="scan")


GPS = {"柳湾村": (27.4123, 109.6541), "杏林村": (27.4288, 109.6712), "东坡村": (27.2856, 109.5120),
       "马坊村": (27.2931, 109.5302), "冯家岭村": (27.3577, 109.7133), "柳溪镇": (27.4201, 109.6620),
       "龙口村": (27.5012, 109.8021)}
T = dt.datetime


def photos():
    P = write_photo
    P("IMG_20240412_093015.jpg", "toilet_old", T(2024, 4, 12, 9, 30, 15), 201, gps=GPS["柳湾村"],
      xptitle="柳溪镇柳湾村 王德明户 户厕改造前")
    label("ph_c01_a1", "IMG_20240412_093015.jpg", "C01", [("C01", 4)], unit=None, date="2024-04-12",
          title="柳溪镇柳湾村 王德明户 户厕改造前", kind="photo")
    P("IMG_20240612_101522.jpg", "toilet_new", T(2024, 6, 12, 10, 15, 22), 202, gps=GPS["柳湾村"],
      xptitle="柳溪镇柳湾村 王德明户 户厕改造后", sign="卫生间",
      burn=["2024-06-12 10:15", "柳溪镇·柳湾村", "户厕改造 完工验收"])
    label("ph_c01_a2", "IMG_20240612_101522.jpg", "C01", [("C01", 4)], unit=None, date="2024-06-12",
          title="柳溪镇柳湾村 王德明户 户厕改造后", kind="photo")
    for k, (nm, kind, when, sd) in enumerate([("杏林村郭永福户_改造前.jpg", "toilet_old", T(2024, 5, 8, 15, 2, 41), 203),
                                              ("杏林村郭永福户_改造后.jpg", "toilet_new", T(2024, 7, 2, 11, 40, 6), 204)]):
        cap = "杏林村郭永福户 " + ("改厕前" if k == 0 else "改厕后（三格式化粪池）")
        P(f"柳溪镇/改厕照片/{nm}", kind, when, sd, gps=GPS["杏林村"], desc=cap, artist="柳溪镇人民政府",
          make="Xiaomi", model="Redmi K40", sign="厕所" if k else None)
        label(f"ph_c01_b{k}", f"柳溪镇/改厕照片/{nm}", "C01", [("C01", 4)], unit="柳溪镇人民政府",
              date=when.strftime("%Y-%m-%d"), title=cap, kind="photo")
    # WeChat forwards: EXIF stripped
    for k, (nm, kind, sd) in enumerate([("微信图片_20240705152233.jpg", "toilet_old", 205),
                                        ("微信图片_20240705152241.jpg", "toilet_new", 206)]):
        im = scene(kind, rng(sd))
        im.save(OUT / nm, "JPEG", quality=60)
        add_text(nm, "", "")
        label(f"ph_c01_w{k}", nm, "C01", [("C01", 4)], unit=None, date=None, date_stated=False, title=None,
              kind="photo")
    P("马坊镇/东坡村整治前.jpg", "village_dirty", T(2024, 3, 20, 14, 12, 5), 207, gps=GPS["东坡村"],
      xptitle="马坊镇东坡村 环境整治前", make="vivo", model="V2241A")
    label("ph_c03_1", "马坊镇/东坡村整治前.jpg", "C03", [("C03", 5)], unit=None, date="2024-03-20",
          title="马坊镇东坡村 环境整治前", kind="photo")
    P("马坊镇/东坡村整治后.jpg", "village_clean", T(2024, 5, 29, 10, 3, 51), 208, gps=GPS["东坡村"],
      xptitle="马坊镇东坡村 环境整治后", make="vivo", model="V2241A",
      burn=["2024-05-29 10:03", "马坊镇东坡村", "村庄清洁行动"])
    label("ph_c03_2", "马坊镇/东坡村整治后.jpg", "C03", [("C03", 5)], unit=None, date="2024-05-29",
          title="马坊镇东坡村 环境整治后", kind="photo")
    P("马坊镇/IMG_20240611_162230.jpg", "garden", T(2024, 6, 11, 16, 22, 30), 209, gps=GPS["马坊村"],
      sign="马坊村美丽小菜园", make="vivo", model="V2241A")
    label("ph_c03_3", "马坊镇/IMG_20240611_162230.jpg", "C03", [("C03", 3)], unit=None, date="2024-06-11",
          title=None, kind="photo")
    P("柳溪镇/垃圾中转站.jpg", "station", T(2024, 9, 3, 8, 45, 10), 210, gps=GPS["柳溪镇"],
      sign="柳溪镇生活垃圾中转站", xptitle="柳溪镇垃圾中转站外景", artist="漳源县清源环卫服务有限公司")
    label("ph_c02", "柳溪镇/垃圾中转站.jpg", "C02", [], unit="漳源县清源环卫服务有限公司", date="2024-09-03",
          title="柳溪镇垃圾中转站外景", kind="photo")
    P("IMG_20240318_090512.jpg", "meeting", T(2024, 3, 18, 9, 5, 12), 211,
      sign="漳源县2024年第一期家政服务员\n培训班开班仪式")
    label("ph_a03", "IMG_20240318_090512.jpg", "A03", [], unit=None, date="2024-03-18", title=None, kind="photo")
    P("龙口乡/移风易俗宣传栏.jpg", "board", T(2024, 10, 9, 11, 20, 44), 212, gps=GPS["龙口村"],
      sign="移风易俗　树文明新风\n喜事新办　厚养薄葬\n拒绝天价彩礼　倡导文明婚俗\n龙口村红白理事会宣",
      desc="龙口村移风易俗宣传栏", make="HONOR", model="ANY-AN00")
    label("ph_d01", "龙口乡/移风易俗宣传栏.jpg", "D01", [("D01", 5)], unit=None, date="2024-10-09",
          title="龙口村移风易俗宣传栏", kind="photo")
    P("柳溪镇/村务公开栏（三季度）.jpg", "board", T(2024, 10, 12, 9, 31, 2), 213, gps=GPS["柳湾村"],
      sign="柳湾村村务公开栏\n2024年第三季度集体财务收支公开\n收入：光伏收益6.8万元　土地租金3.2万元\n支出：公益性岗位工资3.6万元　道路维修1.1万元",
      xptitle="柳湾村财务公开", artist="柳溪镇柳湾村")
    label("ph_b03", "柳溪镇/村务公开栏（三季度）.jpg", "B03", [("B03", 4)], unit="柳溪镇柳湾村",
          date="2024-10-12", title="柳湾村财务公开", kind="photo")
    P("IMG_20240726_075518.jpg", "river", T(2024, 7, 26, 7, 55, 18), 214, gps=GPS["柳湾村"],
      sign="河长公示牌\n柳溪河柳湾段\n村级河长：王德明")
    label("ph_c04", "IMG_20240726_075518.jpg", "C04", [], unit=None, date="2024-07-26", title=None, kind="photo")
    P("龙口乡/送戏下乡演出.jpg", "meeting", T(2024, 11, 2, 19, 40, 3), 215, gps=GPS["龙口村"],
      sign="2024年送戏下乡惠民演出\n龙口乡龙口村站", xptitle="送戏下乡 龙口村", artist="漳源县文化馆")
    label("ph_d02", "龙口乡/送戏下乡演出.jpg", "D02", [], unit="漳源县文化馆", date="2024-11-02",
          title="送戏下乡 龙口村", kind="photo")


def phone_forms():
    write_phone_form("IMG_20240715_163045.jpg", "防止返贫监测入户走访记录表",
                     ["乡镇：石桥镇　　村：冯家岭村　　户主：冯德顺　　家庭人口：4人"],
                     ["走访时间", "走访人", "走访情况", "户主签字"], [2, 2, 6, 2],
                     [["2024.7.15", "周志勇", "妻子透析费用医疗救助已到位，儿子在宁波务工月收入5200元", "冯德顺"],
                      ["2024.6.12", "冯建军", "了解公益性岗位考勤，本人在岗正常", "冯德顺"],
                      ["2024.5.9", "周志勇", "核实临时救助申请材料", "冯德顺"]],
                     ["走访单位：石桥镇冯家岭村驻村工作队"], T(2024, 7, 15, 16, 30, 45), 301, gps=GPS["冯家岭村"])
    label("pf_zoufang", "IMG_20240715_163045.jpg", "A01", [("A01", 4), ("R03", 2)],
          unit="石桥镇冯家岭村驻村工作队", date="2024-07-15", title="防止返贫监测入户走访记录表", kind="phone_form")

    write_phone_form("柳溪镇/光伏运维记录本.jpg", "柳湾村光伏电站运行维护记录",
                     ["电站容量：300kW　　运维单位：漳源县阳光新能源运维有限公司"],
                     ["日期", "日发电量(kWh)", "逆变器状态", "组件清洗", "巡检人"], [2, 2, 3, 2, 2],
                     [["11.4", "842", "正常", "否", "江海"], ["11.5", "910", "2号逆变器告警已复位", "否", "江海"],
                      ["11.6", "655", "正常", "是", "江海"], ["11.7", "388", "正常（阴雨）", "否", "汤磊"],
                      ["11.8", "903", "正常", "否", "汤磊"]],
                     ["本周累计发电量3698kWh"], T(2024, 11, 9, 10, 12, 33), 302, make="HUAWEI", model="NOH-AN00")
    label("pf_guangfu", "柳溪镇/光伏运维记录本.jpg", "A04", [("A04", 5)], unit="漳源县阳光新能源运维有限公司",
          date="2024-11-09", title="柳湾村光伏电站运行维护记录", kind="phone_form")

    write_phone_form("微信图片_20241012093311.jpg", "户厕粪污收集转运记录",
                     ["服务站：柳溪镇户厕管护服务站　　车辆：湘U·D3826"],
                     ["日期", "村/组", "户主", "抽运量(m³)", "去向", "签字"], [2, 2, 2, 2, 3, 2],
                     [["10.8", "柳湾村2组", "王德明", "1.5", "柳溪镇粪污处理站", "王德明"],
                      ["10.8", "柳湾村2组", "王春花", "1.2", "柳溪镇粪污处理站", "王春花"],
                      ["10.9", "杏林村1组", "郭永福", "2.0", "还田（茶园）", "郭永福"],
                      ["10.10", "下河村3组", "陆金宝", "1.8", "柳溪镇粪污处理站", "陆金宝"]],
                     ["记录人：江秀珍"], T(2024, 10, 12, 9, 33, 11), 303)
    label("pf_fenwu", "微信图片_20241012093311.jpg", "C01", [("C01", 5)], unit="柳溪镇户厕管护服务站",
          date="2024-10-12", title="户厕粪污收集转运记录", kind="phone_form")

    write_phone_form("IMG_20241105_081244.jpg", "村级河长巡河记录表",
                     ["河流名称：柳溪河（柳湾段）　　河长：王德明"],
                     ["巡河日期", "巡查河段", "发现问题", "处理情况"], [2, 3, 4, 4],
                     [["10.8", "柳湾桥至下河渡口", "岸边有生活垃圾", "已通知保洁员清理"],
                      ["10.18", "柳湾桥至下河渡口", "无", "—"],
                      ["10.29", "柳湾桥至村部", "有人电鱼", "劝离并报镇综合执法队"],
                      ["11.5", "全段", "无", "—"]],
                     ["柳湾村村民委员会"], T(2024, 11, 5, 8, 12, 44), 304, gps=GPS["柳湾村"])
    label("pf_xunhe", "IMG_20241105_081244.jpg", "C04", [("C04", 4)], unit="柳湾村村民委员会",
          date="2024-11-05", title="村级河长巡河记录表", kind="phone_form")

    write_phone_form("石桥镇/农家书屋登记本.jpg", "农家书屋借阅登记表",
                     ["村（社区）：石桥村　　管理员：冯秀兰"],
                     ["借书日期", "借阅人", "书名", "归还日期"], [2, 2, 5, 2],
                     [["9.3", "王建国", "果树栽培技术问答", "9.17"],
                      ["9.5", "李秀英", "民法典进农家", "9.20"],
                      ["9.11", "石小军", "十万个为什么", "9.25"],
                      ["9.14", "冯德顺", "茶树病虫害防治", "10.2"],
                      ["9.22", "黄浩然", "平凡的世界", ""]],
                     ["第 12 页"], T(2024, 9, 30, 16, 2, 1), 305, make="OPPO", model="PEGM00")
    label("pf_shuwu", "石桥镇/农家书屋登记本.jpg", "D02", [("D02", 2)], unit="石桥村", date="2024-09-30",
          title="农家书屋借阅登记表", kind="phone_form")


# ================================================================= ledgers
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


class Led:
    def __init__(self, rel, sheet="Sheet1"):
        self.rel = rel
        self.wb = openpyxl.Workbook()
        self.ws = self.wb.active
        self.ws.title = sheet
        self.r, self.errs, self.cols, self.vals, self.text, self.fmt = 1, [], [], {}, [], {}
        self.wb.properties.creator = ""
        self.wb.properties.created = FIXED_TIME
        self.wb.properties.modified = FIXED_TIME

    def merged(self, text, n, size=14, bold=True, align="center"):
        c = self.ws.cell(self.r, 1, text)
        if n > 1:
            self.ws.merge_cells(start_row=self.r, start_column=1, end_row=self.r, end_column=n)
        c.font = Font(name="宋体", size=size, bold=bold)
        c.alignment = Alignment(horizontal=align, vertical="center")
        self.text.append(text)
        self.r += 1

    def head(self, cols, widths=None):
        self.cols = list(cols)
        for j, h in enumerate(cols, 1):
            c = self.ws.cell(self.r, j, h)
            c.font = Font(name="黑体", bold=True); c.border = BOX
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.text.append("\t".join(cols))
        self._widths(widths)
        self.r += 1

    def head2(self, top, bottom, widths=None):
        """top: [(text, span)], bottom: names per column (None = top cell merged down)."""
        j = 1
        names = []
        bi = 0
        for text, span in top:
            c = self.ws.cell(self.r, j, text)
            if span == 1 and bottom[bi] is None:
                self.ws.merge_cells(start_row=self.r, start_column=j, end_row=self.r + 1, end_column=j)
                names.append(text)
            else:
                if span > 1:
                    self.ws.merge_cells(start_row=self.r, start_column=j, end_row=self.r, end_column=j + span - 1)
                for k in range(span):
                    self.ws.cell(self.r + 1, j + k, bottom[bi + k])
                    names.append(bottom[bi + k])
            bi += span
            j += span
        for rr in (self.r, self.r + 1):
            for jj in range(1, len(names) + 1):
                c = self.ws.cell(rr, jj)
                c.font = Font(name="黑体", bold=True); c.border = BOX
                c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.cols = names
        self.text.append("\t".join(t for t, _ in top))
        self.text.append("\t".join(b for b in bottom if b))
        self._widths(widths)
        self.r += 2

    def _widths(self, widths):
        for j, h in enumerate(self.cols, 1):
            w = (widths or {}).get(h) if isinstance(widths, dict) else None
            self.ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width = w or max(8, min(30, len(h) * 2.2 + 2))

    def row(self, values, shadow=None):
        shadow = shadow or {}
        rr = self.r
        self.vals[rr] = {}
        for j, (name, v) in enumerate(zip(self.cols, values), 1):
            c = self.ws.cell(rr, j, v)
            c.border = BOX
            if name in self.fmt and isinstance(v, (int, float)):
                c.number_format = self.fmt[name]
            self.vals[rr][name] = shadow.get(name, v)
        self.text.append("\t".join("" if v is None else str(v) for v in values))
        self.r += 1
        return rr

    def blank(self):
        self.r += 1

    def v(self, rr, name):
        return self.vals[rr][name]

    def err(self, rr, name, kind):
        self.errs.append({"sheet": self.ws.title, "row": rr, "column": name, "kind": kind})

    def note_sheet(self, title, lines):
        ws = self.wb.create_sheet(title)
        for i, ln in enumerate(lines, 1):
            ws.cell(i, 1, ln)
            self.text.append(ln)
        ws.column_dimensions["A"].width = 90

    def save(self, key, indicator, covers, unit, date, title, also=(), unit_stated=None, date_stated=True):
        p = OUT / self.rel
        p.parent.mkdir(parents=True, exist_ok=True)
        self.wb.save(p)
        LEDGERS[self.rel] = {"clean": not self.errs, "errors": self.errs}
        add_text(self.rel, "\n".join(self.text))
        label(key, self.rel, indicator, covers, also, unit=unit, unit_stated=unit_stated, date=date,
              date_stated=date_stated if date else False, title=title, kind="ledger")


def pct(a, b, nd=1):
    return round(a / b * 100, nd) if b else 0.0


def ledgers_with_errors():
    # E1 户厕改造验收台账: 合计 完成数 wrong ------------------------------
    r = rng(401)
    L = Led("柳溪镇/2024年户厕改造验收台账.xlsx", "验收台账")
    L.merged("柳溪镇2024年农村户厕改造任务分解及验收台账", 7)
    L.merged("（截至2024年10月31日）", 7, size=11, bold=False)
    L.merged("填报单位：柳溪镇人民政府　　　　　　　　　　　　　单位：户", 7, size=10, bold=False, align="left")
    L.fmt["完成率"] = "0.0%"
    L.head(["序号", "村（社区）", "任务数", "完成数", "完成率", "验收合格数", "备注"])
    rows = []
    for i, v in enumerate(TOWNS["柳溪镇"] + ["柳溪镇集镇片区"], 1):
        t = r.randint(40, 130); d = t - r.randint(0, 6); a = d - r.randint(0, 3)
        rows.append(L.row([i, v, t, d, round(d / t, 3), a, "" if d == t else "剩余户外出务工，计划12月完成"]))
    T_ = sum(L.v(x, "任务数") for x in rows); D = sum(L.v(x, "完成数") for x in rows); A = sum(L.v(x, "验收合格数") for x in rows)
    tr = L.row(["合计", "", T_, D + 12, round(D / T_, 3), A, ""])
    L.err(tr, "完成数", "wrong_total")
    L.save("le_huce", "C01", [("C01", 1)], "柳溪镇人民政府", "2024-10-31", "柳溪镇2024年农村户厕改造任务分解及验收台账")

    # E2 监测对象台账: duplicate ID + empty 户主 ---------------------------
    r = rng(402)
    L = Led(f"{XZ}/监测对象识别纳入和风险消除台账.xlsx", "监测对象")
    L.merged("漳源县防止返贫监测对象识别纳入和风险消除台账（截至2024年12月31日）", 11)
    L.head(["序号", "乡镇", "村", "户主", "身份证号", "人口", "监测类型", "风险类型", "纳入时间", "风险消除时间", "帮扶措施"])
    kinds = ["脱贫不稳定户", "边缘易致贫户", "突发严重困难户"]
    risks = ["因病", "因残", "因学", "因意外", "因务工就业不稳"]
    ids = []
    for i in range(1, 31):
        town = r.choice(TOWN_LIST); vil = r.choice(TOWNS[town])
        name, pid, _, _ = person(r, age=(30, 80))
        ids.append(pid)
        gone = r.random() < 0.4
        vals = [i, town, vil, name, pid, r.randint(1, 6), r.choice(kinds), r.choice(risks),
                f"2024-{r.randint(1, 9):02d}-{r.randint(1, 28):02d}",
                f"2024-{r.randint(10, 12):02d}-{r.randint(1, 28):02d}" if gone else "",
                r.choice(["医疗救助＋临时救助", "公益性岗位", "产业奖补", "就业帮扶", "纳入低保"])]
        if i == 17:
            vals[4] = ids[5]; ids[-1] = ids[5]
        if i == 23:
            vals[3] = None
        rr = L.row(vals)
        if i == 17:
            L.err(rr, "身份证号", "duplicate_id")
        if i == 23:
            L.err(rr, "户主", "empty_required")
    L.save("le_jiance", "A01", [("A01", 2), ("P01", 1)], XZ, "2024-12-31",
           "漳源县防止返贫监测对象识别纳入和风险消除台账（截至2024年12月31日）", unit_stated=False)

    # E3 公益性岗位: empty 身份证号 + duplicate -----------------------------
    r = rng(403)
    L = Led("县人社局/乡村公益性岗位聘用和考勤台账（石桥镇）.xlsx", "12月考勤")
    L.merged("石桥镇乡村公益性岗位人员聘用及考勤台账", 9)
    L.merged("考勤月份：2024年12月　　　　制表单位：石桥镇劳动保障服务站", 9, size=10, bold=False, align="left")
    L.head(["序号", "姓名", "身份证号", "村", "岗位类别", "聘用起止时间", "应出勤天数", "实际出勤天数", "补贴金额（元）"])
    first = None
    for i in range(1, 19):
        name, pid, _, _ = person(r, age=(35, 59))
        first = first or pid
        vals = [i, name, pid, r.choice(TOWNS["石桥镇"]), r.choice(["保洁", "护林", "水管", "护路", "防返贫信息员"]),
                "2024.1.1-2024.12.31", 22, 22 - r.choice([0, 0, 0, 1, 2]), 500]
        if i == 9:
            vals[2] = None
        if i == 14:
            vals[2] = first
        rr = L.row(vals)
        if i == 9:
            L.err(rr, "身份证号", "empty_required")
        if i == 14:
            L.err(rr, "身份证号", "duplicate_id")
    L.save("le_gongyi", "A03", [("A03", 3), ("P05", 3)], "石桥镇劳动保障服务站", "2024-12-31",
           "石桥镇乡村公益性岗位人员聘用及考勤台账", date_stated=False)
    LABELS[KEYS["le_gongyi"]]["date"] = None

    # E4 衔接资金支出进度: wrong rate ---------------------------------------
    r = rng(404)
    L = Led("漳源县财政局/衔接资金分配和支出进度表.xlsx", "支出进度")
    L.merged("2024年中央和省级财政衔接推进乡村振兴补助资金分配及支出进度表", 8)
    L.merged("截至2024年11月30日　　　单位：万元", 8, size=10, bold=False, align="right")
    L.head2([("乡镇（单位）", 1), ("分配资金", 3), ("已支出", 1), ("支出进度（%）", 1), ("备注", 1)],
            [None, "小计", "其中：产业发展", "其中：其他", None, None, None])
    rows = []
    units = TOWN_LIST + ["县本级"]
    for i, u in enumerate(units):
        a = r.randint(600, 1500); b = int(a * r.uniform(0.6, 0.75)); c = a - b
        s = int(a * r.uniform(0.82, 0.97))
        rate = pct(s, a)
        if u == "龙口乡":
            rate = round(rate - 11.4, 1)
        rr = L.row([u, a, b, c, s, rate, "含以工代赈" if u == "县本级" else ""])
        if u == "龙口乡":
            L.err(rr, "支出进度（%）", "wrong_rate")
        rows.append(rr)
    ta = sum(L.v(x, "小计") for x in rows); tb = sum(L.v(x, "其中：产业发展") for x in rows)
    tc_ = sum(L.v(x, "其中：其他") for x in rows); ts = sum(L.v(x, "已支出") for x in rows)
    L.row(["合计", ta, tb, tc_, ts, pct(ts, ta), ""])
    L.save("le_zijin", "A04", [("A04", 1), ("P05", 1)], "漳源县财政局", "2024-11-30",
           "2024年中央和省级财政衔接推进乡村振兴补助资金分配及支出进度表", unit_stated=False)

    # E5 化肥农药减量: wrong total -----------------------------------------
    r = rng(405)
    L = Led(f"{NY}/化肥农药使用量统计.xlsx", "Sheet1")
    L.merged("漳源县2024年化肥农药使用量统计表", 7)
    L.merged("制表单位：漳源县农业技术推广中心　　　　　　　填报日期：2024年12月18日", 7, size=10, bold=False, align="left")
    L.head(["乡镇", "化肥使用量（折纯，吨）", "上年化肥（吨）", "增减（%）", "农药使用量（吨）", "上年农药（吨）", "增减（%）"])
    L.cols[6] = "农药增减（%）"; L.cols[3] = "化肥增减（%）"
    rows = []
    for t in TOWN_LIST:
        f1 = r.randint(1100, 2600); f0 = int(f1 * r.uniform(1.01, 1.05)); p1 = r.randint(40, 120); p0 = int(p1 * r.uniform(1.01, 1.06)) + 1
        rows.append(L.row([t, f1, f0, round((f1 - f0) / f0 * 100, 1), p1, p0, round((p1 - p0) / p0 * 100, 1)]))
    F1 = sum(L.v(x, "化肥使用量（折纯，吨）") for x in rows); F0 = sum(L.v(x, "上年化肥（吨）") for x in rows)
    P1 = sum(L.v(x, "农药使用量（吨）") for x in rows); P0 = sum(L.v(x, "上年农药（吨）") for x in rows)
    tr = L.row(["全县合计", F1, F0 - 150, round((F1 - F0 + 150) / (F0 - 150) * 100, 1), P1, P0, round((P1 - P0) / P0 * 100, 1)])
    L.err(tr, "上年化肥（吨）", "wrong_total")
    L.save("le_huafei", "C04", [("C04", 1)], "漳源县农业技术推广中心", "2024-12-18", "漳源县2024年化肥农药使用量统计表")

    # E6 问题厕所排查整改: empty 户主 ----------------------------------------
    r = rng(406)
    L = Led("柳溪镇/问题厕所排查整改台账.xlsx", "排查整改")
    L.merged("柳溪镇农村问题厕所排查整改台账", 8)
    L.merged("（截至2024年9月30日）", 8, size=11, bold=False)
    L.head(["序号", "村", "组", "户主", "问题类型", "整改措施", "整改完成时间", "是否销号"])
    probs = [("化粪池破损渗漏", "更换化粪池"), ("厕屋漏雨", "维修屋面"), ("无冲水设施", "安装高压冲水器"),
             ("粪污满溢未清掏", "联系服务站抽运"), ("建而未用", "入户宣传引导使用")]
    for i in range(1, 16):
        name, _, _, _ = person(r)
        pb = r.choice(probs)
        vals = [i, r.choice(TOWNS["柳溪镇"][:3]), f"{r.randint(1, 9)}组", name, pb[0], pb[1],
                f"2024年{r.randint(5, 9)}月{r.randint(1, 28)}日", "是"]
        if i == 11:
            vals[3] = None
        rr = L.row(vals)
        if i == 11:
            L.err(rr, "户主", "empty_required")
    L.save("le_wentice", "C01", [("C01", 2)], "柳溪镇", "2024-09-30", "柳溪镇农村问题厕所排查整改台账",
           unit_stated=False)

    # E7 低保特困发放: wrong total + duplicate -------------------------------
    r = rng(407)
    L = Led("漳源县民政局/2024年12月农村低保特困供养金发放台账（马坊镇）.xlsx", "12月")
    L.merged("马坊镇2024年12月农村低保、特困供养金发放花名册", 8)
    L.merged("报送单位：马坊镇社会事务办　　　　　　　　　　　　发放月份：2024年12月", 8, size=10, bold=False, align="left")
    L.head(["序号", "村", "户主", "身份证号", "保障类别", "保障人数", "发放金额（元）", "备注"])
    rows, ids = [], []
    for i in range(1, 21):
        name, pid, _, _ = person(r, age=(40, 90))
        ids.append(pid)
        cat = r.choice(["农村低保A类", "农村低保B类", "农村低保C类", "特困供养（分散）"])
        n = 1 if "特困" in cat else r.randint(1, 4)
        amt = {"农村低保A类": 420, "农村低保B类": 350, "农村低保C类": 260}.get(cat, 760) * n
        vals = [i, r.choice(TOWNS["马坊镇"]), name, pid, cat, n, amt, ""]
        if i == 15:
            vals[3] = ids[2]; vals[7] = ""
        rr = L.row(vals); rows.append(rr)
        if i == 15:
            L.err(rr, "身份证号", "duplicate_id")
    tot = sum(L.v(x, "发放金额（元）") for x in rows); npp = sum(L.v(x, "保障人数") for x in rows)
    tr = L.row(["合计", "", "", "", "", npp, tot - 260, ""])
    L.err(tr, "发放金额（元）", "wrong_total")
    L.save("le_dibao", "F02", [("F02", 3), ("P06", 1)], "马坊镇社会事务办", "2024-12-31",
           "马坊镇2024年12月农村低保、特困供养金发放花名册", date_stated=False)
    LABELS[KEYS["le_dibao"]]["date"] = None

    # E8 控辍保学: empty 学生姓名 + duplicate ----------------------------------
    r = rng(408)
    L = Led("漳源县教育局/控辍保学工作台账.xlsx", "劝返复学")
    L.merged("漳源县2024年秋季学期控辍保学动态监测台账", 10)
    L.merged("填报单位：漳源县教育局基础教育股　　　　填报日期：2024年11月8日", 10, size=10, bold=False, align="left")
    L.head(["序号", "学生姓名", "身份证号", "性别", "乡镇", "应读学校", "年级", "疑似辍学原因", "劝返时间", "目前状态"])
    ids = []
    for i in range(1, 13):
        fem = r.random() < 0.5
        name, pid, sx, _ = person(r, female=fem, age=(7, 15))
        ids.append(pid)
        vals = [i, name, pid, sx, r.choice(TOWN_LIST), r.choice(["石桥镇初级中学", "柳溪镇中心小学", "马坊镇九年一贯制学校", "沙河镇中学"]),
                r.choice(["五年级", "六年级", "七年级", "八年级", "九年级"]), r.choice(["厌学", "随父母外出", "身体原因", "家庭困难"]),
                f"2024-{r.randint(9, 10):02d}-{r.randint(1, 28):02d}", r.choice(["已返校", "已返校", "送教上门", "随迁就读（已核实）"])]
        if i == 6:
            vals[1] = None
        if i == 10:
            vals[2] = ids[3]
        rr = L.row(vals)
        if i == 6:
            L.err(rr, "学生姓名", "empty_required")
        if i == 10:
            L.err(rr, "身份证号", "duplicate_id")
    L.save("le_kongchuo", "A02", [("A02", 1), ("P02", 1)], "漳源县教育局基础教育股", "2024-11-08",
           "漳源县2024年秋季学期控辍保学动态监测台账")

    # E9 参保和医疗救助: wrong rate ------------------------------------------
    r = rng(409)
    L = Led("漳源县医疗保障局/脱贫人口参保和医疗救助统计表.xlsx", "统计表")
    L.merged("2024年度脱贫人口和监测对象参加基本医疗保险及医疗救助统计表", 8)
    L.merged("填报单位：漳源县医疗保障局（盖章）", 8, size=10, bold=False, align="left")
    L.head(["乡镇", "应参保人数", "已参保人数", "参保率", "资助参保人数", "资助金额（万元）", "医疗救助人次", "救助金额（万元）"])
    L.fmt["参保率"] = "0.00%"
    rows = []
    for t in TOWN_LIST:
        n = r.randint(6000, 15000); k = n - r.randint(0, 8)
        rate = round(k / n, 4)
        if t == "沙河镇":
            rate = 0.9412
        rr = L.row([t, n, k, rate, int(n * 0.3), round(n * 0.3 * 0.035, 1), r.randint(800, 2500), round(r.uniform(120, 380), 1)])
        rows.append(rr)
        if t == "沙河镇":
            L.err(rr, "参保率", "wrong_rate")
    N = sum(L.v(x, "应参保人数") for x in rows); K = sum(L.v(x, "已参保人数") for x in rows)
    L.row(["合计", N, K, round(K / N, 4), sum(L.v(x, "资助参保人数") for x in rows),
           round(sum(L.v(x, "资助金额（万元）") for x in rows), 1), sum(L.v(x, "医疗救助人次") for x in rows),
           round(sum(L.v(x, "救助金额（万元）") for x in rows), 1)])
    L.merged("填报日期：2024年12月31日", 8, size=10, bold=False, align="right")
    L.save("le_canbao", "A02", [("A02", 2), ("P03", 1), ("P03", 2)], "漳源县医疗保障局", "2024-12-31",
           "2024年度脱贫人口和监测对象参加基本医疗保险及医疗救助统计表")

    # E10 撂荒地整治: wrong total ---------------------------------------------
    r = rng(410)
    L = Led("石桥镇/撂荒地整治台账.xlsx", "撂荒地")
    L.merged("石桥镇2024年撂荒地排查整治台账", 8)
    L.merged("（截至2024年8月31日）　面积单位：亩", 8, size=10, bold=False)
    L.head(["村", "排查撂荒面积", "已复耕面积", "其中：种粮", "其中：种经济作物", "未复耕面积", "未复耕原因", "计划完成时间"])
    rows = []
    for v in TOWNS["石桥镇"]:
        a = round(r.uniform(60, 320), 1); b = round(a * r.uniform(0.8, 1.0), 1); g = round(b * r.uniform(0.6, 0.9), 1)
        rows.append(L.row([v, a, b, g, round(b - g, 1), round(a - b, 1), "坡度大、无水源" if a - b > 0.05 else "",
                           "2025年3月" if a - b > 0.05 else ""]))
    sums = {c: round(sum(L.v(x, c) for x in rows), 1) for c in L.cols[1:6]}
    tr = L.row(["合计", sums["排查撂荒面积"], round(sums["已复耕面积"] + 35.0, 1), sums["其中：种粮"],
                sums["其中：种经济作物"], sums["未复耕面积"], "", ""])
    L.err(tr, "已复耕面积", "wrong_total")
    L.save("le_liaohuang", "B01", [("B01", 4)], "石桥镇", "2024-08-31", "石桥镇2024年撂荒地排查整治台账",
           unit_stated=False)

    # E11 村级集体经济收入: a 小计 that is wrong ----------------------------
    r = rng(411)
    L = Led(f"{NY}/村级集体经济收入统计表.xlsx", "2024年")
    L.merged("漳源县2024年村级集体经济收入统计表", 7)
    L.merged("单位：万元　　　　　　　　　　　　　　　　　　　　　　（截至2024年12月31日）", 7, size=10, bold=False)
    L.head(["乡镇", "村", "总收入", "经营性收入", "上年经营性收入", "增长（%）", "是否薄弱村"])
    subs = []
    for t in TOWN_LIST[:4]:
        block = []
        for v in TOWNS[t]:
            a = round(r.uniform(12, 60), 1); b = round(a * r.uniform(0.6, 0.9), 1); c = round(b * r.uniform(0.75, 0.98), 1)
            block.append(L.row([t, v, a, b, c, round((b - c) / c * 100, 1), "否"]))
        sa = round(sum(L.v(x, "总收入") for x in block), 1); sb = round(sum(L.v(x, "经营性收入") for x in block), 1)
        sc = round(sum(L.v(x, "上年经营性收入") for x in block), 1)
        bad = (t == "龙口乡")
        rr = L.row([t + "小计", "", round(sa + 8.0, 1) if bad else sa, sb, sc, round((sb - sc) / sc * 100, 1), ""],
                   shadow={"总收入": sa})
        if bad:
            L.err(rr, "总收入", "wrong_total")
        subs.append(rr)
    ga = round(sum(L.v(x, "总收入") for x in subs), 1); gb = round(sum(L.v(x, "经营性收入") for x in subs), 1)
    gc = round(sum(L.v(x, "上年经营性收入") for x in subs), 1)
    L.row(["合计", "", ga, gb, gc, round((gb - gc) / gc * 100, 1), ""])
    L.save("le_jiti", "B03", [("B03", 1)], NY, "2024-12-31", "漳源县2024年村级集体经济收入统计表", unit_stated=False)

    # E12 危房改造验收: empty 户主 + wrong total -------------------------------
    r = rng(412)
    L = Led("漳源县住房和城乡建设局/2024年农村危房改造验收台账.xlsx", "验收")
    L.merged("漳源县2024年农村低收入群体等重点对象危房改造竣工验收台账", 9)
    L.merged("制表单位：漳源县住房和城乡建设局村镇股", 9, size=10, bold=False, align="left")
    L.head(["序号", "乡镇", "村", "户主", "身份证号", "对象类别", "改造方式", "验收日期", "补助金额（元）"])
    rows = []
    for i in range(1, 17):
        name, pid, _, _ = person(r, age=(45, 85))
        way = r.choice(["加固", "拆除重建", "加固"])
        vals = [i, r.choice(TOWN_LIST), "", name, pid, r.choice(["监测对象", "农村低保户", "分散供养特困人员", "脱贫户"]), way,
                f"2024-{r.randint(6, 11):02d}-{r.randint(1, 28):02d}", 35000 if way == "拆除重建" else 15000]
        vals[2] = r.choice(TOWNS[vals[1]])
        if i == 4:
            vals[3] = None
        rr = L.row(vals); rows.append(rr)
        if i == 4:
            L.err(rr, "户主", "empty_required")
    tot = sum(L.v(x, "补助金额（元）") for x in rows)
    tr = L.row(["合计", "", "", "", "", "", "", "", tot + 20000])
    L.err(tr, "补助金额（元）", "wrong_total")
    L.save("le_weifang", "A02", [("A02", 3), ("P04", 1)], "漳源县住房和城乡建设局村镇股", None,
           "漳源县2024年农村低收入群体等重点对象危房改造竣工验收台账")

    # E13 技能培训花名册: duplicate ----------------------------------------
    r = rng(413)
    L = Led("县人社局/2024年第3期电工培训花名册.xlsx", "花名册")
    L.merged("2024年脱贫劳动力职业技能培训花名册（第3期　低压电工）", 8)
    L.merged("培训机构：漳源县职业技术培训学校　　培训时间：2024年5月13日—5月27日", 8, size=10, bold=False, align="left")
    L.head(["序号", "姓名", "性别", "身份证号", "户籍地址", "人员类别", "考核结果", "证书编号"])
    ids = []
    for i in range(1, 25):
        name, pid, sx, _ = person(r, female=r.random() < 0.15, age=(20, 50))
        ids.append(pid)
        t = r.choice(TOWN_LIST)
        vals = [i, name, sx, pid, f"{t}{r.choice(TOWNS[t])}", r.choice(["脱贫劳动力", "监测对象", "农村劳动力"]),
                r.choice(["合格", "合格", "合格", "不合格"]), ""]
        if i == 20:
            vals[3] = ids[8]
        vals[7] = f"ZYDG2024{i:03d}" if vals[6] == "合格" else ""
        rr = L.row(vals)
        if i == 20:
            L.err(rr, "身份证号", "duplicate_id")
    L.save("le_peixun", "A03", [("A03", 4)], "漳源县职业技术培训学校", "2024-05-27",
           "2024年脱贫劳动力职业技能培训花名册（第3期　低压电工）", date_stated=False)
    LABELS[KEYS["le_peixun"]]["date"] = None

    # E14 驻村考勤: wrong rate ----------------------------------------------
    r = rng(414)
    L = Led("县委组织部/驻村干部考勤汇总（第四季度）.xlsx", "考勤")
    L.merged("漳源县驻村第一书记和工作队员2024年第四季度考勤汇总表", 8)
    L.head(["序号", "姓名", "派出单位", "驻村（乡镇/村）", "职务", "应在岗天数", "实际在岗天数", "在岗率"])
    for i in range(1, 15):
        name, _, _, _ = person(r, age=(26, 45))
        t = r.choice(TOWN_LIST)
        need = 60; got = need - r.choice([0, 0, 1, 2, 3])
        rate = f"{pct(got, need)}%"
        if i == 8:
            got = 47; rate = "98.3%"
        rr = L.row([i, name, r.choice(["县财政局", "县交通运输局", "省交通运输厅", "县人民医院", "县委组织部", "县农业农村局"]),
                    f"{t}{r.choice(TOWNS[t])}", r.choice(["第一书记", "队员", "队员"]), need, got, rate],
                   shadow={"在岗率": None})
        if i == 8:
            L.err(rr, "在岗率", "wrong_rate")
    L.merged("制表：县委组织部驻村办　　　　　　　　　　　　　　　　2025年1月6日", 8, size=10, bold=False, align="left")
    L.save("le_zhucun", "A05", [("A05", 2), ("R03", 3)], "县委组织部驻村办", "2025-01-06",
           "漳源县驻村第一书记和工作队员2024年第四季度考勤汇总表")

    # E15 土地流转备案: wrong total + empty 承包户 ------------------------------
    r = rng(415)
    L = Led("附件2.xlsx", "Sheet1")
    L.merged("马坊镇土地经营权流转合同备案台账", 9)
    L.merged("（截至2024年12月31日）", 9, size=11, bold=False)
    L.head(["合同编号", "村", "流出方（承包户）", "流入方", "流转面积（亩）", "流转方式", "流转期限", "年租金（元/亩）", "备案日期"])
    rows = []
    ins = ["漳源县丰禾粮油有限公司", "漳源县高庄生猪养殖专业合作社", "种粮大户汤建平", "漳源县绿源农业科技有限公司"]
    for i in range(1, 19):
        name, _, _, _ = person(r)
        vals = [f"MF-LZ-2024-{i:03d}", r.choice(TOWNS["马坊镇"]), name, r.choice(ins), round(r.uniform(2, 40), 1),
                r.choice(["出租", "出租", "入股"]), f"2024.3—{r.choice([2029, 2030, 2034])}.2", r.choice([300, 350, 400, 450]),
                f"2024-{r.randint(3, 12):02d}-{r.randint(1, 28):02d}"]
        if i == 12:
            vals[2] = None
        rr = L.row(vals); rows.append(rr)
        if i == 12:
            L.err(rr, "流出方（承包户）", "empty_required")
    tot = round(sum(L.v(x, "流转面积（亩）") for x in rows), 1)
    tr = L.row(["合计", "", "", "", round(tot - 18.5, 1), "", "", "", ""])
    L.err(tr, "流转面积（亩）", "wrong_total")
    L.save("le_liuzhuan", "E03", [("E03", 1)], None, "2024-12-31", "马坊镇土地经营权流转合同备案台账")


FW_DIG = str.maketrans("0123456789", "０１２３４５６７８９")


def ledgers_clean():
    # K1 粮食生产: 合计 单产 is a weighted average, 完成率 from totals ----------
    r = rng(501)
    L = Led(f"{NY}/2024年粮食播种面积和产量分乡镇统计.xlsx", "粮食生产")
    L.merged("漳源县2024年粮食播种面积和产量统计表", 8)
    L.merged("填报单位：漳源县农业农村局　　　　　　　　　　　　　　　　　　　（截至2024年12月31日）", 8, size=10, bold=False)
    L.head2([("乡镇", 1), ("播种面积（亩）", 3), ("单产（公斤/亩）", 1), ("总产量（吨）", 1), ("备注", 1)],
            [None, "目标任务", "实际完成", "完成率（%）", None, None, None])
    rows = []
    for t in TOWN_LIST:
        goal = r.randint(80, 130) * 1000; act = goal + r.randint(-1500, 4000)
        yl = r.randint(355, 420)
        prod = round(act * yl / 1000, 1)
        rows.append(L.row([t, goal, act, pct(act, goal), yl, prod, ""]))
    G = sum(L.v(x, "目标任务") for x in rows); A = sum(L.v(x, "实际完成") for x in rows)
    P = round(sum(L.v(x, "总产量（吨）") for x in rows), 1)
    L.row(["合计", G, A, pct(A, G), round(P * 1000 / A), P, "单产为全县加权平均"])
    L.note_sheet("说明", ["1．播种面积含春播、夏播、秋冬播；", "2．合计行单产＝总产量÷实际播种面积，非各乡镇单产相加；",
                        "3．数据来源：统计部门农业统计年报。"])
    L.save("lk_liangshi", "B01", [("B01", 1)], NY, "2024-12-31", "漳源县2024年粮食播种面积和产量统计表")

    # K2 农村居民人均可支配收入: averages in 全县 row ---------------------------
    r = rng(502)
    L = Led("漳源县统计局/农村居民人均可支配收入分乡镇.xlsx", "收入")
    L.merged("2024年农村居民人均可支配收入抽样调查结果（分乡镇）", 7)
    L.head(["乡镇", "调查户数", "常住人口（人）", "人均可支配收入（元）", "上年（元）", "增长（%）", "其中：工资性收入（元）"])
    rows = []
    for t in TOWN_LIST:
        pop = r.randint(18000, 52000); inc = r.randint(14800, 19600); prev = int(inc / r.uniform(1.06, 1.085))
        rows.append(L.row([t, r.randint(40, 90), pop, inc, prev, round((inc - prev) / prev * 100, 1), int(inc * r.uniform(0.42, 0.55))]))
    POP = sum(L.v(x, "常住人口（人）") for x in rows)
    inc = round(sum(L.v(x, "人均可支配收入（元）") * L.v(x, "常住人口（人）") for x in rows) / POP)
    prev = round(sum(L.v(x, "上年（元）") * L.v(x, "常住人口（人）") for x in rows) / POP)
    wage = round(sum(L.v(x, "其中：工资性收入（元）") * L.v(x, "常住人口（人）") for x in rows) / POP)
    L.row(["全县", sum(L.v(x, "调查户数") for x in rows), POP, inc, prev, round((inc - prev) / prev * 100, 1), wage])
    L.merged("注：全县人均值按常住人口加权计算。制表单位：漳源县统计局农村调查队　2025年1月15日", 7, size=10, bold=False, align="left")
    L.save("lk_shouru", "F01", [("F01", 1)], "漳源县统计局农村调查队", "2025-01-15",
           "2024年农村居民人均可支配收入抽样调查结果（分乡镇）")

    # K3 县本级 row is ordinary; rate from totals ------------------------------
    r = rng(503)
    L = Led("漳源县财政局/2024年衔接资金项目实施进度.xlsx", "进度")
    L.merged("2024年衔接资金项目实施进度统计（截至2024年12月31日）", 7)
    L.head(["实施主体", "项目个数", "已开工", "已完工", "完工率", "安排资金（万元）", "备注"])
    rows = []
    for u in ["县本级"] + TOWN_LIST:
        n = r.randint(8, 30); w = n - r.randint(0, 3)
        rows.append(L.row([u, n, n, w, f"{pct(w, n)}%", r.randint(900, 3200), "县直部门实施项目" if u == "县本级" else ""],
                          shadow={"完工率": None}))
    N = sum(L.v(x, "项目个数") for x in rows); W = sum(L.v(x, "已完工") for x in rows)
    L.row(["合计", N, N, W, f"{pct(W, N)}%", sum(L.v(x, "安排资金（万元）") for x in rows), ""], shadow={"完工率": None})
    L.merged("报送单位：漳源县财政局农业股", 7, size=10, bold=False, align="left")
    L.save("lk_xiangmu", "A04", [("A04", 2)], "漳源县财政局农业股", "2024-12-31",
           "2024年衔接资金项目实施进度统计（截至2024年12月31日）")

    # K4 脱贫人口收入监测: 人均纯收入 averages, numbers as text "1,280" -------------
    r = rng(504)
    L = Led(f"{XZ}/脱贫人口收入监测（2024年度）.xlsx", "收入监测")
    L.merged("漳源县2024年度脱贫人口收入监测汇总表", 6)
    L.merged("报送单位：漳源县乡村振兴局　　　　填报日期：2025年1月10日", 6, size=10, bold=False, align="left")
    L.head(["乡镇", "脱贫户数", "脱贫人口", "人均纯收入（元）", "上年人均纯收入（元）", "增幅"])
    rows = []
    for t in TOWN_LIST:
        hh = r.randint(900, 3200); pp = int(hh * r.uniform(3.1, 3.6)); inc = r.randint(15200, 17800); prev = int(inc / r.uniform(1.09, 1.13))
        rows.append(L.row([t, f"{hh:,}", f"{pp:,}", f"{inc:,}", f"{prev:,}", f"{(inc - prev) / prev * 100:.1f}%"],
                          shadow={"脱贫户数": hh, "脱贫人口": pp, "人均纯收入（元）": inc, "上年人均纯收入（元）": prev}))
    HH = sum(L.v(x, "脱贫户数") for x in rows); PP = sum(L.v(x, "脱贫人口") for x in rows)
    inc = round(sum(L.v(x, "人均纯收入（元）") * L.v(x, "脱贫人口") for x in rows) / PP)
    prev = round(sum(L.v(x, "上年人均纯收入（元）") * L.v(x, "脱贫人口") for x in rows) / PP)
    L.row(["合计", f"{HH:,}", f"{PP:,}", f"{inc:,}", f"{prev:,}", f"{(inc - prev) / prev * 100:.1f}%"])
    L.save("lk_tuopin", "F01", [("F01", 2), ("S02", 1)], "漳源县乡村振兴局", "2025-01-10", "漳源县2024年度脱贫人口收入监测汇总表")

    # K5 户厕: 其中 rows under each town, 合计 sums only towns -------------------
    r = rng(505)
    L = Led(f"{NY}/全县户厕改造完成情况（分乡镇）.xlsx", "户厕")
    L.merged("漳源县2024年农村户厕改造完成情况", 6)
    L.merged("（截至2024年11月30日）", 6, size=11, bold=False)
    L.head(["乡镇", "年度任务（户）", "已完成（户）", "完成率", "已验收（户）", "备注"])
    L.fmt["完成率"] = "0.0%"
    towns = []
    for t in TOWN_LIST:
        goal = r.randint(180, 420); done = goal - r.randint(0, 25); acc = done - r.randint(0, 15)
        s1 = int(done * r.uniform(0.55, 0.8))
        towns.append(L.row([t, goal, done, round(done / goal, 3), acc, ""]))
        L.row(["　其中：三格式", "", s1, "", "", ""])
        L.row(["　　　　双瓮式", "", done - s1, "", "", ""])
    G = sum(L.v(x, "年度任务（户）") for x in towns); D = sum(L.v(x, "已完成（户）") for x in towns)
    L.row(["合计", G, D, round(D / G, 3), sum(L.v(x, "已验收（户）") for x in towns), "“其中”行不计入合计"])
    L.save("lk_huce", "C01", [("C01", 1)], NY, "2024-11-30", "漳源县2024年农村户厕改造完成情况", unit_stated=False)

    # K6 污水治理设施: 小计 per town then 合计 of 小计; text numbers; 备注 ------------
    r = rng(506)
    L = Led("生态环境局漳源分局/农村生活污水治理设施清单.xlsx", "设施清单")
    L.merged("漳源县农村生活污水治理设施清单及运行情况", 8)
    L.merged("报送单位：市生态环境局漳源分局　　　　　　　　　　　（截至2024年12月20日）", 8, size=10, bold=False)
    L.head(["乡镇", "村", "设施名称", "处理规模（吨/日）", "服务户数", "运行状态", "最近检测日期", "备注"])
    subs = []
    for t in ["柳溪镇", "马坊镇", "沙河镇"]:
        blk = []
        for v in TOWNS[t][:3]:
            cap = r.choice([20, 30, 50, 80, 100]); hh = r.randint(80, 400)
            blk.append(L.row([t, v, f"{v}污水处理站", str(cap), f"{hh:,}" if hh >= 1000 else str(hh), "正常",
                              f"2024-{r.randint(9, 12):02d}-{r.randint(1, 20):02d}", r.choice(["", "", "人工湿地", "一体化设备"])],
                             shadow={"处理规模（吨/日）": cap, "服务户数": hh}))
        subs.append(L.row([t + "　小计", "", f"{len(blk)}处", sum(L.v(x, "处理规模（吨/日）") for x in blk),
                           sum(L.v(x, "服务户数") for x in blk), "", "", ""]))
        L.blank()
    L.row(["合计", "", f"{sum(3 for _ in subs)}处", sum(L.v(x, "处理规模（吨/日）") for x in subs),
           sum(L.v(x, "服务户数") for x in subs), "", "", "合计为各乡镇小计之和"])
    L.save("lk_wushui", "C02", [("C02", 3)], "市生态环境局漳源分局", "2024-12-20", "漳源县农村生活污水治理设施清单及运行情况")

    # K7 农村公路: 全县 row ordinary; two-line header; 计划完成时间 in 2025 -------
    r = rng(507)
    L = Led("漳源县交通运输局/农村公路建设和养护台账.xlsx", "建设养护")
    L.merged("漳源县2024年农村公路建设和养护台账", 9)
    L.merged("填报单位：漳源县交通运输局（公路建设养护中心）　　　填报日期：2024年12月25日", 9, size=10, bold=False, align="left")
    L.head2([("序号", 1), ("所属乡镇", 1), ("项目名称", 1), ("建设规模", 2), ("投资（万元）", 2), ("计划完成时间", 1), ("进展", 1)],
            [None, None, None, "里程（公里）", "路面宽（米）", "计划", "已完成", None, None])
    projs = [("石桥镇", "冯家岭村至黄泥坳村联网公路", 7.8, 5.0), ("全县", "农村公路日常养护（列养里程1862公里）", 1862.0, None),
             ("沙河镇", "柴家湾村通组公路硬化", 3.2, 4.5), ("马坊镇", "东坡村产业大道", 2.6, 4.5),
             ("全县", "农村公路安全生命防护工程", 46.0, None), ("龙口乡", "桦树沟村旅游公路提质改造", 5.4, 6.0)]
    rows = []
    for i, (t, nm, km, wd) in enumerate(projs, 1):
        plan = r.randint(100, 900) if t != "全县" else r.randint(1200, 2600)
        done = int(plan * r.uniform(0.7, 1.0))
        rows.append(L.row([i, t, nm, km, wd if wd else "—", plan, done,
                           r.choice(["2024-12-31", "2025-06-30", "2025-10-31"]), "在建" if done < plan else "完工"]))
    L.row(["合计", "", "", round(sum(L.v(x, "里程（公里）") for x in rows), 1), "", sum(L.v(x, "计划") for x in rows),
           sum(L.v(x, "已完成") for x in rows), "", ""])
    L.save("lk_gonglu", "C03", [("C03", 4)], "漳源县交通运输局（公路建设养护中心）", "2024-12-25", "漳源县2024年农村公路建设和养护台账")

    # K8 务工就业: full-width digits as text; 其中 rows; rate from totals --------
    r = rng(508)
    L = Led("县人社局/脱贫劳动力务工就业统计表.xlsx", "务工统计")
    L.merged("漳源县脱贫劳动力（含监测对象）务工就业统计表", 7)
    L.merged("（截至2024年12月31日）", 7, size=11, bold=False)
    L.head(["乡镇", "劳动力人数", "务工人数", "务工率（%）", "县外务工", "县内务工", "就业帮扶车间（个）"])
    towns = []
    for t in TOWN_LIST:
        lab = r.randint(4500, 7800); w = int(lab * r.uniform(0.83, 0.9)); out = int(w * r.uniform(0.55, 0.68))
        ws = r.randint(3, 9)
        towns.append(L.row([t, lab, w, pct(w, lab), out, w - out, str(ws).translate(FW_DIG)], shadow={"就业帮扶车间（个）": ws}))
        if t in ("石桥镇", "马坊镇"):
            L.row(["　其中：监测对象", int(lab * 0.06), int(lab * 0.06 * 0.8), "", "", "", ""])
    LAB = sum(L.v(x, "劳动力人数") for x in towns); W = sum(L.v(x, "务工人数") for x in towns)
    L.row(["合计", LAB, W, pct(W, LAB), sum(L.v(x, "县外务工") for x in towns), sum(L.v(x, "县内务工") for x in towns),
           str(sum(L.v(x, "就业帮扶车间（个）") for x in towns)).translate(FW_DIG)])
    L.merged("制表单位：漳源县就业服务中心　　　制表人：何志明", 7, size=10, bold=False, align="left")
    L.save("lk_wugong", "A03", [("A03", 1), ("P05", 2)], "漳源县就业服务中心", "2024-12-31",
           "漳源县脱贫劳动力（含监测对象）务工就业统计表")

    # K9 养老服务设施清单: 备注, blank spacer rows, notes sheet -------------------
    r = rng(509)
    L = Led("漳源县民政局/农村养老服务设施清单.xlsx", "设施清单")
    L.merged("漳源县农村养老服务设施清单（2024年）", 7)
    L.head(["序号", "设施名称", "类型", "所在乡镇", "床位数（张）", "运营方式", "备注"])
    i = 0
    for t in TOWN_LIST:
        i += 1
        L.row([i, f"{t}敬老院" if "乡" not in t else f"{t}养老服务中心", "乡镇敬老院" if "乡" not in t else "区域养老服务中心",
               t, r.randint(40, 120), r.choice(["公办公营", "公建民营"]), ""])
        for v in r.sample(TOWNS[t], 1):
            i += 1
            L.row([i, f"{v}互助幸福院", "村级互助养老点", t, r.randint(8, 20), "村集体运营", r.choice(["", "含老年食堂", "2024年新建"])])
        L.blank()
    L.note_sheet("填表说明", ["本清单由县民政局养老服务股整理。", "床位数为设计床位，不含日间照料床位。",
                          "统计时点：2024年12月15日。"])
    L.save("lk_yanglao", "F02", [("F02", 2)], "县民政局养老服务股", "2024-12-15", "漳源县农村养老服务设施清单（2024年）")

    # K10 村卫生室和乡村医生: IDs unique; second sheet -------------------------
    r = rng(510)
    L = Led("漳源县卫生健康局/村卫生室和乡村医生名单.xlsx", "乡村医生")
    L.merged("漳源县村卫生室标准化建设及乡村医生名单", 9)
    L.merged("报送单位：漳源县卫生健康局基层卫生股", 9, size=10, bold=False, align="left")
    L.head(["序号", "乡镇", "村卫生室", "业务用房（㎡）", "是否达标", "乡村医生", "身份证号", "执业类别", "联系电话"])
    i = 0
    for t in TOWN_LIST:
        for v in TOWNS[t]:
            i += 1
            name, pid, _, _ = person(r, age=(28, 62))
            L.row([i, t, f"{v}卫生室", r.randint(60, 140), "是", name, pid, r.choice(["执业助理医师", "乡村医生", "执业医师"]), phone(r)])
    L.note_sheet("说明", ["1．标准化村卫生室业务用房面积不低于60平方米。", "2．社区卫生服务站未列入。", "（截至2024年12月31日）"])
    L.save("lk_weishengshi", "F02", [("F02", 1)], "漳源县卫生健康局基层卫生股", "2024-12-31",
           "漳源县村卫生室标准化建设及乡村医生名单")

    # K11 村两委班子名单: merged 村 cells spanning rows ---------------------------
    r = rng(511)
    L = Led("县委组织部/村两委班子成员名单（石桥镇）.xlsx", "名单")
    L.merged("石桥镇村“两委”班子成员名单", 7)
    L.merged("制表单位：中共石桥镇委员会组织办　　　　　　　　　　　　2024年3月1日", 7, size=10, bold=False, align="left")
    L.head(["村", "姓名", "性别", "身份证号", "职务", "学历", "备注"])
    for v in TOWNS["石桥镇"]:
        start = L.r
        posts = ["党组织书记、村委会主任", "党组织副书记", "村委会副主任", "委员（妇联主席）", "委员"]
        for k, post in enumerate(posts):
            fem = "妇联" in post
            name, pid, sx, _ = person(r, female=fem, age=(28, 58))
            L.row([v if k == 0 else None, name, sx, pid, post, r.choice(["大专", "高中", "本科", "中专"]), ""])
        L.ws.merge_cells(start_row=start, start_column=1, end_row=L.r - 1, end_column=1)
    L.save("lk_liangwei", "E01", [("E01", 1)], "中共石桥镇委员会组织办", "2024-03-01", "石桥镇村“两委”班子成员名单")

    # K12 送戏下乡和电影放映: percentages as text, rate from totals ---------------
    r = rng(512)
    L = Led("漳源县文化广电旅游体育局/送戏下乡和电影放映场次统计.xlsx", "场次")
    L.merged("2024年送戏下乡和农村公益电影放映场次统计", 7)
    L.merged("填报单位：漳源县文化广电旅游体育局　　填报日期：2024年12月27日", 7, size=10, bold=False, align="left")
    L.head(["乡镇", "送戏任务（场）", "送戏完成（场）", "电影任务（场）", "电影完成（场）", "电影完成率", "观众人次"])
    rows = []
    for t in TOWN_LIST:
        a = r.randint(6, 12); b = a + r.randint(0, 2); c = len(TOWNS[t]) * 12; d = c + r.randint(-2, 6)
        rows.append(L.row([t, a, b, c, d, f"{pct(d, c)}%", f"{r.randint(3000, 9000):,}"],
                          shadow={"电影完成率": None}))
    C = sum(L.v(x, "电影任务（场）") for x in rows); D = sum(L.v(x, "电影完成（场）") for x in rows)
    L.row(["合计", sum(L.v(x, "送戏任务（场）") for x in rows), sum(L.v(x, "送戏完成（场）") for x in rows), C, D,
           f"{pct(D, C)}%", ""])
    L.save("lk_songxi", "D02", [("D02", 3)], "漳源县文化广电旅游体育局", "2024-12-27", "2024年送戏下乡和农村公益电影放映场次统计")

    # K13 畜禽粪污: rate from totals, "1,280" text numbers ---------------------
    r = rng(513)
    L = Led(f"{NY}/畜禽粪污资源化利用台账.xlsx", "粪污利用")
    L.merged("漳源县2024年畜禽粪污资源化利用情况", 6)
    L.head(["乡镇", "规模养殖场（个）", "粪污产生量（吨）", "资源化利用量（吨）", "综合利用率", "备注"])
    rows = []
    for t in TOWN_LIST:
        n = r.randint(4, 19); g = r.randint(8000, 42000); u = int(g * r.uniform(0.86, 0.95))
        rows.append(L.row([t, n, f"{g:,}", f"{u:,}", f"{u / g * 100:.1f}%", ""],
                          shadow={"粪污产生量（吨）": g, "资源化利用量（吨）": u, "综合利用率": None}))
    G = sum(L.v(x, "粪污产生量（吨）") for x in rows); U = sum(L.v(x, "资源化利用量（吨）") for x in rows)
    L.row(["合计", sum(L.v(x, "规模养殖场（个）") for x in rows), f"{G:,}", f"{U:,}", f"{U / G * 100:.1f}%", "利用率＝利用量÷产生量"])
    L.merged("填报单位：漳源县畜牧水产事务中心　　　　（截至2024年12月31日）", 6, size=10, bold=False, align="left")
    L.save("lk_fenwu", "C04", [("C04", 2)], "漳源县畜牧水产事务中心", "2024-12-31", "漳源县2024年畜禽粪污资源化利用情况")

    # K14 矛盾纠纷: 小计 per town + 合计; 调处成功率 -------------------------------
    r = rng(514)
    L = Led("县委政法委/矛盾纠纷排查调处台账（四季度）.xlsx", "汇总")
    L.merged("2024年第四季度矛盾纠纷排查调处情况汇总", 6)
    L.merged("（截至2024年12月31日）", 6, size=11, bold=False)
    L.head(["乡镇", "纠纷类型", "排查数（件）", "调处成功（件）", "成功率（%）", "备注"])
    subs = []
    for t in ["柳溪镇", "沙河镇", "青岗乡"]:
        blk = []
        for ty in ["婚姻家庭", "邻里", "土地山林", "劳资"]:
            a = r.randint(2, 19); b = a - r.choice([0, 0, 1, 2]); b = max(b, 0)
            blk.append(L.row([t, ty, a, b, pct(b, a), ""]))
        A = sum(L.v(x, "排查数（件）") for x in blk); B = sum(L.v(x, "调处成功（件）") for x in blk)
        subs.append(L.row([t, "小计", A, B, pct(B, A), ""]))
    A = sum(L.v(x, "排查数（件）") for x in subs); B = sum(L.v(x, "调处成功（件）") for x in subs)
    L.row(["合计", "", A, B, pct(B, A), "合计＝各乡镇小计之和"])
    L.merged("报送单位：中共漳源县委政法委员会", 6, size=10, bold=False, align="left")
    L.save("lk_maodun", "E02", [("E02", 1)], "中共漳源县委政法委员会", "2024-12-31", "2024年第四季度矛盾纠纷排查调处情况汇总")

    # K15 垃圾中转站月台账: 合计 + 月均 (an average), spacer rows ------------------
    r = rng(515)
    L = Led("柳溪镇/垃圾中转站运行台账2024.xlsx", "月度")
    L.merged("柳溪镇生活垃圾中转站运行台账（2024年1—12月）", 6)
    L.merged("运营单位：漳源县清源环卫服务有限公司", 6, size=10, bold=False, align="left")
    L.head(["月份", "转运车次", "转运量（吨）", "渗滤液处理量（吨）", "设备检修（次）", "备注"])
    rows = []
    for m in range(1, 13):
        c = r.randint(58, 80); q = round(c * r.uniform(4.2, 5.0), 1); lq = round(q * 0.08, 1)
        rows.append(L.row([f"{m}月", c, q, lq, r.choice([0, 1, 1, 2]), "春节期间加密清运" if m == 2 else ""]))
        if m in (6,):
            L.blank()
    C = sum(L.v(x, "转运车次") for x in rows); Q = round(sum(L.v(x, "转运量（吨）") for x in rows), 1)
    LQ = round(sum(L.v(x, "渗滤液处理量（吨）") for x in rows), 1); E = sum(L.v(x, "设备检修（次）") for x in rows)
    L.blank()
    L.row(["合计", C, Q, LQ, E, ""])
    L.row(["月均", round(C / 12, 1), round(Q / 12, 1), round(LQ / 12, 1), round(E / 12, 1), "月均＝合计÷12"])
    L.save("lk_zhongzhuan", "C02", [("C02", 2)], "漳源县清源环卫服务有限公司", None, "柳溪镇生活垃圾中转站运行台账（2024年1—12月）")


# ================================================================= queries
LITERAL = ["红白理事会", "村规民约", "帮扶车间", "一户一策", "控辍保学", "撂荒地", "土地经营权流转", "宅基地",
           "劳务协作", "垃圾中转站", "积分制", "网格员", "秸秆", "过渡期", "满意度", "光伏电站", "危房改造",
           "黑臭水体", "消费帮扶", "高标准农田", "冯家岭村 合作社", "柳湾村 光伏", "党支部领办", "家庭医生"]
SYNONYM = {"打工": ["lk_wugong", "a03_summary", "a03_laowu"],
           "看病报销": ["le_canbao"],
           "喝水": ["a02_yinshui", "x02_zhenggai"],
           "养老院": ["lk_yanglao"],
           "搞卫生": ["c03_fangan", "c03_jianbao"],
           "臭水沟": ["c02_heichou"],
           "放电影": ["lk_songxi"],
           "闹矛盾": ["lk_maodun", "scan_tiaojie"],
           "村干部工资": ["scan_yunzhuan"],
           "网上卖货": ["b02_dianshang"],
           "回乡创业": ["e04_fanxiang"],
           "种田培训": ["e04_gaosuzhi"],
           "修路": ["lk_gonglu"],
           "看书": ["pf_shuwu"],
           "太阳能发电": ["a04_shouyi", "pf_guangfu"],
           "拆旧房": ["c03_weijiu"],
           "上学": ["le_kongchuo", "a02_xuezizhu"]}
ABBREV = {"高标农田": ["b01_yanshou"],
          "非遗": ["d02_chuantong"],
          "公益岗": ["le_gongyi"],
          "驻村书记": ["a05_xuanpai", "le_zhucun"],
          "东西协作": ["a05_dongxi", "a03_laowu"],
          "家医签约": ["a02_jiayi"],
          "医保": ["le_canbao"]}
SCAN_ONLY = {"耕地保护目标责任书": ["scan_gengdi"],
             "复耕复种": ["scan_gengdi"],
             "风险消除审批表": ["scan_xiaochu"],
             "产业路硬化": ["scan_siyi"],
             "调解协议书": ["scan_tiaojie"],
             "边界纠纷": ["scan_tiaojie"],
             "房屋安全性鉴定": ["scan_jianding"],
             "绿色食品证书": ["scan_lvshi"],
             "家政服务员培训班": ["ph_a03"],
             "逆变器": ["pf_guangfu"],
             "巡河": ["pf_xunhe"],
             "借阅登记": ["pf_shuwu"],
             "厚养薄葬": ["ph_d01"],
             "粪污收集转运": ["pf_fenwu"]}


def _flat(s):
    return s.replace("\n", "").replace("\r", "")


def build_queries():
    problems, qs, wrapped = [], [], []
    alltext = {rel: (_flat(t["text"]), _flat(t["image_text"])) for rel, t in TEXTS.items()}
    for q in LITERAL:
        words = q.split()
        rel = sorted(r for r, (a, b) in alltext.items() if all(w in a or w in b for w in words))
        if not rel:
            problems.append(f"literal {q}: no file")
        qs.append({"q": q, "relevant": rel, "kind": "literal"})
    for kind, table in (("synonym", SYNONYM), ("abbrev", ABBREV)):
        for q, keys in table.items():
            hits = [r for r, (a, b) in alltext.items() if q in a or q in b]
            if hits:
                problems.append(f"{kind} {q!r} occurs literally in {hits}")
            qs.append({"q": q, "relevant": sorted(KEYS[k] for k in keys), "kind": kind})
    for q, keys in SCAN_ONLY.items():
        in_text = [r for r, (a, b) in alltext.items() if q in a]
        in_img = sorted(r for r, (a, b) in alltext.items() if q in b)
        want = sorted(KEYS[k] for k in keys)
        if in_text:
            problems.append(f"scan_only {q!r} occurs in extractable text of {in_text}")
        if in_img != want:
            problems.append(f"scan_only {q!r}: image hits {in_img} != {want}")
        for r in want:
            if not any(q in ln for ln in TEXTS[r]["image_text"].split("\n")):
                wrapped.append(q)
        qs.append({"q": q, "relevant": want, "kind": "scan_only"})
    return qs, problems, sorted(set(wrapped))


# ================================================================= main
def main():
    import time
    t0 = time.time()
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    docs_A(); docs_houpinggu(); docs_BF(); docs_misc()
    scans(); photos(); phone_forms()
    ledgers_with_errors(); ledgers_clean()
    skipped = run_conversions()
    for rel in skipped:
        print("conversion skipped:", rel)
        LABELS.pop(rel, None); TEXTS.pop(rel, None)
    on_disk = sorted(str(p.relative_to(OUT)) for p in OUT.rglob("*") if p.is_file())
    missing = set(LABELS) ^ set(on_disk)
    assert not missing, missing
    qs, problems, wrapped = build_queries()
    (HERE / "labels.json").write_text(json.dumps(dict(sorted(LABELS.items())), ensure_ascii=False, indent=1), encoding="utf-8")
    (HERE / "ledgers.json").write_text(json.dumps(dict(sorted(LEDGERS.items())), ensure_ascii=False, indent=1), encoding="utf-8")
    (HERE / "queries.json").write_text(json.dumps(qs, ensure_ascii=False, indent=1), encoding="utf-8")
    from collections import Counter
    kinds = Counter(v["kind"] for v in LABELS.values())
    errs = Counter(e["kind"] for v in LEDGERS.values() for e in v["errors"])
    qk = Counter(q["kind"] for q in qs)
    print("files:", len(LABELS), dict(sorted(kinds.items())))
    print("ledgers:", len(LEDGERS), "with errors:", sum(1 for v in LEDGERS.values() if not v["clean"]), dict(errs))
    print("queries:", len(qs), dict(qk), "wrapped scan_only:", wrapped)
    for p in problems:
        print("PROBLEM:", p)
    print(f"done in {time.time() - t0:.1f}s")
    return kinds, errs, qk, wrapped, skipped


if __name__ == "__main__":
    main()
