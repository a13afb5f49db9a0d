#!/usr/bin/env python3
"""Deterministic generator for the ledgers5 corpus (岩溪县, 岭东市; fictional).

Writes files/**.xlsx and ledgers.json, then re-reads every written workbook and
recomputes every sum / rate / ID relation from the cells, asserting that the set of
anomalies found is exactly the set of planted errors (so clean ledgers are clean).
Run:  /work/main/.venv/bin/python make_set.py
"""
import json, os, random, re, shutil, unicodedata, zipfile, zlib, datetime
from decimal import Decimal, ROUND_HALF_UP
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter as CL

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
COUNTY = "岩溪县"
CITY = "岭东市"
REGION = "452726"          # fictional 岩溪县 code
REGION_OTHER = ["452721", "452702", "452729"]  # neighbouring fictional counties (spouses)

TOWNS = {
    "岩溪镇": ["城东社区", "下坊村", "枫树村", "塘背村", "新桥村"],
    "石门镇": ["石门村", "上寨村", "坳头村", "龙井村", "桐子坪村"],
    "青竹乡": ["青竹村", "竹山村", "茶园村", "黄泥坑村"],
    "梅岭镇": ["梅岭村", "岭脚村", "长坑村", "湾里村", "杨梅村"],
    "白沙乡": ["白沙村", "沙坝村", "河口村", "高田村"],
    "龙潭镇": ["龙潭村", "潭头村", "水口村", "牛栏坑村", "石壁村"],
    "樟坑乡": ["樟坑村", "老屋场村", "大坪村", "洋田村"],
    "高坪乡": ["高坪村", "云峰村", "下洞村", "鹅公村"],
}
TOWN_LIST = list(TOWNS)
SURN = list("陈李黄张刘王吴罗周钟曾谢邓赖廖温邱蓝彭肖朱胡何龚")
GIV = list("春秋明华建国玉兰桂英志强小红丽芳金水生福财海军平安德荣秀梅冬生永清文武宏伟翠莲思远俊杰佳怡子涵雨欣浩然梓轩")

# ---------------------------------------------------------------- helpers
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHK = "10X98765432"
USED_IDS = set()


def chk(s17):
    return CHK[sum(int(a) * b for a, b in zip(s17, W)) % 11]


def id_valid(s):
    if not isinstance(s, str):
        return False
    s = s.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    try:
        d = datetime.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    if not (1900 <= d.year <= 2024):
        return False
    return chk(s[:17]) == s[17]


