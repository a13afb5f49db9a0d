"""The EvidenceStore seam: the same behaviour from LocalStore and from S3Store on a real SeaweedFS server.

Every store test runs twice (local disk, S3). The workspace test files real documents into a workspace
whose archivist.toml says `[storage] backend = "s3"` and reads them back from the bucket: verify, a
re-filing, a tampered object, and a dossier bound from S3 while the local archive/ tree stays empty.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import Cli
from fixtures_gen import make_photo, make_text_pdf
from pypdf import PdfReader
from s3server import S3Server, s3_server  # noqa: F401 - the session's server, a fixture

from archivist.intake.filing import SourceChanged
from archivist.storage import EvidenceMissing, IntegrityMismatch, LocalStore, StorageConfig
from archivist.workspace import Workspace, WorkspaceError, init_workspace

KEY = "archive/C-农村人居环境/C01-农村厕所革命/20240512-河口镇-户厕改造验收报告.pdf"
DATA = "河口镇户厕改造验收报告：完成改厕 320 户。".encode() * 200


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Backend:
    name: str
    store: Any
    tamper: Callable[[str, bytes], None]  # change a stored file behind the store's back


@pytest.fixture()
def s3_env(s3_server: S3Server, monkeypatch: pytest.MonkeyPatch) -> S3Server:  # noqa: F811
    """Credentials the way a server gets them: the environment (never archivist.toml)."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", s3_server.access_key)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", s3_server.secret_key)
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)
    return s3_server


def prefix() -> str:
    return f"t-{uuid.uuid4().hex[:10]}/"  # each test its own part of the bucket


