"""The city's memory of each county's figures, so a view of 100 counties reads only those that changed.

A county's figures change only when its catalogue, its settings or its schemes do; the two that move
with the date (days to the inspection, overdue problems) are counted again from the entry when it is
read. Every catalogue change appends an audit entry, so the newest audit seq is the catalogue's change
counter (as the web page's cache uses it, web/cache.py); the settings and schemes
are named by their files' sizes and modification times. The cache lives in the city's own folder
(`.cache/`), never in a county's, and a damaged or stale entry is simply computed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .config import County

VERSION = 2  # bump when what a county's entry holds changes


@dataclass
class CountyCache:
    root: Path  # the city's folder

    @property
    def folder(self) -> Path:
        return self.root / ".cache" / "counties"

    def _path(self, county: County) -> Path:
        digest = hashlib.sha256(f"{county.name}\0{county.workspace}".encode()).hexdigest()[:24]
        return self.folder / f"{digest}.json"

    def key(self, ws: Workspace) -> list[Any] | None:
        """What the county's figures depend on; None when it cannot be told (then always computed)."""
        from ..catalogue.journal import AuditLog
        from ..catalogue.readonly import connect_read_only
        from ..team import HELD_ONLY_ACTIONS

        if ws.catalogue_config.is_postgresql:
            from ..catalogue import open_catalogue

            try:
                catalogue = open_catalogue(ws)
            except Exception:  # noqa: BLE001 - unreachable: the read that follows says why
                return None
            try:
                counter = catalogue.audit_log.newest_seq_except(tuple(HELD_ONLY_ACTIONS))
            finally:
                catalogue.close()
        elif not ws.catalogue_path.exists():
            counter = 0
        else:
            try:
                db = connect_read_only(ws.catalogue_path)
                try:
                    counter = AuditLog(db).newest_seq_except(tuple(HELD_ONLY_ACTIONS))
                finally:
                    db.close()
            except sqlite3.Error:
                return None
        files = [ws.root / "archivist.toml", *sorted((ws.root / "frameworks").glob("*.toml")),
                 *sorted((ws.root / "phrases").glob("*.toml"))]
        stamps = [[p.name, p.stat().st_size, p.stat().st_mtime_ns] for p in files if p.is_file()]
        return [VERSION, counter, stamps]

    def get(self, county: County, key: list[Any]) -> dict[str, Any] | None:
        """The entry stored under `key` (as CountyView.to_cache wrote it), or None."""
        try:
            data = json.loads(self._path(county).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data.get("view") if isinstance(data, dict) and data.get("key") == key else None

    def put(self, county: County, key: list[Any], entry: dict[str, Any]) -> None:
        """Written whole or not at all (a temp file renamed); a city folder that cannot be written only
        means the next view computes again."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".county-", dir=self.folder)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"key": key, "view": entry}, fh, ensure_ascii=False)
            os.replace(tmp, self._path(county))
        except OSError:
            return
