"""Ingest in bounded batches: with tiny batch settings every file is still filed, indexed and found.

A county's USB stick (20,000 files) is ingested with the search index committed a small batch at a
time and the writer's posting pool spilling to disk. These tests shrink the batch, the index
commit and the pool to a few records and a megabyte, so a few hundred files go through many
batches, many commits, segment merges and spilled runs — the path a large stick takes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from archivist import search
from archivist.catalogue import Catalogue
from archivist.intake import pipeline
from archivist.samples import make_text_corpus
from archivist.search import sync as search_sync
from archivist.search import whoosh_backend
from archivist.workspace import Workspace

COUNT = 240


@pytest.fixture()
def tiny_batches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Tiny settings; returns a list that counts the posting pool's spills to disk."""
    from whoosh.writing import PostingPool

    monkeypatch.setattr(pipeline, "SYNC_EVERY", 25)  # an index sync every 25 records
    monkeypatch.setattr(search_sync, "SYNC_BATCH", 7)  # each sync commits 7 records at a time
    monkeypatch.setattr(whoosh_backend, "WRITE_POOL_MB", 1)  # postings spill to sorted runs on disk
    spills: list[int] = []
    save = PostingPool.save

    def counted(pool: PostingPool) -> None:
        spills.append(len(pool.current))
        save(pool)

    monkeypatch.setattr(PostingPool, "save", counted)
    return spills


def _corpus(base: Path, count: int) -> list[Path]:
    """`count` distinct text files, plus three byte-identical copies in a subfolder."""
    paths = make_text_corpus(base / "U盘", count)
    copies = base / "U盘" / "重复"
    copies.mkdir()
    for path in paths[:3]:
        shutil.copy(path, copies / path.name)
    return paths


def _ingest(ws: Workspace, folder: Path) -> list[dict]:
    from archivist.cli import app

    result = CliRunner().invoke(app, ["-w", str(ws.root), "ingest", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _search(ws: Workspace, query: str) -> list[dict]:
    from archivist.cli import app

    result = CliRunner().invoke(app, ["-w", str(ws.root), "search", query, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_every_file_of_a_batched_ingest_is_recorded_indexed_and_found(
    ws: Workspace, tmp_path: Path, tiny_batches: list[int]
) -> None:
    paths = _corpus(tmp_path, COUNT)
    records = _ingest(ws, tmp_path / "U盘")

    assert len(records) == COUNT + 3  # one record per input, streamed as a valid JSON array
    assert tiny_batches, "the index writer's pool never spilled: the bounded pool was not used"
    states = [r["status"] for r in records]
    assert states.count("duplicate") == 3
    assert all(s in ("filed", "unsorted") for s in states if s != "duplicate")

    catalogue = Catalogue(ws.catalogue_path)
    try:
        left = catalogue.db.execute("SELECT count(*) FROM evidence WHERE indexed=0").fetchone()[0]
    finally:
        catalogue.close()
    assert left == 0
    index = search.SearchIndex(ws.whoosh_dir)
    try:
        assert index.doc_count() == COUNT  # duplicates are reported with their original, not indexed
    finally:
        index.close()

    # each file is found by the number only it carries, from the first batch to the last
    for i in (0, 1, 24, 25, 26, 119, 200, COUNT - 1):
        hits = [h for h in _search(ws, f"第{i}号记录") if not h.get("duplicate_of")]
        assert len(hits) == 1, hits
        assert f"第{i}号记录" in hits[0]["snippet"]
    copied = _search(ws, "第1号记录")
    assert [h for h in copied if h.get("duplicate_of")], "the copy is reported with its original"
    assert paths[1].exists()  # ingest copies, never moves


def test_the_index_catches_up_during_the_run_not_only_at_the_end(
    ws: Workspace, tmp_path: Path, tiny_batches: list[int]
) -> None:
    """A search while a long ingest runs already finds what the earlier batches filed."""
    make_text_corpus(tmp_path / "U盘", 120)
    catalogue = Catalogue(ws.catalogue_path)
    seen_mid_run = -1
    try:
        run = pipeline.Pipeline(ws, catalogue)
        for n, _ in enumerate(run.run_iter(pipeline.discover([tmp_path / "U盘"])), start=1):
            if n == 100:
                index = search.SearchIndex(ws.whoosh_dir)
                try:
                    seen_mid_run = index.doc_count()
                finally:
                    index.close()
    finally:
        catalogue.close()
    assert 75 <= seen_mid_run < 100  # four syncs of 25 had run; the last records were not yet synced


def test_a_batch_sync_only_indexes_its_own_rows_and_the_closing_sync_catches_up(
    ws: Workspace, tmp_path: Path, tiny_batches: list[int]
) -> None:
    """Rows left unindexed by an earlier, killed run are picked up by the command's closing sync."""
    make_text_corpus(tmp_path / "第一批", 30)
    catalogue = Catalogue(ws.catalogue_path)
    try:
        run = pipeline.Pipeline(ws, catalogue)
        run.sync_every = 0  # like a run killed before its first sync: 30 rows with indexed=0
        assert len(run.run(pipeline.discover([tmp_path / "第一批"]))) == 30
    finally:
        catalogue.close()

    later = tmp_path / "第二批"
    later.mkdir()
    for path in make_text_corpus(tmp_path / "生成", 60)[30:]:
        shutil.move(path, later / path.name)
    assert len(_ingest(ws, later)) == 30

    index = search.SearchIndex(ws.whoosh_dir)
    try:
        assert index.doc_count() == 60
    finally:
        index.close()
    assert len([h for h in _search(ws, "第3号记录") if not h.get("duplicate_of")]) == 1
