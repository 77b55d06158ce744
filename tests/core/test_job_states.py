"""The job state machine on its own: every (status, event) pair, then random lives of a job."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import CancelledError, DaredevilError
from desktop_app.core.jobs import (
    ALLOWED,
    CRASHED_TWICE,
    MAX_CRASH_RESTARTS,
    AppClosing,
    AudioReady,
    Cancelled,
    EngineStarted,
    Extracting,
    Failed,
    FoundInCache,
    FoundInterrupted,
    IllegalTransition,
    Job,
    JobDetails,
    JobStatus,
    Progressed,
    RetriedByUser,
    RetryDue,
    RetryPolicy,
    SpeakersStarted,
    Started,
    Transcribed,
    failure_event,
    next_state,
)
from desktop_app.core.transcript import Segment, Transcript

S = JobStatus
TEXT = Transcript((Segment(0.0, 1.0, " hello there"),), "en", 1.0)
DETAILS = JobDetails(12.5, 4096, "tiny.en", None)
#: One instance of every event, each as a driver sends it.
EVENTS = [
    Started(), Extracting(DETAILS), AudioReady(12.5, DETAILS), FoundInCache(TEXT, DETAILS), EngineStarted(),
    SpeakersStarted(),
    Progressed(0.5, 3.0), Transcribed(TEXT, 2.0), Failed("It broke.", None), Failed("Worker died.", 2.0),
    Cancelled(), RetryDue(), RetriedByUser(), AppClosing(), FoundInterrupted(),
]  # fmt: skip


def job_in(status: JobStatus, **fields) -> Job:
    return Job(Path("/media/talk.wav"), status=status, **fields)


def test_every_event_type_has_its_statuses_and_an_instance():
    assert {type(e) for e in EVENTS} == set(ALLOWED)


@pytest.mark.parametrize("status", list(JobStatus), ids=lambda s: s.value)
@pytest.mark.parametrize("event", EVENTS, ids=lambda e: type(e).__name__)
def test_each_pair_moves_or_is_refused(status, event):
    job = job_in(status, attempts=1)
    if status not in ALLOWED[type(event)]:
        with pytest.raises(IllegalTransition, match=status.value):
            next_state(job, event)
        return
    step = next_state(job, event)
    assert step.job.id == job.id and step.job.path == job.path
    assert step.job.attempts >= 0
    if step.retry_in_s is not None:
        assert step.job.status is S.RETRY_WAIT
    assert step.job.status.stored in {S.QUEUED, S.CHECKING, S.EXTRACTING, S.TRANSCRIBING, S.DONE, S.CACHED,
                                      S.FAILED, S.CANCELLED}  # fmt: skip


# (status, event) -> (new status, note, stop_work)
EXPECTED = {
    (S.QUEUED, Started()): (S.CHECKING, "Checking the file", False),
    (S.CHECKING, Extracting(DETAILS)): (S.EXTRACTING, "Extracting the audio", False),
    (S.EXTRACTING, AudioReady(12.5, DETAILS)): (S.AUDIO_READY, "Audio ready: 12.5 s; waiting for the engine", False),
    (S.CHECKING, FoundInCache(TEXT, DETAILS)): (S.CACHED, "Found in the cache", False),
    (S.AUDIO_READY, EngineStarted()): (S.TRANSCRIBING, "Transcribing with tiny.en", False),
    (S.TRANSCRIBING, Progressed(0.5, 3.0)): (S.TRANSCRIBING, "", False),
    (S.TRANSCRIBING, Transcribed(TEXT, 2.0)): (S.DONE, "Done in 2.0 s: 1 segments", False),
    (S.TRANSCRIBING, SpeakersStarted()): (S.IDENTIFYING_SPEAKERS, "Identifying the speakers", False),
    (S.IDENTIFYING_SPEAKERS, Progressed(0.5)): (S.IDENTIFYING_SPEAKERS, "", False),
    (S.IDENTIFYING_SPEAKERS, Transcribed(TEXT, 2.0, "2 speakers found.")):
        (S.DONE, "Done in 2.0 s: 1 segments. 2 speakers found.", False),
    (S.IDENTIFYING_SPEAKERS, Cancelled()): (S.CANCELLED, "Cancelled", True),
    (S.TRANSCRIBING, Failed("It broke.")): (S.FAILED, "Failed: It broke.", True),
    (S.TRANSCRIBING, Failed("Worker died.", 2.0)): (S.RETRY_WAIT, "Worker died. Retrying in 2 s", True),
    (S.QUEUED, Cancelled()): (S.CANCELLED, "Cancelled", False),
    (S.AUDIO_READY, Cancelled()): (S.CANCELLED, "Cancelled", True),
    (S.RETRY_WAIT, Cancelled()): (S.CANCELLED, "Cancelled", True),
    (S.RETRY_WAIT, RetryDue()): (S.QUEUED, "", False),
    (S.FAILED, RetriedByUser()): (S.QUEUED, "Queued again by the user", False),
    (S.TRANSCRIBING, AppClosing()): (S.QUEUED, "The app was closed; the job will run at the next launch", True),
    (S.RETRY_WAIT, AppClosing()): (S.QUEUED, "", False),
    (S.QUEUED, AppClosing()): (S.QUEUED, "", False),
}


@pytest.mark.parametrize(("status", "event"), list(EXPECTED), ids=lambda x: getattr(x, "value", type(x).__name__))
def test_what_each_transition_does(status, event):
    step = next_state(job_in(status, model="tiny.en", attempts=1), event)
    assert (step.job.status, step.note, step.stop_work) == EXPECTED[(status, event)]


def test_started_counts_an_attempt_unless_it_is_an_automatic_retry():
    first = next_state(job_in(S.QUEUED), Started()).job
    assert first.attempts == 1
    waiting = next_state(first, Failed("Worker died.", 2.0)).job
    assert (waiting.status, waiting.retries, waiting.error) == (S.RETRY_WAIT, 1, "Worker died.")
    again = next_state(next_state(waiting, RetryDue()).job, Started()).job
    assert (again.attempts, again.retries, again.error) == (1, 1, None)


def test_details_and_transcripts_land_on_the_job():
    checking = next_state(job_in(S.QUEUED), Started()).job
    extracting = next_state(checking, Extracting(DETAILS)).job
    assert (extracting.duration_s, extracting.size_bytes, extracting.model) == (12.5, 4096, "tiny.en")
    done = next_state(job_in(S.TRANSCRIBING, progress=0.4, eta_s=9.0), Transcribed(TEXT, 1.0)).job
    assert (done.transcript, done.language, done.progress, done.eta_s) == (TEXT, "en", 1.0, None)
    assert next_state(job_in(S.TRANSCRIBING), Progressed(1.7)).job.progress == 1.0
    retried = next_state(replace(done, status=S.FAILED, attempts=2, retries=2, error="x"), RetriedByUser()).job
    assert (retried.transcript, retried.attempts, retried.retries, retried.error) == (None, 0, 0, None)


def test_a_quit_takes_back_the_count_of_the_start_it_interrupted():
    running = next_state(job_in(S.QUEUED), Started()).job
    closed = next_state(running, AppClosing()).job
    assert (closed.status, closed.attempts, closed.progress) == (S.QUEUED, 0, 0.0)


def test_a_quit_during_a_backoff_is_not_counted_as_a_crash_later():
    waiting = next_state(next_state(job_in(S.QUEUED), Started()).job, Failed("Worker died.", 2.0)).job
    closed = next_state(waiting, AppClosing()).job
    assert (closed.status, closed.attempts) == (S.QUEUED, 0)
    relaunched = next_state(_reload(closed), Started()).job  # the next launch, which then crashes
    assert next_state(_reload(relaunched), FoundInterrupted()).job.status is S.QUEUED  # once: queued again


def test_crash_recovery_requeues_then_fails():
    step = next_state(job_in(S.TRANSCRIBING, attempts=1), FoundInterrupted())
    assert (step.job.status, step.job.error, step.level) == (S.QUEUED, None, logging.WARNING)
    assert "queued again" in step.note
    step = next_state(job_in(S.EXTRACTING, attempts=MAX_CRASH_RESTARTS), FoundInterrupted())
    assert (step.job.status, step.job.error, step.note) == (S.FAILED, CRASHED_TWICE, CRASHED_TWICE)


def test_statuses_kept_in_the_history_are_the_old_ones():
    assert {s.stored.value for s in JobStatus} == {
        "queued", "checking", "extracting", "transcribing", "done", "cached", "failed", "cancelled"}


class Transient(DaredevilError):
    transient = True


def test_retry_policy_backs_off_then_gives_up():
    policy = RetryPolicy(max_retries=3, backoff_s=2.0, max_backoff_s=5.0)
    assert [policy.retry_in(Transient("x"), n) for n in range(4)] == [2.0, 4.0, 5.0, None]
    assert policy.retry_in(DaredevilError("not transient"), 0) is None
    assert policy.retry_in(CancelledError("Cancelled."), 0) is None
    assert failure_event(CancelledError("Cancelled."), "Cancelled.", 0, policy) == Cancelled()
    assert failure_event(Transient("x"), "Worker died.", 1, policy) == Failed("Worker died.", 4.0)


# --- random lives: a driver that only sends what may happen, with crashes and quits between sessions ---


def _reload(job: Job) -> Job:
    """What the next launch reads back from the history."""
    return replace(job, status=job.status.stored, retries=0, eta_s=None,
                   progress=1.0 if job.status in (S.DONE, S.CACHED) else 0.0)  # fmt: skip


# quitting and crash recovery only happen between sessions: "restart" and "crash" stand for them
LIFE_EVENTS = st.sampled_from([e for e in EVENTS if not isinstance(e, (AppClosing, FoundInterrupted))]
                              + ["crash", "restart"])  # fmt: skip


def _start_counted(job: Job) -> bool:
    """The job has a start this session that a crash now would interrupt (it counts as one)."""
    return not job.status.finished and (job.status in (S.CHECKING, S.EXTRACTING, S.AUDIO_READY, S.TRANSCRIBING,
                                                             S.IDENTIFYING_SPEAKERS)
                                        or job.retries > 0)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(LIFE_EVENTS, max_size=60), st.integers(0, 3))
def test_random_lives_keep_the_invariants(steps, max_retries):
    policy = RetryPolicy(max_retries=max_retries, backoff_s=1.0)
    job = job_in(S.QUEUED)
    crashes = 0  # crashes during the job since the person last asked for a retry
    for step in steps:
        if step in ("crash", "restart"):
            if step == "restart" and not job.status.finished:
                job = next_state(job, AppClosing()).job
            crashed = step == "crash" and _start_counted(job)
            recovered = step == "crash" and job.status.running  # the history shows it running
            job = _reload(job)
            crashes += crashed
            if recovered:
                job = next_state(job, FoundInterrupted()).job
                assert job.status is (S.QUEUED if crashes < MAX_CRASH_RESTARTS else S.FAILED)
            assert job.attempts <= crashes + job.status.finished  # a finished job keeps its count
            continue
        if isinstance(step, Failed):  # as the driver builds it: the policy decides
            step = failure_event(Transient(step.message), step.message, job.retries, policy)
        if job.status not in ALLOWED[type(step)]:
            continue
        if isinstance(step, RetriedByUser):
            crashes = 0
        job = next_state(job, step).job
        assert 0 <= job.attempts <= crashes + 1
        assert 0 <= job.retries <= max_retries
        assert 0.0 <= job.progress <= 1.0
        assert (job.transcript is not None) == (job.status in (S.DONE, S.CACHED))
        if job.status in (S.DONE, S.CACHED):
            assert job.progress == 1.0 and job.error is None
        if job.status in (S.FAILED, S.RETRY_WAIT):
            assert job.error
        if job.status.running:
            assert job.error is None
