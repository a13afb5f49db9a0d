"""The workbench's pages and actions. Each handler is thin: read the request, call the same
functions the CLI calls (Pipeline, assign, SearchIndex, assess, generate), render a template.

Every POST goes through `checked_form()` (same-origin + CSRF token) before it may change anything,
and every change runs inside `web_writing()` (writer lock, recovery, search sync). Blocking work
runs in the thread pool so one slow extraction does not freeze the other pages.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import tempfile
from contextlib import ExitStack
from http import HTTPStatus
from pathlib import Path
from typing import Any

from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from ..catalogue import Catalogue, open_catalogue, public_record
from ..framework import FrameworkError
from ..storage import IntegrityMismatch, StoreError
from ..workspace import Workspace, WorkspaceBusy
from . import views
from .app import QueueFiler, WebState, web_writing
from .archive_files import served_file
from .security import (
    CSRF_FIELD,
    CSRF_HEADER,
    UnsafePath,
    csrf_ok,
    csrf_token,
    safe_next,
    safe_upload_name,
    same_origin,
    token_fingerprint,
    token_matches,
)
from .throttle import wait_text

REPORT_KINDS = {  # kind -> (button label, output file under out/)
    "self-eval": ("自评报告", "自评报告.docx"),
    "briefing": ("情况通报", "情况通报.docx"),
    "speech": ("讲话稿", "讲话稿.docx"),
    "catalogue": ("归档文件目录", "归档文件目录.docx"),
    "problems": ("问题整改台账", "问题整改台账.docx"),
    "dossier": ("佐证材料汇编（PDF）", "佐证材料汇编.pdf"),
}
MAX_FILES_PER_UPLOAD = 50
MAX_FORM_FIELDS = 50
WRONG_TOKEN_DELAY = 1.0  # seconds a wrong token waits for its answer
TEXT_VIEW_CHARS = 200_000
CHUNK = 1024 * 1024


# helpers ---------------------------------------------------------------------------------------
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


# login -----------------------------------------------------------------------------------------
async def login_page(request: Request) -> Response:
    if not state(request).token:
        return RedirectResponse("/", status_code=303)
    csrf_token(request)
    return render(request, "login.html", {"next": safe_next(request.query_params.get("next"))})


async def login(request: Request) -> Response:
    st = state(request)
    form = await checked_form(request)
    target = safe_next(field(form, "next"))
    if not st.token:
        return RedirectResponse(target, status_code=303)
    client, account = request.client.host if request.client else "", field(form, "user", 100)
    if wait := st.throttle.retry_after(client, account):
        response = render(request, "login.html", {
            "next": target, "error": f"访问口令输错次数过多：请 {wait_text(wait)}后再试"}, status=429)
        response.headers["retry-after"] = str(wait)
        return response
    if not token_matches(field(form, "token", 500), st.token):
        st.throttle.failed(client, account)
        await asyncio.sleep(WRONG_TOKEN_DELAY)  # slows guessing; the throttle and the token itself defend
        return render(request, "login.html", {"next": target, "error": "访问口令不正确"}, status=401)
    st.throttle.succeeded(client)
    request.session.clear()  # a new session after login: nothing chosen before it carries over
    request.session["auth"] = token_fingerprint(st.token)
    csrf_token(request)
    return RedirectResponse(target, status_code=303)


async def logout(request: Request) -> Response:
    await checked_form(request)
    request.session.clear()
    return RedirectResponse("/login" if state(request).token else "/", status_code=303)


async def healthz(request: Request) -> Response:
    return JSONResponse({"ok": True})


# dashboard -------------------------------------------------------------------------------------
def _dashboard_data(ws: Workspace) -> dict[str, Any]:
    from .cache import current_summary

    figures = current_summary(ws)  # once per catalogue change (web/cache.py)
    ready = figures.readiness
    counts = {"filed": figures.filed, "unsorted": figures.unsorted, "quarantined": figures.quarantined,
              "duplicate": figures.duplicate}
    today = figures.today
    grid: list[dict[str, Any]] = []
    for fw in ws.frameworks.frameworks:
        statuses = [s for s in ready.statuses if s.framework == fw.id]
        categories: list[dict[str, Any]] = []
        for s in statuses:
            if not categories or categories[-1]["code"] != s.category_code:
                categories.append({"code": s.category_code, "name": s.category_name, "tiles": []})
            categories[-1]["tiles"].append(s)
        fig = next(f for f in figures.frameworks if f.id == fw.id)
        totals = {"complete": fig.complete, "partial": fig.partial, "missing": fig.missing}
        grid.append({"id": fw.id, "name": fw.name, "categories": categories, "totals": totals})
    scores = []
    for f in figures.scores:
        scores.append({"f": f, "bar": views.score_bar(f.total, f.excellent_line, f.total_points),
                       "backed_bar": views.score_bar(f.backed_total, f.excellent_line, f.total_points)})
    behind = [u for u in ready.units if u.missing or u.partial][:10]
    overdue = sorted((p for p in ready.problems if p.overdue(today)), key=lambda p: p.deadline or "")
    open_problems = [p for p in ready.problems if not p.closed]
    return {"ready": ready, "grid": grid, "scores": scores, "behind": behind, "overdue": overdue,
            "open_problems": open_problems, "counts": counts, "today": today, "figures": figures}


def _unit_submissions(ws: Workspace, user: Any) -> list[Any]:
    """各单位报送情况, read fresh (held submissions do not move the summary cache); a unit's clerk
    would see only its own unit's row."""
    from ..team.unit_counts import read_unit_counts
    from ..team.users import UNIT_CLERK

    if user is not None and user.role == UNIT_CLERK:
        return read_unit_counts(ws, user.unit)
    return read_unit_counts(ws)


