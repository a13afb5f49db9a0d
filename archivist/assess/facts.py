"""Facts (事实) taken from the evidence itself: the counts, amounts, rates and ledger totals a report quotes.

A 自评报告 that says "已归档佐证材料4件" is an evidence checklist; the one a leader signs says
"全镇完成户厕改造320户，验收合格318户，合格率99.4%（见《河口镇2024年农村户厕改造验收报告》）".
The figures are in the archive already — in the documents' text, their titles and the 合计 rows of
the ledgers. This module finds them by mechanism, never by example:

* **figures in text** — a number followed by a measure word (量词) or unit: 户/人/万元/公里/个/%/亩…
  (ordinals such as 第3期, years, dates and long digit runs are not figures);
* **statements** — the figures of one sentence are kept together with the words around them, as one
  verbatim span of the document (from the first figure clause to the last, with a leading time phrase
  such as "截至6月底"), so the report can quote it and a reader can find it in the source;
* **ledger totals** — the 合计/总计 row of each sheet, column by column, named by its header
  ("完成数（户）" → 完成数1320户); a column whose 合计 the ledger checks found wrong is not quoted.

Every :class:`Fact` carries the evidence id it came from and the quote that contains it, so a report
can cite the document and a test can open the document and find the figure. Facts are cached by the
file's sha256, one row per file in ``index/cache/facts.sqlite3`` (:class:`ArchiveFacts`): a 20,000-document
archive is read once, not per report, and a report reads only the rows of the evidence it quotes — one
indicator at a time — instead of the whole cache (the old ``facts.json`` was over 100 MB at 20,000
documents and every report loaded it whole; it is removed on first use and its facts recomputed).
"""

from __future__ import annotations

import heapq
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, astuple, dataclass, replace
from typing import TYPE_CHECKING, Any

from .sha_cache import ShaStore

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..workspace import Workspace
    from .ledger_checks import LedgerFinding

FACTS_VERSION = 1  # bump when a rule changes: cached facts are then recomputed
FACTS_STORE = "facts.sqlite3"  # under the workspace's index/cache
STORE_LAYOUT = 2  # how a row is laid out (_to_cache); part of the store's version like FACTS_VERSION
OLD_FACTS_FILE = "facts.json"  # the whole-archive JSON cache this store replaces
MAX_TEXT_CHARS = 12_000  # the figures a report quotes are near the top; a 300-page PDF is not read to the end
MAX_QUOTE_CHARS = 90
MAX_STATEMENTS_PER_DOC = 12

# Longest first: "万元" before "元", "人次" before "人".
UNITS = ("亿元", "万元", "元", "万人次", "人次", "万人", "人", "万户", "户", "公里", "千米", "万亩", "亩",
         "平方米", "个百分点", "%", "％", "个", "座", "处", "所", "家", "项", "件", "名", "吨", "场", "期",
         "批", "条", "套", "台", "辆", "村", "次", "间", "栋", "支", "宗", "笔")
KINDS = {"%": "rate", "％": "rate", "个百分点": "rate", "亿元": "amount", "万元": "amount", "元": "amount",
         "公里": "length", "千米": "length", "万亩": "area", "亩": "area", "平方米": "area"}
_UNIT_RX = "|".join(re.escape(u) for u in UNITS)
# A figure: digits (thousands commas allowed), an optional fraction, then a unit. Not after 第 (an
# ordinal), a digit or a Latin letter (a code); "个" not before 月 (a duration, 3个月).
FIGURE = re.compile(
    r"(?<![\d.,，第A-Za-z])(?P<num>\d{1,3}(?:,\d{3})+|\d{1,8})(?:\.(?P<frac>\d{1,4}))?\s?"
    rf"(?P<unit>{_UNIT_RX})(?!月|以上|以下|左右)"
)
SENTENCE_END = re.compile(r"[。！？!?\n]+")
CLAUSE_END = re.compile(r"[，；;：:]|(?<!\d),|,(?!\d{3}(?!\d))")  # not the comma of 12,860
# A clause that says when: kept in front of the figures it dates ("截至6月底，全县…12,860人").
TIME_CLAUSE = re.compile(r"^(截至|截止|到|至|今年以来|年初以来|全年|上半年|下半年|前三季度|第[一二三四]季度|"
                         r"\d{4}年|\d{1,2}月)")
