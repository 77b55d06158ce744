"""The engine worker process: keeps one Whisper model loaded and runs jobs one by one.

Only this process imports torch and whisper. It talks to the app through typed messages
(`messages.py`) over one Pipe; the audio comes in a SharedMemory block.

Progress and cancel hooks, both in-process (nothing is parsed from text):

* Progress: `whisper.transcribe` wraps its window loop in ``tqdm.tqdm(total=content_frames)``
  and calls ``pbar.update(frames)`` after each 30 s window, once that window's segments are
  in its ``all_segments`` list. We replace the name ``tqdm`` in the ``whisper.transcribe``
  module's namespace (in this process only) by a stand-in whose ``tqdm`` is
  `_WindowHook`. Its constructor takes a reference to the caller's ``all_segments`` list
  (read from the calling frame, once), and each ``update`` sends the fraction done, the
  new segments and an ETA. If a later whisper renames that list, the hook still reports
  fractions, and segments arrive with the result.
* Cancel and soft time limit: the app sets a shared multiprocessing Event (it alone owns
  the clock and knows why it asked). The worker checks it in `_WindowHook.update` and in
  forward pre-hooks (torch's own hook API) on the encoder, the decoder and each of their
  transformer blocks, so whisper stops within one block's forward pass (milliseconds), not
  one 30 s window (seconds on a CPU). The check raises `_Stopped`, which unwinds
  whisper's loop; the model stays loaded.
"""

from __future__ import annotations

import gc
import importlib
import logging
import os
import sys
import threading
import time
import types
from typing import Any

import psutil

from desktop_app.core.engine.messages import (
    EngineProgress,
    EngineStatus,
    JobDone,
    JobFailed,
    JobProgress,
    PreloadRequest,
    ShutdownRequest,
    SpeakersRequest,
    StatusReply,
    StatusRequest,
    TranscribeRequest,
    WorkerFailed,
    WorkerReady,
)
from desktop_app.core.engine.worker_support import (  # noqa: F401 - _Stopped: the speaker step's too
    PipeLogHandler,
    _BadRequest,
    _failure,
    _Stopped,
    nvml_memory,
    nvml_name,
    openai_checkpoint,
    read_audio,
    run_with_oom_retry,
)
from desktop_app.core.lifetime import die_with_parent
from desktop_app.core.transcript import Segment, Transcript, Word

log = logging.getLogger("desktop_app.core.engine.worker")

SAMPLE_RATE = 16000  # whisper.audio.SAMPLE_RATE
MB = 1024**2


def to_segment(raw: dict[str, Any]) -> Segment:
    """A whisper segment dict as our Segment."""
    words = tuple(
        Word(float(w["start"]), float(w["end"]), str(w["word"]), float(w.get("probability", 1.0)))
        for w in raw.get("words") or ()
    )
    return Segment(
        float(raw["start"]), float(raw["end"]), str(raw["text"]), words,
        seek=int(raw.get("seek", 0)), tokens=tuple(int(t) for t in raw.get("tokens", ())),
        temperature=float(raw.get("temperature", 0.0)), avg_logprob=float(raw.get("avg_logprob", 0.0)),
        compression_ratio=float(raw.get("compression_ratio", 0.0)),
        no_speech_prob=float(raw.get("no_speech_prob", 0.0)),
    )  # fmt: skip


class _JobControl:
    """One running job: its stop checks and its progress messages."""

    def __init__(self, job_id: str, send: Any, stop: Any) -> None:
        self.job_id = job_id
        self._send = send
        self._stop = stop
        self.started = time.monotonic()

    def check(self) -> None:
        if self._stop.is_set():
            raise _Stopped("The app asked this job to stop.")

    def report(self, fraction: float, segments: list[Segment]) -> None:
        fraction = min(1.0, max(0.0, fraction))
        elapsed = time.monotonic() - self.started
        eta = elapsed * (1.0 - fraction) / fraction if fraction > 0 else None
        for segment in segments or [None]:  # type: ignore[list-item]
            self._send(JobProgress(self.job_id, EngineProgress(fraction, segment, eta)))


