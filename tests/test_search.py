"""Chinese full-text search (issue #4): analysis, query semantics, filters, snippets, health, concurrency.

Fixtures are plain catalogue-shaped record dicts (and, for the workspace tests, rows inserted into
a real catalogue), so these tests need no extractor, no OCR and no dev corpus. Tests that take
`index`, `make_index` or `search_ws` run once per search backend (Whoosh, PostgreSQL: conftest.py),
so both answer the same queries alike; the rest test the analysis or Whoosh's own files.
"""

from __future__ import annotations

import json
import multiprocessing
import re
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from archivist.catalogue import Catalogue
from archivist.search import (
    IndexMissing,
    QueryError,
    SearchIndex,
    analysis,
    form_pattern,
    open_index,
    open_search,
    parse_date,
    parse_query,
    sync_index,
)
from archivist.workspace import Workspace
from tests.conftest import Cli
from tests.pgserver import SearchBackendSpec


def rec(doc_id: str, text: str = "", **fields: Any) -> dict[str, Any]:
    """A record as Catalogue.records(with_text=True) returns it."""
    record: dict[str, Any] = {
        "id": doc_id,
        "status": "filed",
        "indicator": "C01",
        "links": None,
        "archive_path": f"archive/C-生态宜居/C01-农村厕所革命/{doc_id}.pdf",
        "original_name": f"{doc_id}.pdf",
        "title": f"文件{doc_id}",
        "unit": "县农业农村局",
        "doc_date": "2024-05-12",
        "doc_number": "",
        "kind": "报告",
        "file_type": "pdf",
        "text": text,
        "meta": {},
    }
    record.update(fields)
    return record


CORPUS = [
    rec("notice", "各乡镇人民政府：现将《关于印发某某市政府工作报告的通知》转发给你们，请认真学习。",
        title="关于印发某某市政府工作报告的通知", kind="通知", unit="县人民政府办公室", doc_date="2024-03-01",
        doc_number="清农办〔2024〕12号", indicator="F01"),
    rec("toilet", "全县完成农村户厕改造1,460户，问题厕所全部整改。界炮镇杏花村完成改厕320户。",
        title="2024年农村改厕工作总结", kind="总结", doc_date="2024-11-30", links=["S02"]),
    rec("films", "全年放映农村公益电影31460户次，送戏下乡86场。", title="送戏下乡和电影放映统计表",
        kind="台账", indicator="D02", unit="县文化广电旅游体育局", doc_date="2024-12-20"),
    rec("trad", "本會在梅嶺鎮開辦長者飯堂，為村中老人提供午餐。", title="長者飯堂年度總結",
        status="unsorted", indicator=None, unit="嶺南鄉誼基金會", doc_date="2024-12-01", kind="总结"),
    rec("ocr", "溪口镇污水处理设施运维考核表\n考核得分 92 分", title="扫描件012", file_type="pdf",
        kind="", original_name="扫描件012.pdf", doc_date=None),
    rec("photo", "", title="IMG_20240619_154210", file_type="image", kind="照片",
        original_name="IMG_20240619_154210.jpg", doc_date="2024-06-19",
        meta={"xp_title": "水口村户厕改造竣工验收现场", "exif_date": "2024-06-19"}),
    rec("ledger", "序号 姓名 岗位 应出勤 实出勤\n1 张三 保洁员 22 22", title="公益性岗位考勤台账（2024年6月）",
        kind="台账", indicator="A03", unit="县人力资源和社会保障局", doc_date="2024-06-30"),
    rec("apricot", "杏花开满村口，村民在村口晒谷。", title="春耕简报", kind="简报", indicator="B01",
        doc_date="2024-04-02"),
    rec("dup", "全县完成农村户厕改造1,460户。", status="duplicate", title="重复件", duplicate_of="toilet",
        original_name="改厕总结（转发）.pdf", archive_path=None),
]


@pytest.fixture()
def index(make_index: Any) -> SearchIndex:
    idx = make_index()
    assert idx.rebuild(CORPUS) == len(CORPUS) - 1  # the duplicate is not indexed
    yield idx
    idx.close()


def ids(hits: list) -> list[str]:
    return [h.id for h in hits]


