#!/usr/bin/env python3
"""Generator for the 丰泰县 (fengtai) independent evaluation corpus.

Deterministic: every random choice comes from seeded random.Random instances.
Run:  /work/main/.venv/bin/python make_corpus.py
Inputs read: only /work/shared/reference/framework-*.toml (item texts for labels).
"""
import json, os, random, shutil, subprocess, tempfile, tomllib, datetime as dt, math
from pathlib import Path
from PIL import Image, ImageDraw, ImageFont, ImageFilter
import docx
from docx.shared import Pt, RGBColor, Mm
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
import openpyxl
from openpyxl.styles import Font, Alignment, Border, Side
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parent
OUT = ROOT / "files"
REF = Path("/work/shared/reference")
SOFFICE_PROFILE = "file:///tmp/lo-corpus-fengtai"

COUNTY = "丰泰县"
CITY = "云江市"
EAST = "东海市潮湾区"
REGION = "362735"   # fictional 6-digit region prefix used for all 身份证号

TOWNS = {
    "青石镇": ["枫林村", "石桥村", "上寨村", "青石社区"],
    "柳河镇": ["柳河村", "杨家湾村", "新塘村", "凤凰村"],
    "白沙乡": ["白沙村", "牛角村", "茶园村"],
    "龙潭镇": ["龙潭村", "竹山村", "下坝村", "金鸡村"],
    "桂溪乡": ["桂溪村", "花桥村", "岩口村"],
    "石门镇": ["石门村", "高田村", "水口村", "大坪村"],
    "上坪乡": ["上坪村", "黄泥村", "松树村"],
}
TOWN_LIST = list(TOWNS)

def gov(town):
    return town + "人民政府"

# ---------------------------------------------------------------- frameworks
FW = {}
SHIJI = set()
for fn in ("framework-shiji-kaohe.toml", "framework-hou-pinggu.toml"):
    d = tomllib.loads((REF / fn).read_text(encoding="utf-8"))
    for cat in d.get("category", []):
        for ind in cat.get("indicator", []) + cat.get("item", []):
            FW[ind["code"]] = ind["evidence"]
            if fn.startswith("framework-shiji"):
                SHIJI.add(ind["code"])
    for adj in d.get("adjustment", []):
        FW[adj["code"]] = adj["evidence"]
        SHIJI.add(adj["code"])

def cov(*pairs):
    out = []
    for c, n in pairs:
        out.append({"code": c, "item": n, "text": FW[c][n - 1]})
    return out

LABELS, LEDGERS, TEXT, PIXEL = {}, {}, {}, {}

def label(rel, unit, unit_stated, date, date_stated, title, title_stated, kind, covers, text="", pixel=""):
    assert rel not in LABELS, rel
    codes = [c["code"] for c in covers]
    ind = next((c for c in codes if c in SHIJI), None)
    also = []
    for c in codes:
        if c != ind and c not in also:
            also.append(c)
    LABELS[rel] = {"indicator": ind, "also": also, "unit": unit, "unit_stated": unit_stated,
                   "date": date, "date_stated": date_stated, "title": title,
                   "title_stated": title_stated, "kind": kind, "covers": covers}
    TEXT[rel] = text
    PIXEL[rel] = pixel

# ---------------------------------------------------------------- people
SURN = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范廖石邹熊金")
GIV = list("德明华建国平秀英兰芳军红伟强丽霞玉春海林云芬志勇桂生福成文凤清娟梅金荣贵刚全珍永宝辉亮燕琴翠连双喜运发光财顺")
_used_ids = set()
PR = random.Random(7301)

def person_name(r=PR):
    n = r.choice(SURN) + r.choice(GIV)
    if r.random() < 0.7:
        n += r.choice(GIV)
    return n

def id_check(body17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(a) * b for a, b in zip(body17, w))
    return "10X98765432"[s % 11]

def make_id(r=PR, y0=1942, y1=2008, sex=None):
    while True:
        b = dt.date(r.randint(y0, y1), r.randint(1, 12), r.randint(1, 28))
        seq = r.randint(0, 99)
        sd = r.randint(0, 9)
        if sex == "男" and sd % 2 == 0: sd += 1
        if sex == "女" and sd % 2 == 1: sd -= 1
        body = REGION + b.strftime("%Y%m%d") + f"{seq:02d}{sd}"
        i = body + id_check(body)
        if i not in _used_ids:
            _used_ids.add(i)
            return i

def sex_of(i):
    return "男" if int(i[16]) % 2 else "女"

def phone(r=PR):
    return r.choice(["13", "15", "18", "17", "19"]) + str(r.randint(0, 9)) + "".join(str(r.randint(0, 9)) for _ in range(8))

