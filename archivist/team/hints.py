"""The classifier's second opinion on a unit's declaration: "看起来更像 D02 …（依据：…）".

A unit picks the indicator and item it submits into; the classifier reads the file and may disagree.
The hint is worked out once, at submission, and kept with that version as one line of text (the unit
sees it on its 任务清单, the 资料组 in 待审核). `parse_hint` reads the suggested code and the terms back
from that line, so the review page can offer "按提示归入 D02" without reading the file again; lines
written before the terms were kept parse too, with no terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..workspace import Workspace

MIN_CONFIDENCE = 0.3  # below this the classifier has no opinion worth showing
MAX_TERMS = 5
_BRACKETS = str.maketrans("", "", "（）、")  # the line's own separators, kept out of the terms
_LINE = re.compile(r"看起来更像 (?P<code>[A-Z]+\d+)(?P<name>.*?)（把握 (?P<pct>\d+)%(?:；依据：(?P<terms>[^）]*))?）")


@dataclass
class DeclarationHint:
    """The classifier's best indicator for a file when it is not the declared one, and why."""

    code: str
    name: str
    confidence: float
    terms: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        name = f" {self.name}" if self.name else ""
        why = f"；依据：{'、'.join(self.terms)}" if self.terms else ""
        return f"看起来更像 {self.code}{name}（把握 {self.confidence:.0%}{why}），请确认报送的指标是否正确"


def hint_for(ws: Workspace, declared: str, suggestions: list[dict[str, Any]]) -> DeclarationHint | None:
    """The hint when the classifier's best guess is another indicator with some confidence, else None."""
    best = suggestions[0] if suggestions else None
    if not best or not best.get("code") or best["code"] == declared:
        return None
    confidence = float(best.get("confidence") or 0)
    if confidence < MIN_CONFIDENCE:
        return None
    ind = ws.frameworks.indicator(best["code"])
    terms = [str(t).translate(_BRACKETS).strip() for t in best.get("matched") or []]
    terms = [t for t in terms if t][:MAX_TERMS]
    return DeclarationHint(best["code"], ind.name if ind else "", confidence, terms)


def parse_hint(text: str) -> DeclarationHint | None:
    """The hint a stored line says, or None for an empty or foreign line."""
    found = _LINE.search(text or "")
    if not found:
        return None
    terms = [t for t in (found["terms"] or "").split("、") if t]
    return DeclarationHint(found["code"], found["name"].strip(), int(found["pct"]) / 100, terms)
