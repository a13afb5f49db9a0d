"""Classify a document to an indicator, with a calibrated confidence and the terms that explain it.

How (issue 3, "Auto-filing accuracy"):

1. Profiles. Every candidate indicator gets a weighted term profile from its framework text (name > 佐证材料
   > 考核内容), segmented with jieba using a user dictionary of the domain lexicon, plus the lexicon topic
   attached to it by name (lexicon.py: core and related terms). Term weights are multiplied by an IDF over
   the candidate profiles, so 改厕 (one indicator) counts far more than 帮扶 (many).
2. Matching. A document's fields are scanned for profile terms with a trie (maximal matches, overlapping
   allowed), after normalisation (Traditional folded to Simplified, full-width folded, spaces between Han
   removed, a few OCR misreadings of domain words folded back). Title, meaningful file name and folder names
   weigh more than the body; body frequencies are BM25-saturated and length-normalised, so a long ledger
   does not outvote its own header. What no term matched is scored by character bigrams shared with the
   profile terms (a weak backoff for words the lexicon lacks: 产权交易 ~ 集体产权制度改革).
3. Hints. An indicator code written in a folder or file name ("C01-农村厕所革命/") is strong evidence;
   rules from archivist.toml (regex → code) win outright. The bonus/penalty items are defined by an event,
   not a subject (a 舆情 about tap water is X02, not 饮水安全): their event words weigh more (Topic.decisive).
4. Learning. Documents a user re-filed (`assign`) are kept as examples; a new document's character-bigram
   cosine to them votes for their codes, and the vote's weight grows with similarity and agreement, so
   five corrections of one kind of document carry the sixth.
5. Confidence. A logistic function of the margin between the first two candidates (scaled by the evidence
   behind it), fitted offline on degraded variants of labelled documents (bench/classify.py --fit) with a
   wrong filing costing twice an abstention — misfiled evidence is worse than unfiled — so that at the
   pipeline's 0.5 threshold a filing is right about two times in three or better, and a tie is never filed.

Candidates: the primary framework (the first in the FrameworkSet) is where documents are filed; 后评估 items
that a primary indicator covers (their see_also is not empty, or a primary item names them) are reached
through FrameworkSet.links_for and are not candidates of their own. Secondary items that NO primary indicator
covers (e.g. 群众认可度, 干部培训和政策宣传) are candidates too — otherwise a satisfaction survey would be
forced into some unrelated 实绩考核 folder — but with a prior below 1, so a document that serves both a
primary indicator and an uncovered item is filed under the primary one.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..framework import FrameworkSet, Indicator
from ..model import Suggestion
from ..textnorm import normalize
from .lexicon import (
    INDUSTRY_HEAD_AFTER,
    INDUSTRY_NOT_PRODUCT_BEFORE,
    KINDS,
    OCR_FIXES,
    PRODUCT_INDUSTRY_TERM,
    STOPWORDS,
    TOPICS,
    UNIT_ABBREVIATIONS,
    Topic,
)
from .metadata import meaningful_stem, title_from_lines

log = logging.getLogger(__name__)

# Field weights: what a document says about itself in its title and where it was put outweighs its body.
W_TITLE = 3.0
W_NAME = 2.0
W_FOLDER = 2.0
W_BODY = 1.0
# Profile weights by source.
P_NAME = 3.0
P_EVIDENCE = 2.0
P_CONTENT = 1.2
P_LINKED = 1.5  # evidence items of the 后评估 items an indicator covers
P_CORE = 2.5
P_RELATED = 1.0
# An uncovered 后评估 item must beat the best 实绩考核 indicator clearly to be chosen.
SECONDARY_PRIOR = 0.75
# Character-bigram backoff: a word the lexicon lacks (产权交易, 领办) still shares bigrams with profile terms
# (集体产权制度改革, 领办合作社). Its weight relative to whole-term matches:
BIGRAM_WEIGHT = 0.2
# Extra weight of a decisive topic's core word (lexicon.Topic.decisive) in the title/file name, and in the body.
DECISIVE_BOOST = 3.0
DECISIVE_BODY_BOOST = 2.0
BODY_CHARS = 4000
# The issuing unit: a document from the unit that leads an indicator (its 牵头单位 / 责任单位) leans to it. A
# prior, not evidence: it decides between neighbours (文化服务 from 文旅局, 文明实践 from 宣传部), never alone.
UNIT_PRIOR = 0.12
# The evidence items: a document whose words cover one listed 佐证材料 item (most of its distinctive words),
# and whose kind is that item's kind (台账 for a …台账, 照片 for …照片), is that item rather than a mention.
EVIDENCE_ITEM_BOOST = 0.25
KIND_AGREES = 0.5
# A title (or file name) that names one of the indicator's OWN evidence items whole — every distinctive word of
# 高素质农民培训花名册 or 入户走访记录 — says what the document is, whatever its body talks about (the visits'
# notes speak of 饮水 and 医保): the clerk files it under the indicator that lists the item. The items of the
# 后评估 items only this indicator covers count too (帮扶责任人名册), unless another indicator lists the same item
# itself; and only an item whose words are specific enough (their idf sum, see TITLE_ITEM_MIN_IDF) counts:
# 整改报告 names nothing in particular.
TITLE_ITEM_BOOST = 2.0
TITLE_ITEM_MIN_IDF = 2.4
# Concept terms (templates/concepts.toml): an everyday word for a profile term joins the profile with this
# share of that term's weight (老年食堂 for 长者食堂), below the words the framework and lexicon use.
P_CONCEPT = 0.6
# A term a text implies without writing it (茶产业 → 特色产业, _implied_terms) counts this share of the written word:
# it names the subject, but a title that also names another indicator's own item (党支部领办合作社发展茶叶产业)
# stays a choice between the two.
IMPLIED_SHARE = 0.5
# A close call: when the runner-up scores this close to the first, neither is filed (a wrong filing is worse
# than 待分类): the document goes to 待分类 with both named.
CLOSE_RATIO = 0.8
CLOSE_CALL = "两项指标得分接近"  # how such a record's reason starts (status lists them)
# Calibration: confidence = sigmoid(A * m + B * m * log(1 + s1) + C) with margin m = (s1 - s2) / (s1 + MARGIN_K).
# The pseudo-score K keeps a lone weak match (s1 small, s2 = 0) from looking certain, and strength only counts
# through the margin, so a tie between two candidates never looks certain however many terms both match.
# Fitted by `bench/classify.py --fit` (logistic regression on degraded variants of labelled documents).
MARGIN_K = 8.0
CAL_A = -3.284
CAL_B = 3.277
CAL_C = -1.232

_CODE_IN_NAME = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]\d{2})(?!\d)")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass
class Document:
    """What the classifier sees of one file. `meta` may carry 'unit' and extractor facts (exif_date, sheets…)."""

    text: str = ""
    title: str = ""
    file_name: str = ""
    folders: list[str] = field(default_factory=list)
    kind: str = ""
    meta: dict = field(default_factory=dict)


# ---------------------------------------------------------------- segmentation (jieba, once per process)
@lru_cache(maxsize=1)
def _jieba() -> Any:
    """A private jieba tokenizer taught the lexicon: words added here stay out of jieba.dt, which search and
    other modules segment with."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba imports pkg_resources, which warns
        import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for topic in TOPICS:
        for word in (*topic.core, *topic.related):
            if len(word) >= 2:
                tokenizer.add_word(word, freq=20000)
    return tokenizer


