"""What a search can fail with: every message is one Chinese line for the user.

Their own module, because the query parser, every backend and the catalogue sync raise them, and
the CLI and the web catch them without knowing which backend is configured.
"""

from __future__ import annotations


class SearchError(Exception):
    """A search cannot be answered; the message is one Chinese line for the user."""


class QueryError(SearchError):
    """What the user typed cannot be searched (wrong usage)."""


class IndexMissing(SearchError):
    """No usable index (never built, deleted, corrupt, or built by an older format)."""
