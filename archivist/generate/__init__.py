"""Document generation: GB/T 9704 official documents (gongwen) and rendering to PDF (render).

Reports, notices, speeches, catalogues and dossiers are built on these two modules; they are
derived artefacts that can always be rebuilt from the catalogue.
"""

from archivist.generate.gongwen import GongwenDocument, format_cn_date

__all__ = ["GongwenDocument", "format_cn_date"]
