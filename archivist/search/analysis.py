"""Chinese text analysis for the search index: one tokenizer shared by indexing and querying.

Why not Whoosh's defaults or jieba's own ChineseAnalyzer:
- Whoosh's RegexTokenizer treats a run of Han characters as one token, so "政府工作" never matches
  inside "关于印发某某市政府工作报告的通知".
- jieba's ChineseAnalyzer (cut_for_search) emits overlapping sub-words with positions that do not
  follow the text, so phrase queries return nothing.

What this module emits, per field value, at consecutive *slots* (one slot per Han character that
starts a bigram, one per number, one per Latin word):
- overlapping Han character bigrams: any substring of two or more Han characters is then a phrase
  query (a chain of bigrams at consecutive slots) that matches wherever the characters occur,
  including names no dictionary knows (杏花村, 界炮镇);
- jieba words of three or more characters (公益性岗位, 市政府) at the slot of their first character,
  with their true character offsets, so a whole word scores as a word. Two-character words —
  most Chinese words — are identical to the bigram at the same slot, so they are already there:
  keeping words and bigrams in one field instead of two halves the postings Whoosh has to write
  (indexing is the slow part of a pure-Python engine) and loses nothing a query can ask;
- a lone Han character (a run of one, e.g. between punctuation) as itself.
Nothing here knows a search engine: `scan()` and `slot_positions()` are what a backend indexes
(whoosh_backend.py wraps them as a Whoosh tokenizer, reporting the slots as positions and the
offsets as startchar/endchar), `query_terms()` what it looks up. The Whoosh index stores term
frequencies only: the engine confirms phrases against the stored text, which measured faster
than positional matching.
Numbers are whole tokens ("1460" never matches inside "31460"), and a number followed directly by
a Han character or "%" also yields a compound token at the same slot ("1460户", "186.4亩",
"2024年", "12号"), so a count or a 文号 can be searched exactly as written. A record separator
(\\x1e) in a value adds a large slot gap, so phrases never run across the parts of a multi-part
field (title, file name, unit, 文号).

jieba runs in dictionary mode (no HMM): deterministic, and the same substring segments the same
way in a query as in a document far more often. The Rust port (rjieba, same dictionary, same
output) is used when installed because it is ~25x faster; otherwise jieba itself.

Text must be passed through `prepare()` first (index and query alike): that applies
`textnorm.normalize()` (width folding, Traditional→Simplified, spaces between Han characters,
thousands separators), lower-cases ASCII and removes line breaks between Han characters (PDF and
OCR line wrapping would otherwise break phrases). The analyser itself does not normalise, so the
character offsets it reports point into the text that is stored and shown in snippets.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import warnings
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from ..textnorm import normalize

HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{HAN}]")
_BREAK_BETWEEN_HAN = re.compile(rf"(?<=[{HAN}0-9])\s+(?=[{HAN}])|(?<=[{HAN}])\s+(?=[0-9])")
_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
# One match per run: a number (group 1), a Han run (2), a Latin word (3) or a part separator (4).
_RUNS = re.compile(rf"(\d+(?:\.\d+)?)|([{HAN}]+)|([a-z]+)|(\x1e)")
_DOC_NUMBER = re.compile(rf"[{HAN}]{{1,12}}[〔\[(（]?\d{{4}}[〕\])）]?\d{{1,4}}号")
PART_SEPARATOR = "\x1e"
PART_GAP = 100

# Token kinds.
NUM = "num"  # a number: 1460, 186.4
COMP = "comp"  # number + the next Han character or %: 1460户, 2024年, 95%
HAN1 = "han1"  # a lone Han character
BIGRAM = "bi"
WORD = "word"  # a jieba word of three or more characters
LATIN = "lat"


class Tok(NamedTuple):
    """One token: text, slot, character span in the analysed text, kind.

    `absorbed` marks a lone Han character right after a number that a COMP token already covers;
    documents index it as usual, queries skip it (the compound is the more exact term).
    """

    text: str
    pos: int
    start: int
    end: int
    kind: str
    absorbed: bool = False


def prepare(text: str | None) -> str:
    """The one text form that is analysed, stored and searched (see the module docstring)."""
    if not text:
        return ""
    text = normalize(text).translate(_ASCII_LOWER)
    return _BREAK_BETWEEN_HAN.sub("", text)


def has_han(text: str) -> bool:
    return bool(_HAN_RE.search(text))


# jieba -----------------------------------------------------------------------------------------
_jieba_lock = threading.Lock()
_vocabulary: set[str] = set()


class _Segmenter:
    """jieba's dictionary cut (no HMM), from rjieba when installed, else from jieba itself.

    ARCHIVIST_SEGMENTER=jieba forces the pure-Python jieba (to compare, or to test the fallback).
    """

    def __init__(self, prefer: str | None = None) -> None:
        prefer = prefer or os.environ.get("ARCHIVIST_SEGMENTER", "")
        try:
            if prefer == "jieba":
                raise ImportError("jieba requested")
            import rjieba

            engine = rjieba.Jieba()
            self.name = "rjieba"
            self._cut = lambda text: engine.cut(text, False)
            self._add = lambda word: engine.add_word(word, None, None)
        except ImportError:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # jieba imports pkg_resources, which warns
                import jieba

            jieba.setLogLevel(logging.WARNING)
            logging.getLogger("jieba").setLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()  # private: words taught here stay out of jieba.dt
            tokenizer.initialize()
            self.name = "jieba"
            self._cut = lambda text: tokenizer.lcut(text, HMM=False)
            self._add = tokenizer.add_word

    def cut(self, text: str) -> list[str]:
        return list(self._cut(text))

    def add_word(self, word: str) -> None:
        self._add(word)


@lru_cache(maxsize=1)
def _jieba() -> _Segmenter:
    """The segmenter, loaded once per process (the dictionary takes a second), log silenced.

    Private, so the words this module teaches it do not change segmentation for other parts of
    the program that use jieba's global tokenizer.
    """
    segmenter = _Segmenter()
    for word in sorted(_domain_words()):
        segmenter.add_word(word)
    return segmenter


def _domain_words() -> set[str]:
    """Terms of the synonym table, so a query word such as 公益岗 stays one unit."""
    return {t for group in SYNONYMS for t in group if 2 <= len(t) <= 6}


def add_vocabulary(words: Iterable[str]) -> int:
    """Teach jieba domain words it would otherwise split into single characters.

    Only short words (2–4 Han characters) that jieba breaks into single characters are added:
    those are where a user word helps (改厕 instead of 改/厕). Long names (指标名称) are left to
    jieba's normal cut, which keeps their parts findable as words; the bigram field finds them
    either way. Returns the number of words added.
    """
    tokenizer = _jieba()
    added = 0
    with _jieba_lock:
        for raw in words:
            for part in re.split(rf"[^{HAN}]+|[和及与或的]", prepare(raw)):
                if not 2 <= len(part) <= 4 or part in _vocabulary:
                    continue
                _vocabulary.add(part)
                if any(len(w) == 1 for w in tokenizer.cut(part)):
                    tokenizer.add_word(part)
                    added += 1
    return added


def cut(run: str) -> list[str]:
    """jieba's dictionary cut of one Han run (no HMM, see the module docstring)."""
    return _jieba().cut(run)