def segment(text: str) -> list[str]:
    """jieba words (user dictionary: the domain lexicon) of normalised text, Han words of 2+ characters."""
    return [w for w in _jieba().lcut(normalize(text), HMM=False) if len(w) >= 2 and _HAN_RUN.fullmatch(w)]


# ---------------------------------------------------------------- term trie
class _Vocabulary:
    """All profile terms, matched in a text as maximal (possibly overlapping) occurrences."""

    def __init__(self, terms: set[str]) -> None:
        self.terms = terms
        self.prefixes = {t[:i] for t in terms for i in range(1, len(t) + 1)}
        self.max_len = max((len(t) for t in terms), default=1)

    def count(self, text: str) -> Counter:
        return self.scan(text)[0]

    def scan(self, text: str) -> tuple[Counter, str]:
        """Term counts, and the text with matched spans blanked (what is left for the bigram backoff)."""
        counts: Counter = Counter()
        if not text:
            return counts, ""
        prefixes, terms, max_len = self.prefixes, self.terms, self.max_len
        reach = 0  # end of the furthest match so far: a match inside it is part of a longer term
        n = len(text)
        covered = bytearray(n)
        for i in range(n):
            best = 0
            for j in range(i + 1, min(n, i + max_len) + 1):
                piece = text[i:j]
                if piece not in prefixes:
                    break
                if piece in terms:
                    best = j
            if best and best > reach:
                counts[text[i:best]] += 1
                covered[i:best] = b"\x01" * (best - i)
                reach = best
        if not any(covered):
            return counts, text
        residual = "".join(" " if covered[k] else ch for k, ch in enumerate(text))
        return counts, residual


