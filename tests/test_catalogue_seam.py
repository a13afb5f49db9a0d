"""The catalogue seam: every SQL statement archivist runs lives in archivist/catalogue/.

A later PostgreSQL catalogue implements the same repositories; that only works if no module above
the seam talks SQL itself. This walks every module's syntax tree (not its text: comments and
Chinese prose cannot trip it) for calls of `.execute(` / `.executemany(` / `.executescript(`,
`sqlite3.connect(`, and string literals that hold an SQL statement.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "archivist"
SEAM = PACKAGE / "catalogue"

# Modules allowed to talk SQL outside the catalogue package, each with why. Keep this list short.
EXCEPTIONS: dict[str, str] = {
    # A search backend owns its own store: the PostgreSQL index is tables of its own, not the catalogue.
    "search/pg_backend.py": "the PostgreSQL search backend's own tables",
}

CALLS = {"execute", "executemany", "executescript"}
STATEMENT = re.compile(
    r"\b(SELECT\s[\s\S]*\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b"
    r"|CREATE\s+(TEMP\s+)?(TABLE|INDEX|TRIGGER|VIEW)\b|ALTER\s+TABLE\b|DROP\s+(TABLE|INDEX)\b|PRAGMA\s+\w+"
    r"|BEGIN\s+(IMMEDIATE|EXCLUSIVE|DEFERRED)\b|json_extract\(|user_version)"
)


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if SEAM not in p.parents)


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string literal, with an f-string's literal parts joined (its holes as a space)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else " "
                           for v in node.values)
            found.append((node.lineno, text))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.lineno, node.value))
    return found


def sql_in(path: Path) -> list[str]:
    """What in one module talks SQL, one line each (empty: nothing)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            target = node.func.value
            if name in CALLS:
                problems.append(f"{node.lineno}: .{name}(")
            elif name == "connect" and isinstance(target, ast.Name) and target.id == "sqlite3":
                problems.append(f"{node.lineno}: sqlite3.connect(")
    for line, text in _strings(tree):
        if m := STATEMENT.search(text):
            problems.append(f"{line}: SQL in a string: {m[0][:40]!r}")
    return problems


def test_no_sql_outside_the_catalogue_package() -> None:
    offenders = {}
    for path in _modules():
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in EXCEPTIONS:
            continue
        if found := sql_in(path):
            offenders[rel] = found
    assert offenders == {}, "SQL outside archivist/catalogue/ (move it into a repository):\n" + "\n".join(
        f"  {rel} {line}" for rel, lines in offenders.items() for line in lines)


def test_every_exception_still_needs_its_place() -> None:
    """An exception whose module no longer talks SQL is dropped from the list, not left behind."""
    for rel in EXCEPTIONS:
        assert sql_in(PACKAGE / rel), f"{rel} no longer talks SQL: remove it from EXCEPTIONS"


@pytest.mark.parametrize("source, caught", [
    ('db.execute("SELECT 1")', True),
    ('cur.executemany(sql, rows)', True),
    ('x = f"SELECT id FROM evidence WHERE id IN ({marks})"', True),
    ('x = "INSERT OR REPLACE INTO t(a) VALUES (?)"', True),
    ('x = "PRAGMA user_version"', True),
    ('sqlite3.connect(path)', True),
    ('x = "选择 一个 材料 from the archive"', False),
    ('"""Reads the status of every record, then updates the index."""', False),
])
def test_the_check_catches_sql_and_passes_prose(tmp_path: Path, source: str, caught: bool) -> None:
    module = tmp_path / "m.py"
    module.write_text(source + "\n", encoding="utf-8")
    assert bool(sql_in(module)) is caught
