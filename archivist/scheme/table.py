"""Read a scheme table (xlsx sheet or docx table) into a rectangular grid with merged cells unmerged.

A merged cell's value is copied into every cell it covers, and each copy remembers the cell it came
from (`origin`), so the builder can tell "the same 一级指标 merged over five rows" from "five rows that
happen to say the same thing". Cells keep their source coordinates so that errors can name the row
and column a clerk sees in Excel or Word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class SchemeReadError(ValueError):
    """The file is not a readable scheme table; the message names the file and what to do."""


@dataclass
class Cell:
    text: str
    row: int  # 1-based, as Excel/Word show it
    col: int  # 1-based
    origin: tuple[int, int]  # (row, col) of the cell this value came from (itself unless merged)

    @property
    def merged_copy(self) -> bool:
        return self.origin != (self.row, self.col)


@dataclass
class Grid:
    source: Path
    sheet: str
    rows: list[list[Cell]]
    is_docx: bool = False
    merged_cols: set[int] = field(default_factory=set)  # columns where some cell spans several rows
    before: list[str] = field(default_factory=list)  # paragraphs above a Word table (its title)
    after: list[str] = field(default_factory=list)  # paragraphs below it (注：… notes)

    def column_label(self, col: int) -> str:
        """"C" for Excel, "第3列" for a Word table: what the clerk sees."""
        if self.is_docx:
            return f"第{col}列"
        letters = ""
        while col:
            col, rem = divmod(col - 1, 26)
            letters = chr(65 + rem) + letters
        return f"{letters}列"

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def _clean(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ")
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def read_grids(path: Path) -> list[Grid]:
    """Every sheet or table of the file, largest first (the scheme is usually the biggest table)."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        grids = _read_xlsx(path)
    elif suffix == ".docx":
        grids = _read_docx(path)
    else:
        raise SchemeReadError(f"{path.name}：不支持的格式 {suffix or '（无扩展名）'}，请另存为 .xlsx 或 .docx 后再导入")
    grids = [g for g in grids if any(c.text for r in g.rows for c in r)]
    if not grids:
        raise SchemeReadError(f"{path.name}：文件中没有表格内容，请确认考核细则是以表格形式排版的")
    return sorted(grids, key=lambda g: -sum(1 for r in g.rows for c in r if c.text))


def _read_xlsx(path: Path) -> list[Grid]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook gets the same clear line
        raise SchemeReadError(f"{path.name}：无法读取 Excel 文件（{exc}），请用 Excel/WPS 打开后另存为 .xlsx") from exc
    grids = []
    for sheet in wb.worksheets:
        origin: dict[tuple[int, int], tuple[int, int]] = {}
        merged_cols: set[int] = set()
        for rng in sheet.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    origin[(r, c)] = (rng.min_row, rng.min_col)
            if rng.max_row > rng.min_row:
                merged_cols.update(range(rng.min_col, rng.max_col + 1))
        values = {(c.row, c.column): c.value for row in sheet.iter_rows() for c in row}
        rows = []
        for r in range(1, (sheet.max_row or 0) + 1):
            cells = []
            for c in range(1, (sheet.max_column or 0) + 1):
                o = origin.get((r, c), (r, c))
                cells.append(Cell(_clean(values.get(o)), r, c, o))
            rows.append(cells)
        grids.append(Grid(path, sheet.title, rows, merged_cols=merged_cols))
    return grids


def _read_docx(path: Path) -> list[Grid]:
    from docx import Document

    try:
        doc = Document(str(path))
    except Exception as exc:  # noqa: BLE001
        raise SchemeReadError(f"{path.name}：无法读取 Word 文件（{exc}），请用 Word/WPS 打开后另存为 .docx") from exc
    body = doc.element.body
    texts: list[tuple[str, object]] = []  # ("p", text) / ("t", table element) in document order
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")).strip()
            if text:
                texts.append(("p", text))
        elif tag == "tbl":
            texts.append(("t", child))
    grids = []
    for number, table in enumerate(doc.tables, start=1):
        at = next((k for k, (kind, el) in enumerate(texts) if kind == "t" and el is table._tbl), 0)
        before = [str(t) for kind, t in texts[:at] if kind == "p"]
        after = []
        for kind, t in texts[at + 1:]:
            if kind == "t":
                break
            after.append(str(t))
        # python-docx gives a merged cell's top-left <w:tc> in every grid position it covers; the element
        # objects stay alive in `seen`, so identity tells a merge from equal text
        seen: list[tuple[object, tuple[int, int]]] = []
        merged_cols: set[int] = set()
        rows = []
        for r, row in enumerate(table.rows, start=1):
            cells = []
            for c, cell in enumerate(row.cells, start=1):
                tc = cell._tc
                o = next((pos for el, pos in seen if el is tc), None)
                if o is None:
                    o = (r, c)
                    seen.append((tc, o))
                elif o[0] != r:
                    merged_cols.add(c)
                cells.append(Cell(_clean(cell.text), r, c, o))
            rows.append(cells)
        grids.append(Grid(path, f"表{number}", rows, is_docx=True, merged_cols=merged_cols,
                          before=before[-3:], after=after))
    return grids
