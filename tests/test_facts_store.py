"""The facts store (index/cache/facts.sqlite3) read back through real reports: a report asks the store
for one indicator's evidence at a time, quotes the right facts however many unrelated rows the store
holds, trusts a row of its own version and recomputes any other, replaces the old facts.json and a
damaged store; the prefix pick (facts.leading) chooses exactly what a pick over everything chooses;
the 自评报告's 佐证材料目录, streamed into the file, lists every counted piece of evidence."""

from __future__ import annotations

import hashlib
import json
import random
import re
import sqlite3
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import Cli
from test_reports import DATE, sample_workspace

from archivist.assess import facts as facts_module
from archivist.assess.facts import (
    FACTS_STORE,
    FACTS_VERSION,
    STORE_LAYOUT,
    Fact,
    Statement,
    _to_cache,
    leading,
    pick,
)
from archivist.assess.sha_cache import ShaStore
from archivist.catalogue import Catalogue
from archivist.workspace import Workspace

TOILETS = "河口镇完成户厕改造320户"  # the sample's township report says "全镇完成户厕改造320户…"
VERSION = f"{FACTS_VERSION}/{STORE_LAYOUT}"


def _text(path: Path) -> str:
    d = docx.Document(str(path))
    return "\n".join([p.text for p in d.paragraphs] + ["|".join(c.text for c in r.cells)
                                                       for t in d.tables for r in t.rows])


def _write(cli: Cli, path: Path, kind: str = "self-eval", *args: str) -> str:
    cli("report", kind, "--out", str(path), "--date", DATE, *args)
    return _text(path)


def _filed(ws: Workspace) -> list[dict]:
    cat = Catalogue(ws.catalogue_path)
    try:
        return cat.records(status="filed", with_text=True)
    finally:
        cat.close()


def _toilet_sha(ws: Workspace) -> str:
    return next(r["sha256"] for r in _filed(ws) if "全镇完成户厕改造320户" in (r["text"] or ""))


def _store_rows(ws: Workspace) -> dict[str, str]:
    db = sqlite3.connect(ws.cache_dir / FACTS_STORE)
    try:
        return dict(db.execute("SELECT sha, version FROM results"))
    finally:
        db.close()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, Cli]:
    return sample_workspace(tmp_path_factory, "facts_store")


