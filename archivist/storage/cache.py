"""ReadCache: local copies of S3 objects, named by their sha256, so a file read twice downloads once.

The web view, a range request, a re-built dossier, page counts and the authenticity check all ask
the store for a real file (`local_path`); without a cache every one of them is a full download.
Entries are named by content (the catalogue's sha256), not by key: a re-filed object, or the same
bytes archived twice, is still one entry, and an entry can never hold the wrong bytes for its name —
it is added only after its bytes were hashed to that name (on download, or as `put` uploaded them).

Bounded: after each addition the least recently used entries go first (a hit touches the entry's
mtime, so "oldest" means longest unused) until the folder is under its limit. Entries are read-only
and handed out as hard links, so a caller's temporary copy outlives an eviction, and a tool cannot
write into the cache through it. Several processes (web server, watch, CLI) may share the folder:
every addition is a rename, every removal tolerates a file already gone.

The cache lives under index/cache/ (derived data: deleting it costs only downloads). It is trusted
like the catalogue beside it: whoever can edit it can edit the catalogue's sha256 too.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import IO

CHUNK = 1 << 20
DEFAULT_MB = 1024
_SHA = re.compile(r"[0-9a-f]{64}")


class ReadCache:
    """sha256 → bytes, in one folder of at most `max_bytes` (0: caching off)."""

    def __init__(self, folder: Path, max_bytes: int) -> None:
        self.folder = folder
        self.max_bytes = max_bytes

    def _entry(self, sha: str) -> Path | None:
        return self.folder / sha if _SHA.fullmatch(sha) else None

    def link(self, sha: str, dest: Path) -> bool:
        """Put the cached bytes of `sha` at `dest` (a hard link, else a copy); False when not cached."""
        entry = self._entry(sha)
        if entry is None or self.max_bytes <= 0:
            return False
        try:
            try:
                os.link(entry, dest)
            except FileNotFoundError:
                return False
            except OSError:  # a filesystem without hard links
                shutil.copyfile(entry, dest)
            os.utime(entry)  # used now: evicted last
        except FileNotFoundError:  # evicted by another process meanwhile
            return False
        return True

    def add(self, sha: str, source: Path) -> None:
        """Keep the file `source` (already hashed to `sha`) as the entry for `sha`."""
        with open(source, "rb") as fh:
            self.add_stream(sha, fh, os.fstat(fh.fileno()).st_size)

    def add_stream(self, sha: str, stream: IO[bytes], size: int) -> None:
        """Keep the bytes of `stream` (already hashed to `sha`, `size` long) as the entry for `sha`.

        Best effort: a full disk or a read-only folder costs a later download, never the caller's read."""
        entry = self._entry(sha)
        if entry is None or self.max_bytes <= 0 or size > self.max_bytes or entry.exists():
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".add-", dir=self.folder)
            try:
                with os.fdopen(fd, "wb") as out:
                    shutil.copyfileobj(stream, out, CHUNK)
                os.chmod(tmp, 0o444)
                os.replace(tmp, entry)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return
        self.evict()

    def evict(self) -> None:
        """Remove the longest-unused entries until the folder holds at most max_bytes."""
        entries = []
        try:
            with os.scandir(self.folder) as it:
                for item in it:
                    if _SHA.fullmatch(item.name):
                        try:
                            st = item.stat(follow_symlinks=False)
                        except FileNotFoundError:
                            continue
                        entries.append((st.st_mtime, item.name, st.st_size))
        except FileNotFoundError:
            return
        total = sum(size for _, _, size in entries)
        for _, name, size in sorted(entries):
            if total <= self.max_bytes:
                break
            try:
                (self.folder / name).unlink()
            except FileNotFoundError:
                pass
            total -= size

    def size(self) -> int:
        """Bytes held now (for `doctor` and the bench)."""
        try:
            return sum(p.stat().st_size for p in self.folder.iterdir() if _SHA.fullmatch(p.name))
        except FileNotFoundError:
            return 0
