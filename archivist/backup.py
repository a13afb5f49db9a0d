"""Backup and restore: a consistent snapshot of a workspace, safe to take while `watch` is running.

Consistency comes from two facts. SQLite's online backup API copies the catalogue as of one moment
(in one step, so a concurrent writer cannot make it restart or mix states). And archived files are
immutable once committed — the pipeline renames a fully written, fsynced file into place before
the row that names it commits — so copying exactly the files that the *snapshot* names gives the
archive as of that same moment, whatever is being ingested meanwhile. Each file is hashed as it is
copied and must match the snapshot's sha256, so a backup never silently carries a damaged file.

Layout of the tar (plain, or gzip when the name ends .gz/.tgz):
    archivist-backup/manifest.json          format, time, workspace, the catalogue's and every file's sha256
    archivist-backup/archivist.toml         the workspace settings
    archivist-backup/<index>/catalogue.sqlite3
    archivist-backup/archive/...            every file the catalogue names, at its catalogue path
    archivist-backup/<index>/submissions/...  every version units submitted (pending, returned, accepted)
    archivist-backup/frameworks/...         the workspace's own frameworks, if any
    archivist-backup/chain.key              only with --with-key: the audit chain key
The search index is derived and is not backed up; restore rebuilds it.

The audit chain key lives outside the workspace (archivist/auditchain.py) and is left out by
default: a backup that travels (a USB stick, a cloud folder) must not carry what it takes to forge
the history it proves. `backup --with-key` includes it for a move to another machine; restore then
installs it in that machine's key folder.

Restore writes into a new directory beside the target, checks every file against the restored
catalogue (and the manifest), and only then renames it into place: on any mismatch nothing is left.

A workspace whose archive is in an S3 bucket (archivist.toml `[storage] backend = "s3"`) backs up
the same way: each object is streamed through the EvidenceStore into the tar, hashed as it goes,
so the backup holds the bucket's files and is restorable on any machine. Restore checks everything
in the staging folder first, exactly as for local disk; then, because the restored archivist.toml
says the archive lives in the bucket, it puts each archive file back through the store (the bucket
and prefix of that toml) and keeps no local copy. An object already there with the same bytes is
left alone (restoring after a partial loss); one with different bytes is never overwritten: the
restore is refused and every object it had uploaded is removed again. Quarantined files
(archive/_隔离) stay on local disk on every backend, so they are restored as files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path, PurePosixPath
from typing import IO, Any

from .catalogue import files as catalogue_files
from .leftovers import RESTORING, owned_mkdtemp, remove_stale_dirs
from .storage import EvidenceStore, IntegrityMismatch, StoreError, folder_key, open_store
from .workspace import CONFIG_NAME, Workspace

FORMAT = 1
PREFIX = "archivist-backup"
KEY_MEMBER = "chain.key"
CHUNK = 4 * 1024 * 1024


class BackupError(Exception):
    """A backup or restore cannot be made safely; the message says which file and what to do."""


Progress = Callable[[int, int], None] | None


# backup ----------------------------------------------------------------------------------------
def snapshot_catalogue(ws: Workspace, target: Path) -> dict[str, str]:
    """Copy the live catalogue into `target` with SQLite's online backup API, in one step.

    Returns {evidence id: destination} of `assign` moves in flight at that moment, so that a file
    moved after the snapshot can still be found.
    """
    if ws.catalogue_config.is_postgresql:
        raise BackupError(
            f"本工作区的目录在 PostgreSQL（schema {ws.catalogue_config.schema}）："
            "archivist backup 只备份本机 SQLite 目录；"
            f"请用 pg_dump -n {ws.catalogue_config.schema} 备份目录，归档文件按存储方式另行备份"
        )
    if not ws.catalogue_path.exists():
        raise BackupError(f"找不到目录数据库 {ws.catalogue_path}：这不是一个已初始化的工作区")
    return catalogue_files.copy_consistent(ws.catalogue_path, target)


def named_files(db_path: Path) -> list[dict[str, Any]]:
    """Every file the catalogue names: evidence rows with an archive path, zip containers, and every
    version a unit submitted (held under index/submissions/ until review; kept after it), so that the
    restored office still has its 待审核 queue and the bytes each returned version replaced."""
    return [asdict(f) for f in catalogue_files.named_files(db_path)]


def _current_path(ws: Workspace, evidence_id: str) -> str | None:
    """Where a file is now, if `assign` moved it after the snapshot was taken."""
    return catalogue_files.archive_path_of(ws.catalogue_path, evidence_id)


class _HashingReader:
    """A file object for tarfile.addfile that hashes what it hands over."""

    def __init__(self, fh: IO[bytes], on_bytes: Callable[[int], None]) -> None:
        self.fh = fh
        self.digest = hashlib.sha256()
        self.on_bytes = on_bytes

    def read(self, size: int = -1) -> bytes:
        data = self.fh.read(size)
        while 0 < len(data) < size:  # a network stream may answer short of `size` before its end
            more = self.fh.read(size - len(data))
            if not more:
                break
            data += more
        self.digest.update(data)
        self.on_bytes(len(data))
        return data


def _workspace_id(db_path: Path) -> str:
    return catalogue_files.workspace_id_of(db_path)


def make_backup(ws: Workspace, out: Path, progress: Progress = None, with_key: bool = False) -> dict[str, Any]:
    """Write a backup of `ws` to `out` (atomically: a half-written backup never has the final name).
    `with_key` adds the audit chain key (needed to verify and extend the chain on another machine)."""
    from . import auditchain

    out = out.resolve()
    if out.is_relative_to(ws.archive.resolve()):
        raise BackupError(f"备份文件不能放在归档目录 {ws.archive} 内：请换一个位置")
    out.parent.mkdir(parents=True, exist_ok=True)
    mode = "w:gz" if out.name.endswith((".gz", ".tgz")) else "w"
    partial = out.with_name(f".{out.name}.partial")
    with tempfile.TemporaryDirectory(prefix="archivist-backup-") as tmp:
        db_copy = Path(tmp) / "catalogue.sqlite3"
        moving = snapshot_catalogue(ws, db_copy)
        files = named_files(db_copy)
        records = _row_count(db_copy)
        workspace_id = _workspace_id(db_copy)
        key = auditchain.load_key(workspace_id) if with_key and workspace_id else None
        if with_key and key is None:
            raise BackupError(
                f"本机没有该工作区的链密钥（{auditchain.key_path(workspace_id or '?')}），无法按 --with-key 备份"
            )
        store = open_store(ws)
        remote = {f["path"] for f in files if _in_store(ws, store, f["path"])}
        sizes = {}
        for f in files:
            try:
                if f["path"] in remote:
                    sizes[f["path"]] = store.size(f["path"])
                else:
                    sizes[f["path"]] = ws.absolute(f["path"]).stat().st_size
            except (OSError, StoreError):
                sizes[f["path"]] = 0
        total = sum(sizes.values())
        done = 0

        def tick(n: int) -> None:
            nonlocal done
            done += n
            if progress:
                progress(done, total)

        catalogue_rel = _rel(ws, ws.catalogue_path)
        manifest = {
            "format": FORMAT,
            "created_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "workspace": str(ws.root),
            "county": ws.config.county,
            "catalogue": {"path": catalogue_rel, "sha256": _sha256(db_copy)},
            "workspace_id": workspace_id,
            "chain_key": key is not None,
            "files": files,
        }
        try:
            with tarfile.open(partial, mode, format=tarfile.PAX_FORMAT) as tar:
                _add_bytes(tar, "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
                tar.add(ws.root / CONFIG_NAME, f"{PREFIX}/{CONFIG_NAME}", recursive=False)
                tar.add(db_copy, f"{PREFIX}/{catalogue_rel}", recursive=False)
                if key is not None:
                    key_json = {"workspace_id": workspace_id, "key": key.hex()}
                    _add_bytes(tar, KEY_MEMBER, json.dumps(key_json).encode("ascii"), mode=0o600)
                frameworks = ws.root / "frameworks"
                if frameworks.is_dir():
                    for path in sorted(frameworks.rglob("*")):
                        if path.is_file() and not path.is_symlink():
                            tar.add(path, f"{PREFIX}/{_rel(ws, path)}", recursive=False)
                for f in files:
                    if f["path"] in remote:
                        _add_stored(ws, store, tar, f, tick, moving.get(f["id"]))
                    else:
                        _add_archived(ws, tar, f, tick, moving.get(f["id"]))
            with open(partial, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(partial, out)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return {"out": str(out), "files": len(files), "bytes": total, "records": records, "with_key": key is not None}


def _add_archived(
    ws: Workspace, tar: tarfile.TarFile, entry: dict[str, Any], tick: Callable[[int], None], moving_to: str | None
) -> None:
    rel = entry["path"]
    path = ws.absolute(rel)
    if not path.is_file():
        # reassigned during or since the snapshot: the same bytes (checked below) in a new place
        candidates = [Path(moving_to)] if moving_to else []
        if moved := _current_path(ws, entry["id"]):
            candidates.append(ws.absolute(moved))
        found = next((c for c in candidates if c.is_file()), None)
        if found is not None:
            path = found
        else:
            raise BackupError(f"归档文件缺失：{rel}（材料 {entry['id']}）。请先运行 archivist verify 查明原因，再备份")
    info = tar.gettarinfo(str(path), f"{PREFIX}/{rel}")
    if not info.isfile():
        raise BackupError(f"归档文件不是普通文件：{rel}。请先运行 archivist verify")
    with open(path, "rb") as fh:
        reader = _HashingReader(fh, tick)
        tar.addfile(info, reader)  # type: ignore[arg-type]
    if reader.digest.hexdigest() != entry["sha256"]:
        raise BackupError(
            f"归档文件与目录记录不符（SHA-256 不同）：{rel}。备份已中止，请先运行 archivist verify 查明原因"
        )


def _in_store(ws: Workspace, store: EvidenceStore, rel: str) -> bool:
    """True for an archive file the store keeps off this disk (an S3 object); submissions under
    index/ and quarantined files are always local files."""
    return rel.startswith(folder_key(_rel(ws, ws.archive))) and not store.is_local(rel)


def _add_stored(
    ws: Workspace, store: EvidenceStore, tar: tarfile.TarFile, entry: dict[str, Any], tick: Callable[[int], None],
    moving_to: str | None,
) -> None:
    """An archive file held by a remote store, streamed into the tar at its catalogue path and
    hashed as it goes: one download, nothing written to local disk."""
    rel = entry["path"]
    key: str | None = rel
    try:
        if not store.exists(rel):
            # reassigned during or since the snapshot: the same bytes (checked below) under a new key
            candidates = [_rel(ws, Path(moving_to))] if moving_to else []
            if moved := _current_path(ws, entry["id"]):
                candidates.append(moved)
            key = next((c for c in candidates if store.exists(c)), None)
            if key is None:
                raise BackupError(
                    f"归档文件缺失：{rel}（材料 {entry['id']}）。请先运行 archivist verify 查明原因，再备份"
                )
        info = tarfile.TarInfo(f"{PREFIX}/{rel}")
        info.size = store.size(key)
        info.mtime = int(dt.datetime.now().timestamp())
        info.mode = 0o644
        with store.open(key) as fh:
            reader = _HashingReader(fh, tick)
            tar.addfile(info, reader)  # type: ignore[arg-type]
    except StoreError as exc:
        raise BackupError(f"备份已中止：{exc}") from exc
    if reader.digest.hexdigest() != entry["sha256"]:
        raise BackupError(
            f"归档文件与目录记录不符（SHA-256 不同）：{rel}。备份已中止，请先运行 archivist verify 查明原因"
        )


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes, mode: int = 0o644) -> None:
    import io

    info = tarfile.TarInfo(f"{PREFIX}/{name}")
    info.size = len(data)
    info.mtime = int(dt.datetime.now().timestamp())
    info.mode = mode
    tar.addfile(info, io.BytesIO(data))


def _rel(ws: Workspace, path: Path) -> str:
    return Path(os.path.relpath(path, ws.root)).as_posix()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# restore ---------------------------------------------------------------------------------------
def _member_rel(name: str) -> str | None:
    """The workspace-relative path of a tar member, or None if it would escape the target."""
    parts = PurePosixPath(name).parts
    if len(parts) < 2 or parts[0] != PREFIX:
        return None
    rest = parts[1:]
    if any(p in ("", ".", "..") or "\\" in p or ":" in p for p in rest):
        return None
    return "/".join(rest)


def restore_backup(backup_file: Path, to: Path, progress: Progress = None) -> dict[str, Any]:
    """Restore `backup_file` into the new directory `to`, refusing on any hash mismatch."""
    to = to.resolve()
    if to.exists() and (not to.is_dir() or any(to.iterdir())):
        raise BackupError(f"目标目录 {to} 已存在且不为空：请指定一个新目录，恢复不会覆盖已有文件")
    if not backup_file.is_file():
        raise BackupError(f"找不到备份文件 {backup_file}")
    to.parent.mkdir(parents=True, exist_ok=True)
    # a restore killed earlier left its staging copy (named with its pid): removed before this one starts
    cleaned = [f"已清理中断的恢复留下的临时目录 {p.name}" for p in remove_stale_dirs(to.parent, RESTORING)]
    staging = owned_mkdtemp(f".{to.name}.restoring-", to.parent)
    uploaded: list[str] = []
    store: EvidenceStore | None = None
    try:
        summary = _restore_into(backup_file, staging, progress)
        _check_settings(staging)
        store = open_store(Workspace(staging))
        summary["notes"] += _put_back(staging, store, uploaded)
        if to.exists():
            to.rmdir()  # empty (checked above)
        os.replace(staging, to)
    except BaseException:
        _take_back(store, uploaded)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    summary["to"] = str(to)
    summary["notes"] += cleaned + _after_restore(to)
    return summary


def _restore_into(backup_file: Path, root: Path, progress: Progress) -> dict[str, Any]:
    try:
        tar = tarfile.open(backup_file, "r:*")
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(f"{backup_file} 不是有效的备份文件（{exc}）") from exc
    with tar:
        members = {}
        for member in tar.getmembers():
            if member.isdir():
                continue
            rel = _member_rel(member.name)
            if rel is None or not member.isfile():
                raise BackupError(f"备份中有不安全的条目 {member.name!r}（路径越界、链接或设备文件）：已拒绝恢复")
            if rel in members:
                raise BackupError(f"备份中的条目重复：{rel}：已拒绝恢复")
            members[rel] = member
        if "manifest.json" not in members or CONFIG_NAME not in members:
            raise BackupError(f"{backup_file} 缺少 manifest.json 或 {CONFIG_NAME}：不是 archivist 备份")
        manifest = json.loads(_read_member(tar, members["manifest.json"]))
        if manifest.get("format") != FORMAT:
            raise BackupError(f"备份格式 {manifest.get('format')} 不受支持（本程序支持 {FORMAT}）")
        catalogue_rel = manifest["catalogue"]["path"]
        if catalogue_rel not in members:
            raise BackupError(f"备份中缺少目录数据库 {catalogue_rel}：已拒绝恢复")

        # the catalogue first: it says what every other file must be
        db_path = root / catalogue_rel
        digest = _extract(tar, members[catalogue_rel], db_path, lambda n: None)
        if digest != manifest["catalogue"]["sha256"]:
            raise BackupError("备份中的目录数据库与清单记录的 SHA-256 不符：备份已损坏或被改动，已拒绝恢复")
        try:
            expected = {f["path"]: f for f in named_files(db_path)}
        except sqlite3.Error as exc:
            raise BackupError(f"备份中的目录数据库无法读取（{exc}）：已拒绝恢复") from exc
        listed = {f["path"]: f["sha256"] for f in manifest["files"]}
        if set(listed) != set(expected) or any(listed[p] != expected[p]["sha256"] for p in listed):
            raise BackupError("备份清单与其中的目录数据库不一致：备份已损坏或被改动，已拒绝恢复")

        absent = sorted(set(expected) - set(members))
        if absent:
            raise BackupError(f"备份中缺少 {len(absent)} 个归档文件（如 {absent[0]}）：已拒绝恢复")
        total = sum(members[p].size for p in expected)
        done = 0

        def tick(n: int) -> None:
            nonlocal done
            done += n
            if progress:
                progress(done, total)

        restored = 0
        notes: list[str] = []
        for rel, member in members.items():
            if rel in ("manifest.json", catalogue_rel):
                continue
            if rel == KEY_MEMBER:
                notes.append(_install_key(_read_member(tar, member), _workspace_id(db_path)))
                continue
            if rel == CONFIG_NAME or rel.startswith("frameworks/"):
                _extract(tar, member, root / rel, lambda n: None)
                continue
            if rel not in expected:
                raise BackupError(f"备份中有目录数据库未记录的文件 {rel}：备份可能被改动，已拒绝恢复")
            digest = _extract(tar, member, root / rel, tick)
            if digest != expected[rel]["sha256"]:
                raise BackupError(
                    f"文件 {rel} 的 SHA-256 与目录记录不符（材料 {expected[rel]['id']}）："
                    "备份已损坏或被改动，已拒绝恢复"
                )
            restored += 1
            if os.environ.get("ARCHIVIST_CRASH_AT"):  # tests: kill -9 mid-restore
                from .intake.pipeline import crash_point

                crash_point("restore_file")
    return {"files": restored, "bytes": total, "records": _row_count(db_path), "notes": notes}


def _put_back(root: Path, store: EvidenceStore, uploaded: list[str]) -> list[str]:
    """Put the checked archive files of the staging folder `root` into the restored workspace's
    store where it keeps them off this disk (S3), removing the local copies; `uploaded` collects
    the keys written, for _take_back. Nothing to do on local disk (the files are in place)."""
    ws = Workspace(root)
    archive = folder_key(_rel(ws, ws.archive))
    files = [
        f for f in named_files(ws.catalogue_path) if f["path"].startswith(archive) and not store.is_local(f["path"])
    ]
    if not files:
        return []
    present = 0
    try:
        for f in files:
            rel, path = f["path"], root / f["path"]
            if store.exists(rel):
                try:
                    with store.open(rel, f["sha256"]):
                        present += 1  # the same bytes already there: restoring after a partial loss
                except IntegrityMismatch as exc:
                    raise BackupError(
                        f"对象存储中已有内容不同的 {rel}：恢复不会覆盖已有文件，已拒绝恢复（请在 archivist.toml 的"
                        " [storage] 换一个 prefix，或先查明该对象为何不同）"
                    ) from exc
            else:
                store.put(rel, path, f["sha256"])
                uploaded.append(rel)
            path.unlink()
    except StoreError as exc:
        raise BackupError(f"恢复时无法写入对象存储，已拒绝恢复（未留下任何文件）：{exc}") from exc
    _remove_empty_folders(root / ws.archive.relative_to(ws.root))
    return [f"归档文件已放回对象存储：上传 {len(uploaded)} 个，{present} 个已在存储中且内容一致"]


def _take_back(store: EvidenceStore | None, uploaded: list[str]) -> None:
    """Remove the objects a refused restore had uploaded (never one that was there before it)."""
    for key in uploaded:
        try:
            store.delete(key)  # type: ignore[union-attr]
        except (StoreError, OSError):
            pass


def _remove_empty_folders(top: Path) -> None:
    for folder, _dirs, _files in os.walk(top, topdown=False):
        if Path(folder) != top:
            try:
                os.rmdir(folder)
            except OSError:
                pass  # not empty: a quarantined file, or another folder's file


def _install_key(data: bytes, workspace_id: str) -> str:
    """Put the chain key from a --with-key backup into this machine's key folder."""
    from . import auditchain

    try:
        carried = json.loads(data)
        key_hex = str(carried["key"])
        bytes.fromhex(key_hex)
    except (ValueError, KeyError, TypeError) as exc:
        raise BackupError("备份中的链密钥无法读取：备份已损坏或被改动，已拒绝恢复") from exc
    if carried.get("workspace_id") != workspace_id:
        raise BackupError("备份中的链密钥与其目录数据库不属于同一工作区：已拒绝恢复")
    try:
        path = auditchain.install_key(workspace_id, key_hex)
    except ValueError as exc:
        raise BackupError(f"{exc}：已拒绝恢复，请人工核对两把密钥") from exc
    return f"链密钥已安装到 {path}"


