"""Contradicting figures: the same quantity stated differently in two documents, or in a ledger.

A statement is a number with its unit and the words before it in the same clause ("全县累计完成农村户厕
改造12,345户" → 户厕改造 · 户 · 12345), with its scope — the place it is about (a 镇/乡/村 named in the
clause, or the one place its sentence names; 全县; else the unit that wrote the document) — and its
year (written nearby, else the document's). Targets (计划, 目标, 力争…), parts (其中), changes (同比,
增长…) and averages are left out: a plan and a result, a part and a whole differ honestly.

Ledgers state figures too: each data row is about the place named in its cells, each 合计/总计 row
about the whole, each numeric column is named by its header, and the unit comes from the header
("（户）") or from the sheet's title ("单位：万元"). A ledger header is terse ("已支出"), so a text
statement matches it when it ends with the header's subject and what it adds in front is in the
ledger's title ("脱贫劳动力务工就业" against "务工就业人数" of a 脱贫劳动力…务工就业统计表).

Two statements with the same subject, unit, scope and year and different values, from two files, are
a conflict, shown with both sources.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..textnorm import fold_width
from .finding import Doc, Finding
from .places import place_names

_UNITS = "亿元|万元|元|万户|户|万人|人次|人|个|座|所|公里|千米|处|间|条|家|项|吨|万亩|亩|辆|盏|%"
_NUMBER = re.compile(rf"(\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*({_UNITS})")
_CLAUSE_END = re.compile(r"[，,。；;！？!?\n\r、：:]")
_SENTENCE_END = "。；;！？!?\n"
_ASIDE = re.compile(r"[（(][^（）()]{0,30}[）)]")
_SKIP = re.compile(
    r"计划|目标|任务|预计|力争|拟|争取|要求|不低于|不少于|以上|以下|其中|同比|增长|下降|减少|提高|较上年|比上年|超过|"
    r"约|近|平均|人均|户均|每|占|比例|比重|进度"
)
_FILLER_WORDS = sorted((
    "全县", "全镇", "全乡", "全村", "全市", "我县", "我镇", "我乡", "本县", "本镇", "本乡", "累计", "共计", "合计",
    "总计", "完成", "实现", "达到", "已经", "全年", "年度", "本年", "今年", "年内", "当年", "截至", "截止", "年底",
    "年末", "农村", "有效", "全部", "全面", "顺利", "实际", "新建", "建成", "新增", "各类", "数量", "总数", "户数",
    "人数", "金额", "个数", "总额", "情况",
), key=len, reverse=True)
_FILLER = re.compile("|".join(_FILLER_WORDS) + r"|\d+年|\d+月|\d+日|[达为]$|[共了已底总：:\s\d.,，、“”\"'‘’（）()]")
_LEADING_SCOPE = re.compile(r"^[村镇乡县]+")
_YEAR = re.compile(r"(20\d{2})\s*年")
_COUNTY_WORDS = ("全县", "我县", "本县", "县域")
_TOTAL_ROW = re.compile(r"^(合计|总计|全县|总合计|汇总|小计)")
_HEADER_UNIT = re.compile(r"[（(]([^）)]+)[）)]")
_TITLE_UNIT = re.compile(rf"单位[:：]\s*({_UNITS})")
_SCALE = {"亿元": ("元", 1e8), "万元": ("元", 1e4), "元": ("元", 1.0), "万户": ("户", 1e4), "万人": ("人", 1e4),
          "千米": ("公里", 1.0), "万亩": ("亩", 1e4)}
MIN_SUFFIX = 4  # a header subject shorter than this is too vague to match a longer text subject


@dataclass(frozen=True)
class Statement:
    """One figure a document states: subject, unit, value, scope and year, and where it was read."""

    doc_id: str
    subject: str
    unit: str
    value: float
    scope: str
    year: str
    source: str  # the words as written, for the finding
    where: str  # 正文 or "工作表 X 合计行"
    context: str = ""  # for a ledger: its title (what its terse headers are about)

    @property
    def ledger(self) -> bool:
        return self.where != "正文"


def _value(number: str, unit: str) -> tuple[float, str]:
    base, scale = _SCALE.get(unit, (unit, 1.0))
    return float(number.replace(",", "")) * scale, base


def subject_of(words: str) -> str:
    """The quantity named by the words before a number, without scope, time and filler words."""
    return _LEADING_SCOPE.sub("", _FILLER.sub("", words))


def doc_scope(doc: Doc) -> str:
    for source in (doc.unit, doc.folders):
        places = place_names(source or "")
        if places:
            return places[-1]
    return "县"


def _year(doc: Doc) -> str:
    years = _YEAR.findall(doc.title or "")
    return years[0] if years else (doc.doc_date or "")[:4]


def text_statements(doc: Doc) -> list[Statement]:
    text = _ASIDE.sub("", fold_width(doc.text or ""))
    out = []
    scope_default, year_default = doc_scope(doc), _year(doc)
    for m in _NUMBER.finditer(text):
        start = m.start()
        window = max(0, start - 40)
        clause_start = max((c.end() for c in _CLAUSE_END.finditer(text, window, start)), default=window)
        words = text[clause_start:start]
        sentence_start = max(text.rfind(ch, 0, start) for ch in _SENTENCE_END) + 1
        context = text[max(sentence_start, start - 80):m.end()]
        if _SKIP.search(words) or _SKIP.search(text[m.end():m.end() + 2]):
            continue
        in_clause = place_names(words)
        plain = words
        for name in in_clause:
            plain = plain.replace(name, "")
        subject = subject_of(plain)
        if len(subject) < 2 or len(subject) > 14:
            continue
        value, unit = _value(m.group(1), m.group(2))
        in_sentence = set(place_names(context[: len(context) - len(words) - len(m.group(0))]))
        if in_clause:
            scope = in_clause[-1]
        elif any(w in context for w in _COUNTY_WORDS):
            scope = "县"
        elif len(in_sentence) == 1:  # the sentence is about one place ("古樟村依托…，村集体经济收入达到…")
            scope = next(iter(in_sentence))
        else:
            scope = scope_default
        years = _YEAR.findall(context)
        out.append(Statement(doc.id, subject, unit, value, scope, years[-1] if years else year_default,
                             context.strip(), "正文"))
    return out


def ledger_statements(doc: Doc) -> list[Statement]:
    """Each figure in a ledger: per row (scoped by the place named in the row) and per total row."""
    out = []
    title_unit = _TITLE_UNIT.search("\n".join((doc.text or "").splitlines()[:4]) + (doc.title or ""))
    head = "\n".join((doc.text or "").splitlines()[:3]) + (doc.title or "")
    for sheet in (doc.meta or {}).get("sheets") or []:
        header = [str(h or "") for h in sheet.get("header") or []]
        columns = []
        for col, name in enumerate(header):
            unit_m = _HEADER_UNIT.search(name)
            unit = unit_m.group(1) if unit_m and re.fullmatch(_UNITS, unit_m.group(1)) else ""
            unit = unit or _unit_from_name(name) or (title_unit.group(1) if title_unit else "")
            plain = _HEADER_UNIT.sub("", name)
            subject = subject_of(plain)
            if unit and len(subject) >= 2 and not _SKIP.search(plain) and "序号" not in plain:
                columns.append((col, subject, unit, name))
        if not columns:
            continue
        for row in sheet.get("rows") or []:
            cells = [str(c).strip() for c in row]
            first = next((c for c in cells if c), "")
            total = bool(_TOTAL_ROW.match(first))
            places = [p for c in cells for p in place_names(c) if p == c]
            if total:
                scope = doc_scope(doc)
                label = f"{first}行"
            elif places:
                scope = places[-1]
                label = f"“{places[-1]}”行"
            else:
                continue
            for col, subject, unit, name in columns:
                if col >= len(cells) or not re.fullmatch(r"-?\d+(?:\.\d+)?", cells[col].replace(",", "")):
                    continue
                value, base = _value(cells[col], unit)
                out.append(Statement(doc.id, subject, base, value, scope, _year(doc), f"{name}：{cells[col]}",
                                     f"工作表“{sheet.get('name', '')}”{label}", head))
    return out


def _unit_from_name(name: str) -> str:
    for tail, unit in (("户数", "户"), ("人数", "人"), ("人次", "人次"), ("座数", "座"), ("个数", "个"),
                       ("万元", "万元"), ("亩数", "亩")):
        if name.endswith(tail):
            return unit
    return ""


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _fmt(value: float, unit: str) -> str:
    if unit == "元" and value >= 1e4:
        return f"{value / 1e4:g}万元"
    return f"{value:g}{unit}"


def _matches(text_s: Statement, ledger_s: Statement) -> bool:
    """A text subject against a ledger's terse header subject (see the module docstring)."""
    if text_s.subject == ledger_s.subject:
        return True
    short = ledger_s.subject
    if len(short) < MIN_SUFFIX or not text_s.subject.endswith(short):
        return False
    extra = text_s.subject[: -len(short)]
    return bool(extra) and extra in ledger_s.context


