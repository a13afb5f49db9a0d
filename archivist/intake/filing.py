"""The file stage: where an intake goes, under what name, and the crash-safe move that puts it there.

Names are built from the workspace's template, sanitised for Windows and Linux (no reserved
characters or names, no trailing dots), each path component cut to 255 bytes of UTF-8 (Chinese is
3 bytes a character) and numbered on collision. The move is copy → fsync → rename → (catalogue
commit by the caller) → remove source, with a journal row so a restart can finish or roll back.

The archive's bytes go through the workspace's EvidenceStore (archivist/storage): on local disk
LocalStore calls copy_durably and move_durably below, unchanged; on S3 the store does its own
atomic put. Inbox files and quarantine (_隔离) always stay on local disk.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from ..regular_files import open_regular
from ..workspace import WorkspaceError

MAX_COMPONENT_BYTES = 255
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
TYPE_EXTENSIONS = {
    "pdf": ".pdf",
    "docx": ".docx",
    "xlsx": ".xlsx",
    "text": ".txt",
    "zip": ".zip",
}
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp"}
LEGACY_EXTENSIONS = {".doc", ".xls", ".wps", ".et", ".rtf", ".htm", ".html"}


def sanitize_component(name: str, max_bytes: int = MAX_COMPONENT_BYTES, keep_suffix: str = "") -> str:
    """One safe path component: forbidden characters → '_', whitespace collapsed, ≤ max_bytes UTF-8."""
    name = _FORBIDDEN.sub("_", name)
    name = re.sub(r"\s+", " ", name).strip().strip(".").strip()
    name = name.replace("..", "_")
    if not name:
        name = "未命名"
    if name.split(".")[0].upper() in _WINDOWS_RESERVED:
        name = "_" + name
    budget = max_bytes - len(keep_suffix.encode("utf-8"))
    encoded = name.encode("utf-8")
    if len(encoded) > budget:
        name = encoded[:budget].decode("utf-8", "ignore").rstrip(". ")
    return name + keep_suffix


def safe_suffix(name: str) -> str:
    """The file's own extension when it is a plain one (".docx"), else nothing."""
    suffix = Path(name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""


def extension_for(file_type: str, original_name: str) -> str:
    """The extension the archived copy gets: the detected type wins over a wrong extension."""
    suffix = Path(original_name).suffix.lower()
    if file_type == "image":
        return suffix if suffix in IMAGE_EXTENSIONS else ".jpg"
    if file_type == "legacy":
        return suffix if suffix in LEGACY_EXTENSIONS else ".doc"
    return TYPE_EXTENSIONS.get(file_type, safe_suffix(original_name) or ".bin")


def render_template(template: str, fields: dict[str, str]) -> list[str]:
    """Expand the filing template into sanitised path components (the last one without extension)."""
    parts = []
    for raw in template.split("/"):
        text = raw.format_map(_Blank(fields))
        text = re.sub(r"-{2,}", "-", text).strip("-")
        parts.append(text)
    return parts


class _Blank(dict):
    """format_map mapping: unknown or empty fields vanish instead of raising."""

    def __missing__(self, key: str) -> str:
        return ""


def unique_path(
    folder: Path,
    stem: str,
    suffix: str,
    taken: set[Path] | None = None,
    occupied: Callable[[Path], bool] | None = None,
) -> Path:
    """folder/stem+suffix, or stem-2, stem-3… when that name exists, is being written, or is in `taken`.

    `occupied` answers "exists or is being written" where the archive lives (the EvidenceStore);
    without it the local disk is asked.
    """
    occupied = occupied or _occupied_on_disk
    n = 1
    while True:
        tail = suffix if n == 1 else f"-{n}{suffix}"
        candidate = folder / sanitize_component(stem, keep_suffix=tail)
        if not ((taken and candidate in taken) or occupied(candidate)):
            return candidate
        n += 1


def _occupied_on_disk(candidate: Path) -> bool:
    return candidate.exists() or temp_for(candidate).exists()


def temp_for(dest: Path) -> Path:
    """The hidden temporary name a copy is written to before its atomic rename."""
    # integrity (#7): cut by UTF-8 bytes, not characters: a Chinese name of 200 characters is 600
    # bytes, and the temp name must fit the 255-byte limit or the copy fails with ENAMETOOLONG
    name = dest.name.encode("utf-8")[:200].decode("utf-8", "ignore")
    return dest.with_name(f".{name}.part")



def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_durably(source: Path, dest: Path, expect_sha256: str | None = None) -> str:
    """Copy source to dest via a temp file in dest's folder: copy, fsync, rename, fsync the folder.

    Returns the sha256 of the bytes written. Integrity (#7): the bytes are hashed as they are copied
    and, with `expect_sha256`, must be the bytes the pipeline hashed and read earlier — a file that
    changed or vanished in between raises SourceChanged before anything is renamed into place. On
    any failure (a full disk, a read-only folder) the half-written temp file is removed.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_for(dest)
    digest = hashlib.sha256()
    try:
        try:
            src = open_regular(source)  # a file swapped for a FIFO or a symlink is refused, never read
        except FileNotFoundError as exc:
            raise SourceChanged("文件在读取前已被移走或删除", vanished=True) from exc
        with src, open(temp, "wb") as out:
            while chunk := src.read(1024 * 1024):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if expect_sha256 is not None and digest.hexdigest() != expect_sha256:
            raise SourceChanged("文件在读取过程中被修改")
        os.replace(temp, dest)
    except BaseException:
        try:
            temp.unlink()
        except OSError:
            pass  # never written, or the disk refuses even this: recover() removes it on restart
        raise
    fsync_dir(dest.parent)
    return digest.hexdigest()


class SourceChanged(Exception):
    """Integrity (#7): the input file changed or vanished between being hashed and being copied."""

    def __init__(self, reason: str, vanished: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.vanished = vanished


class StorageError(WorkspaceError):
    """Integrity (#7): the archive or catalogue cannot be written (full disk, read-only folder).

    A WorkspaceError, so the CLI prints it as one line and exits 1; the run stops (every later file
    would fail the same way) and recover() removes the half-done move on the next start.
    """


_FULL = {errno.ENOSPC, errno.EDQUOT}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def storage_error(exc: BaseException, root: Path, name: str = "") -> StorageError | None:
    """A clear StorageError for a full disk or a read-only workspace, or None for anything else."""
    what = f"归档 {name} 时" if name else ""
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        if "disk is full" in text or "disk full" in text:
            return StorageError(
                f"磁盘空间不足：{what}目录数据库写入失败。请清理磁盘后重新运行（未完成的文件会在下次运行时自动清理，原文件未动）"
            )
        if "readonly" in text or "read-only" in text:
            return StorageError(
                f"目录数据库只读：{what}无法写入 {root}/index。请检查该文件夹的权限或磁盘是否只读"
            )
        return None
    if not isinstance(exc, OSError):
        return None
    where = exc.filename or ""
    if exc.errno in _FULL:
        return StorageError(
            f"磁盘空间不足：{what}写入失败{f'（{where}）' if where else ''}。已写入的部分已清除，原文件未动；"
            "请清理磁盘后重新运行，然后可运行 archivist doctor --repair 检查"
        )
    if exc.errno in _READ_ONLY and (exc.errno == errno.EROFS or not where or _inside(Path(where), root)):
        return StorageError(
            f"归档目录不可写：{what}无法写入{f' {where}' if where else ''}（{exc.strerror}）。"
            "请检查文件夹权限、磁盘是否只读或是否被其他程序锁定；原文件未动"
        )
    return None


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except (ValueError, OSError):
        return False


def move_durably(source: Path, dest: Path) -> None:
    """Rename within a filesystem (atomic), else copy durably and remove the source."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.rename(source, dest)
        fsync_dir(dest.parent)
    except FileNotFoundError as exc:
        if not dest.parent.is_dir():
            raise
        raise SourceChanged("文件已被移走或删除", vanished=True) from exc
    except OSError:
        copy_durably(source, dest)
        source.unlink()
