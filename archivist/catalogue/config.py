"""The `[catalogue]` table of archivist.toml: where the catalogue lives, checked when the workspace loads.

    (no table)              the default: SQLite in index/catalogue.sqlite3, one writer at a time

    [catalogue]
    database = "postgresql://archivist@db.example:5432/archivist"   # a city or province server
    schema = "qingshan"     # this workspace's tables on it (default: named from the workspace folder)

A password never goes into the toml (it is copied, backed up and sent around with the workspace):
libpq reads PGPASSWORD or ~/.pgpass, or the whole DSN comes from the environment variable
ARCHIVIST_CATALOGUE_DSN, which wins over the toml. Each workspace on a server needs a schema of its
own (a tenant): `archivist init DIR --database …` writes both settings.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..pgdsn import SCHEMA_NAME, dsn_problem, schema_problem
from ..tomltable import settings_table

DSN_ENV = "ARCHIVIST_CATALOGUE_DSN"
_KNOWN = ("database", "schema")


class CatalogueConfigError(ValueError):
    """The [catalogue] table is wrong; the one-line message names the file, the setting and the fix."""


@dataclass(frozen=True)
class CatalogueConfig:
    database: str | None = None  # a postgresql:// DSN; None: SQLite in the index folder
    schema: str = ""

    @property
    def is_postgresql(self) -> bool:
        return self.database is not None


def default_schema(root: Path) -> str:
    """A schema named from the workspace: its folder name in lower-case ASCII, else `ws_` + a hash."""
    name = unicodedata.normalize("NFKD", root.name).encode("ascii", "ignore").decode().lower()
    name = re.sub(r"[^a-z0-9_]+", "_", name).strip("_")[:40]
    if name and not name[0].isdigit() and SCHEMA_NAME.fullmatch(name) and len(name) >= 3:
        return name
    return "ws_" + hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:12]


def catalogue_config(raw: dict[str, Any], config_path: Path) -> CatalogueConfig:
    """The checked [catalogue] settings of a parsed archivist.toml (default: SQLite)."""
    table, where = settings_table(raw, "catalogue", config_path, _KNOWN, _KNOWN, CatalogueConfigError)
    written = table.get("database", "").strip()
    from_env = os.environ.get(DSN_ENV, "").strip()
    if not written and not from_env:
        if "schema" in table:
            raise CatalogueConfigError(f"{where} 设置了 schema 但没有 database：请加上 database = "
                                       "\"postgresql://用户@主机:5432/库名\"，或删除 schema 一行")
        return CatalogueConfig()
    if written:
        check_dsn(written, f"{where} 的 database", in_toml=True)
    if from_env:
        check_dsn(from_env, f"环境变量 {DSN_ENV}", in_toml=False)
    schema = table.get("schema", "").strip() or default_schema(config_path.parent)
    problem = schema_problem(schema, where)
    if problem:
        raise CatalogueConfigError(problem)
    return CatalogueConfig(from_env or written, schema)


def check_dsn(dsn: str, where: str, in_toml: bool = True) -> None:
    problem = dsn_problem(dsn, where, in_toml, DSN_ENV)
    if problem:
        raise CatalogueConfigError(problem)


def render_table(database: str, schema: str) -> str:
    """The [catalogue] table `init --database` appends to archivist.toml."""
    return (
        "\n[catalogue]\n"
        f'database = "{database}"          # 目录数据库（PostgreSQL）；密码用 PGPASSWORD 或 ~/.pgpass\n'
        f'schema = "{schema}"              # 本工作区在服务器上的 schema（每个县一个）\n'
    )
