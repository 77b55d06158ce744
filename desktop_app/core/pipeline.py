"""The path from a file on disk to a transcript, in stages the CLI and the window share.

Stages: `prepare` (stat check, probe, content hash, cache keys) -> `cached` ->
`extract` (ffmpeg) -> `transcribe_audio` (engine worker, then cache) -> with speakers
asked for, `label_speakers` (the speaker step in the worker, then cache). The window runs
the first three on an I/O pool and the rest on its single engine thread
(`finish_audio`); the CLI runs them in order through `run`.

With speakers, the transcript (word timestamps on) is cached under its own key and the
labelled one under that key plus the speaker option, so a transcript made before gets
speakers, or another count of them, without being transcribed again.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from desktop_app.core.cache import ResultCache, cache_key, speaker_cache_key
from desktop_app.core.engine_choice import choose_engine, resolve_device
from desktop_app.core.engine import EngineClient, EngineProgress, EngineStatus
from desktop_app.core.errors import CancelledError, DaredevilError, FileCheckError, MediaError
from desktop_app.core.filecheck import FileChangedError, check_file
from desktop_app.core.hashing import FileFingerprint
from desktop_app.core.jobs import JobDetails, JobStatus, RetryPolicy
from desktop_app.core.media import SAMPLE_RATE, MediaInfo, extract_audio, probe_media
from desktop_app.core.models.forms import ModelFormat, ModelInfo
from desktop_app.core.models.registry import STARTER_MODEL_NAME, resolve_model
from desktop_app.core.options import TranscribeOptions
from desktop_app.core.paths import AppPaths, app_paths
from desktop_app.core.settings import Settings
from desktop_app.core.speakers.count import SpeakerCount, parse_speakers
from desktop_app.core.speakers.identify import SpeakerNote, SpeakerResult
from desktop_app.core.transcript import Transcript

log = logging.getLogger(__name__)

StageCallback = Callable[[JobStatus], None]
ProgressCallback = Callable[[EngineProgress], None]
NoticeCallback = Callable[[str], None]  # a line for a person: installing the starter model on first use


def weights_sha256(model: ModelInfo, engine: str = "openai-whisper") -> str:
    """The SHA-256 of the weights the engine runs: faster-whisper's CTranslate2 folder, or the
    torch engine's .pt (else the folder the worker makes it from)."""
    form = model.form(ModelFormat.CTRANSLATE2) if engine == "faster-whisper" else None
    form = form or model.form(ModelFormat.OPENAI) or model.forms[0]
    return form.sha256


def make_engine(settings: Settings):
    """The engine client the settings ask for: this computer's worker, or a shared server's queue."""

    def local() -> EngineClient:
        return EngineClient(max_jobs=settings.worker_max_jobs, max_rss_gb=settings.worker_max_rss_gb,
                            idle_release_s=settings.model_idle_release_s)  # fmt: skip

    if not settings.server_url:
        return local()
    from desktop_app.core.remote.celery_app import broker_url
    from desktop_app.core.remote.remote_client import RemoteEngineClient

    return RemoteEngineClient(broker_url(settings.server_url, settings.server_password),
                              fallback_after_s=settings.server_fallback_min * 60, local_factory=local)  # fmt: skip


@dataclass(frozen=True)
class PreparedJob:
    """A checked file, ready to extract: what it is and where its result is cached."""

    file: FileFingerprint  # as checked, before the content hash: the cache key is only good while it holds
    media: MediaInfo
    model: ModelInfo
    options: TranscribeOptions
    cache_key: str | None  # the result's key (labelled, with speakers); None when the cache is off
    speakers: SpeakerCount | None = None  # None: no speaker step
    transcript_key: str | None = None  # the unlabelled transcript's key (= cache_key without speakers)

    @property
    def details(self) -> JobDetails:
        """What the job's row shows about the file."""
        return JobDetails(self.media.duration_s, self.file.size, self.model.name, self.options.language)


@dataclass(frozen=True)
class IoOutcome:
    """The result of the I/O stages: a cached transcript, or audio to transcribe."""

    prepared: PreparedJob
    cached: Transcript | None = None
    audio: np.ndarray | None = None
    transcript: Transcript | None = None  # transcribed before: only the speaker step is left


@dataclass(frozen=True)
class EngineResult:
    """What the engine stages made: the transcript, and the speaker step's line for the row."""

    transcript: Transcript
    speaker_note: SpeakerNote | None = None


@dataclass(frozen=True)
class JobOutcome:
    transcript: Transcript
    from_cache: bool
    speaker_note: SpeakerNote | None = None  # speakers found, or why the step was skipped


def _speaker_option(text: str | None) -> SpeakerCount | None:
    """The speaker option; a value the settings file can't mean turns the step off (logged)."""
    try:
        return parse_speakers(text)
    except ValueError as exc:
        log.warning("%s Identifying speakers is off.", exc)
        return None


