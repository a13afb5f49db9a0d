"""Pieces shared by the per-format extractors: options, external tools, title sanity checks."""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Options:
    """How one extraction runs.

    `cache_dir` holds LibreOffice conversions keyed by sha256 (legacy .doc/.xls).
    `ocr` False skips all OCR (fast bulk re-indexing). `deadline` is a time.monotonic() value:
    optional slow work (OCR of further pages) stops before it so that a bounded run returns
    what it has, with a warning, instead of timing out and losing the whole file.
    """

    cache_dir: Path | None = None
    ocr: bool = True
    deadline: float | None = None

    def time_left(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.monotonic()


def is_han(ch: str) -> bool:
    return bool(_HAN_RE.match(ch))


def han_count(text: str) -> int:
    return len(_HAN_RE.findall(text))


# Titles that authoring tools fill in by themselves and that say nothing about the document.
_JUNK_TITLES = re.compile(
    r"^(untitled|无标题|未命名|title|标题|document|文档\d*|doc\d*|新建\s*(microsoft\s*)?(word|excel|wps|文本|文字|表格|演示|文档|docx?|xlsx?).*|"
    r"powerpoint\s*(presentation|演示文稿)|microsoft\s*word.*|wps.*|slide\s*\d+|"
    r"幻灯片\s*\d*|sheet\d*|工作表\d*|\d+|camscanner.*|扫描全能王.*|scan.*|img[_-]?\d+.*|image\d*|"
    r"dsc[_-]?\d+|微信图片.*|[a-f0-9-]{16,})$",
    re.IGNORECASE,
)
_TOOL_PREFIX = re.compile(r"^(microsoft\s+(word|excel|powerpoint)\s*-\s*)", re.IGNORECASE)
_FILE_EXT = re.compile(r"\.(docx?|xlsx?|wps|et|pdf|pptx?|rtf|txt|ofd)$", re.IGNORECASE)


def clean_title(raw: str | None) -> str | None:
    """A metadata title worth showing, or None.

    'Microsoft Word - 关于开展….docx' (what printing from Word puts in PDFs) becomes '关于开展…';
    tool defaults ('Untitled', '无标题', 'PowerPoint 演示文稿', '文档1') are dropped.
    """
    if not raw:
        return None
    title = " ".join(str(raw).replace("\x00", "").split())
    title = _TOOL_PREFIX.sub("", title)
    title = _FILE_EXT.sub("", title).strip()
    if len(title) < 2 or _JUNK_TITLES.match(title):
        return None
    if han_count(title) == 0 and len(re.findall(r"[A-Za-z]", title)) < 4:
        return None
    return title


def which(tool: str) -> str | None:
    return shutil.which(tool)


class ToolTimeout(Exception):
    """An external tool ran past its timeout and was killed (with its whole process group)."""


# External tools get their own address-space cap, not the (smaller) one of the sandbox worker
# they are started from: LibreOffice alone maps well over 1 GB of virtual memory.
TOOL_MEMORY_MB = 4096


def _tool_command(cmd: list[str]) -> list[str]:
    """Wrap `cmd` so it starts with TOOL_MEMORY_MB as its RLIMIT_AS instead of the caller's.

    The sandbox worker lowers only the *soft* limit, so a child shell may raise it again. A shell
    `ulimit` is used instead of preexec_fn because preexec_fn is unsafe in threaded parents.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return cmd
    want = TOOL_MEMORY_MB * 1024  # ulimit -v takes KiB
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard // 1024)
    return ["/bin/sh", "-c", f'ulimit -v {want} 2>/dev/null; exec "$@"', "sh", *cmd]


def run_tool(
    cmd: list[str], timeout: float, *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run an external tool with a timeout that also kills its children (soffice forks soffice.bin).

    subprocess.run(timeout=) kills only the direct child; a new session plus killpg takes the
    whole group down.
    """
    full_env = dict(os.environ)
    # tesseract's OpenMP threads make parallel OCR slower, not faster.
    full_env.setdefault("OMP_THREAD_LIMIT", "1")
    if env:
        full_env.update(env)
    proc = subprocess.Popen(
        _tool_command(cmd),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=full_env,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _kill_group(proc)
        raise ToolTimeout(f"{cmd[0]} 超过 {timeout:.0f} 秒") from exc
    except BaseException:
        _kill_group(proc)
        raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.communicate()
