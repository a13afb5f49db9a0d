"""Headless LibreOffice rendering: office files → PDF, PDF → PNG, and a look at embedded fonts.

Why it is shaped this way:

* **One soffice start for many files.** Starting LibreOffice costs seconds; converting a page costs
  milliseconds. :func:`to_pdf_many` passes a batch of files to one ``soffice --convert-to`` and only
  retries failures one by one.
* **A private profile.** ``-env:UserInstallation`` points at a profile owned by archivist, so a
  user's open LibreOffice window (which would swallow the request) or a broken profile never gets
  in the way. Profiles are reused between calls (the first start of a fresh profile is the slow
  one) and locked with ``flock`` so that concurrent conversions each get their own.
* **A content-addressed cache.** PDFs are stored under the sha256 of the source bytes (plus the
  font mapping, which changes the output), so rebuilding a dossier re-renders only what changed.
* **Canonical fonts mapped, not replaced.** The .docx keeps 仿宋_GB2312 etc.; ``fonts.conf`` next
  to this module maps those names to installed open fonts for the soffice process only
  (``FONTCONFIG_FILE``), so the PDF shows Chinese glyphs in the right style instead of boxes.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path

__all__ = [
    "CONVERTIBLE_SUFFIXES",
    "BatchResult",
    "RenderError",
    "RenderUnavailable",
    "embedded_fonts",
    "fontconfig_file",
    "pdf_to_png",
    "soffice_path",
    "to_pdf",
    "to_pdf_many",
]

log = logging.getLogger(__name__)

CONVERTIBLE_SUFFIXES = frozenset(
    {".doc", ".docx", ".docm", ".dot", ".dotx", ".odt", ".rtf", ".wps",
     ".xls", ".xlsx", ".xlsm", ".et", ".ods", ".csv",
     ".ppt", ".pptx", ".odp"}
)  # fmt: skip
"""Suffixes LibreOffice turns into PDF (WPS's .wps/.et are mostly Word/Excel binaries inside)."""

INSTALL_HINT = "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk"
BATCH_SIZE = 40
"""Files per soffice start: large enough to amortise the start, small enough that one bad file
(which can stall LibreOffice until the timeout) does not hold back hundreds of others."""


class RenderUnavailable(RuntimeError):
    """A tool needed for rendering is not installed; the message says what to install."""


class RenderError(RuntimeError):
    """LibreOffice ran but produced no PDF (corrupt file, password, timeout …)."""


class BatchResult(dict[Path, Path]):
    """Mapping source → PDF for what converted; ``failed`` maps the rest to a reason."""

    def __init__(self) -> None:
        super().__init__()
        self.failed: dict[Path, str] = {}


# ---------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------


def soffice_path() -> str | None:
    """Path of the LibreOffice binary, or None. ``ARCHIVIST_SOFFICE`` overrides the search."""
    override = os.environ.get("ARCHIVIST_SOFFICE")
    if override:
        return override if Path(override).exists() else shutil.which(override)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    mac = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
    return str(mac) if mac.exists() else None


def _require_soffice() -> str:
    path = soffice_path()
    if path is None:
        raise RenderUnavailable(
            "未找到 LibreOffice：请安装 libreoffice-writer-nogui libreoffice-calc-nogui"
            f"（{INSTALL_HINT}）。LibreOffice not found: install it to render .doc/.docx/.xls(x) to PDF."
        )
    return path


def _require_poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise RenderUnavailable(
            f"未找到 {tool}：请安装 poppler-utils（apt-get install poppler-utils）。{tool} not found."
        )
    return path


def fontconfig_file() -> Path:
    """The fontconfig file that maps canonical Chinese font names to installed open fonts."""
    return Path(str(resources.files("archivist.generate").joinpath("fonts.conf")))


def _render_env() -> dict[str, str]:
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(fontconfig_file())
    # LibreOffice reads the locale for defaults (paper size, CJK support); make both sensible.
    env.setdefault("LC_PAPER", "zh_CN.UTF-8")
    env.pop("SAL_USE_VCLPLUGIN", None)
    return env


def _fingerprint() -> bytes:
    """What, besides the source bytes, changes the PDF: the font mapping."""
    return hashlib.sha256(fontconfig_file().read_bytes()).digest()


def _cache_key(src: Path) -> str:
    h = hashlib.sha256()
    with src.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    h.update(b"\0" + src.suffix.lower().encode() + b"\0" + _fingerprint())
    return h.hexdigest()


# ---------------------------------------------------------------------------------------------
# Profiles and the soffice process
# ---------------------------------------------------------------------------------------------


def _profile_root(cache_dir: Path | None) -> Path:
    if cache_dir is not None:
        return cache_dir / "lo-profiles"
    return Path(tempfile.gettempdir()) / f"archivist-lo-profiles-{os.getuid()}"


@contextlib.contextmanager
def _profile(cache_dir: Path | None) -> Iterator[Path]:
    """Lend a LibreOffice user profile nobody else is using (flock), created on first use."""
    root = _profile_root(cache_dir)
    root.mkdir(parents=True, exist_ok=True)
    for i in range(64):
        lock_path = root / f"p{i}.lock"
        fh = lock_path.open("a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            continue
        try:
            profile = root / f"p{i}"
            profile.mkdir(exist_ok=True)
            yield profile
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
            fh.close()
        return
    raise RenderError(f"no free LibreOffice profile under {root} (64 conversions at once?)")


def _run_soffice(args: Sequence[str], *, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run soffice in its own process group so a timeout kills soffice.bin too, not just the shell."""
    proc = subprocess.Popen(
        list(args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=_render_env(),
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        raise RenderError(f"LibreOffice timed out after {timeout:.0f} s") from None
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _convert_batch(files: Sequence[Path], out_dir: Path, cache_dir: Path | None, timeout: float) -> str:
    """One soffice start converting ``files`` (already safely named) into ``out_dir``."""
    soffice = _require_soffice()
    with _profile(cache_dir) as profile:
        args = [
            soffice,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *[str(f) for f in files],
        ]
        proc = _run_soffice(args, timeout=timeout)
    return (proc.stderr or "") + (proc.stdout or "")


# ---------------------------------------------------------------------------------------------
# Public conversion API
# ---------------------------------------------------------------------------------------------


def _store(pdf: Path, cache_dir: Path | None, key: str) -> Path:
    """Move a fresh PDF into the cache (atomically) and return where it now lives."""
    if cache_dir is None:
        return pdf
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / f"{key}.pdf"
    tmp = cache_dir / f".{key}.{os.getpid()}.tmp"
    shutil.copyfile(pdf, tmp)
    os.replace(tmp, target)
    return target


def _deliver(cached: Path, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    shutil.copyfile(cached, tmp)
    os.replace(tmp, out)
    return out


def _out_names(srcs: Sequence[Path], out_dir: Path) -> dict[Path, Path]:
    """``<stem>.pdf`` for each source; a short hash is added where two sources share a stem."""
    seen: dict[str, int] = {}
    for s in srcs:
        seen[s.stem] = seen.get(s.stem, 0) + 1
    names: dict[Path, Path] = {}
    for s in srcs:
        if seen[s.stem] > 1:
            tag = hashlib.sha256(str(s.resolve()).encode()).hexdigest()[:8]
            names[s] = out_dir / f"{s.stem}-{tag}.pdf"
        else:
            names[s] = out_dir / f"{s.stem}.pdf"
    return names


def to_pdf(src: Path, out_dir: Path, cache_dir: Path | None = None, timeout: float = 180) -> Path:
    """Convert one office file to ``out_dir/<stem>.pdf`` and return that path.

    With ``cache_dir`` the PDF is reused whenever the same bytes were converted before (no soffice
    start at all). Raises :class:`RenderUnavailable` without LibreOffice and :class:`RenderError`
    when LibreOffice produced nothing.
    """
    result = to_pdf_many([src], out_dir, cache_dir, timeout=timeout)
    if src in result:
        return result[src]
    raise RenderError(f"{src.name}: {result.failed.get(src, 'no PDF produced')}")


def to_pdf_many(
    paths: Iterable[Path],
    out_dir: Path,
    cache_dir: Path | None = None,
    *,
    timeout: float = 180,
    batch_size: int = BATCH_SIZE,
) -> BatchResult:
    """Convert many files with as few soffice starts as possible; returns source → PDF.

    Sources are staged under content-hash names (so Chinese names, spaces, and two files both
    called ``报告.docx`` cannot collide or confuse LibreOffice), converted in batches, and whatever
    a batch did not produce is retried alone. Files that still fail are left out of the mapping and
    listed in ``result.failed`` with the reason — one corrupt file never stops a dossier.
    ``timeout`` is per file; a batch gets ``timeout`` plus 30 s for each further file.
    """
    srcs = list(dict.fromkeys(Path(p) for p in paths))
    out_dir.mkdir(parents=True, exist_ok=True)
    result = BatchResult()
    names = _out_names(srcs, out_dir)

    keys: dict[Path, str] = {}
    todo: list[Path] = []
    for src in srcs:
        if not src.is_file():
            result.failed[src] = "file not found"
            continue
        key = _cache_key(src)
        keys[src] = key
        cached = cache_dir / f"{key}.pdf" if cache_dir is not None else None
        if cached is not None and cached.is_file() and cached.stat().st_size > 0:
            result[src] = _deliver(cached, names[src])
        else:
            todo.append(src)
    if not todo:
        return result
    _require_soffice()

    with tempfile.TemporaryDirectory(prefix="archivist-render-") as tmp:
        stage, produced = Path(tmp) / "in", Path(tmp) / "out"
        stage.mkdir()
        produced.mkdir()
        staged: dict[Path, Path] = {}
        for src in todo:
            dst = stage / f"{keys[src]}{src.suffix.lower()}"
            if not dst.exists():
                try:
                    os.link(src, dst)
                except OSError:
                    shutil.copyfile(src, dst)
            staged[src] = dst

        def collect(batch: Sequence[Path]) -> list[Path]:
            missing = []
            for src in batch:
                pdf = produced / f"{keys[src]}.pdf"
                if pdf.is_file() and pdf.stat().st_size > 0:
                    stored = _store(pdf, cache_dir, keys[src])
                    result[src] = _deliver(stored, names[src])
                else:
                    missing.append(src)
            return missing

        retry: list[Path] = []
        batch_error = ""
        for i in range(0, len(todo), batch_size):
            batch = todo[i : i + batch_size]
            files = list(dict.fromkeys(staged[s] for s in batch))
            try:
                _convert_batch(files, produced, cache_dir, timeout + 30 * (len(files) - 1))
            except RenderError as exc:
                batch_error = str(exc)
                log.warning("batch of %d failed (%s); retrying one by one", len(files), exc)
            retry.extend(collect(batch))

        if len(todo) == 1 and retry:
            # A single file already had its own run; report instead of running it twice.
            result.failed[retry[0]] = batch_error or "LibreOffice produced no PDF (corrupt, encrypted or unsupported?)"
            return result
        for src in retry:
            if src in result:
                continue
            reason = "LibreOffice produced no PDF (corrupt, encrypted or unsupported?)"
            try:
                output = _convert_batch([staged[src]], produced, cache_dir, timeout)
                if output.strip():
                    reason += f": {output.strip().splitlines()[-1][:200]}"
            except RenderError as exc:
                reason = str(exc)
            if collect([src]):
                result.failed[src] = reason
    return result


# ---------------------------------------------------------------------------------------------
# Poppler helpers
# ---------------------------------------------------------------------------------------------


def pdf_to_png(pdf: Path, out_png_prefix: Path, first_page: int = 1, last_page: int = 1, dpi: int = 60) -> list[Path]:
    """Rasterise pages with pdftoppm (docs/ previews, visual checks); returns the PNG paths.

    Files are named ``<prefix>-<n>.png`` as pdftoppm does (n zero-padded to the page count's width).
    """
    tool = _require_poppler("pdftoppm")
    out_png_prefix.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [tool, "-png", "-r", str(dpi), "-f", str(first_page), "-l", str(last_page), str(pdf), str(out_png_prefix)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pattern = re.compile(re.escape(out_png_prefix.name) + r"-(\d+)\.png$")
    found = []
    for p in out_png_prefix.parent.iterdir():
        m = pattern.match(p.name)
        if m and first_page <= int(m.group(1)) <= last_page:
            found.append((int(m.group(1)), p))
    return [p for _, p in sorted(found)]


def embedded_fonts(pdf: Path) -> list[dict[str, object]]:
    """Fonts of a PDF as ``pdffonts`` lists them.

    Each entry: ``name`` (with the subset tag, e.g. ``ABCDEF+NotoSerifCJKsc-Regular``), ``type``
    (``CID TrueType``, ``Type 3`` …), ``encoding``, and booleans ``emb``, ``sub``, ``uni``. Used to
    prove the Chinese text was set in a real CJK font and embedded (a PDF without it shows boxes on
    a machine without that font, and Type 3 fonts are LibreOffice's last-resort bitmaps).
    """
    tool = _require_poppler("pdffonts")
    proc = subprocess.run([tool, str(pdf)], capture_output=True, text=True, timeout=60, check=True)
    lines = proc.stdout.splitlines()
    rule_idx = next((i for i, line in enumerate(lines) if line.startswith("---")), None)
    if rule_idx is None:
        return []
    # Column extents come from the dashes line: names and types may contain spaces.
    starts = [m.start() for m in re.finditer(r"-+", lines[rule_idx])]

    def cells(line: str) -> list[str]:
        return [line[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]

    header = cells(lines[rule_idx - 1])
    fonts: list[dict[str, object]] = []
    for line in lines[rule_idx + 1 :]:
        if not line.strip():
            continue
        row = dict(zip(header, cells(line), strict=True))
        fonts.append(
            {
                "name": row.get("name", ""),
                "type": row.get("type", ""),
                "encoding": row.get("encoding", ""),
                "emb": row.get("emb") == "yes",
                "sub": row.get("sub") == "yes",
                "uni": row.get("uni") == "yes",
            }
        )
    return fonts
