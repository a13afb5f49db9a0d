"""The catalogue's schema and how a database file reaches it.

Two mechanisms, both applied when a connection opens (`migrate`): the numbered MIGRATIONS, tracked
in SQLite's `PRAGMA user_version` (each entry takes version i to i+1), and the named SCHEMA_PARTS,
one per feature, recorded in `schema_parts` so features added side by side never fight over the
next number. Never edit a released entry: append a migration or add a new part name.

Also here: which tables the audit chain covers (AUDITED_TABLES) and what a row's digest leaves out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

# Each entry migrates the schema from version i to i+1. Never edit an entry once released: append.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE IF NOT EXISTS evidence (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        indicator TEXT,
        confidence REAL,
        archive_path TEXT,
        original_name TEXT NOT NULL,
        source_path TEXT,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        file_type TEXT,
        title TEXT,
        unit TEXT,
        doc_date TEXT,
        doc_number TEXT,
        kind TEXT,
        pages INTEGER,
        text TEXT,
        meta TEXT,
        suggestions TEXT,
        links TEXT,
        duplicate_of TEXT,
        reason TEXT,
        provenance TEXT,
        indexed INTEGER NOT NULL DEFAULT 0,
        received_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS evidence_sha ON evidence(sha256);
    CREATE INDEX IF NOT EXISTS evidence_status ON evidence(status);
    CREATE INDEX IF NOT EXISTS evidence_indicator ON evidence(indicator);
    CREATE TABLE IF NOT EXISTS journal (
        id INTEGER PRIMARY KEY,
        evidence_id TEXT NOT NULL,
        source TEXT NOT NULL,
        temp TEXT NOT NULL,
        dest TEXT NOT NULL,
        remove_source INTEGER NOT NULL,
        stage TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS examples (
        id INTEGER PRIMARY KEY,
        evidence_id TEXT,
        code TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS containers (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        original_name TEXT NOT NULL,
        archive_path TEXT NOT NULL,
        members INTEGER NOT NULL,
        received_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        evidence_id TEXT,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    """,
    # assess (issue #5): self-assessment scores and the rectification ledger (整改台账).
    """
    CREATE TABLE IF NOT EXISTS self_scores (
        code TEXT PRIMARY KEY,
        points REAL NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL DEFAULT '[]',
        actor TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS problems (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        description TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        found_date TEXT NOT NULL,
        deadline TEXT,
        indicator TEXT,
        site INTEGER NOT NULL DEFAULT 0,
        measures TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open',
        closed_at TEXT,
        close_note TEXT NOT NULL DEFAULT '',
        close_evidence TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS problems_unit ON problems(unit);
    CREATE INDEX IF NOT EXISTS problems_status ON problems(status)
    """,
]

# Tables owned by one feature each (coverage marks, edits, findings, schemes, users…): name → script.
# Applied once each after the numbered migrations and recorded in `schema_parts`, so features added
# side by side never fight over the next version number. Never edit a released entry: add a new name.
SCHEMA_PARTS: dict[str, str] = {
    # the keyed audit chain: a workspace id (names the key file), entry scheme, row digests
    "audit-keyed-chain": """
    CREATE TABLE IF NOT EXISTS catalogue_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT OR IGNORE INTO catalogue_meta(name, value) VALUES ('workspace_id', lower(hex(randomblob(16))));
    ALTER TABLE audit ADD COLUMN scheme INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE audit ADD COLUMN rows TEXT
    """,
}

# Tables whose every row change is covered by the audit chain: table -> key column. A feature
# adding a table of state (marks, edits, findings...) registers it with `register_audited`.
AUDITED_TABLES: dict[str, str] = {
    "evidence": "id",
    "containers": "id",
    "self_scores": "code",
    "problems": "id",
}
# Columns left out of a row's digest: derived bookkeeping that changes without being a state change.
UNAUDITED_COLUMNS: dict[str, frozenset[str]] = {"evidence": frozenset({"indexed"})}
TABLE_LABELS: dict[str, str] = {
    "evidence": "材料", "containers": "压缩包原件", "self_scores": "自评分", "problems": "问题",
}
AUDITED_TABLES["finding_marks"] = "finding_id"  # `check --explain`: a person's judgement on a finding
TABLE_LABELS["finding_marks"] = "核查说明"
AUTO_ACTION = "row_changed"  # rows changed in a transaction that no audit() call covered
MARKER_NAME = "catalogue.id"  # beside the catalogue: "a catalogue existed here" (a lost one is not re-created)


