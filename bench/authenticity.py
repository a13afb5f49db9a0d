"""Authenticity checks: precision/recall over an evaluation set's groups, check time at scale, and the
cost the ingest hook adds — each measured in one run.

    .venv/bin/python bench/authenticity.py [--corpus bench/corpora/authenticity]   # precision, recall, time
    .venv/bin/python bench/authenticity.py --docs 20000      # full check over N generated records
    .venv/bin/python bench/authenticity.py --ingest 100      # ingest with vs without the per-file hashing
    ARCHIVIST_OCR_ENGINE=tesseract .venv/bin/python bench/authenticity.py --ingest 100   # same, tesseract OCR

Evaluation (per group, as the set's README asks): the set is ingested into a fresh workspace and
`archivist check --json` is run. A finding is attributed to the planted group of its kind it overlaps
most (all of a one-file group, at least two files of a larger one); that group is found. A finding that
matches no planted group but a control of its kind is a false alarm on that control; one that matches
neither is a false alarm of its own. precision = found groups / (found groups + false alarms),
recall = found groups / planted groups.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ARCHIVIST = [sys.executable, "-m", "archivist"]


def _run(*args: str) -> str:
    out = subprocess.run([*ARCHIVIST, *args], capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise SystemExit(f"archivist {' '.join(args)} failed: {out.stderr.strip()[-400:]}")
    return out.stdout


def _matches(files: set[str], group: set[str]) -> bool:
    need = len(group) if len(group) == 1 else 2
    return len(files & group) >= need


def evaluate(corpus: Path, keep: Path | None = None) -> dict:
    """Ingest the set (into `keep` if given, and only once there) and score `check --json` per group."""
    truth = json.loads((corpus / "groups.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="archivist-auth-") as tmp:
        ws = keep or Path(tmp) / "ws"
        year = int(truth.get("year", 2024))
        ingest_seconds = 0.0
        if (ws / "archivist.toml").exists():
            started = time.perf_counter()
            findings = json.loads(_run("-w", str(ws), "check", "--json"))
            check_seconds = time.perf_counter() - started
            return _score(truth, findings, _where(ws, corpus), ingest_seconds, check_seconds)
        _run("init", str(ws), "--county", truth.get("county", "某县"), "--year", str(year),
             "--inspection-date", f"{year + 1}-01-20")
        if truth.get("cutoff"):
            cfg = ws / "archivist.toml"
            text = cfg.read_text(encoding="utf-8")
            cfg.write_text(text.replace(f'data_cutoff = "{year}-12-31"', f'data_cutoff = "{truth["cutoff"]}"'),
                           encoding="utf-8")
        started = time.perf_counter()
        _run("-w", str(ws), "ingest", str(corpus / "files"))
        ingest_seconds = time.perf_counter() - started
        started = time.perf_counter()
        findings = json.loads(_run("-w", str(ws), "check", "--json"))
        check_seconds = time.perf_counter() - started
        return _score(truth, findings, _where(ws, corpus), ingest_seconds, check_seconds)


def _where(ws: Path, corpus: Path) -> dict[str, str]:
    """evidence id -> the file's path inside the evaluation set (as groups.json names it)."""
    db = sqlite3.connect(ws / "index" / "catalogue.sqlite3")
    where: dict[str, str] = {}
    for eid, source, provenance in db.execute("SELECT id, source_path, provenance FROM evidence"):
        path = source or json.loads(provenance or "{}").get("source", "")
        try:
            where[eid] = Path(path).resolve().relative_to(corpus.resolve()).as_posix()
        except ValueError:
            where[eid] = path
    db.close()
    return where


