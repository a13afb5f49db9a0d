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
