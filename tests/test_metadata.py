"""Metadata (issue 2 item 6, issue 3): 题名, 责任者, 成文日期, 文号 and kind from the usual layouts."""

from __future__ import annotations

import pytest

from archivist.intake.metadata import (
    date_from_name,
    detect_kind,
    extract_meta,
    find_dates,
    find_doc_number,
    meaningful_stem,
    normalize_unit,
)
from archivist.model import Extraction


def meta(text: str, name: str = "文件.docx", file_type: str = "docx", **kw):
    return extract_meta(Extraction(file_type=file_type, text=text, **kw), name)


NOTICE = """桃花县农业农村局文件
桃农发〔2024〕12号
关于加强农村公共厕所日常管护的
通知
各乡镇人民政府：
近期暗访发现，部分公厕存在保洁不及时的问题。截至2024年4月30日，全县共有农村公厕312座。
请于2024年6月30日前完成整改。
桃花县农业农村局
2024年5月12日
"""


def test_a_red_header_notice_title_number_unit_and_date():
    m = meta(NOTICE)
    assert m.title == "关于加强农村公共厕所日常管护的通知"  # two title lines joined, red header skipped
    assert m.doc_number == "桃农发〔2024〕12号"
    assert m.unit == "县农业农村局"
    assert m.doc_date == "2024-05-12"  # the 落款 date, not 截至 or the deadline in the body
    assert m.kind == "通知"


@pytest.mark.parametrize("written, expected", [
    ("二〇二四年五月十二日", "2024-05-12"),
    ("二○二四年十月一日", "2024-10-01"),
    ("二〇二四年十二月三十一日", "2024-12-31"),
    ("二〇二三年二月二十日", "2023-02-20"),
])
def test_chinese_numeral_dates_under_the_signature(written, expected):
    text = f"桃花县乡村振兴局2024年工作总结\n一、主要工作。全年完成……\n桃花县乡村振兴局\n{written}\n"
    assert meta(text).doc_date == expected


def test_pdf_text_layers_with_spaces_between_digits_and_chinese():
    text = ("关于2024 年度软弱涣散村党组织整顿转化\n情况的报告\n县委：\n现将情况报告如下。\n"
            "中共桃花县委组织部\n2024 年10 月28 日\n")
    m = meta(text, file_type="pdf")
    assert m.title == "关于2024年度软弱涣散村党组织整顿转化情况的报告"
    assert m.unit == "县委组织部"
    assert m.doc_date == "2024-10-28"


def test_several_issuers_on_one_line_the_first_is_the_unit():
    text = ("2024年农村改厕实施方案\n为推进厕所革命……\n桃花县农业农村局　桃花县卫生健康局　桃花县生态环境局\n"
            "2024年3月15日\n附表\n乡镇\t户厕\n")
    m = meta(text)
    assert m.unit == "县农业农村局"
    assert m.doc_date == "2024-03-15"  # the 落款 date even though a table follows it


def test_unit_and_date_on_one_line_and_a_seal_mark():
    text = ("人民调解协议书\n编号：石调【2024]17号\n双方自愿达成如下协议……\n"
            "石桥镇人民调解委员会 〈盖章) ”2024年3月27日\n")
    m = meta(text, "scan_0019.pdf", file_type="pdf")
    assert m.unit == "石桥镇人民调解委员会"
    assert m.doc_date == "2024-03-27"
    assert m.doc_number == "石调〔2024〕17号"


@pytest.mark.parametrize("header, expected", [
    ("清农办〔2024〕12号", "清农办〔2024〕12号"),
    ("清农办[2024]12号", "清农办〔2024〕12号"),
    ("清农办（2024）12号", "清农办〔2024〕12号"),
    ("清农办【2024】第12号", "清农办〔2024〕12号"),
    ("〔2024〕3 号", "〔2024〕3号"),
])
def test_document_number_variants_are_normalised(header, expected):
    assert find_doc_number(f"某某会议纪要\n{header}\n正文。") == expected


def test_a_document_number_cited_in_the_body_is_not_the_documents_own():
    text = ("关于做好项目库建设的通知\n各乡镇：\n"
            "根据《关于加强项目库管理的意见》（省乡振发〔2023〕8号）要求，现就有关事项通知如下。\n")
    assert find_doc_number(text) == ""


