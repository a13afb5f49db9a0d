"""Integrity: prove that the archive, the catalogue, the search index and the audit log agree.

An evidence archive is worth only what it can prove: every file the catalogue names is on disk with
the bytes it had when it was filed, nothing sits in archive/ that the catalogue does not know, the
derived search index matches the catalogue, and the hash-chained audit log was not edited.

`verify()` only reads and returns findings; `doctor()` (with repair=True, under the writer lock)
finishes or rolls back interrupted moves, adopts orphan files into 待分类, puts misplaced files
back, removes half-written temp files and redundant copies, and rebuilds the search index. Things
that cannot be repaired without a human (a modified or missing file, a broken audit chain) are
reported, never papered over: the audit log is evidence and is never rewritten.

Archive files are listed, hashed, moved and removed through the workspace's EvidenceStore
(archivist/storage), so the same checks hold for an archive on local disk and one in S3.

verify may run while `watch` writes: the catalogue is read in one snapshot, files in flight are
recognised by their journal rows, and anything that looks wrong is checked a second time against
the catalogue before it is reported, so a concurrent ingest does not produce false alarms.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, TypeVar

from .auditchain import Anchor, RowDigest, changed_fields
from .catalogue import TABLE_LABELS, Catalogue
from .model import DUPLICATE, FILED, UNSORTED
from .regular_files import open_regular
from .storage import EvidenceStore, StoreError, open_store
from .workspace import Workspace

# Kinds of finding (the `kind` field of `verify --json`).
MISSING = "missing"  # the catalogue names a file that is not on disk
MODIFIED = "modified"  # the file is there but its bytes are not the ones catalogued
EXTRA = "extra"  # a file under archive/ that no catalogue row names
ORPHAN_ROW = "orphan_row"  # a catalogue row that points to bytes that nothing holds
INDEX_MISSING = "index_missing"  # a catalogue row absent from the search index (or no usable index)
INDEX_EXTRA = "index_extra"  # a search-index entry with no (non-duplicate) catalogue row
AUDIT = "audit"  # the audit log's hash chain is broken, or a record disagrees with it
INTERRUPTED = "interrupted"  # a journaled move that a crash left half done
KINDS = (MISSING, MODIFIED, EXTRA, ORPHAN_ROW, INDEX_MISSING, INDEX_EXTRA, AUDIT, INTERRUPTED)

# What doctor --repair does about a finding (Finding.fix); findings without one need a person.
FIXES = {
    "recover": "完成或回滚中断的归档",
    "remove_temp": "清除半成品临时文件",
    "remove_copy": "删除多余副本（原件完好）",
    "relink": "将文件移回目录记录的位置",
    "adopt": "收入待分类",
    "reindex": "重建或补齐检索索引",
}

KIND_LABELS = {
    MISSING: "文件缺失",
    MODIFIED: "文件被修改",
    EXTRA: "目录外文件",
    ORPHAN_ROW: "悬空记录",
    INDEX_MISSING: "索引缺漏",
    INDEX_EXTRA: "索引多余",
    AUDIT: "审计日志",
    INTERRUPTED: "未完成的归档",
}

# Files that people's tools drop into any folder they open: Explorer thumbnails, Finder metadata,
# the lock files Word/WPS/LibreOffice keep while a document is open. They are not evidence and not
# damage, so verify does not count them (and doctor never adopts or deletes them).
LITTER_NAMES = {".gitkeep", "thumbs.db", ".ds_store", "desktop.ini"}

# Hashing: large reads (few syscalls) into a reused buffer; hashlib releases the GIL on big
# updates, so two threads keep the disk and a core busy at once.
CHUNK_BYTES = 4 * 1024 * 1024
HASH_WORKERS = 2


@dataclass(frozen=True)
class Finding:
    """One disagreement between archive, catalogue, index and audit log, in the user's words."""

    kind: str
    message: str
    path: str | None = None
    id: str | None = None
    expected: str | None = None  # sha256 the catalogue holds
    actual: str | None = None  # sha256 found on disk
    fix: str | None = None  # what `doctor --repair` will do: FIXES key, or None (needs a person)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Report:
    """What verify found. `ok` is False on any finding; notes are informational only."""

    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def mb_per_second(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds > 0 else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "findings": [f.to_json() for f in self.findings],
            "notes": self.notes,
            "checked": {"files": self.files, "bytes": self.bytes, "seconds": round(self.seconds, 3)},
        }


# hashing ---------------------------------------------------------------------------------------
_buffers = threading.local()


def hash_file(path: Path) -> tuple[str, int]:
    """sha256 and size of a file, read in large chunks into a per-thread buffer (no copies).

    Only a regular file is read: a symlink (to /dev/zero, to /etc/shadow), a FIFO or a device under
    archive/ raises NotRegularFile (an OSError naming what it is) and is reported, never opened.
    """
    with open_regular(path, buffering=0) as fh:
        return hash_stream(fh)


