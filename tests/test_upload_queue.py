"""The upload queue (index/queue/): durable before anything is said to the browser, filed exactly
once, and nothing lost when a step fails half-way."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from archivist.catalogue import Catalogue
from archivist.intake import queue
from archivist.intake.pipeline import recover
from archivist.workspace import Workspace

TEXT = "石门乡2024年村庄清洁行动简报\n拆除危旧房12处，清理垃圾300吨。\n石门乡人民政府\n2024年9月3日\n"


def _upload(tmp_path: Path, name: str = "upload.bin", text: str = TEXT) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _file(ws: Workspace) -> dict[str, list[dict]]:
    catalogue = Catalogue(ws.catalogue_path)
    try:
        recover(ws, catalogue)
        with ws.writer_lock(what="test"):
            return queue.file_pending(ws, catalogue)
    finally:
        catalogue.close()


def test_an_entry_is_complete_on_disk_and_filed_once(ws: Workspace, tmp_path: Path) -> None:
    source = _upload(tmp_path)
    entry = queue.enqueue(ws, source, "村庄清洁简报.txt", "石门乡", {"uploaded_via": "web"})
    assert not source.exists() and entry.payload.read_text(encoding="utf-8") == TEXT
    assert entry.payload.name == "村庄清洁简报.txt"  # its own name and suffix, as extractors expect
    assert [e.original_name for e in queue.pending(ws)] == ["村庄清洁简报.txt"]
    filed = _file(ws)
    records = filed[entry.id]
    assert len(records) == 1 and records[0]["provenance"]["uploaded_via"] == "web"
    assert records[0]["provenance"]["queued_at"] == entry.queued_at
    assert (ws.root / records[0]["archive_path"]).read_text(encoding="utf-8") == TEXT
    assert queue.pending(ws) == [] and _file(ws) == {}
    assert not list(queue.queue_dir(ws).iterdir())


def test_a_failure_while_queueing_gives_the_upload_back(ws: Workspace, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    source = _upload(tmp_path)
    fired = []
    real_rename = os.rename

    def failing_rename(src: object, dst: object) -> None:
        if ".partial-" in str(src):
            fired.append(src)
            raise OSError(28, "No space left on device")
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(queue.os, "rename", failing_rename)
    with pytest.raises(OSError):
        queue.enqueue(ws, source, "简报.txt")
    assert fired  # the fault happened after the payload had been moved into the queue
    assert source.read_text(encoding="utf-8") == TEXT  # and the bytes are back with the caller
    assert queue.pending(ws) == [] and not list(queue.queue_dir(ws).iterdir())


def test_a_crash_after_filing_before_the_entry_is_removed_files_it_once(ws: Workspace, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    entry = queue.enqueue(ws, _upload(tmp_path), "简报.txt", "石门乡")
    fired = []
    real_rmtree = shutil.rmtree

    class Crash(BaseException):
        pass

    def crash(path: object, *args: object, **kwargs: object) -> None:
        if Path(str(path)) == entry.folder:
            fired.append(path)
            raise Crash  # the process dies between the commit and the clean-up
        real_rmtree(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(shutil, "rmtree", crash)
    with pytest.raises(Crash):
        _file(ws)
    assert fired == [entry.folder]
    monkeypatch.setattr(shutil, "rmtree", real_rmtree)
    assert [e.id for e in queue.pending(ws)] == [entry.id]  # still listed, its payload already filed
    assert _file(ws) == {entry.id: []}  # recognised as filed: not filed a second time
    records = Catalogue(ws.catalogue_path).records()
    assert [r["original_name"] for r in records] == ["简报.txt"]
    assert queue.pending(ws) == []


def test_an_unreadable_entry_is_kept_and_the_rest_are_filed(ws: Workspace, tmp_path: Path) -> None:
    good = queue.enqueue(ws, _upload(tmp_path), "简报.txt")
    broken = queue.queue_dir(ws) / "00000000000000-broken"
    broken.mkdir()
    (broken / queue.MANIFEST).write_text("{not json", encoding="utf-8")
    (broken / queue.PAYLOAD_DIR).mkdir()
    (broken / queue.PAYLOAD_DIR / "简报.txt").write_bytes(b"kept for a person to look at")
    assert list(_file(ws)) == [good.id]
    assert (broken / queue.PAYLOAD_DIR / "简报.txt").read_bytes() == b"kept for a person to look at"