async def dashboard(request: Request) -> Response:
    ws = state(request).ws
    data = await run_in_threadpool(_dashboard_data, ws)
    data["unit_submissions"] = await run_in_threadpool(_unit_submissions, ws, request.scope.get("team_user"))
    return render(request, "dashboard.html", data)


# search ----------------------------------------------------------------------------------------
def _search(ws: Workspace, params: dict[str, str]) -> tuple[list[Any], str]:
    from ..search import SearchError
    from .cache import cache_for

    try:
        index = cache_for(ws).search_index()  # one per process, re-checked after a catalogue change
        hits = index.search(params["q"], indicator=params["indicator"] or None, unit=params["unit"] or None,
                            since=params["since"] or None, until=params["until"] or None, limit=50)
    except SearchError as exc:
        return [], str(exc)
    return hits, ""


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


async def search_page(request: Request) -> Response:
    ws = state(request).ws
    q = request.query_params
    params = {k: (q.get(k) or "").strip()[:200] for k in ("q", "indicator", "unit", "since", "until")}
    params["indicator"] = params["indicator"].upper()
    hits: list[Any] = []
    error = ""
    searched = any(params.values())
    if searched:
        hits, error = await run_in_threadpool(_search, ws, params)
    records = await run_in_threadpool(records_by_id, ws, [h.id for h in hits])
    rows = [{"hit": h, "snippet": views.highlight(h.plain, h.marks), "label": indicator_label(ws, h.indicator),
             "r": records.get(h.id, {})} for h in hits]
    return render(request, "search.html", {"params": params, "rows": rows, "error": error, "searched": searched,
                                           "indicators": indicator_options(ws)})


# documents -------------------------------------------------------------------------------------
def _load_record(ws: Workspace, evidence_id: str) -> tuple[dict[str, Any], list[dict[str, Any]],
                                                             dict[str, Any] | None]:
    catalogue = read_catalogue(ws)
    try:
        record = catalogue.get(evidence_id)
        if record is None:
            raise HTTPException(404, f"找不到编号为 {evidence_id} 的材料")
        history = catalogue.audit_entries(record["id"])
        original = catalogue.get(record["duplicate_of"]) if record.get("duplicate_of") else None
    finally:
        catalogue.close()
    return record, history, original


async def document(request: Request) -> Response:
    ws = state(request).ws
    record, history, original = await run_in_threadpool(_load_record, ws, request.path_params["evidence_id"])
    shown = original or record
    text = (shown.get("text") or "")
    suggestions = [s | {"label": indicator_label(ws, s.get("code"))}
                   for s in views.useful_suggestions(record.get("suggestions"), record.get("indicator"))]
    return render(request, "document.html", {
        "r": record, "original": original, "history": history, "viewer": views.viewer_kind(shown),
        "text": text[:TEXT_VIEW_CHARS], "text_cut": len(text) > TEXT_VIEW_CHARS,
        "indicator": indicator_label(ws, record.get("indicator")), "suggestions": suggestions,
        "indicators": indicator_options(ws), "history_text": _history_text(ws, history),
    })


