"""Contradicting figures: the same quantity stated differently in two documents, or in a ledger.

A statement is one figure a document states, read as five things, because two figures contradict
each other only when all of them agree and the values do not:

* the value and its unit — "1,280户", "1.2万亩", "９８２０万元" (full-width digits, 万/亿 multipliers and
  thousands commas read; 万元 and 元 compared as one unit), with the rounding its written digits allow
  ("1.2万亩" is any area from 11,500 to 12,500 亩);
* the subject it counts — the words before it in its clause without scope, time and filler words, each
  term of the search concept table replaced by its concept (改厕, 户厕改造, 改造户厕 are one subject);
  a bare verb ("已支出") takes the topic its sentence or title names ("衔接资金支出");
* its scope — the place the clause names, 全县, the one place its sentence is about, else the place the
  document's title, unit or folder names; places are read against the county's own names (those in
  titles, units, folders and ledger rows), so "以红岩村…" is 红岩村;
* its period — the year, whether it is the year's figure (全年, 2024年完成) or a running total (累计, 以来),
  and the month it runs to (上半年, 前三季度, 1-10月, 截至10月底; else the month the document was written
  in, a year-end document counting to December);
* whether it is a result at all: targets (计划, 目标, 力争, 任务数, or any figure of a 方案 that is not
  marked as done), parts (其中), changes (同比, 增长…), approximations (约, 余, 以上) and averages are left
  out — a plan and a result, a part and a whole differ honestly.

Ledgers state figures too: each data row is about the place named in its cells, each 合计/总计 row about
the ledger's own scope, each numeric column is named by its header, the unit comes from the header
("（户）") or the title ("单位：万元"), the period from the title ("截至2024年12月31日"). A ledger header
is terse ("改造户数"), so its subject is completed from the title's concept (户厕改造验收台账 → 改厕), and
a text statement also matches it when it ends with the header's subject and what it adds in front is in
the ledger's title.

Statements of the same subject, unit, scope, year and end month whose periods can be the same (a year's
figure and a running total cannot) and whose values differ beyond rounding, from two files, are a
conflict, shown with both sources.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .. import analysis
from ..concepts import ConceptError, ConceptTable, load_concepts
from ..textnorm import fold_width, to_simplified
from .finding import Doc, Finding
from .places import place_names

_UNITS = "人次|户|人|名|个|座|所|公里|千米|处|间|条|家|项|吨|亩|辆|盏|栋|元|%"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = re.compile(rf"(?<![\d.\-A-Za-z第])({_NUM})\s*(万|亿)?\s*({_UNITS})")
_TRAILING_FIGURE = re.compile(rf"(?:{_NUM})\s*(?:万|亿)?\s*(?:{_UNITS})$")
_BASE = {"名": "人", "千米": "公里"}
_MULTIPLIER = {"万": 1e4, "亿": 1e8}
_CLAUSE_END = re.compile(r"[，。；;！？!?\n\r\t、：:]|(?<!\d),|,(?!\d)")
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_ASIDE = re.compile(r"[（(][^（）()]{0,30}[）)]")
_APPROX_AFTER = re.compile(r"^(?:余|多|以上|以下|左右|以内|上下)")
_APPROX_BEFORE = re.compile(r"(?:约|近|超过|逾|不低于|不少于|不超过)$")
_NOT_RESULT = re.compile(
    r"其中|同比|增长|下降|减少|增加|提高|提升|上升|较上年|比上年|较\d{4}年|比\d{4}年|平均|人均|户均|每|占|比例|比重|进度|"
    r"补助标准|补贴标准|标准为|单价|不低于|不少于|以上|以下"
)
_TARGET = re.compile(r"计划|目标|力争|预计|拟|争取|要求|确保|预期|规划|任务数|下达.{0,6}任务|任务为|到\d{4}年")
_DONE = re.compile(r"已|完成|实现|累计|截至|截止|建成|达到")
_PLAN_TITLE = re.compile(r"方案|计划|规划|要点|任务|责任书|目标")
_DONE_IN_PLAN = re.compile(r"已|累计|截至|截止")
_PART = re.compile(r"其中")

_FILLER_WORDS = sorted((
    "全县", "全镇", "全乡", "全村", "全市", "我县", "我镇", "我乡", "我村", "本县", "本镇", "本乡", "本村", "县域",
    "累计", "共计", "合计", "总计", "完成", "实现", "达到", "已经", "全年", "年度", "本年", "今年", "年内", "当年",
    "截至", "截止", "年底", "年末", "上半年", "下半年", "前三季度", "一季度", "第一季度", "以来", "至今", "历年",
    "农村", "有效", "全部", "全面", "顺利", "实际", "新建", "建成", "共有", "现有", "各类", "数量", "总数", "户数",
    "人数", "金额", "个数", "总额", "情况", "任务", "工作", "识别纳入", "纳入", "识别",
), key=len, reverse=True)
_FILLER = re.compile(
    "|".join(_FILLER_WORDS) + r"|\d+\s*[-—～~至到]\s*\d+月|\d+年|\d+月份?|\d+日|月底|月末|[达为]$|"
    r"[共了已底总和及与并的：:\s\d.,，、“”\"'‘’（）()]"
)
_LEADING_SCOPE = re.compile(r"^[村镇乡县]+")
_TRAILING_WORDS = re.compile(r"(?:任务|工作|项目建设)$")
# a subject of only these words is a bare verb ("已支出", "改造户数") and takes its sentence's or title's topic
_GENERIC = re.compile(
    r"(?:支出|拨付|下达|到位|投入|使用|改造|整改|验收|合格|覆盖|建设|实施|兑现|发放|收入|结余|资金|投资)+")

_YEAR = re.compile(r"(20\d{2})\s*年(?!\s*(?:以来|起|至今))")
_COUNTY_TITLE = re.compile(r"^[\u4e00-\u9fff]{1,3}县")
_COUNTY_WORDS = re.compile(r"全县|我县|本县|县域|县级|全市")
_TOWN_WORDS = re.compile(r"全镇|我镇|本镇|全乡|我乡|本乡|全村|我村|本村")
_CUM = re.compile(r"累计|历年|以来|至今")
_YEAR_CUM = re.compile(
    r"(?:全年|年内|今年|本年|当年|年初)(?:以来)?累计|今年以来|年初以来|\d+\s*[-—～~至到]\s*\d+月累计")
_ANNUAL = re.compile(r"全年|年度|本年|今年|当年|年内|20\d{2}\s*年(?![底末\d]|以来|起)")
_END_MONTH = (
    (re.compile(r"前三季度"), 9), (re.compile(r"上半年"), 6), (re.compile(r"第?一季度"), 3),
    (re.compile(r"\d+\s*[-—～~至到]\s*(\d{1,2})月"), 0), (re.compile(r"(?:截至|截止|至)(?:20\d{2}年)?(\d{1,2})月"), 0),
    (re.compile(r"(?:截至|截止|至)(?:20\d{2}年)?(?:年底|年末)"), 12),
)
_PLACE_CHAR = re.compile(r"[镇乡村社街]")
_PERIOD_CHAR = re.compile(r"[年月季计来今]")
_OTHER_QUARTER = re.compile(r"第?[二三四]季度|下半年")
_TOTAL_ROW = re.compile(r"^(合计|总计|全县|总合计|汇总)")
_HEADER_UNIT = re.compile(r"[（(]([^）)]+)[）)]")
_TITLE_UNIT = re.compile(r"单位[:：]\s*(万元|元|万户|户|万人|人次|人|个|座|万亩|亩|公里)")
_CELL_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_CELL_UNIT = re.compile(rf"(?<=\d)\s*(?:{_UNITS})$")  # "1280户" in a cell is 1280 under its column's unit
MIN_SUFFIX = 4  # a header subject shorter than this is too vague to match a longer text subject
CLOSE = 0.02  # a relative difference below this is a slip (medium); above it a contradiction (high)


@dataclass(frozen=True)
class Statement:
    """One figure a document states, and where it was read (see the module docstring)."""

    doc_id: str
    subject: str
    unit: str
    value: float
    scope: str
    year: str
    source: str  # the words as written, for the finding
    where: str  # 正文 or "工作表 X 合计行"
    context: str = ""  # for a ledger: its title (what its terse headers are about)
    kind: str = ""  # 年度 (the year's figure), 累计 (a running total), another named period, or "" (not said)
    end: int = 12  # the month the figure runs to
    tolerance: float = 0.0  # half the last written digit, in the base unit
    words: str = ""  # the words that name it, as written (its subject before concept terms are folded)

    @property
    def said(self) -> str:
        return subject_of(self.words)

    @property
    def ledger(self) -> bool:
        return self.where != "正文"


@dataclass
class Vocabulary:
    """What statements are read against: the concept table and the county's own place names."""

    concepts: ConceptTable
    places: frozenset[str]
    _pattern: re.Pattern[str] | None = None
    _names: dict[str, str] | None = None
    _concept_names: frozenset[str] = frozenset()

    def canonical(self, words: str, prepared: bool = False) -> str:
        """Each concept term in `words` replaced by its concept's name, longest term first."""
        if self._pattern is None:
            names: dict[str, str] = {}
            for name, terms in self.concepts.concepts.items():
                if name.startswith("简称:"):
                    continue
                for term in terms:
                    names.setdefault(term, analysis.prepare(name))
            self._names = names
            self._concept_names = frozenset(names.values())
            self._pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))) or "(?!)")
        assert self._names is not None
        names = self._names
        return self._pattern.sub(lambda m: names[m.group(0)], words if prepared else analysis.prepare(words))

    def concept_in(self, words: str, prepared: bool = False, *, title: bool = False) -> str:
        """The concept a bare verb is about, or "": in a sentence the last one named before it; in a title
        the first one ("衔接资金分配和支出进度表" is about 衔接资金; 支出进度 is what it shows of it)."""
        self.canonical("")
        assert self._pattern is not None and self._names is not None
        found = self._pattern.findall(words if prepared else analysis.prepare(words))
        return self._names[found[0 if title else -1]] if found else ""

    @property
    def concept_names(self) -> frozenset[str]:
        self.canonical("")
        return self._concept_names

    def has_concept(self, subject: str) -> bool:
        self.canonical("")
        return any(n in subject for n in self._concept_names) if subject else False

    def place(self, name: str) -> str:
        """A place read in text, as the county names it ("以红岩村" → 红岩村 when 红岩村 is known)."""
        if name in self.places:
            return name
        for cut in (1, 2):
            if name[cut:] in self.places:
                return name[cut:]
        return name


