"""The command line as a Chinese user meets it: words as typed, Chinese errors, hostile text printed safely."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fixtures_gen import insert_record, make_docx
from typer.testing import CliRunner

from archivist.cli import app, where_text
from archivist.cli_common import date_input, fold_code, visible
from archivist.workspace import Workspace, assessment_year


@pytest.fixture()
def ws(catalogue_ws: Workspace) -> Workspace:
    """This module's tests run on both catalogues (SQLite and PostgreSQL)."""
    return catalogue_ws


def _two_notices(cli, tmp_path: Path) -> dict[str, dict]:
    """Two filed notices about 改厕 验收 in 河口镇, one of 2023 and one of May 2024."""
    old = make_docx(tmp_path / "来件" / "2023验收.docx", "河口镇2023年农村户厕改造验收报告",
                    ["经验收，河口镇改厕全部合格。", "河口镇人民政府", "2023年11月20日"])
    new = make_docx(tmp_path / "来件" / "2024验收.docx", "河口镇2024年农村户厕改造验收报告",
                    ["经验收，河口镇改厕全部合格。", "河口镇人民政府", "2024年5月20日"])
    records = cli.json("ingest", str(old), str(new))
    return {r["doc_date"][:4]: r for r in records}


def test_search_takes_words_as_separate_arguments_and_still_a_quoted_string(cli, tmp_path):
    by_year = _two_notices(cli, tmp_path)
    separate = cli.json("search", "河口镇", "改厕", "验收")
    quoted = cli.json("search", "河口镇 改厕 验收")
    assert {h["id"] for h in separate} == {r["id"] for r in by_year.values()}
    assert [h["id"] for h in separate] == [h["id"] for h in quoted]
    excluded = cli.json("search", "河口镇", "验收", "-2023年")
    assert [h["id"] for h in excluded] == [by_year["2024"]["id"]]
    out = cli("search", "河口镇", "--indicatr", "C01", expect=2)
    assert "未知选项" in out


@pytest.mark.parametrize("since", ["２０２４", "2024年5月", "2024年5月1日", "2024/5", "2024.05.01"])
def test_since_as_people_type_it(cli, tmp_path, since):
    by_year = _two_notices(cli, tmp_path)
    hits = cli.json("search", "改厕", "--since", since)
    assert [h["id"] for h in hits] == [by_year["2024"]["id"]]


def test_date_input_forms():
    assert date_input("２０２４－０５") == "2024-05"
    assert date_input("2024年5月") == "2024-05"
    assert date_input(" 2024 ") == "2024"
    assert date_input("下个月") == "下个月"  # passed on: the search names what it cannot read


def test_indicator_codes_are_folded_or_refused_with_the_valid_list(cli, ws, tmp_path):
    rid = insert_record(ws, indicator="C01", archive_path=None)
    assert [r["id"] for r in cli.json("list", "--indicator", "c01")] == [rid]
    assert [r["id"] for r in cli.json("list", "--indicator", "Ｃ０１")] == [rid]
    out = cli("list", "--indicator", "Z9", expect=2)
    assert "Z9" in out and "A01" in out and "C01" in out
    assert fold_code(" c01 ") == "C01"
    out = cli("list", "--status", "待分类")
    assert "材料清单（0 件）" in out


def test_brackets_and_escape_sequences_in_data_print_safely_in_list_and_show(cli, ws):
    rid = insert_record(
        ws, title="关于[/]整改[bold red]的通知", unit="河西镇[/]人民政府",
        original_name="\x1b[2J\x1b[31m改厕\x07.docx", archive_path=None,
        reason="含\u202e反向字符", status="quarantined", indicator=None,
    )
    listed = cli("list")
    shown = cli("show", rid)
    for out in (listed, shown):
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "[/]" in shown and "[bold red]" in shown  # printed as text, not taken as markup
    assert "\\x1b[2J" in shown and "\\x07" in shown and "\\u202e" in shown
    assert visible("a\x1bb") == "a\\x1bb"