def hash_stream(fh: BinaryIO) -> tuple[str, int]:
    """sha256 and size of what a stream holds, read into a per-thread buffer where it can (no copies)."""
    buf = getattr(_buffers, "buf", None)
    if buf is None:
        buf = _buffers.buf = bytearray(CHUNK_BYTES)
    view = memoryview(buf)
    digest = hashlib.sha256()
    size = 0
    readinto = getattr(fh, "readinto", None)
    if readinto is None:  # a network stream (S3): plain reads
        while chunk := fh.read(CHUNK_BYTES):
            digest.update(chunk)
            size += len(chunk)
        return digest.hexdigest(), size
    while n := readinto(view):
        digest.update(view[:n])
        size += n
    return digest.hexdigest(), size


def hash_key(store: EvidenceStore, key: str) -> tuple[str, int]:
    """sha256 and size of an archived file, wherever the store keeps it. Unreadable: an OSError
    (a symlink, FIFO or device on local disk is refused, never opened) or a StoreError."""
    with store.open(key) as fh:
        return hash_stream(fh)


_Item = TypeVar("_Item", Path, str)  # a local path or an archive key


def _hash_all(items: Iterable[_Item], hash_one: Callable[[_Item], tuple[str, int]], workers: int,
              on_done: Callable[[_Item, int], None] | None) -> dict[_Item, tuple[str, int] | OSError]:
    """Hash many files with a small thread pool; an unreadable one yields its OSError, not a crash."""

    def one(item: _Item) -> tuple[_Item, tuple[str, int] | OSError]:
        try:
            return item, hash_one(item)
        except OSError as exc:
            return item, exc
        except StoreError as exc:  # the store's own failure, reported as the file's
            return item, OSError(0, str(exc))

    results: dict[_Item, tuple[str, int] | OSError] = {}
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for item, result in pool.map(one, list(items)):
            results[item] = result
            if on_done:
                on_done(item, result[1] if isinstance(result, tuple) else 0)
    return results


def hash_files(
    paths: Iterable[Path], workers: int = HASH_WORKERS, on_done: Callable[[Path, int], None] | None = None
) -> dict[Path, tuple[str, int] | OSError]:
    """Hash many local files (see _hash_all)."""
    return _hash_all(paths, hash_file, workers, on_done)


def hash_keys(
    store: EvidenceStore, keys: Iterable[str], workers: int = HASH_WORKERS,
    on_done: Callable[[str, int], None] | None = None,
) -> dict[str, tuple[str, int] | OSError]:
    """hash_files for archive keys, wherever the store keeps them."""
    return _hash_all(keys, lambda key: hash_key(store, key), workers, on_done)