class Pipeline:
    """Owns the cache and the engine client; every stage raises typed DaredevilErrors."""

    def __init__(
        self,
        settings: Settings,
        paths: AppPaths | None = None,
        *,
        use_cache: bool = True,
        model: str | None = None,
        device: str | None = None,
        options: TranscribeOptions | None = None,
        engine: EngineClient | None = None,
        speakers: str | None = None,
        batched: str | None = None,
    ) -> None:
        self.settings = settings
        self.batched = batched or settings.batched  # "auto", "on" or "off"
        self.paths = (paths or app_paths()).ensure()
        self.speakers = _speaker_option(speakers if speakers is not None else settings.speakers)
        self.options = options or settings.transcribe_options()
        if self.speakers is not None:  # words are what the speaker step labels
            self.options = replace(self.options, word_timestamps=True)
        self.device = device or settings.device
        self._model_name = model or settings.model or STARTER_MODEL_NAME
        self._model: ModelInfo | None = None
        self._model_lock = threading.Lock()
        self.cache = self._open_cache(settings) if use_cache else None
        self.engine = engine or make_engine(settings)
        self.retry = RetryPolicy.from_limits(settings.limits)

    def _open_cache(self, settings: Settings) -> ResultCache | None:
        try:
            return ResultCache(self.paths.cache_file, settings.cache_max_bytes)
        except (OSError, sqlite3.Error) as exc:  # a damaged file is recovered inside; this is worse
            log.warning("The result cache can't be opened (%s); transcribing without it", exc)
            return None

    @property
    def model(self) -> ModelInfo:
        """The model to use, resolved once (raises ModelNotFoundError with advice)."""
        return self.resolve_model()

    def resolve_model(self, on_notice: NoticeCallback | None = None) -> ModelInfo:
        """The model, resolved once; a missing starter model is installed now and ``on_notice`` hears it."""
        with self._model_lock:
            if self._model is None:
                self._model = resolve_model(self._model_name, STARTER_MODEL_NAME, on_install=on_notice)
            return self._model

    def prepare(
        self, path: Path, on_notice: NoticeCallback | None = None, cancel: threading.Event | None = None
    ) -> PreparedJob:
        """Check the file (size from os.stat first), probe it, and find its cache key."""
        limits = self.settings.limits
        info = check_file(Path(path), limits.max_file_bytes)
        media = probe_media(info.path, timeout_s=limits.probe_timeout_s, cancel=cancel)
        model = self.resolve_model(on_notice)
        options = choose_engine(self.options, model, self.device, self.batched, media.duration_s)
        key = transcript_key = None
        if self.cache is not None:
            try:
                content = self.cache.hash_for(info.path)
            except OSError as exc:
                raise FileCheckError(
                    f"The file could not be read ({exc.strerror or exc}). Check that it is still "
                    "there and that the drive is connected, then retry."
                ) from exc
            key = transcript_key = cache_key(content, weights_sha256(model, options.engine), options)
            if self.speakers is not None:
                key = speaker_cache_key(transcript_key, self.speakers.option)
        return PreparedJob(info, media, model, options, key, self.speakers, transcript_key)

    def cached(self, job: PreparedJob) -> Transcript | None:
        """The validated cached transcript, or None (a bad entry is dropped by the cache)."""
        if self.cache is None or job.cache_key is None:
            return None
        return self.cache.get(job.cache_key)

    def extract(self, job: PreparedJob, cancel: threading.Event | None = None) -> np.ndarray:
        """16 kHz mono float32 audio, under the size-adaptive time limit.

        The file is checked against `job.file` before and after ffmpeg reads it: audio from
        a file that changed meanwhile matches neither the old content's cache key nor the
        new content, so it is refused rather than cached or reported."""
        # the file may have changed or gone while it waited in the queue
        now = check_file(job.file.path, self.settings.limits.max_file_bytes)
        if job.file.changed(now):
            raise FileChangedError("The file changed after it was checked. Retry it to use the new version.")
        timeout = self.settings.limits.extract_timeout(job.file.size)
        try:
            audio = extract_audio(job.file.path, timeout_s=timeout, cancel=cancel)
        except MediaError as exc:
            if self._changed_since(job):  # a truncated file fails in ffmpeg: say why
                raise FileChangedError("The file changed while it was being read; run it again.") from exc
            raise
        if self._changed_since(job):
            log.warning("%s changed while ffmpeg read it; its audio was dropped", job.file.path)
            raise FileChangedError("The file changed while it was being read; run it again.")
        return audio

    @staticmethod
    def _changed_since(job: PreparedJob) -> bool:
        try:
            return job.file.changed(FileFingerprint.of(job.file.path))
        except OSError:  # gone
            return True

    def prepare_and_extract(
        self,
        path: Path,
        cancel: threading.Event | None = None,
        on_stage: Callable[[JobStatus, PreparedJob | None], None] | None = None,
        on_notice: NoticeCallback | None = None,
    ) -> IoOutcome:
        """The I/O stages: check, probe and look up the cache; on a miss, decode the audio."""
        stage = on_stage or (lambda _status, _prepared: None)
        stage(JobStatus.CHECKING, None)
        prepared = self.prepare(path, on_notice, cancel)
        if cancel is not None and cancel.is_set():
            raise CancelledError("Cancelled.")
        hit = self.cached(prepared)
        if hit is not None:
            return IoOutcome(prepared, cached=hit)
        transcribed = None
        if prepared.speakers is not None and self.cache is not None and prepared.transcript_key is not None:
            transcribed = self.cache.get(prepared.transcript_key)
        stage(JobStatus.EXTRACTING, prepared)
        return IoOutcome(prepared, audio=self.extract(prepared, cancel), transcript=transcribed)

    def transcribe_audio(
        self,
        job: PreparedJob,
        audio: np.ndarray,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> Transcript:
        """Run the engine with the job's soft and hard limits, then store the result."""
        seconds = len(audio) / SAMPLE_RATE
        limits = self.settings.limits
        transcript = self.engine.transcribe(
            audio,
            job.model,
            job.options,
            device=self.device,
            on_progress=on_progress,
            cancel=cancel,
            soft_limit_s=limits.job_soft_limit(seconds),
            hard_limit_s=limits.job_hard_limit(seconds),
        )
        if self.cache is not None and job.transcript_key is not None:
            self.cache.put(job.transcript_key, transcript)
        return transcript

    def describe_run(self, job: PreparedJob) -> str:
        """What the engine runs the job with, e.g. "faster-whisper on cpu (int8)"."""
        return job.options.describe(resolve_device(self.device))

    def label_speakers(
        self,
        job: PreparedJob,
        audio: np.ndarray,
        transcript: Transcript,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> SpeakerResult:
        """The speaker step in the engine worker, then the labelled transcript is cached."""
        speakers = job.speakers or SpeakerCount()
        seconds = len(audio) / SAMPLE_RATE
        limits = self.settings.limits
        result = self.engine.identify_speakers(
            audio, transcript, speakers, on_progress=on_progress, cancel=cancel,
            soft_limit_s=limits.job_soft_limit(seconds), hard_limit_s=limits.job_hard_limit(seconds),
        )
        if self.cache is not None and job.cache_key is not None:
            self.cache.put(job.cache_key, result.transcript)
        return result

    def finish_audio(
        self,
        io: IoOutcome,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        on_speaker_progress: ProgressCallback | None = None,
    ) -> EngineResult:
        """The engine stages for decoded audio: transcribe (unless done before), then speakers."""
        assert io.audio is not None
        job = io.prepared
        transcript = io.transcript or self.transcribe_audio(job, io.audio, on_progress, cancel)
        if job.speakers is None:
            return EngineResult(transcript)
        if on_speaker_progress is not None:
            on_speaker_progress(EngineProgress(0.0))  # the speaker step starts now
        result = self.label_speakers(job, io.audio, transcript, on_speaker_progress, cancel)
        return EngineResult(result.transcript, result.note)
    def engine_status(self, cancel: threading.Event | None = None) -> EngineStatus | None:
        """The engine's device, memory and model; None when cancelled or no worker runs (none is started to ask)."""
        if (cancel is not None and cancel.is_set()) or self.engine.worker_pid is None:
            return None
        try:
            return self.engine.status()
        except DaredevilError:
            return None

    def run(
        self,
        path: Path,
        on_stage: StageCallback | None = None,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> JobOutcome:
        """All stages in order, retrying transient failures as the retry policy says."""
        stage = on_stage or (lambda _status: None)
        retries = 0
        while True:
            try:
                io = self.prepare_and_extract(path, cancel, self._preloading(stage))
                if io.cached is not None:
                    stage(JobStatus.CACHED)
                    return JobOutcome(io.cached, True)
                stage(JobStatus.TRANSCRIBING)
                done = self.finish_audio(io, on_progress, cancel, _first_stage(stage, on_progress))
                stage(JobStatus.DONE)
                return JobOutcome(done.transcript, False, done.speaker_note)
            except DaredevilError as exc:
                delay = self.retry.retry_in(exc, retries)
                if delay is None:
                    raise
                retries += 1
                log.warning("%s: %s; retrying in %.1f s", path, exc, delay)
                if cancel is not None and cancel.wait(delay):
                    raise CancelledError("Cancelled.") from exc
                if cancel is None:
                    time.sleep(delay)

    def _preloading(self, stage: StageCallback) -> Callable[[JobStatus, PreparedJob | None], None]:
        """`stage`, and the worker loads the model while ffmpeg decodes (only where one thread
        drives the engine, as in `run`: the window's preload is `JobExecution._preload`)."""

        def on_stage(status: JobStatus, prepared: PreparedJob | None) -> None:
            if status is JobStatus.EXTRACTING and prepared is not None:
                self.engine.preload(prepared.model, prepared.options, self.device)
            stage(status)

        return on_stage

    def close(self) -> None:
        """Stop the worker process and close the cache."""
        self.engine.close()
        if self.cache is not None:
            self.cache.close()


def _first_stage(stage: StageCallback, on_progress: ProgressCallback | None) -> ProgressCallback:
    """The speaker step's progress: its stage first, then its progress like transcription's."""
    started: list[bool] = []

    def speaker_progress(progress: EngineProgress) -> None:
        if not started:
            started.append(True)
            stage(JobStatus.IDENTIFYING_SPEAKERS)
        if on_progress is not None:
            on_progress(progress)

    return speaker_progress
