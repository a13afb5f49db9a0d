"""An uncaptioned site photo sent in a unit's folder is filed beside that folder's documents.

Ingest drives the real pipeline: Word files and JPEGs on disk, records read back from the catalogue.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from archivist.catalogue import open_catalogue
from archivist.workspace import Workspace
from tests.fixtures_gen import make_docx


def _photo(path: Path, shade: int) -> Path:
    """A picture with nothing to read: a plain gradient, no EXIF, a phone's file name."""
    image = Image.new("RGB", (640, 480))
    image.putdata([((x + shade) % 256, (y * 2) % 256, 90) for y in range(480) for x in range(640)])
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=80)
    return path


def _records(ws: Workspace) -> dict[str, dict]:
    return {r["original_name"]: r for r in open_catalogue(ws).records()}


def test_a_wordless_photo_follows_its_folders_documents_and_a_mixed_folder_leaves_it_unsorted(
        cli, ws: Workspace, tmp_path: Path) -> None:
    inbox = tmp_path / "来件"
    town = inbox / "河口镇"
    make_docx(town / "附件1.docx", "河口镇2024年农村户厕改造验收情况报告",
              ["全镇完成户厕改造312户，逐户验收合格，问题厕所排查整改全部销号。", "化粪池、厕屋、冲水设备均已验收。"])
    _photo(town / "IMG_20240512_091008.jpg", 10)
    mixed = inbox / "县民政局"
    make_docx(mixed / "附件2.docx", "2024年农村低保特困供养资金发放情况",
              ["全县农村低保对象按月足额发放低保金，特困供养人员供养金发放到位。"])
    make_docx(mixed / "附件3.docx", "村“两委”换届选举工作总结",
              ["全县完成村党组织和村民委员会换届，班子名单已备案。"])
    _photo(mixed / "IMG_20240601_101500.jpg", 80)

    cli.json("ingest", str(inbox))
    records = _records(ws)
    report = records["附件1.docx"]
    assert report["status"] == "filed" and report["indicator"] == "C01"
    photo = records["IMG_20240512_091008.jpg"]
    assert photo["status"] == "filed" and photo["indicator"] == "C01"
    assert "C01-农村厕所革命" in photo["archive_path"] and (ws.root / photo["archive_path"]).is_file()
    shown = "".join(ch for ch in cli("show", photo["id"]) if ch not in "│ \n")  # the table wraps long cells
    assert "依据：同一文件夹（来件/河口镇）中的其他材料均归入C01" in shown
    # the bureau's folder holds material of two indicators: its photo says nothing and waits for a person
    assert {records["附件2.docx"]["indicator"], records["附件3.docx"]["indicator"]} == {"F02", "E01"}
    assert records["IMG_20240601_101500.jpg"]["status"] == "unsorted"