def vocabulary(docs: Sequence[Doc], concepts: ConceptTable | None = None) -> Vocabulary:
    known: set[str] = set()
    for d in docs:
        for source in (d.title, d.unit, d.folders):
            known.update(place_names(source or ""))
        for sheet in (d.meta or {}).get("sheets") or []:
            for row in sheet.get("rows") or []:
                known.update(p for c in row for p in place_names(str(c)) if p == str(c).strip())
    return Vocabulary(concepts if concepts is not None else load_concepts(None), frozenset(known))


def concepts_for(root: Path) -> ConceptTable:
    """The workspace's concept table; the shipped one when its own concepts.toml cannot be read (the search
    reports that file's error; a check should still run)."""
    try:
        return load_concepts(root)
    except ConceptError:
        return load_concepts(None)


def _value(number: str, multiplier: str, unit: str) -> tuple[float, str, float]:
    """(value in the base unit, base unit, half its last written digit)."""
    digits = number.replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    scale = _MULTIPLIER.get(multiplier, 1.0)
    base = _BASE.get(unit, unit)
    tolerance = 0.5 * 10 ** -decimals * scale if (decimals or multiplier) else 0.0
    return float(digits) * scale, base, tolerance


def subject_of(words: str, vocab: Vocabulary | None = None, prepared: bool = False) -> str:
    """The quantity named by the words before a number, without scope, time and filler words (concept terms
    folded first, so a term holding a filler word — 农村厕所革命 — is still read whole)."""
    if vocab is not None:
        words = vocab.canonical(words, prepared)
    return _TRAILING_WORDS.sub("", _LEADING_SCOPE.sub("", _FILLER.sub("", words)))