def originals(hits: list) -> list[str]:
    """Hit ids without the byte-identical copies reported after their original."""
    return [h.id for h in hits if not h.duplicate_of]


# analysis ----------------------------------------------------------------------------------------
def test_word_tokens_carry_their_true_character_offsets() -> None:
    text = analysis.prepare("关于印发某某市政府工作报告的通知，公益性岗位考勤1460户")
    tokens = list(analysis.scan(text))
    assert tokens, "no tokens"
    for tok in tokens:
        assert text[tok.start : tok.end] == tok.text
    words = [t for t in tokens if t.kind == analysis.WORD]
    assert any(t.text == "公益性岗位" for t in words)
    bigrams = [t for t in tokens if t.kind == analysis.BIGRAM]
    # consecutive bigrams of one run sit at consecutive slots: the basis of phrase queries
    by_start = {t.start: t.pos for t in bigrams}
    assert by_start[text.index("政府")] + 1 == by_start[text.index("府工")]
    word = next(t for t in words if t.text == "公益性岗位")
    assert word.pos == by_start[text.index("公益")]


def test_fast_slot_positions_equal_scan() -> None:
    for record in CORPUS:
        for text in (analysis.prepare(record["text"]), analysis.prepare(record["title"])):
            expected: dict[str, list[int]] = {}
            for tok in analysis.scan(text):
                expected.setdefault(tok.text, []).append(tok.pos)
            assert analysis.slot_positions(text) == expected


def test_numbers_are_whole_tokens_with_unit_compounds() -> None:
    assert analysis.query_terms(analysis.prepare("1460户")) == ["1460户"]
    tokens = {t.text for t in analysis.scan(analysis.prepare("放映31460户次"))}
    assert "31460户" in tokens and "1460户" not in tokens and "1460" not in tokens


def test_rjieba_and_jieba_cut_alike() -> None:
    """Documents indexed with one segmenter are searched with the other after an upgrade."""
    pytest.importorskip("rjieba")
    fast, slow = analysis._Segmenter("rjieba"), analysis._Segmenter("jieba")
    assert fast.name == "rjieba" and slow.name == "jieba"
    text = "关于印发某某市政府工作报告的通知各乡镇人民政府公益性岗位考勤台账农村户厕改造竣工验收高标准农田建设"
    assert fast.cut(text) == slow.cut(text)


def test_prepare_folds_width_script_and_line_breaks() -> None:
    assert analysis.prepare("高標準農田") == "高标准农田"
    assert analysis.prepare("１４６０户") == "1460户"
    assert analysis.prepare("1,460户") == "1460户"
    assert analysis.prepare("政府工\n作报告") == "政府工作报告"


def test_query_units_keep_unknown_names_and_table_terms_whole() -> None:
    assert analysis.query_units("界炮镇") == ["界炮镇"]
    assert "公益岗" in analysis.query_units("乡村公益岗")
    assert analysis.query_units("清农办〔2024〕12号") == ["清农办〔2024〕12号"]


def test_form_pattern_respects_number_boundaries_and_brackets() -> None:
    assert form_pattern("1460户").search("完成1460户")
    assert not form_pattern("1460户").search("完成31460户")
    assert not form_pattern("1460").search("共1460.5亩")
    assert form_pattern("清农办[2024]12号").search("清农办〔2024〕12号")
    assert not form_pattern("清农办[2024]12号").search("清农办〔2024〕120号")


# query semantics ---------------------------------------------------------------------------------
def test_phrase_inside_a_longer_han_run(index: SearchIndex) -> None:
    assert ids(index.search('"政府工作"')) == ["notice"]
    assert ids(index.search("政府工作")) == ["notice"]


def test_out_of_vocabulary_village_names(index: SearchIndex) -> None:
    assert ids(index.search("杏花村")) == ["toilet"]  # not the 杏花…村口 document
    assert ids(index.search("界炮镇")) == ["toilet"]
    assert ids(index.search("界炮镇 改厕")) == ["toilet"]


def test_traditional_and_simplified_meet_both_ways(index: SearchIndex) -> None:
    assert ids(index.search("长者饭堂")) == ["trad"]  # simplified query, traditional document
    assert ids(index.search("長者飯堂")) == ["trad"]
    assert "toilet" in ids(index.search("問題廁所"))  # traditional query, simplified document


