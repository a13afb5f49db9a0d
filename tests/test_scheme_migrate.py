"""Next year: `scheme diff` between two consecutive years' schemes and `scheme migrate` on a filled archive —
files move to their new codes (audited), files without a new home go to 待分类 with the reason, and last
year's archive stays intact and readable in 往年档案/."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest
from fixtures_gen import make_docx
from scheme_fixtures import kaohe_xlsx
from typer.testing import CliRunner

from archivist.catalogue import Catalogue
from archivist.cli import app
from archivist.workspace import Workspace

# (file name, title, body, the 2024 code it is filed under)
DOCS = [
    ("户厕改造验收报告.docx", "关于2024年农村户厕改造验收情况的报告",
     "全县完成户厕改造1200户，问题摸排整改台账已建立。", "B01"),
    ("垃圾收运台账.docx", "2024年农村生活垃圾收运处置台账", "各村生活垃圾收运处置情况和保洁员聘用花名册。", "B02"),
    ("污水设施运行.docx", "农村生活污水处理设施运行记录", "生活污水治理项目清单和处理设施运行记录。", "B03"),
    ("秸秆禁烧.docx", "2024年秸秆禁烧巡查记录", "秸秆综合利用台账和禁烧巡查记录。", "B05"),
    ("驻村考勤.docx", "驻村第一书记考勤和工作日志", "驻村第一书记和工作队在岗履职考勤、工作日志。", "C02"),
    ("消费帮扶.docx", "2024年定点帮扶和消费帮扶统计", "定点帮扶单位年度计划和总结，消费帮扶产品采购统计。", "C02"),
    ("播种面积.docx", "2024年粮食播种面积统计表", "全县粮食播种面积和产量调查报告。", "A01"),
]


def run(ws: Workspace, *args: str, expect: int = 0):
    result = CliRunner().invoke(app, ["-w", str(ws.root), *args])
    assert result.exit_code == expect, f"exit {result.exit_code}: {result.output}\n{result.exception!r}"
    return result


def as_json(ws: Workspace, *args: str, expect: int = 0):
    return json.loads(run(ws, *args, "--json", expect=expect).stdout)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def filled(ws: Workspace, tmp_path: Path) -> tuple[Workspace, dict[str, dict]]:
    """A workspace on the 2024 scheme with a few documents filed under known codes (assign fixes any guess)."""
    run(ws, "scheme", "import", str(kaohe_xlsx(tmp_path / "细则2024.xlsx")))
    inbox = tmp_path / "来件"
    for name, title, body, _ in DOCS:
        make_docx(inbox / name, title, [body])
    records = {r["original_name"]: r for r in as_json(ws, "ingest", str(inbox))}
    for name, _, _, code in DOCS:
        if records[name]["indicator"] != code:
            run(ws, "assign", records[name]["id"], code)
    listed = {r["original_name"]: r for r in as_json(ws, "list")}
    assert {n: listed[n]["indicator"] for n, *_ in DOCS} == {n: c for n, _, _, c in DOCS}
    return ws, listed


def test_diff_names_renamed_merged_split_new_removed_and_points(ws: Workspace, tmp_path: Path) -> None:
    run(ws, "scheme", "import", str(kaohe_xlsx(tmp_path / "细则2024.xlsx")))
    run(ws, "scheme", "import", str(kaohe_xlsx(tmp_path / "细则2025.xlsx", year=2025)), "--no-use")
    diff = as_json(ws, "scheme", "diff", "kaohe-2024", "kaohe-2025")
    kinds = {(c["kind"], tuple(c["old"]), tuple(c["new"])) for c in diff["changes"]}
    assert ("renamed", ("A01",), ("A01",)) in kinds  # 粮食播种面积和产量 → 粮食生产和播种面积
    assert ("merged", ("B02", "B03"), ("B02",)) in kinds  # 垃圾 + 污水 → 垃圾和污水
    assert ("split", ("C02",), ("C02", "C03")) in kinds  # 驻村帮扶 → 第一书记管理 + 定点和消费帮扶
    assert ("removed", ("B05",), ()) in kinds  # 秸秆综合利用
    assert ("new", (), ("B04",)) in kinds  # 数字乡村和农村电商
    assert ("recoded", ("B04",), ("B03",)) in kinds  # 化肥农药减量增效 keeps its name, changes its code
    points = {tuple(c["old"]): c["points"] for c in diff["changes"] if c["points"]}
    assert points[("A02",)] == [6, 5] and points[("A04",)] == [8, 9]
    assert diff["mapping"]["B05"] == [] and diff["mapping"]["C02"] == ["C02", "C03"]
    table = run(ws, "scheme", "diff", "kaohe-2024", "kaohe-2025").stdout
    assert "合并" in table and "拆分" in table and "删除" in table and "6 → 5" in table


def test_migrate_moves_files_to_new_codes_and_keeps_last_year(filled, tmp_path: Path) -> None:
    ws, before = filled
    # the 2025 scheme is stored but not switched to: evidence is filed under 2024's codes
    imported = as_json(ws, "scheme", "import", str(kaohe_xlsx(tmp_path / "细则2025.xlsx", year=2025)))
    assert imported["stored"] and not imported["active"]
    assert "scheme migrate kaohe-2024 kaohe-2025" in imported["notes_for_user"][0]
    old_bytes = {n: sha(ws.root / r["archive_path"]) for n, r in before.items()}

    run(ws, "scheme", "migrate", "kaohe-2024", "kaohe-2025", expect=2)  # not without --yes
    report = as_json(ws, "scheme", "migrate", "kaohe-2024", "kaohe-2025", "--yes")
    moved = {m["name"]: m for m in report["moved"]}
    assert {n: m["new_code"] for n, m in moved.items()} == {
        "户厕改造验收报告.docx": "B01", "垃圾收运台账.docx": "B02", "污水设施运行.docx": "B02",
        "驻村考勤.docx": "C02", "消费帮扶.docx": "C03", "播种面积.docx": "A01"}
    assert [m["name"] for m in report["unsorted"]] == ["秸秆禁烧.docx"]

    after = {r["original_name"]: r for r in as_json(ws, "list")}
    assert after["污水设施运行.docx"]["archive_path"].startswith(
        "archive/B-生态振兴/B02-农村生活垃圾和生活污水治理/")
    assert after["消费帮扶.docx"]["archive_path"].startswith("archive/C-组织振兴/C03-定点帮扶和消费帮扶/")
    for name, record in after.items():
        assert sha(ws.root / record["archive_path"]) == old_bytes[name]  # same bytes, new place
        if record["archive_path"] != before[name]["archive_path"]:
            assert not (ws.root / before[name]["archive_path"]).exists()
    straw = after["秸秆禁烧.docx"]
    assert straw["status"] == "unsorted" and straw["indicator"] is None
    assert straw["archive_path"].startswith("archive/_待分类/")
    assert "B05" in straw["reason"] and "秸秆综合利用" in straw["reason"]
    # each move is in the audit log with where it came from and where it went
    catalogue = Catalogue(ws.root / "index" / "catalogue.sqlite3")
    try:
        entries = [e for e in catalogue.audit_entries(after["污水设施运行.docx"]["id"])
                   if e["action"] == "scheme_migrated"]
        assert catalogue.verify_audit() == []
    finally:
        catalogue.close()
    detail = json.loads(entries[0]["detail"])
    assert (detail["from"], detail["to"]) == ("B03", "B02")
    assert detail["from_path"] == before["污水设施运行.docx"]["archive_path"]

    # the workspace now runs on 2025; status uses the new codes
    ws = Workspace(ws.root)
    assert ws.config.frameworks[0] == "kaohe-2025"
    status = {s["code"]: s for s in as_json(ws, "status")}
    assert status["B02"]["evidence_count"] == 2 and status["C03"]["evidence_count"] == 1

    # last year's archive, intact and readable without archivist
    snapshot = ws.root / report["snapshot"]
    manifest = json.loads((snapshot / "manifest.json").read_text(encoding="utf-8"))
    frozen = {f["path"]: f for f in manifest["files"]}
    for name, record in before.items():
        path = snapshot / record["archive_path"]
        assert sha(path) == old_bytes[name] and frozen[record["archive_path"]]["indicator"] == record["indicator"]
    with open(snapshot / "目录.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["指标代码"] for r in rows} >= {"B05", "C02"} and (snapshot / "kaohe-2024.toml").is_file()
    assert as_json(ws, "scheme", "show", "kaohe-2024")["indicators"][0]["code"] == "A01"
    assert run(ws, "verify").exit_code == 0

    # running it again does nothing twice
    result = run(ws, "scheme", "migrate", "kaohe-2024", "kaohe-2025", "--yes", expect=1)
    assert "已" in result.stderr and "迁移完毕" in result.stderr


def test_map_overrides_the_automatic_pairing(filled, tmp_path: Path) -> None:
    ws, _ = filled
    run(ws, "scheme", "import", str(kaohe_xlsx(tmp_path / "细则2025.xlsx", year=2025)), "--no-use")
    report = as_json(ws, "scheme", "migrate", "kaohe-2024", "kaohe-2025", "--yes", "--map", "B05=B03")
    assert {m["name"]: m["new_code"] for m in report["moved"]}["秸秆禁烧.docx"] == "B03"
    assert report["unsorted"] == []


def test_an_interrupted_migration_is_finished_by_running_it_again(filled, tmp_path: Path, monkeypatch) -> None:
    from archivist.intake import filing
    from archivist.scheme import migrate as migrate_module
    from archivist.scheme.diff import diff_schemes
    from archivist.scheme.store import load_scheme

    ws, before = filled
    run(ws, "scheme", "import", str(kaohe_xlsx(tmp_path / "细则2025.xlsx", year=2025)), "--no-use")
    real_move, calls = filing.move_durably, []

    def failing_move(source: Path, dest: Path) -> None:
        calls.append(dest)
        if len(calls) == 3:
            raise OSError(28, "No space left on device", str(dest))
        real_move(source, dest)

    monkeypatch.setattr(migrate_module.filing, "move_durably", failing_move)
    ws = Workspace(ws.root)
    catalogue = Catalogue(ws.catalogue_path)
    try:
        with pytest.raises(OSError):
            migrate_module.migrate(ws, catalogue, diff_schemes(load_scheme(ws, "kaohe-2024"),
                                                               load_scheme(ws, "kaohe-2025")))
    finally:
        catalogue.close()
    assert len(calls) == 3  # the fault fired on the third move
    catalogue = Catalogue(ws.catalogue_path)
    try:
        first = {r[0] for r in catalogue.db.execute("SELECT evidence_id FROM scheme_migrations")}
    finally:
        catalogue.close()
    assert 0 < len(first) < len(DOCS)
    monkeypatch.setattr(migrate_module.filing, "move_durably", real_move)
    report = as_json(ws, "scheme", "migrate", "kaohe-2024", "kaohe-2025", "--yes")
    second = {m["evidence_id"] for m in report["moved"] + report["unsorted"]}
    assert not first & second and len(first | second) == len(DOCS)  # the rest, and only the rest
    after = {r["original_name"]: r for r in as_json(ws, "list")}
    assert after["秸秆禁烧.docx"]["status"] == "unsorted"
    assert {after[n]["indicator"] for n in ("污水设施运行.docx", "垃圾收运台账.docx")} == {"B02"}
    for record in after.values():
        assert (ws.root / record["archive_path"]).is_file()
    catalogue = Catalogue(ws.catalogue_path)
    try:
        moves = catalogue.db.execute("SELECT evidence_id, COUNT(*) FROM scheme_migrations GROUP BY evidence_id")
        assert all(n == 1 for _, n in moves)  # nothing moved twice
        assert catalogue.journal_entries() == []
    finally:
        catalogue.close()
    assert run(ws, "verify").exit_code == 0


def test_reimporting_a_scheme_in_use_must_keep_the_codes_evidence_is_filed_under(filled, tmp_path: Path) -> None:
    ws, _ = filled
    changed = kaohe_xlsx(tmp_path / "细则2024改.xlsx", year=2025)  # B05 is gone, filed evidence uses it
    result = run(ws, "scheme", "import", str(changed), "--id", "kaohe-2024", expect=1)
    assert "B05" in result.stderr and "scheme migrate kaohe-2024" in result.stderr
    kept = {i["code"]: i["name"] for i in as_json(ws, "scheme", "show", "kaohe-2024")["indicators"]}
    assert kept["B03"] == "农村生活污水治理" and kept["B05"] == "秸秆综合利用"  # the stored scheme is unchanged


def test_reports_run_on_a_three_level_scheme(filled, tmp_path: Path) -> None:
    from docx import Document

    ws, _ = filled
    out = tmp_path / "out" / "自评报告.docx"
    run(ws, "report", "self-eval", "--out", str(out))
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "农村厕所革命" in text and "驻村帮扶" in text
    catalogue_out = tmp_path / "out" / "归档文件目录.docx"
    run(ws, "report", "catalogue", "--out", str(catalogue_out))
    assert catalogue_out.is_file() and catalogue_out.with_suffix(".xlsx").is_file()
