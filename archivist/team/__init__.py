"""Team work on one archive: accounts and roles, units' submissions (报送) with review, 催报.

A submission's bytes are held under index/submissions/ until the 资料组 accepts them; only then do
they go through the intake pipeline into the archive. So nothing a unit submits can reach search,
the dossier, the reports or the summary before it is accepted, whichever page or command reads them.
"""

from __future__ import annotations

# Audit actions that touch only accounts, units and held submissions: they change neither the archive,
# its search index nor the summary, so the web server's caches need not start again after them (an
# office's units submit all day). Acceptance files through the pipeline, whose own entries do count.
HELD_ONLY_ACTIONS = ("unit_added", "user_added", "user_disabled", "user_enabled", "user_password", "submitted",
                     "submission_returned")


class TeamError(Exception):
    """A team action refused; the message is one Chinese line saying what to do."""
