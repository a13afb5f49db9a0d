"""Trust bench: are archivist's conclusions true on documents nobody on the team wrote?

Run:
    .venv/bin/python bench/trust.py --corpus bench/corpora/baihe --corpus ../shared/dev-corpus
    # first run vs now, side by side (the baseline is any other checkout of the project):
    git worktree add /tmp/archivist-base 175054b
    .venv/bin/python bench/trust.py --corpus bench/corpora/baihe --against /tmp/archivist-base

It drives the real command line (`init`, `ingest --json`, `assign`, `status --json`) in a temporary
workspace, so any checkout that speaks CLI.md can be measured with the same script. Per corpus it prints:
- ledger checks: precision and recall of the reported ledger errors against the planted ones
  (ledgers.json); a finding is right when it names a planted row of the same file (a duplicated 身份证号
  may be reported on either of its rows);
- coverage (查漏补缺): after every file is assigned to its labelled indicator (so filing mistakes do not
  count here), the share of truly covered items reported missing (false-missing) and the share of
  items reported covered that no file covers (false-covered);
- metadata: unit / date / title accuracy over the files whose label says the file states that value (unit at
  the level the archive files it — a 股 as its department, a township office as the township — and, beside
  it, exactly as written);
- filing: accuracy, abstained (待分类) and confidently wrong, for reference.
Corpora without ledgers.json or `covers` labels (the dev corpus) report the metadata and filing lines only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {
    "ledger precision": (">=", 0.95),
    "ledger recall": (">=", 0.90),
    "coverage false-missing": ("<=", 0.05),
    "coverage false-covered": ("<=", 0.05),
    "unit accuracy": (">=", 0.90),
    "date accuracy": (">=", 0.95),
    "title accuracy": (">=", 0.90),
    "filing accuracy": (">=", 0.95),
    "filing confidently wrong": ("<=", 0.03),
}


@dataclass
class Corpus:
    root: Path
    labels: dict[str, dict[str, Any]]
    ledgers: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def files(self) -> Path:
        return self.root / "files"

    @classmethod
    def load(cls, root: Path) -> Corpus:
        labels = json.loads((root / "labels.json").read_text(encoding="utf-8"))
        ledgers_file = root / "ledgers.json"
        ledgers = json.loads(ledgers_file.read_text(encoding="utf-8")) if ledgers_file.exists() else {}
        return cls(root, labels, ledgers)

    def county(self) -> str:
        counts: dict[str, int] = defaultdict(int)
        for lab in self.labels.values():
            for value in (lab.get("unit") or "", lab.get("title") or ""):
                for m in re.finditer(r"([\u4e00-\u9fa5]{2})县", value):
                    counts[m.group(0)] += 1
        return max(counts, key=counts.get) if counts else "本县"


def run_cli(code_root: Path, args: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(code_root), NO_COLOR="1", COLUMNS="200")
    proc = subprocess.run(
        [sys.executable, "-m", "archivist", *args], capture_output=True, text=True, env=env, cwd=code_root,
        timeout=3600, check=False,
    )
    if check and proc.returncode not in (0,):
        raise SystemExit(f"archivist {' '.join(args[:4])}… failed ({proc.returncode}): {proc.stderr[-800:]}")
    return proc


def json_out(proc: subprocess.CompletedProcess[str]) -> Any:
    text = proc.stdout
    start = min((i for i in (text.find("["), text.find("{")) if i >= 0), default=-1)
    return json.loads(text[start:])


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ------------------------------------------------------------------ comparisons
def norm_unit(value: str | None, county: str) -> str:
    """One spelling per unit: Simplified, no 中共, the county's name or the short 县 prefix dropped."""
    v = re.sub(r"\s+", "", to_simplified(value or ""))
    if m := re.fullmatch(r"中共(.{1,8}?(?:镇|乡|街道|县|市|区))委员会", v):  # 中共X镇委员会 is the X镇党委
        v = m.group(1) + "党委"
    v = re.sub(r"^中共", "", v)
    if v.startswith(county):
        v = v[len(county):]
    elif v.startswith("县"):
        v = v[1:]
    v = re.sub(r"(人民政府|委员会)$", "", v)
    return v or ("县" if value else "")