def test_full_width_query_folds(index: SearchIndex) -> None:
    assert ids(index.search("１４６０户")) == ["toilet"]


def test_ocr_only_text_is_found(index: SearchIndex) -> None:
    assert ids(index.search("污水处理设施 运维考核")) == ["ocr"]


def test_photo_title_only_text_is_found(index: SearchIndex) -> None:
    hits = index.search("水口村 竣工验收")
    assert ids(hits) == ["photo"]
    assert "水口村" in hits[0].plain


def test_number_as_written_and_not_inside_a_longer_number(index: SearchIndex) -> None:
    assert ids(index.search("1460户")) == ["toilet"]  # written 1,460户 in the document
    assert ids(index.search("改厕 1460户")) == ["toilet"]
    assert ids(index.search("31460")) == ["films"]
    assert ids(index.search("320户")) == ["toilet"]


def test_document_number_search(index: SearchIndex) -> None:
    assert ids(index.search("清农办〔2024〕12号")) == ["notice"]
    assert ids(index.search("清农办[2024]12号")) == ["notice"]
    assert ids(index.search("清农办〔2024〕120号")) == []


def test_exclusion(index: SearchIndex) -> None:
    assert set(ids(index.search("改厕"))) >= {"toilet", "photo"}
    assert "toilet" not in ids(index.search("改厕 -问题厕所"))
    assert "photo" in ids(index.search("改厕 -问题厕所"))
    assert ids(index.search('户厕 -"竣工验收"')) == ["toilet"]


def test_words_are_anded(index: SearchIndex) -> None:
    assert ids(index.search("改厕 放映")) == []


def test_short_forms_staff_type(index: SearchIndex) -> None:
    assert ids(index.search("公益岗 出勤")) == ["ledger"]
    # 乡村 is in no document at all: the word's other part still finds the ledger, and the hit says so
    relaxed = index.search("乡村公益岗 出勤")
    assert ids(relaxed) == ["ledger"] and relaxed[0].plain.startswith("〔未找到“乡村”")
    assert "photo" in ids(index.search("改厕"))  # 户厕改造 in the photo title


def test_a_part_of_a_word_found_in_no_document_is_dropped_only_then(make_index: Any) -> None:
    """孩子辍学: the files say 控辍保学 and never 孩子; the query still finds them through 辍学's near terms.
    Where some document holds the part (here 孩子 in the canteen notice), the word's parts are ANDed as typed."""
    idx = make_index()
    idx.rebuild([rec("ledger", "秋季学期控辍保学动态监测台账，劝返复学2人。", title="控辍保学动态监测台账")])
    hits = idx.search("孩子辍学")
    assert ids(hits) == ["ledger"] and "未找到“孩子”" in hits[0].plain
    assert ids(idx.search("孩子辍学", expand=False)) == []  # literal-only search never relaxes
    idx.rebuild([rec("ledger", "秋季学期控辍保学动态监测台账，劝返复学2人。", title="控辍保学动态监测台账"),
                 rec("canteen", "食堂就餐须知：孩子由家长陪同。", title="食堂就餐须知")])
    assert ids(idx.search("孩子辍学")) == []
    assert ids(idx.search("孩子 辍学")) == []  # separate words are never dropped
    idx.close()


def test_a_short_form_of_a_concept_term_finds_the_long_one(make_index: Any) -> None:
    """垃圾站: no document says it; 垃圾中转站 (same first and last character, the rest in order) is found,
    and ranks as a near term."""
    idx = make_index()
    idx.rebuild([rec("station", "龙潭镇垃圾中转站运行台账，7月转运垃圾120吨。", title="垃圾中转站运行台账"),
                 rec("other", "垃圾分类宣传活动记录。", title="垃圾分类宣传")])
    hits = idx.search("垃圾站")
    assert ids(hits) == ["station"] and hits[0].near
    idx.close()


def test_title_hits_rank_higher(make_index: Any) -> None:
    idx = make_index()
    idx.rebuild([
        rec("body", "会议还提到了高标准农田建设的进度，并研究了其他事项。" * 3, title="县委常委会会议纪要"),
        rec("title", "本报告说明项目建设和验收情况。", title="高标准农田建设项目竣工验收报告"),
    ])
    assert ids(idx.search("高标准农田"))[0] == "title"
    idx.close()


