"""Contradicting figures: pairs that contradict each other are found with both sources; figures that only
look alike (another period, scope, unit, year, a target, a rounded figure) are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.authenticity.figures import figure_findings
from archivist.authenticity.finding import Doc
from tests.fixtures_gen import make_docx, make_xlsx


def _doc(n: int, title: str, text: str, date: str = "2024-12-20", unit: str = "县农业农村局",
         folders: str = "", sheets: list[dict] | None = None) -> Doc:
    kind = "xlsx" if sheets else "docx"
    return Doc(id=f"E{n}", name=f"{title}.{kind}", path="", file_type=kind, title=title, unit=unit,
               doc_date=date, indicator="", received_at="", folders=folders, text=text,
               meta={"sheets": sheets} if sheets else {})


COUNTY = "青山县2024年乡村振兴工作汇报"
SUMMARY = "青山县农业农村局2024年工作总结"

PAIRS = [
    # (why, title A, text A, title B, text B, contradicts)
    ("改厕 said three ways, full-width digits", SUMMARY, "2024年，全县新改建户厕1,280户。", COUNTY,
     "全年完成改厕１３５０户。", True),
    ("the subject after the figure", SUMMARY, "全县完成1,280户户厕改造。", COUNTY, "全年完成改厕1350户。", True),
    ("万元 and 元, different amounts", SUMMARY, "全年全县衔接资金支出5,678.9万元。", COUNTY,
     "全年衔接资金支出56,890,000元。", True),
    ("万元 and 元, the same amount", SUMMARY, "全年全县衔接资金支出9,315万元。", COUNTY,
     "全年衔接资金支出93,150,000元。", False),
    ("the year's figure and the running total", SUMMARY, "2024年全县完成户厕改造1280户。", COUNTY,
     "截至2024年底，全县累计完成户厕改造12,560户。", False),
    ("户 and 人", SUMMARY, "全县共有监测对象286户。", COUNTY, "全县共有监测对象1025人。", False),
    ("a town and the county", "河口镇2024年乡村振兴工作总结", "全镇完成户厕改造362户。", COUNTY,
     "全县完成户厕改造1280户。", False),
    ("a target and the result", SUMMARY, "2024年计划完成户厕改造1,500户。", COUNTY, "全年完成户厕改造1,280户。",
     False),
    ("a plan's figure is a target", "青山县2024年农村户厕改造实施方案", "2024年新改建户厕1500户。", COUNTY,
     "全年完成户厕改造1,280户。", False),
    ("2023 and 2024", "青山县2023年乡村振兴工作汇报", "全县完成户厕改造1100户。", COUNTY,
     "全县完成户厕改造1280户。", False),
    ("a rounded figure", SUMMARY, "新建高标准农田1.2万亩。", COUNTY, "全县新建高标准农田12,036亩。", False),
    ("beyond rounding", SUMMARY, "新建高标准农田1.2万亩。", COUNTY, "全县新建高标准农田1.5万亩。", True),
    ("an approximate figure", SUMMARY, "全县完成户厕改造约1300户。", COUNTY, "全县完成户厕改造1280户。", False),
    ("the first ten months and the year", SUMMARY, "1-10月全县衔接资金支出8,000万元。", COUNTY,
     "全年衔接资金支出9,315万元。", False),
    ("the second of a pair of figures", SUMMARY, "全县共识别纳入监测对象1,236户4,015人。", COUNTY,
     "全县监测对象1,236户4,105人。", True),
    ("an increase is not the total", SUMMARY, "全县新增监测对象50户。", COUNTY, "全县监测对象1,236户。", False),
]


@pytest.mark.parametrize(("why", "title_a", "text_a", "title_b", "text_b", "contradicts"), PAIRS,
                         ids=[p[0] for p in PAIRS])
def test_pairs_of_figures(why: str, title_a: str, text_a: str, title_b: str, text_b: str,
                          contradicts: bool) -> None:
    found = figure_findings([_doc(1, title_a, text_a), _doc(2, title_b, text_b, unit="县人民政府")])
    assert bool(found) == contradicts, (why, [f.detail for f in found])
    if contradicts:
        assert len(found) == 1 and found[0].evidence_ids == ["E1", "E2"]
        assert {s["evidence_id"] for s in found[0].evidence["sources"]} == {"E1", "E2"}


def test_a_half_year_report_is_not_the_year_end_figure() -> None:
    half = _doc(1, "青山县2024年上半年乡村振兴工作情况", "上半年全县完成户厕改造600户。", date="2024-07-05")
    progress = _doc(2, "青山县户厕改造进展情况", "全县完成户厕改造700户。", date="2024-07-20")
    year = _doc(3, COUNTY, "全年完成户厕改造1280户。", date="2024-12-26")
    assert figure_findings([half, year]) == []
    assert figure_findings([progress, year]) == []  # a figure written in July runs to July


def test_a_village_named_earlier_in_the_sentence_against_the_county_ledger() -> None:
    ledger = _doc(1, "2024年村级集体经济收入统计表（单位：万元）", "", sheets=[{
        "name": "Sheet1", "header": ["序号", "乡镇", "村", "集体经济收入"],
        "rows": [[1, "河口镇", "东岭村", 15.2], [2, "河口镇", "西坪村", 11.6]]}])
    report = _doc(2, "河口镇2024年村级集体经济发展情况报告",
                  "2024年，东岭村依托光伏电站收益，村集体经济收入达到18.6万元。西坪村集体经济收入达到11.6万元。",
                  unit="河口镇人民政府", folders="来件/河口镇")
    found = figure_findings([ledger, report])
    assert [(f.evidence["scope"], sorted(s["value"] for s in f.evidence["sources"])) for f in found] == [
        ("东岭村", [152000.0, 186000.0])]


def test_ledger_total_with_its_scope_and_the_town_that_differs(cli, tmp_path: Path) -> None:
    """Real files: a town ledger's 合计 row against the town's report (a conflict), another town's ledger
    and the county's report (other scopes), a 2023 report and a plan (not compared)."""
    inbox = tmp_path / "来件"
    make_xlsx(inbox / "白沙乡" / "白沙乡2024年户厕改造验收台账.xlsx", {"台账": [
        ["白沙乡2024年户厕改造验收台账（截至2024年12月31日）"], ["序号", "村", "改造户数", "验收合格户数"],
        [1, "东岭村", 150, 150], [2, "西坪村", 176, 176], ["合计", "", 326, 326]]})
    make_xlsx(inbox / "河口镇" / "河口镇2024年户厕改造验收台账.xlsx", {"台账": [
        ["河口镇2024年户厕改造验收台账"], ["序号", "村", "改造户数"], [1, "南溪村", 200], [2, "北山村", 212],
        ["合计", "", 412]]})
    make_docx(inbox / "白沙乡" / "白沙乡2024年乡村振兴工作总结.docx", "白沙乡2024年乡村振兴工作总结",
              ["2024年，全乡完成农村户厕改造362户，验收合格率100%。", "白沙乡人民政府", "2024年12月28日"])
    make_docx(inbox / "河口镇" / "河口镇2024年乡村振兴工作总结.docx", "河口镇2024年乡村振兴工作总结",
              ["全镇完成改厕412户。", "河口镇人民政府", "2024年12月27日"])
    make_docx(inbox / "县农业农村局" / "青山县2024年农村厕所革命工作总结.docx", "青山县2024年农村厕所革命工作总结",
              ["2024年，全县新改建户厕1,280户，累计完成改厕12,560户。", "县农业农村局", "2024年12月20日"])
    make_docx(inbox / "县农业农村局" / "青山县2023年农村厕所革命工作总结.docx", "青山县2023年农村厕所革命工作总结",
              ["2023年，全县新改建户厕1,100户。", "县农业农村局", "2023年12月22日"])
    make_docx(inbox / "县农业农村局" / "青山县2024年农村户厕改造实施方案.docx", "青山县2024年农村户厕改造实施方案",
              ["2024年新改建户厕1,500户。", "县农业农村局", "2024年3月1日"])
    make_docx(inbox / "县政府" / "青山县2024年乡村振兴工作汇报.docx", "青山县2024年乡村振兴工作汇报",
              ["全年户厕改造完成1280户，累计改厕12,650户。", "县人民政府", "2024年12月26日"])
    cli("ingest", str(inbox))
    records = {r["id"]: r["original_name"] for r in cli.json("list")}
    found = [f for f in cli.json("check") if f["kind"] == "figure_conflict"]
    got = sorted((sorted(records[i] for i in f["evidence_ids"]), f["evidence"]["scope"]) for f in found)
    assert got == [
        (["白沙乡2024年乡村振兴工作总结.docx", "白沙乡2024年户厕改造验收台账.xlsx"], "白沙乡"),
        (["青山县2024年乡村振兴工作汇报.docx", "青山县2024年农村厕所革命工作总结.docx"], "全县"),
    ], [f["detail"] for f in found]
    ledger = next(f for f in found if f["evidence"]["scope"] == "白沙乡")
    assert ledger["severity"] == "high"
    sources = {records[s["evidence_id"]]: s for s in ledger["evidence"]["sources"]}
    assert sources["白沙乡2024年户厕改造验收台账.xlsx"]["value"] == 326
    assert "合计" in sources["白沙乡2024年户厕改造验收台账.xlsx"]["where"]
    assert "全乡完成农村户厕改造362户" in sources["白沙乡2024年乡村振兴工作总结.docx"]["text"]
    county = next(f for f in found if f["evidence"]["scope"] == "全县")
    assert county["evidence"]["period"] == "累计"  # the yearly 1,280 agrees; the running totals do not
    assert sorted(s["value"] for s in county["evidence"]["sources"]) == [12560, 12650]