def register_audited(table: str, key: str, label: str = "", skip: frozenset[str] = frozenset()) -> None:
    """Put a table under the audit chain: its row changes are digested into audit entries."""
    AUDITED_TABLES[table] = key
    if label:
        TABLE_LABELS[table] = label
    if skip:
        UNAUDITED_COLUMNS[table] = skip


# User corrections of 题名/责任者/成文日期/文号/类别 (`archivist edit`): re-extraction never overwrites them.
SCHEMA_PARTS["evidence_overrides"] = """
    CREATE TABLE evidence_overrides (
        evidence_id TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT,
        note TEXT NOT NULL DEFAULT '',
        actor TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        PRIMARY KEY (evidence_id, field)
    )
"""

# The user's 查漏补缺 marks (`archivist cover`): an item covered by a given document, or not applicable.
SCHEMA_PARTS["coverage_marks"] = """
    CREATE TABLE IF NOT EXISTS coverage_marks (
        key TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        item_no INTEGER NOT NULL,
        item TEXT NOT NULL,
        evidence_id TEXT,
        not_applicable INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        actor TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    )
"""

# `scheme migrate`: each run from last year's scheme to this year's, and every file it moved (old → new code).
SCHEMA_PARTS["scheme_migrations"] = """
    CREATE TABLE scheme_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        old_framework TEXT NOT NULL,
        new_framework TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        snapshot TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE scheme_migrations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id INTEGER NOT NULL,
        evidence_id TEXT NOT NULL,
        old_code TEXT NOT NULL,
        new_code TEXT,
        old_path TEXT NOT NULL,
        new_path TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    );
    CREATE INDEX scheme_migrations_evidence ON scheme_migrations(evidence_id)
"""

# `archivist check`: per-file facts (derived, like the search index), the last check's findings, and the
# audited "explained" marks a person puts on a finding.
SCHEMA_PARTS["authenticity"] = """
    CREATE TABLE authenticity_facts (
        evidence_id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        phash TEXT,
        minhash BLOB,
        sentences BLOB,
        created TEXT,
        modified TEXT,
        at TEXT NOT NULL
    );
    CREATE TABLE findings (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        evidence_ids TEXT NOT NULL,
        severity TEXT NOT NULL,
        detail TEXT NOT NULL,
        evidence TEXT NOT NULL DEFAULT '{}',
        subject TEXT NOT NULL DEFAULT '',
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX findings_kind ON findings(kind);
    CREATE TABLE finding_marks (
        finding_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        evidence_ids TEXT NOT NULL,
        note TEXT NOT NULL,
        actor TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    )
"""
# `archivist check`: pictures inside Office files ((member, pHash) pairs as JSON), compared like photos
SCHEMA_PARTS["authenticity-embedded-images"] = """
    ALTER TABLE authenticity_facts ADD COLUMN images TEXT
"""
# `archivist check`: picture pairs already verified (archived bytes never change: aligned once, remembered)
SCHEMA_PARTS["authenticity-picture-pairs"] = """
    CREATE TABLE authenticity_pairs (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        version INTEGER NOT NULL,
        same INTEGER NOT NULL,
        distance INTEGER,
        changed REAL,
        rmse REAL,
        PRIMARY KEY (a, b)
    )
"""

# Team work (archivist/team/): units, named accounts with roles, and units' submissions (报送) into required
# evidence items with every version's bytes. Users' sessions are invalidated by bumping `session_epoch`.
SCHEMA_PARTS["team"] = """
    CREATE TABLE team_units (
        name TEXT PRIMARY KEY,
        contact TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE TABLE team_users (
        username TEXT PRIMARY KEY,
        display_name TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        session_epoch INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE submissions (
        id TEXT PRIMARY KEY,
        unit TEXT NOT NULL,
        indicator TEXT NOT NULL,
        item_no INTEGER NOT NULL,
        item TEXT NOT NULL,
        state TEXT NOT NULL,
        version INTEGER NOT NULL,
        evidence_id TEXT,
        filed_indicator TEXT,
        reason TEXT NOT NULL DEFAULT '',
        submitted_by TEXT NOT NULL DEFAULT '',
        reviewed_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX submissions_unit ON submissions(unit);
    CREATE INDEX submissions_state ON submissions(state);
    CREATE TABLE submission_versions (
        id TEXT PRIMARY KEY,
        submission_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        original_name TEXT NOT NULL,
        stored_path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        suggestion TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        submitted_by TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    );
    CREATE INDEX submission_versions_sub ON submission_versions(submission_id)
"""
for _table, _key, _label in (("team_units", "name", "单位"), ("team_users", "username", "账号"),
                             ("submissions", "id", "报送"), ("submission_versions", "id", "报送版本")):
    AUDITED_TABLES[_table] = _key
    TABLE_LABELS[_table] = _label


