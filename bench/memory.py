"""Ingest memory against the count: peak resident memory of `archivist ingest --json` at 5k–40k files.

    .venv/bin/python bench/memory.py [--files 5000,10000,20000,40000] [--base /dev/shm]

A county's USB stick must ingest in bounded memory (≤ 500 MB whatever the count). Each count is a
fresh workspace and a folder of generated small text files (archivist.samples.make_text_corpus,
~1,000 Chinese characters each, all distinct), ingested by the real command in its own process.
The peak is the whole process tree's resident memory (the CLI and its extraction workers, summed),
sampled every 0.1 s from /proc (bench/hostile.py's sampler). Every input must come back as one
record in the JSON array.

Printed: seconds, files/s, and peak MB per count, each as a ratio to the first (smallest) count of
the same run — the baseline. Flat memory means the peak ratio stays near 1. `--base /dev/shm`
keeps fsync off the clock (tmpfs), which measures the program rather than the disk; the memory
is the same either way (mapped index pages count in RSS on both).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from hostile import LIMIT_MB, Run, measured  # noqa: E402 - bench scripts run from the checkout


def one_count(base: Path, count: int) -> tuple[Run, dict[str, int]]:
    """Ingest `count` generated files into a fresh workspace; (the run, records by state)."""
    from archivist.samples import make_text_corpus
    from archivist.workspace import init_workspace

    corpus = base / f"corpus-{count}"
    make_text_corpus(corpus, count)
    ws = init_workspace(base / f"ws-{count}", county="青山县", year=2024)
    try:
        run = measured(["-w", str(ws.root), "ingest", str(corpus), "--json"], None, timeout=4 * 3600)
        states: dict[str, int] = {}
        for record in json.loads(run.stdout) if run.returncode == 0 else []:
            states[record["status"]] = states.get(record["status"], 0) + 1
    finally:
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(ws.root, ignore_errors=True)
    return run, states


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", default="5000,10000,20000,40000", help="comma-separated file counts")
    parser.add_argument("--base", default=None, help="folder for the corpora and workspaces (default: system temp)")
    opts = parser.parse_args()
    counts = [int(n) for n in opts.files.split(",") if n]
    print(f"command: .venv/bin/python bench/memory.py --files {opts.files}"
          + (f" --base {opts.base}" if opts.base else ""), flush=True)
    with tempfile.TemporaryDirectory(prefix="archivist-memory-", dir=opts.base) as tmp:
        os.environ.setdefault("ARCHIVIST_KEY_DIR", str(Path(tmp) / "keys"))
        rows = []
        for count in counts:
            run, states = one_count(Path(tmp), count)
            rows.append((count, run, states))
            print(f"  {count} files: rc {run.returncode}, {run.seconds:.0f} s, peak {run.peak_rss_mb:.0f} MB",
                  flush=True)
            if run.returncode:
                print(run.stderr[-2000:])
    base_count, base_run, _ = rows[0]
    base_rate = base_count / base_run.seconds
    print(f"{'files':>7}{'seconds':>9}{'files/s':>9}{'x rate':>8}{'peak MB':>9}{'x peak':>8}  states")
    ok = True
    for count, run, states in rows:
        rate = count / run.seconds
        print(f"{count:>7}{run.seconds:>9.0f}{rate:>9.1f}{rate / base_rate:>8.2f}{run.peak_rss_mb:>9.0f}"
              f"{run.peak_rss_mb / base_run.peak_rss_mb:>8.2f}  {states}")
        ok &= run.returncode == 0 and sum(states.values()) == count and run.peak_rss_mb <= LIMIT_MB
    last_count, last_run, _ = rows[-1]
    print(f"peak at {last_count} / peak at {base_count}: {last_run.peak_rss_mb / base_run.peak_rss_mb:.2f} "
          f"(target ≈ 1); every peak ≤ {LIMIT_MB} MB and every input one record: {'PASS' if ok else 'FAIL'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
