"""The dashboard's 各单位报送情况: per unit what it submitted and where each item stands, as the 资料组,
the 管理员 and the 领导 see it; a unit's clerk keeps the unit page and never another unit's row."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from starlette.testclient import TestClient  # noqa: E402

from archivist.catalogue import Catalogue  # noqa: E402
from archivist.team.submissions import submit  # noqa: E402
from archivist.team.unit_counts import read_unit_counts  # noqa: E402
from archivist.team.users import ADMIN, User  # noqa: E402
from archivist.web import create_app  # noqa: E402
from archivist.workspace import Workspace  # noqa: E402
from tests.fixtures_gen import add_users, make_docx  # noqa: E402
from tests.test_team_web import BASE, USERS, Browser  # noqa: E402

XZJ, RSJ = "乡村振兴局", "人力资源和社会保障局"


@pytest.fixture()
def office(ws: Workspace) -> Workspace:
    """The workspace with test_team_web's accounts: 管理员, 资料组, two units' clerks, 领导."""
    add_users(ws.root, USERS)
    return ws




def _doc(tmp_path: Path, name: str, title: str) -> Path:
    return make_docx(tmp_path / name, title, [f"{title}。开展相关工作，形成佐证材料。"])


def _ids(ws: Workspace) -> dict[tuple[str, int], str]:
    cat = Catalogue(ws.catalogue_path)
    try:
        return {(r["indicator"], r["item_no"]): r["id"] for r in cat.db.execute("SELECT * FROM submissions")}
    finally:
        cat.close()


def panel_rows(html: str) -> list[tuple[str, list[int], str]]:
    """The panel's rows as shown: (unit, [已报送, 待审核, 已通过, 退回], 最近报送), top to bottom."""
    if 'id="unit-submissions"' not in html:
        return []
    section = html.split('id="unit-submissions"')[1].split("</section>")[0]
    assert "各单位报送情况" in section
    rows = []
    for row in re.findall(r"<tr data-unit=.*?</tr>", section, re.S):
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        rows.append((cells[0], [int(c) for c in cells[1:5]], cells[5]))
    return rows


def test_the_dashboard_counts_each_units_submissions(office: Workspace, tmp_path: Path) -> None:
    app = create_app(office)
    xzj, rsj, staff = Browser(app, "xzj"), Browser(app, "rsj"), Browser(app, "zlz")
    assert panel_rows(staff.client.get("/").text) == []  # nothing submitted yet: no empty panel
    for indicator, item in (("A01", 1), ("A01", 2), ("A02", 1)):
        assert xzj.submit(_doc(tmp_path, f"{indicator}-{item}.docx", f"{indicator}第{item}项材料"),
                          indicator, item).status_code == 303
    for item in (1, 2):
        assert rsj.submit(_doc(tmp_path, f"A03-{item}.docx", f"脱贫人口稳岗就业第{item}项材料"),
                          "A03", item).status_code == 303
    ids = _ids(office)
    assert len(ids) == 5
    assert staff.post(f"/review/{ids['A01', 1]}/return", {"reason": "缺少盖章页"}, page="/review"
                      ).status_code == 303
    assert staff.post(f"/review/{ids['A03', 1]}/accept", {"code": "A03"}, page="/review").status_code == 303

    today = dt.date.today().isoformat()
    expected = [(XZJ, [3, 2, 0, 1], today),  # the unit with a returned item comes first
                (RSJ, [2, 1, 1, 0], today)]
    for who in ("zlz", "admin", "boss"):
        page = Browser(app, who).client.get("/")
        assert page.status_code == 200, who
        assert panel_rows(page.text) == expected, who
        assert "迎检倒计时" in page.text and "落后的牵头单位" in page.text  # the other panels stay

    # the unit answers the return with a new version: nothing is returned any more, three wait
    xzj.submit(_doc(tmp_path, "A01-1-v2.docx", "A01第1项材料（盖章）"), "A01", 1)
    rows = panel_rows(staff.client.get("/").text)
    assert rows == [(XZJ, [3, 3, 0, 0], today), (RSJ, [2, 1, 1, 0], today)]


def test_a_unit_clerk_keeps_the_unit_page_and_sees_no_other_unit(office: Workspace, tmp_path: Path) -> None:
    app = create_app(office)
    xzj, rsj = Browser(app, "xzj"), Browser(app, "rsj")
    xzj.submit(_doc(tmp_path, "a.docx", "防止返贫监测帮扶工作方案"), "A01", 1)
    rsj.submit(_doc(tmp_path, "b.docx", "稳岗就业工作方案"), "A03", 1)
    for clerk in (xzj, rsj):
        r = clerk.client.get("/", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/tasks"  # as before: the unit's own page
        assert "各单位报送情况" not in clerk.client.get("/tasks").text
    own = read_unit_counts(office, RSJ)  # what a clerk's dashboard would be given: its unit's row only
    assert [(c.unit, c.submitted, c.pending) for c in own] == [(RSJ, 1, 1)]


def test_one_person_mode_shows_the_panel_once_something_was_submitted(ws: Workspace, tmp_path: Path) -> None:
    client = TestClient(create_app(ws), base_url=BASE)
    assert panel_rows(client.get("/").text) == []
    cat = Catalogue(ws.catalogue_path)
    try:
        local = User("本机", "", ADMIN, "", False, 0)
        submit(ws, cat, local, "A01", 1, _doc(tmp_path, "a.docx", "防止返贫监测帮扶工作方案"), "a.docx",
               unit=XZJ, suggestions=[])
    finally:
        cat.close()
    rows = panel_rows(client.get("/").text)
    assert [(unit, counts) for unit, counts, _ in rows] == [(XZJ, [1, 1, 0, 0])]