# the writer ------------------------------------------------------------------------------------
def writer_active(ws: Workspace) -> bool:
    """True while another process holds the workspace's writer lock (ingest, watch, assign...).

    Do not call this while holding the lock yourself: flock locks belong to an open file, so the
    probe would see your own lock as someone else's.
    """
    lock_path = ws.index_dir / ".writer.lock"
    if not lock_path.exists():
        return False
    fd = os.open(lock_path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


# what the catalogue says -----------------------------------------------------------------------
@dataclass(frozen=True)
class Stored:
    """A file the catalogue says is in the archive: an evidence row or a zip container."""

    id: str
    rel: str
    sha256: str
    size: int
    table: str  # "evidence" or "containers"


@dataclass
class Snapshot:
    """Everything verify needs from the catalogue, read in one transaction (one consistent view)."""

    stored: dict[str, Stored]  # rel path -> what should be there
    rows: dict[str, dict[str, Any]]  # evidence id -> row (no text)
    containers: dict[str, dict[str, Any]]
    journal: list[dict[str, Any]]
    audit_seq: int  # the newest audit entry in this view: later ones belong to later changes
    keyed: bool = False  # the chain is keyed, so every audited row must match its latest entry
    current: dict[tuple[str, str], RowDigest] = field(default_factory=dict)  # audited rows, now
    recorded: dict[tuple[str, str], RowDigest] = field(default_factory=dict)  # as their latest entry says


def read_snapshot(catalogue: Catalogue) -> Snapshot:
    with catalogue.read_transaction():  # WAL gives one consistent view for all reads
        rows = catalogue.evidence.verify_rows()
        containers = catalogue.containers.rows()
        journal = catalogue.journal.rows()
        audit_seq = catalogue.audit_log.newest_seq()
        keyed = catalogue.is_keyed()
        current = catalogue.current_digests() if keyed else {}
        recorded = catalogue.recorded_digests(audit_seq) if keyed else {}
        for item, now in current.items():  # per-field digests only where a row does not match: to name the fields
            was = recorded.get(item)
            if was is not None and was.digest is not None and was.digest != now.digest:
                current[item] = catalogue.row_digest(*item)
    stored: dict[str, Stored] = {}
    for row in rows.values():
        if row["archive_path"]:
            stored[row["archive_path"]] = Stored(row["id"], row["archive_path"], row["sha256"], row["size"], "evidence")
    for row in containers.values():
        stored[row["archive_path"]] = Stored(row["id"], row["archive_path"], row["sha256"], -1, "containers")
    return Snapshot(stored, rows, containers, journal, audit_seq, keyed, current, recorded)


def rel_path(ws: Workspace, path: Path) -> str:
    """A path as the catalogue writes it: relative to the workspace root, with forward slashes."""
    return Path(os.path.relpath(path, ws.root)).as_posix()


def is_litter(name: str) -> bool:
    lower = name.lower()
    return lower in LITTER_NAMES or name.startswith("~$") or name.startswith(".~lock.")


def is_temp(name: str) -> bool:
    """The hidden name filing.copy_durably writes to before its atomic rename."""
    return name.startswith(".") and name.endswith(".part")


def walk_archive(ws: Workspace, store: EvidenceStore | None = None) -> set[str]:
    """Every file under archive/ (relative paths, the store's keys), litter excepted; symlinks are files here."""
    store = store or open_store(ws)
    return {key for key in store.keys(rel_path(ws, ws.archive)) if not is_litter(PurePosixPath(key).name)}


def _name(rel: str) -> str:
    return PurePosixPath(rel).name


def _present(store: EvidenceStore, rel: str) -> bool:
    """Still listed under this key (a dangling symlink on local disk counts: it is reported, not skipped)."""
    try:
        store.size(rel)
    except (OSError, StoreError):
        return False
    return True


# verify ----------------------------------------------------------------------------------------
def verify(
    ws: Workspace,
    catalogue: Catalogue,
    *,
    writer: bool | None = None,
    progress: Callable[[int, int], None] | None = None,
    check_index: bool = True,
    workers: int = HASH_WORKERS,
    anchors: Iterable[Anchor] = (),
) -> Report:
    """Re-hash every archived file and cross-check catalogue, archive, index and audit log.

    `writer` says whether another process may be writing (None: probe the lock). `progress` is
    called as (bytes_done, bytes_total) while hashing. Each of `anchors` (a chain head printed on
    an earlier dossier or export) must still be in the chain with the same hash.
    """
    started = time.perf_counter()
    if writer is None:
        writer = writer_active(ws)
    report = Report()
    if writer:
        report.notes.append("有其他进程正在写入（导入或监视中）：进行中的文件不计为问题")
    snap = read_snapshot(catalogue)
    store = open_store(ws)
    on_disk = walk_archive(ws, store)

    # 1. hash what the catalogue names, and the unknown files too (doctor matches them by content)
    present = [s for rel, s in snap.stored.items() if rel in on_disk]
    unknown = {rel for rel in on_disk if rel not in snap.stored and not is_temp(_name(rel))}
    total = sum(_size(store, s.rel) for s in present) + sum(_size(store, rel) for rel in unknown)
    done = 0

    def tick(_key: str, size: int) -> None:
        nonlocal done
        done += size
        if progress:
            progress(done, total)

    hashed = hash_keys(store, [s.rel for s in present] + sorted(unknown), workers, tick)
    report.files = len(hashed)
    report.bytes = total

    # 2. classify; anything that looks wrong is re-checked against a fresh snapshot below
    suspects_missing = [s for rel, s in snap.stored.items() if rel not in on_disk]
    suspects_modified = []
    for s in present:
        result = hashed[s.rel]
        if isinstance(result, OSError) or result[0] != s.sha256:
            suspects_modified.append((s, result))
    temps = {rel for rel in on_disk if rel not in snap.stored and is_temp(_name(rel))}
    if suspects_missing or suspects_modified or unknown or temps or snap.journal:
        fresh = read_snapshot(catalogue)
    else:
        fresh = snap
    in_flight = _journal_paths(ws, fresh.journal)
    unknown_shas = {rel: r[0] for rel in unknown if isinstance(r := hashed[rel], tuple)}

    missing_rels = set()
    for s in suspects_missing:
        now_row = fresh.stored.get(s.rel)
        if now_row is None and _moved_or_gone(s, fresh):
            continue  # reassigned or removed by a writer since the first snapshot
        if store.exists(s.rel):
            sha = _safe_hash(store, s.rel)
            if sha == s.sha256:
                continue  # committed just after we walked the folder
        missing_rels.add(s.rel)
        moved_to = next((rel for rel, sha in unknown_shas.items() if sha == s.sha256), None)
        where = f"；同样内容的文件在 {moved_to}（可运行 archivist doctor --repair 归位）" if moved_to else ""
        report.findings.append(
            Finding(
                MISSING, f"{_what(s, snap)} 的文件不存在：{s.rel}{where}", s.rel, s.id, s.sha256, None,
                "relink" if moved_to else None,
            )
        )
    for s, result in suspects_modified:
        now = fresh.stored.get(s.rel)
        if now is None or now.id != s.id:
            # moved away by `assign` since the first snapshot (and perhaps another file took its name)
            if now is None or (isinstance(result, tuple) and result[0] == now.sha256):
                continue
            s = now
        if isinstance(result, OSError):
            report.findings.append(
                Finding(
                    MODIFIED, f"{_what(s, snap)} 的文件无法读取（{result.strerror}）：{s.rel}", s.rel, s.id, s.sha256
                )
            )
            continue
        report.findings.append(
            Finding(
                MODIFIED,
                f"{_what(s, snap)} 的文件内容已被修改（SHA-256 不符）：{s.rel}；请从备份恢复（archivist restore）",
                s.rel,
                s.id,
                s.sha256,
                result[0],
            )
        )
    for rel in sorted(unknown):
        if not _present(store, rel):
            continue  # moved or removed by a writer since we walked the folder
        later = fresh.stored.get(rel)
        sha = unknown_shas.get(rel)
        if later is not None and sha == later.sha256:
            continue  # committed while we were hashing
        if rel in in_flight:
            if writer:
                continue
            report.findings.append(
                Finding(
                    INTERRUPTED,
                    f"中断的归档留下的文件：{rel}（运行 archivist doctor --repair 处理）",
                    rel,
                    fix="recover",
                )
            )
            continue
        if sha is None:
            result = hashed[rel]
            reason = result.strerror if isinstance(result, OSError) else "未知原因"
            report.findings.append(Finding(EXTRA, f"目录中没有记录的文件，且无法读取（{reason}）：{rel}", rel))
            continue
        same = _stored_with_sha(fresh, sha)
        if same is not None and same.rel in missing_rels:
            fix = "relink"
            message = f"目录中没有记录的文件：{rel}（即缺失的 {same.rel}，可运行 archivist doctor --repair 归位）"
        elif same is not None:
            message, fix = f"目录中没有记录的文件：{rel}（与 {same.rel} 内容相同，为多余副本）", "remove_copy"
        else:
            message, fix = f"目录中没有记录的文件：{rel}（运行 archivist doctor --repair 收入待分类）", "adopt"
        report.findings.append(Finding(EXTRA, message, rel, None, None, sha, fix))
    for rel in sorted(temps):
        if (rel in in_flight and writer) or not store.exists(rel):
            continue  # still being written, or renamed into place since we walked the folder
        report.findings.append(
            Finding(
                EXTRA,
                f"未完成的临时文件（中断的归档留下的半成品）：{rel}（运行 archivist doctor --repair 清理）",
                rel,
                fix="remove_temp",
            )
        )
    if not writer:
        for entry in fresh.journal:
            report.findings.append(
                Finding(
                    INTERRUPTED,
                    f"未完成的归档操作：{Path(os.fsdecode(entry['dest'])).name}（阶段 {entry['stage']}；"
                    "运行 archivist doctor --repair 完成或回滚）",
                    _maybe_rel(ws, entry["dest"]),
                    entry["evidence_id"],
                    fix="recover",
                )
            )

    report.findings += orphan_rows(fresh)
    report.findings += audit_findings(catalogue, fresh)
    report.findings += anchor_findings(catalogue, anchors)
    if not fresh.keyed and fresh.audit_seq:
        report.notes.append(
            "审计日志尚未启用链密钥（旧版工作区）：下一次写入时自动启用；在此之前，直接修改数据库的记录无法被发现"
        )
    if check_index:
        _check_index(ws, catalogue, report, writer)
    report.seconds = time.perf_counter() - started
    return report


def _size(store: EvidenceStore, rel: str) -> int:
    try:
        return store.size(rel)  # on local disk a symlink's own size: its target is never read
    except (OSError, StoreError):
        return 0


def _safe_hash(store: EvidenceStore, rel: str) -> str | None:
    try:
        return hash_key(store, rel)[0]
    except (OSError, StoreError):
        return None


def _what(s: Stored, snap: Snapshot) -> str:
    if s.table == "containers":
        name = snap.containers.get(s.id, {}).get("original_name", "")
        return f"压缩包原件 {s.id}（{name}）"
    name = snap.rows.get(s.id, {}).get("original_name", "")
    return f"材料 {s.id}（{name}）"


def _moved_or_gone(s: Stored, fresh: Snapshot) -> bool:
    if s.table == "containers":
        row = fresh.containers.get(s.id)
        return row is None or row["archive_path"] != s.rel
    row = fresh.rows.get(s.id)
    return row is None or row["archive_path"] != s.rel


def _stored_with_sha(snap: Snapshot, sha: str) -> Stored | None:
    for s in snap.stored.values():
        if s.sha256 == sha:
            return s
    return None


def _maybe_rel(ws: Workspace, path: str | bytes) -> str:
    """Workspace-relative form of a journal path (stored as bytes since names may be undecodable)."""
    text = os.fsdecode(path)
    try:
        return rel_path(ws, Path(text))
    except ValueError:
        return text


def _journal_paths(ws: Workspace, journal: list[dict[str, Any]]) -> set[str]:
    """Files that a journaled move is writing or has just written (not yet, or just, committed)."""
    paths = set()
    for entry in journal:
        for key in ("temp", "dest", "source"):
            paths.add(_maybe_rel(ws, entry[key]))
    return paths


def orphan_rows(snap: Snapshot) -> list[Finding]:
    """Rows that point at bytes nothing holds: a duplicate whose original is gone, a filed or
    unsorted record without a file, a zip member whose container record is gone."""
    found = []
    for row in snap.rows.values():
        if row["status"] == DUPLICATE:
            original = snap.rows.get(row["duplicate_of"] or "")
            if original is None or not original["archive_path"]:
                found.append(
                    Finding(
                        ORPHAN_ROW,
                        f"重复记录 {row['id']}（{row['original_name']}）指向的原件 {row['duplicate_of']} 不存在",
                        None,
                        row["id"],
                        row["sha256"],
                    )
                )
            elif original["sha256"] != row["sha256"]:
                found.append(
                    Finding(
                        ORPHAN_ROW,
                        f"重复记录 {row['id']} 与其原件 {original['id']} 的 SHA-256 不同：记录不一致",
                        None,
                        row["id"],
                        row["sha256"],
                    )
                )
        elif row["status"] in (FILED, UNSORTED) and not row["archive_path"]:
            found.append(
                Finding(
                    ORPHAN_ROW,
                    f"材料 {row['id']}（{row['original_name']}）状态为"
                    f"{'已归档' if row['status'] == FILED else '待分类'}，但没有归档文件",
                    None,
                    row["id"],
                    row["sha256"],
                )
            )
        provenance = _json(row.get("provenance"))
        container_id = provenance.get("container_id") if isinstance(provenance, dict) else None
        if container_id and container_id not in snap.containers:
            found.append(
                Finding(
                    ORPHAN_ROW,
                    f"材料 {row['id']} 来自压缩包 {provenance.get('container')}，但该压缩包原件的记录不存在",
                    None,
                    row["id"],
                )
            )
    return found


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


FIELD_LABELS = {
    "status": "状态", "indicator": "指标", "doc_date": "成文日期", "title": "题名", "unit": "责任者",
    "sha256": "SHA-256", "size": "大小", "archive_path": "归档位置", "original_name": "原文件名",
    "doc_number": "文号", "links": "互见指标", "duplicate_of": "原件", "text": "正文", "points": "分值",
    "note": "说明", "evidence": "佐证材料", "closed_at": "销号日期", "close_note": "销号说明",
    "close_evidence": "销号佐证", "deadline": "整改时限", "description": "问题描述", "measures": "整改措施",
}


def audit_findings(catalogue: Catalogue, snap: Snapshot) -> list[Finding]:
    """The hash chain (edited, deleted, reordered, unsigned entries, a cut-off end) and each record
    against its history.

    With a keyed chain every audited row (evidence, containers, scores, problems and any table
    registered later) must match the digest its latest entry recorded: a row inserted, edited or
    deleted in SQLite directly shows, and so does a file swapped together with its sha256. An
    unkeyed (old) chain only allows the weaker check of place and indicator against the entries.
    """
    found = [Finding(AUDIT, problem) for problem in catalogue.verify_audit()]
    if snap.keyed:
        return found + row_findings(snap)
    return found + _legacy_history_findings(catalogue, snap)


def _row_name(snap: Snapshot, table: str, key: str) -> str:
    label = TABLE_LABELS.get(table, table)
    if table == "evidence" and key in snap.rows:
        return f"{label} {key}（{snap.rows[key]['original_name']}）"
    if table == "self_scores":
        return f"指标 {key} 的{label}"
    if table == "problems":
        return f"{label} #{key}"
    return f"{label} {key}"


def row_findings(snap: Snapshot) -> list[Finding]:
    """Every audited row against the digest its latest audit entry recorded."""
    found = []
    for (table, key), now in sorted(snap.current.items()):
        path = snap.rows.get(key, {}).get("archive_path") if table == "evidence" else None
        was = snap.recorded.get((table, key))
        if was is None or was.digest is None:
            found.append(
                Finding(
                    AUDIT,
                    f"{_row_name(snap, table, key)} 没有任何审计记录：可能被绕过系统直接写入数据库，或日志末尾被截去",
                    path, key,
                )
            )
        elif was.digest != now.digest:
            fields = "、".join(FIELD_LABELS.get(f, f) for f in changed_fields(was, now)) or "内容"
            found.append(
                Finding(
                    AUDIT,
                    f"{_row_name(snap, table, key)} 与审计日志不一致（被改动：{fields}）：记录被绕过系统修改",
                    path, key,
                )
            )
    for (table, key), was in sorted(snap.recorded.items()):
        if was.digest is not None and (table, key) not in snap.current:
            label = TABLE_LABELS.get(table, table)
            found.append(
                Finding(
                    AUDIT,
                    f"审计日志记载的{label} {key} 已不在目录数据库中：记录被绕过系统删除（可从备份恢复）",
                    None, key,
                )
            )
    return found


def anchor_findings(catalogue: Catalogue, anchors: Iterable[Anchor]) -> list[Finding]:
    """Each anchor (seq:hash printed on an earlier dossier or export) must still be in the chain."""
    found = []
    for anchor in anchors:
        held = catalogue.audit_log.hash_of(anchor.seq)
        if held is None:
            message = f"锚点 {anchor} 对应的审计日志第 {anchor.seq} 条已不存在：日志在出具该锚点后被截去或重建"
            found.append(Finding(AUDIT, message))
        elif not held.startswith(anchor.hash):
            found.append(
                Finding(AUDIT, f"审计日志第 {anchor.seq} 条的哈希（{held[:len(anchor.hash)]}）与锚点 {anchor} 不符："
                               "日志在出具该锚点后被改写")
            )
    return found


def _legacy_history_findings(catalogue: Catalogue, snap: Snapshot) -> list[Finding]:
    """Unkeyed chain: every record has an entry, and its place and indicator are the latest ones."""
    found: list[Finding] = []
    history: dict[str, dict[str, Any]] = {}
    for entry in catalogue.audit_entries():
        evidence_id = entry["evidence_id"]
        if not evidence_id or entry["seq"] > snap.audit_seq:
            continue  # not about a record, or about a change made after the snapshot
        state = history.setdefault(evidence_id, {"seen": True})
        detail = _json(entry["detail"])
        if not isinstance(detail, dict):
            continue
        if "to_path" in detail:
            state["path"] = detail["to_path"]
        elif "path" in detail:
            state["path"] = detail["path"]
        if entry["action"] in ("reassigned", "assigned") and "to" in detail:
            state["indicator"] = detail["to"]
        elif "indicator" in detail and entry["action"] in (FILED, UNSORTED, "quarantined"):
            state["indicator"] = detail["indicator"]
    for row in snap.rows.values():
        state = history.get(row["id"])
        if state is None:
            found.append(
                Finding(
                    AUDIT,
                    f"材料 {row['id']}（{row['original_name']}）没有任何审计记录："
                    "可能被绕过系统直接写入，或日志末尾被截去",
                    row["archive_path"],
                    row["id"],
                )
            )
            continue
        if "path" in state and state["path"] != row["archive_path"]:
            found.append(
                Finding(
                    AUDIT,
                    f"材料 {row['id']} 的归档位置与审计日志不一致"
                    f"（日志：{state['path']}，目录：{row['archive_path']}）：记录可能被绕过系统修改",
                    row["archive_path"],
                    row["id"],
                )
            )
        if "indicator" in state and row["status"] == FILED and state["indicator"] != row["indicator"]:
            found.append(
                Finding(
                    AUDIT,
                    f"材料 {row['id']} 的指标与审计日志不一致（日志：{state['indicator']}，目录：{row['indicator']}）："
                    "记录可能被绕过系统修改",
                    row["archive_path"],
                    row["id"],
                )
            )
    for container in snap.containers.values():
        if container["id"] not in history:
            found.append(
                Finding(
                    AUDIT,
                    f"压缩包原件 {container['id']}（{container['original_name']}）没有审计记录",
                    container["archive_path"],
                    container["id"],
                )
            )
    return found


def _check_index(ws: Workspace, catalogue: Catalogue, report: Report, writer: bool) -> None:
    """Ids in the search index against non-duplicate catalogue rows (reading only; no repair)."""
    try:
        from . import search
    except ImportError as exc:
        report.notes.append(f"检索模块不可用（{exc}），跳过索引核对")
        return
    for attempt in range(3):
        expected, pending = _indexable(catalogue)
        if not ws.whoosh_dir.exists() and not expected:
            return  # nothing filed yet, nothing to index
        index = search.open_search(ws)
        try:
            if not _quietly(index.is_healthy):
                if writer:
                    # the writer builds the index at the end of its batch and rebuilds an unhealthy one
                    # itself (search.sync_index): not yet a problem
                    report.notes.append("检索索引尚未建立或正在重建（写入进行中），本次未核对索引")
                    return
                report.findings.append(
                    Finding(
                        INDEX_MISSING, "检索索引缺失或已损坏：运行 archivist doctor --repair 从目录重建", fix="reindex"
                    )
                )
                return
            ids = _index_ids(index)
        finally:
            index.close()
        if ids is None:
            report.findings.append(
                Finding(INDEX_MISSING, "检索索引无法读取：运行 archivist doctor --repair 从目录重建", fix="reindex")
            )
            return
        missing = expected - ids
        extra = ids - expected
        if writer:
            missing -= pending  # committed, not yet indexed: the writer indexes at the end of its batch
        if (missing or extra) and writer and attempt < 2:
            time.sleep(0.5)  # a writer is mid-batch: look again before calling it a problem
            continue
        for evidence_id in sorted(missing):
            report.findings.append(
                Finding(
                    INDEX_MISSING,
                    f"材料 {evidence_id} 不在检索索引中（搜不到）：运行 archivist doctor --repair",
                    None,
                    evidence_id,
                    fix="reindex",
                )
            )
        for evidence_id in sorted(extra):
            report.findings.append(
                Finding(
                    INDEX_EXTRA,
                    f"检索索引中有目录里不存在的材料 {evidence_id}：运行 archivist doctor --repair",
                    None,
                    evidence_id,
                    fix="reindex",
                )
            )
        return


def _index_ids(index: Any) -> set[str] | None:
    """The ids in the index; None when it cannot be read. An index with no documents at all is
    empty, not broken (Whoosh's empty reader has no id column to list)."""
    try:
        return set(index.ids())
    except Exception:  # noqa: BLE001 - any failure to list means "rebuild", unless it is simply empty
        try:
            return set() if index.doc_count() == 0 else None
        except Exception:  # noqa: BLE001
            return None


def _quietly(probe: Callable[[], bool]) -> bool:
    """Run a search-index probe without its English log warnings: verify reports in Chinese itself."""
    logger = logging.getLogger("archivist.search")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        return probe()
    finally:
        logger.setLevel(level)


def _indexable(catalogue: Catalogue) -> tuple[set[str], set[str]]:
    return catalogue.index_state.indexable_and_pending()


# doctor ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Action:
    """One thing doctor did (or, without --repair, would do), in one Chinese line."""

    kind: str
    message: str
    path: str | None = None
    id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DoctorResult:
    actions: list[Action]
    before: Report
    after: Report

    @property
    def ok(self) -> bool:
        return self.after.ok

    def to_json(self, repair: bool) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "repair": repair,
            "actions": [a.to_json() for a in self.actions],
            "findings": [f.to_json() for f in self.after.findings],
            "notes": self.after.notes,
        }


