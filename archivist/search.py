"""Full-text search over the archive: documents in, ranked hits with highlighted snippets out.

The catalogue is the truth; this index is derived from it and can always be rebuilt
(`archivist reindex`, or automatically when it is missing or corrupt).

Layers, so that OpenSearch can replace Whoosh for a province without touching the pipeline:
- `to_index_doc()` turns a catalogue record into an `IndexDoc` of prepared text (analysis.prepare);
- `parse_query()` turns what a clerk types into a `ParsedQuery` (AND words, "phrases", -exclusions,
  each word split into units with synonyms) — backend-neutral, and `ParsedQuery.matches()` says
  exactly whether a document's text satisfies it;
- `SearchBackend` is the storage interface; `WhooshBackend` implements it on a local directory;
- `SearchIndex` is what the pipeline and the CLI use: the backend plus query parsing and snippets.

How a query runs on Whoosh (`_Engine`): the index holds, per document, the bigrams, numbers and
long jieba words of title and body with their frequencies (analysis.py). Candidates are the
documents that hold every term of every unit — set intersections over whole posting lists, read
block by block — ranked by BM25 (title ×3), then confirmed best-first against the stored text until
the requested number is confirmed. Confirmation makes phrases, 文号 and number boundaries exact
without storing positions; Whoosh's own matchers and positional phrase queries were measured an
order of magnitude slower at 20,000 documents (they step through postings one at a time in Python).

On-disk layout of `index/whoosh/` (WhooshBackend):
    CURRENT        JSON {"gen": "gen-…", "format": 2} — replaced atomically (os.replace)
    gen-…/         one complete Whoosh index
    vocabulary.txt words taught to jieba when this generation was built (see analysis.add_vocabulary)
    .write.lock    fcntl lock: one writer (add/delete/rebuild) at a time across processes
A rebuild writes a new generation beside the live one and then replaces CURRENT, so a searcher
sees either the old index or the new one, never half of either. Whoosh itself commits a batch by
writing new segments and then a new table of contents, so a search during an ingest sees each
document whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import heapq
import json
import logging
import math
import os
import pickle
import re
import shutil
import struct
import threading
import time
import zlib
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from itertools import accumulate, islice
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3PerDocReader, _lenfield

from . import analysis
from .analysis import BigramTokenizer, ChineseTokenizer, ScanWeights, prepare
from .concepts import ConceptTable, load_concepts, workspace_root_of

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .workspace import Workspace

log = logging.getLogger(__name__)

INDEX_FORMAT = 2  # bump when the schema or the analysis changes: old indexes are rebuilt
MAX_BODY_CHARS = 500_000  # a giant ledger is still found by its first half million characters
SNIPPET_CHARS = 90
MAX_OCCURRENCES = 200  # per form, for choosing a snippet window in a very long text
MARK_OPEN, MARK_CLOSE = "【", "】"
DUPLICATE = "duplicate"
WRITE_POOL_MB = 32  # an incremental commit's posting pool; beyond it Whoosh spills sorted runs to disk
SYNC_BATCH = 200  # records per index commit when the index catches up with the catalogue
BOUNDED_REBUILD_MB = 64  # a rebuild that a writer's sync falls back to: one process, this pool


class SearchError(Exception):
    """A search cannot be answered; the message is one Chinese line for the user."""


class QueryError(SearchError):
    """What the user typed cannot be searched (wrong usage)."""


# documents -------------------------------------------------------------------------------------
@dataclass
class IndexDoc:
    """One catalogue record as the index sees it: prepared text plus filter values."""

    id: str
    archive_path: str
    title: str  # as recorded, for display
    indicator: str
    codes: list[str]  # indicator, linked codes, category letters: what --indicator matches
    unit: str
    doc_date: str
    kind: str
    status: str
    head: str  # prepared: title, file name, unit, 文号, kind — parts separated by PART_SEPARATOR
    body: str  # prepared: text incl. OCR, photo titles, sheet cells
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (id, original name) of identical files


def _category(code: str) -> str:
    """The category letter(s) of an indicator code: A01 -> A (framework codes are letters + digits)."""
    return re.sub(r"\d.*$", "", code)


def to_index_doc(record: dict[str, Any]) -> IndexDoc:
    """A catalogue record (Catalogue.records(with_text=True) shape) as an index document."""
    indicator = record.get("indicator") or ""
    links = [c for c in (record.get("links") or []) if c]
    codes: list[str] = []
    for code in [indicator, *links]:
        if code:
            codes += [code, _category(code)]
    meta = record.get("meta") or {}
    if not isinstance(meta, dict):
        meta = {}
    title = record.get("title") or ""
    parts = [
        title,
        record.get("original_name") or "",
        record.get("unit") or "",
        record.get("doc_number") or "",
        record.get("kind") or "",
    ]
    # Byte-identical files that arrived later are not indexed themselves (their catalogue rows say
    # `duplicate`); the original carries their ids and names, so a search reports them too and the
    # name another sender gave the same file is one more way to find it.
    duplicates = [(str(d["id"]), d.get("original_name") or "") for d in record.get("duplicates") or []]
    parts += [name for _, name in duplicates]
    # Photo titles and comments may live only in meta when an extractor did not fold them into text.
    body = record.get("text") or ""
    for key in ("xp_title", "xp_comment"):
        extra = meta.get(key)
        if isinstance(extra, str) and extra and extra not in body:
            body = f"{body}\n{extra}" if body else extra
    head = analysis.PART_SEPARATOR.join(prepare(p) for p in parts if p)
    return IndexDoc(
        id=str(record["id"]),
        archive_path=record.get("archive_path") or "",
        title=title or record.get("original_name") or "",
        indicator=indicator,
        codes=list(dict.fromkeys(codes)),
        unit=record.get("unit") or "",
        doc_date=record.get("doc_date") or "",
        kind=prepare(record.get("kind") or ""),
        status=record.get("status") or "",
        head=head,
        body=prepare(body[:MAX_BODY_CHARS]),
        duplicates=duplicates,
    )


# queries ---------------------------------------------------------------------------------------
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


# hits and snippets -----------------------------------------------------------------------------
@dataclass
class Hit:
    """One result. `snippet` marks matches with 【】; `plain` is the same text unmarked."""

    id: str
    archive_path: str
    indicator: str | None
    title: str
    score: float
    snippet: str
    plain: str = ""
    marks: list[tuple[int, int]] = field(default_factory=list)  # spans of matches in `plain`
    duplicate_of: str | None = None  # set on a byte-identical copy reported with its original
    near: list[str] = field(default_factory=list)  # concept terms it was found by instead of the typed words

    def to_json(self) -> dict[str, Any]:
        """CLI.md's shape ("snippet" is plain text) plus the marked version as "highlight"."""
        return {
            "id": self.id,
            "archive_path": self.archive_path,
            "indicator": self.indicator,
            "title": self.title,
            "score": round(self.score, 4),
            "snippet": self.plain,
            "highlight": self.snippet,
            "duplicate_of": self.duplicate_of,
            "near": self.near,
        }