# Words that make a statement worth quoting first: something was done, reached or covered.
DONE_WORDS = re.compile(r"完成|累计|实现|达到|覆盖|建成|新增|发放|投入|落实|化解|合格|签订|吸纳|开展|选派|"
                        r"拆除|建设|放映|演出|增长|支出|流转|培训|帮扶|改造|整治|就业")
HEADER_UNIT = re.compile(r"[（(]([^（）()]{1,6})[）)]\s*$")
TOTAL_ROW = re.compile(r"^.{0,12}(合计|总计|共计)[:：]?$")


@dataclass(frozen=True, slots=True)
class Fact:
    """One figure of one document: 320户 of "全镇完成户厕改造320户"."""

    evidence_id: str
    value: float
    unit: str  # 户, 人, 万元, %, 公里, … ("" when a ledger header names none)
    figure: str  # the figure as the document writes it: "12,860人"
    what: str  # what is counted, in the document's words: "全镇完成户厕改造" / "完成数"
    kind: str  # count | amount | rate | length | area
    quote: str  # the verbatim span that contains it (text), or the row label and header (ledger)
    source: str  # text | title | ledger
    order: int  # the statement's place in its document: facts of one statement share it
    sheet: str = ""  # ledger only
    header: str = ""  # ledger only: the column header as written

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Statement:
    """The figures of one sentence (or one ledger 合计 row) with the words a report quotes them in."""

    evidence_id: str
    source: str
    order: int
    quote: str
    facts: tuple[Fact, ...]

    @property
    def weight(self) -> tuple[int, int, int]:
        """Quote first what says something was done, with the most figures; the ledger totals count high."""
        done = 1 if self.source == "ledger" or DONE_WORDS.search(self.quote) else 0
        plan = 1 if re.search(r"计划|目标任务|拟|将要|预计", self.quote) else 0
        return (done - plan, len(self.facts), -self.order)


# -- text ----------------------------------------------------------------------------------------


