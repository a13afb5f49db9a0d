"""The preview a clerk checks before trusting an import: the tree, points per level, evidence items, issues."""

from __future__ import annotations

from rich.console import Group as RichGroup
from rich.text import Text
from rich.tree import Tree

from ..framework import ADJUSTMENT_CATEGORY, Framework, Indicator
from .model import Issue

KIND_LABELS = {"bonus": "加分", "penalty": "扣分"}


def _points(value: float) -> str:
    return f"{value:g}分"


def _leaf_label(fw: Framework, ind: Indicator) -> Text:
    text = Text()
    text.append(ind.code, style="bold cyan")
    text.append(f" {ind.name}")
    if ind.kind in KIND_LABELS:
        text.append(f"  最多{KIND_LABELS[ind.kind][0]}{ind.max_points:g}分", style="magenta")
    elif fw.kind == "scored":
        text.append(f"  {_points(ind.points)}", style="bold green")
    extra = [f"牵头：{ind.lead_unit}" if ind.lead_unit else "",
             f"责任：{'、'.join(ind.responsible_units)}" if ind.responsible_units else "",
             f"方式：{ind.method}" if ind.method else ""]
    extra = [e for e in extra if e]
    if extra:
        text.append("  " + "  ".join(extra), style="dim")
    return text


def scheme_tree(fw: Framework, show_items: bool = True) -> Tree:
    leaves = fw.indicators()
    levels = max((len(i.path) for i in leaves if i.kind not in KIND_LABELS), default=fw.levels)
    head = f"{fw.name}（{fw.id}）  {levels} 级  {len(leaves)} 项"
    if fw.kind == "scored":
        head += f"  总分 {fw.total_points:g}"
    else:
        head += "  评价：好/较好/一般/较差"
    tree = Tree(Text(head, style="bold"))
    for cat in fw.categories:
        if cat.code == ADJUSTMENT_CATEGORY:
            label = "加减分项"
            extra = "  ".join(f"{KIND_LABELS[k]}上限 {v:g}分" for k, v in (("bonus", fw.bonus_max),
                                                                        ("penalty", fw.penalty_max)) if v)
            branch = tree.add(Text(f"{label}  {extra}".strip(), style="bold magenta"))
        else:
            label = f"{cat.code} {cat.name}"
            if fw.kind == "scored":
                label += f"  {_points(cat.points)}"
            branch = tree.add(Text(label, style="bold"))
        groups = {g.code: branch.add(Text(f"{g.code} {g.name}" + (f"  {_points(g.points)}" if fw.kind == "scored"
                                                                    else ""), style="bold blue"))
                  for g in cat.groups}
        for ind in cat.indicators:
            if len(ind.path) == 1 and cat.code != ADJUSTMENT_CATEGORY:
                node = branch  # a one-level item is its own top level
                node.label = Text.assemble(node.label, "  ", _leaf_label(fw, ind))
            else:
                node = groups.get(ind.group_code, branch).add(_leaf_label(fw, ind))
            if show_items:
                for number, item in enumerate(ind.evidence, start=1):
                    node.add(Text(f"{number}. {item}", style="dim"))
    return tree


def issues_view(issues: list[Issue]) -> RichGroup:
    lines = [Text(f"发现 {len(issues)} 个问题：", style="bold red")]
    lines += [Text(f"  {i.line()}") for i in issues]
    return RichGroup(*lines)
