"""`archivist check` end to end: real files ingested, findings read back through the CLI's JSON.

Each planted problem sits beside a look-alike that is legitimate (another day at the same place, a
report that shares only the standard policy sentences, properties that predate the document), and
the tests assert both: the problem is found with its evidence, the look-alike is not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.authenticity_gen import POLICY, report_text, resident_id, reused, save_photo, scene, set_core_times
from tests.fixtures_gen import make_docx, make_xlsx


def _by_kind(findings: list[dict], kind: str) -> list[dict]:
    return [f for f in findings if f["kind"] == kind]


def _names(cli, finding: dict) -> set[str]:
    ids = finding["evidence_ids"]
    records = {r["id"]: r for r in cli.json("list")}
    return {records[i]["original_name"] for i in ids if i in records}


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    box = tmp_path / "来件"
    box.mkdir()
    # a few ordinary reports, so the standard policy sentences are common wording in this archive
    for n, town in enumerate(["河口镇", "青山镇", "白沙乡", "柳林镇", "松岗镇"]):
        make_docx(box / town / f"{town}2024年工作总结.docx", f"{town}2024年乡村振兴工作总结",
                  report_text(100 + n, town).split("\n")[1:])
    return box


def test_reused_photo_found_and_same_place_other_day_not(cli, inbox: Path) -> None:
    station = scene(1, day=1)
    save_photo(inbox / "河口镇" / "东岭村垃圾站.jpg", station, "2024-05-12 09:30:00", "东岭村垃圾站")
    save_photo(inbox / "青山镇" / "西坪村垃圾站.jpg", reused(station, 7), "2024-08-03 15:10:00", "西坪村垃圾站")
    save_photo(inbox / "河口镇" / "东岭村垃圾站复查.jpg", scene(1, day=2), "2024-09-20 10:00:00", "东岭村垃圾站复查")
    save_photo(inbox / "白沙乡" / "南溪村公厕.jpg", scene(2, day=1), "2024-06-01 11:00:00", "南溪村公厕")
    cli("ingest", str(inbox))
    findings = cli.json("check")
    reuse = _by_kind(findings, "photo_reuse")
    assert len(reuse) == 1, reuse
    assert _names(cli, reuse[0]) == {"东岭村垃圾站.jpg", "西坪村垃圾站.jpg"}
    assert reuse[0]["severity"] == "high"  # offered for two villages
    pair = next(iter(reuse[0]["evidence"]["pairs"].values()))
    assert pair["hash_distance"] <= 22 and pair["changed_area"] < 0.005
    assert not _by_kind(findings, "before_after_same")


def test_after_photo_that_is_the_before_photo(cli, inbox: Path) -> None:
    site = scene(3, day=1)
    save_photo(inbox / "柳林镇" / "北山村旱厕整改前.jpg", site, "2024-03-02 10:00:00", "北山村旱厕整改前")
    save_photo(inbox / "柳林镇" / "北山村旱厕整改后.jpg", reused(site, 3), "2024-06-02 10:00:00", "北山村旱厕整改后")
    # a genuine before/after of another site: same place, another day
    save_photo(inbox / "松岗镇" / "南溪村沟渠整改前.jpg", scene(4, day=1), "2024-04-02 10:00:00", "南溪村沟渠整改前")
    save_photo(inbox / "松岗镇" / "南溪村沟渠整改后.jpg", scene(4, day=5), "2024-07-02 10:00:00", "南溪村沟渠整改后")
    cli("ingest", str(inbox))
    findings = cli.json("check")
    same = _by_kind(findings, "before_after_same")
    assert [_names(cli, f) for f in same] == [{"北山村旱厕整改前.jpg", "北山村旱厕整改后.jpg"}]
    assert not _by_kind(findings, "photo_reuse")


def test_copied_report_and_template_copy_but_not_shared_policy_wording(cli, inbox: Path) -> None:
    last_year = report_text(7, "石门镇", sentences=36)
    this_year = last_year.replace("2024", "2025").replace("第3批次", "第8批次")
    make_docx(inbox / "石门镇" / "石门镇2023年工作总结.docx", "石门镇2023年工作总结", last_year.split("\n"))
    make_docx(inbox / "石门镇" / "石门镇2024年工作总结.docx", "石门镇2024年工作总结", this_year.split("\n"))
    plan = report_text(8, "杉口镇", sentences=30)
    make_docx(inbox / "杉口镇" / "杉口镇人居环境整治方案.docx", "杉口镇人居环境整治方案", plan.split("\n"))
    copied = plan.replace("杉口镇", "桐岭镇")
    make_docx(inbox / "桐岭镇" / "桐岭镇人居环境整治方案.docx", "桐岭镇人居环境整治方案", copied.split("\n"))
    # mostly new, but every standard sentence of the others
    fresh = report_text(99, "龙潭镇", sentences=36)
    make_docx(inbox / "龙潭镇" / "龙潭镇2024年工作总结.docx", "龙潭镇2024年工作总结", fresh.split("\n"))
    cli("ingest", str(inbox))
    findings = cli.json("check")
    near = _by_kind(findings, "near_duplicate_text")
    template = _by_kind(findings, "template_copy")
    assert [_names(cli, f) for f in near] == [{"石门镇2023年工作总结.docx", "石门镇2024年工作总结.docx"}]
    assert near[0]["evidence"]["overlap"] >= 0.8 and near[0]["evidence"]["shared"]
    assert [_names(cli, f) for f in template] == [{"杉口镇人居环境整治方案.docx", "桐岭镇人居环境整治方案.docx"}]
    assert [set(pair) for pair in template[0]["evidence"]["renamed"]] == [{"杉口镇", "桐岭镇"}]
    assert near[0]["evidence"]["standard_sentences_ignored"] >= len(POLICY) - 1


def test_file_made_after_cutoff_but_not_one_whose_properties_predate_it(cli, inbox: Path) -> None:
    late = make_docx(inbox / "县农业农村局" / "关于2024年改厕工作的报告.docx", "关于改厕工作的报告",
                     ["2024年全县改厕工作总体顺利。", "县农业农村局", "2024年11月20日"])
    set_core_times(late, "2025-01-03T02:00:00Z", "2025-01-03T03:00:00Z")
    # 2024-12-31 23:30 in Beijing is 15:30 UTC: inside the year, must not count as after the cut-off
    edge = make_docx(inbox / "县农业农村局" / "关于垃圾分类工作的报告.docx", "关于垃圾分类工作的报告",
                     ["垃圾分类工作扎实推进。", "县农业农村局", "2024年12月30日"])
    set_core_times(edge, "2024-12-30T01:00:00Z", "2024-12-31T15:30:00Z")
    early = make_docx(inbox / "县农业农村局" / "关于污水治理工作的报告.docx", "关于污水治理工作的报告",
                      ["污水治理工作稳步推进。", "县农业农村局", "2024年9月10日"])
    set_core_times(early, "2023-02-01T01:00:00Z", "2024-09-10T01:00:00Z")
    ledger = make_xlsx(inbox / "县农业农村局" / "2024年改厕台账.xlsx",
                       {"台账": [["2024年改厕台账（截至2024年6月30日）"], ["乡镇", "户数"], ["河口镇", 3]]})
    set_core_times(ledger, "2024-06-30T01:00:00Z", "2025-01-02T16:30:00Z")  # 2025-01-03 00:30 Beijing
    cli("ingest", str(inbox))
    backdated = _by_kind(cli.json("check"), "backdated_file")
    by_name = {next(iter(_names(cli, f))): f for f in backdated}
    assert set(by_name) == {"关于2024年改厕工作的报告.docx", "2024年改厕台账.xlsx"}
    assert by_name["关于2024年改厕工作的报告.docx"]["severity"] == "high"
    assert by_name["关于2024年改厕工作的报告.docx"]["evidence"]["created"].startswith("2025-01-03T10:00")
    assert by_name["2024年改厕台账.xlsx"]["severity"] == "medium"  # only saved again after the cut-off


def test_dated_after_received(cli, inbox: Path) -> None:
    make_docx(inbox / "河口镇" / "河口镇关于公益岗考核的报告.docx", "河口镇关于公益岗考核的报告",
              ["收文日期：2024年6月3日", "公益岗考核工作已完成。", "河口镇人民政府", "2024年6月18日"])
    make_docx(inbox / "河口镇" / "河口镇关于技能培训的报告.docx", "河口镇关于技能培训的报告",
              ["收文日期：2024年6月20日", "技能培训工作已完成。", "河口镇人民政府", "2024年6月18日"])
    cli("ingest", str(inbox))
    backdated = _by_kind(cli.json("check"), "backdated_file")
    assert [_names(cli, f) for f in backdated] == [{"河口镇关于公益岗考核的报告.docx"}]
    assert backdated[0]["evidence"]["received"] == "2024-06-03"


def test_exif_date_against_caption_and_file_name(cli, inbox: Path) -> None:
    save_photo(inbox / "河口镇" / "东岭村道路硬化.jpg", scene(5, 1), "2024-03-15 10:00:00",
               "2024年9月20日东岭村道路硬化")
    save_photo(inbox / "河口镇" / "IMG_20240712_101500.jpg", scene(6, 1), "2024-02-01 10:00:00", "西坪村河道清理")
    save_photo(inbox / "河口镇" / "20240601南溪村公厕.jpg", scene(7, 1), "2024-06-01 23:50:00", "2024年6月南溪村公厕")
    save_photo(inbox / "河口镇" / "北山村庭院.jpg", scene(8, 1), "2024-05-02 09:00:00", "2024年5月3日北山村庭院")
    cli("ingest", str(inbox))
    conflicts = _by_kind(cli.json("check"), "exif_date_conflict")
    names = sorted(next(iter(_names(cli, f))) for f in conflicts)
    assert names == ["IMG_20240712_101500.jpg", "东岭村道路硬化.jpg"]
    caption = next(f for f in conflicts if "东岭村道路硬化.jpg" in _names(cli, f))
    assert caption["evidence"]["stated"] == "2024-09-20" and caption["evidence"]["exif"].startswith("2024-03-15")


def test_figure_stated_differently_with_both_sources(cli, inbox: Path) -> None:
    make_docx(inbox / "县政府" / "杉屏县2024年乡村振兴工作汇报.docx", "2024年乡村振兴工作汇报",
              ["2024年，全县累计完成农村户厕改造12,345户，其中新改建560户。",
               "全年衔接资金支出5678.9万元，监测对象286户。", "县人民政府", "2024年12月20日"])
    make_docx(inbox / "县农业农村局" / "县农业农村局2024年工作总结.docx", "县农业农村局2024年工作总结",
              ["2024年全县累计完成户厕改造12354户。", "衔接资金支出56789000元，监测对象286户。",
               "计划2025年完成户厕改造13000户。", "河口镇完成户厕改造320户。", "县农业农村局", "2024年12月25日"])
    cli("ingest", str(inbox))
    conflicts = _by_kind(cli.json("check"), "figure_conflict")
    assert len(conflicts) == 1, conflicts
    f = conflicts[0]
    assert f["evidence"]["subject"] == "户厕改造"
    assert sorted(s["value"] for s in f["evidence"]["sources"]) == [12345, 12354]
    assert len(f["evidence_ids"]) == 2


def test_personal_data_listed_not_codes(cli, inbox: Path) -> None:
    person = resident_id()
    make_xlsx(inbox / "县人社局" / "公益岗人员花名册.xlsx",
              {"花名册": [["姓名", "身份证号", "联系电话"], ["王某某", person, "13912345678"]]})
    make_docx(inbox / "县人社局" / "公益岗招聘公告.docx", "公益岗招聘公告",
              ["统一社会信用代码：91330102MA2H0KXW1X", "项目编号：330102202401010011",
               "账号：6222021234567890123", "咨询电话：0571-88123456",
               f"身份证号码样例 {person[:6]}********{person[-4:]}"])
    cli("ingest", str(inbox))
    pii = _by_kind(cli.json("check"), "pii")
    assert [_names(cli, f) for f in pii] == [{"公益岗人员花名册.xlsx"}]
    assert pii[0]["evidence"]["id_numbers"] == 1 and pii[0]["evidence"]["mobiles"] == 1
    assert person not in str(pii[0])  # the finding itself never repeats the number


def test_explained_mark_is_kept_and_audited(cli, inbox: Path) -> None:
    station = scene(9, 1)
    save_photo(inbox / "河口镇" / "东岭村垃圾站.jpg", station, "2024-05-12 09:30:00", "东岭村垃圾站")
    save_photo(inbox / "青山镇" / "西坪村垃圾站.jpg", reused(station, 1), "2024-08-03 15:10:00", "西坪村垃圾站")
    cli("ingest", str(inbox))
    finding = _by_kind(cli.json("check"), "photo_reuse")[0]
    assert finding["explained"] is False
    cli("check", "--explain", finding["id"][:6], "--note", "同一垃圾站，不同日期")
    again = _by_kind(cli.json("check"), "photo_reuse")[0]
    assert again["explained"] is True and again["note"] == "同一垃圾站，不同日期"
    from archivist.catalogue import Catalogue

    catalogue = Catalogue(cli.ws.catalogue_path)
    try:
        entries = [e for e in catalogue.audit_entries() if e["action"] == "finding_explained"]
        assert len(entries) == 1 and "同一垃圾站" in entries[0]["detail"]
        assert catalogue.verify_audit() == []
    finally:
        catalogue.close()
    out = cli("check", "--explain", "zzzz", "--note", "x", expect=1)
    assert "没有编号为 zzzz 的核查发现" in out


def test_explain_needs_a_note(cli, inbox: Path) -> None:
    cli("ingest", str(inbox))
    out = cli("check", "--explain", "abcd", expect=1)
    assert "--note" in out
