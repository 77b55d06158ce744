"""The export dialog, driven with qtbot: real controller, real files, parsed back with pysubs2."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pysubs2
import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop_app.core.jobs import Job, JobStatus
from desktop_app.core.store import JobStore
from desktop_app.core.subtitles.batch import PLAN_FILE
from desktop_app.core.subtitles.shaping import ShapeOptions, shape_cues
from desktop_app.core.transcript import Segment, Transcript, Word
from desktop_app.runner.controller import QueueController
from desktop_app.ui.export_dialog import ExportDialog

EXPORT_MS = 10_000

SENTENCES = [
    "The quick brown fox jumps over the lazy dog while the farmer watches from the old wooden fence.",
    "Nobody expected the storm to arrive so early in the season, but everyone was ready for it.",
    "Olá, você já experimentou o pão de açúcar com café?",
    "今天天气很好，我们去公园散步吧。",
    "مرحبا بالعالم، كيف حالك اليوم؟",
]


def timed(text: str, start: float, per_word: float = 0.4) -> Segment:
    """A segment with word timings, as Whisper gives them (leading spaces)."""
    words, t = [], start
    for token in text.split():
        words.append(Word(t, t + per_word * 0.9, " " + token))
        t += per_word
    return Segment(start, t, "".join(w.text for w in words), tuple(words))


def plain(text: str, start: float, end: float) -> Segment:
    return Segment(start, end, " " + text)


def transcript(with_words: bool = False, lang: str = "en") -> Transcript:
    segments, t = [], 0.0
    for text in SENTENCES:
        seg = timed(text, t) if with_words else plain(text, t, t + 5.0)
        segments.append(seg)
        t = seg.end + 0.5
    return Transcript(tuple(segments), lang, t)


def words_of(t: Transcript) -> list[str]:
    return " ".join(s.text for s in t.segments).split()


@pytest.fixture
def make_controller(bare_home):
    """Jobs finished in an earlier session (in the history), loaded by a real controller."""
    made = []

    def make(jobs: dict[Path, Transcript]) -> tuple[QueueController, list[str]]:
        ids = []
        with JobStore(bare_home.store_file) as store:
            for path, t in jobs.items():
                job = Job(path=Path(path), status=JobStatus.DONE, transcript=t, language=t.language)
                store.add(job)
                ids.append(job.id)
        controller = QueueController(paths=bare_home)
        made.append(controller)
        return controller, ids

    yield make
    for controller in made:
        controller.shutdown()


def open_dialog(qtbot, controller, ids) -> ExportDialog:
    dialog = ExportDialog(controller, ids)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def tick_only(qtbot, dialog, *formats: str) -> None:
    for fmt, check in dialog.format_checks.items():
        if check.isChecked() != (fmt in formats):
            qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert {f for f, c in dialog.format_checks.items() if c.isChecked()} == set(formats)


def to_folder(qtbot, dialog, folder: Path) -> None:
    qtbot.mouseClick(dialog.in_folder, Qt.MouseButton.LeftButton)
    dialog.folder_edit.setText(str(folder))


class Boxes:
    """Answers each message box as it opens, recording its text."""

    def __init__(self, *answers: str, check: bool = False) -> None:
        self.answers = list(answers)
        self.check = check
        self.texts: list[str] = []
        self.buttons: list[list[str]] = []
        self.progress_seen: list[int] = []
        QTimer.singleShot(0, self._poll)

    def _poll(self, tries: int = 0) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QProgressDialog):
            self.progress_seen.append(widget.maximum())
        if isinstance(widget, QMessageBox) and self.answers:
            self.texts.append(widget.text())
            self.buttons.append([b.text() for b in widget.buttons()])
            if self.check and widget.checkBox() is not None:
                widget.checkBox().setChecked(True)
            wanted = self.answers.pop(0)
            for button in widget.buttons():
                if button.text().replace("&", "") == wanted:
                    button.click()
                    break
            else:
                widget.reject()
        if self.answers and tries < 2000:
            QTimer.singleShot(5, lambda: self._poll(tries + 1))


def test_export_several_formats_with_line_limits(qtbot, make_controller, tmp_path):
    t = transcript(with_words=True)
    controller, ids = make_controller({tmp_path / "talk.mp4": t})
    dialog = open_dialog(qtbot, controller, ids)
    tick_only(qtbot, dialog, "srt", "vtt", "ass", "txt", "tsv", "json")
    dialog.max_chars.setValue(30)
    dialog.max_lines.setValue(1)
    dialog.max_duration.setValue(4.0)
    dialog.min_gap.setValue(0.1)
    to_folder(qtbot, dialog, tmp_path / "out")
    boxes = Boxes("Close")
    with qtbot.waitSignal(dialog.exported, timeout=EXPORT_MS):  # the export runs in a pool thread
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == [
        f"talk.en.{ext}" for ext in ("ass", "json", "srt", "tsv", "txt", "vtt")
    ]
    assert "Wrote 6 file(s)." in boxes.texts[0] and "talk.en.srt" in boxes.texts[0]
    assert "Open folder" in boxes.buttons[0]
    assert not dialog.isVisible()  # accepted

    expected = shape_cues(t, ShapeOptions(max_chars_per_line=30, max_lines_per_cue=1,
                                          max_cue_duration_s=4.0, min_gap_s=0.1))
    for ext in ("srt", "vtt", "ass"):
        subs = pysubs2.load(str(out / f"talk.en.{ext}"))
        assert len(subs) == len(expected), ext
        texts = [e.plaintext for e in subs]
        assert texts == [c.text for c in expected], ext
        assert " ".join(texts).split() == words_of(t), ext
        for event in subs:
            assert all(len(line) <= 30 or " " not in line for line in event.plaintext.split("\n"))
            assert event.plaintext.count("\n") == 0
        starts = [e.start for e in subs]
        assert starts == sorted(starts)
        assert all(a.end <= b.start for a, b in zip(subs, subs[1:]))


def test_non_ascii_round_trips_with_bom_and_crlf(qtbot, make_controller, tmp_path):
    t = transcript(lang="pt")
    controller, ids = make_controller({tmp_path / "fala.wav": t})
    dialog = open_dialog(qtbot, controller, ids)
    tick_only(qtbot, dialog, "srt", "txt")
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-8-sig"))
    dialog.newline.setCurrentIndex(dialog.newline.findData("\r\n"))
    qtbot.mouseClick(dialog.txt_timestamps, Qt.MouseButton.LeftButton)
    boxes = Boxes("Close")
    with qtbot.waitSignal(dialog.exported, timeout=EXPORT_MS):  # the export runs in a pool thread
        dialog.export_button.click()
    assert boxes.texts
    srt = tmp_path / "fala.pt.srt"
    raw = srt.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\n\n" not in raw.replace(b"\r\n", b"")
    subs = pysubs2.load(str(srt), encoding="utf-8-sig")
    joined = " ".join(e.plaintext.replace("\n", " ") for e in subs)
    for needle in ("açúcar", "今天天气很好", "مرحبا", "بالعالم"):
        assert needle in joined
    txt = (tmp_path / "fala.pt.txt").read_text(encoding="utf-8-sig")
    assert re.match(r"\[00:00:00\.000 --> 00:00:05\.000\] The quick", txt)


def test_preview_follows_the_options(qtbot, make_controller, tmp_path):
    controller, ids = make_controller({tmp_path / "a.mp4": transcript()})
    dialog = open_dialog(qtbot, controller, ids)
    tick_only(qtbot, dialog, "srt", "vtt")
    dialog.preview_format.setCurrentIndex(dialog.preview_format.findData("srt"))
    dialog.max_chars.setValue(20)
    qtbot.waitUntil(lambda: "-->" in dialog.preview_text() and all(
        len(line) <= 20 for line in dialog.preview_text().splitlines() if "-->" not in line))
    dialog.max_chars.setValue(60)
    qtbot.waitUntil(lambda: any(len(line) > 30 for line in dialog.preview_text().splitlines()
                                if "-->" not in line))
    assert dialog.preview_text().startswith("1\n00:00:00,000 --> ")
    dialog.preview_format.setCurrentIndex(dialog.preview_format.findData("vtt"))
    qtbot.waitUntil(lambda: dialog.preview_text().startswith("WEBVTT"))
    assert "a.en.srt, a.en.vtt" in dialog.names_label.text()
    assert str(tmp_path) in dialog.names_label.text()
    tick_only(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.export_button.isEnabled())
    assert "format" in dialog.problem.text()
    tick_only(qtbot, dialog, "srt")
    qtbot.waitUntil(dialog.export_button.isEnabled)
    dialog.pattern.setText("{name}/{ext}")
    qtbot.waitUntil(lambda: not dialog.export_button.isEnabled())
    assert "{name}" in dialog.problem.text()
    dialog.pattern.setText("{name}.{lang}.{ext}")
    qtbot.waitUntil(dialog.export_button.isEnabled)


def test_remembers_the_last_choices(qtbot, make_controller, bare_home, tmp_path):
    controller, ids = make_controller({tmp_path / "a.mp4": transcript()})
    dialog = open_dialog(qtbot, controller, ids)
    tick_only(qtbot, dialog, "vtt", "ass")
    dialog.max_chars.setValue(33)
    dialog.max_lines.setValue(3)
    qtbot.mouseClick(dialog.split_pauses, Qt.MouseButton.LeftButton)  # on by default: now off
    dialog.collision.setCurrentIndex(dialog.collision.findData("skip"))
    dialog.pattern.setText("{name}-{lang}.{ext}")
    to_folder(qtbot, dialog, tmp_path / "subs")
    boxes = Boxes("Close")
    with qtbot.waitSignal(dialog.exported, timeout=EXPORT_MS):  # the export runs in a pool thread
        dialog.export_button.click()
    assert boxes.texts and (tmp_path / "subs" / "a-en.vtt").is_file()
    assert (bare_home.config_dir / PLAN_FILE).is_file()

    again = open_dialog(qtbot, controller, ids)
    assert {f for f, c in again.format_checks.items() if c.isChecked()} == {"vtt", "ass"}
    assert again.max_chars.value() == 33 and again.max_lines.value() == 3
    assert not again.split_pauses.isChecked() and not again.pause_length.isEnabled()
    assert again.collision.currentData() == "skip"
    assert again.pattern.text() == "{name}-{lang}.{ext}"
    assert again.in_folder.isChecked() and again.folder_edit.text() == str(tmp_path / "subs")


def test_batch_reports_the_failing_job_and_writes_the_others(qtbot, make_controller, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be")
    sources = [tmp_path / "one" / "first.mp4", blocker / "gone" / "broken.mp4", tmp_path / "two" / "third.mp4"]
    for source in (sources[0], sources[2]):
        source.parent.mkdir()
    controller, ids = make_controller({s: transcript() for s in sources})
    dialog = open_dialog(qtbot, controller, ids)
    tick_only(qtbot, dialog, "srt", "vtt")
    qtbot.mouseClick(dialog.next_to_source, Qt.MouseButton.LeftButton)
    boxes = Boxes("Close")
    with qtbot.waitSignal(dialog.exported, timeout=EXPORT_MS):  # the export runs in a pool thread
        dialog.export_button.click()

    assert (tmp_path / "one" / "first.en.srt").is_file() and (tmp_path / "one" / "first.en.vtt").is_file()
    assert (tmp_path / "two" / "third.en.srt").is_file() and (tmp_path / "two" / "third.en.vtt").is_file()
    message = boxes.texts[0]
    assert "Wrote 4 file(s)." in message
    assert "Could not export:" in message
    assert "broken.mp4: Could not write" in message and "broken.en.srt" in message
    assert "first.mp4" not in message.split("Could not export:")[1]
    assert boxes.progress_seen and boxes.progress_seen[0] == 3  # a progress dialog over the 3 jobs
    assert dialog.isVisible()  # kept open after a failure, to change the destination
    assert [f.job for f in dialog.result.failures] == ["broken.mp4", "broken.mp4"]
    dialog.reject()


def test_existing_file_asks_and_the_answer_can_cover_all(qtbot, make_controller, tmp_path):
    controller, ids = make_controller({tmp_path / "a.mp4": transcript(), tmp_path / "b.mp4": transcript()})
    for name in ("a.en.srt", "b.en.srt"):
        (tmp_path / name).write_text("old", encoding="utf-8")
    dialog = open_dialog(qtbot, controller, ids)
    tick_only(qtbot, dialog, "srt")
    dialog.collision.setCurrentIndex(dialog.collision.findData("ask"))
    boxes = Boxes("Replace", "Close", check=True)  # "do the same for every file": asked once
    with qtbot.waitSignal(dialog.exported, timeout=EXPORT_MS):  # the export runs in a pool thread
        dialog.export_button.click()
    assert "a.en.srt already exists" in boxes.texts[0]
    assert "Wrote 2 file(s)." in boxes.texts[1]
    for name in ("a.en.srt", "b.en.srt"):
        assert len(pysubs2.load(str(tmp_path / name))) > 0

    dialog = open_dialog(qtbot, controller, ids)
    boxes = Boxes("Add a number", "Skip", "Close")
    with qtbot.waitSignal(dialog.exported, timeout=EXPORT_MS):  # the export runs in a pool thread
        dialog.export_button.click()
    assert sorted(p.name for p in tmp_path.glob("*.srt")) == ["a.en (2).srt", "a.en.srt", "b.en.srt"]
    assert "Skipped 1 existing file(s)." in boxes.texts[2]


class FileUrls(QObject):
    """Receives the file URLs the app asks the desktop to open."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.paths.append(url.toLocalFile())


