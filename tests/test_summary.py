"""The one summary: the dashboard, ``status``, ``score list`` and every report print the same figures.

A sample workspace gets scores that make the two distances to the 优秀 line differ (a full mark with no
evidence), problems (one overdue) and then every page is produced *on the same day* and read back — the
dashboard's HTML, ``status`` (JSON and the human table), ``score list`` and each report through
python-docx — and every labelled figure found is compared with ``archivist summary --json``.
A second workspace whose year is wrong checks the year warning on each of those pages.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import docx
import pytest
from conftest import Cli
from test_reports import _ids, sample_workspace

from archivist.assess.summary import year_check
from archivist.generate.reports import KINDS
from archivist.workspace import Workspace

TODAY = dt.date.today().isoformat()
REPORT_KINDS = [k for k in KINDS if k not in ("catalogue",)]
NUMBER = r"(-?\d+(?:\.\d+)?)"


def doc_text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts.append("|".join(c.text for c in row.cells))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, Cli, dict]:
    ws, cli = sample_workspace(tmp_path_factory, "summary")
    cli("score", "set", "A01", "6", "--note", "建立防止返贫动态监测和帮扶机制", "--evidence", *_ids(ws, "A01"))
    cli("score", "set", "B01", "6", "--note", "粮食生产任务完成")  # full mark, no evidence: backed total differs
    cli("problems", "add", "--desc", "河口镇杏花村2户问题厕所未整改到位", "--unit", "河口镇",
        "--deadline", "2024-12-31",
        "--indicator", "C01", "--found", "2024-11-20")
    cli("problems", "add", "--desc", "公益性岗位考勤台账签字不全", "--unit", "县人社局", "--deadline", "2099-01-15",
        "--indicator", "A03", "--found", "2024-12-10")
    figures = json.loads(cli("summary", "--json"))
    return ws, cli, figures


def _fmt(value: float) -> str:
    return f"{value:g}"


# Labelled figures as the documents write them → the summary field they must equal.
LABELLED = [
    (r"自评总分" + NUMBER + "分", lambda f: f["scores"][0]["total"]),
    (r"有佐证(?:材料)?支撑的(?:得分|只有)?" + NUMBER + "分", lambda f: f["scores"][0]["backed_total"]),
    (r"距“优秀”线(?:（[\d.]+分）)?还差" + NUMBER + "分", lambda f: f["scores"][0]["gap"]),
    (r"按有佐证支撑的得分计还差" + NUMBER + "分", lambda f: f["scores"][0]["backed_gap"]),
    (r"共接收各单位报送材料" + NUMBER + "件", lambda f: f["received"]),
    (r"(?:全县共归档佐证材料|其中已归档)" + NUMBER + "件", lambda f: f["filed"]),
    (NUMBER + r"项指标佐证材料缺失或不全", lambda f: f["incomplete"]),
    (r"尚未销号" + NUMBER + "个", lambda f: f["problems_open"]),
    (r"其中逾期(?:未销号)?" + NUMBER + "个", lambda f: f["problems_overdue"]),
    (r"整改台账共有问题" + NUMBER + "个", lambda f: f["problems"]),
    (r"距今还有" + NUMBER + "天", lambda f: f["days_left"]),
    (NUMBER + r"个牵头单位中", lambda f: f["units"]),
]


def labelled_figures(text: str, figures: dict) -> list[tuple[str, str, float]]:
    """(label, printed, expected) for every labelled figure found in ``text``."""
    out = []
    for pattern, expected in LABELLED:
        for m in re.finditer(pattern, text):
            out.append((pattern, m.group(1), float(expected(figures))))
    for fw in figures["frameworks"]:
        for m in re.finditer(re.escape(fw["name"]) + r"共" + NUMBER + r"项指标，([^；。]*)", text):
            out.append((f"{fw['name']} indicators", m.group(1), float(fw["indicators"])))
            parts = framework_parts(m.group(2), fw["indicators"])
            for key in ("complete", "partial", "missing"):  # a part left out of the sentence is a zero
                out.append((f"{fw['name']} {key}", str(parts.get(key, 0)), float(fw[key])))
    return out


def framework_parts(breakdown: str, indicators: int) -> dict[str, int]:
    """"佐证材料齐全3项、缺失2项" (zeros left out), "佐证材料全部齐全" or "均暂无佐证材料" → counts."""
    if breakdown.startswith("佐证材料全部齐全"):
        return {"complete": indicators}
    if breakdown.startswith("均暂无佐证材料"):
        return {"missing": indicators}
    parts = {}
    for label, key in (("部分齐全", "partial"), ("缺失", "missing")):
        if m := re.search(label + r"(\d+)项", breakdown):
            parts[key] = int(m.group(1))
    if m := re.search(r"(?<!部分)齐全(\d+)项", breakdown):
        parts["complete"] = int(m.group(1))
    return parts


def test_the_summary_itself_is_consistent(scored: tuple[Workspace, Cli, dict]) -> None:
    ws, cli, f = scored
    assert f["today"] == TODAY
    assert f["incomplete"] == f["partial"] + f["missing"]
    assert f["indicators"] == f["complete"] + f["partial"] + f["missing"] > 0
    score = f["scores"][0]
    assert score["gap"] != score["backed_gap"], "the fixture must make the two distances differ"
    assert f["problems"] == 2 and f["problems_overdue"] == 1 and f["problems_open"] == 2
    statuses = cli.json("status")
    assert f["indicators"] == len(statuses)
    for state in ("complete", "partial", "missing"):
        assert f[state] == sum(1 for s in statuses if s["state"] == state)
    listed = cli.json("list")
    assert f["filed"] == sum(1 for r in listed if r["status"] == "filed")


def test_status_and_score_list_print_the_summary(scored: tuple[Workspace, Cli, dict]) -> None:
    ws, cli, f = scored
    out = cli("status")
    assert (f"{f['indicators']} 项指标中齐全 {f['complete']} 项、部分齐全 {f['partial']} 项、缺失 {f['missing']} 项"
            f"（缺失或不全共 {f['incomplete']} 项）") in out
    assert f"已归档 {f['filed']} 件" in out
    score = f["scores"][0]
    listing = cli("score", "list")
    assert f"自评总分 {_fmt(score['total'])} 分" in listing
    assert f"按自评总分还差 {_fmt(score['gap'])} 分" in listing
    assert f"按有佐证支撑的得分还差 {_fmt(score['backed_gap'])} 分" in listing
    # every "还差 N 分" printed is one of the summary's two gaps, never a third figure
    printed = {float(x) for x in re.findall(r"还差 " + NUMBER + " 分", listing)}
    assert printed == {score["gap"], score["backed_gap"]}


def test_dashboard_prints_the_summary(scored: tuple[Workspace, Cli, dict]) -> None:
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from archivist.web import create_app

    ws, _cli, f = scored
    with TestClient(create_app(ws, host="127.0.0.1"), base_url="http://127.0.0.1:8000") as client:
        html = client.get("/").text
    text = re.sub(r"<[^>]+>", "", html)
    score = f["scores"][0]
    assert f"按自评总分还差 {_fmt(score['gap'])} 分" in text
    assert f"按有佐证支撑的得分还差 {_fmt(score['backed_gap'])} 分" in text
    assert f"缺失或不全共 {f['incomplete']} 项" in text
    assert re.search(rf"{f['filed']}\s*件已归档", text)
    assert re.search(rf"{f['problems_overdue']}\s*个逾期", text)
    assert f"未销号 {f['problems_open']} 个" in text
    for fw in f["frameworks"]:
        for key, label in (("complete", "齐全"), ("partial", "部分"), ("missing", "缺失")):
            assert f"{label} {fw[key]}" in text


@pytest.mark.parametrize("kind", REPORT_KINDS)
def test_every_report_prints_the_summary(scored: tuple[Workspace, Cli, dict], kind: str,
                                         tmp_path: Path) -> None:
    ws, cli, f = scored
    out = tmp_path / f"{kind}.docx"
    cli("report", kind, "--out", str(out))
    text = doc_text(out)
    found = labelled_figures(text, f)
    if kind not in ("problems", "reminder"):  # the 催报通知 prints what `remind` counts (test_reports_docs.py)
        assert found, f"{kind}: no labelled figure found — the test would prove nothing"
    wrong = [(label, printed, expected) for label, printed, expected in found if float(printed) != expected]
    assert not wrong, f"{kind} disagrees with the summary: {wrong}"
    # no distance to the 优秀 line other than the summary's two
    for m in re.finditer(r"还差" + NUMBER + "分", text):
        assert float(m.group(1)) in {f["scores"][0]["gap"], f["scores"][0]["backed_gap"]}, m.group(0)


# -- the assessment year ---------------------------------------------------------------------------


def test_year_check_names_the_year_the_evidence_belongs_to(ws: Workspace) -> None:
    days = [dt.date(2024, m, 10) for m in range(1, 13)] + [dt.date(2025, 1, 15), dt.date(2026, 2, 1)]
    check = year_check(ws, days)  # ws is set up for 2024: all is well
    assert not check.warns and check.message == ""
    raw = (ws.root / "archivist.toml").read_text(encoding="utf-8")
    (ws.root / "archivist.toml").write_text(
        raw.replace("year = 2024", "year = 2026").replace("2024-12-31", "2026-12-31"), encoding="utf-8")
    moved = Workspace(ws.root)
    assert moved.config.year == 2026
    check = year_check(moved, days)
    assert check.warns and check.likely_year == 2024 and check.in_year == 1
    assert "2026年" in check.message and "可能应为2024年" in check.message
    assert year_check(moved, days[:3]).message == ""  # too few dated files to say anything


@pytest.fixture(scope="module")
def wrong_year(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, Cli]:
    ws, _ = sample_workspace(tmp_path_factory, "wrong-year")
    toml = ws.root / "archivist.toml"
    raw = toml.read_text(encoding="utf-8")
    assert "year = 2024" in raw
    toml.write_text(re.sub(r"2024-12-31", "2026-12-31", raw.replace("year = 2024", "year = 2026")), encoding="utf-8")
    ws = Workspace(ws.root)
    assert ws.config.year == 2026
    return ws, Cli(ws)


def test_wrong_year_is_said_everywhere(wrong_year: tuple[Workspace, Cli], tmp_path: Path) -> None:
    ws, cli = wrong_year
    assert "可能应为2024年" in cli("status")
    assert "可能应为2024年" in cli("score", "list")
    assert json.loads(cli("summary", "--json"))["year_check"]["likely_year"] == 2024
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from archivist.web import create_app

    with TestClient(create_app(ws, host="127.0.0.1"), base_url="http://127.0.0.1:8000") as client:
        assert "可能应为2024年" in client.get("/").text
    for kind in REPORT_KINDS:
        out = tmp_path / f"{kind}.docx"
        cli("report", kind, "--out", str(out))
        assert "考核年度可能应为2024年" in doc_text(out), kind


def test_right_year_says_nothing(scored: tuple[Workspace, Cli, dict], tmp_path: Path) -> None:
    ws, cli, f = scored
    assert not f["year_check"]["warns"]
    assert "可能应为" not in cli("status")
    out = tmp_path / "briefing.docx"
    cli("report", "briefing", "--out", str(out))
    assert "请核实考核年度" not in doc_text(out)

