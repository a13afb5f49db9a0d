"""HTTP tests of the team workbench: who may see and do what, sessions that stop, throttled logins,
and a unit's submission through review to the archive."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from starlette.testclient import TestClient  # noqa: E402

from archivist.catalogue import Catalogue  # noqa: E402
from archivist.team.users import add_user, set_disabled  # noqa: E402
from archivist.web import create_app  # noqa: E402
from archivist.workspace import Workspace  # noqa: E402
from tests.fixtures_gen import add_users, make_docx  # noqa: E402

BASE = "http://127.0.0.1:8000"
USERS = {  # username -> (role, unit, password)
    "admin": ("管理员", "", "admin-pass-1"),
    "zlz": ("资料组", "", "zlz-pass-123"),
    "xzj": ("单位填报员", "乡村振兴局", "xzj-pass-123"),
    "rsj": ("单位填报员", "人力资源和社会保障局", "rsj-pass-123"),
    "boss": ("领导", "", "boss-pass-12"),
}


@pytest.fixture()
def office(ws: Workspace) -> Workspace:
    add_users(ws.root, USERS)
    return ws


def csrf_of(html: str) -> str:
    match = re.search(r'<meta name="csrf-token" content="([^"]+)"', html)
    assert match, html[:300]
    return match.group(1)


class Browser:
    """One person's TestClient, logged in through the form."""

    def __init__(self, app: object, username: str | None = None) -> None:
        self.client = TestClient(app, base_url=BASE)
        if username:
            r = self.login(username, USERS[username][2])
            assert r.status_code == 303, r.text[:300]

    def login(self, username: str, password: str) -> object:
        token = csrf_of(self.client.get("/login").text)
        return self.client.post("/login", data={"user": username, "password": password, "csrf_token": token},
                                follow_redirects=False)

    def csrf(self, page: str = "/tasks") -> str:
        return csrf_of(self.client.get(page).text)

    def post(self, url: str, data: dict | None = None, page: str = "/tasks", **kw: object) -> object:
        data = dict(data or {})
        data.setdefault("csrf_token", self.csrf(page))
        return self.client.post(url, data=data, follow_redirects=False, **kw)

    def submit(self, path: Path, indicator: str = "A01", item_no: int = 1) -> object:
        with path.open("rb") as fh:
            return self.post("/tasks/submit", {"indicator": indicator, "item_no": str(item_no)},
                             files={"file": (path.name, fh.read())})


def _doc(tmp_path: Path, name: str, title: str) -> Path:
    return make_docx(tmp_path / name, title, [f"{title}。开展防止返贫动态监测和帮扶工作。"])


def _submission(ws: Workspace) -> dict:
    cat = Catalogue(ws.catalogue_path)
    try:
        row = cat.db.execute("SELECT * FROM submissions").fetchone()
        return dict(row) if row else {}
    finally:
        cat.close()


def test_pages_need_a_login_once_accounts_exist(office: Workspace) -> None:
    anonymous = TestClient(create_app(office), base_url=BASE)
    r = anonymous.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    assert anonymous.get("/search?q=x", headers={"accept": "application/json"}).status_code == 401
    assert anonymous.post("/tasks/submit", data={}).status_code == 401
    assert 'name="password"' in anonymous.get("/login").text


def test_a_unit_sees_only_its_own_and_cannot_review_or_administer(office: Workspace, tmp_path: Path) -> None:
    app = create_app(office)
    xzj, rsj = Browser(app, "xzj"), Browser(app, "rsj")
    assert xzj.submit(_doc(tmp_path, "方案.docx", "防止返贫监测帮扶工作方案")).status_code == 303
    sub = _submission(office)
    assert sub["state"] == "待审核" and sub["submitted_by"] == "xzj"
    own = xzj.client.get(f"/tasks/file/{sub['id']}/1")
    assert own.status_code == 200 and own.content[:2] == b"PK"
    assert rsj.client.get(f"/tasks/file/{sub['id']}/1").status_code == 404  # another unit's: not there for it
    assert "方案.docx" not in rsj.client.get("/tasks").text
    # a unit may not pick another unit's page, nor an indicator it does not lead
    assert "乡村振兴局" not in rsj.client.get("/tasks?unit=乡村振兴局").text.split("<h1>")[1].split("</h1>")[0]
    assert rsj.submit(_doc(tmp_path, "x.docx", "x")).status_code == 303
    assert _submission(office)["version"] == 1
    for path in ("/review", "/users", "/search?q=方案", "/", "/remind", f"/doc/{sub['id']}"):
        r = xzj.client.get(path, follow_redirects=False)
        assert r.status_code in (403, 303), path
        if r.status_code == 303:
            assert r.headers["location"] == "/tasks"
    r = xzj.post(f"/review/{sub['id']}/accept", {"code": "A01"})
    assert r.status_code == 403
    assert _submission(office)["state"] == "待审核"
    assert xzj.post("/users", {"action": "add", "username": "evil", "password": "evil-pass-1", "role": "管理员"}
                    ).status_code == 403
    staff = Browser(app, "zlz")
    assert staff.client.get("/users").status_code == 403  # 资料组 is not 管理员 either
    assert Browser(app, "admin").client.get("/users").status_code == 200


