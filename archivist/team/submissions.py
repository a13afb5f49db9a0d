"""A unit's submission (报送) into one required evidence item, and its review by the 资料组.

States: 待审核 (waiting for review) → 已通过 (accepted: filed into the archive) | 退回 (returned with a
reason the unit sees). A returned item is answered with a new version; every version's bytes stay under
index/submissions/<id>/ with their sha256 in the audited `submission_versions` table, so what a unit
sent, and what it replaced, can always be shown. The bytes enter the archive only on acceptance, through
the same intake pipeline as `ingest` — which is why unaccepted material never reaches search, status,
the summary, the reports or the dossier.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..catalogue import Catalogue, new_id, now
from ..catalogue.submissions import Submission, Version
from ..workspace import Workspace
from . import TeamError
from .users import UNIT_CLERK, User

PENDING, ACCEPTED, RETURNED, NOT_SENT = "待审核", "已通过", "退回", "未报送"
STATES = (PENDING, ACCEPTED, RETURNED)


def submissions_dir(ws: Workspace) -> Path:
    return ws.index_dir / "submissions"


def list_submissions(catalogue: Catalogue, *, unit: str | None = None, state: str | None = None) -> list[Submission]:
    return catalogue.submissions.list(unit=unit, state=state)


def get_submission(catalogue: Catalogue, submission_id: str) -> Submission | None:
    return catalogue.submissions.get(submission_id)


def visible_to(user: User, sub: Submission) -> bool:
    """A unit's clerk sees only the unit's own submissions; everyone else sees all."""
    return user.role != UNIT_CLERK or sub.unit == user.unit


def unit_indicators(ws: Workspace, unit: str) -> list[Any]:
    """The indicators a unit leads (牵头单位) or supports (责任单位), in scheme order."""
    return [ind for ind in ws.frameworks.indicators()
            if ind.lead_unit == unit or unit in (ind.responsible_units or [])]


def _store(ws: Workspace, sub_id: str, number: int, source: Path, name: str) -> tuple[str, str, int]:
    """Copy the uploaded bytes under index/submissions/<id>/ durably; (relative path, sha256, size)."""
    folder = submissions_dir(ws) / sub_id
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / f"v{number}-{Path(name).name}"
    digest = hashlib.sha256()
    size = 0
    tmp = folder / f".partial-{dest.name}"
    with source.open("rb") as src, tmp.open("wb") as out:
        while chunk := src.read(1024 * 1024):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, dest)
    return ws.relative(dest), digest.hexdigest(), size


def suggest(ws: Workspace, catalogue: Catalogue, path: Path, name: str, unit: str) -> list[dict[str, Any]]:
    """What the classifier makes of the file (best first), without filing it: the "看起来更像 …" check."""
    try:
        from ..intake.pipeline import Intake, Pipeline

        pipeline = Pipeline(ws, catalogue)
        intake = Intake(source=path, original_name=name, folders=[unit] if unit else [])
        pipeline.prepare(intake)
        if intake.extraction is None:
            return []
        pipeline.describe(intake)
        pipeline.classify(intake)
        return list(intake.record.get("suggestions") or [])
    except Exception:  # noqa: BLE001 - a hint only: an unreadable file is judged at review
        return []


def declaration_hint(ws: Workspace, declared: str, suggestions: list[dict[str, Any]]) -> str:
    """"看起来更像 D02 …（…；依据：…）" when the classifier's best guess is another indicator, else ""."""
    from .hints import hint_for

    found = hint_for(ws, declared, suggestions)
    return found.text if found else ""


def submit(ws: Workspace, catalogue: Catalogue, user: User, indicator: str, item_no: int, source: Path,
           original_name: str, note: str = "", unit: str | None = None,
           suggestions: list[dict[str, Any]] | None = None) -> tuple[Submission, str]:
    """Hold an upload for review (the caller holds the writer lock); returns it and the classifier's hint.

    A clerk submits for their own unit and only into an indicator that unit leads or supports; a reviewer
    may submit on a unit's behalf (`unit`). An item already 待审核 or 退回 gets a new version; an accepted one
    is not replaced. `suggestions` are the classifier's, when the caller read the file before taking the
    writer lock (the web does: classifying takes longer than everything else here)."""
    if user.read_only:
        raise TeamError("领导（查看）账号不能报送材料")
    unit = user.unit if user.role == UNIT_CLERK else (unit or user.unit or "")
    if not unit:
        raise TeamError("请指明报送单位")
    ind = ws.frameworks.indicator(indicator)
    if ind is None:
        raise TeamError(f"指标代码 {indicator} 不存在")
    if user.role == UNIT_CLERK and ind not in unit_indicators(ws, unit):
        raise TeamError(f"{indicator} {ind.name} 不由 {unit} 牵头或负责：只能报送本单位的指标")
    if not 1 <= item_no <= len(ind.evidence):
        raise TeamError(f"{indicator} 没有第 {item_no} 项佐证材料（共 {len(ind.evidence)} 项）")
    item = ind.evidence[item_no - 1]
    if suggestions is None:
        suggestions = suggest(ws, catalogue, source, original_name, unit)
    hint = declaration_hint(ws, indicator, suggestions)
    latest = catalogue.submissions.latest(unit, indicator, item_no)
    if latest and latest.state == ACCEPTED:
        raise TeamError(f"{indicator} 第 {item_no} 项（{item}）已通过审核，无需再报；需要更换请联系资料组")
    sub_id = latest.id if latest else new_id()
    number = (latest.version + 1) if latest else 1
    rel, sha, size = _store(ws, sub_id, number, source, original_name)
    at = now()
    with catalogue.transaction():
        if latest:
            catalogue.submissions.resubmit(sub_id, PENDING, number, user.username, at)
        else:
            catalogue.submissions.add(sub_id, unit, indicator, item_no, item, PENDING, number, user.username, at)
        catalogue.submissions.add_version(new_id(), sub_id, Version(number, original_name, rel, sha, size, hint, note,
                                                                    user.username, at))
        catalogue.audit("submitted", None, {"submission": sub_id, "unit": unit, "indicator": indicator,
                                            "item_no": item_no, "version": number, "sha256": sha,
                                            "replaces": number - 1 if number > 1 else None})
    sub = get_submission(catalogue, sub_id)
    assert sub is not None
    return sub, hint


