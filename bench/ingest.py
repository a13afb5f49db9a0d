"""Ingest throughput: the whole pipeline vs bare extraction of the same files, measured in one run.

    .venv/bin/python bench/ingest.py [--docs 1000] [--ocr-pages 4]

Prints documents/s for bare extraction (identify + extract, in-process) and for `archivist ingest`
(hash, identify, bounded extraction in a worker, metadata, classification, durable copy, catalogue
commit, audit, search index), their ratio, the peak memory of each phase (own process + workers), and
OCR pages/s on generated scanned pages. Each phase runs in its own process so the peaks are separate.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_corpus(folder: Path, count: int) -> list[Path]:
    """Half plain text (UTF-8 / GB18030), half .docx, ~1,000 Chinese characters each."""
    from docx import Document

    from archivist.samples import make_text_corpus

    paths = make_text_corpus(folder, count)
    for i, path in enumerate(paths):
        if i % 2:
            doc = Document()
            for line in path.read_text(encoding="utf-8").splitlines():
                doc.add_paragraph(line)
            new = path.with_suffix(".docx")
            doc.save(new)
            path.unlink()
            paths[i] = new
        elif i % 4 == 0:
            path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    return paths


def phase_bare(folder: Path) -> dict:
    from archivist.intake.extract import extract
    from archivist.intake.identify import identify

    files = sorted(p for p in folder.iterdir() if p.is_file())
    start = time.perf_counter()
    chars = 0
    for path in files:
        chars += len(extract(path, identify(path)).text)
    return {"files": len(files), "seconds": time.perf_counter() - start, "chars": chars}


def phase_pipeline(folder: Path, workspace: Path) -> dict:
    from archivist.catalogue import Catalogue
    from archivist.cli import sync_search
    from archivist.intake.pipeline import Pipeline, discover
    from archivist.workspace import init_workspace

    ws = init_workspace(workspace, county="青山县", year=2024)
    catalogue = Catalogue(ws.catalogue_path)
    start = time.perf_counter()
    records = Pipeline(ws, catalogue).run(discover([folder]))
    filed_at = time.perf_counter()
    sync_search(ws, catalogue)
    seconds = time.perf_counter() - start
    index_seconds = time.perf_counter() - filed_at
    states: dict[str, int] = {}
    for r in records:
        states[r["status"]] = states.get(r["status"], 0) + 1
    return {"files": len(records), "seconds": seconds, "index_seconds": index_seconds, "states": states}


def phase_ocr(folder: Path, pages: int) -> dict:
    from archivist.intake.extract import extract
    from archivist.samples import _save_scan

    lines = ["白沙镇农村生活垃圾收运处置情况", "全镇生活垃圾收运处置体系覆盖全部行政村",
             "垃圾中转站规范运行，第三方保洁合同已签订。", "白沙镇人民政府", "2024年8月20日"]
    files = []
    for i in range(pages):
        path = folder / f"scan_{i:03d}.pdf"
        _save_scan(path, lines)
        files.append(path)
    start = time.perf_counter()
    found = sum("垃圾" in extract(p, "pdf").text for p in files)
    return {"pages": pages, "seconds": time.perf_counter() - start, "pages_with_text": found}


def run_phase(name: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--phase", name, *args], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--ocr-pages", type=int, default=4)
    parser.add_argument("--phase")
    parser.add_argument("args", nargs="*")
    opts = parser.parse_args()
    if opts.phase:
        fn = {"bare": phase_bare, "pipeline": phase_pipeline, "ocr": phase_ocr}[opts.phase]
        args = [Path(a) for a in opts.args[:2]] if opts.phase != "ocr" else [Path(opts.args[0]), int(opts.args[1])]
        result = fn(*args)
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        result["peak_mb"] = round((own + kids) / 1024, 1)
        print(json.dumps(result, ensure_ascii=False))
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        corpus = tmpdir / "corpus"
        make_corpus(corpus, opts.docs)
        bare = run_phase("bare", str(corpus))
        pipe = run_phase("pipeline", str(corpus), str(tmpdir / "ws"))
        ocr = run_phase("ocr", str(tmpdir / "ocr"), str(opts.ocr_pages)) if opts.ocr_pages else None
    bare_rate = bare["files"] / bare["seconds"]
    pipe_rate = pipe["files"] / pipe["seconds"]
    print(f"command: .venv/bin/python bench/ingest.py --docs {opts.docs} --ocr-pages {opts.ocr_pages}")
    print(f"{'phase':<22}{'files':>7}{'seconds':>10}{'docs/s':>10}{'peak MB':>10}")
    print(f"{'bare extraction':<22}{bare['files']:>7}{bare['seconds']:>10.2f}{bare_rate:>10.1f}{bare['peak_mb']:>10}")
    print(f"{'archivist ingest':<22}{pipe['files']:>7}{pipe['seconds']:>10.2f}{pipe_rate:>10.1f}{pipe['peak_mb']:>10}")
    filing = pipe["seconds"] - pipe["index_seconds"]
    print(f"  of which filing (hash, extract, classify, copy, commit): {filing:.2f}s; search index: "
          f"{pipe['index_seconds']:.2f}s ({pipe['files'] / pipe['index_seconds']:.0f} docs/s)")
    print(f"pipeline / bare time ratio: {pipe['seconds'] / bare['seconds']:.2f}x "
          f"(without the search index step: {filing / bare['seconds']:.2f}x)   states: {pipe['states']}")
    if ocr:
        print(f"OCR: {ocr['pages']} pages in {ocr['seconds']:.1f}s = {ocr['pages'] / ocr['seconds']:.2f} pages/s "
              f"({ocr['pages_with_text']} with the expected words), peak {ocr['peak_mb']} MB")


if __name__ == "__main__":
    main()