def _history_text(ws: Workspace, history: list[dict[str, Any]]) -> dict[int, str]:
    """Corrections and reassignments as sentences (from → to, why), keyed by audit seq."""
    from ..cli_show import history_text

    return {h["seq"]: history_text(h | {"at": "", "actor": ""}, ws.frameworks) for h in history
            if h.get("action") in ("edited", "reassigned", "metadata_refreshed")}


def _edit(ws: Workspace, evidence_id: str, values: dict[str, str | None], note: str) -> Any:
    from ..intake.edits import edit

    with web_writing(ws, "edit") as catalogue:
        return edit(ws, catalogue, evidence_id, values, note)


async def edit_action(request: Request) -> Response:
    """The document page's 更正 form: the same correction, audit and overrides as `archivist edit`."""
    from urllib.parse import quote

    from ..intake.edits import EditError

    ws = state(request).ws
    evidence_id = request.path_params["evidence_id"]
    form = await checked_form(request)
    values: dict[str, str | None] = {
        key: (field(form, key, 300) if key in form else None)
        for key in ("title", "unit", "doc_date", "doc_number", "kind")
    }
    try:
        result = await run_in_threadpool(_edit, ws, evidence_id, values, field(form, "note", 500))
        message, ok = "已更正：" + "；".join(f"{c.label} {c.before or '（空）'} → {c.after or '（空）'}"
                                          for c in result.changes), True
    except EditError as exc:
        message, ok = str(exc), False
    except WorkspaceBusy as exc:
        message, ok = busy_message(exc), False
    return answer_form(request, f"/doc/{quote(evidence_id)}", message, ok)


def _file_path(ws: Workspace, evidence_id: str, files: ExitStack) -> tuple[Path, dict[str, Any]]:
    record, _history, original = _load_record(ws, evidence_id)
    shown = original or record
    rel = shown.get("archive_path")
    if not rel:
        raise HTTPException(404, "这件材料没有保存原件（读取前已被删除或无法读取）")
    try:
        return served_file(ws, rel, shown.get("sha256"), [ws.archive], files), shown
    except UnsafePath as exc:
        raise HTTPException(403, str(exc)) from exc
    except FileNotFoundError as exc:
        raise HTTPException(404, f"原件不在归档位置：{rel}（请运行 archivist verify）") from exc
    except IntegrityMismatch as exc:
        raise HTTPException(409, str(exc)) from exc
    except StoreError as exc:
        raise HTTPException(503, str(exc)) from exc


async def document_file(request: Request) -> Response:
    """The archived bytes: PDFs and images inline, anything else as a download (never as HTML)."""
    ws = state(request).ws
    files = ExitStack()  # a copy fetched from the store lives until the response is sent
    try:
        path, record = await run_in_threadpool(_file_path, ws, request.path_params["evidence_id"], files)
    except BaseException:
        files.close()
        raise
    done = BackgroundTask(files.close)
    mime = views.INLINE_TYPES.get(path.suffix.lower())
    name = record.get("original_name") or path.name
    inline = mime and record.get("status") != "quarantined"  # 隔离: unreadable or unsafe, never rendered
    if inline and mime and request.query_params.get("download") != "1":
        response = FileResponse(path, media_type=mime, filename=name, content_disposition_type="inline",
                                background=done)
        if mime.startswith("image/"):
            response.headers["content-security-policy"] = "default-src 'none'; img-src 'self'; sandbox"
        return response
    response = FileResponse(path, media_type="application/octet-stream", filename=name, background=done)
    response.headers["content-security-policy"] = "default-src 'none'; sandbox"
    return response


async def download(request: Request) -> Response:
    """A generated document under out/ (or an archived file) by its workspace-relative path."""
    st = state(request)
    rel = request.query_params.get("path", "")
    files = ExitStack()
    try:
        path = await run_in_threadpool(served_file, st.ws, rel, None, [st.out_dir, st.ws.archive], files)
    except UnsafePath as exc:
        files.close()
        raise HTTPException(403, str(exc)) from exc
    except FileNotFoundError as exc:
        files.close()
        raise HTTPException(404, f"文件不存在：{rel}") from exc
    except StoreError as exc:
        files.close()
        raise HTTPException(503, str(exc)) from exc
    response = FileResponse(path, media_type="application/octet-stream", filename=path.name,
                            background=BackgroundTask(files.close))
    response.headers["content-security-policy"] = "default-src 'none'; sandbox"
    return response


