"""PowerPoint .pptx: slide text in slide order (汇报材料 are often slides).

Read straight from the XML parts (no python-pptx dependency): every a:p paragraph of every slide.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from archivist.intake.extract._common import Options, clean_title, han_count
from archivist.intake.extract._ooxml import check_ooxml
from archivist.model import Extraction, ExtractionError

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_SLIDE = re.compile(r"^ppt/slides/slide(\d+)\.xml$")
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def extract(path: Path, opts: Options) -> Extraction:
    check_ooxml(path, "演示文稿")
    slides: list[str] = []
    core_title = None
    try:
        with zipfile.ZipFile(path) as zf:
            names = sorted((int(m.group(1)), name) for name in zf.namelist() if (m := _SLIDE.match(name)))
            for _, name in names:
                root = etree.fromstring(zf.read(name), _SAFE_PARSER)
                lines = ["".join(t.text or "" for t in p.iter(f"{{{A}}}t")) for p in root.iter(f"{{{A}}}p")]
                slides.append("\n".join(line for line in lines if line.strip()))
            if "docProps/core.xml" in zf.namelist():
                core = etree.fromstring(zf.read("docProps/core.xml"), _SAFE_PARSER)
                element = core.find(_DC_TITLE)
                core_title = clean_title(element.text if element is not None else None)
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, OSError, EOFError) as exc:
        raise ExtractionError(f"演示文稿已损坏或不完整（{type(exc).__name__}）", "请另存为PDF后重新报送") from exc
    title = core_title
    if title is None and slides:
        first = slides[0].split("\n", 1)[0].strip()
        if han_count(first) >= 4 and len(first) <= 60:
            title = clean_title(first)
    return Extraction(
        file_type="pptx",
        text="\n\n".join(s for s in slides if s),
        title_hint=title,
        pages=len(slides),
        meta={"slides": len(slides)},
    )