def segmenter_name() -> str:
    return _jieba().name


def warm_up() -> None:
    """Load the dictionary now (about a second) rather than inside the first query."""
    cut("乡村振兴")


# tokenising ------------------------------------------------------------------------------------
def scan(text: str, words: bool = True) -> Iterator[Tok]:
    """Tokens of prepared text in slot order (see the module docstring).

    `words=False` leaves out the jieba words (the bigram chain alone), which is what a phrase
    query is built from and what the unit filter field holds.
    """
    pos = 0
    absorb_at = -1  # start offset of a Han run whose first character a compound already holds
    for match in _RUNS.finditer(text):
        number, han, latin, separator = match.groups()
        start = match.start()
        if number is not None:
            end = match.end()
            yield Tok(number, pos, start, end, NUM)
            if end < len(text) and (text[end] == "%" or _HAN_RE.match(text, end)):
                yield Tok(number + text[end], pos, start, end + 1, COMP)
                absorb_at = end
            pos += 1
        elif han is not None:
            n = len(han)
            if n == 1:
                yield Tok(han, pos, start, start + 1, HAN1, start == absorb_at)
                pos += 1
                continue
            for i in range(n - 1):
                yield Tok(han[i : i + 2], pos + i, start + i, start + i + 2, BIGRAM)
            if words and n > 2:
                offset = 0
                for word in cut(han):
                    if len(word) > 2:
                        yield Tok(word, pos + offset, start + offset, start + offset + len(word), WORD)
                    offset += len(word)
            pos += n - 1
        elif latin is not None:
            yield Tok(latin, pos, start, match.end(), LATIN)
            pos += 1
        elif separator is not None:
            pos += PART_GAP


def query_terms(text: str) -> list[str]:
    """The terms of a prepared query string as one phrase: one term per consecutive slot.

    Where a number has a compound (1460户) the compound is used and the Han character it absorbed
    is skipped, so "1460户" is one exact term and never matches "31460户" or "1460人".
    """
    terms: list[str] = []
    last_pos = -1
    for tok in scan(text, words=False):
        if tok.absorbed:
            continue
        if tok.pos == last_pos:
            if tok.kind == COMP:
                terms[-1] = tok.text
            continue
        terms.append(tok.text)
        last_pos = tok.pos
    return terms


def query_word(text: str) -> str | None:
    """The prepared query string if jieba sees it as one word of three or more characters."""
    if len(text) > 2 and _HAN_RE.fullmatch(text[0]) and re.fullmatch(f"[{HAN}]+", text):
        parts = cut(text)
        if len(parts) == 1:
            return text
    return None