def _score(truth: dict, findings: list[dict], where: dict[str, str], ingest_seconds: float,
           check_seconds: float) -> dict:
    planted = truth["planted"]
    controls = truth["controls"]
    found: set[int] = set()
    flagged_controls: set[int] = set()
    stray: list[dict] = []
    wrong_kind: list[tuple[str, int]] = []
    for f in findings:
        files = {where.get(i, i) for i in f["evidence_ids"]}
        hits = [n for n, g in enumerate(planted) if g["kind"] == f["kind"] and _matches(files, set(g["files"]))]
        if hits:
            best = max(hits, key=lambda n: len(files & set(planted[n]["files"])))
            found.add(best)
            continue
        ctrl = [n for n, c in enumerate(controls) if c["resembles"] == f["kind"] and _matches(files, set(c["files"]))]
        if ctrl:
            flagged_controls.update(ctrl)
            continue
        other = [n for n, g in enumerate(planted) if _matches(files, set(g["files"]))]
        if other:
            wrong_kind.append((f["kind"], other[0]))
        stray.append({"kind": f["kind"], "files": sorted(files), "detail": f["detail"][:160]})
    false_alarms = len(flagged_controls) + len(stray)
    precision = len(found) / (len(found) + false_alarms) if found or false_alarms else 1.0
    recall = len(found) / len(planted) if planted else 1.0
    per_kind: dict[str, dict[str, int]] = {}
    for n, g in enumerate(planted):
        k = per_kind.setdefault(g["kind"], {"planted": 0, "found": 0, "controls": 0, "controls_flagged": 0})
        k["planted"] += 1
        k["found"] += n in found
    for n, c in enumerate(controls):
        k = per_kind.setdefault(c["resembles"], {"planted": 0, "found": 0, "controls": 0, "controls_flagged": 0})
        k["controls"] += 1
        k["controls_flagged"] += n in flagged_controls
    return {
        "precision": round(precision, 3), "recall": round(recall, 3), "findings": len(findings),
        "planted": len(planted), "found": len(found), "controls": len(controls),
        "controls_flagged": len(flagged_controls), "stray_findings": len(stray),
        "ingest_seconds": round(ingest_seconds, 1), "check_seconds": round(check_seconds, 1),
        "per_kind": per_kind,
        "missed": [{"kind": planted[n]["kind"], "files": planted[n]["files"]} for n in range(len(planted))
                   if n not in found],
        "flagged_controls": [{"resembles": controls[n]["resembles"], "files": controls[n]["files"]}
                             for n in sorted(flagged_controls)],
        "stray": stray, "wrong_kind": [{"kind": k, "planted_kind": planted[n]["kind"]} for k, n in wrong_kind],
    }


# ---- scale: a full check over N generated records --------------------------------------------------

_TOPICS = ["人居环境整治", "农村道路建设", "产业帮扶", "就业帮扶", "饮水安全", "危房改造", "垃圾分类", "污水治理",
           "公益岗位管理", "小额信贷", "技能培训", "村集体经济", "庭院经济", "乡风文明", "防返贫监测", "消费帮扶"]
_TOWNS = ["河口镇", "青山镇", "白沙乡", "柳林镇", "松岗镇", "石门镇", "杉口镇", "桐岭镇", "龙潭镇", "河埠乡"]
_POLICY = ["坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。",
           "坚决守住不发生规模性返贫的底线，持续巩固拓展脱贫攻坚成果同乡村振兴有效衔接。",
           "压紧压实各级责任，确保各项政策措施落地见效。"]


def _lexicon() -> tuple[list[str], list[float]]:
    """Words with their frequencies from jieba's dictionary: generated documents as varied as real ones."""
    import jieba

    words, weights = [], []
    with jieba.get_dict_file() as fh:
        for raw in fh:
            line = raw.decode("utf-8", "replace")
            parts = line.split()
            if len(parts) >= 2 and 2 <= len(parts[0]) <= 4 and int(parts[1]) >= 50:
                words.append(parts[0])
                weights.append(int(parts[1]) ** 0.5)
    return words, weights


