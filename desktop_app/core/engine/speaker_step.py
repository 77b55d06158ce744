"""SPEAKER SEAM (issue 10, phase 1): the speaker step as the engine worker runs it.

The worker answers a `SpeakersRequest` (sent after a transcription, or for a transcript
already cached) with `run_speakers`, in its own process, next to the loaded model. The
integrator moves this, and its one dispatch line in `worker.run_worker`, into the new worker.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from typing import Any

from desktop_app.core.engine.messages import ErrorKind, JobFailed, SpeakersDone, SpeakersRequest

log = logging.getLogger("desktop_app.core.engine.worker")


def run_speakers(
    req: SpeakersRequest, send: Callable[[Any], None], stop: Any,
    cleanup: Callable[[], None], rss: Callable[[], int],
) -> SpeakersDone | JobFailed:
    """Label the request's transcript; progress and the stop flag work as for a transcription."""
    from desktop_app.core.engine.worker import _JobControl, _Stopped
    from desktop_app.core.engine.worker_support import read_audio as _read_audio
    from desktop_app.core.speakers import identify_speakers

    started = time.monotonic()
    audio = None
    try:
        audio = _read_audio(req.audio_shm, req.n_samples)
        job = _JobControl(req.job_id, send, stop)
        result = identify_speakers(audio, req.transcript, req.speakers, lambda f: job.report(f, []), job.check)
        outcome: SpeakersDone | JobFailed = SpeakersDone(req.job_id, result, time.monotonic() - started, 0)
    except _Stopped as exc:
        outcome = JobFailed(req.job_id, ErrorKind.STOPPED, str(exc))
    except Exception as exc:
        log.error("Identifying speakers failed:\n%s", traceback.format_exc())
        outcome = JobFailed(req.job_id, ErrorKind.INTERNAL,
                            f"Identifying speakers failed: {type(exc).__name__}: {exc}")
    finally:
        audio = None
    cleanup()
    if isinstance(outcome, SpeakersDone):
        return SpeakersDone(outcome.job_id, outcome.result, outcome.seconds, rss())
    return JobFailed(outcome.job_id, outcome.kind, outcome.text, rss())
