"""Catalogue → index: the index is derived from the catalogue and brought up to it here.

`sync_index` (the writer, after its changes are committed), `sync_after_commit` (the same, never
failing the user's change), `rebuild_from_catalogue` (`archivist reindex`, doctor) and `open_index`
(a reader: rebuilt or repaired when it has fallen behind). Every index comes from `open_search(ws)`,
so these work on whichever backend archivist.toml names.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from .documents import DUPLICATE
from .factory import open_search
from .index import SearchIndex

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..workspace import Workspace

log = logging.getLogger(__name__)

SYNC_BATCH = 200  # records per index commit when the index catches up with the catalogue
BOUNDED_REBUILD_MB = 64  # a rebuild that a writer's sync falls back to: one process, this pool


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


def _duplicates_by_original(catalogue: Catalogue) -> dict[str, list[dict[str, str]]]:
    """original id -> its byte-identical copies (id, original_name), from the catalogue."""
    return catalogue.index_state.duplicates()


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
    ids = catalogue.index_state.all_ids()
    records = _records(catalogue, ids, _duplicates_by_original(catalogue))
    count = index.rebuild(records, framework_vocabulary(ws), pool_mb)
    return count, ids


def rebuild_from_catalogue(
    ws: Workspace, catalogue: Catalogue, index: SearchIndex | None = None, pool_mb: int | None = None
) -> int:
    """Rebuild the index from every catalogue record and mark them indexed. Call as the writer.
    An index opened here (none given) is closed here."""
    if index is None:
        with open_search(ws) as own:
            return rebuild_from_catalogue(ws, catalogue, own, pool_mb)
    count, ids = _rebuild(ws, catalogue, index, pool_mb)
    with catalogue.transaction():
        catalogue.index_state.mark_indexed(ids, only_pending=True)
    return count


def open_index(ws: Workspace) -> SearchIndex:
    """The workspace's index, rebuilt from the catalogue if missing or corrupt, and repaired if it
    has fallen behind the catalogue (documents missing or left over) — so a search never answers
    from a broken or empty index while the catalogue holds documents.

    Repairs here do not touch the catalogue's indexed flags: a search must not write the catalogue
    behind the single writer's back, and the writer's next sync_index is idempotent.
    """
    from ..catalogue import open_catalogue

    index = open_search(ws)
    catalogue = open_catalogue(ws)
    try:
        if not index.is_healthy():
            log.info("rebuilding the search index from the catalogue")
            _rebuild(ws, catalogue, index)
            return index
        expected = catalogue.index_state.indexable_ids()
        present = index.ids()
        missing = sorted(expected - present)
        extra = present - expected
        if missing or extra:
            records = list(_records(catalogue, missing, _duplicates_by_original(catalogue)))
            index.update(records, sorted(extra))
    except BaseException:
        index.close()  # the caller gets no index to close
        raise
    finally:
        catalogue.close()
    return index


def sync_index(
    ws: Workspace, catalogue: Catalogue, ids: Iterable[str] | None = None, index: SearchIndex | None = None
) -> int:
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

    `index`: a long-lived writer's own index (watch), left open; without it one is opened and closed.
    """
    if index is None:
        with open_search(ws) as own:
            return sync_index(ws, catalogue, ids, own)
    if not index.is_healthy():
        return rebuild_from_catalogue(ws, catalogue, index, BOUNDED_REBUILD_MB)
    done = 0
    if ids is not None:
        wanted = list(dict.fromkeys(ids))
        for start in range(0, len(wanted), SYNC_BATCH):
            done += _sync_batch(catalogue, index, _pending_among(catalogue, wanted[start:start + SYNC_BATCH]))
        return done
    while pending := catalogue.index_state.pending(SYNC_BATCH):
        done += _sync_batch(catalogue, index, pending)
    if stale := _left_over(catalogue, index):
        index.delete(stale)
    return done


def _pending_among(catalogue: Catalogue, ids: list[str]) -> list[str]:
    return catalogue.index_state.pending_among(ids)


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
    index.update(records, new_duplicates)
    with catalogue.transaction():
        catalogue.index_state.mark_indexed(pending)
    waiting = set(pending)
    return sum(1 for r in records if r["id"] in waiting)


def _duplicates_among(catalogue: Catalogue, originals: list[str]) -> dict[str, list[dict[str, str]]]:
    """original id -> its byte-identical copies, for these originals only."""
    return catalogue.index_state.duplicates(originals)


def _left_over(catalogue: Catalogue, index: SearchIndex) -> list[str]:
    """Index documents whose row left the catalogue or became a duplicate (looked up in the
    catalogue a batch of ids at a time).

    Skipped when the index holds exactly as many documents as the catalogue has indexable rows:
    every pending row was just indexed, so an equal count leaves no room for a left-over one.
    (A document missing from the index behind an indexed=1 flag is open_index's repair.)
    """
    expected = catalogue.index_state.indexable_count()
    if index.doc_count() == expected:
        return []
    stale: list[str] = []
    present = iter(index.ids())
    while chunk := list(islice(present, SYNC_BATCH)):
        kept = catalogue.index_state.indexable_among(chunk)
        stale += [i for i in chunk if i not in kept]
    return sorted(stale)


def sync_after_commit(
    ws: Workspace, catalogue: Catalogue, ids: Iterable[str] | None = None, index: SearchIndex | None = None
) -> str | None:
    """sync_index for a writer whose change is already committed: the index is derived, so a failure
    must not fail the user's change. Returns a one-line Chinese warning, or None when it worked."""
    try:
        sync_index(ws, catalogue, ids, index)
    except Exception as exc:  # noqa: BLE001 - the next sync, open_index or `archivist reindex` repairs it
        return f"检索索引未能更新（{type(exc).__name__}: {exc}）：稍后运行 archivist reindex"
    return None
