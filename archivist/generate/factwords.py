"""How a report says the facts of the evidence: the quoted words, then where they come from.

The statements come from :mod:`archivist.assess.facts` verbatim; here they are put in a county's
report: "我镇"/"全镇" of a township's report becomes the township's name (the county report speaks for
everyone), a ledger total is named by its headers, and each statement ends with its source —
（见《河口镇2024年农村户厕改造验收报告》） — so an inspector can open the document and find it.
Statements that would print a machine artefact (an ISO date, a file name, English) are not quoted:
the report would fail ``lint-doc`` and a clerk would rewrite it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..assess.facts import Statement, pick
from .lint import artefacts

_SELF = {"镇": re.compile(r"^(?:我镇|全镇|本镇)"), "乡": re.compile(r"^(?:我乡|全乡|本乡)"),
         "局": re.compile(r"^(?:我局|本局)"), "街道": re.compile(r"^(?:我街道|全街道|本街道)")}


@dataclass(frozen=True)
class Quoted:
    """One statement as the report prints it, with the document it cites."""

    statement: Statement
    words: str  # "河口镇完成户厕改造320户，验收合格318户，合格率99.4%"
    title: str  # the cited document's 题名
    where: str  # "" or "“合计”行" (a ledger's total row)

    @property
    def citation(self) -> str:
        return f"（见《{self.title}》{self.where}）"

    @property
    def text(self) -> str:
        return self.words + self.citation


def _own_name(quote: str, unit: str) -> str:
    """"全镇完成…" in 河口镇人民政府's report → "河口镇完成…"; other subjects stay as written."""
    short = re.sub(r"(人民政府|党委|委员会)$", "", unit.strip())
    for tail, pattern in _SELF.items():
        if short.endswith(tail) and pattern.match(quote):
            return pattern.sub(short, quote, count=1)
    return quote


def words_of(statement: Statement, record: Mapping[str, Any]) -> str:
    if statement.source == "ledger":
        return "、".join(f"{f.what}{f.figure}" for f in statement.facts)
    return _own_name(statement.quote, str(record.get("unit") or ""))


def quotable(statement: Statement, records: Mapping[str, Mapping[str, Any]]) -> bool:
    """Whether a statement may be quoted at all: its document is known and it prints no artefact."""
    return statement.evidence_id in records and not artefacts(statement.quote)


def quoted(statements: Iterable[Statement], records: Mapping[str, Mapping[str, Any]],
           title_of: Any, *, limit: int = 4) -> list[Quoted]:
    """The statements one indicator's paragraph quotes: weightiest first (``facts.pick``), each with
    its document; ``title_of(evidence_id)`` gives the 题名 as the catalogue prints it."""
    out = []
    clean = [s for s in statements if quotable(s, records)]
    for s in pick(clean, limit=limit):
        record = records[s.evidence_id]
        where = f"“{s.quote}”行" if s.source == "ledger" else ""
        words = words_of(s, record)
        if artefacts(words):
            continue
        out.append(Quoted(s, words, title_of(s.evidence_id), where))
    return out


def sentence(items: list[Quoted]) -> str:
    """"A，B（见《甲》）；C（见《乙》）。" — one paragraph's facts, grouped by document, each group cited once."""
    groups: list[list[Quoted]] = []
    for q in sorted(items, key=lambda q: [i.statement.evidence_id for i in items].index(q.statement.evidence_id)):
        if groups and groups[-1][0].statement.evidence_id == q.statement.evidence_id:
            groups[-1].append(q)
        else:
            groups.append([q])
    for g in groups:
        g.sort(key=lambda q: q.statement.order)
    return "；".join("，".join(q.words for q in g) + g[-1].citation for g in groups) + "。" if groups else ""