CN_DIG = "〇一二三四五六七八九"
def cn_date(d):
    y = "".join(CN_DIG[int(c)] for c in str(d.year))
    def num(n):
        if n < 10: return CN_DIG[n]
        if n == 10: return "十"
        if n < 20: return "十" + CN_DIG[n - 10]
        return CN_DIG[n // 10] + "十" + (CN_DIG[n % 10] if n % 10 else "")
    return f"{y}年{num(d.month)}月{num(d.day)}日"

def ar_date(d):
    return f"{d.year}年{d.month}月{d.day}日"

def D(y, m, d):
    return dt.date(y, m, d)

def ensure(rel):
    p = OUT / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    return p

# ---------------------------------------------------------------- xlsx helpers
THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

class XL:
    def __init__(self, rel, sheet="Sheet1", author="Administrator", created=None):
        self.rel = rel
        self.wb = openpyxl.Workbook()
        self.ws = self.wb.active
        self.ws.title = sheet
        self.r = 0
        self.errors = []
        self.wb.properties.creator = author
        self.wb.properties.lastModifiedBy = author
        c = created or dt.datetime(2024, 11, 2, 9, 0, 0)
        self.wb.properties.created = c
        self.wb.properties.modified = c

    def title(self, text, ncol, size=16):
        self.r += 1
        c = self.ws.cell(self.r, 1, text)
        c.font = Font(name="宋体", size=size, bold=True)
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if ncol > 1:
            self.ws.merge_cells(start_row=self.r, start_column=1, end_row=self.r, end_column=ncol)
        self.ws.row_dimensions[self.r].height = 30
        return self.r

    def merged(self, text, ncol, align="left"):
        self.r += 1
        c = self.ws.cell(self.r, 1, text)
        c.alignment = Alignment(horizontal=align)
        if ncol > 1:
            self.ws.merge_cells(start_row=self.r, start_column=1, end_row=self.r, end_column=ncol)
        return self.r

    def row(self, vals, border=True, bold=False, start=1):
        self.r += 1
        for j, v in enumerate(vals):
            c = self.ws.cell(self.r, start + j, v)
            if border:
                c.border = BORDER
            if bold:
                c.font = Font(bold=True)
            c.alignment = Alignment(horizontal="center" if not isinstance(v, str) or len(v) < 12 else "left",
                                    vertical="center", wrap_text=True)
        return self.r

    def header(self, vals):
        return self.row(vals, bold=True)

    def blank(self):
        self.r += 1
        return self.r

    def err(self, row, col, kind, sheet=None):
        self.errors.append({"sheet": sheet or self.ws.title, "row": row, "column": col, "kind": kind})

    def sheet(self, name):
        self.ws = self.wb.create_sheet(name)
        self.r = 0
        return self.ws

    def widths(self, ws=None, w=None):
        ws = ws or self.ws
        for j, x in enumerate(w, 1):
            ws.column_dimensions[get_column_letter(j)].width = x

    def save(self, tricky, unit, unit_stated, date, date_stated, title, title_stated, covers, kind="ledger"):
        p = ensure(self.rel)
        for ws in self.wb.worksheets:
            if not any(ws.column_dimensions[get_column_letter(j)].width for j in range(1, 3)):
                pass
        self.wb.save(p)
        parts = []
        for ws in self.wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                for v in row:
                    if v is not None:
                        parts.append(str(v))
        label(self.rel, unit, unit_stated, date, date_stated, title, title_stated, kind, covers, "\n".join(parts))
        if self.errors:
            LEDGERS[self.rel] = {"clean": False, "errors": self.errors}
        else:
            LEDGERS[self.rel] = {"clean": True, "tricky": bool(tricky), "errors": []}

def pct(a, b, nd=2):
    return round(a * 100.0 / b, nd) if b else 0.0

def villages_sample(r, n):
    out = []
    for _ in range(n):
        t = r.choice(TOWN_LIST)
        out.append((t, r.choice(TOWNS[t])))
    return out

MON_TYPES = ["脱贫不稳定户", "边缘易致贫户", "突发严重困难户"]
RISKS = ["因病", "因残", "因学", "因意外事故", "因务工就业不稳", "因自然灾害", "缺劳动力"]
MEASURES = ["落实医疗救助+公益性岗位", "产业奖补+小额信贷", "纳入低保", "雨露计划+教育资助", "务工就业帮扶", "临时救助+产业帮扶"]

# ================================================================ LEDGERS WITH PLANTED ERRORS
def ledger_errors():
    # E1 监测对象台账: duplicate_id + empty_required(户主姓名)
    r = random.Random(101)
    x = XL("县乡村振兴局/2024年防止返贫监测对象台账（截至11月30日）.xlsx", "监测对象", author="邹晓芳")
    hdr = ["序号", "乡镇", "村（社区）", "户主姓名", "身份证号", "家庭人口", "联系电话", "监测类型", "主要风险",
           "识别纳入时间", "帮扶措施", "风险消除情况", "消除时间", "备注"]
    t = "丰泰县防止返贫监测对象识别纳入和风险消除台账（截至2024年11月30日）"
    x.title(t, len(hdr))
    x.merged("填报单位：丰泰县乡村振兴局        填报人：邹晓芳        联系电话：0796-6231057", len(hdr))
    x.header(hdr)
    ids = []
    for i in range(1, 33):
        tw, vil = villages_sample(r, 1)[0]
        pid = make_id(r, 1950, 1990)
        incl = D(r.choice([2022, 2023, 2024]), r.randint(1, 12), r.randint(1, 28))
        removed = r.random() < 0.45
        rv = [i, tw, vil, person_name(r), pid, r.randint(1, 6), phone(r), r.choice(MON_TYPES), r.choice(RISKS),
              incl.strftime("%Y-%m-%d"), r.choice(MEASURES), "已消除" if removed else "未消除",
              (incl + dt.timedelta(days=r.randint(150, 400))).strftime("%Y-%m-%d") if removed else "", ""]
        rr = x.row(rv)
        ids.append((rr, pid))
    # plant
    dup_row = ids[20][0]
    x.ws.cell(dup_row, 5, ids[6][1])
    x.err(dup_row, "身份证号", "duplicate_id")
    x.ws.cell(ids[13][0], 4).value = None
    x.err(ids[13][0], "户主姓名", "empty_required")
    x.widths(w=[6, 8, 10, 9, 21, 6, 13, 13, 10, 12, 22, 10, 12, 8])
    x.save(False, "丰泰县乡村振兴局", True, "2024-11-30", True, t, True, cov(("A01", 2), ("P01", 1)))

    # E2 控辍保学台账: duplicate_id + empty_required(身份证号)
    r = random.Random(102)
    x = XL("县教育局/控辍保学动态监测台账（秋季学期）.xlsx", "控辍保学", author="Administrator")
    hdr = ["序号", "学生姓名", "性别", "身份证号", "就读学校", "年级", "户籍乡镇", "户籍村", "监护人", "联系电话",
           "失学辍学原因", "劝返复学情况", "复学时间"]
    t = "丰泰县2024年秋季学期义务教育控辍保学工作台账"
    x.title(t, len(hdr))
    x.row(["报送单位：", "丰泰县教育局", "", "", "", "", "", "", "填报日期：2024.12.20"], border=False)
    x.blank()
    x.header(hdr)
    schools = ["丰泰县第二中学", "青石镇中心小学", "柳河镇中学", "白沙乡中心学校", "龙潭镇九年一贯制学校", "石门镇中学", "丰泰县特殊教育学校"]
    rows = []
    for i in range(1, 19):
        tw, vil = villages_sample(r, 1)[0]
        pid = make_id(r, 2009, 2017)
        rr = x.row([i, person_name(r), sex_of(pid), pid, r.choice(schools), r.choice(["五年级", "六年级", "七年级", "八年级", "九年级"]),
                    tw, vil, person_name(r), phone(r), r.choice(["厌学", "外出随迁", "身体原因", "家庭困难", "沉迷网络"]),
                    r.choice(["已劝返复学", "已劝返复学", "送教上门", "已劝返复学"]),
                    D(2024, r.randint(9, 11), r.randint(1, 28)).strftime("%Y/%m/%d")])
        rows.append((rr, pid))
    x.ws.cell(rows[11][0], 4, rows[3][1]); x.err(rows[11][0], "身份证号", "duplicate_id")
    x.ws.cell(rows[15][0], 4).value = None; x.err(rows[15][0], "身份证号", "empty_required")
    x.widths(w=[6, 9, 5, 21, 20, 8, 9, 10, 9, 13, 12, 12, 12])
    x.save(False, "丰泰县教育局", True, "2024-12-20", True, t, True, cov(("A02", 1), ("P02", 1)))

    # E3 参保统计: wrong_total + wrong_rate
    r = random.Random(103)
    x = XL("2024年脱贫人口和监测对象参加城乡居民医保情况统计表.xlsx", "参保统计", author="医保局待遇股")
    hdr = ["乡镇", "脱贫人口及监测对象（人）", "已参保人数（人）", "参保率（%）", "资助参保人数（人）", "资助金额（元）",
           "医疗救助人次", "医疗救助金额（元）"]
    t = "丰泰县脱贫人口和监测对象参加城乡居民医保及医疗救助情况统计表（截至2024年9月30日）"
    x.title(t, len(hdr), size=14)
    x.merged("制表单位（盖章）：丰泰县医疗保障局", len(hdr))
    x.header(hdr)
    tot = [0] * 7; rws = {}
    for tw in TOWN_LIST:
        n = r.randint(3200, 9800); ins = n - r.randint(0, 6); sub = int(ins * r.uniform(0.85, 0.99))
        amt = sub * 350; cnt = r.randint(300, 1500); ramt = cnt * r.randint(600, 1400)
        vals = [n, ins, pct(ins, n), sub, amt, cnt, ramt]
        rws[tw] = x.row([tw] + vals)
        for k in (0, 1, 3, 4, 5, 6): tot[k] += vals[k]
    tot[1] += 120
    tot[2] = pct(tot[1], tot[0])
    tr = x.row(["合计"] + tot, bold=True)
    x.err(tr, "已参保人数（人）", "wrong_total")
    rr = rws["白沙乡"]; x.ws.cell(rr, 4, round(x.ws.cell(rr, 4).value - 1.37, 2)); x.err(rr, "参保率（%）", "wrong_rate")
    x.merged("注：资助标准按省医保局文件执行，特困人员全额资助，低保对象、返贫致贫人口定额资助。", len(hdr))
    x.widths(w=[10, 14, 12, 10, 12, 14, 12, 14])
    x.save(False, "丰泰县医疗保障局", True, "2024-09-30", True, t, True, cov(("A02", 2), ("P03", 1), ("P03", 2)))

    # E4 务工就业统计: wrong_total
    r = random.Random(104)
    x = XL("县人社局/脱贫劳动力务工就业统计表(10月).xlsx", "10月", author="Administrator")
    hdr = ["乡镇", "脱贫劳动力（人）", "务工总人数", "其中：县内", "其中：县外省内", "其中：省外", "务工率（%）"]
    t = "丰泰县2024年脱贫劳动力（含监测对象）务工就业情况统计表"
    x.title(t, len(hdr))
    x.merged("（截至2024年10月31日）", len(hdr), align="center")
    x.merged("填报单位：丰泰县就业服务中心    审核人：欧阳立新    制表人：彭晓梅", len(hdr))
    x.header(hdr)
    tot = [0] * 5
    for tw in TOWN_LIST:
        lab = r.randint(4000, 12000); a = r.randint(800, 2000); b = r.randint(600, 1500); c = r.randint(1500, 4000)
        w = a + b + c
        x.row([tw, lab, w, a, b, c, pct(w, lab)])
        for k, v in enumerate([lab, w, a, b, c]): tot[k] += v
    tr = x.row(["合计", tot[0], tot[1] - 300, tot[2], tot[3], tot[4], pct(tot[1] - 300, tot[0])], bold=True)
    x.err(tr, "务工总人数", "wrong_total")
    x.widths(w=[10, 14, 12, 10, 14, 10, 10])
    x.save(False, "丰泰县就业服务中心", True, "2024-10-31", True, t, True, cov(("A03", 1), ("P05", 2)))

    # E5 公益性岗位: empty_required x2 (联系电话)
    r = random.Random(105)
    x = XL("附件1.xlsx", "聘用台账", author="wcl")
    hdr = ["序号", "村", "姓名", "身份证号", "联系电话", "岗位类型", "聘用起止时间", "月补贴（元）", "1月", "2月", "3月", "4月", "5月", "考勤备注"]
    t = "白沙乡2024年乡村公益性岗位人员聘用和考勤台账"
    x.title(t, len(hdr))
    x.merged("填报单位：白沙乡人民政府    填报人：吴春兰    日期：2024/6/3", len(hdr))
    x.header(hdr)
    rr = []
    for i in range(1, 23):
        vil = r.choice(TOWNS["白沙乡"])
        pid = make_id(r, 1960, 1985)
        rr.append(x.row([i, vil, person_name(r), pid, phone(r), r.choice(["保洁员", "护林员", "护路员", "水管员", "公益性岗位（村级）"]),
                         "2024.01-2024.12", 600] + [r.choice([22, 22, 21, 20, 23]) for _ in range(5)] + [""]))
    x.ws.cell(rr[5], 5).value = None; x.err(rr[5], "联系电话", "empty_required")
    x.ws.cell(rr[17], 5).value = None; x.err(rr[17], "联系电话", "empty_required")
    x.sheet("说明")
    x.ws.cell(1, 1, "1. 考勤按每月实际出勤天数填写，请假需注明。")
    x.ws.cell(2, 1, "2. 补贴于次月10日前打卡发放。")
    x.save(False, "白沙乡人民政府", True, "2024-06-03", True, t, True, cov(("A03", 3), ("P05", 3)))

    # E6 衔接资金: wrong_rate + wrong_total
    r = random.Random(106)
    x = XL("县财政局/2024年衔接资金分配和支出进度表.xlsx", "支出进度", author="丰泰县财政局")
    hdr = ["资金来源", "下达资金（万元）", "已支出（万元）", "支出进度（%）", "其中用于产业发展（万元）", "产业发展占比（%）", "备注"]
    t = "丰泰县2024年财政衔接推进乡村振兴补助资金分配和支出进度表"
    x.title(t, len(hdr))
    x.row(["制表单位：", "", "丰泰县财政局", "", "截至2024年12月31日", "单位：万元"], border=False)
    x.header(hdr)
    tot = [0.0] * 3; rws = []
    for src in ["中央资金", "省级资金", "市级资金", "县级资金"]:
        a = round(r.uniform(800, 9000), 2); s = round(a * r.uniform(0.9, 1.0), 2); ind = round(a * r.uniform(0.55, 0.7), 2)
        rws.append(x.row([src, a, s, pct(s, a), ind, pct(ind, a), ""]))
        tot[0] += a; tot[1] += s; tot[2] += ind
    tot = [round(v, 2) for v in tot]
    w0 = round(tot[0] + 50, 2)
    tr = x.row(["合计", w0, tot[1], pct(tot[1], w0), tot[2], pct(tot[2], w0), ""], bold=True)
    x.err(tr, "下达资金（万元）", "wrong_total")
    c = x.ws.cell(rws[1], 4); c.value = round(c.value + 4.0, 2); x.err(rws[1], "支出进度（%）", "wrong_rate")
    x.widths(w=[12, 14, 12, 12, 18, 14, 10])
    x.save(False, "丰泰县财政局", True, "2024-12-31", True, t, True, cov(("A04", 1), ("P05", 1)))

    # E7 粮食播种面积产量: wrong_total (总产); 合计单产 is a weighted value (correct)
    r = random.Random(107)
    x = XL("2024年全县粮食播种面积和产量统计表.xlsx", "粮食", author="Administrator", created=dt.datetime(2025, 1, 8, 10, 0))
    hdr = ["乡镇", "播种面积（亩）", "单产（公斤/亩）", "总产量（吨）", "备注"]
    t = "丰泰县2024年粮食播种面积和产量统计表"
    x.title(t, len(hdr))
    x.merged("填报单位：丰泰县农业农村局", len(hdr))
    x.header(hdr)
    A = P = 0
    for tw in TOWN_LIST:
        a = r.randint(30000, 72000); y = r.randint(380, 460); p = round(a * y / 1000, 1)
        x.row([tw, a, y, p, ""]); A += a; P += p
    P = round(P, 1)
    tr = x.row(["合计", A, round((P + 850) * 1000 / A, 1), round(P + 850, 1), ""], bold=True)
    x.err(tr, "总产量（吨）", "wrong_total")
    x.blank()
    x.row(["", "", "", "2025年1月8日"], border=False)
    x.widths(w=[12, 14, 14, 14, 12])
    x.save(False, "丰泰县农业农村局", True, "2025-01-08", True, t, True, cov(("B01", 1)))

    # E8 撂荒地整治: wrong_total; unit only from folder
    r = random.Random(108)
    x = XL("柳河镇/撂荒地整治台账.xlsx", "Sheet1", author="Administrator")
    hdr = ["序号", "村", "地块位置", "撂荒面积（亩）", "已整治面积（亩）", "复耕种植作物", "整治方式", "计划完成时间", "责任人"]
    t = "柳河镇撂荒地整治台账"
    x.title(t, len(hdr))
    x.header(hdr)
    A = B = 0
    for i in range(1, 15):
        vil = r.choice(TOWNS["柳河镇"])
        a = round(r.uniform(3, 40), 1); b = a if r.random() < 0.7 else round(a * r.uniform(0.3, 0.9), 1)
        x.row([i, vil, r.choice(["大塘坑", "后山垅", "河边田", "老屋场", "新开田", "水库下"]) + r.choice(["组", "片"]), a, b,
               r.choice(["水稻", "油菜", "玉米", "大豆", "红薯"]), r.choice(["村集体流转复耕", "农户自种", "合作社托管"]),
               "" if a == b else "2025-06", person_name(r)])
        A += a; B += b
    tr = x.row(["合计", "", "", round(A, 1), round(B - 6.5, 1), "", "", "", ""], bold=True)
    x.err(tr, "已整治面积（亩）", "wrong_total")
    x.save(False, "柳河镇人民政府", False, None, False, t, True, cov(("B01", 4)))

    # E9 村级集体经济收入: wrong_total + wrong_rate
    r = random.Random(109)
    x = XL("村级集体经济收入统计表2024.xlsx", "收入统计", author="丰泰县农业农村局")
    hdr = ["乡镇", "村", "2023年收入（万元）", "2024年收入（万元）", "增长率（%）", "其中经营性收入（万元）", "是否薄弱村"]
    t = "丰泰县2024年村级集体经济收入统计表"
    x.title(t, len(hdr))
    x.merged("制表单位（盖章）：丰泰县农业农村局                                     填报日期：2025年1月6日", len(hdr))
    x.header(hdr)
    s23 = s24 = sop = 0.0; rws = []
    for tw in TOWN_LIST:
        for vil in TOWNS[tw]:
            a = round(r.uniform(6, 60), 2); b = round(a * r.uniform(1.02, 1.35), 2); op = round(b * r.uniform(0.4, 0.8), 2)
            rws.append(x.row([tw, vil, a, b, pct(b - a, a), op, "否" if b >= 10 else "是"]))
            s23 += a; s24 += b; sop += op
    s23, s24, sop = round(s23, 2), round(s24, 2), round(sop, 2)
    w24 = round(s24 + 18.4, 2)
    tr = x.row(["合计", "", s23, w24, pct(w24 - s23, s23), sop, ""], bold=True)
    x.err(tr, "2024年收入（万元）", "wrong_total")
    c = x.ws.cell(rws[9], 5); c.value = round(c.value * 2 + 5, 2); x.err(rws[9], "增长率（%）", "wrong_rate")
    x.widths(w=[10, 10, 14, 14, 10, 16, 10])
    x.save(False, "丰泰县农业农村局", True, "2025-01-06", True, t, True, cov(("B03", 1)))

    # E10 户厕改造验收台账: wrong_rate
    r = random.Random(110)
    x = XL("青石镇/青石镇2024年户厕改造验收台账.xlsx", "验收台账", author="青石镇农业综合服务中心")
    hdr = ["村（社区）", "年度任务（户）", "已完工（户）", "已验收合格（户）", "完成率（%）", "验收时间", "验收人员"]
    t = "青石镇2024年农村户厕改造验收台账"
    x.title(t, len(hdr))
    x.merged("报送单位：青石镇人民政府", len(hdr))
    x.header(hdr)
    T = W = V = 0; rws = []
    for vil in TOWNS["青石镇"]:
        tk = r.randint(40, 120); w = tk - r.randint(0, 5); v = w - r.randint(0, 3)
        rws.append(x.row([vil, tk, w, v, pct(w, tk), D(2024, r.randint(9, 11), r.randint(1, 28)).strftime("%Y.%m.%d"),
                          person_name(r) + "、" + person_name(r)]))
        T += tk; W += w; V += v
    x.row(["合计", T, W, V, pct(W, T), "", ""], bold=True)
    c = x.ws.cell(rws[2], 5); c.value = 100.0; x.err(rws[2], "完成率（%）", "wrong_rate")
    x.blank()
    x.row(["", "", "", "", "2024年11月20日"], border=False)
    x.save(False, "青石镇人民政府", True, "2024-11-20", True, t, True, cov(("C01", 1)))

    # E11 低保特困发放: duplicate_id + wrong_total
    r = random.Random(111)
    x = XL("县民政局/2024年12月农村低保特困供养资金发放台账.xlsx", "12月", author="民政局社会救助股")
    hdr = ["序号", "乡镇", "村", "户主姓名", "身份证号", "保障类别", "保障人数", "月发放金额（元）", "备注"]
    t = "丰泰县2024年12月农村低保、特困供养资金发放台账"
    x.title(t, len(hdr))
    x.row(["填报单位：", "丰泰县民政局", "", "", "", "", "单位：元、人"], border=False)
    x.header(hdr)
    S = N = 0; rws = []
    for i in range(1, 31):
        tw, vil = villages_sample(r, 1)[0]; pid = make_id(r, 1940, 1985)
        cat = r.choice(["农村低保", "农村低保", "农村低保", "特困供养（分散）", "特困供养（集中）"])
        n = 1 if "特困" in cat else r.randint(1, 5)
        amt = n * (480 if "低保" in cat else 780)
        rws.append((x.row([i, tw, vil, person_name(r), pid, cat, n, amt, ""]), pid)); S += amt; N += n
    x.ws.cell(rws[24][0], 5, rws[2][1]); x.err(rws[24][0], "身份证号", "duplicate_id")
    tr = x.row(["合计", "", "", "", "", "", N, S + 960, ""], bold=True)
    x.err(tr, "月发放金额（元）", "wrong_total")
    x.save(False, "丰泰县民政局", True, None, False, t, True, cov(("F02", 3), ("P06", 1)))

    # E12 高素质农民花名册: duplicate_id + empty_required(联系电话)
    r = random.Random(112)
    x = XL("2024年高素质农民培育（种植业班）学员花名册.xlsx", "学员", author="刘建平")
    hdr = ["序号", "姓名", "性别", "身份证号", "文化程度", "乡镇", "村", "联系电话", "从事产业", "结业情况"]
    t = "2024年丰泰县高素质农民培育种植业班学员花名册"
    x.title(t, len(hdr))
    x.merged("承办单位：丰泰县农业技术推广中心    培训时间：2024年5月13日—5月19日    培训地点：县农广校", len(hdr))
    x.header(hdr)
    rws = []
    for i in range(1, 41):
        tw, vil = villages_sample(r, 1)[0]; pid = make_id(r, 1965, 1998)
        rws.append((x.row([i, person_name(r), sex_of(pid), pid, r.choice(["初中", "高中", "中专", "大专", "初中"]), tw, vil, phone(r),
                           r.choice(["水稻", "脐橙", "茶叶", "蔬菜", "油茶", "中药材"]), "合格"]), pid))
    x.ws.cell(rws[33][0], 4, rws[8][1]); x.err(rws[33][0], "身份证号", "duplicate_id")
    x.ws.cell(rws[27][0], 8).value = None; x.err(rws[27][0], "联系电话", "empty_required")
    x.save(False, "丰泰县农业技术推广中心", True, None, False, t, True, cov(("E04", 1)))

    # E13 垃圾中转站运行台账: wrong_total
    r = random.Random(113)
    x = XL("龙潭镇/龙潭镇垃圾中转站运行台账（7-9月）.xlsx", "运行台账", author="Administrator")
    hdr = ["日期", "进站车次", "进站量（吨）", "外运量（吨）", "外运去向", "值班人员", "备注"]
    t = "龙潭镇生活垃圾中转站运行台账（2024年7月—9月）"
    x.title(t, len(hdr))
    x.merged("报送单位：龙潭镇人民政府", len(hdr))
    x.header(hdr)
    s1 = s2 = s3 = 0
    day = D(2024, 7, 1)
    names = [person_name(r) for _ in range(3)]
    while day <= D(2024, 9, 30):
        if day.day % 3 == 1:
            n = r.randint(4, 9); q = round(n * r.uniform(2.2, 3.1), 1); o = q
            x.row([day.strftime("%Y-%m-%d"), n, q, o, "县生活垃圾焚烧发电厂", r.choice(names), ""])
            s1 += n; s2 += q; s3 += o
        day += dt.timedelta(days=1)
    tr = x.row(["合计", s1, round(s2 + 12.0, 1), round(s3, 1), "", "", ""], bold=True)
    x.err(tr, "进站量（吨）", "wrong_total")
    x.save(False, "龙潭镇人民政府", True, None, False, t, True, cov(("C02", 2)))

    # E14 消费帮扶统计: wrong_total
    r = random.Random(114)
    x = XL("2024年消费帮扶工作统计表.xlsx", "统计", author="丰泰县乡村振兴局")
    hdr = ["销售渠道", "销售额（万元）", "带动脱贫户（户）", "主要产品", "备注"]
    t = "丰泰县2024年消费帮扶工作统计表（截至2024年12月20日）"
    x.title(t, len(hdr))
    x.merged("报送单位：丰泰县乡村振兴局", len(hdr))
    x.header(hdr)
    s = 0.0; h = 0
    for ch, prod in [("预算单位832平台采购", "大米、茶油"), ("东西部协作（东海市潮湾区）", "脐橙、笋干"), ("定点帮扶单位采购", "茶叶、腊味"),
                     ("工会福利采购", "大米、蜂蜜"), ("消费帮扶专馆（专柜）", "各类农特产品"), ("电商直播带货", "脐橙、红薯粉")]:
        v = round(r.uniform(120, 2600), 2); hh = r.randint(200, 3000)
        x.row([ch, v, hh, prod, ""]); s += v; h += hh
    tr = x.row(["合计", round(s + 100, 2), h, "", ""], bold=True)
    x.err(tr, "销售额（万元）", "wrong_total")
    x.save(False, "丰泰县乡村振兴局", True, "2024-12-20", True, t, True, cov(("A05", 5)))

    # E15 残疾人两项补贴: wrong_total
    r = random.Random(115)
    x = XL("新建 XLSX 工作表.xlsx", "Sheet1", author="Administrator")
    hdr = ["序号", "村", "姓名", "身份证号", "残疾类别", "残疾等级", "生活补贴（元）", "护理补贴（元）", "合计（元）"]
    t = "桂溪乡2024年第四季度困难残疾人生活补贴和重度残疾人护理补贴发放表"
    x.title(t, len(hdr), size=13)
    x.merged("制表：桂溪乡社会事务办", len(hdr))
    x.header(hdr)
    s1 = s2 = 0
    for i in range(1, 21):
        pid = make_id(r, 1945, 2005); lvl = r.choice(["一级", "二级", "三级", "四级"])
        a = 270 if r.random() < 0.7 else 0; b = 270 if lvl in ("一级", "二级") else 0
        if a == 0 and b == 0: a = 270
        x.row([i, r.choice(TOWNS["桂溪乡"]), person_name(r), pid, r.choice(["肢体", "视力", "智力", "精神", "听力"]), lvl, a, b, a + b])
        s1 += a; s2 += b
    tr = x.row(["合计", "", "", "", "", "", s1, s2 + 270, s1 + s2], bold=True)
    x.err(tr, "护理补贴（元）", "wrong_total")
    x.save(False, "桂溪乡社会事务办", True, None, False, t, True, cov(("P06", 2)))

FW_DIGITS = str.maketrans("0123456789.", "０１２３４５６７８９．")

# ================================================================ TRICKY CLEAN LEDGERS
def ledger_tricky():
    # T1 秋粮: 合计 单产 = weighted (total/area); 其中 sub-row excluded
    r = random.Random(201)
    x = XL("2024年秋粮生产情况统计表.xlsx", "秋粮", author="丰泰县农业技术推广中心")
    hdr = ["作物", "播种面积（亩）", "单产（公斤/亩）", "总产（吨）", "比上年增减（吨）"]
    t = "丰泰县2024年秋粮生产情况统计表"
    x.title(t, 5)
    x.row(["填报单位：丰泰县农业技术推广中心", "", "", "填报日期：2024年11月15日"], border=False)
    x.header(hdr)
    A = P = Dd = 0
    for crop in ["中稻", "晚稻", "玉米", "大豆", "薯类（折粮）"]:
        a = r.randint(8000, 120000); y = r.randint(150, 480); p = round(a * y / 1000, 1); d = round(r.uniform(-200, 900), 1)
        x.row([crop, a, y, p, d]); A += a; P += p; Dd += d
        if crop == "中稻":
            sa = int(a * 0.62); sy = y + 15
            x.row(["  其中：再生稻头季", sa, sy, round(sa * sy / 1000, 1), ""])
    P = round(P, 1)
    x.row(["合计", A, round(P * 1000 / A, 1), P, round(Dd, 1)], bold=True)
    x.merged("说明：单产合计栏为总产除以播种面积计算。", 5)
    x.save(True, "丰泰县农业技术推广中心", True, "2024-11-15", True, t, True, cov(("B01", 1)))

    # T2 衔接资金分乡镇: 县本级 is an ordinary row
    r = random.Random(202)
    x = XL("2024年衔接资金分乡镇下达明细表.xlsx", "分乡镇", author="Administrator")
    hdr = ["单位", "项目个数", "下达资金（万元）", "其中产业发展（万元）", "产业发展占比（%）"]
    t = "丰泰县2024年衔接推进乡村振兴补助资金分乡镇下达明细表"
    x.title(t, 5, size=14)
    x.merged("报送单位：丰泰县乡村振兴局    联系人：许文华    日期：2024年4月12日", 5)
    x.header(hdr)
    N = S = I = 0
    for u in ["县本级"] + TOWN_LIST:
        n = r.randint(4, 30); s = round(r.uniform(300, 2400), 2); i = round(s * r.uniform(0.45, 0.8), 2)
        x.row([u, n, s, i, pct(i, s)]); N += n; S += s; I += i
    S, I = round(S, 2), round(I, 2)
    x.row(["合计", N, S, I, pct(I, S)], bold=True)
    x.save(True, "丰泰县乡村振兴局", True, "2024-04-12", True, t, True, cov(("A04", 1), ("P05", 1)))

    # T3 脱贫人口收入监测: 合计 人均 = population-weighted; notes sheet with 全县 row
    r = random.Random(203)
    x = XL("县乡村振兴局/2024年脱贫人口收入监测分析表.xlsx", "分乡镇", author="丰泰县乡村振兴局")
    hdr = ["乡镇", "脱贫户（户）", "脱贫人口（人）", "2023年人均纯收入（元）", "2024年人均纯收入（元）", "增速（%）"]
    t = "丰泰县2024年脱贫人口人均纯收入监测分析表"
    x.title(t, 6)
    x.merged("填报单位：丰泰县乡村振兴局                 填报日期：2024.12.26", 6)
    x.header(hdr)
    H = Pn = 0; s23 = s24 = 0
    for tw in TOWN_LIST:
        h = r.randint(1200, 3500); p = int(h * r.uniform(3.1, 3.8)); a = r.randint(14500, 17800); b = int(a * r.uniform(1.06, 1.13))
        x.row([tw, h, p, a, b, pct(b - a, a)]); H += h; Pn += p; s23 += a * p; s24 += b * p
    A23 = round(s23 / Pn); A24 = round(s24 / Pn)
    x.row(["合计", H, Pn, A23, A24, pct(A24 - A23, A23)], bold=True)
    x.merged("注：合计栏人均纯收入按各乡镇脱贫人口加权计算。", 6)
    x.sheet("分类型")
    x.row(["类别", "人口（人）", "2024年人均纯收入（元）", "增速（%）"], bold=True)
    x.row(["全县", Pn, A24, pct(A24 - A23, A23)])
    x.row(["其中：监测对象", int(Pn * 0.06), int(A24 * 0.82), 12.31])
    x.row(["农村居民（统计部门）", "—", 19862, 6.8])
    x.save(True, "丰泰县乡村振兴局", True, "2024-12-26", True, t, True, cov(("F01", 2), ("S02", 1)))

    # T4 户厕改造任务分解: 其中 sub-rows excluded from 合计; 合计完成率 = total/total
    r = random.Random(204)
    x = XL("县农业农村局/2024年农村户厕改造任务分解表.xlsx", "任务分解", author="李国华")
    hdr = ["乡镇", "改厕任务（户）", "已完工（户）", "完成率（%）", "备注"]
    t = "丰泰县2024年农村户厕改造任务分解及完成情况表"
    x.title(t, 5)
    x.merged("填报单位：丰泰县农业农村局（农村社会事业促进股）      截至2024年10月31日", 5)
    x.header(hdr)
    T = W = 0
    for tw in TOWN_LIST:
        tk = r.randint(150, 600); w = tk - r.randint(0, 40)
        x.row([tw, tk, w, pct(w, tk), ""]); T += tk; W += w
        if tw in ("柳河镇", "石门镇"):
            st = int(tk * 0.4); sw = st - 2
            x.row(["  其中：整村推进村", st, sw, pct(sw, st), TOWNS[tw][1]])
    x.row(["合计", T, W, pct(W, T), ""], bold=True)
    x.save(True, "丰泰县农业农村局", True, "2024-10-31", True, t, True, cov(("C01", 1)))

    # T5 资产确权台账: per-town 小计 blocks, 合计 = sum of 小计
    r = random.Random(205)
    x = XL("县乡村振兴局/帮扶项目资产确权登记台账.xlsx", "资产台账", author="Administrator")
    hdr = ["序号", "乡镇", "村", "资产名称", "资产类别", "形成年度", "资产原值（万元）", "确权对象", "管护主体"]
    t = "丰泰县扶贫（帮扶）项目资产确权登记台账"
    x.title(t, 9)
    x.merged("报送单位：丰泰县乡村振兴局    统计截至：2024年12月31日", 9)
    x.header(hdr)
    G = 0.0; k = 1
    for tw in TOWN_LIST[:5]:
        sub = 0.0
        for _ in range(r.randint(3, 5)):
            vil = r.choice(TOWNS[tw]); v = round(r.uniform(8, 160), 2)
            nm, cat = r.choice([("村级光伏电站", "经营性"), ("产业路", "公益性"), ("冷链仓储库", "经营性"), ("安全饮水工程", "公益性"),
                                ("茶叶加工厂房", "经营性"), ("蔬菜大棚", "经营性"), ("机耕道", "公益性")])
            x.row([k, tw, vil, vil + nm, cat, r.choice([2017, 2018, 2019, 2020, 2021, 2022, 2023]), v, vil + "股份经济合作社", vil + "村民委员会"])
            k += 1; sub += v
        sub = round(sub, 2)
        x.row(["", tw + "小计", "", "", "", "", sub, "", ""], bold=True); G += sub
    x.row(["", "合计", "", "", "", "", round(G, 2), "", ""], bold=True)
    x.save(True, "丰泰县乡村振兴局", True, "2024-12-31", True, t, True, cov(("A04", 3), ("W01", 2)))

    # T6 土地流转备案: numbers as text ("1,280", full-width), 签约日期 distractors
    r = random.Random(206)
    x = XL("石门镇/土地经营权流转合同备案台账.xlsx", "备案台账", author="石门镇农经站")
    hdr = ["序号", "村", "流出方", "流入方", "流转面积（亩）", "流转期限（年）", "租金（元/亩·年）", "签约日期", "备案编号"]
    t = "石门镇土地经营权流转合同备案台账"
    x.title(t, 9)
    x.merged("填报单位：石门镇人民政府    填报日期：2024年12月18日", 9)
    x.header(hdr)
    A = 0
    for i in range(1, 13):
        vil = r.choice(TOWNS["石门镇"]); a = r.choice([45, 80, 120, 260, 350, 1280, 1650, 530, 96, 2100])
        A += a
        if a >= 1000:
            av = f"{a:,}"
        elif i % 4 == 0:
            av = str(a).translate(FW_DIGITS)
        elif i % 3 == 0:
            av = str(a)
        else:
            av = a
        x.row([i, vil, vil + ("等" + str(r.randint(8, 60)) + "户" if r.random() < 0.6 else person_name(r)),
               r.choice(["丰泰县绿源生态农业有限公司", "石门镇高田水稻种植专业合作社", "丰泰县金穗家庭农场", "丰泰县茗香茶业有限公司"]),
               av, r.choice([5, 8, 10, 15]), r.choice([300, 350, 400, 450]), D(r.choice([2019, 2021, 2023, 2024]), r.randint(1, 12), r.randint(1, 28)).strftime("%Y-%m-%d"),
               f"SMLZ2024-{i:03d}"])
    x.row(["合计", "", "", "", f"{A:,}", "", "", "", ""], bold=True)
    x.save(True, "石门镇人民政府", True, "2024-12-18", True, t, True, cov(("E03", 1)))

    # T7 危房改造验收: 合计验收率 = total/total
    r = random.Random(207)
    x = XL("2024年农村危房改造验收情况统计表.xlsx", "统计", author="丰泰县住房和城乡建设局")
    hdr = ["乡镇", "计划任务（户）", "已竣工（户）", "已验收（户）", "验收率（%）", "补助资金（万元）"]
    t = "丰泰县2024年农村低收入群体危房改造验收情况统计表"
    x.title(t, 6)
    x.row(["填报单位：", "丰泰县住房和城乡建设局", "", "填报日期：", "2024年12月10日"], border=False)
    x.header(hdr)
    T = C = V = 0; M = 0.0
    for tw in TOWN_LIST:
        tk = r.randint(6, 30); c = tk; v = tk - r.randint(0, 2); m = round(tk * r.uniform(1.8, 2.6), 2)
        x.row([tw, tk, c, v, pct(v, tk), m]); T += tk; C += c; V += v; M += m
    x.row(["合计", T, C, V, pct(V, T), round(M, 2)], bold=True)
    x.save(True, "丰泰县住房和城乡建设局", True, "2024-12-10", True, t, True, cov(("A02", 3), ("P04", 1)))

    # T8 畜禽粪污: 合计利用率 weighted
    r = random.Random(208)
    x = XL("规模养殖场畜禽粪污资源化利用台账.xlsx", "台账", author="Administrator")
    hdr = ["序号", "养殖场名称", "所在乡镇", "畜种", "存栏量（头/羽）", "粪污产生量（吨）", "资源化利用量（吨）", "利用率（%）", "利用方式"]
    t = "丰泰县2024年规模养殖场畜禽粪污资源化利用台账"
    x.title(t, 9)
    x.merged("填报单位：丰泰县农业农村局（畜牧水产股）", 9)
    x.header(hdr)
    G = U = 0.0
    for i in range(1, 13):
        tw = r.choice(TOWN_LIST); g = round(r.uniform(800, 9000), 1); u = round(g * r.uniform(0.86, 0.99), 1)
        sp = r.choice(["生猪", "生猪", "肉牛", "蛋鸡", "肉鸭"])
        x.row([i, tw + r.choice(["兴旺", "顺发", "绿野", "康达", "金丰"]) + sp + "养殖场", tw, sp, r.randint(500, 20000), g, u, pct(u, g),
               r.choice(["堆肥还田", "沼气+沼液还田", "有机肥加工", "种养结合"])])
        G += g; U += u
    x.row(["合计", "", "", "", "", round(G, 1), round(U, 1), pct(round(U, 1), round(G, 1)), ""], bold=True)
    x.save(True, "丰泰县农业农村局", True, None, False, t, True, cov(("C04", 2)))

    # T9 化肥农药减量: two-line header, rates stored as text "-3.2%"
    r = random.Random(209)
    x = XL("县农业农村局/化肥农药使用量统计.xlsx", "化肥农药", author="丰泰县农业技术推广中心")
    t = "丰泰县2024年化肥农药使用量统计表"
    x.title(t, 7)
    x.merged("填报单位：丰泰县农业技术推广中心    日期：2024/12/5", 7)
    x.row(["乡镇", "化肥使用量（折纯，吨）", "", "", "农药使用量（商品量，吨）", "", ""], bold=True)
    h2 = x.row(["", "2023年", "2024年", "增减", "2023年", "2024年", "增减"], bold=True)
    x.ws.merge_cells(start_row=h2 - 1, start_column=2, end_row=h2 - 1, end_column=4)
    x.ws.merge_cells(start_row=h2 - 1, start_column=5, end_row=h2 - 1, end_column=7)
    x.ws.merge_cells(start_row=h2 - 1, start_column=1, end_row=h2, end_column=1)
    a1 = a2 = b1 = b2 = 0.0
    for tw in TOWN_LIST:
        f1 = round(r.uniform(900, 2600), 1); f2 = round(f1 * r.uniform(0.95, 0.995), 1)
        p1 = round(r.uniform(20, 80), 2); p2 = round(p1 * r.uniform(0.93, 0.99), 2)
        x.row([tw, f1, f2, f"{pct(f2 - f1, f1, 1)}%", p1, p2, f"{pct(p2 - p1, p1, 1)}%"])
        a1 += f1; a2 += f2; b1 += p1; b2 += p2
    a1, a2, b1, b2 = round(a1, 1), round(a2, 1), round(b1, 2), round(b2, 2)
    x.row(["合计", a1, a2, f"{pct(a2 - a1, a1, 1)}%", b1, b2, f"{pct(b2 - b1, b1, 1)}%"], bold=True)
    x.save(True, "丰泰县农业技术推广中心", True, "2024-12-05", True, t, True, cov(("C04", 1)))

    # T10 送戏下乡/电影: blank spacer rows, 合计完成率 = total/total
    r = random.Random(210)
    x = XL("送戏下乡和农村公益电影放映场次统计表.xlsx", "场次", author="县文广旅体局")
    hdr = ["乡镇", "送戏任务（场）", "送戏完成（场）", "电影任务（场）", "电影完成（场）", "电影完成率（%）"]
    t = "丰泰县2024年送戏下乡和农村公益电影放映场次统计表"
    x.title(t, 6)
    x.merged("报送单位：丰泰县文化广电旅游体育局    截至2024年12月25日", 6)
    x.header(hdr)
    s = [0] * 4
    for i, tw in enumerate(TOWN_LIST):
        a = r.randint(6, 14); b = a + r.randint(0, 2); c = len(TOWNS[tw]) * 12; d_ = c - r.randint(0, 3)
        x.row([tw, a, b, c, d_, pct(d_, c)])
        for k, v in enumerate([a, b, c, d_]): s[k] += v
        if i in (2, 4):
            x.blank()
    x.row(["合计", s[0], s[1], s[2], s[3], pct(s[3], s[2])], bold=True)
    x.save(True, "丰泰县文化广电旅游体育局", True, "2024-12-25", True, t, True, cov(("D02", 3)))

    # T11 农村公路养护: two-line header, 备注, second notes sheet
    r = random.Random(211)
    x = XL("县交通运输局/农村公路建设和养护台账2024.xlsx", "养护台账", author="丰泰县农村公路养护中心")
    t = "丰泰县2024年农村公路建设和日常养护台账"
    x.title(t, 8)
    x.merged("填报单位：丰泰县农村公路养护中心                         截至2024年12月31日", 8)
    x.row(["乡镇", "新改建", "", "日常养护", "", "", "养护资金（万元）", "备注"], bold=True)
    h2 = x.row(["", "里程（公里）", "项目数", "养护里程（公里）", "优良中等路率（%）", "专职养护员（人）", "", ""], bold=True)
    for c1, c2 in [(2, 3), (4, 6)]:
        x.ws.merge_cells(start_row=h2 - 1, start_column=c1, end_row=h2 - 1, end_column=c2)
    for c in (1, 7, 8):
        x.ws.merge_cells(start_row=h2 - 1, start_column=c, end_row=h2, end_column=c)
    s = [0.0, 0, 0.0, 0, 0.0]
    for tw in TOWN_LIST:
        a = round(r.uniform(3, 25), 2); b = r.randint(1, 6); c = round(r.uniform(80, 260), 1); e = r.randint(6, 25); m = round(c * 0.1, 2)
        x.row([tw, a, b, c, round(r.uniform(82, 93), 1), e, m, r.choice(["", "", "含村道安防工程", "水毁修复3处"])])
        for k, v in enumerate([a, b, c, e, m]): s[k] += v
    x.row(["合计", round(s[0], 2), s[1], round(s[2], 1), "—", s[3], round(s[4], 2), ""], bold=True)
    x.sheet("填表说明")
    x.ws.cell(1, 1, "1. 优良中等路率以2024年度路况检测结果为准，合计栏不汇总。")
    x.ws.cell(2, 1, "2. 新改建里程含通组公路、产业路。")
    x.ws.cell(3, 1, "3. 计划2025年6月前完成剩余危桥改造。")
    x.save(True, "丰泰县农村公路养护中心", True, "2024-12-31", True, t, True, cov(("C03", 4)))

    # T12 饮水安全排查整改: per-town 小计 + 合计 of 小计
    r = random.Random(212)
    x = XL("县水利局/农村饮水安全排查整改台账.xlsx", "排查整改", author="丰泰县水利局")
    hdr = ["乡镇", "村", "排查户数", "发现问题（个）", "已整改（个）", "整改率（%）", "问题类型"]
    t = "丰泰县2024年农村供水保障和饮水安全排查整改台账"
    x.title(t, 7)
    x.merged("制表单位（盖章）：丰泰县水利局        2024年9月28日", 7)
    x.header(hdr)
    G = [0, 0, 0]
    for tw in TOWN_LIST[:4]:
        sub = [0, 0, 0]
        for vil in TOWNS[tw]:
            a = r.randint(300, 900); b = r.randint(1, 8); c = b - (1 if r.random() < 0.2 else 0)
            x.row([tw, vil, a, b, c, pct(c, b), r.choice(["水量不足", "水质浑浊", "管网老化", "季节性缺水"])])
            sub = [sub[0] + a, sub[1] + b, sub[2] + c]
        x.row([tw + "小计", "", sub[0], sub[1], sub[2], pct(sub[2], sub[1]), ""], bold=True)
        G = [G[k] + sub[k] for k in range(3)]
    x.row(["合计", "", G[0], G[1], G[2], pct(G[2], G[1]), ""], bold=True)
    x.save(True, "丰泰县水利局", True, "2024-09-28", True, t, True, cov(("A02", 4), ("P04", 2), ("R02", 1)))

    # T13 乡村旅游/电商: 合计 + 平均 row
    r = random.Random(213)
    x = XL("附件2 乡村旅游和农村电商发展情况统计表.xlsx", "统计", author="Administrator")
    hdr = ["乡镇", "乡村旅游接待（万人次）", "乡村旅游收入（万元）", "电商网店（个）", "农产品网络零售额（万元）"]
    t = "丰泰县2024年乡村旅游和农村电商发展情况统计表"
    x.merged("附件2", 5)
    x.title(t, 5)
    x.merged("填报单位：丰泰县商务局    填报日期：2024年12月16日", 5)
    x.header(hdr)
    s = [0.0, 0.0, 0, 0.0]
    for tw in TOWN_LIST:
        v = [round(r.uniform(2, 30), 2), round(r.uniform(300, 6000), 1), r.randint(20, 260), round(r.uniform(200, 5000), 1)]
        x.row([tw] + v); s = [s[k] + v[k] for k in range(4)]
    s = [round(s[0], 2), round(s[1], 1), s[2], round(s[3], 1)]
    x.row(["合计"] + s, bold=True)
    n = len(TOWN_LIST)
    x.row(["平均", round(s[0] / n, 2), round(s[1] / n, 1), round(s[2] / n, 1), round(s[3] / n, 1)])
    x.save(True, "丰泰县商务局", True, "2024-12-16", True, t, True, cov(("B02", 4)))

    # T14 土地出让收入用于农业农村: 合计占比 = total/total
    r = random.Random(214)
    x = XL("县财政局/土地出让收入用于农业农村支出统计表.xlsx", "统计", author="丰泰县财政局")
    hdr = ["季度", "土地出让收入（万元）", "土地出让收益（万元）", "用于农业农村支出（万元）", "占土地出让收益比例（%）"]
    t = "丰泰县2024年土地出让收入用于农业农村支出统计表"
    x.title(t, 5)
    x.merged("制表单位：丰泰县财政局    截至2024年12月31日", 5)
    x.header(hdr)
    s = [0.0] * 3
    for q in ["第一季度", "第二季度", "第三季度", "第四季度"]:
        a = round(r.uniform(4000, 16000), 2); b = round(a * r.uniform(0.3, 0.45), 2); c = round(b * r.uniform(0.45, 0.62), 2)
        x.row([q, a, b, c, pct(c, b)]); s = [s[0] + a, s[1] + b, s[2] + c]
    s = [round(v, 2) for v in s]
    x.row(["合计", s[0], s[1], s[2], pct(s[2], s[1])], bold=True)
    x.save(True, "丰泰县财政局", True, "2024-12-31", True, t, True, cov(("F03", 1)))

    # T15 返乡入乡创业: 县本级 row, 其中 columns
    r = random.Random(215)
    x = XL("2024年返乡入乡创业情况统计表.xlsx", "创业统计", author="Administrator")
    hdr = ["单位", "返乡入乡创业（人）", "其中：农民工", "其中：大学生", "其中：退役军人", "带动就业（人）"]
    t = "丰泰县2024年返乡入乡创业情况统计表"
    x.title(t, 6)
    x.row(["填报单位：丰泰县人力资源和社会保障局", "", "", "", "日期：2024/12/22"], border=False)
    x.header(hdr)
    s = [0] * 5
    for u in ["县本级（工业园区）"] + TOWN_LIST:
        b = r.randint(20, 120); c = r.randint(3, 20); d_ = r.randint(1, 10); a = b + c + d_ + r.randint(0, 8); e = a * r.randint(3, 7)
        x.row([u, a, b, c, d_, e]); s = [s[0] + a, s[1] + b, s[2] + c, s[3] + d_, s[4] + e]
    x.row(["合计"] + s, bold=True)
    x.save(True, "丰泰县人力资源和社会保障局", True, "2024-12-22", True, t, True, cov(("E04", 2)))

# ================================================================ ORDINARY LEDGERS
def ledger_ordinary():
    r = random.Random(301)
    x = XL("农业产业化龙头企业和农民合作社名录.xlsx", "名录", author="丰泰县农业农村局")
    hdr = ["序号", "名称", "类型", "级别", "所在乡镇", "主导产业", "负责人", "联系电话", "认定年份"]
    t = "丰泰县农业产业化龙头企业和农民专业合作社名录（2024年）"
    x.title(t, 9)
    x.header(hdr)
    ents = [("丰泰县茗香茶业有限公司", "龙头企业", "省级", "桂溪乡", "茶叶"), ("丰泰县绿源生态农业有限公司", "龙头企业", "市级", "石门镇", "蔬菜"),
            ("云江丰禾米业有限公司", "龙头企业", "省级", "柳河镇", "大米加工"), ("丰泰县金橙果业有限公司", "龙头企业", "市级", "青石镇", "脐橙"),
            ("白沙乡茶园村油茶专业合作社", "合作社", "国家级示范社", "白沙乡", "油茶"), ("龙潭镇竹山村笋竹专业合作社", "合作社", "省级示范社", "龙潭镇", "竹笋"),
            ("石门镇高田水稻种植专业合作社", "合作社", "市级示范社", "石门镇", "水稻"), ("上坪乡黄泥村中药材专业合作社", "合作社", "县级示范社", "上坪乡", "中药材"),
            ("青石镇枫林村股份经济合作社", "村集体经济组织", "—", "青石镇", "乡村旅游"), ("丰泰县金穗家庭农场", "家庭农场", "省级示范场", "石门镇", "水稻")]
    for i, e in enumerate(ents, 1):
        x.row([i] + list(e[:2]) + [e[2], e[3], e[4], person_name(r), phone(r), r.choice([2016, 2018, 2020, 2022, 2023])])
    x.save(False, "丰泰县农业农村局", True, None, False, t, True, cov(("B02", 2)))

    r = random.Random(302)
    x = XL("龙潭镇/网格员名单.xlsx", "网格员", author="Administrator")
    hdr = ["网格编号", "所属村", "网格员姓名", "性别", "联系电话", "负责户数", "巡查频次"]
    t = "龙潭镇综治网格员名单"
    x.title(t, 7)
    x.header(hdr)
    k = 1
    for vil in TOWNS["龙潭镇"]:
        for _ in range(3):
            x.row([f"LT-{k:03d}", vil, person_name(r), r.choice(["男", "女"]), phone(r), r.randint(80, 220), "每周不少于2次"]); k += 1
    x.save(False, "龙潭镇人民政府", False, None, False, t, True, cov(("E02", 4)))

    r = random.Random(303)
    x = XL("上坪乡矛盾纠纷排查调处台账.xlsx", "台账", author="上坪乡综治中心")
    hdr = ["序号", "排查日期", "村", "纠纷类型", "当事人", "简要情况", "调处结果", "调处人"]
    t = "上坪乡2024年矛盾纠纷排查调处台账"
    x.title(t, 8)
    x.merged("填报单位：上坪乡综治中心    填报日期：2024年12月12日", 8)
    x.header(hdr)
    for i in range(1, 17):
        x.row([i, D(2024, r.randint(1, 12), r.randint(1, 28)).strftime("%Y.%m.%d"), r.choice(TOWNS["上坪乡"]),
               r.choice(["山林权属", "邻里纠纷", "婚姻家庭", "土地承包", "劳资纠纷", "宅基地"]), person_name(r) + "与" + person_name(r),
               r.choice(["因界址不清发生争执", "因排水问题产生矛盾", "因赡养老人发生纠纷", "拖欠务工工资"]),
               r.choice(["调解成功", "调解成功", "调解成功", "引导诉讼"]), person_name(r)])
    x.save(False, "上坪乡综治中心", True, "2024-12-12", True, t, True, cov(("E02", 1)))

    x = XL("附件3.xlsx", "样表", author="Administrator")
    hdr = ["户主姓名", "身份证号", "家庭人口", "风险类型", "帮扶措施", "帮扶责任人", "计划完成时间", "备注"]
    t = "“一户一策”帮扶计划表（样表）"
    x.merged("附件3", 8)
    x.title(t, 8)
    x.merged("乡镇：          村：          填表人：          填表日期：    年  月  日", 8)
    x.header(hdr)
    for _ in range(8):
        x.row([""] * 8)
    x.save(False, None, False, None, False, t, True, [], kind="template")

    r = random.Random(305)
    x = XL("桂溪乡/帮扶责任人名册.xlsx", "名册", author="Administrator")
    hdr = ["序号", "帮扶责任人", "工作单位", "职务", "联系电话", "帮扶村", "结对户数", "结对户户主"]
    t = "桂溪乡帮扶责任人结对帮扶名册"
    x.title(t, 8)
    x.header(hdr)
    units = ["丰泰县财政局", "丰泰县统计局", "桂溪乡人民政府", "丰泰县林业局", "丰泰县供电公司"]
    for i in range(1, 19):
        x.row([i, person_name(r), r.choice(units), r.choice(["科员", "副主任科员", "股长", "干部"]), phone(r), r.choice(TOWNS["桂溪乡"]),
               3, "、".join(person_name(r) for _ in range(3))])
    x.save(False, "桂溪乡人民政府", False, None, False, t, True, cov(("R03", 1)))

# ---------------------------------------------------------------- docx helpers
PENDING_CONVERT = []   # (tmp_docx, final_rel, fmt)
TMP = Path(tempfile.mkdtemp(prefix="fengtai_"))

def _font(run, name, size, bold=False, color=None):
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rf)
    rf.set(qn("w:eastAsia"), name)
    if color:
        run.font.color.rgb = RGBColor.from_string(color)

