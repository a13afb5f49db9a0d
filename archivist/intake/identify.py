"""Stage 1 of intake: what a file *is*, decided by its bytes, never by its extension.

Units rename files freely: a photo saved as .pdf, an old .doc renamed to .docx, HTML that Word
"saved as" .doc, a ZIP named .rar. The extractor is picked from what this function returns:

    pdf, docx, xlsx, pptx, image, text, legacy, zip, empty, unknown

"legacy" covers everything LibreOffice must convert first: OLE2 compound files (.doc/.xls/.wps/.et
and password-protected OOXML, which is OLE2 too), RTF, HTML/MHTML and Word/Excel 2003 XML saved
with an Office extension, and OpenDocument (.odt/.ods).
"""

from __future__ import annotations

import os
import struct
import zipfile
from pathlib import Path

from archivist.intake.extract.text import detect_encoding, looks_printable
from archivist.regular_files import open_regular

SNIFF_BYTES = 64 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FILE_TYPES = ("pdf", "docx", "xlsx", "pptx", "image", "text", "legacy", "zip", "empty", "unknown")

_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif", b"avis"}
_BMP_DIB_SIZES = {12, 16, 40, 52, 56, 64, 108, 124}


def identify(path: Path) -> str:
    """Detected file type of `path` by content (see module docstring for the vocabulary)."""
    path = Path(path)
    with open_regular(path) as fh:  # never a FIFO or a device: the read could block or never end
        size = os.fstat(fh.fileno()).st_size
        if size == 0:
            return "empty"
        head = fh.read(SNIFF_BYTES)
    if _is_image(head):
        return "image"
    # %PDF- may be preceded by junk (mail gateways, some scanners); readers accept 1 KB of it.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(OLE2_MAGIC):
        return "legacy"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _identify_zip(path, head)
    if head.lstrip(b"\xef\xbb\xbf\r\n\t ").startswith(b"{\\rtf"):
        return "legacy"
    if _is_markup_office_document(head):
        return "legacy"
    found = detect_encoding(head, partial=size > len(head))
    if found is not None and looks_printable(found[0]):
        return "text"
    return "unknown"


def _is_image(head: bytes) -> bool:
    if head.startswith(b"\xff\xd8\xff"):  # JPEG
        return True
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return True
    if head.startswith((b"GIF87a", b"GIF89a")):
        return True
    if head.startswith((b"II*\x00", b"MM\x00*")):  # TIFF (fax-style multi-page scans too)
        return True
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return True
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:  # iPhone HEIC, AVIF
        return True
    if head[:2] == b"BM" and len(head) >= 18:
        # "BM" alone is too weak (a text file may start with it): check the header is sane.
        reserved = struct.unpack_from("<I", head, 6)[0]
        dib_size = struct.unpack_from("<I", head, 14)[0]
        return reserved == 0 and dib_size in _BMP_DIB_SIZES
    return False


def _is_markup_office_document(head: bytes) -> bool:
    """HTML, MHTML or Office 2003 XML — what 'Save as Web page/XML' in Word/Excel/WPS produces.

    Plain HTML is sent to LibreOffice too: it renders tables and strips markup, which a text
    reading of the tags would not.
    """
    start = head[:4096]
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            start = start.decode("utf-16").encode("utf-8", "replace")
        except UnicodeDecodeError:
            return False
    lowered = start.lstrip(b"\xef\xbb\xbf\r\n\t ").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<head", b"<meta")):
        return True
    if lowered.startswith(b"mime-version:") and b"multipart/related" in lowered:
        return True  # MHTML ("single file web page") saved as .doc
    if lowered.startswith(b"<?xml"):
        markers = (
            b"<html",
            b'progid="word.document"',
            b'progid="excel.sheet"',
            b"<w:worddocument",
            b"urn:schemas-microsoft-com:office:spreadsheet",
        )
        return any(marker in lowered for marker in markers)
    return False


def _identify_zip(path: Path, head: bytes) -> str:
    """OOXML and OpenDocument files are ZIPs; tell them from archives by their parts."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            mimetype = b""
            if "mimetype" in names:
                info = zf.getinfo("mimetype")
                if info.file_size < 200:
                    mimetype = zf.read("mimetype")
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        # Truncated or damaged: the central directory is gone, but local headers at the start still
        # name the first parts. Classify as the document it was meant to be, so that its extractor
        # reports "damaged Word file" rather than "damaged archive".
        return _ooxml_kind_from_local_headers(head) or "zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument."):
        return "legacy"
    if "OFD.xml" in names:
        # OFD (GB/T 33190, the Chinese e-document format) is a ZIP of XML pages: unpacking it
        # as an archive would file its parts as evidence. No extractor reads it yet.
        return "unknown"
    if "[Content_Types].xml" in names:
        # OOXML whose main part is not at the usual name (rare generators): decide by folder.
        for prefix, kind in (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx")):
            if any(name.startswith(prefix) for name in names):
                return kind
    return "zip"


def _ooxml_kind_from_local_headers(head: bytes) -> str | None:
    if b"[Content_Types].xml" not in head and b"_rels/.rels" not in head:
        return None
    for marker, kind in ((b"word/", "docx"), (b"xl/", "xlsx"), (b"ppt/", "pptx")):
        if marker in head:
            return kind
    return None
