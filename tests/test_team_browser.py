"""A unit and the 资料组 in two browsers at once (Playwright driving Debian's Chromium).

The 单位填报员 logs in, finds a required item on its 任务清单 and uploads a PDF into it; in the other
browser the 资料组 sees it in 待审核, opens it inline and returns it with a reason; the unit sees 退回
and the reason and uploads a new version; the 资料组 accepts; both pages show 已通过, and the file is
filed under the indicator and found by search. A 领导 in a third browser can look but not act.

Skipped like tests/test_browser.py when Playwright or /usr/bin/chromium is missing. With
ARCHIVIST_SCREENSHOTS=docs the 任务清单, 待审核 and 催报 pages are written there as team-tasks.png,
team-review.png and team-remind.png.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from archivist.catalogue import Catalogue
from archivist.web.sample import cached_sample
from archivist.workspace import Workspace
from tests.fixtures_gen import add_users, make_text_pdf
from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, Server, shoot, sync_api  # skips without Playwright

UNIT = "乡村振兴局"
PEOPLE = {"xzj": ("单位填报员", UNIT, "xzj-pass-123"), "zlz": ("资料组", "", "zlz-pass-123"),
          "boss": ("领导", "", "boss-pass-12")}
ITEM = ("A01", 2)  # 防止返贫动态监测和帮扶, item 2 (监测对象识别纳入和风险消除台账 or the like)
LEDGER_LINE = "青山县防止返贫监测对象识别纳入和风险消除台账"


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """A copy of the sample workspace with a unit clerk, an evidence-group member and a leader."""
    root = tmp_path_factory.mktemp("team-browser") / "ws"
    shutil.copytree(cached_sample(tmp_path_factory.getbasetemp()), root, symlinks=True)
    add_users(root, PEOPLE)
    return Workspace(root)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Person:
    """One person's own browser context (own cookies, own session), logged in through the form."""

    def __init__(self, browser: Any, base_url: str, username: str) -> None:
        self.context = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=base_url,
                                           locale="zh-CN")
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto("/login")
        self.page.fill("input[name=user]", username)
        self.page.fill("input[name=password]", PEOPLE[username][2])
        self.page.click("#login-form button[type=submit]")
        self.page.wait_for_load_state()
        assert "/login" not in self.page.url, self.page.content()[:500]
        assert username in self.page.locator("#whoami").inner_text()

    def flash(self) -> str:
        return self.page.locator(".flash").first.inner_text()

    def close(self) -> None:
        self.context.close()
        assert not self.errors, self.errors


def _pdf(tmp_path: Path, name: str, *lines: str) -> Path:
    return make_text_pdf(tmp_path / name, [LEDGER_LINE, *lines], title=LEDGER_LINE)


def _row(person: Person) -> Any:
    return person.page.locator(f"#item-{ITEM[0]}-{ITEM[1]}")


def _state(person: Person) -> str:
    return _row(person).locator(".chip.state").get_attribute("data-state") or ""


def test_unit_and_evidence_group_in_two_browsers(browser: Any, ws: Workspace, tmp_path: Path) -> None:
    with Server(ws) as url:
        unit, staff, boss = (Person(browser, url, n) for n in ("xzj", "zlz", "boss"))
        try:
            _flow(unit, staff, boss, ws, tmp_path)
        finally:
            for person in (unit, staff, boss):
                person.close()


