"""The 方案 web page: the imported scheme's tree with points and items, and an audited edit of an
indicator's evidence items and lead unit that the rest of archivist then uses."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("multipart")

from scheme_fixtures import kaohe_xlsx  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from archivist.catalogue import Catalogue  # noqa: E402
from archivist.cli import app as cli_app  # noqa: E402
from archivist.web import create_app  # noqa: E402
from archivist.workspace import Workspace  # noqa: E402


@pytest.fixture()
def site(ws: Workspace, tmp_path: Path) -> TestClient:
    result = CliRunner().invoke(cli_app, ["-w", str(ws.root), "scheme", "import",
                                          str(kaohe_xlsx(tmp_path / "细则2024.xlsx"))])
    assert result.exit_code == 0, result.output
    return TestClient(create_app(Workspace(ws.root), host="127.0.0.1"), base_url="http://127.0.0.1:8000")


def csrf(client: TestClient, page: str) -> str:
    match = re.search(r'<meta name="csrf-token" content="([^"]+)"', client.get(page).text)
    assert match
    return match.group(1)


def test_scheme_page_shows_levels_points_and_items(site: TestClient) -> None:
    page = site.get("/scheme")
    assert page.status_code == 200
    html = page.text
    assert "kaohe-2024" in html and "3 级" in html
    assert "A1 粮食安全" in html and "12 分" in html  # a 二级指标 with its points
    assert "农村户厕改造实施方案" in html and "最多扣5分" in html
    builtin = site.get("/scheme/shiji-kaohe").text
    assert "内置方案只能查看" in builtin and 'action="/scheme/shiji-kaohe/' not in builtin
    assert site.get("/scheme/nope").status_code == 404


def test_editing_evidence_items_and_lead_unit_is_saved_and_audited(site: TestClient, ws: Workspace) -> None:
    token = csrf(site, "/scheme/kaohe-2024")
    response = site.post("/scheme/kaohe-2024/B01", follow_redirects=False, data={
        "csrf_token": token, "evidence": "农村户厕改造实施方案\n改厕验收报告\n\n户厕问题整改销号台账\n",
        "lead_unit": "乡村振兴局"})
    assert response.status_code == 303
    stored = tomllib.loads((ws.root / "frameworks" / "kaohe-2024.toml").read_text(encoding="utf-8"))
    b01 = next(i for c in stored["category"] for i in c["indicator"] if i["code"] == "B01")
    assert b01["evidence"] == ["农村户厕改造实施方案", "改厕验收报告", "户厕问题整改销号台账"]
    assert b01["lead_unit"] == "乡村振兴局"
    assert b01["path"] == ["生态振兴", "人居环境整治", "农村厕所革命"]  # the rest of the entry is kept
    assert stored["framework"]["levels"] == 3
    catalogue = Catalogue(ws.catalogue_path)
    try:
        entry = [e for e in catalogue.audit_entries() if e["action"] == "scheme_edited"][-1]
    finally:
        catalogue.close()
    detail = json.loads(entry["detail"])
    assert detail["code"] == "B01" and detail["lead_unit"] == {"from": "农业农村局", "to": "乡村振兴局"}
    assert "户厕问题整改销号台账" in site.get("/scheme/kaohe-2024").text
    status = json.loads(CliRunner().invoke(cli_app, ["-w", str(ws.root), "status", "--json"]).stdout)
    assert next(s for s in status if s["code"] == "B01")["lead_unit"] == "乡村振兴局"


def test_an_empty_item_list_or_a_forged_form_is_refused(site: TestClient, ws: Workspace) -> None:
    before = (ws.root / "frameworks" / "kaohe-2024.toml").read_bytes()
    token = csrf(site, "/scheme/kaohe-2024")
    page = site.post("/scheme/kaohe-2024/B01", data={"csrf_token": token, "evidence": "\n \n", "lead_unit": "x"})
    assert "佐证材料不能为空" in page.text  # the flash on the page the form returns to
    forged = site.post("/scheme/kaohe-2024/B01", data={"csrf_token": "wrong", "evidence": "a", "lead_unit": "b"},
                       follow_redirects=False)
    assert forged.status_code == 403
    assert (ws.root / "frameworks" / "kaohe-2024.toml").read_bytes() == before
