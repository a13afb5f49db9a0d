"""Build the scheme tree from a table: levels, leaves with points and evidence, bonus/penalty blocks, codes.

Rows are read top to bottom. Each row names nodes in its level columns; a merged cell (or, in a column
without merges, a blank under a filled cell) continues the node above, a new value starts a node under
the current parent. With a single name column, the numbering styles set the levels instead
(（一） above 1. above （1）). The deepest node a row names takes the row's points, 评分标准, 考核方式,
佐证材料 and units. A row "加分项（最高加3分）" — or a top-level node so named — opens a bonus block;
"注：" rows after the table are notes; a "合计" row declares the total. Every problem becomes an Issue
naming its row and column; the caller refuses the import while there are any (unless forced).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .columns import Layout, demote_descriptions, detect_layout
from .model import BASE, BONUS, PENALTY, ImportedScheme, Issue, Node
from .numbering import parse_points, points_in_name, short_name, split_items, split_numbering, split_units
from .table import Cell, Grid, read_grids

_BLOCK = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])?\s*"
                    r"(加分|扣分|减分)(项目?|指标|事项)?")
_NOTE = re.compile(r"^(注|备注|说明|附注)\s*\d*\s*[：:]")
_TOTAL = re.compile(r"^(合计|总计|总分|小计)")
_TOTAL_IN_TITLE = re.compile(r"[（(]\s*(?:满分|总分)?\s*(\d+)\s*分\s*[）)]")
_YEAR = re.compile(r"(20\d\d)\s*年?")
MAX_LEVELS = 3
LETTERS = [ch for ch in "ABCDEFGHIJKLMNOPQRSTUVWYZ"]  # X is the 加减分项 category


GRADED_PREFIX = "P"  # 后评估 codes (PA01…) never clash with a 实绩考核's (A01…) in the same workspace


def import_table(path: Path, scheme_id: str = "", name: str = "", prefix: str | None = None) -> ImportedScheme:
    """Read FILE and build the scheme. Raises table.SchemeReadError when nothing in it looks like a scheme.
    `prefix` goes before every code; by default a graded scheme's codes start with GRADED_PREFIX."""
    last: ImportedScheme | None = None
    for grid in read_grids(path):
        layout = detect_layout(grid)
        if layout is None:
            continue
        demote_descriptions(grid, layout)
        scheme = build(grid, layout, scheme_id, name)
        default = GRADED_PREFIX if scheme.kind == "graded" else ""
        assign_codes(scheme, default if prefix is None else prefix, own_prefix=prefix or "")
        return scheme
    last = ImportedScheme(scheme_id or "scheme", name or path.stem, "graded", path.name, [], [])
    last.issues.append(Issue("no_header", "找不到表头：表格前几行中没有“一级指标”“考核内容”“分值”“佐证材料”等列名，"
                                          "请确认第一张表就是考核细则，或在表头行写上这些列名", source=path.name))
    return last


def _title_of(grid: Grid, layout: Layout) -> str:
    for row in grid.rows[: layout.header_rows[0]]:
        texts = [c.text for c in row if c.text]
        if texts:
            return texts[0].replace("\n", "")
    for text in grid.before:  # a Word table's title is the paragraph above it
        if re.search(r"细则|方案|评分表|考核|评估|指标", text) and len(text) <= 60:
            return text
    return ""


def default_id(kind: str, title: str, path: Path) -> str:
    year = _YEAR.search(title) or _YEAR.search(path.stem)
    stem = "kaohe" if kind == "scored" else "pinggu"
    if year:
        return f"{stem}-{year.group(1)}"
    return f"{stem}-{hashlib.sha256(path.read_bytes()).hexdigest()[:6]}"