def same_unit(got: str | None, want: str | None, county: str) -> bool:
    return bool(got) and norm_unit(got, county) == norm_unit(want, county)


_DEPT_PART = re.compile(r"^(.{1,14}?(?:局|部|委|办|厅))(?:.{1,12}?(?:股|科|室|中心|站|队|所|办公室|办|处))$")
_TOWN_PART = re.compile(r"^(.{1,3}?(?:镇|乡|街道))(.+)$")


def archive_unit(value: str | None, county: str) -> str:
    """The unit at the level an archive files it (the dev corpus's convention): a department's 股/中心/站 is
    the department, a township's office is the township (its 党委 offices the 党委), a village's bodies
    stay. Two outside corpora label these differently (as written vs this level), so both are printed."""
    v = re.sub(r"[（(][^（）()]*[)）]", "", norm_unit(value, county))
    v = v.replace("农村工作领导小组办公室", "农办")  # the short form both the dev corpus and the archive write
    town = _TOWN_PART.match(v)
    if town and not v.startswith(("县", "市")) and not re.match(r"^.{1,5}?(?:村|社区)", town.group(2)):
        return town.group(1) + ("党委" if town.group(2).startswith(("党委", "委员会")) else "")
    if m := _DEPT_PART.match(v):
        return m.group(1)
    return v


def same_unit_archive(got: str | None, want: str | None, county: str) -> bool:
    return bool(got) and archive_unit(got, county) == archive_unit(want, county)


def to_simplified(text: str) -> str:
    try:
        import opencc

        return opencc.OpenCC("t2s").convert(text)
    except ImportError:  # the bench still runs; Traditional labels then count as different
        return text


def norm_title(value: str | None) -> str:
    v = re.sub(r"[\s《》“”\"'·:：,，。.、（）()]", "", value or "")
    return v


def same_title(got: str | None, want: str | None) -> bool:
    a, b = norm_title(got), norm_title(want)
    if not a or not b:
        return False
    if a == b:
        return True
    close = min(len(a), len(b)) / max(len(a), len(b)) >= 0.8
    return len(a) >= 8 and len(b) >= 8 and (a in b or b in a) and close


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


