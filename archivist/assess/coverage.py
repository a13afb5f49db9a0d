"""Which filed document IS a required evidence item (查漏补缺), and the user's own marks.

A required item (佐证材料) such as "资产收益分配方案和发放凭证" names one or more documents. It is split
into its parts (at 和/及/与/、/或); the item is covered when a document is one of its parts: a
光伏电站收益分配方案 is the 分配方案, a 红白理事会章程 is the 章程 of "红白理事会章程和活动记录". Each part
asks for

- a kind: the kind word it ends with (…方案, …凭证, …章程); a part without one takes the kind of
  the phrase's head ("公益性岗位聘用和考勤台账": both are 台账), because that is how the phrase reads;
- its key nouns: the part's own terms (generic words removed), plus the subject it shares with the
  other parts ("发放凭证" of 资产收益: one borrowed term, any of the subject's words will do).

A document qualifies when its kind is compatible (catalogue kind, file type, kind words in its
title) and its title/file name/kind, else its body, holds the key nouns (see `status.content_score`).
The reason is kept in Chinese ("《…》为第3项“…”：题名含“收益、分配”") so the office can see why.

The user can overrule the machine: mark an item covered by a given document, or not applicable,
each with a note (`archivist cover`). Marks live in the catalogue table `coverage_marks`, keyed by
indicator code and item number (the item's text is kept too, so a renumbered framework finds its
mark), and every change is audited.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..catalogue import ACTING, actor, now
from ..catalogue.marks import CoverageMark
from ..textnorm import normalize
from . import AssessError

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..workspace import Workspace
    from .status import _Doc

COVER_THRESHOLD = 0.5
_CONJUNCTION = re.compile(r"以及|[和及与、或]")

@dataclass(frozen=True)
class ItemPart:
    """One document an item names: the kinds it may be, its own key terms, the subject it shares."""

    text: str
    sorts: frozenset[str]
    terms: tuple[str, ...]
    subject: tuple[str, ...] = ()


@dataclass
class Match:
    """A document that covers an item, how well, and why (one Chinese line)."""

    evidence_id: str
    score: float
    reason: str
    part: str = ""
    found: list[str] = field(default_factory=list)
    in_title: bool = False  # every key noun in the title/file name/kind, not only in the body


# splitting -------------------------------------------------------------------------------------
_PARTS: dict[str, tuple[ItemPart, ...]] = {}


def item_parts(item: str) -> tuple[ItemPart, ...]:
    """The documents an item names (cached per process)."""
    if item not in _PARTS:
        _PARTS[item] = _compute_parts(item)
    return _PARTS[item]


def _compute_parts(item: str) -> tuple[ItemPart, ...]:
    from .status import _concept_keys, _terms_of, item_sorts

    text = re.sub(r"[“”\"'‘’《》（）()]", "", normalize(item))
    pieces = [p.strip() for p in _CONJUNCTION.split(text) if p.strip()]
    if not pieces:
        return (ItemPart(text, frozenset(), ()),)
    sorts = [frozenset(item_sorts(p)) for p in pieces]
    terms = [_terms_of(p) for p in pieces]
    head = next((s for s in reversed(sorts) if s), frozenset())
    parts = []
    for i, piece in enumerate(pieces):
        own_sorts = sorts[i] or (head if i < len(pieces) - 1 else frozenset())
        subject: tuple[str, ...] = ()
        # a part of one short term (活动记录) borrows the subject it shares; one named thing (红白理事会) does not
        specific = any(len(t) >= 4 or t in _concept_keys() for t in terms[i])
        if len(terms[i]) < 2 and len(pieces) > 1 and not specific:
            donor = terms[0] if i > 0 else terms[1]
            subject = tuple(t for t in donor if t not in terms[i])
        own = terms[i]
        if not own and not subject:
            own = next((t for t in terms if t), ())
        parts.append(ItemPart(piece, own_sorts, own, subject))
    return tuple(parts)


# matching --------------------------------------------------------------------------------------
def part_score(part: ItemPart, doc: _Doc) -> tuple[float, list[str], bool]:
    """(score, terms found, all found in the title): own terms each count, the shared subject once."""
    from .status import TEXT_WEIGHT, TITLE_WEIGHT, _term_found

    scores: list[float] = []
    found: list[str] = []
    in_title = True
    for term in part.terms:
        s = _term_found(term, doc.head) * TITLE_WEIGHT
        if s < TITLE_WEIGHT:
            s = max(s, _term_found(term, doc.body) * TEXT_WEIGHT)
            in_title = False
        scores.append(s)
        if s >= 0.5:
            found.append(term)
    weights = [term_weight(t) for t in part.terms]
    if part.subject:
        best, word = 0.0, ""
        for term in part.subject:
            s = _term_found(term, doc.head) * TITLE_WEIGHT
            if s < TITLE_WEIGHT:
                s = max(s, _term_found(term, doc.body) * TEXT_WEIGHT)
            if s > best:
                best, word = s, term
        if best < 0.5:
            return 0.0, found, False  # 活动记录 of what? without the shared subject it is some other record
        scores.append(best)
        weights.append(max(term_weight(t) for t in part.subject))
        found.append(word)
        in_title = in_title and best >= TITLE_WEIGHT
    if not scores:
        return 1.0, [], True
    return sum(w * x for w, x in zip(weights, scores, strict=True)) / sum(weights), found, in_title


_ITEM_TEXTS: list[str] = []


def use_items(items: list[str]) -> None:
    """The scheme's items, whose words say how specific a term is (see `term_weight`)."""
    texts = [normalize(i) for i in dict.fromkeys(items)]
    if texts != _ITEM_TEXTS:
        _ITEM_TEXTS[:] = texts
        term_weight.cache_clear()


