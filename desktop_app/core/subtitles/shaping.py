"""Shape a transcript into subtitle cues: wrapped lines, readable lengths, clean timing."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.core.transcript import Segment, Transcript, Word

# A cue ends after a unit whose text ends with one of these, once closing quotes are dropped.
SENTENCE_ENDS = frozenset(".!?…。！？؟۔")
_CLOSERS = "\"'”’»)]}」』）】"
# Line-breaking rules for scripts written without spaces: no line starts with a closing mark
# and none ends with an opening one (a small subset of Japanese kinsoku shori).
_NO_LINE_START = frozenset("、。，．！？：；）」』】〉》〕…ー々ゝゞ・,.!?;:)]}%")
_NO_LINE_END = frozenset("（「『【〈《〔([{")


@dataclass(frozen=True)
class ShapeOptions:
    """How cues are cut, wrapped and timed."""

    max_chars_per_line: int = 42
    max_lines_per_cue: int = 2
    max_cue_duration_s: float = 7.0
    min_gap_s: float = 0.0  # gap kept between one cue's end and the next one's start
    split_on_sentences: bool = True
    split_on_pauses_s: float | None = 1.0  # None: never split on a pause
    max_words_per_line: int | None = None
    highlight_words: bool = False  # karaoke: the writers mark each word as it is spoken

    def __post_init__(self) -> None:
        if self.max_chars_per_line < 1 or self.max_lines_per_cue < 1:
            raise ValueError("A cue needs at least one line of at least one character.")
        if self.max_words_per_line is not None and self.max_words_per_line < 1:
            raise ValueError("Words per line must be at least 1, or None for no limit.")
        if not self.max_cue_duration_s > 0 or self.min_gap_s < 0:
            raise ValueError("Cue duration must be positive and the gap not negative.")
        if self.split_on_pauses_s is not None and self.split_on_pauses_s < 0:
            raise ValueError("The pause that splits cues can't be negative.")


@dataclass(frozen=True)
class Cue:
    """One subtitle on screen; `words` is empty when the transcript had no word timings."""

    start: float
    end: float
    lines: tuple[str, ...]
    words: tuple[Word, ...] = ()
    speaker: str | None = None  # the speaker's name, when the transcript has speakers

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class _Unit:
    """The smallest piece a line may break around: a word, or words glued without spaces."""

    text: str  # never empty, no edge whitespace
    space: bool  # whitespace came before it
    start: float = 0.0
    end: float = 0.0
    words: list[Word] = field(default_factory=list)
    trail: bool = False  # its last word ended in whitespace


def is_cjk(ch: str) -> bool:
    """Whether `ch` belongs to a script written without spaces (Chinese, Japanese)."""
    o = ord(ch)
    return (
        0x3000 <= o <= 0x30FF  # CJK punctuation, hiragana, katakana
        or 0x31F0 <= o <= 0x31FF
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF  # full- and half-width forms
        or 0x20000 <= o <= 0x2FFFF
    )


def can_break(before: str, after: str) -> bool:
    """Whether a line may break between two adjacent characters with no space between."""
    if not (is_cjk(before) or is_cjk(after)):
        return False
    return after not in _NO_LINE_START and before not in _NO_LINE_END


def _pieces(text: str, limit: int) -> list[str]:
    """Split `text` (no whitespace) at its break points when it is longer than `limit`."""
    if len(text) <= limit:
        return [text]
    out, start = [], 0
    for i in range(1, len(text)):
        if can_break(text[i - 1], text[i]):
            out.append(text[start:i])
            start = i
    out.append(text[start:])
    return out


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_ENDS


def _join(units: list[_Unit]) -> str:
    return "".join((" " if u.space and i else "") + u.text for i, u in enumerate(units))


def _fits(line: list[_Unit], unit: _Unit, opts: ShapeOptions) -> bool:
    if not line:
        return True
    if opts.max_words_per_line is not None and len(line) >= opts.max_words_per_line:
        return False
    width = len(_join(line)) + (1 if unit.space else 0) + len(unit.text)
    return width <= opts.max_chars_per_line


def _split_word(word: Word, limit: int) -> list[Word]:
    """Cut a word longer than a line at its break points, sharing its time by characters."""
    text = word.text.strip()
    parts = _pieces(text, limit)
    if len(parts) == 1:
        return [word]
    lead = word.text[: len(word.text) - len(word.text.lstrip())]
    span, done, out = word.end - word.start, 0, []
    for i, part in enumerate(parts):
        start = word.start + span * done / len(text)
        done += len(part)
        end = word.start + span * done / len(text)
        out.append(Word(start, end, (lead if i == 0 else "") + part, word.probability))
    return out


def _word_units(words: list[Word], opts: ShapeOptions) -> list[_Unit]:
    """Group words into units: a word glued to the previous one joins its unit."""
    units: list[_Unit] = []
    pending: list[Word] = []  # words with no text, waiting for a unit to ride with
    for original in words:
        for w in _split_word(original, opts.max_chars_per_line):
            text = " ".join(w.text.split())  # a stray newline inside a word must not end a cue
            prev = units[-1] if units else None
            if not text:
                if prev is None:
                    pending.append(w)
                else:
                    prev.words.append(w)
                    prev.trail = prev.trail or w.text[-1:].isspace()
                continue
            space = w.text[:1].isspace()
            if prev is None or space or prev.trail or can_break(prev.text[-1], text[0]):
                units.append(_Unit(text, space or (prev is not None and prev.trail),
                                   w.start, w.end, [*pending, w]))
                pending = []
            else:
                prev.text += text
                prev.words.append(w)
                prev.end = max(prev.end, w.end)
            units[-1].trail = w.text[-1].isspace()
    return units


def _text_units(text: str, opts: ShapeOptions) -> list[_Unit]:
    units = []
    for token in text.split():
        for i, part in enumerate(_pieces(token, opts.max_chars_per_line)):
            units.append(_Unit(part, i == 0))
    return units


@dataclass
class _Draft:
    start: float
    end: float
    lines: list[list[_Unit]]
    speaker: str | None = None


def _shape_words(words: list[Word], opts: ShapeOptions) -> list[_Draft]:
    """Cut timed units into cues: full lines, sentence ends, pauses and long cues start new ones."""
    drafts: list[_Draft] = []
    cur: _Draft | None = None
    prev: _Unit | None = None
    for u in _word_units(words, opts):
        if cur is not None and prev is not None:
            split = (
                (opts.split_on_sentences and _ends_sentence(prev.text))
                or (opts.split_on_pauses_s is not None
                    and u.start - prev.end >= opts.split_on_pauses_s)
                or max(cur.end, u.end) - cur.start > opts.max_cue_duration_s
            )
            fits = not split and _fits(cur.lines[-1], u, opts)
            if fits or (not split and len(cur.lines) < opts.max_lines_per_cue):
                if fits:
                    cur.lines[-1].append(u)
                else:
                    cur.lines.append([u])
                cur.end = max(cur.end, u.end)
                prev = u
                continue
        cur = _Draft(u.start, u.end, [[u]])
        drafts.append(cur)
        prev = u
    return drafts


def _wrap(units: list[_Unit], opts: ShapeOptions) -> list[list[_Unit]]:
    lines: list[list[_Unit]] = []
    for u in units:
        if lines and _fits(lines[-1], u, opts):
            lines[-1].append(u)
        else:
            lines.append([u])
    return lines


def _shape_text(segment: Segment, opts: ShapeOptions) -> list[_Draft]:
    """Re-wrap a segment's text; share its time by characters among the cues it needs."""
    lines = _wrap(_text_units(segment.text, opts), opts)
    if not lines:
        return []
    total = sum(len(_join(line)) for line in lines)
    span = max(segment.end - segment.start, 0.0)
    per_cue = opts.max_lines_per_cue
    while True:
        groups = [lines[i: i + per_cue] for i in range(0, len(lines), per_cue)]
        sizes = [sum(len(_join(line)) for line in g) for g in groups]
        if per_cue == 1 or max(sizes) * span / total <= opts.max_cue_duration_s:
            break
        per_cue -= 1
    drafts, done = [], 0
    for group, size in zip(groups, sizes):
        start = segment.start + span * done / total
        done += size
        drafts.append(_Draft(start, segment.start + span * done / total, group))
    return drafts