def doctor(
    ws: Workspace,
    catalogue: Catalogue,
    repair: bool,
    progress: Callable[[int, int], None] | None = None,
) -> DoctorResult:
    """Diagnose, and with `repair` fix what can be fixed safely. Hold the writer lock when repairing."""
    from .intake.session import IntakeSession

    actions: list[Action] = []
    if not repair:
        report = verify(ws, catalogue, progress=progress)
        return DoctorResult(_planned(report), report, report)
    # the writer session's recovery step; the caller holds the lock (it may have had to rebuild the catalogue)
    IntakeSession(ws, catalogue, on_recovered=lambda line: actions.append(Action("recovered", line))).recover()
    before = verify(ws, catalogue, writer=False, progress=progress)
    actions += _repair_files(ws, catalogue, before)
    if any(f.kind in (INDEX_MISSING, INDEX_EXTRA) for f in before.findings) or actions:
        actions += _repair_index(ws, catalogue, before)
    after = verify(ws, catalogue, writer=False)
    for f in after.findings:
        actions.append(Action("unrepaired", f"无法自动修复：{f.message}", f.path, f.id))
    return DoctorResult(actions, before, after)


def _planned(report: Report) -> list[Action]:
    """Without --repair: what a repair would do with each finding."""
    manual = {
        MODIFIED: "需人工处理：从备份恢复原文件（archivist restore）",
        AUDIT: "需人工处理：审计日志是证据，不会被改写",
    }
    actions = []
    for f in report.findings:
        plan = f"--repair 将{FIXES[f.fix]}" if f.fix else manual.get(f.kind, "需人工处理（可从备份恢复）")
        actions.append(Action("found", f"{f.message} → {plan}", f.path, f.id))
    return actions


