"""Every format with speakers, read back by an independent parser: pysubs2, python-docx, csv, json."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import docx
import pysubs2
import pytest

from desktop_app.core.subtitles import FORMATS, ExportOptions, ShapeOptions, extension_for, write_file
from desktop_app.core.transcript import Segment, Speaker, Transcript, Word

ANA, BEN = "Ana Souza", "Ben"
SAID = [  # (speaker id, start, text), turns of a labelled transcript
    ("S1", 0.0, " Good morning, thank you for coming."),
    ("S2", 3.0, " Thanks for having me."),
    ("S2", 5.0, " I am happy to be here."),
    ("S1", 8.0, " Let us start with the library."),
]


def timed(speaker: str, start: float, text: str) -> Segment:
    words, t = [], start
    for token in text.split():
        words.append(Word(t, t + 0.4, " " + token, 0.9, speaker))
        t += 0.45
    return Segment(start, t, text, tuple(words), speaker)


def labelled(with_words: bool = True) -> Transcript:
    segments = tuple(timed(*s) if with_words else Segment(s[1], s[1] + 2.5, s[2], (), s[0]) for s in SAID)
    return Transcript(segments, "en", 12.0, (Speaker("S1", ANA), Speaker("S2", BEN)))


def name_of(speaker_id: str) -> str:
    return {"S1": ANA, "S2": BEN}[speaker_id]


def out(tmp_path: Path, fmt: str, transcript: Transcript, **export) -> Path:
    return write_file(transcript, tmp_path / f"talk.{extension_for(fmt)}", fmt, ShapeOptions(),
                      ExportOptions(**export))


@pytest.mark.parametrize("label, pattern", [("colon", r"^(.+?): (.*)$"), ("brackets", r"^\[(.+?)\] (.*)$")])
@pytest.mark.parametrize("fmt", ["srt", "ass"])
def test_srt_and_ass_prefix_the_speaker_as_chosen(tmp_path, fmt, label, pattern):
    subs = pysubs2.load(str(out(tmp_path, fmt, labelled(), speaker_label=label)))
    said = []
    for event in subs:
        match = re.match(pattern, event.plaintext.split("\n")[0])
        assert match, event.plaintext
        said.append((match.group(1), event.start))
        if fmt == "ass":
            assert event.name == match.group(1)  # the ASS Name (actor) field too
    speakers = [s for s, _ in said]
    assert set(speakers) == {ANA, BEN}
    for sid, start, _text in SAID:  # each turn's first cue names its speaker
        first = min((e for e in said if abs(e[1] - start * 1000) < 1), key=lambda e: e[1])
        assert first[0] == name_of(sid)


def test_vtt_uses_voice_tags(tmp_path):
    path = out(tmp_path, "vtt", labelled())
    text = path.read_text(encoding="utf-8")
    voices = re.findall(r"<v ([^>]+)>", text)
    assert voices and set(voices) == {ANA, BEN}
    subs = pysubs2.load(str(path))
    assert len(subs) == len(voices)
    assert all(not e.plaintext.startswith("<v") for e in subs)  # a parser reads the tag as markup


def test_vtt_karaoke_keeps_the_voice(tmp_path):
    path = write_file(labelled(), tmp_path / "k.vtt", "vtt", ShapeOptions(highlight_words=True))
    blocks = [b for b in path.read_text(encoding="utf-8").split("\n\n")[1:] if b.strip()]
    assert all(re.search(r"<v (Ana Souza|Ben)>", b) for b in blocks)


def test_json_has_a_speaker_on_every_segment_and_word(tmp_path):
    data = json.loads(out(tmp_path, "json", labelled()).read_text(encoding="utf-8"))
    assert data["speakers"] == [{"id": "S1", "name": ANA}, {"id": "S2", "name": BEN}]
    for segment, (sid, _start, _text) in zip(data["segments"], SAID):
        assert segment["speaker"] == name_of(sid) and segment["speaker_id"] == sid
        assert segment["words"] and all(w["speaker"] == name_of(sid) for w in segment["words"])


def test_tsv_has_a_speaker_column(tmp_path):
    with out(tmp_path, "tsv", labelled()).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert list(rows[0]) == ["start", "end", "speaker", "text"]
    assert [(r["speaker"], int(r["start"])) for r in rows] == [(name_of(s), round(t * 1000)) for s, t, _ in SAID]


def test_tsv_without_speakers_is_unchanged(tmp_path):
    plain = Transcript((Segment(0.0, 1.0, " Hello."),), "en")
    assert out(tmp_path, "tsv", plain).read_text(encoding="utf-8").splitlines()[0] == "start\tend\ttext"


@pytest.mark.parametrize("timestamps", [False, True])
def test_txt_is_name_colon_paragraphs(tmp_path, timestamps):
    text = out(tmp_path, "txt", labelled(), txt_timestamps=timestamps).read_text(encoding="utf-8")
    paragraphs = text.strip().split("\n\n")
    stamp = r"\[\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}\] " if timestamps else ""
    parsed = [re.fullmatch(stamp + r"(.+?): (.*)", p) for p in paragraphs]
    assert all(parsed), paragraphs
    assert [m.group(1) for m in parsed] == [ANA, BEN, ANA]  # Ben's two segments are one turn
    assert parsed[1].group(2) == "Thanks for having me. I am happy to be here."


def test_maxqda_transcript_follows_its_import_rules(tmp_path):
    path = out(tmp_path, "maxqda", labelled())
    assert path.name == "talk.maxqda.txt"
    paragraphs = path.read_text(encoding="utf-8").strip().split("\n\n")  # a blank line between them
    parsed = [re.fullmatch(r"\[(\d\d):(\d\d):(\d\d)\] ([^:\n]{1,63}): ([^\n]+)", p) for p in paragraphs]
    assert all(parsed), paragraphs
    assert [(m.group(4), int(m.group(3))) for m in parsed] == [(ANA, 0), (BEN, 3), (ANA, 8)]


def test_maxqda_names_lose_colons_and_stay_short(tmp_path):
    long = Transcript((Segment(0, 1, " Hi.", (), "S1"),), "en", 1.0, (Speaker("S1", "Dr: " + "x" * 80),))
    line = out(tmp_path, "maxqda", long).read_text(encoding="utf-8").strip()
    name = line.split("] ", 1)[1].rsplit(": ", 1)[0]
    assert ":" not in name and len(name) <= 63


@pytest.mark.parametrize("timestamps", [False, True])
def test_docx_names_speakers_in_bold(tmp_path, timestamps):
    document = docx.Document(str(out(tmp_path, "docx", labelled(), txt_timestamps=timestamps)))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    assert len(paragraphs) == 3
    for p, name in zip(paragraphs, [ANA, BEN, ANA]):
        bold = [r.text for r in p.runs if r.bold]
        assert bold == [f"{name}:"]
        assert re.match(r"\[\d\d:\d\d:\d\d\] " if timestamps else name, p.text)
    assert paragraphs[1].text.endswith("Thanks for having me. I am happy to be here.")


def test_a_renamed_speaker_changes_every_export(tmp_path):
    from desktop_app.core.speakers.labels import rename_speaker

    renamed = rename_speaker(labelled(), "S2", "Benedita")
    for fmt in FORMATS:
        path = out(tmp_path, fmt, renamed)
        content = (" ".join(p.text for p in docx.Document(str(path)).paragraphs) if fmt == "docx"
                   else path.read_text(encoding="utf-8"))
        assert "Benedita" in content and "Ben:" not in content and "[Ben]" not in content, fmt


def test_segments_without_words_still_carry_speakers(tmp_path):
    subs = pysubs2.load(str(out(tmp_path, "srt", labelled(with_words=False))))
    assert [e.plaintext.split(": ", 1)[0] for e in subs][:2] == [ANA, BEN]