def statements_of(docs: Iterable[Doc]) -> list[Statement]:
    return [s for d in docs for s in (ledger_statements(d) if d.file_type == "xlsx" else text_statements(d))]


def figure_findings(docs: Sequence[Doc]) -> list[Finding]:
    labels = {d.id: d.label for d in docs}
    by_key: dict[tuple[str, str, str, str], list[Statement]] = defaultdict(list)
    ledger_by_scope: dict[tuple[str, str, str], list[Statement]] = defaultdict(list)
    for s in statements_of(docs):
        by_key[(s.subject, s.unit, s.scope, s.year)].append(s)
        if s.ledger:
            ledger_by_scope[(s.unit, s.scope, s.year)].append(s)
    # a text statement also joins the group of a ledger column it matches by suffix
    for key, statements in list(by_key.items()):
        subject, unit, scope, year = key
        for ls in ledger_by_scope.get((unit, scope, year), []):
            if ls.subject == subject:
                continue
            for s in statements:
                if not s.ledger and _matches(s, ls):
                    by_key[(ls.subject, unit, scope, year)].append(s)
    out = []
    for key, statements in by_key.items():
        per_doc: dict[str, set[float]] = defaultdict(set)
        for s in statements:
            per_doc[s.doc_id].add(s.value)
        if len(per_doc) < 2:
            continue
        # a document stating two values for one key is ambiguous (two places, two periods): not used
        clear = list({(s.doc_id, s.value): s for s in statements if len(per_doc[s.doc_id]) == 1}.values())
        values = sorted({s.value for s in clear})
        if len(values) < 2 or _same(values[0], values[-1]):
            continue
        first = next(s for s in clear if s.value == values[0])
        last = next(s for s in clear if s.value == values[-1])
        subject, unit, scope, year = key
        ids = sorted({s.doc_id for s in clear})
        sources = [{"evidence_id": s.doc_id, "file": labels.get(s.doc_id, ""), "value": s.value, "unit": unit,
                    "where": s.where, "text": s.source} for s in clear]
        scope_text = "全县" if scope == "县" else scope
        out.append(Finding(
            kind="figure_conflict", evidence_ids=ids, severity="high",
            detail=f"{scope_text}{year}年“{subject}”前后不一致：{labels.get(first.doc_id)} 写 {_fmt(first.value, unit)}"
                   f"（{first.where}“{first.source[-30:]}”），{labels.get(last.doc_id)} 写 {_fmt(last.value, unit)}"
                   f"（{last.where}“{last.source[-30:]}”）",
            evidence={"subject": subject, "unit": unit, "scope": scope_text, "year": year, "sources": sources},
            subject=f"{subject}|{unit}|{scope}|{year}",
        ))
    return out