# 待分类 queue and assign ------------------------------------------------------------------------
def _queue(ws: Workspace) -> dict[str, Any]:
    catalogue = read_catalogue(ws)
    try:
        unsorted = catalogue.records(status="unsorted", with_text=True)
        quarantined = catalogue.records(status="quarantined")
    finally:
        catalogue.close()
    items = []
    for r in unsorted:
        suggestions = [s | {"label": indicator_label(ws, s.get("code"))}
                       for s in views.useful_suggestions(r.get("suggestions"))]
        excerpt = " ".join((r.get("text") or "").split())[:160]
        items.append({"r": r, "suggestions": suggestions, "excerpt": excerpt})
    return {"items": items, "quarantined": quarantined}


async def unsorted_page(request: Request) -> Response:
    ws = state(request).ws
    data = await run_in_threadpool(_queue, ws)
    return render(request, "unsorted.html", data | {"indicators": indicator_options(ws)})


def _assign(ws: Workspace, evidence_id: str, code: str) -> dict[str, Any]:
    from ..intake.assign import assign

    with web_writing(ws, "assign") as catalogue:
        return assign(ws, catalogue, evidence_id, code)


async def assign_action(request: Request) -> Response:
    from ..intake.assign import AssignError

    ws = state(request).ws
    form = await checked_form(request)
    evidence_id, code = field(form, "id", 64), field(form, "code", 16).upper()
    target = safe_next(field(form, "next") or "/unsorted")
    if not evidence_id or not code:
        message, ok = "请选择材料和要归入的指标", False
    else:
        try:
            record = await run_in_threadpool(_assign, ws, evidence_id, code)
            message, ok = f"已归入 {indicator_label(ws, code)}：{record.get('title') or record['original_name']}", True
        except AssignError as exc:
            message, ok = str(exc), False
        except WorkspaceBusy as exc:
            message, ok = busy_message(exc), False
    return answer_form(request, target, message, ok)


# upload ----------------------------------------------------------------------------------------
def _queued_uploads(ws: Workspace) -> dict[str, Any]:
    """Uploads waiting for the writer lock, and who holds it: shown so nobody uploads them twice."""
    from ..intake.queue import pending

    waiting = pending(ws)
    holder = ws.lock_holder() if waiting else None
    return {"queued": [e.original_name for e in waiting], "holder": holder.describe() if holder else ""}


async def upload_page(request: Request) -> Response:
    st = state(request)
    queued = await run_in_threadpool(_queued_uploads, st.ws)
    return render(request, "upload.html", {"max_mb": st.max_upload_bytes / 1024 / 1024} | queued)


def _record_view(ws: Workspace, record: dict[str, Any]) -> dict[str, Any]:
    view = public_record(record)
    view["status_label"] = views.STATE_LABELS.get(record["status"], record["status"])
    view["indicator_label"] = indicator_label(ws, record.get("indicator"))
    return view


