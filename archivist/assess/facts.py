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
file's sha256 (index/cache/facts.json): a 20,000-document archive is read once, not per report.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .sha_cache import load_by_sha, save_by_sha

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..workspace import Workspace
    from .ledger_checks import LedgerFinding

FACTS_VERSION = 1  # bump when a rule changes: cached facts are then recomputed
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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


def _to_cache(statements: list[Statement]) -> list[dict[str, Any]]:
    return [{"source": s.source, "order": s.order, "quote": s.quote,
             "facts": [{k: v for k, v in asdict(f).items() if k != "evidence_id"} for f in s.facts]}
            for s in statements]


def _from_cache(items: list[dict[str, Any]], evidence_id: str) -> list[Statement]:
    return [Statement(evidence_id, i["source"], i["order"], i["quote"],
                      tuple(Fact(evidence_id=evidence_id, **f) for f in i["facts"])) for i in items]


def _load(path: Path) -> dict[str, Any]:
    return load_by_sha(path, FACTS_VERSION)


def _save(path: Path, by_sha: dict[str, Any]) -> None:
    save_by_sha(path, FACTS_VERSION, by_sha)


def _is_ledger(file_type: str | None, name: str | None) -> bool:
    return file_type == "xlsx" or (name or "").lower().endswith((".xlsx", ".xls", ".et"))


def archive_statements(ws: Workspace, catalogue: Catalogue,
                       ids: Iterable[str] | None = None) -> dict[str, list[Statement]]:
    """Statements of every filed record (or of ``ids``), by evidence id: text, title and ledger totals.

    The title is read every time (a clerk may correct it); text and ledger statements come from the
    cache when the file's bytes were read before.
    """
    wanted = set(ids) if ids is not None else None
    rows = catalogue.db.execute(
        "SELECT id, sha256, file_type, original_name, title FROM evidence WHERE status='filed' ORDER BY rowid"
    ).fetchall()
    cache_path = ws.cache_dir / "facts.json"
    cache = _load(cache_path)
    changed = False
    out: dict[str, list[Statement]] = {}
    for row in rows:
        eid, sha, file_type, name, title = row[0], row[1], row[2], row[3], row[4] or ""
        if wanted is not None and eid not in wanted:
            continue
        key = sha or eid
        if key not in cache:
            full = catalogue.db.execute("SELECT text, meta FROM evidence WHERE id=?", (eid,)).fetchone()
            text, meta_text = (full[0] or "", full[1]) if full else ("", None)
            if _is_ledger(file_type, name):
                try:
                    meta = json.loads(meta_text) if meta_text else {}
                except ValueError:
                    meta = {}
                found = statements_in_ledger(meta if isinstance(meta, dict) else {}, eid)
            else:
                found = statements_in_text(text, eid)
            cache[key] = _to_cache(found)
            changed = True
        statements = _from_cache(cache[key], eid)
        # a figure in the title ("…完成1280户的报告") counts when the text does not already quote it
        quoted = {f.figure for s in statements for f in s.facts}
        for s in statements_in_text(title, eid, source="title"):
            if not {f.figure for f in s.facts} <= quoted:
                statements.append(Statement(eid, "title", -1, s.quote, tuple(
                    Fact(**(asdict(f) | {"order": -1})) for f in s.facts)))
        if statements:
            out[eid] = statements
    if changed:
        _save(cache_path, cache)
    return out


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
