"""The search seam: [search] backend in archivist.toml, open_search(ws), staged writes, and closing.

What a user notices: a wrong backend name stops every command with one line that names the valid
ones; an index written before the search package was split still answers without a rebuild; a web
server or a watch that stops lets go of the index files (a rebuilt index's old generation is then
really gone from the disk).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from archivist.catalogue import Catalogue
from archivist.search import SearchIndex, open_search, sync_index
from archivist.workspace import Workspace, WorkspaceError
from tests.conftest import Cli
from tests.test_search import rec

REPORT = "河口镇2024年农村户厕改造验收报告\n全镇完成改厕1460户，验收合格。"
PLAN = "杏花村人居环境整治方案\n垃圾治理和污水治理同步推进。"


def _set_search(ws: Workspace, table: str) -> Workspace:
    with (ws.root / "archivist.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n[search]\n" + table + "\n")
    return Workspace(ws.root)


def _ingest_two(ws: Workspace, cli: Cli) -> None:
    (ws.inbox / "验收报告.txt").write_text(REPORT, encoding="utf-8")
    (ws.inbox / "整治方案.txt").write_text(PLAN, encoding="utf-8")
    cli("ingest", str(ws.inbox))


def _held(folder: Path) -> list[str]:
    """Files under `folder` this process holds open or mapped."""
    where = str(folder.resolve())
    held = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            held.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            continue
    with open("/proc/self/maps", encoding="utf-8", errors="replace") as fh:
        held += [line.split()[-1] for line in fh if where in line]
    return sorted({p for p in held if p.startswith(where)})


needs_proc = pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc")


# [search] backend ------------------------------------------------------------------------------
def test_the_default_and_an_explicit_whoosh_backend_find_the_same(ws: Workspace, cli: Cli) -> None:
    _ingest_two(ws, cli)
    default = [h["title"] for h in cli.json("search", "改厕", "验收")]
    explicit = Cli(_set_search(ws, 'backend = "whoosh"'))
    assert default == ["河口镇2024年农村户厕改造验收报告"]
    assert [h["title"] for h in explicit.json("search", "改厕", "验收")] == default


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ('backend = "opensearch"', ["'opensearch'", '"whoosh"']),
        ('backend = "Whoosh "', None),  # case and stray spaces are forgiven
        ("backend = 3", ["3", '"whoosh"']),
        ('engine = "whoosh"', ["engine", "backend"]),
    ],
)
def test_a_wrong_search_backend_stops_every_command_in_one_line(ws: Workspace, table: str,
                                                                words: list[str] | None) -> None:
    if words is None:
        _set_search(ws, table)  # loads
        return
    with pytest.raises(WorkspaceError) as caught:
        _set_search(ws, table)
    message = str(caught.value)
    assert "\n" not in message and "archivist.toml" in message and "[search]" in message
    assert all(w in message for w in words), message
    assert message in Cli(ws)("status", expect=1)  # the CLI says the same before doing anything


# the index on disk -----------------------------------------------------------------------------
def test_an_index_written_before_the_package_split_opens_without_a_rebuild(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Such an index names archivist.analysis.ChineseTokenizer (and BigramTokenizer, ScanWeights) and
    archivist.search.LengthCachingW3Codec in its pickled table of contents; both names must still load."""
    from archivist.search import whoosh_backend

    for cls, old in [(whoosh_backend.ChineseTokenizer, "archivist.analysis"),
                     (whoosh_backend.BigramTokenizer, "archivist.analysis"),
                     (whoosh_backend.ScanWeights, "archivist.analysis"),
                     (whoosh_backend.LengthCachingW3Codec, "archivist.search")]:
        monkeypatch.setattr(cls, "__module__", old)  # pickled under the old names, as the old code did
    writer = SearchIndex(ws.whoosh_dir)
    writer.rebuild([rec("a1", REPORT, title="验收报告"), rec("a2", PLAN, title="整治方案")])
    writer.add([rec("a3", "云峰镇公益性岗位考勤表", title="考勤表")])  # a segment with the codec's old name too
    writer.close()
    monkeypatch.undo()
    tocs = list(ws.whoosh_dir.glob("gen-*/*.toc"))
    assert tocs and all(b"archivist.analysis" in t.read_bytes() for t in tocs)
    current = (ws.whoosh_dir / "CURRENT").read_text(encoding="utf-8")

    with SearchIndex(ws.whoosh_dir) as reader:
        assert reader.is_healthy()
        assert [h.id for h in reader.search("改厕 1460户")] == ["a1"]
        assert [h.id for h in reader.search("公益岗")] == ["a3"]
    assert (ws.whoosh_dir / "CURRENT").read_text(encoding="utf-8") == current  # not rebuilt


