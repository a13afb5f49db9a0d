"""Tiny PDF pages written by hand, and page numbers stamped onto an existing binder.

Two jobs need PDF text without LibreOffice or an installed font: the 卷内备考表 when LibreOffice is
missing (its chain anchor must still be readable by copy-paste), and the printed 页号 on every
evidence page of the dossier. Both use fonts every PDF reader has built in, so nothing is embedded:

* Chinese in Adobe's STSong-Light CID font with the UniGB-UTF16-H CMap (the reader supplies a Song
  face; text extraction works because the CMap is Unicode);
* digits in Helvetica (one of the standard 14), which is all a page number needs — and which keeps
  the binder's "every CJK font is embedded" property true.

Stamping does not merge an overlay page through pypdf's content-stream parser (slow on big scanned
pages): the original contents are wrapped in ``q … Q`` and one short stream per page is appended,
with the font added to the page's resources. That costs the same for a 40 MB scan as for a memo.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

A4 = (595.0, 842.0)
MM = 72 / 25.4

Face = Literal["cjk", "latin"]
_FONT_NAMES = {"cjk": "F1", "latin": "F2"}
STAMP_FONT = "ArchivistPageNo"  # resource name unlikely to clash with a page's own fonts
STAMP_PT = 12.0
STAMP_RIGHT_MM = 15.0  # DA/T 22: the 页号 goes in the top right corner of the page's front
STAMP_TOP_MM = 12.0
_HELVETICA_WIDTHS = {**dict.fromkeys("0123456789", 0.556), "-": 0.333, " ": 0.278}


def _utf16(text: str) -> str:
    return "<" + text.encode("utf-16-be").hex().upper() + ">"


def _latin(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"({escaped})"


def text_width(text: str, size: float, face: Face = "cjk") -> float:
    """Width in points: CJK glyphs are 1 em, Helvetica digits their AFM widths (others ≈ 0.6 em)."""
    if face == "latin":
        return sum(_HELVETICA_WIDTHS.get(ch, 0.6) for ch in text) * size
    return sum(1.0 if ord(ch) > 0x2E7F else 0.5 for ch in text) * size


@dataclass
class Page:
    """One page's drawing operations, in PDF points from the bottom-left corner."""

    width: float = A4[0]
    height: float = A4[1]
    ops: list[str] = field(default_factory=list)

    def text(self, x: float, y: float, text: str, size: float = 12, *, face: Face = "cjk",
             align: Literal["left", "center", "right"] = "left") -> None:
        if align != "left":
            w = text_width(text, size, face)
            x -= w / 2 if align == "center" else w
        shown = _utf16(text) if face == "cjk" else _latin(text)
        self.ops += ["BT", f"/{_FONT_NAMES[face]} {size:g} Tf", f"{x:.2f} {y:.2f} Td", f"{shown} Tj", "ET"]

    def lines(self, x: float, y: float, lines: Iterable[str], size: float = 12, leading: float = 22) -> None:
        """Lines one under another (an empty line is a blank one), starting at baseline ``y``."""
        for line in lines:
            if line:
                self.text(x, y, line, size)
            y -= leading

    def rect(self, x: float, y: float, w: float, h: float, line_width: float = 0.5) -> None:
        self.ops.append(f"{line_width:g} w {x:.2f} {y:.2f} {w:.2f} {h:.2f} re S")

    def content(self) -> bytes:
        return "\n".join(self.ops).encode("latin-1")


def font_objects(add: Any) -> dict[str, int]:
    """The CJK (STSong-Light, UniGB-UTF16-H) and Latin font objects, added through `add`; their numbers."""
    descriptor = add(
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
        "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"
    )
    cid_font = add(
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
        f"/FontDescriptor {descriptor} 0 R /DW 1000 >>"
    )
    cjk = add(
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H "
        f"/DescendantFonts [{cid_font} 0 R] >>"
    )
    latin = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    return {"cjk": cjk, "latin": latin}