def test_open_folder_opens_where_the_files_went(qtbot, make_controller, tmp_path):
    controller, ids = make_controller({tmp_path / "a.mp4": transcript()})
    opened = FileUrls()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        dialog = open_dialog(qtbot, controller, ids)
        tick_only(qtbot, dialog, "srt")
        to_folder(qtbot, dialog, tmp_path / "out")
        Boxes("Open folder")
        with qtbot.waitSignal(dialog.exported, timeout=EXPORT_MS):  # the export runs in a pool thread
            dialog.export_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opened.paths == [str(tmp_path / "out")]


def test_karaoke_needs_word_timestamps(qtbot, make_controller, tmp_path):
    controller, ids = make_controller({tmp_path / "plain.mp4": transcript(),
                                       tmp_path / "words.mp4": transcript(with_words=True)})
    dialog = open_dialog(qtbot, controller, ids[:1])
    assert not dialog.karaoke.isEnabled() and "word timestamps" in dialog.karaoke.toolTip()
    dialog.reject()

    dialog = open_dialog(qtbot, controller, ids[1:])
    assert dialog.karaoke.isEnabled()
    tick_only(qtbot, dialog, "ass", "srt")
    qtbot.mouseClick(dialog.karaoke, Qt.MouseButton.LeftButton)
    boxes = Boxes("Close")
    with qtbot.waitSignal(dialog.exported, timeout=EXPORT_MS):  # the export runs in a pool thread
        dialog.export_button.click()
    assert boxes.texts
    ass = (tmp_path / "words.en.ass").read_text(encoding="utf-8")
    assert "{\\k" in ass
    srt = (tmp_path / "words.en.srt").read_text(encoding="utf-8")
    assert "<u>quick</u>" in srt
    assert len(pysubs2.load(str(tmp_path / "words.en.srt"))) > len(pysubs2.load(str(tmp_path / "words.en.ass")))


