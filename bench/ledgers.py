"""Ledger checks alone, on a folder of labelled ledgers (files/*.xlsx + ledgers.json), in process.

Run:
    .venv/bin/python bench/ledgers.py bench/corpora/ledgers3 [--misses]

Faster than bench/trust.py (no ingest): every workbook goes through the same `check_file` the intake
uses; only findings confident enough to be reported count. A finding is right when it names a planted
row of the same file (a duplicated 身份证号 may be reported on either of its rows), as in bench/trust.py.
Prints precision and recall overall and per kind, with the seconds taken.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.assess.ledger_checks import check_file, is_reportable  # noqa: E402


def matches(finding, error: dict) -> bool:
    if "dup" in finding.kind and error["kind"] == "duplicate_id":
        return finding.row in (int(error["row"]), int(error.get("first_row") or -1))
    return finding.row == int(error["row"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    print("$ " + " ".join([Path(sys.executable).name, *sys.argv]))
    truth = json.loads((args.corpus / "ledgers.json").read_text(encoding="utf-8"))
    started = time.monotonic()
    tp = fp = recalled = planted = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # kind -> [recalled, planted]
    misses: list[str] = []
    for name, spec in sorted(truth.items()):
        errors = spec.get("errors") or []
        findings = [f for f in check_file(args.corpus / "files" / name, file=name) if is_reportable(f)]
        for f in findings:
            if any(matches(f, e) for e in errors):
                tp += 1
            else:
                fp += 1
                misses.append(f"false  {name} 「{f.sheet}」第{f.row}行 {f.kind}: {f.message}")
        for e in errors:
            planted += 1
            by_kind[e["kind"]][1] += 1
            if any(matches(f, e) for f in findings):
                recalled += 1
                by_kind[e["kind"]][0] += 1
            else:
                misses.append(f"missed {name} 「{e['sheet']}」第{e['row']}行 {e['kind']} ({e.get('column')})")
    seconds = time.monotonic() - started
    print(f"ledgers {len(truth)}  planted {planted}  findings {tp + fp}  seconds {seconds:.1f}")
    print(f"precision {tp / max(tp + fp, 1):.3f}  recall {recalled / max(planted, 1):.3f}")
    for kind, (got, total) in sorted(by_kind.items()):
        print(f"  {kind:16} {got}/{total}")
    if args.misses:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
