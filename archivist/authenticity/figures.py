"""Contradicting figures: the same quantity stated differently in two documents, or in a ledger total.

A statement is a number with its unit and the words before it in the same clause ("全县累计完成农村户厕
改造12,345户" → 户厕改造 · 户 · 12345), with its scope: the place it is about (a 镇/乡/村 named in the
clause, 全县/全镇, else the unit that wrote the document) and its year (written in the clause, else the
document's). Targets (计划, 目标, 力争…), parts (其中), changes (同比, 增长…) and cumulative totals are kept
apart or left out, because a plan and a result, or a part and a whole, differ honestly. A ledger's
合计/总计 row states each column's total the same way. Two statements with the same subject, unit,
scope and year and different values — from two files — are a conflict, shown with both sources.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..textnorm import fold_width
from .finding import Doc, Finding
from .places import place_names

_NUMBER = re.compile(
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|元|万户|户|万人|人次|人|个|座|所|公里|千米|处|间|条|家|项|吨|亩|辆|盏|%|％)"
)
_CLAUSE_END = re.compile(r"[，,。；;！？!?\n\r、（(]")
_SKIP = re.compile(
    r"计划|目标|任务|预计|力争|拟|争取|要求|不低于|不少于|以上|以下|其中|同比|增长|下降|减少|提高|较上年|比上年|超过|"
    r"约|近|平均|人均|户均|每"
)
_FILLER = re.compile(
    r"全县|全镇|全乡|全村|全市|我县|我镇|我乡|本县|本镇|本乡|累计|共计|合计|总计|共|完成|实现|达到|达|为|了|已经|已|"
    r"全年|年度|本年|今年|年内|当年|截至|截止|年底|年末|底|农村|有效|全部|全面|顺利|新|各类|总|数量|总数|户数|人数|金额|个数|"
    r"[0-9]+年|[0-9]+月|[0-9]+日|[：:\s\d.,，、“”\"'‘’]"
)
_YEAR = re.compile(r"(20\d{2})\s*年")
_COUNTY_WORDS = ("全县", "我县", "本县", "县域")
_TOWN_WORDS = ("全镇", "我镇", "本镇", "全乡", "我乡", "本乡")
_TOTAL_ROW = re.compile(r"^(合计|总计|全县|总合计|汇总)")
_HEADER_UNIT = re.compile(r"[（(]([^）)]+)[）)]")
_SCALE = {"亿元": ("元", 1e8), "万元": ("元", 1e4), "元": ("元", 1.0), "万户": ("户", 1e4), "万人": ("人", 1e4),
          "千米": ("公里", 1.0), "％": ("%", 1.0)}


@dataclass(frozen=True)
class Statement:
    """One figure a document states: subject, unit, value, scope and year, and where it was read."""

    doc_id: str
    subject: str
    unit: str
    value: float
    scope: str
    year: str
    cumulative: bool
    source: str  # the words as written, for the finding
    where: str  # 正文 or "工作表 X 合计行"

    @property
    def key(self) -> tuple[str, str, str, str, bool]:
        return (self.subject, self.unit, self.scope, self.year, self.cumulative)


def _value(number: str, unit: str) -> tuple[float, str]:
    base, scale = _SCALE.get(unit, (unit, 1.0))
    return float(number.replace(",", "")) * scale, base


def subject_of(words: str) -> str:
    """The quantity named by the words before a number, without scope, time and filler words."""
    return _FILLER.sub("", words)


def doc_scope(doc: Doc) -> str:
    for source in (doc.unit, doc.folders):
        places = place_names(source or "")
        if places:
            return places[-1]
    return "县"


def _year(doc: Doc) -> str:
    return (doc.doc_date or "")[:4]


def text_statements(doc: Doc) -> list[Statement]:
    text = fold_width(doc.text or "")
    out = []
    scope_default, year_default = doc_scope(doc), _year(doc)
    for m in _NUMBER.finditer(text):
        start = m.start()
        clause_start = max((c.end() for c in _CLAUSE_END.finditer(text, max(0, start - 40), start)), default=max(0,
                           start - 40))
        words = text[clause_start:start]
        sentence_start = max(text.rfind(ch, 0, start) for ch in "。；;\n")
        context = text[max(sentence_start + 1, start - 60):m.end()]
        if _SKIP.search(words) or _SKIP.search(text[m.end():m.end() + 2]):
            continue
        places = place_names(words)
        plain = words
        for name in places:
            plain = plain.replace(name, "")
        subject = subject_of(plain)
        if len(subject) < 2 or len(subject) > 14:
            continue
        value, unit = _value(m.group(1), m.group(2))
        if places:
            scope = places[-1]
        elif any(w in context for w in _COUNTY_WORDS):
            scope = "县"
        elif any(w in context for w in _TOWN_WORDS):
            scope = scope_default
        else:
            scope = scope_default
        years = _YEAR.findall(context)
        out.append(Statement(doc.id, subject, unit, value, scope, years[-1] if years else year_default,
                             "累计" in context, context.strip(), "正文"))
    return out


def ledger_statements(doc: Doc) -> list[Statement]:
    """Each column total in a sheet's 合计/总计 row, named by its header."""
    out = []
    for sheet in (doc.meta or {}).get("sheets") or []:
        header = [str(h or "") for h in sheet.get("header") or []]
        for row in sheet.get("rows") or []:
            first = next((str(c) for c in row if str(c).strip()), "")
            if not _TOTAL_ROW.match(first.strip()):
                continue
            for col, cell in enumerate(row):
                if col >= len(header) or not re.fullmatch(r"-?\d+(?:\.\d+)?", str(cell).replace(",", "").strip()):
                    continue
                name = header[col]
                unit_m = _HEADER_UNIT.search(name)
                unit = unit_m.group(1) if unit_m else _unit_from_name(name)
                if not unit:
                    continue
                plain = _HEADER_UNIT.sub("", name)
                value, base = _value(str(cell).replace(",", "").strip(), unit)
                subject = subject_of(plain)
                if len(subject) < 2 or _SKIP.search(plain):
                    continue
                scope = "县" if first.startswith(("全县", "合计", "总计", "汇总", "总合计")) else doc_scope(doc)
                if doc_scope(doc) != "县":
                    scope = doc_scope(doc)
                out.append(Statement(doc.id, subject, base, value, scope, _year(doc), "累计" in plain,
                                     f"{name}：{cell}", f"工作表“{sheet.get('name', '')}”{first}行"))
    return out