def _info_string(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def pdf_bytes(pages: Sequence[Page], *, title: str | None = None) -> bytes:
    """A complete PDF of ``pages`` (at least one: an empty list gives one blank A4 page)."""
    objects: list[bytes] = []

    def add(obj: str | bytes) -> int:
        objects.append(obj.encode("latin-1") if isinstance(obj, str) else obj)
        return len(objects)

    catalog = add("")
    pages_obj = add("")
    fonts = font_objects(add)
    resources = (f"<< /Font << /{_FONT_NAMES['cjk']} {fonts['cjk']} 0 R "
                 f"/{_FONT_NAMES['latin']} {fonts['latin']} 0 R >> >>")
    kids = []
    for page in pages or [Page()]:
        stream = page.content()
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {page.width:g} {page.height:g}] "
                        f"/Resources {resources} /Contents {content} 0 R >>"))
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode("latin-1")
    refs = " ".join(f"{k} 0 R" for k in kids)
    objects[pages_obj - 1] = f"<< /Type /Pages /Kids [{refs}] /Count {len(kids)} >>".encode("latin-1")
    info = add(f"<< /Title {_info_string(title)} /Producer (archivist) >>" if title else "<< /Producer (archivist) >>")
    return serialize(objects, catalog, info)


def serialize(objects: list[bytes], catalog: int, info: int) -> bytes:
    """The bytes of a PDF whose numbered objects (1-based, in order) are given: header, bodies, xref, trailer."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, catalog, info, xref))
    return out.getvalue()


def write_pdf(pages: Sequence[Page], out: Path, *, title: str | None = None) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf_bytes(pages, title=title))
    return out


# ---------------------------------------------------------------------------------------------
# Page numbers on an existing binder
# ---------------------------------------------------------------------------------------------


def _stamp_ops(label: str, box: tuple[float, float, float, float], rotate: int) -> bytes:
    """Text ops printing ``label`` upright in the *visible* top-right corner of a page.

    A page with /Rotate is shown turned; the corner and the text direction are worked out in its
    unrotated user space so that the number reads upright where a clerk looks for it.
    """
    x0, y0, x1, y1 = box
    wide, high = (y1 - y0, x1 - x0) if rotate in (90, 270) else (x1 - x0, y1 - y0)
    u = wide - STAMP_RIGHT_MM * MM - text_width(label, STAMP_PT, "latin")  # in the page as shown
    v = high - STAMP_TOP_MM * MM - STAMP_PT
    if rotate == 90:
        matrix = (0, 1, -1, 0, x1 - v, y0 + u)
    elif rotate == 180:
        matrix = (-1, 0, 0, -1, x1 - u, y1 - v)
    elif rotate == 270:
        matrix = (0, -1, 1, 0, x0 + v, y1 - u)
    else:
        matrix = (1, 0, 0, 1, x0 + u, y0 + v)
    tm = " ".join(f"{m:.2f}" if isinstance(m, float) else str(m) for m in matrix)
    return (f"\nQ\nq 0 g BT /{STAMP_FONT} {STAMP_PT:g} Tf {tm} Tm {_latin(label)} Tj ET Q\n").encode("latin-1")


def stamp_page_numbers(writer: Any, labels: Iterable[tuple[int, str]]) -> int:
    """Print ``label`` on page ``index`` of a pypdf PdfWriter for each (index, label); returns the count.

    Labels are ASCII (digits): the stamp font is Helvetica, which needs no embedding.
    """
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

    def stream(data: bytes) -> Any:
        s = DecodedStreamObject()
        s.set_data(data)
        return writer._add_object(s)

    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    }))
    opening = stream(b"q\n")
    count = 0
    for index, label in labels:
        page = writer.pages[index]
        box = page.cropbox
        ops = _stamp_ops(label, (float(box.left), float(box.bottom), float(box.right), float(box.top)),
                         int(page.get("/Rotate", 0) or 0) % 360)
        raw = page.get(NameObject("/Contents"))
        contents = raw.get_object() if raw is not None else None
        if contents is None:
            items: list[Any] = []
        elif isinstance(contents, ArrayObject):
            items = list(contents)
        else:
            items = [raw]
        page[NameObject("/Contents")] = ArrayObject([opening, *items, stream(ops)])
        resources = page.get(NameObject("/Resources"))
        if resources is None:
            resources = DictionaryObject()
            page[NameObject("/Resources")] = resources
        resources = resources.get_object()
        fonts = resources.get(NameObject("/Font"))
        if fonts is None:
            fonts = DictionaryObject()
            resources[NameObject("/Font")] = fonts
        fonts.get_object()[NameObject("/" + STAMP_FONT)] = font
        count += 1
    return count