def new_id(rng, y0, y1, sex=None, want_x=False, date=None, region=None):
    for _ in range(100000):
        if date:
            d = date
        else:
            d = datetime.date(rng.randint(y0, y1), 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
        seq = rng.randint(1, 499) * 2 - (1 if sex == "男" else 0) if sex else rng.randint(1, 998)
        s17 = (region or REGION) + d.strftime("%Y%m%d") + "%03d" % seq
        s = s17 + chk(s17)
        if want_x and s[-1] != "X":
            continue
        if s not in USED_IDS:
            USED_IDS.add(s)
            return s
    raise RuntimeError("id space")


def name(rng, surname=None):
    return (surname or rng.choice(SURN)) + "".join(rng.choice(GIV) for _ in range(rng.choice([1, 2, 2])))


def phone(rng):
    return rng.choice(["13", "15", "18", "17", "19"]) + str(rng.randint(0, 9)) + "%08d" % rng.randint(0, 99999999)


def rnd(v, dec):
    qd = Decimal(1).scaleb(-dec)
    r = Decimal(repr(float(v))).quantize(qd, ROUND_HALF_UP)
    return int(r) if dec == 0 else float(r)


FW = str.maketrans("0123456789.,-%", "０１２３４５６７８９．，－％")


def fmt_text(v, dec, style):
    s = f"{v:,.{dec}f}" if style in ("comma", "fw") else f"{v:.{dec}f}"
    if style == "fw":
        s = s.translate(FW)
    return s


def parse(v):
    """cell value -> float (percent strings -> fraction), None if blank/non-numeric"""
    if v is None:
        return None
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    s = unicodedata.normalize("NFKC", str(v)).strip().replace(",", "").replace(" ", "")
    if s == "":
        return None
    pct = s.endswith("%")
    if pct:
        s = s[:-1]
    try:
        x = float(s)
    except ValueError:
        return None
    return x / 100 if pct else x


def blank(v):
    return v is None or (isinstance(v, str) and v.strip() == "")


CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
BOLD = Font(bold=True, size=14)


class Book:
    """wraps a Workbook and records formula caches, relations and planted errors"""

    def __init__(self, rel):
        self.rel = rel
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.cache = {}     # (sheet, coord) -> numeric cached value for formulas
        self.rels = []      # relations to verify
        self.ids = []       # (sheet, coord)
        self.required = []  # (sheet, coord, header)
        self.errors = []
        self.formula_note = False

    def sheet(self, title):
        return self.wb.create_sheet(title)

    def save(self):
        path = os.path.join(OUT, self.rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fixed = datetime.datetime(2025, 1, 15, 9, 30, 0)
        self.wb.properties.created = self.wb.properties.modified = fixed
        self.wb.properties.creator = "岩溪县"
        self.wb.save(path)
        inject_cache(path, self.wb.sheetnames, self.cache)   # also normalises zip timestamps
        return path


def inject_cache(path, names, cache):
    tmp = path + ".tmp"
    zin = zipfile.ZipFile(path)
    zout = zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED)
    for item in zin.infolist():
        data = zin.read(item.filename)
        m = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", item.filename)
        if m:
            sname = names[int(m.group(1)) - 1]
            txt = data.decode("utf-8")

            def rep(mm):
                key = (sname, mm.group(1))
                if key not in cache:
                    raise AssertionError(f"no cache for formula {key}")
                v = cache[key]
                return mm.group(0).replace("<v></v>", f"<v>{repr(float(v)) if isinstance(v, float) else v}</v>").replace("<v />", f"<v>{v}</v>")

            txt = re.sub(r'<c r="([A-Z]+\d+)"[^>]*><f>[^<]*</f><v\s*/?>(?:</v>)?', rep, txt)
            data = txt.encode("utf-8")
        zi = zipfile.ZipInfo(item.filename, date_time=(2025, 1, 15, 9, 30, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        if item.filename == "docProps/core.xml":
            data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-15T09:30:00Z", data)
        zout.writestr(zi, data)
    zout.close()
    zin.close()
    os.replace(tmp, path)


def put(ws, r, c, v, fmt=None):
    cell = ws.cell(row=r, column=c, value=v)
    if fmt:
        cell.number_format = fmt
    return cell


def merged_line(ws, r, ncol, text, bold=False, align="center"):
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
    c = ws.cell(row=r, column=1, value=text)
    c.alignment = Alignment(horizontal=align, vertical="center")
    if bold:
        c.font = BOLD


def date_str(rng):
    d = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randint(2, 20))
    return rng.choice([f"{d.year}年{d.month}月{d.day}日", d.strftime("%Y-%m-%d"), d.strftime("%Y.%m.%d")])


def preamble(ws, rng, ncol, title, unit, lay):
    """title row(s), 填报单位/日期 line, 单位 line. returns next row"""
    r = 1
    if lay.get("form_no"):
        put(ws, r, 1, lay["form_no"])
        r += 1
    merged_line(ws, r, ncol, title, bold=True)
    r += 1
    if lay.get("info") == "above":
        s = f"填报单位：{lay['unit_name']}（盖章）" + " " * 8 + f"填报日期：{date_str(rng)}"
        if unit and lay.get("unit_in_info"):
            s += " " * 6 + unit
            unit = None
        merged_line(ws, r, ncol, s, align="left")
        r += 1
    if unit:
        if lay.get("unit_right"):
            put(ws, r, ncol, unit).alignment = Alignment(horizontal="right")
        else:
            merged_line(ws, r, ncol, unit, align="right")
        r += 1
    return r


def postamble(ws, rng, r, ncol, lay, notes):
    if lay.get("gap_after", True):
        r += 1
    for n in notes:
        merged_line(ws, r, ncol, n, align="left")
        r += 1
    if lay.get("info") == "below":
        merged_line(ws, r, ncol, f"填报单位：{lay['unit_name']}    填报日期：{date_str(rng)}", align="left")
        r += 1
    if lay.get("sign", True):
        s = f"填表人：{name(rng)}" + " " * 10 + f"审核人：{name(rng)}" + " " * 10 + "单位负责人："
        if rng.random() < 0.5:
            s += name(rng)
        put(ws, r, 1, s)
        r += 1
    return r


def add_shuoming(book, rng, lines):
    ws = book.sheet("说明")
    ws.column_dimensions["A"].width = 90
    put(ws, 1, 1, "填报说明").font = Font(bold=True)
    for i, ln in enumerate(lines, 2):
        put(ws, i, 1, f"{i - 1}. {ln}")


# ---------------------------------------------------------------- aggregate tables
def write_num(ws, r, c, v, dec, style, rng):
    """write a plain number, possibly as text (comma / full-width)"""
    if v is None:
        return
    as_txt = style == "comma" or (style == "fw" and rng.random() < 0.35) or (style == "mixed" and rng.random() < 0.3)
    if as_txt:
        st = "fw" if style == "fw" else ("comma" if style == "comma" or rng.random() < 0.6 else "plain")
        put(ws, r, c, fmt_text(v, dec, st))
    else:
        put(ws, r, c, v, "#,##0" if dec == 0 else "#,##0." + "0" * dec)


def rate_value(x, c):
    """fraction/ratio x -> (stored value, number_format, display-units value)"""
    st, dec = c.get("style", "pct_str"), c.get("dec", 1)
    if c["t"] == "ratio":
        d = rnd(x * c.get("factor", 1), dec)
        return d, ("0" if dec == 0 else "0." + "0" * dec), d
    d = rnd(x * 100, dec)
    if st == "pct_str":
        return f"{d:.{dec}f}%", None, d
    if st == "pct_fmt":
        return rnd(x, dec + 2), "0." + "0" * dec + "%", d
    return d, ("0." + "0" * dec), d  # pct_num


def disp_to_stored(d, c):
    st, dec = c.get("style", "pct_str"), c.get("dec", 1)
    if c["t"] == "ratio" or st == "pct_num":
        return rnd(d, dec)
    if st == "pct_str":
        return f"{d:.{dec}f}%"
    return rnd(d / 100, dec + 2)


def swap_digits(v, dec, rng):
    s = f"{v:.{dec}f}"
    pos = [i for i in range(len(s) - 1) if s[i].isdigit() and s[i + 1].isdigit() and s[i] != s[i + 1]]
    if not pos:
        return None
    i = rng.choice(pos)
    t = s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return rnd(float(t), dec)


def agg_sheet(book, ws, rng, cols, blocks, lay, plan, title, unit, notes):
    ncol = len(cols)
    formulas = lay.get("formulas", False)
    numtext = "none" if formulas else lay.get("numtext", "none")
    if formulas:
        for c in cols:
            if c["t"] in ("rate", "growth") and c.get("style", "pct_str") == "pct_str":
                c["style"] = "pct_fmt"
    r = preamble(ws, rng, ncol, title, unit, lay)
    groups = any(c.get("g") for c in cols)
    h0 = r
    for ci, c in enumerate(cols, 1):
        ws.column_dimensions[CL(ci)].width = max(8, 2.2 * len(c["h"]))
        if groups:
            if c.get("g"):
                put(ws, h0 + 1, ci, c["h"]).alignment = CENTER
            else:
                put(ws, h0, ci, c["h"]).alignment = CENTER
                ws.merge_cells(start_row=h0, start_column=ci, end_row=h0 + 1, end_column=ci)
        else:
            put(ws, h0, ci, c["h"]).alignment = CENTER
    if groups:
        ci = 1
        while ci <= ncol:
            g = cols[ci - 1].get("g")
            if g:
                cj = ci
                while cj < ncol and cols[cj].get("g") == g:
                    cj += 1
                put(ws, h0, ci, g).alignment = CENTER
                if cj > ci:
                    ws.merge_cells(start_row=h0, start_column=ci, end_row=h0, end_column=cj)
                ci = cj + 1
            else:
                ci += 1
    r = h0 + (2 if groups else 1)
    key = {c["k"]: i + 1 for i, c in enumerate(cols)}
    ccol = {c["k"]: c for c in cols}
    grouped = lay.get("grouped", False)
    TOTAL = {"type": "total"}
    QZ = {"type": "qz"} if lay.get("qz") else None
    items = []
    if lay.get("total_pos", "bottom") == "top":
        items.append(TOTAL)
        if QZ:
            items.append(QZ)
    for bi, (town, recs) in enumerate(blocks):
        di = [{"type": "data", "rec": rec, "town": town, "first": j == 0} for j, rec in enumerate(recs)]
        if grouped:
            sub = {"type": "sub", "town": town, "members": di}
            items += ([sub] + di) if lay.get("sub_pos") == "before" else (di + [sub])
        else:
            items += di
        if lay.get("spacer") and bi < len(blocks) - 1:
            items.append({"type": "spacer"})
    if lay.get("total_pos", "bottom") != "top":
        items.append(TOTAL)
        if QZ:
            items.append(QZ)
    for it in items:
        it["row"] = r
        r += 1
    last = r
    data = [it for it in items if it["type"] == "data"]
    subs = [it for it in items if it["type"] == "sub"]
    numk = [c["k"] for c in cols if c["t"] in ("num", "rowsum")]
    partk = {p for c in cols if c["t"] == "rowsum" for p in c["parts"]}

    def members(it):
        if it["type"] == "sub":
            return it["members"]
        if it["type"] == "total":
            return data
        if it["type"] == "qz":
            return [d for d in data if d["rec"].get("flag")]
        return []

    # values
    for it in data:
        it["v"] = dict(it["rec"]["vals"])
        for c in cols:
            if c["t"] == "rowsum":
                it["v"][c["k"]] = rnd(sum(it["v"][p] for p in c["parts"]), c.get("dec", 0))
    for it in items:
        if it["type"] in ("sub", "total", "qz"):
            it["v"] = {}
            it["f"] = {}
            for k in numk:
                it["v"][k] = rnd(sum(m["v"][k] for m in members(it)), ccol[k].get("dec", 0))
    # planted wrong totals
    planted = []
    for p in [p for p in plan if p["kind"] == "wrong_total"]:
        tgt = p.get("target", "total")
        cand = [it for it in items if it["type"] == tgt]
        it = cand[p.get("idx", rng.randrange(len(cand)))] if tgt == "sub" else cand[0]
        elig = [k for k in numk if k not in partk and not ccol[k].get("nosum")]
        k = p.get("col") or rng.choice(elig)
        c = ccol[k]
        dec = c.get("dec", 0)
        true = it["v"][k]
        mode = p.get("mode", "slip")
        new = None
        if mode == "swap":
            new = swap_digits(true, dec, rng)
        if mode == "forgot":
            if tgt == "total" and grouped:
                om = rng.choice(subs) if not formulas else subs[-1]
            else:
                mem = members(it)
                om = mem[-1] if formulas else rng.choice(mem)
            if om["v"][k] > 0:
                new = rnd(true - om["v"][k], dec)
                it.setdefault("omit", {})[k] = om
        if new is None or new == true:
            mode = "slip"
            unit_ = 10 ** -dec
            mag = rng.choice([1, 2, 3, 5, 9, 10, 20, 100]) if dec == 0 else rng.choice([1, 3, 7, 10, 50, 100])
            new = rnd(true + rng.choice([-1, 1]) * mag * unit_, dec)
        it["v"][k] = new
        it.setdefault("hard", set()).add(k)
        planted.append(("T", it, k, true, mode))
    # rates from shown values

    def calc_rate(it, c):
        v = it["v"]
        if c["t"] == "growth":
            n, d = v[c["cur"]] - v[c["prev"]], v[c["prev"]]
        else:
            n, d = v[c["num"]], v[c["den"]]
        if d == 0:
            return None
        return n / d

    for it in items:
        if it["type"] == "spacer":
            continue
        for c in cols:
            if c["t"] in ("rate", "growth", "ratio"):
                if it["type"] != "data" and c.get("no_total"):
                    it["v"][c["k"]] = "SKIP"
                    continue
                x = calc_rate(it, c)
                it["v"][c["k"]] = None if x is None else rate_value(x, c)[2]
    for p in [p for p in plan if p["kind"] == "wrong_rate"]:
        tgt = p.get("target", "data")
        cand = [it for it in items if it["type"] == tgt and it["v"].get(p.get("col") or "") not in ("SKIP",)]
        rk = p.get("col") or rng.choice([c["k"] for c in cols if c["t"] in ("rate", "growth", "ratio") and not c.get("no_total")])
        cand = [it for it in cand if it["v"][rk] not in (None, "SKIP") and not any(q[1] is it and q[0] == "R" for q in planted)]
        it = cand[p["idx"]] if "idx" in p else rng.choice(cand)
        c = ccol[rk]
        true = it["v"][rk]
        dec = c.get("dec", 1)
        new = None
        if p.get("mode") == "swap":
            new = swap_digits(true, dec, rng)
            if new is not None and abs(new - true) < 1.0:
                new = None
        if new is None:
            delta = rng.uniform(1.5, 7.0) if c["t"] != "ratio" else max(abs(true) * rng.uniform(0.04, 0.12), 3)
            sign = -1 if (c["t"] == "rate" and true > 97) else rng.choice([-1, 1])
            new = rnd(true + sign * delta, dec)
        it["v"][rk] = new
        it.setdefault("hard", set()).add(rk)
        planted.append(("R", it, rk, true, "overwritten" if formulas else "off"))
        for c2 in cols:   # cells that depend on the planted rate (e.g. 人均增长 from 人均) use the shown value
            if c2["t"] == "growth" and rk in (c2["cur"], c2["prev"]) and c2["k"] not in it.get("hard", set()):
                x = calc_rate(it, c2)
                it["v"][c2["k"]] = None if x is None else rate_value(x, c2)[2]
    # write
    seqn = 0
    tl = lay.get("total_label", "合计")
    lab = [c["k"] for c in cols if c["t"] == "label"]
    for it in items:
        rr = it["row"]
        if it["type"] == "spacer":
            continue
        if it["type"] == "data":
            seqn += 1
            rec = it["rec"]
            if "seq" in key:
                put(ws, rr, key["seq"], seqn)
            if len(lab) == 2:
                if it["first"] or not lay.get("town_once"):
                    put(ws, rr, key[lab[0]], it["town"])
                put(ws, rr, key[lab[1]], rec["label"])
            else:
                put(ws, rr, key[lab[0]], rec["label"])
        else:
            if it["type"] == "sub":
                txt = lay.get("sub_label", "{t}小计").format(t=it["town"])
            elif it["type"] == "total":
                txt = tl
            else:
                txt = lay["qz"]
            if len(lab) == 2 and it["type"] == "sub" and lay.get("sub_label2"):
                put(ws, rr, key[lab[0]], it["town"])
                put(ws, rr, key[lab[1]], "小计")
            elif "seq" in key and lay.get("total_in_seq") and it["type"] == "total":
                put(ws, rr, key["seq"], txt)
                if len(lab) == 2 or True:
                    ws.merge_cells(start_row=rr, start_column=key["seq"], end_row=rr, end_column=key[lab[-1]])
            else:
                put(ws, rr, key[lab[0]], txt)
        for c in cols:
            k, ci = c["k"], key[c["k"]]
            coord = f"{CL(ci)}{rr}"
            if c["t"] in ("num", "rowsum"):
                v = it["v"][k]
                dec = c.get("dec", 0)
                hard = k in it.get("hard", set())
                if formulas and it["type"] != "data" and not hard or (formulas and it["type"] == "data" and c["t"] == "rowsum"):
                    if it["type"] == "data":
                        f = "=" + "+".join(f"{CL(key[p])}{rr}" for p in c["parts"])
                    elif it["type"] == "total" and grouped:
                        f = "=" + "+".join(f"{CL(ci)}{s['row']}" for s in subs)
                    else:
                        mem = members(it)
                        f = f"=SUM({CL(ci)}{mem[0]['row']}:{CL(ci)}{mem[-1]['row']})"
                        assert mem[-1]["row"] - mem[0]["row"] + 1 == len(mem)
                    put(ws, rr, ci, f, "#,##0" if dec == 0 else "#,##0." + "0" * dec)
                    book.cache[(ws.title, coord)] = v
                elif formulas and hard and it.get("omit", {}).get(k):
                    om = it["omit"][k]
                    if it["type"] == "total" and grouped:
                        f = "=" + "+".join(f"{CL(ci)}{s['row']}" for s in subs if s is not om)
                    else:
                        mem = [m for m in members(it) if m is not om]
                        f = f"=SUM({CL(ci)}{mem[0]['row']}:{CL(ci)}{mem[-1]['row']})"
                    put(ws, rr, ci, f, "#,##0" if dec == 0 else "#,##0." + "0" * dec)
                    book.cache[(ws.title, coord)] = v
                else:
                    write_num(ws, rr, ci, v, dec, numtext if it["type"] == "data" or lay.get("text_totals") else "none", rng)
                if c["t"] == "rowsum":
                    book.rels.append(("sum", ws.title, coord, [f"{CL(key[p])}{rr}" for p in c["parts"]], dec))
                if it["type"] != "data":
                    book.rels.append(("sum", ws.title, coord, [f"{CL(ci)}{m['row']}" for m in members(it)], dec))
            elif c["t"] in ("rate", "growth", "ratio"):
                d = it["v"][k]
                if d == "SKIP":
                    continue
                if d is None:
                    put(ws, rr, ci, lay.get("dash", "—"))
                    stored = None
                else:
                    stored = disp_to_stored(d, c)
                if c["t"] == "growth":
                    nc, dc = (f"{CL(key[c['cur']])}{rr}", f"{CL(key[c['prev']])}{rr}")
                else:
                    nc, dc = (f"{CL(key[c['num']])}{rr}", f"{CL(key[c['den']])}{rr}")
                if stored is not None:
                    _, nf, _ = rate_value(0.5, c)
                    if formulas and k not in it.get("hard", set()):
                        fac = c.get("factor", 1) if c["t"] == "ratio" else 1
                        dd = c.get("dec", 1) + (0 if c["t"] == "ratio" or c.get("style") == "pct_num" else 2)
                        mul = "*100" if c.get("style") == "pct_num" and c["t"] != "ratio" else ""
                        if c["t"] == "growth":
                            f = f"=ROUND(({nc}-{dc})/{dc}{mul},{dd})"
                        else:
                            f = f"=ROUND({nc}{'*' + str(fac) if fac != 1 else ''}/{dc}{mul},{dd})"
                        put(ws, rr, ci, f, nf)
                        book.cache[(ws.title, coord)] = stored
                    else:
                        put(ws, rr, ci, stored, nf)
                book.rels.append(("growth" if c["t"] == "growth" else "rate", ws.title, coord, nc, dc, c))
            elif c["t"] == "note" and it["type"] == "data" and it["rec"].get("note"):
                put(ws, rr, ci, it["rec"]["note"])
    for kind, it, k, true, mode in planted:
        c = ccol[k]
        coord = f"{CL(key[k])}{it['row']}"
        e = {"kind": "wrong_total" if kind == "T" else "wrong_rate", "sheet": ws.title, "row": it["row"],
             "column": c["h"], "cell": coord, "expected": true}
        if c.get("g"):
            e["column_group"] = c["g"]
        if kind == "T":
            lbl = {"total": "合计", "sub": "小计", "qz": "其中"}[it["type"]]
            e["note"] = {"slip": f"{lbl}行与明细之和相差一个小数目",
                         "swap": f"{lbl}行两位数字颠倒",
                         "forgot": f"{lbl}行漏加一行" + ("（公式区域少选一行/少加一个小计）" if formulas else "")}[mode]
            if it["type"] == "total" and grouped:
                e["note"] += "；合计应等于各明细行之和（=各小计之和）"
        else:
            e["note"] = ("比率/增长率/人均与其分子÷分母不符" + ("；该格公式被改写为数值" if formulas else ""))
            e["expected_display"] = f"{true:.{c.get('dec', 1)}f}" + ("" if c["t"] == "ratio" else "%")
            e["expected_units"] = c.get("unit_hint", "percent points" if c["t"] != "ratio" else "same unit as the cell")
        book.errors.append(e)
    return last


# ---------------------------------------------------------------- rosters
def roster_sheet(book, ws, rng, cols, rows, lay, title, unit, notes):
    """rows: list of dicts (k -> value, '_hh' household id, '_plant' list). returns nothing;
    sets row['_pos'] = (sheet, sheet_row)."""
    ncol = len(cols)
    r = preamble(ws, rng, ncol, title, unit, lay)
    key = {c["k"]: i + 1 for i, c in enumerate(cols)}
    ccol = {c["k"]: c for c in cols}
    for ci, c in enumerate(cols, 1):
        put(ws, r, ci, c["h"]).alignment = CENTER
        ws.column_dimensions[CL(ci)].width = {"id": 21, "phone": 13}.get(c["t"], max(7, 2.3 * len(c["h"])))
    hr = r
    r += 1
    sumk = [c["k"] for c in cols if c.get("sum")]
    total_pos = lay.get("total_pos")
    trow = None
    if total_pos == "top":
        trow = r
        r += 1
    first = r
    merge = lay.get("merge_hh", [])
    hh_start = {}
    seqn = 0
    prev_hh = None
    for row in rows:
        row["_pos"] = (ws.title, r)
        new_hh = row.get("_hh") != prev_hh
        prev_hh = row.get("_hh")
        if "seq" in key:
            if lay.get("seq_per_hh"):
                if new_hh:
                    seqn += 1
                    put(ws, r, key["seq"], seqn)
            else:
                seqn += 1
                put(ws, r, key["seq"], seqn)
        for c in cols:
            k = c["k"]
            if c["t"] == "seq":
                continue
            if k in merge and not new_hh:
                continue
            v = row.get(k)
            if v is None:
                continue
            if c["t"] in ("money", "int"):
                if lay.get("formula_rowsum") and c.get("parts"):
                    f = "=" + "+".join(f"{CL(key[p])}{r}" for p in c["parts"])
                    put(ws, r, key[k], f, "0.00" if c.get("dec", 0) else "0")
                    book.cache[(ws.title, f"{CL(key[k])}{r}")] = v
                else:
                    write_num(ws, r, key[k], v, c.get("dec", 0), lay.get("numtext", "none"), rng)
            else:
                put(ws, r, key[k], v)
        if merge:
            if new_hh:
                hh_start[row["_hh"]] = r
            row["_hhstart"] = hh_start[row["_hh"]]
        # relations
        for c in cols:
            if c["t"] == "id":
                book.ids.append((ws.title, f"{CL(key[c['k']])}{r}"))
            if c.get("req") and not (c["k"] in merge and not new_hh):
                book.required.append((ws.title, f"{CL(key[c['k']])}{r}", c["h"], [f"{CL(key[o['k']])}{r}" for o in cols if o.get("req") and o is not c and not (o["k"] in merge and not new_hh)]))
            if c.get("parts"):
                book.rels.append(("sum", ws.title, f"{CL(key[c['k']])}{r}", [f"{CL(key[p])}{r}" for p in c["parts"]], c.get("dec", 0)))
        r += 1
    lastd = r - 1
    if merge:
        for hh in hh_start:
            s0 = hh_start[hh]
            e0 = max(rw["_pos"][1] for rw in rows if rw.get("_hh") == hh)
            if e0 > s0:
                for k in merge:
                    ws.merge_cells(start_row=s0, start_column=key[k], end_row=e0, end_column=key[k])
                    ws.cell(row=s0, column=key[k]).alignment = Alignment(vertical="center")
    if lay.get("yixia_kongbai"):
        put(ws, r, key[cols[1]["k"]], "以下空白")
        r += 1
    if total_pos == "bottom":
        trow = r
        r += 1
    planted = []
    if trow:
        label_col = 2 if "seq" in key else 1
        put(ws, trow, 1, lay.get("total_label", "合计"))
        if label_col == 2:
            ws.merge_cells(start_row=trow, start_column=1, end_row=trow, end_column=2)
        if lay.get("count_text"):
            nh = len({rw.get("_hh") for rw in rows})
            put(ws, trow, 3, lay["count_text"].format(h=nh, p=len(rows)))
        for k in sumk:
            c = ccol[k]
            dec = c.get("dec", 0)
            true = rnd(sum(parse(rw.get(k)) or 0 for rw in rows), dec)
            v = true
            tp = [p for p in lay.get("total_err", []) if p.get("col", k) == k]
            if tp:
                mode = tp[0].get("mode", "slip")
                nv = swap_digits(true, dec, rng) if mode == "swap" else None
                if mode == "forgot":
                    cand = [parse(rw.get(k)) for rw in rows if parse(rw.get(k))]
                    nv = rnd(true - rng.choice(cand), dec)
                if nv is None or nv == true:
                    mode = "slip"
                    nv = rnd(true + rng.choice([-1, 1]) * rng.choice([1, 10, 100]) * (10 ** -dec if dec else 1), dec)
                v = nv
                planted.append((k, true, mode))
            coord = f"{CL(key[k])}{trow}"
            if lay.get("formulas") and not tp:
                put(ws, trow, key[k], f"=SUM({CL(key[k])}{first}:{CL(key[k])}{lastd})", "0.00" if dec else "0")
                book.cache[(ws.title, coord)] = v
            else:
                write_num(ws, trow, key[k], v, dec, "none", rng)
            book.rels.append(("sum", ws.title, coord, [f"{CL(key[k])}{rw['_pos'][1]}" for rw in rows], dec))
    postamble(ws, rng, r, ncol, lay, notes)
    for k, true, mode in planted:
        book.errors.append({"kind": "wrong_total", "sheet": ws.title, "row": trow, "column": ccol[k]["h"],
                            "cell": f"{CL(key[k])}{trow}", "expected": true,
                            "note": {"slip": "合计与明细之和相差一个小数目", "swap": "合计两位数字颠倒", "forgot": "合计漏加一行"}[mode]})
    for row in rows:
        for pk, pkey, info in row.get("_plant", []):
            coord = f"{CL(key[pkey])}{row['_pos'][1]}"
            e = {"kind": pk, "sheet": ws.title, "row": row["_pos"][1], "column": ccol[pkey]["h"], "cell": coord, "note": info}
            if pk == "duplicate_id":
                e["_dup_of"] = row["_dup_of"]
                e["_idcol"] = pkey
            book.errors.append(e)


def resolve_dups(book):
    for e in book.errors:
        if "_dup_of" in e:
            src = e.pop("_dup_of")
            e.pop("_idcol")
            e["first_sheet"], e["first_row"] = src["_pos"]


def person(rng, kind="adult", sex=None, surname=None, **kw):
    sex = sex or rng.choice(["男", "女"])
    y = {"adult": (1958, 1992), "old": (1938, 1960), "young": (1988, 2004), "child": (2006, 2019), "student": (2007, 2018)}[kind]
    return {"name": name(rng, surname), "sex": sex, "id": new_id(rng, *y, sex=sex, **kw)}


REL = {"spouse": "配偶", "son": "之子", "dau": "之女", "fa": "之父", "mo": "之母", "gs": "之孙子", "gd": "之孙女"}


def household(rng, size, town, vil):
    hsex = "男" if rng.random() < 0.8 else "女"
    head = person(rng, "adult", hsex)
    sur = head["name"][0]
    tel = phone(rng)
    mem = [dict(head, rel="户主")]
    if size > 1:
        sp = person(rng, "adult", "女" if hsex == "男" else "男",
                    region=rng.choice(REGION_OTHER) if rng.random() < 0.3 else None)
        mem.append(dict(sp, rel="配偶"))
    for _ in range(size - 2):
        t = rng.random()
        if t < 0.7:
            s = rng.choice(["男", "女"])
            m = person(rng, "child", s, surname=sur)
            mem.append(dict(m, rel="之子" if s == "男" else "之女"))
        else:
            s = rng.choice(["男", "女"])
            m = person(rng, "old", s, surname=sur if s == "男" else None)
            mem.append(dict(m, rel="之父" if s == "男" else "之母"))
    for m in mem:
        m.update(hz=head["name"], tel=tel, town=town, vil=vil)
    return mem


def plant_bad_id(rng, row, k="id", mode=None):
    s = row[k]
    mode = mode or rng.choice(["check", "date"])
    if mode == "check":
        c = rng.choice([x for x in "0123456789X" if x != s[17]])
        t = s[:17] + c
        info = f"校验码错误（应为{s[17]}）"
    else:
        y = s[6:10]
        bad = rng.choice([("02", "30"), ("13", "05"), ("04", "31"), ("02", "29"), ("00", "12"), ("11", "31"), ("06", "00")])
        if bad == ("02", "29") and int(y) % 4 == 0:
            bad = ("02", "30")
        t17 = s[:10] + bad[0] + bad[1] + s[14:17]
        t = t17 + chk(t17)
        info = f"出生日期不存在（{y}年{bad[0]}月{bad[1]}日），校验码按错误日期计算"
    assert not id_valid(t) and t not in USED_IDS
    USED_IDS.add(t)
    USED_IDS.discard(s)
    row[k] = t
    row.setdefault("_plant", []).append(("bad_id", k, info))


def plant_dup(rng, rows, src, at, k="id", changes=None):
    cp = {kk: v for kk, v in src.items() if not kk.startswith("_") or kk == "_hh"}
    if changes:
        cp.update(changes)
    cp["_plant"] = [("duplicate_id", k, "同一身份证号重复登记")]
    cp["_dup_of"] = src
    rows.insert(at, cp)
    return cp


def plant_empty(rows, row, k):
    row[k] = None
    row.setdefault("_plant", []).append(("empty_required", k, "必填项为空，其余项目齐全"))


# ---------------------------------------------------------------- verification
def verify(book, path):
    wbv = load_workbook(path, data_only=True)
    wbf = load_workbook(path)
    found = {}

    def val(sh, c):
        return wbv[sh][c].value

    for rel in book.rels:
        if rel[0] == "sum":
            _, sh, cell, srcs, dec = rel
            shown = parse(val(sh, cell))
            s = sum(parse(val(sh, x)) or 0 for x in srcs)
            if shown is None or abs(shown - s) > 0.5 * 10 ** -dec + 1e-6:
                found[("wrong_total", sh, cell)] = s
        else:
            kind, sh, cell, nc, dc, c = rel
            n, d = parse(val(sh, nc)), parse(val(sh, dc))
            if kind == "growth":
                n = n - d
            sv = val(sh, cell)
            if d == 0:
                if parse(sv) is not None:
                    found[("wrong_rate", sh, cell)] = None
                continue
            dec = c.get("dec", 1)
            if c["t"] == "ratio":
                t, s = n / d * c.get("factor", 1), parse(sv)
            else:
                t = n / d * 100
                s = parse(sv)
                if s is not None and c.get("style", "pct_str") != "pct_num":
                    s *= 100
            if s is None or abs(s - t) > 0.5 * 10 ** -dec + 1e-6:
                found[("wrong_rate", sh, cell)] = t
    seen = {}
    for sh, c in book.ids:
        v = val(sh, c)
        if blank(v):
            continue
        v = str(v).strip().upper()
        if not id_valid(v):
            found[("bad_id", sh, c)] = None
        if v in seen:
            found[("duplicate_id", sh, c)] = seen[v]
        else:
            seen[v] = (sh, wbv[sh][c].row)
    for sh, c, h, others in book.required:
        if blank(val(sh, c)) and all(not blank(val(sh, o)) for o in others):
            found[("empty_required", sh, c)] = None
    planted = {(e["kind"], e["sheet"], e["cell"]): e for e in book.errors}
    assert set(found) == set(planted), (book.rel, sorted(set(found) - set(planted)), sorted(set(planted) - set(found)))
    for k, e in planted.items():
        if e["kind"] == "wrong_total":
            assert abs(found[k] - e["expected"]) < 1e-6, (book.rel, k, found[k], e["expected"])
        if e["kind"] == "wrong_rate":
            assert abs(found[k] - e["expected"]) <= 0.5 + 1e-6, (book.rel, k, found[k], e["expected"])
        if e["kind"] == "duplicate_id":
            assert found[k] == (e["first_sheet"], e["first_row"]), (book.rel, k, found[k])
        # header text check
        ws = wbv[e["sheet"]]
        col = re.match(r"[A-Z]+", e["cell"]).group(0)
        hdrs = [ws[f"{col}{r}"].value for r in range(1, 8)]
        assert e["column"] in hdrs, (book.rel, e, hdrs)
    # every formula has a cached value
    nform = 0
    for ws in wbf.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    nform += 1
                    assert wbv[ws.title][cell.coordinate].value is not None, (book.rel, cell.coordinate)
    return nform


# ---------------------------------------------------------------- aggregate topics
def U(rng, a, b, dec):
    return rnd(rng.uniform(a, b), dec)


def towns_pick(rng, n=None, with_county=False):
    t = TOWN_LIST[:] if n is None else rng.sample(TOWN_LIST, n)
    if n is not None:
        t.sort(key=TOWN_LIST.index)
    return t + (["县本级"] if with_county else [])


def topic_fund(rng, style="pct_str"):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "lab", "h": "乡镇（单位）", "t": "label"},
            {"k": "tot", "h": "合计", "g": "资金规模（万元）", "t": "rowsum", "parts": ["zy", "sj", "shi", "xj"], "dec": 2},
            {"k": "zy", "h": "中央", "g": "资金规模（万元）", "t": "num", "dec": 2},
            {"k": "sj", "h": "省级", "g": "资金规模（万元）", "t": "num", "dec": 2},
            {"k": "shi", "h": "市级", "g": "资金规模（万元）", "t": "num", "dec": 2},
            {"k": "xj", "h": "县级", "g": "资金规模（万元）", "t": "num", "dec": 2},
            {"k": "pay", "h": "已支出（万元）", "t": "num", "dec": 2},
            {"k": "jd", "h": "支出进度", "t": "rate", "num": "pay", "den": "tot", "style": style, "dec": 2},
            {"k": "cy", "h": "用于产业发展（万元）", "t": "num", "dec": 2},
            {"k": "zb", "h": "产业占比", "t": "rate", "num": "cy", "den": "tot", "style": style, "dec": 1},
            {"k": "bz", "h": "备注", "t": "note"}]
    recs = []
    for t in towns_pick(rng, with_county=rng.random() < 0.6):
        v = {"zy": U(rng, 80, 420, 2), "sj": U(rng, 30, 160, 2), "shi": U(rng, 5, 40, 2), "xj": U(rng, 10, 70, 2)}
        tot = sum(v.values())
        v["pay"] = rnd(tot * rng.uniform(0.78, 1.0), 2)
        v["cy"] = rnd(tot * rng.uniform(0.55, 0.78), 2)
        recs.append({"label": t, "vals": v, "note": rng.choice(["", "", "含以工代赈", "已全部完成报账", "部分项目跨年"])})
    return cols, [(None, recs)]


