#!/usr/bin/env python3
"""Generate ledgers3: 45 county rural-revitalization ledgers (台账) with planted errors.

Deterministic: every ledger has its own fixed seed.  Run:
    /work/main/.venv/bin/python make_ledgers.py
Writes files/*.xlsx and ledgers.json next to this script, then re-opens every file with
openpyxl, decodes the shown cells and re-checks every total / rate / ID / required cell,
asserting that the errors found are exactly the planted ones.
"""
import datetime as dt
import json
import os
import random
import shutil
import unicodedata

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
import openpyxl.cell._writer as _cw

_orig_safe_string = _cw.safe_string


def _exact_safe_string(value):
    # openpyxl writes numbers with "%.16g"; an 18-digit 身份证号 stored as a number must keep every digit.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _orig_safe_string(value)


_cw.safe_string = _exact_safe_string

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
COUNTY = "松岭县"
TOWNS = ["城关镇", "青石镇", "白沙镇", "柳溪乡", "河口镇", "龙泉乡", "大坪镇", "桃源乡", "新塘镇", "石门乡", "长岭镇", "双河乡"]
VPRE = ["杨家", "高桥", "罗家", "黄土", "新民", "和平", "石板", "枫树", "茶园", "大湾", "竹山", "梨树", "上坪", "下河",
        "长冲", "岩口", "花桥", "水口", "金盆", "田心", "柏林", "马鞍", "沙坪", "龙潭", "白果", "观音", "凉水", "桂花",
        "樟树", "塘湾", "青龙", "五里", "坪上", "庙前", "双江", "红星", "向阳", "鹿鸣", "松林", "牛角", "荷叶", "石桥",
        "瓦窑", "油麻", "狮子", "大塘", "杉木", "新屋"]
SUR = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤")
GIV = list("建国华明芳丽强军伟敏静秀英兰桂春红玉海林平福贵发生德荣志刚文勇杰娟霞云凤翠花琴梅香莲珍美娥菊秀金银长顺友安成兴旺宝")
REGION = ["431126", "431127", "431128"]
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CK = "10X98765432"
FW = str.maketrans("0123456789.", "０１２３４５６７８９．")


def check_digit(body17):
    return CK[sum(int(a) * b for a, b in zip(body17, W)) % 11]


def id_ok(s):
    if s is None:
        return False
    s = str(s).strip().upper()
    if len(s) != 18 or not s[:17].isdigit() or not (s[17].isdigit() or s[17] == "X"):
        return False
    try:
        d = dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    if not (1900 <= d.year <= 2024):
        return False
    return check_digit(s[:17]) == s[17]


class People:
    """Unique people (name, sex, id) for one workbook."""

    def __init__(self, rng):
        self.rng, self.used, self.names = rng, set(), set()

    def person(self, age=(18, 70), want_x=False, sex=None):
        rng = self.rng
        while True:
            sex_ = sex or rng.choice("男女")
            y = 2023 - rng.randint(*age)
            b = dt.date(y, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
            seq = rng.randint(0, 99)
            g = rng.choice([1, 3, 5, 7, 9] if sex_ == "男" else [0, 2, 4, 6, 8])
            body = f"{rng.choice(REGION)}{b:%Y%m%d}{seq:02d}{g}"
            cd = check_digit(body)
            if want_x and cd != "X":
                continue
            pid = body + cd
            if pid in self.used:
                continue
            name = rng.choice(SUR) + "".join(rng.choice(GIV) for _ in range(rng.choice([1, 2, 2])))
            if name in self.names:
                continue
            self.used.add(pid)
            self.names.add(name)
            return name, sex_, pid


def phone(rng):
    return rng.choice(["13", "15", "18", "17", "19"]) + "".join(str(rng.randint(0, 9)) for _ in range(9))


def card(rng):
    return rng.choice(["6217", "6228", "6230", "6215"]) + "".join(str(rng.randint(0, 9)) for _ in range(15))


_vr = random.Random(2023)
_vp = list(VPRE)
_vr.shuffle(_vp)
TOWNVIL = {tw: [v + "村" for v in _vp[4 * i:4 * i + 4]] for i, tw in enumerate(TOWNS)}


def fix_vil(t, rng):
    """Give every roster row a village that belongs to its town."""
    for r in t.data_rows():
        if r.vals.get("town") in TOWNVIL:
            r.vals["vil"] = rng.choice(TOWNVIL[r.vals["town"]])


def villages(rng, n, used=None):
    pool = [v for v in VPRE if used is None or v + "村" not in used]
    out = [v + "村" for v in rng.sample(pool, n)]
    if used is not None:
        used.update(out)
    return out


def cn_num(i):
    return "一二三四五六七八九十"[i - 1] if i <= 10 else f"十{'一二三四五六七八九'[i - 11]}"


# ----------------------------------------------------------------------------- model
class Col:
    def __init__(self, key, path, kind="num", dec=0, sum=False, enc="num", unit="", rfmt="num",
                 required=False, gen=None, width=None):
        self.key, self.path, self.kind, self.dec, self.sum = key, tuple(path), kind, dec, sum
        self.enc, self.unit, self.rfmt, self.required, self.gen, self.width = enc, unit, rfmt, required, gen, width

    @property
    def leaf(self):
        return self.path[-1]


class Row:
    def __init__(self, kind, vals=None, children=None, block=None, seq=None):
        self.kind, self.vals = kind, dict(vals or {})
        self.children, self.block, self.seq = list(children or []), block, seq
        self.parent = None
        for c in self.children:
            c.parent = self


class Table:
    def __init__(self, sheet, title, cols, rows, rates=(), rowsums=(), wavgs=(), **layout):
        self.sheet, self.title, self.cols, self.rows = sheet, title, cols, rows
        self.rates = list(rates)      # (key, num, den, scale, dec)
        self.rowsums = list(rowsums)  # (key, [parts])
        self.wavgs = list(wavgs)      # (key, weightkey, dec)
        self.layout = layout
        self.formulas = layout.get("formulas", False)
        self.planted = {}             # (id(row), key) -> error dict (without position)
        self.col = {c.key: c for c in cols}

    def data_rows(self):
        return [r for r in self.rows if r.kind in ("data", "qz")]

    def aggs(self):
        return [r for r in self.rows if r.kind == "agg"]


def leaves(row):
    out = []
    for c in row.children:
        out.extend(leaves(c) if c.kind == "agg" else [c])
    return out


def depth(row):
    return 0 if row.kind != "agg" else 1 + max([depth(c) for c in row.children] or [0])


def rnd(x, d):
    return int(round(x)) if d == 0 else round(x + 0.0, d)


def compute(t):
    """Fill row sums, aggregates, weighted means and rates from the (displayed) values."""
    skip = t.planted
    for r in t.rows:
        if r.kind in ("data", "qz"):
            for key, parts in t.rowsums:
                if (id(r), key) not in skip:
                    r.vals[key] = rnd(sum(r.vals.get(p) or 0 for p in parts), t.col[key].dec)
    for r in sorted(t.aggs(), key=depth):
        for c in t.cols:
            if c.sum and (id(r), c.key) not in skip:
                r.vals[c.key] = rnd(sum(ch.vals.get(c.key) or 0 for ch in r.children), c.dec)
        for key, wk, dec in t.wavgs:
            lv = leaves(r)
            ws = sum(x.vals[wk] for x in lv)
            if (id(r), key) not in skip:
                r.vals[key] = rnd(sum(x.vals[key] * x.vals[wk] for x in lv) / ws, dec)
    for r in t.rows:
        if r.kind == "spacer":
            continue
        for key, n, d, sc, dec in t.rates:
            if (id(r), key) in skip:
                continue
            dv = r.vals.get(d)
            r.vals[key] = None if not dv else rnd((r.vals.get(n) or 0) / dv * sc, dec)


# ----------------------------------------------------------------------------- rendering
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def fmt_num(v, dec):
    return f"{v:.{dec}f}" if dec else str(int(v))


def encode(col, v, rng, is_agg):
    """Return (value, number_format) as a clerk would have typed it."""
    if v is None:
        return None, None
    if col.kind == "rate":
        f = col.rfmt if col.rfmt != "mixed" else rng.choice(["num", "text", "num"])
        if f == "num":
            return v, "0." + "0" * col.dec if col.dec else "0"
        if f == "frac":
            return round(v / 100, col.dec + 2), "0." + "0" * col.dec + "%" if col.dec else "0%"
        return f"{fmt_num(v, col.dec)}%", None
    if col.kind == "num":
        e = col.enc
        if e == "mixed":
            e = rng.choice(["num", "num", "comma", "str", "fw"] + (["unit"] if col.unit else []))
        if e == "num":
            return v, ("#,##0" if col.dec == 0 else "#,##0." + "0" * col.dec)
        s = fmt_num(v, col.dec)
        if e == "comma":
            return (f"{v:,.{col.dec}f}" if col.dec else f"{int(v):,}"), None
        if e == "fw":
            return s.translate(FW), None
        if e == "unit":
            return s + col.unit, None
        return s, None
    return v, None


def render(wb, t, rng, first=False):
    ws = wb.active if first else wb.create_sheet()
    ws.title = t.sheet
    L = t.layout
    c0 = L.get("c0", 1)
    n = len(t.cols)
    last = c0 + n - 1
    r = 1
    th = L.get("title_rows", 1)
    ws.cell(r, c0, t.title).font = Font(size=16, bold=True)
    ws.cell(r, c0).alignment = CENTER
    ws.merge_cells(start_row=r, start_column=c0, end_row=r + th - 1, end_column=last)
    for i in range(th):
        ws.row_dimensions[r + i].height = 22
    r += th
    if L.get("subtitle"):
        ws.cell(r, c0, L["subtitle"]).alignment = CENTER
        ws.merge_cells(start_row=r, start_column=c0, end_row=r, end_column=last)
        r += 1
    if L.get("blank_after_title"):
        r += 1
    meta = L.get("meta_top")
    if meta:
        left, right = meta
        split = max(c0, last - 2)
        ws.cell(r, c0, left)
        if split > c0:
            ws.merge_cells(start_row=r, start_column=c0, end_row=r, end_column=split - 1)
        if right:
            ws.cell(r, split, right).alignment = Alignment(horizontal="right")
            ws.merge_cells(start_row=r, start_column=split, end_row=r, end_column=last)
        r += 1
    # header
    hr = r
    D = max(len(c.path) for c in t.cols)
    for l in range(D):
        ci = 0
        while ci < n:
            p = t.cols[ci].path
            if l >= len(p):
                ci += 1
                continue
            cj = ci
            while (cj + 1 < n and len(t.cols[cj + 1].path) > l and t.cols[cj + 1].path[:l + 1] == p[:l + 1]
                   and l < len(p) - 1):
                cj += 1
            cell = ws.cell(hr + l, c0 + ci, p[l])
            cell.alignment, cell.font = CENTER, Font(bold=True)
            er = hr + D - 1 if l == len(p) - 1 else hr + l
            if cj > ci or er > hr + l:
                ws.merge_cells(start_row=hr + l, start_column=c0 + ci, end_row=er, end_column=c0 + cj)
            ci = cj + 1
    for l in range(D):
        for ci in range(n):
            ws.cell(hr + l, c0 + ci).border = BOX
    r = hr + D
    if L.get("colnum_row"):
        k = 0
        for ci, c in enumerate(t.cols):
            if c.kind in ("num", "rate"):
                k += 1
                ws.cell(r, c0 + ci, k)
            else:
                ws.cell(r, c0 + ci, "甲乙丙丁戊己"[min(ci, 5)])
            ws.cell(r, c0 + ci).alignment = CENTER
            ws.cell(r, c0 + ci).border = BOX
        r += 1
    pos, rowpos = {}, {}
    letters = {c.key: get_column_letter(c0 + i) for i, c in enumerate(t.cols)}
    for row in t.rows:
        if row.kind == "spacer":
            r += 1
            continue
        rowpos[id(row)] = r
        for ci, c in enumerate(t.cols):
            pos[(id(row), c.key)] = (r, c0 + ci)
        r += 1
    vmerge_key = L.get("vmerge")
    seqkey = t.cols[0].key if t.cols[0].kind == "seq" else None
    labelkey = L.get("label")
    for row in t.rows:
        if row.kind == "spacer":
            continue
        rr = rowpos[id(row)]
        for ci, c in enumerate(t.cols):
            cell = ws.cell(rr, c0 + ci)
            cell.border = BOX
            v = row.vals.get(c.key)
            if c.kind == "seq":
                v = row.seq
            if t.formulas and ((row.kind == "agg" and c.sum) or any(c.key == k for k, *_ in t.rates)
                               or any(c.key == k for k, _ in t.rowsums)) and (id(row), c.key) not in t.planted:
                f = formula(t, row, c, rowpos, letters)
                if f:
                    cell.value = f
                    if c.kind == "rate" and c.rfmt == "frac":
                        cell.number_format = "0." + "0" * c.dec + "%"
                    continue
            val, nf = encode(c, v, rng, row.kind == "agg")
            if c.kind == "id" and val is not None and L.get("id_numeric") and str(val)[-1] != "X" and (
                    L["id_numeric"] == "all" or rng.random() < 0.4):
                val = int(val)
                nf = "0"
            if c.kind == "phone" and val is not None and L.get("phone_numeric"):
                val = int(val)
            cell.value = val
            if nf:
                cell.number_format = nf
            if c.kind in ("text", "label", "id", "card", "phone") and isinstance(val, str):
                cell.number_format = "@"
            cell.alignment = Alignment(vertical="center", wrap_text=c.kind == "text")
        if row.kind == "agg":
            for ci in range(n):
                ws.cell(rr, c0 + ci).font = Font(bold=True)
            if L.get("seq_merge") and seqkey and labelkey:
                li = [c.key for c in t.cols].index(labelkey)
                ws.cell(rr, c0).value = row.vals.get(labelkey)
                for ci in range(1, li + 1):
                    ws.cell(rr, c0 + ci).value = None
                ws.merge_cells(start_row=rr, start_column=c0, end_row=rr, end_column=c0 + li)
                ws.cell(rr, c0).alignment = CENTER
    if vmerge_key:
        vi = [c.key for c in t.cols].index(vmerge_key)
        blocks = {}
        for row in t.rows:
            if row.kind != "spacer" and row.block is not None:
                blocks.setdefault(row.block, []).append(rowpos[id(row)])
        for b, rs in blocks.items():
            a, z = min(rs), max(rs)
            if z > a:
                for x in range(a + 1, z + 1):
                    ws.cell(x, c0 + vi).value = None
                ws.merge_cells(start_row=a, start_column=c0 + vi, end_row=z, end_column=c0 + vi)
                ws.cell(a, c0 + vi).alignment = CENTER
    end = r
    for line in L.get("notes", []):
        ws.cell(r, c0, line).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=r, start_column=c0, end_row=r, end_column=last)
        r += 1
    if L.get("meta_bottom"):
        left, right = L["meta_bottom"]
        ws.cell(r, c0, left)
        if right:
            ws.cell(r, max(c0 + 1, last - 2), right)
        r += 1
    for ci, c in enumerate(t.cols):
        w = c.width or max(6, min(24, 2 + 2 * max(len(str(p)) for p in c.path)))
        if c.kind == "id":
            w = 21
        elif c.kind == "card":
            w = 22
        ws.column_dimensions[get_column_letter(c0 + ci)].width = w
    if L.get("freeze"):
        ws.freeze_panes = ws.cell(hr + D, c0)
    return pos, rowpos, letters, (hr, D, end)


