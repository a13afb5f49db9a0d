"""A photo with no words of its own goes where the documents it arrived with went.

A unit sends its report with the site photos in one folder; an uncaptioned IMG_….jpg has nothing to be
filed by, but the clerk files it beside that report. Only when every document filed from the same folder
in the run went to one indicator (a folder of mixed material says nothing), and never a picture that has
words, a rival or a reason of its own. `pipeline.discover()` yields a folder's documents before its
pictures, so they are known when its photos come.
"""

from __future__ import annotations

PICTURES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".bmp", ".gif")


def documents_first(name: str) -> tuple[bool, str]:
    """Sort key: a folder's documents before its pictures, each in name order."""
    return name.lower().endswith(PICTURES), name


def has_words(text: str) -> bool:
    """Any Han character: read from the picture (OCR), its EXIF caption, or a title made from them."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


class FolderFiling:
    """Where the documents of each folder went in this run, and the one code a wordless picture follows."""

    def __init__(self) -> None:
        self._codes: dict[tuple[str, ...], set[str]] = {}

    def note(self, folders: list[str], code: str) -> None:
        self._codes.setdefault(tuple(folders), set()).add(code)

    def follow(self, folders: list[str]) -> str | None:
        codes = self._codes.get(tuple(folders), set())
        return next(iter(codes)) if len(codes) == 1 else None

    @staticmethod
    def reason(folders: list[str], code: str) -> str:
        return f"同一文件夹（{'/'.join(folders)}）中的其他材料均归入 {code}"
