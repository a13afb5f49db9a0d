"""S3Store: the archive in an S3-compatible bucket (AWS, SeaweedFS, MinIO, an in-house server).

Object key = the configured prefix + the archive key, so several counties (tenants) share a bucket.
Why each operation is safe:

- put: the source is read once, hashed (sha256 and MD5) while it is spooled to a local temp file,
  so the bytes uploaded are the bytes hashed; a source that changed since the pipeline hashed it
  raises SourceChanged before any upload. The upload carries Content-MD5 (the server refuses a body
  damaged in transit) and the sha256 as object metadata; an S3 PUT is atomic (an object is visible
  whole or not at all), so no temp name or rename is needed.
- open / local_path: with the catalogue's sha256 the bytes are downloaded to a spool, hashed, and
  only then handed out; a bucket edited behind archivist's back raises IntegrityMismatch.
- local_path is served from the read cache (storage/cache.py, by sha256) when the catalogue's sha256
  is there: the web view, a dossier and the checks download each object once. `put` adds the bytes
  it uploaded, so what the intake indexes right after filing is not downloaded again. `open` (what
  verify reads) always reads the bucket: verify's job is to check the bucket, not a copy of it.
- move: a server-side copy, checked (size and sha256 metadata), then the old key deleted. Not atomic
  as a rename is: the callers journal a move ('moving'), and recover() / doctor put it right.

Credentials come from boto3's standard chain (environment, AWS_PROFILE, ~/.aws), never the toml.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO, Any, BinaryIO

from . import EvidenceMissing, IntegrityMismatch, StoreError
from .cache import ReadCache
from .config import StorageConfig

CHUNK = 1 << 20
SPOOL_BYTES = 8 << 20  # files up to this size are spooled in memory, larger ones in index/cache/s3
SHA_META = "sha256"


class S3Store:
    """One bucket (and prefix) of an S3-compatible server."""

    def __init__(
        self, config: StorageConfig, scratch: Path, client: Any = None, cache: ReadCache | None = None
    ) -> None:
        self.bucket = config.bucket
        self.prefix = config.prefix
        self.endpoint = config.endpoint_url or "AWS S3"
        self.scratch = scratch  # temp copies for local_path and large spools: local disk, never the bucket
        self.cache = cache  # None: every local_path downloads
        self.client = client or _client(config)

    # naming ---------------------------------------------------------------------------------
    def object_key(self, key: str) -> str:
        return self.prefix + key

    def _where(self, key: str) -> str:
        return f"s3://{self.bucket}/{self.object_key(key)}"

    # writing --------------------------------------------------------------------------------
    def put(self, key: str, source: Path, expect_sha256: str | None = None) -> str:
        from ..intake.filing import SourceChanged
        from ..regular_files import open_regular

        sha, md5 = hashlib.sha256(), hashlib.md5()  # noqa: S324 - MD5 is S3's transfer check, not security
        with self._spool() as spool:
            try:
                src = open_regular(source)  # a file swapped for a FIFO or a symlink is refused, never read
            except FileNotFoundError as exc:
                raise SourceChanged("文件在读取前已被移走或删除", vanished=True) from exc
            with src:
                while chunk := src.read(CHUNK):
                    sha.update(chunk)
                    md5.update(chunk)
                    spool.write(chunk)
            digest = sha.hexdigest()
            if expect_sha256 is not None and digest != expect_sha256:
                raise SourceChanged("文件在读取过程中被修改")
            size = spool.tell()
            spool.seek(0)
            self._call(
                "put_object", key,
                Bucket=self.bucket, Key=self.object_key(key), Body=spool, ContentLength=size,
                ContentMD5=base64.b64encode(md5.digest()).decode("ascii"), Metadata={SHA_META: digest},
            )
            if self.cache is not None:
                spool.seek(0)
                self.cache.add_stream(digest, spool, size)  # the bytes just uploaded, hashed above
        return digest

    def move(self, key: str, new_key: str) -> None:
        from ..intake.filing import SourceChanged

        head = self._head(key)
        if head is None:
            raise SourceChanged("文件已被移走或删除", vanished=True)
        self._call(
            "copy", key,
            CopySource={"Bucket": self.bucket, "Key": self.object_key(key)}, Bucket=self.bucket,
            Key=self.object_key(new_key),
        )
        copied = self._head(new_key)
        if copied is None or copied["ContentLength"] != head["ContentLength"] or _meta_sha(copied) != _meta_sha(head):
            raise StoreError(f"移动 {self._where(key)} 到 {new_key} 后核对不符：原文件未删除，请运行 archivist doctor")
        self.delete(key)

    def delete(self, key: str) -> None:
        if self._head(key) is None:
            raise EvidenceMissing(f"归档文件不存在：{self._where(key)}")
        self._call("delete_object", key, Bucket=self.bucket, Key=self.object_key(key))

    # reading --------------------------------------------------------------------------------
    def open(self, key: str, expect_sha256: str | None = None) -> BinaryIO:
        if expect_sha256 is None:
            return self._get(key)["Body"]
        spool = self._spool()
        try:
            actual = self._download(key, spool)
            if actual != expect_sha256:
                raise IntegrityMismatch(self._where(key), expect_sha256, actual)
            spool.seek(0)
        except BaseException:
            spool.close()
            raise
        return spool  # type: ignore[return-value]

    @contextmanager
    def local_path(self, key: str, expect_sha256: str | None = None) -> Iterator[Path]:
        self.scratch.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix="s3-", dir=self.scratch))
        try:
            path = folder / (PurePosixPath(key).name or "file")  # the file's own name: tools read the suffix
            if not self._from_cache(key, expect_sha256, path):
                with path.open("wb") as out:
                    actual = self._download(key, out)
                if expect_sha256 is not None and actual != expect_sha256:
                    raise IntegrityMismatch(self._where(key), expect_sha256, actual)
                if self.cache is not None:
                    self.cache.add(actual, path)
            yield path
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _from_cache(self, key: str, expect_sha256: str | None, path: Path) -> bool:
        """The cached bytes at `path`, if the object is still the one they were cached from.

        A HEAD (no body) confirms the object is there with the sha256 and size it was uploaded with:
        an object deleted or overwritten in the bucket is downloaded (and refused) as without a cache.
        """
        if expect_sha256 is None or self.cache is None or not self.cache.link(expect_sha256, path):
            return False
        head = self._head(key)
        if head is None or _meta_sha(head) != expect_sha256 or int(head["ContentLength"]) != path.stat().st_size:
            path.unlink()
            return False
        return True

    def is_local(self, key: str) -> bool:
        return False

    def exists(self, key: str) -> bool:
        return self._head(key) is not None

    def occupied(self, key: str) -> bool:
        return self.exists(key)  # a PUT is atomic: nothing is ever half-written under a key

    def size(self, key: str) -> int:
        head = self._head(key)
        if head is None:
            raise EvidenceMissing(f"归档文件不存在：{self._where(key)}")
        return int(head["ContentLength"])

    def stored_sha256(self, key: str) -> str | None:
        """The sha256 recorded at upload (metadata); None for an object put there by other means."""
        head = self._head(key)
        return _meta_sha(head) if head else None

    def keys(self, prefix: str) -> Iterator[str]:
        from . import folder_key

        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=self.object_key(folder_key(prefix))
        )
        try:
            for page in pages:
                for item in page.get("Contents", []):
                    yield item["Key"][len(self.prefix):]
        except Exception as exc:  # noqa: BLE001 - botocore's errors become one clear line
            raise self._error("列出", prefix, exc) from exc

    # helpers --------------------------------------------------------------------------------
    def _spool(self) -> IO[bytes]:
        self.scratch.mkdir(parents=True, exist_ok=True)
        return tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, dir=self.scratch)

    def _download(self, key: str, out: IO[bytes]) -> str:
        digest = hashlib.sha256()
        body = self._get(key)["Body"]
        try:
            while chunk := body.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
        except Exception as exc:  # noqa: BLE001 - a dropped connection mid-download
            raise self._error("读取", key, exc) from exc
        finally:
            body.close()
        return digest.hexdigest()

    def _get(self, key: str) -> dict[str, Any]:
        return self._call("get_object", key, Bucket=self.bucket, Key=self.object_key(key))

    def _head(self, key: str) -> dict[str, Any] | None:
        try:
            return self.client.head_object(Bucket=self.bucket, Key=self.object_key(key))
        except Exception as exc:  # noqa: BLE001
            if _status(exc) == 404:
                return None
            raise self._error("查询", key, exc) from exc

    def _call(self, operation: str, key: str, **kwargs: Any) -> Any:
        try:
            return getattr(self.client, operation)(**kwargs)
        except Exception as exc:  # noqa: BLE001 - botocore's errors become one clear line
            if _status(exc) == 404 or _code(exc) in ("NoSuchKey", "NotFound"):
                raise EvidenceMissing(f"归档文件不存在：{self._where(key)}") from exc
            raise self._error({"put_object": "写入", "copy": "复制", "delete_object": "删除"}.get(operation, "读取"),
                              key, exc) from exc

    def _error(self, what: str, key: str, exc: BaseException) -> StoreError:
        code = _code(exc) or type(exc).__name__
        if code in ("InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "NoCredentialsError"):
            hint = "请检查环境变量 AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY 或 ~/.aws/credentials 中的凭据"
        elif code == "NoSuchBucket":
            hint = f"存储桶 {self.bucket} 不存在：请先创建，或修改 archivist.toml 的 [storage] bucket"
        elif code in ("EndpointConnectionError", "ConnectTimeoutError", "ReadTimeoutError", "ConnectionClosedError"):
            hint = f"无法连接 {self.endpoint}：请检查网络和 [storage] endpoint_url"
        else:
            hint = f"{code}：请检查对象存储服务是否正常"
        return StoreError(f"对象存储{what}失败：{self._where(key)}（{hint}）")


def _client(config: StorageConfig) -> Any:
    try:
        import boto3
        from botocore.config import Config
    except ImportError as exc:
        raise StoreError(
            "archivist.toml 的 [storage] backend = \"s3\" 需要 boto3：请运行 pip install 'archivist[server]'"
        ) from exc
    return boto3.session.Session().client(
        "s3",
        endpoint_url=config.endpoint_url,
        region_name=config.region or "us-east-1",
        config=Config(
            s3={"addressing_style": config.addressing_style}, retries={"max_attempts": 4, "mode": "standard"}
        ),
    )


def _meta_sha(head: dict[str, Any]) -> str | None:
    return (head.get("Metadata") or {}).get(SHA_META)


def _status(exc: BaseException) -> int | None:
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        return response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    return None


def _code(exc: BaseException) -> str | None:
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        return response.get("Error", {}).get("Code")
    return None
