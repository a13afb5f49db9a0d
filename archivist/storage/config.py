"""The `[storage]` table of archivist.toml, checked when the workspace loads.

    [storage]
    backend = "s3"                       # "local" (default) or "s3"
    endpoint_url = "http://10.0.0.5:8333"  # any S3-compatible server; omit for AWS itself
    bucket = "evidence"
    prefix = "丰泰县/"                   # this county's part of the bucket (a tenant's archive prefix)
    region = "us-east-1"
    cache_mb = 1024                      # local copies of read objects, by sha256 (0: none)

Credentials never go into the toml (it is copied, backed up and sent around with the workspace):
boto3 reads them from the environment (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, AWS_PROFILE) or
the standard ~/.aws files. A setting that would put them here is refused with a one-line message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..tomltable import settings_table
from ..workspace import WorkspaceError
from .cache import DEFAULT_MB

BACKENDS = ("local", "s3")
ADDRESSING = ("path", "virtual", "auto")
_TEXT = ("backend", "endpoint_url", "bucket", "prefix", "region", "addressing_style")
_KNOWN = (*_TEXT, "cache_mb")
_SECRET_WORDS = ("key", "secret", "token", "password", "credential")
_BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")


class StorageConfigError(WorkspaceError):
    """The [storage] table is wrong; the one-line message names the file, the setting and the fix."""


@dataclass(frozen=True)
class StorageConfig:
    backend: str = "local"
    endpoint_url: str | None = None
    bucket: str = ""
    prefix: str = ""
    region: str | None = None
    addressing_style: str = "path"  # SeaweedFS, MinIO and most in-house servers want path-style URLs
    cache_mb: int = DEFAULT_MB  # the read cache under index/cache/objects (storage/cache.py)


def storage_config(raw: dict[str, Any], config_path: Path) -> StorageConfig:
    """The checked [storage] settings of a parsed archivist.toml (defaults: local disk)."""
    table = raw.get("storage", {})
    for name in table if isinstance(table, dict) else ():
        if any(word in name.lower() for word in _SECRET_WORDS):  # before "unknown": say why it must go
            raise StorageConfigError(
                f"{config_path} 的 [storage] 不能写入凭据 {name}：请删除该行，"
                "改用环境变量 AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY 或 ~/.aws/credentials"
            )
    table, where = settings_table(raw, "storage", config_path, _KNOWN, _TEXT, StorageConfigError)
    cache_mb = table.get("cache_mb", DEFAULT_MB)
    if isinstance(cache_mb, bool) or not isinstance(cache_mb, int) or cache_mb < 0:
        raise StorageConfigError(f"{where} 的 cache_mb 应为不小于 0 的整数（兆字节，不加引号），现为 {cache_mb!r}")
    backend = table.get("backend", "local").strip().lower()
    if backend not in BACKENDS:
        raise StorageConfigError(f"{where} 的 backend = {backend!r} 不可用：请写 \"local\"（本机磁盘）或 \"s3\"")
    if backend == "local":
        extra = sorted(set(table) - {"backend"})
        if extra:
            raise StorageConfigError(f"{where} 的 {'、'.join(extra)} 只在 backend = \"s3\" 时使用：请删除或改用 s3")
        return StorageConfig()
    bucket = table.get("bucket", "").strip()
    if not bucket:
        raise StorageConfigError(f"{where} 使用 s3 时必须设置 bucket（存储桶名称）")
    if not _BUCKET.fullmatch(bucket) or ".." in bucket:
        raise StorageConfigError(
            f"{where} 的 bucket = {bucket!r} 不是有效的存储桶名称：只能用小写字母、数字、点和连字符，3–63 个字符"
        )
    endpoint = table.get("endpoint_url", "").strip() or None
    if endpoint is not None and not re.match(r"https?://[^/\s]+", endpoint):
        raise StorageConfigError(f"{where} 的 endpoint_url = {endpoint!r} 应以 http:// 或 https:// 开头，如 http://10.0.0.5:8333")
    prefix = table.get("prefix", "").strip()
    if prefix.startswith("/") or "\\" in prefix or any(p in (".", "..") for p in prefix.split("/")):
        raise StorageConfigError(f"{where} 的 prefix = {prefix!r} 不能以 / 开头，也不能含 \\、. 或 .. 段")
    addressing = table.get("addressing_style", "path").strip().lower()
    if addressing not in ADDRESSING:
        raise StorageConfigError(f"{where} 的 addressing_style = {addressing!r} 不可用：请写 path、virtual 或 auto")
    prefix = prefix.strip("/")
    return StorageConfig(
        backend="s3",
        endpoint_url=endpoint,
        bucket=bucket,
        prefix=f"{prefix}/" if prefix else "",
        region=table.get("region", "").strip() or None,
        addressing_style=addressing,
        cache_mb=cache_mb,
    )
