"""查漏补缺 coverage: a required item is covered when a filed document IS (one part of) that item.

A labelled set of documents (titles, kinds and text as units write them, plus decoys that only
mention an item) is put into a fresh workspace; the test measures false-missing and false-covered
rates against the labels, and checks the user's marks (covered by, not applicable) through the CLI.
"""

from __future__ import annotations

from typing import Any

from fixtures_gen import insert_record

from archivist.assess.coverage import item_parts
from archivist.assess.status import compute_status
from archivist.catalogue import Catalogue
from archivist.workspace import Workspace

# (indicator, title, fields, item numbers the document covers)
LABELLED: list[tuple[str, str, dict[str, Any], set[int]]] = [
    ("D01", "杏花村红白理事会章程", {"kind": "制度", "text": "第一条 本会由村民代表组成。"}, {4}),
    # a case file is made of documents of any kind; another name of the same thing (concept table) counts
    ("E02", "白沙村山林纠纷人民调解协议书", {"kind": "合同", "text": "经人民调解委员会主持调解，双方达成协议。"},
     {2}),
    ("C03", "河口镇小菜园小果园建设情况汇报", {"kind": "报告", "text": "今年新建小菜园42处、小果园15处。"}, {3}),
    ("E01", "县财政局拨款通知单（村级运转经费）", {"kind": "通知", "text": "拨付村级组织运转经费12万元。"}, {4}),
    # a Word file that is one table is a ledger, whatever its title calls it
    ("E01", "软弱涣散村党组织整顿转化进展情况", {"kind": "报告", "file_type": "docx", "text": "\n".join(
        ["村\t问题\t整顿措施\t进展"] + [f"{v}村\t班子不团结\t调整书记\t已转化" for v in "东西南北中"])}, {2}),
    ("D01", "2024年新时代文明实践站活动开展情况记录表", {"kind": "台账", "file_type": "xlsx"}, {1}),
    ("D01", "青山县移风易俗倡议书", {"kind": "倡议", "text": "倡导婚事新办、丧事简办，广泛宣传文明新风。"}, {5}),
    ("D01", "文明实践志愿服务工作方案", {"kind": "方案", "text": "建立志愿服务台账，定期开展活动并做好记录。"}, set()),
    ("A04", "光伏电站收益分配方案", {"kind": "方案", "text": "村集体光伏电站发电收益按以下比例分配。"}, {4}),
    ("A04", "2024年衔接资金支出进度表", {"kind": "台账", "file_type": "xlsx"}, {1}),
    ("A04", "关于下达2024年第二批衔接资金的通知", {"kind": "通知", "text": "现将资金下达你们，请抓紧实施。"}, set()),
    ("E01", "2024年运转经费拨付通知", {"kind": "通知", "text": "各乡镇：现将村级组织运转经费拨付如下。"}, {4}),
    ("E01", "杏花村四议两公开会议记录", {"kind": "记录"}, {3}),
    ("E01", "软弱涣散村党组织整顿工作方案", {"kind": "方案", "text": "建立整顿台账，一村一策。"}, set()),
    ("C01", "河口镇户厕改造验收台账", {"kind": "台账", "file_type": "xlsx"}, {1}),
    ("C01", "问题厕所排查整改工作方案", {"kind": "方案", "text": "建立问题厕所排查整改台账，逐户销号。"}, set()),
    ("C01", "农村公厕管护人员名单", {"kind": "台账", "file_type": "xlsx"}, {3}),
    ("C01", "IMG_20240601_101010", {"kind": "照片", "file_type": "image", "doc_date": None,
                                    "meta": {"exif_date": "2024-06-01"}}, {4}),
    ("A03", "石门乡公益性岗位人员考勤表（6月）", {"kind": "台账", "file_type": "xlsx"}, {3}),
    ("A03", "2024年技能培训结业人员花名册", {"kind": "台账", "file_type": "xlsx"}, {4}),
    ("A03", "东西部劳务协作框架协议", {"kind": "合同"}, {5}),
    ("A03", "乡村公益性岗位开发管理办法", {"kind": "制度", "text": "岗位人员实行考勤管理，按月发放补贴。"}, set()),
    ("A03", "就业帮扶车间认定办法", {"kind": "制度", "text": "符合条件的车间经认定后给予奖补。"}, {2}),
    ("E02", "杏花村积分制管理实施方案", {"kind": "方案"}, {3}),
    ("E02", "白沙镇网格员名单", {"kind": "台账", "file_type": "xlsx"}, {4}),
    ("A05", "驻村工作队员考勤表", {"kind": "台账", "file_type": "xlsx"}, {2}),
    ("A05", "2024年定点帮扶工作总结", {"kind": "总结"}, {3}),
    ("C03", "村庄清洁行动简报（第5期）", {"kind": "简报"}, {1}),
    ("B01", "高标准农田建设项目竣工验收报告", {"kind": "验收"}, {2}),
    ("B01", "河口镇耕地保护目标责任书", {"kind": "合同"}, {3}),
    ("B01", "关于签订耕地保护目标责任书的通知", {"kind": "通知", "text": "请各乡镇于5月底前签订责任书。"}, set()),
    ("C04", "河口镇河长巡河日志", {"kind": "记录"}, {4}),
    ("C02", "农村生活垃圾第三方保洁服务协议", {"kind": "合同"}, {5}),
    ("D01", "杏花村村规民约（修订）", {"kind": "制度"}, {3}),
]


