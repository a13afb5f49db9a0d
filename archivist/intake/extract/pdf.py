"""PDF: the text layer per page with pypdf; pages without one (scans) are rendered and OCR'd.

Encrypted PDFs are tried with the empty password, which opens the very common "owner password
only" files (printing/copying restricted, opening free). pypdf needs the `cryptography` package
for AES; without it the text layer is read with poppler's pdftotext instead, which has its own
decryption.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path
from typing import Any

from archivist.intake.extract import _ocr
from archivist.intake.extract._common import Options, ToolTimeout, clean_title, run_tool, which
from archivist.model import Extraction, ExtractionError

# A page whose text layer has fewer visible characters than this is treated as a scan.
MIN_PAGE_CHARS = 10
# OCR at ~3-6 s a page: a 300-page scanned binder would take half an hour. Beyond this many pages
# the rest is skipped with a warning (the file is still filed; staff can OCR it later).
MAX_OCR_PAGES = 40
# Stop starting new OCR pages when less than this much of the time budget remains.
OCR_PAGE_RESERVE = 12.0


def encrypted_error() -> ExtractionError:
    return ExtractionError("PDF已加密，无法读取", "请向报送单位索取未加密的版本")


_DAMAGED_HINT = "请向报送单位重新索取完整的PDF文件"


def extract(path: Path, opts: Options) -> Extraction:
    warnings: list[str] = []
    meta: dict[str, Any] = {}
    title: str | None = None
    try:
        page_texts, text_only, title, meta = _read_with_pypdf(path, warnings)
    except _NeedsPoppler:
        page_texts, text_only = _read_with_poppler(path), set()
        meta["reader"] = "pdftotext"

    if not page_texts:
        raise ExtractionError("PDF文件没有任何页面，可能已损坏", _DAMAGED_HINT)

    read: list[_ocr.OcrPage] = []
    ocr_pages = _ocr_scanned_pages(path, page_texts, text_only, opts, warnings, read)
    if ocr_pages:
        meta["ocr_pages"] = ocr_pages
        meta["ocr"] = ocr_meta(ocr_pages, read)
        engine_note = _ocr.engine_warning()
        if engine_note:
            warnings.append(engine_note)
    text = "\n\n".join(t.strip() for t in page_texts if t.strip())
    return Extraction(
        file_type="pdf",
        text=text,
        title_hint=title,
        pages=len(page_texts),
        ocr_used=bool(ocr_pages),
        meta=meta,
        warnings=warnings,
    )


class _NeedsPoppler(Exception):
    """pypdf cannot decrypt this file (AES without the cryptography package)."""


def _read_with_pypdf(path: Path, warnings: list[str]) -> tuple[list[str], set[int], str | None, dict[str, Any]]:
    """(page texts, numbers of pages without any image, title, meta)."""
    # pypdf logs every repaired xref and odd object at WARNING; the outcome is what matters here.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PdfReadError

    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            try:
                if reader.decrypt("") == 0:  # PasswordType.NOT_DECRYPTED
                    raise encrypted_error()
            except DependencyError as exc:
                raise _NeedsPoppler from exc
        pages = list(reader.pages)
    except (ExtractionError, _NeedsPoppler):
        raise
    except DependencyError as exc:
        raise _NeedsPoppler from exc
    except (FileNotDecryptedError, NotImplementedError) as exc:  # NotImplementedError: non-Standard handler
        raise encrypted_error() from exc
    except (
        PdfReadError,
        LimitReachedError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
        OSError,
    ) as exc:
        raise ExtractionError(f"PDF文件已损坏或不完整（{type(exc).__name__}）", _DAMAGED_HINT) from exc

    texts: list[str] = []
    failed: list[int] = []
    text_only: set[int] = set()
    for number, page in enumerate(pages, start=1):
        try:
            text = page.extract_text() or ""
        except DependencyError as exc:  # AES-encrypted streams and no `cryptography` package
            raise _NeedsPoppler from exc
        except Exception:  # noqa: BLE001 - one bad page (broken font/stream) must not lose the others
            failed.append(number)
            text = ""
        texts.append(text)
        if _needs_ocr(text) and not _has_images(page):
            text_only.add(number)  # a blank or vector-only page: OCR would find nothing
    if failed:
        warnings.append(f"第 {_page_list(failed)} 页的文字层无法读取，已尝试OCR")

    meta = _metadata(reader)
    return texts, text_only, clean_title(meta.pop("title", None)), meta


def _has_images(page: Any, depth: int = 0) -> bool:
    """Whether the page draws a raster image (directly or inside a form XObject)."""
    try:
        resources = page.get("/Resources") if depth == 0 else page
        resources = resources.get_object() if resources is not None else None
        xobjects = resources.get("/XObject") if resources is not None else None
        if xobjects is None:
            return False
        xobjects = xobjects.get_object()
        for ref in xobjects.values():
            obj = ref.get_object()
            subtype = obj.get("/Subtype")
            if subtype == "/Image":
                return True
            if subtype == "/Form" and depth < 3 and obj.get("/Resources") is not None:
                if _has_images(obj["/Resources"], depth + 1):
                    return True
    except Exception:  # noqa: BLE001 - unreadable resources: assume a scan and let OCR decide
        return True
    return False


def _metadata(reader: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    try:
        info = reader.metadata
    except Exception:  # noqa: BLE001 - a broken Info dictionary only costs us the metadata
        return meta
    if not info:
        return meta
    for key, name in (("/Title", "title"), ("/Author", "author"), ("/Creator", "creator"), ("/Producer", "producer")):
        try:
            value = info.get(key)
        except Exception:  # noqa: BLE001 - indirect objects may point at garbage
            continue
        if value:
            meta[name] = str(value).replace("\x00", "").strip()
    raw_date = info.get("/CreationDate")
    match = re.match(r"D:(\d{4})(\d{2})(\d{2})", str(raw_date or ""))
    if match:
        meta["created"] = "-".join(match.groups())
    return {k: v for k, v in meta.items() if v}


def _read_with_poppler(path: Path) -> list[str]:
    if which("pdftotext") is None:
        raise ExtractionError(
            "PDF使用AES加密，缺少解密组件，无法读取", "请安装 Python 包 cryptography 或 poppler-utils（pdftotext）"
        )
    try:
        proc = run_tool(["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"], timeout=120)
    except ToolTimeout as exc:
        raise ExtractionError("PDF读取超时，文件可能损坏或过于复杂", _DAMAGED_HINT) from exc
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        if "password" in err.lower():
            raise encrypted_error()
        raise ExtractionError("PDF文件已损坏或不完整", _DAMAGED_HINT)
    pages = proc.stdout.decode("utf-8", "replace").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # pdftotext ends every page, the last included, with a form feed
    return pages


def looks_garbled(text: str) -> bool:
    """A text layer from fonts without a Unicode map: private-use, replacement or control chars."""
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return False
    bad = sum(1 for ch in visible if ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cc", "Cs"))
    return bad > 0.3 * len(visible)


def _needs_ocr(text: str) -> bool:
    visible = sum(1 for ch in text if not ch.isspace())
    return visible < MIN_PAGE_CHARS or looks_garbled(text)


def ocr_meta(numbers: list[int], read: list[_ocr.OcrPage]) -> dict[str, Any]:
    """What the record keeps about its OCR: engine, each page's confidence, the pages a person should check."""
    pages = [{"page": n, "confidence": None if p.confidence is None else round(p.confidence, 3),
              **({"rotated": p.rotated} if p.rotated else {})} for n, p in zip(numbers, read, strict=True)]
    return {
        "engine": read[0].engine if read else "",
        "pages": pages,
        "review": [n for n, p in zip(numbers, read, strict=True) if p.needs_review()],
        "review_below": _ocr.REVIEW_BELOW,
    }


