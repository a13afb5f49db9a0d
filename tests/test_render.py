"""Rendering with headless LibreOffice: PDFs with embedded CJK fonts, a content cache, batches.

Tests that need LibreOffice or poppler skip with the reason when those are not installed; the rest
(messages, parsing, fontconfig mapping) run everywhere.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from archivist.generate import render
from archivist.generate.gongwen import GongwenDocument

needs_soffice = pytest.mark.skipif(
    render.soffice_path() is None,
    reason="LibreOffice (soffice) not installed: apt-get install libreoffice-writer-nogui",
)
needs_poppler = pytest.mark.skipif(
    shutil.which("pdffonts") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdffonts, pdftoppm) not installed",
)


def _two_page_report(
    path: Path, title: str = "关于2024年度巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作的自评报告"
) -> Path:
    doc = GongwenDocument()
    doc.title(title)
    doc.recipient("市委农村工作领导小组")
    doc.heading1("基本情况")
    doc.heading2("责任落实情况")
    doc.paragraph("全县共有脱贫人口12860户42315人，乡村振兴各项工作稳步推进。")
    doc.page_break()
    doc.heading1("存在问题")
    doc.table(["序号", "问题", "整改时限"], [["1", "部分项目进度滞后", "2024年6月30日"]], col_widths_mm=[20, 96, 40])
    doc.signature("清水县乡村振兴局", dt.date(2024, 5, 12))
    return doc.save(path)


class _Counter:
    """Wraps ``render._run_soffice`` to count soffice starts (and optionally forbid them)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, forbid: bool = False) -> None:
        self.calls: list[list[str]] = []
        self._real = render._run_soffice
        self._forbid = forbid
        monkeypatch.setattr(render, "_run_soffice", self)

    def __call__(self, args, *, timeout):
        self.calls.append(list(args))
        if self._forbid:
            raise AssertionError("soffice must not run: the PDF is cached")
        return self._real(args, timeout=timeout)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One cold conversion shared by the tests below (LibreOffice's start is the slow part)."""
    if render.soffice_path() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    base = tmp_path_factory.mktemp("render")
    src = _two_page_report(base / "src" / "自评报告.docx")
    cache = base / "cache"
    pdf = render.to_pdf(src, base / "out", cache_dir=cache)
    return {"src": src, "pdf": pdf, "cache": cache, "base": base}


# -- everywhere --------------------------------------------------------------------------------


def test_missing_soffice_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "soffice_path", lambda: None)
    src = _two_page_report(tmp_path / "a.docx")
    with pytest.raises(render.RenderUnavailable) as info:
        render.to_pdf(src, tmp_path / "out")
    assert "libreoffice-writer-nogui" in str(info.value)
    assert "未找到 LibreOffice" in str(info.value)


def test_missing_file_is_reported_not_raised(tmp_path: Path) -> None:
    result = render.to_pdf_many([tmp_path / "nope.docx"], tmp_path / "out")
    assert dict(result) == {}
    assert "not found" in result.failed[tmp_path / "nope.docx"]


def test_fontconfig_file_is_shipped_and_includes_system_config() -> None:
    conf = render.fontconfig_file()
    text = conf.read_text(encoding="utf-8")
    assert "<include" in text and "/etc/fonts/fonts.conf" in text
    for name in ("仿宋_GB2312", "楷体_GB2312", "黑体", "宋体", "方正小标宋简体"):
        assert f"<string>{name}</string>" in text or f"<family>{name}</family>" in text


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig tools (fc-match) not installed")
@pytest.mark.parametrize(
    ("canonical", "family", "style"),
    [
        ("仿宋_GB2312", "Noto Serif CJK SC", "Regular"),
        ("宋体", "Noto Serif CJK SC", "Regular"),
        ("黑体", "Noto Sans CJK SC", "Regular"),
        ("方正小标宋简体", "Noto Serif CJK SC", "Bold"),
    ],
)
def test_fontconfig_maps_canonical_names(canonical: str, family: str, style: str) -> None:
    if family not in subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout:
        pytest.skip(f"{family} not installed (apt-get install fonts-noto-cjk)")
    env = {**os.environ, "FONTCONFIG_FILE": str(render.fontconfig_file())}
    got = subprocess.run(
        ["fc-match", "-f", "%{family}|%{style}", canonical], capture_output=True, text=True, env=env
    ).stdout
    got_family, got_style = got.split("|", 1)
    assert family in got_family, got
    assert style in got_style, got


def test_kaiti_falls_back_to_an_installed_cjk_font() -> None:
    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig tools (fc-match) not installed")
    env = {**os.environ, "FONTCONFIG_FILE": str(render.fontconfig_file())}
    got = subprocess.run(["fc-match", "-f", "%{family}", "楷体_GB2312"], capture_output=True, text=True, env=env).stdout
    if "CJK" not in got and "UKai" not in got and "Fandol" not in got:
        pytest.skip(f"no CJK font installed ({got})")
    assert any(name in got for name in ("AR PL UKai CN", "FandolKai", "Noto Serif CJK SC", "KaiTi", "楷体"))


