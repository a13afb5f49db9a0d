"""`user`: the workspace's accounts — add, list, disable (or --enable), passwd, import from xlsx.

Thin: parse, call archivist.team.users inside `writing()` (every change audited with the acting person),
print one line. Passwords are read from a hidden prompt unless --password is given (scripts).
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape as esc
from rich.table import Table

from ..cli_common import console, fail, get_workspace, print_json
from ..team import TeamError

user_app = typer.Typer(help="账号管理：添加、列出、停用、改密码、从 xlsx 导入单位和账号。", no_args_is_help=True)


def _password(given: str | None) -> str:
    if given:
        return given
    return typer.prompt("密码", hide_input=True, confirmation_prompt="再输入一次")


@user_app.command("add", help="添加账号。角色：管理员、资料组、单位填报员（须 --unit）、领导。")
def add(
    ctx: typer.Context,
    username: str = typer.Argument(..., metavar="USERNAME", help="登录名"),
    role: str = typer.Option(..., "--role", help="管理员 | 资料组 | 单位填报员 | 领导"),
    unit: str = typer.Option("", "--unit", help="所属单位（单位填报员必填）"),
    name: str = typer.Option("", "--name", help="姓名"),
    password: str | None = typer.Option(None, "--password", help="密码（不给则提示输入）"),
) -> None:
    from ..cli import writing
    from ..team.users import add_user

    ws = get_workspace(ctx)
    secret = _password(password)
    with writing(ws, "user add") as catalogue:
        try:
            with catalogue.transaction():
                user = add_user(catalogue, username, secret, role, unit, name)
        except TeamError as exc:
            fail(str(exc))
    console.print(esc(f"已添加账号 {user.username}（{user.role}{'，' + user.unit if user.unit else ''}）"),
                  highlight=False)


@user_app.command("list", help="列出账号。")
def list_cmd(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="输出 JSON")) -> None:
    from ..catalogue import open_catalogue
    from ..team.users import list_users

    ws = get_workspace(ctx)
    catalogue = open_catalogue(ws)
    try:
        users = list_users(catalogue)
    finally:
        catalogue.close()
    if as_json:
        print_json([{"username": u.username, "name": u.display_name, "role": u.role, "unit": u.unit,
                     "disabled": u.disabled} for u in users])
        return
    table = Table(title=f"账号（{len(users)} 个）")
    for column in ("账号", "姓名", "角色", "单位", "状态"):
        table.add_column(column)
    for u in users:
        table.add_row(esc(u.username), esc(u.display_name), u.role, esc(u.unit), "已停用" if u.disabled else "正常")
    console.print(table)


@user_app.command("disable", help="停用账号（其已登录的会话随即失效）；--enable 重新启用。")
def disable(
    ctx: typer.Context,
    username: str = typer.Argument(..., metavar="USERNAME"),
    enable: bool = typer.Option(False, "--enable", help="重新启用"),
) -> None:
    from ..cli import writing
    from ..team.users import set_disabled

    ws = get_workspace(ctx)
    with writing(ws, "user disable") as catalogue:
        try:
            with catalogue.transaction():
                user = set_disabled(catalogue, username, not enable)
        except TeamError as exc:
            fail(str(exc))
    console.print(esc(f"账号 {user.username} 已{'启用' if enable else '停用'}"), highlight=False)


@user_app.command("passwd", help="修改账号密码（其已登录的会话随即失效）。")
def passwd(
    ctx: typer.Context,
    username: str = typer.Argument(..., metavar="USERNAME"),
    password: str | None = typer.Option(None, "--password", help="新密码（不给则提示输入）"),
) -> None:
    from ..cli import writing
    from ..team.users import set_password

    ws = get_workspace(ctx)
    secret = _password(password)
    with writing(ws, "user passwd") as catalogue:
        try:
            with catalogue.transaction():
                user = set_password(catalogue, username, secret)
        except TeamError as exc:
            fail(str(exc))
    console.print(esc(f"账号 {user.username} 的密码已修改"), highlight=False)


@user_app.command("import", help="从 xlsx 导入单位和账号（表头：单位、账号、姓名、角色、初始密码、电话）。")
def import_cmd(
    ctx: typer.Context,
    file: Path = typer.Argument(..., metavar="FILE", help="xlsx 文件"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    from ..cli import writing
    from ..team.users import import_xlsx

    ws = get_workspace(ctx)
    if not file.is_file():
        fail(f"找不到文件 {file}：请给出单位和账号名单的 xlsx 路径")
    with writing(ws, "user import") as catalogue:
        try:
            with catalogue.transaction():
                result = import_xlsx(catalogue, file)
        except TeamError as exc:
            fail(str(exc))
    if as_json:
        print_json({"units_added": result.units_added, "users_added": result.users_added, "skipped": result.skipped})
        return
    console.print(esc(f"已导入 {len(result.units_added)} 个单位、{len(result.users_added)} 个账号"), highlight=False)
    for line in result.skipped:
        console.print(esc(f"未导入：{line}"), highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