@pytest.mark.parametrize("raw, expected", [
    ("中共桃花县委组织部", "县委组织部"),
    ("桃花县人社局", "县人力资源和社会保障局"),
    ("中共桃花县委农村工作领导小组办公室", "县委农办"),
    ("江南省委农村工作领导小组办公室", "省委农办"),
    ("桃花县城市管理局", "县城市管理局"),
    ("桃花县住房和城乡建设局", "县住房和城乡建设局"),
    ("桃花县文化广电旅游体育局公共服务股", "县文化广电旅游体育局"),
    ("桃花县云峰镇人民政府", "云峰镇人民政府"),
    ("凤凰乡社会事务办", "凤凰乡人民政府"),
    ("梅岭镇乡村公益性岗位管理办公室", "梅岭镇人民政府"),
    ("溪口镇新塘村党支部（盖章）", "溪口镇新塘村党支部"),
    ("云峰镇松溪村村民委员会", "云峰镇松溪村村民委员会"),
    ("石桥镇人民调解委员会", "石桥镇人民调解委员会"),
    ("县农村人居环境整治工作领导小组办公室（设在县住房和城乡建设局）", "县住房和城乡建设局"),
    ("中共桃花县委组织部（县委人才办代章）", "县委组织部"),
    ("香港嶺南鄉誼慈善基金會", "香港岭南乡谊慈善基金会"),
])
def test_unit_normalisation(raw, expected):
    assert normalize_unit(raw) == expected


def test_ledger_title_row_and_footer_fields():
    text = "\n".join([
        "溪口镇2024年监测对象帮扶和风险消除明细台账（截至2024年11月30日）",
        "序号\t村\t户主姓名\t识别纳入时间\t风险消除时间",
        "1\t溪口村\t刘春发\t2023-04-12\t2024-07-18",
        "制表：溪口镇社会事务办　审核：溪口镇人民政府　数据截至2024年11月30日　制表日期：2024年12月2日",
    ])
    m = meta(text, "附件3.xlsx", file_type="xlsx")
    assert m.title.startswith("溪口镇2024年监测对象帮扶和风险消除明细台账")
    assert m.unit == "溪口镇人民政府"
    assert m.doc_date == "2024-12-02"  # 制表日期, not 截至 nor the dates in the rows
    assert m.kind == "台账"


def test_a_contract_is_dated_when_signed_not_when_filed_and_belongs_to_the_first_party():
    text = ("农村土地经营权流转合同\n流出方（甲方）：云峰镇上坪村股份经济合作社\n流入方（乙方）：某某茶业有限公司\n"
            "第一条 ……\n甲方（盖章）：云峰镇上坪村股份经济合作社 乙方（盖章）：某某茶业有限公司\n"
            "签订日期：2024年2月20日\n备案：云峰镇农村经营管理站 备案日期：2024年2月23日\n")
    m = meta(text, "土地流转合同.pdf", file_type="pdf")
    assert m.unit == "云峰镇上坪村股份经济合作社"
    assert m.doc_date == "2024-02-20"
    assert m.kind == "合同"


def test_a_date_range_dates_the_document_at_its_end():
    assert find_dates("培训时间：2024年6月17日至28日")[-1][2] == "2024-06-28"
    assert find_dates("2024年6月28日至7月3日")[-1][2] == "2024-07-03"


@pytest.mark.parametrize("name, expected", [
    ("会议纪要20240512.docx", "2024-05-12"),
    ("2024.5.12 改厕验收.pdf", "2024-05-12"),
    ("改厕验收 2024-05-12.pdf", "2024-05-12"),
    ("IMG_20240619_154210.jpg", "2024-06-19"),
    ("微信图片_20240418152233.jpg", "2024-04-18"),
    ("扫描全能王 2024-07-22 16.05.jpg", "2024-07-22"),
    ("mmexport1730791842156.jpg", "2024-11-05"),
    ("scan_0019.pdf", None),
])
def test_dates_in_file_names(name, expected):
    assert date_from_name(name) == expected


