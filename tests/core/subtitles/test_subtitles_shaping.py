"""Examples for shape_cues: the golden SRT, sentences, pauses, gaps, CJK and right-to-left text."""

from __future__ import annotations

import io

import pytest

from desktop_app.core.subtitles.shaping import ShapeOptions, shape_cues, word_pieces
from desktop_app.core.subtitles.writers import get_writer
from desktop_app.core.transcript import Segment, Transcript, Word


def words_of(spec: str, start: float = 0.0, step: float = 0.5,
             length: float = 0.4) -> tuple[Word, ...]:
    """Words " a", " b", ... each lasting `length`, one every `step` seconds."""
    return tuple(Word(round(start + i * step, 3), round(start + i * step + length, 3), " " + w)
                 for i, w in enumerate(spec.split()))


def timed(*segments: tuple[Word, ...]) -> Transcript:
    return Transcript(tuple(Segment(ws[0].start, ws[-1].end, "".join(w.text for w in ws), ws)
                            for ws in segments), "en")


GOLDEN_SRT = """\
1
00:00:00,000 --> 00:00:02,650
The quick brown fox jumps
over the lazy dog.

2
00:00:02,700 --> 00:00:03,550
Then it slept.

3
00:00:06,500 --> 00:00:07,400
Birds sang.

"""


def test_golden_srt_for_a_small_transcript() -> None:
    first = words_of("The quick brown fox jumps over the lazy dog. Then it slept.", 0, 0.3, 0.25)
    later = words_of("Birds sang.", start=6.5)
    stream = io.StringIO()
    get_writer("srt", ShapeOptions(max_chars_per_line=26)).write(timed(first, later), stream)
    assert stream.getvalue() == GOLDEN_SRT


def test_text_is_rewrapped_and_time_shared_by_characters() -> None:
    text = " aaaa bbbb cccc dddd eeee ffff"
    t = Transcript((Segment(10.0, 16.0, text),), "en")
    cues = shape_cues(t, ShapeOptions(max_chars_per_line=9, max_lines_per_cue=2))
    assert [c.lines for c in cues] == [("aaaa bbbb", "cccc dddd"), ("eeee ffff",)]
    assert cues[0].start == 10.0 and cues[-1].end == 16.0
    assert cues[0].end == pytest.approx(10.0 + 6.0 * 18 / 27)  # 18 of 27 characters
    assert cues[1].start == cues[0].end


def test_long_segment_without_words_is_split_to_respect_duration() -> None:
    t = Transcript((Segment(0.0, 20.0, " one two three four"),), "en")
    cues = shape_cues(t, ShapeOptions(max_chars_per_line=8, max_lines_per_cue=2,
                                      max_cue_duration_s=7.0))
    assert len(cues) == 3  # two-line cues would last 10 s each


def test_pause_and_sentence_end_start_new_cues() -> None:
    ws = words_of("one two") + words_of("three four.", start=3.0) + words_of("five", start=5.0)
    cues = shape_cues(timed(ws), ShapeOptions(split_on_pauses_s=1.0))
    assert [c.lines for c in cues] == [("one two",), ("three four.",), ("five",)]
    cues = shape_cues(timed(ws), ShapeOptions(split_on_pauses_s=None, split_on_sentences=False))
    assert [c.lines for c in cues] == [("one two three four. five",)]


def test_cue_duration_limit_splits_at_word_boundaries() -> None:
    ws = words_of("a b c d e f g h", step=1.0)
    cues = shape_cues(timed(ws), ShapeOptions(max_cue_duration_s=3.0, split_on_pauses_s=None))
    assert [c.lines[0] for c in cues] == ["a b c", "d e f", "g h"]
    assert all(c.end - c.start <= 3.0 for c in cues)


def test_max_words_per_line() -> None:
    cues = shape_cues(timed(words_of("a b c d e")), ShapeOptions(max_words_per_line=2))
    assert cues[0].lines == ("a b", "c d")
    assert cues[1].lines == ("e",)


def test_min_gap_shortens_the_earlier_cue() -> None:
    ws = words_of("one.") + (Word(0.42, 0.8, " two."),)
    cues = shape_cues(timed(ws), ShapeOptions(min_gap_s=0.1))
    assert cues[0].end == pytest.approx(0.32) and cues[1].start == 0.42
    # no room for the gap: the earlier cue shrinks to nothing, never below its start
    ws = (Word(1.0, 1.5, " one."), Word(1.02, 1.6, " two."))
    cues = shape_cues(timed(ws), ShapeOptions(min_gap_s=0.1))
    assert (cues[0].start, cues[0].end) == (1.0, 1.0) and cues[1].start == 1.02


def test_out_of_order_words_never_overlap() -> None:
    ws = (Word(5.0, 6.0, " late."), Word(2.0, 3.0, " early."))
    cues = shape_cues(timed(ws), ShapeOptions())
    assert cues[0].end <= cues[1].start and cues[0].start <= cues[1].start


def test_long_word_stays_whole_on_its_own_line() -> None:
    t = Transcript((Segment(0, 1, " a Donaudampfschifffahrtsgesellschaft b"),), "de")
    cues = shape_cues(t, ShapeOptions(max_chars_per_line=10, max_lines_per_cue=3))
    assert cues[0].lines == ("a", "Donaudampfschifffahrtsgesellschaft", "b")


def test_cjk_without_spaces_breaks_between_characters_but_not_before_closing_marks() -> None:
    text = "今天天气很好。我们去公园吧！"
    cues = shape_cues(Transcript((Segment(0, 4, text),), "zh"),
                      ShapeOptions(max_chars_per_line=6, max_lines_per_cue=2))
    lines = [line for c in cues for line in c.lines]
    assert "".join(lines) == text
    assert all(len(line) <= 6 for line in lines)
    assert not any(line[0] in "。！" for line in lines)


def test_cjk_words_split_sentences_and_long_words_share_time() -> None:
    ws = (Word(0.0, 0.5, "今天"), Word(0.5, 1.0, "很好。"), Word(1.0, 1.5, "我们"),
          Word(1.5, 3.5, "去公园散步吧"))
    cues = shape_cues(timed(ws), ShapeOptions(max_chars_per_line=4))
    assert cues[0].lines == ("今天", "很好。")  # a sentence end closes the cue
    assert "".join(cues[1].lines) == "我们去公园散步吧"
    pieces = [w for w in cues[1].words if w.start >= 1.5]
    assert "".join(w.text for w in pieces) == "去公园散步吧" and len(pieces) > 1
    assert pieces[0].start == 1.5 and pieces[-1].end == 3.5


@pytest.mark.parametrize("text", ["مرحبا بالعالم، كيف حالك اليوم؟", "שלום עולם, מה שלומך היום?"])
def test_right_to_left_text_is_kept_in_logical_order(text: str) -> None:
    cues = shape_cues(Transcript((Segment(0, 3, " " + text),), "ar"),
                      ShapeOptions(max_chars_per_line=14))
    assert " ".join(line for c in cues for line in c.lines) == text


def test_word_pieces_locate_each_word_in_the_lines() -> None:
    ws = (Word(0, 1, " it"), Word(1, 2, "'s"), Word(2, 3, " fine."))
    cue = shape_cues(timed(ws), ShapeOptions(max_chars_per_line=5))[0]
    assert cue.lines == ("it's", "fine.")
    assert word_pieces(cue) == [(0, "it"), (1, "'s"), (None, "\n"), (2, "fine.")]


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError):
        ShapeOptions(max_chars_per_line=0)
    with pytest.raises(ValueError):
        ShapeOptions(max_cue_duration_s=0)