def topic_asset(rng):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "lab", "h": "乡镇", "t": "label"},
            {"k": "n", "h": "项目个数（个）", "t": "num"},
            {"k": "tot", "h": "小计", "g": "资产规模（万元）", "t": "rowsum", "parts": ["jy", "gy", "dh"], "dec": 2},
            {"k": "jy", "h": "经营性", "g": "资产规模（万元）", "t": "num", "dec": 2},
            {"k": "gy", "h": "公益性", "g": "资产规模（万元）", "t": "num", "dec": 2},
            {"k": "dh", "h": "到户类", "g": "资产规模（万元）", "t": "num", "dec": 2},
            {"k": "qq", "h": "已确权登记（万元）", "t": "num", "dec": 2},
            {"k": "ql", "h": "确权率", "t": "rate", "num": "qq", "den": "tot", "style": "pct_num", "dec": 1}]
    recs = []
    for t in towns_pick(rng):
        v = {"n": rng.randint(12, 60), "jy": U(rng, 200, 1500, 2), "gy": U(rng, 300, 2200, 2), "dh": U(rng, 20, 300, 2)}
        v["qq"] = rnd((v["jy"] + v["gy"] + v["dh"]) * rng.uniform(0.9, 1.0), 2)
        recs.append({"label": t, "vals": v})
    cols[-1]["h"] = "确权率（%）"
    return cols, [(None, recs)]