@pytest.fixture(params=["local", "s3"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    if request.param == "local":
        root = tmp_path / "ws"
        root.mkdir()
        return Backend("local", LocalStore(root), lambda key, data: (root / key).write_bytes(data))
    from archivist.storage.s3 import S3Store

    server: S3Server = request.getfixturevalue("s3_env")
    config = StorageConfig(backend="s3", endpoint_url=server.endpoint, bucket=server.bucket, prefix=prefix())
    store = S3Store(config, tmp_path / "scratch")
    client = server.client()
    return Backend("s3", store, lambda key, data: client.put_object(Bucket=server.bucket, Key=config.prefix + key,
                                                                    Body=data))


def source(tmp_path: Path, data: bytes = DATA, name: str = "户厕改造验收报告.pdf") -> Path:
    path = tmp_path / "inbox" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# the store ---------------------------------------------------------------------------------------
def test_put_then_open_reads_back_the_same_bytes(backend: Backend, tmp_path: Path) -> None:
    src = source(tmp_path)
    assert backend.store.put(KEY, src, sha(DATA)) == sha(DATA)
    with backend.store.open(KEY, sha(DATA)) as fh:
        assert fh.read() == DATA
    assert backend.store.exists(KEY) and backend.store.size(KEY) == len(DATA)
    assert src.read_bytes() == DATA  # the source is the caller's to remove


def test_put_refuses_a_source_that_changed_since_it_was_hashed(backend: Backend, tmp_path: Path) -> None:
    src = source(tmp_path)
    with pytest.raises(SourceChanged):
        backend.store.put(KEY, src, sha(b"the bytes the pipeline read earlier"))
    assert not backend.store.exists(KEY)
    assert list(backend.store.keys("archive")) == []  # no half-written file, no temp file left


def test_a_file_changed_in_the_store_is_detected_when_read(backend: Backend, tmp_path: Path) -> None:
    backend.store.put(KEY, source(tmp_path), sha(DATA))
    backend.tamper(KEY, "伪造的验收报告".encode())
    with pytest.raises(IntegrityMismatch, match="与目录记录不符") as caught:
        backend.store.open(KEY, sha(DATA))
    assert "archivist verify" in str(caught.value) and "\n" not in str(caught.value)
    with backend.store.open(KEY) as fh:  # without the catalogue's value: the bytes as they are
        assert fh.read() == "伪造的验收报告".encode()


def test_local_path_is_a_real_file_with_the_archived_name(backend: Backend, tmp_path: Path) -> None:
    backend.store.put(KEY, source(tmp_path), sha(DATA))
    with backend.store.local_path(KEY, sha(DATA)) as path:
        assert path.is_file() and path.name == KEY.rsplit("/", 1)[1] and path.read_bytes() == DATA
    if backend.name == "s3":
        assert not path.exists()  # the temporary copy is gone
    else:
        assert path == tmp_path / "ws" / KEY  # the file itself
    with pytest.raises(EvidenceMissing):
        with backend.store.local_path("archive/_待分类/没有这个文件.pdf"):
            pass


def test_move_and_iterate(backend: Backend, tmp_path: Path) -> None:
    store = backend.store
    other = "archive/_待分类/20240601-县农业农村局-通知.pdf"
    photo = "archive/C-农村人居环境/C01-农村厕所革命/改厕现场.jpg"
    store.put(KEY, source(tmp_path), None)
    store.put(other, source(tmp_path, b"notice", "通知.pdf"), None)
    store.put(photo, source(tmp_path, b"jpeg", "现场.jpg"), None)
    target = "archive/C-农村人居环境/C01-农村厕所革命/20240601-县农业农村局-通知.pdf"
    assert not store.occupied(target)
    store.move(other, target)
    assert not store.exists(other) and store.occupied(target)
    with store.open(target, sha(b"notice")) as fh:
        assert fh.read() == b"notice"
    assert set(store.keys("archive")) == {KEY, target, photo}
    assert set(store.keys("archive/C-农村人居环境")) == {KEY, target, photo}
    assert list(store.keys("archive/_待分类")) == []
    with pytest.raises(SourceChanged) as gone:
        store.move(other, "archive/_待分类/又一个.pdf")
    assert gone.value.vanished
    store.delete(photo)
    assert not store.exists(photo)
    with pytest.raises(EvidenceMissing):
        store.delete(photo)


def test_an_s3_copy_for_a_tool_is_checked_as_it_downloads(s3_env: S3Server, tmp_path: Path) -> None:
    from archivist.storage.s3 import S3Store

    config = StorageConfig(backend="s3", endpoint_url=s3_env.endpoint, bucket=s3_env.bucket, prefix=prefix())
    store = S3Store(config, tmp_path / "scratch")
    store.put(KEY, source(tmp_path), sha(DATA))
    assert store.stored_sha256(KEY) == sha(DATA)  # recorded with the object at upload
    s3_env.client().put_object(Bucket=s3_env.bucket, Key=config.prefix + KEY, Body=b"forged")
    with pytest.raises(IntegrityMismatch):
        with store.local_path(KEY, sha(DATA)):
            pass
    assert list((tmp_path / "scratch").iterdir()) == []  # no copy of the forged bytes left behind


def test_wrong_credentials_say_where_to_put_them(s3_env: S3Server, tmp_path: Path, monkeypatch) -> None:
    from archivist.storage import StoreError
    from archivist.storage.s3 import S3Store

    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-the-secret")
    config = StorageConfig(backend="s3", endpoint_url=s3_env.endpoint, bucket=s3_env.bucket, prefix=prefix())
    with pytest.raises(StoreError, match="AWS_ACCESS_KEY_ID"):
        S3Store(config, tmp_path / "scratch").put(KEY, source(tmp_path))


# the [storage] table -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("table", "named"),
    [
        ('backend = "ftp"', "backend"),
        ('backend = "s3"', "bucket"),
        ('backend = "s3"\nbucket = "Evidence_Files"', "bucket"),
        ('backend = "s3"\nbucket = "evidence"\nendpoint_url = "10.0.0.5:8333"', "endpoint_url"),
        ('backend = "s3"\nbucket = "evidence"\naws_secret_access_key = "abc"', "凭据"),
        ('backend = "s3"\nbucket = "evidence"\nprefix = "../other-county"', "prefix"),
        ('backend = "local"\nbucket = "evidence"', "bucket"),
        ('backend = "s3"\nbucket = "evidence"\nregion = 1', "region"),
        ('backend = "s3"\nbucket = "evidence"\ncache_mb = "1024"', "cache_mb"),
        ('backend = "s3"\nbucket = "evidence"\ncache_mb = -1', "cache_mb"),
        ('backend = "local"\ncache_mb = 512', "cache_mb"),
    ],
)
def test_a_wrong_storage_table_stops_the_workspace_at_load(tmp_path: Path, table: str, named: str) -> None:
    root = init_workspace(tmp_path / "ws", county="青山县", inspection_date="2025-01-20", year=2024).root
    config = root / "archivist.toml"
    config.write_text(config.read_text(encoding="utf-8") + f"\n[storage]\n{table}\n", encoding="utf-8")
    with pytest.raises(WorkspaceError) as caught:
        Workspace(root)
    message = str(caught.value)
    assert "\n" not in message and str(config) in message and named in message


def test_without_a_storage_table_the_archive_is_local_disk(ws: Workspace) -> None:
    from archivist.storage import open_store

    store = open_store(ws)
    assert isinstance(store, LocalStore) and store.root == ws.root


# a workspace on S3 -------------------------------------------------------------------------------
def s3_workspace(tmp_path: Path, server: S3Server) -> tuple[Workspace, str]:
    root = init_workspace(tmp_path / "ws", county="青山县", inspection_date="2025-01-20", year=2024).root
    part = prefix()
    config = root / "archivist.toml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + f'\n[storage]\nbackend = "s3"\nendpoint_url = "{server.endpoint}"\nbucket = "{server.bucket}"\n'
        f'prefix = "{part}"\nregion = "us-east-1"\n',
        encoding="utf-8",
    )
    return Workspace(root), part


