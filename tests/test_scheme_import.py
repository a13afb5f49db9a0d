"""`scheme import`: real scheme tables in (xlsx with merges over three levels, a 后评估 Word table, a table
nested by its own numbering), checked for the tree, points and evidence items; malformed tables refused
with row/column-named errors; the imported scheme is what status, filing and the classifier then use."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from openpyxl import load_workbook
from scheme_fixtures import kaohe_xlsx, malformed_kaohe_xlsx, numbered_xlsx, pinggu_docx
from typer.testing import CliRunner

from archivist.cli import app
from archivist.workspace import Workspace


def run(ws: Workspace, *args: str, expect: int = 0):
    result = CliRunner().invoke(app, ["-w", str(ws.root), *args])
    assert result.exit_code == expect, f"exit {result.exit_code}: {result.output}\n{result.exception!r}"
    return result


def as_json(ws: Workspace, *args: str, expect: int = 0) -> dict | list:
    return json.loads(run(ws, *args, "--json", expect=expect).stdout)


def by_code(data: dict) -> dict[str, dict]:
    return {i["code"]: i for i in data["indicators"]}


def test_merged_three_level_workbook_imports_tree_points_and_items(ws: Workspace, tmp_path: Path) -> None:
    data = as_json(ws, "scheme", "import", str(kaohe_xlsx(tmp_path / "细则2024.xlsx")))
    assert data["id"] == "kaohe-2024" and data["name"] == "青山市2024年度推进乡村振兴战略实绩考核细则"
    assert data["levels"] == 3 and data["total_points"] == 100 and data["issues"] == []
    ind = by_code(data)
    base = [i for i in data["indicators"] if i["kind"] == "base"]
    assert len(base) == 11 and sum(i["points"] for i in base) == 100
    assert ind["A01"]["path"] == ["产业振兴", "粮食安全", "粮食播种面积和产量"]
    assert ind["A01"]["points"] == 6 and ind["A01"]["method"] == "日常监督"
    assert ind["A01"]["scoring"] == "完成省下达播种面积目标得满分，每低1%扣0.5分，扣完为止"
    # "1.…；2.…" in one cell and items on separate lines both become items
    assert ind["B01"]["evidence"] == ["农村户厕改造实施方案", "改厕验收报告", "问题摸排整改台账"]
    assert ind["A02"]["evidence"] == ["高标准农田建设项目验收报告", "耕地保护目标责任书"]
    # the two-line header: 责任分工 over 牵头单位 | 责任单位
    assert ind["B01"]["lead_unit"] == "农业农村局" and ind["B01"]["responsible_units"] == ["卫生健康局", "各乡镇"]
    # 加分项 / 扣分项 blocks sit outside the 100 points with their own maxima
    assert [(i["code"], i["kind"], i["max_points"]) for i in data["indicators"] if i["kind"] != "base"] == [
        ("X01", "bonus", 2.0), ("X02", "bonus", 1.0), ("X03", "penalty", 5.0)]
    assert ind["X01"]["path"] == ["加分项", "改革创新经验被省级以上推广"]
    # stored as a framework file and put in use in place of the reference 实绩考核
    stored = tomllib.loads((ws.root / "frameworks" / "kaohe-2024.toml").read_text(encoding="utf-8"))
    assert stored["framework"]["levels"] == 3 and stored["framework"]["notes"][0].startswith("注：1.加分项")
    assert stored["framework"]["bonus_max"] == 3 and stored["framework"]["penalty_max"] == 5
    config = tomllib.loads((ws.root / "archivist.toml").read_text(encoding="utf-8"))
    assert config["workspace"]["frameworks"] == ["kaohe-2024", "hou-pinggu"]
    shown = as_json(ws, "scheme", "show", "kaohe-2024")
    assert shown["indicators"] == data["indicators"] and shown["levels"] == 3
    # status, the score list and the scheme preview all run on three levels
    status = {s["code"]: s for s in as_json(ws, "status")}
    assert status["B01"]["name"] == "农村厕所革命" and status["B01"]["missing"] == ind["B01"]["evidence"]
    assert status["B01"]["path"] == ["生态振兴", "人居环境整治", "农村厕所革命"]
    assert "A01" in run(ws, "score", "list").stdout
    preview = run(ws, "scheme", "show", "kaohe-2024").stdout
    assert "A1 粮食安全  12分" in preview and "1. 粮食播种面积统计表" in preview


def test_graded_word_table_without_points(ws: Workspace, tmp_path: Path) -> None:
    data = as_json(ws, "scheme", "import", str(pinggu_docx(tmp_path / "后评估细则.docx")))
    assert data["id"] == "pinggu-2025" and data["kind"] == "graded" and data["issues"] == []
    assert data["levels"] == 2 and data["total_points"] == 0
    ind = by_code(data)
    assert [i["path"] for i in data["indicators"]] == [
        ["责任落实", "党委政府主体责任"], ["责任落实", "帮扶责任落实"], ["政策落实", "防止返贫监测帮扶政策"],
        ["政策落实", "就业帮扶政策"], ["工作成效", "群众认可度"]]
    assert all(i["points"] == 0 for i in data["indicators"])
    # graded codes start with P, so they never clash with the 实绩考核 in use beside them
    assert list(ind) == ["PA01", "PA02", "PB01", "PB02", "PC01"]
    assert ind["PA01"]["evidence"] == ["党委常委会研究巩固脱贫成果的会议纪要", "过渡期工作方案"]
    assert ind["PA01"]["method"] == "查阅资料、座谈访谈" and ind["PA01"]["scoring"].startswith("好：")
    # only a 责任单位 column: its first unit leads
    assert ind["PB01"]["lead_unit"] == "乡村振兴局" and ind["PB01"]["responsible_units"] == ["民政局"]
    assert data["notes"] == ["注：评估要点的评定以实地核查为准。"]
    # a graded scheme replaces the graded reference framework
    config = tomllib.loads((ws.root / "archivist.toml").read_text(encoding="utf-8"))
    assert config["workspace"]["frameworks"] == ["shiji-kaohe", "pinggu-2025"]


def test_own_numbering_gives_levels_and_codes(ws: Workspace, tmp_path: Path) -> None:
    data = as_json(ws, "scheme", "import", str(numbered_xlsx(tmp_path / "评分表.xlsx")), "--id", "pf-2025",
                   "--no-use")
    assert data["levels"] == 3 and data["total_points"] == 100 and data["issues"] == []
    assert [i["code"] for i in data["indicators"]] == ["1.1.1", "1.1.2", "1.2.1", "2.1.1", "2.1.2"]
    ind = by_code(data)
    assert ind["1.1.1"]["path"] == ["产业发展", "粮食生产", "粮食播种面积"]  # numbering stripped from names
    assert ind["1.2.1"]["points"] == 30 and ind["2.1.2"]["evidence"] == ["积分制实施方案", "积分台账"]
    assert [(c["code"], c["points"]) for c in data["categories"]] == [("1", 60), ("2", 40)]
    assert [g["code"] for g in data["categories"][0]["groups"]] == ["1.1", "1.2"]
    assert data["active"] is False  # --no-use
    config = tomllib.loads((ws.root / "archivist.toml").read_text(encoding="utf-8"))
    assert config["workspace"]["frameworks"] == ["shiji-kaohe", "hou-pinggu"]


def test_malformed_scheme_is_refused_with_named_rows_and_columns(ws: Workspace, tmp_path: Path) -> None:
    bad = malformed_kaohe_xlsx(tmp_path / "有错的细则.xlsx")
    config_before = (ws.root / "archivist.toml").read_bytes()
    result = run(ws, "scheme", "import", str(bad), expect=1)
    err = result.stderr
    assert "第14行A列（一级指标）：“驻村帮扶”没有所属的一级指标" in err
    assert "第12行G列（佐证材料）：“秸秆综合利用”的佐证材料为空" in err
    assert "“粮食安全”的分值为 12，但其下各项合计 13" in err and "第4行B列" in err
    assert "未导入" in err
    assert not (ws.root / "frameworks" / "kaohe-2024.toml").exists()
    assert (ws.root / "archivist.toml").read_bytes() == config_before
    data = as_json(ws, "scheme", "import", str(bad), expect=1)
    assert {i["kind"] for i in data["issues"]} == {"orphan_row", "empty_evidence", "points_sum"}
    assert data["stored"] is False
    # --force keeps the flagged import, with its issues written into the scheme file
    run(ws, "scheme", "import", str(bad), "--force", "--no-use")
    stored = tomllib.loads((ws.root / "frameworks" / "kaohe-2024.toml").read_text(encoding="utf-8"))
    assert any("驻村帮扶" in line for line in stored["framework"]["flagged"])


def test_export_to_xlsx_and_toml_round_trips(ws: Workspace, tmp_path: Path) -> None:
    original = as_json(ws, "scheme", "import", str(kaohe_xlsx(tmp_path / "细则2024.xlsx")))
    out = tmp_path / "导出.xlsx"
    run(ws, "scheme", "export", "kaohe-2024", "--out", str(out))
    sheet = load_workbook(out).active
    assert sheet.cell(2, 1).value == "一级指标" and sheet.cell(2, 5).value == "代码"
    assert any(str(r.coord) == "A3:A6" for r in sheet.merged_cells.ranges)  # 产业振兴 merged over its rows
    again = as_json(ws, "scheme", "import", str(out), "--id", "copy-2024", "--no-use")
    assert again["issues"] == []
    strip = [{k: v for k, v in i.items()} for i in original["indicators"]]
    assert again["indicators"] == strip  # codes, paths, points, items, units, rules survive
    toml_out = tmp_path / "导出.toml"
    run(ws, "scheme", "export", "kaohe-2024", "--out", str(toml_out))
    assert tomllib.loads(toml_out.read_text(encoding="utf-8"))["framework"]["id"] == "kaohe-2024"


def test_classifier_profiles_come_from_the_imported_scheme(ws: Workspace, tmp_path: Path) -> None:
    from fixtures_gen import make_docx

    from archivist.intake.classify import Classifier, Document

    run(ws, "scheme", "import", str(kaohe_xlsx(tmp_path / "细则2024.xlsx")))
    ws = Workspace(ws.root)
    clf = Classifier(ws.frameworks)
    assert {"A01", "B02", "C02", "X03"} <= set(clf.codes)
    # words that only this scheme's evidence list names
    best = clf.classify(Document(title="保洁员聘用花名册", text="各村保洁员聘用花名册及生活垃圾收运处置台账"))[0]
    assert best.code == "B02"
    inbox = tmp_path / "来件"
    make_docx(inbox / "关于全县农村户厕改造验收情况的报告.docx", "关于全县农村户厕改造验收情况的报告",
              ["2024年全县完成农村户厕改造1200户，经县乡两级验收合格，问题摸排整改台账已建立。"])
    record = as_json(ws, "ingest", str(inbox))[0]
    assert record["status"] == "filed" and record["indicator"] == "B01"
    assert record["archive_path"].startswith("archive/B-生态振兴/B01-农村厕所革命/")


def test_reference_frameworks_survive_export_and_import(ws: Workspace, tmp_path: Path) -> None:
    """The shipped frameworks as a province table and back: same codes, points, contents and items."""
    for fid, new_id in (("shiji-kaohe", "kaohe-copy"), ("hou-pinggu", "pinggu-copy")):
        reference = as_json(ws, "scheme", "show", fid)
        out = tmp_path / f"{fid}.xlsx"
        run(ws, "scheme", "export", fid, "--out", str(out))
        again = as_json(ws, "scheme", "import", str(out), "--id", new_id, "--no-use")
        assert again["issues"] == [] and again["levels"] == reference["levels"] == 2
        assert again["total_points"] == reference["total_points"]
        keys = ("code", "name", "path", "points", "kind", "max_points", "content", "evidence", "lead_unit")
        assert [{k: i[k] for k in keys} for i in again["indicators"]] == [
            {k: i[k] for k in keys} for i in reference["indicators"]]


def test_one_level_table_with_points_in_the_names(ws: Workspace, tmp_path: Path) -> None:
    from scheme_fixtures import flat_xlsx

    data = as_json(ws, "scheme", "import", str(flat_xlsx(tmp_path / "简表.xlsx")), "--id", "flat", "--no-use")
    assert data["issues"] == [] and data["levels"] == 1 and data["total_points"] == 100
    # the 序号 column is the scheme's own numbering: it gives the codes
    assert [(i["code"], i["name"], i["points"], i["path"]) for i in data["indicators"]] == [
        ("1", "党建引领", 20, ["党建引领"]), ("2", "产业发展", 40, ["产业发展"]), ("3", "乡村治理", 40, ["乡村治理"])]
    ind = by_code(data)
    # 考核内容 beside 考核指标, one row each, describes it: it is not a level below it
    assert ind["1"]["content"] == "村党组织书记专题培训全覆盖，软弱涣散村整顿到位。"
    assert ind["3"]["lead_unit"] == "民政局" and ind["3"]["responsible_units"] == ["司法局"]
    assert [c["code"] for c in data["categories"]] == ["A"]
