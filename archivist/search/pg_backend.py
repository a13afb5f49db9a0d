"""The PostgreSQL backend: the search index as tables in one schema (a tenant) of a shared server.

For a city or province that outgrows one machine (DESIGN.md, "Scale"). Debian packages no
OpenSearch, and PostgreSQL's own Chinese parsing is no better than Whoosh's (one token per run of
Han characters), so archivist computes the tokens itself — `analysis.slot_positions()`, exactly
what the Whoosh backend indexes: bigrams, numbers and their compounds, jieba words of three or more
characters, on `prepare()`d text — and hands them to PostgreSQL verbatim as a `tsvector` (the
tsvector input syntax, never a text search parser, so nothing is stemmed or re-split: what the
`simple` configuration would keep, without its parser splitting Han runs). A GIN index over it
answers "which documents hold every term". Query terms are `analysis.query_terms()` of each form,
written as a `tsquery` the same way (a lone Han character as the prefix `'x':*`, which matches it
and every bigram or word it starts, as the Whoosh engine does).

Layout of schema `<schema>` (one per workspace on a server; `[search] schema` in archivist.toml):
    state       one row: the live generation, the index format, the words taught to jieba
    docs_<gen>  one generation of the index: stored fields, `tokens`, `head_tokens`, `unit_tokens`
    terms_<gen> per lexeme of `tokens`, how many of the generation's documents hold it: one row per term
                from the rebuild, then a row per term and write (+ for versions written, − for those
                replaced or removed); the count is their sum
    doc_seq     insertion order across generations (a search with filters only lists newest first)

Positions in `tokens` are not text positions: each lexeme carries up to POSITIONS positions weighted
A for the head (title, file name, unit, 文号, kind) and up to POSITIONS weighted D for the body, one per
occurrence. That is all ranking needs (a term's frequency per field, capped where it stops
mattering) and it keeps a document's vector small; phrases, 文号 and number boundaries are confirmed
on the stored text (`ParsedQuery.matches`), as the Whoosh backend does, instead of with `<->`.
A vector holds at most 1 MB: a document whose terms would not fit keeps its head and as many body
terms as fit, plus the lexeme `_incomplete` (no token has an underscore), which every candidate query
also accepts — such a document is confirmed on its text, so a giant ledger is still found by its
last line. `head_tokens` holds the head's terms alone, small enough to stay in the row.

Ranking, in SQL, is BM25-like rather than ts_rank_cd: ts_rank_cd scores cover density (how close
the query's terms stand), which needs real positions and, like ts_rank, has no notion of how rare a
term is — yet a clerk's query mixes rare words (a village, a 文号) with common ones (工作, 情况), and
the rare ones say which document is meant. So each query term t contributes
    idf(t) × ts_rank({D: 1/3, A: 1}, tokens, t, normalization 1)
where idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5)) is BM25's, with df read from `terms_<gen>` (counting
through the GIN index reads the table page of every document holding the term: most of a province's
pages for a common one, PostgreSQL no longer skipping all-visible pages in a bitmap scan) and N the
planner's row count; ts_rank of one term is a frequency that saturates (Σ w/i²), weighted
so the head counts three times the body (the Whoosh backend's field boost), and divided by
1 + ln(length) (a length normalisation). A broad query is first ranked on `head_tokens` and only
its best SHORTLIST documents get the full score, as the Whoosh engine shortlists. That shortlist is
found without reading every candidate (a province's common word has a hundred thousand): a candidate
whose head holds none of the rank terms has head score 0, so of those only the newest are read,
newest first until enough are found; those whose head holds one are few and are scored
(_Search.ranked). Where the query
went through a concept's near terms, documents that hold every typed word come first, as in the
Whoosh engine.

Concurrency: a search runs in one REPEATABLE READ read-only transaction, so all of its statements
see one state of the index. Writers take a transaction-level advisory lock on the schema in shared
mode (two writers commit batches at once; upserts are ordered by id, so they do not deadlock), a
rebuild takes it exclusively. A rebuild writes a new generation table in one transaction and, in
the same transaction, points `state` at it: a reader sees the old generation until that commit and
the new one, complete, after it. Renaming the new table over the old one instead would not be safe:
a reader whose snapshot predates the commit but whose lock on the table is granted after it would
see the new table empty (PostgreSQL resolves names after taking the snapshot — DDL is not MVCC-safe).
Old generations are dropped after the swap; a search that had read the old `state` and finds its
table gone is retried on the new one (as a Whoosh searcher re-reads CURRENT).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from ..pgdsn import masked
from . import analysis
from .analysis import prepare, slot_positions
from .backend import RawHit, SearchBackend
from .documents import IndexDoc
from .errors import IndexMissing, SearchError
from .query import Filters, ParsedQuery, form_pattern

log = logging.getLogger(__name__)

INDEX_FORMAT = 2  # bump when the table layout or the tokens change: older generations are rebuilt
POSITIONS = 4  # positions kept per lexeme and field: ts_rank's Σ 1/i² has reached 85% of its limit by then
VECTOR_BUDGET = 1_000_000  # bytes of lexemes and positions per tsvector (PostgreSQL's limit: 1 MB)
RANK_WEIGHTS = "{0.3333,0,0,1}"  # ts_rank weights for D (body), C, B, A (head): the head counts three times
MAX_CHECKED = 4000  # candidates confirmed against their stored text, at most, per query
# A broad query (thousands of candidates) is ranked on the head's terms first; only the best SHORTLIST
# get the full score (reading every candidate's whole vector would be most of the time), as in Whoosh
# (whose shortlist is 800: here each shortlisted document costs an index lookup and a detoast).
SHORTLIST = 400
# Candidates (at most, by their terms' document counts) above which the heads holding a rank term
# are looked up first where they are a tenth of them or fewer (see _Search._head_matches).
HEADS_FIRST = 2000
RETRIES = 3

T = TypeVar("T")

_COLUMNS = ("id", "archive_path", "title", "indicator", "codes", "unit", "unit_tokens", "doc_date", "kind",
            "status", "head", "body", "duplicates", "tokens", "head_tokens")
INCOMPLETE = "_incomplete"  # the lexeme of a document whose terms did not all fit (no token has "_")


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def document_vector(head: str, body: str) -> tuple[str, bool]:
    """The `tsvector` text of a document's prepared head and body, and whether every body term fit.

    Head positions are 1…POSITIONS weighted A, body positions POSITIONS+1… weighted D (the default
    weight), one per occurrence up to POSITIONS; a vector that had to leave terms out holds
    INCOMPLETE (see the module docstring)."""
    entries: dict[str, list[str]] = {}
    used = 0
    for term, slots in slot_positions(head).items():
        entries[term] = [f"{i}A" for i in range(1, min(len(slots), POSITIONS) + 1)]
        used += len(term.encode()) + 4 + 2 * len(entries[term])
    complete = True
    for term, slots in slot_positions(body).items():
        positions = [str(POSITIONS + i) for i in range(1, min(len(slots), POSITIONS) + 1)]
        known = entries.get(term)
        cost = 2 * len(positions) + (0 if known is not None else len(term.encode()) + 4)
        if used + cost > VECTOR_BUDGET:
            complete = False
            continue
        used += cost
        if known is None:
            entries[term] = positions
        else:
            known += positions
    if not complete:
        entries[INCOMPLETE] = ["1A"]
    return " ".join(f"{_lexeme(t)}:{','.join(p)}" for t, p in entries.items()), complete


def _head_vector(head: str) -> str:
    """The head's terms alone, without positions: small enough to stay in the row, so a broad query
    is first ranked on it without reading each document's whole vector (see _Search.ranked)."""
    return " ".join(_lexeme(t) for t in slot_positions(head))


