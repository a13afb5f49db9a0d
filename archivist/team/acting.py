"""Who the command line acts as: `--user NAME`, else $ARCHIVIST_USER, else archivist.toml [team] cli_user,
else the local account (login@host). A named user must be an enabled account of the workspace, so the
audit log never names a person who does not exist there."""

from __future__ import annotations

import os

from ..catalogue import ACTING, open_catalogue
from ..workspace import Workspace
from . import TeamError
from .users import User, get_user


def cli_user_name(ws: Workspace, explicit: str | None) -> str:
    team = ws.config.raw.get("team", {}) if isinstance(ws.config.raw, dict) else {}
    return (explicit or os.environ.get("ARCHIVIST_USER") or str(team.get("cli_user", "") or "")).strip()


def act_for_cli(ws: Workspace, explicit: str | None) -> User | None:
    """Record this process's audit entries under the chosen account; None when acting as the local account."""
    name = cli_user_name(ws, explicit)
    if not name:
        return None
    catalogue = open_catalogue(ws)
    try:
        user = get_user(catalogue, name)
    finally:
        catalogue.close()
    if user is None:
        raise TeamError(f"没有账号 {name}（来自 --user、ARCHIVIST_USER 或 archivist.toml [team] cli_user）："
                        "用 archivist user list 查看，或去掉该设置以本机账户操作")
    if user.disabled:
        raise TeamError(f"账号 {name} 已停用：不能以它的名义操作")
    ACTING.set(user.label)
    return user
