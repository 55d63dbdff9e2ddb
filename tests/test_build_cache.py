"""The build cache (``.cache/build/``): what a rebuild reuses, and what it writes again."""

from __future__ import annotations

import time
from pathlib import Path


def test_the_build_cache_rewrites_only_the_files_whose_entries_changed(tmp_path: Path):
    """After one edit a save writes one or two of a store's files, not hundreds of megabytes; what it
    keeps is exactly what the build used."""
    from eqportal.buildcache import SHARDS, Store, shard_of

    store = Store(tmp_path, "records")
    for i in range(200):
        store.put(f"{i:064x}", {"record": i})
    store.save()
    files = sorted((tmp_path / "records").glob("*.pickle"))
    assert len(files) == SHARDS
    written = {path.name: path.stat().st_mtime_ns for path in files}

    assert Store(tmp_path, "records").get(f"{7:064x}") == {"record": 7}
    again = Store(tmp_path, "records")
    assert f"{7:064x}" in again  # held, but not used by this build
    for i in range(200):
        if i != 7:
            again.get(f"{i:064x}")  # used again: kept
    again.put("edited", {"record": "new"})  # one file changed: its entry goes, another comes
    time.sleep(0.01)
    again.save()
    rewritten = {p.name for p in (tmp_path / "records").glob("*.pickle") if p.stat().st_mtime_ns != written.get(p.name)}
    assert rewritten == {f"{shard_of(f'{7:064x}'):02x}.pickle", f"{shard_of('edited'):02x}.pickle"}

    last = Store(tmp_path, "records")
    assert last.get(f"{7:064x}") is None and last.get("edited") == {"record": "new"} and last.get(f"{8:064x}") == {"record": 8}
    untouched = Store(tmp_path, "records")
    untouched.save()  # nothing used, nothing put: every entry goes
    assert Store(tmp_path, "records").get(f"{8:064x}") is None
