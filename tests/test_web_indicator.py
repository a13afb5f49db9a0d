"""The indicator page: each required item with its coverage, and the 查漏补缺 marks made on it —
remembered, audited under the person who made them, the same in `archivist status --json`, and
refused to those who may not mark."""

from __future__ import annotations

import json
import re

import pytest

pytest.importorskip("starlette")

from fixtures_gen import insert_record  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from archivist.catalogue import Catalogue  # noqa: E402
from archivist.team.users import add_user  # noqa: E402
from archivist.web import create_app  # noqa: E402
from archivist.workspace import Workspace  # noqa: E402

BASE = "http://127.0.0.1:8000"
ITEM2 = "问题厕所排查整改台账"
ITEM5 = "粪污处理设施运行记录"


def csrf_of(html: str) -> str:
    match = re.search(r'<meta name="csrf-token" content="([^"]+)"', html)
    assert match, html[:300]
    return match.group(1)


def item_html(html: str, n: int) -> str:
    match = re.search(rf'<li id="item-{n}".*?</li>\s*(?=<li id="item-|</ol>)', html, re.S)
    assert match, html[:2000]
    return match.group(0)


def fill(ws: Workspace) -> dict[str, str]:
    return {
        "ledger": insert_record(ws, indicator="C01", title="河口镇户厕改造验收台账", kind="台账", file_type="xlsx",
                                doc_date="2024-06-10"),
        "report": insert_record(ws, indicator="C01", title="河口镇水环境综合治理情况", kind="报告",
                                doc_date="2024-08-01", text="全镇推进厕所革命和水环境治理。"),
        "old": insert_record(ws, indicator="C01", title="2022年改厕工作方案", kind="方案", doc_date="2022-03-01"),
    }


def audit(ws: Workspace, action: str) -> list[dict]:
    catalogue = Catalogue(ws.catalogue_path)
    try:
        rows = catalogue.db.execute("SELECT actor, detail FROM audit WHERE action=? ORDER BY seq", (action,))
        return [{"actor": r["actor"], **json.loads(r["detail"])} for r in rows]
    finally:
        catalogue.close()


def marks_count(ws: Workspace) -> int:
    catalogue = Catalogue(ws.catalogue_path)
    try:
        return catalogue.db.execute("SELECT count(*) FROM coverage_marks").fetchone()[0]
    finally:
        catalogue.close()


class Page:
    def __init__(self, ws: Workspace) -> None:
        self.client = TestClient(create_app(ws), base_url=BASE)

    def get(self) -> str:
        r = self.client.get("/indicator/C01")
        assert r.status_code == 200, r.text[:500]
        return r.text

    def mark(self, item_no: int, action: str, **fields: str) -> object:
        data = {"csrf_token": csrf_of(self.get()), "item_no": str(item_no), "action": action} | fields
        return self.client.post("/indicator/C01/cover", data=data, follow_redirects=False)


def test_the_page_shows_items_documents_and_the_year_flags(ws: Workspace) -> None:
    ids = fill(ws)
    page = Page(ws)
    html = page.get()
    assert "农村厕所革命" in html and "农业农村局" in html
    first = item_html(html, 1)
    assert 'data-state="covered"' in first and "自动匹配" in first
    assert "《河口镇户厕改造验收台账》为第1项" in first and f'href="/doc/{ids["ledger"]}"' in first
    assert 'data-state="missing"' in item_html(html, 2) and "缺失" in item_html(html, 2)
    documents = html[html.index('id="documents"'):]
    assert f'href="/doc/{ids["report"]}"' in documents and "2024-08-01" in documents and "报告" in documents
    flagged = html[html.index('id="flagged"'):]
    assert "2022年改厕工作方案" in flagged and "2024" in flagged  # dated outside the year, with the reason
    assert 'href="/search?indicator=C01"' in html and "检索本指标材料" in html
    dashboard = page.client.get("/").text
    assert 'href="/indicator/C01"' in dashboard
    assert page.client.get("/indicator/Z99").status_code == 404
    assert "找不到指标 Z99" in page.client.get("/indicator/Z99").text


