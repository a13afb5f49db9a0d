"""The docx templates of issue #6 (templates/docx/, docxtpl): rendered, reopened with python-docx, checked.

Each built-in template is rendered from the sample workspace's data model; the result must be a
GB/T 9704 document (fonts by w:eastAsia, margins, 落款), carry the archive's real figures and no
leftover Jinja tag. A county's own template in <workspace>/templates/docx/ wins over the built-in
one, and the generator reproduces the committed templates.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt
from test_reports import sample_workspace

from archivist.catalogue import Catalogue
from archivist.generate.gongwen import FANGSONG, HEITI, KAITI, XIAOBIAOSONG
from archivist.generate.reports import (
    MODELS,
    TEMPLATES_DIR,
    document_from_model,
    gather,
    load_phrases,
    render_with_template,
    template_for,
    write_report,
)
from archivist.generate.templates_docx import KINDS, build_templates
from archivist.workspace import Workspace

TODAY = dt.date(2025, 1, 8)


class Rendered:
    def __init__(self, ws: Workspace, models: dict, out: Path) -> None:
        self.ws, self.models, self.out = ws, models, out

    def path(self, kind: str) -> Path:
        return self.out / f"{kind}.docx"

    def doc(self, kind: str):
        return docx.Document(str(self.path(kind)))


def _text(d) -> str:
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts.append("|".join(c.text for c in row.cells))
    return "\n".join(parts)


def _east_asia(run) -> str | None:
    rpr = run._element.rPr
    rfonts = None if rpr is None else rpr.find(qn("w:rFonts"))
    return None if rfonts is None else rfonts.get(qn("w:eastAsia"))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    ws, cli = sample_workspace(tmp_path_factory, "templates")
    cli("problems", "add", "--desc", "公益性岗位考勤台账签字不全", "--unit", "县人社局", "--deadline", "2024-12-15",
        "--indicator", "A03", "--found", "2024-12-10")
    cat = Catalogue(ws.catalogue_path)
    try:
        data = gather(ws, cat, TODAY)
    finally:
        cat.close()
    phrases = load_phrases(ws)
    models = {kind: MODELS[kind](data, phrases) for kind in KINDS}
    out = ws.root.parent / "out"
    for kind in KINDS:
        render_with_template(kind, models[kind], out / f"{kind}.docx", ws)
    r = Rendered(ws, models, out)
    r.cli = cli  # type: ignore[attr-defined]
    return r


@pytest.mark.parametrize("kind", KINDS)
def test_builtin_template_renders_without_leftover_tags(rendered: Rendered, kind: str) -> None:
    assert template_for(kind, rendered.ws) == TEMPLATES_DIR / f"{kind}.docx"
    d = rendered.doc(kind)
    text = _text(d)
    assert "{{" not in text and "{%" not in text and "%}" not in text
    for part in (d.sections[0].footer,):
        assert "{{" not in "".join(p.text for p in part.paragraphs)
    assert d.core_properties.title == rendered.models[kind]["title"]
    # the title lines are the model's, in 方正小标宋 22 pt
    titles = [p for p in d.paragraphs if p.style.name == "公文标题"]
    assert [p.text for p in titles[: len(rendered.models[kind]["title_lines"])]] == rendered.models[kind]["title_lines"]
    assert all(_east_asia(r) == XIAOBIAOSONG and r.font.size == Pt(22) for p in titles for r in p.runs if r.text)


@pytest.mark.parametrize("kind", KINDS)
def test_template_output_is_gbt9704(rendered: Rendered, kind: str) -> None:
    d = rendered.doc(kind)
    sec = d.sections[0]
    margins = (sec.top_margin.twips, sec.left_margin.twips, sec.right_margin.twips, sec.bottom_margin.twips)
    if kind == "problems":
        assert sec.orientation == WD_ORIENT.LANDSCAPE
        assert margins == (1588, 1984, 2098, 1474)
    else:
        assert sec.orientation == WD_ORIENT.PORTRAIT
        assert margins == (2098, 1588, 1474, 1984)
    footer = sec.footer.paragraphs[0]
    assert footer.text.startswith("— ") and footer.text.endswith(" —") and "PAGE" in footer._element.xml
    body = [p for p in d.paragraphs
            if p.style.name == "Normal" and p.text.strip() and not re.fullmatch(r"附件\d*", p.text)]
    assert body
    for p in body:
        assert {_east_asia(r) for r in p.runs if r.text} <= {FANGSONG, KAITI}
    if kind == "problems":
        return
    h1 = [p for p in d.paragraphs if p.style.name == "一级标题"]
    assert [p.text for p in h1] == [s["heading"] for s in rendered.models[kind]["sections"]]
    assert all(_east_asia(r) == HEITI for p in h1 for r in p.runs if r.text)
    h2 = [p for p in d.paragraphs if p.style.name == "二级标题"]
    assert h2 and h2[0].text.startswith("（一）") and _east_asia(h2[0].runs[0]) == KAITI


def test_template_and_code_paths_write_the_same_text(rendered: Rendered, tmp_path: Path) -> None:
    for kind in KINDS:
        code = document_from_model(kind, rendered.models[kind]).save(tmp_path / f"{kind}.docx")
        code_doc = docx.Document(str(code))
        tpl_doc = rendered.doc(kind)

        def lines(d) -> list[str]:
            return [t for t in _text(d).split("\n") if t.strip()]

        assert lines(tpl_doc) == lines(code_doc), kind
        assert [p.style.name for p in tpl_doc.paragraphs if p.text.strip()] == [
            p.style.name for p in code_doc.paragraphs if p.text.strip()], kind


def test_figures_are_the_archive_figures(rendered: Rendered) -> None:
    records = rendered.cli.json("list")  # type: ignore[attr-defined]
    filed = sum(1 for r in records if r["status"] == "filed")
    status = rendered.cli.json("status")  # type: ignore[attr-defined]
    text = _text(rendered.doc("briefing"))
    assert rendered.models["briefing"]["figures"]["filed"] == filed and f"已归档{filed}件" in text
    assert rendered.models["briefing"]["figures"]["indicators"] == len(status)
    # the self-eval names every indicator with its evidence count as status counts it
    by_code = {s["code"]: s for s in status}
    entries = [e for s in rendered.models["self-eval"]["sections"] for sub in s["subsections"] for e in sub["entries"]]
    assert {e["code"] for e in entries} == set(by_code)
    self_eval = _text(rendered.doc("self-eval"))
    for e in entries:
        assert e["heading"] in self_eval
        assert e["evidence_count"] == by_code[e["code"]]["evidence_count"]
    rows = next(t for t in rendered.doc("self-eval").tables if t.rows[0].cells[2].text == "分值").rows
    table_counts = {r.cells[1].text.split(" ")[0]: r.cells[4].text for r in rows[1:] if r.cells[0].text}
    for code, count in table_counts.items():
        assert count == str(by_code[code]["evidence_count"])
    problems = rendered.doc("problems").tables[0]
    assert len(problems.rows) == 1 + len(rendered.models["problems"]["rows"]) >= 2


def test_signature_is_placed_after_rendering(rendered: Rendered, tmp_path: Path) -> None:
    for kind in ("self-eval", "briefing"):
        sig = [p for p in rendered.doc(kind).paragraphs if p.style.name == "落款"]
        assert [p.text for p in sig] == [rendered.models[kind]["unit"], "2025年1月8日"]
        code = document_from_model(kind, rendered.models[kind]).save(tmp_path / f"{kind}.docx")
        code_sig = [p for p in docx.Document(str(code)).paragraphs if p.style.name == "落款"]
        assert [p.paragraph_format.left_indent for p in sig] == [p.paragraph_format.left_indent for p in code_sig]
        assert sig[0].paragraph_format.left_indent > Pt(0)


def test_workspace_template_overrides_builtin(rendered: Rendered, tmp_path: Path) -> None:
    ws = rendered.ws
    own = ws.root / "templates" / "docx" / "briefing.docx"
    own.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(TEMPLATES_DIR / "briefing.docx", own)
    d = docx.Document(str(own))
    recipient = next(p for p in d.paragraphs if "{{ recipient }}" in p.text)
    recipient.runs[0].text = "各乡镇党委、县直有关单位："  # a clerk types a fixed recipient in Word
    d.add_paragraph("本通报由{{ county }}农业农村局负责解释。")  # and a fixed sentence with a tag
    d.save(str(own))
    try:
        assert template_for("briefing", ws) == own
        cat = Catalogue(ws.catalogue_path)
        try:
            (path,) = write_report("briefing", ws, cat, tmp_path / "briefing.docx", today=TODAY)
        finally:
            cat.close()
        text = _text(docx.Document(str(path)))
        assert "各乡镇党委、县直有关单位：" in text
        assert rendered.models["briefing"]["recipient"] not in text
        assert f"本通报由{ws.config.county}农业农村局负责解释。" in text
        # the code path ignores templates
        cat = Catalogue(ws.catalogue_path)
        try:
            (path,) = write_report("briefing", ws, cat, tmp_path / "code.docx", today=TODAY, template=False)
        finally:
            cat.close()
        assert "各乡镇党委、县直有关单位：" not in _text(docx.Document(str(path)))
    finally:
        own.unlink()


def test_unknown_tag_stays_visible(rendered: Rendered, tmp_path: Path) -> None:
    ws = rendered.ws
    own = ws.root / "templates" / "docx" / "speech.docx"
    own.parent.mkdir(parents=True, exist_ok=True)
    d = docx.Document(str(TEMPLATES_DIR / "speech.docx"))
    d.add_paragraph("{{ speeker }}")
    d.save(str(own))
    try:
        out = render_with_template("speech", rendered.models["speech"], tmp_path / "s.docx", ws)
        assert "{{ speeker }}" in _text(docx.Document(str(out)))
    finally:
        own.unlink()


def test_generator_reproduces_committed_templates(tmp_path: Path) -> None:
    paths = build_templates(tmp_path)
    assert [p.name for p in paths] == [f"{k}.docx" for k in KINDS]
    for p in paths:
        fresh = docx.Document(str(p))
        committed = docx.Document(str(TEMPLATES_DIR / p.name))
        assert fresh.element.xml == committed.element.xml, f"templates/docx/{p.name} is stale: regenerate it"
