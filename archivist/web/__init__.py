"""Local web workbench (issue #8): search, dashboard, 待分类 queue, upload, problems, reports.

`create_app(ws)` (archivist/web/app.py) builds the Starlette application; `archivist serve` runs
it with uvicorn. The web layer only calls the same functions as the CLI, so the browser and the
command line always agree on what is filed where.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
