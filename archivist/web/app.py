"""The web workbench application: `create_app(ws)` builds a Starlette app for one workspace.

Layering (outermost first): GuardMiddleware (Host check, size limits, security headers) →
SessionMiddleware (signed cookie: CSRF token, login, flash messages) → AuthMiddleware (token, when
configured) → the routes in archivist/web/routes.py. Changes go through `web_writing()`, the same
writer lock + crash recovery + search sync as the CLI's `writing()`, so a browser, `ingest` and
`watch` never write the catalogue at the same time. An upload that cannot get the lock within
WRITE_WAIT_SECONDS is queued durably and filed by QueueFiler when the lock frees.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractAsyncContextManager, ExitStack, asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..catalogue import Catalogue, open_catalogue
from ..workspace import Workspace, WorkspaceBusy
from . import views
from .cache import close_cache
from .security import AuthMiddleware, GuardMiddleware, csrf_token, is_loopback, session_secret, web_settings
from .throttle import LoginThrottle

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
WRITE_WAIT_SECONDS = 8.0  # how long a click waits for another writer (an ingest batch) before saying "busy"
SESSION_MAX_AGE = 12 * 3600  # one working day; then the token is asked again


# writing ---------------------------------------------------------------------------------------
def acquire_writer(ws: Workspace, what: str, timeout: float | None = None) -> ExitStack:
    """The workspace's writer lock, waiting at most `timeout` seconds (a web request must not hang
    behind a long ingest). Raises WorkspaceBusy naming the holder."""
    stack = ExitStack()
    stack.enter_context(ws.writer_lock(what=what, timeout=WRITE_WAIT_SECONDS if timeout is None else timeout,
                                       on_wait=log.info))
    return stack


@contextmanager
def web_writing(ws: Workspace, what: str, timeout: float | None = None, *,
                file_queue: bool = True) -> Iterator[Catalogue]:
    """Writer lock + catalogue + crash recovery (+ queued uploads), then search sync: the CLI's
    `writing()` for the web."""
    from ..intake.pipeline import recover
    from ..intake.queue import file_pending

    with acquire_writer(ws, f"web {what}", timeout):
        catalogue = open_catalogue(ws)
        try:
            for line in recover(ws, catalogue):
                log.warning("恢复：%s", line)
            if file_queue:
                file_pending(ws, catalogue)
            yield catalogue
            sync_search(ws, catalogue)
        finally:
            catalogue.close()


def sync_search(ws: Workspace, catalogue: Catalogue) -> None:
    """Bring the search index up to the catalogue; the catalogue is already committed, so a
    failure here only delays search (the next search or `archivist reindex` repairs it)."""
    from ..search import sync_after_commit

    if warning := sync_after_commit(ws, catalogue):
        log.warning(warning)


class QueueFiler:
    """Files queued uploads (archivist/intake/queue.py) in the background as soon as the writer
    lock frees: an upload that had to queue behind an `ingest` is filed by this process itself,
    whether or not a `watch` runs. One thread at a time; it ends when the queue is empty."""

    RETRY_SECONDS = 5.0

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.stopped = threading.Event()

    def kick(self) -> None:
        """Make sure a filer runs (called after queueing, and at start for entries a crash left)."""
        with self.lock:
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="archivist-upload-queue", daemon=True)
                self.thread.start()

    def _run(self) -> None:
        from ..intake.queue import pending

        while not self.stopped.is_set() and (left := len(pending(self.ws))):
            try:
                with web_writing(self.ws, "upload queue", timeout=self.RETRY_SECONDS):
                    pass  # web_writing files the queue once it holds the lock
            except WorkspaceBusy:
                continue  # still busy: wait again (checking for shutdown between tries)
            except Exception:  # noqa: BLE001 - a disk error: keep the entries, retry later
                log.exception("排队的上传文件归档失败，稍后重试")
                self.stopped.wait(self.RETRY_SECONDS)
                continue
            if len(pending(self.ws)) >= left:  # nothing could be taken out (a folder not removable): no busy loop
                log.warning("上传队列 %s 中有 %d 项无法移出，稍后重试", self.ws.index_dir / "queue", left)
                self.stopped.wait(self.RETRY_SECONDS)

    def join(self, timeout: float = 30.0) -> None:
        """Wait until the filer has finished (tests and scripts)."""
        thread = self.thread
        if thread is not None:
            thread.join(timeout)

    def stop(self) -> None:
        self.stopped.set()


# background jobs (reports, dossier) ------------------------------------------------------------
@dataclass
class Job:
    """One document generation: queued, running, done or failed, and what it wrote."""

    id: str
    kind: str
    label: str
    state: str = "queued"
    files: list[str] = field(default_factory=list)  # workspace-relative paths
    message: str = ""
    started: str = ""
    finished: str = ""

    def to_json(self) -> dict[str, Any]:
        return dict(vars(self))


class Jobs:
    """Generations run one at a time in a worker thread: a dossier may take minutes (LibreOffice),
    and two at once would only compete for the same CPU and the same output files."""

    def __init__(self) -> None:
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="archivist-web-job")
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()
        self.done = threading.Condition(self.lock)

    def submit(self, kind: str, label: str, work: Callable[[], tuple[list[str], str]]) -> Job:
        job = Job(id=uuid.uuid4().hex[:10], kind=kind, label=label)
        with self.lock:
            running = [j for j in self.jobs.values() if j.kind == kind and j.state in ("queued", "running")]
            if running:
                return running[0]  # a second click on the same button joins the first run
            self.jobs[job.id] = job

        def run() -> None:
            with self.lock:
                job.state, job.started = "running", _now()
            try:
                files, message = work()
                state = "done"
            except Exception as exc:  # noqa: BLE001 - shown to the user on the reports page
                log.exception("generation %s failed", kind)
                files, message, state = [], f"{type(exc).__name__}: {exc}", "failed"
            with self.lock:
                job.files, job.message, job.state, job.finished = files, message, state, _now()
                self.done.notify_all()

        self.executor.submit(run)
        return job

    def recent(self, limit: int = 10) -> list[Job]:
        with self.lock:
            return list(self.jobs.values())[-limit:][::-1]

    def get(self, job_id: str) -> Job | None:
        with self.lock:
            return self.jobs.get(job_id)

    def wait(self, job_id: str, timeout: float = 60.0) -> Job | None:
        """Block until the job has finished (tests and scripts)."""
        deadline = time.monotonic() + timeout
        with self.lock:
            while (job := self.jobs.get(job_id)) and job.state in ("queued", "running"):
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self.done.wait(left)
            return job

    def shutdown(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)


def _now() -> str:
    return dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")


# the application -------------------------------------------------------------------------------
@dataclass
class WebState:
    """What every handler needs: the workspace, its [web] settings, templates and the job runner."""

    ws: Workspace
    token: str
    max_upload_bytes: int
    templates: Jinja2Templates
    jobs: Jobs
    loopback_only: bool
    filer: QueueFiler
    throttle: LoginThrottle = field(default_factory=LoginThrottle)

    @property
    def out_dir(self) -> Path:
        return self.ws.root / "out"


def make_templates(ws: Workspace, token: str) -> Jinja2Templates:
    """Jinja2 with autoescape on for every template (nothing from a document is trusted as HTML)."""
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["size"] = views.human_size
    env.filters["highlight"] = views.highlight
    env.globals.update(
        state_labels=views.STATE_LABELS,
        coverage_labels=views.COVERAGE_LABELS,
        milestone_labels=views.MILESTONE_LABELS,
        audit_labels=views.AUDIT_LABELS,
    )

    def context(request: Request) -> dict[str, Any]:
        flashes = request.session.pop("flash", []) if "session" in request.scope else []
        return {
            "csrf": csrf_token(request) if "session" in request.scope else "",
            "county": ws.config.county,
            "year": ws.config.year,
            "flashes": flashes,
            "auth_required": bool(token) or "team_user" in request.scope,
            "path": request.url.path,
            "me": request.scope.get("team_user"),  # the logged-in account (archivist/web/team_routes.py)
        }

    return Jinja2Templates(env=env, context_processors=[context])


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
    from . import team_routes
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
        routes=[*team_routes.routes, *routes,
                Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static")],
        middleware=middleware,
        exception_handlers=error_handlers,
        lifespan=_lifespan(state),
    )
    app.state.web = state
    return app
