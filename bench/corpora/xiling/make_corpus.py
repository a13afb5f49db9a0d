#!/usr/bin/env python3
"""Generate the 西岭县 (xiling) evaluation corpus. Deterministic (fixed seeds)."""
import json, os, random, shutil, subprocess, tomllib, hashlib, glob
from pathlib import Path
import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter
import docx
from docx.shared import Pt
from docx.oxml.ns import qn
import openpyxl
import datetime as dt

HERE = Path(__file__).resolve().parent
OUT = HERE / "files"
REF = Path("/work/shared/reference")
FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
FONTB = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
SK = tomllib.load(open(REF / "framework-shiji-kaohe.toml", "rb"))
HP = tomllib.load(open(REF / "framework-hou-pinggu.toml", "rb"))
EVID, SEE = {}, {}
for c in SK["category"]:
    for i in c["indicator"]:
        EVID[i["code"]] = i["evidence"]
for a in SK["adjustment"]:
    EVID[a["code"]] = a["evidence"]
for c in HP["category"]:
    for i in c["item"]:
        EVID[i["code"]] = i["evidence"]
        SEE[i["code"]] = i.get("see_also", [])

LABELS, TEXTS, CONV = {}, {}, []
FOLDER_UNIT = {"青石镇": "西岭县青石镇人民政府", "柳河镇": "西岭县柳河镇人民政府", "白沙乡": "西岭县白沙乡人民政府",
               "县农业农村局": "西岭县农业农村局", "县人社局": "西岭县人力资源和社会保障局", "县住建局": "西岭县住房和城乡建设局"}

def cn_date(d, style=0):
    y, m, dd = map(int, d.split("-"))
    if style == 1:
        digs = "〇一二三四五六七八九"
        def n(x):
            if x < 10: return digs[x]
            if x == 10: return "十"
            if x < 20: return "十" + digs[x % 10]
            return digs[x // 10] + "十" + (digs[x % 10] if x % 10 else "")
        return "".join(digs[int(c)] for c in str(y)) + "年" + n(m) + "月" + n(dd) + "日"
    return f"{y}年{m}月{dd}日"

def label(path, kind, covers, unit, unit_stated, date, date_stated, title, title_stated, text):
    cov = [{"code": c, "item": i, "text": EVID[c][i - 1]} for c, i in covers]
    codes = []
    for c, _ in covers:
        if c not in codes: codes.append(c)
    ind = None
    for c in codes:
        if c[0] in "ABCDEFX" and c[1:].isdigit() and c not in SEE:
            ind = c; break
    if ind is None and codes:
        s = SEE.get(codes[0], [])
        ind = s[0] if s else None
    also = [c for c in codes if c != ind]
    top = path.split("/")[0]
    if not unit and "/" in path:
        unit, unit_stated = FOLDER_UNIT[top], False
    LABELS[path] = {"indicator": ind, "also": also, "unit": unit, "unit_stated": bool(unit_stated and unit),
                    "date": date if date_stated else None, "date_stated": bool(date_stated),
                    "title": title, "title_stated": bool(title_stated and title), "kind": kind, "covers": cov}
    TEXTS[path] = text

def set_font(run, name="仿宋_GB2312", size=16, bold=False):
    run.font.name = name; run.font.size = Pt(size); run.bold = bold
    rpr = run._element.get_or_add_rPr(); rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = rpr.makeelement(qn("w:rFonts"), {}); rpr.append(rf)
    rf.set(qn("w:eastAsia"), name)

def make_docx(target, title, body, unit=None, date=None, wenhao=None, zhusong=None, author="Administrator",
              datestyle=0, banto=None, fujian=None, no_luokuan=False):
    d = docx.Document()
    s = d.sections[0]
    s.top_margin, s.left_margin, s.right_margin, s.bottom_margin = docx.shared.Twips(2098), docx.shared.Twips(1588), docx.shared.Twips(1474), docx.shared.Twips(1984)
    cp = d.core_properties
    cp.author = author or ""; cp.last_modified_by = author or ""
    cp.created = dt.datetime(2024, 1, 2, 9, 0, 0); cp.modified = dt.datetime(2024, 12, 20, 9, 0, 0)
    cp.title = ""
    texts = []
    def para(t, font="仿宋_GB2312", size=16, align=None, indent=True, bold=False):
        p = d.add_paragraph(); r = p.add_run(t); set_font(r, font, size, bold)
        if align == "c": p.alignment = 1
        if align == "r": p.alignment = 2
        if indent and align is None: p.paragraph_format.first_line_indent = Pt(32)
        texts.append(t); return p
    if banto:
        p = para(banto, "方正小标宋简体", 30, "c"); p.runs[0].font.color.rgb = docx.shared.RGBColor(0xE0, 0, 0)
    if wenhao: para(wenhao, align="c")
    if title:
        for ln in title.split("\n"): para(ln, "方正小标宋简体", 22, "c")
    if zhusong: para(zhusong, indent=False)
    for b in body:
        if isinstance(b, tuple):  # table
            rows = b[1]; t = d.add_table(rows=len(rows), cols=len(rows[0])); t.style = "Table Grid"
            for ri, row in enumerate(rows):
                for ci, v in enumerate(row):
                    t.cell(ri, ci).text = str(v); texts.append(str(v))
        elif b.startswith("一、") or b.startswith("二、") or b.startswith("三、") or b.startswith("四、") or b.startswith("五、"):
            para(b, "黑体")
        elif b.startswith("（") and b[2] == "）":
            para(b, "楷体_GB2312")
        else:
            para(b)
    if fujian: para("附件：" + fujian)
    if not no_luokuan:
        if unit: para(unit, align="r")
        if date: para(cn_date(date, datestyle), align="r")
    target.parent.mkdir(parents=True, exist_ok=True)
    d.save(target)
    return "\n".join(texts)

def D(path, kind, covers, title, body, unit=None, date=None, unit_stated=True, date_stated=True, fmt=None, **kw):
    """fmt: None=docx, 'doc', 'pdf' (text layer via soffice)."""
    target = OUT / path
    txt = make_docx(target if fmt is None else Path("/tmp/xl_conv/src") / (Path(path).stem + ".docx"),
                    title, body, unit if unit_stated else None, date if date_stated else None, **kw)
    if fmt:
        CONV.append((fmt, Path(path).stem, target))
    ttl = title.replace("\n", "") if title else None
    label(path, kind, covers, unit if unit_stated else None, unit_stated, date, date_stated and date is not None, ttl, ttl is not None, txt)

def X(path, covers, title, unit, date, headers, rows, total=None, kind="ledger", date_stated=True, unit_stated=True, blank=False, no_title=False, sheet="Sheet1"):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = sheet
    wb.properties.creator = "Administrator"
    wb.properties.created = dt.datetime(2024, 1, 2, 9, 0); wb.properties.modified = dt.datetime(2024, 12, 20, 9, 0)
    texts = []
    ncol = len(headers[-1])
    def put(row):
        ws.append(row); texts.extend(str(v) for v in row if v is not None)
    if not no_title:
        put([title] + [None] * (ncol - 1)); ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
        meta = []
        if unit_stated and unit: meta.append(f"填报单位：{unit}")
        if date_stated and date: meta.append(f"截至{cn_date(date)}")
        put(["    ".join(meta)] + [None] * (ncol - 1))
    for h in headers: put(list(h))
    if not blank:
        for r in rows: put(list(r))
        if total: put(total)
    else:
        for _ in range(8): ws.append([None] * ncol)
        put(["填表人：", None, "审核人：", None, "填报日期：    年  月  日"][:ncol] + [None] * max(0, ncol - 5))
    target = OUT / path; target.parent.mkdir(parents=True, exist_ok=True); wb.save(target)
    label(path, kind, covers, unit if unit_stated else None, unit_stated, date, date_stated and date is not None,
          None if no_title else title, not no_title, "\n".join(texts))

def font(sz, bold=False):
    return ImageFont.truetype(FONTB if bold else FONT, sz)

def wrap(lines, n):
    out = []
    for ln in lines:
        ind = "　　" if not ln.startswith("@") else ""
        ln = ln.lstrip("@"); s = ind + ln
        while len(s) > n:
            out.append(s[:n]); s = s[n:]
        out.append(s)
    return out

def seal(img, cx, cy, text, r=95, rng=None):
    lay = Image.new("RGBA", img.size, (0, 0, 0, 0)); dr = ImageDraw.Draw(lay)
    col = (210, 30, 30, 170)
    dr.ellipse([cx - r, cy - r, cx + r, cy + r], outline=col, width=6)
    dr.regular_polygon((cx, cy, 24), 5, fill=col)
    import math
    f = font(24, True); n = len(text)
    for k, ch in enumerate(text):
        ang = math.radians(200 + k * 140 / max(1, n - 1))
        x = cx + (r - 30) * math.cos(ang); y = cy + (r - 30) * math.sin(ang)
        dr.text((x - 12, y - 12), ch, font=f, fill=col)
    return Image.alpha_composite(img.convert("RGBA"), lay).convert("RGB")

def render_page(lines, rng, title=None, seal_text=None, rot=0.0, blur=0.6, n=30):
    W, H = 1000, 1414
    img = Image.new("RGB", (W, H), (246, 244, 238)); dr = ImageDraw.Draw(img)
    y = 110
    if title:
        for tl in title.split("\n"):
            f = font(38, True); w = dr.textlength(tl, font=f); dr.text(((W - w) / 2, y), tl, font=f, fill=(20, 20, 20)); y += 62
        y += 20
    f = font(26)
    for ln in wrap(lines, n):
        if ln.startswith(">"):
            ln = ln[1:]; w = dr.textlength(ln, font=f); dr.text((W - 110 - w, y), ln, font=f, fill=(25, 25, 25))
        else:
            dr.text((105, y), ln, font=f, fill=(25, 25, 25))
        y += 44
    if seal_text: img = seal(img, W - 250, y - 70, seal_text, rng=rng)
    arr = np.asarray(img).astype(np.int16)
    arr = arr + rng.normal(0, 9, arr.shape).astype(np.int16)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    img = img.rotate(rot, resample=Image.BICUBIC, fillcolor=(235, 235, 230)).filter(ImageFilter.GaussianBlur(blur))
    return img, "\n".join(wrap(lines, n))

def S(path, covers, title, pages, unit, date, kind="scan", seal_text=None, unit_stated=True, date_stated=True, seed=1):
    """pages: list of line lists. Image-only PDF."""
    rng = np.random.default_rng(seed); imgs, txt = [], []
    for k, lines in enumerate(pages):
        im, t = render_page(lines, rng, title if k == 0 else None, seal_text if k == len(pages) - 1 else None,
                            rot=float(rng.uniform(-2.5, 2.5)), blur=float(rng.uniform(0.4, 1.0)))
        imgs.append(im); txt.append(t)
    target = OUT / path; target.parent.mkdir(parents=True, exist_ok=True)
    imgs[0].save(target, "PDF", resolution=120, save_all=True, append_images=imgs[1:], quality=55)
    label(path, kind, covers, unit if unit_stated else None, unit_stated, date, date_stated, title.replace("\n", "") if title else None,
          bool(title), (title or "") + "\n" + "\n".join(txt))

def exif_bytes(date=None, title=None, desc=None, artist=None, gps=None):
    ex = Image.Exif()
    if date: ex[0x9003] = date.replace("-", ":", 2)  # DateTimeOriginal via IFD below
    if title: ex[0x9C9B] = title.encode("utf-16le") + b"\x00\x00"
    if desc: ex[0x010E] = desc.encode("utf-8")
    if artist: ex[0x013B] = artist.encode("utf-8")
    ex[0x010F] = "HUAWEI"; ex[0x0110] = "VOG-AL00"
    if date:
        ifd = ex.get_ifd(0x8769); ifd[0x9003] = date.replace("-", ":", 2); ifd[0x9004] = date.replace("-", ":", 2)
        del ex[0x9003]
    if gps:
        g = ex.get_ifd(0x8825)
        def dms(v):
            d0 = int(v); m = int((v - d0) * 60); s = round(((v - d0) * 60 - m) * 60, 2)
            return (float(d0), float(m), float(s))
        g[1] = "N"; g[2] = dms(gps[0]); g[3] = "E"; g[4] = dms(gps[1])
    return ex.tobytes()

def scene(rng, kind, W=800, H=600):
    img = Image.new("RGB", (W, H), (150, 190, 230)); dr = ImageDraw.Draw(img)
    dr.rectangle([0, H * 0.55, W, H], fill=(110, 140, 80) if kind != "room" else (180, 170, 150))
    for _ in range(int(rng.integers(3, 7))):
        x = int(rng.integers(0, W - 150)); y = int(rng.integers(int(H * 0.3), int(H * 0.6))); w = int(rng.integers(80, 220)); h = int(rng.integers(60, 160))
        c = tuple(int(v) for v in rng.integers(90, 240, 3)); dr.rectangle([x, y, x + w, y + h], fill=c, outline=(60, 60, 60))
        dr.polygon([(x - 10, y), (x + w / 2, y - 40), (x + w + 10, y)], fill=(120, 60, 50))
    arr = np.asarray(img).astype(np.int16) + rng.normal(0, 6, (H, W, 3)).astype(np.int16)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))

