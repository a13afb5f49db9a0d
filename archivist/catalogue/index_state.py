"""What the search index has taken in: each record's `indexed` flag, set after the index commits.

The index is derived (archivist/search/sync.py brings it up to the catalogue); these are the
catalogue's side of that: which records are indexable (every status but duplicate), which are
waiting, and the byte-identical copies an indexed original reports.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

DUPLICATE = "duplicate"


class IndexStateRepository:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def all_ids(self) -> list[str]:
        """Every record's id, in the order received (what a rebuild walks)."""
        return [r[0] for r in self.db.execute("SELECT id FROM evidence ORDER BY received_at, rowid")]

    def indexable_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT id FROM evidence WHERE status != ?", (DUPLICATE,))}

    def indexable_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM evidence WHERE status != ?", (DUPLICATE,)).fetchone()[0])

    def indexable_among(self, ids: list[str]) -> set[str]:
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT id FROM evidence WHERE status != ? AND id IN ({marks})", (DUPLICATE, *ids))
        return {r[0] for r in rows}

    def indexable_and_pending(self) -> tuple[set[str], set[str]]:
        """(indexable ids, those of them not yet marked indexed)."""
        rows = self.db.execute("SELECT id, indexed FROM evidence WHERE status != ?", (DUPLICATE,)).fetchall()
        return {r[0] for r in rows}, {r[0] for r in rows if not r[1]}

    def pending(self, limit: int) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM evidence WHERE indexed=0 LIMIT ?", (limit,))]

    def pending_among(self, ids: list[str]) -> list[str]:
        marks = ",".join("?" * len(ids))
        return [r[0] for r in self.db.execute(f"SELECT id FROM evidence WHERE indexed=0 AND id IN ({marks})", ids)]

    def mark_indexed(self, ids: Iterable[str], *, only_pending: bool = False) -> None:
        """`only_pending`: leave rows already marked alone (no write for them). In id order: two writers
        marking overlapping rows (a PostgreSQL catalogue) lock them in the same order, never in a cycle."""
        sql = "UPDATE evidence SET indexed=1 WHERE id=?" + (" AND indexed=0" if only_pending else "")
        self.db.executemany(sql, [(i,) for i in sorted(set(ids))])

    def mark_pending(self, ids: Iterable[str]) -> None:
        self.db.executemany("UPDATE evidence SET indexed=0 WHERE id=?", [(i,) for i in sorted(set(ids))])

    def duplicates(self, originals: list[str] | None = None) -> dict[str, list[dict[str, str]]]:
        """original id -> its byte-identical copies (id, original_name), of these originals or all."""
        found: dict[str, list[dict[str, str]]] = {}
        if originals is None:
            rows = self.db.execute(
                "SELECT id, original_name, duplicate_of FROM evidence WHERE status=? AND duplicate_of IS NOT NULL"
                " ORDER BY received_at, rowid", (DUPLICATE,))
        elif not originals:
            return found
        else:
            marks = ",".join("?" * len(originals))
            rows = self.db.execute(
                "SELECT id, original_name, duplicate_of FROM evidence WHERE status=? AND duplicate_of IN"
                f" ({marks}) ORDER BY received_at, rowid", (DUPLICATE, *originals))
        for evidence_id, name, original in rows:
            found.setdefault(original, []).append({"id": evidence_id, "original_name": name})
        return found
