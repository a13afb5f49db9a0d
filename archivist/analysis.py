"""Chinese text analysis for the search index: one tokenizer shared by indexing and querying.

Why not Whoosh's defaults or jieba's own ChineseAnalyzer:
- Whoosh's RegexTokenizer treats a run of Han characters as one token, so "政府工作" never matches
  inside "关于印发某某市政府工作报告的通知".
- jieba's ChineseAnalyzer (cut_for_search) emits overlapping sub-words with positions that do not
  follow the text, so phrase queries return nothing.

So every field is indexed twice (DESIGN.md, issue #4):
- a *word* field: jieba words (dictionary only, no HMM: deterministic, and the same substring
  segments the same way in a query as in a document far more often) with positions that count
  words in text order and character offsets into the analysed text;
- a *bigram* field: overlapping Han character bigrams at consecutive positions, so any substring of
  two or more Han characters is a phrase query that matches wherever the characters occur,
  including names no dictionary knows (杏花村, 界炮镇).

Numbers are whole tokens in both fields ("1460" never matches inside "31460"), and a number followed
directly by a Han character or "%" also yields a compound token at the same position ("1460户",
"186.4亩", "2024年", "12号"), so a count or a 文号 can be searched exactly as written. A record
separator (\\x1e) in a value adds a large position gap, so phrases never run across the parts of a
multi-part field (title, file name, unit, 文号).

Text must be passed through `prepare()` first (index and query alike): that applies
`textnorm.normalize()` (width folding, Traditional→Simplified, spaces between Han characters,
thousands separators), lower-cases ASCII and removes line breaks between Han characters (PDF and
OCR line wrapping would otherwise break phrases). The analysers themselves do not normalise, so the
character offsets they report point into the text that is stored and shown in snippets.
"""

from __future__ import annotations

import logging
import re
import threading
import warnings
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple

from whoosh.analysis import Token, Tokenizer

from .textnorm import normalize

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
HAN1 = "han1"  # a lone Han character (bigram field) or a one-character word (word field)
BIGRAM = "bi"
WORD = "word"
LATIN = "lat"


class Tok(NamedTuple):
    """One token: text, position, character span in the analysed text, kind.

    `absorbed` marks the Han character right after a number that a COMP token already covers;
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


@lru_cache(maxsize=1)
def _jieba() -> Any:
    """A private jieba tokenizer, loaded once per process, its log output silenced.

    Private so that the words this module teaches it do not change segmentation for other parts
    of the program that use jieba's global tokenizer.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba imports pkg_resources, which warns on import
        import jieba

    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in sorted(_domain_words()):
        tokenizer.add_word(word)
    return tokenizer


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
                if any(len(w) == 1 for w in tokenizer.lcut(part, HMM=False)):
                    tokenizer.add_word(part)
                    added += 1
    return added


def cut(run: str) -> list[str]:
    """jieba's dictionary cut of one Han run (no HMM, see the module docstring)."""
    return _jieba().lcut(run, HMM=False)


def warm_up() -> None:
    """Load the dictionary now (about a second) rather than inside the first query."""
    cut("乡村振兴")


# tokenising ------------------------------------------------------------------------------------
def scan(text: str, mode: str) -> Iterator[Tok]:
    """Tokens of prepared text for the `word` or `bigram` field, positions in text order."""
    bigram = mode == "bigram"
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
            absorbed = start == absorb_at
            if len(han) == 1:
                yield Tok(han, pos, start, start + 1, HAN1, absorbed)
                pos += 1
            elif bigram:
                for i in range(len(han) - 1):
                    yield Tok(han[i : i + 2], pos, start + i, start + i + 2, BIGRAM)
                    pos += 1
            else:
                offset = start
                for i, word in enumerate(cut(han)):
                    kind = WORD if len(word) > 1 else HAN1
                    yield Tok(word, pos, offset, offset + len(word), kind, absorbed and i == 0 and len(word) == 1)
                    offset += len(word)
                    pos += 1
        elif latin is not None:
            yield Tok(latin, pos, start, match.end(), LATIN)
            pos += 1
        elif separator is not None:
            pos += PART_GAP


def query_terms(text: str, mode: str) -> list[str]:
    """The terms of a prepared query string as one phrase: one term per position.

    Where a number has a compound (1460户) the compound is used and the Han character it absorbed
    is skipped, so "1460户" is one exact term and never matches "31460户" or "1460人".
    """
    terms: list[str] = []
    last_pos = -1
    for tok in scan(text, mode):
        if tok.absorbed:
            continue
        if tok.pos == last_pos:
            if tok.kind == COMP:
                terms[-1] = tok.text
            continue
        terms.append(tok.text)
        last_pos = tok.pos
    return terms


class _ScanAnalyzer(Tokenizer):
    """A Whoosh tokenizer over `scan()`; subclasses pick the mode. Pickles without state."""

    mode = "word"

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = value
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        for tok in scan(value, self.mode):
            token.text = tok.text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = tok.text
            if positions:
                token.pos = start_pos + tok.pos
            if chars:
                token.startchar = start_char + tok.start
                token.endchar = start_char + tok.end
            yield token


class WordAnalyzer(_ScanAnalyzer):
    """jieba words, numbers and number compounds with text-order positions and true offsets."""

    mode = "word"


class BigramAnalyzer(_ScanAnalyzer):
    """Overlapping Han bigrams, numbers and number compounds at consecutive positions."""

    mode = "bigram"


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


def query_units(word: str) -> list[str]:
    """Split one prepared query word into the units that must all occur (AND).

    Synonym-table terms are kept whole; the rest is cut by jieba, and single characters are glued
    to a neighbour (a run of single characters is an unknown name such as 界炮镇: kept together),
    because a lone character matches almost everything. Numbers stay with the character after them
    (1460户). Non-Han, non-number characters separate units.
    """
    if _DOC_NUMBER.fullmatch(word):
        return [word]  # a 文号 is one exact phrase: 清农办〔2024〕12号
    index = _synonym_index()
    keys = sorted(index, key=len, reverse=True)
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
