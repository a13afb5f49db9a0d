"""The 卷内备考表 (volume note page) of a dossier, carrying the audit chain's head as an anchor.

DA/T 22 puts a 备考表 at the end of every volume: what the volume holds, its state, who compiled
and checked it. archivist adds the audit chain head at the moment the binder was made, so an
inspector who keeps the printed binder can later run `archivist verify --anchor SEQ:HASH` on the
archive and learn whether its history still contains what they were shown.

Without LibreOffice the page is written by :mod:`pdfpages` with a real text layer (Adobe's built-in
STSong-Light CID font), so it needs no installed font, and the anchor can be read back by
copy-paste or any text extractor.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .pdfpages import Page, write_pdf

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


def beikao_pdf(lines: Sequence[str], out: Path) -> Path:
    """One A4 page: the title centred, then the lines in a frame (with a real text layer)."""
    page = Page()
    page.text(page.width / 2, 760, TITLE, 22, align="center")
    page.lines(80, 700, lines, 12, leading=22)
    page.rect(70, 120, 455, 610)  # the table's frame
    return write_pdf([page], out, title=TITLE)
