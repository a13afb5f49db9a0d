"""What is particular to the PostgreSQL search backend (the shared behaviour is tested on both
backends in test_search.py): the rebuild swap as a concurrent reader sees it, writers committing at
the same time, a rebuild that fails, documents too large for one tsvector, tenants on one server,
the [search] settings and their one-line messages, and letting go of the connection.

Runs against the session's throwaway cluster (tests/pgserver.py); skipped, saying why, where none
can be started.
"""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from archivist.catalogue import Catalogue
from archivist.search import SearchError, SearchIndex, open_index, open_search, pg_backend, to_index_doc
from archivist.search.pg_backend import INDEX_FORMAT, PostgresBackend, document_vector, terms_table
from archivist.workspace import Workspace, WorkspaceError
from tests.conftest import Cli
from tests.pgserver import PgServer
from tests.test_search import CORPUS, _catalogue_with, ids, rec


@pytest.fixture()
def schema(pg_server: PgServer) -> Iterator[str]:
    name = pg_server.new_schema()
    yield name
    pg_server.drop_schema(name)


def _index(server: PgServer, schema: str, tmp_path: Path) -> SearchIndex:
    return SearchIndex(tmp_path / "whoosh", PostgresBackend(server.dsn, schema))


def _set_search(ws: Workspace, table: str) -> Workspace:
    with (ws.root / "archivist.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n[search]\n" + table + "\n")
    return Workspace(ws.root)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nothing listens there once the socket is closed


# rebuild and writers ---------------------------------------------------------------------------
def test_a_reader_sees_the_old_index_or_the_new_one_whole_while_rebuilds_swap(
    pg_server: PgServer, schema: str, tmp_path: Path
) -> None:
    old = [rec(f"old{n}", f"旧版索引第{n}号文档，共同标记青石桥。") for n in range(300)]
    new = [rec(f"new{n}", f"新版索引第{n}号文档，共同标记青石桥。") for n in range(200)]
    generations = {frozenset(r["id"] for r in old), frozenset(r["id"] for r in new)}
    writer, reader = _index(pg_server, schema, tmp_path), _index(pg_server, schema, tmp_path)
    writer.rebuild(old)
    errors: list[BaseException] = []

    def rebuild() -> None:
        try:
            for n in range(6):
                writer.rebuild(new if n % 2 == 0 else old)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    thread = threading.Thread(target=rebuild)
    thread.start()
    seen: set[frozenset[str]] = set()
    while thread.is_alive():
        found = frozenset(h.id for h in reader.search("共同标记青石桥", limit=500))
        assert found in generations, f"a mixed or partial index: {len(found)} documents"
        seen.add(found)
        assert frozenset(reader.ids()) in generations
    thread.join()
    assert not errors, errors
    assert len(seen) == 2, "the reader saw only one generation: the test did not overlap the swaps"
    assert reader.ids() == {r["id"] for r in old}
    tables = _tables(pg_server, schema)
    assert len([t for t in tables if t.startswith("docs_")]) == 1, tables  # old generations dropped
    writer.close()
    reader.close()


