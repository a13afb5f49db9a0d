"""页数 of a document without building the dossier: from the file, or from the last render of it.

The 归档文件目录 prints each item's page count. The exact count is the one the dossier measures on
the rendered PDF (written back to the catalogue); before any dossier exists the count comes from
what the file says about itself:

* a PDF's page tree (/Count — read without parsing the pages);
* a Word file's docProps/app.xml <Pages>, which Word and WPS update on every save. A file made by a
  program that never lays it out (python-docx's template says 1 page, 0 words) is not trusted: a
  <Pages> beside <Words>0</Words> or <Characters>0</Characters> is stale;
* a photo is one page;
* anything the dossier has rendered before: the page count of that render, cached by content.

Counts are cached in ``index/cache/pages.json`` by sha256, so a 20,000-item catalogue reads each file
once, ever. A spreadsheet's pages depend on its print layout and are known only once rendered.
Files are read through the EvidenceStore (from S3: one checked download per file, then the cache);
a store that cannot answer now leaves the count unknown and uncached, to be read next time.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..storage import StoreError

if TYPE_CHECKING:
    from ..workspace import Workspace

CACHE_NAME = "pages.json"
_PAGES = re.compile(rb"<(?:\w+:)?Pages>\s*(\d+)\s*<")
_ZERO_STATS = re.compile(rb"<(?:\w+:)?(?:Words|Characters)>\s*0\s*<")
WORD_SUFFIXES = frozenset({".docx", ".docm"})


def pdf_pages(path: Path) -> int | None:
    try:
        from pypdf import PdfReader

        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return None
        n = len(reader.pages)
    except Exception:  # noqa: BLE001 - a damaged PDF has no known count; the dossier will say why
        return None
    return n or None


def docx_pages(path: Path) -> int | None:
    try:
        with zipfile.ZipFile(path) as zf:
            app = zf.read("docProps/app.xml")[:20000]
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    found = _PAGES.search(app)
    if found is None or _ZERO_STATS.search(app):
        return None
    n = int(found.group(1))
    return n if 0 < n < 100000 else None


def file_pages(path: Path, file_type: str) -> int | None:
    """The page count a file states about itself (see the module doc), or None when it does not."""
    if file_type == "image":
        return 1
    if file_type == "pdf":
        return pdf_pages(path)
    if path.suffix.lower() in WORD_SUFFIXES:
        return docx_pages(path)
    return None


def stored_file_pages(ws: Workspace, rel: str, sha: str | None, file_type: str) -> int | None:
    """file_pages of an archived file, read through the store; a file that is gone states no count.
    Raises StoreError when the store cannot read it now."""
    from ..storage import EvidenceMissing, open_store

    try:
        with open_store(ws).local_path(rel, sha) as path:
            return file_pages(path, file_type)
    except EvidenceMissing:
        return None


class PageCache:
    """sha256 → pages, kept in the workspace's cache folder (derived data: deleting it loses nothing)."""

    def __init__(self, ws: Workspace) -> None:
        self.path = ws.cache_dir / CACHE_NAME
        self.counts: dict[str, int] = {}
        self.dirty = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                self.counts = {k: v for k, v in data.items() if isinstance(v, int) and v >= 0}
        except (OSError, ValueError):
            pass

    def get(self, sha: str | None) -> int | None:
        """Pages, 0 when the file was read and states no count (not read again), None when not seen."""
        return self.counts.get(sha) if sha else None

    def put(self, sha: str | None, pages: int | None) -> None:
        if sha and self.counts.get(sha) != (pages or 0):
            self.counts[sha] = pages or 0
            self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f".{CACHE_NAME}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(self.counts, separators=(",", ":")), encoding="utf-8")
            os.replace(tmp, self.path)
            self.dirty = False
        except OSError:
            pass  # a read-only cache only costs the next run the same reads


def remember(ws: Workspace, counts: Mapping[str, int]) -> None:
    """Store measured counts (sha256 → pages), e.g. every document the dossier just bound."""
    cache = PageCache(ws)
    for sha, n in counts.items():
        if n:
            cache.put(sha, n)
    cache.save()


def known_counts(ws: Workspace, records: Iterable[dict[str, Any]]) -> dict[str, int]:
    """id → pages for every record whose count is known or can be read cheaply from its file.

    Order of trust: the catalogue's own 页数 (measured by a dossier), the render cache, the file.
    """
    cache = PageCache(ws)
    out: dict[str, int] = {}
    for record in records:
        stored = record.get("pages")
        if isinstance(stored, int) and stored > 0:
            out[record["id"]] = stored
            continue
        sha = record.get("sha256")
        n = cache.get(sha)
        if n is None:
            ftype = (record.get("file_type") or "").lower()
            rel = record.get("archive_path")
            if ftype == "image":
                n = 1
            elif rel and (ftype == "pdf" or Path(rel).suffix.lower() in WORD_SUFFIXES):
                try:
                    n = stored_file_pages(ws, rel, sha, ftype)
                except StoreError:
                    n = None
                else:
                    cache.put(sha, n)
        if n:
            out[record["id"]] = n
    cache.save()
    return out
