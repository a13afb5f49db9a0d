"""Auto-filing (issue 3): real behaviour of the classifier on documents written here, not on shared data."""

from __future__ import annotations

import time

import pytest

from archivist.framework import load_frameworks
from archivist.intake.classify import Classifier, Document

THRESHOLD = 0.5  # the pipeline's default filing.confidence_threshold


@pytest.fixture(scope="module")
def frameworks():
    return load_frameworks(["shiji-kaohe", "hou-pinggu"])


@pytest.fixture(scope="module")
def clf(frameworks) -> Classifier:
    return Classifier(frameworks)


TOILET_PLAN = """桃花县2024年农村户厕改造实施方案
为深入推进农村厕所革命，改善农村人居环境，制定本方案。
一、目标任务。全年完成农村户厕改造900户，新建农村公厕12座，问题厕所全部整改到位。
二、技术模式。山区农户推广三格式化粪池，化粪池选用一体化产品；严禁粪污直排。
三、验收管护。落实首厕过关制，乡镇逐户验收；建立粪污清掏服务队，公厕落实专人管护。
桃花县农业农村局
2024年3月20日
"""


def top(clf: Classifier, doc: Document):
    suggestions = clf.classify(doc)
    assert suggestions, "classify must always return suggestions"
    return suggestions[0]


def test_a_toilet_plan_files_to_c01_with_confidence_and_reasons(clf):
    best = top(clf, Document(text=TOILET_PLAN, title="桃花县2024年农村户厕改造实施方案", file_name="方案.docx"))
    assert best.code == "C01"
    assert best.confidence >= THRESHOLD
    assert any(term in best.matched for term in ("户厕改造", "改厕", "三格式化粪池", "问题厕所", "公厕"))


def test_suggestions_are_best_first_at_least_three_and_within_0_1(clf):
    suggestions = clf.classify(Document(text=TOILET_PLAN))
    assert len(suggestions) >= 3
    confidences = [s.confidence for s in suggestions]
    assert confidences == sorted(confidences, reverse=True)
    assert all(0.0 <= c <= 1.0 for c in confidences)


def test_traditional_characters_are_folded_to_simplified(clf):
    text = """松嶺村村規民約（二〇二四年修訂）
為推進移風易俗，倡導婚事新辦、喪事簡辦，村紅白理事會負責監督，高額彩禮和大操大辦一律禁止。
松嶺村村民委員會
二〇二四年四月十日
"""
    best = top(clf, Document(text=text, file_name="村規民約.doc"))
    assert best.code == "D01"
    assert best.confidence >= THRESHOLD


def test_a_photo_with_only_a_caption(clf):
    caption = "白石镇下坑村改厕后：三格式化粪池安装到位"
    best = top(clf, Document(text=caption, title=caption, file_name="IMG_20240619_154210.jpg", kind="照片"))
    assert best.code == "C01"
    assert best.confidence >= THRESHOLD


def test_a_ledger_header_row_is_enough(clf):
    text = "\n".join([
        "溪头镇2024年第三季度生活垃圾中转站运行台账",
        "周次\t进站车次\t进站量（吨）\t转运量（吨）\t转运去向\t渗滤液外运（吨）\t站长签字",
        "第1周\t56\t87.6\t86.7\t县生活垃圾焚烧发电厂\t3.6\t张三",
        "第2周\t44\t77\t76.2\t县生活垃圾焚烧发电厂\t3.6\t张三",
    ])
    best = top(clf, Document(text=text, file_name="新建 Microsoft Excel 工作表.xlsx", kind="台账"))
    assert best.code == "C02"
    assert best.confidence >= THRESHOLD


def test_a_folder_name_with_an_indicator_code_files_an_unreadable_photo(clf):
    doc = Document(text="", title="", file_name="IMG_0001.jpg", folders=["迎检资料", "C01-农村厕所革命"], kind="照片")
    best = top(clf, doc)
    assert best.code == "C01"
    assert best.confidence >= THRESHOLD
    assert any("C01" in m for m in best.matched)


def test_a_folder_named_by_topic_hints_the_indicator(clf):
    doc = Document(text="现场照片", title="", file_name="DSC_0412.JPG", folders=["龙湾镇报送", "高标准农田建设"])
    assert top(clf, doc).code == "B01"


def test_a_rule_from_the_workspace_wins_over_the_model(frameworks):
    rules = [{"pattern": r"光伏.{0,12}收益", "code": "B03"}]
    clf = Classifier(frameworks, rules=rules)
    doc = Document(text="竹林村光伏电站2024年收益分配方案：收益用于公益岗位和村内公益事业。", file_name="收益分配.docx")
    suggestions = clf.classify(doc)
    assert suggestions[0].code == "B03"
    assert suggestions[0].confidence == 1.0
    assert "规则" in suggestions[0].matched[0]
    assert len(suggestions) >= 3 and "B03" not in [s.code for s in suggestions[1:]]
    # without the rule the model would have said A04 (项目资产收益)
    assert top(Classifier(frameworks), doc).code == "A04"


def test_rules_with_unknown_codes_or_broken_patterns_do_not_crash(frameworks):
    clf = Classifier(frameworks, rules=[{"pattern": "改厕", "code": "Z99"}, {"pattern": "[厕所(", "code": "C03"}])
    doc = Document(text="关于[厕所(问题的说明")
    assert top(clf, doc).code == "C03"  # the broken regex is used as plain text
    assert top(clf, Document(text=TOILET_PLAN)).code == "C01"  # the Z99 rule was dropped


