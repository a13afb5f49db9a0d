"""Generate evidence fixture files with code (never read real files from /work/shared).

Every function writes one file at `path` and returns that path. Reusable by any test:

    from fixtures_gen import make_docx, make_photo           # tests/ is on sys.path under pytest
    make_docx(tmp_path / "通知.docx", "关于开展乡村振兴考核的通知", ["各乡镇：", "现将……"])

Formats: docx (python-docx), xlsx (openpyxl), pptx (hand-written parts), text PDFs (hand-written
PDF with the built-in STSong-Light CJK font, optionally RC4-encrypted with pypdf; or via
LibreOffice), image-only "scanned" PDFs (Chinese text rendered with Noto CJK by Pillow), JPEG
photos with EXIF date/GPS/XPTitle, text in any encoding, .doc/.xls via LibreOffice, HTML and RTF
saved as .doc, ZIPs with UTF-8/GBK/hostile member names, and deliberately hostile files (ZIP bombs,
entity bombs, decompression-bomb PNGs, truncated files).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import struct
import subprocess
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from archivist.generate.pdfpages import font_objects, serialize

CJK_FONT_FAMILY = "Noto Sans CJK SC"


# --- fonts and tools -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def cjk_font() -> tuple[str, int] | None:
    """(font file, face index) of an installed Simplified Chinese font, via fontconfig."""
    if shutil.which("fc-match"):
        out = subprocess.run(
            ["fc-match", "-f", "%{file}:%{index}", f"{CJK_FONT_FAMILY}:lang=zh-cn"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if out and ":" in out:
            file, index = out.rsplit(":", 1)
            if Path(file).exists() and ("CJK" in file or "zh" in file.lower() or "Noto" in file):
                return file, int(index or 0)
    for candidate in ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",):
        if Path(candidate).exists():
            return candidate, 2  # SC face in the Noto CJK collection
    return None


def load_cjk_font(size: int) -> Any:
    from PIL import ImageFont

    found = cjk_font()
    if found is None:
        raise RuntimeError("no CJK font installed (apt install fonts-noto-cjk)")
    return ImageFont.truetype(found[0], size=size, index=found[1])


def has_soffice() -> bool:
    return shutil.which("soffice") is not None


def has_tesseract_chi_sim() -> bool:
    if shutil.which("tesseract") is None:
        return False
    out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False)
    return "chi_sim" in (out.stdout + out.stderr).split()


@lru_cache(maxsize=1)
def _soffice_profile() -> Path:
    """One LibreOffice profile per test process: a fresh profile costs seconds on first start."""
    import atexit
    import os

    profile = Path(tempfile.gettempdir()) / f"archivist-fixture-lo-{os.getpid()}"
    atexit.register(shutil.rmtree, profile, True)
    return profile


def soffice_convert(src: Path, fmt: str, outdir: Path, timeout: float = 180) -> Path:
    """Convert with headless LibreOffice (private per-process profile); returns the converted file."""
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={_soffice_profile().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(src),
        ],
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    out = outdir / f"{src.stem}.{fmt.split(':', 1)[0]}"
    if not out.exists():
        raise RuntimeError(f"LibreOffice did not convert {src} to {fmt}")
    return out


# --- Office documents ----------------------------------------------------------------------------


def _set_east_asia_font(run: Any, name: str) -> None:
    """python-docx sets only w:ascii/w:hAnsi; Chinese text needs w:eastAsia as well."""
    from docx.oxml.ns import qn

    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def make_docx(
    path: Path,
    title: str,
    paragraphs: Sequence[str],
    table: Sequence[Sequence[str]] | None = None,
    header: str | None = None,
    footer: str | None = None,
    core_title: str | None = None,
    author: str | None = None,
    masthead: str | None = None,
    doc_number: str | None = None,
) -> Path:
    """A Word document shaped like a GB/T 9704 notice.

    Optional red-header masthead ("XX县乡村振兴局文件", centred, big) and document number above a
    centred bold 22 pt title; body paragraphs in 16 pt; an optional table after the body; header
    and footer text; core properties title/author.
    """
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    doc = Document()
    if masthead:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(masthead)
        run.bold = True
        run.font.size = Pt(36)
        run.font.color.rgb = RGBColor(0xE0, 0, 0)
        _set_east_asia_font(run, "方正小标宋简体")
    if doc_number:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(doc_number)
        run.font.size = Pt(16)
        _set_east_asia_font(run, "仿宋_GB2312")
    if title:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(title)
        run.bold = True
        run.font.size = Pt(22)
        _set_east_asia_font(run, "方正小标宋简体")
    for text in paragraphs:
        run = doc.add_paragraph().add_run(text)
        run.font.size = Pt(16)
        _set_east_asia_font(run, "仿宋_GB2312")
    if table:
        cols = max(len(row) for row in table)
        tbl = doc.add_table(rows=len(table), cols=cols)
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                tbl.cell(r, c).text = str(value)
        doc.add_paragraph()  # Word always ends the body with a paragraph; LibreOffice's .doc export needs it
    section = doc.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    if core_title is not None:
        doc.core_properties.title = core_title
    if author is not None:
        doc.core_properties.author = author
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def make_xlsx(
    path: Path,
    sheets: dict[str, Sequence[Sequence[Any]]] | Sequence[tuple[str, Sequence[Sequence[Any]]]],
    title: str | None = None,
) -> Path:
    """A workbook with one worksheet per (name, rows); cells may be str/int/float/date/None."""
    from openpyxl import Workbook

    items = list(sheets.items()) if isinstance(sheets, dict) else list(sheets)
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in items:
        ws = wb.create_sheet(title=name)
        for row in rows:
            ws.append(list(row))
    if title is not None:
        wb.properties.title = title
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))
    return path


def make_pptx(path: Path, slides: Sequence[Sequence[str]]) -> Path:
    """A minimal .pptx (just the parts identify/extract look at): one text box per slide."""
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    p_ns = "http://schemas.openxmlformats.org/presentationml/2006/main"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        zf.writestr("ppt/presentation.xml", f'<?xml version="1.0" encoding="UTF-8"?><p:presentation xmlns:p="{p_ns}"/>')
        for i, lines in enumerate(slides, start=1):
            paras = "".join(f"<a:p><a:r><a:t>{_xml_escape(line)}</a:t></a:r></a:p>" for line in lines)
            zf.writestr(
                f"ppt/slides/slide{i}.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><p:sld xmlns:p="{p_ns}" xmlns:a="{a}">'
                f"<p:cSld><p:spTree><p:sp><p:txBody>{paras}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>",
            )
    return path


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_doc(path: Path, title: str, paragraphs: Sequence[str], table: Sequence[Sequence[str]] | None = None) -> Path:
    """A real Word 97-2003 .doc (OLE2), made from a docx by LibreOffice. Needs soffice."""
    with tempfile.TemporaryDirectory(prefix="fixture-doc-") as tmp:
        src = make_docx(Path(tmp) / "source.docx", title, paragraphs, table=table)
        out = soffice_convert(src, "doc", Path(tmp) / "out")
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out, path)
    return path


def make_xls(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    """A real Excel 97-2003 .xls (OLE2), made from an xlsx by LibreOffice. Needs soffice."""
    with tempfile.TemporaryDirectory(prefix="fixture-xls-") as tmp:
        src = make_xlsx(Path(tmp) / "source.xlsx", sheets)
        out = soffice_convert(src, "xls", Path(tmp) / "out")
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out, path)
    return path


def make_html_doc(path: Path, title: str, paragraphs: Sequence[str], encoding: str = "utf-8") -> Path:
    """HTML as Word's "save as web page" writes it, usually under a .doc name."""
    body = "".join(f"<p>{_xml_escape(p)}</p>" for p in paragraphs)
    html = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">'
        f'<head><meta http-equiv="Content-Type" content="text/html; charset={encoding}">'
        f"<title>{_xml_escape(title)}</title></head><body><h1>{_xml_escape(title)}</h1>{body}</body></html>"
    )
    path.write_bytes(html.encode(encoding))
    return path


