"""Photos and scanned images: EXIF facts (date, GPS, Windows title/comment) and OCR of paper.

Site photos (现场照片) carry their evidence in EXIF: when (DateTimeOriginal) and where (GPS). Staff
often caption them in Windows Explorer, which writes XPTitle/XPComment as UTF-16LE bytes. Photos
of notices, sign-in sheets and banners are OCR'd; OCR text is kept only when it reads as Chinese
(at least MIN_OCR_HAN Han characters), so that a field photo does not gain noise.
"""

from __future__ import annotations

import math
import warnings as pywarnings
from pathlib import Path
from typing import Any

from archivist.intake.extract import _ocr
from archivist.intake.extract._common import Options, ToolTimeout, clean_title, han_count
from archivist.model import Extraction, ExtractionError

MAX_PIXELS = 80_000_000  # a 100 MP camera is rare; a 20000x20000 1-bit PNG (400 MP) is a bomb
OCR_MAX_SIDE = 2500  # downscale before OCR: enough for A4 text, bounded time
OCR_MIN_SIDE = 200  # thumbnails and icons are not worth OCR
MIN_OCR_HAN = 8
MAX_FRAMES = 10  # multi-page TIFF scans: OCR at most this many pages

_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825
_DATETIME_ORIGINAL = 36867
_DATETIME_DIGITIZED = 36868
_DATETIME = 306
_IMAGE_DESCRIPTION = 270
_MAKE, _MODEL = 271, 272
_XP_TAGS = {0x9C9B: "xp_title", 0x9C9C: "xp_comment", 0x9C9D: "xp_author", 0x9C9E: "xp_keywords", 0x9C9F: "xp_subject"}


def _bomb() -> ExtractionError:
    return ExtractionError("图片像素过大，疑似解压炸弹", "请核实图片来源，必要时请报送单位重新导出正常尺寸的图片")


def _damaged() -> ExtractionError:
    return ExtractionError("图片文件损坏或不完整", "请向报送单位重新索取原始图片")


def extract(path: Path, opts: Options) -> Extraction:
    from PIL import Image, UnidentifiedImageError

    warnings: list[str] = []
    try:
        with pywarnings.catch_warnings():
            pywarnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _bomb() from exc
    except UnidentifiedImageError as exc:
        raise _unsupported(path) from exc
    except (OSError, ValueError, SyntaxError) as exc:  # PIL raises SyntaxError for broken headers
        raise _damaged() from exc

    with im:
        width, height = im.size
        if width * height > MAX_PIXELS:
            raise _bomb()
        meta: dict[str, Any] = {"width": width, "height": height, "format": im.format}
        try:
            _read_exif(im, meta)
        except Exception:  # noqa: BLE001 - malformed EXIF must not cost the photo; its pixels still count
            warnings.append("照片的EXIF信息已损坏，已忽略")
        frames = _load_frames(im)

    ocr_text = ""
    if opts.ocr:
        ocr_text = _ocr_frames(frames, opts, warnings, meta)

    lines = [meta[key] for key in ("xp_title", "xp_subject", "xp_comment", "xp_keywords", "description") if key in meta]
    if ocr_text:
        lines.append(ocr_text)
    title = clean_title(meta.get("xp_title")) or clean_title(meta.get("xp_subject"))
    return Extraction(
        file_type="image",
        text="\n".join(lines),
        title_hint=title,
        pages=len(frames) if len(frames) > 1 else None,
        ocr_used=bool(ocr_text),
        meta=meta,
        warnings=warnings,
    )


def _unsupported(path: Path) -> ExtractionError:
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head[4:8] == b"ftyp":
        return ExtractionError(
            "暂不支持HEIC/HEIF格式照片（苹果手机默认格式）", "请在手机相机设置中选择“兼容性最佳”，或转换为JPG后报送"
        )
    return ExtractionError("无法识别的图片格式", "请转换为JPG或PNG后报送")


def _load_frames(im: Any) -> list[Any]:
    """Decode the pixels (up to MAX_FRAMES pages), reduced for OCR; raises on truncation/bombs."""
    from PIL import Image, ImageOps

    frames = []
    try:
        n_frames = getattr(im, "n_frames", 1) if im.format == "TIFF" else 1
    except (OSError, ValueError, SyntaxError, EOFError, TypeError, KeyError) as exc:  # a later TIFF page is broken
        raise _damaged() from exc
    for index in range(min(n_frames, MAX_FRAMES)):
        try:
            im.seek(index)
            if im.size[0] * im.size[1] > MAX_PIXELS:
                raise _bomb()
            if im.format == "JPEG":
                im.draft("L", (OCR_MAX_SIDE, OCR_MAX_SIDE))  # DCT scaling: decode big photos fast
            with pywarnings.catch_warnings():
                pywarnings.simplefilter("error", Image.DecompressionBombWarning)
                im.load()
            frame = im.copy()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _bomb() from exc
        except (OSError, ValueError, SyntaxError, EOFError, TypeError, KeyError) as exc:  # TIFF: "Missing dimensions"
            raise _damaged() from exc
        try:
            frame = ImageOps.exif_transpose(frame)  # photos taken upright but stored rotated
        except Exception:  # noqa: BLE001 - a bad Orientation tag: OCR the frame as stored
            pass
        frame = frame.convert("L")
        frame.thumbnail((OCR_MAX_SIDE, OCR_MAX_SIDE))
        frames.append(frame)
    return frames


