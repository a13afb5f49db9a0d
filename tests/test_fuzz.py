"""Fuzz identify + extract with mutated real files: only ExtractionError may come out, within the limit.

Seeds are real documents made here with python-docx, openpyxl, Pillow and pypdf (and a few written
by hand: a pptx, a text PDF, GB18030 text, a zip). Hypothesis mutates their bytes — bit flips,
overwrites with boundary values (0, 0xFF, 0x7FFFFFFF: length fields), insertions, deletions,
truncation, duplicated blocks — and, for the ZIP-based formats, the bytes of one member re-zipped with
a valid CRC, so that the XML parsers behind the container are reached too.

Each example runs in archivist.intake.sandbox.run_bounded (the same worker, time and memory limits
ingest uses) with the *bare* extractor, so that any exception other than ExtractionError comes back
as a SandboxError with its traceback (extract_bounded would turn it into a quarantine reason and
hide the bug). A time-out is bounded by design and is not a failure; a run that overstays the limit
is. Failing inputs are written to tests/crashers/ when ARCHIVIST_SAVE_CRASHERS=1, where
test_crashers_stay_fixed replays them forever after.

    pytest tests/test_fuzz.py                          # CI: a fixed (derandomized) short run, < 60 s
    ARCHIVIST_SAVE_CRASHERS=1 pytest -m slow tests/test_fuzz.py   # the long random run
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

sandbox = pytest.importorskip("archivist.intake.sandbox")

from archivist.model import ExtractionError  # noqa: E402

CRASHERS = Path(__file__).parent / "crashers"
LIMIT_SECONDS = 10.0  # per example; ingest's own default is longer, but fuzz inputs are tiny
SLACK_SECONDS = 5.0  # killing a worker and its tools, starting another
MEMORY_MB = 768
CI_EXAMPLES = 80  # per seed (15 seeds, ~40 ms an example): a derandomized run of about half a minute
SLOW_EXAMPLES = 1500


def probe(path: Path) -> tuple[str, int]:
    """What the worker runs: the real identify + extract, OCR off (tesseract is not what we fuzz;
    its own time limit is enforced by the extractor). Legacy files need LibreOffice — seconds per
    file — and are only identified, not converted."""
    from archivist.intake.extract import extract
    from archivist.intake.identify import identify

    kind = identify(path)
    if kind == "legacy":
        return kind, 0
    extraction = extract(path, kind, ocr=False)
    return kind, len(extraction.text)


# seeds ---------------------------------------------------------------------------------------------
TEXT = "青山县2024年农村户厕改造实施方案\n全县完成改厕1,320户，其中河口镇320户。\n青山县农业农村局\n2024年4月2日\n"


def _docx() -> bytes:
    from docx import Document

    doc = Document()
    doc.core_properties.title = "户厕改造实施方案"
    doc.add_heading("关于印发青山县2024年农村户厕改造实施方案的通知", level=1)
    for line in TEXT.splitlines():
        doc.add_paragraph(line)
    table = doc.add_table(rows=2, cols=3)
    for i, cell in enumerate(table.rows[0].cells):
        cell.text = ["乡镇", "计划", "完成"][i]
    doc.sections[0].header.paragraphs[0].text = "青山县农业农村局"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _xlsx() -> bytes:
    import datetime as dt

    from openpyxl import Workbook

    wb = Workbook()
    sheet = wb.active
    sheet.title = "改厕台账"
    sheet.append(["乡镇", "村", "户数", "验收日期", "备注"])
    for i in range(12):
        sheet.append(["河口镇", f"杏花村{i}组", 20 + i, dt.date(2024, 10, 1 + i), "三格式化粪池"])
    wb.create_sheet("汇总").append(["合计", "=SUM(改厕台账!C2:C13)"])
    wb.properties.title = "改厕台账"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _pptx() -> bytes:
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                    'package/2006/content-types"/>')
        zf.writestr("ppt/presentation.xml", f'<?xml version="1.0"?><p:presentation xmlns:p="{p}"/>')
        for n, line in enumerate(TEXT.splitlines(), start=1):
            zf.writestr(f"ppt/slides/slide{n}.xml", f'<?xml version="1.0"?><p:sld xmlns:p="{p}" xmlns:a="{a}">'
                        f"<p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>{line}</a:t></a:r></a:p>"
                        "</p:txBody></p:sp></p:spTree></p:cSld></p:sld>")
    return out.getvalue()


def _pdf_by_hand() -> bytes:
    """A small text PDF with an xref table, written out so the offsets are right."""
    stream = b"BT /F1 18 Tf 72 720 Td (Qingshan County 2024 toilet renovation: 1320 households) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Title (\xfe\xff\x62\x37\x53\x4e) /Producer (archivist fuzz) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _pdf_rewritten(encrypt: bool) -> bytes:
    """The hand-made PDF passed through pypdf: compressed streams, metadata, optionally RC4/AES."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf_by_hand())))
    writer.add_metadata({"/Title": "青山县改厕实施方案", "/Author": "青山县农业农村局"})
    for page in writer.pages:
        page.compress_content_streams()
    if encrypt:
        writer.encrypt(user_password="", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _image(fmt: str) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (96, 64), (240, 240, 230))
    ImageDraw.Draw(image).rectangle((10, 10, 80, 50), outline=(20, 20, 20), width=3)
    out = io.BytesIO()
    if fmt == "JPEG":
        exif = Image.Exif()
        exif[0x0132] = "2024:08:02 10:00:00"
        exif[0x9C9B] = "水口村黑臭水体整治".encode("utf-16-le") + b"\x00\x00"
        exif.get_ifd(0x8769)[36867] = "2024:08:02 10:00:00"
        image.save(out, "JPEG", exif=exif.tobytes(), quality=80)
    elif fmt == "PNG":
        from PIL import PngImagePlugin

        info = PngImagePlugin.PngInfo()
        info.add_itxt("Title", "柳溪镇整改照片")
        image.save(out, "PNG", pnginfo=info)
    else:
        image.save(out, fmt)
    return out.getvalue()


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("河口镇/改厕验收报告.txt", TEXT.encode("utf-8"))
        info = zipfile.ZipInfo("石门乡/台账.txt".encode("gbk").decode("cp437"))
        zf.writestr(info, TEXT.encode("gb18030"))
    return out.getvalue()


