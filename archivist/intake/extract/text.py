"""Plain text files: decide the encoding reliably, then read.

Units send GB18030/GBK text from Chinese Windows, UTF-16 from Notepad ("Unicode"), UTF-8 from
everything else and now and then Big5 from Taiwan/Hong Kong sources. charset-normalizer is weak on
short Chinese text, so the rule here is explicit and tested:

1. a BOM decides (UTF-32, UTF-8, UTF-16 LE/BE);
2. BOM-less UTF-16 is recognised by its NUL-byte pattern (ASCII-heavy Windows exports);
3. any other NUL byte means "not text";
4. strict UTF-8 wins when it decodes (random legacy bytes almost never form valid UTF-8);
5. GB18030 vs Big5: decode with both and keep the one whose characters are *common* in its own
   script — GB2312 level-1 characters (the 3755 most used Simplified characters) for GB18030,
   Big5 level-1 characters (the 5401 most used Traditional characters) for Big5. A Big5 file read
   as GB18030 produces private-use and rare characters, a GB file read as Big5 mostly fails to
   decode or yields rare characters, so the scores separate cleanly. Ties go to GB18030.
6. only when neither Chinese decoding is convincing is charset-normalizer consulted.

Never decodes with replacement characters: a file that decodes in no encoding is not text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from archivist.intake.extract._common import Options, is_han
from archivist.intake.extract._hanfreq import FREQUENT_HAN
from archivist.model import Extraction, ExtractionError
from archivist.textnorm import to_simplified

# Text files larger than this are read only up to the cap (with a warning): nothing a person
# writes as evidence is this large, and the whole text would be held in memory several times.
MAX_TEXT_BYTES = 64 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Chinese punctuation counts as "common" for both scripts: real prose is full of it.
_CJK_PUNCT = set("，。、：；！？“”‘’《》（）【】…—·〔〕「」『』　％")

# Allowed control characters in text: tab, newlines, form feed, vertical tab, ESC (ANSI colours
# in logs), SUB (the DOS end-of-file mark some old editors append).
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1b\x1a")


@lru_cache(maxsize=1)
def _gb2312_level1() -> frozenset[str]:
    """The 3755 GB2312 level-1 characters: rows 0xB0-0xD7 of GB2312."""
    chars = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


@lru_cache(maxsize=1)
def _big5_level1() -> frozenset[str]:
    """The 5401 Big5 level-1 (常用字) characters: 0xA440-0xC67E."""
    chars = set()
    for hi in range(0xA4, 0xC7):
        for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            if hi == 0xC6 and lo > 0x7E:
                break
            try:
                chars.add(bytes((hi, lo)).decode("cp950"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


def _letters(text: str) -> list[str]:
    """The characters that tell encodings apart: non-ASCII, excluding Chinese punctuation."""
    return [ch for ch in text if ord(ch) >= 0x80 and ch not in _CJK_PUNCT]


def _share(chars: list[str], accepted: frozenset[str]) -> float:
    return sum(1 for ch in chars if ch in accepted) / len(chars) if chars else 1.0


def _score(decoded: str, codec: str) -> float:
    """How much `decoded` looks like real Chinese in the script `codec` encodes (0..2).

    The share of characters that are common in that script (GB2312 / Big5 level 1) plus the share
    that are among the 1500 most frequent characters (compared in Simplified form). Kana, Greek,
    private-use characters — what a wrong decoding produces — count against both.
    """
    letters = _letters(decoded)
    if not letters:
        return 2.0
    # Private-use characters and kana never occur in real Chinese text; in a wrong decoding they
    # are typical (Big5 punctuation and kana read as GB18030 land there), so they weigh double.
    alien = sum(1 for ch in letters if "\ue000" <= ch <= "\uf8ff" or "\u3040" <= ch <= "\u30ff") / len(letters)
    if codec == "gb18030":
        score = _share(letters, _gb2312_level1()) + _share(letters, FREQUENT_HAN)
    else:
        score = _share(letters, _big5_level1()) + _share(_letters(to_simplified(decoded)), FREQUENT_HAN)
    return score - 2 * alien


# Scoring looks at the start of the text only: a few thousand characters decide as well as millions.
_SCORE_SAMPLE = 20_000


@lru_cache(maxsize=1)
def _two_char_words() -> frozenset[str]:
    """Two-character words of jieba's dictionary (read from its dict.txt, without loading jieba).

    Only needed to settle close GB18030/Big5 calls on short texts, so it is loaded lazily.
    """
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return frozenset()
    words = set()
    try:
        with open(Path(spec.origin).parent / "dict.txt", encoding="utf-8") as fh:
            for line in fh:
                word = line.split(" ", 1)[0]
                if len(word) == 2:
                    words.add(word)
    except OSError:
        return frozenset()
    return frozenset(words)


def _word_share(decoded: str, codec: str) -> float:
    """Share of adjacent Han pairs (in Simplified form) that are words: high for real text, ~0 for
    a wrong decoding, whose characters are individually plausible but never form words."""
    text = decoded if codec == "gb18030" else to_simplified(decoded)
    words = _two_char_words()
    pairs = [text[i : i + 2] for i in range(len(text) - 1) if is_han(text[i]) and is_han(text[i + 1])]
    if not pairs or not words:
        return 0.0
    return sum(1 for pair in pairs if pair in words) / len(pairs)


# Alphabets a genuine non-CJK UTF-8 text without any 3-byte character would be written in.
_SINGLE_ALPHABETS = (
    re.compile(r"[\u00a0-\u017f]"),  # Latin-1 supplement + Latin Extended-A (European languages)
    re.compile(r"[\u0370-\u03ff]"),  # Greek
    re.compile(r"[\u0400-\u045f]"),  # Cyrillic (basic)
)


def _utf8_is_plausible(text: str) -> bool:
    """Short GB18030 text can be valid UTF-8 by accident ('什么' -> 'ʲô'). Such accidental
    decodings mix alphabets or use IPA/modifier letters; real text stays in one alphabet or uses
    3-byte characters (CJK) somewhere."""
    other = [ch for ch in text if ord(ch) >= 0x80]
    if not other or any(ord(ch) >= 0x800 for ch in other):
        return True
    joined = "".join(other)
    return any(len(alpha.findall(joined)) == len(other) for alpha in _SINGLE_ALPHABETS)


def _strict_decode(data: bytes, encoding: str, partial: bool) -> str | None:
    """Decode strictly; for a sample cut mid-file, forgive an incomplete last character."""
    tries = 4 if partial else 1
    for cut in range(tries):
        chunk = data[: len(data) - cut] if cut else data
        try:
            return chunk.decode(encoding)
        except UnicodeDecodeError as exc:
            # Only an error at the very end can be a cut character; anything else is real.
            if not partial or exc.start < len(chunk) - 4:
                return None
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'Unicode' text without BOM: mostly-ASCII content leaves NULs in every other byte."""
    if len(data) < 8:
        return None
    even, odd = data[0::2], data[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / max(len(odd), 1)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes, *, partial: bool = False) -> tuple[str, str] | None:
    """Return (decoded_text, encoding_name) or None when the bytes are not text in any encoding.

    `partial` means `data` is a sample cut from a longer file (identify sniffs only the head), so
    an incomplete trailing character is not an error. Encoding names: utf-8, utf-8-sig,
    utf-16-le, utf-16-be, utf-32-le, utf-32-be, gb18030, big5, or what charset-normalizer names.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if partial and name.startswith("utf-16"):
                body = body[: len(body) // 2 * 2]
            if partial and name.startswith("utf-32"):
                body = body[: len(body) // 4 * 4]
            text = _strict_decode(body, name.replace("-sig", ""), partial)
            return (text, name) if text is not None else None

    utf16 = _utf16_without_bom(data)
    if utf16:
        body = data[: len(data) // 2 * 2] if partial else data
        text = _strict_decode(body, utf16, partial)
        if text is not None:
            return text, utf16

    if b"\x00" in data:
        return None

    utf8 = _strict_decode(data, "utf-8", partial)
    if utf8 is not None and _utf8_is_plausible(utf8):
        return utf8, "utf-8"

    candidates: list[tuple[float, int, str, str]] = []
    for priority, (codec, name) in enumerate((("gb18030", "gb18030"), ("cp950", "big5"))):
        decoded = _strict_decode(data, codec, partial)
        if decoded is not None:
            # Higher score first, then GB18030 (priority 0) on a tie.
            candidates.append((_score(decoded[:_SCORE_SAMPLE], codec), -priority, decoded, name))
    if len(candidates) == 2 and abs(candidates[0][0] - candidates[1][0]) < 0.75:
        # Close call (short text): count adjacent character pairs that are dictionary words.
        candidates = [
            (score + _word_share(decoded[:_SCORE_SAMPLE], codec), prio, decoded, name)
            for (score, prio, decoded, name), codec in zip(candidates, ("gb18030", "cp950"), strict=True)
        ]
    candidates.sort(reverse=True)

    if utf8 is not None and (not candidates or candidates[0][0] < 1.8):
        return utf8, "utf-8"

    if candidates and candidates[0][0] >= 1.0:
        return candidates[0][2], candidates[0][3]

    other = _charset_normalizer_guess(data)
    if other is not None:
        return other
    if candidates:
        return candidates[0][2], candidates[0][3]
    return None


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    """Last resort for non-Chinese legacy encodings (cp1252 CSVs, Shift-JIS, ...)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in {"utf_8", "gb18030", "big5", "cp950"}:
        return None
    try:
        return data.decode(best.encoding), best.encoding.replace("_", "-")
    except (UnicodeDecodeError, LookupError):
        return None


