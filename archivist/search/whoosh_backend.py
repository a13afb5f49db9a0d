"""The Whoosh backend: a local index directory, the default for one county on one machine.

Everything that knows Whoosh is in this module (the tokenizer adapter, the schema, the codec, the
query engine), so another backend replaces it without touching the query language, the snippets
or the catalogue sync, and no other module imports Whoosh.

On-disk layout of `index/whoosh/`:
    CURRENT        JSON {"gen": "gen-…", "format": 2} — replaced atomically (os.replace)
    gen-…/         one complete Whoosh index
    vocabulary.txt words taught to jieba when this generation was built (see analysis.add_vocabulary)
    .write.lock    fcntl lock: one writer (write_batch/rebuild) at a time across processes
A rebuild writes a new generation beside the live one and then replaces CURRENT, so a searcher
sees either the old index or the new one, never half of either. Whoosh itself commits a batch by
writing new segments and then a new table of contents, so a search during an ingest sees each
document whole or not at all.

How a query runs (`_Engine`): the index holds, per document, the bigrams, numbers and long jieba
words of title and body with their frequencies (analysis.py). Candidates are the documents that
hold every term of every unit — set intersections over whole posting lists, read block by block —
ranked by BM25 (title ×3), then confirmed best-first against the stored text until the requested
number is confirmed. Confirmation makes phrases, 文号 and number boundaries exact without storing
positions; Whoosh's own matchers and positional phrase queries were measured an order of magnitude
slower at 20,000 documents (they step through postings one at a time in Python).

Whoosh internals read here, which is why pyproject pins whoosh-reloaded==2.7.5 (run
tests/test_search.py before upgrading; each use falls back to the public API when the attribute
is missing, so a change makes the index slower, not wrong):
- `whoosh.codec.whoosh3._lenfield` and a per-document reader's `_cached_reader()`, a column's
  `_dbfile`, `_basepos` and `_count`: a segment's field lengths are one byte per document in one
  column; reading the column's bytes at once replaces a seek and a one-byte read per document,
  which was a fifth of all indexing time (CachedLengthsPerDocReader) and most of the time BM25
  spends on lengths (`_segment_lengths`). A segment reader's `_perdoc` is that reader.
- `W3LeafMatcher._byteids`, `_read_data()`, `_data`, `_read_weights()`, `_weights`, `_lastblock`,
  `_goto()` and `_nextoffset`: a term's postings read a whole block at a time (`_read_postings`),
  an order of magnitude faster than the matcher's one-posting-at-a-time `next()`.
- `Searcher.refresh()` is avoided on purpose: it reuses segment readers by segment, so a commit
  that only deletes documents is not seen (`_fresh_searcher`).
Indexes name their tokenizers, postings format and codec in the pickled table of contents: indexes
written before the search package was split name `archivist.analysis.ChineseTokenizer` (and
`BigramTokenizer`, `ScanWeights`) and `archivist.search.LengthCachingW3Codec`; those names still
resolve (archivist/analysis.py, archivist/search/__init__.py), so they open without a rebuild.
"""

from __future__ import annotations

import fcntl
import heapq
import json
import logging
import math
import os
import pickle
import shutil
import struct
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import accumulate
from operator import itemgetter
from pathlib import Path
from typing import Any

from whoosh.analysis import Token, Tokenizer
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3PerDocReader, _lenfield
from whoosh.formats import Existence

from . import analysis
from .analysis import prepare, scan, slot_positions
from .backend import RawHit, SearchBackend
from .documents import IndexDoc
from .errors import IndexMissing, SearchError
from .query import Filters, ParsedQuery, form_pattern

log = logging.getLogger(__name__)

INDEX_FORMAT = 2  # bump when the schema or the analysis changes: old indexes are rebuilt
WRITE_POOL_MB = 32  # an incremental commit's posting pool; beyond it Whoosh spills sorted runs to disk


# analysis, as Whoosh sees it -------------------------------------------------------------------
class ChineseTokenizer(Tokenizer):
    """A Whoosh tokenizer over `scan()`. Holds no state, so it pickles into the index schema."""

    words = True

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
        for tok in scan(value, self.words):
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


class BigramTokenizer(ChineseTokenizer):
    """Bigrams, lone characters and numbers only (for short filter fields such as the unit)."""

    words = False


class ScanWeights(Existence):
    """A Whoosh postings format holding each term's frequency as the posting weight, and nothing else.

    No positions: phrases and exact forms are checked against the stored text instead (see
    `_Engine`), which in pure Python is far cheaper than reading a position list for every
    candidate, and keeps posting blocks small. Terms come straight from `slot_positions()`, which
    skips Whoosh's per-token Token objects (a large share of indexing time in pure Python).
    """

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[tuple[str, int, float, bytes]]:
        if not isinstance(analyzer, ChineseTokenizer) or not isinstance(value, str):
            counts: dict[str, int] = {}
            for token in analyzer(value, **kwargs):
                counts[token.text] = counts.get(token.text, 0) + 1
        else:
            counts = {term: len(slots) for term, slots in slot_positions(value, analyzer.words).items()}
        for term, freq in counts.items():
            yield term, freq, float(freq), b""



# codec and schema ------------------------------------------------------------------------------
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
    """A Whoosh index in generations under one directory (see the module docstring).

    Thread-safe for searching (the web's one index per process); one writer at a time across
    processes (`.write.lock`)."""

    def __init__(self, directory: Path) -> None:
        super().__init__()
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
    def write_batch(self, docs: list[IndexDoc], delete_ids: list[str]) -> None:
        from whoosh.index import LockError

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
        """Close the searcher and forget the opened index (its files stay open until then, and a
        process that never closes keeps deleted generations' files on disk)."""
        self.rollback()
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

