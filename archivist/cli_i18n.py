"""Chinese for the messages click and typer print themselves (usage errors, help panels).

Why: the office staff read the CLI's help and errors, not its source; an English "Missing argument
'ID'." or "Got unexpected extra argument" in a Chinese program reads like a crash. click and typer look
their messages up through a module-level gettext `_` (and `ngettext`) at the moment they print them, so
replacing those two names in their modules with a lookup in CATALOGUE translates every message, with
its placeholders ({name}, {args}…) still filled in by click. A message missing from the catalogue stays
in English rather than failing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

# English message id (exactly as click/typer write it) -> Chinese; placeholders are kept by name.
CATALOGUE: dict[str, str] = {
    # errors
    "Missing command.": "缺少命令：用 --help 查看可用的命令",
    "No such command {name!r}.": "没有命令 {name}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "argument": "参数",
    "option": "选项",
    "parameter": "参数",
    "No such option {name!r}.": "未知选项 {name}",
    "Did you mean {possibility}?": "是否要用 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是否要用其中之一：{possibilities}？）",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）：含空格的内容请加引号",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）：含空格的内容请加引号",
    "Option {name!r} requires an argument.": "选项 {name} 后面需要一个值",
    "Option {name!r} requires {nargs} arguments.": "选项 {name} 后面需要 {nargs} 个值",
    "Option {name!r} does not take a value.": "选项 {name} 不接受值",
    "Argument {name!r} takes {nargs} values.": "参数 {name} 需要 {nargs} 个值",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，只给了 1 个",
    "Takes {nargs} values but {len} were given.": "需要 {nargs} 个值，给了 {len} 个",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Invalid start character for option ({option})": "选项的开头字符无效（{option}）",
    "{value!r} is not a valid {number_type}.": "“{value}”不是有效的数字",
    "{value!r} is not a valid boolean. Recognized values: {states}": "“{value}”不是有效的是/否值，可用：{states}",
    "{value!r} is not a valid UUID.": "“{value}”不是有效的 UUID",
    "{value} is not in the range {range}.": "{value} 不在允许的范围 {range} 内",
    "{value!r} is not {choice}.": "“{value}”不是 {choice}",
    "{value!r} is not one of {choices}.": "“{value}”不是可选值之一：{choices}",
    "{value!r} does not match the format {format}.": "“{value}”不符合格式 {format}",
    "{value!r} does not match the formats {formats}.": "“{value}”不符合以下任一格式：{formats}",
    "{name} {filename!r} does not exist.": "{name} {filename} 不存在：请检查路径",
    "{name} {filename!r} is a file.": "{name} {filename} 是文件，这里需要文件夹",
    "{name} {filename!r} is a directory.": "{name} {filename} 是文件夹，这里需要文件",
    "{name} {filename!r} is not readable.": "{name} {filename} 无法读取：请检查权限",
    "{name} {filename!r} is not writable.": "{name} {filename} 无法写入：请检查权限",
    "{name} {filename!r} is not executable.": "{name} {filename} 不可执行",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename}：{message}",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "用“{command} {option}”查看帮助。",
    "Aborted!": "已中止。",
    "Aborted.": "已中止。",
    "unknown error": "未知错误",
    # help
    "Usage:": "用法：",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "Options": "选项",
    "Arguments": "参数",
    "Commands": "命令",
    "Positional arguments": "位置参数",
    "required": "必填",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "(dynamic)": "（动态）",
    "deprecated": "已弃用",
}

# typer's rich help and error panels read these module constants when they render.
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

MODULES = ("click.core", "click.exceptions", "click.parser", "click.types", "click.formatting",
           "click.decorators", "click.termui", "click.utils", "typer.core", "typer.rich_utils")


def gettext(message: str) -> str:
    return CATALOGUE.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """Point click's and typer's message lookups at CATALOGUE (idempotent)."""
    lookups: dict[str, Callable[..., str]] = {"_": gettext, "ngettext": ngettext}
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:  # a click without this module: nothing to translate there
            continue
        for attr, func in lookups.items():
            if hasattr(module, attr):
                setattr(module, attr, func)
        if name == "typer.rich_utils":
            for attr, text in RICH_CONSTANTS.items():
                if hasattr(module, attr):
                    setattr(module, attr, text)
