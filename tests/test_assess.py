"""Inspection readiness: completeness per indicator, evidence-backed self-scores, countdown.

Evidence records are inserted into the catalogue directly (pure logic), except where the test is
about the whole path from a file to a status line.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from fixtures_gen import insert_record

from archivist.assess import AssessError
from archivist.assess.countdown import countdown
from archivist.assess.scores import FULL_UNBACKED, PARTIAL_UNBACKED, score_summary, set_score
from archivist.assess.status import by_lead_unit, compute_status, item_sorts, item_terms
from archivist.catalogue import Catalogue
from archivist.workspace import Workspace

CLI_STATUS_KEYS = {"framework", "code", "name", "points", "lead_unit", "evidence_count", "required", "covered",
                   "missing", "state"}


def js(cli, *args: str) -> Any:
    """Run a command with --json and parse its stdout only: warnings on stderr are not part of the JSON."""
    from archivist.cli import app

    result = cli.runner.invoke(app, ["-w", str(cli.ws.root), *args, "--json"])
    assert result.exit_code == 0, f"exit {result.exit_code}: {result.output}\n{result.exception!r}"
    return json.loads(result.stdout)


def add_record(ws: Workspace, indicator: str | None, title: str, **fields: Any) -> str:
    """A catalogue row as the intake pipeline would leave it (no file behind it)."""
    defaults = {"status": "filed" if indicator else "unsorted", "unit": "青山县农业农村局"}
    return insert_record(ws, **(defaults | {"indicator": indicator, "title": title} | fields))


def statuses(ws: Workspace) -> dict[str, Any]:
    catalogue = Catalogue(ws.catalogue_path)
    try:
        return {s.code: s for s in compute_status(ws, catalogue)}
    finally:
        catalogue.close()


def fill_c01(ws: Workspace) -> dict[str, str]:
    """Evidence for every required item of C01 (农村厕所革命)."""
    return {
        "ledger": add_record(ws, "C01", "2024年农村户厕改造任务分解和验收台账", kind="台账", file_type="xlsx",
                             text="乡镇\t任务数（户）\t完成数（户）\t验收合格（户）"),
        "problems": add_record(ws, "C01", "问题厕所排查整改台账", kind="台账", file_type="xlsx"),
        "care": add_record(ws, "C01", "农村公厕管护制度及管护人员名单", kind="方案",
                           text="公厕管护制度。附件：管护人员名单"),
        "photo": add_record(ws, "C01", "IMG_20240601_101010", kind="照片", file_type="image", doc_date=None,
                            meta={"exif_date": "2024-06-01"}),
        "records": add_record(ws, "C01", "粪污处理设施运行记录（第二季度）", kind="台账", file_type="xlsx"),
    }


# status ------------------------------------------------------------------------------------------
def test_status_json_has_the_cli_shape_for_every_indicator(ws: Workspace, cli) -> None:
    add_record(ws, "C01", "青山县2024年农村户厕改造实施方案", kind="方案")
    data = js(cli, "status")
    codes = [i.code for fw in ws.frameworks.frameworks for i in fw.indicators()]
    assert [d["code"] for d in data] == codes
    for entry in data:
        assert CLI_STATUS_KEYS <= set(entry)
        assert entry["state"] in ("complete", "partial", "missing")
        assert set(entry["covered"]) | set(entry["missing"]) == set(entry["required"])
        assert isinstance(entry["flagged"], list) and isinstance(entry["ledger_errors"], list)
    c01 = next(d for d in data if d["code"] == "C01")
    assert c01["framework"] == "shiji-kaohe" and c01["lead_unit"] == "农业农村局" and c01["points"] == 5
    assert c01["evidence_count"] == 1 and c01["state"] == "partial"
    assert next(d for d in data if d["code"] == "C02")["state"] == "missing"


def test_items_are_covered_by_kind_and_content_not_by_count(ws: Workspace) -> None:
    # a plan that *mentions* the ledgers does not cover them, however many plans there are
    for n in range(3):
        add_record(ws, "C01", f"青山县2024年农村户厕改造实施方案（第{n + 1}稿）", kind="方案",
                   text="建立户厕改造任务分解和验收台账、问题厕所排查整改台账，落实公厕管护制度。")
    s = statuses(ws)["C01"]
    assert s.evidence_count == 3 and s.state == "partial"
    assert "户厕改造任务分解和验收台账" in s.missing and "问题厕所排查整改台账" in s.missing
    assert "改厕前后对比照片" in s.missing
    ids = fill_c01(ws)
    s = statuses(ws)["C01"]
    assert s.state == "complete", s.missing
    by_item = {c.item: c.evidence for c in s.items}
    assert by_item["户厕改造任务分解和验收台账"][0] == ids["ledger"]
    assert by_item["改厕前后对比照片"] == [ids["photo"]]
    assert ids["problems"] in by_item["问题厕所排查整改台账"]


def test_a_document_about_the_year_counts_though_made_just_outside_it(ws: Workspace, cli) -> None:
    """Year-end figures are compiled in January and a service contract is signed before the year it covers:
    what the title or the stated period says decides, not the date alone."""
    stats = add_record(ws, "C01", "2024年度农村户厕改造完成情况统计表", kind="台账", doc_date="2025-01-10")
    contract = add_record(ws, "C01", "农村公厕保洁服务合同", kind="合同", doc_date="2023-12-26",
                          text="甲方：东岭镇人民政府\n服务期限：2024年1月1日至2024年12月31日\n")
    next_year = add_record(ws, "C01", "2025年农村改厕工作计划", kind="计划", doc_date="2025-01-08")
    said_in_text = add_record(ws, "C01", "改厕经验做法", kind="总结", doc_date="2025-01-15",
                              text="2024年以来，我县推行改厕“首厕过关制”，全年改厕1200户。")
    signed_in_text = add_record(ws, "C01", "青山县2024年农村户厕改造统计表", kind="台账", doc_date="2025-01-08",
                                text="青山县2024年农村户厕改造统计表\n乡镇\t完成（户）\n合计\t1200\n2025年1月8日")
    much_later = add_record(ws, "C01", "2024年度改厕工作总结", kind="总结", doc_date="2025-09-30")
    older = add_record(ws, "C01", "农村公厕保洁服务合同（旧）", kind="合同", doc_date="2023-01-05",
                       text="服务期限：2023年1月1日至2023年12月31日\n")
    s = statuses(ws)["C01"]
    # the date it was signed (2025年1月8日) is not a year the table is about
    assert {e.id for e in s.evidence} == {stats, contract, said_in_text, signed_in_text}
    assert {f.id for f in s.flagged} == {next_year, much_later, older}


def test_item_kinds_and_terms() -> None:
    assert item_sorts("改厕前后对比照片") == {"photo"}
    assert "ledger" in item_sorts("监测对象识别纳入和风险消除台账")
    assert item_sorts("农村危房改造验收材料") == {"acceptance"}
    terms = item_terms("防止返贫监测帮扶工作方案")
    assert "工作" not in terms and "方案" not in terms and any("返贫" in t for t in terms)


def test_evidence_after_the_cutoff_or_before_the_year_is_flagged_not_counted(ws: Workspace, cli) -> None:
    late = add_record(ws, "C01", "农村户厕改造工作总结", kind="总结", doc_date="2025-01-05")
    early = add_record(ws, "C01", "2023年改厕验收报告", kind="验收", doc_date="2023-11-20")
    undated = add_record(ws, "C01", "公厕管护人员名单", kind="台账", doc_date=None)
    s = statuses(ws)["C01"]
    assert [e.id for e in s.evidence] == [undated]
    assert s.undated == [undated]
    reasons = {f.id: f.reason for f in s.flagged}
    assert "晚于数据统计截止日期 2024-12-31" in reasons[late]
    assert "早于考核年度" in reasons[early]
    entry = next(d for d in js(cli, "status") if d["code"] == "C01")
    assert entry["evidence_count"] == 1 and {f["id"] for f in entry["flagged"]} == {late, early}


def test_a_photo_counts_by_its_exif_date(ws: Workspace) -> None:
    add_record(ws, "C01", "IMG_0001", kind="照片", file_type="image", doc_date=None, meta={"exif_date": "2025-02-01"})
    s = statuses(ws)["C01"]
    assert s.evidence_count == 0 and len(s.flagged) == 1


def test_evidence_linked_to_another_framework_counts_there(ws: Workspace) -> None:
    # A01 (实绩考核) and P01 (后评估) share evidence through see_also
    rid = add_record(ws, "A01", "青山县2024年防止返贫监测对象台账", kind="台账", file_type="xlsx", links=["P01"])
    s = statuses(ws)
    assert rid in [e.id for e in s["P01"].evidence] and s["P01"].evidence[0].via_link
    assert "监测对象台账" in s["P01"].covered
    # 后评估 items without a lead unit inherit it from the 实绩考核 item they are linked to
    assert s["P01"].lead_unit == "乡村振兴局" and s["P01"].lead_unit_inferred


def test_units_that_sent_nothing_stand_out(ws: Workspace, cli) -> None:
    fill_c01(ws)
    units = {u.unit: u for u in by_lead_unit(list(statuses(ws).values()))}
    assert units["农业农村局"].evidence_count == 5 and not units["农业农村局"].sent_nothing
    assert units["财政局"].sent_nothing and units["财政局"].missing == len(units["财政局"].indicators)
    rows = {u["unit"]: u for u in js(cli, "status", "--by-unit")}
    assert rows["财政局"]["sent_nothing"] is True
    out = cli("status")
    assert "尚未报送任何材料" in out and "按牵头单位" in out


def test_status_xlsx_export(ws: Workspace, cli, tmp_path: Path) -> None:
    fill_c01(ws)
    add_record(ws, "C01", "改厕工作总结", kind="总结", doc_date="2025-01-03")
    out = tmp_path / "查漏补缺.xlsx"
    cli("status", "--xlsx", str(out))
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["指标佐证情况", "按牵头单位", "不计入的材料", "台账数字问题"]
    rows = {r[2]: r for r in wb["指标佐证情况"].iter_rows(min_row=2, values_only=True)}
    assert rows["C01"][7] == "齐全" and rows["C02"][7] == "缺失"
    late = list(wb["不计入的材料"].iter_rows(min_row=2, values_only=True))
    assert len(late) == 1 and "晚于数据统计截止日期" in late[0][4]


def test_status_from_real_files(ws: Workspace, cli, tmp_path: Path) -> None:
    """The whole path: a Word plan ingested, assigned, and counted under its indicator."""
    from docx import Document

    doc = Document()
    doc.add_heading("青山县2024年防止返贫动态监测和帮扶工作方案", level=1)
    doc.add_paragraph("为健全防止返贫动态监测和帮扶机制，对脱贫不稳定户、边缘易致贫户应纳尽纳，制定本方案。")
    doc.add_paragraph("青山县乡村振兴局")
    doc.add_paragraph("2024年3月12日")
    path = tmp_path / "来件" / "防止返贫监测帮扶工作方案.docx"
    path.parent.mkdir()
    doc.save(str(path))
    record = js(cli, "ingest", str(path))[0]
    if record["indicator"] != "A01":
        cli("assign", record["id"], "A01")
    entry = next(d for d in js(cli, "status") if d["code"] == "A01")
    assert entry["evidence"] == [record["id"]]
    assert "防止返贫监测帮扶工作方案" in entry["covered"]


# self-scoring ------------------------------------------------------------------------------------
def test_a_full_self_score_without_evidence_is_flagged(ws: Workspace, cli) -> None:
    entry = js(cli, "score", "set", "C01", "5", "--note", "任务全面完成")
    assert entry["headline"] == FULL_UNBACKED and not entry["backed"]
    assert any("未引用任何佐证材料" in f for f in entry["flags"])
    listed = js(cli, "score", "list")
    assert "C01" in listed["flagged"]
    assert FULL_UNBACKED in cli("score", "list")


def test_more_than_the_points_is_refused(ws: Workspace, cli) -> None:
    out = cli("score", "set", "C01", "6", expect=1)
    assert "超过指标 C01" in out and "0–5" in out
    assert js(cli, "score", "list")["entries"][0]["points"] is None
    assert "不能为负数" in cli("score", "set", "C01", "-1", expect=1)
    assert "后评估" in cli("score", "set", "R01", "1", expect=1)
    assert "找不到指标" in cli("score", "set", "Z99", "1", expect=1)
    assert "找不到编号" in cli("score", "set", "C01", "3", "--evidence", "nosuchid", expect=1)


def test_cited_evidence_late_missing_or_filed_elsewhere_is_flagged(ws: Workspace) -> None:
    late = add_record(ws, "C01", "户厕改造验收报告", kind="验收", doc_date="2025-01-08")
    elsewhere = add_record(ws, "C02", "垃圾中转站运行台账", kind="台账", file_type="xlsx")
    unsorted = add_record(ws, None, "扫描件001")
    catalogue = Catalogue(ws.catalogue_path)
    try:
        entry = set_score(ws, catalogue, "C01", 4, "基本完成", [late, elsewhere, unsorted])
        assert entry.headline == PARTIAL_UNBACKED and entry.backed_points == 0
        text = "\n".join(entry.flags)
        assert "晚于数据统计截止日期" in text and "归在其他指标（C02）" in text and "待分类" in text
        # the same score backed by a proper document is accepted without a headline
        good = add_record(ws, "C01", "河口镇农村户厕改造验收报告", kind="验收")
        entry = set_score(ws, catalogue, "C01", 4, "基本完成", [good])
        assert entry.headline is None and entry.flags == [] and entry.backed_points == 4
    finally:
        catalogue.close()


def test_full_marks_need_complete_evidence(ws: Workspace) -> None:
    ids = fill_c01(ws)
    catalogue = Catalogue(ws.catalogue_path)
    try:
        assert set_score(ws, catalogue, "C01", 5, "", [ids["ledger"]]).flags == []
        catalogue.db.execute("DELETE FROM evidence WHERE id=?", (ids["photo"],))
        entry = set_score(ws, catalogue, "C01", 5, "", [ids["ledger"]])
        assert entry.headline == FULL_UNBACKED and "改厕前后对比照片" in entry.flags[-1]
    finally:
        catalogue.close()


def test_totals_bonus_penalty_and_the_excellent_line(ws: Workspace, cli) -> None:
    a01 = add_record(ws, "A01", "防止返贫监测帮扶工作方案", kind="方案")
    x01 = add_record(ws, "X01", "经验做法被省委办公厅推广的通报", kind="通报")
    cli("score", "set", "A01", "5.5", "--evidence", a01)
    cli("score", "set", "C01", "5")  # unbacked
    cli("score", "set", "X01", "2", "--evidence", x01)
    cli("score", "set", "X02", "-1.5", "--note", "负面舆情一起")
    assert "上限 3 分" in cli("score", "set", "X01", "4", expect=1)
    assert "最多扣" in cli("score", "set", "X02", "6", expect=1)
    data = js(cli, "score", "list")
    fw = data["frameworks"][0]
    assert (fw["base"], fw["bonus"], fw["penalty"], fw["total"]) == (10.5, 2, -1.5, 11)
    assert fw["backed_total"] == 6 and fw["gap"] == 79 and fw["backed_gap"] == 84
    cats = {c["code"]: c for c in fw["categories"]}
    assert cats["A"]["points"] == 5.5 and cats["C"]["points"] == 5 and cats["C"]["backed_points"] == 0
    assert "C01" not in fw["unscored"] and "B01" in fw["unscored"]
    assert "还差 79 分" in cli("score", "list")


def test_scores_persist_and_are_audited(ws: Workspace) -> None:
    rid = add_record(ws, "B01", "高标准农田建设项目验收报告", kind="验收")
    catalogue = Catalogue(ws.catalogue_path)
    try:
        set_score(ws, catalogue, "B01", 6, "已验收", [rid[:6]])  # a unique prefix is enough
        summary = score_summary(ws, catalogue)
        entry = next(e for e in summary.entries if e.code == "B01")
        assert entry.evidence == [rid] and entry.note == "已验收"
        assert any(a["action"] == "score_set" for a in catalogue.audit_entries())
        assert catalogue.verify_audit() == []
        with pytest.raises(AssessError):
            set_score(ws, catalogue, "B01", 7)
    finally:
        catalogue.close()


# countdown ---------------------------------------------------------------------------------------
def test_countdown_shows_what_is_late_and_whose(ws: Workspace, cli) -> None:
    fill_c01(ws)
    cli("problems", "add", "--desc", "杏花村公厕管护不到位，垃圾堆放", "--unit", "河口镇", "--deadline", "2025-01-10",
        "--found", "2024-12-20")
    data = js(cli, "countdown", "--today", "2025-01-12")  # inspection 2025-01-20
    assert data["days_left"] == 8
    ms = {m["kind"]: m for m in data["milestones"]}
    assert ms["evidence"]["due"] == "2025-01-10" and ms["evidence"]["state"] == "late"
    assert "财政局" in ms["evidence"]["units"]
    assert ms["problems"]["state"] == "due_soon" and ms["problems"]["units"] == ["河口镇"]
    assert ms["freeze"]["state"] == "pending"
    late = {(x["unit"], x["what"][:6]) for x in data["late"]}
    assert ("财政局", "T-10 佐") in late
    assert any(x["unit"] == "河口镇" and x["days_late"] == 2 and "问题 #1" in x["what"] for x in data["late"])
    out = cli("countdown", "--today", "2025-01-12")
    assert "还有 8 天" in out and "已逾期" in out


def test_countdown_states_over_time(ws: Workspace) -> None:
    catalogue = Catalogue(ws.catalogue_path)
    try:
        early = countdown(ws, catalogue, dt.date(2024, 12, 1))
        assert early.days_left == 50
        # nothing registered in the ledger: nothing left to close
        assert {m.kind: m.state for m in early.milestones} == {"evidence": "pending", "problems": "done",
                                                              "freeze": "pending"}
        assert early.late == []
        after = countdown(ws, catalogue, dt.date(2025, 1, 19))
        states = {m.kind: m.state for m in after.milestones}
        assert states == {"evidence": "late", "problems": "done", "freeze": "done"}
    finally:
        catalogue.close()


def test_countdown_without_an_inspection_date(ws: Workspace, cli) -> None:
    config = ws.root / "archivist.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('inspection_date = "2025-01-20"',
                                                                 'inspection_date = ""'), encoding="utf-8")
    assert "inspection_date" in cli("countdown", expect=1)


def test_readiness_bundles_everything_for_the_reports(ws: Workspace, cli) -> None:
    from archivist.assess import readiness

    ids = fill_c01(ws)
    cli("score", "set", "C01", "5", "--evidence", ids["ledger"])
    cli("problems", "add", "--desc", "台账不规范", "--unit", "石门乡", "--found", "2024-11-01",
        "--deadline", "2024-12-01")
    catalogue = Catalogue(ws.catalogue_path)
    try:
        r = readiness(ws, catalogue, dt.date(2025, 1, 12))
    finally:
        catalogue.close()
    assert len(r.statuses) == len(ws.frameworks.indicators())
    assert r.scores.frameworks[0].total == 5 and r.scores.flagged == []
    assert [p.id for p in r.problems] == [1] and r.problem_units[0].overdue == 1
    assert r.countdown is not None and r.countdown.days_left == 8
    data = json.loads(json.dumps(r.to_json(), ensure_ascii=False))
    assert data["problems"][0]["overdue"] is True and data["countdown"]["inspection_date"] == "2025-01-20"


def test_titles_that_look_like_markup_are_printed_as_is(ws: Workspace, cli) -> None:
    add_record(ws, "C01", "[red]改厕[/red]工作总结", kind="总结", doc_date="2025-01-05")
    out = cli("status", "--no-ledger-checks")
    assert "[red]改厕[/red]工作总结" in out


def test_a_document_is_what_its_title_says_not_what_its_body_orders(ws: Workspace, cli) -> None:
    """A 监测帮扶实施方案 that orders "逐户制定‘一户一策’帮扶计划" is the 方案, not the 帮扶计划; a file whose title
    says nothing still covers by its body, and one whose title names two items covers both."""
    plan = add_record(ws, "A01", "关于印发《2024年防止返贫监测帮扶工作实施方案》的通知", kind="通知",
                      text="三、精准帮扶\n对纳入的监测对象逐户制定“一户一策”帮扶计划，有劳动能力的以产业帮扶为主。")
    s = statuses(ws)["A01"]
    by_item = {c.item: c.evidence for c in s.items}
    assert by_item["防止返贫监测帮扶工作方案"] == [plan]
    assert by_item["一户一策帮扶计划"] == []
    untitled = add_record(ws, "A01", "新建 Microsoft Word 文档", kind="计划",
                          text="一户一策帮扶计划\n户主：张三\n帮扶措施：产业帮扶，发展油茶3亩。")
    both = add_record(ws, "A01", "入户走访记录和一户一策帮扶计划（河口村）", kind="计划")
    by_item = {c.item: c.evidence for c in statuses(ws)["A01"].items}
    assert set(by_item["一户一策帮扶计划"]) == {untitled, both}
    assert plan not in by_item["一户一策帮扶计划"] and both in by_item["入户走访记录"]


def test_a_blank_form_covers_nothing_and_measures_are_a_plan(ws: Workspace, cli) -> None:
    form = add_record(ws, "A01", "“一户一策”帮扶计划表（样表）", kind="计划", file_type="xlsx",
                      text="【样表】\n户主姓名\t身份证号\t帮扶措施")
    s = statuses(ws)["A01"]
    assert form in {e.id for e in s.evidence}  # still filed and listed
    assert {c.item: c.evidence for c in s.items}["一户一策帮扶计划"] == []
    measures = add_record(ws, "F01", "县人民政府办公室关于印发促进农民持续增收十条措施的通知", kind="通知",
                          doc_date="2024-04-22")
    assert {c.item: c.evidence for c in statuses(ws)["F01"].items}["增收措施工作方案"] == [measures]


def test_a_contract_signed_before_the_year_for_a_service_running_through_it_counts(ws: Workspace, cli) -> None:
    contract = add_record(ws, "C02", "白沙乡农村生活垃圾第三方保洁服务合同", kind="合同", doc_date="2023-12-26",
                          text="甲方：白沙乡人民政府\n第二条 服务期限：自2024年1月1日起至2026年12月31日止，共三年。")
    s = statuses(ws)["C02"]
    assert {c.item: c.evidence for c in s.items}["第三方保洁合同"] == [contract]