SEEDS: dict[str, Callable[[], bytes]] = {
    "docx": _docx,
    "xlsx": _xlsx,
    "pptx": _pptx,
    "pdf": _pdf_by_hand,
    "pdf-pypdf": lambda: _pdf_rewritten(False),
    "pdf-encrypted": lambda: _pdf_rewritten(True),
    "jpeg": lambda: _image("JPEG"),
    "png": lambda: _image("PNG"),
    "gif": lambda: _image("GIF"),
    "tiff": lambda: _image("TIFF"),
    "bmp": lambda: _image("BMP"),
    "webp": lambda: _image("WEBP"),
    "gb18030": lambda: TEXT.encode("gb18030") * 3,
    "utf16": lambda: TEXT.encode("utf-16"),
    "zip": _zip,
}
SUFFIX = {"pdf-pypdf": "pdf", "pdf-encrypted": "pdf", "gb18030": "txt", "utf16": "txt", "jpeg": "jpg"}
_seed_cache: dict[str, bytes] = {}


def seed(name: str) -> bytes:
    if name not in _seed_cache:
        _seed_cache[name] = SEEDS[name]()
    return _seed_cache[name]


# mutations ------------------------------------------------------------------------------------------
BOUNDARY = [b"\x00", b"\xff", b"\x7f", b"\x80", b"\x00\x00", b"\xff\xff", b"\xff\xff\xff\xff", b"\x7f\xff\xff\xff",
            b"\x00\x00\x00\x80", b"\xff\xff\xff\x7f", b"%PDF-", b"PK\x03\x04", b"<!DOCTYPE", b"&x;", b"<", b"]]>",
            b"obj", b"endobj", b"stream", b"/Length 99999999", b"R ", b"0 0 R"]


