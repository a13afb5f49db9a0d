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
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from ..assess.status import parse_date
from ..assess.summary import Summary
from ..authenticity.summary import FindingsLine, OpenFinding
from ..workspace import Workspace
from .cache import CountyCache
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
class CountyFigures:
    """The county's headline figures, exactly as its own `summary --json` gives them."""

    year: int
    inspection: str | None
    days_left: int | None
    received: int
    filed: int
    unsorted: int
    quarantined: int
    indicators: int
    complete: int
    partial: int
    missing: int
    score_total: float | None
    score_backed: float | None
    total_points: float | None
    problems_open: int
    problems_overdue: int
    ledger_errors: int

    def on(self, day: dt.date, open_deadlines: tuple[str, ...]) -> CountyFigures:
        """The same figures seen on `day` (as compute_summary counts days left and overdue problems)."""
        inspection = dt.date.fromisoformat(self.inspection) if self.inspection else None
        return replace(self, days_left=(inspection - day).days if inspection else None,
                       problems_overdue=sum(1 for d in open_deadlines if dt.date.fromisoformat(d) < day))

    @classmethod
    def of(cls, s: Summary) -> CountyFigures:
        score = s.score
        return cls(s.year, s.inspection.isoformat() if s.inspection else None, s.days_left, s.received, s.filed,
                   s.unsorted, s.quarantined, s.indicators, s.complete, s.partial, s.missing,
                   score.total if score else None, score.backed_total if score else None,
                   score.total_points if score else None, s.problems_open, s.problems_overdue, s.ledger_errors)


@dataclass(frozen=True)
class CountyView:
    county: str
    workspace: Path
    problem: str | None = None  # why the county could not be read (nothing else is set then)
    summary: CountyFigures | None = None
    gaps: tuple[IndicatorGap, ...] = ()
    findings: tuple[FindingsLine, ...] = ()
    last_intake: str | None = None
    open_deadlines: tuple[str, ...] = ()  # of the open problems: the day's overdue count comes from these
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
        if self.summary is None:
            return base
        return base | asdict(self.summary) | {
            "complete_share": round(self.complete_share, 4), "findings_open": self.findings_open,
            "findings_high": self.findings_high, "last_intake": self.last_intake, "seconds": round(self.seconds, 3),
        }

    def to_cache(self) -> dict[str, Any]:
        return {"figures": asdict(self.summary) if self.summary else None, "gaps": [g.to_json() for g in self.gaps],
                "findings": [f.to_json() for f in self.findings], "last_intake": self.last_intake,
                "open_deadlines": list(self.open_deadlines)}

    @classmethod
    def from_cache(cls, county: County, data: dict[str, Any], day: dt.date) -> CountyView:
        """The stored entry as of `day`: days to the inspection and overdue problems are counted again, so an
        entry made on another day serves as well (the rest does not depend on the day)."""
        deadlines = tuple(data["open_deadlines"])
        figures = CountyFigures(**data["figures"]).on(day, deadlines) if data["figures"] else None
        gaps = tuple(IndicatorGap(g["code"], g["name"], g["framework"], g["state"], g["lead_unit"],
                                  tuple(g["missing"])) for g in data["gaps"])
        findings = tuple(FindingsLine(**(f | {"examples": [OpenFinding(**e) for e in f["examples"]]}))
                         for f in data["findings"])
        return cls(county.name, county.workspace, summary=figures, gaps=gaps, findings=findings,
                   last_intake=data["last_intake"], open_deadlines=deadlines)


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


def read_county(county: County, today: dt.date | None = None, cache: CountyCache | None = None) -> CountyView:
    """One county's figures, or the one line saying why they cannot be had. With `cache`, a county whose
    catalogue, settings and schemes have not changed since its last read on the same day is not computed
    again."""
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
    day = today or dt.date.today()
    key = cache.key(ws) if cache is not None else None
    if cache is not None and key is not None and (entry := cache.get(county, key)) is not None:
        try:
            return replace(CountyView.from_cache(county, entry, day), seconds=time.perf_counter() - started)
        except (KeyError, TypeError, ValueError):
            pass  # an entry of another shape: computed again below
    try:
        view = _compute(county, ws, day)
    except Exception as exc:  # noqa: BLE001 - a damaged county must not stop the city's view
        return CountyView(county.name, county.workspace, problem=f"{county.name} 的目录库无法读取：{exc}")
    if cache is not None and key is not None:
        cache.put(county, key, view.to_cache())
    return replace(view, seconds=time.perf_counter() - started)


def _compute(county: County, ws: Workspace, day: dt.date) -> CountyView:
    from ..assess.summary import compute_summary
    from ..catalogue import Catalogue, open_catalogue

    with ExitStack() as stack:
        if ws.catalogue_config.is_postgresql:
            catalogue = open_catalogue(ws)
        elif ws.catalogue_path.exists():
            catalogue = Catalogue(ws.catalogue_path)
        else:  # nothing ingested yet: its figures are an empty catalogue's, made outside the county
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="archivist-city-")))
            catalogue = Catalogue(folder / ws.catalogue_path.name)
        try:
            summary = compute_summary(ws, catalogue, day)
            latest = catalogue.evidence.recent_archived(1)
        finally:
            catalogue.close()
    statuses = summary.readiness.statuses if summary.readiness else []
    gaps = tuple(IndicatorGap(s.code, s.name, s.framework, s.state, s.lead_unit, tuple(s.missing))
                 for s in statuses if s.state != "complete")
    deadlines = tuple(d.isoformat() for p in (summary.readiness.problems if summary.readiness else [])
                      if not p.closed and (d := parse_date(p.deadline)) is not None)
    return CountyView(county.name, county.workspace, summary=CountyFigures.of(summary), gaps=gaps,
                      findings=tuple(summary.authenticity), last_intake=latest[0]["received_at"] if latest else None,
                      open_deadlines=deadlines)


def read_city(city: City, today: dt.date | None = None, readers: int = READERS, *, cached: bool = True) -> CityView:
    """Every county once, several at a time, in city.toml's order (each from the city's cache when unchanged)."""
    started = time.perf_counter()
    day = today or dt.date.today()
    cache = CountyCache(city.root) if cached else None
    with ThreadPoolExecutor(max_workers=max(1, readers), thread_name_prefix="city-read") as pool:
        views = tuple(pool.map(lambda c: read_county(c, day, cache), city.counties))
    ranking = tuple(v.county for v in sorted((v for v in views if v.ok), key=_rank_key))
    return CityView(city, day, views, time.perf_counter() - started, ranking)


def _rank_key(view: CountyView) -> tuple[float, int, int]:
    """Most complete first; then fewer indicators with nothing at all; then more filed material."""
    s = view.summary
    return (-view.complete_share, s.missing if s else 0, -(s.filed if s else 0))
