"""Ledger checks (台账质量): wrong totals, wrong percentages, duplicated IDs, empty required cells.

Each ledger is generated with openpyxl the way units lay them out (a merged title row, the header,
the rows, a 合计 row, a signature line), once correct and once with the error to catch.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import openpyxl
from fixtures_gen import insert_record

from archivist.assess.ledger_checks import check_file, id_problem, ledger_findings
from archivist.catalogue import Catalogue, new_id
from archivist.workspace import Workspace

TOWNS = ["河口镇", "石门乡", "柳溪镇", "白沙镇", "龙泉乡", "桃源镇"]


def js(cli, *args: str) -> Any:
    """Run a command with --json and parse its stdout only: warnings on stderr are not part of the JSON."""
    from archivist.cli import app

    result = cli.runner.invoke(app, ["-w", str(cli.ws.root), *args, "--json"])
    assert result.exit_code == 0, f"exit {result.exit_code}: {result.output}\n{result.exception!r}"
    return json.loads(result.stdout)


def make_ledger(path: Path, header: list[str], rows: list[list[Any]], total: list[Any] | None = None,
                title: str = "2024年农村户厕改造验收台账", sheet: str = "验收台账",
                percent_cols: tuple[int, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(header)
    for row in rows:
        ws.append(row)
    if total is not None:
        ws.append(total)
    ws.append(["填报单位：青山县农业农村局　审核：张三　填报日期：2024年12月10日"])
    for col in percent_cols:
        for r in range(3, ws.max_row + 1):
            ws.cell(row=r, column=col).number_format = "0.0%"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def toilet_rows() -> list[list[Any]]:
    return [[t, 200 + 20 * i, 200 + 20 * i, 198 + 20 * i] for i, t in enumerate(TOWNS)]


HEADER = ["乡镇", "任务数（户）", "完成数（户）", "验收合格（户）"]


def valid_id(base17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(base17, weights, strict=True))
    return base17 + "10X98765432"[total % 11]


def test_a_wrong_total_is_caught_with_file_sheet_row_and_column(tmp_path: Path) -> None:
    # the true total of the last column is 1488, the clerk typed 1300 (the samples' 数字逻辑错误)
    path = make_ledger(tmp_path / "户厕改造验收台账.xlsx", HEADER, toilet_rows(), ["合计", 1500, 1500, 1300])
    findings = check_file(path)
    assert len(findings) == 1
    f = findings[0]
    assert (f.kind, f.sheet, f.row, f.column, f.header) == ("total_mismatch", "验收台账", 9, "D", "验收合格（户）")
    assert f.expected == 1488 and f.actual == 1300
    assert "户厕改造验收台账.xlsx" in f.message and "第9行" in f.message and "1488" in f.message


def test_a_correct_ledger_gives_no_findings(tmp_path: Path) -> None:
    path = make_ledger(tmp_path / "ok.xlsx", HEADER, toilet_rows(), ["合计", 1500, 1500, 1488])
    assert check_file(path) == []


def test_subtotals_and_a_total_under_the_header(tmp_path: Path) -> None:
    header = ["乡镇", "村", "改厕户数"]
    good = [["河口镇", "杏花村", 10], ["河口镇", "上湾村", 12], ["河口镇小计", None, 22],
            ["石门乡", "枫林村", 5], ["石门乡", "大坪村", 7], ["石门乡小计", None, 12], ["总计", None, 34]]
    assert check_file(make_ledger(tmp_path / "good.xlsx", header, good)) == []
    bad = [row[:] for row in good]
    bad[5][2] = 13  # 石门乡小计 should be 12; the 总计 (34) is still right
    findings = check_file(make_ledger(tmp_path / "bad.xlsx", header, bad))
    assert [(f.kind, f.row, f.column) for f in findings] == [("total_mismatch", 8, "C")]
    # a 全县合计 row directly under the header totals the rows below it
    top = [["全县合计", 1500, 1500, 1480], *toilet_rows()]
    findings = check_file(make_ledger(tmp_path / "top.xlsx", HEADER, top))
    assert [(f.row, f.column, f.expected) for f in findings] == [(3, "D", 1488)]


def test_non_additive_columns_are_not_summed(tmp_path: Path) -> None:
    header = ["乡镇", "行政村数（个）", "村均收入（万元）", "同比增长（%）"]
    rows = [["河口镇", 19, 34.6, 12.4], ["石门乡", 17, 28.9, 10.8]]
    assert check_file(make_ledger(tmp_path / "avg.xlsx", header, rows, ["全县", 36, 31.9, 11.6])) == []


def test_a_wrong_percentage_is_caught(tmp_path: Path) -> None:
    header = ["乡镇", "任务（场）", "完成（场）", "完成率"]
    rows = [["河口镇", 12, 12, "100.0%"], ["石门乡", 10, 10, "100.0%"], ["柳溪镇", 10, 9, "100.0%"],
            ["白沙镇", 10, 9, "90.0%"], ["龙泉乡", 8, 8, "100.0%"]]
    findings = check_file(make_ledger(tmp_path / "rate.xlsx", header, rows, ["合计", 50, 48, "96.0%"]))
    assert [(f.kind, f.row, f.column) for f in findings] == [("percent_mismatch", 5, "D")]
    assert findings[0].expected == 90.0 and findings[0].actual == 100.0
    assert "完成（场） 9 ÷ 任务（场） 10" in findings[0].message
    rows[2][3] = "90.0%"
    assert check_file(make_ledger(tmp_path / "rate-ok.xlsx", header, rows, ["合计", 50, 48, "96.0%"])) == []


def test_percentages_stored_as_fractions_with_a_percent_format(tmp_path: Path) -> None:
    header = ["乡镇", "完成数（户）", "验收合格（户）", "合格率"]
    rows = [["河口镇", 320, 318, 318 / 320], ["石门乡", 200, 200, 1.0], ["柳溪镇", 150, 147, 0.91]]
    path = make_ledger(tmp_path / "frac.xlsx", header, rows, percent_cols=(4,))
    findings = check_file(path)
    assert [(f.kind, f.row) for f in findings] == [("percent_mismatch", 5)]
    assert findings[0].expected == 98.0


def test_duplicated_and_impossible_id_numbers(tmp_path: Path) -> None:
    a, b, c = valid_id("43052119800101123"), valid_id("43052119850606002"), valid_id("43052119900909004")
    wrong_check = a[:17] + ("0" if a[17] != "0" else "1")
    header = ["序号", "姓名", "身份证号码", "岗位"]
    rows = [[1, "张一", a, "保洁员"], [2, "李二", b, "护林员"], [3, "王三", a, "保洁员"],
            [4, "赵四", wrong_check, "保洁员"], [5, "钱五", c, "护路员"], [6, "孙六", "4305****1234", "保洁员"]]
    findings = check_file(make_ledger(tmp_path / "ids.xlsx", header, rows, title="公益性岗位人员花名册"))
    kinds = [(f.kind, f.row, f.column) for f in findings]
    assert ("duplicate_id", 5, "C") in kinds
    assert ("invalid_id", 6, "C") in kinds
    assert len(kinds) == 2  # the masked number is not judged
    dup = next(f for f in findings if f.kind == "duplicate_id")
    assert "第3行" in dup.message and a not in dup.message  # the number is shown masked
    assert id_problem(a) is None and id_problem("12345") is not None


def test_an_id_number_stored_as_a_number_is_reported(tmp_path: Path) -> None:
    header = ["序号", "姓名", "身份证号"]
    rows = [[1, "张一", valid_id("43052119800101123")], [2, "李二", 430521198506060020]]
    findings = check_file(make_ledger(tmp_path / "num.xlsx", header, rows, title="花名册"))
    assert [(f.kind, f.row) for f in findings] == [("invalid_id", 4)]
    assert "数字格式" in findings[0].message


def test_empty_required_cells_and_a_wrong_count(tmp_path: Path) -> None:
    header = ["序号", "村", "户主姓名", "家庭人口", "备注"]
    rows = [[1, "杏花村", "刘春发", 4, None], [2, "杏花村", None, 3, None], [3, "上湾村", "钟家旺", 5, "已消除"],
            [4, "上湾村", "罗桂兰", 2, None], [5, "枫林村", "陈德福", 5, None]]
    findings = check_file(make_ledger(tmp_path / "empty.xlsx", header, rows, ["合计", "6户", None, 19, None],
                                      title="监测对象风险消除台账"))
    kinds = sorted((f.kind, f.row, f.column) for f in findings)
    # the 备注 column may stay empty; 户主姓名 may not; "6户" but five households are listed
    assert kinds == [("count_mismatch", 8, "B"), ("empty_cell", 4, "C")]


def _catalogue_ledger(ws: Workspace, path: Path, indicator: str, **extra: Any) -> str:
    rid = new_id()
    return insert_record(ws, **({
        "id": rid, "indicator": indicator, "original_name": path.name,
        "archive_path": ws.relative(path) if path.exists() else None,
        "sha256": hashlib.sha256(path.read_bytes() if path.exists() else rid.encode()).hexdigest(),
        "size": 1, "file_type": "xlsx", "title": path.stem, "kind": "台账", "doc_date": "2024-12-10",
    } | extra))


def test_findings_for_the_archive_reach_status(ws: Workspace, cli) -> None:
    folder = ws.archive / "C-生态宜居" / "C01-农村厕所革命"
    bad = make_ledger(folder / "20241210-县农业农村局-户厕改造验收台账.xlsx", HEADER, toilet_rows(),
                      ["合计", 1500, 1500, 1300])
    rid = _catalogue_ledger(ws, bad, "C01")
    catalogue = Catalogue(ws.catalogue_path)
    first = ledger_findings(ws, catalogue)
    again = ledger_findings(ws, catalogue)  # served from the cache, same answer
    catalogue.close()
    assert [(f.evidence_id, f.indicator, f.row, f.column) for f in first] == [(rid, "C01", 9, "D")]
    assert [f.message for f in again] == [f.message for f in first]
    assert first[0].file == ws.relative(bad)
    status = {s["code"]: s for s in js(cli, "status")}
    assert [e["kind"] for e in status["C01"]["ledger_errors"]] == ["total_mismatch"]
    assert status["C02"]["ledger_errors"] == []
    assert "数字问题" in cli("status")


def test_sheets_from_the_extractor_are_checked_when_the_file_cannot_be_opened(ws: Workspace) -> None:
    meta = {"sheets": [{"name": "台账", "header": HEADER,
                        "rows": [[str(v) for v in r] for r in toilet_rows()] + [["合计", "1500", "1500", "1300"]]}]}
    _catalogue_ledger(ws, ws.root / "没有的文件.xls", "C01", original_name="户厕台账.xls", file_type="legacy",
                      meta=meta)
    catalogue = Catalogue(ws.catalogue_path)
    findings = ledger_findings(ws, catalogue, use_cache=False)
    catalogue.close()
    assert [(f.kind, f.column, f.expected) for f in findings] == [("total_mismatch", "D", 1488)]
    assert "行号按提取内容推算" in findings[0].message


# tricky but correct ledgers, and the same ledgers with one planted error ---------------------------
def _kinds(findings: list) -> list[tuple[str, int, str]]:
    return [(f.kind, f.row, f.column) for f in findings]


def test_averages_and_rates_in_a_total_row_are_not_column_sums(tmp_path: Path) -> None:
    header = ["乡镇", "播种面积（亩）", "总产量（吨）", "单产（公斤/亩）", "人均收入（元）", "任务（户）", "完成（户）",
              "完成率"]
    rows = [["河口镇", 1000, 450, 450, 18000, 40, 38, "95.0%"], ["石门乡", 2000, 1000, 500, 16000, 60, 60, "100.0%"],
            ["柳溪镇", 1000, 520, 520, 17000, 50, 45, "90.0%"]]
    # 单产 of the county = 1970 t ÷ 4000 亩; 人均 = the mean; 完成率 = 143 ÷ 150
    total = ["合计", 4000, 1970, 492.5, 17000, 150, 143, "95.3%"]
    assert check_file(make_ledger(tmp_path / "ok.xlsx", header, rows, total, title="粮食生产情况统计表")) == []
    wrong = total[:]
    wrong[2] = 1870  # the 总产量 sum is wrong: a real 数字逻辑错误
    findings = check_file(make_ledger(tmp_path / "bad.xlsx", header, rows, wrong, title="粮食生产情况统计表"))
    assert _kinds(findings) == [("total_mismatch", 6, "C")]
    f = findings[0]
    assert f.confidence >= 0.8 and f.cells[0] == "C6=1870" and "C3=450" in f.cells
    wrong_rate = total[:]
    wrong_rate[7] = "85.0%"
    findings = check_file(make_ledger(tmp_path / "rate.xlsx", header, rows, wrong_rate, title="粮食生产情况统计表"))
    assert _kinds(findings) == [("percent_mismatch", 6, "H")]


def test_a_county_row_is_a_total_only_when_its_numbers_say_so(tmp_path: Path) -> None:
    header = ["实施地点", "项目名称", "投资（万元）", "受益户（户）"]
    rows = [["河口镇", "杏花村道路硬化", 120, 80], ["全县", "农村公路养护", 300, 2000],
            ["石门乡", "枫林村供水", 60, 45]]
    assert check_file(make_ledger(tmp_path / "projects.xlsx", header, rows, title="项目库")) == []
    header = ["乡镇", "任务数（户）", "完成数（户）"]
    towns = [["河口镇", 100, 98], ["石门乡", 80, 80], ["县本级", 20, 20]]
    assert check_file(make_ledger(tmp_path / "county.xlsx", header, [["全县", 200, 198], *towns])) == []
    findings = check_file(make_ledger(tmp_path / "county-bad.xlsx", header, [["全县", 200, 196], *towns]))
    assert _kinds(findings) == [("total_mismatch", 3, "C")]


def test_parts_subtotals_and_a_total_of_subtotals(tmp_path: Path) -> None:
    header = ["乡镇", "村", "监测户（户）"]
    rows = [["河口镇", "杏花村", 10], ["其中：脱贫户", None, 4], ["河口镇", "上湾村", 12], ["小计", None, 22],
            ["石门乡", "枫林村", 5], ["石门乡", "大坪村", 7], ["小计", None, 12], ["合计", None, 34]]
    assert check_file(make_ledger(tmp_path / "ok.xlsx", header, rows)) == []
    bad = [r[:] for r in rows]
    bad[3][2] = 23  # a wrong 小计 is reported once; the 合计 still equals the detail rows
    assert _kinds(check_file(make_ledger(tmp_path / "bad.xlsx", header, bad))) == [("total_mismatch", 6, "C")]
    # town rows and their villages both listed: the total counts each household once
    nested = [["河口镇", None, 22], ["杏花村", None, 10], ["上湾村", None, 12], ["石门乡", None, 12],
              ["枫林村", None, 5], ["大坪村", None, 7], ["合计", None, 34]]
    assert check_file(make_ledger(tmp_path / "nested.xlsx", header, nested)) == []


def test_numbers_stored_as_text(tmp_path: Path) -> None:
    header = ["乡镇", "资金（元）", "户数", "覆盖率"]
    rows = [["河口镇", "1,280", "１２", "12.5%"], ["石门乡", "2,720", "８", "10.0%"]]
    assert check_file(make_ledger(tmp_path / "ok.xlsx", header, rows, ["合计", "4,000", "２０", "11.3%"])) == []
    findings = check_file(make_ledger(tmp_path / "bad.xlsx", header, rows, ["合计", "4,100", "２０", "11.3%"]))
    assert _kinds(findings) == [("total_mismatch", 5, "B")] and findings[0].expected == 4000


def test_a_total_row_that_adds_up_nowhere_is_unsure_and_not_reported(tmp_path: Path) -> None:
    header = ["乡镇", "任务数（户）", "完成数（户）"]
    rows = [["河口镇", 100, 98], ["石门乡", 80, 80], ["合计", 500, 470]]  # a 合计 of some other table
    path = make_ledger(tmp_path / "other.xlsx", header, rows)
    assert check_file(path) == []
    unsure = check_file(path, include_unsure=True)
    assert {f.kind for f in unsure} == {"total_mismatch"} and all(f.confidence < 0.8 for f in unsure)


def test_id_numbers_in_real_layouts(tmp_path: Path) -> None:
    a, b, c = valid_id("43052119800101123"), valid_id("43052119850606002"), valid_id("43052119900909004")
    header = ["序号", "姓名", "身份证号码"]
    # a repeated header row (printed page 2), blanks and 待补 are not IDs; two real people share nothing
    rows = [[1, "张一", a], [2, "李二", b], ["序号", "姓名", "身份证号码"], [3, "王三", None], [4, "赵四", "待补"],
            [5, "钱五", c]]
    assert check_file(make_ledger(tmp_path / "ok.xlsx", header, rows, title="花名册")) == []
    # the 户主 ID on every member's row is not a duplicate entry
    members = [[i + 1, n, a if i < 3 else b] for i, n in enumerate(["张一", "张妻", "张子", "李二", "李妻"])]
    assert check_file(make_ledger(tmp_path / "family.xlsx", ["序号", "成员姓名", "户主身份证号"], members)) == []
    # made-up IDs with wrong check digits: the check digit proves nothing, a repeated number still does
    fake = ["430521198001011230", "430521198506060021", "430521199009090043", "430521197707070077"]
    rows = [[i + 1, n, fake[i]] for i, n in enumerate(["甲", "乙", "丙", "丁"])] + [[5, "戊", fake[1]]]
    findings = check_file(make_ledger(tmp_path / "fake.xlsx", header, rows, title="花名册"))
    assert _kinds(findings) == [("duplicate_id", 7, "C")] and findings[0].cells == ["C4", "C7"]


def test_empty_cells_only_in_required_mostly_filled_columns(tmp_path: Path) -> None:
    header = ["序号", "村", "户主姓名", "联系电话", "家庭人口"]
    rows = [[1, "杏花村", "刘春发", None, 4], [2, "杏花村", "钟家旺", "13800000001", 3],
            [3, "上湾村", "罗桂兰", None, 5],
            [4, "上湾村", "陈德福", None, 2], [5, "枫林村", "李小梅", None, 5], [6, None, None, None, None],
            [7, None, None, None, None], ["填表人：王五", None, "联系电话：13900000000", None, None]]
    assert check_file(make_ledger(tmp_path / "ok.xlsx", header, rows, title="监测户名单")) == []
    rows[2][2] = None
    assert _kinds(check_file(make_ledger(tmp_path / "bad.xlsx", header, rows, title="监测户名单"))) == [
        ("empty_cell", 5, "C")]


def test_status_json_findings_carry_confidence_and_cells(ws: Workspace, cli) -> None:
    folder = ws.archive / "C-生态宜居" / "C01-农村厕所革命"
    bad = make_ledger(folder / "户厕改造验收台账.xlsx", HEADER, toilet_rows(), ["合计", 1500, 1500, 1300])
    _catalogue_ledger(ws, bad, "C01")
    unsure = make_ledger(folder / "另表.xlsx", HEADER, toilet_rows(), ["合计", 9000, 9000, 9000])
    _catalogue_ledger(ws, unsure, "C01")
    errors = {s["code"]: s for s in js(cli, "status")}["C01"]["ledger_errors"]
    assert len(errors) == 1
    e = errors[0]
    assert {"evidence_id", "sheet", "row", "column", "kind", "message", "confidence", "cells"} <= set(e)
    assert e["confidence"] >= 0.8 and e["cells"][0] == "D9=1300"
    catalogue = Catalogue(ws.catalogue_path)
    everything = ledger_findings(ws, catalogue, include_unsure=True)
    catalogue.close()
    assert len(everything) == 4 and sum(1 for f in everything if f.confidence < 0.8) == 3


def test_precision_and_recall_on_generated_ledgers(tmp_path: Path) -> None:
    """Every planted error found, nothing on the clean tricky ledgers (the measure bench/ reports)."""
    header = ["乡镇", "任务（户）", "完成（户）", "完成率", "户均补助（元）"]
    base = [["河口镇", 40, 38, "95.0%", 1200], ["石门乡", 60, 60, "100.0%", 1500], ["柳溪镇", 50, 45, "90.0%", 1100],
            ["县本级", 10, 10, "100.0%", 900]]
    total = ["合计", 160, 153, "95.6%", 1175]
    planted: dict[str, tuple[str, int, str]] = {}
    cases: dict[str, list[list[Any]]] = {"clean": [*base, total]}
    for i, (r, c, value, kind) in enumerate([(0, 2, 39, "percent_mismatch"), (4, 1, 170, "total_mismatch"),
                                             (4, 2, 150, "total_mismatch"), (2, 3, "80.0%", "percent_mismatch")]):
        rows = [row[:] for row in [*base, total]]
        rows[r][c] = value
        if kind == "percent_mismatch" and r == 0:
            rows[4][2] = 154  # keep the 合计 consistent: only the row's rate is now wrong
            rows[4][3] = "96.3%"
        cases[f"planted{i}"] = rows
        planted[f"planted{i}"] = (kind, 3 + r, "D" if kind == "percent_mismatch" else "ABCDE"[c])
    true_pos = false_pos = missed = 0
    for name, rows in cases.items():
        found = _kinds(check_file(make_ledger(tmp_path / f"{name}.xlsx", header, rows)))
        want = [planted[name]] if name in planted else []
        true_pos += sum(1 for f in found if f in want)
        false_pos += sum(1 for f in found if f not in want)
        missed += sum(1 for w in want if w not in found)
    assert (true_pos, false_pos, missed) == (4, 0, 0)


def test_a_stale_total_row_is_reported_unless_one_row_explains_it(tmp_path: Path) -> None:
    # every column a little off (typed before the rows were updated): a real error
    findings = check_file(make_ledger(tmp_path / "stale.xlsx", HEADER, toilet_rows(), ["合计", 1320, 1320, 1300]))
    assert [(f.kind, f.column) for f in findings] == [("total_mismatch", "B"), ("total_mismatch", "C"),
                                                       ("total_mismatch", "D")]
    # the same shortfall explained by one row (an unlabelled sub-item): the layout is not understood
    rows = [*toilet_rows(), ["脱贫户", 180, 180, 188]]
    assert check_file(make_ledger(tmp_path / "subitem.xlsx", HEADER, rows, ["合计", 1500, 1500, 1488])) == []


def test_a_breakdown_that_continues_without_repeating_qizhong_is_not_added(tmp_path: Path) -> None:
    header = ["乡镇", "任务（户）", "已完成（户）", "已验收（户）"]
    rows = [["东岭镇", 120, 110, 100], ["其中：三格式", None, 70, None], ["双瓮式", None, 40, None],
            ["西岭乡", 90, 85, 80], ["其中：三格式", None, 50, None], ["双瓮式", None, 35, None],
            ["合计", 210, 195, 180]]
    assert check_file(make_ledger(tmp_path / "ok.xlsx", header, rows)) == []
    bad = [r[:] for r in rows]
    bad[-1][2] = 196
    assert _kinds(check_file(make_ledger(tmp_path / "bad.xlsx", header, bad)))[0][0] == "total_mismatch"


def _people(n: int, start: int = 0) -> list[str]:
    return [valid_id(f"4311271980{(start + i) % 12 + 1:02d}{(start + i) % 27 + 1:02d}{123 + i:03d}") for i in range(n)]


def test_an_id_stored_as_a_whole_number_is_intact_unless_excel_rounded_it(tmp_path: Path) -> None:
    """A reader that keeps all 18 digits of a number cell gets a valid ID: no finding. What Excel keeps of
    an 18-digit number (15 significant digits; openpyxl writes the same) no longer validates: reported."""
    from archivist.assess.ledger_checks import build_table, check_tables

    ids = [v for v in _people(8) if v[-1] != "X"][:6]
    header = ["序号", "姓名", "身份证号码", "联系电话"]
    rows = [[i + 1, f"张{i}", int(v), f"1390000{i:04d}"] for i, v in enumerate(ids)]
    table = build_table("花名册", [["培训花名册"], header, *rows])
    assert table is not None and check_tables([table]) == []
    rounded = check_file(make_ledger(tmp_path / "rounded.xlsx", header, rows, title="培训花名册", sheet="花名册"))
    assert {f.kind for f in rounded} == {"invalid_id"} and all("丢失" in f.message for f in rounded)


def test_an_impossible_birth_date_and_a_total_row_that_counts_people(tmp_path: Path) -> None:
    ids = _people(6)
    ids[2] = valid_id(ids[2][:10] + "0230" + ids[2][14:17])  # 2月30日
    header = ["序号", "姓名", "身份证号码", "结对户数"]
    rows = [[i + 1, f"李{i}", v, f"{i + 1}户"] for i, v in enumerate(ids)]
    found = check_file(make_ledger(tmp_path / "r.xlsx", header, rows, total=[None, "共6人", None, "21户"],
                                   title="帮扶责任人名册", sheet="名册"))
    assert [(f.kind, f.row) for f in found] == [("invalid_id", 5)] and "出生日期" in found[0].message
    wrong = check_file(make_ledger(tmp_path / "w.xlsx", header, rows, total=[None, "共6人", None, "22户"],
                                   title="帮扶责任人名册", sheet="名册"))
    assert ("count_mismatch", 9) in [(f.kind, f.row) for f in wrong]


def test_one_person_on_two_town_sheets_is_a_duplicate_but_a_summary_sheet_is_not(tmp_path: Path) -> None:
    ids = _people(12)
    wb = openpyxl.Workbook()
    sheets = {"河口镇": ids[:6], "石门乡": ids[6:] + [ids[2]], "汇总": ids}
    for n, (name, people) in enumerate(sheets.items()):
        ws = wb.active if n == 0 else wb.create_sheet()
        ws.title = name
        ws.append([f"{name}公益性岗位人员花名册"])
        ws.append(["序号", "姓名", "身份证号码", "岗位"])
        for i, v in enumerate(people):
            ws.append([i + 1, f"王{v[-4:]}", v, "保洁员"])
    wb.save(tmp_path / "gy.xlsx")
    found = check_file(tmp_path / "gy.xlsx")
    assert [(f.kind, f.sheet, f.row) for f in found] == [("duplicate_id", "石门乡", 9)]


def test_a_blank_amount_in_a_payment_roster_and_a_repeated_household_id_in_a_household_ledger(tmp_path: Path) -> None:
    ids = _people(12)
    header = ["序号", "户主姓名", "户主身份证号", "月保障金额（元）", "发放账号"]
    rows = [[i + 1, f"赵{i}", v, 500 + i, f"62284800{i:08d}"] for i, v in enumerate(ids)]
    rows[3][3] = None
    rows[5][2] = ids[1]
    found = check_file(make_ledger(tmp_path / "pay.xlsx", header, rows, title="低保金发放台账", sheet="12月"))
    assert sorted((f.kind, f.row) for f in found) == [("duplicate_id", 8), ("empty_cell", 6)]


def test_a_wrong_growth_rate_and_a_fill_line_above_the_header(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["东岭县2024年脱贫人口收入监测汇总表"])
    ws.append(["填报单位：", "东岭县乡村振兴局", None, "填报日期：2024.12.28"])
    ws.append(["乡镇", "2024年人均纯收入（元）", "2023年人均纯收入（元）", "增长（%）", "已整治面积（亩）"])
    data = [("东岭镇", 17309, 15634, 10.7, 128.1), ("西岭乡", 17468, 16028, 9.0, 43.0),
            ("南山镇", 17533, 16133, 8.7, 69.1), ("北坡乡", 17105, 15300, 15.9, 43.8),
            ("河口镇", 18190, 16772, 8.5, 125.1)]
    for row in data:
        ws.append(list(row))
    ws.append(["合计", None, None, None, 441.1])
    wb.save(tmp_path / "g.xlsx")
    found = sorted((f.kind, f.row, f.column) for f in check_file(tmp_path / "g.xlsx"))
    assert found == [("percent_mismatch", 7, "D"), ("total_mismatch", 9, "E")]


def test_a_blank_phone_in_a_roster_is_an_omission(tmp_path: Path) -> None:
    ids = _people(8)
    header = ["序号", "姓名", "身份证号码", "联系电话"]
    rows = [[i + 1, f"钱{i}", v, f"1390000{i:04d}"] for i, v in enumerate(ids)]
    rows[4][3] = None
    found = check_file(make_ledger(tmp_path / "p.xlsx", header, rows, title="公益性岗位人员名册", sheet="名册"))
    assert [(f.kind, f.row) for f in found] == [("empty_cell", 7)]


def test_a_wrong_amount_total_is_caught_when_the_row_rate_was_computed_from_it(tmp_path: Path) -> None:
    # 下达资金 adds up to 31329.34, the clerk typed 31379.34 and the 支出进度 of the 合计 row was then computed
    # from that wrong figure: 下达 "equals" 已支出 ÷ 进度, yet an amount's total is its sum and nothing else
    header = ["资金来源", "下达资金（万元）", "已支出（万元）", "支出进度（%）"]
    rows = [["中央资金", 6627.61, 6562.07, 99.01], ["省级资金", 8524.92, 8372.33, 98.21],
            ["市级资金", 7411.89, 7266.98, 98.04], ["县级资金", 8764.92, 8207.41, 93.64]]
    total = ["合计", 31379.34, 30408.79, 96.91]
    findings = check_file(make_ledger(tmp_path / "zj.xlsx", header, rows, total, title="衔接资金支出进度表"))
    assert _kinds(findings) == [("total_mismatch", 7, "B")]
    right = total[:]
    right[1], right[3] = 31329.34, 97.06
    assert check_file(make_ledger(tmp_path / "ok.xlsx", header, rows, right, title="衔接资金支出进度表")) == []


def test_a_yearly_task_column_is_a_quantity_not_a_year(tmp_path: Path) -> None:
    # 年度任务（户） is the denominator of 完成率: only a header that is the year itself (年度) is no quantity
    header = ["村", "年度任务（户）", "已完工（户）", "完成率（%）"]
    rows = [["枫林村", 89, 85, 95.51], ["石桥村", 45, 45, 100], ["上寨村", 69, 67, 100], ["青石社区", 98, 96, 97.96]]
    total = ["合计", 301, 293, 97.34]
    findings = check_file(make_ledger(tmp_path / "hc.xlsx", header, rows, total))
    assert _kinds(findings) == [("percent_mismatch", 5, "D")]
    assert "97.1%" in findings[0].message
    wrong_total = [t[:] for t in rows], total[:]
    wrong_total[1][1] = 311
    findings = check_file(make_ledger(tmp_path / "t.xlsx", header, wrong_total[0], wrong_total[1]))
    assert ("total_mismatch", 7, "B") in _kinds(findings)


def test_a_text_column_filled_on_every_row_but_one_is_an_omission_unless_the_row_says_why(tmp_path: Path) -> None:
    header = ["序号", "村", "问题类型", "整改措施", "责任单位", "整改完成时间", "结业情况"]
    rows = [[i, f"村{i}", "水量不足", "接入集中供水管网", "青苔镇人民政府", "2024年9月" if i % 2 else None, "合格"]
            for i in range(1, 11)]
    rows[4][3] = None  # 整改措施 left blank on a row that has everything else: an omission
    rows[7][4] = None  # 责任单位 blank, and the row says 未结业: its state, not an omission
    rows[7][6] = "未结业"
    findings = check_file(make_ledger(tmp_path / "zg.xlsx", header, rows, title="农村饮水安全排查整改台账"))
    assert _kinds(findings) == [("empty_cell", 7, "D")]
    assert findings[0].confidence >= 0.8


def _workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    wb = openpyxl.Workbook()
    first = True
    for name, rows in sheets.items():
        ws = wb.active if first else wb.create_sheet()
        assert ws is not None
        ws.title = name
        first = False
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_a_signature_line_a_county_level_row_and_a_reference_row_are_not_records(tmp_path: Path) -> None:
    header = ["序号", "乡镇", "村", "户主姓名", "身份证号", "分配金额（元）", "一卡通账号"]
    rows = [[i, "石门乡", f"村{i}", f"户主{i}", valid_id(f"35294119720107{i:03d}"), 500 + i, f"62307834836635{i:02d}"]
            for i in range(1, 10)]
    rows.insert(0, [None, "县本级", None, "县乡村振兴局", None, 300, None])  # no 序号, no 村, no ID: its own unit
    total = ["", "合计", None, None, None, sum(r[5] for r in rows), None]
    sign = ["发放单位：岚山县乡村振兴局", None, None, "监督人：", None, "日期：2025年1月10日", None]
    ref = ["参考：上年", None, None, None, None, 4300, None]
    path = _workbook(tmp_path / "ff.xlsx", {"发放表": [["收益分配发放表"], header, *rows, total, sign, ref]})
    assert check_file(path) == []
    rows[5][5] = None  # one blank 分配金额 among ten: an omission, now that the signature line is no row
    total[5] = sum(r[5] or 0 for r in rows)
    path = _workbook(tmp_path / "ff2.xlsx", {"发放表": [["收益分配发放表"], header, *rows, total, sign, ref]})
    assert _kinds(check_file(path)) == [("empty_cell", 8, "F")]


def test_a_summary_sheet_copying_the_town_sheets_repeats_no_id_finding(tmp_path: Path) -> None:
    header = ["序号", "村", "姓名", "身份证号"]
    twice = valid_id("35294119790602041")
    a = [[i, "东门社区", f"甲{i}", valid_id(f"352941197709{i:02d}363")] for i in range(1, 11)]
    b = [[i, "竹山村", f"乙{i}", valid_id(f"352941198309{i:02d}590")] for i in range(1, 11)]
    a[1][2:] = ["邱志德", twice]
    b[4][2:] = ["邱志德", twice]  # one person entered for two towns: the error, on the town sheet
    summary = [[i + 1, *r[1:]] for i, r in enumerate(a + b)]
    path = _workbook(tmp_path / "hz.xlsx", {"城关镇": [header, *a], "云岭乡": [header, *b], "汇总": [header, *summary]})
    findings = check_file(path)
    assert [(f.kind, f.sheet, f.row) for f in findings] == [("duplicate_id", "云岭乡", 6)]


def test_a_growth_rate_shown_to_a_tenth_is_checked_to_a_tenth(tmp_path: Path) -> None:
    # (88407.4 − 83250.5) ÷ 83250.5 = 6.2 %, shown 5.8: within half a point, but the column is shown to a tenth
    header = ["乡镇", "上年收入总额（万元）", "本年收入总额（万元）", "同比增长（%）"]
    rows = [["城关镇", 57810.4, 61441, 6.3], ["青石镇", 34653.1, 36531.5, 5.4], ["白沙镇", 83250.5, 88407.4, 5.8],
            ["云岭乡", 49068.9, 51646.9, 5.3]]
    findings = check_file(make_ledger(tmp_path / "sr.xlsx", header, rows, title="分乡镇农村居民收入"))
    assert _kinds(findings) == [("percent_mismatch", 5, "D")]
    three = [["化肥施用量（吨）", 11971, 11213, -6.3], ["农药使用量（吨）", 419, 397, 5.3],
             ["农膜使用量（吨）", 778, 768, -1.3]]
    findings = check_file(make_ledger(tmp_path / "jl.xlsx", ["指标", "2023年", "2024年", "增长率（%）"], three,
                                      title="化肥农药减量统计"))
    assert _kinds(findings) == [("percent_mismatch", 4, "D")]  # a sign slip in a table of three
