"""LocalStore: the archive on local disk, as archivist has always kept it.

A key is a path relative to the workspace root, so the file lives at root/key — the same paths as
before the store existed. Writing and moving are intake.filing's crash-safe helpers, looked up when
called (not copied here): copy → fsync → rename → fsync the folder, hashing the bytes as they are
copied. One implementation of durability means one place to get it right, and a fault injected
into filing in a test hits every caller of the store too.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ..regular_files import open_regular
from . import EvidenceMissing, IntegrityMismatch, folder_key

CHUNK = 1 << 20


class LocalStore:
    """Files under one root folder (the workspace), named by their workspace-relative key."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        """Where `key` lives on disk (callers outside the store use local_path instead)."""
        return self.root / key

    def put(self, key: str, source: Path, expect_sha256: str | None = None) -> str:
        from ..intake import filing

        return filing.copy_durably(source, self.path(key), expect_sha256)

    def open(self, key: str, expect_sha256: str | None = None) -> BinaryIO:
        path = self.path(key)
        if expect_sha256 is not None:
            actual = _sha256(self._open(key, path))
            if actual != expect_sha256:
                raise IntegrityMismatch(key, expect_sha256, actual)
        return self._open(key, path)

    def _open(self, key: str, path: Path) -> BinaryIO:
        try:
            # unbuffered: verify's large readinto calls go straight to its buffer, as hash_file's do;
            # a symlink or a FIFO under archive/ is refused, never read
            return open_regular(path, buffering=0)
        except FileNotFoundError as exc:
            raise EvidenceMissing(f"归档文件不存在：{key}（请运行 archivist verify）") from exc

    @contextmanager
    def local_path(self, key: str, expect_sha256: str | None = None) -> Iterator[Path]:
        """The file itself, not hashed again: the bytes on this disk are what `verify` and the audit
        chain vouch for, and re-hashing on every page view or binder would double each read."""
        path = self.path(key)
        if not path.is_file():
            raise EvidenceMissing(f"归档文件不存在：{key}（请运行 archivist verify）")
        yield path

    def is_local(self, key: str) -> bool:
        return True

    def exists(self, key: str) -> bool:
        return self.path(key).is_file()

    def occupied(self, key: str) -> bool:
        from ..intake import filing

        path = self.path(key)
        return path.exists() or filing.temp_for(path).exists()

    def size(self, key: str) -> int:
        try:
            return self.path(key).lstat().st_size  # a symlink's own size: its target is never read
        except FileNotFoundError as exc:
            raise EvidenceMissing(f"归档文件不存在：{key}") from exc

    def keys(self, prefix: str) -> Iterator[str]:
        """Every file under the folder `prefix`, symlinks included (verify reports them, never follows)."""
        top = self.path(prefix) if prefix else self.root
        for folder, dirs, files in os.walk(top):
            dirs.sort()
            base = Path(os.path.relpath(folder, self.root)).as_posix()
            for name in files:
                yield name if base == "." else f"{folder_key(base)}{name}"

    def move(self, key: str, new_key: str) -> None:
        from ..intake import filing

        filing.move_durably(self.path(key), self.path(new_key))

    def delete(self, key: str) -> None:
        try:
            self.path(key).unlink()
        except FileNotFoundError as exc:
            raise EvidenceMissing(f"归档文件不存在：{key}") from exc


def _sha256(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    with stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
