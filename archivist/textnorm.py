"""Text normalisation shared by search and classification.

Chinese first: full-width forms fold to half-width (NFKC), Traditional folds to Simplified (OpenCC
t2s), and the spaces that LibreOffice and OCR put between Han characters or between digits and Han
characters ("86 户") are removed so that phrases and numbers meet whatever their source.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A run of whitespace with a Han character (or digit) on one side and a Han character on the other.
_SPACE_BETWEEN_HAN = re.compile(rf"(?<=[{_HAN}0-9])[ \t\u3000]+(?=[{_HAN}])|(?<=[{_HAN}])[ \t\u3000]+(?=[0-9])")
# Thousands separators inside numbers: "1,460" -> "1460".
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
# Brackets that careless typists use for 〔2024〕 in document numbers.
_NUMBER_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕"})


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Fold Traditional characters to Simplified; Simplified text passes unchanged."""
    if not text:
        return text
    return _t2s().convert(text)


_KEEP_FULL_WIDTH = set("（）：；，！？")
_WIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if chr(code) not in _KEEP_FULL_WIDTH}
_WIDTH_TABLE[0x3000] = 0x20


def fold_width(text: str) -> str:
    """Full-width ASCII and digits to half-width, keeping Chinese punctuation (，。〔〕（）) as is."""
    return text.translate(_WIDTH_TABLE)


def normalize(text: str) -> str:
    """The one normal form for indexing, querying and classifying.

    Idempotent: normalize(normalize(x)) == normalize(x).
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    text = fold_width(text)
    text = to_simplified(text)
    text = _THOUSANDS.sub("", text)
    text = _SPACE_BETWEEN_HAN.sub("", text)
    return text


def normalize_doc_number(text: str) -> str:
    """清农办[2024]12号 and 清农办〔2024〕12号 compare equal."""
    return normalize(text).translate(_NUMBER_BRACKETS)


def is_han(ch: str) -> bool:
    return bool(re.match(f"[{_HAN}]", ch))