# The move journal names the writer of each row (a per-connection session id): on PostgreSQL several
# writers run at once and recovery takes over only the rows of a writer that is gone (connection.py).
SCHEMA_PARTS["journal-writer"] = """
    ALTER TABLE journal ADD COLUMN writer TEXT
"""

# PostgreSQL: the same tables, columns and meaning, in PostgreSQL's types. One entry per SQLite entry
# above (same number, same part name), so both databases go through the same steps; the version is
# kept in `schema_version` instead of PRAGMA user_version. What is PostgreSQL's own: `rowid` identity
# columns where SQLite's hidden rowid gives the insertion order, `audit_head` (the chain's head row,
# locked by each appending writer), the trigger function noting touched rows, and the unique indexes
# that let writers run side by side (one original per sha256, one journal row per destination).
PG_MIGRATIONS: list[str] = [
    """
    CREATE TABLE IF NOT EXISTS evidence (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        indicator TEXT,
        confidence DOUBLE PRECISION,
        archive_path TEXT,
        original_name TEXT NOT NULL,
        source_path TEXT,
        sha256 TEXT NOT NULL,
        size BIGINT NOT NULL,
        file_type TEXT,
        title TEXT,
        unit TEXT,
        doc_date TEXT,
        doc_number TEXT,
        kind TEXT,
        pages BIGINT,
        text TEXT,
        meta TEXT,
        suggestions TEXT,
        links TEXT,
        duplicate_of TEXT,
        reason TEXT,
        provenance TEXT,
        indexed BIGINT NOT NULL DEFAULT 0,
        received_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
    );
    CREATE INDEX IF NOT EXISTS evidence_sha ON evidence(sha256);
    CREATE INDEX IF NOT EXISTS evidence_status ON evidence(status);
    CREATE INDEX IF NOT EXISTS evidence_indicator ON evidence(indicator);
    CREATE UNIQUE INDEX IF NOT EXISTS evidence_one_original ON evidence(sha256)
        WHERE status <> 'duplicate' AND archive_path IS NOT NULL;
    CREATE TABLE IF NOT EXISTS journal (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        evidence_id TEXT NOT NULL,
        source BYTEA NOT NULL,
        temp BYTEA NOT NULL,
        dest BYTEA NOT NULL,
        remove_source BIGINT NOT NULL,
        stage TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS journal_one_dest ON journal(dest);
    CREATE TABLE IF NOT EXISTS examples (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        evidence_id TEXT,
        code TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS containers (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        original_name TEXT NOT NULL,
        archive_path TEXT NOT NULL,
        members BIGINT NOT NULL,
        received_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS audit (
        seq BIGINT PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        evidence_id TEXT,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq BIGINT NOT NULL,
        hash TEXT NOT NULL
    );
    INSERT INTO audit_head(id, seq, hash) VALUES (1, 0, repeat('0', 64))
        ON CONFLICT DO NOTHING;
    CREATE OR REPLACE FUNCTION archivist_note_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        -- only a connection that tracks its rows has the temp table (see connection.py)
        IF to_regclass('pg_temp.audit_dirty') IS NULL THEN
            RETURN NULL;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO pg_temp.audit_dirty(tbl, key) VALUES (TG_TABLE_NAME, to_jsonb(NEW) ->> TG_ARGV[0]);
        END IF;
        IF TG_OP <> 'INSERT' THEN
            INSERT INTO pg_temp.audit_dirty(tbl, key) VALUES (TG_TABLE_NAME, to_jsonb(OLD) ->> TG_ARGV[0]);
        END IF;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TABLE IF NOT EXISTS self_scores (
        code TEXT PRIMARY KEY,
        points DOUBLE PRECISION NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL DEFAULT '[]',
        actor TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS problems (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        description TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        found_date TEXT NOT NULL,
        deadline TEXT,
        indicator TEXT,
        site BIGINT NOT NULL DEFAULT 0,
        measures TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open',
        closed_at TEXT,
        close_note TEXT NOT NULL DEFAULT '',
        close_evidence TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS problems_unit ON problems(unit);
    CREATE INDEX IF NOT EXISTS problems_status ON problems(status)
    """,
]