def _doc_text(rng: random.Random, town: str, lexicon: tuple[list[str], list[float]]) -> str:
    words, weights = lexicon
    lines = [f"{town}{rng.choice(_TOPICS)}工作情况报告"]
    for i in range(rng.randint(15, 40)):
        if i % 7 == 0:
            lines.append(rng.choice(_POLICY))
        body = "".join(rng.choices(words, weights, k=rng.randint(6, 14)))
        lines.append(f"{town}{rng.choice(_TOPICS)}{body}，完成{rng.choice(_TOPICS)}{rng.randint(1, 999)}户。")
    lines += [f"{town}人民政府", f"2024年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"]
    return "\n".join(lines)


def _picture(seed: int) -> object:
    """A 320×240 picture of random coloured shapes: different seeds, different pictures."""
    from PIL import Image, ImageDraw

    rnd = random.Random(seed)
    im = Image.new("RGB", (320, 240), tuple(rnd.randint(0, 255) for _ in range(3)))
    draw = ImageDraw.Draw(im)
    for _ in range(30):
        x, y = rnd.randint(-40, 300), rnd.randint(-40, 220)
        shape = draw.rectangle if rnd.random() < 0.5 else draw.ellipse
        colour = tuple(rnd.randint(0, 255) for _ in range(3))
        shape([x, y, x + rnd.randint(20, 160), y + rnd.randint(20, 120)], fill=colour)
    return im