@st.composite
def byte_edits(draw: Any, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        if not buf:
            buf += draw(st.binary(min_size=1, max_size=16))
            continue
        pos = draw(st.integers(0, len(buf) - 1))
        op = draw(st.sampled_from(["flip", "boundary", "random", "insert", "delete", "truncate", "repeat"]))
        if op == "flip":
            buf[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "boundary":
            value = draw(st.sampled_from(BOUNDARY))
            buf[pos : pos + len(value)] = value
        elif op == "random":
            chunk = draw(st.binary(min_size=1, max_size=32))
            buf[pos : pos + len(chunk)] = chunk
        elif op == "insert":
            buf[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del buf[pos : pos + draw(st.integers(1, 256))]
        elif op == "truncate":
            del buf[pos:]
        else:
            size = draw(st.integers(1, 512))
            buf[pos:pos] = bytes(buf[pos : pos + size]) * draw(st.integers(2, 8))
    return bytes(buf)


@st.composite
def mutated(draw: Any, name: str) -> bytes:
    data = seed(name)
    if data.startswith(b"PK") and draw(st.booleans()):
        # inside the container: mutate one member's bytes and re-zip with a valid CRC
        with zipfile.ZipFile(io.BytesIO(data)) as zin:
            infos = zin.infolist()
            target = draw(st.sampled_from(infos)).filename
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
                for info in infos:
                    body = zin.read(info.filename)
                    if info.filename == target:
                        body = draw(byte_edits(body))
                    zout.writestr(info, body)
        return out.getvalue()
    return draw(byte_edits(data))


# the check ------------------------------------------------------------------------------------------
def check(data: bytes, name: str, workdir: Path, found: dict[str, str] | None = None) -> None:
    """Run one input through the bounded extractor; fail (and keep the input) on anything but
    success or ExtractionError, or on overstaying the time limit.

    With `found` (the long run), record the first input per distinct bug — keyed by the exception
    and the line that raised it — and go on, so one run collects every bug instead of the first."""
    digest = hashlib.sha256(data).hexdigest()[:16]
    path = workdir / f"{name}-{digest}.{SUFFIX.get(name, name)}"
    path.write_bytes(data)
    started = time.monotonic()
    problem = None
    try:
        sandbox.run_bounded(probe, path, timeout=LIMIT_SECONDS, memory_mb=MEMORY_MB)
    except ExtractionError:
        pass
    except sandbox.SandboxError as exc:
        problem = f"{exc}\n{exc.details}"
    elapsed = time.monotonic() - started
    if problem is None and elapsed > LIMIT_SECONDS + SLACK_SECONDS:
        problem = f"ran {elapsed:.1f}s, past the {LIMIT_SECONDS:g}s limit"
    if problem is not None:
        if found is not None:
            signature = _signature(problem)
            if signature not in found:
                found[signature] = f"{name}: {problem}\ninput kept at {_keep(path)}"
            return
        kept = _keep(path)
        pytest.fail(f"{name}: {problem}\ninput kept at {kept}")
    path.unlink()


def _signature(problem: str) -> str:
    """'ExceptionType @ module.py:function' of the innermost archivist frame: one key per distinct
    bug, stable while the code around it is edited (no line numbers)."""
    lines = [line.strip() for line in problem.splitlines() if line.strip()]
    frames = [m for line in lines if (m := _FRAME.match(line)) and "sandbox" not in m.group(1)]
    where = f"{Path(frames[-1].group(1)).name}:{frames[-1].group(2)}" if frames else "?"
    error = lines[-1].split(":")[0] if lines else "?"
    if error.split(".")[-1][:1].isupper():
        error = error.split(".")[-1]  # pypdf.errors.LimitReachedError → LimitReachedError; zlib.error stays
    return f"{error} @ {where}"


_FRAME = re.compile(r'File "[^"]*/(archivist/[^"]+)", line \d+, in (\w+)')

# Bugs the fuzzer found that are not fixed yet (see tests/crashers/README.md): reported as xfail,
# so CI stays green while they are open and turns them into passes by itself once they are fixed.
# A bug not listed here fails the test.
KNOWN_OPEN: dict[str, str] = {}  # signature -> description of an extractor bug not fixed yet


def _report(found: dict[str, str]) -> None:
    """Fail on a new bug; xfail when every bug found is a known open one."""
    new = {sig: text for sig, text in found.items() if sig not in KNOWN_OPEN}
    if new:
        pytest.fail("\n\n".join(f"[{sig}]\n{text}" for sig, text in new.items()))
    if found:
        pytest.xfail("已知未修复：" + "；".join(KNOWN_OPEN[sig] for sig in found))


def _keep(path: Path) -> Path:
    if os.environ.get("ARCHIVIST_SAVE_CRASHERS") == "1":
        CRASHERS.mkdir(exist_ok=True)
        target = CRASHERS / path.name
        target.write_bytes(path.read_bytes())
        return target
    return path


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _fuzz(name: str, workdir: Path, examples: int, derandomize: bool, found: dict[str, str] | None = None) -> None:
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=derandomize,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )
    @given(data=mutated(name))
    def run(data: bytes) -> None:
        check(data, name, workdir, found)

    run()


# tests ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(SEEDS))
def test_seed_is_read(name: str, workdir: Path) -> None:
    """Each seed itself is a readable file of its kind: the fuzz starts from real documents."""
    path = workdir / f"seed.{SUFFIX.get(name, name)}"
    path.write_bytes(seed(name))
    kind, _chars = sandbox.run_bounded(probe, path, timeout=60, memory_mb=MEMORY_MB)
    expected = {"jpeg": "image", "png": "image", "gif": "image", "tiff": "image", "bmp": "image", "webp": "image",
                "gb18030": "text", "utf16": "text", "pdf-pypdf": "pdf", "pdf-encrypted": "pdf"}
    assert kind == expected.get(name, name)


@pytest.mark.parametrize("name", list(SEEDS))
def test_fuzz_extractors_short(name: str, workdir: Path) -> None:
    found: dict[str, str] = {}
    _fuzz(name, workdir, CI_EXAMPLES, derandomize=True, found=found)
    _report(found)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SEEDS))