@lru_cache(maxsize=8192)
def term_weight(term: str) -> float:
    """How much a term says about which document is meant: 1 for a term of one item of the scheme,
    less for one that many items share (帮扶 is in a dozen items, 收益分配 in one), as in IDF."""
    if not _ITEM_TEXTS:
        return 1.0
    df = sum(1 for text in _ITEM_TEXTS if term in text)
    return 1.0 / (1.0 + math.log(max(df, 1)))


def match_document(item: str, doc: _Doc) -> Match | None:
    """Whether one document is (one part of) the item, with the reason; None if it is not."""
    from .status import sorts_match

    best: Match | None = None
    for part in item_parts(item):
        if not sorts_match(set(part.sorts), doc.sorts):
            continue
        if part.sorts == {"photo"} and "photo" in doc.sorts:
            m = Match(doc.id, 1.0, "", part.text, [], in_title=True)
        else:
            score, found, in_title = part_score(part, doc)
            if score < COVER_THRESHOLD:
                continue
            m = Match(doc.id, score + (0.05 if in_title else 0.0), "", part.text, found, in_title)
        if best is None or m.score > best.score:
            best = m
    return best


_BLANK_FORM = re.compile(r"样表|空白表|表样|模板|参考样式|参考格式|[（(]样式[)）]")


def is_blank_form(doc: _Doc) -> bool:
    """A 样表 or 模板 (the form units are asked to fill in) shows what to do, not that it was done: it stays
    filed as the indicator's evidence but covers no item."""
    title = str(doc.record.get("title") or "")
    return bool(_BLANK_FORM.search(title) or _BLANK_FORM.search(str(doc.record.get("text") or "")[:12]))


def matches_by_item(items: list[str], docs: list[_Doc]) -> list[list[Match]]:
    """The documents that cover each item of one indicator, best first.

    A document is what its title says: a 防返贫监测帮扶实施方案 whose body says "逐户制定‘一户一策’帮扶计划"
    is the 方案 (item 1), not the 帮扶计划 (item 3) it orders to be made; a 薄弱村工作方案 listing "推行党支部
    领办合作社" is no 领办合作社材料. So a match that rests on body words is dropped when the same document's
    title matches another item of the indicator; a document whose title matches nothing (扫描件003,
    新建文档) still covers by its body, and one whose title names two items covers both.
    """
    docs = [doc for doc in docs if not is_blank_form(doc)]
    hits = [sorted((m for doc in docs if (m := match_document(item, doc)) is not None), key=lambda h: -h.score)
            for item in items]
    titled = [{h.evidence_id for h in item_hits if h.in_title} for item_hits in hits]
    for n, item_hits in enumerate(hits):
        elsewhere = set().union(*(t for k, t in enumerate(titled) if k != n))
        item_hits[:] = [h for h in item_hits if h.in_title or h.evidence_id not in elsewhere]
    return hits