def fill(ws: Workspace) -> dict[str, str]:
    ids = {}
    for code, title, fields, _ in LABELLED:
        defaults = {"status": "filed", "unit": "青山县农业农村局", "doc_date": "2024-06-10"}
        ids[title] = insert_record(ws, **(defaults | {"indicator": code, "title": title} | fields))
    return ids


def by_code(ws: Workspace) -> dict[str, Any]:
    catalogue = Catalogue(ws.catalogue_path)
    try:
        return {s.code: s for s in compute_status(ws, catalogue)}
    finally:
        catalogue.close()


def test_false_missing_and_false_covered_rates_on_a_labelled_set(ws: Workspace) -> None:
    fill(ws)
    statuses = by_code(ws)
    codes = {code for code, *_ in LABELLED}
    truth = {(code, n) for code, _, _, items in LABELLED for n in items}
    false_missing = false_covered = labelled_covered = labelled_missing = 0
    wrong = []
    for code in codes:
        for c in statuses[code].items:
            if (code, c.item_no) in truth:
                labelled_covered += 1
                if not c.covered:
                    false_missing += 1
                    wrong.append(f"missing {code}#{c.item_no} {c.item}")
            else:
                labelled_missing += 1
                if c.covered:
                    false_covered += 1
                    wrong.append(f"covered {code}#{c.item_no} {c.item}: {c.reasons}")
    assert labelled_covered == 27 and labelled_missing > 10
    assert false_missing / labelled_covered <= 0.05 and false_covered / labelled_missing <= 0.05, wrong


def test_the_reason_names_the_document_and_the_item(ws: Workspace, cli) -> None:
    ids = fill(ws)
    d01 = {e["code"]: e for e in cli.json("status")}["D01"]
    entry = next(c for c in d01["coverage"] if c["item_no"] == 4)
    assert entry["covered"] and entry["how"] == "matched" and entry["evidence"] == [ids["杏花村红白理事会章程"]]
    assert entry["reasons"][0].startswith("《杏花村红白理事会章程》为第4项“红白理事会章程和活动记录”")
    assert d01["covered_by"]["红白理事会章程和活动记录"] == [ids["杏花村红白理事会章程"]]
    out = cli("status")
    assert "《光伏电站收益分配方案》为第4项“资产收益分配方案和发放凭证”" in out.replace("\n", "")


def test_item_parts_share_their_kind_and_subject() -> None:
    parts = item_parts("资产收益分配方案和发放凭证")
    assert [p.text for p in parts] == ["资产收益分配方案", "发放凭证"]
    assert parts[0].sorts == {"plan"} and parts[1].sorts == {"voucher"} and "资产收益" in "".join(parts[1].subject)
    first, second = item_parts("公益性岗位聘用和考勤台账")
    assert first.sorts == second.sorts == {"ledger"}  # 聘用台账 and 考勤台账


def test_a_user_marks_an_item_covered_or_not_applicable_and_it_is_audited(ws: Workspace, cli) -> None:
    ids = fill(ws)
    before = {e["code"]: e for e in cli.json("status")}
    assert "农村黑臭水体整治台账" in before["C02"]["missing"]
    other = insert_record(ws, status="filed", indicator="C02", title="河口镇水环境综合治理情况", kind="报告",
                          doc_date="2024-08-01")
    cli("cover", "C02", "4", "--by", other, "--note", "该报告第三部分即黑臭水体整治台账")
    cli("cover", "C01", "5", "--not-applicable", "--note", "本县无集中式粪污处理设施")
    after = {e["code"]: e for e in cli.json("status")}
    c02 = next(c for c in after["C02"]["coverage"] if c["item_no"] == 4)
    assert c02["covered"] and c02["how"] == "manual" and c02["evidence"][0] == other
    assert "农村黑臭水体整治台账" not in after["C02"]["missing"]
    assert "粪污处理设施运行记录" not in after["C01"]["missing"]
    assert after["C01"]["not_applicable"] == ["粪污处理设施运行记录"]
    out = cli("status").replace("\n", "")
    assert "经人工认定不适用：本县无集中式粪污处理设施" in out and "人工认定（该报告第三部分" in out
    # refusals: unknown item, unknown document, not applicable without a reason
    assert "没有第9项" in cli("cover", "C02", "9", "--by", other, expect=1)
    assert "找不到编号为 nosuch" in cli("cover", "C02", "1", "--by", "nosuch", expect=1)
    assert "须说明理由" in cli("cover", "C02", "1", "--not-applicable", expect=1)
    cli("cover", "C01", "5", "--clear")
    assert "粪污处理设施运行记录" in {e["code"]: e for e in cli.json("status")}["C01"]["missing"]
    catalogue = Catalogue(ws.catalogue_path)
    actions = [r[0] for r in catalogue.db.execute("SELECT action FROM audit ORDER BY rowid")]
    catalogue.close()
    assert actions.count("coverage_marked") == 2 and actions.count("coverage_cleared") == 1
    assert ids  # the labelled documents stayed untouched
