"""What a rebuild reuses: work whose inputs have not changed, kept by content hash in ``.cache/build/``.

A build after one edit should not redo the work of the 1,999 files that did not change. Each
store here maps the sha256 of *everything* a result depends on (the input's bytes, and the
digest of the portal's own code and data, so a new version of the portal never reuses an old
result) to the result, pickled. Reuse can therefore only ever return what the same work would
compute again: a cached build is byte for byte a cold build (tests/test_rebuild.py).

- ``records``: a content file read, validated and checked by its own rules (the cross-file
  rules always run again: they are quick, and one file can change another's verdict);
- ``bodies``: a Markdown body rendered and sanitised (the slowest step of generating pages),
  rendered in a pool of processes, one per core, when many are missing (a cold build).

Each store is a folder of a few files, loaded once and saved with only the entries the build
used, so the cache never grows beyond one site's worth; only the files whose entries changed are
written again. An unreadable or foreign cache file is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Generic, Iterable, TypeVar

from eqportal.forked import can_fork
from eqportal.gcpause import collector_paused

FOLDER = Path(".cache") / "build"  # beside the content folder, like the check cache
CACHE_FORMAT = "1"

T = TypeVar("T")


def cache_folder(content_root: Path) -> Path:
    """``.cache/build`` beside the content folder."""
    return Path(content_root).resolve().parent / FOLDER


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The portal's code, templates and data: a result computed by other code is never reused."""
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    package = resources.files("eqportal")
    root = Path(str(package))
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".yml", ".yaml", ".json", ".md", ".txt", ".svg", ".xml"):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def digest(*parts: str | bytes) -> str:
    """The sha256 of ``parts``, unambiguously joined (each preceded by its length)."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.hexdigest()


def key(*parts: str | bytes) -> str:
    """:func:`digest` of the code digest and ``parts``: a result computed by other code is never reused."""
    return digest(code_digest(), *parts)


class Store:
    """hash -> result, in :data:`SHARDS` pickle files; ``None`` as the folder makes a store that keeps nothing.

    Entries are spread over the files by their hash, so after one edit a save rewrites the one or
    two files whose entries changed, not the whole store (hundreds of megabytes at a county's scale).
    """

    def __init__(self, folder: Path | None, name: str) -> None:
        self.folder = Path(folder) / name if folder is not None else None
        self._old: dict[str, Any] = {}
        self._used: dict[str, Any] = {}
        self._old_shards: dict[int, set[str]] = {}
        self._dirty: set[int] = set()
        self.hits = self.misses = 0
        if self.folder is not None:
            self._legacy = Path(folder) / f"{name}.pickle"  # one file, as before shards
            for shard in range(SHARDS):
                entries = self._load(self.folder / f"{shard:02x}.pickle")
                self._old.update(entries)
                self._old_shards[shard] = set(entries)

    @staticmethod
    def load_shard(folder: Path, shard: int) -> dict[str, Any]:
        """The entries of one file of the store at ``folder`` (empty if missing, damaged or from other code)."""
        return Store._load(Path(folder) / f"{shard:02x}.pickle")

    @staticmethod
    def _load(path: Path) -> dict[str, Any]:
        try:
            with path.open("rb") as handle, collector_paused():
                loaded = pickle.load(handle)
            if isinstance(loaded, dict) and loaded.get("code") == code_digest() and isinstance(loaded.get("entries"), dict):
                return loaded["entries"]
        except Exception:  # noqa: BLE001 - a missing, damaged or foreign file is only a slower build
            pass
        return {}

    def get(self, digest: str, default: Any = None) -> Any:
        if digest in self._used:
            return self._used[digest]
        if digest in self._old:
            self.hits += 1
            self._used[digest] = self._old[digest]
            return self._used[digest]
        self.misses += 1
        return default

    def __contains__(self, digest: str) -> bool:
        return digest in self._used or digest in self._old

    def put(self, digest: str, value: Any) -> None:
        self._used[digest] = value
        self._dirty.add(shard_of(digest))

    def save(self) -> None:
        """Write the entries this build used (and no others), atomically, each file only if what it holds changed."""
        if self.folder is None:
            return
        shards: dict[int, dict[str, Any]] = {shard: {} for shard in range(SHARDS)}
        for digest, value in self._used.items():
            shards[shard_of(digest)][digest] = value
        for shard, entries in shards.items():
            path = self.folder / f"{shard:02x}.pickle"
            if shard not in self._dirty and entries.keys() == self._old_shards.get(shard, set()) and (entries or path.exists()):
                continue
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
            with tmp.open("wb") as handle, collector_paused():
                pickle.dump({"code": code_digest(), "entries": entries}, handle, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        self._legacy.unlink(missing_ok=True)


SHARDS = 16


def shard_of(digest: str) -> int:
    """Which of a store's files holds ``digest``: stable across runs (unlike ``hash``)."""
    return zlib.crc32(digest.encode()) % SHARDS


def workers() -> int:
    return max(1, os.cpu_count() or 1)


def compute_all(items: list[tuple[str, Any]], store: Store, work: Callable[[Any], T], *, pool_from: int = 64) -> None:
    """Fill ``store`` with ``work(argument)`` for every ``(digest, argument)`` it does not hold yet.

    With ``pool_from`` or more missing and more than one core, the work is spread over a pool of
    processes: forked where that is safe (no other thread; nothing to import again), else spawned
    (a fresh interpreter, safe beside MkDocs' and the checker's threads). ``work`` must be a
    module-level function so the pool can find it.
    """
    missing: dict[str, Any] = {}
    for digest, argument in items:
        if digest not in store and digest not in missing:
            missing[digest] = argument
    if not missing:
        for digest, _ in items:
            store.get(digest)  # mark as used, so it is kept
        return
    for digest, _ in items:
        if digest not in missing:
            store.get(digest)
    if len(missing) >= pool_from and workers() > 1:
        import concurrent.futures
        import multiprocessing

        count = workers()
        chunk = max(1, len(missing) // (count * 4))
        method = "fork" if can_fork() else "spawn"
        with concurrent.futures.ProcessPoolExecutor(count, mp_context=multiprocessing.get_context(method)) as pool:
            results = pool.map(work, missing.values(), chunksize=chunk)
            for digest, result in zip(missing, results):
                store.put(digest, result)
    else:
        for digest, argument in missing.items():
            store.put(digest, work(argument))


@dataclass(frozen=True)
class Packed(Generic[T]):
    """A value kept pickled inside a build-cache entry: read back with the entry as one string of bytes,
    made into objects again only if it is used (:meth:`value`).

    For what a rebuild seldom needs of a kept entry: reading back thousands of small objects costs
    far more than one string of bytes.
    """

    data: bytes

    @classmethod
    def of(cls, value: T) -> Packed[T]:
        return cls(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def value(self) -> T:
        return pickle.loads(self.data)


def unique(items: Iterable[T]) -> list[T]:
    return list(dict.fromkeys(items))