def P(path, covers, date, title=None, burned=None, desc=None, artist=None, gps=None, wechat=False, seed=1, scene_kind="out", unit_stated=None):
    rng = np.random.default_rng(seed); img = scene(rng, scene_kind)
    txt = ""
    if burned:
        dr = ImageDraw.Draw(img); f = font(22)
        dr.rectangle([0, 600 - 34 * len(burned) - 10, 520, 600], fill=(0, 0, 0))
        for k, ln in enumerate(burned):
            dr.text((10, 600 - 34 * (len(burned) - k) - 4), ln, font=f, fill=(255, 255, 255))
        txt = "\n".join(burned)
    target = OUT / path; target.parent.mkdir(parents=True, exist_ok=True)
    if wechat:
        img.save(target, "JPEG", quality=70)
    else:
        img.save(target, "JPEG", quality=70, exif=exif_bytes(date, title, desc, artist, gps))
    cap = title or desc or (burned[0] if burned else None)
    unit = artist if artist and ("局" in artist or "镇" in artist or "乡" in artist or "村" in artist) else None
    label(path, "photo", covers, unit, unit is not None, None if wechat else date, (not wechat) and date is not None,
          cap, cap is not None, "\n".join(x for x in [title, desc, artist, txt] if x))

def F(path, covers, title, rows, unit, date, seed=1, date_stated=True, exif_date=None):
    """Phone photo of a paper form: table drawn, then perspective + uneven light."""
    rng = np.random.default_rng(seed)
    W, H = 1000, 1300
    img = Image.new("RGB", (W, H), (250, 250, 245)); dr = ImageDraw.Draw(img)
    f = font(40, True); w = dr.textlength(title, font=f); dr.text(((W - w) / 2, 60), title, font=f, fill=(15, 15, 15))
    f2 = font(24)
    dr.text((70, 140), f"填报单位：{unit}", font=f2, fill=(20, 20, 20))
    ncol = len(rows[0]); cw = (W - 140) / ncol; y = 190
    for r in rows:
        for c, v in enumerate(r):
            x = 70 + c * cw; dr.rectangle([x, y, x + cw, y + 56], outline=(30, 30, 30), width=2)
            dr.text((x + 8, y + 13), str(v)[:int(cw / 25)], font=f2, fill=(20, 20, 60) if c else (20, 20, 20))
        y += 56
    if date: dr.text((W - 380, y + 40), "填报日期：" + cn_date(date), font=f2, fill=(20, 20, 20))
    # uneven light
    yy, xx = np.mgrid[0:H, 0:W]
    light = 0.65 + 0.4 * np.exp(-(((xx - W * 0.3) / 700) ** 2 + ((yy - H * 0.3) / 800) ** 2))
    arr = np.asarray(img).astype(np.float32) * light[..., None]
    arr += rng.normal(0, 7, arr.shape)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    bg = Image.new("RGB", (1200, 1500), (95, 80, 65)); bg.paste(img, (100, 100))
    d = [int(v) for v in rng.integers(-60, 60, 8)]
    quad = (60 + d[0], 40 + d[1], 40 + d[2], 1460 + d[3], 1150 + d[4], 1440 + d[5], 1120 + d[6], 70 + d[7])
    img = bg.transform((900, 1125), Image.QUAD, quad, Image.BICUBIC).filter(ImageFilter.GaussianBlur(0.8))
    target = OUT / path; target.parent.mkdir(parents=True, exist_ok=True)
    img.save(target, "JPEG", quality=62, exif=exif_bytes(exif_date or date))
    txt = title + "\n填报单位：" + unit + "\n" + "\n".join(" ".join(map(str, r)) for r in rows)
    label(path, "form_photo", covers, unit, True, date, date_stated and date is not None, title, True, txt)

def T(path, covers, content, enc, unit, date, title, kind="text", unit_stated=True, date_stated=True):
    target = OUT / path; target.parent.mkdir(parents=True, exist_ok=True)
    data = content.replace("\n", "\r\n") if enc == "gb18030" else content
    target.write_bytes(data.encode(enc))
    label(path, kind, covers, unit if unit_stated else None, unit_stated, date, date_stated, title, title is not None, content)

NY = "西岭县农业农村局"; RS = "西岭县人力资源和社会保障局"; QS = "西岭县青石镇人民政府"; LH = "西岭县柳河镇人民政府"; BS = "西岭县白沙乡人民政府"
ZJ = "西岭县住房和城乡建设局"; CZ = "西岭县财政局"; ZZB = "中共西岭县委组织部"; NB = "中共西岭县委农村工作领导小组办公室"

