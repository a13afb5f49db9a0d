"""Typed records of an imported scheme (考核细则): the tree of nodes, the issues found, and the result."""

from __future__ import annotations

from dataclasses import dataclass, field

BASE, BONUS, PENALTY = "base", "bonus", "penalty"


@dataclass
class Issue:
    """One thing wrong with the table, named the way the clerk finds it: file, row, column."""

    kind: str  # no_header | points_sum | points_missing | points_step | orphan_row | empty_evidence | too_deep | …
    message: str
    row: int = 0
    column: str = ""
    source: str = ""

    def line(self) -> str:
        where = "".join(p for p in (f"第{self.row}行" if self.row else "", self.column) if p)
        return f"{self.source}：{where}：{self.message}" if where else f"{self.source}：{self.message}"

    def to_json(self) -> dict:
        return {"kind": self.kind, "row": self.row, "column": self.column, "message": self.message}


@dataclass
class Node:
    """A level of the scheme (一级/二级/三级指标) or a leaf that carries points and evidence."""

    name: str
    level: int  # 0 = top
    row: int
    column: str
    numbering: tuple[int, ...] = ()
    numbered: bool = False
    declared_points: float | None = None  # written on a group ("产业兴旺（16分）") or its points cell
    points: float | None = None  # a leaf's points cell
    points_cell: tuple[int, str] | None = None
    scoring: list[str] = field(default_factory=list)
    method: str = ""
    content: str = ""
    evidence: list[str] = field(default_factory=list)
    evidence_cell: tuple[int, str] | None = None
    lead_unit: str = ""
    responsible_units: list[str] = field(default_factory=list)
    block: str = BASE  # base | bonus | penalty
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    code: str = ""
    origin: tuple[int, int] = (0, 0)
    name_raw: str = ""
    own_code: str = ""  # the row's 代码/编号 cell, when the table has one
    category_code: str = ""  # a top-level node's category code (differs from `code` when it is itself a leaf)

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def leaves(self) -> list[Node]:
        if self.is_leaf:
            return [self]
        return [leaf for child in self.children for leaf in child.leaves()]

    def path(self) -> list[str]:
        names = []
        node: Node | None = self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return names[::-1]

    def total(self) -> float:
        return sum(leaf.points or 0.0 for leaf in self.leaves())


@dataclass
class ImportedScheme:
    id: str
    name: str
    kind: str  # scored | graded
    source: str
    roots: list[Node]  # base tree (top level first)
    blocks: list[Node]  # 加分项 / 扣分项 nodes; their leaves are the adjustments
    level_names: list[str] = field(default_factory=list)
    declared_total: float | None = None
    notes: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    own_numbering: bool = False

    def leaves(self) -> list[Node]:
        return [leaf for root in self.roots for leaf in root.leaves()]

    def adjustments(self) -> list[Node]:
        return [leaf for block in self.blocks for leaf in block.leaves()]

    @property
    def levels(self) -> int:
        return max((len(leaf.path()) for leaf in self.leaves()), default=0)

    @property
    def total_points(self) -> float:
        return sum(leaf.points or 0.0 for leaf in self.leaves())

    def block_max(self, kind: str) -> float:
        return sum(b.declared_points or 0.0 for b in self.blocks if b.block == kind)
