"""Copied text: near-duplicate documents by shingling and MinHash over normalised text.

Text is normalised (full-width folded, Traditional → Simplified, whitespace and punctuation dropped,
every digit run → one "0", so last year's 总结 with new dates and figures still matches) and cut into
character 5-grams. Each document's MinHash signature (64 multiply-shift hashes, computed with numpy:
datasketch hashes every shingle with SHA-1 in Python, too slow to backfill 20,000 documents) is made
once on ingest; a check puts the signatures into LSH bands (16 × 4 rows, ≈ 50 % Jaccard) and only the
pairs that share a band are compared exactly.

Standard policy sentences (习近平新时代中国特色社会主义思想…, 坚决守住不发生规模性返贫的底线…) that
most documents repeat are not evidence of copying: the archive itself says which they are — a
sentence that occurs in many documents (`standard_sentences`) is removed before two documents are
compared. Two towns' plans that are the same once place names are masked are a template copy; a
document mostly the same as another (last year's, another unit's) is a near duplicate.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..textnorm import fold_width, to_simplified
from .finding import Doc, Finding
from .places import mask_places, place_names

SHINGLE = 5
NUM_PERM = 64
BANDS, ROWS = 16, 4
MIN_SHINGLES = 120  # after standard sentences are removed: shorter texts say too little to compare
NEAR_DUPLICATE = 0.80  # share of the smaller document's shingles found in the other
MIN_JACCARD = 0.45  # and the two mostly the same size: a notice quoted inside a long report is not a copy
TEMPLATE = 0.97  # identical once place names are masked, and the names differ: a template filled in twice
MIN_ESTIMATE = 0.30  # signature agreement below this: not worth an exact comparison (needs ≥ 0.45 to count)
STANDARD_MIN_DOCS = 4  # a sentence in at least this many documents (and ≥ 1 % of them) is standard wording
TEXT_TYPES = {"docx", "pdf", "text", "legacy", "pptx", "doc", "wps", "rtf", "html"}

_rng = np.random.default_rng(20240531)
_A = (_rng.integers(1, 2**63, NUM_PERM, dtype=np.uint64) | np.uint64(1))
_B = _rng.integers(0, 2**63, NUM_PERM, dtype=np.uint64)
_DROP = re.compile(r"[\s\u3000\W_]+")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_SPLIT = re.compile(r"[。！？；!?;\n\r]+")


def normalise(text: str) -> str:
    text = to_simplified(fold_width(text or ""))
    return _DROP.sub("", _DIGITS.sub("0", text))


def sentences(text: str) -> list[str]:
    """The document's sentences, normalised; fragments too short to be wording are dropped."""
    out = []
    for part in _SPLIT.split(text or ""):
        norm = normalise(part)
        if len(norm) >= 8:
            out.append(norm)
    return out