def build():
    # ---------- docx ----------
    D("县农业农村局/西岭县2024年防止返贫动态监测和帮扶工作实施方案.docx", "plan", [("A01", 1), ("P01", 1)],
      "西岭县2024年防止返贫动态监测\n和帮扶工作实施方案",
      ["为守住不发生规模性返贫底线，根据省市有关要求，结合我县实际，制定本方案。",
       "一、监测范围", "脱贫不稳定户、边缘易致贫户、突发严重困难户，即“三类户”，年人均纯收入监测范围为7800元以下。",
       "二、工作措施", "（一）农户自主申报。各镇（乡）要公布申报电话，农户可通过手机小程序自主申报。",
       "（二）干部排查。驻村工作队和帮扶干部每月入户走访一次。", "（三）部门筛查预警。医保、民政、残联、教育等部门每月推送数据。",
       "三、帮扶措施", "对识别纳入的监测户，逐户制定一户一策，落实产业、就业、兜底等帮扶。"],
      NB, "2024-03-12", wenhao="西农组办〔2024〕6号", zhusong="各镇（乡）党委、人民政府，县直有关单位：")
    D("县农业农村局/关于开展防返贫集中排查的通知.docx", "notice", [("A01", 4), ("W03", 1)],
      "关于开展2024年防返贫集中排查的通知",
      ["各镇（乡）人民政府：", "为全面掌握农户“两不愁三保障”和饮水安全状况，定于2024年4月1日至4月30日开展集中排查。",
       "一、排查对象", "全县所有农户，重点是脱贫户和监测户。", "二、排查方式", "镇村干部逐户上门，填写入户核查表，与行业部门推送数据逐条比对。",
       "请于5月10日前将排查报告报县农业农村局（县乡村振兴局）。"], NY, "2024-03-25", wenhao="西农发〔2024〕21号")
    X("县农业农村局/监测对象台账2024.xlsx", [("A01", 2), ("P01", 1), ("S03", 1)], "西岭县防止返贫监测对象识别纳入和风险消除台账", NY, "2024-12-31",
      [["序号", "镇（乡）", "村", "户主姓名", "人口数", "监测类型", "纳入时间", "风险类型", "帮扶措施", "风险消除情况", None],
       [None, None, None, None, None, None, None, None, None, "是否消除", "消除时间"]],
      [[1, "青石镇", "杨家村", "杨某福", 4, "边缘易致贫户", "2024-03", "因病", "医疗救助、公益岗位", "是", "2024-11"],
       [2, "柳河镇", "河湾村", "李某英", 3, "突发严重困难户", "2024-06", "因灾", "临时救助、产业奖补", "否", ""],
       [3, "白沙乡", "沙坪村", "王某", 5, "脱贫不稳定户", "2023-11", "因学", "雨露计划、就业帮扶", "是", "2024-09"],
       [4, "龙泉镇", "龙潭村", "张某平", 2, "边缘易致贫户", "2024-08", "因残", "低保兜底", "否", ""]],
      ["合计", None, None, "4户", 14, None, None, None, None, "已消除2户", None])
    D("关于杨家村监测户杨某福风险消除的请示.docx", "request", [("P01", 2), ("A01", 2)],
      "关于杨家村监测户杨某福风险消除的请示",
      ["青石镇党委、政府：", "我村边缘易致贫户杨某福家，2024年3月因病纳入监测。经落实医疗救助和公益性岗位等帮扶，家庭年人均纯收入达到11260元，风险已稳定消除满半年。",
       "经村民代表会议评议、公示无异议，现申请对该户标注风险消除。", "妥否，请批示。"], "西岭县青石镇杨家村村民委员会", "2024-11-06")
    D("青石镇/关于同意杨家村杨某福户风险消除的批复.docx", "reply", [("P01", 2)],
      "关于同意杨家村杨某福户风险消除的批复",
      ["杨家村村民委员会：", "你村《关于杨家村监测户杨某福风险消除的请示》收悉。经镇防返贫工作专班入户核实，同意该户风险消除。请继续跟踪监测，防止风险反弹。"],
      QS, "2024-11-15", wenhao="青政复〔2024〕14号")
    D("文档1.docx", "record", [("A01", 3)], "监测户一户一策帮扶计划（李某英户）",
      ["户主：李某英，柳河镇河湾村3组，家庭人口3人。", "致贫风险：2024年6月暴雨冲毁房屋及养殖圈舍。",
       "帮扶计划：1.申请临时救助5000元；2.落实危房改造补助；3.申请产业奖补发展生猪养殖10头；4.推荐子女参加技能培训。",
       "帮扶责任人：刘建军（县水利局）　联系电话：138****2231"], None, None, unit_stated=False, date_stated=False, author="刘建军", no_luokuan=True)
    D("新建 Microsoft Word 文档.docx", "record", [("A01", 4), ("R03", 2)], "帮扶责任人入户走访记录",
      ["走访时间：2024年9月18日　走访对象：沙坪村王某户", "走访情况：家中5口人，长子在外务工月收入约4500元，次子就读职校已享受雨露计划补助。住房为砖混结构，安全。饮用自来水，水量水质达标。",
       "存在问题：户主腰椎病，需定期复查。", "下步措施：协助办理慢性病卡。", "走访人：周敏"], None, None, unit_stated=False, date_stated=False, no_luokuan=True, author="周敏")
    X("表1.xlsx", [("A01", 5), ("W03", 1)], "部门预警信息核实反馈表", "西岭县白沙乡人民政府", "2024-10-20",
      [["序号", "预警来源", "姓名", "村", "预警内容", "核实结果", "是否纳入"], [None] * 7],
      [[1, "县医保局", "陈某", "沙坪村", "个人自付医疗费用超1万元", "已报销，自付3200元", "否"],
       [2, "县民政局", "赵某华", "石板村", "新增低保", "属实", "是"],
       [3, "县残联", "黄某", "石板村", "新办残疾证", "属实，无返贫风险", "否"]], ["合计", None, "3人", None, None, None, "纳入1户"])
    # A02
    X("控辍保学台账.xlsx", [("A02", 1), ("P02", 1)], "西岭县2024年秋季学期控辍保学工作台账", "西岭县教育体育局", "2024-11-30",
      [["序号", "学校", "学生姓名", "年级", "辍学原因", "劝返情况", "劝返时间"], [None] * 7],
      [[1, "柳河镇中学", "李某", "八年级", "厌学", "已劝返", "2024-09-10"], [2, "白沙乡中心校", "王某某", "六年级", "外出随迁", "已转学籍", "2024-09-20"]],
      ["合计", None, "2人", None, None, "动态清零", None])
    D("关于脱贫人口参保和医疗救助情况的报告.docx", "report", [("A02", 2), ("P03", 1), ("P03", 2)],
      "西岭县医疗保障局关于2024年脱贫人口参保\n和医疗救助落实情况的报告",
      ["县委农办：", "截至2024年12月31日，全县脱贫人口和监测对象应参保38426人，已参保38426人，参保率100%。对特困人员全额资助，对低保对象、返贫致贫人口定额资助，资助参保资金共计612万元。",
       "全年累计实施医疗救助1.2万人次，救助资金1860万元，三重保障制度综合报销比例达89.6%。"], "西岭县医疗保障局", "2024-12-31", wenhao="西医保发〔2024〕35号")
    D("县住建局/2024年农村危房改造竣工验收情况.docx", "report", [("A02", 3), ("P04", 1)], "2024年农村危房改造竣工验收情况",
      ["今年全县下达农村低收入群体危房改造任务126户，其中C级加固68户、D级拆除重建58户。截至11月底全部竣工。县住建局会同各镇（乡）逐户现场验收，126户验收合格，补助资金已全部兑付到户。"],
      ZJ, "2024-12-05", wenhao="西建〔2024〕88号")
    D("县住建局/住房安全性鉴定报告（河湾村李某英户）.docx", "certificate", [("A02", 5)], "农村住房安全性鉴定报告",
      ["房屋地址：柳河镇河湾村3组　户主：李某英", "结构类型：土木结构　建造年代：1986年", "鉴定结论：D级危房，整体危险，建议拆除重建。",
       "鉴定人员：张工、刘工"], "西岭县房屋安全鉴定站", "2024-07-02")
    X("附件2.xlsx", [("A02", 4), ("P04", 2), ("R02", 1)], "农村供水问题排查整改台账", "西岭县水利局", "2024-12-20",
      [["序号", "镇（乡）", "村", "问题类型", "涉及户数", "整改措施", "整改时限", "整改情况"], [None] * 8],
      [[1, "石门乡", "高岭村", "季节性缺水", 37, "新建蓄水池100立方米", "2024-06", "已完成"],
       [2, "东坪镇", "白杨村", "水质浑浊", 52, "加装净化消毒设备", "2024-08", "已完成"],
       [3, "青石镇", "杨家村", "管网老化", 64, "更换主管3.2公里", "2024-10", "已完成"]], ["合计", None, None, None, 153, None, None, "3处已销号"])
    # A03
    X("县人社局/脱贫劳动力务工就业统计表.xlsx", [("A03", 1), ("P05", 2)], "西岭县2024年脱贫劳动力务工就业情况统计表", RS, "2024-12-31",
      [["镇（乡）", "脱贫劳动力", "务工人数", "其中", None, None], [None, None, None, "县内", "省内县外", "省外"]],
      [["青石镇", 3210, 2580, 820, 910, 850], ["柳河镇", 2870, 2311, 640, 860, 811], ["白沙乡", 1650, 1302, 410, 420, 472]],
      ["合计", 7730, 6193, 1870, 2190, 2133])
    D("县人社局/关于认定2024年度就业帮扶车间的通知.docx", "notice", [("A03", 2)], "关于认定2024年度就业帮扶车间的通知",
      ["各镇（乡）人民政府，县直有关单位：", "经企业申报、镇乡初审、县级复核，认定西岭县青石竹编工艺有限公司等6家为2024年度就业帮扶车间（扶贫车间），共吸纳脱贫劳动力213人。各车间应规范用工，按月报送用工台账。",
       "附件：2024年度就业帮扶车间名单"], RS, "2024-05-20", wenhao="西人社发〔2024〕17号")
    X("县人社局/公益岗考勤表（10月）.xlsx", [("A03", 3), ("P05", 3)], "柳河镇乡村公益性岗位人员考勤表（2024年10月）", LH, "2024-10-31",
      [["序号", "姓名", "村", "岗位", "出勤天数", "缺勤天数", "补贴金额（元）"], [None] * 7],
      [[1, "李某芬", "河湾村", "保洁员", 22, 0, 600], [2, "王某成", "河湾村", "护林员", 21, 1, 600], [3, "陈某", "柳坝村", "水管员", 22, 0, 600]],
      ["合计", "3人", None, None, 65, 1, 1800])
    D("关于开展2024年脱贫劳动力技能培训的通知.docx", "notice", [("A03", 4), ("E04", 1)], "关于开展2024年脱贫劳动力技能培训的通知",
      ["各镇（乡）：", "为提升脱贫劳动力就业技能，县人社局联合县农业农村局开展电工、焊工、家政服务、中式烹调及高素质农民培训，每期15天，培训合格者颁发结业证书。请各镇（乡）组织报名，于6月10日前报送花名册。"],
      RS, "2024-05-28", wenhao="西人社函〔2024〕29号")
    D("西岭县与浙江省明州市海曙区劳务协作协议.docx", "contract", [("A03", 5), ("A05", 4)], "东西部劳务协作协议",
      ["甲方：西岭县人力资源和社会保障局", "乙方：明州市海曙区人力资源和社会保障局", "第一条 乙方每年为甲方组织不少于2场专场招聘会，帮助脱贫劳动力到海曙区稳定就业不少于300人。",
       "第二条 甲方对赴乙方务工的脱贫劳动力发放一次性交通补助。", "本协议一式四份，自签订之日起生效。", "签订日期：2024年3月8日"], None, None, unit_stated=False, no_luokuan=True, date_stated=False)
    LABELS["西岭县与浙江省明州市海曙区劳务协作协议.docx"].update({"unit": RS, "unit_stated": True, "date": "2024-03-08", "date_stated": True})
    # A04
    X("衔接资金支出进度表.xlsx", [("A04", 1), ("P05", 1)], "2024年中央和省级财政衔接推进乡村振兴补助资金支出进度表", CZ, "2024-12-31",
      [["资金来源", "下达金额（万元）", "已支出（万元）", "支出进度", "其中产业发展", None], [None, None, None, None, "金额（万元）", "占比"]],
      [["中央资金", 18600, 18210, "97.9%", 11540, "62.0%"], ["省级资金", 6200, 6020, "97.1%", 3780, "61.0%"]],
      ["合计", 24800, 24230, "97.7%", 15320, "61.8%"])
    D("县农业农村局/巩固衔接项目库入库项目公示.docx", "bulletin", [("A04", 2), ("W01", 1)], "西岭县2025年巩固拓展脱贫攻坚成果和乡村振兴项目库入库项目公示",
      ["根据项目库建设管理有关规定，经村申报、乡镇审核、县级主管部门论证，拟将以下项目纳入2025年度项目库，现予公示，公示期10天。",
       ("t", [["序号", "项目名称", "实施地点", "投资（万元）"], [1, "杨家村竹笋加工厂房", "青石镇", 180], [2, "河湾村产业路", "柳河镇", 95]]),
       "监督电话：0000-5123456"], NY, "2024-11-18")
    X("扶贫项目资产确权登记台账.xlsx", [("A04", 3), ("W01", 2)], "西岭县帮扶项目资产确权登记台账", NY, "2024-12-31",
      [["序号", "资产名称", "资产类别", "所在村", "形成年份", "原值（万元）", "确权", None, "管护主体"], [None] * 6 + ["所有权人", "确权时间", None]],
      [[1, "杨家村光伏电站", "经营性", "杨家村", 2017, 320, "杨家村集体", "2022-05", "杨家村股份经济合作社"],
       [2, "河湾村产业路", "公益性", "河湾村", 2020, 95, "河湾村集体", "2022-05", "柳河镇交管站"],
       [3, "沙坪村茶叶加工厂", "经营性", "沙坪村", 2019, 210, "沙坪村集体", "2023-03", "白沙乡富民茶业合作社"]], ["合计", "3项", None, None, None, 625, None, None, None])
    D("青石镇/杨家村光伏收益分配方案.docx", "plan", [("A04", 4), ("W01", 3)], "杨家村2024年村级光伏电站收益分配方案",
      ["经村“两委”提议、村民代表大会决议，2024年光伏电站收益32.6万元，按以下方式分配：一、设置公益性岗位12个，支出8.64万元；二、小型公益事业奖补10万元；三、对监测户、脱贫户中的重度残疾人发放临时救助3万元；四、其余作为村集体经济收入。"],
      "西岭县青石镇杨家村村民委员会", "2024-06-28")
    # A05
    D("关于选派第五批驻村第一书记和工作队员的通知.docx", "notice", [("A05", 1)], "关于选派第五批驻村第一书记和工作队员的通知",
      ["各镇（乡）党委，县直各单位党组（党委）：", "根据省委组织部统一安排，经研究，决定选派李晓东等36名同志担任驻村第一书记，选派工作队员72名，任期两年。请派出单位于2024年5月31日前完成轮换交接。"],
      ZZB, "2024-05-15", wenhao="西组通〔2024〕19号")
    D("县委组织部关于驻村干部在岗情况抽查的通报.docx", "bulletin", [("A05", 2), ("R04", 1)], "关于驻村干部在岗情况抽查的通报",
      ["8月20日至22日，县委组织部会同县农业农村局对全县36个驻村工作队进行了不打招呼抽查。抽查发现，龙泉镇龙潭村工作队员1人无故脱岗，柳河镇柳坝村驻村工作日志记录不实。",
       "对上述问题，责令派出单位约谈相关人员，限期整改，并在年度考核中扣分。"], ZZB, "2024-08-30", wenhao="西组通〔2024〕27号")
    D("县财政局定点帮扶白沙乡沙坪村年度工作总结.docx", "summary", [("A05", 3)], "县财政局2024年定点帮扶沙坪村工作总结",
      ["今年，我局认真落实“四个不摘”要求，局领导到沙坪村调研6次，协调资金85万元实施茶园提质项目，发动干部职工购买村里茶叶2.3万元。"], CZ, "2024-12-10")
    D("消费帮扶情况统计说明.docx", "report", [("A05", 5)], "西岭县2024年消费帮扶工作情况",
      ["全年通过“832平台”、消费帮扶专馆专柜、机关食堂采购等渠道销售脱贫地区农产品1.86亿元，同比增长12.4%。"], "西岭县商务局", "2024-12-26")
    # B
    X("县农业农村局/粮食播种面积和产量.xlsx", [("B01", 1)], "西岭县2024年粮食播种面积和产量统计表", NY, "2024-12-31",
      [["作物", "播种面积（亩）", "单产（公斤/亩）", "总产（吨）"], [None] * 4],
      [["水稻", 182000, 512, 93184], ["玉米", 96000, 438, 42048], ["马铃薯", 41000, 306, 12546]], ["合计", 319000, None, 147778])
    D("县农业农村局/2023年度高标准农田项目竣工验收报告.docx", "report", [("B01", 2)], "西岭县2023年度高标准农田建设项目竣工验收报告",
      ["项目区涉及柳河镇、白沙乡2个镇乡，建设面积3.2万亩，总投资4800万元。2024年4月，县验收组对项目进行了竣工验收，土地平整、灌溉排水、田间道路等工程质量合格，同意通过验收。"], NY, "2024-04-26", wenhao="西农发〔2024〕33号")
    D("撂荒地复耕复种工作推进情况.docx", "report", [("B01", 4)], "柳河镇撂荒地复耕复种工作推进情况",
      ["全镇排查撂荒地1260亩，已复耕1180亩，复耕率93.7%，剩余80亩为坡度25度以上，已纳入退耕还林。"], LH, "2024-09-12")
    D("粮食安全党政同责考核.docx", "record", [("B01", 5), ("B01", 3)], "2024年度镇乡粮食安全党政同责考核评分记录",
      ["考核组对8个镇乡粮食安全责任制落实情况进行了考核，检查了耕地保护目标责任书签订、粮食生产任务完成等情况。"], "西岭县粮食安全党政同责考核领导小组办公室", "2024-12-18")
    D("关于印发西岭县竹产业高质量发展三年行动方案的通知.docx", "plan", [("B02", 1)], "关于印发《西岭县竹产业高质量发展三年行动方案（2024—2026年）》的通知",
      ["各镇（乡）人民政府，县级各部门：", "现将《西岭县竹产业高质量发展三年行动方案（2024—2026年）》印发给你们，请认真抓好落实。"], "西岭县人民政府办公室", "2024-02-27", wenhao="西府办发〔2024〕8号")
    X("龙头企业和合作社名录.xlsx", [("B02", 2)], "西岭县农业产业化龙头企业、农民专业合作社示范社名录", NY, "2024-12-31",
      [["序号", "名称", "类别", "级别", "主营产品"], [None] * 5],
      [[1, "西岭县青石竹编工艺有限公司", "龙头企业", "市级", "竹编"], [2, "白沙乡富民茶业专业合作社", "合作社", "省级示范社", "绿茶"], [3, "柳河镇鑫旺生猪养殖专业合作社", "合作社", "县级示范社", "生猪"]], ["合计", "3家", None, None, None])
    D("乡村旅游和电商情况.docx", "report", [("B02", 4), ("B02", 3)], "2024年全县乡村旅游和农村电商发展情况",
      ["全年乡村旅游接待游客126万人次，综合收入4.2亿元。建成县级电商服务中心1个、村级电商服务站86个，农产品网络零售额2.6亿元。"], "西岭县文化广电旅游体育局", "2024-12-20")
    X("县农业农村局/村级集体经济收入统计表.xlsx", [("B03", 1)], "2024年村级集体经济收入统计表", NY, "2024-12-31",
      [["镇（乡）", "村数", "收入分档（个）", None, None, "总收入（万元）"], [None, None, "10万元以下", "10—50万元", "50万元以上", None]],
      [["青石镇", 14, 0, 11, 3, 486], ["柳河镇", 12, 1, 10, 1, 322], ["白沙乡", 9, 0, 9, 0, 171]], ["合计", 35, 1, 30, 4, 979])
    D("柳河镇/关于消除集体经济薄弱村的工作方案.docx", "plan", [("B03", 2)], "柳河镇2024年消除村级集体经济薄弱村工作方案",
      ["目标：年底前柳坝村集体经营性收入达到10万元以上，全镇“空壳村”“薄弱村”全部清零。", "措施：盘活闲置村小学发展民宿，承接小型工程项目，发展生猪代养。"], LH, "2024-03-20", wenhao="柳委发〔2024〕5号")
    D("党支部领办合作社情况.docx", "briefing", [("B03", 3)], "乡村振兴工作简报（第12期）",
      ["青石镇杨家村党支部领办竹笋专业合作社，吸纳社员186户，今年分红21万元。村支书说：“支部领着干，群众跟着富。”"], "西岭县乡村振兴工作专班", "2024-10-15", wenhao="第12期")
    D("白沙乡/沙坪村财务公开.docx", "list", [("B03", 4)], "沙坪村2024年第三季度村务财务公开栏",
      [("t", [["项目", "金额（元）"], ["上季度结余", 86520], ["本季度收入", 132400], ["本季度支出", 98760], ["本季度结余", 120160]]), "监督电话：村务监督委员会"], "西岭县白沙乡沙坪村村民委员会", "2024-10-08")
    # C
    X("青石镇/户厕改造验收台账.xlsx", [("C01", 1)], "青石镇2024年农村户厕改造验收台账", QS, "2024-11-30",
      [["序号", "村", "户主", "改厕类型", "开工时间", "验收时间", "验收结果"], [None] * 7],
      [[1, "杨家村", "杨某军", "三格式", "2024-05", "2024-08", "合格"], [2, "杨家村", "杨某兰", "三格式", "2024-05", "2024-08", "合格"], [3, "石桥村", "何某", "双瓮式", "2024-06", "2024-09", "合格"]],
      ["合计", None, "3户", None, None, None, "合格3户"])
    X("问题厕所排查整改台账.xlsx", [("C01", 2)], "农村问题厕所摸排整改台账", BS, "2024-09-30",
      [["序号", "村", "户主", "问题类型", "整改措施", "整改完成时间"], [None] * 6],
      [[1, "沙坪村", "王某林", "化粪池渗漏", "更换罐体", "2024-07-15"], [2, "石板村", "赵某", "无水冲设施", "加装冲水器", "2024-08-03"]], ["合计", None, "2户", None, None, None])
    D("县农业农村局/农村公厕管护制度.docx", "charter", [("C01", 3)], "西岭县农村公共厕所管护制度",
      ["第一条 农村公厕实行“镇乡负总责、村为主体、专人管护”。", "第二条 每座公厕落实管护员1名，每日保洁不少于2次。", "附：公厕管护人员名单（略）"], NY, "2024-04-02")
    D("粪污处理站运行记录.docx", "record", [("C01", 5), ("C04", 2)], "柳河镇粪污集中处理站运行记录（2024年第三季度）",
      ["7月：清运户厕粪污86车次，处理后还田利用；8月：清运92车次；9月：清运79车次，设备检修1次。"], LH, "2024-09-30")
    D("关于开展农村生活垃圾收运体系建设的实施方案.docx", "plan", [("C02", 1)], "西岭县农村生活垃圾收运处置体系建设实施方案",
      ["建立“户分类、村收集、镇转运、县处理”的收运处置体系，实现行政村全覆盖。"], "西岭县城市管理局", "2024-03-05", wenhao="西城管〔2024〕4号")
    X("垃圾中转站运行台账.xlsx", [("C02", 2)], "白沙乡垃圾中转站运行台账（2024年）", BS, "2024-12-31",
      [["月份", "转运车次", "转运量（吨）", "设备状况"], [None] * 4], [["1月", 62, 186, "正常"], ["6月", 70, 210, "正常"], ["12月", 66, 198, "正常"]], ["合计", 198, 594, None])
    D("合同（保洁）.docx", "contract", [("C02", 5)], "柳河镇农村人居环境第三方保洁服务合同",
      ["甲方：西岭县柳河镇人民政府", "乙方：西岭县洁美环境服务有限公司", "一、服务范围：全镇12个行政村道路清扫、垃圾收集清运。", "二、服务期限：2024年1月1日至2024年12月31日。", "三、合同价款：人民币86万元。",
       "甲方（盖章）　　　乙方（盖章）", "2023年12月26日"], None, None, no_luokuan=True, unit_stated=False, date_stated=False)
    LABELS["合同（保洁）.docx"].update({"unit": LH, "unit_stated": True, "date": "2023-12-26", "date_stated": True})
    X("生活污水治理设施清单.xlsx", [("C02", 3)], "西岭县农村生活污水处理设施清单及运行情况", "西岭县生态环境局", "2024-12-31",
      [["序号", "镇（乡）", "设施名称", "处理能力（吨/日）", "运行状况"], [None] * 5], [[1, "青石镇", "杨家村污水处理站", 50, "正常"], [2, "柳河镇", "河湾村一体化设备", 30, "正常"]], ["合计", "2座", None, 80, None])
    D("县住建局/村庄清洁行动简报.docx", "briefing", [("C03", 1)], "村庄清洁行动简报（第3期）",
      ["全县开展“三清三拆三整治”，清理垃圾杂物3.6万吨，拆除乱搭乱建1260处、残垣断壁480处，建成小菜园、小果园等“四小园”2100个。"], ZJ, "2024-07-12")
    X("危旧房拆除台账.xlsx", [("C03", 2)], "青石镇危旧房拆除台账", QS, "2024-10-31",
      [["序号", "村", "户主", "拆除面积（㎡）", "拆除时间"], [None] * 5], [[1, "石桥村", "何某富", 86, "2024-04-12"], [2, "杨家村", "杨某", 42, "2024-05-20"]], ["合计", None, "2户", 128, None])
    X("农村公路养护台账.xlsx", [("C03", 4)], "2024年农村公路建设和养护台账", "西岭县交通运输局", "2024-12-31",
      [["路线编号", "路线名称", "里程（公里）", "养护类型", "完成时间"], [None] * 5], [["C012", "青石—杨家", 8.6, "日常养护", "2024-12"], ["Y103", "河湾村道", 3.2, "路面修复", "2024-09"]], ["合计", None, 11.8, None, None])
    X("化肥农药减量统计.xlsx", [("C04", 1)], "2024年化肥农药使用量统计表", NY, "2024-12-31",
      [["项目", "2023年（吨）", "2024年（吨）", "增减"], [None] * 4], [["化肥（折纯）", 12860, 12540, "-2.5%"], ["农药", 386, 371, "-3.9%"]], None)
    D("秸秆综合利用和农膜回收工作总结.docx", "summary", [("C04", 3)], "2024年秸秆综合利用和农膜回收工作总结",
      ["全县秸秆综合利用率92.3%，废旧农膜回收率85.6%。"], NY, "2024-12-15")
    D("柳河镇/河长巡河记录.docx", "record", [("C04", 4)], "柳河镇镇级河长巡河记录",
      ["巡河时间：2024年8月6日　河段：柳河柳坝段", "巡河人：镇级河长王建华", "发现问题：河道岸边有生活垃圾。", "处理情况：已通知村保洁员当日清理。"], LH, "2024-08-06")
    D("关于规模养殖场环保整改情况的报告.docx", "report", [("C04", 5), ("C04", 2)], "关于畜禽规模养殖场环保问题整改情况的报告",
      ["对中央环保督察反馈的鑫旺生猪养殖场粪污直排问题，已新建沼气池和干粪棚，配套消纳地600亩，整改完成。"], "西岭县生态环境局", "2024-10-09", wenhao="西环报〔2024〕12号")
    # D
    X("新时代文明实践站活动记录.xlsx", [("D01", 1), ("D01", 2)], "青石镇新时代文明实践所志愿服务活动台账", QS, "2024-12-31",
      [["序号", "日期", "活动名称", "地点", "参加人数"], [None] * 5], [[1, "2024-03-05", "学雷锋志愿服务", "杨家村", 45], [2, "2024-06-18", "防溺水宣传", "石桥村", 32]], ["合计", None, "2次", None, 77])
    D("青石镇/杨家村村规民约.docx", "charter", [("D01", 3)], "杨家村村规民约",
      ["一、红事不超过15桌，白事从简，不大操大办。", "二、彩礼不超过3万元。", "三、门前三包，垃圾分类。", "经2024年1月20日村民代表大会讨论通过。"], "西岭县青石镇杨家村村民委员会", "2024-01-20")
    D("红白理事会章程.docx", "charter", [("D01", 4)], "柳坝村红白理事会章程",
      ["第一条 本会在村党支部领导下开展工作。", "第二条 婚事新办、丧事简办，倡导不收礼或收礼不超过100元。"], "西岭县柳河镇柳坝村红白理事会", "2024-02-15")
    D("县农业农村局/农家书屋借阅情况.docx", "record", [("D02", 2), ("D02", 1)], "2024年农家书屋开放和借阅情况",
      ["全县186个农家书屋全部正常开放，全年借阅图书3.2万册次。"], "西岭县文化广电旅游体育局", "2024-12-22")
    X("送戏下乡场次统计.xlsx", [("D02", 3)], "2024年送戏下乡和农村电影放映场次统计", "西岭县文化广电旅游体育局", "2024-12-31",
      [["镇（乡）", "送戏下乡（场）", "电影放映（场）"], [None] * 3], [["青石镇", 12, 168], ["柳河镇", 10, 144]], ["合计", 22, 312])
    D("传统村落保护.docx", "report", [("D02", 4)], "石门乡高岭村传统村落保护情况",
      ["高岭村2019年列入中国传统村落名录，今年修缮古民居12栋，“西岭花灯”列入省级非遗。"], "西岭县石门乡人民政府", "2024-11-02")
    # E
    D("村两委班子名单.docx", "list", [("E01", 1)], "白沙乡各村“两委”班子成员名单",
      [("t", [["村", "书记", "主任", "委员"], ["沙坪村", "王明", "王明", "李芳、陈刚"], ["石板村", "赵强", "黄伟", "刘丽"]])], BS, "2024-06-30")
    D("软弱涣散村党组织整顿情况.docx", "report", [("E01", 2)], "关于软弱涣散村党组织整顿转化情况的报告",
      ["2024年排查确定软弱涣散村党组织8个，逐村落实县级领导联系、第一书记驻村，年底全部整顿转化。"], ZZB, "2024-12-12")
    D("柳河镇/河湾村四议两公开会议记录.docx", "minutes", [("E01", 3)], "河湾村村民代表会议记录",
      ["时间：2024年4月16日　地点：村委会会议室", "议题：河湾村产业路项目实施", "经村党支部提议、两委商议、党员大会审议、村民代表会议决议，同意实施，结果公开。", "记录人：陈华"], "西岭县柳河镇河湾村村民委员会", "2024-04-16")
    D("关于拨付2024年村级组织运转经费的通知.docx", "notice", [("E01", 4)], "关于拨付2024年村级组织运转经费的通知",
      ["各镇（乡）人民政府：", "现拨付2024年村级组织运转经费3520万元，每村平均不低于11万元。"], CZ, "2024-02-05", wenhao="西财行〔2024〕9号")
    X("矛盾纠纷排查调处台账.xlsx", [("E02", 1)], "青石镇矛盾纠纷排查调处台账", QS, "2024-12-31",
      [["序号", "受理日期", "当事人", "纠纷类型", "调处结果"], [None] * 5], [[1, "2024-03-02", "杨某与何某", "宅基地界址", "调解成功"], [2, "2024-07-19", "石桥村村民", "土地流转款", "调解成功"]], ["合计", None, "2件", None, "成功2件"])
    D("积分制管理实施方案.docx", "plan", [("E02", 3)], "柳河镇乡村治理积分制实施方案",
      ["以户为单位设立积分卡，对参加义务劳动、环境卫生等给予积分，积分可到“爱心超市”兑换生活用品。"], LH, "2024-03-01", wenhao="柳府发〔2024〕7号")
    D("网格员名单.docx", "list", [("E02", 4)], "白沙乡网格员名单",
      [("t", [["网格", "网格员", "电话"], ["沙坪1网格", "王芳", "139****1102"], ["石板2网格", "黄丽", "137****6621"]])], BS, "2024-05-10")
    X("土地流转备案台账.xlsx", [("E03", 1)], "西岭县土地经营权流转合同备案台账", NY, "2024-12-31",
      [["序号", "镇（乡）", "流出方", "流入方", "面积（亩）", "期限", "备案时间"], [None] * 7], [[1, "青石镇", "杨家村3组", "青石竹编公司", 320, "10年", "2024-03"], [2, "白沙乡", "沙坪村", "富民茶业合作社", 560, "15年", "2024-05"]], ["合计", None, None, None, 880, None, None])
    D("县农业农村局/宅基地改革试点进展.docx", "report", [("E03", 2)], "西岭县农村宅基地制度改革试点工作进展情况",
      ["全县盘活闲置农房和宅基地216宗，发展民宿、康养等产业。"], NY, "2024-09-25")
    D("关于西岭县竹产业经验做法被省委农办推广的情况说明.docx", "report", [("X01", 1), ("X01", 2), ("E03", 4)], "关于我县“竹林认养”经验做法获省委农办推广的情况说明",
      ["2024年9月，省委农办印发《乡村振兴工作简报》第38期，专题推广西岭县“竹林认养+合作社”改革经验。11月，我县在全省农村改革现场会上作交流发言。"], NB, "2024-11-28")
    X("高素质农民培训花名册.xlsx", [("E04", 1)], "2024年高素质农民培育培训花名册", NY, "2024-10-15",
      [["序号", "姓名", "性别", "镇（乡）", "培训专业", "是否结业"], [None] * 6], [[1, "杨某平", "男", "青石镇", "竹林经营", "是"], [2, "李某霞", "女", "柳河镇", "生猪养殖", "是"]], ["合计", "2人", None, None, None, None])
    D("返乡入乡创业情况.docx", "report", [("E04", 2)], "2024年返乡入乡创业情况",
      ["全年新增返乡入乡创业人员1260人，带动就业5300人。"], RS, "2024-12-28")
    # F
    D("农村居民收入情况.docx", "report", [("F01", 1), ("S02", 1)], "2024年西岭县农村居民人均可支配收入情况",
      ["2024年全县农村居民人均可支配收入18620元，增长7.2%，高于城镇居民增速2.1个百分点。"], "西岭县统计局", "2025-01-20")
    X("村卫生室和乡村医生名单.xlsx", [("F02", 1)], "村卫生室建设和乡村医生名单", "西岭县卫生健康局", "2024-12-31",
      [["镇（乡）", "村卫生室", "乡村医生"], [None] * 3], [["青石镇", "杨家村卫生室", "杨某兰"], ["柳河镇", "河湾村卫生室", "陈某"]], ["合计", "2个", "2人"])
    X("低保特困发放台账.xlsx", [("F02", 3), ("P06", 1)], "2024年12月农村低保特困供养金发放台账", "西岭县民政局", "2024-12-31",
      [["镇（乡）", "低保户数", "低保金（元）", "特困人数", "供养金（元）"], [None] * 5], [["青石镇", 820, 410000, 96, 86400], ["白沙乡", 430, 215000, 51, 45900]], ["合计", 1250, 625000, 147, 132300])
    D("涉农资金统筹整合方案.docx", "plan", [("F03", 2)], "西岭县2024年统筹整合财政涉农资金实施方案",
      ["2024年计划统筹整合涉农资金3.6亿元，重点支持产业发展和基础设施建设。"], "西岭县人民政府", "2024-03-18", wenhao="西府发〔2024〕10号")
    D("土地出让收入用于农业农村情况.docx", "report", [("F03", 1)], "2024年土地出让收入用于农业农村支出情况",
      ["全年土地出让收入12.6亿元，用于农业农村支出1.12亿元，占土地出让收益比例达到10.2%。"], CZ, "2025-01-10")
    # R/W hou-pinggu only, X02
    D("县委常委会会议纪要.docx", "minutes", [("R01", 1)], "中共西岭县委常委会会议纪要",
      ["2024年3月5日，县委书记主持召开县委常委会会议，专题研究巩固拓展脱贫攻坚成果工作。会议强调，要压实五级书记抓巩固衔接责任。"], "中共西岭县委办公室", "2024-03-06", wenhao="〔2024〕4号")
    D("关于后评估反馈问题整改方案.docx", "plan", [("W02", 2), ("W02", 1)], "关于2023年度巩固脱贫成果后评估反馈问题的整改方案",
      ["针对省后评估反馈的3个方面12个问题，建立问题清单、任务清单、责任清单，实行销号管理，12月底前全部整改到位。"], NB, "2024-04-10", wenhao="西农组办〔2024〕9号")
    D("帮扶干部培训签到表.docx", "list", [("W04", 1)], "全县帮扶干部业务培训签到表",
      [("t", [["序号", "姓名", "单位", "签到"], [1, "周敏", "县财政局", "√"], [2, "刘建军", "县水利局", "√"]])], NB, "2024-05-22")
    D("整治形式主义为基层减负.docx", "report", [("W05", 1)], "关于整治形式主义为基层减负工作情况的报告",
      ["今年全县精简各类台账表格46种，合并填报事项。"], "中共西岭县委办公室", "2024-12-05")
    D("满意度调查.docx", "report", [("S04", 1)], "白沙乡群众对帮扶工作满意度调查情况", ["随机调查农户200户，满意率98.5%。"], BS, "2024-11-20")
    D("关于柳河镇“6·18”暴雨灾害的情况说明.docx", "report", [("X02", 1)], "关于柳河镇“6·18”暴雨灾害有关情况的说明",
      ["6月18日，柳河镇遭遇强降雨，造成河湾村3户房屋倒塌，无人员伤亡，已妥善安置。"], LH, "2024-06-21")
    # distractors
    D("值班表.docx", "other", [], "2024年国庆节假日值班表", [("t", [["日期", "带班领导", "值班人员"], ["10月1日", "王某", "李某"], ["10月2日", "陈某", "赵某"]])], "西岭县农业农村局办公室", "2024-09-26")
    D("关于举办职工趣味运动会的通知.docx", "notice", [], "关于举办2024年全县职工趣味运动会的通知", ["各基层工会：", "定于10月26日在县体育馆举办职工趣味运动会。"], "西岭县总工会", "2024-09-30", wenhao="西工发〔2024〕15号")
    D("会议室使用登记.docx", "record", [], "会议室使用登记", ["11月5日上午　财务股　预算会"], None, None, unit_stated=False, date_stated=False, no_luokuan=True)
    D("县住建局/关于开展安全生产月活动的通知.docx", "notice", [], "关于开展2024年“安全生产月”活动的通知", ["各建筑施工企业：", "今年6月是全国第23个“安全生产月”。"], ZJ, "2024-05-28", wenhao="西建〔2024〕41号")
    X("Book1.xlsx", [], None, None, None, [["姓名", "部门", "体检时间"]], [["王某", "办公室", "2024-04-10"], ["李某", "财务股", "2024-04-11"]], no_title=True, kind="list")
    D("新建 Microsoft Word 文档 (2).docx", "list", [], "2024年第四季度办公用品采购清单", [("t", [["品名", "数量", "单价（元）"], ["A4复印纸", 40, 23], ["签字笔", 200, 2]])], None, None, unit_stated=False, date_stated=False, no_luokuan=True)
    # blank template
    X("附件3.xlsx", [("C01", 1)], "户厕改造验收台账（样表）", None, None, [["序号", "村", "户主", "改厕类型", "验收结果"]], [], blank=True, kind="ledger", unit_stated=False, date_stated=False)
    # .doc and text pdf
    D("关于印发公益性岗位管理办法的通知.doc", "notice", [("A03", 3), ("P05", 3)], "关于印发《西岭县乡村公益性岗位管理办法》的通知",
      ["各镇（乡）人民政府：", "现将《西岭县乡村公益性岗位管理办法》印发给你们，请遵照执行。公益岗人员实行按月考勤，补贴标准每人每月600元。"], RS, "2024-01-15", wenhao="西人社发〔2024〕3号", fmt="doc")
    D("青石镇/青石镇2024年乡村振兴工作总结.doc", "summary", [("A01", 1), ("B02", 3)], "青石镇2024年乡村振兴工作总结",
      ["今年，我镇守牢防返贫底线，监测户38户全部落实帮扶；做强竹产业，竹编产值突破1亿元。"], QS, "2024-12-20", fmt="doc", datestyle=1)
    D("光伏电站运维记录.pdf", "record", [("A04", 5)], "杨家村光伏电站运行维护记录", ["2024年全年发电量41.2万千瓦时，清洗组件4次，更换逆变器1台。"], "西岭县青石镇杨家村股份经济合作社", "2024-12-30", fmt="pdf")
    D("未命名.pdf", "report", [("R04", 2), ("W02", 3)], "巩固脱贫成果问题整改销号情况", ["上年度反馈的12个问题已全部整改销号，其中1个长期坚持。"], NB, "2024-12-25", fmt="pdf")
    D("县人社局/技能培训结业名单.pdf", "list", [("A03", 4)], "2024年第二期脱贫劳动力技能培训结业学员名单", [("t", [["序号", "姓名", "工种"], [1, "王某", "电工"], [2, "李某", "家政服务"]])], RS, "2024-07-05", fmt="pdf")
    D("东西部协作资金项目表.pdf", "list", [("A05", 4)], "2024年东西部协作资金项目安排表", [("t", [["项目", "资金（万元）"], ["沙坪村茶叶加工", 300], ["杨家村竹笋冷库", 200]])], "西岭县东西部协作工作领导小组办公室", "2024-04-08", fmt="pdf")
    # ---------- scans (image-only) ----------
    S("扫描件012.pdf", [("C01", 1)], "柳河镇2024年农村户厕改造\n竣工验收报告",
      [["河湾村、柳坝村今年完成户厕改造186户，其中三格式化粪池152户、双瓮式34户。镇验收组于2024年10月22日逐户验收，全部合格，群众满意。",
        "存在问题：少数农户改厕后使用率不高，下步将加强宣传引导。", ">西岭县柳河镇人民政府", ">2024年10月25日"]], LH, "2024-10-25", seal_text="西岭县柳河镇人民政府", seed=11)
    S("扫描件013.pdf", [("A02", 3)], "危房改造补助资金发放花名册", [["沙坪村王某林户D级重建补助3.5万元，石板村赵某户C级加固补助1.2万元，已通过一卡通发放到户。", ">西岭县白沙乡人民政府", ">2024年11月8日"]], BS, "2024-11-08", seal_text="西岭县白沙乡人民政府", seed=12)
    S("白沙乡/scan0001.pdf", [("E02", 2)], "人民调解协议书", [["申请人王某与被申请人陈某因宅基地滴水檐发生纠纷，经白沙乡人民调解委员会调解，双方自愿达成协议：陈某拆除越界檐口0.5米，王某不再追究。",
        ">白沙乡人民调解委员会", ">2024年6月3日"]], "白沙乡人民调解委员会", "2024-06-03", seal_text="白沙乡人民调解委员会", seed=13)
    S("未命名1.pdf", [("R04", 1)], "关于巩固脱贫成果暗访发现问题的通报", [["县委农办组成暗访组，于9月对龙泉镇、石门乡进行了暗访。发现龙潭村两户监测户帮扶措施未落实到位，高岭村饮水设施管护不到位出现停水。",
        "责成相关镇乡10日内整改并报告。", ">中共西岭县委农村工作领导小组办公室", ">2024年9月26日"]], NB, "2024-09-26", seal_text="中共西岭县委农村工作领导小组办公室", seed=14)
    S("扫描全能王 2024-12-03 10.15.pdf", [("A05", 2), ("R03", 3)], "驻村工作队考勤登记表（11月）", [["龙潭村驻村第一书记李晓东在岗22天，队员张伟在岗21天，请假1天已报批。", ">龙泉镇党委组织办", ">2024年12月2日"]], "中共西岭县龙泉镇委员会", "2024-12-02", seed=15)
    S("柳河镇/文档扫描.pdf", [("D01", 5)], "柳河镇移风易俗倡议书", [["广大村民朋友们：婚事新办，丧事简办，抵制高价彩礼和人情攀比，让“人情债”不再压得喘不过气。", ">柳河镇文明办", ">2024年2月10日"]], "西岭县柳河镇人民政府", "2024-02-10", seed=16)
    S("扫描件015.pdf", [("F02", 2)], "白沙乡农村养老服务设施清单", [["白沙乡敬老院床位60张；沙坪村互助幸福院床位12张；石板村老年食堂1处，每日为高龄老人供餐。", ">白沙乡民政办", ">2024年10月18日"]], BS, "2024-10-18", seed=17)
    S("未命名2.pdf", [("E03", 3)], "青石镇集体产权制度改革成果巩固情况", [["全镇14个村均成立股份经济合作社，颁发股权证书5260本，今年杨家村首次按股分红。", ">西岭县青石镇人民政府", ">2024年8月30日"]], QS, "2024-08-30", seal_text="西岭县青石镇人民政府", seed=18)
    S("扫描件016.pdf", [("C03", 3), ("C03", 5)], "石门乡四小园建设验收记录", [["高岭村建成小菜园46个、小果园12个、小花园8个、小游园2个，整治前后面貌明显改观。", ">石门乡人居环境整治办", ">2024年9月9日"]], "西岭县石门乡人民政府", "2024-09-09", seed=19)
    S("扫描件017.pdf", [("F03", 3)], "关于提拔使用乡村振兴一线干部情况的说明", [["今年提拔重用在乡村振兴一线表现突出的干部26名，其中驻村第一书记9名。", ">中共西岭县委组织部", ">2024年12月16日"]], ZZB, "2024-12-16", seal_text="中共西岭县委组织部", seed=20)
    S("县农业农村局/扫描件.pdf", [("B01", 3)], "耕地保护目标责任书", [["为落实耕地保护党政同责，县人民政府与柳河镇人民政府签订本责任书：2024年柳河镇耕地保有量不低于5.6万亩，永久基本农田保护面积不低于4.8万亩。", ">2024年2月20日"]], "西岭县人民政府", "2024-02-20", seal_text="西岭县人民政府", seed=21)
    S("扫描件018.pdf", [("A01", 2), ("A01", 4)], "监测对象风险消除入户核查表", [["户主：王某　村：白沙乡沙坪村　人口5人。核查：家庭人均纯收入10860元，两不愁三保障和饮水安全均有保障，同意风险消除。", ">核查人：周敏", ">2024年9月5日"]], None, "2024-09-05", unit_stated=False, seed=22)
    # ---------- photos ----------
    P("IMG_20240815_103522.jpg", [("C01", 4)], "2024-08-15 10:35:22", title="杨家村改厕后", artist="青石镇农业服务中心", gps=(29.61, 106.52), seed=31)
    P("IMG_20240512_091008.jpg", [("C01", 4)], "2024-05-12 09:10:08", desc="yangjiacun gaice qian", seed=32)
    P("青石镇/IMG_20240620_150233.jpg", [("C03", 5)], "2024-06-20 15:02:33", burned=["青石镇石桥村", "2024-06-20 15:02", "人居环境整治-拆除残垣断壁"], seed=33)
    P("微信图片_20241103152211.jpg", [("D02", 3)], None, wechat=True, seed=34)
    P("微信图片_20240909101544.jpg", [("A05", 5)], None, wechat=True, burned=["消费帮扶集市", "柳河镇"], seed=35)
    P("柳河镇/DSC_0342.jpg", [("C02", 2)], "2024-07-03 08:20:10", title="柳河镇垃圾中转站", artist="王建华", seed=36)
    P("IMG_20241011_162015.jpg", [("A04", 5)], "2024-10-11 16:20:15", desc="杨家村光伏电站巡检", gps=(29.62, 106.50), seed=37)
    P("IMG_20240402_110300.jpg", [("B01", 2)], "2024-04-02 11:03:00", burned=["柳河镇高标准农田项目区", "2024-04-02 11:03", "竣工验收现场"], seed=38)
    P("微信图片_20240612083311.jpg", [], None, wechat=True, seed=39)
    P("白沙乡/IMG_20240322_143011.jpg", [("D01", 1)], "2024-03-22 14:30:11", title="沙坪村新时代文明实践站志愿活动", artist="白沙乡宣传办", seed=40)
    # ---------- form photos ----------
    F("IMG_20241105_094512.jpg", [("A01", 4), ("S01", 1)], "入户核查表", [["户主", "杨某福", "人口", "4"], ["住房", "安全", "饮水", "达标"], ["义务教育", "无辍学", "医保", "已参保"]], QS, "2024-11-04", seed=41)
    F("IMG_20240728_171103.jpg", [("A03", 3)], "公益性岗位人员签到表", [["姓名", "岗位", "7月出勤", "签名"], ["李某芬", "保洁员", "22", "李某芬"], ["王某成", "护林员", "21", "王某成"]], LH, "2024-07-31", seed=42)
    F("柳河镇/IMG_20240920_101522.jpg", [("C01", 2)], "问题厕所整改回访表", [["户主", "问题", "整改", "回访"], ["陈某", "罐体破损", "已更换", "满意"], ["刘某", "冲水不畅", "已维修", "满意"]], LH, "2024-09-20", seed=43)
    F("IMG_20241202_085011.jpg", [("D02", 2)], "农家书屋图书借阅登记簿", [["日期", "借阅人", "书名", "归还"], ["11-03", "杨某", "果树栽培", "已还"], ["11-10", "何某", "竹编技艺", "已还"]], "西岭县青石镇杨家村村民委员会", "2024-12-01", seed=44)
    F("IMG_20240611_154400.jpg", [("E02", 4)], "网格员巡查记录", [["日期", "网格", "巡查内容", "处理"], ["6月10日", "石板2网格", "独居老人走访", "正常"], ["6月11日", "石板2网格", "消防隐患", "已整改"]], BS, "2024-06-11", seed=45)
    # ---------- txt ----------
    T("工作日志.txt", [("A05", 2)], "驻村工作日志\n2024年10月8日 晴\n上午到河湾村3组走访监测户李某英家，了解新房建设进度。下午参加村两委会议，研究生猪代养分红。\n记录人：驻村第一书记 陈立\n", "gb18030", None, None, None, unit_stated=False, date_stated=False)
    T("柳河镇/情况汇报.txt", [("B03", 2), ("B03", 1)], "柳坝村集体经济薄弱村消除情况汇报\n柳坝村利用闲置村小学改建民宿，今年集体经营性收入达到12.6万元，已摘掉薄弱村帽子。\n柳河镇人民政府\n2024年12月8日\n", "gb18030", LH, "2024-12-08", "柳坝村集体经济薄弱村消除情况汇报")
    T("说明.txt", [], "文件夹说明：本文件夹为各单位报送材料，请勿删除。\n", "utf-8", None, None, None, kind="other", unit_stated=False, date_stated=False)
    T("白沙乡/报送说明.txt", [("S04", 1)], "白沙乡满意度调查报送说明\n本次共报送满意度调查问卷200份，电子版见附件。\n白沙乡乡村振兴办\n2024年11月21日\n", "utf-8", BS, "2024-11-21", "白沙乡满意度调查报送说明")


