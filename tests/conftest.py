"""Shared fixtures: a fresh workspace per test and a CLI runner that reads its JSON output."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from archivist.workspace import Workspace, init_workspace

os.environ.setdefault("ARCHIVIST_TEST", "1")
# audit-chain keys (one file per workspace id) in a folder of the test run's own, never ~/.config
os.environ["ARCHIVIST_KEY_DIR"] = tempfile.mkdtemp(prefix="archivist-test-keys-")


@pytest.fixture()
def ws(tmp_path: Path) -> Workspace:
    return init_workspace(tmp_path / "ws", county="青山县", inspection_date="2025-01-20", year=2024)


class Cli:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.runner = CliRunner()

    def __call__(self, *args: str, expect: int = 0) -> str:
        from archivist.cli import app

        result = self.runner.invoke(app, ["-w", str(self.ws.root), *args])
        assert result.exit_code == expect, f"exit {result.exit_code}: {result.output}\n{result.exception!r}"
        return result.output

    def json(self, *args: str) -> list | dict:
        from archivist.cli import app

        result = self.runner.invoke(app, ["-w", str(self.ws.root), *args, "--json"])
        assert result.exit_code == 0, f"exit {result.exit_code}: {result.output}\n{result.exception!r}"
        return json.loads(result.stdout)


@pytest.fixture()
def cli(ws: Workspace) -> Cli:
    return Cli(ws)
