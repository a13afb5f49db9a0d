"""OCR of scans and phone photos: RapidOCR (PP-OCR models on onnxruntime) first, tesseract as the fallback.

Why two engines: tesseract's chi_sim misreads small or uneven Chinese print (清浴县 for 清溪县) and splits
wrapped phrases, while RapidOCR's detection and recognition models read phone photos and stamps far better.
RapidOCR's models ship inside its wheel; the engine is always given the packaged files by path, so nothing is
ever downloaded — a missing model file is reported in one Chinese line and tesseract is used instead.

Both engines hand back text LINES with boxes and confidences (`OcrLine`); `join_lines` then rebuilds the
page by layout: lines on one row are joined left to right, a line that runs to the right margin continues
on the next one with no space between Han characters ("化粪" + "池盖板破损" → "化粪池盖板破损"), and a short
line, an indented line or a wide vertical gap ends the paragraph. Each page gets a confidence (the mean of its
lines' scores weighted by length) so that weak pages can be listed for a person to check.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from archivist.intake.extract._common import ToolTimeout, run_tool, which
from archivist.intake.extract._print_size import detection_side, print_height
from archivist.textnorm import normalize

OCR_LANG = "chi_sim"
PDFTOPPM_TIMEOUT = 60.0
TESSERACT_TIMEOUT = 120.0
RENDER_DPI = 200
# A page read with less confidence than this is listed for review (list --ocr-review, the web page).
REVIEW_BELOW = 0.80
# Pages whose text is mostly upright-looking but weak are retried turned by 90°/270° (rotated scans).
ROTATE_RETRY_BELOW = 0.75
DET_MAX_SIDE = 736  # detection side when the print cannot be measured (else _print_size.detection_side)
REC_BATCH = 1  # lines per recogniser call: on one thread a batch saves nothing and pads short lines to long
OCR_THREADS = 1  # onnxruntime intra-op threads per engine (see _rapid_engine)
ENGINE_ENV = "ARCHIVIST_OCR_ENGINE"  # "rapidocr" (default) or "tesseract"
RAPIDOCR_MODELS = ("PP-OCRv6_det_small.onnx", "ch_ppocr_mobile_v2.0_cls_mobile.onnx", "PP-OCRv6_rec_small.onnx")

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
# chi_sim also spaces out Chinese punctuation ("政府 ：", "振兴 ， 现将"); normalize() only joins Han.
_SPACE_AT_CJK_PUNCT = re.compile(
    r"[ \t]+(?=[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201d\u2026])|"
    r"(?<=[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201d\u2026])[ \t]+"
)


class OcrModelMissing(RuntimeError):
    """A packaged RapidOCR model file is not there; the message is the Chinese line to show."""


@dataclass
class OcrLine:
    text: str
    left: float
    top: float
    right: float
    bottom: float
    score: float
    slope: float = 0.0  # dy/dx of the text's baseline (a tilted photo): rows are matched along it
    line_height: float = 0.0  # the text's own height; the bounding box of a tilted line is taller

    @property
    def height(self) -> float:
        return max(1.0, self.line_height or (self.bottom - self.top))

    @property
    def centre(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2

    def y_at(self, x: float, slope: float | None = None) -> float:
        """Where this line's middle runs at horizontal position x (along `slope`, else its own)."""
        cx, cy = self.centre
        return cy + (self.slope if slope is None else slope) * (x - cx)


@dataclass
class OcrPage:
    """One page's text as laid out, its confidence (0-1, None when the engine gives none) and who read it."""

    text: str
    confidence: float | None
    engine: str
    rotated: int = 0  # degrees the page was turned before reading
    note: str = ""  # a warning for the record (the default engine failed and tesseract read the page)

    def needs_review(self) -> bool:
        return self.confidence is not None and bool(self.text) and self.confidence < REVIEW_BELOW


# ------------------------------------------------------------------ availability
def rapidocr_model_dir() -> Path | None:
    try:
        import rapidocr  # noqa: F401 - only its location is needed here
    except ImportError:
        return None
    import rapidocr as package

    return Path(package.__file__).resolve().parent / "models"


