"""Facts taken from the evidence (archivist/assess/facts.py): figures in text, verbatim statements,
ledger 合计 totals — read from real files made here, and through a real ingest into a workspace."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
from conftest import Cli

from archivist.assess.facts import archive_statements, statements_in_ledger, statements_in_text, without_wrong_totals
from archivist.assess.ledger_checks import check_file
from archivist.catalogue import Catalogue
from archivist.intake.extract._common import Options
from archivist.intake.extract.excel import extract as extract_xlsx
from archivist.workspace import Workspace

TEXT = ("关于2024年上半年就业情况的报告\n"
        "截至6月底，全县脱贫劳动力务工就业12,860人，完成年度目标的102%。"
        "根据第3期简报要求，2024年3月印发了实施方案，推广一户一策。"
        "投入衔接资金1,520.5万元，新建产业路18.6公里，其中河口镇3个村。")


def test_figures_are_numbers_with_measure_words_and_the_quote_is_verbatim() -> None:
    statements = statements_in_text(TEXT, "e1")
    quotes = [s.quote for s in statements]
    assert quotes == ["截至6月底，全县脱贫劳动力务工就业12,860人，完成年度目标的102%",
                      "投入衔接资金1,520.5万元，新建产业路18.6公里，其中河口镇3个村"]
    assert all(q in TEXT for q in quotes)  # a reader finds each quote in the document
    facts = [f for s in statements for f in s.facts]
    assert [(f.value, f.unit, f.kind) for f in facts] == [
        (12860, "人", "count"), (102, "%", "rate"), (1520.5, "万元", "amount"), (18.6, "公里", "length"),
        (3, "个", "count")]
    assert facts[0].what == "全县脱贫劳动力务工就业" and facts[0].figure == "12,860人"
    assert all(f.evidence_id == "e1" and f.quote in TEXT for f in facts)
    # ordinals (第3期), years and months are not figures: that sentence yields nothing
    assert not any("第3期" in q or "印发" in q for q in quotes)


def _ledger(path: Path, total_done: int) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["2024年农村户厕改造验收台账"])
    sheet.append(["乡镇", "任务数（户）", "完成数（户）", "完成率", "序号"])
    sheet.append(["河口镇", 600, 590, "98.3%", 1])
    sheet.append(["石门乡", 720, 690, "95.8%", 2])
    sheet.append(["合计", 1320, total_done, "97.0%", 3])
    wb.save(path)
    return path


def test_ledger_totals_are_named_by_their_headers(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "台账.xlsx", 1280)
    meta = extract_xlsx(path, Options()).meta
    [statement] = statements_in_ledger(meta, "x1")
    assert statement.source == "ledger" and statement.quote == "合计"
    assert [(f.what, f.figure) for f in statement.facts] == [("任务数", "1320户"), ("完成数", "1280户"),
                                                             ("完成率", "97%")]
    # the figures are those of the 合计 row as the spreadsheet holds them
    row = next(r for r in openpyxl.load_workbook(path).active.iter_rows(values_only=True) if r[0] == "合计")
    assert (row[1], row[2]) == (1320, 1280)


def test_a_total_the_ledger_checks_find_wrong_is_not_quoted(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "错.xlsx", 1300)  # 590 + 690 = 1280, not 1300
    findings = check_file(path, "x2")
    assert any(f.kind == "total_mismatch" for f in findings)
    statements = without_wrong_totals(statements_in_ledger(extract_xlsx(path, Options()).meta, "x2"), findings)
    figures = [f.figure for s in statements for f in s.facts]
    assert "1300户" not in figures and "1320户" in figures


def test_facts_of_an_ingested_archive_are_cached_by_content(ws: Workspace, cli: Cli, tmp_path: Path) -> None:
    src = tmp_path / "来件"
    src.mkdir()
    d = docx.Document()
    for line in TEXT.split("\n"):
        d.add_paragraph(line)
    d.save(src / "就业情况的报告.docx")
    _ledger(src / "户厕改造验收台账.xlsx", 1280)
    cli("ingest", str(src))
    cat = Catalogue(ws.catalogue_path)
    try:
        records = {r["id"]: r for r in cat.records(status="filed", with_text=True)}
        found = archive_statements(ws, cat)
        assert (ws.cache_dir / "facts.sqlite3").is_file()
        again = archive_statements(ws, cat)
    finally:
        cat.close()
    assert found and again == found
    for eid, statements in found.items():
        record = records[eid]
        for s in statements:
            if s.source == "text":
                assert s.quote in record["text"]
            for f in s.facts:
                assert f.evidence_id == eid
    ledger = [s for ss in found.values() for s in ss if s.source == "ledger"]
    assert ledger and {f.figure for f in ledger[0].facts} >= {"1320户", "1280户"}
