"""open_store(workspace): the EvidenceStore that archivist.toml's [storage] table asks for.

One store per Workspace object (an S3 client takes a moment to build and keeps its connections),
so a web server or a long `watch` reuses it for every request and file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from . import EvidenceStore
from .cache import ReadCache
from .config import storage_config
from .local import LocalStore
from .split import SplitStore

if TYPE_CHECKING:
    from ..workspace import Workspace

CACHE_FOLDER = "objects"  # index/cache/objects: the S3 read cache, by sha256
_opened: WeakKeyDictionary[Workspace, EvidenceStore] = WeakKeyDictionary()


def open_store(ws: Workspace) -> EvidenceStore:
    """LocalStore on the workspace root (default), or S3 for the archive with quarantine kept local."""
    store = _opened.get(ws)
    if store is None:
        config = storage_config(ws.config.raw, ws.root / "archivist.toml")
        local = LocalStore(ws.root)
        if config.backend == "s3":
            from .s3 import S3Store

            quarantine = ws.quarantine_dir.relative_to(ws.root).as_posix()
            cache = ReadCache(ws.cache_dir / CACHE_FOLDER, config.cache_mb << 20)
            store = SplitStore(S3Store(config, ws.cache_dir / "s3", cache=cache), local, (quarantine,))
        else:
            store = local
        _opened[ws] = store
    return store
