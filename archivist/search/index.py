"""`SearchIndex`: what the pipeline, the CLI and the web use — a backend plus query parsing and
snippets. It takes catalogue records and the clerk's typed query; the backend sees only `IndexDoc`s
and a `ParsedQuery`. Build one for a workspace with `open_search(ws)` (factory.py), which picks the
backend archivist.toml names; `SearchIndex(index_dir)` is a Whoosh index in that directory.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from ..concepts import ConceptTable, load_concepts, workspace_root_of
from .analysis import prepare
from .backend import SearchBackend
from .documents import DUPLICATE, to_index_doc
from .errors import QueryError
from .query import Clause, Filters, ParsedQuery, parse_date, parse_query
from .snippets import make_snippet, mark


@dataclass
class Hit:
    """One result. `snippet` marks matches with 【】; `plain` is the same text unmarked."""

    id: str
    archive_path: str
    indicator: str | None
    title: str
    score: float
    snippet: str
    plain: str = ""
    marks: list[tuple[int, int]] = field(default_factory=list)  # spans of matches in `plain`
    duplicate_of: str | None = None  # set on a byte-identical copy reported with its original
    near: list[str] = field(default_factory=list)  # concept terms it was found by instead of the typed words

    def to_json(self) -> dict[str, Any]:
        """CLI.md's shape ("snippet" is plain text) plus the marked version as "highlight"."""
        return {
            "id": self.id,
            "archive_path": self.archive_path,
            "indicator": self.indicator,
            "title": self.title,
            "score": round(self.score, 4),
            "snippet": self.plain,
            "highlight": self.snippet,
            "duplicate_of": self.duplicate_of,
            "near": self.near,
        }


