"""archivist.toml and frameworks/ are not trusted: every configured path must stay inside the
workspace on every load, and a restored backup's settings are checked like an import."""

from __future__ import annotations

import io
import re
import tarfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from archivist.backup import BackupError, make_backup, restore_backup
from archivist.cli import app
from archivist.framework import FrameworkError, load_framework
from archivist.workspace import CONFIG_NAME, Workspace, WorkspaceError

REPORT = "河口镇2024年农村户厕改造验收报告\n全镇完成户厕改造320户，验收合格318户。\n"


def run(ws_root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["-w", str(ws_root), *args])
    return result.exit_code, result.output


def set_path(ws: Workspace, key: str, value: str) -> None:
    config = ws.root / CONFIG_NAME
    text = config.read_text(encoding="utf-8")
    line = re.compile(rf"^{key} = .*$", re.M)
    replacement = f"{key} = {value!r}".replace("'", '"')
    text = line.sub(replacement, text, count=1) if line.search(text) else text.replace(
        "[paths]\n", f"[paths]\n{replacement}\n")
    config.write_text(text, encoding="utf-8")


@pytest.fixture()
def outside(tmp_path: Path) -> Path:
    """A folder of the user's own, beside the workspace, with a file that must survive."""
    folder = tmp_path / "我的文件"
    folder.mkdir()
    (folder / "个人材料.txt").write_text(REPORT, encoding="utf-8")
    return folder


@pytest.mark.parametrize("how", ["dotdot", "absolute", "symlink", "workspace-itself", "inside-archive"])
def test_an_inbox_outside_the_workspace_is_refused_on_load(ws: Workspace, outside: Path, how: str) -> None:
    if how == "dotdot":
        set_path(ws, "inbox", "../我的文件")
    elif how == "absolute":
        set_path(ws, "inbox", str(outside))
    elif how == "symlink":
        set_path(ws, "inbox", "收件")
        (ws.root / "收件").symlink_to(outside)
    elif how == "workspace-itself":
        set_path(ws, "inbox", ".")
    else:
        set_path(ws, "inbox", "archive/收件")
    code, output = run(ws.root, "watch", "--once")
    assert code == 1
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1 and "paths.inbox" in lines[0] and CONFIG_NAME in lines[0], output
    assert "Traceback" not in output
    assert (outside / "个人材料.txt").read_text(encoding="utf-8") == REPORT  # nothing emptied
    with pytest.raises(WorkspaceError, match="paths.inbox"):
        Workspace(ws.root)  # on every load, not only on restore


@pytest.mark.parametrize("key", ["archive", "index", "exports"])
def test_every_other_path_is_checked_too(ws: Workspace, outside: Path, key: str) -> None:
    set_path(ws, key, "../我的文件")
    code, output = run(ws.root, "status")
    assert code == 1 and f"paths.{key}" in output


def test_framework_ids_and_template_fields_are_checked(ws: Workspace) -> None:
    config = ws.root / CONFIG_NAME
    original = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"frameworks = \[.*\]", 'frameworks = ["../../../etc/evil"]', original, count=1),
                      encoding="utf-8")
    with pytest.raises(WorkspaceError, match="workspace.frameworks"):
        Workspace(ws.root)
    config.write_text(re.sub(r'template = ".*"', 'template = "{category}/{title.__class__}"', original, count=1),
                      encoding="utf-8")
    with pytest.raises(WorkspaceError, match=r"filing.template.*\{title.__class__\}"):
        Workspace(ws.root)
    config.write_text(original, encoding="utf-8")
    Workspace(ws.root)  # the file init writes is accepted as it is


GARBAGE = {
    "binary": b"\x00\xff\xfe garbage \x89PNG",
    "no-indicators": b'[framework]\nid = "garbage"\nname = "x"\n',
    "wrong-types": b'[framework]\nid = "garbage"\ncategory = 5\n',
    "nan-points": b'[framework]\nid = "garbage"\n[[category]]\ncode = "A"\nname = "a"\npoints = nan\n'
                  b'[[category.indicator]]\ncode = "A01"\nname = "x"\npoints = nan\n',
    "indicator-code-not-text": b'[framework]\nid = "garbage"\nkind = "graded"\n[[category]]\ncode = "A"\n'
                               b'name = "a"\n[[category.indicator]]\ncode = 1\nname = "x"\n',
}


