"""The inspection dossier (迎检佐证材料汇编): one PDF binder with cover, 卷内目录, and every evidence file.

Inspectors page through a binder, not an archive tree. The binder is built from the same plan as the
归档文件目录 (:func:`catalogue_doc.build_groups`), so its 档号 and order match the printed catalogue:

1. plan — every filed record in scope, under its home indicator; a record that also serves another
   indicator in scope gets a second bookmark there (互见) instead of a second copy. Evidence dated
   outside the assessment year and quarantined files are *listed* (卷内目录, 未编入材料) but not bound.
2. convert — PDFs as they are; .docx/.doc/.xlsx/.xls/.txt through headless LibreOffice in batches
   (spreadsheets first made print-ready on a copy: :mod:`printready`),
   cached by content hash in index/cache/pdf (a warm run starts no soffice at all); photos become A4
   pages with their caption, date and 档号 (Pillow, cached too — no LibreOffice needed for photos).
3. front matter — cover and catalogue pages, written as GB/T 9704 .docx and rendered in one soffice
   start; they are made *after* conversion because the catalogue prints each item's 页数 and 页号.
4. assemble — pypdf: bookmarks category → indicator → document, page labels ("封面", "目录-1", then
   1, 2, 3 … for the evidence, matching the 页号 column), the same numbers printed in the top right
   corner of every evidence page (:mod:`pdfpages`), document properties.
5. write back — each bound record's 页数 goes into the catalogue, audited, under the writer lock
   (held only for that short write, so a long dossier never blocks an ingest). This happens once the
   pages are counted, before the front matter, so the 卷内备考表 (which closes the volume) prints the
   audit chain head that already includes them: a re-run with nothing changed prints the same anchor.

Without LibreOffice the binder is still made from what needs no conversion (PDFs, photos), with cover
and catalogue drawn by Pillow, and every skipped file is listed with the reason and what to install.

Evidence files are read through the workspace's EvidenceStore: on local disk the files themselves, from
S3 a copy checked against the catalogue's sha256 (a file that does not match is listed, not bound),
held until the binder is written.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import logging
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..leftovers import clean_after_killed_runs, owned_temp_dir
from ..storage import IntegrityMismatch, StoreError, open_store
from . import pagecount, printready, render
from .catalogue_doc import (
    EMPTY_TEXT,
    CatalogueEntry,
    IndicatorGroup,
    build_groups,
    fast_table,
    fitted_widths,
    group_heading,
    grouped_table,
    issuer,
    styled_line,
)
from .gongwen import FANGSONG, HEITI, XIAOBIAOSONG, GongwenDocument, format_cn_date
from .pdfpages import stamp_page_numbers

if TYPE_CHECKING:
    from PIL import ImageFont

    from ..catalogue import Catalogue
    from ..workspace import Workspace

log = logging.getLogger(__name__)

# Types LibreOffice turns into PDF (by the catalogue's detected file_type); text is staged as UTF-8.
OFFICE_TYPES = {"docx", "xlsx", "legacy", "pptx", "odt", "ods", "odp", "rtf", "doc", "xls", "ppt", "wps", "et"}
IMAGE_DPI = 150
A4_PX = (round(210 / 25.4 * IMAGE_DPI), round(297 / 25.4 * IMAGE_DPI))
PAGE_VERSION = b"image-page-v1"  # bump when the photo page layout changes: cached pages are redrawn
CATALOGUE_COLUMNS = ("序号", "档号", "文号", "责任者", "题名", "日期", "页数", "页号", "备注")
CATALOGUE_WIDTHS_MM = (10.0, 46.0, 22.0, 28.0, 0.0, 20.0, 10.0, 11.0, 20.0)

Progress = Callable[[str], None]


@dataclass
class Placed:
    """One bound document: where its pages sit in the binder."""

    entry: CatalogueEntry
    group: IndicatorGroup
    pdf: Path
    pages: int
    start: int = 0  # 0-based page index in the final PDF
    body_page: int = 0  # 1-based 页号 (the evidence part's own numbering, = page label)
    reader: Any = None  # the open PdfReader, parsed once for counting and binding


@dataclass
class Skipped:
    """A listed but unbound file, and why (one line a clerk can act on)."""

    id: str
    title: str
    indicator: str
    reason: str


@dataclass
class DossierResult:
    """What the dossier command reports: the file, counts, what was left out and how long it took."""

    out: Path
    pages: int = 0
    documents: int = 0
    body_pages: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    quarantined: list[Skipped] = field(default_factory=list)
    converted: int = 0  # office files converted by LibreOffice in this run
    cached: int = 0  # office files whose PDF came from the cache
    pages_updated: int = 0
    front_matter: str = "libreoffice"  # or "pillow" when LibreOffice was missing
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    anchor: str = ""  # audit chain head printed on the 卷内备考表 (SEQ:HASH)

    def to_json(self) -> dict[str, Any]:
        return {
            "out": str(self.out),
            "anchor": self.anchor,
            "pages": self.pages,
            "documents": self.documents,
            "body_pages": self.body_pages,
            "skipped": [s.__dict__ for s in self.skipped],
            "quarantined": [s.__dict__ for s in self.quarantined],
            "converted": self.converted,
            "cached": self.cached,
            "pages_updated": self.pages_updated,
            "front_matter": self.front_matter,
            "warnings": self.warnings,
            "seconds": round(self.seconds, 2),
        }


# ---------------------------------------------------------------------------------------------
# Fonts for Pillow-drawn pages
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def cjk_font_file(family: str = "Noto Sans CJK SC") -> tuple[str, int] | None:
    """(file, face index) of a Simplified Chinese font via fontconfig; None when there is none.

    The face index matters: Noto CJK ships as .ttc collections whose first face is the Japanese one.
    """
    tool = shutil.which("fc-match")
    if tool is None:
        return None
    try:
        out = subprocess.run([tool, "-f", "%{file}:%{index}", f"{family}:lang=zh-cn"], capture_output=True,
                             text=True, timeout=10, check=False).stdout.strip()
        listing = subprocess.run(["fc-list", ":lang=zh-cn", "family"], capture_output=True, text=True, timeout=10,
                                 check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    if not listing.strip() or ":" not in out:
        return None  # fc-match always answers something; without a zh-cn font that is a Latin face
    file, _, index = out.rpartition(":")
    return (file, int(index or 0)) if Path(file).is_file() else None


FONT_HINT = ("未找到中文字体：请安装 fonts-noto-cjk（apt-get install fonts-noto-cjk fonts-arphic-ukai），"
             "否则 PDF 中的中文会显示为方框。No CJK font found: install fonts-noto-cjk.")


def font_warning() -> str | None:
    """The one-line install hint when no Simplified Chinese font is installed, else None.

    LibreOffice and Pillow both fall back silently to a Latin face and print boxes; saying so up
    front is cheaper than an inspector discovering it in the binder.
    """
    return FONT_HINT if cjk_font_file() is None else None


def _font(size_px: int, family: str = "Noto Sans CJK SC") -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    found = cjk_font_file(family) or cjk_font_file()
    if found is None:
        return ImageFont.load_default()
    return ImageFont.truetype(found[0], size_px, index=found[1])


def _wrap(draw: Any, text: str, font: Any, width: int) -> list[str]:
    """Break text into lines of at most ``width`` px (character by character: Chinese has no spaces)."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for ch in para:
            if line and draw.textlength(line + ch, font=font) > width:
                lines.append(line)
                line = ch
            else:
                line += ch
        lines.append(line)
    return lines


