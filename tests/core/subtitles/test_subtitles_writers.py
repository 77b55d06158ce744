"""Writers: each format's shape, markup escaping, karaoke, and non-ASCII files with BOM and CRLF."""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

import pysubs2
import pytest

from desktop_app.core.subtitles import FORMATS, ExportOptions, ShapeOptions, get_writer, write_file
from desktop_app.core.subtitles.shaping import shape_cues
from desktop_app.core.subtitles.writers import ass_timestamp
from desktop_app.core.transcript import Segment, Transcript, Word

SAMPLES = {
    "pt": " Não há ação sem coração; você é a razão. Três maçãs à beira-mar!",
    "zh": "今天天气很好。我们去公园吧！然后一起吃饭。",
    "ja": "きょうはいい天気ですね。こうえんに行きましょう！",
    "ar": " مرحبا بالعالم. كيف حالك اليوم؟ شكرا جزيلا.",
    "he": " שלום עולם. מה שלומך היום? תודה רבה.",
}


def transcript(text: str, lang: str = "en", start: float = 1.0) -> Transcript:
    half = len(text) // 2
    cut = text.rfind(" ", 0, half) if " " in text.strip() else half
    cut = cut if cut > 0 else half
    return Transcript((Segment(start, start + 4.0, text[:cut]),
                       Segment(start + 4.5, start + 9.0, text[cut:])), lang)


def written(fmt: str, source, shape: ShapeOptions = ShapeOptions(), **kw) -> str:
    stream = io.StringIO()
    get_writer(fmt, shape, **kw).write(source, stream)
    return stream.getvalue()


def test_registry_knows_every_format() -> None:
    assert set(FORMATS) == {"txt", "srt", "vtt", "tsv", "json", "ass", "maxqda", "docx"}
    for fmt in FORMATS:
        assert get_writer(fmt).extension == ("maxqda.txt" if fmt == "maxqda" else fmt)
    assert get_writer(".SRT").extension == "srt"
    with pytest.raises(ValueError, match="choose one of"):
        get_writer("odt")


def test_subtitle_formats_say_they_write_cues() -> None:
    assert {fmt for fmt in FORMATS if get_writer(fmt).cue_based} == {"srt", "vtt", "ass"}


def test_txt_tsv_and_json_follow_whisper() -> None:
    t = transcript(" Hello there.\tGeneral Kenobi.")
    assert written("txt", t) == "Hello\nthere. General Kenobi.\n"
    assert written("txt", t, timestamps=True).startswith("[00:00:01.000 --> 00:00:05.000] Hello\n")
    tsv = written("tsv", t).splitlines()
    assert tsv[0] == "start\tend\ttext" and tsv[2] == "5500\t10000\tthere. General Kenobi."
    data = json.loads(written("json", t))
    assert data["language"] == "en" and data["text"] == "".join(s["text"] for s in data["segments"])
    assert Transcript.from_dict(data) == t  # our reader takes whisper's JSON back


def test_json_has_openai_whispers_keys_and_our_extras() -> None:
    words = (Word(0.0, 0.4, " Hello", 0.9), Word(0.5, 1.0, " there.", 0.8))
    segment = Segment(0.0, 1.0, " Hello there.", words, seek=0, tokens=(50364, 2425, 456, 13),
                      temperature=0.2, avg_logprob=-0.31, compression_ratio=0.8, no_speech_prob=0.01)
    t = Transcript((segment, Segment(1.0, 2.0, " Bye.")), "en", 2.0, engine="faster-whisper")
    data = json.loads(written("json", t))
    assert list(data) == ["text", "segments", "language", "duration", "engine"]
    assert data["text"] == " Hello there. Bye."  # not stripped: the join of the segments' texts
    first, second = data["segments"]
    assert list(first) == ["id", "seek", "start", "end", "text", "tokens", "temperature", "avg_logprob",
                           "compression_ratio", "no_speech_prob", "words"]  # fmt: skip
    assert (first["id"], second["id"], first["tokens"], first["temperature"]) == (0, 1, [50364, 2425, 456, 13], 0.2)
    assert first["words"][0] == {"word": " Hello", "start": 0.0, "end": 0.4, "probability": 0.9}
    assert Transcript.from_dict(data) == t


