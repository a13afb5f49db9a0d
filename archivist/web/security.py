"""Safety rails of the web workbench: who may connect, which requests may change things, which files
may leave the machine, and how big an upload may be.

Why each rail exists:
- loopback by default, a token for anything else: the archive holds unpublished government
  documents; an office LAN is not a trusted network.
- a Host check on loopback: without it a web page the clerk visits could point its own domain
  at 127.0.0.1 (DNS rebinding) and read the archive through the clerk's browser.
- a session cookie (SameSite=Strict, HttpOnly) plus a CSRF token on every POST, and an Origin
  check: another site open in the same browser must not be able to file, move or close anything.
- downloads only from archive/ and out/, never through a symlink: archivist.toml (it holds the
  token) and the catalogue database stay on the machine, and a symlink planted in the archive
  cannot reach /etc or a user's home.
- an upload limit enforced while the body streams in, so a huge or endless upload fails fast
  instead of filling the disk.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import re
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MIN_TOKEN_LENGTH = 12
DEFAULT_MAX_UPLOAD_MB = 200
FORM_LIMIT_BYTES = 1024 * 1024  # any POST other than an upload: a form is never bigger than this
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
PUBLIC_PATHS = ("/login", "/static/", "/healthz")

# Content-Security-Policy of every HTML page: scripts and styles only from /static (no inline),
# so even an escaping bug could not run a script that came from a document.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
)


class WebConfigError(Exception):
    """The [web] settings do not allow serving as asked; the message says what to put in archivist.toml."""


# hosts and tokens ------------------------------------------------------------------------------
def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost: the addresses only this machine can reach."""
    host = host.strip().strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def web_settings(raw: dict[str, Any]) -> dict[str, Any]:
    """The [web] table of archivist.toml with defaults filled in."""
    web = raw.get("web", {}) if isinstance(raw, dict) else {}
    token = str(web.get("token", "") or "")
    try:
        max_mb = float(web.get("max_upload_mb", DEFAULT_MAX_UPLOAD_MB))
    except (TypeError, ValueError) as exc:
        raise WebConfigError("archivist.toml 中 [web] max_upload_mb 必须是数字（单位 MB），如 200") from exc
    if max_mb <= 0:
        raise WebConfigError("archivist.toml 中 [web] max_upload_mb 必须大于 0")
    return {"token": token, "max_upload_bytes": int(max_mb * 1024 * 1024)}


def check_serving(host: str, token: str) -> None:
    """Refuse a non-loopback address without a strong enough token (raises WebConfigError)."""
    if token and len(token) < MIN_TOKEN_LENGTH:
        raise WebConfigError(
            f"archivist.toml 中 [web] token 太短（{len(token)} 位）：请设置至少 {MIN_TOKEN_LENGTH} 位的随机字符串"
        )
    if not is_loopback(host) and not token:
        raise WebConfigError(
            f"--host {host} 会让局域网中的其他电脑访问档案：请先在 archivist.toml 中加入 "
            f'[web] token = "至少{MIN_TOKEN_LENGTH}位的随机口令"，或不带 --host 仅供本机使用'
        )


def token_matches(given: str, token: str) -> bool:
    """Constant-time comparison, so the token cannot be guessed character by character from timings."""
    return bool(token) and hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def token_fingerprint(token: str) -> str:
    """What the session remembers instead of the token: changing the token logs everybody out."""
    return hashlib.sha256(("archivist-web:" + token).encode("utf-8")).hexdigest()[:32]