def test_a_file_name_date_is_used_when_the_text_has_none():
    m = meta("村民代表会议签到表\n姓名\t签到\n张三\t已签\n", "签到表20240512.xlsx", file_type="xlsx")
    assert m.doc_date == "2024-05-12"


def test_a_photo_takes_its_exif_date_and_xp_title_and_the_township_as_unit():
    caption = "凤凰乡水口村改厕后：三格式化粪池安装完毕"
    ext = Extraction(file_type="image", text=caption, title_hint=caption,
                     meta={"exif_date": "2024-06-19", "xp_title": caption})
    m = extract_meta(ext, "IMG_20240601_000000.jpg")
    assert m.title == caption
    assert m.doc_date == "2024-06-19"  # EXIF wins over the file name
    assert m.unit == "凤凰乡人民政府"
    assert m.kind == "照片"
    assert m.doc_number == ""


def test_a_phone_scan_of_paper_takes_the_date_written_on_the_paper():
    text = ("云峰镇撂荒地整治工作情况汇报\n\n县农业农村局 :\n\n按照县里的部署，我镇对全镇19个村开展了全面排查，"
            "现将有关情况汇报如下。\n一、排查情况。共排查出撂荒耕地1346亩。\n\n云峰镇人民政府”2024年4月18日\n")
    ext = Extraction(file_type="image", text=text, ocr_used=True, meta={"exif_date": "2024-04-19"})
    m = extract_meta(ext, "微信图片_20240419100000.jpg")
    assert m.doc_date == "2024-04-18"
    assert m.unit == "云峰镇人民政府"
    assert m.title == "云峰镇撂荒地整治工作情况汇报"
    assert m.kind == "报告"


def test_a_masthead_bulletin_is_dated_and_signed_in_its_header():
    text = ("村庄清洁行动工作简报（第6 期）\n桃花县农村人居环境整治工作领导小组办公室（设在县住房和\n"
            "城乡建设局） 2024 年5 月20 日\n全县春季战役收官\n截至5 月15 日，全县累计出动干部群众4.3 万人次。\n")
    m = meta(text, "简报.pdf", file_type="pdf")
    assert m.title == "村庄清洁行动工作简报（第6期）"
    assert m.unit == "县住房和城乡建设局"
    assert m.doc_date == "2024-05-20"
    assert m.kind == "简报"


def test_traditional_text_gives_simplified_metadata():
    text = ("香港嶺南鄉誼慈善基金會梅嶺鎮項目年度總結\n二〇二四年，本會繼續開展幫扶。\n"
            "香港嶺南鄉誼慈善基金會\n二〇二四年十二月十六日\n")
    m = meta(text)
    assert m.title == "香港岭南乡谊慈善基金会梅岭镇项目年度总结"
    assert m.unit == "香港岭南乡谊慈善基金会"
    assert m.doc_date == "2024-12-16"


@pytest.mark.parametrize("name, expected", [
    ("IMG_20240716_093145.jpg", ""),
    ("scan_0019.pdf", ""),
    ("新建 Microsoft Excel 工作表.xlsx", ""),
    ("新建 Microsoft Word 文档 (3).docx", ""),
    ("附件3.xlsx", ""),
    ("微信图片_20240418152233.jpg", ""),
    ("情况说明.docx", "情况说明"),
    ("古樟村党支部领办合作社情况.txt", "古樟村党支部领办合作社情况"),
])
def test_meaningful_file_name_stems(name, expected):
    assert meaningful_stem(name) == expected


def test_the_file_name_is_the_title_only_when_the_text_has_none_and_the_name_says_something():
    assert meta("", "古樟村党支部领办合作社情况.txt", file_type="text").title == "古樟村党支部领办合作社情况"
    assert meta("", "scan_0019.pdf", file_type="pdf").title == ""


@pytest.mark.parametrize("title, kind", [
    ("2024年防止返贫动态监测和帮扶工作实施方案", "方案"),
    ("县委农村工作领导小组会议纪要", "纪要"),
    ("石桥镇2024年高标准农田建设项目竣工验收报告", "验收"),
    ("关于2024年度衔接资金支出进度情况的通报", "通报"),
    ("溪口镇垃圾中转站运行台账", "台账"),
    ("2024年化肥农药减量增效工作总结", "总结"),
    ("关于调整充实驻村第一书记的通知", "通知"),
])
def test_kind_from_the_title(title, kind):
    assert detect_kind(title) == kind


