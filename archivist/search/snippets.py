"""The snippet shown under a hit: the window of the stored text with the most query units, and the
spans to mark in it. Works on prepared text, so what is marked is exactly what matched.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from .query import form_pattern

SNIPPET_CHARS = 90
MAX_OCCURRENCES = 200  # per form, for choosing a snippet window in a very long text
MARK_OPEN, MARK_CLOSE = "【", "】"


def _find_spans(text: str, form: str) -> Iterator[tuple[int, int]]:
    """Occurrences of `form` in prepared text (see form_pattern), never inside a longer number."""
    if form:
        for match in form_pattern(form).finditer(text):
            yield match.span()


def make_snippet(text: str, forms: list[list[str]], width: int = SNIPPET_CHARS) -> tuple[str, list[tuple[int, int]]]:
    """The window of `text` that shows the most distinct query units, and the match spans in it.

    Works on the stored prepared text (simplified, half-width), so what is marked is exactly what
    matched; the original file is one `archive_path` away.
    """
    occurrences: list[tuple[int, int, int]] = []  # start, end, unit number
    for number, unit_forms in enumerate(forms):
        for form in unit_forms:
            occurrences += [span + (number,) for span in islice(_find_spans(text, form), MAX_OCCURRENCES)]
    if not occurrences:
        flat = " ".join(text[: width * 2].split())
        return flat[:width], []
    occurrences.sort()
    # Slide a window over the occurrences (two pointers): the start showing most distinct units.
    best_start, best_units = occurrences[0][0], 0
    in_window: dict[int, int] = {}
    right = 0
    for left, (start, _, _) in enumerate(occurrences):
        while right < len(occurrences) and occurrences[right][1] <= start + width:
            unit = occurrences[right][2]
            in_window[unit] = in_window.get(unit, 0) + 1
            right += 1
        if len(in_window) > best_units:
            best_start, best_units = start, len(in_window)
        if right > left:
            unit = occurrences[left][2]
            in_window[unit] -= 1
            if not in_window[unit]:
                del in_window[unit]
    lead = min(best_start, width // 4)
    begin = best_start - lead
    end = min(len(text), begin + width)
    window = text[begin:end]
    spans = sorted(
        (m.start() - begin, m.end() - begin)
        for unit_forms in forms
        for form in unit_forms
        if form
        for m in form_pattern(form).finditer(text, begin, end)
    )
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    # Whitespace (line breaks in tables) becomes single spaces; keep spans aligned while doing it.
    out: list[str] = []
    remap: dict[int, int] = {}
    prev_space = False
    for i, ch in enumerate(window):
        remap[i] = len(out)
        if ch.isspace():
            if not prev_space:
                out.append(" ")
            prev_space = True
        else:
            out.append(ch)
            prev_space = False
    remap[len(window)] = len(out)
    plain = "".join(out)
    marks = [(remap[s], remap[e]) for s, e in merged]
    if begin > 0:
        plain = "…" + plain
        marks = [(s + 1, e + 1) for s, e in marks]
    if end < len(text):
        plain += "…"
    return plain, marks


def mark(plain: str, marks: list[tuple[int, int]], open_: str = MARK_OPEN, close: str = MARK_CLOSE) -> str:
    out, last = [], 0
    for s, e in marks:
        out += [plain[last:s], open_, plain[s:e], close]
        last = e
    out.append(plain[last:])
    return "".join(out)


