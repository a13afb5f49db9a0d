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
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .finding import Doc, Finding
from .places import place_names

CANDIDATE_DISTANCE = 22  # pHash bits: copies cropped ≤ 8 % and recompressed stay well within this
CHANGED_AREA = 0.005  # share of pixels that still differ strongly after alignment: above it, another photo
CHANGED_LEVEL = 40.0  # grey levels (after brightness fit) that count as "differs strongly"
REJECT_RMSE = 24.0  # grey levels after the coarse alignment: copies are near 5, other days near 10
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


MEDIA_DIRS = ("word/media/", "xl/media/", "ppt/media/")
MEDIA_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp")
MIN_MEDIA_BYTES = 8 * 1024  # logos, seals and icons are smaller: not evidence photos
MAX_MEDIA = 40


def embedded_hashes(path: Path) -> list[tuple[str, str]]:
    """(member, pHash) of each picture inside an Office file (photos pasted into a Word report)."""
    import io
    import zipfile

    import imagehash
    from PIL import Image

    out = []
    try:
        with zipfile.ZipFile(path) as zf:
            members = [i for i in zf.infolist() if i.filename.startswith(MEDIA_DIRS)
                       and i.filename.lower().endswith(MEDIA_SUFFIXES) and MIN_MEDIA_BYTES <= i.file_size < 32 << 20]
            for info in members[:MAX_MEDIA]:
                try:
                    with Image.open(io.BytesIO(zf.read(info))) as im:
                        im.draft("RGB", (256, 256))
                        out.append((info.filename, str(imagehash.phash(im.convert("RGB")))))
                except Exception:  # noqa: BLE001 - one undecodable picture does not cost the others
                    continue
    except (OSError, zipfile.BadZipFile, ValueError):
        return []
    return out


@dataclass(frozen=True)
class Picture:
    """A picture to compare: a photo file, or a picture inside an Office document (`member`)."""

    doc: Doc
    phash: str
    path: Path
    member: str = ""

    @property
    def key(self) -> str:
        return f"{self.doc.id}#{self.member}" if self.member else self.doc.id


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


def _thumb(path: Path, member: str = "") -> object | None:
    import io
    import zipfile

    from PIL import Image, ImageFilter, ImageOps

    try:
        if member:
            with zipfile.ZipFile(path) as zf:
                source: object = io.BytesIO(zf.read(member))
        else:
            source = path
        with Image.open(source) as im:  # type: ignore[arg-type]
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
    x, y = a.reshape(-1, 3), b.reshape(-1, 3)
    xc, yc = x - x.mean(axis=0), y - y.mean(axis=0)
    var = (xc * xc).mean(axis=0)
    k = np.where(var > 1e-6, (xc * yc).mean(axis=0) / np.maximum(var, 1e-6), 1.0)
    return yc - k * xc


def _align(a: object, b: object) -> tuple[float, float]:
    """Search the crop of `a` that best matches `b`; return (rmse, changed area share) at that crop."""
    small = (80, 60)
    target = _region(b, (0, 0, 1, 1), small)

    def err(box: Sequence[float]) -> float:
        return float(np.sqrt((_residual(_region(a, box, small), target) ** 2).mean()))

    box = [0.0, 0.0, 1.0, 1.0]
    best = err(box)
    if best > 2 * REJECT_RMSE:  # unaligned, a copy cropped by 8 % is still far closer than this
        return best, 1.0
    step = 0.04
    while step >= 0.005:
        if step < 0.04 and best > REJECT_RMSE:  # after the coarse pass still far apart: another picture
            return best, 1.0
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


def verify(a: Picture, b: Picture, distance: int, cache: dict[str, object | None]) -> PhotoMatch | None:
    """The pair is the same picture (a re-saved or cropped copy): its match, else None."""
    thumbs = []
    for pic in (a, b):
        key = f"{pic.path}#{pic.member}"
        if key not in cache:
            cache[key] = _thumb(pic.path, pic.member)
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


_BEFORE_AFTER_DOC = re.compile(r"前后对比|对比照片|整改前后|改造前后|治理前后|前后照片")