def rapidocr_problem() -> str | None:
    """None when RapidOCR can run from its packaged models, else why not (one Chinese line)."""
    folder = rapidocr_model_dir()
    if folder is None:
        return "未安装 rapidocr，改用 tesseract（请安装 rapidocr 和 onnxruntime）"
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return "未安装 onnxruntime，RapidOCR 无法运行，改用 tesseract（请安装 onnxruntime）"
    for name in RAPIDOCR_MODELS:
        if not (folder / name).is_file():
            return (f"RapidOCR 模型文件缺失：{folder / name}，不会联网下载；"
                    "请重新安装 rapidocr（pip install --force-reinstall rapidocr），本次改用 tesseract")
    return None


@lru_cache(maxsize=1)
def tesseract_problem() -> str | None:
    if which("tesseract") is None:
        return "未安装 tesseract，跳过 OCR（请安装 tesseract-ocr 和 tesseract-ocr-chi-sim）"
    try:
        langs = run_tool(["tesseract", "--list-langs"], timeout=20).stdout.decode("utf-8", "replace")
    except (ToolTimeout, OSError):
        return "tesseract 无法运行，跳过 OCR"
    if OCR_LANG not in langs.split():
        return "未安装 tesseract 中文语言包，跳过 OCR（请安装 tesseract-ocr-chi-sim）"
    return None


def chosen_engine() -> str | None:
    """The engine this run uses: RapidOCR unless told otherwise or unable, then tesseract, else None."""
    wanted = os.environ.get(ENGINE_ENV, "rapidocr").strip().lower()
    if wanted != "tesseract" and rapidocr_problem() is None:
        return "rapidocr"
    if tesseract_problem() is None:
        return "tesseract"
    return None


def engine_warning() -> str | None:
    """A warning to attach to an OCR'd file when the default engine was not available (else None)."""
    if os.environ.get(ENGINE_ENV, "rapidocr").strip().lower() == "tesseract":
        return None
    problem = rapidocr_problem()
    return problem if problem and chosen_engine() == "tesseract" else None


def ocr_unavailable() -> str | None:
    """None when some OCR engine can run, else the Chinese warning to attach."""
    if chosen_engine() is not None:
        return None
    return tesseract_problem()


def pdftoppm_unavailable() -> str | None:
    if which("pdftoppm") is None:
        return "未安装 pdftoppm，无法渲染扫描页，跳过 OCR（请安装 poppler-utils）"
    return None


# ------------------------------------------------------------------ RapidOCR
_ENGINE_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _rapid_engine() -> Any:
    problem = rapidocr_problem()
    if problem:
        raise OcrModelMissing(problem)
    import logging

    from rapidocr import RapidOCR

    folder = rapidocr_model_dir()
    assert folder is not None
    det, cls, rec = (str(folder / name) for name in RAPIDOCR_MODELS)
    engine = RapidOCR(params={
        "Global.log_level": "error",
        "Det.model_path": det, "Cls.model_path": cls, "Rec.model_path": rec,
        # detection on the page scaled down (its longest side set per page from the print's size, see
        # _print_size); the recogniser reads the lines from the full-resolution page
        "Det.limit_type": "max", "Det.limit_side_len": DET_MAX_SIDE,
        # two cores, and ingest extracts two files at a time (one engine per worker process): one thread
        # each uses both cores without the two workers' threads contending (measured faster under load)
        "EngineConfig.onnxruntime.intra_op_num_threads": OCR_THREADS,
        # a batch is padded to its widest line; one line at a time is faster and the smallest in memory
        # under the extraction sandbox's address-space cap (memory_mb)
        "Rec.rec_batch_num": REC_BATCH,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    })
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    # RapidOCR loads each model at its first use: loaded here, the first page is not charged for it and
    # the detector is there to be given each page's side
    for load in ("_load_det_model", "_load_cls_model", "_load_rec_model"):
        if callable(getattr(engine, load, None)):
            getattr(engine, load)()
    _record_orientation(engine)
    return engine


def _set_detection_side(engine: Any, gray: Any) -> int | None:
    """Give the detector this page's side (see _print_size); None when this RapidOCR has no such knob and
    detects at DET_MAX_SIDE."""
    detector = getattr(engine, "text_det", None)
    if detector is None or not hasattr(detector, "limit_side_len"):
        return None
    height, width = gray.shape[:2]
    side = detection_side(width, height, print_height(gray), DET_MAX_SIDE)
    detector.limit_side_len = side
    return side