def test_snippets_mark_the_match(index: SearchIndex) -> None:
    hit = index.search("杏花村")[0]
    assert "【杏花村】" in hit.snippet
    assert "杏花村" in hit.plain and "【" not in hit.plain
    start, end = hit.marks[0]
    assert hit.plain[start:end] == "杏花村"
    assert hit.to_json()["snippet"] == hit.plain
    number = index.search("1460户")[0]
    assert "【1460户】" in number.snippet


def test_filters(index: SearchIndex) -> None:
    assert ids(index.search("", indicator="A03")) == ["ledger"]
    assert set(ids(index.search("", indicator="C"))) == {"toilet", "ocr", "photo"}  # category letter
    assert ids(index.search("", indicator="S02")) == ["toilet"]  # a linked code from the other framework
    assert ids(index.search("总结", unit="农业农村局")) == ["toilet"]
    assert set(ids(index.search("", since="2024-12-01"))) == {"films", "trad"}
    assert set(ids(index.search("", since="2024-06", until="2024-06"))) == {"photo", "ledger"}
    assert ids(index.search("", until="2024-03-01")) == ["notice"]
    assert set(ids(index.search("", kind="台账"))) == {"films", "ledger"}
    assert ids(index.search("", status="unsorted")) == ["trad"]
    assert ids(index.search("改厕", kind="照片")) == ["photo"]


def test_bad_input_is_a_query_error(index: SearchIndex) -> None:
    with pytest.raises(QueryError):
        index.search("")
    with pytest.raises(QueryError):
        index.search("-改厕")
    with pytest.raises(QueryError):
        index.search("改厕", since="去年")
    assert parse_date("2024年5月1日") == "2024-05-01"
    assert parse_date("2024-05", end=True) > "2024-05-31"
    assert len(parse_query('改厕 "政府 工作" -验收').must) == 2


def test_fast_index_readers_agree_with_whoosh(tmp_path: Path) -> None:
    """The block-wise posting reader and the whole-column length reader (search speed) return
    exactly what Whoosh's public per-posting and per-document calls return."""
    from archivist.search import _read_postings, _segment_lengths

    index = SearchIndex(tmp_path / "whoosh")
    index.rebuild(CORPUS)
    index.add([rec("extra", "界炮镇杏花村再次完成改厕。")])  # a second segment
    searcher = index.backend._fresh_searcher()  # type: ignore[attr-defined]
    leaves = list(searcher.reader().leaf_readers())
    assert len(leaves) >= 1
    for leaf, _base in leaves:
        for name in ("head", "body"):
            lengths = _segment_lengths(leaf, name)
            assert lengths == [leaf.doc_field_length(d, name) or 0 for d in range(leaf.doc_count_all())]
            for n, text in enumerate(leaf.lexicon(name)):
                term = text.decode("utf-8")
                matcher = leaf.postings(name, term)
                expected = []
                while matcher.is_active():
                    expected.append((matcher.id(), matcher.weight()))
                    matcher.next()
                ids, weights = _read_postings(leaf, name, term)
                assert list(zip(ids, weights, strict=True)) == expected, term
                if n > 40:
                    break
    index.close()


# writing -----------------------------------------------------------------------------------------
def test_upsert_delete_and_duplicates(index: SearchIndex) -> None:
    index.add([rec("films", "全年放映1460户次。", title="放映统计（修订）", kind="台账")])
    assert set(ids(index.search("1460户"))) == {"toilet", "films"}
    assert index.doc_count() == len(CORPUS) - 1
    index.add([rec("toilet", "x", status="duplicate")])  # became a duplicate: leaves the index
    assert "toilet" not in index.ids()
    index.delete(["films"])
    assert ids(index.search("1460户")) == []
    assert "dup" not in index.ids()


def test_rebuild_swaps_generations(tmp_path: Path) -> None:
    """Whoosh's generations on disk (PostgreSQL's swap: test_search_pg.py)."""
    index = SearchIndex(tmp_path / "whoosh")
    index.rebuild(CORPUS)
    before = sorted(p.name for p in index.index_dir.iterdir() if p.name.startswith("gen-"))
    index.rebuild([rec("only", "唯一的文件")])
    after = sorted(p.name for p in index.index_dir.iterdir() if p.name.startswith("gen-"))
    assert len(after) == 1 and after != before
    assert index.ids() == {"only"}
    index.close()


