"""Accounts on the workbench: login by name and password, roles checked on every request, the unit's
任务清单, the 资料组's review queue (待审核), the 催报 page and the users admin.

`TeamMiddleware` runs inside the session middleware. While the workspace has no account it does
nothing (one-person use: loopback, or the [web] token). Once it has accounts every request but
/login, /static and /healthz needs a session naming an enabled account whose `session_epoch` still
matches (disable and passwd bump it: the session stops working at its next request) and that has
not been idle longer than IDLE_SECONDS; the role then decides by path and method (`allowed`). The
acting person is set for the request, so every audit entry a handler writes names them.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import threading
import time
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from ..catalogue import ACTING, open_catalogue
from ..catalogue.readonly import connect_reader
from ..catalogue.users import UserRepository
from ..team import TeamError
from ..team.users import ADMIN, EVIDENCE_GROUP, LEADER, ROLES, UNIT_CLERK, User, user_of
from ..workspace import Workspace, WorkspaceBusy
from . import pages
from .security import PUBLIC_PATHS, AuthMiddleware, csrf_token, safe_next, safe_upload_name

IDLE_SECONDS = 2 * 3600  # a session unused this long must log in again
SEEN_EVERY = 60  # how often the idle clock in the session is moved on
SUBMIT_PATH = "/tasks/submit"
CLERK_PATHS = ("/tasks", "/logout")  # all a 单位填报员 may reach (the unit page, its uploads, its files)
ADMIN_PATHS = ("/users",)
READ_METHODS = ("GET", "HEAD")


# accounts, read per request --------------------------------------------------------------------
class AccountReader:
    """Reads accounts with one read-only SQLite connection per thread: a request's user check costs a
    query, not a catalogue open (migrations, triggers)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.local = threading.local()

    def _db(self) -> sqlite3.Connection | None:
        db = getattr(self.local, "db", None)
        if db is None:
            db = connect_reader(self.ws, any_thread=True)  # SQLite or the PostgreSQL tenant: accounts in either
            if db is None:
                return None
            self.local.db = db
        return db

    def active(self) -> bool:
        """Whether the workspace has accounts (then every page needs a login)."""
        try:
            db = self._db()
            return bool(db and UserRepository(db).any())
        except sqlite3.OperationalError:
            return False  # the team tables are created at the next catalogue open

    def user(self, username: str) -> User | None:
        db = self._db()
        account = UserRepository(db).get(username) if db else None
        return user_of(account) if account else None


def allowed(user: User, method: str, path: str) -> bool:
    """What a role may reach. Every route not named for a role is refused to it (deny by default)."""
    if user.role == ADMIN:
        return True
    if path.startswith(ADMIN_PATHS):
        return False
    if user.role == EVIDENCE_GROUP:
        return True
    if user.role == LEADER:
        return method in READ_METHODS or path == "/logout"
    if user.role == UNIT_CLERK:
        return path == "/" or path.startswith(CLERK_PATHS)
    return False


class TeamMiddleware:
    """Account sessions and role checks (see the module docstring). Wraps the token middleware and
    skips it while accounts are in use: an account login replaces the shared token."""

    def __init__(self, app: ASGIApp, *, ws: Workspace) -> None:
        self.app = app
        self.inner = app.app if isinstance(app, AuthMiddleware) else app
        self.accounts = AccountReader(ws)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not await run_in_threadpool(self.accounts.active):
            await self.app(scope, receive, send)
            return
        scope["team_mode"] = True
        path, method = scope.get("path", ""), scope.get("method", "GET")
        if path.startswith(PUBLIC_PATHS):
            await self.inner(scope, receive, send)
            return
        session = scope["session"]
        user = await run_in_threadpool(self.accounts.user, str(session.get("user", ""))) if session.get("user") \
            else None
        now = time.time()
        expired = not user or user.disabled or session.get("epoch") != user.session_epoch \
            or now - float(session.get("seen", 0)) > IDLE_SECONDS
        if expired:
            session.clear()
            await _refuse_login(scope, receive, send, path, method)
            return
        assert user is not None
        if not allowed(user, method, path):
            await _forbidden(scope, receive, send, user)
            return
        if now - float(session.get("seen", 0)) > SEEN_EVERY:
            session["seen"] = now
        scope["team_user"] = user
        token = ACTING.set(user.label)
        try:
            if path == "/" and user.role == UNIT_CLERK:
                await RedirectResponse("/tasks", status_code=303)(scope, receive, send)
            else:
                await self.inner(scope, receive, send)
        finally:
            ACTING.reset(token)