def _record_orientation(engine: Any) -> None:
    """Keep, for each call, which detected lines stand upright and what the angle classifier said of them.

    RapidOCR turns a tall line by 90° before reading it and its angle classifier then says 0 or 180: the
    lines come out right, but that answer (which tells which way the page lies) is dropped from the result.
    Kept here, it gives the page's orientation from the one reading, instead of reading it twice more
    turned. If this RapidOCR has other internals, nothing is recorded and the page is re-read turned."""
    detect, classify = getattr(engine, "detect_and_crop", None), getattr(engine, "cls_and_rotate", None)
    if not (callable(detect) and callable(classify)):
        return

    def detect_recording(img: Any, op_record: Any) -> Any:
        crops, det = detect(img, op_record)
        engine.archivist_tall = [_is_tall(box) for box in (det.boxes if det.boxes is not None else [])]
        return crops, det

    def classify_recording(images: Any) -> Any:
        out, res = classify(images)
        engine.archivist_cls = list(res.cls_res or [])
        tall = engine.archivist_tall
        if tall is not None and len(tall) == len(images) == len(engine.archivist_cls):
            out = _one_way_per_page(images, tall, engine.archivist_cls)
        return out, res

    engine.detect_and_crop, engine.cls_and_rotate = detect_recording, classify_recording


def _upside_down(tall: list[bool], votes: list[Any]) -> dict[bool, bool]:
    """For the standing lines (True) and the lying ones (False) apart: are they upside down, by the angle
    classifier's votes weighed by its confidence?

    A page lies one way, but the classifier sees each line squeezed into 192 × 48 pixels: on the long lines
    of a turned A4 page in small print it says 180° with 0.8 where it says so with 1.0 on short lines, and
    now and then 0° with 0.6. Counting only its sure votes (Cls.cls_thresh) then turned some lines and not
    others, or none; weighed, the page's lines outvote its squeezed ones. Standing and lying lines are
    counted apart: a table's vertical heading does not turn the page's text."""
    result = {}
    for kind in (True, False):
        weight = sum(float(score) if str(label) == "180" else -float(score)
                     for t, (label, score) in zip(tall, votes, strict=True) if t == kind)
        result[kind] = weight > 0
    return result


def _one_way_per_page(images: list[Any], tall: list[bool], votes: list[Any]) -> list[Any]:
    """The line crops (as RapidOCR cut them, tall ones already stood on their side) all turned the way of
    their group (see _upside_down), instead of each the way its own vote said."""
    import cv2

    turn = _upside_down(tall, votes)
    return [cv2.rotate(image, cv2.ROTATE_180) if turn[t] else image for image, t in zip(images, tall, strict=True)]


def _is_tall(box: Any) -> bool:
    """RapidOCR's own test (get_rotate_crop_image): a crop 1.5 times taller than wide is turned before reading."""
    import numpy as np

    pts = np.asarray(box, dtype=float)
    width = max(np.linalg.norm(pts[0] - pts[1]), np.linalg.norm(pts[2] - pts[3]))
    height = max(np.linalg.norm(pts[0] - pts[3]), np.linalg.norm(pts[1] - pts[2]))
    return width > 0 and height / width >= 1.5


def _page_turn(engine: Any) -> int | None:
    """Degrees (PIL, counter-clockwise) that bring the page just read upright, from its lines' shapes and the
    angle classifier's votes; None when this engine did not record them."""
    tall, votes = getattr(engine, "archivist_tall", None), getattr(engine, "archivist_cls", None)
    if tall is None or votes is None or len(tall) != len(votes) or not tall:
        return None
    turn = _upside_down(tall, votes)
    if sum(tall) > len(tall) / 2:  # on its side: read downwards (turn 90) or upwards (turn 270)
        return 270 if turn[True] else 90
    return 180 if turn[False] else 0


def rapidocr_lines(image: Any) -> list[OcrLine]:
    """Text lines of a PIL image read by RapidOCR (angle classifier on: upside-down lines are turned)."""
    return rapidocr_read(image)[0]


