"""Atomic writes: whole files or nothing, short temp names, the umask's mode."""

from __future__ import annotations

import os
import stat

import pytest

from desktop_app.core.fileio import atomic_output, atomic_write_bytes, atomic_write_text, is_temp_name


def test_text_and_bytes_replace_the_target(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    atomic_write_text(target, "olá\n", newline="\r\n")
    assert target.read_bytes() == "olá\r\n".encode("utf-8")
    atomic_write_bytes(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "settings.json"
    target.write_text("{}", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_output(target, "w", encoding="utf-8") as stream:
            stream.write('{"half": ')
            raise RuntimeError("disk full, say")
    assert target.read_text(encoding="utf-8") == "{}"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_the_umask_decides_the_mode(tmp_path):
    old = os.umask(0o022)
    try:
        path = atomic_write_text(tmp_path / "a.srt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_long_name_still_fits(tmp_path):
    name = "n" * 250 + ".srt"  # 254 bytes: the temp name must not be longer than the limit
    path = atomic_write_text(tmp_path / name, "x")
    assert path.read_text() == "x"


def test_temp_names_are_recognised(tmp_path):
    seen: list[str] = []
    with atomic_output(tmp_path / "x.bin") as stream:
        seen = [p.name for p in tmp_path.iterdir()]
        stream.write(b"1")
    assert len(seen) == 1 and is_temp_name(seen[0])
    assert not is_temp_name("tiny.pt.part") and not is_temp_name("x.bin")