def _settle_times(drafts: list[_Draft], min_gap: float) -> None:
    """Make times rise without overlap; keep `min_gap` by shortening the earlier cue."""
    for d in drafts:
        d.start = max(d.start, 0.0)
        d.end = max(d.end, d.start)
    for prev, cur in zip(drafts, drafts[1:]):
        if prev.end + min_gap > cur.start:
            prev.end = max(prev.start, cur.start - min_gap)
        if cur.start < prev.end:  # out-of-order input: move the later cue, never back in time
            cur.start = prev.end
            cur.end = max(cur.end, cur.start)


def _spoken_by(drafts: list[_Draft], speaker: str | None) -> list[_Draft]:
    for d in drafts:
        d.speaker = speaker
    return drafts


def shape_cues(transcript: Transcript, opts: ShapeOptions = ShapeOptions()) -> list[Cue]:
    """Turn a transcript into cues that obey `opts`; every word appears once, in order.

    A cue never holds two speakers: a change of speaker starts a new cue."""
    drafts: list[_Draft] = []
    run: list[Word] = []  # words of consecutive segments that have word timings, one speaker
    run_speaker: str | None = None
    for segment in transcript.segments:
        speaker = transcript.speaker_name(segment.speaker)
        if segment.words and (not run or speaker == run_speaker):
            run.extend(segment.words)
            run_speaker = speaker
            continue
        drafts += _spoken_by(_shape_words(run, opts), run_speaker)
        run, run_speaker = [], speaker
        if segment.words:
            run.extend(segment.words)
            continue
        drafts += _spoken_by(_shape_text(segment, opts), speaker)
    drafts += _spoken_by(_shape_words(run, opts), run_speaker)
    _settle_times(drafts, opts.min_gap_s)
    return [
        Cue(d.start, d.end, tuple(_join(line) for line in d.lines),
            tuple(w for line in d.lines for u in line for w in u.words), d.speaker)
        for d in drafts
    ]


def word_pieces(cue: Cue) -> list[tuple[int | None, str]]:
    """Split `cue.text` into pieces, each tagged with the index of the word it shows (or None)."""
    text, cursor, out = cue.text, 0, []
    for i, w in enumerate(cue.words):
        needle = w.text.strip()
        at = text.find(needle, cursor) if needle else -1
        if at < 0:
            continue
        if at > cursor:
            out.append((None, text[cursor:at]))
        out.append((i, needle))
        cursor = at + len(needle)
    if cursor < len(text):
        out.append((None, text[cursor:]))
    return out

