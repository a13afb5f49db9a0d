"""`scheme migrate OLD NEW`: carry the archive from last year's scheme to this year's.

1. Last year's archive is frozen first: every archived file is hard-linked (copied where links are not
   possible) into 往年档案/<OLD>-<date>/ in its old folder tree, with 目录.csv and manifest.json listing
   each file under its old code, and the old scheme's TOML beside them — readable without archivist,
   and untouched by anything that follows.
2. The workspace switches from OLD to NEW (archivist.toml), keeping the other frameworks in use.
3. Each file filed under an OLD code moves to the folder of its NEW code (the diff's mapping; a split
   indicator's files go to the part their content matches best). A file whose indicator was removed
   goes to 待分类 with the reason and the classifier's suggestions among the new codes. Each move is
   journaled like `assign` (a crash rolls the half-done move back) and audited; the run and every
   move are recorded in the catalogue (scheme_runs, scheme_migrations), so running it again after a
   crash finishes the job without moving anything twice.

The archive is read and moved through the EvidenceStore (local disk or an S3 bucket). The frozen
snapshot is always a local folder (it must be readable without archivist): from S3 each object is
downloaded into it, checked against the catalogue's sha256.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..catalogue import Catalogue, now
from ..catalogue.scheme import SchemeMove, SchemeRun
from ..framework import Framework
from ..intake import filing
from ..model import FILED, UNSORTED
from ..storage import EvidenceMissing, open_store
from ..workspace import Workspace
from .diff import SchemeDiff
from .store import SchemeError, check_set, load_scheme, set_frameworks

HISTORY_DIR = "往年档案"


@dataclass
class Move:
    evidence_id: str
    name: str
    old_code: str
    new_code: str | None
    old_path: str
    new_path: str
    reason: str = ""


@dataclass
class MigrationReport:
    old_id: str
    new_id: str
    snapshot: str
    moved: list[Move] = field(default_factory=list)
    unsorted: list[Move] = field(default_factory=list)
    untouched: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"old": self.old_id, "new": self.new_id, "snapshot": self.snapshot,
                "moved": [asdict(m) for m in self.moved], "unsorted": [asdict(m) for m in self.unsorted],
                "untouched": self.untouched}


def _open_run(catalogue: Catalogue, old_id: str, new_id: str) -> SchemeRun | None:
    return catalogue.scheme_runs.latest(old_id, new_id)


def snapshot_archive(ws: Workspace, catalogue: Catalogue, old: Framework) -> Path:
    """Freeze the archive as it stands under `old`: hard links in the old tree, a CSV and a JSON manifest."""
    stamp = dt.date.today().isoformat()
    target = ws.root / HISTORY_DIR / f"{old.id}-{stamp}"
    n = 2
    while target.exists():
        target = ws.root / HISTORY_DIR / f"{old.id}-{stamp}-{n}"
        n += 1
    target.mkdir(parents=True)
    names = {i.code: i.name for i in old.indicators()}
    store = open_store(ws)
    rows = []
    for record in catalogue.records():
        rel = record.get("archive_path")
        if not rel or record["status"] == "duplicate":
            continue
        try:
            with store.local_path(rel, record["sha256"]) as source:  # the file itself, or a checked copy
                dest = target / rel
                dest.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(source, dest)
                except OSError:
                    shutil.copy2(source, dest)
        except EvidenceMissing:
            continue
        rows.append({"id": record["id"], "status": record["status"], "indicator": record.get("indicator") or "",
                     "indicator_name": names.get(record.get("indicator") or "", ""),
                     "title": record.get("title") or "", "unit": record.get("unit") or "",
                     "doc_date": record.get("doc_date") or "", "path": rel, "sha256": record["sha256"]})
    if old.source and old.source.is_file():
        shutil.copy2(old.source, target / f"{old.id}.toml")
    (target / "manifest.json").write_text(
        json.dumps({"framework": old.id, "name": old.name, "frozen_at": now(), "files": rows},
                   ensure_ascii=False, indent=2), encoding="utf-8")
    with open(target / "目录.csv", "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["编号", "状态", "指标代码", "指标名称", "题名", "责任者", "日期", "文件"])
        for r in rows:
            writer.writerow([r["id"], r["status"], r["indicator"], r["indicator_name"], r["title"], r["unit"],
                             r["doc_date"], r["path"]])
    return target


def _destination(ws: Workspace, record: dict[str, Any], code: str | None) -> Path:
    source = ws.absolute(record["archive_path"])
    date = (record.get("doc_date") or "").replace("-", "")
    fields = {"date": date, "unit": record.get("unit") or "",
              "title": record.get("title") or Path(record["original_name"]).stem,
              "number": record.get("doc_number") or "", "year": date[:4]}
    ind = ws.frameworks.indicator(code) if code else None
    if ind is not None:
        fields |= {"category": f"{ind.category_code}-{ind.category_name}", "indicator": ind.label, "code": ind.code}
        parts = filing.render_template(ws.config.filename_template, fields)
        folder = ws.archive.joinpath(*[filing.sanitize_component(p) for p in parts[:-1] if p])
    else:
        parts = filing.render_template(ws.config.filename_template.split("/")[-1], fields)
        folder = ws.unsorted_dir
    if source.parent == folder:
        return source
    store = open_store(ws)
    return filing.unique_path(folder, parts[-1] or "未命名", source.suffix,
                              occupied=lambda p: store.occupied(ws.relative(p)))


def _choose(classifier: Any, record: dict[str, Any], targets: list[str]) -> str:
    """A split indicator's file goes to the part whose profile its content matches best."""
    from ..intake.classify import Document

    doc = Document(text=record.get("text") or "", title=record.get("title") or "",
                   file_name=record.get("original_name") or "")
    scores = {code: score for score, code, _ in classifier.scores(doc)}
    return max(targets, key=lambda c: (scores.get(c, 0.0), -targets.index(c)))


