"""Every generated document at scale: `archivist report KIND` for each kind at 2,000 and 20,000 documents.

    .venv/bin/python bench/documents.py [--docs 2000 20000] [--kinds self-eval catalogue …] [--workdir DIR]

For each size a fresh workspace is filled directly through the catalogue (this bench measures the
documents, not intake — `bench/ingest.py` measures that): records from `bench/gen_text.py` (realistic
titles, units, 文号, dates and ~1,500 characters of text under the two frameworks' indicators), with a
real file behind every record — 70 % .docx (their docProps/app.xml carries a page count, as Word and
WPS write it), 12 % PDF of 1–4 pages, 10 % photos, 8 % .xlsx ledgers. Scores and a few problems are
set so that every report has something to say.

Each `archivist report KIND` then runs in its own child process; its wall seconds and peak RSS
(ru_maxrss of that child, from os.wait4) are printed, with its CPU seconds (user + system: on a
machine shared with other work the wall time varies, the CPU time much less), and every size is
compared with the first (the baseline measured in the same run). Targets (issue 13): ≤ 60 s and
≤ 500 MB at 20,000. The first kind of a size (self-eval by default) is the first to read the files'
facts, so it pays for storing them (index/cache/facts.sqlite3); the kinds after it read the store.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATE = "2025-01-08"
TARGET_SECONDS, TARGET_MB = 60.0, 500.0

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'extended-properties" Target="docProps/app.xml"/></Relationships>'
)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_docx(path: Path, text: str, pages: int) -> None:
    """A minimal valid .docx (zipfile, no python-docx: 14,000 of them must take seconds, not minutes)."""
    body = "".join(f"<w:p><w:r><w:t>{_xml(line)}</w:t></w:r></w:p>" for line in text.splitlines())
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f"<w:body>{body}</w:body></w:document>")
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           f"<Application>WPS Office_12.1.0</Application><Pages>{pages}</Pages></Properties>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", document)
        zf.writestr("docProps/app.xml", app)


def build_workspace(root: Path, count: int, seed: int = 2024) -> Path:
    """A workspace with ``count`` filed records, each with a real file in the archive."""
    from gen_text import generate

    from archivist.catalogue import Catalogue, new_id, now
    from archivist.generate.pdfpages import Page, pdf_bytes
    from archivist.workspace import init_workspace

    rng = random.Random(seed)
    ws = init_workspace(root / "ws", county="青山县", inspection_date="2025-01-20", year=2024)
    known = {i.code for i in ws.frameworks.indicators()}
    templates = root / "templates"
    templates.mkdir(exist_ok=True)
    photo = templates / "photo.jpg"
    from PIL import Image

    Image.new("RGB", (640, 480), (120, 160, 90)).save(photo, "JPEG", quality=80)
    ledger = templates / "ledger.xlsx"
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["序号", "乡镇", "村", "户数"])
    for i in range(30):
        wb.active.append([i + 1, "河口镇", f"第{i % 9 + 1}村", 10 + i])
    wb.save(ledger)
    catalogue = Catalogue(ws.catalogue_path)
    batch = 0
    catalogue.db.execute("BEGIN")
    for i, record in enumerate(generate(count, seed=seed)):
        if record["indicator"] not in known:
            continue
        roll = rng.random()
        kind = "docx" if roll < 0.70 else "pdf" if roll < 0.82 else "image" if roll < 0.92 else "xlsx"
        suffix = {"docx": ".docx", "pdf": ".pdf", "image": ".jpg", "xlsx": ".xlsx"}[kind]
        folder = ws.archive / record["indicator"]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{i:06d}{suffix}"
        if kind == "docx":
            write_docx(path, record["text"], rng.choice([1, 1, 2, 3, 5]))
        elif kind == "pdf":
            pages = []
            for n in range(rng.randint(1, 4)):
                page = Page()
                page.lines(72, 770, [record["title"], f"第{n + 1}页", *record["text"].splitlines()[1:20]], 11, 18)
                pages.append(page)
            path.write_bytes(pdf_bytes(pages, title=record["title"]))
        else:
            os.link(photo if kind == "image" else ledger, path)
        data = path.read_bytes()
        record.update({
            "id": new_id(), "file_type": kind, "archive_path": ws.relative(path), "sha256": hashlib.sha256(
                data + (str(i).encode() if kind in ("image", "xlsx") else b"")).hexdigest(),
            "size": len(data), "original_name": path.name, "received_at": now(), "confidence": 1.0,
            "links": [], "kind": "照片" if kind == "image" else record["kind"],
        })
        catalogue.insert(record)
        batch += 1
        if batch % 2000 == 0:
            catalogue.db.execute("COMMIT")
            catalogue.db.execute("BEGIN")
    catalogue.db.execute("COMMIT")
    catalogue.close()
    return ws.root


def prepare(workspace: Path) -> None:
    """Scores and problems through the CLI, as an office would set them."""
    cli = [sys.executable, "-m", "archivist", "-w", str(workspace)]
    for code, score in (("A01", "6"), ("B01", "5"), ("C01", "4")):
        subprocess.run([*cli, "score", "set", code, score, "--note", "按评分细则自评"], check=True,
                       capture_output=True)
    for desc, unit, code in (("河口镇2户问题厕所未整改到位", "河口镇", "C01"),
                             ("公益性岗位考勤台账签字不全", "县人社局", "A03")):
        subprocess.run([*cli, "problems", "add", "--desc", desc, "--unit", unit, "--deadline", "2024-12-31",
                        "--indicator", code, "--found", "2024-11-20"], check=True, capture_output=True)


def run_child(args: list[str]) -> dict:
    """Run one command; its wall seconds and peak RSS (MB) from os.wait4 (this child only)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    out, err = proc.stdout.read(), proc.stderr.read()  # type: ignore[union-attr]
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"seconds": round(seconds, 2), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
            "peak_mb": round(usage.ru_maxrss / 1024, 1), "rc": proc.returncode,
            "tail": (err or out).decode("utf-8", "replace").strip().splitlines()[-1:] if proc.returncode else []}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="+", default=[2000, 20000], help="sizes (first = baseline)")
    parser.add_argument("--kinds", nargs="+", help="report kinds (default: every kind `report --help` lists)")
    parser.add_argument("--workdir", type=Path, help="keep the generated workspaces here (default: a temp dir)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    print("$ " + shlex.join([Path(sys.executable).name, "bench/documents.py", *sys.argv[1:]]))
    from archivist.generate.reports import KINDS

    kinds = args.kinds or list(KINDS)
    # its own key folder: a workspace made again at the same path must not look like a lost catalogue
    os.environ["ARCHIVIST_KEY_DIR"] = tempfile.mkdtemp(prefix="archivist-bench-keys-")
    tmp = None
    if args.workdir:
        base = args.workdir
        base.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="archivist-bench-documents-")
        base = Path(tmp.name)
    results: dict[int, dict[str, dict]] = {}
    try:
        for size in args.docs:
            root = base / f"n{size}"
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir(parents=True)
            start = time.perf_counter()
            workspace = build_workspace(root, size)
            prepare(workspace)
            print(f"{size} documents generated in {time.perf_counter() - start:.1f} s ({workspace})", flush=True)
            results[size] = {}
            for kind in kinds:
                out = root / "out" / f"{kind}.docx"
                r = run_child([sys.executable, "-m", "archivist", "-w", str(workspace), "report", kind, "--out",
                               str(out), "--date", DATE])
                results[size][kind] = r
                flag = "" if r["rc"] == 0 else f"  FAILED rc={r['rc']}: {' '.join(r['tail'])}"
                print(f"  {size:>6} {kind:<12} {r['seconds']:>8.2f} s {r['peak_mb']:>8.1f} MB"
                      f" {r['cpu_seconds']:>8.2f} s CPU{flag}", flush=True)
        first = args.docs[0]
        print(f"\n{'kind':<12} " + " ".join(f"{f'{n} s':>10} {f'{n} MB':>10}" for n in args.docs)
              + (f" {'× time':>8} {'× MB':>6}" if len(args.docs) > 1 else "") + "  target")
        for kind in kinds:
            cells = " ".join(f"{results[n][kind]['seconds']:>10.2f} {results[n][kind]['peak_mb']:>10.1f}"
                             for n in args.docs)
            last = results[args.docs[-1]][kind]
            ratio = ""
            if len(args.docs) > 1:
                base_r = results[first][kind]
                ratio = (f" {last['seconds'] / max(base_r['seconds'], 0.01):>8.1f}"
                         f" {last['peak_mb'] / max(base_r['peak_mb'], 0.1):>6.1f}")
            ok = last["rc"] == 0 and last["seconds"] <= TARGET_SECONDS and last["peak_mb"] <= TARGET_MB
            verdict = "ok" if ok else "MISSED"
            print(f"{kind:<12} {cells}{ratio}  {verdict} (≤ {TARGET_SECONDS:.0f} s, ≤ {TARGET_MB:.0f} MB"
                  f" at {args.docs[-1]})")
        print(json.dumps({str(n): results[n] for n in args.docs}, ensure_ascii=False))
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()