def formula(t, row, c, rowpos, letters):
    L = letters[c.key]
    me = rowpos[id(row)]
    for key, n, d, sc, dec in t.rates:
        if key == c.key:
            N, Dn = f"{letters[n]}{me}", f"{letters[d]}{me}"
            if c.rfmt == "frac":
                return f"=IF({Dn}=0,\"\",ROUND({N}/{Dn},{dec + 2}))"
            return f"=IF({Dn}=0,\"\",ROUND({N}/{Dn}*{sc},{dec}))"
    for key, parts in t.rowsums:
        if key == c.key and row.kind != "agg":
            return "=" + "+".join(f"{letters[p]}{me}" for p in parts)
    if row.kind == "agg" and c.sum:
        rs = sorted(rowpos[id(ch)] for ch in row.children)
        inside = [x for x in rowpos.values() if rs[0] <= x <= rs[-1]]
        if len(inside) == len(rs):
            return f"=SUM({L}{rs[0]}:{L}{rs[-1]})"
        return "=" + "+".join(f"{L}{x}" for x in rs)
    return None


# ----------------------------------------------------------------------------- planting
def eligible_total_cols(t):
    bad = set()
    for k, parts in t.rowsums:
        bad.add(k)
        bad.update(parts)
    for k, wk, _ in t.wavgs:
        bad.add(wk)
    return [c for c in t.cols if c.sum and c.key not in bad]


def plant_total(t, rng, mode=None, row=None):
    cands = [r for r in t.aggs() if r.parent is None] if row is None else [row]
    row = rng.choice(cands)
    cols = [c for c in eligible_total_cols(t) if (id(row), c.key) not in t.planted and row.vals.get(c.key)]
    c = rng.choice(cols)
    true = row.vals[c.key]
    mode = mode or rng.choice(["small", "typo", "forgot"])
    if mode == "forgot":
        ch = [x for x in row.children if (x.vals.get(c.key) or 0) > 0]
        new = true - rng.choice(ch).vals[c.key]
    elif mode == "typo":
        s = fmt_num(true, c.dec)
        digs = [i for i in range(len(s) - 1) if s[i].isdigit() and s[i + 1].isdigit() and s[i] != s[i + 1]]
        if not digs:
            mode, new = "small", None
        else:
            i = rng.choice(digs)
            s = s[:i] + s[i + 1] + s[i] + s[i + 2:]
            new = float(s) if c.dec else int(s)
    if mode == "small":
        step = 1 if c.dec == 0 else 10 ** -c.dec * rng.choice([1, 10, 100])
        new = true + rng.choice([-1, 1]) * step * rng.randint(1, 9)
    new = rnd(new, c.dec)
    assert new != true
    row.vals[c.key] = new
    t.planted[(id(row), c.key)] = {"kind": "wrong_total", "how": mode, "expected": true}
    compute(t)


def plant_rate(t, rng):
    keys = [k for k, n, d, sc, dec in t.rates if sc == 100]
    rows = [r for r in t.rows if r.kind != "spacer"]
    while True:
        row = rng.choice(rows)
        k = rng.choice(keys)
        if (id(row), k) in t.planted or row.vals.get(k) is None:
            continue
        true = row.vals[k]
        dec = t.col[k].dec
        how = rng.choice(["shift", "swap", "shift"])
        if how == "swap":
            s = fmt_num(true, dec)
            digs = [i for i in range(len(s) - 1) if s[i].isdigit() and s[i + 1].isdigit() and s[i] != s[i + 1]]
            if not digs:
                continue
            i = rng.choice(digs)
            new = float(s[:i] + s[i + 1] + s[i] + s[i + 2:])
        else:
            d = rng.uniform(2.5, 9)
            new = true - d if true > 50 else true + d
        new = rnd(new, dec)
        if abs(new - true) < 2 or new < 0 or new > 100:
            continue
        row.vals[k] = new
        t.planted[(id(row), k)] = {"kind": "wrong_rate", "how": how, "expected": true}
        return


def plant_empty(t, rng, key):
    rows = [r for r in t.data_rows() if r.vals.get(key) not in (None, "")]
    row = rng.choice(rows[1:-1])
    row.vals[key] = None
    t.planted[(id(row), key)] = {"kind": "empty_required"}
    compute(t)


def plant_bad_id(t, rng, key="pid"):
    row = rng.choice([r for r in t.data_rows() if (id(r), key) not in t.planted][1:])
    s = row.vals[key]
    if rng.random() < 0.5:
        wrong = rng.choice([x for x in CK if x != s[17]])
        new, how = s[:17] + wrong, "check_digit"
    else:
        y = s[6:10]
        md = rng.choice(["0230", "0231", "1301", "0431", "0932", "0011", "0229" if int(y) % 4 else "0631"])
        body = s[:6] + y + md + s[14:17]
        new, how = body + check_digit(body), "birth_date"
    assert not id_ok(new)
    row.vals[key] = new
    t.planted[(id(row), key)] = {"kind": "bad_id", "how": how}


def plant_dup(t, rng, key="pid", src_table=None, same_name=None):
    """Copy the id of a row (in src_table or t) onto a later row of t."""
    src = src_table or t
    rows = [r for r in t.data_rows() if (id(r), key) not in t.planted]
    if src is t:
        i = rng.randrange(0, len(rows) - 3)
        j = rng.randrange(i + 2, len(rows))
        a, b = rows[i], rows[j]
    else:
        a = rng.choice([r for r in src.data_rows() if id_ok(r.vals.get(key))])
        b = rng.choice(rows[1:])
    b.vals[key] = a.vals[key]
    if same_name if same_name is not None else rng.random() < 0.5:
        for k in ("name", "sex"):
            if k in a.vals and k in b.vals:
                b.vals[k] = a.vals[k]
    t.planted[(id(b), key)] = {"kind": "duplicate_id", "first": (src, a)}


# ----------------------------------------------------------------------------- builders
def seqs(rows):
    i = 0
    for r in rows:
        if r.kind == "data":
            i += 1
            r.seq = i


def town_stat(rng, sheet, title, cols, rates, towns, total="bottom", extra=(), label="town", total_label="合计",
              rowsums=(), wavgs=(), label_header=None, **layout):
    """One row per town (plus ordinary 县直/县本级 rows), one 合计 row."""
    allc = [Col("seq", ("序号",), "seq", width=5), Col(label, (label_header or "乡镇",), "label", width=12)] + cols
    data = []
    for tw in list(towns) + list(extra):
        v = {label: tw}
        for c in cols:
            if c.gen:
                v[c.key] = c.gen(rng, v)
        data.append(Row("data", v))
    seqs(data)
    tot = Row("agg", {label: total_label}, data)
    rows = [tot] + data if total == "top" else data + [tot]
    t = Table(sheet, title, allc, rows, rates, rowsums, wavgs, label=label, **layout)
    compute(t)
    return t


def block_stat(rng, sheet, title, cols, rates, towns, nv=(3, 6), total_label="合计", sub_label="小计",
               total="bottom", spacer=False, rowsums=(), wavgs=(), seq_mode="global", **layout):
    """Per-town blocks of village rows, each closed by a 小计; 合计 = sum of the 小计."""
    allc = [Col("seq", ("序号",), "seq", width=5), Col("town", ("乡镇",), "label", width=10),
            Col("vil", ("村（社区）",), "label", width=12)] + cols
    rows, subs = [], []
    k = 0
    used = set()
    for bi, tw in enumerate(towns):
        block = []
        for vn in villages(rng, rng.randint(*nv), used):
            v = {"town": tw, "vil": vn}
            for c in cols:
                if c.gen:
                    v[c.key] = c.gen(rng, v)
            k += 1
            block.append(Row("data", v, block=bi, seq=k if seq_mode == "global" else len(block) + 1))
        sub = Row("agg", {"town": tw, "vil": sub_label}, block, block=bi)
        subs.append(sub)
        rows += block + [sub]
        if spacer:
            rows.append(Row("spacer"))
    tot = Row("agg", {"town": total_label, "vil": ""}, subs)
    if total == "top":
        rows = [tot] + rows
    else:
        if spacer:
            rows = rows[:-1]
        rows.append(tot)
    t = Table(sheet, title, allc, rows, rates, rowsums, wavgs, label="town", vmerge="town", **layout)
    compute(t)
    return t


def roster(rng, people, sheet, title, cols, n, town=None, vils=None, total=True, total_label="合计",
           count_in_name=False, xfrac=0.08, age=(18, 65), **layout):
    """A roster of people.  cols may include keys name/sex/pid/phone/card/vil + any numeric."""
    vils = vils or (TOWNVIL[town] if town in TOWNVIL else villages(rng, 5))
    data = []
    for i in range(n):
        name, sex, pid = people.person(age=age, want_x=rng.random() < xfrac)
        v = {"name": name, "sex": sex, "pid": pid, "phone": phone(rng), "card": card(rng),
             "vil": rng.choice(vils), "town": town}
        for c in cols:
            if c.gen:
                v[c.key] = c.gen(rng, v)
        data.append(Row("data", v, seq=i + 1))
    rows = list(data)
    if total:
        tv = {"name": f"共{n}人" if count_in_name else total_label}
        if count_in_name:
            tv["vil"] = total_label
        rows.append(Row("agg", tv, data))
    t = Table(sheet, title, cols, rows, label="name", **layout)
    compute(t)
    return t


