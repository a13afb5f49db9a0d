"""EvidenceStore: the one seam between archivist and where the archived evidence bytes live.

A county office keeps its archive on local disk (`LocalStore`, the default: the same paths, the same
copy → fsync → rename as always); a city or province server keeps it in an S3-compatible bucket
(`S3Store`). Nothing above this seam knows which: callers name files by their *key* — the archive
path relative to the workspace, with forward slashes, exactly the catalogue's `archive_path`.

Only the archive tree goes through the store. The office's working folders stay on local disk on
every backend: inbox/ (where files arrive), archive/_隔离 (quarantined bytes, unreadable or unsafe:
kept where a person can look at them), backups and index/ (catalogue, search index, caches). With
`backend = "s3"` the quarantine keys are routed to a LocalStore (`SplitStore`), so callers still use
one store for every archive path.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import BinaryIO, Protocol, runtime_checkable

from ..workspace import WorkspaceError


class StoreError(WorkspaceError):
    """The store cannot do what was asked (unreachable, refused, corrupt); the message says what to do.

    A WorkspaceError, so the CLI prints it as one line and exits 1.
    """


class EvidenceMissing(StoreError, FileNotFoundError):
    """The key names no file in the store (a FileNotFoundError too: callers that test for one keep working)."""


class IntegrityMismatch(StoreError):
    """The bytes read back are not the bytes the catalogue recorded (sha256 differs)."""

    def __init__(self, key: str, expected: str, actual: str) -> None:
        super().__init__(
            f"归档文件 {key} 的内容与目录记录不符（SHA-256 应为 {expected[:12]}…，实为 {actual[:12]}…）："
            "请运行 archivist verify 查明原因，从备份恢复该文件"
        )
        self.key, self.expected, self.actual = key, expected, actual


@runtime_checkable
class EvidenceStore(Protocol):
    """What the callers need from wherever the archive lives; keys are workspace-relative archive paths."""

    def put(self, key: str, source: Path, expect_sha256: str | None = None) -> str:
        """Store the bytes of the local file `source` under `key`, durably and atomically (a reader
        never sees half a file). Returns their sha256; with `expect_sha256`, a source whose bytes
        differ raises intake.filing.SourceChanged before anything becomes visible under `key`."""
        ...

    def open(self, key: str, expect_sha256: str | None = None) -> BinaryIO:
        """A binary stream of the file. With `expect_sha256` (the catalogue's value) the bytes are
        checked before the first one is returned: IntegrityMismatch when they differ."""
        ...

    def local_path(self, key: str, expect_sha256: str | None = None) -> AbstractContextManager[Path]:
        """A real file for tools that need one (LibreOffice, pdftoppm, OCR, pypdf): the file itself
        on local disk (which `verify` vouches for), a temporary copy with the same file name, checked
        against `expect_sha256` as it downloads, for a remote store. EvidenceMissing when absent."""
        ...

    def is_local(self, key: str) -> bool:
        """True when `key` lives on this machine's disk at workspace root/key (LocalStore, and the
        quarantine of a SplitStore): a caller that copies whole trees (backup, restore) may then read
        and write the file itself, with its mode and times, as it always has."""
        ...

    def exists(self, key: str) -> bool: ...

    def occupied(self, key: str) -> bool:
        """True when a new file may not take this key: it exists or is being written."""
        ...

    def size(self, key: str) -> int: ...

    def keys(self, prefix: str) -> Iterator[str]:
        """Every key under `prefix` (a folder key such as "archive"), in no particular order."""
        ...

    def move(self, key: str, new_key: str) -> None:
        """Move a file to a new key (assign, re-filing, doctor's relink). A source that is gone
        raises intake.filing.SourceChanged(vanished=True)."""
        ...

    def delete(self, key: str) -> None: ...


def folder_key(key: str) -> str:
    """A prefix with exactly one trailing slash ("" stays "": the whole store)."""
    key = key.strip("/")
    return f"{key}/" if key else ""


from .config import StorageConfig, StorageConfigError, storage_config  # noqa: E402
from .factory import open_store  # noqa: E402
from .local import LocalStore  # noqa: E402
from .split import SplitStore  # noqa: E402

__all__ = [
    "EvidenceMissing",
    "EvidenceStore",
    "IntegrityMismatch",
    "LocalStore",
    "SplitStore",
    "StorageConfig",
    "StorageConfigError",
    "StoreError",
    "folder_key",
    "open_store",
    "storage_config",
]
