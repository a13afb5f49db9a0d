"""The stock wording of the documents (templates/phrases/speech.toml), laid over by the workspace's own.

No figure lives in the wording: every number is computed and filled into a placeholder. Its own module
because every writer (the reports, the catalogue, the 汇报材料, the 催报通知) needs the wording, and the
report models need the writers' helpers: one shared leaf keeps them from importing one another.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..shipped import shipped

if TYPE_CHECKING:
    from ..workspace import Workspace

PHRASES_FILE = shipped("phrases", "speech.toml")


class Phrases:
    """The stock wording, section by section, filled with figures by :meth:`fill`.

    A placeholder the data does not provide stays visible as ``{name}`` in the output: a clerk who
    mistypes a placeholder sees it in the draft instead of getting a crash.
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data

    def raw(self, section: str, key: str) -> Any:
        value = self.data.get(section, {}).get(key)
        if value is None:
            value = self.data.get("common", {}).get(key)
        if value is None:
            raise KeyError(f"措辞文件缺少 [{section}] {key}：请对照 {PHRASES_FILE} 补上")
        return value

    def fill(self, section: str, key: str, ctx: Mapping[str, Any], **extra: Any) -> str:
        template = self.raw(section, key)
        return _format(str(template), {**ctx, **extra})

    def fill_list(self, section: str, key: str, ctx: Mapping[str, Any]) -> list[str]:
        value = self.raw(section, key)
        items = value if isinstance(value, list) else [value]
        return [_format(str(v), ctx) for v in items]


class _Keep(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(template: str, ctx: Mapping[str, Any]) -> str:
    try:
        return template.format_map(_Keep(ctx))
    except (ValueError, IndexError, AttributeError):  # a stray brace in a clerk's edit
        return template


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def load_phrases(ws: Workspace | None = None) -> Phrases:
    """Built-in phrases, with the workspace's own ``phrases/speech.toml`` laid over them key by key."""
    data = tomllib.loads(PHRASES_FILE.read_text(encoding="utf-8"))
    if ws is not None:
        local = ws.root / "phrases" / "speech.toml"
        if local.is_file():
            try:
                data = _merge(data, tomllib.loads(local.read_text(encoding="utf-8")))
            except tomllib.TOMLDecodeError as exc:
                raise ValueError(f"{local} 格式错误：{exc}（请修正后重试）") from exc
    return Phrases(data)
