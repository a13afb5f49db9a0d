"""How big a page's print is, and from that how far RapidOCR's text detector may scale the page down.

Detection costs in proportion to the pixels it is given, and it needs only so many pixels per character:
on the bench's pages (bench/ocr.py) and on A4 pages in 24–56 px print, clean or photographed, every page
read right while a character was 8 px tall in the detector's input; at 6–7 px neighbouring lines ran
together into one box and only one of them was read. A fixed side cannot serve every page: 736 px gives
the bench's notices (40 px print on a 1240 px page) 24 px characters, three times what they need, and gives
20 px print on a 200 dpi A4 page 6 px. So the page's print is measured first — cheaply, without the
models — and the side is chosen to give DET_CHAR_PX per character.

The measure: ink blobs (connected components) of the page binarised against its local background, on a copy
no larger than MEASURE_SIDE, each taken by its SHORTER side. A Chinese character breaks into several blobs
(radicals, dots) and its larger blobs span the whole character; small print whose characters touch merges
into long blobs along the line, whose short side is still one character — so the upper decile of short
sides follows the character height whatever the print's size or the page's turn (0.89–1.12 of the font
size on A4 pages in 16–72 px print, clean, photographed, stamped, turned and halved in resolution; taking
the longer side instead read merged 20 px print as 39 px, and the detector then ran its lines together).
Only the side is chosen here; the recogniser still reads every line from the full-resolution page.
"""

from __future__ import annotations

from typing import Any

DET_CHAR_PX = 10  # character height wanted in the detector's input: 8 px still reads, 10 leaves a margin
DET_SIDE_MIN = 320  # very large print: the smallest side the bench pages were read at (all right at 320)
DET_SIDE_MAX = 1280  # very small print: bounded so the detector's memory stays within memory_mb
MEASURE_SIDE = 1600  # the print is measured on a copy at most this large (about 15 ms a page)
MIN_BLOBS = 10  # fewer character-like blobs than this: no print to measure (a photo, a blank page)


def print_height(gray: Any) -> float | None:
    """The typical character height in pixels of a greyscale page (numpy array), None when it has no print."""
    import cv2
    import numpy as np

    height, width = gray.shape[:2]
    factor = min(1.0, MEASURE_SIDE / max(height, width))
    small = gray if factor == 1.0 else cv2.resize(
        gray, (max(1, round(width * factor)), max(1, round(height * factor))), interpolation=cv2.INTER_AREA)
    # ink is what is clearly darker than its neighbourhood: uneven light (a phone photo) does not count
    ink = cv2.adaptiveThreshold(np.ascontiguousarray(small, dtype=np.uint8), 255, cv2.ADAPTIVE_THRESH_MEAN_C,
                                cv2.THRESH_BINARY_INV, 31, 15)
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    tall, wide = stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_WIDTH]
    size = np.minimum(tall, wide)
    # character-like: not specks of noise, not ruled lines or a seal's ring
    keep = (size >= 4) & (size < min(small.shape[:2]) / 8) & (tall < 4 * wide) & (wide < 4 * tall)
    if int(keep.sum()) < MIN_BLOBS:
        return None
    return float(np.percentile(size[keep], 90)) / factor


def detection_side(width: int, height: int, char_height: float | None, fallback: int) -> int:
    """The longest side to detect text at, so that characters come out DET_CHAR_PX tall (`fallback` when
    the print could not be measured)."""
    if not char_height:
        return fallback
    wanted = max(width, height) * DET_CHAR_PX / char_height
    return int(min(DET_SIDE_MAX, max(DET_SIDE_MIN, round(wanted))))
