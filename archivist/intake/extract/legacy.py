"""Old and odd office formats, read by converting them with headless LibreOffice first.

.doc/.xls/.wps/.et (OLE2), RTF, HTML/MHTML or Office 2003 XML saved with an Office extension, and
OpenDocument are converted to .docx or .xlsx and then read by the docx/xlsx extractors.

- Writer or Calc? Decided from the content (the OLE2 stream names, HTML markers, the ODF
  mimetype), because LibreOffice cannot export a spreadsheet to .docx or a text to .xlsx.
- Each process uses its own LibreOffice profile (-env:UserInstallation): two soffice instances
  sharing a profile hand the work to each other or refuse to start. The profile is kept for the
  life of the process (the first start of a fresh profile costs seconds) and guarded by a lock.
- Conversions are cached by the source's sha256 in `cache_dir`, so re-indexing and the document
  generators (which also need the converted file) do not convert twice.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import re
import shutil
import struct
import tempfile
import threading
import zipfile
from pathlib import Path

from archivist.intake.extract import excel, word
from archivist.intake.extract._common import Options, ToolTimeout, run_tool, which
from archivist.model import Extraction, ExtractionError

SOFFICE_TIMEOUT = 120.0
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "archivist-convert-cache"

_PROFILE_LOCK = threading.Lock()
_profile_dir: Path | None = None
_profile_pid: int | None = None

_RESAVE_HINT = "请用Word/WPS/Excel打开后另存为.docx或.xlsx再报送"


def extract(path: Path, opts: Options) -> Extraction:
    if which("soffice") is None:
        raise ExtractionError(
            "缺少 LibreOffice，无法读取旧版 .doc/.xls 文件", "请安装 libreoffice-writer-nogui 和 libreoffice-calc-nogui"
        )
    data = path.read_bytes()
    source_format, target = sniff_legacy(data, path)
    converted = convert(path, target, cache_dir=opts.cache_dir, data=data, source_ext=source_format, opts=opts)
    inner = word.extract(converted, opts) if target == "docx" else excel.extract(converted, opts)
    inner.file_type = "legacy"
    inner.meta["legacy_format"] = source_format
    inner.meta["converted_to"] = target
    inner.meta["converted_path"] = str(converted)
    return inner


def sniff_legacy(data: bytes, path: Path) -> tuple[str, str]:
    """(source format, conversion target 'docx'|'xlsx') from the bytes; raises for what cannot be read."""
    if data.startswith(OLE2_MAGIC):
        names = ole2_stream_names(data)
        if "EncryptedPackage" in names or "EncryptionInfo" in names:
            raise ExtractionError("文档设置了打开密码（已加密），无法读取", "请向报送单位索取未加密的版本")
        if "PowerPoint Document" in names:
            raise ExtractionError("暂不支持旧版演示文稿（.ppt）", "请将演示文稿另存为PDF后重新报送")
        if "Workbook" in names or "Book" in names:
            return "xls", "xlsx"
        if "WordDocument" in names:
            return "doc", "docx"
        # Kingsoft WPS and others: guess from the name the unit gave it, default to text.
        if path.suffix.lower() in (".xls", ".et", ".ett"):
            return "xls", "xlsx"
        return "doc", "docx"
    head = data[:8192].lstrip(b"\xef\xbb\xbf\r\n\t ")
    if head.startswith(b"{\\rtf"):
        return "rtf", "docx"
    if head.startswith(b"PK"):
        return _sniff_odf(path)
    lowered = data[:65536].lower()
    excel_markers = (
        b"urn:schemas-microsoft-com:office:excel",
        b'progid="excel.sheet"',
        b"x:excelworkbook",
        b"urn:schemas-microsoft-com:office:spreadsheet",
    )
    is_sheet = any(marker in lowered for marker in excel_markers)
    if lowered.startswith(b"mime-version:"):
        return ("mht", "xlsx") if is_sheet else ("mht", "docx")
    if head.startswith(b"<?xml") and b"<html" not in lowered:
        return ("xml", "xlsx") if is_sheet else ("xml", "docx")
    return ("html", "xlsx") if is_sheet else ("html", "docx")


def _sniff_odf(path: Path) -> tuple[str, str]:
    try:
        with zipfile.ZipFile(path) as zf:
            mimetype = zf.read("mimetype")[:100].decode("ascii", "replace")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ExtractionError("OpenDocument文件已损坏", _RESAVE_HINT) from exc
    if "spreadsheet" in mimetype:
        return "ods", "xlsx"
    if "text" in mimetype:
        return "odt", "docx"
    raise ExtractionError("暂不支持该OpenDocument类型（演示文稿/绘图）", "请另存为PDF后重新报送")


def ole2_stream_names(data: bytes) -> set[str]:
    """Names of the streams/storages in an OLE2 compound file.

    Directory entries are 128-byte records aligned to 128 bytes after the 512-byte header (sector
    sizes are 512 or 4096). Scanning aligned records for a sane entry (name length field matching
    a NUL-terminated UTF-16 name, object type 1/2/5) finds them without walking the FAT, and
    cannot be fooled by the same words appearing inside document text (unaligned, no header).
    """
    names: set[str] = set()
    for offset in range(512, len(data) - 127, 128):
        name_len = struct.unpack_from("<H", data, offset + 0x40)[0]
        obj_type = data[offset + 0x42]
        if obj_type not in (1, 2, 5) or not (4 <= name_len <= 64) or name_len % 2:
            continue
        raw = data[offset : offset + name_len]
        if raw[-2:] != b"\x00\x00":
            continue
        try:
            name = raw[:-2].decode("utf-16-le")
        except UnicodeDecodeError:
            continue
        if name.isprintable() or name[:1] in ("\x01", "\x05"):
            names.add(name)
    return names


def convert(
    path: Path,
    target: str,
    *,
    cache_dir: Path | None = None,
    data: bytes | None = None,
    source_ext: str | None = None,
    opts: Options | None = None,
) -> Path:
    """Convert `path` to `target` ('docx'|'xlsx'|'pdf') with LibreOffice, cached by sha256.

    Returns the cached converted file. Raises ExtractionError when LibreOffice is missing, times
    out or produces nothing.
    """
    if which("soffice") is None:
        raise ExtractionError(
            "缺少 LibreOffice，无法读取旧版 .doc/.xls 文件", "请安装 libreoffice-writer-nogui 和 libreoffice-calc-nogui"
        )
    if data is None:
        data = path.read_bytes()
    cache = Path(cache_dir) if cache_dir is not None else DEFAULT_CACHE
    cache.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(data).hexdigest()
    cached = cache / f"{digest}.{target}"
    if cached.exists() and cached.stat().st_size > 0:
        return cached

    timeout = SOFFICE_TIMEOUT
    left = opts.time_left() if opts is not None else None
    if left is not None:
        timeout = max(10.0, min(timeout, left - 5))
    ext = source_ext or path.suffix.lstrip(".").lower() or "bin"
    with tempfile.TemporaryDirectory(prefix="archivist-convert-") as tmp:
        # A plain ASCII name with the right extension: LibreOffice's type detection looks at the
        # extension, and some filters mishandle non-ASCII paths.
        src = Path(tmp) / f"source.{ext}"
        src.write_bytes(data)
        outdir = Path(tmp) / "out"
        outdir.mkdir()
        cmd = [
            "soffice",
            f"-env:UserInstallation={_profile().as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            "--nologo",
            *([f"--infilter={_INFILTERS[(ext, target)]}"] if (ext, target) in _INFILTERS else []),
            "--convert-to",
            _FILTERS.get(target, target),
            "--outdir",
            str(outdir),
            str(src),
        ]
        with _PROFILE_LOCK:
            try:
                proc = run_tool(cmd, timeout=timeout)
            except ToolTimeout as exc:
                raise ExtractionError(
                    f"LibreOffice转换超时（超过{timeout:.0f}秒），文件可能损坏或过于复杂", _RESAVE_HINT
                ) from exc
        produced = outdir / f"source.{target}"
        if not produced.exists() or produced.stat().st_size == 0:
            detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise ExtractionError(
                f"旧版文档转换失败，文件可能已损坏或加密{('（' + detail[0][:80] + '）') if detail[0] else ''}",
                _RESAVE_HINT,
            )
        partial = cache / f".{digest}.{target}.{os.getpid()}.part"
        shutil.copyfile(produced, partial)
        os.replace(partial, cached)  # atomic: a concurrent reader never sees half a file
    return cached


# HTML opens in Writer/Web by default, which cannot export .xlsx (nor, reliably, .docx): name the
# import filter so "Excel saved as web page" lands in Calc and "Word saved as web page" in Writer.
_INFILTERS = {("html", "xlsx"): "HTML (StarCalc)", ("html", "docx"): "HTML (StarWriter)"}

_FILTERS = {
    "docx": "docx:MS Word 2007 XML",
    "xlsx": "xlsx:Calc MS Excel 2007 XML",
    "pdf": "pdf",
}


def _profile() -> Path:
    """This process's LibreOffice profile directory (created once, removed at exit)."""
    global _profile_dir, _profile_pid
    pid = os.getpid()
    if _profile_dir is None or _profile_pid != pid:  # a forked child must not share its parent's
        _remove_stale_profiles()
        _profile_dir = Path(tempfile.gettempdir()) / f"archivist-lo-{pid}"
        _profile_pid = pid
        atexit.register(shutil.rmtree, _profile_dir, True)
    return _profile_dir


def _remove_stale_profiles() -> None:
    """Profiles of processes that died without atexit (killed sandbox workers)."""
    for entry in Path(tempfile.gettempdir()).glob("archivist-lo-*"):
        match = re.fullmatch(r"archivist-lo-(\d+)", entry.name)
        if not match:
            continue
        try:
            os.kill(int(match.group(1)), 0)
        except ProcessLookupError:
            shutil.rmtree(entry, ignore_errors=True)
        except PermissionError:
            continue
