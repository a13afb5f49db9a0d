"""The intake pipeline, top to bottom: discover → receive → identify → extract → describe → classify → file.

Every input ends in exactly one state (filed, unsorted, duplicate, quarantined) and its bytes are
kept (identical duplicates excepted). The file operation comes last and is journaled: copy → fsync →
rename → catalogue commit → remove source (watch mode only). `recover()` finishes or rolls back a
move that a crash interrupted; it runs at the start of every writing command.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from ..authenticity.index import index_filed
from ..catalogue import DATABASE_ERRORS, Catalogue, new_id
from ..leftovers import clean_after_killed_runs, owned_mkdtemp
from ..model import DUPLICATE, FILED, QUARANTINED, UNSORTED, Extraction, ExtractionError
from ..regular_files import SKIP_HINT, irregular_reason, open_regular
from ..storage import open_store
from ..workspace import Workspace
from . import filing
from .classify import Classifier, Document
from .folders import FolderFiling, documents_first, has_words
from .metadata import extract_meta
from .ocr_titles import correct_meta, workspace_names
from .unzip import MemberProblem, ZipBudget, safe_members, survey

MAX_ZIP_DEPTH = 3
IGNORED_NAMES = {"thumbs.db", ".ds_store", "desktop.ini"}
SOURCE_RETRIES = 2  # integrity (#7): times a file that changed while being read is started again
IGNORED_SUFFIXES = (".part", ".crdownload", ".tmp", ".download", ".partial", ".swp")
SYNC_EVERY = 300  # records between index syncs (each one index commit per search.SYNC_BATCH records)
log = logging.getLogger(__name__)


def is_ignored(path: Path) -> bool:
    """Office lock files, OS litter, partial downloads and our own temp files are never evidence."""
    name = path.name
    lower = name.lower()
    return (
        name.startswith("~$")
        or name.startswith(".~lock.")
        or lower in IGNORED_NAMES
        or lower.endswith(IGNORED_SUFFIXES)
        or name.startswith(".")
    )


def display_name(path: Path) -> str:
    """The file name as a person would read it, even when its bytes are GBK or not decodable."""
    return _readable(os.fsencode(path.name)).replace("\n", " ").replace("\r", " ")


def display_path(path: Path) -> str:
    """A whole path as readable text (SQLite and JSON refuse the surrogates of undecodable names)."""
    return _readable(os.fsencode(path))


def _readable(raw: bytes) -> str:
    for encoding in ("utf-8", "gb18030"):
        try:
            name = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        name = raw.decode("utf-8", "replace")
    return name


def crash_point(stage: str) -> None:
    """Test hook: ARCHIVIST_CRASH_AT=stage[:n] kills the process (like kill -9) at the n-th pass of stage."""
    spec = os.environ.get("ARCHIVIST_CRASH_AT")
    if not spec:
        return
    name, _, count = spec.partition(":")
    if name != stage:
        return
    key = f"_ARCHIVIST_CRASH_COUNT_{stage}"
    seen = int(os.environ.get(key, "0")) + 1
    os.environ[key] = str(seen)
    if seen >= int(count or 1):
        os._exit(137)


@dataclass
class Intake:
    """One input file on its way through the stages."""

    source: Path
    original_name: str
    folders: list[str]
    remove_source: bool = False
    provenance: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=new_id)
    sha256: str = ""
    size: int = 0
    file_type: str = ""
    extraction: Extraction | None = None
    record: dict[str, Any] = field(default_factory=dict)
    prepared: bool = False  # receive/identify/extract done (possibly ahead, in a worker thread)
    problem: ExtractionError | None = None  # unreadable at all: no bytes to keep
    extract_error: ExtractionError | None = None  # readable bytes, unreadable content: quarantine them
    failure: Exception | None = None  # an unexpected error in a worker thread, re-raised in order
    skipped: str = ""  # not a regular file (a symlink, FIFO, device…): why it is recorded, not read
    zip_budget: ZipBudget | None = None  # shared by a zip and every zip nested in it

    def release(self) -> None:
        """Drop the extracted text and the record once filed: a caller may keep the intake (a list
        of 20,000 for a progress bar), but not every file's text with it."""
        self.extraction = None
        self.record = {}


