"""Each county read once into typed records: where it stands, what it still lacks, what looks wrong.

The figures are the county's own, computed by the same code as its `summary`, `status` and `check`
(assess.compute_summary, whose readiness carries the per-indicator statuses and the last check's
findings), so a city's table and a county's own screen never disagree. A county that cannot be read
(a folder moved, a toml naming another county, a damaged catalogue) becomes one line saying why; the
other counties still report. Reading opens each catalogue as any reader does (WAL: it never waits for
the county's writer and never takes its lock) and writes none of the county's data — only, like
`status` itself, the derived caches under its index/cache/.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..assess.summary import Summary
from ..authenticity.summary import FindingsLine
from .config import City, County

READERS = 4  # counties read at once: SQLite readers and the status code release the GIL often enough


@dataclass(frozen=True)
class IndicatorGap:
    """One indicator a county has not completed, and who leads it (查漏补缺)."""

    code: str
    name: str
    framework: str
    state: str  # partial | missing
    lead_unit: str
    missing: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "framework": self.framework, "state": self.state,
                "lead_unit": self.lead_unit, "missing": list(self.missing)}


@dataclass(frozen=True)
class CountyView:
    county: str
    workspace: Path
    problem: str | None = None  # why the county could not be read (nothing else is set then)
    summary: Summary | None = None
    gaps: tuple[IndicatorGap, ...] = ()
    findings: tuple[FindingsLine, ...] = ()
    last_intake: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def complete_share(self) -> float:
        """Share of indicators complete: the city's ranking key."""
        s = self.summary
        return s.complete / s.indicators if s and s.indicators else 0.0

    @property
    def findings_open(self) -> int:
        return sum(f.open for f in self.findings)

    @property
    def findings_high(self) -> int:
        return sum(f.high for f in self.findings)

    def status_json(self) -> dict[str, Any]:
        base: dict[str, Any] = {"county": self.county, "workspace": str(self.workspace), "ok": self.ok,
                                "problem": self.problem}
        s = self.summary
        if s is None:
            return base
        score = s.score
        return base | {
            "year": s.year, "inspection": s.inspection.isoformat() if s.inspection else None, "days_left": s.days_left,
            "received": s.received, "filed": s.filed, "unsorted": s.unsorted, "quarantined": s.quarantined,
            "indicators": s.indicators, "complete": s.complete, "partial": s.partial, "missing": s.missing,
            "complete_share": round(self.complete_share, 4),
            "score_total": score.total if score else None, "score_backed": score.backed_total if score else None,
            "total_points": score.total_points if score else None,
            "problems_open": s.problems_open, "problems_overdue": s.problems_overdue,
            "ledger_errors": s.ledger_errors, "findings_open": self.findings_open, "findings_high": self.findings_high,
            "last_intake": self.last_intake, "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class CityView:
    city: City
    today: dt.date
    counties: tuple[CountyView, ...]
    seconds: float = 0.0
    ranking: tuple[str, ...] = field(default=())  # county names, most complete first

    @property
    def readable(self) -> list[CountyView]:
        return [c for c in self.counties if c.ok]

    def totals(self) -> dict[str, Any]:
        views = [c.summary for c in self.readable if c.summary]
        return {
            "counties": len(self.counties), "readable": len(views),
            "received": sum(s.received for s in views), "filed": sum(s.filed for s in views),
            "indicators": sum(s.indicators for s in views), "complete": sum(s.complete for s in views),
            "partial": sum(s.partial for s in views), "missing": sum(s.missing for s in views),
            "problems_open": sum(s.problems_open for s in views),
            "findings_open": sum(c.findings_open for c in self.readable),
            "findings_high": sum(c.findings_high for c in self.readable),
        }

    def status_json(self) -> dict[str, Any]:
        return {"city": self.city.name, "today": self.today.isoformat(), "totals": self.totals(),
                "ranking": list(self.ranking), "counties": [c.status_json() for c in self.counties],
                "seconds": round(self.seconds, 3)}

    def gaps_json(self) -> list[dict[str, Any]]:
        return [{"county": c.county, "ok": c.ok, "problem": c.problem, "gaps": [g.to_json() for g in c.gaps]}
                for c in self.counties]

    def findings_json(self) -> list[dict[str, Any]]:
        return [{"county": c.county, "ok": c.ok, "problem": c.problem, "open": c.findings_open,
                 "high": c.findings_high, "kinds": [f.to_json() for f in c.findings]} for c in self.counties]


def read_county(county: County, today: dt.date | None = None) -> CountyView:
    """One county's figures, or the one line saying why they cannot be had."""
    from ..assess.summary import compute_summary
    from ..catalogue import Catalogue
    from ..workspace import Workspace, WorkspaceError

    started = time.perf_counter()
    if not (county.workspace / "archivist.toml").is_file():
        return CountyView(county.name, county.workspace,
                          problem=f"{county.workspace} 不是工作区（没有 archivist.toml）："
                                  f"请在 city.toml 中改正 {county.name} 的 workspace")
    try:
        ws = Workspace(county.workspace)
    except WorkspaceError as exc:
        return CountyView(county.name, county.workspace, problem=str(exc))
    if ws.config.county != county.name:
        return CountyView(county.name, county.workspace,
                          problem=f"{ws.root / 'archivist.toml'} 写的是“{ws.config.county}”，不是“{county.name}”："
                                  "请核对 city.toml 中该县的 workspace")
    with ExitStack() as stack:
        path = ws.catalogue_path
        if not path.exists():  # nothing ingested yet: its figures are an empty catalogue's, made elsewhere
            path = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="archivist-city-"))) / path.name
        try:
            catalogue = Catalogue(path)
        except Exception as exc:  # noqa: BLE001 - a damaged county must not stop the city's view
            return CountyView(county.name, county.workspace, problem=f"{county.name} 的目录库无法读取：{exc}")
        try:
            summary = compute_summary(ws, catalogue, today)
            latest = catalogue.evidence.recent_archived(1)
        finally:
            catalogue.close()
    statuses = summary.readiness.statuses if summary.readiness else []
    gaps = tuple(IndicatorGap(s.code, s.name, s.framework, s.state, s.lead_unit, tuple(s.missing))
                 for s in statuses if s.state != "complete")
    last = latest[0]["received_at"] if latest else None
    return CountyView(county.name, county.workspace, summary=summary, gaps=gaps,
                      findings=tuple(summary.authenticity), last_intake=last,
                      seconds=time.perf_counter() - started)


def read_city(city: City, today: dt.date | None = None, readers: int = READERS) -> CityView:
    """Every county once, several at a time, in city.toml's order."""
    started = time.perf_counter()
    day = today or dt.date.today()
    with ThreadPoolExecutor(max_workers=max(1, readers), thread_name_prefix="city-read") as pool:
        views = tuple(pool.map(lambda c: read_county(c, day), city.counties))
    ranking = tuple(v.county for v in sorted((v for v in views if v.ok), key=_rank_key))
    return CityView(city, day, views, time.perf_counter() - started, ranking)


def _rank_key(view: CountyView) -> tuple[float, int, int]:
    """Most complete first; then fewer indicators with nothing at all; then more filed material."""
    s = view.summary
    return (-view.complete_share, s.missing if s else 0, -(s.filed if s else 0))
