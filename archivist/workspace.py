"""A workspace: archivist.toml plus inbox/, archive/ and index/ — where they are and who may write.

Resolution order (CLI.md): -w/--workspace, then $ARCHIVIST_WORKSPACE, then the nearest
archivist.toml upwards from the current folder. One writer at a time holds index/.writer.lock
(archivist/writelock.py), so a second writer waits — saying whom for — instead of corrupting the
catalogue. Every configured path is checked to stay inside the workspace on every load
(archivist/config_check.py): a copied or restored archivist.toml cannot aim `watch` at other folders.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import validate, writelock
from .config_check import ConfigUnsafe, check_config
from .framework import FrameworkError, FrameworkSet, load_framework, load_frameworks
from .validate import InvalidValue
from .writelock import LockBusy, LockHolder, Notify, env_timeout, print_to_stderr

CONFIG_NAME = "archivist.toml"
DEFAULT_FRAMEWORKS = ["shiji-kaohe", "hou-pinggu"]
DEFAULT_TEMPLATE = "{category}/{indicator}/{date}-{unit}-{title}"
UNSORTED_DIR = "_待分类"
QUARANTINE_DIR = "_隔离"
CONTAINER_DIR = "_压缩包原件"


class WorkspaceError(Exception):
    """No usable workspace; the message says what to do."""


class WorkspaceBusy(WorkspaceError):
    """Another archivist process holds the writer lock; `holder` says who."""

    def __init__(self, message: str, holder: LockHolder | None = None) -> None:
        super().__init__(message)
        self.holder = holder


@dataclass
class Config:
    county: str = "本县"
    frameworks: list[str] = field(default_factory=lambda: list(DEFAULT_FRAMEWORKS))
    year: int = 2024
    data_cutoff: str = ""  # YYYY-MM-DD; default year-12-31
    inspection_date: str = ""  # YYYY-MM-DD
    excellent_line: float = 90.0
    inbox: str = "inbox"
    archive: str = "archive"
    index: str = "index"
    filename_template: str = DEFAULT_TEMPLATE
    confidence_threshold: float = 0.5
    rules: list[dict] = field(default_factory=list)  # [{pattern, code}]
    settle_seconds: float = 2.0
    rescan_seconds: float = 60.0
    polling: bool = False
    extract_timeout: float = 120.0
    extract_memory_mb: int = 2560
    milestones: dict[str, int] = field(
        default_factory=lambda: {"佐证材料收集完毕": 10, "问题整改销号": 5, "档案冻结": 2}
    )
    raw: dict = field(default_factory=dict)

    @property
    def cutoff_date(self) -> dt.date:
        if self.data_cutoff:
            return dt.date.fromisoformat(self.data_cutoff)
        return dt.date(self.year, 12, 31)

    @property
    def inspection(self) -> dt.date | None:
        return dt.date.fromisoformat(self.inspection_date) if self.inspection_date else None


def _config_from_toml(data: dict) -> Config:
    ws = data.get("workspace", {})
    paths = data.get("paths", {})
    filing = data.get("filing", {})
    watch = data.get("watch", {})
    assess = data.get("assessment", {})
    extract = data.get("extract", {})
    cfg = Config(raw=data)
    cfg.county = ws.get("county", cfg.county)
    cfg.frameworks = list(ws.get("frameworks", cfg.frameworks))
    # dates and numbers are checked here, on load, so no later report or page meets 2024-13-45 or nan
    cfg.year = validate.year(assess.get("year", cfg.year), "考核年度 year ")
    cfg.data_cutoff = _date_text(assess.get("data_cutoff", ""), "数据统计截止日期 data_cutoff ")
    cfg.inspection_date = _date_text(assess.get("inspection_date", ""), "迎检日期 inspection_date ")
    cfg.excellent_line = validate.finite_number(assess.get("excellent_line", cfg.excellent_line), "优秀线 ", 0, 1000)
    cfg.milestones = dict(assess.get("milestones", cfg.milestones))
    cfg.inbox = paths.get("inbox", cfg.inbox)
    cfg.archive = paths.get("archive", cfg.archive)
    cfg.index = paths.get("index", cfg.index)
    cfg.filename_template = filing.get("template", cfg.filename_template)
    cfg.confidence_threshold = validate.finite_number(
        filing.get("confidence_threshold", cfg.confidence_threshold), "归档置信度阈值 ", 0, 1
    )
    cfg.rules = list(data.get("rules", []))
    cfg.settle_seconds = validate.finite_number(watch.get("settle_seconds", cfg.settle_seconds), "settle_seconds ", 0)
    cfg.rescan_seconds = validate.finite_number(watch.get("rescan_seconds", cfg.rescan_seconds), "rescan_seconds ", 0.1)
    cfg.polling = bool(watch.get("polling", cfg.polling))
    timeout = extract.get("timeout_seconds", cfg.extract_timeout)
    memory = extract.get("memory_mb", cfg.extract_memory_mb)
    cfg.extract_timeout = validate.finite_number(timeout, "timeout_seconds ", 1)
    cfg.extract_memory_mb = int(validate.finite_number(memory, "memory_mb ", 64))
    return cfg


def _date_text(value: object, what: str) -> str:
    """A configured date as its YYYY-MM-DD text ('' when not set); InvalidValue when it is no date."""
    if value in (None, ""):
        return ""
    if isinstance(value, dt.date):  # TOML allows bare dates: inspection_date = 2025-01-20
        value = value.isoformat()
    return validate.iso_date(value, what).isoformat()


def render_config(county: str, frameworks: list[str], inspection_date: str, year: int) -> str:
    """The archivist.toml that `init` writes: every setting shown, with a comment saying what it does."""
    fw = ", ".join(f'"{f}"' for f in frameworks)
    return f'''# archivist workspace settings. Edit freely; paths are relative to this file.
[workspace]
county = "{county}"                # 县（市、区）名称，用于报告标题和落款
frameworks = [{fw}]                # 使用的考核方案（templates/frameworks/ 或本目录 frameworks/ 下的 id）

[assessment]
year = {year}                       # 考核年度
data_cutoff = "{year}-12-31"        # 数据统计截止日期：晚于此日期的佐证材料不计入
inspection_date = "{inspection_date}"   # 迎检日期（倒排时间）
excellent_line = 90                # “优秀”分数线

[assessment.milestones]            # 迎检前 N 天应完成的节点
"佐证材料收集完毕" = 10
"问题整改销号" = 5
"档案冻结" = 2

[paths]
inbox = "inbox"
archive = "archive"
index = "index"

[filing]
# 归档路径模板。可用字段：{{category}} {{indicator}} {{code}} {{date}} {{unit}} {{title}} {{number}} {{year}}
template = "{DEFAULT_TEMPLATE}"
confidence_threshold = 0.5          # 低于此置信度的文件进入 _待分类

# 归档规则：文件名或正文匹配 pattern（正则）时直接归入 code，优先于自动分类。
# [[rules]]
# pattern = "改厕"
# code = "C01"

[watch]
settle_seconds = 2                  # 文件大小和修改时间稳定这么多秒后才接收
rescan_seconds = 60                 # 定期重新扫描收件箱，补上遗漏的事件
polling = false                     # 网络共享目录请设为 true

[extract]
timeout_seconds = 120               # 单个文件读取时限
memory_mb = 2560                    # 单个文件读取内存上限
'''


class Workspace:
    """Paths and settings of one workspace. Cheap to construct; frameworks load lazily."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        config_path = self.root / CONFIG_NAME
        try:
            data = tomllib.loads(config_path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise WorkspaceError(f"{config_path} 不存在：请先运行 archivist init {self.root}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise WorkspaceError(f"{config_path} 格式错误：{exc}（请修正后重试）") from exc
        try:
            check_config(self.root, data, config_path)
        except ConfigUnsafe as exc:
            raise WorkspaceError(str(exc)) from exc
        try:
            self.config = _config_from_toml(data)
        except InvalidValue as exc:
            raise WorkspaceError(f"{config_path}：{exc}（请修正后重试）") from exc
        from .search.config import search_config
        from .storage.config import storage_config

        storage_config(data, config_path)  # a wrong [storage] table stops every command at once, in one line
        search_config(data, config_path)  # and so does a wrong [search] table
        from .catalogue.config import CatalogueConfigError, catalogue_config

        try:
            self.catalogue_config = catalogue_config(data, config_path)  # and a wrong [catalogue] table
        except CatalogueConfigError as exc:
            raise WorkspaceError(str(exc)) from exc
        self._frameworks: FrameworkSet | None = None

    def check_paths(self) -> None:
        """Check again that the configured folders stay inside the workspace (a long-running `watch`
        calls this before each scan and batch: a folder swapped for a symlink meanwhile is refused)."""
        try:
            check_config(self.root, self.config.raw, self.root / CONFIG_NAME)
        except ConfigUnsafe as exc:
            raise WorkspaceError(str(exc)) from exc

    # paths -----------------------------------------------------------------
    @property
    def inbox(self) -> Path:
        return self.root / self.config.inbox

    @property
    def archive(self) -> Path:
        return self.root / self.config.archive

    @property
    def index_dir(self) -> Path:
        return self.root / self.config.index

    @property
    def catalogue_path(self) -> Path:
        return self.index_dir / "catalogue.sqlite3"

    @property
    def whoosh_dir(self) -> Path:
        return self.index_dir / "whoosh"

    @property
    def cache_dir(self) -> Path:
        return self.index_dir / "cache"

    @property
    def unsorted_dir(self) -> Path:
        return self.archive / UNSORTED_DIR

    @property
    def quarantine_dir(self) -> Path:
        return self.archive / QUARANTINE_DIR

    @property
    def container_dir(self) -> Path:
        return self.archive / CONTAINER_DIR

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()

    def absolute(self, rel: str) -> Path:
        return self.root / rel

    @property
    def frameworks(self) -> FrameworkSet:
        if self._frameworks is None:
            self._frameworks = load_frameworks(self.config.frameworks, [self.root / "frameworks"])
        return self._frameworks

    def ensure_dirs(self) -> None:
        for d in (self.inbox, self.archive, self.index_dir, self.cache_dir):
            d.mkdir(parents=True, exist_ok=True)

    @contextmanager
    def writer_lock(
        self,
        wait: bool = True,
        what: str = "archivist",
        timeout: float | None = None,
        on_wait: Notify | None = print_to_stderr,
    ) -> Iterator[None]:
        """Hold the single-writer lock for one write (an ingest, an assign, one watch batch).

        A waiting caller is told once who it waits for (`on_wait`, stderr by default) and waits
        until the lock frees — or `timeout` seconds ($ARCHIVIST_LOCK_TIMEOUT when not given), then
        WorkspaceBusy naming the holder.
        """
        if self.catalogue_config.is_postgresql:
            # a PostgreSQL catalogue takes writers side by side: transactions, unique constraints and
            # the audit chain's head row keep them apart (catalogue/connection.py), not this file lock
            yield
            return
        limit = timeout if timeout is not None else env_timeout()
        try:
            with writelock.hold(self.index_dir / ".writer.lock", what, wait=wait, timeout=limit, on_wait=on_wait):
                yield
        except LockBusy as exc:
            waited = f"，已等待 {exc.waited:.0f} 秒" if wait else ""
            raise WorkspaceBusy(f"工作区 {self.root} 正被 {exc} 写入{waited}：请等它结束后再试", exc.holder) from exc

    def lock_waiters(self) -> int:
        """How many commands are waiting for the writer lock now."""
        return writelock.waiters(self.index_dir / ".writer.lock")

    def lock_holder(self) -> LockHolder | None:
        """Who last took the writer lock (the current holder while it is held)."""
        return writelock.read_holder(self.index_dir / ".writer.lock")

    @contextmanager
    def watcher_lock(self) -> Iterator[None]:
        """One `watch` per workspace. Held for the whole run; the writer lock only per batch."""
        try:
            with writelock.hold(self.index_dir / ".watch.lock", "watch", wait=False):
                yield
        except LockBusy as exc:
            raise WorkspaceBusy(f"工作区 {self.root} 已有 {exc} 在监视收件箱", exc.holder) from exc


def assessment_year(today: dt.date | None = None) -> int:
    """The year being assessed on `today`: the 实绩考核 of a year runs into the first quarter of the next
    (inspections in January–March look back at the year before), so January–March means last year."""
    today = today or dt.date.today()
    return today.year - 1 if today.month <= 3 else today.year


def init_workspace(
    root: Path,
    frameworks: list[str] | None = None,
    county: str = "本县",
    inspection_date: str = "",
    year: int | None = None,
    database: str | None = None,
    schema: str | None = None,
) -> Workspace:
    """Create a workspace (idempotent: an existing archivist.toml is kept). With `database` (a
    postgresql:// DSN) its catalogue is that server's `schema` (default: named from the folder),
    written as archivist.toml's [catalogue] table — appended to an existing file that has none."""
    if inspection_date:  # refused before anything is created: a bad date would break countdown later
        inspection_date = validate.iso_date(inspection_date, "迎检日期 --inspection-date ").isoformat()
    if year is not None:
        year = validate.year(year, "考核年度 --year ")
    root.mkdir(parents=True, exist_ok=True)
    config = root / CONFIG_NAME
    if not config.exists():
        fws = frameworks or list(DEFAULT_FRAMEWORKS)
        load_frameworks(fws, [root / "frameworks"])  # fail early on a wrong id
        year = year or assessment_year()
        if not inspection_date:
            inspection_date = f"{year + 1}-01-20"
        config.write_text(render_config(county, fws, inspection_date, year), encoding="utf-8")
    if database:
        from .catalogue.config import check_dsn, default_schema, render_table

        check_dsn(database, "--database")
        text = config.read_text(encoding="utf-8")
        if tomllib.loads(text).get("catalogue"):
            raise WorkspaceError(f"{config} 已有 [catalogue] 表：请直接修改它，不要再用 --database")
        config.write_text(text.rstrip("\n") + "\n" + render_table(database, schema or default_schema(root)),
                          encoding="utf-8")
    ws = Workspace(root)
    ws.ensure_dirs()
    return ws


def validate_workspace(root: Path) -> Workspace:
    """Open `root` as every command would, and read every framework file in its frameworks/ folder
    as an import does: a restored or copied workspace is refused before anything uses it.

    Raises WorkspaceError (a setting points outside the workspace) or FrameworkError (a framework
    file is malformed, or the configured set does not load together).
    """
    ws = Workspace(root)
    folder = ws.root / "frameworks"
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix == ".toml" or path.is_symlink():
                if path.is_symlink() or not path.is_file():
                    raise WorkspaceError(f"{path} 不是普通文件（符号链接或文件夹）：考核方案必须是 .toml 文件")
                framework = load_framework(path)
                if framework.id != path.stem:
                    raise FrameworkError(
                        f"{path.name}: [framework] id 为 {framework.id!r}，与文件名不符：应为 {path.stem!r}"
                    )
    _ = ws.frameworks  # the configured set: found, and valid together (unique codes, see_also)
    return ws


def find_workspace(explicit: Path | None = None) -> Workspace:
    """-w, then $ARCHIVIST_WORKSPACE, then the nearest archivist.toml upwards."""
    if explicit is not None:
        return Workspace(explicit)
    env = os.environ.get("ARCHIVIST_WORKSPACE")
    if env:
        return Workspace(Path(env))
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return Workspace(folder)
    raise WorkspaceError("找不到工作区：请用 -w 指定目录，或先运行 archivist init DIR")