def _tables(server: PgServer, schema: str) -> list[str]:
    import psycopg

    with psycopg.connect(server.dsn) as conn:
        return [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", (schema,))]


def test_two_writers_commit_batches_at_the_same_time(pg_server: PgServer, schema: str, tmp_path: Path) -> None:
    """Each has its own connection; both write the same shared ids in every batch, in opposite
    orders, which is where two transactions could deadlock."""
    first = _index(pg_server, schema, tmp_path)
    first.rebuild(CORPUS)
    second = _index(pg_server, schema, tmp_path)
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def write(index: SearchIndex, name: str, shared: list[str]) -> None:
        try:
            start.wait()
            for n in range(15):
                batch = [rec(f"{name}{n}-{k}", f"{name}写入第{n}批，完整内容结束标记。") for k in range(6)]
                batch += [rec(s, f"共享文档{s}由{name}写入，完整内容结束标记。") for s in shared]
                index.add(batch)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    shared = [f"shared{k}" for k in range(8)]
    threads = [threading.Thread(target=write, args=(first, "甲", shared)),
               threading.Thread(target=write, args=(second, "乙", shared[::-1]))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    present = first.ids()
    assert len([i for i in present if re.match(r"[甲乙]\d+-", i)]) == 2 * 15 * 6
    assert set(shared) <= present
    found = ids(second.search("甲写入 结束标记", limit=200))
    assert len([i for i in found if re.match(r"甲\d+-", i)]) == 15 * 6
    shared_hits = second.search("共享文档", limit=50)
    assert sorted(ids(shared_hits)) == sorted(shared)
    assert all(re.fullmatch(r"共享文档shared\d由[甲乙]写入，完整内容结束标记。", h.plain) for h in shared_hits)
    assert "toilet" in ids(second.search("改厕"))
    first.close()
    second.close()


def test_a_rebuild_that_fails_leaves_the_old_index_answering(pg_server: PgServer, schema: str,
                                                             tmp_path: Path) -> None:
    index = _index(pg_server, schema, tmp_path)
    index.rebuild(CORPUS)

    def broken() -> Iterator[dict[str, Any]]:
        yield rec("half", "只写了一半的新索引。")
        raise OSError("catalogue read failed")

    with pytest.raises(OSError):
        index.rebuild(broken())
    assert ids(index.search("杏花村")) == ["toilet"]
    assert "half" not in index.ids()
    assert len([t for t in _tables(pg_server, schema) if t.startswith("docs_")]) == 1
    index.close()


def test_an_index_of_an_older_format_is_rebuilt_from_the_catalogue(pg_server: PgServer, schema: str,
                                                                   ws: Workspace) -> None:
    import psycopg

    ws = _set_search(ws, f'backend = "postgresql"\ndsn = "{pg_server.dsn}"\nschema = "{schema}"')
    _catalogue_with(ws, CORPUS).close()
    open_index(ws).close()
    with psycopg.connect(pg_server.dsn) as conn:
        conn.execute(f'UPDATE "{schema}".state SET format = %s', (INDEX_FORMAT - 1,))
    with open_search(ws) as stale:
        assert not stale.is_healthy()
    with open_index(ws) as index:
        assert ids(index.search("长者饭堂")) == ["trad"]
        assert index.is_healthy()


# documents -------------------------------------------------------------------------------------
def test_a_document_too_large_for_one_tsvector_is_still_found_by_its_last_line(
    pg_server: PgServer, schema: str, tmp_path: Path
) -> None:
    """A ledger of 60,000 distinct numbers holds more terms than one tsvector can (1 MB): the
    words at its end are found all the same (confirmed on the stored text)."""
    ledger = "、".join(f"{100000 + n}号" for n in range(60000)) + "。以上清册经龙潭村委会核对无误。"
    record = rec("ledger", ledger, title="农户编号清册", kind="台账")
    doc = to_index_doc(record)
    vector, complete = document_vector(doc.head, doc.body)
    assert not complete and "龙潭" not in vector
    index = _index(pg_server, schema, tmp_path)
    index.rebuild([record, rec("other", "龙潭镇人居环境整治方案。", title="整治方案")])
    assert ids(index.search("龙潭村委会")) == ["ledger"]
    assert set(ids(index.search("龙潭"))) == {"other", "ledger"}
    assert ids(index.search("159999号")) == ["ledger"]
    assert ids(index.search("整治方案")) == ["other"]
    index.close()


# ranking at a province's size ------------------------------------------------------------------
def _term_counts(server: PgServer, schema: str, terms: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Per term: the terms table's count, and the documents holding it counted through the index."""
    import psycopg

    with psycopg.connect(server.dsn, autocommit=True) as conn:
        gen = conn.execute(f'SELECT gen FROM "{schema}".state').fetchone()[0]
        docs, table = f'"{schema}"."docs_{gen}"', f'"{schema}"."{terms_table(f"docs_{gen}")}"'
        kept = {t: int(conn.execute(f"SELECT coalesce(sum(df), 0) FROM {table} WHERE term = %s", (t,)).fetchone()[0])
                for t in terms}
        held = {t: int(conn.execute(f"SELECT count(*) FROM {docs} WHERE tokens @@ %s::tsquery",
                                    ("'" + t + "'",)).fetchone()[0]) for t in terms}
    return kept, held


def test_document_counts_follow_every_write(pg_server: PgServer, schema: str, tmp_path: Path) -> None:
    """Ranking reads a term's document count from the generation's terms table (a province's GIN
    count would read most of its pages): it stays what the documents hold through upserts, a
    document replaced, deletions and a rebuild."""
    index = _index(pg_server, schema, tmp_path)
    index.rebuild([rec("a", "龙潭村水库除险加固。"), rec("b", "龙潭村人居环境整治。", title="整治方案")])
    terms = ["龙潭", "水库", "整治", "加固", "山塘"]
    kept, held = _term_counts(pg_server, schema, terms)
    assert kept == held and held["龙潭"] == 2
    index.add([rec("c", "白石村山塘清淤，水库巡查。"), rec("a", "龙潭村山塘整治。")])  # a new one, a replaced one
    index.delete(["b"])
    kept, held = _term_counts(pg_server, schema, terms)
    assert kept == held and held == {"龙潭": 1, "水库": 1, "整治": 1, "加固": 0, "山塘": 2}
    assert ids(index.search("水库")) == ["c"]
    index.rebuild([rec("d", "水库水库。")])
    kept, held = _term_counts(pg_server, schema, terms)
    assert kept == held and held["水库"] == 1 and held["龙潭"] == 0
    index.close()


def test_the_shortlist_is_what_scoring_every_candidate_would_keep(
    pg_server: PgServer, schema: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Of many candidates only SHORTLIST are scored; they are the ones the head score and then
    recency put first, even where those are the oldest documents: every document whose head holds
    the word (the more of the query's terms, the earlier), then the newest of the rest."""
    monkeypatch.setattr(pg_backend, "SHORTLIST", 6)
    records = [rec(f"t{i}", "龙潭村水库除险加固。", title="龙潭水库除险方案") for i in range(2)]
    records += [rec("one", "龙潭村水库除险加固。", title="水库巡查")]
    records += [rec(f"b{i:02d}", f"第{i}号通知：龙潭村水库除险加固。", title=f"工作通知{i}") for i in range(30)]
    index = _index(pg_server, schema, tmp_path)
    index.rebuild(records)
    found = ids(index.search("龙潭水库"))
    assert sorted(found[:3]) == ["one", "t0", "t1"] and found.index("t0") < found.index("one")
    assert sorted(found[3:]) == ["b27", "b28", "b29"]  # the newest of those whose head lacks every term
    assert sorted(ids(index.search('"龙潭村水库"'))) == ["b27", "b28", "b29", "one", "t0", "t1"]
    index.close()


def test_workspaces_on_one_server_each_see_only_their_own_schema(pg_server: PgServer, tmp_path: Path) -> None:
    first, second = pg_server.new_schema(), pg_server.new_schema()
    try:
        a = _index(pg_server, first, tmp_path)
        b = _index(pg_server, second, tmp_path)
        a.rebuild(CORPUS)
        b.rebuild([rec("toilet", "青石镇完成危房改造86户。", title="危房改造总结")])
        assert ids(a.search("杏花村")) == ["toilet"] and ids(b.search("杏花村")) == []
        assert ids(b.search("危房改造")) == ["toilet"] and ids(a.search("危房改造")) == []
        assert b.ids() == {"toilet"} and a.doc_count() == len(CORPUS) - 1
        a.close()
        b.close()
    finally:
        pg_server.drop_schema(first)
        pg_server.drop_schema(second)


# settings and messages -------------------------------------------------------------------------
def test_postgresql_without_a_dsn_stops_every_command_in_one_line(ws: Workspace) -> None:
    with pytest.raises(WorkspaceError) as caught:
        _set_search(ws, 'backend = "postgresql"')
    message = str(caught.value)
    assert "\n" not in message and "archivist.toml" in message and "dsn" in message
    assert "ARCHIVIST_SEARCH_DSN" in message
    out = Cli(ws)("status", expect=1)
    assert message in out and "Traceback" not in out


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ('backend = "postgresql"\ndsn = "mysql://db/archive"', ["postgresql://"]),
        ('backend = "postgresql"\ndsn = "postgresql://archivist:s3cret@db/archive"', ["密码", "PGPASSWORD"]),
        ('backend = "postgresql"\ndsn = "postgresql://db/archive"\nschema = "清山县"', ["schema", "小写字母"]),
    ],
)
def test_a_wrong_dsn_or_schema_is_refused_in_one_line(ws: Workspace, table: str, words: list[str]) -> None:
    with pytest.raises(WorkspaceError) as caught:
        _set_search(ws, table)
    message = str(caught.value)
    assert "\n" not in message and "archivist.toml" in message
    assert all(w in message for w in words), message
    assert "s3cret" not in message


def test_the_dsn_may_come_from_the_environment(ws: Workspace, pg_server: PgServer, schema: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARCHIVIST_SEARCH_DSN", pg_server.dsn)
    ws = _set_search(ws, f'backend = "postgresql"\nschema = "{schema}"')
    _catalogue_with(ws, CORPUS).close()
    hits = Cli(ws).json("search", "杏花村")
    assert [h["id"] for h in hits] == ["toilet", "dup"]  # the original, then its byte-identical copy
    assert schema in _schemas(pg_server)


def _schemas(server: PgServer) -> list[str]:
    import psycopg

    with psycopg.connect(server.dsn) as conn:
        return [r[0] for r in conn.execute("SELECT nspname FROM pg_namespace")]


def test_an_unreachable_server_is_one_line_naming_the_setting(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("psycopg")
    ws = _set_search(ws, f'backend = "postgresql"\ndsn = "postgresql://archivist@127.0.0.1:{_closed_port()}/x"')
    _catalogue_with(ws, CORPUS).close()
    cli = Cli(ws)
    out = cli("search", "杏花村", expect=1)
    assert "无法连接检索数据库" in out and "archivist.toml" in out and "Traceback" not in out
    assert len(out.strip().splitlines()) == 1, out
    with pytest.raises(SearchError) as caught:
        open_search(ws).search("杏花村")
    assert "\n" not in str(caught.value)
    # the password of a DSN from the environment is never shown
    monkeypatch.setenv("ARCHIVIST_SEARCH_DSN", f"postgresql://archivist:s3cret@127.0.0.1:{_closed_port()}/x")
    out = Cli(Workspace(ws.root))("search", "杏花村", expect=1)
    assert "ARCHIVIST_SEARCH_DSN" in out and "s3cret" not in out and "***" in out


def test_ingest_files_the_document_when_the_search_server_is_down(ws: Workspace) -> None:
    """The index is derived: filing goes on and says the index is behind."""
    pytest.importorskip("psycopg")
    ws = _set_search(ws, f'backend = "postgresql"\ndsn = "postgresql://archivist@127.0.0.1:{_closed_port()}/x"')
    (ws.inbox / "验收报告.txt").write_text("河口镇2024年农村户厕改造验收报告\n全镇完成改厕1460户。", encoding="utf-8")
    out = Cli(ws)("ingest", str(ws.inbox))
    assert "检索索引未能更新" in out and "Traceback" not in out
    catalogue = Catalogue(ws.catalogue_path)
    try:
        assert [r["status"] for r in catalogue.records()] == ["filed"]
    finally:
        catalogue.close()


# connections -----------------------------------------------------------------------------------
def test_close_ends_the_connection_and_the_index_reopens_when_used(pg_server: PgServer, schema: str,
                                                                  tmp_path: Path) -> None:
    index = _index(pg_server, schema, tmp_path)
    index.rebuild(CORPUS)
    name = index.backend.application_name  # type: ignore[attr-defined]
    assert pg_server.connections(name) == 1
    index.backend.add([to_index_doc(rec("staged", "只暂存未提交的文档。"))])
    index.close()
    assert pg_server.connections(name) == 0
    assert ids(index.search("杏花村")) == ["toilet"]  # reopened
    assert "staged" not in index.ids()  # what was staged when it closed was dropped
    assert pg_server.connections(name) == 1
    index.close()
    assert pg_server.connections(name) == 0


def test_the_web_server_closes_its_connection_on_shutdown(pg_server: PgServer, schema: str, ws: Workspace) -> None:
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from archivist.web import create_app

    ws = _set_search(ws, f'backend = "postgresql"\ndsn = "{pg_server.dsn}"\nschema = "{schema}"')
    _catalogue_with(ws, CORPUS).close()
    name = PostgresBackend(pg_server.dsn, schema).application_name
    app = create_app(ws, host="127.0.0.1")
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        page = client.get("/search", params={"q": "杏花村"}).text
        assert "2024年农村改厕工作总结" in page
        assert pg_server.connections(name) >= 1, "the server keeps its index open between requests"
    assert pg_server.connections(name) == 0