def topic_toilet(rng, style="pct_str", grouped=True, ntown=4):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "town", "h": "乡镇", "t": "label"}, {"k": "vil", "h": "行政村", "t": "label"},
            {"k": "task", "h": "年度任务（户）", "t": "num"}, {"k": "wg", "h": "已完工（户）", "t": "num"},
            {"k": "ys", "h": "已验收（户）", "t": "num"},
            {"k": "wcl", "h": "完成率", "t": "rate", "num": "ys", "den": "task", "style": style, "dec": 1},
            {"k": "wt", "h": "排查问题厕所（个）", "t": "num"}, {"k": "zg", "h": "已整改（个）", "t": "num"},
            {"k": "zgl", "h": "整改率", "t": "rate", "num": "zg", "den": "wt", "style": style, "dec": 1},
            {"k": "bz", "h": "备注", "t": "note"}]
    blocks = []
    for t in towns_pick(rng, ntown):
        recs = []
        for vname in TOWNS[t]:
            task = rng.randint(15, 120)
            wg = task - rng.choice([0, 0, 0, 1, 2, 4])
            ys = wg - rng.choice([0, 0, 1, 3])
            wt = rng.choice([0, 0, 2, 3, 5, 8, 12])
            zg = wt - (rng.choice([0, 0, 1]) if wt else 0)
            recs.append({"label": vname, "vals": {"task": task, "wg": wg, "ys": ys, "wt": wt, "zg": zg},
                         "note": rng.choice(["", "", "", "三格式化粪池", "双瓮式", "纳入污水管网"])})
        blocks.append((t, recs))
    return cols, blocks


def topic_employment(rng, style="pct_str"):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "lab", "h": "乡镇", "t": "label"},
            {"k": "ld", "h": "脱贫劳动力（人）", "t": "num"},
            {"k": "sn", "h": "上年数", "g": "务工就业人数（人）", "t": "num"},
            {"k": "bn", "h": "本年数", "g": "务工就业人数（人）", "t": "num"},
            {"k": "xw", "h": "其中：县外务工", "g": "务工就业人数（人）", "t": "num"},
            {"k": "tb", "h": "同比增长", "t": "growth", "cur": "bn", "prev": "sn", "style": style, "dec": 1},
            {"k": "wgl", "h": "务工率", "t": "rate", "num": "bn", "den": "ld", "style": style, "dec": 1},
            {"k": "gy", "h": "公益性岗位安置（人）", "t": "num"}]
    recs = []
    for t in towns_pick(rng):
        ld = rng.randint(900, 3600)
        sn = int(ld * rng.uniform(0.6, 0.82))
        bn = int(sn * rng.uniform(0.94, 1.09))
        recs.append({"label": t, "vals": {"ld": ld, "sn": sn, "bn": bn, "xw": int(bn * rng.uniform(0.35, 0.62)), "gy": rng.randint(20, 130)},
                     "flag": rng.random() < 0.5})
    return cols, [(None, recs)]


def topic_collective(rng, ntown=3):
    cols = [{"k": "town", "h": "乡镇", "t": "label"}, {"k": "vil", "h": "村名", "t": "label"},
            {"k": "sn", "h": "2023年收入", "t": "num", "dec": 2}, {"k": "bn", "h": "2024年收入", "t": "num", "dec": 2},
            {"k": "jy", "h": "其中：经营性收入", "t": "num", "dec": 2},
            {"k": "zz", "h": "增长率", "t": "growth", "cur": "bn", "prev": "sn", "style": "pct_str", "dec": 1},
            {"k": "bz", "h": "主要收入来源", "t": "note"}]
    blocks = []
    for t in towns_pick(rng, ntown):
        recs = []
        for vname in TOWNS[t]:
            sn = U(rng, 6, 85, 2)
            bn = rnd(sn * rng.uniform(0.92, 1.35), 2)
            recs.append({"label": vname, "vals": {"sn": sn, "bn": bn, "jy": rnd(bn * rng.uniform(0.35, 0.85), 2)},
                         "note": rng.choice(["光伏发电收益", "资产租赁", "合作社分红", "农产品购销", "物业服务", "土地流转服务费"])})
        blocks.append((t, recs))
    return cols, blocks


def topic_grain(rng, style="pct_num"):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "lab", "h": "乡镇", "t": "label"},
            {"k": "jh", "h": "计划面积（亩）", "t": "num"}, {"k": "mj", "h": "实际播种面积（亩）", "t": "num"},
            {"k": "wcl", "h": "面积完成率（%）" if style == "pct_num" else "面积完成率", "t": "rate", "num": "mj", "den": "jh", "style": style, "dec": 1},
            {"k": "cl", "h": "总产量（吨）", "t": "num", "dec": 1},
            {"k": "dc", "h": "单产（公斤/亩）", "t": "ratio", "num": "cl", "den": "mj", "factor": 1000, "dec": 1, "unit_hint": "公斤/亩 = 总产量（吨）×1000 ÷ 面积"},
            {"k": "zw", "h": "主要作物", "t": "note"}]
    recs = []
    for t in towns_pick(rng):
        jh = rng.randint(8000, 32000)
        mj = int(jh * rng.uniform(0.98, 1.05))
        recs.append({"label": t, "vals": {"jh": jh, "mj": mj, "cl": rnd(mj * rng.uniform(370, 470) / 1000, 1)},
                     "note": rng.choice(["早稻、晚稻", "中稻", "再生稻", "双季稻、玉米"])})
    return cols, [(None, recs)]


def topic_income(rng):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "lab", "h": "乡镇", "t": "label"},
            {"k": "hs", "h": "脱贫户数（户）", "t": "num"},
            {"k": "rs0", "h": "2023年", "g": "人数（人）", "t": "num"}, {"k": "rs1", "h": "2024年", "g": "人数（人）", "t": "num"},
            {"k": "sr0", "h": "2023年", "g": "纯收入总额（万元）", "t": "num", "dec": 2},
            {"k": "sr1", "h": "2024年", "g": "纯收入总额（万元）", "t": "num", "dec": 2},
            {"k": "rj0", "h": "2023年人均", "g": "人均纯收入（元）", "t": "ratio", "num": "sr0", "den": "rs0", "factor": 10000, "dec": 0, "unit_hint": "元 = 总额（万元）×10000 ÷ 人数"},
            {"k": "rj1", "h": "2024年人均", "g": "人均纯收入（元）", "t": "ratio", "num": "sr1", "den": "rs1", "factor": 10000, "dec": 0, "unit_hint": "元 = 总额（万元）×10000 ÷ 人数"},
            {"k": "zz", "h": "人均增长", "t": "growth", "cur": "rj1", "prev": "rj0", "style": "pct_str", "dec": 1}]
    recs = []
    for t in towns_pick(rng):
        hs = rng.randint(400, 1500)
        rs0 = int(hs * rng.uniform(3.1, 3.8))
        rs1 = rs0 + rng.randint(-15, 10)
        p0 = rng.uniform(14500, 17500)
        sr0 = rnd(rs0 * p0 / 10000, 2)
        sr1 = rnd(rs1 * p0 * rng.uniform(1.06, 1.13) / 10000, 2)
        recs.append({"label": t, "vals": {"hs": hs, "rs0": rs0, "rs1": rs1, "sr0": sr0, "sr1": sr1}})
    return cols, [(None, recs)]


