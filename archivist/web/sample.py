"""A populated sample workspace for trying the workbench, its tests and its screenshots.

Built from archivist.samples (the fictional 青山县), dated around today so the dashboard shows a
live countdown, with something in every state the pages care about: filed, 待分类, duplicate,
quarantined, self-scores backed by evidence, open, overdue and site problems.

    python -m archivist.web.sample DIR    # then: archivist -w DIR/ws serve
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

from ..workspace import Workspace, init_workspace

# Files whose extraction needs OCR take seconds each; `quick` leaves them out (tests).
SLOW_SAMPLES = ("scan_0003.pdf", "整改照片.pdf")
UNSORTED_TEXT = "通知\n请各位同志于下周一上午九点到三楼会议室参加会议，带好笔记本。\n办公室\n"


def build_sample_workspace(root: Path, *, today: dt.date | None = None, quick: bool = False) -> Workspace:
    """Create ROOT/ws from generated evidence (ROOT/来件) and fill the assessment tables."""
    from ..assess.problems import add_problem
    from ..assess.scores import set_score
    from ..intake.pipeline import Pipeline, discover
    from ..samples import make_sample_evidence
    from .writing import web_writing

    today = today or dt.date.today()
    incoming = make_sample_evidence(root / "来件")
    if quick:
        for name in SLOW_SAMPLES:
            for path in incoming.rglob(name):
                path.unlink()
    (incoming / "办公室").mkdir(exist_ok=True)
    (incoming / "办公室" / "通知.txt").write_text(UNSORTED_TEXT, encoding="utf-8")
    ws = init_workspace(root / "ws", county="青山县", inspection_date=(today + dt.timedelta(days=12)).isoformat(),
                        year=2024)
    with web_writing(ws, "sample") as catalogue:
        records = Pipeline(ws, catalogue).run(discover([incoming]))
        filed = [r for r in records if r["status"] == "filed"]
        scored: set[str] = set()
        for r in filed:
            ind = ws.frameworks.indicator(r["indicator"])
            if ind is None or ind.kind != "base" or ind.framework_id != ws.frameworks.frameworks[0].id:
                continue
            if ind.code in scored:
                continue
            scored.add(ind.code)
            set_score(ws, catalogue, ind.code, ind.points * 0.9, note="材料齐全，成效明显", evidence=[r["id"]])
        add_problem(ws, catalogue, "杏花村3户改厕户化粪池渗漏，未及时维修", unit="河口镇", source="市级交叉检查",
                    deadline=(today - dt.timedelta(days=3)).isoformat(), indicator="C01",
                    found_date=(today - dt.timedelta(days=30)).isoformat(), today=today)
        add_problem(ws, catalogue, "部分脱贫户务工就业台账信息不完整", unit="县人社局", source="县级自查",
                    deadline=(today + dt.timedelta(days=6)).isoformat(), indicator="A03",
                    found_date=(today - dt.timedelta(days=10)).isoformat(), site=False, today=today)
        add_problem(ws, catalogue, "衔接资金项目资产确权登记滞后", unit="县财政局", source="审计反馈",
                    deadline=(today + dt.timedelta(days=9)).isoformat(), indicator="A04",
                    found_date=(today - dt.timedelta(days=20)).isoformat(), site=False, today=today)
    return ws


def cached_sample(base: Path) -> Path:
    """The quick sample workspace under `base`, built on first use: the test modules share one
    build (about ten seconds) and copy it for every test that changes something."""
    root = base / "web-sample"
    if not (root / ".ready").exists():
        shutil.rmtree(root, ignore_errors=True)
        build_sample_workspace(root, quick=True)
        (root / ".ready").write_text("ok", encoding="utf-8")
    return root / "ws"


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0] if args else "web-sample").resolve()
    ws = build_sample_workspace(root)
    print(f"示例工作区：{ws.root}\n启动：archivist -w {ws.root} serve")


if __name__ == "__main__":
    main()
