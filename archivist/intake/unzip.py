"""Unpack a ZIP of evidence safely, so that each member can be ingested as its own evidence.

Units zip whole folders ("2024年村集体经济佐证材料.zip"). Chinese Windows writes member names in
GBK without the UTF-8 flag, macOS and Linux in UTF-8 often without the flag, Taiwanese tools in
Big5; the name encoding is therefore decided once per archive from all unflagged names together
(the same rule as for text files), which is far more reliable than guessing name by name.

Safety: no absolute paths, drive letters or `..` escapes (such names are re-rooted inside
dest_dir, never refused silently: the member keeps its original name for provenance), no symlinks.
The limits are per *input*, not per level: one ZipBudget (member count, uncompressed bytes) is
shared by a zip and every zip nested in it, and `survey` checks the whole tree from the headers —
reading only the nested zips, into a bounded spool — before anything is unpacked, so a 12 KB zip
of zips that would inflate to gigabytes is refused at once. The compression ratio is checked for
every member of RATIO_MIN_SIZE or more and for the input as a whole. While unpacking, the bytes
actually written are counted against the member's header and the shared budget (headers can lie).

A bad member (damaged, encrypted, a symlink, an unsupported method, a lying header) does not cost
the others: it is reported as a MemberProblem and the valid members are unpacked. A path too long
for the file system is unpacked under a shortened name (the member keeps its original name).
"""

from __future__ import annotations

import errno
import re
import struct
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO

from archivist.intake.extract.text import detect_encoding
from archivist.model import ExtractionError

MAX_MEMBERS = 2000
MAX_TOTAL = 500 * 1024 * 1024
MAX_RATIO = 100
# Tiny members may compress extremely well (a text file of spaces); from 1 MB on, 100:1 is a bomb.
RATIO_MIN_SIZE = 1024 * 1024
MAX_DEPTH = 3  # a zip inside a zip inside a zip; one level more is refused
SPOOL_IN_MEMORY = 8 * 1024 * 1024  # nested zips read by survey() above this size spill to disk
_CHUNK = 1024 * 1024
_UNICODE_PATH_EXTRA = 0x7075
_STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}

_BOMB_HINT = "请核实压缩包来源，或请报送单位分批报送原始文件"
_RESEND_HINT = "请向报送单位重新索取该文件"


@dataclass(frozen=True)
class ZipLimits:
    """What one input may unpack to, across all its nesting levels."""

    max_members: int = MAX_MEMBERS
    max_total: int = MAX_TOTAL
    max_ratio: int = MAX_RATIO
    ratio_min_size: int = RATIO_MIN_SIZE
    max_depth: int = MAX_DEPTH


@dataclass
class ZipBudget:
    """The members and bytes one input has used so far, shared by the zip and the zips inside it."""

    limits: ZipLimits = field(default_factory=ZipLimits)
    members: int = 0
    declared: int = 0  # uncompressed sizes from the headers
    written: int = 0  # bytes actually unpacked

    def add_level(self, infos: list[zipfile.ZipInfo]) -> None:
        """Count one level's members and declared sizes; refuse the input when over a limit."""
        limits = self.limits
        self.members += len(infos)
        if self.members > limits.max_members:
            raise ExtractionError(
                f"压缩包内文件过多（含内层压缩包共{self.members}个以上，上限{limits.max_members}个）",
                "请分批压缩后报送",
            )
        self.declared += sum(info.file_size for info in infos)
        if self.declared > limits.max_total:
            raise ExtractionError(
                f"压缩包解压后过大（含内层压缩包超过 {self.declared // (1024 * 1024)} MB，"
                f"上限{limits.max_total // (1024 * 1024)} MB），疑似压缩炸弹",
                _BOMB_HINT,
            )
        for info in infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size >= limits.ratio_min_size and ratio > limits.max_ratio:
                raise ExtractionError(
                    f"压缩包成员“{info.filename}”压缩比异常（{info.file_size // max(info.compress_size, 1)}:1），"
                    "疑似压缩炸弹",
                    _BOMB_HINT,
                )

    def add_written(self, n: int) -> None:
        self.written += n
        if self.written > self.limits.max_total:
            raise ExtractionError("压缩包实际解压的数据超过总量上限，疑似压缩炸弹", _BOMB_HINT)


@dataclass(frozen=True)
class MemberProblem:
    """A member that was not unpacked, and why (the other members are)."""

    member: str
    reason: str
    hint: str = ""


class _MemberError(Exception):
    def __init__(self, reason: str, hint: str = _RESEND_HINT) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


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