def topic_medical(rng, style="pct_str"):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "lab", "h": "乡镇", "t": "label"},
            {"k": "ycb", "h": "应参保人数", "t": "num"}, {"k": "ycb2", "h": "已参保人数", "t": "num"},
            {"k": "cbl", "h": "参保率", "t": "rate", "num": "ycb2", "den": "ycb", "style": style, "dec": 2},
            {"k": "zz", "h": "资助参保金额（万元）", "t": "num", "dec": 2},
            {"k": "jz", "h": "医疗救助人次", "t": "num"}, {"k": "jzje", "h": "医疗救助金额（万元）", "t": "num", "dec": 2},
            {"k": "bz", "h": "备注", "t": "note"}]
    recs = []
    for t in towns_pick(rng):
        y = rng.randint(2600, 11000)
        recs.append({"label": t, "vals": {"ycb": y, "ycb2": y - rng.choice([0, 0, 1, 2, 3]), "zz": rnd(y * rng.uniform(0.018, 0.038), 2),
                                          "jz": rng.randint(150, 900), "jzje": U(rng, 30, 260, 2)},
                     "note": rng.choice(["", "", "未参保人员为服刑人员", "含外出务工参保"])})
    return cols, [(None, recs)]


def topic_water(rng, style="pct_str", zero=True):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "lab", "h": "乡镇", "t": "label"},
            {"k": "pc", "h": "排查户数", "t": "num"}, {"k": "wt", "h": "发现问题（个）", "t": "num"},
            {"k": "zg", "h": "已整改（个）", "t": "num"},
            {"k": "zgl", "h": "整改率", "t": "rate", "num": "zg", "den": "wt", "style": style, "dec": 1},
            {"k": "zj", "h": "投入资金（万元）", "t": "num", "dec": 2}, {"k": "bz", "h": "问题类型", "t": "note"}]
    recs = []
    for i, t in enumerate(towns_pick(rng)):
        wt = 0 if (zero and i in (2, 5)) else rng.randint(3, 40)
        zg = wt - (rng.choice([0, 0, 1, 2]) if wt > 2 else 0)
        recs.append({"label": t, "vals": {"pc": rng.randint(2000, 9000), "wt": wt, "zg": zg, "zj": U(rng, 0, 85, 2) if wt else 0.0},
                     "note": "" if not wt else rng.choice(["水量不足", "水质不达标", "管网老化", "季节性缺水"])})
    return cols, [(None, recs)]


UNITS = ["县委办公室", "县政府办公室", "县财政局", "县人社局", "县教育局", "县卫健委", "县农业农村局", "县水利局",
         "县住建局", "县交通运输局", "县供电公司", "县农商银行", "县烟草专卖局", "县融媒体中心"]


def topic_consume(rng, style="pct_fmt"):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "lab", "h": "帮扶单位", "t": "label"},
            {"k": "rw", "h": "年度任务", "t": "num", "dec": 2}, {"k": "wc", "h": "已完成", "t": "num", "dec": 2},
            {"k": "xs", "h": "其中：线上采购", "t": "num", "dec": 2},
            {"k": "wcl", "h": "完成率", "t": "rate", "num": "wc", "den": "rw", "style": style, "dec": 1}]
    recs = []
    for u in rng.sample(UNITS, 10):
        rw = rng.choice([5, 8, 10, 12, 15, 20, 30])
        wc = rnd(rw * rng.uniform(0.85, 1.4), 2)
        recs.append({"label": u, "vals": {"rw": float(rw), "wc": wc, "xs": rnd(wc * rng.uniform(0.2, 0.7), 2)}})
    return cols, [(None, recs)]


def topic_culture(rng, style="pct_str"):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "lab", "h": "乡镇", "t": "label"},
            {"k": "xjh", "h": "计划场次", "g": "送戏下乡", "t": "num"}, {"k": "xwc", "h": "完成场次", "g": "送戏下乡", "t": "num"},
            {"k": "xl", "h": "完成率", "g": "送戏下乡", "t": "rate", "num": "xwc", "den": "xjh", "style": style, "dec": 1},
            {"k": "djh", "h": "计划场次", "g": "农村电影放映", "t": "num"}, {"k": "dwc", "h": "放映场次", "g": "农村电影放映", "t": "num"},
            {"k": "dl", "h": "完成率", "g": "农村电影放映", "t": "rate", "num": "dwc", "den": "djh", "style": style, "dec": 1}]
    recs = []
    for t in towns_pick(rng):
        xj = rng.randint(6, 20)
        nv = len(TOWNS[t]) * 12
        recs.append({"label": t, "vals": {"xjh": xj, "xwc": xj + rng.choice([0, 0, 1, 2, -1]), "djh": nv, "dwc": nv + rng.choice([0, 0, 2, 5, -2])}})
    return cols, [(None, recs)]


def topic_land(rng, style="pct_str"):
    cols = [{"k": "lab", "h": "时段", "t": "label"},
            {"k": "sr0", "h": "上年数", "g": "土地出让收入（万元）", "t": "num", "dec": 2},
            {"k": "sr1", "h": "本年数", "g": "土地出让收入（万元）", "t": "num", "dec": 2},
            {"k": "ny0", "h": "上年数", "g": "用于农业农村支出（万元）", "t": "num", "dec": 2},
            {"k": "ny1", "h": "本年数", "g": "用于农业农村支出（万元）", "t": "num", "dec": 2},
            {"k": "zb", "h": "本年占比", "t": "rate", "num": "ny1", "den": "sr1", "style": style, "dec": 2},
            {"k": "tb", "h": "支出同比增长", "t": "growth", "cur": "ny1", "prev": "ny0", "style": style, "dec": 1}]
    recs = []
    for q in ["一季度", "二季度", "三季度", "四季度"]:
        s0, s1 = U(rng, 3000, 12000, 2), U(rng, 2500, 13000, 2)
        recs.append({"label": q, "vals": {"sr0": s0, "sr1": s1, "ny0": rnd(s0 * rng.uniform(0.06, 0.1), 2), "ny1": rnd(s1 * rng.uniform(0.08, 0.12), 2)}})
    return cols, [(None, recs)]


def topic_garbage(rng):
    months = [f"{m}月" for m in range(1, 13)]
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "lab", "h": "中转站名称", "t": "label"}]
    cols += [{"k": f"m{i}", "h": m, "g": "转运量（吨）", "t": "num", "dec": 1} for i, m in enumerate(months)]
    cols += [{"k": "tot", "h": "全年合计", "g": "转运量（吨）", "t": "rowsum", "parts": [f"m{i}" for i in range(12)], "dec": 1},
             {"k": "sn", "h": "上年转运量（吨）", "t": "num", "dec": 1},
             {"k": "tb", "h": "同比", "t": "growth", "cur": "tot", "prev": "sn", "style": "pct_fmt", "dec": 1}]
    recs = []
    for t in towns_pick(rng):
        base = rng.uniform(80, 420)
        v = {f"m{i}": rnd(base * rng.uniform(0.85, 1.2) * (1.15 if i in (0, 1, 9) else 1), 1) for i in range(12)}
        v["sn"] = rnd(sum(v.values()) * rng.uniform(0.9, 1.08), 1)
        recs.append({"label": f"{t}垃圾中转站", "vals": v})
    return cols, [(None, recs)]


AGG_TOPICS = {"fund": topic_fund, "asset": topic_asset, "toilet": topic_toilet, "employment": topic_employment,
              "collective": topic_collective, "grain": topic_grain, "income": topic_income, "medical": topic_medical,
              "water": topic_water, "consume": topic_consume, "culture": topic_culture, "land": topic_land,
              "garbage": topic_garbage}


# ---------------------------------------------------------------- roster topics
def members_rows(rng, towns, nhh, smax=5):
    rows = []
    hh = 0
    for _ in range(nhh):
        t = rng.choice(towns)
        v = rng.choice(TOWNS[t])
        hh += 1
        for m in household(rng, rng.choice([1, 2, 2, 3, 3, 4, 4, 5][: smax + 3]), t, v):
            m["_hh"] = hh
            rows.append(m)
    return rows


def topic_monitor(rng, nhh=14, towns=None):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "town", "h": "乡镇", "t": "text"}, {"k": "vil", "h": "村", "t": "text"},
            {"k": "hz", "h": "户主姓名", "t": "text", "req": True}, {"k": "name", "h": "姓名", "t": "text", "req": True},
            {"k": "rel", "h": "与户主关系", "t": "text"}, {"k": "id", "h": "身份证号", "t": "id", "req": True},
            {"k": "tel", "h": "联系电话", "t": "phone", "req": True}, {"k": "lx", "h": "监测对象类型", "t": "text"},
            {"k": "nr", "h": "纳入时间", "t": "text"}, {"k": "fx", "h": "主要风险", "t": "text"},
            {"k": "xc", "h": "风险是否消除", "t": "text"}, {"k": "bz", "h": "备注", "t": "text"}]
    rows = members_rows(rng, towns or TOWN_LIST, nhh)
    hhv = {}
    for r in rows:
        if r["_hh"] not in hhv:
            d = datetime.date(2022, 3, 1) + datetime.timedelta(days=rng.randint(0, 900))
            hhv[r["_hh"]] = {"lx": rng.choice(["脱贫不稳定户", "边缘易致贫户", "突发严重困难户"]), "nr": d.strftime("%Y-%m"),
                             "fx": rng.choice(["因病", "因残", "因学", "因意外事故", "缺劳动力", "因灾"]),
                             "xc": rng.choice(["是", "否", "否"])}
        r.update(hhv[r["_hh"]])
    return cols, rows


def topic_jiating(rng, nhh=12, towns=None):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "vil", "h": "村（社区）", "t": "text"},
            {"k": "hz", "h": "户主", "t": "text", "req": True}, {"k": "name", "h": "姓名", "t": "text", "req": True},
            {"k": "rel", "h": "与户主关系", "t": "text"}, {"k": "id", "h": "身份证号", "t": "id", "req": True},
            {"k": "ys", "h": "签约医生", "t": "text"}, {"k": "sj", "h": "签约日期", "t": "text"},
            {"k": "tel", "h": "联系电话", "t": "phone", "req": True}, {"k": "bz", "h": "重点人群", "t": "text"}]
    rows = members_rows(rng, towns or TOWN_LIST, nhh)
    docs = [name(rng) for _ in range(3)]
    for r in rows:
        r["ys"] = rng.choice(docs)
        r["sj"] = f"2024-0{rng.randint(1, 3)}-{rng.randint(10, 28)}"
        r["bz"] = rng.choice(["", "", "高血压", "糖尿病", "65岁以上老人", "0-6岁儿童", "残疾人"])
    return cols, rows


def topic_gongyi(rng, n=16, towns=None):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "name", "h": "姓名", "t": "text", "req": True},
            {"k": "sex", "h": "性别", "t": "text"}, {"k": "id", "h": "身份证号", "t": "id", "req": True},
            {"k": "town", "h": "乡镇", "t": "text"}, {"k": "vil", "h": "村", "t": "text"},
            {"k": "gw", "h": "岗位类型", "t": "text"}, {"k": "tel", "h": "联系电话", "t": "phone", "req": True},
            {"k": "yb", "h": "月补贴（元）", "t": "int"}, {"k": "ys", "h": "发放月数", "t": "int"},
            {"k": "je", "h": "发放金额（元）", "t": "int", "sum": True, "req": True}, {"k": "bz", "h": "备注", "t": "text"}]
    rows = []
    for _ in range(n):
        p = person(rng, rng.choice(["adult", "adult", "old"]) if False else "adult")
        t = rng.choice(towns or TOWN_LIST)
        yb = rng.choice([500, 600, 800, 1000])
        ys = rng.choice([12, 12, 12, 10, 8, 6])
        rows.append({"name": p["name"], "sex": p["sex"], "id": p["id"], "town": t, "vil": rng.choice(TOWNS[t]),
                     "gw": rng.choice(["保洁员", "护林员", "护路员", "水管员", "防返贫信息员", "治安巡逻员"]), "tel": phone(rng),
                     "yb": yb, "ys": ys, "je": yb * ys, "bz": rng.choice(["", "", "", "脱贫户", "监测户", "7月起聘"]) })
    return cols, rows