def test_an_uninformative_document_abstains_with_three_suggestions(clf):
    doc = Document(text="会议通知\n定于本周三下午三点在三楼会议室开会，请准时参加。\n办公室\n2024年5月6日",
                   file_name="通知.docx")
    suggestions = clf.classify(doc)
    assert suggestions[0].confidence < THRESHOLD
    assert len(suggestions) >= 3


def test_an_empty_document_abstains(clf):
    suggestions = clf.classify(Document(text="", file_name="scan_0019.pdf"))
    assert suggestions[0].confidence == 0.0
    assert len(suggestions) >= 3


def test_two_equally_strong_topics_do_not_look_certain(clf):
    text = "农村户厕改造和生活垃圾收运同步推进：改厕、化粪池、公厕管护；垃圾中转站、垃圾分类、保洁。"
    suggestions = clf.classify(Document(text=text))
    assert {suggestions[0].code, suggestions[1].code} == {"C01", "C02"}
    assert suggestions[0].confidence < 0.8


def _solar_notice(village: str, quarter: int) -> str:
    return f"""{village}村光伏电站2024年第{quarter}季度发电收益公示
{village}村村级光伏电站装机{50 + quarter * 10}千瓦，本季度发电{1.1 + quarter / 10:.1f}万千瓦时，
电费收入{0.8 + quarter / 10:.2f}万元。
收益全部纳入村集体经济收入，经村民代表会议讨论，用于村内道路维修和公益事业，账目接受村民监督。
{village}村村民委员会
2024年{3 * quarter}月28日
"""


def test_five_corrections_of_one_kind_of_document_make_the_sixth_go_right(frameworks):
    villages = ["上坑", "下洋", "石门", "茶园", "竹山", "枫树"]
    notices = [_solar_notice(v, i % 4 + 1) for i, v in enumerate(villages)]
    sixth = Document(text=notices[5], file_name="公示.docx")
    before = top(Classifier(frameworks), sixth)
    assert before.code != "B03"  # the framework alone files these as 项目资产收益 (A04)

    learned = Classifier(frameworks, examples=[("B03", text) for text in notices[:5]])
    after = top(learned, sixth)
    assert after.code == "B03"
    assert after.confidence >= THRESHOLD
    assert any("人工归档" in m for m in after.matched)
    # …and the corrections do not drag unrelated documents along
    assert top(learned, Document(text=TOILET_PLAN)).code == "C01"
    other_solar = Document(title="光伏电站运维巡检记录",
                           text="逆变器故障，组件清洗，本月发电量12000千瓦时。巡检人：李四")
    assert top(learned, other_solar).code == "A04"


def test_examples_with_unknown_codes_are_ignored(frameworks):
    clf = Classifier(frameworks, examples=[("Z99", TOILET_PLAN), ("C01", "")])
    assert clf.example_count == 0
    assert top(clf, Document(text=TOILET_PLAN)).code == "C01"


def test_candidates_are_the_primary_framework_and_uncovered_secondary_items(clf):
    codes = set(clf.codes)
    assert {"A01", "C01", "F03", "X01", "X02"} <= codes
    assert not codes & {"P01", "P04", "R02", "R03", "S01", "S03", "W01"}  # covered by a 实绩考核 indicator
    assert {"R01", "R04", "W02", "S04"} <= codes


def test_a_document_only_an_uncovered_secondary_item_serves_is_filed_there(clf):
    text = """2024年巩固脱贫成果群众满意度问卷调查报告
对全县600户农户开展问卷调查，群众对帮扶工作的总体满意度为96.2%，满意率较上年提高1.3个百分点。"""
    assert top(clf, Document(text=text)).code == "S04"


def test_a_primary_indicator_wins_over_a_secondary_item_it_overlaps(clf):
    text = """县委农村工作领导小组会议纪要
会议研究落实农业农村优先发展：土地出让收入用于农业农村比例提高到10%，新增建设用地指标优先保障乡村产业用地，
优先配备“三农”干部。"""
    assert top(clf, Document(text=text, title="县委农村工作领导小组会议纪要")).code == "F03"


def test_an_event_decides_a_penalty_item_over_its_subject(clf):
    text = """关于河口村自来水浑浊网络舆情的情况说明
8月5日网民在短视频平台发布视频反映河口村自来水浑浊，浏览量3万次。镇里立即协调送水，清理取水口，恢复供水。"""
    assert top(clf, Document(text=text, title="关于河口村自来水浑浊网络舆情的情况说明")).code == "X02"


def test_ocr_misreadings_of_domain_words_still_match(clf):
    text = "云山镇扬荒地整治工作情况汇报\n全镇排查扬荒耕地1346亩，已复耕复种1108亩。\n云山镇人民政府"
    assert top(clf, Document(text=text)).code == "B01"


def test_classification_is_fast_once_text_is_extracted(clf):
    docs = [Document(text=TOILET_PLAN * 3, title="方案"), Document(text=_solar_notice("上坑", 2)),
            Document(text="", file_name="IMG_0001.jpg", folders=["C01"])] * 40
    clf.classify(docs[0])  # warm caches
    start = time.perf_counter()
    for doc in docs:
        clf.classify(doc)
    rate = len(docs) / (time.perf_counter() - start)
    assert rate >= 100, f"{rate:.0f} documents/s"