def survey(zip_path: Path, limits: ZipLimits | None = None, scratch: Path | None = None) -> ZipBudget:
    """Check one input's whole tree of zips against the limits before anything is unpacked.

    Reads the central directory of each level; of the members it reads only those that are zips
    themselves (into a spool bounded by their declared size, counted against the budget), never
    the documents. Raises ExtractionError naming the limit; returns the budget it used.
    """
    limits = limits or ZipLimits()
    budget = ZipBudget(limits)
    try:
        with zipfile.ZipFile(zip_path) as zf:
            _survey_level(zf, budget, 0, scratch)
    except ExtractionError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, zlib.error) as exc:
        raise ExtractionError(
            f"压缩包已损坏或不完整（{type(exc).__name__}）", "请向报送单位重新索取完整的压缩包"
        ) from exc
    input_size = max(Path(zip_path).stat().st_size, 1)
    if budget.declared >= limits.ratio_min_size and budget.declared > limits.max_ratio * input_size:
        raise ExtractionError(
            f"压缩包整体压缩比异常（{input_size // 1024 or 1} KB 解压后约 {budget.declared // (1024 * 1024)} MB），"
            "疑似压缩炸弹",
            _BOMB_HINT,
        )
    return budget


def _survey_level(zf: zipfile.ZipFile, budget: ZipBudget, depth: int, scratch: Path | None) -> None:
    files = [info for info in zf.infolist() if not info.is_dir() and not _is_symlink(info)]
    budget.add_level(files)
    for info in files:
        if info.flag_bits & 0x1:
            continue  # encrypted: reported as a member problem when unpacking
        try:
            with zf.open(info) as src:
                head = src.read(4)
                if head != b"PK\x03\x04":
                    continue
                if depth + 1 >= budget.limits.max_depth:
                    raise ExtractionError(
                        f"压缩包嵌套超过 {budget.limits.max_depth} 层，疑似压缩炸弹", "请解压后直接提交其中的文件"
                    )
                with tempfile.SpooledTemporaryFile(SPOOL_IN_MEMORY, dir=scratch) as spool:
                    spool.write(head)
                    _copy_counted(src, spool, info.file_size - len(head))
                    spool.seek(0)
                    try:
                        inner = zipfile.ZipFile(spool)
                    except zipfile.BadZipFile:
                        continue  # not an archive after all: filed as the file it is
                    with inner:
                        if not _is_document_zip(inner):
                            _survey_level(inner, budget, depth + 1, scratch)
        except ExtractionError:
            raise
        except (_MemberError, zipfile.BadZipFile, EOFError, NotImplementedError, zlib.error, RuntimeError):
            continue  # a bad member: reported, with its reason, when unpacking


def _is_document_zip(zf: zipfile.ZipFile) -> bool:
    """OOXML, OpenDocument and OFD files are zips too, but documents: their parts are not evidence."""
    names = set(zf.namelist())
    return bool(names & {"[Content_Types].xml", "mimetype", "OFD.xml"})


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return (info.external_attr >> 16) & 0o170000 == 0o120000


def _copy_counted(src: IO[bytes], out: IO[bytes], allowed: int, budget: ZipBudget | None = None) -> int:
    """Copy at most `allowed` bytes (the header's size); more means the header lied."""
    size = 0
    while chunk := src.read(_CHUNK):
        size += len(chunk)
        if size > allowed:
            raise _MemberError("压缩包成员的实际大小超过其声明，疑似压缩炸弹", _BOMB_HINT)
        if budget is not None:
            budget.add_written(len(chunk))
        out.write(chunk)
    return size


