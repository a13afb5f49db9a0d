"""Chinese for the messages typer prints itself: usage errors, the help panels, the usage line.

Why: the office staff read the CLI's help and errors, not its source; "Missing argument 'ID'." or "Got
unexpected extra argument(s)" in a Chinese program reads like a crash. typer builds these messages as
English f-strings (its bundled click has no message catalogue), so the translation works on the
finished message: `translate()` matches each known English form and rewrites it with the same values;
an unknown form is shown as it is rather than lost. `install()` routes typer's error printer through it
and sets the help panels' titles, the usage prefix and the --help text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_PATH_LABELS = {"file": "文件", "directory": "文件夹", "path": "路径", "File": "文件", "Directory": "文件夹",
                "Path": "路径"}
_TYPE_LABELS = {"int": "整数", "integer": "整数", "float": "数字", "number": "数字", "bool": "是/否值",
                "boolean": "是/否值",
                "UUID": "UUID", "datetime": "日期时间", "date": "日期"}


def _quoted(value: str) -> str:
    """'--foo' / "'ID'" as typer quotes them -> the bare text."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _value_message(message: str) -> str:
    """The reason part of an invalid-value message."""
    rules: list[tuple[str, Callable[[re.Match[str]], str]]] = [
        (r"^Input should be a valid (\w+)\b.*$", lambda m: f"应为有效的{_TYPE_LABELS.get(m[1], m[1])}"),
        (r"^Input should be (.+?)\.?$", lambda m: f"应为 {m[1].replace(' or ', ' 或 ')}"),
        (r"^Input should be greater than or equal to (.+)$", lambda m: f"应不小于 {m[1]}"),
        (r"^Value (.+) is not a valid (\w+)\.?$",
         lambda m: f"“{_quoted(m[1])}”不是有效的{_TYPE_LABELS.get(m[2], m[2])}"),
        (r"^(.+) is not a valid (\w+)\.?$", lambda m: f"“{_quoted(m[1])}”不是有效的{_TYPE_LABELS.get(m[2], m[2])}"),
        (r"^(.+) is not one of (.+?)\.?$", lambda m: f"“{_quoted(m[1])}”不是可选值之一：{m[2]}"),
        (r"^(.+) is not in the range (.+?)\.?$", lambda m: f"{m[1]} 不在允许的范围 {m[2]} 内"),
        (r"^(File|Directory|Path|file|directory|path) (.+) does not exist\.?$",
         lambda m: f"{_PATH_LABELS[m[1]]} {_quoted(m[2])} 不存在：请检查路径"),
        (r"^(File|Directory|Path|file|directory|path) (.+) is a file\.?$",
         lambda m: f"{_quoted(m[2])} 是文件，这里需要文件夹"),
        (r"^(File|Directory|Path|file|directory|path) (.+) is a directory\.?$",
         lambda m: f"{_quoted(m[2])} 是文件夹，这里需要文件"),
        (r"^(File|Directory|Path|file|directory|path) (.+) is not readable\.?$",
         lambda m: f"{_quoted(m[2])} 无法读取：请检查权限"),
        (r"^(File|Directory|Path|file|directory|path) (.+) is not writable\.?$",
         lambda m: f"{_quoted(m[2])} 无法写入：请检查权限"),
    ]
    for pattern, build in rules:
        if m := re.match(pattern, message.strip()):
            return build(m)
    return message


def _aside(text: str | None) -> str:
    return f"（{_value_message(text)}）" if text else ""