def test_a_quarantine_without_bytes_never_prints_none(cli, ws):
    record = {"status": "quarantined", "archive_path": None, "reason": "无法读取：权限不足", "original_name": "x"}
    assert "None" not in where_text(record) and "无法读取" in where_text(record)
    insert_record(ws, status="quarantined", archive_path=None, indicator=None, reason="无法读取：权限不足")
    out = CliRunner().invoke(app, ["-w", str(ws.root), "list"], env={"COLUMNS": "250"}).output
    assert "None" not in out and "未能保存原件" in out


def test_show_speaks_chinese(cli, ws):
    rid = insert_record(ws, links=["R03"], suggestions=[{"code": "C01", "confidence": 0.91, "matched": ["改厕"]}],
                        doc_date="2024-10-08", meta={"unit_source": "signature", "date_source": "signature_date"},
                        unit="县农业农村局", archive_path=None)
    out = cli("show", rid)
    assert "已归档" in out and "filed" not in out
    assert "2024年10月8日" in out and "2024-10-08" not in out
    assert "来源：落款" in out
    assert "C01 农村厕所革命" in out
    assert "['" not in out and "{'" not in out


@pytest.mark.parametrize("args, words", [
    (["show"], "缺少参数 ID"),
    (["assign", "a", "b", "c"], "多余的参数"),
    (["list", "--frob"], "未知选项 --frob"),
    (["list", "--indicator"], "后面需要一个值"),
    (["frob"], "没有命令 frob"),
    (["score", "set", "C01", "abc"], "应为有效的数字"),
])
def test_usage_errors_are_in_chinese(ws, args, words):
    result = CliRunner().invoke(app, ["-w", str(ws.root), *args])
    assert result.exit_code == 2
    assert words in result.output
    for english in ("Missing", "Got unexpected", "No such", "Usage:", "Try '", "Error"):
        assert english not in result.output


def test_help_is_in_chinese(ws):
    out = CliRunner().invoke(app, ["edit", "--help"]).output
    assert "显示本帮助并退出" in out and "用法" in out
    assert "Show this message" not in out and "Usage" not in out and "Options" not in out


@pytest.mark.parametrize("today, year", [
    (dt.date(2026, 1, 5), 2025), (dt.date(2026, 3, 31), 2025), (dt.date(2026, 4, 1), 2026),
    (dt.date(2026, 12, 3), 2026),
])
def test_the_assessed_year(today, year):
    assert assessment_year(today) == year


def test_init_without_year_says_which_year_it_chose(tmp_path):
    result = CliRunner().invoke(app, ["init", str(tmp_path / "新工作区")])
    assert result.exit_code == 0
    expected = assessment_year()
    assert f"考核年度：{expected}" in result.output
    assert f"year = {expected}" in (tmp_path / "新工作区" / "archivist.toml").read_text(encoding="utf-8")


def test_problems_import_of_a_folder_says_it_is_a_folder(cli, tmp_path):
    (tmp_path / "台账").mkdir()
    (tmp_path / "台账" / "整改台账.xlsx").write_bytes(b"")
    out = cli("problems", "import", str(tmp_path / "台账"), expect=2)
    assert "是文件夹" in out and "整改台账.xlsx" in out and "不存在" not in out


def test_problems_with_brackets_and_escapes_list_and_show_safely(cli):
    cli("problems", "add", "--desc", "[/]河道[bold]垃圾未清理\x1b[2J", "--unit", "河西镇[/]人民政府",
        "--found", "2024-10-01", "--deadline", "2024-11-30")
    listed = cli("problems", "list")
    shown = cli("problems", "show", "1")
    for out in (listed, shown):
        assert "\x1b" not in out
        assert "[/]" in out
    assert "\\x1b[2J" in shown


def _all_command_paths() -> list[list[str]]:
    import typer.main

    def walk(command, path):
        yield path
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            yield from walk(sub, [*path, name])

    return list(walk(typer.main.get_command(app), []))


def test_the_help_of_every_command_is_in_chinese():
    runner = CliRunner()
    paths = _all_command_paths()
    assert ["edit"] in paths and ["problems", "import"] in paths
    for path in paths:
        out = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"}).output
        for english in ("Usage", "Show this message", "Options", "Arguments", "Commands", "[required]",
                        "[default:", "COMMAND [ARGS]"):
            assert english not in out, f"archivist {' '.join(path)} --help: {english}"