@pytest.mark.parametrize("text", [
    "", "\n\n\n", "1234567890" * 500, "（（（〔〔2024〕〕号", "二〇二四年十三月四十日", "2024年2月30日",
    "中共\n县委\n（盖章）", "\x00\x01binary\ufffd" * 50, "表" * 5000 + "\n" + "\t" * 300,
])
def test_odd_inputs_never_crash_and_never_invent_impossible_dates(text):
    for file_type in ("docx", "xlsx", "image", "pdf"):
        m = meta(text, "x.bin", file_type=file_type)
        assert m.doc_date is None or m.doc_date[:4] in ("2023", "2024")


# ---------------------------------------------------------------- trust: only stated units, ranked dates
def test_a_ledger_is_dated_by_its_title_as_of_date_not_a_later_date_in_a_cell():
    text = ("【进展】\n全县农村公路提升改造项目进展台账（截至2024年10月31日）\n"
            "序号\t项目\t进展\t计划完工\n1\t东岭路\t已完成路基\t2025年1月31日\n2\t西岭路\t已完工\t2024年9月30日\n")
    title = "全县农村公路提升改造项目进展台账（截至2024年10月31日）"
    m = meta(text, "进展台账.xlsx", file_type="xlsx", title_hint=title)
    assert m.doc_date == "2024-10-31"
    assert m.date_source == "title_as_of"


def test_a_fill_date_beats_the_title_as_of_date_and_month_end_is_understood():
    text = ("2024年村级集体经济收入统计表（截至11月底）\n村\t收入（万元）\n东坪村\t12.5\n"
            "填报单位：河西镇人民政府\t\t填报日期：2024年12月5日\n")
    m = meta(text, "统计表.xlsx", file_type="xlsx", title_hint="2024年村级集体经济收入统计表（截至11月底）")
    assert m.doc_date == "2024-12-05" and m.date_source == "fill_date"
    assert m.unit == "河西镇人民政府" and m.unit_source == "fill_unit"
    m2 = meta(text.rsplit("\n", 2)[0] + "\n", "统计表.xlsx", file_type="xlsx",
              title_hint="2024年村级集体经济收入统计表（截至11月底）")
    assert m2.doc_date == "2024-11-30"


def test_a_sentence_fragment_ending_like_an_organisation_is_not_the_unit():
    text = ("垃圾填埋场整改情况\n一、整改措施\n加快管网建设，确保\n渗滤液纳管至城区污水处理中心\n2024年6月3日\n")
    m = meta(text)
    assert m.unit == ""  # nothing states the unit: better empty than a fragment
    assert m.doc_date == "2024-06-03"


def test_a_company_in_a_table_cell_is_not_the_unit_and_the_folder_names_the_sender():
    text = ("2024年农村户厕改造项目验收情况\n经验收，项目全部合格。\n"
            "序号\t村\t施工单位\t验收日期\n1\t东坪村\t青山建筑工程有限公司\t2024年9月30日\n")
    m = extract_meta(Extraction(file_type="docx", text=text), "验收情况.docx", ["来件", "02-河西镇人民政府报送材料"])
    assert m.unit == "河西镇人民政府" and m.unit_source == "folder"
    bare = meta(text)
    assert bare.unit == ""


def test_a_unit_named_author_property_counts_a_person_or_tool_does_not():
    text = "关于做好秋季农业生产的通知\n各乡镇：\n请抓好秋收秋种。\n"
    assert meta(text, meta={"author": "青山县农业农村局"}).unit == "县农业农村局"
    assert meta(text, meta={"author": "Administrator"}).unit == ""
    assert meta(text, meta={"author": "张三"}).unit == ""


def test_unit_folders_and_other_folders():
    from archivist.intake.metadata import folder_unit

    assert folder_unit(["U盘", "县农业农村局"]) == "县农业农村局"
    assert folder_unit(["东坪村村委会", "照片"]) == "东坪村村委会"
    assert folder_unit(["C01-农村厕所革命"]) == ""
    assert folder_unit(["2024年", "照片"]) == ""


