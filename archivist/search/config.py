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
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ..workspace import WorkspaceError

BACKENDS = ("whoosh", "postgresql")
DSN_ENV = "ARCHIVIST_SEARCH_DSN"
DEFAULT_SCHEMA = "archivist"
_KNOWN = ("backend", "dsn", "schema")
_SCHEMA = re.compile(r"[a-z_][a-z0-9_]{0,62}")


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
    table = raw.get("search", {})
    where = f"{config_path} 的 [search]"
    if not isinstance(table, dict):
        raise SearchConfigError(f"{where} 应为一个表（[search]），请修正后重试")
    for name in table:
        if name not in _KNOWN:
            raise SearchConfigError(f"{where} 有未知设置 {name}：可用的设置为 {'、'.join(_KNOWN)}，请删除该行后重试")
    backend = table.get("backend", "whoosh")
    if not isinstance(backend, str) or backend.strip().lower() not in BACKENDS:
        valid = "、".join(f'"{b}"' for b in BACKENDS)
        raise SearchConfigError(f"{where} 的 backend = {backend!r} 不可用：可用的检索后端为 {valid}，请修正后重试")
    backend = backend.strip().lower()
    for name in ("dsn", "schema"):
        if name in table and not isinstance(table[name], str):
            raise SearchConfigError(f"{where} 的 {name} 应为文字（加引号），现为 {table[name]!r}")
    if backend == "whoosh":
        return SearchConfig()
    schema = table.get("schema", DEFAULT_SCHEMA).strip()
    if not _SCHEMA.fullmatch(schema):
        raise SearchConfigError(
            f"{where} 的 schema = {schema!r} 不可用：请用小写字母、数字和下划线"
            "（字母开头，最长 63 个字符），如 \"qingshan\""
        )
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
    try:
        parts = urlsplit(dsn)
        password = parts.password is not None or "password" in parse_qs(parts.query)
    except ValueError:
        parts, password = None, False
    if parts is None or parts.scheme not in ("postgresql", "postgres"):
        raise SearchConfigError(f"{where} = {_shown(dsn)!r} 应以 postgresql:// 开头，如 postgresql://用户@主机:5432/库名")
    if password and in_toml:
        raise SearchConfigError(
            f"{where} 不能写入密码：请删除密码，改用 PGPASSWORD、~/.pgpass 或环境变量 {DSN_ENV}"
        )


def _shown(dsn: str) -> str:
    return re.sub(r"(://[^/:@]*:)[^@/]*@", r"\1***@", dsn)
