"""The keyed audit chain: the key outside the workspace, row digests, and the chain head record.

Why a key: a plain hash chain proves only that nobody edited it *without recomputing it*; whoever
can write the SQLite file can also recompute every sha256. Each entry is therefore an HMAC-SHA256
under a key kept in the user's config folder, not in the workspace
($XDG_CONFIG_HOME/archivist/keys/<workspace-id>.key, mode 0600; $ARCHIVIST_KEY_DIR overrides).

Why row digests: the chain can only vouch for what it covers. Each entry carries a digest of the
NEW content of every audited row the change touched, so `verify` can recompute each row and
compare it with its latest entry: a row edited, inserted or deleted behind the audit's back shows.

Why a head record outside the database: cutting entries off the END of a chain leaves a valid
chain. After every commit the catalogue writes (seq, hash) of its newest entry into
keys/heads/<catalogue path digest>.json, beside the key, where the database's writer cannot reach
it either; `verify` checks that entry still exists with that hash.

Anchors: (seq, first 16 hex of the hash) of the newest entry, printed on the dossier's 卷内备考表
and in every export's manifest. `verify --anchor SEQ:HASH` checks that a later archive still
holds that entry unchanged, i.e. that everything the inspector saw is still in its history.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .workspace import WorkspaceError

SCHEME_LEGACY = 0  # sha256 over the entry, no key (workspaces made before the key existed)
SCHEME_KEYED = 1  # HMAC-SHA256 under the workspace key, covering seq and row digests
KEY_BYTES = 32
ANCHOR_HEX = 16
SEAL_ACTION = "chain_keyed"  # 链密钥启用: the first keyed entry; anchors the unkeyed chain before it
REBUILT_ACTION = "rebuilt"  # 从目录重建: the first entry of a catalogue rebuilt from the folder tree


class ChainKeyMissing(WorkspaceError):
    """The chain is keyed but this machine has no key for it: nothing may be appended unsigned."""


def key_dir() -> Path:
    """Where keys live: $ARCHIVIST_KEY_DIR, else $XDG_CONFIG_HOME/archivist/keys, else ~/.config/…"""
    explicit = os.environ.get("ARCHIVIST_KEY_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "archivist" / "keys"


def key_path(workspace_id: str) -> Path:
    return key_dir() / f"{workspace_id}.key"


def load_key(workspace_id: str) -> bytes | None:
    try:
        text = key_path(workspace_id).read_text(encoding="ascii").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    try:
        return bytes.fromhex(text)
    except ValueError:
        return None


def create_key(workspace_id: str) -> bytes:
    """A new random key, written 0600 (O_EXCL: a concurrent creator's key wins and is returned)."""
    path = key_path(workspace_id)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_bytes(KEY_BYTES)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        existing = load_key(workspace_id)
        if existing is None:
            raise
        return existing
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key.hex() + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return key


def install_key(workspace_id: str, key_hex: str) -> Path:
    """Put a key carried in a backup (backup --with-key) in place; an existing equal key is fine."""
    path = key_path(workspace_id)
    existing = load_key(workspace_id)
    if existing is not None:
        if existing.hex() != key_hex.strip():
            raise ValueError(f"本机已有该工作区的另一把链密钥：{path}")
        return path
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key_hex.strip() + "\n")
    return path


# entry hashes -----------------------------------------------------------------------------------
def legacy_hash(prev_hash: str, at: str, who: str, action: str, evidence_id: str | None, detail: str) -> str:
    payload = json.dumps([prev_hash, at, who, action, evidence_id, detail], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def keyed_hash(
    key: bytes | Any, seq: int, prev_hash: str, at: str, who: str, action: str, evidence_id: str | None,
    detail: str, rows: str | None,
) -> str:
    """The entry's HMAC. `key` is the raw key or a primed `chain_mac(key)` (faster over many entries)."""
    payload = json.dumps(["archivist-audit/2", seq, prev_hash, at, who, action, evidence_id, detail, rows],
                         ensure_ascii=False).encode("utf-8")
    mac = hmac.new(key, digestmod=hashlib.sha256) if isinstance(key, bytes) else key.copy()
    mac.update(payload)
    return mac.hexdigest()


# row digests ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RowDigest:
    """A row's content in digest form: one digest over all columns (authoritative) and a short one
    per column (only to name WHICH fields changed). NULL columns are left out, so a column added
    later with a NULL default does not make every old row look edited."""

    table: str
    key: str
    digest: str | None  # None: the row was deleted
    fields: dict[str, str]

    def to_json(self) -> list[Any]:
        return [self.table, self.key, self.digest, self.fields]

    @classmethod
    def from_json(cls, item: list[Any]) -> RowDigest:
        return cls(str(item[0]), str(item[1]), item[2], dict(item[3] or {}))


def _bytes_hex(value: Any) -> str:
    if isinstance(value, bytes):
        return "b:" + value.hex()
    raise TypeError(f"不能写入审计摘要的值：{type(value).__name__}")


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_bytes_hex)


