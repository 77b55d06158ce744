"""settings.json as people and crashes leave it: every field checked, a bad one replaced by its default."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import Enum
from pathlib import Path

import pytest

from desktop_app.core.settings import Limits, Settings, read_settings, save_settings
from desktop_app.core.typed_json import from_json


@pytest.fixture
def settings_file(tmp_path) -> Path:
    return tmp_path / "settings.json"


@pytest.mark.parametrize("content", ["[]", "null", "42", '"text"', "{", "\xff\xfe"])
def test_a_file_that_isnt_an_object_gives_the_defaults_and_says_so(settings_file, content):
    settings_file.write_bytes(content.encode("latin-1"))
    settings, problems = read_settings(settings_file)
    assert settings == Settings()
    assert len(problems) == 1 and str(settings_file) in problems[0]


@pytest.mark.parametrize(
    ("data", "field_name"),
    [({"limits": 5}, "'limits'"),
     ({"task": "bogus"}, "'task'"),
     ({"cache_max_bytes": "big"}, "'cache_max_bytes'"),
     ({"cache_max_bytes": 1e999}, "'cache_max_bytes'"),
     ({"word_timestamps": 1}, "'word_timestamps'"),
     ({"device": "gpu"}, "'device'"),
     ({"extraction_concurrency": 0}, "'extraction_concurrency'"),
     ({"limits": {"max_retries": -1}}, "'limits.max_retries'"),
     ({"limits": {"probe_timeout_s": float("nan")}}, "'limits.probe_timeout_s'"),
     ({"ui_language": ["pt"]}, "'ui_language'")],
)  # fmt: skip
def test_a_bad_field_gets_its_default_and_a_warning_naming_file_and_field(settings_file, data, field_name):
    data = {**data, "language": "pt"}  # a good field next to it is kept
    settings_file.write_text(json.dumps(data), encoding="utf-8")
    settings, problems = read_settings(settings_file)
    assert settings.language == "pt"
    assert len(problems) == 1, problems
    assert str(settings_file) in problems[0] and field_name in problems[0]
    assert "default" in problems[0]
    good = {k: v for k, v in asdict(settings).items() if k != "language"}
    assert good == {k: v for k, v in asdict(Settings()).items() if k != "language"}


def test_what_the_app_saves_reads_back_without_a_problem(settings_file):
    saved = Settings(model="tiny.en", device="cuda:1", task="translate", ui_language="pt_BR",
                     limits=Limits(max_retries=0, probe_timeout_s=2.5), cache_max_bytes=0)  # fmt: skip
    save_settings(saved, settings_file)
    assert read_settings(settings_file) == (saved, [])


def test_unknown_keys_from_a_newer_version_are_ignored(settings_file):
    settings_file.write_text('{"future_option": {"x": 1}, "task": "translate"}', encoding="utf-8")
    assert read_settings(settings_file) == (Settings(task="translate"), [])


def test_a_missing_file_is_the_defaults_quietly(settings_file):
    assert read_settings(settings_file) == (Settings(), [])


# --- the check is generic: a new plain typed field needs no code of its own ---


class Color(str, Enum):
    RED = "red"
    BLUE = "blue"


@dataclass(frozen=True)
class Window:
    width: int = 800
    ratio: float = 1.5


@dataclass(frozen=True)
class FutureSettings:
    port: int = 8000
    name: str = "x"
    verbose: bool = False
    speakers: int | None = None
    color: Color = Color.RED
    recent: tuple[str, ...] = ()
    folder: Path = Path("out")
    window: Window = Window()
    font_size: int = field(default=12, metadata={"min": 6, "max": 72})
    mode: str = field(default="a", metadata={"choices": ("a", "b")})


def test_new_fields_are_checked_from_their_annotations_alone():
    good = {"port": 9000, "name": "y", "verbose": True, "speakers": 3, "color": "blue",
            "recent": ["a.wav"], "folder": "/tmp/o", "window": {"width": 1024, "ratio": 2},
            "font_size": 20, "mode": "b"}  # fmt: skip
    built, problems = from_json(FutureSettings, good, "future.json")
    assert problems == []
    assert built == FutureSettings(9000, "y", True, 3, Color.BLUE, ("a.wav",), Path("/tmp/o"),
                                   Window(1024, 2.0), 20, "b")  # fmt: skip

    bad = {"port": "80", "name": 5, "verbose": "yes", "speakers": 2.5, "color": "green",
           "recent": "a.wav", "folder": 3, "window": {"width": True, "ratio": 1},
           "font_size": 500, "mode": "c"}  # fmt: skip
    built, problems = from_json(FutureSettings, bad, "future.json")
    assert built == FutureSettings(window=Window(ratio=1.0))
    named = {p.split("'")[1] for p in problems}
    assert named == {"port", "name", "verbose", "speakers", "color", "recent", "folder",
                     "window.width", "font_size", "mode"}  # fmt: skip
    assert all(p.startswith("future.json: ") for p in problems)