# ---------------------------------------------------------------- examples (learning from assign)
def _bigrams(text: str) -> Counter:
    grams: Counter = Counter()
    for run in _HAN_RUN.findall(text):
        grams.update(run[i:i + 2] for i in range(len(run) - 1))
    return grams


def _implied_terms(text: str, voc: _Vocabulary) -> Counter:
    """Profile terms a text implies without writing them: each "<product>产业" (茶产业, 中药材产业) is a 特色产业
    (lexicon.PRODUCT_INDUSTRY_TERM and the words around 产业 that make it something else)."""
    found: Counter = Counter()
    if PRODUCT_INDUSTRY_TERM not in voc.terms:
        return found
    start = text.find("产业")
    while start >= 0:
        before, after = text[:start], text[start + 2:]
        if (before and "\u4e00" <= before[-1] <= "\u9fff" and not before.endswith(INDUSTRY_NOT_PRODUCT_BEFORE)
                and (not after or after.startswith(INDUSTRY_HEAD_AFTER) or not "\u4e00" <= after[0] <= "\u9fff")):
            found[PRODUCT_INDUSTRY_TERM] += 1
        start = text.find("产业", start + 2)
    return found


@lru_cache(maxsize=1)
def _stop_bigrams() -> frozenset[str]:
    grams: set[str] = set()
    for word in STOPWORDS:
        grams.update(word[i:i + 2] for i in range(len(word) - 1))
    return frozenset(grams)


_OCR_FIX = re.compile("|".join(sorted(map(re.escape, OCR_FIXES), key=len, reverse=True)))


def _norm(text: str) -> str:
    """textnorm.normalize, then the few OCR misreadings of domain words folded back."""
    text = normalize(text)
    return _OCR_FIX.sub(lambda m: OCR_FIXES[m.group(0)], text) if text else text


def _weighted_vector(grams: Counter, idf: dict[str, float], unseen_idf: float,
                     keep: set[str] | dict) -> dict[str, float]:
    """Sublinear-tf × idf vector normalised over ALL its bigrams (unseen ones weigh unseen_idf), of which only
    those in `keep` are returned: dropping a bigram must not make the rest look more similar."""
    stop = _stop_bigrams()
    vec = {g: (1.0 + math.log(c)) * idf.get(g, unseen_idf) for g, c in grams.items() if g not in stop}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {g: v / norm for g, v in vec.items() if g in keep}


# ---------------------------------------------------------------- the classifier
@dataclass
class _Candidate:
    indicator: Indicator
    secondary: bool
    profile: dict[str, float]
    decisive: dict[str, str]  # term -> "title" | "anywhere"
    items: list[tuple[frozenset[str], str]] = field(default_factory=list)  # evidence item: (its terms, its kind)
    units: tuple[str, ...] = ()  # lead and responsible units, short forms included
    # the items a title can name (see TITLE_ITEM_BOOST): built as {item text: terms}, then kept as the terms
    named_items: Any = field(default_factory=list)


@dataclass
class Decision:
    """Where a document goes: `code` when filed, None for 待分类; `rivals` when two indicators were too close
    to choose between (the document is left for a person, with both named in `reason`)."""

    suggestions: list[Suggestion]
    code: str | None
    confidence: float
    rivals: tuple[str, str] | None = None
    reason: str = ""


