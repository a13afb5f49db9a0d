"""The `[search]` table of archivist.toml, checked when the workspace loads.

    [search]
    backend = "whoosh"      # the default: an index directory beside the catalogue (index/whoosh/)

    [search]
    backend = "postgresql"  # a PostgreSQL server (DESIGN.md, "Scale"; search/pg_backend.py)
    dsn = "postgresql://archivist@db.example/archivist"
    schema = "qingshan"     # this workspace's tables on the server (default "archivist")

The DSN may also come from the environment variable ARCHIVIST_SEARCH_DSN, which wins over the toml
(a deployment sets it per machine). A password never goes into the toml (it is copied, backed up
and sent around with the workspace): libpq reads PGPASSWORD or ~/.pgpass, or the password is part
of ARCHIVIST_SEARCH_DSN. Workspaces that share a database need a schema each: the index of one is
repaired against its own catalogue, so two on one schema would delete each other's documents.

A wrong value stops every command at once with one line naming the file and the fix, rather than
surfacing later as a failed index update behind the user's back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..pgdsn import dsn_problem, schema_problem
from ..tomltable import settings_table
from ..workspace import WorkspaceError

BACKENDS = ("whoosh", "postgresql")
DSN_ENV = "ARCHIVIST_SEARCH_DSN"
DEFAULT_SCHEMA = "archivist"
_KNOWN = ("backend", "dsn", "schema")


class SearchConfigError(WorkspaceError):
    """The [search] table is wrong; the one-line message names the file, the setting and the fix."""


@dataclass(frozen=True)
class SearchConfig:
    backend: str = "whoosh"
    dsn: str | None = None  # postgresql only
    schema: str = DEFAULT_SCHEMA
    dsn_source: str = ""  # where the DSN came from, for messages: the toml's setting or the variable


def search_config(raw: dict[str, Any], config_path: Path) -> SearchConfig:
    """The checked [search] settings of a parsed archivist.toml (default: Whoosh)."""
    table, where = settings_table(raw, "search", config_path, _KNOWN, ("dsn", "schema"), SearchConfigError)
    backend = table.get("backend", "whoosh")
    if not isinstance(backend, str) or backend.strip().lower() not in BACKENDS:
        valid = "、".join(f'"{b}"' for b in BACKENDS)
        raise SearchConfigError(f"{where} 的 backend = {backend!r} 不可用：可用的检索后端为 {valid}，请修正后重试")
    backend = backend.strip().lower()
    if backend == "whoosh":
        return SearchConfig()
    schema = table.get("schema", DEFAULT_SCHEMA).strip()
    problem = schema_problem(schema, where)
    if problem:
        raise SearchConfigError(problem)
    written = table.get("dsn", "").strip()
    if written:
        _check_dsn(written, f"{where} 的 dsn", in_toml=True)
    from_env = os.environ.get(DSN_ENV, "").strip()
    if from_env:
        _check_dsn(from_env, f"环境变量 {DSN_ENV}", in_toml=False)
        return SearchConfig(backend, from_env, schema, f"环境变量 {DSN_ENV}，{config_path} 的 [search]")
    if not written:
        raise SearchConfigError(
            f"{where} 设置了 backend = \"postgresql\" 但没有 dsn：请加上 dsn = \"postgresql://用户@主机:5432/库名\""
            f"（或设置环境变量 {DSN_ENV}）后重试"
        )
    return SearchConfig(backend, written, schema, f"{where} 的 dsn")


def _check_dsn(dsn: str, where: str, in_toml: bool) -> None:
    problem = dsn_problem(dsn, where, in_toml, DSN_ENV)
    if problem:
        raise SearchConfigError(problem)