def _with_topic(subject: str, topic_words: str, vocab: Vocabulary, prepared: bool = False,
                title: bool = False) -> str:
    """A bare verb ("支出", "改造") completed by the concept its sentence or title is about."""
    if not _GENERIC.fullmatch(subject) or vocab.has_concept(subject):
        return subject
    topic = vocab.concept_in(topic_words, prepared, title=title)
    if not topic or topic in subject:
        return subject
    for terms in (vocab.concepts.concepts.values()):
        if any(subject in t for t in terms) and any(vocab.canonical(t) == topic for t in terms):
            return topic  # 改造 within 户厕改造: the concept itself
    return topic + subject


def doc_scope(doc: Doc, vocab: Vocabulary | None = None) -> str:
    """The place a document is about: its title's, else its unit's, else its folder's; else the county."""
    title = doc.title or ""
    for source in (title, doc.unit, doc.folders):
        places = place_names(source or "")
        if places:
            return vocab.place(places[-1]) if vocab else places[-1]
        if source is title and _COUNTY_TITLE.match(title):
            return "县"
    return "县"


def _doc_year(doc: Doc) -> str:
    years = _YEAR.findall(doc.title or "")
    return years[0] if years else (doc.doc_date or "")[:4]


def _default_end(doc: Doc, year: str) -> int:
    """A figure that names no month runs to when its document was written (year-end from November)."""
    date = doc.doc_date or ""
    if date[:4] == year and len(date) >= 7 and date[5:7].isdigit():
        month = int(date[5:7])
        return 12 if month >= 11 else month
    return 12


