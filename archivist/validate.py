"""Dates and numbers are checked where they enter (command line, archivist.toml, the web), once.

A date like 2024-13-45 accepted by `init` surfaces weeks later as a traceback in `countdown` and a
500 on the dashboard; a score of `nan` passes every `<`/`>` check (all comparisons with NaN are
false) and reaches SQLite. Every such value therefore goes through one of these functions at the
edge and is refused there with one Chinese line naming the value and the expected form.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MIN_YEAR, MAX_YEAR = 2000, 2100


class InvalidValue(ValueError):
    """A date or number that cannot be right; the message says which and what form it must take."""


def iso_date(value: Any, what: str) -> dt.date:
    """`value` as a real calendar date written YYYY-MM-DD, between MIN_YEAR and MAX_YEAR."""
    text = str(value).strip() if value is not None else ""
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidValue(f"{what}“{text}”不是有效日期：请按 YYYY-MM-DD 填写，如 2025-01-20") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise InvalidValue(f"{what}“{text}”的年份不合理：请填写 {MIN_YEAR}–{MAX_YEAR} 年之间的日期")
    return day


def year(value: Any, what: str) -> int:
    """A plausible assessment year."""
    try:
        number = int(str(value).strip())
    except ValueError:
        raise InvalidValue(f"{what}“{value}”不是年份：请填写四位数年份，如 2024") from None
    if not MIN_YEAR <= number <= MAX_YEAR:
        raise InvalidValue(f"{what}“{value}”不合理：请填写 {MIN_YEAR}–{MAX_YEAR} 之间的年份")
    return number


def finite_number(value: Any, what: str, low: float | None = None, high: float | None = None) -> float:
    """A real number (not nan or inf, not text), optionally within [low, high]."""
    if isinstance(value, bool):
        raise InvalidValue(f"{what}“{value}”不是数字：请填写数字")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidValue(f"{what}“{value}”不是数字：请填写数字") from None
    if not math.isfinite(number):
        raise InvalidValue(f"{what}“{value}”不是有效数字：请填写一个具体的数")
    if (low is not None and number < low) or (high is not None and number > high):
        span = f"{low:g}–{high:g}" if low is not None and high is not None else (
            f"不小于 {low:g}" if low is not None else f"不大于 {high:g}")
        raise InvalidValue(f"{what}“{value}”超出范围：请填写 {span} 的数")
    return number
