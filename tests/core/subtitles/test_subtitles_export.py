"""Export: options, output names, collision policies and atomic writes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from desktop_app.core.subtitles import export
from desktop_app.core.subtitles.export import (
    CollisionPolicy,
    ExportOptions,
    output_name,
    resolve_collision,
    write_file,
)
from desktop_app.core.transcript import Segment, Transcript

T = Transcript((Segment(0.0, 1.0, " Olá, mundo."),), "pt")


def test_export_options_refuse_unknown_encodings_and_newlines() -> None:
    with pytest.raises(ValueError, match="Encoding"):
        ExportOptions(encoding="latin-1")
    with pytest.raises(ValueError, match="Line endings"):
        ExportOptions(newline="\r")


@pytest.mark.parametrize("pattern,lang,expected", [
    ("{name}.{ext}", "en", "talk.srt"),
    ("{name}.{lang}.{ext}", "en", "talk.en.srt"),
    ("{name}.{lang}.{ext}", "", "talk.srt"),
    ("{lang}_{name}.{ext}", "", "talk.srt"),
    ("{name} [{lang}].{ext}", "pt", "talk [pt].srt"),
])
def test_output_name_pattern(pattern: str, lang: str, expected: str) -> None:
    assert output_name(Path("/media/talk.mp4"), pattern, lang=lang, ext="srt") == expected


def test_output_name_refuses_unknown_fields_and_folders() -> None:
    with pytest.raises(ValueError, match="only {name}, {lang} and {ext}"):
        output_name(Path("a.mp4"), "{name.__class__}.{ext}")
    with pytest.raises(ValueError, match="only"):
        output_name(Path("a.mp4"), "{date}.{ext}")
    with pytest.raises(ValueError, match="folder separators"):
        output_name(Path("a.mp4"), "sub/{name}.{ext}")


def test_collision_policies(tmp_path: Path) -> None:
    target = tmp_path / "talk.en.srt"
    for policy in CollisionPolicy:
        assert resolve_collision(target, policy) == target  # nothing there yet
    target.write_text("old")
    assert resolve_collision(target, CollisionPolicy.OVERWRITE) == target
    assert resolve_collision(target, CollisionPolicy.SKIP) is None
    assert resolve_collision(target, CollisionPolicy.NUMBER) == tmp_path / "talk.en (2).srt"
    (tmp_path / "talk.en (2).srt").write_text("old")
    assert resolve_collision(target, CollisionPolicy.NUMBER) == tmp_path / "talk.en (3).srt"
    with pytest.raises(ValueError, match="ASK"):
        resolve_collision(target, CollisionPolicy.ASK)


def test_write_file_replaces_atomically(tmp_path: Path) -> None:
    target = tmp_path / "talk.srt"
    target.write_text("old")
    assert write_file(T, target, "srt") == target
    assert "Olá, mundo." in target.read_text(encoding="utf-8")
    assert sorted(tmp_path.iterdir()) == [target]


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "talk.srt"
    target.write_text("old")

    class Broken:
        def write(self, source, stream: io.TextIOBase) -> None:
            stream.write("half")
            raise OSError("disk full")

    monkeypatch.setattr(export, "get_writer", lambda *a, **k: Broken())
    with pytest.raises(OSError, match="disk full"):
        write_file(T, target, "srt")
    assert target.read_text() == "old"
    assert sorted(tmp_path.iterdir()) == [target]


def test_free_output_path_numbers_only_taken_names_like_the_number_policy(tmp_path):
    from desktop_app.core.hashing import real_path
    from desktop_app.core.subtitles.export import free_output_path

    target = tmp_path / "x.srt"
    assert free_output_path(target, set()) == target
    target.write_text("from an earlier run")  # not taken: a re-run writes over its own old output
    assert free_output_path(target, set()) == target
    (tmp_path / "x (2).srt").write_text("on disk already")
    taken = {real_path(target), real_path(tmp_path / "x (3).srt")}  # (3): taken, not yet written
    assert free_output_path(target, taken) == tmp_path / "x (4).srt"
    link = tmp_path / "link.srt"
    link.symlink_to(target)
    assert free_output_path(link, taken) == tmp_path / "link (2).srt"  # the same file by another name