# ------------------------------------------------------------------ one run
def measure(code_root: Path, corpus: Corpus, keep: Path | None = None) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="trust-"))
    ws = keep or tmp / "ws"
    county = corpus.county()
    started = time.monotonic()
    run_cli(code_root, ["init", str(ws), "--county", county, "--year", "2024", "--inspection-date", "2025-01-20"])
    records = json_out(run_cli(code_root, ["-w", str(ws), "ingest", str(corpus.files), "--json"]))
    ingest_seconds = time.monotonic() - started

    by_sha: dict[str, list[str]] = defaultdict(list)
    for path in sorted(corpus.files.rglob("*")):
        if path.is_file():
            by_sha[sha256(path)].append(path.relative_to(corpus.files).as_posix())
    file_of: dict[str, str] = {}
    for rec in records:
        names = by_sha.get(rec.get("sha256") or "", [])
        pick = [n for n in names if Path(n).name == rec.get("original_name")] or names
        if pick:
            file_of[rec["id"]] = pick[0]

    out: dict[str, Any] = {"files": len(records), "ingest seconds": round(ingest_seconds, 1)}
    # metadata, on the records as ingested (before any correction)
    hits = defaultdict(int)
    dens = defaultdict(int)
    misses: dict[str, list[str]] = defaultdict(list)
    filing = defaultdict(int)
    for rec in records:
        name = file_of.get(rec["id"])
        lab = corpus.labels.get(name or "")
        if not lab or rec["status"] in ("duplicate",):
            continue
        if lab.get("unit"):
            dens["unit incl. folder"] += 1
            hits["unit incl. folder"] += same_unit(rec.get("unit"), lab["unit"], county)
        if lab.get("unit") and lab.get("unit_stated", True):
            dens["unit"] += 1
            hits["unit as written"] += same_unit(rec.get("unit"), lab["unit"], county)
            ok = same_unit_archive(rec.get("unit"), lab["unit"], county)
            hits["unit"] += ok
            if not ok:
                misses["unit"].append(f"{name}: {rec.get('unit')!r} ≠ {lab['unit']!r}")
        if lab.get("date") and lab.get("date_stated", True):
            dens["date"] += 1
            ok = rec.get("doc_date") == lab["date"]
            hits["date"] += ok
            if not ok:
                misses["date"].append(f"{name}: {rec.get('doc_date')!r} ≠ {lab['date']!r}")
        if lab.get("title") and lab.get("title_stated", True):
            dens["title"] += 1
            ok = same_title(rec.get("title"), lab["title"])
            hits["title"] += ok
            if not ok:
                misses["title"].append(f"{name}: {rec.get('title')!r} ≠ {lab['title']!r}")
        want = lab.get("indicator")
        if want:
            filing["n"] += 1
            allowed = {want, *(lab.get("also") or [])}
            if rec["status"] == "filed":
                if rec.get("indicator") in allowed:
                    filing["right"] += 1
                else:
                    filing["wrong"] += 1
                    misses["filing"].append(f"{name}: {rec.get('indicator')} ≠ {want}")
            else:
                filing["abstain"] += 1
    out["unit accuracy incl. folder"] = ratio(hits["unit incl. folder"], dens["unit incl. folder"])
    out["unit accuracy as written"] = ratio(hits["unit as written"], dens["unit"])
    for key in ("unit", "date", "title"):
        out[f"{key} accuracy"] = ratio(hits[key], dens[key])
        out[f"{key} n"] = dens[key]
    out["filing accuracy"] = ratio(filing["right"], filing["n"])
    out["filing abstained"] = ratio(filing["abstain"], filing["n"])
    out["filing confidently wrong"] = ratio(filing["wrong"], filing["n"])

    # put every file where its label says, so coverage is judged on its own
    for rec in records:
        name = file_of.get(rec["id"])
        lab = corpus.labels.get(name or "")
        movable = rec["status"] in ("filed", "unsorted")
        if lab and lab.get("indicator") and movable and rec.get("indicator") != lab["indicator"]:
            run_cli(code_root, ["-w", str(ws), "assign", rec["id"], lab["indicator"]], check=False)
    status = json_out(run_cli(code_root, ["-w", str(ws), "status", "--json"]))
    if any("covers" in lab for lab in corpus.labels.values()):
        out.update(coverage(corpus, status, misses))
    if corpus.ledgers:
        out.update(ledger(corpus, status, file_of, misses))
    out["_misses"] = {k: v[:40] for k, v in misses.items()}
    return out


def _cover_code(cover: dict[str, Any]) -> str | None:
    """The indicator a cover label names: 'code' in some corpora, 'indicator' in others."""
    return cover.get("code") or cover.get("indicator")


def coverage(corpus: Corpus, status: list[dict[str, Any]], misses: dict[str, list[str]]) -> dict[str, Any]:
    truly: dict[str, set[int]] = defaultdict(set)
    by_item: dict[tuple[str, int], list[str]] = defaultdict(list)
    for path, lab in corpus.labels.items():
        for c in lab.get("covers") or []:
            by_item[(_cover_code(c), int(c["item"]))].append(path)
    filed_codes = {lab["indicator"] for lab in corpus.labels.values() if lab.get("indicator")}
    for lab in corpus.labels.values():
        for c in lab.get("covers") or []:
            if _cover_code(c) == lab.get("indicator"):
                truly[_cover_code(c)].add(int(c["item"]))
    fm = fc = covered_true = reported = 0
    for entry in status:
        code = entry["code"]
        if code not in filed_codes:
            continue
        required = entry["required"]
        covered = set(entry["covered"])
        for i, item in enumerate(required, start=1):
            is_true = i in truly.get(code, set())
            said = item in covered
            covered_true += is_true
            reported += said
            fm += is_true and not said
            fc += said and not is_true
            if is_true and not said:
                misses["coverage false-missing"].append(f"{code} 第{i}项 {item}: {by_item[(code, i)]}")
            if said and not is_true:
                misses["coverage false-covered"].append(f"{code} 第{i}项 {item}")
    return {
        "coverage false-missing": ratio(fm, covered_true),
        "coverage false-covered": ratio(fc, reported),
        "coverage items covered (truth)": covered_true,
        "coverage items reported covered": reported,
    }


