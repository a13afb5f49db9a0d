"""Spreadsheet cells written from document data are text, never formulas (formula injection).

A title like `=HYPERLINK("http://…","点击查看")` comes from a unit's file; written as is into the
归档文件目录.xlsx or an export handed to inspectors it would become a live formula. OWASP's advice
for CSV is to prefix such values (leading = + - @, tab, CR) with a single quote. In .xlsx the same
thing has a native form, which Excel itself writes when a user types '=…: the cell is stored as a
string with the style's `quotePrefix` flag, so it shows exactly the text, is never evaluated, and
stays text when someone edits it later. `protect_workbook` applies that to every such string cell
just before a workbook is saved, so no write site can forget it; `csv_text` is the CSV form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl import Workbook

# ASCII leads from OWASP, plus the full-width forms an IME produces (＝ ＋ － ＠).
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def looks_like_formula(value: Any) -> bool:
    """True for a string a spreadsheet would (or would on editing) take as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_LEADS)


def protect_workbook(wb: Workbook) -> int:
    """Make every formula-looking string cell plain text (quotePrefix); returns how many were changed.

    The program writes no formulas of its own, so any cell that openpyxl would store as a formula
    came from data and is turned back into the string it was.
    """
    changed = 0
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if looks_like_formula(value):
                    cell.data_type = "s"
                    cell.quotePrefix = True
                    changed += 1
    return changed


def csv_text(value: Any) -> str:
    """A CSV field that no spreadsheet evaluates: formula-looking text gets OWASP's leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if looks_like_formula(text) else text
