"""A backup carries the office: accounts, the 待审核 queue and every submitted version's bytes, so a
restored workspace can go on reviewing where the original stopped."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from archivist.backup import BackupError, make_backup, restore_backup
from archivist.catalogue import Catalogue
from archivist.team.submissions import PENDING, accept_submission, list_submissions, return_submission, submit
from archivist.team.users import authenticate, get_user
from archivist.workspace import Workspace
from tests.fixtures_gen import make_docx
from tests.test_team import add_users


def _doc(tmp_path: Path, name: str, title: str) -> Path:
    return make_docx(tmp_path / name, title, [f"{title}。开展防止返贫动态监测和帮扶工作。"])


def _office_with_submissions(ws: Workspace, cli, tmp_path: Path) -> dict[str, bytes]:  # noqa: ANN001
    """xzj has one item 待审核 and one 退回 with a second version 待审核; their bytes by stored path."""
    add_users(cli)
    cat = Catalogue(ws.catalogue_path)
    try:
        clerk, staff = get_user(cat, "xzj"), get_user(cat, "zlz")
        submit(ws, cat, clerk, "A01", 1, _doc(tmp_path, "方案.docx", "防止返贫监测帮扶工作方案"), "方案.docx")
        sub, _ = submit(ws, cat, clerk, "A01", 2, _doc(tmp_path, "台账v1.docx", "风险消除台账"), "台账v1.docx")
        return_submission(cat, staff, sub.id, "缺少盖章页")
        submit(ws, cat, clerk, "A01", 2, _doc(tmp_path, "台账v2.docx", "风险消除台账（盖章）"), "台账v2.docx")
        return {v.stored_path: (ws.root / v.stored_path).read_bytes()
                for s in list_submissions(cat) for v in s.versions}
    finally:
        cat.close()


def test_restore_keeps_accounts_pending_submissions_and_their_files(ws: Workspace, cli, tmp_path: Path) -> None:  # noqa: ANN001
    held = _office_with_submissions(ws, cli, tmp_path)
    assert len(held) == 3
    backup = tmp_path / "office.tar.gz"
    summary = make_backup(ws, backup)
    with tarfile.open(backup) as tar:
        names = set(tar.getnames())
    assert all(f"archivist-backup/{rel}" in names for rel in held)
    assert summary["files"] == 3  # no evidence filed yet: the three held versions are all there is

    restored_root = tmp_path / "restored"
    restore_backup(backup, restored_root)
    restored = Workspace(restored_root)
    cat = Catalogue(restored.catalogue_path)
    try:
        assert authenticate(cat, "xzj", "xzj-pass-123") is not None
        queue = list_submissions(cat, state=PENDING)
        assert {(s.indicator, s.item_no, s.version) for s in queue} == {("A01", 1, 1), ("A01", 2, 2)}
        for rel, data in held.items():
            assert (restored.root / rel).read_bytes() == data
        # the restored office goes on: the 资料组 accepts the second version there
        staff = get_user(cat, "zlz")
        ledger = next(s for s in queue if s.item_no == 2)
        assert [v.number for v in ledger.versions] == [1, 2]
        with restored.writer_lock():
            done = accept_submission(restored, cat, staff, ledger.id)
        record = cat.get(done.evidence_id)
        assert (restored.root / record["archive_path"]).read_bytes() == held[ledger.current.stored_path]
        assert cat.verify_audit() == []
    finally:
        cat.close()


def test_backup_refuses_when_a_held_submission_file_is_missing(ws: Workspace, cli, tmp_path: Path) -> None:  # noqa: ANN001
    held = _office_with_submissions(ws, cli, tmp_path)
    gone = sorted(held)[0]
    (ws.root / gone).unlink()
    with pytest.raises(BackupError, match="缺失"):
        make_backup(ws, tmp_path / "office.tar")
    assert not (tmp_path / "office.tar").exists()
