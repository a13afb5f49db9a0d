"""SplitStore: a remote store for the archive, local disk for the folders that stay in the office.

With `backend = "s3"` the evidence goes to the bucket, but quarantined files (archive/_隔离: bytes
that could not be read, or were unsafe) stay on the server's disk where a person can inspect them.
Callers still hold one store and name every archive path by its key; this class sends each key to
the right place, so no caller tests which backend it runs on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import BinaryIO

from . import EvidenceStore, folder_key


class SplitStore:
    """Keys under one of `local_prefixes` → `local`; every other key → `remote`."""

    def __init__(self, remote: EvidenceStore, local: EvidenceStore, local_prefixes: tuple[str, ...]) -> None:
        self.remote = remote
        self.local = local
        self.local_prefixes = tuple(folder_key(p) for p in local_prefixes)

    def _for(self, key: str) -> EvidenceStore:
        return self.local if key.startswith(self.local_prefixes) else self.remote

    def put(self, key: str, source: Path, expect_sha256: str | None = None) -> str:
        return self._for(key).put(key, source, expect_sha256)

    def open(self, key: str, expect_sha256: str | None = None) -> BinaryIO:
        return self._for(key).open(key, expect_sha256)

    def local_path(self, key: str, expect_sha256: str | None = None) -> AbstractContextManager[Path]:
        return self._for(key).local_path(key, expect_sha256)

    def is_local(self, key: str) -> bool:
        return self._for(key).is_local(key)

    def exists(self, key: str) -> bool:
        return self._for(key).exists(key)

    def occupied(self, key: str) -> bool:
        return self._for(key).occupied(key)

    def size(self, key: str) -> int:
        return self._for(key).size(key)

    def keys(self, prefix: str) -> Iterator[str]:
        wanted = folder_key(prefix)
        for key in self.remote.keys(prefix):
            if not key.startswith(self.local_prefixes):
                yield key
        for local in self.local_prefixes:
            if local.startswith(wanted) or wanted.startswith(local):
                for key in self.local.keys(local if local.startswith(wanted) else wanted):
                    yield key

    def move(self, key: str, new_key: str) -> None:
        source, target = self._for(key), self._for(new_key)
        if source is target:
            source.move(key, new_key)
            return
        with source.local_path(key) as path:  # between backends: a durable put, then the old one goes
            target.put(new_key, path)
        source.delete(key)

    def delete(self, key: str) -> None:
        self._for(key).delete(key)