def _find_spans(text: str, form: str) -> Iterator[tuple[int, int]]:
    """Occurrences of `form` in prepared text (see form_pattern), never inside a longer number."""
    if form:
        for match in form_pattern(form).finditer(text):
            yield match.span()


def make_snippet(text: str, forms: list[list[str]], width: int = SNIPPET_CHARS) -> tuple[str, list[tuple[int, int]]]:
    """The window of `text` that shows the most distinct query units, and the match spans in it.

    Works on the stored prepared text (simplified, half-width), so what is marked is exactly what
    matched; the original file is one `archive_path` away.
    """
    occurrences: list[tuple[int, int, int]] = []  # start, end, unit number
    for number, unit_forms in enumerate(forms):
        for form in unit_forms:
            occurrences += [span + (number,) for span in islice(_find_spans(text, form), MAX_OCCURRENCES)]
    if not occurrences:
        flat = " ".join(text[: width * 2].split())
        return flat[:width], []
    occurrences.sort()
    # Slide a window over the occurrences (two pointers): the start showing most distinct units.
    best_start, best_units = occurrences[0][0], 0
    in_window: dict[int, int] = {}
    right = 0
    for left, (start, _, _) in enumerate(occurrences):
        while right < len(occurrences) and occurrences[right][1] <= start + width:
            unit = occurrences[right][2]
            in_window[unit] = in_window.get(unit, 0) + 1
            right += 1
        if len(in_window) > best_units:
            best_start, best_units = start, len(in_window)
        if right > left:
            unit = occurrences[left][2]
            in_window[unit] -= 1
            if not in_window[unit]:
                del in_window[unit]
    lead = min(best_start, width // 4)
    begin = best_start - lead
    end = min(len(text), begin + width)
    window = text[begin:end]
    spans = sorted(
        (m.start() - begin, m.end() - begin)
        for unit_forms in forms
        for form in unit_forms
        if form
        for m in form_pattern(form).finditer(text, begin, end)
    )
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    # Whitespace (line breaks in tables) becomes single spaces; keep spans aligned while doing it.
    out: list[str] = []
    remap: dict[int, int] = {}
    prev_space = False
    for i, ch in enumerate(window):
        remap[i] = len(out)
        if ch.isspace():
            if not prev_space:
                out.append(" ")
            prev_space = True
        else:
            out.append(ch)
            prev_space = False
    remap[len(window)] = len(out)
    plain = "".join(out)
    marks = [(remap[s], remap[e]) for s, e in merged]
    if begin > 0:
        plain = "…" + plain
        marks = [(s + 1, e + 1) for s, e in marks]
    if end < len(text):
        plain += "…"
    return plain, marks


def mark(plain: str, marks: list[tuple[int, int]], open_: str = MARK_OPEN, close: str = MARK_CLOSE) -> str:
    out, last = [], 0
    for s, e in marks:
        out += [plain[last:s], open_, plain[s:e], close]
        last = e
    out.append(plain[last:])
    return "".join(out)


# backend interface -----------------------------------------------------------------------------
@dataclass
class RawHit:
    """What a backend returns: identity, score and the stored text the snippet is cut from."""

    id: str
    archive_path: str
    indicator: str
    title: str
    score: float
    head: str
    body: str
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    near: list[str] = field(default_factory=list)  # see Hit.near


def _raw_hit(stored: dict[str, Any], score: float) -> RawHit:
    return RawHit(
        id=stored["id"],
        archive_path=stored.get("archive_path", ""),
        indicator=stored.get("indicator", ""),
        title=stored.get("title", ""),
        score=score,
        head=stored.get("head", ""),
        body=stored.get("body", ""),
        duplicates=[tuple(d) for d in stored.get("duplicates") or []],  # type: ignore[misc]
    )


class SearchBackend(ABC):
    """Storage for the search index. Whoosh today; OpenSearch could implement the same methods."""

    @abstractmethod
    def add(self, docs: list[IndexDoc], delete_ids: Iterable[str] = ()) -> None:
        """Upsert `docs` by id and remove `delete_ids`, as one atomic commit."""

    @abstractmethod
    def rebuild(self, docs: Iterable[IndexDoc], vocabulary: Iterable[str] = (), pool_mb: int | None = None) -> int:
        """Replace the whole index; searchers see the old one until the new one is complete.
        `pool_mb` bounds the writer's memory (default: what the machine can spare)."""

    @abstractmethod
    def search(self, query: ParsedQuery, filters: Filters, limit: int) -> list[RawHit]: ...

    @abstractmethod
    def doc_count(self) -> int: ...

    @abstractmethod
    def ids(self) -> set[str]: ...

    @abstractmethod
    def is_healthy(self) -> bool: ...


class IndexMissing(SearchError):
    """No usable index (never built, deleted, corrupt, or built by an older format)."""


# Whoosh ----------------------------------------------------------------------------------------
_LENGTH_OF_BYTE: list[int] = []


def _length_table() -> list[int]:
    if not _LENGTH_OF_BYTE:
        from whoosh.util.numeric import byte_to_length

        _LENGTH_OF_BYTE.extend(byte_to_length(b) for b in range(256))
    return _LENGTH_OF_BYTE


class CachedLengthsPerDocReader(W3PerDocReader):  # type: ignore[misc]
    """W3's per-document reader with each field's length column read whole on first use.

    Whoosh looks up a document's field length for every posting it writes (block statistics),
    each a seek and a one-byte read: a fifth of all indexing time for Chinese text, whose
    documents have hundreds of distinct bigrams. A segment's lengths are one byte per document,
    so they are read at once. The on-disk format is plain W3.
    """

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> Any:
        cache = self.__dict__.setdefault("_whole_lengths", {})
        raw = cache.get(fieldname)
        if raw is None:
            column = self._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            if column is None:
                return default
            try:
                raw = column._dbfile.get(column._basepos, column._count)
            except AttributeError:
                return super().doc_field_length(docnum, fieldname, default)
            cache[fieldname] = raw
        if docnum < len(raw) and raw[docnum]:
            return _length_table()[raw[docnum]]
        return None  # as W3PerDocReader: a zero byte means "no length"


class LengthCachingW3Codec(W3Codec):  # type: ignore[misc]
    """The W3 codec with CachedLengthsPerDocReader (segments record their codec: keep this name)."""

    def per_document_reader(self, storage: Any, segment: Any) -> Any:
        return CachedLengthsPerDocReader(storage, segment)


def _codec() -> Any:
    return LengthCachingW3Codec()


def _text_field(tokenizer: Any, stored: bool = False) -> Any:
    """A text field analysed by `analysis` (words and bigrams in one field), term weights only."""
    from whoosh.fields import TEXT

    field = TEXT(analyzer=tokenizer, phrase=False, stored=stored)
    field.format = ScanWeights()
    return field


def _schema() -> Any:
    from whoosh.fields import ID, KEYWORD, STORED, Schema

    return Schema(
        id=ID(stored=True, unique=True, sortable=True),
        archive_path=STORED(),
        title=STORED(),
        duplicates=STORED(),
        indicator=ID(stored=True),
        codes=KEYWORD(),
        unit=_text_field(BigramTokenizer(), stored=True),
        doc_date=ID(),
        kind=ID(),
        status=ID(),
        head=_text_field(ChineseTokenizer(), stored=True),
        body=_text_field(ChineseTokenizer(), stored=True),
    )


def _fields(doc: IndexDoc) -> dict[str, Any]:
    return {
        "id": doc.id,
        "archive_path": doc.archive_path,
        "title": doc.title,
        "duplicates": [list(d) for d in doc.duplicates],
        "indicator": doc.indicator,
        "codes": " ".join(doc.codes),
        "unit": prepare(doc.unit),
        "doc_date": doc.doc_date,
        "kind": doc.kind,
        "status": doc.status,
        "head": doc.head,
        "body": doc.body,
    }


# Whoosh opens segment files lazily; a merge by a concurrent writer can delete a file between our
# reading the table of contents and opening it. Such a search is simply retried on the new state.
_TRANSIENT: tuple[type[BaseException], ...] = (
    OSError, EOFError, KeyError, ValueError, IndexError, struct.error, pickle.UnpicklingError, zlib.error,
)
RETRIES = 3  # Whoosh itself retries a vanished file ten times (0.5 s) inside each attempt


def _whoosh_index_error() -> type[BaseException]:
    from whoosh.index import IndexError as WhooshIndexError

    return WhooshIndexError


class WhooshBackend(SearchBackend):
    """A Whoosh index in generations under one directory (see the module docstring)."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._lock = threading.RLock()
        self._ix: Any = None
        self._gen: str | None = None
        self._searcher: Any = None
        self._segments = _SegmentCache()

    # layout ----------------------------------------------------------------------------------
    @property
    def _current_file(self) -> Path:
        return self.directory / "CURRENT"

    def _read_current(self) -> str:
        try:
            info = json.loads(self._current_file.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise IndexMissing(f"搜索索引不存在：{self.directory}") from exc
        except (ValueError, OSError) as exc:
            raise IndexMissing(f"搜索索引的 CURRENT 文件已损坏：{self.directory}") from exc
        if not isinstance(info, dict) or info.get("format") != INDEX_FORMAT or not info.get("gen"):
            raise IndexMissing(f"搜索索引格式过旧，需要重建：{self.directory}")
        return str(info["gen"])

    def _index(self) -> Any:
        """The live generation's Whoosh index, reopened when a rebuild has replaced it."""
        from whoosh import index as windex

        gen = self._read_current()
        if self._ix is not None and gen == self._gen:
            return self._ix
        path = self.directory / gen
        try:
            ix = windex.open_dir(str(path))
        except (windex.IndexError, *_TRANSIENT) as exc:
            raise IndexMissing(f"搜索索引已损坏：{path}（{exc}）") from exc
        self._load_vocabulary()
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self._ix, self._gen = ix, gen
        return ix

    def _load_vocabulary(self) -> None:
        vocab = self.directory / "vocabulary.txt"
        if vocab.is_file():
            analysis.add_vocabulary(vocab.read_text(encoding="utf-8").split())

    @contextmanager
    def _write_lock(self) -> Iterator[None]:
        """One writer at a time across processes (add, delete, rebuild)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.directory / ".write.lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    # writing ---------------------------------------------------------------------------------
    def add(self, docs: list[IndexDoc], delete_ids: Iterable[str] = ()) -> None:
        from whoosh.index import LockError

        delete_ids = [i for i in delete_ids if i not in {d.id for d in docs}]
        if not docs and not delete_ids:
            return
        analysis.warm_up()
        with self._write_lock(), self._lock:
            ix = self._index()
            delay = 0.05
            for attempt in range(8):
                try:
                    writer = _unmapped(ix).writer(timeout=2.0, delay=0.05, codec=_codec(), limitmb=WRITE_POOL_MB)
                except LockError:
                    if attempt == 7:
                        raise SearchError(f"搜索索引被其他进程锁定，请稍后再试：{self.directory}") from None
                    time.sleep(delay)
                    delay = min(delay * 2, 2.0)
                    continue
                try:
                    for doc_id in delete_ids:
                        writer.delete_by_term("id", doc_id)
                    for doc in docs:
                        writer.update_document(**_fields(doc))
                except BaseException:
                    writer.cancel()
                    raise
                writer.commit()
                _return_freed_memory()
                return

    def rebuild(self, docs: Iterable[IndexDoc], vocabulary: Iterable[str] = (), pool_mb: int | None = None) -> int:
        from whoosh import index as windex

        words = sorted(set(vocabulary))
        if words:
            analysis.add_vocabulary(words)
        analysis.warm_up()  # load jieba before forking the index writers, so each inherits it
        with self._write_lock(), self._lock:
            self.directory.mkdir(parents=True, exist_ok=True)
            gen = f"gen-{time.time_ns():x}-{os.getpid()}"
            path = self.directory / gen
            path.mkdir()
            try:
                ix = windex.create_in(str(path), _schema())
                count = _bulk_write(ix, docs, pool_mb)
                if ix.doc_count() != count:
                    raise SearchError(f"重建索引时丢失了文档（写入 {count}，索引中 {ix.doc_count()}）")
                ix.close()
                if words:
                    _atomic_write(self.directory / "vocabulary.txt", "\n".join(words) + "\n")
                _atomic_write(self._current_file, json.dumps({"gen": gen, "format": INDEX_FORMAT}))
            except BaseException:
                shutil.rmtree(path, ignore_errors=True)
                raise
            self._ix = None
            self._gen = None
            self._remove_old_generations(keep=gen)
        return count

    def _remove_old_generations(self, keep: str) -> None:
        """Old generations go once CURRENT no longer names them.

        A searcher still reading one keeps its open files (POSIX); one that had not opened them
        yet gets an error, retries, and reads the new CURRENT.
        """
        for child in self.directory.iterdir():
            if child.is_dir() and child.name.startswith("gen-") and child.name != keep:
                shutil.rmtree(child, ignore_errors=True)

    # reading ---------------------------------------------------------------------------------
    def _fresh_searcher(self) -> Any:
        """A searcher on the latest commit.

        Not Searcher.refresh(): it reuses segment readers by segment, so a commit that only deletes
        documents is not seen (whoosh-reloaded 2.7.5). A new searcher costs about a millisecond.
        """
        ix = self._index()
        if self._searcher is not None and ix.latest_generation() != self._searcher.reader().generation():
            self._searcher.close()
            self._searcher = None
        if self._searcher is None:
            self._searcher = ix.searcher()
        return self._searcher

    def _reset(self) -> None:
        if self._searcher is not None:
            try:
                self._searcher.close()
            except Exception:  # noqa: BLE001 - a broken searcher is being thrown away anyway
                pass
        self._searcher = None
        self._ix = None
        self._gen = None

    def _with_searcher(self, work: Any) -> Any:
        last: Exception | None = None
        for attempt in range(RETRIES):
            with self._lock:
                try:
                    return work(self._fresh_searcher())
                except IndexMissing:
                    raise
                except (*_TRANSIENT, _whoosh_index_error()) as exc:  # a concurrent merge removed a file
                    last = exc
                    self._reset()
            time.sleep(0.02 * (attempt + 1))
        raise IndexMissing(f"搜索索引无法读取：{self.directory}（{last}）")

    def search(self, query: ParsedQuery, filters: Filters, limit: int) -> list[RawHit]:
        def run(searcher: Any) -> list[RawHit]:
            return _Engine(searcher, self._segments, limit).search(query, filters, limit)

        return self._with_searcher(run)  # type: ignore[no-any-return]

    def doc_count(self) -> int:
        return int(self._with_searcher(lambda s: s.doc_count()))

    def ids(self) -> set[str]:
        def run(searcher: Any) -> set[str]:
            reader = searcher.reader()
            if reader.doc_count() == 0:
                return set()  # an empty reader has no id column
            column = reader.column_reader("id")
            return {column[n] for n in reader.all_doc_ids()}

        return self._with_searcher(run)  # type: ignore[no-any-return]

    def is_healthy(self) -> bool:
        """The live generation opens, and its stored fields and postings can be read."""
        try:
            with self._lock:
                self._reset()

                def probe(searcher: Any) -> bool:
                    reader = searcher.reader()
                    docs = list(reader.all_doc_ids())
                    for docnum in docs[:1] + docs[-1:]:
                        reader.stored_fields(docnum)
                    for leaf, _base in reader.leaf_readers():
                        for name in TEXT_FIELDS:
                            for n, text in enumerate(leaf.lexicon(name)):
                                _read_postings(leaf, name, text.decode("utf-8"))
                                if n >= 2:
                                    break
                    return True

                return bool(self._with_searcher(probe))
        except Exception as exc:  # noqa: BLE001 - any failure here means "rebuild"
            log.info("search index unhealthy (it will be rebuilt): %s", exc)
            return False

    def close(self) -> None:
        with self._lock:
            self._reset()


def _pool_mb() -> int:
    """Memory per index-writer process for a rebuild: an eighth of RAM, 256–1024 MB.

    Whoosh keeps postings in memory up to this limit and spills sorted runs to disk beyond it;
    merging spilled runs back costs more than writing them (measured: 6,000 documents index at
    ~60 docs per CPU-second with 256 MB, ~130 with 1024 MB), so a rebuild uses what it can spare.
    """
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // (1024 * 1024)
    except (ValueError, OSError, AttributeError):
        total = 4096
    return max(256, min(1024, total // 8))


def _unmapped(ix: Any) -> Any:
    """The same index opened for writing without mmap.

    A commit merges small segments into a new one, reading every posting of them; through mmap
    those pages stay resident in the writer (RSS grows with the archive: 45 MB of a 20,000-file
    index). Read through plain files, a merge holds only its pool.
    """
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import FileIndex

    return FileIndex(FileStorage(ix.storage.folder, supports_mmap=False), indexname=ix.indexname)


def _return_freed_memory() -> None:
    """Hand the heap a commit freed back to the system (glibc keeps it otherwise, and a long
    ingest's resident size creeps up merge after merge). A no-op where there is no glibc."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _bulk_write(ix: Any, docs: Iterable[IndexDoc], pool_mb: int | None = None) -> int:
    """Write all docs into an empty index; big builds use every core (Whoosh MpWriter, one
    segment per process, no final merge — searching reads each segment's postings in one go).

    With `pool_mb` (a rebuild inside an ingest, which must stay in bounded memory) one process
    writes with that pool instead: forked writers each hold their own.
    """
    docs = iter(docs)
    first: list[IndexDoc] = []
    for doc in docs:
        first.append(doc)
        if len(first) >= 400:
            break
    procs = min(os.cpu_count() or 1, 4)
    limit = pool_mb or _pool_mb()
    if len(first) < 400 or procs < 2 or pool_mb:
        writer = ix.writer(limitmb=limit, codec=_codec())
    else:
        writer = ix.writer(procs=procs, multisegment=True, limitmb=limit, batchsize=100, codec=_codec())
    count = 0
    try:
        for doc in first:
            writer.add_document(**_fields(doc))
            count += 1
        for doc in docs:
            writer.add_document(**_fields(doc))
            count += 1
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return count


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


TEXT_FIELDS = ("head", "body")
# Title, file name, unit and 文号 count three times as much as the body: a clerk's words in the
# title are the strongest sign that this is the document meant.
FIELD_BOOST = {"head": 3.0, "body": 1.0}
K1, B = 1.2, 0.75  # BM25
MAX_CHECKED = 4000  # stored documents read to confirm matches, at most, per query
MAX_PREFIX_TERMS = 300
SHORTLIST = 800  # broad queries: candidates fully scored after a first ranking
# Measured costs (µs): decoding one posting while reading a posting list, and loading and checking
# one candidate's stored text. Their ratio decides which posting lists are worth reading.
READ_COST, CHECK_COST = 0.4, 40.0


class _SegmentCache:
    """Field lengths per segment. Segments never change once written (deletions aside), so this
    survives commits: only a new segment's lengths are read after an ingest batch."""

    def __init__(self) -> None:
        self._lengths: dict[tuple[Any, str], list[int]] = {}
        self._lock = threading.Lock()

    def lengths(self, leaf: Any, field_name: str) -> list[int]:
        key = (leaf.segment().segment_id() if leaf.segment() else id(leaf), field_name)
        with self._lock:
            found = self._lengths.get(key)
        if found is None:
            found = _segment_lengths(leaf, field_name)
            with self._lock:
                if len(self._lengths) > 256:
                    self._lengths.clear()
                self._lengths[key] = found
        return found


def _segment_lengths(leaf: Any, field_name: str) -> list[int]:
    """Each document's length (tokens) in one field of one segment.

    Reads the segment's one-byte-per-document length column in one go (Whoosh W3 codec); any
    other layout falls back to Whoosh's per-document call.
    """
    size = leaf.doc_count_all()
    try:
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

        table = _length_table()
        column = leaf._perdoc._cached_reader(_lenfield(field_name), LENGTHS_COLUMN)
        if column is None:
            return [0] * size
        raw = column._dbfile.get(column._basepos, min(column._count, size))
        lengths = [table[b] for b in raw]
        return lengths + [0] * (size - len(lengths))
    except (AttributeError, ImportError, TypeError):
        return [leaf.doc_field_length(d, field_name) or 0 for d in range(size)]


def _read_postings(leaf: Any, field_name: str, term: str) -> tuple[list[int], list[float]]:
    """All (docnum, weight) postings of a term in one segment, deleted documents included.

    Whoosh's matchers move one posting at a time in Python (skip_to scans inside a block), which
    makes intersecting frequent terms slow; reading whole blocks and intersecting sets is an
    order of magnitude faster. The block walk uses the W3 codec's block reader; anything else
    (inlined short lists, another codec) goes through the public matcher interface.
    """
    from whoosh.matching.wrappers import FilterMatcher

    matcher = leaf.postings(field_name, term)
    while isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    ids: list[int] = []
    weights: list[float] = []
    try:
        from whoosh.codec.whoosh3 import W3LeafMatcher

        if isinstance(matcher, W3LeafMatcher) and not matcher._byteids:
            while True:
                matcher._read_data()  # (delta-coded ids, weights, values) of one block
                ids.extend(accumulate(matcher._data[0]))
                matcher._read_weights()
                weights.extend(matcher._weights)
                if matcher._lastblock:
                    return ids, weights
                matcher._goto(matcher._nextoffset)
    except (AttributeError, ImportError):
        ids, weights = [], []
        matcher = leaf.postings(field_name, term)
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


class _Engine:
    """One query against one searcher's view of the index.

    Candidate documents are those holding every term of each unit (bigrams, numbers) in title or
    body — set intersections over whole posting lists; they are ranked by BM25 over the query's
    terms (title ×3), and then confirmed best-first against their stored text
    (ParsedQuery.matches: exact substrings, number boundaries, exclusions), until `limit` are
    confirmed. Confirmation is what makes phrases exact without positions in the index.
    """

    def __init__(self, searcher: Any, segments: _SegmentCache, limit: int = 20) -> None:
        self.limit = limit
        self.searcher = searcher
        self.reader = searcher.reader()
        self.leaves = list(self.reader.leaf_readers())
        self.live = max(1, self.reader.doc_count())
        self.segments = segments
        self._postings: dict[tuple[str, str], dict[int, float]] = {}
        self._length_cache: dict[str, tuple[list[int], float]] = {}
        self._df: dict[tuple[str, str], int] = {}

    # postings ----------------------------------------------------------------------------------
    def postings(self, field_name: str, term: str) -> dict[int, float]:
        key = (field_name, term)
        found = self._postings.get(key)
        if found is not None:
            return found
        found = {}
        for leaf, base in self.leaves:
            if (field_name, term) not in leaf:
                continue
            ids, weights = _read_postings(leaf, field_name, term)
            deleted = leaf.deleted_docs_set if leaf.has_deletions() else None
            if deleted:
                found.update((base + d, w) for d, w in zip(ids, weights, strict=True) if d not in deleted)
            elif base:
                found.update(zip([base + d for d in ids], weights, strict=True))
            else:
                found.update(zip(ids, weights, strict=True))
        self._postings[key] = found
        return found

    def _term_docs(self, field_name: str, term: str) -> set[int] | dict[int, float]:
        if len(term) == 1 and analysis.has_han(term):
            # A lone character: itself where it stands alone, else every bigram it starts.
            docs: set[int] = set(self.postings(field_name, term))
            for n, text in enumerate(self.reader.expand_prefix(field_name, term)):
                if n >= MAX_PREFIX_TERMS:
                    break
                docs.update(self.postings(field_name, text.decode("utf-8") if isinstance(text, bytes) else text))
            return docs
        return self.postings(field_name, term)

    def df(self, field_name: str, term: str) -> int:
        """Documents holding a term, from the term dictionary (deleted ones included)."""
        key = (field_name, term)
        found = self._df.get(key)
        if found is None:
            if len(term) == 1 and analysis.has_han(term):
                found = self.live  # a lone character also stands for every bigram it starts
            else:
                found = self.reader.doc_frequency(field_name, term)
            self._df[key] = found
        return found

    def _skippable(self, field_name: str, term: str, have: int) -> bool:
        if (field_name, term) in self._postings:
            return False
        return self._not_worth_reading(self.df(field_name, term), have)

    def _not_worth_reading(self, df: int, have: int) -> bool:
        """Is narrowing `have` candidates by a term (or unit) found in `df` documents dearer than
        checking candidates' stored text, which happens anyway (ParsedQuery.matches)?

        Reading costs ~df × READ_COST; checking until `limit` confirmed costs about
        min(have, limit / share) × CHECK_COST, where share = df / documents is the chance that a
        candidate holds the term (1 within a phrase, whose bigrams go together). So a term is not
        read when the candidates are already few, or when it is in a large share of all documents
        (it would narrow little and, being common, weighs little in the ranking).
        """
        if have * CHECK_COST < df * READ_COST:
            return True
        return df * df * READ_COST > self.limit * self.live * CHECK_COST

    def form_docs(self, form: str, fields: tuple[str, ...] = TEXT_FIELDS) -> set[int]:
        """Documents with the terms of `form` in one of `fields`: a superset of exact matches,
        from the rarest terms first."""
        terms = list(dict.fromkeys(analysis.query_terms(form)))
        found: set[int] = set()
        for name in fields:
            docs: set[int] | None = None
            for term in sorted(terms, key=lambda t: self.df(name, t)):
                if docs is not None and self._skippable(name, term, len(docs)):
                    break
                posting = self._term_docs(name, term)
                docs = set(posting) if docs is None else docs.intersection(posting)
                if not docs:
                    break
            found |= docs or set()
        return found

    def estimate(self, forms: list[str]) -> int:
        """Roughly how many documents hold a unit (from the term dictionary, no postings read)."""
        total = 0
        for form in forms:
            terms = analysis.query_terms(form)
            if any(len(t) == 1 and analysis.has_han(t) for t in terms):
                return self.live  # a lone character: unknown, treat as everywhere
            total += sum(min(self.df(name, t) for t in terms) for name in TEXT_FIELDS)
        return total

    def unit_docs(self, forms: list[str]) -> set[int]:
        docs: set[int] = set()
        for form in forms:
            docs |= self.form_docs(form)
        return docs

    def candidates(self, query: ParsedQuery) -> tuple[set[int], list[list[str]]]:
        """Documents that may match, and the units whose terms were looked up (for ranking).

        Units are taken rarest first. Once the candidates are few, a unit found in many times more
        documents is not looked up at all: reading its long posting lists would cost more than
        checking the few candidates' stored text, which happens anyway (ParsedQuery.matches).
        """
        units = [forms for c in query.must for forms in ([[c.text]] if c.kind == "phrase" else c.units)]
        estimated = sorted((self.estimate(forms), n, forms) for n, forms in enumerate(units))
        found: set[int] | None = None
        looked_up: list[list[str]] = []
        for estimate, _n, forms in estimated:
            if estimate == 0:
                return set(), []
            if found is not None and self._not_worth_reading(estimate, len(found)):
                continue
            docs = self.unit_docs(forms)
            found = docs if found is None else found & docs
            looked_up.append(forms)
            if not found:
                return set(), []
        return found or set(), looked_up

    # filters -----------------------------------------------------------------------------------
    def filter_docs(self, filters: Filters) -> set[int] | None:
        parts: list[set[int]] = []
        if filters.indicator:
            parts.append(set(self.postings("codes", filters.indicator.strip())))
        if filters.kind:
            parts.append(set(self.postings("kind", prepare(filters.kind))))
        if filters.status:
            parts.append(set(self.postings("status", filters.status.strip())))
        if filters.unit:
            unit = prepare(filters.unit)
            parts.append(self.form_docs(unit, ("unit",)) if analysis.query_terms(unit) else set())
        if filters.since or filters.until:
            low, high = filters.since or "0000", filters.until or "9999~"
            dates: set[int] = set()
            for text in self.reader.lexicon("doc_date"):
                value = text.decode("utf-8") if isinstance(text, bytes) else text
                if low <= value <= high:
                    dates.update(self.postings("doc_date", value))
            parts.append(dates)
        if not parts:
            return None
        parts.sort(key=len)
        result = parts[0]
        for other in parts[1:]:
            result = result & other
        return result

    # ranking -----------------------------------------------------------------------------------
    def _lengths(self, field_name: str) -> tuple[list[int], float]:
        found = self._length_cache.get(field_name)
        if found is None:
            lengths: list[int] = []
            for leaf, _base in self.leaves:
                lengths += self.segments.lengths(leaf, field_name)
            total = self.reader.field_length(field_name) or 1
            found = (lengths, max(1.0, total / max(1, self.reader.doc_count_all())))
            self._length_cache[field_name] = found
        return found

    def scores(self, units: list[list[str]], candidates: set[int]) -> dict[int, float]:
        """BM25 of the query's terms (title ×3) for each candidate.

        A broad query (thousands of candidates) is first ranked by its title terms and its rarest
        body terms, and only the best SHORTLIST get the full score: the rest could not reach the
        top of the list, and scoring every candidate on every term would cost most of the time.
        """
        terms: set[str] = set()
        for forms in units:
            for form in forms:
                terms.update(analysis.query_terms(form))
                word = analysis.query_word(form)
                if word:
                    terms.add(word)
        plan = []  # (field, term, posting) rarest first
        for name in TEXT_FIELDS:
            for term in terms:
                if self._skippable(name, term, len(candidates)):
                    continue  # common, so low weight; reading it would cost more than it adds
                posting = self.postings(name, term)
                if posting:
                    plan.append((name, term, posting))
        plan.sort(key=lambda item: (item[0] != "head", len(item[2])))
        scores = dict.fromkeys(candidates, 0.0)
        if len(candidates) > SHORTLIST:
            first = [item for item in plan if item[0] == "head"] + [item for item in plan if item[0] == "body"][:2]
            self._add_scores(scores, candidates, first)
            top = heapq.nlargest(SHORTLIST, scores.items(), key=itemgetter(1))
            candidates = {doc for doc, _ in top}
            scores = {doc: score for doc, score in top}
            plan = [item for item in plan if item not in first]
        self._add_scores(scores, candidates, plan)
        return scores

    def _add_scores(self, scores: dict[int, float], candidates: set[int], plan: list[Any]) -> None:
        for name, _term, posting in plan:
            lengths, average = self._lengths(name)
            df = len(posting)
            weight = FIELD_BOOST[name] * math.log(1 + (self.live - df + 0.5) / (df + 0.5)) * (K1 + 1)
            norm = K1 * (1 - B)
            slope = K1 * B / average
            for doc in candidates.intersection(posting):
                tf = posting[doc]
                scores[doc] += weight * tf / (tf + norm + slope * lengths[doc])

    # the query ---------------------------------------------------------------------------------
    def search(self, query: ParsedQuery, filters: Filters, limit: int) -> list[RawHit]:
        allowed = self.filter_docs(filters)
        if query.must:
            candidates, looked_up = self.candidates(query)
            if allowed is not None:
                candidates &= allowed
            if not candidates:
                return []
            scores = self.scores(looked_up, candidates)
            if query.expanded:
                self._literal_first(query, scores)
        else:
            candidates = allowed if allowed is not None else set(self.reader.all_doc_ids())
            scores = {doc: 1.0 + doc / (10 * self.reader.doc_count_all() + 1) for doc in candidates}  # newest first
        unit_pattern = form_pattern(prepare(filters.unit)) if filters.unit else None
        hits: list[RawHit] = []
        ranked = heapq.nlargest(limit * 3 + 10, scores.items(), key=itemgetter(1))
        checked = 0
        while ranked:
            for doc, score in ranked:
                stored = self.searcher.stored_fields(doc)
                checked += 1
                if unit_pattern and not unit_pattern.search(stored.get("unit") or ""):
                    continue
                head, body = stored.get("head") or "", stored.get("body") or ""
                ok, bonus = query.matches(head, body)
                if ok:
                    hit = _raw_hit(stored, score * (1.0 + 0.5 * bonus))
                    if query.expanded:
                        hit.near = query.near_terms(head, body)
                    hits.append(hit)
            if len(hits) >= limit or checked >= len(scores) or checked >= MAX_CHECKED:
                break
            ranked = sorted(scores.items(), key=itemgetter(1), reverse=True)[checked : checked + limit * 20]
        hits.sort(key=lambda h: (bool(h.near), -h.score))  # literal matches first, then by score
        return hits[:limit]

    def _literal_first(self, query: ParsedQuery, scores: dict[int, float]) -> None:
        """Lift the documents that may hold every typed word above those reachable only through a
        concept's near terms, so the confirmation pass meets the literal matches first."""
        literal: set[int] | None = None
        for clause in query.must:
            for forms in [[clause.text]] if clause.kind == "phrase" else clause.units:
                docs = self.form_docs(forms[0]) & scores.keys()
                literal = docs if literal is None else literal & docs
                if not literal:
                    return
        if literal:
            lift = max(scores.values(), default=0.0) + 1.0
            for doc in literal:
                scores[doc] += lift


# the index the program uses --------------------------------------------------------------------
class SearchIndex:
    """Search over the archive: upsert and delete records, rebuild, and query with snippets."""

    def __init__(self, index_dir: Path, backend: SearchBackend | None = None,
                 concepts: ConceptTable | None = None) -> None:
        self.index_dir = Path(index_dir)
        self.backend: SearchBackend = backend or WhooshBackend(self.index_dir)
        self._concepts = concepts

    @property
    def concepts(self) -> ConceptTable:
        """The shipped concept table under the workspace's own concepts.toml (re-read when it changes)."""
        if self._concepts is not None:
            return self._concepts
        return load_concepts(workspace_root_of(self.index_dir))

    def add(self, records: list[dict[str, Any]]) -> None:
        """Upsert records by id in one commit; duplicates are removed rather than indexed."""
        docs = [to_index_doc(r) for r in records if r.get("status") != DUPLICATE]
        dups = [str(r["id"]) for r in records if r.get("status") == DUPLICATE]
        self.backend.add(docs, dups)

    def delete(self, ids: Iterable[str]) -> None:
        self.backend.add([], list(ids))

    def rebuild(
        self, records: Iterable[dict[str, Any]], vocabulary: Iterable[str] = (), pool_mb: int | None = None
    ) -> int:
        """Build a fresh index from `records` and swap it in atomically. Returns documents indexed."""
        docs = (to_index_doc(r) for r in records if r.get("status") != DUPLICATE)
        return self.backend.rebuild(docs, vocabulary, pool_mb)

    def search(
        self,
        query: str,
        indicator: str | None = None,
        unit: str | None = None,
        since: str | None = None,
        until: str | None = None,
        kind: str | None = None,
        status: str | None = None,
        limit: int = 20,
        expand: bool = True,
    ) -> list[Hit]:
        """Best first. Raises QueryError for unusable input, IndexMissing when there is no index.

        `expand=False` searches the typed words only (no concept expansion)."""
        parsed = parse_query(query or "", self.concepts, expand=expand)
        filters = Filters(
            indicator=indicator or None,
            unit=unit or None,
            since=parse_date(since) if since else None,
            until=parse_date(until, end=True) if until else None,
            kind=kind or None,
            status=status or None,
        )
        if not parsed.must and filters.empty():
            if parsed.must_not:
                raise QueryError("只有排除词：请至少给出一个要查找的词，或加上筛选条件")
            raise QueryError("请输入要查找的词（空格分隔表示同时包含，引号表示整句，-词 表示排除）")
        if limit < 1:
            raise QueryError("--limit 必须大于 0")
        forms = parsed.highlight_forms()
        hits = []
        for raw in self.backend.search(parsed, filters, limit):
            plain, marks = make_snippet(raw.body, forms)
            if not marks:
                title_plain, title_marks = make_snippet(prepare(raw.title), forms)
                if title_marks:
                    plain, marks = title_plain, title_marks
            if raw.near:
                note = f"〔近义：{'、'.join(dict.fromkeys(raw.near))}〕"
                plain = note + plain
                marks = [(a + len(note), b + len(note)) for a, b in marks]
            hit = Hit(
                id=raw.id,
                archive_path=raw.archive_path,
                indicator=raw.indicator or None,
                title=raw.title,
                score=raw.score,
                snippet=mark(plain, marks),
                plain=plain,
                marks=marks,
                near=list(dict.fromkeys(raw.near)),
            )
            hits.append(hit)
            for dup_id, dup_name in raw.duplicates:
                note = f"重复件：{dup_name} 与原件内容完全相同，未另存，原件见 {raw.archive_path}"
                hits.append(
                    Hit(dup_id, raw.archive_path, hit.indicator, raw.title, raw.score, note, note, [], raw.id)
                )
        return hits[:limit]

    def doc_count(self) -> int:
        return self.backend.doc_count()

    def ids(self) -> set[str]:
        return self.backend.ids()

    def is_healthy(self) -> bool:
        return self.backend.is_healthy()

    def close(self) -> None:
        close = getattr(self.backend, "close", None)
        if close:
            close()


# workspace glue --------------------------------------------------------------------------------
def framework_vocabulary(ws: Workspace) -> list[str]:
    """Indicator names and evidence item names: words to teach jieba (analysis.add_vocabulary)."""
    try:
        indicators = ws.frameworks.indicators()
    except Exception as exc:  # noqa: BLE001 - a broken framework file must not stop search
        log.info("frameworks not loaded for search vocabulary: %s", exc)
        return []
    words: list[str] = []
    for ind in indicators:
        words.append(ind.name)
        words += ind.evidence
    return words


def _indexable_ids(catalogue: Catalogue) -> set[str]:
    rows = catalogue.db.execute("SELECT id FROM evidence WHERE status != ?", (DUPLICATE,))
    return {r[0] for r in rows}


def _duplicates_by_original(catalogue: Catalogue) -> dict[str, list[dict[str, str]]]:
    """original id -> its byte-identical copies (id, original_name), from the catalogue."""
    found: dict[str, list[dict[str, str]]] = {}
    rows = catalogue.db.execute(
        "SELECT id, original_name, duplicate_of FROM evidence WHERE status=? AND duplicate_of IS NOT NULL"
        " ORDER BY received_at, rowid",
        (DUPLICATE,),
    )
    for evidence_id, name, original in rows:
        found.setdefault(original, []).append({"id": evidence_id, "original_name": name})
    return found


def _records(
    catalogue: Catalogue, ids: Iterable[str], duplicates: dict[str, list[dict[str, str]]]
) -> Iterator[dict[str, Any]]:
    """Indexable records one at a time (a rebuild of a large archive does not hold every text in
    memory), each with the copies that duplicate it."""
    for evidence_id in ids:
        record = catalogue.get(evidence_id)
        if record is not None and record.get("status") != DUPLICATE:
            record["duplicates"] = duplicates.get(evidence_id, [])
            yield record


def _rebuild(
    ws: Workspace, catalogue: Catalogue, index: SearchIndex, pool_mb: int | None = None
) -> tuple[int, list[str]]:
    ids = [r[0] for r in catalogue.db.execute("SELECT id FROM evidence ORDER BY received_at, rowid")]
    records = _records(catalogue, ids, _duplicates_by_original(catalogue))
    count = index.rebuild(records, framework_vocabulary(ws), pool_mb)
    return count, ids


def rebuild_from_catalogue(
    ws: Workspace, catalogue: Catalogue, index: SearchIndex | None = None, pool_mb: int | None = None
) -> int:
    """Rebuild the index from every catalogue record and mark them indexed. Call as the writer."""
    index = index or SearchIndex(ws.whoosh_dir)
    count, ids = _rebuild(ws, catalogue, index, pool_mb)
    with catalogue.transaction():
        catalogue.db.executemany("UPDATE evidence SET indexed=1 WHERE id=? AND indexed=0", [(i,) for i in ids])
    return count


def open_index(ws: Workspace) -> SearchIndex:
    """The workspace's index, rebuilt from the catalogue if missing or corrupt, and repaired if it
    has fallen behind the catalogue (documents missing or left over) — so a search never answers
    from a broken or empty index while the catalogue holds documents.

    Repairs here do not touch the catalogue's indexed flags: a search must not write the catalogue
    behind the single writer's back, and the writer's next sync_index is idempotent.
    """
    from .catalogue import Catalogue

    index = SearchIndex(ws.whoosh_dir)
    catalogue = Catalogue(ws.catalogue_path)
    try:
        if not index.is_healthy():
            log.info("rebuilding the search index from the catalogue")
            _rebuild(ws, catalogue, index)
            return index
        expected = _indexable_ids(catalogue)
        present = index.ids()
        missing = sorted(expected - present)
        extra = present - expected
        if missing or extra:
            records = list(_records(catalogue, missing, _duplicates_by_original(catalogue)))
            index.backend.add([to_index_doc(r) for r in records], sorted(extra))
    finally:
        catalogue.close()
    return index


def sync_index(ws: Workspace, catalogue: Catalogue, ids: Iterable[str] | None = None) -> int:
    """Bring the index up to the catalogue: index rows with indexed=0 and mark them indexed=1;
    remove documents that left the catalogue or became duplicates. Returns documents indexed.

    Work and memory are bounded by SYNC_BATCH, not by the archive: pending rows are indexed a
    batch per commit, and left-over documents are looked for a batch of index ids at a time.
    `ids` (the rows a pipeline batch just committed) limits the sync to them: a batch during a
    20,000-file ingest then costs what it holds; the writer's full sync at the end of the
    command catches anything else (rows of a crashed run, documents left over).

    The index commit comes before the catalogue flag, so a crash in between only means the same
    rows are indexed again (an idempotent upsert). A new duplicate re-indexes its original, which
    reports it.
    """
    index = SearchIndex(ws.whoosh_dir)
    try:
        if not index.is_healthy():
            return rebuild_from_catalogue(ws, catalogue, index, BOUNDED_REBUILD_MB)
        done = 0
        if ids is not None:
            wanted = list(dict.fromkeys(ids))
            for start in range(0, len(wanted), SYNC_BATCH):
                done += _sync_batch(catalogue, index, _pending_among(catalogue, wanted[start:start + SYNC_BATCH]))
            return done
        while pending := [
            r[0] for r in catalogue.db.execute("SELECT id FROM evidence WHERE indexed=0 LIMIT ?", (SYNC_BATCH,))
        ]:
            done += _sync_batch(catalogue, index, pending)
        if stale := _left_over(catalogue, index):
            index.backend.add([], stale)
        return done
    finally:
        index.close()


def _pending_among(catalogue: Catalogue, ids: list[str]) -> list[str]:
    marks = ",".join("?" * len(ids))
    return [r[0] for r in catalogue.db.execute(f"SELECT id FROM evidence WHERE indexed=0 AND id IN ({marks})", ids)]


def _sync_batch(catalogue: Catalogue, index: SearchIndex, pending: list[str]) -> int:
    """Index one batch of pending rows (and the originals of new duplicates) in one commit."""
    if not pending:
        return 0
    rows = [r for r in (catalogue.get(i) for i in pending) if r is not None]
    new_duplicates = [str(r["id"]) for r in rows if r.get("status") == DUPLICATE]
    to_index = [str(r["id"]) for r in rows if r.get("status") != DUPLICATE]
    to_index += [str(r["duplicate_of"]) for r in rows if r.get("status") == DUPLICATE and r.get("duplicate_of")]
    del rows  # texts: only one batch's worth is ever held
    to_index = list(dict.fromkeys(to_index))
    records = list(_records(catalogue, to_index, _duplicates_among(catalogue, to_index)))
    index.backend.add([to_index_doc(r) for r in records], new_duplicates)
    with catalogue.transaction():
        catalogue.db.executemany("UPDATE evidence SET indexed=1 WHERE id=?", [(i,) for i in pending])
    waiting = set(pending)
    return sum(1 for r in records if r["id"] in waiting)


def _duplicates_among(catalogue: Catalogue, originals: list[str]) -> dict[str, list[dict[str, str]]]:
    """original id -> its byte-identical copies, for these originals only."""
    found: dict[str, list[dict[str, str]]] = {}
    if not originals:
        return found
    marks = ",".join("?" * len(originals))
    rows = catalogue.db.execute(
        "SELECT id, original_name, duplicate_of FROM evidence WHERE status=? AND duplicate_of IN"
        f" ({marks}) ORDER BY received_at, rowid",
        (DUPLICATE, *originals),
    )
    for evidence_id, name, original in rows:
        found.setdefault(original, []).append({"id": evidence_id, "original_name": name})
    return found


def _left_over(catalogue: Catalogue, index: SearchIndex) -> list[str]:
    """Index documents whose row left the catalogue or became a duplicate (looked up in the
    catalogue a batch of ids at a time).

    Skipped when the index holds exactly as many documents as the catalogue has indexable rows:
    every pending row was just indexed, so an equal count leaves no room for a left-over one.
    (A document missing from the index behind an indexed=1 flag is open_index's repair.)
    """
    expected = catalogue.db.execute("SELECT count(*) FROM evidence WHERE status != ?", (DUPLICATE,)).fetchone()[0]
    if index.doc_count() == expected:
        return []
    stale: list[str] = []
    present = iter(index.ids())
    while chunk := list(islice(present, SYNC_BATCH)):
        marks = ",".join("?" * len(chunk))
        kept = {
            r[0]
            for r in catalogue.db.execute(
                f"SELECT id FROM evidence WHERE status != ? AND id IN ({marks})", (DUPLICATE, *chunk)
            )
        }
        stale += [i for i in chunk if i not in kept]
    return sorted(stale)


def sync_after_commit(ws: Workspace, catalogue: Catalogue, ids: Iterable[str] | None = None) -> str | None:
    """sync_index for a writer whose change is already committed: the index is derived, so a failure
    must not fail the user's change. Returns a one-line Chinese warning, or None when it worked."""
    try:
        sync_index(ws, catalogue, ids)
    except Exception as exc:  # noqa: BLE001 - the next sync, open_index or `archivist reindex` repairs it
        return f"检索索引未能更新（{type(exc).__name__}: {exc}）：稍后运行 archivist reindex"
    return None
