"""Containers: zip packages kept as received under archive/_压缩包原件/, their members filed as evidence."""

from __future__ import annotations

import sqlite3
from typing import Any

from .journal import now


class ContainerRepository:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def add(self, container_id: str, sha256: str, original_name: str, archive_path: str, members: int = 0) -> None:
        self.db.execute(
            "INSERT INTO containers(id, sha256, original_name, archive_path, members, received_at)"
            " VALUES (?,?,?,?,?,?)",
            (container_id, sha256, original_name, archive_path, members, now()),
        )

    def rows(self) -> dict[str, dict[str, Any]]:
        """Every container row as stored, by id (what verify compares against the archive)."""
        return {r["id"]: dict(r) for r in self.db.execute("SELECT * FROM containers")}

    def find_by_sha(self, sha256: str) -> str | None:
        """The id of the first container received with these bytes."""
        row = self.db.execute("SELECT id FROM containers WHERE sha256=? ORDER BY received_at LIMIT 1",
                              (sha256,)).fetchone()
        return row[0] if row else None
