"""Every `archivist …` line in README.md's code blocks runs as written (those safe to run here).

The README is what a new user types first; an example that fails ("Got unexpected extra argument")
is the first thing they meet. Each line is taken from the README as it is now, its placeholders (the
workspace folder, the unit's USB folder, record ids like 3f2a9c) replaced with real ones from a
generated workspace, and run in order from inside the workspace as the README says (`cd ~/迎检2024`).
Input files a line names (a 考核细则.xlsx) are made from the test fixtures; a line whose input has no
maker here is skipped with the rest of its command group. Skipped too: the long-running ones (`serve`,
`watch` without --once, `demo`), and `dossier` without LibreOffice.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from fixtures_gen import make_docx
from typer.testing import CliRunner

from archivist.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"
PLACEHOLDER_IDS = ("3f2a9c", "8b1d…", "8b1d")


LATER = "# (later: the archive has been filed)"


def readme_sections(text: str) -> dict[str, list[str]]:
    """The `archivist …` lines of the fenced code blocks, by the `## ` section they are in, in order.

    Each section tells a story of its own (a day with archivist; loading a scheme "before filing
    anything"), so each runs in a workspace of its own. A `### ` subsection is a later moment of the
    same story ("next year's scheme"): LATER marks it, and the runner files the sample evidence there
    when the section has filed nothing yet.
    """
    sections: dict[str, list[str]] = {}
    heading = ""
    in_block = False
    for raw in text.splitlines():
        if raw.strip().startswith("```"):
            in_block = not in_block
            continue
        if not in_block and raw.startswith("## "):
            heading = raw[3:].strip()
            continue
        if not in_block and raw.startswith("### ") and sections.get(heading):
            sections[heading].append(LATER)
            continue
        line = raw.strip()
        if in_block and re.match(r"^(?:\.venv/bin/)?archivist(?:\s|$)", line):
            sections.setdefault(heading, []).append(line)
    return sections


def readme_commands(text: str) -> list[str]:
    """Every `archivist …` line of the code blocks, in order."""
    return [line for lines in readme_sections(text).values() for line in lines if line != LATER]


def skip_reason(argv: list[str]) -> str:
    words = set(argv)
    if "serve" in words:
        return "serve runs until stopped"
    if "watch" in words and "--once" not in words:
        return "watch runs until stopped"
    if "--database" in words:
        return "init --database needs that PostgreSQL server (test_catalogue_pg runs it on a throwaway one)"
    if "demo" in words:
        return "demo builds a whole county (make demo runs it)"
    if "dossier" in words and not shutil.which("soffice"):
        return "dossier needs LibreOffice"
    return ""


INPUT_SUFFIXES = (".xlsx", ".docx", ".doc", ".toml", ".csv", ".zip", ".pdf")


def _kaohe_scheme(path: Path) -> Path:
    from scheme_fixtures import kaohe_xlsx

    year = int(re.search(r"(20\d\d)", path.name).group(1))
    return kaohe_xlsx(path, year=year)


# Files the README's examples read that a user brings along: made here from the test fixtures.
INPUT_MAKERS: list[tuple[str, Callable[[Path], Path]]] = [
    (r"20\d\d年度实绩考核细则\.xlsx$", _kaohe_scheme),
]


def provide_inputs(argv: list[str], cwd: Path) -> str:
    """Make the input files a line names (from INPUT_MAKERS); '' when all exist, else the missing name."""
    for before, arg in zip(["", *argv], argv, strict=False):
        if before in ("--out", "-o") or not arg.endswith(INPUT_SUFFIXES) or (cwd / arg).exists():
            continue
        maker = next((make for pattern, make in INPUT_MAKERS if re.search(pattern, arg)), None)
        if maker is None:
            return arg
        maker(cwd / arg)
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


def run_section(
    lines: list[str], root: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[str], list[str], list[str]]:
    """Run one section's lines in order in a fresh workspace: (lines run, failures, ids filed)."""
    usb = unit_folder(root)
    ws_dir = root / "迎检2024"
    runner = CliRunner()
    if not any(shlex.split(line, comments=True)[1:2] == ["init"] for line in lines):
        made = runner.invoke(app, ["init", str(ws_dir), "--county", "青山县", "--year", "2024"])
        assert made.exit_code == 0, made.output
    ids: list[str] = []
    ran: list[str] = []
    failures: list[str] = []
    needs_own_file: set[str] = set()  # command groups whose input the README leaves to the user
    for line in lines:
        if line == LATER:
            if not ids:
                monkeypatch.chdir(ws_dir)
                filed = runner.invoke(app, ["ingest", str(usb), "--json"])
                assert filed.exit_code == 0, filed.output
                ids = [r["id"] for r in json.loads(filed.stdout)]
            continue
        argv = shlex.split(line, comments=True)[1:]
        if skip_reason(argv) or (argv and argv[0] in needs_own_file):
            continue
        argv = substitute(argv, ws_dir, usb, ids or ["0000"])
        if ws_dir.exists():
            monkeypatch.chdir(ws_dir)
            if provide_inputs(argv, ws_dir):
                needs_own_file.add(argv[0])
                continue
        result = runner.invoke(app, argv, env={"COLUMNS": "200"})
        ran.append(line)
        if result.exit_code != 0:
            failures.append(f"{line}\n  → exit {result.exit_code}: {result.output.strip()[-300:]}")
            continue
        if argv[:1] == ["ingest"]:
            listed = runner.invoke(app, ["list", "--json"])
            ids = [r["id"] for r in json.loads(listed.stdout)]
        if argv[:1] == ["search"] and "--json" not in argv:
            assert "没有找到" not in result.output, f"{line} found nothing:\n{result.output}"
    return ran, failures, ids


def test_every_safe_readme_command_runs_as_written(tmp_path, monkeypatch):
    sections = readme_sections(README.read_text(encoding="utf-8"))
    ran: list[str] = []
    failures: list[str] = []
    filed: list[str] = []
    for number, lines in enumerate(sections.values()):
        section_ran, section_failures, ids = run_section(lines, tmp_path / f"section{number}", monkeypatch)
        ran += section_ran
        failures += section_failures
        filed += ids
    assert not failures, "README commands that fail:\n" + "\n".join(failures)
    assert any(r.startswith("archivist search 河口镇 改厕 验收") for r in ran)
    assert filed, "the README's ingest line filed nothing"


@pytest.mark.parametrize("line, argv", [
    ("archivist search 河口镇 改厕 验收            # words = AND", ["search", "河口镇", "改厕", "验收"]),
    ('archivist score set A01 6 --note "自评 说明"', ["score", "set", "A01", "6", "--note", "自评 说明"]),
])
def test_readme_lines_are_split_as_a_shell_would(line, argv):
    assert shlex.split(line, comments=True)[1:] == argv