def test_staged_changes_the_last_one_for_an_id_wins_and_a_rollback_writes_nothing(make_index: Any) -> None:
    from archivist.search import to_index_doc

    with make_index() as index:
        index.rebuild([rec("a1", REPORT), rec("a2", PLAN)])
        backend = index.backend
        backend.add([to_index_doc(rec("a3", "云峰镇公益性岗位考勤表"))])
        backend.delete(["a3", "a2"])
        backend.add([to_index_doc(rec("a2", PLAN))])
        backend.commit()
        assert index.ids() == {"a1", "a2"}
        backend.delete(["a1"])
        backend.rollback()
        backend.commit()  # nothing staged: nothing written
        assert index.ids() == {"a1", "a2"}
        index.update([rec("a1", REPORT)], ["a1", "a2"])  # a record also named for removal is upserted
        assert index.ids() == {"a1"}


# closing ---------------------------------------------------------------------------------------
@needs_proc
def test_a_closed_index_lets_go_of_its_files_and_opens_again_when_used(ws: Workspace, cli: Cli) -> None:
    _ingest_two(ws, cli)
    index = open_search(ws)
    assert [h.title for h in index.search("杏花村")] == ["杏花村人居环境整治方案"]
    assert _held(ws.whoosh_dir)
    index.close()
    assert _held(ws.whoosh_dir) == []
    assert [h.title for h in index.search("杏花村")] == ["杏花村人居环境整治方案"]
    index.close()


@needs_proc
def test_the_web_server_closes_its_search_index_on_shutdown(ws: Workspace, cli: Cli) -> None:
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from archivist.web import create_app

    _ingest_two(ws, cli)
    app = create_app(ws, host="127.0.0.1")
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        page = client.get("/search", params={"q": "改厕"}).text
        assert "户厕改造验收报告" in page
        assert _held(ws.whoosh_dir), "the server keeps one index open between requests"
    assert _held(ws.whoosh_dir) == []


@needs_proc
def test_watch_files_through_one_index_and_closes_it_when_done(ws: Workspace) -> None:
    from archivist.watch import Watcher

    (ws.inbox / "验收报告.txt").write_text(REPORT, encoding="utf-8")
    watcher = Watcher(Workspace(ws.root), settle_seconds=0)
    records = watcher.run_once(timeout=60)
    assert [r["status"] for r in records] == ["filed"]
    assert _held(ws.whoosh_dir) == []
    with open_search(ws) as index:
        assert [h.title for h in index.search("改厕")] == ["河口镇2024年农村户厕改造验收报告"]
    catalogue = Catalogue(ws.catalogue_path)
    try:
        assert sync_index(ws, catalogue) == 0  # watch left nothing pending
    finally:
        catalogue.close()


# imports ---------------------------------------------------------------------------------------
def test_the_search_package_loads_whoosh_only_for_the_whoosh_backend() -> None:
    """Everything above the backend (query parsing, snippets, the concept table, the text analysis)
    imports without Whoosh, in either order (archivist.concepts first was an import cycle)."""
    code = (
        "import sys\n"
        "import archivist.concepts, archivist.analysis\n"
        "from archivist.search import parse_query, make_snippet, open_search, sync_index, SearchIndex\n"
        "parse_query('改厕 验收')\n"
        "assert not [m for m in sys.modules if m.startswith('whoosh')], 'whoosh imported'\n"
        "from archivist.search import WhooshBackend\n"
        "assert 'whoosh' in sys.modules\n"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
