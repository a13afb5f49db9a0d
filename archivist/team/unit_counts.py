"""Per unit, how many required items it has submitted and where they stand: the dashboard's
"各单位报送情况".

Held submissions deliberately do not move the server's summary cache (units submit all day), so these
counts are read fresh on every request — one GROUP BY over the submissions table on a read-only
connection, a few milliseconds even at thousands of submissions — rather than from the cached summary.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ..catalogue.readonly import connect_reader, missing_table
from ..catalogue.submissions import SubmissionRepository
from ..workspace import Workspace
from .submissions import ACCEPTED, PENDING, RETURNED


@dataclass(frozen=True)
class UnitCounts:
    """One unit's submissions, each required item counted once whatever its number of versions."""

    unit: str
    submitted: int  # 已报送: items sent at least once
    pending: int  # 待审核
    accepted: int  # 已通过
    returned: int  # 退回 and not yet answered with a new version
    last_submitted: str  # when the unit last sent a file (ISO timestamp), "" if unknown

    @property
    def last_date(self) -> str:
        return self.last_submitted[:10]


def unit_counts(db: sqlite3.Connection, unit: str | None = None) -> list[UnitCounts]:
    """Every unit that has submitted (or only `unit`), units with returned items first, then those
    waiting for review, then by name: the 资料组 chases returns before anything else."""
    rows = SubmissionRepository(db).unit_counts(PENDING, ACCEPTED, RETURNED, unit)
    counts = [UnitCounts(r.unit, r.submitted, r.pending, r.accepted, r.returned, r.last_submitted) for r in rows]
    return sorted(counts, key=lambda c: (-c.returned, -c.pending, c.unit))


def read_unit_counts(ws: Workspace, unit: str | None = None) -> list[UnitCounts]:
    """`unit_counts` on a read-only connection of its own: no catalogue open (migrations, triggers) and
    no wait for the writer (WAL). An archive without a catalogue or team tables yet has no submissions."""
    db = connect_reader(ws)
    if db is None:
        return []
    try:
        return unit_counts(db, unit)
    except sqlite3.OperationalError as exc:
        if missing_table(exc):
            return []
        raise
    finally:
        db.close()