def _unit_vector(unit: str) -> str:
    return " ".join(_lexeme(t) for t in slot_positions(prepare(unit), words=False))


def _term_query(term: str) -> str:
    """One query term as a tsquery operand: a lone Han character also matches every term it starts."""
    if len(term) == 1 and analysis.has_han(term):
        return _lexeme(term) + ":*"
    return _lexeme(term)


def form_query(form: str) -> str | None:
    """A form's terms, all of which a document must hold (None: the form has no terms)."""
    terms = list(dict.fromkeys(analysis.query_terms(form)))
    if not terms:
        return None
    return "(" + " & ".join(_term_query(t) for t in terms) + ")"


def _units_query(units: list[list[str]]) -> str | None:
    """Every unit (one of its forms) must be held: the candidates' tsquery."""
    parts = []
    for forms in units:
        alternatives = [q for q in (form_query(f) for f in forms) if q]
        if not alternatives:
            return None
        parts.append("(" + " | ".join(alternatives) + ")")
    return " & ".join(parts) if parts else None


def _query_units(query: ParsedQuery) -> list[list[str]]:
    return [forms for c in query.must for forms in ([[c.text]] if c.kind == "phrase" else c.units)]


def _rank_terms(units: list[list[str]]) -> dict[str, str | None]:
    """The tsquery operands ranking weighs — every term of every form, and a form's whole jieba
    word — each with the lexeme it stands for (None: a prefix, which stands for many)."""
    terms: dict[str, str | None] = {}
    for forms in units:
        for form in forms:
            for term in analysis.query_terms(form):
                operand = _term_query(term)
                terms[operand] = None if operand.endswith(":*") else term
            word = analysis.query_word(form)
            if word:
                terms[_lexeme(word)] = word
    return terms


