"""Where the files archivist ships with are: frameworks, the concept table, phrases, report templates.

In a source checkout they are the repository's top-level templates/, where people read and edit them. A
wheel installs only packages, so the build copies that folder into the package as archivist/_shipped/
(setup.py) and an installed archivist finds it there. Both are ordinary folders, so callers keep working
with Path (globbing the frameworks, comparing a framework's folder with the built-in one).
"""

from __future__ import annotations

from pathlib import Path

PACKAGED = "_shipped"  # the copy inside an installed package


def _root() -> Path:
    packaged = Path(__file__).resolve().parent / PACKAGED
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"


ROOT = _root()


def shipped(*parts: str) -> Path:
    """A shipped file or folder, e.g. shipped("frameworks") or shipped("docx", "speech.docx")."""
    return ROOT.joinpath(*parts)