def sha256_file(path: Path) -> tuple[str, int]:
    """sha256 and size of a regular file (NotRegularFile for anything else: nothing blocks)."""
    digest = hashlib.sha256()
    size = 0
    with open_regular(path) as fh:
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def discover(paths: Iterable[Path], remove_source: bool = False) -> Iterator[Intake]:
    """Every entry under the given paths, sorted, with the parent-folder names as filing hints.

    Lazy (one folder listing at a time), so a stick of 20,000 files is never held as a list. Not
    only files are yielded: a symlinked folder (not followed), a symlink loop, a FIFO, a socket or a
    device, and a folder that cannot be listed are yielded too, so that receive() records each of
    them with its reason instead of letting them vanish. A path given on the command line is
    followed even when it is a symlink to a folder: the user named it.
    """
    for top in paths:
        top = Path(top)
        if not top.is_dir():
            yield Intake(top, display_name(top), [display_name(top.parent)] if top.parent.name else [], remove_source)
            continue
        unreadable: list[OSError] = []
        for folder, dirs, files in os.walk(top, onerror=unreadable.append):
            here = Path(folder)
            rel_parts = here.relative_to(top).parts
            hints = [display_name(top)] + [display_name(Path(p)) for p in rel_parts]
            linked = sorted(d for d in dirs if (here / d).is_symlink())
            dirs[:] = sorted(d for d in dirs if d not in linked)
            for name in sorted([*files, *linked], key=documents_first):
                path = here / name
                if not is_ignored(path):
                    yield Intake(path, display_name(path), hints, remove_source)
            yield from _unlistable(unreadable, top, remove_source)
        yield from _unlistable(unreadable, top, remove_source)


def _unlistable(errors: list[OSError], top: Path, remove_source: bool) -> Iterator[Intake]:
    """Folders os.walk could not list (no permission): yielded so that they are recorded."""
    while errors:
        exc = errors.pop(0)
        path = Path(exc.filename or top)
        intake = Intake(path, display_name(path), [display_name(path.parent)], remove_source)
        intake.skipped = f"文件夹无法读取（{exc.strerror}），其中的文件未导入"
        yield intake


def source_path_of(path: Path, follow: bool = True) -> str:
    """The absolute path recorded as an input's source; never raises on a symlink loop."""
    if follow:
        try:
            return display_path(path.resolve())
        except (RuntimeError, OSError):
            pass
    return display_path(Path(os.path.abspath(path)))


