"""The benchmark tells a slow disk from slow code: the disk's busy time is printed beside each portal build.

On a shared machine the disk sometimes stalls for a second or more, and a rebuild measured then is
the disk's time, not the code's (scripts/bench_build.py's ``Disk`` says what was seen).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).parent.parent / "scripts"


@pytest.fixture()
def bench():
    sys.path.insert(0, str(SCRIPTS))
    try:
        import bench_build

        yield bench_build
    finally:
        sys.path.remove(str(SCRIPTS))


def test_each_portal_builds_disk_time_is_printed_beside_its_own_time(bench):
    row = bench.Row(2000)
    before = [0] * 11
    row.note_disk("cold", bench.Run(29.2, 690, "", disk=bench.disk_between(before, [0, 0, 410_000, 0, 0, 0, 0, 0, 0, 3_100, 0])))
    row.note_disk("rebuild after one edit", bench.Run(10.86, 200, "", disk=bench.disk_between(before, [0, 0, 80_000, 0, 0, 0, 0, 0, 0, 9_400, 0])))
    assert row.disk_line() == (
        "N=2000: the disk was busy (for any process) during the portal builds: cold 3.1 s of 29.20 s (210 MB read); "
        "rebuild after one edit 9.4 s of 10.86 s (41 MB read)"
    )


def test_where_the_system_keeps_no_disk_counters_nothing_is_said_of_the_disk(bench, tmp_path: Path):
    assert bench.disk_counters(Path("/proc")) is None  # no block device holds /proc
    assert bench.disk_between(None, [0] * 11) is None
    row = bench.Row(500)
    row.note_disk("cold", bench.Run(9.8, 223, ""))
    assert row.disk_line() is None


def test_the_counters_of_the_disk_holding_a_folder_are_read_where_linux_keeps_them(bench, tmp_path: Path):
    counters = bench.disk_counters(tmp_path)
    if counters is None:
        pytest.skip("this system keeps no block device counters for the temporary folder (tmpfs, or not Linux)")
    assert len(counters) >= 11 and all(value >= 0 for value in counters)
