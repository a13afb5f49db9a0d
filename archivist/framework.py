"""Indicator frameworks (考核方案): load, validate and look up.

A framework file is TOML: [framework], [[category]] with [[category.indicator]], and optional
[[adjustment]] (加减分项). Validation errors name the file and line so that a clerk editing the
province's scheme can find the mistake.

Levels: a scheme has one to three levels (一级/二级/三级指标). The category is always the top level; a
three-level scheme adds [[category.group]] (二级指标, with its own points) and each indicator names its
`group`. Every indicator carries its `path` (level names from the top, ending with its own name), so
status, scores and reports that group by category keep working whatever the depth.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .shipped import shipped

BUILTIN_DIR = shipped("frameworks")
ADJUSTMENT_CATEGORY = "X"
ADJUSTMENT_CATEGORY_NAME = "加减分项"
ADJUSTMENT_BLOCKS = {"bonus": "加分项", "penalty": "扣分项"}  # the block an adjustment sits in (its path)


class FrameworkError(ValueError):
    """A framework file is malformed; the message names the file and line."""


@dataclass
class Indicator:
    code: str
    name: str
    framework_id: str
    category_code: str
    category_name: str
    points: float = 0.0
    lead_unit: str = ""
    method: str = ""
    content: str = ""
    evidence: list[str] = field(default_factory=list)
    see_also: list[str] = field(default_factory=list)
    kind: str = "base"  # base | bonus | penalty | graded
    max_points: float = 0.0
    scoring: str = ""  # 评分标准: the deduction rules as the scheme words them
    responsible_units: list[str] = field(default_factory=list)  # 责任单位 / 配合单位
    group_code: str = ""  # 二级指标 of a three-level scheme
    group_name: str = ""
    path: list[str] = field(default_factory=list)  # level names from the top, ending with `name`

    def __post_init__(self) -> None:
        if not self.path:
            top = [self.category_name] if self.category_name and self.category_name != self.name else []
            self.path = [*top, *([self.group_name] if self.group_name else []), self.name]

    @property
    def label(self) -> str:
        return f"{self.code}-{self.name}"


@dataclass
class Group:
    """A 二级指标: a named set of indicators inside a category, with the points the scheme gives it."""

    code: str
    name: str
    points: float = 0.0


@dataclass
class Category:
    code: str
    name: str
    points: float
    indicators: list[Indicator]
    groups: list[Group] = field(default_factory=list)


@dataclass
class Framework:
    id: str
    name: str
    short: str
    kind: str  # scored | graded
    total_points: float
    data_cutoff: str  # MM-DD
    categories: list[Category]
    source: Path | None = None
    levels: int = 2
    see_also_framework: str = ""  # the framework this one's see_also codes name (dropped when it is not in use)
    notes: list[str] = field(default_factory=list)  # 注：… rows of an imported scheme
    bonus_max: float = 0.0
    penalty_max: float = 0.0

    def indicators(self) -> list[Indicator]:
        return [ind for cat in self.categories for ind in cat.indicators]


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return 0


def _where(path: Path, text: str, code: str) -> str:
    line = _line_of(text, f'"{code}"')
    return f"{path.name}:{line}" if line else path.name


def load_framework(path: Path) -> Framework:
    """Read and validate one framework file; anything malformed is a FrameworkError naming the file.

    Framework files arrive from outside (a province's scheme, a restored backup), so a wrong type
    anywhere — `code = 1`, `indicator = "x"`, points = nan, binary bytes — must be refused in one
    line like a TOML error, never surface as a traceback deep inside scoring or filing.
    """
    try:
        framework = _parse_framework(path)
    except FrameworkError:
        raise
    except UnicodeDecodeError as exc:
        raise FrameworkError(f"{path.name}: 不是 UTF-8 编码的文本文件，无法作为考核方案读取") from exc
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise FrameworkError(f"{path.name}: 结构不符合考核方案格式（{type(exc).__name__}: {exc}）") from exc
    _validate_shape(framework, path)
    return framework


def _validate_shape(fw: Framework, path: Path) -> None:
    """What the parser does not check by itself: types, a usable code for each indicator, finite points."""
    import math

    if not isinstance(fw.id, str) or not isinstance(fw.name, str):
        raise FrameworkError(f"{path.name}: [framework] 的 id 和 name 必须是文字")
    indicators = fw.indicators()
    if not indicators:
        raise FrameworkError(f"{path.name}: 没有任何指标（[[category.indicator]]）：不是可用的考核方案")
    numbers = [("total_points", fw.total_points)] + [(f"大类 {c.code} points", c.points) for c in fw.categories]
    for ind in indicators:
        if not isinstance(ind.code, str) or not ind.code.strip() or not isinstance(ind.name, str):
            raise FrameworkError(f"{path.name}: 指标 {ind.code!r} 的 code 和 name 必须是非空文字")
        if any(not isinstance(x, str) for x in (*ind.evidence, *ind.see_also)):
            raise FrameworkError(f"{path.name}: 指标 {ind.code} 的 evidence / see_also 必须是文字列表")
        numbers += [(f"指标 {ind.code} points", ind.points), (f"指标 {ind.code} max_points", ind.max_points)]
    for what, value in numbers:
        if not math.isfinite(value):
            raise FrameworkError(f"{path.name}: {what} 不是有效数字（{value}）")


def _parse_framework(path: Path) -> Framework:
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FrameworkError(f"{path.name}: TOML 格式错误：{exc}") from exc
    head = data.get("framework") or {}
    if not head.get("id"):
        raise FrameworkError(f"{path.name}: 缺少 [framework] 段或其 id")
    fid = head["id"]
    kind = head.get("kind", "scored")
    categories: list[Category] = []
    for cat in data.get("category", []):
        for key in ("code", "name"):
            if key not in cat:
                raise FrameworkError(f"{path.name}:{_line_of(text, '[[category]]')}: 大类缺少 {key}")
        groups = [Group(g["code"], g.get("name", g["code"]), float(g.get("points", 0))) for g in cat.get("group", [])]
        group_names = {g.code: g.name for g in groups}
        indicators = []
        for raw in cat.get("indicator", []):
            if "code" not in raw or "name" not in raw:
                where = _where(path, text, raw.get("code", raw.get("name", "")))
                raise FrameworkError(f"{where}: 指标缺少 code 或 name")
            group = raw.get("group", "")
            if group and group not in group_names:
                raise FrameworkError(f"{_where(path, text, raw['code'])}: 指标 {raw['code']} 的 group {group} 不存在")
            indicators.append(
                Indicator(
                    code=raw["code"],
                    name=raw["name"],
                    framework_id=fid,
                    category_code=cat["code"],
                    category_name=cat["name"],
                    points=float(raw.get("points", 0)),
                    lead_unit=raw.get("lead_unit", ""),
                    method=raw.get("method", ""),
                    content=raw.get("content", ""),
                    evidence=list(raw.get("evidence", [])),
                    see_also=list(raw.get("see_also", [])),
                    kind="graded" if kind == "graded" else "base",
                    scoring=raw.get("scoring", ""),
                    responsible_units=list(raw.get("responsible_units", [])),
                    group_code=group,
                    group_name=group_names.get(group, ""),
                    path=list(raw.get("path", [])),
                )
            )
        categories.append(Category(cat["code"], cat["name"], float(cat.get("points", 0)), indicators, groups))
    adjustments = [
        Indicator(
            code=raw["code"],
            name=raw["name"],
            framework_id=fid,
            category_code=ADJUSTMENT_CATEGORY,
            category_name=ADJUSTMENT_CATEGORY_NAME,
            content=raw.get("content", ""),
            evidence=list(raw.get("evidence", [])),
            see_also=list(raw.get("see_also", [])),
            kind=raw.get("kind", "bonus"),
            max_points=float(raw.get("max_points", 0)),
            lead_unit=raw.get("lead_unit", ""),
            method=raw.get("method", ""),
            scoring=raw.get("scoring", ""),
            responsible_units=list(raw.get("responsible_units", [])),
            path=list(raw.get("path", []))
            or [ADJUSTMENT_BLOCKS.get(raw.get("kind", "bonus"), ADJUSTMENT_CATEGORY_NAME), raw["name"]],
        )
        for raw in data.get("adjustment", [])
    ]
    if adjustments:
        categories.append(Category(ADJUSTMENT_CATEGORY, ADJUSTMENT_CATEGORY_NAME, 0.0, adjustments))
    framework = Framework(
        id=fid,
        name=head.get("name", fid),
        short=head.get("short", head.get("name", fid)),
        kind=kind,
        total_points=float(head.get("total_points", 0)),
        data_cutoff=head.get("data_cutoff", "12-31"),
        categories=categories,
        source=path,
        levels=int(head.get("levels", 2)),
        see_also_framework=head.get("see_also_framework", ""),
        notes=list(head.get("notes", [])),
        bonus_max=float(head.get("bonus_max", 0)),
        penalty_max=float(head.get("penalty_max", 0)),
    )
    _validate_points(framework, path, text)
    return framework


def _validate_points(fw: Framework, path: Path, text: str) -> None:
    if fw.kind != "scored":
        return
    base = [c for c in fw.categories if c.code != ADJUSTMENT_CATEGORY]
    for cat in base:
        for group in cat.groups:
            members = sum(i.points for i in cat.indicators if i.group_code == group.code)
            if group.points and abs(members - group.points) > 1e-6:
                raise FrameworkError(
                    f"{_where(path, text, group.code)}: 二级指标 {group.code} 的分值为 {group.points:g}，"
                    f"但其指标分值合计为 {members:g}"
                )
        total = sum(i.points for i in cat.indicators)
        if abs(total - cat.points) > 1e-6:
            raise FrameworkError(
                f"{_where(path, text, cat.code)}: 大类 {cat.code} 的分值为 {cat.points:g}，"
                f"但其指标分值合计为 {total:g}"
            )
    total = sum(c.points for c in base)
    if fw.total_points and abs(total - fw.total_points) > 1e-6:
        raise FrameworkError(
            f"{path.name}:{_line_of(text, 'total_points')}: 总分为 {fw.total_points:g}，但各大类合计为 {total:g}"
        )


class FrameworkSet:
    """The frameworks a workspace uses, validated together (unique codes, see_also targets)."""

    def __init__(self, frameworks: list[Framework]) -> None:
        self.frameworks = frameworks
        loaded = {fw.id for fw in frameworks}
        for fw in frameworks:
            if fw.see_also_framework and fw.see_also_framework not in loaded:
                # its links name a framework this workspace no longer uses (e.g. replaced by the
                # province's own scheme): they would point at unrelated indicators, so drop them
                for ind in fw.indicators():
                    ind.see_also = []
        self._by_code: dict[str, Indicator] = {}
        for fw in frameworks:
            for ind in fw.indicators():
                if ind.code in self._by_code:
                    other = self._by_code[ind.code]
                    src = fw.source or Path(fw.id)
                    text = src.read_text(encoding="utf-8") if fw.source else ""
                    raise FrameworkError(
                        f"{_where(src, text, ind.code)}: 指标代码 {ind.code} 重复（已在 {other.framework_id} 中使用）"
                    )
                self._by_code[ind.code] = ind
        for fw in frameworks:
            text = fw.source.read_text(encoding="utf-8") if fw.source else ""
            for ind in fw.indicators():
                for target in ind.see_also:
                    if target not in self._by_code:
                        src = fw.source or Path(fw.id)
                        raise FrameworkError(
                            f"{_where(src, text, ind.code)}: 指标 {ind.code} 的 see_also 指向不存在的指标 {target}"
                        )

    def indicator(self, code: str) -> Indicator | None:
        return self._by_code.get(code)

    def indicators(self) -> list[Indicator]:
        return list(self._by_code.values())

    def framework(self, fid: str) -> Framework | None:
        return next((fw for fw in self.frameworks if fw.id == fid), None)

    def links_for(self, code: str) -> list[str]:
        """Codes in other frameworks whose see_also names `code` (and the reverse)."""
        ind = self._by_code.get(code)
        linked = set(ind.see_also) if ind else set()
        linked |= {i.code for i in self._by_code.values() if code in i.see_also}
        return sorted(linked - {code})


def builtin_ids() -> list[str]:
    return sorted(p.stem for p in BUILTIN_DIR.glob("*.toml"))


def load_frameworks(ids: list[str], extra_dirs: list[Path] | None = None) -> FrameworkSet:
    """Load frameworks by id, looking in the workspace's own folders first, then the built-ins."""
    dirs = [*(extra_dirs or []), BUILTIN_DIR]
    loaded = []
    for fid in ids:
        for d in dirs:
            candidate = d / f"{fid}.toml"
            if candidate.is_file():
                loaded.append(load_framework(candidate))
                break
        else:
            raise FrameworkError(f"找不到考核方案 {fid}：可用的有 {', '.join(builtin_ids())}")
    return FrameworkSet(loaded)
