"""The file stage: where an intake goes, under what name, and the crash-safe move that puts it there.

Names are built from the workspace's template, sanitised for Windows and Linux (no reserved
characters or names, no trailing dots), each path component cut to 255 bytes of UTF-8 (Chinese is
3 bytes a character) and numbered on collision. The move is copy → fsync → rename → (catalogue
commit by the caller) → remove source, with a journal row so a restart can finish or roll back.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

MAX_COMPONENT_BYTES = 255
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
TYPE_EXTENSIONS = {
    "pdf": ".pdf",
    "docx": ".docx",
    "xlsx": ".xlsx",
    "text": ".txt",
    "zip": ".zip",
}
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp"}
LEGACY_EXTENSIONS = {".doc", ".xls", ".wps", ".et", ".rtf", ".htm", ".html"}


def sanitize_component(name: str, max_bytes: int = MAX_COMPONENT_BYTES, keep_suffix: str = "") -> str:
    """One safe path component: forbidden characters → '_', whitespace collapsed, ≤ max_bytes UTF-8."""
    name = _FORBIDDEN.sub("_", name)
    name = re.sub(r"\s+", " ", name).strip().strip(".").strip()
    name = name.replace("..", "_")
    if not name:
        name = "未命名"
    if name.split(".")[0].upper() in _WINDOWS_RESERVED:
        name = "_" + name
    budget = max_bytes - len(keep_suffix.encode("utf-8"))
    encoded = name.encode("utf-8")
    if len(encoded) > budget:
        name = encoded[:budget].decode("utf-8", "ignore").rstrip(". ")
    return name + keep_suffix


def extension_for(file_type: str, original_name: str) -> str:
    """The extension the archived copy gets: the detected type wins over a wrong extension."""
    suffix = Path(original_name).suffix.lower()
    if file_type == "image":
        return suffix if suffix in IMAGE_EXTENSIONS else ".jpg"
    if file_type == "legacy":
        return suffix if suffix in LEGACY_EXTENSIONS else ".doc"
    return TYPE_EXTENSIONS.get(file_type, suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix or "") else ".bin")


def render_template(template: str, fields: dict[str, str]) -> list[str]:
    """Expand the filing template into sanitised path components (the last one without extension)."""
    parts = []
    for raw in template.split("/"):
        text = raw.format_map(_Blank(fields))
        text = re.sub(r"-{2,}", "-", text).strip("-")
        parts.append(text)
    return parts


class _Blank(dict):
    """format_map mapping: unknown or empty fields vanish instead of raising."""

    def __missing__(self, key: str) -> str:
        return ""


def unique_path(folder: Path, stem: str, suffix: str, taken: set[Path] | None = None) -> Path:
    """folder/stem+suffix, or stem-2, stem-3… when that name exists, is being written, or is in `taken`."""
    n = 1
    while True:
        tail = suffix if n == 1 else f"-{n}{suffix}"
        candidate = folder / sanitize_component(stem, keep_suffix=tail)
        if not (candidate.exists() or _temp_for(candidate).exists() or (taken and candidate in taken)):
            return candidate
        n += 1


def _temp_for(dest: Path) -> Path:
    return dest.with_name(f".{dest.name[:200]}.part")


def temp_for(dest: Path) -> Path:
    """The hidden temporary name a copy is written to before its atomic rename."""
    return _temp_for(dest)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_durably(source: Path, dest: Path) -> None:
    """Copy source to dest via a temp file in dest's folder: copy, fsync, rename, fsync the folder."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    temp = _temp_for(dest)
    with open(source, "rb") as src, open(temp, "wb") as out:
        shutil.copyfileobj(src, out, length=1024 * 1024)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, dest)
    fsync_dir(dest.parent)


def move_durably(source: Path, dest: Path) -> None:
    """Rename within a filesystem (atomic), else copy durably and remove the source."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.rename(source, dest)
        fsync_dir(dest.parent)
    except OSError:
        copy_durably(source, dest)
        source.unlink()
