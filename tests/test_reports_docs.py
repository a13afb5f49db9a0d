"""Documents a leader can sign, read back: the 自评报告 and 汇报材料 quote the evidence's own facts, each
citing a document that contains it; the 催报通知 prints what ``remind`` owes; issued documents take
the 红头 and 版记 on request (or from archivist.toml) and drafts do not; lint-doc finds nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from conftest import Cli
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from test_reports import DATE, _ids, sample_workspace

from archivist.catalogue import Catalogue
from archivist.generate.catalogue_doc import display_title
from archivist.generate.lint import lint_docx
from archivist.workspace import Workspace

FIGURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)(万元|元|人|户|公里|个|%|亩|场|件|名|处|期)")
CITED = re.compile(r"([^；。（）]*(?:（[^见][^）]*）[^；。（）]*)*)（见《(.+?)》(“[^”]+”行)?）")
CONTACT = ('\n[documents]\ncontact = "县委农办 李明"\nphone = "0791-12345678"\n'
           'issuer_mark = "青山县委农村工作领导小组办公室文件"\nnumber = "青农办〔2025〕3号"\n'
           'cc = ["市委农村工作领导小组办公室", "县委办公室"]\n')


class Docs:
    def __init__(self, ws: Workspace, cli: Cli, out: Path) -> None:
        self.ws, self.cli, self.out = ws, cli, out

    def write(self, kind: str, *args: str, name: str | None = None) -> Path:
        path = self.out / f"{name or kind}.docx"
        self.cli("report", kind, "--out", str(path), "--date", DATE, *args)
        return path


def text_of(path: Path) -> str:
    d = docx.Document(str(path))
    return "\n".join([p.text for p in d.paragraphs] + ["|".join(c.text for c in r.cells)
                                                       for t in d.tables for r in t.rows])


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Docs:
    ws, cli = sample_workspace(tmp_path_factory, "reports_docs")
    with (ws.root / "archivist.toml").open("a", encoding="utf-8") as fh:
        fh.write(CONTACT)
    ws = Workspace(ws.root)
    cli = Cli(ws)
    cli("score", "set", "A01", "6", "--note", "建立防止返贫动态监测和帮扶机制", "--evidence", *_ids(ws, "A01"))
    return Docs(ws, cli, ws.root.parent / "out")


def _records(ws: Workspace) -> list[dict]:
    cat = Catalogue(ws.catalogue_path)
    try:
        return cat.records(status="filed", with_text=True)
    finally:
        cat.close()


def _ledger_total_cells(record: dict) -> set[str]:
    cells: set[str] = set()
    for sheet in (record.get("meta") or {}).get("sheets") or []:
        for row in sheet.get("rows") or []:
            if row and re.sub(r"\s", "", str(row[0])) in ("合计", "总计"):
                cells |= {str(c) for c in row}
    return cells


@pytest.mark.parametrize("kind", ["self-eval", "report"])
def test_each_fact_cites_a_document_that_contains_it(docs: Docs, kind: str) -> None:
    text = text_of(docs.write(kind))
    records = _records(docs.ws)
    by_title: dict[str, list[dict]] = {}
    for r in records:
        by_title.setdefault(display_title(r), []).append(r)
    citations = CITED.findall(text)
    assert len(citations) >= 5, citations  # the sample's documents carry figures: they must be quoted
    for words, title, row in citations:
        assert title in by_title, title
        figures = FIGURE.findall(words)
        assert figures, words
        for number, unit in figures:
            if row:  # a ledger total: the figure is a cell of that ledger's 合计 row
                assert any(number in _ledger_total_cells(r) for r in by_title[title]), (number, title)
            else:
                assert any(f"{number}{unit}" in (r["text"] or "") or f"{number}{unit}" in r["title"]
                           for r in by_title[title]), (number + unit, title)
    # "全镇…" of a township's report is said with the township's name in the county's report
    assert "河口镇完成户厕改造320户" in text and "全镇完成户厕改造" not in text


def test_self_eval_indicator_parts_and_the_evidence_annex(docs: Docs) -> None:
    path = docs.write("self-eval")
    d = docx.Document(str(path))
    paragraphs = [p.text for p in d.paragraphs]
    status = docs.cli.json("status")
    for s in status:
        head = next(i for i, t in enumerate(paragraphs) if re.match(rf"\d+\.{s['code']} ", t))
        block = paragraphs[head + 1:head + 5]
        assert block[0].startswith("（1）工作开展情况。"), (s["code"], block)
        if s["framework"] == "shiji-kaohe":
            assert block[1].startswith("（2）得分情况。") and block[2].startswith("（3）存在问题。")
            assert block[3].startswith("（4）下步打算。")
        if s["evidence_count"] == 0 and s["code"].startswith(("A", "B")):
            assert "【待补充" in block[0]  # never invented
    a01 = next(t for t in paragraphs if t.startswith("（2）得分情况。该项分值6分，自评6分"))
    assert "自评理由：建立防止返贫动态监测和帮扶机制" in a01
    assert "附件：1．2024年度实绩考核自评得分表" in paragraphs and "2．2024年度乡村振兴考核佐证材料目录" in paragraphs
    listing = d.tables[-1]
    assert len(listing.rows) - 1 == sum(s["evidence_count"] for s in status)
    assert "附件2" in paragraphs and "附件1" in paragraphs


def test_huibao_has_its_five_parts_and_the_summary_figures(docs: Docs) -> None:
    text = text_of(docs.write("report"))
    summary = json.loads(docs.cli("summary", "--json"))
    parts = ["一、基本情况", "二、主要做法和成效", "三、特色亮点", "四、存在问题", "五、下步打算"]
    assert [text.index(p) for p in parts] == sorted(text.index(p) for p in parts)
    assert f"全县共归档佐证材料{summary['filed']}件" in text
    assert f"实绩考核自评总分{summary['scores'][0]['total']:g}分" in text
    assert f"共{summary['incomplete']}项指标佐证材料缺失或不全" in text
    assert "尊敬的考核组各位领导：" in text and "【待补充：全县基本情况" in text


def test_reminder_prints_what_remind_owes(docs: Docs) -> None:
    owed = [u for u in docs.cli.json("remind") if u["missing"] or u["returned"]]
    assert owed
    text = text_of(docs.write("reminder"))
    for u in owed:
        line = next(t for t in text.split("\n") if t.startswith("（") and u["unit"] + "。" in t)
        assert f"未报送{u['missing']}项" in line, line
        for item in u["items"]:
            if item["state"] == "未报送":
                assert f"“{item['item']}”" in text
    assert "请于2025年1月10日前" in text and "联系人：县委农办 李明；联系电话：0791-12345678。" in text
    unit = owed[0]["unit"]
    one = text_of(docs.write("reminder", "--unit", unit, name="reminder-one"))
    assert f"\n{unit}：\n" in one and f"未报送{owed[0]['missing']}项" in one
    others = [u["unit"] for u in owed[1:] if u["unit"] not in unit]
    assert not any(f"（一）{o}" in one for o in others)


def _red(path: Path) -> tuple[bool, bool, bool]:
    d = docx.Document(str(path))
    first = next(p for p in d.paragraphs if p.text.strip())
    red_mark = first.text == "青山县委农村工作领导小组办公室文件" and all(
        r.font.color.rgb is not None and str(r.font.color.rgb) == "FF0000" for r in first.runs)
    rule = any(b.get(qn("w:color")) == "FF0000" for p in d.paragraphs
               for b in p._element.iter(qn("w:bottom")) if "青农办〔2025〕3号" == p.text)
    # every paragraph in document order, table cells included: the 版记 sits in a table at the page foot
    texts = [t for t in (Paragraph(p, d._body).text for p in d.element.body.iter(qn("w:p"))) if t.strip()]
    record = texts[-2] == "抄送：市委农村工作领导小组办公室，县委办公室。" and texts[-1].endswith("2025年1月8日印发")
    return red_mark, rule, record


@pytest.mark.parametrize("kind", ["briefing", "reminder"])
def test_red_header_on_request_and_drafts_without(docs: Docs, kind: str) -> None:
    red = docs.write(kind, "--red-header", name=f"{kind}-red")
    assert _red(red) == (True, True, True)
    assert lint_docx(red) == []
    draft = docs.write(kind, "--draft", name=f"{kind}-draft")
    assert _red(draft) == (False, False, False)
    code_path = docs.write(kind, "--red-header", "--no-template", "--number", "青农办〔2025〕3号", name=f"{kind}-c")
    assert _red(code_path) == (True, True, True)


def test_red_header_from_archivist_toml_and_refused_for_other_kinds(docs: Docs, tmp_path: Path) -> None:
    toml = docs.ws.root / "archivist.toml"
    before = toml.read_text(encoding="utf-8")
    toml.write_text(before.replace("[documents]\n", "[documents]\nred_header = true\n"), encoding="utf-8")
    try:
        assert _red(docs.write("briefing", name="b-config"))[0]
        assert not _red(docs.write("briefing", "--draft", name="b-config-draft"))[0]
        assert not _red(docs.write("self-eval", name="s-config"))[0]  # a report upward takes no 红头
    finally:
        toml.write_text(before, encoding="utf-8")
    out = docs.cli("report", "speech", "--red-header", "--out", str(tmp_path / "x.docx"), expect=2)
    assert "不能加红头" in out
    docs.cli("report", "briefing", "--unit", "县财政局", "--out", str(tmp_path / "y.docx"), expect=2)
