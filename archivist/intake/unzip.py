"""Unpack a ZIP of evidence safely, so that each member can be ingested as its own evidence.

Units zip whole folders ("2024年村集体经济佐证材料.zip"). Chinese Windows writes member names in
GBK without the UTF-8 flag, macOS and Linux in UTF-8 often without the flag, Taiwanese tools in
Big5; the name encoding is therefore decided once per archive from all unflagged names together
(the same rule as for text files), which is far more reliable than guessing name by name.

Safety: no absolute paths, drive letters or `..` escapes (such names are re-rooted inside
dest_dir, never refused silently: the member keeps its original name for provenance), no symlinks,
limits on member count, total size and compression ratio checked before anything is written, and
the bytes actually written are counted too (headers can lie).
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from archivist.intake.extract.text import detect_encoding
from archivist.model import ExtractionError

MAX_MEMBERS = 2000
MAX_TOTAL = 500 * 1024 * 1024
MAX_RATIO = 100
# Small members may compress extremely well (a text file of spaces); only large ones are bombs.
RATIO_MIN_SIZE = 10 * 1024 * 1024
_CHUNK = 1024 * 1024
_UNICODE_PATH_EXTRA = 0x7075

_BOMB_HINT = "请核实压缩包来源，或请报送单位分批报送原始文件"


def decode_member_names(infos: list[zipfile.ZipInfo]) -> dict[str, str]:
    """Map each ZipInfo.filename (as zipfile decoded it) to the name as the sender wrote it."""
    names: dict[str, str] = {}
    raw_names: dict[str, bytes] = {}
    for info in infos:
        if info.flag_bits & 0x800:
            names[info.filename] = info.filename
            continue
        unicode_path = _unicode_path_extra(info)
        if unicode_path is not None:
            names[info.filename] = unicode_path
            continue
        # Without the flag zipfile decodes as cp437, a bijection: encoding back recovers the bytes.
        raw_names[info.filename] = info.orig_filename.encode("cp437")

    encoding = None
    non_ascii = [raw for raw in raw_names.values() if any(b >= 0x80 for b in raw)]
    if non_ascii:
        found = detect_encoding(b"\n".join(non_ascii))
        if found is not None:
            encoding = {"utf-8-sig": "utf-8", "big5": "cp950"}.get(found[1], found[1])
    for filename, raw in raw_names.items():
        decoded = None
        for codec in (encoding, "utf-8", "gb18030"):
            if codec is None:
                continue
            try:
                decoded = raw.decode(codec)
                break
            except (UnicodeDecodeError, LookupError):
                continue
        names[filename] = decoded if decoded is not None else filename
    return names


def _unicode_path_extra(info: zipfile.ZipInfo) -> str | None:
    """Info-ZIP Unicode Path extra field (0x7075), written by 7-Zip/WinRAR next to a legacy name."""
    extra = info.extra
    pos = 0
    while pos + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, pos)
        body = extra[pos + 4 : pos + 4 + size]
        pos += 4 + size
        if tag != _UNICODE_PATH_EXTRA or len(body) < 5 or body[0] != 1:
            continue
        crc = struct.unpack_from("<I", body, 1)[0]
        if crc != zlib.crc32(info.orig_filename.encode("cp437")) & 0xFFFFFFFF:
            return None  # the legacy name was changed after the extra field was written
        try:
            return body[5:].decode("utf-8")
        except UnicodeDecodeError:
            return None
    return None


def safe_relative_path(name: str) -> PurePosixPath | None:
    """The member name as a relative path that cannot leave the destination (None: nothing left).

    Backslashes count as separators (Windows tools), and empty, '.', '..' and drive-letter
    components are dropped, so '../evil.txt' and '/etc/evil.txt' become 'evil.txt' and
    'etc/evil.txt' inside the destination.
    """
    parts: list[str] = []
    for part in name.replace("\\", "/").split("/"):
        part = part.replace("\x00", "").strip()
        if part in ("", ".", "..") or (not parts and re.fullmatch(r"[A-Za-z]:", part)):
            continue
        part = part.rstrip(".") or "_"
        while len(part.encode("utf-8")) > 255:
            part = part[:-1]
        parts.append(part)
    return PurePosixPath(*parts[-32:]) if parts else None


def safe_members(
    zip_path: Path,
    dest_dir: Path,
    max_members: int = MAX_MEMBERS,
    max_total: int = MAX_TOTAL,
    max_ratio: int = MAX_RATIO,
    warnings: list[str] | None = None,
) -> list[tuple[Path, str]]:
    """Extract the regular-file members of `zip_path` into `dest_dir`.

    Returns (extracted_path, member_name) pairs, member_name decoded but otherwise as written in
    the archive (provenance). Directories and symlinks are not extracted (a note goes to
    `warnings` when given). Raises ExtractionError for a damaged archive, encrypted members,
    or when a limit is exceeded — before writing anything where the headers allow it.
    """
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    root = dest_dir.resolve()
    notes = warnings if warnings is not None else []
    written: list[Path] = []
    try:
        with zipfile.ZipFile(zip_path) as zf:
            infos = zf.infolist()
            _check_limits(infos, max_members, max_total, max_ratio)
            names = decode_member_names(infos)
            result: list[tuple[Path, str]] = []
            taken: set[str] = set()
            total = 0
            for info in infos:
                member_name = names[info.filename]
                if info.is_dir():
                    continue
                mode = (info.external_attr >> 16) & 0o170000
                if mode == 0o120000:
                    notes.append(f"压缩包成员“{member_name}”是符号链接，未解压")
                    continue
                rel = safe_relative_path(member_name)
                if rel is None:
                    notes.append(f"压缩包成员名“{member_name}”无效，未解压")
                    continue
                if rel.as_posix() != member_name.replace("\\", "/"):
                    notes.append(f"压缩包成员路径“{member_name}”不安全，已改为“{rel.as_posix()}”")
                target = _unique(root, rel, taken)
                if not target.resolve().is_relative_to(root):  # belt and braces (symlinked dest parents)
                    raise ExtractionError(f"压缩包成员路径越界：{member_name}", _BOMB_HINT)
                target.parent.mkdir(parents=True, exist_ok=True)
                total = _copy_member(zf, info, target, total, max_total)
                written.append(target)
                result.append((target, member_name))
            return result
    except ExtractionError:
        _remove(written)
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, zlib.error) as exc:
        _remove(written)
        raise ExtractionError(
            f"压缩包已损坏或不完整（{type(exc).__name__}）", "请向报送单位重新索取完整的压缩包"
        ) from exc
    except NotImplementedError as exc:  # compression methods zipfile lacks (deflate64, 7z's PPMd)
        _remove(written)
        raise ExtractionError(
            "压缩包使用了不支持的压缩方式", "请用系统自带的“压缩”功能或WinRAR/7-Zip的ZIP格式重新打包"
        ) from exc


def _check_limits(infos: list[zipfile.ZipInfo], max_members: int, max_total: int, max_ratio: int) -> None:
    files = [info for info in infos if not info.is_dir()]
    if len(files) > max_members:
        raise ExtractionError(f"压缩包内文件过多（{len(files)}个，上限{max_members}个）", "请分批压缩后报送")
    total = sum(info.file_size for info in files)
    if total > max_total:
        raise ExtractionError(
            f"压缩包解压后过大（{total // (1024 * 1024)} MB，上限{max_total // (1024 * 1024)} MB），疑似压缩炸弹",
            _BOMB_HINT,
        )
    for info in files:
        if info.file_size >= RATIO_MIN_SIZE and info.file_size > max_ratio * max(info.compress_size, 1):
            raise ExtractionError(
                f"压缩包成员压缩比异常（{info.file_size // max(info.compress_size, 1)}:1），疑似压缩炸弹", _BOMB_HINT
            )
        if info.flag_bits & 0x1:
            raise ExtractionError("压缩包内文件已加密（设置了密码），无法解压", "请向报送单位索取未加密的压缩包")


def _copy_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, total: int, max_total: int) -> int:
    """Stream one member to `target`, counting real bytes against both its header and the total."""
    size = 0
    with zf.open(info) as src, open(target, "xb") as out:
        while chunk := src.read(_CHUNK):
            size += len(chunk)
            total += len(chunk)
            if size > info.file_size or total > max_total:
                raise ExtractionError("压缩包成员的实际大小超过声明或总量上限，疑似压缩炸弹", _BOMB_HINT)
            out.write(chunk)
    return total


def _unique(root: Path, rel: PurePosixPath, taken: set[str]) -> Path:
    """A destination not used yet: duplicate names get ' (2)', ' (3)' … on the clashing component.

    A clash is the same path twice (ZIPs may repeat names), or a file where a directory is needed
    ('a' as a file and 'a/b.txt'), in which case the directory component is renamed instead.
    """
    parts = list(rel.parts)
    candidate = parts
    n = 1
    while (index := _clash_index(root, candidate, taken)) is not None:
        n += 1
        candidate = list(parts)
        if index == len(parts) - 1:
            leaf = PurePosixPath(parts[-1])
            candidate[-1] = f"{leaf.stem} ({n}){leaf.suffix}"
        else:
            candidate[index] = f"{parts[index]} ({n})"
    taken.add("/".join(candidate))
    return root.joinpath(*candidate)


def _clash_index(root: Path, parts: list[str], taken: set[str]) -> int | None:
    for i in range(len(parts) - 1):
        ancestor = root.joinpath(*parts[: i + 1])
        if ancestor.is_symlink() or (ancestor.exists() and not ancestor.is_dir()):
            return i
    path = root.joinpath(*parts)
    if "/".join(parts) in taken or path.exists() or path.is_symlink():
        return len(parts) - 1
    return None


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