def _value(num: str, frac: str | None) -> float:
    return float(num.replace(",", "") + (f".{frac}" if frac else ""))


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of a sentence, the delimiter left out."""
    spans, start = [], 0
    for m in CLAUSE_END.finditer(sentence):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(sentence)))
    return [(a, b) for a, b in spans if b > a]


def _clean_what(text: str) -> str:
    text = re.sub(r"^[\s　]*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])", "", text)
    return text.strip(" 　\t“”\"")


def statements_in_text(text: str, evidence_id: str = "", source: str = "text") -> list[Statement]:
    """Every sentence of ``text`` that holds a figure, as a verbatim span with its facts."""
    out: list[Statement] = []
    text = text[:MAX_TEXT_CHARS]
    pos = 0
    for order, m_end in enumerate([*SENTENCE_END.finditer(text), None]):
        end = m_end.start() if m_end else len(text)
        sentence = text[pos:end]
        pos = m_end.end() if m_end else len(text)
        if not sentence.strip() or not FIGURE.search(sentence):
            continue
        if "\t" in sentence:  # a table row flattened into text: the ledger reader handles tables
            continue
        clauses = _clauses(sentence)
        found: list[tuple[int, re.Match[str]]] = []
        for i, (a, b) in enumerate(clauses):
            for m in FIGURE.finditer(sentence, a, b):
                found.append((i, m))
        if not found:
            continue
        first, last = found[0][0], found[-1][0]
        # a long sentence: keep the figure clauses that fit the quote, from the first one on
        while last > first and clauses[last][1] - clauses[first][0] > MAX_QUOTE_CHARS:
            last -= 1
        if first > 0 and TIME_CLAUSE.match(sentence[clauses[first - 1][0]:].lstrip()) and \
                clauses[first - 1][1] - clauses[first - 1][0] <= 15:
            first -= 1
        a, b = clauses[first][0], clauses[last][1]
        quote = sentence[a:b].strip()
        if len(quote) > MAX_QUOTE_CHARS * 2 or len(quote) < 4:
            continue
        facts = []
        for i, m in found:
            if i > last:
                break
            ca = clauses[i][0]
            unit = m.group("unit")
            facts.append(Fact(evidence_id, _value(m.group("num"), m.group("frac")), "%" if unit == "％" else unit,
                              m.group(0).replace(" ", ""), _clean_what(sentence[ca:m.start()]),
                              KINDS.get(unit, "count"), quote, source, order))
        out.append(Statement(evidence_id, source, order, quote, tuple(facts)))
        if len(out) >= MAX_STATEMENTS_PER_DOC:
            break
    return out


# -- ledgers -------------------------------------------------------------------------------------


def _header_unit(header: str) -> tuple[str, str]:
    """"完成数（户）" → ("完成数", "户"); "资金（万元）" → ("资金", "万元"); "人数" → ("人数", "人")."""
    m = HEADER_UNIT.search(header)
    if m and m.group(1) in UNITS:
        return header[:m.start()].strip(), m.group(1)
    if m:
        return header[:m.start()].strip(), ""
    for suffix, unit in (("户数", "户"), ("人数", "人"), ("个数", "个"), ("村数", "个")):
        if header.endswith(suffix):
            return header, unit
    return header, ""


def _number_text(value: float) -> str:
    value = round(value, 4)
    return f"{value:g}" if abs(value) < 1e15 else str(value)


def statements_in_ledger(meta: dict[str, Any] | None, evidence_id: str = "") -> list[Statement]:
    """The 合计/总计 row of every sheet, its additive and rate columns named by their headers."""
    from .ledger_checks import ADDITIVE_HEADER, NON_ADDITIVE, RATE_HEADER, Percent, tables_from_meta, to_number

    out: list[Statement] = []
    for order, table in enumerate(tables_from_meta(meta)):
        total = next((row for _n, row in table.rows
                      if any(isinstance(v, str) and TOTAL_ROW.match(re.sub(r"\s+", "", v)) for v in row[:4])), None)
        if total is None:
            continue
        label = next(re.sub(r"\s+", "", v) for v in total[:4] if isinstance(v, str) and TOTAL_ROW.match(
            re.sub(r"\s+", "", v)))
        facts: list[Fact] = []
        for j, cell in enumerate(total):
            header = table.headers[j] if j < len(table.headers) else ""
            number = to_number(cell)
            if number is None or not header:
                continue
            rate = bool(RATE_HEADER.search(header))
            if not rate and (NON_ADDITIVE.search(header) or not ADDITIVE_HEADER.search(header)):
                continue
            what, unit = _header_unit(header)
            if rate:
                value = number * 100 if isinstance(number, Percent) or number <= 1 else number
                unit = "%"
            else:
                value = number
            figure = f"{_number_text(value)}{unit}"
            facts.append(Fact(evidence_id, value, unit, figure, what, "rate" if rate else KINDS.get(unit, "count"),
                              f"{label}|{header}|{cell}", "ledger", order, table.name, header))
        if facts:
            out.append(Statement(evidence_id, "ledger", order, label, tuple(facts)))
    return out


# -- the archive ---------------------------------------------------------------------------------


def _to_cache(statements: list[Statement]) -> list[list[Any]]:
    """Statements as stored: ``[source, order, quote, facts]``, each fact ``[value, unit, figure, what,
    kind]`` with ``quote, sheet, header`` after it only when they are not the statement's (a ledger
    total's). A fact's evidence id, source and order are its statement's. Lists, not dicts: a report
    over 20,000 documents reads a million facts, and the keys were most of the bytes and the time."""
    out: list[list[Any]] = []
    for s in statements:
        facts = []
        for f in s.facts:
            item: list[Any] = [f.value, f.unit, f.figure, f.what, f.kind]
            if f.quote != s.quote or f.sheet or f.header:
                item += [f.quote, f.sheet, f.header]
            facts.append(item)
        out.append([s.source, s.order, s.quote, facts])
    return out


def _from_cache(items: list[list[Any]], evidence_id: str) -> list[Statement]:
    out = []
    for source, order, quote, facts in items:
        out.append(Statement(evidence_id, source, order, quote, tuple(
            Fact(evidence_id, f[0], f[1], f[2], f[3], f[4], quote, source, order) if len(f) == 5 else
            Fact(evidence_id, f[0], f[1], f[2], f[3], f[4], f[5], source, order, f[6], f[7]) for f in facts)))
    return out


def _is_ledger(file_type: str | None, name: str | None) -> bool:
    return file_type == "xlsx" or (name or "").lower().endswith((".xlsx", ".xls", ".et"))


def _read_statements(eid: str, file_type: str | None, name: str | None, text: str | None,
                     meta_text: str | None) -> list[Statement]:
    """The statements of one record's bytes as extracted: its ledger totals, or its text's sentences."""
    if _is_ledger(file_type, name):
        try:
            meta = json.loads(meta_text) if meta_text else {}
        except ValueError:
            meta = {}
        return statements_in_ledger(meta if isinstance(meta, dict) else {}, eid)
    return statements_in_text(text or "", eid)


def _with_title(statements: list[Statement], eid: str, title: str) -> list[Statement]:
    """A figure in the title ("…完成1280户的报告") counts when the text does not already quote it."""
    quoted = {f.figure for s in statements for f in s.facts}
    for s in statements_in_text(title, eid, source="title"):
        if not {f.figure for f in s.facts} <= quoted:
            statements.append(Statement(eid, "title", -1, s.quote, tuple(replace(f, order=-1) for f in s.facts)))
    return statements


class ArchiveFacts:
    """The statements of filed records, read per set of ids from the facts store.

    A record whose bytes were never read (its sha256 not in the store) is read from the catalogue's
    text or ledger tables at the first request and stored; the title is read every time (a clerk may
    correct it). Nothing is kept between requests, so a report that asks indicator by indicator
    holds one indicator's statements at a time.
    """

    def __init__(self, ws: Workspace, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        old = ws.cache_dir / OLD_FACTS_FILE
        try:
            old.unlink(missing_ok=True)  # the whole-archive JSON: recomputed row by row instead
        except OSError:
            pass
        self.store = ShaStore(ws.cache_dir / FACTS_STORE, f"{FACTS_VERSION}/{STORE_LAYOUT}")

    def statements(self, ids: Iterable[str]) -> dict[str, list[Statement]]:
        """Statements by evidence id for the filed records among ``ids`` (those without any left out),
        in the order of ``ids``."""
        return dict(self.iter_statements(ids))

    def iter_statements(self, ids: Iterable[str], chunk_size: int = 500) -> Iterator[tuple[str, list[Statement]]]:
        """(evidence id, statements) in the order of ``ids``, read ``chunk_size`` records at a time: a
        caller that consumes them as they come holds one chunk's statements."""
        wanted = list(dict.fromkeys(ids))
        evidence = self.catalogue.evidence
        for start in range(0, len(wanted), chunk_size):
            chunk = wanted[start:start + chunk_size]
            rows = evidence.filed_identities(chunk)
            cached = self.store.get_many(r.sha256 for r in rows if r.sha256)
            fresh: dict[str, Any] = {}
            missing = [r.id for r in rows if (r.sha256 or r.id) not in cached]
            bodies = evidence.bodies(missing) if missing else {}
            found: dict[str, list[Statement]] = {}
            for eid, sha, file_type, name, title in (astuple(r) for r in rows):
                key = sha or eid
                if key in cached:
                    statements = _from_cache(cached[key], eid)
                else:
                    text, meta_text = bodies.get(eid, ("", None))
                    statements = _read_statements(eid, file_type, name, text, meta_text)
                    if sha:
                        fresh[sha] = cached[sha] = _to_cache(statements)
                statements = _with_title(statements, eid, title or "")
                if statements:
                    found[eid] = statements
            self.store.put_many(fresh)
            del cached, fresh, bodies
            for eid in chunk:
                if eid in found:
                    yield eid, found.pop(eid)

    def all_ids(self) -> list[str]:
        return self.catalogue.evidence.filed_ids()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> ArchiveFacts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def archive_statements(ws: Workspace, catalogue: Catalogue,
                       ids: Iterable[str] | None = None) -> dict[str, list[Statement]]:
    """Statements of every filed record (or of ``ids``), by evidence id: text, title and ledger totals.

    This holds every statement asked for at once; a report asks :class:`ArchiveFacts` per indicator.
    """
    with ArchiveFacts(ws, catalogue) as facts:
        return facts.statements(facts.all_ids() if ids is None else ids)