def test_posts_need_the_session_csrf_token_and_this_origin(office: Workspace, tmp_path: Path) -> None:
    app = create_app(office)
    staff = Browser(app, "zlz")
    clerk = Browser(app, "xzj")
    clerk.submit(_doc(tmp_path, "方案.docx", "防止返贫监测帮扶工作方案"))
    sub = _submission(office)
    no_token = staff.client.post(f"/review/{sub['id']}/return", data={"reason": "x"}, follow_redirects=False)
    assert no_token.status_code == 403
    other_session = clerk.csrf()  # a valid token of another session
    r = staff.client.post(f"/review/{sub['id']}/return", data={"reason": "x", "csrf_token": other_session},
                          follow_redirects=False)
    assert r.status_code == 403
    foreign = staff.post(f"/review/{sub['id']}/return", {"reason": "x"}, page="/review",
                         headers={"origin": "http://evil.example"})
    assert foreign.status_code == 403
    assert _submission(office)["state"] == "待审核"
    ok = staff.post(f"/review/{sub['id']}/return", {"reason": "缺少盖章页"}, page="/review",
                    headers={"origin": BASE})
    assert ok.status_code == 303 and _submission(office)["state"] == "退回"


def test_a_disabled_users_session_stops_working(office: Workspace) -> None:
    app = create_app(office)
    clerk = Browser(app, "xzj")
    assert clerk.client.get("/tasks").status_code == 200
    cat = Catalogue(office.catalogue_path)
    try:
        with cat.transaction():
            set_disabled(cat, "xzj")
    finally:
        cat.close()
    r = clerk.client.get("/tasks", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    assert clerk.login("xzj", USERS["xzj"][2]).status_code == 401


def test_an_idle_session_expires(office: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from archivist.web import team_routes

    app = create_app(office)
    clerk = Browser(app, "xzj")
    assert clerk.client.get("/tasks").status_code == 200
    real = team_routes.time.time
    monkeypatch.setattr(team_routes.time, "time", lambda: real() + team_routes.IDLE_SECONDS + 5)
    assert clerk.client.get("/tasks", follow_redirects=False).status_code == 303


def test_repeated_wrong_passwords_are_throttled(office: Workspace) -> None:
    app = create_app(office)
    guesser = Browser(app)
    codes = [guesser.login("zlz", "wrong-guess-1").status_code for _ in range(5)]
    assert codes == [401] * 5
    right = guesser.login("zlz", USERS["zlz"][2])
    assert right.status_code == 429 and int(right.headers["retry-after"]) > 0
    assert "次数过多" in right.text


def test_a_leader_can_look_but_not_change(office: Workspace, tmp_path: Path) -> None:
    app = create_app(office)
    Browser(app, "xzj").submit(_doc(tmp_path, "方案.docx", "防止返贫监测帮扶工作方案"))
    sub = _submission(office)
    boss = Browser(app, "boss")
    assert boss.client.get("/").status_code == 200
    assert boss.client.get("/review").status_code == 200
    assert "通过</button>" not in boss.client.get("/review").text
    for url, data in ((f"/review/{sub['id']}/accept", {"code": "A01"}), ("/problems", {"description": "x"}),
                      ("/reports", {"kind": "briefing"}), ("/tasks/submit", {"indicator": "A01", "item_no": "1"})):
        assert boss.post(url, data, page="/").status_code == 403, url
    assert _submission(office)["state"] == "待审核"


def test_return_then_new_version_then_accept_files_it_and_audits_the_people(office: Workspace,
                                                                           tmp_path: Path) -> None:
    app = create_app(office)
    clerk, staff = Browser(app, "xzj"), Browser(app, "zlz")
    v1 = _doc(tmp_path, "方案v1.docx", "防止返贫监测帮扶工作方案")
    clerk.submit(v1)
    sub = _submission(office)
    assert f"sub-{sub['id']}" in staff.client.get("/review").text
    staff.post(f"/review/{sub['id']}/return", {"reason": "缺少盖章页"}, page="/review")
    page = clerk.client.get("/tasks").text
    assert "退回原因：缺少盖章页" in page
    v2 = _doc(tmp_path, "方案v2.docx", "防止返贫监测帮扶工作方案（盖章）")
    clerk.submit(v2)
    assert _submission(office)["version"] == 2
    r = staff.post(f"/review/{sub['id']}/accept", {"code": "A01"}, page="/review")
    assert r.status_code == 303
    done = _submission(office)
    assert done["state"] == "已通过"
    cat = Catalogue(office.catalogue_path)
    try:
        record = cat.get(done["evidence_id"])
        assert record["indicator"] == "A01" and (office.root / record["archive_path"]).read_bytes() == v2.read_bytes()
        actors = {e["action"]: e["actor"] for e in cat.audit_entries()}
        assert actors["submitted"].startswith("xzj（单位填报员")
        assert actors["submission_returned"] == "zlz（资料组）"
        assert actors["submission_accepted"] == "zlz（资料组）"
        assert cat.verify_audit() == []
    finally:
        cat.close()
    assert 'data-state="已通过"' in clerk.client.get("/tasks").text


def test_without_accounts_the_one_person_mode_is_unchanged(ws: Workspace) -> None:
    client = TestClient(create_app(ws), base_url=BASE)
    assert client.get("/", follow_redirects=False).status_code == 200
    assert client.get("/login", follow_redirects=False).status_code == 303  # no token, no accounts: no login


def test_dashboard_summary_is_computed_once_per_catalogue_change(ws: Workspace) -> None:
    from archivist.web.cache import cache_for

    client = TestClient(create_app(ws), base_url=BASE)
    cache = cache_for(ws)
    before = cache.summary_computed
    assert client.get("/").status_code == 200
    assert client.get("/").status_code == 200
    assert cache.summary_computed == before + 1
    cat = Catalogue(ws.catalogue_path)
    try:
        with cat.transaction():
            add_user(cat, "zlz", "zlz-pass-123", "资料组")  # the first write also keys the audit chain
        counter = cache.change_counter()
        with cat.transaction():
            add_user(cat, "zlz2", "zlz-pass-123", "资料组")  # an account changes neither archive nor summary
    finally:
        cat.close()
    client.get("/", follow_redirects=False)  # now behind a login, the cache is not consulted
    assert cache.change_counter() == counter
    assert cache.search_index() is cache.search_index()  # one long-lived index while nothing changes


def test_submissions_leave_the_summary_cached_and_acceptance_moves_it(office: Workspace, tmp_path: Path) -> None:
    """Units upload all day: held material must not make every dashboard view compute the summary
    again, but the accepted file must show at once."""
    from archivist.web.cache import cache_for

    app = create_app(office)
    clerk, staff = Browser(app, "xzj"), Browser(app, "zlz")
    cache = cache_for(office)
    assert staff.client.get("/").status_code == 200
    computed = cache.summary_computed
    clerk.submit(_doc(tmp_path, "方案.docx", "防止返贫监测帮扶工作方案"))
    sub = _submission(office)
    staff.post(f"/review/{sub['id']}/return", {"reason": "缺少盖章页"}, page="/review")
    clerk.submit(_doc(tmp_path, "方案v2.docx", "防止返贫监测帮扶工作方案（盖章）"))
    before = staff.client.get("/").text
    assert cache.summary_computed == computed
    staff.post(f"/review/{sub['id']}/accept", {"code": "A01"}, page="/review")
    after = staff.client.get("/").text
    assert cache.summary_computed == computed + 1
    filed = re.compile(r'<div class="big">(\d+) <small>件已归档')
    assert int(filed.search(after).group(1)) == int(filed.search(before).group(1)) + 1


def test_review_shows_the_classifiers_hint_when_it_differs_and_files_by_it(office: Workspace, tmp_path: Path) -> None:
    app = create_app(office)
    clerk, staff = Browser(app, "xzj"), Browser(app, "zlz")
    toilets = make_docx(tmp_path / "验收.docx", "河口镇2024年农村户厕改造验收报告",
                        ["全镇完成农村户厕改造1200户，验收合格率99.4%，卫生厕所普及率达到95%。"])
    clerk.submit(toilets, "A01", 3)  # declared as 防止返贫 item 3: the classifier reads 厕所革命
    clerk.submit(_doc(tmp_path, "方案.docx", "防止返贫监测帮扶工作方案"), "A01", 1)  # as declared: no hint
    cat = Catalogue(office.catalogue_path)
    try:
        ids = {r["item_no"]: r["id"] for r in cat.db.execute("SELECT id, item_no FROM submissions")}
    finally:
        cat.close()
    page = staff.client.get("/review").text
    wrong = page.split(f'id="sub-{ids[3]}"')[1].split("</li>")[0]
    right = page.split(f'id="sub-{ids[1]}"')[1].split("</li>")[0]
    assert 'class="hint" data-code="C01"' in wrong and "农村厕所革命" in wrong and "依据：" in wrong
    assert "户厕改造" in wrong.split("依据：")[1]
    assert "按提示归入 C01" in wrong
    assert 'class="hint"' not in right and "看起来更像" not in right
    assert "按提示归入" not in Browser(app, "boss").client.get("/review").text  # a 领导 sees it, cannot act on it
    r = staff.post(f"/review/{ids[3]}/accept", {"code": "C01", "note": "按分类提示改归 C01"}, page="/review")
    assert r.status_code == 303
    cat = Catalogue(office.catalogue_path)
    try:
        sub = cat.db.execute("SELECT * FROM submissions WHERE id=?", (ids[3],)).fetchone()
        assert sub["state"] == "已通过" and sub["filed_indicator"] == "C01"
        assert cat.get(sub["evidence_id"])["indicator"] == "C01"
    finally:
        cat.close()
