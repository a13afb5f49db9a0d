"""city.toml: the city's (or province's) name and its counties, each with its workspace.

    [city]
    name = "云江市"

    [[county]]
    name = "青山县"
    workspace = "counties/青山县"      # relative to city.toml, or absolute

A county's workspace is its own: its archivist.toml names the county, and the two must agree, so that a
path pointing at the wrong folder shows at once instead of reporting one county's figures as another's.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

CITY_FILE = "city.toml"


class CityError(ValueError):
    """city.toml is missing or wrong; the message names the file and what to do."""


@dataclass(frozen=True)
class County:
    name: str
    workspace: Path  # absolute


@dataclass(frozen=True)
class City:
    name: str
    root: Path
    counties: tuple[County, ...]

    @property
    def path(self) -> Path:
        return self.root / CITY_FILE


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _relative(root: Path, workspace: Path) -> str:
    try:
        return workspace.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(workspace.resolve())


def write_city(city: City) -> Path:
    lines = ["# 市（省）级汇总：本市各县的工作区（archivist city …）", "[city]", f"name = {_q(city.name)}", ""]
    for county in city.counties:
        where = _relative(city.root, county.workspace)
        lines += ["[[county]]", f"name = {_q(county.name)}", f"workspace = {_q(where)}", ""]
    city.root.mkdir(parents=True, exist_ok=True)
    tmp = city.path.with_suffix(".toml.tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    tmp.replace(city.path)
    return city.path


def parse_county(text: str) -> tuple[str, Path]:
    """`NAME=WORKSPACE` as typed on the command line."""
    name, sep, where = text.partition("=")
    if not sep or not name.strip() or not where.strip():
        raise CityError(f"“{text}”格式不对：请写成 县名=工作区目录，例如 青山县=counties/青山县")
    return name.strip(), Path(where.strip())


def init_city(root: Path, name: str, counties: list[tuple[str, Path]]) -> City:
    root = root.resolve()
    if (root / CITY_FILE).exists():
        raise CityError(f"{root / CITY_FILE} 已存在：要增加县请用 archivist city add")
    if not name.strip():
        raise CityError("市（省）名称不能为空：请用 --name 指定，例如 --name 云江市")
    city = City(name.strip(), root, ())
    for county_name, workspace in counties:
        city = _with(city, county_name, workspace)
    write_city(city)
    return city


def add_county(root: Path, name: str, workspace: Path) -> City:
    city = _with(load_city(root), name, workspace)
    write_city(city)
    return city


def _with(city: City, name: str, workspace: Path) -> City:
    if any(c.name == name for c in city.counties):
        raise CityError(f"{city.path} 中已有 {name}：一个县只列一次")
    where = workspace if workspace.is_absolute() else Path.cwd() / workspace
    return City(city.name, city.root, (*city.counties, County(name, where.resolve())))


def load_city(root: Path) -> City:
    root = root.resolve()
    path = root / CITY_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CityError(f"{path} 不存在：请先运行 archivist city init {root} --name 市名") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CityError(f"{path} 格式错误：{exc}（请修正后重试）") from exc
    name = str(data.get("city", {}).get("name", "")).strip()
    if not name:
        raise CityError(f"{path} 缺少 [city] name：请写上市（省）名称")
    counties: list[County] = []
    for n, entry in enumerate(data.get("county", []), start=1):
        county, where = str(entry.get("name", "")).strip(), str(entry.get("workspace", "")).strip()
        if not county or not where:
            raise CityError(f"{path} 第 {n} 个 [[county]] 缺少 name 或 workspace：请补上")
        if any(c.name == county for c in counties):
            raise CityError(f"{path} 中 {county} 出现了两次：一个县只列一次")
        folder = Path(where)
        counties.append(County(county, (folder if folder.is_absolute() else root / folder).resolve()))
    return City(name, root, tuple(counties))
