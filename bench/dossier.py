"""Dossier build time and memory: a 500-document binder, cold and warm conversion cache.

    .venv/bin/python bench/dossier.py [--docs 500] [--workdir DIR]

Generates a mix of evidence (≈40 % .docx of 1–3 pages, 20 % .xlsx ledgers, 25 % JPEG photos,
15 % PDFs of 1–4 pages) over the indicators of the 实绩考核 framework, registers it in a fresh
workspace's catalogue as filed evidence (directly: this bench measures the dossier, not intake —
`bench/ingest.py` measures that), then builds the dossier twice, each in its own process:

- cold: empty conversion cache — every Word/Excel file goes through headless LibreOffice (batches of
  render.BATCH_SIZE) and every photo is drawn onto an A4 page;
- warm: the same archive again — every PDF comes from the cache; only the front matter is redrawn
  when the catalogue changed (page counts were written back by the cold run).

Prints seconds, pages, files converted/cached, and peak memory of the Python process and of the
largest child (soffice) per phase.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

UNITS = ["县乡村振兴局", "县农业农村局", "县人社局", "县财政局", "县住建局", "县委组织部", "河口镇人民政府",
         "石门乡人民政府"]
SENTENCES = [
    "按照县委县政府统一部署，扎实推进巩固拓展脱贫攻坚成果同乡村振兴有效衔接各项工作。",
    "全面落实防止返贫动态监测和帮扶机制，对监测对象做到应纳尽纳、应帮尽帮。",
    "持续开展农村人居环境整治提升行动，推进农村户厕改造和生活垃圾污水治理。",
    "加强衔接资金项目管理，资金支出进度和产业发展比例均达到要求。",
    "强化驻村帮扶和社会帮扶，驻村第一书记和工作队员在岗履职情况良好。",
]


def _docx(path: Path, title: str, unit: str, date: dt.date, rng: random.Random) -> None:
    from docx import Document

    doc = Document()
    doc.add_heading(title, level=1)
    for _ in range(rng.choice([4, 12, 30])):  # 1 to 3 pages
        doc.add_paragraph("".join(rng.sample(SENTENCES, 3)))
    doc.add_paragraph(unit)
    doc.add_paragraph(f"{date.year}年{date.month}月{date.day}日")
    doc.save(str(path))


def _xlsx(path: Path, title: str, rng: random.Random) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    sheet = wb.active
    sheet.append([title])
    sheet.append(["序号", "乡镇", "村", "户数", "人数", "完成情况"])
    for i in range(rng.randint(10, 60)):
        sheet.append([i + 1, rng.choice(["河口镇", "石门乡", "柳溪镇"]), f"第{i % 9 + 1}村", rng.randint(10, 300),
                      rng.randint(30, 900), "已完成"])
    wb.save(str(path))


def _jpg(path: Path, rng: random.Random) -> None:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (2400, 1800), (rng.randint(60, 200), rng.randint(60, 200), rng.randint(60, 200)))
    draw = ImageDraw.Draw(img)
    for _ in range(40):  # some structure so that JPEG sizes are photo-like, not flat
        x, y = rng.randint(0, 2300), rng.randint(0, 1700)
        draw.rectangle([x, y, x + rng.randint(20, 400), y + rng.randint(20, 300)],
                       fill=(rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)))
    img.save(path, "JPEG", quality=85)


def _pdf(path: Path, rng: random.Random) -> None:
    from PIL import Image, ImageDraw

    pages = []
    for n in range(rng.randint(1, 4)):
        page = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(page)
        for line in range(30):
            draw.line([(150, 200 + line * 45), (1090 - rng.randint(0, 400), 200 + line * 45)], fill=0, width=3)
        draw.text((150, 100), f"page {n + 1}", fill=0)
        pages.append(page)
    pages[0].save(path, "PDF", resolution=150.0, save_all=True, append_images=pages[1:])


def build_workspace(root: Path, count: int, seed: int = 11) -> Path:
    """A workspace whose catalogue holds ``count`` filed records with real files in the archive."""
    from archivist.catalogue import Catalogue, new_id, now
    from archivist.workspace import init_workspace

    rng = random.Random(seed)
    ws = init_workspace(root / "ws", county="青山县", inspection_date="2025-01-20", year=2024)
    indicators = [i for i in ws.frameworks.framework("shiji-kaohe").indicators() if i.kind == "base"]
    catalogue = Catalogue(ws.catalogue_path)
    kinds = ["docx"] * 8 + ["xlsx"] * 4 + ["image"] * 5 + ["pdf"] * 3
    with catalogue.transaction():
        for i in range(count):
            ind = indicators[i % len(indicators)]
            kind = kinds[i % len(kinds)]
            date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 360))
            unit = rng.choice(UNITS)
            title = f"{ind.name}工作材料第{i + 1}号"
            folder = ws.archive / f"{ind.category_code}-{ind.category_name}" / f"{ind.code}-{ind.name}"
            folder.mkdir(parents=True, exist_ok=True)
            suffix = {"docx": ".docx", "xlsx": ".xlsx", "image": ".jpg", "pdf": ".pdf"}[kind]
            path = folder / f"{date:%Y%m%d}-{unit}-{title}{suffix}"
            if kind == "docx":
                _docx(path, title, unit, date, rng)
            elif kind == "xlsx":
                _xlsx(path, title, rng)
            elif kind == "image":
                _jpg(path, rng)
            else:
                _pdf(path, rng)
            data = path.read_bytes()
            catalogue.insert({
                "id": new_id(), "status": "filed", "indicator": ind.code, "confidence": 1.0,
                "archive_path": ws.relative(path), "original_name": path.name,
                "sha256": hashlib.sha256(data).hexdigest(),
                "size": len(data), "file_type": kind, "title": title, "unit": unit, "doc_date": date.isoformat(),
                "kind": "照片" if kind == "image" else "", "links": [], "meta": {}, "received_at": now(),
            })
    catalogue.close()
    return ws.root


def phase(workspace: Path, out: Path) -> dict:
    """One dossier build in this process; returns timings and peaks (run in a child process)."""
    from archivist.catalogue import Catalogue
    from archivist.generate.dossier import build_dossier
    from archivist.workspace import Workspace

    ws = Workspace(workspace)
    catalogue = Catalogue(ws.catalogue_path)
    start = time.perf_counter()
    result = build_dossier(ws, catalogue, out, today=dt.date(2025, 1, 8))
    seconds = time.perf_counter() - start
    catalogue.close()
    return {
        "seconds": round(seconds, 2),
        "pages": result.pages,
        "documents": result.documents,
        "converted": result.converted,
        "cached": result.cached,
        "skipped": len(result.skipped),
        "pages_updated": result.pages_updated,
        "peak_mb_python": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_mb_child": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "size_mb": round(out.stat().st_size / 1e6, 1),
    }


def run_phase(workspace: Path, out: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--phase", str(workspace), str(out)], capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"phase failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=500, help="number of evidence documents (default 500)")
    parser.add_argument("--workdir", type=Path, help="keep the generated workspace here (default: a temp dir)")
    parser.add_argument("--phase", nargs=2, metavar=("WORKSPACE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(Path(args.phase[0]), Path(args.phase[1]))))
        return
    print("$ " + shlex.join([Path(sys.executable).name, "bench/dossier.py", *sys.argv[1:]]))
    from archivist.generate import render

    if render.soffice_path() is None:
        print("LibreOffice not installed: the cold run skips Word/Excel files "
              "(apt-get install libreoffice-writer-nogui libreoffice-calc-nogui)")
    tmp = None
    if args.workdir:
        root = args.workdir
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="archivist-bench-dossier-")
        root = Path(tmp.name)
    try:
        start = time.perf_counter()
        workspace = build_workspace(root, args.docs)
        print(f"generated {args.docs} documents in {time.perf_counter() - start:.1f} s ({workspace})")
        cold = run_phase(workspace, root / "cold.pdf")
        warm = run_phase(workspace, root / "warm.pdf")
        print(f"{'':6} {'seconds':>8} {'pages':>6} {'docs':>5} {'LO conv':>8} {'cached':>7} {'py MB':>7} "
              f"{'child MB':>9} {'PDF MB':>7}")
        for name, r in (("cold", cold), ("warm", warm)):
            print(f"{name:6} {r['seconds']:>8} {r['pages']:>6} {r['documents']:>5} {r['converted']:>8} "
                  f"{r['cached']:>7} {r['peak_mb_python']:>7} {r['peak_mb_child']:>9} {r['size_mb']:>7}")
        print(json.dumps({"docs": args.docs, "cold": cold, "warm": warm}, ensure_ascii=False))
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()
