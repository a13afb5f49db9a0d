"""Compare two years' schemes: which indicators stayed, were renamed, merged, split, added or removed.

Codes change from year to year, so indicators are matched by what they say: the similarity of two
leaves is the cosine of their character bigrams, the name weighing most, then the evidence items, the
content and 评分标准. Pairs are taken best first, one to one, above MATCH; an old leaf left over that is
mostly contained in an already matched new one was merged into it, a new leaf left over that is mostly
contained in a matched old one was split from it. Everything else is new or removed. Points changes
are reported on every pair. The result is shown for confirmation before `migrate` acts on it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..framework import Framework, Indicator
from ..textnorm import normalize

MATCH = 0.45  # one-to-one pairing
PART = 0.5  # containment for merged / split
SAME, RECODED, RENAMED, MERGED, SPLIT = "same", "recoded", "renamed", "merged", "split"
NEW, REMOVED = "new", "removed"
LABELS = {SAME: "不变", RECODED: "代码变更", RENAMED: "更名", MERGED: "合并", SPLIT: "拆分",
          NEW: "新增", REMOVED: "删除"}
_HAN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")


@dataclass
class Change:
    kind: str
    old: list[str]
    new: list[str]
    old_names: list[str]
    new_names: list[str]
    similarity: float = 0.0
    points: tuple[float, float] | None = None  # (old, new) when they differ

    def to_json(self) -> dict:
        return {"kind": self.kind, "label": LABELS[self.kind], "old": self.old, "new": self.new,
                "old_names": self.old_names, "new_names": self.new_names, "similarity": round(self.similarity, 3),
                "points": list(self.points) if self.points else None}


@dataclass
class SchemeDiff:
    old_id: str
    new_id: str
    changes: list[Change] = field(default_factory=list)

    def mapping(self) -> dict[str, list[str]]:
        """old code → the new codes its evidence may go to ([] = no home)."""
        out: dict[str, list[str]] = {}
        for ch in self.changes:
            for code in ch.old:
                out.setdefault(code, [])
                out[code] += [c for c in ch.new if c not in out[code]]
        return out

    def counts(self) -> Counter:
        return Counter(ch.kind for ch in self.changes)

    def to_json(self) -> dict:
        return {"old": self.old_id, "new": self.new_id, "changes": [c.to_json() for c in self.changes],
                "counts": dict(self.counts()), "mapping": self.mapping()}


def _grams(text: str) -> Counter:
    grams: Counter = Counter()
    for run in _HAN.findall(normalize(text)):
        grams.update(run[i:i + 2] for i in range(len(run) - 1))
        if len(run) == 1:
            grams[run] += 1
    return grams


def _cos(a: Counter, b: Counter) -> float:
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _contained(part: Counter, whole: Counter) -> float:
    total = sum(part.values())
    return sum(min(v, whole.get(k, 0)) for k, v in part.items()) / total if total else 0.0


@dataclass
class _Profile:
    ind: Indicator
    name: Counter
    body: Counter
    items: list[Counter]

    @classmethod
    def of(cls, ind: Indicator) -> _Profile:
        items = [_grams(item) for item in ind.evidence]
        body: Counter = Counter()
        for part in [*items, _grams(ind.content), _grams(ind.scoring)]:
            body.update(part)
        return cls(ind, _grams(ind.name), body, items)


def similarity(a: _Profile, b: _Profile) -> float:
    name = _cos(a.name, b.name)
    body = _cos(a.body, b.body)
    if not a.body or not b.body:
        return name
    return 0.6 * name + 0.4 * body


def _containment(part: _Profile, whole: _Profile) -> float:
    """How much of `part` is inside `whole`: its name's bigrams, and above all its evidence items (each
    compared with the closest item of `whole`) — a split keeps the old items, a merge gathers them."""
    name = _contained(part.name, whole.name)
    if part.items and whole.items:
        items = sum(max(_cos(item, other) for other in whole.items) for item in part.items) / len(part.items)
    else:
        items = _contained(part.body, whole.body) if part.body else name
    return 0.3 * name + 0.7 * items


def diff_schemes(old: Framework, new: Framework, overrides: dict[str, list[str]] | None = None) -> SchemeDiff:
    """The changes from `old` to `new`; `overrides` (old code → new codes, [] = removed) fix a pairing by hand."""
    olds = [_Profile.of(i) for i in old.indicators()]
    news = [_Profile.of(i) for i in new.indicators()]
    new_by_code = {p.ind.code: p for p in news}
    overrides = overrides or {}
    pairs: dict[str, str] = {}
    taken: set[str] = set()
    manual: dict[str, list[str]] = {}
    for code, targets in overrides.items():
        manual[code] = [t for t in targets if t in new_by_code]
        taken.update(manual[code])
    scored = sorted(((similarity(o, n), k, j) for k, o in enumerate(olds) if o.ind.code not in manual
                     for j, n in enumerate(news) if n.ind.code not in taken), reverse=True)
    used_old: set[int] = set()
    sims: dict[str, float] = {}
    for sim, k, j in scored:
        if sim < MATCH:
            break
        if k in used_old or news[j].ind.code in taken:
            continue
        used_old.add(k)
        taken.add(news[j].ind.code)
        pairs[olds[k].ind.code] = news[j].ind.code
        sims[olds[k].ind.code] = sim
    old_by_code = {p.ind.code: p for p in olds}
    paired_new = {n: o for o, n in pairs.items()}
    merges: dict[str, list[str]] = {}  # new code -> the unpaired old codes it absorbed
    for o in olds:
        code = o.ind.code
        if code in pairs or code in manual:
            continue
        best = max(((_containment(o, n), n.ind.code) for n in news if n.ind.code not in manual_targets(manual)),
                   default=(0.0, ""))
        if best[0] >= PART:
            merges.setdefault(best[1], []).append(code)
            sims[code] = best[0]
    splits: dict[str, list[str]] = {}  # old code -> the unpaired new codes split from it
    for n in news:
        code = n.ind.code
        if code in taken or code in merges:
            continue
        best = max(((_containment(n, o), o.ind.code) for o in olds if o.ind.code not in manual),
                   default=(0.0, ""))
        if best[0] >= PART:
            splits.setdefault(best[1], []).append(code)
            taken.add(code)
            sims.setdefault(best[1], best[0])
    changes: list[Change] = []
    done_old: set[str] = set()
    order = {p.ind.code: k for k, p in enumerate(olds)}
    for o in olds:
        code = o.ind.code
        if code in manual:
            targets = manual[code]
            kind = REMOVED if not targets else SPLIT if len(targets) > 1 else RENAMED
            changes.append(_change(kind, [o.ind], [new_by_code[t].ind for t in targets], 1.0))
            done_old.add(code)
            continue
        target = pairs.get(code)
        if target in merges:
            continue  # reported with the merge
        targets = ([target] if target else []) + splits.get(code, [])
        if not targets:
            continue
        if len(targets) > 1:
            kind = SPLIT
        else:
            renamed = normalize(o.ind.name) != normalize(new_by_code[targets[0]].ind.name)
            kind = RENAMED if renamed else SAME if code == targets[0] else RECODED
        changes.append(_change(kind, [o.ind], [new_by_code[t].ind for t in targets], sims.get(code, 0.0)))
        done_old.add(code)
    for target, extra in merges.items():
        sources = sorted(([paired_new[target]] if target in paired_new else []) + extra, key=lambda c: order[c])
        kind = MERGED if len(sources) > 1 else RENAMED
        changes.append(_change(kind, [old_by_code[c].ind for c in sources], [new_by_code[target].ind],
                               max(sims.get(c, 0.0) for c in sources)))
        done_old.update(sources)
        taken.add(target)
    for o in olds:
        if o.ind.code not in done_old:
            changes.append(_change(REMOVED, [o.ind], [], 0.0))
    for n in news:
        if n.ind.code not in taken:
            changes.append(_change(NEW, [], [n.ind], 0.0))
    changes.sort(key=lambda ch: (order.get(ch.old[0], len(order)) if ch.old else len(order) + 1))
    return SchemeDiff(old.id, new.id, changes)


def manual_targets(manual: dict[str, list[str]]) -> set[str]:
    return {t for targets in manual.values() for t in targets}


def _change(kind: str, olds: list[Indicator], news: list[Indicator], sim: float) -> Change:
    before = sum(i.points or i.max_points for i in olds)
    after = sum(i.points or i.max_points for i in news)
    points = (before, after) if olds and news and abs(before - after) > 1e-9 else None
    return Change(kind, [i.code for i in olds], [i.code for i in news], [i.name for i in olds],
                  [i.name for i in news], sim, points)
