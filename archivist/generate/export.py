"""``archivist export --zip``: the archive as a folder tree plus an offline index.html, for inspectors.

Inspectors and the city's evidence group often work on their own laptops without archivist. The ZIP
holds the filed evidence in the archive's own folders (category/indicator/file, as on the office
share), the 归档文件目录 as .xlsx, and an ``index.html`` that lists every document per indicator with
a relative link — it opens from the unzipped folder in any browser, no server, no script, no
network. Everything shown in the page is HTML-escaped (titles come from documents and file names a
unit typed) and links are percent-encoded, so a title such as ``<script>`` or a file name with ``#``
cannot break the page or point elsewhere.

The listing is the same plan as the catalogue (:func:`catalogue_doc.build_groups`): same 档号, same
互见 cross references (linking to the one archived copy).

``manifest.json`` lists every file with its sha256 and carries the audit chain head at export time
(``audit_anchor``, SEQ:HASH): whoever received the export can later run ``archivist verify --anchor``
on the archive to learn whether its history still contains what they were given.

The files are read through the workspace's EvidenceStore: on local disk the files themselves, from S3
copies checked against the catalogue's sha256 (a mismatch stops the export: the manifest would lie).
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import os
import zipfile
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..storage import open_store
from .catalogue_doc import EMPTY_TEXT, IndicatorGroup, build_groups, catalogue_title, issuer, write_xlsx
from .gongwen import format_cn_date

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..workspace import Workspace

FILES_DIR = "佐证材料"
STORED_SUFFIXES = {".jpg", ".jpeg", ".png", ".pdf", ".docx", ".xlsx", ".pptx", ".zip", ".gif", ".webp", ".heic",
                   ".mp4", ".mov"}  # already compressed: deflating again costs time and saves nothing


@dataclass
class ExportResult:
    out: Path
    files: int
    indicators: int
    missing_files: list[str]
    anchor: str = ""  # audit chain head at export time (SEQ:HASH), also in manifest.json
    withheld: list[str] = field(default_factory=list)  # PDFs/scans holding personal data that cannot be masked

    def to_json(self) -> dict[str, object]:
        return {"out": str(self.out), "files": self.files, "indicators": self.indicators,
                "missing_files": self.missing_files, "anchor": self.anchor, "withheld": self.withheld}


MANIFEST_FORMAT = 1


def manifest(ws: Workspace, catalogue: Catalogue, members: dict[str, tuple[Path, str]], today: _dt.date) -> dict:
    """What the export holds (member -> sha256) and the audit chain head it was made at."""
    head = catalogue.chain_head()
    return {
        "format": MANIFEST_FORMAT,
        "county": ws.config.county,
        "year": ws.config.year,
        "exported_on": today.isoformat(),
        "audit_anchor": str(head) if head else None,
        "audit_anchor_note": "生成时审计日志的最新条目（序号:哈希前16位）；"
                             "用 archivist verify --anchor 核对档案此后未被改写",
        "files": [{"path": member, "sha256": sha} for member, (_src, sha) in sorted(members.items())],
    }


def zip_member(ws: Workspace, archive_path: str) -> str:
    """Where an archived file goes in the ZIP: ``佐证材料/<category>/<indicator>/<file>``."""
    rel = PurePosixPath(archive_path)
    archive_root = PurePosixPath(ws.config.archive)
    try:
        rel = rel.relative_to(archive_root)
    except ValueError:
        pass
    return str(PurePosixPath(FILES_DIR) / rel)


def _href(member: str) -> str:
    return "/".join(quote(part, safe="") for part in member.split("/"))


_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:1200px;
color:#222;padding:0 1em}
h1{font-family:"Noto Serif CJK SC","SimSun",serif;text-align:center;font-size:1.6em}
h2{border-bottom:2px solid #a33;padding-bottom:.2em;margin-top:2em}
h3{margin:1.4em 0 .4em}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border:1px solid #bbb;padding:.3em .5em;vertical-align:top}
th{background:#f3eeee}
td.n{text-align:center;white-space:nowrap}
.empty{color:#888}
.meta{text-align:center;color:#555}
nav ul{columns:2;list-style:none;padding-left:0}
nav li{margin:.15em 0}
.note{color:#a33}
"""