def _mm(value: float) -> int:
    return round(value / 25.4 * IMAGE_DPI)


# ---------------------------------------------------------------------------------------------
# Photos as pages
# ---------------------------------------------------------------------------------------------


def image_page(src: Path, caption: str, details: str, cache_dir: Path | None, out_dir: Path) -> Path:
    """An A4 page (150 dpi) with the photo fitted inside GB/T 9704 margins and its caption below.

    Pillow only: photos are most of a dossier's pages in the field and must not need LibreOffice.
    The result is cached by the photo's bytes and the caption, so a warm dossier redraws nothing.
    """
    key_src = hashlib.sha256()
    with src.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            key_src.update(block)
    key_src.update(b"\0" + caption.encode() + b"\0" + details.encode() + b"\0" + PAGE_VERSION)
    key = key_src.hexdigest()
    if cache_dir is not None:
        cached = cache_dir / f"{key}.pdf"
        if cached.is_file() and cached.stat().st_size > 0:
            return cached
    from PIL import Image, ImageDraw, ImageOps

    width, height = A4_PX
    left, right, top, bottom = _mm(28), _mm(26), _mm(37), _mm(35)
    page = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(page)
    title_font, small_font = _font(_mm(5.6)), _font(_mm(4.2))  # ≈ 16 pt and 12 pt
    text_w = width - left - right
    title_lines = _wrap(draw, caption, title_font, text_w)[:3]
    detail_lines = _wrap(draw, details, small_font, text_w)[:2] if details else []
    caption_h = len(title_lines) * _mm(8) + len(detail_lines) * _mm(6) + _mm(6)
    box_w, box_h = text_w, height - top - bottom - caption_h
    with Image.open(src) as im:
        im.draft("RGB", (box_w, box_h))  # JPEG: decode at reduced size, a 40 MP photo stays small
        im = ImageOps.exif_transpose(im)
        im = im.convert("RGB")
        scale = min(box_w / im.width, box_h / im.height, 3.0)
        size = (max(1, int(im.width * scale)), max(1, int(im.height * scale)))
        im = im.resize(size, Image.Resampling.LANCZOS)
        x = left + (box_w - size[0]) // 2
        page.paste(im, (x, top))
        draw.rectangle([x - 1, top - 1, x + size[0], top + size[1]], outline=(160, 160, 160))
        y = top + size[1] + _mm(6)
    for line in title_lines:
        w = draw.textlength(line, font=title_font)
        draw.text((left + (text_w - w) / 2, y), line, fill="black", font=title_font)
        y += _mm(8)
    for line in detail_lines:
        w = draw.textlength(line, font=small_font)
        draw.text((left + (text_w - w) / 2, y), line, fill=(60, 60, 60), font=small_font)
        y += _mm(6)
    target_dir = cache_dir or out_dir
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{key}.pdf"
    tmp = target_dir / f".{key}.{os.getpid()}.tmp"
    page.save(tmp, "PDF", resolution=float(IMAGE_DPI), quality=85)
    os.replace(tmp, target)
    return target


