"""The search concept table: the different ways clerks and documents name one thing.

A clerk types 老年食堂 where the files say 助餐点, 打工 where they say 务工, 驻村书记 for 驻村第一书记. The
table (templates/concepts.toml, shipped as data; a workspace's own concepts.toml adds to it or replaces
entries) groups such terms into concepts. A query term that is one of a concept's terms is expanded to all
of them; the search ranks documents that hold the typed words above those found only through a near term
and says which near term matched. The older built-in short forms (analysis.SYNONYMS) are folded in, so
both sources give one table.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from . import analysis
from .shipped import shipped

SHIPPED = shipped("concepts.toml")
WORKSPACE_FILE = "concepts.toml"
# A term this short expands only when typed whole: 1-character terms are never concept keys.
MIN_TERM_CHARS = 2


class ConceptError(ValueError):
    """The concept file cannot be read; the message names the file and what to fix."""


@dataclass
class ConceptTable:
    """name -> its terms (prepared, typed order kept), and each term -> the concepts that hold it."""

    concepts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_term: dict[str, tuple[str, ...]] = field(default_factory=dict)  # term -> every term it expands to
    names: tuple[str, ...] = ()  # full unit names a short form may stand for (乡村振兴局, 农村经营管理站)

    @classmethod
    def build(cls, concepts: dict[str, tuple[str, ...]]) -> ConceptTable:
        by_term: dict[str, list[str]] = {}
        for terms in concepts.values():
            for term in terms:
                expansion = by_term.setdefault(term, [term])
                expansion.extend(t for t in terms if t not in expansion)
        return cls(dict(concepts), {t: tuple(v) for t, v in by_term.items()})

    def alternatives(self, unit: str) -> list[str]:
        """The unit itself first, then every term of the concepts it belongs to — or, for a short unit name
        no concept holds (乡振局, 农经站), the full names it abbreviates."""
        if unit in self.by_term:
            return list(self.by_term[unit])
        return [unit, *self.full_names(unit)]

    def full_names(self, short: str) -> list[str]:
        """Known unit names a short form abbreviates the way Chinese short names are made: the same first
        character and ending, the other characters picked in order (住建局 ← 住房和城乡建设局, 医保局 ←
        医疗保障局, 文广旅体局 ← 文化广电旅游体育局)."""
        if not (3 <= len(short) <= 6) or not short.endswith(SHORT_NAME_ENDINGS):
            return []
        return [n for n in self.names if len(n) > len(short) and n[0] == short[0] and n[-1] == short[-1]
                and _in_order(short, n)]

    def long_forms(self, short: str) -> list[str]:
        """Concept terms a short form may stand for, made the way Chinese short forms are: the same first and
        last character, the others picked in order (垃圾站 ← 垃圾中转站 / 垃圾转运站), each followed by its
        concept's other terms. Only for a word of three or more characters that is no term itself (two
        characters pick out too much) and only for terms at most twice as long."""
        if len(short) < 3 or short in self.by_term:
            return []
        out: list[str] = []
        for term in self._by_ends.get((short[0], short[-1]), ()):
            if len(short) < len(term) <= 2 * len(short) and _in_order(short, term):
                out.extend(t for t in self.by_term[term] if t not in out)
        return out

    @cached_property
    def _by_ends(self) -> dict[tuple[str, str], tuple[str, ...]]:
        grouped: dict[tuple[str, str], list[str]] = {}
        for term in self.by_term:
            grouped.setdefault((term[0], term[-1]), []).append(term)
        return {k: tuple(v) for k, v in grouped.items()}

    def with_names(self, names: tuple[str, ...]) -> ConceptTable:
        return ConceptTable(self.concepts, self.by_term, tuple(dict.fromkeys((*self.names, *names))))

    def keys(self) -> list[str]:
        """Terms that a query word is split on, longest first (so 老年食堂 stays whole)."""
        return sorted(self.by_term, key=len, reverse=True)


SHORT_NAME_ENDINGS = ("局", "站", "办", "委", "中心", "所", "院", "队", "会", "部")
_LEVEL = ("县", "市", "省", "区")


def _in_order(short: str, name: str) -> bool:
    rest = iter(name)
    return all(ch in rest for ch in short)


def _shipped_unit_names() -> tuple[str, ...]:
    from .intake.lexicon import UNIT_ABBREVIATIONS

    return tuple(dict.fromkeys(UNIT_ABBREVIATIONS.values()))


def _unit_concepts() -> dict[str, tuple[str, ...]]:
    """人社局 = 人力资源和社会保障局: the lexicon's short department names, as concepts of two terms."""
    from .intake.lexicon import UNIT_ABBREVIATIONS

    groups: dict[str, tuple[str, ...]] = {}
    for short, full in UNIT_ABBREVIATIONS.items():
        terms = tuple(dict.fromkeys(analysis.prepare(t) for t in (short, full)))
        if len(terms) > 1:
            groups[f"单位简称:{short}"] = terms
    return groups


_UNITS_SEEN: dict[Path, tuple[tuple[float, ...], tuple[str, ...]]] = {}


