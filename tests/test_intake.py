"""The intake pipeline end to end: real files in, archived files and catalogue records out."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archivist.catalogue import open_catalogue
from archivist.intake.filing import sanitize_component
from archivist.samples import make_sample_evidence, make_text_corpus
from archivist.workspace import Workspace
from tests.conftest import CATALOGUES, _drop_tenant


@pytest.fixture()
def ws(catalogue_ws: Workspace) -> Workspace:
    """This module's tests run on both catalogues (SQLite and PostgreSQL)."""
    return catalogue_ws


CLI_KEYS = {"id", "status", "indicator", "confidence", "archive_path", "original_name", "sha256", "size",
            "title", "unit", "doc_date", "duplicate_of", "reason"}


def tree_digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def archived_files(ws: Workspace) -> list[Path]:
    return [p for p in ws.archive.rglob("*") if p.is_file() and p.name != ".gitkeep"]


@pytest.fixture(scope="module", params=CATALOGUES)
def sample_run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """Ingest the generated sample set once per catalogue; several tests read the result."""
    from typer.testing import CliRunner

    from archivist.cli import app
    from archivist.workspace import init_workspace

    root = tmp_path_factory.mktemp("sample")
    incoming = make_sample_evidence(root / "来件")
    before = tree_digest(incoming)
    server = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    schema = server.new_schema() if server else None
    ws = init_workspace(root / "ws", county="青山县", year=2024, database=server.dsn if server else None,
                        schema=schema)
    result = CliRunner().invoke(app, ["-w", str(ws.root), "ingest", str(incoming), "--json"])
    assert result.exit_code == 0, result.output
    import json

    yield ws, incoming, before, json.loads(result.output)
    if server and schema:
        _drop_tenant(server, schema)


def test_every_input_ends_in_exactly_one_state(sample_run) -> None:
    ws, incoming, _before, records = sample_run
    inputs = [p for p in incoming.rglob("*") if p.is_file()]
    # the zip is kept as a container and each of its members becomes a record of its own
    zips = [p for p in inputs if p.suffix == ".zip"]
    assert len(records) == len(inputs) - len(zips) + 1
    assert {r["status"] for r in records} <= {"filed", "unsorted", "duplicate", "quarantined"}
    assert all(CLI_KEYS <= set(r) for r in records)
    by_name = {r["original_name"]: r for r in records}
    assert by_name["新建文本文档.txt"]["status"] == "quarantined"
    assert "空文件" in by_name["新建文本文档.txt"]["reason"]
    assert by_name["验收报告.pdf"]["status"] == "quarantined"
    dup = by_name["户厕改造实施方案（转发）.docx"]
    assert dup["status"] == "duplicate" and dup["duplicate_of"] == by_name[
        "关于印发青山县2024年农村户厕改造实施方案的通知.docx"]["id"]


def test_bytes_are_kept_and_paths_follow_the_template(sample_run) -> None:
    ws, _incoming, _before, records = sample_run
    for r in records:
        if r["status"] == "duplicate":
            assert r["archive_path"] is None
            continue
        path = ws.root / r["archive_path"]
        assert path.is_file(), r
        assert hashlib.sha256(path.read_bytes()).hexdigest() == r["sha256"]
        if r["status"] == "filed":
            parts = Path(r["archive_path"]).parts
            assert parts[0] == "archive" and parts[2].startswith(r["indicator"] + "-")
        elif r["status"] == "quarantined":
            assert r["archive_path"].startswith("archive/_隔离/")
        else:
            assert r["archive_path"].startswith("archive/_待分类/")
    # a JPEG named .pdf is a photo: it is filed as an image, not quarantined as a broken PDF
    photo = next(r for r in records if r["original_name"] == "整改照片.pdf")
    assert photo["status"] != "quarantined" and photo["archive_path"].endswith(".jpg")


def test_plan_is_filed_under_its_indicator_with_metadata(sample_run) -> None:
    _ws, _incoming, _before, records = sample_run
    plan = next(r for r in records if r["original_name"] == "河口镇改厕验收报告.docx")
    assert plan["status"] == "filed" and plan["indicator"] == "C01"
    assert plan["doc_date"] == "2024-10-15"
    assert "河口镇" in plan["unit"]
    assert plan["archive_path"].startswith("archive/C-生态宜居/C01-农村厕所革命/20241015-")


