"""``archivist serve``: the local web workbench (issue #8).

Loopback only unless archivist.toml sets ``[web] token``: the archive holds unpublished documents,
and an office LAN is not a trusted network. The check runs before anything is imported or bound,
so a refused start is one clear line and nothing listens.
"""

from __future__ import annotations

import socket

import typer
from rich.markup import escape

from ..cli_common import console, fail, get_workspace


def _probe(host: str, port: int) -> str | None:
    """Why host:port cannot be bound (in use, no such address), or None: checked before uvicorn
    starts, so the user gets one clear line instead of a server log and exit status 3."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"地址 {host} 无法解析（{exc.strerror}）"
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            if exc.errno == 98:
                return f"端口 {port} 已被占用（可能工作台已经在运行）：请换一个 --port，或先停止正在运行的那个"
            return f"无法在 {host}:{port} 监听（{exc.strerror}）"
    return None


def _has_accounts(ws: object) -> bool:
    """Whether the workspace has team accounts (archivist user add): then a LAN address needs no shared token."""
    from ..catalogue import open_catalogue
    from ..team.users import has_accounts

    catalogue = open_catalogue(ws)  # type: ignore[attr-defined]
    try:
        return has_accounts(catalogue)
    finally:
        catalogue.close()


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址；非本机地址须在 archivist.toml 设置 [web] token"),
    port: int = typer.Option(8000, "--port", help="端口"),
) -> None:
    """Run the web workbench: search, dashboard, 待分类, upload, problems, reports (Ctrl+C stops it)."""
    ws = get_workspace(ctx)
    try:
        from ..web.security import WebConfigError, check_serving, is_loopback, web_settings
    except ImportError as exc:
        fail(f"网页工作台所需的组件未安装（{exc.name}）：请运行 pip install starlette jinja2 python-multipart "
             "itsdangerous uvicorn")
    try:
        settings = web_settings(ws.config.raw)
        accounts = _has_accounts(ws)
        check_serving(host if not accounts else "127.0.0.1", settings["token"])  # accounts stand for the token
    except WebConfigError as exc:
        fail(str(exc), 2)
    if not 0 < port < 65536:
        fail(f"端口 {port} 无效：请用 1–65535 之间的数字", 2)
    try:
        import uvicorn
    except ImportError:
        fail("缺少 uvicorn：请运行 pip install uvicorn")
    if problem := _probe(host, port):
        fail(problem)
    from ..web import create_app

    app = create_app(ws, host=host)
    shown = f"[{host}]" if ":" in host else host
    lan = "局域网可访问，需用账号登录" if accounts else "局域网可访问，需输入访问口令"
    where = "仅本机可访问" if is_loopback(host) else lan
    console.print(escape(f"迎检档案工作台：http://{shown}:{port}/ （{where}；工作区 {ws.root}；Ctrl+C 停止）"),
                  highlight=False, soft_wrap=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
