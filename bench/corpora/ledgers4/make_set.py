#!/usr/bin/env python3
"""Deterministic generator for the ledgers4 bench set (fictional 岚山县, 霞州市).

Writes files/**/*.xlsx and ledgers.json next to this script, then re-opens every
workbook (data_only=True, i.e. the cached values a reader sees) and recomputes
every total, rate, ID and required cell it declared.  It asserts that the set of
failing checks is exactly the set of planted errors (per (kind, sheet, cell)).

Run:  /work/main/.venv/bin/python make_set.py
"""
import datetime as dt
import json
import random
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
OUT = HERE / "files"
REGION = "352941"          # fictional county code used in every 身份证号 of 岚山县
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CK = "10X98765432"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

TOWNS = {
    "城关镇": ["东门社区", "河西村", "塔下村", "新桥村"],
    "青石镇": ["青石村", "上坪村", "龙潭村", "杉木村", "岩背村"],
    "柳溪乡": ["柳溪村", "下洲村", "黄泥村"],
    "白沙镇": ["白沙村", "沙湾村", "石桥村", "茶园村"],
    "云岭乡": ["云岭村", "高坑村", "竹山村"],
    "桐木镇": ["桐木村", "水口村", "大坪村", "坳头村"],
    "石门乡": ["石门村", "曹家村", "枫树村"],
    "枫坪乡": ["枫坪村", "鹤塘村", "罗源村", "田心村"],
}
SURN = list("刘陈王李张黄吴周徐孙胡朱高林何郭罗梁宋郑谢韩唐冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程魏苏吕丁任沈姚卢钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷")
GM = list("建国明华军平伟强志勇德海林文春荣新永福贵成生金龙发水根财兴")
GF = list("秀英兰芳桂珍丽红梅霞凤玉翠琴燕娟萍花莲春香月美")


# ---------------------------------------------------------------- ids & people
def check_digit(body17):
    return CK[sum(int(c) * w for c, w in zip(body17, W)) % 11]


def make_id(rng, birth, male):
    seq = rng.randint(0, 99) * 10 + rng.choice([1, 3, 5, 7, 9] if male else [0, 2, 4, 6, 8])
    body = REGION + birth.strftime("%Y%m%d") + "%03d" % (seq % 1000)
    return body + check_digit(body)


def id_ok(s):
    if not isinstance(s, str):
        s = "" if s is None else str(s)
    s = s.strip().lstrip("'").upper()
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    if check_digit(s[:17]) != s[17]:
        return False
    try:
        d = dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return dt.date(1900, 1, 1) <= d <= dt.date(2024, 12, 31)


def bad_id(rng, good, mode):
    if mode == "check":
        wrong = [c for c in CK if c != good[17]]
        return good[:17] + rng.choice(wrong)
    # impossible birth date, check digit recomputed so only the date is wrong
    y = good[6:10]
    md = rng.choice(["0230", "1302", "0431", "0017", "1135", "0229"])
    if md == "0229":
        y = "1983"
    body = good[:6] + y + md + good[14:17]
    return body + check_digit(body)


def name(rng, male):
    g = GM if male else GF
    n = rng.choice(SURN) + rng.choice(g)
    if rng.random() < 0.7:
        n += rng.choice(g)
    return n


def phone(rng):
    return rng.choice(["13", "15", "18", "17", "19"]) + str(rng.randint(0, 9)) + "%08d" % rng.randint(0, 99999999)


def person(rng, town=None, village=None, y0=1950, y1=2000, male=None):
    if male is None:
        male = rng.random() < 0.55
    b = dt.date(rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28))
    return {"name": name(rng, male), "sex": "男" if male else "女", "id": make_id(rng, b, male),
            "phone": phone(rng), "town": town, "village": village, "birth": b}


def households(rng, n, towns=None):
    """list of member dicts; hh index, rel. 户主 first."""
    out = []
    towns = towns or list(TOWNS)
    for h in range(n):
        t = rng.choice(towns)
        v = rng.choice(TOWNS[t])
        head = person(rng, t, v, 1948, 1985, male=rng.random() < 0.8)
        head["rel"] = "户主"
        mem = [head]
        sur = head["name"][0]
        if rng.random() < 0.8:
            sp = person(rng, t, v, head["birth"].year - 3, min(head["birth"].year + 4, 1990), male=head["sex"] == "女")
            sp["rel"] = "配偶"
            mem.append(sp)
        for _ in range(rng.randint(0, 3)):
            m = rng.random() < 0.5
            c = person(rng, t, v, head["birth"].year + 20, min(head["birth"].year + 35, 2020), male=m)
            c["name"] = sur + rng.choice(GM if m else GF) + (rng.choice(GM if m else GF) if rng.random() < .6 else "")
            c["rel"] = "子" if m else "女"
            mem.append(c)
        if rng.random() < 0.25:
            p = person(rng, t, v, head["birth"].year - 30, head["birth"].year - 22, male=False)
            p["name"] = rng.choice(SURN) + rng.choice(GF)
            p["rel"] = "母亲"
            mem.append(p)
        for m in mem:
            m["hh"] = h
            m["hh_name"] = head["name"]
            m["hh_no"] = "%s%03d" % ("LS", h + 1)
            m["size"] = len(mem)
        out.extend(mem)
    return out


# ---------------------------------------------------------------- number display/parse
FW = str.maketrans("0123456789.,%-", "０１２３４５６７８９．，％－")
HW = str.maketrans("０１２３４５６７８９．，％－", "0123456789.,%-")


def fmt_num(v, dec):
    return round(v, dec) if dec else int(round(v))


def disp(v, dec, how):
    v = fmt_num(v, dec)
    if how == "num":
        return v
    s = ("{:,.%df}" % dec).format(v)
    if how == "comma":
        return s
    if how == "fw":
        return (("{:.%df}" % dec).format(v)).translate(FW)
    if how == "plain":
        return ("{:.%df}" % dec).format(v)
    raise ValueError(how)


def parse(v, number_format=""):
    """cell -> float (percent cells -> percent units), None if blank/non-numeric."""
    if v is None:
        return None
    if isinstance(v, (int, float)):
        return v * 100 if "%" in (number_format or "") else float(v)
    s = str(v).translate(HW).replace(",", "").replace(" ", "").strip()
    if s == "":
        return None
    pct = s.endswith("%")
    s = s.rstrip("%")
    try:
        return float(s)
    except ValueError:
        return None


def swap_digits(v, dec, rng):
    s = ("{:.%df}" % dec).format(v)
    digs = [i for i, c in enumerate(s) if c.isdigit()]
    pairs = [(a, b) for a, b in zip(digs, digs[1:]) if s[a] != s[b] and b == a + 1 and not (a == 0 and s[b] == "0")]
    a, b = rng.choice(pairs)
    t = list(s)
    t[a], t[b] = t[b], t[a]
    return float("".join(t))


# ---------------------------------------------------------------- workbook wrapper
class Book:
    def __init__(self, rel, topic, tricky=False):
        self.rel = rel
        self.topic = topic
        self.tricky = tricky
        self.wb = openpyxl.Workbook()
        self.wb.remove(self.wb.active)
        self.sums = []       # (sheet, cell, [cells], label)
        self.rates = []      # (sheet, cell, fn, a_cell, b_cell, scale, dec)
        self.idgroups = []   # list of lists of (sheet, cell)
        self.required = []   # (sheet, row, [req cells], [other cells])
        self.errors = []     # truth entries
        self.cache = {}      # (sheet, cell) -> cached value for formulas
        self.headers = {}    # sheet -> {col_letter: (leaf, path)}
        self.notes = []

    def sheet(self, title):
        return self.wb.create_sheet(title)

    def err(self, kind, ws, cell, note, expected=None, **kw):
        col = re.match(r"[A-Z]+", cell).group(0)
        leaf, path = self.headers.get(ws.title, {}).get(col, ("", ""))
        e = {"kind": kind, "sheet": ws.title, "row": int(cell[len(col):]), "column": leaf, "cell": cell}
        if path and path != leaf:
            e["column_path"] = path
        if expected is not None:
            e["expected"] = expected
        e.update(kw)
        e["note"] = note
        self.errors.append(e)

    def save(self):
        p = OUT / self.rel
        p.parent.mkdir(parents=True, exist_ok=True)
        self.wb.save(p)
        if self.cache:
            inject_cache(p, self.wb, self.cache)
        return p


def inject_cache(path, wb, cache):
    tmp = path.with_suffix(".tmp")
    zin = zipfile.ZipFile(path)
    zout = zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED)
    names = {f"xl/worksheets/sheet{i + 1}.xml": ws.title for i, ws in enumerate(wb.worksheets)}
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename in names:
            title = names[item.filename]
            x = data.decode("utf-8")
            for (sh, cell), val in cache.items():
                if sh != title:
                    continue
                pat = re.compile(r'(<c r="%s"[^>]*>)(<f>[^<]*</f>)<v\s*/?>(</v>)?' % cell)
                x, n = pat.subn(lambda m: m.group(1) + m.group(2) + "<v>%s</v>" % repr(float(val)), x)
                assert n == 1, (path, cell)
            data = x.encode("utf-8")
        zout.writestr(item, data)
    zout.close()
    zin.close()
    tmp.replace(path)


def put(ws, r, c, v, fmt=None, bold=False, box=True):
    cell = ws.cell(row=r, column=c, value=v)
    if fmt:
        cell.number_format = fmt
    if bold:
        cell.font = Font(bold=True)
    if box:
        cell.border = BOX
    return cell


def ref(r, c):
    return f"{get_column_letter(c)}{r}"


def title_block(ws, r, title, ncol, lines_above=()):
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
    c = ws.cell(row=r, column=1, value=title)
    c.font = Font(bold=True, size=14)
    c.alignment = CENTER
    ws.row_dimensions[r].height = 28
    r += 1
    for ln in lines_above:
        if isinstance(ln, tuple):   # (left, right)
            ws.cell(row=r, column=1, value=ln[0])
            ws.cell(row=r, column=max(ncol - 2, 2), value=ln[1])
        else:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
            ws.cell(row=r, column=1, value=ln)
        r += 1
    return r


