"""催报通知 (``report reminder [--unit U]``): a notice to one unit, or to all that owe, listing what is still
missing — by indicator and required item — what was returned and why, the deadline and whom to call.

It prints exactly what ``archivist remind`` lists (:func:`archivist.team.remind.reminders`): the same
units, items, states and deadline, so the notice and the 催报 page never disagree. The contact comes
from ``[documents] contact`` / ``phone`` in archivist.toml; without them the notice carries a
【待补充】 line for the editor. An issued notice can take the 红头 (``--red-header``).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from .reports import (
    Numbering,
    Phrases,
    ReportData,
    _common,
    cn_date,
    counted,
    documents_config,
    join_cn,
    load_phrases,
)

ITEMS_PER_LINE = 8


def _reminders(data: ReportData, unit: str | None) -> list[Any]:
    from ..catalogue import open_catalogue
    from ..team.remind import reminders

    catalogue = open_catalogue(data.ws)
    try:
        # the statuses the report data already holds: not a second pass over every filed record
        return reminders(data.ws, catalogue, unit, today=data.today, statuses=data.statuses)
    finally:
        catalogue.close()


def _indicator_lines(ph: Phrases, ctx: dict[str, Any], r: Any) -> list[str]:
    """One line per indicator the unit owes something for: 未报送 items, then 退回 items with the reason."""
    from ..team.remind import NOT_SENT, RETURNED

    lines = []
    by_code: dict[str, list[Any]] = {}
    for item in r.items:
        if item.state in (NOT_SENT, RETURNED):
            by_code.setdefault(item.indicator, []).append(item)
    for code, items in by_code.items():
        parts = []
        missing = [f"“{i.item}”" for i in items if i.state == NOT_SENT]
        if missing:
            parts.append(ph.fill("reminder", "missing_items", ctx, items=join_cn(missing, ITEMS_PER_LINE)))
        returned = [ph.fill("reminder", "returned_item" if i.reason else "returned_item_noreason", ctx,
                            item=i.item, reason=i.reason.rstrip("。")) for i in items if i.state == RETURNED]
        if returned:
            parts.append(ph.fill("reminder", "returned_items", ctx, items="、".join(returned)))
        lines.append(ph.fill("reminder", "indicator_items", ctx, code=code, name=items[0].indicator_name,
                             items="；".join(parts)))
    return lines


def reminder_model(data: ReportData, phrases: Phrases | None = None, unit: str | None = None) -> dict[str, Any]:
    """The 催报通知's model: 一、尚未报送和退回的材料 (per unit, per indicator) 二、报送要求 三、联系方式."""
    ph = phrases or load_phrases(data.ws)
    ctx = data.context()
    m = _common(data, ph, ctx, "reminder")
    found = [r for r in _reminders(data, unit) if r.owes]
    m["recipient"] = unit or ph.fill("reminder", "recipient_all", ctx)
    m["opening"] = ph.fill("reminder", "opening_unit" if unit else "opening", ctx)
    m["units"] = [{"unit": r.unit, "missing": len(r.missing), "returned": len(r.returned), "late": len(r.late),
                   "items": [{"indicator": i.indicator, "item": i.item, "state": i.state, "reason": i.reason}
                             for i in r.items if i.state in ("未报送", "退回")]} for r in found]
    num_ = Numbering()
    section = num_.heading(1, ph.fill("reminder", "owed_heading", ctx))
    if not found:
        section["paragraphs"].append(ph.fill("reminder", "nothing_unit" if unit else "nothing", ctx))
    elif unit:
        r = found[0]
        section["paragraphs"].append(ph.fill("reminder", "unit_summary", ctx, summary=counted(
            [("未报送", len(r.missing), "项"), ("退回", len(r.returned), "项")])))
        for line in _indicator_lines(ph, ctx, r):
            section["subsections"].append(num_.heading(2, line.split("：", 1)[0], line.split("：", 1)[1]))
    else:
        for r in found:
            summary = counted([("未报送", len(r.missing), "项"), ("退回", len(r.returned), "项")])
            sub = num_.heading(2, r.unit, ph.fill("reminder", "unit_summary", ctx, summary=summary))
            for line in _indicator_lines(ph, ctx, r):
                sub["entries"].append(num_.heading(3, line))
            section["subsections"].append(sub)
    m["sections"].append(section)

    section = num_.heading(1, ph.fill("reminder", "requirements_heading", ctx))
    deadline = next((r.deadline for r in found if r.deadline), None)
    if found:
        if deadline is None:
            key = "deadline_unknown"
        else:
            key = "deadline_passed" if _dt.date.fromisoformat(deadline) < data.today else "deadline_ahead"
        section["paragraphs"].append(ph.fill("reminder", key, ctx, deadline=cn_date(deadline)))
    section["paragraphs"].extend(ph.fill_list("reminder", "requirements", ctx))
    m["sections"].append(section)

    section = num_.heading(1, ph.fill("reminder", "contact_heading", ctx))
    cfg = documents_config(data.ws)
    contact, phone = str(cfg.get("contact") or "").strip(), str(cfg.get("phone") or "").strip()
    if contact or phone:
        section["paragraphs"].append(ph.fill("reminder", "contact", ctx, contact=contact or "【待补充：联系人】",
                                             phone=phone or "【待补充：联系电话】"))
    else:
        section["paragraphs"].append(ph.fill("reminder", "contact_missing", ctx))
    m["sections"].append(section)
    m["deadline"] = cn_date(deadline) if deadline else ""
    return m