def _process_uploads(ws: Workspace, saved: list[tuple[Path, str]], unit: str, client: str,
                     filer: QueueFiler | None = None) -> list[dict[str, Any]]:
    """File the uploaded temp files through the same pipeline as `ingest`.

    Each upload is first queued durably (index/queue/), then the queue is filed under the writer
    lock. When another writer holds the workspace longer than a click should wait, the uploads stay
    queued and `filer` files them as soon as the lock frees: nothing is refused for being busy, and
    nothing is handed to a watcher that may not be running.
    """
    from ..intake.pipeline import is_ignored
    from ..intake.queue import enqueue, file_pending

    order: list[dict[str, Any] | str] = []  # a result, or the queue entry id whose records go here
    names: dict[str, str] = {}  # queue entry id -> the uploaded name
    for path, name in saved:
        if is_ignored(Path(name)):
            order.append({"original_name": name, "status": "ignored", "status_label": views.STATE_LABELS["ignored"],
                          "reason": "Office 临时文件、系统文件或未下载完的文件，不作为佐证材料"})
            continue
        entry = enqueue(ws, path, name, unit, {"uploaded_via": "web", "client": client, "unit": unit or None})
        order.append(entry.id)
        names[entry.id] = name
    filed: dict[str, list[dict[str, Any]]] = {}
    busy: WorkspaceBusy | None = None
    if names:
        try:
            with web_writing(ws, "upload", file_queue=False) as catalogue:
                filed = file_pending(ws, catalogue)
        except WorkspaceBusy as exc:
            busy = exc
            if filer is not None:
                filer.kick()
    results: list[dict[str, Any]] = []
    for item in order:
        if not isinstance(item, str):
            results.append(item)
        elif item in filed:
            results.extend(_record_view(ws, record) for record in filed[item])
        else:
            holder = busy.holder.describe() if busy and busy.holder else "另一个进程"
            reason = (f"工作区正被 {holder} 写入：文件已安全排队，写锁释放后自动归档，无需重新上传"
                      if busy else "已由后台归档：请在检索或待分类页面查看")
            results.append({"original_name": names[item], "status": "queued", "status_label": "已排队",
                            "archive_path": None, "queue_id": item, "reason": reason})
    return results


async def upload(request: Request) -> Response:
    st = state(request)
    ws = st.ws
    form = await checked_form(request)
    ws.cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="web-upload-", dir=ws.cache_dir))
    try:
        files = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
        unit = field(form, "unit", 60)
        if not files:
            raise HTTPException(400, "没有收到文件：请选择或拖入要上传的文件")
        saved: list[tuple[Path, str]] = []
        for number, upload_file in enumerate(files):
            name = safe_upload_name(upload_file.filename)
            dest = tmp / f"{number:03d}" / name
            dest.parent.mkdir()
            with dest.open("wb") as out:
                while chunk := await upload_file.read(CHUNK):
                    out.write(chunk)
            saved.append((dest, name))
        client = request.client.host if request.client else ""
        results = await run_in_threadpool(_process_uploads, ws, saved, unit, client, st.filer)
    finally:
        await form.close()
        shutil.rmtree(tmp, ignore_errors=True)
    if wants_json(request):
        return JSONResponse({"results": results})
    queued = await run_in_threadpool(_queued_uploads, ws)
    return render(request, "upload.html", {"max_mb": st.max_upload_bytes / 1024 / 1024, "results": results} | queued)


# problems (整改台账) ----------------------------------------------------------------------------
def _problems(ws: Workspace, show: str) -> dict[str, Any]:
    from ..assess.problems import list_problems, problems_by_unit

    today = dt.date.today()
    catalogue = read_catalogue(ws)
    try:
        problems = list_problems(catalogue)
        evidence = catalogue.evidence.recent_archived(500)
    finally:
        catalogue.close()
    units = problems_by_unit(problems, today)
    counts = {"all": len(problems), "open": sum(not p.closed for p in problems),
              "overdue": sum(p.overdue(today) for p in problems), "closed": sum(p.closed for p in problems)}
    if show == "open":
        problems = [p for p in problems if not p.closed]
    elif show == "overdue":
        problems = [p for p in problems if p.overdue(today)]
    elif show == "closed":
        problems = [p for p in problems if p.closed]
    problems.sort(key=lambda p: (p.closed, not p.overdue(today), p.deadline or "9999", p.id))
    return {"problems": problems, "units": units, "counts": counts, "today": today, "show": show,
            "evidence": evidence}


async def problems_page(request: Request) -> Response:
    ws = state(request).ws
    show = request.query_params.get("show", "open")
    show = show if show in ("all", "open", "overdue", "closed") else "open"
    data = await run_in_threadpool(_problems, ws, show)
    return render(request, "problems.html", data | {"indicators": indicator_options(ws)})


def _add_problem(ws: Workspace, values: dict[str, Any]) -> Any:
    from ..assess.problems import add_problem

    with web_writing(ws, "problems add") as catalogue:
        return add_problem(ws, catalogue, values["description"], values["unit"], values["source"],
                           values["deadline"] or None, values["indicator"] or None, None, values["site"],
                           values["measures"])


