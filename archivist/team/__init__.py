"""Team work on one archive: accounts and roles, units' submissions (报送) with review, 催报.

A submission's bytes are held under index/submissions/ until the 资料组 accepts them; only then do
they go through the intake pipeline into the archive. So nothing a unit submits can reach search,
the dossier, the reports or the summary before it is accepted, whichever page or command reads them.
"""

from __future__ import annotations


class TeamError(Exception):
    """A team action refused; the message is one Chinese line saying what to do."""
