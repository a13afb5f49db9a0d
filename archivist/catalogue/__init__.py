"""The catalogue: SQLite, the source of truth for every intake, behind repositories.

Every SQL statement archivist runs against the catalogue lives in this package: the connection and
its audit chain (connection.py), the schema and its migrations (schema.py), the one journal every
move-journal row and audit entry goes through (journal.py), and one repository per domain returning
typed records. A later PostgreSQL catalogue implements the same repositories.
"""

from .connection import Catalogue
from .errors import CatalogueDamaged, CatalogueLost, CatalogueUnusable
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

__all__ = [
    "ACTING", "AUDITED_TABLES", "AUTO_ACTION", "GENESIS", "JSON_FIELDS", "MARKER_NAME", "MIGRATIONS", "SCHEMA_PARTS",
    "TABLE_LABELS", "UNAUDITED_COLUMNS", "Catalogue", "CatalogueDamaged", "CatalogueLost", "CatalogueUnusable",
    "acting_as", "actor", "audit_hash", "new_id", "now", "public_record", "register_audited",
]
