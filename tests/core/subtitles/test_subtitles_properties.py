"""Property tests: shape_cues keeps its four rules, and every cue survives SRT, VTT and ASS."""

from __future__ import annotations

import html
import io

import pysubs2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.subtitles.shaping import Cue, ShapeOptions, can_break, shape_cues
from desktop_app.core.subtitles.writers import get_writer
from desktop_app.core.transcript import Segment, Transcript, Word

EPS = 1e-6
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

LATIN = st.text("abcdefghijklmnopqrstuvwxyzçãéêõüñ'-", min_size=1, max_size=12)
PUNCT = st.sampled_from(["", "", "", ".", ",", "?", "!", "…", '."'])
CJK = st.text("今天天气很好我们去公园吧。，！？「」ひらがなカタカナ", min_size=1, max_size=6)
RTL = st.sampled_from(["مرحبا", "بالعالم", "السلام؟", "שלום", "עולם.", "תודה"])
LONG = st.one_of(st.text("abcdefghij", min_size=40, max_size=70),
                 st.text("今天天气很好我们去公园吧。", min_size=40, max_size=70))
TOKEN = st.one_of(st.tuples(LATIN, PUNCT).map("".join), CJK, RTL, LONG)


@st.composite
def word_texts(draw) -> str:
    """A word as Whisper writes it: usually a leading space, sometimes glued, rarely empty."""
    kind = draw(st.sampled_from(["space"] * 6 + ["glued", "empty"]))
    if kind == "empty":
        return draw(st.sampled_from(["", " "]))
    return (" " if kind == "space" else "") + draw(TOKEN)


@st.composite
def timed_words(draw, start: float) -> list[Word]:
    words, t = [], start
    for text in draw(st.lists(word_texts(), min_size=1, max_size=25)):
        t += draw(st.sampled_from([0.0, 0.05, 0.2, 0.8, 1.5, 4.0]))
        if draw(st.integers(0, 9)) == 0:
            t = max(0.0, t - 0.3)  # Whisper's words sometimes overlap a little
        length = draw(st.sampled_from([0.0, 0.1, 0.3, 0.6, 2.0, 9.0]))
        words.append(Word(t, t + length, text))
        t += length
    return words


@st.composite
def transcripts(draw, with_words: bool | None = None) -> Transcript:
    """Segments with word timings, without them, or (None) a mix of both."""
    segments, t = [], draw(st.sampled_from([0.0, 0.5, 30.0]))
    for _ in range(draw(st.integers(1, 6))):
        has_words = draw(st.booleans()) if with_words is None else with_words
        if has_words:
            words = draw(timed_words(t))
            end = max(w.end for w in words)
            segments.append(Segment(words[0].start, end, "".join(w.text for w in words),
                                    tuple(words)))
        else:
            tokens = draw(st.lists(TOKEN, min_size=0, max_size=30))
            seps = draw(st.lists(st.sampled_from([" ", " ", "  ", "\t", "\n"]),
                                 min_size=len(tokens) + 1, max_size=len(tokens) + 1))
            text = "".join(s + tok for s, tok in zip(seps, tokens))
            end = t + draw(st.sampled_from([0.0, 0.5, 3.0, 12.0, 40.0]))
            segments.append(Segment(t, end, text))
        t = segments[-1].end + draw(st.sampled_from([0.0, 0.2, 2.0]))
    return Transcript(tuple(segments), "und")


OPTIONS = st.builds(
    ShapeOptions,
    max_chars_per_line=st.integers(1, 60),
    max_lines_per_cue=st.integers(1, 4),
    max_cue_duration_s=st.sampled_from([0.5, 2.0, 7.0, 15.0]),
    min_gap_s=st.sampled_from([0.0, 0.0, 0.04, 0.5]),
    split_on_sentences=st.booleans(),
    split_on_pauses_s=st.sampled_from([None, 0.0, 0.3, 1.0, 3.0]),
    max_words_per_line=st.sampled_from([None, None, 1, 3, 7]),
)


def source_tokens(transcript: Transcript) -> list[str]:
    """The transcript's words, whitespace-split: from word timings where a segment has them."""
    parts = ["".join(w.text for w in s.words) if s.words else f" {s.text} "
             for s in transcript.segments]
    return "".join(parts).split()


def check_text_kept(transcript: Transcript, cues: list[Cue]) -> None:
    """Cue tokens rebuild the source tokens; a token may only be cut where CJK text may break."""
    expected = source_tokens(transcript)
    shown = [tok for c in cues for line in c.lines for tok in line.split()]
    i = 0
    for want in expected:
        got = shown[i]
        i += 1
        while got != want:
            assert want.startswith(got), f"{got!r} is not a piece of {want!r}"
            nxt = shown[i]
            i += 1
            assert can_break(got[-1], nxt[0]), f"{want!r} was cut between {got!r} and {nxt!r}"
            got += nxt
    assert i == len(shown), "cues show text the transcript does not have"


