"""Evidence records: one row per intake, the labelled examples `assign` teaches with, containers.

Records stay dicts here (the shape CLI.md's `--json` prints, read by every command and report);
JSON columns (meta, suggestions, links, provenance) are stored as text and handed back decoded.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .dialect import dialect_of
from .journal import now

JSON_FIELDS = ("meta", "suggestions", "links", "provenance")


@dataclass(frozen=True)
class Identity:
    """What names a filed document and its bytes."""

    id: str
    sha256: str | None
    file_type: str | None
    original_name: str
    title: str | None


def new_id() -> str:
    return uuid.uuid4().hex[:12]


class EvidenceRepository:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.dialect = dialect_of(db)

    def insert(self, record: dict[str, Any]) -> None:
        row = _to_row(record)
        row.setdefault("received_at", now())
        row["updated_at"] = now()
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.db.execute(f"INSERT INTO evidence({columns}) VALUES ({marks})", tuple(row.values()))

    def update(self, evidence_id: str, **fields: Any) -> None:
        row = _to_row(fields)
        row["updated_at"] = now()
        assignments = ", ".join(f"{k}=?" for k in row)
        self.db.execute(f"UPDATE evidence SET {assignments} WHERE id=?", (*row.values(), evidence_id))

    def get(self, evidence_id: str) -> dict[str, Any] | None:
        """One record by id, or by a unique prefix of at least 4 characters."""
        row = self.db.execute("SELECT * FROM evidence WHERE id=?", (evidence_id,)).fetchone()
        if row is None and len(evidence_id) >= 4:
            rows = self.db.execute("SELECT * FROM evidence WHERE id LIKE ?", (evidence_id + "%",)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return _from_row(row) if row else None

    def find_by_sha(self, sha256: str) -> dict[str, Any] | None:
        """The stored original for these bytes (not a duplicate record)."""
        row = self.db.execute(
            "SELECT * FROM evidence WHERE sha256=? AND status!='duplicate' AND archive_path IS NOT NULL"
            " ORDER BY received_at LIMIT 1",
            (sha256,),
        ).fetchone()
        return _from_row(row) if row else None

    def find_by_source(self, source_path: str, sha256: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT * FROM evidence WHERE source_path=? AND sha256=?"
            " AND (archive_path IS NOT NULL OR status='duplicate') ORDER BY received_at LIMIT 1",
            (source_path, sha256),
        ).fetchone()
        return _from_row(row) if row else None

    def is_archived(self, sha256: str) -> bool:
        """Whether these bytes are already stored (as an original, not a duplicate record)."""
        row = self.db.execute(
            "SELECT 1 FROM evidence WHERE sha256=? AND status!='duplicate' AND archive_path IS NOT NULL LIMIT 1",
            (sha256,),
        )
        return row.fetchone() is not None

    def skipped_before(self, source_path: str, reason_start: str) -> str | None:
        """The id of the record an earlier run made for this skipped entry (same place, same reason)."""
        row = self.db.execute(
            "SELECT id FROM evidence WHERE source_path=? AND status='quarantined' AND archive_path IS NULL"
            " AND reason LIKE ? || '%' ORDER BY received_at LIMIT 1",
            (source_path, reason_start),
        ).fetchone()
        return row[0] if row else None

    def member_of(self, container_sha256: str, member_name: str) -> str | None:
        """The id of the record an earlier run made for this member of this same zip."""
        json = self.dialect.json_field
        row = self.db.execute(
            f"SELECT id FROM evidence WHERE {json('provenance', 'container_sha256')}=?"
            f" AND {json('provenance', 'member')}=? ORDER BY received_at LIMIT 1",
            (container_sha256, member_name),
        ).fetchone()
        return row[0] if row else None

    def records(
        self, status: str | None = None, indicator: str | None = None, with_text: bool = False
    ) -> list[dict[str, Any]]:
        """Records in the order received; `indicator` also finds those linked to it (see_also)."""
        cols = "*" if with_text else ", ".join(c for c in _COLUMNS if c != "text")
        sql = f"SELECT {cols} FROM evidence WHERE 1=1"
        args: list[Any] = []
        if status:
            sql += " AND status=?"
            args.append(status)
        if indicator:
            sql += " AND (indicator=? OR links LIKE ?)"
            args += [indicator, f'%"{indicator}"%']
        sql += " ORDER BY received_at, rowid"
        return [_from_row(r) for r in self.db.execute(sql, args)]

    def archive_paths(self) -> set[str]:
        """Every archive path the catalogue owns: evidence files and zip originals."""
        rows = self.db.execute("SELECT archive_path FROM evidence WHERE archive_path IS NOT NULL")
        paths = {r[0] for r in rows}
        paths |= {r[0] for r in self.db.execute("SELECT archive_path FROM containers")}
        return paths

    # what assessments and reports read ----------------------------------------------------------
    def status_counts(self) -> dict[str, int]:
        """How many records are in each intake status."""
        return {r[0]: int(r[1]) for r in self.db.execute("SELECT status, count(*) FROM evidence GROUP BY status")}

    def counting_dates(self) -> list[str | None]:
        """Of every filed or unsorted record: its document date, else a photo's EXIF date (as stored)."""
        sql = "SELECT coalesce(nullif(doc_date, ''), {exif}) FROM evidence WHERE status IN ('filed', 'unsorted')"
        try:
            rows = self.db.execute(sql.format(exif=self.dialect.json_field("meta", "exif_date"))).fetchall()
        except sqlite3.Error:  # an SQLite without JSON1: document dates only
            rows = self.db.execute(sql.format(exif="NULL")).fetchall()
        return [r[0] for r in rows]

    def text_head(self, evidence_id: str, chars: int) -> str:
        row = self.db.execute("SELECT substr(coalesce(text, ''), 1, ?) FROM evidence WHERE id=?",
                              (chars, evidence_id)).fetchone()
        return row[0] if row else ""

    def filed_for_status(self, text_chars: int) -> list[dict[str, Any]]:
        """Filed records with the first `text_chars` of their text, their EXIF date (not the whole meta)
        and their links decoded: what status reads, kept small for tens of thousands of files."""
        sql = (
            "SELECT id, status, indicator, archive_path, original_name, sha256, file_type, title, unit, doc_date,"
            " doc_number, kind, links, substr(coalesce(text, ''), 1, ?) AS text, {exif} AS exif_date, received_at"
            " FROM evidence WHERE status='filed' ORDER BY received_at, rowid"
        )
        try:
            rows = [dict(r) for r in self.db.execute(sql.format(exif=self.dialect.json_field("meta", "exif_date")),
                                                     (text_chars,))]
        except sqlite3.Error:  # an SQLite without JSON1: decode meta here
            rows = [dict(r) | {"exif_date": _exif_from_meta(r["exif_date"])}
                    for r in self.db.execute(sql.format(exif="meta"), (text_chars,))]
        for record in rows:
            links = record.get("links")
            try:
                record["links"] = json.loads(links) if isinstance(links, str) and links else []
            except ValueError:
                record["links"] = []
        return rows

    def units_received_since(self, day: str) -> list[str | None]:
        """The unit of each record (duplicates aside) received on or after `day` (YYYY-MM-DD)."""
        rows = self.db.execute("SELECT unit FROM evidence WHERE received_at >= ? AND status != 'duplicate'", (day,))
        return [r[0] for r in rows]

    def spreadsheets(self) -> list[dict[str, Any]]:
        """Filed and unsorted spreadsheets (xlsx, xls, WPS .et), in the order received; meta as stored."""
        rows = self.db.execute(
            "SELECT id, status, indicator, archive_path, original_name, sha256, file_type, meta FROM evidence"
            " WHERE status IN ('filed', 'unsorted') AND (file_type='xlsx' OR lower(original_name) LIKE '%.xlsx'"
            " OR lower(original_name) LIKE '%.xls' OR lower(original_name) LIKE '%.et')"
            " ORDER BY received_at, rowid"
        )
        return [dict(r) for r in rows]

    def filed_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM evidence WHERE status='filed' ORDER BY rowid")]

    def filed_identities(self, ids: list[str]) -> list[Identity]:
        """Of these ids, the filed ones: what names a document and its bytes, without its text."""
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT id, sha256, file_type, original_name, title FROM evidence "
                               f"WHERE status='filed' AND id IN ({marks})", ids)
        return [Identity(*r) for r in rows]

    def bodies(self, ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
        """Text and meta (as stored) of these records."""
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT id, text, meta FROM evidence WHERE id IN ({marks})", ids)
        return {r[0]: (r[1], r[2]) for r in rows}

    def checkable(self) -> Iterator[sqlite3.Row]:
        """What `archivist check` reads of every archived record (filed or unsorted) and every duplicate,
        in the order received; meta and provenance as stored."""
        yield from self.db.execute(
            "SELECT id, status, original_name, archive_path, file_type, title, unit, doc_date, indicator,"
            " received_at, source_path, provenance, text, meta, duplicate_of FROM evidence"
            " WHERE (status IN ('filed','unsorted') AND archive_path IS NOT NULL) OR status='duplicate' ORDER BY rowid"
        )

    def sha_by_path(self) -> dict[str, str]:
        """sha256 of each evidence file, by archive path."""
        return dict(self.db.execute("SELECT archive_path, sha256 FROM evidence WHERE archive_path IS NOT NULL"))

    def filed_count(self, codes: set[str]) -> int:
        """How many records are filed under these indicator codes."""
        marks = ",".join("?" for _ in codes)
        row = self.db.execute(f"SELECT COUNT(*) FROM evidence WHERE status='filed' AND indicator IN ({marks})",
                              tuple(codes)).fetchone()
        return int(row[0])

    def columns_of(self, ids: list[str], columns: tuple[str, ...]) -> dict[str, dict[str, Any]]:
        """A few columns of the given records, by id (as stored: JSON columns not decoded)."""
        unknown = [c for c in columns if c not in _COLUMNS]
        if unknown:
            raise ValueError(f"no such evidence column: {', '.join(unknown)}")
        marks = ",".join("?" for _ in ids)
        rows = self.db.execute(f"SELECT id, {', '.join(columns)} FROM evidence WHERE id IN ({marks})", ids)
        return {r["id"]: dict(r) for r in rows}

    def recent_archived(self, limit: int) -> list[dict[str, Any]]:
        """The newest filed or unsorted records (id, title, original name, indicator, date, when received),
        newest first."""
        rows = self.db.execute(
            "SELECT id, title, original_name, indicator, doc_date, received_at FROM evidence"
            " WHERE status IN ('filed','unsorted')"
            " ORDER BY received_at DESC LIMIT ?", (limit,))
        return [dict(r) for r in rows]

    def count(self, status: str) -> int:
        return int(self.db.execute("SELECT count(*) FROM evidence WHERE status=?", (status,)).fetchone()[0])

    def text_of(self, evidence_id: str) -> str:
        row = self.db.execute("SELECT text FROM evidence WHERE id=?", (evidence_id,)).fetchone()
        return (row[0] or "") if row else ""

    def supplied_title_ids(self) -> set[str]:
        """Filed records whose title is not found in the top of their own text (whitespace and line breaks
        ignored): titles the archivist supplied."""
        lf, cr = self.dialect.char(10), self.dialect.char(13)
        strip = f"replace(replace(replace(replace({{x}}, {lf}, ''), {cr}, ''), ' ', ''), '\u3000', '')"
        found = self.dialect.position(strip.format(x="title"), strip.format(x="substr(coalesce(text, ''), 1, 4000)"))
        sql = f"SELECT id FROM evidence WHERE status='filed' AND (coalesce(title, '') = '' OR {found} = 0)"
        return {row[0] for row in self.db.execute(sql)}

    def unit_names(self) -> list[str]:
        """Every unit a record names, once each."""
        rows = self.db.execute("SELECT DISTINCT unit FROM evidence WHERE unit IS NOT NULL AND unit != ''")
        return [str(r[0]) for r in rows]

    def verify_rows(self) -> dict[str, dict[str, Any]]:
        """Every record's identity and place, by id, without text or meta (what verify compares)."""
        rows = self.db.execute(
            "SELECT id, status, indicator, archive_path, sha256, size, duplicate_of, indexed, provenance,"
            " original_name FROM evidence"
        )
        return {r["id"]: dict(r) for r in rows}

    def files_with_sha(self, sha256: str) -> list[tuple[str, str]]:
        """(id, archive path) of every evidence file and zip original stored with these bytes."""
        rows = self.db.execute(
            "SELECT id, archive_path FROM evidence WHERE sha256=? AND archive_path IS NOT NULL"
            " UNION ALL SELECT id, archive_path FROM containers WHERE sha256=?",
            (sha256, sha256),
        )
        return [(r[0], r[1]) for r in rows]

    def typed_units(self) -> list[str]:
        """The units named by documents read from their own text layer (not scans read by OCR)."""
        rows = self.db.execute("SELECT DISTINCT unit FROM evidence WHERE unit IS NOT NULL AND unit != '' "
                               "AND (meta IS NULL OR meta NOT LIKE '%\"ocr\"%')")
        return [str(r[0]) for r in rows]

    # learning --------------------------------------------------------------
    def add_example(self, evidence_id: str, code: str, text: str) -> None:
        self.db.execute(
            "INSERT INTO examples(evidence_id, code, text, created_at) VALUES (?,?,?,?)",
            (evidence_id, code, text, now()),
        )

    def examples(self) -> list[tuple[str, str]]:
        return [(r["code"], r["text"]) for r in self.db.execute("SELECT code, text FROM examples ORDER BY id")]


_COLUMNS = (
    "id status indicator confidence archive_path original_name source_path sha256 size file_type title unit"
    " doc_date doc_number kind pages text meta suggestions links duplicate_of reason provenance indexed"
    " received_at updated_at"
).split()


def _to_row(record: dict[str, Any]) -> dict[str, Any]:
    row = {}
    for key, value in record.items():
        if key not in _COLUMNS:
            continue
        if key in JSON_FIELDS and value is not None and not isinstance(value, str):
            value = json.dumps(value, ensure_ascii=False)
        row[key] = value
    return row


def _from_row(row: sqlite3.Row) -> dict[str, Any]:
    record = dict(row)
    for key in JSON_FIELDS:
        if key in record and isinstance(record[key], str):
            record[key] = json.loads(record[key])
    return record


def public_record(record: dict[str, Any]) -> dict[str, Any]:
    """The intake record as CLI.md's JSON contract shows it (plus a few extra fields)."""
    keys = (
        "id status indicator confidence archive_path original_name sha256 size title unit doc_date"
        " duplicate_of reason doc_number kind file_type pages links suggestions provenance"
    ).split()
    return {k: record.get(k) for k in keys}


def _exif_from_meta(meta: str | None) -> str | None:
    try:
        return (json.loads(meta) or {}).get("exif_date") if meta else None
    except (ValueError, AttributeError):
        return None
