"""Accounts: who may log in, in which role, for which unit. Passwords are argon2id hashes (argon2-cffi).

Roles (the words an office uses): 管理员 (workspace settings and users), 资料组 (everything on evidence),
单位填报员 (one unit: its indicators and its own submissions), 领导 (read-only: dashboard and documents).
Disabling an account or changing its password bumps its `session_epoch`, so every open session of it
stops working at its next request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..catalogue import Catalogue
from ..catalogue.users import Account
from . import TeamError

ADMIN, EVIDENCE_GROUP, UNIT_CLERK, LEADER = "管理员", "资料组", "单位填报员", "领导"
ROLES = (ADMIN, EVIDENCE_GROUP, UNIT_CLERK, LEADER)
ROLE_ALIASES = {"admin": ADMIN, "evidence": EVIDENCE_GROUP, "staff": EVIDENCE_GROUP, "unit": UNIT_CLERK,
                "clerk": UNIT_CLERK, "leader": LEADER, "viewer": LEADER, "查看": LEADER, "领导(查看)": LEADER,
                "领导（查看）": LEADER, "填报员": UNIT_CLERK}
MIN_PASSWORD = 8
_USERNAME = re.compile(r"[A-Za-z0-9_.\-\u4e00-\u9fff]{2,40}")
_hasher = PasswordHasher()


@dataclass(frozen=True)
class User:
    username: str
    display_name: str
    role: str
    unit: str
    disabled: bool
    session_epoch: int

    @property
    def reviews(self) -> bool:
        """May accept or return submissions and change evidence."""
        return self.role in (ADMIN, EVIDENCE_GROUP)

    @property
    def read_only(self) -> bool:
        return self.role == LEADER

    @property
    def label(self) -> str:
        """How the audit log names this person: login name and role (and unit for a clerk)."""
        unit = f"·{self.unit}" if self.role == UNIT_CLERK and self.unit else ""
        return f"{self.username}（{self.role}{unit}）"


def parse_role(value: str) -> str:
    text = value.strip()
    role = text if text in ROLES else ROLE_ALIASES.get(text.lower(), ROLE_ALIASES.get(text, ""))
    if not role:
        raise TeamError(f"未知角色 {value}：可用 {'、'.join(ROLES)}")
    return role


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise TeamError(f"密码太短（{len(password)} 位）：至少 {MIN_PASSWORD} 位")


def user_of(account: Account) -> User:
    return User(account.username, account.display_name, account.role, account.unit, account.disabled,
                account.session_epoch)


def get_user(catalogue: Catalogue, username: str) -> User | None:
    account = catalogue.users.get(username.strip())
    return user_of(account) if account else None


def list_users(catalogue: Catalogue) -> list[User]:
    return [user_of(a) for a in catalogue.users.all()]


def has_accounts(catalogue: Catalogue) -> bool:
    return catalogue.users.any()


def units(catalogue: Catalogue) -> list[str]:
    return catalogue.users.unit_names()


def add_unit(catalogue: Catalogue, name: str, contact: str = "", phone: str = "") -> bool:
    """Register a unit (call inside a transaction); False when it was already there."""
    name = name.strip()
    if not name:
        raise TeamError("单位名称为空：请填写单位全称")
    if catalogue.users.has_unit(name):
        return False
    catalogue.users.add_unit(name, contact.strip(), phone.strip())
    catalogue.audit("unit_added", None, {"unit": name})
    return True


def add_user(catalogue: Catalogue, username: str, password: str, role: str, unit: str = "",
             display_name: str = "") -> User:
    """Create an account (call inside a transaction). A 单位填报员 needs a unit; the unit is registered."""
    username = username.strip()
    if not _USERNAME.fullmatch(username):
        raise TeamError(f"账号名 {username!r} 不可用：2–40 位字母、数字、汉字或 _ . -")
    if get_user(catalogue, username):
        raise TeamError(f"账号 {username} 已存在：改密码用 archivist user passwd {username}")
    role = parse_role(role)
    check_password(password)
    unit = unit.strip()
    if role == UNIT_CLERK and not unit:
        raise TeamError(f"单位填报员 {username} 必须指定单位：加上 --unit 单位全称")
    if unit:
        add_unit(catalogue, unit)
    catalogue.users.add(username, display_name.strip(), role, unit, _hasher.hash(password))
    catalogue.audit("user_added", None, {"username": username, "role": role, "unit": unit})
    user = get_user(catalogue, username)
    assert user is not None
    return user


def set_disabled(catalogue: Catalogue, username: str, disabled: bool = True) -> User:
    user = _existing(catalogue, username)
    catalogue.users.set_disabled(user.username, disabled)
    catalogue.audit("user_disabled" if disabled else "user_enabled", None, {"username": user.username})
    return _existing(catalogue, username)


def set_password(catalogue: Catalogue, username: str, password: str) -> User:
    user = _existing(catalogue, username)
    check_password(password)
    catalogue.users.set_password_hash(user.username, _hasher.hash(password))
    catalogue.audit("user_password", None, {"username": user.username})
    return _existing(catalogue, username)


def _existing(catalogue: Catalogue, username: str) -> User:
    user = get_user(catalogue, username)
    if user is None:
        raise TeamError(f"没有账号 {username}：用 archivist user list 查看")
    return user


def authenticate(catalogue: Catalogue, username: str, password: str) -> User | None:
    """The user when the password is right and the account enabled; None otherwise (never says which)."""
    account = catalogue.users.get(username.strip())
    if account is None:
        _hasher.hash(password)  # the same cost as a real check: timings do not tell which accounts exist
        return None
    try:
        _hasher.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    user = user_of(account)
    return None if user.disabled else user


# xlsx import --------------------------------------------------------------------------------------
HEADERS = {"unit": ("单位", "单位名称", "填报单位"), "username": ("账号", "用户名", "登录名"),
           "display_name": ("姓名", "联系人"), "role": ("角色",), "password": ("初始密码", "密码"),
           "phone": ("电话", "联系电话", "手机")}


@dataclass
class ImportResult:
    units_added: list[str]
    users_added: list[str]
    skipped: list[str]  # one line per row not imported: which row and why


def import_xlsx(catalogue: Catalogue, path: Path) -> ImportResult:
    """Units and their users from a sheet with headers 单位 / 账号 / 姓名 / 角色 / 初始密码 / 电话 (call inside a
    transaction). A row with only a unit registers the unit; a row whose account exists is skipped, said why."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is one line for the user
        raise TeamError(f"{path.name} 无法读取为 xlsx（{exc}）：请用 Excel/WPS 另存为 .xlsx 后重试") from exc
    result = ImportResult([], [], [])
    try:
        rows = list(book.active.iter_rows(values_only=True))
    finally:
        book.close()
    header_at, columns = None, {}
    for n, row in enumerate(rows[:10]):
        cells = [str(c or "").strip() for c in row]
        found = {key: cells.index(name) for key, names in HEADERS.items() for name in names if name in cells}
        if "unit" in found:
            header_at, columns = n, found
            break
    if header_at is None:
        raise TeamError(f"{path.name} 的前 10 行中找不到表头“单位”：表头应为 单位、账号、姓名、角色、初始密码、电话")
    for n, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        def cell(key: str, row: tuple = row) -> str:
            at = columns.get(key)
            return str(row[at] or "").strip() if at is not None and at < len(row) else ""
        unit, username = cell("unit"), cell("username")
        if not unit and not username:
            continue
        try:
            if unit and add_unit(catalogue, unit, cell("display_name"), cell("phone")):
                result.units_added.append(unit)
            if username:
                if get_user(catalogue, username):
                    result.skipped.append(f"第 {n} 行：账号 {username} 已存在，未改动")
                    continue
                add_user(catalogue, username, cell("password"), cell("role") or UNIT_CLERK, unit, cell("display_name"))
                result.users_added.append(username)
        except TeamError as exc:
            result.skipped.append(f"第 {n} 行：{exc}")
    return result