def _wants_json(scope: Scope) -> bool:
    headers = dict((k.decode("latin-1"), v.decode("latin-1")) for k, v in scope.get("headers", []))
    return "application/json" in headers.get("accept", "") or headers.get("x-requested-with") == "XMLHttpRequest"


async def _refuse_login(scope: Scope, receive: Receive, send: Send, path: str, method: str) -> None:
    response: Response
    if method == "GET" and not _wants_json(scope):
        query = scope.get("query_string", b"").decode("latin-1")
        response = RedirectResponse(f"/login?next={quote(path + (f'?{query}' if query else ''), safe='')}", 303)
    elif _wants_json(scope):
        response = JSONResponse({"error": "未登录或登录已过期：请重新登录"}, status_code=401)
    else:
        response = PlainTextResponse("未登录或登录已过期：请打开 /login 重新登录", status_code=401)
    await response(scope, receive, send)


async def _forbidden(scope: Scope, receive: Receive, send: Send, user: User) -> None:
    text = f"无权访问：{user.role}账号不能打开这个页面或做这项操作"
    response = JSONResponse({"error": text}, 403) if _wants_json(scope) else PlainTextResponse(text, 403)
    await response(scope, receive, send)


# helpers ---------------------------------------------------------------------------------------
def me(request: Request) -> User:
    """The logged-in account; without accounts, the one person at the machine acts as 管理员."""
    user = request.scope.get("team_user")
    if user is not None:
        return user
    return User("本机", "", ADMIN, "", False, 0)


def _state(request: Request) -> Any:
    return request.app.state.web


def _render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    return _state(request).templates.TemplateResponse(request, name, context, status_code=status)


def _writing(ws: Workspace, what: str) -> Any:
    from .writing import web_writing

    return web_writing(ws, what)


# login -----------------------------------------------------------------------------------------
async def login_page(request: Request) -> Response:
    from . import routes

    if not request.scope.get("team_mode"):
        return await routes.login_page(request)
    csrf_token(request)
    return _render(request, "team_login.html", {"next": safe_next(request.query_params.get("next"))})


async def login(request: Request) -> Response:
    from ..team.users import authenticate
    from . import routes
    from .throttle import wait_text

    if not request.scope.get("team_mode"):
        return await routes.login(request)
    st = _state(request)
    form = await pages.checked_form(request)
    target = safe_next(pages.field(form, "next"))
    username = pages.field(form, "user", 100)
    client = request.client.host if request.client else ""
    if wait := st.throttle.retry_after(client, username):
        response = _render(request, "team_login.html", {
            "next": target, "error": f"密码输错次数过多：请 {wait_text(wait)}后再试", "user": username}, status=429)
        response.headers["retry-after"] = str(wait)
        return response

    def check() -> User | None:
        catalogue = open_catalogue(st.ws)
        try:
            return authenticate(catalogue, username, pages.field(form, "password", 500))
        finally:
            catalogue.close()

    user = await run_in_threadpool(check)
    if user is None:
        st.throttle.failed(client, username)
        return _render(request, "team_login.html", {"next": target, "error": "账号或密码不正确，或账号已停用",
                                                    "user": username}, status=401)
    st.throttle.succeeded(client)
    request.session.clear()
    request.session.update({"user": user.username, "epoch": user.session_epoch, "seen": time.time()})
    csrf_token(request)
    return RedirectResponse("/tasks" if user.role == UNIT_CLERK and target == "/" else target, status_code=303)


# the unit's page (任务清单) --------------------------------------------------------------------
def _answer(request: Request, target: str, message: str, ok: bool) -> Response:
    from .pages import answer_form

    return answer_form(request, target, message, ok)


def _read(ws: Workspace, look: Any, *args: Any, **kwargs: Any) -> Any:
    """`look(catalogue, *args)` on a reader's connection of its own (WAL: never waits for the writer)."""
    catalogue = open_catalogue(ws)
    try:
        return look(catalogue, *args, **kwargs)
    finally:
        catalogue.close()


def _statuses(ws: Workspace) -> list[Any]:
    """Which required items the archive already covers: from the summary the server keeps per change."""
    from .cache import current_summary

    return current_summary(ws).readiness.statuses


def _tasks(ws: Workspace, unit: str) -> dict[str, Any]:
    from ..team.remind import reminders
    from ..team.submissions import list_submissions

    statuses = _statuses(ws)
    catalogue = open_catalogue(ws)
    try:
        found = reminders(ws, catalogue, unit, statuses=statuses)
        subs = {s.id: s for s in list_submissions(catalogue, unit=unit)}
    finally:
        catalogue.close()
    return {"r": found[0] if found else None, "subs": subs}


