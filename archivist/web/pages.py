"""What every page handler needs: the app's state, rendering, flashes, checked forms and small look-ups.

Its own module so that the page modules (routes, the team pages, the scheme, OCR review and indicator
pages) share these without importing one another, and the application imports the pages, never the
other way round.
"""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from ..catalogue import Catalogue, open_catalogue
from ..workspace import Workspace, WorkspaceBusy
from .security import CSRF_FIELD, CSRF_HEADER, csrf_ok, same_origin
from .state import WebState

MAX_FILES_PER_UPLOAD = 50
MAX_FORM_FIELDS = 50


def state(request: Request) -> WebState:
    return request.app.state.web


def render(request: Request, name: str, context: dict[str, Any] | None = None, status: int = 200) -> Response:
    return state(request).templates.TemplateResponse(request, name, context or {}, status_code=status)


def flash(request: Request, text: str, level: str = "ok") -> None:
    """A one-line message shown on the next page (after a POST-redirect-GET)."""
    messages = list(request.session.get("flash", []))
    messages.append([level, text[:600]])
    request.session["flash"] = messages[-5:]


def wants_json(request: Request) -> bool:
    return ("application/json" in request.headers.get("accept", "")
            or request.headers.get("x-requested-with") == "XMLHttpRequest")


async def checked_form(request: Request) -> FormData:
    """The POSTed form, after the same-origin and CSRF checks; 403 otherwise."""
    if not same_origin(request):
        raise HTTPException(403, "拒绝：请求不是从本工作台的页面发出的（跨站请求）")
    header = request.headers.get(CSRF_HEADER)
    if header is not None and not csrf_ok(request, header):
        raise HTTPException(403, "页面已过期（安全校验码不符）：请刷新页面后重试")
    try:
        form = await request.form(max_files=MAX_FILES_PER_UPLOAD, max_fields=MAX_FORM_FIELDS)
    except HTTPException as exc:  # starlette's multipart parser speaks English: say it in Chinese
        raise HTTPException(exc.status_code, form_error_text(str(exc.detail))) from exc
    if header is None and not csrf_ok(request, str(form.get(CSRF_FIELD) or "")):
        await form.close()
        raise HTTPException(403, "页面已过期（安全校验码不符）：请刷新页面后重试")
    return form


def form_error_text(detail: str) -> str:
    """One Chinese line for a form the parser refused (its own messages are English)."""
    if detail.startswith("Too many files"):
        return (f"一次最多上传 {MAX_FILES_PER_UPLOAD} 个文件：请分批上传，"
                "或把整个文件夹复制到收件箱 inbox/ 由 watch 归档")
    if detail.startswith("Too many fields"):
        return f"表单字段过多（最多 {MAX_FORM_FIELDS} 个）：请刷新页面后重试"
    if "exceeded maximum size" in detail:
        return "表单中的某一项太大：请刷新页面后重试"
    return "提交的表单无法解析（格式不完整或已损坏）：请刷新页面后重试"


def field(form: FormData, name: str, limit: int = 2000) -> str:
    value = form.get(name)
    return str(value).strip()[:limit] if isinstance(value, str) else ""


def answer_form(request: Request, target: str, message: str, ok: bool) -> Response:
    """The answer to a form post: JSON for scripts (409 when refused), else a flash and back to the page."""
    if wants_json(request):
        return JSONResponse({"ok": ok, "message": message}, status_code=200 if ok else 409)
    flash(request, message, "ok" if ok else "error")
    return RedirectResponse(target, status_code=303)


def read_catalogue(ws: Workspace) -> Catalogue:
    """A read-only use of the catalogue (WAL: readers never wait for the writer)."""
    return open_catalogue(ws)


def indicator_options(ws: Workspace) -> list[dict[str, str]]:
    """Every indicator for the select boxes, grouped by framework name."""
    options = []
    for fw in ws.frameworks.frameworks:
        for ind in fw.indicators():
            options.append({"code": ind.code, "label": f"{ind.code} {ind.name}", "group": fw.name})
    return options


def indicator_label(ws: Workspace, code: str | None) -> str:
    if not code:
        return ""
    ind = ws.frameworks.indicator(code)
    return f"{code} {ind.name}" if ind else code


def busy_message(exc: WorkspaceBusy) -> str:
    return f"{exc}（例如正在导入或监视收件箱；稍后再点一次即可）"



HIT_COLUMNS = ("unit", "doc_date", "original_name", "file_type", "status")


def records_by_id(ws: Workspace, ids: list[str], columns: tuple[str, ...] = HIT_COLUMNS) -> dict[str, dict[str, Any]]:
    """A few columns of the given records, by id, on a reader's connection (default: what a clerk checks
    of a search hit before opening it: unit, date, file name)."""
    if not ids:
        return {}
    catalogue = read_catalogue(ws)
    try:
        return catalogue.evidence.columns_of(ids, columns)
    finally:
        catalogue.close()


