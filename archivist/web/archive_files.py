"""Archived files served to the browser (the document view and downloads), read through the EvidenceStore.

On local disk the file itself is served, after the same symlink and folder checks as always
(security.safe_file). From S3 the object is fetched to a temporary copy checked against the
catalogue's sha256, served, and removed once the response is sent (the ExitStack the caller closes
in the response's background task). Generated documents under out/ are not evidence and stay local.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from ..storage import open_store
from ..workspace import Workspace
from .security import UnsafePath, checked_relative, safe_file


def served_file(ws: Workspace, rel: str, sha256: str | None, allowed: list[Path], files: ExitStack) -> Path:
    """A local file to answer with for the workspace-relative `rel`, inside one of `allowed`.

    Raises UnsafePath (403), FileNotFoundError (404), storage.IntegrityMismatch or StoreError.
    """
    checked_relative(rel)
    wanted = ws.root / rel
    if not wanted.is_relative_to(ws.archive):
        return safe_file(ws.root, rel, allowed)  # out/: generated documents, on local disk
    if not any(wanted.is_relative_to(folder) for folder in allowed):
        raise UnsafePath(f"{rel} 不在可下载的目录中")
    try:
        safe_file(ws.root, rel, allowed)  # on local disk: no symlink on the way, nothing outside
    except FileNotFoundError:
        pass  # not on this disk: the store may hold it
    return files.enter_context(open_store(ws).local_path(rel, sha256))