@pytest.mark.parametrize("first", ["报送单位：河西镇人民政府", "附件1", "密级：内部", "签发人：王强", "特急"])
def test_a_title_is_never_a_label_line(first):
    text = f"{first}\n河西镇2024年人居环境整治工作总结\n今年以来，我镇……\n河西镇人民政府\n2024年12月2日\n"
    m = meta(text)
    assert m.title == "河西镇2024年人居环境整治工作总结"
    assert m.title_source == "title_block"


def test_an_ocr_garbled_header_is_not_the_title():
    text = "县 农 业 农 衬 局 文 仵\n丨|l ~ 衣_发=\n关于开展农村人居环境整治\n检查的通知\n各乡镇：\n……\n"
    m = meta(text, "scan_0001.pdf", file_type="pdf")
    assert m.title == "关于开展农村人居环境整治检查的通知"


def test_every_value_says_where_it_was_read():
    m = meta(NOTICE)
    assert (m.title_source, m.unit_source, m.date_source) == ("title_block", "signature", "signature_date")


def test_a_fill_unit_stated_under_the_title_is_the_unit():
    rows = "".join(f"{n}\t人员{n}\t保洁员\t东坪村\n" for n in range(1, 21))  # the label is far from the end
    text = ("【台账】\n2024年农村公益性岗位人员花名册\n填报单位：青山县河西镇人民政府\t填报日期：2024年7月3日\n"
            "序号\t姓名\t岗位\t所在村\n" + rows)
    m = meta(text, "花名册.xlsx", file_type="xlsx")
    assert m.unit == "河西镇人民政府" and m.unit_source == "fill_unit"
    assert m.doc_date == "2024-07-03"
    assert m.title == "2024年农村公益性岗位人员花名册"


@pytest.mark.parametrize("name", ["县委组织部", "县乡村振兴工作领导小组办公室", "县人居环境整治办公室",
                                  "石桥镇人民调解委员会", "云峰镇上坪村股份经济合作社", "县农业综合开发项目管理中心",
                                  "县老年人活动中心",
                                  "青山茶业有限公司", "东坪村村委会", "河西镇"])
def test_real_unit_names_validate(name):
    from archivist.intake.metadata import valid_unit

    assert valid_unit(name)


@pytest.mark.parametrize("name", ["渗滤液纳管至城区污水处理中心", "河西镇中心小学开展防溺水教育", "张三",
                                  "Administrator", "县农业农村局关于印发方案的通知", "现场照片", "2024年河西镇"])
def test_fragments_people_and_sentences_do_not(name):
    from archivist.intake.metadata import valid_unit

    assert not valid_unit(name)


def test_a_joint_signature_is_the_lead_issuer_on_the_topmost_line():
    text = ("桃办发〔2024〕9号\n中共桃花县委办公室　桃花县人民政府办公室\n关于印发《桃花县人才十条》的通知\n"
            "各乡镇党委、人民政府：\n现印发给你们，请认真贯彻执行。\n中共桃花县委办公室\n桃花县人民政府办公室\n2024年6月3日\n")
    assert meta(text).unit == "县委办公室"


def test_recipient_lines_are_not_the_issuer_and_a_masthead_names_it():
    text = ("东岭镇环境整治工作专班          2024年9月2日\n环境整治简报\n第3期\n"
            "【动态】本月推行“积分超市”，评选“美丽庭院”15户，清理垃圾80吨。\n报：县农业农村局\n送：镇班子成员\n2024年9月2日\n")
    m = meta(text)
    assert m.unit == "东岭镇环境整治工作专班"
    assert m.doc_date == "2024-09-02"


def test_the_as_of_line_under_a_ledger_title_dates_it_not_a_cell():
    text = ("【台账】\n东岭镇2024年撂荒地整治台账\n（截至2024年8月31日）  面积单位：亩\n"
            "村\t撂荒面积\t已复耕\t计划完成时间\n东岭村\t98.2\t97.3\t2025年3月1日\n西岭村\t45\t45\t2024年9月20日\n")
    m = meta(text, "撂荒地.xlsx", file_type="xlsx")
    assert (m.doc_date, m.date_source) == ("2024-08-31", "title_as_of")
    padded = ("东岭县2024年粮食生产统计表\n填报单位：东岭县农业农村局" + " " * 20 + "（截至2024年12月31日）\n"
              "乡镇\t面积\t计划完成时间\n东岭镇\t1200\t2025-03-01\n")
    assert meta(padded, "粮食.xlsx", file_type="xlsx").doc_date == "2024-12-31"