def _flow(unit: Person, staff: Person, boss: Person, ws: Workspace, tmp_path: Path) -> None:
    # the unit's 任务清单: its indicators' required items, this one not sent yet
    assert unit.page.url.endswith("/tasks")
    assert unit.page.locator("nav a").all_inner_texts() == ["任务清单"]
    assert UNIT in unit.page.locator("h1").inner_text()
    assert _state(unit) in ("未报送", "已有材料")
    first = _pdf(tmp_path, "监测台账.pdf", "截至2024年11月，纳入监测对象126户418人，风险消除83户。")
    _row(unit).locator("input[type=file]").set_input_files(str(first))
    _row(unit).locator("button[type=submit]").click()
    unit.page.wait_for_load_state()
    assert "已报送 A01 第2项（第 1 版）" in unit.flash()
    assert _state(unit) == "待审核"

    # the 资料组, in its own browser at the same time: the queue has it; open it inline
    staff.page.goto("/review")
    item = staff.page.locator("li.submission", has_text="监测台账.pdf")
    assert item.count() == 1 and UNIT in item.inner_text()
    with staff.page.expect_popup() as popup_info:
        item.locator("a.open-file").click()
    popup = popup_info.value
    popup.wait_for_load_state()
    inline = staff.context.request.get(popup.url)
    assert inline.headers["content-type"] == "application/pdf"
    assert inline.headers["content-disposition"].startswith("inline")
    assert inline.body() == first.read_bytes()
    popup.close()
    item.locator("input[name=reason]").fill("缺少风险消除户名单和盖章页")
    item.locator("button", has_text="退回").click()
    staff.page.wait_for_load_state()
    assert "已退回" in staff.flash()
    assert staff.page.locator("li.submission", has_text="监测台账.pdf").count() == 0

    # the leader sees the queue, without the buttons
    boss.page.goto("/review")
    assert boss.page.locator("button", has_text="通过").count() == 0

    # the unit sees 退回 and the reason, and answers with a new version
    unit.page.reload()
    assert _state(unit) == "退回"
    assert "退回原因：缺少风险消除户名单和盖章页" in _row(unit).inner_text()
    shoot(unit.page, "team-tasks.png", tmp_path)
    second = _pdf(tmp_path, "监测台账（盖章）.pdf", "截至2024年11月，纳入监测对象126户418人，风险消除83户。",
                  "附：风险消除户名单（83户）。县乡村振兴局（盖章）")
    _row(unit).locator("input[type=file]").set_input_files(str(second))
    _row(unit).locator("button", has_text="上传新版本").click()
    unit.page.wait_for_load_state()
    assert "第 2 版" in unit.flash()
    assert _state(unit) == "待审核"
    versions = _row(unit).locator(".versions a").all_inner_texts()
    assert versions == ["第1版 监测台账.pdf", "第2版 监测台账（盖章）.pdf"]

    # meanwhile the unit sends a toilet-renovation report as 入户走访记录: the classifier disagrees
    toilets = make_text_pdf(tmp_path / "走访记录.pdf", ["河口镇2024年农村户厕改造验收报告",
                            "全镇完成农村户厕改造1200户，验收合格率99.4%，卫生厕所普及率达到95%。"])
    hinted = unit.page.locator("#item-A01-4")
    hinted.locator("input[type=file]").set_input_files(str(toilets))
    hinted.locator("button[type=submit]").click()
    unit.page.wait_for_load_state()
    assert "看起来更像 C01" in unit.flash()

    # the 资料组 sees the hint on that one, and accepts the new version under the declared indicator
    staff.page.goto("/review")
    hint = staff.page.locator("li.submission", has_text="走访记录.pdf").locator(".hint")
    assert hint.get_attribute("data-code") == "C01" and "依据：" in hint.inner_text()
    assert hint.locator("button", has_text="按提示归入 C01").count() == 1
    item = staff.page.locator("li.submission", has_text="监测台账（盖章）.pdf")
    assert "第 2 版" in item.inner_text()
    assert item.locator("select[name=code]").input_value() == "A01"
    assert item.locator(".hint").count() == 0  # the ledger is what it says it is
    shoot(staff.page, "team-review.png", tmp_path)
    item.locator("button", has_text="通过").click()
    staff.page.wait_for_load_state()
    assert "已通过" in staff.flash()
    evidence_id = staff.flash().rsplit("归档为 ", 1)[1].strip()

    unit.page.reload()
    assert _state(unit) == "已通过"
    assert _row(unit).locator("input[type=file]").count() == 0  # nothing more to send for it
    staff.page.goto("/tasks?unit=" + UNIT)
    assert _state(staff) == "已通过"

    # filed under the indicator, the second version's bytes, and found by search
    cat = Catalogue(ws.catalogue_path)
    try:
        record = cat.get(evidence_id)
    finally:
        cat.close()
    assert record is not None and record["status"] == "filed" and record["indicator"] == "A01"
    assert (ws.root / record["archive_path"]).read_bytes() == second.read_bytes()
    staff.page.goto("/search?q=" + "风险消除户名单")
    hit = staff.page.locator("li.hit", has_text="风险消除户名单")
    assert hit.count() >= 1
    hit.first.locator("a.hit-title").click()
    staff.page.wait_for_url(f"**/doc/{evidence_id}")

    staff.page.goto("/remind")
    assert staff.page.locator("#remind a", has_text=UNIT).count() == 1
    shoot(staff.page, "team-remind.png", tmp_path)
