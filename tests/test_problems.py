"""The rectification ledger (整改台账): import, add, list, overdue, close (销号) only with proof, export."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from fixtures_gen import insert_record

from archivist.assess import AssessError
from archivist.assess.problems import (
    close_problem,
    get_problem,
    is_site_problem,
    list_problems,
    parse_deadline,
    problems_by_unit,
)
from archivist.catalogue import Catalogue
from archivist.workspace import Workspace


def js(cli, *args: str) -> Any:
    """Run a command with --json and parse its stdout only: warnings on stderr are not part of the JSON."""
    from archivist.cli import app

    result = cli.runner.invoke(app, ["-w", str(cli.ws.root), *args, "--json"])
    assert result.exit_code == 0, f"exit {result.exit_code}: {result.output}\n{result.exception!r}"
    return json.loads(result.stdout)


def add_record(ws: Workspace, title: str, **fields: Any) -> str:
    return insert_record(ws, **({"title": title, "doc_date": "2024-12-05", "kind": "报告"} | fields))


def photo(ws: Workspace, exif_date: str | None, name: str = "杏花村公厕整改后.jpg", **meta: Any) -> str:
    """A site photo record; by default titled as units name their after photos (place and 整改后)."""
    return add_record(ws, Path(name).stem, file_type="image", kind="照片", doc_date=None,
                      meta=({"exif_date": exif_date} if exif_date else {}) | meta, original_name=name)


def add_site_problem(cli) -> int:
    data = js(cli, "problems", "add", "--desc", "杏花村公厕破损，粪污外溢", "--unit", "河口镇人民政府",
                    "--source", "县委督查室暗访", "--found", "2024-11-20", "--deadline", "2024-12-31",
                    "--indicator", "C01")
    assert data["site"] is True and data["status"] == "open"
    return data["id"]


def test_site_rule() -> None:
    assert is_site_problem("杏花村公厕破损无人管护")
    assert is_site_problem("村内道路坑洼不平")
    assert is_site_problem("部分农户房前屋后杂物乱堆乱放")
    assert is_site_problem("上湾村生活污水直排河道")
    assert not is_site_problem("户厕改造验收资料不全")
    assert not is_site_problem("危房改造对象档案缺失")
    assert not is_site_problem("会议记录不规范，未见研究巩固脱贫成果内容")
    assert not is_site_problem("监测对象识别纳入不及时")


def test_closing_without_evidence_is_refused(ws: Workspace, cli) -> None:
    pid = add_site_problem(cli)
    out = cli("problems", "close", str(pid), expect=1)
    assert "未附整改佐证" in out and "--evidence" in out
    assert js(cli, "problems", "show", str(pid))["status"] == "open"
    assert "找不到编号" in cli("problems", "close", str(pid), "--evidence", "nosuchid", expect=1)
    assert "找不到问题" in cli("problems", "close", "999", "--evidence", "x", expect=1)


def test_a_site_problem_needs_a_photo_taken_after_it_was_found(ws: Workspace, cli) -> None:
    pid = add_site_problem(cli)
    report = add_record(ws, "杏花村公厕整改情况报告", doc_date="2024-12-05")
    out = cli("problems", "close", str(pid), "--evidence", report, expect=1)
    assert "现场类" in out and "没有照片" in out
    same_day = photo(ws, "2024-11-20")  # the photo that recorded the problem
    out = cli("problems", "close", str(pid), "--evidence", report, same_day, expect=1)
    assert "不晚于发现日期" in out
    undated = photo(ws, None)
    assert "没有拍摄日期" in cli("problems", "close", str(pid), "--evidence", undated, expect=1)
    after = photo(ws, "2024-12-06")
    closed = js(cli, "problems", "close", str(pid), "--evidence", report, "--evidence", same_day, after,
                      "--note", "已更换蹲便器并清运粪污", "--today", "2024-12-08")
    assert closed["status"] == "closed" and closed["closed_at"] == "2024-12-08"
    assert closed["close_evidence"] == [report, same_day, after] and not closed["closed_late"]
    assert "已于" in cli("problems", "close", str(pid), "--evidence", after, expect=1)
    shown = js(cli, "problems", "show", str(pid))
    assert [h["action"] for h in shown["history"]] == ["problem_added", "problem_closed"]


def test_a_site_problem_closed_with_a_real_photo(ws: Workspace, cli, tmp_path: Path) -> None:
    """The whole path: a phone photo with EXIF DateTimeOriginal, ingested, then cited."""
    from PIL import Image

    pid = add_site_problem(cli)
    exif = Image.Exif()
    exif[0x8769] = {0x9003: "2024:12:06 15:42:10"}  # Exif IFD → DateTimeOriginal
    path = tmp_path / "来件" / "杏花村公厕整改后" / "IMG_20241206_154210.jpg"
    path.parent.mkdir(parents=True)
    Image.new("RGB", (320, 240), (90, 140, 60)).save(path, exif=exif)
    record = js(cli, "ingest", str(path))[0]
    assert record["status"] in ("filed", "unsorted") and record["doc_date"] == "2024-12-06"
    closed = js(cli, "problems", "close", str(pid), "--evidence", record["id"], "--today", "2024-12-07")
    assert closed["status"] == "closed"


def test_evidence_must_postdate_the_problem(ws: Workspace, cli) -> None:
    data = js(cli, "problems", "add", "--desc", "监测对象识别纳入不及时", "--unit", "县乡村振兴局",
                    "--found", "2024-11-01", "--deadline", "2024-11-30")
    assert data["site"] is False
    old = add_record(ws, "防止返贫监测帮扶工作方案", doc_date="2024-03-12")
    assert "均早于该日期" in cli("problems", "close", str(data["id"]), "--evidence", old, expect=1)
    quarantined = add_record(ws, "坏文件", status="quarantined", indicator=None, reason="文件已损坏")
    assert "已隔离" in cli("problems", "close", str(data["id"]), "--evidence", quarantined, expect=1)
    new = add_record(ws, "监测对象动态调整情况报告", doc_date="2024-12-03")
    closed = js(cli, "problems", "close", str(data["id"]), "--evidence", old, new, "--today", "2024-12-04")
    assert closed["status"] == "closed" and closed["closed_late"]


def test_overdue_per_unit(ws: Workspace, cli) -> None:
    cli("problems", "add", "--desc", "A 村道路破损", "--unit", "河口镇", "--found", "2024-11-01",
        "--deadline", "2024-12-01")
    cli("problems", "add", "--desc", "B 台账不规范", "--unit", "河口镇", "--found", "2024-11-01",
        "--deadline", "2025-01-31")
    cli("problems", "add", "--desc", "C 帮扶计划未更新", "--unit", "石门乡", "--found", "2024-11-01",
        "--deadline", "2024-12-15")
    cli("problems", "add", "--desc", "D 没有时限的问题", "--unit", "石门乡", "--found", "2024-11-01")
    overdue = js(cli, "problems", "list", "--overdue", "--today", "2024-12-20")
    assert [p["description"][0] for p in overdue] == ["A", "C"]
    assert all(p["overdue"] and p["days_left"] < 0 for p in overdue)
    assert js(cli, "problems", "list", "--overdue", "--today", "2024-12-01") == []  # due today is not late
    catalogue = Catalogue(ws.catalogue_path)
    try:
        units = {u.unit: u for u in problems_by_unit(list_problems(catalogue), dt.date(2024, 12, 20))}
    finally:
        catalogue.close()
    assert (units["河口镇"].open, units["河口镇"].overdue, units["石门乡"].overdue) == (2, 1, 1)
    out = cli("problems", "list", "--today", "2024-12-20")
    assert "逾期" in out and "按责任单位" in out
    assert "找不到指标" in cli("problems", "add", "--desc", "x", "--indicator", "Z99", expect=1)
    assert "早于发现日期" in cli("problems", "add", "--desc", "x", "--found", "2024-12-01",
                                 "--deadline", "2024-11-01", expect=1)


def make_unit_sheet(path: Path) -> Path:
    """A town's own ledger: a title row, headers nobody would guess exactly, a broken row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "问题清单"
    ws.append(["河口镇巩固脱贫成果后评估反馈问题整改台账"])
    ws.append(["序 号", "存在的主要问题", "问题来源", "整改责任单位（盖章）", "整改措施", "完成\n时限", "对应考核指标",
               "发现日期", "整改情况"])
    ws.append([1, "杏花村公厕破损，无人管护", "县委督查室暗访", "河口镇人民政府", "落实专人管护",
               dt.datetime(2024, 12, 31), "C01", dt.datetime(2024, 11, 20), "整改中"])
    ws.append([2, "监测对象风险消除台账信息不全", "县乡村振兴局检查", "河口镇人民政府", "逐户核实补齐",
               "2024年12月底", "防止返贫动态监测和帮扶", "2024-11-20", "已完成"])
    ws.append([3, None, "县委督查室", "石门乡人民政府", "", "2024-12-31", "C02", "2024-11-22", ""])
    ws.append([4, "上湾村生活污水直排河道", "群众反映", "河口镇人民政府", "建设管网", "长期坚持", "某个指标",
               "2024-11-25", ""])
    ws.append([5, "枫林村垃圾中转站渗滤液外溢", "县生态环境局", "河口镇人民政府", "清掏并加装收集池",
               "12月31日前", "C02", "2024-11-25", ""])
    ws.append([6, "大坪村危房改造验收资料缺失", "县住建局", "", "", 45657, "", "", ""])
    ws.append([None, None, None, None, None, None, None, None, None])
    ws.append(["填表人：李四　联系电话：12345678"])
    wb.save(path)
    return path


