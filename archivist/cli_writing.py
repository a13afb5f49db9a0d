"""The CLI's writer session: `writing()` for every command that changes the archive, speaking on stderr.

The steps themselves (lock, recovery, queued uploads, index sync) are archivist/intake/session.py's;
this module only says in the terminal what they did, in the words the commands have always used.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .cli_common import err_console, fail
from .workspace import WorkspaceBusy

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .intake.session import Filed
    from .workspace import Workspace


def say_recovered(line: str) -> None:
    err_console.print(f"[yellow]恢复：[/]{line}", highlight=False)


def say_queued(filed: Filed) -> None:
    err_console.print(f"已归档 {len(filed)} 个排队等候的网页上传文件", highlight=False)


def say_sync_warning(warning: str) -> None:
    err_console.print(f"[yellow]警告：[/]{warning}", highlight=False)


@contextmanager
def writing(ws: Workspace, what: str, wait: bool = True) -> Iterator[Catalogue]:
    """Writer lock + catalogue + crash recovery + queued uploads, then search sync: the preamble of
    every command that changes the archive. A busy workspace exits 1 naming the holder."""
    from .intake.session import writer_session

    try:
        with writer_session(
            ws, what, wait=wait, on_recovered=say_recovered, on_queued=say_queued, on_sync_warning=say_sync_warning
        ) as session:
            yield session.catalogue
    except WorkspaceBusy as exc:
        fail(str(exc))


def sync_search(ws: Workspace, catalogue: Catalogue) -> None:
    """Bring the search index up to the catalogue (derived data: a failure here loses nothing)."""
    from .intake.session import IntakeSession

    IntakeSession(ws, catalogue, on_sync_warning=say_sync_warning).sync()