def _unit_from_name(name: str) -> str:
    for tail, unit in (("户数", "户"), ("人数", "人"), ("人次", "人次"), ("座数", "座"), ("个数", "个"),
                       ("万元", "万元"), ("金额", "")):
        if name.endswith(tail):
            return unit
    return ""


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= max(1e-9, 0.005 * max(abs(a), abs(b))) if (a % 1 or b % 1) else a == b


def _fmt(value: float, unit: str) -> str:
    if unit == "元" and value >= 1e4:
        return f"{value / 1e4:g}万元"
    return f"{value:g}{unit}"


def figure_findings(docs: Sequence[Doc]) -> list[Finding]:
    by_key: dict[tuple, list[Statement]] = defaultdict(list)
    labels = {d.id: d.label for d in docs}
    for doc in docs:
        statements = ledger_statements(doc) if doc.file_type == "xlsx" else text_statements(doc)
        seen: set[tuple] = set()
        for s in statements:
            if (s.key, s.value) in seen:
                continue
            seen.add((s.key, s.value))
            by_key[s.key].append(s)
    out = []
    for key, statements in by_key.items():
        docs_here = {s.doc_id for s in statements}
        if len(docs_here) < 2:
            continue
        # a document stating two different values for one key is ambiguous (two places, two periods): not used
        per_doc: dict[str, set[float]] = defaultdict(set)
        for s in statements:
            per_doc[s.doc_id].add(s.value)
        clear = [s for s in statements if len(per_doc[s.doc_id]) == 1]
        values = sorted({s.value for s in clear})
        if len(values) < 2:
            continue
        groups = [[s for s in clear if _same(s.value, v)] for v in values]
        a, b = groups[0][0], groups[-1][0]
        if _same(a.value, b.value):
            continue
        subject, unit, scope, year, cumulative = key
        ids = sorted({s.doc_id for s in clear})
        sources = [{"evidence_id": s.doc_id, "file": labels.get(s.doc_id, ""), "value": s.value, "unit": unit,
                    "where": s.where, "text": s.source} for s in clear]
        scope_text = "全县" if scope == "县" else scope
        out.append(Finding(
            kind="figure_conflict", evidence_ids=ids, severity="high",
            detail=f"{scope_text}{year}年“{subject}”前后不一致：{labels.get(a.doc_id)} 写 {_fmt(a.value, unit)}"
                   f"（“{a.source[-30:]}”），{labels.get(b.doc_id)} 写 {_fmt(b.value, unit)}（“{b.source[-30:]}”）",
            evidence={"subject": subject, "unit": unit, "scope": scope_text, "year": year, "sources": sources},
            subject=f"{subject}|{unit}|{scope}|{year}|{int(cumulative)}",
        ))
    return out


def statements_of(docs: Iterable[Doc]) -> list[Statement]:
    return [s for d in docs for s in (ledger_statements(d) if d.file_type == "xlsx" else text_statements(d))]
