"""The workbench's state: the workspace, its [web] settings, the templates and the job runner.

Kept apart from the application (app.py builds it) so that every page module can name it without
importing the application, which imports the pages.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.templating import Jinja2Templates

from ..workspace import Workspace
from . import views
from .security import csrf_token
from .throttle import LoginThrottle
from .writing import QueueFiler

log = logging.getLogger("archivist.web.app")  # the server log the workbench has always written to

HERE = Path(__file__).parent


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


# what the handlers share -------------------------------------------------------------------------------
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