def test_zip_members_carry_provenance(sample_run) -> None:
    ws, _incoming, _before, records = sample_run
    member = next(r for r in records if r["original_name"] == "新时代文明实践站活动记录.docx")
    catalogue = open_catalogue(ws)
    full = catalogue.get(member["id"])
    assert full["provenance"]["container"] == "桃源镇迎检材料.zip"
    assert full["provenance"]["member"].startswith("文明实践/")
    assert list(ws.container_dir.glob("*.zip"))


def test_source_folder_is_never_modified(sample_run) -> None:
    _ws, incoming, before, _records = sample_run
    assert tree_digest(incoming) == before


def test_reingesting_the_same_folder_adds_nothing(sample_run) -> None:
    from typer.testing import CliRunner

    from archivist.cli import app

    ws, incoming, _before, records = sample_run
    count = len(open_catalogue(ws).records())
    result = CliRunner().invoke(app, ["-w", str(ws.root), "ingest", str(incoming)])
    assert result.exit_code == 0
    assert len(open_catalogue(ws).records()) == count


def test_audit_log_records_every_intake(sample_run) -> None:
    ws, _incoming, _before, records = sample_run
    catalogue = open_catalogue(ws)
    actions = {e["evidence_id"]: e["action"] for e in catalogue.audit_entries() if e["evidence_id"]}
    assert all(r["id"] in actions for r in records)
    assert catalogue.verify_audit() == []


def test_assign_moves_file_and_learns(cli, ws: Workspace, tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("关于召开有关工作会议的通知")
    doc.add_paragraph("定于下周一召开会议，请准时参加。")
    src = tmp_path / "in" / "通知.docx"
    src.parent.mkdir()
    doc.save(src)
    record = cli.json("ingest", str(src))[0]
    out = cli("assign", record["id"], "E01")
    assert "E01" in out
    moved = open_catalogue(ws).get(record["id"])
    assert moved["status"] == "filed" and moved["indicator"] == "E01"
    assert (ws.root / moved["archive_path"]).is_file()
    assert "E01-农村基层党组织建设" in moved["archive_path"]
    if record["archive_path"] != moved["archive_path"]:
        assert not (ws.root / record["archive_path"]).exists()
    catalogue = open_catalogue(ws)
    assert catalogue.examples()[-1][0] == "E01"
    assert catalogue.audit_entries(record["id"])[-1]["action"] == "reassigned"
    cli("assign", record["id"], "Z99", expect=1)


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd.txt",
        "关于" + "农村人居环境整治" * 25 + "的通知.txt",  # 200+ Chinese characters
        "换行\n名字.txt",
        'a<b>c:"d"|e?f*.txt',
        "CON.txt",
    ],
)
def test_hostile_names_are_sanitized(name: str) -> None:
    clean = sanitize_component(name, keep_suffix=".txt")
    assert len(clean.encode("utf-8")) <= 255
    assert "/" not in clean and "\n" not in clean and ".." not in clean
    assert not any(c in clean for c in '<>:"|?*')
    assert clean.endswith(".txt")
    assert not clean.upper().startswith("CON.")


