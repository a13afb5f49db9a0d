"""Team work on one archive: accounts, units' submissions and review, 催报 — through the CLI and the catalogue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from archivist.catalogue import Catalogue
from archivist.team import TeamError
from archivist.team.remind import reminders
from archivist.team.submissions import (
    ACCEPTED,
    PENDING,
    RETURNED,
    accept_submission,
    get_submission,
    list_submissions,
    return_submission,
    submit,
)
from archivist.team.users import authenticate, get_user
from archivist.workspace import Workspace
from tests.fixtures_gen import make_docx, make_xlsx

UNIT = "乡村振兴局"


def add_users(cli) -> None:  # noqa: ANN001 - the conftest Cli
    cli("user", "add", "admin", "--role", "管理员", "--password", "admin-pass-1")
    cli("user", "add", "zlz", "--role", "资料组", "--password", "zlz-pass-123")
    cli("user", "add", "xzj", "--role", "单位填报员", "--unit", UNIT, "--password", "xzj-pass-123")
    cli("user", "add", "rsj", "--role", "单位填报员", "--unit", "人力资源和社会保障局", "--password", "rsj-pass-123")
    cli("user", "add", "boss", "--role", "领导", "--password", "boss-pass-12")


def test_user_commands_hash_passwords_and_audit_the_acting_person(ws: Workspace, cli) -> None:  # noqa: ANN001
    add_users(cli)
    users = cli.json("user", "list")
    assert {u["username"]: u["role"] for u in users}["xzj"] == "单位填报员"
    cat = Catalogue(ws.catalogue_path)
    try:
        stored = cat.db.execute("SELECT password_hash FROM team_users WHERE username='xzj'").fetchone()[0]
        assert stored.startswith("$argon2id$") and "xzj-pass-123" not in stored
        assert authenticate(cat, "xzj", "xzj-pass-123") is not None
        assert authenticate(cat, "xzj", "wrong-password") is None
    finally:
        cat.close()
    cli("--user", "admin", "user", "disable", "xzj")
    cli("--user", "admin", "user", "passwd", "rsj", "--password", "new-pass-456")
    cat = Catalogue(ws.catalogue_path)
    try:
        assert authenticate(cat, "xzj", "xzj-pass-123") is None  # disabled
        assert authenticate(cat, "rsj", "new-pass-456") is not None
        entries = {e["action"]: e["actor"] for e in cat.audit_entries()}
        assert entries["user_disabled"] == "admin（管理员）"
        assert entries["user_password"] == "admin（管理员）"
        assert "@" in entries["user_added"]  # added before --user: the local account
        assert cat.verify_audit() == []
    finally:
        cat.close()


def test_unknown_or_disabled_cli_user_is_refused(ws: Workspace, cli) -> None:  # noqa: ANN001
    add_users(cli)
    out = cli("--user", "nobody", "user", "list", expect=1)
    assert "没有账号 nobody" in out
    cli("user", "disable", "boss")
    assert "已停用" in cli("--user", "boss", "user", "list", expect=1)


def test_weak_password_and_clerk_without_unit_refused(ws: Workspace, cli) -> None:  # noqa: ANN001
    assert "密码太短" in cli("user", "add", "a1", "--role", "资料组", "--password", "short", expect=1)
    assert "必须指定单位" in cli("user", "add", "a2", "--role", "单位填报员", "--password", "long-enough-1", expect=1)


def test_import_units_and_users_from_xlsx(ws: Workspace, cli, tmp_path: Path) -> None:  # noqa: ANN001
    sheet = make_xlsx(tmp_path / "名单.xlsx", {"Sheet1": [
        ["单位", "账号", "姓名", "角色", "初始密码", "电话"],
        ["财政局", "czj", "王会计", "单位填报员", "czj-pass-123", "0790-1234567"],
        ["组织部", "", "", "", "", ""],
        ["农业农村局", "nyj", "李四", "单位填报员", "short", ""],
    ]})
    result = json.loads(CliRunner().invoke(__import__("archivist.cli", fromlist=["app"]).app,
                                           ["-w", str(ws.root), "user", "import", str(sheet), "--json"]).stdout)
    assert result["users_added"] == ["czj"]
    assert set(result["units_added"]) == {"财政局", "组织部", "农业农村局"}
    assert any("第 4 行" in line and "密码太短" in line for line in result["skipped"])
    cat = Catalogue(ws.catalogue_path)
    try:
        assert get_user(cat, "czj").unit == "财政局"
    finally:
        cat.close()


def _doc(tmp_path: Path, name: str, title: str) -> Path:
    return make_docx(tmp_path / name, title, [f"{title}。按照县委县政府部署，开展防止返贫动态监测和帮扶工作。"])


def test_submission_is_held_until_accepted_and_versions_are_kept(ws: Workspace, cli, tmp_path: Path) -> None:  # noqa: ANN001
    add_users(cli)
    cat = Catalogue(ws.catalogue_path)
    try:
        clerk, other, staff, leader = (get_user(cat, n) for n in ("xzj", "rsj", "zlz", "boss"))
        first = _doc(tmp_path, "方案v1.docx", "防止返贫监测帮扶工作方案")
        sub, _hint = submit(ws, cat, clerk, "A01", 1, first, "方案v1.docx")
        assert sub.state == PENDING and sub.version == 1
        # not in the archive, the status or the reminders as covered
        assert cat.db.execute("SELECT COUNT(*) FROM evidence").fetchone()[0] == 0
        with pytest.raises(TeamError, match="不由"):
            submit(ws, cat, other, "A01", 1, first, "x.docx")
        with pytest.raises(TeamError, match="不能审核"):
            accept_submission(ws, cat, clerk, sub.id)
        with pytest.raises(TeamError, match="不能报送"):
            submit(ws, cat, leader, "A01", 1, first, "x.docx")
        with pytest.raises(TeamError, match="写明原因"):
            return_submission(cat, staff, sub.id, "  ")
        returned = return_submission(cat, staff, sub.id, "缺少盖章页")
        assert returned.state == RETURNED and returned.reason == "缺少盖章页"
        owed = next(r for r in reminders(ws, cat, UNIT).pop().items if r.indicator == "A01" and r.item_no == 1)
        assert owed.state == RETURNED and owed.reason == "缺少盖章页"
        second = _doc(tmp_path, "方案v2.docx", "防止返贫监测帮扶工作方案（盖章版）")
        sub2, _ = submit(ws, cat, clerk, "A01", 1, second, "方案v2.docx")
        assert sub2.id == sub.id and sub2.version == 2 and sub2.state == PENDING and sub2.reason == ""
        old, new = sub2.versions
        assert (ws.root / old.stored_path).read_bytes() == first.read_bytes()  # the old bytes kept
        assert (ws.root / new.stored_path).read_bytes() == second.read_bytes()
        done = accept_submission(ws, cat, staff, sub.id)
        assert done.state == ACCEPTED and done.filed_indicator == "A01"
        record = cat.get(done.evidence_id)
        assert record["status"] == "filed" and record["indicator"] == "A01"
        assert (ws.root / record["archive_path"]).read_bytes() == second.read_bytes()
        assert (ws.root / old.stored_path).is_file()
        with pytest.raises(TeamError, match="已通过"):
            submit(ws, cat, clerk, "A01", 1, first, "again.docx")
        actions = [e["action"] for e in cat.audit_entries()]
        assert actions.count("submitted") == 2 and "submission_returned" in actions and "submission_accepted" in actions
        assert get_submission(cat, sub.id).versions[0].sha256 == old.sha256
        assert cat.verify_audit() == []
    finally:
        cat.close()


def test_remind_lists_missing_returned_and_late(ws: Workspace, cli, tmp_path: Path) -> None:  # noqa: ANN001
    add_users(cli)
    assert ws.config.milestones["佐证材料收集完毕"] == 10  # the default: inspection 2025-01-20 → due 01-10
    cat = Catalogue(ws.catalogue_path)
    try:
        ws2 = ws
        clerk, staff = get_user(cat, "xzj"), get_user(cat, "zlz")
        sub, _ = submit(ws2, cat, clerk, "A01", 2, _doc(tmp_path, "台账.docx", "监测对象识别纳入和风险消除台账"),
                        "台账.docx")
        return_submission(cat, staff, sub.id, "数据截止日期不对")
    finally:
        cat.close()
    data = cli.json("remind", "--unit", UNIT)
    (unit,) = data
    assert unit["unit"] == UNIT and unit["deadline"] == "2025-01-10"
    items = {(i["indicator"], i["item_no"]): i for i in unit["items"]}
    assert items[("A01", 2)]["state"] == "退回" and items[("A01", 2)]["reason"] == "数据截止日期不对"
    assert items[("A01", 1)]["state"] == "未报送"
    assert all(i["late"] for i in unit["items"] if i["state"] in ("未报送", "退回"))  # today is after 2025-01-10
    assert unit["counts"]["退回"] == 1
    text = cli("remind", "--unit", UNIT)
    assert "【逾期】A01 第2项" in text and "数据截止日期不对" in text
    assert list_submissions(Catalogue(ws.catalogue_path), unit="财政局") == []
