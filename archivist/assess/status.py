"""Completeness per indicator (查漏补缺): what evidence each indicator has, and what it still lacks.

Counting files is not enough: an indicator with five 方案 and no 台账 is not ready. So every required
evidence item (佐证材料, from the framework) is matched against the indicator's evidence by
*document kind* and *content*:

- kind: each part of an item (split at 和/及/与/或) asks for the sort named by its head word — the
  kind word it ends with (…台账 → a ledger, …照片 → a photo, …方案 → a plan, …纪要 → minutes,
  …统计 → figures, which a ledger or a 情况报告 can give). A document qualifies when its catalogue
  kind, its file type (xlsx → ledger, image → photo) or a kind word in its title is of a compatible
  sort (COMPATIBLE). This is what stops a 方案 that *mentions* "建立排查整改台账" from covering the
  台账 itself.
- content: the item's key terms (jieba words after `textnorm.normalize`, kind and stop words
  removed, runs of single characters glued, synonyms from the search analyser and ITEM_SYNONYMS)
  must occur in the document — a term in the title or file name counts 1, a term only in the first
  TEXT_CHARS of the body 0.6; the mean must reach COVER_THRESHOLD. "A或B" items take the better of
  the two alternatives. A photo filed under the indicator covers a photo item by kind alone: photos
  carry no text.

The evidence of an indicator is every *filed* record whose `indicator` is the code, whose `links`
name it, or which is filed under an item the framework declares as shared (`see_also`), so one
archived file serves both 实绩考核 and 后评估. Evidence dated after the data cut-off
(数据统计截止) or before the assessment year does not count for this year's assessment: it is listed
under `flagged` with the reason, never silently counted; undated evidence counts but is listed
under `undated` so the office can add a date. Unsorted (待分类) records count nowhere until assigned.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..framework import Indicator
from ..textnorm import normalize, to_simplified

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..workspace import Workspace
    from .coverage import CoverageMark, Match
    from .ledger_checks import LedgerFinding

COMPLETE, PARTIAL, MISSING = "complete", "partial", "missing"
STATE_LABELS = {COMPLETE: "齐全", PARTIAL: "部分", MISSING: "缺失"}
NO_LEAD_UNIT = "未明确牵头单位"

# How much of a document's body text is read for content matching. The key words of a 方案 or a
# 台账 header are near the top; reading whole 500-page PDFs would make `status` slow for nothing.
TEXT_CHARS = 5000
COVER_THRESHOLD = 0.5
TITLE_WEIGHT = 1.0
TEXT_WEIGHT = 0.6

# Document sorts. The item's head word names the sort it wants; a document's sorts come from its
# catalogue kind, its file type and kind words in its title.
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "photo": ("照片", "图片", "影像", "视频"),
    "ledger": ("台账", "统计表", "花名册", "名册", "名单", "名录", "清单", "明细", "登记表", "一览表", "汇总表",
               "考勤表", "签到表", "报表", "公开榜", "发放表"),
    "stats": ("统计", "数据"),
    "plan": ("方案", "规划", "计划", "预案", "办法", "制度", "细则", "意见", "章程", "规约", "公约", "守则", "措施"),
    "minutes": ("纪要", "会议记录"),
    "acceptance": ("验收",),
    # an 经验材料 is titled by what was done: "…的探索与实践", "…的做法与成效"
    "report": ("总结", "报告", "情况说明", "说明", "通报", "简报", "分析", "经验", "探索与实践", "实践与探索",
               "做法与成效", "做法和成效", "典型做法"),
    "record": ("记录", "日志", "考勤", "签到", "登记"),
    "casefile": ("案卷", "档案", "卷宗"),
    "document": ("文件", "通知", "批复", "决定", "请示", "函"),
    "contract": ("合同", "协议", "责任书", "承诺书"),
    "voucher": ("凭证", "票据", "发票", "回单", "收据", "拨付单", "银行流水", "通知单", "拨款单", "支付单", "付款单",
                "到账通知"),
    "generic": ("材料", "资料"),
}
# Which document sorts satisfy an item of a given sort.
COMPATIBLE: dict[str, set[str]] = {
    "photo": {"photo"},
    "ledger": {"ledger", "record"},
    "stats": {"ledger", "stats", "report", "record"},  # figures often come in a 情况报告 or 说明
    "plan": {"plan"},
    "minutes": {"minutes", "record"},
    "acceptance": {"acceptance"},
    "report": {"report", "minutes", "acceptance"},
    "record": {"record", "ledger", "photo", "report", "minutes", "casefile"},
    # a case file (人民调解案卷, 帮扶档案) is made of documents of every kind: its 协议书, 记录, 通知
    "casefile": {"casefile", "record", "contract", "document", "report", "minutes", "ledger", "voucher",
                 "acceptance", "plan", "photo"},
    "document": {"document", "plan", "report", "minutes"},
    "contract": {"contract"},
    # a 拨付通知 or a 发放文件 is how a payment is proven as often as a bank slip
    "voucher": {"voucher", "ledger", "photo", "record", "document"},
}
CATALOGUE_KIND_SORTS: dict[str, set[str]] = {
    "照片": {"photo"},
    "台账": {"ledger"},
    "统计": {"ledger", "stats"},
    "方案": {"plan"},
    "意见": {"plan"},
    "办法": {"plan"},
    "纪要": {"minutes"},
    "验收": {"acceptance"},
    "总结": {"report"},
    "报告": {"report"},
    "简报": {"report"},
    "通报": {"report"},
    "通知": {"document"},
    "合同": {"contract"},
    "计划": {"plan"},
    "制度": {"plan"},
    "记录": {"record"},
    "批复": {"document"},
    "请示": {"document"},
    "倡议": {"document"},
    "发言": {"report"},
}
FILE_TYPE_SORTS = {"image": {"photo"}, "xlsx": {"ledger"}}
# Words too general to say what an item is about.
STOP_TERMS = {"工作", "情况", "相关", "有关", "年度", "材料", "资料", "开展", "落实", "进行", "推进", "全县", "县级",
              "事件", "佐证", "证明", "各类", "主要", "具体", "本年度", "全年"}
_SPLIT = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff0-9A-Za-z]+|[和及与或的等、]")
_HAN_CHAR = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WHITESPACE = re.compile(r"\s+")
# Full-width ASCII to half-width as textnorm.fold_width does; only the rare runs that need it are
# touched, because status normalises the body text of every piece of evidence.
_FULL_WIDTH = re.compile("[\uff01-\uff07\uff0a\uff0b\uff0d-\uff19\uff1c-\uff1e\uff20-\uff5e\u3000]+")
ITEM_TERMS_CACHE = "item-terms-v3.json"
_KIND_WORDS_LONGEST = sorted(((w, sort) for sort, words in KIND_WORDS.items() for w in words), key=lambda x: -len(x[0]))


@dataclass
class EvidenceRef:
    """One piece of evidence as status sees it: enough to list it and to say why it counts."""

    id: str
    title: str
    doc_date: str | None
    kind: str
    file_type: str
    indicator: str | None
    archive_path: str | None
    via_link: bool = False  # counted here through `links`/`see_also`, filed under another code


@dataclass
class FlaggedEvidence:
    """Evidence that does not count for this year's assessment, and why (Chinese, one line)."""

    id: str
    title: str
    doc_date: str | None
    reason: str