def catalogue_unit_names(workspace_root: Path) -> tuple[str, ...]:
    """The units of the archive's records without their level prefix (县乡村振兴局 → 乡村振兴局), re-read
    only when the catalogue file changes: the names a clerk's short forms stand for in this county."""
    import sqlite3

    from .catalogue.evidence import EvidenceRepository
    from .catalogue.readonly import connect_read_only

    db = Path(workspace_root) / "index" / "catalogue.sqlite3"
    if _on_postgresql(Path(workspace_root)):
        return _server_unit_names(Path(workspace_root))
    stamp = tuple(p.stat().st_mtime if p.exists() else 0.0 for p in (db, db.with_name(db.name + "-wal")))
    seen = _UNITS_SEEN.get(db)
    if seen is not None and seen[0] == stamp:
        return seen[1]
    names: list[str] = []
    if db.exists():
        try:
            con = connect_read_only(db, timeout=2)
            try:
                for name in EvidenceRepository(con).unit_names():
                    name = name[1:] if name.startswith(_LEVEL) and len(name) > 3 else name
                    names.append(analysis.prepare(name))
            finally:
                con.close()
        except sqlite3.Error:
            names = []
    result = tuple(dict.fromkeys(n for n in names if n))
    _UNITS_SEEN[db] = (stamp, result)
    return result


# a server catalogue has no file to watch: its unit names are read again at most once a minute
SERVER_UNITS_SECONDS = 60.0


def _on_postgresql(root: Path) -> bool:
    import os

    from .catalogue.config import DSN_ENV
    from .workspace import Workspace, WorkspaceError

    try:  # the cheap look first: this runs for every search
        if not os.environ.get(DSN_ENV) and "[catalogue]" not in (root / "archivist.toml").read_text("utf-8"):
            return False
        return Workspace(root).catalogue_config.is_postgresql
    except (WorkspaceError, OSError, ValueError):
        return False


def _server_unit_names(root: Path) -> tuple[str, ...]:
    """catalogue_unit_names for a workspace whose catalogue is on PostgreSQL (kept for SERVER_UNITS_SECONDS)."""
    import time

    from .catalogue import DATABASE_ERRORS, open_catalogue
    from .workspace import Workspace, WorkspaceError

    now = time.monotonic()
    seen = _UNITS_SEEN.get(root)
    if seen is not None and now - seen[0][0] < SERVER_UNITS_SECONDS:
        return seen[1]
    try:
        catalogue = open_catalogue(Workspace(root))
        try:
            units = catalogue.evidence.unit_names()
        finally:
            catalogue.close()
    except (WorkspaceError, *DATABASE_ERRORS):
        units = []  # the search still runs, without this county's short forms
    names = (analysis.prepare(n[1:] if n.startswith(_LEVEL) and len(n) > 3 else n) for n in units)
    result = tuple(dict.fromkeys(n for n in names if n))
    _UNITS_SEEN[root] = ((now,), result)
    return result


def _clean_terms(name: str, raw: object, source: Path) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(t, str) for t in raw):
        raise ConceptError(f"{source}：概念“{name}”应写成字符串列表，例如 \"{name}\" = [\"说法一\", \"说法二\"]")
    terms = tuple(dict.fromkeys(p for p in (analysis.prepare(t).strip() for t in raw) if len(p) >= MIN_TERM_CHARS))
    return terms


def read_file(path: Path) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """(concepts, names to disable) of one concepts.toml."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConceptError(f"{path} 无法读取（{exc}）：请检查文件是否为 UTF-8 文本") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConceptError(f"{path} 格式有误（{exc}）：请按 [concepts] 名称 = [\"说法\", …] 的格式改正") from exc
    section = data.get("concepts", {})
    if not isinstance(section, dict):
        raise ConceptError(f"{path}：[concepts] 应是一个表")
    disable = section.pop("disable", data.get("disable", []))
    if not isinstance(disable, list):
        raise ConceptError(f"{path}：disable 应写成概念名称的列表")
    concepts = {name: _clean_terms(name, terms, path) for name, terms in section.items()}
    return {n: t for n, t in concepts.items() if len(t) > 1}, [str(d) for d in disable]


def _builtin_synonyms() -> dict[str, tuple[str, ...]]:
    groups = {}
    for group in analysis.SYNONYMS:
        terms = tuple(dict.fromkeys(analysis.prepare(t) for t in group))
        groups[f"简称:{terms[0]}"] = terms
    return groups


@lru_cache(maxsize=16)
def _load(shipped: Path, workspace_file: Path | None, mtime: float) -> ConceptTable:
    concepts = _builtin_synonyms() | _unit_concepts()
    if shipped.is_file():
        more, _ = read_file(shipped)
        concepts.update(more)
    if workspace_file is not None:
        more, disable = read_file(workspace_file)
        concepts.update(more)
        for name in disable:
            concepts.pop(name, None)
    return ConceptTable.build(concepts).with_names(_shipped_unit_names())


def load_concepts(workspace_root: Path | None = None, shipped: Path = SHIPPED) -> ConceptTable:
    """The shipped table, with the workspace's concepts.toml over it when there is one (re-read when it changes)."""
    own = Path(workspace_root) / WORKSPACE_FILE if workspace_root is not None else None
    if own is not None and not own.is_file():
        own = None
    mtime = own.stat().st_mtime if own is not None else 0.0
    table = _load(shipped, own, mtime)
    return table.with_names(catalogue_unit_names(workspace_root)) if workspace_root is not None else table


def workspace_root_of(index_dir: Path) -> Path | None:
    """The workspace that holds an index directory (the nearest parent with archivist.toml), if any."""
    for parent in list(Path(index_dir).resolve().parents)[:4]:
        if (parent / "archivist.toml").is_file():
            return parent
    return None