def test_vtt_header_and_escaping() -> None:
    t = Transcript((Segment(0, 2, " a <b> & c --> d"),), "en")
    vtt = written("vtt", t)
    assert vtt.startswith("WEBVTT\n\n00:00.000 --> 00:02.000\n")
    assert "a &lt;b&gt; &amp; c --&gt; d" in vtt
    srt = written("srt", t)
    assert "c -> d" in srt and srt.count("-->") == 1


def test_ass_has_full_header_and_escapes_override_braces() -> None:
    t = Transcript((Segment(0, 2, r" a {\b1} b"),), "en")
    ass = written("ass", t)
    for section in ("[Script Info]", "[V4+ Styles]", "[Events]", "Style: Default,"):
        assert section in ass
    subs = pysubs2.SSAFile.from_string(ass)
    assert "Default" in subs.styles and subs[0].plaintext == "a ｛＼b1｝ b"
    assert ass_timestamp(3723.456) == "1:02:03.46"


def karaoke_transcript() -> Transcript:
    ws = (Word(1.0, 1.5, " one"), Word(1.6, 2.0, " two"), Word(2.0, 2.6, " three."))
    return Transcript((Segment(1.0, 2.6, " one two three.", ws),), "en")


def test_srt_karaoke_underlines_each_word_like_whisper() -> None:
    srt = written("srt", karaoke_transcript(), ShapeOptions(highlight_words=True))
    subs = pysubs2.SSAFile.from_string(srt)
    assert [(e.start, e.end) for e in subs] == [(1000, 1500), (1500, 1600), (1600, 2000),
                                                (2000, 2600)]
    assert "<u>one</u> two three." in srt and "one two <u>three.</u>" in srt
    assert {e.plaintext for e in subs} == {"one two three."}


def test_vtt_karaoke_parses() -> None:
    vtt = written("vtt", karaoke_transcript(), ShapeOptions(highlight_words=True))
    subs = pysubs2.SSAFile.from_string(vtt)
    assert len(subs) == 4 and "one <u>two</u> three." in vtt


def test_ass_karaoke_uses_k_tags_in_centiseconds() -> None:
    ass = written("ass", karaoke_transcript(), ShapeOptions(highlight_words=True))
    line = ass.strip().splitlines()[-1]
    assert line.endswith(r"{\k50}one {\k10}{\k40}two {\k60}three.")
    assert pysubs2.SSAFile.from_string(ass)[0].plaintext == "one two three."


def test_cues_given_directly_are_written_as_they_are() -> None:
    cues = shape_cues(karaoke_transcript(), ShapeOptions(max_chars_per_line=8))
    srt = written("srt", cues, ShapeOptions(max_chars_per_line=1000))
    assert "one two\nthree." in srt
    assert json.loads(written("json", cues))["segments"][0]["text"] == " one two three."


@pytest.mark.parametrize("lang", sorted(SAMPLES))
@pytest.mark.parametrize("fmt", ["srt", "vtt", "ass"])
@pytest.mark.parametrize("encoding,newline", [("utf-8-sig", "\r\n"), ("utf-8", "\n")])
def test_non_ascii_round_trips_through_files(tmp_path: Path, lang: str, fmt: str,
                                             encoding: str, newline: str) -> None:
    t = transcript(SAMPLES[lang], lang)
    shape = ShapeOptions(max_chars_per_line=16)
    path = write_file(t, tmp_path / f"out.{fmt}", fmt, shape, ExportOptions(encoding, newline))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    assert raw.count(b"\r\n") == (raw.count(b"\n") if newline == "\r\n" else 0)
    subs = pysubs2.load(str(path), encoding="utf-8-sig")
    cues = shape_cues(t, shape)
    assert len(subs) == len(cues)
    for event, cue in zip(subs, cues):
        text = html.unescape(event.plaintext) if fmt == "vtt" else event.plaintext
        assert text == cue.text
    rebuilt = "".join("".join(line.split()) for c in cues for line in c.lines)
    assert rebuilt == "".join(SAMPLES[lang].split())
    assert list(tmp_path.iterdir()) == [path]  # no temp file left behind


@pytest.mark.parametrize("fmt", [f for f in FORMATS if not get_writer(f).binary])
def test_every_format_writes_bom_and_crlf_files(tmp_path: Path, fmt: str) -> None:
    path = write_file(transcript(SAMPLES["pt"], "pt"), tmp_path / f"x.{fmt}", fmt,
                      export=ExportOptions("utf-8-sig", "\r\n"))
    text = path.read_bytes().decode("utf-8-sig")
    assert "\n" not in text.replace("\r\n", "")
    assert "coração" in text