def row_digest(
    table: str, key: str, row: dict[str, Any] | None, skip: frozenset[str] = frozenset(), *, fields: bool = True
) -> RowDigest:
    """The digest of one row: canonical JSON of its (column, value) pairs sorted by column (JSON keeps
    1, 1.0 and "1" apart). `fields=False` skips the per-column digests — verify's fast path: they
    are only needed to name what changed, and are computed again for a row that does not match."""
    if row is None:
        return RowDigest(table, key, None, {})
    items = [(col, row[col]) for col in sorted(row) if row[col] is not None and col not in skip]
    whole = hashlib.sha256(_canonical([table, key, items]).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    per_field = (
        {col: hashlib.sha256(_canonical([col, val]).encode("utf-8", "surrogatepass")).hexdigest()[:6]
         for col, val in items}
        if fields else {}
    )
    return RowDigest(table, key, whole, per_field)


def chain_mac(key: bytes) -> Any:
    """An HMAC-SHA256 primed with `key`; `.copy()` it per entry (saves the key setup each time)."""
    return hmac.new(key, digestmod=hashlib.sha256)


def changed_fields(recorded: RowDigest, now: RowDigest) -> list[str]:
    names = set(recorded.fields) | set(now.fields)
    return sorted(n for n in names if recorded.fields.get(n) != now.fields.get(n))


# the head record ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Head:
    """The newest audit entry as last seen by a writer on this machine."""

    workspace_id: str
    seq: int
    hash: str


def _head_file(catalogue_path: Path) -> Path:
    ident = hashlib.sha256(str(catalogue_path.resolve()).encode("utf-8")).hexdigest()[:24]
    return key_dir() / "heads" / f"{ident}.json"


def read_head(catalogue_path: Path) -> Head | None:
    try:
        data = json.loads(_head_file(catalogue_path).read_text(encoding="utf-8"))
        return Head(str(data["workspace_id"]), int(data["seq"]), str(data["hash"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_head(catalogue_path: Path, head: Head, *, force: bool = False) -> None:
    """Record the newest entry; never moves the head backwards unless `force` (a rebuild, a restore)."""
    path = _head_file(catalogue_path)
    if not force:
        old = read_head(catalogue_path)
        if old is not None and old.workspace_id == head.workspace_id and old.seq >= head.seq:
            return
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temp.write_text(
            json.dumps({"catalogue": str(catalogue_path.resolve()), "workspace_id": head.workspace_id,
                        "seq": head.seq, "hash": head.hash}),
            encoding="utf-8",
        )
        os.replace(temp, path)
    except OSError:
        pass  # the head record strengthens verify; a read-only config folder must not stop a write


def forget_head(catalogue_path: Path) -> None:
    try:
        _head_file(catalogue_path).unlink()
    except OSError:
        pass


# anchors ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Anchor:
    """A chain head as printed for an inspector: entry number and the start of its hash."""

    seq: int
    hash: str  # ANCHOR_HEX leading hex digits

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> Anchor:
        seq, _, digest = text.strip().partition(":")
        digest = digest.strip().lower()
        if not seq.strip().isdigit() or len(digest) < 8 or any(c not in "0123456789abcdef" for c in digest):
            raise ValueError(f"锚点格式应为 序号:哈希（如 120:3f9a0c1d2b4e5f60），收到 {text!r}")
        return cls(int(seq), digest)
