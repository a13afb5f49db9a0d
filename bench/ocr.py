"""OCR bench: character error rate and seconds per page, RapidOCR vs tesseract in the same run.

Pages are generated with known text (tests/ocr_pages.py): a clean scan, skewed, low resolution, a phone
photo with uneven light, a red stamp over the signature, a page on its side, a ruled form and a phone photo
of it, and a whole A4 page in 小四 at 200 dpi (the size real scans come in). Each page goes through
archivist's own `ocr_image` (layout join included) with each engine; CER is the edit distance between the
drawn text and the output (whitespace ignored, both normalised) over the length of the drawn text. Both
engines run single-threaded (onnxruntime intra-op threads = _ocr.OCR_THREADS, tesseract under
OMP_THREAD_LIMIT=1): ingest extracts two files at a time on two cores. Peak memory: this process's maximum
RSS (RapidOCR runs in-process) and the largest tesseract child's.

    .venv/bin/python bench/ocr.py            # targets: RapidOCR CER ≤ 3 %, time ≤ 1.5 × tesseract's
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.intake.extract import _ocr  # noqa: E402
from archivist.textnorm import normalize  # noqa: E402
from tests.ocr_pages import sample_pages  # noqa: E402


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def squeeze(text: str) -> str:
    return "".join(normalize(text).split())


def cer(truth: str, got: str) -> float:
    t, g = squeeze(truth), squeeze(got)
    return edit_distance(t, g) / max(1, len(t))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="print each reading")
    args = ap.parse_args()
    engines = [e for e in ("rapidocr", "tesseract")
               if (e == "rapidocr" and _ocr.rapidocr_problem() is None)
               or (e == "tesseract" and _ocr.tesseract_problem() is None)]
    if not engines:
        print("没有可用的 OCR 引擎")
        return 1
    started = time.perf_counter()
    if "rapidocr" in engines:
        _ocr._rapid_engine()
    load_s = time.perf_counter() - started
    pages = sample_pages()
    totals = {e: [0.0, 0.0] for e in engines}  # seconds, summed CER
    print(f"{'page':16}" + "".join(f"{e + ' CER':>16}{'s/page':>8}" for e in engines))
    for page in pages:
        truth = "\n".join(page.paragraphs)
        cells = []
        for engine in engines:
            t0 = time.perf_counter()
            result = _ocr.ocr_image(page.image.convert("L"), engine=engine)
            seconds = time.perf_counter() - t0
            error = cer(truth, result.text)
            totals[engine][0] += seconds
            totals[engine][1] += error
            cells.append(f"{100 * error:>15.1f}%{seconds:>8.2f}")
            if args.verbose:
                print(f"   [{engine}] conf={result.confidence} rotated={result.rotated}\n{result.text}")
        print(f"{page.name:16}" + "".join(cells))
    n = len(pages)
    print()
    for engine in engines:
        secs, errs = totals[engine]
        print(f"{engine:10} mean CER {100 * errs / n:5.1f}%   {secs / n:5.2f} s/page")
    if len(engines) == 2:
        ratio = totals["rapidocr"][0] / max(1e-9, totals["tesseract"][0])
        print(f"time ratio rapidocr / tesseract = {ratio:.2f}   (RapidOCR model load {load_s:.1f} s, once per process)")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: this process (RapidOCR in-process) {own:.0f} MB, largest tesseract child {child:.0f} MB")
    print(f"settings: detection side ≤ {_ocr.DET_MAX_SIDE}px, onnxruntime threads {_ocr.OCR_THREADS}, "
          f"one RapidOCR engine per process; turned pages read once (orientation from the angle classifier)")
    print("repeat with: .venv/bin/python bench/ocr.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
