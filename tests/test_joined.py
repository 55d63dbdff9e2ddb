"""Open data is written part by part: the file holds exactly the parts joined, however they fall."""

from __future__ import annotations

import os

from eqportal.joined import Joined, as_bytes


def test_a_file_written_part_by_part_is_the_parts_joined(tmp_path):
    parts = [os.urandom(n) for n in (0, 1, 7, 4096, 70_000, 3)] * 700  # more parts than one system call takes
    joined = Joined.of(parts)
    path = tmp_path / "data.json"
    path.write_bytes(b"an older, longer file" * 100_000)
    joined.write_to(path)
    assert path.read_bytes() == b"".join(parts) == bytes(joined)
    assert len(joined) == sum(map(len, parts))


def test_a_short_write_is_finished(tmp_path, monkeypatch):
    """A write may take fewer bytes than it was given (a signal, a full pipe): the rest is written after it."""
    real = os.writev
    monkeypatch.setattr(os, "writev", lambda fd, buffers: real(fd, [bytes(buffers[0])[:5]]) if len(buffers[0]) > 5 else real(fd, buffers[:1]))
    parts = [b"first part", b"", b"2nd", b"the third and last part"]
    Joined.of(parts).write_to(tmp_path / "out")
    assert (tmp_path / "out").read_bytes() == b"".join(parts)


def test_any_content_is_written_as_utf8():
    assert as_bytes("café") == "café".encode() and as_bytes(b"\xff") == b"\xff" and as_bytes(Joined((b"a", b"b"))) == b"ab"