def rapidocr_read(image: Any) -> tuple[list[OcrLine], int | None]:
    """RapidOCR's lines and the turn that makes the page upright (see _page_turn). A turned page's lines are
    given in the upright page's coordinates, so the layout join reads them in order; None: turn unknown."""
    import numpy as np

    array = np.asarray(image.convert("RGB"))[:, :, ::-1]  # RapidOCR works in OpenCV's BGR order
    gray = np.asarray(image.convert("L"))
    with _ENGINE_LOCK:
        engine = _rapid_engine()
        engine.archivist_tall = engine.archivist_cls = None
        engine.archivist_det_side = _set_detection_side(engine, gray)
        result = engine(array)
        turn = _page_turn(engine)
    if result is None or getattr(result, "boxes", None) is None or result.txts is None:
        return [], turn
    width, height = image.size
    lines = []
    for box, text, score in zip(result.boxes, result.txts, result.scores, strict=False):
        points = [_turn_point(float(p[0]), float(p[1]), width, height, turn or 0) for p in box[:4]]
        xs, ys = [x for x, _ in points], [y for _, y in points]
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
        if turn:  # a turned box's corners are in another order: take its bounds, the skew is small
            slope, line_height = 0.0, max(ys) - min(ys)
        else:
            slope = (y1 - y0) / (x1 - x0) if abs(x1 - x0) > 1 else 0.0
            line_height = ((y3 - y0) + (y2 - y1)) / 2
        if text.strip():
            lines.append(OcrLine(text.strip(), min(xs), min(ys), max(xs), max(ys), float(score),
                                 slope=slope, line_height=max(1.0, line_height)))
    return lines, turn


def _turn_point(x: float, y: float, width: float, height: float, turn: int) -> tuple[float, float]:
    """Where (x, y) of a width × height image lands when the image is turned `turn`° counter-clockwise."""
    if turn == 90:
        return y, width - x
    if turn == 270:
        return height - y, x
    if turn == 180:
        return width - x, height - y
    return x, y


# ------------------------------------------------------------------ tesseract
def tesseract(image: Path, timeout: float = TESSERACT_TIMEOUT) -> str:
    """Raw OCR text of one image file. Raises ToolTimeout or RuntimeError."""
    proc = run_tool(["tesseract", str(image), "stdout", "-l", OCR_LANG, "--psm", "3"], timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip()[-300:])
    return proc.stdout.decode("utf-8", "replace")


def tesseract_lines(image: Path, timeout: float = TESSERACT_TIMEOUT) -> list[OcrLine]:
    """tesseract's words grouped into its lines, with boxes and the mean word confidence (TSV output)."""
    proc = run_tool(["tesseract", str(image), "stdout", "-l", OCR_LANG, "--psm", "3", "tsv"], timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip()[-300:])
    grouped: dict[tuple[str, ...], list[list[str]]] = {}
    for row in proc.stdout.decode("utf-8", "replace").splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        grouped.setdefault(tuple(cells[1:5]), []).append(cells)
    lines = []
    for words in grouped.values():
        text = ""
        for w in words:
            piece = w[11].strip()
            text += piece if not text or _CJK.match(text[-1]) or _CJK.match(piece[0]) else " " + piece
        lefts = [int(w[6]) for w in words]
        tops = [int(w[7]) for w in words]
        rights = [int(w[6]) + int(w[8]) for w in words]
        bottoms = [int(w[7]) + int(w[9]) for w in words]
        confs = [max(0.0, float(w[10])) / 100 for w in words]
        weights = [max(1, len(w[11].strip())) for w in words]
        score = sum(c * n for c, n in zip(confs, weights, strict=True)) / sum(weights)
        lines.append(OcrLine(text, min(lefts), min(tops), max(rights), max(bottoms), score))
    return lines


