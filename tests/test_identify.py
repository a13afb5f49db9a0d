"""identify(): file type by content, never by extension; and the text-encoding rule it relies on."""

from __future__ import annotations

import os
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from fixtures_gen import (
    make_docx,
    make_html_doc,
    make_photo,
    make_pptx,
    make_rtf,
    make_text_file,
    make_text_pdf,
    make_xlsx,
    make_zip,
    truncate_copy,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from archivist.intake.extract.text import detect_encoding
from archivist.intake.identify import OLE2_MAGIC, identify

# --- each type from real generated files -----------------------------------------------------------


def test_office_pdf_image_text_zip(tmp_path: Path) -> None:
    cases = {
        "docx": make_docx(tmp_path / "a.docx", "关于开展考核的通知", ["正文"]),
        "xlsx": make_xlsx(tmp_path / "b.xlsx", {"台账": [["户主", "人口"], ["李四", 3]]}),
        "pptx": make_pptx(tmp_path / "c.pptx", [["汇报"]]),
        "pdf": make_text_pdf(tmp_path / "d.pdf", ["乡村振兴"]),
        "image": make_photo(tmp_path / "e.jpg", date="2024-05-12"),
        "text": make_text_file(tmp_path / "f.txt", "乡村振兴工作总结", "utf-8"),
        "zip": make_zip(tmp_path / "g.zip", {"台账.txt": "内容"}),
    }
    for expected, path in cases.items():
        assert identify(path) == expected, path.name


def test_png_gif_tiff_webp_are_images(tmp_path: Path) -> None:
    from PIL import Image

    for fmt, ext in (("PNG", "png"), ("GIF", "gif"), ("TIFF", "tif"), ("WEBP", "webp"), ("BMP", "bmp")):
        path = tmp_path / f"x.{ext}"
        Image.new("RGB", (40, 30), "white").save(path, fmt)
        assert identify(path) == "image", fmt


def test_legacy_formats(tmp_path: Path) -> None:
    """OLE2 (.doc/.xls/.wps), RTF, and HTML that Word saved as .doc all go to LibreOffice."""
    ole = tmp_path / "old.doc"
    ole.write_bytes(OLE2_MAGIC + b"\x00" * 1024)
    assert identify(ole) == "legacy"
    assert identify(make_rtf(tmp_path / "r.doc", "乡村振兴")) == "legacy"
    assert identify(make_html_doc(tmp_path / "h.doc", "工作总结", ["正文"])) == "legacy"
    xml2003 = tmp_path / "w.doc"
    xml2003.write_text('<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument/>')
    assert identify(xml2003) == "legacy"


# --- lying extensions and edge cases -------------------------------------------------------------------


def test_pdf_that_is_a_jpeg(tmp_path: Path) -> None:
    assert identify(make_photo(tmp_path / "扫描件.pdf", date="2024-05-12")) == "image"


def test_docx_that_is_really_a_doc(tmp_path: Path) -> None:
    fake = tmp_path / "方案.docx"
    fake.write_bytes(OLE2_MAGIC + os.urandom(2048))
    assert identify(fake) == "legacy"


def test_xlsx_renamed_docx_is_xlsx(tmp_path: Path) -> None:
    wrong = make_xlsx(tmp_path / "台账.docx", {"s": [["a", "b"]]})
    assert identify(wrong) == "xlsx"


def test_zero_bytes(tmp_path: Path) -> None:
    empty = tmp_path / "空.docx"
    empty.touch()
    assert identify(empty) == "empty"


def test_truncated_docx_is_still_docx(tmp_path: Path) -> None:
    """The central directory is gone, but the local headers say what it was meant to be."""
    whole = make_docx(tmp_path / "a.docx", "关于开展考核的通知", ["正文" * 200])
    assert identify(truncate_copy(whole, tmp_path / "half.docx", 0.6)) == "docx"


def test_binary_junk_is_unknown(tmp_path: Path) -> None:
    junk = tmp_path / "x.dat"
    junk.write_bytes(bytes(range(256)) * 40)
    assert identify(junk) == "unknown"


def test_text_starting_with_bm_is_not_bmp(tmp_path: Path) -> None:
    assert identify(make_text_file(tmp_path / "bm.txt", "BM 乡村振兴 notes\n" * 5, "utf-8")) == "text"


def test_ofd_is_not_unpacked_as_a_zip(tmp_path: Path) -> None:
    ofd = make_zip(tmp_path / "公文.ofd", {"OFD.xml": "<ofd:OFD/>", "Doc_0/Document.xml": "<x/>"})
    assert identify(ofd) == "unknown"


def test_zip_with_mimetype_of_opendocument_is_legacy(tmp_path: Path) -> None:
    odt = tmp_path / "a.odt"
    with zipfile.ZipFile(odt, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<x/>")
    assert identify(odt) == "legacy"


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("gb18030", False), ("big5", False), ("utf-8", False), ("utf-8", True), ("utf-16-le", True), ("utf-16-be", True)],
)
def test_text_in_chinese_encodings(tmp_path: Path, encoding: str, bom: bool) -> None:
    text = "關於開展鄉村振興考核的通知" if encoding == "big5" else "关于开展乡村振兴考核的通知\n各乡镇人民政府："
    assert identify(make_text_file(tmp_path / "t.txt", text, encoding, bom=bom)) == "text"