def period_of(clause: str, sentence: str, default_end: int) -> tuple[str, int]:
    """(kind, end month) of a figure from its clause, then its sentence (see the module docstring)."""
    kind, end = "", 0
    for words in (clause, sentence):
        if not _PERIOD_CHAR.search(words):
            continue
        if not kind:
            if _OTHER_QUARTER.search(words):
                kind = _OTHER_QUARTER.search(words).group(0).lstrip("第")
            elif _YEAR_CUM.search(words):
                kind = "年度"
            elif _CUM.search(words):
                kind = "累计"
            elif _ANNUAL.search(words):
                kind = "年度"
        if not end:
            for pattern, month in _END_MONTH:
                m = pattern.search(words)
                if m:
                    end = month or int(m.group(1))
                    break
    return kind, min(end, 12) or default_end


def _places(text: str) -> list[str]:
    return place_names(text) if _PLACE_CHAR.search(text) else []


def _scope(clause: str, in_clause: list[str], before: str, sentence_places: list[str], doc_default: str,
           vocab: Vocabulary) -> str:
    if in_clause:
        return vocab.place(in_clause[-1])
    if _COUNTY_WORDS.search(clause):
        return "县"
    if _TOWN_WORDS.search(clause):
        return doc_default
    in_sentence = {vocab.place(p) for p in sentence_places if p in before}
    if len(in_sentence) == 1:  # the sentence is about one place ("古樟村依托…，村集体经济收入达到…")
        return next(iter(in_sentence))
    if _COUNTY_WORDS.search(before):
        return "县"
    return doc_default