def tail_lines(ws, r, lines, ncol):
    for ln in lines:
        if ln is None:
            r += 1
            continue
        if isinstance(ln, tuple):
            step = max(ncol // len(ln), 1)
            for i, t in enumerate(ln):
                ws.cell(row=r, column=1 + i * step, value=t)
        else:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
            ws.cell(row=r, column=1, value=ln).alignment = Alignment(wrap_text=True)
        r += 1
    return r


# ---------------------------------------------------------------- statistical tables
def stat_sheet(B, ws, rng, S):
    """S: dict spec.  cols: list of dicts with k, h, g (group header), t in num|hsum|rate|text,
    dec, disp; rate: fn ratio|growth, a, b, scale, style pct_str|pct_fmt|num.
    data: list of groups {label, rows:[{label, vals, note}]}, or flat via S['flat']."""
    cols = S["cols"]
    labels = S.get("labels", ["单位"])         # 1 or 2 label columns
    seq = S.get("seq", True)
    subtotal = S.get("subtotal", False)
    total_pos = S.get("total_pos", "bottom")
    formulas = S.get("formulas", False)
    lead = (1 if seq else 0) + len(labels)
    ncol = lead + len(cols)
    r = title_block(ws, 1, S["title"], ncol, S.get("above", ()))
    two = any(c.get("g") for c in cols)
    h0 = r
    hdr = {}
    c0 = 1
    lead_heads = (["序号"] if seq else []) + labels
    for i, h in enumerate(lead_heads):
        put(ws, r, i + 1, h, bold=True).alignment = CENTER
        if two:
            ws.merge_cells(start_row=r, start_column=i + 1, end_row=r + 1, end_column=i + 1)
        hdr[get_column_letter(i + 1)] = (h, h)
    ci = lead + 1
    colno = {}
    i = 0
    while i < len(cols):
        c = cols[i]
        colno[c["k"]] = ci + i
        L = get_column_letter(ci + i)
        if two and c.get("g"):
            j = i
            while j + 1 < len(cols) and cols[j + 1].get("g") == c["g"]:
                j += 1
            put(ws, r, ci + i, c["g"], bold=True).alignment = CENTER
            if j > i:
                ws.merge_cells(start_row=r, start_column=ci + i, end_row=r, end_column=ci + j)
            for q in range(i, j + 1):
                colno[cols[q]["k"]] = ci + q
                put(ws, r + 1, ci + q, cols[q]["h"], bold=True).alignment = CENTER
                hdr[get_column_letter(ci + q)] = (cols[q]["h"], c["g"] + "/" + cols[q]["h"])
            i = j + 1
            continue
        put(ws, r, ci + i, c["h"], bold=True).alignment = CENTER
        if two:
            ws.merge_cells(start_row=r, start_column=ci + i, end_row=r + 1, end_column=ci + i)
        hdr[L] = (c["h"], c["h"])
        i += 1
    B.headers[ws.title] = hdr
    r += 2 if two else 1
    if S.get("colnums"):     # a row 甲 乙 1 2 3 ... under the header
        for q in range(ncol):
            put(ws, r, q + 1, (["甲", "乙", "丙"][q] if q < lead else str(q - lead + 1)))
        r += 1

    base = [c for c in cols if c["t"] == "num"]
    hs = [c for c in cols if c["t"] == "hsum"]
    rates = [c for c in cols if c["t"] == "rate"]
    ckey = {c["k"]: c for c in cols}

    # ---- build row model
    groups = S["data"]
    items = []
    for gi, g in enumerate(groups):
        leaves = []
        for li, row in enumerate(g["rows"]):
            it = {"type": "leaf", "label": row["label"], "g": g["label"], "vals": dict(row["vals"]),
                  "note": row.get("note"), "id": ("leaf", gi, li)}
            leaves.append(it)
        items.append({"group": g, "leaves": leaves, "gi": gi})
    county = S.get("county")   # dict vals
    errs = {tuple(e["at"]) if isinstance(e["at"], list) else e["at"]: [] for e in S.get("errors", [])}
    for e in S.get("errors", []):
        errs[tuple(e["at"]) if isinstance(e["at"], list) else e["at"]].append(e)

    def hsum_of(vals):
        for c in hs:
            vals[c["k"]] = round(sum(vals[p] for p in c["parts"]), c.get("dec", 0))

    def agg(children, rowid):
        v = {}
        for c in base + hs:
            v[c["k"]] = round(sum(ch["vals"][c["k"]] for ch in children), c.get("dec", 0))
        planted = []
        for e in errs.get(rowid, []):
            if e["kind"] != "wrong_total":
                continue
            k = e["col"]
            assert not any(k in h["parts"] for h in hs), "planted total feeds an hsum"
            true = v[k]
            dec = ckey[k].get("dec", 0)
            if e["mode"] == "slip":
                d = e.get("delta") or rng.choice([-1, 1]) * rng.choice([1, 2, 3, 5, 10]) * (10 ** -dec if dec else 1)
                v[k] = round(true + d, dec)
            elif e["mode"] == "swap":
                v[k] = round(swap_digits(true, dec, rng), dec)
            elif e["mode"] == "forget":
                cand = [ch for ch in children if ch["vals"][k] and ch["type"] != "county"] or children
                f = cand[e.get("which", -1)] if "which" in e else rng.choice(cand)
                v[k] = round(true - f["vals"][k], dec)
                e["_forgot"] = f
            assert v[k] != true
            planted.append((e, k, true))
        return v, planted

    for it in items:
        for lf in it["leaves"]:
            hsum_of(lf["vals"])
    if subtotal:
        for it in items:
            vals, pl = agg(it["leaves"], ("sub", it["gi"]))
            it["sub"] = {"type": "sub", "label": it["group"]["label"] + S.get("sub_suffix", "小计") if S.get("sub_suffix", "小计") else it["group"]["label"],
                         "g": it["group"]["label"], "vals": vals, "planted": pl, "id": ("sub", it["gi"]), "children": it["leaves"]}
    cty = None
    if county:
        cty = {"type": "county", "label": county.get("label", "县本级"), "vals": dict(county["vals"]), "id": ("county",)}
        hsum_of(cty["vals"])
    if subtotal:
        tchildren = [it["sub"] for it in items]
    else:
        tchildren = [lf for it in items for lf in it["leaves"]]
    if cty:
        tchildren = ([cty] if S.get("county_first", True) else []) + tchildren + ([] if S.get("county_first", True) else [cty])
    tvals, tpl = agg(tchildren, "total")
    total = {"type": "total", "label": S.get("total_label", "合计"), "vals": tvals, "planted": tpl, "id": "total",
             "children": tchildren}
    qz = []
    for q in S.get("qizhong", []):
        v = {}
        for c in base:
            v[c["k"]] = round(total["vals"][c["k"]] * q["frac"] * rng.uniform(0.9, 1.0), c.get("dec", 0))
        hsum_of(v)
        qz.append({"type": "qz", "label": q["label"], "vals": v, "id": ("qz", q["label"])})

    # ---- layout order
    order = []
    if total_pos == "top":
        order.append(total)
        order += qz
    if cty and S.get("county_first", True):
        order.append(cty)
    for it in items:
        if subtotal and S.get("sub_pos", "after") == "before":
            order.append(it["sub"])
        order += it["leaves"]
        if subtotal and S.get("sub_pos", "after") == "after":
            order.append(it["sub"])
        if S.get("spacer") and it is not items[-1]:
            order.append({"type": "spacer"})
    if cty and not S.get("county_first", True):
        order.append(cty)
    if total_pos == "bottom" and not S.get("no_total"):
        order.append(total)
        order += qz

    # assign rows
    rr = r
    for o in order:
        o["row"] = rr
        rr += 1
    # ---- rates (from shown values), rate errors
    for o in order:
        if o["type"] == "spacer":
            continue
        o["rate"] = {}
        for c in rates:
            o["rate"][c["k"]] = rate_val(c, o["vals"])
    rate_planted = {}
    for e in S.get("errors", []):
        if e["kind"] != "wrong_rate":
            continue
        key = tuple(e["at"]) if isinstance(e["at"], list) else e["at"]
        o = next(o for o in order if o.get("id") == key)
        c = ckey[e["col"]]
        true = o["rate"][c["k"]]
        dec = c.get("dec", 1)
        if e["mode"] == "avg":
            ch = o["children"]
            wrong = round(sum(rate_val(c, x["vals"]) for x in ch) / len(ch), dec)
        elif e["mode"] == "swap":
            wrong = round(swap_digits(true, dec, rng), dec)
        elif e["mode"] == "den":       # divided by another column
            wrong = round(o["vals"][c["a"]] / o["vals"][e["den"]] * c.get("scale", 100), dec)
        elif e["mode"] == "base":      # growth on the wrong base (current year)
            cur, prev = o["vals"][c["a"]], o["vals"][c["b"]]
            wrong = round((cur - prev) / cur * c.get("scale", 100), dec)
        elif e["mode"] == "sign":
            wrong = -true
        elif e["mode"] == "off":
            wrong = round(true + e["delta"], dec)
        elif e["mode"] == "stale":     # last year's figure left in
            wrong = e["value"]
        tol = 0.5 * 10 ** -dec + 1e-9
        assert abs(wrong - true) > 3 * tol, (B.rel, e, wrong, true)
        o["rate"][c["k"]] = wrong
        rate_planted[(id(o), c["k"])] = (e, true)

    # ---- write
    lab_cols = list(range((2 if seq else 1), lead + 1))
    n = 0
    for o in order:
        row = o["row"]
        if o["type"] == "spacer":
            continue
        if seq:
            if o["type"] == "leaf" or (o["type"] == "county" and S.get("county_seq", False)):
                n += 1
                put(ws, row, 1, n)
            else:
                put(ws, row, 1, None)
        if len(labels) == 2:
            if o["type"] == "leaf":
                put(ws, row, lab_cols[0], o["g"] if S.get("repeat_town", False) or o is next(lf for it in items if it["group"]["label"] == o["g"] for lf in it["leaves"]) else None)
                put(ws, row, lab_cols[1], o["label"])
            elif o["type"] == "sub":
                put(ws, row, lab_cols[0], o["g"])
                put(ws, row, lab_cols[1], S.get("sub_suffix", "小计") or "小计", bold=True)
            else:
                ws.merge_cells(start_row=row, start_column=lab_cols[0], end_row=row, end_column=lab_cols[1])
                put(ws, row, lab_cols[0], o["label"], bold=o["type"] == "total")
                put(ws, row, lab_cols[1], None)
        else:
            put(ws, row, lab_cols[0], o["label"], bold=o["type"] in ("total", "sub"))
        for c in cols:
            col = colno[c["k"]]
            cell = ref(row, col)
            if c["t"] in ("num", "hsum"):
                v = o["vals"][c["k"]]
                dec = c.get("dec", 0)
                f = None
                if formulas and o["type"] in ("sub", "total") and c["t"] == "num":
                    ch = o["children"]
                    rows_ = [x["row"] for x in ch]
                    forgot = None
                    for (e, k, true) in o.get("planted", []):
                        if k == c["k"] and e["mode"] == "forget":
                            forgot = e["_forgot"]["row"]
                    L = get_column_letter(col)
                    use = [x for x in rows_ if x != forgot]
                    if use == list(range(use[0], use[-1] + 1)):
                        f = f"=SUM({L}{use[0]}:{L}{use[-1]})"
                    else:
                        f = "=" + "+".join(f"{L}{x}" for x in use)
                    planted_here = [p for p in o.get("planted", []) if p[1] == c["k"]]
                    if planted_here and planted_here[0][0]["mode"] != "forget":
                        f = None   # typed-over value in a formula column
                elif formulas and c["t"] == "hsum":
                    f = "=" + "+".join(ref(row, colno[p]) for p in c["parts"])
                if f:
                    put(ws, row, col, f, fmt=("#,##0" if not dec else "#,##0." + "0" * dec))
                    B.cache[(ws.title, cell)] = fmt_num(v, dec)
                else:
                    how = o.get("disp_override", {}).get(c["k"]) or c.get("disp", "num")
                    if o["type"] in ("total", "sub") and c.get("disp_total"):
                        how = c["disp_total"]
                    put(ws, row, col, disp(v, dec, how), fmt=("#,##0" if not dec else "#,##0." + "0" * dec) if how == "num" else None)
            elif c["t"] == "rate":
                v = o["rate"][c["k"]]
                dec = c.get("dec", 1)
                style = c.get("style", "num")
                if formulas and c.get("formula") and (id(o), c["k"]) not in rate_planted:
                    a, b = ref(row, colno[c["a"]]), ref(row, colno[c["b"]])
                    if c.get("fn", "ratio") == "ratio":
                        expr = f"{a}/{b}"
                    else:
                        expr = f"({a}-{b})/{b}"
                    if style == "pct_fmt":
                        put(ws, row, col, f"=ROUND({expr},{dec + 2})", fmt="0." + "0" * dec + "%")
                        B.cache[(ws.title, cell)] = round(v / 100, dec + 2)
                    else:
                        put(ws, row, col, f"=ROUND({expr}*{c.get('scale', 100)},{dec})", fmt="0." + "0" * dec)
                        B.cache[(ws.title, cell)] = round(v, dec)
                elif style == "pct_str":
                    put(ws, row, col, ("{:.%df}%%" % dec).format(v))
                elif style == "pct_fmt":
                    put(ws, row, col, round(v / 100, dec + 2), fmt="0." + "0" * dec + "%")
                else:
                    put(ws, row, col, round(v, dec), fmt="0." + "0" * dec if dec else "0")
                B.rates.append((ws.title, cell, c.get("fn", "ratio"), ref(row, colno[c["a"]]), ref(row, colno[c["b"]]),
                                c.get("scale", 100), dec))
                if (id(o), c["k"]) in rate_planted:
                    e, true = rate_planted[(id(o), c["k"])]
                    B.err("wrong_rate", ws, cell, e["note"], expected=round(true, dec))
            else:
                put(ws, row, col, o.get("note") if o["type"] == "leaf" else o.get("text"))
        # sums
        if o["type"] in ("sub", "total"):
            for c in base + hs:
                col = colno[c["k"]]
                B.sums.append((ws.title, ref(row, col), [ref(x["row"], col) for x in o["children"]], o["label"]))
            for (e, k, true) in o["planted"]:
                B.err("wrong_total", ws, ref(row, colno[k]), e["note"], expected=fmt_num(true, ckey[k].get("dec", 0)))
        for c in hs:
            B.sums.append((ws.title, ref(row, colno[c["k"]]), [ref(row, colno[p]) for p in c["parts"]], "row"))
    r = rr
    r = tail_lines(ws, r, S.get("below", ()), ncol)
    for q in range(1, ncol + 1):
        ws.column_dimensions[get_column_letter(q)].width = 14 if q > lead else (6 if (seq and q == 1) else 12)
    assert all(e.get("_used", True) for e in S.get("errors", []))
    return order


def rate_val(c, vals):
    a = vals[c["a"]]
    b = vals[c["b"]]
    if b == 0:
        return 0.0
    if c.get("fn", "ratio") == "ratio":
        x = a / b * c.get("scale", 100)
    else:
        x = (a - b) / b * c.get("scale", 100)
    return round(x, c.get("dec", 1))


# ---------------------------------------------------------------- rosters
def roster_sheet(B, ws, rng, S, people, idgroup=None, total=None):
    """S: title, cols [(key, header)], above, below, merge_hh (keys to merge per household),
    required (keys). people: dicts. total: {'label','sum':[keys], 'count_col': key, 'pos'}"""
    cols = S["cols"]
    ncol = len(cols)
    r = title_block(ws, 1, S["title"], ncol, S.get("above", ()))
    hdr = {}
    for i, (k, h) in enumerate(cols):
        put(ws, r, i + 1, h, bold=True).alignment = CENTER
        hdr[get_column_letter(i + 1)] = (h, h)
    B.headers[ws.title] = hdr
    r += 1
    cidx = {k: i + 1 for i, (k, h) in enumerate(cols)}
    merge = S.get("merge_hh", [])
    req = S.get("required", [])
    tot_row = None
    if total and total.get("pos") == "top":
        tot_row = r
        r += 1
    first = r
    seqn = 0
    prev_hh = None
    hh_start = {}
    for p in people:
        p["_row"] = r
        p["_sheet"] = ws.title
        new_hh = p.get("hh") != prev_hh
        if new_hh:
            hh_start[p.get("hh")] = r
        for k, h in cols:
            c = cidx[k]
            if k == "seq":
                if S.get("seq_per_hh"):
                    if new_hh:
                        seqn += 1
                        v = seqn
                    else:
                        v = None
                else:
                    seqn += 1
                    v = seqn
            elif k in merge and not new_hh:
                v = None
            elif k == "amount":
                v = p.get("amount")
                if v is not None and S.get("amount_disp", "num") != "num":
                    v = disp(v, S.get("amount_dec", 2), S["amount_disp"])
            elif k == "id" and S.get("id_apos"):
                v = p.get("id")
            else:
                v = p.get(k)
            cell = put(ws, r, c, v)
            if k == "amount" and isinstance(v, (int, float)):
                cell.number_format = "#,##0." + "0" * S.get("amount_dec", 2) if S.get("amount_dec", 2) else "#,##0"
            if k in ("id", "phone"):
                cell.number_format = "@"
        prev_hh = p.get("hh")
        if idgroup is not None and "id" in cidx:
            idgroup.append((ws.title, ref(r, cidx["id"])))
        rq = [ref(r, cidx[k]) for k in req if k in cidx and not (k in merge and not new_hh)]
        others = [ref(r, cidx[k]) for k, h in cols if k not in req and k not in merge and k not in ("seq", "note")]
        B.required.append((ws.title, r, rq, others))
        r += 1
    last = r - 1
    # merge household cells
    if merge:
        by = {}
        for p in people:
            by.setdefault(p["hh"], []).append(p["_row"])
        for hh, rows_ in by.items():
            if len(rows_) > 1:
                for k in merge:
                    ws.merge_cells(start_row=rows_[0], start_column=cidx[k], end_row=rows_[-1], end_column=cidx[k])
                    ws.cell(row=rows_[0], column=cidx[k]).alignment = CENTER
    if total:
        if tot_row is None:
            tot_row = r
            r += 1
        lab = cidx[total.get("label_col", cols[1][0] if cols[0][0] == "seq" else cols[0][0])]
        put(ws, tot_row, lab, total.get("label", "合计"), bold=True)
        for k in total.get("sum", []):
            c = cidx[k]
            vals = [p.get(k) or 0 for p in people]
            true = round(sum(vals), S.get("amount_dec", 2))
            v = true
            e = total.get("error")
            if e and e["col"] == k:
                dec = S.get("amount_dec", 2)
                if e["mode"] == "slip":
                    v = round(true + e["delta"], dec)
                elif e["mode"] == "swap":
                    v = round(swap_digits(true, dec, rng), dec)
                elif e["mode"] == "forget":
                    v = round(true - people[e["which"]][k], dec)
                assert v != true
            if total.get("formula") and not e:
                L = get_column_letter(c)
                put(ws, tot_row, c, f"=SUM({L}{first}:{L}{last})", fmt="#,##0.00")
                B.cache[(ws.title, ref(tot_row, c))] = v
            else:
                shown = v if S.get("amount_disp", "num") == "num" else disp(v, S.get("amount_dec", 2), S["amount_disp"])
                put(ws, tot_row, c, shown, fmt="#,##0.00" if S.get("amount_dec", 2) else "#,##0", bold=True)
            B.sums.append((ws.title, ref(tot_row, c), [ref(p["_row"], c) for p in people], "合计"))
            if e and e["col"] == k:
                B.err("wrong_total", ws, ref(tot_row, c), e["note"], expected=true)
        if total.get("count_col"):
            put(ws, tot_row, cidx[total["count_col"]], total.get("count_fmt", "{}人").format(len(people)))
    r = tail_lines(ws, r, S.get("below", ()), ncol)
    widths = {"id": 21, "phone": 14, "name": 9, "seq": 6, "note": 18}
    for i, (k, h) in enumerate(cols):
        ws.column_dimensions[get_column_letter(i + 1)].width = widths.get(k, 12)
    return cidx


def plant_roster(B, rng, people, plan):
    """plan: list of dicts kind, idx, (key), (mode), (of), note.  Mutates people before writing."""
    for e in plan:
        p = people[e["idx"]]
        if e["kind"] == "empty_required":
            p[e["key"]] = None
        elif e["kind"] == "bad_id":
            p["id"] = bad_id(rng, p["id"], e["mode"])
        elif e["kind"] == "duplicate_id":
            q = people[e["of"]] if isinstance(e["of"], int) else e["of"]
            p["id"] = q["id"]
            e["_of"] = q
            if e.get("same_person"):
                p["name"], p["sex"] = q["name"], q["sex"]
        p.setdefault("_plan", []).append(e)


def record_roster(B, wbk_people, cidx_by_sheet):
    for p in wbk_people:
        for e in p.get("_plan", []):
            ws = B.wb[p["_sheet"]]
            cidx = cidx_by_sheet[p["_sheet"]]
            if e["kind"] == "empty_required":
                B.err("empty_required", ws, ref(p["_row"], cidx[e["key"]]), e["note"])
            elif e["kind"] == "bad_id":
                B.err("bad_id", ws, ref(p["_row"], cidx["id"]), e["note"], value=p["id"])
            elif e["kind"] == "duplicate_id":
                q = e["_of"]
                B.err("duplicate_id", ws, ref(p["_row"], cidx["id"]), e["note"], first_row=q["_row"],
                      first_sheet=q["_sheet"], value=p["id"])


# ---------------------------------------------------------------- verification
def verify(path, B):
    wb = openpyxl.load_workbook(path, data_only=True)
    wbf = openpyxl.load_workbook(path)
    fails = set()

    def val(sh, c):
        cell = wb[sh][c]
        return parse(cell.value, cell.number_format)

    for sh, c, comps, lab in B.sums:
        v = val(sh, c)
        assert v is not None, (path, sh, c, "total not numeric")
        s = sum((val(sh, x) or 0) for x in comps)
        if abs(v - s) > 0.004:
            fails.add(("wrong_total", sh, c))
    for sh, c, fn, a, b, scale, dec in B.rates:
        v = val(sh, c)
        A, Bv = val(sh, a), val(sh, b)
        exp = 0.0 if not Bv else (A / Bv if fn == "ratio" else (A - Bv) / Bv) * scale
        if abs(v - exp) > 0.5 * 10 ** -dec + 1e-6:
            fails.add(("wrong_rate", sh, c))
    for grp in B.idgroups:
        seen = {}
        for sh, c in grp:
            v = wb[sh][c].value
            if v is None:
                continue
            v = str(v).strip().upper()
            if not id_ok(v):
                fails.add(("bad_id", sh, c))
            if v in seen:
                fails.add(("duplicate_id", sh, c))
            else:
                seen[v] = (sh, c)
    for sh, row, rq, others in B.required:
        ws = wb[sh]
        if any(ws[o].value not in (None, "") for o in others):
            for c in rq:
                if ws[c].value in (None, ""):
                    fails.add(("empty_required", sh, c))
    # formulas really present where we cached
    for (sh, c), v in B.cache.items():
        assert str(wbf[sh][c].value).startswith("="), (path, c)
        assert wb[sh][c].value is not None, (path, c, "no cached value")
    planted = {(e["kind"], e["sheet"], e["cell"]) for e in B.errors}
    assert fails == planted, (B.rel, "unexpected:", fails - planted, "missing:", planted - fails)
    for e in B.errors:
        if e["kind"] == "duplicate_id":
            assert str(wb[e["first_sheet"]][ref(e["first_row"], openpyxl.utils.column_index_from_string(re.match("[A-Z]+", e["cell"]).group(0)))].value) == str(wb[e["sheet"]][e["cell"]].value) \
                or True
            fr = e["first_sheet"]
            # locate first occurrence's cell by value within the group
            grp = next(g for g in B.idgroups if (e["sheet"], e["cell"]) in g)
            firsts = [(s, c) for s, c in grp if str(wb[s][c].value) == e["value"]]
            assert firsts[0][0] == fr and int(re.sub("[A-Z]", "", firsts[0][1])) == e["first_row"], (B.rel, e, firsts)
        col = re.match("[A-Z]+", e["cell"]).group(0)
        assert e["row"] == int(e["cell"][len(col):])
    return fails


# ================================================================ ledger definitions
def N(k, h, dec=0, disp="num", g=None, **kw):
    return dict(k=k, h=h, t="num", dec=dec, disp=disp, g=g, **kw)


def H(k, h, parts, dec=0, g=None, **kw):
    return dict(k=k, h=h, t="hsum", parts=parts, dec=dec, g=g, **kw)


def RT(k, h, a, b, fn="ratio", scale=100, dec=1, style="num", g=None, **kw):
    return dict(k=k, h=h, t="rate", a=a, b=b, fn=fn, scale=scale, dec=dec, style=style, g=g, **kw)


def T(k, h, g=None):
    return dict(k=k, h=h, t="text", g=g)


def flat(rows):
    return [{"label": "", "rows": rows}]


def by_town(rng, f, towns=None):
    return flat([{"label": t, "vals": f(t)} for t in (towns or list(TOWNS))])


def by_village(rng, f, towns=None):
    return [{"label": t, "rows": [{"label": v, "vals": f(v)} for v in TOWNS[t]]} for t in (towns or list(TOWNS))]


def explain_sheet(B, lines, title="说明"):
    ws = B.sheet(title)
    for i, ln in enumerate(lines):
        ws.cell(row=i + 1, column=1, value=ln)
    ws.column_dimensions["A"].width = 90
    return ws


def sign(unit, rng, d=None):
    return (f"填表人：{name(rng, True)}", f"审核人：{name(rng, False)}", f"填报日期：2025年1月{d or rng.randint(3, 20)}日")


LEDGERS = []


def ledger(fn):
    LEDGERS.append(fn)
    return fn


def stat_book(rel, topic, seed, S, tricky=False, extra=None):
    rng = random.Random(seed)
    B = Book(rel, topic, tricky)
    spec = S(rng) if callable(S) else S
    ws = B.sheet(spec.get("sheet", "Sheet1"))
    stat_sheet(B, ws, rng, spec)
    if extra:
        extra(B, rng)
    return B


# ---------------------------------------------------------------- clean, plain
@ledger
def c01():
    def S(rng):
        def f(t):
            plan = rng.randint(52000, 98000)
            done = plan + rng.randint(-1500, 2600)
            return {"plan": plan, "done": done, "early": rng.randint(8000, 20000), "late": rng.randint(20000, 50000),
                    "out": round(done * rng.uniform(0.38, 0.45), 1)}
        return dict(title="岚山县2024年粮食播种面积和产量统计表", sheet="粮食生产",
                    above=[("填报单位：岚山县农业农村局（盖章）", "单位：亩、吨")],
                    labels=["乡镇"], cols=[N("plan", "年度任务面积"), N("done", "实际播种面积"),
                                          RT("rate", "完成率（%）", "done", "plan"),
                                          N("early", "其中：早稻"), N("late", "其中：中晚稻"), N("out", "粮食总产量", dec=1)],
                    data=by_town(rng, f), below=[None, sign("", rng)])
    return stat_book("农业农村局/B01_粮食播种面积和产量统计.xlsx", "B01 粮食播种面积和产量统计", 101, S)


@ledger
def c02():
    def S(rng):
        def f(t):
            n = rng.randint(1, 3)
            return {"n": n, "cap": n * rng.choice([20, 30, 40]), "vol": rng.randint(3000, 12000), "trucks": rng.randint(2, 9)}
        return dict(title="岚山县农村生活垃圾中转站运行台账（2024年度）", labels=["乡镇"],
                    cols=[N("n", "中转站数（座）"), N("cap", "设计日处理能力（吨）"), N("vol", "全年转运量（吨）"),
                          N("trucks", "收运车辆（辆）"), T("note", "运维单位")],
                    data=flat([{"label": t, "vals": f(t), "note": rng.choice(["第三方保洁公司", "乡镇环卫所", "岚山县城乡环卫有限公司"])} for t in TOWNS]),
                    below=["注：全年转运量以过磅单为准。", sign("", rng)])
    return stat_book("生态环境局/C02_垃圾中转站运行台账.xlsx", "C02 垃圾中转站运行台账", 102, S)


def simple_roster(rel, topic, seed, title, cols, people_fn, required, total=None, above=(), below=(), plan=(),
                  tricky=False, sheet="花名册", S_extra=None, extra=None):
    rng = random.Random(seed)
    B = Book(rel, topic, tricky)
    people = people_fn(rng)
    plant_roster(B, rng, people, list(plan))
    ws = B.sheet(sheet)
    grp = []
    B.idgroups.append(grp)
    S = dict(title=title, cols=cols, above=above, below=below, required=required)
    if S_extra:
        S.update(S_extra)
    cidx = roster_sheet(B, ws, rng, S, people, grp, total=total)
    if total and total.get("error"):
        pass
    record_roster(B, people, {ws.title: cidx})
    if extra:
        extra(B, rng)
    return B


def plist(rng, n, amount=None, y0=1955, y1=1995, towns=None, **extra):
    out = []
    towns = towns or list(TOWNS)
    for i in range(n):
        t = rng.choice(towns)
        p = person(rng, t, rng.choice(TOWNS[t]), y0, y1)
        if amount:
            p["amount"] = amount(rng)
        for k, f in extra.items():
            p[k] = f(rng, p)
        out.append(p)
    out.sort(key=lambda p: (list(TOWNS).index(p["town"]), p["village"]))
    return out


@ledger
def c03():
    posts = ["保洁员", "护林员", "水管员", "护路员", "防火巡查员", "村务协理员"]
    return simple_roster(
        "人力资源和社会保障局/A03_公益性岗位聘用和考勤台账.xlsx", "A03 公益性岗位聘用和考勤台账", 103,
        "岚山县2024年12月乡村公益性岗位人员考勤及补贴发放表",
        [("seq", "序号"), ("town", "乡镇"), ("village", "村"), ("name", "姓名"), ("sex", "性别"), ("id", "身份证号码"),
         ("post", "岗位"), ("days", "出勤天数"), ("amount", "岗位补贴（元）"), ("phone", "联系电话"), ("note", "备注")],
        lambda rng: plist(rng, 22, amount=lambda r: 500.0, y0=1958, y1=1980, post=lambda r, p: r.choice(posts),
                          days=lambda r, p: r.randint(22, 31)),
        ["name", "id", "amount", "phone"], total={"sum": ["amount"], "label": "合计", "label_col": "town"},
        above=["用工单位：岚山县各乡镇人民政府　　　所属期：2024年12月"], below=[None, ("经办人：", "审核人：", "分管领导：")])


@ledger
def c04():
    def S(rng):
        def f(t):
            a, b = rng.randint(6, 14), rng.randint(40, 70)
            return {"xp": a, "xd": a + rng.randint(0, 3), "mp": b, "md": b + rng.randint(0, 8)}
        return dict(title="2024年度送戏下乡和农村公益电影放映场次统计", labels=["乡镇"],
                    above=["填报单位：岚山县文化广电旅游体育局"],
                    cols=[N("xp", "年度任务", g="送戏下乡（场）"), N("xd", "已完成", g="送戏下乡（场）"),
                          RT("xr", "完成率", "xd", "xp", style="pct_str", g="送戏下乡（场）"),
                          N("mp", "年度任务", g="电影放映（场）"), N("md", "已完成", g="电影放映（场）"),
                          RT("mr", "完成率", "md", "mp", style="pct_str", g="电影放映（场）")],
                    data=by_town(rng, f), below=[sign("", rng)])
    return stat_book("文化广电旅游体育局/D02_送戏下乡和电影放映场次统计.xlsx", "D02 送戏下乡和电影放映场次统计", 104, S)


@ledger
def c05():
    units = ["县财政局", "县农业农村局", "县人民医院", "县自然资源局", "县税务局", "县供电公司", "县林业局", "县交通运输局", "县卫健委", "霞州市水利局"]
    def pf(rng):
        out = []
        for t in TOWNS:
            for v in TOWNS[t][:2]:
                p = person(rng, t, v, 1970, 1994)
                p["unit"] = rng.choice(units)
                p["post"] = rng.choice(["第一书记", "工作队员", "工作队员"])
                p["since"] = rng.choice(["2021年6月", "2023年7月", "2024年3月"])
                out.append(p)
        return out
    return simple_roster(
        "组织部/A05_驻村第一书记和工作队名单.xlsx", "A05 驻村第一书记和工作队选派文件（附名单）", 105,
        "岚山县驻村第一书记和工作队员花名册",
        [("seq", "序号"), ("town", "乡镇"), ("village", "驻点村"), ("name", "姓名"), ("sex", "性别"), ("id", "身份证号"),
         ("unit", "派出单位"), ("post", "职务"), ("since", "驻村时间"), ("phone", "联系电话")],
        pf, ["name", "id", "phone"], above=["（截至2024年12月31日）"], sheet="驻村名单")


@ledger
def c06():
    def S(rng):
        rows = []
        for lab, lo, hi in [("工资性收入", 9000, 10500), ("经营净收入", 4200, 5200), ("财产净收入", 300, 500), ("转移净收入", 3300, 4200)]:
            prev = rng.randint(lo, hi)
            rows.append({"label": lab, "vals": {"prev": prev, "cur": round(prev * rng.uniform(1.03, 1.09))}})
        return dict(title="岚山县农村居民人均可支配收入主要指标", labels=["指标"], seq=False,
                    above=["单位：元、%"], total_label="人均可支配收入", total_pos="top",
                    cols=[N("prev", "2023年"), N("cur", "2024年"), RT("g", "同比增长（%）", "cur", "prev", fn="growth")],
                    data=flat(rows), below=["数据来源：霞州调查队岚山调查组住户收支调查。"])
    return stat_book("统计局/F01_农村居民人均可支配收入统计数据.xlsx", "F01 农村居民人均可支配收入统计数据", 106, S)


@ledger
def c07():
    def S(rng):
        def f(t):
            n = rng.randint(40, 160)
            ok = n - rng.randint(0, 6)
            return {"n": n, "ok": ok, "med": rng.randint(5, 30)}
        return dict(title="岚山县2024年矛盾纠纷排查调处情况统计表", labels=["乡镇"],
                    cols=[N("n", "排查纠纷数（件）"), N("ok", "调处成功（件）"), RT("r", "调处成功率", "ok", "n", style="pct_fmt"),
                          N("med", "人民调解员（人）")],
                    data=by_town(rng, f), above=["填报单位：中共岚山县委政法委"], below=[sign("", rng)])
    return stat_book("政法委/E02_矛盾纠纷排查调处台账.xlsx", "E02 矛盾纠纷排查调处台账", 107, S)


@ledger
def c08():
    def S(rng):
        def f(v):
            return {"inc": round(rng.uniform(10.5, 68), 2), "op": round(rng.uniform(5, 40), 2)}
        return dict(title="岚山县村级集体经济收入统计表（2024年）", labels=["乡镇", "村"], subtotal=True,
                    above=["单位：万元"], cols=[N("inc", "集体经济总收入", dec=2), N("op", "其中：经营性收入", dec=2)],
                    data=by_village(rng, f, ["城关镇", "青石镇", "柳溪乡"]),
                    below=["注：收入数据来源于农村集体“三资”管理平台。"])
    return stat_book("农业农村局/B03_村级集体经济收入统计表.xlsx", "B03 村级集体经济收入统计表", 108, S)


@ledger
def c09():
    return simple_roster(
        "民政局/F02_农村低保特困供养发放台账.xlsx", "F02 农村低保特困供养发放台账", 109,
        "岚山县2024年12月农村特困人员供养金发放花名册",
        [("seq", "序号"), ("town", "乡镇"), ("village", "村"), ("name", "供养人员姓名"), ("id", "身份证号"),
         ("kind", "供养方式"), ("amount", "发放金额（元）"), ("phone", "联系电话")],
        lambda rng: plist(rng, 18, amount=lambda r: r.choice([736.0, 736.0, 958.5, 1012.0]), y0=1938, y1=1965,
                          kind=lambda r, p: r.choice(["分散供养", "集中供养"])),
        ["name", "id", "amount"], total={"sum": ["amount"], "label": "合计", "label_col": "town"},
        above=[("发放单位：岚山县民政局", "发放月份：2024年12月")])


@ledger
def c10():
    def pf(rng):
        out = []
        for t in TOWNS:
            for v in TOWNS[t]:
                p = person(rng, t, v, 1962, 1996)
                p["clinic"] = v.replace("村", "村卫生室").replace("社区", "社区卫生服务站")
                p["cert"] = rng.choice(["执业助理医师", "乡村医生", "执业医师"])
                p["area"] = rng.choice([60, 80, 100, 120])
                out.append(p)
        return out
    return simple_roster("卫生健康委员会/F02_村卫生室建设和乡村医生名单.xlsx", "F02 村卫生室建设和乡村医生名单", 110,
                         "岚山县村卫生室和乡村医生基本情况表",
                         [("seq", "序号"), ("town", "乡镇"), ("clinic", "村卫生室名称"), ("area", "业务用房面积（㎡）"),
                          ("name", "乡村医生姓名"), ("id", "身份证号"), ("cert", "执业资格"), ("phone", "联系电话")],
                         pf, ["name", "id", "phone"], sheet="村医")


# ---------------------------------------------------------------- clean, tricky
@ledger
def t01():
    def S(rng):
        def f(v):
            c, p, m, x = [round(rng.uniform(a, b), 2) for a, b in [(20, 90), (8, 30), (2, 10), (5, 20)]]
            tot = round(c + p + m + x, 2)
            return {"c": c, "p": p, "m": m, "x": x, "paid": round(tot * rng.uniform(0.78, 1.0), 2)}
        return dict(title="岚山县2024年衔接推进乡村振兴补助资金分配和支出进度表", labels=["乡镇", "项目村"],
                    subtotal=True, total_pos="top", county={"vals": f("县本级"), "label": "县本级"},
                    above=["填报单位：岚山县财政局　　　　　　单位：万元"], colnums=True,
                    cols=[N("c", "中央", dec=2, g="下达资金（万元）"), N("p", "省级", dec=2, g="下达资金（万元）"),
                          N("m", "市级", dec=2, g="下达资金（万元）"), N("x", "县级", dec=2, g="下达资金（万元）"),
                          H("tot", "小计", ["c", "p", "m", "x"], dec=2, g="下达资金（万元）"),
                          N("paid", "已支出（万元）", dec=2), RT("pr", "支出进度", "paid", "tot", style="pct_fmt", dec=1),
                          T("note", "备注")],
                    data=by_village(rng, f, ["青石镇", "白沙镇", "桐木镇"]),
                    below=["注：1.县本级为县级统筹实施的产业项目；2.支出进度=已支出÷下达资金小计。", sign("", rng)])
    return stat_book("财政局/A04_衔接资金分配和支出进度表.xlsx", "A04 衔接资金分配和支出进度表", 201, S, tricky=True)


def household_book(rel, topic, seed, title, cols, n_hh, required, plan=(), tricky=False, merge=("hh_no", "hh_name"),
                   sheet="监测对象", above=(), below=(), extra_fields=None, S_extra=None, towns=None, extra=None):
    rng = random.Random(seed)
    B = Book(rel, topic, tricky)
    people = households(rng, n_hh, towns)
    people.sort(key=lambda p: (list(TOWNS).index(p["town"]), p["hh"]))
    if extra_fields:
        extra_fields(rng, people)
    plan = [dict(e) for e in plan]
    plant_roster(B, rng, people, plan)
    ws = B.sheet(sheet)
    grp = []
    B.idgroups.append(grp)
    S = dict(title=title, cols=cols, above=above, below=below, required=required, merge_hh=list(merge))
    if S_extra:
        S.update(S_extra)
    cidx = roster_sheet(B, ws, rng, S, people, grp)
    record_roster(B, people, {ws.title: cidx})
    if extra:
        extra(B, rng, people)
    return B


def mon_fields(rng, people):
    hh = {}
    for p in people:
        if p["hh"] not in hh:
            hh[p["hh"]] = (rng.choice(["脱贫不稳定户", "边缘易致贫户", "突发严重困难户"]), rng.choice(["因病", "因残", "因学", "因意外事故", "缺劳力"]),
                           rng.choice(["2024年3月", "2024年5月", "2024年8月", "2023年11月"]), rng.choice(["已消除", "未消除"]))
        p["mtype"], p["risk"], p["in"], p["state"] = hh[p["hh"]]
        p["hh_phone"] = p["phone"] if p["rel"] == "户主" else None
    for p in people:
        if p["rel"] == "户主":
            for q in people:
                if q["hh"] == p["hh"]:
                    q["hh_phone"] = p["phone"]


@ledger
def t02():
    return household_book(
        "乡村振兴局/A01_监测对象识别纳入和风险消除台账.xlsx", "A01 监测对象识别纳入和风险消除台账", 202,
        "岚山县防止返贫监测对象识别纳入和风险消除台账（2024年）",
        [("seq", "序号"), ("town", "乡镇"), ("village", "村"), ("hh_no", "户编号"), ("hh_name", "户主姓名"),
         ("name", "家庭成员姓名"), ("rel", "与户主关系"), ("sex", "性别"), ("id", "身份证号"), ("mtype", "监测类型"),
         ("risk", "主要风险"), ("in", "纳入时间"), ("state", "风险消除情况"), ("hh_phone", "联系电话")],
        12, ["name", "id", "hh_name", "hh_phone"], tricky=True,
        merge=("seq", "town", "village", "hh_no", "hh_name", "mtype", "risk", "in", "state", "hh_phone"),
        S_extra={"seq_per_hh": True}, extra_fields=mon_fields,
        above=["填报单位：岚山县乡村振兴局　　数据截至：2024年12月31日"],
        below=["说明：一户一行合并单元格，家庭成员逐人登记。"])


@ledger
def t03():
    def S(rng):
        def f(t):
            task = rng.randint(300, 1500)
            done = task + rng.randint(0, 60)
            return {"task": task, "done": done, "acc": done - rng.randint(0, 15), "fix": rng.randint(10, 90)}
        return dict(title="2024年岚山县农村户厕改造任务分解和验收台账", labels=["乡镇"], total_pos="top",
                    qizhong=[{"label": "其中：脱贫村", "frac": 0.35}, {"label": "　　　乡村振兴示范村", "frac": 0.2}],
                    cols=[N("task", "年度任务（户）", disp="comma"), N("done", "已改造（户）", disp="comma"),
                          N("acc", "已验收（户）", disp="comma"), RT("ar", "验收合格率（%）", "acc", "done"),
                          N("fix", "问题厕所整改（户）", disp="comma")],
                    data=by_town(rng, f), above=["填报单位：岚山县农业农村局"],
                    below=["注：“其中”行为合计数中的脱贫村、示范村部分，不参与合计。", sign("", rng)])
    return stat_book("农业农村局/C01_户厕改造任务分解和验收台账.xlsx", "C01 户厕改造任务分解和验收台账", 203, S, tricky=True)


def town_sheets_book(rel, topic, seed, title, cols, per_town, required, towns, plan=(), tricky=False,
                     summary="copy", amount_fn=None, fields=None, total_key=None, above=(), dup_cross=None):
    """one sheet per town + a 汇总 sheet (copy of all rows, or a per-town count/amount summary)."""
    rng = random.Random(seed)
    B = Book(rel, topic, tricky)
    allp = []
    for t in towns:
        ps = plist(rng, per_town(rng), towns=[t], y0=1965, y1=2002)
        for p in ps:
            if fields:
                for k, f in fields.items():
                    p[k] = f(rng, p)
            if amount_fn:
                p["amount"] = amount_fn(rng)
        allp.append(ps)
    flatp = [p for ps in allp for p in ps]
    plan = [dict(e) for e in plan]
    plant_roster(B, rng, flatp, plan)
    grp = []
    B.idgroups.append(grp)
    cmap = {}
    for t, ps in zip(towns, allp):
        ws = B.sheet(t)
        tot = {"sum": [total_key], "label": "小计", "label_col": "village"} if total_key else None
        cmap[t] = roster_sheet(B, ws, rng, dict(title=f"{title}（{t}）", cols=cols, required=required, above=above), ps, grp, total=tot)
    if summary == "copy":
        ws = B.sheet("汇总")
        cols2 = [c for c in cols if c[0] != "seq"]
        cols2 = [("seq", "序号"), ("town", "乡镇")] + [c for c in cols2 if c[0] != "town"]
        copies = [dict(p) for p in flatp]
        # copy sheet: not part of the duplicate-ID group (verbatim copy of the town sheets)
        roster_sheet(B, ws, rng, dict(title=title + "（全县汇总）", cols=cols2, required=[]), copies, None,
                     total={"sum": [total_key], "label": "合计", "label_col": "town"} if total_key else None)
        B.required = [x for x in B.required if x[0] != "汇总"]
    record_roster(B, flatp, cmap)
    return B, rng


@ledger
def t04():
    B, rng = town_sheets_book(
        "人力资源和社会保障局/A03_技能培训花名册和结业材料.xlsx", "A03 技能培训花名册和结业材料", 204,
        "2024年脱贫劳动力职业技能培训花名册",
        [("seq", "序号"), ("village", "村"), ("name", "姓名"), ("sex", "性别"), ("id", "身份证号"), ("course", "培训工种"),
         ("hours", "培训课时"), ("cert", "结业证书编号"), ("phone", "联系电话")],
        lambda r: r.randint(6, 10), ["name", "id", "phone"], ["柳溪乡", "云岭乡", "石门乡"], tricky=True,
        fields={"course": lambda r, p: r.choice(["育婴员", "中式烹调师", "电工", "茶叶加工", "电子商务"]),
                "hours": lambda r, p: r.choice([40, 56, 80]),
                "cert": lambda r, p: "LSPX2024%04d" % r.randint(1, 9999)},
        above=["培训机构：岚山县职业技术学校"])
    explain_sheet(B, ["汇总表由各乡镇分表复制生成，人员与分表一一对应。", "培训补贴按《霞州市职业技能提升行动实施方案》执行。"])
    return B


@ledger
def t05():
    def S(rng):
        def f(t):
            hh = rng.randint(300, 1800)
            pop = int(hh * rng.uniform(2.6, 3.6))
            inc = round(pop * rng.uniform(1.45, 1.95), 1)
            return {"hh": hh, "pop": pop, "inc": inc}
        return dict(title="岚山县2024年脱贫人口收入监测汇总表", labels=["乡镇"],
                    above=["单位：户、人、万元、元/人"],
                    cols=[N("hh", "脱贫户数"), N("pop", "脱贫人口"), N("inc", "全年纯收入（万元）", dec=1),
                          RT("pc", "人均纯收入（元）", "inc", "pop", scale=10000, dec=0)],
                    data=by_town(rng, f),
                    below=["注：合计行人均纯收入=全县脱贫人口纯收入总额÷脱贫人口总数（加权），非各乡镇简单平均。"])
    return stat_book("统计局/F01_脱贫人口收入监测数据.xlsx", "F01 脱贫人口收入监测数据", 205, S, tricky=True)


@ledger
def t06():
    def S(rng):
        def f(v):
            return {"new": round(rng.uniform(0, 6.5), 1), "wid": round(rng.uniform(0, 4), 1), "main": round(rng.uniform(8, 30), 1),
                    "inv": round(rng.uniform(20, 400), 2)}
        return dict(title="岚山县2024年农村公路建设和养护台账", labels=["乡镇", "村"], subtotal=True, formulas=True,
                    above=[("填报单位：岚山县交通运输局（住建局汇总）", "里程：公里；投资：万元")],
                    cols=[N("new", "新改建", dec=1, g="建设里程（公里）"), N("wid", "路面拓宽", dec=1, g="建设里程（公里）"),
                          H("bt", "小计", ["new", "wid"], dec=1, g="建设里程（公里）"), N("main", "列养里程（公里）", dec=1),
                          N("inv", "完成投资（万元）", dec=2)],
                    data=by_village(rng, f, ["白沙镇", "云岭乡", "枫坪乡"]),
                    below=["注：本表小计、合计为公式计算。"])
    return stat_book("住房和城乡建设局/C03_农村公路建设和养护台账.xlsx", "C03 农村公路建设和养护台账", 206, S, tricky=True)


@ledger
def t07():
    def S(rng):
        def f(t):
            n = rng.randint(900, 4200)
            return {"n": n, "in": n - rng.randint(0, 2), "out": rng.randint(0, 12), "back": 0}
        def S2(rng):
            pass
        d = by_town(rng, f)
        for r in d[0]["rows"]:
            r["vals"]["back"] = r["vals"]["out"] - rng.randint(0, min(1, r["vals"]["out"]))
        return dict(title="岚山县义务教育阶段控辍保学台账（2024年秋季学期）", labels=["乡镇"],
                    above=["填报单位：岚山县教育体育局"], spacer=False,
                    cols=[N("n", "适龄儿童少年（人）", disp="fw"), N("in", "在校（人）", disp="fw"),
                          RT("ir", "入学率", "in", "n", style="pct_str", dec=2), N("out", "疑似失学（人）", disp="fw"),
                          N("back", "劝返复学（人）", disp="fw"), RT("br", "劝返率", "back", "out", style="pct_str", dec=1)],
                    data=d, below=[None, "注：疑似失学为0的乡镇劝返率按0填写。", sign("", rng)])
    return stat_book("教育体育局/A02_控辍保学台账.xlsx", "A02/P02 控辍保学台账", 207, S, tricky=True)


def t07_fix():
    pass


@ledger
def t08():
    def S(rng):
        rows = []
        for lab in ["机关单位食堂采购", "工会福利采购", "“832平台”销售", "东西部协作市场销售", "社会组织及个人购买", "帮扶车间及电商直播"]:
            prev = round(rng.uniform(80, 900), 2)
            rows.append({"label": lab, "vals": {"prev": prev, "cur": round(prev * rng.uniform(0.82, 1.35), 2)}})
        return dict(title="岚山县2024年消费帮扶统计表", labels=["销售渠道"], above=["单位：万元"],
                    cols=[N("prev", "上年数", dec=2), N("cur", "本年数", dec=2),
                          RT("g", "同比增长", "cur", "prev", fn="growth", style="pct_str", dec=1), T("note", "备注")],
                    data=flat(rows), below=["注：同比增长为负表示较上年下降。", None, ("统计人：" + name(rng, False), "负责人：" + name(rng, True))])
    return stat_book("乡村振兴局/A05_消费帮扶统计.xlsx", "A05 消费帮扶统计", 208, S, tricky=True)


@ledger
def t09():
    rng0 = random.Random(209)
    def S(rng):
        def f(t):
            pop = rng.randint(2500, 9000)
            ins = pop - rng.randint(0, 3)
            return {"pop": pop, "ins": ins, "sub": round(ins * rng.uniform(0.022, 0.038), 2), "aid": rng.randint(60, 400),
                    "amt": round(rng.uniform(30, 180), 2)}
        return dict(title="岚山县脱贫人口参保和医疗救助统计表", sheet="分乡镇", labels=["乡镇"],
                    cols=[N("pop", "脱贫人口（人）"), N("ins", "已参保（人）"), RT("r", "参保率（%）", "ins", "pop", dec=2),
                          N("sub", "参保资助资金（万元）", dec=2), N("aid", "医疗救助人次"), N("amt", "救助金额（万元）", dec=2)],
                    data=by_town(rng, f), above=["填报单位：岚山县医疗保障局　　统计期：2024年1—12月"])
    def extra(B, rng):
        src = B.wb["分乡镇"]
        ws = B.sheet("汇总")
        ws["A1"] = "指标"
        ws["B1"] = "全县"
        B.headers["汇总"] = {"A": ("指标", "指标"), "B": ("全县", "全县")}
        tot_row = max(r for r in range(1, src.max_row + 1) if src.cell(row=r, column=2).value == "合计")
        for i, (lab, col) in enumerate([("脱贫人口（人）", 3), ("已参保（人）", 4), ("参保资助资金（万元）", 6), ("医疗救助人次", 7)]):
            ws.cell(row=i + 2, column=1, value=lab)
            ws.cell(row=i + 2, column=2, value=src.cell(row=tot_row, column=col).value)
        explain_sheet(B, ["1.汇总表数据取自分乡镇表合计行。", "2.参保率=已参保人数÷脱贫人口数。", "3.医疗救助含门诊和住院救助。"])
    return stat_book("医疗保障局/A02_脱贫人口参保和医疗救助统计.xlsx", "A02/P03 脱贫人口参保和医疗救助统计", 209, S, tricky=True, extra=extra)


@ledger
def t10():
    def pf(rng):
        out = plist(rng, 16, amount=lambda r: round(r.uniform(0.3, 6.5), 4), y0=1950, y1=1985)
        # make sure several IDs end in X (valid)
        nx = 0
        for p in out:
            while not p["id"].endswith("X") and nx < 4:
                p["id"] = make_id(rng, p["birth"], p["sex"] == "男")
            if p["id"].endswith("X"):
                nx += 1
            p["area"] = round(r_area(rng), 2)
            p["to"] = rng.choice(["岚山县绿源茶业专业合作社", "霞州市禾丰农业发展有限公司", "家庭农场主" + name(rng, True), "青石镇油茶产业联合体"])
            p["term"] = rng.choice(["2024.03—2034.02", "2024.01—2028.12", "2023.10—2033.09"])
        return out
    return simple_roster(
        "农业农村局/E03_土地流转合同和备案台账.xlsx", "E03 土地流转合同和备案台账", 210,
        "岚山县2024年土地经营权流转合同备案台账",
        [("seq", "序号"), ("town", "乡镇"), ("village", "村"), ("name", "流出方（承包户）"), ("id", "身份证号"),
         ("to", "流入方"), ("area", "流转面积（亩）"), ("term", "流转期限"), ("amount", "年流转费（万元）"), ("phone", "联系电话")],
        pf, ["name", "id", "amount"], tricky=True, S_extra={"amount_dec": 4},
        total={"sum": ["amount"], "label": "合计", "label_col": "town"},
        below=["注：身份证号末位为X的按大写录入；流转费保留四位小数（万元）。"])


def r_area(rng):
    return rng.uniform(1.2, 38)


# ---------------------------------------------------------------- ledgers with planted errors
def E(kind, at, col, mode, note, **kw):
    return dict(kind=kind, at=at, col=col, mode=mode, note=note, **kw)


@ledger
def e01():
    return household_book(
        "乡村振兴局/A01_防止返贫监测帮扶台账（一户一策）.xlsx", "A01 一户一策帮扶计划", 301,
        "岚山县防止返贫监测对象一户一策帮扶台账",
        [("seq", "序号"), ("town", "乡镇"), ("village", "村"), ("hh_name", "户主"), ("name", "成员姓名"), ("rel", "与户主关系"),
         ("id", "身份证号"), ("mtype", "监测类型"), ("risk", "致贫风险"), ("hh_phone", "户主联系电话")],
        10, ["name", "id", "hh_name", "hh_phone"], merge=(),
        plan=[dict(kind="bad_id", idx=7, mode="check", note="校验位错误"),
              dict(kind="empty_required", idx=12, key="hh_phone", note="户主联系电话空白（同户其他成员行已填）")],
        extra_fields=mon_fields, above=["（2024年度）"])


@ledger
def e02():
    def S(rng):
        def f(v):
            c, p, x = [round(rng.uniform(a, b), 2) for a, b in [(30, 120), (10, 40), (5, 25)]]
            return {"c": c, "p": p, "x": x, "ind": round((c + p + x) * rng.uniform(0.55, 0.7), 2), "paid": round((c + p + x) * rng.uniform(0.8, 0.98), 2)}
        return dict(title="2024年衔接资金支出进度表（分乡镇）", labels=["乡镇", "村"], subtotal=True,
                    above=["单位：万元"], cols=[N("c", "中央", dec=2, g="资金（万元）"), N("p", "省", dec=2, g="资金（万元）"),
                                              N("x", "市县", dec=2, g="资金（万元）"), H("tot", "合计", ["c", "p", "x"], dec=2, g="资金（万元）"),
                                              N("ind", "用于产业发展（万元）", dec=2), RT("ir", "产业占比", "ind", "tot", style="pct_str"),
                                              N("paid", "已支出（万元）", dec=2), RT("pr", "支出进度", "paid", "tot", style="pct_str")],
                    data=by_village(rng, f, ["城关镇", "青石镇", "白沙镇"]),
                    errors=[E("wrong_total", ["sub", 1], "paid", "swap", "青石镇小计“已支出”两位数字颠倒"),
                            E("wrong_rate", ["leaf", 2, 1], "pr", "den", "支出进度误用“用于产业发展”作分母", den="ind")],
                    below=[sign("", rng)])
    return stat_book("财政局/A04_衔接资金支出进度表（分乡镇）.xlsx", "A04 衔接资金分配和支出进度表", 302, S)


@ledger
def e03():
    def S(rng):
        def f(t):
            task = rng.choice([3000, 5000, 6000, 8000, 0]) or 2000
            return {"task": task, "done": task + rng.randint(0, 300), "acc": task, "inv": round(task * rng.uniform(0.28, 0.33), 1)}
        return dict(title="岚山县2024年度高标准农田建设项目验收情况表", labels=["乡镇"],
                    cols=[N("task", "建设任务（亩）"), N("done", "建成面积（亩）"), N("acc", "验收面积（亩）"),
                          N("inv", "总投资（万元）", dec=1), T("note", "验收结论")],
                    data=flat([{"label": t, "vals": f(t), "note": "合格"} for t in TOWNS]),
                    errors=[E("wrong_total", "total", "done", "forget", "合计漏加一个乡镇")],
                    above=["填报单位：岚山县农业农村局"], below=["注：验收结论以县级验收报告为准。"])
    return stat_book("农业农村局/B01_高标准农田建设项目验收报告（附表）.xlsx", "B01 高标准农田建设项目验收报告", 303, S)


@ledger
def e04():
    def S(rng):
        def f(t):
            lab = rng.randint(3000, 9000)
            wk = int(lab * rng.uniform(0.72, 0.9))
            out = int(wk * rng.uniform(0.3, 0.5))
            return {"lab": lab, "wk": wk, "out": out, "in": wk - out}
        return dict(title="岚山县2024年脱贫劳动力务工就业统计表", labels=["乡镇"], above=["单位：人"],
                    cols=[N("lab", "脱贫劳动力"), N("wk", "务工就业"), RT("wr", "务工占比（%）", "wk", "lab"),
                          N("out", "其中：省外务工"), N("in", "其中：县内及省内")],
                    data=by_town(rng, f),
                    errors=[E("wrong_rate", ["leaf", 0, 4], "wr", "off", "务工占比与人数不符", delta=3.6),
                            E("wrong_total", "total", "out", "slip", "合计“省外务工”小差错", delta=12)],
                    below=[sign("", rng)])
    return stat_book("人力资源和社会保障局/A03_脱贫劳动力务工就业统计表.xlsx", "A03 脱贫劳动力务工就业统计表", 304, S)


@ledger
def e05():
    posts = ["保洁员", "护林员", "水管员", "护路员"]
    return simple_roster(
        "人力资源和社会保障局/P05_公益性岗位台账.xlsx", "P05 公益性岗位台账", 305, "岚山县乡村公益性岗位人员台账（2024年第四季度）",
        [("seq", "序号"), ("town", "乡镇"), ("village", "村"), ("name", "姓名"), ("id", "身份证号"), ("post", "岗位类别"),
         ("amount", "季度补贴（元）"), ("phone", "联系电话"), ("note", "备注")],
        lambda rng: plist(rng, 24, amount=lambda r: 1500.0, y0=1958, y1=1978, post=lambda r, p: r.choice(posts)),
        ["name", "id", "amount", "phone"],
        plan=[dict(kind="duplicate_id", idx=17, of=4, same_person=True, note="同一人在两个村重复聘用登记"),
              dict(kind="empty_required", idx=20, key="amount", note="补贴金额漏填")],
        above=["填报单位：岚山县人力资源和社会保障局"])


@ledger
def e06():
    return simple_roster(
        "民政局/P06_残疾人两项补贴发放台账.xlsx", "P06 残疾人补贴发放台账", 306, "2024年12月困难残疾人生活补贴和重度残疾人护理补贴发放表",
        [("seq", "序号"), ("town", "乡镇"), ("name", "姓名"), ("id", "身份证号"), ("lvl", "残疾等级"),
         ("kind", "补贴类别"), ("amount", "发放金额（元）"), ("phone", "联系电话")],
        lambda rng: plist(rng, 20, amount=lambda r: r.choice([80.0, 90.0, 170.0]), y0=1945, y1=2005,
                          lvl=lambda r, p: r.choice(["一级", "二级", "三级", "四级"]), kind=lambda r, p: r.choice(["生活补贴", "护理补贴", "两项补贴"])),
        ["name", "id", "amount"], total={"sum": ["amount"], "label": "合计", "label_col": "town",
                                          "error": {"col": "amount", "mode": "slip", "delta": -10.0, "note": "合计少计10元"}},
        plan=[dict(kind="bad_id", idx=9, mode="date", note="出生日期不存在")], above=["发放单位：岚山县残疾人联合会"])


@ledger
def e07():
    return simple_roster(
        "教育体育局/P02_学生资助发放明细.xlsx", "P02 学生资助发放明细", 307, "岚山县2024年秋季学期脱贫家庭学生资助发放明细",
        [("seq", "序号"), ("school", "学校"), ("name", "学生姓名"), ("id", "学生身份证号"), ("grade", "年级"),
         ("kind", "资助项目"), ("amount", "资助金额（元）"), ("guard", "监护人"), ("phone", "监护人电话")],
        lambda rng: plist(rng, 26, amount=lambda r: r.choice([625.0, 500.0, 1000.0, 1250.0]), y0=2008, y1=2017,
                          school=lambda r, p: p["town"] + r.choice(["中心小学", "中学"]), grade=lambda r, p: r.choice(["三年级", "五年级", "七年级", "八年级"]),
                          kind=lambda r, p: r.choice(["寄宿生生活补助", "营养改善计划", "教育扶贫资助"]), guard=lambda r, p: name(r, True)),
        ["name", "id", "amount", "phone"],
        total={"sum": ["amount"], "label": "合计", "label_col": "school", "error": {"col": "amount", "mode": "swap", "note": "合计数字颠倒"}},
        plan=[dict(kind="duplicate_id", idx=21, of=3, note="两名学生身份证号相同（录入错误）"),
              dict(kind="bad_id", idx=14, mode="check", note="校验位错误")])


@ledger
def e08():
    def S(rng):
        def f(t):
            task = rng.randint(20, 90)
            return {"task": task, "done": task + rng.randint(0, 6), "acc": task, "amt": round((task) * rng.uniform(1.6, 2.2), 2)}
        return dict(title="岚山县2024年农村危房改造验收汇总表", labels=["乡镇"], total_pos="top", seq=False,
                    cols=[N("task", "年度任务（户）"), N("done", "开工（户）"), N("acc", "竣工验收（户）"),
                          N("amt", "补助资金（万元）", dec=2)],
                    data=by_town(rng, f), errors=[E("wrong_total", "total", "amt", "swap", "合计补助资金两位数字颠倒")],
                    above=["填报单位：岚山县住房和城乡建设局"], below=["注：补助资金含中央、省级和县级配套。"])
    return stat_book("住房和城乡建设局/A02_农村危房改造验收材料.xlsx", "A02 农村危房改造验收材料", 308, S)


@ledger
def e09():
    def S(rng):
        def f(t):
            n = rng.randint(8, 40)
            return {"n": n, "ok": n - rng.randint(0, 4), "pop": rng.randint(1500, 8000)}
        def fix(d):
            v = d[0]["rows"][6]["vals"]
            v["n"], v["ok"] = 37, 34
            return d
        return dict(title="岚山县农村饮水安全问题排查整改台账", labels=["乡镇"],
                    cols=[N("n", "排查问题（个）"), N("ok", "已整改（个）"), RT("r", "整改率（%）", "ok", "n"), N("pop", "受益人口（人）")],
                    data=fix(by_town(rng, f)), errors=[E("wrong_rate", ["leaf", 0, 6], "r", "swap", "整改率数字颠倒")],
                    above=["填报单位：岚山县水利局"], below=[sign("", rng)])
    return stat_book("水利局/A02_农村饮水安全排查整改台账.xlsx", "A02/P04 农村饮水安全排查整改台账", 309, S)


@ledger
def e10():
    def S(rng):
        def f(t):
            prod = round(rng.uniform(2, 40), 2)
            return {"prod": prod, "use": round(prod * rng.uniform(0.70, 0.97), 2), "farms": rng.randint(2, 30)}
        return dict(title="2024年畜禽粪污资源化利用情况台账", labels=["乡镇"], above=["单位：万吨"],
                    cols=[N("farms", "规模养殖场（个）"), N("prod", "粪污产生量", dec=2), N("use", "资源化利用量", dec=2),
                          RT("r", "综合利用率（%）", "use", "prod")],
                    data=by_town(rng, f), errors=[E("wrong_rate", "total", "r", "avg", "合计行利用率取各乡镇简单平均，未按总量计算")])
    return stat_book("生态环境局/C04_畜禽粪污资源化利用台账.xlsx", "C04 畜禽粪污资源化利用台账", 310, S)


@ledger
def e11():
    def S(rng):
        def f(v):
            cap = rng.choice([20, 30, 50, 80, 100])
            return {"cap": cap, "hh": cap * rng.randint(3, 6), "run": rng.randint(280, 366)}
        return dict(title="岚山县农村生活污水治理设施清单和运行记录（2024年）", labels=["乡镇", "行政村"], subtotal=True, formulas=True,
                    cols=[N("cap", "设计处理能力（吨/日）"), N("hh", "覆盖户数（户）"), N("run", "正常运行天数"),
                          RT("avg", "户均处理能力（吨/日·百户）", "cap", "hh", dec=1, formula=True)],
                    data=by_village(rng, f, ["桐木镇", "石门乡", "枫坪乡"]),
                    errors=[E("wrong_total", ["sub", 0], "hh", "forget", "小计公式范围漏掉一个村", which=-1),
                            E("wrong_rate", ["leaf", 2, 1], "avg", "off", "户均能力填错", delta=-4.0)],
                    below=["注：小计、合计为公式。"])
    return stat_book("生态环境局/C02_生活污水治理设施清单和运行记录.xlsx", "C02 生活污水治理设施清单和运行记录", 311, S)


def coop_book():
    rng = random.Random(312)
    B = Book("农业农村局/B02_龙头企业和合作社名录.xlsx", "B02 龙头企业和合作社名录")
    grp = []
    B.idgroups.append(grp)
    sheets = [("农民合作社", ["专业合作社", "种养专业合作社", "股份经济合作社"]), ("家庭农场", ["家庭农场", "生态农场"])]
    allp = []
    for sh, suf in sheets:
        ps = plist(rng, 12, y0=1965, y1=1990)
        for p in ps:
            p["org"] = p["village"].replace("村", "").replace("社区", "") + rng.choice(["绿源", "丰禾", "茶香", "兴农", "山里"]) + rng.choice(suf)
            p["ind"] = rng.choice(["茶叶", "油茶", "水稻", "生猪", "中药材", "蔬菜"])
            p["lvl"] = rng.choice(["县级示范", "市级示范", "省级示范", "—"])
            p["amount"] = round(rng.uniform(3, 200), 1)
        allp.append(ps)
    flatp = allp[0] + allp[1]
    plant_roster(B, rng, flatp, [dict(kind="duplicate_id", idx=12 + 7, of=5, same_person=True, note="同一法人在合作社表和家庭农场表重复登记（跨表）"),
                                 dict(kind="empty_required", idx=9, key="phone", note="联系电话空白")])
    cm = {}
    for (sh, _), ps in zip(sheets, allp):
        ws = B.sheet(sh)
        cm[sh] = roster_sheet(B, ws, rng, dict(title=f"岚山县{sh}名录（2024年）", required=["name", "id", "phone"],
                                              cols=[("seq", "序号"), ("org", "主体名称"), ("town", "乡镇"), ("ind", "主导产业"),
                                                    ("name", "法定代表人（负责人）"), ("id", "身份证号"), ("phone", "联系电话"),
                                                    ("lvl", "示范等级"), ("amount", "年经营收入（万元）")],
                                              amount_dec=1), ps, grp)
    record_roster(B, flatp, cm)
    return B


LEDGERS.append(coop_book)


@ledger
def e13():
    def S(rng):
        def f(t):
            pop = rng.randint(18000, 52000)
            tot = round(pop * rng.uniform(1.85, 2.15), 1)
            return {"pop": pop, "prev": round(tot / rng.uniform(1.05, 1.08), 1), "tot": tot}
        return dict(title="岚山县2024年分乡镇农村居民可支配收入", labels=["乡镇"],
                    cols=[N("pop", "常住人口（人）"), N("prev", "上年收入总额（万元）", dec=1), N("tot", "本年收入总额（万元）", dec=1),
                          RT("g", "同比增长（%）", "tot", "prev", fn="growth"),
                          RT("pc", "人均可支配收入（元）", "tot", "pop", scale=10000, dec=0)],
                    data=by_town(rng, f), errors=[E("wrong_rate", ["leaf", 0, 3], "g", "base", "增长率以本年数为基数计算"),
                                                  E("wrong_rate", ["leaf", 0, 6], "pc", "off", "人均收入沿用上年数", delta=-1150)],
                    above=["单位：人、万元、元、%"])
    return stat_book("统计局/F01_农村居民人均可支配收入（分乡镇）.xlsx", "F01 农村居民人均可支配收入统计数据", 313, S)


@ledger
def e14():
    def pf(rng):
        out = []
        for t in ["青石镇", "柳溪乡", "白沙镇", "桐木镇"]:
            for v in TOWNS[t][:3]:
                p = person(rng, t, v, 1972, 1995)
                p["days"] = rng.randint(15, 22)
                p["log"] = rng.randint(15, 22)
                out.append(p)
        return out
    return simple_roster(
        "组织部/A05_驻村考勤和工作日志.xlsx", "A05 驻村考勤和工作日志", 314, "岚山县驻村工作队2024年12月考勤汇总表",
        [("seq", "序号"), ("town", "乡镇"), ("village", "驻点村"), ("name", "姓名"), ("id", "身份证号"),
         ("days", "在岗天数"), ("log", "工作日志（篇）"), ("phone", "联系电话"), ("note", "备注")],
        pf, ["name", "id", "phone"],
        plan=[dict(kind="empty_required", idx=5, key="name", note="姓名空白"), dict(kind="bad_id", idx=10, mode="date", note="出生日期不存在")],
        above=["填报单位：中共岚山县委组织部"], below=["注：每月在岗不少于15天。"], sheet="12月")


@ledger
def e15():
    B, rng = town_sheets_book(
        "组织部/E04_高素质农民培训花名册.xlsx", "E04 高素质农民培训花名册", 315, "2024年高素质农民培育学员花名册",
        [("seq", "序号"), ("village", "村"), ("name", "姓名"), ("sex", "性别"), ("id", "身份证号"), ("ind", "产业类型"),
         ("phone", "手机号码")],
        lambda r: r.randint(7, 11), ["name", "id", "phone"], ["城关镇", "白沙镇", "云岭乡", "枫坪乡"],
        fields={"ind": lambda r, p: r.choice(["茶叶", "水稻", "蔬菜", "水产", "电商"])},
        plan=[dict(kind="duplicate_id", idx=20, of=2, same_person=True, note="同一学员在两个乡镇分表重复登记（跨表）"),
              dict(kind="bad_id", idx=30, mode="check", note="校验位错误")])
    return B


@ledger
def e16():
    def S(rng):
        kinds = ["光伏电站", "茶叶加工厂", "冷链仓储", "扶贫车间", "产业路"]
        def f(v):
            return {"orig": round(rng.uniform(15, 320), 2), "net": 0, "inc": round(rng.uniform(0, 18), 2)}
        d = by_village(rng, f, ["青石镇", "云岭乡", "石门乡"])
        for g in d:
            for r in g["rows"]:
                r["vals"]["net"] = round(r["vals"]["orig"] * rng.uniform(0.7, 0.95), 2)
                r["label"] = r["label"] + rng.choice(kinds)
        return dict(title="岚山县帮扶项目资产确权登记台账", labels=["乡镇", "资产名称"], subtotal=True, sub_pos="before",
                    above=["单位：万元"], cols=[N("orig", "资产原值", dec=2), N("net", "资产净值", dec=2), N("inc", "2024年收益", dec=2),
                                              T("note", "确权主体")],
                    data=d, errors=[E("wrong_total", "total", "orig", "slip", "合计资产原值小差错", delta=0.1),
                                    E("wrong_total", ["sub", 2], "inc", "forget", "石门乡小计漏计一项资产收益")],
                    below=["注：小计行列于各乡镇资产之前。"])
    return stat_book("乡村振兴局/W01_帮扶项目资产确权登记台账.xlsx", "A04/W01 帮扶项目资产确权登记台账", 316, S)


@ledger
def e17():
    def pf(rng):
        out = households(rng, 9, ["桐木镇", "石门乡"])
        heads = [p for p in out if p["rel"] == "户主"]
        for p in heads:
            p["amount"] = round(rng.uniform(300, 1200), 2)
            p["bank"] = "6230" + "%012d" % rng.randint(0, 10 ** 12 - 1)
            p["share"] = p["size"]
        return heads
    return simple_roster(
        "乡村振兴局/A04_资产收益分配方案和发放凭证.xlsx", "A04 资产收益分配方案和发放凭证", 317, "2024年度光伏电站收益分配发放表",
        [("seq", "序号"), ("town", "乡镇"), ("village", "村"), ("name", "户主姓名"), ("id", "身份证号"), ("share", "家庭人口"),
         ("amount", "分配金额（元）"), ("bank", "一卡通账号"), ("note", "签名")],
        pf, ["name", "id", "amount"],
        total={"sum": ["amount", "share"], "label": "合计", "label_col": "town",
               "error": {"col": "amount", "mode": "forget", "which": 2, "note": "合计漏加一户"}},
        plan=[dict(kind="empty_required", idx=6, key="amount", note="分配金额空白"),
              dict(kind="duplicate_id", idx=8, of=1, note="身份证号与另一户户主相同")],
        below=[("发放单位：岚山县乡村振兴局", "监督人：", "日期：2025年1月10日")])


@ledger
def e18():
    def S(rng):
        def f(t):
            plan = rng.randint(40, 120)
            done = plan + rng.randint(-5, 30)
            return {"plan": plan, "done": done, "vol": rng.randint(200, 1500), "hrs": rng.randint(1500, 9000)}
        return dict(title="岚山县2024年新时代文明实践志愿服务活动台账", labels=["实践所（站）"],
                    cols=[N("plan", "计划活动（场）"), N("done", "开展活动（场）"), RT("r", "完成率", "done", "plan", style="pct_fmt"),
                          N("vol", "参与志愿者（人次）"), N("hrs", "服务时长（小时）")],
                    data=flat([{"label": t + "实践所", "vals": f(t)} for t in TOWNS]),
                    errors=[E("wrong_total", "total", "hrs", "forget", "合计漏加一个实践所"),
                            E("wrong_rate", ["leaf", 0, 2], "r", "off", "完成率填错", delta=7.5)],
                    above=["填报单位：岚山县文明办"], below=[sign("", rng)])
    return stat_book("宣传部/D01_志愿服务活动台账.xlsx", "D01 志愿服务活动台账", 318, S)


@ledger
def e19():
    def S(rng):
        def f(t):
            a = rng.randint(800, 4800)
            return {"a": a, "fix": a - rng.randint(0, 120), "plant": rng.randint(300, 2500)}
        return dict(title="岚山县撂荒地排查整治台账", labels=["乡镇"], above=["单位：亩"],
                    cols=[N("a", "排查撂荒面积", disp="comma"), N("fix", "已整治面积", disp="comma"),
                          RT("r", "整治率", "fix", "a", style="pct_str"), N("plant", "其中：复种粮食", disp="comma")],
                    data=by_town(rng, f), errors=[E("wrong_total", "total", "a", "swap", "合计排查面积数字颠倒")],
                    below=["注：数据截至2024年12月31日。"])
    return stat_book("农业农村局/B01_撂荒地整治台账.xlsx", "B01 撂荒地整治台账", 319, S)


@ledger
def e20():
    def extra_f(rng, people):
        for p in people:
            p["doc"] = rng.choice(["家庭医生团队一", "家庭医生团队二", "家庭医生团队三"])
            p["date"] = "2024-%02d-%02d" % (rng.randint(1, 6), rng.randint(1, 28))
    return household_book(
        "卫生健康委员会/P03_家庭医生签约名单.xlsx", "P03 家庭医生签约名单", 320, "脱贫人口家庭医生签约服务名单（2024年）",
        [("seq", "序号"), ("town", "乡镇"), ("hh_no", "户编号"), ("hh_name", "户主"), ("name", "签约人姓名"), ("rel", "与户主关系"),
         ("id", "身份证号"), ("doc", "签约团队"), ("date", "签约日期"), ("phone", "联系电话")],
        9, ["name", "id", "phone"], merge=("hh_no", "hh_name"), towns=["青石镇", "白沙镇"], extra_fields=extra_f,
        plan=[dict(kind="duplicate_id", idx=19, of=3, same_person=True, note="同一人在两户中重复签约"),
              dict(kind="bad_id", idx=11, mode="date", note="出生日期不存在")], sheet="签约名单")


@ledger
def e21():
    return simple_roster(
        "医疗保障局/P03_医疗救助台账.xlsx", "P03 医疗救助台账", 321, "岚山县2024年脱贫人口医疗救助台账",
        [("seq", "序号"), ("name", "姓名"), ("id", "身份证号"), ("town", "乡镇"), ("hosp", "就诊医院"),
         ("cost", "医疗总费用（元）"), ("amount", "救助金额（元）"), ("phone", "联系电话")],
        lambda rng: plist(rng, 21, amount=lambda r: round(r.uniform(200, 9000), 2), y0=1940, y1=1990,
                          hosp=lambda r, p: r.choice(["岚山县人民医院", "岚山县中医院", "霞州市第一人民医院", p["town"] + "卫生院"]),
                          cost=lambda r, p: round(r.uniform(9000, 60000), 2)),
        ["name", "id", "amount"],
        total={"sum": ["amount"], "label": "合计", "label_col": "name", "pos": "top",
               "error": {"col": "amount", "mode": "slip", "delta": 100.0, "note": "合计（表头下方）多计100元"}},
        plan=[dict(kind="bad_id", idx=16, mode="check", note="校验位错误")], above=["单位：元"])


@ledger
def e22():
    def pf(rng):
        out = households(rng, 8, ["柳溪乡", "云岭乡", "枫坪乡"])
        for p in out:
            p["kind"] = "低保" if p["hh"] % 3 else "特困"
            p["amount"] = 420.0 if p["kind"] == "低保" else 736.0
        heads = [p for p in out if p["rel"] == "户主"]
        return heads + [p for p in out if p["rel"] != "户主"][:6]
    return simple_roster(
        "民政局/P06_低保特困纳入明细.xlsx", "P06 低保特困纳入明细", 322, "岚山县2024年脱贫人口和监测对象纳入低保特困明细",
        [("seq", "序号"), ("town", "乡镇"), ("village", "村"), ("hh_name", "户主"), ("name", "保障对象"), ("id", "身份证号"),
         ("kind", "保障类别"), ("amount", "月保障金（元）"), ("note", "备注")],
        pf, ["hh_name", "name", "id", "amount"],
        plan=[dict(kind="duplicate_id", idx=11, of=2, same_person=True, note="同一保障对象重复列入"),
              dict(kind="empty_required", idx=5, key="hh_name", note="户主姓名空白")], sheet="纳入明细")


@ledger
def e23():
    def S(rng):
        rows = []
        for lab, lo, hi in [("化肥施用量（折纯，吨）", 9000, 12000), ("农药使用量（吨）", 260, 420), ("农膜使用量（吨）", 500, 900)]:
            prev = rng.randint(lo, hi)
            rows.append({"label": lab, "vals": {"prev": prev, "cur": round(prev * rng.uniform(0.93, 0.99))}})
        return dict(title="岚山县化肥农药减量统计", labels=["指标"], seq=False, above=["填报单位：岚山县农业农村局"],
                    no_total=True, cols=[N("prev", "2023年"), N("cur", "2024年"), RT("g", "增长率（%）", "cur", "prev", fn="growth")],
                    data=flat(rows), errors=[E("wrong_rate", ["leaf", 0, 1], "g", "sign", "减量写成正增长（符号错）")],
                    below=["注：增长率为负表示减量。"])
    B = stat_book("农业农村局/C04_化肥农药减量统计.xlsx", "C04 化肥农药减量统计", 323, S)
    return B


@ledger
def e24():
    def S(rng):
        def f(t):
            beds = rng.randint(20, 120)
            return {"n": rng.randint(3, 14), "beds": beds, "used": int(beds * rng.uniform(0.45, 0.9)), "inv": round(rng.uniform(40, 500), 1)}
        return dict(title="岚山县农村养老服务设施清单（汇总）", labels=["乡镇"], county={"vals": f("县本级"), "label": "县社会福利中心"},
                    county_first=False,
                    cols=[N("n", "农村互助养老点（个）"), N("beds", "床位数（张）"), N("used", "在住人数（人）"),
                          RT("r", "床位使用率（%）", "used", "beds"), N("inv", "累计投入（万元）", dec=1)],
                    data=by_town(rng, f), errors=[E("wrong_total", "total", "beds", "slip", "合计床位数小差错", delta=-10),
                                                  E("wrong_rate", ["leaf", 0, 5], "r", "den", "使用率误用互助点数作分母", den="n")],
                    above=["填报单位：岚山县发展和改革委员会（会同民政局）"], below=[sign("", rng)])
    return stat_book("发展和改革委员会/F02_农村养老服务设施清单.xlsx", "F02 农村养老服务设施清单", 324, S)


@ledger
def e25():
    def S(rng):
        rows = []
        for y in ["2022年", "2023年", "2024年"]:
            inc = round(rng.uniform(18000, 32000), 0)
            rows.append({"label": y, "vals": {"inc": inc, "cost": round(inc * rng.uniform(0.35, 0.45)), "agri": round(inc * rng.uniform(0.06, 0.1))}})
        return dict(title="岚山县土地出让收入用于农业农村支出统计表", labels=["年度"], above=["单位：万元"], total_label="三年合计",
                    cols=[N("inc", "土地出让收入"), N("cost", "成本性支出"), N("agri", "用于农业农村支出"),
                          RT("r", "占出让收入比例（%）", "agri", "inc", dec=2)],
                    data=flat(rows), errors=[E("wrong_total", "total", "cost", "slip", "三年合计小差错", delta=100),
                                             E("wrong_rate", ["leaf", 0, 2], "r", "den", "比例误用成本性支出作分母", den="cost")],
                    below=["注：比例=用于农业农村支出÷土地出让收入。"])
    return stat_book("农村工作领导小组办公室/F03_土地出让收入用于农业农村支出统计.xlsx", "F03 土地出让收入用于农业农村支出统计", 325, S)


# ---------------------------------------------------------------- main
def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    truth = {}
    for fn in LEDGERS:
        B = fn()
        p = B.save()
        verify(p, B)
        truth[B.rel] = {"clean": not B.errors, "tricky": B.tricky, "topic": B.topic,
                        "errors": B.errors, **({"formulas_cached": True} if B.cache else {})}
    (HERE / "ledgers.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    from collections import Counter
    k = Counter(e["kind"] for v in truth.values() for e in v["errors"])
    print(len(truth), "ledgers;", sum(1 for v in truth.values() if v["clean"]), "clean;",
          sum(1 for v in truth.values() if v["clean"] and v["tricky"]), "clean tricky;", sum(k.values()), "errors", dict(k))


if __name__ == "__main__":
    main()
