"""open_search(workspace): the SearchIndex on the backend that archivist.toml's [search] table names.

Every part of the program that needs the workspace's index gets it here (the CLI, the web, watch,
doctor, the catalogue sync), so adding a backend is a change to this module and config.py only.
The caller owns what it gets: close it (or use `with`) — a server process keeps one open and
closes it on shutdown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..workspace import CONFIG_NAME
from .backend import SearchBackend
from .config import search_config
from .index import SearchIndex

if TYPE_CHECKING:
    from ..workspace import Workspace


def open_search(ws: Workspace) -> SearchIndex:
    """A new SearchIndex for `ws` on the configured backend (default: Whoosh in index/whoosh/;
    `backend = "postgresql"`: the server and schema the [search] table names)."""
    config = search_config(ws.config.raw, ws.root / CONFIG_NAME)
    backend: SearchBackend
    if config.backend == "whoosh":
        from .whoosh_backend import WhooshBackend

        backend = WhooshBackend(ws.whoosh_dir)
    elif config.backend == "postgresql":
        from .pg_backend import PostgresBackend  # psycopg is imported only when the server is used

        assert config.dsn is not None  # search_config refuses postgresql without one
        backend = PostgresBackend(config.dsn, config.schema, where=config.dsn_source)
    else:  # search_config admits only the backends above
        raise AssertionError(config.backend)
    return SearchIndex(ws.whoosh_dir, backend, workspace_root=ws.root)