def _repair_files(ws: Workspace, catalogue: Catalogue, report: Report) -> list[Action]:
    from .intake.pipeline import crash_point

    actions: list[Action] = []
    missing_by_sha: dict[str, Finding] = {f.expected: f for f in report.findings if f.kind == MISSING and f.expected}
    pipeline = None
    store = open_store(ws)
    for f in report.findings:
        if f.kind not in (EXTRA, INTERRUPTED) or not f.path:
            continue
        path = ws.absolute(f.path)
        if not _present(store, f.path):
            continue
        if is_temp(path.name):
            # a .part file is never the only copy: the source stays until the commit, and recover()
            # has already closed every journal entry that could have owned this one
            store.delete(f.path)
            actions.append(Action("removed_temp", f"已清除中断归档留下的临时文件：{f.path}", f.path))
            continue
        if path.is_symlink():  # only the local disk has symlinks
            actions.append(Action("skipped", f"未处理符号链接：{f.path}（请人工核查后删除）", f.path))
            continue
        sha = f.actual or _safe_hash(store, f.path)
        if sha is None:
            actions.append(Action("skipped", f"无法读取，未处理：{f.path}", f.path))
            continue
        target = missing_by_sha.pop(sha, None)
        if target is not None and target.path and target.id:
            _relink(ws, catalogue, path, ws.absolute(target.path), target.id)
            crash_point("doctor_after_relink")
            message = f"已归位：{f.path} → {target.path}（内容与目录记录一致）"
            actions.append(Action("relinked", message, target.path, target.id))
            continue
        same = _verified_copy(ws, catalogue, sha, exclude=f.path)
        if same is not None:
            with catalogue.transaction():
                store.delete(f.path)
                catalogue.audit("redundant_removed", same[0], {"removed": f.path, "sha256": sha, "kept": same[1]})
            actions.append(Action("removed_copy", f"已删除多余副本：{f.path}（原件 {same[1]} 完好）", f.path, same[0]))
            continue
        if pipeline is None:
            from .intake.pipeline import Pipeline

            pipeline = Pipeline(ws, catalogue)
        with store.local_path(f.path) as local:  # the file itself on local disk, a copy from S3
            action = adopt(ws, catalogue, pipeline, local, f.path)
        if action.kind == "adopted" and store.exists(f.path):
            store.delete(f.path)  # filed under its new name (on local disk the pipeline moved it already)
        actions.append(action)
    return actions