def test_a_report_reads_its_indicators_facts_only_among_many_unrelated_rows(
        sample: tuple[Workspace, Cli], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws, cli = sample
    first = _write(cli, tmp_path / "first.docx")
    assert TOILETS in first
    # 5,000 rows of files this archive does not hold, each quoting a figure no document has
    unrelated = {hashlib.sha256(f"别处的文件{i}".encode()).hexdigest(): _to_cache([Statement(
        "x", "text", 0, "全县完成户厕改造99999户", (Fact("x", 99999, "户", "99999户", "全县完成户厕改造", "count",
                                                "全县完成户厕改造99999户", "text", 0),))]) for i in range(5000)}
    with ShaStore(ws.cache_dir / FACTS_STORE, VERSION) as store:
        store.put_many(unrelated)
        assert store.count() >= 5000
    asked: list[list[str]] = []
    real_get = ShaStore.get_many

    def spy(self: ShaStore, shas):  # type: ignore[no-untyped-def]
        shas = list(shas)
        asked.append(shas)
        return real_get(self, shas)

    monkeypatch.setattr(ShaStore, "get_many", spy)
    again = _write(cli, tmp_path / "again.docx")
    assert again == first and "99999户" not in again
    archive = {r["sha256"] for r in _filed(ws)}
    status = cli.json("status")
    assert asked and all(set(call) <= archive for call in asked)  # never a row it does not need
    # one indicator's evidence per question, never the whole archive at once
    assert max(len(call) for call in asked) <= max(s["evidence_count"] for s in status) < len(archive)


def test_a_row_of_this_version_is_trusted_and_one_of_another_is_recomputed(
        sample: tuple[Workspace, Cli], tmp_path: Path) -> None:
    ws, cli = sample
    _write(cli, tmp_path / "warm.docx")
    sha = _toilet_sha(ws)
    with ShaStore(ws.cache_dir / FACTS_STORE, VERSION) as store:
        [row] = store.get_many([sha]).values()
    doctored = json.loads(json.dumps(row, ensure_ascii=False).replace("320户", "321户").replace("320.0", "321.0"))
    with ShaStore(ws.cache_dir / FACTS_STORE, VERSION) as store:
        store.put_many({sha: doctored})
    # the stored row is what the report quotes (the file is not read again) …
    assert "河口镇完成户厕改造321户" in _write(cli, tmp_path / "cached.docx")
    # … until the rules change: a row of another version is read as missing and recomputed
    with ShaStore(ws.cache_dir / FACTS_STORE, f"{FACTS_VERSION - 1}/{STORE_LAYOUT}") as old:
        old.put_many({sha: doctored})
    text = _write(cli, tmp_path / "recomputed.docx")
    assert TOILETS in text and "321户" not in text
    rows = _store_rows(ws)
    assert rows[sha] == VERSION and set(rows.values()) == {VERSION}  # the old version's rows are gone


def test_the_old_facts_json_is_removed_and_a_damaged_store_started_again(
        sample: tuple[Workspace, Cli], tmp_path: Path) -> None:
    ws, cli = sample
    old = ws.cache_dir / "facts.json"
    old.write_text(json.dumps({"version": FACTS_VERSION, "by_sha": {_toilet_sha(ws): []}}), encoding="utf-8")
    store = ws.cache_dir / FACTS_STORE
    store.write_bytes(b"this is not an SQLite database" * 100)
    text = _write(cli, tmp_path / "self-eval.docx")
    assert TOILETS in text
    assert not old.exists()
    assert _toilet_sha(ws) in _store_rows(ws)


def test_the_report_still_works_when_the_store_cannot_be_written(
        sample: tuple[Workspace, Cli], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws, cli = sample
    (ws.cache_dir / "a-file").write_text("", encoding="utf-8")
    monkeypatch.setattr(facts_module, "FACTS_STORE", "a-file/facts.sqlite3")  # its folder is a file
    assert TOILETS in _write(cli, tmp_path / "self-eval.docx")
    monkeypatch.setattr(facts_module, "FACTS_STORE", "a-folder")  # the store's own name is a folder
    (ws.cache_dir / "a-folder").mkdir()
    assert TOILETS in _write(cli, tmp_path / "self-eval-2.docx")


# -- the prefix pick ------------------------------------------------------------------------------


def _statements(rng: random.Random, n: int) -> list[Statement]:
    out = []
    for i in range(n):
        eid = f"e{rng.randrange(n // 3 + 1)}"
        figures = [f"{rng.randrange(4)}户" for _ in range(rng.randrange(1, 4))]  # many repeats: many skips
        done = rng.choice(["完成", "计划", ""])
        quote = f"{done}第{i}项" + "，".join(figures)
        facts = tuple(Fact(eid, float(f[:-1]), "户", f, "改造", "count", quote, "text", i % 7) for f in figures)
        out.append(Statement(eid, rng.choice(["text", "ledger"]), i % 7, quote, facts))
    return out


@pytest.mark.parametrize("seed", range(40))
def test_the_prefix_pick_chooses_what_a_pick_over_everything_chooses(seed: int) -> None:
    rng = random.Random(seed)
    everything = _statements(rng, rng.randrange(1, 400))

    def accept(s: Statement) -> bool:
        return not s.quote.endswith("3户")  # some statements may not be quoted at all

    for limit in (1, 2, 4):
        prefix = leading(lambda: iter(everything), accept, limit=limit, size=rng.choice([1, 3, 8]))
        assert pick([s for s in prefix if accept(s)], limit) == pick([s for s in everything if accept(s)], limit)
        assert len(prefix) <= len(everything)


# -- the streamed 佐证材料目录 ---------------------------------------------------------------------------


@pytest.mark.parametrize("template", ["--template", "--no-template"])
def test_the_evidence_annex_lists_every_counted_file(sample: tuple[Workspace, Cli], tmp_path: Path,
                                                     template: str) -> None:
    ws, cli = sample
    path = tmp_path / "self-eval.docx"
    _write(cli, path, "self-eval", template)
    status = cli.json("status")
    d = docx.Document(str(path))
    listing = d.tables[-1]
    assert [c.text for c in listing.rows[0].cells] == ["序号", "指标", "题名", "文号", "日期", "档号"]
    rows = [[c.text for c in r.cells] for r in listing.rows[1:]]
    assert len(rows) == sum(s["evidence_count"] for s in status)
    assert [r[0] for r in rows] == [str(n) for n in range(1, len(rows) + 1)]
    expected = [(s["code"], n) for s in status for n in range(s["evidence_count"])]
    assert [r[1] for r in rows] == [code for code, _n in expected]
    titles = {r["title"] for r in _filed(ws)}
    assert all(r[2].strip("[]") in titles or r[2].startswith("[") for r in rows)
    assert all(re.fullmatch(r"\d{8}|", r[4]) for r in rows)
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/document.xml")
        assert info.compress_type == zipfile.ZIP_DEFLATED
        assert "§ARCHIVIST" not in z.read("word/document.xml").decode("utf-8")


def test_the_catalogue_is_streamed_whole(sample: tuple[Workspace, Cli], tmp_path: Path) -> None:
    ws, cli = sample
    path = tmp_path / "catalogue.docx"
    cli("report", "catalogue", "--out", str(path), "--date", DATE)
    with zipfile.ZipFile(path) as z:
        assert z.getinfo("word/document.xml").compress_type == zipfile.ZIP_DEFLATED
        assert "§ARCHIVIST" not in z.read("word/document.xml").decode("utf-8")
    table = docx.Document(str(path)).tables[0]
    numbers = [r.cells[1].text for r in table.rows[1:] if r.cells[0].text.isdigit()]
    assert len(set(numbers)) == len(_filed(ws))  # every filed file has its 档号 row (互见 rows repeat one)
