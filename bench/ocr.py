"""OCR bench: character error rate and seconds per page, RapidOCR vs tesseract in the same run.

Pages are generated with known text (tests/ocr_pages.py): a clean scan, skewed, low resolution, a phone
photo with uneven light, a red stamp over the signature, a page on its side, a ruled form and a phone photo
of it, and a whole A4 page in 小四 at 200 dpi (the size real scans come in). Each page goes through
archivist's own `ocr_image` (layout join included) with each engine; CER is the edit distance between the
drawn text and the output (whitespace ignored, both normalised) over the length of the drawn text. Both
engines run on one thread (onnxruntime intra-op threads = _ocr.OCR_THREADS, tesseract under
OMP_THREAD_LIMIT=1): ingest extracts two files at a time on two cores. Time is given as wall clock and as CPU
seconds (this process and the tesseract processes it starts, during each reading): other work on a shared machine
stretches the first, much less the second. RapidOCR's model load (once per worker process) is timed apart.
Peak memory: this process's maximum RSS (RapidOCR runs in-process) and tesseract's on the A4 page.

    .venv/bin/python bench/ocr.py            # targets: RapidOCR CER ≤ 3 %, time ≤ 1.5 × tesseract's
    .venv/bin/python bench/ocr.py --a4       # and 35 A4 pages, 20-56 px print, every condition
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.intake.extract import _ocr, _print_size  # noqa: E402
from archivist.textnorm import normalize  # noqa: E402
from tests.ocr_pages import A4_200DPI, Page, low_res, notice_page, phone_photo, sample_pages, skewed, stamped, turned  # noqa: E402


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


A4_BODY = [
    "为巩固拓展脱贫攻坚成果，切实做好防止返贫动态监测和帮扶工作，根据上级有关文件精神，结合我镇实际，"
    "制定本方案。各村要以脱贫户和监测对象为重点，每季度开展一次集中排查，做到应纳尽纳、应扶尽扶。",
    "一、工作目标。全年新识别纳入监测对象须在十五日内落实帮扶措施，风险消除户须经村民代表评议和公示。"
    "对因病因灾因意外事故导致刚性支出较大的农户，要及时启动临时救助和医疗救助。",
]


def a4_pages() -> list[Page]:
    """Whole A4 pages at 200 dpi from 20 px print (小五) to 56 px (二号), each scanned, photographed, skewed,
    stamped, halved in resolution and turned both ways: the detection side follows the print, so every
    print size is tried under every condition, not only the bench's own."""
    pages = []
    for size in (20, 24, 29, 44, 56):
        page = notice_page("石桥镇防止返贫动态监测和帮扶工作方案", A4_BODY, ["石桥镇人民政府", "2024年3月8日"],
                           size=A4_200DPI, font_size=size, margin=160)
        for made in (page, phone_photo(page), skewed(page), stamped(page), low_res(page), turned(page, 90),
                     turned(page, 270)):
            pages.append(Page(f"a4-{size}px-{made.name.replace('photo-clean', 'photo')}", made.image,
                              page.paragraphs))
    return pages


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (tesseract runs as a child)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _tesseract_peak_mb(image: object) -> float:
    """tesseract's own peak memory on one page, measured from a small parent: a child forked from this
    process would be charged this process's memory until it runs tesseract."""
    import subprocess
    import tempfile

    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        image.convert("L").save(png)  # type: ignore[attr-defined]
        out = subprocess.run([sys.executable, "-c", probe, "tesseract", str(png), "stdout", "-l", _ocr.OCR_LANG,
                              "--psm", "3"], capture_output=True, text=True, check=False).stdout
    return int(out.strip() or 0) / 1024


def _load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="print each reading")
    ap.add_argument("--a4", action="store_true", help="also A4 pages in 20-56 px print under every condition")
    args = ap.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"  # tesseract on one thread, as onnxruntime (run_tool's default too)
    engines = [e for e in ("rapidocr", "tesseract")
               if (e == "rapidocr" and _ocr.rapidocr_problem() is None)
               or (e == "tesseract" and _ocr.tesseract_problem() is None)]
    if not engines:
        print("没有可用的 OCR 引擎")
        return 1
    print(f"load average at start {_load()} (1/5/15 min, {os.cpu_count()} cores)")
    started = time.perf_counter()
    if "rapidocr" in engines:
        _ocr._rapid_engine()  # all three models, once per process
    load_s = time.perf_counter() - started
    pages = sample_pages() + (a4_pages() if args.a4 else [])
    wall = {e: 0.0 for e in engines}
    cpu = {e: 0.0 for e in engines}
    errors: dict[str, list[float]] = {e: [] for e in engines}
    print(f"{'page':16}" + "".join(f"{e + ' CER':>16}{'s/page':>8}" for e in engines) + f"{'det side':>10}")
    for page in pages:
        truth = "\n".join(page.paragraphs)
        cells = []
        side = ""
        for engine in engines:
            c0, t0 = _cpu_seconds(), time.perf_counter()
            result = _ocr.ocr_image(page.image.convert("L"), engine=engine)
            wall[engine] += time.perf_counter() - t0
            cpu[engine] += _cpu_seconds() - c0
            error = cer(truth, result.text)
            errors[engine].append(error)
            cells.append(f"{100 * error:>15.1f}%{time.perf_counter() - t0:>8.2f}")
            if engine == "rapidocr":
                side = str(getattr(_ocr._rapid_engine(), "archivist_det_side", "") or "")
            if args.verbose:
                print(f"   [{engine}] conf={result.confidence} rotated={result.rotated}\n{result.text}")
        print(f"{page.name:16}" + "".join(cells) + f"{side:>10}")
    n = len(pages)
    print()
    for engine in engines:
        worst = max(errors[engine])
        print(f"{engine:10} mean CER {100 * sum(errors[engine]) / n:5.1f}%  worst page {100 * worst:5.1f}%   "
              f"{wall[engine] / n:5.2f} s/page wall, {cpu[engine] / n:5.2f} s/page CPU")
    if len(engines) == 2:
        ratio = wall["rapidocr"] / max(1e-9, wall["tesseract"])
        cpu_ratio = cpu["rapidocr"] / max(1e-9, cpu["tesseract"])
        print(f"time ratio rapidocr / tesseract = {ratio:.2f} wall, {cpu_ratio:.2f} CPU   "
              f"(RapidOCR model load {load_s:.1f} s once per process, not in the ratio; with it "
              f"{(wall['rapidocr'] + load_s) / max(1e-9, wall['tesseract']):.2f})")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tess = f", tesseract on the {pages[-1].name} page {_tesseract_peak_mb(pages[-1].image):.0f} MB" \
        if "tesseract" in engines else ""
    print(f"peak memory: this process (RapidOCR in-process) {own:.0f} MB{tess}")
    print(f"settings: detection side from the print's size ({_print_size.DET_CHAR_PX} px a character, "
          f"{_print_size.DET_SIDE_MIN}-{_print_size.DET_SIDE_MAX}, else {_ocr.DET_MAX_SIDE}), recogniser batch "
          f"{_ocr.REC_BATCH}, onnxruntime threads {_ocr.OCR_THREADS}, tesseract OMP_THREAD_LIMIT="
          f"{os.environ['OMP_THREAD_LIMIT']}; one RapidOCR engine per process; turned pages read once")
    print(f"load average at end {_load()}")
    print("repeat with: .venv/bin/python bench/ocr.py" + (" --a4" if args.a4 else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
