"""Inspection readiness (issue #5). Placeholder docstring, completed below."""

from __future__ import annotations


class AssessError(Exception):
    """A refused assessment action; the message is one Chinese line saying what to do."""
