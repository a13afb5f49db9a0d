"""HTTP tests of the web workbench (issue #8): every route, and every refusal.

One sample workspace is built per test session (archivist.web.sample, OCR-heavy files left out)
and copied for each test, so tests that file, move or close things never see each other's changes.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("multipart")

from starlette.testclient import TestClient  # noqa: E402

from archivist.catalogue import Catalogue  # noqa: E402
from archivist.web import app as web_app  # noqa: E402
from archivist.web import create_app  # noqa: E402
from archivist.web import writing as web_writing  # noqa: E402
from archivist.web.sample import cached_sample  # noqa: E402
from archivist.web.security import (  # noqa: E402
    UnsafePath,
    WebConfigError,
    check_serving,
    is_loopback,
    safe_file,
    safe_upload_name,
)
from archivist.web.views import highlight  # noqa: E402
from archivist.workspace import Workspace  # noqa: E402

BASE = "http://127.0.0.1:8000"
TOKEN = "office-token-2024-abc"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return cached_sample(tmp_path_factory.getbasetemp())


class Site:
    """A copied sample workspace with a TestClient on a loopback Host."""

    def __init__(self, root: Path, extra_toml: str = "", host: str = "127.0.0.1", base_url: str = BASE) -> None:
        if extra_toml:
            with (root / "archivist.toml").open("a", encoding="utf-8") as fh:
                fh.write("\n" + extra_toml + "\n")
        self.ws = Workspace(root)
        self.app = create_app(self.ws, host=host)
        self.client = TestClient(self.app, base_url=base_url)

    def csrf(self, page: str = "/upload") -> str:
        html = self.client.get(page).text
        match = re.search(r'<meta name="csrf-token" content="([^"]+)"', html)
        assert match, html[:500]
        return match.group(1)

    def post(self, url: str, data: dict | None = None, **kw: object) -> object:
        data = dict(data or {})
        data.setdefault("csrf_token", self.csrf())
        return self.client.post(url, data=data, follow_redirects=False, **kw)

    def catalogue(self) -> Catalogue:
        return Catalogue(self.ws.catalogue_path)

    def record(self, name_like: str) -> dict:
        cat = self.catalogue()
        try:
            row = cat.db.execute("SELECT id FROM evidence WHERE original_name LIKE ?", (name_like,)).fetchone()
            assert row, name_like
            return cat.get(row[0]) or {}
        finally:
            cat.close()


def copy_site(template: Path, tmp_path: Path, **kw: object) -> Site:
    root = tmp_path / "ws"
    shutil.copytree(template, root, symlinks=True)
    return Site(root, **kw)  # type: ignore[arg-type]


@pytest.fixture()
def site(template: Path, tmp_path: Path) -> Iterator[Site]:
    s = copy_site(template, tmp_path)
    yield s
    s.client.close()


# pages -----------------------------------------------------------------------------------------
def test_every_page_renders(site: Site) -> None:
    for url, expected in [
        ("/", "迎检倒计时"), ("/search", "检索佐证材料"), ("/unsorted", "待分类"), ("/upload", "把文件拖到这里"),
        ("/problems", "问题整改台账"), ("/reports", "生成报告和档案"), ("/healthz", "ok"),
    ]:
        r = site.client.get(url)
        assert r.status_code == 200, (url, r.text[:300])
        assert expected in r.text, url
    assert site.client.get("/static/app.js").status_code == 200
    assert site.client.get("/nowhere").status_code == 404


def test_dashboard_grid_countdown_units_problems_and_score(site: Site) -> None:
    html = site.client.get("/").text
    assert 'class="tile complete"' in html or 'class="tile partial"' in html
    assert 'class="tile missing"' in html
    assert "12 <small>天</small>" in html  # the sample inspection is 12 days away
    assert "落后的牵头单位" in html and "未报送" in html
    assert "逾期 3 天" in html and "杏花村3户改厕户化粪池渗漏" in html
    assert "优秀线 90 分" in html and "还差" in html
    assert 'href="/indicator/C01"' in html


def test_security_headers(site: Site) -> None:
    r = site.client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "SAMEORIGIN"
    cookie = r.headers.get("set-cookie", "")
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()


# search and documents --------------------------------------------------------------------------
def test_search_highlights_filters_and_opens_a_hit(site: Site) -> None:
    r = site.client.get("/search", params={"q": "改厕 验收"})
    assert r.status_code == 200
    assert "<mark>" in r.text and "河口镇2024年农村户厕改造验收报告" in r.text
    hit = re.search(r'href="/doc/([0-9a-f]+)">河口镇2024年农村户厕改造验收报告<', r.text)
    assert hit
    doc = site.client.get(f"/doc/{hit.group(1)}")
    assert doc.status_code == 200 and "合格率99.4%" in doc.text  # .docx shown as its extracted text
    filtered = site.client.get("/search", params={"q": "改厕", "indicator": "A03"}).text
    assert "河口镇2024年农村户厕改造验收报告" not in filtered
    only_filter = site.client.get("/search", params={"indicator": "C01"}).text
    assert "户厕" in only_filter
    bad = site.client.get("/search", params={"q": "改厕", "since": "去年"}).text
    assert "无法识别" in bad
    assert "找到" not in site.client.get("/search").text


def test_document_file_inline_pdf_image_and_docx_download(site: Site) -> None:
    photo = site.record("IMG_%")
    r = site.client.get(f"/file/{photo['id']}")
    assert r.status_code == 200 and r.headers["content-type"] == "image/jpeg"
    assert r.headers["content-disposition"].startswith("inline")
    assert "<img src=\"/file/" in site.client.get(f"/doc/{photo['id']}").text
    docx = site.record("河口镇改厕验收报告.docx")
    d = site.client.get(f"/file/{docx['id']}")
    assert d.status_code == 200 and d.headers["content-type"] == "application/octet-stream"
    assert d.headers["content-disposition"].startswith("attachment") and d.content[:2] == b"PK"
    dup = site.record("户厕改造实施方案（转发）.docx")
    assert site.client.get(f"/file/{dup['id']}").content[:2] == b"PK"  # a duplicate serves its original
    broken = site.record("验收报告.pdf")  # quarantined: offered as a download, never rendered
    assert broken["status"] == "quarantined"
    assert "<iframe" not in site.client.get(f"/doc/{broken['id']}").text
    assert site.client.get(f"/file/{broken['id']}").headers["content-disposition"].startswith("attachment")
    assert site.client.get("/doc/ffffffffffff").status_code == 404
    assert site.client.get("/file/ffffffffffff").status_code == 404


def test_pdf_is_shown_inline(site: Site) -> None:
    from pypdf import PdfWriter

    pdf = site.ws.root / "blank.pdf"
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    with pdf.open("wb") as fh:
        writer.write(fh)
    result = upload(site, [("检查记录.pdf", pdf.read_bytes())])[0]
    assert site.client.get(f"/file/{result['id']}").headers["content-type"] == "application/pdf"
    assert '<iframe src="/file/' in site.client.get(f"/doc/{result['id']}").text


def test_html_in_document_titles_and_text_is_escaped(site: Site) -> None:
    evil = "<script>alert('x')</script>改厕<img src=x onerror=alert(1)>验收说明"
    body = f"{evil}\n河口镇改厕验收情况<b>粗体</b>\n河口镇人民政府\n2024年10月20日\n"
    result = upload(site, [("<b>改厕</b>.txt", body.encode("utf-8"))])[0]
    pages = [site.client.get(f"/doc/{result['id']}").text,
             site.client.get("/search", params={"q": "改厕 验收"}).text,
             site.client.get("/unsorted").text, site.client.get("/problems").text]
    for html in pages:
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "<b>改厕</b>" not in html and "<b>粗体</b>" not in html
    assert "&lt;script&gt;" in pages[0]


def test_highlight_escapes_before_marking() -> None:
    plain = "<b>改厕</b>【已验收】&"
    html = str(highlight(plain, [(3, 5), (10, 13)]))
    assert html == "&lt;b&gt;<mark>改厕</mark>&lt;/b&gt;【<mark>已验收</mark>】&amp;"
    assert str(highlight("abc", [(2, 1), (0, 99)])) == "abc"  # nonsense spans are ignored, never crash


# downloads -------------------------------------------------------------------------------------
def test_download_only_inside_archive_and_out(site: Site, tmp_path: Path) -> None:
    out = site.ws.root / "out"
    out.mkdir()
    (out / "自评报告.docx").write_bytes(b"PK report")
    ok = site.client.get("/download", params={"path": "out/自评报告.docx"})
    assert ok.status_code == 200 and ok.content == b"PK report"
    assert "attachment" in ok.headers["content-disposition"]
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-BYTES")
    (out / "link.txt").symlink_to(secret)
    (site.ws.archive / "escape").symlink_to(tmp_path)
    for path in ["../secret.txt", "out/../archivist.toml", "archivist.toml", "index/catalogue.sqlite3",
                 "/etc/passwd", "out/link.txt", "archive/escape/secret.txt", "out\\..\\archivist.toml",
                 "out/%2e%2e/archivist.toml", "", "C:/Windows/win.ini"]:
        r = site.client.get("/download", params={"path": path})
        assert r.status_code in (403, 404), path
        assert b"TOP-SECRET-BYTES" not in r.content and b"[workspace]" not in r.content, path
    assert site.client.get("/download", params={"path": "out/none.docx"}).status_code == 404
    raw = site.client.get("/download?path=..%2F..%2Fetc%2Fpasswd")
    assert raw.status_code == 403


def test_file_route_refuses_a_tampered_archive_path(site: Site) -> None:
    record = site.record("河口镇改厕验收报告.docx")
    cat = site.catalogue()
    try:
        with cat.transaction():
            cat.update(record["id"], archive_path="../archivist.toml")
    finally:
        cat.close()
    r = site.client.get(f"/file/{record['id']}")
    assert r.status_code == 403 and b"[workspace]" not in r.content


def test_safe_file_and_upload_names(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "f.txt").write_text("x")
    assert safe_file(tmp_path, "a/f.txt", [tmp_path / "a"]) == (tmp_path / "a" / "f.txt").resolve()
    for bad in ("../a/f.txt", "a/../a/f.txt", "/a/f.txt", "a/./f.txt", "a\\f.txt", "a/f.txt\x00"):
        with pytest.raises(UnsafePath):
            safe_file(tmp_path, bad, [tmp_path / "a"])
    assert safe_upload_name("../../etc/passwd") == "passwd"
    assert safe_upload_name("C:\\Users\\张三\\改厕台账.xlsx") == "改厕台账.xlsx"
    assert safe_upload_name("..") == "未命名上传文件"
    assert safe_upload_name("a\x00b\nc.txt") == "abc.txt"
    long = safe_upload_name("改" * 200 + ".docx")
    assert long.endswith(".docx") and len(long.encode()) <= 200


# upload ----------------------------------------------------------------------------------------
def upload(site: Site, files: list[tuple[str, bytes]], unit: str = "", expect: int = 200) -> list[dict]:
    token = site.csrf()
    r = site.client.post("/upload", files=[("files", f) for f in files], data={"unit": unit},
                         headers={"X-CSRF-Token": token, "Accept": "application/json"})
    assert r.status_code == expect, r.text
    return r.json().get("results", [])


def test_upload_files_every_state_and_search_finds_it(site: Site) -> None:
    report = site.ws.archive.rglob("20241015-河口镇*.docx").__next__().read_bytes()
    text = ("石门乡2024年农村户厕改造验收报告\n石门乡完成户厕改造220户，验收合格218户，问题厕所已整改。\n"
            "石门乡人民政府\n2024年11月2日\n")
    results = upload(site, [("石门乡改厕验收.txt", text.encode("gb18030")), ("重复.docx", report),
                            ("坏.pdf", b"%PDF-1.4\n%broken upload"), ("~$临时.docx", b"junk")], unit="石门乡")
    states = {r["original_name"]: r["status"] for r in results}
    assert states == {"石门乡改厕验收.txt": "filed", "重复.docx": "duplicate", "坏.pdf": "quarantined",
                      "~$临时.docx": "ignored"}
    filed = next(r for r in results if r["status"] == "filed")
    assert filed["indicator"] == "C01" and filed["archive_path"].startswith("archive/")
    assert (site.ws.root / filed["archive_path"]).is_file()
    assert "石门乡" in site.client.get("/search", params={"q": "石门乡 户厕"}).text
    assert not list(site.ws.cache_dir.glob("web-upload-*"))  # temp files cleaned up
    record = site.record("石门乡改厕验收.txt")
    assert record["provenance"]["uploaded_via"] == "web"


def test_upload_of_a_zip_and_without_javascript(site: Site) -> None:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("材料/村规民约修订情况.txt",
                    "柳溪镇各村修订村规民约，成立红白理事会，开展移风易俗。\n2024年8月1日\n")
    token = site.csrf()
    r = site.client.post("/upload", files=[("files", ("柳溪镇材料.zip", buf.getvalue()))],
                         data={"csrf_token": token})
    assert r.status_code == 200 and "村规民约修订情况.txt" in r.text  # the plain form gets a page back


def test_upload_refusals(site: Site, template: Path, tmp_path: Path) -> None:
    assert site.client.post("/upload", files=[("files", ("a.txt", b"x"))]).status_code == 403  # no CSRF
    r = site.client.post("/upload", files=[("files", ("a.txt", b"x"))], headers={"X-CSRF-Token": "wrong"})
    assert r.status_code == 403
    assert upload(site, [], expect=400) == []
    small = copy_site(template, tmp_path / "small", extra_toml="[web]\nmax_upload_mb = 0.01")
    big = b"x" * 20_000
    token = small.csrf()
    r = small.client.post("/upload", files=[("files", ("big.txt", big))],
                          headers={"X-CSRF-Token": token, "Accept": "application/json"})
    assert r.status_code == 413 and "太大" in r.json()["error"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit must hold while streaming
        for _ in range(40):
            yield b"y" * 1000

    r = small.client.post("/upload", content=chunks(),
                          headers={"X-CSRF-Token": token, "content-type": "multipart/form-data; boundary=zz"})
    assert r.status_code == 413
    r = small.client.post("/assign", content=b"a" * (1024 * 1024 + 10),
                          headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413  # ordinary forms are small too
    assert not list(small.ws.archive.rglob("big*"))


def test_upload_while_another_writer_holds_the_workspace_is_filed_when_it_frees(
        site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    from archivist.intake.queue import pending

    monkeypatch.setattr(web_writing, "WRITE_WAIT_SECONDS", 0.3)
    with site.ws.writer_lock(what="ingest"):  # a CLI ingest, and no watch running
        results = upload(site, [("晚到的材料.txt", "村庄清洁行动简报\n".encode())], unit="河口镇")
        assert [r["status"] for r in results] == ["queued"]
        assert "ingest（进程" in results[0]["reason"] and "watch" not in results[0]["reason"]
        assert [e.original_name for e in pending(site.ws)] == ["晚到的材料.txt"]  # durable while it waits
        page = site.client.get("/upload").text
        assert "1 个上传文件正在排队等候归档" in page and "ingest（进程" in page and "晚到的材料.txt" in page
    site.app.state.web.filer.join(timeout=60)  # the web process files it itself once the lock frees
    assert pending(site.ws) == []
    record = site.record("晚到的材料.txt")
    assert record["status"] in ("filed", "unsorted") and record["provenance"]["unit"] == "河口镇"
    assert (site.ws.root / record["archive_path"]).read_bytes() == "村庄清洁行动简报\n".encode()
    assert not [p for p in site.ws.inbox.rglob("*") if p.is_file()]  # never handed to an absent watcher
    assert not list((site.ws.index_dir / "queue").iterdir())
    assert "排队等候归档" not in site.client.get("/upload").text


def test_a_queued_upload_is_filed_by_the_next_cli_writer(site: Site, monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from archivist.cli import app as cli_app
    from archivist.intake.queue import pending

    monkeypatch.setattr(web_writing, "WRITE_WAIT_SECONDS", 0.3)
    monkeypatch.setattr(web_app.QueueFiler, "kick", lambda self: None)  # as if the server was stopped
    with site.ws.writer_lock(what="ingest"):
        assert [r["status"] for r in upload(site, [("排队.txt", "石门乡村庄清洁行动简报".encode())])] == ["queued"]
    assert len(pending(site.ws)) == 1
    other = tmp_path / "另一份.txt"
    other.write_text("河口镇2024年农村户厕改造验收报告", encoding="utf-8")
    result = CliRunner().invoke(cli_app, ["-w", str(site.ws.root), "ingest", str(other)])
    assert result.exit_code == 0, result.output
    assert "已归档 1 个排队等候的网页上传文件" in result.output
    assert pending(site.ws) == [] and site.record("排队.txt")["archive_path"]


def test_an_upload_queue_entry_left_by_a_stopped_server_is_filed_at_start(template: Path, tmp_path: Path) -> None:
    from archivist.intake.queue import enqueue, pending

    site = copy_site(template, tmp_path)
    upload_file = tmp_path / "upload.bin"
    upload_file.write_text("石门乡2024年村庄清洁行动简报", encoding="utf-8")
    enqueue(site.ws, upload_file, "停机前的上传.txt", "石门乡", {"uploaded_via": "web"})
    with TestClient(site.app, base_url=BASE) as client:  # runs the lifespan: start-up files the queue
        site.app.state.web.filer.join(timeout=60)
        assert client.get("/healthz").status_code == 200
    assert pending(site.ws) == [] and site.record("停机前的上传.txt")["unit"]


# 待分类 and assign -------------------------------------------------------------------------------
def test_unsorted_queue_and_one_click_assign_learns(site: Site) -> None:
    html = site.client.get("/unsorted").text
    notice = site.record("会议通知.docx")
    assert notice["status"] == "unsorted"
    assert f'value="{notice["id"]}"' in html and "依据：" in html
    r = site.post("/assign", {"id": notice["id"], "code": "e01"})
    assert r.status_code == 303 and r.headers["location"] == "/unsorted"
    after = site.record("会议通知.docx")
    assert after["status"] == "filed" and after["indicator"] == "E01"
    assert (site.ws.root / after["archive_path"]).is_file()
    cat = site.catalogue()
    try:
        assert ("E01" in {code for code, _ in cat.examples()})  # the same learning as `archivist assign`
    finally:
        cat.close()
    assert "已归入 E01" in site.client.get("/unsorted").text  # flash message after the redirect
    bad = site.post("/assign", {"id": notice["id"], "code": "Z99"})
    assert bad.status_code == 303
    assert "Z99 不存在" in site.client.get("/unsorted").text
    as_json = site.client.post("/assign", data={"id": "nope", "code": "C01"},
                               headers={"X-CSRF-Token": site.csrf(), "Accept": "application/json"})
    assert as_json.status_code == 409 and "找不到" in as_json.json()["message"]


def test_every_post_needs_csrf_and_same_origin(site: Site) -> None:
    notice = site.record("会议通知.docx")
    data = {"id": notice["id"], "code": "E01"}
    assert site.client.post("/assign", data=data, follow_redirects=False).status_code == 403
    assert site.client.post("/assign", data=data | {"csrf_token": "forged"}).status_code == 403
    token = site.csrf()
    cross = site.client.post("/assign", data=data | {"csrf_token": token},
                             headers={"Origin": "http://evil.example"}, follow_redirects=False)
    assert cross.status_code == 403
    fresh = TestClient(site.app, base_url=BASE)  # another browser: its own session, no token
    assert fresh.post("/assign", data=data | {"csrf_token": token}).status_code == 403
    for url in ("/problems", "/problems/1/close", "/reports", "/logout", "/login"):
        assert site.client.post(url, data={"x": "1"}, follow_redirects=False).status_code == 403, url
    assert site.record("会议通知.docx")["status"] == "unsorted"


def test_host_header_must_be_loopback(template: Path, tmp_path: Path) -> None:
    rebinding = copy_site(template, tmp_path, base_url="http://evil.example")
    assert rebinding.client.get("/").status_code == 400
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")


# problems --------------------------------------------------------------------------------------
def test_problems_add_refuse_close_without_evidence_then_close(site: Site) -> None:
    r = site.post("/problems", {"description": "河口镇改厕验收资料不全", "unit": "河口镇", "source": "县级自查",
                                "deadline": "2099-12-31", "indicator": "C01", "site": "no"})
    assert r.status_code == 303
    page = site.client.get("/problems").text
    assert "已登记问题 #4" in page and "河口镇改厕验收资料不全" in page
    empty = site.post("/problems", {"description": "  "})
    assert empty.status_code == 303 and "问题描述不能为空" in site.client.get("/problems").text
    from archivist.assess.problems import add_problem, get_problem

    cat = site.catalogue()
    try:
        with site.ws.writer_lock():
            old = add_problem(site.ws, cat, "户厕验收台账未建立", unit="河口镇", found_date="2024-06-01",
                              deadline="2024-12-31", site=False)
    finally:
        cat.close()
    r = site.post(f"/problems/{old.id}/close", {"evidence": "", "note": ""})
    assert r.status_code == 303 and "未附整改佐证" in site.client.get("/problems").text
    report = site.record("河口镇改厕验收报告.docx")
    r = site.post(f"/problems/{old.id}/close", {"evidence": report["id"][:8], "note": "已建立验收台账"})
    assert r.status_code == 303 and r.headers["location"] == "/problems?show=closed"
    closed = site.client.get("/problems?show=closed").text
    assert f"问题 #{old.id} 已销号" in closed and report["id"] in closed
    cat = site.catalogue()
    try:
        assert get_problem(cat, old.id).closed  # type: ignore[union-attr]
    finally:
        cat.close()
    site_problem = site.post("/problems/1/close", {"evidence": report["id"]})
    assert site_problem.status_code == 303
    assert "现场类问题" in site.client.get("/problems").text  # refused: a site problem needs an after-photo


# reports ---------------------------------------------------------------------------------------
def test_generate_a_report_and_download_it(site: Site) -> None:
    r = site.client.post("/reports", data={"kind": "problems"},
                         headers={"X-CSRF-Token": site.csrf(), "Accept": "application/json"})
    assert r.status_code == 202
    job = site.app.state.web.jobs.wait(r.json()["id"], timeout=60)
    assert job is not None and job.state == "done", job
    assert job.files == ["out/问题整改台账.docx"]
    page = site.client.get("/reports").text
    assert "问题整改台账.docx" in page and "/download?path=out" in page
    d = site.client.get("/download", params={"path": job.files[0]})
    assert d.status_code == 200 and d.content[:2] == b"PK"
    assert site.client.get("/jobs").json()["jobs"][0]["state"] == "done"
    assert site.post("/reports", {"kind": "../../etc"}).status_code == 400


# token, login and serve ------------------------------------------------------------------------
def test_token_login_flow(template: Path, tmp_path: Path) -> None:
    s = copy_site(template, tmp_path, extra_toml=f'[web]\ntoken = "{TOKEN}"', host="0.0.0.0",
                  base_url="http://192.168.1.20:8000")
    r = s.client.get("/search?q=改厕", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=%2Fsearch")
    assert s.client.post("/upload", headers={"Accept": "application/json"}).status_code == 401
    assert "访问口令" in s.client.get("/file/abc").text  # redirected to the login page
    login_page = s.client.get("/login").text
    assert TOKEN not in login_page
    token = re.search(r'name="csrf_token" value="([^"]+)"', login_page).group(1)  # type: ignore[union-attr]
    wrong = s.client.post("/login", data={"csrf_token": token, "token": "guess", "next": "/"})
    assert wrong.status_code == 401 and "不正确" in wrong.text
    right = s.client.post("/login", data={"csrf_token": token, "token": TOKEN, "next": "//evil.example/"},
                          follow_redirects=False)
    assert right.status_code == 303 and right.headers["location"] == "/"
    assert s.client.get("/").status_code == 200
    assert s.client.post("/logout", data={"csrf_token": s.csrf("/")}, follow_redirects=False).status_code == 303
    assert s.client.get("/", follow_redirects=False).status_code == 303


def _login(client: TestClient, token: str) -> object:
    page = client.get("/login").text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    return client.post("/login", data={"csrf_token": csrf, "token": token, "next": "/"}, follow_redirects=False)


def test_login_is_throttled_per_client_and_per_account(template: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from archivist.web import routes, throttle

    monkeypatch.setattr(routes, "WRONG_TOKEN_DELAY", 0.0)
    monkeypatch.setattr(throttle, "PER_ACCOUNT", "8/10 minutes")
    s = copy_site(template, tmp_path, extra_toml=f'[web]\ntoken = "{TOKEN}"', host="0.0.0.0",
                  base_url="http://192.168.1.20:8000")
    guesser = TestClient(s.app, base_url="http://192.168.1.20:8000", client=("192.168.1.66", 50000))
    statuses = [_login(guesser, f"guess-{n}").status_code for n in range(5)]  # type: ignore[attr-defined]
    assert statuses == [401] * 5
    blocked = _login(guesser, TOKEN)  # even the right token, while this client is over its limit
    assert blocked.status_code == 429  # type: ignore[attr-defined]
    assert "输错次数过多" in blocked.text and int(blocked.headers["retry-after"]) > 0  # type: ignore[attr-defined]
    clerk = TestClient(s.app, base_url="http://192.168.1.20:8000", client=("192.168.1.10", 50000))
    assert _login(clerk, TOKEN).status_code == 303  # type: ignore[attr-defined]  # another machine is not slowed
    for n in range(3):  # a third machine guessing the same account: the account limit (8) is reached
        other = TestClient(s.app, base_url="http://192.168.1.20:8000", client=(f"192.168.1.{100 + n}", 50000))
        assert _login(other, "guess").status_code == 401  # type: ignore[attr-defined]
    late = TestClient(s.app, base_url="http://192.168.1.20:8000", client=("192.168.1.200", 50000))
    assert _login(late, TOKEN).status_code == 429  # type: ignore[attr-defined]


def test_origin_must_match_scheme_and_host(site: Site) -> None:
    notice = site.record("会议通知.docx")
    data = {"id": notice["id"], "code": "E01", "csrf_token": site.csrf()}
    for origin in ("https://127.0.0.1:8000", "ftp://127.0.0.1:8000", "http://127.0.0.1:8000@evil.example",
                   "http://127.0.0.1:8001", "http://evil.example", "null", "http://127.0.0.1:8000/path"):
        r = site.client.post("/assign", data=data, headers={"Origin": origin}, follow_redirects=False)
        assert r.status_code == 403, origin
    r = site.client.post("/assign", data=data, headers={"Referer": "https://127.0.0.1:8000/unsorted"},
                         follow_redirects=False)
    assert r.status_code == 403  # the Referer's scheme is checked the same way
    assert site.record("会议通知.docx")["status"] == "unsorted"
    ok = site.client.post("/assign", data=data, headers={"Origin": "http://127.0.0.1:8000"}, follow_redirects=False)
    assert ok.status_code == 303 and site.record("会议通知.docx")["status"] == "filed"


@pytest.mark.parametrize("host", ["127.0.0.1:8000@evil.example", "127.0.0.1:80:80", "127.0.0.1 evil",
                                  "127.0.0.1/x", "[::1", "[zz]:80", "127.0.0.1:99999x", "_bad_.example"])
def test_malformed_host_headers_are_refused(site: Site, host: str) -> None:
    r = site.client.get("/", headers={"Host": host})
    assert r.status_code == 400 and "Host" in r.text


def test_malformed_host_is_refused_on_a_lan_server_too(template: Path, tmp_path: Path) -> None:
    s = copy_site(template, tmp_path, extra_toml=f'[web]\ntoken = "{TOKEN}"', host="0.0.0.0",
                  base_url="http://192.168.1.20:8000")
    assert s.client.get("/login", headers={"Host": "192.168.1.20:8000@evil.example"}).status_code == 400
    assert s.client.get("/login", headers={"Host": "[::1]:8000"}).status_code == 200
    assert s.client.get("/login").status_code == 200


def test_web_refusals_are_in_chinese(site: Site) -> None:
    from archivist.web.pages import MAX_FILES_PER_UPLOAD

    token = site.csrf()
    files = [("files", (f"{n}.txt", b"x")) for n in range(MAX_FILES_PER_UPLOAD + 1)]
    r = site.client.post("/upload", files=files, headers={"X-CSRF-Token": token, "Accept": "application/json"})
    assert r.status_code == 400
    assert f"一次最多上传 {MAX_FILES_PER_UPLOAD} 个文件" in r.json()["error"] and "Too many" not in r.text
    broken = site.client.post("/upload", content=b"--zz\r\nnonsense", headers={
        "X-CSRF-Token": token, "content-type": "multipart/form-data", "Accept": "application/json"})
    assert broken.status_code == 400 and not re.search(r"[A-Za-z]{4,}", broken.json()["error"])
    wrong_method = site.client.put("/upload")
    assert wrong_method.status_code == 405 and "Method Not Allowed" not in wrong_method.text
    assert "不支持这种请求方式" in wrong_method.text
    assert not any(p.is_file() for p in site.ws.inbox.rglob("*"))


def test_an_unexpected_error_is_a_chinese_page(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    from archivist.web import routes

    fired = []

    def broken(ws: Workspace) -> dict:
        fired.append(ws)
        raise RuntimeError("boom")

    monkeypatch.setattr(routes, "_dashboard_data", broken)
    client = TestClient(site.app, base_url=BASE, raise_server_exceptions=False)
    r = client.get("/")
    assert fired and r.status_code == 500
    assert "服务器内部错误" in r.text and "Internal Server Error" not in r.text and "boom" not in r.text


def test_serving_rules() -> None:
    check_serving("127.0.0.1", "")
    check_serving("0.0.0.0", TOKEN)
    with pytest.raises(WebConfigError, match="token"):
        check_serving("0.0.0.0", "")
    with pytest.raises(WebConfigError, match="太短"):
        check_serving("127.0.0.1", "short")


def test_serve_command(cli, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import socket

    import uvicorn

    from archivist.commands import web_cmd

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    monkeypatch.setattr(web_cmd, "_probe", lambda host, port: None)
    out = cli("serve")
    assert "http://127.0.0.1:8000/" in out and calls[0]["host"] == "127.0.0.1"
    refused = cli("serve", "--host", "0.0.0.0", expect=2)
    assert "[web] token" in refused and len(calls) == 1
    (ws.root / "archivist.toml").write_text(
        (ws.root / "archivist.toml").read_text(encoding="utf-8") + f'\n[web]\ntoken = "{TOKEN}"\n', encoding="utf-8")
    out = cli("serve", "--host", "0.0.0.0", "--port", "8080")
    assert "需输入访问口令" in out and calls[-1] == {"host": "0.0.0.0", "port": 8080, "log_level": "warning",
                                               "server_header": False}
    monkeypatch.undo()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert "已被占用" in (web_cmd._probe("127.0.0.1", port) or "")
        assert "已被占用" in cli("serve", "--port", str(port), expect=1)
