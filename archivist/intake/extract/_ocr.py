"""OCR with tesseract (chi_sim) and page rendering with poppler's pdftoppm.

Both are external programs, run through run_tool with their own timeouts. When one is missing the
caller gets a Chinese warning naming the package to install, and the file is still read as far as
possible (DESIGN.md: say clearly what is missing and what was skipped).
"""

from __future__ import annotations

import re
import tempfile
from functools import lru_cache
from pathlib import Path

from archivist.intake.extract._common import ToolTimeout, run_tool, which
from archivist.textnorm import normalize

OCR_LANG = "chi_sim"
PDFTOPPM_TIMEOUT = 60.0
TESSERACT_TIMEOUT = 120.0

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
# chi_sim also spaces out Chinese punctuation ("政府 ：", "振兴 ， 现将"); normalize() only joins Han.
_SPACE_AT_CJK_PUNCT = re.compile(
    r"[ \t]+(?=[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201d\u2026])|"
    r"(?<=[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201d\u2026])[ \t]+"
)


@lru_cache(maxsize=1)
def ocr_unavailable() -> str | None:
    """None when OCR can run, else the Chinese warning to attach (cached: tools do not appear mid-run)."""
    if which("tesseract") is None:
        return "未安装 tesseract，跳过 OCR（请安装 tesseract-ocr 和 tesseract-ocr-chi-sim）"
    try:
        langs = run_tool(["tesseract", "--list-langs"], timeout=20).stdout.decode("utf-8", "replace")
    except (ToolTimeout, OSError):
        return "tesseract 无法运行，跳过 OCR"
    if OCR_LANG not in langs.split():
        return "未安装 tesseract 中文语言包，跳过 OCR（请安装 tesseract-ocr-chi-sim）"
    return None


def pdftoppm_unavailable() -> str | None:
    if which("pdftoppm") is None:
        return "未安装 pdftoppm，无法渲染扫描页，跳过 OCR（请安装 poppler-utils）"
    return None


def tidy_ocr_text(raw: str) -> str:
    """Join tesseract's lines into paragraphs without inserting spaces between Chinese characters.

    tesseract separates blocks with a blank line but often puts a centred title and the body in
    one block, and breaks lines wherever the scan wrapped. A wrapped line is (nearly) as wide as the
    widest line of its block, so a clearly shorter line ends a paragraph (titles, "各乡镇人民政府：",
    the last line of a paragraph); other lines continue the sentence and are joined directly when
    either side is CJK, with a space otherwise. normalize() then removes the spaces chi_sim puts
    between Han characters.
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
            elif _CJK.match(current[-1]) or _CJK.match(line[0]):
                current += line
            else:
                current += " " + line
        paragraphs.append(_clean(current))
    return "\n".join(p for p in paragraphs if p)


def _clean(paragraph: str) -> str:
    return normalize(_SPACE_AT_CJK_PUNCT.sub("", paragraph))


def _visual_width(line: str) -> float:
    """Width in full-width character units: CJK counts 1, ASCII 0.5, spaces nothing."""
    return sum(1.0 if _CJK.match(ch) else 0.5 for ch in line if not ch.isspace())


def tesseract(image: Path, timeout: float = TESSERACT_TIMEOUT) -> str:
    """Raw OCR text of one image file. Raises ToolTimeout or RuntimeError."""
    proc = run_tool(["tesseract", str(image), "stdout", "-l", OCR_LANG, "--psm", "3"], timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip()[-300:])
    return proc.stdout.decode("utf-8", "replace")


def render_pdf_page(pdf: Path, page_number: int, workdir: Path, timeout: float = PDFTOPPM_TIMEOUT) -> Path:
    """Render page `page_number` (1-based) to a 200 dpi greyscale PNG and return its path."""
    prefix = workdir / f"page{page_number}"
    cmd = ["pdftoppm", "-r", "200", "-gray", "-png", "-singlefile", "-f", str(page_number), "-l", str(page_number)]
    proc = run_tool([*cmd, str(pdf), str(prefix)], timeout=timeout)
    out = prefix.with_suffix(".png")
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip()[-300:] or "pdftoppm failed")
    return out


def ocr_pdf_page(pdf: Path, page_number: int, timeout: float) -> str:
    """Render + OCR one page; the two steps share `timeout`."""
    with tempfile.TemporaryDirectory(prefix="archivist-ocr-") as tmp:
        png = render_pdf_page(pdf, page_number, Path(tmp), timeout=min(PDFTOPPM_TIMEOUT, timeout))
        return tidy_ocr_text(tesseract(png, timeout=timeout))