def test_import_with_unusual_headers_reports_the_rows_it_could_not_read(ws: Workspace, cli, tmp_path: Path) -> None:
    path = make_unit_sheet(tmp_path / "河口镇整改台账.xlsx")
    report = js(cli, "problems", "import", str(path), "--today", "2024-12-01")
    assert report["columns"]["问题清单"] == {
        "问题描述": "存在的主要问题", "发现来源": "问题来源", "责任单位": "整改责任单位（盖章）",
        "整改措施": "整改措施", "整改时限": "完成\n时限", "关联指标": "对应考核指标", "发现时间": "发现日期",
        "整改状态": "整改情况"}
    assert len(report["imported"]) == 4
    skipped = [i for i in report["issues"] if i["skipped"]]
    assert [(i["row"], i["message"][:15]) for i in skipped] == [(5, "缺少问题描述，未导入"),
                                                                (8, "未填发现时间，未导入：请在表中")]
    # the footer line has no description either, but it is text in the first column only
    notes: dict[int, str] = {}
    for issue in report["issues"]:
        if not issue["skipped"]:
            notes[issue["row"]] = notes.get(issue["row"], "") + issue["message"]
    assert "长期" in notes[6] and "未能对应" in notes[6]
    assert "未写年份" in notes[7]
    assert "销号须附佐证" in notes[4]
    problems = {p["description"][:4]: p for p in js(cli, "problems", "list")}
    assert problems["杏花村公"]["deadline"] == "2024-12-31" and problems["杏花村公"]["indicator"] == "C01"
    assert problems["杏花村公"]["found_date"] == "2024-11-20" and problems["杏花村公"]["site"]
    assert problems["监测对象"]["deadline"] == "2024-12-31" and problems["监测对象"]["indicator"] == "A01"
    assert not problems["监测对象"]["site"] and problems["监测对象"]["status"] == "open"
    assert problems["上湾村生"]["deadline"] is None and problems["上湾村生"]["site"]
    assert problems["枫林村垃"]["deadline"] == "2024-12-31"
    assert "大坪村危" not in problems  # no 发现日期: never the import day
    # the user says when the undated rows were found
    again = js(cli, "problems", "import", str(path), "--found", "2024-11-28", "--today", "2024-12-01")
    assert len(again["imported"]) == 1 and len(again["duplicates"]) == 4
    dated = {p["description"][:4]: p for p in js(cli, "problems", "list")}["大坪村危"]
    assert dated["found_date"] == "2024-11-28" and dated["deadline"] == "2024-12-31"  # an Excel serial date
    out = cli("problems", "import", str(path))
    assert "未导入" in out and "第5行" in out


