"""Classify a document to an indicator (first version: character-bigram overlap with the framework text).

Replaced by the auto-filing work (issue 3); the interface stays: Classifier(frameworks, examples,
rules).classify(Document) -> suggestions best first, confidence in 0..1.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..framework import FrameworkSet
from ..model import Suggestion
from ..textnorm import normalize


@dataclass
class Document:
    text: str = ""
    title: str = ""
    file_name: str = ""
    folders: list[str] = field(default_factory=list)
    kind: str = ""
    meta: dict = field(default_factory=dict)


def _bigrams(text: str) -> Counter:
    han = re.sub(r"[^\u4e00-\u9fff]", " ", normalize(text))
    grams: Counter = Counter()
    for run in han.split():
        grams.update(run[i : i + 2] for i in range(len(run) - 1))
    return grams


class Classifier:
    def __init__(self, frameworks: FrameworkSet, examples: list[tuple[str, str]] | None = None,
                 rules: list[dict] | None = None) -> None:
        self.frameworks = frameworks
        self.rules = [(re.compile(r["pattern"]), r["code"]) for r in (rules or [])]
        self.profiles = {
            ind.code: _bigrams(" ".join([ind.name * 3, ind.content, " ".join(ind.evidence) * 2]))
            for ind in frameworks.indicators()
        }
        for code, text in examples or []:
            if code in self.profiles:
                self.profiles[code].update(_bigrams(text))

    def classify(self, doc: Document) -> list[Suggestion]:
        hay = " ".join([doc.title * 3, doc.file_name * 2, " ".join(doc.folders) * 2, doc.text[:5000]])
        for pattern, code in self.rules:
            if pattern.search(hay) and code in self.profiles:
                return [Suggestion(code, 1.0, [f"规则 {pattern.pattern}"])]
        grams = _bigrams(hay)
        scores = []
        for code, profile in self.profiles.items():
            common = set(grams) & set(profile)
            score = sum(min(grams[g], 3) for g in common) / (1 + len(profile) ** 0.5)
            scores.append((score, code, sorted(common, key=lambda g: -grams[g])[:6]))
        scores.sort(reverse=True)
        total = sum(s for s, _, _ in scores[:5]) or 1.0
        return [Suggestion(code, round(s / total, 3), matched) for s, code, matched in scores[:3]]