def _bottom_border(p, color="FF0000"):
    ppr = p._p.get_or_add_pPr()
    b = ppr.makeelement(qn("w:pBdr"), {})
    bt = b.makeelement(qn("w:bottom"), {qn("w:val"): "single", qn("w:sz"): "12", qn("w:space"): "1", qn("w:color"): color})
    b.append(bt)
    ppr.append(b)

def build_docx(blocks, author, created, style="gw"):
    doc = docx.Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    if style == "gw":
        sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
        body_font, body_size = "仿宋_GB2312", 16
    else:
        sec.top_margin = sec.bottom_margin = Mm(25); sec.left_margin = sec.right_margin = Mm(25)
        body_font, body_size = "宋体", 12
    texts = []
    for blk in blocks:
        kind, val = blk[0], blk[1]
        if kind == "table":
            rows = val
            tb = doc.add_table(rows=len(rows), cols=max(len(r_) for r_ in rows))
            tb.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, v in enumerate(row):
                    cell = tb.cell(i, j)
                    cell.text = ""
                    run = cell.paragraphs[0].add_run(str(v))
                    _font(run, "宋体", 10.5 if style != "gw" else 12, bold=(i == 0))
                    texts.append(str(v))
            continue
        p = doc.add_paragraph()
        pf = p.paragraph_format
        if style == "gw":
            pf.line_spacing = Pt(28)
        pf.space_before = pf.space_after = Pt(0)
        texts.append(val)
        if kind == "red":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(val), "方正小标宋简体", 26 if len(val) < 14 else 22, color="FF0000")
        elif kind == "num":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(val), body_font, body_size)
            _bottom_border(p)
        elif kind == "numleft":
            _font(p.add_run(val), body_font, body_size)
            _bottom_border(p)
        elif kind == "secret":
            _font(p.add_run(val), "黑体", body_size)
        elif kind == "title":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(val), "方正小标宋简体" if style == "gw" else "黑体", 22 if style == "gw" else 16, bold=(style != "gw"))
        elif kind == "sub":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(val), "楷体_GB2312", body_size)
        elif kind == "h1":
            pf.first_line_indent = Pt(body_size * 2)
            _font(p.add_run(val), "黑体", body_size)
        elif kind == "h2":
            pf.first_line_indent = Pt(body_size * 2)
            _font(p.add_run(val), "楷体_GB2312", body_size)
        elif kind in ("sign", "date"):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            pf.right_indent = Pt(body_size * (2 if kind == "sign" else 1))
            _font(p.add_run(val), body_font, body_size)
        elif kind == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(val), body_font, body_size)
        elif kind in ("to", "plain", "blank"):
            _font(p.add_run(val), body_font, body_size)
        else:  # body, att
            pf.first_line_indent = Pt(body_size * 2)
            _font(p.add_run(val), body_font, body_size)
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = created
    cp.modified = created
    cp.revision = 1
    cp.title = ""
    cp.comments = ""
    return doc, "\n".join(texts)