class _Builder:
    def __init__(self, grid: Grid, layout: Layout) -> None:
        self.grid = grid
        self.layout = layout
        self.source = grid.source.name
        self.issues: list[Issue] = []
        self.roots: list[Node] = []
        self.blocks: list[Node] = []
        self.notes: list[str] = []
        self.declared_total: float | None = None
        self.stack: list[Node | None] = [None] * (MAX_LEVELS + 1)
        self.block: Node | None = None
        self.used: set[tuple[int, int]] = set()  # attribute cells already given to a node (merged over rows)
        levels = layout.levels
        self.by_numbering = len(levels) == 1
        self.styles: list[str] = []
        if self.by_numbering:
            self.styles = self._style_order()

    # ---------------------------------------------------------------- helpers
    def col_label(self, col: int | None) -> str:
        if not col:
            return ""
        name = self.layout.names.get(col, "")
        return f"{self.grid.column_label(col)}（{name}）" if name else self.grid.column_label(col)

    def issue(self, kind: str, message: str, row: int = 0, col: int | None = None) -> None:
        self.issues.append(Issue(kind, message, row, self.col_label(col), self.source))

    def cell(self, row: list[Cell], role: str) -> Cell | None:
        col = self.layout.col(role)
        if col is None or col > len(row):
            return None
        return row[col - 1]

    def _name_cells(self, row: list[Cell]) -> list[Cell]:
        return [row[c - 1] for c in self.layout.levels if c <= len(row)]

    def _numbering_text(self, row: list[Cell]) -> str:
        number = self.cell(row, "number")
        names = self._name_cells(row)
        text = names[0].text if names else ""
        if number is not None and number.text and not split_numbering(text).style:
            return f"{number.text} {text}"
        return text

    def _style_order(self) -> list[str]:
        order: list[str] = []
        for row in self.grid.rows[self.layout.data_start:]:
            text = self._numbering_text(row)
            style = split_numbering(text).style or split_numbering(text, bare=True).style
            if style and style not in order and style != "dotted":
                order.append(style)
        return order

    # ---------------------------------------------------------------- rows
    def run(self) -> None:
        in_notes = False
        for row in self.grid.rows[self.layout.data_start:]:
            filled = [c for c in row if c.text]
            if not filled:
                continue
            first = filled[0].text
            if _NOTE.match(first) or in_notes:
                in_notes = True
                self.notes.append(first)
                continue
            if _TOTAL.match(first.replace(" ", "")):
                points = self.cell(row, "points")
                value = parse_points(points.text) if points is not None and points.text else parse_points(first)
                if value is not None and first.replace(" ", "").startswith(("合计", "总计", "总分")):
                    self.declared_total = value
                continue
            one_origin = len({c.origin for c in filled}) == 1
            if one_origin and (m := _BLOCK.match(first)):
                self._open_block(first, m.group(1), filled[0])
                continue
            spanning = one_origin and len(filled) >= 2  # one cell merged across the row: a section heading
            self._row(row, spanning, filled[0])

    def _open_block(self, text: str, word: str, cell: Cell) -> Node:
        name, declared = points_in_name(text.replace("\n", ""))
        if declared is None:
            declared = parse_points(text)
        name = re.sub(r"[（(][^（()）]*[）)]\s*$", "", name).strip() or name  # 加分项（最高加3分） → 加分项
        node = Node(name=split_numbering(name).text or name, level=0, row=cell.row,
                    column=self.col_label(cell.col), block=BONUS if word == "加分" else PENALTY,
                    declared_points=declared, origin=cell.origin, name_raw=text)
        self.blocks.append(node)
        self.block = node
        self.stack = [node] + [None] * MAX_LEVELS
        return node

    def _claims(self, row: list[Cell], spanning: bool, first: Cell) -> list[tuple[int, Cell, str]]:
        """(level, cell, text) for each node the row names, top first."""
        if spanning:
            text = first.text
            level = self._level_of(text) if self.by_numbering else 0
            return [(level, first, text)]
        claims: list[tuple[int, Cell, str]] = []
        if self.by_numbering:
            cells = self._name_cells(row)
            if cells and cells[0].text:
                text = self._numbering_text(row)
                claims.append((self._level_of(text), cells[0], text))
            return claims
        seen: set[tuple[int, int]] = set()
        for level, cell in enumerate(self._name_cells(row)):
            if cell.origin in seen:
                continue  # merged across several level columns: one node
            seen.add(cell.origin)
            if cell.text:
                claims.append((level, cell, cell.text))
        return claims

    def _level_of(self, text: str) -> int:
        numbered = split_numbering(text)
        if numbered.style == "dotted":
            return min(len(numbered.numbers) - 1, MAX_LEVELS)
        if numbered.style in self.styles:
            return self.styles.index(numbered.style)
        return len(self.styles)  # unnumbered lines sit under the deepest numbered one

    def _row(self, row: list[Cell], spanning: bool, first: Cell) -> None:
        claims = self._claims(row, spanning, first)
        if not self.by_numbering and not spanning:
            # in a column that merges its cells, a blank that is not part of a merge means "no node at this
            # level" (not "same as above"): the row must not silently join the group above it
            for level, cell in enumerate(self._name_cells(row)):
                if cell.col in self.grid.merged_cols and not cell.text and not cell.merged_copy:
                    for deeper in range(level, len(self.stack)):
                        if self.stack[deeper] is not self.block:
                            self.stack[deeper] = None
                    break
        if not claims:
            self.issue("orphan_row", "这一行没有指标名称，无法确定归属：请填写指标名称或删除该行", first.row,
                       self.layout.levels[0] if self.layout.levels else first.col)
            return
        deepest: Node | None = None
        for level, cell, text in claims:
            if level > MAX_LEVELS - 1:
                self.issue("too_deep", f"层级超过三级（“{text[:20]}”），请合并为三级以内", cell.row, cell.col)
                level = MAX_LEVELS - 1
            current = self.stack[level]
            if current is not None and self._continues(current, cell, text, level):
                deepest = current
                continue
            if level == 0 and (m := _BLOCK.match(text)):
                deepest = self._open_block(text, m.group(1), cell)
                continue
            parent = self._parent_for(level, cell)
            if parent is False:
                return
            deepest = self._new_node(level, cell, text, parent)
        if deepest is not None and not spanning:
            self._attributes(deepest, row)

    def _continues(self, node: Node, cell: Cell, text: str, level: int) -> bool:
        if cell.col in self.grid.merged_cols:
            return node.origin == cell.origin
        return not self.by_numbering and node.origin[1] == cell.col and _strip(text) == _strip(node.name_raw)

    def _parent_for(self, level: int, cell: Cell) -> Node | None | bool:
        if level == 0:
            return self.block
        for up in range(level - 1, -1, -1):
            parent = self.stack[up]
            if parent is not None:
                return parent
        if self.block is not None:
            return self.block
        top = self.layout.levels[0] if self.layout.levels else cell.col
        label = self.layout.level_names[0] if self.layout.level_names else "上级指标"
        self.issue("orphan_row", f"“{cell.text[:20]}”没有所属的{label or '上级指标'}：请在该行填写或合并上级单元格",
                   cell.row, top)
        return False

    def _new_node(self, level: int, cell: Cell, text: str, parent: Node | None) -> Node:
        raw = text.replace("\n", " ").strip()
        numbered = split_numbering(raw)
        name, declared = points_in_name(numbered.text)
        node = Node(name=name, level=level, row=cell.row, column=self.col_label(cell.col),
                    numbering=numbered.numbers, numbered=bool(numbered.style), declared_points=declared,
                    origin=cell.origin, parent=parent, block=parent.block if parent else BASE, name_raw=raw)
        if parent is None:
            self.roots.append(node)
        else:
            parent.children.append(node)
        self.stack[level] = node
        for deeper in range(level + 1, len(self.stack)):
            self.stack[deeper] = None
        return node

    def _attributes(self, node: Node, row: list[Cell]) -> None:
        def fresh(role: str) -> Cell | None:
            cell = self.cell(row, role)
            if cell is None or cell.origin in self.used:
                return None
            self.used.add(cell.origin)
            return cell

        number = self.cell(row, "number")
        if number is not None and number.text and not self.by_numbering and not node.own_code:
            node.own_code = number.text.strip()
        if (cell := fresh("points")) is not None:
            value = parse_points(cell.text) if cell.text else None
            if value is not None:
                node.points = (node.points or 0.0) + value
            node.points_cell = (cell.row, self.col_label(cell.col))
        elif node.points_cell is None and (cell := self.cell(row, "points")) is not None:
            node.points_cell = (cell.row, self.col_label(cell.col))
        if (cell := fresh("scoring")) is not None and cell.text:
            node.scoring.append(cell.text)
        if (cell := fresh("method")) is not None and cell.text:
            node.method = node.method or cell.text.replace("\n", "、")
        if (cell := fresh("content")) is not None and cell.text:
            node.content = "\n".join(p for p in (node.content, cell.text) if p)
        ev = self.cell(row, "evidence")
        if ev is not None:
            if node.evidence_cell is None:
                node.evidence_cell = (ev.row, self.col_label(ev.col))
            if ev.origin not in self.used:
                self.used.add(ev.origin)
                node.evidence += [i for i in split_items(ev.text) if i not in node.evidence]
        lead, resp = self.cell(row, "lead"), self.cell(row, "responsible")
        if lead is not None and lead.text and not node.lead_unit:
            node.lead_unit = split_units(lead.text)[0]
        if resp is not None and resp.text:
            units = split_units(resp.text)
            if lead is not None and resp.col == lead.col:
                units = units[1:]
            node.responsible_units += [u for u in units if u not in node.responsible_units]

    # ---------------------------------------------------------------- checks
    def check(self, kind: str) -> None:
        for root in self.roots:
            for node in _walk(root):
                if not node.is_leaf and node.points is not None and node.declared_points is None:
                    node.declared_points, node.points = node.points, None  # a group's own points cell
                if node.is_leaf and len(node.name) > 30 and not node.content:
                    node.name, node.content = short_name(node.name)
                if node.is_leaf and node.points is None and node.declared_points is not None:
                    node.points, node.declared_points = node.declared_points, None  # "粮食生产（6分）"
        for block in self.blocks:
            for node in _walk(block):
                if node.is_leaf and len(node.name) > 30 and not node.content:
                    node.name, node.content = short_name(node.name)
        evidence_col = self.layout.col("evidence")
        leaves = [leaf for r in [*self.roots, *self.blocks] for leaf in r.leaves() if leaf is not r or r.block == BASE]
        for leaf in leaves:
            if evidence_col and not leaf.evidence:
                row, col = leaf.evidence_cell or (leaf.row, self.col_label(evidence_col))
                self.issues.append(Issue("empty_evidence", f"“{leaf.name}”的佐证材料为空：请列出需提供的材料",
                                         row, col, self.source))
        if kind != "scored":
            return
        points_label = self.col_label(self.layout.col("points"))
        for leaf in [leaf for root in self.roots for leaf in root.leaves()]:
            row, col = leaf.points_cell or (leaf.row, points_label)
            if leaf.points is None:
                self.issues.append(Issue("points_missing", f"“{leaf.name}”没有分值：请填写分值", row, col, self.source))
            elif abs(leaf.points * 2 - round(leaf.points * 2)) > 1e-9:
                self.issues.append(Issue("points_step", f"“{leaf.name}”的分值 {leaf.points:g} 不是 0.5 的整数倍",
                                         row, col, self.source))
        for root in self.roots:
            for node in _walk(root):
                if node.is_leaf or node.declared_points is None:
                    continue
                total = node.total()
                if abs(total - node.declared_points) > 1e-6:
                    self.issues.append(Issue(
                        "points_sum", f"“{node.name}”的分值为 {node.declared_points:g}，但其下各项合计 {total:g}",
                        node.row, node.column, self.source))
        total = sum(root.total() for root in self.roots)
        declared = self.declared_total if self.declared_total is not None else 100.0
        if abs(total - declared) > 1e-6:
            self.issues.append(Issue("points_sum", f"各项分值合计 {total:g}，不等于总分 {declared:g}："
                                                   "请核对分值（加分项、扣分项不计入）", source=self.source))
        for block in self.blocks:
            for leaf in block.leaves():
                if leaf is not block and leaf.points is None and block.declared_points is None:
                    row, col = leaf.points_cell or (leaf.row, points_label)
                    self.issues.append(Issue("points_missing", f"“{leaf.name}”没有写最高加（扣）分，所在的"
                                                               f"{block.name}也没有上限", row, col, self.source))