_ACTIVE: _JobControl | None = None  # the job being decoded, seen by the hooks


class _WindowHook:
    """Stands in for ``tqdm.tqdm`` inside ``whisper.transcribe``; see the module docstring."""

    def __init__(self, *args: Any, total: int | None = None, **kwargs: Any) -> None:
        self.total = total or 0
        self.n = 0
        caller = sys._getframe(1).f_locals
        found = caller.get("all_segments")
        self._segments: list[dict[str, Any]] | None = found if isinstance(found, list) else None
        self._seen = 0

    def __enter__(self) -> "_WindowHook":
        return self

    def __exit__(self, *exc: Any) -> None:
        return None

    def update(self, n: int = 1) -> None:
        self.n += n
        job = _ACTIVE
        if job is None:
            return
        new: list[Segment] = []
        if self._segments is not None:
            new = [to_segment(s) for s in self._segments[self._seen :] if s["text"].strip()]
            self._seen = len(self._segments)
        job.report(self.n / self.total if self.total else 1.0, new)
        job.check()


def _stop_check_hook(_module: Any, _inputs: Any) -> None:
    job = _ACTIVE
    if job is not None:
        job.check()


def install_window_hook() -> None:
    """Point whisper.transcribe's ``tqdm`` at `_WindowHook` (this process only)."""
    module = importlib.import_module("whisper.transcribe")
    module.tqdm = types.SimpleNamespace(tqdm=_WindowHook)  # type: ignore[attr-defined]