def _ocr_scanned_pages(
    path: Path, page_texts: list[str], text_only: set[int], opts: Options, warnings: list[str],
    read: list[_ocr.OcrPage] | None = None,
) -> list[int]:
    """OCR pages without a usable text layer, in place in `page_texts`. Returns the page numbers done
    (and appends each page's reading to `read`)."""
    todo = [i + 1 for i, text in enumerate(page_texts) if i + 1 not in text_only and _needs_ocr(text)]
    if not todo:
        return []
    if not opts.ocr:
        warnings.append(f"第 {_page_list(todo)} 页没有文字层，本次未做OCR")
        return []
    missing = _ocr.ocr_unavailable() or _ocr.pdftoppm_unavailable()
    if missing:
        warnings.append(f"{missing}；第 {_page_list(todo)} 页没有文字层，未能识别")
        return []

    done: list[int] = []
    skipped: list[int] = []
    failed: list[int] = []
    for number in todo:
        left = opts.time_left()
        if len(done) >= MAX_OCR_PAGES or (left is not None and left < OCR_PAGE_RESERVE):
            skipped.append(number)
            continue
        timeout = _ocr.TESSERACT_TIMEOUT if left is None else max(5.0, left - 2.0)
        try:
            page = _ocr.ocr_pdf_page(path, number, timeout=min(timeout, _ocr.TESSERACT_TIMEOUT))
        except (ToolTimeout, RuntimeError, OSError):
            failed.append(number)
            continue
        text = page.text
        if read is not None:
            read.append(page)
        if page.note and page.note not in warnings:
            warnings.append(page.note)
        if looks_garbled(page_texts[number - 1]):
            page_texts[number - 1] = text
        else:
            page_texts[number - 1] = (page_texts[number - 1].strip() + "\n" + text).strip()
        done.append(number)
    if skipped:
        warnings.append(f"扫描页过多或时间不足，第 {_page_list(skipped)} 页未做OCR")
    if failed:
        warnings.append(f"第 {_page_list(failed)} 页OCR失败（渲染或识别出错）")
    return done


def _page_list(numbers: list[int]) -> str:
    """[1,2,3,7] -> '1-3、7' for compact Chinese warnings."""
    ranges: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        ranges.append(f"{start}-{prev}" if start != prev else str(start))
        if n is not None:
            start = prev = n
    return "、".join(ranges)