def q(s, rel, kind, means): return {"q": s, "relevant": rel, "kind": kind, "means": means}
QUERIES = [
 q("厕所改造", ["青石镇/户厕改造验收台账.xlsx", "扫描件012.pdf"], "synonym", "户厕改造验收材料"),
 q("失学儿童", ["控辍保学台账.xlsx"], "synonym", "控辍保学台账"),
 q("外出打工人数", ["县人社局/脱贫劳动力务工就业统计表.xlsx"], "synonym", "脱贫劳动力务工统计"),
 q("兜底保障金", ["低保特困发放台账.xlsx"], "synonym", "低保特困发放台账"),
 q("扶贫电站 分红", ["青石镇/杨家村光伏收益分配方案.docx"], "synonym", "光伏收益分配方案"),
 q("看病报销", ["关于脱贫人口参保和医疗救助情况的报告.docx"], "synonym", "医疗救助落实"),
 q("荒地复垦", ["撂荒地复耕复种工作推进情况.docx"], "synonym", "撂荒地整治"),
 q("村民公约", ["青石镇/杨家村村规民约.docx"], "synonym", "村规民约"),
 q("婚丧事简办组织", ["红白理事会章程.docx"], "synonym", "红白理事会章程"),
 q("垃圾清运 外包", ["合同（保洁）.docx"], "synonym", "第三方保洁合同"),
 q("农村污水处理站点", ["生活污水治理设施清单.xlsx"], "synonym", "污水治理设施清单"),
 q("村集体收入", ["县农业农村局/村级集体经济收入统计表.xlsx"], "synonym", "村级集体经济收入统计"),
 q("土地租赁合同", ["土地流转备案台账.xlsx"], "synonym", "土地流转备案"),
 q("村诊所", ["村卫生室和乡村医生名单.xlsx"], "synonym", "村卫生室和乡村医生"),
 q("群众评价", ["满意度调查.docx", "白沙乡/报送说明.txt"], "synonym", "群众满意度调查"),
 q("粮食亩产", ["县农业农村局/粮食播种面积和产量.xlsx"], "synonym", "粮食产量统计"),
 q("驻村日志", ["工作日志.txt"], "synonym", "驻村工作日志"),
 q("两委 名单", ["村两委班子名单.docx"], "abbrev", "村两委班子名单"),
 q("高标农田 验收", ["县农业农村局/2023年度高标准农田项目竣工验收报告.docx", "IMG_20240402_110300.jpg"], "abbrev", "高标准农田验收"),
 q("四议两公开", ["柳河镇/河湾村四议两公开会议记录.docx"], "abbrev", "四议两公开会议记录"),
 q("县人社局 帮扶车间", ["县人社局/关于认定2024年度就业帮扶车间的通知.docx"], "abbrev", "帮扶车间认定"),
 q("三清三拆", ["县住建局/村庄清洁行动简报.docx"], "abbrev", "村庄清洁行动简报"),
 q("县委农办 整改方案", ["关于后评估反馈问题整改方案.docx"], "abbrev", "后评估问题整改方案"),
 q("医保局 参保资助", ["关于脱贫人口参保和医疗救助情况的报告.docx"], "abbrev", "脱贫人口参保资助"),
 q("雨露计划", ["县农业农村局/监测对象台账2024.xlsx", "新建 Microsoft Word 文档.docx"], "abbrev", "教育帮扶补助落实"),
 q("县住建局 危改验收", ["县住建局/2024年农村危房改造竣工验收情况.docx", "扫描件013.pdf"], "abbrev", "危房改造验收"),
 q("柳河镇 户厕 竣工验收", ["扫描件012.pdf"], "scan_only", "柳河镇改厕验收报告"),
 q("危房改造补助 一卡通", ["扫描件013.pdf"], "scan_only", "危改补助发放"),
 q("滴水檐 纠纷 调解", ["白沙乡/scan0001.pdf"], "scan_only", "人民调解协议"),
 q("暗访 高岭村 停水", ["未命名1.pdf"], "scan_only", "暗访问题通报"),
 q("李晓东 考勤", ["扫描全能王 2024-12-03 10.15.pdf"], "scan_only", "驻村考勤"),
 q("高价彩礼 倡议书", ["柳河镇/文档扫描.pdf"], "scan_only", "移风易俗宣传"),
 q("敬老院 互助幸福院", ["扫描件015.pdf"], "scan_only", "农村养老服务设施"),
 q("股权证书", ["未命名2.pdf"], "scan_only", "集体产权制度改革成果"),
 q("四小园 验收 高岭村", ["扫描件016.pdf"], "scan_only", "四小园建设验收"),
 q("提拔 一线干部", ["扫描件017.pdf"], "scan_only", "三农干部选拔任用"),
 q("耕地保有量 责任书", ["县农业农村局/扫描件.pdf"], "scan_only", "耕地保护目标责任书"),
 q("沙坪村 风险消除 入户核查表", ["扫描件018.pdf"], "scan_only", "风险消除核查"),
 q("杨某福 入户核查表", ["IMG_20241105_094512.jpg"], "scan_only", "入户核查表"),
 q("公益性岗位人员签到表", ["IMG_20240728_171103.jpg"], "scan_only", "公益岗考勤"),
 q("问题厕所 回访", ["柳河镇/IMG_20240920_101522.jpg"], "scan_only", "问题厕所整改回访"),
 q("借阅登记簿", ["IMG_20241202_085011.jpg"], "scan_only", "农家书屋借阅登记"),
 q("网格员 消防隐患", ["IMG_20240611_154400.jpg"], "scan_only", "网格员巡查记录"),
 q("防止返贫动态监测 实施方案", ["县农业农村局/西岭县2024年防止返贫动态监测和帮扶工作实施方案.docx"], "literal", "防返贫监测方案"),
 q("风险消除 杨某福", ["关于杨家村监测户杨某福风险消除的请示.docx", "青石镇/关于同意杨家村杨某福户风险消除的批复.docx", "县农业农村局/监测对象台账2024.xlsx"], "literal", "杨某福户风险消除材料"),
 q("一户一策 李某英", ["文档1.docx"], "literal", "一户一策帮扶计划"),
 q("入户走访记录", ["新建 Microsoft Word 文档.docx"], "literal", "入户走访记录"),
 q("控辍保学", ["控辍保学台账.xlsx"], "literal", "控辍保学台账"),
 q("住房安全性鉴定", ["县住建局/住房安全性鉴定报告（河湾村李某英户）.docx"], "literal", "住房安全鉴定"),
 q("供水 排查整改台账", ["附件2.xlsx"], "literal", "饮水安全排查整改"),
 q("衔接推进乡村振兴补助资金 支出进度", ["衔接资金支出进度表.xlsx"], "literal", "衔接资金支出进度"),
 q("项目库 公示", ["县农业农村局/巩固衔接项目库入库项目公示.docx"], "literal", "项目库入库"),
 q("资产确权登记", ["扶贫项目资产确权登记台账.xlsx"], "literal", "资产确权台账"),
 q("光伏电站 运行维护", ["光伏电站运维记录.pdf"], "literal", "光伏运维记录"),
 q("驻村第一书记 选派", ["关于选派第五批驻村第一书记和工作队员的通知.docx"], "literal", "选派文件"),
 q("定点帮扶 沙坪村", ["县财政局定点帮扶白沙乡沙坪村年度工作总结.docx"], "literal", "定点帮扶总结"),
 q("劳务协作 海曙区", ["西岭县与浙江省明州市海曙区劳务协作协议.docx"], "literal", "劳务协作协议"),
 q("竹产业 三年行动方案", ["关于印发西岭县竹产业高质量发展三年行动方案的通知.docx"], "literal", "特色产业方案"),
 q("龙头企业 名录", ["龙头企业和合作社名录.xlsx"], "literal", "龙头企业合作社名录"),
 q("乡村旅游 电商", ["乡村旅游和电商情况.docx"], "literal", "乡村旅游电商统计"),
 q("柳坝村 薄弱村", ["柳河镇/关于消除集体经济薄弱村的工作方案.docx", "柳河镇/情况汇报.txt"], "literal", "薄弱村消除"),
 q("垃圾中转站", ["垃圾中转站运行台账.xlsx", "柳河镇/DSC_0342.jpg"], "literal", "中转站运行"),
 q("柳河镇 巡河", ["柳河镇/河长巡河记录.docx"], "literal", "河长巡河记录"),
 q("养殖场 整改", ["关于规模养殖场环保整改情况的报告.docx"], "literal", "养殖场整改"),
 q("土地出让收入 农业农村", ["土地出让收入用于农业农村情况.docx"], "literal", "土地出让收入用于农业农村"),
 q("县委常委会 巩固拓展脱贫攻坚成果", ["县委常委会会议纪要.docx"], "literal", "党委研究巩固成果纪要"),
 q("暴雨 情况", ["关于柳河镇“6·18”暴雨灾害的情况说明.docx"], "literal", "事件情况说明"),
 q("经验做法 推广", ["关于西岭县竹产业经验做法被省委农办推广的情况说明.docx"], "literal", "经验推广加分"),
 q("公益性岗位 考勤", ["县人社局/公益岗考勤表（10月）.xlsx", "关于印发公益性岗位管理办法的通知.doc"], "literal", "公益岗考勤"),
 q("宅基地 改革试点", ["县农业农村局/宅基地改革试点进展.docx"], "literal", "宅基地改革"),
 q("帮扶干部 培训 签到表", ["帮扶干部培训签到表.docx"], "literal", "培训签到"),
]