async def problem_add(request: Request) -> Response:
    from ..assess import AssessError

    ws = state(request).ws
    form = await checked_form(request)
    site_choice = field(form, "site", 8)
    values = {
        "description": field(form, "description", 2000), "unit": field(form, "unit", 100),
        "source": field(form, "source", 100), "deadline": field(form, "deadline", 20),
        "indicator": field(form, "indicator", 16), "measures": field(form, "measures", 2000),
        "site": True if site_choice == "yes" else False if site_choice == "no" else None,
    }
    try:
        problem = await run_in_threadpool(_add_problem, ws, values)
        message, ok = f"已登记问题 #{problem.id}：{problem.description[:60]}", True
    except AssessError as exc:
        message, ok = str(exc), False
    except WorkspaceBusy as exc:
        message, ok = busy_message(exc), False
    flash(request, message, "ok" if ok else "error")
    return RedirectResponse("/problems", status_code=303)


def _close_problem(ws: Workspace, problem_id: int, evidence: list[str], note: str) -> Any:
    from ..assess.problems import close_problem

    with web_writing(ws, "problems close") as catalogue:
        return close_problem(ws, catalogue, problem_id, evidence, note)


async def problem_close(request: Request) -> Response:
    from ..assess import AssessError

    ws = state(request).ws
    form = await checked_form(request)
    problem_id = request.path_params["problem_id"]
    evidence = views.split_ids(field(form, "evidence", 2000))
    note = field(form, "note", 1000)
    try:
        problem = await run_in_threadpool(_close_problem, ws, problem_id, evidence, note)
        late = "（逾期销号）" if problem.closed_late else ""
        message, ok = f"问题 #{problem.id} 已销号{late}，佐证：{'、'.join(problem.close_evidence)}", True
    except AssessError as exc:
        message, ok = str(exc), False
    except WorkspaceBusy as exc:
        message, ok = busy_message(exc), False
    flash(request, message, "ok" if ok else "error")
    return RedirectResponse(f"/problems?show={'closed' if ok else 'open'}", status_code=303)


# reports and dossier ---------------------------------------------------------------------------
def _generate(ws: Workspace, out_dir: Path, kind: str) -> tuple[list[str], str]:
    """Write one report or the dossier under out/; returns (workspace-relative files, summary)."""
    label, filename = REPORT_KINDS[kind]
    target = out_dir / filename
    catalogue = read_catalogue(ws)
    try:
        if kind == "dossier":
            from ..generate.dossier import build_dossier

            result = build_dossier(ws, catalogue, target, write_back=_lock_free(ws))
            parts = [f"{result.documents} 件材料，共 {result.pages} 页"]
            if result.skipped:
                parts.append(f"{len(result.skipped)} 件未编入（见卷内目录）")
            parts += result.warnings[:3]
            return [ws.relative(result.out)], "；".join(parts)
        from ..generate.reports import write_report

        written = write_report(kind, ws, catalogue, target)
        return [ws.relative(p) for p in written], f"{label}已生成"
    except PermissionError as exc:
        raise RuntimeError(f"无法写入 {exc.filename}：文件可能正被 Word/WPS 打开，请关闭后重试") from exc
    finally:
        catalogue.close()


def _lock_free(ws: Workspace) -> bool:
    """Whether the dossier may record page counts now: not while a `watch` holds the workspace,
    because write_page_counts waits for the lock and the binder would never be reported done."""
    try:
        with ws.writer_lock(wait=False, what="web dossier probe"):
            return True
    except WorkspaceBusy:
        return False


def _out_files(out_dir: Path, ws: Workspace) -> list[dict[str, Any]]:
    if not out_dir.is_dir():
        return []
    files = []
    for path in out_dir.iterdir():
        if path.is_file() and not path.is_symlink() and not path.name.startswith("."):
            stat = path.stat()
            files.append({"name": path.name, "rel": ws.relative(path), "size": stat.st_size,
                          "mtime": dt.datetime.fromtimestamp(stat.st_mtime).strftime("%Y-%m-%d %H:%M")})
    return sorted(files, key=lambda f: f["mtime"], reverse=True)


async def reports_page(request: Request) -> Response:
    st = state(request)
    files = await run_in_threadpool(_out_files, st.out_dir, st.ws)
    jobs = st.jobs.recent()
    return render(request, "reports.html", {"kinds": REPORT_KINDS, "files": files, "jobs": jobs,
                                            "running": any(j.state in ("queued", "running") for j in jobs)})