def text_pages(blocks: Sequence[tuple[str, str]], out: Path, *, landscape: bool = False) -> Path:
    """Plain pages drawn by Pillow — the cover and catalogue when LibreOffice is not installed.

    ``blocks`` are (style, text) with style "title", "heading" or "body". Crude next to the GB/T 9704
    pages LibreOffice renders, but readable, and the binder still has its front matter.
    """
    from PIL import Image, ImageDraw

    width, height = (A4_PX[1], A4_PX[0]) if landscape else A4_PX
    left, right, top, bottom = (_mm(35), _mm(37), _mm(28), _mm(26)) if landscape else (_mm(28), _mm(26), _mm(37),
                                                                                        _mm(35))
    fonts = {"title": (_font(_mm(7.7), "Noto Serif CJK SC"), _mm(12)), "heading": (_font(_mm(5.6)), _mm(9)),
             "body": (_font(_mm(4.2)), _mm(6.5))}
    pages: list[Any] = []
    page = draw = None
    y = 0

    def new_page() -> None:
        nonlocal page, draw, y
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        pages.append(page)
        y = top

    new_page()
    for style, text in blocks:
        font, pitch = fonts.get(style, fonts["body"])
        assert draw is not None
        for line in _wrap(draw, text, font, width - left - right):
            if y + pitch > height - bottom:
                new_page()
                assert draw is not None
            x = left
            if style == "title":
                x = left + (width - left - right - draw.textlength(line, font=font)) / 2
            draw.text((x, y), line, fill=0, font=font)
            y += pitch
        y += pitch // 3
    out.parent.mkdir(parents=True, exist_ok=True)
    pages[0].save(out, "PDF", resolution=float(IMAGE_DPI), save_all=True, append_images=pages[1:])
    return out


# ---------------------------------------------------------------------------------------------
# Plan
# ---------------------------------------------------------------------------------------------


def _plan(groups: list[IndicatorGroup]) -> tuple[dict[str, tuple[IndicatorGroup, CatalogueEntry]], list[Skipped]]:
    """Where each record is bound: its home indicator if in scope, else the first indicator listing it."""
    home: dict[str, tuple[IndicatorGroup, CatalogueEntry]] = {}
    skipped: dict[str, Skipped] = {}
    for g in groups:
        for e in g.entries:
            if e.excluded:
                skipped.setdefault(e.id, Skipped(e.id, e.title, g.code, e.excluded))
                continue
            if not e.cross_ref:
                home[e.id] = (g, e)
    for g in groups:
        for e in g.entries:
            if not e.excluded and e.id not in home:
                home[e.id] = (g, e)
    return home, list(skipped.values())


def _caption(entry: CatalogueEntry) -> tuple[str, str]:
    record = entry.record
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    date = record.get("doc_date") or meta.get("exif_date")
    bits = []
    if date:
        try:
            bits.append("拍摄日期：" + format_cn_date(_dt.date.fromisoformat(str(date)[:10])))
        except ValueError:
            pass
    if entry.unit:
        bits.append(f"责任者：{entry.unit}")
    if entry.archive_no:
        bits.append(f"档号：{entry.archive_no}")
    return entry.title, "　".join(bits)