class SearchIndex:
    """Search over the archive: upsert and delete records, rebuild, and query with snippets.

    Holds its backend open (a searcher, files, a connection): `close()` it, or use it as a context
    manager. `index_dir` is where a Whoosh index lives (the backend when none is given);
    `workspace_root` finds the workspace's concepts.toml (default: the folder above `index_dir`
    that holds archivist.toml).
    """

    def __init__(self, index_dir: Path, backend: SearchBackend | None = None,
                 concepts: ConceptTable | None = None, workspace_root: Path | None = None) -> None:
        self.index_dir = Path(index_dir)
        if backend is None:
            from .whoosh_backend import WhooshBackend  # imported only when Whoosh is the backend

            backend = WhooshBackend(self.index_dir)
        self.backend: SearchBackend = backend
        self._concepts = concepts
        self._root = workspace_root

    @property
    def concepts(self) -> ConceptTable:
        """The shipped concept table under the workspace's own concepts.toml (re-read when it changes)."""
        if self._concepts is not None:
            return self._concepts
        return load_concepts(self._root if self._root is not None else workspace_root_of(self.index_dir))

    def add(self, records: list[dict[str, Any]]) -> None:
        """Upsert records by id in one commit; duplicates are removed rather than indexed."""
        self.update(records)

    def delete(self, ids: Iterable[str]) -> None:
        self.update([], ids)

    def update(self, records: Iterable[dict[str, Any]], delete_ids: Iterable[str] = ()) -> None:
        """Upsert `records` by id and remove `delete_ids`, in one commit (a record given and also
        named for removal is upserted). A record whose status is duplicate is removed rather than
        indexed: the original it duplicates carries its id and name."""
        records = list(records)
        try:
            self.backend.delete(delete_ids)
            self.backend.delete(str(r["id"]) for r in records if r.get("status") == DUPLICATE)
            self.backend.add(to_index_doc(r) for r in records if r.get("status") != DUPLICATE)
        except BaseException:
            self.backend.rollback()
            raise
        self.backend.commit()

    def _without_unfound_parts(self, parsed: ParsedQuery) -> tuple[ParsedQuery, list[str]]:
        """A typed word such as 孩子辍学 or 荒地复垦 is split into parts that must all occur; when the query
        finds nothing, a part that no document in the archive holds in any of its forms (孩子, 复垦) is
        dropped, so the rest (辍学 and its near terms) still finds the files, and the hits say which part
        was not found. Separate words the clerk typed are never dropped, and a word keeps at least one part."""
        must: list[Clause] = []
        unfound: list[str] = []
        for clause in parsed.must:
            if clause.kind != "word" or len(clause.units) < 2:
                must.append(clause)
                continue
            kept = [forms for forms in clause.units
                    if self.backend.search(ParsedQuery(must=[Clause("word", forms[0], [forms])]), Filters(), 1)]
            if kept and len(kept) < len(clause.units):
                unfound += [forms[0] for forms in clause.units if forms not in kept]
                clause = Clause("word", clause.text, kept)
            must.append(clause)
        return ParsedQuery(must=must, must_not=parsed.must_not), unfound

    def rebuild(
        self, records: Iterable[dict[str, Any]], vocabulary: Iterable[str] = (), pool_mb: int | None = None
    ) -> int:
        """Build a fresh index from `records` and swap it in atomically. Returns documents indexed."""
        docs = (to_index_doc(r) for r in records if r.get("status") != DUPLICATE)
        return self.backend.rebuild(docs, vocabulary, pool_mb)

    def search(
        self,
        query: str,
        indicator: str | None = None,
        unit: str | None = None,
        since: str | None = None,
        until: str | None = None,
        kind: str | None = None,
        status: str | None = None,
        limit: int = 20,
        expand: bool = True,
    ) -> list[Hit]:
        """Best first. Raises QueryError for unusable input, IndexMissing when there is no index.

        `expand=False` searches the typed words only (no concept expansion)."""
        parsed = parse_query(query or "", self.concepts, expand=expand)
        filters = Filters(
            indicator=indicator or None,
            unit=unit or None,
            since=parse_date(since) if since else None,
            until=parse_date(until, end=True) if until else None,
            kind=kind or None,
            status=status or None,
        )
        if not parsed.must and filters.empty():
            if parsed.must_not:
                raise QueryError("只有排除词：请至少给出一个要查找的词，或加上筛选条件")
            raise QueryError("请输入要查找的词（空格分隔表示同时包含，引号表示整句，-词 表示排除）")
        if limit < 1:
            raise QueryError("--limit 必须大于 0")
        found = self.backend.search(parsed, filters, limit)
        unfound: list[str] = []
        if not found and expand:
            parsed, unfound = self._without_unfound_parts(parsed)
            if unfound:
                found = self.backend.search(parsed, filters, limit)
        forms = parsed.highlight_forms()
        hits = []
        for raw in found:
            plain, marks = make_snippet(raw.body, forms)
            if not marks:
                title_plain, title_marks = make_snippet(prepare(raw.title), forms)
                if title_marks:
                    plain, marks = title_plain, title_marks
            notes = ""
            if unfound:
                notes += f"〔未找到“{'、'.join(unfound)}”，按其余词查〕"
            if raw.near:
                notes += f"〔近义：{'、'.join(dict.fromkeys(raw.near))}〕"
            if notes:
                plain = notes + plain
                marks = [(a + len(notes), b + len(notes)) for a, b in marks]
            hit = Hit(
                id=raw.id,
                archive_path=raw.archive_path,
                indicator=raw.indicator or None,
                title=raw.title,
                score=raw.score,
                snippet=mark(plain, marks),
                plain=plain,
                marks=marks,
                near=list(dict.fromkeys(raw.near)),
            )
            hits.append(hit)
            for dup_id, dup_name in raw.duplicates:
                note = f"重复件：{dup_name} 与原件内容完全相同，未另存，原件见 {raw.archive_path}"
                hits.append(
                    Hit(dup_id, raw.archive_path, hit.indicator, raw.title, raw.score, note, note, [], raw.id)
                )
        return hits[:limit]

    def doc_count(self) -> int:
        return self.backend.doc_count()

    def ids(self) -> set[str]:
        return self.backend.ids()

    def is_healthy(self) -> bool:
        return self.backend.is_healthy()

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