def slot_positions(text: str, words: bool = True) -> dict[str, list[int]]:
    """term -> its slots: what `scan()` yields, grouped, for the index writer (ScanPositions).

    The same logic as scan() without a Tok per token: this loop is most of the indexing time spent
    in this module, so it is written for speed (tests check it equals scan()).
    """
    found: dict[str, list[int]] = {}
    get = found.get
    han_match = _HAN_RE.match
    pos = 0
    size = len(text)
    for match in _RUNS.finditer(text):
        number, han, latin, separator = match.groups()
        if han is not None:
            n = len(han)
            if n == 1:
                slots = get(han)
                if slots is None:
                    found[han] = [pos]
                else:
                    slots.append(pos)
                pos += 1
                continue
            for i in range(n - 1):
                term = han[i : i + 2]
                slots = get(term)
                if slots is None:
                    found[term] = [pos + i]
                else:
                    slots.append(pos + i)
            if words and n > 2:
                offset = pos
                for word in cut(han):
                    if len(word) > 2:
                        slots = get(word)
                        if slots is None:
                            found[word] = [offset]
                        else:
                            slots.append(offset)
                    offset += len(word)
            pos += n - 1
        elif number is not None:
            found.setdefault(number, []).append(pos)
            end = match.end()
            if end < size and (text[end] == "%" or han_match(text, end)):
                found.setdefault(number + text[end], []).append(pos)
            pos += 1
        elif latin is not None:
            found.setdefault(latin, []).append(pos)
            pos += 1
        else:
            pos += PART_GAP
    return found


# query words -----------------------------------------------------------------------------------
# Short forms staff type for the words documents use. Groups are symmetric: any member finds the
# others. Kept general (the vocabulary of rural-revitalisation paperwork), never tuned to one
# corpus's file names; extend freely.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("公益岗", "公益性岗位"),
    ("出勤", "考勤"),
    ("巡河", "河道巡查", "巡查河道", "河湖巡查"),
    ("改厕", "户厕改造", "厕所改造", "改造户厕"),
    ("低保", "最低生活保障"),
    ("五保", "特困供养"),
    ("高标农田", "高标准农田"),
    ("土地流转", "土地经营权流转"),
    ("撂荒", "抛荒"),
    ("防返贫", "防止返贫"),
    ("医保", "医疗保险"),
    ("危改", "危房改造"),
    ("村集体经济", "村级集体经济"),
    ("衔接资金", "衔接推进乡村振兴补助资金"),
    ("高素质农民", "新型职业农民"),
    ("电商", "电子商务"),
    ("污水治理", "污水处理"),
    ("垃圾治理", "垃圾处理"),
    ("村医", "乡村医生"),
    ("驻村书记", "驻村第一书记"),
    ("帮扶车间", "就业帮扶车间"),
    ("两委", "村两委", "村党组织和村委会"),
)


@lru_cache(maxsize=1)
def _synonym_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, tuple[str, ...]] = {}
    for group in SYNONYMS:
        forms = tuple(dict.fromkeys(prepare(t) for t in group))
        for form in forms:
            index[form] = forms
    return index


def alternatives(unit: str) -> list[str]:
    """The unit itself first, then its synonyms (if it is one of the table's terms)."""
    group = _synonym_index().get(unit)
    return [unit, *(t for t in group if t != unit)] if group else [unit]


def query_units(word: str, keys: list[str] | None = None) -> list[str]:
    """Split one prepared query word into the units that must all occur (AND).

    Concept-table terms (`keys`, longest first; default the built-in short forms) are kept whole; the rest
    is cut by jieba, and single characters are glued
    to a neighbour (a run of single characters is an unknown name such as 界炮镇: kept together),
    because a lone character matches almost everything. Numbers stay with the character after them
    (1460户). Non-Han, non-number characters separate units.
    """
    if _DOC_NUMBER.fullmatch(word):
        return [word]  # a 文号 is one exact phrase: 清农办〔2024〕12号
    if keys is None:
        keys = sorted(_synonym_index(), key=len, reverse=True)
    units: list[str] = []
    for piece in re.split(rf"[^{HAN}0-9a-z.%]+", word):
        if piece:
            _split_piece(piece, keys, units)
    return units


def _split_piece(piece: str, keys: list[str], out: list[str]) -> None:
    for key in keys:
        at = piece.find(key)
        if at >= 0:
            if at:
                _split_piece(piece[:at], keys, out)
            out.append(key)
            if at + len(key) < len(piece):
                _split_piece(piece[at + len(key) :], keys, out)
            return
    words: list[str] = []
    for match in _RUNS.finditer(piece):
        number, han, latin, _ = match.groups()
        if number is not None or latin is not None:
            words.append(match.group(0))
        elif han is not None:
            words.extend(cut(han))
    glued: list[str] = []
    pending = ""  # single Han characters waiting for a home
    for w in words:
        if len(w) == 1 and _HAN_RE.match(w):
            pending += w
            continue
        if len(pending) == 1 and glued:
            glued[-1] += pending  # a suffix: 云峰 + 镇, 1460 + 户
        elif len(pending) == 1:
            w = pending + w  # a prefix at the start: 清 + 农办
        elif pending:
            glued.append(pending)  # an unknown name: 界炮镇
        pending = ""
        glued.append(w)
    if len(pending) == 1 and glued:
        glued[-1] += pending
    elif pending:
        glued.append(pending)
    out.extend(glued)
