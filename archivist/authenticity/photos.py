"""Reused photos: the same picture offered twice (resized, recompressed, slightly cropped, EXIF rewritten),
and an after-photo (整改后) that is its own before-photo (整改前).

Each photo's 64-bit perceptual hash (imagehash's pHash) is computed once, on ingest; a check puts
the hashes in a BK-tree and asks it for every pair within `CANDIDATE_DISTANCE` bits. A hash alone
cannot tell a re-saved copy from a second photo of the same place on another day (the composition is
the same, so the hashes are as close), so each candidate pair is then *verified*: the second picture
is aligned onto the first (a crop of up to ~10 % on each side, searched), brightness and contrast are
fitted, and the share of the picture that still differs is measured. A re-saved copy differs almost
nowhere (< `CHANGED_AREA` of its area); another day moves people, vehicles, shadows and litter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .finding import Doc, Finding
from .places import place_names

CANDIDATE_DISTANCE = 22  # pHash bits: copies cropped ≤ 8 % and recompressed stay well within this
CHANGED_AREA = 0.005  # share of pixels that still differ strongly after alignment: above it, another photo
CHANGED_LEVEL = 40.0  # grey levels (after brightness fit) that count as "differs strongly"
THUMB = (160, 120)
_MAX_CROP = 0.12

_BEFORE = re.compile(r"(整改|改造|治理|清理|清运|修缮|施工|建设|修复|提升|拆除|处理|改厕|整治)前|前期照片|before", re.I)
_AFTER = re.compile(r"(整改|改造|治理|清理|清运|修缮|施工|建设|修复|提升|拆除|处理|改厕|整治|建成|完工)后|after", re.I)


def perceptual_hash(path: Path) -> str | None:
    """The pHash of an image file as 16 hex digits (None when it cannot be decoded)."""
    import imagehash
    from PIL import Image

    try:
        with Image.open(path) as im:
            im.draft("RGB", (256, 256))  # JPEG DCT scaling: a phone photo decodes in a few ms
            return str(imagehash.phash(im.convert("RGB")))
    except Exception:  # noqa: BLE001 - an undecodable picture simply has no hash
        return None


class BKTree:
    """A BK-tree over 64-bit hashes with Hamming distance: radius queries without comparing all pairs."""

    def __init__(self) -> None:
        self.root: list | None = None  # [value, ids, {distance: child}]

    def add(self, value: int, item: str) -> None:
        if self.root is None:
            self.root = [value, [item], {}]
            return
        node = self.root
        while True:
            d = (node[0] ^ value).bit_count()
            if d == 0:
                node[1].append(item)
                return
            child = node[2].get(d)
            if child is None:
                node[2][d] = [value, [item], {}]
                return
            node = child

    def query(self, value: int, radius: int) -> list[tuple[int, str]]:
        found = []
        stack = [self.root] if self.root else []
        while stack:
            node = stack.pop()
            d = (node[0] ^ value).bit_count()
            if d <= radius:
                found.extend((d, i) for i in node[1])
            for dist, child in node[2].items():
                if d - radius <= dist <= d + radius:
                    stack.append(child)
        return found


def _thumb(path: Path) -> object | None:
    from PIL import Image, ImageFilter, ImageOps

    try:
        with Image.open(path) as im:
            im.draft("RGB", (THUMB[0] * 2, THUMB[1] * 2))
            im = ImageOps.exif_transpose(im).convert("RGB")
            return im.resize(THUMB, Image.BILINEAR).filter(ImageFilter.GaussianBlur(1.0))
    except Exception:  # noqa: BLE001 - an unreadable picture is not compared
        return None


def _region(im: object, box: Sequence[float], size: tuple[int, int]) -> np.ndarray:
    from PIL import Image

    w, h = im.size  # type: ignore[attr-defined]
    x0, y0, x1, y1 = max(box[0], 0.0), max(box[1], 0.0), min(box[2], 1.0), min(box[3], 1.0)
    resized = im.resize(size, Image.BILINEAR, box=(x0 * w, y0 * h, x1 * w, y1 * h))  # type: ignore[attr-defined]
    return np.asarray(resized, dtype=np.float32)


def _residual(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """b minus the best linear fit of a to it, per channel (brightness and contrast changes removed)."""
    flat_a, flat_b = a.reshape(-1, 3), b.reshape(-1, 3)
    res = np.empty_like(flat_b)
    for ch in range(3):
        x, y = flat_a[:, ch], flat_b[:, ch]
        var = x.var()
        k = ((x - x.mean()) * (y - y.mean())).mean() / var if var > 1e-6 else 1.0
        res[:, ch] = y - (k * (x - x.mean()) + y.mean())
    return res


def _align(a: object, b: object) -> tuple[float, float]:
    """Search the crop of `a` that best matches `b`; return (rmse, changed area share) at that crop."""
    small = (80, 60)
    target = _region(b, (0, 0, 1, 1), small)

    def err(box: Sequence[float]) -> float:
        return float(np.sqrt((_residual(_region(a, box, small), target) ** 2).mean()))

    box = [0.0, 0.0, 1.0, 1.0]
    best = err(box)
    step = 0.04
    while step >= 0.005:
        improved = True
        while improved:
            improved = False
            for i in range(4):
                for delta in (-step, step):
                    cand = list(box)
                    cand[i] += delta
                    if cand[0] < 0 or cand[1] < 0 or cand[2] > 1 or cand[3] > 1:
                        continue
                    if cand[2] - cand[0] < 1 - _MAX_CROP * 2 or cand[3] - cand[1] < 1 - _MAX_CROP * 2:
                        continue
                    e = err(cand)
                    if e < best - 1e-6:
                        best, box, improved = e, cand, True
        step /= 2
    res = _residual(_region(a, box, THUMB), _region(b, (0, 0, 1, 1), THUMB))
    changed = float((np.abs(res).max(axis=1) > CHANGED_LEVEL).mean())
    return float(np.sqrt((res**2).mean())), changed


@dataclass
class PhotoMatch:
    distance: int  # pHash bits
    changed: float  # share of the picture that differs after alignment
    rmse: float


def verify(path_a: Path, path_b: Path, distance: int, cache: dict[str, object | None]) -> PhotoMatch | None:
    """The pair is the same picture (a re-saved or cropped copy): its match, else None."""
    thumbs = []
    for p in (path_a, path_b):
        key = str(p)
        if key not in cache:
            cache[key] = _thumb(p)
        thumbs.append(cache[key])
    if thumbs[0] is None or thumbs[1] is None:
        return None
    one = _align(thumbs[0], thumbs[1])
    two = _align(thumbs[1], thumbs[0])
    rmse, changed = min(one, two, key=lambda r: r[1])
    if changed > CHANGED_AREA:
        return None
    return PhotoMatch(distance, changed, rmse)


def stage(doc: Doc) -> str:
    """'before', 'after' or '' from the caption and the file name."""
    from .dates import caption_text

    text = f"{caption_text(doc)} {doc.name}"
    before, after = bool(_BEFORE.search(text)), bool(_AFTER.search(text))
    if before and not after:
        return "before"
    if after and not before:
        return "after"
    return ""


def _context(doc: Doc) -> dict[str, str]:
    from .dates import caption_text

    places = place_names(f"{caption_text(doc)} {doc.name} {doc.folders} {doc.unit}")
    shot = str((doc.meta or {}).get("exif_date") or doc.doc_date or "")
    return {"place": places[0] if places else "", "indicator": doc.indicator or "", "year": shot[:4],
            "date": shot[:10]}


def _components(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = {}
    for x in parent:
        groups.setdefault(find(x), []).append(x)
    return [sorted(g) for g in groups.values()]


def photo_findings(
    docs: Sequence[Doc], hashes: dict[str, str], path_of: Callable[[Doc], Path | None]
) -> list[Finding]:
    """Reused photos (one finding per set of copies) and before/after pairs that are one picture."""
    photos = {d.id: d for d in docs if d.is_photo and hashes.get(d.id)}
    tree = BKTree()
    values = {i: int(hashes[i], 16) for i in photos}
    for i in sorted(photos):
        tree.add(values[i], i)
    cache: dict[str, object | None] = {}
    matched: dict[tuple[str, str], PhotoMatch] = {}
    for a_id in sorted(photos):
        for distance, b_id in tree.query(values[a_id], CANDIDATE_DISTANCE):
            if b_id <= a_id:
                continue
            pa, pb = path_of(photos[a_id]), path_of(photos[b_id])
            if pa is None or pb is None:
                continue
            if pa == pb:  # one stored file, two records (an exact duplicate received twice)
                match = PhotoMatch(0, 0.0, 0.0)
            else:
                match = verify(pa, pb, distance, cache)
            if match is not None:
                matched[(a_id, b_id)] = match
    out: list[Finding] = []
    reuse_pairs = []
    for (a_id, b_id), match in matched.items():
        a, b = photos[a_id], photos[b_id]
        stages = {stage(a), stage(b)}
        if stages == {"before", "after"}:
            before, after = (a, b) if stage(a) == "before" else (b, a)
            out.append(Finding(
                kind="before_after_same", evidence_ids=[a_id, b_id], severity="high",
                detail=f"整改后照片 {after.label} 与整改前照片 {before.label} 是同一张图"
                       f"（感知哈希相差 {match.distance} 位，对齐后仅 {match.changed:.1%} 的画面不同）：不能证明已整改",
                evidence={"hash_distance": match.distance, "changed_area": round(match.changed, 4),
                          "before": before.id, "after": after.id, "files": [before.label, after.label]},
            ))
        else:
            reuse_pairs.append((a_id, b_id))
    for group in _components(reuse_pairs):
        contexts = {i: _context(photos[i]) for i in group}
        differs = [k for k in ("place", "indicator", "year", "date") if len({c[k] for c in contexts.values()}) > 1]
        labels = "、".join(photos[i].label for i in group)
        pairs = {f"{a}:{b}": {"hash_distance": m.distance, "changed_area": round(m.changed, 4)}
                 for (a, b), m in matched.items() if a in group and b in group}
        why = {"place": "不同村镇", "indicator": "不同指标", "year": "不同年度", "date": "不同日期"}
        out.append(Finding(
            kind="photo_reuse", evidence_ids=group,
            severity="high" if differs else "medium",
            detail=f"同一张照片被用作 {len(group)} 份佐证（{labels}）"
                   + (f"，分别作为{'、'.join(why[k] for k in differs)}的材料" if differs else "")
                   + f"；感知哈希最多相差 {max(m['hash_distance'] for m in pairs.values())} 位，对齐后画面几乎完全相同",
            evidence={"pairs": pairs, "contexts": contexts, "differs": differs},
        ))
    return out
