"""`scheme import`: table → checked scheme → frameworks/<id>.toml → (optionally) in use, audited.

A scheme with issues (points not adding up, a row without a parent, an empty evidence cell) is not
stored unless forced; a forced one keeps the issue lines in its file (`flagged`) so they stay visible.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..catalogue import Catalogue
from ..framework import Framework, FrameworkError, load_framework
from ..workspace import Workspace
from .build import import_table
from .model import ImportedScheme
from .store import SchemeError, check_set, frameworks_dir, replacement_ids, set_frameworks, write_scheme_file
from .table import SchemeReadError
from .toml_io import to_toml


@dataclass
class ImportResult:
    scheme: ImportedScheme
    framework: Framework | None = None
    path: Path | None = None
    active: bool = False
    replaced: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def stored(self) -> bool:
        return self.path is not None


def filed_under(catalogue: Catalogue, codes: set[str]) -> int:
    return catalogue.evidence.filed_count(codes) if codes else 0


def read_scheme(file: Path, scheme_id: str = "", name: str = "",
                prefix: str | None = None) -> tuple[ImportedScheme, str]:
    """Build the scheme and its TOML, loading that TOML back so what is shown is what archivist will use."""
    try:
        scheme = import_table(file, scheme_id, name, prefix)
    except SchemeReadError as exc:
        raise SchemeError(str(exc)) from exc
    text = to_toml(scheme, [i.line() for i in scheme.issues])
    return scheme, text


def _refuse_orphaning(ws: Workspace, catalogue: Catalogue, fw: Framework) -> None:
    """Re-importing a scheme in use (a corrected table) must keep every code evidence is filed under."""
    existing = frameworks_dir(ws) / f"{fw.id}.toml"
    if fw.id not in ws.config.frameworks or not existing.is_file():
        return
    try:
        old_codes = {i.code for i in load_framework(existing).indicators()}
    except FrameworkError:
        return
    lost = old_codes - {i.code for i in fw.indicators()}
    if count := filed_under(catalogue, lost):
        raise SchemeError(f"方案 {fw.id} 正在使用，已有 {count} 件材料归档在新表中没有的指标 "
                          f"{'、'.join(sorted(lost)[:5])} 下：请用新的 --id 导入，再运行 "
                          f"archivist scheme migrate {fw.id} 新id")


def parse_back(text: str, scheme_id: str) -> Framework:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{scheme_id}.toml"
        path.write_text(text, encoding="utf-8")
        try:
            return load_framework(path)
        except FrameworkError as exc:
            raise SchemeError(f"导入结果无法作为考核方案使用：{exc}") from exc


def import_scheme(ws: Workspace, catalogue: Catalogue, file: Path, scheme_id: str = "", name: str = "",
                  force: bool = False, use: bool = True, prefix: str | None = None) -> ImportResult:
    scheme, text = read_scheme(file, scheme_id, name, prefix)
    result = ImportResult(scheme)
    if scheme.issues and not force:
        try:
            result.framework = parse_back(text, scheme.id)  # still shown, so the clerk sees what was read
        except SchemeError:
            pass
        return result
    if not scheme.leaves():
        raise SchemeError(f"{file.name}：没有读到任何指标，未导入")
    fw = parse_back(text, scheme.id)
    result.framework = fw
    _refuse_orphaning(ws, catalogue, fw)
    ids = list(ws.config.frameworks)
    if use:
        ids, replaced = replacement_ids(ws, fw)
        if replaced:
            old = check_set(ws, [replaced])
            count = filed_under(catalogue, {i.code for i in old.indicators()})
            if count:
                result.notes.append(f"已有 {count} 件材料归档在 {replaced} 下，本次未切换方案："
                                    f"请先运行 archivist scheme diff {replaced} {fw.id} 核对，再运行 "
                                    f"archivist scheme migrate {replaced} {fw.id}")
                ids, replaced = list(ws.config.frameworks), None
        result.replaced = replaced
    path = write_scheme_file(ws, fw.id, text)
    result.path = path
    result.framework = load_framework(path)
    if use and fw.id in ids:
        try:
            check_set(ws, ids)
        except SchemeError:
            if fw.id not in ws.config.frameworks:
                path.unlink()
            raise
        set_frameworks(ws, ids)
        result.active = True
    with catalogue.transaction():
        catalogue.audit("scheme_imported", None, {
            "id": fw.id, "file": file.name, "path": ws.relative(path), "indicators": len(fw.indicators()),
            "issues": [i.line() for i in scheme.issues], "forced": bool(scheme.issues), "active": result.active,
            "replaced": result.replaced,
        })
    return result