def P(key, path, **kw):
    return Col(key, path if isinstance(path, tuple) else (path,), **kw)


# common column factories
def C_seq():
    return P("seq", "序号", kind="seq", width=5)


def C_name(h="姓名", req=True):
    return P("name", h, kind="label", required=req, width=9)


def C_sex():
    return P("sex", "性别", kind="label", width=5)


def C_pid(h="身份证号码", req=True):
    return P("pid", h, kind="id", required=req)


def C_phone(h="联系电话", req=True):
    return P("phone", h, kind="phone", required=req, width=13)


def C_card(h="银行卡号（社保卡号）"):
    return P("card", h, kind="card")


def C_vil(h="所在村"):
    return P("vil", h, kind="label", width=10)


def C_town(h="乡镇"):
    return P("town", h, kind="label", width=9)


def C_note(choices, p=0.25, h="备注"):
    return P("note", h, kind="text", gen=lambda r, v: r.choice(choices) if r.random() < p else None, width=16)


def gi(lo, hi):
    return lambda r, v: r.randint(lo, hi)


def gpart(key, lo, hi):
    return lambda r, v: int(round(v[key] * r.uniform(lo, hi)))


def gf(lo, hi, d):
    return lambda r, v: round(r.uniform(lo, hi), d)


def gfpart(key, lo, hi, d):
    return lambda r, v: round(v[key] * r.uniform(lo, hi), d)


def gchoice(xs):
    return lambda r, v: r.choice(xs)


def meta(unit_name, date, unit=None):
    return (f"填报单位（盖章）：{unit_name}", (f"单位：{unit}    " if unit else "") + f"填报日期：{date}")


# ----------------------------------------------------------------------------- ledgers
LEDGERS = []


def ledger(fname, seed, errors=(), tricky=False, formulas=False):
    def deco(fn):
        LEDGERS.append(dict(fname=fname, seed=seed, fn=fn, errors=list(errors), tricky=tricky, formulas=formulas))
        return fn
    return deco


# ---- rosters ----------------------------------------------------------------
@ledger("A03_公益性岗位人员花名册_2023.xlsx", 101, ["duplicate_id", "empty_required"])
def l_gongyi(rng, E):
    pp = People(rng)
    cols = [C_seq(), C_name(), C_sex(), C_pid(), P("vil", "所在村", kind="label"),
            P("post", "岗位类型", kind="label", gen=gchoice(["护林员", "保洁员", "护路员", "水管员", "治安巡逻员", "孤寡老人看护"])),
            P("start", "聘用时间", kind="label", gen=lambda r, v: f"2023.{r.randint(1, 6):02d}"),
            C_phone(), C_card(), P("pay", "月补贴标准（元）", sum=True, gen=gchoice([500, 500, 600, 800])),
            C_note(["脱贫户", "监测户", "残疾"], 0.3)]
    t = roster(rng, pp, "花名册", f"{COUNTY}青石镇2023年乡村公益性岗位人员花名册", cols, 38, vils=TOWNVIL["青石镇"],
               meta_top=meta("青石镇人民政府", "2023年12月20日"), freeze=True)
    if E:
        plant_dup(t, rng, same_name=True)
        plant_empty(t, rng, "phone")
    return [t]


@ledger("A03_公益性岗位汇总_分乡镇.xlsx", 102, ["duplicate_id", "wrong_total"], tricky=True)
def l_gongyi_multi(rng, E):
    pp = People(rng)
    towns = TOWNS[:4]
    tabs = []
    for tw in towns:
        cols = [C_seq(), C_name(), C_sex(), C_pid(), C_vil(),
                P("post", "岗位名称", kind="label", gen=gchoice(["护林员", "保洁员", "护路员", "水管员"])),
                C_phone(), P("months", "聘用月数（月）", kind="num", gen=gchoice([12, 12, 12, 6, 9])),
                P("amt", "全年补贴（元）", sum=True, gen=lambda r, v: v["months"] * 600, enc="mixed")]
        t = roster(rng, pp, tw, f"{tw}2023年公益性岗位人员名单", cols, rng.randint(12, 20), town=tw,
                   total_label="小计", meta_top=(f"乡镇：{tw}", "单位：人、元"))
        tabs.append(t)
    if E:
        plant_dup(tabs[2], rng, src_table=tabs[0], same_name=True)
        plant_total(tabs[1], rng, mode="forgot")
    sc = [P("people", "在岗人数（人）", sum=True), P("amt", "补贴金额（元）", sum=True, enc="comma")]
    data = []
    for i, t in enumerate(tabs):
        data.append(Row("data", {"town": t.sheet, "people": len(t.data_rows()), "amt": t.aggs()[0].vals["amt"]}, seq=i + 1))
    s = Table("汇总", f"{COUNTY}2023年公益性岗位人员分乡镇汇总表", [C_seq(), P("town", "乡镇", kind="label")] + sc,
              data + [Row("agg", {"town": "合计"}, data)], label="town", seq_merge=True,
              meta_top=meta(f"{COUNTY}人力资源和社会保障局", "2024年1月8日"))
    compute(s)
    return [s] + tabs + [("说明", ["填表说明：", "1. 本表按乡镇分表填报，汇总表金额取各乡镇小计。",
                                 "2. 全年补贴=聘用月数×600元。", "3. 身份证号码须与社保卡信息一致。"])]


@ledger("A01_防返贫监测对象台账.xlsx", 103, ["bad_id", "empty_required"])
def l_jiance(rng, E):
    pp = People(rng)
    cols = [C_seq(), P("town", "乡镇", kind="label", gen=gchoice(TOWNS[:5])), C_vil("村"), C_name("户主姓名"), C_pid("户主身份证号"),
            P("pop", "家庭人口（人）", sum=True, gen=gi(1, 7)),
            P("type", "监测对象类别", kind="label", gen=gchoice(["脱贫不稳定户", "边缘易致贫户", "突发严重困难户"])),
            P("risk", "主要风险类型", kind="label", gen=gchoice(["因病", "因残", "因学", "因意外事故", "因务工就业不稳"])),
            P("date", "识别纳入时间", kind="label", gen=lambda r, v: f"2023-{r.randint(1, 11):02d}-{r.randint(1, 28):02d}"),
            P("help", "帮扶措施", kind="text", gen=gchoice(["产业帮扶+医疗救助", "公益性岗位", "临时救助", "就业帮扶", "教育资助"])),
            P("done", "风险是否消除", kind="label", gen=gchoice(["是", "否", "否"])), C_phone()]
    t = roster(rng, pp, "监测对象", f"{COUNTY}防止返贫动态监测对象信息台账", cols, 45, total=True,
               count_in_name=False, meta_top=("填报单位：县乡村振兴局", "数据截至：2023年12月31日"), title_rows=2)
    fix_vil(t, rng)
    if E:
        plant_bad_id(t, rng)
        plant_empty(t, rng, "name")
    return [t]


@ledger("E04_技能培训花名册.xlsx", 104, [], tricky=True)
def l_peixun(rng, E):
    pp = People(rng)
    cols = [C_seq(), C_name(), C_sex(), C_pid("公民身份号码"), P("edu", "文化程度", kind="label", gen=gchoice(["初中", "高中", "小学", "中专"])),
            C_vil("家庭住址"), P("type", "培训工种", kind="label", gen=gchoice(["家政服务", "电工", "中式烹调", "电商直播"])),
            P("hours", "培训课时（学时）", kind="num", gen=gchoice([56, 64, 80])),
            P("cert", "是否取得证书", kind="label", gen=gchoice(["是", "是", "否"])), C_phone(),
            C_note(["脱贫劳动力", "监测对象"], 0.4)]
    t = roster(rng, pp, "Sheet1", f"{COUNTY}2023年第二期职业技能培训学员花名册", cols, 42, total=False, xfrac=0.2,
               id_numeric=True, phone_numeric=True, meta_top=("培训机构：松岭县职业技术学校", "培训时间：2023年9月4日—9月20日"),
               meta_bottom=("培训机构负责人：", "经办人："))
    return [t]


@ledger("E04_高素质农民培训花名册.xlsx", 105, ["duplicate_id"])
def l_gaosuzhi(rng, E):
    pp = People(rng)
    cols = [C_seq(), C_name(), C_sex(), P("age", "年龄", kind="num"), C_pid(), C_town(), C_vil("村"),
            P("ind", "从事产业", kind="label", gen=gchoice(["柑橘种植", "生猪养殖", "茶叶", "蔬菜", "油茶", "水产"])),
            P("cls", "培训类型", kind="label", gen=gchoice(["经营管理型", "专业生产型", "技能服务型"])), C_phone()]
    t = roster(rng, pp, "学员名册", f"{COUNTY}2023年高素质农民培育学员花名册", cols, 50, total=False, age=(25, 55))
    for r in t.data_rows():
        r.vals["age"] = 2023 - int(r.vals["pid"][6:10])
        r.vals["town"] = rng.choice(TOWNS[:6])
    fix_vil(t, rng)
    if E:
        plant_dup(t, rng, same_name=False)
    return [t]


@ledger("F02_农村低保资金发放台账_12月.xlsx", 106, ["wrong_total", "empty_required"])
def l_dibao(rng, E):
    pp = People(rng)
    cols = [C_seq(), C_vil("村（社区）"), C_name("户主姓名"), C_pid(), P("pop", "保障人数（人）", sum=True, gen=gi(1, 5)),
            P("cls", "保障类别", kind="label", gen=gchoice(["A类", "B类", "C类"])),
            P("amt", "月保障金额（元）", sum=True, required=True, gen=lambda r, v: v["pop"] * r.choice([280, 310, 350])),
            C_card("发放账号"), C_note(["新增", "调标"], 0.1)]
    t = roster(rng, pp, "12月", f"白沙镇2023年12月农村最低生活保障金发放花名册", cols, 40,
               meta_top=meta("白沙镇人民政府", "2023年12月5日", "元"))
    if E:
        plant_empty(t, rng, "amt")
        plant_total(t, rng, mode="small")
    return [t]


@ledger("P06_残疾人两项补贴发放表.xlsx", 107, [], tricky=True)
def l_canbu(rng, E):
    pp = People(rng)
    cols = [C_seq(), C_name(), C_pid(), P("lvl", "残疾等级", kind="label", gen=gchoice(["一级", "二级", "三级", "四级"])),
            P("a", ("补贴金额（元）", "生活补贴"), sum=True, enc="mixed", unit="元", gen=gchoice([0, 80, 80, 100])),
            P("b", ("补贴金额（元）", "护理补贴"), sum=True, enc="mixed", unit="元", gen=gchoice([0, 100, 120])),
            P("s", ("补贴金额（元）", "合计"), sum=True, enc="mixed", unit="元"),
            C_card("社保卡号"), P("vil", "村别", kind="label"), C_note(["本季度新增", "补发3个月", "已去世停发"], 0.2)]
    t = roster(rng, pp, "四季度", f"柳溪乡2023年第四季度困难残疾人生活补贴和重度残疾人护理补贴发放表", cols, 34, xfrac=0.25,
               id_numeric="some", meta_top=meta("柳溪乡人民政府", "2023年10月10日", "元"), title_rows=2)
    t.rowsums = [("s", ["a", "b"])]
    for r in t.data_rows():
        if r.vals["a"] == 0 and r.vals["b"] == 0:
            r.vals["a"] = 80
    compute(t)
    t.rows.insert(0, t.rows.pop())  # 合计 at the top under the header
    return [t]


