"""The province's own scheme (考核细则): import it from Excel or Word, show, export, and carry an archive
from one year's scheme to the next (diff, migrate). An imported scheme is stored as a framework file in
the workspace (frameworks/<id>.toml), so the rest of archivist uses it like a built-in one."""
