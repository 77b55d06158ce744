"""The speaker step shows on the job's row as a stage of its own, with its progress."""

from __future__ import annotations

import json

import pytest

from conversations import VOICES, conversation
from desktop_app.core.jobs import JobStatus
from desktop_app.runner.controller import QueueController
from runner.qt_support import WAIT_JOB_MS

pytestmark = pytest.mark.heavy


@pytest.mark.timeout(900)
def test_a_job_asked_for_speakers_shows_the_speaker_stage_then_the_count(qtbot, fresh_home, tmp_path):
    settings = json.loads(fresh_home.settings_file.read_text(encoding="utf-8"))
    fresh_home.settings_file.write_text(json.dumps({**settings, "speakers": "2", "language": "en"}),
                                        encoding="utf-8")  # fmt: skip
    talk = conversation(VOICES[:2], tmp_path / "talk.wav", turns=6, seed=5)
    ctl = QueueController(paths=fresh_home)
    seen: list[tuple[JobStatus, float]] = []
    ctl.job_changed.connect(lambda job_id: seen.append((ctl.job(job_id).status, ctl.job(job_id).progress)))
    try:
        [job_id] = ctl.add_paths([talk.path])
        with qtbot.waitSignal(ctl.queue_idle, timeout=WAIT_JOB_MS * 3):
            pass
        job = ctl.job(job_id)
        assert job.status == JobStatus.DONE, job.error
        statuses = [status for status, _ in seen]
        assert JobStatus.IDENTIFYING_SPEAKERS in statuses
        first = statuses.index(JobStatus.IDENTIFYING_SPEAKERS)
        assert JobStatus.TRANSCRIBING in statuses[:first]  # transcription first, then the speakers
        assert seen[first][1] == 0.0  # the speaker step's own progress starts again
        logs = "\n".join(ctl.logs(job_id))
        assert "Identifying the speakers" in logs and "2 speakers found." in logs
        assert len(job.transcript.speakers) == 2
    finally:
        ctl.shutdown()