@ledger("P03_家庭医生签约服务名单.xlsx", 108, ["bad_id"])
def l_qianyue(rng, E):
    pp = People(rng)
    cols = [C_seq(), C_name("签约居民姓名"), C_sex(), C_pid(), C_vil("住址"),
            P("grp", "重点人群类别", kind="label", gen=gchoice(["脱贫人口", "老年人", "慢性病患者", "监测对象", "残疾人"])),
            P("doc", "签约医生", kind="label", gen=gchoice(["谭春华", "刘建军", "周梅"])),
            P("date", "签约日期", kind="label", gen=lambda r, v: f"2023/{r.randint(1, 3)}/{r.randint(1, 28)}"), C_phone()]
    t = roster(rng, pp, "签约名单", f"河口镇卫生院家庭医生签约服务对象名单（脱贫人口）", cols, 48, total=False,
               age=(5, 85), meta_top=("填报单位：河口镇中心卫生院", "截至2023年12月"))
    if E:
        plant_bad_id(t, rng)
    return [t]


@ledger("P02_学生资助发放明细.xlsx", 109, ["duplicate_id", "bad_id", "wrong_total"])
def l_zizhu(rng, E):
    pp = People(rng)
    cols = [C_seq(), C_name("学生姓名"), C_sex(), C_pid("学生身份证号"), P("school", "就读学校", kind="label",
            gen=gchoice(["松岭县第一中学", "松岭县职业中专", "城关镇中学", "青石镇中心小学"])),
            P("grade", "年级", kind="label", gen=gchoice(["七年级", "八年级", "高一", "高二", "中职一年级"])),
            P("guard", "监护人姓名", kind="label", gen=lambda r, v: r.choice(SUR) + r.choice(GIV) + r.choice(GIV)),
            P("amt", "资助金额（元）", sum=True, required=True, gen=gchoice([625, 1000, 1250, 1500])),
            P("kind", "资助项目", kind="label", gen=gchoice(["国家助学金", "家庭经济困难寄宿生生活补助", "雨露计划"]))]
    t = roster(rng, pp, "秋季学期", f"{COUNTY}2023年秋季学期脱贫家庭学生资助发放明细表", cols, 46, age=(7, 18),
               meta_top=meta(f"{COUNTY}教育局学生资助管理中心", "2023年11月30日"))
    if E:
        plant_dup(t, rng, same_name=True)
        plant_bad_id(t, rng)
        plant_total(t, rng, mode="typo")
    return [t]


@ledger("A02_控辍保学台账.xlsx", 110, [], tricky=True)
def l_kongchuo(rng, E):
    pp = People(rng)
    cols = [C_seq(), C_town(), C_vil("村"), C_name("学生姓名"), C_sex(), C_pid(),
            P("grade", "应就读年级", kind="label", gen=gchoice(["六年级", "七年级", "八年级", "九年级"])),
            P("reason", "辍学原因", kind="text", gen=gchoice(["厌学", "外出务工", "身体原因", "家庭原因"])),
            P("way", "劝返方式", kind="label", gen=gchoice(["返校就读", "送教上门", "职业学校就读"])),
            P("date", "劝返时间", kind="label", gen=lambda r, v: f"2023年{r.randint(2, 10)}月"),
            P("resp", "责任人", kind="label", gen=lambda r, v: r.choice(SUR) + r.choice(GIV) + r.choice(GIV)),
            C_phone("监护人联系电话"), C_note(["已建档", "残疾儿童，送教上门每月2次", ""], 0.5)]
    t = roster(rng, pp, "控辍保学", f"{COUNTY}2023年义务教育控辍保学劝返复学工作台账", cols, 18, total=False, age=(12, 15),
               xfrac=0.3, id_numeric="all", blank_after_title=True,
               notes=["说明：1. 本台账实行动态管理，劝返一个销号一个；2. 送教上门学生计入在学。"],
               meta_bottom=("填表人：龚丽", "审核人：邓建国   联系电话：0745-6221308"))
    for r in t.data_rows():
        r.vals["town"] = rng.choice(TOWNS[:6])
    fix_vil(t, rng)
    return [t]


def attendance(rng, pp, title, n, days, sheet, tricky, E, nerr):
    cols = [C_seq(), C_name(), P("post", "职务", kind="label", gen=gchoice(["第一书记", "工作队长", "队员", "队员"]))]
    dcols = [P(f"d{i}", ("出勤情况（√出勤 ○请假 △出差 ×缺勤）", f"{i}"), kind="mark", width=3) for i in range(1, days + 1)]
    cols += dcols + [P("due", "应出勤天数（天）", kind="num"), P("leave", "请假（天）", kind="num"),
                     P("act", "实际出勤天数（天）", kind="num"),
                     P("rate", "在岗率（%）", kind="rate", dec=1, rfmt="frac" if tricky else "num")]
    data = []
    work = [d for d in range(1, days + 1) if (dt.date(2023, 11, 1) + dt.timedelta(days=d - 1)).weekday() < 5]
    for i in range(n):
        name, sex, pid = pp.person()
        v = {"name": name, "post": cols[2].gen(rng, {})}
        v["post"] = "第一书记" if i == 0 else ("工作队长" if i == 1 else "队员")
        act = 0
        leave = 0
        for d in range(1, days + 1):
            if d in work:
                m = rng.choices(["√", "○", "△", "×"], [88, 6, 5, 1])[0]
                v[f"d{d}"] = m
                act += m in "√△"
                leave += m == "○"
            else:
                v[f"d{d}"] = None
        v.update(due=len(work), act=act, leave=leave)
        data.append(Row("data", v, seq=i + 1))
    t = Table(sheet, title, cols, data, rates=[("rate", "act", "due", 100, 1)], label="name",
              meta_top=("派驻单位：" + rng.choice(["县财政局", "县农业农村局", "县住建局"]), "考勤月份：2023年11月"),
              meta_bottom=("考勤员：", "村党组织书记签字："),
              notes=["注：驻村工作队员每月在村工作不少于20天（含因公出差），在岗率=实际出勤天数÷应出勤天数。"])
    compute(t)
    if E:
        for _ in range(nerr):
            plant_rate(t, rng)
    return t


@ledger("A05_驻村工作队考勤表_11月.xlsx", 111, ["wrong_rate", "wrong_rate"], tricky=True)
def l_kaoqin(rng, E):
    pp = People(rng)
    ts = []
    for k, vil in enumerate(villages(rng, 3)):
        ts.append(attendance(rng, pp, f"{vil}驻村工作队2023年11月考勤表", rng.randint(3, 5), 30, vil, True, E and k == 1, 2))
    return ts


@ledger("R03_帮扶责任人名册.xlsx", 112, [], tricky=True)
def l_bangfu(rng, E):
    pp = People(rng)
    cols = [C_seq(), C_name("帮扶责任人"), C_pid(), P("unit", "工作单位", kind="label",
            gen=gchoice(["县财政局", "县教育局", "县卫健局", "县农业农村局", "县自然资源局"])),
            P("duty", "职务", kind="label", gen=gchoice(["科员", "副局长", "股长", "干部"])),
            P("hh", "结对帮扶户数（户）", kind="num", sum=True, enc="unit", unit="户", gen=gi(3, 5)), C_phone()]
    t1 = roster(rng, pp, "帮扶责任人", "桃源乡帮扶责任人名册", cols, 14, count_in_name=True, age=(25, 58))
    cols2 = [C_seq(), C_name("户主姓名"), C_pid("户主身份证号"), C_vil("村"), P("pop", "家庭人口", kind="num", sum=True, gen=gi(1, 6)),
             P("attr", "户类型", kind="label", gen=gchoice(["脱贫户", "脱贫户", "监测户"])),
             P("helper", "帮扶责任人", kind="label"), P("visits", "本年走访次数（次）", kind="num", sum=True, gen=gi(4, 12))]
    t2 = roster(rng, pp, "结对户", "桃源乡帮扶责任人结对户明细", cols2, sum(r.vals["hh"] for r in t1.data_rows()),
                xfrac=0.15, id_numeric="some")
    k = 0
    for h in t1.data_rows():
        for _ in range(h.vals["hh"]):
            t2.data_rows()[k].vals["helper"] = h.vals["name"]
            k += 1
    return [t1, t2, ("说明", ["1. 帮扶责任人原则上每月走访结对户不少于1次。", "2. 结对户明细与帮扶责任人名册相对应。"])]


@ledger("P04_农村危房改造验收台账.xlsx", 113, ["wrong_total", "bad_id", "empty_required"])
def l_weifang(rng, E):
    pp = People(rng)
    cols = [C_seq(), C_town(), C_vil("村"), C_name("户主姓名"), C_pid(),
            P("pop", "家庭人口（人）", sum=True, gen=gi(1, 6)),
            P("cls", "对象类别", kind="label", gen=gchoice(["低保户", "分散供养特困", "监测对象", "低收入户"])),
            P("lvl", "危险等级", kind="label", gen=gchoice(["C级", "D级"])),
            P("way", "改造方式", kind="label", gen=gchoice(["修缮加固", "拆除重建"])),
            P("amt", "补助资金（元）", sum=True, required=True, gen=lambda r, v: 18000 if v["way"] == "修缮加固" else 35000),
            P("acc", "验收时间", kind="label", gen=lambda r, v: f"2023.{r.randint(6, 11)}.{r.randint(1, 28)}")]
    t = roster(rng, pp, "验收台账", f"{COUNTY}2023年农村低收入群体危房改造竣工验收台账", cols, 30, age=(40, 85),
               meta_top=meta(f"{COUNTY}住房和城乡建设局", "2023年12月15日"), seq_merge=True)
    for r in t.data_rows():
        r.vals["town"] = rng.choice(TOWNS[:8])
    fix_vil(t, rng)
    if E:
        plant_bad_id(t, rng)
        plant_empty(t, rng, "pid")
        plant_total(t, rng, mode="forgot")
    return [t]


@ledger("C01_户厕改造验收台账.xlsx", 114, ["duplicate_id"], formulas=True)
def l_huce(rng, E):
    pp = People(rng)
    cols = [C_seq(), C_vil("村"), C_name("户主"), C_pid("户主身份证号"),
            P("type", "改厕模式", kind="label", gen=gchoice(["三格式", "双瓮式", "完整下水道水冲式"])),
            P("a", ("补助资金（元）", "县级"), sum=True, gen=gchoice([600, 800])),
            P("b", ("补助资金（元）", "乡镇"), sum=True, gen=gchoice([200, 300])),
            P("s", ("补助资金（元）", "合计"), sum=True),
            P("acc", "验收结果", kind="label", gen=gchoice(["合格", "合格", "合格"])), C_phone()]
    t = roster(rng, pp, "验收台账", "龙泉乡2023年农村户厕改造验收台账", cols, 36, formulas=True,
               meta_top=meta("龙泉乡人民政府", "2023年11月28日", "元"))
    t.rowsums = [("s", ["a", "b"])]
    compute(t)
    if E:
        plant_dup(t, rng, same_name=True)
    return [t]


@ledger("A04_资产收益分配发放表.xlsx", 115, ["wrong_total", "empty_required"])
def l_shouyi(rng, E):
    pp = People(rng)
    cols = [C_seq(), C_name("户主姓名"), C_pid(), P("pop", "家庭人口（人）", sum=True, gen=gi(1, 6)),
            P("days", "参加公益劳动（天）", kind="num", gen=gi(3, 20)),
            P("amt", "分配金额（元）", sum=True, required=True, dec=2, gen=lambda r, v: round(v["days"] * 45.5, 2)),
            C_card(), P("sign", "领款人签字", kind="label", gen=lambda r, v: None)]
    t = roster(rng, pp, "收益分配", "新塘镇金盆村2023年光伏电站收益分配发放表", cols, 32,
               meta_top=("村（社区）：金盆村", "发放时间：2023年12月"), notes=["分配方式：设置公益岗位和开展公益劳动，以工代赈方式分配，不得平均分配。"])
    if E:
        plant_empty(t, rng, "name")
        plant_total(t, rng, mode="typo")
    return [t]