def convert():
    tmp = Path("/tmp/xl_conv")
    for fmt in ("doc", "pdf"):
        items = [c for c in CONV if c[0] == fmt]
        if not items: continue
        outd = tmp / ("out_" + fmt); outd.mkdir(parents=True, exist_ok=True)
        srcs = [str(tmp / "src" / (stem + ".docx")) for _, stem, _ in items]
        subprocess.run(["soffice", "--headless", "--convert-to", fmt if fmt == "pdf" else "doc:MS Word 97", "--outdir", str(outd)] + srcs,
                       check=True, capture_output=True, env=dict(os.environ, HOME="/tmp/xl_conv/home"))
        for _, stem, target in items:
            target.parent.mkdir(parents=True, exist_ok=True); shutil.move(str(outd / (stem + "." + fmt)), target)

def main():
    if OUT.exists(): shutil.rmtree(OUT)
    shutil.rmtree("/tmp/xl_conv", ignore_errors=True); (Path("/tmp/xl_conv/src")).mkdir(parents=True)
    random.seed(7)
    build(); convert()
    json.dump(dict(sorted(LABELS.items())), open(HERE / "labels.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    json.dump(QUERIES, open(HERE / "queries.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    json.dump(dict(sorted(TEXTS.items())), open("/tmp/xl_texts.json", "w", encoding="utf-8"), ensure_ascii=False, indent=0)
    print(len(LABELS), "files", len(QUERIES), "queries")

if __name__ == "__main__":
    import sys; sys.path.insert(0, str(HERE)); main()
