"""``archivist lint-doc``: it finds each fault it claims to find (planted in a real .docx), and it finds
nothing in any document archivist generates — every report kind, on a filled and on an empty workspace,
through the Word template and the built-in layout, on a date before and after the inspection."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from conftest import Cli
from docx.oxml.ns import qn
from docx.shared import Mm
from test_reports import DATE, sample_workspace

from archivist.generate.gongwen import GongwenDocument
from archivist.generate.lint import artefacts, lint_docx
from archivist.generate.reports import KINDS
from archivist.workspace import Workspace, init_workspace


def clean_document(path: Path) -> Path:
    doc = GongwenDocument(page_numbers="center")
    doc.title("关于做好迎检准备工作的通知")
    doc.paragraph("各单位要按照“四个不摘”要求——压实责任，于2025年1月10日前报送材料。")
    return doc.save(path)


def test_a_clean_gongwen_document_passes(tmp_path: Path) -> None:
    assert lint_docx(clean_document(tmp_path / "ok.docx")) == []


@pytest.mark.parametrize(("text", "kind"), [
    ("材料见 archive/C-生态宜居/C01-农村厕所革命/台账.xlsx", "文件路径"),
    ("编号 3f2a9c0b1d7e 的材料", "记录编号（十六进制）"),
    ("成文日期 2025-01-31", "ISO 日期（应写作2025年1月31日）"),
    ("距今只有-682天", "负数计数"),
    ("0个单位尚未报送任何材料", "零计数句（没有就不写）"),
    ("请在 report 中查看", "英文单词"),
    ("责任者：None", "程序空值"),
    ("《户厕台账》「Sheet1」第9行B列", "表格内部写法（工作表「」、单元格地址）"),
])
def test_each_artefact_is_found(tmp_path: Path, text: str, kind: str) -> None:
    doc = GongwenDocument()
    doc.paragraph(text)
    found = lint_docx(doc.save(tmp_path / "bad.docx"))
    assert kind in {f.kind for f in found}, found


def test_plain_chinese_with_codes_and_numbers_is_not_an_artefact() -> None:
    for text in ("A01缺“入户走访记录”；C01 农村厕所革命", "完成1280户，完成率98.5%", "档号WS·2024-D30-A01-0001",
                 "【待补充：讲话人职务、姓名】", "第10项", "GPS定位照片", "2025年1月8日"):
        assert artefacts(text) == [], text


def test_layout_faults_are_found(tmp_path: Path) -> None:
    doc = GongwenDocument()
    doc.paragraph("这一段的字体被清掉了")
    p = doc.paragraph("这一段的引号“用了西文字体”")
    bare = doc.document.paragraphs[-2]
    for run in bare.runs:  # fault: no w:eastAsia anywhere in the chain
        rpr = run._element.get_or_add_rPr()
        for fonts in rpr.findall(qn("w:rFonts")):
            rpr.remove(fonts)
    for run in p.runs:
        run.font.name = "Times New Roman"
        fonts = run._element.rPr.find(qn("w:rFonts"))
        fonts.set(qn("w:eastAsia"), "仿宋_GB2312")
        if fonts.get(qn("w:hint")):
            del fonts.attrib[qn("w:hint")]
    spaced = doc.paragraph("这一段的行距改成了单倍")
    spaced.paragraph_format.line_spacing = 1.0
    doc.document.sections[0].top_margin = Mm(25)
    path = doc.save(tmp_path / "layout.docx")
    # the style chain may still give an eastAsia font: strip it from the styles too for the first fault
    d = docx.Document(str(path))
    for style in d.styles:
        rpr = style.element.find(qn("w:rPr"))
        if rpr is not None:
            for fonts in rpr.findall(qn("w:rFonts")):
                fonts.attrib.pop(qn("w:eastAsia"), None)
    defaults = d.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for fonts in defaults.iter(qn("w:rFonts")):
            fonts.attrib.pop(qn("w:eastAsia"), None)
    d.save(str(path))
    kinds = {f.kind for f in lint_docx(path)}
    assert "中文未设置中文字体（w:eastAsia）" in kinds
    assert "中文引号或破折号使用西文字体" in kinds
    assert "行距不是固定值" in kinds
    assert any(k.startswith("页边距") for k in kinds)


def test_cli_exit_codes(ws: Workspace, cli: Cli, tmp_path: Path) -> None:
    ok = clean_document(tmp_path / "ok.docx")
    cli("lint-doc", str(ok))
    bad = GongwenDocument()
    bad.paragraph("成文日期 2025-01-31")
    bad_path = bad.save(tmp_path / "bad.docx")
    out = cli("lint-doc", str(bad_path), expect=1)
    assert "ISO 日期" in out and "bad.docx" in out
    data = json.loads(cli("lint-doc", str(bad_path), "--json", expect=1))
    assert data[str(bad_path)][0]["kind"].startswith("ISO 日期")
    (tmp_path / "x.docx").write_text("not a zip", encoding="utf-8")
    cli("lint-doc", str(tmp_path / "x.docx"), expect=2)


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, Cli]:
    ws, cli = sample_workspace(tmp_path_factory, "lint")
    cli("score", "set", "B01", "6", "--note", "粮食生产任务完成")
    cli("problems", "add", "--desc", "河口镇杏花村2户问题厕所未整改到位", "--unit", "河口镇",
        "--deadline", "2024-12-31", "--found", "2024-11-20")
    cli("problems", "add", "--desc", "公益性岗位考勤台账签字不全", "--deadline", "2024-12-20", "--found", "2024-12-01")
    return ws, cli


@pytest.mark.parametrize("date", [DATE, "2025-03-01"])
@pytest.mark.parametrize("template", ["--template", "--no-template"])
def test_every_generated_document_is_clean(filled: tuple[Workspace, Cli], tmp_path: Path, date: str,
                                           template: str) -> None:
    _ws, cli = filled
    faults = {}
    for kind in KINDS:
        out = tmp_path / f"{kind}.docx"
        cli("report", kind, "--out", str(out), "--date", date, template)
        faults[kind] = [f.line(kind) for f in lint_docx(out)]
    assert not any(faults.values()), json.dumps(faults, ensure_ascii=False, indent=1)


def test_documents_of_an_empty_workspace_are_clean(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "empty", county="青山县", inspection_date="2025-01-20", year=2024)
    cli = Cli(ws)
    for kind in KINDS:
        out = tmp_path / f"{kind}.docx"
        cli("report", kind, "--out", str(out), "--date", DATE)
        assert lint_docx(out) == [], kind
