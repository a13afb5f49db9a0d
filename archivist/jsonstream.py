"""A JSON array written one element at a time, byte for byte what json.dumps(list, indent=2) gives.

`ingest --json` of a county's USB stick (20,000 files) must not hold every record to print them at
the end: each record is written as soon as it is filed, and the array is closed even when the run
stops early, so the output stays valid JSON (the exit code says whether the run finished).
"""

from __future__ import annotations

import json
import sys
from types import TracebackType
from typing import IO, Any


class JsonArrayWriter:
    """with JsonArrayWriter() as out: out.write(record) …"""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stdout
        self.count = 0

    def __enter__(self) -> JsonArrayWriter:
        return self

    def write(self, item: Any) -> None:
        text = json.dumps(item, ensure_ascii=False, indent=2, default=str)
        self.stream.write(("[\n" if self.count == 0 else ",\n") + "\n".join("  " + line for line in text.split("\n")))
        self.count += 1

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()
