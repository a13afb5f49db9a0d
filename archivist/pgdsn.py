"""A PostgreSQL address in archivist.toml: checked once, shown without its password.

The catalogue (`[catalogue] database`) and the search index (`[search] dsn`) both name a server;
they refuse the same mistakes with the same words, and every message prints the DSN masked — a
password is never echoed to a terminal, a log or a screenshot sent to a colleague.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit, urlunsplit

SCHEMA_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
SCHEMA_RULE = "请用小写字母、数字和下划线（字母开头，最长 63 个字符），如 \"qingshan\""
EXAMPLE = "postgresql://用户@主机:5432/库名"


def masked(dsn: str) -> str:
    """The DSN as it may be shown: a password replaced by `***`."""
    try:
        parts = urlsplit(dsn)
        if parts.password is None:
            return dsn
    except ValueError:
        return re.sub(r"(://[^/:@]*:)[^@/]*@", r"\1***@", dsn)
    host = parts.netloc.rsplit("@", 1)[1]
    user = f"{parts.username or ''}:***@"
    return urlunsplit(parts._replace(netloc=user + host))


def dsn_problem(dsn: str, where: str, in_toml: bool, env_name: str) -> str | None:
    """Why `dsn` (from `where`) cannot be used, as one line, or None.

    A password is refused in the toml (it is copied, backed up and sent around with the workspace)
    but accepted from the environment variable `env_name`."""
    try:
        parts = urlsplit(dsn)
        password = parts.password is not None or "password" in parse_qs(parts.query)
    except ValueError:
        parts, password = None, False
    if parts is None or parts.scheme not in ("postgresql", "postgres"):
        return f"{where} = {masked(dsn)!r} 应以 postgresql:// 开头，如 {EXAMPLE}"
    if password and in_toml:
        return f"{where} 不能写入密码：请删除密码，改用 PGPASSWORD、~/.pgpass 或环境变量 {env_name}"
    return None


def schema_problem(schema: str, where: str) -> str | None:
    """Why `schema` cannot name a tenant's tables, as one line, or None."""
    if SCHEMA_NAME.fullmatch(schema):
        return None
    return f"{where} 的 schema = {schema!r} 不可用：{SCHEMA_RULE}"