def render_index(ws: Workspace, groups: Sequence[IndicatorGroup], today: _dt.date,
                 member_of: Callable[[str], str] | None = None, withheld: frozenset[str] = frozenset()) -> str:
    """The offline index page: a contents list, then one table per indicator, every value escaped.
    `member_of` names an archived file inside the ZIP; a `withheld` one is listed without a link."""
    member_of = member_of or (lambda rel: zip_member(ws, rel))
    e = html.escape
    title = catalogue_title(ws, groups)
    total = sum(1 for g in groups for x in g.entries if not x.cross_ref)
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(title)}</h1>",
        f'<p class="meta">编制单位：{e(issuer(ws))}　编制日期：{e(format_cn_date(today))}　共{total}件</p>',
    ]
    if total == 0:
        out.append(f'<p class="meta empty">{e(EMPTY_TEXT)}</p>')
    out.append("<nav><ul>")
    for g in groups:
        count = len(g.entries)
        label = f"{g.label}（{count}件）" if count else f"{g.label}（{EMPTY_TEXT}）"
        out.append(f'<li><a href="#{e(quote(g.code))}">{e(label)}</a></li>')
    out.append("</ul></nav>")
    current_fw = current_cat = None
    for g in groups:
        if g.framework_id != current_fw:
            current_fw, current_cat = g.framework_id, None
            out.append(f"<h2>{e(g.framework_name)}</h2>")
        if g.category_code != current_cat:
            current_cat = g.category_code
            out.append(f"<h3>{e(g.category_code)} {e(g.category_name)}</h3>")
        lead = f"（牵头单位：{g.lead_unit}）" if g.lead_unit else ""
        out.append(f'<h4 id="{e(g.code)}">{e(g.label)}{e(lead)}</h4>')
        if not g.entries:
            out.append(f'<p class="empty">{e(EMPTY_TEXT)}</p>')
            continue
        out.append("<table><thead><tr><th>序号</th><th>档号</th><th>题名</th><th>文号</th><th>责任者</th>"
                   "<th>日期</th><th>页数</th><th>备注</th></tr></thead><tbody>")
        for x in g.entries:
            rel = x.record.get("archive_path") or ""
            if rel in withheld:
                link = f"{e(x.title)}（含个人信息，无法遮盖，未随包导出）"
            else:
                link = f'<a href="{e(_href(member_of(rel)))}">{e(x.title)}</a>' if rel else e(x.title)
            out.append(
                f'<tr><td class="n">{x.seq}</td><td class="n">{e(x.archive_no)}</td><td>{link}</td>'
                f"<td>{e(x.doc_number)}</td><td>{e(x.unit)}</td><td class=\"n\">{e(x.date8)}</td>"
                f'<td class="n">{"" if x.pages is None else x.pages}</td><td class="note">{e(x.note)}</td></tr>'
            )
        out.append("</tbody></table>")
    out.append("</body></html>")
    return "\n".join(out)


def export_zip(
    ws: Workspace,
    catalogue: Catalogue,
    out: Path,
    *,
    indicator: str | None = None,
    framework: str | None = None,
    today: _dt.date | None = None,
    unmasked: bool = False,
) -> ExportResult:
    """Write the ZIP (atomically: a half-written export never has the final name). 身份证号 and mobile
    numbers are masked in every file, file name and page it writes unless `unmasked` (for the inspection
    team: audited); a file that holds them in a format that cannot be masked (a PDF, a scan, an old .doc)
    is withheld and named in the result."""
    from ..authenticity.pii import mask_text

    def member_of(rel: str) -> str:
        return zip_member(ws, rel) if unmasked else mask_text(zip_member(ws, rel))

    with ExitStack() as files:
        return _export_zip(ws, catalogue, out, files, member_of, indicator, framework, today, unmasked)


def _export_zip(
    ws: Workspace, catalogue: Catalogue, out: Path, files: ExitStack, member_of: Callable[[str], str],
    indicator: str | None, framework: str | None, today: _dt.date | None, unmasked: bool,
) -> ExportResult:
    """export_zip's body; `files` holds each evidence file's local copy until the ZIP is written."""
    from ..authenticity.pii import can_mask, find_pii, mask_text, masked_copy

    store = open_store(ws)
    today = today or _dt.date.today()
    groups = build_groups(ws, catalogue, indicator=indicator, framework=framework)
    members: dict[str, tuple[Path, str]] = {}
    missing: list[str] = []
    withheld: dict[str, str] = {}  # archive path -> member name
    for g in groups:
        for x in g.entries:
            rel = x.record.get("archive_path")
            if not rel:
                continue
            if rel in withheld or member_of(rel) in members:
                continue  # 互见: the one archived copy is already decided (and fetched once)
            try:
                src = files.enter_context(store.local_path(rel, x.record.get("sha256")))
            except FileNotFoundError:
                missing.append(rel)
                continue
            if not unmasked and not can_mask(src.name) and rel not in withheld:
                if find_pii(catalogue.evidence.text_of(x.record["id"])):
                    withheld[rel] = member_of(rel)
            if rel in withheld:
                continue
            members.setdefault(member_of(rel), (src, x.record.get("sha256") or ""))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    xlsx = out.with_name(f".{out.stem}.{os.getpid()}.catalogue.xlsx")
    try:
        write_xlsx(ws, groups, xlsx)
        listing = manifest(ws, catalogue, members, today)
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            page = render_index(ws, groups, today, member_of, frozenset(withheld))
            zf.writestr("index.html", page if unmasked else mask_text(page))
            zf.writestr("归档文件目录.xlsx", (None if unmasked else masked_copy(xlsx)) or xlsx.read_bytes())
            zf.writestr("manifest.json", json.dumps(listing, ensure_ascii=False, indent=1))
            for member, (src, _sha) in sorted(members.items()):
                kind = zipfile.ZIP_STORED if src.suffix.lower() in STORED_SUFFIXES else zipfile.ZIP_DEFLATED
                masked = None if unmasked else masked_copy(src)
                if masked is None:
                    zf.write(src, member, compress_type=kind)
                else:
                    zf.writestr(member, masked, compress_type=kind)
        os.replace(tmp, out)
        if unmasked:
            with catalogue.transaction():
                catalogue.audit("export_unmasked", None, {"out": str(out), "files": len(members)})
    finally:
        tmp.unlink(missing_ok=True)
        xlsx.unlink(missing_ok=True)
    return ExportResult(out, len(members), sum(1 for g in groups if g.entries), sorted(set(missing)),
                        listing["audit_anchor"] or "", sorted(withheld.values()))
