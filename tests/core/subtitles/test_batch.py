"""Batch export: one set of files per job, collisions, failures by name, remembered plans."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pysubs2
import pytest

from desktop_app.core.subtitles.batch import (
    ExportJob,
    ExportPlan,
    export_batch,
    load_plan,
    save_plan,
    targets,
)
from desktop_app.core.subtitles.export import CollisionPolicy, ExportOptions, write_file
from desktop_app.core.subtitles.shaping import ShapeOptions
from desktop_app.core.transcript import Segment, Transcript

TEXT = [
    " The quick brown fox jumps over the lazy dog near the river bank today.",
    " Olá, você já comeu pão de açúcar?",
    " 今天天气很好",
]


def transcript(lang: str = "en") -> Transcript:
    segments = tuple(Segment(i * 4.0, i * 4.0 + 3.5, t) for i, t in enumerate(TEXT))
    return Transcript(segments, lang, 12.0)


def job(folder: Path, name: str) -> ExportJob:
    folder.mkdir(parents=True, exist_ok=True)
    return ExportJob(folder / name, transcript())


def test_writes_one_set_per_job_next_to_each_source(tmp_path):
    jobs = [job(tmp_path / "a", "one.mp4"), job(tmp_path / "b", "two.wav")]
    plan = ExportPlan(formats=("srt", "vtt", "ass", "txt"), collision=CollisionPolicy.OVERWRITE)
    result = export_batch(jobs, plan)
    assert not result.failures
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [
        "one.en.ass", "one.en.srt", "one.en.txt", "one.en.vtt"
    ]
    for folder, stem in (("a", "one"), ("b", "two")):
        for ext in ("srt", "vtt", "ass", "txt"):
            assert (tmp_path / folder / f"{stem}.en.{ext}").is_file()
    assert len(result.written) == 8
    assert result.folders == [tmp_path / "a", tmp_path / "b"]
    subs = pysubs2.load(str(tmp_path / "a" / "one.en.srt"))
    assert " ".join(e.plaintext.replace("\n", " ") for e in subs) == " ".join(t.strip() for t in TEXT)


def test_a_failing_job_is_named_and_the_others_are_written(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a regular file where a folder should be")
    bad = ExportJob(blocker / "sub" / "bad.mp4", transcript())  # its folder can't exist
    good = [job(tmp_path / "ok1", "first.mp4"), job(tmp_path / "ok2", "second.mp4")]
    seen = []
    result = export_batch([good[0], bad, good[1]], ExportPlan(formats=("srt", "json")),
                          progress=lambda done, total, name: seen.append((done, total, name)) or True)
    assert [f.job for f in result.failures] == ["bad.mp4", "bad.mp4"]
    assert "bad.en.srt" in result.failures[0].message and "Choose another folder" in result.failures[0].message
    assert "bad.mp4: Could not write" in str(result.failures[0])
    assert {p.name for p in result.written} == {"first.en.srt", "first.en.json", "second.en.srt", "second.en.json"}
    assert seen == [(0, 3, "first.mp4"), (1, 3, "bad.mp4"), (2, 3, "second.mp4"), (3, 3, "")]


def test_chosen_folder_is_created_and_an_impossible_one_fails_every_job(tmp_path):
    jobs = [job(tmp_path / "src", "a.mp4"), job(tmp_path / "src", "b.mp4")]
    result = export_batch(jobs, ExportPlan(formats=("srt",), folder=tmp_path / "out" / "deep"))
    assert [p.name for p in result.written] == ["a.en.srt", "b.en.srt"]
    (tmp_path / "file").write_text("x")
    result = export_batch(jobs, ExportPlan(formats=("srt",), folder=tmp_path / "file" / "out"))
    assert [f.job for f in result.failures] == ["a.mp4", "b.mp4"]
    assert not result.written


@pytest.mark.parametrize(
    "policy, expect_names, expect_old",
    [
        (CollisionPolicy.SKIP, ["a.en.srt"], True),
        (CollisionPolicy.OVERWRITE, ["a.en.srt"], False),
        (CollisionPolicy.NUMBER, ["a.en.srt", "a.en (2).srt"], True),
    ],
)
def test_collision_policies(tmp_path, policy, expect_names, expect_old):
    j = job(tmp_path, "a.mp4")
    (tmp_path / "a.en.srt").write_text("old", encoding="utf-8")
    result = export_batch([j], ExportPlan(formats=("srt",), collision=policy))
    assert sorted(p.name for p in tmp_path.glob("*.srt")) == sorted(expect_names)
    assert ((tmp_path / "a.en.srt").read_text(encoding="utf-8") == "old") is expect_old
    if policy is CollisionPolicy.SKIP:
        assert result.skipped == [tmp_path / "a.en.srt"] and not result.written


def test_ask_calls_decide_only_for_existing_files(tmp_path):
    j = job(tmp_path, "a.mp4")
    (tmp_path / "a.en.srt").write_text("old", encoding="utf-8")
    asked = []

    def decide(path):
        asked.append(path.name)
        return CollisionPolicy.OVERWRITE

    result = export_batch([j], ExportPlan(formats=("srt", "vtt")), decide=decide)
    assert asked == ["a.en.srt"]
    assert len(result.written) == 2
    assert (tmp_path / "a.en.srt").read_text(encoding="utf-8") != "old"


def test_progress_can_stop_the_batch(tmp_path):
    jobs = [job(tmp_path, f"{i}.mp4") for i in range(3)]
    result = export_batch(jobs, ExportPlan(formats=("txt",)), progress=lambda done, total, name: done < 1)
    assert result.cancelled and [p.name for p in result.written] == ["0.en.txt"]


def test_batch_writes_what_write_file_writes(tmp_path):
    """Same bytes as the function the CLI calls, for every format and option set."""
    shape = ShapeOptions(max_chars_per_line=20, max_lines_per_cue=1, min_gap_s=0.1)
    export = ExportOptions(encoding="utf-8-sig", newline="\r\n", txt_timestamps=True)
    j = job(tmp_path / "src", "clip.mp4")
    plan = ExportPlan(formats=("srt", "vtt", "txt", "tsv", "json", "ass"), shape=shape, export=export,
                      folder=tmp_path / "out", pattern="{name}-{lang}.{ext}")
    export_batch([j], plan)
    for fmt, path in targets(j, plan):
        expected = write_file(j.transcript, tmp_path / f"expected.{fmt}", fmt, shape, export)
        assert path.read_bytes() == expected.read_bytes(), fmt
    raw = (tmp_path / "out" / "clip-en.srt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    for event in pysubs2.load(str(tmp_path / "out" / "clip-en.srt")):
        assert all(len(line) <= 20 for line in event.plaintext.split("\n"))


def test_plan_round_trips_and_bad_files_fall_back(tmp_path):
    plan = ExportPlan(
        formats=("vtt", "ass"),
        shape=ShapeOptions(max_chars_per_line=30, max_lines_per_cue=3, highlight_words=True,
                           split_on_pauses_s=None),
        export=ExportOptions(encoding="utf-8-sig", newline="\r\n"),
        folder=tmp_path / "subs",
        pattern="{name}_{lang}.{ext}",
        collision=CollisionPolicy.SKIP,
    )
    save_plan(plan, tmp_path / "cfg" / "export.json")
    assert load_plan(tmp_path / "cfg" / "export.json") == plan
    assert load_plan(tmp_path / "missing.json") == ExportPlan()
    (tmp_path / "junk.json").write_text("{not json")
    assert load_plan(tmp_path / "junk.json") == ExportPlan()
    data = plan.to_dict()
    data["shape"]["max_chars_per_line"] = -3  # invalid: the shape falls back, the rest is kept
    data["formats"] = ["srt", "doc"]
    data["pattern"] = "{name}/{ext}"
    data["collision"] = "explode"
    loaded = ExportPlan.from_dict(data)
    assert loaded.shape == ShapeOptions()
    assert loaded.formats == ("srt",)
    assert loaded.pattern == ExportPlan().pattern
    assert loaded.collision is CollisionPolicy.ASK
    assert loaded.export == plan.export and loaded.folder == plan.folder


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="doc"):
        replace(ExportPlan(), formats=("doc",))