# CSRF ------------------------------------------------------------------------------------------
def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use."""
    session = request.session
    token = session.get("csrf")
    if not isinstance(token, str) or len(token) < 20:
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def csrf_ok(request: Request, submitted: str | None) -> bool:
    expected = request.session.get("csrf")
    if not isinstance(expected, str) or not submitted:
        return False
    return hmac.compare_digest(expected.encode(), submitted.encode())


def same_origin(request: Request) -> bool:
    """A browser names the page that sent a POST in Origin (or Referer); it must be this server:
    the same scheme and the same host and port, with nothing else (no user name, no garbage)."""
    host = request.headers.get("host", "").lower()
    scheme = request.url.scheme.lower()
    for header in ("origin", "referer"):
        value = request.headers.get(header)
        if value is None:
            continue
        if value == "null":
            return False
        try:
            parts = urlsplit(value.strip())
            netloc = parts.netloc.lower()
        except ValueError:
            return False
        if parts.scheme.lower() != scheme or "@" in netloc or not host_name(netloc):
            return False
        if header == "origin" and (parts.path not in ("", "/") or parts.query or parts.fragment):
            return False
        return netloc == host
    return True  # not a browser (curl, a script): the CSRF token still has to match


# files -----------------------------------------------------------------------------------------
class UnsafePath(Exception):
    """A requested path points outside the allowed folders, through a symlink, or at nothing."""


def checked_relative(rel: str) -> list[str]:
    """The parts of a workspace-relative path that names nothing outside it, else UnsafePath: no
    absolute path, '..', '.', empty part, backslash, NUL or drive letter (a store key is checked the same)."""
    if not rel or "\x00" in rel or "\\" in rel or rel.startswith("/") or ":" in rel.split("/", 1)[0]:
        raise UnsafePath(f"不允许的路径：{rel!r}")
    parts = rel.split("/")
    if any(p in ("..", ".", "") for p in parts):
        raise UnsafePath(f"不允许的路径：{rel!r}")
    return parts


def safe_file(root: Path, rel: str, allowed: Iterable[Path]) -> Path:
    """The file `rel` (relative to `root`) if it lies inside one of `allowed` without any symlink.

    Refuses absolute paths, '..', backslashes, NUL, symlinks at any level below `root`, and
    anything that resolves outside the allowed folders. Raises UnsafePath (the caller answers 403/404).
    """
    parts = checked_relative(rel)
    root = root.resolve()
    current = root
    for part in parts:
        current = current / part
        if current.is_symlink():
            raise UnsafePath(f"{rel} 是符号链接，不提供下载")
    try:
        real = current.resolve(strict=True)
    except (FileNotFoundError, RuntimeError, OSError) as exc:
        raise FileNotFoundError(rel) from exc
    if not any(real.is_relative_to(a.resolve()) for a in allowed):
        raise UnsafePath(f"{rel} 不在可下载的目录中")
    if not real.is_file():
        raise FileNotFoundError(rel)
    return real


def safe_upload_name(name: str | None) -> str:
    """A browser-sent file name reduced to its last component, without control characters.

    The name becomes the evidence's original_name (and may shape its archive file name), so
    "../../x" or "C:\\x\\y.docx" must not carry folders with it.
    """
    name = (name or "").replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if ch >= " " and ch != "\x7f").strip()
    if name in ("", ".", ".."):
        return "未命名上传文件"
    encoded = name.encode("utf-8")
    if len(encoded) > 200:  # most file systems stop at 255 bytes; keep room for a numbering suffix
        stem, dot, suffix = name.rpartition(".")
        suffix = f".{suffix}" if dot and len(suffix) <= 10 else ""
        keep = (stem if dot else name).encode("utf-8")[: 200 - len(suffix.encode())].decode("utf-8", "ignore")
        name = keep + suffix
    return name


# middleware ------------------------------------------------------------------------------------
class BodyTooLarge(Exception):
    pass


def _wants_json(scope: Scope) -> bool:
    headers = Headers(scope=scope)
    return "application/json" in headers.get("accept", "") or headers.get("x-requested-with") == "XMLHttpRequest"


class GuardMiddleware:
    """Host check, security headers and body size limits for every request (pure ASGI, so it can
    stop an oversized body while it streams in, before any handler or form parser sees it)."""

    def __init__(self, app: ASGIApp, *, loopback_only: bool, max_upload_bytes: int,
                 upload_paths: tuple[str, ...] = ("/upload",)) -> None:
        self.app = app
        self.loopback_only = loopback_only
        self.max_upload_bytes = max_upload_bytes
        self.upload_paths = upload_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        host = headers.get("host")
        if host is not None and host_name(host) is None:
            response = PlainTextResponse("拒绝访问：请求的 Host 头格式不正确（只能是 主机名或地址[:端口]）",
                                         status_code=400)
            await response(scope, receive, send)
            return
        if self.loopback_only and not _host_is_loopback(host or ""):
            response = PlainTextResponse(
                "拒绝访问：本工作台只接受本机地址（127.0.0.1 或 localhost）的访问", status_code=400)
            await response(scope, receive, send)
            return
        path = scope.get("path", "")
        limit = self.max_upload_bytes if path in self.upload_paths else FORM_LIMIT_BYTES
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            length = headers.get("content-length")
            if length is not None and (not length.isdigit() or int(length) > limit):
                await self._too_large(scope, receive, send, limit)
                return

        received = 0
        over = False  # the body passed the limit: whatever the app answers is replaced by a 413

        async def limited_receive() -> Message:
            nonlocal received, over
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    raise BodyTooLarge()
            return message

        async def send_with_headers(message: Message) -> None:
            if over:
                return
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                present = {k.lower() for k, _ in raw}
                for key, value in _security_headers(raw):
                    if key not in present:
                        raw.append((key, value))
                message = {**message, "headers": raw}
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except Exception:
            if not over:
                raise
        if over:
            await self._too_large(scope, receive, send, limit)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        mb = limit / 1024 / 1024
        text = (f"上传的文件太大：每次上传不能超过 {mb:g} MB（可在 archivist.toml 的 [web] max_upload_mb 中调整），"
                "大文件请直接放入收件箱 inbox/")
        response: Response
        if _wants_json(scope):
            response = JSONResponse({"error": text}, status_code=413)
        else:
            response = PlainTextResponse(text, status_code=413)
        response.headers["connection"] = "close"
        await response(scope, receive, send)


# A Host header is a name or an address, and an optional port — nothing else. "127.0.0.1:18081@evil.com",
# spaces, a path or a user name would make a loopback check and the server's own URLs disagree.
_HOST_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?")
_HOST_V6 = re.compile(r"\[([0-9A-Fa-f:.]{2,45})\]")


def host_name(host_header: str) -> str | None:
    """The host part of a Host header ("127.0.0.1:8000" → "127.0.0.1", "[::1]:80" → "::1"); None
    when the header is not a plain host[:port]."""
    value = host_header
    if not value or len(value) > 260:
        return None
    if value.startswith("["):
        end = value.find("]")
        if end < 0:
            return None
        literal, rest = value[: end + 1], value[end + 1:]
        match = _HOST_V6.fullmatch(literal)
        if not match:
            return None
        try:
            ipaddress.IPv6Address(match.group(1))
        except ValueError:
            return None
        name = match.group(1)
    else:
        name, sep, port = value.partition(":")
        rest = sep + port
        if not _HOST_NAME.fullmatch(name):
            return None
    if rest and not re.fullmatch(r":[0-9]{1,5}", rest):
        return None
    return name


def _host_is_loopback(host_header: str) -> bool:
    host = host_name(host_header.strip())
    return is_loopback(host) if host else False


def _security_headers(raw: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    content_type = next((v for k, v in raw if k.lower() == b"content-type"), b"")
    headers = [
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"same-origin"),
        (b"x-frame-options", b"SAMEORIGIN"),
        (b"cache-control", b"no-store"),
    ]
    if content_type.startswith(b"text/html"):
        headers.append((b"content-security-policy", PAGE_CSP.encode()))
    return headers


class AuthMiddleware:
    """With a token configured, every page but /login and /static needs a logged-in session.

    Runs inside the session middleware (it reads request.session). GET requests are sent to the
    login page; anything else gets 401, so a script or XHR sees a clear refusal, not a login form.
    """

    def __init__(self, app: ASGIApp, *, token: str) -> None:
        self.app = app
        self.token = token
        self.fingerprint = token_fingerprint(token) if token else ""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.token:
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        session = scope.get("session") or {}
        if path.startswith(PUBLIC_PATHS) or hmac.compare_digest(str(session.get("auth", "")), self.fingerprint):
            await self.app(scope, receive, send)
            return
        response: Response
        if scope.get("method") == "GET" and not _wants_json(scope):
            query = scope.get("query_string", b"").decode("latin-1")
            target = path + (f"?{query}" if query else "")
            from urllib.parse import quote

            response = RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
        elif _wants_json(scope):
            response = JSONResponse({"error": "未登录或登录已过期：请先输入访问口令"}, status_code=401)
        else:
            response = PlainTextResponse("未登录或登录已过期：请先打开 /login 输入访问口令", status_code=401)
        await response(scope, receive, send)


def safe_next(target: str | None) -> str:
    """Only a path on this server may follow a login (no //evil.example open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def session_secret(configured: str = "") -> str:
    """The key that signs session cookies: configured, or fresh per process (a restart logs everyone out)."""
    return configured or os.environ.get("ARCHIVIST_WEB_SECRET") or secrets.token_hex(32)