def _strip(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _walk(node: Node) -> list[Node]:
    out = [node]
    for child in node.children:
        out.extend(_walk(child))
    return out


def build(grid: Grid, layout: Layout, scheme_id: str = "", name: str = "") -> ImportedScheme:
    builder = _Builder(grid, layout)
    if not layout.levels:
        builder.issue("no_header", "表头中没有指标名称列（一级指标、考核内容、评估要点……）")
    else:
        builder.run()
    named_points = [leaf.declared_points for root in builder.roots for leaf in root.leaves()]
    kind = "scored" if layout.col("points") or (named_points and all(p is not None for p in named_points)) \
        else "graded"
    builder.check(kind)
    title = _title_of(grid, layout)
    if builder.declared_total is None and (m := _TOTAL_IN_TITLE.search(title)):
        builder.declared_total = float(m.group(1))
    scheme = ImportedScheme(
        id=scheme_id or default_id(kind, title, grid.source),
        name=name or _TOTAL_IN_TITLE.sub("", title).strip() or grid.source.stem,
        kind=kind,
        source=grid.source.name,
        roots=builder.roots,
        blocks=builder.blocks,
        level_names=[n for n in layout.level_names if n],
        declared_total=builder.declared_total,
        notes=builder.notes + [t for t in grid.after if _NOTE.match(t)],
        issues=sorted(builder.issues, key=lambda i: (i.row == 0, i.row)),
    )
    return scheme


# ---------------------------------------------------------------- codes
def assign_codes(scheme: ImportedScheme, prefix: str = "", own_prefix: str = "") -> None:
    """The scheme's own numbering when every base node has one (（一）1.（1） → 1.1.1), else A / A1 / A01."""
    nodes = [n for root in scheme.roots for n in _walk(root)]
    scheme.own_numbering = bool(nodes) and all(n.numbered for n in nodes)
    if scheme.own_numbering:
        for node in nodes:
            if len(node.numbering) > 1:  # 1.2.3: the full path is written
                node.code = prefix + ".".join(map(str, node.numbering))
                continue
            parts = []
            cursor: Node | None = node
            while cursor is not None:
                parts.append(str(cursor.numbering[-1]))
                cursor = cursor.parent
            node.code = prefix + ".".join(reversed(parts))
        _dedupe(nodes)
        one_level = all(root.is_leaf for root in scheme.roots)
        for root in scheme.roots:
            root.category_code = prefix + "A" if one_level else root.code
    elif scheme.roots and all(root.is_leaf for root in scheme.roots):
        for count, root in enumerate(scheme.roots, start=1):  # one level: one category, A01…
            root.category_code = prefix + "A"
            root.code = f"{prefix}A{count:02d}"
    else:
        for index, root in enumerate(scheme.roots):
            letter = LETTERS[index] if index < len(LETTERS) else f"Z{index}"
            root.code = prefix + letter
            count = 0
            for g, child in enumerate(root.children, start=1):
                if not child.is_leaf:
                    child.code = f"{root.code}{g}"
                for leaf in child.leaves():
                    count += 1
                    leaf.code = f"{root.code}{count:02d}"
            root.category_code = root.code
            if root.is_leaf:
                root.code = f"{root.code}01"
    count = 0
    for block in scheme.blocks:
        for leaf in block.leaves():
            if leaf is block:
                continue
            count += 1
            leaf.code = f"{prefix}X{count:02d}"
    _own_codes(scheme, own_prefix)  # a table's own 代码 column only gets a prefix the user asked for


_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,15}$")


def _own_codes(scheme: ImportedScheme, prefix: str) -> None:
    """A 代码/编号 column that gives every leaf a distinct code (e.g. a table exported by archivist) wins:
    re-importing the same table keeps the codes the archive is filed under."""
    leaves = [*scheme.leaves(), *[a for a in scheme.adjustments() if a.parent is not None]]
    codes = [leaf.own_code for leaf in leaves]
    if leaves and all(_CODE.match(c) for c in codes) and len(set(codes)) == len(codes):
        for leaf in leaves:
            leaf.code = leaf.own_code if leaf.own_code.startswith(prefix) else prefix + leaf.own_code


def _dedupe(nodes: list[Node]) -> None:
    seen: dict[str, int] = {}
    for node in nodes:
        if node.code in seen:
            seen[node.code] += 1
            node.code = f"{node.code}-{seen[node.code]}"
        else:
            seen[node.code] = 1