def return_submission(catalogue: Catalogue, reviewer: User, submission_id: str, reason: str) -> Submission:
    """Send a submission back to its unit with a reason the unit sees."""
    sub = _reviewable(catalogue, reviewer, submission_id)
    reason = reason.strip()
    if not reason:
        raise TeamError("退回须写明原因：单位要看到哪里不对、该补什么")
    with catalogue.transaction():
        catalogue.submissions.set_returned(sub.id, RETURNED, reason[:1000], reviewer.username)
        catalogue.audit("submission_returned", None, {"submission": sub.id, "unit": sub.unit,
                                                      "version": sub.version, "reason": reason[:1000]})
    result = get_submission(catalogue, sub.id)
    assert result is not None
    return result


def accept_submission(ws: Workspace, catalogue: Catalogue, reviewer: User, submission_id: str,
                      code: str | None = None, note: str = "") -> Submission:
    """File the current version into the archive under the declared (or a corrected) indicator. The
    caller holds the writer lock. The held bytes are copied in, never moved: every version stays kept."""
    from ..intake.assign import AssignError, assign
    from ..intake.pipeline import Intake, Pipeline

    sub = _reviewable(catalogue, reviewer, submission_id)
    code = (code or sub.indicator).strip().upper()
    if ws.frameworks.indicator(code) is None:
        raise TeamError(f"指标代码 {code} 不存在")
    version = sub.current
    held = ws.root / version.stored_path
    if not held.is_file():
        raise TeamError(f"报送文件 {version.stored_path} 不见了：请让 {sub.unit} 重新报送")
    ws.cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="accept-", dir=ws.cache_dir))
    try:
        copy = tmp / version.original_name
        shutil.copyfile(held, copy)
        intake = Intake(source=copy, original_name=version.original_name, folders=[sub.unit], remove_source=True,
                        provenance={"submission": sub.id, "version": version.number, "unit": sub.unit,
                                    "submitted_by": version.submitted_by})
        records = Pipeline(ws, catalogue).process(intake)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    record = records[0] if records else None
    if record is None or record["status"] == "quarantined":
        reason = (record or {}).get("reason") or "无法读取"
        raise TeamError(f"{version.original_name} 无法归档（{reason}）：请退回并让 {sub.unit} 重新报送可读的版本")
    evidence_id = record["duplicate_of"] if record["status"] == "duplicate" else record["id"]
    current = catalogue.get(evidence_id) or {}
    if current.get("indicator") != code:
        try:
            why = note or f"报送审核通过：{sub.unit} 报送 {sub.indicator} 第 {sub.item_no} 项"
            assign(ws, catalogue, evidence_id, code, why)
        except AssignError as exc:
            raise TeamError(str(exc)) from exc
    with catalogue.transaction():
        catalogue.submissions.set_accepted(sub.id, ACCEPTED, reviewer.username, evidence_id, code)
        catalogue.audit("submission_accepted", evidence_id, {"submission": sub.id, "unit": sub.unit,
                                                             "version": sub.version, "indicator": code})
    result = get_submission(catalogue, sub.id)
    assert result is not None
    return result


def _reviewable(catalogue: Catalogue, reviewer: User, submission_id: str) -> Submission:
    if not reviewer.reviews:
        raise TeamError(f"{reviewer.role}账号不能审核报送材料：审核由资料组进行")
    sub = get_submission(catalogue, submission_id)
    if sub is None:
        raise TeamError(f"找不到报送 {submission_id}")
    if sub.state != PENDING:
        raise TeamError(f"报送 {submission_id} 当前为“{sub.state}”，不是待审核")
    return sub