def _suggestions(classifier: Any, record: dict[str, Any]) -> list[dict[str, Any]]:
    from ..intake.classify import Document

    doc = Document(text=record.get("text") or "", title=record.get("title") or "",
                   file_name=record.get("original_name") or "")
    return [{"code": s.code, "confidence": s.confidence, "matched": s.matched} for s in classifier.classify(doc)[:3]]


def migrate(ws: Workspace, catalogue: Catalogue, diff: SchemeDiff) -> MigrationReport:
    """Run (or finish) the migration described by `diff`. Call under the writer lock."""
    old = load_scheme(ws, diff.old_id)
    load_scheme(ws, diff.new_id)
    run = _open_run(catalogue, old.id, diff.new_id)
    if run and run.finished_at:
        raise SchemeError(f"{old.id} → {diff.new_id} 已于 {run.finished_at[:10]} 迁移完毕，"
                          f"往年档案在 {run.snapshot}")
    if run is None:
        if old.id not in ws.config.frameworks:
            raise SchemeError(f"工作区当前未使用 {old.id}（在用：{', '.join(ws.config.frameworks)}），无从迁移")
        snapshot = snapshot_archive(ws, catalogue, old)
        with catalogue.transaction():
            catalogue.scheme_runs.start(old.id, diff.new_id, ws.relative(snapshot))
            catalogue.audit("scheme_migration_started", None, {"old": old.id, "new": diff.new_id,
                                                               "snapshot": ws.relative(snapshot)})
        run = _open_run(catalogue, old.id, diff.new_id)
        assert run is not None
    ids = [diff.new_id if f == old.id else f for f in ws.config.frameworks]
    if diff.new_id not in ids:
        ids.insert(0, diff.new_id)
    check_set(ws, ids)
    if ids != ws.config.frameworks:
        set_frameworks(ws, ids)
    report = MigrationReport(old.id, diff.new_id, run.snapshot)
    done = catalogue.scheme_runs.moved_ids(run.id)
    old_codes = {i.code for i in old.indicators()}
    mapping = diff.mapping()
    from ..intake.classify import Classifier

    classifier = Classifier(ws.frameworks)
    for record in catalogue.records(with_text=True):
        code = record.get("indicator")
        if record["status"] != FILED or code not in old_codes or record["id"] in done:
            if record["status"] == FILED and code not in old_codes:
                report.untouched += 1
            continue
        if record["received_at"] > run.started_at:
            continue  # filed under the new scheme after the run began
        targets = mapping.get(code, [])
        new_code = targets[0] if len(targets) == 1 else _choose(classifier, record, targets) if targets else None
        old_name = old.indicators()[[i.code for i in old.indicators()].index(code)].name
        reason = "" if new_code else f"新方案 {diff.new_id} 中没有与原指标 {code} {old_name} 对应的指标，请人工归档"
        move = _move(ws, catalogue, record, run, code, new_code, reason,
                     _suggestions(classifier, record) if new_code is None else None)
        (report.moved if new_code else report.unsorted).append(move)
    with catalogue.transaction():
        for record in catalogue.records(status=FILED):
            links = ws.frameworks.links_for(record["indicator"]) if record.get("indicator") else []
            if links != (record.get("links") or []):
                catalogue.update(record["id"], links=links, indexed=0)
        catalogue.scheme_runs.finish(run.id)
        catalogue.audit("scheme_migrated", None, {"old": old.id, "new": diff.new_id, "moved": len(report.moved),
                                                  "unsorted": len(report.unsorted), "snapshot": run.snapshot})
    return report


def _move(ws: Workspace, catalogue: Catalogue, record: dict[str, Any], run: SchemeRun, old_code: str,
          new_code: str | None, reason: str, suggestions: list[dict[str, Any]] | None) -> Move:
    source = ws.absolute(record["archive_path"])
    dest = _destination(ws, record, new_code)
    journal_id = None
    if dest != source:
        with catalogue.transaction():
            journal_id = catalogue.journal.open_move(record["id"], source, dest)
        open_store(ws).move(record["archive_path"], ws.relative(dest))
    new_path = ws.relative(dest)
    with catalogue.transaction():
        if new_code:
            catalogue.update(record["id"], indicator=new_code, archive_path=new_path, indexed=0,
                             links=ws.frameworks.links_for(new_code))
        else:
            catalogue.update(record["id"], status=UNSORTED, indicator=None, archive_path=new_path, indexed=0,
                             links=[], reason=reason, suggestions=suggestions or [])
        catalogue.scheme_runs.record_move(run.id, SchemeMove(record["id"], old_code, new_code, record["archive_path"],
                                                             new_path, reason))
        catalogue.audit("scheme_migrated", record["id"], {
            "from": old_code, "to": new_code, "from_path": record["archive_path"], "to_path": new_path,
            "old": run.old_framework, "new": run.new_framework, **({"reason": reason} if reason else {})})
        if journal_id is not None:
            catalogue.journal.close(journal_id)
    return Move(record["id"], record["original_name"], old_code, new_code, record["archive_path"], new_path, reason)
