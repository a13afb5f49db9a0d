"""Correcting what recognition got wrong: `edit`, `assign --note`, audit from → to, kept over re-extraction."""

from __future__ import annotations

import json
from pathlib import Path

from fixtures_gen import make_docx

from archivist.catalogue import Catalogue


def ingest_notice(cli, tmp_path: Path) -> dict:
    """A toilet-renovation notice whose 落款 is cut off, so recognition has no unit and a wrong date."""
    src = make_docx(
        tmp_path / "来件" / "改厕通知.docx",
        "关于开展农村户厕改造验收工作的通知",
        ["各村：", "为巩固农村厕所革命成果，现就户厕改造验收工作通知如下。", "请于2024年11月30日前完成验收。"],
    )
    [record] = cli.json("ingest", str(src))
    assert record["status"] in ("filed", "unsorted")
    return record


def audit_of(ws, evidence_id: str, action: str) -> list[dict]:
    catalogue = Catalogue(ws.catalogue_path)
    try:
        return [json.loads(e["detail"]) | {"actor": e["actor"]} for e in catalogue.audit_entries(evidence_id)
                if e["action"] == action]
    finally:
        catalogue.close()


def test_edit_changes_the_record_renames_the_file_and_audits_from_to_who_and_why(cli, ws, tmp_path):
    record = ingest_notice(cli, tmp_path)
    out = cli("edit", record["id"], "--unit", "河西镇人民政府", "--date", "2024年10月8日", "--number",
              "河政发〔2024〕9号", "--note", "落款页扫描缺失，按纸质件更正")
    assert "已更正 责任者" in out and "河西镇人民政府" in out
    [now] = cli.json("list")
    assert now["unit"] == "河西镇人民政府"
    assert now["doc_date"] == "2024-10-08"
    assert now["doc_number"] == "河政发〔2024〕9号"
    # the file name follows the filing template ({date}-{unit}-{title}) and the bytes moved with it
    assert Path(now["archive_path"]).name.startswith("20241008-河西镇人民政府-")
    assert (ws.root / now["archive_path"]).is_file()
    assert not (ws.root / record["archive_path"]).exists()
    [entry] = audit_of(ws, record["id"], "edited")
    assert entry["changes"]["unit"] == {"from": record["unit"], "to": "河西镇人民政府"}
    assert entry["changes"]["doc_date"]["to"] == "2024-10-08"
    assert entry["note"] == "落款页扫描缺失，按纸质件更正"
    assert entry["actor"]  # who
    assert entry["to_path"] == now["archive_path"]
    cli("verify")  # catalogue, disk and audit chain agree after the move


def test_show_lists_the_edit_and_where_each_value_came_from(cli, ws, tmp_path):
    record = ingest_notice(cli, tmp_path)
    cli("edit", record["id"], "--title", "关于开展户厕改造验收的通知", "--note", "题名按正式文件")
    out = cli("show", record["id"])
    assert "人工更正" in out and "题名按正式文件" in out
    assert "更正元数据" in out  # the history line, in Chinese
    assert "关于开展户厕改造验收的通知" in out
    assert "filed" not in out and "{" not in out and "['" not in out  # readable Chinese, no Python values
    shown = cli.json("show", record["id"])
    assert shown["edits"][0]["field"] == "title"


def test_a_re_extraction_keeps_the_users_edit(cli, ws, tmp_path):
    record = ingest_notice(cli, tmp_path)
    recognised_title = record["title"]
    cli("edit", record["id"], "--date", "2024-10-08", "--kind", "通知", "--note", "成文日期以纸质件为准")
    # what re-extraction finds on its own differs from the correction (the body has 2024-11-30 only)
    catalogue = Catalogue(ws.catalogue_path)
    try:
        with catalogue.transaction():  # simulate an older run having stored different recognised values
            catalogue.update(record["id"], title="旧版本识别的题名")
            catalogue.audit("metadata_refreshed", record["id"], {"changes": {"title": {"to": "旧版本识别的题名"}}})
    finally:
        catalogue.close()
    report = cli.json("reindex", "--metadata")
    assert report["metadata"]["checked"] == 1 and report["metadata"]["kept_edits"] == 1
    [now] = cli.json("list")
    assert now["doc_date"] == "2024-10-08"  # the user's value, not what the text says
    assert now["kind"] == "通知"
    assert now["title"] == recognised_title  # a field the user never edited is recognised afresh
    changed = report["metadata"]["changed"][record["id"]]
    assert {c["field"] for c in changed} == {"title"}


