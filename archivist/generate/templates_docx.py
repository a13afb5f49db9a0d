"""Generate the report templates in templates/docx/ (docxtpl / Jinja tags in GB/T 9704 documents).

The templates are built with :class:`GongwenDocument`, so every style, font (w:eastAsia included),
margin and page-number footer is the one the code path writes; only the texts are tags. A clerk
opens one in Word or WPS, changes a fixed sentence, a style or the order of parts, keeps the
``{{ … }}`` and ``{%p … %}`` tags, and saves it as ``<workspace>/templates/docx/<kind>.docx``.

Regenerate with ``python -m archivist.generate.templates_docx templates/docx``. The tags and the data
they read are documented in README ("Report templates and their data").
"""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

from .catalogue_doc import styled_line
from .gongwen import BODY_PT, FANGSONG, HEITI, KAITI, GongwenDocument
from .reports import TABLE_PT, TABLES

__all__ = ["build_templates", "KINDS"]

KINDS = ("self-eval", "briefing", "speech", "problems", "report", "reminder")


def _tag(doc: GongwenDocument, text: str) -> None:
    """A paragraph holding one block tag ({%p … %}); docxtpl removes the paragraph when rendering."""
    doc.paragraph(text, indent=False, align="left")


def _each(doc: GongwenDocument, loop: str, text: str, **kw: object) -> None:
    """``{%p for … %}`` / one body paragraph / ``{%p endfor %}``."""
    _tag(doc, f"{{%p for {loop} %}}")
    doc.paragraph(text, **kw)  # type: ignore[arg-type]
    _tag(doc, "{%p endfor %}")


def _title(doc: GongwenDocument, *, blank_after: bool = True) -> None:
    doc.document.core_properties.title = "{{ title }}"
    _tag(doc, "{%p for line in title_lines %}")
    doc.title("{{ line }}", blank_after=False)
    _tag(doc, "{%p endfor %}")
    if blank_after:
        doc.blank_line()


def _table(doc: GongwenDocument, name: str, rows: str) -> None:
    header, keys, widths, align = TABLES[name]
    blank = [""] * (len(keys) - 1)
    doc.table(header, [[f"{{%tr for row in {rows} %}}", *blank], [f"{{{{ row.{k} }}}}" for k in keys],
                       ["{%tr endfor %}", *blank]],
              col_widths_mm=widths, font_size_pt=TABLE_PT, align=align)  # type: ignore[arg-type]


def _run_in(doc: GongwenDocument, level: int, var: str) -> None:
    p = doc.heading_line(level, f"{{{{ {var}.heading }}}}")
    GongwenDocument._run(p, f"{{{{ {var}.body }}}}", FANGSONG)


def _sections(doc: GongwenDocument, *, units_table: bool = False) -> None:
    _tag(doc, "{%p for s in sections %}")
    doc.heading_line(1, "{{ s.heading }}")
    _each(doc, "t in s.paragraphs", "{{ t }}")
    if units_table:
        _tag(doc, "{%p if s.table %}")
        _table(doc, "units", "s.table")
        _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for sub in s.subsections %}")
    _run_in(doc, 2, "sub")
    _each(doc, "t in sub.paragraphs", "{{ t }}")
    _tag(doc, "{%p for e in sub.entries %}")
    _run_in(doc, 3, "e")
    _each(doc, "t in e.paragraphs", "{{ t }}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endfor %}")
    _each(doc, "t in s.tail", "{{ t }}")
    _tag(doc, "{%p endfor %}")


def _signature(doc: GongwenDocument, *, attachment: bool = False) -> None:
    """附件说明 (optional) and 落款; the indents are set after rendering by the unit's width."""
    start = len(doc.document.paragraphs)
    if attachment:
        _tag(doc, "{%p if attachment %}")
        doc.attachments(["{{ attachment }}"])
        _tag(doc, "{%p endif %}")
    unit, date = doc.signature("{{ unit }}", _dt.date(2000, 1, 1))
    for run in date.runs[1:]:
        run._element.getparent().remove(run._element)
    date.runs[0].text = "{{ date_cn }}"
    for p in doc.document.paragraphs[start:]:
        if p._element is unit._element:
            p.paragraph_format.keep_with_next = True
            break
        if not p.text.startswith("{%"):
            p.paragraph_format.keep_with_next = True