def _check_settings(root: Path) -> None:
    """The restored archivist.toml and frameworks/ are not covered by the manifest's hashes: check
    them as every load and every framework import does, before the restore is put in place."""
    from .framework import FrameworkError
    from .workspace import WorkspaceError, validate_workspace

    try:
        validate_workspace(root)
    except (WorkspaceError, FrameworkError) as exc:
        where = str(exc).replace(str(root.resolve()), "备份中")  # not the staging folder's name
        raise BackupError(f"备份中的设置不可信，已拒绝恢复（未留下任何文件）：{where}") from exc


def _read_member(tar: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    fh = tar.extractfile(member)
    if fh is None:
        raise BackupError(f"无法读取备份条目 {member.name}")
    with fh:
        return fh.read()


def _extract(tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path, tick: Callable[[int], None]) -> str:
    """Write one member to `target` (fsynced), returning the sha256 of what was written."""
    source = tar.extractfile(member)
    if source is None:
        raise BackupError(f"无法读取备份条目 {member.name}")
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with source, open(target, "xb") as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
            tick(len(chunk))
        out.flush()
        os.fsync(out.fileno())
    return digest.hexdigest()


def _row_count(db_path: Path) -> int:
    return catalogue_files.evidence_count_of(db_path)


def _after_restore(root: Path) -> list[str]:
    """Make the restored folder a working workspace: its folders, the search index, an audit check."""
    from . import auditchain
    from .catalogue import open_catalogue

    notes = []
    ws = Workspace(root)
    ws.ensure_dirs()
    catalogue = open_catalogue(ws)
    try:
        # the restored chain is this location's history from now on: record its head beside the key
        auditchain.forget_head(ws.catalogue_path)
        last = catalogue.audit_log.last()
        if last is not None:
            auditchain.write_head(ws.catalogue_path, auditchain.Head(catalogue.workspace_id, last[0], last[1]),
                                  force=True)
        if catalogue.is_keyed() and auditchain.load_key(catalogue.workspace_id) is None:
            notes.append(
                f"本机没有该工作区的链密钥（应在 {auditchain.key_path(catalogue.workspace_id)}）：审计日志无法核验，"
                "也不能写入新记录；请从原机器复制密钥，或用 archivist backup --with-key 重新备份后恢复"
            )
        problems = [p for p in catalogue.verify_audit() if "没有密钥" not in p]
        if problems:
            notes.append(f"审计日志有 {len(problems)} 处问题（备份时即已存在）：{problems[0]}")
        try:
            from .search import rebuild_from_catalogue
        except ImportError:
            notes.append("检索模块不可用：检索索引未重建")
        else:
            try:
                rebuild_from_catalogue(ws, catalogue)
            except Exception as exc:  # noqa: BLE001 - the index is derived; the restore itself succeeded
                notes.append(f"检索索引未能重建（{exc}）：请运行 archivist doctor --repair")
    finally:
        catalogue.close()
    return notes
