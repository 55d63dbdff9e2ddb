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

from eqportal.cachedir import READ_IN_PART
from eqportal.forked import can_fork
from eqportal.gcpause import collector_paused

CACHE_FORMAT = "2"  # 2: each file opens with the hashes it holds

T = TypeVar("T")


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

    Each file opens with the list of the hashes it holds, so a ``lazy`` store reads only those lists
    at first, and a file's entries when one of them is asked for (:meth:`get`) or must be written
    again (:meth:`save`). :meth:`keep` marks an entry used without reading it: for big results a
    rebuild seldom needs (the HTML of kept pages), whose files would cost more to read than to skip.
    """

    def __init__(self, folder: Path | None, name: str, *, lazy: bool = False) -> None:
        self.folder = Path(folder) / name if folder is not None else None
        self.lazy = lazy
        self._old: dict[str, Any] = {}  # the entries of the files read so far
        self._read_shards: set[int] = set()
        self._used: dict[str, Any] = {}
        self._kept: set[str] = set()  # used, but not read (lazy)
        self._old_shards: dict[int, set[str]] = {}  # what each file holds
        self._dirty: set[int] = set()
        self.hits = self.misses = 0
        if self.folder is not None:
            self._legacy = Path(folder) / f"{name}.pickle"  # one file, as before shards
            for shard in range(SHARDS):
                if lazy:
                    self._old_shards[shard] = set(self._load(self.folder / f"{shard:02x}.pickle", entries=False))
                else:
                    self._read(shard)

    @staticmethod
    def load_shard(folder: Path, shard: int) -> dict[str, Any]:
        """The entries of one file of the store at ``folder`` (empty if missing, damaged or from other code)."""
        return Store._load(Path(folder) / f"{shard:02x}.pickle")

    @staticmethod
    def _load(path: Path, *, entries: bool = True) -> dict[str, Any]:
        """The file's entries; without ``entries``, only their hashes (as keys, with None)."""
        try:
            with path.open("rb") as handle, collector_paused():
                head = pickle.load(handle)
                if isinstance(head, dict) and head.get("code") == code_digest() and isinstance(head.get("digests"), list):
                    if not entries:
                        return dict.fromkeys(head["digests"])
                    loaded = pickle.load(handle)
                    if isinstance(loaded, dict):
                        return loaded
        except Exception:  # noqa: BLE001 - a missing, damaged or foreign file is only a slower build
            pass
        return {}

    def _read(self, shard: int) -> None:
        """One file's entries, read once."""
        if shard in self._read_shards or self.folder is None:
            return
        self._read_shards.add(shard)
        entries = self._load(self.folder / f"{shard:02x}.pickle")
        self._old.update(entries)
        self._old_shards[shard] = set(entries)

    def get(self, digest: str, default: Any = None) -> Any:
        if digest in self._used:
            return self._used[digest]
        if digest in self._old_shards.get(shard_of(digest), ()):
            self._read(shard_of(digest))
        if digest in self._old:
            if digest not in self._kept:
                self.hits += 1  # a kept one was counted by keep()
            self._kept.discard(digest)
            self._used[digest] = self._old[digest]
            return self._used[digest]
        self.misses += 1
        return default

    def keep(self, digest: str) -> bool:
        """Whether the store holds ``digest``; if so it is used (so kept), without reading its file."""
        if digest in self._used or digest in self._kept:
            return True
        if digest in self._old_shards.get(shard_of(digest), ()):
            self.hits += 1
            self._kept.add(digest)
            return True
        return False

    def __contains__(self, digest: str) -> bool:
        return digest in self._used or digest in self._kept or digest in self._old_shards.get(shard_of(digest), ())

    def put(self, digest: str, value: Any) -> None:
        self._used[digest] = value
        self._kept.discard(digest)
        self._dirty.add(shard_of(digest))

    def save(self) -> None:
        """Write the entries this build used (and no others), atomically, each file only if what it holds changed."""
        if self.folder is None:
            return
        shards: dict[int, dict[str, Any]] = {shard: {} for shard in range(SHARDS)}
        for digest, value in self._used.items():
            shards[shard_of(digest)][digest] = value
        kept: dict[int, set[str]] = {shard: set() for shard in range(SHARDS)}
        for digest in self._kept:
            kept[shard_of(digest)].add(digest)
        for shard, entries in shards.items():
            path = self.folder / f"{shard:02x}.pickle"
            names = entries.keys() | kept[shard]
            if shard not in self._dirty and names == self._old_shards.get(shard, set()) and (names or path.exists()):
                continue
            if kept[shard]:
                self._read(shard)  # entries kept unread are written again: read them now
                entries.update((digest, self._old[digest]) for digest in kept[shard] if digest in self._old)
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
            with tmp.open("wb") as handle, collector_paused():
                pickle.dump({"code": code_digest(), "digests": list(entries)}, handle, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(entries, handle, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        if self.lazy and self.folder.is_dir():
            (self.folder / READ_IN_PART).touch()
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
            store.keep(digest)  # mark as used, so it is kept (a lazy store does not read it)
        return
    for digest, _ in items:
        if digest not in missing:
            store.keep(digest)
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
