"""Authenticity checks (核查发现): what inspectors call 弄虚作假, found before they find it.

One module per kind of finding — photos (reused or before = after), text (copied reports, template
copies), dates (files made after the cut-off, EXIF against captions, dated after receipt), figures
(one quantity stated two ways), pii (身份证号 and mobile numbers) — each a pure function from the
archive's documents to findings. `index` keeps the per-file facts they need (perceptual hash,
MinHash signature, core-property times) up to date on ingest, so a check compares instead of
re-reading; `store` keeps findings and their audited "explained" marks; `check` runs them all.
"""

from .finding import KINDS, Finding

__all__ = ["KINDS", "Finding"]