@dataclass
class ItemCoverage:
    """One required evidence item (佐证材料) and the evidence that covers it, best first.

    `how`: "matched" (a document is the item), "manual" (a user said which document is), "not_applicable"
    (a user said the item does not apply here; counted as covered, never as missing), "" (not covered).
    `reasons` say why, one Chinese line per covering document.
    """

    item: str
    covered: bool
    evidence: list[str] = field(default_factory=list)
    score: float = 0.0
    item_no: int = 0
    how: str = ""
    reasons: list[str] = field(default_factory=list)
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IndicatorStatus:
    """Completeness of one indicator. `state`: complete (every item covered), partial, missing (no evidence).

    `lead_unit` is the framework's 牵头单位; a 后评估 item without one inherits the lead unit of the
    实绩考核 indicator it is linked to (`lead_unit_inferred` says so), because the office still needs
    to know whom to chase.
    """

    framework: str
    framework_name: str
    category_code: str
    category_name: str
    code: str
    name: str
    points: float
    kind: str
    max_points: float
    lead_unit: str
    lead_unit_inferred: bool
    evidence: list[EvidenceRef] = field(default_factory=list)
    path: list[str] = field(default_factory=list)  # level names from the top (1–3 levels), ending with `name`
    items: list[ItemCoverage] = field(default_factory=list)
    flagged: list[FlaggedEvidence] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    ledger_errors: list[LedgerFinding] = field(default_factory=list)

    @property
    def evidence_count(self) -> int:
        return len(self.evidence)

    @property
    def required(self) -> list[str]:
        return [c.item for c in self.items]

    @property
    def covered(self) -> list[str]:
        return [c.item for c in self.items if c.covered]

    @property
    def missing(self) -> list[str]:
        return [c.item for c in self.items if not c.covered]

    @property
    def not_applicable(self) -> list[str]:
        return [c.item for c in self.items if c.how == "not_applicable"]

    @property
    def state(self) -> str:
        if not self.evidence:
            return MISSING
        return COMPLETE if all(c.covered for c in self.items) else PARTIAL

    def to_json(self) -> dict[str, Any]:
        """CLI.md's `status --json` entry, plus the detail a report or a clerk needs."""
        return {
            "framework": self.framework,
            "code": self.code,
            "name": self.name,
            "points": self.points,
            "lead_unit": self.lead_unit,
            "evidence_count": self.evidence_count,
            "required": self.required,
            "covered": self.covered,
            "missing": self.missing,
            "state": self.state,
            "framework_name": self.framework_name,
            "category": f"{self.category_code}-{self.category_name}",
            "path": self.path,
            "kind": self.kind,
            "max_points": self.max_points,
            "lead_unit_inferred": self.lead_unit_inferred,
            "evidence": [e.id for e in self.evidence],
            "covered_by": {c.item: c.evidence for c in self.items if c.covered},
            "coverage": [c.to_json() for c in self.items],
            "not_applicable": self.not_applicable,
            "flagged": [asdict(f) for f in self.flagged],
            "undated": self.undated,
            "ledger_errors": [f.to_json() for f in self.ledger_errors],
        }