def _units(ws: Workspace) -> list[str]:
    from ..team.remind import all_units

    return _read(ws, lambda catalogue: all_units(ws, catalogue))


async def tasks_page(request: Request) -> Response:
    ws = _state(request).ws
    user = me(request)
    unit = user.unit if user.role == UNIT_CLERK else (request.query_params.get("unit") or "").strip()[:100]
    units = [] if user.role == UNIT_CLERK else await run_in_threadpool(_units, ws)
    if not unit and units:
        unit = units[0]
    data = await run_in_threadpool(_tasks, ws, unit) if unit else {"r": None, "subs": {}}
    return _render(request, "team_tasks.html", data | {"unit": unit, "units": units, "me": user,
                                                       "max_mb": _state(request).max_upload_bytes / 1024 / 1024})


def _submit(ws: Workspace, user: User, indicator: str, item_no: int, path: Path, name: str, unit: str) -> Any:
    """Classify the file on a reader's connection first, then hold the writer lock only to store it:
    20 units uploading at once otherwise queue behind each other's classification."""
    from ..team.submissions import submit, suggest

    clerk_unit = user.unit if user.role == UNIT_CLERK else (unit or user.unit or "")
    suggestions = _read(ws, lambda catalogue: suggest(ws, catalogue, path, name, clerk_unit))
    with _writing(ws, "submit") as catalogue:
        return submit(ws, catalogue, user, indicator, item_no, path, name, unit=unit, suggestions=suggestions)


async def tasks_submit(request: Request) -> Response:
    st = _state(request)
    user = me(request)
    form = await pages.checked_form(request)
    unit = user.unit if user.role == UNIT_CLERK else pages.field(form, "unit", 100)
    back = "/tasks" if user.role == UNIT_CLERK else f"/tasks?unit={quote(unit)}"
    upload = form.get("file")
    indicator = pages.field(form, "indicator", 16).upper()
    try:
        item_no = int(pages.field(form, "item_no", 4) or 0)
    except ValueError:
        item_no = 0
    if not isinstance(upload, UploadFile) or not upload.filename:
        await form.close()
        return _answer(request, back, "没有收到文件：请选择要报送的文件", False)
    st.ws.cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="web-submit-", dir=st.ws.cache_dir))
    try:
        name = safe_upload_name(upload.filename)
        dest = tmp / name
        with dest.open("wb") as out:
            while chunk := await upload.read(1024 * 1024):
                out.write(chunk)
        sub, hint = await run_in_threadpool(_submit, st.ws, user, indicator, item_no, dest, name, unit)
        message, ok = f"已报送 {sub.indicator} 第{sub.item_no}项（第 {sub.version} 版），等待资料组审核", True
        if hint:
            message += f"。{hint}"
    except TeamError as exc:
        message, ok = str(exc), False
    except WorkspaceBusy as exc:
        message, ok = pages.busy_message(exc), False
    finally:
        await form.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return _answer(request, back, message, ok)


def _held_file(ws: Workspace, user: User, sub_id: str, version: int) -> tuple[Path, str]:
    from ..team.submissions import get_submission, submissions_dir, visible_to

    sub = _read(ws, get_submission, sub_id)
    if sub is None or not visible_to(user, sub):
        raise HTTPException(404, "找不到这份报送材料")
    found = next((v for v in sub.versions if v.number == version), None)
    if found is None:
        raise HTTPException(404, "找不到这个版本")
    path = (ws.root / found.stored_path)
    if path.is_symlink() or not path.resolve().is_relative_to(submissions_dir(ws).resolve()) or not path.is_file():
        raise HTTPException(404, "报送文件不在保存位置")
    return path, found.original_name


async def held_file(request: Request) -> Response:
    from .views import INLINE_TYPES

    ws = _state(request).ws
    path, name = await run_in_threadpool(_held_file, ws, me(request), request.path_params["sub_id"],
                                         request.path_params["version"])
    mime = INLINE_TYPES.get(PurePosixPath(name).suffix.lower())
    if mime and request.query_params.get("download") != "1":
        return FileResponse(path, media_type=mime, filename=name, content_disposition_type="inline")
    return FileResponse(path, media_type="application/octet-stream", filename=name)


# review (待审核) -------------------------------------------------------------------------------
def _queue(ws: Workspace) -> list[Any]:
    from ..team.submissions import PENDING, list_submissions

    return _read(ws, list_submissions, state=PENDING)


