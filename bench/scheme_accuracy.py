"""Filing accuracy under an imported scheme, next to the same corpus under the reference frameworks.

Run:  .venv/bin/python bench/scheme_accuracy.py [--corpus bench/corpora/zhangyuan]

Two fresh workspaces ingest the same corpus with the real pipeline (`archivist ingest --json`):
- reference: the shipped frameworks (shiji-kaohe, hou-pinggu) as TOML;
- imported: the same two schemes written out as province tables (`scheme export … .xlsx`) and loaded back
  with `scheme import`, so the classifier's profiles come only from what a table carries (names, 考核内容,
  佐证材料, 评分标准, units) — as for a province's own scheme. Codes survive through the table's 代码 column,
  so the corpus labels apply unchanged. The tables carry no see_also links (no province table has them), so
  the 后评估 items stand on their own there.
Reported per workspace: filed right / unsorted (abstained) / filed wrong, against the label's `indicator`
(and, in brackets, counting its `also` codes as right). The corpus is run once; nothing is tuned on it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHIVIST = [sys.executable, "-m", "archivist"]


def cli(ws: Path, *args: str) -> str:
    out = subprocess.run([*ARCHIVIST, "-w", str(ws), *args], capture_output=True, text=True, cwd=ROOT, check=False)
    if out.returncode != 0:
        raise SystemExit(f"archivist {' '.join(args)} failed: {out.stderr.strip()}")
    return out.stdout


def workspace(base: Path, name: str, imported: bool) -> Path:
    ws = base / name
    cli(base, "init", str(ws), "--county", "测试县", "--year", "2024")
    if imported:
        for fid, new_id in (("shiji-kaohe", "kaohe-imported"), ("hou-pinggu", "pinggu-imported")):
            table = base / f"{fid}.xlsx"
            cli(ws, "scheme", "export", fid, "--out", str(table))
            cli(ws, "scheme", "import", str(table), "--id", new_id)
    return ws


def label_key(record: dict, files: Path) -> str:
    """The corpus-relative path a record came from (labels are keyed by it; zip members by zip/member)."""
    prov = record.get("provenance") or {}
    source = prov.get("source") or ""
    if prov.get("member"):
        source = f"{prov.get('container') or source}/{prov['member']}"
    marker = files.as_posix().rstrip("/") + "/"
    return source.split(marker, 1)[1] if marker in source else record["original_name"]


def score(records: list[dict], labels: dict[str, dict], files: Path) -> dict[str, float]:
    right = wrong = unsorted = right_also = other = 0
    for r in records:
        label = labels.get(label_key(r, files))
        if label is None or not label.get("indicator"):
            continue
        if r["status"] == "unsorted":
            unsorted += 1
        elif r["status"] == "filed":
            ok = r["indicator"] == label["indicator"]
            ok_also = ok or r["indicator"] in (label.get("also") or [])
            right += ok
            right_also += ok_also
            wrong += not ok
        else:
            other += 1
    n = right + wrong + unsorted + other
    return {"n": n, "right": right / n, "right_also": right_also / n, "unsorted": unsorted / n,
            "wrong": wrong / n, "other": other / n}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "corpora" / "zhangyuan")
    parser.add_argument("--save", type=Path, help="also write each workspace's ingest records here")
    parser.add_argument("--records", type=Path, help="score the records a --save run wrote (no ingest)")
    args = parser.parse_args()
    labels = json.loads((args.corpus / "labels.json").read_text(encoding="utf-8"))
    files = (args.corpus / "files").resolve()
    if args.records:  # score records a previous run saved, without ingesting again
        runs = {n: json.loads((args.records / f"{n}.json").read_text(encoding="utf-8"))
                for n in ("reference", "imported")}
        report(runs, labels, files)
        return
    runs = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for name, imported in (("reference", False), ("imported", True)):
            ws = workspace(base, name, imported)
            started = time.perf_counter()
            runs[name] = json.loads(cli(ws, "ingest", str(files), "--json"))
            print(f"{name}: ingested in {time.perf_counter() - started:.0f} s", file=sys.stderr)
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"{name}.json").write_text(json.dumps(runs[name], ensure_ascii=False), encoding="utf-8")
    report(runs, labels, files)


def report(runs: dict[str, list[dict]], labels: dict[str, dict], files: Path) -> None:
    """All labelled documents ('other' = quarantined: not read, so not classified), then only those both
    workspaces could read — the classifier's own comparison."""
    readable = [{label_key(r, files) for r in records if r["status"] in ("filed", "unsorted")}
                for records in runs.values()]
    both = set.intersection(*readable)
    for title, keep in (("all labelled documents", None), ("documents both workspaces could read", both)):
        results = {name: score([r for r in records if keep is None or label_key(r, files) in keep], labels, files)
                   for name, records in runs.items()}
        print(f"{title}: {results['reference']['n']}")
        print(f"  {'workspace':<11} {'right':>7} {'(+also)':>8} {'unsorted':>9} {'wrong':>7} {'other':>7}")
        for name, r in results.items():
            print(f"  {name:<11} {r['right']:7.1%} {r['right_also']:8.1%} {r['unsorted']:9.1%} {r['wrong']:7.1%}"
                  f" {r['other']:7.1%}")
        ref, imp = results["reference"], results["imported"]
        if ref["right"]:
            print(f"  imported / reference accuracy ratio: {imp['right'] / ref['right']:.3f}")


if __name__ == "__main__":
    main()