@pytest.mark.parametrize("kind", sorted(GARBAGE))
def test_a_garbage_framework_is_one_line_framework_error(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "garbage.toml"
    path.write_bytes(GARBAGE[kind])
    with pytest.raises(FrameworkError) as error:
        load_framework(path)
    assert "garbage.toml" in str(error.value) and "\n" not in str(error.value)


def _backup_with(ws: Workspace, tmp_path: Path, replace: dict[str, bytes]) -> Path:
    """A real backup of `ws`, then rewritten with some settings members replaced or added."""
    (tmp_path / "报告.txt").write_text(REPORT, encoding="utf-8")
    code, output = run(ws.root, "ingest", str(tmp_path / "报告.txt"))
    assert code == 0, output
    good = tmp_path / "good.tar"
    make_backup(ws, good)
    bad = tmp_path / "bad.tar"
    with tarfile.open(good) as tin, tarfile.open(bad, "w", format=tarfile.PAX_FORMAT) as tout:
        for member in tin.getmembers():
            fh = tin.extractfile(member)
            data = fh.read() if fh else b""
            rel = member.name.split("/", 1)[1]
            data = replace.pop(rel, data)
            member.size = len(data)
            tout.addfile(member, io.BytesIO(data))
        for rel, data in replace.items():
            member = tarfile.TarInfo(f"archivist-backup/{rel}")
            member.size = len(data)
            tout.addfile(member, io.BytesIO(data))
    return bad


def _assert_nothing_left(tmp_path: Path, target: Path) -> None:
    assert not target.exists()
    assert not [p for p in target.parent.iterdir() if ".restoring-" in p.name]


def test_a_restore_whose_toml_points_outside_is_refused(ws: Workspace, tmp_path: Path, outside: Path) -> None:
    toml = (ws.root / CONFIG_NAME).read_text(encoding="utf-8").replace('inbox = "inbox"', 'inbox = "../我的文件"')
    bad = _backup_with(ws, tmp_path, {CONFIG_NAME: toml.encode()})
    target = tmp_path / "恢复"
    with pytest.raises(BackupError, match="paths.inbox") as error:
        restore_backup(bad, target)
    assert "拒绝恢复" in str(error.value) and ".restoring-" not in str(error.value)
    _assert_nothing_left(tmp_path, target)
    assert (outside / "个人材料.txt").exists()
    code, output = run(ws.root, "restore", str(bad), "--to", str(target))
    assert code == 1 and "paths.inbox" in output and "Traceback" not in output
    _assert_nothing_left(tmp_path, target)


@pytest.mark.parametrize("kind", ["binary", "wrong-types"])
def test_a_restore_with_a_garbage_framework_is_refused(ws: Workspace, tmp_path: Path, kind: str) -> None:
    bad = _backup_with(ws, tmp_path, {"frameworks/garbage.toml": GARBAGE[kind]})
    target = tmp_path / "恢复"
    with pytest.raises(BackupError, match="garbage.toml"):
        restore_backup(bad, target)
    _assert_nothing_left(tmp_path, target)


def test_a_restore_whose_toml_names_a_framework_it_lacks_is_refused(ws: Workspace, tmp_path: Path) -> None:
    toml = (ws.root / CONFIG_NAME).read_text(encoding="utf-8")
    toml = re.sub(r"frameworks = \[.*\]", 'frameworks = ["本省方案"]', toml, count=1)
    bad = _backup_with(ws, tmp_path, {CONFIG_NAME: toml.encode()})
    target = tmp_path / "恢复"
    with pytest.raises(BackupError, match="本省方案|workspace.frameworks"):
        restore_backup(bad, target)
    _assert_nothing_left(tmp_path, target)


def test_an_inbox_swapped_for_a_symlink_while_watching_is_refused(ws: Workspace, outside: Path) -> None:
    from archivist.watch import Watcher

    watcher = Watcher(ws, settle_seconds=0.0)  # loaded while the inbox was an ordinary folder
    ws.inbox.rmdir()
    ws.inbox.symlink_to(outside)
    with pytest.raises(WorkspaceError, match="paths.inbox"):
        watcher.run_once()
    assert (outside / "个人材料.txt").read_text(encoding="utf-8") == REPORT