def test_a_table_in_a_report_is_read_as_a_ledger(cli, tmp_path: Path) -> None:
    """A Word report's 附表 with a spaced 合 计 row and units in the cells, against the county ledger."""
    inbox = tmp_path / "来件"
    make_xlsx(inbox / "县财政局" / "2024年衔接资金分配和支出进度表.xlsx", {"进度表": [
        ["2024年衔接资金分配和支出进度表（单位：万元）"], ["乡镇", "下达资金", "已支出"],
        ["河口镇", 500, 480.5], ["白沙乡", 320, 300], ["合计", 820, 780.5]]})
    make_docx(inbox / "县乡村振兴局" / "青山县2024年衔接资金使用情况报告.docx", "青山县2024年衔接资金使用情况报告",
              ["2024年全县衔接资金使用情况如下表。", "单位：万元", "县乡村振兴局", "2024年12月30日"],
              table=[["乡镇", "下达资金", "已支出"], ["河口镇", "500", "480.5"], ["白沙乡", "320", "350"],
                     ["合 计", "820", "830.5"]])
    cli("ingest", str(inbox))
    found = [f for f in cli.json("check") if f["kind"] == "figure_conflict"]
    got = sorted((f["evidence"]["scope"], sorted(s["value"] for s in f["evidence"]["sources"])) for f in found)
    assert got == [("全县", [7805000.0, 8305000.0]), ("白沙乡", [3000000.0, 3500000.0])], [f["detail"] for f in found]