class Pipeline:
    """Runs intakes through the stages against one workspace. Hold the writer lock while it runs."""

    def __init__(self, ws: Workspace, catalogue: Catalogue, on_record: Callable[[dict], None] | None = None) -> None:
        self.ws = ws
        self.catalogue = catalogue
        self.on_record = on_record
        self.frameworks = ws.frameworks
        self.classifier = Classifier(self.frameworks, catalogue.examples(), ws.config.rules)
        self.known_names = workspace_names(ws, catalogue)  # what OCR'd titles and units are corrected against
        self.threshold = ws.config.confidence_threshold
        self._taken: set[Path] = set()
        self.folder_filing = FolderFiling()
        self._local = threading.local()
        self.workers = max(1, min(2, os.cpu_count() or 1))
        self.sync_every = SYNC_EVERY
        self.store = open_store(ws)  # where the archive's bytes go: local disk, or S3 (quarantine stays local)
        ws.ensure_dirs()
        for line in clean_after_killed_runs(ws.cache_dir):  # a killed ingest's unzip folder, an orphan soffice
            log.info(line)

    # the producer ----------------------------------------------------------
    def run(self, intakes: Iterable[Intake]) -> list[dict[str, Any]]:
        return [record for _intake, records in self.run_iter(intakes) for record in records]

    def run_iter(self, intakes: Iterable[Intake]) -> Iterator[tuple[Intake, list[dict[str, Any]]]]:
        """Process intakes in order, reading (hash, identify, extract) the next ones in worker threads.

        Extraction is the expensive stage and runs in sandbox worker processes, one per thread, so
        two cores read two files at once while this thread classifies and files in order.
        """
        source = iter(intakes)
        pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="extract")
        completed = False
        batch: list[str] = []  # ids committed since the last index sync (their records are not kept)
        try:
            window: deque[Future[Intake]] = deque(
                pool.submit(self.prepare, i) for i in islice(source, self.workers * 2)
            )
            while window:
                intake = window.popleft().result()
                following = next(source, None)
                if following is not None:
                    window.append(pool.submit(self.prepare, following))
                records = self.process(intake)
                if self.on_record:
                    for record in records:
                        self.on_record(record)
                batch += [str(r["id"]) for r in records if r.get("id")]
                yield intake, records
                intake.release()
                del intake, records  # nothing of a filed file stays alive while the next one is read
                if self.sync_every and len(batch) >= self.sync_every:
                    self.sync_index(batch)  # the index catches up in batches: memory stays flat with the count
                    batch = []
            completed = True
        finally:
            # a failing run (full disk, Ctrl+C) reports at once instead of finishing queued extractions
            pool.shutdown(wait=completed, cancel_futures=not completed)

    def sync_index(self, ids: list[str] | None = None) -> None:
        """Index what was committed so far (derived data: a failure is logged, the next sync repairs it).

        With `ids` only those rows are looked at (a batch costs its own size, not the archive's);
        the command's closing sync catches anything else.
        """
        from ..search import sync_after_commit

        if warning := sync_after_commit(self.ws, self.catalogue, ids):
            log.warning(warning)

    def prepare(self, intake: Intake) -> Intake:
        """receive → identify → extract → describe → classify, without the catalogue's writer: thread-safe.

        Files whose bytes are already archived are not extracted (re-running an ingest is cheap).
        Unexpected errors are kept on the intake and raised again by process() in the main thread.
        """
        if intake.prepared:
            return intake
        intake.prepared = True
        try:
            intake.problem = self.receive(intake)
            if intake.problem is None:
                from .identify import identify

                intake.file_type = identify(intake.source)
                if intake.file_type != "zip" and not self._archived(intake.sha256):
                    try:
                        intake.extraction = self.extract(intake)
                    except ExtractionError as exc:
                        intake.extract_error = exc
                    else:  # pure functions of the text: overlap them with the main thread's fsyncs
                        self.describe(intake)
                        self.classify(intake)
        except Exception as exc:  # noqa: BLE001 - re-raised in process(), where the state is decided
            intake.failure = exc
        return intake

    def _archived(self, sha256: str) -> bool:
        """Read-only look-up from a worker thread, on that thread's own connection."""
        local = self._local
        if not hasattr(local, "evidence"):
            local.evidence = self.catalogue.reader_for_thread()
        return bool(local.evidence.is_archived(sha256))

    def process(self, intake: Intake) -> list[dict[str, Any]]:
        """One input → its record(s): several when the input is a zip of evidence.

        Whatever goes wrong inside a stage, the input still ends in a state: an unexpected error
        quarantines it with the error as the reason, and the run goes on with the next file.
        """
        attempt = 0
        while True:
            try:
                return self._process(intake)
            except filing.SourceChanged as exc:
                # integrity (#7): the file changed or vanished while being read. Start again from its
                # current bytes; one that keeps changing, or is gone, is recorded and left where it is.
                attempt += 1
                if exc.vanished or attempt > SOURCE_RETRIES:
                    return [self.quarantine(intake, ExtractionError(exc.reason, "请在文件写完后重新提交"), False)]
                intake.record, intake.extraction, intake.file_type = {}, None, ""
                intake.prepared, intake.problem, intake.extract_error, intake.failure = False, None, None, None
            except FiledElsewhere:
                # another writer (PostgreSQL catalogue) filed the same bytes first: this one is its duplicate
                if original := self.catalogue.find_by_sha(intake.sha256):
                    return [self.duplicate(intake, original)]
                raise
            except filing.StorageError:
                raise
            except (OSError, *DATABASE_ERRORS) as exc:
                # the disk or the catalogue is failing: stop the run, recover() cleans up on restart;
                # integrity (#7): a full disk or a read-only archive says so in one clear line
                problem = filing.storage_error(exc, self.ws.root, intake.original_name)
                if problem is None:
                    raise
                raise problem from exc
            except Exception as exc:  # noqa: BLE001 - a bug in one extractor must not stop the whole ingest
                if self.catalogue.get(intake.id):
                    raise
                error = ExtractionError(f"处理时出错（{type(exc).__name__}: {exc}）", "请把此文件报告给系统管理员")
                return [self.quarantine(intake, error)]

    def _process(self, intake: Intake) -> list[dict[str, Any]]:
        self.prepare(intake)
        if intake.failure is not None:
            raise intake.failure
        if intake.problem:
            if intake.skipped and (before := self._skipped_before(intake)):
                return [before]  # recorded once: a re-run or a rescan does not record it again
            return [self.quarantine(intake, intake.problem, keep_bytes=False)]
        existing = self.catalogue.find_by_source(source_path_of(intake.source), intake.sha256)
        if existing and not intake.remove_source:
            return [existing]  # the same file from the same place: already ingested, nothing to do
        original = self.catalogue.find_by_sha(intake.sha256)
        if original:
            return [self.duplicate(intake, original)]
        if intake.file_type == "zip":
            return self.unpack(intake)
        if intake.extract_error is not None:
            return [self.quarantine(intake, intake.extract_error)]
        if intake.extraction is None:  # skipped as already archived, but that original is gone
            try:
                intake.extraction = self.extract(intake)
            except ExtractionError as exc:
                return [self.quarantine(intake, exc)]
        if "status" not in intake.record:  # not already described and classified in prepare()
            self.describe(intake)
            self.classify(intake)
        self.follow_folder(intake)
        return [self.file(intake)]

    # stages ----------------------------------------------------------------
    def receive(self, intake: Intake) -> ExtractionError | None:
        """Hash the bytes; refuse what cannot be read at all (vanished, unreadable, not a regular file).

        Only regular files are opened: a symlink (to a file, a folder, itself), a FIFO, a socket or
        a device is recorded with its reason and never followed or read.
        """
        if not intake.skipped:
            try:
                intake.skipped = irregular_reason(intake.source) or ""
            except FileNotFoundError:
                return ExtractionError("文件在读取前已被移走或删除", "请重新提交该文件")
            except OSError as exc:
                return ExtractionError(f"无法读取文件（{exc.strerror}）", "请检查文件权限后重新提交")
        if intake.skipped:
            return ExtractionError(intake.skipped, SKIP_HINT)
        try:
            intake.sha256, intake.size = sha256_file(intake.source)
        except FileNotFoundError:
            return ExtractionError("文件在读取前已被移走或删除", "请重新提交该文件")
        except OSError as exc:
            return ExtractionError(f"无法读取文件（{exc.strerror}）", "请检查文件权限后重新提交")
        return None

    def extract(self, intake: Intake) -> Extraction:
        from .sandbox import extract_bounded

        cfg = self.ws.config
        return extract_bounded(
            intake.source,
            intake.file_type,
            timeout=cfg.extract_timeout,
            memory_mb=cfg.extract_memory_mb,
            cache_dir=self.ws.cache_dir,
        )

    def describe(self, intake: Intake) -> None:
        assert intake.extraction is not None
        meta = extract_meta(intake.extraction, intake.original_name, intake.folders)
        if intake.extraction.ocr_used:  # 清浴县 → 清溪县: a misread name put right against the county's own
            fixes = correct_meta(meta, self.known_names)
            if fixes:
                intake.extraction.meta["ocr_fixes"] = fixes
        intake.record.update(
            title=meta.title, unit=meta.unit, doc_date=meta.doc_date, doc_number=meta.doc_number, kind=meta.kind
        )
        intake.extraction.meta.update(meta.sources())  # stored in the record's meta; `show` names them

    def classify(self, intake: Intake) -> None:
        assert intake.extraction is not None
        doc = Document(
            text=intake.extraction.text,
            title=intake.record.get("title", ""),
            file_name=intake.original_name,
            folders=intake.folders,
            kind=intake.record.get("kind", ""),
            meta={**intake.extraction.meta, "unit": intake.record.get("unit") or ""},
        )
        decision = self.classifier.decide(doc, self.threshold)
        intake.record["suggestions"] = [s.__dict__ for s in decision.suggestions[:3]]
        if decision.code:
            intake.record.update(status=FILED, indicator=decision.code, confidence=decision.confidence)
            intake.record["links"] = self.frameworks.links_for(decision.code)
        else:  # a close call between two indicators says so (show, status and the web page print the reason)
            intake.record.update(status=UNSORTED, indicator=None, confidence=decision.confidence)
            if decision.reason:
                intake.record["reason"] = decision.reason

    def follow_folder(self, intake: Intake) -> None:
        """A wordless picture left in 待分类 follows its folder's documents (intake/folders.py)."""
        record = intake.record
        if record.get("status") == FILED:
            self.folder_filing.note(intake.folders, str(record["indicator"]))
            return
        if record.get("status") != UNSORTED or record.get("reason") or intake.file_type != "image":
            return
        code = self.folder_filing.follow(intake.folders)
        text = (intake.extraction.text if intake.extraction else "") + str(record.get("title") or "")
        if code is None or has_words(text):
            return
        reason = FolderFiling.reason(intake.folders, code)
        record.update(status=FILED, indicator=code, confidence=self.threshold, links=self.frameworks.links_for(code))
        record["suggestions"] = [{"code": code, "confidence": self.threshold, "matched": [reason]},
                                 *[s for s in record.get("suggestions", []) if s.get("code") != code][:2]]

    def file(self, intake: Intake) -> dict[str, Any]:
        """Place the bytes (journaled, crash-safe) and commit the catalogue record."""
        assert intake.extraction is not None
        record = intake.record
        dest = self.destination(intake)
        self._commit_with_copy(intake, dest, record | self._base_record(intake, dest))
        return index_filed(self.ws, self.catalogue, self.catalogue.get(intake.id) or {})  # hashed once, for check

    # terminal states without classification ---------------------------------
    def duplicate(self, intake: Intake, original: dict[str, Any]) -> dict[str, Any]:
        record = self._base_record(intake, None) | {
            "status": DUPLICATE,
            "duplicate_of": original["id"],
            "indicator": original.get("indicator"),
            "title": original.get("title"),
            "unit": original.get("unit"),
            "doc_date": original.get("doc_date"),
            "reason": f"与已归档文件 {original.get('archive_path')} 内容完全相同，未重复保存",
        }
        with self.catalogue.transaction():
            self.catalogue.insert(record)
            self.catalogue.audit("duplicate", intake.id, {"of": original["id"], "name": intake.original_name})
        self._remove_source(intake)
        return self.catalogue.get(intake.id) or record

    def quarantine(self, intake: Intake, error: ExtractionError, keep_bytes: bool = True) -> dict[str, Any]:
        """Keep the bytes under _隔离 with the reason in Chinese; the run goes on."""
        reason = error.reason + (f"；{error.hint}" if error.hint else "")
        base = {"status": QUARANTINED, "indicator": None, "reason": reason, "file_type": intake.file_type or None}
        if not keep_bytes:
            record = self._base_record(intake, None) | base
            with self.catalogue.transaction():
                self.catalogue.insert(record)
                self.catalogue.audit("quarantined", intake.id, {"reason": reason, "name": intake.original_name})
            return self.catalogue.get(intake.id) or record
        suffix = filing.safe_suffix(intake.original_name)
        stem = intake.original_name[: -len(suffix)] if suffix else intake.original_name
        dest = filing.unique_path(self.ws.quarantine_dir, stem, suffix, self._taken, self._occupied)
        self._commit_with_copy(intake, dest, self._base_record(intake, dest) | base)
        return self.catalogue.get(intake.id) or {}

    def unpack(self, intake: Intake) -> list[dict[str, Any]]:
        """Keep the zip itself, then ingest each member as its own evidence with its provenance.

        The limits hold for the input as a whole: an outermost zip is surveyed first (the whole
        tree of zips inside it, from their headers) and refused at once, before anything is
        unpacked, when it would exceed them; the zips inside share its budget while unpacking.
        """
        depth = int(intake.provenance.get("depth", 0))
        if depth >= MAX_ZIP_DEPTH:
            error = ExtractionError(f"压缩包嵌套超过 {MAX_ZIP_DEPTH} 层，疑似压缩炸弹", "请解压后直接提交其中的文件")
            return [self.quarantine(intake, error)]
        work = owned_mkdtemp("unzip-", self.ws.cache_dir)  # named with our pid: a killed run's is removed later
        try:
            problems: list[MemberProblem] = []
            try:
                if intake.zip_budget is None:
                    survey(intake.source, scratch=work)
                    intake.zip_budget = ZipBudget()
                members = safe_members(intake.source, work, budget=intake.zip_budget, problems=problems)
            except ExtractionError as exc:
                return [self.quarantine(intake, exc)]
            # integrity (#7): the same zip again (a re-run after a crash mid-zip, or the same folder
            # ingested twice) reuses its container and its members' records: nothing stored twice.
            known = self.catalogue.containers.find_by_sha(intake.sha256)
            if known:
                intake.id = known
            else:
                dest = filing.unique_path(
                    self.ws.container_dir, Path(intake.original_name).stem, ".zip", self._taken, self._occupied
                )
                # journaled like any filing: a crash before the INSERT leaves a journal row that
                # recover() rolls back, never an orphan zip under _压缩包原件
                with self.catalogue.transaction():
                    journal_id = self.catalogue.journal_open(
                        intake.id, intake.source, filing.temp_for(dest), dest, False
                    )
                # integrity (#7): verify bytes copied
                self.store.put(self.ws.relative(dest), intake.source, intake.sha256)
                crash_point("after_container_copy")
                with self.catalogue.transaction():
                    self.catalogue.journal.close(journal_id)
                    self.catalogue.containers.add(intake.id, intake.sha256, intake.original_name,
                                                  self.ws.relative(dest), len(members))
                    self.catalogue.audit(
                        "container", intake.id, {"name": intake.original_name, "members": len(members)}
                    )
            results = []
            for path, member_name in members:
                if known and (done := self._member_record(intake.sha256, member_name)):
                    results.append(done)  # integrity (#7): filed by an earlier run of this same zip
                    continue
                results.extend(self.process(self._member_intake(intake, path, member_name)))
            for problem in problems:
                if known and (done := self._member_record(intake.sha256, problem.member)):
                    results.append(done)
                    continue
                results.append(self._member_problem(intake, problem))
            self._remove_source(intake)
            return results
        finally:
            shutil.rmtree(work, ignore_errors=True)

    # helpers -----------------------------------------------------------------
    def _skipped_before(self, intake: Intake) -> dict[str, Any] | None:
        """The record an earlier run made for this same skipped entry (same place, same reason)."""
        if intake.provenance:
            return None
        found = self.catalogue.evidence.skipped_before(source_path_of(intake.source, follow=False), intake.skipped)
        return self.catalogue.get(found) if found else None

    def _member_problem(self, container: Intake, problem: MemberProblem) -> dict[str, Any]:
        """A member that was not unpacked: recorded with its reason; its bytes stay in the kept zip."""
        member = self._member_intake(container, Path(problem.member), problem.member)
        error = ExtractionError(f"压缩包成员{problem.reason}（原件保存在压缩包原件中）", problem.hint)
        return self.quarantine(member, error, keep_bytes=False)

    def _member_intake(self, container: Intake, path: Path, member_name: str) -> Intake:
        return Intake(
            source=path,
            original_name=Path(member_name.replace("\\", "/")).name or member_name,
            folders=[*container.folders, Path(container.original_name).stem, *Path(member_name).parent.parts],
            remove_source=True,
            provenance={
                "container": container.original_name,
                "container_id": container.id,
                "container_sha256": container.sha256,
                "member": member_name,
                "depth": int(container.provenance.get("depth", 0)) + 1,
            },
            zip_budget=container.zip_budget,
        )

    def _member_record(self, container_sha256: str, member_name: str) -> dict[str, Any] | None:
        """integrity (#7): the record an earlier run made for this member of this same zip, if any."""
        found = self.catalogue.evidence.member_of(container_sha256, member_name)
        return self.catalogue.get(found) if found else None

    def destination(self, intake: Intake) -> Path:
        record = intake.record
        assert intake.extraction is not None
        suffix = filing.extension_for(intake.file_type, intake.original_name)
        date = (record.get("doc_date") or "").replace("-", "")
        title = record.get("title") or Path(intake.original_name).stem
        fields = {
            "date": date,
            "unit": record.get("unit") or "",
            "title": title,
            "number": record.get("doc_number") or "",
            "year": date[:4],
        }
        if record.get("status") == FILED and (ind := self.frameworks.indicator(record["indicator"])):
            fields |= {
                "category": f"{ind.category_code}-{ind.category_name}",
                "indicator": ind.label,
                "code": ind.code,
            }
            parts = filing.render_template(self.ws.config.filename_template, fields)
            folder = self.ws.archive.joinpath(*[filing.sanitize_component(p) for p in parts[:-1] if p])
            stem = parts[-1]
        else:
            parts = filing.render_template(self.ws.config.filename_template.split("/")[-1], fields)
            folder, stem = self.ws.unsorted_dir, parts[-1]
        return filing.unique_path(folder, stem or "未命名", suffix, self._taken, self._occupied)

    def _occupied(self, path: Path) -> bool:
        """The name is taken where the archive lives (a file, or one being written)."""
        return self.store.occupied(self.ws.relative(path))

    def _base_record(self, intake: Intake, dest: Path | None) -> dict[str, Any]:
        ex = intake.extraction
        return {
            "id": intake.id,
            "original_name": intake.original_name,
            "source_path": (
                None if intake.provenance else source_path_of(intake.source, follow=not intake.skipped)
            ),
            "sha256": intake.sha256,
            "size": intake.size,
            "file_type": intake.file_type or None,
            "archive_path": self.ws.relative(dest) if dest else None,
            "text": ex.text if ex else "",
            "pages": ex.pages if ex else None,
            "meta": (ex.meta | {"warnings": ex.warnings, "ocr_used": ex.ocr_used}) if ex else {},
            "provenance": intake.provenance or {"source": display_path(intake.source)},
        }

    def _commit_with_copy(self, intake: Intake, dest: Path, record: dict[str, Any]) -> None:
        """copy → fsync → rename → commit (+ audit, journal stage) → remove source → close journal."""
        self._taken.add(dest)
        temp = filing.temp_for(dest)
        while True:
            try:
                with self.catalogue.transaction():
                    journal_id = self.catalogue.journal_open(intake.id, intake.source, temp, dest,
                                                             intake.remove_source)
                break
            except DATABASE_ERRORS as exc:
                if not self.catalogue.dialect.is_unique_violation(exc):
                    raise
                # PostgreSQL: another writer is filling this very name at this moment; take the next one
                dest = filing.unique_path(dest.parent, dest.stem, dest.suffix, self._taken, self._occupied)
                self._taken.add(dest)
                temp = filing.temp_for(dest)
                record["archive_path"] = self.ws.relative(dest)
        crash_point("before_copy")
        try:
            self.store.put(self.ws.relative(dest), intake.source, intake.sha256)
        except filing.SourceChanged:
            # integrity (#7): nothing was renamed into place; close the journal entry, process() retries
            with self.catalogue.transaction():
                self.catalogue.journal.close(journal_id)
            self._taken.discard(dest)
            raise
        crash_point("after_copy")
        try:
            with self.catalogue.transaction():
                self.catalogue.insert(record)
                self.catalogue.audit(
                    record["status"],
                    intake.id,
                    {
                        "name": intake.original_name,
                        "path": record.get("archive_path"),
                        "indicator": record.get("indicator"),
                    },
                )
                if intake.remove_source:
                    self.catalogue.journal.mark_committed(journal_id)
                else:  # nothing left to do after the commit: close the journal in the same transaction
                    self.catalogue.journal.close(journal_id)
        except DATABASE_ERRORS as exc:
            if not self.catalogue.dialect.is_unique_violation(exc):
                raise
            # PostgreSQL: another writer committed the same bytes since find_by_sha looked (one original
            # per sha256); take back this copy and close the journal, process() records a duplicate
            self.store.delete(self.ws.relative(dest))
            with self.catalogue.transaction():
                self.catalogue.journal.close(journal_id)
            self._taken.discard(dest)
            raise FiledElsewhere(intake.sha256) from exc
        crash_point("after_commit")
        if intake.remove_source:
            self._remove_source(intake)
            with self.catalogue.transaction():
                self.catalogue.journal.close(journal_id)
        self._taken.discard(dest)

    def _remove_source(self, intake: Intake) -> None:
        if intake.remove_source:
            try:
                intake.source.unlink()
            except FileNotFoundError:
                pass