def scale(n_docs: int) -> dict:

    from archivist.authenticity import index
    from archivist.authenticity.check import run_check
    from archivist.catalogue import Catalogue, new_id
    from archivist.workspace import init_workspace

    rng = random.Random(17)
    lexicon = _lexicon()
    with tempfile.TemporaryDirectory(prefix="archivist-auth-scale-") as tmp:
        ws = init_workspace(Path(tmp) / "ws", county="青山县", year=2024, inspection_date="2025-01-20")
        catalogue = Catalogue(ws.catalogue_path)
        photos_dir = ws.archive / "照片"
        photos_dir.mkdir(parents=True)
        n_photos = max(10, n_docs // 20)
        rows = []
        for i in range(n_docs):
            town = rng.choice(_TOWNS)
            rid = new_id()
            if i < n_photos:  # small real picture files, a tenth of them re-saved copies of another
                path = photos_dir / f"{rid}.jpg"
                place = i if i % 10 else i - 1  # every tenth photo is the previous one re-saved
                im = _picture(place) if i % 10 else _picture(place).resize((300, 225))  # a tenth re-used
                im.save(path, "JPEG", quality=85 if i % 10 else 60)
                rows.append({"id": rid, "file_type": "image", "archive_path": ws.relative(path), "text": "",
                             "original_name": f"{town}照片{i}.jpg", "meta": {"exif_date": "2024-05-01"}})
            else:
                body = _doc_text(rng, town, lexicon)
                if i % 100 == 0 and rows and rows[-1]["file_type"] == "docx":  # 1 %: another town's report copied
                    body = rows[-1]["text"].replace(rows[-1]["unit"], town)
                rows.append({"id": rid, "file_type": "docx", "archive_path": f"archive/x/{rid}.docx",
                             "text": body, "original_name": f"{town}报告{i}.docx",
                             "doc_date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "unit": town})
        with catalogue.transaction():
            for r in rows:
                catalogue.insert({"status": "filed", "indicator": "C01", "sha256": r["id"] * 5, "size": 1,
                                  "title": r["original_name"], "links": [], "meta": {}} | r)
        started = time.perf_counter()
        for start in range(0, len(rows), 500):  # what ingest does file by file, batched here
            index.store_facts(catalogue, [index.compute_facts(ws, r) for r in rows[start:start + 500]])
        facts_seconds = time.perf_counter() - started
        started = time.perf_counter()  # the engine alone, in this process (facts made, verdicts not yet)
        run_check(ws, catalogue)
        engine_seconds = time.perf_counter() - started
        engine_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  engine: {engine_seconds:.1f} s (this process's peak so far {engine_peak_mb:.0f} MB)", flush=True)
        from archivist.search import sync_after_commit

        sync_after_commit(ws, catalogue)  # as ingest leaves it: indexed for search (untimed; the check's
        catalogue.close()                 # own writer would otherwise index all the records it was given)
        started = time.perf_counter()  # the command a user runs, in its own process: its time and peak memory
        child = subprocess.run([*ARCHIVIST, "-w", str(ws.root), "check", "--json"], capture_output=True,
                               text=True, cwd=ROOT)
        seconds = time.perf_counter() - started
        if child.returncode != 0:
            raise SystemExit(f"archivist check failed: {child.stderr.strip()[-400:]}")
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        findings = json.loads(child.stdout)
    kinds = Counter(f["kind"] for f in findings)
    return {"documents": n_docs, "photos": n_photos, "check_seconds": round(seconds, 1),
            "engine_seconds": round(engine_seconds, 1), "peak_mb": round(peak_mb),
            "indexing_seconds": round(facts_seconds, 1), "findings": dict(kinds)}


# ---- ingest: the cost of the per-file hook ---------------------------------------------------------

def _mixed_inbox(folder: Path, count: int) -> int:
    """What units send, in the proportions of the evaluation sets: Word reports (some with pasted site
    photos), phone photos with EXIF, Excel ledgers and a few text files — `count` files in all."""
    import io

    from docx import Document
    from docx.shared import Cm

    from tests.authenticity_gen import report_text, save_photo, scene
    from tests.fixtures_gen import make_docx, make_xlsx

    towns = _TOWNS
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        town = towns[i % len(towns)]
        slot = i % 20
        if slot < 8:  # 40 %: reports
            make_docx(folder / f"{town}工作总结{i}.docx", f"{town}人居环境整治工作总结",
                      report_text(i, town).split("\n"))
        elif slot < 16:  # 40 %: phone photos
            save_photo(folder / f"{town}垃圾站{i}.jpg", scene(i % 13, i, (1600, 1200)), f"2024-05-{i % 27 + 1:02d}")
        elif slot < 18:  # 10 %: a before/after sheet with two pasted photos
            doc = Document()
            doc.add_paragraph(f"{town}改厕整改前后对比照片")
            for day in (i, i + 50):
                buf = io.BytesIO()
                scene(i % 13, day, (1200, 900)).save(buf, "JPEG", quality=85)
                buf.seek(0)
                doc.add_picture(buf, width=Cm(10))
            doc.save(str(folder / f"{town}整改前后{i}.docx"))
        elif slot < 19:  # 5 %: ledgers
            make_xlsx(folder / f"{town}改厕台账{i}.xlsx",
                      {"台账": [["村", "户数"]] + [[f"{town}{j}村", (i + j) % 40] for j in range(40)]})
        else:  # 5 %: plain text
            (folder / f"{town}情况说明{i}.txt").write_text(report_text(i, town, 12), encoding="utf-8")
    return count


def _ingest_once(folder: Path, workspace: Path, hooked: bool) -> tuple[float, float]:
    """Seconds of one ingest, and the seconds spent inside the authenticity hook (0 without it)."""
    from archivist.catalogue import Catalogue
    from archivist.intake import pipeline
    from archivist.workspace import init_workspace

    original = pipeline.index_filed
    spent = [0.0]

    def timed(ws, catalogue, record):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return original(ws, catalogue, record)
        finally:
            spent[0] += time.perf_counter() - start

    pipeline.index_filed = timed if hooked else (lambda ws, catalogue, record: record)  # type: ignore[assignment]
    try:
        ws = init_workspace(workspace, county="青山县", year=2024)
        catalogue = Catalogue(ws.catalogue_path)
        start = time.perf_counter()
        pipeline.Pipeline(ws, catalogue).run(pipeline.discover([folder]))
        seconds = time.perf_counter() - start
        catalogue.close()
        return seconds, spent[0]
    finally:
        pipeline.index_filed = original


def ingest_cost(count: int, rounds: int = 2) -> dict:
    """Ingest the same mixed inbox with and without the hook, alternating which goes first (neither side
    gets only the warm cache), best of `rounds` each; also the hook's own time, measured inside it."""
    with tempfile.TemporaryDirectory(prefix="archivist-auth-ingest-") as tmp:
        folder = Path(tmp) / "in"
        files = _mixed_inbox(folder, count)
        times: dict[str, list[float]] = {"with": [], "without": []}
        inside: list[float] = []
        for round_no in range(rounds):
            for hooked in ((True, False) if round_no % 2 == 0 else (False, True)):
                ws = Path(tmp) / f"ws-{round_no}-{int(hooked)}"
                seconds, spent = _ingest_once(folder, ws, hooked)
                times["with" if hooked else "without"].append(seconds)
                if hooked:
                    inside.append(spent)
    best_with, best_without = min(times["with"]), min(times["without"])
    hook = min(inside)
    return {"files": files, "with_seconds": round(best_with, 2), "without_seconds": round(best_without, 2),
            "added": f"{(best_with / best_without - 1) * 100:+.1f}%", "hook_seconds": round(hook, 2),
            "hook_share": f"{hook / best_without * 100:.1f}%", "ocr_engine": os.environ.get("ARCHIVIST_OCR_ENGINE",
                                                                                          "rapidocr"),
            "all_seconds": {k: [round(x, 2) for x in v] for k, v in times.items()}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(ROOT / "bench" / "corpora" / "authenticity"))
    parser.add_argument("--docs", type=int, default=0, help="time a full check over N generated records")
    parser.add_argument("--ingest", type=int, default=0, help="ingest N files with and without the hook")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--workspace", type=Path, help="ingest the set into this folder once and re-use it")
    args = parser.parse_args()
    if args.workspace:  # the audit-chain key must outlive this run, beside the kept workspace
        keys = args.workspace.with_name(args.workspace.name + ".keys")
        keys.mkdir(parents=True, exist_ok=True)
        os.environ.setdefault("ARCHIVIST_KEY_DIR", str(keys))
    os.environ.setdefault("ARCHIVIST_KEY_DIR", tempfile.mkdtemp(prefix="archivist-bench-keys-"))
    if args.docs:
        out = scale(args.docs)
        print(json.dumps(out, ensure_ascii=False) if args.json else
              f"`archivist check --json` over {out['documents']} records ({out['photos']} photos): "
              f"{out['check_seconds']} s, peak {out['peak_mb']} MB (engine alone, first run in the bench process: "
              f"{out['engine_seconds']} s; indexing them, done on ingest: {out['indexing_seconds']} s); "
              f"findings {out['findings']}\n  repeat: .venv/bin/python bench/authenticity.py --docs {out['documents']}")
        return
    if args.ingest:
        out = ingest_cost(args.ingest)
        print(json.dumps(out, ensure_ascii=False) if args.json else
              f"ingest of {out['files']} mixed files (OCR: {out['ocr_engine']}): {out['without_seconds']} s "
              f"without the authenticity hook, {out['with_seconds']} s with it ({out['added']}); time inside the "
              f"hook {out['hook_seconds']} s = {out['hook_share']} of the ingest without it; runs "
              f"{out['all_seconds']}\n  repeat: .venv/bin/python bench/authenticity.py --ingest {out['files']}")
        return
    out = evaluate(Path(args.corpus), args.workspace)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return
    print(f"precision {out['precision']:.3f}  recall {out['recall']:.3f}  "
          f"({out['found']}/{out['planted']} planted groups found; {out['controls_flagged']}/{out['controls']} "
          f"controls flagged; {out['stray_findings']} stray findings)  check {out['check_seconds']} s, "
          f"ingest {out['ingest_seconds']} s")
    for kind, k in sorted(out["per_kind"].items()):
        print(f"  {kind:20s} found {k['found']}/{k['planted']}  "
              f"controls flagged {k['controls_flagged']}/{k['controls']}")


if __name__ == "__main__":
    main()