def test_an_ocr_signature_date_that_lost_its_first_digit_is_still_read():
    assert find_dates("○二四年三月十二日")[0][2] == "2024-03-12"


def test_a_contract_in_a_units_folder_belongs_to_that_party_and_a_foreign_district_keeps_its_city():
    text = ("劳务协作协议\n甲方：宁波市江北区人力资源和社会保障局\n乙方：桃花县人力资源和社会保障局\n第一条 ……\n"
            "甲方（盖章）：                乙方（盖章）：\n2024年3月28日\n")
    m = extract_meta(Extraction(file_type="docx", text=text), "协议.docx", ["县人社局"])
    assert m.unit == "县人力资源和社会保障局"
    assert normalize_unit("宁波市江北区人力资源和社会保障局") == "宁波市江北区人力资源和社会保障局"
    flat = "责任书\n甲方：桃花县人民政府乙方：东岭镇人民政府\n代表（签字）：李明\n2024年3月12日\n"
    assert meta(flat).unit == "县人民政府"


def test_labelled_authors_of_forms_and_a_compiled_by_note():
    form = "入户走访记录表\n户主：张某\n2024.7.15 李某 走访正常\n走访单位：东岭镇西岭村驻村工作队\n"
    assert meta(form, "IMG_1.jpg", file_type="image").unit == "东岭镇西岭村驻村工作队"
    ledger = ("【清单】\n农村养老设施清单\n序号\t名称\t床位\n1\t东岭镇敬老院\t90\n2\t西岭互助院\t20\n"
              "【说明】\n本清单由县民政局养老服务股整理。\n（床位数据由各乡镇提供）\n")
    assert meta(ledger, "清单.xlsx", file_type="xlsx").unit == "县民政局"


def test_a_joint_issuer_line_over_the_number_is_no_title_and_an_addressee_note_is_cut():
    text = ("东岭县财政局  东岭县乡村振兴局\n东财农〔2024〕7号\n关于下达2024年第三批衔接推进\n乡村振兴补助资金的通知\n"
            "各乡镇人民政府：\n现将资金下达给你们。\n东岭县财政局\n2024年6月1日\n")
    assert meta(text).title == "关于下达2024年第三批衔接推进乡村振兴补助资金的通知"
    assert meta("返乡创业情况统计（报县委组织部人才办）\n乡镇\t人数\n东岭镇\t12\n").title == "返乡创业情况统计"


def test_title_block_rules_from_outside_documents():
    # the issuer's own line under the 文号 begins the title (GB/T 9704: 发文机关 + 关于 + 事由 + 文种)
    notice = ("东岭县农业农村局文件\n东农发〔2024〕3号\n东岭县农业农村局\n关于印发《改厕方案》的通知\n"
              "各乡镇：\n现印发。\n")
    assert meta(notice).title == "东岭县农业农村局关于印发《改厕方案》的通知"
    assert meta("证  明\n兹证明我村村民张某住房安全。\n东岭村村民委员会\n2024年9月1日\n").title == "证明"
    form = "入户走访记录\n走访时间\t户主\t走访内容\n2024年3月1日\t张某\t正常\n"
    assert meta(form).title == "入户走访记录"
    assert meta("内部资料 注意保存\n东岭县2024年消除薄弱村工作方案\n为……，制定本方案。\n").title == \
        "东岭县2024年消除薄弱村工作方案"
    bulletin = "东岭县乡村振兴工作简报\n第12期\n东岭县委农办编    2024年11月28日\n【四小园】东岭镇扮靓庭院\n正文。\n"
    assert meta(bulletin).title == "东岭县乡村振兴工作简报"
    branded = "平安东岭\n（2024年第5期）\n东岭镇综治中心编    2024年10月25日\n两村通过平安村验收\n正文。\n"
    m = extract_meta(Extraction(file_type="docx", text=branded), "简报.docx", ["东岭镇"])
    assert m.title == "两村通过平安村验收" and m.unit == "东岭镇人民政府"


