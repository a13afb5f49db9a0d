# -*- coding: utf-8 -*-
"""Sanity checks of the generated set (opens every file, scans for stray PII, near-duplicates, photo hashes)."""
import json, re, sys, zipfile, itertools, subprocess
from pathlib import Path
import numpy as np
from PIL import Image
import docx, openpyxl

HERE = Path(__file__).resolve().parent
G = json.loads((HERE / "groups.json").read_text(encoding="utf-8"))
member = {}
for p in G["planted"]:
    for f in p["files"]:
        member.setdefault(f, []).append("P:" + p["kind"])
for c in G["controls"]:
    for f in c["files"]:
        member.setdefault(f, []).append("C:" + c["resembles"])
files = sorted(str(p.relative_to(HERE)) for p in (HERE / "files").rglob("*") if p.is_file())
texts, props, hashes = {}, {}, {}
def dhash(im):
    a = np.asarray(im.convert("L").resize((9, 8), Image.LANCZOS), dtype=np.int16)
    return (a[:, 1:] > a[:, :-1]).flatten()
for f in files:
    p = HERE / f
    if f.endswith(".docx"):
        d = docx.Document(p)
        t = "\n".join(x.text for x in d.paragraphs) + "\n".join(c.text for tb in d.tables for row in tb.rows for c in row.cells)
        texts[f] = t
        props[f] = (d.core_properties.created, d.core_properties.modified)
    elif f.endswith(".xlsx"):
        wb = openpyxl.load_workbook(p)
        texts[f] = "\n".join(" ".join(str(v) for v in row if v is not None) for ws in wb for row in ws.iter_rows(values_only=True))
        props[f] = (wb.properties.created, wb.properties.modified)
    elif f.endswith(".txt"):
        texts[f] = p.read_text(encoding="utf-8")
    elif f.endswith(".jpg"):
        im = Image.open(p); im.load(); hashes[f] = dhash(im)
    elif f.endswith(".pdf"):
        out = subprocess.run(["pdfinfo", str(p)], capture_output=True, text=True)
        assert out.returncode == 0, f
        txt = subprocess.run(["pdftotext", str(p), "-"], capture_output=True, text=True).stdout
        assert not txt.strip(), ("pdf has text layer", f)
print("opened", len(files))
idre = re.compile(r"(?<!\d)\d{17}[\dX](?!\d)")
mobre = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
for f, t in texts.items():
    if idre.search(t) or mobre.search(t):
        tag = member.get(f, [])
        if "P:pii" not in tag:
            print("STRAY PII", f, tag)
import datetime as dt
cut = dt.datetime(2024, 12, 31, 23, 59, 59)
for f, (c, m) in props.items():
    c = c.replace(tzinfo=None) if c else c
    m = m.replace(tzinfo=None) if m else m
    late = (c and c > dt.datetime(2024, 12, 31, 16, 0)) or (m and m > dt.datetime(2024, 12, 31, 16, 0))
    if late and "P:backdated_file" not in member.get(f, []):
        print("LATE PROPS", f, c, m)
def grams(t, n=6):
    t = re.sub(r"[\s\d，。、；：“”（）,.%]+", "", t)
    return {t[i:i + n] for i in range(len(t) - n + 1)}
gs = {f: grams(t) for f, t in texts.items() if len(t) > 200}
hi = []
for a, b in itertools.combinations(sorted(gs), 2):
    ga, gb = gs[a], gs[b]
    j = len(ga & gb) / max(1, min(len(ga), len(gb)))
    if j > 0.3:
        hi.append((round(j, 2), a, b, member.get(a), member.get(b)))
for x in sorted(hi, reverse=True):
    print("SIM", *x)
hs = sorted(hashes)
close = []
for a, b in itertools.combinations(hs, 2):
    d = int((hashes[a] != hashes[b]).sum())
    if d <= 12:
        close.append((d, a, b, member.get(a), member.get(b)))
for x in sorted(close):
    print("PHASH", *x)