# ------------------------------------------------------------------ layout
def join_lines(lines: list[OcrLine]) -> str:
    """Rebuild paragraphs from positioned lines (see the module docstring)."""
    if not lines:
        return ""
    rows = _rows(lines)
    left_margin = min(r[0].left for r in rows)
    right_margin = max(r[-1].right for r in rows)
    width = max(1.0, right_margin - left_margin)
    paragraphs: list[str] = []
    current = ""
    previous: list[OcrLine] | None = None
    for row in rows:
        text = _row_text(row)
        if previous is None:
            current = text
        else:
            height = sum(line.height for line in row) / len(row)
            gap = row[0].top - max(line.bottom for line in previous)
            prev_reaches_end = previous[-1].right >= right_margin - 0.08 * width
            starts_at_margin = row[0].left <= left_margin + 1.2 * height
            if prev_reaches_end and starts_at_margin and gap < 1.2 * height and len(previous) == 1 and len(row) == 1:
                current = _glue(current, text)
            else:
                paragraphs.append(current)
                current = text
        previous = row
    paragraphs.append(current)
    return "\n".join(p for p in (_clean(p) for p in paragraphs) if p)


def _rows(lines: list[OcrLine]) -> list[list[OcrLine]]:
    """Lines on one visual row (vertical overlap over half the smaller height), top to bottom, left to right.

    Lines are followed along the page's tilt, not each line's own: a short line's box (a date under the
    signature) can lean a few degrees either way, and carried across the page that lean put 2024年3月8日
    above the 镇人民政府 it was written under."""
    slope = _page_slope(lines)
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda item: item.centre[1]):
        x, y = line.centre
        for row in rows:
            first = row[0]
            if abs(y - first.y_at(x, slope)) < 0.5 * min(first.height, line.height):
                row.append(line)
                break
        else:
            rows.append([line])
    for row in rows:
        row.sort(key=lambda item: item.left)
    rows.sort(key=lambda row: row[0].y_at(0.0, slope))
    return rows


def _page_slope(lines: list[OcrLine]) -> float:
    """The page's tilt: the median of its lines' slopes, each line counted by its width."""
    ordered = sorted(lines, key=lambda item: item.slope)
    half, seen = sum(max(1.0, x.right - x.left) for x in ordered) / 2, 0.0
    for line in ordered:
        seen += max(1.0, line.right - line.left)
        if seen >= half:
            return line.slope
    return 0.0


def _row_text(row: list[OcrLine]) -> str:
    """Cells of a form row stay apart (a space), so 姓名 and the name in the next cell are two words."""
    text = row[0].text
    for left, right in zip(row, row[1:], strict=False):
        text += ("" if right.left - left.right < 0.5 * left.height else " ") + right.text
    return text


def _glue(before: str, after: str) -> str:
    if not before or not after:
        return before + after
    if _CJK.match(before[-1]) or _CJK.match(after[0]):
        return before + after
    return before + " " + after


def tidy_ocr_text(raw: str) -> str:
    """Join plain tesseract text (no positions) into paragraphs without spaces between Chinese characters.

    Used when only text is at hand: a wrapped line is (nearly) as wide as the widest line of its block, so
    a clearly shorter line ends a paragraph; other lines continue the sentence.
    """
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", raw.replace("\x0c", "\n")):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        widths = [_visual_width(line) for line in lines]
        full = max(widths)
        current = lines[0]
        for previous_width, line in zip(widths, lines[1:], strict=False):
            if previous_width < 0.8 * full:
                paragraphs.append(_clean(current))
                current = line
            else:
                current = _glue(current, line)
        paragraphs.append(_clean(current))
    return "\n".join(p for p in paragraphs if p)


def _clean(paragraph: str) -> str:
    return normalize(_SPACE_AT_CJK_PUNCT.sub("", paragraph))


def _visual_width(line: str) -> float:
    """Width in full-width character units: CJK counts 1, ASCII 0.5, spaces nothing."""
    return sum(1.0 if _CJK.match(ch) else 0.5 for ch in line if not ch.isspace())


def page_confidence(lines: list[OcrLine]) -> float | None:
    weights = [max(1, len(line.text)) for line in lines]
    if not weights:
        return None
    return sum(line.score * n for line, n in zip(lines, weights, strict=True)) / sum(weights)


# ------------------------------------------------------------------ one page
def _read(image: Any, engine: str, timeout: float) -> tuple[list[OcrLine], int | None]:
    """The page's lines, and the turn that makes it upright when the engine can tell (RapidOCR), else None."""
    if engine == "rapidocr":
        return rapidocr_read(image)
    with tempfile.TemporaryDirectory(prefix="archivist-ocr-") as tmp:
        png = Path(tmp) / "page.png"
        image.save(png)
        return tesseract_lines(png, timeout=timeout), None


