"""`archivist city …` over real county workspaces: each county's own figures, read without touching it.

Three counties are built by ingesting generated files (one also runs `check`, so it has a finding);
the city's JSON is compared with what each county's own `summary`, `status` and `check` say, the
通报 is read back with python-docx, and the counties' files are hashed before and after.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from archivist.cli import app
from archivist.workspace import Workspace, init_workspace
from tests.authenticity_gen import resident_id
from tests.fixtures_gen import make_docx, make_xlsx

TODAY = "2025-01-05"
COUNTIES = {
    "青山县": [("河口镇/河口镇2024年农村户厕改造验收台账.xlsx", "xlsx"),
               ("县农业农村局/关于开展农村人居环境整治的通知.docx", "docx")],
    "河口县": [("县乡村振兴局/2024年防返贫动态监测帮扶工作总结.docx", "docx")],
    "松林县": [],
}


def run(*args: str, expect: int = 0) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == expect, f"exit {result.exit_code}: {result.output}\n{result.exception!r}"
    return result.stdout


def run_json(*args: str) -> object:
    return json.loads(run(*args, "--json"))


def _make(path: Path, kind: str, county: str) -> None:
    title = path.stem
    if kind == "xlsx":
        make_xlsx(path, {"台账": [[f"{county}{title}"], ["村名", "户数", "已改造", "验收合格"],
                                 ["石桥村", 120, 118, 118], ["合计", 120, 118, 118]]})
    else:
        make_docx(path, f"{county}{title}", [f"{county}认真贯彻落实省市部署，{title}各项工作有序推进。",
                                             f"{county}人民政府", "2024年6月3日"])


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("city")
    for county, files in COUNTIES.items():
        ws = init_workspace(base / county, county=county, inspection_date="2025-01-20", year=2024)
        inbox = base / f"{county}-来件"
        inbox.mkdir()
        for name, kind in files:
            _make(inbox / name, kind, county)
        if county == "青山县":  # a roster exposing a person's ID number: `check` finds personal data
            make_xlsx(inbox / "县人社局" / "公益岗人员花名册.xlsx",
                      {"花名册": [["姓名", "身份证号", "联系电话"], ["王某某", resident_id(), "13912345678"]]})
        if files:
            run("-w", str(ws.root), "ingest", str(inbox))
        if county == "青山县":
            run("-w", str(ws.root), "check")
    run("city", "init", str(base / "云江市"), "--name", "云江市",
        *[f"--county={c}={base / c}" for c in COUNTIES])
    return base


def _fingerprint(folder: Path) -> dict[str, str]:
    """Every file of a county's data by content: its settings, archive and catalogue. Left out: what any
    reader may write (SQLite's side files, the derived caches under index/cache/ that `status` refreshes
    too) and the lock file this test's stand-in writer holds."""
    def kept(p: Path) -> bool:
        rel = p.relative_to(folder).as_posix()
        return (p.is_file() and not p.name.endswith(("-wal", "-shm")) and not rel.startswith("index/cache/")
                and p.name != ".writer.lock")

    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if kept(p)}


def test_city_status_is_each_countys_own_summary(city: Path) -> None:
    view = run_json("city", "status", "-c", str(city / "云江市"), "--date", TODAY)
    assert view["city"] == "云江市" and [c["county"] for c in view["counties"]] == list(COUNTIES)
    for entry in view["counties"]:
        own = run_json("-w", str(city / entry["county"]), "summary", "--date", TODAY)
        assert entry["ok"] is True
        for key in ("filed", "received", "indicators", "complete", "partial", "missing", "problems_open", "days_left"):
            assert entry[key] == own[key], (entry["county"], key)
    assert view["totals"]["filed"] == sum(c["filed"] for c in view["counties"]) == 4
    assert view["ranking"][0] == "青山县" and view["ranking"][-1] == "松林县"  # most material first on a tie


