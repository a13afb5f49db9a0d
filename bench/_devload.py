"""A small private text loader for the classification bench, cached on disk.

Why it exists: the project's extractor (archivist.intake.extract) is written concurrently by another
engineer; the bench must run whether or not it is ready. When `archivist.intake.extract.extract` is
importable it is used; otherwise this loader reads docx/xlsx/txt/pdf (pypdf, OCR for image-only pages),
JPEG (EXIF date, XPTitle/XPComment, OCR for scans) and legacy .doc (headless LibreOffice). Results are
cached by sha256 under /tmp because OCR with tesseract chi_sim takes seconds a page.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from archivist.model import Extraction

CACHE_DIR = Path(os.environ.get("ARCHIVIST_BENCH_CACHE", "/tmp/archivist-bench-cache"))


def _ocr_image_bytes(data: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "page.png"
        from PIL import Image

        Image.open(io.BytesIO(data)).convert("L").save(src)
        out = subprocess.run(
            ["tesseract", str(src), "stdout", "-l", "chi_sim", "--psm", "6"],
            capture_output=True, text=True, timeout=300, check=False,
        )
        return out.stdout


def _ocr_pdf(path: Path) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "200", "-png", str(path), f"{tmp}/p"], check=False, timeout=300)
        texts = []
        for page in sorted(Path(tmp).glob("p*.png")):
            texts.append(_ocr_image_bytes(page.read_bytes()))
        return "\n".join(texts)


def _docx(path: Path) -> Extraction:
    import docx

    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts.append("\t".join(c.text for c in row.cells))
    title = d.core_properties.title or None
    return Extraction("docx", "\n".join(parts), title_hint=title)


def _xlsx(path: Path) -> Extraction:
    import openpyxl

    wb = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    lines, sheets = [], []
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows(values_only=True):
            cells = ["" if c is None else str(c) for c in row]
            if any(cells):
                rows.append(cells)
        header = next((r for r in rows if sum(1 for c in r if c) >= 3), [])
        sheets.append({"name": ws.title, "header": header, "rows": rows[:200]})
        lines.extend("\t".join(r) for r in rows)
    return Extraction("xlsx", "\n".join(lines), meta={"sheets": sheets})


def _txt(path: Path) -> Extraction:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return Extraction("text", raw.decode(enc))
        except UnicodeDecodeError:
            continue
    return Extraction("text", raw.decode("utf-8", "replace"))


def _pdf(path: Path) -> Extraction:
    import pypdf

    reader = pypdf.PdfReader(str(path))
    text = "\n".join((p.extract_text() or "") for p in reader.pages)
    title = None
    try:
        title = (reader.metadata or {}).get("/Title")
    except Exception:  # noqa: BLE001 - metadata is optional
        title = None
    if len(text.strip()) < 20:
        return Extraction("pdf", _ocr_pdf(path), title_hint=title, pages=len(reader.pages), ocr_used=True)
    return Extraction("pdf", text, title_hint=title, pages=len(reader.pages))


def _image(path: Path) -> Extraction:
    from PIL import Image

    img = Image.open(path)
    meta: dict[str, Any] = {}
    exif = img.getexif()
    xp_title = xp_comment = None
    if exif:
        sub = exif.get_ifd(0x8769)
        when = sub.get(36867) or exif.get(306)
        if when:
            meta["exif_date"] = str(when)[:10].replace(":", "-")
        for tag, key in ((0x9C9B, "xp_title"), (0x9C9C, "xp_comment")):
            val = exif.get(tag)
            if val:
                raw = bytes(val) if not isinstance(val, bytes) else val
                meta[key] = raw.decode("utf-16-le", "ignore").rstrip("\x00")
        xp_title, xp_comment = meta.get("xp_title"), meta.get("xp_comment")
    text = "\n".join(t for t in (xp_title, xp_comment) if t)
    ocr = ""
    if not xp_title:
        ocr = _ocr_image_bytes(path.read_bytes())
    return Extraction("image", "\n".join(t for t in (text, ocr) if t), title_hint=xp_title,
                      ocr_used=bool(ocr), meta=meta)


def _legacy(path: Path) -> Extraction:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", "docx",
             "--outdir", tmp, str(path)],
            capture_output=True, timeout=300, check=False,
        )
        out = next(Path(tmp).glob("*.docx"), None)
        if out is None:
            return Extraction("legacy", "")
        ext = _docx(out)
        ext.file_type = "legacy"
        return ext


def _fallback(path: Path) -> Extraction:
    head = path.read_bytes()[:8]
    if head.startswith(b"%PDF"):
        return _pdf(path)
    if head.startswith(b"\xff\xd8"):
        return _image(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _legacy(path)
    if head.startswith(b"PK"):
        return _xlsx(path) if path.suffix.lower() == ".xlsx" else _docx(path)
    return _txt(path)


def load(path: Path) -> Extraction:
    """Extract one file, preferring the project's extractor, cached by content hash."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    cached = CACHE_DIR / f"{digest}.json"
    if cached.exists():
        data = json.loads(cached.read_text(encoding="utf-8"))
        return Extraction(**data)
    try:
        from archivist.intake.extract import extract  # type: ignore[attr-defined]

        ext = extract(path)
    except Exception:  # noqa: BLE001 - fall back when the real extractor is missing or not ready
        ext = _fallback(path)
    cached.write_text(json.dumps(ext.to_dict(), ensure_ascii=False, default=str), encoding="utf-8")
    return ext