def test_long_gb18030_text_sniffed_from_its_head(tmp_path: Path) -> None:
    """identify reads only the head: a multibyte character cut at the sample's end is no error."""
    text = "乡村振兴考核，脱贫攻坚成果巩固。" * 10_000  # ~300 KB, longer than the sniff window
    assert identify(make_text_file(tmp_path / "long.txt", text, "gb18030")) == "text"


# --- the encoding rule -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        ("关于开展2024年度乡村振兴考核工作的通知", "gb18030", "gb18030"),
        ("各乡镇人民政府：为全面推进乡村振兴，请认真组织实施。", "gb18030", "gb18030"),
        ("村集体经济收入台账", "gb18030", "gb18030"),
        ("關於開展2024年度鄉村振興考核工作的通知", "big5", "big5"),
        ("各鄉鎮人民政府：為全面推進鄉村振興，請認真組織實施。", "big5", "big5"),
        ("乡村振兴 plain utf-8", "utf-8", "utf-8"),
        ("Café déjà vu", "utf-8", "utf-8"),
    ],
)
def test_detect_encoding(text: str, encoding: str, expected: str) -> None:
    decoded, name = detect_encoding(text.encode(encoding)) or ("", "")
    assert (decoded, name) == (text, expected)


def test_short_gb_text_that_happens_to_be_valid_utf8() -> None:
    """'什么' in GBK is the valid UTF-8 'ʲô'; the mixed-alphabet decoding is rejected."""
    assert detect_encoding("什么情况".encode("gb18030")) == ("什么情况", "gb18030")


def test_boms_and_bomless_utf16() -> None:
    assert detect_encoding("\ufeff乡村".encode("utf-16-le")) == ("乡村", "utf-16-le")
    assert detect_encoding("\ufeff乡村".encode("utf-16-be")) == ("乡村", "utf-16-be")
    assert detect_encoding("\ufeff乡村".encode("utf-8")) == ("乡村", "utf-8-sig")
    assert detect_encoding("report 2024\r\n".encode("utf-16-le")) == ("report 2024\r\n", "utf-16-le")


def test_never_guesses_with_replacement_characters() -> None:
    assert detect_encoding(b"\x00\x01\x02\xff\xfe\x00binary") is None


def _common_words(limit: int = 4000) -> list[str]:
    """The most frequent multi-character words of jieba's dictionary: realistic Chinese text."""
    import jieba

    entries = []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            word, freq, *_ = line.split()
            if len(word) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in word):
                entries.append((int(freq), word))
    return [word for _, word in sorted(entries, reverse=True)[:limit]]


@lru_cache(maxsize=1)
def _s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


_WORDS = _common_words()
# Distinct words, as sentences have: one character six times over ('等等等等等等') is valid text in both Big5
# and GB18030 ('单单单单单单'), and no reader of bytes alone can tell which was meant.
_SENTENCES = st.lists(st.sampled_from(_WORDS), min_size=3, max_size=12, unique=True).map("".join)


@settings(max_examples=200, deadline=None)
@given(_SENTENCES)
def test_chinese_text_reads_back_as_gb18030(text: str) -> None:
    assert detect_encoding(text.encode("gb18030")) == (text, "gb18030")


@settings(max_examples=200, deadline=None)
@given(_SENTENCES)
def test_traditional_text_reads_back_as_big5(text: str) -> None:
    traditional = _s2t().convert(text)
    try:
        data = traditional.encode("cp950")
    except UnicodeEncodeError:
        return  # a character Big5 lacks: not a Big5 text
    assert detect_encoding(data) == (traditional, "big5")
