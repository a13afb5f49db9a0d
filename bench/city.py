"""The city view over many counties: `archivist city status` against one county's own `summary`.

One county workspace is built by ingesting generated documents (bench/gen_text.py), then copied under
other county names (its archivist.toml's county changed) until the city has --counties of them. Timed
in the same run: one county's summary (what `archivist summary` computes, the baseline), one county as
the city reads it, and the whole city view (status, gaps and findings come from the same read). The
targets of the server issue: status ≤ 1 s per county, city view ≤ 3 s.

    .venv/bin/python bench/city.py                           # 100 counties × 2,000 documents
    .venv/bin/python bench/city.py --counties 10 --docs 300  # a quick run
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gen_text import Generator  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from archivist.city.config import City, County  # noqa: E402
from archivist.city.view import read_city, read_county  # noqa: E402
from archivist.cli import app  # noqa: E402
from archivist.workspace import Workspace, init_workspace  # noqa: E402

UNSAFE = re.compile(r'[\\/:*?<>|]')  # characters a file name cannot hold


def build_county(root: Path, docs: int, chars: int, seed: int) -> Path:
    ws = init_workspace(root / "第001县", county="第001县", inspection_date="2025-01-20", year=2024)
    inbox = root / "来件"
    gen = Generator(seed)
    for i in range(docs):
        record = gen.record(i, chars)
        folder = inbox / (record.get("unit") or "未注明单位")
        folder.mkdir(parents=True, exist_ok=True)
        safe = UNSAFE.sub("", record["title"])[:40]
        (folder / f"{i:05d}-{safe}.txt").write_text(
            f"{record['title']}\n{record['text']}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["-w", str(ws.root), "ingest", str(inbox)])
    assert result.exit_code == 0, result.output
    shutil.rmtree(inbox)
    return ws.root


def copy_county(source: Path, root: Path, n: int) -> County:
    name = f"第{n:03d}县"
    target = root / name
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.lock"))
    toml = target / "archivist.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('"第001县"', f'"{name}"'), encoding="utf-8")
    return County(name, target)


def best_of(runs: int, work) -> float:  # noqa: ANN001 - a callable
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="archivist city status over many counties")
    parser.add_argument("--counties", type=int, default=100)
    parser.add_argument("--docs", type=int, default=2000, help="documents per county (default 2000)")
    parser.add_argument("--chars", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    os.environ.setdefault("ARCHIVIST_KEY_DIR", tempfile.mkdtemp(prefix="archivist-citybench-keys-"))
    work = Path(tempfile.mkdtemp(prefix="archivist-citybench-"))
    print(f"工作目录 {work}; CPU {os.cpu_count()} 核; {args.counties} 个县 × {args.docs} 份文档")
    started = time.perf_counter()
    first = build_county(work, args.docs, args.chars, args.seed)
    print(f"建一个县（导入 {args.docs} 份）用时 {time.perf_counter() - started:.0f}s")
    counties = [County("第001县", first)] + [copy_county(first, work, n) for n in range(2, args.counties + 1)]
    city = City("全省", work, tuple(counties))

    from archivist.assess.summary import compute_summary
    from archivist.catalogue import Catalogue

    ws = Workspace(first)

    def own_summary() -> None:
        catalogue = Catalogue(ws.catalogue_path)
        try:
            compute_summary(ws, catalogue)
        finally:
            catalogue.close()

    one = best_of(3, own_summary)
    as_read = best_of(3, lambda: read_county(counties[0]))
    cold = read_city(city)  # nothing cached yet: every county computed
    assert all(c.ok for c in cold.counties)
    warm = read_city(city)  # nothing changed: every county from the city's cache
    next_day = read_city(city, dt.date.today() + dt.timedelta(days=1))  # another day, nothing changed
    extra = work / "补充材料.txt"
    extra.write_text("第001县补充材料：农村户厕改造验收情况\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["-w", str(first), "ingest", str(extra)])
    assert result.exit_code == 0, result.output
    one_changed = read_city(city)  # one county ingested a file since
    per_county = statistics.median(c.seconds for c in cold.counties)

    print()
    print(f"一个县 summary（基线）          {one * 1000:8.0f} ms")
    print(f"一个县，由市级读取              {as_read * 1000:8.0f} ms   {as_read / one:6.2f} 倍基线（目标 ≤ 1 s）")
    print(f"全市 {args.counties} 个县，首次（逐县计算） {cold.seconds:8.2f} s    {cold.seconds / one:6.1f} 倍基线，"
          f"每县中位 {per_county * 1000:.0f} ms")
    print(f"全市，无变化（取缓存）          {warm.seconds:8.2f} s    {warm.seconds / one:6.2f} 倍基线（目标 ≤ 3 s）")
    tomorrow = next_day.seconds
    print(f"全市，第二天（无变化，取缓存）  {tomorrow:8.2f} s    {tomorrow / one:6.2f} 倍基线（目标 ≤ 3 s）")
    changed = one_changed.seconds
    print(f"全市，一个县刚导入新材料        {changed:8.2f} s    {changed / one:6.2f} 倍基线（目标 ≤ 3 s）")
    print()
    print(f"重复运行: .venv/bin/python bench/city.py --counties {args.counties} --docs {args.docs}"
          f" --chars {args.chars} --seed {args.seed}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