def topic_dibao_sheet(rng, town, n):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "vil", "h": "村（居）", "t": "text"},
            {"k": "name", "h": "户主姓名", "t": "text", "req": True}, {"k": "id", "h": "身份证号", "t": "id", "req": True},
            {"k": "lb", "h": "保障类别", "t": "text"}, {"k": "rs", "h": "保障人数", "t": "int", "sum": True},
            {"k": "yb", "h": "月保障金（元）", "t": "money", "dec": 2, "sum": True},
            {"k": "je", "h": "全年发放金额（元）", "t": "money", "dec": 2, "sum": True, "req": True},
            {"k": "tel", "h": "联系电话", "t": "phone", "req": True}]
    rows = []
    for _ in range(n):
        p = person(rng, rng.choice(["adult", "old"]))
        lb = rng.choice(["A类低保", "B类低保", "C类低保", "特困供养（分散）"])
        rs = 1 if lb.startswith("特困") else rng.randint(1, 5)
        yb = rnd(rs * rng.choice([330.0, 410.5, 465.0, 520.0]), 2)
        rows.append({"vil": rng.choice(TOWNS[town]), "name": p["name"], "id": p["id"], "lb": lb, "rs": rs, "yb": yb,
                     "je": rnd(yb * rng.choice([12, 12, 12, 9, 6]), 2), "tel": phone(rng)})
    return cols, rows


def topic_training(rng, n=18):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "name", "h": "姓名", "t": "text", "req": True},
            {"k": "sex", "h": "性别", "t": "text"}, {"k": "id", "h": "身份证号码", "t": "id", "req": True},
            {"k": "addr", "h": "户籍地址", "t": "text"}, {"k": "gz", "h": "培训工种", "t": "text"},
            {"k": "tp", "h": "是否脱贫劳动力", "t": "text"}, {"k": "tel", "h": "联系电话", "t": "phone", "req": True},
            {"k": "zs", "h": "结业证书编号", "t": "text"}]
    gz = rng.choice(["中式烹调师", "电工", "育婴员", "茶叶加工", "电子商务", "农机驾驶"])
    rows = []
    for i in range(n):
        p = person(rng, rng.choice(["adult", "young"]))
        t = rng.choice(TOWN_LIST)
        rows.append({"name": p["name"], "sex": p["sex"], "id": p["id"], "addr": f"{COUNTY}{t}{rng.choice(TOWNS[t])}",
                     "gz": gz, "tp": rng.choice(["是", "是", "否"]), "tel": phone(rng), "zs": f"YX2024{rng.randint(10, 99)}{i + 1:03d}"})
    return cols, rows


def topic_kongchuo(rng, n=12):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "name", "h": "学生姓名", "t": "text", "req": True},
            {"k": "sex", "h": "性别", "t": "text"}, {"k": "id", "h": "身份证号", "t": "id", "req": True},
            {"k": "vil", "h": "户籍所在地", "t": "text"}, {"k": "xx", "h": "就读学校", "t": "text"},
            {"k": "nj", "h": "年级", "t": "text"}, {"k": "jh", "h": "监护人", "t": "text", "req": True},
            {"k": "tel", "h": "联系电话", "t": "phone", "req": True}, {"k": "zt", "h": "劝返复学情况", "t": "text"}]
    rows = []
    for i in range(n):
        p = person(rng, "student")
        t = rng.choice(TOWN_LIST)
        rows.append({"name": p["name"], "sex": p["sex"], "id": p["id"], "vil": f"{t}{rng.choice(TOWNS[t])}",
                     "xx": f"{COUNTY}{rng.choice(['第一中学', '第二中学', t + '中心小学', t + '初级中学', '职业中专'])}",
                     "nj": rng.choice(["五年级", "六年级", "七年级", "八年级", "九年级"]), "jh": name(rng, p["name"][0]),
                     "tel": phone(rng), "zt": rng.choice(["已劝返复学", "送教上门", "已劝返复学", "随迁就读（已核实）"])})
    return cols, rows


def topic_zizhu(rng, n=15):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "name", "h": "学生姓名", "t": "text", "req": True},
            {"k": "id", "h": "身份证号", "t": "id", "req": True}, {"k": "xd", "h": "学段", "t": "text"},
            {"k": "xx", "h": "学校", "t": "text"}, {"k": "xm", "h": "资助项目", "t": "text"},
            {"k": "je", "h": "资助金额（元）", "t": "money", "dec": 2, "sum": True, "req": True}]
    rows = []
    for _ in range(n):
        p = person(rng, "student")
        xd, xm, je = rng.choice([("义务教育", "家庭经济困难学生生活补助", 625.0), ("义务教育", "家庭经济困难学生生活补助", 500.0),
                                 ("普通高中", "国家助学金", 1000.0), ("中职", "国家助学金", 1000.0), ("学前教育", "保教费减免", 750.0)])
        rows.append({"name": p["name"], "id": p["id"], "xd": xd, "xx": f"{COUNTY}{rng.choice(['第一中学', '实验小学', '职业中专', '第二中学', '城南幼儿园'])}",
                     "xm": xm, "je": je})
    return cols, rows


def topic_canji(rng, n=14):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "name", "h": "姓名", "t": "text", "req": True},
            {"k": "id", "h": "身份证号", "t": "id", "req": True}, {"k": "lb", "h": "残疾类别", "t": "text"},
            {"k": "dj", "h": "等级", "t": "text"},
            {"k": "kn", "h": "困难残疾人生活补贴（元）", "t": "money", "dec": 2, "sum": True},
            {"k": "hl", "h": "重度残疾人护理补贴（元）", "t": "money", "dec": 2, "sum": True},
            {"k": "hj", "h": "小计（元）", "t": "money", "dec": 2, "sum": True, "parts": ["kn", "hl"], "req": True},
            {"k": "tel", "h": "联系电话", "t": "phone", "req": True}]
    rows = []
    for _ in range(n):
        p = person(rng, rng.choice(["adult", "old", "young"]))
        dj = rng.choice(["一级", "二级", "三级", "四级"])
        kn = rng.choice([0.0, 270.0, 270.0, 360.0])
        hl = 270.0 if dj in ("一级", "二级") else 0.0
        if kn == 0 and hl == 0:
            kn = 270.0
        rows.append({"name": p["name"], "id": p["id"], "lb": rng.choice(["肢体", "视力", "听力", "智力", "精神", "多重"]), "dj": dj,
                     "kn": kn, "hl": hl, "hj": kn + hl, "tel": phone(rng)})
    return cols, rows


def topic_shouyi(rng, n=14, town=None):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "vil", "h": "村民小组", "t": "text"},
            {"k": "name", "h": "户主", "t": "text", "req": True}, {"k": "id", "h": "身份证号", "t": "id", "req": True},
            {"k": "rk", "h": "家庭人口", "t": "int", "sum": True}, {"k": "je", "h": "分配金额（元）", "t": "money", "dec": 2, "sum": True, "req": True},
            {"k": "qz", "h": "领取人签字", "t": "text"}, {"k": "tel", "h": "联系电话", "t": "phone"}]
    rows = []
    for _ in range(n):
        p = person(rng, "adult")
        rk = rng.randint(1, 6)
        rows.append({"vil": f"第{rng.randint(1, 9)}村民小组", "name": p["name"], "id": p["id"], "rk": rk, "je": rnd(rk * 120.5, 2),
                     "tel": phone(rng) if rng.random() < 0.8 else None})
    return cols, rows


def topic_wangge(rng, n=15, town=None):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "name", "h": "网格员姓名", "t": "text", "req": True},
            {"k": "sex", "h": "性别", "t": "text"}, {"k": "id", "h": "身份证号", "t": "id", "req": True},
            {"k": "town", "h": "所属乡镇", "t": "text"}, {"k": "wg", "h": "网格名称", "t": "text"},
            {"k": "tel", "h": "联系电话", "t": "phone", "req": True}, {"k": "xc", "h": "本年巡查次数", "t": "int", "sum": True}]
    rows = []
    for i in range(n):
        p = person(rng, rng.choice(["adult", "young"]))
        t = town or rng.choice(TOWN_LIST)
        rows.append({"name": p["name"], "sex": p["sex"], "id": p["id"], "town": t, "wg": f"{rng.choice(TOWNS[t])}第{rng.randint(1, 4)}网格",
                     "tel": phone(rng), "xc": rng.randint(80, 260)})
    return cols, rows


def topic_zhucun(rng, n=14):
    cols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "name", "h": "姓名", "t": "text", "req": True},
            {"k": "id", "h": "身份证号", "t": "id", "req": True}, {"k": "dw", "h": "派出单位", "t": "text"},
            {"k": "zw", "h": "驻村职务", "t": "text"}, {"k": "cun", "h": "驻村名称", "t": "text"},
            {"k": "tel", "h": "联系电话", "t": "phone", "req": True}, {"k": "ts", "h": "本年在岗天数", "t": "int"}]
    rows = []
    for i in range(n):
        p = person(rng, rng.choice(["adult", "young"]))
        t = rng.choice(TOWN_LIST)
        rows.append({"name": p["name"], "id": p["id"], "dw": rng.choice(UNITS), "zw": "第一书记" if i % 3 == 0 else "工作队员",
                     "cun": f"{t}{rng.choice(TOWNS[t])}", "tel": phone(rng), "ts": rng.randint(220, 250)})
    return cols, rows


# ---------------------------------------------------------------- ledger specs
def base_lay(rng, unit_name, **kw):
    lay = {"unit_name": unit_name, "info": rng.choice(["above", "above", "below", None]), "sign": rng.random() < 0.75,
           "form_no": rng.choice([None, None, "附表1", "表2", "附件3"])}
    lay.update(kw)
    return lay


def agg_book(rel, topic, title, unit, unit_name, lay_kw, plan, notes=(), shuoming=None, targs=None, sheet="Sheet1"):
    def build(book, rng):
        cols, blocks = AGG_TOPICS[topic](rng, **(targs or {}))
        lay = base_lay(rng, unit_name, **lay_kw)
        ws = book.sheet(sheet)
        last = agg_sheet(book, ws, rng, cols, blocks, lay, plan, title, unit, [])
        postamble(ws, rng, last, len(cols), lay, list(notes))
        if shuoming:
            add_shuoming(book, rng, shuoming)
    return rel, build