def _writer_process(spec: SearchBackendSpec, index_dir: str, rounds: int) -> None:
    idx = spec.open(Path(index_dir))
    for n in range(rounds):
        idx.add([rec(f"p{n}-{k}", f"并发写入测试文档{n}号，完整内容结束标记。", title=f"并发{n}") for k in range(5)])
    idx.close()


def _assert_whole(hits: list) -> None:
    for hit in hits:
        if re.match(r"[tp]\d+-", hit.id):
            assert "结束标记" in hit.plain, f"half a document seen: {hit.plain!r}"


def test_search_during_concurrent_add_in_a_thread(index: SearchIndex, make_index: Any) -> None:
    errors: list[BaseException] = []
    writer_index = make_index()

    def write() -> None:
        try:
            for n in range(15):
                writer_index.add(
                    [rec(f"t{n}-{k}", f"并发写入测试文档{n}号，完整内容结束标记。", title=f"并发{n}") for k in range(4)]
                )
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    thread = threading.Thread(target=write)
    thread.start()
    searches = 0
    while thread.is_alive() or searches < 5:
        _assert_whole(index.search("并发写入"))
        assert "toilet" in ids(index.search("改厕"))
        searches += 1
    thread.join()
    writer_index.close()
    assert not errors, errors
    assert len([i for i in index.ids() if re.match(r"t\d+-", i)]) == 60


def test_search_during_concurrent_add_in_another_process(index: SearchIndex,
                                                        search_backend: SearchBackendSpec) -> None:
    ctx = multiprocessing.get_context("spawn")
    proc = ctx.Process(target=_writer_process, args=(search_backend, str(index.index_dir), 12))
    proc.start()
    deadline = time.monotonic() + 120
    while proc.is_alive() and time.monotonic() < deadline:
        _assert_whole(index.search("并发写入"))
        assert "toilet" in ids(index.search("改厕"))
    proc.join(30)
    assert proc.exitcode == 0
    assert len([i for i in index.ids() if re.match(r"p\d+-", i)]) == 60


def test_search_during_rebuild_never_fails(index: SearchIndex, make_index: Any) -> None:
    errors: list[BaseException] = []
    other = make_index()

    def rebuild() -> None:
        try:
            for _ in range(4):
                other.rebuild(CORPUS)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    thread = threading.Thread(target=rebuild)
    thread.start()
    while thread.is_alive():
        assert ids(index.search("杏花村")) == ["toilet"]
    thread.join()
    other.close()
    assert not errors, errors


# workspace: catalogue → index --------------------------------------------------------------------
def _catalogue_with(ws: Workspace, records: list[dict[str, Any]]) -> Catalogue:
    catalogue = Catalogue(ws.catalogue_path)
    with catalogue.transaction():
        for n, record in enumerate(records):
            row = dict(record, sha256=f"{n:064x}", size=len(record["text"]) + 1)
            catalogue.insert(row)
    return catalogue


def test_missing_index_is_rebuilt_from_the_catalogue(search_ws: Workspace) -> None:
    ws = search_ws
    _catalogue_with(ws, CORPUS).close()
    assert not ws.whoosh_dir.exists() or not any(ws.whoosh_dir.iterdir())
    with open_search(ws) as never_built:
        assert not never_built.is_healthy()
        with pytest.raises(IndexMissing):
            never_built.search("杏花村")
    index = open_index(ws)
    assert originals(index.search("杏花村")) == ["toilet"]
    assert "dup" not in index.ids()
    index.close()


@pytest.mark.parametrize("damage", ["current", "segments", "truncate"])
def test_corrupt_index_is_rebuilt_from_the_catalogue(ws: Workspace, damage: str) -> None:
    catalogue = _catalogue_with(ws, CORPUS)
    assert sync_index(ws, catalogue) == len(CORPUS) - 1
    catalogue.close()
    whoosh = ws.whoosh_dir
    gen = json.loads((whoosh / "CURRENT").read_text())["gen"]
    if damage == "current":
        (whoosh / "CURRENT").write_text("{not json")
    elif damage == "segments":
        for path in (whoosh / gen).glob("*.seg"):
            path.unlink()
    else:
        for path in (whoosh / gen).iterdir():
            path.write_bytes(b"\0" * 7)
    assert not SearchIndex(whoosh).is_healthy()
    with pytest.raises(IndexMissing):
        SearchIndex(whoosh).search("杏花村")
    index = open_index(ws)
    assert originals(index.search("杏花村")) == ["toilet"]
    index.close()