def _verified_copy(ws: Workspace, catalogue: Catalogue, sha: str, exclude: str) -> tuple[str, str] | None:
    """(id, path) of a catalogued file with these bytes, re-hashed now: only then is a copy redundant."""
    for evidence_id, rel in catalogue.evidence.files_with_sha(sha):
        if rel != exclude and _safe_hash(open_store(ws), rel) == sha:
            return evidence_id, rel
    return None


def _relink(ws: Workspace, catalogue: Catalogue, found: Path, expected: Path, evidence_id: str) -> None:
    """Move a misplaced file back to where the catalogue says it is, journaled like `assign`:
    a crash between the move and the commit is rolled back by recover() (stage 'moving')."""
    from .intake.pipeline import crash_point

    with catalogue.transaction():
        journal_id = catalogue.journal.open_move(evidence_id, found, expected)
    open_store(ws).move(rel_path(ws, found), rel_path(ws, expected))
    crash_point("doctor_before_relink_commit")
    with catalogue.transaction():
        catalogue.audit("relinked", evidence_id, {"from": rel_path(ws, found), "path": rel_path(ws, expected)})
        catalogue.journal.close(journal_id)


ADOPTED_REASON = "doctor 在归档目录中发现的无主文件，已收入待分类：请核对来源后用 archivist assign 归档"