def test_marking_an_item_covered_shows_on_the_page_and_in_status(ws: Workspace, cli) -> None:
    ids = fill(ws)
    page = Page(ws)
    before = {e["code"]: e for e in cli.json("status")}["C01"]
    assert ITEM2 in before["missing"]
    r = page.mark(2, "cover", evidence_id=ids["report"], note="报告第二部分即问题厕所排查整改台账")
    assert r.status_code == 303 and r.headers["location"] == "/indicator/C01#item-2"
    html = page.client.get(r.headers["location"]).text
    assert f"已认定 C01 第2项“{ITEM2}”由《河口镇水环境综合治理情况》覆盖" in html
    second = item_html(html, 2)
    assert 'data-state="covered"' in second and 'data-how="manual"' in second and "人工认定" in second
    assert "报告第二部分即问题厕所排查整改台账" in second and f'href="/doc/{ids["report"]}"' in second
    after = {e["code"]: e for e in cli.json("status")}["C01"]
    entry = next(c for c in after["coverage"] if c["item_no"] == 2)
    assert entry["covered"] and entry["how"] == "manual" and entry["evidence"][0] == ids["report"]
    assert ITEM2 not in after["missing"]
    assert "标记覆盖" in page.client.get(f"/doc/{ids['report']}").text  # the document's own history says so
    # the dashboard reads the same summary: one item fewer missing on the C01 tile
    tile = re.search(r'href="/indicator/C01".*?</a>', page.client.get("/").text, re.S).group(0)
    assert f"缺 {len(after['missing'])} 项" in tile and ITEM2 not in tile
    # clearing puts the machine's judgement back, audited
    r = page.mark(2, "clear")
    assert r.status_code == 303
    html = page.client.get(r.headers["location"]).text
    assert f"已清除 C01 第2项“{ITEM2}”的人工标记，恢复自动判断" in html
    assert 'data-state="missing"' in item_html(html, 2)
    assert ITEM2 in {e["code"]: e for e in cli.json("status")}["C01"]["missing"]
    assert [a["item_no"] for a in audit(ws, "coverage_cleared")] == [2]


def test_not_applicable_needs_a_note_and_is_audited_with_who_and_why(ws: Workspace) -> None:
    fill(ws)
    cat = Catalogue(ws.catalogue_path)
    try:
        with cat.transaction():
            add_user(cat, "zlz", "zlz-pass-123", "资料组", "")
    finally:
        cat.close()
    page = Page(ws)
    token = csrf_of(page.client.get("/login").text)
    r = page.client.post("/login", data={"user": "zlz", "password": "zlz-pass-123", "csrf_token": token},
                         follow_redirects=False)
    assert r.status_code == 303
    r = page.mark(5, "na", note="")
    assert r.status_code == 303
    html = page.client.get(r.headers["location"]).text
    assert "标为不适用须说明理由" in html and 'class="flash error"' in html
    assert 'data-state="missing"' in item_html(html, 5)
    assert marks_count(ws) == 0 and audit(ws, "coverage_marked") == []
    # a script asking for JSON gets the same refusal as a 409
    r = page.client.post("/indicator/C01/cover", data={"csrf_token": csrf_of(html), "item_no": "5", "action": "na"},
                         headers={"accept": "application/json"})
    assert r.status_code == 409 and "须说明理由" in r.json()["message"]
    r = page.mark(5, "na", note="本县无集中式粪污处理设施")
    html = page.client.get(r.headers["location"]).text
    assert f"已将 C01 第5项“{ITEM5}”标为不适用：本县无集中式粪污处理设施" in html
    fifth = item_html(html, 5)
    assert 'data-state="not_applicable"' in fifth and "本县无集中式粪污处理设施" in fifth
    assert "zlz（资料组） 于" in fifth  # the page names who marked it
    [entry] = audit(ws, "coverage_marked")
    assert entry["actor"] == "zlz（资料组）" and entry["note"] == "本县无集中式粪污处理设施"
    assert entry["item"] == ITEM5 and entry["to"]["not_applicable"] is True


def test_a_unit_clerk_and_a_leader_cannot_mark(ws: Workspace) -> None:
    ids = fill(ws)
    cat = Catalogue(ws.catalogue_path)
    try:
        with cat.transaction():
            add_user(cat, "xzj", "xzj-pass-123", "单位填报员", "农业农村局")
            add_user(cat, "boss", "boss-pass-12", "领导", "")
    finally:
        cat.close()
    for name, password in (("xzj", "xzj-pass-123"), ("boss", "boss-pass-12")):
        client = TestClient(create_app(ws), base_url=BASE)
        token = csrf_of(client.get("/login").text)
        client.post("/login", data={"user": name, "password": password, "csrf_token": token})
        token = csrf_of(client.get("/tasks").text)
        r = client.post("/indicator/C01/cover", data={"csrf_token": token, "item_no": "2", "action": "cover",
                                                      "evidence_id": ids["report"]}, follow_redirects=False)
        assert r.status_code == 403 and "无权" in r.text, name
    assert marks_count(ws) == 0 and audit(ws, "coverage_marked") == []
    # the leader still reads the page, without the forms
    client = TestClient(create_app(ws), base_url=BASE)
    token = csrf_of(client.get("/login").text)
    client.post("/login", data={"user": "boss", "password": "boss-pass-12", "csrf_token": token})
    html = client.get("/indicator/C01").text
    assert "问题厕所排查整改台账" in html and "由此材料覆盖" not in html