def test_odd_file_names_on_disk(cli, ws: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    long_name = "河口镇" + "农村户厕改造验收情况" * 8 + ".txt"  # 83 Chinese characters, 250+ bytes
    (folder / long_name).write_text("河口镇户厕改造验收情况，完成改厕320户。", encoding="utf-8")
    (folder / "换行\n名字.txt").write_text("村庄清洁行动简报", encoding="utf-8")
    gbk = os.fsencode(folder) + b"/" + "改厕台账".encode("gbk") + b".txt"
    with open(gbk, "wb") as fh:
        fh.write("改厕验收台账".encode("gb18030"))
    (folder / "link.txt").symlink_to("/etc/hostname")
    records = cli.json("ingest", str(folder))
    assert len(records) == 4
    names = {r["original_name"] for r in records}
    assert "改厕台账.txt" in names  # GBK bytes decoded for people
    link = next(r for r in records if r["original_name"] == "link.txt")
    assert link["status"] == "quarantined" and "链接" in link["reason"]
    for r in records:
        if r["archive_path"]:
            assert all(len(part.encode()) <= 255 for part in Path(r["archive_path"]).parts)
            assert (ws.root / r["archive_path"]).is_file()


def test_kill_9_mid_ingest_then_rerun_archives_each_file_once(ws: Workspace, tmp_path: Path) -> None:
    """A crash at each stage of the file operation, then a re-run: every file archived exactly once."""
    corpus = tmp_path / "corpus"
    paths = make_text_corpus(corpus, 12)
    for stage in ("before_copy", "after_copy", "after_commit"):
        env = os.environ | {"ARCHIVIST_CRASH_AT": f"{stage}:{3}"}
        crashed = subprocess.run([sys.executable, "-m", "archivist", "-w", str(ws.root), "ingest", str(corpus)],
                                 env=env, capture_output=True, timeout=120)
        assert crashed.returncode == 137, crashed.stderr.decode()
    rerun = subprocess.run([sys.executable, "-m", "archivist", "-w", str(ws.root), "ingest", str(corpus)],
                           capture_output=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr.decode()
    records = open_catalogue(ws).records()
    shas = [r["sha256"] for r in records if r["status"] != "duplicate"]
    assert len(shas) == len(set(shas)) == len(paths)
    files = archived_files(ws)
    assert len(files) == len(paths)
    assert not [p for p in ws.archive.rglob(".*.part")]
    assert open_catalogue(ws).journal_entries() == []


def test_nested_zips_stop_at_the_depth_limit(cli, ws: Workspace, tmp_path: Path) -> None:
    import io
    import zipfile

    payload = "龙泉乡土地流转合同备案台账".encode()
    for level in range(5):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr(f"第{level}层.zip" if level else "土地流转.txt", payload)
        payload = buf.getvalue()
    src = tmp_path / "套娃.zip"
    src.write_bytes(payload)
    records = cli.json("ingest", str(src))
    assert len(records) == 1
    assert records[0]["status"] == "quarantined" and "嵌套" in records[0]["reason"]
    assert (ws.root / records[0]["archive_path"]).read_bytes()[:2] == b"PK"


def test_ledger_title_is_its_title_row(sample_run) -> None:
    _ws, _incoming, _before, records = sample_run
    ledger = next(r for r in records if r["original_name"] == "户厕改造验收台账.xlsx")
    assert ledger["title"] == "2024年农村户厕改造验收台账"
    assert ledger["indicator"] == "C01"


def test_a_file_recorded_without_bytes_is_not_an_original(cli, ws: Workspace, tmp_path: Path) -> None:
    """A file that vanished while being read was recorded without bytes; when the same bytes come
    again they are archived, not thrown away as a duplicate of nothing."""
    from fixtures_gen import insert_record

    src = tmp_path / "in" / "验收报告.txt"
    src.parent.mkdir()
    src.write_text("河口镇户厕改造验收报告，完成改厕320户。", encoding="utf-8")
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    insert_record(ws, status="quarantined", indicator=None, original_name=src.name, sha256=digest,
                  size=src.stat().st_size, source_path=str(src.resolve()), reason="文件在读取前已被移走或删除")
    record = cli.json("ingest", str(src))[0]
    assert record["status"] in ("filed", "unsorted")
    assert (ws.root / record["archive_path"]).read_bytes() == src.read_bytes()


def test_missing_path_is_wrong_usage(cli, tmp_path: Path) -> None:
    out = cli("ingest", str(tmp_path / "没有这个文件夹"), expect=2)
    assert "不存在" in out


def test_kill_9_after_copying_a_zip_leaves_no_orphan(ws: Workspace, tmp_path: Path) -> None:
    import zipfile

    src = tmp_path / "河口镇材料.zip"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("改厕验收.txt", "河口镇户厕改造验收报告，完成改厕320户。".encode())
    env = os.environ | {"ARCHIVIST_CRASH_AT": "after_container_copy:1"}
    crashed = subprocess.run([sys.executable, "-m", "archivist", "-w", str(ws.root), "ingest", str(src)],
                             env=env, capture_output=True, timeout=120)
    assert crashed.returncode == 137
    rerun = subprocess.run([sys.executable, "-m", "archivist", "-w", str(ws.root), "ingest", str(src)],
                           capture_output=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert len(list(ws.container_dir.glob("*.zip"))) == 1
    verify = subprocess.run([sys.executable, "-m", "archivist", "-w", str(ws.root), "verify"],
                            capture_output=True, timeout=120)
    assert verify.returncode == 0, verify.stdout.decode() + verify.stderr.decode()
