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
from functools import lru_cache
from pathlib import Path

from . import analysis

SHIPPED = Path(__file__).resolve().parent.parent / "templates" / "concepts.toml"
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

    @classmethod
    def build(cls, concepts: dict[str, tuple[str, ...]]) -> ConceptTable:
        by_term: dict[str, list[str]] = {}
        for terms in concepts.values():
            for term in terms:
                expansion = by_term.setdefault(term, [term])
                expansion.extend(t for t in terms if t not in expansion)
        return cls(dict(concepts), {t: tuple(v) for t, v in by_term.items()})

    def alternatives(self, unit: str) -> list[str]:
        """The unit itself first, then every term of the concepts it belongs to."""
        return list(self.by_term.get(unit, (unit,)))

    def keys(self) -> list[str]:
        """Terms that a query word is split on, longest first (so 老年食堂 stays whole)."""
        return sorted(self.by_term, key=len, reverse=True)


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
    concepts = _builtin_synonyms()
    if shipped.is_file():
        more, _ = read_file(shipped)
        concepts.update(more)
    if workspace_file is not None:
        more, disable = read_file(workspace_file)
        concepts.update(more)
        for name in disable:
            concepts.pop(name, None)
    return ConceptTable.build(concepts)


def load_concepts(workspace_root: Path | None = None, shipped: Path = SHIPPED) -> ConceptTable:
    """The shipped table, with the workspace's concepts.toml over it when there is one (re-read when it changes)."""
    own = Path(workspace_root) / WORKSPACE_FILE if workspace_root is not None else None
    if own is not None and not own.is_file():
        own = None
    mtime = own.stat().st_mtime if own is not None else 0.0
    return _load(shipped, own, mtime)


def workspace_root_of(index_dir: Path) -> Path | None:
    """The workspace that holds an index directory (the nearest parent with archivist.toml), if any."""
    for parent in list(Path(index_dir).resolve().parents)[:4]:
        if (parent / "archivist.toml").is_file():
            return parent
    return None
