"""Every `archivist …` line in README.md's code blocks runs as written (those safe to run here).

The README is what a new user types first; an example that fails ("Got unexpected extra argument")
is the first thing they meet. Each line is taken from the README as it is now, its placeholders (the
workspace folder, the unit's USB folder, record ids like 3f2a9c) replaced with real ones from a
generated workspace, and run in order from inside the workspace as the README says (`cd ~/迎检2024`).
Skipped: the long-running ones (`serve`, `watch` without --once, `demo`), and `dossier` without
LibreOffice.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
from fixtures_gen import make_docx
from typer.testing import CliRunner

from archivist.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"
PLACEHOLDER_IDS = ("3f2a9c", "8b1d…", "8b1d")


def readme_commands(text: str) -> list[str]:
    """The `archivist …` lines of the fenced code blocks, in order, comments kept out."""
    lines: list[str] = []
    in_block = False
    for raw in text.splitlines():
        if raw.strip().startswith("```"):
            in_block = not in_block
            continue
        line = raw.strip()
        if in_block and re.match(r"^(?:\.venv/bin/)?archivist(?:\s|$)", line):
            lines.append(line)
    return lines


def skip_reason(argv: list[str]) -> str:
    words = set(argv)
    if "serve" in words:
        return "serve runs until stopped"
    if "watch" in words and "--once" not in words:
        return "watch runs until stopped"
    if "demo" in words:
        return "demo builds a whole county (make demo runs it)"
    if "dossier" in words and not shutil.which("soffice"):
        return "dossier needs LibreOffice"
    return ""


def unit_folder(root: Path) -> Path:
    """What a unit's USB stick holds: a 改厕 acceptance report from 河口镇 and a 公益岗 attendance record."""
    folder = root / "u盘" / "县农业农村局"
    make_docx(folder / "河口镇改厕验收报告.docx", "河口镇2024年农村户厕改造验收报告",
              ["经验收，河口镇2024年改厕任务全部完成，验收合格。", "河口镇人民政府", "2024年10月15日"])
    make_docx(folder / "公益岗出勤.docx", "2024年乡村公益性岗位人员出勤情况",
              ["全县乡村公益岗人员7月出勤率98%。", "县人力资源和社会保障局", "2024年8月2日"])
    make_docx(folder / "情况说明.docx", "关于村级组织运转经费拨付情况的说明",
              ["按照要求，现将村级组织运转经费拨付情况说明如下。", "县财政局", "2024年9月3日"])
    return folder


def substitute(argv: list[str], ws_dir: Path, usb: Path, ids: list[str]) -> list[str]:
    out = []
    for arg in argv:
        if arg.startswith("~/"):
            arg = str(ws_dir)
        elif arg.startswith("/media/"):
            arg = str(usb)
        elif arg in PLACEHOLDER_IDS:
            arg = ids[0] if arg == "3f2a9c" else ids[-1]
        out.append(arg)
    return out


def test_readme_has_the_examples_a_new_user_types_first():
    commands = readme_commands(README.read_text(encoding="utf-8"))
    assert any(c.startswith("archivist init") for c in commands)
    assert any(re.match(r"archivist search \S+ \S+", c) for c in commands)  # words as separate arguments
    assert len(commands) >= 8


def test_every_safe_readme_command_runs_as_written(tmp_path, monkeypatch):
    commands = readme_commands(README.read_text(encoding="utf-8"))
    usb = unit_folder(tmp_path)
    ws_dir = tmp_path / "迎检2024"
    runner = CliRunner()
    ids: list[str] = []
    ran: list[str] = []
    failures: list[str] = []
    for line in commands:
        argv = shlex.split(line, comments=True)[1:]
        if skip_reason(argv):
            continue
        argv = substitute(argv, ws_dir, usb, ids or ["0000"])
        if ws_dir.exists():
            monkeypatch.chdir(ws_dir)
        result = runner.invoke(app, argv, env={"COLUMNS": "200"})
        ran.append(line)
        if result.exit_code != 0:
            failures.append(f"{line}\n  → exit {result.exit_code}: {result.output.strip()[:400]}")
            continue
        if argv[:1] == ["ingest"]:
            listed = runner.invoke(app, ["list", "--json"])
            ids = [r["id"] for r in json.loads(listed.stdout)]
        if argv[:1] == ["search"] and "--json" not in argv:
            assert "没有找到" not in result.output, f"{line} found nothing:\n{result.output}"
    assert not failures, "README commands that fail:\n" + "\n".join(failures)
    assert any(r.startswith("archivist search 河口镇 改厕 验收") for r in ran)
    assert ids, "the README's ingest line filed nothing"


@pytest.mark.parametrize("line, argv", [
    ("archivist search 河口镇 改厕 验收            # words = AND", ["search", "河口镇", "改厕", "验收"]),
    ('archivist score set A01 6 --note "自评 说明"', ["score", "set", "A01", "6", "--note", "自评 说明"]),
])
def test_readme_lines_are_split_as_a_shell_would(line, argv):
    assert shlex.split(line, comments=True)[1:] == argv