def sentence_hashes(text: str) -> np.ndarray:
    """Unique 64-bit hashes of the sentences (stored per document; counted across the archive)."""
    values = {int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little") for s in sentences(text)}
    return np.array(sorted(values), dtype=np.uint64)


def shingle_hashes(norm: str) -> np.ndarray:
    """Unique hashes of the character 5-grams of a normalised text (a vectorised polynomial hash)."""
    if len(norm) < SHINGLE:
        return np.empty(0, dtype=np.uint64)
    codes = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(codes) - SHINGLE + 1
    h = np.zeros(n, dtype=np.uint64)
    prime = np.uint64(1000003)
    with np.errstate(over="ignore"):
        for j in range(SHINGLE):
            h = h * prime + codes[j:j + n]
    return np.unique(h)


def minhash(hashes: np.ndarray) -> np.ndarray:
    """64 minimum values of multiply-shift hashes of the shingle hashes (uint32 each)."""
    if hashes.size == 0:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    out = np.empty(NUM_PERM, dtype=np.uint32)
    with np.errstate(over="ignore"):
        for chunk in range(0, NUM_PERM, 16):
            mixed = hashes[:, None] * _A[None, chunk:chunk + 16] + _B[None, chunk:chunk + 16]
            out[chunk:chunk + 16] = (mixed >> np.uint64(32)).min(axis=0).astype(np.uint32)
    return out


def signature(text: str) -> np.ndarray:
    return minhash(shingle_hashes(normalise(text)))


def candidate_pairs(signatures: dict[str, np.ndarray]) -> set[tuple[str, str]]:
    """Pairs of documents that share at least one LSH band (≈ Jaccard 0.5 and above)."""
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    empty = np.full(ROWS, 0xFFFFFFFF, dtype=np.uint32).tobytes()
    for doc_id, sig in signatures.items():
        raw = sig.astype(np.uint32)
        for band in range(BANDS):
            key = raw[band * ROWS:(band + 1) * ROWS].tobytes()
            if key != empty:
                buckets[(band, key)].append(doc_id)
    pairs: set[tuple[str, str]] = set()
    for members in buckets.values():
        if len(members) < 2 or len(members) > 200:  # a band shared by hundreds is boilerplate, not a copy
            continue
        members = sorted(members)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pairs.add((a, b))
    return pairs


def standard_sentences(per_doc: Iterable[np.ndarray], n_docs: int) -> set[int]:
    """Sentences that many documents repeat: standard policy wording, learned from this archive."""
    arrays = [a for a in per_doc if a.size]
    if not arrays:
        return set()
    values, counts = np.unique(np.concatenate(arrays), return_counts=True)
    threshold = max(STANDARD_MIN_DOCS, int(np.ceil(n_docs * 0.01)))
    return {int(v) for v in values[counts >= threshold]}


@dataclass
class Comparison:
    overlap: float  # share of the smaller document found in the other
    jaccard: float
    masked_overlap: float  # the same with place names masked
    masked_jaccard: float
    shared: list[str]  # passages both contain (the longest first)
    renamed: list[tuple[str, str]]  # place names that differ (A's, B's)


def own_text(text: str, standard: set[int]) -> list[str]:
    """The sentences of a document that are its own (standard wording removed)."""
    kept = []
    for s in sentences(text):
        h = int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")
        if h not in standard:
            kept.append(s)
    return kept


def _sets(parts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    joined = "".join(parts)
    return shingle_hashes(joined), shingle_hashes(mask_places(joined))


def compare(a_parts: Sequence[str], b_parts: Sequence[str]) -> Comparison | None:
    """Exact shingle overlap of two documents' own text; None when either is too short to judge."""
    a, a_masked = _sets(a_parts)
    b, b_masked = _sets(b_parts)
    if min(a.size, b.size) < MIN_SHINGLES:
        return None
    inter = np.intersect1d(a, b, assume_unique=True).size
    overlap = inter / min(a.size, b.size)
    jaccard = inter / (a.size + b.size - inter)
    m_inter = np.intersect1d(a_masked, b_masked, assume_unique=True).size
    smaller = min(a_masked.size, b_masked.size)
    masked = m_inter / smaller if smaller else 0.0
    masked_jaccard = m_inter / (a_masked.size + b_masked.size - m_inter) if smaller else 0.0
    return Comparison(overlap, jaccard, masked, masked_jaccard, [], [])


def explain_overlap(a_parts: Sequence[str], b_parts: Sequence[str], comparison: Comparison) -> Comparison:
    """Fill in the side-by-side evidence: the longest shared passages and the names that differ."""
    a_text, b_text = "".join(a_parts), "".join(b_parts)
    matcher = difflib.SequenceMatcher(None, a_text, b_text, autojunk=False)
    blocks = sorted((m for m in matcher.get_matching_blocks() if m.size >= 12), key=lambda m: -m.size)
    comparison.shared = [a_text[m.a:m.a + m.size][:60] for m in blocks[:3]]
    a_places = set(place_names(a_text))
    b_places = set(place_names(b_text))
    renamed = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i2 - i1 <= 6 and j2 - j1 <= 6:
            pair = (a_text[i1:i2], b_text[j1:j2])
            if pair not in renamed:
                renamed.append(pair)
    only = sorted(a_places - b_places), sorted(b_places - a_places)
    named = list(zip(only[0], only[1], strict=False))  # whole names where the places differ, else the edits
    comparison.renamed = (named or renamed)[:5]
    return comparison


_PLAN = re.compile(r"方案|计划|办法|制度|细则|预案|规划|要点|清单|机制")
_REPORT = re.compile(r"总结|汇报|报告|情况|通报")


def is_plan(doc: Doc) -> bool:
    """A plan-like document (方案, 计划, 办法…) rather than a report of work done, by its title or name."""
    title = doc.title or doc.name
    return bool(_PLAN.search(title)) and not _REPORT.search(title)


def _places(parts: Sequence[str]) -> set[str]:
    return set(place_names("".join(parts)))


def text_findings(
    docs: Sequence[Doc], signatures: dict[str, np.ndarray], sentence_sets: dict[str, np.ndarray]
) -> list[Finding]:
    """Near-duplicate and template-copied documents among those with text."""
    by_id = {d.id: d for d in docs if d.file_type in TEXT_TYPES and d.id in signatures}
    standard = standard_sentences((sentence_sets[i] for i in by_id if i in sentence_sets), len(by_id))
    pairs = candidate_pairs({i: signatures[i] for i in by_id})
    own: dict[str, list[str]] = {}
    out = []
    for a_id, b_id in sorted(pairs):
        if float((signatures[a_id] == signatures[b_id]).mean()) < MIN_ESTIMATE:
            continue
        a, b = by_id[a_id], by_id[b_id]
        a_parts = own.setdefault(a_id, own_text(a.text, standard))
        b_parts = own.setdefault(b_id, own_text(b.text, standard))
        comparison = compare(a_parts, b_parts)
        if comparison is None:
            continue
        differ = _places(a_parts) != _places(b_parts) or (a.unit and b.unit and a.unit != b.unit)
        # a plan filled in for another place is a template copy; a report (总结, 汇报) is meant to tell the
        # unit's own work, so another unit's report with the names changed is a copied report
        plans = is_plan(a) and is_plan(b)
        template = bool(differ) and comparison.overlap < 0.98 and (
            comparison.masked_overlap >= TEMPLATE or (plans and comparison.masked_overlap >= NEAR_DUPLICATE))
        near = (max(comparison.overlap, comparison.masked_overlap) >= NEAR_DUPLICATE
                and max(comparison.jaccard, comparison.masked_jaccard) >= MIN_JACCARD)
        if not (template or near):
            continue
        explain_overlap(a_parts, b_parts, comparison)
        pct = round(100 * (comparison.masked_overlap if template else max(comparison.overlap,
                                                                          comparison.masked_overlap)))
        side = "；".join(f"“{x}”→“{y}”" for x, y in comparison.renamed[:3])
        evidence = {
            "overlap": round(comparison.overlap, 3), "jaccard": round(comparison.jaccard, 3),
            "masked_overlap": round(comparison.masked_overlap, 3), "shared": comparison.shared,
            "renamed": [list(p) for p in comparison.renamed], "standard_sentences_ignored": len(standard),
            "files": [a.label, b.label],
        }
        if template:
            out.append(Finding(
                kind="template_copy", evidence_ids=[a_id, b_id], severity="high",
                detail=f"{a.label} 与 {b.label} 除名称外 {pct}% 相同（{side or '仅地名不同'}），疑似套用同一材料改名",
                evidence=evidence,
            ))
        else:
            out.append(Finding(
                kind="near_duplicate_text", evidence_ids=[a_id, b_id],
                severity="high" if comparison.overlap >= 0.9 else "medium",
                detail=f"{a.label} 与 {b.label} 的内容 {pct}% 相同（已排除 {len(standard)} 句常用政策表述），"
                       f"如“{comparison.shared[0] if comparison.shared else ''}”",
                evidence=evidence,
            ))
    return out
