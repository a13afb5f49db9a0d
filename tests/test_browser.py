"""The web workbench in a real browser (issue #8): Playwright driving Debian's Chromium.

One uvicorn server and one headless Chromium serve the whole module. Skipped, with the reason,
when Playwright or /usr/bin/chromium is missing (CI installs both: `apt-get install chromium`).
Screenshots go to the test's temp folder; with ARCHIVIST_SCREENSHOTS=DIR (e.g. docs) they are
also written there as web-dashboard.png and web-search.png.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright 未安装：pip install playwright")
pytest.importorskip("uvicorn", reason="uvicorn 未安装：pip install uvicorn")
if not Path(CHROMIUM).exists():
    pytest.skip(f"找不到 {CHROMIUM}：请安装 Debian 的 chromium（apt-get install -y chromium）", allow_module_level=True)

import uvicorn  # noqa: E402

from archivist.catalogue import Catalogue  # noqa: E402
from archivist.web import create_app  # noqa: E402
from archivist.web.sample import cached_sample  # noqa: E402
from archivist.workspace import Workspace  # noqa: E402


class Server:
    """uvicorn on a socket bound to a free loopback port, in a daemon thread."""

    def __init__(self, ws: Workspace) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(create_app(ws), log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """A copy of the sample workspace, plus a problem old enough that 2024 evidence can close it."""
    from archivist.assess.problems import add_problem

    root = tmp_path_factory.mktemp("browser") / "ws"
    shutil.copytree(cached_sample(tmp_path_factory.getbasetemp()), root, symlinks=True)
    workspace = Workspace(root)
    catalogue = Catalogue(workspace.catalogue_path)
    try:
        with workspace.writer_lock():
            add_problem(workspace, catalogue, "河口镇户厕改造验收台账未建立", unit="河口镇", source="县级自查",
                        found_date="2024-06-01", deadline="2024-12-31", indicator="C01", site=False)
    finally:
        catalogue.close()
    return workspace


@pytest.fixture(scope="module")
def base_url(ws: Workspace) -> Iterator[str]:
    with Server(ws) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh browser context per test; any console error (a CSP violation, a JS error) fails it."""
    context = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=base_url, locale="zh-CN")
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, errors


def record_id(ws: Workspace, name: str) -> str:
    catalogue = Catalogue(ws.catalogue_path)
    try:
        row = catalogue.db.execute("SELECT id FROM evidence WHERE original_name=?", (name,)).fetchone()
        assert row, name
        return str(row[0])
    finally:
        catalogue.close()


def shoot(page: Any, name: str, tmp_path: Path) -> Path:
    shot = tmp_path / name
    page.screenshot(path=str(shot), full_page=True)
    target = os.environ.get("ARCHIVIST_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, Path(target) / name)
    return shot


def test_upload_a_file_and_see_it_filed(page: Any, ws: Workspace, tmp_path: Path) -> None:
    today = dt.date.today()
    source = tmp_path / "柳溪镇农村生活污水治理情况.txt"
    source.write_text(
        "柳溪镇2024年农村生活污水治理情况报告\n全镇新建污水处理设施12处，生活污水治理率达到68%，黑臭水体整治完成。\n"
        f"柳溪镇人民政府\n{today.year}年{today.month}月{today.day}日\n", encoding="utf-8")
    page.goto("/upload")
    page.fill("#unit-input", "柳溪镇")
    page.set_input_files("#file-input", str(source))
    row = page.locator("tr.upload-row.done")
    row.wait_for()
    assert row.locator(".chip.filed").inner_text() == "已归档"
    assert "C02" in row.inner_text()
    row.locator("a").click()
    page.wait_for_url("**/doc/*")
    assert "生活污水治理率达到68%" in page.locator("pre.doc-text").inner_text()


def test_search_and_open_a_hit(page: Any, tmp_path: Path) -> None:
    page.goto("/search")
    page.fill("input[name=q]", "改厕")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search?*")
    hits = page.locator("li.hit")
    assert hits.count() >= 3
    assert sum(hits.nth(i).locator(".snippet mark").count() >= 1 for i in range(hits.count())) >= 3
    shoot(page, "web-search.png", tmp_path)
    page.locator("a.hit-title", has_text="河口镇2024年农村户厕改造验收报告").click()
    page.wait_for_url("**/doc/*")
    assert "合格率99.4%" in page.locator("pre.doc-text").inner_text()
    assert page.locator("a", has_text="下载原件").count() == 1


def test_assign_an_unsorted_file(page: Any, ws: Workspace) -> None:
    notice = record_id(ws, "会议通知.docx")
    page.goto("/unsorted")
    item = page.locator(f'li.queue-item[data-id="{notice}"]')
    suggestion = item.locator("button.suggest").first
    code = suggestion.inner_text().split()[0]
    suggestion.click()
    page.wait_for_load_state()
    assert f"已归入 {code}" in page.locator(".flash.ok").inner_text()
    assert page.locator(f'li.queue-item[data-id="{notice}"]').count() == 0
    catalogue = Catalogue(ws.catalogue_path)
    try:
        record = catalogue.get(notice)
    finally:
        catalogue.close()
    assert record is not None and record["status"] == "filed" and record["indicator"] == code


def test_close_a_problem_with_evidence(page: Any, ws: Workspace) -> None:
    report = record_id(ws, "河口镇改厕验收报告.docx")
    page.goto("/problems")
    problem = page.locator("li.problem", has_text="河口镇户厕改造验收台账未建立")
    problem.locator("button", has_text="销号").click()  # no evidence: the form is not even sent
    assert page.locator(".flash").count() == 0 and problem.locator("input[name=evidence]").evaluate(
        "e => !e.validity.valid")
    problem.locator("input[name=evidence]").fill(report)
    problem.locator("input[name=note]").fill("已补建验收台账")
    problem.locator("button", has_text="销号").click()
    page.wait_for_url("**/problems?show=closed")
    assert "已销号" in page.locator(".flash.ok").inner_text()
    closed = page.locator("li.problem.closed", has_text="河口镇户厕改造验收台账未建立")
    assert report in closed.inner_text()


def test_dashboard_screenshot(page: Any, tmp_path: Path) -> None:
    page.goto("/")
    assert page.locator(".tile").count() > 20
    assert page.locator(".bar .fill").first.evaluate("e => e.style.width") not in ("", "0%")
    shot = shoot(page, "web-dashboard.png", tmp_path)
    assert shot.stat().st_size > 20_000


def test_generate_a_report_and_see_its_download_link(page: Any) -> None:
    page.goto("/reports")
    page.locator("button", has_text="生成问题整改台账").click()
    done = page.locator("tr.job.done", has_text="问题整改台账")
    done.wait_for(timeout=60_000)  # the page polls /jobs and reloads when the generation has finished
    link = done.locator("a", has_text="问题整改台账.docx")
    assert link.get_attribute("href") == "/download?path=" + quote("out/问题整改台账.docx")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "问题整改台账.docx"