@dataclass
class UnitStatus:
    """Readiness of one lead unit (牵头单位) across the indicators it leads."""

    unit: str
    indicators: list[str] = field(default_factory=list)
    complete: int = 0
    partial: int = 0
    missing: int = 0
    evidence_count: int = 0
    missing_items: int = 0
    flagged: int = 0
    ledger_errors: int = 0

    @property
    def sent_nothing(self) -> bool:
        """No counted evidence at all for any indicator this unit leads: the first call to make."""
        return self.evidence_count == 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"sent_nothing": self.sent_nothing}


# dates -----------------------------------------------------------------------------------------
def evidence_date(record: dict[str, Any]) -> str | None:
    """The date that counts for a record: its document date, else a photo's EXIF date."""
    date = record.get("doc_date")
    if not date:
        meta = record.get("meta")
        if isinstance(meta, dict):
            date = meta.get("exif_date")
        elif record.get("exif_date"):
            date = record["exif_date"]
    return str(date)[:10] if date else None


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# After the cut-off, a document about the year's data (a 2024年度 统计, a 2024年工作总结) is still the year's
# evidence when it is made within this many days: year-end figures can only be compiled in January.
AFTER_CUTOFF_GRACE_DAYS = 183
_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*年?(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?\s*起?\s*"
                         r"(?:—|－|-|–|~|～|至|到)+\s*((?:19|20)\d{2})\s*年")
_FULL_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]")
_AS_OF_YEAR = re.compile(r"(?:截至|截止)\s*((?:19|20)\d{2})\s*年")