def ledger(
    corpus: Corpus, status: list[dict[str, Any]], file_of: dict[str, str], misses: dict[str, list[str]]
) -> dict[str, Any]:
    planted = {path: spec.get("errors") or [] for path, spec in corpus.ledgers.items()}
    found_rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    seen = set()
    for entry in status:
        for f in entry.get("ledger_errors") or []:
            key = (f["evidence_id"], f.get("sheet"), f.get("row"), f.get("column"), f.get("kind"))
            if key in seen:
                continue
            seen.add(key)
            name = file_of.get(f["evidence_id"])
            if name:
                found_rows[name].append(f)

    def matches(f: dict[str, Any], e: dict[str, Any]) -> bool:
        if "dup" in (f.get("kind") or "") and e["kind"] == "duplicate_id":
            return True
        return int(f.get("row") or -1) == int(e["row"])

    tp = fp = 0
    recalled = 0
    total = sum(len(v) for v in planted.values())
    for name, findings in found_rows.items():
        errors = planted.get(name, [])
        for f in findings:
            if any(matches(f, e) for e in errors):
                tp += 1
            else:
                fp += 1
                misses["ledger false"].append(f"{name} 第{f.get('row')}行 {f.get('kind')}: {f.get('message')}")
    for name, errors in planted.items():
        for e in errors:
            if any(matches(f, e) for f in found_rows.get(name, [])):
                recalled += 1
            else:
                misses["ledger missed"].append(f"{name} 第{e['row']}行 {e['kind']} ({e.get('column')})")
    return {
        "ledger precision": ratio(tp, tp + fp),
        "ledger recall": ratio(recalled, total),
        "ledger findings": tp + fp,
        "ledger planted": total,
    }


# ------------------------------------------------------------------ printing
def fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def meets(metric: str, value: Any) -> str:
    if metric not in TARGETS or value is None:
        return ""
    op, target = TARGETS[metric]
    ok = value >= target if op == ">=" else value <= target
    return f"{'ok ' if ok else 'NO '} (target {op} {target})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", type=Path, required=True)
    parser.add_argument("--against", type=Path, help="another checkout to measure in the same run (first run)")
    parser.add_argument("--misses", action="store_true", help="print what went wrong, per metric")
    parser.add_argument("--save", type=Path, help="write the figures as JSON")
    args = parser.parse_args()
    print("$ " + " ".join([Path(sys.executable).name, *sys.argv]))
    results: dict[str, dict[str, Any]] = {}
    for root in args.corpus:
        corpus = Corpus.load(root.resolve())
        runs = {"now": measure(ROOT, corpus)}
        if args.against:
            runs = {"first": measure(args.against.resolve(), corpus), **runs}
        results[root.name] = runs
        print(f"\n== {root} ({len(corpus.labels)} labelled files, county {corpus.county()})")
        metrics = [k for k in runs["now"] if not k.startswith("_")]
        head = "".join(f"{name:>10}" for name in runs)
        print(f"{'metric':32}{head}")
        for metric in metrics:
            cells = "".join(f"{fmt(run.get(metric)):>10}" for run in runs.values())
            print(f"{metric:32}{cells}   {meets(metric, runs['now'].get(metric))}")
        if args.misses:
            for label, run in runs.items():
                for kind, lines in run["_misses"].items():
                    print(f"\n-- {label}: {kind}")
                    for line in lines:
                        print("   " + line)
    if args.save:
        args.save.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