def describe(match: Match, item_no: int, item: str, title: str) -> str:
    """"《村规民约》为第3项“村规民约”：题名含“村规民约”" — one line for status and reports."""
    part = f"（{match.part}）" if match.part and match.part != normalize(item) else ""
    if not match.found:
        why = "同类材料"
    else:
        why = "含“" + "、".join(match.found) + "”"
    return f"《{title}》为第{item_no}项“{item}”{part}：{why}"


# marks -----------------------------------------------------------------------------------------
def load_marks(catalogue: Catalogue) -> dict[tuple[str, int], CoverageMark]:
    """Every mark, by (code, item number). The table is a catalogue schema part, there from the first open."""
    return {(m.code, m.item_no): m for m in catalogue.coverage_marks.all()}


def mark_for(marks: dict[tuple[str, int], CoverageMark], code: str, item_no: int, item: str) -> CoverageMark | None:
    """The mark of an item: by number while its text is unchanged, else by its text under the code."""
    mark = marks.get((code, item_no))
    if mark is not None and normalize(mark.item) == normalize(item):
        return mark
    return next((m for (c, _), m in marks.items() if c == code and normalize(m.item) == normalize(item)), None)


def set_mark(ws: Workspace, catalogue: Catalogue, code: str, item_no: int, *, evidence_id: str | None = None,
             not_applicable: bool = False, note: str = "", clear: bool = False) -> CoverageMark | None:
    """Mark item `item_no` (1-based) of indicator `code` covered by a document, not applicable, or clear it.

    Refused (AssessError, one Chinese line) for an unknown indicator or item, a document that is not in
    the catalogue or is quarantined, or a not-applicable mark without a note saying why.
    """
    ind = ws.frameworks.indicator(code.upper())
    if ind is None:
        raise AssessError(f"找不到指标 {code}：请用 archivist status 查看指标代码")
    if not 1 <= item_no <= len(ind.evidence):
        raise AssessError(f"指标 {ind.code} 只有 {len(ind.evidence)} 项佐证材料，没有第{item_no}项："
                          "请用 archivist status 查看各项的序号")
    item = ind.evidence[item_no - 1]
    key = f"{ind.code}#{item_no}"
    with catalogue.transaction():
        before_json = catalogue.coverage_marks.stored(key)
        if clear:
            if before_json is None:
                return None
            catalogue.coverage_marks.remove(key)
            catalogue.audit("coverage_cleared", before_json.get("evidence_id") if before_json else None,
                            {"code": ind.code, "item_no": item_no, "item": item, "from": before_json, "note": note})
            return None
        if not_applicable == bool(evidence_id):
            raise AssessError("请二选一：用 --by 指定覆盖该项的材料编号，或用 --not-applicable 标为不适用")
        if not_applicable and not note.strip():
            raise AssessError("标为不适用须说明理由：请加 --note \"…\"")
        record_id = None
        if evidence_id:
            record = catalogue.get(evidence_id)
            if record is None:
                raise AssessError(f"找不到编号为 {evidence_id} 的材料：请用 archivist list 查看编号")
            if record["status"] == "quarantined":
                raise AssessError(f"材料 {record['id']} 已隔离，不能作为佐证：请重新提交可读的文件")
            if record["status"] == "duplicate" and record.get("duplicate_of"):
                record = catalogue.get(record["duplicate_of"]) or record
            record_id = record["id"]
        mark = CoverageMark(ind.code, item_no, item, record_id, not_applicable, note.strip(), ACTING.get() or actor(),
                            now())
        catalogue.coverage_marks.put(key, mark)
        catalogue.audit("coverage_marked", record_id,
                        {"code": ind.code, "item_no": item_no, "item": item, "from": before_json,
                         "to": {"evidence_id": record_id, "not_applicable": not_applicable}, "note": mark.note})
    return mark