def _stated_years(text: str) -> set[int]:
    """Years a title or a period line says the document is about: '2024年度…', '（2024—2026年）',
    '截至2024年12月31日', '服务期限：2024年1月1日至2024年12月31日'."""
    years: set[int] = set()
    for m in _YEAR_RANGE.finditer(text):
        start, end = int(m.group(1)), int(m.group(2))
        if start <= end <= start + 10:
            years.update(range(start, end + 1))
    years.update(int(m.group(1)) for m in _AS_OF_YEAR.finditer(text))
    return years


def date_problem(ws: Workspace, date: str | None, record: dict[str, Any] | None = None) -> str | None:
    """Why evidence with this date does not count for the assessment year, or None if it does.

    The date alone is not the whole answer when the record is given: a document made soon after the
    cut-off whose title says it is about the year (2024年度脱贫人口收入监测汇总表, dated 2025-01-10), and one
    made before the year whose title or stated period covers it (a service contract signed in December
    for 2024年1月1日至12月31日, a 2024—2026年 plan), are that year's evidence.
    """
    day = parse_date(date)
    if day is None:
        return None
    cutoff = ws.config.cutoff_date
    year = ws.config.year
    title = str((record or {}).get("title") or "")
    if day > cutoff:
        head = str((record or {}).get("text") or "")[:400]
        # a full date (2025年1月8日) is when the document was made or signed, not what it is about
        named = re.findall(r"((?:19|20)\d{2})\s*年", _FULL_DATE.sub("", title + "\n" + head))
        about = _stated_years(title + "\n" + head) | {int(y) for y in named}
        if record is not None and year in about and (day - cutoff).days <= AFTER_CUTOFF_GRACE_DAYS \
                and max(about) <= year:
            return None
        return f"成文日期 {day.isoformat()} 晚于数据统计截止日期 {cutoff.isoformat()}，不计入本年度考核"
    if day < dt.date(year, 1, 1):
        period = _stated_years(title + "\n" + str((record or {}).get("text") or "")[:1500])
        if record is not None and (year in period or re.search(rf"{year}\s*年", title)):
            return None
        return f"成文日期 {day.isoformat()} 早于考核年度（{year}年），不计入本年度考核"
    return None


