"""The page of one indicator: its required items and how each is covered (查漏补缺), its documents, the
evidence that does not count for the year and its ledger findings — and, on each item, the user's own
mark (covered by a given document, not applicable, or cleared), the same `set_mark` as `archivist cover`.

Every figure comes from the server's cached summary (web/cache.py `current_summary`), the one the
dashboard, `status` and the reports read, so this page cannot say an item is covered while the
dashboard says it is missing. Marking goes through `web_writing` (writer lock, audit, search sync) and
changes the audit seq, so the next page view computes the summary again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..workspace import Workspace, WorkspaceBusy

if TYPE_CHECKING:
    from ..assess.coverage import CoverageMark
    from ..assess.status import IndicatorStatus, ItemCoverage

HOW_LABELS = {"matched": "自动匹配", "manual": "人工认定", "not_applicable": "不适用"}
KIND_LABELS = {"docx": "Word", "doc": "Word", "xlsx": "Excel", "xls": "Excel", "pdf": "PDF", "image": "照片"}
ACTIONS = ("cover", "na", "clear")


@dataclass
class DocLink:
    """A document as the page links it: id, title, and where it is filed when not under this indicator."""

    id: str
    title: str
    filed_under: str = ""


@dataclass
class ItemRow:
    """One required item: its coverage as the summary computed it, the covering documents, the user's mark."""

    coverage: ItemCoverage
    state: str  # covered | not_applicable | missing
    docs: list[DocLink] = field(default_factory=list)
    mark: CoverageMark | None = None

    @property
    def how_label(self) -> str:
        return HOW_LABELS.get(self.coverage.how, "")


def find_status(ws: Workspace, code: str) -> IndicatorStatus:
    """The indicator's status out of the cached summary (the dashboard's own figures); 404 if unknown."""
    from .cache import current_summary

    summary = current_summary(ws)
    ready = summary.readiness
    status = next((s for s in (ready.statuses if ready else []) if s.code == code), None)
    if status is None:
        raise HTTPException(404, f"找不到指标 {code}：请从总览页点击指标方块进入")
    return status


