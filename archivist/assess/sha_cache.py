"""Results cached per file content (sha256) in one JSON file under index/cache, with a version.

Ledger checks and extracted facts are pure functions of a file's bytes: computed once, kept by hash, and
recomputed for everything when the rules change (a new version string). The file is replaced atomically,
so a reader never sees half of it; any failure to read or write only costs a recomputation.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


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