def with_period_text(ws: Workspace, catalogue: Catalogue, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records loaded without their text get the head of it where the date alone would exclude them, so
    `date_problem` reads the stated period the same way for the catalogue as for status (few records)."""
    for record in records:
        if "text" not in record and date_problem(ws, evidence_date(record)):
            record["text"] = catalogue.evidence.text_head(record["id"], 1500)
    return records


# loading ---------------------------------------------------------------------------------------
def load_filed(catalogue: Catalogue, text_chars: int = TEXT_CHARS) -> list[dict[str, Any]]:
    """Filed records with the first `text_chars` of their text and their EXIF date (not the whole meta).

    Reading only what status needs keeps memory flat for an archive of tens of thousands of files.
    """
    return catalogue.evidence.filed_for_status(text_chars)


# matching --------------------------------------------------------------------------------------
def _cut(text: str) -> list[str]:
    try:
        from ..analysis import cut

        return cut(text)
    except Exception:  # noqa: BLE001 - no jieba: overlapping bigrams still find most terms
        return [text[i : i + 2] for i in range(max(len(text) - 1, 1))]


# Words of evidence items that documents say differently (the search analyser's table covers the
# rest): a 简报 "供各地学习借鉴" *is* the 推广 an item asks for.
ITEM_SYNONYMS: dict[str, tuple[str, ...]] = {
    "推广": ("借鉴", "刊发", "转发推广"),
    "交流": ("交流发言", "典型发言", "经验介绍"),
    "选派": ("轮换", "派驻"),
    "考勤": ("出勤", "签到"),
}


@lru_cache(maxsize=8192)
@lru_cache(maxsize=4096)
def _alternatives(term: str) -> tuple[str, ...]:
    """The term and the other names of the same thing: the search concept table (templates/concepts.toml,
    which folds in the analyser's short forms: 改厕 ↔ 户厕改造, 四小园 ↔ 小菜园) and ITEM_SYNONYMS. Coverage
    and search read one table, so a document found for a word also covers an item that uses it."""
    try:
        from ..concepts import load_concepts

        forms = tuple(load_concepts().alternatives(term))
    except Exception:  # noqa: BLE001 - the concept table is a help, not a requirement
        forms = (term,)
    return forms + ITEM_SYNONYMS.get(term, ())


def item_sorts(item: str) -> set[str]:
    """The document sorts an evidence item asks for (empty: any document will do).

    Each conjunct (split at 和/及/与/、/或) asks for the sort of its head: the kind word it ends
    with, as a Chinese noun phrase ends in its head (验收台账 is a ledger, 验收报告 a report). A
    generic head (材料) defers to a kind word right before it (验收材料 is acceptance material); a
    kind word inside a compound (集体产权制度改革成果材料) says nothing.
    """
    sorts: set[str] = set()
    for part in re.split(r"[和及与、或]", normalize(item)):
        part = part.strip()
        found: list[tuple[int, int, str]] = []
        for word, sort in _KIND_WORDS_LONGEST:  # longest first: 统计表 is a ledger, not also 统计
            at = part.find(word)
            while at >= 0:
                found.append((at, at + len(word), sort))
                part = part[:at] + "\0" * len(word) + part[at + len(word):]
                at = part.find(word)
        found.sort()
        if not found or found[-1][1] != len(part):
            continue
        head = found[-1][2]
        if head == "generic" and len(found) > 1 and found[-2][1] == found[-1][0]:
            head = found[-2][2]
        sorts.add(head)
    if len(sorts) > 1:
        sorts.discard("generic")
    if sorts == {"generic"}:
        return set()
    return sorts


def body_form(text: str) -> str:
    """The body text in the form items are matched against: textnorm.normalize's folding, fast.

    Same result as `normalize` for matching purposes (NFC, full-width → half-width, Traditional →
    Simplified, no spaces or line breaks between Han characters) but linear C-speed passes, because
    status reads thousands of bodies.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    text = _FULL_WIDTH.sub(lambda m: "".join(" " if c == "\u3000" else chr(ord(c) - 0xFEE0) for c in m[0]), text)
    return _WHITESPACE.sub(_join_han, to_simplified(text))


def _join_han(m: re.Match[str]) -> str:
    """Drop whitespace between two Han characters or between a Han character and a digit."""
    text, start, end = m.string, m.start(), m.end()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before and after and (
        (_HAN_CHAR.match(before) or before.isdigit()) and _HAN_CHAR.match(after)
        or _HAN_CHAR.match(before) and after.isdigit()
    ):
        return ""
    return m[0]


_TERMS: dict[str, tuple[tuple[str, ...], ...]] = {}


def item_term_sets(item: str) -> tuple[tuple[str, ...], ...]:
    """The item's key terms, one set per alternative ("推广文件或会议交流材料" has two).

    Cached per process; see `load_item_terms` for the disk cache.
    """
    if item not in _TERMS:
        _TERMS[item] = compute_item_terms(item)
    return _TERMS[item]


def item_terms(item: str) -> tuple[str, ...]:
    """All key terms of an evidence item, alternatives merged."""
    return tuple(dict.fromkeys(t for terms in item_term_sets(item) for t in terms))


def load_item_terms(ws: Workspace, items: Iterable[str]) -> None:
    """Fill the term cache for these items from index/cache, computing (with jieba) only new ones.

    Loading jieba's dictionary takes seconds; the framework's items hardly ever change, so their
    terms are kept in index/cache/item-terms.json and `status` does not pay for jieba each run.
    """
    wanted = [i for i in dict.fromkeys(items) if i not in _TERMS]
    if not wanted:
        return
    path = ws.cache_dir / ITEM_TERMS_CACHE
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(stored, dict):
            stored = {}
    except (OSError, ValueError):
        stored = {}
    changed = False
    for item in wanted:
        if isinstance(stored.get(item), list):
            _TERMS[item] = tuple(tuple(terms) for terms in stored[item])
        else:
            _TERMS[item] = compute_item_terms(item)
            stored[item] = [list(terms) for terms in _TERMS[item]]
            changed = True
    if changed:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".item-terms-", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(stored, fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache: failing to write it costs time, never correctness


def compute_item_terms(item: str) -> tuple[tuple[str, ...], ...]:
    """Key terms of each alternative of an item (split at 或); an alternative that is only a kind
    word ("…规划或方案") takes the terms of the others."""
    sets = [_terms_of(part) for part in normalize(item).split("或") if part.strip()]
    content = next((t for t in sets if t), ())
    return tuple(dict.fromkeys(t or content for t in sets)) or ((),)


@lru_cache(maxsize=1)
def _concept_keys() -> tuple[str, ...]:
    """Concept-table terms of three or more characters, longest first: kept whole in an item's terms
    (四小园 is one thing, not 四 + 小园)."""
    try:
        from ..concepts import load_concepts

        keys = load_concepts().keys()
    except Exception:  # noqa: BLE001 - the concept table is a help, not a requirement
        return ()
    known = set(keys)
    # 村两委换届 is 村两委 + 换届, two things an item names, not one: only a term that is not two known
    # terms glued together is kept whole
    return tuple(k for k in keys if len(k) >= 3
                 and not any(k[:i] in known and k[i:] in known for i in range(2, len(k) - 1)))


def _concept_pieces(text: str, terms: list[str]) -> list[str]:
    """`text` with concept terms taken out (appended to `terms`); the rest, in pieces, for jieba."""
    for key in _concept_keys():
        if key in text:
            before, _, after = text.partition(key)
            terms.append(key)
            return [*_concept_pieces(before, terms), *_concept_pieces(after, terms)]
    return [text]


def _terms_of(text: str) -> tuple[str, ...]:
    """Key terms of an item part: kind words and stop words removed, single characters glued."""
    for words in KIND_WORDS.values():
        for word in sorted(words, key=len, reverse=True):
            text = text.replace(word, " ")
    terms: list[str] = []
    pieces = [p for whole in _SPLIT.split(text) for p in _concept_pieces(whole, terms)]
    for piece in pieces:
        if not piece:
            continue
        run = ""
        for word in _cut(piece):
            if len(word) == 1:
                run += word
                continue
            if len(run) >= 2:
                terms.append(run)
            run = ""
            terms.append(word)
        if len(run) >= 2:
            terms.append(run)
    return tuple(dict.fromkeys(t for t in terms if t not in STOP_TERMS and len(t) >= 2))


def document_sorts(record: dict[str, Any]) -> set[str]:
    """The sorts a document is: from its catalogue kind, its file type and kind words in its title; a Word
    file that is mostly one table (rows of cells) is a ledger as well, whatever its title says."""
    sorts = set(CATALOGUE_KIND_SORTS.get(record.get("kind") or "", set()))
    lines = [ln for ln in str(record.get("text") or "")[:3000].splitlines() if ln.strip()]
    if len(lines) >= 5 and sum(1 for ln in lines if ln.count("\t") >= 2) >= 0.6 * len(lines):
        sorts.add("ledger")
    sorts |= FILE_TYPE_SORTS.get(record.get("file_type") or "", set())
    title = normalize(f"{record.get('title') or ''} {record.get('original_name') or ''}")
    for sort, words in KIND_WORDS.items():
        if sort != "generic" and any(w in title for w in words):
            sorts.add(sort)
    return sorts


def sorts_match(wanted: set[str], have: set[str]) -> bool:
    if not wanted:
        return True
    return any(have & COMPATIBLE.get(sort, {sort}) for sort in wanted)


def _term_found(term: str, haystack: str) -> float:
    """1 if the term (or a synonym) occurs; for long terms, the share of their bigrams that occur."""
    if any(alt in haystack for alt in _alternatives(term)):
        return 1.0
    if len(term) >= 4:
        grams = [term[i : i + 2] for i in range(len(term) - 1)]
        return sum(1 for g in grams if g in haystack) / len(grams) * 0.8
    return 0.0


class _Doc:
    """A record prepared for matching; the body text is normalised only when a title is not enough.

    One _Doc per record per run (a record linked to three indicators is prepared once).
    """

    def __init__(self, record: dict[str, Any]) -> None:
        self.record = record
        self.id: str = record["id"]
        self.head = normalize(" ".join(str(record.get(k) or "") for k in ("title", "original_name", "kind")))
        self.sorts = document_sorts(record)
        self._body: str | None = None

    @property
    def body(self) -> str:
        if self._body is None:
            self._body = body_form(self.record.get("text") or "")
        return self._body


def content_score(terms: Iterable[str], doc: _Doc) -> float:
    """Mean over the terms: 1 for a term in the title/file name, 0.6 for one only in the text."""
    terms = list(terms)
    if not terms:
        return 1.0
    total = 0.0
    for term in terms:
        in_head = _term_found(term, doc.head) * TITLE_WEIGHT
        if in_head < TITLE_WEIGHT:
            in_head = max(in_head, _term_found(term, doc.body) * TEXT_WEIGHT)
        total += in_head
    return total / len(terms)


def match_item(item: str, hits: list[Match], item_no: int = 0, mark: CoverageMark | None = None,
               titles: dict[str, str] | None = None) -> ItemCoverage:
    """Whether one evidence item is covered: by the documents that are one of the item's parts (kind
    compatible and key nouns present, see `coverage.matches_by_item`), or by the user's mark, which wins."""
    from .coverage import describe

    if mark is not None and mark.not_applicable:
        return ItemCoverage(item, True, [], 1.0, item_no, "not_applicable",
                            [f"第{item_no}项“{item}”经人工认定不适用：{mark.note}"], mark.note)
    titles = titles or {}
    if mark is not None and mark.evidence_id:
        title = titles.get(mark.evidence_id, mark.evidence_id)
        note = f"（{mark.note}）" if mark.note else ""
        others = [h.evidence_id for h in hits if h.evidence_id != mark.evidence_id]
        return ItemCoverage(item, True, [mark.evidence_id, *others], 1.0, item_no, "manual",
                            [f"《{title}》为第{item_no}项“{item}”：人工认定{note}"], mark.note)
    reasons = [describe(h, item_no, item, titles.get(h.evidence_id, h.evidence_id)) for h in hits[:3]]
    return ItemCoverage(item, bool(hits), [h.evidence_id for h in hits], round(min(hits[0].score, 1.0), 3)
                        if hits else 0.0, item_no, "matched" if hits else "", reasons)


# the whole picture -----------------------------------------------------------------------------
def _lead_unit(ws: Workspace, ind: Indicator) -> tuple[str, bool]:
    if ind.lead_unit:
        return ind.lead_unit, False
    for code in [*ind.see_also, *ws.frameworks.links_for(ind.code)]:
        other = ws.frameworks.indicator(code)
        if other and other.lead_unit:
            return other.lead_unit, True
    return NO_LEAD_UNIT, False


def serves(ws: Workspace, code: str, record: dict[str, Any]) -> bool:
    """Whether a record serves an indicator: filed under it, linked to it, or filed under a shared item."""
    if record.get("indicator") == code or code in (record.get("links") or []):
        return True
    return bool(record.get("indicator")) and record.get("indicator") in ws.frameworks.links_for(code)


def compute_status(
    ws: Workspace,
    catalogue: Catalogue,
    *,
    ledgers: bool = True,
    records: list[dict[str, Any]] | None = None,
    findings: list[LedgerFinding] | None = None,
) -> list[IndicatorStatus]:
    """Completeness of every indicator of every framework in use, in framework order.

    `ledgers=False` skips the xlsx ledger checks (they open every ledger file; cached by content hash).
    `records` lets a caller pass already-loaded filed records (see `load_filed`), `findings` the
    result of `ledger_findings` when the caller needs it too (each counted ledger's findings are
    attached to the indicators it serves).
    """
    records = load_filed(catalogue) if records is None else records
    by_code: dict[str, list[dict[str, Any]]] = {}
    by_link: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        if record.get("indicator"):
            by_code.setdefault(record["indicator"], []).append(record)
        for code in record.get("links") or []:
            by_link.setdefault(code, []).append(record)
    findings_by_evidence: dict[str, list[LedgerFinding]] = {}
    if ledgers and findings is None:
        from .ledger_checks import ledger_findings

        findings = ledger_findings(ws, catalogue)
    for finding in findings or []:
        findings_by_evidence.setdefault(finding.evidence_id, []).append(finding)

    load_item_terms(ws, (item for ind in ws.frameworks.indicators() for item in ind.evidence))
    from .coverage import load_marks, mark_for, matches_by_item, use_items

    use_items([item for ind in ws.frameworks.indicators() for item in ind.evidence])
    marks = load_marks(catalogue)
    prepared: dict[str, _Doc] = {}
    statuses = []
    for fw in ws.frameworks.frameworks:
        for ind in fw.indicators():
            unit, inferred = _lead_unit(ws, ind)
            status = IndicatorStatus(
                framework=fw.id,
                framework_name=fw.short or fw.name,
                category_code=ind.category_code,
                category_name=ind.category_name,
                code=ind.code,
                name=ind.name,
                points=ind.points,
                kind=ind.kind,
                max_points=ind.max_points,
                lead_unit=unit,
                lead_unit_inferred=inferred,
                path=list(ind.path),
            )
            candidates: dict[str, tuple[dict[str, Any], bool]] = {}
            for record in by_code.get(ind.code, []):
                candidates[record["id"]] = (record, False)
            for record in by_link.get(ind.code, []):
                candidates.setdefault(record["id"], (record, True))
            for other in ws.frameworks.links_for(ind.code):
                for record in by_code.get(other, []):
                    candidates.setdefault(record["id"], (record, True))
            docs = []
            for record, via_link in candidates.values():
                date = evidence_date(record)
                problem = date_problem(ws, date, record)
                title = record.get("title") or record.get("original_name") or ""
                if problem:
                    status.flagged.append(FlaggedEvidence(record["id"], title, date, problem))
                    continue
                if not date:
                    status.undated.append(record["id"])
                status.evidence.append(
                    EvidenceRef(
                        id=record["id"],
                        title=title,
                        doc_date=date,
                        kind=record.get("kind") or "",
                        file_type=record.get("file_type") or "",
                        indicator=record.get("indicator"),
                        archive_path=record.get("archive_path"),
                        via_link=via_link,
                    )
                )
                if record["id"] not in prepared:
                    prepared[record["id"]] = _Doc(record)
                docs.append(prepared[record["id"]])
                status.ledger_errors.extend(findings_by_evidence.get(record["id"], []))
            titles = {d.id: d.record.get("title") or d.record.get("original_name") or d.id for d in docs}
            for mark in marks.values():
                if mark.code == ind.code and mark.evidence_id and mark.evidence_id not in titles:
                    other = catalogue.get(mark.evidence_id)
                    titles[mark.evidence_id] = (other or {}).get("title") or mark.evidence_id
            hits = matches_by_item(list(ind.evidence), docs)
            status.items = [match_item(item, hits[n - 1], n, mark_for(marks, ind.code, n, item), titles)
                            for n, item in enumerate(ind.evidence, 1)]
            statuses.append(status)
    return statuses


def by_lead_unit(statuses: list[IndicatorStatus]) -> list[UnitStatus]:
    """Statuses grouped by lead unit, the units with the most missing indicators first."""
    units: dict[str, UnitStatus] = {}
    for s in statuses:
        unit = units.setdefault(s.lead_unit, UnitStatus(s.lead_unit))
        unit.indicators.append(s.code)
        setattr(unit, s.state, getattr(unit, s.state) + 1)
        unit.evidence_count += s.evidence_count
        unit.missing_items += len(s.missing)
        unit.flagged += len(s.flagged)
        unit.ledger_errors += len(s.ledger_errors)
    return sorted(units.values(), key=lambda u: (-u.missing, -u.partial, -u.missing_items, u.unit))