def adopt(ws: Workspace, catalogue: Catalogue, pipeline: Any, path: Path, rel: str | None = None) -> Action:
    """Take an orphan file into the catalogue as 待分类 (never straight to an indicator: nobody
    knows where it came from), through the pipeline's own stages so that it is read, described,
    searchable, has suggestions, and is moved with the journaled copy → commit → remove source.

    `path` is a local file with its bytes; `rel`, its archive key when `path` is a copy of it."""
    from .intake.identify import identify
    from .intake.pipeline import Intake
    from .model import Extraction, ExtractionError

    rel = rel or rel_path(ws, path)
    archive_rel = Path(os.path.relpath(ws.absolute(rel).parent, ws.archive)).parts
    intake = Intake(
        source=path,
        original_name=path.name,
        folders=[p for p in archive_rel if p not in (".", "")],
        remove_source=True,
        provenance={"adopted_from": rel, "by": "doctor"},
    )
    problem = pipeline.receive(intake)
    if problem is not None:
        return Action("skipped", f"无法读取，未收入：{rel}（{problem.reason}）", rel)
    intake.file_type = identify(path)
    try:
        if intake.file_type == "zip":
            intake.extraction = Extraction("zip")  # kept as one file; not unpacked behind the user's back
        else:
            intake.extraction = pipeline.extract(intake)
    except ExtractionError as exc:
        record = pipeline.quarantine(intake, exc)
        _audit_adopted(catalogue, record, rel)
        message = f"已收入隔离区：{rel} → {record.get('archive_path')}（{exc.reason}）"
        return Action("adopted", message, rel, record.get("id"))
    except Exception as exc:  # noqa: BLE001 - a failing extractor must not stop the repair
        error = ExtractionError(f"读取时出错（{type(exc).__name__}: {exc}）", "请人工核查此文件")
        record = pipeline.quarantine(intake, error)
        _audit_adopted(catalogue, record, rel)
        return Action("adopted", f"已收入隔离区：{rel} → {record.get('archive_path')}", rel, record.get("id"))
    pipeline.describe(intake)
    pipeline.classify(intake)
    intake.record.update(status=UNSORTED, indicator=None, links=None, reason=ADOPTED_REASON)
    record = pipeline.file(intake)
    _audit_adopted(catalogue, record, rel)
    return Action("adopted", f"已收入待分类：{rel} → {record.get('archive_path')}", rel, record.get("id"))