def text_statements(doc: Doc, vocab: Vocabulary | None = None) -> list[Statement]:
    vocab = vocab or vocabulary([doc])
    # width folded and Simplified, as the concept table's terms are
    text = _ASIDE.sub("", to_simplified(fold_width(doc.text or "")))
    out = []
    scope_default, year_default = doc_scope(doc, vocab), _doc_year(doc)
    plan = bool(_PLAN_TITLE.search(doc.title or doc.name or ""))
    title_topic = doc.title or doc.name or ""
    sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    si = 0
    title_concept = vocab.concept_in(title_topic, title=True)
    places_of: dict[int, list[str]] = {}  # sentence start -> the places the sentence names
    for m in _NUMBER.finditer(text):
        start = m.start()
        if len(m.group(1).replace(",", "").split(".")[0]) > 10:
            continue  # a telephone or ID number, not a figure
        while si + 1 < len(sentence_starts) and sentence_starts[si + 1] <= start:
            si += 1
        sentence_start = sentence_starts[si]
        window = max(sentence_start, start - 40)
        clause_start = max((c.end() for c in _CLAUSE_END.finditer(text, window, start)), default=window)
        words = text[clause_start:start]
        before = text[sentence_start:clause_start]
        after = text[m.end():m.end() + 12]
        if _APPROX_AFTER.match(after) or _APPROX_BEFORE.search(words) or _NOT_RESULT.search(words):
            continue
        if _PART.search(before) or _TARGET.search(words) or (_TARGET.search(before) and not _DONE.search(words)):
            continue
        if plan and not _DONE_IN_PLAN.search(words):
            continue
        clause = words
        words = _own_words(words)
        plain = words
        if sentence_start not in places_of:
            end_of = sentence_starts[si + 1] if si + 1 < len(sentence_starts) else len(text)
            places_of[sentence_start] = _places(text[sentence_start:end_of])
        in_clause = [p for p in places_of[sentence_start] if p in words]
        for name in in_clause:
            plain = plain.replace(name, "")
        subject = subject_of(plain, vocab, prepared=True)
        if not subject:  # "完成1,280户户厕改造": the subject follows the figure
            plain = _CLAUSE_END.split(after, 1)[0]
            subject = subject_of(plain, vocab, prepared=True)
        topic = (before + words) if vocab.concept_in(before + words, True) else title_concept
        subject = _with_topic(subject, topic, vocab, prepared=True)
        if len(subject) < 2 or len(subject) > 14 or _GENERIC.fullmatch(subject):
            continue  # a bare 投资 or 支出 of nothing named: too vague to compare
        value, unit, tolerance = _value(m.group(1), m.group(2) or "", m.group(3))
        years = _YEAR.findall(clause) or _YEAR.findall(before)
        year = years[-1] if years else year_default
        kind, end = period_of(clause, before, _default_end(doc, year))
        context = text[max(sentence_start, start - 80):m.end()]
        scope = _scope(words, in_clause, before, places_of[sentence_start], scope_default, vocab)
        out.append(Statement(doc.id, subject, unit, value, scope, year,
                             context.strip(), "正文", kind=kind, end=end, tolerance=tolerance, words=plain))
    return out


def _own_words(words: str) -> str:
    """The clause's words that name this figure: those after an earlier figure in the clause ("投入资金1350万元
    实施道路提质改造" → 实施道路提质改造), or before a figure it is paired with ("监测对象1,236户4,015人")."""
    earlier = list(_NUMBER.finditer(words))
    if not earlier:
        return words
    last = earlier[-1]
    if last.end() >= len(words.rstrip()):
        return _own_words(words[:last.start()])
    return words[last.end():]


def text_tables(text: str) -> list[dict]:
    """The tables of a Word document or PDF as its text holds them (a row a line, cells split by tabs),
    in the shape of a workbook's sheets; the lines just above a table may say its unit (单位：万元)."""
    tables: list[dict] = []
    lines = (text or "").splitlines()
    i = 0
    while i < len(lines):
        if lines[i].count("\t") < 1:
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].count("\t") >= 1:
            j += 1
        if j - i >= 3:
            rows = [line.split("\t") for line in lines[i:j]]
            tables.append({"name": f"表{len(tables) + 1}", "header": rows[0], "rows": rows[1:],
                           "note": " ".join(lines[max(0, i - 2):i])})
        i = j
    return tables


