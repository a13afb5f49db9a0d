"""Spreadsheets made print-ready before LibreOffice renders them into the dossier.

A ledger as a unit sends it is set up for the screen: LibreOffice prints such a sheet at 100 %,
so a 14-column 台账 spills its right-hand columns onto orphan pages, long cells are clipped at the
next column, there are no grid lines and page 2 has no header. Each sheet of a *copy* (the archived
file is never touched) is therefore given what an office clerk would set in 页面设置:

* all columns fitted to the page width (any number of pages tall);
* landscape when the used columns are wider than a portrait page;
* the header rows (the title rows down to the column header, including a two-row header) repeated
  at the top of every printed page;
* grid lines printed, the table centred, narrow margins;
* columns widened to their content (up to a cap) and long cells wrapped instead of clipped.

Only .xlsx/.xlsm can be edited this way (openpyxl); an old .xls is rendered as it is, and so is a
workbook with drawings, charts or embedded objects — openpyxl would drop shapes (a seal, a signature
picture) on saving, and evidence printed whole beats evidence printed neatly.
"""

from __future__ import annotations

import copy
import logging
import zipfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

PRINT_VERSION = "print-ready-v1"  # part of the conversion cache key: bump when the setup changes
SUFFIXES = frozenset({".xlsx", ".xlsm"})
PORTRAIT_CHARS = 95.0  # column width units (≈ characters of 11 pt) that fit an A4 portrait page
MAX_COLUMN_CHARS = 40.0  # a column is widened to its content up to this, then its cells wrap
SCAN_ROWS = 400  # rows read to size the columns: enough for the shape, cheap for a 10,000-row ledger
HEADER_SEARCH_ROWS = 12
MARGIN_IN = 0.5
_KEEP_AS_IS = ("xl/drawings/", "xl/charts/", "xl/embeddings/", "xl/activeX/", "xl/ctrlProps/")


def _display_width(value: Any) -> float:
    text = "" if value is None else str(value)
    longest = max(text.split("\n"), key=len, default="")
    return sum(2.0 if ord(ch) > 0x2E7F else 1.0 for ch in longest)


def header_rows(sheet: Any) -> int:
    """How many rows from the top make the header (0 when there is no recognisable one).

    The header row is the first of the top rows filled across most of the used columns; title rows
    above it come along, and a header cell merged downwards (a two-row header: 责任分工 over 牵头单位 |
    责任单位) extends it to the merge's last row.
    """
    columns = sheet.max_column or 0
    if columns < 2:
        return 0
    found = 0
    for r, row in enumerate(sheet.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, values_only=True), start=1):
        filled = sum(1 for v in row if v not in (None, ""))
        if filled >= max(2, 0.6 * columns):
            found = r
            break
    if not found:
        return 0
    last = found
    for merged in sheet.merged_cells.ranges:
        if merged.min_row <= found <= merged.max_row and merged.max_row > last and merged.max_row <= found + 3:
            last = merged.max_row
    return last


def _setup_sheet(sheet: Any) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    if sheet.max_row < 1 or sheet.max_column < 1:
        return
    need: dict[int, float] = {}
    for row in sheet.iter_rows(min_row=1, max_row=min(sheet.max_row, SCAN_ROWS)):
        filled = [cell for cell in row if cell.value is not None and type(cell).__name__ != "MergedCell"]
        if len(filled) < 2:
            continue  # a title or note row runs over the empty cells beside it: it sizes no column
        for cell in filled:
            need[cell.column] = max(need.get(cell.column, 0.0), _display_width(cell.value) + 1.5)
    merged_starts = {(m.min_row, m.min_col) for m in sheet.merged_cells.ranges if m.max_col > m.min_col}
    widths: list[float] = []
    for col in range(1, sheet.max_column + 1):
        letter = get_column_letter(col)
        dim = sheet.column_dimensions[letter]
        if dim.hidden:
            continue
        current = float(dim.width) if dim.width else 8.43
        width = max(current, min(need.get(col, 0.0), MAX_COLUMN_CHARS))
        if width != current:
            dim.width = width
        widths.append(width)
    total = sum(widths)
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row):
        for cell, right in zip(row, [*row[1:], None], strict=True):
            if cell.value is None or type(cell).__name__ == "MergedCell" or (cell.row, cell.column) in merged_starts:
                continue
            if right is not None and right.value is None:
                continue  # text runs on over an empty neighbour: nothing is clipped
            width = sheet.column_dimensions[get_column_letter(cell.column)].width or 8.43
            if _display_width(cell.value) > width and not cell.alignment.wrap_text:
                aligned = copy.copy(cell.alignment)
                cell.alignment = Alignment(horizontal=aligned.horizontal, vertical=aligned.vertical or "center",
                                           wrap_text=True, indent=aligned.indent)
    rows = header_rows(sheet)
    if rows and not sheet.print_title_rows:
        sheet.print_title_rows = f"1:{rows}"
    setup = sheet.page_setup
    setup.orientation = "landscape" if total > PORTRAIT_CHARS else "portrait"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left = margins.right = MARGIN_IN
    margins.top = margins.bottom = 0.6


def print_ready_copy(src: Path, out: Path) -> Path | None:
    """Write a print-ready copy of the workbook ``src`` at ``out``; None when it cannot be (render as is).

    A workbook openpyxl cannot read (damaged, encrypted, strict OOXML) is not an error here: the
    dossier then renders the original the way LibreOffice would anyway.
    """
    if src.suffix.lower() not in SUFFIXES:
        return None
    try:
        with zipfile.ZipFile(src) as zf:
            if any(name.startswith(_KEEP_AS_IS) for name in zf.namelist()):
                return None
    except (OSError, zipfile.BadZipFile):
        return None
    try:
        from openpyxl import load_workbook

        wb = load_workbook(src, keep_vba=src.suffix.lower() == ".xlsm", rich_text=True)
        for sheet in wb.worksheets:
            if sheet.sheet_state == "visible" and hasattr(sheet, "page_setup"):
                _setup_sheet(sheet)
        out.parent.mkdir(parents=True, exist_ok=True)
        wb.save(out)
        wb.close()
    except Exception as exc:  # noqa: BLE001 - anything openpyxl cannot handle is rendered unchanged
        log.info("print setup skipped for %s: %s", src.name, exc)
        out.unlink(missing_ok=True)
        return None
    return out