class FiledElsewhere(Exception):
    """These bytes were filed by another writer at the same moment (a PostgreSQL catalogue)."""


def recover(ws: Workspace, catalogue: Catalogue) -> list[str]:
    """Finish or roll back moves that a crash interrupted. Returns what it did, one line each.

    Archive files (dest, temp, and both ends of a 'moving' entry) are looked at through the store;
    the source of an intake is an inbox file, always on local disk.
    """
    store = open_store(ws)
    done = []
    for entry in catalogue.journal_entries():
        source, temp, dest = (Path(os.fsdecode(entry[k])) for k in ("source", "temp", "dest"))
        record = catalogue.get(entry["evidence_id"])
        # integrity (#7): 'moving' (assign, doctor) is checked first: its record exists before the move,
        # so the "record is not None" test below would wrongly call a half-done move finished.
        if entry["stage"] == "moving":
            if store.exists(ws.relative(dest)) and not store.exists(ws.relative(source)):
                store.move(ws.relative(dest), ws.relative(source))
            done.append(f"回滚：{source.name} 的调整归档未完成，已恢复原位置")
        elif entry["stage"] == "committed" or record is not None:
            if entry["remove_source"] and source.exists() and record and sha256_file(source)[0] == record["sha256"]:
                source.unlink()
                done.append(f"完成：{source.name} 已归档，移除收件箱中的原文件")
            else:
                done.append(f"完成：{dest.name} 的归档记录已提交")
        else:
            for leftover in (temp, dest):
                key = ws.relative(leftover)
                if store.exists(key) and key not in catalogue.archive_paths():
                    store.delete(key)
            done.append(f"回滚：{source.name} 的归档未完成，已清理半成品（原文件仍在，可重新导入）")
        with catalogue.transaction():
            catalogue.journal.close(entry["id"])
            catalogue.audit("recovered", entry["evidence_id"], {"action": done[-1]})
    return done
