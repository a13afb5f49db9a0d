#!/usr/bin/env python3
"""Generator for the 澜溪县 (青崖市) evaluation corpus.

Deterministic (fixed seeds).  Writes files/, labels.json, ledgers.json, queries.json
next to this script.  Run:  /work/main/.venv/bin/python make_corpus.py
Every name, number and sentence here is invented for this corpus.
"""
import json, math, os, random, re, shutil, subprocess, tempfile, unicodedata
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent
OUT = ROOT / "files"
SEED = 20241231

# ---------------------------------------------------------------- frameworks
# evidence lists copied from framework-shiji-kaohe.toml / framework-hou-pinggu.toml
EVID = {
    'A01': ('shiji-kaohe', ['防止返贫监测帮扶工作方案', '监测对象识别纳入和风险消除台账', '一户一策帮扶计划', '入户走访记录', '监测预警数据比对记录']),
    'A02': ('shiji-kaohe', ['控辍保学台账', '脱贫人口参保和医疗救助统计', '农村危房改造验收材料', '农村饮水安全排查整改台账', '住房安全鉴定材料']),
    'A03': ('shiji-kaohe', ['脱贫劳动力务工就业统计表', '帮扶车间认定和运行材料', '公益性岗位聘用和考勤台账', '技能培训花名册和结业材料', '劳务协作协议']),
    'A04': ('shiji-kaohe', ['衔接资金分配和支出进度表', '项目库入库和实施材料', '帮扶项目资产确权登记台账', '资产收益分配方案和发放凭证', '光伏电站运行维护记录']),
    'A05': ('shiji-kaohe', ['驻村第一书记和工作队选派文件', '驻村考勤和工作日志', '定点帮扶年度计划和总结', '东西部协作项目和资金材料', '消费帮扶统计']),
    'B01': ('shiji-kaohe', ['粮食播种面积和产量统计', '高标准农田建设项目验收报告', '耕地保护目标责任书', '撂荒地整治台账', '粮食安全责任制考核材料']),
    'B02': ('shiji-kaohe', ['特色产业发展规划或方案', '龙头企业和合作社名录', '产业融合项目材料', '乡村旅游和农村电商统计', '农产品品牌认证材料']),
    'B03': ('shiji-kaohe', ['村级集体经济收入统计表', '薄弱村消除工作方案', '党支部领办合作社材料', '农村集体资产清查和财务公开材料']),
    'C01': ('shiji-kaohe', ['户厕改造任务分解和验收台账', '问题厕所排查整改台账', '公厕管护制度和管护人员名单', '改厕前后对比照片', '粪污处理设施运行记录']),
    'C02': ('shiji-kaohe', ['生活垃圾收运处置体系建设材料', '垃圾中转站运行台账', '生活污水治理设施清单和运行记录', '农村黑臭水体整治台账', '第三方保洁合同']),
    'C03': ('shiji-kaohe', ['村庄清洁行动方案和简报', '危旧房拆除台账', '四小园建设材料', '农村公路建设和养护台账', '整治前后对比照片']),
    'C04': ('shiji-kaohe', ['化肥农药减量统计', '畜禽粪污资源化利用台账', '秸秆综合利用和农膜回收材料', '河长巡河记录', '养殖场环评和整改材料']),
    'D01': ('shiji-kaohe', ['新时代文明实践站活动记录', '志愿服务活动台账', '村规民约', '红白理事会章程和活动记录', '移风易俗宣传材料']),
    'D02': ('shiji-kaohe', ['村级综合文化服务中心开放记录', '农家书屋借阅登记', '送戏下乡和电影放映场次统计', '传统村落和非遗保护材料']),
    'E01': ('shiji-kaohe', ['村“两委”换届和班子名单', '软弱涣散村党组织整顿台账', '四议两公开会议记录', '村级组织运转经费拨付凭证']),
    'E02': ('shiji-kaohe', ['矛盾纠纷排查调处台账', '人民调解案卷', '积分制或清单制实施方案', '网格员名单和巡查记录', '平安村创建材料']),
    'E03': ('shiji-kaohe', ['土地流转合同和备案台账', '宅基地改革试点方案和进展材料', '集体产权制度改革成果材料', '改革创新经验总结']),
    'E04': ('shiji-kaohe', ['高素质农民培训花名册', '返乡入乡创业统计', '乡村人才引进政策文件', '农技推广人员名单和服务记录']),
    'F01': ('shiji-kaohe', ['农村居民人均可支配收入统计数据', '脱贫人口收入监测数据', '增收措施工作方案']),
    'F02': ('shiji-kaohe', ['村卫生室建设和乡村医生名单', '农村养老服务设施清单', '农村低保特困供养发放台账', '城乡教育资源配置材料']),
    'F03': ('shiji-kaohe', ['土地出让收入用于农业农村支出统计', '涉农资金统筹整合方案', '三农干部选拔任用情况', '乡村产业用地保障材料']),
    'X01': ('shiji-kaohe', ['推广文件或会议交流材料', '经验做法总结']),
    'X02': ('shiji-kaohe', ['事件情况说明', '整改报告']),
    'R01': ('hou-pinggu', ['党委常委会和政府常务会议研究巩固脱贫成果的会议纪要', '过渡期工作方案']),
    'R02': ('hou-pinggu', ['行业部门排查整改台账', '责任清单']),
    'R03': ('hou-pinggu', ['帮扶责任人名册', '入户走访记录', '驻村考勤']),
    'R04': ('hou-pinggu', ['督查暗访通报', '问题整改销号台账', '考核结果运用文件']),
    'P01': ('hou-pinggu', ['监测对象台账', '风险消除审批材料']),
    'P02': ('hou-pinggu', ['控辍保学台账', '学生资助发放明细']),
    'P03': ('hou-pinggu', ['参保资助明细', '医疗救助台账', '家庭医生签约名单']),
    'P04': ('hou-pinggu', ['危房改造验收材料', '饮水安全排查台账']),
    'P05': ('hou-pinggu', ['衔接资金使用明细', '务工就业统计', '公益性岗位台账']),
    'P06': ('hou-pinggu', ['低保特困纳入明细', '残疾人补贴发放台账']),
    'W01': ('hou-pinggu', ['项目库材料', '资产确权登记台账', '收益分配凭证']),
    'W02': ('hou-pinggu', ['问题清单', '整改方案', '整改销号材料']),
    'W03': ('hou-pinggu', ['数据比对核实记录', '信息系统数据质量核查材料']),
    'W04': ('hou-pinggu', ['培训通知和签到表', '政策宣传材料']),
    'W05': ('hou-pinggu', ['作风问题专项整治材料']),
    'S01': ('hou-pinggu', ['入户核查表']),
    'S02': ('hou-pinggu', ['收入监测数据']),
    'S03': ('hou-pinggu', ['风险消除统计']),
    'S04': ('hou-pinggu', ['满意度调查材料']),
}

# ---------------------------------------------------------------- the county
COUNTY_CODE = "433127"      # invented administrative code used for 身份证号 of 澜溪县
TOWNS = [
    ("澜溪镇", ["东岸村", "桥头村", "新坪村"]),
    ("石渠镇", ["石渠村", "龙潭村", "上坳村", "杨柳村"]),
    ("鹤鸣乡", ["鹤鸣村", "白岩村", "竹坞村"]),
    ("青苔镇", ["青苔村", "野鸭塘村", "马鞍村"]),
    ("云栈乡", ["云栈村", "茶园村", "天池村"]),
    ("柏塘镇", ["柏塘村", "洪家村", "下湾村"]),
    ("芦湾乡", ["芦湾村", "沙洲村", "渡口村"]),
]
TOWN_NAMES = [t for t, _ in TOWNS]
VILLAGES = {t: v for t, v in TOWNS}
PARTNER = "江东省明浦市临湾区"

def folder_unit(folder):
    if folder.endswith("镇") or folder.endswith("乡"):
        return folder + "人民政府"
    return folder

# ---------------------------------------------------------------- rng, people
R = random.Random(SEED)
SURN = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "建国秀英桂兰志强海军春梅玉华永红德明金凤淑珍小燕文杰思远家豪子涵雨桐俊峰立新翠花水生福根长林大勇云霞丽娟晓东宏伟光荣国庆爱民少华世平红霞月娥德胜有才凤莲"
_used_names = set()

def person(rng=R):
    while True:
        n = rng.choice(SURN) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))
        if n not in _used_names:
            _used_names.add(n)
            return n

_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def id_check(body17):
    return "10X98765432"[sum(int(c) * w for c, w in zip(body17, _W)) % 11]

_used_ids = set()
def idno(rng=R, y0=1950, y1=2004, female=None):
    while True:
        y = rng.randint(y0, y1); m = rng.randint(1, 12); d = rng.randint(1, 28)
        seq = rng.randint(0, 99)
        sx = rng.randint(0, 9)
        if female is not None:
            sx = (sx // 2) * 2 + (0 if female else 1)
        body = f"{COUNTY_CODE}{y:04d}{m:02d}{d:02d}{seq:02d}{sx}"
        if body in _used_ids:
            continue
        _used_ids.add(body)
        return body + id_check(body)

def valid_id(s):
    return len(s) == 18 and s[:17].isdigit() and id_check(s[:17]) == s[17]

def phone(rng=R):
    return "1" + rng.choice(["35", "38", "39", "52", "58", "87", "99"]) + "".join(str(rng.randint(0, 9)) for _ in range(8))

CN_DIG = "〇一二三四五六七八九"
def cn_date(y, m, d):
    def num(n):
        if n < 10: return "一二三四五六七八九"[n - 1]
        if n == 10: return "十"
        if n < 20: return "十" + "一二三四五六七八九"[n - 11]
        t, u = divmod(n, 10)
        return "一二三四五六七八九"[t - 1] + "十" + ("" if u == 0 else "一二三四五六七八九"[u - 1])
    return "".join(CN_DIG[int(c)] for c in str(y)) + "年" + num(m) + "月" + num(d) + "日"

def ar_date(y, m, d):
    return f"{y}年{m}月{d}日"

def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if "0" <= c <= "9" or c == "." else c for c in str(s))

# ---------------------------------------------------------------- registry
LABELS, LEDGERS, CONTENT, PIXELS, CAPTIONS = {}, {}, {}, {}, {}

def covers_of(codes):
    out = []
    for c in codes:
        code, item = c.split("/")
        fw, ev = EVID[code]
        out.append({"framework": fw, "indicator": code, "item": int(item), "text": ev[int(item) - 1]})
    return out

def reg(path, kind, covers, unit=None, date=None, title=None):
    parts = path.split("/")
    if unit:
        u, stated = unit, True
    elif len(parts) > 1:
        u, stated = folder_unit(parts[0]), False
    else:
        u, stated = None, False
    cv = covers_of(covers)
    codes = []
    for c in cv:
        if c["indicator"] not in codes:
            codes.append(c["indicator"])
    first = next((c for c in codes if EVID[c][0] == "shiji-kaohe"), None)
    LABELS[path] = {"covers": cv, "indicator": first, "also": [c for c in codes if c != first],
                    "unit": u, "unit_stated": stated, "date": date, "title": title, "kind": kind}

def dst(path):
    p = OUT / path
    p.parent.mkdir(parents=True, exist_ok=True)
    return p

# ---------------------------------------------------------------- docx
FS, HT, KT, ST, XBS = "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体", "方正小标宋简体"

def _font(run, name, size=None, bold=None, color=None):
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = OxmlElement("w:rFonts"); rpr.insert(0, rf)
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        rf.set(qn(a), name)
    if size: run.font.size = Pt(size)
    if bold is not None: run.font.bold = bold
    if color: run.font.color.rgb = RGBColor.from_string(color)

def _border(par, color="FF0000", sz=12, side="bottom"):
    ppr = par._p.get_or_add_pPr()
    b = OxmlElement("w:pBdr"); e = OxmlElement(f"w:{side}")
    for k, v in (("w:val", "single"), ("w:sz", str(sz)), ("w:space", "1"), ("w:color", color)):
        e.set(qn(k), v)
    b.append(e); ppr.append(b)

def _page_number(section):
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("— "); _font(r, ST, 14)
    r = p.add_run()
    for t, txt in (("begin", None), (None, " PAGE "), ("end", None)):
        if t:
            f = OxmlElement("w:fldChar"); f.set(qn("w:fldCharType"), t); r._r.append(f)
        else:
            it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = txt; r._r.append(it)
    r = p.add_run(" —"); _font(r, ST, 14)

H1 = re.compile(r"^[一二三四五六七八九十]+、")
H2 = re.compile(r"^（[一二三四五六七八九十]+）")

def docx(path, spec):
    """spec keys: style gb|plain|sloppy, banner, wenhao, qianfa, title (list), to, body (list),
    attach (list), sign (list), date (str), banji (cc, printer, printdate), author, top (list of lines before title)"""
    st = spec.get("style", "gb")
    d = Document()
    sec = d.sections[0]
    if st in ("gb", "plain"):
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
        body_font, body_size, tfont, tsize = FS, 16, XBS, 22
    else:
        body_font, body_size, tfont, tsize = spec.get("font", ST), spec.get("size", 12), spec.get("tfont", HT), spec.get("tsize", 16)
    def para(text, font=None, size=None, align=None, indent=True, bold=None, color=None, space=28):
        p = d.add_paragraph()
        if align == "c": p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif align == "r": p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        pf = p.paragraph_format
        if st in ("gb", "plain"):
            pf.line_spacing = Pt(space); pf.space_before = Pt(0); pf.space_after = Pt(0)
        if indent and align is None:
            pf.first_line_indent = Pt((size or body_size) * 2)
        if text:
            r = p.add_run(text); _font(r, font or body_font, size or body_size, bold, color)
        return p
    for line in spec.get("top", []):
        para(line, indent=False)
    if spec.get("banner"):
        for _ in range(2): para("", indent=False)
        para(spec["banner"], XBS, spec.get("banner_size", 36), "c", color="FF0000", space=40)
        para("", indent=False)
        if spec.get("qianfa"):
            p = para(spec["wenhao"] + "　" * 8 + "签发人：", indent=False)
            r = p.add_run(spec["qianfa"]); _font(r, KT, 16)
        else:
            para(spec.get("wenhao", ""), align="c", indent=False)
        p = para("", indent=False, space=10); _border(p)
        para("", indent=False)
    elif spec.get("wenhao"):
        para(spec["wenhao"], align="r" if st != "gb" else "c", indent=False)
    for t in spec.get("title", []):
        if st in ("gb", "plain"):   # 22 pt title lines must fit the 156 mm text block
            w = sum(0.5 if ord(c) < 128 else 1 for c in t)
            assert w <= 20, (path, t, w)
        para(t, tfont, tsize, "c", bold=(st == "sloppy"), space=36)
    for t in spec.get("subtitle", []):
        para(t, KT if st != "sloppy" else body_font, body_size, "c")
    if spec.get("title"):
        para("", indent=False)
    if spec.get("to"):
        para(spec["to"], indent=False)
    for b in spec.get("body", []):
        if isinstance(b, tuple) and b[0] == "table":
            rows = b[1]
            tb = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            tb.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, v in enumerate(row):
                    c = tb.cell(i, j); c.text = ""
                    r = c.paragraphs[0].add_run(str(v)); _font(r, ST if st != "sloppy" else body_font, 10.5 if st != "sloppy" else body_size - 1, bold=(i == 0))
            continue
        if isinstance(b, tuple) and b[0] in ("c", "r", "l"):
            para(b[1], align=None if b[0] == "l" else b[0], indent=False); continue
        if st != "sloppy" and H1.match(b):
            para(b, HT)
        elif st != "sloppy" and H2.match(b):
            para(b, KT)
        else:
            para(b, bold=(st == "sloppy" and H1.match(b) is not None) or None)
    if spec.get("attach"):
        para("", indent=False)
        at = spec["attach"]
        para("附件：" + ("1．" + at[0] if len(at) > 1 else at[0]))
        for i, a in enumerate(at[1:], 2):
            para("　　　" + f"{i}．" + a)
    if spec.get("sign") or spec.get("date"):
        para("", indent=False); para("", indent=False)
        for s in spec.get("sign", []):
            p = para(s + "　" * spec.get("sign_pad", 2), align="r", indent=False)
        if spec.get("date"):
            para(spec["date"] + "　" * spec.get("date_pad", 2), align="r", indent=False)
    for tail in spec.get("tail", []):
        para(tail, size=(14 if st == "gb" else None), indent=False)
    if spec.get("banji"):
        cc, printer, pdate = spec["banji"]
        para("", indent=False)
        p = para("", indent=False, space=6); _border(p, "000000", 8)
        if cc:
            p = para("抄送：" + cc + "。", size=14, indent=False); _border(p, "000000", 4)
        para(printer + "　" * 6 + pdate + "印发", size=14, indent=False)
        p = para("", indent=False, space=6); _border(p, "000000", 8, "top")
    if st in ("gb", "plain"):
        _page_number(sec)
    cp = d.core_properties
    cp.author = spec.get("author", "")
    cp.last_modified_by = spec.get("author", "")
    cp.title = ""
    import datetime as _dt
    cp.created = cp.modified = _dt.datetime(2024, 1, 1, 9, 0, 0)
    d.save(dst(path))
    return d