def _estimate(units: list[list[str]], df: dict[str, int]) -> int:
    """At most how many documents hold every unit (the candidates), from the terms' document counts:
    a unit is held by at most the sum over its forms of the rarest term of each."""
    bound: int | None = None
    for forms in units:
        held = 0
        for form in forms:
            counts = [df.get(_term_query(t), 0) for t in dict.fromkeys(analysis.query_terms(form))]
            held += min(counts) if counts else 0
        bound = held if bound is None else min(bound, held)
    return bound or 0


def terms_table(docs_table: str) -> str:
    """The table of a generation's document counts per lexeme (`docs_<gen>` → `terms_<gen>`)."""
    return "terms_" + docs_table.removeprefix("docs_")


class PostgresBackend(SearchBackend):
    """The index in schema `schema` of the PostgreSQL database at `dsn` (see the module docstring).

    One connection, opened on first use and guarded by a lock, so one object serves the web's
    threads; `close()` ends it. `where` names the setting the DSN came from, for the one-line
    message when the server cannot be reached."""

    def __init__(self, dsn: str, schema: str = "archivist", where: str = "archivist.toml 的 [search] dsn") -> None:
        super().__init__()
        self.dsn = dsn
        self.schema = schema
        self.where = where
        self.application_name = f"archivist-search {schema}"[:63]
        self._lock = threading.RLock()
        self._conn: Any = None
        self._vocabulary_gen: str | None = None

    # connection ------------------------------------------------------------------------------
    def _connect(self) -> Any:
        try:
            import psycopg
        except ImportError as exc:
            raise SearchError("检索后端 postgresql 需要 psycopg：请运行 pip install 'archivist[server]'") from exc
        if self._conn is not None and not self._conn.closed:
            return self._conn
        self._conn = None
        try:
            conn = psycopg.connect(self.dsn, autocommit=True, connect_timeout=10,
                                   application_name=self.application_name)
        except psycopg.Error as exc:
            raise self._unreachable(exc) from None
        self._conn = conn
        return conn

    def _unreachable(self, exc: BaseException) -> SearchError:
        reason = next((line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
        return SearchError(
            f"无法连接检索数据库 {masked(self.dsn)}（{self.where}）：{reason}；"
            "请确认 PostgreSQL 已启动、地址端口和库名正确，或改回 backend = \"whoosh\""
        )

    def _failed(self, exc: BaseException) -> SearchError:
        reason = next((line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
        return SearchError(f"检索数据库 {masked(self.dsn)} 出错（{self.where}）：{reason}")

    def _run(self, work: Callable[[Any], T], retry: bool = True) -> T:
        """`work(connection)` under the lock; a lost connection is one Chinese line, and the next
        call reconnects. A generation dropped under a reader (or a deadlock between writers) is
        retried on the new state; `retry=False` for work that cannot be repeated (a rebuild consumes
        its documents)."""
        import psycopg
        from psycopg import errors

        attempts = RETRIES if retry else 1
        for attempt in range(attempts):
            with self._lock:
                conn = self._connect()
                try:
                    return work(conn)
                except (errors.UndefinedTable, errors.DeadlockDetected, errors.SerializationFailure) as exc:
                    if attempt == attempts - 1:
                        reason = next(iter(str(exc).splitlines()), type(exc).__name__)
                        raise SearchError(f"检索索引正被其他进程改写，请稍后再试：{self.schema}（{reason}）") from exc
                except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
                    if not conn.broken and not conn.closed:
                        raise self._failed(exc) from None
                    self._drop_connection()
                    raise self._unreachable(exc) from None
            time.sleep(0.02 * (attempt + 1))
        raise AssertionError("unreachable")

    def _drop_connection(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # noqa: BLE001 - a broken connection is being thrown away anyway
                pass
        self._conn = None

    # names -----------------------------------------------------------------------------------
    def _name(self, table: str) -> Any:
        from psycopg import sql

        return sql.Identifier(self.schema, table)

    @property
    def _lock_key(self) -> str:
        return f"archivist-search:{self.schema}"

    def _state(self, conn: Any) -> str:
        """The live generation's table name (IndexMissing: never built, or by an older format).
        Teaches jieba the generation's words the first time it is seen (as the index was built)."""
        from psycopg import errors, sql

        try:
            row = conn.execute(sql.SQL("SELECT gen, format, vocabulary FROM {}").format(self._name("state"))).fetchone()
        except (errors.UndefinedTable, errors.InvalidSchemaName):
            raise IndexMissing(f"检索索引不存在：{masked(self.dsn)} 的 {self.schema}") from None
        if row is None:
            raise IndexMissing(f"检索索引不存在：{masked(self.dsn)} 的 {self.schema}")
        gen, index_format, vocabulary = row
        if index_format != INDEX_FORMAT:
            raise IndexMissing(f"检索索引格式过旧，需要重建：{masked(self.dsn)} 的 {self.schema}")
        if gen != self._vocabulary_gen:
            if vocabulary:
                analysis.add_vocabulary(vocabulary)
            self._vocabulary_gen = gen
        return f"docs_{gen}"

    def _read(self, work: Callable[[Any, str], T]) -> T:
        """`work(connection, table)` in one read-only snapshot of the index."""

        def run(conn: Any) -> T:
            with conn.transaction():
                conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                return work(conn, self._state(conn))

        return self._run(run)

    # writing ---------------------------------------------------------------------------------
    def write_batch(self, docs: list[IndexDoc], delete_ids: list[str]) -> None:
        from psycopg import sql

        if not docs and not delete_ids:
            return
        analysis.warm_up()
        rows = [_row(d) for d in sorted(docs, key=lambda d: d.id)]  # tokens outside the transaction
        deletes = sorted(delete_ids)
        touched = sorted({*deletes, *(r[0] for r in rows)})
        # the terms table gains a row per lexeme and batch (+ for the versions written, − for those
        # replaced or removed); a term's count is their sum, and a rebuild writes one row per term
        counts = sql.SQL("INSERT INTO {} (term, df) SELECT u.lexeme, {} FROM {} AS d, unnest(d.tokens) AS u"
                         " WHERE d.id = ANY(%s) GROUP BY u.lexeme")

        def run(conn: Any) -> None:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock_shared(hashtext(%s))", (self._lock_key,))
                live = self._state(conn)
                table, terms = self._name(live), self._name(terms_table(live))
                # One writer at a time per document (in one order, so writers do not deadlock): the
                # terms of the version it replaces are counted off exactly once.
                conn.execute(
                    "SELECT count(pg_advisory_xact_lock(hashtext(%s), k))"
                    " FROM (SELECT DISTINCT hashtext(i) AS k FROM unnest(%s::text[]) AS i ORDER BY k OFFSET 0) AS keys",
                    (self._lock_key, touched),
                )
                conn.execute(counts.format(terms, sql.SQL("-count(*)"), table), (touched,))
                if deletes:
                    conn.execute(sql.SQL("DELETE FROM {} WHERE id = ANY(%s)").format(table), (deletes,))
                if rows:
                    names = sql.SQL(", ").join(map(sql.Identifier, _COLUMNS))
                    updates = sql.SQL(", ").join(
                        sql.SQL("{0} = EXCLUDED.{0}").format(sql.Identifier(c)) for c in (*_COLUMNS[1:], "seq")
                    )
                    statement = sql.SQL("INSERT INTO {} ({}) VALUES ({}) ON CONFLICT (id) DO UPDATE SET {}").format(
                        table, names, sql.SQL(", ").join(sql.Placeholder() * len(_COLUMNS)), updates
                    )
                    with conn.cursor() as cur:
                        cur.executemany(statement, rows)
                    conn.execute(counts.format(terms, sql.SQL("count(*)"), table), ([r[0] for r in rows],))

        self._run(run)

    def rebuild(self, docs: Iterable[IndexDoc], vocabulary: Iterable[str] = (), pool_mb: int | None = None) -> int:
        """A new generation table filled and indexed, then made live, in one transaction (readers see
        the old one until it commits); old generations are dropped afterwards. `pool_mb` is Whoosh's
        writer memory: PostgreSQL bounds its own, and rows are streamed in batches."""
        words = sorted(set(vocabulary))
        if words:
            analysis.add_vocabulary(words)
        analysis.warm_up()
        gen = f"{time.time_ns():x}"
        with self._lock:
            count = self._run(lambda conn: self._build(conn, gen, docs, words), retry=False)
            self._vocabulary_gen = gen
            try:
                self._run(lambda conn: self._drop_old_generations(conn, keep=f"docs_{gen}"))
            except SearchError as exc:  # left for the next rebuild: readers may still hold them
                log.info("old search generations not dropped yet: %s", exc)
        return count

    def _build(self, conn: Any, gen: str, docs: Iterable[IndexDoc], words: list[str]) -> int:
        from psycopg import sql

        table = self._name(f"docs_{gen}")
        count = 0
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (self._lock_key,))
            conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(self.schema)))
            conn.execute(sql.SQL("CREATE SEQUENCE IF NOT EXISTS {}").format(self._name("doc_seq")))
            conn.execute(sql.SQL(
                "CREATE TABLE IF NOT EXISTS {} (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),"
                " gen text NOT NULL, format integer NOT NULL, vocabulary text[] NOT NULL)"
            ).format(self._name("state")))
            conn.execute(sql.SQL(
                "CREATE TABLE {} (id text PRIMARY KEY, seq bigint NOT NULL DEFAULT nextval({}),"
                " archive_path text NOT NULL, title text NOT NULL, indicator text NOT NULL, codes text[] NOT NULL,"
                " unit text NOT NULL, unit_tokens tsvector NOT NULL, doc_date text NOT NULL, kind text NOT NULL,"
                " status text NOT NULL, head text NOT NULL, body text NOT NULL, duplicates jsonb NOT NULL,"
                " tokens tsvector NOT NULL, head_tokens tsvector NOT NULL)"
            ).format(table, sql.Literal(f'"{self.schema}".doc_seq')))
            names = sql.SQL(", ").join(map(sql.Identifier, _COLUMNS))
            with conn.cursor() as cur, cur.copy(sql.SQL("COPY {} ({}) FROM STDIN").format(table, names)) as copy:
                for doc in docs:
                    copy.write_row(_row(doc))
                    count += 1
            for column, method in (("tokens", "gin"), ("head_tokens", "gin"), ("codes", "gin"),
                                   ("unit_tokens", "gin"), ("doc_date", "btree"), ("seq", "btree")):
                conn.execute(sql.SQL("CREATE INDEX ON {} USING {} ({})").format(
                    table, sql.SQL(method), sql.Identifier(column)))
            terms = self._name(terms_table(f"docs_{gen}"))
            conn.execute(sql.SQL("CREATE TABLE {} (term text NOT NULL, df bigint NOT NULL)").format(terms))
            conn.execute(sql.SQL("INSERT INTO {} (term, df) SELECT word, ndoc FROM ts_stat(%s)").format(terms),
                         (sql.SQL("SELECT tokens FROM {}").format(table).as_string(conn),))
            conn.execute(sql.SQL("CREATE INDEX ON {} (term)").format(terms))
            conn.execute(sql.SQL("ANALYZE {}").format(terms))
            conn.execute(sql.SQL("ANALYZE {}").format(table))
            stored = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(table)).fetchone()[0]
            if stored != count:
                raise SearchError(f"重建索引时丢失了文档（写入 {count}，索引中 {stored}）")
            conn.execute(sql.SQL(
                "INSERT INTO {} (only_row, gen, format, vocabulary) VALUES (true, %s, %s, %s)"
                " ON CONFLICT (only_row) DO UPDATE SET gen = EXCLUDED.gen, format = EXCLUDED.format,"
                " vocabulary = EXCLUDED.vocabulary"
            ).format(self._name("state")), (gen, INDEX_FORMAT, words))
        return count

    def _drop_old_generations(self, conn: Any, keep: str) -> None:
        from psycopg import errors, sql

        old = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = %s"
            " AND (tablename LIKE 'docs\\_%%' OR tablename LIKE 'terms\\_%%') AND tablename NOT IN (%s, %s)",
            (self.schema, keep, terms_table(keep)),
        )]
        for name in old:
            try:
                with conn.transaction():
                    conn.execute("SET LOCAL lock_timeout = '5s'")
                    conn.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(self._name(name)))
            except errors.LockNotAvailable:  # a long search still reads it: the next rebuild drops it
                log.info("old search generation %s still in use; left for the next rebuild", name)

    # reading ---------------------------------------------------------------------------------
    def search(self, query: ParsedQuery, filters: Filters, limit: int) -> list[RawHit]:
        return self._read(lambda conn, table: _Search(conn, self._name(table), self._name(terms_table(table)))
                          .run(query, filters, limit))

    def doc_count(self) -> int:
        from psycopg import sql

        return int(self._read(lambda conn, table: conn.execute(
            sql.SQL("SELECT count(*) FROM {}").format(self._name(table))).fetchone()[0]))

    def ids(self) -> set[str]:
        from psycopg import sql

        return self._read(lambda conn, table: {r[0] for r in conn.execute(
            sql.SQL("SELECT id FROM {}").format(self._name(table)))})

    def is_healthy(self) -> bool:
        """The live generation exists in the current format and its rows and GIN index can be read."""
        from psycopg import sql

        def probe(conn: Any, table: str) -> bool:
            name = self._name(table)
            conn.execute(sql.SQL("SELECT id, head, body FROM {} ORDER BY seq LIMIT 1").format(name)).fetchall()
            conn.execute(sql.SQL("SELECT count(*) FROM {} WHERE tokens @@ %s::tsquery").format(name), ("'县'",))
            conn.execute(sql.SQL("SELECT sum(df) FROM {} WHERE term = '县'").format(self._name(terms_table(table))))
            return True

        try:
            return self._read(probe)
        except Exception as exc:  # noqa: BLE001 - any failure here means "rebuild"
            log.info("search index unhealthy (it will be rebuilt): %s", exc)
            return False

    def close(self) -> None:
        """Drop staged changes and close the connection (the next use opens a new one)."""
        self.rollback()
        with self._lock:
            self._drop_connection()


