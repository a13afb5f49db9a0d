"""The OCR 待核 page: scans and photos whose OCR a person should check — the pages read with low confidence,
and the names that were corrected against the county's own (清浴县 → 清溪县). The same list as
`archivist list --ocr-review`, plus the corrections; each row links to the document page, where the title
and unit can be edited."""

from __future__ import annotations

import json
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..intake.extract._ocr import review_pages
from ..workspace import Workspace

FIELD_NAMES = {"title": "题名", "unit": "责任者"}


def _meta(record: dict[str, Any]) -> dict[str, Any]:
    meta = record.get("meta")
    if isinstance(meta, str):
        try:
            meta = json.loads(meta)
        except ValueError:
            return {}
    return meta if isinstance(meta, dict) else {}


def review_rows(ws: Workspace) -> list[dict[str, Any]]:
    """One row per OCR'd document with weak pages or corrected names, weakest first."""
    from .pages import read_catalogue

    catalogue = read_catalogue(ws)
    try:
        records = catalogue.records()
    finally:
        catalogue.close()
    rows = []
    for r in records:
        meta = _meta(r)
        pages = review_pages(meta)
        fixes = meta.get("ocr_fixes") if isinstance(meta.get("ocr_fixes"), dict) else {}
        if not pages and not fixes:
            continue
        ocr = meta.get("ocr") if isinstance(meta.get("ocr"), dict) else {}
        confidences = {p.get("page"): p.get("confidence") for p in ocr.get("pages") or [] if isinstance(p, dict)}
        weakest = min((c for n, c in confidences.items() if n in pages and isinstance(c, (int, float))), default=None)
        rows.append({
            "r": r, "pages": pages, "weakest": weakest, "engine": ocr.get("engine", ""),
            "fixes": [f"{FIELD_NAMES.get(key, key)}：{'、'.join(map(str, v))}" for key, v in fixes.items()],
        })
    rows.sort(key=lambda row: (row["weakest"] is None, row["weakest"] or 0.0, row["r"].get("original_name") or ""))
    return rows


async def ocr_review_page(request: Request) -> Response:
    from .pages import render, state

    ws = state(request).ws
    rows = await run_in_threadpool(review_rows, ws)
    from ..intake.extract._ocr import REVIEW_BELOW

    return render(request, "ocr_review.html", {"rows": rows, "review_below": REVIEW_BELOW})


routes = [Route("/ocr-review", ocr_review_page, methods=["GET"])]