def docx_text(p):
    d = Document(p)
    parts = [x.text for x in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for c in row.cells:
                parts.append(c.text)
    return "\n".join(parts)

# ---------------------------------------------------------------- xlsx
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

class Sheet:
    """Writes a ledger sheet row by row and remembers 1-based row numbers."""
    def __init__(self, ws, ncols):
        self.ws, self.n, self.r = ws, ncols, 0
    def title(self, text, size=16):
        self.r += 1
        self.ws.cell(self.r, 1, text).font = Font(name="方正小标宋简体", size=size)
        self.ws.cell(self.r, 1).alignment = Alignment(horizontal="center", vertical="center")
        if self.n > 1:
            self.ws.merge_cells(start_row=self.r, start_column=1, end_row=self.r, end_column=self.n)
        self.ws.row_dimensions[self.r].height = 30
        return self.r
    def line(self, text, merge=True):
        self.r += 1
        self.ws.cell(self.r, 1, text).font = Font(name="宋体", size=10)
        if merge and self.n > 1:
            self.ws.merge_cells(start_row=self.r, start_column=1, end_row=self.r, end_column=self.n)
        return self.r
    def header(self, cols):
        self.r += 1
        for j, v in enumerate(cols, 1):
            c = self.ws.cell(self.r, j, v); c.font = Font(name="黑体", size=10); c.border = BOX
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        return self.r
    def header2(self, top, sub):
        """two-line merged header: top is list of (text, span); sub list of texts (None where top spans 2 rows)"""
        r1 = self.r + 1; r2 = r1 + 1; self.r = r2
        col = 1
        for text, span in top:
            self.ws.cell(r1, col, text)
            if span == 1 and sub[col - 1] is None:
                self.ws.merge_cells(start_row=r1, start_column=col, end_row=r2, end_column=col)
            elif span > 1:
                self.ws.merge_cells(start_row=r1, start_column=col, end_row=r1, end_column=col + span - 1)
            col += span
        for j, v in enumerate(sub, 1):
            if v is not None:
                self.ws.cell(r2, j, v)
        for rr in (r1, r2):
            for j in range(1, self.n + 1):
                c = self.ws.cell(rr, j); c.border = BOX; c.font = Font(name="黑体", size=10)
                c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        return r2
    def row(self, vals, bold=False):
        self.r += 1
        for j, v in enumerate(vals, 1):
            c = self.ws.cell(self.r, j, v); c.border = BOX
            c.font = Font(name="宋体", size=10, bold=bold)
        return self.r
    def blank(self):
        self.r += 1
        return self.r
    def widths(self, ws_):
        for j, w in enumerate(ws_, 1):
            self.ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width = w

def new_wb(creator="", sheet="Sheet1"):
    wb = openpyxl.Workbook()
    wb.active.title = sheet
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    import datetime as _dt
    wb.properties.created = _dt.datetime(2024, 1, 2, 8, 0, 0)
    return wb

def save_wb(wb, path):
    import datetime as _dt
    wb.properties.modified = _dt.datetime(2024, 12, 1, 8, 0, 0)
    wb.save(dst(path))

def ledger(path, clean, tricky, errors=()):
    LEDGERS[path] = {"clean": clean, "tricky": tricky, "errors": list(errors)}

def err(kind, sheet, row, column, note):
    return {"kind": kind, "sheet": sheet, "row": row, "column": column, "note": note}

def xlsx_text(p):
    wb = openpyxl.load_workbook(p)
    parts = []
    for ws in wb.worksheets:
        parts.append(ws.title)
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if v is not None:
                    parts.append(str(v))
    return "\n".join(parts)

def pct(a, b, nd=1):
    return round(100.0 * a / b, nd) if b else 0.0

# ================================================================ xlsx ledgers
def E(kind, sh, row, col, header, note, expect=None):
    return {"kind": kind, "sheet": sh.ws.title if isinstance(sh, Sheet) else sh, "row": row, "column": header,
            "note": note, "_col": col, "_expect": expect}

def vill_rows(rng, per_town=None):
    out = []
    for t, vs in TOWNS:
        for v in vs:
            out.append((t, v))
    return out

def make_xlsx():
    rng = random.Random(SEED + 1)

    # ---------------- E1 监测对象台账 (duplicate_id)
    p = "澜溪县乡村振兴局/2024年防止返贫监测对象识别纳入和风险消除台账.xlsx"
    wb = new_wb("澜溪县乡村振兴局", "监测对象"); sh = Sheet(wb.active, 12)
    title = "澜溪县防止返贫监测对象识别纳入和风险消除台账"
    sh.title(title); sh.line("填报单位：澜溪县乡村振兴局　　　　　　　　　　　　截至2024年11月30日")
    hdr = ["序号", "乡镇", "村", "户主姓名", "身份证号", "家庭人口", "监测对象类型", "主要风险", "纳入时间", "帮扶措施", "风险是否消除", "消除时间"]
    sh.header(hdr)
    types = ["脱贫不稳定户", "边缘易致贫户", "突发严重困难户"]
    risks = ["因病", "因残", "因学", "因意外事故", "缺劳力", "因灾"]
    meas = ["产业帮扶+医疗救助", "公益性岗位+低保", "教育资助+务工就业", "临时救助+小额信贷", "危房改造+产业奖补"]
    rows = []
    for i in range(1, 25):
        t, vs = TOWNS[i % 7]
        gone = rng.random() < 0.55
        rows.append([i, t, rng.choice(vs), person(rng), idno(rng, 1948, 1990), rng.randint(1, 6), rng.choice(types), rng.choice(risks),
                     f"2024-{rng.randint(1,6):02d}-{rng.randint(1,28):02d}", rng.choice(meas), "是" if gone else "否",
                     f"2024-{rng.randint(7,11):02d}-{rng.randint(1,28):02d}" if gone else ""])
    rows[16][4] = rows[5][4]          # planted: same 身份证号 under two households
    first = None
    for r_ in rows:
        rr = sh.row(r_)
        if r_[0] == 6: first = rr
        if r_[0] == 17: dup = rr
    sh.widths([5, 8, 9, 9, 21, 8, 13, 9, 11, 20, 10, 11])
    save_wb(wb, p)
    ledger(p, False, False, [E("duplicate_id", sh, dup, 5, "身份证号", f"与第{first}行户主身份证号相同")])
    reg(p, "台账", ["A01/2", "P01/1"], "澜溪县乡村振兴局", "2024-11-30", title)

    # ---------------- E2 公益性岗位 (empty_required)
    p = "石渠镇/石渠镇公益性岗位聘用和考勤台账.xlsx"
    wb = new_wb("shiqu-shbzs", "聘用台账"); sh = Sheet(wb.active, 9)
    title = "石渠镇2024年乡村公益性岗位聘用和考勤台账"
    sh.title(title); sh.line("填报单位：石渠镇社会事务综合服务中心　　截至2024年12月20日")
    sh.header(["序号", "村", "姓名", "身份证号", "人员类别", "岗位类别", "聘用期限", "月补贴（元）", "联系电话"])
    posts = ["保洁员", "护林员", "护路员", "水管员", "乡村公益性岗位（助老）"]
    names = []
    for i in range(1, 19):
        v = VILLAGES["石渠镇"][i % 4]
        n = person(rng); names.append(n)
        row = [i, v, n, idno(rng, 1958, 1985), rng.choice(["脱贫劳动力", "监测对象"]), rng.choice(posts),
               "2024.1.1—2024.12.31", rng.choice([600, 700, 800]), phone(rng)]
        if i == 11:
            row[3] = None
        rr = sh.row(row)
        if i == 11: er = rr
    sh.widths([5, 8, 8, 21, 11, 18, 20, 11, 13])
    ws2 = wb.create_sheet("考勤"); s2 = Sheet(ws2, 14)
    s2.title("石渠镇公益性岗位人员2024年考勤汇总表", 14)
    s2.header(["姓名"] + [f"{m}月" for m in range(1, 13)] + ["全年出勤天数"])
    for n in names:
        days = [rng.randint(20, 26) for _ in range(12)]
        s2.row([n] + days + [sum(days)])
    save_wb(wb, p)
    ledger(p, False, False, [E("empty_required", sh, er, 4, "身份证号", "第11号人员身份证号未填写")])
    reg(p, "台账", ["A03/3", "P05/3"], "石渠镇社会事务综合服务中心", "2024-12-20", title)

    # ---------------- E3 务工就业统计 (wrong_total; rate computed from the shown total)
    p = "澜溪县人力资源和社会保障局/2024年脱贫劳动力务工就业统计表.xlsx"
    wb = new_wb("澜溪县就业服务中心", "务工统计"); sh = Sheet(wb.active, 8)
    title = "澜溪县2024年脱贫劳动力（含监测对象）务工就业统计表"
    sh.title(title); sh.line("填报单位：澜溪县就业服务中心　　　　　　　　　　　统计截至2024年12月31日")
    sh.header(["乡镇", "脱贫劳动力（人）", "县内务工（人）", "县外省内务工（人）", "省外务工（人）", "务工人数合计（人）", "务工率（%）", "备注"])
    tot = [0] * 5
    for t in TOWN_NAMES:
        lab = rng.randint(1800, 4200)
        a, b, c = rng.randint(400, 900), rng.randint(300, 700), rng.randint(500, 1400)
        s = a + b + c
        sh.row([t, lab, a, b, c, s, pct(s, lab), ""])
        for k, v in enumerate([lab, a, b, c, s]): tot[k] += v
    shown = tot[4] + 300
    rr = sh.row(["合计", tot[0], tot[1], tot[2], tot[3], shown, pct(shown, tot[0]), ""], bold=True)
    sh.widths([10, 14, 12, 14, 12, 14, 10, 10])
    save_wb(wb, p)
    ledger(p, False, False, [E("wrong_total", sh, rr, 6, "务工人数合计（人）", f"合计应为{tot[4]}，表中为{shown}；务工率按表中合计计算", tot[4])])
    reg(p, "统计表", ["A03/1", "P05/2"], "澜溪县就业服务中心", "2024-12-31", title)

    # ---------------- E4 衔接资金进度 (wrong_rate)
    p = "2024年衔接资金分配和支出进度表.xlsx"
    wb = new_wb("czj-nyg", "支出进度"); sh = Sheet(wb.active, 7)
    title = "2024年中央和省级财政衔接推进乡村振兴补助资金分配和支出进度表"
    sh.title(title); sh.line("填报单位：澜溪县财政局农业股　　　　单位：万元　　　截至2024年10月31日")
    sh.header(["乡镇（单位）", "下达资金", "其中：产业发展", "产业发展占比（%）", "已支出", "支出进度（%）", "备注"])
    rows = [("县本级", rng.randint(1800, 2600))] + [(t, rng.randint(900, 1900)) for t in TOWN_NAMES]
    T = [0, 0, 0]
    for i, (n, a) in enumerate(rows):
        ind = round(a * rng.uniform(0.56, 0.68)); sp = round(a * rng.uniform(0.71, 0.93))
        rate = pct(sp, a)
        shown_rate = rate
        if n == "青苔镇":
            shown_rate = round(rate + 9.6, 1); wrong_r = (sh.r + 1, rate, shown_rate)
        sh.row([n, a, ind, pct(ind, a), sp, shown_rate, ""])
        T[0] += a; T[1] += ind; T[2] += sp
    sh.row(["合计", T[0], T[1], pct(T[1], T[0]), T[2], pct(T[2], T[0]), ""], bold=True)
    sh.widths([14, 10, 14, 16, 10, 13, 10])
    save_wb(wb, p)
    ledger(p, False, False, [E("wrong_rate", sh, wrong_r[0], 6, "支出进度（%）", f"青苔镇支出进度应为{wrong_r[1]}，表中为{wrong_r[2]}", wrong_r[1])])
    reg(p, "统计表", ["A04/1", "P05/1"], "澜溪县财政局农业股", "2024-10-31", title)

    # ---------------- E5 户厕改造 (wrong_total in 已验收 of 合计; rate from shown)
    p = "澜溪县农业农村局/2024年农村户厕改造任务分解和验收台账.xlsx"
    wb = new_wb("澜溪县农业农村局", "Sheet1"); sh = Sheet(wb.active, 7)
    title = "澜溪县2024年农村户厕改造任务分解和验收台账"
    sh.title(title); sh.line("填报单位：澜溪县农业农村局　　　　　　　截至2024年11月15日")
    sh.header(["乡镇", "下达任务（户）", "已开工（户）", "已完工（户）", "已验收（户）", "验收合格率（%）", "备注"])
    T = [0] * 4
    for t in TOWN_NAMES:
        task = rng.randint(120, 420); st_ = task - rng.randint(0, 8); done = st_ - rng.randint(0, 10); acc = done - rng.randint(0, 12)
        sh.row([t, task, st_, done, acc, pct(acc, done), ""])
        for k, v in enumerate([task, st_, done, acc]): T[k] += v
    shown = T[3] - 46
    rr = sh.row(["合计", T[0], T[1], T[2], shown, pct(shown, T[2]), ""], bold=True)
    save_wb(wb, p)
    ledger(p, False, False, [E("wrong_total", sh, rr, 5, "已验收（户）", f"各乡镇已验收合计{T[3]}户，合计行为{shown}户", T[3])])
    reg(p, "台账", ["C01/1"], "澜溪县农业农村局", "2024-11-15", title)

    # ---------------- E6 村集体经济收入 (wrong_total; growth from shown)
    p = "附件1.xlsx"
    wb = new_wb("Administrator", "集体经济"); sh = Sheet(wb.active, 7)
    title = "澜溪县2024年村级集体经济收入统计表"
    sh.title(title); sh.line("填报单位：澜溪县农村经营管理站　　单位：万元　　统计截至2024年12月31日")
    sh.header(["乡镇", "村", "2023年收入", "2024年收入", "增长率（%）", "其中：经营性收入", "是否薄弱村"])
    T = [0, 0, 0]
    for t, v in vill_rows(rng):
        a = round(rng.uniform(6, 48), 1); b = round(a * rng.uniform(1.02, 1.35), 1); c = round(b * rng.uniform(0.4, 0.8), 1)
        sh.row([t, v, a, b, pct(b - a, a), c, "否" if b >= 10 else "是"])
        T[0] += a; T[1] += b; T[2] += c
    T = [round(x, 1) for x in T]
    shown = round(T[1] + 25.0, 1)
    rr = sh.row(["合计", "", T[0], shown, pct(shown - T[0], T[0]), T[2], ""], bold=True)
    save_wb(wb, p)
    ledger(p, False, False, [E("wrong_total", sh, rr, 4, "2024年收入", f"2024年收入合计应为{T[1]}，表中为{shown}；增长率按表中合计计算", T[1])])
    reg(p, "统计表", ["B03/1"], "澜溪县农村经营管理站", "2024-12-31", title)

    # ---------------- E7 控辍保学 (duplicate_id)
    p = "控辍保学动态监测台账（2024年秋季学期）.xlsx"
    wb = new_wb("澜溪县教育局", "台账"); sh = Sheet(wb.active, 10)
    title = "澜溪县义务教育控辍保学动态监测台账（2024年秋季学期）"
    sh.title(title); sh.line("填报单位：澜溪县教育局　　　　截至2024年10月15日")
    sh.header(["序号", "乡镇", "学生姓名", "身份证号", "性别", "学段", "年级", "情形", "劝返复学情况", "包保责任人"])
    for i in range(1, 15):
        fem = rng.random() < 0.5
        row = [i, rng.choice(TOWN_NAMES), person(rng), idno(rng, 2008, 2016, fem), "女" if fem else "男", rng.choice(["小学", "初中"]),
               rng.choice(["五年级", "六年级", "七年级", "八年级", "九年级"]), rng.choice(["疑似辍学", "长期请假", "随迁外出", "送教上门"]),
               rng.choice(["已劝返复学", "已落实送教上门", "已转学至临湾区就读（已核实学籍）"]), person(rng)]
        if i == 12:
            row[3] = keep
        rr = sh.row(row)
        if i == 4: keep, r4 = row[3], rr
        if i == 12: r12 = rr
    save_wb(wb, p)
    ledger(p, False, False, [E("duplicate_id", sh, r12, 4, "身份证号", f"与第{r4}行学生身份证号重复")])
    reg(p, "台账", ["A02/1", "P02/1"], "澜溪县教育局", "2024-10-15", title)

    # ---------------- E8 低保特困 (wrong_total)
    p = "澜溪县民政局/2024年12月农村低保特困供养发放台账.xlsx"
    wb = new_wb("澜溪县民政局", "发放汇总"); sh = Sheet(wb.active, 8)
    title = "澜溪县农村低保和特困人员供养金发放台账（2024年12月）"
    sh.title(title); sh.line("制表单位：澜溪县民政局　　　　　制表日期：2024年12月5日")
    sh.header(["乡镇", "低保户数", "低保人数", "低保金（元）", "特困人数", "特困供养金（元）", "发放合计（元）", "发放方式"])
    T = [0] * 6
    for t in TOWN_NAMES:
        h = rng.randint(300, 800); n = int(h * rng.uniform(1.5, 2.1)); m = n * rng.choice([385, 392, 401]); tk = rng.randint(40, 130); tm = tk * 1080
        sh.row([t, h, n, m, tk, tm, m + tm, "一卡通"])
        for k, v in enumerate([h, n, m, tk, tm, m + tm]): T[k] += v
    shown = T[2] + 3920
    rr = sh.row(["合计", T[0], T[1], shown, T[3], T[4], T[5], ""], bold=True)
    save_wb(wb, p)
    ledger(p, False, False, [E("wrong_total", sh, rr, 4, "低保金（元）", f"低保金合计应为{T[2]}，表中为{shown}", T[2])])
    reg(p, "台账", ["F02/3", "P06/1"], "澜溪县民政局", "2024-12-05", title)

    # ---------------- E9 技能培训花名册 (empty_required)
    p = "澜溪县人力资源和社会保障局/技能培训花名册（挖掘机操作班）.xlsx"
    wb = new_wb("华匠培训学校", "花名册"); sh = Sheet(wb.active, 8)
    title = "2024年澜溪县脱贫劳动力职业技能培训花名册（挖掘机操作班）"
    sh.title(title); sh.line("主办单位：澜溪县人力资源和社会保障局　　培训机构：青崖市华匠职业技能培训学校　　填报日期：2024年5月24日")
    sh.header(["序号", "姓名", "性别", "身份证号", "乡镇", "培训工种", "结业证书编号", "是否就业"])
    for i in range(1, 21):
        fem = rng.random() < 0.2
        row = [i, person(rng), "女" if fem else "男", idno(rng, 1972, 2000, fem), rng.choice(TOWN_NAMES), "挖掘机操作",
               f"QYHJ2024{i:04d}", rng.choice(["是", "是", "否"])]
        if i == 15: row[6] = None
        rr = sh.row(row)
        if i == 15: er = rr
    sh.line("结业人数：20人　　培训课时：80课时")
    save_wb(wb, p)
    ledger(p, False, False, [E("empty_required", sh, er, 7, "结业证书编号", "第15号学员结业证书编号为空")])
    reg(p, "花名册", ["A03/4"], "澜溪县人力资源和社会保障局", "2024-05-24", title)

    # ---------------- E10 粮食 (wrong_rate)
    p = "澜溪县农业农村局/2024年粮食播种面积和产量统计表.xlsx"
    wb = new_wb("澜溪县农业农村局", "粮食"); sh = Sheet(wb.active, 6)
    title = "澜溪县2024年粮食播种面积和产量统计表"
    sh.title(title); sh.line("填报单位：澜溪县农业农村局　　　　　截至2024年11月30日")
    sh.header(["乡镇", "播种面积目标（亩）", "实际播种面积（亩）", "完成率（%）", "粮食产量（吨）", "备注"])
    T = [0, 0, 0]
    for t in TOWN_NAMES:
        g = rng.randint(18000, 52000); a = int(g * rng.uniform(1.0, 1.04)); y = round(a * rng.uniform(0.38, 0.45), 0)
        rate = pct(a, g)
        shown_r = rate
        if t == "芦湾乡":
            shown_r = round(rate - 6.0, 1); wr = (sh.r + 1, rate, shown_r)
        sh.row([t, g, a, shown_r, y, ""])
        T[0] += g; T[1] += a; T[2] += y
    sh.row(["合计", T[0], T[1], pct(T[1], T[0]), T[2], ""], bold=True)
    save_wb(wb, p)
    ledger(p, False, False, [E("wrong_rate", sh, wr[0], 4, "完成率（%）", f"芦湾乡完成率应为{wr[1]}，表中为{wr[2]}", wr[1])])
    reg(p, "统计表", ["B01/1"], "澜溪县农业农村局", "2024-11-30", title)

    # ---------------- E11 资产确权 (empty_required)
    p = "帮扶项目资产确权登记台账.xlsx"
    wb = new_wb("澜溪县乡村振兴局", "资产台账"); sh = Sheet(wb.active, 10)
    title = "澜溪县扶贫（帮扶）项目资产确权登记台账"
    sh.title(title); sh.line("填报单位：澜溪县乡村振兴局　　　　　截至2024年9月30日")
    sh.header(["资产编号", "资产名称", "乡镇", "村", "资产类别", "形成年度", "资产原值（万元）", "产权归属", "管护主体", "管护责任人"])
    kinds = [("村级光伏电站", "经营性"), ("产业路", "公益性"), ("安全饮水工程", "公益性"), ("茶叶加工厂房", "经营性"), ("冷链仓储库", "经营性"), ("机耕道", "公益性")]
    for i in range(1, 17):
        t, vs = TOWNS[i % 7]; v = rng.choice(vs); nm, k = rng.choice(kinds)
        row = [f"LX-ZC-{2019 + i % 5}-{i:03d}", v + nm, t, v, k, 2019 + i % 5, round(rng.uniform(8, 160), 2), v + "股份经济合作社", v + "村民委员会", person(rng)]
        if i == 9: row[7] = None
        rr = sh.row(row)
        if i == 9: er = rr
    save_wb(wb, p)
    ledger(p, False, False, [E("empty_required", sh, er, 8, "产权归属", "经营性资产产权归属未填写")])
    reg(p, "台账", ["A04/3", "W01/2"], "澜溪县乡村振兴局", "2024-09-30", title)

    # ---------------- E12 参保和医疗救助 (wrong_rate)
    p = "汇总表(1).xlsx"
    wb = new_wb("ybj", "参保救助"); sh = Sheet(wb.active, 8)
    title = "澜溪县2024年脱贫人口参保和医疗救助统计表"
    sh.title(title); sh.line("填报单位：澜溪县医疗保障局　　　　　　截至2024年12月31日")
    sh.header(["乡镇", "脱贫人口（人）", "已参保（人）", "参保率（%）", "资助参保（人）", "资助金额（元）", "医疗救助（人次）", "救助金额（元）"])
    T = [0] * 6
    for t in TOWN_NAMES:
        n = rng.randint(5200, 11800); ins = n - (rng.randint(60, 90) if t == "石渠镇" else rng.randint(0, 6)); sub = int(ins * rng.uniform(0.3, 0.45)); amt = sub * 200; med = rng.randint(300, 1200); ma = med * rng.randint(800, 1600)
        r_ = pct(ins, n, 2); shown_r = r_
        if t == "石渠镇":
            shown_r = 100.0; wr = (sh.r + 1, r_)
        sh.row([t, n, ins, shown_r, sub, amt, med, ma])
        for k, v in enumerate([n, ins, sub, amt, med, ma]): T[k] += v
    sh.row(["合计", T[0], T[1], pct(T[1], T[0], 2), T[2], T[3], T[4], T[5]], bold=True)
    save_wb(wb, p)
    assert wr[1] != 100.0
    ledger(p, False, False, [E("wrong_rate", sh, wr[0], 4, "参保率（%）", f"石渠镇参保率应为{wr[1]}，表中为100", wr[1])])
    reg(p, "统计表", ["A02/2", "P03/1", "P03/2"], "澜溪县医疗保障局", "2024-12-31", title)

    # ---------------- E13 残疾人两项补贴 (duplicate_id)
    p = "残疾人两项补贴发放台账.xlsx"
    wb = new_wb("澜溪县残联", "2024年三季度"); sh = Sheet(wb.active, 9)
    title = "澜溪县困难残疾人生活补贴和重度残疾人护理补贴发放台账（2024年第三季度）"
    sh.title(title, 14); sh.line("填报单位：澜溪县残疾人联合会　　　制表时间：2024年9月10日")
    sh.header(["序号", "乡镇", "姓名", "身份证号", "残疾类别", "残疾等级", "生活补贴（元）", "护理补贴（元）", "合计（元）"])
    tot = 0
    for i in range(1, 21):
        a = rng.choice([0, 300]); b = rng.choice([0, 270, 300]) if a else 300
        row = [i, rng.choice(TOWN_NAMES), person(rng), idno(rng, 1945, 1998), rng.choice(["肢体", "视力", "智力", "听力", "精神"]), rng.choice(["一级", "二级", "三级"]), a, b, a + b]
        if i == 18: row[3] = k3
        rr = sh.row(row); tot += a + b
        if i == 3: k3, r3 = row[3], rr
        if i == 18: r18 = rr
    sh.row(["合计", "", "", "", "", "", "", "", tot], bold=True)
    save_wb(wb, p)
    ledger(p, False, False, [E("duplicate_id", sh, r18, 4, "身份证号", f"与第{r3}行身份证号重复，疑似重复发放")])
    reg(p, "台账", ["P06/2"], "澜溪县残疾人联合会", "2024-09-10", title)

    # ---------------- E14 饮水安全排查整改 (empty_required x2)
    p = "澜溪县水利局/农村饮水安全排查整改台账.xlsx"
    wb = new_wb("澜溪县农村饮水安全管理站", "排查整改"); sh = Sheet(wb.active, 11)
    title = "澜溪县农村饮水安全问题排查整改台账"
    sh.title(title); sh.line("填报单位：澜溪县农村饮水安全管理站　　　　　截至2024年8月31日")
    sh.header(["序号", "乡镇", "村", "组", "问题类型", "涉及户数", "涉及人数", "整改措施", "整改时限", "责任单位", "整改状态"])
    probs = [("季节性缺水", "新建蓄水池并铺设管网"), ("水质不达标", "加装净化消毒设备"), ("管网老化漏水", "更换主管道"), ("水量不足", "接入集中供水管网")]
    errs = []
    for i in range(1, 13):
        t, vs = TOWNS[(i * 3) % 7]; pr, me = rng.choice(probs); h = rng.randint(5, 60)
        row = [i, t, rng.choice(vs), f"{rng.randint(1, 9)}组", pr, h, int(h * 3.4), me, f"2024年{rng.randint(6, 10)}月底", t + "人民政府", rng.choice(["已整改", "已整改", "整改中"])]
        if i == 5: row[7] = None
        if i == 9: row[9] = ""
        rr = sh.row(row)
        if i == 5: errs.append(E("empty_required", sh, rr, 8, "整改措施", "问题已登记但整改措施为空"))
        if i == 9: errs.append(E("empty_required", sh, rr, 10, "责任单位", "责任单位未填写"))
    save_wb(wb, p)
    ledger(p, False, False, errs)
    reg(p, "台账", ["A02/4", "P04/2", "R02/1"], "澜溪县农村饮水安全管理站", "2024-08-31", title)

    # ---------------- E15 撂荒地 (wrong_total)
    p = "表3.xlsx"
    wb = new_wb("", "撂荒地"); sh = Sheet(wb.active, 6)
    title = "澜溪县撂荒地整治台账"
    sh.title(title); sh.line("报送单位：澜溪县农业技术推广中心　　　截至2024年6月30日")
    sh.header(["乡镇", "撂荒面积（亩）", "已整治面积（亩）", "整治后种植作物", "未整治原因", "责任人"])
    T = [0, 0]
    for t in TOWN_NAMES:
        a = rng.randint(120, 900); b = a - rng.randint(0, 60)
        sh.row([t, a, b, rng.choice(["水稻", "玉米", "油菜", "大豆玉米带状复合种植", "高山蔬菜"]), "" if a == b else "坡度大、水源不足", person(rng)])
        T[0] += a; T[1] += b
    rr = sh.row(["合计", T[0] + 100, T[1], "", "", ""], bold=True)
    save_wb(wb, p)
    ledger(p, False, False, [E("wrong_total", sh, rr, 2, "撂荒面积（亩）", f"撂荒面积合计应为{T[0]}，表中多计100亩", T[0])])
    reg(p, "台账", ["B01/4"], "澜溪县农业技术推广中心", "2024-06-30", title)

    make_xlsx_tricky(rng)

def make_xlsx_tricky(rng):
    # ---------------- T1 消费帮扶: 其中 rows, 占比 column, 合计 100
    p = "2024年消费帮扶统计表.xlsx"
    wb = new_wb("澜溪县乡村振兴局", "消费帮扶"); sh = Sheet(wb.active, 5)
    title = "澜溪县2024年消费帮扶统计表"
    sh.title(title); sh.line("填报单位：澜溪县乡村振兴局　　单位：万元　　截至2024年12月20日")
    sh.header(["销售渠道", "销售金额", "占比（%）", "带动脱贫户（户）", "备注"])
    chans = [("预算单位832平台采购", 1260.5), ("东西部协作消费帮扶", 2318.0), ("帮扶专馆专柜专区", 645.2), ("工会福利采购", 402.8), ("电商直播带货", 533.5)]
    total = round(sum(a for _, a in chans), 1)
    for n, a in chans:
        sh.row([n, a, pct(a, total), rng.randint(200, 1500), ""])
        if n == "东西部协作消费帮扶":
            sh.row(["　其中：临湾区机关食堂采购", 1120.0, "", "", "不重复计入合计"])
            sh.row(["　　　　临湾区社区团购", 690.0, "", "", "不重复计入合计"])
    sh.row(["合计", total, 100.0, "", ""], bold=True)
    sh.widths([28, 12, 10, 16, 16])
    save_wb(wb, p); ledger(p, True, True)
    reg(p, "统计表", ["A05/5"], "澜溪县乡村振兴局", "2024-12-20", title)

    # ---------------- T2 人均可支配收入: weighted average in 全县 row
    p = "农村居民人均可支配收入统计.xlsx"
    wb = new_wb("澜溪县统计局", "收入"); sh = Sheet(wb.active, 6)
    title = "澜溪县2024年农村居民人均可支配收入分乡镇测算表"
    sh.title(title); sh.line("填报单位：澜溪县统计局　　　　填报日期：2025年1月20日")
    sh.header(["乡镇", "农村常住人口（人）", "2023年人均可支配收入（元）", "2024年人均可支配收入（元）", "同比增长（%）", "备注"])
    P = I3 = I4 = 0
    for t in TOWN_NAMES:
        n = rng.randint(16000, 42000); a = rng.randint(14800, 19800); b = int(a * rng.uniform(1.062, 1.085))
        sh.row([t, n, a, b, pct(b - a, a), ""])
        P += n; I3 += n * a; I4 += n * b
    wa, wb4 = round(I3 / P), round(I4 / P)
    sh.row(["全县", P, wa, wb4, pct(wb4 - wa, wa), "按常住人口加权"], bold=True)
    sh.row(["参考：城镇居民", "", 35120, 36950, pct(36950 - 35120, 35120), "农村增速高于城镇"])
    save_wb(wb, p); ledger(p, True, True)
    reg(p, "统计表", ["F01/1", "S02/1"], "澜溪县统计局", "2025-01-20", title)

    # ---------------- T3 脱贫人口收入监测: 其中 sub-rows, weighted 人均
    p = "新建 Microsoft Excel 工作表.xlsx"
    wb = new_wb("Administrator", "Sheet1"); sh = Sheet(wb.active, 6)
    title = "2024年澜溪县脱贫人口收入监测数据汇总表"
    sh.title(title); sh.line("填报单位：澜溪县乡村振兴局　　　　截至2024年12月31日")
    sh.header(["乡镇", "户数（户）", "人数（人）", "人均纯收入（元）", "较上年增长（%）", "备注"])
    H = N = S = S3 = 0
    for t in TOWN_NAMES:
        h = rng.randint(1400, 3100); n = int(h * rng.uniform(3.1, 3.6)); inc = rng.randint(15200, 17900); prev = int(inc / rng.uniform(1.10, 1.15))
        sh.row([t, h, n, inc, pct(inc - prev, prev), ""])
        mh = rng.randint(40, 120); mn = int(mh * 3.2); mi = rng.randint(9800, 12500)
        sh.row(["　其中：监测对象", mh, mn, mi, "", "含在上行"])
        H += h; N += n; S += n * inc; S3 += n * prev
    avg, avg3 = round(S / N), round(S3 / N)
    sh.row(["合计", H, N, avg, pct(avg - avg3, avg3), "人均按人数加权"], bold=True)
    save_wb(wb, p); ledger(p, True, True)
    reg(p, "统计表", ["F01/2", "S02/1"], "澜溪县乡村振兴局", "2024-12-31", title)

    # ---------------- T4 高素质农民: full-width ages, text ids
    p = "高素质农民培训花名册.xlsx"
    wb = new_wb("澜溪县农业广播电视学校", "花名册"); sh = Sheet(wb.active, 8)
    title = "2024年澜溪县高素质农民培育（茶叶种植加工班）学员花名册"
    sh.title(title, 14); sh.line("承办单位：澜溪县农业广播电视学校　　　填报日期：2024年7月12日")
    sh.header(["序号", "姓名", "性别", "年龄", "身份证号", "乡镇", "从事产业", "联系电话"])
    for i in range(1, 33):
        fem = rng.random() < 0.35; idv = idno(rng, 1968, 1999, fem); age = 2024 - int(idv[6:10])
        sh.row([str(i), person(rng), "女" if fem else "男", fullwidth(age) if i % 3 else str(age), idv, rng.choice(["鹤鸣乡", "云栈乡", "青苔镇"]), rng.choice(["茶叶种植", "茶叶加工", "茶旅融合"]), phone(rng)])
    sh.line("共计32人（备注：年龄按2024年计）", merge=False)
    save_wb(wb, p); ledger(p, True, True)
    reg(p, "花名册", ["E04/1"], "澜溪县农业广播电视学校", "2024-07-12", title)

    # ---------------- T5 垃圾中转站: merged two-line header
    p = "垃圾中转站运行台账.xlsx"
    wb = new_wb("环卫所", "2024"); sh = Sheet(wb.active, 9)
    title = "澜溪县乡镇垃圾中转站2024年运行台账"
    sh.title(title); sh.line("填报单位：澜溪县环境卫生管理所　　　　　截至2024年12月31日")
    sh.header2([("中转站名称", 1), ("设计能力（吨/日）", 1), ("转运量（吨）", 5), ("运行天数", 1), ("备注", 1)],
               [None, None, "第一季度", "第二季度", "第三季度", "第四季度", "全年合计", None, None])
    T = [0] * 5
    for t in TOWN_NAMES:
        cap = rng.choice([20, 30, 50]); q = [rng.randint(700, 1900) for _ in range(4)]
        sh.row([t + "垃圾中转站", cap] + q + [sum(q), rng.randint(355, 366), ""])
        for k, v in enumerate(q + [sum(q)]): T[k] += v
    sh.row(["合计", "", *T, "", ""], bold=True)
    save_wb(wb, p); ledger(p, True, True)
    reg(p, "台账", ["C02/2"], "澜溪县环境卫生管理所", "2024-12-31", title)

    # ---------------- T6 粪污资源化: 小计 per town, weighted 利用率
    p = "畜禽粪污资源化利用台账.xlsx"
    wb = new_wb("澜溪县畜牧兽医服务中心", "台账"); sh = Sheet(wb.active, 6)
    title = "澜溪县畜禽规模养殖场粪污资源化利用台账"
    sh.title(title); sh.line("填报单位：澜溪县畜牧兽医服务中心　　　截至2024年11月30日")
    sh.header(["乡镇", "养殖场", "畜种", "粪污产生量（吨）", "资源化利用量（吨）", "利用率（%）"])
    GA = GB = 0
    for t in ["石渠镇", "青苔镇", "柏塘镇", "芦湾乡"]:
        A = B = 0
        for k in range(rng.randint(2, 3)):
            a = rng.randint(800, 5200); b = int(a * rng.uniform(0.86, 0.97))
            sh.row(["", f"{t}{person(rng)}{rng.choice(['生猪', '肉牛', '蛋鸡'])}养殖场", rng.choice(["生猪", "肉牛", "蛋鸡"]), a, b, pct(b, a)])
            A += a; B += b
        sh.row([t + "小计", "", "", A, B, pct(B, A)], bold=True)
        GA += A; GB += B
    sh.row(["合计", "", "", GA, GB, pct(GB, GA)], bold=True)
    save_wb(wb, p); ledger(p, True, True)
    reg(p, "台账", ["C04/2"], "澜溪县畜牧兽医服务中心", "2024-11-30", title)

    # ---------------- T7 土地流转: spacer rows, text numbers, 备注
    p = "土地流转合同备案台账.xlsx"
    wb = new_wb("澜溪县农村经营管理站", "备案台账"); sh = Sheet(wb.active, 8)
    title = "澜溪县农村土地经营权流转合同备案台账"
    sh.title(title); sh.line("填报单位：澜溪县农村经营管理站　　　　截至2024年10月31日")
    sh.header(["合同编号", "乡镇", "流出方", "流入方", "流转面积（亩）", "流转期限（年）", "流转用途", "备注"])
    tot = 0.0
    for t in ["石渠镇", "云栈乡", "柏塘镇"]:
        for k in range(4):
            a = round(rng.uniform(20, 260), 1); tot += a
            sh.row([f"LXLZ2024-{t[:2]}-{k + 1:02d}", t, rng.choice(VILLAGES[t]) + "股份经济合作社" if k % 2 else person(rng), rng.choice(["澜溪县云栈高山蔬菜专业合作社", "青崖丰茗茶业有限公司", person(rng) + "家庭农场"]),
                    str(a) if k == 1 else a, rng.choice([5, 8, 10]), rng.choice(["茶叶", "蔬菜", "水稻制种"]), "已鉴证" if k % 2 else ""])
        sh.blank()
    sh.row(["合计", "", "", "", round(tot, 1), "", "", "含文本格式数值"], bold=True)
    save_wb(wb, p); ledger(p, True, True)
    reg(p, "台账", ["E03/1"], "澜溪县农村经营管理站", "2024-10-31", title)

    # ---------------- T8 光伏: notes sheet
    p = "光伏电站运行维护记录（2024年）.xlsx"
    wb = new_wb("青崖晶阳新能源运维有限公司", "运行月报"); sh = Sheet(wb.active, 6)
    title = "澜溪县村级光伏帮扶电站2024年运行维护记录"
    sh.title(title); sh.line("运维单位：青崖晶阳新能源运维有限公司　　　统计截至2024年12月31日")
    sh.header(["月份", "发电量（千瓦时）", "上网电量（千瓦时）", "故障次数", "巡检次数", "维护内容"])
    G = U = F = X = 0
    for m in range(1, 13):
        g = rng.randint(180000, 320000); u = int(g * 0.985); f = rng.randint(0, 3); x = rng.randint(4, 6)
        sh.row([f"{m}月", g, u, f, x, rng.choice(["组件清洗", "逆变器巡检", "汇流箱检查", "除草及围栏修复"])])
        G += g; U += u; F += f; X += x
    sh.row(["合计", G, U, F, X, ""], bold=True)
    ws2 = wb.create_sheet("填表说明")
    for i, s in enumerate(["1．本表覆盖全县42座村级光伏帮扶电站，总装机容量2.6万千瓦。", "2．发电量以电网公司结算单为准。",
                           "3．故障次数含逆变器停机、组串断路等。", "4．运维单位每月5日前报县乡村振兴局。"], 1):
        ws2.cell(i, 1, s)
    save_wb(wb, p); ledger(p, True, True)
    reg(p, "记录", ["A04/5"], "青崖晶阳新能源运维有限公司", "2024-12-31", title)

    # ---------------- T9 矛盾纠纷: overall rate in 合计
    p = "矛盾纠纷排查调处台账.xlsx"
    wb = new_wb("县委政法委", "汇总"); sh = Sheet(wb.active, 6)
    title = "澜溪县2024年矛盾纠纷排查调处情况统计台账"
    sh.title(title); sh.line("填报单位：中共澜溪县委政法委员会　　　　截至2024年12月25日")
    sh.header(["乡镇", "排查矛盾纠纷（件）", "调处成功（件）", "调处成功率（%）", "其中：婚姻家庭类（件）", "备注"])
    A = B = 0
    for t in TOWN_NAMES:
        a = rng.randint(60, 210); b = a - rng.randint(0, 6)
        sh.row([t, a, b, pct(b, a), rng.randint(10, 40), ""]); A += a; B += b
    sh.row(["合计", A, B, pct(B, A), "—", "成功率按件数合计计算"], bold=True)
    save_wb(wb, p); ledger(p, True, True)
    reg(p, "台账", ["E02/1"], "中共澜溪县委政法委员会", "2024-12-25", title)

    # ---------------- T10 送戏下乡: 县本级 rows
    p = "送戏下乡和电影放映场次统计.xlsx"
    wb = new_wb("澜溪县文化广电旅游体育局", "场次"); sh = Sheet(wb.active, 5)
    title = "澜溪县2024年送戏下乡和农村电影放映场次统计表"
    sh.title(title); sh.line("填报单位：澜溪县文化广电旅游体育局　　　截至2024年11月30日")
    sh.header(["实施单位", "送戏下乡（场）", "农村电影放映（场）", "观众（人次）", "备注"])
    A = B = C = 0
    for n in ["县本级（县文化馆）", "县本级（县农村电影放映公司）"] + TOWN_NAMES:
        a = rng.randint(6, 40) if "文化馆" in n or "县本级" not in n else 0
        b = rng.randint(30, 80) if "电影" in n or "县本级" not in n else 0
        c = (a * 300 + b * 90)
        sh.row([n, a, b, c, "县本级含在合计内" if "县本级" in n else ""]); A += a; B += b; C += c
    sh.row(["合计", A, B, C, ""], bold=True)
    save_wb(wb, p); ledger(p, True, True)
    reg(p, "统计表", ["D02/3"], "澜溪县文化广电旅游体育局", "2024-11-30", title)

    # ---------------- T11 危旧房拆除: 小计 per village, 合计; no unit stated
    p = "柏塘镇/柏塘镇危旧房拆除台账.xlsx"
    wb = new_wb("Administrator", "拆除台账"); sh = Sheet(wb.active, 6)
    title = "危旧房拆除台账（截至2024年10月20日）"
    sh.title(title)
    sh.header(["村", "户主", "房屋类型", "拆除面积（㎡）", "拆除时间", "拆后利用"])
    G = 0
    for v in VILLAGES["柏塘镇"]:
        S_ = 0
        for k in range(rng.randint(3, 5)):
            a = rng.randint(30, 160)
            sh.row([v, person(rng), rng.choice(["土坯房", "废弃猪牛栏", "危旧附属房"]), a, f"2024-{rng.randint(3, 10):02d}-{rng.randint(1, 28):02d}", rng.choice(["复垦", "小菜园", "小果园", "停车场"])])
            S_ += a
        sh.row([v + "小计", "", "", S_, "", ""], bold=True); G += S_
    sh.row(["合计", "", "", G, "", ""], bold=True)
    save_wb(wb, p); ledger(p, True, True)
    reg(p, "台账", ["C03/2"], None, "2024-10-20", title)

    # ---------------- T12 农村公路: merged headers, mileage as text
    p = "农村公路建设和养护台账.xlsx"
    wb = new_wb("澜溪县交通运输局", "公路"); sh = Sheet(wb.active, 7)
    title = "澜溪县2024年农村公路建设和养护台账"
    sh.title(title); sh.line("填报单位：澜溪县交通运输局　　　　截至2024年11月30日")
    sh.header2([("乡镇", 1), ("新改建", 2), ("日常养护", 3), ("备注", 1)],
               [None, "项目数（个）", "里程（公里）", "养护里程（公里）", "养护人员（人）", "养护资金（万元）", None])
    T = [0, 0.0, 0.0, 0, 0.0]
    for t in TOWN_NAMES:
        a = rng.randint(1, 5); b = round(rng.uniform(2, 18), 2); c = round(rng.uniform(60, 190), 1); d = rng.randint(8, 30); e = round(c * 0.7, 1)
        sh.row([t, a, f"{b:.2f}", fullwidth(f"{c:.1f}") if t == "云栈乡" else c, d, e, "里程为文本格式" if t == "澜溪镇" else ""])
        T[0] += a; T[1] += b; T[2] += c; T[3] += d; T[4] += e
    sh.row(["合计", T[0], round(T[1], 2), round(T[2], 1), T[3], round(T[4], 1), ""], bold=True)
    save_wb(wb, p); ledger(p, True, True)
    reg(p, "台账", ["C03/4"], "澜溪县交通运输局", "2024-11-30", title)

    # ---------------- T13 土地出让收入: ratio in 合计
    p = "土地出让收入用于农业农村支出统计.xlsx"
    wb = new_wb("澜溪县财政局", "统计"); sh = Sheet(wb.active, 5)
    title = "澜溪县土地出让收入用于农业农村支出情况统计表"
    sh.title(title); sh.line("填报单位：澜溪县财政局　　单位：万元　　填报日期：2025年1月15日")
    sh.header(["年度", "土地出让收入", "用于农业农村支出", "占比（%）", "备注"])
    A = B = 0
    for y in (2022, 2023, 2024):
        a = rng.randint(52000, 88000); b = int(a * rng.uniform(0.09, 0.13))
        sh.row([f"{y}年", a, b, pct(b, a), "其中县本级" if y == 2024 else ""]); A += a; B += b
    sh.row(["三年合计", A, B, pct(B, A), "比例按合计数计算"], bold=True)
    save_wb(wb, p); ledger(p, True, True)
    reg(p, "统计表", ["F03/1"], "澜溪县财政局", "2025-01-15", title)

    # ---------------- T14 志愿服务: spacer rows, notes sheet
    p = "志愿服务活动台账.xlsx"
    wb = new_wb("澜溪县新时代文明实践中心", "活动台账"); sh = Sheet(wb.active, 6)
    title = "澜溪县新时代文明实践志愿服务活动台账"
    sh.title(title); sh.line("填报单位：澜溪县新时代文明实践中心　　截至2024年12月10日")
    sh.header(["日期", "活动名称", "组织单位", "参与志愿者（人次）", "服务对象（人次）", "备注"])
    A = B = 0
    acts = ["关爱留守儿童", "理论宣讲进院坝", "移风易俗文艺演出", "义诊进村", "环境卫生大扫除", "助老敬老"]
    for q in range(4):
        for k in range(3):
            a = rng.randint(12, 80); b = rng.randint(30, 300)
            tn = rng.choice(TOWN_NAMES)
            sh.row([f"2024-{q * 3 + k + 1:02d}-{rng.randint(1, 28):02d}", rng.choice(acts), tn + "新时代文明实践所", a, b, ""]); A += a; B += b
        sh.blank()
    sh.row(["合计", "", "", A, B, "空行为季度分隔"], bold=True)
    ws2 = wb.create_sheet("说明"); ws2["A1"] = "志愿服务时长以“志愿汇”平台记录为准。"
    save_wb(wb, p); ledger(p, True, True)
    reg(p, "台账", ["D01/2"], "澜溪县新时代文明实践中心", "2024-12-10", title)

    # ---------------- T15 村卫生室: 其中 rows
    p = "村卫生室建设和乡村医生名单.xlsx"
    wb = new_wb("澜溪县卫生健康局", "汇总"); sh = Sheet(wb.active, 5)
    title = "澜溪县村卫生室建设和乡村医生配备情况表"
    sh.title(title); sh.line("填报单位：澜溪县卫生健康局　　　　填报日期：2024年8月30日")
    sh.header(["乡镇", "村卫生室（个）", "标准化达标（个）", "在岗乡村医生（人）", "备注"])
    A = B = C = 0
    for t in TOWN_NAMES:
        a = len(VILLAGES[t]); b = a - (1 if t == "芦湾乡" else 0); c = a + rng.randint(1, 4)
        sh.row([t, a, b, c, ""]); A += a; B += b; C += c
        sh.row(["　其中：执业（助理）医师", "", "", rng.randint(1, 3), "已含在上行"])
    sh.row(["合计", A, B, C, ""], bold=True)
    ws2 = wb.create_sheet("乡村医生名单"); s2 = Sheet(ws2, 5)
    s2.header(["乡镇", "村卫生室", "姓名", "身份证号", "执业类别"])
    for t, vs in TOWNS:
        for v in vs:
            s2.row([t, v + "卫生室", person(rng), idno(rng, 1962, 1996), rng.choice(["乡村医生", "执业助理医师"])])
    save_wb(wb, p); ledger(p, True, True)
    reg(p, "名单", ["F02/1"], "澜溪县卫生健康局", "2024-08-30", title)

    # ---------------- ordinary
    p = "澜溪县农业农村局/龙头企业和农民合作社名录.xlsx"
    wb = new_wb("澜溪县农业农村局", "名录"); sh = Sheet(wb.active, 6)
    title = "澜溪县农业产业化龙头企业和农民合作社名录"
    sh.title(title); sh.line("填报单位：澜溪县农业农村局　　　截至2024年6月30日")
    sh.header(["序号", "名称", "类型", "级别", "主营产业", "所在乡镇"])
    ents = [("青崖丰茗茶业有限公司", "龙头企业", "省级", "茶叶"), ("澜溪县柏塘竹木制品有限公司", "龙头企业", "市级", "竹木加工"),
            ("澜溪县云栈高山蔬菜专业合作社", "农民合作社", "国家级示范社", "高山蔬菜"), ("澜溪县鹤鸣茶叶专业合作社", "农民合作社", "省级示范社", "茶叶"),
            ("澜溪县芦湾稻渔综合种养专业合作社", "农民合作社", "市级示范社", "稻渔"), ("青崖溪源食品有限公司", "龙头企业", "市级", "笋干加工"),
            ("澜溪县石渠黑山羊养殖专业合作社", "农民合作社", "县级示范社", "黑山羊"), ("澜溪县青苔油茶专业合作社", "农民合作社", "县级示范社", "油茶")]
    for i, (n, k, l, ind) in enumerate(ents, 1):
        sh.row([i, n, k, l, ind, rng.choice(TOWN_NAMES)])
    save_wb(wb, p); ledger(p, True, False)
    reg(p, "名录", ["B02/2"], "澜溪县农业农村局", "2024-06-30", title)

    p = "网格员名单.xlsx"
    wb = new_wb("", "网格员"); sh = Sheet(wb.active, 6)
    title = "芦湾乡网格员名单"
    sh.title(title); sh.line("填报单位：芦湾乡综治中心　　　填报日期：2024年3月15日")
    sh.header(["网格编号", "所属村", "网格员", "联系电话", "服务户数", "巡查频次"])
    for i in range(1, 13):
        sh.row([f"LW-{i:02d}", VILLAGES["芦湾乡"][i % 3], person(rng), phone(rng), rng.randint(80, 200), "每周不少于2次"])
    save_wb(wb, p); ledger(p, True, False)
    reg(p, "名单", ["E02/4"], "芦湾乡综治中心", "2024-03-15", title)

    p = "云栈乡/云栈乡乡村旅游和农村电商统计.xlsx"
    wb = new_wb("", "Sheet1"); sh = Sheet(wb.active, 5)
    title = "云栈乡乡村旅游和农村电商发展情况统计（截至2024年9月30日）"
    sh.title(title)
    sh.header(["村", "农家乐（家）", "接待游客（人次）", "电商网店（家）", "网络销售额（万元）"])
    for v in VILLAGES["云栈乡"]:
        sh.row([v, rng.randint(3, 15), rng.randint(8000, 40000), rng.randint(4, 20), round(rng.uniform(60, 380), 1)])
    save_wb(wb, p); ledger(p, True, False)
    reg(p, "统计表", ["B02/4"], None, "2024-09-30", title)

    p = "帮扶责任人名册.xlsx"
    wb = new_wb("青苔镇", "名册"); sh = Sheet(wb.active, 6)
    title = "青苔镇脱贫户和监测对象帮扶责任人名册"
    sh.title(title); sh.line("填报单位：青苔镇人民政府　　　　填报日期：2024年4月10日")
    sh.header(["序号", "村", "帮扶责任人", "工作单位", "帮扶户数", "联系电话"])
    units = ["澜溪县财政局", "澜溪县自然资源局", "青苔镇人民政府", "澜溪县统计局", "澜溪县税务局"]
    for i in range(1, 16):
        sh.row([i, VILLAGES["青苔镇"][i % 3], person(rng), rng.choice(units), rng.randint(3, 8), phone(rng)])
    save_wb(wb, p); ledger(p, True, False)
    reg(p, "名册", ["R03/1"], "青苔镇人民政府", "2024-04-10", title)

    # ---------------- blank 样表 (covers nothing)
    p = "附件2.xlsx"
    wb = new_wb("", "样表"); sh = Sheet(wb.active, 8)
    title = "农村问题厕所排查整改台账（样表）"
    sh.title(title); sh.line("填报单位（盖章）：　　　　　　　　　填报日期：　　年　　月　　日")
    sh.header(["序号", "乡镇", "村", "户主姓名", "问题类型", "整改措施", "整改时间", "整改结果"])
    for _ in range(8):
        sh.row([""] * 8)
    sh.line("注：问题类型填写“化粪池破损”“无法正常使用”等。")
    save_wb(wb, p); ledger(p, True, False)
    reg(p, "样表", [], None, None, title)

# ================================================================ docx documents
GB_CC = "县委办公室，县人大常委会办公室，县政府办公室，县政协办公室"

def make_docx():
    rng = random.Random(SEED + 2)
    docs = []   # (path, spec, kind, covers, unit, date, title)

    def add(path, spec, kind, covers, unit, date, title=None):
        docs.append((path, spec, kind, covers, unit, date, title if title is not None else "".join(spec.get("title", [])) or None))

    add("澜溪县乡村振兴局/关于印发防止返贫动态监测和帮扶工作方案的通知.docx", dict(
        banner="澜溪县乡村振兴局文件", wenhao="澜振发〔2024〕5号",
        title=["关于印发《澜溪县2024年防止返贫动态", "监测和帮扶工作方案》的通知"],
        to="各乡镇人民政府，县直有关单位：",
        body=["现将《澜溪县2024年防止返贫动态监测和帮扶工作方案》印发给你们，请结合实际认真抓好落实。",
              ("c", "澜溪县2024年防止返贫动态监测和帮扶工作方案"),
              "为守住不发生规模性返贫底线，根据省、市关于健全防止返贫动态监测和帮扶机制的部署，结合我县实际，制定本方案。",
              "一、监测对象和范围", "以家庭为单位，重点监测脱贫不稳定户、边缘易致贫户和突发严重困难户。2024年监测收入标准为7800元。",
              "二、识别纳入程序", "（一）农户自主申报。通过“一键申报”、村级窗口等渠道受理申请。",
              "（二）基层干部排查。乡镇组织驻村工作队、帮扶责任人每季度开展一次入户走访。",
              "（三）部门筛查预警。县医疗保障局、教育局、民政局、残联等部门每月推送预警数据，乡镇15日内完成核实。",
              "三、精准帮扶", "对纳入的监测对象逐户制定一户一策帮扶计划，落实产业、就业、兜底等针对性措施。",
              "四、风险消除", "风险稳定消除满1年的，经村级评议、乡镇审核、县级审定后标注风险消除。",
              "五、工作要求", "各乡镇要压实主体责任，每月25日前将监测对象识别纳入和风险消除台账报县乡村振兴局监测帮扶股。"],
        sign=["澜溪县乡村振兴局"], date=ar_date(2024, 3, 8),
        banji=("县委农办，县医疗保障局，县教育局，县民政局", "澜溪县乡村振兴局办公室", ar_date(2024, 3, 8)), author="lxxzj"),
        "通知", ["A01/1"], "澜溪县乡村振兴局", "2024-03-08")

    add("巩固衔接过渡期工作方案（2024年修订）.docx", dict(
        banner="中共澜溪县委办公室\n澜溪县人民政府办公室", banner_size=26, wenhao="澜委办发〔2024〕11号",
        title=["澜溪县巩固拓展脱贫攻坚成果同乡村振兴", "有效衔接过渡期工作方案（2024年修订）"],
        to="各乡镇党委、人民政府，县委各部门，县直各单位：",
        body=["经县委、县政府同意，现将修订后的过渡期工作方案印发给你们，请认真贯彻执行。",
              "一、总体要求", "过渡期内保持主要帮扶政策总体稳定，坚持摘帽不摘责任、不摘政策、不摘帮扶、不摘监管。",
              "二、主要任务", "（一）健全防止返贫监测帮扶机制。", "（二）巩固“三保障”和饮水安全成果。", "（三）促进脱贫人口持续增收。",
              "（四）加强帮扶项目资产管理。", "（五）持续做好驻村帮扶、东西部协作和社会帮扶。",
              "三、保障措施", "落实五级书记抓巩固衔接责任，县委常委会、县政府常务会议每季度至少研究一次巩固脱贫成果工作。"],
        sign=["中共澜溪县委办公室　　澜溪县人民政府办公室"], date=ar_date(2024, 2, 26),
        banji=("市委农办，市乡村振兴局", "中共澜溪县委办公室", ar_date(2024, 2, 27))),
        "方案", ["R01/2"], "中共澜溪县委办公室", "2024-02-26")

    add("县政府第21次常务会议纪要.docx", dict(
        banner="澜溪县人民政府常务会议纪要", banner_size=30, wenhao="〔2024〕21号",
        title=["澜溪县人民政府第21次常务会议纪要"],
        body=["2024年7月16日，县长主持召开县人民政府第21次常务会议，专题研究巩固脱贫成果和乡村振兴工作。纪要如下：",
              "一、听取县乡村振兴局关于上半年巩固脱贫成果工作情况的汇报", "会议指出，上半年全县新识别纳入监测对象136户，风险消除89户，未发生规模性返贫。",
              "二、研究衔接资金支出进度", "会议要求县财政局会同各乡镇加快衔接资金支出，9月底前支出进度达到80%以上。",
              "三、研究后评估反馈问题整改", "会议明确由县乡村振兴局牵头，建立问题清单、责任清单、整改清单，实行销号管理。",
              "出席：县政府县长、副县长，县政府办公室主任。", "列席：县乡村振兴局、财政局、农业农村局、人力资源和社会保障局主要负责同志。"],
        date=ar_date(2024, 7, 19), sign=["澜溪县人民政府办公室"], banji=(None, "澜溪县人民政府办公室", ar_date(2024, 7, 19))),
        "纪要", ["R01/1"], "澜溪县人民政府办公室", "2024-07-19")

    add("鹤鸣乡/一户一策帮扶计划（白岩村）.docx", dict(style="sloppy",
        title=["监测对象“一户一策”帮扶计划"],
        body=[("table", [["包户单位", "鹤鸣乡人民政府", "帮扶责任人", "周国庆"], ["户主", "白世平", "家庭人口", "4人"],
                         ["所在村组", "白岩村3组", "监测类型", "突发严重困难户"], ["主要风险", "因病（户主腰椎手术）", "纳入时间", "2024年4月"],
                         ["帮扶措施", "1.医疗救助、大病保险报销；2.申请公益性岗位（护林员）；3.发展黑山羊养殖10只，落实产业奖补", "", ""],
                         ["计划完成时间", "2024年12月", "填写日期", "2024年5月6日"]]),
              "帮扶责任人签字：　　　　　　户主签字："], author="周国庆"),
        "计划", ["A01/3"], "鹤鸣乡人民政府", "2024-05-06")

    add("石渠镇/入户走访记录（龙潭村）.docx", dict(style="sloppy", top=["2024年9月12日"],
        title=["龙潭村入户走访记录"],
        body=["走访人：何德胜（驻村第一书记）、陈思远（村文书）", "走访对象：龙潭村2组 杨水生户（脱贫户）",
              "一、家庭基本情况：4口人，2人在临湾区务工，1人就读初中，享受雨露计划补助。",
              "二、两不愁三保障情况：住房为2019年改造砖混房，安全；自来水入户，饮水安全；全家参加城乡居民医保。",
              "三、存在问题：户主患高血压，需家庭医生定期随访。", "四、下步措施：联系镇卫生院纳入家庭医生签约重点人群。",
              "被走访户签字：杨水生"], author="何德胜"),
        "记录", ["A01/4", "R03/2"], None, "2024-09-12")

    add("监测预警数据比对核实情况报告.docx", dict(style="plain",
        title=["关于2024年第三季度防止返贫监测预警数据", "比对核实情况的报告"],
        to="县乡村振兴局：",
        body=["按照部门数据比对工作要求，监测帮扶股对县医疗保障局、民政局、残联、教育局推送的第三季度预警信息开展比对核实，现将有关情况报告如下。",
              "一、比对情况", "本季度共接收预警数据1386条，其中医疗费用高额支出412条、低保特困新增238条、残疾人新增196条、在校生资助540条。",
              "二、核实结果", "经乡镇入户核实，新识别纳入监测对象27户，其余为已纳入或经核实无风险。",
              "三、数据质量问题", "发现系统内家庭人口与公安户籍不一致43条，已全部在监测信息系统中更正。"],
        sign=["澜溪县乡村振兴局监测帮扶股"], date=ar_date(2024, 10, 18)),
        "报告", ["A01/5", "W03/1", "W03/2"], "澜溪县乡村振兴局监测帮扶股", "2024-10-18")

    add("澜溪县住房和城乡建设局/2024年农村危房改造竣工验收报告.docx", dict(style="plain",
        title=["澜溪县2024年农村低收入群体危房改造", "竣工验收报告"],
        body=["根据年度计划，我县2024年实施农村危房改造186户，其中C级加固改造121户、D级拆除重建65户。",
              "一、验收组织", "县住房和城乡建设局会同财政局、乡村振兴局组成验收组，于11月4日至15日逐户开展竣工验收。",
              "二、验收结果", "186户全部验收合格，验收合格率100%，改造后住房均达到安全住房标准。",
              "三、资金兑付", "补助资金已通过一卡通发放到户。", "附：验收花名册（186户）"],
        sign=["澜溪县住房和城乡建设局"], date=ar_date(2024, 11, 22)),
        "验收报告", ["A02/3", "P04/1"], "澜溪县住房和城乡建设局", "2024-11-22")

    add("澜溪县住房和城乡建设局/房屋安全性鉴定报告（芦湾乡沙洲村）.docx", dict(style="plain",
        title=["农村房屋安全性鉴定报告"],
        body=["鉴定单位：澜溪县房屋安全鉴定站", "委托单位：芦湾乡人民政府", "房屋地址：芦湾乡沙洲村4组", "房屋户主：卢长林",
              "一、房屋概况", "砖木结构，单层，建于1992年，建筑面积96平方米。",
              "二、检查情况", "承重墙体多处开裂，屋架木构件腐朽，屋面渗漏。",
              "三、鉴定结论", "依据农村住房安全性鉴定技术导则，该房屋评定为D级危房，建议拆除重建。"],
        sign=["澜溪县房屋安全鉴定站"], date=ar_date(2024, 4, 9)),
        "鉴定报告", ["A02/5"], "澜溪县房屋安全鉴定站", "2024-04-09")

    add("澜溪县人力资源和社会保障局/关于认定就业帮扶车间的批复.docx", dict(
        banner="澜溪县人力资源和社会保障局", wenhao="澜人社复〔2024〕7号",
        title=["关于同意认定澜溪县柏塘竹木制品有限公司", "为就业帮扶车间的批复"],
        to="柏塘镇人民政府：",
        body=["你镇《关于申请认定就业帮扶车间的请示》收悉。经现场核查，该企业吸纳脱贫劳动力和监测对象就业23人，符合认定条件。经研究，同意认定为县级就业帮扶车间，给予一次性奖补5万元。",
              "请你镇督促企业规范用工，按月报送吸纳就业人员花名册。", "此复。"],
        sign=["澜溪县人力资源和社会保障局"], date=ar_date(2024, 4, 2),
        banji=("县乡村振兴局，县财政局", "澜溪县人力资源和社会保障局办公室", ar_date(2024, 4, 2))),
        "批复", ["A03/2"], "澜溪县人力资源和社会保障局", "2024-04-02")

    add("劳务协作协议.docx", dict(style="plain",
        title=["临湾区—澜溪县2024年劳务协作协议"],
        body=["甲方：澜溪县人力资源和社会保障局", "乙方：临湾区人力资源和社会保障局",
              "为深化东西部劳务协作，帮助澜溪县脱贫劳动力稳定就业，双方协商一致，签订本协议。",
              "一、乙方全年提供适合岗位不少于3000个，组织专场招聘会不少于4场。", "二、甲方负责组织动员，2024年输送脱贫劳动力到临湾区就业不少于800人。",
              "三、对新到临湾区稳定就业3个月以上的脱贫劳动力，乙方按规定给予一次性稳岗补贴。",
              "四、本协议一式四份，自签订之日起生效，有效期至2024年12月31日。",
              "甲方（盖章）：澜溪县人力资源和社会保障局　　　　乙方（盖章）：临湾区人力资源和社会保障局",
              "签订日期：2024年4月16日"]),
        "协议", ["A03/5", "A05/4"], "澜溪县人力资源和社会保障局", "2024-04-16")

    add("关于2025年度巩固衔接项目库入库项目的请示.docx", dict(
        banner="澜溪县乡村振兴局", wenhao="澜振〔2024〕42号", qianfa="罗立新",
        title=["关于审定2025年度巩固拓展脱贫攻坚成果和", "乡村振兴项目库入库项目的请示"],
        to="县人民政府：",
        body=["按照项目库建设管理要求，我局会同县直行业部门对各乡镇申报的2025年度项目进行了论证评审。共拟入库项目218个，计划总投资4.6亿元，其中产业发展类项目131个。",
              "入库项目已在县政府门户网站公示10天，无异议。", "妥否，请批示。"],
        attach=["2025年度项目库入库项目清单"],
        sign=["澜溪县乡村振兴局"], date=ar_date(2024, 11, 20), tail=["（联系人：张海军，电话：0745-6231088）"]),
        "请示", ["A04/2", "W01/1"], "澜溪县乡村振兴局", "2024-11-20")

    add("石渠镇/石渠镇2024年光伏电站收益分配方案.docx", dict(style="plain",
        title=["石渠镇2024年村级光伏帮扶电站收益分配方案"],
        body=["为规范村级光伏帮扶电站收益分配，根据县有关规定，结合我镇实际，制定本方案。",
              "一、收益规模", "全镇4座村级光伏电站2024年预计实现发电收益86.4万元。",
              "二、分配原则", "收益归村集体所有，主要用于设置公益性岗位、小型公益事业和奖励补助，不得简单发钱发物。",
              "三、分配比例", "公益性岗位工资不低于60%，村级小型公益事业不高于30%，奖励补助不高于10%。",
              "四、发放程序", "按照四议两公开程序决策，通过一卡通发放，并在村务公开栏公示。"],
        sign=["石渠镇人民政府"], date=ar_date(2024, 3, 18)),
        "方案", ["A04/4"], "石渠镇人民政府", "2024-03-18")

    add("关于调整选派驻村第一书记和工作队员的通知.docx", dict(
        banner="中共澜溪县委组织部", wenhao="澜组通〔2024〕16号",
        title=["关于调整选派驻村第一书记和工作队员的通知"],
        to="各乡镇党委，县直有关单位党组（党委）：",
        body=["根据工作需要，经研究，决定对部分驻村第一书记和工作队员进行轮换调整。现将有关事项通知如下。",
              "一、新选派的驻村第一书记和工作队员须于5月10日前到村报到，原人员做好工作交接。",
              "二、驻村干部每月驻村不少于20天，严格执行考勤和请销假制度。", "三、派出单位要落实工作经费，做到责任、项目、资金“三个捆绑”。"],
        attach=["调整选派驻村第一书记名单", "调整选派驻村工作队员名单"],
        sign=["中共澜溪县委组织部"], date=ar_date(2024, 4, 28),
        banji=("县乡村振兴局", "中共澜溪县委组织部办公室", ar_date(2024, 4, 28))),
        "通知", ["A05/1"], "中共澜溪县委组织部", "2024-04-28")

    add("新建 Microsoft Word 文档.docx", dict(style="sloppy", font="Calibri", size=11,
        body=["驻村工作日志", "8月5日 星期一 晴　上午到野鸭塘村2组走访监测户3户，了解秋粮长势；下午参加村“两委”会议，研究产业路硬化。",
              "8月6日 星期二 阴　配合镇里开展防汛隐患排查，转移地灾隐患点群众2户。",
              "8月7日 星期三 晴　到县财政局汇报野鸭塘村油茶基地项目进度。", "记录人：宋家豪"], author="宋家豪"),
        "日志", ["A05/2"], None, None, "驻村工作日志")

    add("县财政局定点帮扶野鸭塘村2024年工作总结.docx", dict(style="plain",
        title=["澜溪县财政局2024年定点帮扶", "青苔镇野鸭塘村工作总结"],
        body=["2024年，我局按照年初制定的定点帮扶年度计划，持续选派驻村工作队，推动野鸭塘村各项帮扶任务落实。",
              "一、帮扶投入", "全年协调落实帮扶资金126万元，局机关干部结对帮扶脱贫户和监测对象68户。",
              "二、产业发展", "扩建油茶基地300亩，带动42户脱贫户户均增收2100元。",
              "三、消费帮扶", "通过机关食堂和工会采购农产品18.6万元。",
              "四、2025年打算", "继续落实摘帽不摘帮扶要求，做好帮扶计划衔接。"],
        sign=["澜溪县财政局"], date=ar_date(2025, 1, 6)),
        "总结", ["A05/3"], "澜溪县财政局", "2025-01-06")

    add("2024年东西部协作资金项目计划.docx", dict(style="plain",
        title=["临湾区—澜溪县2024年东西部协作", "财政援助资金项目计划"],
        body=["根据两地党政联席会议精神，2024年临湾区安排澜溪县东西部协作财政援助资金8200万元，主要用于产业协作、劳务协作和乡村振兴示范村建设。",
              ("table", [["序号", "项目名称", "实施地点", "资金（万元）", "实施单位"],
                         ["1", "高山茶叶加工厂扩建项目", "鹤鸣乡", "1800", "澜溪县农业农村局"],
                         ["2", "临湾·澜溪共建产业园标准厂房", "澜溪镇", "3200", "澜溪县工业园区管委会"],
                         ["3", "劳务协作稳岗补贴", "全县", "600", "澜溪县人力资源和社会保障局"],
                         ["4", "乡村振兴示范村建设", "云栈乡云栈村", "1500", "云栈乡人民政府"],
                         ["5", "消费帮扶产地仓", "石渠镇", "1100", "澜溪县商务局"]]),
              "项目资金由临湾区拨付至澜溪县财政局东西部协作专户，实行专账核算。"],
        sign=["澜溪县东西部协作工作领导小组办公室"], date=ar_date(2024, 3, 1)),
        "计划", ["A05/4"], "澜溪县东西部协作工作领导小组办公室", "2024-03-01")

    add("澜溪县农业农村局/高标准农田建设项目竣工验收报告.docx", dict(style="plain",
        title=["澜溪县2023年度高标准农田建设项目", "竣工验收报告"],
        body=["项目名称：澜溪县2023年度高标准农田建设项目（石渠镇、芦湾乡片区）", "建设规模：2.1万亩，总投资4200万元。",
              "一、建设内容完成情况", "完成土地平整、灌溉与排水、田间道路、农田防护与生态环境保持等工程，全部按设计完成。",
              "二、验收程序", "县农业农村局组织财政、水利、自然资源等部门和专家组成验收组，于2024年6月18日开展竣工验收。",
              "三、验收结论", "工程质量合格，资料齐全，同意通过竣工验收，并上图入库。"],
        sign=["澜溪县农业农村局"], date=ar_date(2024, 6, 25)),
        "验收报告", ["B01/2"], "澜溪县农业农村局", "2024-06-25")

    add("柏塘镇/耕地保护目标责任书（柏塘镇）.docx", dict(style="plain",
        title=["2024年度耕地保护目标责任书"],
        body=["甲方：澜溪县人民政府", "乙方：柏塘镇人民政府",
              "为落实耕地保护党政同责，严守耕地保护红线，甲乙双方签订本责任书。",
              "一、乙方耕地保有量不低于5.82万亩，永久基本农田保护面积不低于4.96万亩。",
              "二、乙方负责辖区撂荒地整治和耕地“非农化”“非粮化”问题排查整改。", "三、本责任书考核结果纳入年度乡村振兴实绩考核。",
              "甲方代表（签字）：　　　　　乙方代表（签字）：", "2024年2月20日"]),
        "责任书", ["B01/3"], "澜溪县人民政府", "2024-02-20")

    add("澜溪县高山茶产业发展实施方案（2024—2026年）.docx", dict(style="plain",
        title=["澜溪县高山茶产业发展实施方案", "（2024—2026年）"],
        body=["为做大做强高山茶特色产业，推动一二三产业融合发展，制定本方案。",
              "一、发展目标", "到2026年，全县茶园面积达到12万亩，综合产值突破30亿元，培育省级以上龙头企业3家。",
              "二、重点任务", "（一）建设标准化茶园基地。", "（二）提升加工能力，建设茶叶精深加工园区。", "（三）打造“澜溪云雾茶”区域公用品牌。", "（四）发展茶旅融合和农村电商。",
              "三、保障措施", "县财政每年安排茶产业发展资金不少于3000万元。"],
        sign=["澜溪县农业农村局"], date=ar_date(2024, 3, 25)),
        "方案", ["B02/1"], "澜溪县农业农村局", "2024-03-25")

    add("集体经济薄弱村消除工作方案.docx", dict(style="plain",
        title=["澜溪县2024年村级集体经济薄弱村", "消除工作方案"],
        body=["为全面消除年收入10万元以下的集体经济薄弱村，制定本方案。",
              "一、目标任务", "2024年底前消除集体经济薄弱村11个，全县村级集体经济年收入均达到10万元以上。",
              "二、主要路径", "推行党支部领办合作社，盘活闲置资产资源，发展物业经济和服务经济。",
              "三、责任分工", "县委组织部、县农业农村局牵头，各乡镇落实属地责任，一村一策制定消薄计划。"],
        sign=["中共澜溪县委组织部　　澜溪县农业农村局"], date=ar_date(2024, 2, 29)),
        "方案", ["B03/2"], "中共澜溪县委组织部", "2024-02-29")

    add("云栈乡/云栈村党支部领办合作社章程.docx", dict(style="sloppy",
        title=["澜溪县云栈高山蔬菜专业合作社章程"],
        body=["（2024年3月20日成员大会通过）", "第一章　总则",
              "第一条　本社由中共云栈村支部委员会领办，村股份经济合作社以集体资金入股，村民自愿入社。",
              "第二条　本社名称：澜溪县云栈高山蔬菜专业合作社。住所：云栈乡云栈村。",
              "第二章　成员", "第三条　具有民事行为能力的农户，承认并遵守本章程，可申请入社。",
              "第三章　盈余分配", "第十条　可分配盈余按成员与本社交易量（额）比例返还，返还总额不低于可分配盈余的60%。",
              "第四章　附则", "第二十条　本章程由成员大会负责解释。"], author="云栈村"),
        "章程", ["B03/3"], "澜溪县云栈高山蔬菜专业合作社", "2024-03-20")

    add("村庄清洁行动简报（第3期）.docx", dict(style="plain",
        title=["村庄清洁行动简报"], subtitle=["第3期", "澜溪县农村人居环境整治工作领导小组办公室　　　　2024年6月14日"],
        body=["全县掀起村庄清洁行动夏季战役热潮",
              "6月以来，各乡镇围绕“三清三拆三整治”，组织干部群众开展村庄清洁行动。截至6月13日，累计清理垃圾4.2万吨、清理沟渠386公里，拆除危旧房和乱搭乱建1270处。",
              "柏塘镇将拆后空地建成小菜园、小果园，打造四小园120余处。石渠镇推行“门前三包”，评选美丽庭院86户。",
              "报：县委、县政府领导", "送：县直有关单位，各乡镇"]),
        "简报", ["C03/1"], "澜溪县农村人居环境整治工作领导小组办公室", "2024-06-14", "村庄清洁行动简报")

    add("第三方保洁服务合同.docx", dict(style="plain",
        title=["澜溪镇农村环境卫生第三方保洁服务合同"],
        body=["甲方：澜溪镇人民政府", "乙方：青崖绿源环境服务有限公司",
              "第一条　服务范围：澜溪镇东岸村、桥头村、新坪村公共区域道路清扫、垃圾收集清运至澜溪镇垃圾中转站。",
              "第二条　服务期限：2024年1月5日至2024年12月31日。", "第三条　服务费用：合同总价68万元，按季度考核后支付。",
              "第四条　考核：甲方每月组织考核，考核不合格的按比例扣减服务费。",
              "甲方（盖章）：澜溪镇人民政府　　　　乙方（盖章）：青崖绿源环境服务有限公司", "签订日期：2024年1月3日"]),
        "合同", ["C02/5"], "澜溪镇人民政府", "2024-01-03")

    add("鹤鸣乡/新时代文明实践站活动记录（鹤鸣村）.docx", dict(style="sloppy",
        title=["鹤鸣村新时代文明实践站活动记录"],
        body=[("table", [["活动时间", "2024年8月23日", "活动地点", "鹤鸣村文化广场"],
                         ["活动主题", "“文明新风进万家”移风易俗宣讲", "参加人数", "62人"],
                         ["活动内容", "乡志愿服务队宣讲红白喜事简办标准，表彰“好婆婆”“好媳妇”8人，播放移风易俗宣传片。", "", ""],
                         ["记录人", "邹小燕", "", ""]])], author="邹小燕"),
        "记录", ["D01/1"], None, "2024-08-23")

    add("移风易俗倡议书.docx", dict(style="sloppy", tsize=18,
        title=["移风易俗　文明节俭　倡议书"],
        body=["全县广大干部群众：", "婚事新办、丧事简办、其他喜事不办，是新时代文明乡风的要求。我们倡议：",
              "一、抵制高额彩礼，不攀比、不借债办婚事。", "二、红白喜事宴席不超过15桌，每桌不超过600元。",
              "三、党员干部带头，自觉接受红白理事会监督。", "中共澜溪县委宣传部（县文明办）", "2024年1月30日"]),
        "倡议书", ["D01/5"], "中共澜溪县委宣传部（县文明办）", "2024-01-30")

    add("柏塘镇/洪家村四议两公开会议记录.docx", dict(style="sloppy",
        title=["洪家村“四议两公开”会议记录"],
        body=["议题：洪家村集体光伏收益使用方案", "1.村党支部提议：2024年8月2日，支委会提出设置保洁员岗位8个。",
              "2.村“两委”商议：2024年8月5日。", "3.党员大会审议：2024年8月9日，应到党员31名，实到27名，同意27票。",
              "4.村民代表会议决议：2024年8月12日，应到代表35名，实到32名，同意31票，弃权1票。",
              "决议公开：2024年8月13日在村务公开栏公示。　实施结果公开：2024年9月30日。", "记录人：冯桂兰"], author="冯桂兰"),
        "记录", ["E01/3"], None, "2024-08-12")

    add("云栈乡村两委班子名单.docx", dict(style="plain",
        title=["云栈乡村“两委”班子成员名单"],
        body=[("table", [["村", "党组织书记", "村委会主任", "两委成员数", "其中女性", "平均年龄"],
                         ["云栈村", "苏永红", "苏永红（一肩挑）", "7", "2", "41.3"],
                         ["茶园村", "邓志强", "邓志强（一肩挑）", "6", "1", "43.8"],
                         ["天池村", "贺月娥", "贺月娥（一肩挑）", "5", "2", "39.6"]]),
              "云栈乡党委组织办", "2024年5月8日"]),
        "名单", ["E01/1"], "云栈乡党委组织办", "2024-05-08")

    add("澜溪县乡村治理积分制实施方案.docx", dict(style="plain",
        title=["澜溪县乡村治理积分制实施方案"],
        body=["为推进自治法治德治相结合的乡村治理体系建设，在全县推广积分制管理。",
              "一、积分内容", "设置遵纪守法、移风易俗、环境卫生、邻里和睦、志愿服务五类积分项目。",
              "二、积分运用", "积分可在村“积分超市”兑换生活用品，作为评先评优重要依据。",
              "三、实施步骤", "2024年5月在石渠镇、柏塘镇试点，10月底前全县推开。"],
        sign=["中共澜溪县委政法委员会"], date=ar_date(2024, 4, 15)),
        "方案", ["E02/3"], "中共澜溪县委政法委员会", "2024-04-15")

    add("澜溪县乡村振兴工作交流发言材料.docx", dict(style="plain",
        title=["探索“党支部＋合作社＋农户”模式", "蹚出山区县共同富裕新路子"],
        subtitle=["——澜溪县在全省乡村振兴现场推进会上的交流发言"],
        body=["近年来，澜溪县聚焦山区产业薄弱、集体经济空壳等难题，推行党支部领办合作社，走出了一条强村富民的新路子。",
              "一、组织引领，把党支部建在产业链上。全县96个村党支部领办合作社103家。",
              "二、利益联结，让群众分享增值收益。推行保底收益加按股分配，带动脱贫户1.2万户。",
              "三、改革赋能，盘活沉睡资源。开展农村集体产权制度改革，清产核资账面资产9.8亿元。",
              "以上经验做法被省委农办以简报形式推广。", "中共澜溪县委农村工作领导小组办公室", "2024年10月"]),
        "汇报材料", ["X01/1", "X01/2", "E03/4"], "中共澜溪县委农村工作领导小组办公室", None, "探索“党支部＋合作社＋农户”模式蹚出山区县共同富裕新路子")

    add("涉农资金统筹整合实施方案.docx", dict(style="plain",
        title=["澜溪县2024年统筹整合财政涉农资金实施方案"],
        body=["一、整合范围", "纳入整合的涉农资金包括衔接推进乡村振兴补助资金、农田建设补助资金、水利发展资金等16项，共计5.3亿元。",
              "二、使用方向", "整合资金优先用于巩固脱贫成果和产业发展，用于产业发展的比重不低于60%。",
              "三、管理要求", "严格执行项目库管理，实行县级报账制。"],
        sign=["澜溪县财政局　　澜溪县乡村振兴局"], date=ar_date(2024, 1, 18)),
        "方案", ["F03/2"], "澜溪县财政局", "2024-01-18")

    add("后评估反馈问题整改方案.docx", dict(style="plain",
        title=["澜溪县2024年巩固脱贫成果后评估", "反馈问题整改方案"],
        body=["针对省级后评估反馈问题，县委、县政府照单全收，制定本整改方案。",
              "一、问题清单", ("table", [["序号", "反馈问题", "责任单位", "整改时限"],
                                       ["1", "个别监测对象帮扶措施针对性不强", "县乡村振兴局，各乡镇", "2025年3月底"],
                                       ["2", "部分村级光伏电站运维不及时", "县乡村振兴局，青崖晶阳新能源运维有限公司", "2025年2月底"],
                                       ["3", "部门数据比对预警核实不及时", "县医疗保障局，县民政局", "2025年1月底"],
                                       ["4", "少数公益性岗位考勤不规范", "县人力资源和社会保障局", "2025年2月底"]]),
              "二、整改措施", "实行清单化管理、销号式推进，每月通报整改进度。", "三、整改要求", "整改完成一项、销号一项，资料归档备查。"],
        sign=["澜溪县巩固拓展脱贫攻坚成果同乡村振兴有效衔接领导小组"], date=ar_date(2025, 1, 10)),
        "方案", ["W02/2", "W02/1"], "澜溪县巩固拓展脱贫攻坚成果同乡村振兴有效衔接领导小组", "2025-01-10")

    add("关于举办帮扶干部业务培训班的通知.docx", dict(
        banner="澜溪县乡村振兴局文件", wenhao="澜振发〔2024〕19号",
        title=["关于举办2024年全县帮扶干部", "业务培训班的通知"],
        to="各乡镇人民政府，县直各帮扶单位：",
        body=["为提升帮扶干部政策水平和业务能力，经研究，决定举办全县帮扶干部业务培训班。",
              "一、培训时间：2024年10月21日至22日。", "二、培训地点：澜溪县委党校。",
              "三、参训对象：各乡镇分管领导、驻村第一书记、工作队员和村党组织书记，共约420人。",
              "四、培训内容：防止返贫监测帮扶、衔接资金项目管理、后评估迎检要点、群众政策知晓度提升。",
              "五、有关要求：参训人员须按时签到，不得请人代训。"],
        sign=["澜溪县乡村振兴局"], date=ar_date(2024, 10, 12),
        banji=("县委组织部，县委党校", "澜溪县乡村振兴局办公室", ar_date(2024, 10, 12))),
        "通知", ["W04/1"], "澜溪县乡村振兴局", "2024-10-12")

    add("作风问题专项整治工作总结.docx", dict(style="plain",
        title=["澜溪县乡村振兴领域不正之风和腐败问题", "专项整治工作总结"],
        body=["按照县纪委监委部署，全县开展乡村振兴领域作风问题专项整治。",
              "一、整治形式主义，精简报表台账，取消乡镇自行设置的表格37种。",
              "二、查处优亲厚友、虚报冒领问题9起，处理12人。", "三、建立村级小微权力清单，推行阳光村务。"],
        sign=["中共澜溪县纪律检查委员会　　澜溪县监察委员会"], date=ar_date(2024, 12, 16)),
        "总结", ["W05/1"], "中共澜溪县纪律检查委员会", "2024-12-16")

    add("关于网络反映石渠镇饮水问题的情况说明.docx", dict(style="plain",
        title=["关于网络反映石渠镇上坳村饮水问题的", "情况说明"],
        to="县委宣传部：",
        body=["2024年7月28日，有网民在本地论坛反映石渠镇上坳村部分农户停水多日。经调查，系连续高温导致山塘水源水量下降所致。",
              "县水利局当日组织送水车3台次，7月31日完成备用水源接入，恢复正常供水。", "下一步将新建蓄水设施，彻底解决季节性缺水问题。"],
        sign=["澜溪县水利局"], date=ar_date(2024, 8, 2)),
        "说明", ["X02/1"], "澜溪县水利局", "2024-08-02")

    add("关于同意第三批监测对象风险消除的批复.docx", dict(
        banner="澜溪县乡村振兴局", wenhao="澜振复〔2024〕3号",
        title=["关于同意第三批监测对象风险消除的批复"],
        to="各乡镇人民政府：",
        body=["你们报送的第三批监测对象风险消除申请收悉。经县级审定，同意84户292人标注风险消除，请在监测信息系统中及时更新，并继续跟踪监测。", "此复。"],
        sign=["澜溪县乡村振兴局"], date=ar_date(2024, 11, 5)),
        "批复", ["P01/2"], "澜溪县乡村振兴局", "2024-11-05")

    add("Doc1.docx", dict(
        banner="澜溪县总工会", wenhao="澜工发〔2024〕8号",
        title=["关于举办全县职工气排球比赛的通知"],
        to="各基层工会：",
        body=["为丰富职工文体生活，县总工会定于2024年9月举办全县职工气排球比赛。请各单位于8月30日前报名。",
              "一、比赛地点：县全民健身中心。", "二、参赛办法：每队10人，男女混合。"],
        sign=["澜溪县总工会"], date=ar_date(2024, 8, 12)),
        "通知", [], "澜溪县总工会", "2024-08-12")

    add("柏塘竹木帮扶车间吸纳就业证明.docx", dict(style="sloppy",
        title=["证　明"],
        body=["兹证明澜溪县柏塘竹木制品有限公司就业帮扶车间2024年1月至11月吸纳脱贫劳动力和监测对象稳定就业26人，月均工资2850元，按时足额发放，无拖欠。", "特此证明。",
              "柏塘镇人民政府", "2024年12月3日"]),
        "证明", ["A03/2"], "柏塘镇人民政府", "2024-12-03", "证明")

    add("机关食堂管理制度.docx", dict(style="sloppy",
        title=["县机关食堂管理制度"],
        body=["一、食堂实行刷卡就餐，每餐按标准收费。", "二、食材采购实行定点采购、索证索票。", "三、就餐人员自觉排队，文明用餐，光盘行动。",
              "澜溪县机关事务服务中心", "2024年3月1日"]),
        "制度", [], "澜溪县机关事务服务中心", "2024-03-01")

    for path, spec, kind, covers, unit, date, title in docs:
        docx(path, spec)
        reg(path, kind, covers, unit, date, title)
    return docs

# ================================================================ .doc and text PDFs (via LibreOffice)
LO_PROFILE = "file:///tmp/lo-corpus-lanxi"
FONTS_CONF = """<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<alias><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
<alias><family>方正小标宋简体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
<alias><family>楷体_GB2312</family><prefer><family>AR PL UKai CN</family></prefer></alias>
<alias><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
<alias><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
</fontconfig>"""

def soffice(srcs, fmt, outdir):
    tmp = Path(tempfile.mkdtemp(prefix="lanxi-fc-"))
    (tmp / "fonts.conf").write_text(FONTS_CONF, encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(tmp / "fonts.conf"))
    subprocess.run(["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless", "--convert-to", fmt,
                    "--outdir", str(outdir)] + [str(s) for s in srcs], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    shutil.rmtree(tmp)

def make_converted():
    srcdir = "_src"
    items = []   # (final path, fmt, spec, kind, covers, unit, date, title)
    items.append(("鹤鸣乡/鹤鸣村红白理事会章程.doc", "doc", dict(style="sloppy", title=["鹤鸣村红白理事会章程"],
        body=["第一条　为推进移风易俗，倡导婚事新办、丧事简办，成立鹤鸣村红白理事会。",
              "第二条　理事会由村党支部书记任会长，老党员、村民代表、乡贤任理事，共7人。",
              "第三条　村民办理红白事须提前向理事会报备，宴席不超过15桌。", "第四条　理事会每季度召开一次会议，活动情况记入活动记录本。",
              "第五条　本章程经村民代表会议通过后施行。", "鹤鸣村红白理事会", "2024年2月18日"], author="Administrator"),
        "章程", ["D01/4"], "鹤鸣村红白理事会", "2024-02-18", "鹤鸣村红白理事会章程"))
    items.append(("沙洲村村规民约.doc", "doc", dict(style="sloppy", title=["芦湾乡沙洲村村规民约"],
        body=["为建设文明和谐美丽乡村，经村民代表会议讨论通过，制定本村规民约。",
              "一、爱党爱国，遵纪守法，不参与黄赌毒。", "二、爱护环境，垃圾分类投放，不乱倒垃圾、不乱堆乱放。",
              "三、孝老爱亲，邻里互助，矛盾纠纷找调委会。", "四、婚丧从简，不收受高额彩礼，不大操大办。",
              "五、保护河道，不向沙洲河倾倒垃圾、不电鱼毒鱼。", "沙洲村村民委员会", "2024年1月12日"]),
        "村规民约", ["D01/3"], "沙洲村村民委员会", "2024-01-12", "芦湾乡沙洲村村规民约"))
    items.append(("公厕管护制度.doc", "doc", dict(style="plain", title=["澜溪镇农村公厕管护制度"],
        body=["一、每座农村公厕明确1名管护人员，每日保洁不少于2次。", "二、管护人员负责公厕清扫、消杀、设施报修，填写管护记录。",
              "三、镇村建服务中心每月对公厕管护情况进行检查考评。",
              ("table", [["公厕位置", "管护人员", "联系电话"], ["东岸村村部", "龚福根", "13587420316"], ["桥头村集市", "曹凤莲", "15274136902"], ["新坪村文化广场", "夏大勇", "18774512039"]])],
        sign=["澜溪镇人民政府"], date=ar_date(2024, 5, 20)),
        "制度", ["C01/3"], "澜溪镇人民政府", "2024-05-20", "澜溪镇农村公厕管护制度"))
    items.append(("中共澜溪县委常委会会议纪要.pdf", "pdf", dict(
        banner="中共澜溪县委常委会会议纪要", banner_size=28, wenhao="〔2024〕6号",
        title=["中共澜溪县委常委会会议纪要"],
        body=["2024年3月29日，县委书记主持召开县委常委会会议，专题研究巩固拓展脱贫攻坚成果工作。",
              "一、会议传达学习了省委农村工作会议精神。",
              "二、会议听取了县乡村振兴局关于2023年巩固脱贫成果后评估反馈问题整改情况汇报，要求各乡镇党委书记履行第一责任人职责。",
              "三、会议研究了2024年防止返贫动态监测和帮扶工作，要求坚决守住不发生规模性返贫底线。"],
        sign=["中共澜溪县委办公室"], date=ar_date(2024, 4, 3), banji=(None, "中共澜溪县委办公室", ar_date(2024, 4, 3))),
        "纪要", ["R01/1"], "中共澜溪县委办公室", "2024-04-03", "中共澜溪县委常委会会议纪要"))
    items.append(("20241108.pdf", "pdf", dict(
        banner="中共澜溪县委农村工作领导小组办公室", banner_size=24, wenhao="澜农办〔2024〕23号",
        title=["关于2024年第三季度巩固脱贫成果", "暗访督查情况的通报"],
        to="各乡镇党委、人民政府，县直有关单位：",
        body=["9月下旬，县委农办组织3个暗访组，采取“四不两直”方式对7个乡镇21个村开展暗访督查。现将有关情况通报如下。",
              "一、总体情况", "大部分乡镇监测帮扶工作扎实，驻村干部在岗履职较好。",
              "二、发现问题", "（一）芦湾乡个别监测户帮扶措施未更新。", "（二）云栈乡1个村驻村工作队员连续离岗5天未请假。", "（三）石渠镇2处村级光伏电站组件积灰严重。",
              "三、整改要求", "请相关乡镇和单位于11月30日前完成整改，并将整改情况报县委农办。"],
        sign=["中共澜溪县委农村工作领导小组办公室"], date=ar_date(2024, 11, 8),
        banji=("县纪委监委，县委组织部", "中共澜溪县委农村工作领导小组办公室", ar_date(2024, 11, 8))),
        "通报", ["R04/1"], "中共澜溪县委农村工作领导小组办公室", "2024-11-08", "关于2024年第三季度巩固脱贫成果暗访督查情况的通报"))
    items.append(("关于2023年度乡村振兴实绩考核结果运用的通知.pdf", "pdf", dict(
        banner="中共澜溪县委农村工作领导小组", banner_size=26, wenhao="澜农组〔2024〕2号",
        title=["关于2023年度乡村振兴实绩考核", "结果运用的通知"],
        to="各乡镇党委、人民政府，县直有关单位：",
        body=["根据2023年度推进乡村振兴战略实绩考核结果，经县委同意，现就考核结果运用通知如下。",
              "一、石渠镇、鹤鸣乡、柏塘镇考核等次为“好”，各奖励工作经费20万元，主要负责同志年度考核优先评优。",
              "二、芦湾乡考核等次为“一般”，由县委农办对乡党委主要负责同志进行约谈。",
              "三、考核结果作为干部选拔任用和衔接资金分配的重要依据。"],
        sign=["中共澜溪县委农村工作领导小组"], date=ar_date(2024, 3, 12)),
        "通知", ["R04/3"], "中共澜溪县委农村工作领导小组", "2024-03-12", "关于2023年度乡村振兴实绩考核结果运用的通知"))
    conv = {"doc": [], "pdf": []}
    for final, fmt, spec, kind, covers, unit, date, title in items:
        src = f"{srcdir}/{Path(final).stem}.docx"
        docx(src, spec)
        conv[fmt].append((OUT / src, final))
        reg(final, kind, covers, unit, date, title)
        CONTENT[final] = docx_text(OUT / src)
    outdir = OUT / "_conv"
    outdir.mkdir(exist_ok=True)
    for fmt, lst in conv.items():
        soffice([s for s, _ in lst], fmt, outdir)
        for s, final in lst:
            got = outdir / (s.stem + "." + fmt)
            assert got.exists(), got
            shutil.move(str(got), str(dst(final)))
    shutil.rmtree(outdir); shutil.rmtree(OUT / srcdir)
    for final, fmt, *_ in items:
        if fmt == "pdf":
            txt = "".join(pg.extract_text() or "" for pg in PdfReader(str(OUT / final)).pages)
            assert norm(txt), final
            CONTENT[final] = CONTENT[final] + "\n" + txt   # the real text layer

# ================================================================ txt
def make_txt():
    t1 = ["村级光伏电站巡检记录", "运维单位：青崖晶阳新能源运维有限公司", "巡检日期：2024年7月18日", "",
          "1. 石渠村电站：组件表面积灰较多，已安排清洗；逆变器运行正常。", "2. 龙潭村电站：3号组串电流偏低，更换MC4接头2个。",
          "3. 上坳村电站：围栏局部倒伏，已修复。", "4. 杨柳村电站：运行正常。", "", "巡检人：蒋建国　刘春梅"]
    (dst("1.txt")).write_bytes("\r\n".join(t1).encode("gb18030"))
    reg("1.txt", "记录", ["A04/5"], "青崖晶阳新能源运维有限公司", "2024-07-18", "村级光伏电站巡检记录")
    CONTENT["1.txt"] = "\n".join(t1)
    t2 = ["柏塘村第3网格巡查记录", "记录时间：2024年11月1日—11月30日", "",
          "11月4日　巡查12户，发现下湾组一处电线私拉乱接，已告知供电所处理。", "11月11日　调解邻里宅基地边界争议1起，双方达成一致。",
          "11月18日　走访独居老人6户，协助1户办理高龄补贴。", "11月26日　排查出租房2处，登记流动人口5人。", "网格员：石丽娟"]
    (dst("柏塘镇/网格员巡查记录.txt")).write_bytes("\r\n".join(t2).encode("gb18030"))
    reg("柏塘镇/网格员巡查记录.txt", "记录", ["E02/4"], None, None, "柏塘村第3网格巡查记录")
    CONTENT["柏塘镇/网格员巡查记录.txt"] = "\n".join(t2)
    t3 = ["关于做好2024年国庆节期间值班工作的通知", "", "各乡镇人民政府，县直各单位：",
          "国庆节期间（10月1日至7日），各单位须安排领导带班和干部24小时值班，保持通讯畅通，遇突发事件及时报告。", "",
          "澜溪县人民政府办公室", "2024年9月26日"]
    (dst("新建文本文档.txt")).write_text("\n".join(t3) + "\n", encoding="utf-8")
    reg("新建文本文档.txt", "通知", [], "澜溪县人民政府办公室", "2024-09-26", "关于做好2024年国庆节期间值班工作的通知")
    CONTENT["新建文本文档.txt"] = "\n".join(t3)

# ================================================================ images
SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SERIF_B = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
KAI = "/usr/share/fonts/truetype/arphic/ukai.ttc"
_fc = {}
def F(path, size):
    k = (path, size)
    if k not in _fc:
        _fc[k] = ImageFont.truetype(path, size, index=0 if path == KAI else 2)
    return _fc[k]

def wrap(draw, text, font, width):
    lines, cur = [], ""
    for ch in text:
        if draw.textlength(cur + ch, font=font) > width:
            lines.append(cur); cur = ch
        else:
            cur += ch
    if cur: lines.append(cur)
    return lines

def seal(img, cx, cy, r, text, rng):
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    red = (205, 30, 35, 190)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=red, width=max(4, r // 18))
    # star
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = r * (0.28 if k % 2 == 0 else 0.11)
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=red)
    fs = int(r * 0.30)
    n = len(text); span = math.radians(250)
    for i, ch in enumerate(text):
        a = -math.pi / 2 - span / 2 + span * (i + 0.5) / n
        chimg = Image.new("RGBA", (fs + 6, fs + 6), (0, 0, 0, 0))
        ImageDraw.Draw(chimg).text((3, 0), ch, font=F(SANS, fs), fill=red)
        chimg = chimg.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC, expand=True)
        x = cx + (r * 0.72) * math.cos(a) - chimg.width / 2; y = cy + (r * 0.72) * math.sin(a) - chimg.height / 2
        layer.alpha_composite(chimg, (int(x), int(y)))
    layer = layer.filter(ImageFilter.GaussianBlur(0.8))
    img.paste(layer, (0, 0), layer)

def noise(img, rng, amount=14):
    import numpy as np
    a = np.asarray(img).astype("int16")
    g = np.random.default_rng(rng.randint(0, 10 ** 6)).normal(0, amount, a.shape[:2])[..., None]
    a = np.clip(a + g, 0, 255).astype("uint8")
    return Image.fromarray(a)

def scan_page(blocks, rng, seal_spec=None, W=1000, H=1414):
    """blocks: list of (text, size, align, font) ; align c/l/r ; returns (image, text)"""
    img = Image.new("RGB", (W, H), (250, 249, 244))
    d = ImageDraw.Draw(img)
    y = 110; margin = 110; texts = []
    seal_xy = None
    for b in blocks:
        if b[0] == "TABLE":
            rows = b[1]; cw = (W - 2 * margin) / len(rows[0]); rh = 54
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    x0 = margin + j * cw
                    d.rectangle([x0, y, x0 + cw, y + rh], outline=(40, 40, 40), width=2)
                    f = F(SERIF, 22)
                    d.text((x0 + 8, y + 12), cell, font=f, fill=(20, 20, 20))
                    texts.append(cell)
                y += rh
            y += 20; continue
        if b[0] == "SEAL":
            seal_xy = (W - margin - 140, y + 75); continue
        text, size, align, font = b
        f = F(font, size)
        for ln in wrap(d, text, f, W - 2 * margin) or [""]:
            w = d.textlength(ln, font=f)
            x = margin if align == "l" else (W - margin - w if align == "r" else (W - w) / 2)
            d.text((x, y), ln, font=f, fill=(25, 25, 25))
            y += int(size * 1.75)
        texts.append(text)
    if seal_spec:
        cx, cy = seal_xy if seal_xy else (W - 280, y - 60)
        seal(img, int(cx), int(cy), 105, seal_spec, rng)
    img = img.rotate(rng.uniform(-1.6, 1.6), resample=Image.BICUBIC, expand=False, fillcolor=(235, 235, 230))
    img = noise(img, rng, 10).filter(ImageFilter.GaussianBlur(0.5))
    return img, "\n".join(texts)

def save_scan_pdf(path, pages):
    imgs = [p.convert("RGB") for p in pages]
    tmpj = []
    for i, im in enumerate(imgs):   # recompress as JPEG so the PDF stays small
        f = Path(tempfile.mktemp(suffix=".jpg")); im.save(f, quality=50); tmpj.append(f)
    imgs = [Image.open(f) for f in tmpj]
    imgs[0].save(dst(path), "PDF", resolution=120.0, save_all=True, append_images=imgs[1:])
    for f in tmpj: f.unlink()

def make_scans():
    rng = random.Random(SEED + 3)
    S = lambda t, s=24, a="l", f=SERIF: (t, s, a, f)
    scans = []
    scans.append(("扫描件007.pdf", [[S("澜溪县2023年度高标准农田建设项目竣工验收意见", 32, "c", SERIF_B), S(""),
        S("2024年6月18日，澜溪县农业农村局组织县财政局、水利局、自然资源局及特邀专家，对澜溪县2023年度高标准农田建设项目进行竣工验收。"),
        S("验收组查看了石渠镇、芦湾乡项目现场，抽查土地平整、灌排沟渠、机耕道等工程，查阅了项目档案资料。"),
        S("经评议，项目完成批复建设内容，工程质量合格，同意通过竣工验收。"),
        ("TABLE", [["验收组成员", "单位", "签名"], ["组长", "澜溪县农业农村局", ""], ["成员", "澜溪县财政局", ""], ["成员", "澜溪县水利局", ""]]),
        S(""), ("SEAL",), S("澜溪县农业农村局", 24, "r"), S("2024年6月18日", 24, "r")]],
        "澜溪县农业农村局", "验收报告", ["B01/2"], "澜溪县农业农村局", "2024-06-18", "澜溪县2023年度高标准农田建设项目竣工验收意见"))
    scans.append(("石渠镇/人民调解协议书.pdf", [[S("人民调解协议书", 34, "c", SERIF_B), S("石龙调〔2024〕14号", 22, "r"),
        S("当事人：杨有才，男，龙潭村2组村民。"), S("当事人：罗建国，男，龙潭村2组村民。"),
        S("纠纷简要情况：双方因屋后便道使用发生相邻通行纠纷，杨有才堆放柴草阻碍罗建国通行。"),
        S("经调解，自愿达成如下协议：一、杨有才于7月10日前清理便道柴草；二、便道由双方共同维护，宽度保持1.5米；三、双方不再因此事发生争执。"),
        S("本协议一式三份，当事人各执一份，调解委员会留存一份。"), S(""),
        S("当事人签名：杨有才　罗建国　　　　调解员签名：王翠花"), ("SEAL",),
        S("石渠镇龙潭村人民调解委员会", 24, "r"), S("2024年7月3日", 24, "r")]],
        "石渠镇龙潭村人民调解委员会", "调解协议书", ["E02/2"], "石渠镇龙潭村人民调解委员会", "2024-07-03", "人民调解协议书"))
    scans.append(("群众满意度调查问卷（抽样）.pdf", [[S("巩固脱贫成果群众满意度调查问卷", 32, "c", SERIF_B),
        S("调查单位：青崖市乡村发展研究中心　　调查地点：澜溪县云栈乡天池村", 22),
        S("1．您对驻村工作队和帮扶干部的工作是否满意？　☑非常满意　□满意　□一般　□不满意"),
        S("2．您家今年收入和去年相比：☑增加　□持平　□减少"),
        S("3．您对村里道路、饮水、厕所等设施改善是否满意？　□非常满意　☑满意　□一般　□不满意"),
        S("4．您是否知道防止返贫监测的申报渠道？　☑知道　□不知道"),
        S("受访户签名：段秀英　　调查员：熊子涵　万思远"), S("调查日期：2024年11月8日", 22, "r")],
        [S("调查问卷（续）", 28, "c", SERIF_B), S("5．您对本村帮扶项目收益分配是否满意？　☑非常满意　□满意　□一般"), S("6．意见建议：希望继续发展茶叶产业，修通组级公路。")]],
        None, "调查问卷", ["S04/1"], "青崖市乡村发展研究中心", "2024-11-08", "巩固脱贫成果群众满意度调查问卷"))
    scans.append(("扫描件012.pdf", [[S("农村饮水安全问题整改销号表", 32, "c", SERIF_B), S("填报单位：石渠镇人民政府　　　　编号：SQ-YS-07", 22),
        ("TABLE", [["问题地点", "上坳村5组"], ["问题描述", "季节性缺水，水池沉淀污泥"], ["整改措施", "新建50立方米水池，管网延伸"], ["整改结果", "已完成，蓄水池清洗消毒后水质检测合格"], ["销号意见", "同意销号"]]),
        S("核查人：程光荣　　审核：澜溪县农村饮水安全管理站"), ("SEAL",), S("石渠镇人民政府", 24, "r"), S("2024年9月5日", 24, "r")]],
        "石渠镇人民政府", "销号表", ["A02/4", "P04/2", "W02/3"], "石渠镇人民政府", "2024-09-05", "农村饮水安全问题整改销号表"))
    scans.append(("鹤鸣乡/监测对象风险消除审批表.pdf", [[S("防止返贫监测对象风险消除审批表", 32, "c", SERIF_B),
        ("TABLE", [["户主姓名", "孔德明", "所在村", "竹坞村"], ["家庭人口", "3人", "纳入时间", "2023年6月"], ["风险类型", "因病", "帮扶措施", "医疗救助、公益性岗位"],
                   ["人均纯收入", "14620元", "收入是否稳定", "是"], ["村级评议", "同意", "乡镇审核", "同意"]]),
        S("经村民代表民主评议、公示7天，同意标注风险消除。"), ("SEAL",), S("鹤鸣乡人民政府", 24, "r"), S("2024年10月28日", 24, "r")]],
        "鹤鸣乡人民政府", "审批表", ["P01/2"], "鹤鸣乡人民政府", "2024-10-28", "防止返贫监测对象风险消除审批表"))
    scans.append(("扫描件013.pdf", [[S("财政授权支付凭证", 32, "c", SERIF_B), S("单位：澜溪县财政局　　凭证号：0004127", 22),
        ("TABLE", [["收款单位", "云栈乡财政所"], ["用途", "2024年村级组织运转经费（第一批）"], ["金额（元）", "1,260,000.00"], ["预算科目", "2130705 对村民委员会和村党支部的补助"]]),
        S("经办人：蔡晓东　　复核：唐玉华"), ("SEAL",), S("澜溪县财政局", 24, "r"), S("2024年4月12日", 24, "r")]],
        "澜溪县财政局", "凭证", ["E01/4"], "澜溪县财政局", "2024-04-12", "财政授权支付凭证"))
    scans.append(("鹤鸣乡/竹坞村入户核查表.pdf", [[S("巩固脱贫成果入户核查表", 32, "c", SERIF_B), S("核查单位：鹤鸣乡人民政府　　核查户：竹坞村1组 范金凤", 22),
        ("TABLE", [["核查内容", "核查结果"], ["不愁吃、不愁穿", "有保障"], ["义务教育", "孙子在鹤鸣中心小学就读"], ["基本医疗", "已参保，家庭医生已签约"], ["住房安全", "安全，2020年改造"], ["饮水安全", "集中供水入户"]]),
        S("核查人：邱俊峰　毛丽娟　　户主签字：范金凤"), S("核查日期：2024年10月9日", 22, "r")]],
        None, "核查表", ["S01/1"], "鹤鸣乡人民政府", "2024-10-09", "巩固脱贫成果入户核查表"))
    scans.append(("危房改造竣工验收表（沙洲村卢长林户）.pdf", [[S("农村危房改造竣工验收表", 32, "c", SERIF_B),
        ("TABLE", [["户主", "卢长林", "村组", "沙洲村4组"], ["改造方式", "拆除重建", "建筑面积", "80平方米"], ["结构", "砖混", "开工日期", "2024年5月10日"],
                   ["验收情况", "墙体无裂缝，屋面不渗漏", "是否入住", "已入住"], ["补助资金", "35000元", "验收结论", "合格"]]),
        S("验收人员：芦湾乡村镇建设服务中心　澜溪县住房和城乡建设局"), ("SEAL",), S("芦湾乡人民政府", 24, "r"), S("2024年11月8日", 24, "r")]],
        "芦湾乡人民政府", "验收报告", ["A02/3", "P04/1"], "芦湾乡人民政府", "2024-11-08", "农村危房改造竣工验收表"))
    for path, pages, sealtxt, kind, covers, unit, date, title in scans:
        imgs, texts = [], []
        for pg in pages:
            im, tx = scan_page(pg, rng, sealtxt)
            imgs.append(im); texts.append(tx)
        save_scan_pdf(path, imgs)
        PIXELS[path] = "\n".join(texts) + ("\n" + sealtxt if sealtxt else "")
        reg(path, kind, covers, unit, date, title)
        assert not norm("".join(pg.extract_text() or "" for pg in PdfReader(str(OUT / path)).pages)), path

def scene(kind, rng, W=960, H=720):
    img = Image.new("RGB", (W, H))
    d = ImageDraw.Draw(img)
    top = (rng.randint(120, 170), rng.randint(170, 210), rng.randint(215, 245))
    for y in range(H):
        t = y / H
        d.line([(0, y), (W, y)], fill=tuple(int(top[k] * (1 - t) + (235, 235, 225)[k] * t) for k in range(3)))
    hz = int(H * rng.uniform(0.42, 0.55))
    for k in range(3):   # hills
        base = hz - rng.randint(0, 60); col = (70 + 25 * k, 120 + 15 * k, 70 + 10 * k)
        pts = [(0, H)] + [(x, base - int(50 * math.sin(x / rng.uniform(80, 160) + k) + rng.randint(0, 12))) for x in range(0, W + 40, 40)] + [(W, H)]
        d.polygon(pts, fill=col)
    d.rectangle([0, hz + 40, W, H], fill=(rng.randint(120, 160), rng.randint(115, 140), rng.randint(90, 110)))
    def house(x, y, w, h, wall=(225, 220, 210), roof=(120, 60, 50)):
        d.rectangle([x, y, x + w, y + h], fill=wall, outline=(90, 90, 90))
        d.polygon([(x - 12, y), (x + w / 2, y - h * 0.45), (x + w + 12, y)], fill=roof)
        d.rectangle([x + w * 0.4, y + h * 0.45, x + w * 0.6, y + h], fill=(100, 70, 50))
    if kind in ("toilet", "toilet_old"):
        if kind == "toilet":
            house(360, 330, 220, 200, (238, 238, 238), (60, 110, 160))
            d.text((400, 350), "卫生间", font=F(SANS, 28), fill=(60, 60, 60))
        else:
            d.rectangle([380, 360, 560, 530], fill=(140, 110, 80)); d.polygon([(360, 360), (470, 300), (580, 360)], fill=(110, 100, 90))
        house(80, 300, 240, 230)
    elif kind == "solar":
        for r_ in range(3):
            for c in range(6):
                x = 80 + c * 140 + r_ * 20; y = 380 + r_ * 90
                d.polygon([(x, y), (x + 120, y), (x + 100, y + 70), (x - 20, y + 70)], fill=(30, 50, 110), outline=(200, 200, 210))
    elif kind == "river":
        d.polygon([(0, 520), (W, 440), (W, 560), (0, 680)], fill=(90, 140, 170))
        d.ellipse([600, 380, 640, 470], fill=(40, 40, 60))
    elif kind in ("stage", "meeting", "training"):
        d.rectangle([200, 250, 760, 420], fill=(170, 30, 30))
        for i in range(28):
            x = rng.randint(60, 900); y = rng.randint(460, 690)
            d.ellipse([x, y, x + 36, y + 36], fill=(30, 25, 25)); d.rectangle([x - 6, y + 34, x + 42, y + 90], fill=rng.choice([(40, 60, 120), (120, 120, 120), (160, 60, 50)]))
    elif kind == "garden":
        for i in range(8):
            d.rectangle([100 + i * 95, 460, 160 + i * 95, 640], fill=(60 + i * 5, 140, 60))
        d.line([(80, 450), (880, 450)], fill=(130, 100, 70), width=6)
        house(600, 270, 200, 170)
    elif kind == "street":
        house(60, 290, 260, 210); house(600, 300, 280, 200)
        d.polygon([(380, H), (580, H), (500, hz + 50), (460, hz + 50)], fill=(150, 150, 150))
    elif kind == "mess":
        house(300, 280, 300, 220, (200, 190, 170), (90, 80, 70))
        for i in range(30):
            x = rng.randint(100, 860); y = rng.randint(520, 690)
            d.rectangle([x, y, x + rng.randint(20, 70), y + rng.randint(10, 40)], fill=rng.choice([(120, 100, 70), (90, 90, 90), (160, 140, 110)]))
    elif kind == "tank":
        d.rectangle([300, 380, 680, 560], fill=(180, 180, 175), outline=(90, 90, 90), width=4)
        d.rectangle([430, 330, 550, 380], fill=(160, 160, 150))
    elif kind == "food":
        d.rectangle([0, 0, W, H], fill=(120, 80, 50))
        d.ellipse([230, 160, 730, 600], fill=(245, 245, 240)); d.ellipse([300, 230, 660, 530], fill=(200, 90, 40))
    return noise(img.filter(ImageFilter.GaussianBlur(1.0)), rng, 8)

def watermark(img, lines):
    d = ImageDraw.Draw(img, "RGBA")
    f1, f2 = F(SANS, 30), F(SANS, 22)
    h = 20 + 44 + 32 * (len(lines) - 1)
    y0 = img.height - h - 24
    d.rectangle([20, y0, 560, img.height - 24], fill=(0, 0, 0, 110))
    d.rectangle([20, y0, 28, img.height - 24], fill=(250, 200, 0, 255))
    d.text((40, y0 + 10), lines[0], font=f1, fill=(255, 255, 255))
    for i, ln in enumerate(lines[1:]):
        d.text((40, y0 + 54 + 32 * i), ln, font=f2, fill=(255, 255, 255))

def exif_bytes(date=None, xptitle=None, desc=None, artist=None, make="HUAWEI", model="ALN-AL00"):
    ex = Image.Exif()
    ex[0x010F] = make; ex[0x0110] = model
    if desc: ex[0x010E] = desc.encode("utf-8")
    if artist: ex[0x013B] = artist.encode("utf-8")
    if xptitle: ex[0x9C9B] = xptitle.encode("utf-16le") + b"\x00\x00"
    if date:
        ex.get_ifd(0x8769)[0x9003] = date
        ex.get_ifd(0x8769)[0x9004] = date
    return ex

def photo(path, kind, covers, scene_kind, rng, date=None, xptitle=None, desc=None, artist=None, wm=None, strip=False, title=None):
    img = scene(scene_kind, rng)
    if wm:
        watermark(img, wm); PIXELS[path] = "\n".join(wm)
    if scene_kind == "toilet":
        PIXELS[path] = PIXELS.get(path, "") + "\n卫生间"
    caps = [c for c in (xptitle, desc) if c]
    if caps: CAPTIONS[path] = "\n".join(caps)
    kw = {} if strip else {"exif": exif_bytes(date, xptitle, desc, artist)}
    img.save(dst(path), "JPEG", quality=62, **kw)
    lab_date = None if strip or not date else date[:10].replace(":", "-")
    reg(path, kind, covers, artist, lab_date, title if title is not None else (xptitle or desc or (wm[0] if wm else None)))

def form_photo(path, title, header, rows, foot, covers, kind, rng, date, unit=None):
    W, H = 1000, 1300
    paper = Image.new("RGB", (860, 1140), (246, 244, 236))
    d = ImageDraw.Draw(paper)
    d.text((430 - d.textlength(title, font=F(SERIF_B, 34)) / 2, 50), title, font=F(SERIF_B, 34), fill=(20, 20, 20))
    y = 130; texts = [title]
    for ln in header:
        d.text((50, y), ln, font=F(SERIF, 22), fill=(30, 30, 30)); y += 40; texts.append(ln)
    ncol = len(rows[0]); cw = 760 / ncol; rh = 62
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            x0 = 50 + j * cw
            d.rectangle([x0, y, x0 + cw, y + rh], outline=(50, 50, 50), width=2)
            f = F(SERIF, 21) if i == 0 else F(KAI, 24)
            d.text((x0 + 6, y + 16), cell, font=f, fill=(20, 20, 20) if i == 0 else (25, 35, 110))
            texts.append(cell)
        y += rh
    for ln in foot:
        y += 20; d.text((50, y), ln, font=F(KAI, 24), fill=(25, 35, 110)); texts.append(ln); y += 20
    bg = Image.new("RGB", (W, H), (115, 85, 60))
    paper = paper.rotate(rng.uniform(-5, 5), resample=Image.BICUBIC, expand=True, fillcolor=(115, 85, 60))
    bg.paste(paper, ((W - paper.width) // 2, (H - paper.height) // 2))
    shade = Image.new("L", (W, H), 0); ImageDraw.Draw(shade).ellipse([-300, -200, W + 200, H + 400], fill=60)
    bg = Image.composite(bg, Image.new("RGB", (W, H), (40, 30, 20)), shade.point(lambda v: 255 - v // 2))
    bg = noise(bg.filter(ImageFilter.GaussianBlur(0.9)), rng, 9)
    bg.save(dst(path), "JPEG", quality=60, exif=exif_bytes(date, make="Xiaomi", model="Redmi Note 12"))
    PIXELS[path] = "\n".join(texts)
    reg(path, kind, covers, unit, date[:10].replace(":", "-"), title)

def make_photos():
    rng = random.Random(SEED + 4)
    photo("IMG_20240612_102345.jpg", "照片", ["C01/4"], "toilet", rng, date="2024:06:12 10:23:45")
    photo("石渠镇/改厕后（龙潭村）.jpg", "照片", ["C01/4"], "toilet", rng, date="2024:07:03 15:02:11", xptitle="龙潭村户厕改造完工后")
    photo("石渠镇/改厕前（龙潭村）.jpg", "照片", ["C01/4"], "toilet_old", rng, date="2024:03:11 09:40:27", xptitle="龙潭村户厕改造前旱厕")
    photo("IMG_20230518_091502.jpg", "照片", ["C01/4"], "toilet", rng, date="2023:05:18 09:15:02")
    photo("微信图片_20240915103011.jpg", "照片", ["C03/5"], "mess", rng, strip=True,
          wm=["村庄清洁行动　庭院杂物清理", "时间：2024-09-15 10:28", "地点：澜溪县柏塘镇下湾村"])
    photo("微信图片_20241102183455.jpg", "照片", [], "food", rng, strip=True)
    photo("芦湾乡/巡河照片.jpg", "照片", ["C04/4"], "river", rng, date="2024:08:21 09:12:30",
          wm=["河长巡河", "巡河人：芦湾乡副乡长　鲁海军", "2024-08-21 09:12", "芦湾乡沙洲村段"])
    photo("光伏电站巡检.jpg", "照片", ["A04/5"], "solar", rng, date="2024:05:20 11:05:40", desc="石渠村光伏电站组件清洗", artist="青崖晶阳新能源运维有限公司")
    photo("文明实践站活动照片.jpg", "照片", ["D01/1"], "meeting", rng, date="2024:08:23 19:30:05", xptitle="鹤鸣村新时代文明实践站移风易俗宣讲")
    photo("送戏下乡（茶园村）.jpg", "照片", ["D02/3"], "stage", rng, date="2024:10:03 20:11:52", xptitle="送戏下乡茶园村专场", artist="澜溪县文化广电旅游体育局")
    photo("四小园（竹坞村）.jpg", "照片", ["C03/3"], "garden", rng, date="2024:05:16 15:40:09",
          wm=["四小园建设　小菜园", "2024-05-16 15:40", "鹤鸣乡竹坞村"])
    photo("微信图片_20240710.jpg", "照片", [], "tank", rng, strip=True, wm=["蓄水池清洗消毒", "2024-07-10 08:55", "石渠镇上坳村"])
    photo("培训现场.jpg", "照片", [], "training", rng, date="2024:10:21 09:03:44", xptitle="帮扶干部业务培训班现场")
    photo("柏塘镇/洪家村整治前.jpg", "照片", ["C03/5"], "street", rng, date="2024:03:02 14:20:18", xptitle="洪家村村庄整治前")
    photo("IMG_20241005_163012.jpg", "照片", [], "river", rng, date="2024:10:05 16:30:12")
    form_photo("云栈乡/农家书屋借阅登记.jpg", "茶园村农家书屋借阅登记表", ["登记月份：2024年9月"],
               [["借阅日期", "书名", "借书人签名", "归还日期"], ["9月3日", "茶树栽培技术", "邓小燕", "9月17日"], ["9月10日", "平凡的世界", "贺家豪", "9月28日"],
                ["9月14日", "农村实用法律问答", "邓福根", "9月26日"], ["9月21日", "高山蔬菜种植", "易水生", ""], ["9月28日", "西游记（少儿版）", "贺雨桐", ""]],
               ["管理员：邓淑珍"], ["D02/2"], "登记表", rng, "2024:09:28 17:22:10")
    form_photo("芦湾乡/河长巡河记录表.jpg", "芦湾乡河长巡河记录表", ["河流名称：沙洲河　　河段：沙洲村—渡口村", "河长：鲁海军（乡级）"],
               [["巡河日期", "巡查情况", "处理结果"], ["9月3日", "发现水面漂浮物一处", "通知保洁员清理"], ["9月10日", "渡口村排污口无异常", "—"],
                ["9月17日", "岸边乱堆建筑垃圾", "责令清运"], ["9月24日", "河道畅通", "—"]],
               ["巡河人签字：鲁海军"], ["C04/4"], "记录", rng, "2024:09:03 16:45:31")
    form_photo("IMG_20241021_153310.jpg", "2024年全县帮扶干部业务培训班签到表", ["主办单位：澜溪县乡村振兴局　　时间：2024年10月21日"],
               [["序号", "姓名", "单位职务", "签到"], ["1", "谭立新", "石渠镇副镇长", "谭立新"], ["2", "何德胜", "龙潭村第一书记", "何德胜"],
                ["3", "宋家豪", "野鸭塘村工作队员", "宋家豪"], ["4", "苏永红", "云栈村党组织书记", "苏永红"], ["5", "姚晓东", "芦湾乡乡村振兴办", "姚晓东"]],
               [], ["W04/1"], "签到表", rng, "2024:10:21 15:33:10", unit="澜溪县乡村振兴局")
    form_photo("IMG_20240805_080112.jpg", "野鸭塘村驻村工作队考勤表", ["2024年8月（第1周）　派出单位：澜溪县财政局"],
               [["姓名", "职务", "8月1日", "8月2日", "8月5日"], ["陶思远", "第一书记", "√", "√", "√"], ["宋家豪", "队员", "√", "√", "√"], ["汤红霞", "队员", "√", "事假", "√"]],
               ["乡镇审核：青苔镇组织办"], ["A05/2", "R03/3"], "考勤表", rng, "2024:08:05 08:01:12", unit="澜溪县财政局")

# ================================================================ queries
def norm(s):
    return re.sub(r"\s+", "", s or "")

LITERAL = ["户厕改造 验收", "光伏电站 运维", "监测对象 风险消除", "公益性岗位 考勤", "高标准农田 竣工验收", "流转合同 备案",
           "沙洲村 村规民约", "农家书屋 借阅", "控辍保学 台账", "东西部协作 资金", "驻村 考勤", "河长 巡河", "垃圾中转站 运行",
           "衔接资金 支出进度", "矛盾纠纷 排查", "集体经济 收入", "帮扶车间 柏塘", "危房改造 验收", "满意度 调查", "石渠镇 光伏 收益分配"]
SYNONYM = [("茅厕", ["户厕", "公厕", "旱厕"]), ("打工", ["务工"]), ("失学", ["控辍保学", "辍学"]), ("吃水", ["饮水"]),
           ("分红", ["收益分配", "盈余分配"]), ("看病报销", ["医疗救助", "大病保险"]), ("图书室", ["农家书屋"]), ("放电影", ["电影放映"]),
           ("下乡干部", ["驻村第一书记", "驻村工作队"]), ("太阳能发电", ["光伏"]), ("抛荒", ["撂荒"]), ("吵架", ["矛盾纠纷", "人民调解"])]
ABBREV = [("乡振局", ["乡村振兴局"]), ("人社局", ["人力资源和社会保障局"]), ("住建局", ["住房和城乡建设局"]), ("医保局", ["医疗保障局"]),
          ("高标农田", ["高标准农田"]), ("东西协作", ["东西部协作"]), ("防返贫", ["防止返贫"]), ("公益岗", ["公益性岗位"]),
          ("文广旅体局", ["文化广电旅游体育局"]), ("农经站", ["农村经营管理站"])]
SCAN_ONLY = ["灌排沟渠", "相邻通行纠纷", "非常满意", "清洗消毒", "借书人签名", "水面漂浮物", "庭院杂物清理", "墙体无裂缝"]

def build_queries():
    problems = []
    def check(cond, what):
        if not cond: problems.append(what)
    full = {p: norm(CONTENT.get(p, "") + CAPTIONS.get(p, "") + PIXELS.get(p, "")) for p in LABELS}
    textual = {p: norm(CONTENT.get(p, "") + CAPTIONS.get(p, "")) for p in LABELS}
    paths = {p: norm(p) for p in LABELS}
    qs = []
    for q in LITERAL:
        ws = q.split()
        rel = sorted(p for p in LABELS if all(w in full[p] for w in ws))
        check(rel, ("literal-empty", q))
        qs.append({"q": q, "type": "literal", "relevant": rel})
    for typ, lst in (("synonym", SYNONYM), ("abbrev", ABBREV)):
        for q, means in lst:
            for w in q.split():
                bad = [p for p in LABELS if w in full[p] or w in paths[p]]
                check(not bad, ("query-word-present", q, bad))
            for m in means:
                check(any(m in full[p] for p in LABELS), ("means-absent", q, m))
            rel = sorted(p for p in LABELS if any(m in full[p] for m in means))
            qs.append({"q": q, "type": typ, "relevant": rel, "means": means})
    for q in SCAN_ONLY:
        ws = q.split()
        for w in ws:
            bad = [p for p in LABELS if w in textual[p] or w in paths[p]]
            check(not bad, ("scan-word-in-text", q, bad))
        rel = sorted(p for p in LABELS if all(w in norm(PIXELS.get(p, "")) for w in ws))
        check(rel, ("scan-empty", q))
        qs.append({"q": q, "type": "scan_only", "relevant": rel})
    assert not problems, "\n".join(map(str, problems))
    assert len(qs) == 50
    return qs

# ================================================================ checks
def check_ledgers():
    for p, L in LEDGERS.items():
        wb = openpyxl.load_workbook(OUT / p)
        for e in L["errors"]:
            ws = wb[e["sheet"]]
            v = ws.cell(e["row"], e["_col"]).value
            hdr = [ws.cell(r, e["_col"]).value for r in range(1, 6)]
            assert e["column"] in hdr, (p, e, hdr)
            if e["kind"] == "duplicate_id":
                assert v and valid_id(v), (p, e)
                others = [r for r in range(1, ws.max_row + 1) if r != e["row"] and ws.cell(r, e["_col"]).value == v]
                assert others, (p, e)
            elif e["kind"] == "empty_required":
                assert v in (None, ""), (p, e, v)
                assert any(ws.cell(e["row"], c).value not in (None, "") for c in range(1, ws.max_column + 1))
            else:
                assert isinstance(v, (int, float)) and abs(v - e["_expect"]) > 0.05, (p, e, v)
            del e["_col"], e["_expect"]
        assert L["clean"] == (not L["errors"]), p
        # every 身份证号 carries a valid GB 11643 check digit
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                for v in row:
                    if isinstance(v, str) and re.fullmatch(r"\d{17}[\dX]", v):
                        assert valid_id(v) and v.startswith(COUNTY_CODE), (p, v)

def check_labels():
    on_disk = sorted(str(f.relative_to(OUT)).replace(os.sep, "/") for f in OUT.rglob("*") if f.is_file())
    assert on_disk == sorted(LABELS), set(on_disk) ^ set(LABELS)
    for p, l in LABELS.items():
        for c in l["covers"]:
            assert EVID[c["indicator"]][1][c["item"] - 1] == c["text"]
        if l["date"]:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", l["date"]), p
        if p.endswith(".xlsx"):
            assert p in LEDGERS, p
    total = sum((OUT / p).stat().st_size for p in LABELS)
    assert total <= 6 * 1024 * 1024, total
    return total

# ================================================================ main
def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    make_xlsx()
    make_docx()
    make_converted()
    make_txt()
    make_scans()
    make_photos()
    for p in LABELS:
        if p.endswith(".docx"):
            CONTENT[p] = docx_text(OUT / p)
        elif p.endswith(".xlsx"):
            CONTENT[p] = xlsx_text(OUT / p)
    check_ledgers()
    total = check_labels()
    qs = build_queries()
    dump = lambda name, obj: (ROOT / name).write_text(json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    dump("labels.json", dict(sorted(LABELS.items())))
    dump("ledgers.json", dict(sorted(LEDGERS.items())))
    (ROOT / "queries.json").write_text(json.dumps(qs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    from collections import Counter
    ext = Counter(Path(p).suffix.lower() for p in LABELS)
    print("files:", len(LABELS), dict(ext), f"{total / 1e6:.2f} MB")
    print("in folders:", sum("/" in p for p in LABELS), " covering nothing:", sum(not l["covers"] for l in LABELS.values()))
    print("ledger errors:", dict(Counter(e["kind"] for L in LEDGERS.values() for e in L["errors"])),
          " files with errors:", sum(bool(L["errors"]) for L in LEDGERS.values()), " tricky:", sum(L["tricky"] for L in LEDGERS.values()))
    print("queries:", dict(Counter(q["type"] for q in qs)))
    for q in qs:
        print(f"  {q['type']:9s} {q['q']:14s} {len(q['relevant'])}")

if __name__ == "__main__":
    main()