def check_rules(transcript: Transcript, opts: ShapeOptions, cues: list[Cue]) -> None:
    for c in cues:
        assert 1 <= len(c.lines) <= opts.max_lines_per_cue
        for line in c.lines:
            assert line and line == line.strip()
            if len(line) > opts.max_chars_per_line:  # only one word that can't be broken
                assert len(line.split()) == 1, line
                if not c.words:  # re-wrapped text breaks CJK anywhere; Whisper's words stay whole
                    assert not any(can_break(a, b) for a, b in zip(line, line[1:])), line
            if opts.max_words_per_line is not None:
                assert len(line.split()) <= opts.max_words_per_line, line
        assert 0 <= c.start <= c.end
    for prev, cur in zip(cues, cues[1:]):
        assert prev.start <= cur.start
        assert cur.start >= prev.end - EPS, "cues overlap"
        assert cur.start - prev.end >= opts.min_gap_s - EPS or prev.end == prev.start
    check_text_kept(transcript, cues)


def check_words_kept(transcript: Transcript, cues: list[Cue]) -> None:
    want = "".join(w.text.strip() for s in transcript.segments for w in s.words)
    assert "".join(w.text.strip() for c in cues for w in c.words) == want


@PROPERTY
@given(transcripts(), OPTIONS)
def test_rules_hold_for_any_transcript(transcript: Transcript, opts: ShapeOptions) -> None:
    cues = shape_cues(transcript, opts)
    check_rules(transcript, opts, cues)
    check_words_kept(transcript, cues)


@PROPERTY
@given(transcripts(with_words=True), OPTIONS)
def test_rules_hold_with_word_timings(transcript: Transcript, opts: ShapeOptions) -> None:
    cues = shape_cues(transcript, opts)
    check_rules(transcript, opts, cues)
    check_words_kept(transcript, cues)
    for c in cues:  # only a single unbreakable word may outlast the limit
        if c.end - c.start > opts.max_cue_duration_s + EPS:
            assert len(c.lines) == 1 and len(c.lines[0].split()) == 1


@PROPERTY
@given(transcripts(with_words=False), OPTIONS)
def test_rules_hold_without_word_timings(transcript: Transcript, opts: ShapeOptions) -> None:
    cues = shape_cues(transcript, opts)
    check_rules(transcript, opts, cues)
    assert all(c.words == () for c in cues)


LATIN_WORDS = st.lists(st.tuples(LATIN, PUNCT, st.sampled_from([0.0, 0.1, 0.5, 1.2, 3.0])),
                       min_size=1, max_size=40)


@PROPERTY
@given(LATIN_WORDS, OPTIONS)
def test_sentence_ends_and_pauses_split_cues(spec, opts: ShapeOptions) -> None:
    words, t = [], 0.0
    for text, punct, gap in spec:
        t += gap
        words.append(Word(t, t + 0.25, f" {text}{punct}"))
        t += 0.25
    transcript = Transcript((Segment(0.0, t, "", tuple(words)),), "en")
    for c in shape_cues(transcript, opts):
        for a, b in zip(c.words, c.words[1:]):
            if opts.split_on_sentences:
                assert a.text.rstrip('"')[-1] not in ".?!…", c
            if opts.split_on_pauses_s is not None:
                assert b.start - a.end < opts.split_on_pauses_s
        assert c.words[-1].end - c.words[0].start <= opts.max_cue_duration_s + EPS \
            or len(c.words) == 1


# Characters the formats treat as markup are covered by example tests in test_subtitles_writers.
@PROPERTY
@given(transcripts(), OPTIONS, st.booleans())
def test_srt_vtt_and_ass_parse_back(transcript: Transcript, opts: ShapeOptions,
                                    karaoke: bool) -> None:
    opts = ShapeOptions(**{**opts.__dict__, "highlight_words": karaoke})
    cues = shape_cues(transcript, opts)
    for fmt in ("srt", "vtt", "ass"):
        stream = io.StringIO()
        get_writer(fmt, opts).write(cues, stream)
        subs = pysubs2.SSAFile.from_string(stream.getvalue(), format_=fmt)
        if karaoke and fmt != "ass":
            # one block per spoken word; each shows its whole cue
            assert len(subs) >= len(cues)
            texts = {html.unescape(e.plaintext) for e in subs}
            assert texts <= {c.text for c in cues}
            continue
        assert len(subs) == len(cues)
        for event, cue in zip(subs, cues):
            text = event.plaintext
            assert (html.unescape(text) if fmt == "vtt" else text) == cue.text
            scale = 10 if fmt == "ass" else 1  # ASS keeps centiseconds
            assert abs(event.start - cue.start * 1000) <= scale / 2 + 1e-6
            assert abs(event.end - cue.end * 1000) <= scale / 2 + 1e-6
