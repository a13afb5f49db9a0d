"""Safety checks for ZIP-based Office files (docx/xlsx/pptx) before any XML parser sees them.

Two attacks (or accidents) matter for files arriving from dozens of units:
- a ZIP bomb: a part that inflates to gigabytes (a member of zeros at ratio 1000:1);
- an XML entity bomb ("billion laughs") or external entity in a part.
python-docx parses with resolve_entities=False and openpyxl uses defusedxml only when installed,
so instead of relying on each library we refuse any part that declares a DOCTYPE at all: no
legitimate OOXML part has one (ECMA-376 forbids DTDs in parts).
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from archivist.model import ExtractionError

# A large ledger's sheet XML can reach a few hundred MB uncompressed; beyond 1 GB in total the
# document is not something a person made by hand.
MAX_TOTAL_UNCOMPRESSED = 1024 * 1024 * 1024
MAX_MEMBERS = 20_000
# XML compresses 5-30x, a sheet of repeated cells up to ~100x; zeros compress ~1000x. Only
# members large enough to matter are checked (small parts can have any ratio).
MAX_RATIO = 200
RATIO_MIN_SIZE = 10 * 1024 * 1024

_DOCTYPE_PATTERNS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_SCAN_CHUNK = 1024 * 1024

_BOMB_HINT = "请向报送单位索取正常保存的文件（用Word/WPS打开后重新另存）"


def check_ooxml(path: Path, kind: str) -> None:
    """Raise ExtractionError if the OOXML container at `path` is damaged, a ZIP bomb, or has a DTD.

    `kind` is the Chinese name used in messages ("Word文档", "Excel表格").
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise ExtractionError(f"{kind}内部部件数量异常（{len(infos)}个），疑似压缩炸弹", _BOMB_HINT)
            total = 0
            for info in infos:
                total += info.file_size
                if total > MAX_TOTAL_UNCOMPRESSED:
                    raise ExtractionError(f"{kind}解压后超过1GB，疑似压缩炸弹", _BOMB_HINT)
                if info.file_size >= RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise ExtractionError(
                        f"{kind}中的部件压缩比异常（{info.file_size // max(info.compress_size, 1)}:1），疑似压缩炸弹",
                        _BOMB_HINT,
                    )
                if info.flag_bits & 0x1:
                    raise ExtractionError(f"{kind}内部部件已加密，无法读取", "请向报送单位索取未加密的版本")
            for info in infos:
                if info.filename.lower().endswith(_XML_SUFFIXES):
                    _refuse_dtd(zf, info, kind)
    except ExtractionError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
        zlib.error,
    ) as exc:
        raise ExtractionError(
            f"{kind}已损坏或不完整（{type(exc).__name__}）", "请向报送单位重新索取完整的文件"
        ) from exc


def _refuse_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo, kind: str) -> None:
    """Stream the part (bounded by its declared size, which zipfile enforces) looking for a DTD."""
    tail = b""
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_SCAN_CHUNK)
            if not chunk:
                return
            window = tail + chunk
            if any(pattern in window for pattern in _DOCTYPE_PATTERNS):
                raise ExtractionError(
                    f"{kind}的内部XML含有DTD/实体声明（{info.filename}），疑似XML实体炸弹，已拒绝读取",
                    "请向报送单位索取用Word/WPS/Excel正常保存的文件",
                )
            tail = chunk[-32:]
