"""The findings where the office sees them: the 情况通报's internal section and the dashboard panel,
each with an explained finding counted apart — and the explanation itself in the audit log."""

from __future__ import annotations

import json
from pathlib import Path

from tests.authenticity_gen import resident_id, reused, save_photo, scene
from tests.fixtures_gen import make_docx, make_xlsx

SECTION = "材料真实性核查情况（内部掌握）"


def _archive_with_findings(cli, tmp_path: Path) -> dict:
    """A roster with a 身份证号 and one station photo offered for two villages; the reuse explained."""
    inbox = tmp_path / "来件"
    make_xlsx(inbox / "县人社局" / "公益岗人员花名册.xlsx", {"S": [["姓名", "身份证号"], ["王某某", resident_id()]]})
    make_docx(inbox / "县农业农村局" / "农村户厕改造工作总结.docx", "农村户厕改造工作总结",
              ["全县完成农村户厕改造1200户，验收合格率100%。", "县农业农村局", "2024年11月6日"])
    station = scene(13, 1)
    save_photo(inbox / "河口镇" / "东岭村垃圾站.jpg", station, "2024-05-12 09:30:00", "东岭村垃圾站")
    save_photo(inbox / "青山镇" / "西坪村垃圾站.jpg", reused(station, 4), "2024-08-03 15:10:00", "西坪村垃圾站")
    cli("ingest", str(inbox))
    findings = cli.json("check")
    reuse = next(f for f in findings if f["kind"] == "photo_reuse")
    cli("check", "--explain", reuse["id"], "--note", "同一垃圾站，不同日期")
    return reuse


def test_briefing_has_the_internal_authenticity_section(cli, tmp_path: Path) -> None:
    from docx import Document

    _archive_with_findings(cli, tmp_path)
    out = tmp_path / "out" / "情况通报.docx"
    cli("report", "briefing", "--out", str(out))
    paragraphs = [p.text for p in Document(str(out)).paragraphs]
    heading = next(i for i, text in enumerate(paragraphs) if SECTION in text)
    body = paragraphs[heading + 1]
    assert "个人信息未脱敏1处待核实（其中高风险1处）" in body
    assert "照片重复使用1处均已说明" in body  # explained: counted apart, not as a risk
    assert "逐条核实" in body


def test_briefing_without_a_check_has_no_such_section(cli, tmp_path: Path) -> None:
    from docx import Document

    inbox = tmp_path / "来件"
    make_docx(inbox / "县农业农村局" / "农村户厕改造工作总结.docx", "农村户厕改造工作总结",
              ["全县完成农村户厕改造1200户。", "县农业农村局", "2024年11月6日"])
    cli("ingest", str(inbox))
    out = tmp_path / "情况通报.docx"
    cli("report", "briefing", "--out", str(out))
    assert not any(SECTION in p.text for p in Document(str(out)).paragraphs)


def test_dashboard_panel_lists_open_findings_and_the_explained_count(cli, tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from archivist.web import create_app

    _archive_with_findings(cli, tmp_path)
    client = TestClient(create_app(cli.ws, host="127.0.0.1"), base_url="http://127.0.0.1:8000")
    page = client.get("/").text
    panel = page.split('id="authenticity"', 1)[1].split("</section>", 1)[0]
    assert "个人信息未脱敏1处待核实" in panel and "身份证号 1 个" in panel  # the open one, with its detail
    assert "照片重复使用1处均已说明" in panel


def test_explaining_a_finding_is_audited_with_the_reason(cli, tmp_path: Path) -> None:
    from archivist.catalogue import Catalogue

    reuse = _archive_with_findings(cli, tmp_path)
    again = next(f for f in cli.json("check") if f["id"] == reuse["id"])
    assert again["explained"] is True and again["note"] == "同一垃圾站，不同日期"  # survives a re-run
    catalogue = Catalogue(cli.ws.catalogue_path)
    try:
        marks = [e for e in catalogue.audit_entries() if e["action"] == "finding_explained"]
    finally:
        catalogue.close()
    assert len(marks) == 1
    detail = json.loads(marks[0]["detail"]) if isinstance(marks[0]["detail"], str) else marks[0]["detail"]
    assert detail["note"] == "同一垃圾站，不同日期" and detail["finding"] == reuse["id"]