def looks_printable(text: str) -> bool:
    """Mostly printable: at most 1% control characters (beyond tabs/newlines) and no NULs."""
    if not text:
        return False
    bad = 0
    for ch in text:
        if ch in _ALLOWED_CONTROLS:
            continue
        cat = unicodedata.category(ch)
        if cat == "Cc" or ch == "\ufffd":
            if ch == "\x00":
                return False
            bad += 1
        elif cat == "Co" and ord(ch) < 0xF0000:
            # Private-use characters: what mis-decoded Big5 looks like.
            bad += 1
    return bad <= len(text) * 0.01


def _title_from_text(text: str) -> str | None:
    """A short first line with several Han characters is how plain-text notices start."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        han = sum(1 for ch in line if is_han(ch))
        if len(line) <= 40 and han >= 4 and line[-1] not in "。；：，":
            return line
        return None
    return None


def extract(path: Path, opts: Options) -> Extraction:
    with open(path, "rb") as fh:
        data = fh.read(MAX_TEXT_BYTES + 1)
    warnings: list[str] = []
    partial = False
    if len(data) > MAX_TEXT_BYTES:
        data = data[:MAX_TEXT_BYTES]
        partial = True
        warnings.append(
            f"文本文件超过 {MAX_TEXT_BYTES // (1024 * 1024)} MB，仅读取了前 {MAX_TEXT_BYTES // (1024 * 1024)} MB"
        )
    if not data:
        raise ExtractionError("空文件（0字节）", "请向报送单位索取完整的文件")
    found = detect_encoding(data, partial=partial)
    if found is None or not looks_printable(found[0]):
        raise ExtractionError(
            "无法识别文本编码，文件可能不是文本或已损坏", "请报送单位另存为UTF-8或GB18030编码的文本，或转为PDF/Word"
        )
    text, encoding = found
    text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\x1a")
    return Extraction(
        file_type="text",
        text=text,
        title_hint=_title_from_text(text),
        meta={"encoding": encoding},
        warnings=warnings,
    )
