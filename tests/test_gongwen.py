"""GB/T 9704-2012 facts of the document builder, checked by reopening the .docx with python-docx."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from archivist.generate.gongwen import (
    FANGSONG,
    HEITI,
    KAITI,
    SONGTI,
    XIAOBIAOSONG,
    GongwenDocument,
    cn_numeral,
    format_cn_date,
    split_title,
    text_width,
)

TITLE = "关于2024年度巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作的自评报告"


def _east_asia(run) -> str | None:
    rfonts = run._element.rPr.find(qn("w:rFonts"))
    return None if rfonts is None else rfonts.get(qn("w:eastAsia"))


def _build(path: Path) -> Path:
    doc = GongwenDocument()
    doc.title(TITLE)
    doc.recipient("市委农村工作领导小组:")
    doc.paragraph("按照考核要求，我县对照指标逐项开展自查自评，现将有关情况报告如下。")
    doc.heading1("基本情况")
    doc.paragraph("全县共有脱贫人口12860户42315人。")
    doc.heading2("责任落实情况")
    doc.heading3("压实工作责任", body="县委常委会会议专题研究12次。")
    doc.heading4("完善帮扶机制")
    doc.heading4("强化督导考核")
    doc.heading3("健全工作机制")
    doc.heading2("政策落实情况")
    doc.heading1("存在问题")
    doc.heading2("部分项目进度滞后")
    doc.heading3("资金拨付慢")
    doc.heading4("原因")
    doc.table(
        ["序号", "指标", "自评得分"],
        [["1", "防止返贫动态监测和帮扶", "9.5"], ["2", "产业就业帮扶", "10"]],
        col_widths_mm=[20, 96, 40],
        align=["center", "left", "center"],
    )
    doc.attachments(["2024年度自评得分表。", "佐证材料目录"])
    doc.signature("清水县乡村振兴局", dt.date(2024, 5, 12))
    return doc.save(path / "自评报告.docx")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> docx.document.Document:
    return docx.Document(str(_build(tmp_path_factory.mktemp("gongwen"))))


def _paras(d) -> list:
    return [p for p in d.paragraphs if p.text.strip()]


def _find(d, start: str):
    return next(p for p in d.paragraphs if p.text.startswith(start))


def test_page_is_a4_with_gbt9704_margins(built) -> None:
    sec = built.sections[0]
    assert sec.orientation == WD_ORIENT.PORTRAIT
    assert abs(sec.page_width - Mm(210)) < Mm(0.5) and abs(sec.page_height - Mm(297)) < Mm(0.5)
    for got, want in ((sec.top_margin, 37), (sec.left_margin, 28), (sec.right_margin, 26), (sec.bottom_margin, 35)):
        assert abs(got - Mm(want)) < Mm(0.5), (got.mm, want)
    assert (sec.top_margin.twips, sec.left_margin.twips, sec.right_margin.twips, sec.bottom_margin.twips) == (
        2098,
        1588,
        1474,
        1984,
    )


def test_landscape_catalogue_page(tmp_path: Path) -> None:
    doc = GongwenDocument(landscape=True)
    doc.table(["序号", "档号", "题名"], [["1", "A01-2024-001", "[自评报告]"]], col_widths_mm=[20, 60, 145])
    d = docx.Document(str(doc.save(tmp_path / "目录.docx")))
    sec = d.sections[0]
    assert sec.orientation == WD_ORIENT.LANDSCAPE
    assert sec.page_width > sec.page_height
    assert abs(sec.page_width - Mm(297)) < Mm(0.5)
    # the text block is the portrait one turned a quarter: 225 mm wide
    assert abs((sec.page_width - sec.left_margin - sec.right_margin) - Mm(225)) < Mm(0.5)


def test_east_asian_fonts_are_set_everywhere(built) -> None:
    title = _find(built, "关于2024")
    assert {_east_asia(r) for r in title.runs} == {XIAOBIAOSONG}
    assert {_east_asia(r) for r in _find(built, "按照考核").runs} == {FANGSONG}
    assert {_east_asia(r) for r in _find(built, "一、").runs} == {HEITI}
    assert {_east_asia(r) for r in _find(built, "（一）").runs} == {KAITI}
    assert {_east_asia(r) for r in _find(built, "（1）").runs} == {FANGSONG}
    # run-in body after a 仿宋 level-3 heading keeps 仿宋
    assert {_east_asia(r) for r in _find(built, "1.压实").runs} == {FANGSONG}
    # no theme font attributes anywhere in styles: they would override the names (MS Mincho)
    styles_xml = built.styles.element.xml
    assert "eastAsiaTheme" not in styles_xml and "asciiTheme" not in styles_xml
    normal_fonts = built.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert normal_fonts.get(qn("w:eastAsia")) == FANGSONG and normal_fonts.get(qn("w:ascii")) == FANGSONG
    defaults = built.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == FANGSONG
    assert built.settings.element.find(qn("w:themeFontLang")).get(qn("w:eastAsia")) == "zh-CN"


def test_sizes_line_spacing_and_indent(built) -> None:
    title = _find(built, "关于2024")
    assert all(r.font.size == Pt(22) for r in title.runs)
    assert title.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.style.paragraph_format.first_line_indent == 0
    body = _find(built, "按照考核")
    assert all(r.font.size == Pt(16) for r in body.runs)
    normal = built.styles["Normal"].paragraph_format
    assert normal.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert normal.line_spacing == Pt(28)
    assert normal.first_line_indent == Pt(32)
    for start in ("一、", "（一）", "1.", "（1）"):
        p = _find(built, start)
        assert all(r.font.size == Pt(16) for r in p.runs)
        assert not any(r.font.bold for r in p.runs)  # 黑体/楷体 carry their own weight
        assert p.style.paragraph_format.line_spacing == Pt(28)
    recipient = _find(built, "市委")
    assert recipient.text == "市委农村工作领导小组："
    assert recipient.style.paragraph_format.first_line_indent == 0


def test_heading_numbers_restart_under_a_new_parent(built) -> None:
    heads = [p.text for p in built.paragraphs if p.style.name in {"一级标题", "二级标题", "三级标题", "四级标题"}]
    assert heads == [
        "一、基本情况",
        "（一）责任落实情况",
        "1.压实工作责任。县委常委会会议专题研究12次。",
        "（1）完善帮扶机制",
        "（2）强化督导考核",
        "2.健全工作机制",
        "（二）政策落实情况",
        "二、存在问题",
        "（一）部分项目进度滞后",
        "1.资金拨付慢",
        "（1）原因",
    ]
    # headings show in the navigation pane
    assert built.styles["一级标题"].element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"


def test_footer_has_page_field_between_dashes(built) -> None:
    footer = built.sections[0].footer
    xml = footer._element.xml
    assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
    assert "PAGE" in "".join(t.text for t in footer._element.iter(qn("w:instrText")))
    p = footer.paragraphs[0]
    assert p.text.startswith("—") and p.text.endswith("—")
    assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert {_east_asia(r) for r in p.runs} == {SONGTI}
    assert {r.font.size for r in p.runs} == {Pt(14)}


def test_odd_even_page_numbers(tmp_path: Path) -> None:
    doc = GongwenDocument(page_numbers="odd_even")
    doc.paragraph("正文")
    d = docx.Document(str(doc.save(tmp_path / "a.docx")))
    sec = d.sections[0]
    assert d.settings.odd_and_even_pages_header_footer
    assert sec.footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert sec.even_page_footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_signature_and_date(built) -> None:
    assert format_cn_date(dt.date(2024, 5, 12)) == "2024年5月12日"
    assert format_cn_date(dt.date(2025, 1, 2)) == "2025年1月2日"
    texts = [p.text for p in _paras(built)]
    i = texts.index("清水县乡村振兴局")
    assert texts[i + 1] == "2024年5月12日"
    unit, date = _find(built, "清水县乡村振兴局"), _find(built, "2024年5月12日")
    # the date starts two characters right of the unit's first character
    assert abs((date.paragraph_format.left_indent - unit.paragraph_format.left_indent) - Pt(32)) < Pt(0.5)
    # neither line comes closer than two characters to the right margin (156 mm text block) and one
    # of them is exactly two characters in
    gaps = [Mm(156) - (p.paragraph_format.left_indent + Pt(16 * text_width(p.text))) for p in (unit, date)]
    assert min(gaps) > Pt(32) - Pt(1)
    assert any(abs(g - Pt(32)) < Pt(1) for g in gaps)
    long_unit, long_date = GongwenDocument().signature("中共清水县委农村工作领导小组办公室", dt.date(2024, 5, 12))
    end = long_unit.paragraph_format.left_indent + Pt(16 * text_width(long_unit.text))
    assert abs(end - (Mm(156) - Pt(32))) < Pt(1)


def test_short_unit_long_date_keeps_date_two_in(tmp_path: Path) -> None:
    doc = GongwenDocument()
    unit, date = doc.signature("县委办", dt.date(2024, 12, 25))
    date_end = date.paragraph_format.left_indent + Pt(16 * text_width("2024年12月25日"))
    assert abs(date_end - (Mm(156) - Pt(32))) < Pt(1)
    assert abs((date.paragraph_format.left_indent - unit.paragraph_format.left_indent) - Pt(32)) < Pt(0.5)


def test_table_repeats_header_and_uses_cjk_fonts(built) -> None:
    table = built.tables[0]
    header_tr = table.rows[0]._tr
    assert header_tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    assert {_east_asia(r) for r in table.rows[0].cells[1].paragraphs[0].runs} == {HEITI}
    assert {_east_asia(r) for r in table.rows[1].cells[1].paragraphs[0].runs} == {FANGSONG}
    assert abs(table.columns[1].width - Mm(96)) < Mm(0.5)
    assert table.rows[1].cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_table_rejects_ragged_rows() -> None:
    doc = GongwenDocument()
    with pytest.raises(ValueError):
        doc.table(["a", "b"], [["1"]])
    with pytest.raises(ValueError):
        doc.table(["a", "b"], [["1", "2"]], col_widths_mm=[10])


def test_attachments_numbered_without_closing_punctuation(built) -> None:
    texts = [p.text for p in built.paragraphs]
    assert "附件：1．2024年度自评得分表" in texts
    assert "2．佐证材料目录" in texts
    single = GongwenDocument()
    (p,) = single.attachments(["自评得分表。"])
    assert p.text == "附件：自评得分表"


def test_page_break_and_font_table(tmp_path: Path) -> None:
    doc = GongwenDocument()
    doc.paragraph("第一页")
    doc.page_break()
    doc.paragraph("第二页")
    path = doc.save(tmp_path / "x.docx")
    d = docx.Document(str(path))
    assert 'w:type="page"' in d.element.body.xml
    import zipfile

    fonts = zipfile.ZipFile(path).read("word/fontTable.xml").decode()
    for name in (FANGSONG, HEITI, KAITI, SONGTI, XIAOBIAOSONG):
        assert f'w:name="{name}"' in fonts


def test_cn_numerals() -> None:
    assert [cn_numeral(n) for n in (1, 2, 9, 10, 11, 15, 20, 21, 99, 100, 101, 110)] == [
        "一",
        "二",
        "九",
        "十",
        "十一",
        "十五",
        "二十",
        "二十一",
        "九十九",
        "一百",
        "一百零一",
        "一百一十",
    ]


@pytest.mark.parametrize(
    ("title", "forbidden"),
    [
        (TITLE, ["乡|村", "脱贫|攻坚", "20|24"]),
        ("关于印发《清水县2024年防止返贫动态监测和帮扶工作实施方案》的通知", ["的|通知", "实施|方案"]),
        (
            "中共清水县委农村工作领导小组办公室关于开展2024年度"
            "巩固拓展脱贫攻坚成果同乡村振兴有效衔接考核评估自查自评工作的通知",
            ["同|乡村", "开|展"],
        ),
    ],
)
def test_title_lines_fit_and_keep_words_whole(title: str, forbidden: list[str]) -> None:
    lines = split_title(title, max_width=20)
    assert "".join(lines) == title
    assert len(lines) >= 2
    assert all(text_width(line) <= 20 for line in lines)
    joined = "|".join(lines)
    for pair in forbidden:
        assert pair not in joined, (pair, lines)
    # balanced: no line shorter than half of the longest
    widths = [text_width(line) for line in lines]
    assert min(widths) >= max(widths) / 2, lines


def test_title_short_or_explicit_breaks() -> None:
    assert split_title("在全县乡村振兴工作推进会上的讲话") == ["在全县乡村振兴工作推进会上的讲话"]
    assert split_title("关于某事\n的通知") == ["关于某事", "的通知"]
    assert split_title(TITLE)[0] == "关于2024年度巩固拓展脱贫攻坚成果"
