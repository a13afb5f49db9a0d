"""The search concept layer: a clerk's word finds documents written in other words, below literal matches."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from archivist.concepts import ConceptError, load_concepts, read_file
from archivist.search import SearchIndex
from tests.test_search import rec

DOCS = [
    # says 老年食堂 literally, but only once and in a long text
    rec("literal", "本镇今年新建老年食堂一处。" + "全年工作按计划推进，各项任务落实到位。" * 20,
        title="民政工作总结", kind="总结"),
    # never says 老年食堂: the files call it 助餐点, and say it often (a high BM25 score)
    rec("near", "助餐点每日为高龄老人供餐，助餐点由村集体运营，助餐点就餐老人九十人。", title="助餐点运行情况",
        kind="报告"),
    rec("other", "村内道路硬化工程已完工，路灯安装四十盏。", title="基础设施建设情况", kind="报告"),
]


@pytest.fixture()
def index(tmp_path: Path) -> SearchIndex:
    idx = SearchIndex(tmp_path / "whoosh")
    idx.rebuild(DOCS)
    yield idx
    idx.close()


def test_synonym_finds_a_document_without_the_word_below_one_with_it(index: SearchIndex) -> None:
    hits = index.search("老年食堂")
    assert [h.id for h in hits] == ["literal", "near"]
    assert "老年食堂" not in DOCS[1]["text"] + DOCS[1]["title"]
    assert hits[0].near == [] and "近义" not in hits[0].plain
    assert hits[1].near == ["助餐点"]
    assert hits[1].plain.startswith("〔近义：助餐点〕") and "【助餐点】" in hits[1].snippet
    assert hits[1].to_json()["near"] == ["助餐点"]


def test_literal_only_search_does_not_expand(index: SearchIndex) -> None:
    assert [h.id for h in index.search("老年食堂", expand=False)] == ["literal"]


def test_expansion_is_per_word_and_words_stay_anded(index: SearchIndex) -> None:
    # 老年食堂 expands, 供餐 must still occur: only the 助餐点 document has both
    assert [h.id for h in index.search("老年食堂 供餐")] == ["near"]
    # a quoted phrase is taken as typed
    assert [h.id for h in index.search('"老年食堂"')] == ["literal"]


def test_single_characters_and_two_character_words_are_found(index: SearchIndex) -> None:
    assert "other" in [h.id for h in index.search("灯")]
    assert "other" in [h.id for h in index.search("路灯")]
    assert "near" in [h.id for h in index.search("餐")]


def test_workspace_concepts_add_and_disable(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    (ws / "index").mkdir(parents=True)
    (ws / "archivist.toml").write_text("county = \"测试县\"\n", encoding="utf-8")
    (ws / "concepts.toml").write_text(
        '[concepts]\n"亮灯" = ["亮灯工程", "路灯"]\ndisable = ["老年食堂"]\n', encoding="utf-8")
    idx = SearchIndex(ws / "index" / "whoosh")
    idx.rebuild(DOCS)
    try:
        assert [h.id for h in idx.search("亮灯工程")] == ["other"]
        assert [h.id for h in idx.search("老年食堂")] == ["literal"]  # the shipped concept is switched off
    finally:
        idx.close()


def test_a_broken_concept_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "concepts.toml"
    bad.write_text('[concepts]\n"亮灯" = "路灯"\n', encoding="utf-8")
    with pytest.raises(ConceptError, match="concepts.toml.*字符串列表"):
        read_file(bad)
    bad.write_text("[concepts\n", encoding="utf-8")
    with pytest.raises(ConceptError, match="格式有误"):
        load_concepts(tmp_path)


def test_cli_search_shows_the_near_term(tmp_path: Path) -> None:
    from archivist.catalogue import Catalogue
    from archivist.cli import app
    from archivist.search import sync_index
    from archivist.workspace import Workspace, init_workspace
    from tests.fixtures_gen import insert_record

    root = tmp_path / "ws"
    init_workspace(root, county="测试县", year=2024)
    ws = Workspace(root)
    insert_record(ws, title="助餐点运行情况", text="助餐点每日为高龄老人供餐。")
    catalogue = Catalogue(ws.catalogue_path)
    try:
        sync_index(ws, catalogue)
    finally:
        catalogue.close()
    result = CliRunner().invoke(app, ["-w", str(root), "search", "老年食堂"])
    assert result.exit_code == 0, result.output
    assert "近义：助餐点" in result.output


def test_a_unit_short_name_finds_the_full_name_the_archive_holds(tmp_path: Path) -> None:
    """水保站 is in no table: it is 水土保持监督站 with characters left out, and this archive has that unit."""
    from archivist.catalogue import Catalogue
    from archivist.cli import app
    from archivist.search import sync_index
    from archivist.workspace import Workspace, init_workspace
    from tests.fixtures_gen import insert_record

    root = tmp_path / "ws"
    init_workspace(root, county="测试县", year=2024)
    ws = Workspace(root)
    insert_record(ws, title="2024年水土流失治理台账", unit="县水土保持监督站", text="填报单位：测试县水土保持监督站")
    insert_record(ws, title="技能培训花名册", unit="县人力资源和社会保障局",
                  text="主办单位：测试县人力资源和社会保障局")
    catalogue = Catalogue(ws.catalogue_path)
    try:
        sync_index(ws, catalogue)
    finally:
        catalogue.close()
    table = load_concepts(root)
    assert table.alternatives("水保站") == ["水保站", "水土保持监督站"]
    assert "人力资源和社会保障局" in table.alternatives("人社局")  # the lexicon's short form
    assert table.alternatives("土保站") == ["土保站"]  # a short name keeps the full name's first character
    result = CliRunner().invoke(app, ["-w", str(root), "search", "水保站"])
    assert result.exit_code == 0, result.output
    assert "水土流失治理台账" in result.output and "近义：水土保持监督站" in result.output
