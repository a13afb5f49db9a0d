"""Frameworks load with validation, and errors name the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.framework import BUILTIN_DIR, FrameworkError, FrameworkSet, load_framework, load_frameworks


def test_builtin_frameworks_load_and_link() -> None:
    fs = load_frameworks(["shiji-kaohe", "hou-pinggu"])
    kaohe = fs.framework("shiji-kaohe")
    assert kaohe is not None
    base = [i for i in kaohe.indicators() if i.kind == "base"]
    assert sum(i.points for i in base) == 100
    assert fs.indicator("C01").name == "农村厕所革命"
    assert fs.indicator("X01").kind == "bonus"
    # one file under A01 also serves the 后评估 items that name A01
    assert {"P01", "S03"} <= set(fs.links_for("A01"))


def _copy_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (BUILTIN_DIR / "shiji-kaohe.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "bad.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_points_that_do_not_add_up_name_the_line(tmp_path: Path) -> None:
    path = _copy_with(tmp_path, 'code = "A01"\n  name = "防止返贫动态监测和帮扶"\n  points = 6',
                      'code = "A01"\n  name = "防止返贫动态监测和帮扶"\n  points = 7')
    with pytest.raises(FrameworkError, match=r"bad\.toml:\d+: 大类 A"):
        load_framework(path)


def test_duplicate_code_is_refused(tmp_path: Path) -> None:
    path = _copy_with(tmp_path, 'code = "A02"', 'code = "A01"')
    with pytest.raises(FrameworkError, match="重复"):
        FrameworkSet([load_framework(path)])


def test_see_also_target_must_exist(tmp_path: Path) -> None:
    text = (BUILTIN_DIR / "hou-pinggu.toml").read_text(encoding="utf-8")
    path = tmp_path / "hp.toml"
    path.write_text(text.replace('see_also = ["A01"]', 'see_also = ["Z99"]', 1), encoding="utf-8")
    with pytest.raises(FrameworkError, match=r"hp\.toml:\d+: .*Z99"):
        FrameworkSet([load_framework(BUILTIN_DIR / "shiji-kaohe.toml"), load_framework(path)])


def test_broken_toml_is_reported_with_file_name(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('[framework]\nid = "x\n', encoding="utf-8")
    with pytest.raises(FrameworkError, match="broken.toml"):
        load_framework(path)