def _ocr_frames(frames: list[Any], opts: Options, warnings: list[str], meta: dict[str, Any]) -> str:
    candidates = [f for f in frames if min(f.size) >= OCR_MIN_SIDE]
    if not candidates:
        return ""
    missing = _ocr.ocr_unavailable()
    if missing:
        warnings.append(missing)
        return ""
    texts = []
    numbers: list[int] = []
    read: list[_ocr.OcrPage] = []
    for index, frame in enumerate(candidates, start=1):
        left = opts.time_left()
        if left is not None and left < 8:
            warnings.append("时间不足，图片其余部分未做OCR")
            break
        timeout = _ocr.TESSERACT_TIMEOUT if left is None else min(_ocr.TESSERACT_TIMEOUT, left - 2)
        try:
            page = _ocr.ocr_image(frame, timeout=timeout)
        except (ToolTimeout, RuntimeError, OSError):
            warnings.append("图片OCR失败，已跳过")
            continue
        if page.note and page.note not in warnings:
            warnings.append(page.note)
        if han_count(page.text) >= MIN_OCR_HAN:
            texts.append(page.text)
            numbers.append(index)
            read.append(page)
    if read:
        from archivist.intake.extract.pdf import ocr_meta

        meta["ocr"] = ocr_meta(numbers, read)
        engine_note = _ocr.engine_warning()
        if engine_note:
            warnings.append(engine_note)
    return "\n".join(texts)


def _read_exif(im: Any, meta: dict[str, Any]) -> None:
    exif = im.getexif()
    if not exif:
        return
    sub = exif.get_ifd(_EXIF_IFD)
    for source, tag in ((sub, _DATETIME_ORIGINAL), (sub, _DATETIME_DIGITIZED), (exif, _DATETIME)):
        parsed = _exif_datetime(source.get(tag))
        if parsed:
            meta["exif_date"] = parsed[:10]
            meta["exif_datetime"] = parsed
            break
    gps = _gps(exif.get_ifd(_GPS_IFD))
    if gps:
        meta["gps"] = gps
    for tag, key in _XP_TAGS.items():
        value = _xp_string(exif.get(tag))
        if value:
            meta[key] = value
    description = exif.get(_IMAGE_DESCRIPTION)
    if isinstance(description, bytes):
        description = description.decode("utf-8", "replace")
    # Cameras write "OLYMPUS DIGITAL CAMERA" and the like here; only a Chinese caption is kept.
    if isinstance(description, str) and han_count(description) >= 2:
        meta["description"] = description.strip("\x00 ").strip()
    camera = " ".join(str(exif.get(t, "")).strip("\x00 ") for t in (_MAKE, _MODEL)).strip()
    if camera:
        meta["camera"] = camera


def _exif_datetime(value: Any) -> str | None:
    """'2024:05:12 09:30:00' -> '2024-05-12 09:30:00'; blanks and zero dates -> None."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str) or len(value) < 10:
        return None
    date = value[:10].replace(":", "-").replace("/", "-")
    try:
        year, month, day = (int(x) for x in date.split("-"))
    except ValueError:
        return None
    if not (1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    time_part = value[11:19].strip()
    return f"{year:04d}-{month:02d}-{day:02d}" + (f" {time_part}" if time_part else "")


def _gps(gps_ifd: Any) -> list[float] | None:
    """GPS IFD -> [lat, lon] in signed decimal degrees (S and W negative)."""
    if not gps_ifd:
        return None
    try:
        lat = _degrees(gps_ifd[2], gps_ifd.get(1, "N"))
        lon = _degrees(gps_ifd[4], gps_ifd.get(3, "E"))
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > 90 or abs(lon) > 180:
        return None
    if lat == 0 and lon == 0:
        return None  # "no fix" written as zeros
    return [round(lat, 6), round(lon, 6)]


def _degrees(dms: Any, ref: Any) -> float:
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "replace")
    d, m, s = (float(x) for x in dms)
    value = d + m / 60 + s / 3600
    return -value if str(ref).strip("\x00 ").upper() in ("S", "W") else value


def _xp_string(value: Any) -> str | None:
    """Windows XP* tags: UTF-16LE bytes (Pillow may hand them over as a tuple of ints)."""
    if value is None:
        return None
    if isinstance(value, tuple):
        value = bytes(value)
    if isinstance(value, str):
        return value.strip("\x00 ").strip() or None
    try:
        text = bytes(value).decode("utf-16-le", "replace")
    except (TypeError, ValueError):
        return None
    return text.split("\x00", 1)[0].strip() or None
