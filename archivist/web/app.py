"""The web workbench application: `create_app(ws)` builds a Starlette app for one workspace.

Layering (outermost first): GuardMiddleware (Host check, size limits, security headers) →
SessionMiddleware (signed cookie: CSRF token, login, flash messages) → AuthMiddleware (token, when
configured) → the routes in archivist/web/routes.py. Changes go through `web_writing()`
(archivist/web/writing.py), the same writer session as the CLI's `writing()`, so a browser, `ingest`
and `watch` never write the catalogue at the same time. An upload that cannot get the lock within
WRITE_WAIT_SECONDS is queued durably and filed by QueueFiler when the lock frees.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from ..workspace import Workspace
from .cache import close_cache
from .security import AuthMiddleware, GuardMiddleware, is_loopback, session_secret, web_settings
from .state import Job, Jobs, WebState, make_templates
from .writing import WRITE_WAIT_SECONDS, QueueFiler, web_writing

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
__all__ = ["WRITE_WAIT_SECONDS", "Job", "Jobs", "QueueFiler", "WebState", "create_app", "web_writing"]
SESSION_MAX_AGE = 12 * 3600  # one working day; then the token is asked again


def _lifespan(state: WebState) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        from ..intake.queue import pending

        if pending(state.ws):  # uploads a stopped server had queued
            state.filer.kick()
        yield
        state.filer.stop()
        state.jobs.shutdown()
        close_cache(state.ws)  # the one search index of this process

    return lifespan


def create_app(ws: Workspace, *, host: str = "127.0.0.1", secret: str = "") -> Starlette:
    """The workbench for `ws`. `host` is the address `serve` binds: on loopback, requests must name a
    loopback Host (DNS-rebinding guard); elsewhere the [web] token is required (see security.py)."""
    from . import indicator_page, ocr_review, scheme_page, team_routes
    from .routes import error_handlers, routes

    settings = web_settings(ws.config.raw)
    token = settings["token"]
    loopback = is_loopback(host)
    state = WebState(
        ws=ws,
        token=token,
        max_upload_bytes=settings["max_upload_bytes"],
        templates=make_templates(ws, token),
        jobs=Jobs(),
        loopback_only=loopback,
        filer=QueueFiler(ws),
    )
    middleware = [
        Middleware(GuardMiddleware, loopback_only=loopback, max_upload_bytes=state.max_upload_bytes,
                   upload_paths=("/upload", team_routes.SUBMIT_PATH)),
        Middleware(SessionMiddleware, secret_key=session_secret(secret or str(ws.config.raw.get("web", {})
                                                                                .get("secret", ""))),
                   session_cookie="archivist_session", max_age=SESSION_MAX_AGE, same_site="strict"),
        Middleware(team_routes.TeamMiddleware, ws=ws),  # accounts and roles, once the workspace has accounts
        Middleware(AuthMiddleware, token=token),
    ]
    app = Starlette(
        routes=[*team_routes.routes, *routes, *scheme_page.routes, *ocr_review.routes, *indicator_page.routes,
                Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static")],
        middleware=middleware,
        exception_handlers=error_handlers,
        lifespan=_lifespan(state),
    )
    app.state.web = state
    return app
