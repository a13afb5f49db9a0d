"""The scheme's own numbering (一、 （一） 1. （1） ① 1.2.3) and the text helpers the builder needs.

A numbering prefix is split off a name ("（一）产业发展" → style "cn-paren", number 1, name "产业发展").
When a table has a single name column, the order in which the styles first appear gives the levels
(（一） above 1. above （1）), which is how 公文-style schemes nest without separate level columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "零一二三四五六七八九十百两"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

STYLES: list[tuple[str, re.Pattern[str]]] = [
    ("dotted", re.compile(r"^(\d+(?:[.．]\d+)+)(?![.．]?\d)[.．、\s]*")),
    ("cn-dun", re.compile(rf"^([{_CN}]+)[、.．]\s*")),
    ("cn-paren", re.compile(rf"^[（(]([{_CN}]+)[）)]\s*")),
    ("num-paren", re.compile(r"^[（(](\d+)[）)]\s*")),
    ("num-dot", re.compile(r"^(\d+)(?:[.．、]|\s)(?!\d)\s*")),
    ("circled", re.compile(rf"^([{_CIRCLED}])\s*")),
]


@dataclass(frozen=True)
class Numbered:
    style: str  # "" when the text has no numbering
    numbers: tuple[int, ...]
    text: str  # without the numbering


def cn_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20 (what scheme numbering uses)."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            current = _CN_DIGITS.get(ch, 0)
    return total + current


def split_numbering(text: str, bare: bool = False) -> Numbered:
    """The numbering prefix of `text`; with `bare`, the text may be nothing but a number (a 序号 cell)."""
    text = text.strip()
    for style, pattern in STYLES:
        m = pattern.match(text + (" " if bare else ""))
        if not m or not (bare or text[m.end():].strip()):
            continue
        raw = m.group(1)
        if style == "dotted":
            numbers = tuple(int(x) for x in re.split(r"[.．]", raw))
        elif style == "circled":
            numbers = (_CIRCLED.index(raw) + 1,)
        else:
            numbers = (cn_number(raw),)
        return Numbered(style, numbers, text[m.end():].strip() if m.end() <= len(text) else "")
    return Numbered("", (), text)


_POINTS_IN_TEXT = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]\s*$")


def points_in_name(text: str) -> tuple[str, float | None]:
    """"产业兴旺（16分）" → ("产业兴旺", 16.0): group rows often carry their points in the name."""
    m = _POINTS_IN_TEXT.search(text)
    if not m:
        return text, None
    return text[: m.start()].strip(), float(m.group(1))


_NUMBER = re.compile(r"[-−]?\d+(?:\.\d+)?")


def parse_points(text: str) -> float | None:
    """"2" / "2分" / "2.5" / "最高加3分" / "-1" → the number, None when the cell has none."""
    m = _NUMBER.search(text.replace("－", "-"))
    return abs(float(m.group(0).replace("−", "-"))) if m else None


_ITEM_START = re.compile(rf"(?:^|(?<=[\n；;。]))\s*(?:\d+[.．、)）]|[（(]\d+[）)]|[{_CIRCLED}])\s*")


def split_items(text: str) -> list[str]:
    """A 佐证材料 cell as its items: "1.工作方案；2.台账" or one item a line; numbering and end marks removed."""
    if not text.strip():
        return []
    marked = _ITEM_START.sub("\n", text)
    parts = re.split(r"[\n；;]+", marked)
    items: list[str] = []
    for part in parts:
        item = part.strip().strip("。.，,、 ")
        if item and item not in items:
            items.append(item)
    return items


def split_units(text: str) -> list[str]:
    units = []
    for part in re.split(r"[、，,；;/\n\s]+|(?<=[局委办部院会所站队])和", text):
        part = part.strip()
        if part and part not in units:
            units.append(part)
    return units


def short_name(text: str, limit: int = 30) -> tuple[str, str]:
    """A leaf whose only text is a long requirement gets a short name (its first clause) and keeps the whole
    text as content: names become folder names and report headings."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text, ""
    first = re.split(r"[，,。；;：:]", text, maxsplit=1)[0].strip()
    name = first if 2 <= len(first) <= limit else first[:limit]
    return name, text
