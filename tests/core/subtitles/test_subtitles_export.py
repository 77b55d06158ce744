"""Export: options, output names, collision policies and atomic writes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.subtitles.export import (
    CollisionPolicy,
    ExportOptions,
    check_name_pattern,
    output_name,
    resolve_collision,
    write_file,
)
from desktop_app.core.transcript import Segment, Transcript

REPO = Path(__file__).resolve().parents[3]
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


def test_one_pattern_check_for_the_dialog_and_saved_plans() -> None:
    check_name_pattern("{name}.{lang}.{ext}")
    for bad in ("{name}/{ext}", "{date}.{ext}", "{lang}", "{name", ""):
        with pytest.raises(ValueError):
            check_name_pattern(bad)


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


# A real "disk full": the child may not write files over 2 KB, so the writer fails half-way.
_FULL_DISK_CHILD = """
import resource, signal, sys
from pathlib import Path
from desktop_app.core.subtitles.export import write_file
from desktop_app.core.transcript import Segment, Transcript
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))
long = Transcript(tuple(Segment(i, i + 1.0, f" line {i} " * 8) for i in range(200)), "en")
try:
    write_file(long, Path(sys.argv[1]), "srt")
except OSError as exc:
    print("failed:", exc.strerror)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "talk.srt"
    target.write_text("old")
    done = subprocess.run([sys.executable, "-c", _FULL_DISK_CHILD, str(target)], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PYTHONPATH": str(REPO)})  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("failed: File too large")
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
