"""Stage 2 of intake: read what a file says. One extractor module per detected type.

    extract(path, file_type=None, cache_dir=None) -> Extraction      (raises ExtractionError)

The registry maps the type from archivist.intake.identify to a module with
`extract(path, opts) -> Extraction`. Unreadable files raise ExtractionError with a one-line Chinese
reason and a hint for the user; missing optional tools (tesseract, pdftoppm) only add warnings.
Run untrusted files through archivist.intake.sandbox.extract_bounded, which adds time and memory
limits around this function.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from archivist.intake.extract._common import Options
from archivist.model import Extraction, ExtractionError

# detected type -> module (imported on first use: python-docx, openpyxl, pypdf and Pillow are
# only loaded when a file of that kind arrives)
REGISTRY: dict[str, str] = {
    "pdf": "archivist.intake.extract.pdf",
    "docx": "archivist.intake.extract.word",
    "xlsx": "archivist.intake.extract.excel",
    "pptx": "archivist.intake.extract.slides",
    "image": "archivist.intake.extract.image",
    "text": "archivist.intake.extract.text",
    "legacy": "archivist.intake.extract.legacy",
    "zip": "archivist.intake.extract.archive",
}

__all__ = ["REGISTRY", "Options", "extract"]


def extract(
    path: Path,
    file_type: str | None = None,
    *,
    cache_dir: Path | None = None,
    ocr: bool = True,
    deadline: float | None = None,
) -> Extraction:
    """Extract text and metadata from `path`, dispatching on its detected type.

    `file_type` skips detection when the caller already ran identify(). `cache_dir` keeps
    LibreOffice conversions of legacy files. `ocr=False` skips OCR; `deadline` (time.monotonic())
    lets OCR stop early with a warning instead of running past a caller's time limit.
    """
    path = Path(path)
    if file_type is None:
        from archivist.intake.identify import identify

        file_type = identify(path)
    if file_type == "empty" or (path.exists() and path.stat().st_size == 0):
        raise ExtractionError("空文件（0字节）", "请向报送单位索取完整的文件")
    module_name = REGISTRY.get(file_type)
    if module_name is None:
        raise unsupported(path)
    module = importlib.import_module(module_name)
    opts = Options(cache_dir=Path(cache_dir) if cache_dir is not None else None, ocr=ocr, deadline=deadline)
    return module.extract(path, opts)


_KNOWN_UNSUPPORTED: tuple[tuple[bytes, int, str, str], ...] = (
    (b"Rar!\x1a\x07", 0, "暂不支持RAR压缩包", "请解压后直接报送文件，或重新打包为ZIP格式"),
    (b"7z\xbc\xaf\x27\x1c", 0, "暂不支持7z压缩包", "请解压后直接报送文件，或重新打包为ZIP格式"),
    (b"\x1f\x8b", 0, "暂不支持gzip压缩文件", "请解压后直接报送文件，或重新打包为ZIP格式"),
    (b"MZ", 0, "可执行程序不是佐证材料，已拒绝", "请报送文档、表格、照片或PDF"),
    (b"\x7fELF", 0, "可执行程序不是佐证材料，已拒绝", "请报送文档、表格、照片或PDF"),
    (b"ftyp", 4, "暂不支持音视频文件", "视频请截图或另附说明材料后报送"),
    (b"ID3", 0, "暂不支持音视频文件", "请报送文字材料或截图"),
    (b"AT&TFORM", 0, "暂不支持DjVu文件", "请转换为PDF后报送"),
)


def unsupported(path: Path) -> ExtractionError:
    """ExtractionError for a type no extractor reads, naming the format when it is recognisable."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        head = b""
    for magic, offset, reason, hint in _KNOWN_UNSUPPORTED:
        if head[offset : offset + len(magic)] == magic:
            return ExtractionError(reason, hint)
    if head.startswith(b"PK") and _is_ofd(path):
        return ExtractionError("暂不支持OFD版式文件", "请用数科/福昕OFD阅读器转换为PDF后报送")
    return ExtractionError("无法识别的文件格式", "请转换为PDF、Word、Excel或JPG格式后报送")


def _is_ofd(path: Path) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            return "OFD.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return False