def _titles(ws: Workspace, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Title and indicator of documents a mark names that are not among the indicator's own."""
    from .pages import records_by_id

    return records_by_id(ws, sorted(ids), ("title", "original_name", "indicator"))


def _marks(ws: Workspace) -> dict[tuple[str, int], CoverageMark]:
    from ..assess.coverage import load_marks
    from .pages import read_catalogue

    catalogue = read_catalogue(ws)
    try:
        return load_marks(catalogue)
    finally:
        catalogue.close()


def page_data(ws: Workspace, code: str) -> dict[str, Any]:
    """Everything the indicator page shows, from the cached summary plus who made each mark."""
    from ..assess.coverage import mark_for

    status = find_status(ws, code)
    own = {e.id: e for e in status.evidence}
    others = {i for c in status.items for i in c.evidence if i not in own}
    extra = _titles(ws, others)
    marks = _marks(ws)
    rows = []
    for c in status.items:
        docs = []
        for evidence_id in c.evidence:
            if evidence_id in own:
                docs.append(DocLink(evidence_id, own[evidence_id].title))
            else:
                r = extra.get(evidence_id, {})
                docs.append(DocLink(evidence_id, r.get("title") or r.get("original_name") or evidence_id,
                                    r.get("indicator") or ""))
        state = "not_applicable" if c.how == "not_applicable" else "covered" if c.covered else "missing"
        mark = mark_for(marks, status.code, c.item_no, c.item) if c.how in ("manual", "not_applicable") else None
        rows.append(ItemRow(c, state, docs, mark))
    evidence = sorted(status.evidence, key=lambda e: (e.doc_date or "", e.title), reverse=True)
    return {"s": status, "rows": rows, "evidence": evidence, "kind_labels": KIND_LABELS,
            "indicator_name": f"{status.code} {status.name}"}


async def indicator_page(request: Request) -> Response:
    from .pages import render, state
    from .team_routes import me

    ws = state(request).ws
    code = request.path_params["code"].strip().upper()[:16]
    data = await run_in_threadpool(page_data, ws, code)
    return render(request, "indicator.html", data | {"can_mark": me(request).reviews})


# marking ---------------------------------------------------------------------------------------
@dataclass
class MarkRequest:
    """What the item form asked for, checked before anything is written."""

    code: str
    item_no: int
    action: str
    evidence_id: str
    note: str


def read_mark_request(code: str, item_no: str, action: str, evidence_id: str, note: str) -> MarkRequest:
    """The form's values, or ValueError with the Chinese line to show (nothing is written then)."""
    if action not in ACTIONS:
        raise ValueError("请点击“由此材料覆盖”“不适用”或“清除标记”中的一个按钮")
    try:
        number = int(item_no)
    except ValueError:
        raise ValueError(f"佐证材料序号“{item_no[:20]}”不是数字：请刷新页面后重试") from None
    if action == "cover" and not evidence_id:
        raise ValueError(f"{code} 第{number}项：请先在下拉框中选择覆盖该项的材料，再点“由此材料覆盖”")
    if action == "na" and not note:
        raise ValueError(f"{code} 第{number}项：标为不适用须说明理由，请在“理由”一栏填写后再点“不适用”")
    return MarkRequest(code, number, action, evidence_id, note)


def apply_mark(ws: Workspace, req: MarkRequest) -> str:
    """Write the mark under the writer lock; returns the Chinese line saying what was done."""
    from ..assess.coverage import load_marks, set_mark
    from .writing import web_writing

    title = ""
    with web_writing(ws, "cover") as catalogue:
        had_mark = (req.code, req.item_no) in load_marks(catalogue)
        mark = set_mark(ws, catalogue, req.code, req.item_no,
                        evidence_id=req.evidence_id if req.action == "cover" else None,
                        not_applicable=req.action == "na", note=req.note, clear=req.action == "clear")
        if mark is not None and mark.evidence_id:
            record = catalogue.get(mark.evidence_id) or {}
            title = record.get("title") or record.get("original_name") or mark.evidence_id
    ind = ws.frameworks.indicator(req.code)
    item = ind.evidence[req.item_no - 1] if ind else ""
    where = f"{req.code} 第{req.item_no}项“{item}”"
    if mark is None:
        return f"已清除 {where}的人工标记，恢复自动判断" if had_mark else f"{where}原本没有人工标记，无需清除"
    if mark.not_applicable:
        return f"已将 {where}标为不适用：{mark.note}"
    return f"已认定 {where}由《{title}》覆盖" + (f"：{mark.note}" if mark.note else "")


async def cover_action(request: Request) -> Response:
    """POST /indicator/{code}/cover: 由此材料覆盖 / 不适用 / 清除标记 on one item."""
    from ..assess import AssessError
    from .pages import answer_form, busy_message, checked_form, field, state
    from .team_routes import me

    ws = state(request).ws
    code = request.path_params["code"].strip().upper()[:16]
    form = await checked_form(request)
    user = me(request)
    if not user.reviews:  # the team middleware refuses them already; this keeps the rule next to the action
        raise HTTPException(403, f"无权操作：{user.role}账号不能标记佐证材料，请由资料组或管理员标记")
    item_no = field(form, "item_no", 8)
    target = f"/indicator/{quote(code)}" + (f"#item-{item_no}" if item_no.isdigit() else "")
    try:
        req = read_mark_request(code, item_no, field(form, "action", 10), field(form, "evidence_id", 64),
                                field(form, "note", 500))
        message, ok = await run_in_threadpool(apply_mark, ws, req), True
    except (ValueError, AssessError) as exc:
        message, ok = str(exc), False
    except WorkspaceBusy as exc:
        message, ok = busy_message(exc), False
    return answer_form(request, target, message, ok)


routes = [
    Route("/indicator/{code:str}", indicator_page, methods=["GET"]),
    Route("/indicator/{code:str}/cover", cover_action, methods=["POST"]),
]