def test_embedded_fonts_parses_pdffonts_columns(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    sample = (
        "name                                 type              encoding         emb sub uni object ID\n"
        "------------------------------------ ----------------- ---------------- --- --- --- ---------\n"
        "BAAAAA+NotoSerifCJKjp-Bold-VKana     CID Type 0C       Identity-H       yes yes yes      6  0\n"
        "[none]                               Type 3            Custom           yes no  no      12  0\n"
    )
    monkeypatch.setattr(render, "_require_poppler", lambda tool: tool)
    monkeypatch.setattr(
        render.subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 0, stdout=sample, stderr="")
    )
    fonts = render.embedded_fonts(tmp_path / "x.pdf")
    assert fonts[0] == {
        "name": "BAAAAA+NotoSerifCJKjp-Bold-VKana",
        "type": "CID Type 0C",
        "encoding": "Identity-H",
        "emb": True,
        "sub": True,
        "uni": True,
    }
    assert fonts[1]["type"] == "Type 3" and fonts[1]["uni"] is False


# -- with LibreOffice ----------------------------------------------------------------------------


@needs_soffice
def test_pdf_has_pages_and_chinese_text(rendered: dict[str, Path]) -> None:
    pdf = rendered["pdf"]
    assert pdf.is_file() and pdf.name == "自评报告.pdf"
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 2
    text = re.sub(r"\s+", "", reader.pages[0].extract_text())
    assert "巩固拓展脱贫攻坚成果" in text
    assert "一、基本情况" in text
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2  # A4 in points


@needs_soffice
@needs_poppler
def test_cjk_fonts_are_embedded_and_no_type3(rendered: dict[str, Path]) -> None:
    fonts = render.embedded_fonts(rendered["pdf"])
    assert fonts, "pdffonts listed no fonts"
    cjk = [f for f in fonts if "CJK" in str(f["name"])]
    assert cjk, f"no Noto CJK font in {fonts}"
    assert all(f["emb"] for f in cjk)
    assert not [f for f in fonts if f["type"] == "Type 3"], fonts
    # the title (方正小标宋简体) maps to the bold face, the 黑体 heading to the sans face
    names = " ".join(str(f["name"]) for f in fonts)
    assert "Bold" in names and "Sans" in names, names


@needs_soffice
def test_warm_cache_does_not_start_soffice(rendered: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    counter = _Counter(monkeypatch, forbid=True)
    out = rendered["base"] / "warm"
    pdf = render.to_pdf(rendered["src"], out, cache_dir=rendered["cache"])
    assert counter.calls == []
    assert pdf == out / "自评报告.pdf"
    assert pdf.read_bytes() == rendered["pdf"].read_bytes()
    # same bytes under another name hit the same cache entry
    twin = rendered["base"] / "twin.docx"
    shutil.copyfile(rendered["src"], twin)
    assert render.to_pdf(twin, out, cache_dir=rendered["cache"]).read_bytes() == pdf.read_bytes()


@needs_soffice
def test_batch_converts_in_one_start_and_isolates_failures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import Workbook

    a = _two_page_report(tmp_path / "一" / "报告.docx", title="关于清水县乡村振兴工作的情况通报")
    b = _two_page_report(tmp_path / "二" / "报告.docx", title="在全县乡村振兴工作推进会上的讲话")
    wb = Workbook()
    wb.active.append(["户主", "人口"])
    wb.active.append(["张三", 4])
    c = tmp_path / "台账 2024.xlsx"
    wb.save(c)
    broken = tmp_path / "损坏.docx"
    broken.write_bytes(b"PK\x03\x04 truncated zip")
    counter = _Counter(monkeypatch)

    result = render.to_pdf_many([a, b, c, broken], tmp_path / "out", cache_dir=tmp_path / "cache")

    assert set(result) == {a, b, c}
    assert broken in result.failed
    assert len({p.name for p in result.values()}) == 3  # two 报告.docx do not overwrite each other
    assert all(p.is_file() and p.read_bytes().startswith(b"%PDF") for p in result.values())
    # one start for the batch, one retry for the broken file alone
    assert len(counter.calls) == 2
    assert sum(1 for arg in counter.calls[0] if arg.endswith((".docx", ".xlsx"))) == 4
    assert "情况通报" in re.sub(r"\s+", "", PdfReader(str(result[a])).pages[0].extract_text())
    assert "讲话" in re.sub(r"\s+", "", PdfReader(str(result[b])).pages[0].extract_text())


@needs_soffice
def test_to_pdf_raises_render_error_for_a_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"PK\x03\x04 truncated zip")
    with pytest.raises(render.RenderError):
        render.to_pdf(broken, tmp_path / "out", cache_dir=tmp_path / "cache")


@needs_soffice
@needs_poppler
def test_pdf_to_png_preview(rendered: dict[str, Path], tmp_path: Path) -> None:
    from PIL import Image

    pngs = render.pdf_to_png(rendered["pdf"], tmp_path / "png" / "preview", first_page=1, last_page=2, dpi=30)
    assert len(pngs) == 2
    with Image.open(pngs[0]) as im:
        w, h = im.size
    assert h > w  # portrait
    assert abs(w - round(210 / 25.4 * 30)) <= 2