def roster_plan(rng, rows, plan):
    def clean_rows():
        return [r for r in rows if not r.get("_plant") and not r.get("_src") and not r.get("_dup_of")]
    for p in plan:
        if p[0] == "bad":
            plant_bad_id(rng, rng.choice(clean_rows()), mode=p[1])
        elif p[0] == "empty":
            cand = [r for r in clean_rows() if r.get(p[1]) is not None]
            plant_empty(rows, rng.choice(cand), p[1])
        elif p[0] == "dup":
            cr = clean_rows()
            src = rng.choice(cr[: len(cr) // 2])
            src["_src"] = True
            i = rows.index(src)
            at = rng.randrange(i + 2, len(rows) + 1)
            nb = rows[at - 1]
            ch = {k: nb[k] for k in ("hz", "tel", "town", "vil", "_hh") if k in nb and k in src}
            if "tel" in ch and "hz" not in ch:
                ch.pop("tel")
            plant_dup(rng, rows, src, at, changes=ch)


def roster_book(rel, topic, title, unit_name, lay_kw, plan, notes=(), targs=None, sheet="Sheet1", shuoming=None, special=None):
    def build(book, rng):
        cols, rows = ROSTER_TOPICS[topic](rng, **(targs or {}))
        if special:
            special(rng, rows)
        roster_plan(rng, rows, [p for p in plan if p[0] != "total"])
        lay = base_lay(rng, unit_name, **lay_kw)
        lay["total_err"] = [{"mode": p[1], **({"col": p[2]} if len(p) > 2 else {})} for p in plan if p[0] == "total"]
        if lay["total_err"] and "col" not in lay["total_err"][0]:
            lay["total_err"][0]["col"] = [c["k"] for c in cols if c.get("sum")][-1]
        ws = book.sheet(sheet)
        roster_sheet(book, ws, rng, cols, rows, lay, title, None, list(notes))
        if shuoming:
            add_shuoming(book, rng, shuoming)
    return rel, build


ROSTER_TOPICS = {"monitor": topic_monitor, "jiating": topic_jiating, "gongyi": topic_gongyi, "training": topic_training,
                 "kongchuo": topic_kongchuo, "zizhu": topic_zizhu, "canji": topic_canji, "shouyi": topic_shouyi,
                 "wangge": topic_wangge, "zhucun": topic_zhucun}


def dibao_book(rel, title, towns, plan, lay_kw, tricky_x=False):
    def build(book, rng):
        allrows = {}
        cols = None
        for t in towns:
            cols, rows = topic_dibao_sheet(rng, t, rng.randint(8, 13))
            allrows[t] = rows
        if tricky_x:   # a 户主 whose ID ends in X and a same-name different person in another town
            r0 = allrows[towns[0]][2]
            USED_IDS.discard(r0["id"])
            r0["id"] = new_id(rng, 1950, 1970, want_x=True)
            allrows[towns[1]][4]["name"] = allrows[towns[0]][5]["name"]
        for p in plan:
            if p[0] == "xdup":   # same 户主 listed in a second town's sheet
                src = allrows[towns[0]][rng.randrange(1, 5)]
                src["_src"] = True
                tgt = allrows[towns[p[1]]]
                at = rng.randrange(2, len(tgt) + 1)
                plant_dup(rng, tgt, src, at, changes={"vil": rng.choice(TOWNS[towns[p[1]]])})
            elif p[0] == "empty":
                tr = allrows[towns[p[2]]]
                plant_empty(tr, rng.choice([r for r in tr if not r.get("_plant") and not r.get("_src")]), p[1])
        shown = {}
        for t in towns:
            lay = base_lay(rng, f"{t}人民政府", info="above", total_pos="bottom", numtext=lay_kw.get("numtext", "none"))
            ws = book.sheet(t)
            roster_sheet(book, ws, rng, cols, allrows[t], lay, f"{t}2024年农村低保、特困供养资金发放台账", None, [])
            shown[t] = allrows[t]
        # 汇总 sheet copies each town's totals
        scols = [{"k": "seq", "h": "序号", "t": "seq"}, {"k": "lab", "h": "乡镇", "t": "label"},
                 {"k": "hs", "h": "户数（户）", "t": "num"}, {"k": "rs", "h": "保障人数（人）", "t": "num"},
                 {"k": "je", "h": "全年发放金额（元）", "t": "num", "dec": 2}]
        recs = [{"label": t, "vals": {"hs": len(shown[t]), "rs": sum(r["rs"] for r in shown[t]),
                                      "je": rnd(sum(parse(r.get("je")) or 0 for r in shown[t]), 2)}} for t in towns]
        ws = book.sheet("汇总")
        lay = base_lay(rng, "岩溪县民政局", info="above", total_pos=lay_kw.get("sum_pos", "bottom"))
        aplan = [{"kind": "wrong_total", "target": "total", "col": p[2], "mode": p[1]} for p in plan if p[0] == "total"]
        last = agg_sheet(book, ws, rng, scols, [(None, recs)], lay, aplan, "2024年农村低保特困供养资金发放汇总表", "单位：户、人、元", [])
        postamble(ws, rng, last, 5, lay, ["注：本表数据取自各乡镇分表合计行。"])
        book.wb.move_sheet("汇总", offset=-len(towns)) if lay_kw.get("summary_first") else None
    return rel, build


def toilet_multi(rel, towns_n, plan_by_sheet):
    """one sheet per town + 汇总 sheet copying each town's 合计 row (clean or with planted errors)"""
    def build(book, rng):
        cols, blocks = topic_toilet(rng, style="pct_fmt", ntown=towns_n)
        ws0 = book.sheet("汇总")
        sums = []
        for town, recs in blocks:
            ws = book.sheet(town)
            c2 = [dict(c) for c in cols if c["k"] != "town"]
            c2[1]["h"] = "村名"
            lay = base_lay(rng, f"{town}人民政府", total_pos="bottom", numtext="none", total_in_seq=True)
            last = agg_sheet(book, ws, rng, c2, [(town, recs)], lay, plan_by_sheet.get(town, []), f"{town}2024年农村户厕改造任务完成情况", "单位：户、个", [])
            postamble(ws, rng, last, len(c2), lay, [])
            tv = {k: sum(r["vals"][k] for r in recs) for k in ("task", "wg", "ys", "wt", "zg")}
            sums.append({"label": town, "vals": tv})
        c3 = [dict(c) for c in cols if c["k"] not in ("town", "bz")]
        c3[1]["h"] = "乡镇"
        lay = base_lay(rng, "岩溪县农业农村局", total_pos="top", qz="其中：示范乡镇")
        for s in sums[:2]:
            s["flag"] = True
        last = agg_sheet(book, ws0, rng, c3, [(None, sums)], lay, plan_by_sheet.get("汇总", []), "岩溪县2024年农村户厕改造完成情况汇总表", "单位：户、个", [])
        postamble(ws0, rng, last, len(c3), lay, ["注：各乡镇数据见分表；完成率=已验收户数÷年度任务。"])
    return rel, build


def special_monitor_tricky(rng, rows):
    # an ID ending in X and a member born on 29 Feb of a leap year (both valid)
    r = rows[1]
    USED_IDS.discard(r["id"])
    r["id"] = new_id(rng, 1960, 1980, want_x=True)
    r2 = [x for x in rows if x["rel"] in ("之子", "之女")][0]
    USED_IDS.discard(r2["id"])
    r2["id"] = new_id(rng, 0, 0, date=datetime.date(2012, 2, 29))


def special_namesake(rng, rows):
    # two different people with the same name (different IDs) and an ID with check digit X
    rows[6]["name"] = rows[2]["name"]
    USED_IDS.discard(rows[4]["id"])
    rows[4]["id"] = new_id(rng, 1970, 1985, want_x=True)


def special_siblings(rng, rows):
    # siblings share 监护人 and 联系电话; a pupil born 2008-02-29
    rows[5]["jh"], rows[5]["tel"] = rows[4]["jh"], rows[4]["tel"]
    rows[5]["name"] = rows[4]["name"][0] + rows[5]["name"][1:]
    USED_IDS.discard(rows[7]["id"])
    rows[7]["id"] = new_id(rng, 0, 0, date=datetime.date(2008, 2, 29))


N1 = ["注：资金规模含结转资金；支出进度=已支出÷资金规模合计。"]

SPECS = [
    # ------------------------------------------------------------------ aggregate ledgers
    (dict(clean=False, tricky=False), agg_book(
        "财政局/2024年衔接推进乡村振兴补助资金分配和支出进度表.xlsx", "fund", "岩溪县2024年衔接推进乡村振兴补助资金分配和支出进度表",
        "单位：万元", "岩溪县财政局", dict(total_pos="bottom", numtext="none"),
        [{"kind": "wrong_rate", "target": "data", "col": "jd"}], notes=N1)),
    (dict(clean=False, tricky=False), agg_book(
        "财政局/衔接资金支出进度（截至12月31日）.xlsx", "fund", "衔接资金支出进度统计表（截至2024年12月31日）",
        None, "岩溪县财政局", dict(total_pos="bottom", formulas=True, total_label="合  计"),
        [{"kind": "wrong_total", "target": "total", "col": "pay", "mode": "forgot"}], targs={"style": "pct_fmt"})),
    (dict(clean=True, tricky=True), agg_book(
        "财政局/衔接资金分乡镇下达情况（合计在上）.xlsx", "fund", "2024年衔接资金分乡镇（单位）下达及支出情况",
        "金额单位：万元", "岩溪县财政局", dict(total_pos="top", numtext="mixed", total_label="全县合计"), [],
        notes=["注：县本级为县直部门实施项目；合计行支出进度为加权计算。"], targs={"style": "pct_str"})),
    (dict(clean=False, tricky=False), agg_book(
        "农业农村局/户厕改造任务分解和验收台账.xlsx", "toilet", "岩溪县2024年农村户厕改造任务分解和验收台账",
        "单位：户、个", "岩溪县农业农村局", dict(grouped=True, sub_pos="after", total_pos="bottom", town_once=True, sub_label="小计"),
        [{"kind": "wrong_total", "target": "sub", "col": "ys", "mode": "swap", "idx": 1},
         {"kind": "wrong_rate", "target": "data", "col": "wcl"}], targs={"style": "pct_str", "ntown": 4})),
    (dict(clean=True, tricky=True), toilet_multi("农业农村局/2024年户厕改造完成情况（分乡镇）.xlsx", 4, {})),
    (dict(clean=True, tricky=False), agg_book(
        "各乡镇/石门镇/石门镇户厕改造验收台账.xlsx", "toilet", "石门镇2024年户厕改造验收台账", None, "石门镇人民政府",
        dict(grouped=True, sub_pos="before", total_pos="bottom", sub_label="{t}"), [], targs={"style": "pct_num", "ntown": 1})),
    (dict(clean=False, tricky=False), agg_book(
        "人社局/脱贫劳动力务工就业统计表.xlsx", "employment", "岩溪县2024年脱贫劳动力务工就业统计表", None, "岩溪县人力资源和社会保障局",
        dict(total_pos="bottom"), [{"kind": "wrong_rate", "target": "data", "col": "tb", "mode": "swap"},
                                   {"kind": "wrong_total", "target": "total", "col": "xw", "mode": "slip"}])),
    (dict(clean=True, tricky=True), agg_book(
        "人社局/脱贫劳动力务工情况（含其中项）.xlsx", "employment", "脱贫劳动力务工就业情况统计", "单位：人", "岩溪县人力资源和社会保障局",
        dict(total_pos="top", qz="其中：重点帮扶乡镇", numtext="fw"), [], notes=["注：“其中”行为重点帮扶乡镇合计，不重复计入合计。"],
        targs={"style": "pct_fmt"})),
    (dict(clean=False, tricky=False), agg_book(
        "农业农村局/村级集体经济收入统计表.xlsx", "collective", "岩溪县2024年村级集体经济收入统计表", "单位：万元", "岩溪县农业农村局",
        dict(grouped=True, sub_pos="after", total_pos="bottom", numtext="comma", town_once=True, spacer=True),
        [{"kind": "wrong_total", "target": "total", "col": "bn", "mode": "forgot"},
         {"kind": "wrong_rate", "target": "data", "col": "zz"}, {"kind": "wrong_rate", "target": "sub", "col": "zz"}],
        targs={"ntown": 3})),
    (dict(clean=True, tricky=False), agg_book(
        "各乡镇/青竹乡/青竹乡村级集体经济收入.xlsx", "collective", "青竹乡村级集体经济收入情况表", "单位：万元", "青竹乡人民政府",
        dict(grouped=True, sub_pos="after", total_pos="bottom", sub_label2=True), [], targs={"ntown": 1})),
    (dict(clean=False, tricky=False), agg_book(
        "农业农村局/粮食播种面积和产量统计.xlsx", "grain", "岩溪县2024年粮食播种面积和产量统计表", None, "岩溪县农业农村局",
        dict(total_pos="bottom"), [{"kind": "wrong_rate", "target": "data", "col": "dc"}])),
    (dict(clean=True, tricky=True), agg_book(
        "农业农村局/2024年粮食生产情况表（全角数字）.xlsx", "grain", "2024年全县粮食生产情况", None, "岩溪县农业农村局",
        dict(total_pos="bottom", numtext="fw", text_totals=True), [],
        notes=["注：单产=总产量（吨）×1000÷实际播种面积（亩），单位公斤/亩。"], targs={"style": "pct_str"})),
    (dict(clean=False, tricky=False), agg_book(
        "乡村振兴局/脱贫人口收入监测数据.xlsx", "income", "岩溪县脱贫人口收入监测情况表", None, "岩溪县乡村振兴局",
        dict(total_pos="bottom"), [{"kind": "wrong_rate", "target": "total", "col": "rj1"},
                                   {"kind": "wrong_total", "target": "total", "col": "rs1", "mode": "slip"}])),
    (dict(clean=True, tricky=True), agg_book(
        "统计局/农村居民收入监测汇总（万元折元）.xlsx", "income", "脱贫人口人均纯收入监测汇总表", None, "岩溪县统计局",
        dict(total_pos="top", formulas=True), [], notes=["注：人均纯收入（元）=纯收入总额（万元）×10000÷人数；合计行为加权平均。"])),
    (dict(clean=False, tricky=False), agg_book(
        "医保局/脱贫人口参保和医疗救助统计.xlsx", "medical", "2024年度脱贫人口和监测对象参保及医疗救助统计表", None, "岩溪县医疗保障局",
        dict(total_pos="bottom"), [{"kind": "wrong_total", "target": "total", "col": "jzje", "mode": "swap"},
                                   {"kind": "wrong_rate", "target": "data", "col": "cbl"}])),
    (dict(clean=True, tricky=False), agg_book(
        "医保局/参保资助明细汇总.xlsx", "medical", "脱贫人口参保资助汇总", None, "岩溪县医疗保障局",
        dict(total_pos="bottom"), [], targs={"style": "pct_fmt"})),
    (dict(clean=False, tricky=False), agg_book(
        "水利局/农村饮水安全排查整改台账.xlsx", "water", "岩溪县农村饮水安全问题排查整改台账", None, "岩溪县水利局",
        dict(total_pos="bottom"), [{"kind": "wrong_rate", "target": "total", "col": "zgl"}], targs={"zero": False})),
    (dict(clean=True, tricky=True), agg_book(
        "水利局/饮水安全问题整改进度（含无问题乡镇）.xlsx", "water", "农村饮水安全问题整改进度表", "单位：户、个、万元", "岩溪县水利局",
        dict(total_pos="bottom", spacer=False, dash="/"), [], notes=["注：未发现问题的乡镇整改率填“/”。"], targs={"zero": True})),
    (dict(clean=False, tricky=False), agg_book(
        "组织部/消费帮扶统计.xlsx", "consume", "2024年县直单位消费帮扶任务完成情况", "单位：万元", "中共岩溪县委组织部",
        dict(total_pos="bottom"), [{"kind": "wrong_total", "target": "total", "col": "wc", "mode": "slip"},
                                   {"kind": "wrong_rate", "target": "data", "col": "wcl"},
                                   {"kind": "wrong_rate", "target": "data", "col": "wcl", "mode": "swap"}])),
    (dict(clean=False, tricky=False), agg_book(
        "文广旅体局/送戏下乡和电影放映场次统计.xlsx", "culture", "岩溪县2024年送戏下乡和农村电影放映场次统计表", "单位：场", "岩溪县文化广电旅游体育局",
        dict(total_pos="bottom"), [{"kind": "wrong_total", "target": "total", "col": "dwc", "mode": "forgot"}])),
    (dict(clean=True, tricky=False), agg_book(
        "文广旅体局/农村电影放映场次统计（分乡镇）.xlsx", "culture", "农村电影放映和送戏下乡完成情况", None, "岩溪县文化广电旅游体育局",
        dict(total_pos="bottom", numtext="none"), [], targs={"style": "pct_fmt"})),
    (dict(clean=False, tricky=False), agg_book(
        "县委农办/土地出让收入用于农业农村支出统计.xlsx", "land", "岩溪县2024年土地出让收入用于农业农村支出情况", None, "县委农村工作领导小组办公室",
        dict(total_pos="bottom", total_label="全年"), [{"kind": "wrong_rate", "target": "total", "col": "zb"}])),
    (dict(clean=False, tricky=False), agg_book(
        "生态环境局/垃圾中转站运行台账.xlsx", "garbage", "岩溪县2024年乡镇垃圾中转站转运量台账", None, "岩溪县生态环境局",
        dict(total_pos="bottom"), [{"kind": "wrong_total", "target": "total", "col": "tot", "mode": "swap"}])),
    (dict(clean=True, tricky=True), agg_book(
        "生态环境局/垃圾中转站转运量统计（公式）.xlsx", "garbage", "乡镇垃圾中转站转运量统计表（含公式）", None, "岩溪县生态环境局",
        dict(total_pos="bottom", formulas=True), [])),
    (dict(clean=False, tricky=False), agg_book(
        "乡村振兴局/帮扶项目资产确权登记台账.xlsx", "asset", "岩溪县帮扶项目资产确权登记汇总台账", None, "岩溪县乡村振兴局",
        dict(total_pos="bottom", numtext="mixed"), [{"kind": "wrong_total", "target": "total", "col": "tot", "mode": "slip"}])),
    # ------------------------------------------------------------------ rosters
    (dict(clean=False, tricky=False), roster_book(
        "乡村振兴局/监测对象识别纳入和风险消除台账.xlsx", "monitor", "岩溪县防止返贫监测对象识别纳入和风险消除台账", "岩溪县乡村振兴局",
        dict(), [("dup",), ("bad", "check")], targs={"nhh": 16})),
    (dict(clean=True, tricky=True), roster_book(
        "各乡镇/梅岭镇/梅岭镇防返贫监测对象名单.xlsx", "monitor", "梅岭镇防止返贫监测对象名单（按户）", "梅岭镇人民政府",
        dict(merge_hh=["hz", "tel", "town", "vil", "lx", "nr", "fx", "xc"], seq_per_hh=True), [],
        targs={"nhh": 10, "towns": ["梅岭镇"]}, special=special_monitor_tricky,
        notes=["注：户主姓名、联系电话等户级信息按户合并单元格填写。"])),
    (dict(clean=False, tricky=False), roster_book(
        "各乡镇/白沙乡/白沙乡监测户明细.xlsx", "monitor", "白沙乡监测户家庭成员明细", "白沙乡人民政府",
        dict(), [("empty", "tel")], targs={"nhh": 9, "towns": ["白沙乡"]})),
    (dict(clean=False, tricky=False), roster_book(
        "人社局/公益性岗位聘用和考勤台账.xlsx", "gongyi", "岩溪县2024年乡村公益性岗位聘用和补贴发放台账", "岩溪县人力资源和社会保障局",
        dict(total_pos="bottom", count_text="共{p}人"), [("total", "forgot"), ("empty", "je"), ("bad", "date")])),
    (dict(clean=True, tricky=False), roster_book(
        "各乡镇/龙潭镇/龙潭镇公益性岗位人员花名册.xlsx", "gongyi", "龙潭镇乡村公益性岗位人员花名册", "龙潭镇人民政府",
        dict(total_pos="bottom"), [], targs={"n": 12, "towns": ["龙潭镇"]})),
    (dict(clean=False, tricky=False), dibao_book("民政局/农村低保特困供养发放台账.xlsx", "低保", ["石门镇", "青竹乡", "高坪乡"],
                                                  [("xdup", 2), ("total", "slip", "je")], {})),
    (dict(clean=True, tricky=True), dibao_book("民政局/低保特困发放台账（分乡镇+汇总）.xlsx", "低保", ["岩溪镇", "樟坑乡", "白沙乡"],
                                                [], {"numtext": "comma", "sum_pos": "top", "summary_first": True}, tricky_x=True)),
    (dict(clean=False, tricky=False), roster_book(
        "人社局/技能培训花名册.xlsx", "training", "2024年脱贫劳动力职业技能培训花名册", "岩溪县人力资源和社会保障局",
        dict(), [("bad", "date"), ("dup",)])),
    (dict(clean=True, tricky=False), roster_book(
        "人社局/2024年第二期技能培训结业名单.xlsx", "training", "第二期职业技能培训结业人员名单", "岩溪县就业服务中心",
        dict(), [], targs={"n": 20})),
    (dict(clean=False, tricky=False), roster_book(
        "教育局/控辍保学台账.xlsx", "kongchuo", "岩溪县义务教育控辍保学工作台账", "岩溪县教育局", dict(), [("empty", "id")])),
    (dict(clean=True, tricky=True), roster_book(
        "教育局/控辍保学动态监测台账（秋季学期）.xlsx", "kongchuo", "控辍保学动态监测台账（2024年秋季学期）", "岩溪县教育局",
        dict(yixia_kongbai=True), [], special=special_siblings, targs={"n": 11},
        notes=["注：同胞兄妹监护人及联系电话相同。"])),
    (dict(clean=False, tricky=False), roster_book(
        "卫健委/家庭医生签约名单.xlsx", "jiating", "脱贫人口家庭医生签约服务名单", "岩溪县卫生健康委员会",
        dict(), [("bad", "check"), ("empty", "name"), ("dup",)], targs={"nhh": 11})),
    (dict(clean=True, tricky=False), roster_book(
        "卫健委/樟坑乡脱贫户家庭医生签约服务台账.xlsx", "jiating", "樟坑乡脱贫户家庭医生签约服务台账", "樟坑乡卫生院",
        dict(), [], targs={"nhh": 9, "towns": ["樟坑乡"]})),
    (dict(clean=False, tricky=False), roster_book(
        "教育局/学生资助发放明细.xlsx", "zizhu", "2024年秋季学期家庭经济困难学生资助发放明细", "岩溪县学生资助管理中心",
        dict(total_pos="bottom"), [("total", "swap"), ("bad", "check")])),
    (dict(clean=False, tricky=False), roster_book(
        "残联/残疾人两项补贴发放台账.xlsx", "canji", "2024年残疾人两项补贴发放台账（12月）", "岩溪县残疾人联合会",
        dict(total_pos="bottom"), [("empty", "name"), ("total", "slip", "kn")])),
    (dict(clean=True, tricky=True), roster_book(
        "残联/残疾人补贴发放花名册（四季度，公式）.xlsx", "canji", "残疾人两项补贴发放花名册（2024年第四季度）", "岩溪县残疾人联合会",
        dict(total_pos="top", formulas=True, formula_rowsum=True), [], special=special_namesake,
        notes=["注：同名人员已核对身份证号，为不同人。"])),
    (dict(clean=False, tricky=False), roster_book(
        "乡村振兴局/资产收益分配发放凭证.xlsx", "shouyi", "光伏电站资产收益分配发放表（石门镇上寨村）", "石门镇上寨村村民委员会",
        dict(total_pos="bottom"), [("dup",), ("empty", "name")])),
    (dict(clean=False, tricky=False), roster_book(
        "政法委/网格员名单.xlsx", "wangge", "岩溪县农村网格员名单", "中共岩溪县委政法委员会",
        dict(total_pos="bottom"), [("bad", "date"), ("dup",)])),
    (dict(clean=True, tricky=False), roster_book(
        "政法委/高坪乡网格员名单及巡查情况.xlsx", "wangge", "高坪乡网格员名单及巡查情况", "高坪乡综治中心",
        dict(total_pos="bottom"), [], targs={"n": 10, "town": "高坪乡"})),
    (dict(clean=False, tricky=False), roster_book(
        "组织部/驻村第一书记和工作队名册.xlsx", "zhucun", "岩溪县驻村第一书记和工作队员名册", "中共岩溪县委组织部",
        dict(), [("empty", "tel"), ("dup",)])),
]


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    truth = {}
    counts = {}
    nform_total = 0
    for meta, (rel, build) in SPECS:
        rng = random.Random(zlib.crc32(rel.encode("utf-8")))
        book = Book(rel)
        build(book, rng)
        resolve_dups(book)
        path = book.save()
        nform = verify(book, path)
        nform_total += nform
        assert meta["clean"] == (not book.errors), (rel, book.errors)
        ent = {"clean": meta["clean"], "tricky": meta["tricky"], "errors": sorted(book.errors, key=lambda e: (e["sheet"], e["row"]))}
        if nform:
            ent["formulas"] = nform
            ent["formula_note"] = "formulas carry cached values (data_only readers see numbers); planted formula errors keep a cached value consistent with the (wrong) formula"
        truth[rel] = ent
        for e in book.errors:
            counts[e["kind"]] = counts.get(e["kind"], 0) + 1
    with open(os.path.join(HERE, "ledgers.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    nclean = sum(1 for v in truth.values() if v["clean"])
    print(f"{len(truth)} ledgers, {nclean} clean ({sum(1 for v in truth.values() if v['clean'] and v['tricky'])} tricky), "
          f"{sum(counts.values())} errors: {dict(sorted(counts.items()))}; {nform_total} formula cells")


if __name__ == "__main__":
    main()