def test_edit_refuses_without_a_note_and_names_bad_dates(cli, ws, tmp_path):
    record = ingest_notice(cli, tmp_path)
    out = cli("edit", record["id"], "--unit", "河西镇人民政府", expect=2)
    assert "--note" in out
    out = cli("edit", record["id"], "--date", "2024-13-45", "--note", "试", expect=2)
    assert "2024-13-45" in out
    out = cli("edit", "nosuchid", "--title", "x", "--note", "试", expect=1)
    assert "找不到" in out
    assert audit_of(ws, record["id"], "edited") == []


def test_assign_takes_a_note_and_folds_the_code(cli, ws, tmp_path):
    record = ingest_notice(cli, tmp_path)
    cli("assign", record["id"], "c02", "--note", "属于生活垃圾治理")
    [now] = cli.json("list")
    assert now["indicator"] == "C02"
    [entry] = audit_of(ws, record["id"], "reassigned")
    assert entry["to"] == "C02" and entry["note"] == "属于生活垃圾治理"
    assert "属于生活垃圾治理" in cli("show", record["id"])
    out = cli("assign", record["id"], "Q99", expect=1)
    assert "C01" in out  # the refusal lists the valid codes


def test_assign_of_a_record_whose_file_is_gone_says_so_and_leaves_no_journal(cli, ws, tmp_path):
    record = ingest_notice(cli, tmp_path)
    (ws.root / record["archive_path"]).unlink()
    out = cli("assign", record["id"], "C02", expect=1)
    assert "不在归档位置" in out
    catalogue = Catalogue(ws.catalogue_path)
    try:
        assert catalogue.journal_entries() == []
    finally:
        catalogue.close()


def test_the_web_document_page_has_the_same_edit_form(cli, ws, tmp_path):
    import re

    import pytest

    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from archivist.web import create_app

    record = ingest_notice(cli, tmp_path)
    client = TestClient(create_app(ws, host="127.0.0.1"), base_url="http://127.0.0.1:8000")
    page = client.get(f"/doc/{record['id']}").text
    assert f'action="/doc/{record["id"]}/edit"' in page and "更正理由" in page
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', page).group(1)
    form = {"csrf_token": token, "title": record["title"], "unit": "河西镇人民政府", "doc_date": "2024-10-08",
            "doc_number": "", "kind": record["kind"] or "", "note": "网页更正：按纸质件"}
    refused = client.post(f"/doc/{record['id']}/edit", data=form | {"note": ""}, follow_redirects=False)
    assert refused.status_code == 303 and audit_of(ws, record["id"], "edited") == []
    done = client.post(f"/doc/{record['id']}/edit", data=form, follow_redirects=False)
    assert done.status_code == 303
    [now] = cli.json("list")
    assert now["unit"] == "河西镇人民政府" and now["doc_date"] == "2024-10-08"
    [entry] = audit_of(ws, record["id"], "edited")
    assert entry["note"] == "网页更正：按纸质件" and set(entry["changes"]) == {"unit", "doc_date"}
    shown = client.get(f"/doc/{record['id']}").text
    assert "河西镇人民政府" in shown and "理由：网页更正：按纸质件" in shown


def test_a_crash_between_the_rename_and_the_commit_is_rolled_back(cli, ws, tmp_path, monkeypatch):
    import pytest

    from archivist.intake import assign as assign_module
    from archivist.intake import edits
    from archivist.intake.pipeline import recover

    record = ingest_notice(cli, tmp_path)
    fired = []
    real_move = assign_module.filing.move_durably

    def move_then_crash(source, dest):
        real_move(source, dest)
        fired.append(dest)
        raise RuntimeError("power cut after the rename")

    monkeypatch.setattr(assign_module.filing, "move_durably", move_then_crash)
    catalogue = Catalogue(ws.catalogue_path)
    try:
        with pytest.raises(RuntimeError):
            edits.edit(ws, catalogue, record["id"], {"unit": "河西镇人民政府"}, "断电测试")
        assert fired and fired[0].is_file()  # the fault fired after the file was renamed
        assert [j["stage"] for j in catalogue.journal_entries()] == ["moving"]
        monkeypatch.setattr(assign_module.filing, "move_durably", real_move)
        done = recover(ws, catalogue)
        assert any("回滚" in line for line in done)
        assert catalogue.journal_entries() == []
        assert edits.overrides(catalogue, record["id"]) == []
        assert (catalogue.get(record["id"]) or {})["unit"] == record["unit"]
    finally:
        catalogue.close()
    assert (ws.root / record["archive_path"]).is_file() and not fired[0].exists()
    cli("verify")