def _audit_adopted(catalogue: Catalogue, record: dict[str, Any], rel: str) -> None:
    with catalogue.transaction():
        catalogue.audit("adopted", record.get("id"), {"from": rel, "path": record.get("archive_path")})


def _repair_index(ws: Workspace, catalogue: Catalogue, report: Report) -> list[Action]:
    """Rebuild a missing or corrupt index; re-index rows it lacks and drop entries it should not have."""
    try:
        from . import search
    except ImportError:
        return []
    index = search.open_search(ws)
    try:
        healthy = _quietly(index.is_healthy)
    finally:
        index.close()
    if not healthy:
        return _rebuild_index(ws, catalogue)
    missing = [f.id for f in report.findings if f.kind == INDEX_MISSING and f.id]
    if missing:
        with catalogue.transaction():
            catalogue.index_state.mark_pending(missing)
    try:
        count = search.sync_index(ws, catalogue)
    except Exception:  # noqa: BLE001 - an index that cannot be updated in place is rebuilt whole
        return _rebuild_index(ws, catalogue)
    extra = [f.id for f in report.findings if f.kind == INDEX_EXTRA]
    if not missing and not extra and not count:
        return []
    return [Action("reindexed", f"已同步检索索引：补入 {count} 件，移除 {len(extra)} 条多余记录")]


def _rebuild_index(ws: Workspace, catalogue: Catalogue) -> list[Action]:
    from . import search

    try:
        count = search.rebuild_from_catalogue(ws, catalogue)
    except Exception as exc:  # noqa: BLE001 - derived data: report it, the archive itself is fine
        return [Action("unrepaired", f"检索索引重建失败（{type(exc).__name__}: {exc}）：目录和文件不受影响")]
    return [Action("reindexed", f"已从目录重建检索索引（{count} 件材料）")]
