"""What a clerk types, parsed: AND words, "quoted phrases", -exclusions, each word split into units
with the concept table's near terms; plus the filters (indicator, unit, dates, kind, status).

Backend-neutral: `ParsedQuery` says which terms to look up (`analysis.query_terms` of each form)
and, through `matches()`, exactly whether a document's stored text satisfies the query, so every
backend confirms its candidates the same way and finds the same documents.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from ..concepts import ConceptTable, load_concepts
from . import analysis
from .analysis import prepare
from .errors import QueryError


@dataclass
class Clause:
    """One thing the user asked for.

    kind "word": every unit must occur (each unit in any of its alternative forms); `text` is the
    whole word, which ranks higher where it occurs as typed. kind "phrase": `text` must occur as
    typed (after normalisation).
    """

    kind: str  # word | phrase
    text: str
    units: list[list[str]] = field(default_factory=list)  # per unit: its forms, the typed one first

    @property
    def expanded(self) -> bool:
        return any(len(forms) > 1 for forms in self.units)


@dataclass
class ParsedQuery:
    must: list[Clause] = field(default_factory=list)
    must_not: list[Clause] = field(default_factory=list)

    def highlight_forms(self) -> list[list[str]]:
        """Per positive unit, the strings to mark in a snippet."""
        forms: list[list[str]] = []
        for clause in self.must:
            if clause.kind == "phrase":
                forms.append([clause.text])
            else:
                forms += clause.units
        return forms

    def matches(self, head: str, body: str) -> tuple[bool, float]:
        """Does a document (its prepared head and body) satisfy the query exactly, and what share
        of the multi-unit words occur in one piece as typed (a ranking bonus)?"""

        def occurs(form: str) -> bool:
            pattern = form_pattern(form)
            return bool(pattern.search(head) or pattern.search(body))

        for clause in self.must:
            for forms in clause.units:
                if not any(occurs(f) for f in forms):
                    return False, 0.0
        for clause in self.must_not:
            if all(any(occurs(f) for f in forms) for forms in clause.units):
                return False, 0.0
        whole = [c for c in self.must if c.kind == "word" and len(c.units) > 1]
        bonus = sum(occurs(c.text) for c in whole) / len(whole) if whole else 0.0
        return True, bonus

    @property
    def expanded(self) -> bool:
        return any(c.expanded for c in self.must)

    def near_terms(self, head: str, body: str) -> list[str]:
        """The concept terms a matching document was found by, for units whose typed form it lacks
        (empty: the document holds every word as typed, a literal match)."""
        used: list[str] = []
        for clause in self.must:
            for forms in clause.units:
                if len(forms) < 2:
                    continue
                pattern = form_pattern(forms[0])
                if pattern.search(head) or pattern.search(body):
                    continue
                for form in forms[1:]:
                    other = form_pattern(form)
                    if other.search(head) or other.search(body):
                        used.append(form)
                        break
        return used


_TOKEN_CHARS = rf"{analysis.HAN}0-9a-z"
_PIECES = re.compile(rf"[{_TOKEN_CHARS}.%]+")


@lru_cache(maxsize=2048)
def form_pattern(form: str) -> re.Pattern[str]:
    """What "this form occurs in the text" means, as a regex over prepared text.

    The form's runs of Han characters, digits and letters must appear in order, separated by at
    most a few other characters (so 清农办[2024]12号 finds 清农办〔2024〕12号), and a number must
    not be part of a longer number (1460 does not occur in 31460 or 1460.5).
    """
    parts = []
    for piece in _PIECES.findall(form):
        piece = piece.strip(".")
        if not piece:
            continue
        text = re.escape(piece)
        if piece[0].isdigit():
            text = r"(?<![\d.])" + text
        if piece[-1].isdigit():
            text += r"(?![\d]|\.\d)"
        parts.append(text)
    if not parts:
        return re.compile(re.escape(form))
    return re.compile(rf"[^{_TOKEN_CHARS}]{{0,4}}".join(parts))


@dataclass
class Filters:
    indicator: str | None = None
    unit: str | None = None
    since: str | None = None  # YYYY-MM-DD inclusive
    until: str | None = None  # YYYY-MM-DD or a prefix (YYYY-MM), inclusive
    kind: str | None = None
    status: str | None = None

    def empty(self) -> bool:
        return not any(asdict(self).values())


_QUOTES = {"“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', "＂": '"'}
_QUERY_PARTS = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def parse_query(text: str, concepts: ConceptTable | None = None, expand: bool = True) -> ParsedQuery:
    """Words are ANDed, "quoted phrases" must occur as typed, -word or -"phrase" excludes.

    Chinese quotation marks count as quotes; full-width forms and Traditional characters are folded
    by prepare() exactly as documents were. A word that is a concept's term (concepts.py) is expanded to
    the concept's other terms (`expand=False`: literal only, for comparison); phrases never are.
    """
    if concepts is None:
        concepts = load_concepts()
    table = concepts if expand else ConceptTable()
    for old, new in _QUOTES.items():
        text = text.replace(old, new)
    parsed = ParsedQuery()
    for match in _QUERY_PARTS.finditer(text):
        negate, phrase, word = match.groups()
        if word is not None:
            negate = "-" if word.startswith("-") and len(word) > 1 else ""
            word = word[1:] if negate else word
            clause = _word_clause(prepare(word), table)
        else:
            clause = _phrase_clause(prepare(phrase or ""))
        if clause is None:
            continue
        (parsed.must_not if negate else parsed.must).append(clause)
    return parsed


def _word_clause(word: str, concepts: ConceptTable) -> Clause | None:
    longer = concepts.long_forms(word)  # 垃圾站: a short form of a concept term, as one unit
    if longer:
        return Clause("word", word, [[word, *longer]])
    units = [concepts.alternatives(u) for u in analysis.query_units(word, _concept_keys(concepts))]
    units = [u for u in units if any(analysis.query_terms(f) for f in u)]
    if not units:
        return None
    return Clause("word", word, units)


_KEYS_CACHE: dict[int, tuple[ConceptTable, list[str]]] = {}


def _concept_keys(concepts: ConceptTable) -> list[str]:
    found = _KEYS_CACHE.get(id(concepts))
    if found is None or found[0] is not concepts:
        found = (concepts, concepts.keys())
        _KEYS_CACHE[id(concepts)] = found
    return found[1]


def _phrase_clause(phrase: str) -> Clause | None:
    if not analysis.query_terms(phrase):
        return None
    return Clause("phrase", phrase, [[phrase]])


_DATE_INPUT = re.compile(r"^\s*(\d{4})(?:\s*[-/.年]\s*(\d{1,2}))?(?:\s*[-/.月]\s*(\d{1,2}))?\s*日?\s*$")


def parse_date(value: str, end: bool = False) -> str:
    """2024, 2024-05, 2024-05-12, 2024/5/12, 2024年5月12日 -> a bound for the doc_date range.

    A partial date means the whole year or month: as an upper bound it becomes a prefix that
    sorts after every day in it.
    """
    match = _DATE_INPUT.match(value or "")
    if not match:
        raise QueryError(f"日期“{value}”无法识别：请写成 2024-05-12、2024-05 或 2024")
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        raise QueryError(f"日期“{value}”不存在：请检查月份和日")
    if day:
        try:
            return dt.date(int(year), int(month), int(day)).isoformat()
        except ValueError as exc:
            raise QueryError(f"日期“{value}”不存在：请检查月份和日") from exc
    prefix = f"{year}-{int(month):02d}" if month else year
    if end:
        return prefix + "~"  # "~" sorts after digits and "-": the last day of the period
    return f"{prefix}-01" if month else f"{prefix}-01-01"