PG_SCHEMA_PARTS: dict[str, str] = {
    "audit-keyed-chain": """
    CREATE TABLE IF NOT EXISTS catalogue_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO catalogue_meta(name, value) VALUES ('workspace_id', md5(random()::text || clock_timestamp()::text))
        ON CONFLICT DO NOTHING;
    ALTER TABLE audit ADD COLUMN scheme BIGINT NOT NULL DEFAULT 0;
    ALTER TABLE audit ADD COLUMN rows TEXT
    """,
    "evidence_overrides": """
    CREATE TABLE evidence_overrides (
        evidence_id TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT,
        note TEXT NOT NULL DEFAULT '',
        actor TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        PRIMARY KEY (evidence_id, field)
    )
    """,
    "coverage_marks": """
    CREATE TABLE IF NOT EXISTS coverage_marks (
        key TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        item_no BIGINT NOT NULL,
        item TEXT NOT NULL,
        evidence_id TEXT,
        not_applicable BIGINT NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        actor TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    )
    """,
    "scheme_migrations": """
    CREATE TABLE scheme_runs (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        old_framework TEXT NOT NULL,
        new_framework TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        snapshot TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE scheme_migrations (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        run_id BIGINT NOT NULL,
        evidence_id TEXT NOT NULL,
        old_code TEXT NOT NULL,
        new_code TEXT,
        old_path TEXT NOT NULL,
        new_path TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    );
    CREATE INDEX scheme_migrations_evidence ON scheme_migrations(evidence_id)
    """,
    "authenticity": """
    CREATE TABLE authenticity_facts (
        evidence_id TEXT PRIMARY KEY,
        version BIGINT NOT NULL,
        phash TEXT,
        minhash BYTEA,
        sentences BYTEA,
        created TEXT,
        modified TEXT,
        at TEXT NOT NULL
    );
    CREATE TABLE findings (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        evidence_ids TEXT NOT NULL,
        severity TEXT NOT NULL,
        detail TEXT NOT NULL,
        evidence TEXT NOT NULL DEFAULT '{}',
        subject TEXT NOT NULL DEFAULT '',
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        active BIGINT NOT NULL DEFAULT 1
    );
    CREATE INDEX findings_kind ON findings(kind);
    CREATE TABLE finding_marks (
        finding_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        evidence_ids TEXT NOT NULL,
        note TEXT NOT NULL,
        actor TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    )
    """,
    "authenticity-embedded-images": """
    ALTER TABLE authenticity_facts ADD COLUMN images TEXT
    """,
    "authenticity-picture-pairs": """
    CREATE TABLE authenticity_pairs (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        version BIGINT NOT NULL,
        same BIGINT NOT NULL,
        distance BIGINT,
        changed DOUBLE PRECISION,
        rmse DOUBLE PRECISION,
        PRIMARY KEY (a, b)
    )
    """,
    "team": """
    CREATE TABLE team_units (
        name TEXT PRIMARY KEY,
        contact TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE TABLE team_users (
        username TEXT PRIMARY KEY,
        display_name TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        password_hash TEXT NOT NULL,
        disabled BIGINT NOT NULL DEFAULT 0,
        session_epoch BIGINT NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE submissions (
        id TEXT PRIMARY KEY,
        unit TEXT NOT NULL,
        indicator TEXT NOT NULL,
        item_no BIGINT NOT NULL,
        item TEXT NOT NULL,
        state TEXT NOT NULL,
        version BIGINT NOT NULL,
        evidence_id TEXT,
        filed_indicator TEXT,
        reason TEXT NOT NULL DEFAULT '',
        submitted_by TEXT NOT NULL DEFAULT '',
        reviewed_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX submissions_unit ON submissions(unit);
    CREATE INDEX submissions_state ON submissions(state);
    CREATE TABLE submission_versions (
        id TEXT PRIMARY KEY,
        submission_id TEXT NOT NULL,
        version BIGINT NOT NULL,
        original_name TEXT NOT NULL,
        stored_path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size BIGINT NOT NULL,
        suggestion TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        submitted_by TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    );
    CREATE INDEX submission_versions_sub ON submission_versions(submission_id)
    """,
    "journal-writer": """
    ALTER TABLE journal ADD COLUMN writer TEXT
    """,
}
PG_MIGRATION_LOCK = 0x61726368  # the advisory lock key held while a first open creates a tenant's schema


