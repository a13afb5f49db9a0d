"""The 方案 page: view a scheme's tree (levels, points, evidence items) and edit an indicator's 佐证材料 and
牵头单位. Thin like the other handlers: the edit is archivist.scheme.edit, under the writer lock, audited."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ..framework import ADJUSTMENT_CATEGORY, BUILTIN_DIR, FrameworkError
from ..workspace import Workspace, WorkspaceBusy


def _view(ws: Workspace, scheme_id: str) -> dict[str, Any]:
    from ..scheme.store import SchemeError, available, load_scheme

    try:
        fw = load_scheme(ws, scheme_id)
    except (SchemeError, FrameworkError) as exc:
        raise HTTPException(404, str(exc)) from exc
    categories = []
    for cat in fw.categories:
        groups: dict[str, dict[str, Any]] = {}
        rows: list[dict[str, Any]] = []
        for ind in cat.indicators:
            if ind.group_code:
                if ind.group_code not in groups:
                    group = next(g for g in cat.groups if g.code == ind.group_code)
                    groups[ind.group_code] = {"code": group.code, "name": group.name, "points": group.points,
                                              "indicators": []}
                    rows.append({"group": groups[ind.group_code]})
                groups[ind.group_code]["indicators"].append(ind)
            else:
                rows.append({"indicator": ind})
        categories.append({"code": cat.code, "name": cat.name, "points": cat.points, "rows": rows,
                           "adjustment": cat.code == ADJUSTMENT_CATEGORY})
    schemes = [{"id": sid, "active": sid in ws.config.frameworks, "builtin": builtin}
               for sid, _path, builtin in available(ws)]
    return {"fw": fw, "categories": categories, "schemes": schemes,
            "editable": bool(fw.source) and fw.source.parent != BUILTIN_DIR,
            "levels": max((len(i.path) for i in fw.indicators() if i.kind not in ("bonus", "penalty")),
                          default=fw.levels)}


async def scheme_page(request: Request) -> Response:
    from .pages import render, state

    ws = state(request).ws
    scheme_id = request.path_params.get("scheme_id") or (ws.config.frameworks[0] if ws.config.frameworks else "")
    context = await run_in_threadpool(_view, ws, scheme_id)
    return render(request, "scheme.html", context)


def _edit(ws: Workspace, scheme_id: str, code: str, evidence: list[str], lead: str) -> Any:
    from ..scheme.edit import edit_indicator
    from .writing import web_writing

    with web_writing(ws, "scheme edit") as catalogue:
        return edit_indicator(ws, catalogue, scheme_id, code, evidence, lead)


async def scheme_edit(request: Request) -> Response:
    from ..scheme.store import SchemeError
    from .pages import busy_message, checked_form, field, flash, state

    ws = state(request).ws
    form = await checked_form(request)
    scheme_id, code = request.path_params["scheme_id"], request.path_params["code"]
    evidence = field(form, "evidence", 20000).splitlines()
    lead = field(form, "lead_unit", 200)
    try:
        edit = await run_in_threadpool(_edit, ws, scheme_id, code, evidence, lead)
        message = (f"已保存 {code} 的佐证材料（{len(edit.new_evidence)} 项）和牵头单位" if edit.changed
                   else f"{code} 没有改动")
        level = "ok"
    except SchemeError as exc:
        message, level = str(exc), "error"
    except WorkspaceBusy as exc:
        message, level = busy_message(exc), "error"
    flash(request, message, level)
    return RedirectResponse(f"/scheme/{scheme_id}#ind-{code}", status_code=303)


routes = [
    Route("/scheme", scheme_page, methods=["GET"]),
    Route("/scheme/{scheme_id:str}", scheme_page, methods=["GET"]),
    Route("/scheme/{scheme_id:str}/{code:str}", scheme_edit, methods=["POST"]),
]
