"""Regenerate the sample pages under docs/: one PNG per document kind, from the demo evidence.

    .venv/bin/python docs/make_samples.py [--keep DIR]

Ingests the sample evidence (archivist.samples) into a fresh workspace, writes every report kind
(`archivist report --help` lists them) and the dossier, renders each .docx with LibreOffice and
rasterises its first page with pdftoppm at 60 dpi (docs/<kind>.png). The dossier gives three
pages: its 卷内目录, a spreadsheet as printed (fitted, header repeated, stamped 页号) and the
卷内备考表. Needs soffice and poppler-utils.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATE = "2025-01-08"


def run(ws: Path, *args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "archivist", "-w", str(ws), *args], capture_output=True,
                          text=True, check=True)
    return proc.stdout


def first_page_png(pdf: Path, name: str, page: int = 1) -> Path:
    prefix = Path(tempfile.mkdtemp()) / "p"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(prefix)], check=True)
    target = DOCS / f"{name}.png"
    shutil.move(f"{prefix}.png", target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="build the workspace here and keep it")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from pypdf import PdfReader

    from archivist.generate.reports import KINDS
    from archivist.samples import make_sample_evidence

    base = args.keep or Path(tempfile.mkdtemp(prefix="archivist-docs-"))
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    os.environ["ARCHIVIST_KEY_DIR"] = str(base / "keys")
    ws = base / "ws"
    subprocess.run([sys.executable, "-m", "archivist", "init", str(ws), "--county", "青山县", "--inspection-date",
                    "2025-01-20", "--year", "2024"], check=True, capture_output=True)
    run(ws, "ingest", str(make_sample_evidence(base / "来件")))
    ids = [r["id"] for r in json.loads(run(ws, "list", "--json")) if r["status"] == "filed" and r["indicator"] == "A01"]
    run(ws, "score", "set", "A01", "6", "--note", "建立防止返贫动态监测和帮扶机制", "--evidence", *ids)
    run(ws, "problems", "add", "--desc", "河口镇杏花村2户问题厕所未整改到位", "--unit", "河口镇", "--source",
        "县委督查室暗访", "--deadline", "2024-12-31", "--indicator", "C01", "--found", "2024-11-20")
    out = base / "out"
    made = []
    for kind in KINDS:
        run(ws, "report", kind, "--out", str(out / f"{kind}.docx"), "--date", DATE, "--pdf")
        made.append(first_page_png(out / f"{kind}.pdf", kind))
    dossier = out / "dossier.pdf"
    run(ws, "dossier", "--out", str(dossier), "--date", DATE)
    reader = PdfReader(str(dossier))
    labels = reader.page_labels
    made.append(first_page_png(dossier, "dossier", labels.index("目录-1") + 1))
    titles = {}

    def walk(items: list, depth: int = 0) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            elif depth == 2:
                titles[item.title] = reader.get_destination_page_number(item)

    walk(reader.outline)
    ledger = next((p for t, p in titles.items() if "台账" in t), None)
    if ledger is not None:
        made.append(first_page_png(dossier, "dossier-ledger", ledger + 1))
    made.append(first_page_png(dossier, "dossier-beikao", len(reader.pages)))
    for path in made:
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
