"""What archivist.toml may point at: checked every time a workspace is opened.

archivist.toml travels: it is copied between offices and restored from backups. `watch` empties
the configured inbox and `doctor` moves files inside the configured archive, so a settings file
whose `inbox = "/home/clerk/Desktop"` or `inbox = "../shared"` would let a stranger's file decide
which of the user's own folders gets emptied. Every configured path must therefore stay inside the
workspace — after resolving `..` and symlinks — and this is checked on every load, not only on
restore. Framework ids become file names (frameworks/<id>.toml), so they are plain names; the
filing template may only name the documented fields (a `{title.__class__}` field would otherwise
let Python's format() walk into program objects).
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

FRAMEWORK_ID = re.compile(r"\w[\w.-]{0,63}")  # a plain name (letters of any script), never a path
TEMPLATE_FIELDS = {"category", "indicator", "code", "date", "unit", "title", "number", "year"}
PATH_KEYS_REQUIRED = ("inbox", "archive", "index")


class ConfigUnsafe(ValueError):
    """A setting points outside the workspace or is not what it must be; one line, naming the key."""


def inside(root: Path, value: Any, key: str, config: Path) -> Path:
    """`root / value` if it stays inside `root` (after `..` and symlinks); ConfigUnsafe otherwise."""
    if not isinstance(value, str) or not value.strip():
        raise ConfigUnsafe(f"{config} 中 {key} 必须是工作区内的相对路径（如 \"inbox\"）：请修正后重试")
    if "\x00" in value:
        raise ConfigUnsafe(f"{config} 中 {key} 含有空字符：请修正后重试")
    candidate = Path(value)
    if candidate.is_absolute() or ".." in candidate.parts:
        raise ConfigUnsafe(
            f"{config} 中 {key} = \"{value}\" 指向工作区之外：只能使用工作区内的相对路径"
            f"（如 \"{key.split('.')[-1]}\"），请修正后重试"
        )
    target = root / candidate
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise ConfigUnsafe(f"{config} 中 {key} = \"{value}\" 无法解析（{exc}）：请修正后重试") from exc
    if resolved == root or not resolved.is_relative_to(root):
        where = "工作区本身" if resolved == root else f"工作区之外（{resolved}）"
        raise ConfigUnsafe(
            f"{config} 中 {key} = \"{value}\" 经符号链接指向{where}：请改为工作区内的普通文件夹后重试"
        )
    return target


def check_paths(root: Path, paths: Any, config: Path) -> None:
    """Every entry of [paths] (inbox, archive, index and any other) stays inside the workspace."""
    if not isinstance(paths, dict):
        raise ConfigUnsafe(f"{config} 中 paths 必须是一个表（inbox = \"inbox\" 等）：请修正后重试")
    main = {key: inside(root, paths.get(key, key), f"paths.{key}", config).resolve() for key in PATH_KEYS_REQUIRED}
    for key, path in main.items():
        for other, other_path in main.items():
            if key != other and path.is_relative_to(other_path):
                raise ConfigUnsafe(
                    f"{config} 中 paths.{key} 与 {other} 是同一个文件夹或在其内部：三者须是互不包含的文件夹，"
                    "请修正后重试"
                )
    for key, value in paths.items():
        if key not in PATH_KEYS_REQUIRED:
            inside(root, value, f"paths.{key}", config)
    frameworks = root / "frameworks"
    if frameworks.is_symlink() or frameworks.exists():
        inside(root, "frameworks", "frameworks/ 文件夹", config)


def check_frameworks(ids: Any, config: Path) -> None:
    """Framework ids are plain names: each becomes frameworks/<id>.toml, never a path."""
    if not isinstance(ids, list) or not ids:
        raise ConfigUnsafe(f"{config} 中 workspace.frameworks 必须是考核方案 id 的列表，如 [\"shiji-kaohe\"]")
    for fid in ids:
        if not isinstance(fid, str) or not FRAMEWORK_ID.fullmatch(fid) or ".." in fid:
            raise ConfigUnsafe(
                f"{config} 中 workspace.frameworks 的 {fid!r} 不是有效的考核方案 id（只能含文字、数字、-、_、.）："
                "请修正后重试"
            )


def check_template(template: Any, config: Path) -> None:
    """The filing template names only the documented fields, without attribute or index access."""
    if not isinstance(template, str) or not template.strip():
        raise ConfigUnsafe(f"{config} 中 filing.template 必须是非空字符串：请修正后重试")
    try:
        fields = [name for _text, name, _spec, _conv in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:
        raise ConfigUnsafe(f"{config} 中 filing.template 格式错误（{exc}）：花括号须成对出现") from exc
    for name in fields:
        if name not in TEMPLATE_FIELDS:
            raise ConfigUnsafe(
                f"{config} 中 filing.template 含有不支持的字段 {{{name}}}：可用 "
                + " ".join(f"{{{f}}}" for f in sorted(TEMPLATE_FIELDS))
            )


def check_config(root: Path, data: dict[str, Any], config: Path) -> None:
    """All the checks above, on the parsed archivist.toml of the workspace at `root` (resolved)."""
    check_paths(root, data.get("paths", {}), config)
    workspace = data.get("workspace", {})
    if isinstance(workspace, dict) and "frameworks" in workspace:
        check_frameworks(workspace["frameworks"], config)
    filing = data.get("filing", {})
    if isinstance(filing, dict) and "template" in filing:
        check_template(filing["template"], config)