_RULES: list[tuple[str, Callable[[re.Match[str]], str]]] = [
    (r"^Missing argument (.+?)\.(?:\s+(.*))?$", lambda m: f"缺少参数 {_quoted(m[1])}" + _aside(m[2])),
    (r"^Missing option (.+?)\.(?:\s+(.*))?$", lambda m: f"缺少选项 {_quoted(m[1])}" + _aside(m[2])),
    (r"^Missing parameter(?::)? ?(.*?)\.?$", lambda m: f"缺少参数 {_quoted(m[1])}".rstrip()),
    (r"^Missing command\.?$", lambda m: "缺少命令：用 --help 查看可用的命令"),
    (r"^No such command (.+?)\.?$", lambda m: f"没有命令 {_quoted(m[1])}：用 --help 查看可用的命令"),
    (r"^No such option:? (\S+?)\.?(?: \((?:Possible options|Did you mean(?: one of)?):? (.+?)\??\))?$",
     lambda m: f"未知选项 {_quoted(m[1])}" + (f"（是否要用 {m[2]}？）" if m[2] else "：用 --help 查看可用的选项")),
    (r"^Got unexpected extra arguments? ?(?:\(s\))? \((.*)\)$",
     lambda m: f"多余的参数：{m[1]}（含空格的内容请加引号）"),
    (r"^Option (.+?) requires an argument\.?$", lambda m: f"选项 {_quoted(m[1])} 后面需要一个值"),
    (r"^Option (.+?) requires (\d+) arguments\.?$", lambda m: f"选项 {_quoted(m[1])} 后面需要 {m[2]} 个值"),
    (r"^Option (.+?) does not take a value\.?$", lambda m: f"选项 {_quoted(m[1])} 不接受值"),
    (r"^Argument (.+?) takes (\d+) values\.?$", lambda m: f"参数 {_quoted(m[1])} 需要 {m[2]} 个值"),
    (r"^Invalid value for (.+?): (.*)$", lambda m: f"{_quoted(m[1])} 的值无效：{_value_message(m[2])}"),
    (r"^Invalid value: (.*)$", lambda m: f"值无效：{_value_message(m[1])}"),
    (r"^Could not open file (.+?): (.*)$", lambda m: f"无法打开文件 {_quoted(m[1])}：{m[2]}"),
]


def translate(message: str) -> str:
    """One of typer's English usage messages in Chinese, with the same names and values in it."""
    text = (message or "").strip()
    for pattern, build in _RULES:
        if m := re.match(pattern, text, re.DOTALL):
            return build(m)
    return text


# typer's rich help panels read these module constants when they render.
RICH_CONSTANTS = {
    "ARGUMENTS_PANEL_TITLE": "参数",
    "OPTIONS_PANEL_TITLE": "选项",
    "COMMANDS_PANEL_TITLE": "命令",
    "ERRORS_PANEL_TITLE": "错误",
    "ABORTED_TEXT": "已中止。",
    "RICH_HELP": "用 [blue]'{command_path} {help_option}'[/] 查看帮助。",
    "DEFAULT_STRING": "[默认：{}]",
    "ENVVAR_STRING": "[环境变量：{}]",
    "REQUIRED_LONG_STRING": "[必填]",
    "DEPRECATED_STRING": "（已弃用）",
}
HELP_TEXT = "显示本帮助并退出。"


def print_error(exc: Any) -> None:
    """typer's error printer, in Chinese: one clear line first, then the usage and where help is."""
    from rich.text import Text
    from typer import rich_utils

    if exc.__class__.__name__ == "NoArgsIsHelpError":
        return
    console = rich_utils._get_rich_console(stderr=True)
    console.print(Text("错误：", style="bold red") + Text(translate(exc.format_message())), soft_wrap=True)
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        console.print(Text(ctx.get_usage()), style="dim", soft_wrap=True)
        if ctx.command.get_help_option(ctx) is not None:
            console.print(Text(f"用“{ctx.command_path} {ctx.help_option_names[0]}”查看帮助。"), style="dim")


def install() -> None:
    """Route typer's messages through this module (idempotent)."""
    from typer import rich_utils
    from typer._click import core as click_core
    from typer._click import decorators, formatting

    for attr, text in RICH_CONSTANTS.items():
        if hasattr(rich_utils, attr):
            setattr(rich_utils, attr, text)
    rich_utils.rich_format_error = print_error

    if not getattr(formatting.HelpFormatter.write_usage, "_zh", False):
        original_usage = formatting.HelpFormatter.write_usage

        def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
            args = args.replace("[OPTIONS]", "[选项]").replace("COMMAND [ARGS]...", "命令 [参数]...")
            original_usage(self, prog, args, "用法：" if prefix is None else prefix)

        write_usage._zh = True  # type: ignore[attr-defined]
        formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]

    if not getattr(decorators.help_option, "_zh", False):
        original_help = decorators.help_option

        def help_option(*args: Any, **kwargs: Any) -> Any:
            decorate = original_help(*args, **kwargs)

            def apply(command: Any) -> Any:
                result = decorate(command)
                params = getattr(command, "params", None) or []
                if params and getattr(params[-1], "help", None) == "Show this message and exit.":
                    params[-1].help = HELP_TEXT
                return result

            return apply

        help_option._zh = True  # type: ignore[attr-defined]
        decorators.help_option = help_option
    del click_core  # imported so the patched modules are loaded before any command is built
