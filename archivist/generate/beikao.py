"""The 卷内备考表 (volume note page) of a dossier, carrying the audit chain's head as an anchor.

DA/T 22 puts a 备考表 at the end of every volume: what the volume holds, its state, who compiled
and checked it. archivist adds the audit chain head at the moment the binder was made, so an
inspector who keeps the printed binder can later run `archivist verify --anchor SEQ:HASH` on the
archive and learn whether its history still contains what they were shown.

The page is written as a small PDF by hand with a real text layer (Adobe's built-in STSong-Light
CID font, UniGB-UTF16-H), so it needs neither LibreOffice nor an installed font, and the anchor
can be read back by copy-paste or any text extractor.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalogue import Catalogue

TITLE = "卷内备考表"


def anchor_text(catalogue: Catalogue) -> str:
    """The chain head as printed: "SEQ:HASH", or a note when nothing has been recorded yet."""
    head = catalogue.chain_head()
    return str(head) if head else "（审计日志为空）"


def beikao_lines(
    catalogue: Catalogue, *, documents: int, pages: int, not_bound: int, today: _dt.date
) -> list[str]:
    """The lines of the 备考表: the volume's contents, the anchor and how to check it, signatures.
    Other documents (a GB/T 9704 备考表 in the front matter) can print the same lines."""
    anchor = anchor_text(catalogue)
    lines = [
        "本卷情况说明：",
        f"　　本卷共编入佐证材料 {documents} 件，{pages} 页。",
    ]
    if not_bound:
        lines.append(f"　　另有 {not_bound} 件未编入，见卷内目录。")
    lines += [
        "",
        f"审计链锚点：{anchor}",
        "　　即生成本卷时档案审计日志的最新条目（序号:哈希前16位）。",
        f"　　核验方法：archivist verify --anchor {anchor}",
        "　　该条目仍在且哈希相同，说明本卷生成后档案的历史未被改写。",
        "",
        "立卷人：　　　　　　　　检查人：",
        f"立卷时间：{today.year}年{today.month}月{today.day}日",
    ]
    return lines


def _utf16(text: str) -> str:
    return "<" + text.encode("utf-16-be").hex().upper() + ">"


def beikao_pdf(lines: Sequence[str], out: Path) -> Path:
    """One A4 page: the title centred, then the lines (with a real text layer)."""
    objects: list[bytes] = []

    def add(obj: str | bytes) -> int:
        objects.append(obj.encode("latin-1") if isinstance(obj, str) else obj)
        return len(objects)

    catalog = add("")
    pages_obj = add("")
    descriptor = add(
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
        "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"
    )
    cid_font = add(
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
        f"/FontDescriptor {descriptor} 0 R /DW 1000 >>"
    )
    font = add(
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H "
        f"/DescendantFonts [{cid_font} 0 R] >>"
    )
    title_x = (595 - 22 * len(TITLE)) / 2
    ops = ["BT", "/F1 22 Tf", f"{title_x:.0f} 760 Td", f"{_utf16(TITLE)} Tj", "ET",
           "BT", "/F1 12 Tf", "80 700 Td", "22 TL"]
    for line in lines:
        ops.append(f"{_utf16(line)} Tj T*" if line else "T*")
    ops += ["ET", "0.5 w 70 120 455 610 re S"]  # the table's frame
    stream = "\n".join(ops).encode("latin-1")
    content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    page = add(
        f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 595 842] "
        f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"
    )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode("latin-1")
    objects[pages_obj - 1] = f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>".encode("latin-1")
    body = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        body += b"%010d 00000 n \n" % offset
    body += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(bytes(body))
    return out