@ledger("P03_参保资助明细.xlsx", 116, [], tricky=True, formulas=True)
def l_canbao(rng, E):
    pp = People(rng)
    cols = [C_seq(), C_name("参保人姓名"), C_pid(), C_vil("村（居）"),
            P("cls", "资助类别", kind="label", gen=gchoice(["特困人员", "低保对象", "返贫致贫人口", "脱贫不稳定人口"])),
            P("std", "个人缴费标准（元）", sum=True, gen=lambda r, v: 380),
            P("aid", ("资助金额（元）", "财政资助"), sum=True, gen=lambda r, v: {"特困人员": 380, "低保对象": 266}.get(v["cls"], 190)),
            P("self", ("资助金额（元）", "个人实缴"), sum=True, gen=lambda r, v: 380 - v["aid"]),
            P("ratio", "资助比例（%）", kind="rate", dec=0)]
    t = roster(rng, pp, "资助明细", "大坪镇2024年度城乡居民医疗保险参保资助明细", cols, 40, age=(1, 90), xfrac=0.2,
               formulas=True, id_numeric="some", meta_top=meta("大坪镇人民政府", "2023年12月18日", "元"))
    t.rates = [("ratio", "aid", "std", 100, 0)]
    compute(t)
    return [t]


@ledger("A03_务工交通补贴发放表.xlsx", 117, ["wrong_total", "duplicate_id"])
def l_jiaotong(rng, E):
    pp = People(rng)
    tabs = []
    for tw in TOWNS[4:7]:
        cols = [C_seq(), C_name(), C_pid(), C_vil("村"),
                P("place", "务工地点", kind="label", gen=gchoice(["广东省东莞市", "浙江省义乌市", "省内长沙市", "福建省晋江市"])),
                P("amt", "补贴金额（元）", sum=True, required=True,
                  gen=lambda r, v: 300 if v["place"].startswith("省内") else 600), C_card()]
        t = roster(rng, pp, tw, f"{tw}2023年脱贫劳动力跨省务工一次性交通补贴发放表", cols, rng.randint(15, 22), town=tw,
                   meta_top=meta(f"{tw}人民政府", "2023年10月12日", "元"))
        tabs.append(t)
    if E:
        plant_total(tabs[0], rng, mode="small")
        plant_dup(tabs[2], rng, same_name=False)
    return tabs


@ledger("E03_土地流转台账.xlsx", 118, [], tricky=True)
def l_liuzhuan(rng, E):
    pp = People(rng)
    cols = [C_seq(), C_name("流出方（户主）"), C_pid(), P("area", "流转面积（亩）", sum=True, dec=2, enc="mixed", gen=gf(0.8, 12, 2)),
            P("price", "流转价格（元/亩·年）", kind="num", gen=gchoice([300, 350, 400])),
            P("rent", "年租金（元）", sum=True, dec=2, enc="mixed"),
            P("to", "流入方", kind="label", gen=gchoice(["松岭县绿源果业合作社", "湘南茶业有限公司", "种粮大户 邓志刚"])),
            P("term", "流转期限", kind="label", gen=gchoice(["2021.1-2030.12", "2023.3-2033.2"])),
            P("cont", "合同编号", kind="label"), C_note(["已备案", "待备案"], 0.6)]
    t = roster(rng, pp, "流转台账", "石门乡土地经营权流转台账", cols, 36, age=(35, 80), count_in_name=True, xfrac=0.2,
               id_numeric="some", title_rows=2, subtitle="（2023年度）", meta_top=("乡镇：石门乡", "单位：亩、元"))
    for i, r in enumerate(t.data_rows()):
        r.vals["rent"] = round(r.vals["area"] * r.vals["price"], 2)
        r.vals["cont"] = f"SMX-2023-{i + 1:03d}"
    compute(t)
    return [t]