def ledger_statements(doc: Doc, vocab: Vocabulary | None = None,
                      sheets: list[dict] | None = None) -> list[Statement]:
    """Each figure in a ledger: per row (scoped by the place named in the row) and per total row."""
    vocab = vocab or vocabulary([doc])
    out = []
    lines = (doc.text or "").splitlines()
    title_unit = _TITLE_UNIT.search(fold_width("\n".join(lines[:4]) + (doc.title or "")))
    head = fold_width("\n".join(lines[:3]) + (doc.title or "") + " " + (doc.name or ""))
    scope_default, year = doc_scope(doc, vocab), _doc_year(doc)
    _kind, ledger_end = period_of("", head, _default_end(doc, year))
    topic = vocab.canonical(head)
    if sheets is None:
        sheets = (doc.meta or {}).get("sheets") or []
    for sheet in sheets:
        header = [fold_width(str(h or "")) for h in sheet.get("header") or []]
        note_unit = _TITLE_UNIT.search(fold_width(sheet.get("note", ""))) or title_unit
        columns = []
        for col, name in enumerate(header):
            unit_m = _HEADER_UNIT.search(name)
            unit = unit_m.group(1) if unit_m and re.fullmatch(rf"(?:万|亿)?(?:{_UNITS})", unit_m.group(1)) else ""
            unit = unit or _unit_from_name(name) or (note_unit.group(1) if note_unit else "")
            plain = _HEADER_UNIT.sub("", name)
            subject = _with_topic(subject_of(plain, vocab), head, vocab, title=True)
            if unit and len(subject) >= 2 and not _NOT_RESULT.search(plain) and not _TARGET.search(plain) \
                    and "序号" not in plain:
                kind, end = period_of(plain, "", ledger_end)
                columns.append((col, subject, unit, plain, kind, end))
        if not columns:
            continue
        for row in sheet.get("rows") or []:
            cells = [_CELL_UNIT.sub("", fold_width(str(c)).strip()) for c in row]
            first = re.sub(r"\s+", "", next((c for c in cells if c), ""))
            places = [p for c in cells for p in place_names(c) if p == c]
            if _TOTAL_ROW.match(first):
                scope, label = scope_default, f"{first}行"
            elif places:
                scope, label = vocab.place(places[-1]), f"“{places[-1]}”行"
            else:
                continue
            for col, subject, unit, plain, kind, end in columns:
                name = header[col]
                if col >= len(cells) or not _CELL_NUMBER.fullmatch(cells[col].replace(",", "")):
                    continue
                multiplier = unit[0] if unit[0] in _MULTIPLIER and len(unit) > 1 else ""
                value, base, tolerance = _value(cells[col], multiplier, unit[len(multiplier):])
                out.append(Statement(doc.id, subject, base, value, scope, year, f"{name}：{cells[col]}",
                                     f"工作表“{sheet.get('name', '')}”{label}", topic, kind, end, tolerance, plain))
    return out


def _unit_from_name(name: str) -> str:
    for tail, unit in (("户数", "户"), ("人数", "人"), ("人次", "人次"), ("座数", "座"), ("个数", "个"),
                       ("万元", "万元"), ("亩数", "亩"), ("金额", "元")):
        if name.endswith(tail):
            return unit
    return ""


def _differ(a: Statement, b: Statement) -> bool:
    """Different beyond what rounding either written figure allows."""
    return abs(a.value - b.value) > max(a.tolerance, b.tolerance) + 1e-6 * max(1.0, abs(a.value), abs(b.value))


def _fmt(value: float, unit: str) -> str:
    if unit == "元" and value >= 1e4:
        return f"{value / 1e4:g}万元"
    return f"{value:g}{unit}"


def _matches(text_s: Statement, ledger_s: Statement, vocab: Vocabulary) -> bool:
    """A text subject against a ledger's terse header subject (see the module docstring)."""
    if text_s.subject == ledger_s.subject:
        return True
    short = ledger_s.subject
    if len(short) < (2 if short in vocab.concept_names else MIN_SUFFIX) or not text_s.subject.endswith(short):
        return False
    extra = text_s.subject[: -len(short)]
    return bool(extra) and extra in ledger_s.context


def statements_of(docs: Iterable[Doc], vocab: Vocabulary | None = None) -> list[Statement]:
    docs = list(docs)
    vocab = vocab or vocabulary(docs)
    out: list[Statement] = []
    for d in docs:
        if d.file_type == "xlsx":
            out += ledger_statements(d, vocab)
        else:
            out += text_statements(d, vocab)
            tables = text_tables(d.text) if "\t" in (d.text or "") else []
            if tables:
                out += ledger_statements(d, vocab, tables)
    return out


def _period_label(kind: str, end: int) -> str:
    label = kind or ""
    if end < 12:
        label += f"截至{end}月底"
    return label