def convert_parallel(sources: list[Path], out_dir: Path, cache: Path | None,
                     workers: int | None = None) -> render.BatchResult:
    """``render.to_pdf_many`` over several soffice processes at once.

    One soffice converts on one core; a county dossier has hundreds of Word/Excel files, so the
    uncached ones are split over up to ``workers`` (default: CPUs, at most 4 — each soffice holds
    ~200 MB) concurrent calls, each with its own LibreOffice profile (render lends them out) and its
    own output folder (two sources may share a file name). Cached files cost nothing either way.
    """
    todo = [s for s in sources if cache is None or not (cache / f"{render._cache_key(s)}.pdf").is_file()]
    workers = workers or min(os.cpu_count() or 1, 4)
    workers = max(1, min(workers, -(-len(todo) // 8) if todo else 1))  # at least 8 files per soffice start
    if workers == 1:
        return render.to_pdf_many(sources, out_dir, cache)
    from concurrent.futures import ThreadPoolExecutor

    done = [s for s in sources if s not in set(todo)]
    chunks = [todo[i::workers] for i in range(workers)]
    chunks[0] = [*done, *chunks[0]]
    merged = render.BatchResult()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda ic: render.to_pdf_many(ic[1], out_dir / f"w{ic[0]}", cache),
                                enumerate(chunks)))
    for result in results:
        merged.update(result)
        merged.failed.update(result.failed)
    return merged


def _print_key(path: Path) -> str:
    """Cache key of a spreadsheet's print-ready PDF: its own bytes plus the print setup's version."""
    return hashlib.sha256(f"{render._cache_key(path)}\0{printready.PRINT_VERSION}".encode()).hexdigest()


def _convert(
    ws: Workspace,
    catalogue: Catalogue,
    home: dict[str, tuple[IndicatorGroup, CatalogueEntry]],
    work: Path,
    result: DossierResult,
    progress: Progress,
    files: ExitStack,
) -> dict[str, Path]:
    """Evidence id → a PDF of it; whatever cannot be converted is added to ``result.skipped``.

    Each evidence file is opened as a local file in ``files`` (held by the caller until the binder is
    written: the PDFs are read again when it is assembled)."""
    pdfs: dict[str, Path] = {}
    store = open_store(ws)
    office: dict[Path, str] = {}
    stage = work / "stage"
    stage.mkdir(parents=True, exist_ok=True)
    image_cache = ws.cache_dir / "pages"
    cache = ws.cache_dir / "pdf"
    print_keys: dict[Path, str] = {}  # print-ready copy → the cache key of its original
    for eid, (g, e) in home.items():
        record = e.record
        rel = record.get("archive_path")
        try:
            path = files.enter_context(store.local_path(rel, record.get("sha256"))) if rel else None
        except FileNotFoundError:
            path = None
        except IntegrityMismatch:
            reason = f"文件内容与目录记录不符（{rel}）：请运行 archivist verify"
            result.skipped.append(Skipped(eid, e.title, g.code, reason))
            continue
        except StoreError as exc:
            result.skipped.append(Skipped(eid, e.title, g.code, str(exc)))
            continue
        if path is None:
            result.skipped.append(Skipped(eid, e.title, g.code, f"归档文件不存在（{rel}）：请运行 archivist verify"))
            continue
        ftype = (record.get("file_type") or "").lower()
        if ftype == "pdf":
            pdfs[eid] = path
        elif ftype == "image":
            title, details = _caption(e)
            try:
                pdfs[eid] = image_page(path, title, details, image_cache, work / "pages")
            except Exception as exc:  # noqa: BLE001 - one unreadable photo must not stop the binder
                result.skipped.append(Skipped(eid, e.title, g.code, f"照片无法读取（{type(exc).__name__}）"))
        elif ftype == "text":
            full = catalogue.get(eid) or {}
            staged = stage / f"{record.get('sha256') or eid}.txt"
            staged.write_text("\ufeff" + (full.get("text") or ""), encoding="utf-8")
            office[staged] = eid
        elif path.suffix.lower() in printready.SUFFIXES:
            key = _print_key(path)
            cached = cache / f"{key}.pdf"
            if cached.is_file() and cached.stat().st_size > 0:
                pdfs[eid] = cached
                result.cached += 1
                continue
            ready = printready.print_ready_copy(path, stage / f"{key}{path.suffix.lower()}")
            office[ready or path] = eid
            if ready is not None:
                print_keys[ready] = key
        elif ftype in OFFICE_TYPES or path.suffix.lower().lstrip(".") in OFFICE_TYPES:
            office[path] = eid
        else:
            result.skipped.append(Skipped(eid, e.title, g.code, f"无法编入PDF的文件类型（{ftype or path.suffix}）"))
    if office:
        already = {src for src in office if (cache / f"{render._cache_key(src)}.pdf").is_file()}
        progress(f"转换 {len(office)} 个文件（其中 {len(already)} 个已有缓存）")
        try:
            converted = convert_parallel(list(office), work / "converted", cache)
        except render.RenderUnavailable as exc:
            result.warnings.append(str(exc))
            for eid in office.values():
                g, e = home[eid]
                result.skipped.append(Skipped(eid, e.title, g.code,
                                              "未安装 LibreOffice，无法转换（apt-get install libreoffice-writer-nogui"
                                              " libreoffice-calc-nogui）"))
            return pdfs
        for src, eid in office.items():
            if src in converted and src in print_keys:
                # cached under the original's bytes: a warm run need not redo the print setup
                copy_key = render._cache_key(src)
                pdfs[eid] = render._store(converted[src], cache, print_keys[src])
                (cache / f"{copy_key}.pdf").unlink(missing_ok=True)
                result.converted += 1
            elif src in converted:
                pdfs[eid] = converted[src]
                if src in already:
                    result.cached += 1
                else:
                    result.converted += 1
            else:
                g, e = home[eid]
                reason = converted.failed.get(src, "LibreOffice 未生成PDF")
                result.skipped.append(Skipped(eid, e.title, g.code, f"转换失败：{reason}"))
    return pdfs


# ---------------------------------------------------------------------------------------------
# Front matter
# ---------------------------------------------------------------------------------------------


def dossier_title(ws: Workspace, groups: Sequence[IndicatorGroup], indicator: str | None) -> list[str]:
    """The binder's title as cover lines: county / year / scope / 佐证材料汇编 (/ the indicator).

    Broken by meaning rather than by a line-breaking algorithm: a cover reads best one idea a line.
    """
    names = list(dict.fromkeys(g.framework_name for g in groups)) or ["乡村振兴考核"]
    lines = [ws.config.county, f"{ws.config.year}年度{'和'.join(names)}", "佐证材料汇编"]
    if indicator and groups:
        lines.append(f"（{groups[0].label}）")
    return lines


def _save_reproducible(doc: GongwenDocument, out: Path, today: _dt.date) -> Path:
    """Save with fixed timestamps so the same content gives the same bytes.

    The front matter is rendered through the content-addressed PDF cache like the evidence: when
    nothing changed since the last dossier, not even the cover needs a LibreOffice start.
    """
    import zipfile

    stamp = _dt.datetime.combine(today, _dt.time())
    props = doc.document.core_properties
    props.created = props.modified = stamp
    doc.save(out)
    with zipfile.ZipFile(out) as zin:
        items = [(info.filename, zin.read(info.filename)) for info in zin.infolist()]
    tmp = out.with_name(out.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zout:
        for name, blob in items:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, blob)
    os.replace(tmp, out)
    return out


def _cover_docx(ws: Workspace, title_lines: list[str], summary: list[str], out: Path, today: _dt.date) -> Path:
    doc = GongwenDocument(page_numbers="none")
    for _ in range(4):
        doc.blank_line()
    for line in title_lines:
        styled_line(doc, line, XIAOBIAOSONG, 26, align="center")
    for _ in range(6):
        doc.blank_line()
    for line in summary:
        styled_line(doc, line, FANGSONG, 16, align="center")
    doc.blank_line()
    styled_line(doc, f"编制单位：{issuer(ws)}", FANGSONG, 16, align="center")
    styled_line(doc, f"编制日期：{format_cn_date(today)}", FANGSONG, 16, align="center")
    return _save_reproducible(doc, out, today)


def _beikao_docx(lines: Sequence[str], out: Path, today: _dt.date) -> Path:
    """The 卷内备考表 as a GB/T 9704 page (fonts embedded like the rest of the front matter)."""
    from .beikao import TITLE

    doc = GongwenDocument(page_numbers="none")
    styled_line(doc, TITLE, XIAOBIAOSONG, 22, align="center")
    doc.blank_line()
    for line in lines:
        if line:
            styled_line(doc, line, FANGSONG, 14, align="left")
        else:
            doc.blank_line()
    return _save_reproducible(doc, out, today)


def _catalogue_rows(g: IndicatorGroup, placed: dict[str, Placed], skipped: dict[str, Skipped]) -> list[list[object]]:
    rows: list[list[object]] = []
    for e in g.entries:
        p = placed.get(e.id)
        note = e.note
        if p is None and e.id in skipped:
            note = "未编入：" + skipped[e.id].reason.split("（")[0].split("：")[0]
        elif p is not None and p.group is not g:
            note = f"互见，见第{p.body_page}页"
        pages = p.pages if p is not None else ("" if e.pages is None else e.pages)
        start = p.body_page if p is not None and p.group is g else ""
        rows.append([e.seq, e.archive_no, e.doc_number, e.unit, e.title, e.date8, pages, start, note])
    return rows


def _catalogue_docx(ws: Workspace, title: str, groups: Sequence[IndicatorGroup], placed: dict[str, Placed],
                    skipped: list[Skipped], quarantined: list[Skipped], out: Path, today: _dt.date) -> Path:
    doc = GongwenDocument(landscape=True)
    doc.title("卷内目录")
    styled_line(doc, title, FANGSONG, 12, align="center")
    by_id = {s.id: s for s in skipped}
    listed = [g for g in groups if g.entries]
    rows = {g.code: _catalogue_rows(g, placed, by_id) for g in listed}
    widths = fitted_widths(doc, CATALOGUE_WIDTHS_MM, CATALOGUE_COLUMNS, (r for rs in rows.values() for r in rs))
    aligns = ["center", "left", "left", "left", "left", "center", "center", "center", "left"]
    if not listed:
        styled_line(doc, f"{EMPTY_TEXT}。", FANGSONG, 16, align="center")
    else:
        grouped_table(doc, CATALOGUE_COLUMNS, [(group_heading(g), rows[g.code]) for g in listed],
                      col_widths_mm=widths, font_size_pt=10.5, align=aligns)
    if skipped or quarantined:
        styled_line(doc, "未编入材料", HEITI, 14, keep_with_next=True)
        left_out = [[i, s.indicator, s.title, s.reason] for i, s in enumerate([*skipped, *quarantined], start=1)]
        fast_table(doc, ["序号", "指标", "题名 / 文件", "原因"], left_out,
                   col_widths_mm=[10, 20, 90, doc.text_width_mm - 120], font_size_pt=10.5,
                   align=["center", "center", "left", "left"])
    return _save_reproducible(doc, out, today)


def _front_matter_pillow(ws: Workspace, title: str, summary: list[str], groups: Sequence[IndicatorGroup],
                         placed: dict[str, Placed], skipped: list[Skipped], quarantined: list[Skipped],
                         work: Path, today: _dt.date) -> tuple[Path, Path]:
    cover = text_pages([("body", "")] * 6 + [("title", title)] + [("body", "")] * 6
                       + [("title", s) for s in summary]
                       + [("body", f"编制单位：{issuer(ws)}"), ("body", f"编制日期：{format_cn_date(today)}")],
                       work / "cover-pillow.pdf")
    blocks: list[tuple[str, str]] = [("title", "卷内目录"), ("body", title)]
    by_id = {s.id: s for s in skipped}
    for g in groups:
        if not g.entries:
            continue
        blocks.append(("heading", f"{g.label}（{g.framework_name}）"))
        for row in _catalogue_rows(g, placed, by_id):
            seq, number, doc_no, unit, t, date, pages, start, note = row
            bits = [f"{seq}. {number}", str(t), str(doc_no), str(unit), str(date),
                    f"{pages}页" if pages else "", f"第{start}页" if start else "", str(note)]
            blocks.append(("body", "  ".join(b for b in bits if b and b != "None")))
    if skipped or quarantined:
        blocks.append(("heading", "未编入材料"))
        blocks += [("body", f"{s.indicator} {s.title}：{s.reason}") for s in [*skipped, *quarantined]]
    if len(blocks) == 2:
        blocks.append(("body", f"{EMPTY_TEXT}。"))
    catalogue_pdf = text_pages(blocks, work / "catalogue-pillow.pdf", landscape=True)
    return cover, catalogue_pdf


# ---------------------------------------------------------------------------------------------
# The binder
# ---------------------------------------------------------------------------------------------


def _quarantined(catalogue: Catalogue) -> list[Skipped]:
    return [Skipped(r["id"], r.get("original_name") or r["id"], "隔离", r.get("reason") or "已隔离")
            for r in catalogue.records(status="quarantined")]


def _open_pdf(path: Path) -> Any:
    """A PdfReader ready to copy pages from; an encrypted PDF is opened only with an empty password."""
    from pypdf import PdfReader

    reader = PdfReader(str(path), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("PDF 已加密，需要密码")
    return reader


def build_dossier(
    ws: Workspace,
    catalogue: Catalogue,
    out: Path,
    *,
    indicator: str | None = None,
    framework: str | None = None,
    today: _dt.date | None = None,
    progress: Progress | None = None,
    write_back: bool = True,
) -> DossierResult:
    """Build the binder at ``out`` (written atomically) and return what went in and what did not."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.constants import PageLabelStyle

    started = time.perf_counter()
    say: Progress = progress or (lambda _msg: None)
    today = today or _dt.date.today()
    groups = build_groups(ws, catalogue, indicator=indicator, framework=framework)
    result = DossierResult(out=out)
    home, date_skipped = _plan(groups)
    result.skipped.extend(date_skipped)
    result.quarantined = _quarantined(catalogue) if not indicator else []
    if (hint := font_warning()) is not None:
        result.warnings.append(hint)
    unsorted = catalogue.evidence.count("unsorted")
    if unsorted and not indicator:
        result.warnings.append(f"待分类材料 {unsorted} 件未编入：请先用 archivist assign 归入指标")
    title_lines = dossier_title(ws, groups, indicator)
    title = "".join(title_lines)

    for line in clean_after_killed_runs(ws.cache_dir):  # what a killed dossier left: its temp folder, soffice
        say(line)
    with owned_temp_dir("archivist-dossier-") as tmp, ExitStack() as files:
        work = Path(tmp)
        say(f"编入 {len(home)} 件材料")
        pdfs = _convert(ws, catalogue, home, work, result, say, files)

        # Count pages and fix each document's place in the evidence part.
        placed: dict[str, Placed] = {}
        body = 0
        for g in groups:
            for e in g.entries:
                if e.id not in pdfs or e.id in placed or home.get(e.id, (None, None))[0] is not g:
                    continue
                try:
                    reader = _open_pdf(pdfs[e.id])
                    n = len(reader.pages)
                except Exception as exc:  # noqa: BLE001 - a damaged PDF is listed, not fatal
                    result.skipped.append(Skipped(e.id, e.title, g.code, f"PDF无法读取（{type(exc).__name__}: {exc}）"))
                    continue
                if n == 0:
                    result.skipped.append(Skipped(e.id, e.title, g.code, "PDF没有页面"))
                    continue
                placed[e.id] = Placed(e, g, pdfs[e.id], n, body_page=body + 1, reader=reader)
                body += n
        result.body_pages = body
        result.documents = len(placed)
        pagecount.remember(ws, {p.entry.record.get("sha256") or "": p.pages for p in placed.values()})
        if write_back:
            # before the front matter: the 备考表's chain anchor then covers the page counts it prints
            result.pages_updated = write_page_counts(ws, catalogue, {eid: p.pages for eid, p in placed.items()})

        summary = [f"共{len(placed)}件　{body}页"]
        if result.skipped or result.quarantined:
            summary.append(f"另有{len(result.skipped) + len(result.quarantined)}件未编入（见卷内目录）")
        say("生成封面和卷内目录")
        cover_docx = _cover_docx(ws, title_lines, summary, work / "front" / "封面.docx", today)
        cat_docx = _catalogue_docx(ws, title, groups, placed, result.skipped, result.quarantined,
                                   work / "front" / "卷内目录.docx", today)
        from .beikao import anchor_text, beikao_lines, beikao_pdf

        result.anchor = anchor_text(catalogue)
        note_lines = beikao_lines(catalogue, documents=len(placed), pages=body,
                                  not_bound=len(result.skipped) + len(result.quarantined), today=today)
        beikao_docx = _beikao_docx(note_lines, work / "front" / "卷内备考表.docx", today)
        try:
            front = render.to_pdf_many([cover_docx, cat_docx, beikao_docx], work / "front-pdf", ws.cache_dir / "pdf")
            if cover_docx not in front or cat_docx not in front or beikao_docx not in front:
                raise render.RenderError("; ".join(front.failed.values()) or "no PDF")
            cover_pdf, cat_pdf, beikao_file = front[cover_docx], front[cat_docx], front[beikao_docx]
        except (render.RenderUnavailable, render.RenderError) as exc:
            if isinstance(exc, render.RenderUnavailable) and str(exc) not in result.warnings:
                result.warnings.append(str(exc))
            result.front_matter = "pillow"
            cover_pdf, cat_pdf = _front_matter_pillow(ws, title, summary, groups, placed, result.skipped,
                                                      result.quarantined, work, today)
            # a real text layer (standard CJK font, not embedded) so the anchor can still be read back
            beikao_file = beikao_pdf(note_lines, work / "front" / "卷内备考表.pdf")

        say("装订PDF")
        writer = PdfWriter()
        for page in PdfReader(str(cover_pdf)).pages:
            writer.add_page(page)
        n_cover = len(writer.pages)
        for page in PdfReader(str(cat_pdf)).pages:
            writer.add_page(page)
        n_front = len(writer.pages)
        for p in sorted(placed.values(), key=lambda p: p.body_page):
            p.start = n_front + p.body_page - 1
            for page in p.reader.pages:
                writer.add_page(page)
            p.reader = None  # the writer holds what it needs

        # 卷内备考表 closes the volume (DA/T 22), with the audit chain head as an anchor
        n_beikao = len(writer.pages)
        for page in PdfReader(str(beikao_file)).pages:
            writer.add_page(page)

        # Bookmarks: 封面, 卷内目录, then category → indicator → document.
        writer.add_outline_item(title="封面", page_number=0)
        writer.add_outline_item(title="卷内目录", page_number=n_cover)
        several = len({g.framework_id for g in groups}) > 1
        cat_items: dict[tuple[str, str], Any] = {}
        for g in groups:
            docs = [placed[e.id] for e in g.entries if e.id in placed]
            if not docs:
                continue
            first = min(d.start for d in docs)
            key = (g.framework_id, g.category_code)
            if key not in cat_items:
                label = f"{g.category_code} {g.category_name}"
                cat_items[key] = writer.add_outline_item(
                    title=f"{g.framework_name}·{label}" if several else label, page_number=first, is_open=False)
            parent = writer.add_outline_item(title=g.label, page_number=first, parent=cat_items[key], is_open=False)
            for e in g.entries:
                d = placed.get(e.id)
                if d is None:
                    continue
                name = f"{e.archive_no} {e.title}" if d.group is g else f"（互见）{e.archive_no} {e.title}"
                writer.add_outline_item(title=name, page_number=d.start, parent=parent)
        writer.add_outline_item(title="卷内备考表", page_number=n_beikao)

        # Page labels: the viewer's page box shows 封面 / 目录-1 / 1 … = the 页号 of the catalogue.
        writer.set_page_label(0, n_cover - 1, prefix="封面")
        if n_front > n_cover:
            writer.set_page_label(n_cover, n_front - 1, style=PageLabelStyle.DECIMAL, prefix="目录-", start=1)
        if n_beikao > n_front:
            writer.set_page_label(n_front, n_beikao - 1, style=PageLabelStyle.DECIMAL, start=1)
        writer.set_page_label(n_beikao, len(writer.pages) - 1, prefix="备考表")
        # The printed 页号 (top right, DA/T 22) = the page label = the 页号 column of the 卷内目录. The
        # front matter carries its own GB/T 9704 footer numbers; cover and 备考表 are single sheets.
        stamp_page_numbers(writer, ((i, str(i - n_front + 1)) for i in range(n_front, n_beikao)))
        writer.add_metadata({"/Title": title, "/Author": issuer(ws), "/Creator": "archivist",
                             "/Subject": f"{ws.config.county}{ws.config.year}年度乡村振兴考核佐证材料"})
        writer.page_mode = "/UseOutlines"
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp_out = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        with tmp_out.open("wb") as fh:
            writer.write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_out, out)
        result.pages = len(writer.pages)

    result.seconds = time.perf_counter() - started
    return result


def write_page_counts(ws: Workspace, catalogue: Catalogue, pages: dict[str, int]) -> int:
    """Record 页数 in the catalogue for records whose count changed; one audit entry each.

    The writer lock is taken only here, briefly: building a binder may take minutes and must not
    stop the watcher from filing what arrives meanwhile.
    """
    current = {r["id"]: r.get("pages") for r in catalogue.records(status="filed")}
    changes = {eid: n for eid, n in pages.items() if eid in current and current[eid] != n}
    if not changes:
        return 0
    with ws.writer_lock(what="dossier pages"), catalogue.transaction():
        for eid, n in changes.items():
            catalogue.update(eid, pages=n)
            catalogue.audit("pages", eid, {"pages": n, "before": current[eid], "source": "dossier"})
    return len(changes)