def test_open_index_repairs_an_index_that_fell_behind(search_ws: Workspace) -> None:
    ws = search_ws
    catalogue = _catalogue_with(ws, CORPUS[:3])
    sync_index(ws, catalogue)
    with catalogue.transaction():
        catalogue.insert(dict(CORPUS[3], sha256="f" * 64, size=1, indexed=1))  # flagged, but never indexed
    catalogue.close()
    index = open_index(ws)
    assert ids(index.search("长者饭堂")) == ["trad"]
    index.close()


def test_duplicates_are_reported_with_their_original(search_ws: Workspace) -> None:
    ws = search_ws
    catalogue = _catalogue_with(ws, CORPUS)
    sync_index(ws, catalogue)
    index = open_search(ws)
    assert "dup" not in index.ids()
    hits = index.search("1460户")
    assert ids(hits) == ["toilet", "dup"]
    assert hits[1].duplicate_of == "toilet" and "重复件" in hits[1].plain
    assert hits[1].archive_path == hits[0].archive_path
    assert ids(index.search("改厕总结")) == ["toilet", "dup"]  # the copy's own file name finds the original
    # a copy arriving later is reported as soon as the writer syncs
    with catalogue.transaction():
        catalogue.insert(dict(CORPUS[2], id="dup2", status="duplicate", duplicate_of="films", sha256="e" * 64,
                              size=1, original_name="放映统计.xlsx", archive_path=None))
    sync_index(ws, catalogue)
    assert ids(index.search("31460")) == ["films", "dup2"]
    index.close()
    catalogue.close()


def test_sync_index_follows_the_catalogue(search_ws: Workspace) -> None:
    ws = search_ws
    catalogue = _catalogue_with(ws, CORPUS)
    assert sync_index(ws, catalogue) == len(CORPUS) - 1
    pending = catalogue.db.execute("SELECT COUNT(*) FROM evidence WHERE indexed=0").fetchone()[0]
    assert pending == 0
    assert sync_index(ws, catalogue) == 0  # nothing new
    with catalogue.transaction():
        catalogue.update("films", status="duplicate", indexed=0)
        catalogue.db.execute("DELETE FROM evidence WHERE id='apricot'")
        catalogue.update("ledger", title="公益性岗位考勤台账（已修订）", indexed=0)
    assert sync_index(ws, catalogue) == 1
    index = open_search(ws)
    assert "films" not in index.ids() and "apricot" not in index.ids()
    assert ids(index.search("已修订")) == ["ledger"]
    index.close()
    catalogue.close()


# CLI ---------------------------------------------------------------------------------------------
def test_cli_search_json_and_table(search_ws: Workspace) -> None:
    ws, cli = search_ws, Cli(search_ws)
    _catalogue_with(ws, CORPUS).close()
    hits = cli.json("search", "界炮镇 改厕")
    assert [h["id"] for h in hits] == ["toilet", "dup"]
    assert set(hits[0]) >= {"id", "archive_path", "indicator", "title", "score", "snippet"}
    assert "界炮镇" in hits[0]["snippet"]
    assert cli.json("search", "", "--kind", "台账", "--since", "2024-06-01")
    table = cli("search", "杏花村")
    assert "杏花村" in table
    assert "没有找到" in cli("search", "不存在的词语组合")


def test_cli_search_errors_are_one_line(ws: Workspace, cli: Any) -> None:
    out = cli("search", "改厕", "--since", "去年", expect=2)
    assert "日期" in out and "Traceback" not in out


def test_cli_reindex(search_ws: Workspace) -> None:
    ws, cli = search_ws, Cli(search_ws)
    _catalogue_with(ws, CORPUS).close()
    result = cli.json("reindex")
    assert result["indexed"] == len(CORPUS) - 1
    assert [h["id"] for h in cli.json("search", "长者饭堂")] == ["trad"]