def _attachment_note(doc: GongwenDocument) -> None:
    """附件说明 of several attachments: "附件：1．…" then the later names aligned under the first."""
    _tag(doc, "{%p if attachments %}")
    first, rest = doc.attachments(["FIRST", "REST"])
    first.runs[0].text = "附件：{{ attachment_first }}"
    rest.runs[0].text = "{{ a }}"
    loop = doc.paragraph("{%p for a in attachment_rest %}", indent=False, align="left")
    rest._element.addprevious(loop._element)
    end = doc.paragraph("{%p endfor %}", indent=False, align="left")
    rest._element.addnext(end._element)
    _tag(doc, "{%p endif %}")


def _annex(doc: GongwenDocument, flag: str, label: str, title: str, table: str) -> None:
    _tag(doc, f"{{%p if {flag} %}}")
    doc.page_break()
    styled_line(doc, f"{{{{ {label} }}}}", HEITI, BODY_PT)
    doc.title(f"{{{{ {title} }}}}")
    _table(doc, table, table)
    _tag(doc, "{%p endif %}")


def _self_eval() -> GongwenDocument:
    doc = GongwenDocument()
    _title(doc)
    doc.recipient("{{ recipient }}")
    doc.paragraph("{{ opening }}")
    _sections(doc)
    _each(doc, "t in closing", "{{ t }}")
    start = len(doc.document.paragraphs)
    _attachment_note(doc)
    _signature(doc)
    for p in doc.document.paragraphs[start:]:
        if not p.text.startswith("{%") and p.style.name != "落款":
            p.paragraph_format.keep_with_next = True
    _annex(doc, "attachment", "attachment_label", "attachment", "score_rows")
    _annex(doc, "evidence_attachment", "evidence_label", "evidence_attachment", "evidence_rows")
    return doc


def _briefing() -> GongwenDocument:
    doc = GongwenDocument()
    _title(doc)
    doc.recipient("{{ recipient }}")
    doc.paragraph("{{ opening }}")
    _sections(doc, units_table=True)
    _each(doc, "t in closing", "{{ t }}")
    _signature(doc)
    return doc


def _speech() -> GongwenDocument:
    doc = GongwenDocument(page_numbers="center")
    _title(doc, blank_after=False)
    _tag(doc, "{%p if speaker %}")
    styled_line(doc, "{{ speaker }}", KAITI, BODY_PT, align="center")
    _tag(doc, "{%p endif %}")
    styled_line(doc, "{{ byline }}", KAITI, BODY_PT, align="center")
    doc.blank_line()
    doc.paragraph("{{ greeting }}", indent=False)
    doc.paragraph("{{ opening }}")
    _sections(doc)
    _each(doc, "t in closing", "{{ t }}")
    return doc


def _problems() -> GongwenDocument:
    doc = GongwenDocument(landscape=True)
    _title(doc)
    _tag(doc, "{%p if rows %}")
    doc.paragraph("{{ summary }}")
    _table(doc, "problems", "rows")
    _tag(doc, "{%p else %}")
    doc.paragraph("{{ empty }}", indent=False, align="center")
    _tag(doc, "{%p endif %}")
    return doc


BUILDERS = {"self-eval": _self_eval, "briefing": _briefing, "speech": _speech, "problems": _problems,
            "report": _speech, "reminder": _briefing}


def build_templates(out_dir: str | Path) -> list[Path]:
    """Write ``<kind>.docx`` for every report kind into ``out_dir``; returns the paths."""
    out = Path(out_dir)
    paths = []
    for kind in KINDS:
        doc = BUILDERS[kind]()
        cp = doc.document.core_properties
        cp.created = cp.modified = _dt.datetime(2024, 1, 1)  # stable bytes: regenerating changes nothing
        paths.append(doc.save(out / f"{kind}.docx"))
    return paths


if __name__ == "__main__":  # python -m archivist.generate.templates_docx templates/docx
    for path in build_templates(sys.argv[1] if len(sys.argv) > 1 else "templates/docx"):
        print(path)