def test_import_refuses_a_sheet_without_a_problem_header(ws: Workspace, cli, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws_ = wb.active
    assert ws_ is not None
    ws_.append(["姓名", "岗位"])
    ws_.append(["张三", "保洁员"])
    wb.save(tmp_path / "花名册.xlsx")
    assert "找不到" in cli("problems", "import", str(tmp_path / "花名册.xlsx"), expect=1)
    (tmp_path / "坏.xlsx").write_bytes(b"not a zip")
    assert "坏.xlsx" in cli("problems", "import", str(tmp_path / "坏.xlsx"), expect=1)


def test_deadline_forms() -> None:
    ref = dt.date(2024, 11, 20)
    assert parse_deadline("2024/12/31", ref) == ("2024-12-31", None)
    assert parse_deadline("2024.12.31前", ref) == ("2024-12-31", None)
    assert parse_deadline("2025年1月", ref) == ("2025-01-31", None)
    assert parse_deadline("立行立改", ref) == ("2024-11-20", None)
    assert parse_deadline("3月31日前", ref)[0] == "2025-03-31"
    assert parse_deadline("尽快", ref)[0] is None


def test_export(ws: Workspace, cli, tmp_path: Path) -> None:
    pid = add_site_problem(cli)
    cli("problems", "add", "--desc", "台账不规范", "--unit", "石门乡", "--found", "2024-11-01",
        "--deadline", "2025-03-01")
    after = photo(ws, "2024-12-06")
    cli("problems", "close", str(pid), "--evidence", after, "--today", "2025-01-03")
    out = tmp_path / "整改台账.xlsx"
    cli("problems", "export", "--out", str(out), "--today", "2025-01-05")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["整改台账", "按责任单位"]
    rows = list(wb["整改台账"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [1, 2]
    assert rows[0][9] == "已销号" and rows[0][10] == "逾期销号" and rows[0][12] == after
    assert rows[1][9] == "未销号" and not rows[1][10]


def test_close_problem_api(ws: Workspace, cli) -> None:
    pid = add_site_problem(cli)
    catalogue = Catalogue(ws.catalogue_path)
    try:
        with pytest.raises(AssessError, match="未附整改佐证"):
            close_problem(ws, catalogue, pid, [])
        problem = close_problem(ws, catalogue, f"#{pid}", [photo(ws, "2024-12-01")], today=dt.date(2024, 12, 2))
        assert problem.closed and get_problem(catalogue, pid) == problem
        assert catalogue.verify_audit() == []
    finally:
        catalogue.close()


def test_a_dry_run_imports_nothing(ws: Workspace, cli, tmp_path: Path) -> None:
    path = make_unit_sheet(tmp_path / "台账.xlsx")
    report = js(cli, "problems", "import", str(path), "--dry-run")
    assert report["planned"] == 4 and report["imported"] == []
    assert js(cli, "problems", "list") == []
    assert "可导入 4 个问题" in cli("problems", "import", str(path), "--dry-run")


# 销号 photos: after, same place, later --------------------------------------------------------------
def test_a_before_photo_or_another_villages_photo_does_not_close_a_site_problem(ws: Workspace, cli) -> None:
    pid = add_site_problem(cli)  # 杏花村公厕破损，粪污外溢 (河口镇人民政府), found 2024-11-20
    before = photo(ws, "2024-12-06", "杏花村公厕整改前.jpg")
    out = cli("problems", "close", str(pid), "--evidence", before, expect=1)
    assert "整改前照片" in out and "杏花村公厕整改前.jpg" in out
    captioned = photo(ws, "2024-12-06", "IMG_0002.jpg", xp_title="杏花村公厕 整治前")
    assert "整改前照片" in cli("problems", "close", str(pid), "--evidence", captioned, expect=1)
    elsewhere = photo(ws, "2024-12-06", "上湾村公厕整改后.jpg")
    out = cli("problems", "close", str(pid), "--evidence", elsewhere, expect=1)
    assert "拍摄的是上湾村，与问题所在的杏花村不符" in out
    nameless = photo(ws, "2024-12-06", "IMG_0003.jpg")
    assert "看不出拍摄于杏花村" in cli("problems", "close", str(pid), "--evidence", nameless, expect=1)
    assert js(cli, "problems", "show", str(pid))["status"] == "open"
    right = photo(ws, "2024-12-06", "IMG_0004.jpg", xp_comment="河口镇杏花村公厕维修后")
    assert js(cli, "problems", "close", str(pid), "--evidence", before, right)["status"] == "closed"


def test_gps_of_the_problem_photo_decides_the_place(ws: Workspace, cli) -> None:
    pid = add_site_problem(cli)
    problem_photo = photo(ws, "2024-11-20", "IMG_1000.jpg", gps=[28.2000, 112.9000])
    far = photo(ws, "2024-12-06", "IMG_1001.jpg", gps=[28.2300, 112.9000])  # about 3.3 km north
    out = cli("problems", "close", str(pid), "--evidence", problem_photo, far, expect=1)
    assert "公里" in out and "不是同一地点" in out
    near = photo(ws, "2024-12-06", "IMG_1002.jpg", gps=[28.2010, 112.9005])  # about 120 m away
    assert js(cli, "problems", "close", str(pid), "--evidence", problem_photo, near)["status"] == "closed"


def test_site_words_of_the_usual_problems() -> None:
    for text in ("违建棚舍未拆除", "河道垃圾未清理", "残垣断壁未清理到位", "房前屋后乱堆乱放", "黑臭水体未消除",
                 "村内道路破损", "危房未拆除", "厕所粪污外溢", "生活污水直排"):
        assert is_site_problem(text), text
    assert not is_site_problem("拆除旧房补助资金发放不及时")


def test_import_keeps_the_found_date_of_each_row(ws: Workspace, cli, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["问题描述", "责任单位", "检查日期", "整改时限"])
    sheet.append(["杏花村违建棚舍未拆除", "河口镇人民政府", "2024年11月5日", "2024-12-31"])
    sheet.append(["上湾村河道垃圾未清理", "河口镇人民政府", 45601, "2024-12-31"])  # Excel serial: 2024-11-05
    sheet.append(["枫林村残垣断壁未清理", "石门乡人民政府", dt.datetime(2024, 10, 8), "2024年12月底"])
    sheet.append(["大坪村危房未拆除", "石门乡人民政府", "2024-11-20", "2024-11-01"])  # deadline before found
    sheet.append(["水口村公厕无人管护", "柳溪镇人民政府", "待核实", "2024-12-31"])
    path = tmp_path / "督查问题.xlsx"
    wb.save(path)
    report = js(cli, "problems", "import", str(path), "--today", "2024-12-10")
    found = {p["description"]: p["found_date"] for p in js(cli, "problems", "list")}
    assert found == {"杏花村违建棚舍未拆除": "2024-11-05", "上湾村河道垃圾未清理": "2024-11-05",
                     "枫林村残垣断壁未清理": "2024-10-08"}
    skipped = {i["row"]: i["message"] for i in report["issues"] if i["skipped"]}
    assert "早于发现日期" in skipped[5] and "无法识别" in skipped[6]
    assert all(p["site"] for p in js(cli, "problems", "list"))