async def review_page(request: Request) -> Response:
    from ..team.hints import parse_hint
    from .pages import indicator_options

    ws = _state(request).ws
    subs = await run_in_threadpool(_queue, ws)
    hints = {s.id: h for s in subs if (h := parse_hint(s.current.suggestion)) and h.code != s.indicator}
    return _render(request, "team_review.html", {"subs": subs, "hints": hints, "me": me(request),
                                                 "indicators": indicator_options(ws),
                                                 "labels": {i.code: i.name for i in ws.frameworks.indicators()}})


def _review(ws: Workspace, user: User, sub_id: str, accept: bool, code: str, text: str) -> Any:
    from ..team.submissions import accept_submission, return_submission

    with _writing(ws, "review") as catalogue:
        if accept:
            return accept_submission(ws, catalogue, user, sub_id, code or None, text)
        return return_submission(catalogue, user, sub_id, text)


async def review_action(request: Request) -> Response:
    ws = _state(request).ws
    if request.path_params["action"] not in ("accept", "return"):
        raise HTTPException(404, "页面不存在")
    form = await pages.checked_form(request)
    accept = request.path_params["action"] == "accept"
    sub_id = request.path_params["sub_id"]
    try:
        sub = await run_in_threadpool(_review, ws, me(request), sub_id, accept, pages.field(form, "code", 16).upper(),
                                      pages.field(form, "reason" if not accept else "note", 1000))
        message = (f"已通过：{sub.unit} 的 {sub.indicator} 第{sub.item_no}项已归档为 {sub.evidence_id}" if accept
                   else f"已退回 {sub.unit} 的 {sub.indicator} 第{sub.item_no}项：{sub.reason}")
        ok = True
    except TeamError as exc:
        message, ok = str(exc), False
    except WorkspaceBusy as exc:
        message, ok = pages.busy_message(exc), False
    return _answer(request, "/review", message, ok)


# 催报 ------------------------------------------------------------------------------------------
def _remind(ws: Workspace) -> list[Any]:
    from ..team.remind import reminders

    statuses = _statuses(ws)
    return _read(ws, lambda catalogue: reminders(ws, catalogue, statuses=statuses))


async def remind_page(request: Request) -> Response:
    ws = _state(request).ws
    found = await run_in_threadpool(_remind, ws)
    return _render(request, "team_remind.html", {"reminders": found, "me": me(request)})


# users (管理员) --------------------------------------------------------------------------------
def _users(ws: Workspace) -> list[User]:
    from ..team.users import list_users

    return _read(ws, list_users)


async def users_page(request: Request) -> Response:
    ws = _state(request).ws
    users = await run_in_threadpool(_users, ws)
    return _render(request, "team_users.html", {"users": users, "roles": ROLES, "me": me(request)})


def _change_user(ws: Workspace, action: str, values: dict[str, str]) -> str:
    from ..team.users import add_user, set_disabled

    with _writing(ws, "users") as catalogue, catalogue.transaction():
        if action == "add":
            user = add_user(catalogue, values["username"], values["password"], values["role"], values["unit"],
                            values["name"])
            return f"已添加账号 {user.username}（{user.role}）"
        user = set_disabled(catalogue, values["username"], action == "disable")
        return f"账号 {user.username} 已{'停用' if user.disabled else '启用'}"


async def users_action(request: Request) -> Response:
    form = await pages.checked_form(request)
    action = pages.field(form, "action", 10)
    values = {k: pages.field(form, k, 200) for k in ("username", "password", "role", "unit", "name")}
    if action not in ("add", "disable", "enable"):
        raise HTTPException(400, "未知的操作")
    try:
        message, ok = await run_in_threadpool(_change_user, _state(request).ws, action, values), True
    except TeamError as exc:
        message, ok = str(exc), False
    except WorkspaceBusy as exc:
        message, ok = pages.busy_message(exc), False
    return _answer(request, "/users", message, ok)


routes = [
    Route("/login", login_page, methods=["GET"]),
    Route("/login", login, methods=["POST"]),
    Route("/tasks", tasks_page, methods=["GET"]),
    Route(SUBMIT_PATH, tasks_submit, methods=["POST"]),
    Route("/tasks/file/{sub_id:str}/{version:int}", held_file, methods=["GET"]),
    Route("/review", review_page, methods=["GET"]),
    Route("/review/{sub_id:str}/{action:str}", review_action, methods=["POST"]),
    Route("/remind", remind_page, methods=["GET"]),
    Route("/users", users_page, methods=["GET"]),
    Route("/users", users_action, methods=["POST"]),
]
