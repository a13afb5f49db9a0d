"""Login throttling: wrong tokens are counted per client address and per account (PyPI `limits`).

Why both: a per-client limit stops one machine guessing quickly; a per-account limit stops many
machines (or one changing its address) guessing the same account slowly. Only failures count, so
a clerk who types the token right is never slowed. While a limit is exceeded even the right token
is refused — otherwise throttling would only slow guessing down, not stop it — and the answer says
how long to wait. Counts live in memory: a restart forgets them, which is fine for an office box.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

PER_CLIENT = "5/minute;20/hour"  # wrong tokens from one address
PER_ACCOUNT = "30/10 minutes"  # wrong tokens for one account, from anywhere
SHARED_ACCOUNT = "访问口令"  # the one account of a workspace with a [web] token


@dataclass
class LoginThrottle:
    """Counts failed logins in moving windows; `retry_after` says whether a login may be tried now."""

    per_client: list[RateLimitItem] = field(default_factory=lambda: parse_many(PER_CLIENT))
    per_account: list[RateLimitItem] = field(default_factory=lambda: parse_many(PER_ACCOUNT))

    def __post_init__(self) -> None:
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    def _keys(self, client: str, account: str) -> list[tuple[RateLimitItem, str, str]]:
        return ([(item, "client", client or "?") for item in self.per_client]
                + [(item, "account", account or SHARED_ACCOUNT) for item in self.per_account])

    def retry_after(self, client: str, account: str = "") -> int:
        """0 when a login may be tried; else the seconds until the oldest counted failure expires."""
        wait = 0.0
        for item, kind, key in self._keys(client, account):
            if not self.limiter.test(item, kind, key):
                stats = self.limiter.get_window_stats(item, kind, key)
                wait = max(wait, stats.reset_time - time.time(), 1.0)
        return int(wait + 0.999)

    def failed(self, client: str, account: str = "") -> None:
        for item, kind, key in self._keys(client, account):
            self.limiter.hit(item, kind, key)

    def succeeded(self, client: str) -> None:
        """A right token clears the client's count (not the account's: other clients may be guessing)."""
        for item in self.per_client:
            self.limiter.clear(item, "client", client or "?")


def wait_text(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} 分 {rest} 秒" if minutes else f"{rest} 秒"