@ledger("E02_网格员名单.xlsx", 119, ["empty_required", "bad_id"])
def l_wangge(rng, E):
    pp = People(rng)
    cols = [C_seq(), C_town("所属乡镇"), P("grid", "网格名称", kind="label"), C_name("网格员姓名"), C_sex(), C_pid(),
            P("hh", "网格户数（户）", kind="num", gen=gi(80, 260)), C_phone(), C_note(["兼村民小组长", "专职"], 0.3)]
    t = roster(rng, pp, "网格员", f"{COUNTY}农村网格员名单（第三批）", cols, 44, total=False, age=(25, 60),
               meta_top=("报送单位：县委政法委", "报送时间：2023年8月"))
    for i, r in enumerate(t.data_rows()):
        r.vals["town"] = TOWNS[i // 8]
        r.vals["grid"] = f"{TOWNS[i // 8][:2]}第{i % 8 + 1}网格"
    if E:
        plant_empty(t, rng, "phone")
        plant_bad_id(t, rng)
    return [t]


@ledger("F02_乡村医生名单.xlsx", 120, [], tricky=True)
def l_yisheng(rng, E):
    pp = People(rng)
    tabs = []
    for tw in TOWNS[:3]:
        cols = [C_seq(), C_vil("村卫生室"), C_name("乡村医生姓名"), C_sex(), C_pid(),
                P("qual", "执业资格", kind="label", gen=gchoice(["乡村医生", "执业助理医师", "执业医师"])),
                P("years", "从业年限（年）", kind="num", enc="unit", unit="年", gen=gi(2, 35)), C_phone(),
                P("sub", "年度补助（元）", sum=True, enc="comma", gen=gchoice([12000, 14400, 18000]))]
        t = roster(rng, pp, tw, f"{tw}村卫生室乡村医生配备情况表", cols, rng.randint(8, 12), town=tw, age=(26, 62),
                   xfrac=0.25, id_numeric="some", total_label="小计", seq_merge=False)
        tabs.append(t)
    data = [Row("data", {"town": t.sheet, "n": len(t.data_rows()), "sub": t.aggs()[0].vals["sub"]}, seq=i + 1)
            for i, t in enumerate(tabs)]
    data.append(Row("data", {"town": "县本级（巡诊队）", "n": 4, "sub": 4 * 18000}, seq=4))
    s = Table("汇总", f"{COUNTY}乡村医生配备和补助汇总表", [C_seq(), P("town", "乡镇", kind="label"),
              P("n", "乡村医生人数（人）", sum=True), P("sub", "年度补助（元）", sum=True, enc="mixed")],
              data + [Row("agg", {"town": "合计"}, data)], label="town",
              notes=["注：县本级巡诊队4人按每人18000元补助，人员名单另附。"])
    compute(s)
    return [s] + tabs


@ledger("A03_公益性岗位考勤表.xlsx", 121, [], tricky=True)
def l_kaoqin2(rng, E):
    pp = People(rng)
    return [attendance(rng, pp, "白沙镇乡村公益性岗位人员2023年11月考勤表", 14, 30, "11月", False, False, 0)]


# ---- statistics ----------------------------------------------------------------
@ledger("A04_衔接资金分配和支出进度表.xlsx", 201, ["wrong_rate", "wrong_total"], tricky=True)
def l_zijin(rng, E):
    cols = [P("tot", ("分配资金（万元）", "小计"), sum=True, dec=2),
            P("ind", ("分配资金（万元）", "其中：产业发展"), sum=True, dec=2, gen=gf(200, 900, 2)),
            P("oth", ("分配资金（万元）", "其中：其他"), sum=True, dec=2, gen=gf(80, 400, 2)),
            P("share", "产业资金占比（%）", kind="rate", dec=1),
            P("proj", "项目个数（个）", sum=True, gen=gi(6, 30)),
            P("paid", "已支出资金（万元）", sum=True, dec=2, gen=lambda r, v: round((v["ind"] + v["oth"]) * r.uniform(0.7, 0.99), 2)),
            P("prog", "支出进度（%）", kind="rate", dec=1),
            P("note", "备注", kind="text", gen=lambda r, v: r.choice([None, None, "含上年结转", "以工代赈项目1个"]))]
    t = town_stat(rng, "支出进度", f"{COUNTY}2023年财政衔接推进乡村振兴补助资金分配和支出进度表", cols,
                  [("share", "ind", "tot", 100, 1), ("prog", "paid", "tot", 100, 1)], TOWNS[:10], extra=["县直部门"],
                  rowsums=[("tot", ["ind", "oth"])], total="top", meta_top=meta(f"{COUNTY}财政局", "2023年12月31日", "万元"))
    if E:
        plant_rate(t, rng)
        plant_total(t, rng, mode="forgot")
    return [t]


@ledger("A04_衔接资金项目安排表_分类.xlsx", 202, [], tricky=True)
def l_xiangmu(rng, E):
    """合计 at the top, 一/二/三 categories, 其中 rows that are not repeated on later breakdown rows."""
    cols = [P("seq", "序号", kind="seq", width=5), P("name", "项目类别", kind="label", width=22),
            P("n", "项目数（个）", sum=True), P("amt", "安排资金（万元）", sum=True, dec=2),
            P("cj", "其中：中央衔接资金（万元）", sum=True, dec=2), P("hh", "带动脱贫户（户）", sum=True, enc="mixed", unit="户")]
    cats = [("产业发展类", ["种植业基地", "养殖业", "农产品加工", "乡村旅游"]),
            ("就业项目类", ["务工补助", "公益性岗位"]),
            ("乡村建设行动类", ["农村道路", "农村供水", "人居环境整治"]),
            ("易地搬迁后扶类", None), ("项目管理费", None)]
    rows, top = [], []
    for i, (cat, subs) in enumerate(cats):
        if subs:
            parts = []
            for s in subs:
                n = rng.randint(2, 12)
                amt = round(n * rng.uniform(20, 90), 2)
                parts.append({"n": n, "amt": amt, "cj": round(amt * rng.uniform(0.6, 0.9), 2), "hh": rng.randint(30, 400)})
            # category = sum of breakdown rows; some categories list only part of it
            extra = rng.random() < 0.5
            cv = {k: sum(p[k] for p in parts) for k in ("n", "amt", "cj", "hh")}
            if extra:
                cv = {k: (cv[k] + (3 if k == "n" else (55.5 if k == "amt" else (40.25 if k == "cj" else 60)))) for k in cv}
            cv = {k: round(v, 2) if isinstance(v, float) else v for k, v in cv.items()}
            cr = Row("data", dict(cv, name=cat), seq=cn_num(i + 1))
            rows.append(cr)
            top.append(cr)
            for j, (s, p) in enumerate(zip(subs, parts)):
                rows.append(Row("qz", dict(p, name=("其中：" if j == 0 else "　　　") + s), seq=None))
        else:
            n = rng.randint(1, 4)
            amt = round(n * rng.uniform(10, 60), 2)
            cr = Row("data", {"name": cat, "n": n, "amt": amt, "cj": round(amt * 0.8, 2),
                              "hh": rng.randint(0, 50) if i == 3 else None}, seq=cn_num(i + 1))
            rows.append(cr)
            top.append(cr)
    tot = Row("agg", {"name": "合计"}, top)
    t = Table("项目安排", f"{COUNTY}2023年衔接推进乡村振兴补助资金项目安排汇总表", cols, [tot] + rows, label="name",
              seq_merge=True, meta_top=meta(f"{COUNTY}乡村振兴局", "2023年3月20日", "个、万元、户"),
              notes=["说明：“其中”所列为主要子类，子类合计可小于所属类别数。"])
    compute(t)
    return [t]


@ledger("B01_粮食播种面积和产量统计.xlsx", 203, [], tricky=True)
def l_liangshi(rng, E):
    cols = [P("area", ("粮食作物", "播种面积（亩）"), sum=True, enc="mixed", gen=gi(18000, 62000)),
            P("out", ("粮食作物", "总产量（吨）"), sum=True, dec=1, gen=lambda r, v: round(v["area"] * r.uniform(0.36, 0.46), 1)),
            P("yld", ("粮食作物", "单产（公斤/亩）"), kind="rate", dec=1),
            P("rice", ("其中：稻谷", "面积（亩）"), sum=True, gen=gpart("area", 0.5, 0.75)),
            P("rout", ("其中：稻谷", "产量（吨）"), sum=True, dec=1, gen=lambda r, v: round(v["rice"] * r.uniform(0.42, 0.5), 1)),
            P("ryld", ("其中：稻谷", "单产（公斤/亩）"), kind="rate", dec=1)]
    t = town_stat(rng, "粮食生产", f"{COUNTY}2023年粮食播种面积和产量统计表", cols,
                  [("yld", "out", "area", 1000, 1), ("ryld", "rout", "rice", 1000, 1)], TOWNS, total="top", total_label="全县合计",
                  title_rows=2, colnum_row=True, meta_top=meta(f"{COUNTY}统计局、农业农村局", "2024年1月15日"),
                  notes=["注：单产=总产量÷播种面积，合计行单产按全县总产量÷总面积计算。"])
    return [t]


@ledger("B01_高标准农田建设进度.xlsx", 204, ["wrong_rate", "wrong_total"])
def l_gaobiao(rng, E):
    cols = [P("task", "年度建设任务（万亩）", sum=True, dec=2, gen=gf(0.3, 1.2, 2)),
            P("done", "已建成（万亩）", sum=True, dec=2, gen=gfpart("task", 0.8, 1.0, 2)),
            P("rate", "完成率（%）", kind="rate", dec=1),
            P("inv", "完成投资（万元）", sum=True, dec=1, gen=lambda r, v: round(v["done"] * r.uniform(2800, 3200), 1)),
            P("acc", "已验收（万亩）", sum=True, dec=2, gen=gfpart("done", 0.6, 1.0, 2)),
            P("arate", "验收率（%）", kind="rate", dec=1)]
    t = town_stat(rng, "Sheet1", f"{COUNTY}2023年高标准农田建设进度统计表", cols,
                  [("rate", "done", "task", 100, 1), ("arate", "acc", "done", 100, 1)], TOWNS[:9],
                  meta_top=meta(f"{COUNTY}农业农村局", "2023年11月30日"))
    if E:
        plant_rate(t, rng)
        plant_total(t, rng, mode="small")
    return [t]


@ledger("B03_村级集体经济收入统计表.xlsx", 205, ["wrong_total"], tricky=True)
def l_jiti(rng, E):
    cols = [P("inc", ("村集体经济收入（万元）", "总收入"), sum=True, dec=2),
            P("op", ("村集体经济收入（万元）", "其中经营性收入"), sum=True, dec=2, gen=gf(3, 40, 2)),
            P("oth", ("村集体经济收入（万元）", "其他收入"), sum=True, dec=2, gen=gf(1, 15, 2)),
            P("weak", "是否薄弱村", kind="label", gen=lambda r, v: "是" if v["op"] < 5 else "否"),
            P("coop", "党支部领办合作社（个）", sum=True, gen=gi(0, 3))]
    t = block_stat(rng, "集体经济", f"{COUNTY}2023年村级集体经济收入统计表", cols, [], TOWNS[:5], nv=(3, 5),
                   rowsums=[("inc", ["op", "oth"])], meta_top=meta(f"{COUNTY}农业农村局", "2024年1月10日", "万元、个"))
    if E:
        plant_total(t, rng, mode="forgot")
    return [t]


@ledger("C01_户厕改造任务分解和完成情况.xlsx", 206, [], tricky=True)
def l_huce_task(rng, E):
    cols = [P("task", "年度任务（户）", sum=True, enc="mixed", unit="户", gen=gi(20, 90)),
            P("done", "已完成（户）", sum=True, enc="mixed", unit="户", gen=gpart("task", 0.85, 1.0)),
            P("acc", "已验收（户）", sum=True, gen=gpart("done", 0.7, 1.0)),
            P("rate", "完成率（%）", kind="rate", dec=1, rfmt="mixed"),
            P("prob", "问题厕所排查（个）", sum=True, gen=gi(0, 12)),
            P("fix", "已整改（个）", sum=True, gen=gpart("prob", 0.5, 1.0)),
            P("frate", "整改率（%）", kind="rate", dec=1, rfmt="mixed")]
    t = block_stat(rng, "任务分解", f"{COUNTY}2023年农村户厕改造任务分解及完成情况表", cols,
                   [("rate", "done", "task", 100, 1), ("frate", "fix", "prob", 100, 1)], TOWNS[:4], nv=(3, 5),
                   total_label="总计", spacer=True, seq_mode="block", title_rows=2,
                   meta_top=meta(f"{COUNTY}农业农村局", "2023年12月25日"))
    return [t]


@ledger("C02_生活垃圾和污水治理设施统计.xlsx", 207, [], tricky=True)
def l_laji(rng, E):
    cols = [P("vil", "行政村数（个）", sum=True, gen=gi(8, 22)),
            P("cov", "垃圾收运覆盖村（个）", sum=True, gen=lambda r, v: v["vil"] - r.choice([0, 0, 1])),
            P("zz", "垃圾中转站（座）", sum=True, gen=gi(1, 3)),
            P("run", "正常运行（座）", sum=True, gen=lambda r, v: v["zz"]),
            P("ws", "污水治理村（个）", sum=True, gen=lambda r, v: r.randint(2, v["vil"] - 2)),
            P("wrate", "生活污水治理率（%）", kind="rate", dec=2, rfmt="frac"),
            P("crate", "收运覆盖率（%）", kind="rate", dec=2, rfmt="frac")]
    t = town_stat(rng, "设施统计", f"{COUNTY}农村生活垃圾收运和生活污水治理情况统计表", cols,
                  [("wrate", "ws", "vil", 100, 2), ("crate", "cov", "vil", 100, 2)], TOWNS, extra=["县城郊区（县本级）"],
                  meta_top=meta(f"{COUNTY}生态环境局、住建局", "2023年12月"), c0=2)
    return [t]


@ledger("C04_畜禽粪污资源化利用台账.xlsx", 208, ["wrong_rate", "wrong_total"])
def l_fenwu(rng, E):
    cols = [P("farms", "规模养殖场（个）", sum=True, gen=gi(3, 25)),
            P("eq", "配套粪污处理设施（个）", sum=True, gen=gpart("farms", 0.9, 1.0)),
            P("prod", "粪污产生量（万吨）", sum=True, dec=2, gen=gf(1.5, 9, 2)),
            P("use", "资源化利用量（万吨）", sum=True, dec=2, gen=gfpart("prod", 0.78, 0.95, 2)),
            P("urate", "资源化利用率（%）", kind="rate", dec=1),
            P("eqrate", "设施装备配套率（%）", kind="rate", dec=1)]
    t = town_stat(rng, "粪污利用", f"{COUNTY}2023年畜禽粪污资源化利用情况统计表", cols,
                  [("urate", "use", "prod", 100, 1), ("eqrate", "eq", "farms", 100, 1)], TOWNS[:8],
                  meta_top=meta(f"{COUNTY}畜牧水产事务中心", "2023年12月28日"))
    if E:
        plant_rate(t, rng)
        plant_total(t, rng, mode="typo")
    return [t]


@ledger("C04_化肥农药减量统计.xlsx", 209, [], tricky=True)
def l_huafei(rng, E):
    cols = [P("f22", ("化肥使用量（折纯，吨）", "2022年"), sum=True, dec=1, gen=gf(800, 3000, 1)),
            P("f23", ("化肥使用量（折纯，吨）", "2023年"), sum=True, dec=1, gen=gfpart("f22", 0.95, 0.995, 1)),
            P("fr", ("化肥使用量（折纯，吨）", "增减（%）"), kind="rate", dec=2),
            P("p22", ("农药使用量（吨）", "2022年"), sum=True, dec=2, gen=gf(20, 90, 2)),
            P("p23", ("农药使用量（吨）", "2023年"), sum=True, dec=2, gen=gfpart("p22", 0.94, 0.99, 2)),
            P("pr", ("农药使用量（吨）", "增减（%）"), kind="rate", dec=2)]
    t = town_stat(rng, "减量统计", f"{COUNTY}化肥农药使用量零增长行动统计表", cols, [], TOWNS[:8],
                  meta_top=meta(f"{COUNTY}农业农村局", "2024年1月"), notes=["注：增减（%）=（2023年−2022年）÷2022年×100。"])
    for r in t.rows:
        r.vals["fr"] = rnd((r.vals["f23"] - r.vals["f22"]) / r.vals["f22"] * 100, 2)
        r.vals["pr"] = rnd((r.vals["p23"] - r.vals["p22"]) / r.vals["p22"] * 100, 2)
    t.extra_checks = [("fr", "f23", "f22"), ("pr", "p23", "p22")]
    return [t]


@ledger("D01_新时代文明实践活动统计.xlsx", 210, [], tricky=True)
def l_wenming(rng, E):
    cols = [P("st", "实践所（站）数（个）", sum=True, gen=gi(6, 20)),
            P("act", "开展活动（场次）", sum=True, enc="mixed", gen=gi(60, 400)),
            P("vol", "注册志愿者（人）", sum=True, enc="comma", gen=gi(800, 4200)),
            P("pp", "参与群众（人次）", sum=True, enc="comma", gen=gi(3000, 26000)),
            P("avg", "站均活动（场次）", kind="rate", dec=1),
            P("note", "备注", kind="text", gen=lambda r, v: None)]
    t = town_stat(rng, "活动统计", f"{COUNTY}2023年新时代文明实践活动开展情况统计表", cols,
                  [("avg", "act", "st", 1, 1)], TOWNS[:9], extra=["县本级（实践中心）", "县直单位志愿服务队", "全县集中示范活动（县级统筹）"],
                  meta_top=meta(f"{COUNTY}新时代文明实践中心", "2023年12月"))
    for r in t.data_rows():
        if r.vals["town"].startswith("县"):
            r.vals["note"] = "县级实践中心及文明实践基地"
    return [t]


@ledger("D02_送戏下乡和电影放映场次统计.xlsx", 211, ["wrong_total", "wrong_total"])
def l_songxi(rng, E):
    cols = [P("xt", ("送戏下乡（场）", "任务"), sum=True, gen=gi(8, 20)),
            P("xd", ("送戏下乡（场）", "完成"), sum=True, gen=lambda r, v: v["xt"] + r.randint(0, 3)),
            P("mt", ("农村电影放映（场）", "任务"), sum=True, gen=lambda r, v: 12 * r.randint(9, 22)),
            P("md", ("农村电影放映（场）", "完成"), sum=True, gen=lambda r, v: v["mt"] + r.randint(0, 10)),
            P("books", "农家书屋借阅（人次）", sum=True, gen=gi(300, 2500))]
    t = town_stat(rng, "场次统计", f"{COUNTY}2023年送戏下乡和农村公益电影放映场次统计表", cols, [], TOWNS,
                  meta_top=meta(f"{COUNTY}文化旅游广电体育局", "2023年12月20日"))
    if E:
        plant_total(t, rng, mode="small")
        plant_total(t, rng, mode="forgot")
    return [t]


@ledger("E02_矛盾纠纷排查调处统计.xlsx", 212, ["wrong_rate", "wrong_total", "wrong_rate"])
def l_jiufen(rng, E):
    cols = [P("n", "排查矛盾纠纷（件）", sum=True, gen=gi(40, 220)),
            P("ok", "调处成功（件）", sum=True, gen=gpart("n", 0.92, 0.99)),
            P("r1", "调处成功率（%）", kind="rate", dec=1, rfmt="text"),
            P("xf", "其中：信访（件）", sum=True, gen=gpart("n", 0.05, 0.15)),
            P("med", "人民调解案卷（卷）", sum=True, gen=gpart("n", 0.3, 0.6)),
            P("r2", "案卷占比（%）", kind="rate", dec=1, rfmt="text")]
    t = town_stat(rng, "排查调处", f"{COUNTY}2023年度矛盾纠纷排查调处情况统计表", cols,
                  [("r1", "ok", "n", 100, 1), ("r2", "med", "n", 100, 1)], TOWNS[:10], extra=["县直部门"],
                  meta_top=meta(f"{COUNTY}司法局", "2023年12月31日"))
    if E:
        plant_rate(t, rng)
        plant_total(t, rng, mode="small")
        plant_rate(t, rng)
    return [t]


@ledger("E04_返乡入乡创业统计.xlsx", 213, [], tricky=True)
def l_chuangye(rng, E):
    cols = [P("n", "返乡入乡创业人员（人）", sum=True, enc="mixed", unit="人", gen=gi(20, 140)),
            P("ent", "创办经营主体（个）", sum=True, gen=gpart("n", 0.5, 0.9)),
            P("jobs", "带动就业（人）", sum=True, enc="fw", gen=lambda r, v: v["ent"] * r.randint(3, 9)),
            P("poor", "其中：带动脱贫人口（人）", sum=True, enc="fw", gen=gpart("jobs", 0.2, 0.4)),
            P("loan", "创业担保贷款（万元）", sum=True, dec=1, enc="mixed", gen=gf(50, 600, 1)),
            P("pshare", "带动脱贫人口占比（%）", kind="rate", dec=1, rfmt="text")]
    t = town_stat(rng, "创业统计", f"{COUNTY}2023年返乡入乡创业情况统计表", cols, [("pshare", "poor", "jobs", 100, 1)],
                  TOWNS[:8], total="top", meta_top=meta(f"{COUNTY}人力资源和社会保障局", "2023年12月"), seq_merge=True,
                  blank_after_title=True)
    return [t]


@ledger("F01_农村居民人均可支配收入测算表.xlsx", 214, [], tricky=True)
def l_shouru(rng, E):
    cols = [P("hh", "调查户数（户）", sum=True, gen=gi(40, 90)),
            P("pop", "常住人口（人）", sum=True, gen=lambda r, v: v["hh"] * r.randint(3, 4) + r.randint(0, 20)),
            P("inc", "可支配收入总额（万元）", sum=True, dec=2, gen=lambda r, v: round(v["pop"] * r.uniform(1.45, 1.95), 2)),
            P("wage", "其中：工资性收入（万元）", sum=True, dec=2, gen=gfpart("inc", 0.45, 0.6, 2)),
            P("pc", "人均可支配收入（元）", kind="rate", dec=0),
            P("wshare", "工资性收入占比（%）", kind="rate", dec=1, rfmt="frac")]
    t = town_stat(rng, "收入测算", f"{COUNTY}2023年农村常住居民人均可支配收入测算表（住户调查）", cols,
                  [("pc", "inc", "pop", 10000, 0), ("wshare", "wage", "inc", 100, 1)], TOWNS,
                  meta_top=meta(f"{COUNTY}统计局", "2024年1月20日"),
                  notes=["注：人均可支配收入=可支配收入总额÷常住人口；合计行按全县汇总数计算，不是各乡镇人均的简单平均。"])
    return [t]


@ledger("S02_脱贫人口收入监测.xlsx", 215, ["wrong_total"])
def l_tuopin_sr(rng, E):
    cols = [P("hh", "脱贫户数（户）", sum=True, gen=gi(300, 1400)),
            P("pop", "脱贫人口（人）", sum=True, gen=lambda r, v: int(v["hh"] * r.uniform(2.8, 3.6))),
            P("avg", "人均纯收入（元）", kind="num", gen=gi(13500, 17800)),
            P("low", "人均纯收入低于1万元（户）", sum=True, gen=gi(0, 12))]
    t = town_stat(rng, "收入监测", f"{COUNTY}2023年脱贫人口收入监测情况表", cols, [], TOWNS[:10],
                  wavgs=[("avg", "pop", 0)], meta_top=meta(f"{COUNTY}乡村振兴局", "2023年12月31日", "户、人、元"),
                  notes=["注：合计行人均纯收入按脱贫人口加权平均。"])
    if E:
        plant_total(t, rng, mode="forgot")
    return [t]


@ledger("A05_消费帮扶统计.xlsx", 216, ["wrong_total"], tricky=True)
def l_xiaofei(rng, E):
    cols = [P("seq", "序号", kind="seq", width=5), P("name", "销售渠道", kind="label", width=26),
            P("amt", "销售金额（万元）", sum=True, dec=2, enc="mixed"), P("poor", "带动脱贫户（户）", sum=True)]
    chans = [("东西部协作消费帮扶", ["广东省佛山市采购", "对口帮扶单位食堂采购"]),
             ("832平台销售", None), ("预算单位采购", ["县直机关", "乡镇机关"]), ("消费帮扶专柜专馆", None),
             ("线上电商", None)]
    rows, top = [], []
    for i, (c, subs) in enumerate(chans):
        if subs:
            parts = [{"amt": round(rng.uniform(60, 400), 2), "poor": rng.randint(50, 400)} for _ in subs]
            cv = {"amt": round(sum(p["amt"] for p in parts), 2), "poor": sum(p["poor"] for p in parts)}
            r = Row("data", dict(cv, name=c), seq=i + 1)
            rows.append(r)
            top.append(r)
            for j, (s, p) in enumerate(zip(subs, parts)):
                rows.append(Row("qz", dict(p, name=("其中：" if j == 0 else "") + s)))
        else:
            r = Row("data", {"name": c, "amt": round(rng.uniform(40, 300), 2), "poor": rng.randint(20, 300)}, seq=i + 1)
            rows.append(r)
            top.append(r)
    tot = Row("agg", {"name": "合计"}, top)
    t = Table("消费帮扶", f"{COUNTY}2023年消费帮扶统计表", cols, rows + [tot], label="name",
              meta_top=meta(f"{COUNTY}乡村振兴局", "2023年12月31日"))
    compute(t)
    if E:
        plant_total(t, rng, mode="small")
    return [t]


@ledger("A05_东西部协作项目明细.xlsx", 217, [], tricky=True, formulas=True)
def l_dongxi(rng, E):
    cols = [P("seq", "序号", kind="seq", width=5), P("name", "项目名称", kind="text", width=28),
            P("town", "实施地点", kind="label"),
            P("a", ("项目资金（万元）", "协作资金"), sum=True, dec=1),
            P("b", ("项目资金（万元）", "县级配套"), sum=True, dec=1),
            P("c", ("项目资金（万元）", "合计"), sum=True, dec=1),
            P("paid", "已拨付（万元）", sum=True, dec=1), P("prog", "拨付进度（%）", kind="rate", dec=1, rfmt="frac"),
            P("poor", "受益脱贫人口（人）", sum=True)]
    names = ["柑橘产业园提质改造", "生猪标准化养殖小区", "帮扶车间厂房建设", "油茶低产林改造", "农产品冷链仓储",
             "劳务协作培训", "乡村振兴示范村建设", "茶叶加工厂设备购置", "消费帮扶馆建设"]
    data = []
    for i, nm in enumerate(names):
        a = round(rng.uniform(50, 400), 1)
        b = round(a * rng.choice([0, 0.1, 0.2]), 1)
        data.append(Row("data", {"name": nm, "town": rng.choice(TOWNS), "a": a, "b": b,
                                 "paid": round((a + b) * rng.uniform(0.6, 1.0), 1), "poor": rng.randint(30, 600)}, seq=i + 1))
    t = Table("项目明细", f"{COUNTY}2023年东西部协作项目实施情况明细表", cols, data + [Row("agg", {"name": "合计"}, data)],
              rates=[("prog", "paid", "c", 100, 1)], rowsums=[("c", ["a", "b"])], label="name", formulas=True, seq_merge=True,
              meta_top=meta(f"{COUNTY}乡村振兴局（东西部协作办）", "2023年12月25日", "万元"))
    compute(t)
    return [t]


@ledger("A04_帮扶项目资产确权登记台账.xlsx", 218, ["wrong_total"], tricky=True)
def l_zichan(rng, E):
    cols = [P("n", "资产项目数（个）", sum=True, gen=gi(2, 9)),
            P("val", ("资产原值（万元）", "合计"), sum=True, dec=2),
            P("op", ("资产原值（万元）", "经营性"), sum=True, dec=2, gen=gf(20, 300, 2)),
            P("pub", ("资产原值（万元）", "公益性"), sum=True, dec=2, gen=gf(30, 500, 2)),
            P("own", "确权到村（个）", sum=True, gen=lambda r, v: v["n"]),
            P("inc", "当年资产收益（万元）", sum=True, dec=2, gen=gfpart("op", 0.03, 0.08, 2))]
    t = block_stat(rng, "确权登记", f"{COUNTY}扶贫（衔接）项目资产确权登记汇总台账", cols, [], TOWNS[5:9], nv=(2, 4),
                   total="top", rowsums=[("val", ["op", "pub"])], meta_top=meta(f"{COUNTY}乡村振兴局", "2023年12月"))
    if E:
        plant_total(t, rng, mode="small")
    return [t]


@ledger("A04_光伏电站运行统计.xlsx", 219, [], tricky=True)
def l_guangfu(rng, E):
    cols = [P("st", "村级光伏电站（座）", sum=True, gen=gi(3, 12)),
            P("kw", "装机容量（千瓦）", sum=True, enc="mixed", gen=lambda r, v: v["st"] * r.choice([60, 100, 100, 300])),
            P("kwh", "年发电量（万千瓦时）", sum=True, dec=2, gen=lambda r, v: round(v["kw"] * r.uniform(0.09, 0.12), 2)),
            P("h", "等效利用小时（小时）", kind="rate", dec=0),
            P("rev", "发电收益（万元）", sum=True, dec=2, gen=lambda r, v: round(v["kwh"] * 0.45, 2)),
            P("dist", "用于公益岗位和公益事业（万元）", sum=True, dec=2, gen=gfpart("rev", 0.7, 0.85, 2)),
            P("dr", "分配比例（%）", kind="rate", dec=1, rfmt="frac")]
    t = town_stat(rng, "运行统计", f"{COUNTY}2023年村级光伏帮扶电站运行和收益分配情况表", cols,
                  [("h", "kwh", "kw", 10000, 0), ("dr", "dist", "rev", 100, 1)], TOWNS[:7],
                  total="top", total_label="全县", meta_top=meta(f"{COUNTY}发展和改革局", "2024年1月5日"))
    return [t]


@ledger("W02_问题整改销号台账统计.xlsx", 220, ["wrong_rate", "wrong_rate"], tricky=True)
def l_zhenggai(rng, E):
    cols = [P("n", "反馈问题（个）", sum=True, gen=gi(3, 30)),
            P("rate", "整改完成率（%）", kind="rate", dec=1, rfmt="mixed"),
            P("doing", "正在整改（个）", sum=True, gen=gi(0, 3)),
            P("done", "已整改销号（个）", sum=True, gen=lambda r, v: v["n"] - v["doing"]),
            P("resp", "责任领导", kind="label", gen=lambda r, v: r.choice(SUR) + r.choice(GIV) + r.choice(GIV))]
    t = town_stat(rng, "整改统计", f"{COUNTY}巩固脱贫成果后评估反馈问题整改进展统计表", cols, [("rate", "done", "n", 100, 1)],
                  ["县乡村振兴局", "县教育局", "县卫健局", "县住建局", "县水利局", "县人社局", "县医保局", "县民政局"],
                  extra=TOWNS[:4], label="unit", label_header="责任单位",
                  meta_top=("填报单位：县巩固衔接领导小组办公室", "截至：2024年2月29日"))
    if E:
        plant_rate(t, rng)
        plant_rate(t, rng)
    return [t]


@ledger("C03_农村公路建设和养护台账.xlsx", 221, [], tricky=True)
def l_gonglu(rng, E):
    cols = [P("new", ("建设里程（公里）", "新改建"), sum=True, dec=2, gen=gf(2, 30, 2)),
            P("wid", ("建设里程（公里）", "窄路加宽"), sum=True, dec=2, gen=gf(0, 12, 2)),
            P("tot", ("建设里程（公里）", "小计"), sum=True, dec=2),
            P("km", "列养里程（公里）", sum=True, dec=1, gen=gf(80, 360, 1)),
            P("men", "专职养护人员（人）", sum=True, gen=gi(5, 30)),
            P("you", "优良中等路率（%）", kind="num", dec=1, gen=gf(80, 95, 1))]
    t = block_stat(rng, "建设养护", f"{COUNTY}2023年农村公路建设和管理养护台账", cols, [], TOWNS[:5], nv=(2, 4),
                   total_label="总计", rowsums=[("tot", ["new", "wid"])], wavgs=[("you", "km", 1)],
                   meta_top=meta(f"{COUNTY}交通运输局", "2023年12月30日"),
                   notes=["注：优良中等路率小计、总计按列养里程加权计算。"])
    return [t]


@ledger("B01_撂荒地整治台账.xlsx", 222, ["wrong_rate"])
def l_liaohuang(rng, E):
    cols = [P("area", "排查撂荒地（亩）", sum=True, dec=1, gen=gf(120, 1600, 1)),
            P("fix", "已复耕复种（亩）", sum=True, dec=1, gen=gfpart("area", 0.8, 0.99, 1)),
            P("grain", "其中：种粮（亩）", sum=True, dec=1, gen=gfpart("fix", 0.6, 0.9, 1)),
            P("r1", "复耕率（%）", kind="rate", dec=1),
            P("r2", "种粮占比（%）", kind="rate", dec=1)]
    t = town_stat(rng, "撂荒地", f"{COUNTY}2023年撂荒耕地排查整治情况台账", cols,
                  [("r1", "fix", "area", 100, 1), ("r2", "grain", "fix", 100, 1)], TOWNS[:11],
                  meta_top=meta(f"{COUNTY}农业农村局", "2023年10月31日"))
    if E:
        plant_rate(t, rng)
    return [t]


@ledger("B02_乡村旅游和农村电商统计.xlsx", 223, [], tricky=True)
def l_lvyou(rng, E):
    cols = [P("spots", ("乡村旅游", "经营主体（家）"), sum=True, gen=gi(3, 40)),
            P("vis", ("乡村旅游", "接待游客（万人次）"), sum=True, dec=2, gen=gf(1, 30, 2)),
            P("rev", ("乡村旅游", "旅游收入（万元）"), sum=True, dec=1, enc="comma", gen=lambda r, v: round(v["vis"] * r.uniform(80, 160), 1)),
            P("pc", ("乡村旅游", "人均消费（元）"), kind="rate", dec=1),
            P("shops", ("农村电商", "网店（个）"), sum=True, gen=gi(10, 160)),
            P("sales", ("农村电商", "网络零售额（万元）"), sum=True, dec=1, enc="comma", gen=gf(200, 4000, 1))]
    t = town_stat(rng, "旅游电商", f"{COUNTY}2023年乡村旅游和农村电商发展情况统计表", cols, [("pc", "rev", "vis", 1, 1)],
                  TOWNS[:10], title_rows=2, meta_top=meta(f"{COUNTY}文旅广体局、商务局", "2024年1月"),
                  notes=["注：人均消费=旅游收入（万元）÷接待游客（万人次），单位为元。"])
    t2cols = [P("seq", "序号", kind="seq"), P("name", "主要电商平台", kind="label"), P("sales", "网络零售额（万元）", sum=True, dec=1)]
    tot = t.rows[-1].vals["sales"]
    xs = [round(tot * f, 1) for f in (0.41, 0.27, 0.18)]
    xs.append(round(tot - sum(xs), 1))
    d2 = [Row("data", {"name": n, "sales": x}, seq=i + 1) for i, (n, x) in enumerate(zip(["抖音", "拼多多", "淘宝", "其他"], xs))]
    t2 = Table("分平台", "农村网络零售额分平台情况", t2cols, d2 + [Row("agg", {"name": "合计"}, d2)], label="name")
    compute(t2)
    return [t, t2]


@ledger("A02_脱贫人口参保和医疗救助统计.xlsx", 224, ["wrong_rate", "wrong_total", "wrong_rate"], tricky=True)
def l_canbao_tj(rng, E):
    cols = [P("r1", "参保率（%）", kind="rate", dec=2, rfmt="frac"),
            P("ins", "已参保（人）", sum=True, enc="mixed"),
            P("need", "应参保脱贫人口（人）", sum=True, gen=gi(2500, 9000), enc="mixed"),
            P("help", "医疗救助（人次）", sum=True, gen=gi(200, 1500)),
            P("amt", "救助金额（万元）", sum=True, dec=2, gen=lambda r, v: round(v["help"] * r.uniform(0.08, 0.2), 2)),
            P("r2", "资助参保比例（%）", kind="rate", dec=1),
            P("aid", "资助参保（人）", sum=True)]
    for c in cols:
        pass
    cols[1].gen = None
    t = town_stat(rng, "参保救助", f"{COUNTY}2023年脱贫人口基本医疗保险参保和医疗救助情况统计表", [], [], [])
    # build manually so that 已参保 is generated from the denominator on its right
    data = []
    for i, tw in enumerate(TOWNS + ["县城社区"]):
        need = rng.randint(2500, 9000)
        ins = need - rng.randint(0, 3)
        data.append(Row("data", {"town": tw, "need": need, "ins": ins, "help": rng.randint(200, 1500),
                                 "aid": int(ins * rng.uniform(0.3, 0.5))}, seq=i + 1))
        data[-1].vals["amt"] = round(data[-1].vals["help"] * rng.uniform(0.08, 0.2), 2)
    allc = [P("seq", "序号", kind="seq"), P("town", "乡镇（社区）", kind="label")] + cols
    t = Table("参保救助", f"{COUNTY}2023年脱贫人口基本医疗保险参保和医疗救助情况统计表", allc,
              data + [Row("agg", {"town": "合计"}, data)], rates=[("r1", "ins", "need", 100, 2), ("r2", "aid", "ins", 100, 1)],
              label="town", meta_top=meta(f"{COUNTY}医疗保障局", "2023年12月31日"))
    compute(t)
    if E:
        plant_rate(t, rng)
        plant_total(t, rng, mode="forgot")
        plant_rate(t, rng)
    return [t]


# ----------------------------------------------------------------------------- verification
def decode(cell):
    v = cell.value
    if v is None:
        return None
    if isinstance(v, str):
        s = unicodedata.normalize("NFKC", v).strip().replace(",", "")
        if s == "":
            return None
        pct = s.endswith("%")
        s = s.rstrip("%户人元个年")
        try:
            return float(s)
        except ValueError:
            return v
    if isinstance(v, (int, float)) and "%" in (cell.number_format or ""):
        return v * 100
    return v


def eval_formula(ws, f):
    """Evaluate the few formula shapes the generator writes: SUM(range), a+b, IF(x=0,"",ROUND(a/b*k,d))."""
    import re

    def num(coord):
        c = ws[coord]
        if isinstance(c.value, str) and c.value.startswith("="):
            return eval_formula(ws, c.value) or 0
        return float(decode(c) or 0)

    def ref(m):
        return repr(num(m.group(0)))

    e = f[1:]
    e = re.sub(r"SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)",
               lambda m: "(" + "+".join(f"{m.group(1)}{r}" for r in range(int(m.group(2)), int(m.group(4)) + 1)) + ")", e)
    m = re.fullmatch(r'IF\(([A-Z]+\d+)=0,"",(.*)\)', e)
    if m:
        if not num(m.group(1)):
            return None
        e = m.group(2)
    e = e.replace("ROUND(", "round(")
    e = re.sub(r"[A-Z]+\d+", ref, e)
    return eval(e, {"round": round})


def verify(path, tabs, positions):
    """Re-open the file, decode shown values, recompute every relation; return the set of found errors."""
    wb = load_workbook(path)
    found = {}
    ids = []
    for t in tabs:
        ws = wb[t.sheet]
        pos = positions[t.sheet]

        def val(row, key):
            r, c = pos[(id(row), key)]
            cell = ws.cell(r, c)
            if isinstance(cell.value, str) and cell.value.startswith("="):
                got = eval_formula(ws, cell.value)  # no cached value: evaluate the formula ourselves
                if got is not None and "%" in (cell.number_format or ""):
                    got *= 100
                exp = row.vals.get(key)
                assert (got is None and exp is None) or abs(got - exp) < 1e-6, (t.sheet, cell.coordinate, cell.value, got, exp)
                return got
            return decode(cell)

        def add(row, key, kind):
            found[(t.sheet, pos[(id(row), key)][0], key)] = kind

        for row in t.rows:
            if row.kind == "spacer":
                continue
            if row.kind == "agg":
                for c in t.cols:
                    if c.sum:
                        s = sum(val(ch, c.key) or 0 for ch in row.children)
                        if abs((val(row, c.key) or 0) - s) > 10 ** -c.dec / 2 + 1e-6:
                            add(row, c.key, "wrong_total")
                for key, wk, dec in t.wavgs:
                    lv = leaves(row)
                    m = sum(val(x, key) * val(x, wk) for x in lv) / sum(val(x, wk) for x in lv)
                    if abs(val(row, key) - m) > 10 ** -dec / 2 + 1e-6:
                        add(row, key, "wrong_total")
            for key, parts in t.rowsums:
                if abs((val(row, key) or 0) - sum(val(row, p) or 0 for p in parts)) > 1e-6:
                    add(row, key, "wrong_rowsum")
            for key, n, d, sc, dec in t.rates:
                dv = val(row, d)
                if dv:
                    if abs(val(row, key) - (val(row, n) or 0) / dv * sc) > 10 ** -dec / 2 + 1e-6:
                        add(row, key, "wrong_rate")
            for key, n, d in getattr(t, "extra_checks", []):
                if abs(val(row, key) - (val(row, n) - val(row, d)) / val(row, d) * 100) > 0.005 + 1e-6:
                    add(row, key, "wrong_rate")
            if row.kind in ("data", "qz"):
                for c in t.cols:
                    if c.required and val(row, c.key) in (None, ""):
                        add(row, c.key, "empty_required")
                    if c.kind == "id":
                        v = ws.cell(*pos[(id(row), c.key)]).value
                        if v in (None, ""):
                            continue
                        s = str(v).strip().upper()
                        if not id_ok(s):
                            add(row, c.key, "bad_id")
                        ids.append((s, t.sheet, pos[(id(row), c.key)][0], c.key))
    seen = {}
    for s, sh, r, k in ids:
        if s in seen:
            found[(sh, r, k)] = "duplicate_id"
        else:
            seen[s] = (sh, r)
    return found


# ----------------------------------------------------------------------------- main
def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    truth = {}
    for L in LEDGERS:
        rng = random.Random(L["seed"])
        E = bool(L["errors"])
        sheets = L["fn"](rng, E)
        wb = Workbook()
        tabs, positions, rowpos_all = [], {}, {}
        rrng = random.Random(L["seed"] * 7 + 1)
        for i, s in enumerate(sheets):
            if isinstance(s, tuple):
                ws = wb.active if i == 0 else wb.create_sheet()
                ws.title = s[0]
                for j, line in enumerate(s[1]):
                    ws.cell(j + 1, 1, line)
                ws.column_dimensions["A"].width = 80
                continue
            pos, rowpos, letters, _ = render(wb, s, rrng, first=(i == 0))
            tabs.append(s)
            positions[s.sheet] = pos
            rowpos_all[s.sheet] = rowpos
        path = os.path.join(OUT, L["fname"])
        wb.save(path)
        errs = []
        for t in tabs:
            for (rid, key), e in t.planted.items():
                r, c = positions[t.sheet][(rid, key)]
                col = t.col[key]
                d = {"sheet": t.sheet, "row": r, "column": col.leaf, "kind": e["kind"],
                     "cell": f"{get_column_letter(c)}{r}", "_key": key}
                if len(col.path) > 1:
                    d["column_path"] = " / ".join(col.path)
                if "expected" in e:
                    d["expected"] = e["expected"]
                if "how" in e:
                    d["how"] = e["how"]
                if e["kind"] == "duplicate_id":
                    st, a = e["first"]
                    d["first_row"] = positions[st.sheet][(id(a), key)][0]
                    if st is not t:
                        d["first_sheet"] = st.sheet
                errs.append(d)
        errs.sort(key=lambda d: ([t.sheet for t in tabs].index(d["sheet"]), d["row"], d["cell"]))
        found = verify(path, tabs, positions)
        planted = {(d["sheet"], d["row"], d.pop("_key")): d["kind"] for d in errs}
        assert found == planted, (L["fname"], sorted(found.items()), sorted(planted.items()))
        assert sorted(d["kind"] for d in errs) == sorted(L["errors"]), (L["fname"], errs, L["errors"])
        entry = {"clean": not errs, "tricky": L["tricky"] or not errs, "errors": errs,
                 "sheets": [ws.title for ws in wb.worksheets]}
        if L["formulas"]:
            entry["formulas"] = True
        truth[L["fname"]] = entry
    with open(os.path.join(HERE, "ledgers.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    n_err = sum(len(v["errors"]) for v in truth.values())
    kinds = {}
    for v in truth.values():
        for e in v["errors"]:
            kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    print(f"{len(truth)} ledgers, {sum(v['clean'] for v in truth.values())} clean, "
          f"{sum(not v['clean'] for v in truth.values())} with errors, {n_err} errors: {kinds}")


if __name__ == "__main__":
    main()