def docx_file(rel, blocks, author, created, lab, style="gw"):
    """lab = (unit, unit_stated, date, date_stated, title, title_stated, kind, covers)"""
    doc, text = build_docx(blocks, author, created, style)
    ext = rel.rsplit(".", 1)[1]
    if ext == "docx":
        doc.save(ensure(rel))
    else:
        tmpd = TMP / ext / str(len(PENDING_CONVERT))
        tmpd.mkdir(parents=True, exist_ok=True)
        stem = Path(rel).stem
        tp = tmpd / (stem + ".docx")
        doc.save(tp)
        PENDING_CONVERT.append((tp, rel, ext))
    label(rel, *lab, text=text)

def run_conversions():
    for tp, rel, ext in PENDING_CONVERT:
        subprocess.run(["soffice", f"-env:UserInstallation={SOFFICE_PROFILE}", "--headless", "--convert-to", ext,
                        "--outdir", str(tp.parent), str(tp)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out = tp.with_suffix("." + ext)
        shutil.move(str(out), ensure(rel))

def T(y, m, d, h=9, mi=0):
    return dt.datetime(y, m, d, h, mi, 0)

# ================================================================ DOCX / DOC / TEXT-PDF DOCUMENTS
def documents():
    # D1 防止返贫监测帮扶工作实施方案 — 版头 + 文号 + 落款 Chinese date
    t = "丰泰县2024年防止返贫动态监测和帮扶工作实施方案"
    docx_file("县乡村振兴局/关于印发2024年防止返贫监测帮扶实施方案的通知.docx", [
        ("red", "丰泰县巩固拓展脱贫攻坚成果领导小组文件"), ("num", "丰巩组发〔2024〕3号"),
        ("title", "关于印发《丰泰县2024年防止返贫动态监测和帮扶工作实施方案》的通知"),
        ("to", "各乡镇党委、政府，县直各有关单位："),
        ("body", "现将《丰泰县2024年防止返贫动态监测和帮扶工作实施方案》印发给你们，请结合实际认真抓好贯彻落实。"),
        ("att", "附件：丰泰县2024年防止返贫动态监测和帮扶工作实施方案"),
        ("sign", "丰泰县巩固拓展脱贫攻坚成果领导小组"), ("date", "二〇二四年三月八日"),
        ("plain", "附件"), ("title", t),
        ("body", "为深入贯彻落实中央和省、市关于巩固拓展脱贫攻坚成果同乡村振兴有效衔接的决策部署，健全防止返贫动态监测和帮扶机制，守住不发生规模性返贫底线，结合我县实际，制定本方案。"),
        ("h1", "一、监测范围和标准"),
        ("body", "监测范围为全县农村人口。2024年监测收入标准为7800元，对家庭年人均纯收入低于标准的农户以及因病、因残、因灾、因意外事故等刚性支出较大或收入大幅缩减导致基本生活出现严重困难的农户，及时纳入监测范围。"),
        ("h1", "二、工作流程"),
        ("h2", "（一）农户自主申报。"), ("body", "在各村（社区）公示栏、微信群公布申报渠道，农户可通过“一键申报”小程序或向村“两委”提出申请。"),
        ("h2", "（二）基层干部排查。"), ("body", "各乡镇每季度组织驻村工作队、村干部开展一次集中排查，做到横向到边、纵向到底。"),
        ("h2", "（三）部门筛查预警。"), ("body", "县教育、人社、卫健、医保、民政、住建、水利、残联等部门每月10日前推送预警信息，县乡村振兴局汇总比对后下发乡镇核实。"),
        ("h1", "三、精准帮扶"),
        ("body", "对纳入的监测对象逐户制定“一户一策”帮扶计划，有劳动能力的以产业、就业帮扶为主，无劳动能力的落实兜底保障。风险消除须经村级评议、乡镇审核、县级确认，稳定一年以上方可标注消除。"),
        ("h1", "四、保障措施"),
        ("body", "各乡镇要于2024年3月31日前完成首轮集中排查。本方案自印发之日起施行，原《丰泰县防止返贫动态监测和帮扶工作实施细则》（丰巩组发〔2021〕7号）同时废止。"),
        ("plain", "抄送：市乡村振兴局。"), ("plain", "丰泰县乡村振兴局（县巩固拓展脱贫攻坚成果领导小组办公室）     2024年3月8日印发"),
    ], "Administrator", T(2024, 3, 8), ("丰泰县巩固拓展脱贫攻坚成果领导小组", True, "2024-03-08", True, t, True, "notice", cov(("A01", 1))))

    # D2 驻村第一书记选派通知 — 组织部
    t = "关于做好2024年驻村第一书记和工作队轮换选派工作的通知"
    docx_file("县委组织部/驻村第一书记轮换选派通知.docx", [
        ("red", "中共丰泰县委组织部"), ("num", "丰组通〔2024〕15号"), ("title", t),
        ("to", "各乡镇党委，县直各单位党组（党委）："),
        ("body", "根据省委组织部等四部门《关于做好驻村第一书记和工作队选派管理工作的通知》要求，经县委同意，现就我县2024年驻村第一书记和工作队轮换选派有关事项通知如下。"),
        ("h1", "一、选派范围"), ("body", "全县脱贫村、乡村振兴重点帮扶村、党组织软弱涣散村和集体经济薄弱村，共选派第一书记46名、工作队员92名。"),
        ("h1", "二、人员条件"), ("body", "选派人员须政治素质好、工作能力强，原则上为45周岁以下、具有2年以上工作经历的在职干部，每届任期2年，不得由退休干部担任。"),
        ("h1", "三、时间安排"), ("body", "各派出单位于5月20日前将人选报县委组织部审核；6月上旬集中培训后到岗；新老队员交接期不少于1周。"),
        ("att", "附件：1．2024年驻村第一书记和工作队员名单"), ("att", "      2．驻村干部备案表"),
        ("sign", "中共丰泰县委组织部"), ("date", "2024年5月9日"),
        ("plain", "附件1"), ("center", "2024年驻村第一书记和工作队员名单（节选）"),
        ("table", [["序号", "姓名", "派出单位", "派驻乡镇", "派驻村", "职务"],
                   [1, "罗建华", "丰泰县财政局", "白沙乡", "茶园村", "第一书记"], [2, "曾志勇", "丰泰县财政局", "白沙乡", "茶园村", "队员"],
                   [3, "谢海燕", "丰泰县教育局", "柳河镇", "凤凰村", "第一书记"], [4, "潘荣贵", "丰泰县交通运输局", "石门镇", "大坪村", "第一书记"],
                   [5, "钟文杰", "丰泰县农业农村局", "上坪乡", "黄泥村", "第一书记"], [6, "彭丽", "中共丰泰县委组织部", "桂溪乡", "岩口村", "第一书记"]]),
    ], "zzb-gbk", T(2024, 5, 9), ("中共丰泰县委组织部", True, "2024-05-09", True, t, True, "notice", cov(("A05", 1))))

    # D3 定点帮扶年度总结 — 落款 at end only, digits date
    t = "丰泰县财政局2024年定点帮扶白沙乡茶园村工作总结"
    docx_file("县财政局2024年定点帮扶工作总结.docx", [
        ("title", t),
        ("body", "2024年，我局认真落实县委、县政府关于定点帮扶工作的部署，坚持“四个不摘”，围绕白沙乡茶园村巩固脱贫成果和乡村振兴年度计划，扎实开展帮扶工作，现将有关情况总结如下。"),
        ("h1", "一、年度计划完成情况"),
        ("body", "年初制定的《2024年定点帮扶工作计划》明确的8项任务已全部完成。局党组召开专题会议研究帮扶工作4次，局主要负责同志到村调研6次，班子成员累计到村开展走访43人次。"),
        ("h1", "二、主要工作成效"),
        ("h2", "（一）产业帮扶。"), ("body", "协调衔接资金86万元，支持茶园村新建标准化茶叶加工厂房600平方米，带动脱贫户52户年均增收2300余元；村集体经济收入达到23.6万元。"),
        ("h2", "（二）消费帮扶。"), ("body", "组织干部职工和工会采购茶园村茶叶、茶油等农产品，金额18.7万元。"),
        ("h2", "（三）办实事。"), ("body", "为村小学捐赠图书1200册，修复灌溉渠道1.2公里，解决了上片3个组的灌溉问题。"),
        ("h1", "三、存在问题和下步打算"),
        ("body", "产业链条短、品牌效应不强的问题依然存在。2025年我局将继续选派驻村工作队，重点推动茶叶品牌打造和电商销售，计划2025年6月底前完成茶园村茶旅融合步道建设。"),
        ("sign", "丰泰县财政局"), ("date", "2024年12月16日"),
    ], "罗建华", T(2024, 12, 16), ("丰泰县财政局", True, "2024-12-16", True, t, True, "summary", cov(("A05", 3))), style="plain")

    # D4 东西部协作情况报告
    t = "丰泰县2024年东西部协作项目实施和资金使用情况报告"
    docx_file("东西部协作项目和资金情况报告.docx", [
        ("secret", "特急"), ("title", "丰泰县2024年东西部协作项目实施"), ("title", "和资金使用情况报告"),
        ("to", "市乡村振兴局："),
        ("body", "2024年，东海市潮湾区共安排我县东西部协作财政援助资金4860万元，实施协作项目27个。截至2024年11月30日，已完工项目22个，资金拨付4215万元，拨付率86.7%。现将有关情况报告如下。"),
        ("h1", "一、资金安排"), ("body", "用于产业发展3290万元，占67.7%；用于就业帮扶620万元；用于乡村建设950万元。"),
        ("h1", "二、重点项目"),
        ("body", "1．潮湾—丰泰共建脐橙产业园项目（青石镇），投入协作资金1200万元，新建冷链仓储库2座；"),
        ("body", "2．柳河镇帮扶车间提升项目，投入协作资金360万元，吸纳脱贫劳动力就业138人；"),
        ("body", "3．劳务协作项目，组织我县脱贫劳动力赴潮湾区稳定就业1936人，落实一次性交通补贴。"),
        ("h1", "三、下步工作"), ("body", "抓紧推进剩余5个项目，确保2025年3月底前全部完工验收。"),
        ("sign", "丰泰县乡村振兴局"), ("date", "2024年12月2日"),
    ], "Administrator", T(2024, 12, 2), ("丰泰县乡村振兴局", True, "2024-12-02", True, t, True, "report", cov(("A05", 4))))

    # D5 高标准农田验收报告
    t = "丰泰县2023年度高标准农田建设项目竣工验收报告"
    docx_file("高标准农田建设项目竣工验收报告.docx", [
        ("title", t),
        ("plain", "项目名称：丰泰县2023年度高标准农田建设项目（柳河镇、石门镇片区）"),
        ("plain", "建设单位：丰泰县农业农村局"), ("plain", "施工单位：云江市水建工程有限公司"), ("plain", "监理单位：云江正衡工程监理咨询有限公司"),
        ("h1", "一、项目概况"),
        ("body", "项目建设面积2.35万亩，其中新建1.85万亩、改造提升0.5万亩，总投资4700万元，亩均投资2000元。2023年11月开工，2024年8月完工。"),
        ("h1", "二、完成工程量"),
        ("body", "完成土地平整3600亩，新建及改造渠道86.4公里、机耕路41.2公里，新建泵站6座、排灌闸涵217座。"),
        ("h1", "三、验收意见"),
        ("body", "验收组于2024年9月24日至26日对项目进行了现场查验，认为项目建设内容完成，工程质量合格，资料基本齐全，同意通过竣工验收。要求建设单位抓紧办理工程移交，落实管护主体和管护经费。"),
        ("plain", "验收组组长（签字）：        副组长（签字）："),
        ("date", "二〇二四年九月二十六日"),
    ], "nyj-ntb", T(2024, 9, 27), ("丰泰县农业农村局", True, "2024-09-26", True, t, True, "report", cov(("B01", 2))))

    # D6 特色产业实施方案 — author is a unit, no 落款
    t = "丰泰县“一村一品”特色产业发展三年行动方案（2024—2026年）"
    docx_file("一村一品特色产业三年行动方案.docx", [
        ("plain", "附件1"), ("title", t), ("sub", "（征求意见稿）"),
        ("body", "为加快培育壮大乡村特色优势产业，推动农业增效、农民增收，制定本方案。"),
        ("h1", "一、发展目标"),
        ("body", "到2026年，全县脐橙、茶叶、油茶、竹笋、中药材五大特色产业综合产值突破60亿元，建成省级“一村一品”示范村8个以上，培育市级以上农业产业化龙头企业20家。"),
        ("h1", "二、产业布局"),
        ("body", "青石镇、柳河镇重点发展脐橙；桂溪乡、白沙乡重点发展茶叶和油茶；龙潭镇重点发展笋竹；上坪乡、石门镇重点发展中药材和优质稻。"),
        ("h1", "三、支持政策"),
        ("body", "县财政每年安排特色产业发展资金不少于3000万元，衔接资金用于产业发展比例不低于60%。"),
    ], "丰泰县农业农村局", T(2024, 4, 18), ("丰泰县农业农村局", True, None, False, t, True, "plan", cov(("B02", 1))))

    # D7 薄弱村消除方案 — two issuers, 落款 both
    t = "丰泰县2024年消除集体经济薄弱村工作方案"
    docx_file("消除集体经济薄弱村工作方案.docx", [
        ("title", t),
        ("body", "为加快发展壮大新型农村集体经济，2024年全县要全面消除集体经济年收入10万元以下的薄弱村，特制定本方案。"),
        ("h1", "一、目标任务"), ("body", "2024年底前，全县27个薄弱村年经营性收入全部达到10万元以上。"),
        ("h1", "二、主要路径"),
        ("body", "（一）推行党支部领办合作社；（二）盘活闲置资源资产；（三）发展物业经济和服务创收；（四）入股龙头企业获取稳定收益。"),
        ("h1", "三、责任分工"), ("body", "县委组织部负责统筹指导，县农业农村局负责业务指导和考核，各乡镇党委书记为第一责任人。"),
        ("sign", "中共丰泰县委组织部    丰泰县农业农村局"), ("date", "2024年3月20日"),
    ], "Administrator", T(2024, 3, 20), ("中共丰泰县委组织部", True, "2024-03-20", True, t, True, "plan", cov(("B03", 2))))

    # D8 村庄清洁行动方案 — 住建局 folder, multi-line title
    t = "丰泰县2024年村庄清洁行动“三清三拆三整治”实施方案"
    docx_file("县住建局/村庄清洁行动方案.docx", [
        ("red", "丰泰县住房和城乡建设局"), ("num", "丰建字〔2024〕21号"),
        ("title", "丰泰县2024年村庄清洁行动"), ("title", "“三清三拆三整治”实施方案"),
        ("to", "各乡镇人民政府："),
        ("body", "为持续改善农村人居环境，按照县委农村工作领导小组部署，决定在全县开展村庄清洁行动“三清三拆三整治”。"),
        ("h1", "一、主要内容"),
        ("body", "三清：清理农村生活垃圾、清理村内塘沟、清理畜禽养殖粪污等农业生产废弃物；三拆：拆除危旧房、拆除乱搭乱建、拆除违规广告牌；三整治：整治“四小园”、整治线路乱拉、整治房前屋后杂物乱堆。"),
        ("h1", "二、时间安排"), ("body", "动员部署阶段（4月）；集中整治阶段（5月至10月）；验收巩固阶段（11月至12月）。"),
        ("h1", "三、工作要求"), ("body", "各乡镇每月25日前报送工作简报和进度表，县里每季度组织一次交叉检查。"),
        ("sign", "丰泰县住房和城乡建设局"), ("date", "2024年4月3日"),
    ], "Administrator", T(2024, 4, 3), ("丰泰县住房和城乡建设局", True, "2024-04-03", True, t, True, "plan", cov(("C03", 1))))

    # D9 县委常委会会议纪要 — R01 item 1
    t = "中共丰泰县委常委会会议纪要"
    docx_file("县委常委会会议纪要（巩固衔接专题）.docx", [
        ("secret", "内部资料  注意保存"), ("red", t), ("num", "〔2024〕9号"),
        ("body", "2024年6月14日上午，县委书记陈国栋主持召开县委常委会会议，专题研究巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作。县委常委出席，县人大常委会、县政协主要负责同志，县乡村振兴局、县农业农村局等单位主要负责同志列席。纪要如下："),
        ("h1", "一、关于上半年巩固脱贫成果工作"),
        ("body", "会议听取了县乡村振兴局关于上半年防止返贫动态监测帮扶工作的汇报。会议指出，全县新识别纳入监测对象213户684人，风险消除率达到62.4%，未发生规模性返贫。"),
        ("h1", "二、关于迎接省后评估和实绩考核"),
        ("body", "会议要求，各乡镇、各部门要对照考核指标逐项自查，10月底前完成资料整理，县委农办牵头于11月组织一次全覆盖模拟考核。"),
        ("plain", "出席：陈国栋、刘卫东、黄志刚、汪建新、赵秀兰、何明亮、林海"), ("plain", "列席：邹晓芳、李国华、许文华"),
        ("plain", "中共丰泰县委办公室                2024年6月15日印发"),
    ], "县委办", T(2024, 6, 15), ("中共丰泰县委办公室", True, "2024-06-15", True, t, True, "minutes", cov(("R01", 1))))

    # D10 过渡期工作方案 (2021)
    t = "丰泰县巩固拓展脱贫攻坚成果同乡村振兴有效衔接过渡期工作方案"
    docx_file("过渡期工作方案2021.docx", [
        ("red", "中共丰泰县委  丰泰县人民政府"), ("num", "丰发〔2021〕11号"), ("title", t),
        ("body", "为贯彻落实中央和省委、省政府关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的意见，在5年过渡期内保持主要帮扶政策总体稳定，结合我县实际，制定本方案。"),
        ("h1", "一、总体要求"), ("body", "脱贫攻坚目标任务完成后，设立5年过渡期。过渡期内严格落实“四个不摘”要求，逐步实现由集中资源支持脱贫攻坚向全面推进乡村振兴平稳过渡。"),
        ("h1", "二、重点任务"), ("body", "健全防止返贫动态监测和帮扶机制；巩固“两不愁三保障”成果；做好易地扶贫搬迁后续扶持；加强扶贫项目资产管理和监督。"),
        ("sign", "中共丰泰县委      丰泰县人民政府"), ("date", "2021年7月26日"),
    ], "Administrator", T(2021, 7, 26), ("中共丰泰县委", True, "2021-07-26", True, t, True, "plan", cov(("R01", 2))))

    # D11 请示 + D12 批复 — 光伏收益分配
    t = "柳河镇人民政府关于调整村级光伏电站收益分配方案的请示"
    docx_file("柳河镇/关于调整村级光伏电站收益分配方案的请示.docx", [
        ("numleft", "柳府呈〔2024〕8号                    签发人：杨海林"),
        ("title", t), ("to", "丰泰县乡村振兴局："),
        ("body", "我镇现有村级光伏电站4座，总装机容量1.2兆瓦，2024年1—6月发电收益共计41.6万元。为进一步发挥资产收益带贫作用，经各村“四议两公开”程序，拟将收益分配比例调整为：设置公益性岗位支出50%，小型公益事业和奖励补助30%，村集体留存发展20%。"),
        ("body", "妥否，请批示。"),
        ("att", "附件：柳河镇村级光伏电站收益分配调整方案"),
        ("sign", "柳河镇人民政府"), ("date", "2024年7月5日"),
        ("plain", "（联系人：胡晓东，电话：0796-6312208）"),
    ], "Administrator", T(2024, 7, 5), ("柳河镇人民政府", True, "2024-07-05", True, t, True, "request", cov(("A04", 4))))

    t = "丰泰县乡村振兴局关于柳河镇调整村级光伏电站收益分配方案的批复"
    docx_file("光伏收益分配调整的批复.docx", [
        ("red", "丰泰县乡村振兴局"), ("num", "丰乡振字〔2024〕27号"), ("title", t), ("to", "柳河镇人民政府："),
        ("body", "你镇《关于调整村级光伏电站收益分配方案的请示》（柳府呈〔2024〕8号）收悉。经研究，批复如下："),
        ("body", "一、同意你镇村级光伏电站收益分配调整方案。收益用于公益性岗位的，须优先聘用弱劳力、半劳力脱贫人口和监测对象。"),
        ("body", "二、收益分配须经村民代表大会讨论通过并公示不少于7天，发放凭证留存备查。"),
        ("sign", "丰泰县乡村振兴局"), ("date", "2024年7月19日"),
    ], "Administrator", T(2024, 7, 19), ("丰泰县乡村振兴局", True, "2024-07-19", True, t, True, "reply", cov(("A04", 4))))

    # D13 人才政策
    t = "丰泰县引进和培育乡村振兴人才若干措施"
    docx_file("县委组织部/乡村人才引进若干措施.docx", [
        ("red", "中共丰泰县委人才工作领导小组"), ("num", "丰人才〔2024〕2号"),
        ("title", "关于印发《丰泰县引进和培育乡村振兴人才若干措施》的通知"),
        ("to", "各乡镇党委、政府，县直各单位："),
        ("body", "《丰泰县引进和培育乡村振兴人才若干措施》已经县委同意，现印发给你们，请认真贯彻执行。"),
        ("body", "一、对到乡镇工作的全日制本科以上毕业生，给予每月800元乡镇工作补贴，服务满5年的给予一次性安家补助3万元。"),
        ("body", "二、对返乡入乡创办企业、吸纳就业10人以上的，给予最高20万元创业担保贷款全额贴息。"),
        ("body", "三、乡村教师、乡村医生在职称评聘上实行单独分组、单列评审。"),
        ("sign", "中共丰泰县委人才工作领导小组"), ("date", "2024年2月28日"),
    ], "zzb", T(2024, 2, 28), ("中共丰泰县委人才工作领导小组", True, "2024-02-28", True, "关于印发《丰泰县引进和培育乡村振兴人才若干措施》的通知", True, "notice", cov(("E04", 3))))

    # D14 宅基地改革试点方案
    t = "丰泰县农村宅基地制度改革试点实施方案"
    docx_file("宅基地改革试点实施方案.docx", [
        ("title", t),
        ("body", "根据上级关于稳慎推进农村宅基地制度改革的要求，我县选取青石镇枫林村、龙潭镇竹山村开展宅基地制度改革试点，探索宅基地“三权分置”实现形式和闲置农房盘活利用路径。"),
        ("h1", "一、试点内容"), ("body", "完善宅基地分配、审批和退出机制；探索闲置宅基地和闲置住宅有偿退出、盘活利用；健全宅基地民主管理制度。"),
        ("h1", "二、进展情况"), ("body", "截至2024年10月，两个试点村共完成宅基地资格权认定1106户，盘活闲置农房37栋，发展民宿12家，村集体增收18万元。"),
        ("h1", "三、下步安排"), ("body", "2025年在总结试点经验基础上扩大至每个乡镇1个村。"),
        ("sign", "丰泰县农业农村局"), ("date", "2024年10月28日"),
    ], "李国华", T(2024, 10, 28), ("丰泰县农业农村局", True, "2024-10-28", True, t, True, "plan", cov(("E03", 2))))

    # D15 积分制实施方案 — 龙潭镇 folder
    t = "龙潭镇乡村治理积分制管理实施方案"
    docx_file("龙潭镇/积分制实施方案.docx", [
        ("title", t),
        ("body", "为激发村民参与乡村治理的内生动力，推动自治、法治、德治相结合，镇党委、镇政府决定在全镇4个村全面推行积分制管理。"),
        ("h1", "一、积分内容"), ("body", "设置人居环境、移风易俗、邻里和睦、遵纪守法、志愿服务等5类28项积分细则，实行基础分加奖励分、扣分管理。"),
        ("h1", "二、积分运用"), ("body", "各村设立“积分超市”，村民凭积分兑换生活用品；年度积分排名前10%的农户评为“文明家庭”。"),
        ("h1", "三、组织实施"), ("body", "各村成立积分评议小组，每月评议一次，结果在村务公开栏公示。"),
        ("sign", "中共龙潭镇委员会    龙潭镇人民政府"), ("date", "2024年3月1日"),
    ], "Administrator", T(2024, 3, 1), ("中共龙潭镇委员会", True, "2024-03-01", True, t, True, "plan", cov(("E02", 3))))

    # D16 增收措施方案 — 县政府办
    t = "丰泰县促进农民持续增收十条措施"
    docx_file("促进农民增收十条措施.docx", [
        ("red", "丰泰县人民政府办公室"), ("num", "丰府办发〔2024〕19号"),
        ("title", "丰泰县人民政府办公室关于印发促进农民持续增收十条措施的通知"),
        ("to", "各乡镇人民政府，县政府各部门："),
        ("body", "经县政府同意，现将《丰泰县促进农民持续增收十条措施》印发给你们，请结合实际认真组织实施。"),
        ("body", "一是稳定工资性收入，二是提升经营性收入，三是拓展财产性收入，四是落实转移性收入……各项措施责任单位须于每季度末报送落实情况。"),
        ("sign", "丰泰县人民政府办公室"), ("date", "2024年4月22日"), ("plain", "（此件公开发布）"),
    ], "Administrator", T(2024, 4, 22), ("丰泰县人民政府办公室", True, "2024-04-22", True, "丰泰县人民政府办公室关于印发促进农民持续增收十条措施的通知", True, "notice", cov(("F01", 3))))

    # D17 涉农资金统筹整合方案
    t = "丰泰县2024年统筹整合财政涉农资金实施方案"
    docx_file("2024年统筹整合涉农资金实施方案.docx", [
        ("title", t),
        ("body", "根据省财政厅等部门关于继续支持脱贫县统筹整合使用财政涉农资金的通知要求，结合我县实际，制定本方案。"),
        ("h1", "一、整合规模"), ("body", "2024年计划整合中央、省、市、县各级财政涉农资金3.26亿元，其中衔接资金2.41亿元。"),
        ("h1", "二、使用方向"), ("body", "重点用于产业发展、农村基础设施和就业帮扶，用于产业发展的比例不低于60%。"),
        ("h1", "三、资金监管"), ("body", "严格执行项目库管理，未入库项目不得安排资金；资金支出实行国库集中支付。"),
        ("sign", "丰泰县统筹整合财政涉农资金领导小组办公室"), ("date", "2024年3月15日"),
    ], "丰泰县财政局", T(2024, 3, 15), ("丰泰县统筹整合财政涉农资金领导小组办公室", True, "2024-03-15", True, t, True, "plan", cov(("F03", 2))))

    # D18 督查暗访通报
    t = "关于2024年第三季度巩固脱贫成果暗访督查情况的通报"
    docx_file("第三季度暗访督查通报.docx", [
        ("red", "中共丰泰县委农村工作领导小组办公室"), ("num", "丰农组办〔2024〕14号"), ("title", t),
        ("to", "各乡镇党委、政府，县直各有关单位："),
        ("body", "9月9日至20日，县委农办会同县乡村振兴局抽调人员组成4个暗访组，采取“四不两直”方式，对7个乡镇28个村开展暗访督查，现将有关情况通报如下。"),
        ("h1", "一、总体情况"), ("body", "本次共入户走访农户612户，发现问题46个，其中监测对象识别不精准7个、帮扶措施落实不到位11个、人居环境问题19个、台账资料不规范9个。"),
        ("h1", "二、存在问题"), ("body", "个别乡镇对部门预警信息核实不及时，上坪乡黄泥村、柳河镇新塘村存在“一户一策”帮扶计划与实际不符的问题。"),
        ("h1", "三、整改要求"), ("body", "各乡镇要于10月31日前完成整改，整改情况报县委农办。问题整改纳入年度实绩考核。"),
        ("sign", "中共丰泰县委农村工作领导小组办公室"), ("date", "2024年9月27日"),
    ], "Administrator", T(2024, 9, 27), ("中共丰泰县委农村工作领导小组办公室", True, "2024-09-27", True, t, True, "notice", cov(("R04", 1))))

    # D19 工会通知 — covers nothing
    t = "关于举办丰泰县2024年“迎新春”职工乒乓球比赛的通知"
    docx_file("关于举办职工乒乓球比赛的通知.docx", [
        ("title", t), ("to", "各基层工会："),
        ("body", "为丰富职工文化生活，经研究，定于2024年1月20日在县全民健身中心举办职工乒乓球比赛。每个基层工会可报男女队各1支，请于1月12日前将报名表发送至县总工会邮箱。"),
        ("att", "附件：报名表"), ("sign", "丰泰县总工会"), ("date", "2024年1月3日"),
    ], "Administrator", T(2024, 1, 3), ("丰泰县总工会", True, "2024-01-03", True, t, True, "notice", []), style="plain")

    # D20 培训通知和签到表 — W04 item 1
    t = "关于举办2024年全县巩固脱贫成果帮扶干部业务培训班的通知"
    docx_file("帮扶干部培训通知及签到表.docx", [
        ("red", "丰泰县乡村振兴局"), ("num", "丰乡振字〔2024〕31号"), ("title", t), ("to", "各乡镇人民政府，县直各帮扶单位："),
        ("body", "为提升帮扶干部政策水平和业务能力，决定于2024年8月27日至28日在县委党校举办培训班。参训对象为各乡镇分管领导、乡村振兴站站长、驻村第一书记。请于8月26日下午报到。"),
        ("sign", "丰泰县乡村振兴局"), ("date", "2024年8月19日"),
        ("center", "培训签到表（8月27日上午）"),
        ("table", [["序号", "姓名", "单位", "职务", "签到"], [1, "罗建华", "县财政局", "第一书记", "罗建华"], [2, "谢海燕", "县教育局", "第一书记", "谢海燕"],
                   [3, "杨海林", "柳河镇", "副镇长", "杨海林"], [4, "钟文杰", "县农业农村局", "第一书记", "钟文杰"], [5, "吴春兰", "白沙乡", "乡村振兴站站长", "吴春兰"]]),
    ], "许文华", T(2024, 8, 19), ("丰泰县乡村振兴局", True, "2024-08-19", True, t, True, "notice", cov(("W04", 1))))

    # D21 改革经验总结 — two indicators; useless name
    t = "“党支部领办合作社+闲置农房盘活”——丰泰县推进农村改革的探索与实践"
    docx_file("新建 Microsoft Word 文档.docx", [
        ("title", t),
        ("body", "近年来，丰泰县以农村集体产权制度改革为基础，以宅基地制度改革试点为抓手，探索形成“党支部领办合作社+闲置农房盘活”模式，2024年5月该做法在全省农村改革工作推进会上作交流发言。"),
        ("h1", "一、主要做法"), ("body", "一是摸清家底，完成集体资产清产核资；二是搭建平台，成立村股份经济合作社；三是盘活资源，将闲置农房统一流转改造为民宿和研学基地。"),
        ("h1", "二、取得成效"), ("body", "试点村集体经济收入平均增长42%，带动农户户均增收3600元。"),
    ], "Administrator", T(2024, 6, 3), (None, False, None, False, t, True, "summary", cov(("E03", 4), ("X01", 2))), style="plain")

    # D22 noise checklist
    docx_file("新建 Microsoft Word 文档 (2).docx", [
        ("plain", "迎检资料清单（草）"), ("plain", "1、方案  2、台账  3、照片  4、总结"),
        ("plain", "还差：农业局照片、民政局12月台账、住建局验收表"), ("plain", "周五前交齐！！"),
    ], "Administrator", T(2024, 11, 25), (None, False, None, False, None, False, "note", []), style="plain")

    # ---- other: 合同, 章程, 名单, 证明, 简报
    t = "白沙乡农村生活垃圾第三方保洁服务合同"
    docx_file("白沙乡/保洁服务合同.docx", [
        ("title", t), ("plain", "合同编号：BSX-BJ-2024-01"),
        ("plain", "甲方：白沙乡人民政府"), ("plain", "乙方：丰泰县洁源环境服务有限公司"),
        ("body", "根据《中华人民共和国民法典》及有关规定，经公开比选，甲方将白沙乡3个行政村的生活垃圾清扫、收集、转运服务委托乙方承担，双方订立本合同。"),
        ("body", "第一条 服务范围：白沙村、牛角村、茶园村村内主次道路、公共场所及垃圾收集点。"),
        ("body", "第二条 服务期限：自2024年1月1日起至2026年12月31日止，共三年。"),
        ("body", "第三条 服务费用：每年人民币柒拾贰万元整（¥720000.00），按季度考核后支付。"),
        ("body", "第四条 考核：甲方每月对乙方保洁质量进行考核，考核得分低于80分的按比例扣减服务费。"),
        ("plain", "甲方（盖章）：白沙乡人民政府          乙方（盖章）：丰泰县洁源环境服务有限公司"),
        ("plain", "代表人：黄志远                        代表人：周玉林"),
        ("plain", "签订日期：2023年12月26日"),
    ], "Administrator", T(2023, 12, 26), ("白沙乡人民政府", True, "2023-12-26", True, t, True, "contract", cov(("C02", 5))), style="plain")

    t = "桂溪乡花桥村红白理事会章程"
    docx_file("桂溪乡/花桥村红白理事会章程.docx", [
        ("title", t),
        ("body", "第一条 为推进移风易俗，倡导婚事新办、丧事简办、其他喜事不办，减轻群众负担，根据有关规定，结合本村实际，制定本章程。"),
        ("body", "第二条 红白理事会在村党支部领导下开展工作，由会长1名、副会长2名、理事5名组成，每届任期与村“两委”一致。"),
        ("body", "第三条 婚事宴席不超过15桌，每桌标准不超过800元；彩礼不超过3万元；丧事一般不超过3天，不请乐队、不搞攀比。"),
        ("body", "第四条 本章程经2024年3月12日村民代表大会讨论通过，自通过之日起施行。"),
        ("sign", "花桥村红白理事会"), ("date", "二〇二四年三月十二日"),
    ], "Administrator", T(2024, 3, 13), ("花桥村红白理事会", True, "2024-03-12", True, t, True, "charter", cov(("D01", 4))), style="plain")

    rr = random.Random(401)
    rows = [["序号", "乡镇", "公厕位置", "管护人员", "联系电话", "管护方式"]]
    k = 1
    for tw in TOWN_LIST[:5]:
        for _ in range(2):
            rows.append([k, tw, rr.choice(TOWNS[tw]) + rr.choice(["村部旁", "集镇农贸市场", "文化广场", "学校旁"]) + "公厕", person_name(rr), phone(rr),
                         rr.choice(["保洁公司", "公益性岗位", "村级保洁员"])]); k += 1
    t = "丰泰县农村公厕管护人员名单"
    docx_file("农村公厕管护人员名单.docx", [
        ("title", t), ("table", rows), ("plain", "注：管护制度另附，管护人员每日保洁不少于2次。"),
        ("date", "丰泰县农业农村局  2024年7月"),
    ], "Administrator", T(2024, 7, 10), ("丰泰县农业农村局", True, None, False, t, True, "list", cov(("C01", 3))), style="plain")

    t = "房屋安全性鉴定证明"
    docx_file("石门镇/房屋安全鉴定证明（高田村）.docx", [
        ("title", "证  明"),
        ("body", "兹有石门镇高田村五组农户廖德福（身份证号：" + make_id(rr, 1958, 1958) + "），其现居住房屋为砖混结构两层，建于2012年。经我中心技术人员于2024年8月12日现场鉴定，该房屋安全等级为A级，能够满足正常使用要求，不属于危房。"),
        ("body", "特此证明。"),
        ("sign", "石门镇村镇建设服务中心"), ("date", "2024年8月13日"),
    ], "Administrator", T(2024, 8, 13), ("石门镇村镇建设服务中心", True, "2024-08-13", True, "证明", True, "certificate", cov(("A02", 5))), style="plain")

    t = "村庄清洁行动工作简报"
    docx_file("村庄清洁行动简报第5期.docx", [
        ("red", "村庄清洁行动工作简报"), ("center", "第5期"),
        ("numleft", "丰泰县村庄清洁行动领导小组办公室                2024年8月30日"),
        ("title", "龙潭镇“十户联创”推动村庄清洁常态化"),
        ("body", "今年以来，龙潭镇在4个村推行“十户联创”机制，以相邻十户为一个单元，推选联户长，每周开展一次环境卫生自查互评。截至8月底，全镇累计清理村内塘沟46条、拆除乱搭乱建棚舍213处、整治“四小园”380个。"),
        ("body", "下一步，全县将推广龙潭镇经验，力争年底前实现村庄清洁行动全覆盖。"),
        ("plain", "报：县委、县政府领导    送：县委农村工作领导小组成员单位    发：各乡镇"),
    ], "Administrator", T(2024, 8, 30), ("丰泰县村庄清洁行动领导小组办公室", True, "2024-08-30", True, "村庄清洁行动工作简报", True, "bulletin", cov(("C03", 1))), style="plain")

    # ---- legacy .doc (3)
    t = "丰泰县—东海市潮湾区劳务协作协议"
    docx_file("劳务协作协议.doc", [
        ("title", t),
        ("plain", "甲方：东海市潮湾区人力资源和社会保障局"), ("plain", "乙方：丰泰县人力资源和社会保障局"),
        ("body", "为深化东西部劳务协作，促进丰泰县脱贫劳动力稳定就业，双方本着优势互补、互利共赢的原则，签订本协议。"),
        ("body", "一、甲方每年向乙方提供不少于3000个适合的就业岗位信息，组织专场招聘会不少于4场。"),
        ("body", "二、乙方负责组织输送有意愿的脱贫劳动力，2024年输送到潮湾区就业不少于1500人。"),
        ("body", "三、对在潮湾区稳定就业3个月以上的脱贫劳动力，甲方按每人1000元标准给予稳岗补贴。"),
        ("body", "四、本协议有效期自2024年1月1日至2025年12月31日。"),
        ("plain", "甲方（盖章）                        乙方（盖章）"),
        ("plain", "2024年2月6日"),
    ], "Administrator", T(2024, 2, 6), ("丰泰县人力资源和社会保障局", True, "2024-02-06", True, t, True, "agreement", cov(("A03", 5))), style="plain")

    t = "凤凰村“四议两公开”会议记录"
    docx_file("柳河镇/凤凰村四议两公开会议记录.doc", [
        ("title", t),
        ("plain", "时间：2024年4月16日上午9:00    地点：凤凰村党群服务中心"),
        ("plain", "主持人：谢海燕（第一书记）    记录人：何小燕"),
        ("plain", "议题：凤凰村2024年衔接资金项目（产业路硬化0.8公里）实施方案"),
        ("body", "一、村党支部提议：经支委会研究，提议实施凤凰村二组至五组产业路硬化项目。"),
        ("body", "二、村“两委”商议：村“两委”联席会议一致同意。"),
        ("body", "三、党员大会审议：应到党员31人，实到27人，同意27人。"),
        ("body", "四、村民代表会议决议：应到代表35人，实到32人，同意31人，弃权1人。"),
        ("body", "决议公开和实施结果公开：于4月17日在村务公开栏公示7天，无异议。"),
    ], "Administrator", T(2024, 4, 16), ("柳河镇人民政府", False, "2024-04-16", True, t, True, "minutes", cov(("E01", 3))), style="plain")

    t = "丰泰县农业技术推广中心2024年农技人员包村服务记录"
    docx_file("doc1.doc", [
        ("title", t),
        ("table", [["日期", "农技人员", "服务乡镇", "服务村", "服务内容", "服务对象签字"],
                   ["2024-03-12", "刘建平", "青石镇", "枫林村", "脐橙春季修剪技术指导", "王德明"],
                   ["2024-04-08", "钟丽", "石门镇", "高田村", "早稻育秧技术指导", "廖全福"],
                   ["2024-05-21", "刘建平", "柳河镇", "新塘村", "稻飞虱防治现场会", "杨国平"],
                   ["2024-07-02", "钟丽", "上坪乡", "黄泥村", "中药材（黄精）病害诊断", "蒋春梅"],
                   ["2024-09-16", "孙志勇", "白沙乡", "茶园村", "秋茶管理培训", "吴桂生"]]),
        ("plain", "农技人员名单：刘建平（高级农艺师）、钟丽（农艺师）、孙志勇（助理农艺师）"),
        ("date", "丰泰县农业技术推广中心    2024年12月9日"),
    ], "Administrator", T(2024, 12, 9), ("丰泰县农业技术推广中心", True, "2024-12-09", True, t, True, "record", cov(("E04", 4))), style="plain")

    # ---- PDFs with text layer (3)
    t = "丰泰县农村生活污水治理设施清单及运行情况"
    docx_file("农村生活污水治理设施清单及运行情况.pdf", [
        ("title", t),
        ("body", "全县已建成农村生活污水集中处理设施38座，日处理能力6420吨，农村生活污水治理率达到41.3%。2024年第三方运维单位每月巡检，设施正常运行率96.1%。"),
        ("table", [["序号", "设施名称", "所在乡镇", "处理规模（吨/日）", "工艺", "运行状态"],
                   [1, "青石镇枫林村污水处理站", "青石镇", 120, "A/O+人工湿地", "正常"], [2, "柳河镇集镇污水处理站", "柳河镇", 800, "MBR", "正常"],
                   [3, "龙潭镇竹山村污水处理设施", "龙潭镇", 60, "厌氧+人工湿地", "正常"], [4, "石门镇水口村污水处理设施", "石门镇", 80, "A/O", "检修"],
                   [5, "上坪乡集镇污水处理站", "上坪乡", 300, "A2/O", "正常"]]),
        ("sign", "云江市生态环境局丰泰分局"), ("date", "2024年11月18日"),
    ], "Administrator", T(2024, 11, 18), ("云江市生态环境局丰泰分局", True, "2024-11-18", True, t, True, "report", cov(("C02", 3))), style="plain")

    t = "关于丰泰县2024年农产品“三品一标”认证情况的报告"
    docx_file("2024年绿色食品和地理标志认证情况报告.pdf", [
        ("title", t), ("to", "市农业农村局："),
        ("body", "2024年，我县新增绿色食品认证产品9个、有机农产品2个，“丰泰脐橙”“桂溪云雾茶”获农产品地理标志登记保护，全县有效期内“三品一标”产品累计达到46个。"),
        ("body", "其中丰泰县茗香茶业有限公司“桂溪云雾”牌绿茶获绿色食品证书（证书编号LB-44-24080812345A），有效期至2027年8月。"),
        ("sign", "丰泰县农业农村局"), ("date", "2024年11月4日"),
    ], "Administrator", T(2024, 11, 4), ("丰泰县农业农村局", True, "2024-11-04", True, t, True, "report", cov(("B02", 5))))

    t = "关于石门镇绿野生猪养殖场环境问题整改情况的报告"
    docx_file("养殖场环境问题整改报告.pdf", [
        ("title", t), ("to", "云江市生态环境局丰泰分局："),
        ("body", "根据贵局2024年5月14日现场检查反馈意见，石门镇绿野生猪养殖场存在雨污分流不彻底、粪污暂存池防渗不达标问题。收到通知后，我场立即组织整改："),
        ("body", "一、新建雨水明沟320米，实现雨污分流；二、对粪污暂存池进行防渗处理，新增容积600立方米；三、补办环境影响登记表备案。"),
        ("body", "整改工作已于2024年7月30日全部完成，请予复核。"),
        ("sign", "丰泰县石门镇绿野生猪养殖场"), ("date", "2024年8月2日"),
    ], "lvye", T(2024, 8, 2), ("丰泰县石门镇绿野生猪养殖场", True, "2024-08-02", True, t, True, "report", cov(("C04", 5))), style="plain")

# ---------------------------------------------------------------- images
FONT_SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FONT_SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
FONT_SERIF_B = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
_fc = {}
def F(size, kind="serif"):
    key = (size, kind)
    if key not in _fc:
        path = {"serif": FONT_SERIF, "bold": FONT_SERIF_B, "sans": FONT_SANS}[kind]
        _fc[key] = ImageFont.truetype(path, size, index=2)
    return _fc[key]

def make_exif(dto=None, artist=None, desc=None, xptitle=None, gps=None, make="HUAWEI", model="VOG-AL10"):
    ex = Image.Exif()
    ex[0x010F] = make
    ex[0x0110] = model
    if artist:
        ex[0x013B] = artist.encode("utf-8")
    if desc:
        ex[0x010E] = desc.encode("utf-8")
    if xptitle:
        ex[0x9C9B] = xptitle.encode("utf-16le") + b"\x00\x00"
    if dto:
        e2 = ex.get_ifd(0x8769)
        e2[0x9003] = dto
        e2[0x9004] = dto
    if gps:
        lat, lon = gps
        g = ex.get_ifd(0x8825)
        def dms(v):
            d_ = int(v); m = int((v - d_) * 60); s_ = round(((v - d_) * 60 - m) * 60, 2)
            return (float(d_), float(m), float(s_))
        g[1] = "N"; g[2] = dms(lat); g[3] = "E"; g[4] = dms(lon)
    return ex

def scene(seed, kind, w=1280, h=960):
    r = random.Random(seed)
    im = Image.new("RGB", (w, h))
    dr = ImageDraw.Draw(im)
    sky = (r.randint(150, 200), r.randint(190, 220), r.randint(220, 250))
    for y in range(h // 2):
        f = y / (h / 2)
        dr.line([(0, y), (w, y)], fill=tuple(int(c * (1 - 0.2 * f)) for c in sky))
    ground = {"grass": (90, 140, 70), "road": (120, 120, 115), "field": (110, 150, 60), "room": (200, 190, 170)}[
        "room" if kind in ("meeting", "training") else ("field" if kind == "field" else r.choice(["grass", "road"]))]
    dr.rectangle([0, h // 2, w, h], fill=ground)
    for _ in range(2500):
        x, y = r.randint(0, w - 1), r.randint(h // 2, h - 1)
        c = tuple(max(0, min(255, v + r.randint(-25, 25))) for v in ground)
        dr.point((x, y), fill=c)
    if kind in ("toilet_before", "house_before"):
        dr.rectangle([w * 0.3, h * 0.3, w * 0.6, h * 0.62], fill=(130, 110, 90), outline=(60, 50, 40), width=4)
        dr.polygon([(w * 0.27, h * 0.3), (w * 0.45, h * 0.18), (w * 0.63, h * 0.3)], fill=(90, 80, 70))
        for _ in range(40):
            x = r.randint(int(w * 0.1), int(w * 0.9)); y = r.randint(int(h * 0.6), int(h * 0.9))
            dr.ellipse([x, y, x + r.randint(10, 40), y + r.randint(5, 20)], fill=(r.randint(80, 140), r.randint(70, 110), 60))
    elif kind in ("toilet_after", "house_after", "toilet_public"):
        dr.rectangle([w * 0.3, h * 0.28, w * 0.62, h * 0.62], fill=(235, 235, 228), outline=(150, 150, 150), width=3)
        dr.polygon([(w * 0.27, h * 0.28), (w * 0.46, h * 0.16), (w * 0.65, h * 0.28)], fill=(70, 90, 120))
        dr.rectangle([w * 0.43, h * 0.42, w * 0.5, h * 0.62], fill=(120, 80, 50))
    elif kind == "garden":
        for i in range(8):
            x0 = int(w * 0.08 + i * w * 0.11)
            dr.rectangle([x0, h * 0.55, x0 + w * 0.08, h * 0.85], fill=(60, 120 + r.randint(0, 60), 50))
        dr.line([(0, h * 0.55), (w, h * 0.55)], fill=(180, 160, 120), width=6)
    elif kind == "station":
        dr.rectangle([w * 0.2, h * 0.25, w * 0.8, h * 0.62], fill=(200, 205, 210), outline=(90, 90, 90), width=4)
        dr.rectangle([w * 0.35, h * 0.4, w * 0.65, h * 0.62], fill=(70, 70, 80))
    elif kind == "wall":
        dr.rectangle([w * 0.1, h * 0.2, w * 0.9, h * 0.65], fill=(245, 240, 230))
        dr.rectangle([w * 0.1, h * 0.2, w * 0.9, h * 0.27], fill=(180, 30, 30))
        for i in range(5):
            dr.rectangle([w * (0.14 + i * 0.15), h * 0.32, w * (0.26 + i * 0.15), h * 0.58], fill=(r.randint(150, 230), r.randint(150, 230), r.randint(120, 200)))
    elif kind == "solar":
        for i in range(6):
            for j in range(3):
                x0 = w * 0.08 + i * w * 0.145; y0 = h * 0.5 + j * h * 0.13
                dr.polygon([(x0, y0 + 60), (x0 + w * 0.12, y0 + 60), (x0 + w * 0.13, y0), (x0 + w * 0.02, y0)], fill=(30, 50, 110), outline=(200, 200, 210))
    elif kind == "field":
        for i in range(12):
            y = h * 0.52 + i * h * 0.04
            dr.line([(0, y), (w, y + r.randint(-8, 8))], fill=(80, 130, 50), width=3)
        dr.line([(w * 0.5, h * 0.5), (w * 0.3, h)], fill=(170, 160, 140), width=40)
    elif kind in ("meeting", "training"):
        dr.rectangle([0, 0, w, h * 0.5], fill=(225, 220, 210))
        dr.rectangle([w * 0.05, h * 0.05, w * 0.95, h * 0.16], fill=(190, 25, 25))
        for i in range(4):
            for j in range(6):
                x = w * 0.1 + j * w * 0.14; y = h * 0.55 + i * h * 0.1
                dr.ellipse([x, y, x + 40, y + 40], fill=(40, 35, 30))
                dr.rectangle([x - 10, y + 40, x + 50, y + 90], fill=(r.randint(30, 90), r.randint(30, 90), r.randint(60, 120)))
    return im.filter(ImageFilter.GaussianBlur(0.6))

def burn(im, lines, pos="bl", size=30, color=(255, 255, 255), box=True):
    dr = ImageDraw.Draw(im)
    f = F(size, "sans")
    lh = size + 8
    hgt = lh * len(lines) + 16
    wdt = max(dr.textlength(l, font=f) for l in lines) + 24
    x0 = 20 if pos.endswith("l") else im.width - wdt - 20
    y0 = im.height - hgt - 20 if pos.startswith("b") else 20
    if box:
        ov = Image.new("RGBA", im.size, (0, 0, 0, 0))
        ImageDraw.Draw(ov).rectangle([x0, y0, x0 + wdt, y0 + hgt], fill=(0, 0, 0, 110))
        im.paste(Image.alpha_composite(im.convert("RGBA"), ov).convert("RGB"))
        dr = ImageDraw.Draw(im)
    for i, l in enumerate(lines):
        dr.text((x0 + 12, y0 + 8 + i * lh), l, font=f, fill=color)
    return im

def save_jpg(rel, im, exif=None, q=78):
    p = ensure(rel)
    if exif is not None:
        im.save(p, "JPEG", quality=q, exif=exif)
    else:
        im.save(p, "JPEG", quality=q)

def photos():
    # 1-2 改厕前后 (folder 青石镇, XPTitle captions, GPS)
    for i, (k, cap, dto) in enumerate([("toilet_before", "枫林村三组谢德华户改厕前", "2024:04:16 10:12:33"),
                                       ("toilet_after", "枫林村三组谢德华户改厕后", "2024:09:03 15:40:08")]):
        rel = f"青石镇/{'改厕前' if i == 0 else '改厕后'}_枫林村.jpg"
        im = scene(500 + i, k)
        save_jpg(rel, im, make_exif(dto, xptitle=cap, gps=(25.6833, 114.3417 + i * 0.0001)))
        label(rel, "青石镇人民政府", False, dto[:10].replace(":", "-"), True, cap, True, "photo", cov(("C01", 4)), text=cap)
    # 3-4 整治前后 (Artist + ImageDescription + burned field-app caption)
    for i, (k, cap, dto) in enumerate([("house_before", "水口村环境整治前", "2024:05:08 10:21:47"),
                                       ("house_after", "水口村环境整治后", "2024:10:15 09:05:12")]):
        rel = f"石门镇水口村{'整治前' if i == 0 else '整治后'}.jpg"
        im = scene(510 + i, k)
        burned = [dto[:10].replace(":", "-") + " " + dto[11:16], "丰泰县石门镇水口村", "村庄清洁 " + ("整治前" if i == 0 else "整治后")]
        burn(im, burned)
        save_jpg(rel, im, make_exif(dto, artist="石门镇人民政府", desc=cap, gps=(25.5121, 114.2050)))
        label(rel, "石门镇人民政府", True, dto[:10].replace(":", "-"), True, cap, True, "photo", cov(("C03", 5)),
              text=cap + "\n石门镇人民政府", pixel="\n".join(burned))
    # 5 四小园 (no caption, GPS)
    im = scene(520, "garden")
    save_jpg("IMG_20240905_152201.jpg", im, make_exif("2024:09:05 15:22:01", gps=(25.7012, 114.4121)))
    label("IMG_20240905_152201.jpg", None, False, "2024-09-05", True, None, False, "photo", cov(("C03", 3)))
    # 6 中转站 (not an item; folder unit)
    im = scene(521, "station")
    save_jpg("龙潭镇/中转站外景.jpg", im, make_exif("2024:07:22 11:03:40"))
    label("龙潭镇/中转站外景.jpg", "龙潭镇人民政府", False, "2024-07-22", True, None, False, "photo", [])
    # 7 移风易俗宣传墙 (XPTitle + Artist)
    cap = "桂溪乡岩口村移风易俗宣传墙"
    im = scene(522, "wall")
    save_jpg("移风易俗宣传墙.jpg", im, make_exif("2024:06:20 16:45:10", artist="桂溪乡人民政府", xptitle=cap))
    label("移风易俗宣传墙.jpg", "桂溪乡人民政府", True, "2024-06-20", True, cap, True, "photo", cov(("D01", 5)), text=cap + "\n桂溪乡人民政府")
    # 8 培训现场 (burned only; not the listed 签到表)
    im = scene(523, "training")
    burned = ["2024.08.27  09:35", "帮扶干部业务培训班"]
    burn(im, burned, pos="tr", size=28)
    save_jpg("IMG_20240827_093512.jpg", im, make_exif("2024:08:27 09:35:12"))
    label("IMG_20240827_093512.jpg", None, False, "2024-08-27", True, None, False, "photo", [], pixel="\n".join(burned))
    # 9-10 WeChat, EXIF stripped
    for rel, k, sd in [("微信图片_20241105102233.jpg", "solar", 524), ("微信图片_20240718164510.jpg", "toilet_public", 525)]:
        im = scene(sd, k, 1080, 810)
        save_jpg(rel, im, None, q=70)
        label(rel, None, False, None, False, None, False, "photo", [])
    # 11 高标准农田 (not an item: the item is the 验收报告)
    im = scene(526, "field")
    save_jpg("IMG_20241023_101533.jpg", im, make_exif("2024:10:23 10:15:33", gps=(25.5987, 114.2876)))
    label("IMG_20241023_101533.jpg", None, False, "2024-10-23", True, None, False, "photo", [])
    # 12 meeting with banner (stripped)
    im = scene(527, "meeting", 1080, 810)
    dr = ImageDraw.Draw(im)
    banner = "丰泰县迎接省级考核评估工作推进会"
    dr.text((80, 60), banner, font=F(44, "bold"), fill=(255, 235, 160))
    save_jpg("微信图片_20241120083015.jpg", im, None, q=70)
    label("微信图片_20241120083015.jpg", None, False, None, False, None, False, "photo", [], pixel=banner)

# ---------------------------------------------------------------- paper rendering (scans, form photos)
DRAWN = []

def render_page(lines, table=None, w=1240, h=1754, seed=0, table_after=None):
    """lines: list of (text, size, align, bold). table: rows drawn after line index table_after."""
    im = Image.new("L", (w, h), 250)
    dr = ImageDraw.Draw(im)
    DRAWN.clear()
    y = 150
    mx = 130
    def put_line(text, size, align, bold):
        nonlocal y
        f = F(size, "bold" if bold else "serif")
        maxw = w - 2 * mx
        # wrap
        segs, cur = [], ""
        for ch in text:
            if dr.textlength(cur + ch, font=f) > maxw:
                segs.append(cur); cur = ch
            else:
                cur += ch
        segs.append(cur)
        for sgm in segs:
            tw = dr.textlength(sgm, font=f)
            x = mx if align == "l" else (w - tw) / 2 if align == "c" else w - mx - tw
            if align == "i":
                x = mx + 2 * size
                align_ = "l"
            dr.text((x, y), sgm, font=f, fill=25)
            y += int(size * 1.7)
    for i, (text, size, align, bold) in enumerate(lines):
        put_line(text, size, align, bold)
        DRAWN.append(text)
        if table and table_after == i:
            ncol = len(table[0])
            cw = (w - 2 * mx) / ncol
            rh = 52
            f = F(22)
            for ri, row in enumerate(table):
                for ci, v in enumerate(row):
                    x0 = mx + ci * cw
                    dr.rectangle([x0, y, x0 + cw, y + rh], outline=40, width=2)
                    s_ = str(v)
                    while dr.textlength(s_, font=f) > cw - 8 and len(s_) > 1:
                        s_ = s_[:-1]
                    dr.text((x0 + 6, y + 12), s_, font=f, fill=30)
                    DRAWN.append(s_)
                y += rh
            y += 30
    return im

def degrade(im, seed, angle=None):
    r = random.Random(seed)
    a = angle if angle is not None else r.uniform(-1.6, 1.6)
    im = im.rotate(a, resample=Image.BICUBIC, expand=False, fillcolor=235)
    dr = ImageDraw.Draw(im)
    for _ in range(1800):
        x, y = r.randint(0, im.width - 1), r.randint(0, im.height - 1)
        dr.point((x, y), fill=r.randint(60, 200))
    return im.filter(ImageFilter.GaussianBlur(0.5))

def scan_pdf(rel, lines, table=None, table_after=None, seed=0, **lab):
    im = degrade(render_page(lines, table, seed=seed, table_after=table_after), seed)
    p = ensure(rel)
    im.convert("RGB").save(p, "PDF", resolution=150.0, quality=60)
    px = list(DRAWN)
    label(rel, lab["unit"], lab["us"], lab["date"], lab["ds"], lab["title"], lab["ts"], "scan", lab["covers"], text="", pixel="\n".join(px))

def form_photo(rel, lines, table, table_after, seed, exif, **lab):
    page = render_page(lines, table, w=1000, h=1400, seed=seed, table_after=table_after).convert("RGB")
    r = random.Random(seed)
    bg = Image.new("RGB", (1300, 1700), (r.randint(90, 130), r.randint(70, 100), r.randint(50, 80)))
    page = page.rotate(r.uniform(-5, 5), expand=True, fillcolor=(0, 0, 0))
    mask = Image.new("L", page.size, 0)
    ImageDraw.Draw(mask).rectangle([0, 0, page.width, page.height], fill=255)
    mask = page.convert("L").point(lambda v: 255 if v > 8 else 0)
    bg.paste(page, (150 - (page.width - 1000) // 2, 150 - (page.height - 1400) // 2), mask)
    # uneven lighting
    shade = Image.linear_gradient("L").resize(bg.size).rotate(r.choice([30, 120, 210]))
    bg = Image.composite(bg, Image.new("RGB", bg.size, (40, 35, 30)), shade.point(lambda v: 190 + v // 4))
    bg = bg.filter(ImageFilter.GaussianBlur(0.9))
    save_jpg(rel, bg, exif, q=72)
    px = list(DRAWN)
    label(rel, lab["unit"], lab["us"], lab["date"], lab["ds"], lab["title"], lab["ts"], "form_photo", lab["covers"], text="", pixel="\n".join(px))

def scans():
    r = random.Random(601)
    scan_pdf("扫描件012.pdf", [
        ("丰泰县2024年耕地保护目标责任书", 40, "c", True),
        ("为全面落实耕地保护党政同责，严守耕地保护红线，县人民政府与柳河镇人民政府签订本责任书。", 24, "i", False),
        ("一、责任目标：柳河镇耕地保有量不少于58320亩，永久基本农田保护面积不少于43826亩。", 24, "i", False),
        ("二、责任内容：坚决遏制耕地“非农化”、防止“非粮化”，撂荒地应种尽种，违法占用耕地动态清零。", 24, "i", False),
        ("三、考核奖惩：责任书执行情况纳入乡镇年度综合考核，实行一票否决。", 24, "i", False),
        ("甲方：丰泰县人民政府（盖章）        乙方：柳河镇人民政府（盖章）", 24, "l", False),
        ("代表（签字）：                      代表（签字）：", 24, "l", False),
        ("二〇二四年三月十八日", 24, "r", False),
    ], seed=11, unit="丰泰县人民政府", us=True, date="2024-03-18", ds=True, title="丰泰县2024年耕地保护目标责任书", ts=True, covers=cov(("B01", 3)))

    rows = [["日期", "电站", "发电量(kWh)", "巡检内容", "逆变器状态", "维护人"]]
    for m in range(7, 13):
        rows.append([f"2024-{m:02d}-{r.randint(3, 9):02d}", "凤凰村光伏电站", r.randint(9000, 15000), "清洗组件、检查线缆", "正常", person_name(r)])
    scan_pdf("扫描件013.pdf", [
        ("村级光伏电站运行维护记录", 36, "c", True),
        ("运维单位：丰泰县阳光新能源运维有限公司", 22, "l", False),
        ("", 22, "l", False),
    ], table=rows, table_after=2, seed=12, unit="丰泰县阳光新能源运维有限公司", us=True, date=None, ds=False,
        title="村级光伏电站运行维护记录", ts=True, covers=cov(("A04", 5)))

    rows = [["巡河日期", "河段", "巡河人", "发现问题", "处理情况"]]
    for i in range(6):
        rows.append([f"2024.{r.randint(1, 12)}.{r.randint(1, 28)}", r.choice(["鹅公坪段", "竹山段", "下坝段"]), r.choice(["黄国平", "邓小军"]),
                     r.choice(["无", "河面漂浮物", "岸边垃圾", "无"]), r.choice(["已清理", "—", "已通知保洁员"])])
    scan_pdf("scan0001.pdf", [
        ("龙潭河村级河长巡河记录表", 36, "c", True),
        ("河流名称：龙潭河    河长：黄国平（村级）", 22, "l", False),
    ], table=rows, table_after=1, seed=13, unit=None, us=False, date=None, ds=False, title="龙潭河村级河长巡河记录表", ts=True, covers=cov(("C04", 4)))

    rows = [["乡镇", "村", "软弱涣散类型", "整顿措施", "联系县领导", "转化情况"],
            ["柳河镇", "新塘村", "班子不团结", "调整支部书记", "汪建新", "已转化"],
            ["上坪乡", "黄泥村", "集体经济薄弱", "选派第一书记", "何明亮", "已转化"],
            ["石门镇", "大坪村", "矛盾纠纷突出", "县乡联合驻村", "赵秀兰", "整顿中"]]
    scan_pdf("软弱涣散村党组织整顿转化台账（扫描）.pdf", [
        ("全县软弱涣散村党组织整顿转化台账", 34, "c", True),
        ("制表单位：中共丰泰县委组织部        截至2024年10月31日", 22, "l", False),
    ], table=rows, table_after=1, seed=14, unit="中共丰泰县委组织部", us=True, date="2024-10-31", ds=True,
        title="全县软弱涣散村党组织整顿转化台账", ts=True, covers=cov(("E01", 2)))

    scan_pdf("扫描件014.pdf", [
        ("人民调解协议书", 40, "c", True),
        ("上调字〔2024〕第11号", 22, "c", False),
        ("当事人：蒋德才，男，黄泥村三组村民；蒋运发，男，黄泥村三组村民。", 24, "i", False),
        ("纠纷简要情况：双方因屋后山林界址不清发生争执，经村调解未果，申请乡调委会调解。", 24, "i", False),
        ("经调解，双方自愿达成如下协议：以原有老坎为界，东侧归蒋德才，西侧归蒋运发；双方不得再就此事发生争执。", 24, "i", False),
        ("本协议一式三份，双方当事人、调委会各执一份。", 24, "i", False),
        ("上坪乡人民调解委员会（盖章）", 24, "r", False),
        ("2024年6月21日", 24, "r", False),
    ], seed=15, unit="上坪乡人民调解委员会", us=True, date="2024-06-21", ds=True, title="人民调解协议书", ts=True, covers=cov(("E02", 2)))

    rows = [["序号", "车间名称", "所在乡镇", "吸纳脱贫劳动力（人）", "主要产品"],
            [1, "柳河镇凤凰村服装加工车间", "柳河镇", 38, "童装"], [2, "青石镇枫林村电子元件车间", "青石镇", 26, "电子线圈"],
            [3, "白沙乡茶叶加工车间", "白沙乡", 19, "茶叶"], [4, "龙潭镇竹编车间", "龙潭镇", 22, "竹编工艺品"]]
    scan_pdf("县人社局/帮扶车间认定.pdf", [
        ("丰泰县人力资源和社会保障局文件", 38, "c", True),
        ("丰人社字〔2024〕9号", 22, "c", False),
        ("关于认定2024年第一批就业帮扶车间的通知", 30, "c", True),
        ("各乡镇人民政府：经乡镇申报、实地核查和公示，现认定以下4家为我县2024年第一批就业帮扶车间，按规定落实一次性奖补。", 24, "i", False),
        ("丰泰县人力资源和社会保障局", 24, "r", False),
        ("2024年4月2日", 24, "r", False),
    ], table=rows, table_after=3, seed=16, unit="丰泰县人力资源和社会保障局", us=True, date="2024-04-02", ds=True,
        title="关于认定2024年第一批就业帮扶车间的通知", ts=True, covers=cov(("A03", 2)))
    # date line appended on the rendered page via the same helper would be after the table; we add it as a final line
    # (kept in a second pass below)

    rows = [["科目", "本季收入（元）", "本季支出（元）", "说明"],
            ["光伏发电收益", "52,300", "", ""], ["山林承包款", "36,000", "", ""], ["村干部报酬", "", "48,600", ""],
            ["保洁员工资", "", "14,400", "公益性岗位"], ["办公经费", "", "6,210", ""]]
    scan_pdf("青石镇/枫林村三季度财务公开.pdf", [
        ("枫林村2024年第三季度财务公开榜", 36, "c", True),
        ("公开时间：2024年10月", 22, "l", False),
    ], table=rows, table_after=1, seed=17, unit="青石镇人民政府", us=False, date=None, ds=False,
        title="枫林村2024年第三季度财务公开榜", ts=True, covers=cov(("B03", 4)))

    scan_pdf("20241115.pdf", [
        ("巩固脱贫成果群众满意度调查问卷", 34, "c", True),
        ("调查单位：丰泰县乡村振兴局    调查日期：2024年11月15日", 22, "l", False),
        ("1．您对驻村工作队和帮扶干部的工作是否满意？  ☑满意  □基本满意  □不满意", 24, "l", False),
        ("2．您家今年收入比去年：☑增加  □持平  □减少", 24, "l", False),
        ("3．您家住房是否安全？饮水是否方便？  ☑是  □否", 24, "l", False),
        ("4．您对村里环境整治效果：□满意  ☑基本满意  □不满意", 24, "l", False),
        ("受访户（签字）：刘秀英      调查员：唐伟", 24, "l", False),
    ], seed=18, unit="丰泰县乡村振兴局", us=True, date="2024-11-15", ds=True, title="巩固脱贫成果群众满意度调查问卷", ts=True, covers=cov(("S04", 1)))

def form_photos():
    rows = [["核查项目", "核查情况"], ["义务教育", "无辍学"], ["基本医疗", "已参保"], ["住房安全", "安全（A级）"], ["饮水安全", "自来水入户"], ["吃穿", "不愁"]]
    form_photo("IMG_20241012_145530.jpg", [
        ("农户“两不愁三保障”及饮水安全入户核查表", 30, "c", True),
        ("户主：吴桂生    茶园村四组    家庭人口：4人", 22, "l", False),
    ], rows, 1, 21, make_exif("2024:10:12 14:55:30"), unit=None, us=False, date="2024-10-12", ds=True,
        title="农户“两不愁三保障”及饮水安全入户核查表", ts=True, covers=cov(("S01", 1), ("A02", 4)))
    rows = [["日期", "借阅人", "书名", "归还日期"], ["9.3", "陈小红", "柑橘栽培技术", "9.17"], ["9.8", "王德明", "平凡的世界", "9.29"],
            ["9.15", "李春燕", "家庭养鸡", "10.6"], ["10.2", "吴桂生", "茶树病虫害防治", ""]]
    form_photo("白沙乡/农家书屋借阅登记.jpg", [
        ("茶园村农家书屋借阅登记簿", 30, "c", True),
    ], rows, 0, 22, make_exif("2024:10:18 10:02:44", artist="白沙乡人民政府"), unit="白沙乡人民政府", us=True, date="2024-10-18", ds=True,
        title="茶园村农家书屋借阅登记簿", ts=True, covers=cov(("D02", 2)))
    rows = [["姓名", "职务", "1日", "2日", "3日", "4日", "5日"], ["罗建华", "第一书记", "√", "√", "√", "√", "√"],
            ["曾志勇", "队员", "√", "√", "√", "休", "√"], ["李运发", "队员", "√", "√", "√", "√", "√"]]
    form_photo("驻村工作队考勤表.jpg", [
        ("驻茶园村工作队2024年11月考勤表", 30, "c", True),
        ("派出单位：丰泰县财政局", 22, "l", False),
    ], rows, 1, 23, make_exif("2024:11:30 17:20:05"), unit="丰泰县财政局", us=True, date="2024-11-30", ds=True,
        title="驻茶园村工作队2024年11月考勤表", ts=True, covers=cov(("A05", 2), ("R03", 3)))
    rows = [["日期", "开放时间", "活动内容", "参与人数", "管理员"], ["11.2", "8:30-17:30", "广场舞排练", "35", "杨兰"],
            ["11.9", "8:30-17:30", "书法培训", "18", "杨兰"], ["11.16", "8:30-17:30", "电影放映", "60", "杨兰"]]
    form_photo("微信图片_20241202091544.jpg", [
        ("杨家湾村综合文化服务中心开放登记表", 30, "c", True),
    ], rows, 0, 24, None, unit=None, us=False, date=None, ds=False,
        title="杨家湾村综合文化服务中心开放登记表", ts=True, covers=cov(("D02", 1)))

def txts():
    t1 = ("入户走访记录\n"
          "丰泰县财政局驻茶园村工作队\n"
          "走访时间：2024年10月9日\n"
          "走访对象：吴桂生户（脱贫户，4人）\n"
          "走访人：罗建华、曾志勇\n"
          "走访情况：户主吴桂生在家，妻子在县城务工，儿子在东海市打工，孙子在白沙乡中心学校读四年级。"
          "今年种茶6亩，养猪2头，预计家庭年人均纯收入1.6万元左右。住房安全，自来水已入户。\n"
          "存在困难：户主有高血压，长期服药。\n"
          "帮扶措施：协助办理慢性病卡，落实家庭医生签约服务；推荐参加秋茶管理培训。\n"
          "户主签字：吴桂生\n")
    p = ensure("1.txt"); p.write_bytes(t1.replace("\n", "\r\n").encode("gb18030"))
    label("1.txt", "丰泰县财政局驻茶园村工作队", True, "2024-10-09", True, "入户走访记录", True, "record", cov(("A01", 4), ("R03", 2)), text=t1)
    t2 = ("监测预警数据比对记录\n"
          "比对单位：丰泰县乡村振兴局\n"
          "比对时间：2024年11月12日\n"
          "数据来源：县医保局（个人自付医疗费用超1万元人员）、县民政局（新增低保和临时救助）、县残联（新增持证残疾人）、县住建局（房屋安全预警）。\n"
          "比对结果：共接收部门预警信息1376条，去重后涉及农户412户；与防止返贫监测信息系统比对，已是监测对象的187户，需乡镇核实的225户。\n"
          "核实情况：截至11月25日，各乡镇已核实225户，新纳入监测对象19户，其余206户经核实无返贫致贫风险。\n"
          "经办人：邹晓芳    审核人：许文华\n")
    p = ensure("监测预警数据比对记录.txt"); p.write_bytes(t2.replace("\n", "\r\n").encode("gb18030"))
    label("监测预警数据比对记录.txt", "丰泰县乡村振兴局", True, "2024-11-12", True, "监测预警数据比对记录", True, "record",
          cov(("A01", 5), ("W03", 1)), text=t2)
    t3 = ("上坪乡黄泥村新时代文明实践站2024年活动记录\n\n"
          "报送：上坪乡新时代文明实践所\n\n"
          "3月5日  学雷锋志愿服务：为村里12位独居老人打扫卫生、理发，参加志愿者16人。\n"
          "5月20日  理论宣讲进农家：乡宣讲员讲解种粮补贴、防止返贫监测政策，群众60余人参加。\n"
          "7月12日  暑期青少年防溺水安全课：村小操场，学生35人。\n"
          "9月18日  “农民丰收节”文艺演出：黄泥村文艺队表演节目8个。\n"
          "11月8日  文明新风讲堂：宣传婚事新办、丧事简办，发放倡议书200份。\n")
    p = ensure("上坪乡/新时代文明实践站活动记录.txt"); p.write_text(t3, encoding="utf-8")
    label("上坪乡/新时代文明实践站活动记录.txt", "上坪乡新时代文明实践所", True, None, False,
          "上坪乡黄泥村新时代文明实践站2024年活动记录", True, "record", cov(("D01", 1)), text=t3)

# ================================================================ queries
LITERAL = ["青石镇 户厕改造 验收", "柳河镇 撂荒地", "白沙乡 公益性岗位 考勤", "茶园村 定点帮扶", "光伏电站 收益分配",
           "东海市潮湾区 劳务协作", "高标准农田 验收", "监测对象 风险消除", "控辍保学 劝返", "集体经济 薄弱村",
           "衔接资金 产业发展", "村庄清洁行动 龙潭镇", "宅基地 试点", "积分制 龙潭镇", "低保 特困 发放",
           "危房改造 验收", "石门镇 流转", "饮水安全 排查 整改", "化肥 农药", "驻村第一书记 轮换"]
SYNONYM = {"外出打工统计": ["务工就业"], "看病报销": ["参保", "医疗救助"], "孩子辍学": ["控辍保学"], "危险房屋": ["危房"],
           "吃水": ["饮水"], "厕所改造": ["改厕", "户厕"], "荒地复垦": ["撂荒"], "太阳能发电": ["光伏"], "村账公开": ["财务公开"],
           "垃圾站": ["垃圾中转站"], "婚丧嫁娶": ["红白理事会", "移风易俗"], "吵架调解": ["矛盾纠纷", "人民调解"]}
ABBREV = {"高标农田": ["高标准农田"], "防返贫": ["防止返贫"], "东西协作": ["东西部协作"], "乡振局": ["乡村振兴局"],
          "农技中心": ["农业技术推广中心"], "公益岗": ["公益性岗位"], "驻村书记": ["驻村第一书记"], "危改": ["危房改造"],
          "农污治理": ["生活污水"], "文旅局": ["文化广电旅游体育局"]}
SCAN_ONLY = ["永久基本农田", "逆变器", "鹅公坪", "调解协议书", "就业帮扶车间", "财务公开榜", "满意度调查问卷", "借阅登记簿"]

def build_queries():
    allc = {k: TEXT[k] + "\n" + PIXEL[k] for k in LABELS}
    qs = []
    for q in LITERAL:
        ws = q.split()
        rel = sorted(k for k, v in allc.items() if all(w in v for w in ws))
        assert rel, q
        qs.append({"q": q, "relevant": rel, "kind": "literal"})
    for kind, table in (("synonym", SYNONYM), ("abbrev", ABBREV)):
        for q, means in table.items():
            bad = [k for k, v in allc.items() if q in v or q in k]
            assert not bad, (q, bad)
            rel = sorted(k for k, v in allc.items() if any(m in v for m in means))
            assert rel, q
            qs.append({"q": q, "relevant": rel, "kind": kind, "means": means})
    for q in SCAN_ONLY:
        bad = [k for k in LABELS if q in TEXT[k] or q in k]
        assert not bad, (q, bad)
        rel = sorted(k for k in LABELS if q in PIXEL[k])
        assert rel, q
        qs.append({"q": q, "relevant": rel, "kind": "scan_only"})
    assert len(qs) == 50, len(qs)
    return qs

# ================================================================ checks
def verify():
    from collections import Counter
    n = Counter()
    for rel in LABELS:
        p = OUT / rel
        assert p.exists(), rel
        ext = p.suffix.lower()
        n[ext] += 1
        if ext == ".docx":
            docx.Document(p)
        elif ext == ".xlsx":
            openpyxl.load_workbook(p)
        elif ext == ".jpg":
            Image.open(p).load()
        elif ext in (".pdf", ".doc"):
            head = p.read_bytes()[:8]
            assert head.startswith(b"%PDF") if ext == ".pdf" else head.startswith(b"\xd0\xcf\x11\xe0"), rel
    on_disk = sorted(str(p.relative_to(OUT)).replace(os.sep, "/") for p in OUT.rglob("*") if p.is_file())
    assert on_disk == sorted(LABELS), set(on_disk) ^ set(LABELS)
    for rel, v in LEDGERS.items():
        assert rel.endswith(".xlsx")
    assert len(LEDGERS) == n[".xlsx"]
    assert sum(1 for v in LEDGERS.values() if v["errors"]) == 15
    assert sum(1 for v in LEDGERS.values() if v.get("tricky")) == 15
    assert sum(len(v["errors"]) for v in LEDGERS.values()) >= 20
    # planted duplicate ids really duplicate, empty cells really empty
    for rel, v in LEDGERS.items():
        if not v["errors"]:
            continue
        wb = openpyxl.load_workbook(OUT / rel)
        for e in v["errors"]:
            ws = wb[e["sheet"]]
            hdr_col = None
            for row in ws.iter_rows(min_row=1, max_row=6):
                for c in row:
                    if c.value == e["column"]:
                        hdr_col = c.column
            assert hdr_col, (rel, e)
            val = ws.cell(e["row"], hdr_col).value
            if e["kind"] == "empty_required":
                assert val in (None, ""), (rel, e)
            if e["kind"] == "duplicate_id":
                col = [ws.cell(i, hdr_col).value for i in range(1, ws.max_row + 1)]
                assert col.count(val) == 2, (rel, e)
    # every id is valid GB 11643
    for k in LABELS:
        for tok in (TEXT[k] + "\n" + PIXEL[k]).replace("（", " ").replace("）", " ").split():
            if len(tok) == 18 and tok.startswith(REGION):
                assert id_check(tok[:17]) == tok[17], tok
    return n

def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    ledger_errors()
    ledger_tricky()
    ledger_ordinary()
    documents()
    run_conversions()
    photos()
    scans()
    form_photos()
    txts()
    n = verify()
    qs = build_queries()
    (ROOT / "labels.json").write_text(json.dumps(dict(sorted(LABELS.items())), ensure_ascii=False, indent=1), encoding="utf-8")
    (ROOT / "ledgers.json").write_text(json.dumps(dict(sorted(LEDGERS.items())), ensure_ascii=False, indent=1), encoding="utf-8")
    (ROOT / "queries.json").write_text(json.dumps(qs, ensure_ascii=False, indent=1), encoding="utf-8")
    shutil.rmtree(TMP, ignore_errors=True)
    print("files:", len(LABELS), dict(n))
    print("ledger errors:", sum(len(v["errors"]) for v in LEDGERS.values()))
    from collections import Counter
    print("kinds:", dict(Counter(v["kind"] for v in LABELS.values())))
    print("no-cover files:", sum(1 for v in LABELS.values() if not v["covers"]))
    print("in folders:", sum(1 for k in LABELS if "/" in k))

if __name__ == "__main__":
    main()
