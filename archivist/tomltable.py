"""One table of archivist.toml (`[search]`, `[storage]`, `[catalogue]`): the checks every table shares.

Each table's own module checks its values; the shape — a table, no unknown settings, text where text
is expected — is refused here with the same words everywhere, naming the file and the fix.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any


def settings_table(raw: dict[str, Any], section: str, config_path: Path, known: Iterable[str],
                   text: Iterable[str], error: type[Exception]) -> tuple[dict[str, Any], str]:
    """The `[section]` table of a parsed toml (empty when absent) and how messages name it.

    Raises `error` with one line when it is not a table, has a setting outside `known`, or a
    setting named in `text` is not a quoted string."""
    table = raw.get(section, {})
    where = f"{config_path} 的 [{section}]"
    if not isinstance(table, dict):
        raise error(f"{where} 应为一个表（[{section}]），请修正后重试")
    known = list(known)
    for name in table:
        if name not in known:
            raise error(f"{where} 有未知设置 {name}：可用的设置为 {'、'.join(known)}，请删除该行后重试")
    for name in text:
        if name in table and not isinstance(table[name], str):
            raise error(f"{where} 的 {name} 应为文字（加引号），现为 {table[name]!r}")
    return table, where
