"""The old home of the Chinese text analysis, now archivist.search.analysis; kept for two readers.

- Code that still imports `archivist.analysis` (`cut`, `prepare`, …) gets the same functions.
- Whoosh indexes written before the search package was split name their tokenizers and postings
  format as `archivist.analysis.ChineseTokenizer`, `BigramTokenizer` and `ScanWeights` in the
  pickled schema: those names resolve here (lazily, so importing this module for `cut` does not
  load Whoosh), and such an index opens without a rebuild.
"""

from __future__ import annotations

from typing import Any

from .search.analysis import *  # noqa: F403

_WHOOSH_NAMES = ("ChineseTokenizer", "BigramTokenizer", "ScanWeights")


def __getattr__(name: str) -> Any:
    if name in _WHOOSH_NAMES:
        from .search import whoosh_backend

        return getattr(whoosh_backend, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