class _Engine:
    """The worker's state: the loaded model and counters."""

    def __init__(self, send: Any, stop: Any) -> None:
        self._send = send
        self._stop = stop
        self.model: Any = None  # openai-whisper's, or a FasterWhisperModel
        self.model_key: tuple[str, str] | None = None  # (sha256, device)
        self.model_engine = ""  # the engine self.model is for
        self.compute_type = ""
        self.model_name: str | None = None
        self.model_loads = 0
        self.jobs_served = 0
        self._process = psutil.Process()

    @property
    def _torch(self) -> Any:
        import torch  # only when the torch engine or the speaker step needs it: ~1 s and ~300 MB

        return torch

    # -- device and memory --------------------------------------------------------------

    def resolve_device(self, device: str, engine: str = "openai-whisper") -> str:
        from desktop_app.core.engine_choice import cuda_available

        cuda = cuda_available() if engine == "faster-whisper" else self._torch.cuda.is_available()
        if device in ("auto", "", None):
            return "cuda" if cuda else "cpu"
        if device.startswith("cuda") and not cuda:
            raise _BadRequest("This computer has no usable CUDA GPU. Choose the CPU or Auto device.")
        return device

    def _on_cuda(self) -> bool:
        return self.model_key is not None and self.model_key[1].startswith("cuda")

    def gpu_memory(self, device: str = "cuda") -> tuple[int, int] | None:
        """(used, free) bytes on the GPU as NVML sees it (torch can't see CTranslate2's), or None."""
        return nvml_memory(int(device.partition(":")[2] or 0))

    def rss(self) -> int:
        return self._process.memory_info().rss

    def cleanup(self, force_cuda: bool = False) -> None:
        """gc, and on CUDA empty torch's cache, logging GPU memory before and after."""
        if not (force_cuda or self._on_cuda()):
            gc.collect()
            return
        before = self.gpu_memory()
        gc.collect()
        if "torch" in sys.modules:
            self._torch.cuda.empty_cache()
        after = self.gpu_memory()
        if before and after:
            log.info(
                "GPU memory used/free: %d/%d MB before cleanup, %d/%d MB after",
                before[0] // MB, before[1] // MB, after[0] // MB, after[1] // MB,
            )

    def status(self) -> EngineStatus:
        device = self.model_key[1] if self.model_key else self.resolve_device("auto", "faster-whisper")
        name = (nvml_name(int(device.partition(":")[2] or 0)) or "CUDA GPU") if device.startswith("cuda") else "CPU"
        gpu = self.gpu_memory() if device.startswith("cuda") else None
        return EngineStatus(
            device=device,
            device_name=name,
            model_name=self.model_name,
            model_sha256=self.model_key[0] if self.model_key else None,
            model_loads=self.model_loads,
            jobs_served=self.jobs_served,
            pid=os.getpid(),
            rss_bytes=self.rss(),
            gpu_memory_used_bytes=gpu[0] if gpu else None,
            gpu_memory_free_bytes=gpu[1] if gpu else None,
            engine=self.model_engine,
            compute_type=self.compute_type,
        )

    # -- model --------------------------------------------------------------------------

    def unload_model(self) -> None:
        """Drop the loaded model (either engine's) and free its memory, GPU memory too."""
        was_on_cuda = self._on_cuda()
        self.model, self.model_key, self.model_name, self.model_engine = None, None, None, ""
        gc.unfreeze()  # let the old model's objects be collected
        self.cleanup(force_cuda=was_on_cuda)  # free the old model's GPU memory before the new one

    def ensure_faster_model(self, name: str, path: str, sha256: str, device: str, compute_type: str) -> bool:
        """Load the CTranslate2 model unless it is loaded already on this device and compute type."""
        from desktop_app.core.engine.faster_backend import load_timed

        if self.model_engine == "faster-whisper" and self.model_key == (sha256, device) \
                and self.compute_type == compute_type:
            return False
        self.unload_model()
        self.model = load_timed(name, path, device, compute_type)
        self.model_key, self.model_name, self.model_engine = (sha256, device), name, "faster-whisper"
        self.compute_type = compute_type
        self.model_loads += 1
        return True

    def ensure_model(self, name: str, path: str, sha256: str, device: str) -> bool:
        """Load the model unless this one is already loaded on this device; True if loaded."""
        from desktop_app.core.models.loading import load_checkpoint_model

        install_window_hook()
        key = (sha256, device)
        if self.model_key == key and self.model_engine == "openai-whisper":
            return False
        self.unload_model()
        started = time.monotonic()
        model = load_checkpoint_model(openai_checkpoint(path), device, name=name)
        for part in (model.encoder, model.decoder):
            part.register_forward_pre_hook(_stop_check_hook)
            for block in part.blocks:  # finer steps: one encoder pass is long on a busy CPU
                block.register_forward_pre_hook(_stop_check_hook)
        self.model, self.model_key, self.model_name, self.model_engine = model, key, name, "openai-whisper"
        self.compute_type = "float16" if device.startswith("cuda") else "float32"
        self.model_loads += 1
        # torch, whisper and the model are ~200k long-lived objects: freezing them makes the
        # gc.collect() after each job take well under a millisecond instead of ~0.1-0.4 s.
        gc.collect()
        gc.freeze()
        log.info("Loaded model %s on %s in %.1f s", name, device, time.monotonic() - started)
        return True

    def preload(self, req: PreloadRequest) -> None:
        """Load the model a job will need, while the app is still decoding its audio."""
        try:
            device = self.resolve_device(req.device, req.options.engine)
            if req.options.engine == "faster-whisper":
                self.ensure_faster_model(req.model.name, req.model.path, req.model.sha256, device,
                                         req.options.compute_type)  # fmt: skip
            else:
                self.ensure_model(req.model.name, req.model.path, req.model.sha256, device)
        except Exception as exc:  # noqa: BLE001 - the job loads again and reports it properly
            log.warning("Could not load model %s ahead of its job: %s", req.model.name, exc)

    # -- jobs ---------------------------------------------------------------------------

    def run_job(self, req: TranscribeRequest) -> JobDone | JobFailed:
        global _ACTIVE
        started = time.monotonic()
        try:
            audio = read_audio(req.audio_shm, req.n_samples)
            device = self.resolve_device(req.device, req.options.engine)
            job = _ACTIVE = _JobControl(req.job_id, self._send, self._stop)
            if req.options.engine == "faster-whisper":
                loaded = self.ensure_faster_model(req.model.name, req.model.path, req.model.sha256, device,
                                                  req.options.compute_type)  # fmt: skip
                transcript = run_with_oom_retry(
                    lambda: self.model.transcribe(audio, req.options, job.report, job.check), self.cleanup)
            else:
                loaded = self.ensure_model(req.model.name, req.model.path, req.model.sha256, device)
                transcript = self._openai_transcribe(audio, req.options, device)
            job.report(1.0, [])
            outcome: JobDone | JobFailed = JobDone(
                req.job_id, transcript, loaded, time.monotonic() - started, 0
            )
        except Exception as exc:
            outcome = _failure(req.job_id, exc)
        finally:
            _ACTIVE = None
            audio = None
            self.jobs_served += 1
        self.cleanup()
        rss = self.rss()
        log.info("Job %s done in %.1f s; worker RSS %d MB", req.job_id, time.monotonic() - started, rss // MB)
        if isinstance(outcome, JobDone):
            return JobDone(outcome.job_id, outcome.transcript, outcome.model_loaded, outcome.seconds, rss)
        return JobFailed(outcome.job_id, outcome.kind, outcome.text, rss)


    def _openai_transcribe(self, audio: Any, options: Any, device: str) -> Transcript:
        kwargs = options.whisper_kwargs(fp16=device.startswith("cuda"))

        def transcribe() -> dict[str, Any]:
            import whisper

            return whisper.transcribe(self.model, audio, verbose=None, **kwargs)

        result = run_with_oom_retry(transcribe, self.cleanup)
        segments = tuple(to_segment(s) for s in result["segments"] if s["text"].strip())
        return Transcript(segments, str(result["language"]), len(audio) / SAMPLE_RATE, engine="openai-whisper")


def _import_quietly(module: str) -> None:
    try:
        importlib.import_module(module)
    except Exception as exc:  # noqa: BLE001 - the job that needs it imports it again and reports it
        log.debug("Could not import %s ahead of time: %s", module, exc)


def run_worker(conn: Any, stop: Any) -> None:
    """The worker process's main function: serve requests until shutdown or EOF."""
    die_with_parent()
    lock = threading.Lock()

    def send(message: Any) -> None:
        with lock:
            conn.send(message)

    root = logging.getLogger()
    root.addHandler(PipeLogHandler(send))
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    try:
        engine = _Engine(send, stop)
    except BaseException as exc:  # noqa: BLE001 - report anything, then exit
        send(WorkerFailed(f"The transcription engine could not start: {type(exc).__name__}: {exc}"))
        return
    send(WorkerReady(os.getpid()))
    # the default engine's import (~0.25 s, PyAV and CTranslate2) while the app still decodes the audio
    threading.Thread(target=_import_quietly, args=("faster_whisper",), name="warm-import", daemon=True).start()
    idle_release_s, last_job = 0.0, time.monotonic()
    while True:
        try:
            if engine.model is not None and idle_release_s > 0:  # status requests don't count as work
                left = last_job + idle_release_s - time.monotonic()
                if left <= 0:
                    log.info("No job for %.0f s: releasing model %s", idle_release_s, engine.model_name)
                    engine.unload_model()
                    continue
                if not conn.poll(left):
                    continue
            message = conn.recv()
        except (EOFError, OSError):  # the app has gone
            break
        if isinstance(message, TranscribeRequest):
            idle_release_s = message.idle_release_s
        try:
            if isinstance(message, ShutdownRequest):
                break
            if isinstance(message, StatusRequest):
                send(StatusReply(engine.status()))
            elif isinstance(message, PreloadRequest):
                engine.preload(message)
            elif isinstance(message, TranscribeRequest):
                send(engine.run_job(message))
                last_job = time.monotonic()
            elif isinstance(message, SpeakersRequest):  # SPEAKER SEAM (issue 10): see speaker_step.py
                from desktop_app.core.engine.speaker_step import run_speakers

                send(run_speakers(message, send, stop, engine.cleanup, engine.rss))
        except (BrokenPipeError, EOFError, OSError):
            break