def test_jobs_without_a_transcript_cannot_be_exported(qtbot, make_controller, tmp_path):
    controller, ids = make_controller({})
    dialog = open_dialog(qtbot, controller, ["no-such-job"])
    assert not dialog.jobs and not dialog.export_button.isEnabled()
    assert "transcript" in dialog.problem.text()


def test_speaker_formats_and_labels_from_the_dialog(qtbot, make_controller, tmp_path):
    import docx

    from desktop_app.core.transcript import Speaker

    base = transcript(with_words=True)
    segments = tuple(replace(s, speaker=("S1", "S2")[i % 2],
                             words=tuple(replace(w, speaker=("S1", "S2")[i % 2]) for w in s.words))
                     for i, s in enumerate(base.segments))
    t = replace(base, segments=segments, speakers=(Speaker("S1", "Ana"), Speaker("S2", "Ben")))
    controller, ids = make_controller({tmp_path / "talk.mp4": t})
    dialog = open_dialog(qtbot, controller, ids)
    assert {"maxqda", "docx"} <= set(dialog.format_checks)
    tick_only(qtbot, dialog, "srt", "maxqda", "docx")
    dialog.speaker_label.setCurrentIndex(dialog.speaker_label.findData("brackets"))
    dialog.preview_format.setCurrentIndex(dialog.preview_format.findData("srt"))
    qtbot.waitUntil(lambda: "[Ana] " in dialog.preview_text(), timeout=EXPORT_MS)
    dialog.preview_format.setCurrentIndex(dialog.preview_format.findData("docx"))
    qtbot.waitUntil(lambda: "Ana: " in dialog.preview_text(), timeout=EXPORT_MS)
    to_folder(qtbot, dialog, tmp_path / "out")
    boxes = Boxes("Close")
    with qtbot.waitSignal(dialog.exported, timeout=EXPORT_MS):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["talk.en.docx", "talk.en.maxqda.txt", "talk.en.srt"]
    assert "Wrote 3 file(s)." in boxes.texts[0]
    subs = pysubs2.load(str(out / "talk.en.srt"))
    assert subs[0].plaintext.startswith("[Ana] ")
    assert {e.plaintext.split("] ", 1)[0] for e in subs} == {"[Ana", "[Ben"}
    bold = [r.text for p in docx.Document(str(out / "talk.en.docx")).paragraphs for r in p.runs if r.bold]
    assert bold[:2] == ["Ana:", "Ben:"]
    assert (out / "talk.en.maxqda.txt").read_text(encoding="utf-8").startswith("[00:00:")