def without_wrong_totals(statements: list[Statement], findings: Iterable[LedgerFinding]) -> list[Statement]:
    """Ledger statements without the columns whose 合计 the ledger checks found wrong: a report must not
    quote a total the inspectors will find does not add up."""
    wrong = {(f.evidence_id, f.header) for f in findings if f.kind in ("total_mismatch", "count_mismatch")}
    if not wrong:
        return statements
    out = []
    for s in statements:
        if s.source != "ledger":
            out.append(s)
            continue
        from .ledger_checks import _label_text

        kept = tuple(f for f in s.facts if (s.evidence_id, _label_text(f.header)) not in wrong
                     and (s.evidence_id, f.header) not in wrong)
        if kept:
            out.append(Statement(s.evidence_id, s.source, s.order, s.quote, kept))
    return out


def pick(statements: Iterable[Statement], limit: int = 4, per_document: int = 2) -> list[Statement]:
    """The statements a report quotes for one indicator: the weightiest first, a few per document, no
    figure quoted twice (two documents repeating "全县…1,320户" are one fact)."""
    ranked = sorted(statements, key=lambda s: s.weight, reverse=True)
    chosen: list[Statement] = []
    per: dict[str, int] = {}
    seen: set[tuple[str, str]] = set()
    for s in ranked:
        figures = {(f.what[-6:], f.figure) for f in s.facts}
        if per.get(s.evidence_id, 0) >= per_document or figures <= seen:
            continue
        chosen.append(s)
        seen |= figures
        per[s.evidence_id] = per.get(s.evidence_id, 0) + 1
        if len(chosen) >= limit:
            break
    # in the order the documents say them: ledger totals after the narrative of the same document
    return sorted(chosen, key=lambda s: (ranked.index(s) // max(per_document, 1), s.order))


PREFIX = 256  # statements ranked first that are read for a pick before looking further


def _rank(s: Statement) -> tuple[int, int, int]:
    done, facts, order = s.weight
    return (-done, -facts, -order)


def leading(statements: Callable[[], Iterable[Statement]], accept: Callable[[Statement], bool], *,
            limit: int = 4, per_document: int = 2, size: int = PREFIX) -> list[Statement]:
    """The statements ranked first among everything ``statements()`` yields — enough of them that
    :func:`pick` over the accepted ones chooses exactly what it would choose over all — in the order
    they came.

    :func:`pick` goes down the ranking and stops at ``limit``; what it decides depends only on the part
    of the ranking it went through. So only the first ``size`` statements (in rank order, ties in the
    order they came, as ``sorted`` keeps them) are held; when :func:`pick` over the accepted ones
    among them stops short of ``limit`` and there were more, the ranking is read again with four
    times as many. An indicator with 30,000 statements holds 256 of them, and ``accept`` (the
    artefact check of the report) runs on those only.
    """
    while True:
        total = 0

        def counted() -> Iterator[tuple[int, Statement]]:
            nonlocal total
            for position, statement in enumerate(statements()):
                total += 1
                yield position, statement

        top = heapq.nsmallest(size, counted(), key=lambda p: (_rank(p[1]), p[0]))
        top.sort(key=lambda p: p[0])
        prefix = [s for _p, s in top]
        if total <= size or len(pick([s for s in prefix if accept(s)], limit, per_document)) >= limit:
            return prefix
        size *= 4