class Classifier:
    """Scores every candidate indicator for a Document; see the module docstring for the method."""

    def __init__(self, frameworks: FrameworkSet, examples: list[tuple[str, str]] | None = None,
                 rules: list[dict] | None = None) -> None:
        self.frameworks = frameworks
        self.candidates = self._candidates(frameworks)
        self.codes = [c.indicator.code for c in self.candidates]
        self._by_code = {c.indicator.code: c for c in self.candidates}
        self._idf = self._compute_idf()
        self.vocabulary = _Vocabulary(set(self._idf))
        self._bigram_index, self._bigram_idf = self._compute_bigrams()
        self.rules = self._compile_rules(rules or [])
        self._raw_examples: list[tuple[str, str]] = []
        self._example_grams: list[Counter] = []
        self._example_codes: list[str] = []
        self._example_postings: dict[str, list[tuple[int, float]]] = {}
        self._example_idf: dict[str, float] = {}
        self._unseen_idf = 1.0
        self.add_examples(examples or [])

    # -------- construction
    @staticmethod
    def _primary_codes(frameworks: FrameworkSet) -> set[str]:
        if not frameworks.frameworks:
            return set()
        return {ind.code for ind in frameworks.frameworks[0].indicators()}

    def _candidates(self, frameworks: FrameworkSet) -> list[_Candidate]:
        primary = self._primary_codes(frameworks)
        chosen: list[tuple[Indicator, bool]] = []
        for ind in frameworks.indicators():
            if ind.code in primary:
                chosen.append((ind, False))
            elif not any(code in primary for code in frameworks.links_for(ind.code)):
                chosen.append((ind, True))  # a 后评估 item no 实绩考核 indicator covers
        topics = _attach_topics([ind for ind, _ in chosen])
        concepts = _concept_alternatives()
        out = []
        for ind, secondary in chosen:
            # a 后评估 item that only this indicator covers asks for evidence filed here: its items are this
            # one's too (an item two indicators share, like 产业和就业帮扶政策, says nothing between them)
            linked = [] if secondary else [
                item for code in frameworks.links_for(ind.code)
                if code not in primary and [c for c in frameworks.links_for(code) if c in primary] == [ind.code]
                for item in getattr(frameworks.indicator(code), "evidence", [])]
            profile, decisive = _profile(ind, topics.get(ind.code, []), concepts, linked)
            items = [(frozenset(t for t in segment(item) if t in profile), item_kind(item))
                     for item in [*ind.evidence, *linked]]
            named = {text: terms for text, (terms, _) in zip([*ind.evidence, *linked], items, strict=True) if terms}
            out.append(_Candidate(ind, secondary, profile, decisive, [i for i in items if i[0]], _unit_names(ind),
                                  named))
        # a linked item that another indicator lists itself is that indicator's (入户走访记录 is A01's item and,
        # through 帮扶责任落实, A05's too): a title naming it says nothing for the one that only borrows it
        own = {text for cand in out for text in cand.indicator.evidence}
        for cand in out:
            mine = set(cand.indicator.evidence)
            cand.named_items = [terms for text, terms in cand.named_items.items() if text in mine or text not in own]
        return out

    def _compute_idf(self) -> dict[str, float]:
        n = len(self.candidates)
        df: Counter = Counter()
        for cand in self.candidates:
            df.update(cand.profile.keys())
        return {t: math.log(1.0 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}

    def _compute_bigrams(self) -> tuple[dict[str, list[tuple[int, float]]], dict[str, float]]:
        """bigram -> [(candidate index, weight)] from the candidates' terms of 3+ characters."""
        per_cand: list[dict[str, float]] = []
        for cand in self.candidates:
            grams: dict[str, float] = {}
            for term, weight in cand.profile.items():
                if len(term) >= 3:
                    for k in range(len(term) - 1):
                        g = term[k:k + 2]
                        if g not in STOPWORDS:
                            grams[g] = max(grams.get(g, 0.0), weight)
            per_cand.append(grams)
        index: dict[str, list[tuple[int, float]]] = {}
        for ci, grams in enumerate(per_cand):
            for g, w in grams.items():
                index.setdefault(g, []).append((ci, w))
        n = len(self.candidates)
        idf = {g: math.log(1.0 + (n - len(v) + 0.5) / (len(v) + 0.5)) for g, v in index.items()}
        return index, idf

    def _compile_rules(self, rules: list[dict]) -> list[tuple[re.Pattern[str], str]]:
        compiled = []
        for rule in rules:
            pattern, code = str(rule.get("pattern", "")), str(rule.get("code", ""))
            if not pattern or self.frameworks.indicator(code) is None:
                log.warning("忽略无效的归档规则 %r → %r（指标代码不存在或模式为空）", pattern, code)
                continue
            try:
                compiled.append((re.compile(pattern), code))
            except re.error:  # a clerk's pattern with a stray bracket still matches as plain text
                compiled.append((re.compile(re.escape(pattern)), code))
        return compiled

    def add_examples(self, examples: list[tuple[str, str]]) -> None:
        """Learn from re-filed documents (code, text); codes unknown to the frameworks are ignored."""
        fresh = [(code, text) for code, text in examples if self.frameworks.indicator(code) is not None and text]
        if not fresh:
            return
        self._raw_examples.extend(fresh)
        self._example_grams.extend(_bigrams(normalize(text[:BODY_CHARS])) for _, text in fresh)
        df: Counter = Counter()
        for grams in self._example_grams:
            df.update(grams.keys())
        n = len(self._example_grams)
        # IDF over the examples themselves, damped while there are few: with 5 examples of one kind their
        # shared template words are exactly what should make the 6th match. Bigrams in most examples say
        # nothing about any one of them and would only make the postings long: they are left out.
        damp = min(1.0, n / 30)
        self._example_idf = {g: 1.0 + math.log((n + 1) / (d + 0.5)) * damp for g, d in df.items()}
        self._unseen_idf = 1.0 + math.log((n + 1) / 0.5) * damp
        indexed = {g for g, d in df.items() if n < 20 or d <= 0.3 * n}
        self._example_codes = [code for code, _ in self._raw_examples]
        postings: dict[str, list[tuple[int, float]]] = {}
        for index, grams in enumerate(self._example_grams):
            for g, w in _weighted_vector(grams, self._example_idf, self._unseen_idf, indexed).items():
                postings.setdefault(g, []).append((index, w))
        self._example_postings = postings  # inverted index: cost grows with shared bigrams, not with examples

    @property
    def example_count(self) -> int:
        return len(self._raw_examples)

    # -------- classification
    def classify(self, doc: Document) -> list[Suggestion]:
        """Suggestions best first (every candidate that scored, at least three), confidence in 0..1."""
        fields = self._fields(doc)
        for pattern, code in self.rules:
            if any(pattern.search(v) for v in fields["raw"]):
                rest = [s for s in self._rank(doc, fields) if s.code != code]
                return [Suggestion(code, 1.0, [f"规则：{pattern.pattern}"]), *rest[:3]]
        return self._rank(doc, fields)

    def decide(self, doc: Document, threshold: float) -> Decision:
        """classify(), then the filing decision: the best suggestion when its confidence reaches `threshold`
        and no other indicator scored close to it; otherwise 待分类 (with both rivals named on a close call)."""
        suggestions = self.classify(doc)
        best = suggestions[0] if suggestions else None
        if best is None:
            return Decision(suggestions, None, 0.0)
        rivals = self._close_call(doc, suggestions)
        if rivals:
            named = " 与 ".join(f"{c} {self._name(c)}" for c in rivals)
            return Decision(suggestions, None, best.confidence, rivals,
                            f"{CLOSE_CALL}，未自动归档：{named}，请选择其一归档")
        if best.confidence >= threshold:
            return Decision(suggestions, best.code, best.confidence)
        return Decision(suggestions, None, best.confidence)

    def _name(self, code: str) -> str:
        ind = self.frameworks.indicator(code)
        return ind.name if ind else ""

    def _close_call(self, doc: Document, suggestions: list[Suggestion]) -> tuple[str, str] | None:
        """The two top codes when their framework scores are within CLOSE_RATIO and both have real evidence;
        a rule, an explicit code in a folder name or a strong vote of re-filed examples settles it instead."""
        if len(suggestions) < 2 or suggestions[0].confidence >= 0.999:
            return None
        if any(m.startswith(("规则：", "文件夹/文件名含", "与 ")) for m in suggestions[0].matched):
            return None
        scored = self.scores(doc)
        if len(scored) < 2 or scored[0][0] <= 0:
            return None
        (s1, c1, _), (s2, c2, _) = scored[0], scored[1]
        if s2 < CLOSE_RATIO * s1 or s1 < MARGIN_K / 2:
            return None
        top = [s.code for s in suggestions[:2]]
        return (c1, c2) if set(top) == {c1, c2} else None

    def _fields(self, doc: Document) -> dict[str, Any]:
        body = doc.text or ""
        if len(body) > BODY_CHARS:  # the beginning says what a document is; keep the 落款 too
            body = body[: BODY_CHARS - 400] + "\n" + body[-400:]
        title = doc.title or title_from_lines([ln.strip() for ln in body.splitlines()[:8] if ln.strip()])
        stem = meaningful_stem(doc.file_name) if doc.file_name else ""
        folders = [f for f in doc.folders if f]
        return {
            "title": _norm(title),
            "name": _norm(stem),
            "folders": _norm(" ".join(folders)),
            "body": _norm(body),
            "raw": [doc.file_name, *folders, title, body, normalize(title), normalize(body)],
            "code_hints": self._code_hints(folders, doc.file_name),
            "unit": _expand_units(" ".join([str((doc.meta or {}).get("unit") or ""), *folders])),
            "kind": doc.kind or "",
        }

    def _code_hints(self, folders: list[str], file_name: str) -> dict[str, float]:
        hints: dict[str, float] = {}
        for weight, texts in ((1.0, folders), (0.6, [file_name])):
            for text in texts:
                for m in _CODE_IN_NAME.finditer(text or ""):
                    code = m.group(1).upper()
                    if code in self._by_code:
                        hints[code] = max(hints.get(code, 0.0), weight)
        return hints

    def _term_strengths(self, fields: dict[str, Any]) -> tuple[dict[str, float], set[str], dict[str, float]]:
        """Per term: field-weighted, saturated frequency; the terms in the title or file name; and the same
        strengths for the bigrams of what no term matched (the backoff)."""
        voc = self.vocabulary
        strengths: dict[str, float] = {}
        grams: dict[str, float] = {}
        headline: set[str] = set()
        for key, weight in (("title", W_TITLE), ("name", W_NAME), ("folders", W_FOLDER)):
            counts, residual = voc.scan(fields[key])
            for term, tf in counts.items():
                strengths[term] = strengths.get(term, 0.0) + weight * tf / (tf + 0.5)
                if key != "folders":
                    headline.add(term)
            for term, tf in _implied_terms(fields[key], voc).items():  # weaker than the word itself
                strengths[term] = strengths.get(term, 0.0) + IMPLIED_SHARE * weight * tf / (tf + 0.5)
            for g, tf in _bigrams(residual).items():
                grams[g] = grams.get(g, 0.0) + weight * tf / (tf + 0.5)
        body = fields["body"]
        norm = 1.2 * (0.5 + 0.5 * len(body) / 1200.0)
        counts, residual = voc.scan(body)
        for term, tf in counts.items():
            strengths[term] = strengths.get(term, 0.0) + W_BODY * tf * 2.2 / (tf + norm)
        for g, tf in _bigrams(residual).items():
            grams[g] = grams.get(g, 0.0) + W_BODY * tf * 2.2 / (tf + norm)
        return strengths, headline, grams

    def scores(self, doc: Document) -> list[tuple[float, str, list[str]]]:
        """Raw framework scores (score, code, matched terms) best first — for benches and explanations."""
        return self._scores(self._fields(doc))

    def _scores(self, fields: dict[str, Any]) -> list[tuple[float, str, list[str]]]:
        strengths, headline, grams = self._term_strengths(fields)
        hints = fields["code_hints"]
        backoff = [0.0] * len(self.candidates)
        for g, s in grams.items():
            postings = self._bigram_index.get(g)
            if postings:
                base = s * self._bigram_idf[g] * BIGRAM_WEIGHT
                for ci, w in postings:
                    backoff[ci] += base * w
        led = {ci for ci, cand in enumerate(self.candidates)
               if fields["unit"] and any(u in fields["unit"] for u in cand.units)}
        # a unit that leads most indicators (农业农村局 in some schemes) says little about any one of them
        unit_led = {ci: True for ci in led} if 0 < len(led) <= max(1, len(self.candidates) // 10) else {}
        out = []
        for ci, cand in enumerate(self.candidates):
            contributions = []
            for term, s in strengths.items():
                w = cand.profile.get(term)
                if w:
                    where = cand.decisive.get(term)
                    if where and term in headline:
                        w *= DECISIVE_BOOST
                    elif where == "anywhere":
                        w *= DECISIVE_BODY_BOOST
                    contributions.append((s * self._idf[term] * w, term))
            score = sum(c for c, _ in contributions) + backoff[ci]
            score *= 1.0 + max(self._item_cover(cand, strengths, headline, fields["kind"]),
                               self._item_titled(cand, headline, (fields["title"], fields["name"])))
            if unit_led.get(ci):
                score *= 1.0 + UNIT_PRIOR
            if cand.secondary:
                score *= SECONDARY_PRIOR
            code = cand.indicator.code
            matched = [t for _, t in sorted(contributions, reverse=True)[:6]]
            out.append((score, code, matched))
        if hints:
            top = max((s for s, _, _ in out), default=0.0)
            boosted = []
            for score, code, matched in out:
                if code in hints:  # an explicit code in a folder name is the user's own filing
                    score += hints[code] * (top + 8.0)
                    matched = [f"文件夹/文件名含 {code}", *matched]
                boosted.append((score, code, matched))
            out = boosted
        out.sort(key=lambda x: (-x[0], x[1]))
        return out

    def _item_cover(self, cand: _Candidate, strengths: dict[str, float], headline: set[str], kind: str) -> float:
        """How fully the document is one of the candidate's evidence items: the idf-weighted share of the
        item's words it holds (a word in the title or file name counts whole, one in the body half), raised
        when its kind is the item's kind. 0 when it holds under half of an item."""
        best = 0.0
        for terms, item_kind_ in cand.items:
            total = sum(self._idf[t] for t in terms)
            if total <= 0:
                continue
            held = 0.0
            for t in terms:  # 高素质农民 is held by a document that says 高素质农民培育 (the longer match)
                where = [m for m in (t, *(m for m in strengths if t in m)) if m in strengths]
                if where:
                    held += self._idf[t] * (1.0 if any(m in headline for m in where) else 0.5)
            cover = held / total
            if cover < 0.5:
                continue
            if kind and item_kind_ == kind:
                cover *= 1.0 + KIND_AGREES
            best = max(best, cover)
        return EVIDENCE_ITEM_BOOST * best

    def _item_titled(self, cand: _Candidate, headline: set[str], lines: tuple[str, str]) -> float:
        """TITLE_ITEM_BOOST when the title or the file name (`lines`) holds every word of one of the candidate's
        evidence items (a longer matched word holds a shorter one), those words are specific enough, and the
        item is what the line ends on. A Chinese title's subject is its last noun phrase: 监测对象帮扶责任人名册
        is a 帮扶责任人名册, but 党支部领办合作社发展茶叶产业情况 is about 茶叶产业 — a specific word after the
        item that is neither the item's nor in the candidate's profile leaves the choice to the whole document."""
        for terms in cand.named_items:
            if sum(self._idf[t] for t in terms) < TITLE_ITEM_MIN_IDF:
                continue
            for line in lines:
                ends = [line.rfind(t) + len(t) for t in terms if t in line]
                if len(ends) < len(terms):
                    continue
                after = line[max(ends):]
                later = [m for m in headline if m in after and m not in cand.profile
                         and not any(t in m or m in t for t in terms) and self._idf.get(m, 0.0) >= TITLE_ITEM_MIN_IDF]
                if not later:
                    return TITLE_ITEM_BOOST
        return 0.0

    def _example_votes(self, fields: dict[str, Any]) -> tuple[dict[str, float], float, dict[str, int]]:
        """kNN over corrected documents: (share of the vote per code, weight of the vote 0..1, neighbours)."""
        if not self._raw_examples:
            return {}, 0.0, {}
        grams = _bigrams(fields["title"] + "\n" + fields["body"])
        vec = _weighted_vector(grams, self._example_idf, self._unseen_idf, self._example_postings)
        dots: dict[int, float] = {}
        for g, v in vec.items():
            for index, w in self._example_postings.get(g, ()):
                dots[index] = dots.get(index, 0.0) + v * w
        sims = sorted(((sim, self._example_codes[i]) for i, sim in dots.items()), reverse=True)[:7]
        votes: dict[str, float] = {}
        count: dict[str, int] = {}
        for sim, code in sims:
            if sim < 0.2:
                continue
            strength = (sim - 0.2) / 0.8
            votes[code] = votes.get(code, 0.0) + strength
            count[code] = count.get(code, 0) + 1
        total = sum(votes.values())
        if total <= 0:
            return {}, 0.0, {}
        best = max(votes.values())
        weight = min(0.92, best * 1.6 / (best * 1.6 + 0.5))
        return {c: v / total for c, v in votes.items()}, weight, count

    def _rank(self, doc: Document, fields: dict[str, Any]) -> list[Suggestion]:
        scored = self._scores(fields)
        s1 = scored[0][0] if scored else 0.0
        s2 = scored[1][0] if len(scored) > 1 else 0.0
        conf1 = calibrated_confidence(s1, s2)
        # distribute the rest of the probability over the others in proportion to their scores
        rest_total = sum(s for s, _, _ in scored[1:6]) or 1.0
        probs: dict[str, float] = {}
        explain: dict[str, list[str]] = {}
        for rank, (score, code, matched) in enumerate(scored):
            share = (1.0 - conf1) * (score / rest_total if rank < 6 else 0.0)
            probs[code] = conf1 if rank == 0 else min(share, conf1)  # never above the best-scored candidate
            explain[code] = matched
        votes, weight, count = self._example_votes(fields)
        if weight > 0:
            for code in set(probs) | set(votes):
                probs[code] = (1 - weight) * probs.get(code, 0.0) + weight * votes.get(code, 0.0)
            for code, n in count.items():
                explain[code] = [f"与 {n} 份人工归档的同类文件相似", *explain.get(code, [])]
        ranked = sorted(probs.items(), key=lambda kv: (-kv[1], kv[0]))
        out = []
        for code, p in ranked:
            if len(out) >= 3 and p <= 0.0:
                break
            out.append(Suggestion(code, round(min(1.0, max(0.0, p)), 4), explain.get(code, [])[:6]))
        return out


def calibrated_confidence(s1: float, s2: float) -> float:
    """P(top suggestion is right) from the top score s1 and the runner-up s2 (see bench/classify.py)."""
    if s1 <= 0:
        return 0.0
    margin = (s1 - s2) / (s1 + MARGIN_K)
    z = CAL_A * margin + CAL_B * margin * math.log1p(s1) + CAL_C
    return 1.0 / (1.0 + math.exp(-z))


# ---------------------------------------------------------------- profiles
def _attach_topics(indicators: list[Indicator]) -> dict[str, list[Topic]]:
    """Give each lexicon topic to the indicators whose NAME holds one of its keywords (else whose content does)."""
    attached: dict[str, list[Topic]] = {}
    for topic in TOPICS:
        by_name = [ind for ind in indicators if any(k in normalize(ind.name) for k in topic.names)]
        targets = by_name or [ind for ind in indicators if any(k in normalize(ind.content) for k in topic.names)]
        for ind in targets:
            attached.setdefault(ind.code, []).append(topic)
    return attached


def _profile(ind: Indicator, topics: list[Topic], concepts: dict[str, tuple[str, ...]] | None = None,
             linked_evidence: list[str] | None = None) -> tuple[dict[str, float], dict[str, str]]:
    """Term weights for one indicator: framework text (name > evidence > content, the evidence of 后评估 items
    it covers below its own), then its lexicon topics, then the everyday words the concept table gives for
    its terms (weak)."""
    profile: dict[str, float] = {}

    def add(term: str, weight: float) -> None:
        if len(term) >= 2 and term not in STOPWORDS:
            profile[term] = max(profile.get(term, 0.0), weight)

    for word in segment(ind.name):
        add(word, P_NAME)
    for item in ind.evidence:
        for word in segment(item):
            add(word, P_EVIDENCE)
    for item in linked_evidence or []:
        for word in segment(item):
            add(word, P_LINKED)
    for word in segment(ind.content):
        add(word, P_CONTENT)
    # an imported scheme often has no 考核内容 but its 评分标准 and 二级指标 name the same subject
    for word in segment(" ".join([ind.scoring, ind.group_name])):
        add(word, P_CONTENT)
    decisive: dict[str, str] = {}
    for topic in topics:
        for term in topic.core:
            add(normalize(term), P_CORE)
            if topic.decisive:
                decisive[normalize(term)] = topic.decisive
    for topic in topics:  # related words stay weak whatever the framework text says (see lexicon._t)
        for term in map(normalize, topic.related):
            if len(term) >= 2 and term not in STOPWORDS:
                profile[term] = P_RELATED if term in profile and not _is_core(term, topics) else \
                    max(profile.get(term, 0.0), P_RELATED)
    for term, weight in list(profile.items()):
        for alt in (concepts or {}).get(term, ()):
            if len(alt) >= 2 and alt not in STOPWORDS and alt not in profile:
                profile[alt] = P_CONCEPT * weight
    return profile, decisive


def _is_core(term: str, topics: list[Topic]) -> bool:
    return any(term in map(normalize, t.core) for t in topics)


@lru_cache(maxsize=1)
def _concept_alternatives() -> dict[str, tuple[str, ...]]:
    """term -> the other terms of its concepts, from the shipped concept table (the search's near words)."""
    try:
        from ..concepts import ConceptError, load_concepts

        table = load_concepts()
    except (ImportError, ConceptError, OSError) as exc:  # filing works without it, from the lexicon alone
        log.warning("概念表不可用，归档时不使用近义词：%s", exc)
        return {}
    # unit names (农业农村局 ↔ 农业局) are a search's near words, not a topic's: the issuing unit is weighed on
    # its own (see _unit_names), and as profile words they pull every file that names a bureau to its indicators
    return {normalize(t): tuple(normalize(a) for a in alts if a != t and not _is_unit_name(a))
            for t, alts in table.by_term.items() if not _is_unit_name(t)}


def _is_unit_name(term: str) -> bool:
    from ..concepts import SHORT_NAME_ENDINGS

    return len(term) >= 3 and term.endswith(SHORT_NAME_ENDINGS)


def item_kind(item: str) -> str:
    """The kind of document an evidence item asks for (lexicon.KINDS): the kind word nearest its end."""
    best: tuple[int, str] | None = None
    for kind, words in KINDS:
        for word in words:
            pos = item.rfind(word)
            if pos >= 0 and (best is None or pos + len(word) > best[0]):
                best = (pos + len(word), kind)
    if "照片" in item[-4:]:
        return "照片"
    return best[1] if best else ""


_UNIT_SPLIT = re.compile(r"[（）()、，,；;/\s]+")


def _unit_names(ind: Indicator) -> tuple[str, ...]:
    """The indicator's lead and responsible units as they may be written: full names and short forms."""
    names: set[str] = set()
    for raw in (ind.lead_unit, *ind.responsible_units):
        for part in _UNIT_SPLIT.split(normalize(raw or "")):
            if len(part) >= 3:
                names.add(part)
    for short, full in UNIT_ABBREVIATIONS.items():
        if full in names:
            names.add(short)
    return tuple(sorted(names))


def _expand_units(text: str) -> str:
    """A document's unit and folder names with the full form of each short one appended (人社局 → …)."""
    text = normalize(text)
    extra = [full for short, full in UNIT_ABBREVIATIONS.items() if short in text and full not in text]
    return " ".join([text, *extra])