def _standing(lines: list[OcrLine]) -> bool:
    """Most lines are taller than wide: the page was read on its side."""
    upright = sum(1 for x in lines if (x.bottom - x.top) > 1.5 * (x.right - x.left) and len(x.text) > 1)
    return bool(lines) and upright > len(lines) / 2


def _quality(lines: list[OcrLine]) -> float:
    """Confidence times characters read: a turned page reads few characters, and those badly."""
    return sum(line.score * len(line.text) for line in lines)


def ocr_image(image: Any, timeout: float = TESSERACT_TIMEOUT, engine: str | None = None) -> OcrPage:
    """Read one page image (PIL). Rotated pages: when the upright reading is weak or its lines stand
    upright (taller than wide), the page is also read turned by 90° and 270° and the best reading wins."""
    engine = engine or chosen_engine()
    if engine is None:
        raise RuntimeError(ocr_unavailable() or "OCR 不可用")
    note = ""
    try:
        lines, turn = _read(image, engine, timeout)
    except (ToolTimeout, OSError):
        raise
    except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own types (bad_alloc under memory_mb)
        if engine != "rapidocr" or tesseract_problem() is not None:
            raise RuntimeError(f"OCR 失败：{type(exc).__name__}") from exc
        engine = "tesseract"
        note = (str(exc) if isinstance(exc, OcrModelMissing)
                else f"RapidOCR 识别出错（{type(exc).__name__}，常见原因是内存上限 memory_mb 过低），"
                     "本页改用 tesseract")
        lines, turn = _read(image, engine, timeout)
    rotated = turn or 0
    conf = page_confidence(lines)
    # RapidOCR told the page's orientation from this one reading (turn is not None): no second reading.
    # tesseract reads only upright text: a weak or sideways reading is tried again turned.
    if turn is None and (lines == [] or (conf or 0) < ROTATE_RETRY_BELOW or _standing(lines)):
        best = _quality(lines)
        for angle in (90, 270):
            try:
                fill = 255 if image.mode == "L" else "white"
                turned, _ = _read(image.rotate(angle, expand=True, fillcolor=fill), engine, timeout)
            except Exception:  # noqa: BLE001 - the upright reading stands
                continue
            # tesseract reads a page turned 270° well as it lies, in standing lines, which the layout join
            # cannot put in order: the same words read in lying lines win
            lies_better = _standing(lines) and not _standing(turned) and _quality(turned) >= 0.9 * best
            if _quality(turned) > 1.3 * best + 1 or lies_better:
                lines, best, rotated = turned, _quality(turned), angle
    return OcrPage(join_lines(lines), page_confidence(lines), engine, rotated, note)


def render_pdf_page(pdf: Path, page_number: int, workdir: Path, timeout: float = PDFTOPPM_TIMEOUT) -> Path:
    """Render page `page_number` (1-based) to a 200 dpi greyscale PNG and return its path."""
    prefix = workdir / f"page{page_number}"
    cmd = ["pdftoppm", "-r", str(RENDER_DPI), "-gray", "-png", "-singlefile", "-f", str(page_number),
           "-l", str(page_number)]
    proc = run_tool([*cmd, str(pdf), str(prefix)], timeout=timeout)
    out = prefix.with_suffix(".png")
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip()[-300:] or "pdftoppm failed")
    return out


def ocr_pdf_page(pdf: Path, page_number: int, timeout: float) -> OcrPage:
    """Render + OCR one page; the two steps share `timeout`."""
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="archivist-ocr-") as tmp:
        png = render_pdf_page(pdf, page_number, Path(tmp), timeout=min(PDFTOPPM_TIMEOUT, timeout))
        with Image.open(png) as im:
            im.load()
            return ocr_image(im.convert("L"), timeout=timeout)


def review_pages(meta: Any) -> list[int]:
    """The pages of a record (its meta) whose OCR confidence was below REVIEW_BELOW: for a person to check."""
    if isinstance(meta, str):
        import json

        try:
            meta = json.loads(meta)
        except ValueError:
            return []
    ocr = meta.get("ocr") if isinstance(meta, dict) else None
    pages = ocr.get("review") if isinstance(ocr, dict) else None
    return [int(p) for p in pages if isinstance(p, int)] if isinstance(pages, list) else []
