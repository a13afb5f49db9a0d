"""Results cached per file content (sha256) and version, one row each in an SQLite file of their own.

Used for derived facts (assess/facts.py): a report reads only the rows of the evidence it quotes. The
file is a cache, not the catalogue: any failure costs a recomputation, never a report.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

CHUNK = 500  # keys per query: well under SQLite's limit on bound parameters


def _chunks(keys: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(keys), CHUNK):
        yield keys[i:i + CHUNK]


class ShaStore:
    """JSON results by sha256 in an SQLite file, one row each, read and written per set of keys.

    Each row carries the version it was computed under: a row of another version reads as missing
    and is replaced when recomputed, and the first write under a new version drops the old rows. The
    file is a cache, not a record: when it is damaged it is deleted and started again; when it
    cannot be opened or written (read-only folder, disk full, another writer holding it too long)
    every key reads as missing and writes are skipped.
    """

    SCHEMA = "CREATE TABLE IF NOT EXISTS results (sha TEXT PRIMARY KEY, version TEXT NOT NULL, data TEXT NOT NULL)"

    def __init__(self, path: Path, version: object) -> None:
        self.path = Path(path)
        self.version = str(version)
        self._pruned = False
        self.db: sqlite3.Connection | None = None
        for attempt in range(2):
            try:
                self.db = self._connect()
                break
            except sqlite3.DatabaseError:
                if self.db is not None:
                    self.db.close()
                self.db = None
                if attempt == 0 and not self._discard():
                    break
            except OSError:
                break

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA busy_timeout=10000")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # a cache: a lost last write is recomputed
            db.execute(self.SCHEMA)
            db.execute("SELECT sha, version, data FROM results LIMIT 0")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _discard(self) -> bool:
        """Delete a damaged cache file (and its WAL); False when that is not possible."""
        try:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            return True
        except OSError:
            return False

    def get_many(self, shas: Iterable[str]) -> dict[str, Any]:
        """The stored results of ``shas`` under this version (absent keys are left out)."""
        out: dict[str, Any] = {}
        if self.db is None:
            return out
        keys = list(dict.fromkeys(s for s in shas if s))
        try:
            for chunk in _chunks(keys):
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(f"SELECT sha, data FROM results WHERE version=? AND sha IN ({marks})",
                                       (self.version, *chunk))
                for sha, data in rows:
                    try:
                        out[sha] = json.loads(data)
                    except ValueError:
                        continue
        except sqlite3.Error:
            return out
        return out

    def put_many(self, results: Mapping[str, Any]) -> None:
        """Store ``results`` (sha → JSON-able value) in one transaction; failures are ignored."""
        if self.db is None or not results:
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                if not self._pruned:
                    self.db.execute("DELETE FROM results WHERE version<>?", (self.version,))
                    self._pruned = True
                self.db.executemany(
                    "INSERT OR REPLACE INTO results(sha, version, data) VALUES (?,?,?)",
                    [(sha, self.version, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
                     for sha, value in results.items() if sha])
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except sqlite3.Error:
            pass

    def count(self) -> int:
        """Rows stored under this version (for tests and benches)."""
        if self.db is None:
            return 0
        try:
            return int(self.db.execute("SELECT count(*) FROM results WHERE version=?", (self.version,)).fetchone()[0])
        except sqlite3.Error:
            return 0

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def __enter__(self) -> ShaStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
