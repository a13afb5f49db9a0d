"""Excel .xlsx ledgers (台账): every cell as text, plus per-sheet header and rows for the assessors.

openpyxl in read-only mode streams rows, so a 100 000-row ledger does not build a full object
model. Ledgers usually open with a merged title row ("XX县2024年脱贫户帮扶台账") above the header;
the header is therefore the first row with at least two filled cells, and a single-cell row above
it is the sheet's title.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from archivist.intake.extract._common import Options, clean_title, han_count
from archivist.intake.extract._ooxml import check_ooxml
from archivist.model import Extraction, ExtractionError

MAX_META_ROWS = 5000  # rows per sheet kept in meta["sheets"] (the catalogue stores meta as JSON)
MAX_TEXT_ROWS = 50_000  # rows per sheet that go into the searchable text
MAX_COLUMNS = 512  # a ledger is never wider; junk formatting can claim 16384 columns


def cell_text(value: Any) -> str:
    """A cell as a person reads it: 12 not 12.0, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value).strip()


def extract(path: Path, opts: Options) -> Extraction:
    check_ooxml(path, "Excel表格")
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises KeyError/ValueError/TypeError/XML errors on damaged files
        raise ExtractionError(
            f"Excel表格已损坏或格式不受支持（{type(exc).__name__}）", "请用Excel/WPS打开后另存为.xlsx再报送"
        ) from exc

    warnings: list[str] = []
    sheets: list[dict[str, Any]] = []
    text_parts: list[str] = []
    title: str | None = None
    try:
        for ws in workbook.worksheets:
            sheet, lines, sheet_title = _read_sheet(ws, warnings)
            sheets.append(sheet)
            text_parts.append(f"【{ws.title}】")
            text_parts.extend(lines)
            title = title or sheet_title
    except Exception as exc:  # damage in a sheet's XML surfaces only while streaming it
        raise ExtractionError(
            f"Excel表格已损坏或格式不受支持（{type(exc).__name__}）", "请用Excel/WPS打开后另存为.xlsx再报送"
        ) from exc
    finally:
        workbook.close()

    meta: dict[str, Any] = {"sheets": sheets}
    props = workbook.properties
    if props is not None:
        if props.creator:
            meta["author"] = props.creator
        if props.lastModifiedBy:
            meta["last_modified_by"] = props.lastModifiedBy
        if props.created:
            meta["created"] = props.created.date().isoformat()
        core_title = clean_title(props.title)
        if core_title:
            meta["core_title"] = core_title
            title = title or core_title
    return Extraction(
        file_type="xlsx", text="\n".join(text_parts).strip(), title_hint=title, meta=meta, warnings=warnings
    )


def _read_sheet(ws: Any, warnings: list[str]) -> tuple[dict[str, Any], list[str], str | None]:
    """One sheet → ({name, header, rows}, text lines, title row text)."""
    # Without this, read-only mode pads every row to the sheet's declared dimension, which junk
    # formatting sets to column XFD (16384 empty cells per row).
    ws.reset_dimensions()
    header: list[str] | None = None
    title: str | None = None
    rows: list[list[str]] = []
    lines: list[str] = []
    seen = dropped = 0
    truncated = False
    for raw in ws.iter_rows(values_only=True):
        cells = [cell_text(v) for v in raw[:MAX_COLUMNS]]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        seen += 1
        if seen > MAX_TEXT_ROWS:
            truncated = True
            break
        lines.append("\t".join(cells))
        filled = sum(1 for c in cells if c)
        if header is None:
            if filled >= 2:
                header = cells
            elif title is None and han_count(cells[0] if cells[0] else "".join(cells)) >= 4:
                title = next(c for c in cells if c)
            continue
        if len(rows) < MAX_META_ROWS:
            rows.append(cells)
        else:
            dropped += 1
    if truncated:
        warnings.append(f"工作表“{ws.title}”超过 {MAX_TEXT_ROWS} 行，仅索引了前 {MAX_TEXT_ROWS} 行")
    elif dropped:
        warnings.append(f"工作表“{ws.title}”行数较多，元数据中只保留前 {MAX_META_ROWS} 行")
    return {"name": ws.title, "header": header or [], "rows": rows}, lines, clean_title(title)
