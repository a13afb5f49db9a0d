#!/usr/bin/env python3
"""Checks for the baishui corpus (run from anywhere after make_corpus.py)."""
import json, os, re, sys, tomllib
import docx, openpyxl, pypdf

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
L = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))
QS = json.load(open(os.path.join(HERE, "queries.json"), encoding="utf-8"))
T = json.load(open("/tmp/baishui_texts.json", encoding="utf-8"))
ev = {}
for fn in ("framework-shiji-kaohe.toml", "framework-hou-pinggu.toml"):
    d = tomllib.load(open("/work/shared/reference/" + fn, "rb"))
    for c in d["category"]:
        for i in c.get("indicator", []) + c.get("item", []):
            ev[i["code"]] = i["evidence"]
    for a in d.get("adjustment", []):
        ev[a["code"]] = a["evidence"]

def text_of(p):
    fp = os.path.join(FILES, p)
    ext = p.rsplit(".", 1)[-1].lower()
    if ext == "docx":
        d = docx.Document(fp)
        return "\n".join([x.text for x in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells])
    if ext == "xlsx":
        wb = openpyxl.load_workbook(fp)
        return "\n".join(" ".join(str(v) for v in row if v is not None) for ws in wb.worksheets for row in ws.iter_rows(values_only=True))
    if ext == "pdf":
        t = "".join(pg.extract_text() or "" for pg in pypdf.PdfReader(fp).pages)
        return t if t.strip() else T["text"][p]   # image-only: ground-truth rendered text
    if ext == "txt":
        b = open(fp, "rb").read()
        try:
            return b.decode("utf-8")
        except UnicodeDecodeError:
            return b.decode("gb18030")
    return T["text"][p]   # .doc, .jpg: ground truth

def norm(s):
    return re.sub(r"\s+", "", s)

errs = []
disk = set()
for root, _, fs in os.walk(FILES):
    for f in fs:
        disk.add(os.path.relpath(os.path.join(root, f), FILES).replace(os.sep, "/"))
if disk != set(L):
    errs.append(("label/disk mismatch", sorted(disk ^ set(L))))
for p, v in L.items():
    for c in v["covers"]:
        if not (1 <= c["item"] <= len(ev[c["code"]])) or ev[c["code"]][c["item"] - 1] != c["text"]:
            errs.append(("bad cover", p, c))
    if v["date"] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v["date"]):
        errs.append(("bad date", p))
TX = {p: norm(text_of(p)) for p in L}
IMG = set(T["image_only"])
for p in IMG:
    if p.endswith(".pdf") and "".join(pg.extract_text() or "" for pg in pypdf.PdfReader(os.path.join(FILES, p)).pages).strip():
        errs.append(("scan has text layer", p))
kinds = {}
for q in QS:
    kinds[q["kind"]] = kinds.get(q["kind"], 0) + 1
    terms = q["q"].split()
    for p in q["relevant"]:
        if p not in L:
            errs.append(("missing rel", q["q"], p))
    if q["kind"] == "synonym":
        for p in q["relevant"]:
            for t in terms:
                if t in TX[p]:
                    errs.append(("synonym term present", q["q"], t, p))
    if q["kind"] == "scan_only":
        for p in q["relevant"]:
            if p not in IMG:
                errs.append(("scan_only rel not image", q["q"], p))
        for p, tx in TX.items():
            if p not in IMG and all(t in tx for t in terms):
                errs.append(("scan_only terms in text file", q["q"], p))
    if q["kind"] in ("literal", "scan_only"):
        for p in q["relevant"]:
            miss = [t for t in terms if t not in TX[p]]
            if miss:
                errs.append(("literal term missing", q["q"], miss, p))
    others = [p for p, tx in TX.items() if p not in q["relevant"] and all(t in tx for t in terms)]
    if others:
        print("INFO other files with all terms:", q["kind"], q["q"], others)
print("query kinds", kinds, "total", len(QS))
for e in errs:
    print("ERR", e)
print("errors:", len(errs))
import hashlib
print("text-content sha256:", hashlib.sha256(json.dumps(TX, ensure_ascii=False, sort_keys=True).encode()).hexdigest())
