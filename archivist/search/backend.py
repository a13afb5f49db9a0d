"""`SearchBackend`: where the index lives. Whoosh on the local disk today (whoosh_backend.py); a
PostgreSQL backend (archivist's own tokens in a `tsvector`, see DESIGN.md) implements the same
methods, and nothing above this seam knows which one runs (open_search reads archivist.toml).

Writes are staged and then committed: `add()` and `delete()` collect changes, `commit()` applies them
as one atomic commit (a searcher sees all of a batch or none of it), `rollback()` drops them. The
staging is kept here, so every backend implements only `write_batch()`, its one atomic commit, and
"the last change staged for an id wins" means the same everywhere. One backend object belongs to one
user of the index (a command, the web process, `watch`), who calls `close()` when done.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import TracebackType

from .documents import IndexDoc
from .query import Filters, ParsedQuery


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


class SearchBackend(ABC):
    """Storage and querying of the search index (see the module docstring)."""

    def __init__(self) -> None:
        self._staged_docs: dict[str, IndexDoc] = {}
        self._staged_deletes: dict[str, None] = {}  # ordered, no repeats
        self._staging = threading.Lock()

    # writing ---------------------------------------------------------------------------------
    def add(self, docs: Iterable[IndexDoc]) -> None:
        """Stage upserts by id (applied by `commit()`)."""
        with self._staging:
            for doc in docs:
                self._staged_deletes.pop(doc.id, None)
                self._staged_docs[doc.id] = doc

    def delete(self, ids: Iterable[str]) -> None:
        """Stage removals by id (applied by `commit()`); an id not in the index is no error."""
        with self._staging:
            for doc_id in ids:
                self._staged_docs.pop(doc_id, None)
                self._staged_deletes[doc_id] = None

    def commit(self) -> None:
        """Apply the staged changes as one atomic commit; nothing staged, nothing written. The
        staged changes are gone afterwards even if the commit fails (the caller redoes them: the
        catalogue still says they are not indexed)."""
        with self._staging:
            docs, deletes = list(self._staged_docs.values()), list(self._staged_deletes)
            self._staged_docs, self._staged_deletes = {}, {}
        if docs or deletes:
            self.write_batch(docs, deletes)

    def rollback(self) -> None:
        """Drop the staged changes."""
        with self._staging:
            self._staged_docs, self._staged_deletes = {}, {}

    @abstractmethod
    def write_batch(self, docs: list[IndexDoc], delete_ids: list[str]) -> None:
        """Upsert `docs` by id and remove `delete_ids` (no id is in both), as one atomic commit."""

    @abstractmethod
    def rebuild(self, docs: Iterable[IndexDoc], vocabulary: Iterable[str] = (), pool_mb: int | None = None) -> int:
        """Replace the whole index; searchers see the old one until the new one is complete.
        `pool_mb` bounds the writer's memory (default: what the machine can spare)."""

    # reading ---------------------------------------------------------------------------------
    @abstractmethod
    def search(self, query: ParsedQuery, filters: Filters, limit: int) -> list[RawHit]:
        """The best `limit` documents that satisfy `query` exactly (ParsedQuery.matches) and
        `filters`, best first. Raises IndexMissing when there is no usable index."""

    @abstractmethod
    def doc_count(self) -> int: ...

    @abstractmethod
    def ids(self) -> set[str]: ...

    @abstractmethod
    def is_healthy(self) -> bool:
        """Can the index be read (so a writer knows to rebuild it from the catalogue)?"""

    # lifetime --------------------------------------------------------------------------------
    @abstractmethod
    def close(self) -> None:
        """Release what the backend holds open (searchers, files, connections); staged changes
        not committed are dropped. The object may be used again afterwards: it reopens."""

    def __enter__(self) -> SearchBackend:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