def bucket_keys(server: S3Server, part: str) -> set[str]:
    listing = server.client().list_objects_v2(Bucket=server.bucket, Prefix=part)
    return {item["Key"][len(part):] for item in listing.get("Contents", [])}


def test_an_s3_workspace_files_verifies_and_binds_from_the_bucket(
    s3_env: S3Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, part = s3_workspace(tmp_path, s3_env)
    cli = Cli(ws)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    make_text_pdf(incoming / "河口镇户厕改造验收报告.pdf", ["河口镇人民政府", "河口镇农村户厕改造验收报告",
                                                      "2024年5月12日，河口镇完成农村户厕改造320户，验收合格率100%。"])
    make_text_pdf(incoming / "县农业农村局改厕工作推进会议纪要.pdf", ["县农业农村局", "农村厕所革命工作推进会议纪要",
                                                           "2024年6月3日召开全县农村改厕工作推进会，部署户厕问题排查整改。"])
    make_photo(incoming / "改厕现场.jpg", date="2024-05-12", xp_title="河口镇户厕改造现场")
    records = cli.json("ingest", str(incoming))
    assert len(records) == 3 and {r["status"] for r in records} <= {"filed", "unsorted"}
    for record in records:
        if record["status"] == "unsorted" or record["indicator"] != "C01":
            cli("assign", record["id"], "C01")  # a re-filing moves the object inside the bucket
    records = [r for r in cli.json("list") if r["status"] == "filed"]
    assert len(records) == 3 and all(r["indicator"] == "C01" for r in records)

    assert bucket_keys(s3_env, part) == {r["archive_path"] for r in records}
    assert [p for p in ws.archive.rglob("*") if p.is_file()] == []  # nothing on the local archive tree
    report = json.loads(cli("verify", "--json"))
    assert report["ok"], report["findings"]
    assert report["checked"]["files"] == 3

    monkeypatch.setenv("ARCHIVIST_SOFFICE", str(ws.root / "no-such-soffice"))  # PDFs and photos need none
    out = tmp_path / "汇编.pdf"
    result = json.loads(cli("dossier", "--out", str(out), "--date", "2025-01-08", "--json"))
    assert result["documents"] == 3 and not result["skipped"], result
    text = "".join(page.extract_text() or "" for page in PdfReader(str(out)).pages)
    assert "验收合格率" in text and "推进会" in text

    # the web page shows and downloads the originals from the bucket
    from starlette.testclient import TestClient

    from archivist.web import create_app

    web = TestClient(create_app(Workspace(ws.root), host="127.0.0.1"), base_url="http://127.0.0.1:8000")
    pdf = next(r for r in records if r["file_type"] == "pdf")
    shown = web.get(f"/file/{pdf['id']}")
    assert shown.status_code == 200 and shown.headers["content-type"] == "application/pdf"
    assert shown.content == (incoming / pdf["original_name"]).read_bytes()
    fetched = web.get("/download", params={"path": pdf["archive_path"]})
    assert fetched.status_code == 200 and fetched.content == shown.content
    assert list((ws.cache_dir / "s3").iterdir()) == []  # each temporary copy removed once sent

    # an object changed in the bucket behind archivist's back: verify names it, the binder leaves it out
    forged = pdf
    s3_env.client().put_object(Bucket=s3_env.bucket, Key=part + forged["archive_path"], Body=b"%PDF-1.4 forged")
    report = json.loads(cli("verify", "--json", expect=1))
    assert [(f["kind"], f["path"]) for f in report["findings"]] == [("modified", forged["archive_path"])]
    result = json.loads(cli("dossier", "--out", str(out), "--date", "2025-01-08", "--json"))
    assert [s["id"] for s in result["skipped"]] == [forged["id"]]
    assert "不符" in result["skipped"][0]["reason"]
    refused = web.get(f"/file/{forged['id']}")
    assert refused.status_code == 409 and "archivist verify" in refused.text
