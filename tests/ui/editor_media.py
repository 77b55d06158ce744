"""Spoken test media with known segment times, and a finished job for it in a real window."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt

from desktop_app.core.jobs import Job, JobStatus
from desktop_app.core.store import JobStore
from desktop_app.core.transcript import Segment, Transcript, Word
from speech import duration_s, make_video, speak

SENTENCES = (
    "Good morning and welcome to the review.",
    "The river flows quickly under the old bridge.",
    "Please check every word before you export.",
)
GAP_S = 1.0
UNCERTAIN = (1, 1)  # (segment, word): "river" is given a low probability


@dataclass(frozen=True)
class SpokenMedia:
    wav: Path
    mp4: Path
    transcript: Transcript


def make_spoken_media(folder: Path) -> SpokenMedia:
    """Three sentences with a second of silence between them; segment and word times are where
    the sentences are (words share their sentence's time by length)."""
    parts, segments, t = [], [], 0.0
    silence = folder / "gap.wav"
    for i, sentence in enumerate(SENTENCES):
        wav = speak(sentence, folder / f"s{i}.wav")
        parts.append(wav)
        length = duration_s(wav)
        segments.append(_segment(sentence, t, t + length, i))
        t += length + GAP_S
    subprocess.run(["sox", "-n", "-r", "22050", "-c", "1", str(silence), "trim", "0", str(GAP_S)], check=True)
    joined = []
    for wav in parts:
        joined += [str(wav), str(silence)]
    wav = folder / "spoken.wav"
    subprocess.run(["sox", *joined[:-1], str(wav)], check=True)
    mp4 = make_video(wav, folder / "spoken.mp4")
    return SpokenMedia(wav, mp4, Transcript(tuple(segments), "en", duration_s(wav)))


def _segment(sentence: str, start: float, end: float, index: int) -> Segment:
    tokens = sentence.split()
    total = sum(len(tok) + 1 for tok in tokens)
    words, at = [], start
    for i, token in enumerate(tokens):
        span = (end - start) * (len(token) + 1) / total
        probability = 0.2 if (index, i) == UNCERTAIN else 0.95
        words.append(Word(round(at, 3), round(at + span * 0.9, 3), " " + token, probability))
        at += span
    return Segment(start, end, "".join(w.text for w in words), tuple(words))


def seed_finished_job(store_file: Path, source: Path, transcript: Transcript) -> str:
    """A finished job for `source` in the history, as a transcription leaves it."""
    with JobStore(store_file) as store:
        job = Job(path=source, status=JobStatus.DONE, transcript=transcript, language="en",
                  duration_s=transcript.duration)  # fmt: skip
        store.add(job)
    return job.id


def open_seeded_editor(qtbot, home, source: Path, transcript: Transcript):
    """A finished job for `source` in `home`'s history, the real window on it, and the editor
    its row opens on a double-click: (window, editor, job id)."""
    from desktop_app.runner.controller import QueueController
    from desktop_app.ui.main_window import MainWindow

    job_id = seed_finished_job(home.store_file, source, transcript)
    win = MainWindow(QueueController(paths=home))
    win.show()
    qtbot.waitExposed(win)
    win.select_job(job_id)
    return win, open_editor_by_double_click(qtbot, win, job_id), job_id


def open_editor_by_double_click(qtbot, win, job_id: str):
    """Double-click the job's row in the real window; returns the editor it opens."""
    index = win.proxy.mapFromSource(win.model.index(win.model.row_of(job_id), 0))
    point = win.table.visualRect(index).center()
    qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: job_id in win.editors, timeout=5000)
    editor = win.editors[job_id]
    qtbot.waitExposed(editor)
    return editor
