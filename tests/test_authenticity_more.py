"""Authenticity: personal data (what is and is not a 身份证号), masking in `export --zip`, pictures inside
Word reports, ledger totals against the text, the 情况通报 summary lines."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from archivist.authenticity.pii import find_pii, is_resident_id, mask_text
from tests.authenticity_gen import resident_id, reused, save_photo, scene
from tests.fixtures_gen import make_docx, make_xlsx


def test_resident_id_needs_its_check_digit_and_a_real_birth_date() -> None:
    good = resident_id()
    assert is_resident_id(good)
    wrong_check = good[:17] + ("0" if good[17] != "0" else "1")
    assert not is_resident_id(wrong_check)
    assert not is_resident_id(good[:10] + "1399" + good[14:])  # 13th month: rebuilt check still no date
    text = (f"户主{good}，电话 139-1234-5678。统一社会信用代码91330102MA2H0KXW1X，项目编号：{good}，"
            "银行账号6222021234567890123，办公电话0571-88123456，工号10012345678901")
    kinds = [(h.kind, h.value) for h in find_pii(text)]
    assert kinds == [("身份证号", good), ("手机号", "139-1234-5678")]
    masked = mask_text(text)
    assert good not in masked.split("项目编号")[0] and "139****5678" in masked


def _zip_text(path: Path) -> str:
    """Every text the exported zip holds, the members inside .docx/.xlsx files included."""
    import io

    parts = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            if name.endswith((".docx", ".xlsx")):
                with zipfile.ZipFile(io.BytesIO(data)) as inner:
                    parts += [inner.read(n).decode("utf-8", "replace") for n in inner.namelist()
                              if n.endswith(".xml")]
            elif name.endswith((".html", ".json", ".txt")):
                parts.append(data.decode("utf-8", "replace"))
    return "\n".join(parts)


def test_export_zip_masks_personal_data_unless_unmasked_and_that_is_audited(cli, tmp_path: Path) -> None:
    person = resident_id(born=__import__("datetime").date(1980, 1, 2))
    inbox = tmp_path / "来件"
    make_xlsx(inbox / "县人社局" / "公益岗人员花名册.xlsx",
              {"花名册": [["姓名", "身份证号", "联系电话"], ["王某某", person, 13912345678]]})
    make_docx(inbox / "县人社局" / "关于王某某公益岗聘用的说明.docx", "关于公益岗聘用的说明",
              [f"王某某，身份证号{person}，联系电话13812345678，经审核同意聘用。", "县人社局", "2024年5月6日"])
    cli("ingest", str(inbox))
    out = tmp_path / "out" / "export.zip"
    cli("export", "--zip", str(out))
    text = _zip_text(out)
    assert "花名册" in text or "王某某" in text  # the files are really in it
    assert person not in text and "13812345678" not in text and "13912345678" not in text
    assert re.search(r"\d{6}\*{8}\d{3}[\dX]", text)
    # the inspection team's copy is complete, and asking for it is recorded
    full = tmp_path / "out" / "full.zip"
    cli("export", "--zip", str(full), "--unmasked")
    assert person in _zip_text(full)
    from archivist.catalogue import Catalogue

    catalogue = Catalogue(cli.ws.catalogue_path)
    try:
        assert [e["action"] for e in catalogue.audit_entries()].count("export_unmasked") == 1
    finally:
        catalogue.close()


def test_masked_xlsx_still_opens_with_the_masked_values(cli, tmp_path: Path) -> None:
    import io

    from openpyxl import load_workbook

    from archivist.authenticity.pii import mask_file_bytes

    person = resident_id()
    book = make_xlsx(tmp_path / "花名册.xlsx", {"S": [["身份证号", "电话"], [person, 13912345678]]})
    masked = mask_file_bytes(book.name, book.read_bytes())
    sheet = load_workbook(io.BytesIO(masked)).active
    assert [c.value for c in sheet[2]] == [person[:6] + "********" + person[14:], "139****5678"]
    plain = f"联系人 王某某 {person} 13812345678".encode("gb18030")
    assert mask_file_bytes("联系人.txt", plain).decode("gb18030") == f"联系人 王某某 {mask_text(person)} 138****5678"


def _docx_with_pictures(path: Path, title: str, pictures: list[tuple[str, Path]]) -> Path:
    from docx import Document
    from docx.shared import Cm

    doc = Document()
    doc.add_paragraph(title)
    for caption, picture in pictures:
        doc.add_paragraph(caption)
        doc.add_picture(str(picture), width=Cm(12))
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def test_before_after_sheet_in_word_with_one_picture_twice(cli, tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    site = scene(11, 1)
    before = save_photo(shots / "a.jpg", site, "2024-03-01 10:00:00")
    after = save_photo(shots / "b.jpg", reused(site, 2), "2024-06-01 10:00:00")
    honest_before = save_photo(shots / "c.jpg", scene(12, 1), "2024-03-01 10:00:00")
    honest_after = save_photo(shots / "d.jpg", scene(12, 4), "2024-06-01 10:00:00")
    inbox = tmp_path / "来件"
    _docx_with_pictures(inbox / "柳林镇" / "北山村户厕改造前后对比照片.docx", "北山村户厕改造前后对比照片",
                        [("改造前", before), ("改造后", after)])
    _docx_with_pictures(inbox / "柳林镇" / "南溪村户厕改造前后对比照片.docx", "南溪村户厕改造前后对比照片",
                        [("改造前", honest_before), ("改造后", honest_after)])
    cli("ingest", str(inbox))
    findings = [f for f in cli.json("check") if f["kind"] in ("before_after_same", "photo_reuse")]
    assert [f["kind"] for f in findings] == ["before_after_same"]
    assert [r["original_name"] for r in cli.json("list") if r["id"] in findings[0]["evidence_ids"]] == [
        "北山村户厕改造前后对比照片.docx"]


def test_ledger_total_against_the_report_and_a_consistent_figure_not_flagged(cli, tmp_path: Path) -> None:
    inbox = tmp_path / "来件"
    make_xlsx(inbox / "白沙乡" / "白沙乡2024年衔接资金项目支出台账.xlsx",
              {"台账": [["白沙乡2024年衔接资金项目支出台账（单位：万元）"], ["序号", "项目名称", "下达资金", "已支出"],
                        [1, "东岭村道路", 100, 90.5], [2, "西坪村冷库", 80, 70], ["合计", "", 180, 160.5]]})
    make_docx(inbox / "白沙乡" / "白沙乡关于2024年衔接资金项目实施情况的报告.docx",
              "白沙乡关于2024年衔接资金项目实施情况的报告",
              ["2024年我乡实施衔接资金项目2个，下达资金180万元，截至12月底累计支出168.5万元。", "白沙乡人民政府",
               "2024年12月30日"])
    cli("ingest", str(inbox))
    conflicts = [f for f in cli.json("check") if f["kind"] == "figure_conflict"]
    assert len(conflicts) == 1
    assert conflicts[0]["evidence"]["subject"] == "支出"  # 下达资金 agrees (180) and is not reported
    assert sorted(s["value"] for s in conflicts[0]["evidence"]["sources"]) == [1605000.0, 1685000.0]


def test_findings_summary_for_the_briefing(cli, tmp_path: Path) -> None:
    from archivist.authenticity.summary import findings_summary
    from archivist.catalogue import Catalogue

    inbox = tmp_path / "来件"
    make_xlsx(inbox / "县人社局" / "花名册.xlsx", {"S": [["姓名", "身份证号"], ["王某某", resident_id()]]})
    station = scene(13, 1)
    save_photo(inbox / "河口镇" / "东岭村垃圾站.jpg", station, "2024-05-12 09:30:00", "东岭村垃圾站")
    save_photo(inbox / "青山镇" / "西坪村垃圾站.jpg", reused(station, 4), "2024-08-03 15:10:00", "西坪村垃圾站")
    cli("ingest", str(inbox))
    reuse = next(f for f in cli.json("check") if f["kind"] == "photo_reuse")
    cli("check", "--explain", reuse["id"], "--note", "同一垃圾站，不同日期")
    catalogue = Catalogue(cli.ws.catalogue_path)
    try:
        lines = {line.kind: line for line in findings_summary(cli.ws, catalogue)}
    finally:
        catalogue.close()
    assert lines["pii"].open == 1 and lines["pii"].high == 1
    assert lines["photo_reuse"].open == 0 and lines["photo_reuse"].explained == 1
    assert lines["photo_reuse"].text == "照片重复使用1处均已说明"
