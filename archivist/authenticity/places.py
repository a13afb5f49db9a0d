"""Place names (镇, 乡, 村, 社区, 街道) in Chinese text, without the words that merely end like one.

"农村", "乡村", "城乡", "全镇", "各村" end in a place suffix but name no place; a 2–3 character name
before the suffix that contains a function word or a verb ("完成农村", "推进乡村") is not a name either.
"""

from __future__ import annotations

import re

_CANDIDATE = re.compile(r"(?=([\u4e00-\u9fff]{2,3}(?:镇|乡|村|社区|街道)))")
_NOT_NAME_CHARS = set("完成累计全各本该的在和与及对于向从为是了到将农城等个镇乡村年月日省市县区进推动开展实施")
_NOT_PLACE_AFTER = set("委民干级振规容庄里")


def place_names(text: str) -> list[str]:
    """The place names in `text`, in order (each occurrence).

    Most names are two characters before the suffix (石门镇, 东岭村), some three (青石岭村). Without
    punctuation the character before a name is no boundary ("方案制杉口镇"), so the three-character
    form is taken only where the text uses it for most occurrences of the shorter one.
    """
    text = text or ""
    spans: list[tuple[int, str, str]] = []  # start, 3-char form (or ""), 2-char form (or "")
    for m in _CANDIDATE.finditer(text):
        start = m.start()
        spans.append((start, _best(text, start, 3), _best(text, start, 2)))
    count: dict[str, int] = {}
    for _s, long, short in spans:
        for name in (long, short):
            if name:
                count[name] = count.get(name, 0) + 1
    out = []
    last_end = -1
    for start, long, short in spans:
        if start < last_end:
            continue
        if long and count[long] >= 0.6 * count.get(long[1:], 0):
            out.append(long)
            last_end = start + len(long)
        elif short:
            out.append(short)
            last_end = start + len(short)
    return out


def _best(text: str, start: int, name_len: int) -> str:
    for suffix in ("社区", "街道", "镇", "乡", "村"):
        end = start + name_len + len(suffix)
        if text[start + name_len:end] != suffix:
            continue
        name = text[start:start + name_len]
        if any(ch in _NOT_NAME_CHARS for ch in name):
            return ""
        if end < len(text) and text[end] in _NOT_PLACE_AFTER:
            return ""
        return text[start:end]
    return ""


def mask_places(text: str, mask: str = "〇") -> str:
    names = sorted(set(place_names(text)), key=len, reverse=True)
    for name in names:
        text = text.replace(name, mask)
    return text
