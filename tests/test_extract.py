"""extract(), the per-format extractors, unzip.safe_members and the bounded sandbox, on generated files."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import pytest
from fixtures_gen import (
    has_soffice,
    has_tesseract_chi_sim,
    make_bomb_png,
    make_doc,
    make_docx,
    make_docx_with_bomb,
    make_entity_bomb_docx,
    make_fake_ole2,
    make_html_doc,
    make_html_xls,
    make_photo,
    make_pptx,
    make_scanned_pdf,
    make_text_file,
    make_text_pdf,
    make_xls,
    make_xlsx,
    make_zip,
    make_zip_bomb,
    truncate_copy,
)

from archivist.intake import sandbox
from archivist.intake.extract import _ocr, extract, legacy
from archivist.intake.identify import identify
from archivist.intake.unzip import safe_members
from archivist.model import ExtractionError

needs_soffice = pytest.mark.skipif(not has_soffice(), reason="LibreOffice (soffice) not installed")
needs_ocr = pytest.mark.skipif(not has_tesseract_chi_sim(), reason="tesseract with chi_sim not installed")

NOTICE_TITLE = "关于开展2024年度乡村振兴考核工作的通知"


# --- docx ----------------------------------------------------------------------------------------


def test_docx_body_table_header_footer_and_title(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "通知.docx",
        NOTICE_TITLE,
        ["各乡镇人民政府：", "为全面推进乡村振兴，现将有关事项通知如下。"],
        table=[["村名", "脱贫户数"], ["青山村", "86"]],
        header="青山县乡村振兴局",
        footer="内部资料 注意保存",
        core_title="模板标题",
        author="张三",
        masthead="青山县乡村振兴局文件",
        doc_number="青乡振〔2024〕12号",
    )
    ex = extract(path)
    assert ex.file_type == "docx"
    assert "为全面推进乡村振兴" in ex.text
    assert "村名\t脱贫户数" in ex.text and "青山村\t86" in ex.text  # table rows, cells tab-separated
    assert "青山县乡村振兴局" in ex.text and "内部资料 注意保存" in ex.text  # header and footer
    # The visible title wins over the stale core title; masthead and document number are skipped.
    assert ex.title_hint == NOTICE_TITLE
    assert ex.meta["author"] == "张三" and ex.meta["core_title"] == "模板标题"


def test_docx_core_title_when_no_formatted_title(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", "", ["正文第一段，没有标题格式。"], core_title="青山村村规民约")
    assert extract(path).title_hint == "青山村村规民约"


def test_docx_text_box_read_once(tmp_path: Path) -> None:
    """Text boxes (common in red-header documents) are read, and the mc:Fallback copy is not."""
    from docx import Document
    from lxml import etree

    doc = Document()
    doc.add_paragraph("正文段落")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = "<w:txbxContent><w:p><w:r><w:t>文本框里的发文机关</w:t></w:r></w:p></w:txbxContent>"
    run = etree.fromstring(
        f'<w:r xmlns:w="{w}" xmlns:mc="{mc}"><mc:AlternateContent>'
        f"<mc:Choice Requires='wps'><w:drawing>{box}</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    doc.paragraphs[0]._p.append(run)
    doc.save(str(tmp_path / "box.docx"))
    text = extract(tmp_path / "box.docx").text
    assert text.count("文本框里的发文机关") == 1 and "正文段落" in text


def test_docx_zip_bomb_refused(tmp_path: Path) -> None:
    bomb = make_docx_with_bomb(tmp_path / "bomb.docx", size=64 * 1024 * 1024)
    with pytest.raises(ExtractionError, match="压缩炸弹"):
        extract(bomb)


def test_docx_entity_bomb_refused(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="实体炸弹") as info:
        extract(make_entity_bomb_docx(tmp_path / "lol.docx"))
    assert info.value.hint


def test_xlsx_entity_bomb_refused(tmp_path: Path) -> None:
    """The DTD check covers every OOXML part, not only word/document.xml."""
    from fixtures_gen import BILLION_LAUGHS

    good = make_xlsx(tmp_path / "ok.xlsx", {"台账": [["a", "b"]]})
    bad = tmp_path / "lol.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, BILLION_LAUGHS.encode() if item.filename == "xl/sharedStrings.xml" else data)
        if "xl/sharedStrings.xml" not in zin.namelist():
            zout.writestr("xl/sharedStrings.xml", BILLION_LAUGHS)
    with pytest.raises(ExtractionError, match="实体炸弹"):
        extract(bad)


def test_truncated_docx(tmp_path: Path) -> None:
    whole = make_docx(tmp_path / "a.docx", NOTICE_TITLE, ["正文" * 500])
    with pytest.raises(ExtractionError, match="损坏或不完整"):
        extract(truncate_copy(whole, tmp_path / "half.docx", 0.5))


# --- xlsx / pptx ---------------------------------------------------------------------------------------


def test_xlsx_sheets_header_rows(tmp_path: Path) -> None:
    import datetime as dt

    path = make_xlsx(
        tmp_path / "台账.xlsx",
        {
            "脱贫户": [
                ["青山县2024年脱贫户帮扶台账"],
                ["序号", "户主", "人口", "帮扶日期"],
                [1, "李四", 3, dt.datetime(2024, 5, 12)],
                [2, "王五", 4.0, None],
            ],
            "汇总": [["乡镇", "户数"], ["青山镇", 86]],
        },
    )
    ex = extract(path)
    assert ex.file_type == "xlsx"
    assert "李四\t3\t2024-05-12" in ex.text and "青山镇\t86" in ex.text
    assert ex.title_hint == "青山县2024年脱贫户帮扶台账"
    first, second = ex.meta["sheets"]
    assert first["name"] == "脱贫户" and first["header"] == ["序号", "户主", "人口", "帮扶日期"]
    assert first["rows"] == [["1", "李四", "3", "2024-05-12"], ["2", "王五", "4"]]
    assert second["header"] == ["乡镇", "户数"] and second["rows"] == [["青山镇", "86"]]


def test_pptx_slides(tmp_path: Path) -> None:
    ex = extract(make_pptx(tmp_path / "汇报.pptx", [["青山县乡村振兴工作汇报", "2024年5月"], ["一、产业振兴"]]))
    assert ex.pages == 2 and "产业振兴" in ex.text and ex.title_hint == "青山县乡村振兴工作汇报"


# --- pdf -------------------------------------------------------------------------------------------


def test_text_pdf_pages_and_title(tmp_path: Path) -> None:
    path = make_text_pdf(
        tmp_path / "a.pdf",
        [[NOTICE_TITLE, "各乡镇：请认真组织实施。"], ["第二页：脱贫攻坚成果巩固情况"]],
        title="Microsoft Word - 关于开展考核的通知.docx",
    )
    ex = extract(path)
    assert ex.file_type == "pdf" and ex.pages == 2 and not ex.ocr_used
    assert "乡村振兴考核" in ex.text and "脱贫攻坚成果巩固" in ex.text
    assert ex.title_hint == "关于开展考核的通知"  # Word's print prefix and the extension removed


def test_encrypted_pdf_with_user_password(tmp_path: Path) -> None:
    path = make_text_pdf(tmp_path / "locked.pdf", ["乡村振兴"], user_password="secret")
    with pytest.raises(ExtractionError) as info:
        extract(path)
    assert info.value.reason == "PDF已加密，无法读取"
    assert "未加密" in info.value.hint


def test_encrypted_pdf_with_empty_user_password_opens(tmp_path: Path) -> None:
    path = make_text_pdf(tmp_path / "restricted.pdf", ["限制打印的乡村振兴文件"], owner_password="owner")
    assert "限制打印的乡村振兴文件" in extract(path).text


def test_truncated_pdf(tmp_path: Path) -> None:
    whole = make_text_pdf(tmp_path / "a.pdf", [["乡村振兴"] * 30] * 3)
    with pytest.raises(ExtractionError, match="PDF"):
        extract(truncate_copy(whole, tmp_path / "half.pdf", 0.4))


@needs_ocr
def test_scanned_pdf_is_ocred(tmp_path: Path) -> None:
    path = make_scanned_pdf(
        tmp_path / "scan.pdf", ["关于开展乡村振兴考核的通知", "各乡镇人民政府：", "请认真组织实施。"]
    )
    ex = extract(path)
    assert ex.ocr_used and ex.meta["ocr_pages"] == [1]
    assert "乡村振兴" in ex.text
    assert " " not in ex.text.split("\n")[0]  # no spaces between Chinese characters


def test_scanned_pdf_without_tesseract_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_ocr, "ocr_unavailable", lambda: "未安装 tesseract，跳过 OCR（请安装 tesseract-ocr）")
    ex = extract(make_scanned_pdf(tmp_path / "scan.pdf", ["乡村振兴"]))
    assert not ex.ocr_used and ex.pages == 1
    assert any("未安装 tesseract" in w for w in ex.warnings)


def test_ocr_stops_at_the_deadline_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_ocr, "ocr_unavailable", lambda: None)
    monkeypatch.setattr(_ocr, "pdftoppm_unavailable", lambda: None)
    ex = extract(make_scanned_pdf(tmp_path / "scan.pdf", ["乡村振兴"], pages=2), deadline=time.monotonic())
    assert not ex.ocr_used and any("未做OCR" in w for w in ex.warnings)


# --- images ----------------------------------------------------------------------------------------


def test_photo_exif_date_gps_xptitle(tmp_path: Path) -> None:
    path = make_photo(
        tmp_path / "现场.jpg",
        date="2024-05-12 09:30:00",
        gps=(28.123456, 112.987654),
        xp_title="青山村人居环境整治现场",
        xp_comment="村道清理前后对比",
    )
    ex = extract(path, ocr=False)
    assert ex.file_type == "image"
    assert ex.meta["exif_date"] == "2024-05-12"
    assert ex.meta["gps"] == pytest.approx([28.123456, 112.987654], abs=1e-5)
    assert ex.meta["xp_title"] == "青山村人居环境整治现场" and ex.meta["xp_comment"] == "村道清理前后对比"
    assert "青山村人居环境整治现场" in ex.text and "村道清理前后对比" in ex.text
    assert ex.title_hint == "青山村人居环境整治现场"


def test_photo_gps_southern_western_hemisphere(tmp_path: Path) -> None:
    ex = extract(make_photo(tmp_path / "p.jpg", gps=(-33.8568, -70.6483)), ocr=False)
    assert ex.meta["gps"] == pytest.approx([-33.8568, -70.6483], abs=1e-5)
    assert "exif_date" not in ex.meta


@needs_ocr
def test_photo_of_paper_is_ocred(tmp_path: Path) -> None:
    path = make_photo(
        tmp_path / "村规民约.jpg",
        date="2024-05-12",
        text_on_image=["村规民约", "一、爱党爱国，遵纪守法。", "二、移风易俗，勤俭节约。"],
    )
    ex = extract(path)
    assert ex.ocr_used and "村规民约" in ex.text and "移风易俗" in ex.text


def test_decompression_bomb_png(tmp_path: Path) -> None:
    bomb = make_bomb_png(tmp_path / "bomb.png", side=20000)
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(ExtractionError, match="解压炸弹"):
        extract(bomb)


def test_truncated_jpeg(tmp_path: Path) -> None:
    whole = make_photo(tmp_path / "a.jpg", date="2024-05-12", size=(1600, 1200))
    with pytest.raises(ExtractionError, match="图片文件损坏"):
        extract(truncate_copy(whole, tmp_path / "half.jpg", 0.5), ocr=False)


# --- text ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom", "expected"),
    [
        ("gb18030", False, "gb18030"),
        ("utf-16-le", True, "utf-16-le"),
        ("utf-16-be", True, "utf-16-be"),
        ("utf-8", False, "utf-8"),
    ],
)
def test_text_encodings(tmp_path: Path, encoding: str, bom: bool, expected: str) -> None:
    text = "关于开展乡村振兴考核的通知\r\n各乡镇人民政府：请认真组织实施。"
    ex = extract(make_text_file(tmp_path / "t.txt", text, encoding, bom=bom))
    assert ex.meta["encoding"] == expected
    assert ex.text == text.replace("\r\n", "\n")
    assert ex.title_hint == "关于开展乡村振兴考核的通知"


def test_text_big5(tmp_path: Path) -> None:
    text = "關於開展鄉村振興考核工作的通知\n各鄉鎮人民政府：請認真組織實施。"
    ex = extract(make_text_file(tmp_path / "big5.txt", text, "big5"))
    assert ex.meta["encoding"] == "big5" and ex.text == text


# --- legacy via LibreOffice ---------------------------------------------------------------------------


@needs_soffice
def test_doc_via_libreoffice_is_cached(tmp_path: Path) -> None:
    path = make_doc(
        tmp_path / "方案.doc",
        "关于印发乡村振兴实施方案的通知",
        ["各村委会：", "现将方案印发给你们。"],
        table=[["项目", "金额"], ["道路硬化", "120万"]],
    )
    cache = tmp_path / "cache"
    ex = extract(path, cache_dir=cache)
    assert ex.file_type == "legacy" and ex.meta["legacy_format"] == "doc"
    assert "现将方案印发给你们" in ex.text and "道路硬化\t120万" in ex.text
    assert ex.title_hint == "关于印发乡村振兴实施方案的通知"
    converted = Path(ex.meta["converted_path"])
    assert converted.parent == cache and converted.suffix == ".docx"
    started = time.monotonic()
    assert extract(path, cache_dir=cache).text == ex.text
    assert time.monotonic() - started < 1.0  # second read comes from the sha256 cache
    # In a sandbox worker (soft RLIMIT_AS of 1 GB) LibreOffice still runs: tools lift their limit.
    bounded = sandbox.extract_bounded(path, cache_dir=tmp_path / "cache2", memory_mb=1024)
    assert bounded.text == ex.text


@needs_soffice
def test_xls_and_html_as_doc_via_libreoffice(tmp_path: Path) -> None:
    xls = make_xls(tmp_path / "台账.xls", {"台账": [["户主", "人口"], ["李四", 3]]})
    ex = extract(xls, cache_dir=tmp_path / "cache")
    assert ex.meta["converted_to"] == "xlsx" and ex.meta["sheets"][0]["rows"] == [["李四", "3"]]
    html = make_html_doc(
        tmp_path / "总结.doc", "青山县乡村振兴工作总结", ["今年以来，我县扎实推进乡村振兴。"], "gb2312"
    )
    ex = extract(html, cache_dir=tmp_path / "cache")
    assert ex.meta["legacy_format"] == "html" and "扎实推进乡村振兴" in ex.text
    sheet = make_html_xls(tmp_path / "台账.xls", [["户主", "人口"], ["王五", 4]])
    ex = extract(sheet, cache_dir=tmp_path / "cache")
    assert ex.meta["converted_to"] == "xlsx" and ex.meta["sheets"][0]["rows"] == [["王五", "4"]]


def test_legacy_sniffing_by_ole2_streams(tmp_path: Path) -> None:
    """Writer or Calc is decided by the content; a password-protected docx (OLE2) is named as such."""
    doc = make_fake_ole2(tmp_path / "a.xls", ["WordDocument", "1Table"])
    assert legacy.sniff_legacy(doc.read_bytes(), doc) == ("doc", "docx")
    xls = make_fake_ole2(tmp_path / "b.doc", ["Workbook"])
    assert legacy.sniff_legacy(xls.read_bytes(), xls) == ("xls", "xlsx")
    locked = make_fake_ole2(tmp_path / "c.docx", ["EncryptionInfo", "EncryptedPackage"])
    assert identify(locked) == "legacy"
    with pytest.raises(ExtractionError, match="已加密"):
        legacy.sniff_legacy(locked.read_bytes(), locked)


def test_legacy_without_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(legacy, "which", lambda tool: None)
    with pytest.raises(ExtractionError) as info:
        extract(make_html_doc(tmp_path / "a.doc", "标题", ["正文"]))
    assert info.value.reason == "缺少 LibreOffice，无法读取旧版 .doc/.xls 文件"
    assert "libreoffice-writer-nogui" in info.value.hint


# --- bad input -----------------------------------------------------------------------------------------


def test_zero_bytes(tmp_path: Path) -> None:
    empty = tmp_path / "空.pdf"
    empty.touch()
    with pytest.raises(ExtractionError) as info:
        extract(empty)
    assert info.value.reason == "空文件（0字节）" and info.value.hint


def test_unsupported_formats_are_named(tmp_path: Path) -> None:
    rar = tmp_path / "材料.rar"
    rar.write_bytes(b"Rar!\x1a\x07\x01\x00" + bytes(range(256)) * 4)
    with pytest.raises(ExtractionError, match="RAR"):
        extract(rar)
    junk = tmp_path / "x.bin"
    junk.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ExtractionError, match="无法识别"):
        extract(junk)


# --- zip members -----------------------------------------------------------------------------------------


def test_zip_members_hostile_names_stay_inside(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "材料.zip",
        {
            "../evil.txt": "up",
            "/etc/abs.txt": "abs",
            "C:\\Windows\\win.txt": "drive",
            "村级/台账.txt": "ledger",
            "村级/台账.txt ": "same name again after strip",
        },
        symlinks={"link": "/etc/passwd"},
    )
    dest = tmp_path / "out"
    notes: list[str] = []
    members = safe_members(archive, dest, warnings=notes)
    names = {name: path for path, name in members}
    assert set(names) == {"../evil.txt", "/etc/abs.txt", "C:\\Windows\\win.txt", "村级/台账.txt", "村级/台账.txt "}
    for path, _ in members:
        assert path.resolve().is_relative_to(dest.resolve()) and path.is_file() and not path.is_symlink()
    assert names["../evil.txt"] == dest / "evil.txt"
    assert names["/etc/abs.txt"] == dest / "etc" / "abs.txt"
    assert names["C:\\Windows\\win.txt"].read_text() == "drive"
    assert names["村级/台账.txt "].name == "台账 (2).txt"  # a duplicate never overwrites
    assert not (tmp_path / "evil.txt").exists()
    assert not any(p.name == "link" for p in dest.rglob("*"))
    assert any("符号链接" in n for n in notes)


def test_zip_member_names_in_gbk(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "windows.zip",
        {"2024年村集体经济/收入台账.txt": "一", "2024年村集体经济/会议纪要.txt": "二"},
        name_encoding="gbk",
    )
    with zipfile.ZipFile(archive) as zf:
        assert not zf.infolist()[0].flag_bits & 0x800  # really written without the UTF-8 flag
    members = safe_members(archive, tmp_path / "out")
    assert sorted(name for _, name in members) == ["2024年村集体经济/会议纪要.txt", "2024年村集体经济/收入台账.txt"]
    assert (tmp_path / "out" / "2024年村集体经济" / "收入台账.txt").read_text() == "一"
    assert extract(archive).meta["members"] == ["2024年村集体经济/收入台账.txt", "2024年村集体经济/会议纪要.txt"]


def test_zip_bomb_and_limits(tmp_path: Path) -> None:
    bomb = make_zip_bomb(tmp_path / "bomb.zip", size=64 * 1024 * 1024)
    with pytest.raises(ExtractionError, match="压缩炸弹"):
        safe_members(bomb, tmp_path / "out")
    assert not any((tmp_path / "out").iterdir())  # refused before writing anything
    many = make_zip(tmp_path / "many.zip", {f"{i}.txt": "x" for i in range(10)})
    with pytest.raises(ExtractionError, match="文件过多"):
        safe_members(many, tmp_path / "out2", max_members=5)
    with pytest.raises(ExtractionError, match="过大"):
        safe_members(many, tmp_path / "out3", max_total=5)


# --- bounded execution ---------------------------------------------------------------------------------


def test_run_bounded_timeout_then_recovers() -> None:
    started = time.monotonic()
    with pytest.raises(ExtractionError, match="读取超时（超过1秒）"):
        sandbox.run_bounded(time.sleep, 30, timeout=1, memory_mb=512)
    assert time.monotonic() - started < 5
    with pytest.raises(ExtractionError, match="读取超时"):
        sandbox.run_bounded(sum, range(10**12), timeout=1, memory_mb=512)  # a busy loop in C
    assert sandbox.run_bounded(len, "三个字", timeout=10, memory_mb=512) == 3


def test_timeout_also_kills_the_tools_a_worker_started() -> None:
    """soffice/tesseract run in their own sessions; a timed-out worker must not leave them behind."""
    from archivist.intake.extract._common import run_tool

    with pytest.raises(ExtractionError, match="读取超时"):
        sandbox.run_bounded(run_tool, ["sleep", "31337"], 200, timeout=1, memory_mb=512)
    time.sleep(0.2)
    leftovers = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if Path(f"/proc/{pid}/cmdline").read_bytes() == b"sleep\x0031337\x00":
                leftovers.append(pid)
        except OSError:
            continue
    assert leftovers == []


def test_run_bounded_memory_cap() -> None:
    with pytest.raises(ExtractionError, match="内存超限"):
        sandbox.run_bounded(bytearray, 2 * 1024**3, timeout=30, memory_mb=512)
    assert sandbox.run_bounded(len, "ok", timeout=10, memory_mb=512) == 2


def test_run_bounded_errors_come_back() -> None:
    with pytest.raises(sandbox.SandboxError, match="ValueError"):
        sandbox.run_bounded(int, "不是数字", timeout=10, memory_mb=512)


def test_extract_bounded_many_small_files_fast(tmp_path: Path) -> None:
    path = make_text_file(tmp_path / "t.txt", "乡村振兴工作简报", "gb18030")
    sandbox.extract_bounded(path)  # start the worker
    started = time.monotonic()
    for _ in range(30):
        ex = sandbox.extract_bounded(path, timeout=10)
    assert ex.meta["encoding"] == "gb18030"
    assert time.monotonic() - started < 3  # a reused worker, not a process per file


def test_extract_bounded_keeps_reason_and_hint(tmp_path: Path) -> None:
    empty = tmp_path / "e.docx"
    empty.touch()
    with pytest.raises(ExtractionError) as info:
        sandbox.extract_bounded(empty)
    assert info.value.reason == "空文件（0字节）" and info.value.hint
    docx = make_docx(tmp_path / "a.docx", NOTICE_TITLE, ["正文"])
    assert sandbox.extract_bounded(docx, "docx").title_hint == NOTICE_TITLE
