"""Correct a title or unit read by OCR against the names this workspace knows to be right.

OCR misreads one character of a place or a domain word often enough to matter: a scan's title comes out as
"清浴县…" for 清溪县 or "龙录镇人民政府" for 龙口镇人民政府, and then the record, the search and the
catalogue all carry the wrong name. The right spellings are at hand: the county in archivist.toml, the units
registered for the team, the units of documents that were typed rather than scanned, and the framework and
lexicon vocabulary. A window of the OCR text that differs from one of those names in exactly ONE character
(a substitution: the same length) is replaced, unless the window is itself a known name or several names fit.

What is not corrected: three-character windows against generic words (too many real words are one
character apart), differences of more than one character, and anything not read by OCR.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..textnorm import normalize
from .lexicon import TOPICS, UNIT_ABBREVIATIONS

_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
# County, township and village names inside a unit name: 柳溪镇 of 柳溪镇人民政府, 冯家岭村 of 石桥镇冯家岭村…
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,5}?(?:自治县|县|市|区|镇|乡|街道|村|社区)")
MIN_OWN = 3  # the county's own names (places, units) are corrected from 3 characters
MIN_GENERIC = 4  # framework and lexicon words from 4


@dataclass(frozen=True)
class Correction:
    read: str  # what OCR gave
    right: str  # the known name it was taken for


@dataclass
class NameList:
    """Known names, and for each length and masked position the names that fit (清?县 → 清溪县)."""

    known: frozenset[str] = frozenset()
    masked: dict[str, set[str]] = field(default_factory=dict)
    lengths: tuple[int, ...] = ()

    @classmethod
    def build(cls, own: Iterable[str], generic: Iterable[str]) -> NameList:
        names = {n for n in (normalize(x).strip() for x in own) if len(n) >= MIN_OWN and _HAN.match(n)}
        names |= {n for n in (normalize(x).strip() for x in generic) if len(n) >= MIN_GENERIC and _HAN.match(n)}
        masked: dict[str, set[str]] = {}
        for name in names:
            for i in range(len(name)):
                masked.setdefault(name[:i] + "?" + name[i + 1:], set()).add(name)
        return cls(frozenset(names), masked, tuple(sorted({len(n) for n in names}, reverse=True)))

    def correct(self, text: str) -> tuple[str, list[Correction]]:
        """`text` with every one-character misreading of a known name replaced, and what was replaced."""
        if not text or not self.known:
            return text, []
        out: list[str] = []
        fixes: list[Correction] = []
        i = 0
        while i < len(text):
            replaced = False
            for size in self.lengths:
                window = text[i:i + size]
                if len(window) < size or not _HAN.match(window):
                    continue
                if window in self.known:
                    out.append(window)
                    i += size
                    replaced = True
                    break
                right = self._one_off(window, text[max(i - 1, 0):i], text[i + size:i + size + 1])
                if right:
                    out.append(right)
                    fixes.append(Correction(window, right))
                    i += size
                    replaced = True
                    break
            if not replaced:
                out.append(text[i])
                i += 1
        return "".join(out), fixes

    def _one_off(self, window: str, before: str = "", after: str = "") -> str | None:
        fits: set[tuple[str, int]] = set()
        for i in range(len(window)):
            fits |= {(name, i) for name in self.masked.get(window[:i] + "?" + window[i + 1:], set())}
        if len({name for name, _ in fits}) != 1:
            return None
        name, at = next(iter(fits))
        return None if _reads_as_words(before + window + after, at + len(before)) else name


def _reads_as_words(text: str, at: int) -> bool:
    """True when the character that differs makes a dictionary word with a neighbour (农村户厕 holds 户厕, so
    it is not a misread 农村公厕; 清浴县 holds no word at 浴, so it may be 清溪县). The neighbours include the
    character just outside the window: in 驻茶园村工作队 the 园 of 园村工作队 is the 园 of 茶园, not a misread 驻."""
    words = _dictionary()
    for size in (2, 3):
        for start in range(max(0, at - size + 1), min(at, len(text) - size) + 1):
            if words.get(text[start:start + size]):
                return True
    return False


def _dictionary() -> dict[str, int]:
    """jieba's dictionary with the domain lexicon (the classifier's tokenizer, loaded once per process)."""
    from .classify import _jieba

    tokenizer = _jieba()
    tokenizer.check_initialized()
    return tokenizer.FREQ


def places_in(names: Iterable[str]) -> set[str]:
    """The unit names themselves and the place names inside them (柳溪镇人民政府 → 柳溪镇)."""
    out: set[str] = set()
    for name in names:
        name = normalize(name or "").strip()
        if not name:
            continue
        out.add(name)
        out.update(m.group(0) for m in _PLACE.finditer(name) if len(m.group(0)) >= MIN_OWN)
    return out


def generic_words(frameworks: object) -> set[str]:
    """Framework indicator names and the lexicon's topic words: the domain's own spelling."""
    words: set[str] = set(UNIT_ABBREVIATIONS.values())
    for topic in TOPICS:
        words.update(topic.core)
        words.update(topic.related)
    indicators = getattr(frameworks, "indicators", None)
    for ind in indicators() if callable(indicators) else []:
        words.update(re.split(r"[“”\"、和及与（）()]", ind.name))
    return words


def workspace_names(ws: object, catalogue: object) -> NameList:
    """The names one workspace knows: its county, its team's units, the units of its typed (not scanned)
    documents and the places inside all of them; then the framework and lexicon words."""
    import sqlite3

    own: list[str] = []
    county = str(getattr(getattr(ws, "config", None), "county", "") or "")
    if county and county != "本县":
        own.append(county)
    if hasattr(catalogue, "evidence"):
        for read in (catalogue.users.unit_names, catalogue.evidence.typed_units):  # type: ignore[attr-defined]
            try:
                own.extend(read())
            except sqlite3.Error:  # an older catalogue without the team tables
                continue
    return NameList.build(places_in(own), generic_words(getattr(ws, "frameworks", None)))


# Where a title or unit was read from the document's own text (metadata.SOURCE_LABELS): only those are OCR's.
TEXT_SOURCES = {"title": ("title_block",), "unit": ("signature", "label", "fill_unit", "header", "title")}


def correct_meta(meta: object, names: NameList) -> dict[str, list[str]]:
    """Correct a scanned document's title and unit in place (a DocMeta read from OCR text); returns the
    corrections per field as "read→right", for the record to show."""
    done: dict[str, list[str]] = {}
    for key in ("title", "unit"):
        value = getattr(meta, key, "") or ""
        if not value or getattr(meta, f"{key}_source", "") not in TEXT_SOURCES[key]:
            continue
        fixed, fixes = names.correct(value)
        if fixes:
            setattr(meta, key, fixed)
            done[key] = [f"{f.read}→{f.right}" for f in fixes]
    return done
