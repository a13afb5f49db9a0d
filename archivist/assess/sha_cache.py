"""Results cached per file content (sha256), with a version: in one JSON file, or row by row in SQLite.

Ledger checks and extracted facts are pure functions of a file's bytes: computed once, kept by hash, and
recomputed for everything when the rules change (a new version). Any failure to read or write only
costs a recomputation, never a report.

* :func:`load_by_sha` / :func:`save_by_sha` — the whole cache in one JSON file, replaced atomically so a
  reader never sees half of it. Right for small results (the ledger checks: a few hundred kilobytes).
* :class:`ShaStore` — one row per sha256 in an SQLite file, read and written for the keys asked. The
  facts of 20,000 documents are over 100 MB as one JSON file, loaded whole by every report that
  needed a single indicator's; here a report reads only the rows of the evidence it quotes. It lives
  in archivist/catalogue/sha_store.py, with the rest of archivist's SQL.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ..catalogue.sha_store import ShaStore

__all__ = ["ShaStore", "load_by_sha", "save_by_sha"]


def load_by_sha(path: Path, version: object) -> dict[str, Any]:
    """The cached results by sha256, or {} when the file is missing, damaged or of another version."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("version") == version:
            return dict(data.get("by_sha") or {})
    except (OSError, ValueError, AttributeError):
        pass
    return {}


def save_by_sha(path: Path, version: object, by_sha: dict[str, Any]) -> None:
    """Write the results atomically (temp file + rename in the same folder)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"version": version, "by_sha": by_sha}, fh, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        pass