def make_html_xls(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    """HTML as Excel's "save as web page" writes it, usually under a .xls name."""
    body = "".join("<tr>" + "".join(f"<td>{_xml_escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    html = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">'
        '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
        f"<body><table>{body}</table></body></html>"
    )
    path.write_bytes(html.encode("utf-8"))
    return path


def make_fake_ole2(path: Path, stream_names: Sequence[str], size: int = 4096) -> Path:
    """An OLE2 compound-file skeleton whose directory names `stream_names` (e.g. 'EncryptedPackage'
    for a password-protected docx, 'WordDocument' for a .doc). Enough for sniffing, not for Office."""
    data = bytearray(size)
    data[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    for i, name in enumerate(["Root Entry", *stream_names]):
        offset = 512 + 128 * i
        raw = name.encode("utf-16-le") + b"\x00\x00"
        data[offset : offset + len(raw)] = raw
        struct.pack_into("<H", data, offset + 0x40, len(raw))
        data[offset + 0x42] = 5 if i == 0 else 2
    path.write_bytes(bytes(data))
    return path


def make_rtf(path: Path, text: str) -> Path:
    """RTF with Chinese written as \\uN? escapes (what WordPad and WPS produce)."""
    escaped = "".join(ch if ord(ch) < 128 else f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?" for ch in text)
    path.write_bytes(
        ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0 " + escaped + "\\par}").encode("ascii")
    )
    return path


# --- PDFs --------------------------------------------------------------------------------------


def _pdf_text_string(text: str) -> str:
    """A PDF text string (Info dictionary) as UTF-16BE hex with BOM."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def make_text_pdf(
    path: Path,
    pages: Sequence[str] | Sequence[Sequence[str]],
    title: str | None = None,
    author: str | None = None,
    user_password: str | None = None,
    owner_password: str | None = None,
) -> Path:
    """A PDF with a real text layer, written by hand: no LibreOffice needed, so it is fast.

    `pages` is a list of pages, each a list of lines (a plain list of strings is one page). Text
    uses Adobe's built-in STSong-Light CID font with the UniGB-UTF16-H CMap, which every PDF
    reader (and pypdf's text extraction) understands without an embedded font. With a password,
    the file is RC4-128 encrypted by pypdf (an empty user password + owner password gives the
    common "opens freely, printing restricted" file).
    """
    if all(isinstance(p, str) for p in pages):
        page_lines = [[str(p) for p in pages]]
    else:
        page_lines = [[p] if isinstance(p, str) else list(p) for p in pages]
    objects: list[bytes] = []

    def add(obj: str | bytes) -> int:
        objects.append(obj.encode("latin-1") if isinstance(obj, str) else obj)
        return len(objects)

    catalog = add("")  # filled in below once the page tree exists
    pages_obj = add("")
    font = font_objects(add)["cjk"]
    page_ids = []
    for lines in page_lines:
        ops = ["BT", "/F1 16 Tf", "72 770 Td", "24 TL"]
        for line in lines:
            ops.append(f"<{line.encode('utf-16-be').hex().upper()}> Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(
            add(
                f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 595 842] "
                f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode("latin-1")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects[pages_obj - 1] = f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode("latin-1")
    info_parts = []
    if title:
        info_parts.append(f"/Title {_pdf_text_string(title)}")
    if author:
        info_parts.append(f"/Author {_pdf_text_string(author)}")
    info_parts.append("/CreationDate (D:20240512093000+08'00')")
    info = add("<< " + " ".join(info_parts) + " >>")

    data = serialize(objects, catalog, info)
    if user_password is not None or owner_password is not None:
        data = _encrypt_pdf(data, user_password or "", owner_password or user_password or "owner")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _encrypt_pdf(data: bytes, user_password: str, owner_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    # RC4 needs no extra package; AES would need `cryptography`.
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_text_pdf_lo(path: Path, title: str, paragraphs: Sequence[str]) -> Path:
    """A text PDF as real offices make them: docx → PDF by LibreOffice (embedded CJK subset fonts)."""
    with tempfile.TemporaryDirectory(prefix="fixture-pdf-") as tmp:
        src = make_docx(Path(tmp) / "source.docx", title, paragraphs)
        out = soffice_convert(src, "pdf", Path(tmp) / "out")
        shutil.copyfile(out, path)
    return path


def render_text_image(
    lines: Sequence[str], size: tuple[int, int] = (1240, 1754), font_size: int = 48, margin: int = 100
) -> Any:
    """Black Chinese text on white, like a scanned page (greyscale Pillow image)."""
    from PIL import Image, ImageDraw

    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = load_cjk_font(font_size)
    y = margin
    for line in lines:
        draw.text((margin, y), line, fill=0, font=font)
        y += int(font_size * 1.8)
    return image


def make_scanned_pdf(path: Path, lines: Sequence[str], pages: int = 1, font_size: int = 48) -> Path:
    """An image-only PDF (no text layer): each page is a 150 dpi A4 'scan' of `lines`."""
    images = [render_text_image(lines, font_size=font_size) for _ in range(pages)]
    path.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(path, "PDF", resolution=150, save_all=True, append_images=images[1:])
    return path


# --- photos ------------------------------------------------------------------------------------


def _to_dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes_full = (value - degrees) * 60
    minutes = int(minutes_full)
    seconds = round((minutes_full - minutes) * 60, 4)
    return float(degrees), float(minutes), seconds


def make_photo(
    path: Path,
    date: str | dt.date | dt.datetime | None = None,
    gps: tuple[float, float] | None = None,
    xp_title: str | None = None,
    text_on_image: Sequence[str] | str | None = None,
    xp_comment: str | None = None,
    size: tuple[int, int] = (1024, 768),
    fmt: str = "JPEG",
) -> Path:
    """A JPEG (or PNG/TIFF via fmt) "site photo" with EXIF DateTimeOriginal, GPS and XPTitle/XPComment.

    `date` 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS' or a date/datetime. With `text_on_image` the
    picture is a sheet of paper with that Chinese text (for OCR); otherwise a colour gradient.
    """
    from PIL import Image

    if text_on_image:
        lines = [text_on_image] if isinstance(text_on_image, str) else list(text_on_image)
        image = render_text_image(lines, size=size, font_size=max(24, size[0] // 22), margin=size[0] // 16).convert(
            "RGB"
        )
    else:
        image = Image.linear_gradient("L").resize(size).convert("RGB")
    exif = Image.Exif()
    if date is not None:
        if isinstance(date, dt.datetime):
            stamp = date.strftime("%Y:%m:%d %H:%M:%S")
        elif isinstance(date, dt.date):
            stamp = date.strftime("%Y:%m:%d") + " 10:00:00"
        else:
            text = str(date).replace("-", ":")
            stamp = text if len(text) > 10 else text + " 10:00:00"
        exif[0x0132] = stamp  # DateTime (IFD0)
        exif_ifd = exif.get_ifd(0x8769)
        exif_ifd[36867] = stamp  # DateTimeOriginal
        exif_ifd[36868] = stamp  # DateTimeDigitized
    if gps is not None:
        lat, lon = gps
        gps_ifd = exif.get_ifd(0x8825)
        gps_ifd[0] = b"\x02\x03\x00\x00"
        gps_ifd[1] = "N" if lat >= 0 else "S"
        gps_ifd[2] = _to_dms(lat)
        gps_ifd[3] = "E" if lon >= 0 else "W"
        gps_ifd[4] = _to_dms(lon)
    if xp_title:
        exif[0x9C9B] = xp_title.encode("utf-16-le") + b"\x00\x00"
    if xp_comment:
        exif[0x9C9C] = xp_comment.encode("utf-16-le") + b"\x00\x00"
    exif[0x010F] = "Archivist"  # Make
    exif[0x0110] = "FixtureCam"  # Model
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, fmt, exif=exif.tobytes())
    return path


def make_bomb_png(path: Path, side: int = 20000) -> Path:
    """A 1-bit PNG of side x side pixels: a few kilobytes on disk, 400 megapixels when decoded.

    Written by hand (one zlib stream of zero rows) so that making it does not itself need 50 MB.
    """
    row = b"\x00" + b"\x00" * ((side + 7) // 8)  # filter byte + packed bits
    compressor = zlib.compressobj(9)
    chunks = [compressor.compress(row) for _ in range(side)]
    chunks.append(compressor.flush())
    idat = b"".join(chunks)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1-bit greyscale
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
    return path


# --- text --------------------------------------------------------------------------------------


def make_text_file(path: Path, text: str, encoding: str = "utf-8", bom: bool = False) -> Path:
    """`text` encoded as `encoding` ('gb18030', 'big5', 'utf-16-le', …); `bom` prepends the BOM.

    Note Python's 'utf-16' codec writes a BOM by itself; use 'utf-16-le' + bom=True to be explicit.
    """
    import codecs

    boms = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    data = text.encode(encoding)
    if bom:
        data = boms[encoding.lower()] + data
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- archives and hostile files ------------------------------------------------------------------


class _RawNameZipInfo(zipfile.ZipInfo):
    """A ZipInfo whose name is written in a legacy code page without the UTF-8 flag (as Chinese
    Windows' built-in zip does)."""

    encoding = "gbk"

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:  # noqa: N802 - overrides zipfile's private API
        return self.filename.encode(self.encoding), self.flag_bits & ~0x800


def make_zip(
    path: Path,
    members: dict[str, bytes | str] | Iterable[tuple[str, bytes | str]],
    name_encoding: str = "utf-8",
    symlinks: dict[str, str] | None = None,
) -> Path:
    """A ZIP with `members` {name: content}; names may be hostile ('../evil.txt', '/etc/x').

    `name_encoding` other than utf-8 writes names in that code page without the UTF-8 flag.
    `symlinks` {name: target} adds Unix symlink members.
    """
    items = list(members.items()) if isinstance(members, dict) else list(members)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in items:
            data = content.encode("utf-8") if isinstance(content, str) else content
            if name_encoding.lower().replace("-", "") in ("utf8",):
                info = zipfile.ZipInfo(name, date_time=(2024, 5, 12, 9, 30, 0))
            else:
                info = _RawNameZipInfo(name, date_time=(2024, 5, 12, 9, 30, 0))
                info.encoding = name_encoding
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            zf.writestr(info, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name, date_time=(2024, 5, 12, 9, 30, 0))
            info.create_system = 3  # Unix
            info.external_attr = 0o120777 << 16
            zf.writestr(info, target)
    return path


def _write_zeros_member(zf: zipfile.ZipFile, name: str, size: int) -> None:
    chunk = b"\x00" * (1024 * 1024)
    info = zipfile.ZipInfo(name, date_time=(2024, 5, 12, 9, 30, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    with zf.open(info, "w", force_zip64=size > 0x7FFFFFFF) as out:
        written = 0
        while written < size:
            out.write(chunk[: min(len(chunk), size - written)])
            written += len(chunk)


def make_zip_bomb(path: Path, size: int = 256 * 1024 * 1024, member: str = "数据.bin") -> Path:
    """A ZIP whose one member inflates to `size` bytes of zeros (~1000:1)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        _write_zeros_member(zf, member, size)
    return path


def make_docx_with_bomb(path: Path, size: int = 256 * 1024 * 1024) -> Path:
    """A valid docx plus an extra part that inflates to `size` bytes of zeros."""
    with tempfile.TemporaryDirectory(prefix="fixture-bomb-") as tmp:
        src = make_docx(Path(tmp) / "ok.docx", "关于开展考核的通知", ["正文内容。"])
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
            for item in zin.infolist():
                zout.writestr(item, zin.read(item.filename))
            _write_zeros_member(zout, "word/media/image1.bin", size)
    return path


BILLION_LAUGHS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
"""


def make_entity_bomb_docx(path: Path, part: str = "word/document.xml") -> Path:
    """A docx (or any OOXML, by `part`) whose part declares the billion-laughs entities."""
    with tempfile.TemporaryDirectory(prefix="fixture-lol-") as tmp:
        src = make_docx(Path(tmp) / "ok.docx", "关于开展考核的通知", ["正文内容。"])
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = BILLION_LAUGHS.encode("utf-8") if item.filename == part else zin.read(item.filename)
                zout.writestr(item, data)
    return path


def truncate_copy(src: Path, dest: Path, fraction: float = 0.5) -> Path:
    """The first `fraction` of `src` (an interrupted download / mail attachment)."""
    data = src.read_bytes()
    dest.write_bytes(data[: max(1, int(len(data) * fraction))])
    return dest


def insert_record(ws: Any, **fields: Any) -> str:
    """Insert one catalogue row directly (for logic tests that need no real file); returns its id.

    Defaults describe a filed C01 .docx; `fields` override any column.
    """
    import hashlib

    from archivist.catalogue import new_id, open_catalogue

    rid = fields.pop("id", None) or new_id()
    title = fields.get("title", "测试材料")
    record = {
        "id": rid, "status": "filed", "indicator": "C01", "original_name": f"{title}.docx",
        "sha256": hashlib.sha256(rid.encode()).hexdigest(), "size": 100, "file_type": "docx", "title": title,
        "doc_date": "2024-05-10", "kind": "", "text": "", "links": [], "meta": {},
    } | fields
    catalogue = open_catalogue(ws)
    try:
        with catalogue.transaction():
            catalogue.insert(record)
    finally:
        catalogue.close()
    return rid


def add_users(root: Path, people: dict[str, tuple[str, str, str]]) -> None:
    """Accounts in the workspace at `root`: name -> (role, unit, password), in one audited transaction."""
    from archivist.catalogue import open_catalogue
    from archivist.team.users import add_user
    from archivist.workspace import Workspace

    cat = open_catalogue(Workspace(root))
    try:
        with cat.transaction():
            for name, (role, unit, password) in people.items():
                add_user(cat, name, password, role, unit)
    finally:
        cat.close()