async def reports_generate(request: Request) -> Response:
    st = state(request)
    form = await checked_form(request)
    kind = field(form, "kind", 20)
    if kind not in REPORT_KINDS:
        raise HTTPException(400, f"未知的文档类型 {kind}")
    job = st.jobs.submit(kind, REPORT_KINDS[kind][0], lambda: _generate(st.ws, st.out_dir, kind))
    if wants_json(request):
        return JSONResponse(job.to_json(), status_code=202)
    flash(request, f"正在生成{job.label}，完成后出现在下方列表中")
    return RedirectResponse("/reports", status_code=303)


async def jobs_json(request: Request) -> Response:
    return JSONResponse({"jobs": [j.to_json() for j in state(request).jobs.recent()]})


# errors ----------------------------------------------------------------------------------------
async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    status = exc.status_code
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail else "出错了"
    if detail in ("", _phrase(status)):
        detail = STATUS_TEXT.get(status, f"请求无法完成（HTTP {status}）")  # never starlette's English default
    if wants_json(request) or request.url.path == "/upload":
        return JSONResponse({"error": detail}, status_code=status)
    return render(request, "error.html", {"status": status, "message": detail}, status=status)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


STATUS_TEXT = {
    400: "请求格式不正确：请刷新页面后重试",
    401: "未登录或登录已过期：请先输入访问口令",
    403: "拒绝访问",
    404: "页面不存在",
    405: "不支持这种请求方式：请从工作台的页面上操作",
    413: "提交的内容太大",
    429: "请求过于频繁：请稍后再试",
    500: "服务器内部错误：请查看运行 archivist serve 的窗口中的提示",
}


async def framework_error(request: Request, exc: Exception) -> Response:
    return render(request, "error.html", {"status": 500, "message": f"考核方案无法读取：{exc}"}, status=500)


async def server_error(request: Request, exc: Exception) -> Response:
    """An unexpected error: a Chinese page (or JSON) instead of starlette's "Internal Server Error"."""
    message = STATUS_TEXT[500]
    if wants_json(request) or request.url.path == "/upload":
        return JSONResponse({"error": message}, status_code=500)
    try:
        return render(request, "error.html", {"status": 500, "message": message}, status=500)
    except Exception:  # noqa: BLE001 - the template itself may be what failed
        return Response(message, status_code=500, media_type="text/plain; charset=utf-8")


error_handlers = {HTTPException: http_error, FrameworkError: framework_error, 500: server_error}

routes = [
    Route("/", dashboard),
    Route("/login", login_page, methods=["GET"]),
    Route("/login", login, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
    Route("/healthz", healthz),
    Route("/search", search_page),
    Route("/doc/{evidence_id:str}", document),
    Route("/doc/{evidence_id:str}/edit", edit_action, methods=["POST"]),
    Route("/file/{evidence_id:str}", document_file),
    Route("/download", download),
    Route("/unsorted", unsorted_page),
    Route("/assign", assign_action, methods=["POST"]),
    Route("/upload", upload_page, methods=["GET"]),
    Route("/upload", upload, methods=["POST"]),
    Route("/problems", problems_page, methods=["GET"]),
    Route("/problems", problem_add, methods=["POST"]),
    Route("/problems/{problem_id:int}/close", problem_close, methods=["POST"]),
    Route("/reports", reports_page, methods=["GET"]),
    Route("/reports", reports_generate, methods=["POST"]),
    Route("/jobs", jobs_json),
]

# the province's own scheme (考核细则): view it, edit an indicator's evidence items and lead unit
from . import scheme_page  # noqa: E402 - its handlers use the helpers above

routes += [
    Route("/scheme", scheme_page.scheme_page, methods=["GET"]),
    Route("/scheme/{scheme_id:str}", scheme_page.scheme_page, methods=["GET"]),
    Route("/scheme/{scheme_id:str}/{code:str}", scheme_page.scheme_edit, methods=["POST"]),
]
from . import ocr_review  # noqa: E402 - the OCR 待核 page (scans to check by eye)

routes += ocr_review.routes
from . import indicator_page  # noqa: E402 - one indicator: its items, documents and 查漏补缺 marks

routes += indicator_page.routes