def migrate(db: sqlite3.Connection, now: Callable[[], str]) -> None:
    """Bring the database to the current schema: numbered migrations, then the named parts."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            _run_script(db, script)
            db.execute(f"PRAGMA user_version={number}")
            db.execute("COMMIT")
        except Exception:
            db.execute("ROLLBACK")
            raise
    _apply_schema_parts(db, now)


def _apply_schema_parts(db: sqlite3.Connection, now: Callable[[], str]) -> None:
    db.execute("CREATE TABLE IF NOT EXISTS schema_parts (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {row[0] for row in db.execute("SELECT name FROM schema_parts")}
    for name, script in SCHEMA_PARTS.items():
        if name in done:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            if not db.execute("SELECT 1 FROM schema_parts WHERE name=?", (name,)).fetchone():
                _run_script(db, script)
                db.execute("INSERT INTO schema_parts(name, applied_at) VALUES (?, ?)", (name, now()))
            db.execute("COMMIT")
        except Exception:
            db.execute("ROLLBACK")
            raise


def _run_script(db: sqlite3.Connection, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def check_tables(db: sqlite3.Connection) -> None:
    """Raise sqlite3.Error when the core tables are not readable (a damaged or foreign file)."""
    db.execute("SELECT id, status, sha256 FROM evidence LIMIT 0")
    db.execute("SELECT seq, hash FROM audit LIMIT 0")


def table_columns(db: sqlite3.Connection, table: str) -> list[str]:
    """The columns of a table in the main database (empty when it does not exist)."""
    return [r[1] for r in db.execute(f'PRAGMA main.table_info("{table}")')]


def table_names(db: sqlite3.Connection) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def migrate_pg(db: Any, now: Callable[[], str]) -> None:
    """The PostgreSQL tenant to the current schema, in the same steps as SQLite's, under an advisory
    lock (several writers opening a new tenant at once create it once)."""
    missing = [name for name in SCHEMA_PARTS if name not in PG_SCHEMA_PARTS]
    if missing or len(PG_MIGRATIONS) != len(MIGRATIONS):
        raise RuntimeError(f"PostgreSQL schema lacks: {', '.join(missing) or 'a numbered migration'}")
    db.execute("BEGIN")
    try:
        db.execute("SELECT pg_advisory_xact_lock(CAST(? AS integer), hashtext(current_schema()))", (PG_MIGRATION_LOCK,))
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")
        row = db.execute("SELECT version FROM schema_version").fetchone()
        if row is None:
            db.execute("INSERT INTO schema_version(version) VALUES (0)")
        version = int(row[0]) if row else 0
        for number, script in enumerate(PG_MIGRATIONS[version:], start=version + 1):
            db.execute(script)
            db.execute("UPDATE schema_version SET version=?", (number,))
        db.execute("CREATE TABLE IF NOT EXISTS schema_parts (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {r[0] for r in db.execute("SELECT name FROM schema_parts")}
        for name in SCHEMA_PARTS:
            if name not in done:
                db.execute(PG_SCHEMA_PARTS[name])
                db.execute("INSERT INTO schema_parts(name, applied_at) VALUES (?, ?)", (name, now()))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def pg_table_columns(db: Any, table: str) -> list[str]:
    """The columns of a table in the tenant's schema, in order, without the hidden `rowid`."""
    rows = db.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
        " AND table_name = ? ORDER BY ordinal_position", (table,))
    return [r[0] for r in rows if r[0] != "rowid"]


def pg_table_names(db: Any) -> set[str]:
    rows = db.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
    return {r[0] for r in rows}