def _row(doc: IndexDoc) -> tuple[Any, ...]:
    """A document as the table's columns (_COLUMNS), in COPY's and INSERT's text forms."""
    from psycopg.types.json import Jsonb

    head, body = _no_nul(doc.head), _no_nul(doc.body)
    tokens, _complete = document_vector(head, body)
    return (
        doc.id, _no_nul(doc.archive_path), _no_nul(doc.title), doc.indicator, doc.codes, _no_nul(prepare(doc.unit)),
        _unit_vector(_no_nul(doc.unit)), doc.doc_date, _no_nul(doc.kind), doc.status, head, body,
        Jsonb([list(d) for d in doc.duplicates]), tokens, _head_vector(head),
    )


def _no_nul(text: str) -> str:
    """PostgreSQL text cannot hold U+0000 (a broken extractor's output): a space keeps the offsets."""
    return text.replace("\x00", " ") if "\x00" in text else text


class _Search:
    """One query in one snapshot: candidates and ranking in SQL, then confirmation best-first
    against the stored text (ParsedQuery.matches), as the Whoosh engine does."""

    def __init__(self, conn: Any, table: Any, terms: Any) -> None:
        self.conn = conn
        self.table = table
        self.terms = terms

    def _filters(self, filters: Filters) -> tuple[list[Any], list[Any]]:
        from psycopg import sql

        where: list[Any] = []
        args: list[Any] = []
        if filters.indicator:
            where.append(sql.SQL("codes @> ARRAY[%s]::text[]"))
            args.append(filters.indicator.strip())
        if filters.kind:
            where.append(sql.SQL("kind = %s"))
            args.append(prepare(filters.kind))
        if filters.status:
            where.append(sql.SQL("status = %s"))
            args.append(filters.status.strip())
        if filters.unit:
            unit = form_query(prepare(filters.unit))
            where.append(sql.SQL("unit_tokens @@ %s::tsquery") if unit else sql.SQL("false"))
            if unit:
                args.append(unit)
        if filters.since or filters.until:
            where.append(sql.SQL("doc_date BETWEEN %s AND %s"))
            args += [filters.since or "0000", filters.until or "9999~"]
        return where, args

    def ranked(self, query: ParsedQuery, filters: Filters) -> list[tuple[str, float]]:
        """Candidate ids, best first (at most MAX_CHECKED).

        The shortlist is the SHORTLIST best candidates by (literal, head score, newest), as if every
        candidate were scored — without reading them all, which at a province's size is most of the
        time: candidates whose head holds none of the terms all have head score 0, so of them only
        the newest are needed (read newest first until enough are found), and those whose head holds
        a term are few (a head is a title, a unit, a 文号). Only the shortlist gets the full score."""
        from psycopg import sql

        where, args = self._filters(filters)
        units = _query_units(query)
        if not units:
            condition = sql.SQL(" AND ").join(where) if where else sql.SQL("true")
            rows = self.conn.execute(
                sql.SQL("SELECT id, 1.0 FROM {} WHERE {} ORDER BY seq DESC LIMIT %s").format(self.table, condition),
                [*args, MAX_CHECKED],
            ).fetchall()
            return [(r[0], float(r[1])) for r in rows]
        match = _units_query(units)
        if match is None:
            return []
        literal = _units_query([[forms[0]] for forms in units]) if query.expanded else None
        terms = _rank_terms(units)
        # Term lookups through the GIN index, never a scan that reads every document's vector (the
        # planner prefers one for a term in most documents; with the index it is a tenth of the time).
        # No JIT: compiling these statements would take longer than running them. A plan for the
        # terms at hand, never a generic one (psycopg prepares a statement run often): how to read
        # the candidates depends on how common the terms are.
        self.conn.execute("SET LOCAL enable_seqscan = off")
        self.conn.execute("SET LOCAL jit = off")
        self.conn.execute("SET LOCAL plan_cache_mode = force_custom_plan")
        operands, idf, df = self._idf(terms)
        candidates = f"({match}) | {_lexeme(INCOMPLETE)}"
        heads = " | ".join(operands)
        # the literal matches first (as the Whoosh engine), each class by head score, then newest first
        classes = ([(True, f"({candidates}) & ({literal})"), (False, f"({candidates}) & !({literal})")]
                   if literal else [(False, candidates)])
        estimate = _estimate(units, df)
        shortlist: list[tuple[str, int, bool]] = []
        for is_literal, held in classes:
            if len(shortlist) < SHORTLIST:
                shortlist += [(i, seq, is_literal) for i, seq in
                              self._head_matches(held, heads, where, args, SHORTLIST - len(shortlist), estimate)]
            if len(shortlist) < SHORTLIST:
                shortlist += [(i, seq, is_literal) for i, seq in
                              self._newest_others(held, heads, where, args, SHORTLIST - len(shortlist))]
        if not shortlist:
            return []
        statement = sql.SQL(
            "SELECT s.id, coalesce((SELECT sum(t.idf * ts_rank(%s::float4[], d.vector, t.q, 1))"
            "   FROM unnest(%s::tsquery[], %s::float8[]) AS t(q, idf)), 0) AS score"
            " FROM unnest(%s::text[], %s::bigint[], %s::boolean[]) AS s(id, seq, literal) CROSS JOIN LATERAL"
            "   (SELECT tokens || ''::tsvector AS vector FROM {} WHERE id = s.id OFFSET 0) AS d"
            " ORDER BY s.literal DESC, score DESC, s.seq DESC"
        ).format(self.table)
        ids, seqs, literals = (list(column) for column in zip(*shortlist, strict=True))
        params = [RANK_WEIGHTS, operands, idf, ids, seqs, literals]
        return [(r[0], float(r[1])) for r in self.conn.execute(statement, params).fetchall()]

    def _idf(self, terms: dict[str, str | None]) -> tuple[list[str], list[float], dict[str, int]]:
        """The operands, their BM25 idf and their document counts. A lexeme's count is read from the
        generation's terms table (counting through the GIN index would read the table's page of every
        document holding it: most of a province's pages for a common term); a prefix is counted."""
        from psycopg import sql

        operands = list(terms)
        lexemes = [t for t in terms.values() if t is not None]
        counts = dict(self.conn.execute(
            sql.SQL("SELECT term, sum(df)::bigint FROM {} WHERE term = ANY(%s) GROUP BY term").format(self.terms),
            (lexemes,),
        ).fetchall()) if lexemes else {}
        df = []
        for operand, term in terms.items():
            if term is None:
                row = self.conn.execute(sql.SQL("SELECT count(*) FROM {} WHERE tokens @@ %s::tsquery").format(
                    self.table), (operand,)).fetchone()
                df.append(int(row[0]))
            else:
                df.append(int(counts.get(term, 0)))
        # N is the planner's row count (ANALYZE at every rebuild, autovacuum after): counting the
        # rows on every query would cost more than the rest of it, and idf only needs the order of size.
        rows = self.conn.execute(
            "SELECT ln(1 + (n.docs - t.df + 0.5) / (t.df + 0.5))"
            " FROM unnest(%s::bigint[]) WITH ORDINALITY AS t(df, i),"
            " (SELECT greatest(c.reltuples, %s::bigint, 1)::float8 AS docs FROM pg_class c"
            "  WHERE c.oid = %s::regclass) AS n"
            " ORDER BY t.i",
            (df, max(df, default=0), self.table.as_string(self.conn)),
        ).fetchall()
        return operands, [float(r[0]) for r in rows], dict(zip(operands, df, strict=True))

    def _head_matches(self, held: str, heads: str, where: list[Any], args: list[Any], limit: int,
                      estimate: int) -> list[tuple[str, int]]:
        """Of the documents holding `held`, those whose head holds a rank term: the best `limit` by head
        score, then newest. Where such heads are few beside the candidates, they are read first and
        each is checked for `held` (a common term's GIN lookup alone would take longer than that);
        otherwise the two GIN lookups are intersected."""
        from psycopg import sql

        condition = sql.SQL("").join(sql.SQL(" AND ") + w for w in where)
        heads_first = False
        if estimate > HEADS_FIRST:
            plan = self.conn.execute(
                sql.SQL("EXPLAIN (FORMAT JSON) SELECT 1 FROM {} WHERE head_tokens @@ %s::tsquery").format(self.table),
                (heads,),
            ).fetchone()[0]
            heads_first = plan[0]["Plan"]["Plan Rows"] * 10 < min(estimate, HEADS_FIRST * 10)
        if heads_first:  # in head-score order, each checked for `held` until enough are found
            statement = sql.SQL(
                "SELECT id, seq FROM (SELECT id, seq, tokens, ts_rank('{{1,1,1,1}}', head_tokens, %s::tsquery) AS head"
                "   FROM {} WHERE head_tokens @@ %s::tsquery{} ORDER BY head DESC, seq DESC OFFSET 0) AS h"
                " WHERE tokens @@ %s::tsquery ORDER BY head DESC, seq DESC LIMIT %s"
            ).format(self.table, condition)
            params = [heads, heads, *args, held, limit]
        else:
            statement = sql.SQL(
                "SELECT id, seq FROM {} WHERE tokens @@ %s::tsquery AND head_tokens @@ %s::tsquery{}"
                " ORDER BY ts_rank('{{1,1,1,1}}', head_tokens, %s::tsquery) DESC, seq DESC LIMIT %s"
            ).format(self.table, condition)
            params = [held, heads, *args, heads, limit]
        return [(r[0], int(r[1])) for r in self.conn.execute(statement, params).fetchall()]

    def _newest_others(self, held: str, heads: str, where: list[Any], args: list[Any],
                       limit: int) -> list[tuple[str, int]]:
        """Of the documents holding `held`, the newest `limit` whose head holds no rank term (head score
        0, so newest first is their order): read newest first where there are many (the planner sees
        how many from the GIN statistics), else looked up and sorted."""
        from psycopg import sql

        condition = sql.SQL("").join(sql.SQL(" AND ") + w for w in where)
        statement = sql.SQL(
            "SELECT id, seq FROM {} WHERE tokens @@ %s::tsquery AND NOT (head_tokens @@ %s::tsquery){}"
            " ORDER BY seq DESC LIMIT %s"
        ).format(self.table, condition)
        return [(r[0], int(r[1])) for r in self.conn.execute(statement, [held, heads, *args, limit]).fetchall()]

    def stored(self, ids: list[str]) -> dict[str, tuple[Any, ...]]:
        from psycopg import sql

        rows = self.conn.execute(
            sql.SQL("SELECT id, archive_path, indicator, title, unit, head, body, duplicates FROM {}"
                    " WHERE id = ANY(%s)").format(self.table),
            (ids,),
        ).fetchall()
        return {r[0]: r for r in rows}

    def run(self, query: ParsedQuery, filters: Filters, limit: int) -> list[RawHit]:
        ranked = self.ranked(query, filters)
        unit_pattern = form_pattern(prepare(filters.unit)) if filters.unit else None
        hits: list[RawHit] = []
        for batch in _batches(ranked, limit):
            rows = self.stored([doc_id for doc_id, _ in batch])
            for doc_id, score in batch:
                row = rows.get(doc_id)
                if row is None:
                    continue
                _id, archive_path, indicator, title, unit, head, body, duplicates = row
                if unit_pattern and not unit_pattern.search(unit or ""):
                    continue
                ok, bonus = query.matches(head, body)
                if not ok:
                    continue
                hit = RawHit(doc_id, archive_path, indicator, title, score * (1.0 + 0.5 * bonus), head, body,
                             [tuple(d) for d in duplicates or []])  # type: ignore[misc]
                if query.expanded:
                    hit.near = query.near_terms(head, body)
                hits.append(hit)
            if len(hits) >= limit:
                break
        hits.sort(key=lambda h: (bool(h.near), -h.score))  # literal matches first, then by score
        return hits[:limit]


def _batches(ranked: list[tuple[str, float]], limit: int) -> Iterator[list[tuple[str, float]]]:
    """The candidates in the order they are confirmed: a first batch a little over `limit`, then
    larger ones (most candidates of a precise query are confirmed; of a broad one, few are read)."""
    start, size = 0, limit * 3 + 10
    while start < len(ranked):
        yield ranked[start:start + size]
        start += size
        size = limit * 20
