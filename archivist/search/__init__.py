"""Full-text search over the archive: documents in, ranked hits with highlighted snippets out.

The catalogue is the truth; the index is derived from it and can always be rebuilt
(`archivist reindex`, or automatically when it is missing or corrupt). One module a job:

    analysis.py        the Chinese tokens (bigrams, numbers, long words), shared by index and query
    documents.py       a catalogue record as the index sees it (IndexDoc)
    query.py           what a clerk types → ParsedQuery (words, "phrases", -exclusions, concepts) + Filters
    snippets.py        the marked window of text shown under a hit
    backend.py         SearchBackend: the seam a storage engine implements (stage, commit, search, close)
    whoosh_backend.py  the default backend, and the only module that knows Whoosh
    index.py           SearchIndex: a backend plus query parsing and snippets — what callers use
    config.py          the [search] table of archivist.toml
    factory.py         open_search(ws): the SearchIndex on the configured backend
    sync.py            catalogue → index (sync_index, sync_after_commit, rebuild_from_catalogue, open_index)

The names below are loaded on first use (PEP 562), so `import archivist.search` costs nothing,
Whoosh is imported only where the Whoosh backend is used, and archivist.concepts (which the query
parser uses) can itself import archivist.search.analysis without an import cycle.
"""

# ruff: noqa: F401 - the TYPE_CHECKING block at the end names what __getattr__ loads

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_HOMES = {
    "analysis": ("SYNONYMS",),
    "documents": ("DUPLICATE", "MAX_BODY_CHARS", "IndexDoc", "to_index_doc"),
    "errors": ("IndexMissing", "QueryError", "SearchError"),
    "query": ("Clause", "Filters", "ParsedQuery", "form_pattern", "parse_date", "parse_query"),
    "snippets": ("MARK_CLOSE", "MARK_OPEN", "SNIPPET_CHARS", "make_snippet", "mark"),
    "backend": ("RawHit", "SearchBackend"),
    "index": ("Hit", "SearchIndex"),
    "config": ("BACKENDS", "SearchConfig", "SearchConfigError", "search_config"),
    "factory": ("open_search",),
    "sync": ("BOUNDED_REBUILD_MB", "SYNC_BATCH", "framework_vocabulary", "open_index", "rebuild_from_catalogue",
             "sync_after_commit", "sync_index"),
    # Whoosh: LengthCachingW3Codec by this name is how indexes written before the split record their
    # codec (pickled); the two readers are compared with Whoosh's own API by the tests.
    "whoosh_backend": ("INDEX_FORMAT", "CachedLengthsPerDocReader", "LengthCachingW3Codec", "WhooshBackend",
                       "_read_postings", "_segment_lengths"),
}
_WHERE = {name: module for module, names in _HOMES.items() for name in names}
__all__ = sorted(name for name in _WHERE if not name.startswith("_"))


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # once loaded, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))


if TYPE_CHECKING:  # what the names are, for readers and type checkers
    from .analysis import SYNONYMS
    from .backend import RawHit, SearchBackend
    from .config import BACKENDS, SearchConfig, SearchConfigError, search_config
    from .documents import DUPLICATE, MAX_BODY_CHARS, IndexDoc, to_index_doc
    from .errors import IndexMissing, QueryError, SearchError
    from .factory import open_search
    from .index import Hit, SearchIndex
    from .query import Clause, Filters, ParsedQuery, form_pattern, parse_date, parse_query
    from .snippets import MARK_CLOSE, MARK_OPEN, SNIPPET_CHARS, make_snippet, mark
    from .sync import (
        BOUNDED_REBUILD_MB,
        SYNC_BATCH,
        framework_vocabulary,
        open_index,
        rebuild_from_catalogue,
        sync_after_commit,
        sync_index,
    )
    from .whoosh_backend import (
        INDEX_FORMAT,
        CachedLengthsPerDocReader,
        LengthCachingW3Codec,
        WhooshBackend,
        _read_postings,
        _segment_lengths,
    )
