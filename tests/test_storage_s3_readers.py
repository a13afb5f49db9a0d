"""Every reader of archive files works on a workspace whose archive is an S3 bucket (SeaweedFS on loopback).

Each test builds a workspace with `[storage] backend = "s3"`, files real documents into the bucket and
then uses one reader the way a user would: the read cache (a second read downloads nothing), backup
and restore, a scheme migration, `check` finding a re-used photo, the ledger findings of an xlsx,
page counts and a metadata refresh. The local archive/ tree stays empty throughout.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from s3server import S3Server, s3_server  # noqa: F401 - the session's server, a fixture
from test_storage import DATA, KEY, bucket_keys, s3_env, s3_workspace, source  # noqa: F401 - s3_env: a fixture

from archivist.storage import IntegrityMismatch, open_store
from archivist.storage.cache import ReadCache
from archivist.workspace import Workspace


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Downloads:
    """How many GetObject requests any boto3 client sent (what a cache hit must not do)."""

    def __init__(self) -> None:
        self.count = 0


@pytest.fixture()
def downloads(monkeypatch: pytest.MonkeyPatch) -> Iterator[Downloads]:
    from botocore.client import BaseClient

    seen = Downloads()
    real = BaseClient._make_api_call

    def counting(self, operation_name, api_params):  # noqa: ANN001, ANN202 - botocore's own signature
        if operation_name == "GetObject":
            seen.count += 1
        return real(self, operation_name, api_params)

    monkeypatch.setattr(BaseClient, "_make_api_call", counting)
    yield seen


def local_archive_files(ws: Workspace) -> list[Path]:
    return [p for p in ws.archive.rglob("*") if p.is_file()]


# the read cache ----------------------------------------------------------------------------------
def test_a_second_read_of_an_s3_object_downloads_nothing(
    s3_env: S3Server, tmp_path: Path, downloads: Downloads  # noqa: F811
) -> None:
    ws, part = s3_workspace(tmp_path, s3_env)
    store = open_store(ws)
    store.put(KEY, source(tmp_path), sha(DATA))
    with store.local_path(KEY, sha(DATA)) as path:  # the bytes `put` just uploaded are cached
        assert path.read_bytes() == DATA
    assert downloads.count == 0

    for entry in (ws.cache_dir / "objects").iterdir():  # a cold cache: the first read downloads
        entry.unlink()
    with store.local_path(KEY, sha(DATA)) as path:
        assert path.read_bytes() == DATA and path.name == KEY.rsplit("/", 1)[1]
    assert downloads.count == 1
    with store.local_path(KEY, sha(DATA)) as path:
        assert path.read_bytes() == DATA
    assert downloads.count == 1
    with open_store(Workspace(ws.root)).local_path(KEY, sha(DATA)) as path:  # another process, same cache
        assert path.read_bytes() == DATA
    assert downloads.count == 1
    assert list((ws.cache_dir / "s3").iterdir()) == []  # the temporary copies are gone, the cache stays
    assert [p.name for p in (ws.cache_dir / "objects").iterdir()] == [sha(DATA)]

    # an object changed in the bucket is not served from the cache
    s3_env.client().put_object(Bucket=s3_env.bucket, Key=part + KEY, Body=b"%PDF-1.4 forged")
    with pytest.raises(IntegrityMismatch):
        with store.local_path(KEY, sha(DATA)):
            pass


def test_the_web_view_downloads_a_document_once(
    s3_env: S3Server, tmp_path: Path, downloads: Downloads  # noqa: F811
) -> None:
    from conftest import Cli
    from fixtures_gen import make_text_pdf
    from starlette.testclient import TestClient

    from archivist.web import create_app

    ws, _ = s3_workspace(tmp_path, s3_env)
    make_text_pdf(tmp_path / "in" / "河口镇户厕改造验收报告.pdf", ["河口镇人民政府", "户厕改造验收报告"])
    [record] = Cli(ws).json("ingest", str(tmp_path / "in"))
    for entry in (ws.cache_dir / "objects").iterdir():
        entry.unlink()
    web = TestClient(create_app(Workspace(ws.root), host="127.0.0.1"), base_url="http://127.0.0.1:8000")
    before = downloads.count
    first = web.get(f"/file/{record['id']}")
    again = web.get(f"/file/{record['id']}", headers={"Range": "bytes=0-99"})
    assert first.status_code == 200 and again.status_code == 206 and again.content == first.content[:100]
    assert downloads.count == before + 1


def test_the_cache_keeps_its_size_evicting_the_longest_unused(tmp_path: Path) -> None:
    import os
    import time

    cache = ReadCache(tmp_path / "objects", max_bytes=250)
    blobs = {name: name.encode() * 100 for name in ("a", "b", "c")}
    for i, (name, data) in enumerate(blobs.items()):
        src = tmp_path / name
        src.write_bytes(data)
        cache.add(sha(data), src)
        entry = tmp_path / "objects" / sha(data)
        os.utime(entry, (time.time() - 100 + i, time.time() - 100 + i))  # added in this order
        if name == "b":
            assert cache.link(sha(blobs["a"]), tmp_path / "a-used")  # "a" used again: newer than "b"
    assert cache.size() <= 250
    assert cache.link(sha(blobs["a"]), tmp_path / "a-again") and cache.link(sha(blobs["c"]), tmp_path / "c-again")
    assert not cache.link(sha(blobs["b"]), tmp_path / "b-again")
    assert (tmp_path / "a-again").read_bytes() == blobs["a"]


# backup and restore ------------------------------------------------------------------------------
def ingest(ws: Workspace, tmp_path: Path) -> list[dict]:
    """A report, minutes and a photo, filed into the bucket (nothing on the local archive tree)."""
    from conftest import Cli
    from fixtures_gen import make_photo, make_text_pdf

    incoming = tmp_path / "incoming"
    incoming.mkdir(exist_ok=True)
    make_text_pdf(incoming / "河口镇户厕改造验收报告.pdf", ["河口镇人民政府", "河口镇农村户厕改造验收报告",
                                                      "2024年5月12日，河口镇完成农村户厕改造320户，验收合格率100%。"])
    make_text_pdf(incoming / "县农业农村局改厕工作推进会议纪要.pdf", ["县农业农村局", "农村厕所革命工作推进会议纪要",
                                                           "2024年6月3日召开全县农村改厕工作推进会。"])
    make_photo(incoming / "改厕现场.jpg", date="2024-05-12", xp_title="河口镇户厕改造现场")
    records = Cli(ws).json("ingest", str(incoming))
    assert len(records) == 3 and local_archive_files(ws) == []
    return records


def test_a_backup_of_an_s3_workspace_holds_the_bucket_and_restores_into_it(
    s3_env: S3Server, tmp_path: Path  # noqa: F811
) -> None:
    import json
    import tarfile

    from conftest import Cli

    ws, part = s3_workspace(tmp_path, s3_env)
    records = ingest(ws, tmp_path)
    stored = {r["archive_path"]: (tmp_path / "incoming" / r["original_name"]).read_bytes() for r in records}
    out = tmp_path / "备份.tar.gz"
    summary = json.loads(Cli(ws)("backup", "--out", str(out), "--json"))
    assert summary["files"] == 3 and summary["bytes"] == sum(len(b) for b in stored.values())
    with tarfile.open(out) as tar:  # the bucket's bytes, at their catalogue paths
        for rel, data in stored.items():
            assert tar.extractfile(f"archivist-backup/{rel}").read() == data

    # the bucket lost two objects: restore puts them back through the store and keeps no local copy
    client = s3_env.client()
    lost = sorted(stored)[:2]
    for rel in lost:
        client.delete_object(Bucket=s3_env.bucket, Key=part + rel)
    target = tmp_path / "restored"
    restored = json.loads(Cli(ws)("restore", str(out), "--to", str(target), "--json"))
    assert restored["files"] == 3
    assert any("上传 2 个，1 个已在存储中且内容一致" in n for n in restored["notes"]), restored["notes"]
    assert bucket_keys(s3_env, part) == set(stored)
    for rel, data in stored.items():
        assert client.get_object(Bucket=s3_env.bucket, Key=part + rel)["Body"].read() == data
    again = Workspace(target)
    assert local_archive_files(again) == []
    report = json.loads(Cli(again)("verify", "--json"))
    assert report["ok"] and report["checked"]["files"] == 3, report["findings"]

    # an object with other bytes under a key is never overwritten: refused, and the upload taken back
    missing, forged = sorted(stored)[0], sorted(stored)[1]  # the missing one is uploaded first, then taken back
    client.put_object(Bucket=s3_env.bucket, Key=part + forged, Body=b"%PDF-1.4 forged")
    client.delete_object(Bucket=s3_env.bucket, Key=part + missing)
    message = Cli(ws)("restore", str(out), "--to", str(tmp_path / "again"), expect=1)
    assert "内容不同" in message and "prefix" in message
    assert not (tmp_path / "again").exists() and not [p for p in tmp_path.iterdir() if "restoring" in p.name]
    assert bucket_keys(s3_env, part) == set(stored) - {missing}
    assert client.get_object(Bucket=s3_env.bucket, Key=part + forged)["Body"].read() == b"%PDF-1.4 forged"


# scheme migration --------------------------------------------------------------------------------
def test_a_scheme_migration_moves_the_objects_in_the_bucket_and_freezes_them_locally(
    s3_env: S3Server, tmp_path: Path  # noqa: F811
) -> None:
    import json

    from conftest import Cli
    from fixtures_gen import make_docx
    from scheme_fixtures import kaohe_xlsx

    ws, part = s3_workspace(tmp_path, s3_env)
    cli = Cli(ws)
    cli("scheme", "import", str(kaohe_xlsx(tmp_path / "细则2024.xlsx")))
    docs = [("污水设施运行.docx", "农村生活污水处理设施运行记录", "生活污水治理项目清单和处理设施运行记录。", "B03"),
            ("秸秆禁烧.docx", "2024年秸秆禁烧巡查记录", "秸秆综合利用台账和禁烧巡查记录。", "B05")]
    for name, title, body, _ in docs:
        make_docx(tmp_path / "来件" / name, title, [body])
    records = {r["original_name"]: r for r in cli.json("ingest", str(tmp_path / "来件"))}
    for name, *_, code in docs:
        if records[name]["indicator"] != code:
            cli("assign", records[name]["id"], code)
    before = {r["original_name"]: r for r in cli.json("list")}
    data = {name: (tmp_path / "来件" / name).read_bytes() for name in before}
    cli("scheme", "import", str(kaohe_xlsx(tmp_path / "细则2025.xlsx", year=2025)), "--no-use")

    report = cli.json("scheme", "migrate", "kaohe-2024", "kaohe-2025", "--yes")
    assert [m["new_code"] for m in report["moved"]] == ["B02"] and len(report["unsorted"]) == 1
    after = {r["original_name"]: r for r in cli.json("list")}
    assert after["污水设施运行.docx"]["archive_path"].startswith("archive/B-生态振兴/B02-")
    assert after["秸秆禁烧.docx"]["archive_path"].startswith("archive/_待分类/")
    client = s3_env.client()
    assert bucket_keys(s3_env, part) == {r["archive_path"] for r in after.values()}  # moved, old keys gone
    for name, record in after.items():
        assert client.get_object(Bucket=s3_env.bucket, Key=part + record["archive_path"])["Body"].read() == data[name]
    assert local_archive_files(ws) == []

    snapshot = ws.root / report["snapshot"]  # last year's archive: real local files, at their old paths
    for name, record in before.items():
        assert (snapshot / record["archive_path"]).read_bytes() == data[name]
    manifest = json.loads((snapshot / "manifest.json").read_text(encoding="utf-8"))
    assert {f["path"] for f in manifest["files"]} == {r["archive_path"] for r in before.values()}
    assert json.loads(cli("verify", "--json"))["ok"]


# authenticity check ------------------------------------------------------------------------------
def test_check_finds_a_reused_photo_in_the_bucket(s3_env: S3Server, tmp_path: Path) -> None:  # noqa: F811
    from conftest import Cli
    from fixtures_gen import make_docx

    from tests.authenticity_gen import reused, save_photo, scene, set_core_times

    ws, _ = s3_workspace(tmp_path, s3_env)
    cli = Cli(ws)
    box = tmp_path / "来件"
    station = scene(1, day=1)
    save_photo(box / "河口镇" / "东岭村垃圾站.jpg", station, "2024-05-12 09:30:00", "东岭村垃圾站")
    save_photo(box / "青山镇" / "西坪村垃圾站.jpg", reused(station, 7), "2024-08-03 15:10:00", "西坪村垃圾站")
    save_photo(box / "白沙乡" / "南溪村公厕.jpg", scene(2, day=1), "2024-06-01 11:00:00", "南溪村公厕")
    set_core_times(make_docx(box / "河口镇" / "河口镇2024年工作总结.docx", "河口镇2024年乡村振兴工作总结",
                             ["全镇完成户厕改造320户。"]), "2024-12-20T09:00:00Z")
    cli("ingest", str(box))
    assert local_archive_files(ws) == []
    # a cold start: no facts made at ingest, no cached copies: check reads every picture from the bucket
    import sqlite3

    db = sqlite3.connect(ws.catalogue_path)
    with db:
        db.execute("DELETE FROM authenticity_facts")
    db.close()
    for entry in (ws.cache_dir / "objects").iterdir():
        entry.unlink()

    reuse = [f for f in cli.json("check") if f["kind"] == "photo_reuse"]
    names = {r["id"]: r["original_name"] for r in cli.json("list")}
    assert [{names[i] for i in f["evidence_ids"]} for f in reuse] == [{"东岭村垃圾站.jpg", "西坪村垃圾站.jpg"}]
    db = sqlite3.connect(ws.catalogue_path)
    created = db.execute("SELECT created FROM authenticity_facts WHERE created IS NOT NULL").fetchall()
    db.close()
    assert [c[0][:10] for c in created] == ["2024-12-20"]  # the Word file's core properties, read from S3
    assert list((ws.cache_dir / "s3").iterdir()) == []


# ledger checks -----------------------------------------------------------------------------------
def test_the_ledger_findings_of_an_xlsx_in_the_bucket(s3_env: S3Server, tmp_path: Path) -> None:  # noqa: F811
    from conftest import Cli
    from test_ledger_checks import HEADER, make_ledger, toilet_rows

    from archivist.assess.ledger_checks import ledger_findings
    from archivist.catalogue import Catalogue

    ws, _ = s3_workspace(tmp_path, s3_env)
    make_ledger(tmp_path / "来件" / "户厕改造验收台账.xlsx", HEADER, toilet_rows(), ["合计", 1500, 1500, 1300])
    [record] = Cli(ws).json("ingest", str(tmp_path / "来件"))
    assert local_archive_files(ws) == []
    for entry in (ws.cache_dir / "objects").iterdir():
        entry.unlink()
    catalogue = Catalogue(ws.catalogue_path)
    try:
        [found] = ledger_findings(ws, catalogue, use_cache=False)
    finally:
        catalogue.close()
    # read from the workbook itself (exact row and column), not from the sheets kept in the record
    assert (found.kind, found.row, found.column, found.expected, found.actual) == ("total_mismatch", 9, "D", 1488, 1300)
    assert found.file == record["archive_path"] and "行号按提取内容推算" not in found.message


# page counts and a metadata refresh --------------------------------------------------------------
def test_page_counts_and_a_metadata_refresh_read_the_bucket(s3_env: S3Server, tmp_path: Path) -> None:  # noqa: F811
    from conftest import Cli
    from fixtures_gen import make_text_pdf

    from archivist.catalogue import Catalogue
    from archivist.generate.pagecount import known_counts
    from archivist.intake.reextract import refresh_all

    ws, _ = s3_workspace(tmp_path, s3_env)
    make_text_pdf(tmp_path / "来件" / "河口镇户厕改造验收报告.pdf",
                  [["河口镇人民政府", "河口镇农村户厕改造验收报告", "2024年5月12日完成改厕320户。"],
                   ["附件：验收名单"], ["附件：整改台账"]])
    [record] = Cli(ws).json("ingest", str(tmp_path / "来件"))
    assert local_archive_files(ws) == []
    for entry in (ws.cache_dir / "objects").iterdir():
        entry.unlink()
    catalogue = Catalogue(ws.catalogue_path)
    try:
        unmeasured = catalogue.get(record["id"]) | {"pages": None}  # no dossier yet: the count comes from the file
        assert known_counts(ws, [unmeasured]) == {record["id"]: 3}

        with catalogue.transaction():  # as an older version recognised it
            catalogue.update(record["id"], title="旧版本识别的题名")
        report = refresh_all(ws, catalogue)
        assert report.checked == 1 and report.unreadable == []
        assert catalogue.get(record["id"])["title"] == record["title"] != "旧版本识别的题名"
    finally:
        catalogue.close()
    assert list((ws.cache_dir / "s3").iterdir()) == []