def test_city_gaps_are_each_countys_incomplete_indicators(city: Path) -> None:
    gaps = {g["county"]: g["gaps"] for g in run_json("city", "gaps", "-c", str(city / "云江市"), "--date", TODAY)}
    for county in COUNTIES:
        status = run_json("-w", str(city / county), "status")
        expected = {s["code"]: s["missing"] for s in status if s["state"] != "complete"}
        assert {g["code"]: g["missing"] for g in gaps[county]} == expected
        assert all(g["lead_unit"] == next(s["lead_unit"] for s in status if s["code"] == g["code"])
                   for g in gaps[county])


def test_city_findings_are_the_last_check_of_each_county(city: Path) -> None:
    found = {f["county"]: f for f in run_json("city", "findings", "-c", str(city / "云江市"), "--date", TODAY)}
    own = [f for f in run_json("-w", str(city / "青山县"), "check") if not f["explained"]]
    assert own and found["青山县"]["open"] == len(own)
    assert {k["kind"] for k in found["青山县"]["kinds"]} == {f["kind"] for f in own}
    assert found["河口县"]["open"] == 0 and found["松林县"]["open"] == 0


def test_the_report_names_every_county_with_its_numbers(city: Path, tmp_path: Path) -> None:
    out = tmp_path / "全市推进情况通报.docx"
    run("city", "report", "-c", str(city / "云江市"), "--out", str(out), "--date", TODAY)
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    rows = {r.cells[0].text: [c.text for c in r.cells] for t in document.tables for r in t.rows}
    assert "云江市" in text
    for county in COUNTIES:
        own = run_json("-w", str(city / county), "summary", "--date", TODAY)
        assert f"{county}：已归档材料{own['filed']}件" in text
        assert rows[county][1] == str(own["filed"])
        assert rows[county][2] == f"{own['complete']}/{own['indicators']}"


def test_a_broken_county_is_one_line_and_the_others_still_report(city: Path, tmp_path: Path) -> None:
    root = tmp_path / "市"
    run("city", "init", str(root), "--name", "云江市", f"--county=青山县={city / '青山县'}",
        f"--county=白云县={tmp_path / '不存在'}", f"--county=错名县={city / '河口县'}")
    result = CliRunner().invoke(app, ["city", "status", "-c", str(root), "--json"])
    assert result.exit_code == 0
    view = json.loads(result.stdout)
    by = {c["county"]: c for c in view["counties"]}
    assert by["青山县"]["ok"] and by["青山县"]["filed"] == 3
    assert not by["白云县"]["ok"] and "city.toml" in by["白云县"]["problem"]
    assert not by["错名县"]["ok"] and "河口县" in by["错名县"]["problem"]
    assert [line for line in result.stderr.splitlines() if "白云县" in line]
    assert view["ranking"] == ["青山县"]


def test_the_view_writes_nothing_into_a_county_and_ignores_its_writer(city: Path, monkeypatch: pytest.MonkeyPatch
                                                                      ) -> None:
    monkeypatch.setenv("ARCHIVIST_LOCK_TIMEOUT", "1")  # were the view to take a county's lock, it would fail
    before = {c: _fingerprint(city / c) for c in COUNTIES}
    busy = Workspace(city / "青山县")
    with busy.writer_lock(what="ingest"):  # a county's ingest is running
        view = run_json("city", "status", "-c", str(city / "云江市"), "--date", TODAY)
        run("city", "report", "-c", str(city / "云江市"), "--out", str(city / "通报.docx"), "--date", TODAY)
    assert all(c["ok"] for c in view["counties"])
    after = {c: _fingerprint(city / c) for c in COUNTIES}
    changed = {c: sorted(k for k in after[c].keys() | before[c].keys() if after[c].get(k) != before[c].get(k))
               for c in COUNTIES}
    assert changed == {c: [] for c in COUNTIES}
    assert any(k.startswith("archive/") for k in before["青山县"]) and "index/catalogue.sqlite3" in before["青山县"]


