"""Open nothing that is not a regular file: the guard every reader of untrusted paths goes through.

A folder a unit sends, the inbox and even archive/ can hold entries that are not files: a symlink
looping onto itself (resolve() raises RuntimeError), a symlink to /dev/zero (an endless read) or to
/etc/shadow (a file outside the workspace), a FIFO (open() blocks forever), a socket or a device.
`irregular_reason` names such an entry in one Chinese sentence without following or opening it, and
`open_regular` opens a path only when the opened object itself is a regular file (O_NOFOLLOW: no
symlink is followed; O_NONBLOCK: a FIFO swapped in after the check cannot block the open), so the
check and the read are about the same object.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

SKIP_HINT = "请直接提交文件本身（不是快捷方式、链接、管道或设备）"


class NotRegularFile(OSError):
    """The path is not a regular file; `strerror` says what it is, in Chinese."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(errno.EINVAL, reason, str(path))


def _kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "命名管道（FIFO），不是普通文件，未读取"
    if stat.S_ISSOCK(mode):
        return "套接字（socket），不是普通文件，未读取"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备文件，不是普通文件，未读取"
    if stat.S_ISDIR(mode):
        return "是文件夹，不是文件"
    return "不是普通文件，未读取"


def irregular_reason(path: Path) -> str | None:
    """None for a regular file (not a symlink); else why the entry is skipped, never following it.

    Raises FileNotFoundError when nothing is there (the caller decides what a vanished file means).
    """
    st = os.lstat(path)
    if not stat.S_ISLNK(st.st_mode):
        return _kind(st.st_mode)
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    try:
        followed = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"符号链接循环（指向 {target}，最终指向自身），未跟随"
        return f"符号链接指向不存在的位置（{target}），未跟随"
    if stat.S_ISDIR(followed.st_mode):
        return f"链接的文件夹（指向 {target}），未跟随，其中的文件未导入"
    return f"符号链接（指向 {target}），未跟随"


def open_regular(path: Path, buffering: int = -1) -> BinaryIO:
    """Open `path` for binary reading if, and only if, it is a regular file; else NotRegularFile.

    The type is checked on the opened descriptor (fstat), not on the name, so a file replaced by a
    symlink or a FIFO between a check and this open is still refused, and the open never blocks.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW on a symlink
            raise NotRegularFile(path, irregular_reason(path) or "符号链接，未跟随") from exc
        if exc.errno in (errno.ENXIO, errno.EOPNOTSUPP):  # a socket, or a FIFO without a writer
            raise NotRegularFile(path, "不是普通文件（套接字或管道），未读取") from exc
        raise
    try:
        reason = _kind(os.fstat(fd).st_mode)
        if reason is not None:
            raise NotRegularFile(path, reason)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb", buffering=buffering)
    except BaseException:
        os.close(fd)
        raise
