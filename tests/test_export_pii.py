"""`export --zip` hands inspectors no unmasked 身份证号 or mobile number — wherever the office put it.

Real files go in through `ingest`, the real command writes the zip, and every member is read back the
way a curious recipient would: member names, the offline index, manifest, the catalogue workbook, every
part inside each .docx/.xlsx (and an Office file embedded inside those), and the text layer of PDFs.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

from archivist.authenticity.pii import find_pii
from tests.authenticity_gen import resident_id
from tests.fixtures_gen import make_docx, make_text_file, make_text_pdf, make_xlsx

PERSON = resident_id(born=dt.date(1980, 1, 2))
OTHER = resident_id(region="330102", born=dt.date(1969, 11, 30), seq="457")
MOBILE = "13812345678"


def _texts(name: str, data: bytes, depth: int = 0) -> list[tuple[str, str]]:
    """(where, text) for a member and everything inside it."""
    out = [(f"{name} (name)", name)]
    lower = name.lower()
    if lower.endswith((".docx", ".xlsx", ".pptx", ".zip")) and depth < 3:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for inner in zf.namelist():
                out += _texts(f"{name}!{inner}", zf.read(inner), depth + 1)
    elif lower.endswith(".pdf"):
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        out.append((name, "\n".join(page.extract_text() or "" for page in reader.pages)))
        out.append((f"{name} (bytes)", data.decode("latin-1")))
    else:
        for encoding in ("utf-8", "gb18030"):
            try:
                out.append((name, data.decode(encoding)))
                break
            except UnicodeDecodeError:
                continue
        else:
            out.append((name, data.decode("latin-1")))
    return out


def _exported(path: Path) -> list[tuple[str, str]]:
    out = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            out += _texts(name, zf.read(name))
    return out


def _split_run_docx(path: Path) -> Path:
    """A Word file the way Word stores edits: the 身份证号 in two runs, another in the header, a mobile
    in a comment, and a workbook with a third number embedded in the document."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("关于王某某公益岗位聘用的说明")
    p = doc.add_paragraph("王某某，身份证号：")
    p.add_run(PERSON[:7])
    p.add_run(PERSON[7:]).bold = True
    p.add_run("，经审核同意聘用。")
    comment_run = doc.add_paragraph("联系人：李某").runs[0]
    doc.add_comment(comment_run, text=f"电话{MOBILE[:5]}{MOBILE[5:]}", author="资料组")
    doc.sections[0].header.paragraphs[0].text = f"户主{OTHER}"
    doc.add_paragraph("县人力资源和社会保障局")
    doc.add_paragraph("2024年5月6日")
    doc.save(str(path))
    inner = io.BytesIO()
    make_xlsx(path.with_suffix(".tmp.xlsx"), {"名单": [["姓名", "身份证号"], ["张某", OTHER]]})
    inner.write(path.with_suffix(".tmp.xlsx").read_bytes())
    path.with_suffix(".tmp.xlsx").unlink()
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("word/embeddings/Microsoft_Excel_Worksheet1.xlsx", inner.getvalue())
    return path


def _inbox(root: Path) -> Path:
    inbox = root / "来件" / "县人社局"
    inbox.mkdir(parents=True)
    _split_run_docx(inbox / "关于公益岗聘用的说明.docx")
    make_xlsx(inbox / "公益岗人员花名册.xlsx",
              {"花名册": [["姓名", "身份证号", "联系电话"], ["王某某", PERSON, int(MOBILE)],
                          ["张某", OTHER, "139 1234 5678"]]})
    make_text_file(inbox / "公益岗联系人名单.txt", f"公益岗联系人\n王某某 {PERSON} 手机 {MOBILE}\n", encoding="gb18030")
    make_text_pdf(inbox / "公益岗人员公示.pdf", [["Gongyi gangwei gongshi 2024", f"Wang {PERSON} tel {MOBILE}"]])
    make_docx(inbox / f"王某某{PERSON}身份证复印件说明.docx", f"王某某（{PERSON}）身份证复印件说明",
              ["公益岗位人员身份证复印件已留存。", "县人社局", "2024年5月6日"])
    make_docx(inbox / "公益岗位开发工作总结.docx", "公益岗位开发工作总结",
              ["全县开发公益岗位120个，全部按月发放补贴。", "县人社局", "2024年11月6日"])
    return inbox.parent


def _ingest(cli, root: Path) -> None:
    """Ingest the inbox and file what the classifier left in 待分类 (only filed evidence is exported)."""
    cli("ingest", str(_inbox(root)))
    for record in cli.json("list", "--status", "unsorted"):
        cli("assign", record["id"], "A03")


def test_exported_zip_holds_no_unmasked_resident_id_or_mobile_anywhere(cli, tmp_path: Path) -> None:
    _ingest(cli, tmp_path)
    out = tmp_path / "out" / "export.zip"
    printed = cli("export", "--zip", str(out))
    texts = _exported(out)
    leaks = [(where, h.kind, h.value) for where, text in texts for h in find_pii(text)]
    assert leaks == []
    everything = "\n".join(t for _w, t in texts)
    assert PERSON not in everything and OTHER not in everything and MOBILE not in everything
    # the files are in it, masked rather than dropped: the split number is starred where Word keeps it
    assert "公益岗位开发工作总结" in everything and "经审核同意聘用" in everything
    assert PERSON[:6] + "********" + PERSON[14:] in everything.replace("</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
                                                                        "<w:t>", "")
    names = [w for w, _t in texts if w.endswith("(name)")]
    masked_name = f"{PERSON[:6]}********{PERSON[14:]}"
    assert any(masked_name in n for n in names)  # a file named with the number is there, its name masked
    # the PDF cannot be masked: it is withheld, said so, and the offline index lists it without a link
    assert not any(n.startswith("佐证材料") and ".pdf" in n for n in names)
    assert "公益岗人员公示" in printed and "未放入导出包" in printed
    with zipfile.ZipFile(out) as zf:
        page = zf.read("index.html").decode("utf-8")
        manifest = json.loads(zf.read("manifest.json"))
    assert "未随包导出" in page
    files = {n[:-len(" (name)")] for n in names if n.startswith("佐证材料") and "!" not in n}
    assert {f["path"] for f in manifest["files"]} == files


def test_masked_word_file_still_opens_and_reads_masked(cli, tmp_path: Path) -> None:
    from docx import Document

    _ingest(cli, tmp_path)
    out = tmp_path / "export.zip"
    cli("export", "--zip", str(out))
    with zipfile.ZipFile(out) as zf:
        name = next(n for n in zf.namelist() if "聘用的说明" in n)
        doc = Document(io.BytesIO(zf.read(name)))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert f"身份证号：{PERSON[:6]}********{PERSON[14:]}，经审核同意聘用" in body
    assert doc.sections[0].header.paragraphs[0].text == f"户主{OTHER[:6]}********{OTHER[14:]}"


def test_unmasked_export_is_complete_and_audited(cli, tmp_path: Path) -> None:
    from archivist.catalogue import Catalogue

    _ingest(cli, tmp_path)
    full = tmp_path / "full.zip"
    cli("export", "--zip", str(full), "--unmasked")
    texts = _exported(full)
    assert any(h.value == PERSON for _w, t in texts for h in find_pii(t))
    with zipfile.ZipFile(full) as zf:
        assert any(n.endswith(".pdf") for n in zf.namelist())
    catalogue = Catalogue(cli.ws.catalogue_path)
    try:
        entries = [e for e in catalogue.audit_entries() if e["action"] == "export_unmasked"]
    finally:
        catalogue.close()
    assert len(entries) == 1