def test_fuzz_extractors_long(name: str, workdir: Path) -> None:
    found: dict[str, str] = {}
    _fuzz(name, workdir, SLOW_EXAMPLES, derandomize=False, found=found)
    _report(found)


def _crasher_files() -> list[Path]:
    if not CRASHERS.is_dir():
        return []
    return sorted(p for p in CRASHERS.iterdir() if p.is_file() and p.suffix != ".md")


@pytest.mark.parametrize("path", _crasher_files(), ids=lambda p: p.name)
def test_crashers_stay_fixed(path: Path, tmp_path: Path) -> None:
    """Every input that once broke an extractor: now only ExtractionError or a result, in time."""
    found: dict[str, str] = {}
    check(path.read_bytes(), path.name.split("-")[0], tmp_path, found)
    _report(found)


def test_hostile_inputs_through_ingest_are_quarantined_and_the_run_goes_on(cli, ws: Any, tmp_path: Path) -> None:
    """Bombs and broken files at the pipeline level: each quarantined with a reason, its bytes kept,
    the others filed, verify clean."""
    import json
    import struct
    import zlib

    folder = tmp_path / "来件"
    folder.mkdir()
    # a decompression-bomb PNG: 20000 x 20000 1-bit pixels in a few kilobytes
    side = 20000
    row = b"\x00" * (1 + (side + 7) // 8)
    compressor = zlib.compressobj(9)
    idat = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    (folder / "现场照片.png").write_bytes(png)
    # billion laughs inside a docx
    laughs = ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
              + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
              + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              "<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>")
    with zipfile.ZipFile(io.BytesIO(_docx())) as zin, zipfile.ZipFile(folder / "通知.docx", "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, laughs if info.filename == "word/document.xml" else zin.read(info.filename))
    # a zip bomb: one member of 600 MB of zeros
    with zipfile.ZipFile(folder / "材料.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        member = zipfile.ZipInfo("数据.bin")
        member.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(member, "w", force_zip64=True) as out:
            block = b"\x00" * (1 << 20)
            for _ in range(600):
                out.write(block)
    # a truncated PDF and a good document
    (folder / "验收报告.pdf").write_bytes(_pdf_rewritten(False)[:300])
    (folder / "方案.txt").write_bytes(TEXT.encode("gb18030"))
    records = json.loads(cli("ingest", str(folder), "--json"))
    by_name = {r["original_name"]: r for r in records}
    for name in ("现场照片.png", "通知.docx", "材料.zip", "验收报告.pdf"):
        assert by_name[name]["status"] == "quarantined", by_name[name]
        assert by_name[name]["reason"] and by_name[name]["archive_path"].startswith("archive/_隔离/")
    assert by_name["方案.txt"]["status"] in ("filed", "unsorted")
    report = json.loads(cli("verify", "--json"))
    assert report["ok"], report