def figure_findings(docs: Sequence[Doc], concepts: ConceptTable | None = None) -> list[Finding]:
    labels = {d.id: d.label for d in docs}
    vocab = vocabulary(docs, concepts)
    by_key: dict[tuple[str, str, str, str, int], list[Statement]] = defaultdict(list)
    ledger_by_scope: dict[tuple[str, str, str, int], list[Statement]] = defaultdict(list)
    for s in statements_of(docs, vocab):
        by_key[(s.subject, s.unit, s.scope, s.year, s.end)].append(s)
        if s.ledger:
            ledger_by_scope[(s.unit, s.scope, s.year, s.end)].append(s)
    # a text statement also joins the group of a ledger column it matches by suffix
    for key, statements in list(by_key.items()):
        subject, unit, scope, year, end = key
        for ls in ledger_by_scope.get((unit, scope, year, end), []):
            if ls.subject == subject:
                continue
            for s in statements:
                if not s.ledger and _matches(s, ls, vocab):
                    by_key[(ls.subject, unit, scope, year, end)].append(replace(s, subject=ls.subject))
    out: list[Finding] = []
    seen: set[frozenset[tuple[str, float]]] = set()
    for key, statements in by_key.items():
        kinds = sorted({s.kind for s in statements} - {""})
        values = {k: sorted(s.value for s in statements if s.kind == k) for k in kinds}
        slack = {k: max(s.tolerance for s in statements if s.kind == k) for k in kinds}
        for view in kinds or [""]:
            finding = _conflict(key, [s for s in statements if _in_view(s, view, values, slack)], view,
                                labels, seen)
            if finding is not None:
                out.append(finding)
    return out


def _in_view(s: Statement, view: str, values: dict[str, list[float]], slack: dict[str, float]) -> bool:
    """Whether a statement is compared within one period kind: its own, or — when it names none — each
    kind, unless its value is that of one kind's statements (then it is that kind's figure)."""
    if s.kind or not view:
        return s.kind == view
    agrees = [k for k, vs in values.items() if _near(vs, s.value, max(slack[k], s.tolerance))]
    return not agrees or view in agrees


def _near(sorted_values: list[float], value: float, tolerance: float) -> bool:
    tolerance += 1e-6 * max(1.0, abs(value))
    i = bisect_left(sorted_values, value - tolerance)
    return i < len(sorted_values) and sorted_values[i] <= value + tolerance


def _conflict(key: tuple[str, str, str, str, int], statements: list[Statement], kind: str,
              labels: dict[str, str], seen: set[frozenset[tuple[str, float]]]) -> Finding | None:
    per_doc: dict[str, list[Statement]] = defaultdict(list)
    for s in statements:
        per_doc[s.doc_id].append(s)
    if len(per_doc) < 2:
        return None
    # a document stating two values for one key is ambiguous (two places, two periods): not used
    clear = sorted((group[0] for group in per_doc.values() if not any(_differ(group[0], s) for s in group[1:])),
                   key=lambda s: s.value)
    if len(clear) < 2 or not _differ(clear[0], clear[-1]):
        return None
    first, last = clear[0], clear[-1]
    sources_key = frozenset((s.doc_id, s.value) for s in clear)
    if sources_key in seen:
        return None
    seen.add(sources_key)
    subject, unit, scope, year, end = key
    said = next((s.said for s in (first, last) if not s.ledger and s.said), first.said or subject)
    ids = sorted({s.doc_id for s in clear})
    period = _period_label(kind, end)
    sources = [{"evidence_id": s.doc_id, "file": labels.get(s.doc_id, ""), "value": s.value, "unit": unit,
                "where": s.where, "text": s.source, "period": _period_label(s.kind, s.end)} for s in clear]
    scope_text = "全县" if scope == "县" else scope
    gap = abs(last.value - first.value) / max(abs(first.value), abs(last.value), 1e-9)
    return Finding(
        kind="figure_conflict", evidence_ids=ids, severity="high" if gap >= CLOSE else "medium",
        detail=f"{scope_text}{year}年{period}“{said}”前后不一致：{labels.get(first.doc_id)} 写 "
               f"{_fmt(first.value, unit)}（{first.where}“{first.source[-30:]}”），{labels.get(last.doc_id)} 写 "
               f"{_fmt(last.value, unit)}（{last.where}“{last.source[-30:]}”），相差{gap:.1%}",
        evidence={"subject": said, "quantity": subject, "unit": unit, "scope": scope_text, "year": year,
                  "period": period, "sources": sources},
        subject=f"{subject}|{unit}|{scope}|{year}|{kind}|{end}",
    )