def test_city_toml_mistakes_are_one_chinese_line(city: Path, tmp_path: Path) -> None:
    assert "县名=工作区目录" in CliRunner().invoke(app, ["city", "init", str(tmp_path / "a"), "--name", "云江市",
                                                         "--county", "青山县"]).output
    root = tmp_path / "b"
    run("city", "init", str(root), "--name", "云江市", f"--county=青山县={city / '青山县'}")
    again = CliRunner().invoke(app, ["city", "add", str(root), "青山县", str(city / "青山县")])
    assert again.exit_code == 1 and "已有 青山县" in again.output
    run("city", "add", str(root), "河口县", str(city / "河口县"))
    assert [c["county"] for c in run_json("city", "status", "-c", str(root))["counties"]] == ["青山县", "河口县"]
    missing = CliRunner().invoke(app, ["city", "status", "-c", str(tmp_path / "无")])
    assert missing.exit_code == 1 and "city init" in missing.output


def test_an_unchanged_county_is_not_computed_again_and_a_changed_one_is(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import archivist.assess.summary as summary_module

    for county in ("青山县", "河口县"):
        init_workspace(tmp_path / county, county=county, inspection_date="2025-01-20", year=2024)
        _make(tmp_path / f"{county}.docx", "docx", county)
        run("-w", str(tmp_path / county), "ingest", str(tmp_path / f"{county}.docx"))
    run("city", "init", str(tmp_path / "市"), "--name", "云江市",
        *[f"--county={c}={tmp_path / c}" for c in ("青山县", "河口县")])
    first = run_json("city", "status", "-c", str(tmp_path / "市"), "--date", TODAY)

    computed: list[str] = []

    def refuse(ws, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003 - stands in for compute_summary
        computed.append(ws.config.county)
        raise RuntimeError("computed again")

    monkeypatch.setattr(summary_module, "compute_summary", refuse)
    again = run_json("city", "status", "-c", str(tmp_path / "市"), "--date", TODAY)
    assert computed == [] and [c["filed"] for c in again["counties"]] == [c["filed"] for c in first["counties"]]
    later = run_json("city", "status", "-c", str(tmp_path / "市"), "--date", "2025-01-10")  # another day
    assert computed == []
    assert [c["days_left"] for c in later["counties"]] == [c["days_left"] - 5 for c in first["counties"]]

    _make(tmp_path / "河口县-补充.docx", "docx", "河口县")
    monkeypatch.undo()
    run("-w", str(tmp_path / "河口县"), "ingest", str(tmp_path / "河口县-补充.docx"))
    monkeypatch.setattr(summary_module, "compute_summary", refuse)
    changed = run_json("city", "status", "-c", str(tmp_path / "市"), "--date", TODAY)
    assert computed == ["河口县"]  # only the county that changed was read again (and the fault fired)
    by = {c["county"]: c for c in changed["counties"]}
    assert by["青山县"]["ok"] and not by["河口县"]["ok"] and "computed again" in by["河口县"]["problem"]
    monkeypatch.undo()
    latest = run_json("city", "status", "-c", str(tmp_path / "市"), "--date", TODAY)
    fresh = {c["county"]: c for c in latest["counties"]}
    assert fresh["河口县"]["received"] == by["青山县"]["received"] + 1


def test_a_county_on_postgresql_beside_one_on_sqlite(catalogue_ws: Workspace, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Whichever catalogue a county uses, the city reads its own figures, and sees a change to it."""
    _make(tmp_path / "一.docx", "docx", "青山县")
    run("-w", str(catalogue_ws.root), "ingest", str(tmp_path / "一.docx"))
    run("city", "init", str(tmp_path / "市"), "--name", "云江市", f"--county=青山县={catalogue_ws.root}")
    first = run_json("city", "status", "-c", str(tmp_path / "市"), "--date", TODAY)["counties"][0]
    own = run_json("-w", str(catalogue_ws.root), "summary", "--date", TODAY)
    assert first["ok"] and first["received"] == own["received"] == 1 and first["missing"] == own["missing"]
    _make(tmp_path / "二.docx", "docx", "青山县")
    run("-w", str(catalogue_ws.root), "ingest", str(tmp_path / "二.docx"))
    again = run_json("city", "status", "-c", str(tmp_path / "市"), "--date", TODAY)["counties"][0]
    assert again["received"] == 2  # the cache saw the county's catalogue change
