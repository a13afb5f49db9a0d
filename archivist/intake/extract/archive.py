"""ZIP archives are not text: the pipeline unpacks them with archivist.intake.unzip.safe_members and
ingests each member as its own evidence. This extractor only lists the members (decoded names),
for callers that want to show what an archive holds without unpacking it.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from archivist.intake.extract._common import Options
from archivist.intake.unzip import decode_member_names
from archivist.model import Extraction, ExtractionError

MAX_LISTED = 2000


def extract(path: Path, opts: Options) -> Extraction:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error) as exc:
        raise ExtractionError(
            f"压缩包已损坏或不完整（{type(exc).__name__}）", "请向报送单位重新索取完整的压缩包"
        ) from exc
    names = decode_member_names(infos)
    members = [names[info.filename] for info in infos if not info.is_dir()]
    return Extraction(
        file_type="zip",
        meta={"members": members[:MAX_LISTED], "member_count": len(members)},
    )
