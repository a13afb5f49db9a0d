"""A built wheel works on its own: frameworks, the concept table, phrases and Word templates travel with it.

The source checkout keeps them in the top-level templates/; a wheel installs packages only. This builds
the wheel from a copy of the sources, unpacks it (what pip does for a pure-Python wheel) into a folder of
its own and runs archivist from there, with no site processing so the checkout's editable install cannot
answer instead: a new workspace, a file ingested and filed, status, search with a concept expansion and a
report from its Word template.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import docx
import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{args} exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The unpacked wheel's folder (a site-packages of its own)."""
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    src.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "_shipped")
    shutil.copytree(ROOT / "archivist", src / "archivist", ignore=ignore)
    shutil.copytree(ROOT / "templates", src / "templates", ignore=ignore)
    dist = base / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(src)],
         cwd=base, env=dict(os.environ, PIP_NO_INDEX="1"))
    [wheel] = dist.glob("archivist-*.whl")
    site = base / "site"
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert "archivist/_shipped/docx/speech.docx" in names
        assert any(n.startswith("archivist/_shipped/frameworks/") and n.endswith(".toml") for n in names)
        assert not any(n.startswith("templates/") for n in names)  # inside the package, not beside it
        zf.extractall(site)
    return site


def test_an_installed_wheel_files_searches_and_reports_with_its_own_templates(installed: Path, tmp_path: Path) -> None:
    deps = sysconfig.get_paths()["purelib"]  # the test environment's libraries, but not its editable archivist
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(installed), deps]), PYTHONNOUSERSITE="1")
    python = [sys.executable, "-S", "-m", "archivist"]
    where = _run([sys.executable, "-S", "-c", "import archivist.shipped as s; print(s.__file__);"
                  " print(s.ROOT)"], cwd=tmp_path, env=env).stdout.split()
    assert Path(where[0]).is_relative_to(installed)
    assert Path(where[1]) == installed / "archivist" / "_shipped"

    ws = tmp_path / "ws"
    _run([*python, "init", str(ws), "--county", "青山县", "--inspection-date", "2025-01-20"], cwd=tmp_path, env=env)
    paper = tmp_path / "河口镇助餐点运营情况.txt"
    paper.write_text("河口镇农村助餐点运营情况报告\n本镇建成助餐服务点3个，为老年人提供助餐服务。\n河口镇人民政府\n"
                     "2024年6月3日\n", encoding="utf-8")
    _run([*python, "-w", str(ws), "ingest", str(paper), "--json"], cwd=tmp_path, env=env)
    status = json.loads(_run([*python, "-w", str(ws), "status", "--json"], cwd=tmp_path, env=env).stdout)
    assert len(status) > 20  # the shipped frameworks' indicators
    hits = json.loads(_run([*python, "-w", str(ws), "search", "老年食堂", "--json"], cwd=tmp_path, env=env).stdout)
    assert hits and "助餐" in hits[0]["title"]  # found through the shipped concept table
    out = tmp_path / "speech.docx"
    _run([*python, "-w", str(ws), "report", "speech", "--out", str(out)], cwd=tmp_path, env=env)
    assert any(p.text.strip() for p in docx.Document(str(out)).paragraphs)