def safe_members(
    zip_path: Path,
    dest_dir: Path,
    max_members: int = MAX_MEMBERS,
    max_total: int = MAX_TOTAL,
    max_ratio: int = MAX_RATIO,
    warnings: list[str] | None = None,
    *,
    budget: ZipBudget | None = None,
    problems: list[MemberProblem] | None = None,
) -> list[tuple[Path, str]]:
    """Extract the regular-file members of `zip_path` into `dest_dir`.

    Returns (extracted_path, member_name) pairs, member_name decoded but otherwise as written in
    the archive (provenance). Directories are skipped; every member that is not unpacked (a
    symlink, encrypted, damaged, a lying header) is appended to `problems` with its reason (and a
    note to `warnings`). `budget` is the input's shared budget when this zip is nested in another;
    without it the limits given here apply to this zip alone. Raises ExtractionError for a
    damaged central directory or when a limit is exceeded — before writing anything.
    """
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    root = dest_dir.resolve()
    notes = warnings if warnings is not None else []
    skipped = problems if problems is not None else []
    if budget is None:
        budget = ZipBudget(ZipLimits(max_members=max_members, max_total=max_total, max_ratio=max_ratio))
    written: list[Path] = []

    def skip(member: str, reason: str, hint: str = _RESEND_HINT) -> None:
        skipped.append(MemberProblem(member, reason, hint))
        notes.append(f"压缩包成员“{member}”未解压：{reason}")

    try:
        with zipfile.ZipFile(zip_path) as zf:
            infos = zf.infolist()
            budget.add_level([info for info in infos if not info.is_dir() and not _is_symlink(info)])
            names = decode_member_names(infos)
            result: list[tuple[Path, str]] = []
            taken: set[str] = set()
            for info in infos:
                member_name = names[info.filename]
                if info.is_dir():
                    continue
                if _is_symlink(info):
                    target = _link_target(zf, info)
                    skip(member_name, f"符号链接（指向 {target}），未解压", "请直接压缩文件本身而不是链接")
                    continue
                if info.flag_bits & 0x1:
                    skip(member_name, "文件已加密（设置了密码），无法解压", "请向报送单位索取未加密的压缩包")
                    continue
                rel = safe_relative_path(member_name)
                if rel is None:
                    skip(member_name, "成员名无效（没有可用的文件名）")
                    continue
                if rel.as_posix() != member_name.replace("\\", "/"):
                    notes.append(f"压缩包成员路径“{member_name}”不安全，已改为“{rel.as_posix()}”")
                try:
                    target = _extract_one(zf, info, root, rel, taken, budget, written)
                except _MemberError as exc:
                    skip(member_name, exc.reason, exc.hint)
                    continue
                result.append((target, member_name))
            return result
    except ExtractionError:
        _remove(written)
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, zlib.error) as exc:
        _remove(written)
        if isinstance(exc, OSError) and exc.errno in _STORAGE_ERRNOS:
            raise  # the workspace's disk, not the zip: the pipeline reports it as a storage error
        raise ExtractionError(
            f"压缩包已损坏或不完整（{type(exc).__name__}）", "请向报送单位重新索取完整的压缩包"
        ) from exc


def _extract_one(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    root: Path,
    rel: PurePosixPath,
    taken: set[str],
    budget: ZipBudget,
    written: list[Path],
) -> Path:
    """Unpack one member; a path the file system refuses as too long is shortened to its leaf."""
    for attempt in (rel, _short(rel)):
        target = root / attempt
        try:
            target = _unique(root, attempt, taken)
            if not target.resolve().is_relative_to(root):  # belt and braces (symlinked dest parents)
                raise ExtractionError(f"压缩包成员路径越界：{info.filename}", _BOMB_HINT)
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(target, "xb") as out:
                written.append(target)
                _copy_counted(src, out, info.file_size, budget)
            return target
        except OSError as exc:
            _discard(target)
            if exc.errno == errno.ENAMETOOLONG and attempt is rel:
                continue
            if exc.errno in _STORAGE_ERRNOS:
                raise
            raise _MemberError(f"无法解压（{exc.strerror or type(exc).__name__}）") from exc
        except _MemberError:
            _discard(target)
            raise
        except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
            _discard(target)
            raise _MemberError(f"该成员已损坏（{exc}）"[:120]) from exc
        except NotImplementedError as exc:  # compression methods zipfile lacks (deflate64, 7z's PPMd)
            _discard(target)
            raise _MemberError(
                "使用了不支持的压缩方式", "请用系统自带的“压缩”功能或WinRAR/7-Zip的ZIP格式重新打包"
            ) from exc
    raise _MemberError("路径过长，无法解压")


def _short(rel: PurePosixPath) -> PurePosixPath:
    """The leaf alone, cut to 120 bytes (extension kept): what fits any file system."""
    leaf = PurePosixPath(rel.name)
    suffix = leaf.suffix if len(leaf.suffix) <= 10 else ""
    stem = leaf.name[: -len(suffix)] if suffix else leaf.name
    while len((stem + suffix).encode("utf-8")) > 120:
        stem = stem[:-1]
    return PurePosixPath("_路径过长", (stem or "_") + suffix)


def _link_target(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> str:
    """A symlink member's target, as text (its content), for the record."""
    try:
        with zf.open(info) as src:
            raw = src.read(1024)
    except Exception:  # noqa: BLE001 - the target is only shown, never followed
        return "?"
    return raw.decode("utf-8", "replace").replace("\x00", "")


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
        _discard(path)


def _discard(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # a name the file system refused was never created