@dataclass
class Verdicts:
    """Pair verdicts already reached (picture key pair → match or None): archived bytes never change, so
    a pair verified once is never aligned again; `new` holds the ones this check added, to be stored."""

    known: dict[tuple[str, str], PhotoMatch | None] = field(default_factory=dict)
    new: dict[tuple[str, str], PhotoMatch | None] = field(default_factory=dict)


def photo_findings(
    docs: Sequence[Doc], hashes: dict[str, str], path_of: Callable[[Doc], Path | None],
    embedded: dict[str, list[tuple[str, str]]] | None = None, verdicts: Verdicts | None = None,
) -> list[Finding]:
    """Reused photos (one finding per set of copies) and before/after pairs that are one picture."""
    verdicts = verdicts if verdicts is not None else Verdicts()
    pictures: dict[str, Picture] = {}
    for d in docs:
        path = path_of(d)
        if path is None:
            continue
        if d.is_photo and hashes.get(d.id):
            pic = Picture(d, hashes[d.id], path)
            pictures[pic.key] = pic
        for member, value in (embedded or {}).get(d.id, []):
            pic = Picture(d, value, path, member)
            pictures[pic.key] = pic
    tree = BKTree()
    values = {k: int(p.phash, 16) for k, p in pictures.items()}
    for k in sorted(pictures):
        tree.add(values[k], k)
    cache: dict[str, object | None] = {}
    matched: dict[tuple[str, str], PhotoMatch] = {}
    for a_key in sorted(pictures):
        for distance, b_key in tree.query(values[a_key], CANDIDATE_DISTANCE):
            if b_key <= a_key:
                continue
            a, b = pictures[a_key], pictures[b_key]
            if a.path == b.path and a.member == b.member:  # one stored file, two records (received twice)
                match: PhotoMatch | None = PhotoMatch(0, 0.0, 0.0)
            elif (a_key, b_key) in verdicts.known:
                match = verdicts.known[(a_key, b_key)]
            else:
                match = verify(a, b, distance, cache)
                verdicts.new[(a_key, b_key)] = match
            if match is not None:
                matched[(a_key, b_key)] = match
    out: list[Finding] = []
    reuse_pairs = []
    for (a_key, b_key), match in matched.items():
        a, b = pictures[a_key].doc, pictures[b_key].doc
        if a.id == b.id:  # one document shows the picture twice: a before/after sheet with one photo
            text = f"{a.name} {a.title} {a.text[:2000]}"
            if _BEFORE_AFTER_DOC.search(text) or (_BEFORE.search(text) and _AFTER.search(text)):
                out.append(Finding(
                    kind="before_after_same", evidence_ids=[a.id], severity="high",
                    detail=f"{a.label} 中的整改前、整改后照片是同一张图（感知哈希相差 {match.distance} 位，"
                           f"对齐后仅 {match.changed:.1%} 的画面不同）：不能证明已整改",
                    evidence={"hash_distance": match.distance, "changed_area": round(match.changed, 4),
                              "pictures": [pictures[a_key].member, pictures[b_key].member], "files": [a.label]},
                    subject=f"{pictures[a_key].member}|{pictures[b_key].member}",
                ))
            continue
        stages = {stage(a), stage(b)}
        if stages == {"before", "after"}:
            before, after = (a, b) if stage(a) == "before" else (b, a)
            out.append(Finding(
                kind="before_after_same", evidence_ids=[a.id, b.id], severity="high",
                detail=f"整改后照片 {after.label} 与整改前照片 {before.label} 是同一张图"
                       f"（感知哈希相差 {match.distance} 位，对齐后仅 {match.changed:.1%} 的画面不同）：不能证明已整改",
                evidence={"hash_distance": match.distance, "changed_area": round(match.changed, 4),
                          "before": before.id, "after": after.id, "files": [before.label, after.label]},
            ))
        else:
            reuse_pairs.append((a.id, b.id, match))
    by_id = {p.doc.id: p.doc for p in pictures.values()}
    for group in _components((a, b) for a, b, _m in reuse_pairs):
        contexts = {i: _context(by_id[i]) for i in group}
        differs = [k for k in ("place", "indicator", "year", "date") if len({c[k] for c in contexts.values()}) > 1]
        labels = "、".join(by_id[i].label for i in group)
        pairs = {f"{a}:{b}": {"hash_distance": m.distance, "changed_area": round(m.changed, 4)}
                 for a, b, m in reuse_pairs if a in group and b in group}
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