def test_unit_fields_in_cells_and_a_watermark_caption():
    ledger = "【Sheet1】\n低保发放汇总表\n制表单位（盖章）：\t东岭县民政局\t\t日期：2024/12/10\n乡镇\t户数\n东岭镇\t5\n"
    assert meta(ledger, "表1.xlsx", file_type="xlsx").unit == "县民政局"
    form = "入户核查表\n核查单位:东岭县乡村振兴局户主:张某村:东岭村\n核查日期：2024年10月17日\n"
    assert meta(form, "001.jpg", file_type="image").unit == "县乡村振兴局"
    report = "东岭县2023年度高标准农田项目\n竣工验收报告\n承办单位：东岭县农业农村局\n一、基本情况\n"
    assert meta(report).unit == "县农业农村局"
    photo = meta("东岭镇新田村高标准农田灌溉渠2024.06.12 09:30晴26℃\n", "IMG_1.jpg", file_type="image")
    assert photo.title == "东岭镇新田村高标准农田灌溉渠"
    contract = ("耕地保护目标责任书\n甲方：东岭县人民政府\n乙方：东岭镇人民政府\n签订本责任书。\n"
                "乙方（盖章）：东岭镇人民政府\n")
    assert meta(contract).unit == "县人民政府"


def test_a_numbered_heading_is_never_the_issuer_and_the_author_property_is():
    text = ("桃花县“一村一品”特色产业发展三年行动方案（2024—2026年）\n为加快培育特色产业，制定本方案。\n"
            "一、发展目标\n到2026年，特色产业综合产值突破60亿元。\n二、产业布局\n青石镇重点发展脐橙。")
    m = meta(text, "一村一品行动方案.docx", meta={"author": "桃花县农业农村局"})
    assert m.unit == "县农业农村局"


@pytest.mark.parametrize("line, expected", [
    # fields of a scanned line run together by OCR: the value ends where the next label or a date begins
    ("调查单位:桃花县乡村振兴局调查日期:2024年11月15日", "县乡村振兴局"),
    ("制表单位:中共桃花县委组织部截至2024年10月31日", "县委组织部"),
    # a roster's 承办单位 under its title, a report's 建设单位, a work team's 派出单位
    ("承办单位：桃花县农业技术推广中心    培训时间：2024年5月13日—5月19日", "县农业技术推广中心"),
    ("派出单位：桃花县财政局", "县财政局"),
])
def test_labelled_units_on_one_line_with_other_fields(line, expected):
    rows = "\n".join(f"{n}\t张{n}\t男\t龙潭镇\t合格" for n in range(1, 40))
    text = f"2024年桃花县高素质农民培育学员花名册\n{line}\n序号\t姓名\t性别\t乡镇\t结业情况\n{rows}"
    assert meta(text, "花名册.xlsx", file_type="xlsx").unit == expected


def test_a_farm_signs_its_own_report_and_the_county_party_committee_is_a_unit():
    farm = ("关于绿野生猪养殖场环境问题整改情况的报告\n桃花县生态环境局：\n整改工作已于2024年7月30日全部完成。\n"
            "桃花县石门镇绿野生猪养殖场\n2024年8月2日")
    assert meta(farm, "整改报告.pdf", file_type="pdf").unit == "石门镇绿野生猪养殖场"
    joint = ("中共桃花县委  桃花县人民政府\n桃发〔2021〕11号\n桃花县过渡期工作方案\n为贯彻落实……制定本方案。\n"
             "中共桃花县委      桃花县人民政府\n2021年7月26日")
    assert meta(joint, "过渡期工作方案.docx").unit == "县委"


def test_a_watermark_photo_with_the_time_on_its_own_line_is_captioned_by_the_place_line():
    ext = Extraction(file_type="image", text="2024-05-08 10:21\n桃花县石门镇水口村村庄清洁整治前",
                     meta={"exif_date": "2024-05-08"})
    m = extract_meta(ext, "石门镇水口村整治前.jpg")
    assert m.title == "桃花县石门镇水口村村庄清洁整治前"
    assert m.unit == "石门镇人民政府"
