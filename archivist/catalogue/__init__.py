"""The catalogue: SQLite, the source of truth for every intake, behind repositories.

Every SQL statement archivist runs against the catalogue lives in this package: the connection and
its audit chain (connection.py), the schema and its migrations (schema.py), the one journal every
move-journal row and audit entry goes through (journal.py), and one repository per domain returning
typed records. The same repositories run on SQLite (the default) or PostgreSQL (`[catalogue] database`;
the few differences are named in dialect.py).
"""

from typing import Any

from .config import CatalogueConfig, CatalogueConfigError, catalogue_config
from .connection import Catalogue, PgTarget
from .errors import DATABASE_ERRORS, CatalogueDamaged, CatalogueLost, CatalogueUnusable
from .evidence import JSON_FIELDS, new_id, public_record
from .journal import ACTING, GENESIS, acting_as, actor, audit_hash, now
from .schema import (
    AUDITED_TABLES,
    AUTO_ACTION,
    MARKER_NAME,
    MIGRATIONS,
    SCHEMA_PARTS,
    TABLE_LABELS,
    UNAUDITED_COLUMNS,
    register_audited,
)


def open_catalogue(ws: Any, *, allow_new: bool = False) -> Catalogue:
    """The workspace's catalogue: SQLite in its index folder, or the PostgreSQL schema its
    archivist.toml names in [catalogue] (the head record of the chain stays keyed by the local path)."""
    config = ws.catalogue_config
    target = PgTarget(config.database, config.schema) if config.is_postgresql else None
    return Catalogue(ws.catalogue_path, allow_new=allow_new, database=target)


__all__ = [
    "ACTING", "AUDITED_TABLES", "AUTO_ACTION", "DATABASE_ERRORS", "GENESIS", "JSON_FIELDS", "MARKER_NAME",
    "MIGRATIONS", "SCHEMA_PARTS",
    "TABLE_LABELS", "UNAUDITED_COLUMNS", "Catalogue", "CatalogueConfig", "CatalogueConfigError", "CatalogueDamaged",
    "CatalogueLost", "CatalogueUnusable", "PgTarget", "acting_as", "actor", "audit_hash", "catalogue_config",
    "new_id", "now", "open_catalogue", "public_record", "register_audited",
]
